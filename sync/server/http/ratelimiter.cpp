#include "sync/server/http/ratelimiter.h"

#include <QtGlobal>

#include <limits>

namespace outward::server {

namespace {

constexpr qint64 kSweepIntervalMs = 60'000;
// Keeps nowMs * capacity far from overflowing qint64 for any clock this century.
constexpr int kMaxCapacity = 1'000'000;

} // namespace

RateLimiter::RateLimiter(Clock clock, int maxKeys)
    : m_clock(std::move(clock))
    , m_maxKeys(qMax(1, maxKeys))
{
    m_lastSweepMs = m_clock();
}

RateLimit RateLimiter::sane(const RateLimit &limit)
{
    Q_ASSERT(limit.capacity >= 1 && limit.periodMs >= 1);
    return RateLimit{qBound(1, limit.capacity, kMaxCapacity), qMax<qint64>(1, limit.periodMs)};
}

// GCRA in units of ms * capacity: each request moves `fullAt` on by periodMs, and a request is
// allowed while that keeps fullAt within periodMs * capacity of now (capacity requests deep).
RateLimiter::Decision RateLimiter::decide(qint64 fullAt, const RateLimit &limit, qint64 nowMs,
                                          qint64 *next)
{
    const qint64 now = nowMs * limit.capacity;
    const qint64 depth = limit.periodMs * limit.capacity;
    // A wall clock stepped backwards must not turn an empty bucket into a longer wait than an
    // empty bucket ever has: never look further ahead than a whole bucket.
    const qint64 after = qBound(now, fullAt, now + depth) + limit.periodMs;
    *next = after;
    if (after - now <= depth)
        return {};
    const qint64 waitUnits = after - now - depth;
    const qint64 waitMs = (waitUnits + limit.capacity - 1) / limit.capacity;
    const qint64 waitSeconds = qMax<qint64>(1, (waitMs + 999) / 1000);
    return Decision{false, int(qMin<qint64>(waitSeconds, std::numeric_limits<int>::max()))};
}

RateLimiter::Decision RateLimiter::check(const QString &key, const RateLimit &limit) const
{
    const RateLimit wanted = sane(limit);
    const qint64 nowMs = m_clock();
    qint64 fullAt = nowMs * wanted.capacity;
    const auto it = m_buckets.constFind(key);
    if (it != m_buckets.cend() && it->capacity == wanted.capacity &&
        it->periodMs == wanted.periodMs) {
        fullAt = it->fullAt;
    }
    qint64 next = 0;
    return decide(fullAt, wanted, nowMs, &next);
}

RateLimiter::Decision RateLimiter::take(const QString &key, const RateLimit &limit)
{
    const RateLimit wanted = sane(limit);
    const qint64 nowMs = m_clock();
    if (nowMs - m_lastSweepMs >= kSweepIntervalMs)
        sweep(nowMs);

    auto it = m_buckets.find(key);
    if (it == m_buckets.end()) {
        if (m_buckets.size() >= m_maxKeys) {
            sweep(nowMs);
            while (m_buckets.size() >= m_maxKeys && !m_byUse.empty()) {
                m_buckets.remove(m_byUse.front());
                m_byUse.pop_front();
            }
        }
        Bucket bucket;
        bucket.fullAt = nowMs * wanted.capacity;
        bucket.capacity = wanted.capacity;
        bucket.periodMs = wanted.periodMs;
        bucket.use = m_byUse.insert(m_byUse.end(), key);
        it = m_buckets.insert(key, bucket);
    } else {
        m_byUse.splice(m_byUse.end(), m_byUse, it->use);
        if (it->capacity != wanted.capacity || it->periodMs != wanted.periodMs) {
            it->capacity = wanted.capacity;
            it->periodMs = wanted.periodMs;
            it->fullAt = nowMs * wanted.capacity;
        }
    }

    // After the clock stepped backwards, forget the part of the wait that lies beyond one whole
    // bucket, so the bucket refills at its normal rate from the new now.
    it->fullAt = qMin(it->fullAt, (nowMs + wanted.periodMs) * wanted.capacity);
    qint64 next = 0;
    const Decision decision = decide(it->fullAt, wanted, nowMs, &next);
    if (decision.allowed)
        it->fullAt = next;
    return decision;
}

void RateLimiter::sweep(qint64 nowMs)
{
    m_lastSweepMs = nowMs;
    for (auto it = m_buckets.begin(); it != m_buckets.end();) {
        if (it->fullAt <= nowMs * it->capacity) {
            m_byUse.erase(it->use);
            it = m_buckets.erase(it);
        } else {
            ++it;
        }
    }
}

} // namespace outward::server
