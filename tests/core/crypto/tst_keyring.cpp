#include "core/crypto/envelope.h"
#include "core/crypto/keyring.h"
#include "core/crypto/recoverycode.h"
#include "tests/support/testsupport.h"

#include <QTest>
#include <QUuid>

#include <sodium.h>

#include <optional>

using namespace outward;

namespace {

constexpr quint64 kMiB = 1024 * 1024;
const KdfParams kFast{1, 1 * kMiB};

SecureBytes passphrase(const char *text)
{
    return SecureBytes::fromPassphrase(QString::fromUtf8(text));
}

QString repeated(const QString &piece, int times)
{
    QString out;
    for (int i = 0; i < times; ++i)
        out += piece;
    return out;
}

void flipByte(QByteArray &bytes, qsizetype at)
{
    bytes[at] = static_cast<char>(bytes.at(at) ^ 0x01);
}

// Replaces one character of a formatted code with a different Crockford character.
QString withTypo(const QString &code, int at)
{
    QString typo = code;
    typo[at] = code.at(at) == QLatin1Char('7') ? QLatin1Char('8') : QLatin1Char('7');
    return typo;
}

} // namespace

class TestKeyring : public QObject
{
    Q_OBJECT

private:
    // One profile created once; tests copy its WrappedKeyring and tamper with the copy.
    std::optional<CreatedKeyring> alice;
    std::optional<CreatedKeyring> bob;

    static CreatedKeyring createOrFail(const QString &userId, const char *text)
    {
        auto created = keyring::create(userId, passphrase(text), kFast);
        if (!created.ok())
            qFatal("creating a test keyring failed: %s", qPrintable(created.error().toString()));
        return std::move(created).value();
    }

    static void verifySameKeys(const UnlockedKeys &actual, const UnlockedKeys &expected)
    {
        QCOMPARE(actual.userId, expected.userId);
        QVERIFY(actual.masterKey.equals(expected.masterKey));
        QVERIFY(actual.recordWrapKey.equals(expected.recordWrapKey));
        QVERIFY(actual.boxSecretKey.equals(expected.boxSecretKey));
        QVERIFY(actual.signSecretKey.equals(expected.signSecretKey));
        QCOMPARE(actual.boxPublicKey, expected.boxPublicKey);
        QCOMPARE(actual.signPublicKey, expected.signPublicKey);
    }

    // Every way in must refuse a damaged keyring.
    void verifyEveryUnlockRefuses(const WrappedKeyring &damaged, const char *text,
                                  const QString &recoveryCode, const SecureBytes &masterKey)
    {
        const auto withPassphrase = keyring::unlockWithPassphrase(damaged, passphrase(text));
        QVERIFY(!withPassphrase.ok());
        QVERIFY2(withPassphrase.error().code() == ErrorCode::WrongSecret ||
                     withPassphrase.error().code() == ErrorCode::Corrupt,
                 qPrintable(withPassphrase.error().toString()));
        const auto withCode = keyring::unlockWithRecoveryCode(damaged, recoveryCode);
        QVERIFY(!withCode.ok());
        QVERIFY2(withCode.error().code() == ErrorCode::WrongSecret ||
                     withCode.error().code() == ErrorCode::Corrupt,
                 qPrintable(withCode.error().toString()));
        const auto withKey = keyring::unlockWithMasterKey(damaged, masterKey);
        QVERIFY(!withKey.ok());
        QVERIFY2(withKey.error().code() == ErrorCode::WrongSecret ||
                     withKey.error().code() == ErrorCode::Corrupt,
                 qPrintable(withKey.error().toString()));
    }

    // What the server hands a new device: the public part of an account's keyring.
    static keyring::ReceivedKeyring receivedFrom(const WrappedKeyring &wrapped)
    {
        return {wrapped.userId, wrapped.boxPublicKey, wrapped.signPublicKey,
                wrapped.wrappedSecretKeys, wrapped.recoveryWrappedMasterKey};
    }

    // An account with a canonical user id, as profiles and the server have them.
    static CreatedKeyring accountOrFail()
    {
        return createOrFail(QUuid::createUuid().toString(QUuid::WithoutBraces),
                            "first device passphrase");
    }

private slots:
    void initTestCase()
    {
        alice = createOrFail(QStringLiteral("alice"), "alice passphrase");
        bob = createOrFail(QStringLiteral("bob"), "bob passphrase");
    }

    void createGivesUnlockedKeysAndStoredMaterial()
    {
        const WrappedKeyring &w = alice->wrapped;
        const UnlockedKeys &k = alice->keys;
        QCOMPARE(w.userId, QStringLiteral("alice"));
        QCOMPARE(k.userId, QStringLiteral("alice"));
        QCOMPARE(w.kdf, kFast);
        QCOMPARE(w.salt.size(), 16);
        QCOMPARE(w.boxPublicKey.size(), int(crypto_box_PUBLICKEYBYTES));
        QCOMPARE(w.signPublicKey.size(), int(crypto_sign_PUBLICKEYBYTES));
        QCOMPARE(w.passphraseWrappedMasterKey.size(), 24 + 32 + 16);
        QCOMPARE(w.recoveryWrappedMasterKey.size(), 24 + 32 + 16);
        QCOMPARE(w.wrappedSecretKeys.size(), 24 + 32 + 64 + 16);

        QCOMPARE(k.masterKey.size(), std::size_t(keyring::kMasterKeyBytes));
        QCOMPARE(k.recordWrapKey.size(), std::size_t(32));
        QCOMPARE(k.boxSecretKey.size(), std::size_t(crypto_box_SECRETKEYBYTES));
        QCOMPARE(k.signSecretKey.size(), std::size_t(crypto_sign_SECRETKEYBYTES));
        QCOMPARE(k.boxPublicKey, w.boxPublicKey);
        QCOMPARE(k.signPublicKey, w.signPublicKey);
        QVERIFY(!k.masterKey.equals(k.recordWrapKey));

        // The public keys belong to the secret keys.
        QByteArray derivedBox(crypto_box_PUBLICKEYBYTES, '\0');
        QCOMPARE(crypto_scalarmult_base(reinterpret_cast<unsigned char *>(derivedBox.data()),
                                        k.boxSecretKey.data()),
                 0);
        QCOMPARE(derivedBox, w.boxPublicKey);
        QByteArray derivedSign(crypto_sign_PUBLICKEYBYTES, '\0');
        QCOMPARE(crypto_sign_ed25519_sk_to_pk(reinterpret_cast<unsigned char *>(derivedSign.data()),
                                              k.signSecretKey.data()),
                 0);
        QCOMPARE(derivedSign, w.signPublicKey);

        // The recovery code is shown once, 36 characters in 9 groups, and parses.
        QCOMPARE(alice->recoveryCode.size(), 36 + 8);
        QCOMPARE(alice->recoveryCode.count(QLatin1Char('-')), 8);
        QString compact = alice->recoveryCode;
        QCOMPARE(compact.remove(QLatin1Char('-')).size(), 36);
        OUTWARD_VERIFY_OK(recovery::parse(alice->recoveryCode));
    }

    void storedMaterialHoldsNoSecretInTheClear()
    {
        const WrappedKeyring &w = alice->wrapped;
        const QByteArray stored = w.salt + w.passphraseWrappedMasterKey +
                                  w.recoveryWrappedMasterKey + w.boxPublicKey + w.signPublicKey +
                                  w.wrappedSecretKeys;
        QVERIFY(!stored.contains(alice->keys.masterKey.toByteArray()));
        QVERIFY(!stored.contains(alice->keys.boxSecretKey.toByteArray()));
        QVERIFY(!stored.contains(alice->keys.signSecretKey.toByteArray().left(32)));
        QVERIFY(!stored.contains(alice->keys.recordWrapKey.toByteArray()));
    }

    void twoProfilesHaveDifferentKeys()
    {
        QVERIFY(!alice->keys.masterKey.equals(bob->keys.masterKey));
        QVERIFY(alice->wrapped.boxPublicKey != bob->wrapped.boxPublicKey);
        QVERIFY(alice->wrapped.signPublicKey != bob->wrapped.signPublicKey);
        QVERIFY(alice->wrapped.salt != bob->wrapped.salt);
        QVERIFY(alice->recoveryCode != bob->recoveryCode);
    }

    void unlockWithPassphraseGivesTheSameKeys()
    {
        const auto unlocked =
            keyring::unlockWithPassphrase(alice->wrapped, passphrase("alice passphrase"));
        OUTWARD_VERIFY_OK(unlocked);
        verifySameKeys(*unlocked, alice->keys);
    }

    void passphraseIsNormalisedBeforeDerivation()
    {
        // Created with a composed é, unlocked with e + combining acute.
        const QString composed = QStringLiteral("caf") + QChar(0x00E9) + QStringLiteral(" au lait");
        const QString decomposed =
            QStringLiteral("cafe") + QChar(0x0301) + QStringLiteral(" au lait");
        const auto created =
            keyring::create(QStringLiteral("carol"), SecureBytes::fromPassphrase(composed), kFast);
        OUTWARD_VERIFY_OK(created);
        const auto unlocked = keyring::unlockWithPassphrase(
            created->wrapped, SecureBytes::fromPassphrase(decomposed));
        OUTWARD_VERIFY_OK(unlocked);
        QVERIFY(unlocked->masterKey.equals(created->keys.masterKey));
    }

    void wrongPassphraseIsWrongSecret_data()
    {
        QTest::addColumn<QByteArray>("text");
        QTest::newRow("other words") << QByteArray("not alice at all");
        QTest::newRow("caps lock") << QByteArray("ALICE PASSPHRASE");
        QTest::newRow("one letter off") << QByteArray("alice passphrasf");
        QTest::newRow("prefix") << QByteArray("alice passphras");
        QTest::newRow("another profile's") << QByteArray("bob passphrase");
        QTest::newRow("empty") << QByteArray();
    }

    void wrongPassphraseIsWrongSecret()
    {
        QFETCH(QByteArray, text);
        const auto unlocked =
            keyring::unlockWithPassphrase(alice->wrapped, SecureBytes::copyOf(text));
        QVERIFY(!unlocked.ok());
        QCOMPARE(unlocked.error().code(), ErrorCode::WrongSecret);
        QVERIFY2(unlocked.error().message().contains(QStringLiteral("passphrase")),
                 qPrintable(unlocked.error().message()));
    }

    void shortPassphraseIsRefusedCountingCharacters_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<bool>("accepted");
        const QString emoji = QString::fromUtf8("\xF0\x9F\x94\x91"); // U+1F511, 4 UTF-8 bytes
        const QString eAcute = QString(QChar(0x00E9));               // 2 UTF-8 bytes
        QVERIFY(emoji.size() == 2);                                  // a surrogate pair

        QTest::newRow("empty") << QString() << false;
        QTest::newRow("7 ASCII") << QStringLiteral("1234567") << false;
        QTest::newRow("8 ASCII") << QStringLiteral("12345678") << true;
        QTest::newRow("7 emoji (28 bytes)") << repeated(emoji, 7) << false;
        QTest::newRow("8 emoji") << repeated(emoji, 8) << true;
        QTest::newRow("7 accented (14 bytes)") << repeated(eAcute, 7) << false;
        QTest::newRow("8 accented") << repeated(eAcute, 8) << true;
        // e + combining acute normalises to one character: 7 of them are 7 characters.
        QTest::newRow("7 decomposed accents")
            << repeated(QStringLiteral("e") + QChar(0x0301), 7) << false;
    }

    void shortPassphraseIsRefusedCountingCharacters()
    {
        QFETCH(QString, text);
        QFETCH(bool, accepted);
        const SecureBytes secret = SecureBytes::fromPassphrase(text);
        const Status strength = keyring::checkPassphraseStrength(secret);
        QCOMPARE(strength.ok(), accepted);
        const auto created = keyring::create(QStringLiteral("dave"), secret, kFast);
        QCOMPARE(created.ok(), accepted);
        if (accepted) {
            const auto unlocked =
                keyring::unlockWithPassphrase(created->wrapped, SecureBytes::fromPassphrase(text));
            OUTWARD_VERIFY_OK(unlocked);
        } else {
            QCOMPARE(created.error().code(), ErrorCode::InvalidInput);
            QVERIFY2(created.error().message().contains(QStringLiteral("at least 8 characters")),
                     qPrintable(created.error().message()));
        }
    }

    void unlockWithRecoveryCodeGivesTheSameKeys()
    {
        const auto unlocked = keyring::unlockWithRecoveryCode(alice->wrapped, alice->recoveryCode);
        OUTWARD_VERIFY_OK(unlocked);
        verifySameKeys(*unlocked, alice->keys);

        // As typed by a person: lower case, spaces.
        QString typed = alice->recoveryCode.toLower();
        typed.replace(QLatin1Char('-'), QLatin1Char(' '));
        const auto again = keyring::unlockWithRecoveryCode(alice->wrapped, typed);
        OUTWARD_VERIFY_OK(again);
        QVERIFY(again->masterKey.equals(alice->keys.masterKey));
    }

    void newRecoveryCodeReplacesTheOldOne()
    {
        const auto renewed = keyring::withNewRecoveryCode(alice->wrapped, alice->keys);
        OUTWARD_VERIFY_OK(renewed);
        QVERIFY(renewed->recoveryCode != alice->recoveryCode);
        const auto withNew =
            keyring::unlockWithRecoveryCode(renewed->wrapped, renewed->recoveryCode);
        OUTWARD_VERIFY_OK(withNew);
        verifySameKeys(*withNew, alice->keys); // same master key: no record is re-encrypted
        QVERIFY(!keyring::unlockWithRecoveryCode(renewed->wrapped, alice->recoveryCode).ok());
        // Everything but the recovery wrap is untouched, so the passphrase still opens it.
        QCOMPARE(renewed->wrapped.passphraseWrappedMasterKey,
                 alice->wrapped.passphraseWrappedMasterKey);
        OUTWARD_VERIFY_OK(
            keyring::unlockWithPassphrase(renewed->wrapped, passphrase("alice passphrase")));
        // Keys of another profile are refused.
        QVERIFY(!keyring::withNewRecoveryCode(alice->wrapped, bob->keys).ok());
    }

    void recoveryCodeOfAnotherProfileIsNamed()
    {
        const auto unlocked = keyring::unlockWithRecoveryCode(alice->wrapped, bob->recoveryCode);
        QVERIFY(!unlocked.ok());
        QCOMPARE(unlocked.error().code(), ErrorCode::WrongSecret);
        QVERIFY2(unlocked.error().message().contains(QStringLiteral("another profile")),
                 qPrintable(unlocked.error().message()));
    }

    void recoveryCodeWithTypoIsNamed()
    {
        for (int at : {0, 13, 43}) {
            const QString typo = withTypo(alice->recoveryCode, at);
            QVERIFY(typo != alice->recoveryCode);
            const auto unlocked = keyring::unlockWithRecoveryCode(alice->wrapped, typo);
            QVERIFY(!unlocked.ok());
            QCOMPARE(unlocked.error().code(), ErrorCode::WrongSecret);
            QVERIFY2(unlocked.error().message().contains(QStringLiteral("typo")),
                     qPrintable(unlocked.error().message()));
        }
    }

    void newPassphraseReplacesTheOldOne()
    {
        const auto created =
            keyring::create(QStringLiteral("erin"), passphrase("old passphrase"), kFast);
        OUTWARD_VERIFY_OK(created);

        // A record sealed before the change.
        EnvelopeCrypto before(created->keys);
        const auto sealed = before.seal(QByteArray(R"({"id":"r1","kind":"reflection"})"),
                                        QByteArray("what went well today"));
        OUTWARD_VERIFY_OK(sealed);

        const KdfParams stronger{2, 2 * kMiB};
        const auto changed = keyring::withNewPassphrase(created->wrapped, created->keys,
                                                        passphrase("new passphrase"), stronger);
        OUTWARD_VERIFY_OK(changed);
        QCOMPARE(changed->userId, created->wrapped.userId);
        QCOMPARE(changed->kdf, stronger);
        QCOMPARE(changed->salt.size(), 16);
        QVERIFY(changed->salt != created->wrapped.salt);
        QVERIFY(changed->passphraseWrappedMasterKey != created->wrapped.passphraseWrappedMasterKey);
        // Nothing else needs rewriting.
        QCOMPARE(changed->recoveryWrappedMasterKey, created->wrapped.recoveryWrappedMasterKey);
        QCOMPARE(changed->wrappedSecretKeys, created->wrapped.wrappedSecretKeys);
        QCOMPARE(changed->boxPublicKey, created->wrapped.boxPublicKey);
        QCOMPARE(changed->signPublicKey, created->wrapped.signPublicKey);

        const auto withOld = keyring::unlockWithPassphrase(*changed, passphrase("old passphrase"));
        QVERIFY(!withOld.ok());
        QCOMPARE(withOld.error().code(), ErrorCode::WrongSecret);

        const auto withNew = keyring::unlockWithPassphrase(*changed, passphrase("new passphrase"));
        OUTWARD_VERIFY_OK(withNew);
        verifySameKeys(*withNew, created->keys);

        // The recovery code still opens the re-wrapped keyring.
        const auto withCode = keyring::unlockWithRecoveryCode(*changed, created->recoveryCode);
        OUTWARD_VERIFY_OK(withCode);
        QVERIFY(withCode->masterKey.equals(created->keys.masterKey));

        EnvelopeCrypto after(*withNew);
        const auto opened = after.open(*sealed);
        OUTWARD_VERIFY_OK(opened);
        QCOMPARE(opened->plaintext, QByteArray("what went well today"));
        QCOMPARE(opened->header, QByteArray(R"({"id":"r1","kind":"reflection"})"));
    }

    void newPassphraseMustBeStrongToo()
    {
        const auto changed =
            keyring::withNewPassphrase(alice->wrapped, alice->keys, passphrase("short"), kFast);
        QVERIFY(!changed.ok());
        QCOMPARE(changed.error().code(), ErrorCode::InvalidInput);
    }

    void unlockWithMasterKey()
    {
        const auto unlocked = keyring::unlockWithMasterKey(alice->wrapped, alice->keys.masterKey);
        OUTWARD_VERIFY_OK(unlocked);
        verifySameKeys(*unlocked, alice->keys);

        const auto random = keyring::unlockWithMasterKey(alice->wrapped, SecureBytes::random(32));
        QVERIFY(!random.ok());
        QCOMPARE(random.error().code(), ErrorCode::WrongSecret);

        const auto others = keyring::unlockWithMasterKey(alice->wrapped, bob->keys.masterKey);
        QVERIFY(!others.ok());
        QCOMPARE(others.error().code(), ErrorCode::WrongSecret);

        const auto tooShort = keyring::unlockWithMasterKey(alice->wrapped, SecureBytes::random(31));
        QVERIFY(!tooShort.ok());
        QCOMPARE(tooShort.error().code(), ErrorCode::WrongSecret);

        const auto empty = keyring::unlockWithMasterKey(alice->wrapped, SecureBytes());
        QVERIFY(!empty.ok());
        QCOMPARE(empty.error().code(), ErrorCode::WrongSecret);
    }

    void flippedPassphraseWrapIsRefused()
    {
        for (qsizetype at = 0; at < alice->wrapped.passphraseWrappedMasterKey.size(); ++at) {
            WrappedKeyring damaged = alice->wrapped;
            flipByte(damaged.passphraseWrappedMasterKey, at);
            const auto unlocked =
                keyring::unlockWithPassphrase(damaged, passphrase("alice passphrase"));
            QVERIFY2(!unlocked.ok(), qPrintable(QStringLiteral("byte %1").arg(at)));
            QVERIFY(unlocked.error().code() == ErrorCode::WrongSecret ||
                    unlocked.error().code() == ErrorCode::Corrupt);
        }
    }

    void flippedRecoveryWrapIsRefused()
    {
        for (qsizetype at = 0; at < alice->wrapped.recoveryWrappedMasterKey.size(); ++at) {
            WrappedKeyring damaged = alice->wrapped;
            flipByte(damaged.recoveryWrappedMasterKey, at);
            const auto unlocked = keyring::unlockWithRecoveryCode(damaged, alice->recoveryCode);
            QVERIFY2(!unlocked.ok(), qPrintable(QStringLiteral("byte %1").arg(at)));
            QVERIFY(unlocked.error().code() == ErrorCode::WrongSecret ||
                    unlocked.error().code() == ErrorCode::Corrupt);
        }
    }

    void flippedSecretKeysAreRefused()
    {
        for (qsizetype at = 0; at < alice->wrapped.wrappedSecretKeys.size(); ++at) {
            WrappedKeyring damaged = alice->wrapped;
            flipByte(damaged.wrappedSecretKeys, at);
            verifyEveryUnlockRefuses(damaged, "alice passphrase", alice->recoveryCode,
                                     alice->keys.masterKey);
            if (QTest::currentTestFailed())
                QFAIL(qPrintable(QStringLiteral("accepted with byte %1 flipped").arg(at)));
        }
    }

    // The right secret opened the master key, so damage behind it must not send the user
    // hunting for a passphrase they typed correctly.
    void damagedKeyPairsWithTheRightSecretAreCorruptNotWrong()
    {
        WrappedKeyring damaged = alice->wrapped;
        flipByte(damaged.wrappedSecretKeys, damaged.wrappedSecretKeys.size() - 1);
        const auto withPassphrase =
            keyring::unlockWithPassphrase(damaged, passphrase("alice passphrase"));
        QVERIFY(!withPassphrase.ok());
        QCOMPARE(withPassphrase.error().code(), ErrorCode::Corrupt);
        QVERIFY(withPassphrase.error().message().contains(QStringLiteral("damaged")));
        const auto withCode = keyring::unlockWithRecoveryCode(damaged, alice->recoveryCode);
        QVERIFY(!withCode.ok());
        QCOMPARE(withCode.error().code(), ErrorCode::Corrupt);
    }

    void truncatedWrapsAreRefused()
    {
        WrappedKeyring a = alice->wrapped;
        a.passphraseWrappedMasterKey.chop(1);
        QVERIFY(!keyring::unlockWithPassphrase(a, passphrase("alice passphrase")).ok());
        WrappedKeyring b = alice->wrapped;
        b.recoveryWrappedMasterKey.append('\0');
        QVERIFY(!keyring::unlockWithRecoveryCode(b, alice->recoveryCode).ok());
        WrappedKeyring c = alice->wrapped;
        c.wrappedSecretKeys.chop(16);
        verifyEveryUnlockRefuses(c, "alice passphrase", alice->recoveryCode, alice->keys.masterKey);
    }

    void swappedPublicKeysAreRefused()
    {
        WrappedKeyring box = alice->wrapped;
        box.boxPublicKey = bob->wrapped.boxPublicKey;
        verifyEveryUnlockRefuses(box, "alice passphrase", alice->recoveryCode,
                                 alice->keys.masterKey);

        WrappedKeyring sign = alice->wrapped;
        sign.signPublicKey = bob->wrapped.signPublicKey;
        verifyEveryUnlockRefuses(sign, "alice passphrase", alice->recoveryCode,
                                 alice->keys.masterKey);

        WrappedKeyring both = alice->wrapped;
        both.boxPublicKey = bob->wrapped.boxPublicKey;
        both.signPublicKey = bob->wrapped.signPublicKey;
        verifyEveryUnlockRefuses(both, "alice passphrase", alice->recoveryCode,
                                 alice->keys.masterKey);

        WrappedKeyring flipped = alice->wrapped;
        flipByte(flipped.boxPublicKey, 31);
        verifyEveryUnlockRefuses(flipped, "alice passphrase", alice->recoveryCode,
                                 alice->keys.masterKey);
    }

    void changedUserIdIsRefused()
    {
        WrappedKeyring renamed = alice->wrapped;
        renamed.userId = QStringLiteral("mallory");
        verifyEveryUnlockRefuses(renamed, "alice passphrase", alice->recoveryCode,
                                 alice->keys.masterKey);

        WrappedKeyring extended = alice->wrapped;
        extended.userId = QStringLiteral("alice2");
        verifyEveryUnlockRefuses(extended, "alice passphrase", alice->recoveryCode,
                                 alice->keys.masterKey);
    }

    void blobsSwappedBetweenProfilesAreRefused()
    {
        // Bob's wrapped master key under Alice's name and salt: Bob's passphrase must not open
        // Alice's profile, nor Alice's the mix.
        WrappedKeyring mixed = alice->wrapped;
        mixed.passphraseWrappedMasterKey = bob->wrapped.passphraseWrappedMasterKey;
        mixed.salt = bob->wrapped.salt;
        QVERIFY(!keyring::unlockWithPassphrase(mixed, passphrase("bob passphrase")).ok());
        QVERIFY(!keyring::unlockWithPassphrase(mixed, passphrase("alice passphrase")).ok());

        WrappedKeyring secrets = alice->wrapped;
        secrets.wrappedSecretKeys = bob->wrapped.wrappedSecretKeys;
        verifyEveryUnlockRefuses(secrets, "alice passphrase", alice->recoveryCode,
                                 alice->keys.masterKey);
    }

    void changedSaltOrCostIsRefused()
    {
        WrappedKeyring salt = alice->wrapped;
        flipByte(salt.salt, 0);
        const auto withSalt = keyring::unlockWithPassphrase(salt, passphrase("alice passphrase"));
        QVERIFY(!withSalt.ok());
        QCOMPARE(withSalt.error().code(), ErrorCode::WrongSecret);

        WrappedKeyring cost = alice->wrapped;
        cost.kdf.opsLimit = 2;
        const auto withCost = keyring::unlockWithPassphrase(cost, passphrase("alice passphrase"));
        QVERIFY(!withCost.ok());
        QCOMPARE(withCost.error().code(), ErrorCode::WrongSecret);

        WrappedKeyring shortSalt = alice->wrapped;
        shortSalt.salt.chop(1);
        const auto withShortSalt =
            keyring::unlockWithPassphrase(shortSalt, passphrase("alice passphrase"));
        QVERIFY(!withShortSalt.ok());
        QCOMPARE(withShortSalt.error().code(), ErrorCode::Corrupt);
    }

    void hugeKdfMemoryIsCorruptAndNotAttempted()
    {
        WrappedKeyring crafted = alice->wrapped;
        crafted.kdf.memLimitBytes = 64ull * 1024 * kMiB;
        const auto unlocked =
            keyring::unlockWithPassphrase(crafted, passphrase("alice passphrase"));
        QVERIFY(!unlocked.ok());
        // Storage would mean crypto_pwhash ran out of memory trying.
        QCOMPARE(unlocked.error().code(), ErrorCode::Corrupt);

        WrappedKeyring zeroOps = alice->wrapped;
        zeroOps.kdf.opsLimit = 0;
        const auto withZeroOps =
            keyring::unlockWithPassphrase(zeroOps, passphrase("alice passphrase"));
        QVERIFY(!withZeroOps.ok());
        QCOMPARE(withZeroOps.error().code(), ErrorCode::Corrupt);
    }

    void adoptGivesTheSameKeysUnderANewPassphrase()
    {
        const CreatedKeyring account = accountOrFail();
        auto adopted = keyring::adopt(receivedFrom(account.wrapped), account.keys.masterKey,
                                      passphrase("second device passphrase"), kFast);
        QVERIFY2(adopted.ok(), qPrintable(adopted.ok() ? QString() : adopted.error().toString()));
        verifySameKeys(adopted->keys, account.keys);
        const WrappedKeyring &w = adopted->wrapped;
        QCOMPARE(w.userId, account.wrapped.userId);
        QCOMPARE(w.boxPublicKey, account.wrapped.boxPublicKey);
        QCOMPARE(w.signPublicKey, account.wrapped.signPublicKey);
        QCOMPARE(w.wrappedSecretKeys, account.wrapped.wrappedSecretKeys);
        // Kept as received: the one recovery code works on every device.
        QCOMPARE(w.recoveryWrappedMasterKey, account.wrapped.recoveryWrappedMasterKey);
        // This device's own salt and passphrase wrap.
        QCOMPARE(w.salt.size(), 16);
        QVERIFY(w.salt != account.wrapped.salt);
        QVERIFY(w.passphraseWrappedMasterKey != account.wrapped.passphraseWrappedMasterKey);

        auto withNew = keyring::unlockWithPassphrase(w, passphrase("second device passphrase"));
        QVERIFY(withNew.ok());
        verifySameKeys(*withNew, account.keys);
        auto withOld = keyring::unlockWithPassphrase(w, passphrase("first device passphrase"));
        QVERIFY(!withOld.ok());
        QCOMPARE(withOld.error().code(), ErrorCode::WrongSecret);
        auto withCode = keyring::unlockWithRecoveryCode(w, account.recoveryCode);
        QVERIFY(withCode.ok());
        verifySameKeys(*withCode, account.keys);
    }

    void adoptRefusesAnotherAccountsMasterKey()
    {
        const CreatedKeyring account = accountOrFail();
        const CreatedKeyring other = accountOrFail();
        auto adopted = keyring::adopt(receivedFrom(account.wrapped), other.keys.masterKey,
                                      passphrase("second device passphrase"), kFast);
        QVERIFY(!adopted.ok());
        QCOMPARE(adopted.error().code(), ErrorCode::Corrupt);
        QVERIFY2(adopted.error().message().contains(QStringLiteral("do not open")),
                 qPrintable(adopted.error().message()));
    }

    void adoptRefusesASubstitutedPublicKey_data()
    {
        QTest::addColumn<bool>("box");
        QTest::newRow("box public key") << true;
        QTest::newRow("sign public key") << false;
    }

    void adoptRefusesASubstitutedPublicKey()
    {
        QFETCH(bool, box);
        const CreatedKeyring account = accountOrFail();
        const CreatedKeyring other = accountOrFail();
        keyring::ReceivedKeyring received = receivedFrom(account.wrapped);
        // A server that wants records wrapped for its own key hands out another public key.
        (box ? received.boxPublicKey : received.signPublicKey) =
            box ? other.wrapped.boxPublicKey : other.wrapped.signPublicKey;
        auto adopted = keyring::adopt(received, account.keys.masterKey,
                                      passphrase("second device passphrase"), kFast);
        QVERIFY(!adopted.ok());
        QCOMPARE(adopted.error().code(), ErrorCode::Corrupt);

        auto recovered = keyring::adoptWithRecoveryCode(
            received, account.recoveryCode, passphrase("second device passphrase"), kFast);
        QVERIFY(!recovered.ok());
        QCOMPARE(recovered.error().code(), ErrorCode::Corrupt);
    }

    void adoptRefusesAnotherUserId()
    {
        const CreatedKeyring account = accountOrFail();
        keyring::ReceivedKeyring received = receivedFrom(account.wrapped);
        received.userId = QUuid::createUuid().toString(QUuid::WithoutBraces);
        auto adopted = keyring::adopt(received, account.keys.masterKey,
                                      passphrase("second device passphrase"), kFast);
        QVERIFY(!adopted.ok());
        QCOMPARE(adopted.error().code(), ErrorCode::Corrupt);
        // The recovery wrap is bound to the user id too.
        auto recovered = keyring::adoptWithRecoveryCode(
            received, account.recoveryCode, passphrase("second device passphrase"), kFast);
        QVERIFY(!recovered.ok());
        QCOMPARE(recovered.error().code(), ErrorCode::WrongSecret);

        // Not a canonical id at all: refused before any crypto.
        received.userId = account.wrapped.userId.toUpper();
        auto upper = keyring::adopt(received, account.keys.masterKey,
                                    passphrase("second device passphrase"), kFast);
        QVERIFY(!upper.ok());
        QCOMPARE(upper.error().code(), ErrorCode::Corrupt);
        QVERIFY(upper.error().message().contains(QStringLiteral("user id")));
    }

    void adoptRefusesWrongSizes()
    {
        const CreatedKeyring account = accountOrFail();
        keyring::ReceivedKeyring received = receivedFrom(account.wrapped);
        received.recoveryWrappedMasterKey.chop(1);
        auto adopted = keyring::adopt(received, account.keys.masterKey,
                                      passphrase("second device passphrase"), kFast);
        QVERIFY(!adopted.ok());
        QCOMPARE(adopted.error().code(), ErrorCode::Corrupt);

        const SecureBytes shortKey = SecureBytes::random(16);
        auto withShortKey = keyring::adopt(receivedFrom(account.wrapped), shortKey,
                                           passphrase("second device passphrase"), kFast);
        QVERIFY(!withShortKey.ok());
        QCOMPARE(withShortKey.error().code(), ErrorCode::Corrupt);
    }

    void adoptRefusesAWeakPassphraseFirst()
    {
        const CreatedKeyring account = accountOrFail();
        auto adopted = keyring::adopt(receivedFrom(account.wrapped), account.keys.masterKey,
                                      passphrase("short"), kFast);
        QVERIFY(!adopted.ok());
        QCOMPARE(adopted.error().code(), ErrorCode::InvalidInput);
    }

    void adoptWithRecoveryCodeGivesTheSameKeys()
    {
        const CreatedKeyring account = accountOrFail();
        auto adopted = keyring::adoptWithRecoveryCode(receivedFrom(account.wrapped),
                                                      account.recoveryCode.toLower(),
                                                      passphrase("restored passphrase"), kFast);
        QVERIFY2(adopted.ok(), qPrintable(adopted.ok() ? QString() : adopted.error().toString()));
        verifySameKeys(adopted->keys, account.keys);
        QCOMPARE(adopted->wrapped.recoveryWrappedMasterKey,
                 account.wrapped.recoveryWrappedMasterKey);
        auto unlocked =
            keyring::unlockWithPassphrase(adopted->wrapped, passphrase("restored passphrase"));
        QVERIFY(unlocked.ok());
    }

    void adoptWithRecoveryCodeRefusesWrongCodes()
    {
        const CreatedKeyring account = accountOrFail();
        const CreatedKeyring other = accountOrFail();
        auto another =
            keyring::adoptWithRecoveryCode(receivedFrom(account.wrapped), other.recoveryCode,
                                           passphrase("restored passphrase"), kFast);
        QVERIFY(!another.ok());
        QCOMPARE(another.error().code(), ErrorCode::WrongSecret);
        QVERIFY2(another.error().message().contains(QStringLiteral("does not open this account")),
                 qPrintable(another.error().message()));

        auto typo = keyring::adoptWithRecoveryCode(receivedFrom(account.wrapped),
                                                   withTypo(account.recoveryCode, 3),
                                                   passphrase("restored passphrase"), kFast);
        QVERIFY(!typo.ok());
        QCOMPARE(typo.error().code(), ErrorCode::WrongSecret);
        QVERIFY2(typo.error().message().contains(QStringLiteral("typo")),
                 qPrintable(typo.error().message()));
    }
};

QTEST_GUILESS_MAIN(TestKeyring)
#include "tst_keyring.moc"
