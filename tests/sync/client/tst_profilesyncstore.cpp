#include "core/profile/recordservice.h"
#include "sync/client/enrollment.h"
#include "sync/client/profilesyncstore.h"
#include "sync/client/syncengine.h"
#include "tests/support/manualclock.h"
#include "tests/support/profilefixture.h"
#include "tests/support/testsupport.h"
#include "tests/sync/client/support/fakeserver.h"
#include "tests/sync/client/support/faketransport.h"
#include "tests/sync/client/support/manualscheduler.h"

#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace outward;
using namespace outward::sync;
using namespace outward::sync::test;
using namespace outward::test;
using namespace Qt::StringLiterals;

namespace {

// One person's device: a real profile, its sync store and engine.
struct Device
{
    std::unique_ptr<Profile> profile;
    std::unique_ptr<ProfileSyncStore> store;
    std::unique_ptr<ManualScheduler> scheduler;
    std::unique_ptr<SyncEngine> engine;
    std::unique_ptr<RecordService> records;
};

} // namespace

// ProfileSyncStore with real profiles, envelopes, signatures and keys, against the in-memory
// server in real-envelope mode: enrolment, push, pull, re-sealing after a directory change,
// refusing a tampered record.
class TestProfileSyncStore : public QObject
{
    Q_OBJECT

    QTemporaryDir dir;
    int folderCounter = 0;
    ManualClock clock;
    std::unique_ptr<FakeServer> server;
    std::unique_ptr<FakeTransport> transport;

    Device enrolled(const QString &code, protocol::Role role, const QString &name)
    {
        Device device;
        device.profile = createProfileOrDie(dir.filePath(u"p%1"_s.arg(++folderCounter)),
                                            "correct horse battery staple", clock)
                             .profile;
        server->addInvite(code, {role, false, false});
        Enrollment enrollment(*device.profile, *transport, clock);
        std::optional<CallResult<EnrollmentResult>> result;
        enrollment.enroll(
            {u"https://sync.test"_s, code, name, name + u"'s phone"_s},
            [&result](CallResult<EnrollmentResult> r) { result.emplace(std::move(r)); });
        if (!QTest::qWaitFor([&result] { return result.has_value(); }) || !result->ok())
            qFatal("enrolment failed");
        device.store = std::make_unique<ProfileSyncStore>(*device.profile);
        device.scheduler = std::make_unique<ManualScheduler>(clock);
        device.engine =
            std::make_unique<SyncEngine>(*device.store, *transport, *device.scheduler, clock);
        device.records = std::make_unique<RecordService>(*device.profile);
        return device;
    }

    SyncReport sync(Device &device)
    {
        QSignalSpy finished(device.engine.get(), &SyncEngine::finished);
        if (device.engine->state() == SyncEngine::State::Stopped)
            device.engine->start();
        else
            device.engine->syncNow();
        if (!finished.wait(5000))
            qFatal("no sync finished");
        return finished.constFirst().constFirst().value<SyncReport>();
    }

private Q_SLOTS:
    void initTestCase() { QVERIFY(dir.isValid()); }

    void init()
    {
        server = std::make_unique<FakeServer>(clock);
        server->realEnvelopes = true;
        transport = std::make_unique<FakeTransport>(server->handler());
    }

    void aRecordSharedWithTheLeadReachesTheLeadAfterResealing()
    {
        Device bob = enrolled(u"BBBBBBBBBBBBBBBBBBBB"_s, protocol::Role::Staff, u"Bob"_s);
        auto shared = bob.records->add(
            RecordKind::Interaction,
            jsonObject(R"({"channel":"phone","endEmotion":"appreciation","shareWithLead":true,
                           "note":"for my lead"})"));
        OUTWARD_VERIFY_OK(shared);
        auto kept = bob.records->add(
            RecordKind::Interaction,
            jsonObject(R"({"channel":"chat","endEmotion":"anger","note":"mine only"})"));
        OUTWARD_VERIFY_OK(kept);
        SyncReport first = sync(bob);
        QVERIFY2(first.ok, qPrintable(first.error));
        QCOMPARE(first.pushed, 2);
        const QString sharedId = shared->header.idText();
        QVERIFY(server->records().value(sharedId).readers.isEmpty()); // no lead yet

        // A lead joins; Bob's next sync sees the new directory, re-seals and pushes again.
        clock.advanceMs(1000);
        Device ada = enrolled(u"AAAAAAAAAAAAAAAAAAAA"_s, protocol::Role::Lead, u"Ada"_s);
        clock.advanceMs(1000);
        SyncReport second = sync(bob);
        QVERIFY2(second.ok, qPrintable(second.error));
        QCOMPARE(second.pushed, 1);
        QCOMPARE(server->records().value(sharedId).readers, QStringList{ada.profile->userId()});
        QVERIFY(server->records().value(kept->header.idText()).readers.isEmpty());

        // Ada pulls it (fetching the directory for the unknown author first) and opens it.
        SyncReport pulled = sync(ada);
        QVERIFY2(pulled.ok, qPrintable(pulled.error));
        QCOMPARE(pulled.pulled, 1);
        QCOMPARE(pulled.errors, 0);
        auto read = ada.records->get(shared->header.id);
        OUTWARD_VERIFY_OK(read);
        QCOMPARE(read->json.value(u"note"_s).toString(), u"for my lead"_s);
        QCOMPARE(read->outboxState, OutboxState::Synced);
        QCOMPARE(ada.records->get(kept->header.id).error().code(), ErrorCode::NotFound);
        auto cursor = ada.profile->syncState().pullCursor();
        OUTWARD_VERIFY_OK(cursor);
        QCOMPARE(cursor.value(), server->highWater());

        // Bob's own records come back unchanged: nothing duplicated, both synced.
        auto bobShared = bob.records->get(shared->header.id);
        OUTWARD_VERIFY_OK(bobShared);
        QCOMPARE(bobShared->outboxState, OutboxState::Synced);
        auto history = bob.records->history(shared->header.id);
        OUTWARD_VERIFY_OK(history);
        QCOMPARE(history->size(), 1); // the version sealed before the lead joined
    }

    void aTamperedRecordIsRefusedAndSkipped()
    {
        Device ada = enrolled(u"AAAAAAAAAAAAAAAAAAAA"_s, protocol::Role::Lead, u"Ada"_s);
        Device bob = enrolled(u"BBBBBBBBBBBBBBBBBBBB"_s, protocol::Role::Staff, u"Bob"_s);
        auto shared = bob.records->add(
            RecordKind::Interaction,
            jsonObject(R"({"channel":"phone","endEmotion":"appreciation","shareWithLead":true})"));
        OUTWARD_VERIFY_OK(shared);
        QVERIFY(sync(bob).ok);

        FakeServer::Version &stored = server->mutableRecords()[shared->header.idText()];
        stored.envelope[stored.envelope.size() - 1] = char(stored.envelope.back() ^ 0x01);
        QSignalSpy problems(ada.engine.get(), &SyncEngine::recordProblem);
        SyncReport report = sync(ada);
        QVERIFY2(report.ok, qPrintable(report.error));
        QCOMPARE(report.errors, 1);
        QCOMPARE(problems.size(), 1);
        QCOMPARE(problems.constFirst().at(0).toUuid(), shared->header.id);
        QCOMPARE(ada.records->get(shared->header.id).error().code(), ErrorCode::NotFound);
        auto cursor = ada.profile->syncState().pullCursor();
        OUTWARD_VERIFY_OK(cursor);
        QCOMPARE(cursor.value(), server->highWater()); // refused for good, not retried
    }

    void aDeferredVersionKeepsItsReasonWhileQueued()
    {
        Device bob = enrolled(u"BBBBBBBBBBBBBBBBBBBB"_s, protocol::Role::Staff, u"Bob"_s);
        // Bob's device clock runs two hours ahead of the server's.
        const qint64 serverNow = clock.nowMs();
        clock.advanceMs(2 * 3600 * 1000);
        auto ahead =
            bob.records->add(RecordKind::Interaction,
                             jsonObject(R"({"channel":"phone","endEmotion":"appreciation"})"));
        OUTWARD_VERIFY_OK(ahead);
        clock.setNowMs(serverNow);
        SyncReport report = sync(bob);
        QVERIFY(report.ok);
        auto view = bob.records->get(ahead->header.id);
        OUTWARD_VERIFY_OK(view);
        QCOMPARE(view->outboxState, OutboxState::Queued);
        QVERIFY(view->outboxError.startsWith(u"clock_in_future"_s));
        auto unsent = bob.store->unsentCounts();
        OUTWARD_VERIFY_OK(unsent);
        QCOMPARE(unsent->queued, 1);
    }

    void aLockedProfileStopsTheSyncWithAClearReason()
    {
        Device bob = enrolled(u"BBBBBBBBBBBBBBBBBBBB"_s, protocol::Role::Staff, u"Bob"_s);
        bob.profile->lock();
        SyncReport report = sync(bob);
        QVERIFY(!report.ok);
        QVERIFY(!report.willRetry);
        QCOMPARE(bob.engine->state(), SyncEngine::State::Error);
        QVERIFY(bob.engine->stateReason().contains(u"locked"_s));
        QCOMPARE(transport->count("POST"_ba, u"/v1/auth/challenge"_s), 0); // stopped before it
    }
};

QTEST_GUILESS_MAIN(TestProfileSyncStore)
#include "tst_profilesyncstore.moc"
