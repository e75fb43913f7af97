#include "sync/client/profilesyncstore.h"

#include "core/crypto/devicekey.h"
#include "sync/client/logging.h"
#include "sync/protocol/signedmessages.h"

using namespace Qt::StringLiterals;

namespace outward::sync {

ProfileSyncStore::ProfileSyncStore(Profile &profile)
    : m_profile(profile)
    , m_records(profile)
{}

Status ProfileSyncStore::requireUnlocked() const
{
    if (!m_profile.isUnlocked())
        return Error(ErrorCode::Locked, u"the profile is locked; unlock it to sync"_s);
    return {};
}

DirectoryMember ProfileSyncStore::toPinned(const protocol::DirectoryMember &member)
{
    DirectoryMember pinned;
    pinned.userId = member.userId;
    pinned.displayName = member.displayName;
    switch (member.role) {
    case protocol::Role::Staff:
        pinned.role = MemberRole::Staff;
        break;
    case protocol::Role::Lead:
        pinned.role = MemberRole::Lead;
        break;
    case protocol::Role::Admin:
        pinned.role = MemberRole::Admin;
        break;
    }
    pinned.status = member.status == protocol::MemberStatus::Active ? MemberStatus::Active
                                                                    : MemberStatus::Revoked;
    pinned.boxPublicKey = member.boxPublicKey;
    pinned.signPublicKey = member.signPublicKey;
    return pinned;
}

Result<SyncIdentity> ProfileSyncStore::identity()
{
    if (Status unlocked = requireUnlocked(); !unlocked)
        return unlocked.error();
    Result<std::optional<SyncSettings>> settings = m_profile.syncState().settings();
    if (!settings)
        return settings.error();
    if (!settings.value())
        return Error(ErrorCode::NotFound,
                     u"this profile is not enrolled with a sync server; enrol it with an invite "
                     "code first"_s);
    const SyncSettings &enrolled = *settings.value();
    SyncIdentity identity;
    identity.serverUrl = QUrl(enrolled.serverUrl);
    identity.serverId = enrolled.serverId;
    identity.deviceId = enrolled.deviceId;
    identity.userId = m_profile.userId();
    return identity;
}

Result<QByteArray> ProfileSyncStore::signChallenge(const SyncIdentity &identity,
                                                   const QByteArray &challenge)
{
    if (Status unlocked = requireUnlocked(); !unlocked)
        return unlocked.error();
    Result<std::optional<SyncSettings>> settings = m_profile.syncState().settings();
    if (!settings)
        return settings.error();
    if (!settings.value())
        return Error(ErrorCode::NotFound, u"this profile is not enrolled with a sync server"_s);
    // Unwrapped only for this signature; the key pair's SecureBytes wipe it on return.
    Result<DeviceKeyPair> deviceKey =
        devicekey::unwrap(*m_profile.keys(), identity.deviceId, settings.value()->wrappedDeviceKey);
    if (!deviceKey)
        return deviceKey.error().withContext(u"opening this device's key"_s);
    Result<QByteArray> message =
        protocol::signing::authMessage(identity.serverId, identity.deviceId, challenge);
    if (!message)
        return message.error();
    return protocol::signing::sign(message.value(), deviceKey->secretKey);
}

Result<int> ProfileSyncStore::signMissing()
{
    return m_records.signMissing();
}

Result<QList<OutboxItem>> ProfileSyncStore::outboxBatch(int maxItems, qint64 maxEnvelopeBytes,
                                                        const OutboxExclusions &exclude)
{
    if (Status unlocked = requireUnlocked(); !unlocked)
        return unlocked.error();
    // The excluded versions are still queued and come first in clock order: read past them.
    Result<QList<OutboxItem>> queued = m_profile.store().outboxBatch(
        maxItems + int(exclude.versions.size()), maxEnvelopeBytes + exclude.envelopeBytes);
    if (!queued)
        return queued.error();
    QList<OutboxItem> batch;
    qint64 bytes = 0;
    for (OutboxItem &item : queued.value()) {
        if (exclude.contains(item))
            continue;
        if (batch.size() >= maxItems ||
            (!batch.isEmpty() && bytes + item.envelope.size() > maxEnvelopeBytes))
            break;
        bytes += item.envelope.size();
        batch.append(std::move(item));
    }
    return batch;
}

Status ProfileSyncStore::applyPushOutcomes(const QList<PushOutcome> &outcomes)
{
    return m_profile.database().write(u"recording what the server accepted"_s, [&]() -> Status {
        for (const PushOutcome &outcome : outcomes) {
            Status status;
            switch (outcome.status) {
            case PushOutcome::Status::Accepted:
                status = m_profile.store().setOutboxState(outcome.id, outcome.clock,
                                                          OutboxState::Synced, {}, outcome.seq);
                break;
            case PushOutcome::Status::Deferred:
                // Still queued; the reason says why it waits.
                status = m_profile.store().setOutboxState(outcome.id, outcome.clock,
                                                          OutboxState::Queued, outcome.reason);
                break;
            case PushOutcome::Status::Rejected:
                status = m_profile.store().setOutboxState(outcome.id, outcome.clock,
                                                          OutboxState::Error, outcome.reason);
                break;
            }
            if (!status)
                return status;
        }
        return {};
    });
}

Result<UnsentCounts> ProfileSyncStore::unsentCounts()
{
    Result<QHash<OutboxState, int>> counts = m_profile.store().outboxCounts();
    if (!counts)
        return counts.error();
    UnsentCounts unsent;
    unsent.queued = counts->value(OutboxState::Queued);
    unsent.errors = counts->value(OutboxState::Error);
    return unsent;
}

Status ProfileSyncStore::transaction(const QString &doing, const std::function<Status()> &body)
{
    // The engine's transactions hold pulled batches of up to thousands of records.
    return m_profile.database().bulkWrite(doing, body);
}

PulledResult ProfileSyncStore::toPulled(const protocol::PullItem &item,
                                        const Result<AcceptedRemote> &accepted)
{
    PulledResult result;
    if (!accepted) {
        result.outcome = PulledOutcome::Refused;
        result.reason = accepted.error().message();
        // Which record it was, when its header can say so.
        if (const Result<QByteArray> headerBytes = envelope::headerOf(item.envelope)) {
            if (const Result<RecordHeader> header = RecordHeader::fromBytes(headerBytes.value())) {
                result.id = header->id;
                result.author = header->author;
            }
        }
        return result;
    }
    result.id = accepted->id;
    result.author = accepted->author;
    switch (accepted->outcome) {
    case RemoteOutcome::Inserted:
        result.outcome = PulledOutcome::Stored;
        break;
    case RemoteOutcome::AlreadyCurrent:
        result.outcome = PulledOutcome::Unchanged;
        break;
    case RemoteOutcome::ReplacedLocal:
        result.outcome =
            accepted->replacedUnsent ? PulledOutcome::ReplacedUnsent : PulledOutcome::Stored;
        break;
    case RemoteOutcome::KeptAsRevision:
        result.outcome = PulledOutcome::KeptLocal;
        break;
    case RemoteOutcome::UnknownAuthor:
        result.outcome = PulledOutcome::UnknownAuthor;
        break;
    }
    return result;
}

Result<PulledResult> ProfileSyncStore::acceptRecord(const protocol::PullItem &item)
{
    Result<AcceptedRemote> accepted =
        m_records.acceptRemote(item.envelope, item.signature, item.keyCommit, item.seq);
    if (!accepted && !RecordService::isRefusal(accepted.error()))
        return accepted.error();
    return toPulled(item, accepted);
}

Result<QList<PulledResult>> ProfileSyncStore::acceptItems(const QList<protocol::PullItem> &items)
{
    QList<PulledResult> results;
    results.reserve(items.size());
    qsizetype runStart = 0;
    // Stores items [runStart, end), all records, as one run.
    auto storeRun = [&](qsizetype end) -> Status {
        if (end == runStart)
            return {};
        QList<RemoteVersion> versions;
        versions.reserve(end - runStart);
        for (qsizetype i = runStart; i < end; ++i) {
            const protocol::PullItem &item = items.at(i);
            versions.append({item.envelope, item.signature, item.keyCommit, item.seq});
        }
        auto accepted = m_records.acceptRemoteMany(versions);
        if (!accepted)
            return accepted.error();
        for (qsizetype i = 0; i < accepted->size(); ++i)
            results.append(toPulled(items.at(runStart + i), accepted->at(i)));
        return {};
    };
    for (qsizetype i = 0; i < items.size(); ++i) {
        if (items.at(i).type == protocol::PullItemType::Record)
            continue;
        if (Status stored = storeRun(i); !stored)
            return stored.error();
        Result<PulledResult> removal = acceptRemoval(items.at(i));
        if (!removal)
            return removal.error();
        results.append(std::move(removal).value());
        runStart = i + 1;
    }
    if (Status stored = storeRun(items.size()); !stored)
        return stored.error();
    return results;
}

Result<PulledResult> ProfileSyncStore::acceptRemoval(const protocol::PullItem &item)
{
    PulledResult result;
    result.id = QUuid::fromString(item.id);
    Result<bool> removed = m_records.removeForeign(result.id);
    if (!removed) {
        if (!RecordService::isRefusal(removed.error()))
            return removed.error();
        result.outcome = PulledOutcome::Refused;
        result.reason = removed.error().message();
        return result;
    }
    result.outcome = removed.value() ? PulledOutcome::Removed : PulledOutcome::Unchanged;
    return result;
}

Result<qint64> ProfileSyncStore::cursor()
{
    return m_profile.syncState().pullCursor();
}

Status ProfileSyncStore::setCursor(qint64 cursor)
{
    return m_profile.syncState().setPullCursor(cursor);
}

Result<QDateTime> ProfileSyncStore::lastSyncAt()
{
    auto ms = m_profile.syncState().lastSyncAtMs();
    if (!ms)
        return ms.error();
    if (!ms->has_value())
        return QDateTime();
    return QDateTime::fromMSecsSinceEpoch(**ms, Qt::UTC);
}

Status ProfileSyncStore::setLastSyncAt(const QDateTime &at)
{
    return m_profile.syncState().setLastSyncAtMs(at.toMSecsSinceEpoch());
}

Result<std::optional<qint64>> ProfileSyncStore::directoryVersion()
{
    return m_profile.syncState().directoryVersion();
}

Result<DirectoryUpdate> ProfileSyncStore::applyDirectory(const protocol::Directory &directory)
{
    QList<DirectoryMember> members;
    members.reserve(directory.members.size());
    for (const protocol::DirectoryMember &member : directory.members)
        members.append(toPinned(member));
    std::optional<DirectoryUpdate> update;
    const Status written =
        m_profile.database().write(u"storing the team's key directory"_s, [&]() -> Status {
            Result<DirectoryUpdate> applied = m_profile.applyDirectory(members);
            if (!applied)
                return applied.error();
            update = applied.value();
            if (Status named = m_profile.syncState().setTeamName(directory.team.name); !named)
                return named;
            return m_profile.syncState().setDirectoryVersion(directory.directoryVersion);
        });
    if (!written)
        return written.error();
    return *update;
}

Result<int> ProfileSyncStore::resealForDirectory()
{
    return m_records.resealForDirectory();
}

} // namespace outward::sync
