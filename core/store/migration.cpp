#include "core/store/migration.h"

#include "core/store/sqlerror.h"

#include <QSqlQuery>

using namespace Qt::StringLiterals;

namespace outward {

namespace {

Status exec(QSqlDatabase &db, const QString &sql, const QString &doing)
{
    QSqlQuery query(db);
    if (!query.exec(sql))
        return sqlError(query.lastError(), doing);
    return {};
}

Status applyStep(QSqlDatabase &db, const Migration &step)
{
    const QString doing =
        u"upgrading the profile to schema %1 (%2)"_s.arg(step.version).arg(step.description);
    if (auto begun = exec(db, u"BEGIN IMMEDIATE"_s, doing); !begun)
        return begun;
    Status outcome;
    for (const QString &statement : step.statements) {
        outcome = exec(db, statement, doing);
        if (!outcome)
            break;
    }
    if (outcome && step.run)
        outcome = step.run(db);
    if (outcome)
        outcome = exec(db, u"PRAGMA user_version = %1"_s.arg(step.version), doing);
    if (outcome)
        outcome = exec(db, u"COMMIT"_s, doing);
    if (!outcome) {
        QSqlQuery rollback(db);
        rollback.exec(u"ROLLBACK"_s);
        return outcome.error().withContext(
            u"the upgrade was undone and the profile is unchanged"_s);
    }
    return {};
}

} // namespace

Result<int> userVersion(QSqlDatabase &db)
{
    QSqlQuery query(db);
    if (!query.exec(u"PRAGMA user_version"_s) || !query.next())
        return sqlError(query.lastError(), u"reading the profile's schema version"_s);
    return query.value(0).toInt();
}

Status refuseNewer(QSqlDatabase &db, const QList<Migration> &migrations)
{
    auto current = userVersion(db);
    if (!current)
        return current.error();
    const int latest = migrations.isEmpty() ? 0 : migrations.last().version;
    if (*current > latest)
        return Error(ErrorCode::NewerVersion,
                     u"this profile was written by a newer version of Outward (schema %1; this "
                     u"version knows up to %2). Update Outward to open it"_s.arg(*current)
                         .arg(latest));
    return {};
}

Status migrate(QSqlDatabase &db, const QList<Migration> &migrations)
{
    if (auto notNewer = refuseNewer(db, migrations); !notNewer)
        return notNewer;
    auto current = userVersion(db);
    if (!current)
        return current.error();
    for (const Migration &step : migrations) {
        if (step.version <= *current)
            continue;
        if (auto applied = applyStep(db, step); !applied)
            return applied;
        qCInfo(lcStore) << "profile schema upgraded to" << step.version;
    }
    return {};
}

} // namespace outward
