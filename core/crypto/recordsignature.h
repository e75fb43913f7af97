#pragma once

#include "core/common/result.h"
#include "core/crypto/securebytes.h"

#include <QByteArray>

// The record signature and key commitment that travel beside every envelope (docs/protocol.md
// section 5.3, docs/crypto.md section 6.9). The envelope format itself is unchanged (OWE\x01).
namespace outward::recordsig {

constexpr int kKeyCommitBytes = 32;
constexpr int kSignatureBytes = 64;

// keyCommit = BLAKE2b-256("outward/key-commit/v1" || record key). Every reader of a record
// compares the record key it unwrapped with this value, so all readers who accept a record
// hold the same key and see the same content (crypto.md section 13 item 3).
Result<QByteArray> keyCommitment(const unsigned char *recordKey, int recordKeyBytes = 32);
Result<QByteArray> keyCommitment(const QByteArray &recordKey);

// "outward/record/v1" (17) || BLAKE2b-256(envelope) (32) || keyCommit (32): the 81 bytes that
// are signed. InvalidInput when keyCommit is not 32 bytes.
Result<QByteArray> signedMessage(const QByteArray &envelope, const QByteArray &keyCommit);
// The same from BLAKE2b-256(envelope), for a caller that has the hash already (the server keeps
// it for the exact-retry check). InvalidInput when either is not 32 bytes.
Result<QByteArray> signedMessageForHash(const QByteArray &envelopeHash,
                                        const QByteArray &keyCommit);

// crypto_sign_detached(signedMessage, the author's Ed25519 secret key): 64 bytes.
Result<QByteArray> sign(const QByteArray &envelope, const QByteArray &keyCommit,
                        const SecureBytes &signSecretKey);

// Ok when signature is the author's signature over this exact envelope and key commitment;
// Corrupt ("failed its integrity check") otherwise, also for values of the wrong length.
Status verify(const QByteArray &envelope, const QByteArray &keyCommit, const QByteArray &signature,
              const QByteArray &signPublicKey);

} // namespace outward::recordsig
