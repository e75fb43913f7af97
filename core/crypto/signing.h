#pragma once

#include "core/common/result.h"
#include "core/crypto/securebytes.h"

#include <QByteArray>

namespace outward::signing {

constexpr int kSignatureBytes = 64;
constexpr int kPublicKeyBytes = 32;
constexpr int kSecretKeyBytes = 64;

// Ed25519 detached signature (crypto_sign_detached): deterministic, 64 bytes. InvalidInput for a
// secret key that is not 64 bytes.
Result<QByteArray> sign(const QByteArray &message, const SecureBytes &secretKey);

// True only for a valid signature by publicKey over message; a key or signature of the wrong
// length is simply not valid.
bool verify(const QByteArray &message, const QByteArray &signature, const QByteArray &publicKey);

} // namespace outward::signing
