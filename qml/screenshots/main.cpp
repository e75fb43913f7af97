// outward-screenshots: renders every main screen of the real app (the same QML module and C++
// types) on a seeded demo profile, at phone (390x844) and tablet (1024x1366) size, light and
// dark, into PNG files. `./dev screenshots` runs it into docs/screenshots/.
#include "core/crypto/kdfparams.h"
#include "platform/memorykeystore.h"
#include "platform/paths.h"
#include "qml/screenshots/demoprofile.h"
#include "qml/session.h"

#include <QDir>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QGuiApplication>
#include <QQmlApplicationEngine>
#include <QQmlEngineExtensionPlugin>
#include <QQuickStyle>
#include <QQuickWindow>
#include <QSettings>
#include <QTemporaryDir>
#include <QTimer>

#include <cstdio>
#include <functional>

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
    const outward::Clock &clock = outward::SystemClock::instance();
    Shooter shooter(outDir);

    // A first start: no profile yet, then the recovery code shown once.
    {
        outward::Session session(work.filePath(u"new"_s), nullptr, clock, kFast);
        outward::Session::provide(&session);
        if (!shooter.load())
            return fail("Main.qml did not load");
        if (!shooter.shootAll(u"first-run"_s))
            return 1;
        session.createProfile(kPassphrase, kPassphrase);
        if (!waitFor([&] { return session.state() == outward::Session::ShowingRecoveryCode; }))
            return fail("the profile was not created");
        if (!shooter.shootAll(u"recovery-code"_s))
            return 1;
        shooter.unload();
    }

    // A profile in use: seeded with a believable week.
    const QString demoFolder = work.filePath(u"demo"_s);
    {
        auto created = outward::Profile::create(
            demoFolder, outward::SecureBytes::fromPassphrase(kPassphrase), kFast, clock);
        if (!created)
            return fail(qPrintable(created.error().toString()));
        if (auto seeded = outward::demo::seed(*created->profile, clock); !seeded)
            return fail(qPrintable(seeded.error().toString()));
    }
    outward::MemoryKeyStore keyStore;
    outward::Session session(demoFolder, &keyStore, clock, kFast);
    outward::Session::provide(&session);
    if (!shooter.load())
        return fail("Main.qml did not load");
    if (!shooter.shootAll(u"unlock"_s))
        return 1;
    session.unlock(kPassphrase, false);
    if (!waitFor([&] { return session.state() == outward::Session::Unlocked; }))
        return fail("the demo profile did not unlock");
    for (const QString &screen :
         {u"home"_s, u"quick-log"_s, u"history"_s, u"reflections"_s, u"settings"_s}) {
        if (!shooter.shootAll(screen, [&] { shooter.showScreen(screen); }))
            return 1;
    }
    shooter.unload();
    return 0;
}
