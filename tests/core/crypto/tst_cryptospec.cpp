// A second implementation of docs/crypto.md, written from the document with raw libsodium calls
// only (namespace spec below never calls Outward's crypto code). Outward must open what it
// builds, it must open what Outward builds, and it must unwrap keyrings made by keyring::create
// given only the stored columns and the passphrase or recovery code. Where that holds, the
// document is enough to interoperate. The test vectors at the end are the ones the document
// prints.

#include "core/crypto/envelope.h"
#include "core/crypto/kdfparams.h"
#include "core/crypto/keyring.h"
#include "core/crypto/recordsignature.h"
#include "core/crypto/recoverycode.h"
#include "core/model/recordheader.h"
#include "tests/support/testsupport.h"

#include <QtEndian>
#include <QTest>

#include <sodium.h>

#include <optional>

using namespace outward;

namespace spec {

using Bytes = QByteArray;

const unsigned char *u(const Bytes &bytes)
{
    return reinterpret_cast<const unsigned char *>(bytes.constData());
}

unsigned char *u(Bytes &bytes)
{
    return reinterpret_cast<unsigned char *>(bytes.data());
}

unsigned long long len(const Bytes &bytes)
{
    return static_cast<unsigned long long>(bytes.size());
}

// Bytes start, start + 1, ... (mod 256).
Bytes counting(int size, int start = 0)
{
    Bytes bytes(size, '\0');
    for (int i = 0; i < size; ++i)
        bytes[i] = static_cast<char>((start + i) & 0xff);
    return bytes;
}

Bytes u32le(quint32 value)
{
    Bytes bytes(4, '\0');
    qToLittleEndian<quint32>(value, bytes.data());
    return bytes;
}

// crypto.md "Primitives": BLAKE2b with a 32-byte output, optionally keyed.
Bytes blake2b256(const Bytes &message, const Bytes &key = {})
{
    Bytes out(32, '\0');
    if (crypto_generichash(u(out), 32, u(message), len(message), key.isEmpty() ? nullptr : u(key),
                           static_cast<size_t>(key.size())) != 0)
        return {};
    return out;
}

// crypto.md "Subkeys": BLAKE2b-256 of the empty message, keyed with the master key, with
// salt = u64le(id) || 8 zero bytes and personalisation = "OWKEYS01" || 8 zero bytes.
Bytes subkey(const Bytes &masterKey, quint64 id)
{
    unsigned char salt[16] = {};
    qToLittleEndian<quint64>(id, salt);
    unsigned char personal[16] = {};
    memcpy(personal, "OWKEYS01", 8);
    Bytes out(32, '\0');
    if (masterKey.size() != 32 ||
        crypto_generichash_blake2b_salt_personal(u(out), 32, nullptr, 0, u(masterKey), 32, salt,
                                                 personal) != 0)
        return {};
    return out;
}

// XChaCha20-Poly1305-IETF: returns ciphertext || 16-byte tag.
Bytes aeadSeal(const Bytes &key, const Bytes &nonce, const Bytes &plaintext, const Bytes &ad)
{
    Bytes out(plaintext.size() + 16, '\0');
    if (crypto_aead_xchacha20poly1305_ietf_encrypt(u(out), nullptr, u(plaintext), len(plaintext),
                                                   u(ad), len(ad), nullptr, u(nonce), u(key)) != 0)
        return {};
    return out;
}

std::optional<Bytes> aeadOpen(const Bytes &key, const Bytes &nonce, const Bytes &sealed,
                              const Bytes &ad)
{
    if (key.size() != 32 || nonce.size() != 24 || sealed.size() < 16)
        return std::nullopt;
    Bytes out(sealed.size() - 16, '\0');
    if (crypto_aead_xchacha20poly1305_ietf_decrypt(u(out), nullptr, nullptr, u(sealed), len(sealed),
                                                   u(ad), len(ad), u(nonce), u(key)) != 0)
        return std::nullopt;
    return out;
}

// crypto_box's precomputed key, from its definition: HSalsa20(X25519(sk, pk), 16 zero bytes).
Bytes boxSharedKey(const Bytes &secretKey, const Bytes &publicKey)
{
    Bytes point(32, '\0');
    if (secretKey.size() != 32 || publicKey.size() != 32 ||
        crypto_scalarmult(u(point), u(secretKey), u(publicKey)) != 0) // refuses an all-zero result
        return {};
    const unsigned char zero[16] = {};
    Bytes key(32, '\0');
    if (crypto_core_hsalsa20(u(key), zero, u(point), nullptr) != 0)
        return {};
    sodium_memzero(u(point), 32);
    return key;
}

// XSalsa20-Poly1305 as crypto_secretbox_easy lays it out: 16-byte tag || ciphertext.
Bytes secretboxSeal(const Bytes &key, const Bytes &nonce, const Bytes &plaintext)
{
    Bytes out(plaintext.size() + 16, '\0');
    if (crypto_secretbox_easy(u(out), u(plaintext), len(plaintext), u(nonce), u(key)) != 0)
        return {};
    return out;
}

std::optional<Bytes> secretboxOpen(const Bytes &key, const Bytes &nonce, const Bytes &sealed)
{
    if (key.size() != 32 || sealed.size() < 16)
        return std::nullopt;
    Bytes out(sealed.size() - 16, '\0');
    if (crypto_secretbox_open_easy(u(out), u(sealed), len(sealed), u(nonce), u(key)) != 0)
        return std::nullopt;
    return out;
}

// --- Keyring ---------------------------------------------------------------------------------

// The passphrase as the KDF sees it: NFC, then UTF-8, nothing trimmed.
Bytes passphraseBytes(const QString &passphrase)
{
    return passphrase.normalized(QString::NormalizationForm_C).toUtf8();
}

// Argon2id v1.3, 1 lane, t = ops, m = mem / 1024 KiB, 32-byte output.
Bytes argon2id(const Bytes &passphrase, const Bytes &salt, quint64 ops, quint64 memBytes)
{
    Bytes key(32, '\0');
    if (salt.size() != 16 ||
        crypto_pwhash(u(key), 32, passphrase.constData(), len(passphrase), u(salt), ops,
                      static_cast<size_t>(memBytes), crypto_pwhash_ALG_ARGON2ID13) != 0)
        return {};
    return key;
}

Bytes masterKeyAd(const QString &userId)
{
    return Bytes("outward/master-key/v1/") + userId.toUtf8();
}

Bytes secretKeysAd(const QString &userId, const Bytes &boxPublicKey, const Bytes &signPublicKey)
{
    return Bytes("outward/secret-keys/v1/") + userId.toUtf8() + boxPublicKey + signPublicKey;
}

// A wrapped blob is nonce(24) || ciphertext || tag(16).
std::optional<Bytes> unwrap(const Bytes &key, const Bytes &blob, const Bytes &ad, int plainLength)
{
    if (blob.size() != 24 + plainLength + 16)
        return std::nullopt;
    return aeadOpen(key, blob.left(24), blob.mid(24), ad);
}

// The keyring table's columns, as another implementation would read them.
struct KeyringRow
{
    QString userId;
    quint64 kdfOps = 0;
    quint64 kdfMem = 0;
    Bytes salt;
    Bytes passphraseWrappedMasterKey;
    Bytes recoveryWrappedMasterKey;
    Bytes boxPublicKey;
    Bytes signPublicKey;
    Bytes wrappedSecretKeys;
};

KeyringRow rowOf(const WrappedKeyring &w)
{
    return {w.userId,
            w.kdf.opsLimit,
            w.kdf.memLimitBytes,
            w.salt,
            w.passphraseWrappedMasterKey,
            w.recoveryWrappedMasterKey,
            w.boxPublicKey,
            w.signPublicKey,
            w.wrappedSecretKeys};
}

std::optional<Bytes> masterKeyFromPassphrase(const KeyringRow &row, const Bytes &passphrase)
{
    const Bytes kek = argon2id(passphrase, row.salt, row.kdfOps, row.kdfMem);
    if (kek.isEmpty())
        return std::nullopt;
    return unwrap(kek, row.passphraseWrappedMasterKey, masterKeyAd(row.userId), 32);
}

struct Identity
{
    Bytes masterKey;
    Bytes secretKeysKey; // subkey 1
    Bytes recordWrapKey; // subkey 2
    Bytes boxSecretKey;  // 32
    Bytes signSecretKey; // 64: seed || public key
    Bytes boxPublicKey;
    Bytes signPublicKey;
};

std::optional<Identity> unlock(const KeyringRow &row, const Bytes &masterKey)
{
    Identity id;
    id.masterKey = masterKey;
    id.secretKeysKey = subkey(masterKey, 1);
    id.recordWrapKey = subkey(masterKey, 2);
    const auto secrets =
        unwrap(id.secretKeysKey, row.wrappedSecretKeys,
               secretKeysAd(row.userId, row.boxPublicKey, row.signPublicKey), 32 + 64);
    if (!secrets)
        return std::nullopt;
    id.boxSecretKey = secrets->left(32);
    id.signSecretKey = secrets->mid(32);
    id.boxPublicKey = row.boxPublicKey;
    id.signPublicKey = row.signPublicKey;
    // The stored public keys must be those of the secret keys.
    Bytes derivedBox(32, '\0');
    if (crypto_scalarmult_base(u(derivedBox), u(id.boxSecretKey)) != 0 ||
        derivedBox != row.boxPublicKey || id.signSecretKey.mid(32) != row.signPublicKey)
        return std::nullopt;
    return id;
}

// --- Recovery code ---------------------------------------------------------------------------

constexpr char kAlphabet[] = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

// The first 20 bits of BLAKE2b-256(secret, key = "outward recovery checksum v1"), in 3 bytes.
Bytes recoveryChecksum(const Bytes &secret)
{
    Bytes sum = blake2b256(secret, Bytes("outward recovery checksum v1")).left(3);
    sum[2] = static_cast<char>(sum.at(2) & 0xf0);
    return sum;
}

Bytes recoveryWrappingKey(const Bytes &secret)
{
    return blake2b256(secret, Bytes("outward recovery wrapping key v1"));
}

int bitAt(const Bytes &bytes, int bit)
{
    return (static_cast<unsigned char>(bytes.at(bit / 8)) >> (7 - bit % 8)) & 1;
}

QString encodeRecoveryCode(const Bytes &secret)
{
    const Bytes bits = secret + recoveryChecksum(secret); // 184 bits, the last 4 zero
    QString code;
    for (int i = 0; i < 36; ++i) {
        int value = 0;
        for (int b = 0; b < 5; ++b)
            value = (value << 1) | bitAt(bits, i * 5 + b);
        if (i > 0 && i % 4 == 0)
            code += QLatin1Char('-');
        code += QLatin1Char(kAlphabet[value]);
    }
    return code;
}

std::optional<Bytes> decodeRecoveryCode(const QString &code)
{
    QList<int> values;
    for (QChar c : code.toUpper()) {
        if (c == QLatin1Char('-') || c.isSpace())
            continue;
        if (c == QLatin1Char('O'))
            c = QLatin1Char('0');
        if (c == QLatin1Char('I') || c == QLatin1Char('L'))
            c = QLatin1Char('1');
        const int value = QByteArray(kAlphabet).indexOf(c.toLatin1());
        if (c.unicode() > 0x7f || value < 0)
            return std::nullopt;
        values << value;
    }
    if (values.size() != 36)
        return std::nullopt;
    Bytes bits(23, '\0');
    for (int i = 0; i < 36; ++i)
        for (int b = 0; b < 5; ++b)
            if ((values.at(i) >> (4 - b)) & 1) {
                const int bit = i * 5 + b;
                bits[bit / 8] = static_cast<char>(bits.at(bit / 8) | (1 << (7 - bit % 8)));
            }
    const Bytes secret = bits.left(20);
    if (bits.mid(20) != recoveryChecksum(secret))
        return std::nullopt;
    return secret;
}

std::optional<Bytes> masterKeyFromRecoveryCode(const KeyringRow &row, const QString &code)
{
    const auto secret = decodeRecoveryCode(code);
    if (!secret)
        return std::nullopt;
    return unwrap(recoveryWrappingKey(*secret), row.recoveryWrappedMasterKey,
                  masterKeyAd(row.userId), 32);
}

// --- Record envelope -------------------------------------------------------------------------

constexpr int kWrapBytes = 1 + 32 + 24 + 80;
constexpr char kAuthor = 1;
constexpr char kReader = 2;

Bytes commitment(const Bytes &header, const Bytes &recipientTable, const Bytes &plaintext)
{
    return blake2b256(u32le(static_cast<quint32>(header.size())) + header +
                      char(recipientTable.size() / 33) + recipientTable + plaintext);
}

struct SealInput
{
    Bytes header;
    Bytes plaintext;
    Bytes recordKey;
    Bytes authorRecordWrapKey;
    Bytes authorBoxPublicKey;
    Bytes authorBoxSecretKey;
    QList<Bytes> readerBoxPublicKeys;
    QList<Bytes> wrapNonces; // one per wrap, author first
    Bytes payloadNonce;
};

Bytes seal(const SealInput &in)
{
    const int wrapCount = 1 + int(in.readerBoxPublicKeys.size());
    Bytes table;
    table += kAuthor;
    table += in.authorBoxPublicKey;
    for (const Bytes &reader : in.readerBoxPublicKeys)
        table += kReader + reader;
    const Bytes wrapSecret = in.recordKey + commitment(in.header, table, in.plaintext);

    Bytes out = Bytes("OWE\x01", 4) + u32le(static_cast<quint32>(in.header.size())) + in.header +
                char(wrapCount);
    for (int i = 0; i < wrapCount; ++i) {
        const Bytes head = table.mid(i * 33, 33);
        const Bytes &nonce = in.wrapNonces.at(i);
        const Bytes sealed = i == 0 ? aeadSeal(in.authorRecordWrapKey, nonce, wrapSecret, head)
                                    : secretboxSeal(boxSharedKey(in.authorBoxSecretKey,
                                                                 in.readerBoxPublicKeys.at(i - 1)),
                                                    nonce, wrapSecret);
        if (sealed.size() != 80)
            return {};
        out += head + nonce + sealed;
    }
    return out + in.payloadNonce + aeadSeal(in.recordKey, in.payloadNonce, in.plaintext, out);
}

struct Opened
{
    Bytes header;
    Bytes plaintext;
};

// Opens as `me`: with my author wrap if there is one, else with the reader wrap made for me by
// senderBoxPublicKey.
std::optional<Opened> open(const Bytes &envelope, const Identity &me,
                           const Bytes &senderBoxPublicKey = {})
{
    if (envelope.size() < 8 || envelope.left(4) != Bytes("OWE\x01", 4))
        return std::nullopt;
    const qsizetype headerLength = qFromLittleEndian<quint32>(envelope.constData() + 4);
    if (headerLength > 65536 || 8 + headerLength + 1 > envelope.size())
        return std::nullopt;
    const Bytes header = envelope.mid(8, headerLength);
    const int wrapCount = static_cast<unsigned char>(envelope.at(8 + headerLength));
    const qsizetype wrapsOffset = 8 + headerLength + 1;
    const qsizetype nonceOffset = wrapsOffset + qsizetype(wrapCount) * kWrapBytes;
    if (wrapCount == 0 || nonceOffset + 24 + 16 > envelope.size())
        return std::nullopt;

    Bytes table;
    std::optional<Bytes> authorWrap;
    std::optional<Bytes> readerWrap;
    for (int i = 0; i < wrapCount; ++i) {
        const Bytes wrap = envelope.mid(wrapsOffset + i * kWrapBytes, kWrapBytes);
        table += wrap.left(33);
        if (wrap.mid(1, 32) != me.boxPublicKey)
            continue;
        if (wrap.at(0) == kAuthor && !authorWrap)
            authorWrap = wrap;
        else if (wrap.at(0) == kReader && !readerWrap)
            readerWrap = wrap;
    }
    std::optional<Bytes> secret;
    if (authorWrap)
        secret = aeadOpen(me.recordWrapKey, authorWrap->mid(33, 24), authorWrap->mid(57),
                          authorWrap->left(33));
    else if (readerWrap && !senderBoxPublicKey.isEmpty())
        secret = secretboxOpen(boxSharedKey(me.boxSecretKey, senderBoxPublicKey),
                               readerWrap->mid(33, 24), readerWrap->mid(57));
    if (!secret || secret->size() != 64)
        return std::nullopt;

    const auto plaintext = aeadOpen(secret->left(32), envelope.mid(nonceOffset, 24),
                                    envelope.mid(nonceOffset + 24), envelope.left(nonceOffset));
    if (!plaintext)
        return std::nullopt;
    const Bytes expected = commitment(header, table, *plaintext);
    if (sodium_memcmp(expected.constData(), secret->constData() + 32, 32) != 0)
        return std::nullopt;
    return Opened{header, *plaintext};
}

} // namespace spec

namespace {

constexpr quint64 kMiB = 1024 * 1024;
const KdfParams kFast{1, 8 * kMiB};

// "Crème brûlée, s'il vous plaît" typed with combining accents (not NFC).
const QString kAlicePassphraseDecomposed =
    QStringLiteral("Cre") + QChar(0x0300) + QStringLiteral("me bru") + QChar(0x0302) +
    QStringLiteral("le") + QChar(0x0301) + QStringLiteral("e, s'il vous plai") + QChar(0x0302) +
    QStringLiteral("t");
const QString kAlicePassphraseComposed =
    QStringLiteral("Cr") + QChar(0x00E8) + QStringLiteral("me br") + QChar(0x00FB) +
    QStringLiteral("l") + QChar(0x00E9) + QStringLiteral("e, s'il vous pla") + QChar(0x00EE) +
    QStringLiteral("t");

QByteArray hex(const QByteArray &bytes)
{
    return bytes.toHex();
}

// The worked example of crypto.md, "Test vectors".
namespace vector {
const QByteArray kMasterKey = spec::counting(32);                // 00 01 .. 1f
const QByteArray kAuthorBoxSecretKey = spec::counting(32, 0x40); // 40 41 .. 5f
const QByteArray kReaderBoxSecretKey = spec::counting(32, 0x60); // 60 61 .. 7f
const QByteArray kAuthorSignSeed = spec::counting(32, 0x80);     // 80 81 .. 9f
const QByteArray kRecordKey = spec::counting(32, 0xa0);          // a0 a1 .. bf
const QByteArray kAuthorWrapNonce = spec::counting(24, 0xc0);    // c0 .. d7
const QByteArray kReaderWrapNonce = spec::counting(24, 0xd8);    // d8 .. ef
const QByteArray kPayloadNonce = spec::counting(24, 0xf0);       // f0 .. ff 00 .. 07
const QByteArray kPlaintext = R"({"note":"Walked the customer through the new tariff"})";
// The whole envelope of the worked example.
const char kEnvelopeHex[] =
    "4f5745015e0100007b226174223a313736333739393637303030302c22617574686f72223a223564"
    "3163326237612d386534662d346133622d396336642d306531663261336234633564222c22636c6f"
    "636b223a22303030313736333830303030303030302d303032612d36663163396530623764326134"
    "633335222c2264656c65746564223a66616c73652c226964223a2230623666396133652d33633164"
    "2d346637652d396135332d326438633466316537613130222c226b696e64223a22696e7465726163"
    "74696f6e222c226d657472696373223a7b226368616e6e656c223a2270686f6e65222c2264617922"
    "3a22323032352d31312d3232222c22656e64456d6f74696f6e223a22617070726563696174696f6e"
    "222c226669727374436f6e746163745265736f6c7574696f6e223a22756e6b6e6f776e222c226861"
    "6e646c6554696d655365636f6e6473223a3333307d2c227465616d223a22222c2276223a317d0201"
    "79a631eede1bf9c98f12032cdeadd0e7a079398fc786b88cc846ec89af85a51ac0c1c2c3c4c5c6c7"
    "c8c9cacbcccdcecfd0d1d2d3d4d5d6d709b6a35e1cb4231ec50340ba9460b0e1f90ebb83a64deec9"
    "07d130ac54d972c3d32fa7e0e31e6cd75231e68a754d096f5d0682c14610e7df0548144029299540"
    "b4fa617eb3418153e685c50fdb76ed6e02675dd574ed7789310b3d2e7681f3790b466c773b1521fe"
    "cf36577958371ea52fd8d9dadbdcdddedfe0e1e2e3e4e5e6e7e8e9eaebecedeeefd0a698c4753abf"
    "c83872ca17873819e6088065fa1fe02268c30d228abb237b30da8b465dc77d54becebac5ad35e8d1"
    "1febe4ce5684576722b9c23ee0ad2f61f7ad130259dae70deb63e902868803ae55f0f1f2f3f4f5f6"
    "f7f8f9fafbfcfdfeff0001020304050607f56fdf494eadd22c65634b7ce223824483bfa1727ed608"
    "fe8ee9824d294112046e186762411b5cd54b05af1136039151d22a95a2a7b339da19cb4a1eeef8f5"
    "9f6f820beda9";
} // namespace vector

RecordHeader vectorHeader()
{
    RecordHeader header;
    header.id = QUuid::fromString(QStringLiteral("0b6f9a3e-3c1d-4f7e-9a53-2d8c4f1e7a10"));
    header.kind = RecordKind::Interaction;
    header.author = QStringLiteral("5d1c2b7a-8e4f-4a3b-9c6d-0e1f2a3b4c5d");
    header.team = QString();
    header.clock = HlcTimestamp{1763800000000, 42, QStringLiteral("6f1c9e0b7d2a4c35")};
    header.atMs = 1763799670000;
    header.deleted = false;
    header.metrics = outward::test::jsonObject(
        R"({"day":"2025-11-22","channel":"phone","endEmotion":"appreciation",
            "firstContactResolution":"unknown","handleTimeSeconds":330})");
    return header;
}

// UnlockedKeys built from fixed material, so Outward's EnvelopeCrypto can open the vector.
UnlockedKeys fixedKeys(const QByteArray &masterKey, const QByteArray &boxSecretKey,
                       const QByteArray &signSeed)
{
    UnlockedKeys keys;
    keys.userId = QStringLiteral("vector");
    keys.masterKey = SecureBytes::copyOf(masterKey);
    keys.recordWrapKey = SecureBytes::copyOf(spec::subkey(masterKey, 2));
    keys.boxSecretKey = SecureBytes::copyOf(boxSecretKey);
    keys.boxPublicKey = QByteArray(32, '\0');
    QByteArray signSecret(64, '\0');
    keys.signPublicKey = QByteArray(32, '\0');
    if (crypto_scalarmult_base(spec::u(keys.boxPublicKey), spec::u(boxSecretKey)) != 0 ||
        crypto_sign_seed_keypair(spec::u(keys.signPublicKey), spec::u(signSecret),
                                 spec::u(signSeed)) != 0)
        qFatal("deriving the test vector's public keys failed");
    keys.signSecretKey = SecureBytes::copyOf(signSecret);
    return keys;
}

spec::Identity identityOf(const UnlockedKeys &keys)
{
    return {keys.masterKey.toByteArray(),
            spec::subkey(keys.masterKey.toByteArray(), 1),
            keys.recordWrapKey.toByteArray(),
            keys.boxSecretKey.toByteArray(),
            keys.signSecretKey.toByteArray(),
            keys.boxPublicKey,
            keys.signPublicKey};
}

} // namespace

class TestCryptoSpec : public QObject
{
    Q_OBJECT

private:
    std::optional<CreatedKeyring> alice; // created from a passphrase typed in decomposed form
    std::optional<CreatedKeyring> bob;
    std::optional<spec::Identity> aliceBySpec; // unwrapped by the spec from stored bytes only
    std::optional<spec::Identity> bobBySpec;

    static CreatedKeyring createOrFail(const QString &userId, const QString &passphrase)
    {
        auto created = keyring::create(userId, SecureBytes::fromPassphrase(passphrase), kFast);
        if (!created.ok())
            qFatal("creating a test keyring failed: %s", qPrintable(created.error().toString()));
        return std::move(created).value();
    }

private slots:
    void initTestCase()
    {
        QVERIFY(sodium_init() >= 0);
        // User ids as Profile::create makes them: a UUID without braces.
        alice = createOrFail(QStringLiteral("5d1c2b7a-8e4f-4a3b-9c6d-0e1f2a3b4c5d"),
                             kAlicePassphraseDecomposed);
        bob = createOrFail(QUuid::createUuid().toString(QUuid::WithoutBraces),
                           QStringLiteral("bob's long passphrase"));

        const spec::KeyringRow aliceRow = spec::rowOf(alice->wrapped);
        const auto aliceMaster = spec::masterKeyFromPassphrase(
            aliceRow, spec::passphraseBytes(kAlicePassphraseComposed));
        QVERIFY(aliceMaster.has_value());
        aliceBySpec = spec::unlock(aliceRow, *aliceMaster);
        QVERIFY(aliceBySpec.has_value());

        const spec::KeyringRow bobRow = spec::rowOf(bob->wrapped);
        const auto bobMaster = spec::masterKeyFromPassphrase(
            bobRow, spec::passphraseBytes(QStringLiteral("bob's long passphrase")));
        QVERIFY(bobMaster.has_value());
        bobBySpec = spec::unlock(bobRow, *bobMaster);
        QVERIFY(bobBySpec.has_value());
    }

    void keyringUnwrapsFromStoredColumnsAndPassphrase()
    {
        const WrappedKeyring &w = alice->wrapped;
        QCOMPARE(w.salt.size(), 16);
        QCOMPARE(w.passphraseWrappedMasterKey.size(), 24 + 32 + 16);
        QCOMPARE(w.recoveryWrappedMasterKey.size(), 24 + 32 + 16);
        QCOMPARE(w.wrappedSecretKeys.size(), 24 + 96 + 16);

        // Everything the spec derived matches what Outward holds unlocked.
        const UnlockedKeys &k = alice->keys;
        QCOMPARE(aliceBySpec->masterKey, k.masterKey.toByteArray());
        QCOMPARE(aliceBySpec->recordWrapKey, k.recordWrapKey.toByteArray());
        QCOMPARE(aliceBySpec->boxSecretKey, k.boxSecretKey.toByteArray());
        QCOMPARE(aliceBySpec->signSecretKey, k.signSecretKey.toByteArray());
        QCOMPARE(aliceBySpec->boxPublicKey, k.boxPublicKey);
        QCOMPARE(aliceBySpec->signPublicKey, k.signPublicKey);
    }

    void passphraseIsNfcUtf8AndNothingElse()
    {
        const spec::KeyringRow row = spec::rowOf(alice->wrapped);
        // The decomposed UTF-8 bytes, un-normalised, do not open it: NFC is part of the format.
        QVERIFY(kAlicePassphraseDecomposed.toUtf8() != kAlicePassphraseComposed.toUtf8());
        QVERIFY(
            !spec::masterKeyFromPassphrase(row, kAlicePassphraseDecomposed.toUtf8()).has_value());
        QVERIFY(
            spec::masterKeyFromPassphrase(row, spec::passphraseBytes(kAlicePassphraseDecomposed))
                .has_value());
        // No trimming either.
        QVERIFY(!spec::masterKeyFromPassphrase(row, kAlicePassphraseComposed.toUtf8() + ' ')
                     .has_value());
    }

    void subkeysAreCryptoKdfOverBlake2b()
    {
        // The spec's BLAKE2b description of the subkeys equals libsodium's crypto_kdf.
        for (quint64 id : {quint64(1), quint64(2)}) {
            QByteArray viaKdf(32, '\0');
            QCOMPARE(crypto_kdf_derive_from_key(spec::u(viaKdf), 32, id, "OWKEYS01",
                                                spec::u(aliceBySpec->masterKey)),
                     0);
            QCOMPARE(spec::subkey(aliceBySpec->masterKey, id), viaKdf);
        }
        QVERIFY(aliceBySpec->secretKeysKey != aliceBySpec->recordWrapKey);
    }

    void recoveryCodeUnwrapsFromStoredColumns()
    {
        const spec::KeyringRow row = spec::rowOf(alice->wrapped);
        const auto secret = spec::decodeRecoveryCode(alice->recoveryCode);
        QVERIFY(secret.has_value());
        QCOMPARE(secret->size(), 20);
        // Re-encoding gives back exactly the code Outward printed.
        QCOMPARE(spec::encodeRecoveryCode(*secret), alice->recoveryCode);
        const auto master = spec::masterKeyFromRecoveryCode(row, alice->recoveryCode);
        QVERIFY(master.has_value());
        QCOMPARE(*master, aliceBySpec->masterKey);
        // As a person might type it.
        QString typed = alice->recoveryCode.toLower();
        typed.replace(QLatin1Char('-'), QLatin1Char(' '));
        QCOMPARE(spec::masterKeyFromRecoveryCode(row, typed), master);
        // Bob's code does not open Alice's keyring.
        QVERIFY(!spec::masterKeyFromRecoveryCode(row, bob->recoveryCode).has_value());
    }

    void passphraseChangeRewrapsOnlyTheMasterKey()
    {
        const auto changed = keyring::withNewPassphrase(
            alice->wrapped, alice->keys,
            SecureBytes::fromPassphrase(QStringLiteral("a new passphrase")),
            KdfParams{2, 9 * kMiB});
        OUTWARD_VERIFY_OK(changed);
        const spec::KeyringRow row = spec::rowOf(*changed);
        QCOMPARE(row.kdfOps, quint64(2));
        QCOMPARE(row.kdfMem, 9 * kMiB);
        const auto master = spec::masterKeyFromPassphrase(
            row, spec::passphraseBytes(QStringLiteral("a new passphrase")));
        QVERIFY(master.has_value());
        QCOMPARE(*master, aliceBySpec->masterKey);
        QVERIFY(
            !spec::masterKeyFromPassphrase(row, spec::passphraseBytes(kAlicePassphraseComposed)));
        QCOMPARE(spec::masterKeyFromRecoveryCode(row, alice->recoveryCode), master);
        QVERIFY(spec::unlock(row, *master).has_value());
    }

    void outwardEnvelopeOpensBySpec()
    {
        const QByteArray header = vectorHeader().toBytes();
        const QByteArray plaintext = vector::kPlaintext;
        EnvelopeCrypto crypto(alice->keys);
        const auto sealed = crypto.seal(header, plaintext, {bob->keys.boxPublicKey});
        OUTWARD_VERIFY_OK(sealed);

        const auto byAuthor = spec::open(*sealed, *aliceBySpec);
        QVERIFY(byAuthor.has_value());
        QCOMPARE(byAuthor->header, header);
        QCOMPARE(byAuthor->plaintext, plaintext);

        const auto byReader = spec::open(*sealed, *bobBySpec, aliceBySpec->boxPublicKey);
        QVERIFY(byReader.has_value());
        QCOMPARE(byReader->header, header);
        QCOMPARE(byReader->plaintext, plaintext);

        // Bob with the wrong sender key, or with no key shared with him, gets nothing.
        QVERIFY(!spec::open(*sealed, *bobBySpec, bobBySpec->boxPublicKey).has_value());
        const auto own = crypto.seal(header, plaintext);
        OUTWARD_VERIFY_OK(own);
        QVERIFY(!spec::open(*own, *bobBySpec, aliceBySpec->boxPublicKey).has_value());
        QVERIFY(spec::open(*own, *aliceBySpec).has_value());
    }

    void specEnvelopeOpensInOutward()
    {
        const QByteArray header = vectorHeader().toBytes();
        for (int readers : {0, 1}) {
            spec::SealInput in;
            in.header = header;
            in.plaintext = vector::kPlaintext;
            in.recordKey = spec::counting(32);
            randombytes_buf(spec::u(in.recordKey), 32);
            in.authorRecordWrapKey = aliceBySpec->recordWrapKey;
            in.authorBoxPublicKey = aliceBySpec->boxPublicKey;
            in.authorBoxSecretKey = aliceBySpec->boxSecretKey;
            if (readers == 1)
                in.readerBoxPublicKeys << bobBySpec->boxPublicKey;
            for (int i = 0; i <= readers; ++i) {
                QByteArray nonce(24, '\0');
                randombytes_buf(spec::u(nonce), 24);
                in.wrapNonces << nonce;
            }
            in.payloadNonce = QByteArray(24, '\0');
            randombytes_buf(spec::u(in.payloadNonce), 24);
            const QByteArray sealed = spec::seal(in);
            QCOMPARE(sealed.size(),
                     8 + header.size() + 1 + (1 + readers) * 137 + 24 + in.plaintext.size() + 16);

            EnvelopeCrypto author(alice->keys);
            const auto byAuthor = author.open(sealed);
            OUTWARD_VERIFY_OK(byAuthor);
            QCOMPARE(byAuthor->header, header);
            QCOMPARE(byAuthor->plaintext, in.plaintext);
            QCOMPARE(envelope::headerOf(sealed).value(), header);

            if (readers == 1) {
                EnvelopeCrypto reader(bob->keys);
                const auto byReader = reader.open(sealed, alice->keys.boxPublicKey);
                OUTWARD_VERIFY_OK(byReader);
                QCOMPARE(byReader->plaintext, in.plaintext);
            }
        }
    }

    void headerCanonicalFormVector()
    {
        QCOMPARE(
            vectorHeader().toBytes(),
            QByteArray(R"({"at":1763799670000,"author":"5d1c2b7a-8e4f-4a3b-9c6d-0e1f2a3b4c5d",)"
                       R"("clock":"0001763800000000-002a-6f1c9e0b7d2a4c35","deleted":false,)"
                       R"("id":"0b6f9a3e-3c1d-4f7e-9a53-2d8c4f1e7a10","kind":"interaction",)"
                       R"("metrics":{"channel":"phone","day":"2025-11-22",)"
                       R"("endEmotion":"appreciation","firstContactResolution":"unknown",)"
                       R"("handleTimeSeconds":330},"team":"","v":1})"));
        const auto parsed = RecordHeader::fromBytes(vectorHeader().toBytes());
        OUTWARD_VERIFY_OK(parsed);
        QCOMPARE(parsed->clock.toString(),
                 QStringLiteral("0001763800000000-002a-6f1c9e0b7d2a4c35"));
    }

    void subkeyVector()
    {
        QCOMPARE(hex(spec::subkey(vector::kMasterKey, 1)),
                 QByteArray("2a4672e5e1daafa2a839732d9012afb4c6c010ea2e7926c0728816cc71f5af4f"));
        QCOMPARE(hex(spec::subkey(vector::kMasterKey, 2)),
                 QByteArray("3d1153c532dc8ba85fe0031d4c8d7fe9da5900b01625f5ed657dd6a514fa7dc1"));
    }

    void deviceKeySubkeyVector()
    {
        QCOMPARE(hex(spec::subkey(vector::kMasterKey, 3)),
                 QByteArray("807757a3041db6bcc3ad14fbbc91b41c011eef3303b6149fb2f90bc69d280bb8"));
        auto viaOutward = keyring::deriveSubkey(SecureBytes::copyOf(vector::kMasterKey),
                                                keyring::SubkeyId::DeviceKeyWrap);
        OUTWARD_VERIFY_OK(viaOutward);
        QCOMPARE(viaOutward->toByteArray(), spec::subkey(vector::kMasterKey, 3));
    }

    // docs/crypto.md 12.5: the key commitment and record signature of the envelope of 12.4.
    void recordSignatureVector()
    {
        const QByteArray envelope = QByteArray::fromHex(vector::kEnvelopeHex);
        const QByteArray keyCommit =
            spec::blake2b256(QByteArray("outward/key-commit/v1") + vector::kRecordKey);
        QCOMPARE(hex(keyCommit),
                 QByteArray("2c4bfec701321487769307c07485036abacb7fb9a8e9145f2999897ea94d1be2"));
        const QByteArray message =
            QByteArray("outward/record/v1") + spec::blake2b256(envelope) + keyCommit;
        QCOMPARE(message.size(), 81);
        const UnlockedKeys author =
            fixedKeys(vector::kMasterKey, vector::kAuthorBoxSecretKey, vector::kAuthorSignSeed);
        QCOMPARE(hex(author.signPublicKey),
                 QByteArray("cd14b37f956e953194ff7fb73b3d81dcc561d61a7538094b7c3e1a643ee5f3aa"));
        QByteArray signature(64, '\0');
        QCOMPARE(crypto_sign_detached(spec::u(signature), nullptr, spec::u(message),
                                      spec::len(message), author.signSecretKey.data()),
                 0);
        QCOMPARE(hex(signature),
                 QByteArray("cf450729c6ec2d9948db5cb92b1edebe1abf58a644383fd8e1b9939bd824d205"
                            "a2be3cd5d98c7aae8c9d37ac7841e1c63b6795a58445d0d10b39d43492e2d40a"));

        // Outward computes the same, and the reader of the vector checks it.
        auto viaOutward = recordsig::sign(envelope, keyCommit, author.signSecretKey);
        OUTWARD_VERIFY_OK(viaOutward);
        QCOMPARE(*viaOutward, signature);
        OUTWARD_VERIFY_OK(recordsig::verify(envelope, keyCommit, signature, author.signPublicKey));
        const UnlockedKeys reader = fixedKeys(spec::counting(32, 0x20), vector::kReaderBoxSecretKey,
                                              spec::counting(32, 0x21));
        EnvelopeCrypto byReader(reader);
        const auto read = byReader.open(envelope, author.boxPublicKey, keyCommit);
        OUTWARD_VERIFY_OK(read);
        QCOMPARE(read->keyCommit, keyCommit);
    }

    // A reader wrap is accepted only when wrap 0 is the author wrap of the sender key: the
    // envelope below has a valid reader wrap from Alice for Bob but claims Carol as its author.
    void readerWrapNeedsTheSenderAsAuthorWrap()
    {
        const UnlockedKeys aliceKeys =
            fixedKeys(vector::kMasterKey, vector::kAuthorBoxSecretKey, vector::kAuthorSignSeed);
        const UnlockedKeys bobKeys = fixedKeys(
            spec::counting(32, 0x20), vector::kReaderBoxSecretKey, spec::counting(32, 0x21));
        const UnlockedKeys carolKeys =
            fixedKeys(spec::counting(32, 0x30), spec::counting(32, 0x31), spec::counting(32, 0x32));
        spec::SealInput in;
        in.header = vectorHeader().toBytes();
        in.plaintext = vector::kPlaintext;
        in.recordKey = vector::kRecordKey;
        in.authorRecordWrapKey = spec::subkey(spec::counting(32, 0x30), 2); // Carol's
        in.authorBoxPublicKey = carolKeys.boxPublicKey;
        in.authorBoxSecretKey = vector::kAuthorBoxSecretKey; // but Alice seals the reader wrap
        in.readerBoxPublicKeys << bobKeys.boxPublicKey;
        in.wrapNonces << vector::kAuthorWrapNonce << vector::kReaderWrapNonce;
        in.payloadNonce = vector::kPayloadNonce;
        const QByteArray sealed = spec::seal(in);
        // The spec's own reader would open it: only the wrap-0 rule refuses it.
        QVERIFY(spec::open(sealed, identityOf(bobKeys), aliceKeys.boxPublicKey).has_value());

        EnvelopeCrypto byBob(bobKeys);
        const auto opened = byBob.open(sealed, aliceKeys.boxPublicKey);
        QVERIFY(!opened.ok());
        QCOMPARE(opened.error().code(), ErrorCode::Corrupt);
    }

    void argon2idVector()
    {
        const QByteArray salt = spec::counting(16);
        const QByteArray key =
            spec::argon2id(spec::passphraseBytes(kAlicePassphraseDecomposed), salt,
                           crypto_pwhash_OPSLIMIT_INTERACTIVE, crypto_pwhash_MEMLIMIT_INTERACTIVE);
        QCOMPARE(hex(key),
                 QByteArray("91f94ccc098597284da8ec6de8d7d515bb06eefa36d0e9ed9e7bb9883ffa43a2"));
        const auto viaOutward =
            derivePassphraseKey(SecureBytes::fromPassphrase(kAlicePassphraseDecomposed), salt,
                                KdfParams::interactive());
        OUTWARD_VERIFY_OK(viaOutward);
        QCOMPARE(viaOutward->toByteArray(), key);
    }

    void recoveryCodeVector()
    {
        const QByteArray secret = spec::counting(20); // 00 01 .. 13
        QCOMPARE(hex(spec::recoveryChecksum(secret)), QByteArray("bb4390"));
        QCOMPARE(spec::encodeRecoveryCode(secret),
                 QStringLiteral("000G-40R4-0M30-E209-185G-R38E-1W81-24GK-QD1S"));
        QCOMPARE(hex(spec::recoveryWrappingKey(secret)),
                 QByteArray("21a7fcd85da0151b9997d4baf66a7ab8701735aea2c5f1960357fac93c4dff21"));
        QCOMPARE(recovery::format(SecureBytes::copyOf(secret)), spec::encodeRecoveryCode(secret));
        const auto wrapping = recovery::wrappingKey(SecureBytes::copyOf(secret));
        OUTWARD_VERIFY_OK(wrapping);
        QCOMPARE(wrapping->toByteArray(), spec::recoveryWrappingKey(secret));
        QCOMPARE(spec::decodeRecoveryCode(
                     QStringLiteral("000G-40R4-0M30-E209-185G-R38E-1W81-24GK-QD1S")),
                 std::optional<QByteArray>(secret));
    }

    void envelopeVector()
    {
        const UnlockedKeys author =
            fixedKeys(vector::kMasterKey, vector::kAuthorBoxSecretKey, vector::kAuthorSignSeed);
        const UnlockedKeys reader = fixedKeys(spec::counting(32, 0x20), vector::kReaderBoxSecretKey,
                                              spec::counting(32, 0x21));
        spec::SealInput in;
        in.header = vectorHeader().toBytes();
        in.plaintext = vector::kPlaintext;
        in.recordKey = vector::kRecordKey;
        in.authorRecordWrapKey = spec::subkey(vector::kMasterKey, 2);
        in.authorBoxPublicKey = author.boxPublicKey;
        in.authorBoxSecretKey = vector::kAuthorBoxSecretKey;
        in.readerBoxPublicKeys << reader.boxPublicKey;
        in.wrapNonces << vector::kAuthorWrapNonce << vector::kReaderWrapNonce;
        in.payloadNonce = vector::kPayloadNonce;
        const QByteArray sealed = spec::seal(in);

        QCOMPARE(hex(author.boxPublicKey),
                 QByteArray("79a631eede1bf9c98f12032cdeadd0e7a079398fc786b88cc846ec89af85a51a"));
        QCOMPARE(hex(reader.boxPublicKey),
                 QByteArray("675dd574ed7789310b3d2e7681f3790b466c773b1521fecf36577958371ea52f"));
        // Either side computes the same precomputed key.
        const QByteArray shared =
            spec::boxSharedKey(vector::kAuthorBoxSecretKey, reader.boxPublicKey);
        QCOMPARE(hex(shared),
                 QByteArray("541f02ad30774030052f1d5b8c61f93a2b846520da466770e9db2aa885bfbb91"));
        QCOMPARE(spec::boxSharedKey(vector::kReaderBoxSecretKey, author.boxPublicKey), shared);
        const QByteArray table =
            QByteArray(1, '\1') + author.boxPublicKey + QByteArray(1, '\2') + reader.boxPublicKey;
        QCOMPARE(hex(spec::commitment(in.header, table, in.plaintext)),
                 QByteArray("e72472e1bb400acbe1f568c830ea3ad0467dc94792b54532226a003ba3a71cf5"));
        QCOMPARE(in.header.size(), 350);
        QCOMPARE(sealed.size(), 726);
        QCOMPARE(hex(sealed), QByteArray(vector::kEnvelopeHex));
        QCOMPARE(hex(spec::blake2b256(sealed)),
                 QByteArray("50f436c31464d749d2d8c9e7cf7317acbeff1b01404c7bb2aa462332bebda5fb"));

        EnvelopeCrypto byAuthor(author);
        const auto opened = byAuthor.open(sealed);
        OUTWARD_VERIFY_OK(opened);
        QCOMPARE(opened->plaintext, vector::kPlaintext);
        EnvelopeCrypto byReader(reader);
        const auto read = byReader.open(sealed, author.boxPublicKey);
        OUTWARD_VERIFY_OK(read);
        QCOMPARE(read->plaintext, vector::kPlaintext);
        QVERIFY(spec::open(sealed, identityOf(author)).has_value());
        QVERIFY(spec::open(sealed, identityOf(reader), author.boxPublicKey).has_value());
    }
};

QTEST_GUILESS_MAIN(TestCryptoSpec)
#include "tst_cryptospec.moc"
