#include "bench/sync/benchserver.h"

#include <QDeadlineTimer>
#include <QDir>
#include <QFile>
#include <QRegularExpression>

#include <unistd.h>

using namespace Qt::StringLiterals;

namespace outward::bench {

MemoryKiB readMemory(qint64 pid)
{
    MemoryKiB memory;
    QFile status(u"/proc/%1/status"_s.arg(pid));
    if (pid <= 0 || !status.open(QIODevice::ReadOnly))
        return memory;
    // Read in one go: /proc files have no size and QFile::readLine would stop early otherwise.
    const QList<QByteArray> lines = status.readAll().split('\n');
    for (const QByteArray &line : lines) {
        const bool rss = line.startsWith("VmRSS:");
        if (!rss && !line.startsWith("VmHWM:"))
            continue;
        const QList<QByteArray> parts = line.simplified().split(' '); // "VmRSS: 1234 kB"
        const qint64 kib = parts.size() >= 2 ? parts.at(1).toLongLong() : -1;
        (rss ? memory.rss : memory.hwm) = kib;
    }
    return memory;
}

double readCpuMs(qint64 pid)
{
    QFile stat(u"/proc/%1/stat"_s.arg(pid));
    if (pid <= 0 || !stat.open(QIODevice::ReadOnly))
        return -1;
    // "pid (comm) state ..." : utime and stime are fields 14 and 15, counted after the ')' since
    // comm may hold spaces.
    const QByteArray text = stat.readAll();
    const QList<QByteArray> fields = text.mid(text.lastIndexOf(')') + 2).split(' ');
    if (fields.size() < 13)
        return -1;
    const long ticks = sysconf(_SC_CLK_TCK);
    return double(fields.at(11).toLongLong() + fields.at(12).toLongLong()) * 1000.0 /
           double(ticks > 0 ? ticks : 100);
}

double readCpuWaitMs(qint64 pid)
{
    const QDir tasks(u"/proc/%1/task"_s.arg(pid));
    if (pid <= 0 || !tasks.exists())
        return -1;
    double waitedNs = 0;
    for (const QString &task : tasks.entryList(QDir::Dirs | QDir::NoDotAndDotDot)) {
        QFile schedstat(tasks.filePath(task) + u"/schedstat"_s);
        if (!schedstat.open(QIODevice::ReadOnly))
            continue; // the thread ended meanwhile
        // "<on the CPU ns> <waiting to run ns> <timeslices>"
        const QList<QByteArray> fields = schedstat.readAll().simplified().split(' ');
        if (fields.size() >= 2)
            waitedNs += fields.at(1).toDouble();
    }
    return waitedNs / 1e6;
}

BenchServer::BenchServer(QString executable, QString dataFolder)
    : m_executable(std::move(executable))
    , m_data(std::move(dataFolder))
{}

BenchServer::~BenchServer()
{
    if (m_process.state() == QProcess::NotRunning)
        return;
    m_process.terminate();
    if (!m_process.waitForFinished(10000)) {
        m_process.kill();
        m_process.waitForFinished(5000);
    }
}

Result<QString> BenchServer::admin(const QStringList &arguments)
{
    QProcess process;
    process.start(m_executable, arguments);
    if (!process.waitForFinished(60000) || process.exitStatus() != QProcess::NormalExit ||
        process.exitCode() != 0)
        return Error(ErrorCode::Internal,
                     u"outward-server %1 failed (exit %2): %3"_s.arg(
                         arguments.join(u' '), QString::number(process.exitCode()),
                         QString::fromUtf8(process.readAllStandardError()).trimmed()));
    return QString::fromUtf8(process.readAllStandardOutput());
}

Result<std::unique_ptr<BenchServer>> BenchServer::start(const QString &executable,
                                                        const QString &dataFolder)
{
    std::unique_ptr<BenchServer> server(new BenchServer(executable, dataFolder));
    if (auto initialised = server->admin({u"init"_s, u"--data"_s, dataFolder}); !initialised)
        return initialised.error();

    QProcess &process = server->m_process;
    // The server logs as deployed (one access-log line per request, which serverTimes() reads),
    // into a file: an unread pipe would fill and stall it.
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.remove(u"QT_LOGGING_RULES"_s);
    process.setProcessEnvironment(environment);
    process.setStandardErrorFile(server->logPath());
    process.start(executable, {u"serve"_s, u"--data"_s, dataFolder, u"--listen"_s, u"127.0.0.1:0"_s,
                               u"--trusted-proxy"_s, u"127.0.0.1"_s});
    if (!process.waitForStarted(10000))
        return Error(ErrorCode::Internal,
                     u"outward-server serve did not start: "_s + process.errorString());
    static const QRegularExpression listening(u"listening on (http://\\S+)"_s);
    QByteArray printed;
    const QDeadlineTimer deadline(20000);
    while (!deadline.hasExpired()) {
        if (!process.waitForReadyRead(int(deadline.remainingTime())))
            break;
        printed += process.readAllStandardOutput();
        const auto match = listening.match(QString::fromUtf8(printed));
        if (match.hasMatch()) {
            server->m_url = QUrl(match.captured(1));
            return server;
        }
    }
    return Error(ErrorCode::Internal, u"outward-server serve printed no address: %1 %2"_s.arg(
                                          QString::fromUtf8(printed), server->logTail()));
}

Status BenchServer::addTeam(const QString &name)
{
    auto added = admin({u"team"_s, u"add"_s, name, u"--data"_s, m_data});
    if (!added)
        return added.error();
    return {};
}

Result<QString> BenchServer::invite(const QString &team, const QString &role)
{
    auto printed = admin({u"invite"_s, u"--data"_s, m_data, u"--team"_s, team, u"--role"_s, role});
    if (!printed)
        return printed.error();
    static const QRegularExpression code(u"^invite (\\S+)$"_s, QRegularExpression::MultilineOption);
    const auto match = code.match(*printed);
    if (!match.hasMatch())
        return Error(ErrorCode::Internal, u"outward-server invite printed no code"_s);
    return match.captured(1);
}

QString BenchServer::logPath() const
{
    return m_data + u".log"_s;
}

QString BenchServer::logTail() const
{
    QFile file(logPath());
    if (!file.open(QIODevice::ReadOnly))
        return {};
    if (file.size() > 2000)
        file.seek(file.size() - 2000);
    return QString::fromUtf8(file.readAll());
}

QList<ServerRequestTime> BenchServer::requestTimes(qint64 fromOffset, qint64 *endOffset) const
{
    // serverapi.cpp: "#<id> <METHOD> <path> -> <status> (<ms> ms)"
    static const QRegularExpression line(u"#\\d+ (\\S+) (\\S+) -> (\\d+) \\(([0-9.]+) ms\\)"_s);
    QList<ServerRequestTime> times;
    QFile file(logPath());
    if (!file.open(QIODevice::ReadOnly))
        return times;
    file.seek(fromOffset);
    const QByteArray text = file.readAll();
    if (endOffset)
        *endOffset = fromOffset + text.size();
    auto it = line.globalMatch(QString::fromUtf8(text));
    while (it.hasNext()) {
        const auto match = it.next();
        times.append({match.captured(1), match.captured(2), match.captured(3).toInt(),
                      match.captured(4).toDouble()});
    }
    return times;
}

qint64 BenchServer::logSize() const
{
    return QFile(logPath()).size();
}

} // namespace outward::bench
