#include "core/profile/profile.h"

#include "core/store/keyringstore.h"
#include "core/store/schema.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>

using namespace Qt::StringLiterals;

namespace outward {

Q_LOGGING_CATEGORY(lcProfile, "outward.core.profile")

namespace {
const QString kNodeKey = u"node"_s;
const QString kCreatedKey = u"createdAt"_s;
const QString kTeamKey = u"team"_s;
const QString kServerKey = u"server"_s;
const QString kRecoveryPendingKey = u"recoveryCodePending"_s;

Error noProfile(const QString &folder)
{
    return Error(
        ErrorCode::NoProfile,
        u"there is no Outward profile in %1; create one with `outward-cli init`"_s.arg(folder));
}
} // namespace

QString Profile::databasePath(const QString &folder)
{
    return QDir(folder).filePath(QString::fromLatin1(kDatabaseFileName));
}

Profile::Profile(QString folder, const Clock &clock, std::unique_ptr<Database> database,
                 WrappedKeyring keyring, QString node)
    : m_folder(std::move(folder))
    , m_clock(clock)
    , m_database(std::move(database))
    , m_store(std::make_unique<RecordStore>(*m_database))
    , m_directory(std::make_unique<DirectoryStore>(*m_database))
    , m_syncState(std::make_unique<SyncStateStore>(*m_database))
    , m_keyring(std::move(keyring))
    , m_hlc(clock, std::move(node))
{}

Profile::~Profile()
{
    lock();
    m_store.reset(); // its prepared statements must go before the connection
    m_directory.reset();
    m_syncState.reset();
    m_database.reset();
}

Status Profile::checkFolderIsFree(const QString &folder, const Clock &clock)
{
    if (!QFileInfo::exists(databasePath(folder)))
        return {};
    // A database without keys is an init that was interrupted: it may be replaced.
    auto existing = open(folder, clock);
    if (existing || existing.error().code() != ErrorCode::NoProfile)
        return Error(ErrorCode::ProfileExists,
                     u"%1 already holds an Outward profile; choose another folder, or use "
                     u"`outward-cli recover` if you lost the passphrase"_s.arg(folder));
    return {};
}

Result<Profile::Created> Profile::create(const QString &folder, const SecureBytes &passphrase,
                                         const KdfParams &params, const Clock &clock)
{
    if (auto free = checkFolderIsFree(folder, clock); !free)
        return free.error();
    const QString userId = QUuid::createUuid().toString(QUuid::WithoutBraces);
    auto created = keyring::create(userId, passphrase, params);
    if (!created)
        return created.error();
    auto profile = createWith(folder, created->wrapped, std::move(created->keys), clock);
    if (!profile)
        return profile.error();
    qCInfo(lcProfile) << "profile created with" << params.name();
    return Created{std::move(profile).value(), created->recoveryCode};
}

Result<std::unique_ptr<Profile>>
Profile::createFromKeys(const QString &folder, keyring::AdoptedKeyring adopted, const Clock &clock)
{
    if (adopted.keys.userId != adopted.wrapped.userId)
        return Error(ErrorCode::Internal, u"the adopted keys do not belong to their keyring"_s);
    if (auto free = checkFolderIsFree(folder, clock); !free)
        return free.error();
    auto profile = createWith(folder, adopted.wrapped, std::move(adopted.keys), clock);
    if (!profile)
        return profile.error();
    qCInfo(lcProfile) << "profile created for a new device of an existing account with"
                      << adopted.wrapped.kdf.name();
    return profile;
}

Result<std::unique_ptr<Profile>> Profile::createWith(const QString &folder,
                                                     const WrappedKeyring &wrapped,
                                                     UnlockedKeys keys, const Clock &clock)
{
    const QString path = databasePath(folder);
    if (!QDir().mkpath(folder))
        return Error(ErrorCode::Storage, u"cannot create the profile folder %1; check the path "
                                         u"and its permissions"_s.arg(folder));
    // Only the owner may list or read the folder.
    QFile::setPermissions(folder,
                          QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner);

    // SQLite gives -wal and -shm the database file's mode, so owner-only from the first byte keeps
    // the wrapped keys private even in a copy of the folder that lost its 0700.
    if (QFile file(path); !file.exists() && file.open(QIODevice::WriteOnly))
        file.close();
    QFile::setPermissions(path, QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    auto database = Database::open(path, profileSchema());
    if (!database)
        return database.error();

    const QString node = HybridLogicalClock::newNodeId();
    const QDateTime createdAt = QDateTime::fromMSecsSinceEpoch(clock.nowMs(), Qt::UTC);
    Database &db = **database;
    auto saved = db.write(u"creating the profile"_s, [&]() -> Status {
        if (auto stored = KeyringStore(db).save(wrapped); !stored)
            return stored;
        if (auto meta = db.setMeta(kNodeKey, node); !meta)
            return meta;
        return db.setMeta(kCreatedKey, createdAt.toString(Qt::ISODateWithMs));
    });
    if (!saved)
        return saved.error();

    std::unique_ptr<Profile> profile(
        new Profile(folder, clock, std::move(database).value(), wrapped, node));
    profile->m_createdAt = createdAt;
    if (auto adopted = profile->adoptKeys(std::move(keys)); !adopted)
        return adopted.error();
    return profile;
}

Result<std::unique_ptr<Profile>> Profile::open(const QString &folder, const Clock &clock)
{
    const QString path = databasePath(folder);
    if (!QFileInfo(path).isFile())
        return noProfile(folder);
    auto database = Database::open(path, profileSchema());
    if (!database)
        return database.error();
    auto keyring = KeyringStore(**database).load();
    if (!keyring)
        return keyring.error();
    if (!keyring->has_value())
        return Error(
            ErrorCode::NoProfile,
            u"the profile in %1 was not completely created; run `outward-cli init` again"_s.arg(
                folder));
    auto node = (*database)->meta(kNodeKey);
    if (!node)
        return node.error();
    if (!node->has_value() || !HybridLogicalClock::isValidNodeId(**node))
        return Error(ErrorCode::Corrupt, u"the profile's device id is damaged"_s);

    std::unique_ptr<Profile> profile(
        new Profile(folder, clock, std::move(database).value(), std::move(**keyring), **node));
    if (auto loaded = profile->loadSettings(); !loaded)
        return loaded.error();
    return profile;
}

Status Profile::loadSettings()
{
    auto created = m_database->meta(kCreatedKey);
    auto team = m_database->meta(kTeamKey);
    auto server = m_database->meta(kServerKey);
    auto latest = m_store->latestClock();
    if (!created || !team || !server || !latest)
        return (!created  ? created.error()
                : !team   ? team.error()
                : !server ? server.error()
                          : latest.error());
    m_createdAt = QDateTime::fromString(created->value_or(QString()), Qt::ISODateWithMs);
    m_team = team->value_or(QString());
    m_server = server->value_or(QString());
    if (latest->has_value())
        m_hlc.observe(**latest); // never issue a clock older than a stored one
    return {};
}

Status Profile::adoptKeys(Result<UnlockedKeys> keys)
{
    if (!keys)
        return keys.error();
    lock();
    m_keys = std::make_unique<UnlockedKeys>(std::move(keys).value());
    m_crypto = std::make_unique<EnvelopeCrypto>(*m_keys);
    return {};
}

Status Profile::unlock(const SecureBytes &passphrase)
{
    return adoptKeys(keyring::unlockWithPassphrase(m_keyring, passphrase));
}

Status Profile::unlockWithMasterKey(const SecureBytes &masterKey)
{
    return adoptKeys(keyring::unlockWithMasterKey(m_keyring, masterKey));
}

Status Profile::recover(const QString &recoveryCode, const SecureBytes &newPassphrase,
                        const KdfParams &params)
{
    if (auto strong = keyring::checkPassphraseStrength(newPassphrase); !strong)
        return strong;
    auto keys = keyring::unlockWithRecoveryCode(m_keyring, recoveryCode);
    if (!keys)
        return keys.error();
    auto rewrapped = keyring::withNewPassphrase(m_keyring, *keys, newPassphrase, params);
    if (!rewrapped)
        return rewrapped.error();
    if (auto saved = KeyringStore(*m_database).save(*rewrapped); !saved)
        return saved;
    m_keyring = std::move(rewrapped).value();
    qCInfo(lcProfile) << "passphrase reset with the recovery code";
    return adoptKeys(std::move(keys));
}

Status Profile::changePassphrase(const SecureBytes &current, const SecureBytes &next,
                                 const KdfParams &params)
{
    if (auto strong = keyring::checkPassphraseStrength(next); !strong)
        return strong;
    auto keys = keyring::unlockWithPassphrase(m_keyring, current);
    if (!keys)
        return keys.error();
    auto rewrapped = keyring::withNewPassphrase(m_keyring, *keys, next, params);
    if (!rewrapped)
        return rewrapped.error();
    if (auto saved = KeyringStore(*m_database).save(*rewrapped); !saved)
        return saved;
    m_keyring = std::move(rewrapped).value();
    qCInfo(lcProfile) << "passphrase changed";
    return adoptKeys(std::move(keys));
}

Status Profile::setRecoveryCodePending(bool pending)
{
    return m_database->setMeta(kRecoveryPendingKey, pending ? u"1"_s : u"0"_s);
}

bool Profile::recoveryCodePending()
{
    auto value = m_database->meta(kRecoveryPendingKey);
    return value && value->has_value() && **value == u"1"_s;
}

Result<QString> Profile::renewRecoveryCode()
{
    if (!m_keys)
        return Error(ErrorCode::Locked, u"unlock the profile to make a new recovery code"_s);
    // The server keeps the recovery wrap sent at enrolment and the protocol has no call to
    // replace it, so a new code made now would not restore this account from the server.
    auto enrolled = m_syncState->settings();
    if (!enrolled)
        return enrolled.error();
    if (enrolled->has_value())
        return Error(ErrorCode::InvalidInput,
                     u"this profile syncs with a server, which keeps the recovery code from "
                     u"enrolment; that code stays the one to keep"_s);
    auto renewed = keyring::withNewRecoveryCode(m_keyring, *m_keys);
    if (!renewed)
        return renewed.error();
    auto saved = m_database->write(u"saving the new recovery code"_s, [&]() -> Status {
        if (auto keys = KeyringStore(*m_database).save(renewed->wrapped); !keys)
            return keys;
        return setRecoveryCodePending(true);
    });
    if (!saved)
        return saved.error();
    m_keyring = std::move(renewed->wrapped);
    qCInfo(lcProfile) << "recovery code renewed";
    return std::move(renewed->recoveryCode);
}

void Profile::lock()
{
    m_crypto.reset();
    m_keys.reset(); // SecureBytes wipe on destruction
}

ProfileInfo Profile::info() const
{
    return {m_folder, m_keyring.userId, m_hlc.node(), m_keyring.kdf, m_createdAt, isUnlocked()};
}

Result<int> Profile::enrol(const SyncSettings &settings)
{
    int queued = 0;
    auto saved = m_database->write(u"saving the enrolment"_s, [&]() -> Status {
        if (auto stored = m_syncState->saveSettings(settings); !stored)
            return stored;
        auto count = m_store->queueLocalRecords();
        if (!count)
            return count.error();
        queued = *count;
        return {};
    });
    if (!saved)
        return saved.error();
    m_team = settings.teamId;
    m_server = settings.serverUrl;
    qCInfo(lcProfile) << "enrolled with a sync server;" << queued << "records queued";
    return queued;
}

Result<DirectoryUpdate> Profile::applyDirectory(const QList<DirectoryMember> &members)
{
    // Our own keys are known for certain: pin them, whatever the server says they are.
    QList<DirectoryMember> pinned = members;
    bool ownKeysDiffer = false;
    for (DirectoryMember &member : pinned) {
        if (member.userId != m_keyring.userId)
            continue;
        ownKeysDiffer = member.boxPublicKey != m_keyring.boxPublicKey ||
                        member.signPublicKey != m_keyring.signPublicKey;
        member.boxPublicKey = m_keyring.boxPublicKey;
        member.signPublicKey = m_keyring.signPublicKey;
    }
    auto update = m_directory->apply(pinned, m_clock.nowMs());
    if (!update)
        return update.error();
    if (ownKeysDiffer) {
        update->refusedUserIds << m_keyring.userId;
        qCWarning(lcProfile) << "the server's directory gives this user other keys; refused";
    }
    if (!update->refusedUserIds.isEmpty())
        qCWarning(lcProfile) << "refused changed keys for" << update->refusedUserIds.size()
                             << "directory members";
    return update;
}

OutboxState Profile::stateForNewRecords() const
{
    return m_server.isEmpty() ? OutboxState::Local : OutboxState::Queued;
}

} // namespace outward
