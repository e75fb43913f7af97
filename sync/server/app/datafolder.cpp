#include "sync/server/app/datafolder.h"

#include "sync/server/app/admincommands.h"

#include <QDir>
#include <QFileInfo>

#include <cstdio>

using namespace Qt::StringLiterals;

namespace outward::server {

QString databasePath(const QString &folder)
{
    return QDir(folder).filePath(u"server.db"_s);
}

void printError(const QString &message)
{
    std::fprintf(stderr, "outward-server: %s\n", qPrintable(message));
}

int reportStoreError(const Error &error)
{
    printError(error.toString());
    switch (error.code()) {
    case ErrorCode::NewerVersion:
        return ExitNewer;
    case ErrorCode::Storage:
    case ErrorCode::Corrupt:
        return ExitStorage;
    default:
        return ExitInternal;
    }
}

Result<std::unique_ptr<SqliteServerStore>, int> openDataFolder(const QString &folder,
                                                               DataFolderMode mode)
{
    if (folder.isEmpty()) {
        printError(u"--data DIR is required: the folder holding the server's database"_s);
        return int(ExitUsage);
    }
    const QString path = databasePath(folder);
    if (mode == DataFolderMode::Create) {
        if (!QDir().mkpath(folder)) {
            printError(u"cannot create the data folder %1"_s.arg(folder));
            return int(ExitStorage);
        }
        // The folder holds the database and its WAL: nobody else needs to read it.
        QFile::setPermissions(folder, QFileDevice::ReadOwner | QFileDevice::WriteOwner |
                                          QFileDevice::ExeOwner);
    } else if (!QFileInfo::exists(path)) {
        printError(u"%1 holds no server; run `outward-server init --data %1` first"_s.arg(folder));
        return int(ExitDataFolder);
    }
    auto store = SqliteServerStore::open(path);
    if (!store.ok())
        return reportStoreError(store.error());
    if (mode == DataFolderMode::Initialised) {
        auto settings = (*store)->settings();
        if (!settings.ok())
            return reportStoreError(settings.error());
        if (!settings->has_value()) {
            printError(
                u"%1 is not initialised; run `outward-server init --data %1` first"_s.arg(folder));
            return int(ExitDataFolder);
        }
    }
    return std::move(store).value();
}

} // namespace outward::server
