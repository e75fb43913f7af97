#include "core/crypto/devicekey.h"
#include "core/crypto/keyring.h"
#include "core/crypto/signing.h"
#include "tests/support/testsupport.h"

#include <QTest>

#include <sodium.h>

#include <optional>

using namespace outward;
using namespace Qt::StringLiterals;

namespace {

const KdfParams kFast{1, 1024 * 1024};
const QString kDevice = u"7f3c2a10-5b6d-4e8f-9a0b-1c2d3e4f5a6b"_s;

const unsigned char *u(const QByteArray &bytes)
{
    return reinterpret_cast<const unsigned char *>(bytes.constData());
}

CreatedKeyring createOrFail(const QString &userId)
{
    auto created =
        keyring::create(userId, SecureBytes::fromPassphrase(u"device key tests"_s), kFast);
    if (!created.ok())
        qFatal("creating a test keyring failed: %s", qPrintable(created.error().toString()));
    return std::move(created).value();
}

} // namespace

class TestDeviceKey : public QObject
{
    Q_OBJECT

private:
    std::optional<CreatedKeyring> alice;
    std::optional<CreatedKeyring> bob;

private slots:
    void initTestCase()
    {
        QVERIFY(sodium_init() >= 0);
        alice = createOrFail(u"5d1c2b7a-8e4f-4a3b-9c6d-0e1f2a3b4c5d"_s);
        bob = createOrFail(u"0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d"_s);
    }

    void generateMakesAWorkingEd25519Pair()
    {
        auto pair = devicekey::generate();
        OUTWARD_VERIFY_OK(pair);
        QCOMPARE(pair->publicKey.size(), 32);
        QCOMPARE(int(pair->secretKey.size()), 64);
        const QByteArray message = "outward/auth/v1 and a challenge";
        auto signature = signing::sign(message, pair->secretKey);
        OUTWARD_VERIFY_OK(signature);
        QVERIFY(signing::verify(message, *signature, pair->publicKey));
        QVERIFY(!signing::verify(message + 'x', *signature, pair->publicKey));
        auto other = devicekey::generate();
        OUTWARD_VERIFY_OK(other);
        QVERIFY(other->publicKey != pair->publicKey);
    }

    void wrapThenUnwrapGivesTheSameKey()
    {
        auto pair = devicekey::generate();
        OUTWARD_VERIFY_OK(pair);
        auto wrapped = devicekey::wrap(alice->keys, kDevice, pair->secretKey);
        OUTWARD_VERIFY_OK(wrapped);
        QCOMPARE(wrapped->size(), 104);
        QCOMPARE(devicekey::kWrappedBytes, 104);
        auto unwrapped = devicekey::unwrap(alice->keys, kDevice, *wrapped);
        OUTWARD_VERIFY_OK(unwrapped);
        QCOMPARE(unwrapped->publicKey, pair->publicKey);
        QVERIFY(unwrapped->secretKey.equals(pair->secretKey));
        // A fresh nonce every time.
        auto again = devicekey::wrap(alice->keys, kDevice, pair->secretKey);
        OUTWARD_VERIFY_OK(again);
        QVERIFY(*again != *wrapped);
    }

    // The format of docs/protocol.md section 4, checked with libsodium alone.
    void formatIsAsDocumented()
    {
        auto pair = devicekey::generate();
        OUTWARD_VERIFY_OK(pair);
        auto wrapped = devicekey::wrap(alice->keys, kDevice, pair->secretKey);
        OUTWARD_VERIFY_OK(wrapped);

        QByteArray key(32, '\0');
        QCOMPARE(crypto_kdf_derive_from_key(reinterpret_cast<unsigned char *>(key.data()), 32, 3,
                                            "OWKEYS01", alice->keys.masterKey.data()),
                 0);
        auto viaOutward =
            keyring::deriveSubkey(alice->keys.masterKey, keyring::SubkeyId::DeviceKeyWrap);
        OUTWARD_VERIFY_OK(viaOutward);
        QCOMPARE(viaOutward->toByteArray(), key);

        const QByteArray ad =
            "outward/device-key/v1/" + alice->keys.userId.toUtf8() + kDevice.toUtf8();
        QCOMPARE(devicekey::associatedData(alice->keys.userId, kDevice), ad);
        QByteArray plain(64, '\0');
        unsigned long long written = 0;
        QCOMPARE(crypto_aead_xchacha20poly1305_ietf_decrypt(
                     reinterpret_cast<unsigned char *>(plain.data()), &written, nullptr,
                     u(*wrapped) + 24, 80, u(ad), static_cast<unsigned long long>(ad.size()),
                     u(*wrapped), u(key)),
                 0);
        QCOMPARE(written, 64ull);
        QCOMPARE(plain, pair->secretKey.toByteArray());
    }

    void anotherUsersMasterKeyDoesNotOpenIt()
    {
        auto pair = devicekey::generate();
        OUTWARD_VERIFY_OK(pair);
        auto wrapped = devicekey::wrap(alice->keys, kDevice, pair->secretKey);
        OUTWARD_VERIFY_OK(wrapped);
        auto byBob = devicekey::unwrap(bob->keys, kDevice, *wrapped);
        QVERIFY(!byBob.ok());
        QCOMPARE(byBob.error().code(), ErrorCode::Corrupt);
    }

    void anotherDeviceIdDoesNotOpenIt()
    {
        auto pair = devicekey::generate();
        OUTWARD_VERIFY_OK(pair);
        auto wrapped = devicekey::wrap(alice->keys, kDevice, pair->secretKey);
        OUTWARD_VERIFY_OK(wrapped);
        const auto otherDevice =
            devicekey::unwrap(alice->keys, u"7f3c2a10-5b6d-4e8f-9a0b-1c2d3e4f5a6c"_s, *wrapped);
        QVERIFY(!otherDevice.ok());
        QCOMPARE(otherDevice.error().code(), ErrorCode::Corrupt);
    }

    void anotherUserIdInTheAssociatedDataDoesNotOpenIt()
    {
        auto pair = devicekey::generate();
        OUTWARD_VERIFY_OK(pair);
        auto wrapped = devicekey::wrap(alice->keys, kDevice, pair->secretKey);
        OUTWARD_VERIFY_OK(wrapped);
        // Same master key, another user id: only the associated data differs.
        UnlockedKeys renamed;
        renamed.userId = bob->keys.userId;
        renamed.masterKey = alice->keys.masterKey.clone();
        const auto opened = devicekey::unwrap(renamed, kDevice, *wrapped);
        QVERIFY(!opened.ok());
        QCOMPARE(opened.error().code(), ErrorCode::Corrupt);
    }

    void damagedBlobsAreCorrupt_data()
    {
        QTest::addColumn<int>("flip");
        QTest::addColumn<int>("size");
        QTest::newRow("nonce byte") << 0 << 104;
        QTest::newRow("ciphertext byte") << 40 << 104;
        QTest::newRow("tag byte") << 103 << 104;
        QTest::newRow("truncated") << -1 << 103;
        QTest::newRow("too long") << -1 << 105;
        QTest::newRow("empty") << -1 << 0;
    }

    void damagedBlobsAreCorrupt()
    {
        QFETCH(int, flip);
        QFETCH(int, size);
        auto pair = devicekey::generate();
        OUTWARD_VERIFY_OK(pair);
        auto wrapped = devicekey::wrap(alice->keys, kDevice, pair->secretKey);
        OUTWARD_VERIFY_OK(wrapped);
        QByteArray damaged = *wrapped;
        if (flip >= 0)
            damaged[flip] = char(damaged.at(flip) ^ 0x01);
        damaged.resize(size, 'x');
        const auto opened = devicekey::unwrap(alice->keys, kDevice, damaged);
        QVERIFY(!opened.ok());
        QCOMPARE(opened.error().code(), ErrorCode::Corrupt);
    }

    // A wrapped secret key whose second half is not the seed's public key would sign with a key
    // the server never registered.
    void secretKeyWithAForeignPublicHalfIsCorrupt()
    {
        auto pair = devicekey::generate();
        auto other = devicekey::generate();
        OUTWARD_VERIFY_OK(pair);
        OUTWARD_VERIFY_OK(other);
        QByteArray mixed = pair->secretKey.toByteArray().left(32) + other->publicKey;
        auto wrapped = devicekey::wrap(alice->keys, kDevice, SecureBytes::copyOf(mixed));
        OUTWARD_VERIFY_OK(wrapped);
        const auto opened = devicekey::unwrap(alice->keys, kDevice, *wrapped);
        QVERIFY(!opened.ok());
        QCOMPARE(opened.error().code(), ErrorCode::Corrupt);
    }

    void wrapRefusesBadInput()
    {
        const auto shortKey = devicekey::wrap(alice->keys, kDevice, SecureBytes(32));
        QVERIFY(!shortKey.ok());
        QCOMPARE(shortKey.error().code(), ErrorCode::InvalidInput);
        auto pair = devicekey::generate();
        OUTWARD_VERIFY_OK(pair);
        const auto noDevice = devicekey::wrap(alice->keys, QString(), pair->secretKey);
        QVERIFY(!noDevice.ok());
        QCOMPARE(noDevice.error().code(), ErrorCode::InvalidInput);
    }
};

QTEST_GUILESS_MAIN(TestDeviceKey)
#include "tst_devicekey.moc"
