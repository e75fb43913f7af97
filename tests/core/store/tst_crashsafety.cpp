#include "core/profile/recordservice.h"
#include "tests/support/manualclock.h"
#include "tests/support/profilefixture.h"
#include "tests/support/testsupport.h"

#include <QElapsedTimer>
#include <QFileInfo>
#include <QHash>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

using namespace outward;
using namespace outward::test;
using namespace Qt::StringLiterals;

namespace {

constexpr const char *kPassphrase = "crash test passphrase";
constexpr int kRounds = 25;
// Bounds for a machine under load; none of them decides whether the test passes.
constexpr qint64 kBudgetMs = 45000;
constexpr int kWaitMs = 15000;
// The writer adds at most this many records in one transaction (its addMany batch).
constexpr int kMaxRecordsPerOperation = 3;

// What the writer reported as committed for one record.
struct Reported
{
    int version = 0;
    bool deleted = false;
};

void takeCompleteLines(QByteArray &pending, QList<QByteArray> &lines)
{
    qsizetype end;
    while ((end = pending.indexOf('\n')) >= 0) {
        lines << pending.left(end);
        pending.remove(0, end + 1);
    }
}

int versionIn(const RecordView &view)
{
    static const QRegularExpression version(u"version (\\d+)$"_s);
    const QString text =
        view.json.value(u"body"_s).toString() + view.json.value(u"note"_s).toString();
    const QRegularExpressionMatch match = version.match(text);
    return match.hasMatch() ? match.captured(1).toInt() : -1;
}

} // namespace

class TestCrashSafety : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir dir;
    QString folder;
    QHash<QUuid, Reported> reported;
    // Records committed but killed before the writer could say so; they may only grow.
    qsizetype unreported = 0;

    // Starts the writer, lets it report `target` operations, and kills it with SIGKILL.
    void runOneRound(int target)
    {
        QProcess child;
        child.setProgram(QStringLiteral(CRASHWRITER_PATH));
        child.setArguments({folder});
        child.start();
        QVERIFY2(child.waitForStarted(kWaitMs), qPrintable(child.errorString()));
        child.write(QByteArray(kPassphrase) + '\n');
        child.closeWriteChannel();

        QByteArray pending;
        QList<QByteArray> lines;
        while (lines.size() < target && child.state() == QProcess::Running) {
            if (!child.waitForReadyRead(kWaitMs))
                break;
            pending += child.readAllStandardOutput();
            takeCompleteLines(pending, lines);
        }
        child.kill();
        QVERIFY2(child.waitForFinished(kWaitMs), "the writer did not die after SIGKILL");
        pending += child.readAllStandardOutput();
        takeCompleteLines(pending, lines);
        const QByteArray errors = child.readAllStandardError();
        QVERIFY2(
            child.exitStatus() == QProcess::CrashExit,
            qPrintable(u"the writer stopped by itself (exit code %1): %2"_s.arg(child.exitCode())
                           .arg(QString::fromLocal8Bit(errors))));
        QVERIFY2(lines.size() >= target, qPrintable(QString::fromLocal8Bit(errors)));

        for (const QByteArray &line : std::as_const(lines)) {
            const QList<QByteArray> words = line.split(' ');
            const QUuid id =
                words.size() >= 2 ? QUuid::fromString(QLatin1StringView(words.at(1))) : QUuid();
            QVERIFY2(!id.isNull(), line.constData());
            if (words.at(0) == "add") {
                QVERIFY2(!reported.contains(id), line.constData());
                reported.insert(id, {});
            } else if (words.at(0) == "edit" && words.size() == 3) {
                QVERIFY2(reported.contains(id), line.constData());
                reported[id].version = words.at(2).toInt();
            } else if (words.at(0) == "del") {
                QVERIFY2(reported.contains(id), line.constData());
                reported[id].deleted = true;
            } else {
                QFAIL(line.constData());
            }
        }
    }

    // Opens the profile as the app would after the crash and checks every reported state.
    void verifyProfile(int round)
    {
        ManualClock clock;
        auto profile = Profile::open(folder, clock);
        OUTWARD_VERIFY_OK(profile);
        OUTWARD_VERIFY_OK((*profile)->unlock(passphrase(kPassphrase)));
        const auto integrity = (*profile)->database().integrityCheck();
        OUTWARD_VERIFY_OK(integrity);
        QCOMPARE(*integrity, u"ok"_s);

        RecordService service(**profile);
        for (auto it = reported.cbegin(); it != reported.cend(); ++it) {
            const QString where = u"round %1, record %2"_s.arg(round).arg(it.key().toString());
            const auto view = service.get(it.key());
            QVERIFY2(view.ok(), qPrintable(where + u": "_s +
                                           (view.ok() ? QString() : view.error().toString())));
            if (it->deleted) {
                QVERIFY2(view->header.deleted, qPrintable(where + u" lost its deletion"_s));
            } else if (!view->header.deleted) {
                // It may be ahead of the report (killed between commit and print), never behind.
                QVERIFY2(versionIn(*view) >= it->version, qPrintable(where + u" lost an edit"_s));
            }
            const auto history = service.history(it.key());
            OUTWARD_VERIFY_OK(history);
            QVERIFY2(history->size() >= it->version + (it->deleted ? 1 : 0),
                     qPrintable(where + u" lost a revision"_s));
        }

        RecordQuery everything;
        everything.includeDeleted = true;
        const auto stored = (*profile)->store().count(everything);
        OUTWARD_VERIFY_OK(stored);
        const qsizetype extra = *stored - reported.size();
        QVERIFY2(extra >= unreported && extra <= unreported + kMaxRecordsPerOperation,
                 qPrintable(
                     u"round %1: %2 records stored, %3 reported, %4 unreported before"_s.arg(round)
                         .arg(*stored)
                         .arg(reported.size())
                         .arg(unreported)));
        unreported = extra;
    }

private slots:
    void initTestCase()
    {
        QVERIFY(dir.isValid());
        QVERIFY2(QFileInfo(QStringLiteral(CRASHWRITER_PATH)).isExecutable(), CRASHWRITER_PATH);
        folder = dir.filePath(u"profile"_s);
        ManualClock clock;
        createProfileOrDie(folder, kPassphrase, clock);
    }

    void killedWriterLosesNothingItReportedCommitted()
    {
        QElapsedTimer budget;
        budget.start();
        int rounds = 0;
        for (int round = 0; round < kRounds && !budget.hasExpired(kBudgetMs); ++round) {
            // Kill points vary from the first operation to a dozen in.
            runOneRound(1 + (round * 5) % 13);
            if (QTest::currentTestFailed())
                return;
            verifyProfile(round);
            if (QTest::currentTestFailed())
                return;
            ++rounds;
        }
        qInfo("%d rounds, %lld records reported, %lld committed but unreported", rounds,
              static_cast<long long>(reported.size()), static_cast<long long>(unreported));
        QVERIFY(rounds > 0);
        if (rounds < kRounds)
            return; // cut short by the time budget: coverage below is not guaranteed
        // The rounds covered adds, edits and deletions, not only the first kind.
        int edited = 0;
        int deleted = 0;
        for (const Reported &state : std::as_const(reported)) {
            edited += state.version > 0 ? 1 : 0;
            deleted += state.deleted ? 1 : 0;
        }
        QVERIFY(reported.size() > edited);
        QVERIFY(edited > 0);
        QVERIFY(deleted > 0);
    }
};

QTEST_GUILESS_MAIN(TestCrashSafety)
#include "tst_crashsafety.moc"
