#include "core/model/commitment.h"

#include "core/model/fieldreader.h"

#include <QStringList>

using namespace Qt::StringLiterals;

namespace outward {

namespace {
constexpr auto kTitle = "title"_L1;
constexpr auto kDescription = "description"_L1;
constexpr auto kType = "type"_L1;
constexpr auto kHorizonMonths = "horizonMonths"_L1;
constexpr auto kStartDate = "startDate"_L1;
constexpr auto kStatus = "status"_L1;
constexpr auto kProgressKey = "progress"_L1;
constexpr auto kMeasure = "measure"_L1;

std::optional<QString> withoutBlank(std::optional<QString> text)
{
    if (text && text->trimmed().isEmpty())
        return std::nullopt;
    return text;
}
} // namespace

Result<Commitment> Commitment::fromJson(const QJsonObject &json, const ValidationContext &context)
{
    FieldReader reader(json);
    reader.rejectUnknownFields(
        {kTitle, kDescription, kType, kHorizonMonths, kStartDate, kStatus, kProgressKey, kMeasure});
    Commitment value;
    value.title = reader.text(kTitle).value_or(QString());
    value.description = withoutBlank(reader.text(kDescription));
    value.type = reader.enumeration<CommitmentType>(kType);
    value.horizonMonths = reader.wholeNumber(kHorizonMonths);
    const bool hasDate = json.contains(kStartDate) && !json.value(kStartDate).isNull();
    value.startDate = hasDate ? reader.date(kStartDate).value_or(QDate()) : context.now.date();
    value.status = reader.enumeration<CommitmentStatus>(kStatus).value_or(CommitmentStatus::Active);
    value.progress = reader.wholeNumber(kProgressKey).value_or(0);
    value.measure = withoutBlank(reader.text(kMeasure));

    const FieldErrors errors = mergeFieldErrors(reader.errors(), value.validate(context));
    if (!errors.isEmpty())
        return Error::invalid(errors);
    return value;
}

QJsonObject Commitment::toJson() const
{
    QJsonObject json;
    json.insert(kTitle, title);
    if (description)
        json.insert(kDescription, *description);
    if (type)
        json.insert(kType, enumName(*type));
    if (horizonMonths)
        json.insert(kHorizonMonths, *horizonMonths);
    json.insert(kStartDate, isoDate(startDate));
    json.insert(kStatus, enumName(status));
    json.insert(kProgressKey, progress);
    if (measure)
        json.insert(kMeasure, *measure);
    return json;
}

FieldErrors Commitment::validate(const ValidationContext &) const
{
    Rules rules;
    rules.requiredText(title, kTitle, kShortTextMax);
    rules.optionalText(description, kDescription, kNoteMax);
    if (!type)
        rules.fail(kType,
                   u"is required; "_s + FieldReader::oneOfRule(enumNameList<CommitmentType>()));
    if (!horizonMonths)
        rules.fail(kHorizonMonths, u"is required; must be 3 or 6 (months)"_s);
    else if (!isValidHorizon(*horizonMonths))
        rules.fail(kHorizonMonths, u"must be 3 or 6 (months)"_s);
    if (!startDate.isValid())
        rules.fail(kStartDate, u"is required; a date as YYYY-MM-DD"_s);
    rules.inScale(progress, kProgressKey, kProgress);
    rules.optionalText(measure, kMeasure, kShortTextMax);
    return rules.errors();
}

QDate Commitment::dueDate() const
{
    if (!horizonMonths)
        return {};
    return startDate.addMonths(*horizonMonths);
}

QJsonObject Commitment::metrics() const
{
    QJsonObject json;
    if (type)
        json.insert(kType, enumName(*type));
    json.insert(kStatus, enumName(status));
    json.insert(kProgressKey, progress);
    if (horizonMonths)
        json.insert(kHorizonMonths, *horizonMonths);
    return json;
}

QDateTime Commitment::time() const
{
    // The start of that day where the device is, so listing by local days finds it there.
    return startDate.startOfDay();
}

QString Commitment::summary() const
{
    QStringList parts{title.simplified()};
    if (type)
        parts << enumName(*type);
    parts << u"%1%"_s.arg(progress);
    if (status != CommitmentStatus::Active)
        parts << enumName(status);
    return parts.join(u" · "_s);
}

} // namespace outward
