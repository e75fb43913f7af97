#include "core/model/quarterlyreview.h"
#include "tests/support/manualclock.h"
#include "tests/support/testsupport.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

using namespace outward;
using namespace outward::test;

namespace {
constexpr char kItem[] =
    R"({"commitmentId":"1b4e28ba-2fa1-11d2-883f-0016d3cca427","type":"output","achievement":80})";

QByteArray withItems(const QByteArray &items)
{
    return R"({"quarter":"2025-Q4","commitments":)" + items + '}';
}

// n valid items with distinct ids, for the length limit.
QByteArray itemList(int n)
{
    QByteArray list = "[";
    for (int i = 0; i < n; ++i) {
        if (i > 0)
            list += ',';
        list += R"({"commitmentId":")" + QUuid::createUuid().toByteArray(QUuid::WithoutBraces) +
                R"(","type":"outcome","achievement":50})";
    }
    return list + ']';
}

ReviewItem item(CommitmentType type, int achievement)
{
    return {QUuid::createUuid(), type, achievement, std::nullopt};
}
} // namespace

class TestQuarterlyReview : public QObject
{
    Q_OBJECT

private:
    ValidationContext context() const
    {
        return {QDateTime::fromMSecsSinceEpoch(clock.nowMs(), Qt::UTC)};
    }
    ManualClock clock;

private slots:
    void minimalReviewIsValid()
    {
        const auto parsed = QuarterlyReview::fromJson(
            QJsonDocument::fromJson(withItems(QByteArray("[") + kItem + "]")).object(), context());
        OUTWARD_VERIFY_OK(parsed);
        QCOMPARE(parsed->quarter, QString("2025-Q4"));
        QCOMPARE(parsed->commitments.size(), 1);
        QCOMPARE(parsed->commitments.first().type, CommitmentType::Output);
        QCOMPARE(parsed->commitments.first().achievement, 80);
        QCOMPARE(parsed->status(), QString("draft"));
        QCOMPARE(parsed->time(), QDate(2025, 10, 1).startOfDay()); // the local day
    }

    void fullRecordRoundTrips()
    {
        const QJsonObject json = jsonObject(R"({
            "quarter": "2025-Q3",
            "commitments": [
                {"commitmentId": "1b4e28ba-2fa1-11d2-883f-0016d3cca427", "type": "impact",
                 "achievement": 70, "comment": "Two referrals"},
                {"commitmentId": "6f1c9e0b-7d2a-4c35-9a3e-0016d3cca427", "type": "output",
                 "achievement": 100}],
            "notes": "Good quarter", "signedByPersonAt": "2025-10-02T10:00:00+02:00",
            "signedByLeadAt": "2025-10-02T10:05:00+02:00", "leadId": "lead-7"})");
        const auto parsed = QuarterlyReview::fromJson(json, context());
        OUTWARD_VERIFY_OK(parsed);
        QCOMPARE(parsed->status(), QString("signed"));
        QCOMPARE(parsed->toJson(), json);
        const auto again = QuarterlyReview::fromJson(parsed->toJson(), context());
        OUTWARD_VERIFY_OK(again);
        QCOMPARE(again->toJson(), json);
    }

    void firstDayOfQuarter_data()
    {
        QTest::addColumn<QString>("quarter");
        QTest::addColumn<QDate>("firstDay");
        QTest::newRow("Q1") << "2026-Q1" << QDate(2026, 1, 1);
        QTest::newRow("Q2") << "2026-Q2" << QDate(2026, 4, 1);
        QTest::newRow("Q3") << "2026-Q3" << QDate(2026, 7, 1);
        QTest::newRow("Q4") << "2026-Q4" << QDate(2026, 10, 1);
        QTest::newRow("Q0") << "2026-Q0" << QDate();
        QTest::newRow("Q5") << "2026-Q5" << QDate();
        QTest::newRow("lowercase q") << "2026-q1" << QDate();
        QTest::newRow("two-digit year") << "26-Q1" << QDate();
        QTest::newRow("year zero") << "0000-Q1" << QDate();
        QTest::newRow("sign in year") << "+026-Q1" << QDate();
        QTest::newRow("trailing text") << "2026-Q1x" << QDate();
        QTest::newRow("empty") << "" << QDate();
    }

    void firstDayOfQuarter()
    {
        QFETCH(QString, quarter);
        QFETCH(QDate, firstDay);
        QCOMPARE(QuarterlyReview::firstDayOfQuarter(quarter), firstDay);
    }

    void statusFollowsSignatures()
    {
        QuarterlyReview review;
        QCOMPARE(review.status(), QString("draft"));
        review.signedByPersonAt = clock.now();
        QCOMPARE(review.status(), QString("signedByPerson"));
        review.signedByLeadAt = clock.now();
        QCOMPARE(review.status(), QString("signed"));
        review.signedByPersonAt.reset();
        QCOMPARE(review.status(), QString("signedByLead"));
    }

    void invalidRecordNamesFieldAndRule_data()
    {
        QTest::addColumn<QByteArray>("json");
        QTest::addColumn<QString>("field");
        QTest::addColumn<QString>("ruleFragment");

        const QByteArray one = QByteArray("[") + kItem + "]";
        QTest::newRow("quarter missing")
            << QByteArray(R"({"commitments":)" + one + "}") << "quarter"
            << "is required; must be a quarter such as 2026-Q4";
        QTest::newRow("quarter Q5")
            << QByteArray(R"({"quarter":"2025-Q5","commitments":)" + one + "}") << "quarter"
            << "must be a quarter such as 2026-Q4";
        QTest::newRow("quarter as month")
            << QByteArray(R"({"quarter":"2025-11","commitments":)" + one + "}") << "quarter"
            << "must be a quarter such as 2026-Q4";
        QTest::newRow("quarter as number")
            << QByteArray(R"({"quarter":20254,"commitments":)" + one + "}") << "quarter"
            << "must be a string";
        QTest::newRow("commitments missing")
            << QByteArray(R"({"quarter":"2025-Q4"})") << "commitments"
            << "must list at least one commitment";
        QTest::newRow("commitments empty") << withItems("[]") << "commitments"
                                           << "must list at least one commitment";
        QTest::newRow("commitments not a list") << withItems(kItem) << "commitments"
                                                << "must be a list";
        QTest::newRow("too many commitments") << withItems(itemList(51)) << "commitments"
                                              << "must list at most 50 commitments";
        QTest::newRow("item not an object")
            << withItems(QByteArray("[") + kItem + ",42]") << "commitments[1]"
            << "must be an object";
        QTest::newRow("id missing")
            << withItems(R"([{"type":"output","achievement":80}])") << "commitments[0].commitmentId"
            << "is required";
        QTest::newRow("id not a uuid")
            << withItems(R"([{"commitmentId":"x","type":"output","achievement":80}])")
            << "commitments[0].commitmentId"
            << "UUID";
        QTest::newRow("id twice") << withItems(QByteArray("[") + kItem + "," + kItem + "]")
                                  << "commitments[1].commitmentId"
                                  << "appears more than once";
        QTest::newRow("type missing")
            << withItems(
                   R"([{"commitmentId":"1b4e28ba-2fa1-11d2-883f-0016d3cca427","achievement":80}])")
            << "commitments[0].type"
            << "is required; must be one of: output, outcome, impact";
        QTest::newRow("unknown type")
            << withItems(
                   R"([{"commitmentId":"1b4e28ba-2fa1-11d2-883f-0016d3cca427","type":"effort","achievement":80}])")
            << "commitments[0].type"
            << "must be one of";
        QTest::newRow("achievement missing")
            << withItems(
                   R"([{"commitmentId":"1b4e28ba-2fa1-11d2-883f-0016d3cca427","type":"output"}])")
            << "commitments[0].achievement"
            << "is required; must be a whole number from 0 to 100";
        QTest::newRow("achievement 120")
            << withItems(
                   R"([{"commitmentId":"1b4e28ba-2fa1-11d2-883f-0016d3cca427","type":"output","achievement":120}])")
            << "commitments[0].achievement"
            << "from 0 to 100";
        QTest::newRow("comment too long")
            << withItems(
                   R"([{"commitmentId":"1b4e28ba-2fa1-11d2-883f-0016d3cca427","type":"output","achievement":80,"comment":")" +
                   QByteArray(4001, 'c') + R"("}])")
            << "commitments[0].comment"
            << "at most 4000 characters";
        QTest::newRow("misspelt item field")
            << withItems(
                   R"([{"commitmentId":"1b4e28ba-2fa1-11d2-883f-0016d3cca427","type":"output","achievement":80,"score":3}])")
            << "commitments[0].score"
            << "not a field";
        QTest::newRow("notes too long")
            << QByteArray(R"({"quarter":"2025-Q4","commitments":)" + one + R"(,"notes":")" +
                          QByteArray(4001, 'n') + R"("})")
            << "notes"
            << "at most 4000 characters";
        QTest::newRow("person signs in the future")
            << QByteArray(R"({"quarter":"2025-Q4","commitments":)" + one +
                          R"(,"signedByPersonAt":"2025-12-31T00:00:00Z"})")
            << "signedByPersonAt"
            << "future";
        QTest::newRow("lead signature not a date")
            << QByteArray(R"({"quarter":"2025-Q4","commitments":)" + one +
                          R"(,"signedByLeadAt":"yesterday"})")
            << "signedByLeadAt"
            << "ISO 8601";
        QTest::newRow("lead id too long")
            << QByteArray(R"({"quarter":"2025-Q4","commitments":)" + one + R"(,"leadId":")" +
                          QByteArray(201, 'l') + R"("})")
            << "leadId"
            << "at most 200 characters";
        QTest::newRow("misspelt field")
            << QByteArray(R"({"quarter":"2025-Q4","commitments":)" + one + R"(,"status":"signed"})")
            << "status"
            << "not a field";
    }

    void invalidRecordNamesFieldAndRule()
    {
        QFETCH(QByteArray, json);
        QFETCH(QString, field);
        QFETCH(QString, ruleFragment);
        const QJsonDocument document = QJsonDocument::fromJson(json);
        QVERIFY2(document.isObject(), json.constData());
        const auto parsed = QuarterlyReview::fromJson(document.object(), context());
        QVERIFY(!parsed.ok());
        QCOMPARE(parsed.error().code(), ErrorCode::InvalidInput);
        QCOMPARE(errorFields(parsed.error()), QStringList{field});
        QVERIFY2(parsed.error().fieldErrors().first().rule.contains(ruleFragment),
                 qPrintable(parsed.error().toString()));
    }

    void fiftyCommitmentsAreAllowed()
    {
        const auto parsed = QuarterlyReview::fromJson(
            QJsonDocument::fromJson(withItems(itemList(50))).object(), context());
        OUTWARD_VERIFY_OK(parsed);
    }

    void typedValueIsValidatedToo()
    {
        QuarterlyReview value;
        value.quarter = "2025-Q4";
        value.commitments = {item(CommitmentType::Output, 50),
                             {QUuid(), CommitmentType::Impact, -1, std::nullopt}};
        value.signedByLeadAt = QDateTime();
        QCOMPARE(errorFields(Error::invalid(value.validate(context()))),
                 (QStringList{"commitments[1].commitmentId", "commitments[1].achievement",
                              "signedByLeadAt"}));
        value.commitments.removeLast();
        value.signedByLeadAt = clock.now();
        QVERIFY(value.validate(context()).isEmpty());
    }

    void metricsShowQuarterStatusIndexAndCount()
    {
        QuarterlyReview value;
        value.quarter = "2025-Q4";
        value.commitments = {item(CommitmentType::Output, 100), item(CommitmentType::Output, 100),
                             item(CommitmentType::Output, 100), item(CommitmentType::Impact, 40)};
        value.signedByPersonAt = clock.now();
        QCOMPARE(
            value.metrics(),
            jsonObject(
                R"({"quarter":"2025-Q4","status":"signedByPerson","progress":70,"commitments":4})"));
    }

    void metricsOmitProgressWithoutAnIndex()
    {
        QuarterlyReview value;
        value.quarter = "2025-Q4";
        value.commitments = {{QUuid::createUuid(), std::nullopt, std::nullopt, std::nullopt}};
        QVERIFY(!value.successIndex().overall);
        QVERIFY(!value.metrics().contains("progress"));
        QCOMPARE(value.metrics().value("commitments").toInt(), 1);
    }

    void metricsHoldNoFreeText()
    {
        const auto parsed = QuarterlyReview::fromJson(
            jsonObject(
                R"({"quarter":"2025-Q4","commitments":[{"commitmentId":"1b4e28ba-2fa1-11d2-883f-0016d3cca427",
                           "type":"impact","achievement":60,"comment":"CANARY-comment"}],
                           "notes":"CANARY-notes","leadId":"CANARY-lead"})"),
            context());
        OUTWARD_VERIFY_OK(parsed);
        const QByteArray metrics = QJsonDocument(parsed->metrics()).toJson();
        QVERIFY2(!metrics.contains("CANARY"), metrics.constData());
        QVERIFY(!metrics.contains("1b4e28ba"));
    }

    void summaryShowsQuarterStatusAndIndex()
    {
        QuarterlyReview value;
        value.quarter = "2025-Q4";
        value.commitments = {item(CommitmentType::Outcome, 65)};
        QCOMPARE(value.summary(), QString("2025-Q4 · draft · 65%"));
    }
};

QTEST_GUILESS_MAIN(TestQuarterlyReview)
#include "tst_quarterlyreview.moc"
