#include "core/model/teampurpose.h"

#include "core/model/fieldreader.h"

using namespace Qt::StringLiterals;

namespace outward {

namespace {
constexpr auto kWhy = "why"_L1;
constexpr auto kHow = "how"_L1;
constexpr auto kWhat = "what"_L1;
constexpr auto kWouldMiss = "wouldMiss"_L1;
constexpr auto kWrittenAt = "writtenAt"_L1;
constexpr int kExcerptLength = 60;

std::optional<QString> withoutBlank(std::optional<QString> text)
{
    if (text && text->trimmed().isEmpty())
        return std::nullopt;
    return text;
}
} // namespace

Result<TeamPurpose> TeamPurpose::fromJson(const QJsonObject &json, const ValidationContext &context)
{
    FieldReader reader(json);
    reader.rejectUnknownFields({kWhy, kHow, kWhat, kWouldMiss, kWrittenAt});
    TeamPurpose value;
    value.why = reader.text(kWhy).value_or(QString());
    value.how = withoutBlank(reader.text(kHow));
    value.what = withoutBlank(reader.text(kWhat));
    value.wouldMiss = withoutBlank(reader.text(kWouldMiss));
    const bool hasTime = json.contains(kWrittenAt) && !json.value(kWrittenAt).isNull();
    value.writtenAt = hasTime ? reader.dateTime(kWrittenAt).value_or(QDateTime()) : context.now;

    const FieldErrors errors = mergeFieldErrors(reader.errors(), value.validate(context));
    if (!errors.isEmpty())
        return Error::invalid(errors);
    return value;
}

QJsonObject TeamPurpose::toJson() const
{
    QJsonObject json;
    json.insert(kWhy, why);
    if (how)
        json.insert(kHow, *how);
    if (what)
        json.insert(kWhat, *what);
    if (wouldMiss)
        json.insert(kWouldMiss, *wouldMiss);
    json.insert(kWrittenAt, isoDateTime(writtenAt));
    return json;
}

FieldErrors TeamPurpose::validate(const ValidationContext &context) const
{
    Rules rules;
    rules.requiredText(why, kWhy, kNoteMax);
    rules.optionalText(how, kHow, kNoteMax);
    rules.optionalText(what, kWhat, kNoteMax);
    rules.optionalText(wouldMiss, kWouldMiss, kNoteMax);
    rules.validDateTime(writtenAt, kWrittenAt);
    rules.notInFuture(writtenAt, kWrittenAt, context);
    return rules.errors();
}

QJsonObject TeamPurpose::metrics() const
{
    return {};
}

QString TeamPurpose::summary() const
{
    const QString excerpt = why.simplified();
    if (excerpt.size() <= kExcerptLength)
        return excerpt;
    return excerpt.left(kExcerptLength - 1) + u'…';
}

} // namespace outward
