#pragma once

#include "core/common/result.h"
#include "core/model/recordkind.h"
#include "core/model/rules.h"
#include "core/model/scales.h"

#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QUuid>

#include <optional>

namespace outward {

// One answer in a client brief, marked with how sure the author is of it.
struct BriefAnswer
{
    std::optional<BriefSection> section;
    std::optional<QString> question; // the template's or the author's own wording
    QString answer;
    std::optional<Certainty> certainty;
};

// A field salesperson's preparation for a client meeting: what the client needs, not the pitch.
struct ClientBrief
{
    static constexpr RecordKind kKind = RecordKind::ClientBrief;
    static constexpr int kMaxAnswers = 100;

    QString client;
    QDateTime preparedAt; // read as "now" when the JSON leaves it out
    std::optional<QDateTime> meetingAt;
    std::optional<QUuid> templateId;
    QList<BriefAnswer> answers;
    std::optional<QString> impactHypothesis; // how will the client be better off?
    bool shareWithLead = false;
    bool shareWithTeam = false; // with the author's field-sales team

    static Result<ClientBrief> fromJson(const QJsonObject &json, const ValidationContext &context);
    QJsonObject toJson() const;
    FieldErrors validate(const ValidationContext &context) const;

    // Counts only: the day, how many sections were answered and how sure the answers are.
    QJsonObject metrics() const;
    QDateTime time() const { return meetingAt ? *meetingAt : preparedAt; }
    QString summary() const;
};

} // namespace outward
