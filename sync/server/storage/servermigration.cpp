#include "sync/server/storage/servermigration.h"

#include "sync/server/storage/storageerror.h"

using namespace Qt::StringLiterals;

namespace outward::server {

namespace {

const SchemaOwner &serverOwner()
{
    static const SchemaOwner owner{
        u"the server database"_s, u"the upgrade was undone"_s, &storageError,
        [](int current, int latest) {
            return Error(ErrorCode::NewerVersion,
                         u"the server database was written by a newer outward-server (schema "
                         u"%1; this version knows up to %2). Run the newer outward-server, or "
                         u"restore a backup made by this version"_s.arg(current)
                             .arg(latest));
        },
        [](int version) {
            qCInfo(lcServerStorage) << "server database schema upgraded to" << version;
        }};
    return owner;
}

} // namespace

Result<int> serverUserVersion(QSqlDatabase &db)
{
    return schemaVersion(db, serverOwner());
}

Status refuseNewerServerSchema(QSqlDatabase &db, const QList<ServerMigration> &steps)
{
    return refuseNewerSchema(db, steps, serverOwner());
}

Status migrateServerSchema(QSqlDatabase &db, const QList<ServerMigration> &steps)
{
    return migrateSchema(db, steps, serverOwner());
}

} // namespace outward::server
