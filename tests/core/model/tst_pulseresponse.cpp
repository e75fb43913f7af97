#include "core/model/pulseresponse.h"
#include "tests/support/manualclock.h"
#include "tests/support/testsupport.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

using namespace outward;
using namespace outward::test;

namespace {
constexpr char kAllRatings[] =
    R"({"customerInsight":4,"customerForesight":3,"competitorInsight":2,"competitorForesight":1,)"
    R"("peripheralVision":5,"crossFunctionalCollaboration":4,"strategicAlignment":3,"empowerment":5})";

QByteArray withRatings(const QByteArray &ratings)
{
    return R"({"period":"2025-11","ratings":)" + ratings + '}';
}

// All eight ratings with one replaced (or removed, when value is empty).
QByteArray ratingsWith(const char *discipline, const QByteArray &value)
{
    QJsonObject ratings = QJsonDocument::fromJson(kAllRatings).object();
    if (value.isEmpty())
        ratings.remove(discipline);
    else
        ratings.insert(discipline, QJsonDocument::fromJson("[" + value + "]").array().first());
    return QJsonDocument(ratings).toJson(QJsonDocument::Compact);
}
} // namespace

class TestPulseResponse : public QObject
{
    Q_OBJECT

private:
    ValidationContext context() const
    {
        return {QDateTime::fromMSecsSinceEpoch(clock.nowMs(), Qt::UTC)};
    }
    ManualClock clock;

private slots:
    void minimalResponseIsValid()
    {
        const auto parsed = PulseResponse::fromJson(
            QJsonDocument::fromJson(withRatings(kAllRatings)).object(), context());
        OUTWARD_VERIFY_OK(parsed);
        QCOMPARE(parsed->period, QString("2025-11"));
        QCOMPARE(parsed->ratings.size(), 8);
        QCOMPARE(parsed->ratings.value(Discipline::CustomerInsight), 4);
        QCOMPARE(parsed->ratings.value(Discipline::CompetitorForesight), 1);
        QCOMPARE(parsed->ratings.value(Discipline::Empowerment), 5);
        QVERIFY(!parsed->whatWorks);
        QCOMPARE(parsed->submittedAt.toMSecsSinceEpoch(), clock.nowMs());
        QCOMPARE(parsed->time(), parsed->submittedAt);
    }

    void fullRecordRoundTrips()
    {
        QJsonObject json = jsonObject(R"({"period":"2025-10","whatWorks":"Daily huddles",
                                          "submittedAt":"2025-10-31T17:45:00-04:00"})");
        json.insert("ratings", QJsonDocument::fromJson(kAllRatings).object());
        const auto parsed = PulseResponse::fromJson(json, context());
        OUTWARD_VERIFY_OK(parsed);
        QCOMPARE(parsed->toJson(), json);
        const auto again = PulseResponse::fromJson(parsed->toJson(), context());
        OUTWARD_VERIFY_OK(again);
        QCOMPARE(again->toJson(), json);
    }

    void firstDayOfPeriod_data()
    {
        QTest::addColumn<QString>("period");
        QTest::addColumn<QDate>("firstDay");
        QTest::newRow("january") << "2026-01" << QDate(2026, 1, 1);
        QTest::newRow("december") << "2025-12" << QDate(2025, 12, 1);
        QTest::newRow("month 13") << "2025-13" << QDate();
        QTest::newRow("month 00") << "2025-00" << QDate();
        QTest::newRow("one-digit month") << "2025-1" << QDate();
        QTest::newRow("with day") << "2025-11-01" << QDate();
        QTest::newRow("slash") << "2025/11" << QDate();
        QTest::newRow("signed month") << "2025-+1" << QDate();
        QTest::newRow("quarter") << "2025-Q4" << QDate();
    }

    void firstDayOfPeriod()
    {
        QFETCH(QString, period);
        QFETCH(QDate, firstDay);
        QCOMPARE(PulseResponse::firstDayOfPeriod(period), firstDay);
    }

    void invalidRecordNamesFieldAndRule_data()
    {
        QTest::addColumn<QByteArray>("json");
        QTest::addColumn<QString>("field");
        QTest::addColumn<QString>("ruleFragment");

        QTest::newRow("period missing")
            << QByteArray(R"({"ratings":)" + QByteArray(kAllRatings) + "}") << "period"
            << "is required; must be a month such as 2026-11";
        QTest::newRow("period month 13")
            << QByteArray(R"({"period":"2025-13","ratings":)" + QByteArray(kAllRatings) + "}")
            << "period"
            << "must be a month such as 2026-11";
        QTest::newRow("period as date")
            << QByteArray(R"({"period":"2025-11-01","ratings":)" + QByteArray(kAllRatings) + "}")
            << "period"
            << "must be a month such as 2026-11";
        QTest::newRow("period as number")
            << QByteArray(R"({"period":202511,"ratings":)" + QByteArray(kAllRatings) + "}")
            << "period"
            << "must be a string";
        QTest::newRow("ratings missing") << QByteArray(R"({"period":"2025-11"})") << "ratings"
                                         << "is required; rate each of the eight disciplines";
        QTest::newRow("ratings empty") << withRatings("{}") << "ratings"
                                       << "is required";
        QTest::newRow("ratings not an object") << withRatings("[4,3,2,1,5,4,3,5]") << "ratings"
                                               << "must be an object";
        QTest::newRow("one rating missing")
            << withRatings(ratingsWith("peripheralVision", {})) << "ratings.peripheralVision"
            << "is required; must be a whole number from 1 to 5 (pulse rating)";
        QTest::newRow("rating 0") << withRatings(ratingsWith("customerInsight", "0"))
                                  << "ratings.customerInsight"
                                  << "from 1 to 5 (pulse rating)";
        QTest::newRow("rating 6") << withRatings(ratingsWith("empowerment", "6"))
                                  << "ratings.empowerment"
                                  << "from 1 to 5";
        QTest::newRow("rating as text") << withRatings(ratingsWith("strategicAlignment", R"("4")"))
                                        << "ratings.strategicAlignment"
                                        << "whole number";
        QTest::newRow("rating fraction")
            << withRatings(ratingsWith("competitorInsight", "3.5")) << "ratings.competitorInsight"
            << "whole number";
        QTest::newRow("rating null")
            << withRatings(ratingsWith("crossFunctionalCollaboration", "null"))
            << "ratings.crossFunctionalCollaboration"
            << "is required";
        QTest::newRow("unknown discipline")
            << withRatings(ratingsWith("customerDelight", "5")) << "ratings.customerDelight"
            << "not one of the eight disciplines";
        QTest::newRow("what works too long")
            << QByteArray(R"({"period":"2025-11","whatWorks":")" + QByteArray(4001, 'w') +
                          R"(","ratings":)" + QByteArray(kAllRatings) + "}")
            << "whatWorks"
            << "at most 4000 characters";
        QTest::newRow("submitted in far future")
            << QByteArray(R"({"period":"2025-11","submittedAt":"2025-12-01T00:00:00Z","ratings":)" +
                          QByteArray(kAllRatings) + "}")
            << "submittedAt"
            << "future";
        QTest::newRow("misspelt field")
            << QByteArray(R"({"period":"2025-11","rating":{},"ratings":)" +
                          QByteArray(kAllRatings) + "}")
            << "rating"
            << "not a field";
    }

    void invalidRecordNamesFieldAndRule()
    {
        QFETCH(QByteArray, json);
        QFETCH(QString, field);
        QFETCH(QString, ruleFragment);
        const QJsonDocument document = QJsonDocument::fromJson(json);
        QVERIFY2(document.isObject(), json.constData());
        const auto parsed = PulseResponse::fromJson(document.object(), context());
        QVERIFY(!parsed.ok());
        QCOMPARE(parsed.error().code(), ErrorCode::InvalidInput);
        QCOMPARE(errorFields(parsed.error()), QStringList{field});
        QVERIFY2(parsed.error().fieldErrors().first().rule.contains(ruleFragment),
                 qPrintable(parsed.error().toString()));
    }

    void typedValueIsValidatedToo()
    {
        PulseResponse value;
        value.period = "2025-11";
        value.submittedAt = clock.now();
        for (Discipline discipline : allEnumValues<Discipline>())
            value.ratings.insert(discipline, 3);
        QVERIFY(value.validate(context()).isEmpty());
        value.ratings.remove(Discipline::CompetitorInsight);
        value.ratings.insert(Discipline::Empowerment, 9);
        QCOMPARE(errorFields(Error::invalid(value.validate(context()))),
                 (QStringList{"ratings.competitorInsight", "ratings.empowerment"}));
    }

    void metricsHoldPeriodAndRatingsOnly()
    {
        QJsonObject json = jsonObject(R"({"period":"2025-11","whatWorks":"CANARY-works"})");
        json.insert("ratings", QJsonDocument::fromJson(kAllRatings).object());
        const auto parsed = PulseResponse::fromJson(json, context());
        OUTWARD_VERIFY_OK(parsed);
        const QJsonObject metrics = parsed->metrics();
        QVERIFY(!QJsonDocument(metrics).toJson().contains("CANARY"));
        QCOMPARE(metrics.keys(), (QStringList{"period", "ratings"}));
        QCOMPARE(metrics.value("period").toString(), QString("2025-11"));
        QCOMPARE(metrics.value("ratings").toObject(),
                 QJsonDocument::fromJson(kAllRatings).object());
    }

    void summaryShowsTheAverage()
    {
        PulseResponse value;
        value.period = "2025-11";
        value.ratings = {{Discipline::CustomerInsight, 4}, {Discipline::Empowerment, 5}};
        QCOMPARE(value.summary(), QString("2025-11 · average 4.5 of 5"));
    }
};

QTEST_GUILESS_MAIN(TestPulseResponse)
#include "tst_pulseresponse.moc"
