#include "core/profile/recordservice.h"

#include "core/crypto/envelope.h"
#include "core/crypto/recordsignature.h"
#include "core/model/fieldreader.h"

#include <QJsonDocument>
#include <QScopeGuard>
#include <QSet>

#include <algorithm>
#include <atomic>
#include <condition_variable>
#include <mutex>
#include <system_error>
#include <thread>
#include <vector>

using namespace Qt::StringLiterals;

namespace outward {

namespace {
// Stored records are read under rules that accept any date: a record valid when written must
// stay readable whatever the clock says now.
const ValidationContext kReadContext{QDateTime()};

Error wasDeleted(const QUuid &id)
{
    return Error(ErrorCode::NotFound, u"record %1 was deleted; it can no longer be edited"_s.arg(
                                          id.toString(QUuid::WithoutBraces)));
}

Error alteredRow()
{
    return Error(ErrorCode::Corrupt, u"a stored record does not match its sealed header; the "
                                     u"database was altered outside Outward"_s);
}

// Who a kind is wrapped for (docs/protocol.md 13.1).
enum class Audience
{
    Nobody,
    Leads,
    Members
};

Audience audienceOf(RecordKind kind, const QJsonObject &content)
{
    const bool shareWithLead = content.value(u"shareWithLead"_s).toBool(false);
    switch (kind) {
    case RecordKind::Interaction:
    case RecordKind::Reflection:
        return shareWithLead ? Audience::Leads : Audience::Nobody;
    case RecordKind::ClientBrief:
        // The team includes its leads, so shareWithTeam covers shareWithLead.
        if (content.value(u"shareWithTeam"_s).toBool(false))
            return Audience::Members;
        return shareWithLead ? Audience::Leads : Audience::Nobody;
    case RecordKind::Commitment:
    case RecordKind::CheckIn:
    case RecordKind::QuarterlyReview:
        return Audience::Leads; // the Success Index is held with the lead
    case RecordKind::TeamPurpose:
    case RecordKind::QuestionnaireTemplate:
        return Audience::Members;
    case RecordKind::PulseResponse:
        return Audience::Nobody; // aggregates only
    }
    return Audience::Nobody;
}

// The box keys of the active leads and of all active members but this user, in directory order.
struct ReaderSets
{
    QList<QByteArray> leads;
    QList<QByteArray> members;

    QList<QByteArray> forAudience(Audience audience) const
    {
        switch (audience) {
        case Audience::Leads:
            return leads;
        case Audience::Members:
            return members;
        case Audience::Nobody:
            break;
        }
        return {};
    }
};

Result<ReaderSets> readerSets(DirectoryStore &directory, const QString &self)
{
    auto members = directory.members();
    if (!members)
        return members.error();
    ReaderSets sets;
    for (const DirectoryMember &member : *members) {
        // A revoked member, or one whose keys the server tried to change, gets nothing new.
        if (member.userId == self || !member.isActive())
            continue;
        sets.members << member.boxPublicKey;
        if (member.role == MemberRole::Lead)
            sets.leads << member.boxPublicKey;
    }
    return sets;
}

QList<QByteArray> readersOfEnvelope(const QByteArray &envelope)
{
    auto recipients = envelope::recipientsOf(envelope);
    if (!recipients || recipients->isEmpty())
        return {};
    return recipients->mid(1);
}

bool sameReaders(const QList<QByteArray> &a, const QList<QByteArray> &b)
{
    return QSet<QByteArray>(a.cbegin(), a.cend()) == QSet<QByteArray>(b.cbegin(), b.cend());
}
} // namespace

QJsonObject RecordView::toJson() const
{
    QJsonObject out{{u"id"_s, header.idText()},
                    {u"kind"_s, enumName(header.kind)},
                    {u"at"_s, isoDateTime(QDateTime::fromMSecsSinceEpoch(header.atMs))},
                    {u"clock"_s, header.clock.toString()},
                    {u"state"_s, enumName(outboxState)}};
    if (!outboxError.isEmpty())
        out.insert(u"error"_s, outboxError);
    if (header.deleted)
        out.insert(u"deleted"_s, true);
    else
        out.insert(u"content"_s, json);
    return out;
}

RecordService::RecordService(Profile &profile)
    : m_profile(profile)
{}

ValidationContext RecordService::validationContext() const
{
    return {m_profile.clock().nowWithOffset()};
}

Status RecordService::requireUnlocked() const
{
    if (!m_profile.isUnlocked())
        return Error(ErrorCode::Locked,
                     u"the profile is locked; unlock it with your passphrase first"_s);
    return {};
}

RecordHeader RecordService::newHeader(const RecordPayload &payload, const QUuid &id, bool deleted)
{
    return newHeader(payload, id, m_profile.hlc().now(), deleted);
}

RecordHeader RecordService::newHeader(const RecordPayload &payload, const QUuid &id,
                                      const HlcTimestamp &clock, bool deleted)
{
    RecordHeader header;
    header.id = id;
    header.kind = kindOf(payload);
    header.author = m_profile.userId();
    header.team = m_profile.team();
    header.clock = clock;
    header.atMs = payloadTime(payload).toMSecsSinceEpoch();
    header.deleted = deleted;
    if (!deleted)
        header.metrics = payloadMetrics(payload);
    return header;
}

Result<StoredRecord> RecordService::seal(const RecordHeader &header, const QJsonObject &content,
                                         const QList<QByteArray> &readers)
{
    const QByteArray plaintext = QJsonDocument(content).toJson(QJsonDocument::Compact);
    auto sealed = m_profile.crypto()->sealCommitted(header.toBytes(), plaintext, readers);
    if (!sealed)
        return sealed.error();
    auto signature =
        recordsig::sign(sealed->envelope, sealed->keyCommit, m_profile.keys()->signSecretKey);
    if (!signature)
        return signature.error();
    StoredRecord record = StoredRecord::fromHeader(header, std::move(sealed->envelope),
                                                   m_profile.stateForNewRecords());
    record.signature = std::move(signature).value();
    record.keyCommit = std::move(sealed->keyCommit);
    return record;
}

Result<QList<QByteArray>> RecordService::readersFor(RecordKind kind, const QJsonObject &content)
{
    auto sets = readerSets(m_profile.directory(), m_profile.userId());
    if (!sets)
        return sets.error();
    return sets->forAudience(audienceOf(kind, content));
}

Result<QByteArray> RecordService::senderKeyFor(const QString &author)
{
    if (author == m_profile.userId())
        return QByteArray();
    if (auto cached = m_senderKeys.constFind(author); cached != m_senderKeys.constEnd())
        return cached.value();
    auto member = m_profile.directory().member(author);
    if (!member)
        return member.error();
    if (!member->has_value())
        return Error(ErrorCode::NoAccess,
                     u"this record was shared by someone who is not in your team's key directory "
                     u"on this device; sync to fetch the directory"_s);
    // The pinned keys, even for a revoked member: their records stay readable.
    m_senderKeys.insert(author, (*member)->boxPublicKey);
    return (*member)->boxPublicKey;
}

Result<RecordService::Opened> RecordService::open(const QByteArray &envelope,
                                                  const StoredRecord *stored,
                                                  const QByteArray &senderKey,
                                                  const QByteArray &keyCommit)
{
    auto opened = m_profile.crypto()->open(envelope, senderKey, keyCommit);
    if (!opened)
        return opened.error();
    auto header = RecordHeader::fromBytes(opened->header);
    if (!header)
        return header.error();
    // The row's columns must agree with the authenticated header, or rows were swapped.
    if (stored && (header->id != stored->id || header->clock != stored->clock ||
                   header->deleted != stored->deleted || header->kind != stored->kind ||
                   header->author != stored->author || header->team != stored->team ||
                   header->atMs != stored->atMs))
        return alteredRow();
    // Who opened it must be who the header names: the author wrap is ours only for our own
    // records, and a sender key is the pinned key of exactly this header's author.
    if ((header->author == m_profile.userId()) != senderKey.isEmpty())
        return alteredRow();
    Opened result;
    RecordView &view = result.view;
    view.header = std::move(header).value();
    view.readers = readersOfEnvelope(envelope);
    if (stored) {
        view.outboxState = stored->outboxState;
        view.outboxError = stored->outboxError;
    }
    if (!view.header.deleted) {
        const QJsonDocument document = QJsonDocument::fromJson(opened->plaintext);
        if (!document.isObject())
            return Error(ErrorCode::Corrupt, u"a record's sealed content is not a JSON object"_s);
        view.json = document.object();
        auto typed = parsePayload(view.header.kind, view.json, kReadContext);
        if (typed)
            view.payload = std::move(typed).value();
    }
    result.keyCommit = std::move(opened->keyCommit);
    return result;
}

Result<RecordView> RecordService::openStored(const StoredRecord &stored)
{
    auto senderKey = senderKeyFor(stored.author);
    if (!senderKey)
        return senderKey.error();
    auto opened = open(stored.envelope, &stored, *senderKey, stored.keyCommit);
    if (!opened)
        return opened.error();
    return std::move(opened->view);
}

Result<RecordView> RecordService::add(RecordKind kind, const QJsonObject &json)
{
    auto payload = parsePayload(kind, json, validationContext());
    if (!payload)
        return payload.error();
    return add(*payload);
}

Result<RecordView> RecordService::add(const RecordPayload &payload)
{
    if (auto unlocked = requireUnlocked(); !unlocked)
        return unlocked.error();
    if (const FieldErrors errors = validatePayload(payload, validationContext()); !errors.isEmpty())
        return Error::invalid(errors);
    const RecordHeader header = newHeader(payload, QUuid::createUuid(), false);
    const QJsonObject content = payloadToJson(payload);
    auto readers = readersFor(header.kind, content);
    if (!readers)
        return readers.error();
    auto stored = seal(header, content, *readers);
    if (!stored)
        return stored.error();
    if (auto inserted = m_profile.store().insert(*stored); !inserted)
        return inserted.error();
    return RecordView{header, content, payload, stored->outboxState, {}, *readers};
}

Result<int> RecordService::addMany(const QList<RecordPayload> &payloads)
{
    if (auto unlocked = requireUnlocked(); !unlocked)
        return unlocked.error();
    const ValidationContext context = validationContext();
    for (qsizetype i = 0; i < payloads.size(); ++i)
        if (const FieldErrors errors = validatePayload(payloads.at(i), context); !errors.isEmpty())
            return Error::invalid(errors).withContext(
                u"record %1 of %2"_s.arg(i + 1).arg(payloads.size()));

    // Sealing (JSON, header, envelope, signature) costs more CPU than SQLite's writing, so for a
    // large batch a worker seals chunks while this thread inserts them in order, in one
    // transaction, and seals too whenever the next chunk is not ready. The clocks and readers are
    // worked out here first, in order, and every reader's shared key is computed before the worker
    // starts, so the worker only reads.
    const qsizetype count = payloads.size();
    auto sets = readerSets(m_profile.directory(), m_profile.userId());
    if (!sets)
        return sets.error();
    if (auto prepared = m_profile.crypto()->prepareReaders(sets->members); !prepared)
        return prepared.error();
    QList<HlcTimestamp> clocks;
    QList<QJsonObject> contents;
    QList<Audience> audiences;
    clocks.reserve(count);
    contents.reserve(count);
    audiences.reserve(count);
    for (qsizetype i = 0; i < count; ++i) {
        clocks.append(m_profile.hlc().now());
        contents.append(payloadToJson(payloads.at(i)));
        audiences.append(audienceOf(kindOf(payloads.at(i)), contents.constLast()));
    }

    constexpr qsizetype kChunk = 64;
    const qsizetype chunkCount = (count + kChunk - 1) / kChunk;
    QList<StoredRecord> records(count);
    StoredRecord *sealedRecords = records.data(); // detached once here, never by the workers
    std::vector<char> chunkSealed(static_cast<size_t>(chunkCount), 0); // guarded by mutex
    std::mutex mutex;
    std::condition_variable progressed;
    std::optional<Error> sealFailure; // guarded by mutex
    int workersRunning = 0;           // guarded by mutex
    std::atomic<qsizetype> nextChunk{0};
    std::atomic<bool> stop{false};

    // Seals one chunk; false (with sealFailure set) when a record could not be sealed.
    auto sealChunk = [&](qsizetype chunk) {
        const qsizetype end = std::min(count, (chunk + 1) * kChunk);
        for (qsizetype i = chunk * kChunk; i < end; ++i) {
            const RecordPayload &payload = payloads.at(i);
            auto stored = seal(newHeader(payload, QUuid::createUuid(), clocks.at(i), false),
                               contents.at(i), sets->forAudience(audiences.at(i)));
            if (!stored) {
                std::lock_guard lock(mutex);
                if (!sealFailure)
                    sealFailure = stored.error();
                stop = true;
                progressed.notify_all();
                return false;
            }
            sealedRecords[i] = std::move(stored).value();
        }
        std::lock_guard lock(mutex);
        chunkSealed[static_cast<size_t>(chunk)] = 1;
        progressed.notify_all();
        return true;
    };
    auto sealChunks = [&] {
        for (qsizetype chunk = nextChunk++; chunk < chunkCount && !stop; chunk = nextChunk++)
            if (!sealChunk(chunk))
                return;
    };
    auto runWorker = [&] {
        sealChunks();
        std::lock_guard lock(mutex);
        --workersRunning;
        progressed.notify_all();
    };

    constexpr qsizetype kThreadedFrom = 256; // below this a thread costs more than it saves
    // One worker: inserting is the slower half and needs a core of its own; a second sealing
    // worker on a 2-core device took CPU from it and made 100,000 inserts 10 % slower (bench/).
    constexpr int kWorkers = 1;
    std::vector<std::thread> workers;
    if (count >= kThreadedFrom) {
        for (int w = 0; w < kWorkers; ++w) {
            {
                std::lock_guard lock(mutex);
                ++workersRunning;
            }
            try {
                workers.emplace_back(runWorker);
            } catch (const std::system_error &) {
                std::lock_guard lock(mutex);
                --workersRunning; // fewer threads to be had: the others, or this thread, seal
            }
        }
    }
    if (workers.empty())
        sealChunks(); // a small batch, or no thread at all: seal everything here first
    auto joinWorkers = qScopeGuard([&] {
        stop = true;
        for (std::thread &worker : workers)
            worker.join();
    });

    auto inserted = m_profile.database().write(u"saving %1 records"_s.arg(count), [&]() -> Status {
        for (qsizetype chunk = 0; chunk < chunkCount; ++chunk) {
            // While the chunk to insert is not sealed yet, this thread seals the next unclaimed
            // one instead of waiting: since every version is signed, sealing is the slower half
            // and the inserting thread would otherwise idle.
            for (;;) {
                {
                    std::lock_guard lock(mutex);
                    if (chunkSealed[static_cast<size_t>(chunk)])
                        break;
                    if (sealFailure)
                        return *sealFailure;
                }
                if (const qsizetype spare = nextChunk++; spare < chunkCount) {
                    if (!sealChunk(spare)) {
                        std::lock_guard lock(mutex);
                        return sealFailure.value_or(
                            Error(ErrorCode::Internal, u"sealing stopped early"_s));
                    }
                    continue;
                }
                std::unique_lock lock(mutex);
                progressed.wait(lock, [&] {
                    return chunkSealed[static_cast<size_t>(chunk)] || sealFailure ||
                           workersRunning == 0;
                });
                if (!chunkSealed[static_cast<size_t>(chunk)])
                    return sealFailure.value_or(
                        Error(ErrorCode::Internal, u"sealing stopped early"_s));
                break;
            }
            const qsizetype end = std::min(count, (chunk + 1) * kChunk);
            for (qsizetype i = chunk * kChunk; i < end; ++i)
                if (auto one = m_profile.store().insert(records.at(i)); !one)
                    return one;
        }
        return {};
    });
    if (!inserted)
        return inserted.error();
    return int(count);
}

Result<RecordView> RecordService::currentOwnRecord(const QUuid &id)
{
    auto current = get(id);
    if (!current)
        return current.error();
    if (current->header.deleted)
        return wasDeleted(id);
    if (current->header.author != m_profile.userId())
        return Error(ErrorCode::NoAccess, u"only the author of a record can change it"_s);
    return current;
}

Result<RecordView> RecordService::storeNewVersion(const RecordView &current,
                                                  const RecordPayload &payload)
{
    if (kindOf(payload) != current.header.kind)
        return Error(ErrorCode::InvalidInput, u"a record cannot change its kind"_s);
    RecordHeader header = newHeader(payload, current.header.id, false);
    const QJsonObject content = payloadToJson(payload);
    auto readers = readersFor(header.kind, content);
    if (!readers)
        return readers.error();
    auto stored = seal(header, content, *readers);
    if (!stored)
        return stored.error();
    if (auto replaced = m_profile.store().replace(*stored, m_profile.clock().nowMs()); !replaced)
        return replaced.error();
    return RecordView{header, content, payload, stored->outboxState, {}, *readers};
}

Result<RecordView> RecordService::edit(const QUuid &id, const QJsonObject &patch)
{
    auto current = currentOwnRecord(id);
    if (!current)
        return current.error();
    auto payload =
        parsePayload(current->header.kind, mergePatch(current->json, patch), validationContext());
    if (!payload)
        return payload.error();
    // A null removes a field; where the kind then fills in a default (a time becomes "now", a
    // flag becomes false) the edit would silently change the record, so it is refused instead.
    const QJsonObject edited = payloadToJson(*payload);
    FieldErrors resets;
    for (auto it = patch.begin(); it != patch.end(); ++it) {
        if (it->isNull() && edited.contains(it.key()) &&
            edited.value(it.key()) != current->json.value(it.key()))
            resets.append(
                {it.key(), u"cannot be removed; give the value it should have instead"_s});
    }
    if (!resets.isEmpty())
        return Error::invalid(resets);
    return storeNewVersion(*current, *payload);
}

Result<RecordView> RecordService::replace(const QUuid &id, const RecordPayload &payload)
{
    auto current = currentOwnRecord(id);
    if (!current)
        return current.error();
    if (const FieldErrors errors = validatePayload(payload, validationContext()); !errors.isEmpty())
        return Error::invalid(errors);
    return storeNewVersion(*current, payload);
}

Result<RecordView> RecordService::remove(const QUuid &id)
{
    auto current = currentOwnRecord(id);
    if (!current)
        return current.error();
    RecordHeader header = current->header;
    header.clock = m_profile.hlc().now();
    header.deleted = true;
    header.metrics = QJsonObject();
    // Sealed for the readers of the version it deletes, so they learn of the deletion
    // (docs/protocol.md 18).
    auto readers = readersFor(header.kind, current->json);
    if (!readers)
        return readers.error();
    auto stored = seal(header, QJsonObject(), *readers);
    if (!stored)
        return stored.error();
    if (auto replaced = m_profile.store().replace(*stored, m_profile.clock().nowMs()); !replaced)
        return replaced.error();
    return RecordView{header, {}, std::nullopt, stored->outboxState, {}, *readers};
}

Result<RecordView> RecordService::restore(const QUuid &id)
{
    auto current = get(id);
    if (!current)
        return current.error();
    if (!current->header.deleted)
        return Error(ErrorCode::InvalidInput,
                     u"record %1 is not deleted; there is nothing to restore"_s.arg(
                         current->header.idText()));
    if (current->header.author != m_profile.userId())
        return Error(ErrorCode::NoAccess, u"only the author of a record can restore it"_s);
    auto versions = history(id);
    if (!versions)
        return versions.error();
    for (auto it = versions->crbegin(); it != versions->crend(); ++it) {
        if (it->header.deleted)
            continue;
        if (!it->payload)
            return Error(ErrorCode::NewerVersion,
                         u"the deleted record was written by a newer Outward; update the app to "
                         u"restore it"_s);
        // Validated under the rules it was written with: an old time stays acceptable.
        return storeNewVersion(*current, *it->payload);
    }
    return Error(ErrorCode::NotFound,
                 u"record %1 has no earlier content on this device to restore"_s.arg(
                     current->header.idText()));
}

Result<RecordView> RecordService::get(const QUuid &id)
{
    if (auto unlocked = requireUnlocked(); !unlocked)
        return unlocked.error();
    auto stored = m_profile.store().get(id);
    if (!stored)
        return stored.error();
    return openStored(*stored);
}

Status RecordService::forEach(const RecordQuery &query,
                              const std::function<bool(const RecordView &)> &visit)
{
    if (auto unlocked = requireUnlocked(); !unlocked)
        return unlocked;
    std::optional<Error> failure;
    auto listed = m_profile.store().forEach(query, [&](const StoredRecord &stored) {
        auto view = openStored(stored);
        if (!view) {
            failure = view.error();
            return false;
        }
        return visit(*view);
    });
    if (failure)
        return *failure;
    return listed;
}

Result<QList<RecordView>> RecordService::list(const RecordQuery &query)
{
    QList<RecordView> views;
    auto listed = forEach(query, [&views](const RecordView &view) {
        views.append(view);
        return true;
    });
    if (!listed)
        return listed.error();
    return views;
}

Result<QList<RecordView>> RecordService::history(const QUuid &id)
{
    if (auto unlocked = requireUnlocked(); !unlocked)
        return unlocked.error();
    auto current = m_profile.store().get(id);
    if (!current) {
        // Revisions go with their record (ON DELETE CASCADE): an unknown id has no history.
        if (current.error().code() == ErrorCode::NotFound)
            return QList<RecordView>();
        return current.error();
    }
    auto senderKey = senderKeyFor(current->author);
    if (!senderKey)
        return senderKey.error();
    auto revisions = m_profile.store().revisions(id);
    if (!revisions)
        return revisions.error();
    QList<RecordView> views;
    for (const Revision &revision : *revisions) {
        auto opened = open(revision.envelope, nullptr, *senderKey, revision.keyCommit);
        if (!opened)
            return opened.error();
        const RecordView &view = opened->view;
        if (view.header.id != id || view.header.clock != revision.clock ||
            view.header.author != current->author)
            return Error(ErrorCode::Corrupt, u"a stored revision does not match its sealed header; "
                                             u"the database was altered outside Outward"_s);
        views.append(std::move(opened->view));
    }
    return views;
}

Result<int> RecordService::resealForDirectory()
{
    if (auto unlocked = requireUnlocked(); !unlocked)
        return unlocked.error();
    auto sets = readerSets(m_profile.directory(), m_profile.userId());
    if (!sets)
        return sets.error();
    // Ids first: rows are rewritten below, and a query must not run over rows it is changing.
    QList<QUuid> ids;
    const QString self = m_profile.userId();
    auto listed = m_profile.store().forEach({}, [&](const StoredRecord &stored) {
        if (stored.author == self)
            ids << stored.id;
        return true;
    });
    if (!listed)
        return listed.error();

    int resealed = 0;
    auto done =
        m_profile.database().write(u"updating who can read your records"_s, [&]() -> Status {
            for (const QUuid &id : std::as_const(ids)) {
                auto stored = m_profile.store().get(id);
                if (!stored)
                    return stored.error();
                auto current = openStored(*stored);
                if (!current)
                    return current.error();
                const QList<QByteArray> wanted =
                    sets->forAudience(audienceOf(current->header.kind, current->json));
                if (sameReaders(wanted, current->readers))
                    continue;
                // The same header and content under a new clock: only who can read it changes.
                RecordHeader header = current->header;
                header.clock = m_profile.hlc().now();
                auto sealed = seal(header, current->json, wanted);
                if (!sealed)
                    return sealed.error();
                if (auto replaced = m_profile.store().replace(*sealed, m_profile.clock().nowMs());
                    !replaced)
                    return replaced;
                ++resealed;
            }
            return {};
        });
    if (!done)
        return done.error();
    return resealed;
}

Result<int> RecordService::signMissing()
{
    if (auto unlocked = requireUnlocked(); !unlocked)
        return unlocked.error();
    auto ids = m_profile.store().unsignedIds(m_profile.userId());
    if (!ids)
        return ids.error();
    int signedCount = 0;
    auto done = m_profile.database().write(u"signing records for sync"_s, [&]() -> Status {
        for (const QUuid &id : std::as_const(*ids)) {
            auto stored = m_profile.store().get(id);
            if (!stored)
                return stored.error();
            // Opening proves the envelope is ours and intact and yields its record key's
            // commitment; a damaged record is reported rather than signed.
            auto opened = open(stored->envelope, &*stored, QByteArray(), QByteArray());
            if (!opened)
                return opened.error().withContext(
                    u"record %1"_s.arg(stored->id.toString(QUuid::WithoutBraces)));
            auto signature = recordsig::sign(stored->envelope, opened->keyCommit,
                                             m_profile.keys()->signSecretKey);
            if (!signature)
                return signature.error();
            if (auto saved = m_profile.store().setSignature(id, stored->clock, *signature,
                                                            opened->keyCommit);
                !saved)
                return saved;
            ++signedCount;
        }
        return {};
    });
    if (!done)
        return done.error();
    return signedCount;
}

Result<AcceptedRemote> RecordService::acceptRemote(const QByteArray &envelope,
                                                   const QByteArray &signature,
                                                   const QByteArray &keyCommit, qint64 serverSeq)
{
    if (auto unlocked = requireUnlocked(); !unlocked)
        return unlocked.error();
    auto structure = envelope::structureOf(envelope);
    if (!structure)
        return structure.error();
    auto header = RecordHeader::fromBytes(structure->header);
    if (!header)
        return header.error();
    AcceptedRemote accepted;
    accepted.id = header->id;
    accepted.clock = header->clock;
    accepted.author = header->author;

    // The author's keys come from what this device pinned, never from the envelope.
    const bool own = header->author == m_profile.userId();
    QByteArray signKey = m_profile.keyring().signPublicKey;
    QByteArray boxKey = m_profile.keyring().boxPublicKey;
    if (!own) {
        auto member = m_profile.directory().member(header->author);
        if (!member)
            return member.error();
        if (!member->has_value()) {
            accepted.outcome = RemoteOutcome::UnknownAuthor;
            return accepted;
        }
        signKey = (*member)->signPublicKey;
        boxKey = (*member)->boxPublicKey;
    }
    // The user's own records need no signature check: they open only through wrap 0, an AEAD
    // under a subkey of the master key whose sealed commitment covers header, recipients and
    // plaintext, so nobody without the master key (the server, a reader) can make one. The
    // check is a third of what a pulled record costs (bench/sync), and a second device's first
    // sync is mostly its own user's records. key_commit is still checked by open().
    if (!own) {
        if (auto verified = recordsig::verify(envelope, keyCommit, signature, signKey); !verified)
            return verified.error();
    }
    const envelope::WrapHead &authorWrap = structure->wraps.constFirst();
    if (authorWrap.type != quint8(envelope::WrapType::Author) || authorWrap.recipient != boxKey)
        return Error(ErrorCode::Corrupt, u"a record from the server is not wrapped for its author "
                                         u"first; it was not stored"_s);
    auto opened = open(envelope, nullptr, own ? QByteArray() : boxKey, keyCommit);
    if (!opened)
        return opened.error();

    StoredRecord incoming =
        StoredRecord::fromHeader(opened->view.header, envelope, OutboxState::Synced);
    incoming.serverSeq = serverSeq;
    incoming.signature = signature;
    incoming.keyCommit = keyCommit;

    auto local = m_profile.store().get(incoming.id);
    if (!local && local.error().code() != ErrorCode::NotFound)
        return local.error();
    if (local && (local->author != incoming.author || local->kind != incoming.kind))
        return Error(ErrorCode::Corrupt,
                     u"a record from the server has the id of a different record on this device "
                     u"(another author or kind); it was not stored"_s);
    if (local && local->clock == incoming.clock && local->envelope != envelope)
        return Error(ErrorCode::Corrupt,
                     u"a record from the server has the clock of the version on this device but "
                     u"other bytes; it was not stored"_s);

    if (local)
        accepted.replacedUnsent =
            local->outboxState == OutboxState::Queued || local->outboxState == OutboxState::Error;
    const qint64 nowMs = m_profile.clock().nowMs();
    auto stored =
        m_profile.database().write(u"storing a record from the server"_s, [&]() -> Status {
            if (!local) {
                accepted.outcome = RemoteOutcome::Inserted;
                return m_profile.store().insert(incoming);
            }
            if (local->clock == incoming.clock) {
                accepted.outcome = RemoteOutcome::AlreadyCurrent;
                if (local->signature.isEmpty())
                    if (auto saved = m_profile.store().setSignature(incoming.id, incoming.clock,
                                                                    signature, keyCommit);
                        !saved)
                        return saved;
                return m_profile.store().setOutboxState(incoming.id, incoming.clock,
                                                        OutboxState::Synced, {}, serverSeq);
            }
            if (local->clock < incoming.clock) {
                // The local version, even an edit not yet pushed, stays as a revision.
                accepted.outcome = RemoteOutcome::ReplacedLocal;
                return m_profile.store().replace(incoming, nowMs);
            }
            accepted.outcome = RemoteOutcome::KeptAsRevision;
            return m_profile.store().addRevision(incoming, nowMs);
        });
    if (!stored)
        return stored.error();
    // Only a clock that passed every check moves ours, and never far past our own wall clock.
    accepted.clockCapped = !m_profile.hlc().observeBounded(incoming.clock, kMaxRemoteClockAheadMs);
    return accepted;
}

Result<bool> RecordService::removeForeign(const QUuid &id)
{
    auto stored = m_profile.store().get(id);
    if (!stored) {
        if (stored.error().code() == ErrorCode::NotFound)
            return false;
        return stored.error();
    }
    if (stored->author == m_profile.userId())
        return Error(ErrorCode::NoAccess,
                     u"the server asked to remove one of your own records; it was kept"_s);
    if (auto removed = m_profile.store().remove(id); !removed)
        return removed.error();
    return true;
}

} // namespace outward
