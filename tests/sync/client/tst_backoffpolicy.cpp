#include "sync/client/backoffpolicy.h"

#include <QTest>

using namespace outward::sync;

class TestBackoffPolicy : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void growsExponentiallyToTheMaximum()
    {
        double random = 0.999999;
        BackoffPolicy backoff([&random] { return random; });
        QList<qint64> delays;
        for (int i = 0; i < 12; ++i)
            delays << backoff.nextDelayMs();
        // Near the top of each range: 2 s, 4 s, 8 s, ... capped at 15 minutes.
        const QList<qint64> ceilings{2'000,   4'000,   8'000,   16'000,  32'000,  64'000,
                                     128'000, 256'000, 512'000, 900'000, 900'000, 900'000};
        for (int i = 0; i < delays.size(); ++i) {
            QVERIFY2(delays.at(i) <= ceilings.at(i), qPrintable(QString::number(i)));
            QVERIFY2(delays.at(i) >= ceilings.at(i) - 1, qPrintable(QString::number(i)));
        }
        QCOMPARE(backoff.failures(), 12);
    }

    void fullJitterStaysWithinBounds()
    {
        BackoffPolicy backoff; // the real random source
        for (int attempt = 0; attempt < 15; ++attempt) {
            const qint64 ceiling = backoff.ceilingMs(attempt);
            const qint64 delay = backoff.nextDelayMs();
            QVERIFY(delay >= BackoffPolicy::kDefaultMinimumMs);
            QVERIFY(delay <= ceiling);
            QVERIFY(ceiling <= BackoffPolicy::kDefaultMaximumMs);
        }
    }

    void jitterSpreadsDevices()
    {
        // The random source picks the point in the range: two devices with different draws
        // wait different times for the same failure.
        double first = 0.1;
        double second = 0.9;
        BackoffPolicy a([&first] { return first; });
        BackoffPolicy b([&second] { return second; });
        for (int i = 0; i < 4; ++i) {
            (void)a.nextDelayMs();
            (void)b.nextDelayMs();
        }
        const qint64 da = a.nextDelayMs(); // attempt 4: range [2 s, 32 s]
        const qint64 db = b.nextDelayMs();
        QCOMPARE(da, 2'000 + qint64(0.1 * 30'000));
        QCOMPARE(db, 2'000 + qint64(0.9 * 30'000));
    }

    void honoursRetryAfter()
    {
        BackoffPolicy backoff([] { return 0.0; });
        QCOMPARE(backoff.nextDelayMs(120'000), 120'000);
        // Beyond the maximum too: the server knows its load.
        QCOMPARE(backoff.nextDelayMs(3'600'000), 3'600'000);
        // A Retry-After shorter than the backoff does not shorten it.
        double top = 0.999999;
        BackoffPolicy other([&top] { return top; });
        for (int i = 0; i < 5; ++i)
            (void)other.nextDelayMs();
        QVERIFY(other.nextDelayMs(1'000) > 32'000);
    }

    void resetsAfterSuccess()
    {
        double random = 0.999999;
        BackoffPolicy backoff([&random] { return random; });
        for (int i = 0; i < 6; ++i)
            (void)backoff.nextDelayMs();
        QVERIFY(backoff.nextDelayMs() > 60'000);
        backoff.reset();
        QCOMPARE(backoff.failures(), 0);
        QVERIFY(backoff.nextDelayMs() <= 2'000);
    }
};

QTEST_GUILESS_MAIN(TestBackoffPolicy)
#include "tst_backoffpolicy.moc"
