#include "core/profile/recordservice.h"

#include "core/crypto/envelope.h"
#include "core/model/fieldreader.h"

#include <QJsonDocument>
#include <QScopeGuard>

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

Result<StoredRecord> RecordService::seal(const RecordHeader &header, const QJsonObject &content)
{
    const QByteArray plaintext = QJsonDocument(content).toJson(QJsonDocument::Compact);
    auto envelope = m_profile.crypto()->seal(header.toBytes(), plaintext);
    if (!envelope)
        return envelope.error();
    return StoredRecord::fromHeader(header, std::move(envelope).value(),
                                    m_profile.stateForNewRecords());
}

Result<RecordView> RecordService::open(const QByteArray &envelope, const StoredRecord *stored)
{
    auto opened = m_profile.crypto()->open(envelope);
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
        return Error(ErrorCode::Corrupt, u"a stored record does not match its sealed header; the "
                                         u"database was altered outside Outward"_s);
    RecordView view;
    view.header = std::move(header).value();
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
    return view;
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
    auto stored = seal(header, content);
    if (!stored)
        return stored.error();
    if (auto inserted = m_profile.store().insert(*stored); !inserted)
        return inserted.error();
    return RecordView{header, content, payload, stored->outboxState, {}};
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

    // Sealing (JSON, header, envelope) costs about as much CPU as SQLite's writing, so for a large
    // batch a worker seals chunks while this thread inserts them in order, in one transaction. The
    // clocks are issued here first, in order, so no worker touches the hybrid logical clock;
    // EnvelopeCrypto::seal without readers only reads keys.
    const qsizetype count = payloads.size();
    QList<HlcTimestamp> clocks;
    clocks.reserve(count);
    for (qsizetype i = 0; i < count; ++i)
        clocks.append(m_profile.hlc().now());

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

    auto sealChunks = [&] {
        for (qsizetype chunk = nextChunk++; chunk < chunkCount && !stop; chunk = nextChunk++) {
            const qsizetype end = std::min(count, (chunk + 1) * kChunk);
            for (qsizetype i = chunk * kChunk; i < end; ++i) {
                const RecordPayload &payload = payloads.at(i);
                auto stored = seal(newHeader(payload, QUuid::createUuid(), clocks.at(i), false),
                                   payloadToJson(payload));
                if (!stored) {
                    std::lock_guard lock(mutex);
                    if (!sealFailure)
                        sealFailure = stored.error();
                    stop = true;
                    progressed.notify_all();
                    return;
                }
                sealedRecords[i] = std::move(stored).value();
            }
            std::lock_guard lock(mutex);
            chunkSealed[static_cast<size_t>(chunk)] = 1;
            progressed.notify_all();
        }
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
            {
                std::unique_lock lock(mutex);
                progressed.wait(lock, [&] {
                    return chunkSealed[static_cast<size_t>(chunk)] || sealFailure ||
                           workersRunning == 0;
                });
                if (!chunkSealed[static_cast<size_t>(chunk)])
                    return sealFailure.value_or(
                        Error(ErrorCode::Internal, u"sealing stopped early"_s));
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
    auto stored = seal(header, content);
    if (!stored)
        return stored.error();
    if (auto replaced = m_profile.store().replace(*stored, m_profile.clock().nowMs()); !replaced)
        return replaced.error();
    return RecordView{header, content, payload, stored->outboxState, {}};
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
    auto stored = seal(header, QJsonObject());
    if (!stored)
        return stored.error();
    if (auto replaced = m_profile.store().replace(*stored, m_profile.clock().nowMs()); !replaced)
        return replaced.error();
    return RecordView{header, {}, std::nullopt, stored->outboxState, {}};
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
    return open(stored->envelope, &*stored);
}

Status RecordService::forEach(const RecordQuery &query,
                              const std::function<bool(const RecordView &)> &visit)
{
    if (auto unlocked = requireUnlocked(); !unlocked)
        return unlocked;
    std::optional<Error> failure;
    auto listed = m_profile.store().forEach(query, [&](const StoredRecord &stored) {
        auto view = open(stored.envelope, &stored);
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
    auto revisions = m_profile.store().revisions(id);
    if (!revisions)
        return revisions.error();
    QList<RecordView> views;
    for (const Revision &revision : *revisions) {
        auto view = open(revision.envelope, nullptr);
        if (!view)
            return view.error();
        if (view->header.id != id || view->header.clock != revision.clock)
            return Error(ErrorCode::Corrupt, u"a stored revision does not match its sealed header; "
                                             u"the database was altered outside Outward"_s);
        views.append(std::move(view).value());
    }
    return views;
}

} // namespace outward
