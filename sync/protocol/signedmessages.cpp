#include "sync/protocol/signedmessages.h"

#include "core/crypto/recordsignature.h"
#include "core/crypto/signing.h"
#include "core/crypto/sodium.h"
#include "sync/protocol/base64url.h"
#include "sync/protocol/crockford.h"

#include <sodium.h>

#include <array>

using namespace Qt::StringLiterals;

namespace outward::protocol::signing {

namespace {
constexpr char kEnrollLabel[] = "outward/enroll/v1";
constexpr char kAuthLabel[] = "outward/auth/v1";
constexpr char kDeviceLabel[] = "outward/device/v1";
constexpr char kLinkMailboxLabel[] = "outward link mailbox v1";
constexpr char kLinkKeyLabel[] = "outward link key v1";
constexpr char kLinkBlobAdPrefix[] = "outward/link/v1/";
constexpr int kNonceBytes = crypto_aead_xchacha20poly1305_ietf_NPUBBYTES;
constexpr int kTagBytes = crypto_aead_xchacha20poly1305_ietf_ABYTES;
constexpr int kFingerprintBytes = 10;
static_assert(kLinkBlobBytes == kNonceBytes + kMasterKeyBytes + kTagBytes);
static_assert(kKeyCommitBytes == recordsig::kKeyCommitBytes &&
              kSignatureBytes == recordsig::kSignatureBytes);
static_assert(sizeof kLinkMailboxLabel - 1 >= crypto_generichash_KEYBYTES_MIN);
static_assert(sizeof kLinkKeyLabel - 1 >= crypto_generichash_KEYBYTES_MIN);

template<std::size_t N>
QByteArray label(const char (&text)[N])
{
    return QByteArray(text, N - 1);
}

Error wrongInput(const QString &what)
{
    return Error(ErrorCode::InvalidInput, what);
}

Status checkLength(const QByteArray &bytes, qsizetype expected, const char *what)
{
    if (bytes.size() != expected)
        return wrongInput(u"%1 is %2 bytes; it must be %3"_s.arg(QString::fromLatin1(what))
                              .arg(bytes.size())
                              .arg(expected));
    return {};
}

const unsigned char *bytesOf(const QByteArray &data)
{
    return reinterpret_cast<const unsigned char *>(data.constData());
}

// HK(label, secret): keyed BLAKE2b-256 with the ASCII label as the key.
template<std::size_t N>
Status keyedHash(unsigned char *out, const char (&key)[N], const SecureBytes &secret)
{
    if (crypto_generichash(out, crypto_generichash_BYTES, secret.data(), secret.size(),
                           reinterpret_cast<const unsigned char *>(key), N - 1) != 0)
        return cryptoFailure("crypto_generichash");
    return {};
}

QByteArray linkAd(const QString &userId)
{
    return label(kLinkBlobAdPrefix) + userId.toUtf8();
}

int hexValue(char16_t c)
{
    if (c >= u'0' && c <= u'9')
        return c - u'0';
    if (c >= u'a' && c <= u'f')
        return c - u'a' + 10;
    return -1;
}
} // namespace

bool isCanonicalUuid(QStringView text)
{
    if (text.size() != 36)
        return false;
    bool allZero = true;
    for (qsizetype i = 0; i < text.size(); ++i) {
        if (i == 8 || i == 13 || i == 18 || i == 23) {
            if (text[i] != u'-')
                return false;
            continue;
        }
        const int value = hexValue(text[i].unicode());
        if (value < 0)
            return false;
        allZero = allZero && value == 0;
    }
    return !allZero;
}

Result<QByteArray> uuidBytes(QStringView canonicalUuid)
{
    if (!isCanonicalUuid(canonicalUuid))
        return wrongInput(u"an id is not a canonical lower-case UUID"_s);
    QByteArray out;
    out.reserve(kUuidBytes);
    int high = -1;
    for (const QChar c : canonicalUuid) {
        if (c == u'-')
            continue;
        const int value = hexValue(c.unicode());
        if (high < 0) {
            high = value;
        } else {
            out.append(static_cast<char>((high << 4) | value));
            high = -1;
        }
    }
    return out;
}

Result<QByteArray> hash(const QByteArray &data)
{
    if (auto ready = ensureSodium(); !ready)
        return ready.error();
    QByteArray out(kHashBytes, Qt::Uninitialized);
    if (crypto_generichash(reinterpret_cast<unsigned char *>(out.data()), kHashBytes, bytesOf(data),
                           static_cast<unsigned long long>(data.size()), nullptr, 0) != 0)
        return cryptoFailure("crypto_generichash");
    return out;
}

Result<QByteArray> hashText(QStringView asciiText)
{
    for (const QChar c : asciiText)
        if (c.unicode() > 0x7f)
            return wrongInput(u"a code or token contains a character outside ASCII"_s);
    return hash(asciiText.toLatin1());
}

Result<QByteArray> enrolmentMessage(QStringView serverId, QStringView userId,
                                    const QByteArray &boxPublicKey, const QByteArray &signPublicKey,
                                    const QByteArray &devicePublicKey,
                                    const QByteArray &wrappedSecretKeys,
                                    const QByteArray &recoveryWrappedMasterKey)
{
    const auto server = uuidBytes(serverId);
    const auto user = uuidBytes(userId);
    if (!server)
        return server.error();
    if (!user)
        return user.error();
    for (const auto &[key, name] : {std::pair{&boxPublicKey, "the box public key"},
                                    std::pair{&signPublicKey, "the sign public key"},
                                    std::pair{&devicePublicKey, "the device public key"}})
        if (auto length = checkLength(*key, kPublicKeyBytes, name); !length)
            return length.error();
    const auto wrappedHash = hash(wrappedSecretKeys);
    const auto recoveryHash = hash(recoveryWrappedMasterKey);
    if (!wrappedHash)
        return wrappedHash.error();
    if (!recoveryHash)
        return recoveryHash.error();
    QByteArray message = label(kEnrollLabel);
    message.reserve(kEnrolmentMessageBytes);
    message += *server + *user + boxPublicKey + signPublicKey + devicePublicKey + *wrappedHash +
               *recoveryHash;
    Q_ASSERT(message.size() == kEnrolmentMessageBytes);
    return message;
}

Result<QByteArray> authMessage(QStringView serverId, QStringView deviceId,
                               const QByteArray &challenge)
{
    const auto server = uuidBytes(serverId);
    const auto device = uuidBytes(deviceId);
    if (!server)
        return server.error();
    if (!device)
        return device.error();
    if (auto length = checkLength(challenge, kChallengeBytes, "the challenge"); !length)
        return length.error();
    QByteArray message = label(kAuthLabel) + *server + *device + challenge;
    Q_ASSERT(message.size() == kAuthMessageBytes);
    return message;
}

Result<QByteArray> deviceRegistrationMessage(QStringView serverId, QStringView userId,
                                             const QByteArray &devicePublicKey,
                                             QStringView claimToken)
{
    const auto server = uuidBytes(serverId);
    const auto user = uuidBytes(userId);
    if (!server)
        return server.error();
    if (!user)
        return user.error();
    if (auto length = checkLength(devicePublicKey, kPublicKeyBytes, "the device public key");
        !length)
        return length.error();
    const auto tokenDigest = hashText(claimToken);
    if (!tokenDigest)
        return tokenDigest.error();
    QByteArray message = label(kDeviceLabel) + *server + *user + devicePublicKey + *tokenDigest;
    Q_ASSERT(message.size() == kDeviceMessageBytes);
    return message;
}

// The key commitment, the record message and Ed25519 itself are core's (recordsig, signing), so
// device and server share one implementation of each; this layer adds the length checks.
Result<QByteArray> keyCommitment(const unsigned char *recordKey, qsizetype recordKeyBytes)
{
    if (recordKeyBytes != kRecordKeyBytes || recordKey == nullptr)
        return wrongInput(u"a record key must be %1 bytes"_s.arg(kRecordKeyBytes));
    return recordsig::keyCommitment(recordKey, kRecordKeyBytes);
}

Result<QByteArray> keyCommitment(const SecureBytes &recordKey)
{
    return keyCommitment(recordKey.data(), static_cast<qsizetype>(recordKey.size()));
}

Result<QByteArray> recordMessage(const QByteArray &envelope, const QByteArray &keyCommit)
{
    if (auto length = checkLength(keyCommit, kKeyCommitBytes, "the key commitment"); !length)
        return length.error();
    return recordsig::signedMessage(envelope, keyCommit);
}

Result<QByteArray> sign(const QByteArray &message, const SecureBytes &secretKey)
{
    if (secretKey.size() != static_cast<std::size_t>(kSecretKeyBytes))
        return wrongInput(u"a signing key must be %1 bytes"_s.arg(kSecretKeyBytes));
    return ::outward::signing::sign(message, secretKey);
}

bool verify(const QByteArray &signature, const QByteArray &message, const QByteArray &publicKey)
{
    return ::outward::signing::verify(message, signature, publicKey);
}

Result<QByteArray> signRecord(const QByteArray &envelope, const QByteArray &keyCommit,
                              const SecureBytes &signSecretKey)
{
    const auto message = recordMessage(envelope, keyCommit);
    if (!message)
        return message.error();
    return sign(*message, signSecretKey);
}

bool verifyRecord(const QByteArray &signature, const QByteArray &envelope,
                  const QByteArray &keyCommit, const QByteArray &signPublicKey)
{
    const auto message = recordMessage(envelope, keyCommit);
    return message.ok() && verify(signature, *message, signPublicKey);
}

bool verifyRecordHash(const QByteArray &signature, const QByteArray &envelopeHash,
                      const QByteArray &keyCommit, const QByteArray &signPublicKey)
{
    const auto message = recordsig::signedMessageForHash(envelopeHash, keyCommit);
    return message.ok() && verify(signature, *message, signPublicKey);
}

bool isUsableBoxPublicKey(const QByteArray &publicKey)
{
    if (!ensureSodium() || publicKey.size() != crypto_box_PUBLICKEYBYTES)
        return false;
    // BOXKEY with a throwaway secret key: libsodium refuses exactly the low-order points, whose
    // X25519 result is all zero whatever the secret key.
    std::array<unsigned char, crypto_box_SECRETKEYBYTES> secret{};
    randombytes_buf(secret.data(), secret.size());
    std::array<unsigned char, crypto_box_BEFORENMBYTES> shared{};
    const bool usable = crypto_box_beforenm(shared.data(), bytesOf(publicKey), secret.data()) == 0;
    sodium_memzero(secret.data(), secret.size());
    sodium_memzero(shared.data(), shared.size());
    return usable;
}

bool isValidSignPublicKey(const QByteArray &publicKey)
{
    if (!ensureSodium() || publicKey.size() != crypto_sign_PUBLICKEYBYTES)
        return false;
    // Ed25519 -> X25519 conversion decodes the point and refuses invalid and small-order ones.
    std::array<unsigned char, crypto_scalarmult_curve25519_BYTES> converted{};
    return crypto_sign_ed25519_pk_to_curve25519(converted.data(), bytesOf(publicKey)) == 0;
}

Result<QString> keyFingerprint(const QByteArray &boxPublicKey, const QByteArray &signPublicKey)
{
    if (auto length = checkLength(boxPublicKey, kPublicKeyBytes, "the box public key"); !length)
        return length.error();
    if (auto length = checkLength(signPublicKey, kPublicKeyBytes, "the sign public key"); !length)
        return length.error();
    const auto digest = hash(boxPublicKey + signPublicKey);
    if (!digest)
        return digest.error();
    return crockford::fromBytes(digest->left(kFingerprintBytes));
}

SecureBytes newLinkSecret()
{
    if (!ensureSodium())
        return {};
    return SecureBytes::random(kLinkSecretBytes);
}

Result<QByteArray> linkMailboxId(const SecureBytes &linkSecret)
{
    if (auto ready = ensureSodium(); !ready)
        return ready.error();
    if (linkSecret.size() != static_cast<std::size_t>(kLinkSecretBytes))
        return wrongInput(u"a link secret must be %1 bytes"_s.arg(kLinkSecretBytes));
    std::array<unsigned char, crypto_generichash_BYTES> digest{};
    if (auto hashed = keyedHash(digest.data(), kLinkMailboxLabel, linkSecret); !hashed)
        return hashed.error();
    return QByteArray(reinterpret_cast<const char *>(digest.data()), kMailboxIdBytes);
}

Result<SecureBytes> linkKey(const SecureBytes &linkSecret)
{
    if (auto ready = ensureSodium(); !ready)
        return ready.error();
    if (linkSecret.size() != static_cast<std::size_t>(kLinkSecretBytes))
        return wrongInput(u"a link secret must be %1 bytes"_s.arg(kLinkSecretBytes));
    SecureBytes key(kLinkKeyBytes);
    if (key.isNull())
        return cryptoFailure("sodium_malloc");
    if (auto hashed = keyedHash(key.data(), kLinkKeyLabel, linkSecret); !hashed)
        return hashed.error();
    return key;
}

Result<QByteArray> sealLinkBlob(const SecureBytes &linkKey, const SecureBytes &masterKey,
                                const QString &userId)
{
    if (auto ready = ensureSodium(); !ready)
        return ready.error();
    if (linkKey.size() != static_cast<std::size_t>(kLinkKeyBytes) ||
        masterKey.size() != static_cast<std::size_t>(kMasterKeyBytes))
        return wrongInput(u"the link key and the master key must be 32 bytes each"_s);
    const QByteArray ad = linkAd(userId);
    QByteArray blob(kLinkBlobBytes, Qt::Uninitialized);
    auto *out = reinterpret_cast<unsigned char *>(blob.data());
    randombytes_buf(out, kNonceBytes);
    unsigned long long written = 0;
    if (crypto_aead_xchacha20poly1305_ietf_encrypt(
            out + kNonceBytes, &written, masterKey.data(), masterKey.size(), bytesOf(ad),
            static_cast<unsigned long long>(ad.size()), nullptr, out, linkKey.data()) != 0 ||
        written != static_cast<unsigned long long>(kMasterKeyBytes + kTagBytes))
        return cryptoFailure("crypto_aead_xchacha20poly1305_ietf_encrypt");
    return blob;
}

Result<SecureBytes> openLinkBlob(const SecureBytes &linkKey, const QByteArray &blob,
                                 const QString &userId)
{
    if (auto ready = ensureSodium(); !ready)
        return ready.error();
    if (linkKey.size() != static_cast<std::size_t>(kLinkKeyBytes))
        return wrongInput(u"a link key must be %1 bytes"_s.arg(kLinkKeyBytes));
    if (blob.size() != kLinkBlobBytes)
        return Error(ErrorCode::Corrupt,
                     u"the link blob from the server is %1 bytes; it must be %2"_s.arg(blob.size())
                         .arg(kLinkBlobBytes));
    SecureBytes masterKey(kMasterKeyBytes);
    if (masterKey.isNull())
        return cryptoFailure("sodium_malloc");
    const QByteArray ad = linkAd(userId);
    const auto *in = bytesOf(blob);
    unsigned long long written = 0;
    if (crypto_aead_xchacha20poly1305_ietf_decrypt(
            masterKey.data(), &written, nullptr, in + kNonceBytes,
            static_cast<unsigned long long>(kMasterKeyBytes + kTagBytes), bytesOf(ad),
            static_cast<unsigned long long>(ad.size()), in, linkKey.data()) != 0 ||
        written != static_cast<unsigned long long>(kMasterKeyBytes))
        return Error(ErrorCode::WrongSecret,
                     u"the link code does not match: check it for typos, or make a new one on "
                     u"the other device"_s);
    return masterKey;
}

namespace {
QString randomToken(QLatin1StringView prefix)
{
    if (!ensureSodium())
        return {};
    QByteArray random(kTokenRandomBytes, Qt::Uninitialized);
    randombytes_buf(random.data(), static_cast<size_t>(random.size()));
    const QString token = QString(prefix) + base64url::encode(random);
    sodium_memzero(random.data(), static_cast<size_t>(random.size()));
    return token;
}
} // namespace

QString newToken()
{
    return randomToken(kTokenPrefix);
}

QString newClaimToken()
{
    return randomToken(kClaimTokenPrefix);
}

bool isWellFormedToken(QStringView token, QLatin1StringView prefix)
{
    if (token.size() != kTokenChars || !token.startsWith(prefix))
        return false;
    return base64url::decodeExact(token.mid(prefix.size()), kTokenRandomBytes).ok();
}

Result<QByteArray> tokenHash(QStringView token)
{
    return hashText(token);
}

} // namespace outward::protocol::signing
