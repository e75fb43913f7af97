#pragma once

#include "core/common/result.h"
#include "core/crypto/securebytes.h"

#include <QByteArray>
#include <QString>
#include <QStringView>

// The signed and derived values of protocol.md section 5.1, byte for byte, and the helpers that
// sign and verify them. H is BLAKE2b-256 (crypto_generichash, 32 bytes), HK keyed BLAKE2b with the
// ASCII label as the key (crypto.md 1). UUIDs enter a message as their 16 raw bytes in RFC 4122
// order. Message builders refuse inputs of the wrong length or a non-canonical id
// (ErrorCode::InvalidInput), so a layout can never shift.
namespace outward::protocol::signing {

inline constexpr int kHashBytes = 32;
inline constexpr int kUuidBytes = 16;
inline constexpr int kPublicKeyBytes = 32;
inline constexpr int kSecretKeyBytes = 64; // Ed25519 seed || public key
inline constexpr int kSignatureBytes = 64;
inline constexpr int kChallengeBytes = 32;
inline constexpr int kRecordKeyBytes = 32;
inline constexpr int kKeyCommitBytes = 32;
inline constexpr int kMasterKeyBytes = 32;
inline constexpr int kLinkSecretBytes = 15;
inline constexpr int kMailboxIdBytes = 16;
inline constexpr int kLinkKeyBytes = 32;
inline constexpr int kLinkBlobBytes = 72; // nonce(24) || AEAD(master key(32)) incl. tag(16)
inline constexpr int kFingerprintChars = 16;

// Total lengths of the signed messages (5.1).
inline constexpr int kEnrolmentMessageBytes = 17 + 16 + 16 + 32 + 32 + 32 + 32 + 32; // 209
inline constexpr int kAuthMessageBytes = 15 + 16 + 16 + 32;                          // 79
inline constexpr int kDeviceMessageBytes = 17 + 16 + 16 + 32 + 32;                   // 113
inline constexpr int kRecordMessageBytes = 17 + 32 + 32;                             // 81

// A canonical lower-case UUID (no braces) as 16 bytes in RFC 4122 order.
[[nodiscard]] Result<QByteArray> uuidBytes(QStringView canonicalUuid);
// Whether text is a canonical id: 36 characters, lower-case hex, dashes at 8, 13, 18, 23, not nil.
bool isCanonicalUuid(QStringView text);

// H(data), 32 bytes.
[[nodiscard]] Result<QByteArray> hash(const QByteArray &data);
// H(ASCII text): how the server stores invite codes, tickets, tokens and claim tokens.
// InvalidInput for a character outside ASCII: no issued code or token has one, so a caller
// treats such text as unknown.
[[nodiscard]] Result<QByteArray> hashText(QStringView asciiText);

// "outward/enroll/v1" || server id || user id || box pk || sign pk || device pk
//   || H(wrapped_secret_keys) || H(recovery_wrapped_master_key)
[[nodiscard]] Result<QByteArray>
enrolmentMessage(QStringView serverId, QStringView userId, const QByteArray &boxPublicKey,
                 const QByteArray &signPublicKey, const QByteArray &devicePublicKey,
                 const QByteArray &wrappedSecretKeys, const QByteArray &recoveryWrappedMasterKey);
// "outward/auth/v1" || server id || device id || challenge
[[nodiscard]] Result<QByteArray> authMessage(QStringView serverId, QStringView deviceId,
                                             const QByteArray &challenge);
// "outward/device/v1" || server id || user id || device pk || H(claim token as ASCII)
[[nodiscard]] Result<QByteArray> deviceRegistrationMessage(QStringView serverId, QStringView userId,
                                                           const QByteArray &devicePublicKey,
                                                           QStringView claimToken);
// H("outward/key-commit/v1" || record key)
[[nodiscard]] Result<QByteArray> keyCommitment(const unsigned char *recordKey,
                                               qsizetype recordKeyBytes);
[[nodiscard]] Result<QByteArray> keyCommitment(const SecureBytes &recordKey);
// "outward/record/v1" || H(envelope) || key commitment
[[nodiscard]] Result<QByteArray> recordMessage(const QByteArray &envelope,
                                               const QByteArray &keyCommit);

// crypto_sign_detached with a 64-byte Ed25519 secret key: 64 bytes.
[[nodiscard]] Result<QByteArray> sign(const QByteArray &message, const SecureBytes &secretKey);
// crypto_sign_verify_detached; false for any length mismatch.
bool verify(const QByteArray &signature, const QByteArray &message, const QByteArray &publicKey);
// recordMessage then sign / verify: the record signature of 5.3.
[[nodiscard]] Result<QByteArray> signRecord(const QByteArray &envelope, const QByteArray &keyCommit,
                                            const SecureBytes &signSecretKey);
bool verifyRecord(const QByteArray &signature, const QByteArray &envelope,
                  const QByteArray &keyCommit, const QByteArray &signPublicKey);
// The same from H(envelope), for a caller that hashed the envelope already; false when the hash
// is not 32 bytes.
bool verifyRecordHash(const QByteArray &signature, const QByteArray &envelopeHash,
                      const QByteArray &keyCommit, const QByteArray &signPublicKey);

// Whether a 32-byte X25519 public key is usable (crypto_box_beforenm succeeds: not low order),
// and whether a 32-byte Ed25519 public key is a valid point. The server's invalid_key checks.
bool isUsableBoxPublicKey(const QByteArray &publicKey);
bool isValidSignPublicKey(const QByteArray &publicKey);

// Section 10: H(box pk || sign pk), first 10 bytes, as 16 Crockford base32 digits.
[[nodiscard]] Result<QString> keyFingerprint(const QByteArray &boxPublicKey,
                                             const QByteArray &signPublicKey);

// Linking (14.2): the 15-byte link secret, the mailbox id HK("outward link mailbox v1", secret)
// cut to 16 bytes, the link key HK("outward link key v1", secret), and the 72-byte blob
// nonce(24) || XChaCha20-Poly1305-IETF(link key, nonce, master key, "outward/link/v1/" || user id).
SecureBytes newLinkSecret(); // null if libsodium cannot start
[[nodiscard]] Result<QByteArray> linkMailboxId(const SecureBytes &linkSecret);
[[nodiscard]] Result<SecureBytes> linkKey(const SecureBytes &linkSecret);
[[nodiscard]] Result<QByteArray> sealLinkBlob(const SecureBytes &linkKey,
                                              const SecureBytes &masterKey, const QString &userId);
// ErrorCode::WrongSecret ("the link code does not match") when the tag does not verify: a typo in
// the code, or a blob from elsewhere.
[[nodiscard]] Result<SecureBytes> openLinkBlob(const SecureBytes &linkKey, const QByteArray &blob,
                                               const QString &userId);

// Tokens (9.2, 14.3): prefix + base64url(32 random bytes), 48 characters.
inline constexpr QLatin1StringView kTokenPrefix("owt1_");
inline constexpr QLatin1StringView kClaimTokenPrefix("owc1_");
inline constexpr int kTokenRandomBytes = 32;
inline constexpr int kTokenChars = 5 + 43;
QString newToken();      // "owt1_…"; empty if libsodium cannot start
QString newClaimToken(); // "owc1_…"
// The prefix, then base64url decoding to exactly 32 bytes.
bool isWellFormedToken(QStringView token, QLatin1StringView prefix);
// H(token as ASCII): what the server stores and looks up.
[[nodiscard]] Result<QByteArray> tokenHash(QStringView token);

} // namespace outward::protocol::signing
