#include "core/model/commitment.h"
#include "core/model/record.h"
#include "tests/support/manualclock.h"
#include "tests/support/testsupport.h"

#include <QJsonDocument>
#include <QTest>

using namespace outward;
using namespace outward::test;

class TestCommitment : public QObject
{
    Q_OBJECT

private:
    ValidationContext context() const
    {
        return {QDateTime::fromMSecsSinceEpoch(clock.nowMs(), Qt::UTC)};
    }
    ManualClock clock;

private slots:
    void minimalCommitmentIsValid()
    {
        const auto parsed = Commitment::fromJson(
            jsonObject(
                R"({"title":"Call back every lost parcel","type":"outcome","horizonMonths":3})"),
            context());
        OUTWARD_VERIFY_OK(parsed);
        QCOMPARE(parsed->type, CommitmentType::Outcome);
        QCOMPARE(parsed->horizonMonths, 3);
        QCOMPARE(parsed->startDate, QDate(2025, 11, 22));
        QCOMPARE(parsed->status, CommitmentStatus::Active);
        QCOMPARE(parsed->progress, 0);
        QVERIFY(!parsed->description);
        QVERIFY(!parsed->measure);
        QCOMPARE(parsed->dueDate(), QDate(2026, 2, 22));
        QCOMPARE(parsed->time(), QDate(2025, 11, 22).startOfDay()); // the local day
    }

    void fullRecordRoundTrips()
    {
        const QJsonObject json = jsonObject(R"({
            "title": "Every customer leaves with a next step", "description": "Also on chat",
            "type": "impact", "horizonMonths": 6, "startDate": "2025-10-01", "status": "achieved",
            "progress": 100, "measure": "Follow-up survey says so"})");
        const auto parsed = Commitment::fromJson(json, context());
        OUTWARD_VERIFY_OK(parsed);
        QCOMPARE(parsed->status, CommitmentStatus::Achieved);
        QCOMPARE(parsed->dueDate(), QDate(2026, 4, 1));
        QCOMPARE(parsed->toJson(), json);
        const auto again = Commitment::fromJson(parsed->toJson(), context());
        OUTWARD_VERIFY_OK(again);
        QCOMPARE(again->toJson(), json);
    }

    void defaultsAreWritten()
    {
        const auto parsed = Commitment::fromJson(
            jsonObject(R"({"title":"t","type":"output","horizonMonths":6})"), context());
        OUTWARD_VERIFY_OK(parsed);
        const QJsonObject json = parsed->toJson();
        QCOMPARE(json.value("startDate").toString(), QString("2025-11-22"));
        QCOMPARE(json.value("status").toString(), QString("active"));
        QCOMPARE(json.value("progress").toInt(-1), 0);
        const auto again = Commitment::fromJson(json, context());
        OUTWARD_VERIFY_OK(again);
        QCOMPARE(again->toJson(), json);
    }

    void dueDateClampsToTheEndOfShortMonths()
    {
        Commitment value;
        value.startDate = QDate(2025, 8, 31);
        QVERIFY(!value.dueDate().isValid());
        value.horizonMonths = 6;
        QCOMPARE(value.dueDate(), QDate(2026, 2, 28));
    }

    void invalidRecordNamesFieldAndRule_data()
    {
        QTest::addColumn<QByteArray>("json");
        QTest::addColumn<QString>("field");
        QTest::addColumn<QString>("ruleFragment");

        QTest::newRow("title missing")
            << QByteArray(R"({"type":"output","horizonMonths":3})") << "title"
            << "is required";
        QTest::newRow("title blank")
            << QByteArray(R"({"title":" ","type":"output","horizonMonths":3})") << "title"
            << "must not be blank";
        QTest::newRow("title too long") << QByteArray(R"({"title":")" + QByteArray(201, 't') +
                                                      R"(","type":"output","horizonMonths":3})")
                                        << "title"
                                        << "at most 200 characters";
        QTest::newRow("description too long")
            << QByteArray(R"({"title":"t","description":")" + QByteArray(4001, 'd') +
                          R"(","type":"output","horizonMonths":3})")
            << "description"
            << "at most 4000 characters";
        QTest::newRow("type missing") << QByteArray(R"({"title":"t","horizonMonths":3})") << "type"
                                      << "is required; must be one of: output, outcome, impact";
        QTest::newRow("unknown type")
            << QByteArray(R"({"title":"t","type":"vanity","horizonMonths":3})") << "type"
            << "must be one of: output, outcome, impact";
        QTest::newRow("horizon missing")
            << QByteArray(R"({"title":"t","type":"output"})") << "horizonMonths"
            << "is required; must be 3 or 6 (months)";
        QTest::newRow("horizon 4")
            << QByteArray(R"({"title":"t","type":"output","horizonMonths":4})") << "horizonMonths"
            << "must be 3 or 6 (months)";
        QTest::newRow("horizon 12")
            << QByteArray(R"({"title":"t","type":"output","horizonMonths":12})") << "horizonMonths"
            << "must be 3 or 6 (months)";
        QTest::newRow("horizon as text")
            << QByteArray(R"({"title":"t","type":"output","horizonMonths":"3"})") << "horizonMonths"
            << "whole number";
        QTest::newRow("start date with time")
            << QByteArray(
                   R"({"title":"t","type":"output","horizonMonths":3,"startDate":"2025-11-22T10:00:00Z"})")
            << "startDate"
            << "YYYY-MM-DD";
        QTest::newRow("start date impossible")
            << QByteArray(
                   R"({"title":"t","type":"output","horizonMonths":3,"startDate":"2025-02-30"})")
            << "startDate"
            << "YYYY-MM-DD";
        QTest::newRow("unknown status")
            << QByteArray(R"({"title":"t","type":"output","horizonMonths":3,"status":"done"})")
            << "status"
            << "active, achieved, missed, dropped";
        QTest::newRow("progress 101")
            << QByteArray(R"({"title":"t","type":"output","horizonMonths":3,"progress":101})")
            << "progress"
            << "from 0 to 100 (progress)";
        QTest::newRow("progress negative")
            << QByteArray(R"({"title":"t","type":"output","horizonMonths":3,"progress":-5})")
            << "progress"
            << "from 0 to 100";
        QTest::newRow("progress fraction")
            << QByteArray(R"({"title":"t","type":"output","horizonMonths":3,"progress":12.5})")
            << "progress"
            << "whole number";
        QTest::newRow("measure too long")
            << QByteArray(R"({"title":"t","type":"output","horizonMonths":3,"measure":")" +
                          QByteArray(201, 'm') + R"("})")
            << "measure"
            << "at most 200 characters";
        QTest::newRow("misspelt field")
            << QByteArray(R"({"title":"t","type":"output","horizonMonths":3,"horizon":3})")
            << "horizon"
            << "not a field";
    }

    void invalidRecordNamesFieldAndRule()
    {
        QFETCH(QByteArray, json);
        QFETCH(QString, field);
        QFETCH(QString, ruleFragment);
        const QJsonDocument document = QJsonDocument::fromJson(json);
        QVERIFY2(document.isObject(), json.constData());
        const auto parsed = Commitment::fromJson(document.object(), context());
        QVERIFY(!parsed.ok());
        QCOMPARE(parsed.error().code(), ErrorCode::InvalidInput);
        QCOMPARE(errorFields(parsed.error()), QStringList{field});
        QVERIFY2(parsed.error().fieldErrors().first().rule.contains(ruleFragment),
                 qPrintable(parsed.error().toString()));
    }

    void typedValueIsValidatedToo()
    {
        Commitment value;
        value.title = "Answer within a day";
        value.type = CommitmentType::Output;
        value.horizonMonths = 5;
        value.progress = 150;
        QCOMPARE(errorFields(Error::invalid(value.validate(context()))),
                 (QStringList{"horizonMonths", "startDate", "progress"}));
        value.horizonMonths = 6;
        value.progress = 40;
        value.startDate = QDate(2025, 11, 1);
        QVERIFY(value.validate(context()).isEmpty());
    }

    void metricsHoldNoFreeText()
    {
        const auto parsed = Commitment::fromJson(
            jsonObject(
                R"({"title":"CANARY-title","description":"CANARY-description","type":"impact",
                           "horizonMonths":6,"status":"missed","progress":35,"measure":"CANARY-measure"})"),
            context());
        OUTWARD_VERIFY_OK(parsed);
        const QJsonObject metrics = parsed->metrics();
        QVERIFY(!QJsonDocument(metrics).toJson().contains("CANARY"));
        QCOMPARE(
            metrics,
            jsonObject(R"({"type":"impact","status":"missed","progress":35,"horizonMonths":6})"));
    }

    void summaryShowsTitleTypeAndProgress()
    {
        Commitment value;
        value.title = "Answer within a day";
        value.type = CommitmentType::Output;
        value.progress = 40;
        QCOMPARE(value.summary(), QString("Answer within a day · output · 40%"));
        value.status = CommitmentStatus::Dropped;
        QVERIFY(value.summary().endsWith("dropped"));
    }

    void recordTimeIsTheStartOfTheLocalDay()
    {
        // Listing filters by local days, so a date-only record must fall on its own local day
        // wherever the device is (a UTC midnight is the day before west of Greenwich).
        Commitment value;
        value.title = QStringLiteral("t");
        value.type = CommitmentType::Output;
        value.horizonMonths = 3;
        value.startDate = QDate(2025, 11, 20);
        const QDateTime at = payloadTime(RecordPayload(value));
        QCOMPARE(at.toLocalTime().date(), QDate(2025, 11, 20));
        QCOMPARE(at.toLocalTime().time(), QTime(0, 0));
    }
};

QTEST_GUILESS_MAIN(TestCommitment)
#include "tst_commitment.moc"
