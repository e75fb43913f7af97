#include "core/model/clientbrief.h"
#include "tests/support/manualclock.h"
#include "tests/support/testsupport.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

using namespace outward;
using namespace outward::test;

namespace {
// n valid answers as a JSON list, for the length limit.
QByteArray answerList(int n)
{
    QByteArray list = "[";
    for (int i = 0; i < n; ++i) {
        if (i > 0)
            list += ',';
        list += R"({"section":"needs","answer":"a","certainty":"assumed"})";
    }
    return list + ']';
}

QByteArray withAnswers(const QByteArray &answers)
{
    return R"({"client":"Acme","answers":)" + answers + '}';
}
} // namespace

class TestClientBrief : public QObject
{
    Q_OBJECT

private:
    ValidationContext context() const
    {
        return {QDateTime::fromMSecsSinceEpoch(clock.nowMs(), Qt::UTC)};
    }
    ManualClock clock;

private slots:
    void minimalBriefIsValid()
    {
        const auto parsed = ClientBrief::fromJson(jsonObject(R"({"client":"Acme"})"), context());
        OUTWARD_VERIFY_OK(parsed);
        QCOMPARE(parsed->client, QString("Acme"));
        QCOMPARE(parsed->preparedAt.toMSecsSinceEpoch(), clock.nowMs());
        QVERIFY(parsed->answers.isEmpty());
        QVERIFY(!parsed->meetingAt);
        QVERIFY(!parsed->shareWithLead);
        QVERIFY(!parsed->shareWithTeam);
        QCOMPARE(parsed->time(), parsed->preparedAt);
        QCOMPARE(parsed->toJson().value("answers").toArray().size(), 0);
    }

    void fullRecordRoundTrips()
    {
        const QJsonObject json = jsonObject(R"({
            "client": "Acme Logistics", "preparedAt": "2025-11-20T09:00:00+01:00",
            "meetingAt": "2025-11-27T10:30:00+01:00",
            "templateId": "6f1c9e0b-7d2a-4c35-9a3e-0016d3cca427",
            "answers": [
                {"section": "needs", "question": "What must arrive on time?",
                 "answer": "Spare parts for the cold stores", "certainty": "heardFromClient"},
                {"section": "systemProblems", "answer": "Two tracking systems disagree",
                 "certainty": "assumed"}],
            "impactHypothesis": "Fewer spoiled deliveries", "shareWithLead": true, "shareWithTeam": true})");
        const auto parsed = ClientBrief::fromJson(json, context());
        OUTWARD_VERIFY_OK(parsed);
        QCOMPARE(parsed->answers.size(), 2);
        QCOMPARE(parsed->answers.at(1).section, BriefSection::SystemProblems);
        QCOMPARE(parsed->answers.at(1).certainty, Certainty::Assumed);
        QVERIFY(!parsed->answers.at(1).question);
        QCOMPARE(parsed->time(), *parsed->meetingAt);
        QCOMPARE(parsed->toJson(), json);
        const auto again = ClientBrief::fromJson(parsed->toJson(), context());
        OUTWARD_VERIFY_OK(again);
        QCOMPARE(again->toJson(), json);
    }

    void meetingMayBeInTheFuture()
    {
        const auto parsed = ClientBrief::fromJson(
            jsonObject(R"({"client":"Acme","meetingAt":"2026-03-01T10:00:00Z"})"), context());
        OUTWARD_VERIFY_OK(parsed);
    }

    void aHundredAnswersAreAllowed()
    {
        const auto parsed = ClientBrief::fromJson(
            QJsonDocument::fromJson(withAnswers(answerList(100))).object(), context());
        OUTWARD_VERIFY_OK(parsed);
        QCOMPARE(parsed->answers.size(), 100);
    }

    void invalidRecordNamesFieldAndRule_data()
    {
        QTest::addColumn<QByteArray>("json");
        QTest::addColumn<QString>("field");
        QTest::addColumn<QString>("ruleFragment");

        QTest::newRow("client missing") << QByteArray(R"({"answers":[]})") << "client"
                                        << "is required";
        QTest::newRow("client blank") << QByteArray(R"({"client":"   "})") << "client"
                                      << "must not be blank";
        QTest::newRow("client too long")
            << QByteArray(R"({"client":")" + QByteArray(201, 'c') + R"("})") << "client"
            << "at most 200 characters";
        QTest::newRow("client not text") << QByteArray(R"({"client":["Acme"]})") << "client"
                                         << "must be a string";
        QTest::newRow("prepared in far future")
            << QByteArray(R"({"client":"Acme","preparedAt":"2026-01-01T00:00:00Z"})")
            << "preparedAt"
            << "future";
        QTest::newRow("prepared without zone")
            << QByteArray(R"({"client":"Acme","preparedAt":"2025-11-20T09:00:00"})") << "preparedAt"
            << "time zone";
        QTest::newRow("meeting not a date")
            << QByteArray(R"({"client":"Acme","meetingAt":"next Tuesday"})") << "meetingAt"
            << "ISO 8601";
        QTest::newRow("bad template id")
            << QByteArray(R"({"client":"Acme","templateId":"t-1"})") << "templateId"
            << "UUID";
        QTest::newRow("answers not a list") << withAnswers(R"({"section":"needs"})") << "answers"
                                            << "must be a list";
        QTest::newRow("too many answers") << withAnswers(answerList(101)) << "answers"
                                          << "must have at most 100 answers";
        QTest::newRow("answer not an object")
            << withAnswers(R"([{"section":"needs","answer":"a","certainty":"assumed"},"needs"])")
            << "answers[1]"
            << "must be an object";
        QTest::newRow("section missing")
            << withAnswers(R"([{"answer":"a","certainty":"assumed"}])") << "answers[0].section"
            << "is required; must be one of: needs, objectives";
        QTest::newRow("unknown section")
            << withAnswers(R"([{"section":"pitch","answer":"a","certainty":"assumed"}])")
            << "answers[0].section"
            << "systemProblems, obstacles";
        QTest::newRow("answer missing")
            << withAnswers(R"([{"section":"needs","certainty":"assumed"}])") << "answers[0].answer"
            << "is required";
        QTest::newRow("answer blank")
            << withAnswers(R"([{"section":"needs","answer":" ","certainty":"assumed"}])")
            << "answers[0].answer"
            << "must not be blank";
        QTest::newRow("answer too long")
            << withAnswers(R"([{"section":"needs","answer":")" + QByteArray(4001, 'a') +
                           R"(","certainty":"assumed"}])")
            << "answers[0].answer"
            << "at most 4000 characters";
        QTest::newRow("question too long")
            << withAnswers(R"([{"section":"needs","question":")" + QByteArray(201, 'q') +
                           R"(","answer":"a","certainty":"assumed"}])")
            << "answers[0].question"
            << "at most 200 characters";
        QTest::newRow("certainty missing in third")
            << withAnswers(
                   R"([{"section":"needs","answer":"a","certainty":"assumed"},{"section":"needs","answer":"a","certainty":"verified"},{"section":"obstacles","answer":"a"}])")
            << "answers[2].certainty"
            << "is required; must be one of: assumed, heardFromClient, verified";
        QTest::newRow("unknown certainty")
            << withAnswers(R"([{"section":"needs","answer":"a","certainty":"sure"}])")
            << "answers[0].certainty"
            << "must be one of";
        QTest::newRow("misspelt answer field")
            << withAnswers(
                   R"([{"section":"needs","answer":"a","certainty":"assumed","certainity":"x"}])")
            << "answers[0].certainity"
            << "not a field";
        QTest::newRow("hypothesis too long")
            << QByteArray(R"({"client":"Acme","impactHypothesis":")" + QByteArray(4001, 'h') +
                          R"("})")
            << "impactHypothesis"
            << "at most 4000 characters";
        QTest::newRow("share with team not bool")
            << QByteArray(R"({"client":"Acme","shareWithTeam":"yes"})") << "shareWithTeam"
            << "true or false";
        QTest::newRow("share with lead not bool")
            << QByteArray(R"({"client":"Acme","shareWithLead":"no"})") << "shareWithLead"
            << "true or false";
        QTest::newRow("misspelt field")
            << QByteArray(R"({"client":"Acme","shareWithLead":null,"shareWithLeader":true})")
            << "shareWithLeader"
            << "not a field";
    }

    void invalidRecordNamesFieldAndRule()
    {
        QFETCH(QByteArray, json);
        QFETCH(QString, field);
        QFETCH(QString, ruleFragment);
        const QJsonDocument document = QJsonDocument::fromJson(json);
        QVERIFY2(document.isObject(), json.constData());
        const auto parsed = ClientBrief::fromJson(document.object(), context());
        QVERIFY(!parsed.ok());
        QCOMPARE(parsed.error().code(), ErrorCode::InvalidInput);
        QCOMPARE(errorFields(parsed.error()), QStringList{field});
        QVERIFY2(parsed.error().fieldErrors().first().rule.contains(ruleFragment),
                 qPrintable(parsed.error().toString()));
    }

    void everyBrokenAnswerIsReported()
    {
        const auto parsed = ClientBrief::fromJson(
            jsonObject(
                R"({"client":"Acme","answers":[{"section":"needs"},{"answer":"a","certainty":"verified"}]})"),
            context());
        QVERIFY(!parsed.ok());
        QCOMPARE(errorFields(parsed.error()),
                 (QStringList{"answers[0].answer", "answers[0].certainty", "answers[1].section"}));
    }

    void typedValueIsValidatedToo()
    {
        ClientBrief value;
        value.client = "Acme";
        value.preparedAt = clock.now();
        value.answers.append(
            {BriefSection::Needs, std::nullopt, "Cold storage", Certainty::Verified});
        value.answers.append({std::nullopt, std::nullopt, "Growth", Certainty::Assumed});
        QCOMPARE(errorFields(Error::invalid(value.validate(context()))),
                 QStringList{"answers[1].section"});
        value.answers.removeLast();
        value.meetingAt = QDateTime();
        value.templateId = QUuid();
        QCOMPARE(errorFields(Error::invalid(value.validate(context()))),
                 (QStringList{"meetingAt", "templateId"}));
        value.meetingAt.reset();
        value.templateId.reset();
        for (int i = 0; i < 100; ++i)
            value.answers.append({BriefSection::Objectives, std::nullopt, "x", Certainty::Assumed});
        QCOMPARE(errorFields(Error::invalid(value.validate(context()))), QStringList{"answers"});
    }

    void metricsCountSectionsAndCertainty()
    {
        const auto parsed = ClientBrief::fromJson(
            jsonObject(R"({"client":"Acme","preparedAt":"2025-11-20T23:30:00-05:00","answers":[
                {"section":"needs","answer":"a","certainty":"assumed"},
                {"section":"needs","answer":"b","certainty":"verified"},
                {"section":"challenges","answer":"c","certainty":"verified"}],
                "impactHypothesis":"h"})"),
            context());
        OUTWARD_VERIFY_OK(parsed);
        const QJsonObject metrics = parsed->metrics();
        QCOMPARE(metrics.value("day").toString(), QString("2025-11-20"));
        QCOMPARE(metrics.value("sectionsAnswered").toInt(), 2);
        const QJsonObject certainty = metrics.value("certainty").toObject();
        QCOMPARE(certainty.value("assumed").toInt(-1), 1);
        QCOMPARE(certainty.value("heardFromClient").toInt(-1), 0);
        QCOMPARE(certainty.value("verified").toInt(-1), 2);
        QCOMPARE(metrics.value("hasImpactHypothesis").toBool(false), true);
        QCOMPARE(metrics.keys(),
                 (QStringList{"certainty", "day", "hasImpactHypothesis", "sectionsAnswered"}));
    }

    void metricsDayFollowsTheMeeting()
    {
        const auto parsed = ClientBrief::fromJson(
            jsonObject(
                R"({"client":"Acme","preparedAt":"2025-11-20T09:00:00Z","meetingAt":"2025-12-02T10:00:00Z"})"),
            context());
        OUTWARD_VERIFY_OK(parsed);
        QCOMPARE(parsed->metrics().value("day").toString(), QString("2025-12-02"));
        QCOMPARE(parsed->metrics().value("hasImpactHypothesis").toBool(true), false);
        QCOMPARE(parsed->metrics().value("sectionsAnswered").toInt(-1), 0);
    }

    void metricsHoldNoFreeText()
    {
        const auto parsed =
            ClientBrief::fromJson(jsonObject(R"({"client":"CANARY-client","answers":[
                {"section":"needs","question":"CANARY-question","answer":"CANARY-answer","certainty":"assumed"}],
                "impactHypothesis":"CANARY-hypothesis","templateId":"6f1c9e0b-7d2a-4c35-9a3e-0016d3cca427",
                "shareWithLead":true})"),
                                  context());
        OUTWARD_VERIFY_OK(parsed);
        const QByteArray metrics = QJsonDocument(parsed->metrics()).toJson();
        QVERIFY2(!metrics.contains("CANARY"), metrics.constData());
        QVERIFY(!metrics.contains("6f1c9e0b"));
    }

    void summaryNamesTheClient()
    {
        const auto parsed =
            ClientBrief::fromJson(jsonObject(R"({"client":"Acme","meetingAt":"2025-12-02T10:00:00Z",
                           "answers":[{"section":"needs","answer":"a","certainty":"assumed"}]})"),
                                  context());
        OUTWARD_VERIFY_OK(parsed);
        QCOMPARE(parsed->summary(), QString("Acme · meeting 2025-12-02 · 1 answer"));
    }

    void blankOptionalTextIsDropped()
    {
        const auto parsed =
            ClientBrief::fromJson(jsonObject(R"({"client":"Acme","impactHypothesis":" ",
                           "answers":[{"section":"needs","question":"","answer":"a","certainty":"assumed"}]})"),
                                  context());
        OUTWARD_VERIFY_OK(parsed);
        QVERIFY(!parsed->impactHypothesis);
        QVERIFY(!parsed->answers.first().question);
    }
};

QTEST_GUILESS_MAIN(TestClientBrief)
#include "tst_clientbrief.moc"
