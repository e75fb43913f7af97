#pragma once

#include "core/store/schemamigration.h"

namespace outward::server {

// One step of the server's schema (sqliteschema.cpp): from version - 1 to version.
using ServerMigration = SchemaStep;

Result<int> serverUserVersion(QSqlDatabase &db);

// ErrorCode::NewerVersion when the database's user_version is above the last step. Reads only.
Status refuseNewerServerSchema(QSqlDatabase &db, const QList<ServerMigration> &steps);

// The shared schema runner (core/store/schemamigration.h) with the server's words: each step in
// its own BEGIN IMMEDIATE transaction with its PRAGMA user_version.
Status migrateServerSchema(QSqlDatabase &db, const QList<ServerMigration> &steps);

} // namespace outward::server
