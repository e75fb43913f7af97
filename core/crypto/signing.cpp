#include "core/crypto/signing.h"

#include "core/crypto/sodium.h"

#include <sodium.h>

using namespace Qt::StringLiterals;

namespace outward::signing {

static_assert(kSignatureBytes == crypto_sign_BYTES);
static_assert(kPublicKeyBytes == crypto_sign_PUBLICKEYBYTES);
static_assert(kSecretKeyBytes == crypto_sign_SECRETKEYBYTES);

Result<QByteArray> sign(const QByteArray &message, const SecureBytes &secretKey)
{
    if (auto ready = ensureSodium(); !ready)
        return ready.error();
    if (secretKey.size() != kSecretKeyBytes)
        return Error(ErrorCode::InvalidInput, u"an Ed25519 secret key must be 64 bytes"_s);
    QByteArray signature(kSignatureBytes, Qt::Uninitialized);
    if (crypto_sign_detached(reinterpret_cast<unsigned char *>(signature.data()), nullptr,
                             reinterpret_cast<const unsigned char *>(message.constData()),
                             static_cast<unsigned long long>(message.size()),
                             secretKey.data()) != 0)
        return cryptoFailure("crypto_sign_detached");
    return signature;
}

bool verify(const QByteArray &message, const QByteArray &signature, const QByteArray &publicKey)
{
    if (!ensureSodium() || signature.size() != kSignatureBytes ||
        publicKey.size() != kPublicKeyBytes)
        return false;
    return crypto_sign_verify_detached(
               reinterpret_cast<const unsigned char *>(signature.constData()),
               reinterpret_cast<const unsigned char *>(message.constData()),
               static_cast<unsigned long long>(message.size()),
               reinterpret_cast<const unsigned char *>(publicKey.constData())) == 0;
}

} // namespace outward::signing
