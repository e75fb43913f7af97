#include "sync/protocol/base64url.h"
#include "sync/protocol/strictjson.h"

#include <QTest>

using namespace outward;
using namespace outward::protocol;
using namespace Qt::StringLiterals;

namespace {

QByteArray nested(int depth)
{
    // depth objects: {"a":{"a":...{}}}
    QByteArray text;
    for (int i = 1; i < depth; ++i)
        text += "{\"a\":";
    text += "{}";
    for (int i = 1; i < depth; ++i)
        text += "}";
    return text;
}

// n members "m0" .. "m<n-1>", comma-separated, without braces.
QByteArray manyMembers(int n)
{
    QByteArray text;
    for (int i = 0; i < n; ++i)
        text += (i ? ","_ba : QByteArray()) + "\"m" + QByteArray::number(i) +
                "\":" + QByteArray::number(i);
    return text;
}

JsonObjectReader readerFor(const char *json)
{
    auto parsed = parseStrictObject(QByteArray(json));
    if (!parsed)
        qFatal("test JSON does not parse: %s", qPrintable(parsed.error().message));
    return JsonObjectReader(*parsed);
}

} // namespace

class TestStrictJson : public QObject
{
    Q_OBJECT

private slots:
    void acceptsPlainObjects()
    {
        const auto parsed =
            parseStrictObject(R"( {"a": 1, "b": [1, {"c": "é"}], "d": {"a": 2}} )"_ba);
        QVERIFY(parsed.ok());
        QCOMPARE(parsed->value("b"_L1).toArray().at(1).toObject().value("c"_L1).toString(), u"é"_s);
        // The same name in different objects is not a duplicate.
        QVERIFY(parseStrictObject(R"({"a":{"a":{"a":1}},"b":[{"a":1},{"a":2}]})"_ba).ok());
    }

    void refusesDuplicatesAtAnyDepth_data()
    {
        QTest::addColumn<QByteArray>("json");
        QTest::addColumn<QString>("path");
        QTest::newRow("top") << R"({"a":1,"a":2})"_ba << u"a"_s;
        QTest::newRow("nested") << R"({"device":{"name":"x","public_key":"y","name":"z"}})"_ba
                                << u"device.name"_s;
        QTest::newRow("in array") << R"({"items":[{"e":1},{"e":1,"e":2}]})"_ba << u"items[1].e"_s;
        QTest::newRow("escaped spelling") << R"({"ab":1,"a\u0062":2})"_ba << u"ab"_s;
        QTest::newRow("same value") << R"({"a":1,"a":1})"_ba << u"a"_s;
    }
    void refusesDuplicatesAtAnyDepth()
    {
        QFETCH(QByteArray, json);
        QFETCH(QString, path);
        const auto parsed = parseStrictObject(json);
        QVERIFY(!parsed.ok());
        QCOMPARE(parsed.error().httpStatus, 400);
        QCOMPARE(parsed.error().code, u"invalid_json"_s);
        QCOMPARE(parsed.error().field, path);
        QVERIFY2(parsed.error().message.contains(u"appears twice"_s),
                 qPrintable(parsed.error().message));
    }

    // Names are compared after unescaping, whichever of the two is escaped and however.
    void refusesEscapedDuplicates_data()
    {
        QTest::addColumn<QByteArray>("json");
        QTest::addColumn<QString>("path");
        QTest::newRow("escaped first") << R"({"\u0061":1,"a":2})"_ba << u"a"_s;
        QTest::newRow("escaped second") << R"({"a":1,"\u0061":2})"_ba << u"a"_s;
        QTest::newRow("both escaped") << R"({"\u0061":1,"\u0061":2})"_ba << u"a"_s;
        QTest::newRow("upper-case hex") << R"({"\u00E9":1,"é":2})"_ba << u"é"_s;
        QTest::newRow("solidus") << R"({"a/b":1,"a\/b":2})"_ba << u"a/b"_s;
        QTest::newRow("quote in name") << "{\"a\\\"b\":1,\"x\":0,\"a\\u0022b\":2}"_ba << u"a\"b"_s;
        QTest::newRow("surrogate pair") << R"({"😀":1,"\ud83d\ude00":2})"_ba << u"😀"_s;
        QTest::newRow("nested escaped parent")
            << R"({"\u0064evice":{"name":1,"name":2}})"_ba << u"device.name"_s;
    }
    void refusesEscapedDuplicates()
    {
        QFETCH(QByteArray, json);
        QFETCH(QString, path);
        const auto parsed = parseStrictJson(json);
        QVERIFY(!parsed.ok());
        QCOMPARE(parsed.error().path, path);
        QCOMPARE(parsed.error().rule, u"the member \"%1\" appears twice"_s.arg(path));
    }

    void acceptsNamesThatOnlyLookAlike()
    {
        QVERIFY(parseStrictObject(R"({"a":1,"\u0062":2,"ab":3,"a ":4,"A":5,"":6})"_ba).ok());
        QVERIFY(parseStrictObject(R"({"\u0061b":1,"\u0061":2,"a\\":3,"a\/":4})"_ba).ok());
        QVERIFY(parseStrictObject(R"({"é":1,"e\u0301":2,"😀":3,"\ud83d\ude01":4})"_ba).ok());
    }

    void reportsTheFullPathOfADuplicate()
    {
        const auto parsed = parseStrictObject(
            R"({"items":[{"envelope":"a"},{},[],{"envelope":"b","signature":"c","envelope":"d"}]})"_ba);
        QVERIFY(!parsed.ok());
        QCOMPARE(parsed.error().field, u"items[3].envelope"_s);
        QCOMPARE(parsed.error().message, u"the body is not acceptable JSON: the member "
                                         u"\"items[3].envelope\" appears twice"_s);
        // Indexes past 9 and arrays inside arrays.
        QByteArray text = "{\"a\":[[" + QByteArray(11, '0').replace("0", "0,") +
                          "{\"b\":[{},{\"c\":1,\"c\":2}]}]]}";
        const auto deep = parseStrictJson(text);
        QVERIFY(!deep.ok());
        QCOMPARE(deep.error().path, u"a[0][11].b[1].c"_s);
        // A name that looks like a placeholder is copied into the path as it is.
        const auto percent = parseStrictJson(R"({"%1":[{"%2":1,"%2":2}]})"_ba);
        QVERIFY(!percent.ok());
        QCOMPARE(percent.error().path, u"%1[0].%2"_s);
    }

    // A string value is stepped over, not read, yet its escapes must still be seen: an escaped
    // quote does not end it and an escaped backslash does not escape its closing quote.
    void stepsOverEscapesInValues_data()
    {
        QTest::addColumn<QByteArray>("json");
        QTest::addColumn<QString>("path"); // empty: the text is accepted
        QTest::newRow("escaped quote") << "{\"a\":\"x\\\"y\",\"b\":1,\"b\":2}"_ba << u"b"_s;
        QTest::newRow("escaped backslash") << R"({"a":"\\","a":1})"_ba << u"a"_s;
        QTest::newRow("backslash then quote")
            << "{\"a\":\"x\\\\\\\"\",\"b\":[{\"c\":1,\"c\":2}]}"_ba << u"b[0].c"_s;
        QTest::newRow("many escapes")
            << QByteArray("{\"a\":\"" + QByteArray(3000, 'x').replace("x", "\\\"\\\\") +
                          "\",\"z\":1,\"z\":2}")
            << u"z"_s;
        QTest::newRow("members inside a value")
            << "{\"a\":\"\\\"b\\\":1,\\\"b\\\":2\",\"b\":\"{\\\"c\\\":1,\\\"c\\\":2}\"}"_ba
            << QString();
        QTest::newRow("brackets inside a value")
            << QByteArray("{\"a\":\"" + QByteArray(40, '[') + "\\\"" + QByteArray(40, '{') + "\"}")
            << QString();
        QTest::newRow("unicode escapes") << R"({"a":"\u0022\u005c","a":1})"_ba << u"a"_s;
    }
    void stepsOverEscapesInValues()
    {
        QFETCH(QByteArray, json);
        QFETCH(QString, path);
        const auto parsed = parseStrictJson(json);
        if (path.isEmpty()) {
            QVERIFY2(parsed.ok(), qPrintable(parsed.ok() ? QString() : parsed.error().rule));
            return;
        }
        QVERIFY(!parsed.ok());
        QCOMPARE(parsed.error().path, path);
        QVERIFY2(parsed.error().rule.contains(u"appears twice"_s), qPrintable(parsed.error().rule));
    }

    // A broken string stops the scan safely; what is reported is the syntax error QJsonDocument
    // finds, without a path, not a later duplicate.
    void brokenStringsAreSyntaxErrors_data()
    {
        QTest::addColumn<QByteArray>("json");
        QTest::newRow("value to the end") << "{\"a\":\"abc"_ba;
        QTest::newRow("value ends in a backslash") << "{\"a\":\"abc\\"_ba;
        QTest::newRow("value ends in an escaped quote") << "{\"a\":\"abc\\\""_ba;
        QTest::newRow("value with a short \\u at the end") << "{\"a\":\"\\u12"_ba;
        QTest::newRow("name to the end") << "{\"abc"_ba;
        QTest::newRow("escaped name to the end") << "{\"a\\u0062c"_ba;
        QTest::newRow("name ends in a backslash") << "{\"a\\"_ba;
        QTest::newRow("bad \\u, then a duplicate") << R"({"a":"\u12g4","b":1,"b":2})"_ba;
        QTest::newRow("only a quote") << "\""_ba;
    }
    void brokenStringsAreSyntaxErrors()
    {
        QFETCH(QByteArray, json);
        const auto parsed = parseStrictJson(json);
        QVERIFY(!parsed.ok());
        QCOMPARE(parsed.error().path, QString());
        QVERIFY2(parsed.error().rule.contains(u"at offset"_s), qPrintable(parsed.error().rule));
    }

    // QJsonDocument takes an unknown escape ("\x") as the letter; JSON has none, and a scan that
    // stopped there would let a later duplicate through.
    void refusesUnknownEscapes_data()
    {
        QTest::addColumn<QByteArray>("json");
        QTest::addColumn<int>("offset");
        QTest::newRow("in a value") << "{\"a\":\"\\x\"}"_ba << 7;
        QTest::newRow("apostrophe") << "{\"a\":\"ok\\'\"}"_ba << 9;
        QTest::newRow("in a name") << "{\"a\\q\":1}"_ba << 4;
        QTest::newRow("then a duplicate") << "{\"a\":\"\\x\",\"b\":1,\"b\":2}"_ba << 7;
        QTest::newRow("in an array") << "{\"a\":[\"\\\\\",\"\\0\"]}"_ba << 13;
    }
    void refusesUnknownEscapes()
    {
        QFETCH(QByteArray, json);
        QFETCH(int, offset);
        const auto parsed = parseStrictObject(json);
        QVERIFY(!parsed.ok());
        QCOMPARE(parsed.error().code, u"invalid_json"_s);
        QCOMPARE(parsed.error().field, QString());
        QCOMPARE(
            parsed.error().message,
            u"the body is not acceptable JSON: invalid escape sequence at offset %1"_s.arg(offset));
    }

    void largeObjects()
    {
        // Past a few members the names are kept differently; all must still be compared.
        for (const int n : {15, 16, 17, 40, 300}) {
            QVERIFY(parseStrictObject("{" + manyMembers(n) + "}").ok());
            for (const int first : {0, 7, n - 1}) {
                const QByteArray name = "m" + QByteArray::number(first);
                const auto twice = parseStrictJson("{" + manyMembers(n) + ",\"" + name + "\":0}");
                QVERIFY(!twice.ok());
                QCOMPARE(twice.error().path, QString::fromLatin1(name));
                // The same with the duplicate escaped.
                const auto escaped =
                    parseStrictJson("{" + manyMembers(n) + ",\"\\u006d" + name.mid(1) + "\":0}");
                QVERIFY(!escaped.ok());
                QCOMPARE(escaped.error().path, QString::fromLatin1(name));
            }
        }
        // Escaped names that are first seen among the first few and repeated later.
        const auto late = parseStrictJson(R"({"\u0078":0,)" + manyMembers(30) + R"(,"x":1})");
        QVERIFY(!late.ok());
        QCOMPARE(late.error().path, u"x"_s);
    }

    void depthErrorsSayWhere()
    {
        const auto objects = parseStrictJson(nested(17));
        QVERIFY(!objects.ok());
        QCOMPARE(objects.error().rule, u"it is nested more than 16 levels deep"_s);
        QStringList as(16, u"a"_s);
        QCOMPARE(objects.error().path, as.join(u'.'));

        // Arrays: the top object is level 1, "a" level 2, so the 16th bracket is level 17.
        const auto arrays =
            parseStrictJson("{\"a\":" + QByteArray(16, '[') + QByteArray(16, ']') + "}");
        QVERIFY(!arrays.ok());
        QCOMPARE(arrays.error().rule, u"it is nested more than 16 levels deep"_s);
        QCOMPARE(arrays.error().path, u"a"_s + QString(u"[0]"_s).repeated(15));

        // An object too deep inside a later array element.
        QByteArray text = R"({"items":[0,{},)";
        for (int i = 0; i < 15; ++i)
            text += "{\"x\":";
        text += "1" + QByteArray(15, '}') + "]}";
        const auto inArray = parseStrictJson(text);
        QVERIFY(!inArray.ok());
        QCOMPARE(inArray.error().path, u"items[2]"_s + QString(u".x"_s).repeated(14));

        // Deep arrays behind a string value holding brackets and escaped quotes.
        const auto afterString = parseStrictJson(
            "{\"s\":\"[[\\\"{{\",\"t\":" + QByteArray(16, '[') + QByteArray(16, ']') + "}");
        QVERIFY(!afterString.ok());
        QCOMPARE(afterString.error().path, u"t"_s + QString(u"[0]"_s).repeated(15));
    }

    void limitsDepth()
    {
        QVERIFY(parseStrictObject(nested(16)).ok());
        const auto deep = parseStrictObject(nested(17));
        QVERIFY(!deep.ok());
        QCOMPARE(deep.error().code, u"invalid_json"_s);
        QVERIFY(deep.error().message.contains(u"16"_s));
        // Arrays count as levels too.
        QByteArray arrays = "{\"a\":" + QByteArray(15, '[') + QByteArray(15, ']') + "}";
        QVERIFY(parseStrictObject(arrays).ok());
        arrays = "{\"a\":" + QByteArray(16, '[') + QByteArray(16, ']') + "}";
        QVERIFY(!parseStrictObject(arrays).ok());
        // Far deeper input is refused without recursing through it.
        QVERIFY(!parseStrictObject(QByteArray(100000, '[')).ok());
    }

    void refusesWhatIsNotOneObject_data()
    {
        QTest::addColumn<QByteArray>("body");
        QTest::newRow("empty") << QByteArray();
        QTest::newRow("array") << "[1,2]"_ba;
        QTest::newRow("string") << "\"a\""_ba;
        QTest::newRow("number") << "1"_ba;
        QTest::newRow("two objects") << "{}{}"_ba;
        QTest::newRow("trailing comma") << R"({"a":1,})"_ba;
        QTest::newRow("unquoted name") << "{a:1}"_ba;
        QTest::newRow("truncated") << R"({"a":)"_ba;
        QTest::newRow("invalid utf-8") << "{\"a\":\"\xff\"}"_ba;
        QTest::newRow("overlong utf-8") << "{\"a\":\"\xc0\xaf\"}"_ba;
        QTest::newRow("utf-8 surrogate") << "{\"a\":\"\xed\xa0\x80\"}"_ba;
        QTest::newRow("truncated utf-8") << "{\"a\":\"\xe2\x82\"}"_ba;
        QTest::newRow("latin-1") << "{\"a\":\"caf\xe9\"}"_ba;
    }
    void refusesWhatIsNotOneObject()
    {
        QFETCH(QByteArray, body);
        const auto parsed = parseStrictObject(body);
        QVERIFY(!parsed.ok());
        QCOMPARE(parsed.error().code, u"invalid_json"_s);
        QCOMPARE(parsed.error().httpStatus, 400);
    }

    void refusesBadUtf8AnywhereInALongText()
    {
        // ASCII is checked in blocks, so try every alignment and both ends of the text.
        for (int before = 0; before < 20; ++before) {
            const QByteArray ascii(before, 'x');
            for (const QByteArray &bad :
                 {"\xff"_ba, "\xc0\xaf"_ba, "\xed\xa0\x80"_ba, "\xe2\x82"_ba}) {
                const QByteArray text = "{\"a\":\"" + ascii + bad + ascii + "\"}";
                QVERIFY(!parseStrictObject(text).ok());
            }
            QVERIFY(parseStrictObject("{\"a\":\"" + ascii + "\xc3\xa9" + ascii + "\"}").ok());
        }
        const QByteArray last = "{\"a\":\"" + QByteArray(40, 'x') + "\"}\xff";
        QVERIFY(!parseStrictObject(last).ok());
    }

    void readsMembersAndRefusesUnknownOnes()
    {
        JsonObjectReader reader = readerFor(R"({"name":"Ann","extra":1})");
        QCOMPARE(*reader.requireString(u"name"_s, 1, 10), u"Ann"_s);
        const auto finished = reader.finish();
        QVERIFY(!finished.ok());
        QCOMPARE(finished.error().code, u"unknown_field"_s);
        QCOMPARE(finished.error().field, u"extra"_s);

        JsonObjectReader complete = readerFor(R"({"name":"Ann","opt":null})");
        QVERIFY(complete.requireString(u"name"_s).ok());
        QVERIFY(!complete.optionalString(u"opt"_s)->has_value());
        QVERIFY(complete.finish().ok());
    }

    void missingAndNullAreMissing()
    {
        JsonObjectReader reader = readerFor(R"({"a":null})");
        const auto absent = reader.requireString(u"b"_s);
        QCOMPARE(absent.error().code, u"missing_field"_s);
        QCOMPARE(absent.error().field, u"b"_s);
        const auto null = reader.requireInt(u"a"_s, 0, 1);
        QCOMPARE(null.error().code, u"missing_field"_s);
        QCOMPARE(null.error().field, u"a"_s);
    }

    void invalidFieldsSayWhichRule_data()
    {
        QTest::addColumn<QByteArray>("json");
        QTest::addColumn<QString>("kind");
        QTest::addColumn<QString>("rule");
        QTest::newRow("string type") << R"({"v":1})"_ba << u"string"_s << u"must be a string"_s;
        QTest::newRow("string length")
            << R"({"v":"abcdef"})"_ba << u"string"_s << u"1 to 5 characters"_s;
        QTest::newRow("name empty") << R"({"v":""})"_ba << u"name"_s << u"1 to 100"_s;
        QTest::newRow("name control")
            << R"({"v":"a\nb"})"_ba << u"name"_s << u"control characters"_s;
        QTest::newRow("name too long")
            << QByteArray("{\"v\":\"" + QByteArray(101, 'x') + "\"}") << u"name"_s << u"1 to 100"_s;
        QTest::newRow("uuid upper") << R"({"v":"5D1C2B7A-8E4F-4A3B-9C6D-0E1F2A3B4C5D"})"_ba
                                    << u"uuid"_s << u"lower-case UUID"_s;
        QTest::newRow("uuid braces") << R"({"v":"{5d1c2b7a-8e4f-4a3b-9c6d-0e1f2a3b4c5d}"})"_ba
                                     << u"uuid"_s << u"lower-case UUID"_s;
        QTest::newRow("uuid nil") << R"({"v":"00000000-0000-0000-0000-000000000000"})"_ba
                                  << u"uuid"_s << u"lower-case UUID"_s;
        QTest::newRow("base64 chars") << R"({"v":"a+b/"})"_ba << u"base64"_s << u"base64url"_s;
        QTest::newRow("base64 length")
            << R"({"v":"AAAA"})"_ba << u"base64"_s << u"decodes to 3 bytes; it must be exactly 4"_s;
        QTest::newRow("int fraction") << R"({"v":1.5})"_ba << u"int"_s << u"whole number"_s;
        QTest::newRow("int range") << R"({"v":11})"_ba << u"int"_s << u"from 0 to 10"_s;
        QTest::newRow("int string") << R"({"v":"1"})"_ba << u"int"_s << u"must be a number"_s;
        QTest::newRow("bool") << R"({"v":"true"})"_ba << u"bool"_s << u"true or false"_s;
        QTest::newRow("time") << R"({"v":"2026-11-24T08:08:55Z"})"_ba << u"time"_s
                              << u"UTC time with milliseconds"_s;
        QTest::newRow("one of") << R"({"v":"boss"})"_ba << u"oneOf"_s << u"staff, lead"_s;
        QTest::newRow("array size") << R"({"v":[]})"_ba << u"array"_s << u"1 to 2 items"_s;
        QTest::newRow("object type") << R"({"v":[]})"_ba << u"object"_s << u"must be an object"_s;
    }
    void invalidFieldsSayWhichRule()
    {
        QFETCH(QByteArray, json);
        QFETCH(QString, kind);
        QFETCH(QString, rule);
        JsonObjectReader reader(*parseStrictObject(json));
        const QString name = u"v"_s;
        ApiError error;
        if (kind == "string"_L1)
            error = reader.requireString(name, 1, 5).error();
        else if (kind == "name"_L1)
            error = reader.requireName(name).error();
        else if (kind == "uuid"_L1)
            error = reader.requireUuid(name).error();
        else if (kind == "base64"_L1)
            error = reader.requireBase64(name, 4).error();
        else if (kind == "int"_L1)
            error = reader.requireInt(name, 0, 10).error();
        else if (kind == "bool"_L1)
            error = reader.requireBool(name).error();
        else if (kind == "time"_L1)
            error = reader.requireTime(name).error();
        else if (kind == "oneOf"_L1)
            error = reader.requireOneOf(name, {u"staff"_s, u"lead"_s}).error();
        else if (kind == "array"_L1)
            error = reader.requireArray(name, 1, 2).error();
        else
            error = reader.requireObject(name).error();
        QCOMPARE(error.code, u"invalid_field"_s);
        QCOMPARE(error.httpStatus, 400);
        QCOMPARE(error.field, u"v"_s);
        QVERIFY2(error.message.contains(rule), qPrintable(error.message));
    }

    void acceptsValidValues()
    {
        JsonObjectReader reader = readerFor(R"({
            "name": "Ann 😀", "id": "5d1c2b7a-8e4f-4a3b-9c6d-0e1f2a3b4c5d", "key": "AAAAAA",
            "n": 10, "b": false, "t": "2026-11-24T08:08:55.414Z", "r": "lead",
            "list": [1, 2], "ints": [1, 2]})");
        QCOMPARE(*reader.requireName(u"name"_s), u"Ann 😀"_s);
        QCOMPARE(*reader.requireUuid(u"id"_s), u"5d1c2b7a-8e4f-4a3b-9c6d-0e1f2a3b4c5d"_s);
        QCOMPARE(*reader.requireBase64(u"key"_s, 4), QByteArray(4, '\0'));
        QCOMPARE(*reader.requireInt(u"n"_s, 0, 10), 10);
        QCOMPARE(*reader.requireBool(u"b"_s), false);
        QCOMPARE(reader.requireTime(u"t"_s)->toMSecsSinceEpoch() % 1000, 414);
        QCOMPARE(*reader.requireOneOf(u"r"_s, {u"staff"_s, u"lead"_s}), u"lead"_s);
        QCOMPARE(reader.requireArray(u"list"_s, 1, 2)->size(), 2);
        QCOMPARE(*reader.requireIntArray(u"ints"_s, 0, 5), (QList<qint64>{1, 2}));
        QVERIFY(reader.finish().ok());
    }

    void nameLimitsCountCodePoints()
    {
        // 100 emoji are 200 UTF-16 units but 100 characters.
        QString hundred;
        for (int i = 0; i < 100; ++i)
            hundred += u"😀"_s;
        JsonObjectReader reader(QJsonObject{{"v"_L1, hundred}, {"w"_L1, hundred + u"x"_s}});
        QVERIFY(reader.requireName(u"v"_s).ok());
        QVERIFY(!reader.requireName(u"w"_s).ok());
    }

    void nestedReadersPrefixPaths()
    {
        JsonObjectReader reader = readerFor(
            R"({"device":{"public_key":"A","name":"x","extra":1},"items":[{"a":1},{"a":"x"},3]})");
        auto device = reader.requireObject(u"device"_s);
        QVERIFY(device.ok());
        QCOMPARE(device->path(), u"device"_s);
        const auto key = device->requireBase64(u"public_key"_s, 32);
        QCOMPARE(key.error().field, u"device.public_key"_s);
        QCOMPARE(device->requireString(u"missing"_s).error().field, u"device.missing"_s);
        QVERIFY(device->requireString(u"name"_s).ok());
        QCOMPARE(device->finish().error().field, u"device.extra"_s);

        JsonObjectReader second = readerFor(R"({"items":[{"a":1},{"a":"x"}]})");
        auto items = second.requireObjectArray(u"items"_s, 1, 5);
        QVERIFY(items.ok());
        QCOMPARE((*items)[1].path(), u"items[1]"_s);
        QCOMPARE((*items)[1].requireInt(u"a"_s, 0, 9).error().field, u"items[1].a"_s);

        const auto notObjects = reader.requireObjectArray(u"items"_s);
        QCOMPARE(notObjects.error().field, u"items[2]"_s);
    }

    void optionalMembers()
    {
        JsonObjectReader reader = readerFor(R"({"s":"x","i":3,"bad":"y"})");
        QCOMPARE(**reader.optionalString(u"s"_s), u"x"_s);
        QVERIFY(!reader.optionalString(u"absent"_s)->has_value());
        QCOMPARE(**reader.optionalInt(u"i"_s, 0, 5), 3);
        QVERIFY(!reader.optionalInt(u"absent2"_s, 0, 5)->has_value());
        const auto bad = reader.optionalInt(u"bad"_s, 0, 5);
        QCOMPARE(bad.error().code, u"invalid_field"_s);
        QVERIFY(reader.finish().ok());
    }
};

QTEST_GUILESS_MAIN(TestStrictJson)
#include "tst_strictjson.moc"
