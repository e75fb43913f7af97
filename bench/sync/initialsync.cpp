#include "bench/sync/initialsync.h"

#include "bench/sync/httpclient.h"

#include <QElapsedTimer>
#include <QFile>
#include <QProcess>

using namespace Qt::StringLiterals;

namespace outward::bench {

Result<PullRun> pullEverything(const QUrl &server, const QString &token, int pageSize,
                               PageProcessor &processor)
{
    HttpClient http(server);
    http.setToken(token);
    PullRun run;
    qint64 after = 0;
    QElapsedTimer timer;
    timer.start();
    for (bool more = true; more;) {
        const QString pathAndQuery = u"/v1/records?after=%1&limit=%2"_s.arg(after).arg(pageSize);
        run.pageUrls.append(http.url(pathAndQuery).toString());
        const HttpResult page = http.get(pathAndQuery);
        run.waitNs += page.elapsedNs;
        if (!page.ok())
            return Error(ErrorCode::Internal, u"GET %1: %2"_s.arg(pathAndQuery, page.describe()));
        run.bodyBytes += page.body.size();
        QElapsedTimer processing;
        processing.start();
        auto outcome = processor.process(page.body);
        run.processNs += processing.nsecsElapsed();
        if (!outcome)
            return outcome.error().withContext(u"page %1"_s.arg(run.pages + 1));
        ++run.pages;
        run.records += outcome->records;
        more = outcome->hasMore;
        if (more && outcome->cursor <= after)
            return Error(ErrorCode::Internal, u"the cursor did not move forward"_s);
        after = outcome->cursor;
    }
    run.wallNs = timer.nsecsElapsed();
    return run;
}

Result<CurlRun> curlEverything(const QString &curl, const QList<QString> &urls,
                               const QByteArray &authorization, const QString &workFolder)
{
    const QString configPath = workFolder + u"/curl-config"_s;
    QFile config(configPath);
    if (!config.open(QIODevice::WriteOnly | QIODevice::Truncate))
        return Error(ErrorCode::Storage, u"cannot write "_s + configPath);
    config.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    QByteArray text = "silent\nshow-error\nfail\nheader = \"Authorization: "_ba + authorization +
                      "\"\nwrite-out = \"%{size_download}\\n\"\n"_ba;
    for (const QString &url : urls)
        text += "url = \""_ba + url.toUtf8() + "\"\noutput = \"/dev/null\"\n"_ba;
    config.write(text);
    config.close();

    QProcess process;
    QElapsedTimer timer;
    timer.start();
    process.start(curl, {u"-K"_s, configPath});
    const bool finished = process.waitForFinished(300000);
    CurlRun run;
    run.wallNs = timer.nsecsElapsed();
    QFile::remove(configPath);
    if (!finished || process.exitStatus() != QProcess::NormalExit || process.exitCode() != 0)
        return Error(ErrorCode::Internal,
                     u"curl failed (exit %1): %2"_s.arg(process.exitCode())
                         .arg(QString::fromUtf8(process.readAllStandardError()).trimmed() +
                              process.errorString()));
    const QList<QByteArray> sizes = process.readAllStandardOutput().split('\n');
    for (const QByteArray &size : sizes) {
        if (size.trimmed().isEmpty())
            continue;
        run.bytes += size.trimmed().toLongLong();
        ++run.pages;
    }
    return run;
}

} // namespace outward::bench
