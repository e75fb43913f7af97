#include "core/crypto/keyring.h"

#include "core/crypto/recoverycode.h"
#include "core/crypto/sodium.h"

#include <QUuid>

#include <sodium.h>

using namespace Qt::StringLiterals;

namespace outward::keyring {

namespace {

constexpr int kNonceBytes = crypto_aead_xchacha20poly1305_ietf_NPUBBYTES;
constexpr int kTagBytes = crypto_aead_xchacha20poly1305_ietf_ABYTES;
constexpr char kSubkeyContext[crypto_kdf_CONTEXTBYTES + 1] = "OWKEYS01";
constexpr quint64 kSecretKeysSubkeyId = quint64(SubkeyId::SecretKeys);
constexpr quint64 kRecordWrapSubkeyId = quint64(SubkeyId::RecordWrap);
constexpr int kSecretKeysBytes = crypto_box_SECRETKEYBYTES + crypto_sign_SECRETKEYBYTES;

static_assert(kMasterKeyBytes == crypto_kdf_KEYBYTES);
static_assert(crypto_aead_xchacha20poly1305_ietf_KEYBYTES == 32);

const unsigned char *bytes(const QByteArray &array)
{
    return reinterpret_cast<const unsigned char *>(array.constData());
}

// Associated data binding each wrapped blob to its purpose and owner.
QByteArray masterKeyAd(const QString &userId)
{
    return QByteArrayLiteral("outward/master-key/v1/") + userId.toUtf8();
}

QByteArray secretKeysAd(const WrappedKeyring &wrapped)
{
    return QByteArrayLiteral("outward/secret-keys/v1/") + wrapped.userId.toUtf8() +
           wrapped.boxPublicKey + wrapped.signPublicKey;
}

Result<QByteArray> seal(const SecureBytes &key, const unsigned char *message, std::size_t length,
                        const QByteArray &ad)
{
    QByteArray out(kNonceBytes + static_cast<qsizetype>(length) + kTagBytes, Qt::Uninitialized);
    auto *nonce = reinterpret_cast<unsigned char *>(out.data());
    randombytes_buf(nonce, kNonceBytes);
    unsigned long long written = 0;
    if (crypto_aead_xchacha20poly1305_ietf_encrypt(
            nonce + kNonceBytes, &written, message, length, bytes(ad),
            static_cast<unsigned long long>(ad.size()), nullptr, nonce, key.data()) != 0)
        return cryptoFailure("crypto_aead_xchacha20poly1305_ietf_encrypt");
    return out;
}

// Opens nonce || ciphertext into secure memory; onFailure when authentication fails.
Result<SecureBytes> open(const SecureBytes &key, const QByteArray &sealed,
                         std::size_t expectedLength, const QByteArray &ad, const Error &onFailure)
{
    if (sealed.size() != kNonceBytes + static_cast<qsizetype>(expectedLength) + kTagBytes)
        return Error(ErrorCode::Corrupt, u"the profile's key file is damaged (wrong length)"_s);
    SecureBytes plain(expectedLength);
    if (plain.isNull())
        return cryptoFailure("sodium_malloc");
    unsigned long long written = 0;
    if (crypto_aead_xchacha20poly1305_ietf_decrypt(
            plain.data(), &written, nullptr, bytes(sealed) + kNonceBytes,
            static_cast<unsigned long long>(sealed.size() - kNonceBytes), bytes(ad),
            static_cast<unsigned long long>(ad.size()), bytes(sealed), key.data()) != 0)
        return onFailure;
    return plain;
}

Result<SecureBytes> subkey(const SecureBytes &masterKey, quint64 id)
{
    SecureBytes key(32);
    if (key.isNull() || crypto_kdf_derive_from_key(key.data(), key.size(), id, kSubkeyContext,
                                                   masterKey.data()) != 0)
        return cryptoFailure("crypto_kdf_derive_from_key");
    return key;
}

} // namespace

Result<SecureBytes> deriveSubkey(const SecureBytes &masterKey, SubkeyId id)
{
    if (auto ready = ensureSodium(); !ready)
        return ready.error();
    if (masterKey.size() != kMasterKeyBytes)
        return Error(ErrorCode::Internal, u"a subkey needs a 32-byte master key"_s);
    return subkey(masterKey, quint64(id));
}

namespace {

// Given a verified master key, opens the identity key pairs.
Result<UnlockedKeys> unlockWithVerifiedMasterKey(const WrappedKeyring &wrapped,
                                                 SecureBytes masterKey, const Error &onFailure)
{
    auto secretsKey = subkey(masterKey, kSecretKeysSubkeyId);
    if (!secretsKey)
        return secretsKey.error();
    auto secrets = open(*secretsKey, wrapped.wrappedSecretKeys, kSecretKeysBytes,
                        secretKeysAd(wrapped), onFailure);
    if (!secrets)
        return secrets.error();
    auto recordWrapKey = subkey(masterKey, kRecordWrapSubkeyId);
    if (!recordWrapKey)
        return recordWrapKey.error();

    UnlockedKeys keys;
    keys.userId = wrapped.userId;
    keys.masterKey = std::move(masterKey);
    keys.recordWrapKey = std::move(recordWrapKey).value();
    keys.boxSecretKey = SecureBytes::copyOf(secrets->data(), crypto_box_SECRETKEYBYTES);
    keys.signSecretKey = SecureBytes::copyOf(secrets->data() + crypto_box_SECRETKEYBYTES,
                                             crypto_sign_SECRETKEYBYTES);
    keys.boxPublicKey = wrapped.boxPublicKey;
    keys.signPublicKey = wrapped.signPublicKey;
    if (keys.boxSecretKey.isNull() || keys.signSecretKey.isNull())
        return cryptoFailure("sodium_malloc");

    // The stored public keys must belong to the secret keys, or records would be wrapped for a
    // key nobody holds.
    unsigned char derivedBoxPublic[crypto_box_PUBLICKEYBYTES];
    unsigned char derivedSignPublic[crypto_sign_PUBLICKEYBYTES];
    if (crypto_scalarmult_base(derivedBoxPublic, keys.boxSecretKey.data()) != 0 ||
        crypto_sign_ed25519_sk_to_pk(derivedSignPublic, keys.signSecretKey.data()) != 0)
        return cryptoFailure("public key derivation");
    if (wrapped.boxPublicKey.size() != crypto_box_PUBLICKEYBYTES ||
        wrapped.signPublicKey.size() != crypto_sign_PUBLICKEYBYTES ||
        sodium_memcmp(derivedBoxPublic, bytes(wrapped.boxPublicKey), crypto_box_PUBLICKEYBYTES) !=
            0 ||
        sodium_memcmp(derivedSignPublic, bytes(wrapped.signPublicKey),
                      crypto_sign_PUBLICKEYBYTES) != 0)
        return Error(ErrorCode::Corrupt,
                     u"the profile's public keys do not match its secret keys"_s);
    return keys;
}

Error wrongPassphrase()
{
    return Error(ErrorCode::WrongSecret,
                 u"the passphrase is wrong; check caps lock and keyboard layout, or use your "
                 u"recovery code"_s);
}

// The master key sealed under a fresh recovery code's wrapping key, and that code.
Result<std::pair<QByteArray, QString>> sealForRecovery(const SecureBytes &masterKey,
                                                       const QString &userId)
{
    const SecureBytes recoverySecret = recovery::newSecret();
    if (recoverySecret.isNull())
        return cryptoFailure("recovery secret");
    auto recoveryKey = recovery::wrappingKey(recoverySecret);
    if (!recoveryKey)
        return recoveryKey.error();
    auto sealed = seal(*recoveryKey, masterKey.data(), masterKey.size(), masterKeyAd(userId));
    if (!sealed)
        return sealed.error();
    return std::make_pair(std::move(sealed).value(), recovery::format(recoverySecret));
}

Error damagedKeys()
{
    return Error(ErrorCode::Corrupt, u"the profile's key pairs are damaged although the secret was "
                                     u"right; restore the profile folder from a backup"_s);
}

} // namespace

Status checkPassphraseStrength(const SecureBytes &passphrase)
{
    QString text = QString::fromUtf8(reinterpret_cast<const char *>(passphrase.data()),
                                     static_cast<qsizetype>(passphrase.size()));
    qsizetype characters = 0;
    for (auto it = text.cbegin(); it != text.cend(); ++it)
        if (!it->isLowSurrogate())
            ++characters;
    wipe(text); // the only reference, so this wipes the decoded passphrase itself
    if (characters < kMinPassphraseLength)
        return Error(ErrorCode::InvalidInput,
                     u"the passphrase must have at least %1 characters; a few unrelated words "
                     u"are easy to remember and hard to guess"_s.arg(kMinPassphraseLength));
    return {};
}

Result<CreatedKeyring> create(const QString &userId, const SecureBytes &passphrase,
                              const KdfParams &params)
{
    if (auto ready = ensureSodium(); !ready)
        return ready.error();
    if (auto strong = checkPassphraseStrength(passphrase); !strong)
        return strong.error();

    CreatedKeyring created;
    WrappedKeyring &wrapped = created.wrapped;
    wrapped.userId = userId;

    SecureBytes masterKey = SecureBytes::random(kMasterKeyBytes);
    SecureBytes secrets(kSecretKeysBytes);
    if (masterKey.isNull() || secrets.isNull())
        return cryptoFailure("sodium_malloc");
    wrapped.boxPublicKey.resize(crypto_box_PUBLICKEYBYTES);
    wrapped.signPublicKey.resize(crypto_sign_PUBLICKEYBYTES);
    if (crypto_box_keypair(reinterpret_cast<unsigned char *>(wrapped.boxPublicKey.data()),
                           secrets.data()) != 0 ||
        crypto_sign_keypair(reinterpret_cast<unsigned char *>(wrapped.signPublicKey.data()),
                            secrets.data() + crypto_box_SECRETKEYBYTES) != 0)
        return cryptoFailure("key pair generation");

    auto secretsKey = subkey(masterKey, kSecretKeysSubkeyId);
    if (!secretsKey)
        return secretsKey.error();
    auto sealedSecrets = seal(*secretsKey, secrets.data(), secrets.size(), secretKeysAd(wrapped));
    if (!sealedSecrets)
        return sealedSecrets.error();
    wrapped.wrappedSecretKeys = std::move(sealedSecrets).value();

    auto forRecovery = sealForRecovery(masterKey, userId);
    if (!forRecovery)
        return forRecovery.error();
    wrapped.recoveryWrappedMasterKey = std::move(forRecovery->first);
    created.recoveryCode = std::move(forRecovery->second);

    auto unlocked = unlockWithVerifiedMasterKey(
        wrapped, masterKey.clone(),
        Error(ErrorCode::Internal, u"new keys did not open again; this is a bug"_s));
    if (!unlocked)
        return unlocked.error();
    created.keys = std::move(unlocked).value();

    auto rewrapped = withNewPassphrase(wrapped, created.keys, passphrase, params);
    if (!rewrapped)
        return rewrapped.error();
    created.wrapped = std::move(rewrapped).value();
    return created;
}

Result<RenewedRecovery> withNewRecoveryCode(const WrappedKeyring &wrapped, const UnlockedKeys &keys)
{
    if (auto ready = ensureSodium(); !ready)
        return ready.error();
    if (keys.userId != wrapped.userId || keys.masterKey.size() != kMasterKeyBytes)
        return Error(ErrorCode::Internal, u"the unlocked keys do not belong to this keyring"_s);
    auto forRecovery = sealForRecovery(keys.masterKey, wrapped.userId);
    if (!forRecovery)
        return forRecovery.error();
    RenewedRecovery renewed{wrapped, std::move(forRecovery->second)};
    renewed.wrapped.recoveryWrappedMasterKey = std::move(forRecovery->first);
    return renewed;
}

Result<UnlockedKeys> unlockWithPassphrase(const WrappedKeyring &wrapped,
                                          const SecureBytes &passphrase)
{
    auto kek = derivePassphraseKey(passphrase, wrapped.salt, wrapped.kdf);
    if (!kek)
        return kek.error();
    auto masterKey = open(*kek, wrapped.passphraseWrappedMasterKey, kMasterKeyBytes,
                          masterKeyAd(wrapped.userId), wrongPassphrase());
    if (!masterKey)
        return masterKey.error();
    // The master key opened, so the secret was right: a failure past this point is damage.
    return unlockWithVerifiedMasterKey(wrapped, std::move(masterKey).value(), damagedKeys());
}

Result<UnlockedKeys> unlockWithRecoveryCode(const WrappedKeyring &wrapped,
                                            const QString &recoveryCode)
{
    auto secret = recovery::parse(recoveryCode);
    if (!secret)
        return secret.error();
    auto kek = recovery::wrappingKey(*secret);
    if (!kek)
        return kek.error();
    const Error wrongCode(ErrorCode::WrongSecret,
                          u"this recovery code belongs to another profile; check that you are "
                          u"using the code printed for this one"_s);
    auto masterKey = open(*kek, wrapped.recoveryWrappedMasterKey, kMasterKeyBytes,
                          masterKeyAd(wrapped.userId), wrongCode);
    if (!masterKey)
        return masterKey.error();
    return unlockWithVerifiedMasterKey(wrapped, std::move(masterKey).value(), damagedKeys());
}

Result<UnlockedKeys> unlockWithMasterKey(const WrappedKeyring &wrapped,
                                         const SecureBytes &masterKey)
{
    if (auto ready = ensureSodium(); !ready)
        return ready.error();
    if (masterKey.size() != kMasterKeyBytes)
        return Error(ErrorCode::WrongSecret, u"the key remembered on this device is not valid"_s);
    return unlockWithVerifiedMasterKey(
        wrapped, masterKey.clone(),
        Error(ErrorCode::WrongSecret,
              u"the key remembered on this device no longer opens this profile; unlock with "
              u"your passphrase"_s));
}

Result<WrappedKeyring> withNewPassphrase(const WrappedKeyring &wrapped, const UnlockedKeys &keys,
                                         const SecureBytes &newPassphrase, const KdfParams &params)
{
    if (auto strong = checkPassphraseStrength(newPassphrase); !strong)
        return strong.error();
    WrappedKeyring result = wrapped;
    result.kdf = params;
    result.salt.resize(kSaltBytes);
    randombytes_buf(result.salt.data(), kSaltBytes);
    auto kek = derivePassphraseKey(newPassphrase, result.salt, params);
    if (!kek)
        return kek.error();
    auto sealed =
        seal(*kek, keys.masterKey.data(), keys.masterKey.size(), masterKeyAd(result.userId));
    if (!sealed)
        return sealed.error();
    result.passphraseWrappedMasterKey = std::move(sealed).value();
    return result;
}

namespace {

// The sizes and the user id of a keyring from elsewhere, before any of it is trusted.
Status checkReceived(const ReceivedKeyring &received)
{
    const QUuid id = QUuid::fromString(received.userId);
    if (id.isNull() || id.toString(QUuid::WithoutBraces) != received.userId)
        return Error(ErrorCode::Corrupt,
                     u"the account's keys as received name no valid user id; nothing was saved: "
                     u"start adding this device again"_s);
    if (received.boxPublicKey.size() != crypto_box_PUBLICKEYBYTES ||
        received.signPublicKey.size() != crypto_sign_PUBLICKEYBYTES ||
        received.wrappedSecretKeys.size() != kNonceBytes + kSecretKeysBytes + kTagBytes ||
        received.recoveryWrappedMasterKey.size() != kNonceBytes + kMasterKeyBytes + kTagBytes)
        return Error(ErrorCode::Corrupt,
                     u"the account's keys as received have the wrong sizes; nothing was saved: "
                     u"start adding this device again"_s);
    return {};
}

WrappedKeyring unverifiedKeyring(const ReceivedKeyring &received)
{
    WrappedKeyring wrapped;
    wrapped.userId = received.userId;
    wrapped.boxPublicKey = received.boxPublicKey;
    wrapped.signPublicKey = received.signPublicKey;
    wrapped.wrappedSecretKeys = received.wrappedSecretKeys;
    wrapped.recoveryWrappedMasterKey = received.recoveryWrappedMasterKey;
    return wrapped;
}

// Step 2 and 3 of crypto.md 3.3 with a master key that came from elsewhere, then this device's
// own passphrase wrap (3.4).
Result<AdoptedKeyring> adoptVerified(const ReceivedKeyring &received, SecureBytes masterKey,
                                     const SecureBytes &newPassphrase, const KdfParams &params)
{
    const WrappedKeyring wrapped = unverifiedKeyring(received);
    // The associated data binds the user id and both public keys, so a substituted key, another
    // user id or another account's master key all fail this one tag.
    auto keys = unlockWithVerifiedMasterKey(
        wrapped, std::move(masterKey),
        Error(ErrorCode::Corrupt,
              u"the account's key pairs do not open with its master key: the keys received "
              u"belong to another account or were changed on the way; nothing was saved: start "
              u"adding this device again, and tell your administrator if it happens again"_s));
    if (!keys)
        return keys.error();
    auto rewrapped = withNewPassphrase(wrapped, *keys, newPassphrase, params);
    if (!rewrapped)
        return rewrapped.error();
    return AdoptedKeyring{std::move(rewrapped).value(), std::move(keys).value()};
}

} // namespace

Result<AdoptedKeyring> adopt(const ReceivedKeyring &received, const SecureBytes &masterKey,
                             const SecureBytes &newPassphrase, const KdfParams &params)
{
    if (auto ready = ensureSodium(); !ready)
        return ready.error();
    if (auto strong = checkPassphraseStrength(newPassphrase); !strong)
        return strong.error();
    if (auto checked = checkReceived(received); !checked)
        return checked.error();
    if (masterKey.size() != kMasterKeyBytes)
        return Error(ErrorCode::Corrupt, u"the account's master key as received is not 32 bytes; "
                                         u"start adding this device again"_s);
    return adoptVerified(received, masterKey.clone(), newPassphrase, params);
}

Result<AdoptedKeyring> adoptWithRecoveryCode(const ReceivedKeyring &received,
                                             const QString &recoveryCode,
                                             const SecureBytes &newPassphrase,
                                             const KdfParams &params)
{
    if (auto ready = ensureSodium(); !ready)
        return ready.error();
    if (auto strong = checkPassphraseStrength(newPassphrase); !strong)
        return strong.error();
    if (auto checked = checkReceived(received); !checked)
        return checked.error();
    auto secret = recovery::parse(recoveryCode);
    if (!secret)
        return secret.error();
    auto kek = recovery::wrappingKey(*secret);
    if (!kek)
        return kek.error();
    auto masterKey =
        open(*kek, received.recoveryWrappedMasterKey, kMasterKeyBytes, masterKeyAd(received.userId),
             Error(ErrorCode::WrongSecret,
                   u"this recovery code does not open this account; check that it "
                   u"is the code printed when this account was created"_s));
    if (!masterKey)
        return masterKey.error();
    return adoptVerified(received, std::move(masterKey).value(), newPassphrase, params);
}

} // namespace outward::keyring
