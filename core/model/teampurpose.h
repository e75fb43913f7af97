#pragma once

#include "core/common/result.h"
#include "core/model/recordkind.h"
#include "core/model/rules.h"

#include <QDateTime>
#include <QJsonObject>

#include <optional>

namespace outward {

// The team's purpose as its lead writes it: why first, then how and what. Shown on every
// member's home screen and linkable from reflections.
struct TeamPurpose
{
    static constexpr RecordKind kKind = RecordKind::TeamPurpose;

    QString why;
    std::optional<QString> how;
    std::optional<QString> what;
    std::optional<QString> wouldMiss; // What would our customers miss if we were gone?
    QDateTime writtenAt;              // read as "now" when the JSON leaves it out

    static Result<TeamPurpose> fromJson(const QJsonObject &json, const ValidationContext &context);
    QJsonObject toJson() const;
    FieldErrors validate(const ValidationContext &context) const;

    // Empty: the server learns nothing about a team's purpose.
    QJsonObject metrics() const;
    QDateTime time() const { return writtenAt; }
    QString summary() const;
};

} // namespace outward
