#pragma once

#include "sync/client/scheduler.h"

#include <QHash>

#include <utility>

namespace outward::demo {

// The sync engine's timers (debounce, retry) for the screenshot tool: real timers, except that
// while paused nothing fires, so a state such as "trying again at 14:05" holds still while it is
// photographed in every size and theme.
class DemoScheduler final : public sync::Scheduler
{
public:
    TimerId callAfter(qint64 delayMs, std::function<void()> callback) override
    {
        const TimerId id = m_nextId++;
        if (m_paused) {
            m_waiting.insert(id, {delayMs, std::move(callback)});
            return id;
        }
        m_running.insert(id, m_timers.callAfter(delayMs, [this, id, callback] {
            m_running.remove(id);
            callback();
        }));
        return id;
    }

    void cancel(TimerId id) override
    {
        m_waiting.remove(id);
        if (auto timer = m_running.constFind(id); timer != m_running.constEnd()) {
            m_timers.cancel(timer.value());
            m_running.remove(id);
        }
    }

    void setPaused(bool paused)
    {
        m_paused = paused;
        if (paused)
            return;
        const auto waiting = std::exchange(m_waiting, {});
        for (auto it = waiting.constBegin(); it != waiting.constEnd(); ++it) {
            const TimerId id = it.key();
            std::function<void()> callback = it.value().second;
            m_running.insert(id, m_timers.callAfter(it.value().first, [this, id, callback] {
                m_running.remove(id);
                callback();
            }));
        }
    }

private:
    sync::QtScheduler m_timers;
    bool m_paused = false;
    TimerId m_nextId = 1;
    QHash<TimerId, TimerId> m_running; // ours -> m_timers'
    QHash<TimerId, std::pair<qint64, std::function<void()>>> m_waiting;
};

} // namespace outward::demo
