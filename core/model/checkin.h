#pragma once

#include "core/common/result.h"
#include "core/model/recordkind.h"
#include "core/model/rules.h"
#include "core/model/scales.h"

#include <QDate>
#include <QDateTime>
#include <QJsonObject>
#include <QUuid>

#include <optional>

namespace outward {

// A progress update on one commitment between quarterly reviews.
struct CheckIn
{
    static constexpr RecordKind kKind = RecordKind::CheckIn;

    std::optional<QUuid> commitmentId;
    QDate date;                  // read as today when the JSON leaves it out
    std::optional<int> progress; // kProgress, percent
    std::optional<CheckInStatus> status;
    std::optional<QString> note;

    static Result<CheckIn> fromJson(const QJsonObject &json, const ValidationContext &context);
    QJsonObject toJson() const;
    FieldErrors validate(const ValidationContext &context) const;

    // Progress and status only; which commitment it belongs to stays in the payload.
    QJsonObject metrics() const;
    QDateTime time() const;
    QString summary() const;
};

} // namespace outward
