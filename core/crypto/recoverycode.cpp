#include "core/crypto/recoverycode.h"

#include "core/crypto/sodium.h"

#include <sodium.h>

#include <array>
#include <optional>

using namespace Qt::StringLiterals;

namespace outward::recovery {

namespace {

constexpr char kAlphabet[] = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"; // Crockford base32
constexpr int kChecksumBits = 20;
constexpr int kTotalBytes = kSecretBytes + 3;                   // 160 + 20 bits, padded to 184
constexpr char kChecksumKey[] = "outward recovery checksum v1"; // BLAKE2b keys: domain separation
constexpr char kWrapKey[] = "outward recovery wrapping key v1";
static_assert((kSecretBytes * 8 + kChecksumBits) / 5 == kCodeChars);

// The first 20 bits of a keyed BLAKE2b of the secret, in the top bits of 3 bytes.
std::optional<std::array<unsigned char, 3>> checksum(const unsigned char *secret)
{
    std::array<unsigned char, 32> hash{};
    if (crypto_generichash(hash.data(), hash.size(), secret, kSecretBytes,
                           reinterpret_cast<const unsigned char *>(kChecksumKey),
                           sizeof kChecksumKey - 1) != 0)
        return std::nullopt;
    return std::array<unsigned char, 3>{hash[0], hash[1],
                                        static_cast<unsigned char>(hash[2] & 0xf0)};
}

int decodeChar(QChar c)
{
    const char16_t u = c.toUpper().unicode();
    if (u == u'O')
        return 0;
    if (u == u'I' || u == u'L')
        return 1;
    for (int i = 0; i < 32; ++i)
        if (kAlphabet[i] == u)
            return i;
    return -1;
}

Error wrongCode(const QString &why)
{
    return Error(ErrorCode::WrongSecret, why);
}

} // namespace

SecureBytes newSecret()
{
    if (!ensureSodium())
        return {};
    return SecureBytes::random(kSecretBytes);
}

QString format(const SecureBytes &secret)
{
    if (secret.size() != kSecretBytes)
        return {};
    std::array<unsigned char, kTotalBytes> bits{};
    memcpy(bits.data(), secret.data(), kSecretBytes);
    const auto sum = checksum(secret.data());
    if (!sum)
        return {};
    std::copy(sum->begin(), sum->end(), bits.begin() + kSecretBytes);

    QString code;
    for (int i = 0; i < kCodeChars; ++i) {
        int value = 0;
        for (int b = 0; b < 5; ++b) {
            const int bit = i * 5 + b;
            value = (value << 1) | ((bits[bit / 8] >> (7 - bit % 8)) & 1);
        }
        if (i > 0 && i % 4 == 0)
            code += u'-';
        code += QLatin1Char(kAlphabet[value]);
    }
    sodium_memzero(bits.data(), bits.size());
    return code;
}

Result<SecureBytes> parse(const QString &code)
{
    if (auto ready = ensureSodium(); !ready)
        return ready.error();
    std::array<unsigned char, kTotalBytes> bits{};
    int count = 0;
    for (QChar c : code) {
        if (c == u'-' || c.isSpace())
            continue;
        const int value = decodeChar(c);
        if (value < 0)
            return wrongCode(u"a recovery code uses only digits and the letters A-Z except U; "
                             u"\"%1\" is not one of them"_s.arg(c));
        if (count < kCodeChars)
            for (int b = 0; b < 5; ++b) {
                const int bit = count * 5 + b;
                if ((value >> (4 - b)) & 1)
                    bits[bit / 8] |= static_cast<unsigned char>(1 << (7 - bit % 8));
            }
        ++count;
    }
    if (count != kCodeChars)
        return wrongCode(
            u"a recovery code has %1 characters (9 groups of 4); this one has %2"_s.arg(kCodeChars)
                .arg(count));
    const auto expected = checksum(bits.data());
    if (!expected) {
        sodium_memzero(bits.data(), bits.size());
        return cryptoFailure("crypto_generichash");
    }
    const bool matches = sodium_memcmp(expected->data(), bits.data() + kSecretBytes, 3) == 0;
    SecureBytes secret = SecureBytes::copyOf(bits.data(), kSecretBytes);
    sodium_memzero(bits.data(), bits.size());
    if (!matches)
        return wrongCode(u"the recovery code has a typo: compare each group with the one you "
                         u"wrote down"_s);
    if (secret.isNull())
        return cryptoFailure("sodium_malloc");
    return secret;
}

Result<SecureBytes> wrappingKey(const SecureBytes &secret)
{
    if (auto ready = ensureSodium(); !ready)
        return ready.error();
    SecureBytes key(crypto_aead_xchacha20poly1305_ietf_KEYBYTES);
    if (key.isNull() || secret.size() != kSecretBytes)
        return cryptoFailure("recovery wrapping key");
    if (crypto_generichash(key.data(), key.size(), secret.data(), secret.size(),
                           reinterpret_cast<const unsigned char *>(kWrapKey),
                           sizeof kWrapKey - 1) != 0)
        return cryptoFailure("crypto_generichash");
    return key;
}

} // namespace outward::recovery
