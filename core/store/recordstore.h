#pragma once

#include "core/common/result.h"
#include "core/model/recordheader.h"
#include "core/store/database.h"

#include <QHash>
#include <QSqlQuery>

#include <functional>
#include <optional>

namespace outward {

// Where a record stands with the server. Written in the same transaction as the record.
enum class OutboxState
{
    Local = 0,
    Queued = 1,
    Synced = 2,
    Error = 3
};

template<>
struct EnumNames<OutboxState>
{
    static constexpr std::array<EnumEntry<OutboxState>, 4> entries{{
        {OutboxState::Local, QLatin1StringView("local")},
        {OutboxState::Queued, QLatin1StringView("queued")},
        {OutboxState::Synced, QLatin1StringView("synced")},
        {OutboxState::Error, QLatin1StringView("error")},
    }};
};

// A record as stored: the envelope plus the plaintext columns copied from its header.
struct StoredRecord
{
    QUuid id;
    RecordKind kind = RecordKind::Interaction;
    QString author;
    QString team;
    qint64 atMs = 0;
    HlcTimestamp clock;
    bool deleted = false;
    QByteArray envelope;
    OutboxState outboxState = OutboxState::Local;
    QString outboxError;
    std::optional<qint64> serverSeq;
    // The record signature and key commitment (docs/protocol.md 5.3); empty for versions sealed
    // before schema 2 until RecordService::signMissing fills them.
    QByteArray signature;
    QByteArray keyCommit;

    static StoredRecord fromHeader(const RecordHeader &header, QByteArray envelope,
                                   OutboxState state);
};

// A superseded version of a record, kept when it was edited or deleted.
struct Revision
{
    QUuid recordId;
    HlcTimestamp clock;
    QByteArray envelope;
    qint64 supersededAtMs = 0;
    QByteArray signature; // as stored with the version; empty when it never had one
    QByteArray keyCommit;
};

// One queued version, ready to push (docs/protocol.md section 11.1).
struct OutboxItem
{
    QUuid id;
    HlcTimestamp clock;
    QByteArray envelope;
    QByteArray signature;
    QByteArray keyCommit;
};

// A position in the newest-first order (at DESC, id), for keyset paging.
struct RecordCursor
{
    qint64 atMs = 0;
    QUuid id;
};

struct RecordQuery
{
    std::optional<RecordKind> kind;
    std::optional<qint64> fromMs; // inclusive
    std::optional<qint64> toMs;   // exclusive
    bool includeDeleted = false;
    int limit = -1; // newest first; -1 for all
    int offset = 0;
    // Keyset paging: only records that come after this one in the order. Unlike offset, a page
    // deep in the list costs the same as the first, because the index seeks straight to it.
    std::optional<RecordCursor> startAfter;
};

class RecordStore
{
public:
    explicit RecordStore(Database &db);

    Database &database() { return m_db; }

    // A new record; ErrorCode::InvalidInput if the id exists.
    Status insert(const StoredRecord &record);
    // A record whose id may exist already: inserts it and returns true, or writes nothing and
    // returns false when the id exists. One probe of the id instead of a read and an insert.
    Result<bool> insertIfNew(const StoredRecord &record);
    // Many new records in one transaction: all or none.
    Status insertMany(const QList<StoredRecord> &records);
    // A new version of an existing record. The previous version becomes a revision in the same
    // transaction, so nothing is lost.
    Status replace(const StoredRecord &record, qint64 nowMs);
    // Keeps a version that is not the current one (an older version pulled from the server) as a
    // revision of its record; an existing revision with the same clock is kept as it is.
    Status addRevision(const StoredRecord &version, qint64 nowMs);
    // Deletes a record and its revisions (a copy of someone else's record the server says this
    // user may no longer read). NotFound when there is no such record.
    Status remove(const QUuid &id);

    Result<StoredRecord> get(const QUuid &id);
    Result<QList<StoredRecord>> list(const RecordQuery &query);
    // Streams matching records newest first without holding them all; stop by returning false.
    Status forEach(const RecordQuery &query,
                   const std::function<bool(const StoredRecord &)> &visit);
    Result<int> count(const RecordQuery &query);
    Result<QList<Revision>> revisions(const QUuid &id);
    // Ids beginning with a prefix typed by a person, at most `limit` of them.
    Result<QList<QUuid>> idsStartingWith(const QString &prefix, int limit);

    Result<QHash<OutboxState, int>> outboxCounts();
    // Only if the record is still at `clock`, so a newer local edit is never marked synced.
    // serverSeq, when given, is stored as the version's server sequence number.
    Status setOutboxState(const QUuid &id, const HlcTimestamp &clock, OutboxState state,
                          const QString &reason = {},
                          std::optional<qint64> serverSeq = std::nullopt);
    // Queued versions oldest clock first, at most maxItems and, after the first, no more than
    // maxEnvelopeBytes of envelopes in all (the first is always included, so one large envelope
    // cannot stall the outbox). Only signed versions: RecordService::signMissing signs the rest.
    Result<QList<OutboxItem>> outboxBatch(int maxItems, qint64 maxEnvelopeBytes);
    // Stores a signature and key commitment for the version at `clock` (signMissing).
    Status setSignature(const QUuid &id, const HlcTimestamp &clock, const QByteArray &signature,
                        const QByteArray &keyCommit);
    // Ids of the records by `author` whose current version has no signature yet.
    Result<QList<QUuid>> unsignedIds(const QString &author);
    // Marks every local record queued, e.g. once the device enrols with a server.
    Result<int> queueLocalRecords();

    // The newest clock of any record, to restart the hybrid logical clock after a restart.
    Result<std::optional<HlcTimestamp>> latestClock();

private:
    Status bindAndInsert(const StoredRecord &record);
    static void bindRecord(QSqlQuery &query, const StoredRecord &record);
    Result<StoredRecord> readRow(const QSqlQuery &query);
    QSqlQuery selectQuery(const RecordQuery &query, const QString &columns);

    Database &m_db;
    QSqlQuery m_insert;
    QSqlQuery m_insertIfNew;
    QSqlQuery m_get;
};

} // namespace outward
