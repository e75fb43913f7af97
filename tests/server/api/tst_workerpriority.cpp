// lowerThisWorkersPriority: the push-check workers yield the cores to the event-loop thread.
#include "sync/server/api/workerpriority.h"

#include <QTest>

#include <thread>

#ifdef Q_OS_LINUX
#include <cerrno>
#include <sys/resource.h>
#endif

using namespace outward::server;

class TestWorkerPriority : public QObject
{
    Q_OBJECT

private slots:
    void lowersOnlyTheCallingThreadOnce()
    {
#ifndef Q_OS_LINUX
        QSKIP("a no-op outside Linux");
#else
        const int before = getpriority(PRIO_PROCESS, 0);
        int first = 0;
        int second = 0;
        std::thread worker([&] {
            lowerThisWorkersPriority();
            first = getpriority(PRIO_PROCESS, 0);
            lowerThisWorkersPriority(); // once per thread: no further step
            second = getpriority(PRIO_PROCESS, 0);
        });
        worker.join();
        QCOMPARE(first, std::min(19, before + 10));
        QCOMPARE(second, first);
        QCOMPARE(getpriority(PRIO_PROCESS, 0), before); // this thread kept its priority
#endif
    }
};

QTEST_GUILESS_MAIN(TestWorkerPriority)
#include "tst_workerpriority.moc"
