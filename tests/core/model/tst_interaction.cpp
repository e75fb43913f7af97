#include "core/model/interaction.h"
#include "tests/support/manualclock.h"
#include "tests/support/testsupport.h"

#include <QJsonDocument>
#include <QTest>

using namespace outward;
using namespace Qt::StringLiterals;
using namespace outward::test;

class TestInteraction : public QObject
{
    Q_OBJECT

private:
    ValidationContext context() const
    {
        return {QDateTime::fromMSecsSinceEpoch(clock.nowMs(), Qt::UTC)};
    }
    ManualClock clock;

private slots:
    void minimalQuickLogIsValid()
    {
        const auto parsed = Interaction::fromJson(
            jsonObject(R"({"channel":"phone","endEmotion":"appreciation"})"), context());
        OUTWARD_VERIFY_OK(parsed);
        QCOMPARE(parsed->channel, Channel::Phone);
        QCOMPARE(parsed->endEmotion, Emotion::Appreciation);
        QCOMPARE(parsed->occurredAt.toMSecsSinceEpoch(), clock.nowMs());
        QCOMPARE(parsed->firstContactResolution, FirstContactResolution::Unknown);
        QVERIFY(!parsed->startEmotion);
        QVERIFY(!parsed->shareWithLead);
    }

    void fullRecordRoundTrips()
    {
        const QJsonObject json = jsonObject(R"({
            "occurredAt": "2025-11-21T14:30:00+01:00",
            "channel": "inPerson", "startEmotion": "agitation", "endEmotion": "adoration",
            "handleTimeSeconds": 330, "firstContactResolution": "yes", "perceivedEffort": 6,
            "advocacy": "wouldRecommend", "customerReported": {"nps": 9, "csat": 5, "ces": 7},
            "note": "Helped with the invoice", "shareWithLead": true})");
        const auto parsed = Interaction::fromJson(json, context());
        OUTWARD_VERIFY_OK(parsed);
        QCOMPARE(parsed->toJson(), json);
        const auto again = Interaction::fromJson(parsed->toJson(), context());
        OUTWARD_VERIFY_OK(again);
        QCOMPARE(again->toJson(), json);
    }

    void invalidRecordNamesFieldAndRule_data()
    {
        QTest::addColumn<QByteArray>("json");
        QTest::addColumn<QString>("field");
        QTest::addColumn<QString>("ruleFragment");

        QTest::newRow("channel missing") << QByteArray(R"({"endEmotion":"anger"})") << "channel"
                                         << "is required";
        QTest::newRow("end emotion missing") << QByteArray(R"({"channel":"chat"})") << "endEmotion"
                                             << "is required";
        QTest::newRow("unknown channel")
            << QByteArray(R"({"channel":"fax","endEmotion":"anger"})") << "channel"
            << "must be one of: phone";
        QTest::newRow("emotion as number")
            << QByteArray(R"({"channel":"chat","endEmotion":2})") << "endEmotion"
            << "must be a string";
        QTest::newRow("nps above 10")
            << QByteArray(
                   R"({"channel":"chat","endEmotion":"anger","customerReported":{"nps":11}})")
            << "customerReported.nps"
            << "from 0 to 10 (NPS)";
        QTest::newRow("csat 0")
            << QByteArray(
                   R"({"channel":"chat","endEmotion":"anger","customerReported":{"csat":0}})")
            << "customerReported.csat"
            << "from 1 to 5 (CSAT)";
        QTest::newRow("ces 8")
            << QByteArray(R"({"channel":"chat","endEmotion":"anger","customerReported":{"ces":8}})")
            << "customerReported.ces"
            << "from 1 to 7 (CES)";
        QTest::newRow("nps fraction")
            << QByteArray(
                   R"({"channel":"chat","endEmotion":"anger","customerReported":{"nps":8.5}})")
            << "customerReported.nps"
            << "whole number";
        QTest::newRow("perceived effort 0")
            << QByteArray(R"({"channel":"chat","endEmotion":"anger","perceivedEffort":0})")
            << "perceivedEffort"
            << "from 1 to 7";
        QTest::newRow("negative handle time")
            << QByteArray(R"({"channel":"chat","endEmotion":"anger","handleTimeSeconds":-1})")
            << "handleTimeSeconds"
            << "from 0 to 86400";
        QTest::newRow("handle time over a day")
            << QByteArray(R"({"channel":"chat","endEmotion":"anger","handleTimeSeconds":90000})")
            << "handleTimeSeconds"
            << "from 0 to 86400";
        QTest::newRow("bad fcr")
            << QByteArray(
                   R"({"channel":"chat","endEmotion":"anger","firstContactResolution":"maybe"})")
            << "firstContactResolution"
            << "yes, no, unknown";
        QTest::newRow("bad advocacy")
            << QByteArray(R"({"channel":"chat","endEmotion":"anger","advocacy":"loves us"})")
            << "advocacy"
            << "none, thanked, wouldRecommend, referred";
        QTest::newRow("no time zone")
            << QByteArray(
                   R"({"channel":"chat","endEmotion":"anger","occurredAt":"2025-11-21T14:30:00"})")
            << "occurredAt"
            << "time zone";
        QTest::newRow("far future")
            << QByteArray(
                   R"({"channel":"chat","endEmotion":"anger","occurredAt":"2062-11-21T14:30:00Z"})")
            << "occurredAt"
            << "future";
        QTest::newRow("misspelt field")
            << QByteArray(R"({"channel":"chat","endEmotion":"anger","nots":"x"})") << "nots"
            << "not a field";
        QTest::newRow("misspelt score")
            << QByteArray(R"({"channel":"chat","endEmotion":"anger","customerReported":{"nsp":3}})")
            << "customerReported.nsp"
            << "not a field";
        QTest::newRow("share not bool")
            << QByteArray(R"({"channel":"chat","endEmotion":"anger","shareWithLead":"yes"})")
            << "shareWithLead"
            << "true or false";
        QTest::newRow("note too long")
            << QByteArray(R"({"channel":"chat","endEmotion":"anger","note":")" +
                          QByteArray(4001, 'x') + R"("})")
            << "note"
            << "at most 4000 characters";
    }

    void invalidRecordNamesFieldAndRule()
    {
        QFETCH(QByteArray, json);
        QFETCH(QString, field);
        QFETCH(QString, ruleFragment);
        const auto parsed =
            Interaction::fromJson(QJsonDocument::fromJson(json).object(), context());
        QVERIFY(!parsed.ok());
        QCOMPARE(parsed.error().code(), ErrorCode::InvalidInput);
        QCOMPARE(errorFields(parsed.error()), QStringList{field});
        QVERIFY2(parsed.error().fieldErrors().first().rule.contains(ruleFragment),
                 qPrintable(parsed.error().toString()));
    }

    void everyBrokenRuleIsReported()
    {
        const auto parsed = Interaction::fromJson(
            jsonObject(R"({"customerReported":{"nps":-1,"csat":6}})"), context());
        QVERIFY(!parsed.ok());
        QCOMPARE(errorFields(parsed.error()),
                 (QStringList{"channel", "endEmotion", "customerReported.nps",
                              "customerReported.csat"}));
    }

    void typedValueIsValidatedToo()
    {
        Interaction value;
        value.occurredAt = clock.now();
        value.channel = Channel::Email;
        value.endEmotion = Emotion::Ambivalence;
        value.customerReported.nps = 42;
        QCOMPARE(errorFields(Error::invalid(value.validate(context()))),
                 QStringList{"customerReported.nps"});
    }

    void metricsHoldNoFreeTextAndUseTheLocalDay()
    {
        const auto parsed = Interaction::fromJson(
            jsonObject(R"({"channel":"phone","endEmotion":"anger","startEmotion":"agitation",
                           "occurredAt":"2025-11-21T23:30:00-05:00","note":"secret words",
                           "customerReported":{"nps":3}})"),
            context());
        OUTWARD_VERIFY_OK(parsed);
        const QJsonObject metrics = parsed->metrics();
        QCOMPARE(metrics.value("day").toString(), QString("2025-11-21"));
        QCOMPARE(metrics.value("endEmotion").toString(), QString("anger"));
        QCOMPARE(metrics.value("customerReported").toObject().value("nps").toInt(), 3);
        QVERIFY(!QJsonDocument(metrics).toJson().contains("secret"));
        QVERIFY(!metrics.contains("note"));
        QVERIFY(!metrics.contains("shareWithLead"));
    }

    void blankNoteIsDropped()
    {
        const auto parsed = Interaction::fromJson(
            jsonObject(R"({"channel":"phone","endEmotion":"anger","note":"   "})"), context());
        OUTWARD_VERIFY_OK(parsed);
        QVERIFY(!parsed->note);
    }

    void noteLengthCountsCharactersNotUtf16Units()
    {
        // 4000 emoji are 8000 UTF-16 units but 4000 characters: the limit a person reads.
        const QString fourThousandEmoji = QString::fromUtf8("\xF0\x9F\x98\x80").repeated(4000);
        QJsonObject json = jsonObject(R"({"channel":"chat","endEmotion":"adoration"})");
        json.insert(u"note"_s, fourThousandEmoji);
        OUTWARD_VERIFY_OK(Interaction::fromJson(json, context()));

        json.insert(u"note"_s, fourThousandEmoji + u"x"_s);
        const auto tooLong = Interaction::fromJson(json, context());
        QVERIFY(!tooLong.ok());
        QCOMPARE(errorFields(tooLong.error()), QStringList{u"note"_s});
        QVERIFY2(tooLong.error().fieldErrors().first().rule.contains(u"it has 4001"_s),
                 qPrintable(tooLong.error().toString()));
    }

    void hugeNumbersAreRefusedAsNotWhole_data()
    {
        QTest::addColumn<QByteArray>("json");
        QTest::newRow("1e20") << QByteArray(
            R"({"channel":"phone","endEmotion":"anger","handleTimeSeconds":1e20})");
        QTest::newRow("-1e300") << QByteArray(
            R"({"channel":"phone","endEmotion":"anger","handleTimeSeconds":-1e300})");
        QTest::newRow("fraction") << QByteArray(
            R"({"channel":"phone","endEmotion":"anger","handleTimeSeconds":1.5})");
    }

    void hugeNumbersAreRefusedAsNotWhole()
    {
        QFETCH(QByteArray, json);
        const auto parsed = Interaction::fromJson(jsonObject(json.constData()), context());
        QVERIFY(!parsed.ok());
        QCOMPARE(errorFields(parsed.error()), QStringList{u"handleTimeSeconds"_s});
    }
};

QTEST_GUILESS_MAIN(TestInteraction)
#include "tst_interaction.moc"
