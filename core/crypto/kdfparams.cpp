#include "core/crypto/kdfparams.h"

#include "core/crypto/sodium.h"

#include <sodium.h>

using namespace Qt::StringLiterals;

namespace outward {

namespace {
constexpr quint64 kMiB = 1024 * 1024;
constexpr quint64 kMaxMemLimit = 4096 * kMiB;
static_assert(kSaltBytes == crypto_pwhash_SALTBYTES);
} // namespace

KdfParams KdfParams::desktop()
{
    return {crypto_pwhash_OPSLIMIT_MODERATE, crypto_pwhash_MEMLIMIT_MODERATE};
}

KdfParams KdfParams::phone()
{
    return {3, 64 * kMiB};
}

KdfParams KdfParams::interactive()
{
    return {crypto_pwhash_OPSLIMIT_INTERACTIVE, crypto_pwhash_MEMLIMIT_INTERACTIVE};
}

KdfParams KdfParams::forThisDevice()
{
#if defined(Q_OS_ANDROID) || defined(Q_OS_IOS)
    return phone();
#else
    return desktop();
#endif
}

QString KdfParams::name() const
{
    return u"argon2id13 ops=%1 mem=%2MiB"_s.arg(opsLimit).arg(memLimitBytes / kMiB);
}

bool KdfParams::isWithinLimits() const
{
    return opsLimit >= crypto_pwhash_OPSLIMIT_MIN && opsLimit <= crypto_pwhash_OPSLIMIT_MAX &&
           memLimitBytes >= crypto_pwhash_MEMLIMIT_MIN && memLimitBytes <= kMaxMemLimit &&
           memLimitBytes <= crypto_pwhash_MEMLIMIT_MAX;
}

Result<SecureBytes> derivePassphraseKey(const SecureBytes &passphrase, const QByteArray &salt,
                                        const KdfParams &params)
{
    if (auto ready = ensureSodium(); !ready)
        return ready.error();
    if (salt.size() != kSaltBytes || !params.isWithinLimits())
        return Error(
            ErrorCode::Corrupt,
            u"the profile's key derivation settings are damaged (%1)"_s.arg(params.name()));
    SecureBytes key(crypto_secretbox_KEYBYTES);
    if (key.isNull())
        return cryptoFailure("sodium_malloc");
    if (crypto_pwhash(key.data(), key.size(), reinterpret_cast<const char *>(passphrase.data()),
                      passphrase.size(), reinterpret_cast<const unsigned char *>(salt.constData()),
                      params.opsLimit, static_cast<size_t>(params.memLimitBytes),
                      crypto_pwhash_ALG_ARGON2ID13) != 0)
        return Error(ErrorCode::Storage,
                     u"there is not enough memory to unlock (Argon2id needs %1 MiB); close other "
                     u"apps and try again"_s.arg(params.memLimitBytes / kMiB));
    return key;
}

} // namespace outward
