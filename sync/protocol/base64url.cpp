#include "sync/protocol/base64url.h"

#include "core/crypto/sodium.h"

#include <sodium.h>

using namespace Qt::StringLiterals;

namespace outward::protocol::base64url {

namespace {
constexpr int kVariant = sodium_base64_VARIANT_URLSAFE_NO_PADDING;

Error invalid(const QString &rule)
{
    return Error(ErrorCode::InvalidInput, rule);
}

Error notBase64()
{
    return invalid(u"is not base64url without padding (only A-Z a-z 0-9 - _, no '=' and no "
                   u"white space, and unused trailing bits zero)"_s);
}

// The largest byte count `chars` base64url characters can hold.
qsizetype maxDecodedLength(qsizetype chars)
{
    return chars / 4 * 3 + (chars % 4 == 0 ? 0 : chars % 4 - 1);
}
} // namespace

qsizetype encodedLength(qsizetype bytes)
{
    return bytes / 3 * 4 + (bytes % 3 == 0 ? 0 : bytes % 3 + 1);
}

QByteArray encodeToAscii(const QByteArray &bytes)
{
    if (!ensureSodium())
        return {};
    // sodium_base64_ENCODED_LEN counts the terminating NUL.
    QByteArray out(sodium_base64_ENCODED_LEN(bytes.size(), kVariant), Qt::Uninitialized);
    sodium_bin2base64(out.data(), out.size(),
                      reinterpret_cast<const unsigned char *>(bytes.constData()), bytes.size(),
                      kVariant);
    out.chop(1);
    return out;
}

QString encode(const QByteArray &bytes)
{
    return QString::fromLatin1(encodeToAscii(bytes));
}

Result<QByteArray> decode(QStringView text)
{
    if (auto ready = ensureSodium(); !ready)
        return ready.error();
    // Anything outside ASCII is refused before conversion, so Latin-1 conversion cannot map a
    // foreign character onto a valid one.
    for (const QChar c : text)
        if (c.unicode() > 0x7f)
            return notBase64();
    const QByteArray ascii = text.toLatin1();
    // A length of 1 mod 4 can never be valid; libsodium refuses it too, but say so plainly.
    if (ascii.size() % 4 == 1)
        return notBase64();
    QByteArray out(maxDecodedLength(ascii.size()), Qt::Uninitialized);
    size_t written = 0;
    const char *end = nullptr;
    if (sodium_base642bin(reinterpret_cast<unsigned char *>(out.data()), out.size(),
                          ascii.constData(), ascii.size(), nullptr, &written, &end,
                          kVariant) != 0 ||
        end != ascii.constData() + ascii.size())
        return notBase64();
    out.truncate(static_cast<qsizetype>(written));
    return out;
}

Result<QByteArray> decodeExact(QStringView text, qsizetype bytes)
{
    // Bounded work for absurd input; slightly longer text still gets its byte count reported.
    if (text.size() > encodedLength(bytes) + 4)
        return invalid(u"is too long: it must decode to exactly %1 bytes"_s.arg(bytes));
    auto decoded = decode(text);
    if (!decoded)
        return decoded;
    if (decoded->size() != bytes)
        return invalid(
            u"decodes to %1 bytes; it must be exactly %2"_s.arg(decoded->size()).arg(bytes));
    return decoded;
}

Result<QByteArray> decodeMax(QStringView text, qsizetype maxBytes, qsizetype minBytes)
{
    if (text.size() > encodedLength(maxBytes))
        return invalid(u"is too long: it must decode to at most %1 bytes"_s.arg(maxBytes));
    auto decoded = decode(text);
    if (!decoded)
        return decoded;
    if (decoded->size() < minBytes)
        return invalid(
            u"decodes to %1 bytes; it must be at least %2"_s.arg(decoded->size()).arg(minBytes));
    return decoded;
}

} // namespace outward::protocol::base64url
