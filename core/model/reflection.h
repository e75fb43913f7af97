#pragma once

#include "core/common/result.h"
#include "core/model/recordkind.h"
#include "core/model/rules.h"
#include "core/model/scales.h"

#include <QDateTime>
#include <QJsonObject>
#include <QUuid>

#include <optional>

namespace outward {

// An entry in the personal purpose journal. Private by default; the author may share one
// with their lead. The server learns nothing but its kind and timestamps.
struct Reflection
{
    static constexpr RecordKind kKind = RecordKind::Reflection;

    QDateTime writtenAt; // read as "now" when the JSON leaves it out
    std::optional<ReflectionPrompt> prompt;
    std::optional<QString> title;
    QString body;
    std::optional<QUuid> linkedPurposeId; // the team purpose this reflects on
    bool shareWithLead = false;

    static Result<Reflection> fromJson(const QJsonObject &json, const ValidationContext &context);
    QJsonObject toJson() const;
    FieldErrors validate(const ValidationContext &context) const;

    // Empty: the header already carries the kind and timestamps, and a journal shows nothing more.
    QJsonObject metrics() const;
    QDateTime time() const { return writtenAt; }
    QString summary() const;
};

} // namespace outward
