#pragma once

#include "core/common/result.h"
#include "core/model/recordkind.h"
#include "core/model/rules.h"
#include "core/model/scales.h"

#include <QDate>
#include <QDateTime>
#include <QJsonObject>

#include <optional>

namespace outward {

// One of a person's Success Index commitments over the next 3 or 6 months, typed as output,
// outcome or impact so the index can weigh the three apart.
struct Commitment
{
    static constexpr RecordKind kKind = RecordKind::Commitment;

    QString title;
    std::optional<QString> description;
    std::optional<CommitmentType> type;
    std::optional<int> horizonMonths; // 3 or 6
    QDate startDate;                  // read as today when the JSON leaves it out
    CommitmentStatus status = CommitmentStatus::Active;
    int progress = 0;               // kProgress, percent
    std::optional<QString> measure; // how the person will know it is done

    static bool isValidHorizon(int months) { return months == 3 || months == 6; }

    static Result<Commitment> fromJson(const QJsonObject &json, const ValidationContext &context);
    QJsonObject toJson() const;
    FieldErrors validate(const ValidationContext &context) const;

    // Invalid while the horizon is unset.
    QDate dueDate() const;

    // Type, status, progress and horizon: what the team's aggregate needs, never the wording.
    QJsonObject metrics() const;
    QDateTime time() const;
    QString summary() const;
};

} // namespace outward
