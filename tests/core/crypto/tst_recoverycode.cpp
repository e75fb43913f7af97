#include "core/crypto/recoverycode.h"
#include "tests/support/testsupport.h"

#include <QRegularExpression>
#include <QTest>

using namespace outward;

namespace {

const QString kAlphabet = QStringLiteral("0123456789ABCDEFGHJKMNPQRSTVWXYZ");

// A fixed secret whose code holds several 0s and 1s (bytes 0x08: bit groups 00001 00000 ...).
SecureBytes fixedSecret(unsigned char fill = 0x08)
{
    const QByteArray bytes(recovery::kSecretBytes, static_cast<char>(fill));
    return SecureBytes::copyOf(bytes);
}

// A fixed secret with no repeating pattern: 0x00, 0x0d, 0x1a, ...
SecureBytes countingSecret()
{
    QByteArray bytes(recovery::kSecretBytes, '\0');
    for (int i = 0; i < bytes.size(); ++i)
        bytes[i] = static_cast<char>(i * 13);
    return SecureBytes::copyOf(bytes);
}

QString compact(QString code)
{
    return code.remove(QLatin1Char('-'));
}

} // namespace

class TestRecoveryCode : public QObject
{
    Q_OBJECT

private slots:
    void formatIsNineGroupsOfFourCrockfordCharacters()
    {
        for (const SecureBytes &secret : {fixedSecret(), countingSecret(), recovery::newSecret()}) {
            const QString code = recovery::format(secret);
            QCOMPARE(code.size(), recovery::kCodeChars + 8);
            const QStringList groups = code.split(QLatin1Char('-'));
            QCOMPARE(groups.size(), 9);
            for (const QString &group : groups) {
                QCOMPARE(group.size(), 4);
                for (QChar c : group)
                    QVERIFY2(kAlphabet.contains(c), qPrintable(code));
            }
            QVERIFY(QRegularExpression(
                        QStringLiteral("^([0-9A-HJKMNP-TV-Z]{4}-){8}[0-9A-HJKMNP-TV-Z]{4}$"))
                        .match(code)
                        .hasMatch());
        }
    }

    void formatEncodesTheSecretBitsInOrder()
    {
        // 0x08 repeated is the bit stream 00001000 00001000 ...; in groups of five that is
        // 00001 00000 00100 00000 10000 00010 00000 01000 = "1040G208", repeated four times.
        const QString code = compact(recovery::format(fixedSecret()));
        QCOMPARE(code.left(32), QStringLiteral("1040G208").repeated(4));
        // An all-zero secret is 32 zeros followed by its checksum.
        QCOMPARE(compact(recovery::format(fixedSecret(0))).left(32), QString(32, QLatin1Char('0')));
    }

    void formatOfWrongSizeIsEmpty()
    {
        QVERIFY(recovery::format(SecureBytes::copyOf(QByteArray(19, 'x'))).isEmpty());
        QVERIFY(recovery::format(SecureBytes()).isEmpty());
    }

    void newSecretsAreRandom()
    {
        const SecureBytes a = recovery::newSecret();
        const SecureBytes b = recovery::newSecret();
        QCOMPARE(a.size(), std::size_t(recovery::kSecretBytes));
        QVERIFY(!a.equals(b));
    }

    void parseRoundTrips()
    {
        for (const SecureBytes &secret : {fixedSecret(), countingSecret(), fixedSecret(0),
                                          fixedSecret(0xff), recovery::newSecret()}) {
            const QString code = recovery::format(secret);
            const auto parsed = recovery::parse(code);
            OUTWARD_VERIFY_OK(parsed);
            QVERIFY2(parsed->equals(secret), qPrintable(code));
        }
    }

    void parseIsLenientAboutSpellingNotContent_data()
    {
        QTest::addColumn<QString>("code");
        const QString code = recovery::format(fixedSecret());
        QVERIFY(code.contains(QLatin1Char('0')) && code.contains(QLatin1Char('1')));

        QString lettersForDigits = code;
        lettersForDigits.replace(QLatin1Char('0'), QLatin1Char('O'));
        QString lowerLetters = code;
        lowerLetters.replace(QLatin1Char('0'), QLatin1Char('o'));
        lowerLetters.replace(QLatin1Char('1'), QLatin1Char('i'));
        QString upperI = code;
        upperI.replace(QLatin1Char('1'), QLatin1Char('I'));
        QString ls = code;
        ls.replace(QLatin1Char('1'), QLatin1Char('L'));
        QString lowerLs = code;
        lowerLs.replace(QLatin1Char('1'), QLatin1Char('l'));
        QString spaces = code;
        spaces.replace(QLatin1Char('-'), QLatin1Char(' '));

        QTest::newRow("as printed") << code;
        QTest::newRow("lower case") << code.toLower();
        QTest::newRow("no dashes") << compact(code);
        QTest::newRow("no dashes, lower case") << compact(code).toLower();
        QTest::newRow("spaces for dashes") << spaces;
        QTest::newRow("surrounding whitespace")
            << QStringLiteral("  ") + code + QStringLiteral("\n");
        QTest::newRow("O for 0") << lettersForDigits;
        QTest::newRow("o for 0, i for 1") << lowerLetters;
        QTest::newRow("I for 1") << upperI;
        QTest::newRow("L for 1") << ls;
        QTest::newRow("l for 1") << lowerLs;
    }

    void parseIsLenientAboutSpellingNotContent()
    {
        QFETCH(QString, code);
        const auto parsed = recovery::parse(code);
        OUTWARD_VERIFY_OK(parsed);
        QVERIFY(parsed->equals(fixedSecret()));
    }

    void everySingleCharacterTypoIsCaught_data()
    {
        QTest::addColumn<QByteArray>("secret");
        QTest::newRow("0x08 repeated") << fixedSecret().toByteArray();
        QTest::newRow("counting") << countingSecret().toByteArray();
    }

    void everySingleCharacterTypoIsCaught()
    {
        QFETCH(QByteArray, secret);
        const QString code = compact(recovery::format(SecureBytes::copyOf(secret)));
        QCOMPARE(code.size(), recovery::kCodeChars);
        int tried = 0;
        for (int position = 0; position < recovery::kCodeChars; ++position) {
            for (QChar replacement : kAlphabet) {
                if (replacement == code.at(position))
                    continue;
                QString typo = code;
                typo[position] = replacement;
                const auto parsed = recovery::parse(typo);
                QVERIFY2(
                    !parsed.ok(),
                    qPrintable(QStringLiteral("accepted typo %1 at %2").arg(typo).arg(position)));
                QCOMPARE(parsed.error().code(), ErrorCode::WrongSecret);
                QVERIFY2(parsed.error().message().contains(QStringLiteral("typo")),
                         qPrintable(parsed.error().message()));
                ++tried;
            }
        }
        QCOMPARE(tried, recovery::kCodeChars * 31);
    }

    void swappedNeighboursAreCaught()
    {
        const QString code = compact(recovery::format(countingSecret()));
        for (int position = 0; position + 1 < code.size(); ++position) {
            if (code.at(position) == code.at(position + 1))
                continue;
            QString typo = code;
            std::swap(typo[position], typo[position + 1]);
            const auto parsed = recovery::parse(typo);
            QVERIFY2(!parsed.ok(), qPrintable(typo));
            QCOMPARE(parsed.error().code(), ErrorCode::WrongSecret);
        }
    }

    void wrongLengthIsNamed_data()
    {
        QTest::addColumn<int>("length");
        QTest::newRow("empty") << 0;
        QTest::newRow("one short") << 35;
        QTest::newRow("one extra") << 37;
        QTest::newRow("a group short") << 32;
        QTest::newRow("doubled") << 72;
    }

    void wrongLengthIsNamed()
    {
        QFETCH(int, length);
        const QString code = compact(recovery::format(fixedSecret()));
        const QString candidate = (code + code).left(length);
        const auto parsed = recovery::parse(candidate);
        QVERIFY(!parsed.ok());
        QCOMPARE(parsed.error().code(), ErrorCode::WrongSecret);
        const QString message = parsed.error().message();
        QVERIFY2(message.contains(QStringLiteral("36 characters")), qPrintable(message));
        QVERIFY2(message.contains(QStringLiteral("this one has %1").arg(length)),
                 qPrintable(message));
    }

    void letterOutsideTheAlphabetIsNamed_data()
    {
        QTest::addColumn<QChar>("letter");
        QTest::newRow("U") << QChar(u'U');
        QTest::newRow("u") << QChar(u'u');
        QTest::newRow("punctuation") << QChar(u'!');
        QTest::newRow("underscore") << QChar(u'_');
    }

    void letterOutsideTheAlphabetIsNamed()
    {
        QFETCH(QChar, letter);
        QString code = recovery::format(fixedSecret());
        code[5] = letter;
        const auto parsed = recovery::parse(code);
        QVERIFY(!parsed.ok());
        QCOMPARE(parsed.error().code(), ErrorCode::WrongSecret);
        const QString message = parsed.error().message();
        QVERIFY2(message.contains(QStringLiteral("\"%1\"").arg(letter)), qPrintable(message));
        QVERIFY2(message.contains(QStringLiteral("except U")), qPrintable(message));
    }

    void wrappingKeyIsDeterministicPerSecret()
    {
        const auto a = recovery::wrappingKey(fixedSecret());
        const auto again = recovery::wrappingKey(fixedSecret());
        const auto other = recovery::wrappingKey(countingSecret());
        OUTWARD_VERIFY_OK(a);
        OUTWARD_VERIFY_OK(again);
        OUTWARD_VERIFY_OK(other);
        QCOMPARE(a->size(), std::size_t(32));
        QVERIFY(a->equals(*again));
        QVERIFY(!a->equals(*other));
        // The key is derived, not the secret itself.
        QVERIFY(a->toByteArray().left(recovery::kSecretBytes) != fixedSecret().toByteArray());
    }

    void wrappingKeyOfParsedCodeMatches()
    {
        const SecureBytes secret = countingSecret();
        const auto parsed = recovery::parse(recovery::format(secret).toLower());
        OUTWARD_VERIFY_OK(parsed);
        const auto fromParsed = recovery::wrappingKey(*parsed);
        const auto fromSecret = recovery::wrappingKey(secret);
        OUTWARD_VERIFY_OK(fromParsed);
        OUTWARD_VERIFY_OK(fromSecret);
        QVERIFY(fromParsed->equals(*fromSecret));
    }

    void wrappingKeyRefusesWrongSize()
    {
        const auto key = recovery::wrappingKey(SecureBytes::copyOf(QByteArray(19, 'x')));
        QVERIFY(!key.ok());
    }
};

QTEST_GUILESS_MAIN(TestRecoveryCode)
#include "tst_recoverycode.moc"
