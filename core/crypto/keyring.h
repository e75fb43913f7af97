#pragma once

#include "core/common/result.h"
#include "core/crypto/kdfparams.h"
#include "core/crypto/securebytes.h"

#include <QByteArray>
#include <QString>

namespace outward {

// A profile's keys as stored: nothing in here opens anything without the passphrase, the
// recovery code or the master key itself (docs/crypto.md, "Keyring").
struct WrappedKeyring
{
    static constexpr int kFormatVersion = 1;

    QString userId;
    KdfParams kdf;
    QByteArray salt;                       // 16 bytes, Argon2id
    QByteArray passphraseWrappedMasterKey; // nonce(24) || XChaCha20-Poly1305(master key)
    QByteArray recoveryWrappedMasterKey;   // nonce(24) || XChaCha20-Poly1305(master key)
    QByteArray boxPublicKey;               // X25519, 32 bytes: others wrap records for us
    QByteArray signPublicKey;              // Ed25519, 32 bytes: we authenticate to servers
    QByteArray wrappedSecretKeys;          // nonce(24) || XChaCha20-Poly1305(box sk || sign sk)
};

// A profile's keys in memory while it is unlocked; all secrets live in SecureBytes and are
// wiped when this is destroyed (lock).
struct UnlockedKeys
{
    QString userId;
    SecureBytes masterKey;     // 32 bytes
    SecureBytes recordWrapKey; // subkey 2 of the master key: wraps record keys for the author
    SecureBytes boxSecretKey;  // X25519, 32 bytes
    SecureBytes signSecretKey; // Ed25519, 64 bytes
    QByteArray boxPublicKey;
    QByteArray signPublicKey;
};

struct CreatedKeyring
{
    WrappedKeyring wrapped;
    UnlockedKeys keys;
    QString recoveryCode; // shown to the user once, never stored
};

namespace keyring {

constexpr int kMasterKeyBytes = 32;

// Subkeys of the master key under the context "OWKEYS01" (docs/crypto.md section 2). Each purpose
// has its own id and an id is never reused for another purpose.
enum class SubkeyId : quint64
{
    SecretKeys = 1,    // wraps the X25519 and Ed25519 secret keys in the keyring
    RecordWrap = 2,    // seals the author wrap of every record
    DeviceKeyWrap = 3, // wraps this device's Ed25519 key for the sync server (devicekey.h)
};

// KDF(master key, id): 32 bytes in secure memory.
Result<SecureBytes> deriveSubkey(const SecureBytes &masterKey, SubkeyId id);

Result<CreatedKeyring> create(const QString &userId, const SecureBytes &passphrase,
                              const KdfParams &params);

Result<UnlockedKeys> unlockWithPassphrase(const WrappedKeyring &wrapped,
                                          const SecureBytes &passphrase);
Result<UnlockedKeys> unlockWithRecoveryCode(const WrappedKeyring &wrapped,
                                            const QString &recoveryCode);
// For "remember on this device": the master key held by the OS key store.
Result<UnlockedKeys> unlockWithMasterKey(const WrappedKeyring &wrapped,
                                         const SecureBytes &masterKey);

// A new passphrase (and fresh salt) over the same master key: no record is re-encrypted.
Result<WrappedKeyring> withNewPassphrase(const WrappedKeyring &wrapped, const UnlockedKeys &keys,
                                         const SecureBytes &newPassphrase, const KdfParams &params);

struct RenewedRecovery
{
    WrappedKeyring wrapped;
    QString recoveryCode; // shown to the user once, never stored
};

// A new recovery code over the same master key; the old code stops working. For a code that was
// never seen (the app closed while it was on screen) or that may have leaked.
Result<RenewedRecovery> withNewRecoveryCode(const WrappedKeyring &wrapped,
                                            const UnlockedKeys &keys);

// The public part of a keyring as another device or the server hands it over when this device
// joins an existing account (protocol.md 14.3, 15): everything but the passphrase wrap, which
// never leaves a device.
struct ReceivedKeyring
{
    QString userId;
    QByteArray boxPublicKey;             // 32
    QByteArray signPublicKey;            // 32
    QByteArray wrappedSecretKeys;        // 136, under KDF(master key, 1)
    QByteArray recoveryWrappedMasterKey; // 72, kept as is: the same recovery code works everywhere
};

struct AdoptedKeyring
{
    WrappedKeyring wrapped; // with this device's own salt and passphrase wrap
    UnlockedKeys keys;
};

// A keyring for a new device of an existing account, from a master key received over a link
// (crypto.md 3.8). The master key must open wrappedSecretKeys under its associated data, which
// binds the user id and both public keys, and the public keys must match the secret keys: a
// wrong master key, a substituted public key or another user id is Corrupt, naming what to do.
// The recovery wrap cannot be checked without the recovery code and is kept as received.
Result<AdoptedKeyring> adopt(const ReceivedKeyring &received, const SecureBytes &masterKey,
                             const SecureBytes &newPassphrase, const KdfParams &params);
// The same for recovery (crypto.md 3.8): the master key comes from recoveryWrappedMasterKey and
// the recovery code. A mistyped code is WrongSecret naming the typo; a code that does not open
// this account's wrap is WrongSecret too.
Result<AdoptedKeyring> adoptWithRecoveryCode(const ReceivedKeyring &received,
                                             const QString &recoveryCode,
                                             const SecureBytes &newPassphrase,
                                             const KdfParams &params);

// Refuses passphrases too short to resist guessing; says how long they must be.
Status checkPassphraseStrength(const SecureBytes &passphrase);

} // namespace keyring
} // namespace outward
