#include "sync/client/syncengine.h"
#include "tests/support/manualclock.h"
#include "tests/sync/client/support/fakelocalstore.h"
#include "tests/sync/client/support/fakeserver.h"
#include "tests/sync/client/support/faketransport.h"
#include "tests/sync/client/support/manualscheduler.h"

#include <QSignalSpy>
#include <QTest>

using namespace outward;
using namespace outward::sync;
using namespace outward::sync::test;
using namespace Qt::StringLiterals;

namespace {

const QString kMe = u"0b6f3c2a-1d4e-4f5a-8b6c-7d8e9f0a1b2c"_s;
const QString kColleague = u"3f2b1c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d"_s;
const QString kLead = u"7a8b9c0d-1e2f-4a3b-9c4d-5e6f7a8b9c0d"_s;
const QString kStranger = u"e1e2e3e4-f5f6-4a7b-8c9d-0e1f2a3b4c5d"_s;

FakeServer::User member(const QString &userId, protocol::Role role = protocol::Role::Staff)
{
    return {userId, userId.left(8), role, QByteArray(32, 'b'), QByteArray(32, 's'), false};
}

} // namespace

class TestSyncEngine : public QObject
{
    Q_OBJECT

    outward::test::ManualClock clock;
    std::unique_ptr<ManualScheduler> scheduler;
    std::unique_ptr<FakeServer> server;
    std::unique_ptr<FakeTransport> transport;
    std::unique_ptr<FakeLocalStore> store;
    std::unique_ptr<SyncEngine> engine;
    double random = 0.999999; // the top of each backoff range unless a test says otherwise

    void makeEngine(SyncEngine::Options options = {})
    {
        engine = std::make_unique<SyncEngine>(*store, *transport, *scheduler, clock,
                                              BackoffPolicy([this] { return random; }), options);
    }

    // Starts (or triggers) one sync and waits for its report.
    SyncReport waitForSync(const std::function<void()> &trigger)
    {
        QSignalSpy finished(engine.get(), &SyncEngine::finished);
        trigger();
        if (!finished.wait(5000))
            qFatal("no sync finished");
        return finished.constFirst().constFirst().value<SyncReport>();
    }
    SyncReport startSync()
    {
        return waitForSync([this] { engine->start(); });
    }
    // Fires the earliest timer (a retry, a debounce) and waits for the sync it starts.
    SyncReport runTimer()
    {
        return waitForSync([this] { QVERIFY(scheduler->runNext().has_value()); });
    }

    QList<qint64> pullAfters() const
    {
        QList<qint64> afters;
        for (const HttpRequest &request : transport->requests()) {
            if (request.method == "GET"_ba && request.path == u"/v1/records"_s)
                afters << request.query.queryItemValue(u"after"_s).toLongLong();
        }
        return afters;
    }

    // `count` records by the colleague, shared with me, stored on the server.
    QList<QUuid> colleagueRecords(int count)
    {
        QList<QUuid> ids;
        for (int i = 0; i < count; ++i) {
            const FakeEnvelope envelope = store->envelopeFor(
                kColleague, u"note %1"_s.arg(i), std::nullopt,
                HlcTimestamp{clock.nowMs() - 1000 + i, 0, u"00000000000000bb"_s});
            server->storeVersion(envelope.toBytes());
            ids << envelope.id;
        }
        return ids;
    }

private Q_SLOTS:
    void init()
    {
        clock.setNowMs(1763800000000);
        random = 0.999999;
        scheduler = std::make_unique<ManualScheduler>(clock);
        server = std::make_unique<FakeServer>(clock);
        transport = std::make_unique<FakeTransport>(server->handler());
        store = std::make_unique<FakeLocalStore>(clock, kMe, server->serverId);
        server->addUser(member(kMe));
        server->addUser(member(kColleague));
        store->pin(kColleague);
        store->identityValue.deviceId = server->addDevice(kMe, store->devicePublicKey());
        store->directoryVersionValue = server->directoryVersion;
        makeEngine();
    }

    void cleanup() { engine.reset(); }

    void aFirstSyncPushesThenPulls()
    {
        const QUuid a = store->write(u"a"_s);
        const QUuid b = store->write(u"b"_s);
        const QList<QUuid> theirs = colleagueRecords(2);
        QSignalSpy states(engine.get(), &SyncEngine::stateChanged);

        const SyncReport report = startSync();
        QVERIFY2(report.ok, qPrintable(report.error));
        QCOMPARE(report.pushed, 2);
        QCOMPARE(report.pulled, 2);
        QCOMPARE(report.conflicts, 0);
        QCOMPARE(report.errors, 0);
        QCOMPARE(engine->state(), SyncEngine::State::Idle);
        QVERIFY(engine->lastSyncAt().isValid());
        QVERIFY(states.size() >= 2);

        QCOMPARE(server->records().size(), 4);
        QCOMPARE(store->records.value(a).state, OutboxState::Synced);
        QCOMPARE(store->records.value(b).state, OutboxState::Synced);
        QVERIFY(store->records.value(a).seq.has_value());
        for (const QUuid &id : theirs)
            QCOMPARE(store->records.value(id).state, OutboxState::Synced);
        QCOMPARE(store->cursorValue, server->highWater());
        // Push happens before pull.
        qsizetype pushAt = -1;
        qsizetype pullAt = -1;
        for (qsizetype i = 0; i < transport->requests().size(); ++i) {
            const HttpRequest &request = transport->requests().at(i);
            if (request.path == u"/v1/records"_s && pushAt < 0 && request.method == "POST"_ba)
                pushAt = i;
            if (request.path == u"/v1/records"_s && pullAt < 0 && request.method == "GET"_ba)
                pullAt = i;
        }
        QVERIFY(pushAt >= 0 && pullAt > pushAt);
    }

    void theLastSyncTimeIsSavedAndKnownAtTheNextStart()
    {
        QVERIFY(!engine->lastSyncAt().isValid());
        const SyncReport report = startSync();
        QVERIFY2(report.ok, qPrintable(report.error));
        QCOMPARE(store->lastSyncAtValue, report.finishedAt);

        // The app restarts: a new engine knows the last sync as soon as it starts.
        clock.setNowMs(clock.nowMs() + 3600 * 1000);
        makeEngine();
        QSignalSpy changed(engine.get(), &SyncEngine::lastSyncAtChanged);
        engine->start();
        QVERIFY(changed.size() >= 1);
        QCOMPARE(changed.constFirst().constFirst().toDateTime(), report.finishedAt);
        QCOMPARE(engine->lastSyncAt(), report.finishedAt);
    }

    void theDeviceSignsInWithItsKeyAndKeepsTheTokenInMemory()
    {
        QVERIFY(startSync().ok);
        QCOMPARE(server->tokensIssued(), 1);
        QVERIFY(engine->api().hasUsableToken());
        // A second sync reuses the token.
        QVERIFY(waitForSync([this] { engine->syncNow(); }).ok);
        QCOMPARE(server->tokensIssued(), 1);
        // Locking drops it.
        engine->lock();
        QCOMPARE(engine->state(), SyncEngine::State::Stopped);
        QVERIFY(!engine->api().hasUsableToken());
        QVERIFY(startSync().ok);
        QCOMPARE(server->tokensIssued(), 2);
    }

    void aLostPushResponseThenARetryMakesNoDuplicate()
    {
        const QUuid id = store->write(u"the only copy"_s);
        transport->failWhen("POST"_ba, u"/v1/records"_s, FakeTransport::Failure::LostResponse);
        QSignalSpy states(engine.get(), &SyncEngine::stateChanged);

        const SyncReport lost = startSync();
        QVERIFY(!lost.ok);
        QVERIFY(lost.willRetry);
        QCOMPARE(engine->state(), SyncEngine::State::WaitingToRetry);
        QVERIFY(engine->nextAttemptAt().isValid());
        QCOMPARE(states.constLast().at(0).value<SyncEngine::State>(),
                 SyncEngine::State::WaitingToRetry);
        QCOMPARE(states.constLast().at(2).toDateTime(), engine->nextAttemptAt());
        QVERIFY(!states.constLast().at(1).toString().isEmpty());
        // The server did the work; the device does not know it.
        QCOMPARE(server->records().size(), 1);
        const qint64 seq = server->records().value(id.toString(QUuid::WithoutBraces)).seq;
        QCOMPARE(store->records.value(id).state, OutboxState::Queued);

        const SyncReport retried = runTimer();
        QVERIFY2(retried.ok, qPrintable(retried.error));
        QCOMPARE(server->pushRequests(), 2);
        QCOMPARE(server->records().size(), 1);
        QCOMPARE(server->highWater(), seq); // no new version was made
        QCOMPARE(store->records.value(id).state, OutboxState::Synced);
        QCOMPARE(store->records.value(id).seq, std::optional<qint64>(seq));
        QVERIFY(store->records.value(id).revisions.isEmpty());
        QCOMPARE(store->cursorValue, seq);
    }

    void aLostResponseForABatchRetriesTheWholeBatchSafely()
    {
        QList<QUuid> ids;
        for (int i = 0; i < 5; ++i)
            ids << store->write(u"r%1"_s.arg(i));
        SyncEngine::Options options;
        options.pushMaxItems = 2; // batches of 2, 2, 1
        makeEngine(options);
        transport->failWhen("POST"_ba, u"/v1/records"_s, FakeTransport::Failure::LostResponse, 1,
                            1); // the second batch's answer is lost
        QVERIFY(!startSync().ok);
        QCOMPARE(server->records().size(), 4);
        const SyncReport retried = runTimer();
        QVERIFY2(retried.ok, qPrintable(retried.error));
        QCOMPARE(server->records().size(), 5);
        QCOMPARE(server->highWater(), 5);
        for (const QUuid &id : ids)
            QCOMPARE(store->records.value(id).state, OutboxState::Synced);
    }

    void aNewerVersionOnTheServerWinsAndTheLocalOneIsKept()
    {
        // The record was synced; another device of mine then wrote a newer version.
        const QUuid id = store->write(u"v1"_s);
        QVERIFY(startSync().ok);
        FakeEnvelope newer =
            store->envelopeFor(kMe, u"v2 from my phone"_s, id,
                               HlcTimestamp{clock.nowMs() + 10'000, 0, u"00000000000000cc"_s});
        newer.readers.clear();
        server->storeVersion(newer.toBytes());
        // Offline here, this device edits the record with an older clock.
        clock.advanceMs(5'000);
        store->write(u"v1 edited here"_s, id);
        const QString localClock = store->records.value(id).current.header.clock;
        QVERIFY(localClock < newer.clock);

        const SyncReport report = waitForSync([this] { engine->syncNow(); });
        QVERIFY2(report.ok, qPrintable(report.error));
        QCOMPARE(report.conflicts, 1);
        QCOMPARE(report.pushed, 0);
        const FakeLocalStore::Record record = store->records.value(id);
        QCOMPARE(record.current.header.clock, newer.clock);
        QCOMPARE(record.current.header.body, u"v2 from my phone"_s);
        QCOMPARE(record.state, OutboxState::Synced);
        bool kept = false;
        for (const FakeLocalStore::Version &revision : record.revisions)
            kept = kept || revision.header.body == u"v1 edited here"_s;
        QVERIFY2(kept, "the losing local version must be kept as a revision");
        // The server still holds one version: the newer one.
        QCOMPARE(server->records().value(id.toString(QUuid::WithoutBraces)).clock, newer.clock);
    }

    void aNewerLocalVersionReplacesTheServersOne()
    {
        const QUuid id = store->write(u"v1"_s);
        QVERIFY(startSync().ok);
        clock.advanceMs(1'000);
        store->write(u"v2"_s, id);
        const SyncReport report = waitForSync([this] { engine->syncNow(); });
        QVERIFY(report.ok);
        QCOMPARE(report.conflicts, 0);
        QCOMPARE(report.pushed, 1);
        QCOMPARE(server->records().size(), 1);
        const FakeServer::Version stored =
            server->records().value(id.toString(QUuid::WithoutBraces));
        QCOMPARE(FakeEnvelope::fromBytes(stored.envelope)->body, u"v2"_s);
        QCOMPARE(store->records.value(id).state, OutboxState::Synced);
    }

    void aConflictBelowTheCursorIsFetchedBySeq()
    {
        const QUuid id = store->write(u"v1"_s);
        QVERIFY(startSync().ok);
        FakeEnvelope newer = store->envelopeFor(
            kMe, u"v2"_s, id, HlcTimestamp{clock.nowMs() + 10'000, 0, u"00000000000000cc"_s});
        newer.readers.clear();
        const qint64 newerSeq = server->storeVersion(newer.toBytes());
        // The cursor is already past the newer version (restored from a backup, say).
        store->cursorValue = server->highWater();
        clock.advanceMs(1'000);
        store->write(u"v1 edited"_s, id);

        const SyncReport report = waitForSync([this] { engine->syncNow(); });
        QVERIFY2(report.ok, qPrintable(report.error));
        QCOMPARE(report.conflicts, 1);
        QCOMPARE(store->records.value(id).current.header.clock, newer.clock);
        QVERIFY(pullAfters().contains(newerSeq - 1));
    }

    void pullPagesThroughTheCursor()
    {
        SyncEngine::Options options;
        options.pullPageLimit = 2;
        options.pullStoreBatch = 4; // two pages per transaction
        makeEngine(options);
        const QList<QUuid> first = colleagueRecords(3);
        server->skipSeq(2); // numbers the caller cannot see
        const QList<QUuid> second = colleagueRecords(4);
        QSignalSpy progress(engine.get(), &SyncEngine::progress);

        const SyncReport report = startSync();
        QVERIFY2(report.ok, qPrintable(report.error));
        QCOMPARE(report.pulled, 7);
        for (const QUuid &id : first + second)
            QVERIFY(store->records.contains(id));
        QCOMPARE(store->cursorValue, server->highWater());
        QCOMPARE(pullAfters(), (QList<qint64>{0, 2, 6, 8}));
        // Pages 1+2 (4 items) and 3+4 (the pull's end), each pair with its cursor.
        QCOMPARE(store->transactionsCommitted, 2);
        QCOMPARE(store->cursorsSet, (QList<qint64>{6, server->highWater()}));

        QList<QVariantList> pulling;
        for (const QVariantList &signal : progress) {
            if (signal.at(0).value<SyncEngine::Phase>() == SyncEngine::Phase::Pulling)
                pulling << signal;
        }
        QCOMPARE(pulling.size(), 4);
        QCOMPARE(pulling.constLast().at(1).toLongLong(), server->highWater());
        QCOMPARE(pulling.constLast().at(2).toLongLong(), server->highWater());

        // Nothing new: the next sync asks from the stored cursor and gets an empty page.
        transport->clearLog();
        QVERIFY(waitForSync([this] { engine->syncNow(); }).ok);
        QCOMPARE(pullAfters(), (QList<qint64>{server->highWater()}));
    }

    void anInterruptedPullResumesFromTheStoredCursor()
    {
        SyncEngine::Options options;
        options.pullPageLimit = 2;
        options.pullStoreBatch = 100; // the two pages before the failure are only held then
        makeEngine(options);
        const QList<QUuid> ids = colleagueRecords(7);
        transport->failWhen("GET"_ba, u"/v1/records"_s, FakeTransport::Failure::NetworkError, 1,
                            2); // the third page

        const SyncReport broken = startSync();
        QVERIFY(!broken.ok);
        QCOMPARE(broken.pulled, 4);
        QCOMPARE(store->cursorValue, 4);
        QCOMPARE(store->records.size(), 4);

        transport->clearLog();
        const SyncReport resumed = runTimer();
        QVERIFY2(resumed.ok, qPrintable(resumed.error));
        QCOMPARE(pullAfters().constFirst(), 4);
        QCOMPARE(resumed.pulled, 3);
        QCOMPARE(store->records.size(), 7);
        for (const QUuid &id : ids)
            QVERIFY(store->records.value(id).revisions.isEmpty());
        QCOMPARE(store->cursorValue, 7);
    }

    void aLostPullResponseStoresNothingAndIsRepeated()
    {
        const QList<QUuid> ids = colleagueRecords(3);
        transport->failWhen("GET"_ba, u"/v1/records"_s, FakeTransport::Failure::LostResponse);
        QVERIFY(!startSync().ok);
        QCOMPARE(store->cursorValue, 0);
        QVERIFY(store->records.isEmpty());
        QVERIFY(runTimer().ok);
        QCOMPARE(store->records.size(), 3);
        QCOMPARE(store->cursorValue, 3);
    }

    void anInterruptionBetweenPushAndPullResumes()
    {
        const QUuid mine = store->write(u"mine"_s);
        const QList<QUuid> theirs = colleagueRecords(2);
        transport->failWhen("GET"_ba, u"/v1/records"_s, FakeTransport::Failure::NetworkError);

        const SyncReport broken = startSync();
        QVERIFY(!broken.ok);
        QCOMPARE(broken.pushed, 1);
        QCOMPARE(store->records.value(mine).state, OutboxState::Synced);
        QCOMPARE(store->cursorValue, 0);

        const SyncReport resumed = runTimer();
        QVERIFY(resumed.ok);
        QCOMPARE(resumed.pushed, 0);
        QCOMPARE(server->pushRequests(), 1); // nothing left to push
        QCOMPARE(resumed.pulled, 2);         // its own record came back unchanged
        QCOMPARE(server->records().size(), 3);
        for (const QUuid &id : theirs)
            QVERIFY(store->records.contains(id));
        QCOMPARE(store->cursorValue, server->highWater());
    }

    void aPageThatFailsToStoreRollsBackWithItsCursor()
    {
        SyncEngine::Options options;
        options.pullPageLimit = 3;
        options.pullStoreBatch = 3; // a transaction per page
        makeEngine(options);
        const QList<QUuid> ids = colleagueRecords(6);
        store->failAcceptFor = ids.at(4); // the second page

        const SyncReport broken = startSync();
        QVERIFY(!broken.ok);
        QVERIFY(!broken.willRetry); // a local failure is not the network's
        QCOMPARE(engine->state(), SyncEngine::State::Error);
        QVERIFY(engine->stateReason().contains(u"disk is full"_s));
        QCOMPARE(store->cursorValue, 3);
        QVERIFY(store->records.contains(ids.at(2)));
        QVERIFY(!store->records.contains(ids.at(3))); // rolled back with the page
        QCOMPARE(store->transactionsRolledBack, 1);
        QCOMPARE(scheduler->pendingCount(), 0);

        const SyncReport resumed = waitForSync([this] { engine->syncNow(); });
        QVERIFY(resumed.ok);
        QCOMPARE(store->records.size(), 6);
        QCOMPARE(store->cursorValue, 6);
    }

    void backoffGrowsIsJitteredHonoursRetryAfterAndResets()
    {
        protocol::ApiError unavailable = protocol::ApiError::unavailable(u"busy"_s);
        unavailable.retryAfterSeconds.reset();
        server->failNext("GET"_ba, u"/v1/health"_s, unavailable, 3);

        QVERIFY(!startSync().ok);
        QCOMPARE(scheduler->pendingDelays(),
                 (QList<qint64>{2'000})); // the first range is [2 s, 2 s]
        QCOMPARE(engine->nextAttemptAt().toMSecsSinceEpoch(), clock.nowMs() + 2'000);
        random = 0.5;
        QVERIFY(!runTimer().ok);
        QCOMPARE(scheduler->pendingDelays(), (QList<qint64>{2'000 + 1'000})); // [2 s, 4 s]
        random = 0.0;
        QVERIFY(!runTimer().ok);
        QCOMPARE(scheduler->pendingDelays(), (QList<qint64>{2'000})); // [2 s, 8 s], low end
        QCOMPARE(engine->backoff().failures(), 3);
        QVERIFY(runTimer().ok);
        QCOMPARE(engine->backoff().failures(), 0);
        QCOMPARE(engine->state(), SyncEngine::State::Idle);

        // After a success the next failure starts from the bottom again, and a Retry-After
        // longer than the backoff wins.
        random = 0.999999;
        server->failNext("POST"_ba, u"/v1/records"_s, protocol::ApiError::rateLimited(120));
        store->write(u"x"_s);
        const SyncReport limited = waitForSync([this] { engine->syncNow(); });
        QVERIFY(!limited.ok);
        QVERIFY(limited.willRetry);
        QCOMPARE(scheduler->pendingDelays(), (QList<qint64>{120'000}));
        QVERIFY(runTimer().ok);
    }

    void backoffIsCappedAtFifteenMinutes()
    {
        transport->setOffline(true); // every request fails, the engine still believes it is online
        QVERIFY(!startSync().ok);
        QList<qint64> delays;
        for (int i = 0; i < 12; ++i) {
            delays << scheduler->pendingDelays().constFirst();
            QVERIFY(!runTimer().ok);
        }
        QVERIFY(delays.at(1) > delays.at(0));
        QVERIFY(delays.at(5) > delays.at(4));
        QCOMPARE(delays.constLast(), 900'000 - 1);
        for (qint64 delay : delays)
            QVERIFY(delay >= 2'000 && delay <= 900'000);
    }

    void otherClientErrorsAreNotRetried()
    {
        store->write(u"x"_s);
        server->failNext("POST"_ba, u"/v1/records"_s,
                         protocol::ApiError::invalidField(u"items[0].envelope"_s, u"is bad"_s));
        const SyncReport report = startSync();
        QVERIFY(!report.ok);
        QVERIFY(!report.willRetry);
        QCOMPARE(engine->state(), SyncEngine::State::Error);
        QVERIFY(engine->stateReason().contains(u"invalid_field"_s));
        QCOMPARE(scheduler->pendingCount(), 0);
        QCOMPARE(server->pushRequests(), 0); // the fault answered before the server counted
        QCOMPARE(transport->count("POST"_ba, u"/v1/records"_s), 1);
        // The next trigger tries again.
        QVERIFY(waitForSync([this] { engine->syncNow(); }).ok);
    }

    void aRevokedDeviceStopsWithoutRetrying()
    {
        server->failNext("POST"_ba, u"/v1/auth/token"_s, protocol::ApiError::deviceRevoked());
        const SyncReport report = startSync();
        QVERIFY(!report.ok);
        QCOMPARE(engine->state(), SyncEngine::State::Error);
        QVERIFY(engine->stateReason().contains(u"device_revoked"_s));
        QCOMPARE(scheduler->pendingCount(), 0);
    }

    void anExpiredTokenSignsInAgainOnce()
    {
        QVERIFY(startSync().ok);
        server->expireTokens();
        store->write(u"x"_s);
        const SyncReport report = waitForSync([this] { engine->syncNow(); });
        QVERIFY2(report.ok, qPrintable(report.error));
        QCOMPARE(server->tokensIssued(), 2);
        QCOMPARE(report.pushed, 1);

        // A token refused again right after signing in is an error, not a loop.
        server->failNext("GET"_ba, u"/v1/records"_s, protocol::ApiError::tokenExpired(), 2);
        const SyncReport refused = waitForSync([this] { engine->syncNow(); });
        QVERIFY(!refused.ok);
        QVERIFY(!refused.willRetry);
        QCOMPARE(server->tokensIssued(), 3);
        QCOMPARE(scheduler->pendingCount(), 0);
    }

    void aChangedServerIdIsRefused()
    {
        server->serverId = u"11111111-2222-4333-8444-555555555555"_s;
        const SyncReport report = startSync();
        QVERIFY(!report.ok);
        QVERIFY(!report.willRetry);
        QVERIFY(engine->stateReason().contains(u"not the one this device enrolled with"_s));
        QCOMPARE(transport->count("POST"_ba, u"/v1/auth/challenge"_s), 0);
    }

    void debounceCoalescesManyWritesIntoOneSync()
    {
        QVERIFY(startSync().ok);
        QSignalSpy finished(engine.get(), &SyncEngine::finished);
        for (int i = 0; i < 10; ++i) {
            store->write(u"w%1"_s.arg(i));
            engine->notifyLocalWrite();
            scheduler->advanceMs(500); // less than the debounce: the timer restarts
        }
        QCOMPARE(scheduler->pendingCount(), 1);
        QCOMPARE(finished.size(), 0);
        scheduler->advanceMs(2'000);
        QVERIFY(finished.wait(5000));
        QCOMPARE(finished.size(), 1);
        const SyncReport report = finished.constFirst().constFirst().value<SyncReport>();
        QCOMPARE(report.pushed, 10);
        QCOMPARE(server->pushRequests(), 1);
        QCOMPARE(scheduler->pendingCount(), 0);
    }

    void aTriggerDuringASyncRunsExactlyOneMore()
    {
        QSignalSpy finished(engine.get(), &SyncEngine::finished);
        engine->start();
        QVERIFY(engine->isSyncing());
        store->write(u"during"_s);
        engine->syncNow();
        engine->syncNow();
        engine->syncNow();
        QTRY_COMPARE(finished.size(), 2);
        QVERIFY(!engine->isSyncing());
        for (int i = 0; i < 10; ++i)
            QCoreApplication::processEvents();
        QCOMPARE(finished.size(), 2);
        int pushed = 0;
        for (const QVariantList &signal : finished) {
            QVERIFY(signal.at(0).value<SyncReport>().ok);
            pushed += signal.at(0).value<SyncReport>().pushed;
        }
        QCOMPARE(pushed, 1);
    }

    void reachabilityParksAndResumes()
    {
        QVERIFY(startSync().ok);
        engine->setOnline(false);
        QCOMPARE(engine->state(), SyncEngine::State::Offline);
        store->write(u"offline write"_s);
        engine->notifyLocalWrite();
        QCOMPARE(scheduler->pendingCount(), 0);
        const SyncReport report = waitForSync([this] { engine->setOnline(true); });
        QVERIFY(report.ok);
        QCOMPARE(report.pushed, 1);
        QCOMPARE(engine->state(), SyncEngine::State::Idle);
    }

    void aNetworkErrorWhileOfflineWaitsForTheReconnect()
    {
        transport->setOffline(true);
        engine->setOnline(false);
        engine->start();
        QCOMPARE(engine->state(), SyncEngine::State::Offline);
        QVERIFY(!engine->isSyncing());
        // On demand it tries anyway, and parks again without a retry timer.
        const SyncReport report = waitForSync([this] { engine->syncNow(); });
        QVERIFY(!report.ok);
        QCOMPARE(engine->state(), SyncEngine::State::Offline);
        QCOMPARE(scheduler->pendingCount(), 0);
        transport->setOffline(false);
        QVERIFY(waitForSync([this] { engine->setOnline(true); }).ok);
    }

    void stopIgnoresAnswersInFlight()
    {
        store->write(u"x"_s);
        QSignalSpy finished(engine.get(), &SyncEngine::finished);
        engine->start();
        QVERIFY(engine->isSyncing());
        engine->stop();
        QCOMPARE(engine->state(), SyncEngine::State::Stopped);
        // Let every queued answer arrive.
        for (int i = 0; i < 10; ++i)
            QCoreApplication::processEvents();
        QCOMPARE(finished.size(), 0);
        QCOMPARE(engine->state(), SyncEngine::State::Stopped);
        QVERIFY(!engine->api().hasUsableToken());
    }

    void anUnknownAuthorFetchesTheDirectoryOnce()
    {
        server->addUser(member(kLead, protocol::Role::Lead));
        store->directoryVersionValue = server->directoryVersion;
        const FakeEnvelope fromLead = store->envelopeFor(kLead, u"team purpose"_s);
        server->storeVersion(fromLead.toBytes());
        colleagueRecords(1);

        const SyncReport report = startSync();
        QVERIFY2(report.ok, qPrintable(report.error));
        QCOMPARE(transport->count("GET"_ba, u"/v1/directory"_s), 1);
        QVERIFY(store->pins.contains(kLead));
        QVERIFY(store->records.contains(fromLead.id));
        QCOMPARE(report.pulled, 2);
        QCOMPARE(report.errors, 0);
        QCOMPARE(store->cursorValue, server->highWater());
    }

    // The page asked for ahead while the first one was stored is dropped unread when that first
    // page names an unknown author: the pull starts again from the held cursor, and every
    // record is stored once, in order.
    void aPageAskedForAheadIsDroppedWhenThePullRestarts()
    {
        SyncEngine::Options options;
        options.pullPageLimit = 1;
        options.pullStoreBatch = 1;
        makeEngine(options);
        server->addUser(member(kLead, protocol::Role::Lead));
        store->directoryVersionValue = server->directoryVersion;
        const FakeEnvelope fromLead = store->envelopeFor(kLead, u"team purpose"_s);
        server->storeVersion(fromLead.toBytes());
        const QList<QUuid> colleagues = colleagueRecords(2);

        const SyncReport report = startSync();
        QVERIFY2(report.ok, qPrintable(report.error));
        QCOMPARE(report.pulled, 3);
        QCOMPARE(store->records.size(), 3);
        // 0 (the lead's record, unknown), 1 (asked ahead, dropped), then again from 0.
        QCOMPARE(pullAfters().mid(0, 3), (QList<qint64>{0, 1, 0}));
        QCOMPARE(store->cursorsSet.constLast(), server->highWater());
        for (qsizetype i = 1; i < store->cursorsSet.size(); ++i)
            QVERIFY(store->cursorsSet.at(i) >= store->cursorsSet.at(i - 1));
    }

    void aStillUnknownAuthorHoldsTheCursorAndIsReported()
    {
        const QList<QUuid> before = colleagueRecords(2);
        const FakeEnvelope fromStranger = store->envelopeFor(kStranger, u"?"_s);
        const qint64 strangerSeq = server->storeVersion(fromStranger.toBytes());
        const QList<QUuid> after = colleagueRecords(2);
        QSignalSpy problems(engine.get(), &SyncEngine::recordProblem);

        const SyncReport report = startSync();
        QVERIFY2(report.ok, qPrintable(report.error));
        QCOMPARE(report.errors, 1);
        QCOMPARE(transport->count("GET"_ba, u"/v1/directory"_s), 1); // once, not per item
        QVERIFY(!store->records.contains(fromStranger.id));
        for (const QUuid &id : before + after)
            QVERIFY(store->records.contains(id));
        QCOMPARE(store->cursorValue, strangerSeq - 1); // retried at the next sync
        QCOMPARE(problems.size(), 1);
        QCOMPARE(problems.constFirst().at(0).toUuid(), fromStranger.id);

        // Once the server lists the author, the next sync stores the record and moves on.
        server->addUser(member(kStranger));
        const SyncReport next = waitForSync([this] { engine->syncNow(); });
        QVERIFY(next.ok);
        QVERIFY(store->records.contains(fromStranger.id));
        QCOMPARE(store->cursorValue, server->highWater());
    }

    void aDirectoryChangeResealsAndPushesAgain()
    {
        const QUuid shared = store->write(u"shared with my lead"_s, std::nullopt, true);
        QVERIFY(startSync().ok);
        QVERIFY(server->records().value(shared.toString(QUuid::WithoutBraces)).readers.isEmpty());

        server->addUser(member(kLead, protocol::Role::Lead)); // a lead joins: version + 1
        transport->clearLog();
        const SyncReport report = waitForSync([this] { engine->syncNow(); });
        QVERIFY2(report.ok, qPrintable(report.error));
        QCOMPARE(transport->count("GET"_ba, u"/v1/directory"_s), 1);
        QCOMPARE(store->resealCalls, 1);
        QCOMPARE(store->directoryVersionValue, std::optional<qint64>(server->directoryVersion));
        QCOMPARE(server->records().value(shared.toString(QUuid::WithoutBraces)).readers,
                 QStringList{kLead});
        QCOMPARE(store->records.value(shared).state, OutboxState::Synced);
        QCOMPARE(report.pushed, 1);

        // Nothing changed since: no directory fetch, no re-seal.
        transport->clearLog();
        QVERIFY(waitForSync([this] { engine->syncNow(); }).ok);
        QCOMPARE(transport->count("GET"_ba, u"/v1/directory"_s), 0);
        QCOMPARE(store->resealCalls, 1);
    }

    void changedKeysAreRefusedAndReported()
    {
        FakeServer::User changed = member(kColleague);
        changed.boxPublicKey = QByteArray(32, 'X');
        server->addUser(changed);
        QSignalSpy refused(engine.get(), &SyncEngine::directoryKeysRefused);
        QVERIFY(startSync().ok);
        QCOMPARE(refused.size(), 1);
        QCOMPARE(refused.constFirst().at(0).toStringList(), QStringList{kColleague});
        QCOMPARE(store->pins.value(kColleague).boxPublicKey, QByteArray(32, 'b'));
    }

    void aRejectedVersionShowsItsReason()
    {
        const QUuid good = store->write(u"good"_s);
        const QUuid bad = store->write(u"bad"_s);
        store->records[bad].current.signature = QByteArray(64, 'z');
        QSignalSpy problems(engine.get(), &SyncEngine::recordProblem);

        const SyncReport report = startSync();
        QVERIFY(report.ok);
        QCOMPARE(report.pushed, 1);
        QCOMPARE(report.errors, 1);
        QCOMPARE(store->records.value(good).state, OutboxState::Synced);
        QCOMPARE(store->records.value(bad).state, OutboxState::Error);
        QVERIFY(store->records.value(bad).reason.startsWith(u"bad_signature"_s));
        QCOMPARE(problems.size(), 1);
        // A rejected version is not sent again.
        QVERIFY(waitForSync([this] { engine->syncNow(); }).ok);
        QCOMPARE(server->pushRequests(), 1);
    }

    void aDeferredVersionStaysQueuedAndIsSentLater()
    {
        const QUuid ahead = store->writeAt(
            HlcTimestamp{clock.nowMs() + 2 * 3600 * 1000, 0, u"00000000000000aa"_s}, u"ahead"_s);
        const QUuid normal = store->write(u"normal"_s);
        const SyncReport report = startSync();
        QVERIFY(report.ok);
        QCOMPARE(report.pushed, 1);
        QCOMPARE(store->records.value(normal).state, OutboxState::Synced);
        QCOMPARE(store->records.value(ahead).state, OutboxState::Queued);
        QVERIFY(store->records.value(ahead).reason.startsWith(u"clock_in_future"_s));
        // One push request: the deferred version is not pushed again in the same sync.
        QCOMPARE(server->pushRequests(), 1);
        QCOMPARE(scheduler->pendingCount(), 1); // a sync when the clock is within the bound

        const SyncReport later = runTimer();
        QVERIFY(later.ok);
        QCOMPARE(store->records.value(ahead).state, OutboxState::Synced);
    }

    void unsignedVersionsAreSignedBeforeThePush()
    {
        const QUuid id = store->write(u"old"_s);
        store->dropSignature(id);
        QVERIFY(startSync().ok);
        QCOMPARE(store->records.value(id).state, OutboxState::Synced);
    }

    void anAccessRemovalDeletesTheLocalCopy()
    {
        FakeEnvelope shared = store->envelopeFor(kColleague, u"shared"_s);
        QCOMPARE(server->pushAs(kColleague, shared.toBytes()).status,
                 protocol::PushStatus::Accepted);
        QVERIFY(startSync().ok);
        QVERIFY(store->records.contains(shared.id));

        // The colleague un-shares it: a new version without me as a reader.
        FakeEnvelope unshared = shared;
        unshared.clock = HlcTimestamp{clock.nowMs() + 1, 0, u"00000000000000bb"_s}.toString();
        unshared.readers.clear();
        QCOMPARE(server->pushAs(kColleague, unshared.toBytes()).status,
                 protocol::PushStatus::Accepted);
        const SyncReport report = waitForSync([this] { engine->syncNow(); });
        QVERIFY(report.ok);
        QCOMPARE(report.pulled, 1);
        QVERIFY(!store->records.contains(shared.id));
        QCOMPARE(store->cursorValue, server->highWater());
    }

    void progressCountsPushedItems()
    {
        for (int i = 0; i < 5; ++i)
            store->write(u"p%1"_s.arg(i));
        SyncEngine::Options options;
        options.pushMaxItems = 2;
        makeEngine(options);
        QSignalSpy progress(engine.get(), &SyncEngine::progress);
        QVERIFY(startSync().ok);
        QList<qint64> done;
        for (const QVariantList &signal : progress) {
            if (signal.at(0).value<SyncEngine::Phase>() == SyncEngine::Phase::Pushing) {
                done << signal.at(1).toLongLong();
                QCOMPARE(signal.at(2).toLongLong(), 5);
            }
        }
        QCOMPARE(done, (QList<qint64>{0, 2, 4, 5}));
    }

    void pushBatchesRespectTheByteBudget()
    {
        SyncEngine::Options options;
        options.pushMaxBodyBytes = 4096;
        options.pushMaxItems = 10;
        makeEngine(options);
        for (int i = 0; i < 4; ++i)
            store->write(QString(500, u'x'));
        QVERIFY(startSync().ok);
        QCOMPARE(server->records().size(), 4);
        QVERIFY(server->pushRequests() >= 2);
        for (const HttpRequest &request : transport->requests()) {
            if (request.method == "POST"_ba && request.path == u"/v1/records"_s)
                QVERIFY2(request.body.size() <= 4096,
                         qPrintable(QString::number(request.body.size())));
        }
    }
};

QTEST_GUILESS_MAIN(TestSyncEngine)
#include "tst_syncengine.moc"
