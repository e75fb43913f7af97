#pragma once

#include "core/common/error.h"

#include <QCoreApplication>
#include <QVariantMap>

namespace outward {

class RecordService;

// What the forms and models in this module share about reaching records and reporting failures.
namespace forms {

// The unlocked profile's records, or null with `error` saying what to do.
RecordService *unlockedRecords(QString *error);

// {"customerReported.nps": "must be a whole number from 0 to 10 (NPS)"}: one rule per field.
QVariantMap fieldErrorMap(const Error &error);

// Tells models and counts that records changed, when there is a session to tell.
void notifyRecordsChanged();

// The sync layer's messages are clauses ("the invite code was already used; ask ..."); on a
// screen they stand alone, so they start with a capital and end with a full stop.
QString asSentence(QString text);

} // namespace forms
} // namespace outward
