#include "core/store/migration.h"

#include "core/store/sqlerror.h"

using namespace Qt::StringLiterals;

namespace outward {

namespace {

const SchemaOwner &profileOwner()
{
    static const SchemaOwner owner{
        u"the profile"_s, u"the upgrade was undone and the profile is unchanged"_s, &sqlError,
        [](int current, int latest) {
            return Error(ErrorCode::NewerVersion,
                         u"this profile was written by a newer version of Outward (schema %1; "
                         u"this version knows up to %2). Update Outward to open it"_s.arg(current)
                             .arg(latest));
        },
        [](int version) {
            qCInfo(lcStore) << "profile schema upgraded to" << version;
        }};
    return owner;
}

} // namespace

Result<int> userVersion(QSqlDatabase &db)
{
    return schemaVersion(db, profileOwner());
}

Status refuseNewer(QSqlDatabase &db, const QList<Migration> &migrations)
{
    return refuseNewerSchema(db, migrations, profileOwner());
}

Status migrate(QSqlDatabase &db, const QList<Migration> &migrations)
{
    return migrateSchema(db, migrations, profileOwner());
}

} // namespace outward
