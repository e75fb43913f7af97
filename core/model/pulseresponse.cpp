#include "core/model/pulseresponse.h"

#include "core/model/fieldreader.h"

using namespace Qt::StringLiterals;

namespace outward {

namespace {
constexpr auto kPeriod = "period"_L1;
constexpr auto kRatings = "ratings"_L1;
constexpr auto kWhatWorks = "whatWorks"_L1;
constexpr auto kSubmittedAt = "submittedAt"_L1;

QJsonObject ratingsToJson(const QMap<Discipline, int> &ratings)
{
    QJsonObject json;
    for (auto it = ratings.constBegin(); it != ratings.constEnd(); ++it)
        json.insert(enumName(it.key()), it.value());
    return json;
}

bool isAsciiDigits(QStringView text)
{
    for (QChar c : text)
        if (c < u'0' || c > u'9')
            return false;
    return true;
}
} // namespace

QDate PulseResponse::firstDayOfPeriod(QStringView period)
{
    if (period.size() != 7 || period.at(4) != u'-' || !isAsciiDigits(period.left(4)) ||
        !isAsciiDigits(period.right(2)))
        return {};
    return QDate(period.left(4).toInt(), period.right(2).toInt(), 1);
}

Result<PulseResponse> PulseResponse::fromJson(const QJsonObject &json,
                                              const ValidationContext &context)
{
    FieldReader reader(json);
    reader.rejectUnknownFields({kPeriod, kRatings, kWhatWorks, kSubmittedAt});
    PulseResponse value;
    value.period = reader.text(kPeriod).value_or(QString());
    if (const auto ratings = reader.object(kRatings)) {
        FieldReader ratingReader(*ratings, reader.path(kRatings));
        for (auto it = ratings->constBegin(); it != ratings->constEnd(); ++it) {
            if (!enumFromName<Discipline>(it.key()))
                ratingReader.addError(it.key(),
                                      u"is not one of the eight disciplines; "_s +
                                          FieldReader::oneOfRule(enumNameList<Discipline>()));
        }
        for (const auto &entry : EnumNames<Discipline>::entries) {
            if (const auto rating = ratingReader.wholeNumber(entry.name))
                value.ratings.insert(entry.value, *rating);
        }
        reader.addErrors(ratingReader.errors());
    }
    const std::optional<QString> whatWorks = reader.text(kWhatWorks);
    if (whatWorks && !whatWorks->trimmed().isEmpty())
        value.whatWorks = whatWorks;
    const bool hasTime = json.contains(kSubmittedAt) && !json.value(kSubmittedAt).isNull();
    value.submittedAt = hasTime ? reader.dateTime(kSubmittedAt).value_or(QDateTime()) : context.now;

    const FieldErrors errors = mergeFieldErrors(reader.errors(), value.validate(context));
    if (!errors.isEmpty())
        return Error::invalid(errors);
    return value;
}

QJsonObject PulseResponse::toJson() const
{
    QJsonObject json;
    json.insert(kPeriod, period);
    json.insert(kRatings, ratingsToJson(ratings));
    if (whatWorks)
        json.insert(kWhatWorks, *whatWorks);
    json.insert(kSubmittedAt, isoDateTime(submittedAt));
    return json;
}

FieldErrors PulseResponse::validate(const ValidationContext &context) const
{
    Rules rules;
    if (period.isEmpty())
        rules.fail(kPeriod, u"is required; must be a month such as 2026-11"_s);
    else if (!firstDayOfPeriod(period).isValid())
        rules.fail(kPeriod, u"must be a month such as 2026-11"_s);

    // One message for a survey left unanswered rather than eight.
    if (ratings.isEmpty()) {
        rules.fail(kRatings,
                   u"is required; rate each of the eight disciplines: "_s + kPulseRating.rule());
    } else {
        Rules ratingRules{QString(kRatings)};
        for (const auto &entry : EnumNames<Discipline>::entries) {
            const auto found = ratings.constFind(entry.value);
            ratingRules.requiredInScale(found == ratings.constEnd() ? std::nullopt
                                                                    : std::optional<int>(*found),
                                        entry.name, kPulseRating);
        }
        rules.addErrors(ratingRules.errors());
    }

    rules.optionalText(whatWorks, kWhatWorks, kNoteMax);
    rules.validDateTime(submittedAt, kSubmittedAt);
    rules.notInFuture(submittedAt, kSubmittedAt, context);
    return rules.errors();
}

QJsonObject PulseResponse::metrics() const
{
    QJsonObject json;
    json.insert(kPeriod, period);
    json.insert(kRatings, ratingsToJson(ratings));
    return json;
}

QString PulseResponse::summary() const
{
    if (ratings.isEmpty())
        return period;
    double sum = 0;
    for (const int rating : ratings)
        sum += rating;
    return u"%1 · average %2 of 5"_s.arg(period).arg(sum / ratings.size(), 0, 'f', 1);
}

} // namespace outward
