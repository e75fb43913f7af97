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

// The head of one wrap, as anyone can read it.
struct WrapHead
{
    quint8 type = 0;      // 1 author, 2 reader; other values are reserved (kept as found)
    QByteArray recipient; // X25519 public key, 32 bytes
};

// What an envelope shows without any key (crypto.md 6.6 step 1): for the server's push checks
// (author wrap, allowed readers) and for comparing reader sets before re-sealing.
struct Structure
{
    QByteArray header;          // the header bytes exactly as stored
    QList<WrapHead> wraps;      // in envelope order; wrap 0 should be the author's
    qsizetype payloadBytes = 0; // ciphertext and tag: plaintext length + 16
};

// The header bytes, after checking the envelope's structure; needs no key.
Result<QByteArray> headerOf(const QByteArray &envelope);
// The X25519 public keys the record key is wrapped for (author first).
Result<QList<QByteArray>> recipientsOf(const QByteArray &envelope);
// Header and wrap heads after the structure checks: NewerVersion for a later format byte,
// Corrupt for anything else that is not a well-formed envelope. The payload has no length field
// (it runs to the end, tag last), so no byte can "follow the tag"; what is checked is that the
// payload is at least a nonce and a tag long.
Result<Structure> structureOf(const QByteArray &envelope);

} // namespace envelope

struct OpenedEnvelope
{
    QByteArray header;
    QByteArray plaintext;
    QByteArray keyCommit; // recordsig::keyCommitment of the record key that opened it
};

// A freshly sealed envelope and the commitment to the record key drawn for it, which the caller
// signs and stores beside the envelope (docs/protocol.md section 5.3).
struct SealedEnvelope
{
    QByteArray envelope;
    QByteArray keyCommit; // 32 bytes
};

// Seals and opens envelopes with one user's unlocked keys. Keeps the precomputed X25519 shared
// key per peer, so wrapping many records for the same lead costs a symmetric operation each.
class EnvelopeCrypto
{
public:
    explicit EnvelopeCrypto(const UnlockedKeys &keys);
    ~EnvelopeCrypto();

    // Seals plaintext under a fresh record key, wrapped for the author and each reader, and
    // returns the key commitment of that record key beside the envelope.
    Result<SealedEnvelope> sealCommitted(const QByteArray &header, const QByteArray &plaintext,
                                         const QList<QByteArray> &readerBoxPublicKeys = {});
    // The same, for callers that need only the envelope.
    Result<QByteArray> seal(const QByteArray &header, const QByteArray &plaintext,
                            const QList<QByteArray> &readerBoxPublicKeys = {});

    // Computes and caches the shared key with each reader now, so that later seal() calls for
    // these readers only read this object and may run on several threads at once.
    Status prepareReaders(const QList<QByteArray> &readerBoxPublicKeys);

    // Opens a record written by this user, or one shared with them by senderBoxPublicKey (the
    // author's X25519 key from a trusted directory). When a reader wrap is used, wrap 0 must be an
    // author wrap for senderBoxPublicKey, or the record is Corrupt (crypto.md 13 item 2). With a
    // non-empty expectedKeyCommit (32 bytes), the unwrapped record key's commitment must equal it
    // (constant-time), or the record is Corrupt.
    Result<OpenedEnvelope> open(const QByteArray &envelope,
                                const QByteArray &senderBoxPublicKey = {},
                                const QByteArray &expectedKeyCommit = {});

private:
    Result<const SecureBytes *> sharedKeyWith(const QByteArray &peerBoxPublicKey);

    const UnlockedKeys &m_keys;
    QHash<QByteArray, std::shared_ptr<SecureBytes>> m_sharedKeys;
};

} // namespace outward
