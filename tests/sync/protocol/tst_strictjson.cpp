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
