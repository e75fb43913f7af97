#pragma once

#include "core/model/clock.h"

namespace outward::test {

// A clock that only moves when the test says so.
class ManualClock final : public Clock
{
public:
    explicit ManualClock(qint64 startMs = 1763800000000) // 2025-11-22T08:26:40Z
        : m_nowMs(startMs)
    {}

    qint64 nowMs() const override { return m_nowMs; }
    void setNowMs(qint64 ms) { m_nowMs = ms; }
    void advanceMs(qint64 ms) { m_nowMs += ms; }

private:
    qint64 m_nowMs;
};

} // namespace outward::test
