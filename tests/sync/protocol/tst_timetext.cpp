#include "sync/protocol/timetext.h"

#include <QTest>
#include <QTimeZone>

using namespace outward::protocol;
using namespace Qt::StringLiterals;

class TestTimeText : public QObject
{
    Q_OBJECT

private slots:
    void formatsUtcWithMilliseconds()
    {
        const QDateTime utc(QDate(2026, 11, 24), QTime(8, 8, 55, 414), QTimeZone::utc());
        QCOMPARE(formatTime(utc), u"2026-11-24T08:08:55.414Z"_s);
        // Another offset is converted, not relabelled.
        const QDateTime plusTwo(QDate(2026, 11, 24), QTime(10, 8, 55, 414), QTimeZone(7200));
        QCOMPARE(formatTime(plusTwo), u"2026-11-24T08:08:55.414Z"_s);
        QCOMPARE(formatTimeMs(0), u"1970-01-01T00:00:00.000Z"_s);
        QCOMPARE(formatTime(QDateTime()), QString());
    }

    void parsesWhatItFormats()
    {
        const auto parsed = parseTime(u"2026-11-24T08:08:55.414Z"_s);
        QVERIFY(parsed.has_value());
        QCOMPARE(parsed->toMSecsSinceEpoch(),
                 QDateTime(QDate(2026, 11, 24), QTime(8, 8, 55, 414), QTimeZone::utc())
                     .toMSecsSinceEpoch());
        QCOMPARE(parsed->timeSpec(), Qt::UTC);
        for (const qint64 ms : {Q_INT64_C(0), Q_INT64_C(1763800000123), Q_INT64_C(1774746000000)})
            QCOMPARE(parseTime(formatTimeMs(ms))->toMSecsSinceEpoch(), ms);
    }

    void refusesOtherForms_data()
    {
        QTest::addColumn<QString>("text");
        QTest::newRow("no millis") << u"2026-11-24T08:08:55Z"_s;
        QTest::newRow("offset") << u"2026-11-24T08:08:55.414+00:00"_s;
        QTest::newRow("lower z") << u"2026-11-24T08:08:55.414z"_s;
        QTest::newRow("space") << u"2026-11-24 08:08:55.414Z"_s;
        QTest::newRow("month 13") << u"2026-13-24T08:08:55.414Z"_s;
        QTest::newRow("hour 24") << u"2026-11-24T24:08:55.414Z"_s;
        QTest::newRow("feb 30") << u"2026-02-30T08:08:55.414Z"_s;
        QTest::newRow("empty") << QString();
        QTest::newRow("micros") << u"2026-11-24T08:08:55.4140Z"_s;
    }
    void refusesOtherForms()
    {
        QFETCH(QString, text);
        QVERIFY(!parseTime(text).has_value());
    }
};

QTEST_GUILESS_MAIN(TestTimeText)
#include "tst_timetext.moc"
