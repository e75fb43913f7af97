// The sync benchmarks against a real outward-server on loopback (docs/protocol.md). Each
// subcommand starts a fresh server on a temporary data folder, enrols its users with raw protocol
// requests, seals their records with core (RecordService::addMany: the app's envelopes, record
// signatures and key commitments), then measures. It prints a small table and one
// machine-readable line "BENCH step=... key=value ..." that bench/run.sh collects.
//
//   push --server EXE [--records N] [--clients C] [--batch B] [--work DIR]
//        C users (one lead, the others staff) of one team, each pushing N/C pre-sealed
//        interactions in requests of B items, one request after another on its own thread and
//        connection, all at once: records/s, latency per request (p50, p99), the server's
//        resident memory (VmRSS sampled every 20 ms, VmHWM) and its own time per push (its
//        access log)
//   sync --server EXE [--records N] [--page P] [--runs R] [--threads T] [--curl EXE] [--work DIR]
//        one user with N records on the server (pushed first by one client in requests of 500,
//        also reported); then R times, alternating the order: a fresh device of that user
//        (linked as protocol.md 14) pulls everything page by page (limit P) and processes each
//        page (pageprocessor.h; verification on T threads), and curl downloads the same URLs
//        with the same token to /dev/null; then once with verification on one thread
//
// Defaults: 100,000 records, 20 clients, batches of 100, pages of 1,000, 3 runs, as many threads
// as cores.

#include "bench/sync/benchserver.h"
#include "bench/sync/benchuser.h"
#include "bench/sync/httpclient.h"
#include "bench/sync/initialsync.h"
#include "bench/sync/pageprocessor.h"
#include "bench/sync/pushload.h"
#include "bench/sync/stats.h"
#include "sync/protocol/messages_auth.h"
#include "sync/protocol/messages_records.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonDocument>
#include <QLoggingCategory>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QThread>

#include <cstdio>
#include <memory>
#include <sys/resource.h>

using namespace Qt::StringLiterals;
using namespace outward;
using namespace outward::bench;

namespace {

[[noreturn]] void fail(const QString &what, const Error &error)
{
    std::fprintf(stderr, "bench_sync: %s: %s\n", qPrintable(what), qPrintable(error.toString()));
    std::exit(1);
}

[[noreturn]] void fail(const QString &what)
{
    std::fprintf(stderr, "bench_sync: %s\n", qPrintable(what));
    std::exit(1);
}

template<typename T>
T need(Result<T> result, const QString &what)
{
    if (!result)
        fail(what, result.error());
    return std::move(result).value();
}

void need(const Status &status, const QString &what)
{
    if (!status)
        fail(what, status.error());
}

void progress(const QString &text)
{
    std::fprintf(stderr, "  %s\n", qPrintable(text));
}

QString option(const QStringList &args, const QString &name, const QString &fallback = {})
{
    const qsizetype at = args.indexOf(name);
    return at >= 0 && at + 1 < args.size() ? args.at(at + 1) : fallback;
}

int intOption(const QStringList &args, const QString &name, int fallback)
{
    bool ok = false;
    const int value = option(args, name, QString::number(fallback)).toInt(&ok);
    if (!ok || value <= 0)
        fail(u"%1 needs a positive whole number"_s.arg(name));
    return value;
}

double ms(qint64 ns)
{
    return double(ns) / 1e6;
}

// This process, all threads.
double ownCpuMs()
{
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    return double(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) * 1e3 +
           double(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e3;
}

double mib(qint64 kib)
{
    return double(kib) / 1024.0;
}

// The work folder: --work DIR (made if missing, left in place) or a temporary one, removed at exit.
struct WorkFolder
{
    std::unique_ptr<QTemporaryDir> temporary;
    QString path;
};

WorkFolder workFolder(const QStringList &args)
{
    WorkFolder work;
    const QString given = option(args, u"--work"_s);
    if (!given.isEmpty()) {
        if (!QDir().mkpath(given))
            fail(u"cannot create "_s + given);
        work.temporary = std::make_unique<QTemporaryDir>(given + u"/bench-sync-XXXXXX"_s);
    } else {
        work.temporary = std::make_unique<QTemporaryDir>();
    }
    if (!work.temporary->isValid())
        fail(u"cannot create a work folder"_s);
    work.path = work.temporary->path();
    return work;
}

QString serverExecutable(const QStringList &args)
{
    const QString path = option(args, u"--server"_s);
    if (path.isEmpty() || !QFileInfo(path).isExecutable())
        fail(u"--server must name the outward-server executable"_s);
    return path;
}

// A fresh server with one team; returns it and its id from /v1/health.
std::unique_ptr<BenchServer> startServer(const QStringList &args, const QString &work,
                                         QString *serverId)
{
    progress(u"starting outward-server"_s);
    auto server = need(BenchServer::start(serverExecutable(args), work + u"/server"_s),
                       u"starting the server"_s);
    need(server->addTeam(u"Bench team"_s), u"adding the team"_s);
    HttpClient http(server->url());
    const HttpResult health = http.get(u"/v1/health"_s);
    if (!health.ok())
        fail(u"GET /v1/health: "_s + health.describe());
    auto parsed = protocol::HealthResponse::fromJson(QJsonDocument::fromJson(health.body).object());
    if (!parsed)
        fail(u"GET /v1/health: "_s + parsed.error().message);
    *serverId = parsed->serverId;
    return server;
}

// Enrols `count` users (the first a lead when `withLead`), pins the team's directory on each
// profile and saves their sync settings.
std::vector<std::unique_ptr<BenchUser>> enrolUsers(BenchServer &server, const QString &serverId,
                                                   const QString &work, int count, bool withLead)
{
    progress(u"enrolling %1 users"_s.arg(count));
    HttpClient http(server.url());
    std::vector<std::unique_ptr<BenchUser>> users;
    QStringList roles;
    for (int i = 0; i < count; ++i) {
        const QString role = withLead && i == 0 ? u"lead"_s : u"staff"_s;
        const QString code = need(server.invite(u"Bench team"_s, role), u"making an invite"_s);
        auto user = need(BenchUser::create(work + u"/users/%1"_s.arg(i), u"Bench user %1"_s.arg(i)),
                         u"creating a profile"_s);
        // One made-up client address per user (see HttpClient::setForwardedFor).
        need(user->enrol(http, serverId, code,
                         u"10.1.%1.%2"_s.arg(i / 250).arg(i % 250 + 1).toLatin1()),
             u"enrolling user %1"_s.arg(i));
        users.push_back(std::move(user));
        roles.append(role);
    }
    http.setToken(users.front()->device().token);
    const HttpResult got = http.get(u"/v1/directory"_s);
    if (!got.ok())
        fail(u"GET /v1/directory: "_s + got.describe());
    auto directory = protocol::Directory::fromJson(QJsonDocument::fromJson(got.body).object());
    if (!directory)
        fail(u"GET /v1/directory: "_s + directory.error().message);
    for (int i = 0; i < count; ++i)
        need(users.at(i)->join(server.url().toString(), serverId, *directory, roles.at(i)),
             u"saving user %1's enrolment"_s.arg(i));
    return users;
}

// Request bodies of at most `batch` items each.
void buildBodies(const QList<protocol::PushItem> &items, int batch, PushClient &client)
{
    for (qsizetype from = 0; from < items.size(); from += batch) {
        protocol::PushRequest request;
        request.items = items.mid(from, batch);
        client.bodies.append(QJsonDocument(request.toJson()).toJson(QJsonDocument::Compact));
        client.itemsPerBody.append(int(request.items.size()));
    }
}

QString loadText()
{
    QFile file(u"/proc/loadavg"_s);
    if (!file.open(QIODevice::ReadOnly))
        return u"n/a"_s;
    return QString::fromLatin1(file.readAll()).section(u' ', 0, 2);
}

int runPush(const QStringList &args)
{
    const int records = intOption(args, u"--records"_s, 100000);
    const int clients = intOption(args, u"--clients"_s, 20);
    const int batch = intOption(args, u"--batch"_s, 100);
    if (batch > 500)
        fail(u"--batch is at most 500 (protocol.md 3.1)"_s);
    if (clients > records)
        fail(u"--clients must not exceed --records"_s);
    const WorkFolder work = workFolder(args);
    QString serverId;
    auto server = startServer(args, work.path, &serverId);
    auto users = enrolUsers(*server, serverId, work.path, clients, true);

    progress(u"sealing %1 interactions (RecordService::addMany) and building requests of %2"_s
                 .arg(records)
                 .arg(batch));
    QList<PushClient> pushClients;
    qint64 envelopeBytes = 0;
    qint64 bodyBytes = 0;
    for (int c = 0; c < clients; ++c) {
        const int share = records / clients + (c < records % clients ? 1 : 0);
        const auto items = need(users.at(c)->sealInteractions(share, 1000 + quint64(c)),
                                u"sealing user %1's records"_s.arg(c));
        for (const protocol::PushItem &item : items)
            envelopeBytes += item.envelope.size();
        PushClient client;
        client.token = users.at(c)->device().token;
        buildBodies(items, batch, client);
        for (const QByteArray &body : std::as_const(client.bodies))
            bodyBytes += body.size();
        pushClients.append(std::move(client));
    }

    progress(u"pushing: %1 clients at once"_s.arg(clients));
    const QString loadBefore = loadText();
    const MemoryKiB before = server->memory();
    const qint64 logOffset = server->logSize();
    const double serverCpuBefore = server->cpuMs();
    const double ownCpuBefore = ownCpuMs();
    qint64 rssPeakSampled = before.rss;
    QList<double> rssSamples;
    auto result = need(runPushLoad(
                           server->url(), pushClients,
                           [&] {
                               const MemoryKiB now = server->memory();
                               rssPeakSampled = std::max(rssPeakSampled, now.rss);
                               rssSamples.append(mib(now.rss));
                           },
                           20),
                       u"the push load"_s);
    const MemoryKiB after = server->memory();
    const double serverCpu = server->cpuMs() - serverCpuBefore;
    const double clientCpu = ownCpuMs() - ownCpuBefore;
    const QString loadAfter = loadText();
    if (result.notAccepted > 0 || result.accepted != records)
        fail(u"%1 of %2 items were accepted; first problem: %3"_s.arg(result.accepted)
                 .arg(records)
                 .arg(result.firstProblem));

    QList<double> latencies;
    for (const PushRequestTiming &timing : std::as_const(result.requests))
        latencies.append(ms(timing.latencyNs));
    QList<double> serverMs;
    for (const ServerRequestTime &time : server->requestTimes(logOffset)) {
        if (time.method == u"POST"_s && time.path == u"/v1/records"_s)
            serverMs.append(time.ms);
    }
    const double wallMs = ms(result.wallNs);
    const double perSecond = double(records) / (wallMs / 1000.0);
    const double p50 = quantile(latencies, 0.50);
    const double p90 = quantile(latencies, 0.90);
    const double p99 = quantile(latencies, 0.99);
    const double maxLatency = quantile(latencies, 1.0);
    const double serverBusyMs = [&] {
        double sum = 0;
        for (double value : std::as_const(serverMs))
            sum += value;
        return sum;
    }();

    std::printf("\nPush: %d clients, %d records (%d each), %d per request (%lld requests), "
                "envelopes of %lld B\n",
                clients, records, records / clients, batch,
                static_cast<long long>(latencies.size()),
                static_cast<long long>(envelopeBytes / records));
    std::printf("  %-44s %12.1f ms\n", "wall time, first request to last answer", wallMs);
    std::printf("  %-44s %12.0f records/s  (target >= 10,000)\n", "throughput", perSecond);
    std::printf("  %-44s %8.1f / %.1f / %.1f / %.1f ms  (target p99 < 100)\n",
                "latency per request p50 / p90 / p99 / max", p50, p90, p99, maxLatency);
    std::printf("  %-44s %8.0f / %.0f / %.0f ms, busy %.0f ms of %.0f\n",
                "server's own time per push p50 / p99 / max", quantile(serverMs, 0.5),
                quantile(serverMs, 0.99), quantile(serverMs, 1.0), serverBusyMs, wallMs);
    std::printf("  %-44s %8.0f ms, %.0f us per record (%.0f records per CPU second)\n",
                "server CPU time (user + system)", serverCpu, serverCpu * 1000 / records,
                records / (serverCpu / 1000));
    std::printf("  %-44s %8.0f ms\n", "the clients' CPU time (this process)", clientCpu);
    std::printf("  %-44s %8.1f / %.1f / %.1f MiB\n", "server VmRSS before / peak sampled / after",
                mib(before.rss), mib(rssPeakSampled), mib(after.rss));
    std::printf("  %-44s %8.1f MiB\n", "server VmHWM (peak resident) at the end", mib(after.hwm));
    std::printf("  load average before / after: %s / %s\n\n", qPrintable(loadBefore),
                qPrintable(loadAfter));

    std::printf("BENCH step=push records=%d clients=%d batch=%d requests=%lld "
                "envelope_avg_bytes=%lld body_avg_bytes=%lld wall_ms=%.1f records_per_s=%.0f "
                "p50_ms=%.2f p90_ms=%.2f p99_ms=%.2f max_ms=%.2f mean_ms=%.2f "
                "server_p50_ms=%.0f server_p99_ms=%.0f server_busy_ms=%.0f "
                "rss_before_mib=%.1f rss_peak_mib=%.1f rss_after_mib=%.1f hwm_mib=%.1f "
                "rss_samples=%lld server_cpu_ms=%.0f client_cpu_ms=%.0f "
                "load_before=\"%s\" load_after=\"%s\"\n",
                records, clients, batch, static_cast<long long>(latencies.size()),
                static_cast<long long>(envelopeBytes / records),
                static_cast<long long>(bodyBytes / std::max<qsizetype>(1, latencies.size())),
                wallMs, perSecond, p50, p90, p99, maxLatency, mean(latencies),
                quantile(serverMs, 0.5), quantile(serverMs, 0.99), serverBusyMs, mib(before.rss),
                mib(rssPeakSampled), mib(after.rss), mib(after.hwm),
                static_cast<long long>(rssSamples.size()), serverCpu, clientCpu,
                qPrintable(loadBefore), qPrintable(loadAfter));
    return 0;
}

int runSync(const QStringList &args)
{
    const int records = intOption(args, u"--records"_s, 100000);
    const int pageSize = intOption(args, u"--page"_s, 1000);
    const int runs = intOption(args, u"--runs"_s, 3);
    const int threads = intOption(args, u"--threads"_s, QThread::idealThreadCount());
    const QString curl = option(args, u"--curl"_s, QStandardPaths::findExecutable(u"curl"_s));
    if (curl.isEmpty())
        fail(u"curl is not installed (apt-get install curl) or --curl names no executable"_s);
    const WorkFolder work = workFolder(args);
    QString serverId;
    auto server = startServer(args, work.path, &serverId);
    auto users = enrolUsers(*server, serverId, work.path, 1, false);
    BenchUser &user = *users.front();

    progress(u"sealing %1 interactions (RecordService::addMany)"_s.arg(records));
    const auto items = need(user.sealInteractions(records, 2000), u"sealing the records"_s);
    qint64 envelopeBytes = 0;
    for (const protocol::PushItem &item : items)
        envelopeBytes += item.envelope.size();
    PushClient uploader;
    uploader.token = user.device().token;
    buildBodies(items, 500, uploader);
    progress(u"pushing them from one client, 500 per request"_s);
    auto pushed = need(runPushLoad(
                           server->url(), {uploader}, [] {}, 50),
                       u"pushing"_s);
    if (pushed.accepted != records)
        fail(u"%1 of %2 pushed records were accepted: %3"_s.arg(pushed.accepted)
                 .arg(records)
                 .arg(pushed.firstProblem));
    const double pushMs = ms(pushed.wallNs);

    const QHash<QString, QByteArray> signKeys{{user.userId(), user.signPublicKey()}};
    HttpClient setup(server->url());
    auto freshDevice = [&](int n) {
        return need(user.linkNewDevice(setup, serverId, u"Fresh device %1"_s.arg(n),
                                       u"10.2.%1.%2"_s.arg(n / 250).arg(n % 250 + 1).toLatin1()),
                    u"linking a new device"_s);
    };
    struct DeviceRun
    {
        PullRun pull;
        double serverCpuMs = 0;
        double deviceCpuMs = 0;
        double decodeMs = 0;
        double checkMs = 0;
        QString processing;
    };
    auto devicePull = [&](const BenchDevice &device, int verifyThreads) {
        VerifyingPageProcessor processor(signKeys, verifyThreads);
        DeviceRun run;
        const double serverBefore = server->cpuMs();
        const double deviceBefore = ownCpuMs();
        run.pull = need(pullEverything(server->url(), device.token, pageSize, processor),
                        u"the initial sync"_s);
        run.serverCpuMs = server->cpuMs() - serverBefore;
        run.deviceCpuMs = ownCpuMs() - deviceBefore;
        if (run.pull.records != records)
            fail(
                u"the fresh device received %1 records of %2"_s.arg(run.pull.records).arg(records));
        run.decodeMs = ms(processor.decodeNs());
        run.checkMs = ms(processor.checkNs());
        run.processing = processor.describe();
        return run;
    };
    QList<double> curlServerCpuMs;
    auto curlPull = [&](const BenchDevice &device, const QList<QString> &urls) {
        const double serverBefore = server->cpuMs();
        CurlRun run =
            need(curlEverything(curl, urls, QByteArrayLiteral("Bearer ") + device.token.toLatin1(),
                                work.path),
                 u"curl"_s);
        curlServerCpuMs.append(server->cpuMs() - serverBefore);
        return run;
    };

    QList<double> deviceMs, curlMs, waitMs, processMs, decodeMs, checkMs, serverCpuMs, deviceCpuMs;
    DeviceRun last;
    qint64 curlBytes = 0;
    for (int r = 0; r < runs; ++r) {
        const BenchDevice device = freshDevice(r);
        DeviceRun run;
        CurlRun curlRun;
        if (r % 2 == 0) {
            progress(u"run %1/%2: fresh device, then curl"_s.arg(r + 1).arg(runs));
            run = devicePull(device, threads);
            curlRun = curlPull(device, run.pull.pageUrls);
        } else {
            // curl needs the URLs, which only a pull tells: those of the previous run (the same
            // records on the server, so the same cursors; checked below).
            progress(u"run %1/%2: curl, then fresh device"_s.arg(r + 1).arg(runs));
            curlRun = curlPull(device, last.pull.pageUrls);
            run = devicePull(device, threads);
            if (run.pull.pageUrls != last.pull.pageUrls)
                fail(u"the pages changed between runs"_s);
        }
        if (curlRun.bytes != run.pull.bodyBytes || curlRun.pages != run.pull.pages)
            fail(u"curl got %1 bytes in %2 pages, the device %3 in %4"_s.arg(curlRun.bytes)
                     .arg(curlRun.pages)
                     .arg(run.pull.bodyBytes)
                     .arg(run.pull.pages));
        deviceMs.append(ms(run.pull.wallNs));
        curlMs.append(ms(curlRun.wallNs));
        waitMs.append(ms(run.pull.waitNs));
        processMs.append(ms(run.pull.processNs));
        decodeMs.append(run.decodeMs);
        checkMs.append(run.checkMs);
        serverCpuMs.append(run.serverCpuMs);
        deviceCpuMs.append(run.deviceCpuMs);
        curlBytes = curlRun.bytes;
        last = run;
    }

    progress(u"reference: a fresh device verifying on one thread"_s);
    const PullRun single = devicePull(freshDevice(runs), 1).pull;
    const MemoryKiB memory = server->memory();

    const double device = median(deviceMs);
    const double curlTime = median(curlMs);
    const double ratio = device / curlTime;
    const double perSecond = double(records) / (device / 1000.0);
    QStringList deviceRuns, curlRuns;
    for (int r = 0; r < runs; ++r) {
        deviceRuns.append(QString::number(deviceMs.at(r), 'f', 0));
        curlRuns.append(QString::number(curlMs.at(r), 'f', 0));
    }

    std::printf("\nInitial sync of %d records (envelopes of %lld B) to a fresh device, pages of "
                "%d (%d pages, %.1f MiB of JSON)\n",
                records, static_cast<long long>(envelopeBytes / records), pageSize, last.pull.pages,
                double(curlBytes) / 1048576.0);
    std::printf("  device: %s\n", qPrintable(last.processing));
    std::printf("  %-50s %10.1f ms  runs: %s\n", "fresh device, everything (median)", device,
                qPrintable(deviceRuns.join(u' ')));
    std::printf("  %-50s %10.1f ms  runs: %s\n", "curl, the same URLs to /dev/null (median)",
                curlTime, qPrintable(curlRuns.join(u' ')));
    std::printf("  %-50s %10.2fx  (target <= 3x)\n", "ratio", ratio);
    std::printf("  %-50s %10.0f records/s  (target >= 30,000)\n", "throughput", perSecond);
    std::printf("  %-50s %10.1f / %.1f ms\n", "device waiting for the server / processing",
                median(waitMs), median(processMs));
    std::printf("  %-50s %10.1f / %.1f ms\n", "processing: JSON + base64 / header + signature",
                median(decodeMs), median(checkMs));
    std::printf("  %-50s %10.0f / %.0f / %.0f ms\n",
                "CPU: server for the device / server for curl / device", median(serverCpuMs),
                median(curlServerCpuMs), median(deviceCpuMs));
    std::printf("  %-50s %10.1f ms (%.0f records/s)\n", "reference: verification on one thread",
                ms(single.wallNs), double(records) / (ms(single.wallNs) / 1000.0));
    std::printf("  %-50s %10.1f ms (%.0f records/s)\n", "setup: one client pushed them, 500 each",
                pushMs, double(records) / (pushMs / 1000.0));
    std::printf("  %-50s %10.1f / %.1f MiB\n\n", "server VmRSS at the end / VmHWM", mib(memory.rss),
                mib(memory.hwm));

    std::printf("BENCH step=sync records=%d page=%d pages=%d runs=%d threads=%d bytes=%lld "
                "envelope_avg_bytes=%lld device_ms=%.1f curl_ms=%.1f ratio=%.2f "
                "records_per_s=%.0f wait_ms=%.1f process_ms=%.1f decode_ms=%.1f check_ms=%.1f "
                "single_thread_ms=%.1f push_one_client_ms=%.1f rss_mib=%.1f hwm_mib=%.1f "
                "server_cpu_ms=%.0f curl_server_cpu_ms=%.0f device_cpu_ms=%.0f "
                "device_runs=\"%s\" curl_runs=\"%s\"\n",
                records, pageSize, last.pull.pages, runs, threads,
                static_cast<long long>(curlBytes), static_cast<long long>(envelopeBytes / records),
                device, curlTime, ratio, perSecond, median(waitMs), median(processMs),
                median(decodeMs), median(checkMs), ms(single.wallNs), pushMs, mib(memory.rss),
                mib(memory.hwm), median(serverCpuMs), median(curlServerCpuMs), median(deviceCpuMs),
                qPrintable(deviceRuns.join(u' ')), qPrintable(curlRuns.join(u' ')));
    return 0;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    if (qEnvironmentVariableIsEmpty("QT_LOGGING_RULES"))
        QLoggingCategory::setFilterRules(u"outward.*.info=false\noutward.*.debug=false"_s);
    const QStringList args = QCoreApplication::arguments();
    const QString command = args.size() > 1 ? args.at(1) : QString();
    if (command == u"push"_s)
        return runPush(args);
    if (command == u"sync"_s)
        return runSync(args);
    std::fprintf(stderr,
                 "usage: bench_sync push|sync --server EXE ... (see the source's header)\n");
    return 2;
}
