#include "core/store/database.h"

#include "core/store/sqlerror.h"

#include <QAtomicInteger>
#include <QSqlQuery>
#include <QStringList>

using namespace Qt::StringLiterals;

namespace outward {

namespace {
QString nextConnectionName()
{
    static QAtomicInteger<quint64> counter;
    return u"outward-store-%1"_s.arg(counter.fetchAndAddRelaxed(1));
}

// What the connection keeps between writes: a commit that is on disk when it returns, SQLite's
// default cache (2 MB) and automatic checkpoints at 1,000 pages. open() sets them; bulkWrite
// changes them for its transaction and puts these back.
QStringList usualSettings()
{
    return {u"PRAGMA synchronous = FULL"_s, u"PRAGMA cache_size = -2000"_s,
            u"PRAGMA wal_autocheckpoint = 1000"_s};
}
} // namespace

Database::Database(QString path, QString connectionName)
    : m_path(std::move(path))
    , m_connectionName(std::move(connectionName))
{}

Database::~Database()
{
    m_checkpointer.reset(); // its connection closes before this one
    if (m_db.isOpen())
        m_db.close();
    m_db = QSqlDatabase();
    QSqlDatabase::removeDatabase(m_connectionName);
}

Result<std::unique_ptr<Database>> Database::open(const QString &path,
                                                 const QList<Migration> &migrations)
{
    std::unique_ptr<Database> database(new Database(path, nextConnectionName()));
    database->m_db = QSqlDatabase::addDatabase(u"QSQLITE"_s, database->m_connectionName);
    if (!database->m_db.isValid())
        return Error(ErrorCode::Internal,
                     u"the SQLite driver for Qt is missing; install libqt6sql6-sqlite"_s);
    database->m_db.setDatabaseName(path);
    database->m_db.setConnectOptions(u"QSQLITE_BUSY_TIMEOUT=5000"_s);
    if (!database->m_db.open())
        return sqlError(database->m_db.lastError(), u"opening the profile database"_s);

    if (auto notNewer = refuseNewer(database->m_db, migrations); !notNewer)
        return notNewer.error();

    // Before the first table, and so before WAL mode fixes it; an existing file keeps its size.
    if (auto sized =
            database->exec(u"PRAGMA page_size = 8192"_s, u"opening the profile database"_s);
        !sized)
        return sized.error();
    QSqlQuery walQuery(database->m_db);
    if (!walQuery.exec(u"PRAGMA journal_mode = WAL"_s) || !walQuery.next())
        return sqlError(walQuery.lastError(), u"opening the profile database"_s);
    if (walQuery.value(0).toString().compare(u"wal"_s, Qt::CaseInsensitive) != 0)
        return Error(ErrorCode::Storage,
                     u"the profile database cannot use write-ahead logging on this file system; "
                     u"move the profile to a local disk"_s);
    walQuery.finish();
    // secure_delete: freed pages are zeroed, so an old passphrase wrap or a superseded envelope
    // does not linger in the file after a passphrase change or a purge.
    for (const QString &pragma : usualSettings() + QStringList{u"PRAGMA foreign_keys = ON"_s,
                                                               u"PRAGMA secure_delete = ON"_s}) {
        if (auto done = database->exec(pragma, u"opening the profile database"_s); !done)
            return done.error();
    }
    if (auto migrated = migrate(database->m_db, migrations); !migrated)
        return migrated.error();
    return database;
}

Status Database::exec(const QString &sql, const QString &doing)
{
    QSqlQuery query(m_db);
    if (!query.exec(sql))
        return sqlError(query.lastError(), doing);
    return {};
}

Status Database::write(const QString &doing, const std::function<Status()> &body)
{
    if (m_transactionDepth > 0) {
        ++m_transactionDepth;
        Status outcome = body();
        --m_transactionDepth;
        return outcome;
    }
    if (auto begun = exec(u"BEGIN IMMEDIATE"_s, doing); !begun)
        return begun;
    ++m_transactionDepth;
    Status outcome = body();
    --m_transactionDepth;
    if (outcome)
        outcome = exec(u"COMMIT"_s, doing);
    if (!outcome) {
        QSqlQuery rollback(m_db);
        rollback.exec(u"ROLLBACK"_s);
    }
    return outcome;
}

Status Database::bulkWrite(const QString &doing, const std::function<Status()> &body)
{
    if (m_transactionDepth > 0)
        return write(doing, body);
    const QStringList during = {u"PRAGMA cache_size = -%1"_s.arg(kBulkCacheKiB),
                                u"PRAGMA wal_autocheckpoint = 0"_s,
                                u"PRAGMA synchronous = NORMAL"_s};
    const QStringList after = usualSettings();
    Status outcome;
    for (const QString &pragma : during)
        if (outcome = exec(pragma, doing); !outcome)
            break;
    if (outcome)
        outcome = write(doing, body);
    for (const QString &pragma : after) {
        // The connection's usual settings must come back, or later commits would not be durable.
        if (Status restored = exec(pragma, doing); !restored && outcome)
            outcome = restored;
    }
    if (outcome) {
        if (!m_checkpointer)
            m_checkpointer = std::make_unique<WalCheckpointer>(m_path, lcStore());
        m_checkpointer->request();
    }
    return outcome;
}

Result<std::optional<QString>> Database::meta(const QString &key)
{
    QSqlQuery query(m_db);
    query.prepare(u"SELECT value FROM meta WHERE key = ?"_s);
    query.addBindValue(key);
    if (!query.exec())
        return sqlError(query.lastError(), u"reading profile settings"_s);
    if (!query.next())
        return std::optional<QString>();
    return std::optional<QString>(query.value(0).toString());
}

Status Database::setMeta(const QString &key, const QString &value)
{
    QSqlQuery query(m_db);
    query.prepare(u"INSERT INTO meta(key, value) VALUES (?, ?) "
                  u"ON CONFLICT(key) DO UPDATE SET value = excluded.value"_s);
    query.addBindValue(key);
    query.addBindValue(value);
    if (!query.exec())
        return sqlError(query.lastError(), u"saving profile settings"_s);
    return {};
}

Result<QString> Database::integrityCheck()
{
    QSqlQuery query(m_db);
    if (!query.exec(u"PRAGMA integrity_check"_s))
        return sqlError(query.lastError(), u"checking the profile database"_s);
    QStringList lines;
    while (query.next())
        lines << query.value(0).toString();
    return lines.join(u'\n');
}

} // namespace outward
