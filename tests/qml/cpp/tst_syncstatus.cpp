// SyncStatus against the real server API in this process (tests/qml/support/inprocessserver.h):
// enrolment, the engine's lifecycle with the session, counts, states and texts.
#include "qml/interactionform.h"
#include "qml/language.h"
#include "qml/syncstatus.h"
#include "sessionfixture.h"
#include "sync/client/enrollment.h"
#include "sync/client/profilesyncstore.h"
#include "tests/qml/support/inprocessserver.h"
#include "tests/sync/client/support/manualscheduler.h"

#include <QJsonObject>
#include <QSignalSpy>

using namespace outward;
using namespace outward::test;
using namespace Qt::StringLiterals;

class TestSyncStatus : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<SessionFixture> f;
    std::unique_ptr<InProcessServer> server;
    std::unique_ptr<sync::test::ManualScheduler> scheduler;
    std::unique_ptr<SyncStatus> status;

    void makeStatus(SyncStatusOptions options = {})
    {
        options.followReachability = false; // the test decides what the network does
        status = std::make_unique<SyncStatus>(*f->session, server->transport(), *scheduler,
                                              f->clock, options);
    }

    // Enrols through SyncStatus and waits for the first sync to finish.
    void enrol(const QString &role = u"staff"_s)
    {
        QSignalSpy finished(status.get(), &SyncStatus::enrollFinished);
        status->enroll(server->url(), server->newInvite(role), u"Ada"_s, u"Ada's phone"_s);
        QVERIFY(finished.wait(10000));
        QVERIFY2(finished.at(0).at(0).toBool(), qPrintable(status->enrollError()));
        QTRY_COMPARE_WITH_TIMEOUT(status->state(), SyncStatus::Idle, 10000);
    }

    QString quickLog(bool shareWithLead = false)
    {
        InteractionForm form;
        form.setProperty("channel", u"phone"_s);
        form.setProperty("endEmotion", u"appreciation"_s);
        form.setProperty("shareWithLead", shareWithLead);
        QSignalSpy saved(&form, &InteractionForm::saved);
        if (!form.save() || saved.isEmpty())
            qFatal("the quick log did not save: %s", qPrintable(form.error()));
        return saved.at(0).at(0).toString();
    }

    OutboxState outboxStateOf(const QString &id)
    {
        auto view = f->records().get(QUuid::fromString(id));
        if (!view)
            qFatal("%s", qPrintable(view.error().toString()));
        return view->outboxState;
    }

private slots:
    void initTestCase()
    {
        isolateSettings();
        // English, with its plural forms ("1 minute ago"), whatever this machine's language.
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
    }

    void cleanup()
    {
        status.reset();
        f.reset();
        server.reset();
        scheduler.reset();
    }

    void startsStoppedWhenNotEnrolled()
    {
        makeStatus();
        QVERIFY(!status->enrolled());
        QCOMPARE(status->state(), SyncStatus::Stopped);
        QVERIFY(status->engine() == nullptr);
        QVERIFY(status->summary().isEmpty());
        QVERIFY(status->stateText().contains(u"Not connected"_s));
        QCOMPARE(server->transport().requests().size(), 0);
    }

    void enrolsWithAGoodCodeAndSyncsAtOnce()
    {
        // A record written before enrolling goes out with the first sync.
        const QString before = quickLog();
        makeStatus();
        QCOMPARE(status->unsentCount(), 1);
        QSignalSpy busy(status.get(), &SyncStatus::busyChanged);
        QSignalSpy settings(status.get(), &SyncStatus::settingsChanged);
        QSignalSpy finished(status.get(), &SyncStatus::enrollFinished);
        status->enroll(server->url(), server->newInvite(u"lead"_s).toLower(), u"Ada"_s,
                       u"Ada's phone"_s);
        QVERIFY(status->busy());
        QVERIFY(finished.wait(10000));
        QVERIFY(!status->busy());
        QCOMPARE(busy.count(), 2);
        QVERIFY2(finished.at(0).at(0).toBool(), qPrintable(status->enrollError()));
        QVERIFY(finished.at(0).at(1).toString().contains(server->teamName()));
        QVERIFY(status->enrollError().isEmpty());
        QVERIFY(settings.count() >= 1);
        QVERIFY(status->enrolled());
        QCOMPARE(status->serverUrl(), server->url());
        QCOMPARE(status->teamName(), server->teamName());
        QCOMPARE(status->role(), u"lead"_s);
        QVERIFY(status->engine() != nullptr);

        QTRY_COMPARE_WITH_TIMEOUT(status->state(), SyncStatus::Idle, 10000);
        QCOMPARE(status->unsentCount(), 0);
        QVERIFY(status->lastSyncAt().isValid());
        QCOMPARE(status->lastSyncText(), u"just now"_s);
        QCOMPARE(outboxStateOf(before), OutboxState::Synced);
        auto stored = server->store().findCurrent(before);
        OUTWARD_VERIFY_OK(stored);
        QVERIFY(stored->has_value());
        QVERIFY(status->summary().startsWith(u"All sent"_s));
        QVERIFY(!status->attention());
    }

    void aUsedCodeShowsTheServersMessage()
    {
        // Someone else enrolled with the code first.
        const QString code = server->newInvite();
        QTemporaryDir otherDir;
        auto other = createProfileOrDie(otherDir.filePath(u"p"_s), "another passphrase", f->clock);
        sync::Enrollment otherEnrollment(*other.profile, server->transport(), f->clock);
        bool otherDone = false;
        otherEnrollment.enroll({server->url(), code, u"Bo"_s, u"Bo's phone"_s},
                               [&otherDone](auto result) { otherDone = result.ok(); });
        QTRY_VERIFY_WITH_TIMEOUT(otherDone, 10000);

        makeStatus();
        QSignalSpy finished(status.get(), &SyncStatus::enrollFinished);
        QSignalSpy errorChanged(status.get(), &SyncStatus::enrollErrorChanged);
        status->enroll(server->url(), code, u"Ada"_s, u"Ada's phone"_s);
        QVERIFY(finished.wait(10000));
        QVERIFY(!finished.at(0).at(0).toBool());
        // Enrollment::explain's words, as a sentence.
        QVERIFY2(status->enrollError().startsWith(u"The invite code was already used"_s),
                 qPrintable(status->enrollError()));
        QVERIFY(status->enrollError().contains(u"ask your administrator"_s));
        QCOMPARE(finished.at(0).at(1).toString(), status->enrollError());
        QCOMPARE(errorChanged.count(), 1);
        QVERIFY(!status->enrolled());
        QVERIFY(!status->busy());
        QVERIFY(status->engine() == nullptr);

        // A new attempt clears the old message first.
        status->enroll(server->url(), server->newInvite(), u"Ada"_s, u"Ada's phone"_s);
        QVERIFY(status->enrollError().isEmpty());
        QVERIFY(finished.wait(10000));
        QVERIFY(finished.at(1).at(0).toBool());
    }

    void aMistypedCodeIsRefusedBeforeAnyRequest()
    {
        makeStatus();
        QSignalSpy finished(status.get(), &SyncStatus::enrollFinished);
        status->enroll(server->url(), u"7KQ2M-X9D4T"_s, u"Ada"_s, u"Ada's phone"_s);
        QVERIFY(finished.wait(5000));
        QVERIFY(!finished.at(0).at(0).toBool());
        QVERIFY2(status->enrollError().startsWith(u"The invite code"_s),
                 qPrintable(status->enrollError()));
        QCOMPARE(server->transport().requests().size(), 0);
    }

    void enrollingNeedsAnUnlockedProfile()
    {
        makeStatus();
        f->session->lock();
        QSignalSpy finished(status.get(), &SyncStatus::enrollFinished);
        status->enroll(server->url(), server->newInvite(), u"Ada"_s, u"Ada's phone"_s);
        QCOMPARE(finished.count(), 1);
        QVERIFY(!finished.at(0).at(0).toBool());
        QVERIFY(!status->enrollError().isEmpty());
        QCOMPARE(server->transport().requests().size(), 0);
    }

    void aQuickLogIsPushedAfterTheDebounce()
    {
        makeStatus();
        enrol();
        QSignalSpy counts(status.get(), &SyncStatus::countsChanged);
        const QDateTime firstSync = status->lastSyncAt();
        const int pushesBefore = server->requestCount(u"POST"_s, u"/v1/records"_s);

        const QString id = quickLog();
        QCOMPARE(status->unsentCount(), 1);
        QVERIFY(counts.count() >= 1);
        QCOMPARE(outboxStateOf(id), OutboxState::Queued);
        QVERIFY(status->summary().startsWith(u"1 unsent"_s));
        QVERIFY(status->stateText().contains(u"will be sent"_s));

        // The write asked for a sync once writes pause (the engine's debounce).
        f->clock.advanceMs(60'000);
        QVERIFY(scheduler->pendingCount() >= 1);
        QSignalSpy recordsChanged(f->session.get(), &Session::recordsChanged);
        scheduler->advanceMs(sync::SyncEngine::Options().debounceMs);
        QTRY_COMPARE_WITH_TIMEOUT(status->unsentCount(), 0, 10000);
        QTRY_COMPARE_WITH_TIMEOUT(status->state(), SyncStatus::Idle, 10000);
        QCOMPARE(server->requestCount(u"POST"_s, u"/v1/records"_s), pushesBefore + 1);
        QCOMPARE(outboxStateOf(id), OutboxState::Synced);
        QVERIFY(status->lastSyncAt() > firstSync);
        // Lists refresh from the session; that refresh did not ask for yet another sync.
        QVERIFY(recordsChanged.count() >= 1);
        QCOMPARE(scheduler->pendingCount(), 0);
        auto stored = server->store().findCurrent(id);
        OUTWARD_VERIFY_OK(stored);
        QVERIFY(stored->has_value());
    }

    void aSharedRecordReachesTheLead()
    {
        // The lead enrols first, so the staff device pins the lead's keys when it enrols.
        QTemporaryDir leadDir;
        auto lead =
            createProfileOrDie(leadDir.filePath(u"lead"_s), "the lead's passphrase", f->clock);
        sync::Enrollment leadEnrollment(*lead.profile, server->transport(), f->clock);
        bool leadEnrolled = false;
        leadEnrollment.enroll(
            {server->url(), server->newInvite(u"lead"_s), u"Lea"_s, u"Lea's tablet"_s},
            [&leadEnrolled](auto result) { leadEnrolled = result.ok(); });
        QTRY_VERIFY_WITH_TIMEOUT(leadEnrolled, 10000);

        makeStatus();
        enrol();
        const QString shared = quickLog(true);
        const QString kept = quickLog(false);
        status->syncNow();
        QTRY_COMPARE_WITH_TIMEOUT(status->unsentCount(), 0, 10000);

        sync::ProfileSyncStore leadStore(*lead.profile);
        sync::test::ManualScheduler leadScheduler(f->clock);
        sync::SyncEngine leadEngine(leadStore, server->transport(), leadScheduler, f->clock);
        QSignalSpy leadFinished(&leadEngine, &sync::SyncEngine::finished);
        leadEngine.start();
        QVERIFY(leadFinished.wait(10000));
        QVERIFY(leadFinished.at(0).at(0).value<sync::SyncReport>().ok);
        RecordService leadRecords(*lead.profile);
        auto received = leadRecords.get(QUuid::fromString(shared));
        OUTWARD_VERIFY_OK(received);
        QCOMPARE(received->json.value(u"channel"_s).toString(), u"phone"_s);
        QVERIFY(!leadRecords.get(QUuid::fromString(kept)).ok());
        leadEngine.stop();
    }

    void aFailedSyncSaysWhyAndRetries()
    {
        makeStatus();
        enrol();
        quickLog();
        server->setOffline(true);
        QSignalSpy state(status.get(), &SyncStatus::stateChanged);
        status->syncNow();
        QTRY_COMPARE_WITH_TIMEOUT(status->state(), SyncStatus::WaitingToRetry, 10000);
        QVERIFY(!status->reason().isEmpty());
        QVERIFY(status->nextAttemptAt().isValid());
        QVERIFY2(status->stateText().startsWith(u"Could not sync. "_s),
                 qPrintable(status->stateText()));
        QVERIFY(status->stateText().contains(SyncStatus::readableReason(status->reason())));
        QVERIFY(status->summary().contains(u"trying again"_s));
        QVERIFY(status->attention());
        QCOMPARE(status->unsentCount(), 1);

        server->setOffline(false);
        QVERIFY(scheduler->runNext().has_value()); // the backoff's retry
        QTRY_COMPARE_WITH_TIMEOUT(status->state(), SyncStatus::Idle, 10000);
        QCOMPARE(status->unsentCount(), 0);
        QVERIFY(status->reason().isEmpty());
        QVERIFY(!status->attention());
    }

    void aLargeSyncShowsProgress()
    {
        SyncStatusOptions options;
        options.largeSyncItems = 3;
        options.engine.pushMaxItems = 1; // one record per push: progress after each
        makeStatus(options);
        for (int i = 0; i < 4; ++i)
            quickLog();
        QStringList texts;
        QList<double> fractions;
        QStringList summaries;
        QObject watching; // the connections end with this test, before its locals do
        connect(status.get(), &SyncStatus::progressChanged, &watching, [&] {
            if (status->showProgress()) {
                texts.append(status->progressText());
                fractions.append(status->progress());
            }
        });
        // The home screen's line says it too, told through textsChanged like every text.
        connect(status.get(), &SyncStatus::textsChanged, &watching, [&] {
            if (status->showProgress())
                summaries.append(status->summary());
        });
        enrol();
        QVERIFY2(texts.contains(u"Sending 2 of 4 records"_s), qPrintable(texts.join(u" | "_s)));
        QVERIFY2(summaries.contains(u"Sending 2 of 4 records"_s),
                 qPrintable(summaries.join(u" | "_s)));
        QVERIFY(fractions.contains(0.5));
        QVERIFY(!status->showProgress()); // gone once the sync ended
        QCOMPARE(status->unsentCount(), 0);
    }

    void theUnsentCountFallsBatchByBatch()
    {
        // The person watching a large first sync sees "not yet sent" count down with the bar.
        SyncStatusOptions options;
        options.largeSyncItems = 3;
        options.engine.pushMaxItems = 1;
        makeStatus(options);
        for (int i = 0; i < 4; ++i)
            quickLog();
        QList<int> unsentWhileShowing;
        QObject watching; // the connection ends with this test, before its locals do
        connect(status.get(), &SyncStatus::countsChanged, &watching, [&] {
            if (status->showProgress())
                unsentWhileShowing.append(status->unsentCount());
        });
        enrol();
        QCOMPARE(unsentWhileShowing, QList<int>({3, 2, 1, 0}));
    }

    void aRefusedRecordIsListedOnceWithItsReason()
    {
        makeStatus();
        enrol();
        // Only a lead may write the team purpose; this profile enrolled as staff.
        auto purpose = f->records().add(
            RecordKind::TeamPurpose,
            QJsonObject{{u"why"_s, u"So that customers leave calmer than they came."_s}});
        OUTWARD_VERIFY_OK(purpose);
        f->session->notifyRecordsChanged();
        QVERIFY(!status->attention());
        status->syncNow();
        QTRY_COMPARE_WITH_TIMEOUT(status->errorCount(), 1, 10000);
        QTRY_COMPARE_WITH_TIMEOUT(status->state(), SyncStatus::Idle, 10000);
        const QStringList problems = status->problems();
        QCOMPARE(problems.size(), 1);
        QVERIFY2(problems.first().startsWith(u"Team purpose, "_s), qPrintable(problems.first()));
        // The server's words without its code, as a sentence.
        QVERIFY2(problems.first().contains(u": Only a team lead may write"_s),
                 qPrintable(problems.first()));
        QVERIFY(!problems.first().contains(u"kind_not_allowed"_s));
        QVERIFY(status->attention());
        QCOMPARE(status->unsentCount(), 1); // refused records stay here, unsent
        QVERIFY(status->summary().startsWith(u"1 unsent"_s));
    }

    void readableReasons()
    {
        QCOMPARE(SyncStatus::readableReason(
                     u"the server answered 403 device_revoked: this device was revoked; ask the "
                     u"admin"_s),
                 u"This device was revoked; ask the admin."_s);
        QCOMPARE(SyncStatus::readableReason(u"the server answered 401 unauthorized: sign in"_s),
                 u"Sign in."_s);
        QCOMPARE(SyncStatus::readableReason(u"kind_not_allowed: only a lead may write it"_s),
                 u"Only a lead may write it."_s);
        // Not a code: kept as written.
        QCOMPARE(
            SyncStatus::readableReason(u"the server could not be reached: Connection refused"_s),
            u"The server could not be reached: Connection refused."_s);
        QCOMPARE(SyncStatus::readableReason(u"note: too long."_s), u"Note: too long."_s);
        QCOMPARE(SyncStatus::readableReason({}), QString());
    }

    void comingBackToTheAppSyncsWhenTheLastSyncIsOld()
    {
        makeStatus();
        enrol();
        const int pulls = server->requestCount(u"GET"_s, u"/v1/records"_s);
        // A minute has not passed: nothing to do.
        status->onApplicationStateChanged(Qt::ApplicationActive);
        QCOMPARE(status->state(), SyncStatus::Idle);
        QCOMPARE(server->requestCount(u"GET"_s, u"/v1/records"_s), pulls);

        f->clock.advanceMs(2 * 60'000);
        status->onApplicationStateChanged(Qt::ApplicationInactive);
        QCOMPARE(server->requestCount(u"GET"_s, u"/v1/records"_s), pulls);
        status->onApplicationStateChanged(Qt::ApplicationActive);
        QTRY_VERIFY_WITH_TIMEOUT(server->requestCount(u"GET"_s, u"/v1/records"_s) > pulls, 10000);
        QTRY_COMPARE_WITH_TIMEOUT(status->state(), SyncStatus::Idle, 10000);
        QCOMPARE(status->lastSyncText(), u"just now"_s);
    }

    void lockStopsTheEngineAndUnlockStartsIt()
    {
        makeStatus();
        enrol();
        QVERIFY(status->engine() != nullptr);
        const int challenges = server->requestCount(u"POST"_s, u"/v1/auth/challenge"_s);
        QVERIFY(challenges >= 1);
        quickLog(); // a debounced sync is pending
        QVERIFY(scheduler->pendingCount() >= 1);

        f->session->lock();
        QCOMPARE(status->state(), SyncStatus::Stopped);
        QVERIFY(status->engine() == nullptr);
        QCOMPARE(scheduler->pendingCount(), 0); // no timer survives the lock
        QVERIFY(status->enrolled());            // what it knows about the team stays
        QVERIFY(status->stateText().contains(u"locked"_s));
        const int requests = server->transport().requests().size();
        status->syncNow();
        QTest::qWait(50);
        QCOMPARE(server->transport().requests().size(), requests);

        // Unlocking starts a new engine, which has no token and signs in again.
        f->session->unlock(kTestPassphrase, false);
        QTRY_COMPARE_WITH_TIMEOUT(f->session->state(), Session::Unlocked, 10000);
        QVERIFY(status->engine() != nullptr);
        QTRY_COMPARE_WITH_TIMEOUT(status->unsentCount(), 0, 10000);
        QTRY_COMPARE_WITH_TIMEOUT(status->state(), SyncStatus::Idle, 10000);
        QCOMPARE(server->requestCount(u"POST"_s, u"/v1/auth/challenge"_s), challenges + 1);
    }

    void theLastSyncTimeSurvivesARestart()
    {
        makeStatus();
        enrol();
        const QDateTime last = status->lastSyncAt();
        status.reset();
        f->clock.advanceMs(5 * 60'000);
        makeStatus();
        // Read at start; a new sync runs at once and moves it on.
        QVERIFY(status->lastSyncAt() >= last);
        QTRY_VERIFY_WITH_TIMEOUT(status->lastSyncAt() > last, 10000);
    }

    void relativeTimes()
    {
        const QDateTime now = QDateTime::fromMSecsSinceEpoch(1763800000000);
        QCOMPARE(SyncStatus::relativeTime({}, now), u"never"_s);
        QCOMPARE(SyncStatus::relativeTime(now.addSecs(-20), now), u"just now"_s);
        QCOMPARE(SyncStatus::relativeTime(now.addSecs(-60), now), u"1 minute ago"_s);
        QCOMPARE(SyncStatus::relativeTime(now.addSecs(-150), now), u"2 minutes ago"_s);
        QCOMPARE(SyncStatus::relativeTime(now.addSecs(-3 * 3600), now), u"3 hours ago"_s);
        // A clock that went back is not "in the future".
        QCOMPARE(SyncStatus::relativeTime(now.addSecs(30), now), u"just now"_s);
        QVERIFY(!SyncStatus::relativeTime(now.addDays(-3), now).contains(u"ago"_s));
    }

    void invitesAreGroupedAsTyped()
    {
        makeStatus();
        QCOMPARE(status->formatInviteCode(u"7kq2m"_s), u"7KQ2M"_s);
        QCOMPARE(status->formatInviteCode(u"7kq2mx"_s), u"7KQ2M-X"_s);
        QCOMPARE(status->formatInviteCode(u"7KQ2M-"_s), u"7KQ2M"_s);
        QCOMPARE(status->formatInviteCode(u" 7kq2m x9d4t-r0wpz 3hb8n "_s),
                 u"7KQ2M-X9D4T-R0WPZ-3HB8N"_s);
        // Characters the code cannot hold stay, so the check can name them.
        QCOMPARE(status->formatInviteCode(u"7kq2u"_s), u"7KQ2U"_s);
    }
};

QTEST_MAIN(TestSyncStatus)
#include "tst_syncstatus.moc"
