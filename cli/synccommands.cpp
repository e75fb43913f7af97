#include "cli/synccommands.h"

#include "cli/clicontext.h"
#include "cli/exitcodes.h"
#include "cli/terminal.h"
#include "sync/client/enrollment.h"
#include "sync/client/profilesyncstore.h"
#include "sync/client/qtnetworktransport.h"
#include "sync/client/scheduler.h"
#include "sync/client/syncengine.h"

#include <QCoreApplication>
#include <QEventLoop>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSysInfo>

using namespace Qt::StringLiterals;

namespace outward::cli {

namespace {

// Exit code for a failed call to the server: 11 when trying again later may work, 12 when the
// server refused and trying again will not help.
int exitCodeForCall(const sync::CallError &error)
{
    if (error.isRetryable())
        return ExitServerUnreachable;
    if (error.kind == sync::CallError::Kind::Local)
        return exitCodeFor(error.localCode);
    return ExitServerRefused;
}

QString defaultDisplayName()
{
    const QString user = qEnvironmentVariable("USER");
    return user.isEmpty() ? u"Outward user"_s : user;
}

QString defaultDeviceName()
{
    return QSysInfo::machineHostName() + u" (outward-cli)"_s;
}

// A one-line progress display on a terminal: "Pulling  41,000 / 100,000".
class ProgressLine
{
public:
    explicit ProgressLine(QTextStream &err)
        : m_err(err)
        , m_enabled(terminal::stderrIsTerminal())
    {}
    ~ProgressLine() { clear(); }

    void show(sync::SyncEngine::Phase phase, qint64 done, qint64 total)
    {
        if (!m_enabled || total <= 0)
            return;
        const QString what = phase == sync::SyncEngine::Phase::Pushing ? u"Sending"_s
                                                                        : u"Receiving"_s;
        const int percent = int(qMin<qint64>(100, done * 100 / total));
        m_err << "\r" << what << " " << percent << "% (" << done << " / " << total << ")   ";
        m_err.flush();
        m_shown = true;
    }
    void clear()
    {
        if (m_shown) {
            m_err << "\r" << QString(60, u' ') << "\r";
            m_err.flush();
            m_shown = false;
        }
    }

private:
    QTextStream &m_err;
    bool m_enabled;
    bool m_shown = false;
};

} // namespace

int runEnroll(CliContext &context)
{
    if (context.arguments().size() != 2)
        return context.usage(u"enroll needs SERVER and CODE: outward-cli enroll "
                             u"https://outward.example.org 7KQ2M-X9D4T-R0WPZ-3HB8N"_s);
    auto profile = context.openUnlockedProfile();
    if (!profile)
        return context.fail(profile.error());

    sync::QtNetworkTransport transport;
    sync::Enrollment enrollment(**profile, transport, context.clock());
    sync::EnrollmentRequest request;
    request.serverUrl = context.arguments().at(0);
    request.inviteCode = context.arguments().at(1);
    request.displayName = context.isSet(u"name"_s) ? context.value(u"name"_s)
                                                   : defaultDisplayName();
    request.deviceName = context.isSet(u"device-name"_s) ? context.value(u"device-name"_s)
                                                         : defaultDeviceName();

    std::optional<sync::CallResult<sync::EnrollmentResult>> outcome;
    QEventLoop loop;
    enrollment.enroll(request, [&](sync::CallResult<sync::EnrollmentResult> result) {
        outcome = std::move(result);
        loop.quit();
    });
    if (!outcome)
        loop.exec();
    if (!outcome->ok()) {
        context.err() << "outward-cli: not enrolled: "
                      << sync::Enrollment::explain(outcome->error(), request.serverUrl)
                      << Qt::endl;
        return exitCodeForCall(outcome->error());
    }
    const sync::EnrollmentResult &result = outcome->value();
    context.err() << "Enrolled in team \"" << result.settings.teamName << "\" as "
                  << result.settings.role << " on " << result.settings.serverUrl << ".\n"
                  << result.queuedRecords
                  << " records are waiting to be sent; run `outward-cli sync`." << Qt::endl;
    if (!result.refusedUserIds.isEmpty())
        context.err() << "The keys of " << result.refusedUserIds.size()
                      << " team members could not be pinned; nothing is shared with them."
                      << Qt::endl;
    return ExitOk;
}

int runSync(CliContext &context)
{
    auto profile = context.openUnlockedProfile();
    if (!profile)
        return context.fail(profile.error());

    sync::ProfileSyncStore store(**profile);
    sync::QtNetworkTransport transport;
    sync::QtScheduler scheduler;
    sync::SyncEngine engine(store, transport, scheduler, context.clock());
    ProgressLine progress(context.err());
    QObject::connect(&engine, &sync::SyncEngine::progress, &engine,
                     [&progress](sync::SyncEngine::Phase phase, qint64 done, qint64 total) {
                         progress.show(phase, done, total);
                     });
    QStringList problems;
    QObject::connect(&engine, &sync::SyncEngine::recordProblem, &engine,
                     [&problems](const QUuid &id, const QString &reason) {
                         problems.append(id.toString(QUuid::WithoutBraces) + u": "_s + reason);
                     });
    QObject::connect(&engine, &sync::SyncEngine::clockSkewDetected, &engine,
                     [&context](qint64 skewMs) {
                         context.err() << "warning: this computer's clock differs from the "
                                          "server's by "
                                       << skewMs / 1000 << " s; check the date and time."
                                       << Qt::endl;
                     });

    std::optional<sync::SyncReport> report;
    QEventLoop loop;
    QObject::connect(&engine, &sync::SyncEngine::finished, &loop,
                     [&](const sync::SyncReport &finished) {
                         report = finished;
                         loop.quit();
                     });
    engine.start();
    if (!report)
        loop.exec();
    engine.stop();
    progress.clear();

    for (const QString &problem : std::as_const(problems))
        context.err() << "record " << problem << Qt::endl;
    if (context.isSet(u"json"_s)) {
        const QJsonObject json{{u"ok"_s, report->ok},
                               {u"pushed"_s, report->pushed},
                               {u"pulled"_s, report->pulled},
                               {u"conflicts"_s, report->conflicts},
                               {u"errors"_s, report->errors},
                               {u"error"_s, report->error}};
        context.out() << QJsonDocument(json).toJson(QJsonDocument::Compact) << Qt::endl;
    }
    if (!report->ok) {
        context.err() << "outward-cli: the sync stopped: " << report->error << Qt::endl;
        return report->willRetry ? ExitServerUnreachable : ExitServerRefused;
    }
    context.err() << "Synced: " << report->pushed << " sent, " << report->pulled
                  << " received, " << report->conflicts << " conflicts, " << report->errors
                  << " errors." << Qt::endl;
    return report->errors > 0 ? ExitSyncErrors : ExitOk;
}

int runLink(CliContext &context)
{
    return context.usage(u"link is not available yet"_s);
}

} // namespace outward::cli
