#pragma once

#include "sync/server/storage/servermigration.h"

namespace outward::server {

// The SQLite schema of the server database, one step per version.
const QList<ServerMigration> &sqliteServerSchema();

} // namespace outward::server
