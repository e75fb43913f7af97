#pragma once

#include "core/common/result.h"
#include "core/model/recordkind.h"
#include "core/model/rules.h"
#include "core/model/scales.h"

#include <QDate>
#include <QDateTime>
#include <QJsonObject>
#include <QMap>

#include <optional>

namespace outward {

// One person's answer to the recurring pulse survey on the 8 disciplines of customer
// centricity. Reported only in aggregate.
struct PulseResponse
{
    static constexpr RecordKind kKind = RecordKind::PulseResponse;

    QString period;                // the month surveyed, "2026-11"
    QMap<Discipline, int> ratings; // kPulseRating, every discipline required
    std::optional<QString> whatWorks;
    QDateTime submittedAt; // read as "now" when the JSON leaves it out

    // The first day of a month written as "YYYY-MM"; invalid for anything else.
    static QDate firstDayOfPeriod(QStringView period);

    static Result<PulseResponse> fromJson(const QJsonObject &json,
                                          const ValidationContext &context);
    QJsonObject toJson() const;
    FieldErrors validate(const ValidationContext &context) const;

    // The period and the ratings, for aggregation; never "what works".
    QJsonObject metrics() const;
    QDateTime time() const { return submittedAt; }
    QString summary() const;
};

} // namespace outward
