#include "core/model/questionnairetemplate.h"
#include "tests/support/manualclock.h"
#include "tests/support/testsupport.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

using namespace outward;
using namespace outward::test;

namespace {
QByteArray withSections(const QByteArray &sections)
{
    return R"({"title":"First meeting","sections":)" + sections + '}';
}

QByteArray questions(int n)
{
    QStringList list;
    for (int i = 0; i < n; ++i)
        list << QString("Question %1?").arg(i);
    return QJsonDocument(QJsonArray::fromStringList(list)).toJson(QJsonDocument::Compact);
}
} // namespace

class TestQuestionnaireTemplate : public QObject
{
    Q_OBJECT

private:
    ValidationContext context() const
    {
        return {QDateTime::fromMSecsSinceEpoch(clock.nowMs(), Qt::UTC)};
    }
    ManualClock clock;

private slots:
    void minimalTemplateIsValid()
    {
        const auto parsed = QuestionnaireTemplate::fromJson(
            jsonObject(
                R"({"title":"First meeting","sections":[{"section":"needs","questions":["What must never fail?"]}]})"),
            context());
        OUTWARD_VERIFY_OK(parsed);
        QCOMPARE(parsed->title, QString("First meeting"));
        QCOMPARE(parsed->sections.size(), 1);
        QCOMPARE(parsed->sections.first().section, BriefSection::Needs);
        QCOMPARE(parsed->sections.first().questions, QStringList{"What must never fail?"});
        QCOMPARE(parsed->writtenAt.toMSecsSinceEpoch(), clock.nowMs());
        QCOMPARE(parsed->time(), parsed->writtenAt);
    }

    void fullRecordRoundTrips()
    {
        const QJsonObject json = jsonObject(R"({
            "title": "First meeting", "writtenAt": "2025-11-01T12:00:00Z",
            "sections": [
                {"section": "objectives", "questions": ["Where do you want to be in a year?", "Who decides?"]},
                {"section": "obstacles", "questions": ["What keeps you up at night?"]}]})");
        const auto parsed = QuestionnaireTemplate::fromJson(json, context());
        OUTWARD_VERIFY_OK(parsed);
        QCOMPARE(parsed->sections.at(1).section, BriefSection::Obstacles);
        QCOMPARE(parsed->toJson(), json);
        const auto again = QuestionnaireTemplate::fromJson(parsed->toJson(), context());
        OUTWARD_VERIFY_OK(again);
        QCOMPARE(again->toJson(), json);
    }

    void fiftyQuestionsAreAllowed()
    {
        const auto parsed = QuestionnaireTemplate::fromJson(
            QJsonDocument::fromJson(
                withSections(R"([{"section":"needs","questions":)" + questions(50) + "}]"))
                .object(),
            context());
        OUTWARD_VERIFY_OK(parsed);
        QCOMPARE(parsed->sections.first().questions.size(), 50);
    }

    void invalidRecordNamesFieldAndRule_data()
    {
        QTest::addColumn<QByteArray>("json");
        QTest::addColumn<QString>("field");
        QTest::addColumn<QString>("ruleFragment");

        const QByteArray needs = R"({"section":"needs","questions":["q?"]})";
        QTest::newRow("title missing") << QByteArray(R"({"sections":[)" + needs + "]}") << "title"
                                       << "is required";
        QTest::newRow("title too long") << QByteArray(R"({"title":")" + QByteArray(201, 't') +
                                                      R"(","sections":[)" + needs + "]}")
                                        << "title"
                                        << "at most 200 characters";
        QTest::newRow("sections missing") << QByteArray(R"({"title":"t"})") << "sections"
                                          << "must list at least one section";
        QTest::newRow("sections empty") << withSections("[]") << "sections"
                                        << "must list at least one section";
        QTest::newRow("sections not a list") << withSections(needs) << "sections"
                                             << "must be a list";
        QTest::newRow("section not an object")
            << withSections("[" + needs + R"(,"needs"])") << "sections[1]"
            << "must be an object";
        QTest::newRow("section missing")
            << withSections(R"([{"questions":["q?"]}])") << "sections[0].section"
            << "is required; must be one of: needs";
        QTest::newRow("unknown section")
            << withSections(R"([{"section":"pricing","questions":["q?"]}])")
            << "sections[0].section"
            << "must be one of";
        QTest::newRow("section twice")
            << withSections("[" + needs + R"(,{"section":"challenges","questions":["q?"]},)" +
                            needs + "]")
            << "sections[2].section"
            << "appears more than once";
        QTest::newRow("questions missing")
            << withSections(R"([{"section":"needs"}])") << "sections[0].questions"
            << "must have at least one question";
        QTest::newRow("questions empty")
            << withSections(R"([{"section":"needs","questions":[]}])") << "sections[0].questions"
            << "must have at least one question";
        QTest::newRow("questions not a list")
            << withSections(R"([{"section":"needs","questions":"q?"}])") << "sections[0].questions"
            << "must be a list";
        QTest::newRow("too many questions")
            << withSections(R"([{"section":"needs","questions":)" + questions(51) + "}]")
            << "sections[0].questions"
            << "must have at most 50 questions";
        QTest::newRow("blank question")
            << withSections(R"([{"section":"needs","questions":["q?","a?","b?"," "]}])")
            << "sections[0].questions[3]"
            << "must not be blank";
        QTest::newRow("question too long") << withSections(R"([{"section":"needs","questions":[")" +
                                                           QByteArray(201, 'q') + R"("]}])")
                                           << "sections[0].questions[0]"
                                           << "at most 200 characters";
        QTest::newRow("question not text")
            << withSections(R"([{"section":"needs","questions":["q?",3]}])")
            << "sections[0].questions[1]"
            << "must be a string";
        QTest::newRow("misspelt section field")
            << withSections(R"([{"section":"needs","questions":["q?"],"question":"x"}])")
            << "sections[0].question"
            << "not a field";
        QTest::newRow("written in far future")
            << QByteArray(R"({"title":"t","writtenAt":"2026-01-01T00:00:00Z","sections":[)" +
                          needs + "]}")
            << "writtenAt"
            << "future";
        QTest::newRow("misspelt field")
            << QByteArray(R"({"title":"t","section":[],"sections":[)" + needs + "]}") << "section"
            << "not a field";
    }

    void invalidRecordNamesFieldAndRule()
    {
        QFETCH(QByteArray, json);
        QFETCH(QString, field);
        QFETCH(QString, ruleFragment);
        const QJsonDocument document = QJsonDocument::fromJson(json);
        QVERIFY2(document.isObject(), json.constData());
        const auto parsed = QuestionnaireTemplate::fromJson(document.object(), context());
        QVERIFY(!parsed.ok());
        QCOMPARE(parsed.error().code(), ErrorCode::InvalidInput);
        QCOMPARE(errorFields(parsed.error()), QStringList{field});
        QVERIFY2(parsed.error().fieldErrors().first().rule.contains(ruleFragment),
                 qPrintable(parsed.error().toString()));
    }

    void typedValueIsValidatedToo()
    {
        QuestionnaireTemplate value;
        value.title = "First meeting";
        value.writtenAt = clock.now();
        value.sections = {{BriefSection::Needs, {"q?"}}, {BriefSection::Needs, {"r?", ""}}};
        QCOMPARE(errorFields(Error::invalid(value.validate(context()))),
                 (QStringList{"sections[1].section", "sections[1].questions[1]"}));
        value.sections[1].section = BriefSection::Philosophy;
        value.sections[1].questions.removeLast();
        QVERIFY(value.validate(context()).isEmpty());
    }

    void metricsHoldNoFreeText()
    {
        const auto parsed = QuestionnaireTemplate::fromJson(
            jsonObject(
                R"({"title":"CANARY-title","sections":[{"section":"needs","questions":["CANARY-question"]}]})"),
            context());
        OUTWARD_VERIFY_OK(parsed);
        QVERIFY(!QJsonDocument(parsed->metrics()).toJson().contains("CANARY"));
        QVERIFY(parsed->metrics().isEmpty());
    }

    void summaryCountsSectionsAndQuestions()
    {
        QuestionnaireTemplate value;
        value.title = "First meeting";
        value.sections = {{BriefSection::Needs, {"a?", "b?"}}, {BriefSection::Obstacles, {"c?"}}};
        QCOMPARE(value.summary(), QString("First meeting · 2 sections · 3 questions"));
    }
};

QTEST_GUILESS_MAIN(TestQuestionnaireTemplate)
#include "tst_questionnairetemplate.moc"
