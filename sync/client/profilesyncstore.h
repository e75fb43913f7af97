#pragma once

#include "core/profile/profile.h"
#include "core/profile/recordservice.h"
#include "sync/client/synclocalstore.h"

namespace outward::sync {

// The engine's SyncLocalStore over an enrolled, unlocked Profile: the outbox and records of
// RecordStore, pulled versions through RecordService::acceptRemote (verify, open, compare
// clocks, keep the loser as a revision), the cursor and directory version in SyncStateStore,
// the pinned directory in DirectoryStore, and the device key unwrapped only to sign a challenge.
class ProfileSyncStore : public SyncLocalStore
{
public:
    explicit ProfileSyncStore(Profile &profile);

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
    // Runs of records go through RecordService::acceptRemoteMany (checked on a worker ahead of
    // the storing); removals in between keep their place.
    Result<QList<PulledResult>> acceptItems(const QList<protocol::PullItem> &items) override;
    Result<qint64> cursor() override;
    Status setCursor(qint64 cursor) override;
    Result<std::optional<qint64>> directoryVersion() override;
    Result<QDateTime> lastSyncAt() override;
    Status setLastSyncAt(const QDateTime &at) override;
    Result<DirectoryUpdate> applyDirectory(const protocol::Directory &directory) override;
    Result<int> resealForDirectory() override;

    // The protocol's directory member as the device pins it.
    static DirectoryMember toPinned(const protocol::DirectoryMember &member);

private:
    Status requireUnlocked() const;
    // What acceptRemote's answer for this item means to the engine.
    static PulledResult toPulled(const protocol::PullItem &item,
                                 const Result<AcceptedRemote> &accepted);

    Profile &m_profile;
    RecordService m_records;
};

} // namespace outward::sync
