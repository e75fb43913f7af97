// The app side of the benchmarks: the QML module's C++ types (Session, RecordListModel) on a
// profile of generated interactions. Each subcommand prints one machine-readable line
// "BENCH step=... key=value ..." that bench/run.sh collects.
//
//   prepare --profile DIR [--count N]  reuses DIR when it holds N records made by this command,
//                                      else creates it (Argon2id interactive: unlock is not what
//                                      is measured here) and adds N generated interactions
//   model --profile DIR                Session (MemoryKeyStore) unlocked with the passphrase, one
//                                      RecordListModel; every page fetched with fetchMore(), each
//                                      timed; resident memory before and after all rows are loaded
//   remember --profile DIR             Session::unlock(passphrase, remember = true) with the OS
//                                      key store (QtKeychainStore), under the app's settings
//                                      identity, so the app unlocks that profile from the key store
//
// The passphrase is kBenchPassphrase, as in bench/store/bench_outward.cpp.

#include "bench/store/payloads.h"
#include "core/crypto/kdfparams.h"
#include "core/model/clock.h"
#include "core/profile/profile.h"
#include "core/profile/recordservice.h"
#include "platform/memorykeystore.h"
#include "platform/paths.h"
#include "platform/qtkeychainstore.h"
#include "qml/recordlistmodel.h"
#include "qml/session.h"

#include <QCoreApplication>
#include <QDeadlineTimer>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonDocument>
#include <QLoggingCategory>

#include <algorithm>
#include <cstdio>
#include <functional>
#include <vector>

using namespace Qt::StringLiterals;
using namespace outward;

namespace {

constexpr const char *kBenchPassphrase = "outward bench passphrase 2026";
constexpr int kPageRows = 50;    // RecordListModel's page
constexpr int kWindowPages = 51; // pages per median: at the start, in the middle, at the end
const QString kMarkerFile = u"bench-app-complete"_s; // "<count>" once the profile is complete

[[noreturn]] void fail(const QString &what)
{
    std::fprintf(stderr, "bench_app: %s\n", qPrintable(what));
    std::exit(1);
}

QString option(const QStringList &args, const QString &name, const QString &fallback = {})
{
    const qsizetype at = args.indexOf(name);
    return at >= 0 && at + 1 < args.size() ? args.at(at + 1) : fallback;
}

double msSince(const QElapsedTimer &timer)
{
    return double(timer.nsecsElapsed()) / 1e6;
}

double median(std::vector<double> values)
{
    if (values.empty())
        return -1;
    std::sort(values.begin(), values.end());
    const std::size_t n = values.size();
    return n % 2 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2;
}

// VmRSS of this process in MiB, from /proc/self/status.
double residentMiB()
{
    QFile status(u"/proc/self/status"_s);
    if (!status.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray &line : status.readAll().split('\n'))
        if (line.startsWith("VmRSS:"))
            return line.mid(6).trimmed().split(' ').value(0).toDouble() / 1024.0; // kB
    return -1;
}

// Runs the event loop until done() or the timeout; false on timeout.
bool waitFor(const std::function<bool()> &done, int timeoutMs = 60000)
{
    QDeadlineTimer deadline(timeoutMs);
    while (!done()) {
        if (deadline.hasExpired())
            return false;
        QCoreApplication::processEvents(QEventLoop::AllEvents | QEventLoop::WaitForMoreEvents, 50);
    }
    return true;
}

int runPrepare(const QStringList &args)
{
    const QString folder = option(args, u"--profile"_s);
    const int count = option(args, u"--count"_s, u"100000"_s).toInt();
    if (folder.isEmpty() || count <= 0)
        return 2;
    QFile marker(QDir(folder).filePath(kMarkerFile));
    if (marker.open(QIODevice::ReadOnly) && marker.readAll().trimmed().toInt() == count) {
        std::printf("BENCH step=prepare reused=1 rows=%d\n", count);
        return 0;
    }
    marker.close();
    QDir(folder).removeRecursively();

    QElapsedTimer timer;
    timer.start();
    auto created =
        Profile::create(folder, SecureBytes::fromPassphrase(QString::fromLatin1(kBenchPassphrase)),
                        KdfParams::interactive(), SystemClock::instance());
    if (!created)
        fail(u"creating the profile: "_s + created.error().toString());
    RecordService records(*created->profile);
    const ValidationContext context = records.validationContext();
    QList<RecordPayload> payloads;
    payloads.reserve(count);
    for (const auto &row : bench::generateInteractions(count)) {
        auto payload = parsePayload(
            RecordKind::Interaction,
            QJsonDocument::fromJson(QByteArray::fromStdString(row.json)).object(), context);
        if (!payload)
            fail(u"a generated payload: "_s + payload.error().toString());
        payloads.append(std::move(payload).value());
    }
    if (auto added = records.addMany(payloads); !added)
        fail(u"addMany: "_s + added.error().toString());
    created->profile.reset(); // closes the database, checkpoints the WAL
    if (!marker.open(QIODevice::WriteOnly) || marker.write(QByteArray::number(count)) < 0)
        fail(u"writing "_s + marker.fileName());
    std::printf("BENCH step=prepare reused=0 rows=%d prepare_ms=%.0f\n", count, msSince(timer));
    return 0;
}

int runModel(const QStringList &args)
{
    const QString folder = option(args, u"--profile"_s);
    if (folder.isEmpty())
        return 2;
    const double rssStart = residentMiB();

    MemoryKeyStore keyStore;
    Session session(folder, &keyStore, SystemClock::instance(), KdfParams::interactive());
    Session::provide(&session);
    if (session.state() != Session::Locked)
        fail(u"the profile is not there or not locked: "_s + session.error());
    session.unlock(QString::fromLatin1(kBenchPassphrase), false);
    if (!waitFor(
            [&] { return session.state() == Session::Unlocked || !session.error().isEmpty(); }))
        fail(u"unlocking timed out"_s);
    if (session.state() != Session::Unlocked)
        fail(u"unlocking: "_s + session.error());
    waitFor([&] { return !session.busy(); });

    // The model loads its first page when created, as the history page does on unlock.
    QElapsedTimer timer;
    timer.start();
    auto model = std::make_unique<RecordListModel>();
    const double firstPageMs = msSince(timer);
    if (model->rowCount() != kPageRows)
        fail(u"the first page has %1 rows"_s.arg(model->rowCount()));
    const double rssBefore = residentMiB();

    // Every further page, in order, as a person scrolling to the end would load them.
    std::vector<double> pageMs;
    QElapsedTimer all;
    all.start();
    while (model->canFetchMore({})) {
        const int rowsBefore = model->rowCount();
        timer.restart();
        model->fetchMore({});
        const double ms = msSince(timer);
        if (model->rowCount() == rowsBefore) {
            // After a page that ended exactly at the last row, one empty fetch finds the end.
            if (model->canFetchMore({}))
                fail(u"fetchMore() added nothing at row %1"_s.arg(rowsBefore));
            break;
        }
        pageMs.push_back(ms);
    }
    const double loadAllMs = msSince(all) + firstPageMs;
    const int rows = model->rowCount();
    const double rssAfter = residentMiB();
    if (pageMs.size() < std::size_t(3 * kWindowPages))
        fail(u"too few pages (%1) for the medians"_s.arg(pageMs.size()));

    // The last page may be short; the end window stops before it.
    const auto window = [&](std::size_t first) {
        return median(std::vector<double>(pageMs.begin() + std::ptrdiff_t(first),
                                          pageMs.begin() + std::ptrdiff_t(first + kWindowPages)));
    };
    const std::size_t pages = pageMs.size();
    const double startMs = window(0);
    const double middleMs = window(pages / 2 - kWindowPages / 2);
    const double endMs = window(pages - 1 - kWindowPages);
    std::vector<double> sorted = pageMs;
    std::sort(sorted.begin(), sorted.end());
    const double p99Ms = sorted[std::min(sorted.size() - 1, sorted.size() * 99 / 100)];

    // Sanity: the model serves its rows.
    const QVariant last = model->data(model->index(rows - 1), RecordListModel::SummaryRole);
    if (last.toString().isEmpty())
        fail(u"the last row has no summary"_s);

    std::printf("BENCH step=model rows=%d pages=%zu page_rows=%d window_pages=%d "
                "first_page_ms=%.3f page_start_ms=%.3f page_middle_ms=%.3f page_end_ms=%.3f "
                "page_median_ms=%.3f page_p99_ms=%.3f page_max_ms=%.3f load_all_ms=%.1f "
                "rss_start_mib=%.1f rss_before_mib=%.1f rss_after_mib=%.1f\n",
                rows, pages + 1, kPageRows, kWindowPages, firstPageMs, startMs, middleMs, endMs,
                median(pageMs), p99Ms, sorted.back(), loadAllMs, rssStart, rssBefore, rssAfter);
    model.reset();
    return 0;
}

int runRemember(const QStringList &args)
{
    const QString folder = option(args, u"--profile"_s);
    if (folder.isEmpty())
        return 2;
    paths::setApplicationIdentity(); // the app's QSettings, where Session keeps the flag
    QtKeychainStore keyStore;
    Session session(folder, &keyStore, SystemClock::instance(), KdfParams::interactive());
    if (session.state() != Session::Locked)
        fail(u"the profile is not there or not locked: "_s + session.error());
    session.unlock(QString::fromLatin1(kBenchPassphrase), true);
    if (!waitFor([&] { return session.remembered() || !session.error().isEmpty(); }))
        fail(u"remembering timed out"_s);
    if (!session.remembered())
        fail(u"the key store did not remember the key: "_s + session.error());
    std::printf("BENCH step=remember remembered=1\n");
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
    int status = 2;
    if (command == u"prepare"_s)
        status = runPrepare(args);
    else if (command == u"model"_s)
        status = runModel(args);
    else if (command == u"remember"_s)
        status = runRemember(args);
    if (status == 2)
        std::fprintf(stderr, "usage: bench_app prepare|model|remember --profile DIR (see the "
                             "source's header)\n");
    return status;
}
