#include "sync/protocol/base64url.h"

#include <QTest>

#include <sodium.h>

using namespace outward;
using namespace outward::protocol;
using namespace Qt::StringLiterals;

class TestBase64Url : public QObject
{
    Q_OBJECT

private slots:
    void encodesRfc4648Vectors_data()
    {
        QTest::addColumn<QByteArray>("bytes");
        QTest::addColumn<QString>("text");
        // RFC 4648 section 10, without the padding.
        QTest::newRow("empty") << QByteArray() << QString();
        QTest::newRow("f") << "f"_ba << u"Zg"_s;
        QTest::newRow("fo") << "fo"_ba << u"Zm8"_s;
        QTest::newRow("foo") << "foo"_ba << u"Zm9v"_s;
        QTest::newRow("foob") << "foob"_ba << u"Zm9vYg"_s;
        QTest::newRow("fooba") << "fooba"_ba << u"Zm9vYmE"_s;
        QTest::newRow("foobar") << "foobar"_ba << u"Zm9vYmFy"_s;
        // The URL-safe alphabet: '-' and '_' where standard base64 has '+' and '/'.
        QTest::newRow("url-safe") << QByteArray::fromHex("fbff") << u"-_8"_s;
    }
    void encodesRfc4648Vectors()
    {
        QFETCH(QByteArray, bytes);
        QFETCH(QString, text);
        QCOMPARE(base64url::encode(bytes), text);
        QCOMPARE(base64url::encodeToAscii(bytes), text.toLatin1());
        const auto decoded = base64url::decode(text);
        QVERIFY(decoded.ok());
        QCOMPARE(*decoded, bytes);
    }

    void roundTripsEveryLength()
    {
        for (int length = 0; length <= 100; ++length) {
            QByteArray bytes(length, Qt::Uninitialized);
            randombytes_buf(bytes.data(), static_cast<size_t>(bytes.size()));
            const QString text = base64url::encode(bytes);
            QCOMPARE(text.size(), base64url::encodedLength(length));
            QVERIFY(!text.contains(u'='));
            const auto decoded = base64url::decodeExact(text, length);
            QVERIFY2(decoded.ok(), qPrintable(QString::number(length)));
            QCOMPARE(*decoded, bytes);
        }
    }

    void refusesNonCanonicalText_data()
    {
        QTest::addColumn<QString>("text");
        QTest::newRow("padding") << u"Zg=="_s;
        QTest::newRow("one pad") << u"Zm8="_s;
        QTest::newRow("standard plus") << u"+_8"_s;
        QTest::newRow("standard slash") << u"-/8"_s;
        QTest::newRow("space inside") << u"Zm9 v"_s;
        QTest::newRow("leading space") << u" Zm9v"_s;
        QTest::newRow("newline") << u"Zm9v\n"_s;
        QTest::newRow("non-ascii") << u"Zm9vé"_s;
        QTest::newRow("dot") << u"Zm9.v"_s;
        // U+0141's low byte is 'A': only a check of the whole UTF-16 unit refuses it.
        QTest::newRow("wide char, valid low byte") << u"Zm9\u0141"_s;
        QTest::newRow("NUL") << QStringView(u"Zm9\0v", 5).toString();
        // "Zg" is "f"; "Zh" has the same 8 bits and a non-zero unused low bit.
        QTest::newRow("trailing bits 2 chars") << u"Zh"_s;
        // "Zm8" is "fo"; "Zm9" sets an unused bit of the last character.
        QTest::newRow("trailing bits 3 chars") << u"Zm9"_s;
        QTest::newRow("length 1 mod 4") << u"Zm9vY"_s;
        QTest::newRow("single char") << u"Z"_s;
    }
    void refusesNonCanonicalText()
    {
        QFETCH(QString, text);
        const auto decoded = base64url::decode(text);
        QVERIFY(!decoded.ok());
        QCOMPARE(decoded.error().code(), ErrorCode::InvalidInput);
        QVERIFY(decoded.error().message().contains(u"base64url"_s));
        if (text.trimmed().size() >= 4) // the text itself is never echoed
            QVERIFY(!decoded.error().message().contains(text.trimmed()));
    }

    // The table decoder keeps libsodium's URLSAFE_NO_PADDING rules (the header's promise):
    // random texts, valid and not, are accepted and decoded exactly when libsodium does.
    void agreesWithLibsodium()
    {
        QVERIFY(sodium_init() >= 0);
        const QByteArray alphabet =
            "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_"_ba;
        const QByteArray strays = "=+/ .\n\x7f"_ba;
        int accepted = 0;
        for (int round = 0; round < 20000; ++round) {
            const int length = int(randombytes_uniform(40));
            QByteArray text(length, Qt::Uninitialized);
            for (char &c : text)
                c = randombytes_uniform(50) == 0 ? strays[int(randombytes_uniform(7))]
                                                 : alphabet[int(randombytes_uniform(64))];
            QByteArray expected(length, Qt::Uninitialized);
            size_t written = 0;
            const char *end = nullptr;
            const bool sodiumOk =
                sodium_base642bin(reinterpret_cast<unsigned char *>(expected.data()),
                                  size_t(expected.size()), text.constData(), size_t(text.size()),
                                  nullptr, &written, &end,
                                  sodium_base64_VARIANT_URLSAFE_NO_PADDING) == 0 &&
                end == text.constData() + text.size();
            expected.truncate(qsizetype(written));
            const auto decoded = base64url::decode(QString::fromLatin1(text));
            QVERIFY2(decoded.ok() == sodiumOk, text.constData());
            if (sodiumOk) {
                QCOMPARE(*decoded, expected);
                ++accepted;
            }
        }
        QVERIFY(accepted > 1000); // the comparison covered valid texts, not only refusals

        for (int length = 0; length < 70; ++length) {
            QByteArray bytes(length, Qt::Uninitialized);
            randombytes_buf(bytes.data(), size_t(bytes.size()));
            const int variant = sodium_base64_VARIANT_URLSAFE_NO_PADDING;
            QByteArray expected(int(sodium_base64_ENCODED_LEN(size_t(length), variant)),
                                Qt::Uninitialized);
            sodium_bin2base64(expected.data(), size_t(expected.size()),
                              reinterpret_cast<const unsigned char *>(bytes.constData()),
                              size_t(bytes.size()), variant);
            expected.chop(1); // the terminating NUL
            QCOMPARE(base64url::encodeToAscii(bytes), expected);
        }
    }

    void exactLengthIsEnforced()
    {
        const QString text = base64url::encode(QByteArray(31, 'x'));
        const auto shorter = base64url::decodeExact(text, 32);
        QVERIFY(!shorter.ok());
        QVERIFY(shorter.error().message().contains(u"31 bytes"_s));
        QVERIFY(shorter.error().message().contains(u"32"_s));
        QVERIFY(!base64url::decodeExact(base64url::encode(QByteArray(33, 'x')), 32).ok());
        QVERIFY(base64url::decodeExact(base64url::encode(QByteArray(32, 'x')), 32).ok());
        // Far too long is refused without decoding.
        const auto huge = base64url::decodeExact(QString(10000, u'A'), 32);
        QVERIFY(!huge.ok());
        QVERIFY(huge.error().message().contains(u"too long"_s));
    }

    void maxLengthIsEnforced()
    {
        QVERIFY(base64url::decodeMax(base64url::encode(QByteArray(100, 'x')), 100).ok());
        QVERIFY(base64url::decodeMax(base64url::encode(QByteArray(1, 'x')), 100, 1).ok());
        const auto tooLong = base64url::decodeMax(base64url::encode(QByteArray(101, 'x')), 100);
        QVERIFY(!tooLong.ok());
        QVERIFY(tooLong.error().message().contains(u"at most 100"_s));
        const auto empty = base64url::decodeMax(QString(), 100, 1);
        QVERIFY(!empty.ok());
        QVERIFY(empty.error().message().contains(u"at least 1"_s));
    }
};

QTEST_GUILESS_MAIN(TestBase64Url)
#include "tst_base64url.moc"
