#include "core/profile/recordservice.h"
#include "tests/support/manualclock.h"
#include "tests/support/profilefixture.h"
#include "tests/support/testsupport.h"

#include <QDir>
#include <QFileInfo>
#include <QJsonArray>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QTest>

using namespace outward;
using namespace outward::test;
using namespace Qt::StringLiterals;

namespace {

constexpr const char *kPassphrase = "canary passphrase 7f3a";

// A string no code path would produce by accident: nothing of it may reach the disk.
QString randomCanary()
{
    QString hex;
    for (int i = 0; i < 4; ++i)
        hex += QString::number(QRandomGenerator::system()->generate(), 16).rightJustified(8, u'0');
    return u"CANARY"_s + hex;
}

} // namespace

class TestCanary : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir dir;
    ManualClock clock;
    QString canary;
    QString folder;
    QString recoveryCode;
    std::unique_ptr<Profile> profile;
    QList<QUuid> ids;

    // What must never be found: the canary whole and its random part alone (a truncated
    // copy would still be a leak), the passphrase and the recovery code.
    QStringList secrets() const
    {
        return {canary, canary.mid(6), QString::fromUtf8(kPassphrase), recoveryCode};
    }

    void verifyNoSecretOnDisk(const char *when)
    {
        const auto files = filesBelow(folder);
        QVERIFY2(!files.isEmpty(), when);
        for (const QString &secret : secrets()) {
            const QStringList hits = filesContaining(folder, secret);
            QVERIFY2(hits.isEmpty(), qPrintable(u"%1: a secret (%2 characters) is readable in %3"_s
                                                    .arg(QString::fromLatin1(when))
                                                    .arg(secret.size())
                                                    .arg(hits.join(u", "_s))));
        }
    }

    RecordView addOrFail(RecordService &service, RecordKind kind, const QJsonObject &json)
    {
        auto added = service.add(kind, json);
        if (!added.ok())
            qFatal("adding a canary record failed: %s", qPrintable(added.error().toString()));
        return std::move(added).value();
    }

private slots:
    void initTestCase()
    {
        QVERIFY(dir.isValid());
        canary = randomCanary();
        folder = dir.filePath(u"profile"_s);
        auto created = createProfileOrDie(folder, kPassphrase, clock);
        profile = std::move(created.profile);
        recoveryCode = created.recoveryCode;
    }

    void encodingsCoverUtf8AndUtf16()
    {
        const QList<QByteArray> encodings = encodingsOf(u"Aé"_s);
        QCOMPARE(encodings.size(), 3);
        QCOMPARE(encodings.at(0), QByteArray("A\xc3\xa9"));
        QCOMPARE(encodings.at(1), QByteArray("A\x00\xe9\x00", 4));
        QCOMPARE(encodings.at(2), QByteArray("\x00\x41\x00\xe9", 4));
    }

    void writeEditAndDeleteThroughTheService()
    {
        RecordService service(*profile);
        const QString c = canary;
        const RecordView interaction = addOrFail(service, RecordKind::Interaction,
                                                 {{u"channel"_s, u"phone"_s},
                                                  {u"endEmotion"_s, u"appreciation"_s},
                                                  {u"note"_s, u"note "_s + c}});
        const RecordView reflection = addOrFail(service, RecordKind::Reflection,
                                                {{u"title"_s, c + u" title"_s},
                                                 {u"body"_s, u"body "_s + c},
                                                 {u"shareWithLead"_s, true}});
        const RecordView brief =
            addOrFail(service, RecordKind::ClientBrief,
                      {{u"client"_s, c},
                       {u"answers"_s, QJsonArray{QJsonObject{{u"section"_s, u"needs"_s},
                                                             {u"question"_s, c},
                                                             {u"answer"_s, u"they need "_s + c},
                                                             {u"certainty"_s, u"assumed"_s}}}},
                       {u"impactHypothesis"_s, c}});
        const RecordView commitment = addOrFail(service, RecordKind::Commitment,
                                                {{u"title"_s, c},
                                                 {u"type"_s, u"outcome"_s},
                                                 {u"horizonMonths"_s, 3},
                                                 {u"description"_s, c},
                                                 {u"measure"_s, c}});
        const RecordView purpose =
            addOrFail(service, RecordKind::TeamPurpose,
                      {{u"why"_s, c}, {u"how"_s, c}, {u"what"_s, c}, {u"wouldMiss"_s, c}});
        addOrFail(service, RecordKind::CheckIn,
                  {{u"commitmentId"_s, commitment.header.idText()},
                   {u"progress"_s, 30},
                   {u"status"_s, u"onTrack"_s},
                   {u"note"_s, c}});

        // The batch path seals in its own way; it must not leak either.
        Reflection batched;
        batched.writtenAt = clock.now();
        batched.body = u"batched "_s + c;
        const auto batch = service.addMany({batched, batched});
        OUTWARD_VERIFY_OK(batch);
        QCOMPARE(*batch, 2);

        clock.advanceMs(1000);
        OUTWARD_VERIFY_OK(service.edit(interaction.header.id, {{u"note"_s, u"edited "_s + c}}));
        OUTWARD_VERIFY_OK(service.edit(reflection.header.id, {{u"body"_s, c + u" edited"_s}}));
        OUTWARD_VERIFY_OK(service.edit(commitment.header.id, {{u"progress"_s, 50}}));
        clock.advanceMs(1000);
        OUTWARD_VERIFY_OK(service.remove(brief.header.id));
        OUTWARD_VERIFY_OK(service.remove(reflection.header.id));
        OUTWARD_VERIFY_OK(service.remove(purpose.header.id));

        RecordQuery everything;
        everything.includeDeleted = true;
        OUTWARD_VERIFY_OK(profile->store().forEach(everything, [this](const StoredRecord &record) {
            ids << record.id;
            return true;
        }));
        QCOMPARE(ids.size(), 8);

        // The canary is really in what was written: the service gives it back.
        const auto read = service.get(interaction.header.id);
        OUTWARD_VERIFY_OK(read);
        QCOMPARE(read->json.value(u"note"_s).toString(), u"edited "_s + c);
        const auto history = service.history(reflection.header.id);
        OUTWARD_VERIFY_OK(history);
        QCOMPARE(history->size(), 2);
        QCOMPARE(history->at(0).json.value(u"body"_s).toString(), u"body "_s + c);
    }

    void nothingReadableWhileTheDatabaseIsOpen()
    {
        // The important case: the records sit in the WAL, not yet checkpointed into outward.db.
        const QString wal = Profile::databasePath(folder) + u"-wal"_s;
        QVERIFY2(QFileInfo(wal).size() > 0,
                 "no WAL: this test would not look where the records are");
        // The scan does see what is stored in the clear in the WAL (the ids), so a plaintext
        // canary would have been found there too.
        for (const QUuid &id : std::as_const(ids))
            QVERIFY2(filesContaining(folder, id.toString(QUuid::WithoutBraces)).contains(wal),
                     "the scan does not read the WAL");
        verifyNoSecretOnDisk("while open");
    }

    void nothingReadableAfterClosing()
    {
        profile.reset();
        const QStringList names = QDir(folder).entryList(QDir::Files | QDir::Hidden);
        QVERIFY2(names.contains(u"outward.db"_s), qPrintable(names.join(u", "_s)));
        for (const QUuid &id : std::as_const(ids))
            QVERIFY(!filesContaining(folder, id.toString(QUuid::WithoutBraces)).isEmpty());
        verifyNoSecretOnDisk("after closing");
    }

    void nothingReadableAfterReopeningAndReading()
    {
        auto reopened = Profile::open(folder, clock);
        OUTWARD_VERIFY_OK(reopened);
        profile = std::move(reopened).value();
        OUTWARD_VERIFY_OK(profile->unlock(passphrase(kPassphrase)));
        RecordQuery everything;
        everything.includeDeleted = true;
        const auto listed = RecordService(*profile).list(everything);
        OUTWARD_VERIFY_OK(listed);
        QCOMPARE(listed->size(), ids.size());
        verifyNoSecretOnDisk("reopened");
        profile.reset();
        verifyNoSecretOnDisk("closed again");
    }
};

QTEST_GUILESS_MAIN(TestCanary)
#include "tst_canary.moc"
