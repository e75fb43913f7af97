#include "core/model/clock.h"

namespace outward {

const SystemClock &SystemClock::instance()
{
    static const SystemClock clock;
    return clock;
}

} // namespace outward
