#pragma once

#include "core/common/result.h"

#include <QByteArray>
#include <QString>
#include <QStringView>

// Binary values on the wire: base64url (RFC 4648 section 5) without padding (protocol.md
// section 1 "Binary values"). Decoding refuses '=', white space, any character outside
// A-Z a-z 0-9 - _, a length of 1 mod 4, and a last character whose unused low bits are not zero,
// so every value has exactly one accepted spelling (the rules of libsodium's
// sodium_base64_VARIANT_URLSAFE_NO_PADDING; tst_base64url checks the two agree).
//
// Table lookups, not libsodium's constant-time code: what crosses the wire is ciphertext, public
// keys, signatures and hashes, and the constant-time decoder was a tenth of a device's time on
// a pull (bench/sync). The one secret decoded here, a bearer token's random part (to check its
// shape), is looked up by its hash afterwards, never compared by these bytes.
namespace outward::protocol::base64url {

// The encoded length of n bytes: ceil(4n / 3).
qsizetype encodedLength(qsizetype bytes);

QString encode(const QByteArray &bytes);
QByteArray encodeToAscii(const QByteArray &bytes);

// Errors are ErrorCode::InvalidInput with a message that names the broken rule ("is not
// base64url without padding", "decodes to 31 bytes; it must be exactly 32"), never the text.
[[nodiscard]] Result<QByteArray> decode(QStringView text);
[[nodiscard]] Result<QByteArray> decodeExact(QStringView text, qsizetype bytes);
// Refuses text longer than maxBytes could encode before decoding anything.
[[nodiscard]] Result<QByteArray> decodeMax(QStringView text, qsizetype maxBytes,
                                           qsizetype minBytes = 0);

} // namespace outward::protocol::base64url
