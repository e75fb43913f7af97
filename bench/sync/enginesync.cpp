#include "bench/sync/enginesync.h"

#include "sync/client/profilesyncstore.h"
#include "sync/client/qtnetworktransport.h"
#include "sync/client/scheduler.h"
#include "sync/client/serverurl.h"
#include "sync/client/syncengine.h"

#include <QDir>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFileInfo>
#include <QTimer>

using namespace Qt::StringLiterals;

namespace outward::bench {

namespace {

// Passes every request to the real transport and notes, for pulls, the URL, the Authorization
// header and the time in flight.
class RecordingTransport final : public sync::Transport
{
public:
    RecordingTransport(sync::Transport &inner, const QElapsedTimer &clock, EngineSyncRun &run)
        : m_inner(inner)
        , m_clock(clock)
        , m_run(run)
    {}

    void send(const QUrl &baseUrl, const HttpRequest &request, QObject *context,
              Callback callback) override
    {
        if (request.method != "GET"_ba || request.path != u"/v1/records"_s) {
            m_inner.send(baseUrl, request, context, std::move(callback));
            return;
        }
        if (m_run.pageUrls.isEmpty())
            m_run.signInNs = m_clock.nsecsElapsed();
        m_run.pageUrls.append(sync::endpointUrl(baseUrl, request.path, request.query).toString());
        m_run.authorization = request.header("authorization"_ba);
        const qint64 sentAt = m_clock.nsecsElapsed();
        m_inner.send(baseUrl, request, context,
                     [this, sentAt, callback = std::move(callback)](sync::TransportReply reply) {
                         const qint64 answeredAt = m_clock.nsecsElapsed();
                         m_run.waitNs += answeredAt - sentAt;
                         if (reply.response) {
                             ++m_run.pages;
                             m_run.bodyBytes += reply.response->body.size();
                         }
                         callback(std::move(reply));
                     });
    }

private:
    sync::Transport &m_inner;
    const QElapsedTimer &m_clock;
    EngineSyncRun &m_run;
};

// The app's store, with the time of each of the engine's transactions noted.
class TimedStore final : public sync::ProfileSyncStore
{
public:
    TimedStore(Profile &profile, const QElapsedTimer &clock, EngineSyncRun &run)
        : ProfileSyncStore(profile)
        , m_clock(clock)
        , m_run(run)
    {}

    Status transaction(const QString &doing, const std::function<Status()> &body) override
    {
        const qint64 start = m_clock.nsecsElapsed();
        Status status = ProfileSyncStore::transaction(doing, body);
        const qint64 spent = m_clock.nsecsElapsed() - start;
        m_run.storeNs += spent;
        m_run.batchStoreNs.append(spent);
        return status;
    }

private:
    const QElapsedTimer &m_clock;
    EngineSyncRun &m_run;
};

qint64 folderBytes(const QString &folder)
{
    qint64 bytes = 0;
    for (const QFileInfo &file : QDir(folder).entryInfoList(QDir::Files | QDir::Hidden))
        bytes += file.size();
    return bytes;
}

} // namespace

Result<EngineSyncRun> syncWithEngine(Profile &profile, int pageLimit)
{
    EngineSyncRun run;
    QElapsedTimer clock;
    sync::QtNetworkTransport network;
    RecordingTransport transport(network, clock, run);
    sync::QtScheduler scheduler;
    TimedStore store(profile, clock, run);
    sync::SyncEngine::Options options;
    options.pullPageLimit = pageLimit;
    sync::SyncEngine engine(store, transport, scheduler, SystemClock::instance(),
                            sync::BackoffPolicy(), options);

    QEventLoop loop;
    bool finished = false;
    QObject::connect(&engine, &sync::SyncEngine::finished, &loop,
                     [&](const sync::SyncReport &report) {
                         run.wallNs = clock.nsecsElapsed();
                         run.report = report;
                         finished = true;
                         loop.quit();
                     });
    QTimer deadline;
    deadline.setSingleShot(true);
    QObject::connect(&deadline, &QTimer::timeout, &loop, &QEventLoop::quit);
    deadline.start(600'000);
    clock.start();
    engine.start();
    if (!finished)
        loop.exec();
    engine.stop();
    if (!finished)
        return Error(ErrorCode::Internal, u"the sync engine did not finish within 10 minutes"_s);
    if (!run.report.ok)
        return Error(ErrorCode::Internal, u"the sync failed: "_s + run.report.error);

    auto stored = profile.store().count(RecordQuery());
    if (!stored)
        return stored.error();
    run.storedRecords = stored.value();
    run.databaseBytes = folderBytes(profile.folder());
    return run;
}

} // namespace outward::bench
