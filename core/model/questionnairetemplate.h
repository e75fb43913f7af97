#pragma once

#include "core/common/result.h"
#include "core/model/recordkind.h"
#include "core/model/rules.h"
#include "core/model/scales.h"

#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QStringList>

#include <optional>

namespace outward {

// The questions a lead suggests for one section of the client brief.
struct TemplateSection
{
    std::optional<BriefSection> section;
    QStringList questions;
};

// A client-needs questionnaire written by a lead for the field-sales team.
struct QuestionnaireTemplate
{
    static constexpr RecordKind kKind = RecordKind::QuestionnaireTemplate;
    static constexpr int kMaxQuestions = 50; // per section

    QString title;
    QList<TemplateSection> sections; // each BriefSection at most once
    QDateTime writtenAt;             // read as "now" when the JSON leaves it out

    static Result<QuestionnaireTemplate> fromJson(const QJsonObject &json,
                                                  const ValidationContext &context);
    QJsonObject toJson() const;
    FieldErrors validate(const ValidationContext &context) const;

    // Empty: the server learns nothing about a template.
    QJsonObject metrics() const;
    QDateTime time() const { return writtenAt; }
    QString summary() const;
};

} // namespace outward
