#include "tests/e2e/e2esupport.h"

#include <QDeadlineTimer>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QTest>

#include <csignal>

using namespace Qt::StringLiterals;

namespace outward::e2e {

namespace {

Run finish(QProcess &process, int timeoutMs)
{
    Run run;
    if (!process.waitForFinished(timeoutMs)) {
        process.kill();
        process.waitForFinished();
        run.err = u"(timed out)"_s;
        return run;
    }
    run.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    run.out = QString::fromUtf8(process.readAllStandardOutput());
    run.err += QString::fromUtf8(process.readAllStandardError());
    return run;
}

} // namespace

ServerProcess::ServerProcess(QString dataFolder)
    : m_dataFolder(std::move(dataFolder))
{}

ServerProcess::~ServerProcess()
{
    stop();
}

Run ServerProcess::admin(const QStringList &arguments) const
{
    QProcess process;
    process.start(QStringLiteral(OUTWARD_SERVER_PATH),
                  arguments + QStringList{u"--data"_s, m_dataFolder});
    if (!process.waitForStarted(10000))
        return {};
    return finish(process, 60000);
}

bool ServerProcess::initialise(const QString &teamName)
{
    const Run init = admin({u"init"_s});
    const Run team = admin({u"team"_s, u"add"_s, teamName});
    if (init.exitCode != 0 || team.exitCode != 0) {
        qWarning("outward-server init/team add failed: %s %s", qPrintable(init.err),
                 qPrintable(team.err));
        return false;
    }
    m_teamName = teamName;
    return true;
}

QString ServerProcess::invite(const QString &role) const
{
    const Run run = admin({u"invite"_s, u"--team"_s, m_teamName, u"--role"_s, role});
    const auto match = QRegularExpression(u"^invite (\\S+)$"_s, QRegularExpression::MultilineOption)
                           .match(run.out);
    if (run.exitCode != 0 || !match.hasMatch()) {
        qWarning("outward-server invite failed: %s", qPrintable(run.err));
        return {};
    }
    return match.captured(1);
}

QString ServerProcess::recoveryTicket(const QString &userId) const
{
    const Run run = admin({u"invite"_s, u"--recover"_s, userId});
    const auto match =
        QRegularExpression(u"^recovery ticket (\\S+)$"_s, QRegularExpression::MultilineOption)
            .match(run.out);
    if (run.exitCode != 0 || !match.hasMatch()) {
        qWarning("outward-server invite --recover failed: %s", qPrintable(run.err));
        return {};
    }
    return match.captured(1);
}

bool ServerProcess::start()
{
    stop();
    m_process = std::make_unique<QProcess>();
    m_process->setProcessChannelMode(QProcess::SeparateChannels);
    m_process->start(QStringLiteral(OUTWARD_SERVER_PATH),
                     QStringList{u"serve"_s, u"--data"_s, m_dataFolder, u"--listen"_s,
                                 u"127.0.0.1:%1"_s.arg(m_port)} +
                         m_serveOptions);
    if (!m_process->waitForStarted(10000))
        return false;
    // The first line on stdout names the port.
    QDeadlineTimer deadline(20000);
    QByteArray out;
    while (!out.contains('\n') && !deadline.hasExpired()) {
        if (!m_process->waitForReadyRead(int(deadline.remainingTime())) &&
            m_process->state() != QProcess::Running)
            break;
        out += m_process->readAllStandardOutput();
    }
    const auto match = QRegularExpression(u"listening on http://127\\.0\\.0\\.1:(\\d+)"_s)
                           .match(QString::fromUtf8(out));
    if (!match.hasMatch()) {
        m_logs += QString::fromUtf8(m_process->readAllStandardError());
        qWarning("outward-server did not start: %s %s", out.constData(), qPrintable(m_logs));
        return false;
    }
    m_port = quint16(match.captured(1).toUInt());
    return true;
}

void ServerProcess::stop()
{
    if (!m_process)
        return;
    if (m_process->state() == QProcess::Running) {
        m_process->terminate();
        if (!m_process->waitForFinished(10000)) {
            m_process->kill();
            m_process->waitForFinished();
        }
    }
    m_logs += QString::fromUtf8(m_process->readAllStandardError());
    m_process.reset();
}

void ServerProcess::kill()
{
    if (!m_process)
        return;
    ::kill(pid_t(m_process->processId()), SIGKILL);
    m_process->waitForFinished(10000);
    m_logs += QString::fromUtf8(m_process->readAllStandardError());
    m_process.reset();
}

bool ServerProcess::isRunning() const
{
    return m_process && m_process->state() == QProcess::Running;
}

QString ServerProcess::logs()
{
    if (m_process) {
        // QProcess reads only when asked to: take what the server has written so far.
        while (m_process->waitForReadyRead(100)) {
        }
        m_logs += QString::fromUtf8(m_process->readAllStandardError());
    }
    return m_logs;
}

CliClient::CliClient(QString profileFolder, QString passphrase)
    : m_profile(std::move(profileFolder))
    , m_passphrase(std::move(passphrase))
{}

QProcessEnvironment CliClient::environment(const QStringList &extra) const
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(u"OUTWARD_PROFILE"_s, m_profile);
    env.insert(u"OUTWARD_PASSPHRASE"_s, m_passphrase);
    env.insert(u"OUTWARD_NEW_PASSPHRASE"_s, m_passphrase);
    env.remove(u"OUTWARD_RECOVERY_CODE"_s);
    for (const QString &pair : extra)
        env.insert(pair.section(u'=', 0, 0), pair.section(u'=', 1));
    return env;
}

Run CliClient::run(const QStringList &arguments, const QByteArray &input,
                   const QStringList &extraEnvironment, int timeoutMs) const
{
    QProcess process;
    process.setProcessEnvironment(environment(extraEnvironment));
    process.start(QStringLiteral(OUTWARD_CLI_PATH), arguments);
    if (!process.waitForStarted(10000))
        return {};
    process.write(input);
    process.closeWriteChannel();
    return finish(process, timeoutMs);
}

std::unique_ptr<QProcess> CliClient::start(const QStringList &arguments) const
{
    auto process = std::make_unique<QProcess>();
    process->setProcessEnvironment(environment({}));
    process->start(QStringLiteral(OUTWARD_CLI_PATH), arguments);
    process->waitForStarted(10000);
    process->closeWriteChannel();
    return process;
}

QString CliClient::userId() const
{
    const Run status = run({u"status"_s, u"--json"_s});
    return QJsonDocument::fromJson(status.out.toUtf8()).object().value(u"userId"_s).toString();
}

QString waitForLine(QProcess &process, const QString &pattern, int timeoutMs, QString *seen)
{
    const QRegularExpression expression(pattern);
    QDeadlineTimer deadline(timeoutMs);
    while (!deadline.hasExpired()) {
        while (process.canReadLine()) {
            const QString line = QString::fromUtf8(process.readLine()).trimmed();
            if (seen)
                *seen += line + u'\n';
            const auto match = expression.match(line);
            if (match.hasMatch())
                return match.captured(1);
        }
        if (process.state() != QProcess::Running)
            return {};
        process.waitForReadyRead(int(qMax<qint64>(1, deadline.remainingTime())));
    }
    return {};
}

} // namespace outward::e2e
