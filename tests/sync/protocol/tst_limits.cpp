#include "sync/protocol/limits.h"

#include <QDateTime>
#include <QTest>
#include <QTimeZone>

using namespace outward::protocol;
using namespace Qt::StringLiterals;

class TestLimits : public QObject
{
    Q_OBJECT

private slots:
    void valuesMatchTheProtocol()
    {
        QCOMPARE(limits::kPushBodyBytes, 16777216);
        QCOMPARE(limits::kBodyBytes, 65536);
        QCOMPARE(limits::kEnvelopeBytes, 4194304);
        QCOMPARE(limits::kPushItems, 500);
        QCOMPARE(limits::kPageMin, 1);
        QCOMPARE(limits::kPageMax, 1000);
        QCOMPARE(limits::kPageDefault, 200);
        QCOMPARE(limits::kPageEnvelopeBudgetBytes, 16777216);
        QCOMPARE(limits::kMaxClockAheadMs, 3600000);
        QCOMPARE(limits::kHeaderBytes, 16384);
        QCOMPARE(limits::kMaxJsonDepth, 16);
        QCOMPARE(QDateTime::fromMSecsSinceEpoch(limits::kMinClockWallMs, QTimeZone::utc()),
                 QDateTime(QDate(2020, 1, 1), QTime(0, 0), QTimeZone::utc()));
    }

    void bodyLimitPerEndpoint()
    {
        QCOMPARE(limits::bodyLimitFor("POST"_ba, u"/v1/records"_s), limits::kPushBodyBytes);
        QCOMPARE(limits::bodyLimitFor("GET"_ba, u"/v1/records"_s), limits::kBodyBytes);
        QCOMPARE(limits::bodyLimitFor("POST"_ba, u"/v1/enroll"_s), limits::kBodyBytes);
        QCOMPARE(limits::bodyLimitFor("POST"_ba, u"/v1/records/"_s), limits::kBodyBytes);
        QCOMPARE(limits::bodyLimitFor("POST"_ba, u"/nowhere"_s), limits::kBodyBytes);
    }
};

QTEST_GUILESS_MAIN(TestLimits)
#include "tst_limits.moc"
