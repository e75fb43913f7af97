// The sync benchmarks against a real outward-server on loopback (docs/protocol.md). Each
// subcommand starts a fresh server on a temporary data folder, enrols its users with raw protocol
// requests, seals their records with core (RecordService::addMany: the app's envelopes, record
// signatures and key commitments), then measures. It prints a small table and one
// machine-readable line "BENCH step=... key=value ..." that bench/run.sh collects.
//
//   push --server EXE [--records N] [--clients C] [--batch B[,B2...]] [--work DIR]
//        C users (one lead, the others staff) of one team, each pushing its share of N pre-sealed
//        interactions in requests of B items, one request after another on its own thread and
//        connection, all at once: records/s, latency per request (p50, p99), the server's
//        resident memory (VmRSS sampled every 20 ms, VmHWM), its CPU time and its own time per
//        push (its access log). With several batch sizes, each client's records are split in
//        equal parts, pushed one size after the other, each measured on its own
//   sync --server EXE [--records N] [--page P] [--runs R] [--threads T] [--curl EXE]
//        [--setup-batch S] [--work DIR]
//        one user with N records on the server (pushed first on four connections in requests of
//        S, default 500, also reported); a pull that only verifies the signatures (on T threads) as
//        a reference, which also warms the server's caches; then R times: a fresh device of that
//        user (linked as protocol.md 14, a profile with the user's keyring and no records) syncs
//        with the app's SyncEngine + ProfileSyncStore (pages of P) until it holds every record, and
//        curl downloads the same URLs with the same Authorization header to /dev/null
//
// Defaults: 100,000 records, 20 clients, batches of 100, pages of 1,000, 3 runs, as many threads
// as cores.

#include "bench/sync/benchserver.h"
#include "bench/sync/benchuser.h"
#include "bench/sync/enginesync.h"
#include "bench/sync/httpclient.h"
#include "bench/sync/initialsync.h"
#include "bench/sync/pageprocessor.h"
#include "bench/sync/pushload.h"
#include "bench/sync/stats.h"
#include "sync/client/syncengine.h"
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
#include <unistd.h>

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

QList<int> batchSizes(const QStringList &args)
{
    QList<int> sizes;
    for (const QString &text : option(args, u"--batch"_s, u"100"_s).split(u',')) {
        bool ok = false;
        const int size = text.toInt(&ok);
        if (!ok || size <= 0 || size > 500)
            fail(u"--batch takes sizes from 1 to 500 (protocol.md 3.1), separated by commas"_s);
        sizes.append(size);
    }
    return sizes;
}

int runPush(const QStringList &args)
{
    const int records = intOption(args, u"--records"_s, 100000);
    const int clients = intOption(args, u"--clients"_s, 20);
    const QList<int> batches = batchSizes(args);
    const int phases = int(batches.size());
    if (clients * phases > records)
        fail(u"--records must give every client at least one record per batch size"_s);
    const WorkFolder work = workFolder(args);
    QString serverId;
    auto server = startServer(args, work.path, &serverId);
    auto users = enrolUsers(*server, serverId, work.path, clients, true);

    progress(u"sealing %1 interactions (RecordService::addMany)"_s.arg(records));
    // pushClients[phase][client]: each client's records split in equal parts, one per phase.
    QList<QList<PushClient>> pushClients(phases);
    QList<int> phaseRecords(phases, 0);
    qint64 envelopeBytes = 0;
    for (int c = 0; c < clients; ++c) {
        const int share = records / clients + (c < records % clients ? 1 : 0);
        const auto items = need(users.at(c)->sealInteractions(share, 1000 + quint64(c)),
                                u"sealing user %1's records"_s.arg(c));
        for (const protocol::PushItem &item : items)
            envelopeBytes += item.envelope.size();
        qsizetype from = 0;
        for (int p = 0; p < phases; ++p) {
            const qsizetype count = share / phases + (p < share % phases ? 1 : 0);
            PushClient client;
            client.token = users.at(c)->device().token;
            buildBodies(items.mid(from, count), batches.at(p), client);
            from += count;
            phaseRecords[p] += int(count);
            pushClients[p].append(std::move(client));
        }
    }

    std::printf("\nPush: %d clients at once, each on its own connection, one request after "
                "another; %d records (envelopes of %lld B)\n",
                clients, records, static_cast<long long>(envelopeBytes / records));
    for (int p = 0; p < phases; ++p) {
        const int batch = batches.at(p);
        const int phaseTotal = phaseRecords.at(p);
        qint64 bodyBytes = 0;
        for (const PushClient &client : std::as_const(pushClients.at(p)))
            for (const QByteArray &body : client.bodies)
                bodyBytes += body.size();
        progress(u"pushing %1 records, %2 per request: %3 clients at once"_s.arg(phaseTotal)
                     .arg(batch)
                     .arg(clients));
        const QString loadBefore = loadText();
        const MemoryKiB before = server->memory();
        const qint64 logOffset = server->logSize();
        const double serverCpuBefore = server->cpuMs();
        const double serverWaitBefore = server->cpuWaitMs();
        const double ownCpuBefore = ownCpuMs();
        qint64 phasePeak = before.rss;
        auto result = need(runPushLoad(
                               server->url(), pushClients.at(p),
                               [&] { phasePeak = std::max(phasePeak, server->memory().rss); }, 20),
                           u"the push load"_s);
        const MemoryKiB after = server->memory();
        phasePeak = std::max(phasePeak, after.rss);
        const double serverCpu = server->cpuMs() - serverCpuBefore;
        const double serverWait = server->cpuWaitMs() - serverWaitBefore;
        const double clientCpu = ownCpuMs() - ownCpuBefore;
        const QString loadAfter = loadText();
        if (result.notAccepted > 0 || result.accepted != phaseTotal)
            fail(u"%1 of %2 items were accepted; first problem: %3"_s.arg(result.accepted)
                     .arg(phaseTotal)
                     .arg(result.firstProblem));

        QList<double> latencies;
        for (const PushRequestTiming &timing : std::as_const(result.requests))
            latencies.append(ms(timing.latencyNs));
        QList<double> serverMs;
        for (const ServerRequestTime &time : server->requestTimes(logOffset)) {
            if (time.method == u"POST"_s && time.path == u"/v1/records"_s)
                serverMs.append(time.ms);
        }
        double serverBusyMs = 0;
        for (double value : std::as_const(serverMs))
            serverBusyMs += value;
        const double wallMs = ms(result.wallNs);
        const double perSecond = double(phaseTotal) / (wallMs / 1000.0);
        const double p50 = quantile(latencies, 0.50);
        const double p90 = quantile(latencies, 0.90);
        const double p99 = quantile(latencies, 0.99);
        const double maxLatency = quantile(latencies, 1.0);
        // Little's law for closed-loop clients: latency ~ clients x batch / throughput.
        const double inFlightMs = double(clients) * batch / perSecond * 1000.0;

        std::printf("\n  %d records, %d per request (%lld requests)\n", phaseTotal, batch,
                    static_cast<long long>(latencies.size()));
        std::printf("    %-50s %10.1f ms\n", "wall time, first request to last answer", wallMs);
        std::printf("    %-50s %10.0f records/s  (target >= 10,000)\n", "throughput", perSecond);
        std::printf("    %-50s %6.1f / %.1f / %.1f / %.1f ms  (target p99 < 100)\n",
                    "latency per request p50 / p90 / p99 / max", p50, p90, p99, maxLatency);
        std::printf("    %-50s %6.0f ms (clients x batch / throughput)\n",
                    "  queueing alone at this throughput", inFlightMs);
        std::printf("    %-50s %6.1f / %.1f / %.1f ms, busy %.0f ms of %.0f\n",
                    "server's own time per push p50 / p99 / max", quantile(serverMs, 0.5),
                    quantile(serverMs, 0.99), quantile(serverMs, 1.0), serverBusyMs, wallMs);
        std::printf("    %-50s %6.0f ms, %.0f us per record; waited %.0f ms for a CPU\n",
                    "server CPU time (user + system, all threads)", serverCpu,
                    serverCpu * 1000 / phaseTotal, serverWait);
        std::printf("    %-50s %6.0f ms\n", "the clients' CPU time (this process)", clientCpu);
        std::printf("    %-50s %6.1f / %.1f / %.1f MiB\n",
                    "server VmRSS before / peak sampled / after", mib(before.rss), mib(phasePeak),
                    mib(after.rss));
        std::printf("    %-50s %6.1f MiB\n", "server VmHWM (peak resident) so far", mib(after.hwm));
        std::printf("    load average before / after: %s / %s\n\n", qPrintable(loadBefore),
                    qPrintable(loadAfter));

        std::printf("BENCH step=push records=%d clients=%d batch=%d requests=%lld "
                    "envelope_avg_bytes=%lld body_avg_bytes=%lld wall_ms=%.1f records_per_s=%.0f "
                    "p50_ms=%.2f p90_ms=%.2f p99_ms=%.2f max_ms=%.2f mean_ms=%.2f "
                    "queueing_ms=%.1f server_p50_ms=%.2f server_p99_ms=%.2f server_busy_ms=%.0f "
                    "rss_before_mib=%.1f rss_peak_mib=%.1f rss_after_mib=%.1f hwm_mib=%.1f "
                    "server_cpu_ms=%.0f server_cpu_wait_ms=%.0f client_cpu_ms=%.0f "
                    "load_before=\"%s\" load_after=\"%s\"\n",
                    phaseTotal, clients, batch, static_cast<long long>(latencies.size()),
                    static_cast<long long>(envelopeBytes / records),
                    static_cast<long long>(bodyBytes / std::max<qsizetype>(1, latencies.size())),
                    wallMs, perSecond, p50, p90, p99, maxLatency, mean(latencies), inFlightMs,
                    quantile(serverMs, 0.5), quantile(serverMs, 0.99), serverBusyMs,
                    mib(before.rss), mib(phasePeak), mib(after.rss), mib(after.hwm), serverCpu,
                    serverWait, clientCpu, qPrintable(loadBefore), qPrintable(loadAfter));
    }
    return 0;
}

int runSync(const QStringList &args)
{
    const int records = intOption(args, u"--records"_s, 100000);
    const int pageSize = intOption(args, u"--page"_s, 1000);
    const int runs = intOption(args, u"--runs"_s, 3);
    const int threads = intOption(args, u"--threads"_s, QThread::idealThreadCount());
    if (pageSize > 1000)
        fail(u"--page is at most 1000 (protocol.md 3.1)"_s);
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
    // Setup, not a target: four connections of the user's device at once keep the server busy
    // while each waits for its answer, so the records are there sooner.
    constexpr int kUploaders = 4;
    const int setupBatch = intOption(args, u"--setup-batch"_s, 500);
    QList<PushClient> uploaders;
    for (int u = 0; u < kUploaders; ++u) {
        const qsizetype from = items.size() * u / kUploaders;
        const qsizetype to = items.size() * (u + 1) / kUploaders;
        PushClient uploader;
        uploader.token = user.device().token;
        buildBodies(items.mid(from, to - from), setupBatch, uploader);
        uploaders.append(std::move(uploader));
    }
    progress(u"pushing them on %1 connections, %2 per request"_s.arg(kUploaders).arg(setupBatch));
    auto pushed = need(runPushLoad(
                           server->url(), uploaders, [] {}, 50),
                       u"pushing"_s);
    if (pushed.accepted != records)
        fail(u"%1 of %2 pushed records were accepted: %3"_s.arg(pushed.accepted)
                 .arg(records)
                 .arg(pushed.firstProblem));
    const double pushMs = ms(pushed.wallNs);

    HttpClient setup(server->url());
    int linked = 0;
    auto linkDevice = [&] {
        const int n = linked++;
        return need(user.linkNewDevice(setup, serverId, u"Fresh device %1"_s.arg(n),
                                       u"10.2.%1.%2"_s.arg(n / 250).arg(n % 250 + 1).toLatin1()),
                    u"linking a new device"_s);
    };

    // Reference, and the server's caches warmed alike for every timed run after it: the least a
    // device must do with the pages (pageprocessor.h), nothing stored.
    progress(u"reference: pulling every page and only verifying the signatures (%1 threads)"_s.arg(
        threads));
    const QHash<QString, QByteArray> signKeys{{user.userId(), user.signPublicKey()}};
    VerifyingPageProcessor verifier(signKeys, threads);
    const double verifyCpuBefore = ownCpuMs();
    const PullRun verifyOnly =
        need(pullEverything(server->url(), linkDevice().token, pageSize, verifier), u"the pull"_s);
    const double verifyCpuMs = ownCpuMs() - verifyCpuBefore;
    if (verifyOnly.records != records)
        fail(u"the verifying pull got %1 records of %2"_s.arg(verifyOnly.records).arg(records));

    QList<double> deviceMs, curlMs, signInMs, waitMs, storeMs, serverCpuMs, curlServerCpuMs,
        deviceCpuMs, deviceCpuWaitMs;
    const qint64 ownPid = QCoreApplication::applicationPid();
    EngineSyncRun last;
    qint64 curlBytes = 0;
    for (int r = 0; r < runs; ++r) {
        progress(u"run %1/%2: a fresh device syncs (SyncEngine + ProfileSyncStore), then curl"_s
                     .arg(r + 1)
                     .arg(runs));
        const BenchDevice device = linkDevice();
        setup.setToken(user.device().token);
        const HttpResult got = setup.get(u"/v1/directory"_s);
        if (!got.ok())
            fail(u"GET /v1/directory: "_s + got.describe());
        const auto directory = need(
            [&]() -> Result<protocol::Directory> {
                auto parsed =
                    protocol::Directory::fromJson(QJsonDocument::fromJson(got.body).object());
                if (!parsed)
                    return Error(ErrorCode::Internal, parsed.error().message);
                return std::move(parsed).value();
            }(),
            u"GET /v1/directory"_s);
        const QString folder = work.path + u"/devices/%1"_s.arg(r);
        auto profile = need(user.freshDevice(folder, device, directory), u"the fresh device"_s);

        ::sync(); // the previous run's profile, deleted, must not be written back during this one
        const double serverBefore = server->cpuMs();
        const double deviceBefore = ownCpuMs();
        const double deviceWaitBefore = readCpuWaitMs(ownPid);
        EngineSyncRun run = need(syncWithEngine(*profile, pageSize), u"the fresh device's sync"_s);
        serverCpuMs.append(server->cpuMs() - serverBefore);
        deviceCpuMs.append(ownCpuMs() - deviceBefore);
        deviceCpuWaitMs.append(readCpuWaitMs(ownPid) - deviceWaitBefore);
        if (run.storedRecords != records || run.report.pulled != records || run.report.errors != 0)
            fail(u"the fresh device stored %1 records of %2 (pulled %3, errors %4)"_s
                     .arg(run.storedRecords)
                     .arg(records)
                     .arg(run.report.pulled)
                     .arg(run.report.errors));
        profile.reset();
        QDir(folder).removeRecursively();

        const double curlServerBefore = server->cpuMs();
        const CurlRun curlRun =
            need(curlEverything(curl, run.pageUrls, run.authorization, work.path), u"curl"_s);
        curlServerCpuMs.append(server->cpuMs() - curlServerBefore);
        if (curlRun.bytes != run.bodyBytes || curlRun.pages != run.pages)
            fail(u"curl got %1 bytes in %2 pages, the device %3 in %4"_s.arg(curlRun.bytes)
                     .arg(curlRun.pages)
                     .arg(run.bodyBytes)
                     .arg(run.pages));
        if (r > 0 && run.pageUrls != last.pageUrls)
            fail(u"the pages changed between runs"_s);
        deviceMs.append(ms(run.wallNs));
        curlMs.append(ms(curlRun.wallNs));
        signInMs.append(ms(run.signInNs));
        waitMs.append(ms(run.waitNs));
        storeMs.append(ms(run.storeNs));
        curlBytes = curlRun.bytes;
        last = run;
    }
    const MemoryKiB memory = server->memory();

    const double device = median(deviceMs);
    const double curlTime = median(curlMs);
    const double ratio = device / curlTime;
    const double perSecond = double(records) / (device / 1000.0);
    const double verifyMs = ms(verifyOnly.wallNs);
    // Whether storing slows down as the device's database grows (last run): its first and last
    // transaction (the last may hold fewer records).
    const double firstBatchMs =
        last.batchStoreNs.isEmpty() ? 0 : ms(last.batchStoreNs.constFirst());
    const double lastBatchMs = last.batchStoreNs.isEmpty() ? 0 : ms(last.batchStoreNs.constLast());
    QStringList deviceRuns, curlRuns;
    for (int r = 0; r < runs; ++r) {
        deviceRuns.append(QString::number(deviceMs.at(r), 'f', 0));
        curlRuns.append(QString::number(curlMs.at(r), 'f', 0));
    }

    std::printf("\nInitial sync of %d records (envelopes of %lld B) to a fresh device, pages of "
                "%d (%d pages, %.1f MiB of JSON)\n",
                records, static_cast<long long>(envelopeBytes / records), pageSize, last.pages,
                double(curlBytes) / 1048576.0);
    std::printf("  device: the app's SyncEngine + ProfileSyncStore over QtNetworkTransport, its "
                "defaults: sign in, then per record signature, open, key commitment (on a "
                "worker), store; %d records per transaction\n",
                sync::SyncEngine::Options().pullStoreBatch);
    std::printf("  %-50s %10.1f ms  runs: %s\n", "fresh device, start to finished (median)", device,
                qPrintable(deviceRuns.join(u' ')));
    std::printf("  %-50s %10.1f ms  runs: %s\n", "curl, the same URLs and token to /dev/null",
                curlTime, qPrintable(curlRuns.join(u' ')));
    std::printf("  %-50s %10.2fx  (target <= 3x)\n", "ratio", ratio);
    std::printf("  %-50s %10.0f records/s  (target >= 30,000)\n", "throughput", perSecond);
    std::printf("  %-50s %10.1f / %.1f / %.1f ms\n",
                "device: signing in / pulls in flight / storing", median(signInMs), median(waitMs),
                median(storeMs));
    std::printf("  %-50s %10.0f / %.0f / %.0f ms\n",
                "CPU: server for the device / server for curl / device", median(serverCpuMs),
                median(curlServerCpuMs), median(deviceCpuMs));
    std::printf("  %-50s %10.0f ms\n", "device: waited for a CPU (other load)",
                median(deviceCpuWaitMs));
    std::printf("  %-50s %10d; %.1f / %.1f ms\n", "transactions; the first / the last",
                int(last.batchStoreNs.size()), firstBatchMs, lastBatchMs);
    std::printf("  %-50s %10.1f KiB per record\n", "the device's database afterwards",
                double(last.databaseBytes) / 1024.0 / records);
    std::printf("  %-50s %10.1f ms (%.0f records/s, CPU %.0f ms)\n",
                "reference: pull + verify signatures only", verifyMs,
                double(records) / (verifyMs / 1000.0), verifyCpuMs);
    std::printf(
        "  %-50s %10.1f ms (%.0f records/s)\n",
        qPrintable(u"setup: pushed on %1 connections, %2 each"_s.arg(kUploaders).arg(setupBatch)),
        pushMs, double(records) / (pushMs / 1000.0));
    std::printf("  %-50s %10.1f / %.1f MiB\n\n", "server VmRSS at the end / VmHWM", mib(memory.rss),
                mib(memory.hwm));

    std::printf("BENCH step=sync records=%d page=%d pages=%d runs=%d threads=%d bytes=%lld "
                "envelope_avg_bytes=%lld device_ms=%.1f curl_ms=%.1f ratio=%.2f "
                "records_per_s=%.0f signin_ms=%.1f wait_ms=%.1f store_ms=%.1f transactions=%d "
                "batch_first_ms=%.1f batch_last_ms=%.1f "
                "verify_only_ms=%.1f verify_only_cpu_ms=%.0f push_setup_ms=%.1f "
                "device_db_bytes=%lld rss_mib=%.1f hwm_mib=%.1f server_cpu_ms=%.0f "
                "curl_server_cpu_ms=%.0f device_cpu_ms=%.0f device_cpu_wait_ms=%.0f "
                "device_runs=\"%s\" curl_runs=\"%s\"\n",
                records, pageSize, last.pages, runs, threads, static_cast<long long>(curlBytes),
                static_cast<long long>(envelopeBytes / records), device, curlTime, ratio, perSecond,
                median(signInMs), median(waitMs), median(storeMs), int(last.batchStoreNs.size()),
                firstBatchMs, lastBatchMs, verifyMs, verifyCpuMs, pushMs,
                static_cast<long long>(last.databaseBytes), mib(memory.rss), mib(memory.hwm),
                median(serverCpuMs), median(curlServerCpuMs), median(deviceCpuMs),
                median(deviceCpuWaitMs), qPrintable(deviceRuns.join(u' ')),
                qPrintable(curlRuns.join(u' ')));
    return 0;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    // The app's sync code logs every request at debug level; QT_LOGGING_RULES still overrides.
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
