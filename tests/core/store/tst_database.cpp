#include "core/store/database.h"
#include "core/store/schema.h"
#include "tests/support/testsupport.h"

#include <QFileInfo>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace outward;
using namespace outward::test;
using namespace Qt::StringLiterals;

namespace {

QString pragma(QSqlDatabase &db, const QString &name)
{
    QSqlQuery query(db);
    if (!query.exec(u"PRAGMA "_s + name) || !query.next())
        return u"<failed>"_s;
    return query.value(0).toString();
}

Error injected()
{
    return Error(ErrorCode::Internal, u"injected failure"_s);
}

} // namespace

class TestDatabase : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir dir;
    int fileCounter = 0;
    std::unique_ptr<Database> db;
    // A second connection to the same file sees only what was committed.
    std::unique_ptr<Database> observer;

    std::optional<QString> committedMeta(const QString &key)
    {
        auto value = observer->meta(key);
        if (!value.ok())
            qFatal("reading meta failed: %s", qPrintable(value.error().toString()));
        return *value;
    }

private slots:
    void initTestCase() { QVERIFY(dir.isValid()); }

    void init()
    {
        const QString path = dir.filePath(u"db-%1.sqlite"_s.arg(++fileCounter));
        auto opened = Database::open(path, profileSchema());
        OUTWARD_VERIFY_OK(opened);
        db = std::move(opened).value();
        auto second = Database::open(path, profileSchema());
        OUTWARD_VERIFY_OK(second);
        observer = std::move(second).value();
    }

    void cleanup()
    {
        observer.reset();
        db.reset();
    }

    void connectionIsSetUpForDurabilityAndPrivacy()
    {
        QCOMPARE(pragma(db->connection(), u"journal_mode"_s), u"wal"_s);
        QCOMPARE(pragma(db->connection(), u"synchronous"_s), u"2"_s); // FULL
        QCOMPARE(pragma(db->connection(), u"foreign_keys"_s), u"1"_s);
        QCOMPARE(pragma(db->connection(), u"secure_delete"_s), u"1"_s);
    }

    void writeCommits()
    {
        OUTWARD_VERIFY_OK(db->write(u"test"_s, [&] { return db->setMeta(u"k"_s, u"v"_s); }));
        QCOMPARE(committedMeta(u"k"_s), std::optional<QString>(u"v"_s));
    }

    void writeIsNotVisibleBeforeItCommits()
    {
        std::optional<QString> seenInside = u"not read"_s;
        OUTWARD_VERIFY_OK(db->write(u"test"_s, [&]() -> Status {
            if (auto set = db->setMeta(u"k"_s, u"v"_s); !set)
                return set;
            seenInside = committedMeta(u"k"_s);
            return {};
        }));
        QCOMPARE(seenInside, std::optional<QString>());
        QCOMPARE(committedMeta(u"k"_s), std::optional<QString>(u"v"_s));
    }

    void failingBodyRollsBack()
    {
        OUTWARD_VERIFY_OK(db->setMeta(u"k"_s, u"before"_s));
        const Status written = db->write(u"test"_s, [&]() -> Status {
            if (auto set = db->setMeta(u"k"_s, u"after"_s); !set)
                return set;
            if (auto set = db->setMeta(u"other"_s, u"x"_s); !set)
                return set;
            return injected();
        });
        QVERIFY(!written.ok());
        QCOMPARE(written.error().message(), u"injected failure"_s);
        QCOMPARE(*db->meta(u"k"_s), std::optional<QString>(u"before"_s));
        QCOMPARE(*db->meta(u"other"_s), std::optional<QString>());
        QCOMPARE(committedMeta(u"k"_s), std::optional<QString>(u"before"_s));

        // The connection is not left inside a transaction.
        OUTWARD_VERIFY_OK(db->write(u"test"_s, [&] { return db->setMeta(u"k"_s, u"later"_s); }));
        QCOMPARE(committedMeta(u"k"_s), std::optional<QString>(u"later"_s));
    }

    void failingStatementRollsBack()
    {
        const Status written = db->write(u"test"_s, [&]() -> Status {
            if (auto set = db->setMeta(u"k"_s, u"v"_s); !set)
                return set;
            QSqlQuery bad(db->connection());
            if (!bad.exec(u"INSERT INTO no_such_table VALUES (1)"_s))
                return Error(ErrorCode::Storage, bad.lastError().text());
            return {};
        });
        QVERIFY(!written.ok());
        QCOMPARE(written.error().code(), ErrorCode::Storage);
        QCOMPARE(*db->meta(u"k"_s), std::optional<QString>());
    }

    void nestedWriteJoinsTheOuterTransaction()
    {
        std::optional<QString> seenAfterInner = u"not read"_s;
        OUTWARD_VERIFY_OK(db->write(u"outer"_s, [&]() -> Status {
            if (auto set = db->setMeta(u"a"_s, u"1"_s); !set)
                return set;
            if (auto inner = db->write(u"inner"_s, [&] { return db->setMeta(u"b"_s, u"2"_s); });
                !inner)
                return inner;
            // Had the inner write committed on its own, the other connection would see it now.
            seenAfterInner = committedMeta(u"b"_s);
            return {};
        }));
        QCOMPARE(seenAfterInner, std::optional<QString>());
        QCOMPARE(committedMeta(u"a"_s), std::optional<QString>(u"1"_s));
        QCOMPARE(committedMeta(u"b"_s), std::optional<QString>(u"2"_s));
    }

    void outerFailureUndoesASucceededInnerWrite()
    {
        const Status written = db->write(u"outer"_s, [&]() -> Status {
            if (auto inner = db->write(u"inner"_s, [&] { return db->setMeta(u"b"_s, u"2"_s); });
                !inner)
                return inner;
            return injected();
        });
        QVERIFY(!written.ok());
        QCOMPARE(*db->meta(u"b"_s), std::optional<QString>());
        QCOMPARE(committedMeta(u"b"_s), std::optional<QString>());
    }

    void innerFailureUndoesTheOuterWrite()
    {
        const Status written = db->write(u"outer"_s, [&]() -> Status {
            if (auto set = db->setMeta(u"a"_s, u"1"_s); !set)
                return set;
            return db->write(u"inner"_s, [&]() -> Status {
                if (auto set = db->setMeta(u"b"_s, u"2"_s); !set)
                    return set;
                return injected();
            });
        });
        QVERIFY(!written.ok());
        QCOMPARE(*db->meta(u"a"_s), std::optional<QString>());
        QCOMPARE(*db->meta(u"b"_s), std::optional<QString>());

        // Depth is back to zero: the next write is a transaction of its own again.
        OUTWARD_VERIFY_OK(db->write(u"test"_s, [&] { return db->setMeta(u"c"_s, u"3"_s); }));
        QCOMPARE(committedMeta(u"c"_s), std::optional<QString>(u"3"_s));
    }

    // A bulk write commits like write() and hands the connection back with its usual settings,
    // whether its body succeeded or failed.
    void bulkWriteCommitsAndRestoresTheConnection()
    {
        auto usual = [&] {
            return pragma(db->connection(), u"synchronous"_s) == u"2"_s &&
                   pragma(db->connection(), u"wal_autocheckpoint"_s) == u"1000"_s &&
                   pragma(db->connection(), u"cache_size"_s) == u"-2000"_s;
        };
        QVERIFY(usual());
        QString insideSynchronous;
        OUTWARD_VERIFY_OK(db->bulkWrite(u"test"_s, [&]() -> Status {
            insideSynchronous = pragma(db->connection(), u"synchronous"_s);
            return db->setMeta(u"k"_s, u"v"_s);
        }));
        QCOMPARE(insideSynchronous, u"1"_s); // NORMAL while it ran
        QCOMPARE(committedMeta(u"k"_s), std::optional<QString>(u"v"_s));
        QVERIFY(usual());

        const Status failed = db->bulkWrite(u"test"_s, [&]() -> Status {
            if (auto set = db->setMeta(u"k"_s, u"w"_s); !set)
                return set;
            return injected();
        });
        QVERIFY(!failed.ok());
        QCOMPARE(committedMeta(u"k"_s), std::optional<QString>(u"v"_s));
        QVERIFY(usual());
    }

    // After a bulk write the log is copied into the database file by the background thread:
    // the file grows although the committing connection checkpoints nothing itself.
    void bulkWriteIsCheckpointedInTheBackground()
    {
        const QString path = db->path();
        const qint64 before = QFileInfo(path).size();
        OUTWARD_VERIFY_OK(db->bulkWrite(u"test"_s, [&]() -> Status {
            for (int i = 0; i < 2000; ++i)
                if (auto set = db->setMeta(u"key %1"_s.arg(i), QString(500, u'x')); !set)
                    return set;
            return {};
        }));
        QVERIFY(QFileInfo(path + u"-wal"_s).size() > 1'000'000); // all of it went to the log
        QTRY_VERIFY_WITH_TIMEOUT(QFileInfo(path).size() > before + 1'000'000, 10000);
    }

    void metaRoundTrips()
    {
        const auto missing = db->meta(u"absent"_s);
        OUTWARD_VERIFY_OK(missing);
        QVERIFY(!missing->has_value());

        OUTWARD_VERIFY_OK(db->setMeta(u"team"_s, u"t-1"_s));
        QCOMPARE(*db->meta(u"team"_s), std::optional<QString>(u"t-1"_s));
        OUTWARD_VERIFY_OK(db->setMeta(u"team"_s, u"t-2"_s));
        QCOMPARE(*db->meta(u"team"_s), std::optional<QString>(u"t-2"_s));

        const QString unicode = u"Zoë ✓ 日本"_s;
        OUTWARD_VERIFY_OK(db->setMeta(u"unicode"_s, unicode));
        QCOMPARE(*db->meta(u"unicode"_s), std::optional<QString>(unicode));

        // Keys are exact: no prefix or case folding.
        QCOMPARE(*db->meta(u"TEAM"_s), std::optional<QString>());
        QCOMPARE(*db->meta(u"tea"_s), std::optional<QString>());
    }

    void metaSurvivesReopening()
    {
        OUTWARD_VERIFY_OK(db->setMeta(u"k"_s, u"kept"_s));
        const QString path = db->path();
        observer.reset();
        db.reset();
        auto reopened = Database::open(path, profileSchema());
        OUTWARD_VERIFY_OK(reopened);
        QCOMPARE(*(*reopened)->meta(u"k"_s), std::optional<QString>(u"kept"_s));
        db = std::move(reopened).value();
        auto second = Database::open(path, profileSchema());
        OUTWARD_VERIFY_OK(second);
        observer = std::move(second).value();
    }

    void integrityCheckIsOk()
    {
        OUTWARD_VERIFY_OK(db->setMeta(u"k"_s, u"v"_s));
        const auto checked = db->integrityCheck();
        OUTWARD_VERIFY_OK(checked);
        QCOMPARE(*checked, u"ok"_s);
    }

    void openingWhereNoFileCanBeIsAStorageError()
    {
        const auto opened =
            Database::open(dir.filePath(u"no/such/folder/db.sqlite"_s), profileSchema());
        QVERIFY(!opened.ok());
        QCOMPARE(opened.error().code(), ErrorCode::Storage);
    }
};

QTEST_GUILESS_MAIN(TestDatabase)
#include "tst_database.moc"
