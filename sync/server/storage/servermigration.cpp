#include "sync/server/storage/servermigration.h"

#include "sync/server/storage/storageerror.h"

#include <QSqlQuery>

using namespace Qt::StringLiterals;

namespace outward::server {

namespace {

Status exec(QSqlDatabase &db, const QString &sql, const QString &doing)
{
    QSqlQuery query(db);
    if (!query.exec(sql))
        return storageError(query.lastError(), doing);
    return {};
}

Status applyStep(QSqlDatabase &db, const ServerMigration &step)
{
    const QString doing = u"upgrading the server database to schema %1 (%2)"_s.arg(step.version)
                              .arg(step.description);
    if (auto begun = exec(db, u"BEGIN IMMEDIATE"_s, doing); !begun)
        return begun;
    // Another process may have applied this step while we waited for the write lock.
    auto current = serverUserVersion(db);
    if (current && *current >= step.version)
        return exec(db, u"COMMIT"_s, doing);
    Status outcome;
    if (!current)
        outcome = current.error();
    for (const QString &statement : step.statements) {
        if (!outcome)
            break;
        outcome = exec(db, statement, doing);
    }
    if (outcome)
        outcome = exec(db, u"PRAGMA user_version = %1"_s.arg(step.version), doing);
    if (outcome)
        outcome = exec(db, u"COMMIT"_s, doing);
    if (!outcome) {
        QSqlQuery rollback(db);
        rollback.exec(u"ROLLBACK"_s);
        return outcome.error().withContext(u"the upgrade was undone"_s);
    }
    return {};
}

} // namespace

Result<int> serverUserVersion(QSqlDatabase &db)
{
    QSqlQuery query(db);
    if (!query.exec(u"PRAGMA user_version"_s) || !query.next())
        return storageError(query.lastError(), u"reading the server database's schema version"_s);
    return query.value(0).toInt();
}

Status refuseNewerServerSchema(QSqlDatabase &db, const QList<ServerMigration> &steps)
{
    auto current = serverUserVersion(db);
    if (!current)
        return current.error();
    const int latest = steps.isEmpty() ? 0 : steps.last().version;
    if (*current > latest)
        return Error(ErrorCode::NewerVersion,
                     u"the server database was written by a newer outward-server (schema %1; "
                     u"this version knows up to %2). Run the newer outward-server, or restore "
                     u"a backup made by this version"_s.arg(*current)
                         .arg(latest));
    return {};
}

Status migrateServerSchema(QSqlDatabase &db, const QList<ServerMigration> &steps)
{
    if (auto notNewer = refuseNewerServerSchema(db, steps); !notNewer)
        return notNewer;
    auto current = serverUserVersion(db);
    if (!current)
        return current.error();
    for (const ServerMigration &step : steps) {
        if (step.version <= *current)
            continue;
        if (auto applied = applyStep(db, step); !applied)
            return applied;
        qCInfo(lcServerStorage) << "server database schema upgraded to" << step.version;
    }
    return {};
}

} // namespace outward::server
