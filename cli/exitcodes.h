#pragma once

#include "core/common/error.h"

namespace outward::cli {

// Documented in docs/cli.md; scripts rely on them, so never renumber.
enum ExitCode : int
{
    ExitOk = 0,
    ExitInternal = 1,           // a bug or an unexpected failure
    ExitUsage = 2,              // wrong arguments
    ExitWrongSecret = 3,        // wrong passphrase or recovery code
    ExitInvalid = 4,            // a record or input breaks a rule
    ExitNotFound = 5,           // unknown record id
    ExitNoProfile = 6,          // no profile in the folder, or one exists already (init)
    ExitCorrupt = 7,            // damaged or tampered profile or record
    ExitNewer = 8,              // profile written by a newer Outward
    ExitStorage = 9,            // disk full, read-only, busy
    ExitNoAccess = 10,          // a record not shared with this user
    ExitServerUnreachable = 11, // the server did not answer or is busy: try again later
    ExitServerRefused = 12,     // the server refused (invite used or expired, device revoked...)
    ExitSyncErrors = 13,        // the sync finished but some records were rejected or refused
    ExitNotLinked = 14, // link: the code expired, was cancelled, or the device did not finish
};

int exitCodeFor(ErrorCode code);

} // namespace outward::cli
