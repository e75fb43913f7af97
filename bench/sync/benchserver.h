#pragma once

#include "core/common/result.h"

#include <QList>
#include <QProcess>
#include <QString>
#include <QStringList>
#include <QUrl>

#include <memory>

namespace outward::bench {

// Resident memory of a process from /proc/PID/status, in KiB; -1 when unreadable.
struct MemoryKiB
{
    qint64 rss = -1; // VmRSS: now
    qint64 hwm = -1; // VmHWM: the peak since the process started
};
MemoryKiB readMemory(qint64 pid);
// CPU time (user + system, all threads) a process has used so far, in ms; -1 when unreadable.
double readCpuMs(qint64 pid);
// Time the process's threads have spent runnable but waiting for a CPU so far (the run delay of
// /proc/PID/task/*/schedstat), in ms: on a busy machine, time other work took from this one.
// Threads that already ended are not counted. -1 when unreadable.
double readCpuWaitMs(qint64 pid);

// One line of the server's access log.
struct ServerRequestTime
{
    QString method;
    QString path;
    int status = 0;
    double ms = 0;
};

// A fresh outward-server on loopback for one benchmark run: `init` on an empty data folder, one
// team, invites, then `serve --listen 127.0.0.1:0 --trusted-proxy 127.0.0.1`, whose port is read
// from the line it prints. Stopped with SIGTERM (a clean database close) when destroyed.
class BenchServer
{
public:
    static Result<std::unique_ptr<BenchServer>> start(const QString &executable,
                                                      const QString &dataFolder);
    ~BenchServer();
    BenchServer(const BenchServer &) = delete;
    BenchServer &operator=(const BenchServer &) = delete;

    // `team add NAME` (the team's name is also what `invite --team` takes).
    Status addTeam(const QString &name);
    // `invite --team TEAM --role ROLE`: the invite code as printed.
    Result<QString> invite(const QString &team, const QString &role);

    QUrl url() const { return m_url; }
    qint64 pid() const { return m_process.processId(); }
    MemoryKiB memory() const { return readMemory(pid()); }
    double cpuMs() const { return readCpuMs(pid()); }
    double cpuWaitMs() const { return readCpuWaitMs(pid()); }
    // The end of the server's log (its stderr), for a failure message.
    QString logTail() const;
    // The server's own time for each request it logged from byte fromOffset of its log on
    // (its access log: from the parsed request to the response handed to Qt); endOffset gets
    // where the log ends now, to read only a later phase next time.
    QList<ServerRequestTime> requestTimes(qint64 fromOffset, qint64 *endOffset = nullptr) const;
    qint64 logSize() const;

private:
    BenchServer(QString executable, QString dataFolder);
    Result<QString> admin(const QStringList &arguments);
    QString logPath() const;

    QString m_executable;
    QString m_data;
    QProcess m_process;
    QUrl m_url;
};

} // namespace outward::bench
