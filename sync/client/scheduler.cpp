#include "sync/client/scheduler.h"

#include <QTimer>

#include <algorithm>
#include <limits>

namespace outward::sync {

QtScheduler::QtScheduler(QObject *parent)
    : QObject(parent)
{}

QtScheduler::~QtScheduler()
{
    qDeleteAll(m_timers);
}

Scheduler::TimerId QtScheduler::callAfter(qint64 delayMs, std::function<void()> callback)
{
    const TimerId id = m_nextId++;
    auto *timer = new QTimer(this);
    timer->setSingleShot(true);
    // QTimer takes int milliseconds; the engine never waits longer than 15 minutes, but a
    // server's Retry-After could ask for more than 24 days.
    timer->setInterval(
        static_cast<int>(std::clamp<qint64>(delayMs, 0, std::numeric_limits<int>::max())));
    connect(timer, &QTimer::timeout, this, [this, id, callback = std::move(callback)]() {
        if (QTimer *fired = m_timers.take(id))
            fired->deleteLater();
        callback();
    });
    m_timers.insert(id, timer);
    timer->start();
    return id;
}

void QtScheduler::cancel(TimerId id)
{
    if (QTimer *timer = m_timers.take(id)) {
        timer->stop();
        timer->deleteLater();
    }
}

} // namespace outward::sync
