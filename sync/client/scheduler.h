#pragma once

#include <QHash>
#include <QObject>

#include <functional>

class QTimer;

namespace outward::sync {

// Runs a function once after a delay. The engine's debounce and retry timers go through it so
// tests can move time by hand instead of sleeping.
class Scheduler
{
public:
    using TimerId = quint64;

    virtual ~Scheduler() = default;

    // `callback` runs once, from the event loop, after delayMs unless cancelled. Never 0.
    virtual TimerId callAfter(qint64 delayMs, std::function<void()> callback) = 0;
    // Cancelling an id that already ran or was cancelled does nothing.
    virtual void cancel(TimerId id) = 0;
};

// Scheduler on QTimer (coarse timers are fine for seconds-long delays).
class QtScheduler final : public QObject, public Scheduler
{
    Q_OBJECT

public:
    explicit QtScheduler(QObject *parent = nullptr);
    ~QtScheduler() override;

    TimerId callAfter(qint64 delayMs, std::function<void()> callback) override;
    void cancel(TimerId id) override;

private:
    QHash<TimerId, QTimer *> m_timers;
    TimerId m_nextId = 1;
};

} // namespace outward::sync
