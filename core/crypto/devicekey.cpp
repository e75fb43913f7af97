#include "core/crypto/devicekey.h"

#include "core/crypto/sodium.h"

#include <sodium.h>

using namespace Qt::StringLiterals;

namespace outward::devicekey {

namespace {

constexpr int kNonceBytes = crypto_aead_xchacha20poly1305_ietf_NPUBBYTES;
constexpr int kTagBytes = crypto_aead_xchacha20poly1305_ietf_ABYTES;

static_assert(kPublicKeyBytes == crypto_sign_PUBLICKEYBYTES);
static_assert(kSecretKeyBytes == crypto_sign_SECRETKEYBYTES);
static_assert(kWrappedBytes == kNonceBytes + kSecretKeyBytes + kTagBytes);

const unsigned char *bytes(const QByteArray &array)
{
    return reinterpret_cast<const unsigned char *>(array.constData());
}

Error damagedDeviceKey()
{
    return Error(ErrorCode::Corrupt,
                 u"this device's sync key is damaged or belongs to another profile or device; "
                 u"remove the device from sync and enrol or link it again"_s);
}

// The public half of a secret key, recomputed from its seed: a blob whose two halves disagree
// would sign with a key the server does not know.
Result<QByteArray> publicKeyOf(const SecureBytes &secretKey)
{
    QByteArray publicKey(kPublicKeyBytes, Qt::Uninitialized);
    SecureBytes scratch(kSecretKeyBytes);
    if (scratch.isNull())
        return cryptoFailure("sodium_malloc");
    if (crypto_sign_seed_keypair(reinterpret_cast<unsigned char *>(publicKey.data()),
                                 scratch.data(), secretKey.data()) != 0)
        return cryptoFailure("crypto_sign_seed_keypair");
    if (sodium_memcmp(bytes(publicKey), secretKey.data() + crypto_sign_SEEDBYTES,
                      kPublicKeyBytes) != 0)
        return damagedDeviceKey();
    return publicKey;
}

} // namespace

Result<DeviceKeyPair> generate()
{
    if (auto ready = ensureSodium(); !ready)
        return ready.error();
    DeviceKeyPair pair;
    pair.publicKey = QByteArray(kPublicKeyBytes, Qt::Uninitialized);
    pair.secretKey = SecureBytes(kSecretKeyBytes);
    if (pair.secretKey.isNull())
        return cryptoFailure("sodium_malloc");
    if (crypto_sign_keypair(reinterpret_cast<unsigned char *>(pair.publicKey.data()),
                            pair.secretKey.data()) != 0)
        return cryptoFailure("crypto_sign_keypair");
    return pair;
}

QByteArray associatedData(const QString &userId, const QString &deviceId)
{
    return QByteArrayLiteral("outward/device-key/v1/") + userId.toUtf8() + deviceId.toUtf8();
}

Result<QByteArray> wrap(const UnlockedKeys &keys, const QString &deviceId,
                        const SecureBytes &secretKey)
{
    if (secretKey.size() != kSecretKeyBytes)
        return Error(ErrorCode::InvalidInput, u"a device secret key must be 64 bytes"_s);
    if (deviceId.isEmpty())
        return Error(ErrorCode::InvalidInput, u"a device key is wrapped for a device id"_s);
    auto wrapKey = keyring::deriveSubkey(keys.masterKey, keyring::SubkeyId::DeviceKeyWrap);
    if (!wrapKey)
        return wrapKey.error();
    const QByteArray ad = associatedData(keys.userId, deviceId);
    QByteArray out(kWrappedBytes, Qt::Uninitialized);
    auto *nonce = reinterpret_cast<unsigned char *>(out.data());
    randombytes_buf(nonce, kNonceBytes);
    if (crypto_aead_xchacha20poly1305_ietf_encrypt(
            nonce + kNonceBytes, nullptr, secretKey.data(), secretKey.size(), bytes(ad),
            static_cast<unsigned long long>(ad.size()), nullptr, nonce, wrapKey->data()) != 0)
        return cryptoFailure("crypto_aead_xchacha20poly1305_ietf_encrypt");
    return out;
}

Result<DeviceKeyPair> unwrap(const UnlockedKeys &keys, const QString &deviceId,
                             const QByteArray &wrapped)
{
    if (wrapped.size() != kWrappedBytes)
        return damagedDeviceKey();
    auto wrapKey = keyring::deriveSubkey(keys.masterKey, keyring::SubkeyId::DeviceKeyWrap);
    if (!wrapKey)
        return wrapKey.error();
    const QByteArray ad = associatedData(keys.userId, deviceId);
    DeviceKeyPair pair;
    pair.secretKey = SecureBytes(kSecretKeyBytes);
    if (pair.secretKey.isNull())
        return cryptoFailure("sodium_malloc");
    if (crypto_aead_xchacha20poly1305_ietf_decrypt(
            pair.secretKey.data(), nullptr, nullptr, bytes(wrapped) + kNonceBytes,
            kSecretKeyBytes + kTagBytes, bytes(ad), static_cast<unsigned long long>(ad.size()),
            bytes(wrapped), wrapKey->data()) != 0)
        return damagedDeviceKey();
    auto publicKey = publicKeyOf(pair.secretKey);
    if (!publicKey)
        return publicKey.error();
    pair.publicKey = std::move(publicKey).value();
    return pair;
}

} // namespace outward::devicekey
