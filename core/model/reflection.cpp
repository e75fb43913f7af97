#include "core/model/reflection.h"

#include "core/model/fieldreader.h"

using namespace Qt::StringLiterals;

namespace outward {

namespace {
constexpr auto kWrittenAt = "writtenAt"_L1;
constexpr auto kPrompt = "prompt"_L1;
constexpr auto kTitle = "title"_L1;
constexpr auto kBody = "body"_L1;
constexpr auto kLinkedPurposeId = "linkedPurposeId"_L1;
constexpr auto kShareWithLead = "shareWithLead"_L1;
constexpr int kExcerptLength = 60;

std::optional<QString> withoutBlank(std::optional<QString> text)
{
    if (text && text->trimmed().isEmpty())
        return std::nullopt;
    return text;
}
} // namespace

Result<Reflection> Reflection::fromJson(const QJsonObject &json, const ValidationContext &context)
{
    FieldReader reader(json);
    reader.rejectUnknownFields(
        {kWrittenAt, kPrompt, kTitle, kBody, kLinkedPurposeId, kShareWithLead});
    Reflection value;
    const bool hasTime = json.contains(kWrittenAt) && !json.value(kWrittenAt).isNull();
    value.writtenAt = hasTime ? reader.dateTime(kWrittenAt).value_or(QDateTime()) : context.now;
    value.prompt = reader.enumeration<ReflectionPrompt>(kPrompt);
    value.title = withoutBlank(reader.text(kTitle));
    value.body = reader.text(kBody).value_or(QString());
    value.linkedPurposeId = reader.uuid(kLinkedPurposeId);
    value.shareWithLead = reader.boolean(kShareWithLead).value_or(false);

    const FieldErrors errors = mergeFieldErrors(reader.errors(), value.validate(context));
    if (!errors.isEmpty())
        return Error::invalid(errors);
    return value;
}

QJsonObject Reflection::toJson() const
{
    QJsonObject json;
    json.insert(kWrittenAt, isoDateTime(writtenAt));
    if (prompt)
        json.insert(kPrompt, enumName(*prompt));
    if (title)
        json.insert(kTitle, *title);
    json.insert(kBody, body);
    if (linkedPurposeId)
        json.insert(kLinkedPurposeId, linkedPurposeId->toString(QUuid::WithoutBraces));
    json.insert(kShareWithLead, shareWithLead);
    return json;
}

FieldErrors Reflection::validate(const ValidationContext &context) const
{
    Rules rules;
    rules.validDateTime(writtenAt, kWrittenAt);
    rules.notInFuture(writtenAt, kWrittenAt, context);
    rules.optionalText(title, kTitle, kShortTextMax);
    rules.requiredText(body, kBody, kLongTextMax);
    if (linkedPurposeId && linkedPurposeId->isNull())
        rules.fail(kLinkedPurposeId, u"must be a record id, not the null UUID"_s);
    return rules.errors();
}

QJsonObject Reflection::metrics() const
{
    return {};
}

QString Reflection::summary() const
{
    if (title)
        return title->simplified();
    if (prompt)
        return reflectionPromptText(*prompt);
    const QString excerpt = body.simplified();
    if (excerpt.size() <= kExcerptLength)
        return excerpt;
    return excerpt.left(kExcerptLength - 1) + u'…';
}

} // namespace outward
