#include "core/profile/recordservice.h"

#include "core/common/orderedpipeline.h"
#include "core/crypto/envelope.h"
#include "core/crypto/recordsignature.h"
#include "core/model/audience.h"
#include "core/model/fieldreader.h"

#include <QJsonDocument>
#include <QSet>

#include <algorithm>
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
// The audience of this version: its kind's widest (core/model/audience.h), narrowed by the
// content's sharing choices for the kinds that have them.
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
    default:
        return widestAudience(kind);
    }
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
    // transaction (OrderedPipeline). The clocks and readers are worked out here first, in order,
    // and every reader's shared key is computed before the worker starts, so the worker only
    // reads.
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

    QList<StoredRecord> records(count);
    StoredRecord *sealedRecords = records.data(); // detached once here, never by the workers
    OrderedPipeline pipeline;
    pipeline.count = count;
    pipeline.prepare = [&](qsizetype begin, qsizetype end) -> Status {
        for (qsizetype i = begin; i < end; ++i) {
            const RecordPayload &payload = payloads.at(i);
            auto stored = seal(newHeader(payload, QUuid::createUuid(), clocks.at(i), false),
                               contents.at(i), sets->forAudience(audiences.at(i)));
            if (!stored)
                return stored.error();
            sealedRecords[i] = std::move(stored).value();
        }
        return {};
    };
    pipeline.consume = [&](qsizetype begin, qsizetype end) -> Status {
        for (qsizetype i = begin; i < end; ++i)
            if (auto one = m_profile.store().insert(records.at(i)); !one)
                return one;
        return {};
    };
    auto inserted = m_profile.database().write(u"saving %1 records"_s.arg(count),
                                               [&] { return pipeline.run(); });
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

bool RecordService::isRefusal(const Error &error)
{
    return error.code() == ErrorCode::Corrupt || error.code() == ErrorCode::NewerVersion ||
           error.code() == ErrorCode::NoAccess || error.code() == ErrorCode::InvalidInput;
}

RecordService::CheckedRemote RecordService::checkRemote(const RemoteVersion &version,
                                                        const AuthorKeyLookup &keysOf)
{
    CheckedRemote checked;
    auto fail = [&checked](Error error) {
        checked.failure = std::move(error);
        return checked;
    };
    auto structure = envelope::structureOf(version.envelope);
    if (!structure)
        return fail(structure.error());
    auto header = RecordHeader::fromBytes(structure->header);
    if (!header)
        return fail(header.error());

    // The author's keys come from what this device pinned, never from the envelope.
    const bool own = header->author == m_profile.userId();
    AuthorKeys keys{m_profile.keyring().signPublicKey, m_profile.keyring().boxPublicKey};
    if (!own) {
        auto pinned = keysOf(header->author);
        if (!pinned)
            return fail(pinned.error());
        if (!pinned->has_value()) {
            checked.unknownAuthor = true;
            checked.incoming.id = header->id;
            checked.incoming.clock = header->clock;
            checked.incoming.author = header->author;
            return checked;
        }
        keys = **pinned;
    }
    // The user's own records need no signature check: they open only through wrap 0, an AEAD
    // under a subkey of the master key whose sealed commitment covers header, recipients and
    // plaintext, so nobody without the master key (the server, a reader) can make one. The
    // check is a third of what a pulled record costs (bench/sync), and a second device's first
    // sync is mostly its own user's records. key_commit is still checked by open().
    if (!own) {
        if (auto verified = recordsig::verify(version.envelope, version.keyCommit,
                                              version.signature, keys.signKey);
            !verified)
            return fail(verified.error());
    }
    const envelope::WrapHead &authorWrap = structure->wraps.constFirst();
    if (authorWrap.type != quint8(envelope::WrapType::Author) ||
        authorWrap.recipient != keys.boxKey)
        return fail(Error(ErrorCode::Corrupt, u"a record from the server is not wrapped for its "
                                              u"author first; it was not stored"_s));
    // Opening authenticates the header bytes parsed above (they are in the AEAD's associated
    // data), so they need no second parse. The content is only checked to be a JSON object, as
    // open() does for a record shown; nothing here shows it, so it is not parsed field by field.
    auto opened = m_profile.crypto()->open(version.envelope, own ? QByteArray() : keys.boxKey,
                                           version.keyCommit);
    if (!opened)
        return fail(opened.error());
    if (!header->deleted && !QJsonDocument::fromJson(opened->plaintext).isObject())
        return fail(Error(ErrorCode::Corrupt, u"a record's sealed content is not a JSON object"_s));

    checked.incoming = StoredRecord::fromHeader(*header, version.envelope, OutboxState::Synced);
    checked.incoming.serverSeq = version.serverSeq;
    checked.incoming.signature = version.signature;
    checked.incoming.keyCommit = version.keyCommit;
    return checked;
}

Result<AcceptedRemote> RecordService::storeChecked(const CheckedRemote &checked)
{
    if (checked.failure)
        return *checked.failure;
    const StoredRecord &incoming = checked.incoming;
    AcceptedRemote accepted;
    accepted.id = incoming.id;
    accepted.clock = incoming.clock;
    accepted.author = incoming.author;
    if (checked.unknownAuthor) {
        accepted.outcome = RemoteOutcome::UnknownAuthor;
        return accepted;
    }

    // Most pulled versions are new here (all of them on a device's first sync): try the insert,
    // and read the local version only when the id is taken.
    auto inserted = m_profile.store().insertIfNew(incoming);
    if (!inserted)
        return inserted.error();
    if (inserted.value()) {
        accepted.outcome = RemoteOutcome::Inserted;
        accepted.clockCapped =
            !m_profile.hlc().observeBounded(incoming.clock, kMaxRemoteClockAheadMs);
        return accepted;
    }
    auto local = m_profile.store().get(incoming.id);
    if (!local)
        return local.error();
    if (local->author != incoming.author || local->kind != incoming.kind)
        return Error(ErrorCode::Corrupt,
                     u"a record from the server has the id of a different record on this device "
                     u"(another author or kind); it was not stored"_s);
    if (local->clock == incoming.clock && local->envelope != incoming.envelope)
        return Error(ErrorCode::Corrupt,
                     u"a record from the server has the clock of the version on this device but "
                     u"other bytes; it was not stored"_s);

    accepted.replacedUnsent =
        local->outboxState == OutboxState::Queued || local->outboxState == OutboxState::Error;
    const qint64 nowMs = m_profile.clock().nowMs();
    auto stored =
        m_profile.database().write(u"storing a record from the server"_s, [&]() -> Status {
            if (local->clock == incoming.clock) {
                accepted.outcome = RemoteOutcome::AlreadyCurrent;
                if (local->signature.isEmpty())
                    if (auto saved = m_profile.store().setSignature(
                            incoming.id, incoming.clock, incoming.signature, incoming.keyCommit);
                        !saved)
                        return saved;
                return m_profile.store().setOutboxState(
                    incoming.id, incoming.clock, OutboxState::Synced, {}, incoming.serverSeq);
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

Result<AcceptedRemote> RecordService::acceptRemote(const QByteArray &envelope,
                                                   const QByteArray &signature,
                                                   const QByteArray &keyCommit, qint64 serverSeq)
{
    if (auto unlocked = requireUnlocked(); !unlocked)
        return unlocked.error();
    auto keysOf = [this](const QString &author) -> Result<std::optional<AuthorKeys>> {
        auto member = m_profile.directory().member(author);
        if (!member)
            return member.error();
        if (!member->has_value())
            return std::optional<AuthorKeys>();
        return std::optional<AuthorKeys>(
            AuthorKeys{(*member)->signPublicKey, (*member)->boxPublicKey});
    };
    return storeChecked(checkRemote({envelope, signature, keyCommit, serverSeq}, keysOf));
}

Result<QList<Result<AcceptedRemote>>>
RecordService::acceptRemoteMany(const QList<RemoteVersion> &versions)
{
    if (auto unlocked = requireUnlocked(); !unlocked)
        return unlocked.error();
    // The directory as it is now, read once: the worker cannot use the database. Every pinned
    // member's shared key is computed here, so the worker's opening only reads the cache.
    auto members = m_profile.directory().members();
    if (!members)
        return members.error();
    QHash<QString, AuthorKeys> pinned;
    // A pinned box key X25519 refuses (InvalidInput): that author's records are refused, and
    // never opened on the worker, whose cache lookup must not insert.
    QHash<QString, Error> unusable;
    for (const DirectoryMember &member : std::as_const(*members)) {
        if (member.userId == m_profile.userId())
            continue;
        if (auto prepared = m_profile.crypto()->prepareReaders({member.boxPublicKey}); !prepared)
            unusable.insert(member.userId, prepared.error());
        else
            pinned.insert(member.userId, AuthorKeys{member.signPublicKey, member.boxPublicKey});
    }
    const AuthorKeyLookup keysOf =
        [&pinned, &unusable](const QString &author) -> Result<std::optional<AuthorKeys>> {
        if (const auto bad = unusable.constFind(author); bad != unusable.constEnd())
            return *bad;
        const auto found = pinned.constFind(author);
        if (found == pinned.constEnd())
            return std::optional<AuthorKeys>();
        return std::optional<AuthorKeys>(*found);
    };

    const qsizetype count = versions.size();
    std::vector<CheckedRemote> checked(static_cast<size_t>(count));
    QList<Result<AcceptedRemote>> results;
    results.reserve(count);
    OrderedPipeline pipeline;
    pipeline.count = count;
    pipeline.chunkSize = 32;
    pipeline.threadedFrom = 64;
    pipeline.prepare = [&](qsizetype begin, qsizetype end) -> Status {
        for (qsizetype i = begin; i < end; ++i)
            checked[static_cast<size_t>(i)] = checkRemote(versions.at(i), keysOf);
        return {};
    };
    pipeline.consume = [&](qsizetype begin, qsizetype end) -> Status {
        for (qsizetype i = begin; i < end; ++i) {
            Result<AcceptedRemote> one = storeChecked(checked[static_cast<size_t>(i)]);
            if (!one && !isRefusal(one.error()))
                return one.error();
            results.append(std::move(one));
        }
        return {};
    };
    if (Status done = pipeline.run(); !done)
        return done.error();
    return results;
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
