// The Outward side of the store benchmarks, through the real core (Profile, RecordService,
// Qt Sql on the system libsqlite3). Each subcommand prints one machine-readable line
// "BENCH step=... key=value ..." that bench/run.sh collects.
//
//   insert --profile DIR [--count N]   new profile (desktop Argon2id), then RecordService::addMany
//                                      of N generated interactions in one transaction (timed)
//   unlock --profile DIR [--limit N] [--kdf-alone]
//                                      Profile::open + unlock with the passphrase + the newest N
//                                      records decrypted (RecordService::list); with --kdf-alone,
//                                      then Argon2id alone with the profile's salt and parameters
//   kdf --ops N --mem BYTES [--runs R] Argon2id alone, median of R
//   rekdf --profile DIR --ops N --mem BYTES   re-wraps the master key under other KDF parameters
//   sample [--seed N]                  one generated interaction as JSON (for outward-cli add)
//
// The passphrase is kBenchPassphrase (run.sh passes the same to outward-cli).

#include "bench/store/payloads.h"
#include "core/crypto/kdfparams.h"
#include "core/model/clock.h"
#include "core/profile/profile.h"
#include "core/profile/recordservice.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QJsonDocument>
#include <QLoggingCategory>
#include <QSqlQuery>

#include <algorithm>
#include <cstdio>
#include <sys/resource.h>
#include <vector>

using namespace Qt::StringLiterals;
using namespace outward;

namespace {

constexpr const char *kBenchPassphrase = "outward bench passphrase 2026";

SecureBytes passphrase()
{
    return SecureBytes::fromPassphrase(QString::fromLatin1(kBenchPassphrase));
}

[[noreturn]] void fail(const QString &what, const Error &error)
{
    std::fprintf(stderr, "bench_outward: %s: %s\n", qPrintable(what), qPrintable(error.toString()));
    std::exit(1);
}

double msSince(const QElapsedTimer &timer)
{
    return double(timer.nsecsElapsed()) / 1e6;
}

double cpuMs() // this process, all threads
{
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    return double(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) * 1e3 +
           double(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e3;
}

// The store's settings that shape write speed, as "name:value,..." (compared with the baselines').
QString settings(Profile &profile)
{
    QStringList out;
    for (const char *name :
         {"journal_mode", "synchronous", "foreign_keys", "secure_delete", "cache_size", "page_size",
          "auto_vacuum", "temp_store", "mmap_size", "wal_autocheckpoint", "locking_mode"}) {
        QSqlQuery query(profile.database().connection());
        const QString pragma = QString::fromLatin1(name);
        out << pragma + u':' +
                   (query.exec(u"PRAGMA "_s + pragma) && query.next() ? query.value(0).toString()
                                                                      : QString());
    }
    return out.join(u',');
}

QString option(const QStringList &args, const QString &name, const QString &fallback = {})
{
    const qsizetype at = args.indexOf(name);
    return at >= 0 && at + 1 < args.size() ? args.at(at + 1) : fallback;
}

int runInsert(const QStringList &args)
{
    const QString folder = option(args, u"--profile"_s);
    const int count = option(args, u"--count"_s, u"100000"_s).toInt();
    if (folder.isEmpty() || count <= 0)
        return 2;

    auto created =
        Profile::create(folder, passphrase(), KdfParams::desktop(), SystemClock::instance());
    if (!created)
        fail(u"creating the profile"_s, created.error());
    Profile &profile = *created->profile;
    RecordService records(profile);

    // Not timed: the same generated rows as the baselines, parsed into typed payloads.
    const std::vector<bench::GeneratedInteraction> rows = bench::generateInteractions(count);
    QList<RecordPayload> payloads;
    payloads.reserve(count);
    const ValidationContext context = records.validationContext();
    qint64 payloadBytes = 0;
    int identical = 0;
    for (const auto &row : rows) {
        const QByteArray json = QByteArray::fromStdString(row.json);
        payloadBytes += json.size();
        auto payload =
            parsePayload(RecordKind::Interaction, QJsonDocument::fromJson(json).object(), context);
        if (!payload)
            fail(u"a generated payload"_s, payload.error());
        if (payloads.size() < 100 &&
            QJsonDocument(payloadToJson(*payload)).toJson(QJsonDocument::Compact) == json)
            ++identical;
        payloads.append(std::move(payload).value());
    }

    const QString usedSettings = settings(profile);
    const double cpuStarted = cpuMs();
    QElapsedTimer timer;
    timer.start();
    auto added = records.addMany(payloads);
    const double insertMs = msSince(timer);
    const double insertCpuMs = cpuMs() - cpuStarted;
    if (!added)
        fail(u"addMany"_s, added.error());

    RecordQuery all;
    auto stored = profile.store().count(all);
    if (!stored || *stored != count)
        fail(u"counting"_s, stored ? Error(ErrorCode::Internal, u"wrong count"_s) : stored.error());
    RecordQuery firstThousand;
    firstThousand.limit = 1000;
    auto sample = profile.store().list(firstThousand);
    if (!sample || sample->isEmpty())
        fail(u"sampling"_s, sample ? Error(ErrorCode::Internal, u"no rows"_s) : sample.error());
    qint64 envelopeBytes = 0;
    for (const StoredRecord &record : *sample)
        envelopeBytes += record.envelope.size();
    const QString dbPath = Profile::databasePath(folder);
    created->profile.reset(); // closes the database, checkpoints the WAL

    std::printf(
        "BENCH step=insert rows=%d payload_avg_bytes=%lld envelope_avg_bytes=%lld "
        "json_identical_of_100=%d insert_ms=%.1f insert_cpu_ms=%.1f db_bytes=%lld settings=%s "
        "kdf=\"%s\"\n",
        count, payloadBytes / count, envelopeBytes / sample->size(), identical, insertMs,
        insertCpuMs, QFileInfo(dbPath).size(), qPrintable(usedSettings),
        qPrintable(KdfParams::desktop().name()));
    return 0;
}

int runUnlock(const QStringList &args)
{
    const QString folder = option(args, u"--profile"_s);
    const int limit = option(args, u"--limit"_s, u"50"_s).toInt();
    if (folder.isEmpty() || limit <= 0)
        return 2;

    QElapsedTimer timer;
    timer.start();
    auto opened = Profile::open(folder, SystemClock::instance());
    if (!opened)
        fail(u"opening the profile"_s, opened.error());
    const double openMs = msSince(timer);
    Profile &profile = **opened;
    if (auto unlocked = profile.unlock(passphrase()); !unlocked)
        fail(u"unlocking"_s, unlocked.error());
    const double unlockedMs = msSince(timer);
    RecordService records(profile);
    RecordQuery newest;
    newest.limit = limit;
    auto listed = records.list(newest);
    if (!listed)
        fail(u"listing"_s, listed.error());
    const double totalMs = msSince(timer);
    if (listed->size() != limit)
        fail(u"listing"_s, Error(ErrorCode::Internal, u"wrong number of records"_s));
    for (qsizetype i = 1; i < listed->size(); ++i)
        if (listed->at(i).header.atMs > listed->at(i - 1).header.atMs || !listed->at(i).payload)
            fail(u"listing"_s, Error(ErrorCode::Internal, u"not newest first, or not decrypted"_s));

    // Argon2id alone, with the same salt and parameters, after the timed part (optional, so that
    // run.sh can time the whole process without it).
    const KdfParams params = profile.keyring().kdf;
    double kdfMs = -1;
    if (args.contains(u"--kdf-alone"_s)) {
        QElapsedTimer kdfTimer;
        kdfTimer.start();
        auto key = derivePassphraseKey(passphrase(), profile.keyring().salt, params);
        kdfMs = msSince(kdfTimer);
        if (!key)
            fail(u"deriving the key"_s, key.error());
    }

    std::printf(
        "BENCH step=unlock open_ms=%.2f unlock_ms=%.2f list_ms=%.2f total_ms=%.2f kdf_ms=%.2f "
        "listed=%lld kdf=\"%s\"\n",
        openMs, unlockedMs - openMs, totalMs - unlockedMs, totalMs, kdfMs,
        static_cast<long long>(listed->size()), qPrintable(params.name()));
    return 0;
}

int runKdf(const QStringList &args)
{
    const KdfParams params{option(args, u"--ops"_s).toULongLong(),
                           option(args, u"--mem"_s).toULongLong()};
    const int runs = option(args, u"--runs"_s, u"5"_s).toInt();
    if (!params.isWithinLimits() || runs <= 0)
        return 2;
    const QByteArray salt(kSaltBytes, '\x5a');
    std::vector<double> times;
    for (int i = 0; i < runs; ++i) {
        QElapsedTimer timer;
        timer.start();
        auto key = derivePassphraseKey(passphrase(), salt, params);
        times.push_back(msSince(timer));
        if (!key)
            fail(u"deriving the key"_s, key.error());
    }
    std::sort(times.begin(), times.end());
    std::printf("BENCH step=kdf kdf_ms=%.2f min_ms=%.2f runs=%d kdf=\"%s\"\n",
                times[times.size() / 2], times.front(), runs, qPrintable(params.name()));
    return 0;
}

// One generated interaction as JSON, for `outward-cli add`.
int runSample(const QStringList &args)
{
    bench::Random random(option(args, u"--seed"_s, u"1"_s).toULongLong());
    std::printf("%s\n", bench::generateInteraction(random).json.c_str());
    return 0;
}

int runRekdf(const QStringList &args)
{
    const QString folder = option(args, u"--profile"_s);
    const KdfParams params{option(args, u"--ops"_s).toULongLong(),
                           option(args, u"--mem"_s).toULongLong()};
    if (folder.isEmpty() || !params.isWithinLimits())
        return 2;
    auto opened = Profile::open(folder, SystemClock::instance());
    if (!opened)
        fail(u"opening the profile"_s, opened.error());
    if (auto changed = (*opened)->changePassphrase(passphrase(), passphrase(), params); !changed)
        fail(u"re-wrapping the master key"_s, changed.error());
    std::printf("BENCH step=rekdf kdf=\"%s\"\n", qPrintable(params.name()));
    return 0;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    if (qEnvironmentVariableIsEmpty("QT_LOGGING_RULES"))
        QLoggingCategory::setFilterRules(u"outward.*.info=false\noutward.*.debug=false"_s);
    QStringList args = QCoreApplication::arguments();
    const QString command = args.size() > 1 ? args.at(1) : QString();
    int status = 2;
    if (command == u"insert"_s)
        status = runInsert(args);
    else if (command == u"unlock"_s)
        status = runUnlock(args);
    else if (command == u"kdf"_s)
        status = runKdf(args);
    else if (command == u"rekdf"_s)
        status = runRekdf(args);
    else if (command == u"sample"_s)
        status = runSample(args);
    if (status == 2)
        std::fprintf(
            stderr, "usage: bench_outward insert|unlock|kdf|rekdf ... (see the source's header)\n");
    return status;
}
