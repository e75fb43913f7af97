#pragma once

#include "core/common/result.h"
#include "core/crypto/keyring.h"
#include "core/crypto/securebytes.h"

#include <QByteArray>
#include <QString>

namespace outward {

// A device's own Ed25519 key pair (docs/protocol.md section 4). It only authenticates this device
// to the sync server, so that revoking one device cuts off exactly that device; the user's sign
// key stays the proof of authorship. It is made on the device and never copied to another one.
struct DeviceKeyPair
{
    QByteArray publicKey;  // 32 bytes
    SecureBytes secretKey; // 64 bytes: seed || public key, as crypto_sign_keypair makes it
};

namespace devicekey {

constexpr int kPublicKeyBytes = 32;
constexpr int kSecretKeyBytes = 64;
constexpr int kWrappedBytes = 24 + kSecretKeyBytes + 16; // nonce || ciphertext || tag = 104

// A fresh key pair (crypto_sign_keypair).
Result<DeviceKeyPair> generate();

// "outward/device-key/v1/" || UTF-8(userId) || UTF-8(deviceId): binds a wrapped key to its user
// and device, so a blob copied to another profile or another device's settings does not open.
QByteArray associatedData(const QString &userId, const QString &deviceId);

// nonce(24) || XChaCha20-Poly1305(KDF(master key, 3), nonce, secret key, associatedData) = 104
// bytes, under keys.masterKey and for keys.userId. The server id is not bound: the device id is
// unique to one server already.
Result<QByteArray> wrap(const UnlockedKeys &keys, const QString &deviceId,
                        const SecureBytes &secretKey);

// The inverse of wrap. A blob of the wrong length, a failed tag (another user or device, or a
// damaged blob) or a secret key whose public half does not match its seed is Corrupt.
Result<DeviceKeyPair> unwrap(const UnlockedKeys &keys, const QString &deviceId,
                             const QByteArray &wrapped);

} // namespace devicekey
} // namespace outward
