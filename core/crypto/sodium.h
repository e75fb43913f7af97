#pragma once

#include "core/common/result.h"

#include <QLoggingCategory>

namespace outward {

Q_DECLARE_LOGGING_CATEGORY(lcCrypto)

// Initialises libsodium once per process; every crypto entry point calls it first.
Status ensureSodium();

// The error for a libsodium call that failed where it never should (out of memory, a bug).
Error cryptoFailure(const char *operation);

} // namespace outward
