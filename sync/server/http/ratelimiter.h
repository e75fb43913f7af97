#pragma once

#include <QHash>
#include <QString>

#include <functional>
#include <list>

namespace outward::server {

// `capacity` requests at once, and on average `capacity` per `periodMs` after that: a bucket
// refills one request every periodMs / capacity. "10 per 15 minutes" is {10, 15 * 60 * 1000}.
struct RateLimit
{
    int capacity = 1;
    qint64 periodMs = 1000;
};

// Token buckets keyed by strings such as "enroll:" + ip (protocol.md section 3.2), in memory,
// for one server process. Time comes from an injected clock in milliseconds, so tests move it.
//
// Each bucket is kept as the time it will be full again (GCRA), in integer units, so refill and
// Retry-After are exact. A bucket that is full again is the same as no bucket and is dropped by
// a sweep (at most once a minute, and whenever the table is at maxKeys). If the table is still
// at maxKeys after a sweep, the least recently used bucket is dropped: under a flood of distinct
// keys, memory stays bounded and that key starts over with a full bucket.
class RateLimiter
{
public:
    using Clock = std::function<qint64()>;

    struct Decision
    {
        bool allowed = true;
        int retryAfterSeconds = 0; // when refused: whole seconds until one request is allowed
    };

    explicit RateLimiter(Clock clock, int maxKeys = 100'000);

    // Takes one request from the key's bucket if it has one; refused requests take nothing.
    // A key is meant for one limit; used with another, its bucket starts over full.
    Decision take(const QString &key, const RateLimit &limit);

    // What take() would answer now, without taking anything ("10 failed attempts": check
    // before trying, take after a failure).
    Decision check(const QString &key, const RateLimit &limit) const;

    int size() const { return int(m_buckets.size()); }

private:
    struct Bucket
    {
        qint64 fullAt = 0; // when the bucket is full again, in ms * capacity
        int capacity = 1;
        qint64 periodMs = 1000;
        std::list<QString>::iterator use; // position in m_byUse
    };

    static RateLimit sane(const RateLimit &limit);
    static Decision decide(qint64 fullAt, const RateLimit &limit, qint64 nowMs, qint64 *next);
    void sweep(qint64 nowMs);

    Clock m_clock;
    int m_maxKeys;
    QHash<QString, Bucket> m_buckets;
    std::list<QString> m_byUse; // least recently used first
    qint64 m_lastSweepMs = 0;
};

} // namespace outward::server
