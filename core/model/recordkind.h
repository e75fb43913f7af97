#pragma once

#include "core/model/enumnames.h"

namespace outward {

// Every kind of record Outward stores. The names are part of the envelope header and the wire
// protocol: never rename one.
enum class RecordKind
{
    Interaction,
    Reflection,
    ClientBrief,
    Commitment,
    CheckIn,
    QuarterlyReview,
    TeamPurpose,
    QuestionnaireTemplate,
    PulseResponse,
};

template<>
struct EnumNames<RecordKind>
{
    static constexpr std::array<EnumEntry<RecordKind>, 9> entries{{
        {RecordKind::Interaction, QLatin1StringView("interaction")},
        {RecordKind::Reflection, QLatin1StringView("reflection")},
        {RecordKind::ClientBrief, QLatin1StringView("clientBrief")},
        {RecordKind::Commitment, QLatin1StringView("commitment")},
        {RecordKind::CheckIn, QLatin1StringView("checkIn")},
        {RecordKind::QuarterlyReview, QLatin1StringView("quarterlyReview")},
        {RecordKind::TeamPurpose, QLatin1StringView("teamPurpose")},
        {RecordKind::QuestionnaireTemplate, QLatin1StringView("questionnaireTemplate")},
        {RecordKind::PulseResponse, QLatin1StringView("pulseResponse")},
    }};
};

} // namespace outward
