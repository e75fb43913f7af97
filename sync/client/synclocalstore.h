#pragma once

#include "core/common/result.h"
#include "core/store/directorystore.h"
#include "core/store/recordstore.h"
#include "sync/protocol/messages.h"

#include <QHash>
#include <QList>
#include <QString>
#include <QUrl>
#include <QUuid>

#include <functional>
#include <optional>

namespace outward::sync {

// Who this device is to the server it enrolled with.
struct SyncIdentity
{
    QUrl serverUrl;
    QString serverId;
    QString deviceId;
    QString userId;
};

// Versions already pushed in this sync that stay queued (deferred, or in conflict until the pull
// resolves them), so the next batch moves on to others instead of sending them again.
struct OutboxExclusions
{
    QHash<QUuid, HlcTimestamp> versions;
    qint64 envelopeBytes = 0; // their envelopes' total size, so a store can widen its window

    void add(const OutboxItem &item)
    {
        if (!contains(item)) {
            versions.insert(item.id, item.clock);
            envelopeBytes += item.envelope.size();
        }
    }
    bool contains(const OutboxItem &item) const
    {
        const auto found = versions.constFind(item.id);
        return found != versions.constEnd() && *found == item.clock;
    }
    bool isEmpty() const { return versions.isEmpty(); }
};

// What the server said about one pushed version, as the outbox records it (protocol.md 11.5,
// storage.md 6). Conflicts are not listed: the pull resolves them.
struct PushOutcome
{
    enum class Status
    {
        Accepted, // -> synced with seq, only if the record is still at this clock
        Deferred, // -> stays queued (clock ahead of the server's time; sent again later)
        Rejected, // -> error, with the reason shown beside the record
    };

    QUuid id;
    HlcTimestamp clock;
    Status status = Status::Accepted;
    qint64 seq = 0;
    QString reason; // "code: message" for deferred and rejected
};

// What storing one pulled item did.
enum class PulledOutcome
{
    Stored,         // new here, or newer than the local version (which becomes a revision)
    ReplacedUnsent, // newer than a local version that was not yet synced: that one is kept as a
                    // revision (a conflict the newer clock settled)
    KeptLocal,      // older than the local version, kept as a revision; the local one stays
    Unchanged,      // this device already had this version
    Removed,        // an access removal deleted this device's copy
    UnknownAuthor,  // nothing stored: the author is not in the pinned directory
    Refused,        // nothing stored: failed an integrity check (signature, key commitment, ...)
};

struct PulledResult
{
    PulledOutcome outcome = PulledOutcome::Stored;
    QUuid id;
    QString author;
    QString reason; // Refused and UnknownAuthor: what failed, for the log and the record list
};

struct UnsentCounts
{
    int queued = 0;
    int errors = 0;
};

// Everything the sync engine needs from the device, and nothing more. ProfileSyncStore
// implements it over an unlocked Profile; unit tests use an in-memory fake.
class SyncLocalStore
{
public:
    virtual ~SyncLocalStore() = default;

    // NotFound while the profile is not enrolled; Locked while it is locked.
    virtual Result<SyncIdentity> identity() = 0;
    // The auth signature of protocol.md 5.1 with this device's key.
    virtual Result<QByteArray> signChallenge(const SyncIdentity &identity,
                                             const QByteArray &challenge) = 0;

    // Signs versions stored without a record signature (sealed before schema 2); how many.
    virtual Result<int> signMissing() = 0;
    // Queued, signed versions, oldest first: at most maxItems and, after the first, at most
    // maxEnvelopeBytes of envelopes; none of `exclude`.
    virtual Result<QList<OutboxItem>> outboxBatch(int maxItems, qint64 maxEnvelopeBytes,
                                                  const OutboxExclusions &exclude) = 0;
    virtual Status applyPushOutcomes(const QList<PushOutcome> &outcomes) = 0;
    virtual Result<UnsentCounts> unsentCounts() = 0;

    // Runs body in one transaction: a pulled page and its cursor commit together or not at all.
    virtual Status transaction(const QString &doing, const std::function<Status()> &body) = 0;
    // A pulled version: verified, opened and compared with the local one (the newer clock wins,
    // the other is kept as a revision). Integrity failures are PulledOutcome::Refused; the
    // error is for failures of the store itself, which end the sync.
    virtual Result<PulledResult> acceptRecord(const protocol::PullItem &item) = 0;
    // A pulled access removal (protocol.md 12.3).
    virtual Result<PulledResult> acceptRemoval(const protocol::PullItem &item) = 0;
    // A pulled page's items in order, inside transaction(): one result per item. By default one
    // at a time; a store may check records on another thread while it stores earlier ones.
    virtual Result<QList<PulledResult>> acceptItems(const QList<protocol::PullItem> &items)
    {
        QList<PulledResult> results;
        results.reserve(items.size());
        for (const protocol::PullItem &item : items) {
            Result<PulledResult> result = item.type == protocol::PullItemType::Record
                                              ? acceptRecord(item)
                                              : acceptRemoval(item);
            if (!result)
                return result.error();
            results.append(std::move(result).value());
        }
        return results;
    }
    // The pull cursor: the "after" of the next pull; 0 before the first.
    virtual Result<qint64> cursor() = 0;
    virtual Status setCursor(qint64 cursor) = 0;

    // The directory_version last applied; nullopt before the first.
    virtual Result<std::optional<qint64>> directoryVersion() = 0;
    // Pins new members' keys, refuses changed keys (refusedUserIds) and stores the version, in
    // one transaction.
    virtual Result<DirectoryUpdate> applyDirectory(const protocol::Directory &directory) = 0;
    // protocol.md 13.3: new versions of own records whose readers the new directory changes.
    virtual Result<int> resealForDirectory() = 0;

    // When the last sync finished without error (invalid before the first), kept across restarts.
    virtual Result<QDateTime> lastSyncAt() = 0;
    virtual Status setLastSyncAt(const QDateTime &at) = 0;
};

} // namespace outward::sync
