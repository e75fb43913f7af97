#pragma once

#include "core/model/checkin.h"
#include "core/model/clientbrief.h"
#include "core/model/commitment.h"
#include "core/model/interaction.h"
#include "core/model/pulseresponse.h"
#include "core/model/quarterlyreview.h"
#include "core/model/questionnairetemplate.h"
#include "core/model/reflection.h"
#include "core/model/teampurpose.h"

#include <variant>

namespace outward {

// Any record's content. The alternatives are in RecordKind order (checked in record.cpp).
using RecordPayload =
    std::variant<Interaction, Reflection, ClientBrief, Commitment, CheckIn, QuarterlyReview,
                 TeamPurpose, QuestionnaireTemplate, PulseResponse>;

RecordKind kindOf(const RecordPayload &payload);

// Parses and validates JSON as the given kind; the error lists every broken rule by field.
Result<RecordPayload> parsePayload(RecordKind kind, const QJsonObject &json,
                                   const ValidationContext &context);

QJsonObject payloadToJson(const RecordPayload &payload);
FieldErrors validatePayload(const RecordPayload &payload, const ValidationContext &context);
QJsonObject payloadMetrics(const RecordPayload &payload);
QDateTime payloadTime(const RecordPayload &payload);
QString payloadSummary(const RecordPayload &payload);

// JSON Merge Patch (RFC 7386): members of patch replace those of target, null removes one.
QJsonObject mergePatch(const QJsonObject &target, const QJsonObject &patch);

} // namespace outward
