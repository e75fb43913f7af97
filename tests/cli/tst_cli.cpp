// outward-cli as a person or a script uses it: every command runs as a real process on a real
// profile folder, and the checks read only what a user sees (stdout, stderr, the exit code) and
// the files on disk.
#include "tests/support/testsupport.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QProcess>
#include <QRegularExpression>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>
#include <QUuid>

using namespace Qt::StringLiterals;

namespace {

// The documented exit codes (docs/cli.md); restated so a renumbering fails here.
constexpr int kOk = 0;
constexpr int kUsage = 2;
constexpr int kWrongSecret = 3;
constexpr int kInvalid = 4;
constexpr int kNotFound = 5;
constexpr int kNoProfile = 6;
constexpr int kCorrupt = 7;
constexpr int kNewer = 8;

const QString kPassphrase = u"correct horse battery"_s;

struct Run
{
    int exitCode = -1;
    QString out;
    QString err;
};

} // namespace

class TestCli : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_home;
    QString m_profile;
    QString m_recoveryCode;

    // Runs outward-cli with the profile and passphrase in its environment, as scripts do.
    Run cli(const QStringList &arguments, const QByteArray &input = {},
            const QString &passphrase = kPassphrase, const QStringList &extraEnv = {})
    {
        QProcess process;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(u"OUTWARD_PROFILE"_s, m_profile);
        env.insert(u"HOME"_s, m_home.path());
        env.remove(u"OUTWARD_NEW_PASSPHRASE"_s);
        env.remove(u"OUTWARD_RECOVERY_CODE"_s);
        if (passphrase.isNull())
            env.remove(u"OUTWARD_PASSPHRASE"_s);
        else
            env.insert(u"OUTWARD_PASSPHRASE"_s, passphrase);
        for (const QString &pair : extraEnv)
            env.insert(pair.section(u'=', 0, 0), pair.section(u'=', 1));
        process.setProcessEnvironment(env);
        process.start(QStringLiteral(OUTWARD_CLI_PATH), arguments);
        if (!process.waitForStarted(10000))
            return {};
        process.write(input);
        process.closeWriteChannel();
        if (!process.waitForFinished(60000)) {
            process.kill();
            process.waitForFinished();
            return {};
        }
        Run run;
        run.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
        run.out = QString::fromUtf8(process.readAllStandardOutput());
        run.err = QString::fromUtf8(process.readAllStandardError());
        return run;
    }

    QString addInteraction(const QByteArray &json)
    {
        const Run run = cli({u"add"_s, u"interaction"_s}, json);
        if (run.exitCode != kOk)
            qWarning("add failed: %s", qPrintable(run.err));
        return run.out.trimmed();
    }

    QList<QJsonObject> listJson(const QStringList &extra = {})
    {
        const Run run = cli(QStringList{u"list"_s, u"--json"_s} + extra);
        QList<QJsonObject> records;
        for (const QString &line : run.out.split(u'\n', Qt::SkipEmptyParts))
            records << QJsonDocument::fromJson(line.toUtf8()).object();
        return records;
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_home.isValid());
        m_profile = m_home.filePath(u"profile"_s);
        const Run run = cli({u"init"_s, u"--kdf"_s, u"interactive"_s}, {}, kPassphrase,
                            {u"OUTWARD_NEW_PASSPHRASE="_s + kPassphrase});
        QCOMPARE(run.exitCode, kOk);
        m_recoveryCode = run.out.trimmed();
        // Nine groups of four Crockford base32 characters, alone on stdout so scripts capture it.
        QVERIFY2(QRegularExpression(u"^[0-9A-HJKMNP-TV-Z]{4}(-[0-9A-HJKMNP-TV-Z]{4}){8}$"_s)
                     .match(m_recoveryCode)
                     .hasMatch(),
                 qPrintable(m_recoveryCode));
        QVERIFY2(run.err.contains(u"recovery code"_s), qPrintable(run.err));
    }

    void helpAndUnknownCommand()
    {
        const Run help = cli({u"help"_s});
        QCOMPARE(help.exitCode, kOk);
        for (const char *command : {"init", "add", "list", "show", "edit", "delete", "export",
                                    "passwd", "recover", "status"})
            QVERIFY2(help.out.contains(QLatin1String(command)), command);
        const Run unknown = cli({u"frobnicate"_s});
        QCOMPARE(unknown.exitCode, kUsage);
        QVERIFY(unknown.err.contains(u"frobnicate"_s));
    }

    void initRefusesToOverwrite()
    {
        const Run run = cli({u"init"_s, u"--kdf"_s, u"interactive"_s}, {}, kPassphrase,
                            {u"OUTWARD_NEW_PASSPHRASE=another passphrase"_s});
        QCOMPARE(run.exitCode, kNoProfile);
        QVERIFY2(run.err.contains(u"already holds an Outward profile"_s), qPrintable(run.err));
        // The original passphrase still opens it.
        QCOMPARE(cli({u"list"_s}).exitCode, kOk);
    }

    void newUserSession()
    {
        // add
        const QString id = addInteraction(R"({"channel":"phone","endEmotion":"appreciation",
            "startEmotion":"agitation","note":"Helped with a billing question"})");
        QVERIFY2(!QUuid::fromString(id).isNull(), qPrintable(id));

        // list shows it with its summary
        const Run list = cli({u"list"_s});
        QCOMPARE(list.exitCode, kOk);
        QVERIFY2(list.out.contains(id), qPrintable(list.out));
        QVERIFY(list.out.contains(u"billing question"_s));

        // show by an id prefix
        const Run show = cli({u"show"_s, id.left(8)});
        QCOMPARE(show.exitCode, kOk);
        const QJsonObject shown = QJsonDocument::fromJson(show.out.toUtf8()).object();
        QCOMPARE(shown.value(u"id"_s).toString(), id);
        QCOMPARE(shown.value(u"content"_s).toObject().value(u"note"_s).toString(),
                 u"Helped with a billing question"_s);

        // edit keeps the earlier version
        const Run edit =
            cli({u"edit"_s, id}, R"({"note":"Billing question solved","handleTimeSeconds":240})");
        QCOMPARE(edit.exitCode, kOk);
        const Run history = cli({u"show"_s, id, u"--history"_s});
        const QJsonObject withHistory = QJsonDocument::fromJson(history.out.toUtf8()).object();
        QCOMPARE(withHistory.value(u"content"_s).toObject().value(u"note"_s).toString(),
                 u"Billing question solved"_s);
        QCOMPARE(withHistory.value(u"content"_s).toObject().value(u"handleTimeSeconds"_s).toInt(),
                 240);
        const QJsonArray versions = withHistory.value(u"history"_s).toArray();
        QCOMPARE(versions.size(), 1);
        QVERIFY(QJsonDocument(versions.first().toObject())
                    .toJson()
                    .contains("Helped with a billing question"));

        // export: JSON lines, decrypted
        const Run exported = cli({u"export"_s});
        QCOMPARE(exported.exitCode, kOk);
        QVERIFY(exported.out.contains(u"Billing question solved"_s));
        for (const QString &line : exported.out.split(u'\n', Qt::SkipEmptyParts))
            QVERIFY2(QJsonDocument::fromJson(line.toUtf8()).isObject(), qPrintable(line));

        // delete leaves a tombstone: gone from list and export, visible with --deleted
        const Run removed = cli({u"delete"_s, id});
        QCOMPARE(removed.exitCode, kOk);
        QVERIFY(!cli({u"list"_s}).out.contains(id));
        QVERIFY(cli({u"list"_s, u"--deleted"_s}).out.contains(id));
        QVERIFY(!cli({u"export"_s}).out.contains(u"Billing question solved"_s));
    }

    void wrongPassphrase()
    {
        addInteraction(R"({"channel":"email","endEmotion":"ambivalence"})");
        const Run run = cli({u"list"_s}, {}, u"not the passphrase"_s);
        QCOMPARE(run.exitCode, kWrongSecret);
        QVERIFY2(run.err.contains(u"passphrase is wrong"_s), qPrintable(run.err));
        QVERIFY(run.out.isEmpty());
    }

    void noPassphraseWithoutTerminal()
    {
        // No environment variable and no terminal: say how to give one instead of hanging.
        const Run run = cli({u"list"_s}, {}, QString());
        QVERIFY(run.exitCode != kOk);
        QVERIFY2(run.err.contains(u"OUTWARD_PASSPHRASE"_s), qPrintable(run.err));
    }

    void passphraseFile()
    {
        QTemporaryDir dir;
        QFile file(dir.filePath(u"pass"_s));
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(kPassphrase.toUtf8() + "\n");
        file.close();
        const Run run = cli({u"list"_s, u"--passphrase-file"_s, file.fileName()}, {}, QString());
        QCOMPARE(run.exitCode, kOk);
    }

    void invalidRecordNamesTheField_data()
    {
        QTest::addColumn<QByteArray>("json");
        QTest::addColumn<QString>("field");
        QTest::newRow("missing end emotion")
            << QByteArray(R"({"channel":"phone"})") << u"endEmotion"_s;
        QTest::newRow("nps out of range")
            << QByteArray(
                   R"({"channel":"chat","endEmotion":"adoration","customerReported":{"nps":11}})")
            << u"customerReported.nps"_s;
        QTest::newRow("unknown channel")
            << QByteArray(R"({"channel":"pigeon","endEmotion":"anger"})") << u"channel"_s;
    }

    void invalidRecordNamesTheField()
    {
        QFETCH(QByteArray, json);
        QFETCH(QString, field);
        const int before = listJson().size();
        const Run run = cli({u"add"_s, u"interaction"_s}, json);
        QCOMPARE(run.exitCode, kInvalid);
        QVERIFY2(run.err.contains(field + u':'), qPrintable(run.err));
        QCOMPARE(listJson().size(), before); // nothing was written
    }

    void editThatWouldResetAFieldIsRefused()
    {
        const QString id = addInteraction(
            R"({"channel":"phone","endEmotion":"anger","occurredAt":"2026-02-03T09:30:00Z","shareWithLead":true})");
        QVERIFY(!id.isEmpty());
        // null would fill in "now" and false: refused, naming each field, and nothing changes.
        const Run run = cli({u"edit"_s, id}, R"({"occurredAt":null,"shareWithLead":null})");
        QCOMPARE(run.exitCode, kInvalid);
        QVERIFY2(run.err.contains(u"occurredAt: cannot be removed"_s), qPrintable(run.err));
        QVERIFY2(run.err.contains(u"shareWithLead: cannot be removed"_s), qPrintable(run.err));
        const QJsonObject content = QJsonDocument::fromJson(cli({u"show"_s, id}).out.toUtf8())
                                        .object()
                                        .value(u"content"_s)
                                        .toObject();
        QVERIFY(content.value(u"occurredAt"_s).toString().startsWith(u"2026-02-03"_s));
        QCOMPARE(content.value(u"shareWithLead"_s).toBool(), true);
        // Removing an optional field still works.
        QCOMPARE(cli({u"edit"_s, id}, R"({"shareWithLead":false,"note":null})").exitCode, kOk);
        QCOMPARE(cli({u"delete"_s, id}).exitCode, kOk);
    }

    void malformedJsonIsInvalid()
    {
        const Run run = cli({u"add"_s, u"interaction"_s}, "{\"channel\": ");
        QCOMPARE(run.exitCode, kInvalid);
        QVERIFY2(run.err.contains(u"not valid JSON"_s), qPrintable(run.err));
    }

    void unknownKindIsUsageOrInvalid()
    {
        const Run run = cli({u"add"_s, u"memo"_s}, "{}");
        QVERIFY(run.exitCode == kUsage || run.exitCode == kInvalid);
        QVERIFY2(run.err.contains(u"interaction"_s), qPrintable(run.err)); // lists the kinds
    }

    void unknownId()
    {
        const QString missing = QUuid::createUuid().toString(QUuid::WithoutBraces);
        for (const QString &command : {u"show"_s, u"edit"_s, u"delete"_s}) {
            const Run run = cli({command, missing}, "{}");
            QCOMPARE(run.exitCode, kNotFound);
            QVERIFY2(run.err.contains(u"no record"_s), qPrintable(run.err));
        }
    }

    void listFilters()
    {
        QTemporaryDir dir;
        const QString old = addInteraction(
            R"({"channel":"inPerson","endEmotion":"adoration","occurredAt":"2026-03-02T10:00:00Z"})");
        QVERIFY(!old.isEmpty());
        const Run reflection = cli({u"add"_s, u"reflection"_s},
                                   R"({"prompt":"whyThisWork","body":"Because people matter"})");
        QCOMPARE(reflection.exitCode, kOk);

        const auto march = listJson({u"--from"_s, u"2026-03-01"_s, u"--to"_s, u"2026-03-31"_s});
        QCOMPARE(march.size(), 1);
        QCOMPARE(march.first().value(u"id"_s).toString(), old);

        const auto reflections = listJson({u"--kind"_s, u"reflection"_s});
        QCOMPARE(reflections.size(), 1);
        QCOMPARE(reflections.first().value(u"kind"_s).toString(), u"reflection"_s);

        // A wrong option value is a usage error that says what the option takes.
        const Run badKind = cli({u"list"_s, u"--kind"_s, u"memo"_s});
        QCOMPARE(badKind.exitCode, kUsage);
        QVERIFY2(badKind.err.contains(u"--kind must be one of"_s), qPrintable(badKind.err));
        const Run badDay = cli({u"list"_s, u"--from"_s, u"yesterday"_s});
        QCOMPARE(badDay.exitCode, kUsage);
        QVERIFY2(badDay.err.contains(u"--from must be a date"_s), qPrintable(badDay.err));
    }

    void statusCountsOutboxStates()
    {
        const Run run = cli({u"status"_s, u"--json"_s});
        QCOMPARE(run.exitCode, kOk);
        const QJsonObject status = QJsonDocument::fromJson(run.out.toUtf8()).object();
        const QJsonObject outbox = status.value(u"outbox"_s).toObject();
        for (const char *state : {"local", "queued", "synced", "error"})
            QVERIFY2(outbox.contains(QLatin1String(state)), state);
        // Not enrolled: everything stays local, tombstones included.
        QCOMPARE(outbox.value(u"local"_s).toInt(), status.value(u"records"_s).toInt());
        QCOMPARE(status.value(u"records"_s).toInt(), listJson({u"--deleted"_s}).size());
    }

    void canaryAppearsInNoProfileFile()
    {
        const QByteArray canary = "CANARY-" + QUuid::createUuid().toByteArray(QUuid::Id128);
        const QString id = addInteraction(
            R"({"channel":"phone","endEmotion":"appreciation","note":")" + canary + R"("})");
        QVERIFY(!id.isEmpty());
        QCOMPARE(cli({u"edit"_s, id}, R"({"note":"edited )" + canary + R"("})").exitCode, kOk);
        QCOMPARE(cli({u"add"_s, u"reflection"_s},
                     R"({"prompt":"customerGain","body":")" + canary + R"("})")
                     .exitCode,
                 kOk);
        QCOMPARE(cli({u"delete"_s, id}).exitCode, kOk);
        // The CLI really stored it: export finds it in the reflection.
        QVERIFY(cli({u"export"_s}).out.contains(QString::fromLatin1(canary)));

        const QByteArray everything = outward::test::readAllFilesBelow(m_profile);
        QVERIFY(everything.size() > 0);
        QVERIFY2(!everything.contains(canary),
                 "a canary written through outward-cli is in a profile file");
        QVERIFY(!everything.contains(QString::fromLatin1(canary).toUtf8()));
        const QByteArray utf16(reinterpret_cast<const char *>(QString::fromLatin1(canary).utf16()),
                               canary.size() * 2);
        QVERIFY(!everything.contains(utf16));
    }

    void passwdThenRecover()
    {
        const QString next = u"a new and longer passphrase"_s;
        const Run changed = cli({u"passwd"_s, u"--kdf"_s, u"interactive"_s}, {}, kPassphrase,
                                {u"OUTWARD_NEW_PASSPHRASE="_s + next});
        QCOMPARE(changed.exitCode, kOk);
        QCOMPARE(cli({u"list"_s}).exitCode, kWrongSecret);
        const Run afterChange = cli({u"export"_s}, {}, next);
        QCOMPARE(afterChange.exitCode, kOk);
        QVERIFY(afterChange.out.contains(u"Because people matter"_s)); // records still open

        // A typo in the recovery code is told apart from a wrong code.
        QString typo = m_recoveryCode;
        typo[0] = typo[0] == u'A' ? u'B' : u'A';
        const Run badCode =
            cli({u"recover"_s, u"--kdf"_s, u"interactive"_s}, {}, QString(),
                {u"OUTWARD_RECOVERY_CODE="_s + typo, u"OUTWARD_NEW_PASSPHRASE="_s + kPassphrase});
        QVERIFY(badCode.exitCode == kWrongSecret || badCode.exitCode == kInvalid);

        const Run recovered = cli({u"recover"_s, u"--kdf"_s, u"interactive"_s}, {}, QString(),
                                  {u"OUTWARD_RECOVERY_CODE="_s + m_recoveryCode.toLower(),
                                   u"OUTWARD_NEW_PASSPHRASE="_s + kPassphrase});
        QCOMPARE(recovered.exitCode, kOk);
        QCOMPARE(cli({u"list"_s}).exitCode, kOk);
        QCOMPARE(cli({u"list"_s}, {}, next).exitCode, kWrongSecret);
    }

    void missingProfile()
    {
        const QString saved = m_profile;
        m_profile = m_home.filePath(u"nowhere"_s);
        const Run run = cli({u"list"_s});
        m_profile = saved;
        QCOMPARE(run.exitCode, kNoProfile);
        QVERIFY2(run.err.contains(u"init"_s), qPrintable(run.err)); // says what to do
    }

    void newerProfileIsRefused()
    {
        QTemporaryDir dir;
        const QString saved = m_profile;
        m_profile = dir.filePath(u"newer"_s);
        QCOMPARE(cli({u"init"_s, u"--kdf"_s, u"interactive"_s}, {}, kPassphrase,
                     {u"OUTWARD_NEW_PASSPHRASE="_s + kPassphrase})
                     .exitCode,
                 kOk);
        {
            QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, u"bump"_s);
            db.setDatabaseName(m_profile + u"/outward.db"_s);
            QVERIFY(db.open());
            QVERIFY(QSqlQuery(db).exec(u"PRAGMA user_version = 999"_s));
            db.close();
        }
        QSqlDatabase::removeDatabase(u"bump"_s);
        const Run run = cli({u"list"_s});
        m_profile = saved;
        QCOMPARE(run.exitCode, kNewer);
        QVERIFY2(run.err.contains(u"newer version of Outward"_s), qPrintable(run.err));
    }

    void corruptProfileIsRefused()
    {
        QTemporaryDir dir;
        const QString saved = m_profile;
        m_profile = dir.filePath(u"corrupt"_s);
        QCOMPARE(cli({u"init"_s, u"--kdf"_s, u"interactive"_s}, {}, kPassphrase,
                     {u"OUTWARD_NEW_PASSPHRASE="_s + kPassphrase})
                     .exitCode,
                 kOk);
        QFile db(m_profile + u"/outward.db"_s);
        QVERIFY(db.open(QIODevice::ReadWrite));
        db.write(QByteArray(4096, '\x5a')); // the SQLite header and first page
        db.close();
        const Run run = cli({u"list"_s});
        m_profile = saved;
        QCOMPARE(run.exitCode, kCorrupt);
        QVERIFY2(run.err.contains(u"damaged"_s), qPrintable(run.err));
    }
};

QTEST_GUILESS_MAIN(TestCli)
#include "tst_cli.moc"
