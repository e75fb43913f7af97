#include "core/model/clientbrief.h"

#include "core/model/fieldreader.h"

#include <QStringList>

using namespace Qt::StringLiterals;

namespace outward {

namespace {
constexpr auto kClient = "client"_L1;
constexpr auto kPreparedAt = "preparedAt"_L1;
constexpr auto kMeetingAt = "meetingAt"_L1;
constexpr auto kTemplateId = "templateId"_L1;
constexpr auto kAnswers = "answers"_L1;
constexpr auto kImpactHypothesis = "impactHypothesis"_L1;
constexpr auto kShareWithLead = "shareWithLead"_L1;
constexpr auto kShareWithTeam = "shareWithTeam"_L1;
constexpr auto kSection = "section"_L1;
constexpr auto kQuestion = "question"_L1;
constexpr auto kAnswer = "answer"_L1;
constexpr auto kCertainty = "certainty"_L1;

std::optional<QString> withoutBlank(std::optional<QString> text)
{
    if (text && text->trimmed().isEmpty())
        return std::nullopt;
    return text;
}

QString answerPath(qsizetype index)
{
    return u"%1[%2]"_s.arg(kAnswers).arg(index);
}

// An item that is not an object is reported once, not again for every field it then lacks.
FieldErrors withoutErrorsInside(const FieldErrors &ruleErrors, const FieldErrors &typeErrors)
{
    FieldErrors kept;
    for (const FieldError &ruleError : ruleErrors) {
        bool inside = false;
        for (const FieldError &typeError : typeErrors)
            inside = inside || ruleError.field.startsWith(typeError.field + u'.');
        if (!inside)
            kept.append(ruleError);
    }
    return kept;
}

BriefAnswer readAnswer(const QJsonObject &json, const QString &prefix, FieldReader &parent)
{
    FieldReader reader(json, prefix);
    reader.rejectUnknownFields({kSection, kQuestion, kAnswer, kCertainty});
    BriefAnswer answer;
    answer.section = reader.enumeration<BriefSection>(kSection);
    answer.question = withoutBlank(reader.text(kQuestion));
    answer.answer = reader.text(kAnswer).value_or(QString());
    answer.certainty = reader.enumeration<Certainty>(kCertainty);
    parent.addErrors(reader.errors());
    return answer;
}

QJsonObject answerToJson(const BriefAnswer &answer)
{
    QJsonObject json;
    if (answer.section)
        json.insert(kSection, enumName(*answer.section));
    if (answer.question)
        json.insert(kQuestion, *answer.question);
    json.insert(kAnswer, answer.answer);
    if (answer.certainty)
        json.insert(kCertainty, enumName(*answer.certainty));
    return json;
}
} // namespace

Result<ClientBrief> ClientBrief::fromJson(const QJsonObject &json, const ValidationContext &context)
{
    FieldReader reader(json);
    reader.rejectUnknownFields({kClient, kPreparedAt, kMeetingAt, kTemplateId, kAnswers,
                                kImpactHypothesis, kShareWithLead, kShareWithTeam});
    ClientBrief value;
    value.client = reader.text(kClient).value_or(QString());
    const bool hasTime = json.contains(kPreparedAt) && !json.value(kPreparedAt).isNull();
    value.preparedAt = hasTime ? reader.dateTime(kPreparedAt).value_or(QDateTime()) : context.now;
    value.meetingAt = reader.dateTime(kMeetingAt);
    value.templateId = reader.uuid(kTemplateId);
    if (const auto answers = reader.array(kAnswers)) {
        for (qsizetype i = 0; i < answers->size(); ++i) {
            const QJsonValue item = answers->at(i);
            if (!item.isObject())
                reader.addError(answerPath(i), u"must be an object"_s);
            // A placeholder keeps the indices of later answers equal to their JSON positions.
            value.answers.append(
                item.isObject() ? readAnswer(item.toObject(), reader.path(answerPath(i)), reader)
                                : BriefAnswer());
        }
    }
    value.impactHypothesis = withoutBlank(reader.text(kImpactHypothesis));
    value.shareWithLead = reader.boolean(kShareWithLead).value_or(false);
    value.shareWithTeam = reader.boolean(kShareWithTeam).value_or(false);

    const FieldErrors errors = mergeFieldErrors(
        reader.errors(), withoutErrorsInside(value.validate(context), reader.errors()));
    if (!errors.isEmpty())
        return Error::invalid(errors);
    return value;
}

QJsonObject ClientBrief::toJson() const
{
    QJsonObject json;
    json.insert(kClient, client);
    json.insert(kPreparedAt, isoDateTime(preparedAt));
    if (meetingAt)
        json.insert(kMeetingAt, isoDateTime(*meetingAt));
    if (templateId)
        json.insert(kTemplateId, templateId->toString(QUuid::WithoutBraces));
    QJsonArray answerList;
    for (const BriefAnswer &answer : answers)
        answerList.append(answerToJson(answer));
    json.insert(kAnswers, answerList);
    if (impactHypothesis)
        json.insert(kImpactHypothesis, *impactHypothesis);
    json.insert(kShareWithLead, shareWithLead);
    json.insert(kShareWithTeam, shareWithTeam);
    return json;
}

FieldErrors ClientBrief::validate(const ValidationContext &context) const
{
    Rules rules;
    rules.requiredText(client, kClient, kShortTextMax);
    rules.validDateTime(preparedAt, kPreparedAt);
    rules.notInFuture(preparedAt, kPreparedAt, context);
    // A meeting is usually ahead, so meetingAt may lie in the future.
    if (meetingAt && !meetingAt->isValid())
        rules.fail(kMeetingAt, u"must be a valid ISO 8601 date and time with a time zone"_s);
    if (templateId && templateId->isNull())
        rules.fail(kTemplateId, u"must be a record id, not the null UUID"_s);
    if (answers.size() > kMaxAnswers)
        rules.fail(kAnswers, u"must have at most %1 answers"_s.arg(kMaxAnswers));
    for (qsizetype i = 0; i < answers.size(); ++i) {
        const BriefAnswer &answer = answers.at(i);
        Rules answerRules{answerPath(i)};
        if (!answer.section)
            answerRules.fail(kSection, u"is required; "_s +
                                           FieldReader::oneOfRule(enumNameList<BriefSection>()));
        answerRules.optionalText(answer.question, kQuestion, kShortTextMax);
        answerRules.requiredText(answer.answer, kAnswer, kNoteMax);
        if (!answer.certainty)
            answerRules.fail(kCertainty, u"is required; "_s +
                                             FieldReader::oneOfRule(enumNameList<Certainty>()));
        rules.addErrors(answerRules.errors());
    }
    rules.optionalText(impactHypothesis, kImpactHypothesis, kNoteMax);
    return rules.errors();
}

QJsonObject ClientBrief::metrics() const
{
    QList<BriefSection> sections;
    int assumed = 0;
    int heard = 0;
    int verified = 0;
    for (const BriefAnswer &answer : answers) {
        if (answer.section && !answer.answer.trimmed().isEmpty() &&
            !sections.contains(*answer.section))
            sections.append(*answer.section);
        if (answer.certainty == Certainty::Assumed)
            ++assumed;
        else if (answer.certainty == Certainty::HeardFromClient)
            ++heard;
        else if (answer.certainty == Certainty::Verified)
            ++verified;
    }
    QJsonObject certainty;
    certainty.insert(enumName(Certainty::Assumed), assumed);
    certainty.insert(enumName(Certainty::HeardFromClient), heard);
    certainty.insert(enumName(Certainty::Verified), verified);

    QJsonObject json;
    json.insert("day"_L1, isoDate(time().date()));
    json.insert("sectionsAnswered"_L1, static_cast<int>(sections.size()));
    json.insert(kCertainty, certainty);
    json.insert("hasImpactHypothesis"_L1, impactHypothesis.has_value());
    return json;
}

QString ClientBrief::summary() const
{
    QStringList parts{client.simplified()};
    if (meetingAt)
        parts << u"meeting %1"_s.arg(isoDate(meetingAt->date()));
    parts << (answers.size() == 1 ? u"1 answer"_s : u"%1 answers"_s.arg(answers.size()));
    return parts.join(u" · "_s);
}

} // namespace outward
