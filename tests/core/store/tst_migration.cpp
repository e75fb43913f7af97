#include "core/store/database.h"
#include "core/store/migration.h"
#include "core/store/schema.h"
#include "tests/support/testsupport.h"

#include <QCryptographicHash>
#include <QFile>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace outward;
using namespace outward::test;
using namespace Qt::StringLiterals;

namespace {

// A plain connection beside the one under test, to look at the file as SQLite sees it.
class RawConnection
{
public:
    explicit RawConnection(const QString &path)
        : m_name(u"raw-%1"_s.arg(++s_counter))
    {
        m_db = QSqlDatabase::addDatabase(u"QSQLITE"_s, m_name);
        m_db.setDatabaseName(path);
        if (!m_db.open())
            qFatal("cannot open %s", qPrintable(path));
    }
    ~RawConnection()
    {
        m_db.close();
        m_db = QSqlDatabase();
        QSqlDatabase::removeDatabase(m_name);
    }
    QSqlDatabase &db() { return m_db; }

    bool exec(const QString &sql)
    {
        QSqlQuery query(m_db);
        return query.exec(sql);
    }
    int userVersion()
    {
        QSqlQuery query(m_db);
        if (!query.exec(u"PRAGMA user_version"_s) || !query.next())
            return -1;
        return query.value(0).toInt();
    }
    QStringList tables()
    {
        QSqlQuery query(m_db);
        QStringList names;
        if (query.exec(u"SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name"_s))
            while (query.next())
                names << query.value(0).toString();
        return names;
    }
    int rowCount(const QString &table)
    {
        QSqlQuery query(m_db);
        if (!query.exec(u"SELECT COUNT(*) FROM "_s + table) || !query.next())
            return -1;
        return query.value(0).toInt();
    }
    // True when no transaction was left open: BEGIN would fail inside one.
    bool isIdle()
    {
        QSqlQuery query(m_db);
        if (!query.exec(u"BEGIN IMMEDIATE"_s))
            return false;
        return query.exec(u"ROLLBACK"_s);
    }

private:
    static inline int s_counter = 0;
    QString m_name;
    QSqlDatabase m_db;
};

Migration sqlStep(int version, QStringList statements)
{
    return Migration{version, u"step %1"_s.arg(version), std::move(statements), {}};
}

QByteArray fileHash(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return QCryptographicHash::hash(file.readAll(), QCryptographicHash::Sha256);
}

} // namespace

class TestMigration : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir dir;
    int fileCounter = 0;

    QString newPath() { return dir.filePath(u"db-%1.sqlite"_s.arg(++fileCounter)); }

    // Three steps, each counting how often its code ran.
    QList<Migration> countingSteps(int *runs)
    {
        QList<Migration> steps;
        for (int version = 1; version <= 3; ++version) {
            Migration step = sqlStep(version, {u"CREATE TABLE t%1 (x INTEGER)"_s.arg(version)});
            step.run = [runs, version](QSqlDatabase &) -> Status {
                ++runs[version - 1];
                return {};
            };
            steps << step;
        }
        return steps;
    }

private slots:
    void initTestCase() { QVERIFY(dir.isValid()); }

    void freshDatabaseReachesTheLatestProfileSchema()
    {
        const QString path = newPath();
        auto database = Database::open(path, profileSchema());
        OUTWARD_VERIFY_OK(database);
        const auto version = userVersion((*database)->connection());
        OUTWARD_VERIFY_OK(version);
        QVERIFY(profileSchema().last().version >= 1);
        QCOMPARE(*version, profileSchema().last().version);

        RawConnection raw(path);
        const QStringList tables = raw.tables();
        for (const QString &table : {u"meta"_s, u"keyring"_s, u"records"_s, u"revisions"_s})
            QVERIFY2(tables.contains(table), qPrintable(table));
    }

    // Schema 2 adds signature columns, the key directory and clock indexes; everything written
    // under schema 1 stays as it was, and the new columns start empty (NULL, not empty BLOBs).
    void schemaOneUpgradesToTwoKeepingEveryRow()
    {
        const QString path = newPath();
        {
            auto atOne = Database::open(path, profileSchema().mid(0, 1));
            OUTWARD_VERIFY_OK(atOne);
            QSqlQuery query((*atOne)->connection());
            QVERIFY(query.exec(u"INSERT INTO meta VALUES ('node', '00000000000000aa')"_s));
            QVERIFY(query.exec(
                u"INSERT INTO records (id, kind, author, team, at, clock, deleted, envelope, "
                u"outbox_state, outbox_error, server_seq) VALUES ('r1', 'interaction', 'me', '', "
                u"5, '0001763800000000-0000-00000000000000aa', 0, x'0102', 1, NULL, NULL)"_s));
            QVERIFY(query.exec(u"INSERT INTO revisions VALUES ('r1', "
                               u"'0001763700000000-0000-00000000000000aa', x'03', 4)"_s));
            QCOMPARE(*userVersion((*atOne)->connection()), 1);
        }
        auto upgraded = Database::open(path, profileSchema());
        OUTWARD_VERIFY_OK(upgraded);
        QCOMPARE(*userVersion((*upgraded)->connection()), 2);
        QCOMPARE(*(*upgraded)->meta(u"node"_s), std::optional<QString>(u"00000000000000aa"_s));

        QSqlQuery query((*upgraded)->connection());
        QVERIFY(query.exec(u"SELECT envelope, outbox_state, signature IS NULL, key_commit IS NULL "
                           u"FROM records WHERE id = 'r1'"_s));
        QVERIFY(query.next());
        QCOMPARE(query.value(0).toByteArray(), QByteArray("\x01\x02", 2));
        QCOMPARE(query.value(1).toInt(), 1);
        QCOMPARE(query.value(2).toInt(), 1);
        QCOMPARE(query.value(3).toInt(), 1);
        QVERIFY(query.exec(u"SELECT envelope, signature IS NULL FROM revisions"_s));
        QVERIFY(query.next());
        QCOMPARE(query.value(0).toByteArray(), QByteArray("\x03", 1));
        QCOMPARE(query.value(1).toInt(), 1);
        query.finish();

        RawConnection raw(path);
        QVERIFY(raw.tables().contains(u"directory"_s));
        QSqlQuery indexes(raw.db());
        QVERIFY(indexes.exec(u"SELECT name FROM sqlite_master WHERE type = 'index'"_s));
        QStringList names;
        while (indexes.next())
            names << indexes.value(0).toString();
        QVERIFY2(names.contains(u"records_by_clock"_s), qPrintable(names.join(u", "_s)));
        QVERIFY2(names.contains(u"records_queued_by_clock"_s), qPrintable(names.join(u", "_s)));
        // MAX(clock) uses the index instead of reading every row.
        QSqlQuery plan(raw.db());
        QVERIFY(plan.exec(u"EXPLAIN QUERY PLAN SELECT MAX(clock) FROM records"_s));
        QString details;
        while (plan.next())
            details += plan.value(3).toString();
        QVERIFY2(details.contains(u"records_by_clock"_s), qPrintable(details));
    }

    void profileSchemaVersionsRunOneByOne()
    {
        // One step per version, in order: a gap or a repeat would skip or rerun a step.
        const QList<Migration> &steps = profileSchema();
        for (qsizetype i = 0; i < steps.size(); ++i)
            QCOMPARE(steps.at(i).version, int(i + 1));
    }

    void everyStepRunsOnceAndReopeningRunsNothing()
    {
        const QString path = newPath();
        int runs[3] = {0, 0, 0};
        const QList<Migration> steps = countingSteps(runs);
        {
            auto database = Database::open(path, steps);
            OUTWARD_VERIFY_OK(database);
            QCOMPARE(*userVersion((*database)->connection()), 3);
        }
        QCOMPARE(runs[0], 1);
        QCOMPARE(runs[1], 1);
        QCOMPARE(runs[2], 1);
        {
            auto again = Database::open(path, steps);
            OUTWARD_VERIFY_OK(again);
        }
        QCOMPARE(runs[0], 1);
        QCOMPARE(runs[1], 1);
        QCOMPARE(runs[2], 1);
    }

    void olderDatabaseRunsOnlyTheMissingSteps()
    {
        const QString path = newPath();
        int runs[3] = {0, 0, 0};
        QList<Migration> steps = countingSteps(runs);
        {
            auto atOne = Database::open(path, steps.mid(0, 1));
            OUTWARD_VERIFY_OK(atOne);
            QCOMPARE(*userVersion((*atOne)->connection()), 1);
        }
        {
            auto atThree = Database::open(path, steps);
            OUTWARD_VERIFY_OK(atThree);
            QCOMPARE(*userVersion((*atThree)->connection()), 3);
        }
        QCOMPARE(runs[0], 1);
        QCOMPARE(runs[1], 1);
        QCOMPARE(runs[2], 1);
        RawConnection raw(path);
        QCOMPARE(raw.tables(), (QStringList{u"t1"_s, u"t2"_s, u"t3"_s}));
    }

    void newerDatabaseIsRefusedAndLeftUntouched()
    {
        const QString path = newPath();
        {
            // As a newer Outward would leave it: WAL, a version and a table this one never heard
            // of.
            RawConnection raw(path);
            QVERIFY(raw.exec(u"PRAGMA journal_mode = WAL"_s));
            QVERIFY(raw.exec(u"CREATE TABLE future (x TEXT)"_s));
            QVERIFY(raw.exec(u"INSERT INTO future VALUES ('from the future')"_s));
            QVERIFY(
                raw.exec(u"PRAGMA user_version = %1"_s.arg(profileSchema().last().version + 1)));
        }
        const QByteArray before = fileHash(path);
        QVERIFY(!before.isEmpty());

        const auto database = Database::open(path, profileSchema());
        QVERIFY(!database.ok());
        QCOMPARE(database.error().code(), ErrorCode::NewerVersion);
        const QString message = database.error().message();
        QVERIFY2(message.contains(u"newer version of Outward"_s), qPrintable(message));
        QVERIFY2(message.contains(u"Update Outward"_s), qPrintable(message));
        QVERIFY2(message.contains(QString::number(profileSchema().last().version + 1)),
                 qPrintable(message));

        QCOMPARE(fileHash(path), before);
        RawConnection raw(path);
        QCOMPARE(raw.userVersion(), profileSchema().last().version + 1);
        QCOMPARE(raw.tables(), QStringList{u"future"_s});
        QCOMPARE(raw.rowCount(u"future"_s), 1);
    }

    // A newer Outward might use another journal mode: refusing must not switch it to WAL.
    void newerDatabaseKeepsItsJournalMode()
    {
        const QString path = newPath();
        {
            RawConnection raw(path);
            QVERIFY(raw.exec(u"PRAGMA journal_mode = DELETE"_s));
            QVERIFY(raw.exec(u"CREATE TABLE future (x TEXT)"_s));
            QVERIFY(
                raw.exec(u"PRAGMA user_version = %1"_s.arg(profileSchema().last().version + 1)));
        }
        const QByteArray before = fileHash(path);
        const auto database = Database::open(path, profileSchema());
        QVERIFY(!database.ok());
        QCOMPARE(database.error().code(), ErrorCode::NewerVersion);
        QCOMPARE(fileHash(path), before);
        QVERIFY(!QFile::exists(path + u"-wal"_s));
    }

    void migrateItselfRefusesANewerDatabase()
    {
        const QString path = newPath();
        RawConnection raw(path);
        QVERIFY(raw.exec(u"PRAGMA user_version = 7"_s));
        int runs[3] = {0, 0, 0};
        const Status migrated = migrate(raw.db(), countingSteps(runs));
        QVERIFY(!migrated.ok());
        QCOMPARE(migrated.error().code(), ErrorCode::NewerVersion);
        QCOMPARE(raw.userVersion(), 7);
        QCOMPARE(runs[0] + runs[1] + runs[2], 0);
        QVERIFY(raw.tables().isEmpty());
    }

    void failingStepCodeRollsBackTheWholeStep()
    {
        const QString path = newPath();
        RawConnection raw(path);
        QList<Migration> steps{sqlStep(1, {u"CREATE TABLE kept (x INTEGER)"_s})};
        Migration failing =
            sqlStep(2, {u"CREATE TABLE half (x INTEGER)"_s, u"INSERT INTO kept VALUES (1)"_s});
        failing.run = [](QSqlDatabase &db) -> Status {
            QSqlQuery query(db);
            if (!query.exec(u"INSERT INTO kept VALUES (2)"_s))
                return Error(ErrorCode::Internal, u"the test step could not even insert"_s);
            return Error(ErrorCode::Internal, u"injected failure"_s);
        };
        steps << failing << sqlStep(3, {u"CREATE TABLE never (x INTEGER)"_s});

        const Status migrated = migrate(raw.db(), steps);
        QVERIFY(!migrated.ok());
        QVERIFY2(migrated.error().message().contains(u"injected failure"_s),
                 qPrintable(migrated.error().message()));
        QVERIFY2(migrated.error().message().contains(u"undone"_s),
                 qPrintable(migrated.error().message()));

        // Step 1 stays; nothing of step 2 (its statements or its code) and nothing after it.
        QCOMPARE(raw.userVersion(), 1);
        QCOMPARE(raw.tables(), QStringList{u"kept"_s});
        QCOMPARE(raw.rowCount(u"kept"_s), 0);
        QVERIFY(raw.isIdle());

        // Once the step is fixed the same database upgrades.
        steps[1].run = {};
        OUTWARD_VERIFY_OK(migrate(raw.db(), steps));
        QCOMPARE(raw.userVersion(), 3);
        QCOMPARE(raw.rowCount(u"kept"_s), 1);
    }

    void badStatementAfterAGoodOneRollsBackTheStep()
    {
        const QString path = newPath();
        RawConnection raw(path);
        const QList<Migration> steps{
            sqlStep(1, {u"CREATE TABLE kept (x INTEGER)"_s, u"INSERT INTO kept VALUES (1)"_s}),
            sqlStep(2, {u"CREATE TABLE half (x INTEGER)"_s, u"INSERT INTO kept VALUES (2)"_s,
                        u"INSERT INTO no_such_table VALUES (3)"_s}),
        };
        const Status migrated = migrate(raw.db(), steps);
        QVERIFY(!migrated.ok());
        QVERIFY2(migrated.error().message().contains(u"schema 2"_s),
                 qPrintable(migrated.error().message()));
        QCOMPARE(raw.userVersion(), 1);
        QCOMPARE(raw.tables(), QStringList{u"kept"_s});
        QCOMPARE(raw.rowCount(u"kept"_s), 1);
        QVERIFY(raw.isIdle());
    }

    void failedUpgradeOnOpenLeavesTheFileAtItsVersion()
    {
        const QString path = newPath();
        {
            auto atOne = Database::open(path, {sqlStep(1, {u"CREATE TABLE kept (x INTEGER)"_s})});
            OUTWARD_VERIFY_OK(atOne);
        }
        const auto failed = Database::open(
            path, {sqlStep(1, {u"CREATE TABLE kept (x INTEGER)"_s}),
                   sqlStep(2, {u"CREATE TABLE half (x INTEGER)"_s, u"THIS IS NOT SQL"_s})});
        QVERIFY(!failed.ok());
        QCOMPARE(failed.error().code(), ErrorCode::Storage);
        RawConnection raw(path);
        QCOMPARE(raw.userVersion(), 1);
        QCOMPARE(raw.tables(), QStringList{u"kept"_s});
    }
};

QTEST_GUILESS_MAIN(TestMigration)
#include "tst_migration.moc"
