#include "sync/protocol/messages_records.h"
#include "sync/protocol/pullpagepeek.h"

#include <QJsonDocument>
#include <QTest>

using namespace outward;
using namespace outward::protocol;
using namespace Qt::StringLiterals;

class TestPullPagePeek : public QObject
{
    Q_OBJECT

private slots:
    // What the server sends: the page as PullPage::toJson writes it.
    void findsCursorAndHasMoreOfARealPage()
    {
        PullPage page;
        PullItem item;
        item.type = PullItemType::Record;
        item.seq = 41;
        item.envelope = QByteArray(300, 'e');
        item.signature = QByteArray(64, 's');
        item.keyCommit = QByteArray(32, 'k');
        page.items = {item, item};
        page.cursor = 42;
        page.hasMore = true;
        page.highWater = 900;
        page.serverTime = QDateTime::fromMSecsSinceEpoch(1'700'000'000'000, Qt::UTC);
        const QByteArray json = QJsonDocument(page.toJson()).toJson(QJsonDocument::Compact);
        const auto peeked = peekPullPage(json);
        QVERIFY(peeked);
        QCOMPARE(peeked->cursor, 42);
        QCOMPARE(peeked->hasMore, true);

        page.hasMore = false;
        const QByteArray indented = QJsonDocument(page.toJson()).toJson(QJsonDocument::Indented);
        QCOMPARE(peekPullPage(indented)->hasMore, false);
    }

    // (Plain string literals: moc 6.4 does not see a class after some raw strings.)
    // Any member order, and values of every shape before the two members, are stepped over.
    void stepsOverOtherMembersInAnyOrder_data()
    {
        QTest::addColumn<QByteArray>("json");
        QTest::addColumn<qint64>("cursor");
        QTest::addColumn<bool>("hasMore");
        QTest::newRow("items first")
            << "{\"items\":[{\"a\":\"}],\\\"x\"},[1,{\"b\":[]}]],\"has_more\":false,\"cursor\":7}"_ba
            << qint64(7) << false;
        QTest::newRow("nested keys with the same names")
            << "{\"x\":{\"cursor\":1,\"has_more\":true},\"cursor\":2,\"has_more\":false}"_ba
            << qint64(2) << false;
        QTest::newRow("white space")
            << " {\n \"cursor\" : 9 ,\t\"has_more\" : true }"_ba << qint64(9) << true;
        QTest::newRow("scalars between") << "{\"n\":-1.5e3,\"t\":true,\"z\":null,\"cursor\":0,"
                                            "\"has_more\":true}"_ba
                                         << qint64(0) << true;
    }
    void stepsOverOtherMembersInAnyOrder()
    {
        QFETCH(QByteArray, json);
        QFETCH(qint64, cursor);
        QFETCH(bool, hasMore);
        const auto peeked = peekPullPage(json);
        QVERIFY(peeked);
        QCOMPARE(peeked->cursor, cursor);
        QCOMPARE(peeked->hasMore, hasMore);
    }

    // Anything else gives no hint rather than a wrong one; nothing reads past the end.
    void givesNoHintForAnythingElse_data()
    {
        QTest::addColumn<QByteArray>("json");
        QTest::newRow("empty") << QByteArray();
        QTest::newRow("array") << "[1,2]"_ba;
        QTest::newRow("no cursor") << "{\"has_more\":true}"_ba;
        QTest::newRow("no has_more") << "{\"cursor\":3}"_ba;
        QTest::newRow("cursor a string") << "{\"cursor\":\"3\",\"has_more\":true}"_ba;
        QTest::newRow("cursor negative") << "{\"cursor\":-3,\"has_more\":true}"_ba;
        QTest::newRow("cursor a fraction") << "{\"cursor\":3.5,\"has_more\":true}"_ba;
        QTest::newRow("cursor too large") << "{\"cursor\":123456789012345678,\"has_more\":true}"_ba;
        QTest::newRow("has_more a number") << "{\"cursor\":3,\"has_more\":1}"_ba;
        QTest::newRow("cursor twice") << "{\"cursor\":3,\"cursor\":4,\"has_more\":true}"_ba;
        QTest::newRow("cut short") << "{\"items\":[{\"a\":\"b"_ba;
        QTest::newRow("cut after key") << "{\"cursor\""_ba;
        QTest::newRow("unclosed string") << "{\"x\":\"abc\\\""_ba;
    }
    void givesNoHintForAnythingElse()
    {
        QFETCH(QByteArray, json);
        QVERIFY(!peekPullPage(json));
    }
};

QTEST_GUILESS_MAIN(TestPullPagePeek)
#include "tst_pullpagepeek.moc"
