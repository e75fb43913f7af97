#pragma once

#include "core/common/result.h"
#include "sync/server/storage/sqliteserverstore.h"

#include <memory>

namespace outward::server {

enum class DataFolderMode
{
    Create,      // init: make the folder if needed
    Initialised, // every other command: the folder must hold an initialised server
};

// The database inside a data folder (DIR/server.db). Errors are printed and come back as the
// exit code to use.
Result<std::unique_ptr<SqliteServerStore>, int> openDataFolder(const QString &folder,
                                                               DataFolderMode mode);
QString databasePath(const QString &folder);

void printError(const QString &message);
// Prints a store failure and returns its exit code.
int reportStoreError(const Error &error);

} // namespace outward::server
