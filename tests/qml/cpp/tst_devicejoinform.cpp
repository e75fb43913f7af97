// DeviceJoinForm (first run, "I already use Outward on another device") against the real server
// API in this process: an enrolled device offers a link code, a fresh app joins with it and the
// session opens the new profile unlocked and connected, records converge both ways; a wrong,
// expired or used code, and typos caught before any request, each say what to do and keep what
// was typed.
#include "core/profile/recordservice.h"
#include "qml/devicejoinform.h"
#include "qml/language.h"
#include "qml/session.h"
#include "qml/syncstatus.h"
#include "sessionfixture.h"
#include "sync/client/devicelink.h"
#include "sync/client/enrollment.h"
#include "sync/client/profilesyncstore.h"
#include "sync/client/syncengine.h"
#include "tests/qml/support/inprocessserver.h"
#include "tests/support/logcapture.h"
#include "tests/sync/client/support/manualscheduler.h"

#include <QJsonObject>
#include <QSignalSpy>

using namespace outward;
using namespace outward::test;
using namespace Qt::StringLiterals;

namespace {

const QString kNewPassphrase = u"violet harbour seven lanterns"_s;
// Well formed, but no device offered it.
const QString kUnknownCode = u"4K7Q-M2XD-9TRB-0WPZ-3HN8-C6VJ"_s;

QUuid addNote(Profile &profile, const QString &text)
{
    auto added = RecordService(profile).add(RecordKind::Interaction,
                                            QJsonObject{{u"channel"_s, u"phone"_s},
                                                        {u"endEmotion"_s, u"appreciation"_s},
                                                        {u"note"_s, text}});
    if (!added)
        qFatal("adding a record failed: %s", qPrintable(added.error().toString()));
    return added->header.id;
}

QStringList notes(Profile &profile)
{
    QStringList all;
    auto listed = RecordService(profile).forEach(RecordQuery{}, [&all](const RecordView &view) {
        all << view.json.value(u"note"_s).toString();
        return true;
    });
    if (!listed)
        qFatal("listing records failed: %s", qPrintable(listed.error().toString()));
    all.sort();
    return all;
}

} // namespace

class TestDeviceJoinForm : public QObject
{
    Q_OBJECT

private:
    ManualClock clock{QDateTime::currentMSecsSinceEpoch()};
    std::unique_ptr<QTemporaryDir> dir;
    std::unique_ptr<InProcessServer> server;
    std::unique_ptr<sync::test::ManualScheduler> scheduler;
    std::unique_ptr<Profile> first; // the device the person already uses
    std::unique_ptr<sync::DeviceLink> link;
    MemoryKeyStore keyStore;
    std::unique_ptr<Session> session; // the new device's app, before its first profile
    std::unique_ptr<SyncStatus> status;
    std::unique_ptr<DeviceJoinForm> form;

    QString newFolder() const { return dir->filePath(u"device"_s); }

    void enrolFirst()
    {
        auto created =
            createProfileOrDie(dir->filePath(u"first"_s), "first device passphrase", clock);
        first = std::move(created.profile);
        sync::Enrollment enrollment(*first, server->transport(), clock);
        std::optional<bool> ok;
        enrollment.enroll(
            {server->url(), server->newInvite(), u"Ada"_s, u"Ada's phone"_s},
            [&ok](sync::CallResult<sync::EnrollmentResult> result) { ok = result.ok(); });
        QTRY_VERIFY_WITH_TIMEOUT(ok.has_value(), 10000);
        QVERIFY(*ok);
    }

    sync::SyncReport syncFirst()
    {
        sync::ProfileSyncStore store(*first);
        sync::test::ManualScheduler timers(clock);
        sync::SyncEngine engine(store, server->transport(), timers, clock);
        QSignalSpy finished(&engine, &sync::SyncEngine::finished);
        engine.start();
        if (!finished.wait(10000))
            qFatal("the first device's sync did not finish");
        engine.stop();
        return finished.constFirst().constFirst().value<sync::SyncReport>();
    }

    // The first device's "Add a device": a code on offer.
    QString offerCode()
    {
        link = std::make_unique<sync::DeviceLink>(*first, server->transport(), *scheduler, clock);
        link->start();
        if (!QTest::qWaitFor(
                [this] { return link->state() != sync::DeviceLink::State::Offering; }) ||
            link->state() != sync::DeviceLink::State::Waiting)
            qFatal("no link code: %s", qPrintable(link->message()));
        return link->linkCode();
    }

    void fill(const QString &code)
    {
        form->setProperty("serverUrl", server->url());
        form->setProperty("code", code);
        form->setProperty("deviceName", u"Ada's tablet"_s);
    }

    // Joins and waits for the end; true when the session opened the new profile.
    bool joinAndWait(const QString &passphrase = kNewPassphrase)
    {
        QSignalSpy joined(form.get(), &DeviceJoinForm::joined);
        form->join(passphrase, passphrase);
        if (!QTest::qWaitFor([&] { return !form->busy() || !joined.isEmpty(); }, 15000))
            qFatal("joining did not end");
        return !joined.isEmpty();
    }

    // What a failure must leave: the same fields, no profile, the folder still free.
    void verifyNothingChanged(const QString &code)
    {
        QCOMPARE(form->property("serverUrl").toString(), server->url());
        QCOMPARE(form->property("code").toString(), code);
        QCOMPARE(form->property("deviceName").toString(), u"Ada's tablet"_s);
        QCOMPARE(form->step(), DeviceJoinForm::Failed);
        QVERIFY(!form->busy());
        QCOMPARE(session->state(), Session::NoProfile);
        QVERIFY(Profile::checkFolderIsFree(newFolder(), clock).ok());
        QVERIFY(!status->enrolled());
    }

private slots:
    void initTestCase()
    {
        isolateSettings();
        QSettings().setValue(u"language"_s, u"en"_s);
        Language::installInitial();
    }

    void init()
    {
        QSettings().clear();
        dir = std::make_unique<QTemporaryDir>();
        QVERIFY(dir->isValid());
        server = std::make_unique<InProcessServer>(clock);
        QVERIFY(server->isValid());
        scheduler = std::make_unique<sync::test::ManualScheduler>(clock);
        enrolFirst();
        session = std::make_unique<Session>(newFolder(), &keyStore, clock, fastKdf());
        Session::provide(session.get());
        QCOMPARE(session->state(), Session::NoProfile);
        SyncStatusOptions options;
        options.followReachability = false;
        status =
            std::make_unique<SyncStatus>(*session, server->transport(), *scheduler, clock, options);
        SyncStatus::provide(status.get());
        form = std::make_unique<DeviceJoinForm>();
    }

    void cleanup()
    {
        form.reset();
        SyncStatus::provide(nullptr);
        status.reset();
        Session::provide(nullptr);
        session.reset();
        link.reset();
        first.reset();
        scheduler.reset();
        server.reset();
        dir.reset();
    }

    void joinsWithTheCodeAndTheRecordsConverge()
    {
        LogCapture logs;
        addNote(*first, u"before linking 1"_s);
        addNote(*first, u"before linking 2"_s);
        addNote(*first, u"before linking 3"_s);
        QVERIFY(syncFirst().ok);
        const QString code = offerCode();

        QCOMPARE(form->property("deviceName").toString(), SyncStatus::deviceNameSuggestion());
        QSignalSpy steps(form.get(), &DeviceJoinForm::stepChanged);
        QSignalSpy opened(session.get(), &Session::profileJoined);
        // Typed loosely: lower case, spaces instead of dashes.
        fill(code.toLower().replace(u'-', u' '));
        QSignalSpy joined(form.get(), &DeviceJoinForm::joined);
        form->join(kNewPassphrase, kNewPassphrase);
        QVERIFY(form->busy());
        QCOMPARE(form->step(), DeviceJoinForm::Checking);
        QCOMPARE(form->stepText(), u"Checking the link code\u2026"_s);
        QVERIFY(joined.wait(15000));
        QCOMPARE(form->step(), DeviceJoinForm::Opened);
        QVERIFY(form->error().isEmpty());
        QVERIFY(form->fieldErrors().isEmpty());
        QVERIFY(steps.count() >= 4); // checking, opening, registering, saving, opened

        // The session has the new profile, unlocked, of the same account, and sync runs.
        QCOMPARE(opened.count(), 1);
        QCOMPARE(session->state(), Session::Unlocked);
        QVERIFY(session->profile() != nullptr);
        QCOMPARE(session->profile()->userId(), first->userId());
        QCOMPARE(session->profile()->folder(), newFolder());
        QVERIFY(status->enrolled());
        QCOMPARE(status->serverUrl(), server->url());
        QCOMPARE(status->teamName(), server->teamName());
        QTRY_COMPARE_WITH_TIMEOUT(status->state(), SyncStatus::Idle, 10000);
        QCOMPARE(notes(*session->profile()), notes(*first));
        QCOMPARE(notes(*session->profile()).size(), 3);

        // The first device sees it added, by name.
        QVERIFY(scheduler->runNext().has_value());
        QTRY_COMPARE(link->state(), sync::DeviceLink::State::Registered);
        QCOMPARE(link->newDeviceName(), u"Ada's tablet"_s);

        // And back: a record written on the new device reaches the first one.
        addNote(*session->profile(), u"written on the tablet"_s);
        session->notifyRecordsChanged();
        status->syncNow();
        QTRY_COMPARE_WITH_TIMEOUT(status->unsentCount(), 0, 10000);
        QTRY_COMPARE_WITH_TIMEOUT(status->state(), SyncStatus::Idle, 10000);
        QCOMPARE(syncFirst().pulled, 1);
        QCOMPARE(notes(*first), notes(*session->profile()));
        QCOMPARE(notes(*first).size(), 4);
        QVERIFY2(!logs.anyContains(code), "the link code reached a log line");

        // The new device opens with its own passphrase after a restart.
        const QString folder = session->profileFolder();
        SyncStatus::provide(nullptr);
        status.reset();
        Session::provide(nullptr);
        session.reset();
        Session again(folder, &keyStore, clock, fastKdf());
        QCOMPARE(again.state(), Session::Locked);
        again.unlock(kNewPassphrase, false);
        QTRY_COMPARE_WITH_TIMEOUT(again.state(), Session::Unlocked, 10000);
    }

    void aWrongCodeSaysSoAndKeepsWhatWasTyped()
    {
        fill(kUnknownCode);
        QVERIFY(!joinAndWait());
        QVERIFY2(
            form->error().startsWith(u"This server has no device waiting with this link code"_s),
            qPrintable(form->error()));
        QVERIFY(form->error().endsWith(u'.'));
        verifyNothingChanged(kUnknownCode);

        // Corrected, it works: nothing of the failed attempt is in the way.
        const QString code = offerCode();
        form->setProperty("code", code);
        QVERIFY(joinAndWait());
        QVERIFY(form->error().isEmpty());
        QCOMPARE(session->state(), Session::Unlocked);
    }

    void anExpiredCodeSaysSo()
    {
        const QString code = offerCode();
        clock.setNowMs(clock.nowMs() + 10 * 60'000 + 1'000);
        fill(code);
        QVERIFY(!joinAndWait());
        QVERIFY2(form->error().startsWith(u"The link code has expired"_s),
                 qPrintable(form->error()));
        QVERIFY(form->error().contains(u"make a new one on your other device"_s));
        verifyNothingChanged(code);
    }

    void aUsedCodeSaysSo()
    {
        const QString code = offerCode();
        QVERIFY(server->joinWithCode(code, u"someone's laptop"_s));
        fill(code);
        QVERIFY(!joinAndWait());
        QVERIFY2(form->error().startsWith(u"This link code was already used"_s),
                 qPrintable(form->error()));
        verifyNothingChanged(code);
    }

    void typosAreCaughtBeforeAnyRequest()
    {
        struct Case
        {
            const char *name;
            QString server;
            QString code;
            QString device;
            QString passphrase;
            QString repeated;
            QString field;
            QString starts;
        };
        const QString good = kUnknownCode;
        const QList<Case> cases = {
            {"no server", u""_s, good, u"Tab"_s, kNewPassphrase, kNewPassphrase, u"serverUrl"_s,
             u"Enter the server address"_s},
            {"plain http elsewhere",
             u"http://sync.example.org"_s,
             good,
             u"Tab"_s,
             kNewPassphrase,
             kNewPassphrase,
             u"serverUrl"_s,
             {}},
            {"no code", server->url(), u""_s, u"Tab"_s, kNewPassphrase, kNewPassphrase, u"code"_s,
             u"Enter the link code"_s},
            {"a digit short", server->url(), good.chopped(1), u"Tab"_s, kNewPassphrase,
             kNewPassphrase, u"code"_s,
             u"A link code has 24 letters and digits; this one has 23"_s},
            {"an invite code", server->url(), u"7KQ2M-X9D4T-R0WPZ-3HB8N"_s, u"Tab"_s,
             kNewPassphrase, kNewPassphrase, u"code"_s, u"This looks like an invite code"_s},
            {"not a code's character",
             server->url(),
             u"4K7Q-M2XD-9TRB-0WPZ-3HN8-C6V#"_s,
             u"Tab"_s,
             kNewPassphrase,
             kNewPassphrase,
             u"code"_s,
             {}},
            {"no device name", server->url(), good, u"  "_s, kNewPassphrase, kNewPassphrase,
             u"deviceName"_s, u"Enter a name for this device"_s},
            {"a device name too long", server->url(), good, QString(101, u'x'), kNewPassphrase,
             kNewPassphrase, u"deviceName"_s, u"Use at most 100 characters"_s},
            {"passphrases differ", server->url(), good, u"Tab"_s, kNewPassphrase,
             kNewPassphrase + u"!"_s, u"passphrase"_s, u"The two passphrases differ"_s},
            {"too short",
             server->url(),
             good,
             u"Tab"_s,
             u"short"_s,
             u"short"_s,
             u"passphrase"_s,
             {}},
        };
        const qsizetype requestsBefore = server->transport().requests().size();
        for (const Case &c : cases) {
            form->setProperty("serverUrl", c.server);
            form->setProperty("code", c.code);
            form->setProperty("deviceName", c.device);
            form->join(c.passphrase, c.repeated);
            QVERIFY2(!form->busy(), c.name);
            QCOMPARE(form->step(), DeviceJoinForm::Failed);
            const QVariantMap errors = form->fieldErrors();
            QVERIFY2(errors.size() == 1,
                     qPrintable(
                         u"%1: %2"_s.arg(QLatin1String(c.name)).arg(errors.keys().join(u", "_s))));
            const QString message = errors.value(c.field).toString();
            QVERIFY2(!message.isEmpty(), c.name);
            QVERIFY2(message.startsWith(c.starts), qPrintable(message));
            // A sentence: a capital (or a quoted character) first, a full stop at the end.
            QVERIFY2((message.at(0).isUpper() || message.at(0) == u'"') && message.endsWith(u'.'),
                     qPrintable(message));
            QVERIFY(form->error().isEmpty());
            QCOMPARE(form->property("code").toString(), c.code); // kept as typed
        }
        QCOMPARE(server->transport().requests().size(), requestsBefore);
        QCOMPARE(session->state(), Session::NoProfile);

        form->clearErrors();
        QVERIFY(form->fieldErrors().isEmpty());
    }

    void aDeviceThatHasAProfileOpensItInstead()
    {
        {
            auto created = createProfileOrDie(newFolder(), "already here", clock);
        }
        Session existing(newFolder(), &keyStore, clock, fastKdf());
        Session::provide(&existing);
        fill(offerCode());
        form->join(kNewPassphrase, kNewPassphrase);
        QVERIFY(!form->busy());
        QVERIFY2(form->error().contains(u"already holds a profile"_s), qPrintable(form->error()));
        Session::provide(session.get());
    }

    void theCodeIsGroupedAsTyped()
    {
        QCOMPARE(DeviceJoinForm::formatCode(u"4k7qm2"_s), u"4K7Q-M2"_s);
        QCOMPARE(DeviceJoinForm::formatCode(u"4K7Q-M2XD 9trb"_s), u"4K7Q-M2XD-9TRB"_s);
        QCOMPARE(DeviceJoinForm::formatCode(u"4k7q-"_s), u"4K7Q"_s);
        QCOMPARE(DeviceJoinForm::formatCode(u"4k#q"_s), u"4K#Q"_s);
    }
};

QTEST_GUILESS_MAIN(TestDeviceJoinForm)

#include "tst_devicejoinform.moc"
