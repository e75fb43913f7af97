#include "sync/protocol/base64url.h"
#include "sync/protocol/crockford.h"
#include "sync/protocol/signedmessages.h"

#include <QTest>

#include <sodium.h>

using namespace outward;
using namespace outward::protocol;
using namespace Qt::StringLiterals;

namespace {

const QString kServerId = u"9b2e4c1a-7d3f-4e8b-a1c2-3d4e5f607182"_s;
const QString kUserId = u"5d1c2b7a-8e4f-4a3b-9c6d-0e1f2a3b4c5d"_s;
const QString kDeviceId = u"0b6f9a3e-3c1d-4f7e-9a53-2d8c4f1e7a10"_s;

QByteArray filled(int size, char byte)
{
    return QByteArray(size, byte);
}

const unsigned char *bytes(const QByteArray &array)
{
    return reinterpret_cast<const unsigned char *>(array.constData());
}

// The reference H: BLAKE2b-256 straight from libsodium.
QByteArray rawHash(const QByteArray &data)
{
    QByteArray out(32, '\0');
    if (crypto_generichash(reinterpret_cast<unsigned char *>(out.data()), 32, bytes(data),
                           data.size(), nullptr, 0) != 0)
        qFatal("crypto_generichash failed");
    return out;
}

QByteArray rawKeyedHash(const QByteArray &key, const QByteArray &data)
{
    QByteArray out(32, '\0');
    if (crypto_generichash(reinterpret_cast<unsigned char *>(out.data()), 32, bytes(data),
                           data.size(), bytes(key), key.size()) != 0)
        qFatal("crypto_generichash failed");
    return out;
}

struct SignKeys
{
    QByteArray publicKey;
    SecureBytes secretKey;
};

SignKeys makeSignKeys()
{
    SignKeys keys;
    keys.publicKey = QByteArray(32, '\0');
    keys.secretKey = SecureBytes(64);
    if (crypto_sign_keypair(reinterpret_cast<unsigned char *>(keys.publicKey.data()),
                            keys.secretKey.data()) != 0)
        qFatal("crypto_sign_keypair failed");
    return keys;
}

} // namespace

class TestSignedMessages : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { QVERIFY(sodium_init() >= 0); }

    void uuidBytesAreRfc4122Order()
    {
        const auto raw = signing::uuidBytes(kUserId);
        QVERIFY(raw.ok());
        QCOMPARE(*raw, QByteArray::fromHex("5d1c2b7a8e4f4a3b9c6d0e1f2a3b4c5d"));
        QCOMPARE(*raw, QUuid::fromString(kUserId).toRfc4122());
        QVERIFY(!signing::uuidBytes(kUserId.toUpper()).ok());
        QVERIFY(!signing::uuidBytes(u"{"_s + kUserId + u"}"_s).ok());
        QVERIFY(!signing::uuidBytes(u"00000000-0000-0000-0000-000000000000"_s).ok());
        QVERIFY(!signing::uuidBytes(QString(kUserId).replace(8, 1, u'x')).ok());
    }

    void enrolmentMessageLayout()
    {
        const QByteArray box = filled(32, 'b');
        const QByteArray sign = filled(32, 's');
        const QByteArray device = filled(32, 'd');
        const QByteArray wrapped = filled(136, 'w');
        const QByteArray recovery = filled(72, 'r');
        const auto message =
            signing::enrolmentMessage(kServerId, kUserId, box, sign, device, wrapped, recovery);
        QVERIFY(message.ok());
        QCOMPARE(message->size(), 209);
        QCOMPARE(message->size(), signing::kEnrolmentMessageBytes);
        const QByteArray expected = "outward/enroll/v1"_ba +
                                    QUuid::fromString(kServerId).toRfc4122() +
                                    QUuid::fromString(kUserId).toRfc4122() + box + sign + device +
                                    rawHash(wrapped) + rawHash(recovery);
        QCOMPARE(*message, expected);
        // A wrong length never shifts the layout.
        QVERIFY(!signing::enrolmentMessage(kServerId, kUserId, filled(31, 'b'), sign, device,
                                           wrapped, recovery)
                     .ok());
        QVERIFY(!signing::enrolmentMessage(kServerId, kUserId, box, sign, filled(33, 'd'), wrapped,
                                           recovery)
                     .ok());
    }

    void authMessageLayout()
    {
        const QByteArray challenge = filled(32, 'c');
        const auto message = signing::authMessage(kServerId, kDeviceId, challenge);
        QVERIFY(message.ok());
        QCOMPARE(message->size(), 79);
        QCOMPARE(*message, "outward/auth/v1"_ba + QUuid::fromString(kServerId).toRfc4122() +
                               QUuid::fromString(kDeviceId).toRfc4122() + challenge);
        QVERIFY(!signing::authMessage(kServerId, kDeviceId, filled(31, 'c')).ok());
        QVERIFY(!signing::authMessage(u"not-a-uuid"_s, kDeviceId, challenge).ok());
    }

    void deviceRegistrationMessageLayout()
    {
        const QByteArray device = filled(32, 'd');
        const QString claimToken = signing::newClaimToken();
        const auto message =
            signing::deviceRegistrationMessage(kServerId, kUserId, device, claimToken);
        QVERIFY(message.ok());
        QCOMPARE(message->size(), 113);
        QCOMPARE(*message, "outward/device/v1"_ba + QUuid::fromString(kServerId).toRfc4122() +
                               QUuid::fromString(kUserId).toRfc4122() + device +
                               rawHash(claimToken.toLatin1()));
    }

    void keyCommitmentAndRecordMessage()
    {
        const QByteArray recordKey = filled(32, 'k');
        const auto commit = signing::keyCommitment(bytes(recordKey), recordKey.size());
        QVERIFY(commit.ok());
        QCOMPARE(commit->size(), 32);
        QCOMPARE(*commit, rawHash("outward/key-commit/v1"_ba + recordKey));
        QCOMPARE(*signing::keyCommitment(SecureBytes::copyOf(recordKey)), *commit);
        QVERIFY(!signing::keyCommitment(bytes(recordKey), 31).ok());

        const QByteArray envelope = "OWE\x01 any bytes"_ba;
        const auto message = signing::recordMessage(envelope, *commit);
        QVERIFY(message.ok());
        QCOMPARE(message->size(), 81);
        QCOMPARE(*message, "outward/record/v1"_ba + rawHash(envelope) + *commit);
        QVERIFY(!signing::recordMessage(envelope, filled(31, 'x')).ok());
    }

    void signsLikeLibsodiumAndVerifies()
    {
        const SignKeys keys = makeSignKeys();
        const QByteArray message = "outward/auth/v1 something"_ba;
        const auto signature = signing::sign(message, keys.secretKey);
        QVERIFY(signature.ok());
        QCOMPARE(signature->size(), 64);
        // Ed25519 is deterministic: the raw call gives the same bytes.
        QByteArray raw(64, '\0');
        QCOMPARE(crypto_sign_detached(reinterpret_cast<unsigned char *>(raw.data()), nullptr,
                                      bytes(message), message.size(), keys.secretKey.data()),
                 0);
        QCOMPARE(*signature, raw);
        QVERIFY(signing::verify(*signature, message, keys.publicKey));
        QVERIFY(!signing::verify(*signature, message + "x", keys.publicKey));
        QVERIFY(!signing::verify(*signature, message, makeSignKeys().publicKey));
        QVERIFY(!signing::verify(signature->left(63), message, keys.publicKey));
        QVERIFY(!signing::verify(*signature, message, keys.publicKey.left(31)));
        QVERIFY(!signing::sign(message, SecureBytes(32)).ok());
    }

    void recordSignatureRoundTrip()
    {
        const SignKeys keys = makeSignKeys();
        const QByteArray envelope = "OWE\x01 envelope bytes"_ba;
        const QByteArray commit = *signing::keyCommitment(SecureBytes::random(32));
        const auto signature = signing::signRecord(envelope, commit, keys.secretKey);
        QVERIFY(signature.ok());
        // Known answer: a raw verify over the documented message.
        const QByteArray message = "outward/record/v1"_ba + rawHash(envelope) + commit;
        QCOMPARE(crypto_sign_verify_detached(bytes(*signature), bytes(message), message.size(),
                                             bytes(keys.publicKey)),
                 0);
        QVERIFY(signing::verifyRecord(*signature, envelope, commit, keys.publicKey));
        QByteArray changed = envelope;
        changed[5] = 'E';
        QVERIFY(!signing::verifyRecord(*signature, changed, commit, keys.publicKey));
        QVERIFY(!signing::verifyRecord(*signature, envelope, filled(32, 'x'), keys.publicKey));

        // From the envelope's hash: the same answers, and a hash of the wrong length is refused.
        QVERIFY(signing::verifyRecordHash(*signature, rawHash(envelope), commit, keys.publicKey));
        QVERIFY(!signing::verifyRecordHash(*signature, rawHash(changed), commit, keys.publicKey));
        QVERIFY(!signing::verifyRecordHash(*signature, rawHash(envelope), filled(32, 'x'),
                                           keys.publicKey));
        QVERIFY(!signing::verifyRecordHash(*signature, rawHash(envelope).left(31), commit,
                                           keys.publicKey));
        QVERIFY(!signing::verifyRecordHash(*signature, envelope, commit, keys.publicKey));
    }

    void keyChecks()
    {
        QByteArray boxPublic(32, '\0');
        QByteArray boxSecret(32, '\0');
        crypto_box_keypair(reinterpret_cast<unsigned char *>(boxPublic.data()),
                           reinterpret_cast<unsigned char *>(boxSecret.data()));
        QVERIFY(signing::isUsableBoxPublicKey(boxPublic));
        QVERIFY(!signing::isUsableBoxPublicKey(QByteArray(32, '\0'))); // low order
        QByteArray one(32, '\0');
        one[0] = 1;
        QVERIFY(!signing::isUsableBoxPublicKey(one)); // low order
        QVERIFY(!signing::isUsableBoxPublicKey(boxPublic.left(31)));

        QVERIFY(signing::isValidSignPublicKey(makeSignKeys().publicKey));
        QVERIFY(!signing::isValidSignPublicKey(QByteArray(32, '\0'))); // small order
        QVERIFY(!signing::isValidSignPublicKey(QByteArray(31, 'x')));
    }

    void fingerprint()
    {
        const QByteArray box = filled(32, 'b');
        const QByteArray sign = filled(32, 's');
        const auto print = signing::keyFingerprint(box, sign);
        QVERIFY(print.ok());
        QCOMPARE(print->size(), 16);
        QCOMPARE(*print, crockford::fromBytes(rawHash(box + sign).left(10)));
        QVERIFY(*print != *signing::keyFingerprint(sign, box));
        QVERIFY(!signing::keyFingerprint(box.left(31), sign).ok());
    }

    void linkDerivationsMatchTheTable()
    {
        const SecureBytes secret = signing::newLinkSecret();
        QCOMPARE(secret.size(), std::size_t(15));
        const QByteArray secretBytes = secret.toByteArray();
        const auto mailbox = signing::linkMailboxId(secret);
        QVERIFY(mailbox.ok());
        QCOMPARE(*mailbox, rawKeyedHash("outward link mailbox v1"_ba, secretBytes).left(16));
        const auto key = signing::linkKey(secret);
        QVERIFY(key.ok());
        QCOMPARE(key->toByteArray(), rawKeyedHash("outward link key v1"_ba, secretBytes));
        QVERIFY(!signing::linkMailboxId(SecureBytes(16)).ok());
    }

    void linkBlobSealsAndOpens()
    {
        const SecureBytes secret = signing::newLinkSecret();
        const SecureBytes key = signing::linkKey(secret).value();
        const SecureBytes master = SecureBytes::random(32);
        const auto blob = signing::sealLinkBlob(key, master, kUserId);
        QVERIFY(blob.ok());
        QCOMPARE(blob->size(), 72);

        // Known answer: a raw XChaCha20-Poly1305 open with the documented associated data.
        const QByteArray ad = "outward/link/v1/"_ba + kUserId.toUtf8();
        QByteArray opened(32, '\0');
        unsigned long long openedLength = 0;
        QCOMPARE(crypto_aead_xchacha20poly1305_ietf_decrypt(
                     reinterpret_cast<unsigned char *>(opened.data()), &openedLength, nullptr,
                     bytes(*blob) + 24, 48, bytes(ad), ad.size(), bytes(*blob), key.data()),
                 0);
        QCOMPARE(opened, master.toByteArray());

        const auto back = signing::openLinkBlob(key, *blob, kUserId);
        QVERIFY(back.ok());
        QVERIFY(back->equals(master));
    }

    void linkBlobRefusesAWrongCode()
    {
        const SecureBytes secret = signing::newLinkSecret();
        const SecureBytes master = SecureBytes::random(32);
        const QByteArray blob = *signing::sealLinkBlob(*signing::linkKey(secret), master, kUserId);

        // The code typed with one digit wrong.
        QString code = crockford::linkCodeFromSecret(secret);
        code[3] = code[3] == u'0' ? u'1' : u'0';
        const SecureBytes typo = crockford::linkSecretFromCode(code).value();
        const auto wrong = signing::openLinkBlob(*signing::linkKey(typo), blob, kUserId);
        QVERIFY(!wrong.ok());
        QCOMPARE(wrong.error().code(), ErrorCode::WrongSecret);
        QVERIFY(wrong.error().message().contains(u"does not match"_s));

        // Another user's id, or a damaged blob, fails too.
        const SecureBytes key = signing::linkKey(secret).value();
        QVERIFY(!signing::openLinkBlob(key, blob, kDeviceId).ok());
        QByteArray damaged = blob;
        damaged[40] = char(damaged[40] ^ 1);
        QVERIFY(!signing::openLinkBlob(key, damaged, kUserId).ok());
        QCOMPARE(signing::openLinkBlob(key, blob.left(71), kUserId).error().code(),
                 ErrorCode::Corrupt);
    }

    void tokens()
    {
        const QString token = signing::newToken();
        QVERIFY(token.startsWith(u"owt1_"_s));
        QCOMPARE(token.size(), 48);
        QCOMPARE(base64url::decodeExact(token.mid(5), 32)->size(), 32);
        QVERIFY(signing::isWellFormedToken(token, signing::kTokenPrefix));
        QVERIFY(!signing::isWellFormedToken(token, signing::kClaimTokenPrefix));
        QVERIFY(token != signing::newToken());

        const QString claim = signing::newClaimToken();
        QVERIFY(claim.startsWith(u"owc1_"_s));
        QVERIFY(signing::isWellFormedToken(claim, signing::kClaimTokenPrefix));
        QVERIFY(!signing::isWellFormedToken(claim.left(47), signing::kClaimTokenPrefix));
        QVERIFY(!signing::isWellFormedToken(claim + u"A"_s, signing::kClaimTokenPrefix));

        QCOMPARE(*signing::tokenHash(token), rawHash(token.toLatin1()));
        QCOMPARE(*signing::hashText(u"7KQ2MX9D4TR0WPZ3HB8N"_s), rawHash("7KQ2MX9D4TR0WPZ3HB8N"_ba));
        QVERIFY(!signing::hashText(u"é"_s).ok());
    }
};

QTEST_GUILESS_MAIN(TestSignedMessages)
#include "tst_signedmessages.moc"
