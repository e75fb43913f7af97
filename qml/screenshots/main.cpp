// outward-screenshots: renders every main screen of the real app (the same QML module and C++
// types) on a seeded demo profile, at phone (390x844) and tablet (1024x1366) size, light and
// dark, into PNG files. `./dev screenshots` runs it into docs/screenshots/.
//
// The demo profile really connects to a team: the server's API runs in this process
// (demoserver.h), a lead's profile writes the team purpose, and the screens show each state of
// sync as it happens: not connected, a refused invite code, synced, a large first sync halfway,
// and a server that cannot be reached with a record it refused. Adding a device is shown from both
// ends: the first-run link form (empty, and refusing a code nobody offered), and the "Add a
// device" page with its code, then after a second device joined with it.
#include "core/crypto/kdfparams.h"
#include "core/profile/recordservice.h"
#include "platform/memorykeystore.h"
#include "platform/paths.h"
#include "qml/devicelinkoffer.h"
#include "qml/language.h"
#include "qml/screenshots/demoprofile.h"
#include "qml/screenshots/demoscheduler.h"
#include "qml/screenshots/demoserver.h"
#include "qml/session.h"
#include "qml/syncstatus.h"
#include "sync/client/devicejoin.h"
#include "sync/client/enrollment.h"
#include "sync/client/profilesyncstore.h"
#include "sync/client/syncengine.h"

#include <QDir>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QGuiApplication>
#include <QQmlApplicationEngine>
#include <QQmlEngineExtensionPlugin>
#include <QQuickItem>
#include <QQuickStyle>
#include <QQuickWindow>
#include <QSettings>
#include <QTemporaryDir>
#include <QTimer>

#include <algorithm>
#include <cstdio>
#include <functional>
#include <optional>

Q_IMPORT_QML_PLUGIN(OutwardPlugin)

using namespace Qt::StringLiterals;

namespace {

const QString kPassphrase = u"demo passphrase for screenshots"_s;
const outward::KdfParams kFast{1, 8 * 1024 * 1024};

struct Size
{
    const char *name;
    int width;
    int height;
};
constexpr Size kSizes[] = {{"phone", 390, 844}, {"tablet", 1024, 1366}};
struct Theme
{
    const char *name;
    int material; // Material.Light = 0, Material.Dark = 1
};
constexpr Theme kThemes[] = {{"light", 0}, {"dark", 1}};

void settle(int ms)
{
    QEventLoop loop;
    QTimer::singleShot(ms, &loop, &QEventLoop::quit);
    loop.exec();
}

bool waitFor(const std::function<bool()> &done, int timeoutMs = 20000)
{
    QElapsedTimer timer;
    timer.start();
    while (!done()) {
        if (timer.elapsed() > timeoutMs)
            return false;
        settle(20);
    }
    return true;
}

class Shooter
{
public:
    explicit Shooter(QString outDir)
        : m_outDir(std::move(outDir))
    {}

    // Loads Main.qml for the session provided last. Returns false when QML did not load.
    bool load()
    {
        m_engine = std::make_unique<QQmlApplicationEngine>();
        m_engine->addImportPath(u"qrc:/qt/qml"_s);
        m_engine->load(QUrl(u"qrc:/qt/qml/Outward/Main.qml"_s));
        if (m_engine->rootObjects().isEmpty())
            return false;
        m_window = qobject_cast<QQuickWindow *>(m_engine->rootObjects().first());
        if (m_window)
            m_window->show();
        return m_window != nullptr;
    }

    void unload()
    {
        m_window = nullptr;
        m_engine.reset();
    }

    // Every size and theme of what is on screen now; `prepare` runs after each resize (e.g. to
    // navigate), because layouts switch between phone and tablet shells.
    bool shootAll(const QString &screen, const std::function<void()> &prepare = {})
    {
        for (const Size &size : kSizes) {
            for (const Theme &theme : kThemes) {
                m_window->setProperty("themeOverride", theme.material);
                m_window->resize(size.width, size.height);
                settle(150);
                if (prepare)
                    prepare();
                settle(400); // transitions and lazy delegates
                const QImage image = m_window->grabWindow();
                const QString file = QDir(m_outDir).filePath(u"%1-%2-%3.png"_s.arg(
                    screen, QLatin1String(size.name), QLatin1String(theme.name)));
                if (image.isNull() || !image.save(file)) {
                    fprintf(stderr, "outward-screenshots: could not write %s\n", qPrintable(file));
                    return false;
                }
                printf("  %s\n", qPrintable(QDir::current().relativeFilePath(file)));
            }
        }
        return true;
    }

    void showScreen(const QString &name)
    {
        QMetaObject::invokeMethod(m_window, "showScreen", Q_ARG(QVariant, QVariant(name)));
    }

    // The visible item with this objectName (pages left on a stack are hidden), or null. Walks
    // the visual tree: pages a StackView made are not QObject children of the window's items.
    QQuickItem *find(const QString &objectName) const
    {
        return findIn(m_window->contentItem(), objectName);
    }

    static QQuickItem *findIn(QQuickItem *item, const QString &objectName)
    {
        if (!item || !item->isVisible())
            return nullptr;
        if (item->objectName() == objectName)
            return item;
        const auto children = item->childItems();
        for (QQuickItem *child : children) {
            if (QQuickItem *found = findIn(child, objectName))
                return found;
        }
        return nullptr;
    }

    // Scrolls the Flickable that holds the item so the item sits near the top of it.
    void reveal(const QString &objectName) const
    {
        QQuickItem *item = find(objectName);
        if (!item)
            return;
        for (QQuickItem *flick = item->parentItem(); flick; flick = flick->parentItem()) {
            if (flick->metaObject()->indexOfProperty("contentY") < 0)
                continue;
            QQuickItem *content = flick->property("contentItem").value<QQuickItem *>();
            if (!content)
                return;
            const qreal y = item->mapToItem(content, QPointF(0, 0)).y();
            const qreal most =
                std::max<qreal>(0, flick->property("contentHeight").toReal() - flick->height());
            flick->setProperty("contentY", std::clamp<qreal>(y - 96, 0, most));
            return;
        }
    }

private:
    QString m_outDir;
    std::unique_ptr<QQmlApplicationEngine> m_engine;
    QQuickWindow *m_window = nullptr;
};

int fail(const char *what)
{
    fprintf(stderr, "outward-screenshots: %s\n", what);
    return 1;
}

int fail(const QString &what)
{
    return fail(qPrintable(what));
}

bool holdsPurpose(outward::Profile &profile)
{
    outward::RecordQuery query;
    query.kind = outward::RecordKind::TeamPurpose;
    auto count = profile.store().count(query);
    return count && count.value() > 0;
}

// Types into the connect page as a person would and taps Connect.
void fillEnrollment(Shooter &shooter, const QString &server, const QString &code)
{
    const std::pair<const char *, QString> fields[] = {{"serverField", server},
                                                       {"codeField", code},
                                                       {"nameField", u"Sam Jansen"_s},
                                                       {"deviceField", u"Sam's phone"_s}};
    for (const auto &[name, text] : fields) {
        if (QQuickItem *field = shooter.find(QLatin1StringView(name)))
            field->setProperty("text", text);
    }
    if (QQuickItem *page = shooter.find(u"enrollPage"_s))
        QMetaObject::invokeMethod(page, "submit");
}

// Types into the first-run link form as a person would and taps "Add this device".
void fillJoin(Shooter &shooter, const QString &server, const QString &code)
{
    const std::pair<const char *, QString> fields[] = {{"joinServerField", server},
                                                       {"joinCodeField", code},
                                                       {"joinDeviceField", u"Sam's tablet"_s}};
    for (const auto &[name, text] : fields) {
        if (QQuickItem *field = shooter.find(QLatin1StringView(name)))
            field->setProperty("text", text);
    }
    for (const char *name : {"joinPassphrase", "joinRepeatPassphrase"}) {
        if (QQuickItem *field = shooter.find(QLatin1StringView(name)))
            field->setProperty("text", kPassphrase);
    }
    if (QQuickItem *page = shooter.find(u"joinButton"_s))
        QMetaObject::invokeMethod(page, "clicked");
}

// The "Add a device" page's offer, or null when the page is not shown.
QObject *linkOffer(Shooter &shooter)
{
    QQuickItem *page = shooter.find(u"addDevicePage"_s);
    return page ? page->property("offer").value<QObject *>() : nullptr;
}

int offerState(Shooter &shooter)
{
    QObject *offer = linkOffer(shooter);
    return offer ? offer->property("state").toInt() : -1;
}

} // namespace

int main(int argc, char *argv[])
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QGuiApplication app(argc, argv);
    outward::paths::setApplicationIdentity();
    QQuickStyle::setStyle(u"Material"_s);

    const QString outDir =
        QDir(argc > 1 ? QString::fromLocal8Bit(argv[1]) : u"docs/screenshots"_s).absolutePath();
    if (!QDir().mkpath(outDir))
        return fail("cannot create the output folder");
    QTemporaryDir work;
    if (!work.isValid())
        return fail("cannot create a temporary folder");
    // Settings of this run (auto-lock, language) stay in the temporary folder.
    QSettings::setDefaultFormat(QSettings::IniFormat);
    QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, work.filePath(u"settings"_s));
    // English with its plural forms and date formats, whatever this machine's language; or the
    // language OUTWARD_SCREENSHOTS_LANGUAGE names ("fr", "nl"), to see longer texts fit.
    const QString language = qEnvironmentVariable("OUTWARD_SCREENSHOTS_LANGUAGE", u"en"_s);
    QSettings().setValue(u"language"_s, language);
    outward::Language::installInitial();
    const outward::Clock &clock = outward::SystemClock::instance();
    Shooter shooter(outDir);

    outward::demo::DemoServer server(clock);
    if (!server.error().isEmpty())
        return fail(server.error());
    outward::demo::DemoScheduler scheduler;
    outward::SyncStatusOptions options;
    options.followReachability = false;
    options.engine.pushMaxItems = 50; // a large sync moves in steps the progress bar can show

    // A first start: no profile yet, or one to add to an account used on another device (a code
    // nobody offered is refused in place); then the recovery code of a new profile, shown once.
    {
        outward::Session session(work.filePath(u"new"_s), nullptr, clock, kFast);
        outward::Session::provide(&session);
        outward::SyncStatus firstSync(session, server, scheduler, clock, options);
        outward::SyncStatus::provide(&firstSync);
        if (!shooter.load())
            return fail("Main.qml did not load");
        if (!shooter.shootAll(u"first-run"_s))
            return 1;
        shooter.showScreen(u"join"_s);
        settle(200);
        if (QQuickItem *device = shooter.find(u"joinDeviceField"_s))
            device->setProperty("text", u"Sam's tablet"_s); // as this machine's name would be
        if (!shooter.shootAll(u"join"_s))
            return 1;
        fillJoin(shooter, server.url(), u"4K7Q-M2XD-9TRB-0WPZ-3HN8-C6VJ"_s);
        if (!waitFor([&] {
                QQuickItem *error = shooter.find(u"joinError"_s);
                return error && !error->property("text").toString().isEmpty();
            }))
            return fail("the unknown link code was not refused");
        if (!shooter.shootAll(u"join-error"_s, [&] { shooter.reveal(u"joinCodeField"_s); }))
            return 1;
        shooter.showScreen(u"first-run"_s);
        settle(200);
        session.createProfile(kPassphrase, kPassphrase);
        if (!waitFor([&] { return session.state() == outward::Session::ShowingRecoveryCode; }))
            return fail("the profile was not created");
        if (!shooter.shootAll(u"recovery-code"_s))
            return 1;
        shooter.unload();
        outward::SyncStatus::provide(nullptr);
    }

    // A profile in use: seeded with a believable week, not yet connected to a team.
    const QString demoFolder = work.filePath(u"demo"_s);
    {
        auto created = outward::Profile::create(
            demoFolder, outward::SecureBytes::fromPassphrase(kPassphrase), kFast, clock);
        if (!created)
            return fail(created.error().toString());
        if (auto seeded = outward::demo::seedOwnRecords(*created->profile, clock); !seeded)
            return fail(seeded.error().toString());
    }
    outward::MemoryKeyStore keyStore;
    outward::Session session(demoFolder, &keyStore, clock, kFast);
    outward::Session::provide(&session);
    outward::SyncStatus sync(session, server, scheduler, clock, options);
    outward::SyncStatus::provide(&sync);
    if (!shooter.load())
        return fail("Main.qml did not load");
    if (!shooter.shootAll(u"unlock"_s))
        return 1;
    session.unlock(kPassphrase, false);
    if (!waitFor([&] { return session.state() == outward::Session::Unlocked; }))
        return fail("the demo profile did not unlock");

    // Connecting: the empty page, then a code the server does not know, refused in place.
    if (!shooter.shootAll(u"settings-not-connected"_s, [&] { shooter.showScreen(u"settings"_s); }))
        return 1;
    if (!shooter.shootAll(u"connect"_s, [&] { shooter.showScreen(u"enroll"_s); }))
        return 1;
    shooter.showScreen(u"enroll"_s);
    settle(300);
    fillEnrollment(shooter, server.url(), u"7KQ2M-X9D4T-R0WPZ-3HB8N"_s);
    if (!waitFor([&] { return !sync.busy() && !sync.enrollError().isEmpty(); }))
        return fail("the unknown invite code was not refused");
    if (!shooter.shootAll(u"connect-error"_s))
        return 1;

    // The lead connects first and writes the team purpose; then Sam connects with a good code.
    auto lead = outward::Profile::create(
        work.filePath(u"lead"_s), outward::SecureBytes::fromPassphrase(kPassphrase), kFast, clock);
    if (!lead)
        return fail(lead.error().toString());
    outward::Profile &leadProfile = *lead->profile;
    {
        outward::sync::Enrollment enrollment(leadProfile, server, clock);
        std::optional<QString> leadError;
        enrollment.enroll({server.url(), server.invite(outward::server::Role::Lead),
                           u"Lea Moreau"_s, u"Lea's tablet"_s},
                          [&](outward::sync::CallResult<outward::sync::EnrollmentResult> result) {
                              leadError = result ? QString() : result.error().message;
                          });
        if (!waitFor([&] { return leadError.has_value(); }) || !leadError->isEmpty())
            return fail(u"the lead could not connect: "_s + leadError.value_or(QString()));
    }
    if (auto purpose = outward::demo::seedPurpose(leadProfile); !purpose)
        return fail(purpose.error().toString());

    fillEnrollment(shooter, server.url(), server.invite(outward::server::Role::Staff));
    if (!waitFor([&] {
            return sync.enrolled() && sync.state() == outward::SyncStatus::Idle &&
                   sync.unsentCount() == 0;
        }))
        return fail(u"the demo profile did not connect: "_s + sync.enrollError());

    // The lead's sync learns that Sam joined, wraps the purpose for Sam too and sends it; Sam's
    // next sync brings it.
    {
        outward::sync::ProfileSyncStore leadStore(leadProfile);
        outward::sync::SyncEngine leadEngine(leadStore, server, scheduler, clock);
        bool leadSynced = false;
        QObject::connect(&leadEngine, &outward::sync::SyncEngine::finished,
                         [&](const outward::sync::SyncReport &report) { leadSynced = report.ok; });
        leadEngine.start();
        if (!waitFor([&] { return leadSynced; }))
            return fail("the lead's sync did not finish");
        leadEngine.stop();
    }
    sync.syncNow();
    if (!waitFor([&] {
            return session.profile() && holdsPurpose(*session.profile()) &&
                   sync.state() == outward::SyncStatus::Idle;
        }))
        return fail("the team purpose did not reach the demo profile");

    for (const QString &screen :
         {u"home"_s, u"quick-log"_s, u"history"_s, u"reflections"_s, u"settings"_s}) {
        if (!shooter.shootAll(screen, [&] { shooter.showScreen(screen); }))
            return 1;
    }
    // Sharing with the lead, where a person decides it and where they see it afterwards.
    if (!shooter.shootAll(u"quick-log-share"_s, [&] {
            shooter.showScreen(u"quick-log-share"_s);
            if (QQuickItem *more = shooter.find(u"moreDetailsButton"_s))
                more->parentItem()->setProperty("showMore", true);
            settle(100);
            shooter.reveal(u"shareSwitch"_s);
        }))
        return 1;
    if (!shooter.shootAll(u"record-shared"_s, [&] {
            shooter.showScreen(u"record-shared"_s);
            settle(100);
            shooter.reveal(u"leadRow"_s);
        }))
        return 1;
    if (!shooter.shootAll(u"reflection-shared"_s, [&] {
            shooter.showScreen(u"reflection-shared"_s);
            settle(100);
            shooter.reveal(u"reflectionShare"_s);
        }))
        return 1;

    // Adding a device: the code on offer, then "added" once a second device joined with it.
    shooter.showScreen(u"add-device"_s);
    if (!waitFor([&] { return offerState(shooter) != outward::DeviceLinkOffer::Preparing; }) ||
        offerState(shooter) != outward::DeviceLinkOffer::Waiting)
        return fail("the add-a-device page made no code");
    if (!shooter.shootAll(u"add-device"_s))
        return 1;
    {
        outward::sync::DeviceJoin join(server, clock);
        outward::sync::JoinRequest request;
        request.serverUrl = server.url();
        request.code = linkOffer(shooter)->property("code").toString();
        request.profileFolder = work.filePath(u"tablet"_s);
        request.deviceName = u"Sam's tablet"_s;
        request.kdf = kFast;
        std::optional<QString> joinError;
        join.joinWithLinkCode(request, outward::SecureBytes::fromPassphrase(kPassphrase),
                              [&](outward::sync::CallResult<outward::sync::JoinResult> result) {
                                  joinError = result ? QString() : result.error().message;
                              });
        if (!waitFor([&] { return joinError.has_value(); }) || !joinError->isEmpty())
            return fail(u"the second device could not join: "_s + joinError.value_or(QString()));
    }
    if (!waitFor([&] { return offerState(shooter) == outward::DeviceLinkOffer::Added; }))
        return fail("the add-a-device page did not see the new device");
    if (!shooter.shootAll(u"add-device-done"_s))
        return 1;

    // A large sync, caught after two of its six pushes.
    if (auto backlog = outward::demo::seedBacklog(*session.profile(), clock, 300); !backlog)
        return fail(backlog.error().toString());
    session.notifyRecordsChanged();
    server.holdAfterPushes(2);
    sync.syncNow();
    if (!waitFor([&] { return sync.showProgress() && server.heldCount() > 0; }))
        return fail("the large sync showed no progress");
    if (!shooter.shootAll(u"settings-sync-progress"_s, [&] { shooter.showScreen(u"settings"_s); }))
        return 1;
    if (!shooter.shootAll(u"home-sync-progress"_s, [&] { shooter.showScreen(u"home"_s); }))
        return 1;
    server.release();
    if (!waitFor(
            [&] { return sync.state() == outward::SyncStatus::Idle && sync.unsentCount() == 0; }))
        return fail("the large sync did not finish");

    // Trouble: the server refuses one record (only a lead may write the team purpose), then
    // cannot be reached while three new records wait.
    if (auto purpose = outward::demo::seedPurpose(*session.profile()); !purpose)
        return fail(purpose.error().toString());
    session.notifyRecordsChanged();
    sync.syncNow();
    if (!waitFor(
            [&] { return sync.errorCount() == 1 && sync.state() == outward::SyncStatus::Idle; }))
        return fail("the refused record was not reported");
    server.setOffline(true);
    if (auto waiting = outward::demo::seedBacklog(*session.profile(), clock, 3); !waiting)
        return fail(waiting.error().toString());
    session.notifyRecordsChanged();
    sync.syncNow();
    if (!waitFor([&] { return sync.state() == outward::SyncStatus::WaitingToRetry; }))
        return fail("the unreachable server was not reported");
    scheduler.setPaused(true); // "trying again at ..." holds still while it is photographed
    if (!shooter.shootAll(u"settings-sync-problem"_s, [&] { shooter.showScreen(u"settings"_s); }))
        return 1;
    if (!shooter.shootAll(u"home-sync-problem"_s, [&] { shooter.showScreen(u"home"_s); }))
        return 1;
    shooter.unload();
    return 0;
}
