#include "sync/server/http/httpwire.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace outward;
using namespace outward::server;
using namespace Qt::StringLiterals;

namespace {

struct Parsed
{
    QByteArray statusLine;
    QList<QPair<QByteArray, QByteArray>> headers;
    QByteArray body;

    int count(const QByteArray &lowerName) const
    {
        int n = 0;
        for (const auto &header : headers)
            n += header.first.toLower() == lowerName ? 1 : 0;
        return n;
    }
    QByteArray value(const QByteArray &lowerName) const
    {
        for (const auto &header : headers) {
            if (header.first.toLower() == lowerName)
                return header.second;
        }
        return {};
    }
};

Parsed parse(const QByteArray &wire)
{
    Parsed parsed;
    const qsizetype end = wire.indexOf("\r\n\r\n");
    const QList<QByteArray> lines = wire.left(end).split('\n');
    parsed.statusLine = lines.first().trimmed();
    for (qsizetype i = 1; i < lines.size(); ++i) {
        const QByteArray line = lines.at(i).trimmed();
        const qsizetype colon = line.indexOf(':');
        parsed.headers.append({line.left(colon), line.mid(colon + 1).trimmed()});
    }
    parsed.body = wire.mid(end + 4);
    return parsed;
}

} // namespace

class TestHttpWire : public QObject
{
    Q_OBJECT

private slots:
    void errorBodyHasTheProtocolShape()
    {
        const QByteArray body = errorBody("body_too_large"_ba, u"too \"big\""_s);
        QJsonParseError error;
        const QJsonDocument document = QJsonDocument::fromJson(body, &error);
        QCOMPARE(error.error, QJsonParseError::NoError);
        const QJsonObject root = document.object();
        QCOMPARE(root.keys(), QStringList{u"error"_s});
        const QJsonObject inner = root.value("error"_L1).toObject();
        QCOMPARE(inner.size(), 3);
        QCOMPARE(inner.value("code"_L1).toString(), u"body_too_large"_s);
        QCOMPARE(inner.value("message"_L1).toString(), u"too \"big\""_s);
        QVERIFY(inner.value("field"_L1).isString());
        QCOMPARE(inner.value("field"_L1).toString(), QString());

        const QJsonObject withField =
            QJsonDocument::fromJson(errorBody("invalid_field"_ba, u"m"_s, u"items[3]"_s))
                .object()
                .value("error"_L1)
                .toObject();
        QCOMPARE(withField.value("field"_L1).toString(), u"items[3]"_s);
    }

    void jsonResponse()
    {
        HttpResponse response;
        response.status = 200;
        response.body = R"({"ok":true})"_ba;
        response.headers.append({"X-Request-Id"_ba, "abc"_ba});
        const Parsed parsed = parse(encodeResponse(response, {}));
        QCOMPARE(parsed.statusLine, "HTTP/1.1 200 OK"_ba);
        QCOMPARE(parsed.value("content-type"), "application/json"_ba);
        QCOMPARE(parsed.value("cache-control"), "no-store"_ba);
        QCOMPARE(parsed.value("content-length"), "11"_ba);
        QCOMPARE(parsed.value("x-request-id"), "abc"_ba);
        QCOMPARE(parsed.count("connection"), 0);
        QCOMPARE(parsed.body, response.body);
    }

    void noContentHasNoBodyAndNoLength()
    {
        HttpResponse response;
        response.status = 204;
        response.body = "ignored"_ba;
        const QByteArray wire = encodeResponse(response, {});
        const Parsed parsed = parse(wire);
        QCOMPARE(parsed.statusLine, "HTTP/1.1 204 No Content"_ba);
        QCOMPARE(parsed.count("content-length"), 0);
        QCOMPARE(parsed.count("content-type"), 0);
        QVERIFY(wire.endsWith("\r\n\r\n"));
        QVERIFY(parsed.body.isEmpty());
    }

    void emptyBodyHasLengthZeroAndNoType()
    {
        HttpResponse response;
        response.status = 200;
        const Parsed parsed = parse(encodeResponse(response, {}));
        QCOMPARE(parsed.value("content-length"), "0"_ba);
        QCOMPARE(parsed.count("content-type"), 0);
    }

    void headGetsTheLengthButNoBody()
    {
        HttpResponse response;
        response.body = "{}"_ba;
        ResponseFraming framing;
        framing.headRequest = true;
        const Parsed parsed = parse(encodeResponse(response, framing));
        QCOMPARE(parsed.value("content-length"), "2"_ba);
        QVERIFY(parsed.body.isEmpty());
    }

    void theAdapterOwnsFraming()
    {
        HttpResponse response;
        response.status = 429;
        response.body = "{}"_ba;
        response.headers = {{"Content-Length"_ba, "999"_ba},
                            {"Transfer-Encoding"_ba, "chunked"_ba},
                            {"Connection"_ba, "keep-alive"_ba},
                            {"Retry-After"_ba, "60"_ba},
                            {"Cache-Control"_ba, "private"_ba},
                            {"Content-Type"_ba, "application/problem+json"_ba},
                            {"X-Split"_ba, "a\r\nSet-Cookie: x"_ba},
                            {"Bad Name"_ba, "v"_ba}};
        ResponseFraming framing;
        framing.close = true;
        const Parsed parsed = parse(encodeResponse(response, framing));
        QCOMPARE(parsed.statusLine, "HTTP/1.1 429 Too Many Requests"_ba);
        QCOMPARE(parsed.count("content-length"), 1);
        QCOMPARE(parsed.value("content-length"), "2"_ba);
        QCOMPARE(parsed.count("transfer-encoding"), 0);
        QCOMPARE(parsed.count("connection"), 1);
        QCOMPARE(parsed.value("connection"), "close"_ba);
        QCOMPARE(parsed.value("retry-after"), "60"_ba);
        QCOMPARE(parsed.count("cache-control"), 1);
        QCOMPARE(parsed.value("cache-control"), "private"_ba);
        QCOMPARE(parsed.count("content-type"), 1);
        QCOMPARE(parsed.value("content-type"), "application/problem+json"_ba);
        QCOMPARE(parsed.count("x-split"), 0);
        QCOMPARE(parsed.count("set-cookie"), 0);
        QCOMPARE(parsed.count("bad name"), 0);
    }

    void http10KeepAliveIsConfirmed()
    {
        ResponseFraming framing;
        framing.http10KeepAlive = true;
        const Parsed parsed = parse(encodeResponse(HttpResponse{}, framing));
        QCOMPARE(parsed.value("connection"), "keep-alive"_ba);
    }

    void reasonPhrases()
    {
        QCOMPARE(reasonPhrase(404), "Not Found"_ba);
        QCOMPARE(reasonPhrase(411), "Length Required"_ba);
        QCOMPARE(reasonPhrase(431), "Request Header Fields Too Large"_ba);
        QCOMPARE(reasonPhrase(299), "Status"_ba);
    }
};

QTEST_GUILESS_MAIN(TestHttpWire)
#include "tst_httpwire.moc"
