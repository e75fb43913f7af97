#include "sync/server/storage/sqliteserverstore.h"

#include "core/store/walcheckpointer.h"
#include "sync/server/storage/servermigration.h"
#include "sync/server/storage/sqliteschema.h"
#include "sync/server/storage/sqlitesupport.h"
#include "sync/server/storage/storageerror.h"

#include <QAtomicInteger>
#include <QFile>
#include <QFileInfo>
#include <QSqlError>
#include <QSqlQuery>

using namespace Qt::StringLiterals;

namespace outward::server {

using sqlite::newUuid;
using sqlite::run;

namespace {

QString nextConnectionName()
{
    static QAtomicInteger<quint64> counter;
    return u"outward-server-store-%1"_s.arg(counter.fetchAndAddRelaxed(1));
}

// A page written by several pushes within this time is copied into the database file once.
constexpr std::chrono::milliseconds kCheckpointInterval(250);
// 16,384 pages of 4 KiB (64 MiB): the committing thread's own checkpoint, a fallback.
constexpr int kFallbackCheckpointPages = 16384;

const QFile::Permissions kOwnerOnly =
    QFile::ReadOwner | QFile::WriteOwner | QFile::ReadUser | QFile::WriteUser;

// The database holds token hashes, keyrings and envelopes: nobody but the server's user may
// read it. SQLite gives the -wal and -shm files the mode of the database file.
Status createOwnerOnly(const QString &path)
{
    if (QFileInfo::exists(path)) {
        QFile existing(path);
        if (existing.permissions() != kOwnerOnly && !existing.setPermissions(kOwnerOnly))
            qCWarning(lcServerStorage) << "could not restrict the database file to mode 0600";
        return {};
    }
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::NewOnly, kOwnerOnly))
        return Error(ErrorCode::Storage,
                     u"creating the server database %1 failed: %2. Check that the folder exists "
                     u"and is writable"_s.arg(path, file.errorString()));
    return {};
}

} // namespace

SqliteServerStore::SqliteServerStore(QString path, QString connectionName)
    : m_path(std::move(path))
    , m_connectionName(std::move(connectionName))
{}

SqliteServerStore::~SqliteServerStore()
{
    m_checkpointer.reset(); // its connection closes before this one, which then finds no log
    m_prepared.clear();
    m_pushStatements.reset();
    if (m_db.isOpen())
        m_db.close();
    m_db = QSqlDatabase();
    QSqlDatabase::removeDatabase(m_connectionName);
}

int SqliteServerStore::schemaVersion()
{
    return sqliteServerSchema().last().version;
}

Result<std::unique_ptr<SqliteServerStore>> SqliteServerStore::open(const QString &path,
                                                                   const Options &options)
{
    const QString doing = u"opening the server database"_s;
    if (auto created = createOwnerOnly(path); !created)
        return created.error();

    std::unique_ptr<SqliteServerStore> store(new SqliteServerStore(path, nextConnectionName()));
    store->m_db = QSqlDatabase::addDatabase(u"QSQLITE"_s, store->m_connectionName);
    if (!store->m_db.isValid())
        return Error(ErrorCode::Internal,
                     u"the SQLite driver for Qt is missing; install libqt6sql6-sqlite"_s);
    store->m_db.setDatabaseName(path);
    store->m_db.setConnectOptions(u"QSQLITE_BUSY_TIMEOUT=%1"_s.arg(options.busyTimeoutMs));
    if (!store->m_db.open())
        return storageError(store->m_db.lastError(), doing);

    // Before anything changes the file (even the journal mode), so a newer server's database is
    // left exactly as it was.
    if (auto notNewer = refuseNewerServerSchema(store->m_db, sqliteServerSchema()); !notNewer)
        return notNewer.error();

    QSqlQuery wal(store->m_db);
    if (!wal.exec(u"PRAGMA journal_mode = WAL"_s) || !wal.next())
        return storageError(wal.lastError(), doing);
    if (wal.value(0).toString().compare(u"wal"_s, Qt::CaseInsensitive) != 0)
        return Error(ErrorCode::Storage,
                     u"the server database cannot use write-ahead logging on this file system; "
                     u"put it on a local disk"_s);
    wal.finish();

    // foreign_keys: a push naming an unknown reader, or a token for an unknown device, fails
    // instead of leaving a dangling row.
    // secure_delete: a replaced envelope or a deleted token hash is overwritten with zeros, so
    // what an author un-shared does not linger in free pages of the file (protocol.md 11.3).
    // temp_store: a statement that may have to undo itself inside a push's savepoint keeps its
    // journal in memory instead of creating and deleting a file.
    // wal_autocheckpoint: the checkpointer below copies the log; the committing thread does it
    // only if the log outgrows ~64 MiB, should the checkpointer fall behind.
    for (const QString &pragma :
         {u"PRAGMA foreign_keys = ON"_s, u"PRAGMA secure_delete = ON"_s,
          u"PRAGMA temp_store = MEMORY"_s,
          u"PRAGMA cache_size = -%1"_s.arg(options.cacheMiB * 1024),
          u"PRAGMA wal_autocheckpoint = %1"_s.arg(kFallbackCheckpointPages)}) {
        if (auto done = store->exec(pragma, doing); !done)
            return done.error();
    }
    if (auto normal = store->setSynchronous(Durability::Normal); !normal)
        return normal.error();
    if (auto migrated = migrateServerSchema(store->m_db, sqliteServerSchema()); !migrated)
        return migrated.error();
    store->m_checkpointer =
        std::make_unique<WalCheckpointer>(path, lcServerStorage(), kCheckpointInterval);
    return store;
}

Status SqliteServerStore::exec(const QString &sql, const QString &doing)
{
    QSqlQuery query(m_db);
    if (!query.exec(sql))
        return storageError(query.lastError(), doing);
    return {};
}

// In WAL mode, synchronous = NORMAL syncs the WAL only at checkpoints: a commit survives a crash
// of the process but may be lost, though never half-applied, on a power loss or OS crash; FULL
// syncs the WAL at every commit (one fsync, about a millisecond on an SSD). We choose per write:
// * FULL for everything a client or the admin is told has happened: pushes (the client marks
//   its records synced, and a lost commit would hand the same seq to another record later, so a
//   device that pulled the lost one would skip the new one for good), enrolment and device
//   registration, revocations (a revocation must not come undone), invites, claims, offers.
// * NORMAL for writes that are cheap to lose and frequent: challenges, new tokens (the device
//   just authenticates again), lastSeenAt and purges. A later FULL commit syncs them too, since
//   it syncs the whole WAL.
Status SqliteServerStore::setSynchronous(Durability durability)
{
    if (m_synchronous == durability)
        return {};
    const QString pragma = durability == Durability::Full ? u"PRAGMA synchronous = FULL"_s
                                                          : u"PRAGMA synchronous = NORMAL"_s;
    if (auto done = exec(pragma, u"setting the database's durability"_s); !done)
        return done;
    m_synchronous = durability;
    return {};
}

Status SqliteServerStore::writeTogether(const std::function<void()> &body)
{
    if (m_together)
        return Error(ErrorCode::Internal, u"writeTogether does not nest"_s);
    const QString doing = u"committing several writes together"_s;
    // FULL: the strongest durability any write asks for.
    if (auto set = setSynchronous(Durability::Full); !set)
        return set;
    if (auto begun = exec(u"BEGIN IMMEDIATE"_s, doing); !begun)
        return begun;
    m_together = true;
    body();
    m_together = false;
    Status outcome = exec(u"COMMIT"_s, doing);
    if (!outcome) {
        QSqlQuery rollback(m_db);
        rollback.exec(u"ROLLBACK"_s);
    }
    afterCommit(outcome);
    return outcome;
}

Status SqliteServerStore::write(const QString &doing, Durability durability,
                                const std::function<Status()> &body)
{
    if (m_together) {
        // One write inside writeTogether's transaction, undone alone when it fails.
        if (auto begun = exec(u"SAVEPOINT store_write"_s, doing); !begun)
            return begun;
        Status outcome = body();
        if (!outcome) {
            QSqlQuery rollback(m_db);
            rollback.exec(u"ROLLBACK TO store_write"_s);
        }
        if (auto released = exec(u"RELEASE store_write"_s, doing); !released && outcome)
            outcome = released;
        return outcome;
    }
    if (auto set = setSynchronous(durability); !set)
        return set;
    // IMMEDIATE takes the write lock now (waiting up to the busy timeout), so the reads in body
    // see the latest committed state and nothing can change it before COMMIT.
    if (auto begun = exec(u"BEGIN IMMEDIATE"_s, doing); !begun)
        return begun;
    Status outcome = body();
    if (outcome)
        outcome = exec(u"COMMIT"_s, doing);
    if (!outcome) {
        QSqlQuery rollback(m_db);
        rollback.exec(u"ROLLBACK"_s);
    }
    afterCommit(outcome);
    return outcome;
}

Result<sqlite::PreparedUse>
SqliteServerStore::runPrepared(const QString &sql, const QVariantList &args, const QString &doing)
{
    auto found = m_prepared.find(sql);
    if (found == m_prepared.end()) {
        auto query = std::make_unique<QSqlQuery>(m_db);
        query->setForwardOnly(true);
        if (!query->prepare(sql))
            return storageError(query->lastError(), doing);
        found = m_prepared.emplace(sql, std::move(query)).first;
    }
    QSqlQuery &query = *found->second;
    for (qsizetype i = 0; i < args.size(); ++i)
        query.bindValue(int(i), args.at(i));
    sqlite::PreparedUse use(&query);
    if (!query.exec())
        return storageError(query.lastError(), doing);
    return use;
}

void SqliteServerStore::afterCommit(const Status &committed)
{
    if (committed && m_checkpointer)
        m_checkpointer->request();
}

Status SqliteServerStore::read(const QString &doing, const std::function<Status()> &body)
{
    if (m_together)
        return body(); // writeTogether's transaction is the snapshot
    // A deferred transaction in WAL mode: the snapshot is taken at the first read and holds until
    // COMMIT, so every statement in body sees the same committed state.
    if (auto begun = exec(u"BEGIN"_s, doing); !begun)
        return begun;
    Status outcome = body();
    if (outcome)
        outcome = exec(u"COMMIT"_s, doing);
    if (!outcome) {
        QSqlQuery rollback(m_db);
        rollback.exec(u"ROLLBACK"_s);
    }
    return outcome;
}

// ---- health and settings ----------------------------------------------------------------------

Status SqliteServerStore::ping()
{
    QSqlQuery query(m_db);
    if (auto ran = run(query, u"SELECT value FROM counter WHERE name = 'seq'"_s, {},
                       u"checking the server database"_s);
        !ran)
        return ran;
    if (!query.next())
        return Error(ErrorCode::Corrupt,
                     u"the server database has no sequence counter; restore it from a backup"_s);
    return {};
}

Status SqliteServerStore::initialize(const QString &serverId, int k)
{
    if (k < 3)
        return Error(ErrorCode::InvalidInput,
                     u"k must be at least 3 (it is %1): smaller groups could be singled out in "
                     u"aggregates"_s.arg(k));
    const QString doing = u"initializing the server"_s;
    return write(doing, Durability::Full, [&]() -> Status {
        QSqlQuery existing(m_db);
        if (auto ran =
                run(existing, u"SELECT 1 FROM settings WHERE key = 'server_id'"_s, {}, doing);
            !ran)
            return ran;
        if (existing.next())
            return Error(ErrorCode::InvalidInput,
                         u"the server is initialized already; its server id cannot change"_s);
        QSqlQuery insert(m_db);
        return run(insert, u"INSERT INTO settings (key, value) VALUES ('server_id', ?), ('k', ?)"_s,
                   {serverId, QString::number(k)}, doing);
    });
}

Result<std::optional<ServerSettings>> SqliteServerStore::settings()
{
    QSqlQuery query(m_db);
    if (auto ran =
            run(query, u"SELECT key, value FROM settings"_s, {}, u"reading the server settings"_s);
        !ran)
        return ran.error();
    ServerSettings settings;
    bool initialized = false;
    while (query.next()) {
        const QString key = query.value(0).toString();
        if (key == u"server_id"_s) {
            settings.serverId = query.value(1).toString();
            initialized = true;
        } else if (key == u"k"_s) {
            settings.k = query.value(1).toInt();
        }
    }
    if (!initialized)
        return std::optional<ServerSettings>();
    return std::optional<ServerSettings>(settings);
}

// ---- teams ----------------------------------------------------------------------------------

Result<std::optional<Team>> SqliteServerStore::findTeamWhere(const QString &column,
                                                             const QVariant &value)
{
    auto use = runPrepared(u"SELECT %1 FROM teams WHERE %2 = ?"_s.arg(sqlite::kTeamColumns, column),
                           {value}, u"reading a team"_s);
    if (!use)
        return use.error();
    QSqlQuery &query = use->query();
    if (!query.next())
        return std::optional<Team>();
    return std::optional<Team>(sqlite::teamFromRow(query));
}

Result<Team> SqliteServerStore::addTeam(const QString &name, qint64 now)
{
    const QString trimmed = name.trimmed();
    if (trimmed.isEmpty())
        return Error(ErrorCode::InvalidInput, u"a team needs a name"_s);
    Team team;
    team.id = newUuid();
    team.name = trimmed;
    team.directoryVersion = 1;
    team.createdAt = now;
    const QString doing = u"adding the team"_s;
    auto added = write(doing, Durability::Full, [&]() -> Status {
        auto existing = findTeamWhere(u"name_key"_s, trimmed.toCaseFolded());
        if (!existing)
            return existing.error();
        if (*existing)
            return Error(ErrorCode::InvalidInput,
                         u"a team named \"%1\" exists already; choose another name"_s.arg(
                             (*existing)->name));
        QSqlQuery insert(m_db);
        return run(insert,
                   u"INSERT INTO teams (id, name, name_key, directory_version, created_at) "
                   u"VALUES (?, ?, ?, ?, ?)"_s,
                   {team.id, team.name, trimmed.toCaseFolded(), team.directoryVersion, now}, doing);
    });
    if (!added)
        return added.error();
    return team;
}

Result<std::optional<Team>> SqliteServerStore::findTeam(const QString &teamId)
{
    return findTeamWhere(u"id"_s, teamId);
}

Result<std::optional<Team>> SqliteServerStore::findTeamByName(const QString &name)
{
    return findTeamWhere(u"name_key"_s, name.trimmed().toCaseFolded());
}

Result<QList<Team>> SqliteServerStore::listTeams()
{
    QSqlQuery query(m_db);
    if (auto ran = run(query, u"SELECT %1 FROM teams ORDER BY name, id"_s.arg(sqlite::kTeamColumns),
                       {}, u"listing the teams"_s);
        !ran)
        return ran.error();
    QList<Team> teams;
    while (query.next())
        teams.append(sqlite::teamFromRow(query));
    return teams;
}

Status SqliteServerStore::bumpDirectory(const QString &teamId, const QString &doing)
{
    QSqlQuery update(m_db);
    if (auto ran = run(update,
                       u"UPDATE teams SET directory_version = directory_version + 1 WHERE id = ?"_s,
                       {teamId}, doing);
        !ran)
        return ran;
    if (update.numRowsAffected() != 1)
        return Error(ErrorCode::NotFound, u"%1 failed: no team with this id"_s.arg(doing));
    return {};
}

Result<qint64> SqliteServerStore::bumpDirectoryVersion(const QString &teamId)
{
    const QString doing = u"bumping the team's directory version"_s;
    qint64 version = 0;
    auto bumped = write(doing, Durability::Full, [&]() -> Status {
        if (auto done = bumpDirectory(teamId, doing); !done)
            return done;
        auto team = findTeam(teamId);
        if (!team)
            return team.error();
        version = team->value_or(Team()).directoryVersion;
        return {};
    });
    if (!bumped)
        return bumped.error();
    return version;
}

// ---- invites ----------------------------------------------------------------------------------

Status SqliteServerStore::createInvite(const Invite &invite)
{
    const QString doing = u"storing the invite"_s;
    return write(doing, Durability::Full, [&]() -> Status {
        Invite row = invite;
        if (invite.isRecoveryTicket()) {
            auto user = findUser(invite.recoverUserId);
            if (!user)
                return user.error();
            if (!*user)
                return Error(ErrorCode::NotFound,
                             u"no user with id %1; check the id with `outward-server users`"_s.arg(
                                 invite.recoverUserId));
            row.teamId = (*user)->teamId;
            row.role = (*user)->role;
        } else {
            auto team = findTeam(invite.teamId);
            if (!team)
                return team.error();
            if (!*team)
                return Error(ErrorCode::InvalidInput,
                             u"no team with id %1; check it with `outward-server teams`"_s.arg(
                                 invite.teamId));
        }
        auto existing = findInvite(invite.codeHash);
        if (!existing)
            return existing.error();
        if (*existing)
            return Error(ErrorCode::InvalidInput,
                         u"an invite with this code exists already; make a new code"_s);
        QSqlQuery insert(m_db);
        return run(
            insert,
            u"INSERT INTO invites (%1) VALUES (?, ?, ?, ?, ?, ?, ?)"_s.arg(sqlite::kInviteColumns),
            {row.codeHash, row.teamId, roleName(row.role), row.createdAt, row.expiresAt,
             sqlite::nullableText(row.recoverUserId), sqlite::nullableInt(row.usedAt)},
            doing);
    });
}

Result<std::optional<Invite>> SqliteServerStore::findInvite(const QByteArray &codeHash)
{
    QSqlQuery query(m_db);
    if (auto ran =
            run(query, u"SELECT %1 FROM invites WHERE code_hash = ?"_s.arg(sqlite::kInviteColumns),
                {codeHash}, u"looking up an invite"_s);
        !ran)
        return ran.error();
    if (!query.next())
        return std::optional<Invite>();
    return std::optional<Invite>(sqlite::inviteFromRow(query));
}

Status SqliteServerStore::markInviteUsed(const QByteArray &codeHash, qint64 now)
{
    const QString doing = u"marking the invite used"_s;
    return write(doing, Durability::Full, [&]() -> Status {
        auto invite = findInvite(codeHash);
        if (!invite)
            return invite.error();
        if (!*invite)
            return Error(ErrorCode::NotFound, u"no invite with this code"_s);
        QSqlQuery update(m_db);
        return run(update,
                   u"UPDATE invites SET used_at = ? WHERE code_hash = ? AND used_at IS NULL"_s,
                   {now, codeHash}, doing);
    });
}

// ---- users ------------------------------------------------------------------------------------

Result<std::optional<User>> SqliteServerStore::findUserWhere(const QString &column,
                                                             const QVariant &value)
{
    auto use = runPrepared(u"SELECT %1 FROM users WHERE %2 = ?"_s.arg(sqlite::kUserColumns, column),
                           {value}, u"reading a user"_s);
    if (!use)
        return use.error();
    QSqlQuery &query = use->query();
    if (!query.next())
        return std::optional<User>();
    return std::optional<User>(sqlite::userFromRow(query));
}

Result<std::optional<User>> SqliteServerStore::findUser(const QString &userId)
{
    return findUserWhere(u"id"_s, userId);
}

Result<std::optional<User>> SqliteServerStore::findUserByBoxKey(const QByteArray &boxPublicKey)
{
    return findUserWhere(u"box_public_key"_s, boxPublicKey);
}

Result<std::optional<User>> SqliteServerStore::findUserBySignKey(const QByteArray &signPublicKey)
{
    return findUserWhere(u"sign_public_key"_s, signPublicKey);
}

Result<QList<User>> SqliteServerStore::listUsers()
{
    QSqlQuery query(m_db);
    if (auto ran = run(query, u"SELECT %1 FROM users ORDER BY id"_s.arg(sqlite::kUserColumns), {},
                       u"listing the users"_s);
        !ran)
        return ran.error();
    QList<User> users;
    while (query.next())
        users.append(sqlite::userFromRow(query));
    return users;
}

Result<QList<User>> SqliteServerStore::listUsersOfTeam(const QString &teamId)
{
    auto use = runPrepared(
        u"SELECT %1 FROM users WHERE team_id = ? ORDER BY id"_s.arg(sqlite::kUserColumns), {teamId},
        u"listing the team's members"_s);
    if (!use)
        return use.error();
    QSqlQuery &query = use->query();
    QList<User> users;
    while (query.next())
        users.append(sqlite::userFromRow(query));
    return users;
}

Status SqliteServerStore::revokeUser(const QString &userId, qint64 now)
{
    const QString doing = u"revoking the user"_s;
    return write(doing, Durability::Full, [&]() -> Status {
        auto user = findUser(userId);
        if (!user)
            return user.error();
        if (!*user)
            return Error(ErrorCode::NotFound,
                         u"no user with id %1; check it with `outward-server users`"_s.arg(userId));
        if (!(*user)->isRevoked()) {
            QSqlQuery revoke(m_db);
            if (auto ran = run(revoke, u"UPDATE users SET revoked_at = ? WHERE id = ?"_s,
                               {now, userId}, doing);
                !ran)
                return ran;
            if (auto bumped = bumpDirectory((*user)->teamId, doing); !bumped)
                return bumped;
        }
        const QList<std::pair<QString, QVariantList>> statements = {
            {u"UPDATE devices SET revoked_at = ? WHERE user_id = ? AND revoked_at IS NULL"_s,
             {now, userId}},
            {u"DELETE FROM tokens WHERE user_id = ?"_s, {userId}},
            {u"DELETE FROM claim_tokens WHERE user_id = ?"_s, {userId}},
            {u"DELETE FROM link_offers WHERE user_id = ?"_s, {userId}},
        };
        for (const auto &[sql, args] : statements) {
            QSqlQuery query(m_db);
            if (auto ran = run(query, sql, args, doing); !ran)
                return ran;
        }
        return {};
    });
}

} // namespace outward::server
