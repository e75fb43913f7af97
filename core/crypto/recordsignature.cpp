#include "core/crypto/recordsignature.h"

#include "core/crypto/signing.h"
#include "core/crypto/sodium.h"

#include <sodium.h>

using namespace Qt::StringLiterals;

namespace outward::recordsig {

namespace {

constexpr char kKeyCommitLabel[] = "outward/key-commit/v1";
constexpr char kRecordLabel[] = "outward/record/v1";
constexpr int kHashBytes = crypto_generichash_BYTES;

static_assert(sizeof kKeyCommitLabel - 1 == 21 && sizeof kRecordLabel - 1 == 17);
static_assert(kKeyCommitBytes == kHashBytes && kSignatureBytes == signing::kSignatureBytes);

Error failedIntegrity()
{
    return Error(ErrorCode::Corrupt,
                 u"the record failed its integrity check: its signature does not match its "
                 u"author's key, so it was damaged or tampered with"_s);
}

} // namespace

Result<QByteArray> keyCommitment(const unsigned char *recordKey, int recordKeyBytes)
{
    if (auto ready = ensureSodium(); !ready)
        return ready.error();
    QByteArray out(kKeyCommitBytes, Qt::Uninitialized);
    crypto_generichash_state state;
    const bool ok =
        crypto_generichash_init(&state, nullptr, 0, kKeyCommitBytes) == 0 &&
        crypto_generichash_update(&state, reinterpret_cast<const unsigned char *>(kKeyCommitLabel),
                                  sizeof kKeyCommitLabel - 1) == 0 &&
        crypto_generichash_update(&state, recordKey,
                                  static_cast<unsigned long long>(recordKeyBytes)) == 0 &&
        crypto_generichash_final(&state, reinterpret_cast<unsigned char *>(out.data()),
                                 kKeyCommitBytes) == 0;
    sodium_memzero(&state, sizeof state); // the state has absorbed the record key
    if (!ok)
        return cryptoFailure("crypto_generichash");
    return out;
}

Result<QByteArray> keyCommitment(const QByteArray &recordKey)
{
    return keyCommitment(reinterpret_cast<const unsigned char *>(recordKey.constData()),
                         int(recordKey.size()));
}

namespace {
constexpr qsizetype kLabelBytes = sizeof kRecordLabel - 1;

// The 81-byte message with its hash part left to fill: one allocation per message, which every
// pulled and every pushed record builds.
QByteArray messageWithoutHash(const QByteArray &keyCommit)
{
    QByteArray message(kLabelBytes + kHashBytes + kKeyCommitBytes, Qt::Uninitialized);
    auto *out = reinterpret_cast<unsigned char *>(message.data());
    memcpy(out, kRecordLabel, kLabelBytes);
    memcpy(out + kLabelBytes + kHashBytes, keyCommit.constData(), kKeyCommitBytes);
    return message;
}
} // namespace

Result<QByteArray> signedMessage(const QByteArray &envelope, const QByteArray &keyCommit)
{
    if (auto ready = ensureSodium(); !ready)
        return ready.error();
    if (keyCommit.size() != kKeyCommitBytes)
        return Error(ErrorCode::InvalidInput, u"a key commitment must be 32 bytes"_s);
    QByteArray message = messageWithoutHash(keyCommit);
    if (crypto_generichash(reinterpret_cast<unsigned char *>(message.data()) + kLabelBytes,
                           kHashBytes,
                           reinterpret_cast<const unsigned char *>(envelope.constData()),
                           static_cast<unsigned long long>(envelope.size()), nullptr, 0) != 0)
        return cryptoFailure("crypto_generichash");
    return message;
}

Result<QByteArray> signedMessageForHash(const QByteArray &envelopeHash, const QByteArray &keyCommit)
{
    if (keyCommit.size() != kKeyCommitBytes)
        return Error(ErrorCode::InvalidInput, u"a key commitment must be 32 bytes"_s);
    if (envelopeHash.size() != kHashBytes)
        return Error(ErrorCode::InvalidInput, u"an envelope hash must be 32 bytes"_s);
    QByteArray message = messageWithoutHash(keyCommit);
    memcpy(message.data() + kLabelBytes, envelopeHash.constData(), kHashBytes);
    return message;
}

Result<QByteArray> sign(const QByteArray &envelope, const QByteArray &keyCommit,
                        const SecureBytes &signSecretKey)
{
    auto message = signedMessage(envelope, keyCommit);
    if (!message)
        return message.error();
    return signing::sign(*message, signSecretKey);
}

Status verify(const QByteArray &envelope, const QByteArray &keyCommit, const QByteArray &signature,
              const QByteArray &signPublicKey)
{
    if (keyCommit.size() != kKeyCommitBytes || signature.size() != kSignatureBytes)
        return failedIntegrity();
    auto message = signedMessage(envelope, keyCommit);
    if (!message)
        return message.error();
    if (!signing::verify(*message, signature, signPublicKey))
        return failedIntegrity();
    return {};
}

} // namespace outward::recordsig
