#include "core/model/reflection.h"
#include "tests/support/manualclock.h"
#include "tests/support/testsupport.h"

#include <QJsonDocument>
#include <QTest>

using namespace outward;
using namespace outward::test;

class TestReflection : public QObject
{
    Q_OBJECT

private:
    ValidationContext context() const
    {
        return {QDateTime::fromMSecsSinceEpoch(clock.nowMs(), Qt::UTC)};
    }
    ManualClock clock;

private slots:
    void minimalReflectionIsValid()
    {
        const auto parsed =
            Reflection::fromJson(jsonObject(R"({"body":"Today I helped Ana."})"), context());
        OUTWARD_VERIFY_OK(parsed);
        QCOMPARE(parsed->body, QString("Today I helped Ana."));
        QCOMPARE(parsed->writtenAt.toMSecsSinceEpoch(), clock.nowMs());
        QVERIFY(!parsed->prompt);
        QVERIFY(!parsed->title);
        QVERIFY(!parsed->linkedPurposeId);
        QVERIFY(!parsed->shareWithLead);
        QCOMPARE(parsed->time(), parsed->writtenAt);
    }

    void fullRecordRoundTrips()
    {
        const QJsonObject json = jsonObject(R"({
            "writtenAt": "2025-11-21T19:05:00.250+01:00", "prompt": "customerGain",
            "title": "A good Friday", "body": "Ana kept her flight.",
            "linkedPurposeId": "1b4e28ba-2fa1-11d2-883f-0016d3cca427", "shareWithLead": true})");
        const auto parsed = Reflection::fromJson(json, context());
        OUTWARD_VERIFY_OK(parsed);
        QCOMPARE(parsed->prompt, ReflectionPrompt::CustomerGain);
        QCOMPARE(parsed->linkedPurposeId, QUuid("1b4e28ba-2fa1-11d2-883f-0016d3cca427"));
        QCOMPARE(parsed->toJson(), json);
        const auto again = Reflection::fromJson(parsed->toJson(), context());
        OUTWARD_VERIFY_OK(again);
        QCOMPARE(again->toJson(), json);
    }

    void defaultsAreWrittenSoTheJsonIsStable()
    {
        const auto parsed = Reflection::fromJson(jsonObject(R"({"body":"x"})"), context());
        OUTWARD_VERIFY_OK(parsed);
        const QJsonObject json = parsed->toJson();
        QCOMPARE(json.value("writtenAt").toString(), QString("2025-11-22T08:26:40Z"));
        QCOMPARE(json.value("shareWithLead").toBool(true), false);
        QVERIFY(!json.contains("title"));
        const auto again = Reflection::fromJson(json, context());
        OUTWARD_VERIFY_OK(again);
        QCOMPARE(again->toJson(), json);
    }

    void invalidRecordNamesFieldAndRule_data()
    {
        QTest::addColumn<QByteArray>("json");
        QTest::addColumn<QString>("field");
        QTest::addColumn<QString>("ruleFragment");

        QTest::newRow("body missing") << QByteArray(R"({"title":"t"})") << "body"
                                      << "is required";
        QTest::newRow("body blank") << QByteArray(R"({"body":"  \n "})") << "body"
                                    << "must not be blank";
        QTest::newRow("body too long")
            << QByteArray(R"({"body":")" + QByteArray(20001, 'x') + R"("})") << "body"
            << "at most 20000 characters";
        QTest::newRow("body not text") << QByteArray(R"({"body":42})") << "body"
                                       << "must be a string";
        QTest::newRow("title too long")
            << QByteArray(R"({"body":"b","title":")" + QByteArray(201, 't') + R"("})") << "title"
            << "at most 200 characters";
        QTest::newRow("unknown prompt")
            << QByteArray(R"({"body":"b","prompt":"whyNot"})") << "prompt"
            << "must be one of: whyThisWork, customerGain";
        QTest::newRow("bad purpose id")
            << QByteArray(R"({"body":"b","linkedPurposeId":"purpose-1"})") << "linkedPurposeId"
            << "UUID";
        QTest::newRow("null purpose id")
            << QByteArray(
                   R"({"body":"b","linkedPurposeId":"00000000-0000-0000-0000-000000000000"})")
            << "linkedPurposeId"
            << "UUID";
        QTest::newRow("share not bool")
            << QByteArray(R"({"body":"b","shareWithLead":1})") << "shareWithLead"
            << "true or false";
        QTest::newRow("no time zone")
            << QByteArray(R"({"body":"b","writtenAt":"2025-11-21T14:30:00"})") << "writtenAt"
            << "time zone";
        QTest::newRow("far future")
            << QByteArray(R"({"body":"b","writtenAt":"2025-11-24T08:30:00Z"})") << "writtenAt"
            << "future";
        QTest::newRow("misspelt field") << QByteArray(R"({"body":"b","tilte":"x"})") << "tilte"
                                        << "not a field";
    }

    void invalidRecordNamesFieldAndRule()
    {
        QFETCH(QByteArray, json);
        QFETCH(QString, field);
        QFETCH(QString, ruleFragment);
        const auto parsed = Reflection::fromJson(QJsonDocument::fromJson(json).object(), context());
        QVERIFY(!parsed.ok());
        QCOMPARE(parsed.error().code(), ErrorCode::InvalidInput);
        QCOMPARE(errorFields(parsed.error()), QStringList{field});
        QVERIFY2(parsed.error().fieldErrors().first().rule.contains(ruleFragment),
                 qPrintable(parsed.error().toString()));
    }

    void aDayOfClockSkewIsAllowed()
    {
        const auto parsed = Reflection::fromJson(
            jsonObject(R"({"body":"b","writtenAt":"2025-11-23T08:00:00Z"})"), context());
        OUTWARD_VERIFY_OK(parsed);
    }

    void typedValueIsValidatedToo()
    {
        Reflection value;
        value.writtenAt = clock.now();
        value.title = QString(201, u'x');
        QCOMPARE(errorFields(Error::invalid(value.validate(context()))),
                 (QStringList{"title", "body"}));
        value.title.reset();
        value.body = "Why I do this";
        value.linkedPurposeId = QUuid();
        QCOMPARE(errorFields(Error::invalid(value.validate(context()))),
                 QStringList{"linkedPurposeId"});
        value.linkedPurposeId.reset();
        value.writtenAt = QDateTime();
        QCOMPARE(errorFields(Error::invalid(value.validate(context()))), QStringList{"writtenAt"});
    }

    void metricsHoldNoFreeText()
    {
        const auto parsed = Reflection::fromJson(
            jsonObject(R"({"title":"CANARY-title","body":"CANARY-body","prompt":"proud",
                           "linkedPurposeId":"1b4e28ba-2fa1-11d2-883f-0016d3cca427","shareWithLead":true})"),
            context());
        OUTWARD_VERIFY_OK(parsed);
        const QJsonObject metrics = parsed->metrics();
        QVERIFY(!QJsonDocument(metrics).toJson().contains("CANARY"));
        QVERIFY(metrics.isEmpty());
    }

    void summaryPrefersTitleThenPromptThenBody()
    {
        Reflection value;
        value.body =
            "  The customer   had\nlost her card and we found a way to get her home tonight, "
            "which mattered a great deal to her.";
        const QString excerpt = value.summary();
        QVERIFY2(excerpt.startsWith("The customer had lost her card"), qPrintable(excerpt));
        QVERIFY(excerpt.size() <= 60);
        QVERIFY(!excerpt.contains('\n'));
        value.prompt = ReflectionPrompt::WhyThisWork;
        QCOMPARE(value.summary(), reflectionPromptText(ReflectionPrompt::WhyThisWork));
        value.title = "Card lost";
        QCOMPARE(value.summary(), QString("Card lost"));
    }

    void blankTitleIsDropped()
    {
        const auto parsed =
            Reflection::fromJson(jsonObject(R"({"body":"b","title":"  "})"), context());
        OUTWARD_VERIFY_OK(parsed);
        QVERIFY(!parsed->title);
    }
};

QTEST_GUILESS_MAIN(TestReflection)
#include "tst_reflection.moc"
