#include "qml/overview.h"
#include "sessionfixture.h"

#include <QFile>
#include <QJsonDocument>
#include <QSignalSpy>

using namespace outward;
using namespace outward::test;
using namespace Qt::StringLiterals;

class TestOverview : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<SessionFixture> f;

    QString add(RecordKind kind, const QString &json)
    {
        auto added = f->records().add(kind, jsonObject(json.toUtf8().constData()));
        if (!added)
            qFatal("%s", qPrintable(added.error().toString()));
        f->session->notifyRecordsChanged();
        return added->header.idText();
    }

    static QString at(const QDateTime &time)
    {
        return time.toOffsetFromUtc(time.offsetFromUtc()).toString(Qt::ISODate);
    }

private slots:
    void initTestCase() { isolateSettings(); }

    void init()
    {
        f = std::make_unique<SessionFixture>();
        QVERIFY(f->startUnlocked());
    }

    void cleanup() { f.reset(); }

    void emptyUntilThereIsAPurpose()
    {
        Overview overview;
        QVERIFY(!overview.hasPurpose());
        QVERIFY(overview.purposeId().isEmpty());
        QCOMPARE(overview.todayCount(), 0);
        QCOMPARE(overview.unsentCount(), 0);
    }

    void showsTheNewestPurposeThatIsNotDeleted()
    {
        Overview overview;
        QSignalSpy changed(&overview, &Overview::changed);
        const QString older =
            add(RecordKind::TeamPurpose, uR"({"why":"Old why","how":"Old how"})"_s);
        QCOMPARE(overview.purposeId(), older);
        f->clock.advanceMs(1000);
        const QString newer = add(RecordKind::TeamPurpose,
                                  uR"({"why":"Why","how":"How","what":"What","wouldMiss":"Us"})"_s);
        QVERIFY(changed.count() >= 2);
        QVERIFY(overview.hasPurpose());
        QCOMPARE(overview.purposeId(), newer);
        QCOMPARE(overview.purposeWhy(), u"Why"_s);
        QCOMPARE(overview.purposeHow(), u"How"_s);
        QCOMPARE(overview.purposeWhat(), u"What"_s);
        QCOMPARE(overview.purposeWouldMiss(), u"Us"_s);
        QCOMPARE(Overview::latestPurpose(f->records())->value().header.idText(), newer);

        OUTWARD_VERIFY_OK(f->records().remove(QUuid::fromString(newer)));
        f->session->notifyRecordsChanged();
        QCOMPARE(overview.purposeId(), older);
        QCOMPARE(overview.purposeWhat(), QString());

        f->session->lock();
        QVERIFY(!overview.hasPurpose());
    }

    void countsTodayAndWhatIsUnsent()
    {
        const QDateTime now = f->clock.now();
        const QDateTime yesterday = now.date().addDays(-1).startOfDay().addSecs(3600);
        Overview overview;
        add(RecordKind::Interaction, uR"({"channel":"phone","endEmotion":"anger"})"_s);
        add(RecordKind::Interaction,
            uR"({"channel":"chat","endEmotion":"anger","occurredAt":"%1"})"_s.arg(
                at(now.date().startOfDay())));
        add(RecordKind::Interaction,
            uR"({"channel":"chat","endEmotion":"anger","occurredAt":"%1"})"_s.arg(at(yesterday)));
        add(RecordKind::Reflection, uR"({"body":"not an interaction"})"_s);
        QCOMPARE(overview.todayCount(), 2);
        QCOMPARE(overview.unsentCount(), 4); // nothing is enrolled: every record is local
        QCOMPARE(overview.errorCount(), 0);
    }

    void exportWritesOwnRecordsAsJsonLines()
    {
        const QString kept = add(RecordKind::Interaction,
                                 uR"({"channel":"phone","endEmotion":"anger","note":"secret"})"_s);
        const QString gone = add(RecordKind::Reflection, uR"({"body":"removed"})"_s);
        OUTWARD_VERIFY_OK(f->records().remove(QUuid::fromString(gone)));
        Overview overview;
        const QString path = f->dir.filePath(u"export.jsonl"_s);
        // Like `outward-cli export`: the records as they stand, without tombstones.
        QCOMPARE(overview.exportRecords(QUrl::fromLocalFile(path)), 1);
        QVERIFY(overview.exportError().isEmpty());

        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QCOMPARE(file.permissions() & (QFileDevice::ReadOther | QFileDevice::ReadGroup),
                 QFileDevice::Permissions());
        const QList<QByteArray> lines = file.readAll().trimmed().split('\n');
        QCOMPARE(lines.size(), 1);
        QHash<QString, QJsonObject> byId;
        for (const QByteArray &line : lines) {
            const QJsonObject json = QJsonDocument::fromJson(line).object();
            byId.insert(json.value(u"id"_s).toString(), json);
        }
        QCOMPARE(byId.value(kept).value(u"kind"_s).toString(), u"interaction"_s);
        QCOMPARE(byId.value(kept).value(u"state"_s).toString(), u"local"_s);
        QCOMPARE(byId.value(kept).value(u"content"_s).toObject().value(u"note"_s).toString(),
                 u"secret"_s);
        QVERIFY(!byId.contains(gone));
    }

    void exportFailuresSayWhy()
    {
        Overview overview;
        QCOMPARE(overview.exportRecords(QUrl::fromLocalFile(u"/nonexistent-dir/x/out.jsonl"_s)),
                 -1);
        QVERIFY(!overview.exportError().isEmpty());
        QCOMPARE(overview.exportRecords(QUrl(u"https://example.com/out.jsonl"_s)), -1);
        QVERIFY(!overview.exportError().isEmpty());
        f->session->lock();
        QCOMPARE(overview.exportRecords(QUrl::fromLocalFile(f->dir.filePath(u"x"_s))), -1);
        QVERIFY(overview.exportError().contains(u"locked"_s));
        QVERIFY(!QFile::exists(f->dir.filePath(u"x"_s)));
    }
};

QTEST_GUILESS_MAIN(TestOverview)
#include "tst_overview.moc"
