#include "bench/sync/pushload.h"

#include "bench/sync/httpclient.h"

#include <QElapsedTimer>
#include <QEventLoop>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QThread>
#include <QTimer>

#include <atomic>
#include <condition_variable>
#include <memory>
#include <mutex>

using namespace Qt::StringLiterals;

namespace outward::bench {

namespace {

struct ClientOutcome
{
    QList<PushRequestTiming> requests;
    int accepted = 0;
    int notAccepted = 0;
    QString firstProblem;
};

// Counts the items of a push answer by status (protocol.md 11.5). Done after the latency is taken.
void tally(const HttpResult &result, ClientOutcome &outcome)
{
    if (result.status != 200) {
        if (outcome.firstProblem.isEmpty())
            outcome.firstProblem = result.describe();
        return;
    }
    const QJsonArray results =
        QJsonDocument::fromJson(result.body).object().value(u"results"_s).toArray();
    for (const QJsonValue &item : results) {
        const QJsonObject object = item.toObject();
        if (object.value(u"status"_s).toString() == u"accepted"_s) {
            ++outcome.accepted;
        } else {
            ++outcome.notAccepted;
            if (outcome.firstProblem.isEmpty())
                outcome.firstProblem =
                    QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Compact));
        }
    }
}

} // namespace

Result<PushLoadResult> runPushLoad(const QUrl &server, const QList<PushClient> &clients,
                                   const std::function<void()> &onTick, int tickMs)
{
    std::mutex mutex;
    std::condition_variable released;
    bool go = false;
    int ready = 0;
    QElapsedTimer clock; // started when all clients are ready; read by every thread
    QList<ClientOutcome> outcomes(clients.size());
    std::atomic<int> running{int(clients.size())};

    QList<QThread *> threads;
    for (int c = 0; c < clients.size(); ++c) {
        threads.append(QThread::create([&, c] {
            const PushClient &client = clients.at(c);
            ClientOutcome &outcome = outcomes[c];
            HttpClient http(server);
            http.setToken(client.token);
            // Opens the keep-alive connection before the clock starts, as a client that has
            // synced before has one (GET /v1/me needs the token like a push).
            const HttpResult warm = http.get(u"/v1/me"_s);
            if (!warm.ok())
                outcome.firstProblem = u"GET /v1/me: "_s + warm.describe();
            {
                std::unique_lock lock(mutex);
                ++ready;
                released.notify_all();
                released.wait(lock, [&] { return go; });
            }
            for (int b = 0; b < client.bodies.size(); ++b) {
                PushRequestTiming timing;
                timing.client = c;
                timing.items = client.itemsPerBody.at(b);
                timing.startNs = clock.nsecsElapsed();
                const HttpResult result = http.post(u"/v1/records"_s, client.bodies.at(b));
                timing.latencyNs = result.elapsedNs;
                outcome.requests.append(timing);
                tally(result, outcome);
            }
            --running;
        }));
    }
    for (QThread *thread : threads)
        thread->start();
    {
        std::unique_lock lock(mutex);
        released.wait(lock, [&] { return ready == clients.size(); });
        clock.start();
        go = true;
    }
    released.notify_all();

    QEventLoop loop;
    QTimer tick;
    QObject::connect(&tick, &QTimer::timeout, &loop, [&] {
        onTick();
        if (running == 0)
            loop.quit();
    });
    tick.start(tickMs);
    loop.exec();
    const qint64 wallEnd = clock.nsecsElapsed();

    PushLoadResult result;
    for (QThread *thread : threads) {
        thread->wait();
        delete thread;
    }
    qint64 lastEnd = 0;
    for (const ClientOutcome &outcome : outcomes) {
        for (const PushRequestTiming &timing : outcome.requests)
            lastEnd = std::max(lastEnd, timing.startNs + timing.latencyNs);
        result.requests += outcome.requests;
        result.accepted += outcome.accepted;
        result.notAccepted += outcome.notAccepted;
        if (result.firstProblem.isEmpty())
            result.firstProblem = outcome.firstProblem;
    }
    result.wallNs = lastEnd > 0 ? lastEnd : wallEnd;
    return result;
}

} // namespace outward::bench
