#pragma once

#include "bench/sync/pageprocessor.h"
#include "core/common/result.h"

#include <QList>
#include <QString>
#include <QUrl>

namespace outward::bench {

struct PullRun
{
    qint64 wallNs = 0;    // first request sent to the last page processed
    qint64 waitNs = 0;    // of which waiting for the server's answers (the device idle)
    qint64 processNs = 0; // of which in PageProcessor::process
    int pages = 0;
    int records = 0;
    qint64 bodyBytes = 0;
    QList<QString> pageUrls; // every URL asked for, in order
};

// Every page from the start, as an initial sync asks for them: GET
// /v1/records?after=0&limit=pageSize, the page given to the processor, then the next page from
// the cursor it returns, until has_more is false. One request at a time on one keep-alive
// connection, as a device does it. pageUrls is only informative here (curl gets the engine's).
Result<PullRun> pullEverything(const QUrl &server, const QString &token, int pageSize,
                               PageProcessor &processor);

struct CurlRun
{
    qint64 wallNs = 0; // the curl process from start to exit
    qint64 bytes = 0;  // bodies downloaded, from curl's own count
    int pages = 0;
};

// The same URLs with the same Authorization header, downloaded by one curl process on one
// keep-alive connection to /dev/null: the floor for moving these bytes from this server. The
// token goes to curl in a config file (-K), never on its command line.
Result<CurlRun> curlEverything(const QString &curl, const QList<QString> &urls,
                               const QByteArray &authorization, const QString &workFolder);

} // namespace outward::bench
