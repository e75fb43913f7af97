#include "core/crypto/securebytes.h"
#include "tests/support/testsupport.h"

#include <QTest>

#include <algorithm>

using namespace outward;

namespace {

bool allZero(const SecureBytes &bytes)
{
    return std::all_of(bytes.data(), bytes.data() + bytes.size(),
                       [](unsigned char b) { return b == 0; });
}

} // namespace

class TestSecureBytes : public QObject
{
    Q_OBJECT

private slots:
    void allocationIsZeroFilled()
    {
        const SecureBytes bytes(64);
        QVERIFY(!bytes.isNull());
        QCOMPARE(bytes.size(), std::size_t(64));
        QVERIFY(!bytes.isEmpty());
        QVERIFY(allZero(bytes));
    }

    void defaultConstructedIsNull()
    {
        const SecureBytes bytes;
        QVERIFY(bytes.isNull());
        QVERIFY(bytes.isEmpty());
        QCOMPARE(bytes.size(), std::size_t(0));
    }

    void zeroSizeIsEmptyButNotNull()
    {
        const SecureBytes bytes(0);
        QVERIFY(!bytes.isNull());
        QVERIFY(bytes.isEmpty());
    }

    void randomIsNotZeroAndDiffersEachTime()
    {
        const SecureBytes a = SecureBytes::random(32);
        const SecureBytes b = SecureBytes::random(32);
        QCOMPARE(a.size(), std::size_t(32));
        QCOMPARE(b.size(), std::size_t(32));
        QVERIFY(!allZero(a));
        QVERIFY(!allZero(b));
        QVERIFY(!a.equals(b));
        QVERIFY(a.toByteArray() != b.toByteArray());
    }

    void copyOfHoldsTheBytes()
    {
        const QByteArray source("key material \x01\x02\x00\xff", 17);
        const SecureBytes bytes = SecureBytes::copyOf(source);
        QCOMPARE(bytes.size(), std::size_t(17));
        QCOMPARE(bytes.toByteArray(), source);
        QCOMPARE(bytes.clone().toByteArray(), source);
    }

    void moveConstructionLeavesSourceNull()
    {
        SecureBytes source = SecureBytes::copyOf(QByteArray("abcdef"));
        const unsigned char *memory = source.data();
        SecureBytes target(std::move(source));
        QVERIFY(source.isNull()); // NOLINT(bugprone-use-after-move): the point of the test
        QCOMPARE(source.size(), std::size_t(0));
        QCOMPARE(target.data(), memory);
        QCOMPARE(target.toByteArray(), QByteArray("abcdef"));
    }

    void moveAssignmentLeavesSourceNull()
    {
        SecureBytes source = SecureBytes::copyOf(QByteArray("abcdef"));
        SecureBytes target = SecureBytes::copyOf(QByteArray("old"));
        target = std::move(source);
        QVERIFY(source.isNull()); // NOLINT(bugprone-use-after-move)
        QCOMPARE(source.size(), std::size_t(0));
        QCOMPARE(target.toByteArray(), QByteArray("abcdef"));
    }

    void equalsComparesContentAndLength()
    {
        const SecureBytes a = SecureBytes::copyOf(QByteArray("0123456789"));
        const SecureBytes same = SecureBytes::copyOf(QByteArray("0123456789"));
        const SecureBytes lastDiffers = SecureBytes::copyOf(QByteArray("012345678X"));
        const SecureBytes firstDiffers = SecureBytes::copyOf(QByteArray("X123456789"));
        const SecureBytes prefix = SecureBytes::copyOf(QByteArray("012345678"));
        const SecureBytes longer = SecureBytes::copyOf(QByteArray("0123456789A"));
        QVERIFY(a.equals(same));
        QVERIFY(same.equals(a));
        QVERIFY(a.equals(a));
        QVERIFY(!a.equals(lastDiffers));
        QVERIFY(!a.equals(firstDiffers));
        QVERIFY(!a.equals(prefix));
        QVERIFY(!prefix.equals(a));
        QVERIFY(!a.equals(longer));
        QVERIFY(!a.equals(SecureBytes()));
    }

    void fromPassphraseIsUtf8()
    {
        const SecureBytes bytes = SecureBytes::fromPassphrase(QStringLiteral("pässwörd"));
        QCOMPARE(bytes.toByteArray(), QByteArray("p\xc3\xa4ssw\xc3\xb6rd"));
    }

    void fromPassphraseNormalisesToNfc()
    {
        const QString composed = QStringLiteral("caf") + QChar(0x00E9) + QStringLiteral(" au lait");
        const QString decomposed =
            QStringLiteral("cafe") + QChar(0x0301) + QStringLiteral(" au lait");
        QVERIFY(composed != decomposed); // different code units going in
        const SecureBytes a = SecureBytes::fromPassphrase(composed);
        const SecureBytes b = SecureBytes::fromPassphrase(decomposed);
        QVERIFY(a.equals(b));
        QCOMPARE(b.toByteArray(), QByteArray("caf\xc3\xa9 au lait"));
        // A different letter still differs.
        QVERIFY(!a.equals(SecureBytes::fromPassphrase(QStringLiteral("cafe au lait"))));
    }

    void wipeByteArrayEmptiesItAndSparesSharedCopy()
    {
        QByteArray secret("correct horse battery staple");
        const QByteArray shared = secret; // implicitly shared with secret
        QVERIFY(!secret.isDetached());
        wipe(secret);
        QVERIFY(secret.isEmpty());
        QCOMPARE(shared, QByteArray("correct horse battery staple"));
    }

    void wipeStringEmptiesItAndSparesSharedCopy()
    {
        QString secret = QStringLiteral("correct horse battery staple");
        secret.detach();
        const QString shared = secret;
        QVERIFY(!secret.isDetached());
        wipe(secret);
        QVERIFY(secret.isEmpty());
        QCOMPARE(shared, QStringLiteral("correct horse battery staple"));
    }

    void wipeOfEmptyIsHarmless()
    {
        QByteArray bytes;
        QString text;
        wipe(bytes);
        wipe(text);
        QVERIFY(bytes.isEmpty());
        QVERIFY(text.isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestSecureBytes)
#include "tst_securebytes.moc"
