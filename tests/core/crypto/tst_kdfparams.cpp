#include "core/crypto/kdfparams.h"
#include "tests/support/testsupport.h"

#include <QTest>

#include <sodium.h>

using namespace outward;

namespace {

constexpr quint64 kMiB = 1024 * 1024;
constexpr quint64 kGiB = 1024 * kMiB;

// Fast parameters: every test but the preset one derives with these.
const KdfParams kFast{1, 1 * kMiB};

QByteArray salt(char fill)
{
    return QByteArray(kSaltBytes, fill);
}

} // namespace

class TestKdfParams : public QObject
{
    Q_OBJECT

private slots:
    void presetsHaveTheDocumentedCosts()
    {
        QCOMPARE(KdfParams::desktop().opsLimit, quint64(3));
        QCOMPARE(KdfParams::desktop().memLimitBytes, 256 * kMiB);
        QCOMPARE(KdfParams::desktop().opsLimit, quint64(crypto_pwhash_OPSLIMIT_MODERATE));
        QCOMPARE(KdfParams::desktop().memLimitBytes, quint64(crypto_pwhash_MEMLIMIT_MODERATE));

        QCOMPARE(KdfParams::interactive().opsLimit, quint64(2));
        QCOMPARE(KdfParams::interactive().memLimitBytes, 64 * kMiB);
        QCOMPARE(KdfParams::interactive().opsLimit, quint64(crypto_pwhash_OPSLIMIT_INTERACTIVE));
        QCOMPARE(KdfParams::interactive().memLimitBytes,
                 quint64(crypto_pwhash_MEMLIMIT_INTERACTIVE));

        QCOMPARE(KdfParams::phone().opsLimit, quint64(3));
        QCOMPARE(KdfParams::phone().memLimitBytes, 64 * kMiB);

        // This suite runs on a desktop build.
        QCOMPARE(KdfParams::forThisDevice(), KdfParams::desktop());

        QVERIFY(KdfParams::desktop().isWithinLimits());
        QVERIFY(KdfParams::interactive().isWithinLimits());
        QVERIFY(KdfParams::phone().isWithinLimits());
    }

    void equalityComparesBothFields()
    {
        QVERIFY(KdfParams({3, 64 * kMiB}) == KdfParams::phone());
        QVERIFY(!(KdfParams({2, 64 * kMiB}) == KdfParams::phone()));
        QVERIFY(!(KdfParams({3, 65 * kMiB}) == KdfParams::phone()));
    }

    void limits_data()
    {
        QTest::addColumn<quint64>("ops");
        QTest::addColumn<quint64>("mem");
        QTest::addColumn<bool>("accepted");

        QTest::newRow("fast test params") << quint64(1) << 1 * kMiB << true;
        QTest::newRow("ops 0") << quint64(0) << 1 * kMiB << false;
        QTest::newRow("ops 1") << quint64(1) << 1 * kMiB << true;
        QTest::newRow("mem 8 KiB (minimum)") << quint64(1) << quint64(8192) << true;
        QTest::newRow("mem below 8 KiB") << quint64(1) << quint64(8191) << false;
        QTest::newRow("mem 0") << quint64(1) << quint64(0) << false;
        QTest::newRow("mem 4 GiB") << quint64(1) << 4 * kGiB << true;
        QTest::newRow("mem above 4 GiB") << quint64(1) << 4 * kGiB + 1 << false;
        QTest::newRow("mem 64 GiB") << quint64(3) << 64 * kGiB << false;
        QTest::newRow("ops above libsodium max")
            << quint64(crypto_pwhash_OPSLIMIT_MAX) + 1 << 1 * kMiB << false;
        QTest::newRow("default constructed") << quint64(0) << quint64(0) << false;
    }

    void limits()
    {
        QFETCH(quint64, ops);
        QFETCH(quint64, mem);
        QFETCH(bool, accepted);
        QCOMPARE(KdfParams({ops, mem}).isWithinLimits(), accepted);
    }

    void derivationIsDeterministic()
    {
        const SecureBytes passphrase = SecureBytes::fromPassphrase(QStringLiteral("tulip anvil"));
        const auto a = derivePassphraseKey(passphrase, salt('s'), kFast);
        const auto b = derivePassphraseKey(passphrase, salt('s'), kFast);
        OUTWARD_VERIFY_OK(a);
        OUTWARD_VERIFY_OK(b);
        QCOMPARE(a->size(), std::size_t(32));
        QVERIFY(a->equals(*b));
    }

    void derivationMatchesLibsodiumArgon2id()
    {
        const QByteArray text("tulip anvil");
        const auto key = derivePassphraseKey(SecureBytes::copyOf(text), salt('s'), kFast);
        OUTWARD_VERIFY_OK(key);
        QByteArray expected(32, '\0');
        QCOMPARE(crypto_pwhash(reinterpret_cast<unsigned char *>(expected.data()), 32,
                               text.constData(), static_cast<unsigned long long>(text.size()),
                               reinterpret_cast<const unsigned char *>(salt('s').constData()),
                               kFast.opsLimit, kFast.memLimitBytes, crypto_pwhash_ALG_ARGON2ID13),
                 0);
        QCOMPARE(key->toByteArray(), expected);
    }

    void derivationDependsOnEveryInput()
    {
        const SecureBytes passphrase = SecureBytes::fromPassphrase(QStringLiteral("tulip anvil"));
        const auto base = derivePassphraseKey(passphrase, salt('s'), kFast);
        OUTWARD_VERIFY_OK(base);

        const auto otherSalt = derivePassphraseKey(passphrase, salt('t'), kFast);
        OUTWARD_VERIFY_OK(otherSalt);
        QVERIFY(!base->equals(*otherSalt));

        const auto otherPassphrase = derivePassphraseKey(
            SecureBytes::fromPassphrase(QStringLiteral("tulip anvim")), salt('s'), kFast);
        OUTWARD_VERIFY_OK(otherPassphrase);
        QVERIFY(!base->equals(*otherPassphrase));

        const auto otherOps = derivePassphraseKey(passphrase, salt('s'), KdfParams{2, 1 * kMiB});
        OUTWARD_VERIFY_OK(otherOps);
        QVERIFY(!base->equals(*otherOps));
    }

    void saltOfWrongLengthIsCorrupt_data()
    {
        QTest::addColumn<int>("length");
        QTest::newRow("empty") << 0;
        QTest::newRow("15 bytes") << 15;
        QTest::newRow("17 bytes") << 17;
        QTest::newRow("32 bytes") << 32;
    }

    void saltOfWrongLengthIsCorrupt()
    {
        QFETCH(int, length);
        const auto key = derivePassphraseKey(SecureBytes::fromPassphrase(QStringLiteral("x")),
                                             QByteArray(length, 's'), kFast);
        QVERIFY(!key.ok());
        QCOMPARE(key.error().code(), ErrorCode::Corrupt);
    }

    void paramsOutsideLimitsAreCorruptWithoutDeriving()
    {
        // 64 GiB would fail (or swap the machine to death) if it were attempted; Corrupt rather
        // than Storage shows it was refused before crypto_pwhash ran.
        const auto key = derivePassphraseKey(SecureBytes::fromPassphrase(QStringLiteral("x")),
                                             salt('s'), KdfParams{3, 64 * kGiB});
        QVERIFY(!key.ok());
        QCOMPARE(key.error().code(), ErrorCode::Corrupt);
        QVERIFY2(key.error().message().contains(QStringLiteral("mem=65536MiB")),
                 qPrintable(key.error().message()));

        const auto noOps = derivePassphraseKey(SecureBytes::fromPassphrase(QStringLiteral("x")),
                                               salt('s'), KdfParams{0, 1 * kMiB});
        QVERIFY(!noOps.ok());
        QCOMPARE(noOps.error().code(), ErrorCode::Corrupt);
    }

    void nameDescribesTheParameters()
    {
        QCOMPARE(KdfParams::desktop().name(), QStringLiteral("argon2id13 ops=3 mem=256MiB"));
        QCOMPARE(KdfParams::interactive().name(), QStringLiteral("argon2id13 ops=2 mem=64MiB"));
        QCOMPARE(KdfParams::phone().name(), QStringLiteral("argon2id13 ops=3 mem=64MiB"));
        QCOMPARE(kFast.name(), QStringLiteral("argon2id13 ops=1 mem=1MiB"));
    }
};

QTEST_GUILESS_MAIN(TestKdfParams)
#include "tst_kdfparams.moc"
