#pragma once

#include "core/common/result.h"

#include <QSqlDatabase>
#include <QStringList>

namespace outward::server {

// One schema step: from version - 1 to version. (core/store/migration.h does the same for the
// device, but its messages speak of "the profile" and it lives in outward_store, which the
// server must not link; this is the server's small copy of the idea.)
struct ServerMigration
{
    int version = 0;
    QString description;
    QStringList statements;
};

Result<int> serverUserVersion(QSqlDatabase &db);

// ErrorCode::NewerVersion when the database's user_version is above the last step. Reads only.
Status refuseNewerServerSchema(QSqlDatabase &db, const QList<ServerMigration> &steps);

// Applies every step above the current user_version, each in its own BEGIN IMMEDIATE
// transaction together with its PRAGMA user_version, so a failing step leaves the database as
// it was before that step.
Status migrateServerSchema(QSqlDatabase &db, const QList<ServerMigration> &steps);

} // namespace outward::server
