#include "core/crypto/envelope.h"
#include "core/crypto/keyring.h"
#include "core/crypto/recordsignature.h"
#include "tests/support/testsupport.h"

#include <QTest>

#include <sodium.h>

#include <optional>

using namespace outward;
using namespace Qt::StringLiterals;

namespace {

const KdfParams kFast{1, 1024 * 1024};

const unsigned char *u(const QByteArray &bytes)
{
    return reinterpret_cast<const unsigned char *>(bytes.constData());
}

QByteArray blake2b256(const QByteArray &message)
{
    QByteArray out(32, '\0');
    if (crypto_generichash(reinterpret_cast<unsigned char *>(out.data()), 32, u(message),
                           static_cast<unsigned long long>(message.size()), nullptr, 0) != 0)
        qFatal("crypto_generichash failed");
    return out;
}

// docs/protocol.md 5.1, restated with libsodium alone.
QByteArray rawKeyCommit(const QByteArray &recordKey)
{
    return blake2b256("outward/key-commit/v1" + recordKey);
}

QByteArray rawSignature(const QByteArray &envelope, const QByteArray &keyCommit,
                        const SecureBytes &secretKey)
{
    const QByteArray message = "outward/record/v1" + blake2b256(envelope) + keyCommit;
    QByteArray signature(64, '\0');
    if (crypto_sign_detached(reinterpret_cast<unsigned char *>(signature.data()), nullptr,
                             u(message), static_cast<unsigned long long>(message.size()),
                             secretKey.data()) != 0)
        qFatal("crypto_sign_detached failed");
    return signature;
}

// The record key, read from the author wrap with libsodium alone.
QByteArray recordKeyOf(const QByteArray &envelope, const UnlockedKeys &author)
{
    const auto structure = envelope::structureOf(envelope);
    if (!structure.ok())
        return {};
    const qsizetype wrap0 = 8 + structure->header.size() + 1;
    QByteArray secret(64, '\0');
    if (crypto_aead_xchacha20poly1305_ietf_decrypt(
            reinterpret_cast<unsigned char *>(secret.data()), nullptr, nullptr,
            u(envelope) + wrap0 + 33 + 24, 80, u(envelope) + wrap0, 33, u(envelope) + wrap0 + 33,
            author.recordWrapKey.data()) != 0)
        return {};
    return secret.left(32);
}

CreatedKeyring createOrFail(const QString &userId)
{
    auto created = keyring::create(userId, SecureBytes::fromPassphrase(userId + u" pass"_s), kFast);
    if (!created.ok())
        qFatal("creating a test keyring failed: %s", qPrintable(created.error().toString()));
    return std::move(created).value();
}

const QByteArray kHeader = R"({"id":"0b6f9a3e-3c1d-4f7e-9a53-2d8c4f1e7a10","v":1})";
const QByteArray kPlaintext = R"({"note":"a reflection shared with the lead"})";

} // namespace

class TestRecordSignature : public QObject
{
    Q_OBJECT

private:
    std::optional<CreatedKeyring> alice;
    std::optional<CreatedKeyring> bob;

    SealedEnvelope sealOrDie()
    {
        EnvelopeCrypto crypto(alice->keys);
        auto sealed = crypto.sealCommitted(kHeader, kPlaintext, {bob->keys.boxPublicKey});
        if (!sealed.ok())
            qFatal("sealing failed: %s", qPrintable(sealed.error().toString()));
        return std::move(sealed).value();
    }

private slots:
    void initTestCase()
    {
        QVERIFY(sodium_init() >= 0);
        alice = createOrFail(u"alice"_s);
        bob = createOrFail(u"bob"_s);
    }

    void keyCommitmentKnownAnswer()
    {
        QByteArray recordKey(32, '\0');
        for (int i = 0; i < 32; ++i)
            recordKey[i] = char(0xa0 + i);
        auto commit = recordsig::keyCommitment(recordKey);
        OUTWARD_VERIFY_OK(commit);
        QCOMPARE(*commit, rawKeyCommit(recordKey));
        QCOMPARE(commit->toHex(),
                 QByteArray("2c4bfec701321487769307c07485036abacb7fb9a8e9145f2999897ea94d1be2"));
    }

    void sealCommittedGivesTheCommitmentOfTheRecordKeyItDrew()
    {
        const SealedEnvelope sealed = sealOrDie();
        const QByteArray recordKey = recordKeyOf(sealed.envelope, alice->keys);
        QCOMPARE(recordKey.size(), 32);
        QCOMPARE(sealed.keyCommit, rawKeyCommit(recordKey));

        // Author and reader learn the same commitment when they open it.
        EnvelopeCrypto author(alice->keys);
        EnvelopeCrypto reader(bob->keys);
        const auto byAuthor = author.open(sealed.envelope);
        const auto byReader = reader.open(sealed.envelope, alice->keys.boxPublicKey);
        OUTWARD_VERIFY_OK(byAuthor);
        OUTWARD_VERIFY_OK(byReader);
        QCOMPARE(byAuthor->keyCommit, sealed.keyCommit);
        QCOMPARE(byReader->keyCommit, sealed.keyCommit);
    }

    void signatureKnownAnswerAgainstRawLibsodium()
    {
        const SealedEnvelope sealed = sealOrDie();
        auto signature =
            recordsig::sign(sealed.envelope, sealed.keyCommit, alice->keys.signSecretKey);
        OUTWARD_VERIFY_OK(signature);
        QCOMPARE(*signature,
                 rawSignature(sealed.envelope, sealed.keyCommit, alice->keys.signSecretKey));
        auto message = recordsig::signedMessage(sealed.envelope, sealed.keyCommit);
        OUTWARD_VERIFY_OK(message);
        QCOMPARE(message->size(), 17 + 32 + 32);
        QVERIFY(message->startsWith("outward/record/v1"));
        OUTWARD_VERIFY_OK(recordsig::verify(sealed.envelope, sealed.keyCommit, *signature,
                                            alice->keys.signPublicKey));
    }

    void everyFlippedEnvelopeByteFailsVerify()
    {
        const SealedEnvelope sealed = sealOrDie();
        auto signature =
            recordsig::sign(sealed.envelope, sealed.keyCommit, alice->keys.signSecretKey);
        OUTWARD_VERIFY_OK(signature);
        for (qsizetype i = 0; i < sealed.envelope.size(); ++i) {
            QByteArray flipped = sealed.envelope;
            flipped[i] = char(flipped.at(i) ^ 0x01);
            const Status verified =
                recordsig::verify(flipped, sealed.keyCommit, *signature, alice->keys.signPublicKey);
            QVERIFY2(!verified.ok(), qPrintable(u"byte %1 changed unnoticed"_s.arg(i)));
            QCOMPARE(verified.error().code(), ErrorCode::Corrupt);
        }
        // Appended or removed bytes too.
        QVERIFY(!recordsig::verify(sealed.envelope + 'x', sealed.keyCommit, *signature,
                                   alice->keys.signPublicKey)
                     .ok());
        QVERIFY(!recordsig::verify(sealed.envelope.chopped(1), sealed.keyCommit, *signature,
                                   alice->keys.signPublicKey)
                     .ok());
    }

    void anotherCommitmentKeyOrSignatureFails()
    {
        const SealedEnvelope sealed = sealOrDie();
        auto signature =
            recordsig::sign(sealed.envelope, sealed.keyCommit, alice->keys.signSecretKey);
        OUTWARD_VERIFY_OK(signature);
        QByteArray otherCommit = sealed.keyCommit;
        otherCommit[0] = char(otherCommit.at(0) ^ 0x80);
        QVERIFY(
            !recordsig::verify(sealed.envelope, otherCommit, *signature, alice->keys.signPublicKey)
                 .ok());
        // Bob's key did not sign it; a reader cannot sign as the author.
        QVERIFY(!recordsig::verify(sealed.envelope, sealed.keyCommit, *signature,
                                   bob->keys.signPublicKey)
                     .ok());
        auto bobs = recordsig::sign(sealed.envelope, sealed.keyCommit, bob->keys.signSecretKey);
        OUTWARD_VERIFY_OK(bobs);
        QVERIFY(
            !recordsig::verify(sealed.envelope, sealed.keyCommit, *bobs, alice->keys.signPublicKey)
                 .ok());
        QByteArray flippedSignature = *signature;
        flippedSignature[63] = char(flippedSignature.at(63) ^ 0x01);
        QVERIFY(!recordsig::verify(sealed.envelope, sealed.keyCommit, flippedSignature,
                                   alice->keys.signPublicKey)
                     .ok());
        // Wrong lengths are refused, not read past.
        QCOMPARE(recordsig::verify(sealed.envelope, sealed.keyCommit.left(31), *signature,
                                   alice->keys.signPublicKey)
                     .error()
                     .code(),
                 ErrorCode::Corrupt);
        QCOMPARE(recordsig::verify(sealed.envelope, sealed.keyCommit, signature->left(63),
                                   alice->keys.signPublicKey)
                     .error()
                     .code(),
                 ErrorCode::Corrupt);
        QCOMPARE(
            recordsig::verify(sealed.envelope, sealed.keyCommit, *signature, QByteArray(31, 'k'))
                .error()
                .code(),
            ErrorCode::Corrupt);
        QCOMPARE(
            recordsig::sign(sealed.envelope, sealed.keyCommit.left(31), alice->keys.signSecretKey)
                .error()
                .code(),
            ErrorCode::InvalidInput);
    }

    void openChecksAnExpectedKeyCommitment()
    {
        const SealedEnvelope sealed = sealOrDie();
        EnvelopeCrypto author(alice->keys);
        EnvelopeCrypto reader(bob->keys);
        OUTWARD_VERIFY_OK(author.open(sealed.envelope, {}, sealed.keyCommit));
        OUTWARD_VERIFY_OK(reader.open(sealed.envelope, alice->keys.boxPublicKey, sealed.keyCommit));

        QByteArray wrong = sealed.keyCommit;
        wrong[31] = char(wrong.at(31) ^ 0x01);
        const auto byAuthor = author.open(sealed.envelope, {}, wrong);
        QVERIFY(!byAuthor.ok());
        QCOMPARE(byAuthor.error().code(), ErrorCode::Corrupt);
        const auto byReader = reader.open(sealed.envelope, alice->keys.boxPublicKey, wrong);
        QVERIFY(!byReader.ok());
        QCOMPARE(byReader.error().code(), ErrorCode::Corrupt);

        // Another record's commitment is just as wrong.
        const SealedEnvelope other = sealOrDie();
        QCOMPARE(author.open(sealed.envelope, {}, other.keyCommit).error().code(),
                 ErrorCode::Corrupt);
        // A commitment of the wrong size is a caller's mistake.
        QCOMPARE(author.open(sealed.envelope, {}, sealed.keyCommit.left(16)).error().code(),
                 ErrorCode::InvalidInput);
    }
};

QTEST_GUILESS_MAIN(TestRecordSignature)
#include "tst_recordsignature.moc"
