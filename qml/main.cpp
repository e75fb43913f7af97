// The Outward app: the QML module over the core, on a local profile.
#include "core/model/clock.h"
#include "platform/paths.h"
#include "platform/qtkeychainstore.h"
#include "qml/language.h"
#include "qml/session.h"
#include "qml/syncstatus.h"
#include "sync/client/qtnetworktransport.h"
#include "sync/client/scheduler.h"

#include <QDir>
#include <QElapsedTimer>
#include <QGuiApplication>
#include <QQmlApplicationEngine>
#include <QQmlEngineExtensionPlugin>
#include <QQuickStyle>
#include <QQuickWindow>

#include <cstdio>

Q_IMPORT_QML_PLUGIN(OutwardPlugin)

using namespace Qt::StringLiterals;

namespace {

// Without a display Qt would abort with a cryptic message; say what to do instead.
bool hasDisplay()
{
#if defined(Q_OS_LINUX)
    const QByteArray platform = qgetenv("QT_QPA_PLATFORM");
    if (!platform.isEmpty())
        return true;
    return qEnvironmentVariableIsSet("DISPLAY") || qEnvironmentVariableIsSet("WAYLAND_DISPLAY");
#else
    return true;
#endif
}

} // namespace

int main(int argc, char *argv[])
{
    if (!hasDisplay()) {
        fputs("outward: there is no display to show the app on.\n"
              "Run it inside a virtual display:  xvfb-run ./dev run\n"
              "or use the command line client:   outward-cli help\n",
              stderr);
        return 1;
    }
    QElapsedTimer sinceStart;
    sinceStart.start();

    QGuiApplication app(argc, argv);
    outward::paths::setApplicationIdentity();
    QGuiApplication::setApplicationDisplayName(u"Outward"_s);
    QQuickStyle::setStyle(u"Material"_s);
    outward::Language::installInitial();

    QString folder = qEnvironmentVariable("OUTWARD_PROFILE");
    if (folder.isEmpty())
        folder = outward::paths::defaultProfileFolder();
    folder = QDir::cleanPath(QDir::current().absoluteFilePath(folder));

    outward::QtKeychainStore keyStore;
    outward::Session session(folder, &keyStore, outward::SystemClock::instance(),
                             outward::KdfParams::forThisDevice());
    outward::Session::provide(&session);
    // Sync runs while the profile is unlocked and enrolled; SyncStatus starts and stops it.
    outward::sync::QtNetworkTransport transport;
    outward::sync::QtScheduler scheduler;
    outward::SyncStatus syncStatus(session, transport, scheduler, outward::SystemClock::instance());
    outward::SyncStatus::provide(&syncStatus);
    // "Remember on this device": unlock from the OS key store at once; while it answers the lock
    // screen shows, and on failure it says so and offers the passphrase.
    if (session.remembered())
        session.unlockWithDevice();

    QQmlApplicationEngine engine;
    engine.addImportPath(u"qrc:/qt/qml"_s);
    QObject::connect(
        &engine, &QQmlApplicationEngine::objectCreationFailed, &app,
        [] { QCoreApplication::exit(1); }, Qt::QueuedConnection);
    engine.load(QUrl(u"qrc:/qt/qml/Outward/Main.qml"_s));
    if (engine.rootObjects().isEmpty())
        return 1;

    // For ./dev bench: the time from process start to the first frame on screen; while the key
    // store unlocks a remembered profile, to the first frame after it answered ("unlocked").
    if (qEnvironmentVariableIsSet("OUTWARD_REPORT_FIRST_FRAME")) {
        if (auto *window = qobject_cast<QQuickWindow *>(engine.rootObjects().first())) {
            const auto reportNextFrame = [&sinceStart, &session, window] {
                const char *shown =
                    session.state() == outward::Session::Unlocked ? "unlocked" : "locked";
                QObject::connect(
                    window, &QQuickWindow::frameSwapped, window,
                    [&sinceStart, shown] {
                        printf("first-frame-ms %lld %s\n",
                               static_cast<long long>(sinceStart.elapsed()), shown);
                        fflush(stdout);
                        if (qEnvironmentVariableIsSet("OUTWARD_QUIT_AFTER_FIRST_FRAME"))
                            QCoreApplication::quit();
                    },
                    Qt::SingleShotConnection);
                window->update();
            };
            if (session.busy()) // the key store is answering: after its answer was applied
                QObject::connect(
                    &session, &outward::Session::busyChanged, window, reportNextFrame,
                    Qt::ConnectionType(Qt::QueuedConnection | Qt::SingleShotConnection));
            else
                reportNextFrame();
        }
    }
    return QGuiApplication::exec();
}
