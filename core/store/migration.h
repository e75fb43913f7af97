#pragma once

#include "core/store/schemamigration.h"

namespace outward {

// One step of the profile's schema (core/store/schema.cpp).
using Migration = SchemaStep;

// The profile's schema runner (schemamigration.h) with the profile's words: a failing step
// leaves the profile exactly as it was; a newer profile is ErrorCode::NewerVersion.
Status migrate(QSqlDatabase &db, const QList<Migration> &migrations);

Result<int> userVersion(QSqlDatabase &db);

// ErrorCode::NewerVersion when the database is newer than the last step. Reads only, so a
// profile from a newer Outward can be refused before anything (even journal mode) is changed.
Status refuseNewer(QSqlDatabase &db, const QList<Migration> &migrations);

} // namespace outward
