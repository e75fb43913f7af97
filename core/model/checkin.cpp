#include "core/model/checkin.h"

#include "core/model/fieldreader.h"

#include <QStringList>

using namespace Qt::StringLiterals;

namespace outward {

namespace {
constexpr auto kCommitmentId = "commitmentId"_L1;
constexpr auto kDate = "date"_L1;
constexpr auto kProgressKey = "progress"_L1;
constexpr auto kStatus = "status"_L1;
constexpr auto kNote = "note"_L1;
} // namespace

Result<CheckIn> CheckIn::fromJson(const QJsonObject &json, const ValidationContext &context)
{
    FieldReader reader(json);
    reader.rejectUnknownFields({kCommitmentId, kDate, kProgressKey, kStatus, kNote});
    CheckIn value;
    value.commitmentId = reader.uuid(kCommitmentId);
    const bool hasDate = json.contains(kDate) && !json.value(kDate).isNull();
    value.date = hasDate ? reader.date(kDate).value_or(QDate()) : context.now.date();
    value.progress = reader.wholeNumber(kProgressKey);
    value.status = reader.enumeration<CheckInStatus>(kStatus);
    value.note = reader.text(kNote);
    if (value.note && value.note->trimmed().isEmpty())
        value.note.reset();

    const FieldErrors errors = mergeFieldErrors(reader.errors(), value.validate(context));
    if (!errors.isEmpty())
        return Error::invalid(errors);
    return value;
}

QJsonObject CheckIn::toJson() const
{
    QJsonObject json;
    if (commitmentId)
        json.insert(kCommitmentId, commitmentId->toString(QUuid::WithoutBraces));
    json.insert(kDate, isoDate(date));
    if (progress)
        json.insert(kProgressKey, *progress);
    if (status)
        json.insert(kStatus, enumName(*status));
    if (note)
        json.insert(kNote, *note);
    return json;
}

FieldErrors CheckIn::validate(const ValidationContext &context) const
{
    Rules rules;
    if (!commitmentId || commitmentId->isNull())
        rules.fail(kCommitmentId,
                   u"is required; the id of the commitment this check-in is about"_s);
    if (!date.isValid())
        rules.fail(kDate, u"is required; a date as YYYY-MM-DD"_s);
    // A day of slack for time zones ahead of the device's clock; later is a typo.
    else if (context.now.isValid() && date > context.now.date().addDays(1))
        rules.fail(kDate, u"must not be more than a day in the future"_s);
    rules.requiredInScale(progress, kProgressKey, kProgress);
    if (!status)
        rules.fail(kStatus,
                   u"is required; "_s + FieldReader::oneOfRule(enumNameList<CheckInStatus>()));
    rules.optionalText(note, kNote, kNoteMax);
    return rules.errors();
}

QJsonObject CheckIn::metrics() const
{
    QJsonObject json;
    if (progress)
        json.insert(kProgressKey, *progress);
    if (status)
        json.insert(kStatus, enumName(*status));
    return json;
}

QDateTime CheckIn::time() const
{
    // The start of that day where the device is, so listing by local days finds it there.
    return date.startOfDay();
}

QString CheckIn::summary() const
{
    QStringList parts{isoDate(date)};
    if (progress)
        parts << u"%1%"_s.arg(*progress);
    if (status)
        parts << enumName(*status);
    if (note)
        parts << note->simplified().left(40);
    return parts.join(u" · "_s);
}

} // namespace outward
