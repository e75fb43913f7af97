#include "sync/client/backoffpolicy.h"

#include <QRandomGenerator>

#include <algorithm>
#include <cmath>

namespace outward::sync {

BackoffPolicy::BackoffPolicy(RandomSource random, qint64 minimumMs, qint64 maximumMs)
    : m_random(std::move(random))
    , m_minimumMs(std::max<qint64>(1, minimumMs))
    , m_maximumMs(std::max(m_minimumMs, maximumMs))
{
    if (!m_random)
        m_random = [] {
            return QRandomGenerator::global()->generateDouble();
        };
}

qint64 BackoffPolicy::ceilingMs(int attempt) const
{
    qint64 ceiling = m_minimumMs;
    for (int i = 0; i < attempt && ceiling < m_maximumMs; ++i)
        ceiling *= 2;
    return std::min(ceiling, m_maximumMs);
}

qint64 BackoffPolicy::nextDelayMs(std::optional<qint64> retryAfterMs)
{
    const qint64 ceiling = ceilingMs(m_failures);
    ++m_failures;
    const double unit = std::clamp(m_random(), 0.0, 1.0);
    qint64 delay = m_minimumMs + static_cast<qint64>(
                                     std::floor(unit * static_cast<double>(ceiling - m_minimumMs)));
    delay = std::clamp(delay, m_minimumMs, ceiling);
    if (retryAfterMs && *retryAfterMs > delay)
        delay = *retryAfterMs;
    return delay;
}

} // namespace outward::sync
