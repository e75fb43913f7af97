#include "sync/protocol/base64url.h"

#include <array>

using namespace Qt::StringLiterals;

namespace outward::protocol::base64url {

namespace {
constexpr char kAlphabet[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
constexpr qint8 kInvalid = -1;

// Each ASCII character's 6-bit value, kInvalid for the rest.
constexpr std::array<qint8, 128> makeDecodeTable()
{
    std::array<qint8, 128> table{};
    for (qint8 &value : table)
        value = kInvalid;
    for (int i = 0; i < 64; ++i)
        table[static_cast<unsigned char>(kAlphabet[i])] = static_cast<qint8>(i);
    return table;
}
constexpr std::array<qint8, 128> kDecode = makeDecodeTable();

Error invalid(const QString &rule)
{
    return Error(ErrorCode::InvalidInput, rule);
}

Error notBase64()
{
    return invalid(u"is not base64url without padding (only A-Z a-z 0-9 - _, no '=' and no "
                   u"white space, and unused trailing bits zero)"_s);
}

// The 6-bit value of one character, or kInvalid (also for anything outside ASCII).
inline int sextet(QChar c)
{
    const char16_t unit = c.unicode();
    return unit < 128 ? kDecode[unit] : kInvalid;
}
} // namespace

qsizetype encodedLength(qsizetype bytes)
{
    return bytes / 3 * 4 + (bytes % 3 == 0 ? 0 : bytes % 3 + 1);
}

QByteArray encodeToAscii(const QByteArray &bytes)
{
    QByteArray out(encodedLength(bytes.size()), Qt::Uninitialized);
    const auto *in = reinterpret_cast<const unsigned char *>(bytes.constData());
    char *to = out.data();
    const qsizetype whole = bytes.size() / 3 * 3;
    qsizetype i = 0;
    for (; i < whole; i += 3) {
        const quint32 group = quint32(in[i]) << 16 | quint32(in[i + 1]) << 8 | in[i + 2];
        *to++ = kAlphabet[group >> 18];
        *to++ = kAlphabet[(group >> 12) & 0x3f];
        *to++ = kAlphabet[(group >> 6) & 0x3f];
        *to++ = kAlphabet[group & 0x3f];
    }
    const qsizetype rest = bytes.size() - whole;
    if (rest > 0) {
        const quint32 group = quint32(in[i]) << 16 | (rest == 2 ? quint32(in[i + 1]) << 8 : 0);
        *to++ = kAlphabet[group >> 18];
        *to++ = kAlphabet[(group >> 12) & 0x3f];
        if (rest == 2)
            *to++ = kAlphabet[(group >> 6) & 0x3f];
    }
    return out;
}

QString encode(const QByteArray &bytes)
{
    return QString::fromLatin1(encodeToAscii(bytes));
}

Result<QByteArray> decode(QStringView text)
{
    const qsizetype chars = text.size();
    // A length of 1 mod 4 leaves a character with fewer than 8 bits to give: never valid.
    if (chars % 4 == 1)
        return notBase64();
    const qsizetype rest = chars % 4;
    QByteArray out(chars / 4 * 3 + (rest == 0 ? 0 : rest - 1), Qt::Uninitialized);
    auto *to = reinterpret_cast<unsigned char *>(out.data());
    const QChar *in = text.data();
    const qsizetype whole = chars - rest;
    for (qsizetype i = 0; i < whole; i += 4) {
        const int a = sextet(in[i]), b = sextet(in[i + 1]), c = sextet(in[i + 2]),
                  d = sextet(in[i + 3]);
        if ((a | b | c | d) < 0)
            return notBase64();
        const quint32 group = quint32(a) << 18 | quint32(b) << 12 | quint32(c) << 6 | quint32(d);
        *to++ = static_cast<unsigned char>(group >> 16);
        *to++ = static_cast<unsigned char>(group >> 8);
        *to++ = static_cast<unsigned char>(group);
    }
    if (rest > 0) {
        const int a = sextet(in[whole]), b = sextet(in[whole + 1]);
        const int c = rest == 3 ? sextet(in[whole + 2]) : 0;
        if ((a | b | c) < 0)
            return notBase64();
        const quint32 group = quint32(a) << 18 | quint32(b) << 12 | quint32(c) << 6;
        // The bits below the last whole byte must be zero, or two spellings would decode alike.
        if ((rest == 2 ? group & 0xffff : group & 0xff) != 0)
            return notBase64();
        *to++ = static_cast<unsigned char>(group >> 16);
        if (rest == 3)
            *to++ = static_cast<unsigned char>(group >> 8);
    }
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
