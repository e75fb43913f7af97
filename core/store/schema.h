#pragma once

#include "core/store/migration.h"

namespace outward {

// The profile database's schema, one step per version (docs/storage.md).
// Only what listing, sync and aggregation need is plaintext; everything a person wrote is inside
// the envelope BLOBs.
const QList<Migration> &profileSchema();

} // namespace outward
