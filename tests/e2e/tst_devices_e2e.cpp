// A second device and recovery as people do them: a real outward-server process on loopback,
// `outward-cli link` running on the first device while another outward-cli joins with the code it
// printed, and `restore` with a recovery ticket from the admin and the recovery code from `init`.
// The checks read only what users and admins see (stdout, stderr, exit codes).
#include "tests/e2e/e2esupport.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>

using namespace Qt::StringLiterals;
using outward::e2e::CliClient;
using outward::e2e::Run;
using outward::e2e::ServerProcess;

namespace {

constexpr int kOk = 0;
constexpr int kWrongSecret = 3;
constexpr int kNoProfile = 6;
constexpr int kServerRefused = 12;
constexpr int kNotLinked = 14;

const QString kFirstPassphrase = u"correct horse battery"_s;
const QString kSecondPassphrase = u"another device, another passphrase"_s;
const QString kRestoredPassphrase = u"a passphrase after losing everything"_s;

QByteArray interactionLine(const QString &note)
{
    const QJsonObject content{
        {u"channel"_s, u"phone"_s}, {u"endEmotion"_s, u"appreciation"_s}, {u"note"_s, note}};
    return QJsonDocument(QJsonObject{{u"kind"_s, u"interaction"_s}, {u"content"_s, content}})
               .toJson(QJsonDocument::Compact) +
           '\n';
}

QByteArray interactionLines(const QStringList &notes)
{
    QByteArray lines;
    for (const QString &note : notes)
        lines += interactionLine(note);
    return lines;
}

QStringList notesOf(const CliClient &client)
{
    const Run run = client.run({u"list"_s, u"--json"_s});
    QStringList notes;
    for (const QString &line : run.out.split(u'\n', Qt::SkipEmptyParts))
        notes.append(QJsonDocument::fromJson(line.toUtf8())
                         .object()
                         .value(u"content"_s)
                         .toObject()
                         .value(u"note"_s)
                         .toString());
    notes.sort();
    return notes;
}

// `export` as sorted lines: id, clock, state and content of every own record.
QStringList exportOf(const CliClient &client)
{
    const Run run = client.run({u"export"_s});
    QStringList lines = run.out.split(u'\n', Qt::SkipEmptyParts);
    lines.sort();
    return lines;
}

// Replaces one character of a formatted code with another valid character.
QString withTypo(const QString &code, int at)
{
    QString typo = code;
    typo[at] = code.at(at) == u'7' ? u'8' : u'7';
    return typo;
}

} // namespace

class TestDevicesE2e : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    std::unique_ptr<ServerProcess> m_server;
    std::unique_ptr<CliClient> m_first;
    std::unique_ptr<CliClient> m_second;
    QString m_recoveryCode; // printed by the first device's `init`
    QString m_usedLinkCode;
    QStringList m_allNotes;

    // `init` on a new folder; returns the recovery code it printed.
    QString init(const CliClient &client)
    {
        const Run run = client.run({u"init"_s, u"--kdf"_s, u"interactive"_s});
        if (run.exitCode != kOk)
            qWarning("init failed: %s", qPrintable(run.err));
        return run.out.trimmed();
    }

    // `link` on the first device, running until the test is done with it; the code it printed.
    std::unique_ptr<QProcess> startLink(QString *code, QString *server)
    {
        auto process = m_first->start({u"link"_s});
        QString seen;
        *code = outward::e2e::waitForLine(*process, u"^link (\\S+)$"_s, 30000, &seen);
        *server = outward::e2e::waitForLine(*process, u"^server (\\S+)$"_s, 5000, &seen);
        if (code->isEmpty() || server->isEmpty())
            qWarning("link printed no code: %s %s", qPrintable(seen),
                     qPrintable(QString::fromUtf8(process->readAllStandardError())));
        return process;
    }

    Run restore(const CliClient &client, const QString &ticket, const QString &recoveryCode)
    {
        return client.run({u"restore"_s, m_server->url(), ticket, u"--kdf"_s, u"interactive"_s}, {},
                          {u"OUTWARD_RECOVERY_CODE="_s + recoveryCode});
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_server = std::make_unique<ServerProcess>(m_dir.filePath(u"server"_s));
        QVERIFY(m_server->initialise(u"Pension desk"_s));
        QVERIFY(m_server->start());
        m_first = std::make_unique<CliClient>(m_dir.filePath(u"first"_s), kFirstPassphrase);
        m_second = std::make_unique<CliClient>(m_dir.filePath(u"second"_s), kSecondPassphrase);
    }

    void aSecondDeviceJoinsWithALinkCodeAndBothConverge()
    {
        m_recoveryCode = init(*m_first);
        QCOMPARE(m_recoveryCode.size(), 44);
        // Written before the first device has a server.
        const QStringList offline{u"first, offline 1"_s, u"first, offline 2"_s};
        QCOMPARE(m_first->run({u"import"_s}, interactionLines(offline)).exitCode, kOk);
        const Run enrolled = m_first->run(
            {u"enroll"_s, m_server->url(), m_server->invite(u"staff"_s), u"--name"_s, u"Ann"_s});
        QVERIFY2(enrolled.exitCode == kOk, qPrintable(enrolled.err));
        QCOMPARE(m_first->run({u"sync"_s}).exitCode, kOk);

        QString code;
        QString server;
        auto linking = startLink(&code, &server);
        QVERIFY(!code.isEmpty());
        QVERIFY2(QRegularExpression(u"^([0-9A-Z]{4}-){5}[0-9A-Z]{4}$"_s).match(code).hasMatch(),
                 qPrintable(code));
        QCOMPARE(server, m_server->url());

        const Run joined = m_second->run({u"enroll"_s, server, code, u"--kdf"_s, u"interactive"_s,
                                          u"--device-name"_s, u"Ann's laptop"_s});
        QVERIFY2(joined.exitCode == kOk, qPrintable(joined.err));
        QVERIFY2(joined.err.contains(u"added to your account"_s), qPrintable(joined.err));
        QVERIFY2(joined.err.contains(u"outward-cli sync"_s), qPrintable(joined.err));
        QCOMPARE(m_second->userId(), m_first->userId());

        // The first device sees the new one and stops.
        QVERIFY(linking->waitForFinished(30000));
        const QString linkErr = QString::fromUtf8(linking->readAllStandardError());
        QVERIFY2(linking->exitCode() == kOk, qPrintable(linkErr));
        QVERIFY2(linkErr.contains(u"\u201cAnn's laptop\u201d was added"_s), qPrintable(linkErr));
        m_usedLinkCode = code;

        // Both write offline, both sync twice: they end up with the same records.
        QCOMPARE(
            m_first
                ->run({u"import"_s}, interactionLines({u"first, later 1"_s, u"first, later 2"_s}))
                .exitCode,
            kOk);
        QCOMPARE(m_second
                     ->run({u"import"_s},
                           interactionLines({u"second, offline 1"_s, u"second, offline 2"_s}))
                     .exitCode,
                 kOk);
        for (int round = 0; round < 2; ++round) {
            for (const CliClient *device : {m_first.get(), m_second.get()}) {
                const Run synced = device->run({u"sync"_s});
                QVERIFY2(synced.exitCode == kOk, qPrintable(synced.err));
            }
        }
        m_allNotes =
            QStringList{u"first, offline 1"_s, u"first, offline 2"_s,  u"first, later 1"_s,
                        u"first, later 2"_s,   u"second, offline 1"_s, u"second, offline 2"_s};
        m_allNotes.sort();
        QCOMPARE(notesOf(*m_first), m_allNotes);
        QCOMPARE(notesOf(*m_second), m_allNotes);
        const QStringList exported = exportOf(*m_first);
        QCOMPARE(exported.size(), 6);
        QCOMPARE(exportOf(*m_second), exported);
        for (const QString &line : exported)
            QVERIFY2(line.contains(u"\"state\":\"synced\""_s), qPrintable(line));
    }

    void aUsedOrUnknownLinkCodeIsRefused()
    {
        QVERIFY(!m_usedLinkCode.isEmpty());
        const CliClient third(m_dir.filePath(u"third"_s), kSecondPassphrase);
        const Run reused =
            third.run({u"enroll"_s, m_server->url(), m_usedLinkCode, u"--kdf"_s, u"interactive"_s});
        QCOMPARE(reused.exitCode, kServerRefused);
        QVERIFY2(reused.err.contains(u"already used"_s), qPrintable(reused.err));
        QCOMPARE(third.run({u"status"_s}).exitCode, kNoProfile); // nothing was written

        const Run unknown =
            third.run({u"enroll"_s, m_server->url(), u"0000-0000-0000-0000-0000-0000"_s, u"--kdf"_s,
                       u"interactive"_s});
        QCOMPARE(unknown.exitCode, kServerRefused);
        QVERIFY2(unknown.err.contains(u"no device waiting"_s), qPrintable(unknown.err));
    }

    void ctrlCCancelsTheCode()
    {
        QString code;
        QString server;
        auto linking = startLink(&code, &server);
        QVERIFY(!code.isEmpty());
        ::kill(pid_t(linking->processId()), SIGINT);
        QVERIFY(linking->waitForFinished(30000));
        const QString err = QString::fromUtf8(linking->readAllStandardError());
        QCOMPARE(linking->exitCode(), kNotLinked);
        QVERIFY2(err.contains(u"cancelled"_s), qPrintable(err));
        const CliClient late(m_dir.filePath(u"late"_s), kSecondPassphrase);
        const Run refused = late.run({u"enroll"_s, server, code, u"--kdf"_s, u"interactive"_s});
        QCOMPARE(refused.exitCode, kServerRefused);
        QVERIFY2(refused.err.contains(u"no device waiting"_s), qPrintable(refused.err));
    }

    void recoveryWithTheCodeFromInit()
    {
        QVERIFY(!m_allNotes.isEmpty());
        const QString userId = m_first->userId();
        QVERIFY(!userId.isEmpty());
        const QString ticket = m_server->recoveryTicket(userId);
        QVERIFY(!ticket.isEmpty());
        const CliClient restored(m_dir.filePath(u"restored"_s), kRestoredPassphrase);

        // A typo is caught by the code's checksum before the ticket is used.
        const Run typo = restore(restored, ticket, withTypo(m_recoveryCode, 7));
        QCOMPARE(typo.exitCode, kWrongSecret);
        QVERIFY2(typo.err.contains(u"typo"_s), qPrintable(typo.err));
        QVERIFY2(typo.err.contains(u"ticket was not used"_s), qPrintable(typo.err));

        // Another account's code passes the checksum but does not open this account: the
        // ticket is spent on it, and nothing is written.
        const CliClient stranger(m_dir.filePath(u"stranger"_s), kFirstPassphrase);
        const QString strangersCode = init(stranger);
        const Run wrong = restore(restored, ticket, strangersCode);
        QCOMPARE(wrong.exitCode, kWrongSecret);
        QVERIFY2(wrong.err.contains(u"does not open this account"_s), qPrintable(wrong.err));
        QVERIFY2(wrong.err.contains(u"ask your administrator for a new one"_s),
                 qPrintable(wrong.err));
        QCOMPARE(restored.run({u"status"_s}).exitCode, kNoProfile);
        const Run spent = restore(restored, ticket, m_recoveryCode);
        QCOMPARE(spent.exitCode, kServerRefused);
        QVERIFY2(spent.err.contains(u"already used"_s), qPrintable(spent.err));

        // A new ticket and the right code: the account is back with every record.
        const Run back =
            restore(restored, m_server->recoveryTicket(userId), m_recoveryCode.toLower());
        QVERIFY2(back.exitCode == kOk, qPrintable(back.err));
        QVERIFY2(back.err.contains(u"recovery code stays the same"_s), qPrintable(back.err));
        QCOMPARE(restored.userId(), userId);
        const Run synced = restored.run({u"sync"_s});
        QVERIFY2(synced.exitCode == kOk, qPrintable(synced.err));
        QVERIFY2(synced.err.contains(u"6 received"_s), qPrintable(synced.err));
        QCOMPARE(notesOf(restored), m_allNotes);
        QCOMPARE(exportOf(restored), exportOf(*m_first));

        // The restored device writes too, and the others receive it.
        QCOMPARE(restored.run({u"import"_s}, interactionLine(u"after recovery"_s)).exitCode, kOk);
        QCOMPARE(restored.run({u"sync"_s}).exitCode, kOk);
        QCOMPARE(m_second->run({u"sync"_s}).exitCode, kOk);
        QVERIFY(notesOf(*m_second).contains(u"after recovery"_s));
    }

    void cleanupTestCase()
    {
        if (m_server)
            m_server->stop();
    }
};

QTEST_GUILESS_MAIN(TestDevicesE2e)
#include "tst_devices_e2e.moc"
