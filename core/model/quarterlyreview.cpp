#include "core/model/quarterlyreview.h"

#include "core/model/fieldreader.h"

#include <QStringList>

#include <cmath>

using namespace Qt::StringLiterals;

namespace outward {

namespace {
constexpr auto kQuarter = "quarter"_L1;
constexpr auto kCommitments = "commitments"_L1;
constexpr auto kNotes = "notes"_L1;
constexpr auto kSignedByPersonAt = "signedByPersonAt"_L1;
constexpr auto kSignedByLeadAt = "signedByLeadAt"_L1;
constexpr auto kLeadId = "leadId"_L1;
constexpr auto kCommitmentId = "commitmentId"_L1;
constexpr auto kType = "type"_L1;
constexpr auto kAchievement = "achievement"_L1;
constexpr auto kComment = "comment"_L1;

std::optional<QString> withoutBlank(std::optional<QString> text)
{
    if (text && text->trimmed().isEmpty())
        return std::nullopt;
    return text;
}

QString itemPath(qsizetype index)
{
    return u"%1[%2]"_s.arg(kCommitments).arg(index);
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

ReviewItem readItem(const QJsonObject &json, const QString &prefix, FieldReader &parent)
{
    FieldReader reader(json, prefix);
    reader.rejectUnknownFields({kCommitmentId, kType, kAchievement, kComment});
    ReviewItem item;
    item.commitmentId = reader.uuid(kCommitmentId);
    item.type = reader.enumeration<CommitmentType>(kType);
    item.achievement = reader.wholeNumber(kAchievement);
    item.comment = withoutBlank(reader.text(kComment));
    parent.addErrors(reader.errors());
    return item;
}

QJsonObject itemToJson(const ReviewItem &item)
{
    QJsonObject json;
    if (item.commitmentId)
        json.insert(kCommitmentId, item.commitmentId->toString(QUuid::WithoutBraces));
    if (item.type)
        json.insert(kType, enumName(*item.type));
    if (item.achievement)
        json.insert(kAchievement, *item.achievement);
    if (item.comment)
        json.insert(kComment, *item.comment);
    return json;
}

void checkSignature(Rules &rules, const std::optional<QDateTime> &signedAt, QLatin1StringView key,
                    const ValidationContext &context)
{
    if (signedAt && !signedAt->isValid())
        rules.fail(key, u"must be a valid ISO 8601 date and time with a time zone"_s);
    rules.notInFuture(signedAt, key, context);
}
} // namespace

QDate QuarterlyReview::firstDayOfQuarter(QStringView quarter)
{
    if (quarter.size() != 7 || quarter.mid(4, 2) != QStringView(u"-Q"))
        return {};
    for (QChar c : quarter.left(4))
        if (c < u'0' || c > u'9')
            return {};
    const QChar number = quarter.at(6);
    if (number < u'1' || number > u'4')
        return {};
    const int year = quarter.left(4).toInt();
    const int firstMonth = (number.unicode() - u'1') * 3 + 1;
    return QDate(year, firstMonth, 1);
}

Result<QuarterlyReview> QuarterlyReview::fromJson(const QJsonObject &json,
                                                  const ValidationContext &context)
{
    FieldReader reader(json);
    reader.rejectUnknownFields(
        {kQuarter, kCommitments, kNotes, kSignedByPersonAt, kSignedByLeadAt, kLeadId});
    QuarterlyReview value;
    value.quarter = reader.text(kQuarter).value_or(QString());
    if (const auto items = reader.array(kCommitments)) {
        for (qsizetype i = 0; i < items->size(); ++i) {
            const QJsonValue item = items->at(i);
            if (!item.isObject())
                reader.addError(itemPath(i), u"must be an object"_s);
            // A placeholder keeps the indices of later items equal to their JSON positions.
            value.commitments.append(
                item.isObject() ? readItem(item.toObject(), reader.path(itemPath(i)), reader)
                                : ReviewItem());
        }
    }
    value.notes = withoutBlank(reader.text(kNotes));
    value.signedByPersonAt = reader.dateTime(kSignedByPersonAt);
    value.signedByLeadAt = reader.dateTime(kSignedByLeadAt);
    value.leadId = withoutBlank(reader.text(kLeadId));

    const FieldErrors errors = mergeFieldErrors(
        reader.errors(), withoutErrorsInside(value.validate(context), reader.errors()));
    if (!errors.isEmpty())
        return Error::invalid(errors);
    return value;
}

QJsonObject QuarterlyReview::toJson() const
{
    QJsonObject json;
    json.insert(kQuarter, quarter);
    QJsonArray items;
    for (const ReviewItem &item : commitments)
        items.append(itemToJson(item));
    json.insert(kCommitments, items);
    if (notes)
        json.insert(kNotes, *notes);
    if (signedByPersonAt)
        json.insert(kSignedByPersonAt, isoDateTime(*signedByPersonAt));
    if (signedByLeadAt)
        json.insert(kSignedByLeadAt, isoDateTime(*signedByLeadAt));
    if (leadId)
        json.insert(kLeadId, *leadId);
    return json;
}

FieldErrors QuarterlyReview::validate(const ValidationContext &context) const
{
    Rules rules;
    if (quarter.isEmpty())
        rules.fail(kQuarter, u"is required; must be a quarter such as 2026-Q4"_s);
    else if (!firstDayOfQuarter(quarter).isValid())
        rules.fail(kQuarter, u"must be a quarter such as 2026-Q4"_s);

    if (commitments.isEmpty())
        rules.fail(kCommitments, u"must list at least one commitment"_s);
    else if (commitments.size() > kMaxCommitments)
        rules.fail(kCommitments, u"must list at most %1 commitments"_s.arg(kMaxCommitments));
    for (qsizetype i = 0; i < commitments.size(); ++i) {
        const ReviewItem &item = commitments.at(i);
        Rules itemRules{itemPath(i)};
        if (!item.commitmentId || item.commitmentId->isNull())
            itemRules.fail(kCommitmentId, u"is required; the id of the commitment reviewed"_s);
        else {
            // Reviewing one commitment twice would count it twice in the index.
            for (qsizetype j = 0; j < i; ++j) {
                if (commitments.at(j).commitmentId == item.commitmentId) {
                    itemRules.fail(kCommitmentId, u"appears more than once"_s);
                    break;
                }
            }
        }
        if (!item.type)
            itemRules.fail(kType, u"is required; "_s +
                                      FieldReader::oneOfRule(enumNameList<CommitmentType>()));
        itemRules.requiredInScale(item.achievement, kAchievement, kProgress);
        itemRules.optionalText(item.comment, kComment, kNoteMax);
        rules.addErrors(itemRules.errors());
    }

    rules.optionalText(notes, kNotes, kNoteMax);
    checkSignature(rules, signedByPersonAt, kSignedByPersonAt, context);
    checkSignature(rules, signedByLeadAt, kSignedByLeadAt, context);
    rules.optionalText(leadId, kLeadId, kShortTextMax);
    return rules.errors();
}

QString QuarterlyReview::status() const
{
    if (signedByPersonAt && signedByLeadAt)
        return u"signed"_s;
    if (signedByPersonAt)
        return u"signedByPerson"_s;
    if (signedByLeadAt)
        return u"signedByLead"_s;
    return u"draft"_s;
}

SuccessIndex QuarterlyReview::successIndex() const
{
    QList<std::pair<CommitmentType, int>> achievements;
    for (const ReviewItem &item : commitments)
        if (item.type && item.achievement)
            achievements.append({*item.type, *item.achievement});
    return computeSuccessIndex(achievements);
}

QJsonObject QuarterlyReview::metrics() const
{
    QJsonObject json;
    json.insert(kQuarter, quarter);
    json.insert("status"_L1, status());
    if (const auto overall = successIndex().overall)
        json.insert("progress"_L1, static_cast<int>(std::lround(*overall)));
    json.insert(kCommitments, static_cast<int>(commitments.size()));
    return json;
}

QDateTime QuarterlyReview::time() const
{
    // The start of that day where the device is, so listing by local days finds it there.
    return firstDayOfQuarter(quarter).startOfDay();
}

QString QuarterlyReview::summary() const
{
    QStringList parts{quarter, status()};
    if (const auto overall = successIndex().overall)
        parts << u"%1%"_s.arg(std::lround(*overall));
    return parts.join(u" · "_s);
}

} // namespace outward
