#include "core/model/teampurpose.h"
#include "tests/support/manualclock.h"
#include "tests/support/testsupport.h"

#include <QJsonDocument>
#include <QTest>

using namespace outward;
using namespace outward::test;

class TestTeamPurpose : public QObject
{
    Q_OBJECT

private:
    ValidationContext context() const
    {
        return {QDateTime::fromMSecsSinceEpoch(clock.nowMs(), Qt::UTC)};
    }
    ManualClock clock;

private slots:
    void minimalPurposeIsValid()
    {
        const auto parsed =
            TeamPurpose::fromJson(jsonObject(R"({"why":"So nobody is stranded."})"), context());
        OUTWARD_VERIFY_OK(parsed);
        QCOMPARE(parsed->why, QString("So nobody is stranded."));
        QVERIFY(!parsed->how);
        QVERIFY(!parsed->what);
        QVERIFY(!parsed->wouldMiss);
        QCOMPARE(parsed->writtenAt.toMSecsSinceEpoch(), clock.nowMs());
        QCOMPARE(parsed->time(), parsed->writtenAt);
    }

    void fullRecordRoundTrips()
    {
        const QJsonObject json = jsonObject(R"({
            "why": "So nobody is stranded.", "how": "We own every problem to the end.",
            "what": "Travel support by phone and chat.",
            "wouldMiss": "Someone who picks up at 3 a.m.", "writtenAt": "2025-09-01T08:00:00+02:00"})");
        const auto parsed = TeamPurpose::fromJson(json, context());
        OUTWARD_VERIFY_OK(parsed);
        QCOMPARE(parsed->toJson(), json);
        const auto again = TeamPurpose::fromJson(parsed->toJson(), context());
        OUTWARD_VERIFY_OK(again);
        QCOMPARE(again->toJson(), json);
    }

    void invalidRecordNamesFieldAndRule_data()
    {
        QTest::addColumn<QByteArray>("json");
        QTest::addColumn<QString>("field");
        QTest::addColumn<QString>("ruleFragment");

        QTest::newRow("why missing") << QByteArray(R"({"how":"h"})") << "why"
                                     << "is required";
        QTest::newRow("why blank") << QByteArray(R"({"why":"  "})") << "why"
                                   << "must not be blank";
        QTest::newRow("why too long")
            << QByteArray(R"({"why":")" + QByteArray(4001, 'w') + R"("})") << "why"
            << "at most 4000 characters";
        QTest::newRow("why not text") << QByteArray(R"({"why":true})") << "why"
                                      << "must be a string";
        QTest::newRow("how too long")
            << QByteArray(R"({"why":"w","how":")" + QByteArray(4001, 'h') + R"("})") << "how"
            << "at most 4000 characters";
        QTest::newRow("what too long")
            << QByteArray(R"({"why":"w","what":")" + QByteArray(4001, 'h') + R"("})") << "what"
            << "at most 4000 characters";
        QTest::newRow("would miss too long")
            << QByteArray(R"({"why":"w","wouldMiss":")" + QByteArray(4001, 'h') + R"("})")
            << "wouldMiss"
            << "at most 4000 characters";
        QTest::newRow("would miss not text")
            << QByteArray(R"({"why":"w","wouldMiss":["x"]})") << "wouldMiss"
            << "must be a string";
        QTest::newRow("written in far future")
            << QByteArray(R"({"why":"w","writtenAt":"2030-01-01T00:00:00Z"})") << "writtenAt"
            << "future";
        QTest::newRow("written without zone")
            << QByteArray(R"({"why":"w","writtenAt":"2025-09-01T08:00:00"})") << "writtenAt"
            << "time zone";
        QTest::newRow("misspelt field") << QByteArray(R"({"why":"w","wy":"x"})") << "wy"
                                        << "not a field";
    }

    void invalidRecordNamesFieldAndRule()
    {
        QFETCH(QByteArray, json);
        QFETCH(QString, field);
        QFETCH(QString, ruleFragment);
        const QJsonDocument document = QJsonDocument::fromJson(json);
        QVERIFY2(document.isObject(), json.constData());
        const auto parsed = TeamPurpose::fromJson(document.object(), context());
        QVERIFY(!parsed.ok());
        QCOMPARE(parsed.error().code(), ErrorCode::InvalidInput);
        QCOMPARE(errorFields(parsed.error()), QStringList{field});
        QVERIFY2(parsed.error().fieldErrors().first().rule.contains(ruleFragment),
                 qPrintable(parsed.error().toString()));
    }

    void typedValueIsValidatedToo()
    {
        TeamPurpose value;
        value.how = QString(4001, u'h');
        QCOMPARE(errorFields(Error::invalid(value.validate(context()))),
                 (QStringList{"why", "how", "writtenAt"}));
        value.why = "So nobody is stranded.";
        value.how.reset();
        value.writtenAt = clock.now();
        QVERIFY(value.validate(context()).isEmpty());
    }

    void metricsHoldNoFreeText()
    {
        const auto parsed = TeamPurpose::fromJson(
            jsonObject(
                R"({"why":"CANARY-why","how":"CANARY-how","what":"CANARY-what","wouldMiss":"CANARY-miss"})"),
            context());
        OUTWARD_VERIFY_OK(parsed);
        QVERIFY(!QJsonDocument(parsed->metrics()).toJson().contains("CANARY"));
        QVERIFY(parsed->metrics().isEmpty());
    }

    void blankOptionalTextIsDropped()
    {
        const auto parsed = TeamPurpose::fromJson(
            jsonObject(R"({"why":"w","how":"","what":" ","wouldMiss":"\n"})"), context());
        OUTWARD_VERIFY_OK(parsed);
        QVERIFY(!parsed->how);
        QVERIFY(!parsed->what);
        QVERIFY(!parsed->wouldMiss);
    }

    void summaryQuotesTheWhy()
    {
        TeamPurpose value;
        value.why = "So nobody is stranded.";
        QCOMPARE(value.summary(), QString("So nobody is stranded."));
        value.why = QString(100, u'w');
        QVERIFY(value.summary().size() <= 60);
    }
};

QTEST_GUILESS_MAIN(TestTeamPurpose)
#include "tst_teampurpose.moc"
