#pragma once

#include "core/common/result.h"

#include <QSqlDatabase>
#include <QStringList>

#include <functional>

namespace outward {

// One step of the schema: it takes the database from version - 1 to version. A step is usually
// SQL statements; `run` is for steps that need code (and lets tests inject a failing step).
struct Migration
{
    int version = 0;
    QString description;
    QStringList statements;
    std::function<Status(QSqlDatabase &)> run;
};

// Brings the database to the last step's version, each step in its own transaction together
// with its PRAGMA user_version, so a failing step leaves the database exactly as it was.
// A database newer than the last step is refused with ErrorCode::NewerVersion.
Status migrate(QSqlDatabase &db, const QList<Migration> &migrations);

Result<int> userVersion(QSqlDatabase &db);

// ErrorCode::NewerVersion when the database is newer than the last step. Reads only, so a
// profile from a newer Outward can be refused before anything (even journal mode) is changed.
Status refuseNewer(QSqlDatabase &db, const QList<Migration> &migrations);

} // namespace outward
