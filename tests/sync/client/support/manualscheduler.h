#pragma once

#include "sync/client/scheduler.h"
#include "tests/support/manualclock.h"

#include <QList>

#include <optional>

namespace outward::sync::test {

// A Scheduler whose timers fire only when the test says so, moving a ManualClock along. Tests
// read the delays the engine asked for instead of sleeping.
class ManualScheduler final : public Scheduler
{
public:
    explicit ManualScheduler(outward::test::ManualClock &clock)
        : m_clock(clock)
    {}

    TimerId callAfter(qint64 delayMs, std::function<void()> callback) override
    {
        const TimerId id = m_nextId++;
        m_timers.append({id, m_clock.nowMs() + delayMs, delayMs, std::move(callback)});
        return id;
    }

    void cancel(TimerId id) override
    {
        m_timers.removeIf([id](const Timer &timer) { return timer.id == id; });
    }

    int pendingCount() const { return int(m_timers.size()); }
    // The delays of the pending timers, in the order they were started.
    QList<qint64> pendingDelays() const
    {
        QList<qint64> delays;
        for (const Timer &timer : m_timers)
            delays << timer.delayMs;
        return delays;
    }
    std::optional<qint64> nextDueMs() const
    {
        std::optional<qint64> due;
        for (const Timer &timer : m_timers)
            due = due ? std::min(*due, timer.dueMs) : timer.dueMs;
        return due;
    }

    // Moves the clock to the earliest timer and runs it; returns the delay it was started with.
    std::optional<qint64> runNext()
    {
        if (m_timers.isEmpty())
            return std::nullopt;
        qsizetype earliest = 0;
        for (qsizetype i = 1; i < m_timers.size(); ++i) {
            if (m_timers.at(i).dueMs < m_timers.at(earliest).dueMs)
                earliest = i;
        }
        Timer timer = m_timers.takeAt(earliest);
        if (timer.dueMs > m_clock.nowMs())
            m_clock.setNowMs(timer.dueMs);
        timer.callback();
        return timer.delayMs;
    }

    // Moves the clock by ms, running every timer that falls due on the way, in order.
    void advanceMs(qint64 ms)
    {
        const qint64 target = m_clock.nowMs() + ms;
        while (const std::optional<qint64> due = nextDueMs()) {
            if (*due > target)
                break;
            runNext();
        }
        m_clock.setNowMs(target);
    }

private:
    struct Timer
    {
        TimerId id;
        qint64 dueMs;
        qint64 delayMs;
        std::function<void()> callback;
    };

    outward::test::ManualClock &m_clock;
    QList<Timer> m_timers;
    TimerId m_nextId = 1;
};

} // namespace outward::sync::test
