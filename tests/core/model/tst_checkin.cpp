#include "core/model/checkin.h"
#include "tests/support/manualclock.h"
#include "tests/support/testsupport.h"

#include <QJsonDocument>
#include <QTest>

using namespace outward;
using namespace outward::test;

class TestCheckIn : public QObject
{
    Q_OBJECT

private:
    ValidationContext context() const
    {
        return {QDateTime::fromMSecsSinceEpoch(clock.nowMs(), Qt::UTC)};
    }
    ManualClock clock;

private slots:
    void minimalCheckInIsValid()
    {
        const auto parsed = CheckIn::fromJson(
            jsonObject(
                R"({"commitmentId":"1b4e28ba-2fa1-11d2-883f-0016d3cca427","progress":30,"status":"onTrack"})"),
            context());
        OUTWARD_VERIFY_OK(parsed);
        QCOMPARE(parsed->commitmentId, QUuid("1b4e28ba-2fa1-11d2-883f-0016d3cca427"));
        QCOMPARE(parsed->date, QDate(2025, 11, 22));
        QCOMPARE(parsed->progress, 30);
        QCOMPARE(parsed->status, CheckInStatus::OnTrack);
        QVERIFY(!parsed->note);
        QCOMPARE(parsed->time(), QDate(2025, 11, 22).startOfDay()); // the local day
        QCOMPARE(parsed->toJson().value("date").toString(), QString("2025-11-22"));
    }

    void fullRecordRoundTrips()
    {
        const QJsonObject json = jsonObject(R"({
            "commitmentId": "1b4e28ba-2fa1-11d2-883f-0016d3cca427", "date": "2025-11-15",
            "progress": 45, "status": "atRisk", "note": "Holidays ahead"})");
        const auto parsed = CheckIn::fromJson(json, context());
        OUTWARD_VERIFY_OK(parsed);
        QCOMPARE(parsed->toJson(), json);
        const auto again = CheckIn::fromJson(parsed->toJson(), context());
        OUTWARD_VERIFY_OK(again);
        QCOMPARE(again->toJson(), json);
    }

    void tomorrowIsAllowedForTimeZonesAhead()
    {
        const auto parsed = CheckIn::fromJson(
            jsonObject(
                R"({"commitmentId":"1b4e28ba-2fa1-11d2-883f-0016d3cca427","date":"2025-11-23",
                           "progress":30,"status":"offTrack"})"),
            context());
        OUTWARD_VERIFY_OK(parsed);
    }

    void invalidRecordNamesFieldAndRule_data()
    {
        QTest::addColumn<QByteArray>("json");
        QTest::addColumn<QString>("field");
        QTest::addColumn<QString>("ruleFragment");

        const QByteArray id = R"("commitmentId":"1b4e28ba-2fa1-11d2-883f-0016d3cca427",)";
        QTest::newRow("commitment missing")
            << QByteArray(R"({"progress":30,"status":"onTrack"})") << "commitmentId"
            << "is required";
        QTest::newRow("commitment not a uuid")
            << QByteArray(R"({"commitmentId":"c-1","progress":30,"status":"onTrack"})")
            << "commitmentId"
            << "UUID";
        QTest::newRow("commitment as number")
            << QByteArray(R"({"commitmentId":7,"progress":30,"status":"onTrack"})")
            << "commitmentId"
            << "must be a string";
        QTest::newRow("two days ahead")
            << QByteArray("{" + id + R"("date":"2025-11-24","progress":30,"status":"onTrack"})")
            << "date"
            << "must not be more than a day in the future";
        QTest::newRow("date not iso")
            << QByteArray("{" + id + R"("date":"22.11.2025","progress":30,"status":"onTrack"})")
            << "date"
            << "YYYY-MM-DD";
        QTest::newRow("progress missing")
            << QByteArray("{" + id + R"("status":"onTrack"})") << "progress"
            << "is required; must be a whole number from 0 to 100";
        QTest::newRow("progress 101")
            << QByteArray("{" + id + R"("progress":101,"status":"onTrack"})") << "progress"
            << "from 0 to 100 (progress)";
        QTest::newRow("progress as text")
            << QByteArray("{" + id + R"("progress":"half","status":"onTrack"})") << "progress"
            << "whole number";
        QTest::newRow("status missing") << QByteArray("{" + id + R"("progress":30})") << "status"
                                        << "is required; must be one of: onTrack, atRisk, offTrack";
        QTest::newRow("unknown status")
            << QByteArray("{" + id + R"("progress":30,"status":"late"})") << "status"
            << "must be one of: onTrack";
        QTest::newRow("note too long")
            << QByteArray("{" + id + R"("progress":30,"status":"onTrack","note":")" +
                          QByteArray(4001, 'n') + R"("})")
            << "note"
            << "at most 4000 characters";
        QTest::newRow("misspelt field")
            << QByteArray("{" + id + R"("progress":30,"status":"onTrack","notes":"x"})") << "notes"
            << "not a field";
    }

    void invalidRecordNamesFieldAndRule()
    {
        QFETCH(QByteArray, json);
        QFETCH(QString, field);
        QFETCH(QString, ruleFragment);
        const QJsonDocument document = QJsonDocument::fromJson(json);
        QVERIFY2(document.isObject(), json.constData());
        const auto parsed = CheckIn::fromJson(document.object(), context());
        QVERIFY(!parsed.ok());
        QCOMPARE(parsed.error().code(), ErrorCode::InvalidInput);
        QCOMPARE(errorFields(parsed.error()), QStringList{field});
        QVERIFY2(parsed.error().fieldErrors().first().rule.contains(ruleFragment),
                 qPrintable(parsed.error().toString()));
    }

    void typedValueIsValidatedToo()
    {
        CheckIn value;
        value.commitmentId = QUuid();
        value.progress = -1;
        value.status = CheckInStatus::AtRisk;
        QCOMPARE(errorFields(Error::invalid(value.validate(context()))),
                 (QStringList{"commitmentId", "date", "progress"}));
        value.commitmentId = QUuid::createUuid();
        value.date = QDate(2025, 11, 22);
        value.progress = 0;
        QVERIFY(value.validate(context()).isEmpty());
    }

    void metricsHoldNoFreeText()
    {
        const auto parsed = CheckIn::fromJson(
            jsonObject(R"({"commitmentId":"1b4e28ba-2fa1-11d2-883f-0016d3cca427","progress":80,
                           "status":"onTrack","note":"CANARY-note"})"),
            context());
        OUTWARD_VERIFY_OK(parsed);
        const QJsonObject metrics = parsed->metrics();
        QVERIFY(!QJsonDocument(metrics).toJson().contains("CANARY"));
        QCOMPARE(metrics, jsonObject(R"({"progress":80,"status":"onTrack"})"));
    }

    void blankNoteIsDropped()
    {
        const auto parsed = CheckIn::fromJson(
            jsonObject(R"({"commitmentId":"1b4e28ba-2fa1-11d2-883f-0016d3cca427","progress":80,
                           "status":"onTrack","note":"\t"})"),
            context());
        OUTWARD_VERIFY_OK(parsed);
        QVERIFY(!parsed->note);
        QVERIFY(!parsed->toJson().contains("note"));
    }
};

QTEST_GUILESS_MAIN(TestCheckIn)
#include "tst_checkin.moc"
