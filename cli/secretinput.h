#pragma once

#include "core/common/result.h"
#include "core/crypto/securebytes.h"

#include <QString>

namespace outward::cli {

// Where a secret comes from, in this order: a file named by an option (first line), an
// environment variable (for scripts), a hidden prompt on the terminal.
struct SecretSource
{
    QString file;       // value of --passphrase-file and friends; empty when not given
    const char *envVar; // e.g. "OUTWARD_PASSPHRASE"
    QString prompt;     // e.g. "Passphrase: "
};

Result<SecureBytes> readSecret(const SecretSource &source);
// For a new passphrase: asks twice at the terminal and refuses a mismatch.
Result<SecureBytes> readNewSecret(const SecretSource &source);

} // namespace outward::cli
