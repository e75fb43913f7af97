#pragma once

#include <QtGlobal>

#include <functional>
#include <optional>

namespace outward::sync {

// When to try again after a retryable failure (network, 429, 500, 503; protocol.md section 18):
// exponential from 2 s to 15 minutes with full jitter, never sooner than a server's
// Retry-After. Jitter spreads the retries of many devices that lost the server at the same
// moment, so they do not come back at the same moment either.
class BackoffPolicy
{
public:
    static constexpr qint64 kDefaultMinimumMs = 2'000;
    static constexpr qint64 kDefaultMaximumMs = 15 * 60'000;

    // A uniform random number in [0, 1); injected so tests can pin it.
    using RandomSource = std::function<double()>;

    explicit BackoffPolicy(RandomSource random = {}, qint64 minimumMs = kDefaultMinimumMs,
                           qint64 maximumMs = kDefaultMaximumMs);

    // The delay before the next attempt after one more failure. Attempt n (counting from 0)
    // waits a uniform time in [minimum, min(maximum, minimum * 2^n)], but at least retryAfterMs
    // when the server said so (even beyond the maximum: the server knows its load).
    qint64 nextDelayMs(std::optional<qint64> retryAfterMs = std::nullopt);

    // The ceiling of the jitter range for failure number `attempt` (0-based).
    qint64 ceilingMs(int attempt) const;

    int failures() const { return m_failures; }
    // After a success: the next failure starts from the minimum again.
    void reset() { m_failures = 0; }

    qint64 minimumMs() const { return m_minimumMs; }
    qint64 maximumMs() const { return m_maximumMs; }

private:
    RandomSource m_random;
    qint64 m_minimumMs;
    qint64 m_maximumMs;
    int m_failures = 0;
};

} // namespace outward::sync
