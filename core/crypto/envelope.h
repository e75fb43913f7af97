#pragma once

#include "core/common/result.h"
#include "core/crypto/keyring.h"

#include <QByteArray>
#include <QHash>
#include <QList>

#include <memory>

namespace outward {

// A record as it is stored and as it travels (docs/crypto.md, "Record envelope"):
//   magic "OWE\x01" | u32le header length | header | u8 wrap count | wraps | nonce | ciphertext
// The header is plaintext JSON; every byte before the payload nonce is the payload's associated
// data, so no byte of header, metrics or wraps can change unnoticed. Each wrap holds the record
// key and a commitment to header and plaintext, for the author or for one reader.
namespace envelope {

constexpr int kMagicBytes = 4;
constexpr int kWrapBytes =
    1 + 32 + 24 + 32 + 32 + 16; // type, recipient, nonce, key+commitment, tag
constexpr int kMaxHeaderBytes = 64 * 1024;
constexpr int kMaxWraps = 255;

enum class WrapType : quint8
{
    Author = 1,
    Reader = 2
};

// The header bytes, after checking the envelope's structure; needs no key.
Result<QByteArray> headerOf(const QByteArray &envelope);
// The X25519 public keys the record key is wrapped for (author first).
Result<QList<QByteArray>> recipientsOf(const QByteArray &envelope);

} // namespace envelope

struct OpenedEnvelope
{
    QByteArray header;
    QByteArray plaintext;
};

// Seals and opens envelopes with one user's unlocked keys. Keeps the precomputed X25519 shared
// key per peer, so wrapping many records for the same lead costs a symmetric operation each.
class EnvelopeCrypto
{
public:
    explicit EnvelopeCrypto(const UnlockedKeys &keys);
    ~EnvelopeCrypto();

    // Seals plaintext under a fresh record key, wrapped for the author and each reader.
    Result<QByteArray> seal(const QByteArray &header, const QByteArray &plaintext,
                            const QList<QByteArray> &readerBoxPublicKeys = {});

    // Opens a record written by this user, or one shared with them by senderBoxPublicKey.
    Result<OpenedEnvelope> open(const QByteArray &envelope,
                                const QByteArray &senderBoxPublicKey = {});

private:
    Result<const SecureBytes *> sharedKeyWith(const QByteArray &peerBoxPublicKey);

    const UnlockedKeys &m_keys;
    QHash<QByteArray, std::shared_ptr<SecureBytes>> m_sharedKeys;
};

} // namespace outward
