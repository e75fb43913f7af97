// DeviceLinkOffer (the "Add a device" page) against the real server API in this process: the code
// shown in groups with its countdown until a new device joins with it, expiry and a new code,
// cancel, locking and leaving the page, and failures that say what to do.
#include "qml/devicelinkoffer.h"
#include "qml/language.h"
#include "qml/syncstatus.h"
#include "sessionfixture.h"
#include "sync/client/apiclient.h"
#include "sync/client/devicelink.h"
#include "sync/protocol/crockford.h"
#include "sync/protocol/signedmessages.h"
#include "tests/qml/support/inprocessserver.h"
#include "tests/support/logcapture.h"
#include "tests/sync/client/support/manualscheduler.h"

#include <QRegularExpression>
#include <QSignalSpy>

using namespace outward;
using namespace outward::test;
using namespace Qt::StringLiterals;

class TestDeviceLinkOffer : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<SessionFixture> f;
    std::unique_ptr<InProcessServer> server;
    std::unique_ptr<sync::test::ManualScheduler> scheduler;
    std::unique_ptr<SyncStatus> status;
    std::unique_ptr<DeviceLinkOffer> offer;

    void enrol()
    {
        QSignalSpy finished(status.get(), &SyncStatus::enrollFinished);
        status->enroll(server->url(), server->newInvite(), u"Ada"_s, u"Ada's phone"_s);
        QVERIFY(finished.wait(10000));
        QVERIFY2(finished.at(0).at(0).toBool(), qPrintable(status->enrollError()));
        QTRY_COMPARE_WITH_TIMEOUT(status->state(), SyncStatus::Idle, 10000);
        QCOMPARE(scheduler->pendingCount(), 0); // an idle engine waits for nothing
    }

    // Starts the offer and waits until the code is shown.
    QString startAndWaitForCode()
    {
        offer->start();
        if (!QTest::qWaitFor([this] { return offer->state() != DeviceLinkOffer::Preparing; }))
            qFatal("no code was made");
        if (offer->state() != DeviceLinkOffer::Waiting)
            qFatal("no code: %s", qPrintable(offer->message()));
        return offer->code();
    }

    // Runs the next poll and waits until its answer was handled.
    void pollOnce()
    {
        QVERIFY(scheduler->runNext().has_value());
        QVERIFY(QTest::qWaitFor([this] { return scheduler->pendingCount() > 0 || !offer->live(); },
                                5000));
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
        f = std::make_unique<SessionFixture>();
        QVERIFY(f->startUnlocked());
        server = std::make_unique<InProcessServer>(f->clock);
        QVERIFY(server->isValid());
        scheduler = std::make_unique<sync::test::ManualScheduler>(f->clock);
        SyncStatusOptions options;
        options.followReachability = false;
        status = std::make_unique<SyncStatus>(*f->session, server->transport(), *scheduler,
                                              f->clock, options);
        SyncStatus::provide(status.get());
        offer = std::make_unique<DeviceLinkOffer>();
    }

    void cleanup()
    {
        offer.reset();
        SyncStatus::provide(nullptr);
        status.reset();
        f.reset();
        server.reset();
        scheduler.reset();
    }

    void showsTheCodeUntilANewDeviceIsAdded()
    {
        LogCapture logs;
        enrol();
        QSignalSpy changed(offer.get(), &DeviceLinkOffer::stateChanged);
        QCOMPARE(offer->state(), DeviceLinkOffer::Idle);
        offer->start();
        QCOMPARE(offer->state(), DeviceLinkOffer::Preparing);
        QVERIFY(offer->live());
        QVERIFY(offer->code().isEmpty());
        QTRY_COMPARE(offer->state(), DeviceLinkOffer::Waiting);

        const QString code = offer->code();
        QVERIFY2(QRegularExpression(u"^([0-9A-HJKMNP-TV-Z]{4}-){5}[0-9A-HJKMNP-TV-Z]{4}$"_s)
                     .match(code)
                     .hasMatch(),
                 "the code is six groups of four Crockford digits");
        QCOMPARE(offer->codeGroups().size(), 6);
        QCOMPARE(offer->codeGroups().join(u'-'), code);
        QCOMPARE(offer->serverUrl(), server->url());
        QCOMPARE(offer->expiresAt().toMSecsSinceEpoch(), f->clock.nowMs() + 10 * 60'000);
        QCOMPARE(offer->secondsLeft(), 600);
        QCOMPARE(offer->countdownText(), u"10:00"_s);
        f->clock.setNowMs(f->clock.nowMs() + 61'500);
        QCOMPARE(offer->secondsLeft(), 539); // rounded up: never "0:00" while it still works
        QCOMPARE(offer->countdownText(), u"8:59"_s);

        pollOnce();
        QCOMPARE(offer->state(), DeviceLinkOffer::Waiting);
        QCOMPARE(offer->code(), code);

        // Another device joins with the code (lower case, as typed); the next poll sees it added.
        QVERIFY(server->joinWithCode(code.toLower(), u"Ada's tablet"_s));
        pollOnce();
        QTRY_COMPARE(offer->state(), DeviceLinkOffer::Added);
        QVERIFY(!offer->live());
        QCOMPARE(offer->newDeviceName(), u"Ada's tablet"_s);
        QCOMPARE(offer->message(), u"\u201cAda's tablet\u201d was added to your account."_s);
        QVERIFY(offer->code().isEmpty());
        QVERIFY(offer->codeGroups().isEmpty());
        QCOMPARE(offer->secondsLeft(), 0);
        QCOMPARE(scheduler->pendingCount(), 0); // no more polling
        QVERIFY(changed.count() >= 3);
        QVERIFY2(!logs.anyContains(code), "the link code reached a log line");
    }

    void anExpiredCodeOffersANewOne()
    {
        enrol();
        const QString first = startAndWaitForCode();
        f->clock.setNowMs(f->clock.nowMs() + 10 * 60'000 + 1'000);
        QCOMPARE(offer->secondsLeft(), 0);
        QCOMPARE(offer->countdownText(), u"0:00"_s);
        pollOnce();
        QTRY_COMPARE(offer->state(), DeviceLinkOffer::Expired);
        QVERIFY2(offer->message().startsWith(u"The code expired"_s), qPrintable(offer->message()));
        QVERIFY(offer->code().isEmpty());
        QVERIFY(!server->joinWithCode(first, u"late"_s));

        // "Make a new code"
        const QString second = startAndWaitForCode();
        QVERIFY(!second.isEmpty());
        QVERIFY(second != first);
        QCOMPARE(offer->secondsLeft(), 600);
    }

    void cancelDropsTheCode()
    {
        enrol();
        const QString code = startAndWaitForCode();
        offer->cancel();
        QCOMPARE(offer->state(), DeviceLinkOffer::Cancelling);
        QVERIFY(offer->code().isEmpty());
        QTRY_COMPARE(offer->state(), DeviceLinkOffer::Cancelled);
        QCOMPARE(offer->message(), u"The code was cancelled."_s);
        QCOMPARE(server->requestCount(u"DELETE"_s, {}), 1);
        QVERIFY(!server->joinWithCode(code, u"too late"_s));
        QCOMPARE(scheduler->pendingCount(), 0);
    }

    void aCancelTheServerDidNotHearSaysTheCodeStillWorks()
    {
        enrol();
        const QString code = startAndWaitForCode();
        server->setOffline(true);
        offer->cancel();
        QTRY_COMPARE(offer->state(), DeviceLinkOffer::Cancelled);
        QVERIFY2(offer->message().contains(u"could not be told"_s), qPrintable(offer->message()));
        QVERIFY2(offer->message().contains(u"keeps working until"_s), qPrintable(offer->message()));
        QVERIFY(offer->code().isEmpty());
        // It is true: the offer is still on the server.
        server->setOffline(false);
        QVERIFY(server->joinWithCode(code, u"still works"_s));
    }

    void aUsedCodeIsHiddenAndCancellingWarns()
    {
        enrol();
        const QString code = startAndWaitForCode();
        // A device claims the code (protocol.md 14.3) and has not registered yet.
        auto secret = protocol::crockford::linkSecretFromCode(code);
        OUTWARD_VERIFY_OK(secret);
        auto mailbox = protocol::signing::linkMailboxId(secret.value());
        OUTWARD_VERIFY_OK(mailbox);
        sync::ApiClient api(server->transport(), f->clock);
        api.setBaseUrl(QUrl(server->url()));
        std::optional<bool> claimed;
        api.claimLink(protocol::LinkClaimRequest{mailbox.value()},
                      [&claimed](sync::CallResult<protocol::LinkClaimResponse> response) {
                          claimed = response.ok();
                      });
        QTRY_VERIFY(claimed.has_value());
        QVERIFY(*claimed);

        pollOnce();
        QCOMPARE(offer->state(), DeviceLinkOffer::Claimed);
        QVERIFY(offer->live());
        QVERIFY(offer->code().isEmpty()); // used: never shown again
        offer->cancel();
        QTRY_COMPARE(offer->state(), DeviceLinkOffer::Cancelled);
        QVERIFY2(offer->message().contains(u"it has seen your keys"_s),
                 qPrintable(offer->message()));
    }

    void lockingCancelsTheCode()
    {
        enrol();
        const QString code = startAndWaitForCode();
        f->session->lock();
        QVERIFY(offer->code().isEmpty()); // gone from the screen at once
        QTRY_COMPARE(offer->state(), DeviceLinkOffer::Cancelled);
        QVERIFY2(offer->message().contains(u"locked"_s), qPrintable(offer->message()));
        QVERIFY(!server->joinWithCode(code, u"too late"_s));
    }

    void leavingThePageCancelsTheCode()
    {
        enrol();
        const QString code = startAndWaitForCode();
        offer.reset();
        // The link finishes on its own, kept by SyncStatus: the server drops the offer.
        QTRY_COMPARE(server->requestCount(u"DELETE"_s, {}), 1);
        QTRY_VERIFY(status->findChildren<sync::DeviceLink *>().isEmpty());
        QVERIFY(!server->joinWithCode(code, u"too late"_s));
        QCOMPARE(scheduler->pendingCount(), 0);
    }

    void needsAProfileConnectedToATeam()
    {
        offer->start();
        QCOMPARE(offer->state(), DeviceLinkOffer::Failed);
        QVERIFY2(offer->message().startsWith(u"Connect this profile to your team first"_s),
                 qPrintable(offer->message()));
        QCOMPARE(server->transport().requests().size(), 0);

        f->session->lock();
        offer->start();
        QCOMPARE(offer->state(), DeviceLinkOffer::Failed);
        QVERIFY2(offer->message().startsWith(u"Unlock the profile"_s),
                 qPrintable(offer->message()));
    }

    void anUnreachableServerSaysWhatToDo()
    {
        enrol();
        server->setOffline(true);
        offer->start();
        QTRY_COMPARE(offer->state(), DeviceLinkOffer::Failed);
        QVERIFY2(offer->message().contains(u"could not be reached"_s),
                 qPrintable(offer->message()));
        QVERIFY(offer->message().contains(u"try again"_s));
        QVERIFY(offer->message().at(0).isUpper());
        QVERIFY(offer->code().isEmpty());

        // "Try again" once the network is back.
        server->setOffline(false);
        QVERIFY(!startAndWaitForCode().isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestDeviceLinkOffer)

#include "tst_devicelinkoffer.moc"
