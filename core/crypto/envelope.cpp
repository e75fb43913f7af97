#include "core/crypto/envelope.h"

#include "core/crypto/recordsignature.h"
#include "core/crypto/sodium.h"

#include <QtEndian>

#include <sodium.h>

#include <array>

using namespace Qt::StringLiterals;

namespace outward {

namespace {

constexpr std::array<char, envelope::kMagicBytes> kMagic{'O', 'W', 'E', '\x01'};
constexpr int kMagicBytes = envelope::kMagicBytes;
constexpr int kKeyBytes = crypto_aead_xchacha20poly1305_ietf_KEYBYTES;
constexpr int kNonceBytes = crypto_aead_xchacha20poly1305_ietf_NPUBBYTES;
constexpr int kTagBytes = crypto_aead_xchacha20poly1305_ietf_ABYTES;
constexpr int kCommitmentBytes = crypto_generichash_BYTES;
constexpr int kRecipientBytes = crypto_box_PUBLICKEYBYTES;
constexpr int kWrapSecretBytes = kKeyBytes + kCommitmentBytes;
constexpr int kWrapHeadBytes = 1 + kRecipientBytes; // type and recipient: the author wrap's AD

static_assert(crypto_box_NONCEBYTES == kNonceBytes && crypto_box_MACBYTES == kTagBytes);
static_assert(crypto_box_BEFORENMBYTES == 32 && kKeyBytes == 32 && kCommitmentBytes == 32);
static_assert(envelope::kWrapBytes == kWrapHeadBytes + kNonceBytes + kWrapSecretBytes + kTagBytes);

// Offsets of an envelope's parts, after checking that they fit.
struct Layout
{
    qsizetype headerOffset = 0;
    qsizetype headerLength = 0;
    qsizetype wrapsOffset = 0;
    int wrapCount = 0;
    qsizetype nonceOffset = 0; // also the length of the payload's associated data
    qsizetype ciphertextOffset = 0;
};

Error damaged(const QString &what)
{
    return Error(ErrorCode::Corrupt, u"the record is damaged (%1)"_s.arg(what));
}

Error failedIntegrity()
{
    return Error(ErrorCode::Corrupt, u"the record failed its integrity check: it was damaged or "
                                     u"tampered with, and was not opened"_s);
}

const unsigned char *ucharData(const QByteArray &array)
{
    return reinterpret_cast<const unsigned char *>(array.constData());
}

Result<Layout> parseLayout(const QByteArray &envelope)
{
    Layout layout;
    const qsizetype size = envelope.size();
    // "OWE" followed by a format byte: a later format is news, not damage.
    if (size >= kMagicBytes && memcmp(envelope.constData(), kMagic.data(), kMagicBytes - 1) == 0 &&
        static_cast<unsigned char>(envelope.at(kMagicBytes - 1)) >
            static_cast<unsigned char>(kMagic.back()))
        return Error(ErrorCode::NewerVersion,
                     u"this record was written by a newer version of Outward "
                     u"(envelope format %1); update Outward to open it"_s.arg(
                         static_cast<unsigned char>(envelope.at(kMagicBytes - 1))));
    if (size < kMagicBytes + 4 || memcmp(envelope.constData(), kMagic.data(), kMagicBytes) != 0)
        return damaged(u"not an Outward record envelope"_s);
    layout.headerOffset = kMagicBytes + 4;
    layout.headerLength = qFromLittleEndian<quint32>(envelope.constData() + kMagicBytes);
    if (layout.headerLength > envelope::kMaxHeaderBytes ||
        layout.headerOffset + layout.headerLength + 1 > size)
        return damaged(u"header length"_s);
    const qsizetype wrapCountOffset = layout.headerOffset + layout.headerLength;
    layout.wrapCount = static_cast<quint8>(envelope.at(wrapCountOffset));
    layout.wrapsOffset = wrapCountOffset + 1;
    layout.nonceOffset = layout.wrapsOffset + qsizetype(layout.wrapCount) * envelope::kWrapBytes;
    layout.ciphertextOffset = layout.nonceOffset + kNonceBytes;
    if (layout.wrapCount == 0)
        return damaged(u"no key wraps"_s);
    if (layout.ciphertextOffset + kTagBytes > size)
        return damaged(u"truncated"_s);
    return layout;
}

// The recipient table: for each wrap in order, its type and recipient key (33 bytes each).
// Readers hold the record key, so the payload's associated data alone cannot stop one of them
// from re-sealing the payload under a rewritten wrap list; the table is therefore committed to
// inside every wrap, where no reader can change it for the author or for another reader.
using RecipientTable = QByteArray;

RecipientTable recipientTable(const unsigned char *firstWrap, int wrapCount)
{
    RecipientTable table;
    table.reserve(qsizetype(wrapCount) * kWrapHeadBytes);
    for (int i = 0; i < wrapCount; ++i)
        table.append(
            reinterpret_cast<const char *>(firstWrap + qsizetype(i) * envelope::kWrapBytes),
            kWrapHeadBytes);
    return table;
}

// Commitment = BLAKE2b-256(u32le(header length) || header || u8 wrap count || recipient table
//                          || plaintext).
Status computeCommitment(unsigned char *out, const QByteArray &header, const RecipientTable &table,
                         const char *plaintext, qsizetype plaintextLength)
{
    crypto_generichash_state state;
    unsigned char length[4];
    qToLittleEndian<quint32>(static_cast<quint32>(header.size()), length);
    const unsigned char count = static_cast<unsigned char>(table.size() / kWrapHeadBytes);
    const bool ok =
        crypto_generichash_init(&state, nullptr, 0, kCommitmentBytes) == 0 &&
        crypto_generichash_update(&state, length, sizeof length) == 0 &&
        crypto_generichash_update(&state, ucharData(header),
                                  static_cast<unsigned long long>(header.size())) == 0 &&
        crypto_generichash_update(&state, &count, 1) == 0 &&
        crypto_generichash_update(&state, ucharData(table),
                                  static_cast<unsigned long long>(table.size())) == 0 &&
        crypto_generichash_update(&state, reinterpret_cast<const unsigned char *>(plaintext),
                                  static_cast<unsigned long long>(plaintextLength)) == 0 &&
        crypto_generichash_final(&state, out, kCommitmentBytes) == 0;
    sodium_memzero(&state, sizeof state);
    if (!ok)
        return cryptoFailure("crypto_generichash");
    return {};
}

// Wipes the per-record secrets on every path out of seal() and open().
struct WrapSecret
{
    std::array<unsigned char, kWrapSecretBytes> bytes{}; // record key || commitment
    ~WrapSecret() { sodium_memzero(bytes.data(), bytes.size()); }
    unsigned char *key() { return bytes.data(); }
    unsigned char *commitment() { return bytes.data() + kKeyBytes; }
};

} // namespace

namespace envelope {

Result<QByteArray> headerOf(const QByteArray &envelope)
{
    auto layout = parseLayout(envelope);
    if (!layout)
        return layout.error();
    return envelope.mid(layout->headerOffset, layout->headerLength);
}

Result<QList<QByteArray>> recipientsOf(const QByteArray &envelope)
{
    auto layout = parseLayout(envelope);
    if (!layout)
        return layout.error();
    QList<QByteArray> recipients;
    for (int i = 0; i < layout->wrapCount; ++i)
        recipients << envelope.mid(layout->wrapsOffset + qsizetype(i) * kWrapBytes + 1,
                                   kRecipientBytes);
    return recipients;
}

Result<Structure> structureOf(const QByteArray &envelope)
{
    auto layout = parseLayout(envelope);
    if (!layout)
        return layout.error();
    Structure structure;
    structure.header = envelope.mid(layout->headerOffset, layout->headerLength);
    structure.wraps.reserve(layout->wrapCount);
    for (int i = 0; i < layout->wrapCount; ++i) {
        const qsizetype offset = layout->wrapsOffset + qsizetype(i) * kWrapBytes;
        structure.wraps.append(
            {static_cast<quint8>(envelope.at(offset)), envelope.mid(offset + 1, kRecipientBytes)});
    }
    structure.payloadBytes = envelope.size() - layout->ciphertextOffset;
    return structure;
}

} // namespace envelope

EnvelopeCrypto::EnvelopeCrypto(const UnlockedKeys &keys)
    : m_keys(keys)
{}

EnvelopeCrypto::~EnvelopeCrypto() = default;

Result<const SecureBytes *> EnvelopeCrypto::sharedKeyWith(const QByteArray &peerBoxPublicKey)
{
    if (peerBoxPublicKey.size() != kRecipientBytes)
        return Error(ErrorCode::InvalidInput, u"a reader's public key must be 32 bytes"_s);
    auto cached = m_sharedKeys.constFind(peerBoxPublicKey);
    if (cached != m_sharedKeys.constEnd())
        return cached.value().get();
    auto shared = std::make_shared<SecureBytes>(crypto_box_BEFORENMBYTES);
    if (shared->isNull())
        return cryptoFailure("sodium_malloc");
    // Fails for a low-order point: a malformed or malicious public key.
    if (crypto_box_beforenm(shared->data(), ucharData(peerBoxPublicKey),
                            m_keys.boxSecretKey.data()) != 0)
        return Error(ErrorCode::InvalidInput, u"a reader's public key is not a valid X25519 key"_s);
    m_sharedKeys.insert(peerBoxPublicKey, shared);
    return shared.get();
}

Status EnvelopeCrypto::prepareReaders(const QList<QByteArray> &readerBoxPublicKeys)
{
    if (auto ready = ensureSodium(); !ready)
        return ready.error();
    for (const QByteArray &reader : readerBoxPublicKeys)
        if (reader != m_keys.boxPublicKey)
            if (auto shared = sharedKeyWith(reader); !shared)
                return shared.error();
    return {};
}

Result<QByteArray> EnvelopeCrypto::seal(const QByteArray &header, const QByteArray &plaintext,
                                        const QList<QByteArray> &readerBoxPublicKeys)
{
    auto sealed = sealCommitted(header, plaintext, readerBoxPublicKeys);
    if (!sealed)
        return sealed.error();
    return std::move(sealed->envelope);
}

Result<SealedEnvelope> EnvelopeCrypto::sealCommitted(const QByteArray &header,
                                                     const QByteArray &plaintext,
                                                     const QList<QByteArray> &readerBoxPublicKeys)
{
    if (auto ready = ensureSodium(); !ready)
        return ready.error();
    if (header.size() > envelope::kMaxHeaderBytes)
        return Error(ErrorCode::InvalidInput, u"the record header is too large"_s);

    QList<QByteArray> readers;
    for (const QByteArray &reader : readerBoxPublicKeys)
        if (reader != m_keys.boxPublicKey && !readers.contains(reader))
            readers << reader;
    if (readers.size() + 1 > envelope::kMaxWraps)
        return Error(
            ErrorCode::InvalidInput,
            u"a record can be shared with at most %1 readers"_s.arg(envelope::kMaxWraps - 1));
    QList<const SecureBytes *> sharedKeys;
    for (const QByteArray &reader : readers) {
        auto shared = sharedKeyWith(reader);
        if (!shared)
            return shared.error();
        sharedKeys << *shared;
    }

    const int wrapCount = 1 + int(readers.size());
    const qsizetype adLength =
        kMagicBytes + 4 + header.size() + 1 + qsizetype(wrapCount) * envelope::kWrapBytes;
    QByteArray out(adLength + kNonceBytes + plaintext.size() + kTagBytes, Qt::Uninitialized);
    auto *base = reinterpret_cast<unsigned char *>(out.data());

    memcpy(base, kMagic.data(), kMagicBytes);
    qToLittleEndian<quint32>(static_cast<quint32>(header.size()), base + kMagicBytes);
    memcpy(base + kMagicBytes + 4, header.constData(), static_cast<size_t>(header.size()));
    unsigned char *firstWrap = base + kMagicBytes + 4 + header.size() + 1;
    firstWrap[-1] = static_cast<unsigned char>(wrapCount);
    for (int i = 0; i < wrapCount; ++i) {
        const bool isAuthor = i == 0;
        unsigned char *wrap = firstWrap + qsizetype(i) * envelope::kWrapBytes;
        wrap[0] = static_cast<unsigned char>(isAuthor ? envelope::WrapType::Author
                                                      : envelope::WrapType::Reader);
        memcpy(wrap + 1, isAuthor ? m_keys.boxPublicKey.constData() : readers.at(i - 1).constData(),
               kRecipientBytes);
    }

    WrapSecret secret;
    randombytes_buf(secret.key(), kKeyBytes);
    if (auto committed =
            computeCommitment(secret.commitment(), header, recipientTable(firstWrap, wrapCount),
                              plaintext.constData(), plaintext.size());
        !committed)
        return committed.error();

    for (int i = 0; i < wrapCount; ++i) {
        const bool isAuthor = i == 0;
        unsigned char *wrap = firstWrap + qsizetype(i) * envelope::kWrapBytes;
        unsigned char *nonce = wrap + kWrapHeadBytes;
        unsigned char *sealed = nonce + kNonceBytes;
        randombytes_buf(nonce, kNonceBytes);
        const int rc = isAuthor
                           ? crypto_aead_xchacha20poly1305_ietf_encrypt(
                                 sealed, nullptr, secret.bytes.data(), kWrapSecretBytes, wrap,
                                 kWrapHeadBytes, nullptr, nonce, m_keys.recordWrapKey.data())
                           : crypto_box_easy_afternm(sealed, secret.bytes.data(), kWrapSecretBytes,
                                                     nonce, sharedKeys.at(i - 1)->data());
        if (rc != 0)
            return cryptoFailure(isAuthor ? "wrap for author" : "wrap for reader");
    }

    unsigned char *payloadNonce = base + adLength;
    randombytes_buf(payloadNonce, kNonceBytes);
    if (crypto_aead_xchacha20poly1305_ietf_encrypt(
            payloadNonce + kNonceBytes, nullptr, ucharData(plaintext),
            static_cast<unsigned long long>(plaintext.size()), base,
            static_cast<unsigned long long>(adLength), nullptr, payloadNonce, secret.key()) != 0)
        return cryptoFailure("crypto_aead_xchacha20poly1305_ietf_encrypt");
    auto keyCommit = recordsig::keyCommitment(secret.key(), kKeyBytes);
    if (!keyCommit)
        return keyCommit.error();
    return SealedEnvelope{std::move(out), std::move(keyCommit).value()};
}

Result<OpenedEnvelope> EnvelopeCrypto::open(const QByteArray &envelope,
                                            const QByteArray &senderBoxPublicKey,
                                            const QByteArray &expectedKeyCommit)
{
    if (auto ready = ensureSodium(); !ready)
        return ready.error();
    if (!expectedKeyCommit.isEmpty() && expectedKeyCommit.size() != recordsig::kKeyCommitBytes)
        return Error(ErrorCode::InvalidInput, u"a key commitment must be 32 bytes"_s);
    auto layout = parseLayout(envelope);
    if (!layout)
        return layout.error();
    const unsigned char *base = ucharData(envelope);

    // Our own wrap first; failing that, one a sender made for us.
    const unsigned char *ownWrap = nullptr;
    const unsigned char *readerWrap = nullptr;
    for (int i = 0; i < layout->wrapCount; ++i) {
        const unsigned char *wrap =
            base + layout->wrapsOffset + qsizetype(i) * envelope::kWrapBytes;
        if (memcmp(wrap + 1, m_keys.boxPublicKey.constData(), kRecipientBytes) != 0)
            continue;
        if (wrap[0] == static_cast<unsigned char>(envelope::WrapType::Author) && !ownWrap)
            ownWrap = wrap;
        else if (wrap[0] == static_cast<unsigned char>(envelope::WrapType::Reader) && !readerWrap)
            readerWrap = wrap;
    }

    WrapSecret secret;
    if (ownWrap) {
        const unsigned char *nonce = ownWrap + kWrapHeadBytes;
        if (crypto_aead_xchacha20poly1305_ietf_decrypt(
                secret.bytes.data(), nullptr, nullptr, nonce + kNonceBytes,
                kWrapSecretBytes + kTagBytes, ownWrap, kWrapHeadBytes, nonce,
                m_keys.recordWrapKey.data()) != 0)
            return failedIntegrity();
    } else if (readerWrap) {
        if (senderBoxPublicKey.isEmpty())
            return Error(ErrorCode::NoAccess,
                         u"this record was shared with you; its author's public key is needed to "
                         u"open it"_s);
        auto shared = sharedKeyWith(senderBoxPublicKey);
        if (!shared)
            return shared.error();
        // The sender key must be the one the author wrapped for themselves: otherwise a reader
        // wrap made by someone else (another reader, who shares a box key with us too) would be
        // taken for the author's (crypto.md 13 item 2).
        const unsigned char *authorWrap = base + layout->wrapsOffset;
        if (authorWrap[0] != static_cast<unsigned char>(envelope::WrapType::Author) ||
            memcmp(authorWrap + 1, senderBoxPublicKey.constData(), kRecipientBytes) != 0)
            return failedIntegrity();
        const unsigned char *nonce = readerWrap + kWrapHeadBytes;
        if (crypto_box_open_easy_afternm(secret.bytes.data(), nonce + kNonceBytes,
                                         kWrapSecretBytes + kTagBytes, nonce,
                                         (*shared)->data()) != 0)
            return failedIntegrity();
    } else {
        return Error(ErrorCode::NoAccess, u"this record was not shared with you"_s);
    }

    const qsizetype ciphertextLength = envelope.size() - layout->ciphertextOffset;
    OpenedEnvelope opened;
    opened.plaintext = QByteArray(ciphertextLength - kTagBytes, Qt::Uninitialized);
    if (crypto_aead_xchacha20poly1305_ietf_decrypt(
            reinterpret_cast<unsigned char *>(opened.plaintext.data()), nullptr, nullptr,
            base + layout->ciphertextOffset, static_cast<unsigned long long>(ciphertextLength),
            base, static_cast<unsigned long long>(layout->nonceOffset), base + layout->nonceOffset,
            secret.key()) != 0)
        return failedIntegrity();

    opened.header = envelope.mid(layout->headerOffset, layout->headerLength);
    std::array<unsigned char, kCommitmentBytes> commitment{};
    if (auto committed =
            computeCommitment(commitment.data(), opened.header,
                              recipientTable(base + layout->wrapsOffset, layout->wrapCount),
                              opened.plaintext.constData(), opened.plaintext.size());
        !committed)
        return committed.error();
    if (sodium_memcmp(commitment.data(), secret.commitment(), kCommitmentBytes) != 0)
        return failedIntegrity();
    auto keyCommit = recordsig::keyCommitment(secret.key(), kKeyBytes);
    if (!keyCommit)
        return keyCommit.error();
    if (!expectedKeyCommit.isEmpty() &&
        sodium_memcmp(keyCommit->constData(), expectedKeyCommit.constData(),
                      recordsig::kKeyCommitBytes) != 0)
        return failedIntegrity();
    opened.keyCommit = std::move(keyCommit).value();
    return opened;
}

} // namespace outward
