#pragma once

#include <QStringList>

namespace outward::server {

// Exit codes of outward-server (docs/operations.md).
enum ExitCode
{
    ExitOk = 0,
    ExitInternal = 1,
    ExitUsage = 2,
    ExitInvalid = 4,    // an unknown team, user or device; a bad option value
    ExitNotFound = 5,   // nothing with that id
    ExitDataFolder = 6, // not initialised yet, or initialised already
    ExitNewer = 8,      // the database was written by a newer outward-server
    ExitStorage = 9,    // the database cannot be opened or written
    ExitListen = 10,    // serve: cannot listen (address in use, bad TLS files)
};

// `outward-server COMMAND ...`; arguments without the program name.
int runInit(const QStringList &arguments);
int runTeam(const QStringList &arguments);
int runTeams(const QStringList &arguments);
int runInvite(const QStringList &arguments);
int runRevoke(const QStringList &arguments);
int runUsers(const QStringList &arguments);
int runServe(const QStringList &arguments);

} // namespace outward::server
