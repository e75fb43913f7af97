#include "core/store/schemamigration.h"

#include <QSqlQuery>

using namespace Qt::StringLiterals;

namespace outward {

namespace {

Status exec(QSqlDatabase &db, const QString &sql, const QString &doing, const SchemaOwner &owner)
{
    QSqlQuery query(db);
    if (!query.exec(sql))
        return owner.sqlError(query.lastError(), doing);
    return {};
}

Status applyStep(QSqlDatabase &db, const SchemaStep &step, const SchemaOwner &owner)
{
    const QString doing =
        u"upgrading %1 to schema %2 (%3)"_s.arg(owner.name).arg(step.version).arg(step.description);
    if (auto begun = exec(db, u"BEGIN IMMEDIATE"_s, doing, owner); !begun)
        return begun;
    // Another process may have applied this step while we waited for the write lock.
    auto current = schemaVersion(db, owner);
    if (current && *current >= step.version)
        return exec(db, u"COMMIT"_s, doing, owner);
    Status outcome;
    if (!current)
        outcome = current.error();
    for (const QString &statement : step.statements) {
        if (!outcome)
            break;
        outcome = exec(db, statement, doing, owner);
    }
    if (outcome && step.run)
        outcome = step.run(db);
    if (outcome)
        outcome = exec(db, u"PRAGMA user_version = %1"_s.arg(step.version), doing, owner);
    if (outcome)
        outcome = exec(db, u"COMMIT"_s, doing, owner);
    if (!outcome) {
        QSqlQuery rollback(db);
        rollback.exec(u"ROLLBACK"_s);
        return outcome.error().withContext(owner.undoneContext);
    }
    return {};
}

} // namespace

Result<int> schemaVersion(QSqlDatabase &db, const SchemaOwner &owner)
{
    QSqlQuery query(db);
    if (!query.exec(u"PRAGMA user_version"_s) || !query.next())
        return owner.sqlError(query.lastError(), u"reading %1's schema version"_s.arg(owner.name));
    return query.value(0).toInt();
}

Status refuseNewerSchema(QSqlDatabase &db, const QList<SchemaStep> &steps, const SchemaOwner &owner)
{
    auto current = schemaVersion(db, owner);
    if (!current)
        return current.error();
    const int latest = steps.isEmpty() ? 0 : steps.last().version;
    if (*current > latest)
        return owner.newer(*current, latest);
    return {};
}

Status migrateSchema(QSqlDatabase &db, const QList<SchemaStep> &steps, const SchemaOwner &owner)
{
    if (auto notNewer = refuseNewerSchema(db, steps, owner); !notNewer)
        return notNewer;
    auto current = schemaVersion(db, owner);
    if (!current)
        return current.error();
    for (const SchemaStep &step : steps) {
        if (step.version <= *current)
            continue;
        if (auto applied = applyStep(db, step, owner); !applied)
            return applied;
        if (owner.upgraded)
            owner.upgraded(step.version);
    }
    return {};
}

} // namespace outward
