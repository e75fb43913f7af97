#pragma once

#include "core/model/recordkind.h"

namespace outward {

// Who besides its author may read a record (docs/protocol.md 13.1): nobody, the team's leads,
// or every member of the team.
enum class Audience
{
    Nobody,
    Leads,
    Members,
};

// The widest audience a kind may be shared with: what the server lets reader wraps be made for,
// and what the app shares a kind with when its content does not narrow it (shareWithLead,
// shareWithTeam). One table for both ends, so a new kind is decided once.
constexpr Audience widestAudience(RecordKind kind)
{
    switch (kind) {
    case RecordKind::Interaction:
    case RecordKind::Reflection:
    case RecordKind::Commitment:
    case RecordKind::CheckIn:
    case RecordKind::QuarterlyReview: // the Success Index is held with the lead
        return Audience::Leads;
    case RecordKind::ClientBrief:
    case RecordKind::TeamPurpose:
    case RecordKind::QuestionnaireTemplate:
        return Audience::Members;
    case RecordKind::PulseResponse: // aggregates only
        return Audience::Nobody;
    }
    return Audience::Nobody;
}

} // namespace outward
