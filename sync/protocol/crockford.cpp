#include "sync/protocol/crockford.h"

#include "core/crypto/sodium.h"

#include <sodium.h>

using namespace Qt::StringLiterals;

namespace outward::protocol::crockford {

namespace {
constexpr char kAlphabet[] = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

int valueOf(char16_t upper)
{
    if (upper == u'O')
        return 0;
    if (upper == u'I' || upper == u'L')
        return 1;
    for (int i = 0; i < 32; ++i)
        if (kAlphabet[i] == upper)
            return i;
    return -1;
}

// How a refused character is named: printable ones quoted, others by code point, so the
// message is readable whatever was pasted.
QString describe(QChar c)
{
    if (c.isPrint())
        return u"\"%1\""_s.arg(c);
    return u"U+%1"_s.arg(c.unicode(), 4, 16, QLatin1Char('0')).toUpper();
}

qsizetype digitsFor(qsizetype bytes)
{
    return (bytes * 8 + 4) / 5;
}
} // namespace

Result<QString> parse(QStringView text, int expectedDigits)
{
    QString digits;
    digits.reserve(expectedDigits > 0 ? expectedDigits : text.size());
    for (const QChar c : text) {
        if (c == u'-' || c.isSpace())
            continue;
        const char16_t upper = c.toUpper().unicode();
        const int value = valueOf(upper);
        if (value < 0)
            return Error(
                ErrorCode::InvalidInput,
                u"%1 is not a code character: codes use the digits 0-9 and the letters "
                u"A-Z except I, L, O and U (I and L read as 1, O as 0)"_s.arg(describe(c)));
        digits += QLatin1Char(kAlphabet[value]);
    }
    if (expectedDigits > 0 && digits.size() != expectedDigits)
        return Error(
            ErrorCode::InvalidInput,
            u"the code has %1 characters without dashes; it must have %2"_s.arg(digits.size())
                .arg(expectedDigits));
    return digits;
}

QString format(QStringView canonicalDigits, int groupSize)
{
    QString out;
    if (groupSize <= 0)
        return canonicalDigits.toString();
    out.reserve(canonicalDigits.size() + canonicalDigits.size() / groupSize);
    for (qsizetype i = 0; i < canonicalDigits.size(); ++i) {
        if (i > 0 && i % groupSize == 0)
            out += u'-';
        out += canonicalDigits[i];
    }
    return out;
}

QString randomCode(int digits)
{
    if (!ensureSodium() || digits <= 0)
        return {};
    QString out;
    out.reserve(digits);
    for (int i = 0; i < digits; ++i)
        out += QLatin1Char(kAlphabet[randombytes_uniform(32)]);
    return out;
}

QString fromBytes(const unsigned char *data, qsizetype size)
{
    const qsizetype count = digitsFor(size);
    QString out;
    out.reserve(count);
    for (qsizetype i = 0; i < count; ++i) {
        int value = 0;
        for (int b = 0; b < 5; ++b) {
            const qsizetype bit = i * 5 + b;
            const int set = bit / 8 < size ? (data[bit / 8] >> (7 - bit % 8)) & 1 : 0;
            value = (value << 1) | set;
        }
        out += QLatin1Char(kAlphabet[value]);
    }
    return out;
}

Result<QByteArray> toBytes(QStringView canonicalDigits, qsizetype byteCount)
{
    if (canonicalDigits.size() != digitsFor(byteCount))
        return Error(ErrorCode::InvalidInput,
                     u"the code has %1 characters; it must have %2"_s.arg(canonicalDigits.size())
                         .arg(digitsFor(byteCount)));
    QByteArray out(byteCount, '\0');
    for (qsizetype i = 0; i < canonicalDigits.size(); ++i) {
        const int value = valueOf(canonicalDigits[i].unicode());
        if (value < 0 || canonicalDigits[i] == u'O' || canonicalDigits[i] == u'I' ||
            canonicalDigits[i] == u'L')
            return Error(ErrorCode::InvalidInput, u"%1 is not a canonical code character"_s.arg(
                                                      describe(canonicalDigits[i])));
        for (int b = 0; b < 5; ++b) {
            const qsizetype bit = i * 5 + b;
            if (!((value >> (4 - b)) & 1))
                continue;
            if (bit / 8 >= byteCount)
                return Error(ErrorCode::InvalidInput,
                             u"the code's last character carries bits beyond its length; it is "
                             u"mistyped"_s);
            out[bit / 8] =
                static_cast<char>(static_cast<unsigned char>(out[bit / 8]) | (1 << (7 - bit % 8)));
        }
    }
    return out;
}

QString linkCodeFromSecret(const SecureBytes &secret)
{
    if (secret.size() != static_cast<std::size_t>(kLinkSecretBytes))
        return {};
    return fromBytes(secret.data(), static_cast<qsizetype>(secret.size()));
}

Result<SecureBytes> linkSecretFromCode(QStringView typedCode)
{
    const auto digits = parse(typedCode, kLinkCodeDigits);
    if (!digits)
        return digits.error();
    auto bytes = toBytes(*digits, kLinkSecretBytes);
    if (!bytes)
        return bytes.error();
    SecureBytes secret = SecureBytes::copyOf(*bytes);
    sodium_memzero(bytes->data(), static_cast<size_t>(bytes->size()));
    if (secret.isNull())
        return cryptoFailure("sodium_malloc");
    return secret;
}

} // namespace outward::protocol::crockford
