#include "cli/synccommands.h"

#include "cli/clicontext.h"
#include "cli/exitcodes.h"
#include "cli/secretinput.h"
#include "cli/terminal.h"
#include "core/crypto/recoverycode.h"
#include "sync/client/devicejoin.h"
#include "sync/client/devicelink.h"
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
#include <QTimer>

#include <csignal>

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
        const QString what =
            phase == sync::SyncEngine::Phase::Pushing ? u"Sending"_s : u"Receiving"_s;
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

// Runs a DeviceJoin call to its end.
sync::CallResult<sync::JoinResult>
waitForJoin(const std::function<void(sync::DeviceJoin::Callback)> &call)
{
    std::optional<sync::CallResult<sync::JoinResult>> outcome;
    QEventLoop loop;
    call([&](sync::CallResult<sync::JoinResult> result) {
        outcome = std::move(result);
        loop.quit();
    });
    if (!outcome)
        loop.exec();
    return std::move(*outcome);
}

Result<SecureBytes> readDevicePassphrase(CliContext &context)
{
    return readNewSecret({context.value(u"passphrase-file"_s), "OUTWARD_PASSPHRASE",
                          u"Choose a passphrase for this device (at least 8 characters): "_s});
}

void printJoined(CliContext &context, const sync::JoinResult &result, const QString &folder,
                 bool recovered)
{
    context.out() << "user " << result.userId << "\ndevice " << result.settings.deviceId
                  << Qt::endl;
    if (recovered)
        context.err() << "Restored your account in " << folder
                      << " with a new passphrase; your recovery code stays the same.\n";
    else
        context.err() << "This device was added to your account, in " << folder << ".\n";
    context.err() << "Team \"" << result.settings.teamName << "\" as " << result.settings.role
                  << " on " << result.settings.serverUrl
                  << ". Run `outward-cli sync` to receive your records." << Qt::endl;
}

// `enroll SERVER LINKCODE`: a new profile for an account that already exists on another device.
int enrollWithLinkCode(CliContext &context)
{
    const QString folder = context.profileFolder();
    if (Status free = Profile::checkFolderIsFree(folder, context.clock()); !free)
        return context.fail(
            free.error().withContext(u"a link code makes a new profile for this device"_s));
    auto params = context.kdfParams();
    if (!params)
        return context.usage(params.error().message());
    auto passphrase = readDevicePassphrase(context);
    if (!passphrase)
        return context.fail(passphrase.error(), u"cannot read the new passphrase"_s);

    sync::QtNetworkTransport transport;
    sync::DeviceJoin join(transport, context.clock());
    sync::JoinRequest request;
    request.serverUrl = context.arguments().at(0);
    request.code = context.arguments().at(1);
    request.profileFolder = folder;
    request.deviceName =
        context.isSet(u"device-name"_s) ? context.value(u"device-name"_s) : defaultDeviceName();
    request.kdf = *params;
    const auto outcome = waitForJoin([&](sync::DeviceJoin::Callback done) {
        join.joinWithLinkCode(request, std::move(passphrase).value(), std::move(done));
    });
    if (!outcome) {
        context.err() << "outward-cli: this device was not added: " << outcome.error().message
                      << Qt::endl;
        return exitCodeForCall(outcome.error());
    }
    printJoined(context, outcome.value(), folder, false);
    return ExitOk;
}

// Ctrl-C while `link` waits: the offer is cancelled on the server before the command exits.
volatile std::sig_atomic_t g_interrupted = 0;

extern "C" void onInterrupt(int)
{
    g_interrupted = 1;
}

} // namespace

int runEnroll(CliContext &context)
{
    if (context.arguments().size() != 2)
        return context.usage(u"enroll needs SERVER and CODE: outward-cli enroll "
                             u"https://outward.example.org 7KQ2M-X9D4T-R0WPZ-3HB8N"_s);
    if (sync::DeviceJoin::kindOfCode(context.arguments().at(1)) == sync::DeviceJoin::CodeKind::Link)
        return enrollWithLinkCode(context);
    auto profile = context.openUnlockedProfile();
    if (!profile)
        return context.fail(profile.error());

    sync::QtNetworkTransport transport;
    sync::Enrollment enrollment(**profile, transport, context.clock());
    sync::EnrollmentRequest request;
    request.serverUrl = context.arguments().at(0);
    request.inviteCode = context.arguments().at(1);
    request.displayName =
        context.isSet(u"name"_s) ? context.value(u"name"_s) : defaultDisplayName();
    request.deviceName =
        context.isSet(u"device-name"_s) ? context.value(u"device-name"_s) : defaultDeviceName();

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
                      << sync::Enrollment::explain(outcome->error(), request.serverUrl) << Qt::endl;
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

    sync::SyncEngine::Options options;
    if (context.isSet(u"store-batch"_s)) {
        bool ok = false;
        options.pullStoreBatch = context.value(u"store-batch"_s).toInt(&ok);
        if (!ok || options.pullStoreBatch < 1)
            return context.fail(
                Error(ErrorCode::InvalidInput, u"--store-batch must be a positive whole number"_s));
    }
    sync::ProfileSyncStore store(**profile);
    sync::QtNetworkTransport transport;
    sync::QtScheduler scheduler;
    sync::SyncEngine engine(store, transport, scheduler, context.clock(), sync::BackoffPolicy(),
                            options);
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
    QObject::connect(
        &engine, &sync::SyncEngine::clockSkewDetected, &engine, [&context](qint64 skewMs) {
            context.err() << "warning: this computer's clock differs from the "
                             "server's by "
                          << skewMs / 1000 << " s; check the date and time." << Qt::endl;
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
        const QJsonObject json{{u"ok"_s, report->ok},         {u"pushed"_s, report->pushed},
                               {u"pulled"_s, report->pulled}, {u"conflicts"_s, report->conflicts},
                               {u"errors"_s, report->errors}, {u"error"_s, report->error}};
        context.out() << QJsonDocument(json).toJson(QJsonDocument::Compact) << Qt::endl;
    }
    if (!report->ok) {
        context.err() << "outward-cli: the sync stopped: " << report->error << Qt::endl;
        return report->willRetry ? ExitServerUnreachable : ExitServerRefused;
    }
    context.err() << "Synced: " << report->pushed << " sent, " << report->pulled << " received, "
                  << report->conflicts << " conflicts, " << report->errors << " errors."
                  << Qt::endl;
    return report->errors > 0 ? ExitSyncErrors : ExitOk;
}

int runLink(CliContext &context)
{
    if (!context.arguments().isEmpty())
        return context.usage(u"link takes no arguments: outward-cli link"_s);
    auto profile = context.openUnlockedProfile();
    if (!profile)
        return context.fail(profile.error());

    sync::QtNetworkTransport transport;
    sync::QtScheduler scheduler;
    sync::DeviceLink link(**profile, transport, scheduler, context.clock());
    QEventLoop loop;
    QObject::connect(
        &link, &sync::DeviceLink::stateChanged, &link, [&](sync::DeviceLink::State state) {
            if (state == sync::DeviceLink::State::Waiting) {
                const QString server = link.serverUrl().toString();
                // On stdout, for scripts; the code is a secret for 10 minutes.
                context.out() << "link " << link.linkCode() << "\nserver " << server << "\nexpires "
                              << link.expiresAt().toUTC().toString(Qt::ISODateWithMs) << Qt::endl;
                context.err() << "On the new device, run:\n  outward-cli enroll " << server << " "
                              << link.linkCode() << " --profile FOLDER\nThe code works once, until "
                              << link.expiresAt().toLocalTime().toString(u"HH:mm"_s)
                              << ". Waiting for the new device (Ctrl-C cancels)..." << Qt::endl;
            } else if (state == sync::DeviceLink::State::Claimed) {
                context.err() << "A device used the code; waiting for it to finish "
                                 "joining..."
                              << Qt::endl;
            } else if (state == sync::DeviceLink::State::Cancelling) {
                context.err() << "Cancelling the code..." << Qt::endl;
            }
        });
    QObject::connect(&link, &sync::DeviceLink::finished, &loop, &QEventLoop::quit);

    g_interrupted = 0;
    const auto previous = std::signal(SIGINT, onInterrupt);
    QTimer interruptions;
    QObject::connect(&interruptions, &QTimer::timeout, &link, [&] {
        if (g_interrupted) {
            g_interrupted = 0;
            link.cancel();
        }
    });
    interruptions.start(100);
    link.start();
    if (!link.isFinished())
        loop.exec();
    interruptions.stop();
    std::signal(SIGINT, previous);

    switch (link.state()) {
    case sync::DeviceLink::State::Registered:
        context.out() << "added " << link.newDeviceId() << Qt::endl;
        context.err() << link.message().left(1).toUpper() << link.message().mid(1)
                      << ". It receives your records at its first `outward-cli sync`." << Qt::endl;
        return ExitOk;
    case sync::DeviceLink::State::Failed:
        context.err() << "outward-cli: no device was added: " << link.message() << Qt::endl;
        return link.error() ? exitCodeForCall(*link.error()) : ExitInternal;
    default:
        context.err() << "outward-cli: no device was added: " << link.message() << Qt::endl;
        return ExitNotLinked;
    }
}

int runRestore(CliContext &context)
{
    if (context.arguments().size() != 2)
        return context.usage(u"restore needs SERVER and TICKET: outward-cli restore "
                             u"https://outward.example.org 7KQ2M-X9D4T-R0WPZ-3HB8N"_s);
    const QString folder = context.profileFolder();
    if (Status free = Profile::checkFolderIsFree(folder, context.clock()); !free)
        return context.fail(
            free.error().withContext(u"restore makes a new profile for this device"_s));
    auto params = context.kdfParams();
    if (!params)
        return context.usage(params.error().message());

    // On a terminal a mistyped code is asked again; from a file or variable it is final.
    const SecretSource codeSource{context.value(u"recovery-code-file"_s), "OUTWARD_RECOVERY_CODE",
                                  u"Recovery code: "_s};
    const bool canAskAgain =
        codeSource.file.isEmpty() && !qEnvironmentVariableIsSet(codeSource.envVar);
    constexpr int kAttempts = 3;
    int attempts = 0;
    const auto readCode = [&]() -> Result<QString> {
        while (true) {
            ++attempts;
            auto code = readSecret(codeSource);
            if (!code)
                return code.error().withContext(u"cannot read the recovery code"_s);
            QString text = QString::fromUtf8(reinterpret_cast<const char *>(code->data()),
                                             static_cast<qsizetype>(code->size()));
            const auto parsed = recovery::parse(text);
            if (parsed || !canAskAgain || attempts >= kAttempts)
                return text; // DeviceJoin reports a typo itself
            wipe(text);
            context.err() << parsed.error().message() << Qt::endl;
        }
    };
    auto code = readCode();
    if (!code)
        return context.fail(code.error());
    auto passphrase = readDevicePassphrase(context);
    if (!passphrase)
        return context.fail(passphrase.error(), u"cannot read the new passphrase"_s);

    sync::QtNetworkTransport transport;
    sync::DeviceJoin join(transport, context.clock());
    sync::JoinRequest request;
    request.serverUrl = context.arguments().at(0);
    request.code = context.arguments().at(1);
    request.recoveryCode = *code;
    wipe(*code);
    request.profileFolder = folder;
    request.deviceName =
        context.isSet(u"device-name"_s) ? context.value(u"device-name"_s) : defaultDeviceName();
    request.kdf = *params;
    auto outcome = waitForJoin([&](sync::DeviceJoin::Callback done) {
        join.recover(request, std::move(passphrase).value(), std::move(done));
    });
    wipe(request.recoveryCode);
    // The ticket is claimed: another code may be tried against the same claim.
    while (!outcome && canAskAgain && attempts < kAttempts && join.canRetryRecoveryCode()) {
        context.err() << outcome.error().message << Qt::endl;
        auto again = readCode();
        if (!again)
            return context.fail(again.error());
        outcome = waitForJoin([&](sync::DeviceJoin::Callback done) {
            join.retryRecoveryCode(*again, std::move(done));
        });
        wipe(*again);
    }
    if (!outcome) {
        context.err() << "outward-cli: not restored: " << outcome.error().message << Qt::endl;
        return exitCodeForCall(outcome.error());
    }
    printJoined(context, outcome.value(), folder, true);
    return ExitOk;
}

} // namespace outward::cli
