#include "core/store/recordstore.h"

#include "core/store/sqlerror.h"

#include <QStringList>

using namespace Qt::StringLiterals;

namespace outward {

namespace {

// Qt Sql binds a null QString as SQL NULL; an empty team (not yet enrolled) is text, not NULL.
QString textOrEmpty(const QString &text)
{
    return text.isNull() ? u""_s : text;
}

const QString kColumns = u"id, kind, author, team, at, clock, deleted, envelope, outbox_state, "
                         u"outbox_error, server_seq, signature, key_commit"_s;

// SQL NULL for "no signature yet": an empty QByteArray would be stored as an empty BLOB.
QVariant blobOrNull(const QByteArray &bytes)
{
    return bytes.isEmpty() ? QVariant() : QVariant(bytes);
}

QString idText(const QUuid &id)
{
    return id.toString(QUuid::WithoutBraces);
}

Error notFound(const QUuid &id)
{
    return Error(ErrorCode::NotFound,
                 u"there is no record %1 in this profile; `outward-cli list` shows the ids"_s.arg(
                     idText(id)));
}

} // namespace

StoredRecord StoredRecord::fromHeader(const RecordHeader &header, QByteArray envelope,
                                      OutboxState state)
{
    StoredRecord record;
    record.id = header.id;
    record.kind = header.kind;
    record.author = header.author;
    record.team = header.team;
    record.atMs = header.atMs;
    record.clock = header.clock;
    record.deleted = header.deleted;
    record.envelope = std::move(envelope);
    record.outboxState = state;
    return record;
}

RecordStore::RecordStore(Database &db)
    : m_db(db)
    , m_insert(db.connection())
    , m_insertIfNew(db.connection())
    , m_get(db.connection())
{
    m_get.setForwardOnly(true);
    m_get.prepare(u"SELECT %1 FROM records WHERE id = :id"_s.arg(kColumns));
    // Named placeholders: Qt Sql binds a positional value by formatting its index as a name and
    // looking that up, which cost about a microsecond per row in bulk inserts (bench/).
    const QString values = u"VALUES (:id, :kind, :author, :team, :at, :clock, :deleted, "
                           u":envelope, :outbox_state, :outbox_error, :server_seq, :signature, "
                           u":key_commit)"_s;
    m_insert.prepare(u"INSERT INTO records (%1) %2"_s.arg(kColumns, values));
    // Only a taken id is skipped; any other constraint still fails (unlike INSERT OR IGNORE).
    m_insertIfNew.prepare(
        u"INSERT INTO records (%1) %2 ON CONFLICT (id) DO NOTHING"_s.arg(kColumns, values));
}

void RecordStore::bindRecord(QSqlQuery &query, const StoredRecord &record)
{
    query.bindValue(u":id"_s, idText(record.id));
    query.bindValue(u":kind"_s, enumName(record.kind));
    query.bindValue(u":author"_s, textOrEmpty(record.author));
    query.bindValue(u":team"_s, textOrEmpty(record.team));
    query.bindValue(u":at"_s, record.atMs);
    query.bindValue(u":clock"_s, record.clock.toString());
    query.bindValue(u":deleted"_s, record.deleted ? 1 : 0);
    query.bindValue(u":envelope"_s, record.envelope);
    query.bindValue(u":outbox_state"_s, static_cast<int>(record.outboxState));
    query.bindValue(u":outbox_error"_s,
                    record.outboxError.isEmpty() ? QVariant() : QVariant(record.outboxError));
    query.bindValue(u":server_seq"_s, record.serverSeq ? QVariant(*record.serverSeq) : QVariant());
    query.bindValue(u":signature"_s, blobOrNull(record.signature));
    query.bindValue(u":key_commit"_s, blobOrNull(record.keyCommit));
}

Status RecordStore::bindAndInsert(const StoredRecord &record)
{
    bindRecord(m_insert, record);
    if (!m_insert.exec()) {
        const QSqlError error = m_insert.lastError();
        if (error.nativeErrorCode() == u"1555"_s || error.nativeErrorCode() == u"2067"_s)
            return Error(ErrorCode::InvalidInput,
                         u"a record with id %1 exists already"_s.arg(idText(record.id)));
        return sqlError(error, u"saving the record"_s);
    }
    return {};
}

Result<bool> RecordStore::insertIfNew(const StoredRecord &record)
{
    bool inserted = false;
    const Status written = m_db.write(u"saving the record"_s, [&]() -> Status {
        bindRecord(m_insertIfNew, record);
        if (!m_insertIfNew.exec())
            return sqlError(m_insertIfNew.lastError(), u"saving the record"_s);
        inserted = m_insertIfNew.numRowsAffected() == 1;
        return {};
    });
    if (!written)
        return written.error();
    return inserted;
}

Status RecordStore::insert(const StoredRecord &record)
{
    return m_db.write(u"saving the record"_s, [&] { return bindAndInsert(record); });
}

Status RecordStore::insertMany(const QList<StoredRecord> &records)
{
    return m_db.write(u"saving %1 records"_s.arg(records.size()), [&]() -> Status {
        for (const StoredRecord &record : records)
            if (auto inserted = bindAndInsert(record); !inserted)
                return inserted;
        return {};
    });
}

Status RecordStore::replace(const StoredRecord &record, qint64 nowMs)
{
    const QString doing = u"saving the new version of the record"_s;
    return m_db.write(doing, [&]() -> Status {
        QSqlQuery keep(m_db.connection());
        keep.prepare(u"INSERT OR IGNORE INTO revisions (record_id, clock, envelope, superseded_at, "
                     u"signature, key_commit) "
                     u"SELECT id, clock, envelope, ?, signature, key_commit FROM records "
                     u"WHERE id = ?"_s);
        keep.addBindValue(nowMs);
        keep.addBindValue(idText(record.id));
        if (!keep.exec())
            return sqlError(keep.lastError(), doing);

        QSqlQuery update(m_db.connection());
        update.prepare(
            u"UPDATE records SET kind = ?, author = ?, team = ?, at = ?, clock = ?, "
            u"deleted = ?, envelope = ?, outbox_state = ?, outbox_error = ?, server_seq = ?, "
            u"signature = ?, key_commit = ? WHERE id = ?"_s);
        update.addBindValue(enumName(record.kind));
        update.addBindValue(textOrEmpty(record.author));
        update.addBindValue(textOrEmpty(record.team));
        update.addBindValue(record.atMs);
        update.addBindValue(record.clock.toString());
        update.addBindValue(record.deleted ? 1 : 0);
        update.addBindValue(record.envelope);
        update.addBindValue(static_cast<int>(record.outboxState));
        update.addBindValue(record.outboxError.isEmpty() ? QVariant()
                                                         : QVariant(record.outboxError));
        update.addBindValue(record.serverSeq ? QVariant(*record.serverSeq) : QVariant());
        update.addBindValue(blobOrNull(record.signature));
        update.addBindValue(blobOrNull(record.keyCommit));
        update.addBindValue(idText(record.id));
        if (!update.exec())
            return sqlError(update.lastError(), doing);
        if (update.numRowsAffected() != 1)
            return notFound(record.id);
        return {};
    });
}

Result<StoredRecord> RecordStore::readRow(const QSqlQuery &query)
{
    StoredRecord record;
    record.id = QUuid::fromString(query.value(0).toString());
    const auto kind = enumFromName<RecordKind>(query.value(1).toString());
    const auto clock = HlcTimestamp::fromString(query.value(5).toString());
    if (record.id.isNull() || !kind || !clock)
        return Error(ErrorCode::Corrupt,
                     u"a stored record has a damaged id, kind or clock; restore "
                     u"the profile from a backup or the server"_s);
    record.kind = *kind;
    record.author = query.value(2).toString();
    record.team = query.value(3).toString();
    record.atMs = query.value(4).toLongLong();
    record.clock = *clock;
    record.deleted = query.value(6).toInt() != 0;
    record.envelope = query.value(7).toByteArray();
    record.outboxState = static_cast<OutboxState>(query.value(8).toInt());
    record.outboxError = query.value(9).toString();
    if (!query.value(10).isNull())
        record.serverSeq = query.value(10).toLongLong();
    record.signature = query.value(11).toByteArray();
    record.keyCommit = query.value(12).toByteArray();
    return record;
}

Result<StoredRecord> RecordStore::get(const QUuid &id)
{
    // Prepared once: preparing cost more than the lookup itself (bench/sync, pulled pages).
    m_get.bindValue(u":id"_s, idText(id));
    if (!m_get.exec())
        return sqlError(m_get.lastError(), u"reading the record"_s);
    Result<StoredRecord> found = m_get.next() ? readRow(m_get) : Result<StoredRecord>(notFound(id));
    m_get.finish();
    return found;
}

QSqlQuery RecordStore::selectQuery(const RecordQuery &filter, const QString &columns)
{
    QStringList where;
    QVariantList values;
    if (filter.kind) {
        where << u"kind = ?"_s;
        values << enumName(*filter.kind);
    }
    if (filter.fromMs) {
        where << u"at >= ?"_s;
        values << *filter.fromMs;
    }
    if (filter.toMs) {
        where << u"at < ?"_s;
        values << *filter.toMs;
    }
    if (filter.startAfter) {
        // `at <= ?` alone is an index range; the OR only sorts out the rows sharing that time.
        where << u"at <= ? AND (at < ? OR id > ?)"_s;
        values << filter.startAfter->atMs << filter.startAfter->atMs
               << idText(filter.startAfter->id);
    }
    if (!filter.includeDeleted)
        where << u"deleted = 0"_s;
    QString sql = u"SELECT %1 FROM records"_s.arg(columns);
    if (!where.isEmpty())
        sql += u" WHERE "_s + where.join(u" AND "_s);
    if (columns != u"COUNT(*)"_s)
        sql += u" ORDER BY at DESC, id"_s;
    if (filter.limit >= 0 || filter.offset > 0)
        sql += u" LIMIT %1 OFFSET %2"_s.arg(filter.limit).arg(filter.offset);

    QSqlQuery query(m_db.connection());
    query.setForwardOnly(true);
    query.prepare(sql);
    for (const QVariant &value : values)
        query.addBindValue(value);
    return query;
}

Status RecordStore::forEach(const RecordQuery &filter,
                            const std::function<bool(const StoredRecord &)> &visit)
{
    QSqlQuery query = selectQuery(filter, kColumns);
    if (!query.exec())
        return sqlError(query.lastError(), u"listing records"_s);
    while (query.next()) {
        auto record = readRow(query);
        if (!record)
            return record.error();
        if (!visit(*record))
            break;
    }
    return {};
}

Result<QList<StoredRecord>> RecordStore::list(const RecordQuery &filter)
{
    QList<StoredRecord> records;
    auto listed = forEach(filter, [&records](const StoredRecord &record) {
        records.append(record);
        return true;
    });
    if (!listed)
        return listed.error();
    return records;
}

Result<int> RecordStore::count(const RecordQuery &filter)
{
    RecordQuery unpaged = filter;
    unpaged.limit = -1;
    unpaged.offset = 0;
    QSqlQuery query = selectQuery(unpaged, u"COUNT(*)"_s);
    if (!query.exec() || !query.next())
        return sqlError(query.lastError(), u"counting records"_s);
    return query.value(0).toInt();
}

Result<QList<Revision>> RecordStore::revisions(const QUuid &id)
{
    QSqlQuery query(m_db.connection());
    query.setForwardOnly(true);
    query.prepare(u"SELECT clock, envelope, superseded_at, signature, key_commit FROM revisions "
                  u"WHERE record_id = ? ORDER BY clock"_s);
    query.addBindValue(idText(id));
    if (!query.exec())
        return sqlError(query.lastError(), u"reading the record's history"_s);
    QList<Revision> revisions;
    while (query.next()) {
        const auto clock = HlcTimestamp::fromString(query.value(0).toString());
        if (!clock)
            return Error(ErrorCode::Corrupt, u"a stored revision has a damaged clock"_s);
        revisions.append({id, *clock, query.value(1).toByteArray(), query.value(2).toLongLong(),
                          query.value(3).toByteArray(), query.value(4).toByteArray()});
    }
    return revisions;
}

Result<QList<QUuid>> RecordStore::idsStartingWith(const QString &prefix, int limit)
{
    QSqlQuery query(m_db.connection());
    query.setForwardOnly(true);
    // A range scan on the primary key, not LIKE, so '%' or '_' typed by a person mean nothing.
    query.prepare(u"SELECT id FROM records WHERE id >= ? AND id < ? ORDER BY id LIMIT ?"_s);
    const QString lower = prefix.toLower();
    query.addBindValue(lower);
    query.addBindValue(QString(lower + QChar(0xffff)));
    query.addBindValue(limit);
    if (!query.exec())
        return sqlError(query.lastError(), u"finding the record"_s);
    QList<QUuid> ids;
    while (query.next())
        ids << QUuid::fromString(query.value(0).toString());
    return ids;
}

Result<QHash<OutboxState, int>> RecordStore::outboxCounts()
{
    QSqlQuery query(m_db.connection());
    if (!query.exec(u"SELECT outbox_state, COUNT(*) FROM records GROUP BY outbox_state"_s))
        return sqlError(query.lastError(), u"counting records"_s);
    QHash<OutboxState, int> counts;
    for (OutboxState state : allEnumValues<OutboxState>())
        counts.insert(state, 0);
    while (query.next())
        counts[static_cast<OutboxState>(query.value(0).toInt())] = query.value(1).toInt();
    return counts;
}

Status RecordStore::setOutboxState(const QUuid &id, const HlcTimestamp &clock, OutboxState state,
                                   const QString &reason, std::optional<qint64> serverSeq)
{
    return m_db.write(u"updating the record's sync state"_s, [&]() -> Status {
        QSqlQuery query(m_db.connection());
        query.prepare(serverSeq ? u"UPDATE records SET outbox_state = ?, outbox_error = ?, "
                                  u"server_seq = ? WHERE id = ? AND clock = ?"_s
                                : u"UPDATE records SET outbox_state = ?, outbox_error = ? "
                                  u"WHERE id = ? AND clock = ?"_s);
        query.addBindValue(static_cast<int>(state));
        query.addBindValue(reason.isEmpty() ? QVariant() : QVariant(reason));
        if (serverSeq)
            query.addBindValue(*serverSeq);
        query.addBindValue(idText(id));
        query.addBindValue(clock.toString());
        if (!query.exec())
            return sqlError(query.lastError(), u"updating the record's sync state"_s);
        return {};
    });
}

Status RecordStore::addRevision(const StoredRecord &version, qint64 nowMs)
{
    const QString doing = u"keeping an earlier version of the record"_s;
    return m_db.write(doing, [&]() -> Status {
        QSqlQuery query(m_db.connection());
        query.prepare(
            u"INSERT OR IGNORE INTO revisions (record_id, clock, envelope, superseded_at, "
            u"signature, key_commit) VALUES (?, ?, ?, ?, ?, ?)"_s);
        query.addBindValue(idText(version.id));
        query.addBindValue(version.clock.toString());
        query.addBindValue(version.envelope);
        query.addBindValue(nowMs);
        query.addBindValue(blobOrNull(version.signature));
        query.addBindValue(blobOrNull(version.keyCommit));
        if (!query.exec())
            return sqlError(query.lastError(), doing);
        return {};
    });
}

Status RecordStore::remove(const QUuid &id)
{
    const QString doing = u"removing the record"_s;
    return m_db.write(doing, [&]() -> Status {
        QSqlQuery query(m_db.connection());
        query.prepare(
            u"DELETE FROM records WHERE id = ?"_s); // revisions follow (ON DELETE CASCADE)
        query.addBindValue(idText(id));
        if (!query.exec())
            return sqlError(query.lastError(), doing);
        if (query.numRowsAffected() != 1)
            return notFound(id);
        return {};
    });
}

Result<QList<OutboxItem>> RecordStore::outboxBatch(int maxItems, qint64 maxEnvelopeBytes)
{
    QSqlQuery query(m_db.connection());
    query.setForwardOnly(true);
    query.prepare(u"SELECT id, clock, envelope, signature, key_commit FROM records "
                  u"WHERE outbox_state = 1 AND signature IS NOT NULL AND key_commit IS NOT NULL "
                  u"ORDER BY clock LIMIT ?"_s);
    query.addBindValue(qMax(maxItems, 0));
    if (!query.exec())
        return sqlError(query.lastError(), u"reading the outbox"_s);
    QList<OutboxItem> items;
    qint64 bytes = 0;
    while (query.next()) {
        OutboxItem item;
        item.id = QUuid::fromString(query.value(0).toString());
        const auto clock = HlcTimestamp::fromString(query.value(1).toString());
        if (item.id.isNull() || !clock)
            return Error(ErrorCode::Corrupt, u"a queued record has a damaged id or clock"_s);
        item.clock = *clock;
        item.envelope = query.value(2).toByteArray();
        item.signature = query.value(3).toByteArray();
        item.keyCommit = query.value(4).toByteArray();
        if (!items.isEmpty() && bytes + item.envelope.size() > maxEnvelopeBytes)
            break;
        bytes += item.envelope.size();
        items.append(std::move(item));
    }
    return items;
}

Status RecordStore::setSignature(const QUuid &id, const HlcTimestamp &clock,
                                 const QByteArray &signature, const QByteArray &keyCommit)
{
    const QString doing = u"saving the record's signature"_s;
    return m_db.write(doing, [&]() -> Status {
        QSqlQuery query(m_db.connection());
        query.prepare(u"UPDATE records SET signature = ?, key_commit = ? "
                      u"WHERE id = ? AND clock = ?"_s);
        query.addBindValue(signature);
        query.addBindValue(keyCommit);
        query.addBindValue(idText(id));
        query.addBindValue(clock.toString());
        if (!query.exec())
            return sqlError(query.lastError(), doing);
        return {};
    });
}

Result<QList<QUuid>> RecordStore::unsignedIds(const QString &author)
{
    QSqlQuery query(m_db.connection());
    query.setForwardOnly(true);
    query.prepare(u"SELECT id FROM records WHERE author = ? AND "
                  u"(signature IS NULL OR key_commit IS NULL) ORDER BY clock"_s);
    query.addBindValue(author);
    if (!query.exec())
        return sqlError(query.lastError(), u"finding unsigned records"_s);
    QList<QUuid> ids;
    while (query.next())
        ids << QUuid::fromString(query.value(0).toString());
    return ids;
}

Result<int> RecordStore::queueLocalRecords()
{
    int queued = 0;
    auto done = m_db.write(u"queueing records for sync"_s, [&]() -> Status {
        QSqlQuery query(m_db.connection());
        if (!query.exec(u"UPDATE records SET outbox_state = 1 WHERE outbox_state = 0"_s))
            return sqlError(query.lastError(), u"queueing records for sync"_s);
        queued = query.numRowsAffected();
        return {};
    });
    if (!done)
        return done.error();
    return queued;
}

Result<std::optional<HlcTimestamp>> RecordStore::latestClock()
{
    QSqlQuery query(m_db.connection());
    if (!query.exec(u"SELECT MAX(clock) FROM records"_s) || !query.next())
        return sqlError(query.lastError(), u"reading the latest clock"_s);
    if (query.value(0).isNull())
        return std::optional<HlcTimestamp>();
    return std::optional<HlcTimestamp>(HlcTimestamp::fromString(query.value(0).toString()));
}

} // namespace outward
