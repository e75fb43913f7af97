// Qt Quick Tests of the Outward screens and components (tst_*.qml beside this file). Each test
// file gets its own QML engine and its own Session on a fresh profile folder, with a key store
// in memory and a cheap Argon2id cost, so files never depend on each other's order. Each also
// gets its own server: the real server API in this process behind SyncStatus's transport,
// which test files reach as `testServer` (invite codes, request counts, going offline).
#include "core/crypto/kdfparams.h"
#include "core/model/clock.h"
#include "platform/memorykeystore.h"
#include "qml/session.h"
#include "qml/syncstatus.h"
#include "sync/client/scheduler.h"
#include "tests/qml/support/inprocessserver.h"

#include <QCoreApplication>
#include <QObject>
#include <QQmlContext>
#include <QQmlEngine>
#include <QQmlEngineExtensionPlugin>
#include <QQuickStyle>
#include <QSettings>
#include <QTemporaryDir>
#include <QtQuickTest>

#include <memory>
#include <vector>

Q_IMPORT_QML_PLUGIN(OutwardPlugin)

using namespace Qt::StringLiterals;

class Setup : public QObject
{
    Q_OBJECT

public slots:
    void applicationAvailable()
    {
        // Settings (auto-lock, "remembered") go to a throwaway folder, never the user's own.
        QCoreApplication::setOrganizationName(u"OutwardTests"_s);
        QCoreApplication::setApplicationName(u"tst_quick"_s);
        QSettings::setDefaultFormat(QSettings::IniFormat);
        QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, m_settings.path());
        QQuickStyle::setStyle(u"Material"_s);
        // tst_settings reads the exported file back with XMLHttpRequest.
        qputenv("QML_XHR_ALLOW_FILE_READ", "1");
    }

    void qmlEngineAvailable(QQmlEngine *engine)
    {
        engine->addImportPath(u"qrc:/qt/qml"_s);
        auto folder = std::make_unique<QTemporaryDir>();
        auto keyStore = std::make_unique<outward::MemoryKeyStore>();
        auto session = std::make_unique<outward::Session>(
            folder->filePath(u"profile"_s), keyStore.get(), outward::SystemClock::instance(),
            outward::KdfParams{1, 8 * 1024 * 1024});
        outward::Session::provide(session.get());
        auto server =
            std::make_unique<outward::test::InProcessServer>(outward::SystemClock::instance());
        outward::SyncStatusOptions options;
        options.followReachability = false;
        options.engine.debounceMs = 100;
        auto syncStatus = std::make_unique<outward::SyncStatus>(
            *session, server->transport(), m_scheduler, outward::SystemClock::instance(), options);
        outward::SyncStatus::provide(syncStatus.get());
        engine->rootContext()->setContextProperty(u"testServer"_s, server.get());
        // Kept until the end: an engine of an earlier file may still be tearing down.
        m_syncStatuses.push_back(std::move(syncStatus));
        m_servers.push_back(std::move(server));
        m_sessions.push_back(std::move(session));
        m_keyStores.push_back(std::move(keyStore));
        m_folders.push_back(std::move(folder));
    }

    void cleanupTestCase()
    {
        outward::SyncStatus::provide(nullptr);
        outward::Session::provide(nullptr);
        m_syncStatuses.clear();
        m_servers.clear();
        m_sessions.clear();
        m_keyStores.clear();
        m_folders.clear();
    }

private:
    QTemporaryDir m_settings;
    outward::sync::QtScheduler m_scheduler;
    std::vector<std::unique_ptr<QTemporaryDir>> m_folders;
    std::vector<std::unique_ptr<outward::MemoryKeyStore>> m_keyStores;
    std::vector<std::unique_ptr<outward::Session>> m_sessions;
    std::vector<std::unique_ptr<outward::test::InProcessServer>> m_servers;
    std::vector<std::unique_ptr<outward::SyncStatus>> m_syncStatuses;
};

QUICK_TEST_MAIN_WITH_SETUP(tst_quick, Setup)

#include "tst_quick.moc"
