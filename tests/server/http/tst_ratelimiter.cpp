#include "sync/server/http/ratelimiter.h"

#include <QTest>

using namespace outward::server;
using namespace Qt::StringLiterals;

namespace {

constexpr qint64 kMinute = 60 * 1000;
const RateLimit kEnroll{10, 15 * kMinute}; // protocol.md 3.2: 10 per 15 minutes

} // namespace

class TestRateLimiter : public QObject
{
    Q_OBJECT

private:
    qint64 m_now = 1'763'800'000'000; // 2025-11-22T08:26:40Z
    RateLimiter::Clock clock()
    {
        return [this] {
            return m_now;
        };
    }

private slots:
    void init() { m_now = 1'763'800'000'000; }

    void allowsTheCapacityAtOnceThenRefuses()
    {
        RateLimiter limiter(clock());
        for (int i = 0; i < 10; ++i)
            QVERIFY2(limiter.take(u"enroll:1.2.3.4"_s, kEnroll).allowed,
                     qPrintable(QString::number(i)));
        const RateLimiter::Decision refused = limiter.take(u"enroll:1.2.3.4"_s, kEnroll);
        QVERIFY(!refused.allowed);
        QCOMPARE(refused.retryAfterSeconds, 90); // one request refills every 15 min / 10
    }

    void keysAreIndependent()
    {
        RateLimiter limiter(clock());
        for (int i = 0; i < 10; ++i)
            QVERIFY(limiter.take(u"enroll:a"_s, kEnroll).allowed);
        QVERIFY(!limiter.take(u"enroll:a"_s, kEnroll).allowed);
        QVERIFY(limiter.take(u"enroll:b"_s, kEnroll).allowed);
        QCOMPARE(limiter.size(), 2);
    }

    void refillsOneRequestPerInterval()
    {
        RateLimiter limiter(clock());
        for (int i = 0; i < 10; ++i)
            QVERIFY(limiter.take(u"k"_s, kEnroll).allowed);
        m_now += 90 * 1000 - 1;
        QVERIFY(!limiter.take(u"k"_s, kEnroll).allowed);
        m_now += 1;
        QVERIFY(limiter.take(u"k"_s, kEnroll).allowed);
        QVERIFY(!limiter.take(u"k"_s, kEnroll).allowed);

        // After a whole period the bucket is full again, and no fuller than full.
        m_now += 60 * kMinute;
        for (int i = 0; i < 10; ++i)
            QVERIFY(limiter.take(u"k"_s, kEnroll).allowed);
        QVERIFY(!limiter.take(u"k"_s, kEnroll).allowed);
    }

    void retryAfterCountsDownInWholeSeconds()
    {
        RateLimiter limiter(clock());
        for (int i = 0; i < 10; ++i)
            QVERIFY(limiter.take(u"k"_s, kEnroll).allowed);
        QCOMPARE(limiter.take(u"k"_s, kEnroll).retryAfterSeconds, 90);
        m_now += 30 * 1000;
        QCOMPARE(limiter.take(u"k"_s, kEnroll).retryAfterSeconds, 60);
        m_now += 59 * 1000 + 1; // 0.999 s left: rounded up, never 0
        QCOMPARE(limiter.take(u"k"_s, kEnroll).retryAfterSeconds, 1);

        // 600 per minute refills every 100 ms: still at least one second.
        const RateLimit perDevice{600, kMinute};
        for (int i = 0; i < 600; ++i)
            QVERIFY(limiter.take(u"device:d"_s, perDevice).allowed);
        const RateLimiter::Decision refused = limiter.take(u"device:d"_s, perDevice);
        QVERIFY(!refused.allowed);
        QCOMPARE(refused.retryAfterSeconds, 1);
    }

    void checkTakesNothing()
    {
        RateLimiter limiter(clock());
        const RateLimit failures{2, 15 * kMinute};
        for (int i = 0; i < 5; ++i)
            QVERIFY(limiter.check(u"token-failures:d"_s, failures).allowed);
        QCOMPARE(limiter.size(), 0);
        QVERIFY(limiter.take(u"token-failures:d"_s, failures).allowed);
        QVERIFY(limiter.check(u"token-failures:d"_s, failures).allowed);
        QVERIFY(limiter.take(u"token-failures:d"_s, failures).allowed);
        const RateLimiter::Decision checked = limiter.check(u"token-failures:d"_s, failures);
        QVERIFY(!checked.allowed);
        QCOMPARE(checked.retryAfterSeconds, 450);
    }

    void aClockGoingBackGrantsNothingExtra()
    {
        RateLimiter limiter(clock());
        for (int i = 0; i < 10; ++i)
            QVERIFY(limiter.take(u"k"_s, kEnroll).allowed);
        m_now -= 60 * kMinute;
        QVERIFY(!limiter.take(u"k"_s, kEnroll).allowed);
    }

    void aClockGoingBackNeverRefusesLongerThanAnEmptyBucket()
    {
        RateLimiter limiter(clock());
        for (int i = 0; i < 10; ++i)
            QVERIFY(limiter.take(u"k"_s, kEnroll).allowed);
        m_now -= 60 * kMinute;
        // The bucket is empty, as it was: one request in one refill interval, not in an hour.
        QCOMPARE(limiter.take(u"k"_s, kEnroll).retryAfterSeconds, 90);
        m_now += 90 * 1000;
        QVERIFY(limiter.take(u"k"_s, kEnroll).allowed);
    }

    void anotherLimitForAKeyStartsOver()
    {
        RateLimiter limiter(clock());
        for (int i = 0; i < 10; ++i)
            QVERIFY(limiter.take(u"k"_s, kEnroll).allowed);
        QVERIFY(!limiter.take(u"k"_s, kEnroll).allowed);
        QVERIFY(limiter.take(u"k"_s, RateLimit{60, kMinute}).allowed);
    }

    void idleFullBucketsAreDropped()
    {
        RateLimiter limiter(clock(), 1000);
        for (int i = 0; i < 100; ++i)
            QVERIFY(limiter.take(u"ip:%1"_s.arg(i), kEnroll).allowed);
        QCOMPARE(limiter.size(), 100);

        // 90 s refill one request each: every bucket is full again, and the next call after a
        // minute sweeps them.
        m_now += 90 * 1000;
        QVERIFY(limiter.take(u"ip:new"_s, kEnroll).allowed);
        QCOMPARE(limiter.size(), 1);
    }

    void busyBucketsSurviveASweep()
    {
        RateLimiter limiter(clock(), 1000);
        for (int i = 0; i < 10; ++i)
            QVERIFY(limiter.take(u"busy"_s, kEnroll).allowed);
        QVERIFY(limiter.take(u"quiet"_s, kEnroll).allowed);
        m_now += 2 * kMinute; // quiet is full again; busy has refilled only one of ten
        QVERIFY(limiter.take(u"other"_s, kEnroll).allowed);
        QCOMPARE(limiter.size(), 2);
        QVERIFY(limiter.take(u"busy"_s, kEnroll).allowed);
        QVERIFY(!limiter.take(u"busy"_s, kEnroll).allowed);
    }

    void memoryStaysBoundedUnderAFloodOfKeys()
    {
        RateLimiter limiter(clock(), 50);
        // An old victim with a nearly empty bucket...
        for (int i = 0; i < 10; ++i)
            QVERIFY(limiter.take(u"victim"_s, kEnroll).allowed);
        // ...then many distinct keys within a second, none of them idle.
        for (int i = 0; i < 500; ++i) {
            QVERIFY(limiter.take(u"flood:%1"_s.arg(i), kEnroll).allowed);
            QVERIFY(limiter.size() <= 50);
        }
        QCOMPARE(limiter.size(), 50);
        // The least recently used bucket went first; the newest keys are still limited.
        for (int i = 0; i < 9; ++i)
            QVERIFY(limiter.take(u"flood:499"_s, kEnroll).allowed);
        QVERIFY(!limiter.take(u"flood:499"_s, kEnroll).allowed);
        QVERIFY(limiter.take(u"victim"_s, kEnroll).allowed);
    }

    void eachLimitOfTheProtocolComputes_data()
    {
        QTest::addColumn<int>("capacity");
        QTest::addColumn<qint64>("periodMs");
        QTest::addColumn<int>("retryAfter");
        QTest::newRow("challenge per IP") << 60 << kMinute << 1;
        QTest::newRow("challenge per device") << 10 << kMinute << 6;
        QTest::newRow("health per IP") << 120 << kMinute << 1;
        QTest::newRow("aggregates per device") << 30 << kMinute << 2;
        QTest::newRow("claims per IP") << 10 << 15 * kMinute << 90;
    }

    void eachLimitOfTheProtocolComputes()
    {
        QFETCH(int, capacity);
        QFETCH(qint64, periodMs);
        QFETCH(int, retryAfter);
        RateLimiter limiter(clock());
        const RateLimit limit{capacity, periodMs};
        for (int i = 0; i < capacity; ++i)
            QVERIFY(limiter.take(u"k"_s, limit).allowed);
        const RateLimiter::Decision refused = limiter.take(u"k"_s, limit);
        QVERIFY(!refused.allowed);
        QCOMPARE(refused.retryAfterSeconds, retryAfter);
    }
};

QTEST_GUILESS_MAIN(TestRateLimiter)
#include "tst_ratelimiter.moc"
