#pragma once

#include "core/common/result.h"

#include <QSqlDatabase>
#include <QSqlError>
#include <QStringList>

#include <functional>

namespace outward {

// One step of a SQLite schema: it takes the database from version - 1 to version. A step is
// usually SQL statements; `run` is for steps that need code (and lets tests inject a failing step).
struct SchemaStep
{
    int version = 0;
    QString description;
    QStringList statements;
    std::function<Status(QSqlDatabase &)> run;
};

// Whose database it is, for the words of errors and logs: the profile on a device and the
// server's database share the mechanism but not the advice.
struct SchemaOwner
{
    QString name;          // "the profile": "upgrading the profile to schema 2 (...)"
    QString undoneContext; // added to a failed step's error: what it left behind
    std::function<Error(const QSqlError &, const QString &doing)> sqlError;
    std::function<Error(int current, int latest)> newer; // a database from a newer program
    std::function<void(int version)> upgraded;           // logs one applied step
};

Result<int> schemaVersion(QSqlDatabase &db, const SchemaOwner &owner);

// ErrorCode::NewerVersion (owner.newer) when the database is newer than the last step. Reads
// only, so a newer database can be refused before anything (even journal mode) is changed.
Status refuseNewerSchema(QSqlDatabase &db, const QList<SchemaStep> &steps,
                         const SchemaOwner &owner);

// Brings the database to the last step's version, each step in its own BEGIN IMMEDIATE
// transaction together with its PRAGMA user_version, so a failing step leaves the database as
// it was before that step. A step another process applied meanwhile is skipped.
Status migrateSchema(QSqlDatabase &db, const QList<SchemaStep> &steps, const SchemaOwner &owner);

} // namespace outward
