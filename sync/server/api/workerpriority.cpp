#include "sync/server/api/workerpriority.h"

#include <QLoggingCategory>
#include <QtGlobal>

#ifdef Q_OS_LINUX
#include <algorithm>
#include <cerrno>
#include <cstring>
#include <sys/resource.h>
#endif

namespace outward::server {

Q_DECLARE_LOGGING_CATEGORY(lcApi)

namespace {
constexpr int kNiceSteps = 10;
}

void lowerThisWorkersPriority()
{
#ifdef Q_OS_LINUX
    static thread_local bool done = false;
    if (done)
        return;
    done = true;
    // PRIO_PROCESS with 0 names the calling thread on Linux (setpriority(2), NOTES).
    errno = 0;
    const int current = getpriority(PRIO_PROCESS, 0);
    if (current == -1 && errno != 0)
        return;
    if (setpriority(PRIO_PROCESS, 0, std::min(19, current + kNiceSteps)) != 0)
        qCInfo(lcApi).noquote() << "a push-check worker keeps its priority:"
                                << QString::fromLocal8Bit(std::strerror(errno));
#endif
}

} // namespace outward::server
