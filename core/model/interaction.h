#pragma once

#include "core/common/result.h"
#include "core/model/recordkind.h"
#include "core/model/rules.h"
#include "core/model/scales.h"

#include <QDateTime>
#include <QJsonObject>

#include <optional>

namespace outward {

// Scores the customer gave, on the standard scales; never mixed with the staff member's view.
struct CustomerScores
{
    std::optional<int> nps;  // kNps, 0-10
    std::optional<int> csat; // kCsat, 1-5
    std::optional<int> ces;  // kCes, 1-7

    bool isEmpty() const { return !nps && !csat && !ces; }
};

// One customer contact. Output (handle time), outcome (first-contact resolution, effort) and
// impact (emotion before and after, advocacy) are separate fields and never merged.
// Only channel and the customer's end emotion are required, so a quick log stays quick.
struct Interaction
{
    static constexpr RecordKind kKind = RecordKind::Interaction;

    QDateTime occurredAt; // read as "now" when the JSON leaves it out
    std::optional<Channel> channel;
    std::optional<Emotion> startEmotion;
    std::optional<Emotion> endEmotion;
    std::optional<int> handleTimeSeconds; // kHandleTimeSeconds
    FirstContactResolution firstContactResolution = FirstContactResolution::Unknown;
    std::optional<int> perceivedEffort; // kPerceivedEffort: the staff member's view, 1-7
    std::optional<Advocacy> advocacy;
    CustomerScores customerReported;
    std::optional<QString> note;
    bool shareWithLead = false;

    static Result<Interaction> fromJson(const QJsonObject &json, const ValidationContext &context);
    QJsonObject toJson() const;
    FieldErrors validate(const ValidationContext &context) const;

    // What the server may see in plaintext to aggregate: no free text, only the day.
    QJsonObject metrics() const;
    QDateTime time() const { return occurredAt; }
    // One line for lists on the user's own device (it may quote the note).
    QString summary() const;
};

} // namespace outward
