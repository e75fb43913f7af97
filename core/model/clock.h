#pragma once

#include <QDateTime>

namespace outward {

// Time comes from an injected Clock so that clocks, conflicts and expiry are testable.
class Clock
{
public:
    virtual ~Clock() = default;
    virtual qint64 nowMs() const = 0;

    QDateTime now() const { return QDateTime::fromMSecsSinceEpoch(nowMs()); }
    // Now in local time with its UTC offset pinned, so it serialises with the offset.
    QDateTime nowWithOffset() const
    {
        const QDateTime local = now();
        return local.toOffsetFromUtc(local.offsetFromUtc());
    }
};

class SystemClock final : public Clock
{
public:
    qint64 nowMs() const override { return QDateTime::currentMSecsSinceEpoch(); }

    static const SystemClock &instance();
};

} // namespace outward
