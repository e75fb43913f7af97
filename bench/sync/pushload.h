#pragma once

#include "core/common/result.h"

#include <QByteArray>
#include <QList>
#include <QString>
#include <QUrl>

#include <functional>

namespace outward::bench {

// One push client: its token and its pre-built request bodies (POST /v1/records), sent one after
// another, each as soon as the previous answer is in.
struct PushClient
{
    QString token;
    QList<QByteArray> bodies;
    QList<int> itemsPerBody;
};

struct PushRequestTiming
{
    int client = 0;
    qint64 startNs = 0;   // since the common start
    qint64 latencyNs = 0; // sending the request to the end of the answer
    int items = 0;
};

struct PushLoadResult
{
    qint64 wallNs = 0; // common start to the last answer
    QList<PushRequestTiming> requests;
    int accepted = 0;
    int notAccepted = 0;
    QString firstProblem; // the first non-200 answer or non-accepted item, if any
};

// Runs every client on its own thread with its own QNetworkAccessManager (its own keep-alive
// connection), all released at once. `onTick` runs on the calling thread about every tickMs while
// the clients work (the server's memory is sampled there).
Result<PushLoadResult> runPushLoad(const QUrl &server, const QList<PushClient> &clients,
                                   const std::function<void()> &onTick, int tickMs);

} // namespace outward::bench
