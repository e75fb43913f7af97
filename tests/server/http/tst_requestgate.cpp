#include "sync/server/http/requestgate.h"

#include <QTest>

using namespace outward::server;
using namespace Qt::StringLiterals;

namespace {

constexpr qint64 kMaxHead = 16 * 1024;
constexpr qint64 k64KiB = 64 * 1024;
constexpr qint64 k16MiB = 16 * 1024 * 1024;

qint64 protocolLimit(const QByteArray &method, const QString &path)
{
    return method == "POST" && path == "/v1/records"_L1 ? k16MiB : k64KiB;
}

RequestGate makeGate(qint64 maxHead = kMaxHead)
{
    return RequestGate(maxHead, protocolLimit);
}

// A head whose total size, blank line included, is exactly `size` bytes.
QByteArray headOfSize(qsizetype size)
{
    const QByteArray start = "GET /v1/health HTTP/1.1\r\nX-Pad: "_ba;
    const QByteArray end = "\r\n\r\n"_ba;
    return start + QByteArray(size - start.size() - end.size(), 'a') + end;
}

} // namespace

class TestRequestGate : public QObject
{
    Q_OBJECT

private slots:
    void acceptsAGetAndStopsAtTheEndOfItsHead()
    {
        RequestGate gate = makeGate();
        const QByteArray first = "GET /v1/health?x=1 HTTP/1.1\r\nHost: example.org\r\n\r\n"_ba;
        const auto step = gate.feedHead(first + "GET /next HTTP/1.1\r\n"_ba);
        QCOMPARE(step.outcome, RequestGate::Outcome::Accepted);
        QCOMPARE(step.consumed, first.size());
        QCOMPARE(step.head.method, "GET"_ba);
        QCOMPARE(step.head.path, u"/v1/health"_s);
        QCOMPARE(step.head.contentLength, 0);
        QVERIFY(step.head.keepAlive);
        QVERIFY(!step.head.http10);
        QCOMPARE(gate.bodyRemaining(), 0);
        QVERIFY(!gate.headInProgress());
    }

    void countsTheBodyAndThenReadsTheNextHead()
    {
        RequestGate gate = makeGate();
        const QByteArray head = "POST /v1/enroll HTTP/1.1\r\nContent-Length: 5\r\n\r\n"_ba;
        const auto step = gate.feedHead(head + "hel"_ba);
        QCOMPARE(step.outcome, RequestGate::Outcome::Accepted);
        QCOMPARE(step.consumed, head.size());
        QCOMPARE(step.head.contentLength, 5);
        QCOMPARE(gate.bodyRemaining(), 5);
        gate.skipBody(3);
        QCOMPARE(gate.bodyRemaining(), 2);
        gate.skipBody(2);
        QCOMPARE(gate.bodyRemaining(), 0);

        const auto next = gate.feedHead("DELETE /v1/devices/x HTTP/1.1\r\n\r\n"_ba);
        QCOMPARE(next.outcome, RequestGate::Outcome::Accepted);
        QCOMPARE(next.head.method, "DELETE"_ba);
    }

    void readsAHeadArrivingByteByByte()
    {
        RequestGate gate = makeGate();
        const QByteArray head = "POST /v1/records HTTP/1.1\r\nContent-Length: 10\r\n\r\n"_ba;
        for (qsizetype i = 0; i + 1 < head.size(); ++i) {
            const auto step = gate.feedHead(head.mid(i, 1));
            QCOMPARE(step.outcome, RequestGate::Outcome::NeedMore);
            QCOMPARE(step.consumed, 1);
            QVERIFY(gate.headInProgress());
        }
        const auto last = gate.feedHead(head.right(1));
        QCOMPARE(last.outcome, RequestGate::Outcome::Accepted);
        QCOMPARE(last.consumed, 1);
        QCOMPARE(last.head.contentLength, 10);
        QCOMPARE(gate.bodyRemaining(), 10);
    }

    void acceptsBareLineFeedsAndEmptyLinesBeforeTheRequestLine()
    {
        RequestGate gate = makeGate();
        const QByteArray input = "\r\n\nGET /v1/health HTTP/1.1\nHost: x\n\n"_ba;
        const auto step = gate.feedHead(input);
        QCOMPARE(step.outcome, RequestGate::Outcome::Accepted);
        QCOMPARE(step.consumed, input.size());
        QCOMPARE(step.head.path, u"/v1/health"_s);
    }

    void refusesWhatItCannotFrameOrMustNotRead_data()
    {
        QTest::addColumn<QByteArray>("input");
        QTest::addColumn<int>("status");
        QTest::addColumn<QByteArray>("code");

        QTest::newRow("chunked")
            << "POST /v1/enroll HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nhello\r\n"_ba
            << 411 << "length_required"_ba;
        QTest::newRow("chunked with a length")
            << "POST /v1/enroll HTTP/1.1\r\nContent-Length: 5\r\nTransfer-Encoding: chunked\r\n\r\n"_ba
            << 411 << "length_required"_ba;
        QTest::newRow("any transfer coding")
            << "GET / HTTP/1.1\r\nTransfer-Encoding: gzip\r\n\r\n"_ba << 411
            << "length_required"_ba;
        QTest::newRow("POST without length")
            << "POST /v1/enroll HTTP/1.1\r\nHost: x\r\n\r\n"_ba << 411 << "length_required"_ba;
        QTest::newRow("PUT without length")
            << "PUT /v1/x HTTP/1.1\r\n\r\n"_ba << 411 << "length_required"_ba;
        QTest::newRow("PATCH without length")
            << "PATCH /v1/x HTTP/1.1\r\n\r\n"_ba << 411 << "length_required"_ba;
        QTest::newRow("above 64 KiB")
            << "POST /v1/enroll HTTP/1.1\r\nContent-Length: 65537\r\n\r\n"_ba << 413
            << "body_too_large"_ba;
        QTest::newRow("above 16 MiB")
            << "POST /v1/records HTTP/1.1\r\nContent-Length: 16777217\r\n\r\n"_ba << 413
            << "body_too_large"_ba;
        QTest::newRow("a GET with a large body")
            << "GET /v1/records HTTP/1.1\r\nContent-Length: 65537\r\n\r\n"_ba << 413
            << "body_too_large"_ba;
        QTest::newRow("two lengths")
            << "POST /v1/enroll HTTP/1.1\r\nContent-Length: 5\r\nContent-Length: 5\r\n\r\n"_ba
            << 400 << "bad_request"_ba;
        for (const char *value : {"12a", "-1", "+5", "1 2", "", "0x10", "99999999999999999999"}) {
            QTest::addRow("length \"%s\"", value)
                << "POST /v1/enroll HTTP/1.1\r\nContent-Length: "_ba + QByteArray(value) +
                       "\r\n\r\n"_ba
                << 400 << "bad_request"_ba;
        }
        QTest::newRow("folded header")
            << "GET / HTTP/1.1\r\nX-A: 1\r\n  continued\r\n\r\n"_ba << 400 << "bad_request"_ba;
        QTest::newRow("space before colon")
            << "GET / HTTP/1.1\r\nContent-Length : 5\r\n\r\n"_ba << 400 << "bad_request"_ba;
        QTest::newRow("no colon") << "GET / HTTP/1.1\r\nNoColon\r\n\r\n"_ba << 400
                                  << "bad_request"_ba;
        QTest::newRow("short request line") << "GET /\r\n\r\n"_ba << 400 << "bad_request"_ba;
        QTest::newRow("double space") << "GET  / HTTP/1.1\r\n\r\n"_ba << 400 << "bad_request"_ba;
        QTest::newRow("HTTP/2") << "GET / HTTP/2.0\r\n\r\n"_ba << 400 << "bad_request"_ba;
        QTest::newRow("h2 preface")
            << "PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n"_ba << 400 << "bad_request"_ba;
        QTest::newRow("stray CR") << "GET / HTTP/1.1\r\nX-A: a\rb\r\n\r\n"_ba << 400
                                  << "bad_request"_ba;
        QTest::newRow("NUL") << "GET / HTTP/1.1\r\nX-A: a"_ba + QByteArray(1, '\0') + "b\r\n\r\n"_ba
                             << 400 << "bad_request"_ba;
        QTest::newRow("not a path")
            << "GET v1/health HTTP/1.1\r\n\r\n"_ba << 400 << "bad_request"_ba;
    }

    void refusesWhatItCannotFrameOrMustNotRead()
    {
        QFETCH(QByteArray, input);
        QFETCH(int, status);
        QFETCH(QByteArray, code);
        RequestGate gate = makeGate();
        const auto step = gate.feedHead(input);
        QCOMPARE(step.outcome, RequestGate::Outcome::Rejected);
        QCOMPARE(step.rejection.status, status);
        QCOMPARE(step.rejection.code, code);
        QVERIFY(!step.rejection.message.isEmpty());
        QVERIFY(gate.rejected());
        QCOMPARE(gate.bodyRemaining(), 0);

        const auto after = gate.feedHead("GET / HTTP/1.1\r\n\r\n"_ba);
        QCOMPARE(after.outcome, RequestGate::Outcome::Rejected);
        QCOMPARE(after.consumed, 0);
    }

    void tooLargeMessageGivesBothNumbers()
    {
        RequestGate gate = makeGate();
        const auto step =
            gate.feedHead("POST /v1/records HTTP/1.1\r\nContent-Length: 31457280\r\n\r\n"_ba);
        QCOMPARE(step.rejection.status, 413);
        QCOMPARE(step.rejection.message,
                 u"the request body is 31457280 bytes; this endpoint accepts at most 16777216"_s);
    }

    void bodiesAtTheLimitPass()
    {
        {
            RequestGate gate = makeGate();
            const auto step =
                gate.feedHead("POST /v1/enroll HTTP/1.1\r\nContent-Length: 65536\r\n\r\n"_ba);
            QCOMPARE(step.outcome, RequestGate::Outcome::Accepted);
            QCOMPARE(gate.bodyRemaining(), k64KiB);
        }
        {
            RequestGate gate = makeGate();
            const auto step =
                gate.feedHead("POST /v1/records HTTP/1.1\r\nContent-Length: 16777216\r\n\r\n"_ba);
            QCOMPARE(step.outcome, RequestGate::Outcome::Accepted);
            QCOMPARE(gate.bodyRemaining(), k16MiB);
        }
        {
            RequestGate gate = makeGate();
            const auto step = gate.feedHead("GET /v1/records HTTP/1.1\r\n\r\n"_ba);
            QCOMPARE(step.outcome, RequestGate::Outcome::Accepted);
        }
    }

    void theLimitFunctionSeesMethodAndDecodedPath()
    {
        QByteArray seenMethod;
        QString seenPath;
        RequestGate gate(kMaxHead, [&](const QByteArray &method, const QString &path) {
            seenMethod = method;
            seenPath = path;
            return qint64(10);
        });
        const auto step =
            gate.feedHead("PUT /v1/a%20b?limit=3 HTTP/1.1\r\nContent-Length: 11\r\n\r\n"_ba);
        QCOMPARE(step.outcome, RequestGate::Outcome::Rejected);
        QCOMPARE(seenMethod, "PUT"_ba);
        QCOMPARE(seenPath, u"/v1/a b"_s);
    }

    void headAtTheLimitPassesOneByteMoreIsRefused()
    {
        {
            RequestGate gate = makeGate();
            const QByteArray head = headOfSize(kMaxHead);
            const auto step = gate.feedHead(head);
            QCOMPARE(step.outcome, RequestGate::Outcome::Accepted);
            QCOMPARE(step.consumed, head.size());
        }
        {
            RequestGate gate = makeGate();
            const auto step = gate.feedHead(headOfSize(kMaxHead + 1));
            QCOMPARE(step.outcome, RequestGate::Outcome::Rejected);
            QCOMPARE(step.rejection.status, 431);
            QCOMPARE(step.rejection.code, "headers_too_large"_ba);
        }
    }

    void headWithoutEndIsRefusedOnceItPassesTheLimit()
    {
        RequestGate gate = makeGate(1024);
        const QByteArray endless = "GET / HTTP/1.1\r\nX-Pad: "_ba + QByteArray(4096, 'a');
        qint64 fed = 0;
        RequestGate::Step step;
        for (qsizetype i = 0; i < endless.size(); i += 100) {
            step = gate.feedHead(endless.mid(i, 100));
            fed += 100;
            if (step.outcome != RequestGate::Outcome::NeedMore)
                break;
        }
        QCOMPARE(step.outcome, RequestGate::Outcome::Rejected);
        QCOMPARE(step.rejection.status, 431);
        QVERIFY2(fed <= 1024 + 100, "refused as soon as the limit was passed");
    }

    void endlessEmptyLinesCountTowardsTheLimit()
    {
        RequestGate gate = makeGate(1024);
        const auto step = gate.feedHead(QByteArray(4096, '\n'));
        QCOMPARE(step.outcome, RequestGate::Outcome::Rejected);
        QCOMPARE(step.rejection.status, 431);
    }

    void keepAlive_data()
    {
        QTest::addColumn<QByteArray>("head");
        QTest::addColumn<bool>("keepAlive");
        QTest::addColumn<bool>("http10");
        QTest::newRow("1.1") << "GET / HTTP/1.1\r\n\r\n"_ba << true << false;
        QTest::newRow("1.1 close")
            << "GET / HTTP/1.1\r\nConnection: close\r\n\r\n"_ba << false << false;
        QTest::newRow("1.1 Close, upgrade")
            << "GET / HTTP/1.1\r\nConnection: Upgrade, Close\r\n\r\n"_ba << false << false;
        QTest::newRow("1.0") << "GET / HTTP/1.0\r\n\r\n"_ba << false << true;
        QTest::newRow("1.0 keep-alive")
            << "GET / HTTP/1.0\r\nConnection: Keep-Alive\r\n\r\n"_ba << true << true;
    }

    void keepAlive()
    {
        QFETCH(QByteArray, head);
        QFETCH(bool, keepAlive);
        QFETCH(bool, http10);
        RequestGate gate = makeGate();
        const auto step = gate.feedHead(head);
        QCOMPARE(step.outcome, RequestGate::Outcome::Accepted);
        QCOMPARE(step.head.keepAlive, keepAlive);
        QCOMPARE(step.head.http10, http10);
    }

    void expectContinueOnlyWithABody()
    {
        RequestGate gate = makeGate();
        auto step = gate.feedHead(
            "POST /v1/enroll HTTP/1.1\r\nExpect: 100-Continue\r\nContent-Length: 2\r\n\r\n"_ba);
        QVERIFY(step.head.expectsContinue);
        gate.skipBody(2);
        step = gate.feedHead(
            "POST /v1/enroll HTTP/1.1\r\nExpect: 100-continue\r\nContent-Length: 0\r\n\r\n"_ba);
        QCOMPARE(step.outcome, RequestGate::Outcome::Accepted);
        QVERIFY(!step.head.expectsContinue);
    }

    void pathOfRequestTarget_data()
    {
        QTest::addColumn<QByteArray>("target");
        QTest::addColumn<QString>("path");
        QTest::newRow("origin") << "/v1/records"_ba << u"/v1/records"_s;
        QTest::newRow("query") << "/v1/records?since=4&limit=2"_ba << u"/v1/records"_s;
        QTest::newRow("fragment") << "/v1/x#y"_ba << u"/v1/x"_s;
        QTest::newRow("escaped") << "/v1/a%20b"_ba << u"/v1/a b"_s;
        QTest::newRow("double slash") << "//v1/records"_ba << u"//v1/records"_s;
        QTest::newRow("absolute") << "https://example.org/v1/x?q=1"_ba << u"/v1/x"_s;
        QTest::newRow("absolute, no path") << "http://example.org"_ba << u"/"_s;
        QTest::newRow("asterisk") << "*"_ba << u"*"_s;
        QTest::newRow("relative") << "v1/x"_ba << QString();
    }

    void pathOfRequestTarget()
    {
        QFETCH(QByteArray, target);
        QFETCH(QString, path);
        QCOMPARE(outward::server::pathOfRequestTarget(target), path);
    }
};

QTEST_GUILESS_MAIN(TestRequestGate)
#include "tst_requestgate.moc"
