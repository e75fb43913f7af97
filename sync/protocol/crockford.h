#pragma once

#include "core/common/result.h"
#include "core/crypto/securebytes.h"

#include <QByteArray>
#include <QString>
#include <QStringView>

// Codes typed by people: invite codes, recovery tickets and link codes (protocol.md section 1
// "Codes typed by people", sections 8, 14.2, 15). Crockford base32 digits
// 0123456789ABCDEFGHJKMNPQRSTVWXYZ; the canonical form is the upper-case digits with no
// separators, which is also what the server hashes.
namespace outward::protocol::crockford {

inline constexpr int kInviteCodeDigits = 20; // 100 bits; also recovery tickets
inline constexpr int kInviteGroupSize = 5;   // "7KQ2M-X9D4T-R0WPZ-3HB8N"
inline constexpr int kLinkCodeDigits = 24;   // 120 bits
inline constexpr int kLinkGroupSize = 4;     // "4K7Q-M2XD-9TRB-0WPZ-3HN8-C6VJ"
inline constexpr int kLinkSecretBytes = 15;

// Skips '-' and white space, reads letters case-insensitively, O as 0 and I/L as 1; any other
// character is refused with a message naming it. With expectedDigits > 0 the digit count must
// match ("an invite code has 20 characters; this one has 19"). Errors are
// ErrorCode::InvalidInput; messages never repeat the code itself, only the offending character.
[[nodiscard]] Result<QString> parse(QStringView text, int expectedDigits = 0);

// Canonical digits cut into groups joined by '-'. Input is used as given (call parse first for
// typed text).
QString format(QStringView canonicalDigits, int groupSize);
inline QString formatInviteCode(QStringView canonicalDigits)
{
    return format(canonicalDigits, kInviteGroupSize);
}
inline QString formatLinkCode(QStringView canonicalDigits)
{
    return format(canonicalDigits, kLinkGroupSize);
}

// `digits` random digits from randombytes (canonical form, no separators); empty if libsodium
// cannot start.
QString randomCode(int digits);

// Bytes as digits, 5 bits each, most significant bit first; the last digit is padded with zero
// bits when the bit count is not a multiple of 5. 15 bytes give exactly 24 digits.
QString fromBytes(const unsigned char *data, qsizetype size);
inline QString fromBytes(const QByteArray &bytes)
{
    return fromBytes(reinterpret_cast<const unsigned char *>(bytes.constData()), bytes.size());
}
// The reverse for canonical digits: exactly ceil(byteCount * 8 / 5) digits, padding bits zero.
[[nodiscard]] Result<QByteArray> toBytes(QStringView canonicalDigits, qsizetype byteCount);

// The link secret (15 bytes) <-> link code (24 digits), protocol.md 14.2. linkSecretFromCode
// accepts typed text (dashes, lower case, aliases) and needs exactly 24 digits.
QString linkCodeFromSecret(const SecureBytes &secret);
[[nodiscard]] Result<SecureBytes> linkSecretFromCode(QStringView typedCode);

} // namespace outward::protocol::crockford
