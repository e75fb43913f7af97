#pragma once

#include <QProcess>
#include <QString>
#include <QStringList>

#include <memory>

namespace outward::e2e {

struct Run
{
    int exitCode = -1; // -1: did not start, crashed or timed out
    QString out;
    QString err;
};

// A real outward-server process on loopback with its own data folder. Restarts keep the port,
// so clients enrolled with its URL keep working after a crash.
class ServerProcess
{
public:
    explicit ServerProcess(QString dataFolder);
    ~ServerProcess();

    // An admin command against the data folder (init, team add, invite, revoke, users).
    Run admin(const QStringList &arguments) const;
    // init, then a team; returns false (with a warning) when either fails.
    bool initialise(const QString &teamName);
    // A one-time invite code for the team made by initialise().
    QString invite(const QString &role) const;
    // A one-time recovery ticket for the user (`invite --recover USER_ID`); empty on failure.
    QString recoveryTicket(const QString &userId) const;

    // Extra `serve` options for the next start(), e.g. {"--token-lifetime", "2"}.
    void setServeOptions(QStringList options) { m_serveOptions = std::move(options); }
    bool start();
    void stop(); // SIGTERM, and wait
    void kill(); // SIGKILL, and wait: a crash
    bool isRunning() const;

    QString url() const { return QStringLiteral("http://127.0.0.1:%1").arg(m_port); }
    quint16 port() const { return m_port; }
    const QString &dataFolder() const { return m_dataFolder; }
    // Everything the server wrote to stderr (its log) over every run so far.
    QString logs();

private:
    QString m_dataFolder;
    QString m_teamName;
    QStringList m_serveOptions;
    quint16 m_port = 0;
    std::unique_ptr<QProcess> m_process;
    QString m_logs;
};

// outward-cli on one profile folder, with the passphrase in its environment as scripts do.
class CliClient
{
public:
    CliClient(QString profileFolder, QString passphrase);

    Run run(const QStringList &arguments, const QByteArray &input = {},
            const QStringList &extraEnvironment = {}, int timeoutMs = 120000) const;
    // Started and left running (for killing it mid-sync).
    std::unique_ptr<QProcess> start(const QStringList &arguments) const;
    // The user id of the profile, from `status --json`; empty on failure.
    QString userId() const;

    const QString &profileFolder() const { return m_profile; }

private:
    QProcessEnvironment environment(const QStringList &extra) const;

    QString m_profile;
    QString m_passphrase;
};

// Reads a running process's stdout until a line matches `pattern` (or the process ends or the
// time runs out); the first capture group of the match, or empty. Output read on the way is
// appended to `seen`, so a failing test can show it.
QString waitForLine(QProcess &process, const QString &pattern, int timeoutMs, QString *seen);

} // namespace outward::e2e
