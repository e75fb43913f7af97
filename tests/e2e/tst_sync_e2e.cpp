// Sync as people use it: a real outward-server process on loopback and real outward-cli
// processes, each on its own profile folder. The checks read only what users and admins see
// (stdout, stderr, exit codes) and the files on disk.
#include "tests/e2e/e2esupport.h"

#include <QDirIterator>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using outward::e2e::CliClient;
using outward::e2e::Run;
using outward::e2e::ServerProcess;

namespace {

constexpr int kOk = 0;
constexpr int kServerUnreachable = 11;
constexpr int kServerRefused = 12;

const QString kPassphrase = u"correct horse battery"_s;
// Written into payloads; must never appear in the server's files or logs.
const QString kCanary = u"CANARY-7f3a9c-payload-text"_s;

QByteArray interactionLine(const QString &note, bool shareWithLead)
{
    const QJsonObject content{{u"channel"_s, u"phone"_s},
                              {u"endEmotion"_s, u"appreciation"_s},
                              {u"note"_s, note},
                              {u"shareWithLead"_s, shareWithLead}};
    return QJsonDocument(QJsonObject{{u"kind"_s, u"interaction"_s}, {u"content"_s, content}})
               .toJson(QJsonDocument::Compact) +
           '\n';
}

QByteArray interactionLines(int count, const QString &notePrefix, bool shareWithLead)
{
    QByteArray lines;
    for (int i = 0; i < count; ++i)
        lines += interactionLine(notePrefix + QString::number(i), shareWithLead);
    return lines;
}

// Every record in a profile, by `list --json`.
QList<QJsonObject> listRecords(const CliClient &client)
{
    const Run run = client.run({u"list"_s, u"--json"_s});
    QList<QJsonObject> records;
    for (const QString &line : run.out.split(u'\n', Qt::SkipEmptyParts))
        records.append(QJsonDocument::fromJson(line.toUtf8()).object());
    return records;
}

QStringList notesOf(const QList<QJsonObject> &records)
{
    QStringList notes;
    for (const QJsonObject &record : records)
        notes.append(record.value(u"content"_s).toObject().value(u"note"_s).toString());
    notes.sort();
    return notes;
}

// Files under a folder whose bytes contain the text, in UTF-8 or UTF-16.
QStringList filesContaining(const QString &folder, const QString &text)
{
    QStringList hits;
    QDirIterator it(folder, QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        QFile file(it.next());
        if (!file.open(QIODevice::ReadOnly))
            continue;
        const QByteArray bytes = file.readAll();
        const QByteArray utf16(reinterpret_cast<const char *>(text.utf16()), text.size() * 2);
        if (bytes.contains(text.toUtf8()) || bytes.contains(utf16))
            hits.append(file.fileName());
    }
    return hits;
}

} // namespace

class TestSyncE2e : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    std::unique_ptr<ServerProcess> m_server;
    std::unique_ptr<CliClient> m_lead;
    std::unique_ptr<CliClient> m_ann;
    std::unique_ptr<CliClient> m_bob;

    std::unique_ptr<CliClient> newProfile(const QString &name)
    {
        auto client = std::make_unique<CliClient>(m_dir.filePath(name), kPassphrase);
        const Run init = client->run({u"init"_s, u"--kdf"_s, u"interactive"_s});
        if (init.exitCode != kOk)
            qWarning("init %s failed: %s", qPrintable(name), qPrintable(init.err));
        return client;
    }

    Run enroll(const CliClient &client, const QString &role, const QString &name)
    {
        return client.run(
            {u"enroll"_s, m_server->url(), m_server->invite(role), u"--name"_s, name});
    }

    Run sync(const CliClient &client) { return client.run({u"sync"_s}); }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_server = std::make_unique<ServerProcess>(m_dir.filePath(u"server"_s));
        QVERIFY(m_server->initialise(u"Pension desk"_s));
        QVERIFY(m_server->start());

        m_lead = newProfile(u"lead"_s);
        m_ann = newProfile(u"ann"_s);
        m_bob = newProfile(u"bob"_s);
        const Run lead = enroll(*m_lead, u"lead"_s, u"Lea"_s);
        QVERIFY2(lead.exitCode == kOk, qPrintable(lead.err));
    }

    void recordsWrittenOfflineAreSentAfterEnrolment()
    {
        // Written before Ann has a server: they wait in the outbox as local records.
        const Run imported =
            m_ann->run({u"import"_s}, interactionLine(kCanary + u" shared by Ann"_s, true) +
                                          interactionLine(kCanary + u" private to Ann"_s, false));
        QVERIFY2(imported.exitCode == kOk, qPrintable(imported.err));
        const Run enrolled = enroll(*m_ann, u"staff"_s, u"Ann"_s);
        QVERIFY2(enrolled.exitCode == kOk, qPrintable(enrolled.err));
        QVERIFY2(enrolled.err.contains(u"2 records are waiting"_s), qPrintable(enrolled.err));
        const Run synced = sync(*m_ann);
        QVERIFY2(synced.exitCode == kOk, qPrintable(synced.err));
        QVERIFY2(synced.err.contains(u"2 sent"_s), qPrintable(synced.err));
        for (const QJsonObject &record : listRecords(*m_ann))
            QCOMPARE(record.value(u"state"_s).toString(), u"synced"_s);
    }

    void leadReadsWhatWasSharedAndNothingElse()
    {
        QCOMPARE(enroll(*m_bob, u"staff"_s, u"Bob"_s).exitCode, kOk);
        QCOMPARE(m_bob
                     ->run({u"import"_s}, interactionLine(kCanary + u" private to Bob"_s, false) +
                                              interactionLine(kCanary + u" shared by Bob"_s, true))
                     .exitCode,
                 kOk);
        QCOMPARE(sync(*m_bob).exitCode, kOk);
        QCOMPARE(sync(*m_ann).exitCode, kOk);
        const Run leadSync = sync(*m_lead);
        QVERIFY2(leadSync.exitCode == kOk, qPrintable(leadSync.err));
        QCOMPARE(notesOf(listRecords(*m_lead)),
                 (QStringList{kCanary + u" shared by Ann"_s, kCanary + u" shared by Bob"_s}));
        // Staff never see each other's records, shared with the lead or not.
        QCOMPARE(sync(*m_bob).exitCode, kOk);
        QCOMPARE(notesOf(listRecords(*m_bob)),
                 (QStringList{kCanary + u" private to Bob"_s, kCanary + u" shared by Bob"_s}));
    }

    void canaryAppearsNowhereOnTheServer()
    {
        QVERIFY(m_server->isRunning());
        QCOMPARE(filesContaining(m_server->dataFolder(), kCanary), QStringList());
        QVERIFY(!m_server->logs().contains(kCanary));
        QVERIFY(m_server->logs().contains(u"/v1/records"_s)); // the log is really there
    }

    void serverKilledMidPushLosesAndDuplicatesNothing()
    {
        constexpr int kCount = 4000;
        QCOMPARE(m_ann->run({u"import"_s}, interactionLines(kCount, u"bulk "_s, true)).exitCode,
                 kOk);
        auto pushing = m_ann->start({u"sync"_s});
        // Kill the server while the first batches are in flight.
        QTRY_VERIFY_WITH_TIMEOUT(m_server->logs().contains(u"POST /v1/records"_s), 20000);
        m_server->kill();
        QVERIFY(pushing->waitForFinished(60000));
        QVERIFY2(pushing->exitCode() == kServerUnreachable || pushing->exitCode() == kOk,
                 qPrintable(QString::fromUtf8(pushing->readAllStandardError())));

        QVERIFY(m_server->start());
        const Run again = sync(*m_ann);
        QVERIFY2(again.exitCode == kOk, qPrintable(again.err));
        const QList<QJsonObject> annRecords = listRecords(*m_ann);
        QCOMPARE(annRecords.size(), kCount + 2);
        for (const QJsonObject &record : annRecords)
            QCOMPARE(record.value(u"state"_s).toString(), u"synced"_s);

        // The server holds each record once: the admin's count and the lead's copy agree.
        const Run users = m_server->admin({u"users"_s, u"--json"_s});
        bool found = false;
        for (const QString &line : users.out.split(u'\n', Qt::SkipEmptyParts)) {
            const QJsonObject user = QJsonDocument::fromJson(line.toUtf8()).object();
            if (user.value(u"display_name"_s).toString() == u"Ann"_s) {
                QCOMPARE(user.value(u"records"_s).toInt(), kCount + 2);
                found = true;
            }
        }
        QVERIFY(found);
    }

    void clientKilledMidSyncResumes()
    {
        // The lead has not pulled Ann's 4000 shared records yet: kill the pull part-way. With
        // pages of 1000 stored 1000 at a time, a third page asked for means the first is stored:
        // the engine asks for the next page before storing one and handles pages in order.
        const qsizetype logStart = m_server->logs().size();
        auto pulling = m_lead->start({u"sync"_s, u"--store-batch"_s, u"1000"_s});
        QTRY_VERIFY_WITH_TIMEOUT(m_server->logs().mid(logStart).count(u"GET /v1/records"_s) >= 3,
                                 30000);
        pulling->kill();
        pulling->waitForFinished(10000);

        const Run resumed = sync(*m_lead);
        QVERIFY2(resumed.exitCode == kOk, qPrintable(resumed.err));
        // It resumed where the killed sync stopped: some pages were kept, not pulled again.
        const auto received = QRegularExpression(u"(\\d+) received"_s).match(resumed.err);
        QVERIFY2(received.hasMatch(), qPrintable(resumed.err));
        QVERIFY2(received.captured(1).toInt() < 4000, qPrintable(resumed.err));
        const QList<QJsonObject> leadRecords = listRecords(*m_lead);
        QCOMPARE(leadRecords.size(), 4000 + 2);
        QSet<QString> ids;
        for (const QJsonObject &record : leadRecords)
            ids.insert(record.value(u"id"_s).toString());
        QCOMPARE(ids.size(), leadRecords.size());
    }

    void tamperedEnvelopeIsRefusedByTheReader()
    {
        QCOMPARE(m_bob->run({u"import"_s}, interactionLine(u"to be tampered"_s, true)).exitCode,
                 kOk);
        QCOMPARE(sync(*m_bob).exitCode, kOk);
        m_server->stop();
        {
            // Flip one byte of the newest envelope, as a malicious server or a broken disk would.
            auto db = QSqlDatabase::addDatabase(u"QSQLITE"_s, u"tamper"_s);
            db.setDatabaseName(m_server->dataFolder() + u"/server.db"_s);
            QVERIFY(db.open());
            QSqlQuery query(db);
            QVERIFY(query.exec(u"SELECT id, envelope FROM records ORDER BY seq DESC LIMIT 1"_s));
            QVERIFY(query.next());
            const QString id = query.value(0).toString();
            QByteArray envelope = query.value(1).toByteArray();
            envelope[envelope.size() - 5] = char(envelope.at(envelope.size() - 5) ^ 0x01);
            QSqlQuery update(db);
            update.prepare(u"UPDATE records SET envelope = ? WHERE id = ?"_s);
            update.addBindValue(envelope);
            update.addBindValue(id);
            QVERIFY(update.exec());
            db.close();
        }
        QSqlDatabase::removeDatabase(u"tamper"_s);
        QVERIFY(m_server->start());

        const int before = int(listRecords(*m_lead).size());
        const Run leadSync = sync(*m_lead);
        QVERIFY2(leadSync.err.contains(u"integrity"_s), qPrintable(leadSync.err));
        QCOMPARE(int(listRecords(*m_lead).size()), before);
        QVERIFY(!notesOf(listRecords(*m_lead)).contains(u"to be tampered"_s));
    }

    void reusedInviteAndWrongTokenAreRefused()
    {
        const QString code = m_server->invite(u"staff"_s);
        auto carol = newProfile(u"carol"_s);
        QCOMPARE(carol->run({u"enroll"_s, m_server->url(), code}).exitCode, kOk);
        auto dave = newProfile(u"dave"_s);
        const Run reused = dave->run({u"enroll"_s, m_server->url(), code});
        QCOMPARE(reused.exitCode, kServerRefused);
        QVERIFY2(reused.err.contains(u"used"_s), qPrintable(reused.err));

        QNetworkAccessManager network;
        QNetworkRequest request(QUrl(m_server->url() + u"/v1/records?after=0"_s));
        request.setRawHeader("Authorization",
                             "Bearer owt1_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA");
        QNetworkReply *reply = network.get(request);
        QSignalSpy finished(reply, &QNetworkReply::finished);
        QVERIFY(finished.wait(10000));
        QCOMPARE(reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), 401);
        const QJsonObject error = QJsonDocument::fromJson(reply->readAll()).object();
        QCOMPARE(error.value(u"error"_s).toObject().value(u"code"_s).toString(),
                 u"unauthenticated"_s);
        reply->deleteLater();
    }

    void cleanupTestCase()
    {
        if (m_server)
            m_server->stop();
    }
};

QTEST_GUILESS_MAIN(TestSyncE2e)
#include "tst_sync_e2e.moc"
