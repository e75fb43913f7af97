#include "core/model/questionnairetemplate.h"

#include "core/model/fieldreader.h"

using namespace Qt::StringLiterals;

namespace outward {

namespace {
constexpr auto kTitle = "title"_L1;
constexpr auto kSections = "sections"_L1;
constexpr auto kWrittenAt = "writtenAt"_L1;
constexpr auto kSection = "section"_L1;
constexpr auto kQuestions = "questions"_L1;

QString indexed(QLatin1StringView list, qsizetype index)
{
    return u"%1[%2]"_s.arg(list).arg(index);
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

TemplateSection readSection(const QJsonObject &json, const QString &prefix, FieldReader &parent)
{
    FieldReader reader(json, prefix);
    reader.rejectUnknownFields({kSection, kQuestions});
    TemplateSection section;
    section.section = reader.enumeration<BriefSection>(kSection);
    if (const auto questions = reader.array(kQuestions)) {
        for (qsizetype i = 0; i < questions->size(); ++i) {
            const QJsonValue question = questions->at(i);
            if (!question.isString())
                reader.addError(indexed(kQuestions, i), u"must be a string"_s);
            // An empty placeholder keeps later questions at their JSON positions.
            section.questions.append(question.toString());
        }
    }
    parent.addErrors(reader.errors());
    return section;
}
} // namespace

Result<QuestionnaireTemplate> QuestionnaireTemplate::fromJson(const QJsonObject &json,
                                                              const ValidationContext &context)
{
    FieldReader reader(json);
    reader.rejectUnknownFields({kTitle, kSections, kWrittenAt});
    QuestionnaireTemplate value;
    value.title = reader.text(kTitle).value_or(QString());
    if (const auto sections = reader.array(kSections)) {
        for (qsizetype i = 0; i < sections->size(); ++i) {
            const QJsonValue item = sections->at(i);
            const QString itemPath = indexed(kSections, i);
            if (!item.isObject())
                reader.addError(itemPath, u"must be an object"_s);
            // A placeholder keeps the indices of later sections equal to their JSON positions.
            value.sections.append(item.isObject()
                                      ? readSection(item.toObject(), reader.path(itemPath), reader)
                                      : TemplateSection());
        }
    }
    const bool hasTime = json.contains(kWrittenAt) && !json.value(kWrittenAt).isNull();
    value.writtenAt = hasTime ? reader.dateTime(kWrittenAt).value_or(QDateTime()) : context.now;

    const FieldErrors errors = mergeFieldErrors(
        reader.errors(), withoutErrorsInside(value.validate(context), reader.errors()));
    if (!errors.isEmpty())
        return Error::invalid(errors);
    return value;
}

QJsonObject QuestionnaireTemplate::toJson() const
{
    QJsonObject json;
    json.insert(kTitle, title);
    QJsonArray sectionList;
    for (const TemplateSection &section : sections) {
        QJsonObject sectionJson;
        if (section.section)
            sectionJson.insert(kSection, enumName(*section.section));
        sectionJson.insert(kQuestions, QJsonArray::fromStringList(section.questions));
        sectionList.append(sectionJson);
    }
    json.insert(kSections, sectionList);
    json.insert(kWrittenAt, isoDateTime(writtenAt));
    return json;
}

FieldErrors QuestionnaireTemplate::validate(const ValidationContext &context) const
{
    Rules rules;
    rules.requiredText(title, kTitle, kShortTextMax);
    if (sections.isEmpty())
        rules.fail(kSections, u"must list at least one section"_s);
    for (qsizetype i = 0; i < sections.size(); ++i) {
        const TemplateSection &section = sections.at(i);
        Rules sectionRules{indexed(kSections, i)};
        if (!section.section) {
            sectionRules.fail(kSection, u"is required; "_s +
                                            FieldReader::oneOfRule(enumNameList<BriefSection>()));
        } else {
            for (qsizetype j = 0; j < i; ++j) {
                if (sections.at(j).section == section.section) {
                    sectionRules.fail(kSection, u"appears more than once"_s);
                    break;
                }
            }
        }
        if (section.questions.isEmpty())
            sectionRules.fail(kQuestions, u"must have at least one question"_s);
        else if (section.questions.size() > kMaxQuestions)
            sectionRules.fail(kQuestions, u"must have at most %1 questions"_s.arg(kMaxQuestions));
        for (qsizetype q = 0; q < section.questions.size(); ++q)
            sectionRules.requiredText(section.questions.at(q), indexed(kQuestions, q),
                                      kShortTextMax);
        rules.addErrors(sectionRules.errors());
    }
    rules.validDateTime(writtenAt, kWrittenAt);
    rules.notInFuture(writtenAt, kWrittenAt, context);
    return rules.errors();
}

QJsonObject QuestionnaireTemplate::metrics() const
{
    return {};
}

QString QuestionnaireTemplate::summary() const
{
    qsizetype questions = 0;
    for (const TemplateSection &section : sections)
        questions += section.questions.size();
    return u"%1 · %2 sections · %3 questions"_s.arg(title.simplified())
        .arg(sections.size())
        .arg(questions);
}

} // namespace outward
