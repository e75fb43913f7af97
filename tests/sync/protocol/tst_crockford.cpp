#include "sync/protocol/crockford.h"

#include <QSet>
#include <QTest>

#include <sodium.h>

using namespace outward;
using namespace outward::protocol;
using namespace Qt::StringLiterals;

class TestCrockford : public QObject
{
    Q_OBJECT

private slots:
    void parsesTypedForms_data()
    {
        QTest::addColumn<QString>("typed");
        QTest::addColumn<QString>("canonical");
        QTest::newRow("canonical") << u"7KQ2MX9D4TR0WPZ3HB8N"_s << u"7KQ2MX9D4TR0WPZ3HB8N"_s;
        QTest::newRow("dashes") << u"7KQ2M-X9D4T-R0WPZ-3HB8N"_s << u"7KQ2MX9D4TR0WPZ3HB8N"_s;
        QTest::newRow("lower case") << u"7kq2m-x9d4t-r0wpz-3hb8n"_s << u"7KQ2MX9D4TR0WPZ3HB8N"_s;
        QTest::newRow("spaces and tabs")
            << u" 7KQ2M X9D4T\tR0WPZ  3HB8N\n"_s << u"7KQ2MX9D4TR0WPZ3HB8N"_s;
        QTest::newRow("O reads as 0") << u"7KQ2M-X9D4T-ROWPZ-3HB8N"_s << u"7KQ2MX9D4TR0WPZ3HB8N"_s;
        QTest::newRow("o reads as 0") << u"7KQ2M-X9D4T-rowpz-3HB8N"_s << u"7KQ2MX9D4TR0WPZ3HB8N"_s;
        QTest::newRow("I and L read as 1")
            << u"IL1il-00000-00000-00000"_s << u"11111000000000000000"_s;
    }
    void parsesTypedForms()
    {
        QFETCH(QString, typed);
        QFETCH(QString, canonical);
        const auto parsed = crockford::parse(typed, crockford::kInviteCodeDigits);
        QVERIFY2(parsed.ok(), qPrintable(parsed.ok() ? QString() : parsed.error().message()));
        QCOMPARE(*parsed, canonical);
    }

    void refusesOtherCharactersNamingThem_data()
    {
        QTest::addColumn<QString>("typed");
        QTest::addColumn<QString>("named");
        QTest::newRow("U") << u"7KQ2M-X9D4T-R0WPZ-3HB8U"_s << u"\"U\""_s;
        QTest::newRow("u") << u"7KQ2M-X9D4T-R0WPZ-3HB8u"_s << u"\"u\""_s;
        QTest::newRow("underscore") << u"7KQ2M_X9D4T-R0WPZ-3HB8N"_s << u"\"_\""_s;
        QTest::newRow("plus") << u"7KQ2M+X9D4T-R0WPZ-3HB8N"_s << u"\"+\""_s;
        QTest::newRow("accent") << u"7KQ2M-X9D4T-R0WPZ-3HB8É"_s << u"\"É\""_s;
        QTest::newRow("control") << u"7KQ2M-X9D4T-R0WPZ-3HB8\u0007"_s << u"U+0007"_s;
    }
    void refusesOtherCharactersNamingThem()
    {
        QFETCH(QString, typed);
        QFETCH(QString, named);
        const auto parsed = crockford::parse(typed, crockford::kInviteCodeDigits);
        QVERIFY(!parsed.ok());
        QCOMPARE(parsed.error().code(), ErrorCode::InvalidInput);
        QVERIFY2(parsed.error().message().startsWith(named), qPrintable(parsed.error().message()));
        // The code itself is never echoed.
        QVERIFY(!parsed.error().message().contains(u"X9D4T"_s));
    }

    void countsDigits()
    {
        const auto shortCode = crockford::parse(u"7KQ2M-X9D4T-R0WPZ-3HB8"_s, 20);
        QVERIFY(!shortCode.ok());
        QVERIFY(shortCode.error().message().contains(u"19"_s));
        QVERIFY(shortCode.error().message().contains(u"20"_s));
        QVERIFY(!crockford::parse(u"7KQ2M-X9D4T-R0WPZ-3HB8NN"_s, 20).ok());
        // Without an expected count any length is accepted.
        QCOMPARE(*crockford::parse(u"ab-c"_s), u"ABC"_s);
    }

    void formatsGroups()
    {
        QCOMPARE(crockford::formatInviteCode(u"7KQ2MX9D4TR0WPZ3HB8N"_s),
                 u"7KQ2M-X9D4T-R0WPZ-3HB8N"_s);
        QCOMPARE(crockford::formatLinkCode(u"4K7QM2XD9TRB0WPZ3HN8C6VJ"_s),
                 u"4K7Q-M2XD-9TRB-0WPZ-3HN8-C6VJ"_s);
        QCOMPARE(crockford::format(u"ABC"_s, 5), u"ABC"_s);
    }

    void makesRandomCodesInTheAlphabet()
    {
        QSet<QString> seen;
        for (int i = 0; i < 50; ++i) {
            const QString code = crockford::randomCode(crockford::kInviteCodeDigits);
            QCOMPARE(code.size(), 20);
            const auto parsed = crockford::parse(code, 20);
            QVERIFY(parsed.ok());
            QCOMPARE(*parsed, code); // already canonical: no I, L, O, U, lower case
            seen.insert(code);
        }
        QCOMPARE(seen.size(), 50);
    }

    void convertsBitsMostSignificantFirst()
    {
        // 15 bytes of 0x00 except the first bit: the first digit is 10000b = 16 = 'G'.
        QByteArray bytes(15, '\0');
        bytes[0] = char(0x80);
        QCOMPARE(crockford::fromBytes(bytes), u"G"_s + QString(23, u'0'));
        // The last byte's low 5 bits are the last digit: 0x1f -> 'Z'.
        QByteArray low(15, '\0');
        low[14] = char(0x1f);
        QCOMPARE(crockford::fromBytes(low), QString(23, u'0') + u"Z"_s);
        QCOMPARE(crockford::fromBytes(QByteArray(15, char(0xff))), QString(24, u'Z'));
        // A known value: 0x00 0x44 0x32 0x14 0xc7 = 00000 00001 00010 00011 00100 00101 00110
        // 00111.
        QCOMPARE(crockford::fromBytes(QByteArray::fromHex("00443214c7")), u"01234567"_s);
        QCOMPARE(*crockford::toBytes(u"01234567"_s, 5), QByteArray::fromHex("00443214c7"));
    }

    void roundTripsLinkSecrets()
    {
        for (int i = 0; i < 100; ++i) {
            SecureBytes secret = SecureBytes::random(crockford::kLinkSecretBytes);
            const QString code = crockford::linkCodeFromSecret(secret);
            QCOMPARE(code.size(), crockford::kLinkCodeDigits);
            const QString typed = crockford::formatLinkCode(code).toLower();
            const auto back = crockford::linkSecretFromCode(typed);
            QVERIFY(back.ok());
            QVERIFY(back->equals(secret));
        }
    }

    void refusesBadLinkCodes()
    {
        QVERIFY(!crockford::linkSecretFromCode(u"4K7Q-M2XD-9TRB-0WPZ-3HN8-C6V"_s).ok());
        QVERIFY(!crockford::linkSecretFromCode(u"4K7Q-M2XD-9TRB-0WPZ-3HN8-C6VU"_s).ok());
        QVERIFY(crockford::linkSecretFromCode(u"4K7Q-M2XD-9TRB-0WPZ-3HN8-C6VJ"_s).ok());
        // toBytes needs exactly the digits the byte count takes, and canonical digits.
        QVERIFY(!crockford::toBytes(u"0123456"_s, 5).ok());
        QVERIFY(!crockford::toBytes(u"0123456O"_s, 5).ok());
        // 2 bytes = 16 bits = 4 digits with 4 padding bits that must be zero.
        QVERIFY(crockford::toBytes(u"ZZZG"_s, 2).ok());
        QVERIFY(!crockford::toBytes(u"ZZZZ"_s, 2).ok());
    }
};

QTEST_GUILESS_MAIN(TestCrockford)
#include "tst_crockford.moc"
