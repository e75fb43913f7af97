#include "core/model/interaction.h"

#include "core/model/fieldreader.h"

#include <QStringList>

using namespace Qt::StringLiterals;

namespace outward {

namespace {
constexpr auto kOccurredAt = "occurredAt"_L1;
constexpr auto kChannel = "channel"_L1;
constexpr auto kStartEmotion = "startEmotion"_L1;
constexpr auto kEndEmotion = "endEmotion"_L1;
constexpr auto kHandleTime = "handleTimeSeconds"_L1;
constexpr auto kFcr = "firstContactResolution"_L1;
constexpr auto kPerceivedEffortKey = "perceivedEffort"_L1;
constexpr auto kAdvocacy = "advocacy"_L1;
constexpr auto kCustomerReported = "customerReported"_L1;
constexpr auto kNote = "note"_L1;
constexpr auto kShareWithLead = "shareWithLead"_L1;
constexpr auto kNpsKey = "nps"_L1;
constexpr auto kCsatKey = "csat"_L1;
constexpr auto kCesKey = "ces"_L1;

QJsonObject scoresToJson(const CustomerScores &scores)
{
    QJsonObject json;
    if (scores.nps)
        json.insert(kNpsKey, *scores.nps);
    if (scores.csat)
        json.insert(kCsatKey, *scores.csat);
    if (scores.ces)
        json.insert(kCesKey, *scores.ces);
    return json;
}

template<typename E>
void insertEnum(QJsonObject &json, QLatin1StringView key, const std::optional<E> &value)
{
    if (value)
        json.insert(key, enumName(*value));
}
} // namespace

Result<Interaction> Interaction::fromJson(const QJsonObject &json, const ValidationContext &context)
{
    FieldReader reader(json);
    reader.rejectUnknownFields({kOccurredAt, kChannel, kStartEmotion, kEndEmotion, kHandleTime,
                                kFcr, kPerceivedEffortKey, kAdvocacy, kCustomerReported, kNote,
                                kShareWithLead});
    Interaction value;
    const bool hasTime = json.contains(kOccurredAt) && !json.value(kOccurredAt).isNull();
    value.occurredAt = hasTime ? reader.dateTime(kOccurredAt).value_or(QDateTime()) : context.now;
    value.channel = reader.enumeration<Channel>(kChannel);
    value.startEmotion = reader.enumeration<Emotion>(kStartEmotion);
    value.endEmotion = reader.enumeration<Emotion>(kEndEmotion);
    value.handleTimeSeconds = reader.wholeNumber(kHandleTime);
    value.firstContactResolution =
        reader.enumeration<FirstContactResolution>(kFcr).value_or(FirstContactResolution::Unknown);
    value.perceivedEffort = reader.wholeNumber(kPerceivedEffortKey);
    value.advocacy = reader.enumeration<Advocacy>(kAdvocacy);
    if (const auto scores = reader.object(kCustomerReported)) {
        FieldReader scoreReader(*scores, reader.path(kCustomerReported));
        scoreReader.rejectUnknownFields({kNpsKey, kCsatKey, kCesKey});
        value.customerReported.nps = scoreReader.wholeNumber(kNpsKey);
        value.customerReported.csat = scoreReader.wholeNumber(kCsatKey);
        value.customerReported.ces = scoreReader.wholeNumber(kCesKey);
        reader.addErrors(scoreReader.errors());
    }
    value.note = reader.text(kNote);
    if (value.note && value.note->trimmed().isEmpty())
        value.note.reset();
    value.shareWithLead = reader.boolean(kShareWithLead).value_or(false);

    const FieldErrors errors = mergeFieldErrors(reader.errors(), value.validate(context));
    if (!errors.isEmpty())
        return Error::invalid(errors);
    return value;
}

QJsonObject Interaction::toJson() const
{
    QJsonObject json;
    json.insert(kOccurredAt, isoDateTime(occurredAt));
    insertEnum(json, kChannel, channel);
    insertEnum(json, kStartEmotion, startEmotion);
    insertEnum(json, kEndEmotion, endEmotion);
    if (handleTimeSeconds)
        json.insert(kHandleTime, *handleTimeSeconds);
    json.insert(kFcr, enumName(firstContactResolution));
    if (perceivedEffort)
        json.insert(kPerceivedEffortKey, *perceivedEffort);
    insertEnum(json, kAdvocacy, advocacy);
    if (!customerReported.isEmpty())
        json.insert(kCustomerReported, scoresToJson(customerReported));
    if (note)
        json.insert(kNote, *note);
    json.insert(kShareWithLead, shareWithLead);
    return json;
}

FieldErrors Interaction::validate(const ValidationContext &context) const
{
    Rules rules;
    rules.validDateTime(occurredAt, kOccurredAt);
    rules.notInFuture(occurredAt, kOccurredAt, context);
    if (!channel)
        rules.fail(kChannel, u"is required; "_s + FieldReader::oneOfRule(enumNameList<Channel>()));
    if (!endEmotion)
        rules.fail(kEndEmotion,
                   u"is required; "_s + FieldReader::oneOfRule(enumNameList<Emotion>()));
    rules.inScale(handleTimeSeconds, kHandleTime, kHandleTimeSeconds);
    rules.inScale(perceivedEffort, kPerceivedEffortKey, kPerceivedEffort);
    Rules scoreRules{QString(kCustomerReported)};
    scoreRules.inScale(customerReported.nps, kNpsKey, kNps);
    scoreRules.inScale(customerReported.csat, kCsatKey, kCsat);
    scoreRules.inScale(customerReported.ces, kCesKey, kCes);
    rules.addErrors(scoreRules.errors());
    rules.optionalText(note, kNote, kNoteMax);
    return rules.errors();
}

QJsonObject Interaction::metrics() const
{
    QJsonObject json;
    json.insert("day"_L1, isoDate(occurredAt.date()));
    insertEnum(json, kChannel, channel);
    insertEnum(json, kStartEmotion, startEmotion);
    insertEnum(json, kEndEmotion, endEmotion);
    if (handleTimeSeconds)
        json.insert(kHandleTime, *handleTimeSeconds);
    json.insert(kFcr, enumName(firstContactResolution));
    if (perceivedEffort)
        json.insert(kPerceivedEffortKey, *perceivedEffort);
    insertEnum(json, kAdvocacy, advocacy);
    if (!customerReported.isEmpty())
        json.insert(kCustomerReported, scoresToJson(customerReported));
    return json;
}

QString Interaction::summary() const
{
    QStringList parts;
    if (channel)
        parts << enumName(*channel);
    if (endEmotion)
        parts << enumName(*endEmotion);
    if (handleTimeSeconds)
        parts << u"%1:%2"_s.arg(*handleTimeSeconds / 60)
                     .arg(*handleTimeSeconds % 60, 2, 10, QLatin1Char('0'));
    if (firstContactResolution == FirstContactResolution::Yes)
        parts << u"resolved"_s;
    if (note)
        parts << note->simplified().left(40);
    return parts.join(u" · "_s);
}

} // namespace outward
