#include "cli/exitcodes.h"

namespace outward::cli {

int exitCodeFor(ErrorCode code)
{
    switch (code) {
    case ErrorCode::InvalidInput:
        return ExitInvalid;
    case ErrorCode::WrongSecret:
        return ExitWrongSecret;
    case ErrorCode::NotFound:
        return ExitNotFound;
    case ErrorCode::NoProfile:
    case ErrorCode::ProfileExists:
        return ExitNoProfile;
    case ErrorCode::Corrupt:
        return ExitCorrupt;
    case ErrorCode::NewerVersion:
        return ExitNewer;
    case ErrorCode::Storage:
        return ExitStorage;
    case ErrorCode::NoAccess:
        return ExitNoAccess;
    case ErrorCode::Locked:
    case ErrorCode::Internal:
        return ExitInternal;
    }
    return ExitInternal;
}

} // namespace outward::cli
