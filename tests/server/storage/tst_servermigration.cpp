// migrateServerSchema: one transaction per step, a failing step changes nothing, newer refused.

#include "sync/server/storage/servermigration.h"
#include "tests/support/testsupport.h"

#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace outward;
using namespace outward::server;
using namespace Qt::StringLiterals;

class TestServerMigration : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();

    void appliesStepsInOrder();
    void failingStepLeavesEarlierStepsAndNothingElse();
    void newerDatabaseIsRefused();

private:
    bool tableExists(const QString &name);

    std::unique_ptr<QTemporaryDir> m_dir;
    QSqlDatabase m_db;
};

void TestServerMigration::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_db = QSqlDatabase::addDatabase(u"QSQLITE"_s, u"migration"_s);
    m_db.setDatabaseName(m_dir->filePath(u"server.db"_s));
    QVERIFY(m_db.open());
}

void TestServerMigration::cleanup()
{
    m_db.close();
    m_db = QSqlDatabase();
    QSqlDatabase::removeDatabase(u"migration"_s);
    m_dir.reset();
}

bool TestServerMigration::tableExists(const QString &name)
{
    QSqlQuery query(m_db);
    query.prepare(u"SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?"_s);
    query.addBindValue(name);
    return query.exec() && query.next();
}

void TestServerMigration::appliesStepsInOrder()
{
    const QList<ServerMigration> steps = {
        {1, u"one"_s, {u"CREATE TABLE a (x INTEGER)"_s}, {}},
        {2, u"two"_s, {u"CREATE TABLE b (x INTEGER)"_s, u"INSERT INTO a VALUES (1)"_s}, {}},
    };
    OUTWARD_VERIFY_OK(migrateServerSchema(m_db, steps));
    auto version = serverUserVersion(m_db);
    OUTWARD_VERIFY_OK(version);
    QCOMPARE(*version, 2);
    QVERIFY(tableExists(u"a"_s));
    QVERIFY(tableExists(u"b"_s));
    // Running again applies nothing twice.
    OUTWARD_VERIFY_OK(migrateServerSchema(m_db, steps));
    QSqlQuery count(m_db);
    QVERIFY(count.exec(u"SELECT count(*) FROM a"_s) && count.next());
    QCOMPARE(count.value(0).toInt(), 1);
}

void TestServerMigration::failingStepLeavesEarlierStepsAndNothingElse()
{
    const QList<ServerMigration> steps = {
        {1, u"one"_s, {u"CREATE TABLE a (x INTEGER)"_s}, {}},
        {2, u"two"_s, {u"CREATE TABLE b (x INTEGER)"_s, u"INSERT INTO nowhere VALUES (1)"_s}, {}},
    };
    auto failed = migrateServerSchema(m_db, steps);
    QVERIFY(!failed);
    QVERIFY(failed.error().message().contains(u"undone"_s));
    auto version = serverUserVersion(m_db);
    OUTWARD_VERIFY_OK(version);
    QCOMPARE(*version, 1);
    QVERIFY(tableExists(u"a"_s));
    QVERIFY(!tableExists(u"b"_s));
}

void TestServerMigration::newerDatabaseIsRefused()
{
    QSqlQuery query(m_db);
    QVERIFY(query.exec(u"PRAGMA user_version = 5"_s));
    const QList<ServerMigration> steps = {{1, u"one"_s, {u"CREATE TABLE a (x INTEGER)"_s}, {}}};
    auto refused = migrateServerSchema(m_db, steps);
    QVERIFY(!refused);
    QCOMPARE(refused.error().code(), ErrorCode::NewerVersion);
    QVERIFY(!tableExists(u"a"_s));
}

QTEST_GUILESS_MAIN(TestServerMigration)
#include "tst_servermigration.moc"
