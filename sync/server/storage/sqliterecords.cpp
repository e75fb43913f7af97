// Records: push (protocol.md 11.3), pull and access removals (12). The rest of the store is in
// sqliteserverstore.cpp.

#include "sync/server/storage/sqliteserverstore.h"
#include "sync/server/storage/sqlitesupport.h"
#include "sync/server/storage/storageerror.h"

#include <QSet>
#include <QSqlQuery>

using namespace Qt::StringLiterals;

namespace outward::server {

using sqlite::run;

namespace {

const QString kStoredVersionColumns =
    u"id, kind, clock, deleted, seq, signature, key_commit, author, envelope_hash"_s;
// A record's current version, read by currentFromRow.
const QString kSelectCurrent = u"SELECT %1 FROM records WHERE id = ?"_s.arg(kStoredVersionColumns);

struct CurrentRow
{
    StoredVersion version;
    QString author;
    QByteArray envelopeHash;
};

CurrentRow currentFromRow(const QSqlQuery &query)
{
    CurrentRow row;
    row.version.id = query.value(0).toString();
    row.version.kind = query.value(1).toString();
    row.version.clock = query.value(2).toString();
    row.version.deleted = query.value(3).toBool();
    row.version.seq = query.value(4).toLongLong();
    row.version.signature = query.value(5).toByteArray();
    row.version.keyCommit = query.value(6).toByteArray();
    row.author = query.value(7).toString();
    row.envelopeHash = query.value(8).toByteArray();
    return row;
}

// Clocks compare as the bytes of their text (crypto.md 7), as SQLite's BINARY collation would.
int compareClocks(const QString &a, const QString &b)
{
    const QByteArray left = a.toUtf8();
    const QByteArray right = b.toUtf8();
    if (left < right)
        return -1;
    return left == right ? 0 : 1;
}

// The visible items of one user in (after, hw], merged by seq from three index ranges:
// records(author, seq), readers(user_id, seq) joined to records by primary key, and
// removals(user_id, seq). A compound SELECT with ORDER BY on the leading index column lets
// SQLite merge the three ordered ranges and stop at LIMIT without sorting (a temporary B-tree
// would read every visible envelope for every page). EXPLAIN QUERY PLAN (SQLite 3.40.1):
//   MERGE (UNION ALL)
//     LEFT  MERGE (UNION ALL)
//       LEFT  SEARCH records USING INDEX records_author_seq (author=? AND seq>? AND seq<?)
//       RIGHT SEARCH x USING COVERING INDEX readers_user_seq (user_id=? AND seq>? AND seq<?)
//             SEARCH r USING INDEX sqlite_autoindex_records_1 (id=?)
//     RIGHT SEARCH removals USING COVERING INDEX removals_user_seq (user_id=? AND seq>? AND seq<?)
// tst_sqliterecords checks that no step of the plan sorts ("USE TEMP B-TREE") or scans.
// CROSS JOIN makes SQLite drive the join from readers (SQLite keeps the written table order
// for CROSS JOIN), so a user with few reader rows never walks the records table.
// The author is never one of a record's readers (applyPush drops it), so the ranges are
// disjoint and UNION ALL returns each seq once.
const QString kPullSql =
    u"SELECT seq, 0, id, envelope, signature, key_commit, envelope_size FROM records "
    u"WHERE author = ? AND seq > ? AND seq <= ? "
    u"UNION ALL "
    u"SELECT x.seq, 0, r.id, r.envelope, r.signature, r.key_commit, r.envelope_size "
    u"FROM readers AS x CROSS JOIN records AS r ON r.id = x.record_id "
    u"WHERE x.user_id = ? AND x.seq > ? AND x.seq <= ? "
    u"UNION ALL "
    u"SELECT seq, 1, record_id, NULL, NULL, NULL, 0 FROM removals "
    u"WHERE user_id = ? AND seq > ? AND seq <= ? "
    u"ORDER BY 1 LIMIT ?"_s;

QVariantList pullArgs(const QString &userId, qint64 after, qint64 highWater, qint64 limit)
{
    return {userId, after, highWater, userId, after, highWater, userId, after, highWater, limit};
}

// The readers of a version: each listed user once, never the author (who sees the record as its
// author; keeping them apart keeps the pull ranges disjoint).
QStringList readersOf(const PushVersion &item, const QString &authorId)
{
    QStringList readers;
    QSet<QString> seen;
    for (const QString &user : item.readerUserIds) {
        if (user == authorId || seen.contains(user))
            continue;
        seen.insert(user);
        readers.append(user);
    }
    return readers;
}

} // namespace

// The statements of applyPush, prepared once per store object (parsing them was a tenth of a
// small push's time).
class PushStatements
{
public:
    explicit PushStatements(QSqlDatabase &db)
        : selectCounter(db)
        , updateCounter(db)
        , selectCurrent(db)
        , insertRecord(db)
        , updateRecord(db)
        , selectReaders(db)
        , deleteReaders(db)
        , insertReader(db)
        , upsertRemoval(db)
        , deleteRemoval(db)
    {}

    bool prepare()
    {
        const std::pair<QSqlQuery *, QString> statements[] = {
            {&selectCounter, u"SELECT value FROM counter WHERE name = 'seq'"_s},
            {&updateCounter, u"UPDATE counter SET value = ? WHERE name = 'seq'"_s},
            {&selectCurrent, kSelectCurrent},
            {&insertRecord,
             u"INSERT INTO records (id, author, team_id, kind, clock, deleted, seq, envelope, "
             u"envelope_size, envelope_hash, signature, key_commit, metrics, day, pushed_at) "
             u"VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"_s},
            {&updateRecord,
             u"UPDATE records SET team_id = ?, clock = ?, deleted = ?, seq = ?, envelope = ?, "
             u"envelope_size = ?, envelope_hash = ?, signature = ?, key_commit = ?, metrics = ?, "
             u"day = ?, pushed_at = ? WHERE id = ?"_s},
            {&selectReaders, u"SELECT user_id FROM readers WHERE record_id = ?"_s},
            {&deleteReaders, u"DELETE FROM readers WHERE record_id = ?"_s},
            {&insertReader, u"INSERT INTO readers (record_id, user_id, seq) VALUES (?, ?, ?)"_s},
            {&upsertRemoval,
             u"INSERT INTO removals (user_id, record_id, seq) VALUES (?, ?, ?) "
             u"ON CONFLICT (user_id, record_id) DO UPDATE SET seq = excluded.seq"_s},
            {&deleteRemoval, u"DELETE FROM removals WHERE user_id = ? AND record_id = ?"_s},
        };
        for (const auto &[query, sql] : statements) {
            query->setForwardOnly(true);
            if (!query->prepare(sql)) {
                failed = query;
                return false;
            }
        }
        return true;
    }

    // Binds args by position and executes; remembers the failing statement.
    bool exec(QSqlQuery &query, const QVariantList &args)
    {
        for (qsizetype i = 0; i < args.size(); ++i)
            query.bindValue(int(i), args.at(i));
        if (!query.exec()) {
            failed = &query;
            return false;
        }
        return true;
    }

    QSqlQuery selectCounter;
    QSqlQuery updateCounter;
    QSqlQuery selectCurrent;
    QSqlQuery insertRecord;
    QSqlQuery updateRecord;
    QSqlQuery selectReaders;
    QSqlQuery deleteReaders;
    QSqlQuery insertReader;
    QSqlQuery upsertRemoval;
    QSqlQuery deleteRemoval;
    QSqlQuery *failed = nullptr;
};

Result<std::optional<StoredVersion>>
SqliteServerStore::findExactRetry(const QString &authorId, const QString &recordId,
                                  const QByteArray &envelopeHash)
{
    auto use = runPrepared(kSelectCurrent, {recordId}, u"looking up a pushed envelope"_s);
    if (!use)
        return use.error();
    QSqlQuery &query = use->query();
    if (!query.next())
        return std::optional<StoredVersion>();
    CurrentRow row = currentFromRow(query);
    if (row.author != authorId || row.envelopeHash != envelopeHash)
        return std::optional<StoredVersion>();
    return std::optional<StoredVersion>(std::move(row.version));
}

Result<std::optional<StoredVersion>> SqliteServerStore::findCurrent(const QString &recordId)
{
    auto use = runPrepared(kSelectCurrent, {recordId}, u"reading a record"_s);
    if (!use)
        return use.error();
    QSqlQuery &query = use->query();
    if (!query.next())
        return std::optional<StoredVersion>();
    return std::optional<StoredVersion>(currentFromRow(query).version);
}

Result<QList<PushOutcome>> SqliteServerStore::applyPush(const QString &authorId,
                                                        const QString &teamId,
                                                        const QList<PushVersion> &items, qint64 now)
{
    const QString doing = u"storing the pushed records"_s;
    QList<PushOutcome> outcomes;
    auto committed = write(doing, Durability::Full, [&]() -> Status {
        outcomes.clear();
        outcomes.reserve(items.size());

        if (!m_pushStatements) {
            auto prepared = std::make_shared<PushStatements>(m_db);
            if (!prepared->prepare())
                return storageError(prepared->failed->lastError(), doing);
            m_pushStatements = std::move(prepared);
        }
        PushStatements &sql = *m_pushStatements;
        sql.failed = nullptr;
        auto failure = [&]() {
            return storageError(sql.failed->lastError(), doing);
        };

        if (!sql.exec(sql.selectCounter, {}))
            return failure();
        if (!sql.selectCounter.next()) {
            sql.selectCounter.finish();
            return Error(ErrorCode::Corrupt, u"%1 failed: the sequence counter is missing; "
                                             u"restore the database from a backup"_s.arg(doing));
        }
        const qint64 firstFree = sql.selectCounter.value(0).toLongLong() + 1;
        sql.selectCounter.finish();
        qint64 nextSeq = firstFree;

        // Replaces the readers of record `id` with `readers` at `seq`, and keeps the removals in
        // step (protocol.md 12.3): a dropped reader gets one, a named reader loses any.
        auto replaceReaders = [&](const QString &id, const QStringList &readers, qint64 seq,
                                  bool replacing) -> bool {
            QSet<QString> previous;
            if (replacing) {
                if (!sql.exec(sql.selectReaders, {id}))
                    return false;
                while (sql.selectReaders.next())
                    previous.insert(sql.selectReaders.value(0).toString());
                sql.selectReaders.finish();
                if (!sql.exec(sql.deleteReaders, {id}))
                    return false;
            }
            for (const QString &user : readers) {
                if (!sql.exec(sql.insertReader, {id, user, seq}))
                    return false;
                if (replacing && !sql.exec(sql.deleteRemoval, {user, id}))
                    return false;
                previous.remove(user);
            }
            for (const QString &user : std::as_const(previous)) {
                if (!sql.exec(sql.upsertRemoval, {user, id, seq}))
                    return false;
            }
            return true;
        };

        for (const PushVersion &item : items) {
            PushOutcome outcome;
            if (!sql.exec(sql.selectCurrent, {item.id}))
                return failure();
            std::optional<CurrentRow> current;
            if (sql.selectCurrent.next())
                current = currentFromRow(sql.selectCurrent);
            sql.selectCurrent.finish();

            const QStringList readers = readersOf(item, authorId);
            if (!current) {
                const qint64 seq = nextSeq++;
                if (!sql.exec(sql.insertRecord,
                              {item.id, authorId, teamId, item.kind, item.clock,
                               item.deleted ? 1 : 0, seq, item.envelope,
                               qint64(item.envelope.size()), item.envelopeHash, item.signature,
                               item.keyCommit, sqlite::blob(item.metrics), sqlite::text(item.day),
                               now}) ||
                    !replaceReaders(item.id, readers, seq, false))
                    return failure();
                outcome.status = PushStatus::Accepted;
                outcome.seq = seq;
                outcomes.append(outcome);
                continue;
            }

            const StoredVersion &stored = current->version;
            const int order = compareClocks(item.clock, stored.clock);
            if (current->author != authorId) {
                outcome.code = PushCode::IdTaken;
            } else if (stored.kind != item.kind) {
                outcome.code = PushCode::KindChanged;
            } else if (order == 0) {
                if (current->envelopeHash == item.envelopeHash &&
                    stored.signature == item.signature && stored.keyCommit == item.keyCommit) {
                    outcome.status = PushStatus::Accepted;
                    outcome.seq = stored.seq;
                } else {
                    outcome.code = PushCode::ClockReused;
                }
            } else if (order < 0) {
                outcome.status = PushStatus::Conflict;
                outcome.currentClock = stored.clock;
                outcome.currentSeq = stored.seq;
                outcome.currentDeleted = stored.deleted;
            } else if (stored.deleted && !item.deleted) {
                outcome.code = PushCode::RecordDeleted;
            } else {
                const qint64 seq = nextSeq++;
                if (!sql.exec(sql.updateRecord,
                              {teamId, item.clock, item.deleted ? 1 : 0, seq, item.envelope,
                               qint64(item.envelope.size()), item.envelopeHash, item.signature,
                               item.keyCommit, sqlite::blob(item.metrics), sqlite::text(item.day),
                               now, item.id}) ||
                    !replaceReaders(item.id, readers, seq, true))
                    return failure();
                outcome.status = PushStatus::Accepted;
                outcome.seq = seq;
            }
            outcomes.append(outcome);
        }

        if (nextSeq != firstFree && !sql.exec(sql.updateCounter, {nextSeq - 1}))
            return failure();
        return {};
    });
    if (!committed)
        return committed.error();
    return outcomes;
}

Result<PullPage> SqliteServerStore::pull(const QString &userId, qint64 after, int limit,
                                         qint64 maxEnvelopeBytes)
{
    const QString doing = u"reading records for a pull"_s;
    PullPage page;
    auto done = read(doing, [&]() -> Status {
        QSqlQuery counter(m_db);
        if (auto ran = run(counter, u"SELECT value FROM counter WHERE name = 'seq'"_s, {}, doing);
            !ran)
            return ran;
        if (!counter.next())
            return Error(ErrorCode::Corrupt, u"%1 failed: the sequence counter is missing; "
                                             u"restore the database from a backup"_s.arg(doing));
        page.highWater = counter.value(0).toLongLong();
        counter.finish();
        if (limit < 1 || after >= page.highWater) {
            page.cursor = page.highWater;
            return {};
        }

        QSqlQuery query(m_db);
        // One more than the limit tells whether more exist.
        if (auto ran =
                run(query, kPullSql, pullArgs(userId, after, page.highWater, limit + 1), doing);
            !ran)
            return ran;
        qint64 bytes = 0;
        while (query.next()) {
            const qint64 size = query.value(6).toLongLong();
            if (page.items.size() >= limit ||
                (!page.items.isEmpty() && bytes + size > maxEnvelopeBytes)) {
                page.hasMore = true;
                break;
            }
            PullItem item;
            item.seq = query.value(0).toLongLong();
            item.id = query.value(2).toString();
            if (query.value(1).toInt() == 0) {
                item.type = PullItem::Type::Record;
                item.envelope = query.value(3).toByteArray();
                item.signature = query.value(4).toByteArray();
                item.keyCommit = query.value(5).toByteArray();
            } else {
                item.type = PullItem::Type::Removed;
            }
            bytes += size;
            page.items.append(std::move(item));
        }
        page.cursor = page.hasMore ? page.items.last().seq : page.highWater;
        return {};
    });
    if (!done)
        return done.error();
    return page;
}

Result<QStringList> SqliteServerStore::explainPullPlan()
{
    QSqlQuery query(m_db);
    if (auto ran = run(query, u"EXPLAIN QUERY PLAN "_s + kPullSql, pullArgs(QString(), 0, 0, 1),
                       u"explaining the pull query"_s);
        !ran)
        return ran.error();
    QStringList lines;
    while (query.next())
        lines.append(query.value(3).toString());
    return lines;
}

Result<QList<RecordCount>> SqliteServerStore::recordCounts()
{
    QSqlQuery query(m_db);
    if (auto ran = run(query,
                       u"SELECT author, sum(1 - deleted), sum(deleted) FROM records "
                       u"GROUP BY author ORDER BY author"_s,
                       {}, u"counting records"_s);
        !ran)
        return ran.error();
    QList<RecordCount> counts;
    while (query.next()) {
        RecordCount count;
        count.authorId = query.value(0).toString();
        count.records = query.value(1).toLongLong();
        count.tombstones = query.value(2).toLongLong();
        counts.append(count);
    }
    return counts;
}

Result<QList<MetricsRow>> SqliteServerStore::metricsRows(const QString &teamId, const QString &kind,
                                                         const QString &dayPrefix)
{
    // A range instead of LIKE, so records_aggregate serves it: every text starting with the
    // prefix sorts from the prefix itself to just below prefix + U+FFFF.
    const QString upper = dayPrefix + QChar(0xFFFF);
    QSqlQuery query(m_db);
    if (auto ran = run(query,
                       u"SELECT author, day, metrics FROM records "
                       u"WHERE team_id = ? AND kind = ? AND deleted = 0 AND day >= ? AND day < ? "
                       u"ORDER BY author, day"_s,
                       {teamId, kind, dayPrefix, upper}, u"reading metrics for aggregates"_s);
        !ran)
        return ran.error();
    QList<MetricsRow> rows;
    while (query.next()) {
        MetricsRow row;
        row.authorId = query.value(0).toString();
        row.day = query.value(1).toString();
        row.metrics = query.value(2).toByteArray();
        rows.append(row);
    }
    return rows;
}

} // namespace outward::server
