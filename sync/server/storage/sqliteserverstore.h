#pragma once

#include "sync/server/storage/serverstore.h"
#include "sync/server/storage/sqlitesupport.h"

#include <QHash>
#include <QSqlDatabase>
#include <QSqlQuery>

#include <functional>
#include <memory>
#include <unordered_map>

namespace outward {
class WalCheckpointer;
}

namespace outward::server {

class PushStatements;

// ServerStore on an embedded SQLite file through Qt Sql (QSQLITE), in WAL mode: readers never
// wait for the writer, writers queue on the file lock for up to busyTimeoutMs.
//
// Each object owns one named connection and must be used only on the thread that opened it;
// for parallel request handlers open one object per thread on the same file. The file (and
// SQLite's -wal and -shm files, which inherit its mode) is created with mode 0600.
class SqliteServerStore final : public ServerStore
{
public:
    struct Options
    {
        // How long a write waits for another connection's write lock before it fails with
        // ErrorCode::Storage (the API answers 503 unavailable).
        int busyTimeoutMs = 5000;
        // SQLite's page cache for this connection. The id indexes take random keys, so a push
        // touches pages all over them; with SQLite's default 2 MiB most of those were read back
        // from the OS at every push.
        int cacheMiB = 32;
    };

    // Opens or creates the database and brings its schema up to date (PRAGMA user_version, one
    // transaction per step). A database written by a newer server is refused with
    // ErrorCode::NewerVersion and left untouched.
    static Result<std::unique_ptr<SqliteServerStore>> open(const QString &path,
                                                           const Options &options);
    static Result<std::unique_ptr<SqliteServerStore>> open(const QString &path)
    {
        return open(path, Options());
    }

    // The schema version this build writes.
    static int schemaVersion();

    ~SqliteServerStore() override;
    SqliteServerStore(const SqliteServerStore &) = delete;
    SqliteServerStore &operator=(const SqliteServerStore &) = delete;

    const QString &path() const { return m_path; }

    Status ping() override;
    Status writeTogether(const std::function<void()> &body) override;
    Status initialize(const QString &serverId, int k) override;
    Result<std::optional<ServerSettings>> settings() override;

    Result<Team> addTeam(const QString &name, qint64 now) override;
    Result<std::optional<Team>> findTeam(const QString &teamId) override;
    Result<std::optional<Team>> findTeamByName(const QString &name) override;
    Result<QList<Team>> listTeams() override;
    Result<qint64> bumpDirectoryVersion(const QString &teamId) override;

    Status createInvite(const Invite &invite) override;
    Result<std::optional<Invite>> findInvite(const QByteArray &codeHash) override;
    Status markInviteUsed(const QByteArray &codeHash, qint64 now) override;

    Result<std::optional<User>> findUser(const QString &userId) override;
    Result<std::optional<User>> findUserByBoxKey(const QByteArray &boxPublicKey) override;
    Result<std::optional<User>> findUserBySignKey(const QByteArray &signPublicKey) override;
    Result<QList<User>> listUsers() override;
    Result<QList<User>> listUsersOfTeam(const QString &teamId) override;
    Status revokeUser(const QString &userId, qint64 now) override;

    Result<EnrollResult> enroll(const QByteArray &inviteHash, const User &newUser,
                                const Device &newDevice, qint64 now) override;

    Result<Device> addDevice(const Device &device) override;
    Result<std::optional<Device>> findDevice(const QString &deviceId) override;
    Result<std::optional<Device>> findDeviceByPublicKey(const QByteArray &publicKey) override;
    Result<QList<Device>> listDevices(const QString &userId) override;
    Status revokeDevice(const QString &deviceId, qint64 now) override;
    Status touchDevice(const QString &deviceId, qint64 now) override;
    Result<RegisterDeviceResult> registerDevice(const QByteArray &claimTokenHash,
                                                const Device &device, qint64 now) override;

    Result<CreateLinkOfferOutcome> createLinkOffer(const LinkOffer &offer, int maxLive,
                                                   qint64 now) override;
    Result<int> countLiveLinkOffers(const QString &userId, qint64 now) override;
    Result<std::optional<LinkOffer>> findLinkOffer(const QByteArray &mailboxId,
                                                   qint64 now) override;
    Result<LinkClaimResult> claimLinkOffer(const QByteArray &mailboxId,
                                           const QByteArray &claimTokenHash, qint64 claimExpiresAt,
                                           qint64 now) override;
    Status markLinkOfferRegistered(const QByteArray &mailboxId, const QString &deviceId) override;
    Result<bool> deleteLinkOffer(const QByteArray &mailboxId) override;

    Result<RecoveryClaimResult> claimRecovery(const QByteArray &ticketHash,
                                              const QByteArray &claimTokenHash,
                                              qint64 claimExpiresAt, qint64 now) override;
    Result<std::optional<ClaimToken>> findClaimToken(const QByteArray &tokenHash) override;

    Status storeChallenge(const Challenge &challenge) override;
    Result<std::optional<Challenge>> takeChallenge(const QByteArray &challenge) override;
    Status storeToken(const Token &token) override;
    Result<std::optional<Token>> findToken(const QByteArray &tokenHash) override;
    Result<int> deleteTokensOfDevice(const QString &deviceId) override;
    Result<int> deleteTokensOfUser(const QString &userId) override;
    Result<int> purgeExpired(qint64 now, qint64 linkOfferGraceMs) override;

    Result<std::optional<StoredVersion>> findExactRetry(const QString &authorId,
                                                        const QString &recordId,
                                                        const QByteArray &envelopeHash) override;
    Result<std::optional<StoredVersion>> findCurrent(const QString &recordId) override;
    Result<QList<PushOutcome>> applyPush(const QString &authorId, const QString &teamId,
                                         const QList<PushVersion> &items, qint64 now) override;
    Result<PullPage> pull(const QString &userId, qint64 after, int limit,
                          qint64 maxEnvelopeBytes) override;
    Result<QList<RecordCount>> recordCounts() override;
    Result<QList<MetricsRow>> metricsRows(const QString &teamId, const QString &kind,
                                          const QString &dayPrefix) override;

    // EXPLAIN QUERY PLAN of the pull query, one line per plan row, so tests can check that it
    // walks the (user, seq) indexes instead of sorting everything.
    Result<QStringList> explainPullPlan();

private:
    // Whether a write must survive a power loss once committed (see sqliteserverstore.cpp).
    enum class Durability
    {
        Full,   // acknowledged to a client or an admin: pushes, enrolment, revocation...
        Normal, // cheap to lose: challenges, tokens, lastSeenAt, purges
    };

    SqliteServerStore(QString path, QString connectionName);

    // BEGIN IMMEDIATE .. COMMIT around body; ROLLBACK when body or COMMIT fails.
    Status write(const QString &doing, Durability durability, const std::function<Status()> &body);
    // BEGIN (deferred, one snapshot in WAL) .. COMMIT around body, which only reads.
    Status read(const QString &doing, const std::function<Status()> &body);
    Status exec(const QString &sql, const QString &doing);
    // Runs sql with args as a statement prepared once per store: the lookups every request makes
    // (token, device, user, team, members) cost more to prepare than to run.
    Result<sqlite::PreparedUse> runPrepared(const QString &sql, const QVariantList &args,
                                            const QString &doing);
    // Asks the checkpointer to copy the log into the database file, after a successful commit.
    void afterCommit(const Status &committed);
    Status setSynchronous(Durability durability);

    Result<std::optional<User>> findUserWhere(const QString &column, const QVariant &value);
    Result<std::optional<Team>> findTeamWhere(const QString &column, const QVariant &value);
    Status insertDevice(const Device &device, const QString &doing);
    Status bumpDirectory(const QString &teamId, const QString &doing);

    QString m_path;
    QString m_connectionName;
    QSqlDatabase m_db;
    std::optional<Durability> m_synchronous;
    std::unique_ptr<WalCheckpointer> m_checkpointer;
    // runPrepared's statements, by SQL: preparing cost more than a lookup by key (bench/sync).
    std::unordered_map<QString, std::unique_ptr<QSqlQuery>> m_prepared;
    // applyPush's statements, prepared on first use (shared_ptr: the type is sqliterecords.cpp's).
    std::shared_ptr<PushStatements> m_pushStatements;
    bool m_together = false; // inside writeTogether: write() is a savepoint of its transaction
    QHash<QString, qint64> m_lastTouched; // device id -> last lastSeenAt written by this object
};

} // namespace outward::server
