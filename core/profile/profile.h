#pragma once

#include "core/common/result.h"
#include "core/crypto/envelope.h"
#include "core/crypto/keyring.h"
#include "core/model/clock.h"
#include "core/model/hlc.h"
#include "core/store/database.h"
#include "core/store/directorystore.h"
#include "core/store/recordstore.h"
#include "core/store/syncstate.h"

#include <QLoggingCategory>

#include <memory>

namespace outward {

Q_DECLARE_LOGGING_CATEGORY(lcProfile)

struct ProfileInfo
{
    QString folder;
    QString userId;
    QString node;
    KdfParams kdf;
    QDateTime createdAt;
    bool unlocked = false;
};

// One user's profile folder: the database holding the wrapped keyring and the records. Opening
// needs no secret; reading or writing records needs it unlocked.
class Profile
{
public:
    static constexpr const char *kDatabaseFileName = "outward.db";

    struct Created;
    static Result<Created> create(const QString &folder, const SecureBytes &passphrase,
                                  const KdfParams &params, const Clock &clock);
    // A profile for a new device of an existing account (crypto.md 3.8): the keyring adopted
    // from a link or a recovery, the same user id, this device's own node id and passphrase.
    // Refuses a folder that already holds a profile, like create. The profile is unlocked.
    static Result<std::unique_ptr<Profile>>
    createFromKeys(const QString &folder, keyring::AdoptedKeyring adopted, const Clock &clock);
    static Result<std::unique_ptr<Profile>> open(const QString &folder, const Clock &clock);
    // Whether create or createFromKeys would refuse the folder because it holds a profile:
    // ProfileExists saying so, or ok. For checks before anything irreversible (claiming a link).
    static Status checkFolderIsFree(const QString &folder, const Clock &clock);
    static QString databasePath(const QString &folder);

    ~Profile();
    Profile(const Profile &) = delete;
    Profile &operator=(const Profile &) = delete;

    Status unlock(const SecureBytes &passphrase);
    Status unlockWithMasterKey(const SecureBytes &masterKey);
    // Opens with the recovery code and sets a new passphrase; the profile stays unlocked.
    Status recover(const QString &recoveryCode, const SecureBytes &newPassphrase,
                   const KdfParams &params);
    // Re-wraps the master key; no record is re-encrypted.
    Status changePassphrase(const SecureBytes &current, const SecureBytes &next,
                            const KdfParams &params);
    // Wipes every key from memory.
    void lock();

    // The recovery code is shown once. Until the person confirms they wrote it down it is
    // "pending"; a profile unlocked while its code is pending gets a new code to show, because
    // nobody saw the old one (the app closed while it was on screen).
    Status setRecoveryCodePending(bool pending);
    bool recoveryCodePending();
    // A new recovery code for the unlocked profile, saved at once; the old code stops working.
    Result<QString> renewRecoveryCode();

    bool isUnlocked() const { return m_keys != nullptr; }
    const UnlockedKeys *keys() const { return m_keys.get(); }
    EnvelopeCrypto *crypto() { return m_crypto.get(); }
    const WrappedKeyring &keyring() const { return m_keyring; }

    ProfileInfo info() const;
    const QString &folder() const { return m_folder; }
    const QString &userId() const { return m_keyring.userId; }
    const Clock &clock() const { return m_clock; }
    HybridLogicalClock &hlc() { return m_hlc; }
    Database &database() { return *m_database; }
    RecordStore &store() { return *m_store; }
    DirectoryStore &directory() { return *m_directory; }
    SyncStateStore &syncState() { return *m_syncState; }

    // Enrolment (docs/protocol.md section 8, storage.md section 6): in one transaction, saves the
    // sync settings and turns every local record into queued; returns how many were queued. From
    // then on new records carry the team id and start queued.
    Result<int> enrol(const SyncSettings &settings);

    // Merges a directory from the server (DirectoryStore::apply), pinning this user's own entry
    // to the keyring's public keys: a directory that gives this user other keys is refused for
    // this user and reported in refusedUserIds.
    Result<DirectoryUpdate> applyDirectory(const QList<DirectoryMember> &members);

    // The team the user belongs to once enrolled; empty before.
    QString team() const { return m_team; }
    // Records written while enrolled wait in the outbox; before, they stay local.
    OutboxState stateForNewRecords() const;

private:
    Profile(QString folder, const Clock &clock, std::unique_ptr<Database> database,
            WrappedKeyring keyring, QString node);
    static Result<std::unique_ptr<Profile>> createWith(const QString &folder,
                                                       const WrappedKeyring &wrapped,
                                                       UnlockedKeys keys, const Clock &clock);
    Status adoptKeys(Result<UnlockedKeys> keys);
    Status loadSettings();

    QString m_folder;
    const Clock &m_clock;
    std::unique_ptr<Database> m_database;
    std::unique_ptr<RecordStore> m_store;
    std::unique_ptr<DirectoryStore> m_directory;
    std::unique_ptr<SyncStateStore> m_syncState;
    WrappedKeyring m_keyring;
    HybridLogicalClock m_hlc;
    std::unique_ptr<UnlockedKeys> m_keys;
    std::unique_ptr<EnvelopeCrypto> m_crypto;
    QString m_team;
    QString m_server;
    QDateTime m_createdAt;
};

struct Profile::Created
{
    std::unique_ptr<Profile> profile;
    QString recoveryCode;
};

} // namespace outward
