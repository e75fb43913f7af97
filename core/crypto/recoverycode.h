#pragma once

#include "core/common/result.h"
#include "core/crypto/securebytes.h"

#include <QString>

namespace outward {

// The recovery code: 160 random bits plus a 20-bit checksum, written as 36 Crockford base32
// characters in 9 groups of 4 ("7K2M-...-Q9XD"). The checksum tells a typo apart from a code
// that belongs to another profile. At 160 bits the code needs no slow key derivation.
namespace recovery {

constexpr int kSecretBytes = 20;
constexpr int kCodeChars = 36;

SecureBytes newSecret();
QString format(const SecureBytes &secret);
// Accepts lower case, spaces or no dashes, and O/I/L for 0/1/1; refuses typos via the checksum.
Result<SecureBytes> parse(const QString &code);
// The key that wraps the master key a second time (docs/crypto.md).
Result<SecureBytes> wrappingKey(const SecureBytes &secret);

} // namespace recovery
} // namespace outward
