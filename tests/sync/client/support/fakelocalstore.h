#pragma once

#include "core/crypto/securebytes.h"
#include "core/model/hlc.h"
#include "sync/client/synclocalstore.h"
#include "tests/support/manualclock.h"
#include "tests/sync/client/support/fakeenvelope.h"

#include <QHash>
#include <QList>

#include <optional>

namespace outward::sync::test {

// An in-memory device for the engine's tests: records with an outbox state and revisions, the
// cursor, pinned directory and directory version, and transactions that roll back. Envelopes
// are FakeEnvelopes; the device key is a real Ed25519 key pair.
class FakeLocalStore final : public SyncLocalStore
{
public:
    struct Version
    {
        FakeEnvelope header;
        QByteArray envelope;
        QByteArray signature;
        QByteArray keyCommit;
    };
    struct Record
    {
        Version current;
        OutboxState state = OutboxState::Queued;
        QString reason;
        std::optional<qint64> seq;
        bool shareWithLead = false;
        QList<Version> revisions; // older versions, in the order they were superseded
    };

    FakeLocalStore(outward::test::ManualClock &clock, QString userId, QString serverId,
                   QString node = QStringLiteral("00000000000000aa"));

    SyncIdentity identityValue;
    QByteArray devicePublicKey() const { return m_devicePublicKey; }

    // A local write: a new version in the outbox (a new record unless id is given).
    QUuid write(const QString &body, std::optional<QUuid> id = std::nullopt,
                bool shareWithLead = false, bool deleted = false);
    // A version with a chosen clock (conflicts, clocks in the future).
    QUuid writeAt(const HlcTimestamp &clock, const QString &body,
                  std::optional<QUuid> id = std::nullopt);
    // Leaves a version without a signature, as sealed before schema 2.
    void dropSignature(const QUuid &id);
    // Pins a member as a directory fetch would.
    void pin(const QString &userId, MemberRole role = MemberRole::Staff);
    // An envelope of another author, for the fake server (what their device pushed).
    FakeEnvelope envelopeFor(const QString &author, const QString &body,
                             std::optional<QUuid> id = std::nullopt,
                             std::optional<HlcTimestamp> clock = std::nullopt);
    HybridLogicalClock &hlc() { return m_hlc; }

    QHash<QUuid, Record> records;
    qint64 cursorValue = 0;
    QList<qint64> cursorsSet; // every setCursor, in order (rolled-back ones included)
    std::optional<qint64> directoryVersionValue;
    QDateTime lastSyncAtValue;
    QHash<QString, DirectoryMember> pins;
    std::optional<QUuid> failAcceptFor; // acceptRecord fails (a full disk) once for this id
    int transactionsCommitted = 0;
    int transactionsRolledBack = 0;
    int resealCalls = 0;
    bool locked = false;

    // SyncLocalStore
    Result<SyncIdentity> identity() override;
    Result<QByteArray> signChallenge(const SyncIdentity &identity,
                                     const QByteArray &challenge) override;
    Result<int> signMissing() override;
    Result<QList<OutboxItem>> outboxBatch(int maxItems, qint64 maxEnvelopeBytes,
                                          const OutboxExclusions &exclude) override;
    Status applyPushOutcomes(const QList<PushOutcome> &outcomes) override;
    Result<UnsentCounts> unsentCounts() override;
    Status transaction(const QString &doing, const std::function<Status()> &body) override;
    Result<PulledResult> acceptRecord(const protocol::PullItem &item) override;
    Result<PulledResult> acceptRemoval(const protocol::PullItem &item) override;
    Result<qint64> cursor() override;
    Status setCursor(qint64 cursor) override;
    Result<std::optional<qint64>> directoryVersion() override;
    Result<QDateTime> lastSyncAt() override { return lastSyncAtValue; }
    Status setLastSyncAt(const QDateTime &at) override
    {
        lastSyncAtValue = at;
        return {};
    }
    Result<DirectoryUpdate> applyDirectory(const protocol::Directory &directory) override;
    Result<int> resealForDirectory() override;

private:
    Version makeVersion(const FakeEnvelope &header) const;
    QStringList currentLeads() const;

    outward::test::ManualClock &m_clock;
    HybridLogicalClock m_hlc;
    QString m_userId;
    QByteArray m_devicePublicKey;
    SecureBytes m_deviceSecretKey;
    int m_transactionDepth = 0;
};

} // namespace outward::sync::test
