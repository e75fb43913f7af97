#include "tests/sync/client/support/fakelocalstore.h"

#include "core/crypto/devicekey.h"
#include "sync/protocol/signedmessages.h"

#include <algorithm>

using namespace Qt::StringLiterals;

namespace outward::sync::test {

FakeLocalStore::FakeLocalStore(outward::test::ManualClock &clock, QString userId, QString serverId,
                               QString node)
    : m_clock(clock)
    , m_hlc(clock, std::move(node))
    , m_userId(std::move(userId))
{
    Result<DeviceKeyPair> key = devicekey::generate();
    Q_ASSERT(key.ok());
    m_devicePublicKey = key->publicKey;
    m_deviceSecretKey = std::move(key->secretKey);
    identityValue.serverUrl = QUrl(u"https://sync.test"_s);
    identityValue.serverId = std::move(serverId);
    identityValue.userId = m_userId;
    pin(m_userId);
}

FakeLocalStore::Version FakeLocalStore::makeVersion(const FakeEnvelope &header) const
{
    Version version;
    version.header = header;
    version.envelope = header.toBytes();
    version.signature = fakeSignature(version.envelope);
    version.keyCommit = fakeKeyCommit(version.envelope);
    return version;
}

QStringList FakeLocalStore::currentLeads() const
{
    QStringList leads;
    for (const DirectoryMember &member : pins) {
        if (member.role == MemberRole::Lead && member.isActive() && member.userId != m_userId)
            leads << member.userId;
    }
    std::sort(leads.begin(), leads.end());
    return leads;
}

QUuid FakeLocalStore::write(const QString &body, std::optional<QUuid> id, bool shareWithLead,
                            bool deleted)
{
    FakeEnvelope header;
    header.id = id.value_or(QUuid::createUuid());
    header.clock = m_hlc.now().toString();
    header.author = m_userId;
    header.deleted = deleted;
    header.body = body;
    if (shareWithLead)
        header.readers = currentLeads();
    Record &record = records[header.id];
    if (record.current.envelope.size() > 0)
        record.revisions.append(record.current);
    record.current = makeVersion(header);
    record.state = OutboxState::Queued;
    record.reason.clear();
    record.shareWithLead = shareWithLead;
    return header.id;
}

QUuid FakeLocalStore::writeAt(const HlcTimestamp &clock, const QString &body,
                              std::optional<QUuid> id)
{
    FakeEnvelope header;
    header.id = id.value_or(QUuid::createUuid());
    header.clock = clock.toString();
    header.author = m_userId;
    header.body = body;
    Record &record = records[header.id];
    if (record.current.envelope.size() > 0)
        record.revisions.append(record.current);
    record.current = makeVersion(header);
    record.state = OutboxState::Queued;
    return header.id;
}

void FakeLocalStore::dropSignature(const QUuid &id)
{
    records[id].current.signature.clear();
    records[id].current.keyCommit.clear();
}

void FakeLocalStore::pin(const QString &userId, MemberRole role)
{
    DirectoryMember member;
    member.userId = userId;
    member.displayName = userId.left(8);
    member.role = role;
    member.boxPublicKey = QByteArray(32, 'b');
    member.signPublicKey = QByteArray(32, 's');
    pins.insert(userId, member);
}

FakeEnvelope FakeLocalStore::envelopeFor(const QString &author, const QString &body,
                                         std::optional<QUuid> id, std::optional<HlcTimestamp> clock)
{
    FakeEnvelope header;
    header.id = id.value_or(QUuid::createUuid());
    header.clock = clock ? clock->toString()
                         : HlcTimestamp{m_clock.nowMs(), 0, u"00000000000000bb"_s}.toString();
    header.author = author;
    header.readers = {m_userId};
    header.body = body;
    return header;
}

Result<SyncIdentity> FakeLocalStore::identity()
{
    if (locked)
        return Error(ErrorCode::Locked, u"the profile is locked"_s);
    return identityValue;
}

Result<QByteArray> FakeLocalStore::signChallenge(const SyncIdentity &identity,
                                                 const QByteArray &challenge)
{
    if (locked)
        return Error(ErrorCode::Locked, u"the profile is locked"_s);
    Result<QByteArray> message =
        protocol::signing::authMessage(identity.serverId, identity.deviceId, challenge);
    if (!message)
        return message.error();
    return protocol::signing::sign(message.value(), m_deviceSecretKey);
}

Result<int> FakeLocalStore::signMissing()
{
    int count = 0;
    for (Record &record : records) {
        if (record.current.signature.isEmpty()) {
            record.current.signature = fakeSignature(record.current.envelope);
            record.current.keyCommit = fakeKeyCommit(record.current.envelope);
            ++count;
        }
    }
    return count;
}

Result<QList<OutboxItem>> FakeLocalStore::outboxBatch(int maxItems, qint64 maxEnvelopeBytes,
                                                      const OutboxExclusions &exclude)
{
    QList<OutboxItem> queued;
    for (auto it = records.cbegin(); it != records.cend(); ++it) {
        const Record &record = it.value();
        if (record.state != OutboxState::Queued || record.current.signature.isEmpty())
            continue;
        OutboxItem item;
        item.id = it.key();
        item.clock = *HlcTimestamp::fromString(record.current.header.clock);
        item.envelope = record.current.envelope;
        item.signature = record.current.signature;
        item.keyCommit = record.current.keyCommit;
        if (!exclude.contains(item))
            queued.append(item);
    }
    std::sort(queued.begin(), queued.end(),
              [](const OutboxItem &a, const OutboxItem &b) { return a.clock < b.clock; });
    QList<OutboxItem> batch;
    qint64 bytes = 0;
    for (const OutboxItem &item : std::as_const(queued)) {
        if (batch.size() >= maxItems)
            break;
        if (!batch.isEmpty() && bytes + item.envelope.size() > maxEnvelopeBytes)
            break;
        bytes += item.envelope.size();
        batch.append(item);
    }
    return batch;
}

Status FakeLocalStore::applyPushOutcomes(const QList<PushOutcome> &outcomes)
{
    for (const PushOutcome &outcome : outcomes) {
        auto record = records.find(outcome.id);
        if (record == records.end() || record->current.header.clock != outcome.clock.toString())
            continue; // edited meanwhile: the newer version stays queued
        switch (outcome.status) {
        case PushOutcome::Status::Accepted:
            record->state = OutboxState::Synced;
            record->seq = outcome.seq;
            record->reason.clear();
            break;
        case PushOutcome::Status::Deferred:
            record->reason = outcome.reason;
            break;
        case PushOutcome::Status::Rejected:
            record->state = OutboxState::Error;
            record->reason = outcome.reason;
            break;
        }
    }
    return {};
}

Result<UnsentCounts> FakeLocalStore::unsentCounts()
{
    UnsentCounts counts;
    for (const Record &record : std::as_const(records)) {
        if (record.state == OutboxState::Queued)
            ++counts.queued;
        else if (record.state == OutboxState::Error)
            ++counts.errors;
    }
    return counts;
}

Status FakeLocalStore::transaction(const QString &doing, const std::function<Status()> &body)
{
    if (m_transactionDepth > 0)
        return body();
    const auto savedRecords = records;
    const qint64 savedCursor = cursorValue;
    const auto savedVersion = directoryVersionValue;
    const auto savedPins = pins;
    ++m_transactionDepth;
    Status status = body();
    --m_transactionDepth;
    if (!status) {
        records = savedRecords;
        cursorValue = savedCursor;
        directoryVersionValue = savedVersion;
        pins = savedPins;
        ++transactionsRolledBack;
        return status.error().withContext(doing);
    }
    ++transactionsCommitted;
    return {};
}

Result<PulledResult> FakeLocalStore::acceptRecord(const protocol::PullItem &item)
{
    const std::optional<FakeEnvelope> header = FakeEnvelope::fromBytes(item.envelope);
    PulledResult result;
    if (!header) {
        result.outcome = PulledOutcome::Refused;
        result.reason = u"not an envelope"_s;
        return result;
    }
    result.id = header->id;
    result.author = header->author;
    if (failAcceptFor == header->id) {
        failAcceptFor.reset();
        return Error(ErrorCode::Storage, u"the disk is full"_s);
    }
    if (item.signature != fakeSignature(item.envelope) ||
        item.keyCommit != fakeKeyCommit(item.envelope)) {
        result.outcome = PulledOutcome::Refused;
        result.reason = u"the signature does not verify"_s;
        return result;
    }
    if (!pins.contains(header->author)) {
        result.outcome = PulledOutcome::UnknownAuthor;
        return result;
    }
    const std::optional<HlcTimestamp> clock = HlcTimestamp::fromString(header->clock);
    if (clock)
        m_hlc.observe(*clock);

    Version version;
    version.header = *header;
    version.envelope = item.envelope;
    version.signature = item.signature;
    version.keyCommit = item.keyCommit;

    auto local = records.find(header->id);
    if (local == records.end()) {
        Record record;
        record.current = version;
        record.state = OutboxState::Synced;
        record.seq = item.seq;
        records.insert(header->id, record);
        result.outcome = PulledOutcome::Stored;
        return result;
    }
    const QString localClock = local->current.header.clock;
    if (localClock == header->clock) {
        if (local->current.envelope != item.envelope) {
            result.outcome = PulledOutcome::Refused;
            result.reason = u"the same clock with other bytes"_s;
            return result;
        }
        local->state = OutboxState::Synced;
        local->seq = item.seq;
        result.outcome = PulledOutcome::Unchanged;
        return result;
    }
    if (header->clock > localClock) {
        const bool unsent = local->state != OutboxState::Synced;
        local->revisions.append(local->current);
        local->current = version;
        local->state = OutboxState::Synced;
        local->seq = item.seq;
        local->reason.clear();
        result.outcome = unsent ? PulledOutcome::ReplacedUnsent : PulledOutcome::Stored;
        return result;
    }
    local->revisions.append(version);
    result.outcome = PulledOutcome::KeptLocal;
    return result;
}

Result<PulledResult> FakeLocalStore::acceptRemoval(const protocol::PullItem &item)
{
    PulledResult result;
    result.id = QUuid::fromString(item.id);
    auto local = records.find(result.id);
    if (local == records.end()) {
        result.outcome = PulledOutcome::Unchanged;
        return result;
    }
    result.author = local->current.header.author;
    if (result.author == m_userId) {
        result.outcome = PulledOutcome::Refused;
        result.reason = u"a removal of an own record"_s;
        return result;
    }
    records.erase(local);
    result.outcome = PulledOutcome::Removed;
    return result;
}

Result<qint64> FakeLocalStore::cursor()
{
    return cursorValue;
}

Status FakeLocalStore::setCursor(qint64 cursor)
{
    cursorValue = cursor;
    cursorsSet.append(cursor);
    return {};
}

Result<std::optional<qint64>> FakeLocalStore::directoryVersion()
{
    return directoryVersionValue;
}

Result<DirectoryUpdate> FakeLocalStore::applyDirectory(const protocol::Directory &directory)
{
    DirectoryUpdate update;
    for (const protocol::DirectoryMember &member : directory.members) {
        DirectoryMember pinned;
        pinned.userId = member.userId;
        pinned.displayName = member.displayName;
        pinned.role = member.role == protocol::Role::Lead    ? MemberRole::Lead
                      : member.role == protocol::Role::Admin ? MemberRole::Admin
                                                             : MemberRole::Staff;
        pinned.status = member.status == protocol::MemberStatus::Active ? MemberStatus::Active
                                                                        : MemberStatus::Revoked;
        pinned.boxPublicKey = member.boxPublicKey;
        pinned.signPublicKey = member.signPublicKey;
        const auto existing = pins.constFind(member.userId);
        if (existing != pins.constEnd() && member.userId != m_userId &&
            (existing->boxPublicKey != member.boxPublicKey ||
             existing->signPublicKey != member.signPublicKey)) {
            update.refusedUserIds << member.userId;
            pins[member.userId].keysRefused = true;
            continue;
        }
        if (existing == pins.constEnd())
            ++update.added;
        else
            ++update.updated;
        if (member.userId == m_userId) {
            // This user's own keys come from the keyring, never from the server.
            pinned.boxPublicKey = existing->boxPublicKey;
            pinned.signPublicKey = existing->signPublicKey;
        }
        pins.insert(member.userId, pinned);
    }
    directoryVersionValue = directory.directoryVersion;
    return update;
}

Result<int> FakeLocalStore::resealForDirectory()
{
    ++resealCalls;
    const QStringList leads = currentLeads();
    int count = 0;
    for (auto it = records.begin(); it != records.end(); ++it) {
        Record &record = it.value();
        if (record.current.header.author != m_userId || record.current.header.deleted ||
            !record.shareWithLead || record.current.header.readers == leads)
            continue;
        FakeEnvelope header = record.current.header;
        header.clock = m_hlc.now().toString();
        header.readers = leads;
        record.revisions.append(record.current);
        record.current = makeVersion(header);
        record.state = OutboxState::Queued;
        ++count;
    }
    return count;
}

} // namespace outward::sync::test
