#include "core/model/hlc.h"
#include "tests/support/manualclock.h"

#include <QRandomGenerator>
#include <QTest>

#include <algorithm>

using namespace outward;
using namespace outward::test;

namespace {
const QString kNode = QStringLiteral("6f1c9e0b7d2a4c35");
const QString kOtherNode = QStringLiteral("0016d3cca4271b4e");
} // namespace

class TestHlc : public QObject
{
    Q_OBJECT

private slots:
    void followsTheWallClockWhenItMoves()
    {
        ManualClock clock;
        HybridLogicalClock hlc(clock, kNode);
        const HlcTimestamp first = hlc.now();
        QCOMPARE(first.wallMs, clock.nowMs());
        QCOMPARE(first.counter, quint16(0));
        QCOMPARE(first.node, kNode);
        clock.advanceMs(5);
        const HlcTimestamp second = hlc.now();
        QCOMPARE(second.wallMs, clock.nowMs());
        QCOMPARE(second.counter, quint16(0));
        QVERIFY(first < second);
    }

    void counterIncrementsWhileTheClockStandsStillThenResets()
    {
        ManualClock clock;
        HybridLogicalClock hlc(clock, kNode);
        HlcTimestamp previous = hlc.now();
        for (int i = 1; i <= 3; ++i) {
            const HlcTimestamp next = hlc.now();
            QCOMPARE(next.wallMs, clock.nowMs());
            QCOMPARE(next.counter, quint16(i));
            QVERIFY(previous < next);
            previous = next;
        }
        clock.advanceMs(1);
        const HlcTimestamp moved = hlc.now();
        QCOMPARE(moved.wallMs, clock.nowMs());
        QCOMPARE(moved.counter, quint16(0));
        QVERIFY(previous < moved);
    }

    void staysMonotonicWhenTheClockGoesBackwards()
    {
        ManualClock clock;
        HybridLogicalClock hlc(clock, kNode);
        const HlcTimestamp before = hlc.now();
        clock.advanceMs(-60'000);
        const HlcTimestamp after = hlc.now();
        QVERIFY(before < after);
        QCOMPARE(after.wallMs, before.wallMs);
        QCOMPARE(after.counter, quint16(before.counter + 1));
        clock.advanceMs(-1);
        QVERIFY(after < hlc.now());
    }

    void counterOverflowBorrowsTheNextMillisecond()
    {
        ManualClock clock;
        HybridLogicalClock hlc(clock, kNode);
        const qint64 start = clock.nowMs();
        hlc.now();
        for (int i = 1; i < 0xffff; ++i)
            hlc.now();
        const HlcTimestamp full = hlc.now();
        QCOMPARE(full.wallMs, start);
        QCOMPARE(full.counter, quint16(0xffff));
        const HlcTimestamp borrowed = hlc.now();
        QCOMPARE(borrowed.wallMs, start + 1);
        QCOMPARE(borrowed.counter, quint16(0));
        QVERIFY(full < borrowed);
        // The borrowed millisecond is then shared with the wall clock when it catches up.
        clock.advanceMs(1);
        const HlcTimestamp caughtUp = hlc.now();
        QVERIFY(borrowed < caughtUp);
        QCOMPARE(caughtUp.wallMs, start + 1);
        QCOMPARE(caughtUp.counter, quint16(1));
    }

    void observingANewerRemoteOrdersLaterEventsAfterIt()
    {
        ManualClock clock;
        HybridLogicalClock hlc(clock, kNode);
        hlc.now();
        const HlcTimestamp remote{clock.nowMs() + 90'000, 7, kOtherNode};
        hlc.observe(remote);
        const HlcTimestamp next = hlc.now();
        QVERIFY(remote < next);
        QCOMPARE(next.wallMs, remote.wallMs);
        QCOMPARE(next.counter, quint16(8));
        QCOMPARE(next.node, kNode);
    }

    void observingTheSameMillisecondWithAHigherCounter()
    {
        ManualClock clock;
        HybridLogicalClock hlc(clock, kNode);
        const HlcTimestamp local = hlc.now();
        const HlcTimestamp remote{local.wallMs, 40, kOtherNode};
        hlc.observe(remote);
        const HlcTimestamp next = hlc.now();
        QVERIFY(remote < next);
        QCOMPARE(next.counter, quint16(41));
    }

    void observingAnOlderRemoteChangesNothing()
    {
        ManualClock clock;
        HybridLogicalClock hlc(clock, kNode);
        hlc.now();
        hlc.now();
        const HlcTimestamp last = hlc.last();
        hlc.observe({clock.nowMs() - 1000, 99, kOtherNode});
        QCOMPARE(hlc.last().toString(), last.toString());
        const HlcTimestamp next = hlc.now();
        QCOMPARE(next.wallMs, last.wallMs);
        QCOMPARE(next.counter, quint16(last.counter + 1));
    }

    void textFormRoundTrips()
    {
        const HlcTimestamp timestamp{1763850000000, 42, kNode};
        const QString text = timestamp.toString();
        QCOMPARE(text, QString("0001763850000000-002a-6f1c9e0b7d2a4c35"));
        const auto parsed = HlcTimestamp::fromString(text);
        QVERIFY(parsed);
        QCOMPARE(parsed->wallMs, timestamp.wallMs);
        QCOMPARE(parsed->counter, timestamp.counter);
        QCOMPARE(parsed->node, timestamp.node);
        QVERIFY(*parsed == timestamp);
        const HlcTimestamp extremes{9999999999999999, 0xffff, "ffffffffffffffff"};
        const auto parsedExtremes = HlcTimestamp::fromString(extremes.toString());
        QVERIFY(parsedExtremes);
        QVERIFY(*parsedExtremes == extremes);
    }

    void malformedTextIsRejected_data()
    {
        QTest::addColumn<QString>("text");
        QTest::newRow("empty") << "";
        QTest::newRow("too short") << "0001763850000000-002a-6f1c9e0b7d2a4c3";
        QTest::newRow("too long") << "0001763850000000-002a-6f1c9e0b7d2a4c350";
        QTest::newRow("short wall") << "001763850000000-0002a-6f1c9e0b7d2a4c35";
        QTest::newRow("uppercase node") << "0001763850000000-002a-6F1C9E0B7D2A4C35";
        QTest::newRow("uppercase counter") << "0001763850000000-A02a-6f1c9e0b7d2a4c35";
        QTest::newRow("uppercase counter digit") << "0001763850000000-002A-6f1c9e0b7d2a4c35";
        QTest::newRow("hex in wall") << "000176385000000a-002a-6f1c9e0b7d2a4c35";
        QTest::newRow("sign in wall") << "+001763850000000-002a-6f1c9e0b7d2a4c35";
        QTest::newRow("space in wall") << " 001763850000000-002a-6f1c9e0b7d2a4c35";
        QTest::newRow("non-hex counter") << "0001763850000000-00g0-6f1c9e0b7d2a4c35";
        QTest::newRow("0x counter") << "0001763850000000-0x1f-6f1c9e0b7d2a4c35";
        QTest::newRow("uppercase last counter digit") << "0001763850000000-00aB-6f1c9e0b7d2a4c35";
        QTest::newRow("first dash missing") << "0001763850000000_002a-6f1c9e0b7d2a4c35";
        QTest::newRow("second dash missing") << "0001763850000000-002a_6f1c9e0b7d2a4c35";
        QTest::newRow("non-hex node") << "0001763850000000-002a-6f1c9e0b7d2a4cz5";
        QTest::newRow("dash in node") << "0001763850000000-002a-6f1c9e0b-d2a4c35";
    }

    void malformedTextIsRejected()
    {
        QFETCH(QString, text);
        QVERIFY(!HlcTimestamp::fromString(text));
    }

    void textOrderIsTimestampOrder()
    {
        QList<HlcTimestamp> timestamps;
        for (qint64 wall : {0LL, 9LL, 10LL, 1763850000000LL, 1763850000001LL, 9999999999999999LL})
            for (quint16 counter : {quint16(0), quint16(9), quint16(10), quint16(0xff),
                                    quint16(0x100), quint16(0xffff)})
                for (const QString &node : {kNode, kOtherNode})
                    timestamps.append({wall, counter, node});
        QRandomGenerator random(20251122);
        std::shuffle(timestamps.begin(), timestamps.end(), random);

        QList<HlcTimestamp> byValue = timestamps;
        std::sort(byValue.begin(), byValue.end());
        QList<HlcTimestamp> byText = timestamps;
        std::sort(byText.begin(), byText.end(), [](const HlcTimestamp &a, const HlcTimestamp &b) {
            return a.toString() < b.toString();
        });
        QCOMPARE(byText.size(), byValue.size());
        for (qsizetype i = 0; i < byValue.size(); ++i)
            QCOMPARE(byText.at(i).toString(), byValue.at(i).toString());
        QVERIFY(byValue.first().wallMs == 0 && byValue.last().counter == 0xffff);
    }

    void newNodeIdIsValidAndFresh()
    {
        const QString a = HybridLogicalClock::newNodeId();
        const QString b = HybridLogicalClock::newNodeId();
        QVERIFY2(HybridLogicalClock::isValidNodeId(a), qPrintable(a));
        QVERIFY2(HybridLogicalClock::isValidNodeId(b), qPrintable(b));
        QCOMPARE(a.size(), 16);
        QVERIFY(a != b);
        QVERIFY(!HybridLogicalClock::isValidNodeId(QString(a).replace(0, 1, "F")));
        QVERIFY(!HybridLogicalClock::isValidNodeId(a.left(15)));
    }
};

QTEST_GUILESS_MAIN(TestHlc)
#include "tst_hlc.moc"
