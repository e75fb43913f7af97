#include "sync/server/http/httpserveradapter.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QSslSocket>
#include <QStandardPaths>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

#include <memory>
#include <optional>

using namespace outward;
using namespace outward::server;
using namespace Qt::StringLiterals;

namespace {

constexpr qint64 k64KiB = 64 * 1024;
constexpr qint64 k16MiB = 16 * 1024 * 1024;
constexpr int kWaitMs = 10'000;

qint64 protocolLimit(const QByteArray &method, const QString &path)
{
    return method == "POST" && path == "/v1/records"_L1 ? k16MiB : k64KiB;
}

struct Response
{
    int status = 0;
    QList<QPair<QByteArray, QByteArray>> headers;
    QByteArray body;

    bool has(const QByteArray &lowerName) const
    {
        for (const auto &header : headers) {
            if (header.first.toLower() == lowerName)
                return true;
        }
        return false;
    }
    QByteArray header(const QByteArray &lowerName) const
    {
        for (const auto &header : headers) {
            if (header.first.toLower() == lowerName)
                return header.second;
        }
        return {};
    }
    QJsonObject json() const { return QJsonDocument::fromJson(body).object(); }
    QJsonObject error() const { return json().value("error"_L1).toObject(); }
};

// A raw HTTP/1.1 client that never blocks the event loop the server runs on.
class Client
{
public:
    explicit Client(std::unique_ptr<QTcpSocket> socket)
        : m_socket(std::move(socket))
    {
        QObject::connect(m_socket.get(), &QIODevice::readyRead,
                         [this] { m_received += m_socket->readAll(); });
    }

    static std::unique_ptr<Client> plain(quint16 port)
    {
        auto client = std::make_unique<Client>(std::make_unique<QTcpSocket>());
        client->m_socket->connectToHost(QHostAddress::LocalHost, port);
        if (!QTest::qWaitFor(
                [&] { return client->m_socket->state() == QAbstractSocket::ConnectedState; },
                kWaitMs)) {
            return nullptr;
        }
        return client;
    }

    static std::unique_ptr<Client> tls(quint16 port)
    {
        auto socket = std::make_unique<QSslSocket>();
        QSslSocket *ssl = socket.get();
        ssl->setPeerVerifyMode(QSslSocket::VerifyNone); // the throwaway certificate is self-signed
        auto client = std::make_unique<Client>(std::move(socket));
        ssl->connectToHostEncrypted(u"127.0.0.1"_s, port);
        if (!QTest::qWaitFor([&] { return ssl->isEncrypted(); }, kWaitMs))
            return nullptr;
        return client;
    }

    void send(const QByteArray &bytes)
    {
        m_socket->write(bytes);
        m_socket->flush();
    }

    // The next complete response, or nothing if none arrives in time.
    std::optional<Response> response()
    {
        std::optional<Response> out;
        (void)QTest::qWaitFor([&] { return (out = takeResponse()).has_value(); }, kWaitMs);
        return out;
    }

    bool waitClosed()
    {
        return QTest::qWaitFor(
            [&] { return m_socket->state() == QAbstractSocket::UnconnectedState; }, kWaitMs);
    }

    QAbstractSocket::SocketState state() const { return m_socket->state(); }
    const QByteArray &unparsed() const { return m_received; }

private:
    std::optional<Response> takeResponse()
    {
        const qsizetype end = m_received.indexOf("\r\n\r\n");
        if (end < 0)
            return std::nullopt;
        const QList<QByteArray> lines = m_received.left(end).split('\n');
        Response response;
        const QList<QByteArray> statusLine = lines.first().trimmed().split(' ');
        if (statusLine.size() < 2)
            return std::nullopt;
        response.status = statusLine.at(1).toInt();
        for (qsizetype i = 1; i < lines.size(); ++i) {
            const QByteArray line = lines.at(i).trimmed();
            const qsizetype colon = line.indexOf(':');
            response.headers.append({line.left(colon), line.mid(colon + 1).trimmed()});
        }
        const qint64 length = response.header("content-length").toLongLong();
        if (m_received.size() < end + 4 + length)
            return std::nullopt;
        response.body = m_received.mid(end + 4, length);
        m_received.remove(0, end + 4 + length);
        return response;
    }

    std::unique_ptr<QTcpSocket> m_socket;
    QByteArray m_received;
};

QByteArray post(const QByteArray &path, qint64 declaredLength, const QByteArray &bodyStart = {})
{
    return "POST "_ba + path +
           " HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
           "Content-Length: "_ba +
           QByteArray::number(declaredLength) + "\r\n\r\n"_ba + bodyStart;
}

QByteArray get(const QByteArray &target, const QByteArray &extraHeaders = {})
{
    return "GET "_ba + target + " HTTP/1.1\r\nHost: localhost\r\n"_ba + extraHeaders + "\r\n"_ba;
}

} // namespace

class TestHttpServerAdapter : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<HttpServerAdapter> m_server;
    quint16 m_port = 0;
    int m_calls = 0;
    HttpRequest m_last;
    QTemporaryDir m_tlsDir;

    HttpResponse echo(const HttpRequest &request)
    {
        ++m_calls;
        m_last = request;
        HttpResponse response;
        if (request.path == "/nocontent"_L1) {
            response.status = 204;
            return response;
        }
        QJsonObject object;
        object.insert("method"_L1, QString::fromLatin1(request.method));
        object.insert("path"_L1, request.path);
        object.insert("query"_L1, request.query.toString());
        object.insert("bodyBytes"_L1, request.body.size());
        object.insert("peer"_L1, request.peer);
        response.body = QJsonDocument(object).toJson(QJsonDocument::Compact);
        response.headers.append({"X-Echo"_ba, request.header("x-test"_ba)});
        return response;
    }

    void makeServer(HttpServerOptions options = {})
    {
        m_server = std::make_unique<HttpServerAdapter>(
            [this](const HttpRequest &request) { return echo(request); }, protocolLimit, options);
    }

    // Answers /slow 100 ms late from the event loop, as the API answers a push; everything
    // else at once.
    void makeAsyncServer()
    {
        m_server = std::make_unique<HttpServerAdapter>(
            HttpServerAdapter::AsyncHandler(
                [this](const HttpRequest &request, HttpServerAdapter::Responder respond) {
                    const HttpResponse response = echo(request);
                    if (request.path == "/slow"_L1)
                        QTimer::singleShot(100, [respond, response] { respond(response); });
                    else
                        respond(response);
                }),
            protocolLimit);
    }

    bool listen()
    {
        const Result<quint16> port = m_server->listen(QHostAddress::LocalHost, 0);
        if (!port) {
            qWarning().noquote() << port.error().message();
            return false;
        }
        m_port = *port;
        return m_port != 0;
    }

    bool start(HttpServerOptions options = {})
    {
        makeServer(options);
        return listen();
    }

    // Makes a throwaway self-signed certificate; returns false (and the reason) if it cannot.
    bool makeCertificate(QString *why)
    {
        const QString openssl = QStandardPaths::findExecutable(u"openssl"_s);
        if (openssl.isEmpty()) {
            *why = u"openssl is not installed"_s;
            return false;
        }
        if (!QSslSocket::supportsSsl()) {
            *why = u"Qt has no TLS backend here"_s;
            return false;
        }
        if (QFile::exists(m_tlsDir.filePath(u"cert.pem"_s)))
            return true;
        QProcess process;
        process.start(openssl, {u"req"_s, u"-x509"_s, u"-newkey"_s, u"ec"_s, u"-pkeyopt"_s,
                                u"ec_paramgen_curve:prime256v1"_s, u"-nodes"_s, u"-days"_s, u"2"_s,
                                u"-subj"_s, u"/CN=localhost"_s, u"-keyout"_s,
                                m_tlsDir.filePath(u"key.pem"_s), u"-out"_s,
                                m_tlsDir.filePath(u"cert.pem"_s)});
        if (!process.waitForFinished(60'000) || process.exitCode() != 0) {
            *why =
                u"openssl req failed: "_s + QString::fromLocal8Bit(process.readAllStandardError());
            return false;
        }
        return true;
    }

private slots:
    void init()
    {
        m_calls = 0;
        m_last = {};
        m_server.reset();
    }

    void cleanup()
    {
        // Every connection ends and is freed once clients are gone.
        if (m_server)
            QTRY_COMPARE_WITH_TIMEOUT(m_server->openConnections(), 0, kWaitMs);
        m_server.reset();
    }

    void getAndPostReachTheHandler()
    {
        QVERIFY(start());
        auto client = Client::plain(m_port);
        QVERIFY(client);

        client->send(get("/v1/health?x=1&y=a%20b"_ba, "X-Test: hello\r\n"_ba));
        auto response = client->response();
        QVERIFY(response);
        QCOMPARE(response->status, 200);
        QCOMPARE(response->header("content-type"), "application/json"_ba);
        QCOMPARE(response->header("cache-control"), "no-store"_ba);
        QCOMPARE(response->header("x-echo"), "hello"_ba);
        QJsonObject json = response->json();
        QCOMPARE(json.value("method"_L1).toString(), u"GET"_s);
        QCOMPARE(json.value("path"_L1).toString(), u"/v1/health"_s);
        QCOMPARE(json.value("bodyBytes"_L1).toInt(), 0);
        QCOMPARE(json.value("peer"_L1).toString(), u"127.0.0.1"_s);
        QCOMPARE(m_last.query.queryItemValue(u"x"_s), u"1"_s);
        QCOMPARE(m_last.query.queryItemValue(u"y"_s, QUrl::FullyDecoded), u"a b"_s);
        for (const auto &header : m_last.headers)
            QCOMPARE(header.first, header.first.toLower());
        QCOMPARE(m_last.header("host"_ba), "localhost"_ba);

        const QByteArray body = R"({"hello":"world"})"_ba;
        client->send(post("/v1/enroll"_ba, body.size(), body));
        response = client->response();
        QVERIFY(response);
        QCOMPARE(response->status, 200);
        json = response->json();
        QCOMPARE(json.value("method"_L1).toString(), u"POST"_s);
        QCOMPARE(json.value("path"_L1).toString(), u"/v1/enroll"_s);
        QCOMPARE(json.value("bodyBytes"_L1).toInt(), body.size());
        QCOMPARE(m_last.body, body);
        QCOMPARE(m_calls, 2);
        QCOMPARE(client->state(), QAbstractSocket::ConnectedState); // kept alive
    }

    void oversizedBodyIsRefusedBeforeItIsRead()
    {
        QVERIFY(start());
        auto client = Client::plain(m_port);
        QVERIFY(client);

        client->send(post("/v1/enroll"_ba, 30 * 1024 * 1024, QByteArray(4096, 'x')));
        const auto response = client->response();
        QVERIFY(response);
        QCOMPARE(response->status, 413);
        QCOMPARE(response->header("content-type"), "application/json"_ba);
        QCOMPARE(response->header("connection"), "close"_ba);
        const QJsonObject error = response->error();
        QCOMPARE(error.value("code"_L1).toString(), u"body_too_large"_s);
        QCOMPARE(error.value("message"_L1).toString(),
                 u"the request body is 31457280 bytes; this endpoint accepts at most 65536"_s);
        QCOMPARE(error.value("field"_L1).toString(), QString());
        QVERIFY(client->waitClosed());
        QCOMPARE(m_calls, 0);
    }

    void theRecordsEndpointTakesAMegabyte()
    {
        QVERIFY(start());
        auto client = Client::plain(m_port);
        QVERIFY(client);
        const QByteArray body(1024 * 1024, 'r');
        client->send(post("/v1/records"_ba, body.size(), body));
        const auto response = client->response();
        QVERIFY(response);
        QCOMPARE(response->status, 200);
        QCOMPARE(response->json().value("bodyBytes"_L1).toInt(), body.size());
        QCOMPARE(m_last.body, body);
        QCOMPARE(m_calls, 1);
    }

    void lengthIsRequired_data()
    {
        QTest::addColumn<QByteArray>("request");
        QTest::newRow("chunked") << "POST /v1/enroll HTTP/1.1\r\nHost: localhost\r\n"
                                    "Transfer-Encoding: chunked\r\n\r\n5\r\nhello\r\n0\r\n\r\n"_ba;
        QTest::newRow("no length") << "POST /v1/enroll HTTP/1.1\r\nHost: localhost\r\n\r\n{}"_ba;
    }

    void lengthIsRequired()
    {
        QFETCH(QByteArray, request);
        QVERIFY(start());
        auto client = Client::plain(m_port);
        QVERIFY(client);
        client->send(request);
        const auto response = client->response();
        QVERIFY(response);
        QCOMPARE(response->status, 411);
        QCOMPARE(response->error().value("code"_L1).toString(), u"length_required"_s);
        QVERIFY(client->waitClosed());
        QCOMPARE(m_calls, 0);
    }

    void headersAbove16KiBAreRefused()
    {
        QVERIFY(start());
        auto client = Client::plain(m_port);
        QVERIFY(client);
        client->send(get("/v1/health"_ba, "X-Big: "_ba + QByteArray(17 * 1024, 'h') + "\r\n"_ba));
        const auto response = client->response();
        QVERIFY(response);
        QCOMPARE(response->status, 431);
        QCOMPARE(response->error().value("code"_L1).toString(), u"headers_too_large"_s);
        QVERIFY(client->waitClosed());
        QCOMPARE(m_calls, 0);
    }

    void everyRequestOnAKeptConnectionIsGated()
    {
        QVERIFY(start());
        auto client = Client::plain(m_port);
        QVERIFY(client);

        // A body sent in pieces is counted across reads, so the next head is found after it.
        const QByteArray body(60'000, 'b');
        client->send(post("/v1/enroll"_ba, body.size()));
        for (qsizetype i = 0; i < body.size(); i += 7'000)
            client->send(body.mid(i, 7'000));
        auto response = client->response();
        QVERIFY(response);
        QCOMPARE(response->status, 200);
        QCOMPARE(response->json().value("bodyBytes"_L1).toInt(), body.size());

        client->send(get("/v1/health"_ba));
        response = client->response();
        QVERIFY(response);
        QCOMPARE(response->status, 200);

        client->send(post("/v1/enroll"_ba, 30 * 1024 * 1024, QByteArray(4096, 'x')));
        response = client->response();
        QVERIFY(response);
        QCOMPARE(response->status, 413);
        QCOMPARE(response->error().value("code"_L1).toString(), u"body_too_large"_s);
        QVERIFY(client->waitClosed());
        QCOMPARE(m_calls, 2);
    }

    void pipelinedRequestsAreAnsweredInOrder()
    {
        QVERIFY(start());
        auto client = Client::plain(m_port);
        QVERIFY(client);
        client->send(get("/v1/a"_ba) + post("/v1/b"_ba, 2, "{}"_ba) + get("/v1/c"_ba));
        for (const QString &path : {u"/v1/a"_s, u"/v1/b"_s, u"/v1/c"_s}) {
            const auto response = client->response();
            QVERIFY(response);
            QCOMPARE(response->status, 200);
            QCOMPARE(response->json().value("path"_L1).toString(), path);
        }
        QCOMPARE(m_calls, 3);
    }

    void aRefusalWaitsForThePipelinedRequestsBeforeIt_data()
    {
        QTest::addColumn<QByteArray>("refused");
        QTest::addColumn<int>("status");
        QTest::newRow("too large")
            << post("/v1/enroll"_ba, 30 * 1024 * 1024, QByteArray(4096, 'x')) << 413;
        // Complete within the same write, so Qt's parser could finish it: the gate still answers.
        QTest::newRow("chunked") << "POST /v1/enroll HTTP/1.1\r\nHost: localhost\r\n"
                                    "Transfer-Encoding: chunked\r\n\r\n2\r\n{}\r\n0\r\n\r\n"_ba
                                 << 411;
        QTest::newRow("no length")
            << "POST /v1/enroll HTTP/1.1\r\nHost: localhost\r\n\r\n"_ba << 411;
    }

    void aRefusalWaitsForThePipelinedRequestsBeforeIt()
    {
        QFETCH(QByteArray, refused);
        QFETCH(int, status);
        QVERIFY(start());
        auto client = Client::plain(m_port);
        QVERIFY(client);
        client->send(get("/v1/a"_ba) + get("/v1/b"_ba) + refused + get("/v1/never"_ba));
        for (const QString &path : {u"/v1/a"_s, u"/v1/b"_s}) {
            const auto response = client->response();
            QVERIFY(response);
            QCOMPARE(response->status, 200);
            QCOMPARE(response->json().value("path"_L1).toString(), path);
        }
        const auto response = client->response();
        QVERIFY(response);
        QCOMPARE(response->status, status);
        QCOMPARE(response->header("connection"), "close"_ba);
        QVERIFY(client->waitClosed());
        QCOMPARE(m_calls, 2);
        QVERIFY(client->unparsed().isEmpty());
    }

    void aRefusedClientThatKeepsSendingStillGetsTheAnswer()
    {
        QVERIFY(start());
        auto client = Client::plain(m_port);
        QVERIFY(client);
        // The whole declared body: the server reads and drops it while the client writes.
        const qint64 size = 30 * 1024 * 1024;
        client->send(post("/v1/enroll"_ba, size, QByteArray(size, 'x')));
        const auto response = client->response();
        QVERIFY(response);
        QCOMPARE(response->status, 413);
        QVERIFY(client->waitClosed());
        QCOMPARE(m_calls, 0);
    }

    void lateAnswersKeepTheOrderOfTheRequests()
    {
        makeAsyncServer();
        QVERIFY(listen());
        auto client = Client::plain(m_port);
        QVERIFY(client);
        client->send(get("/slow"_ba) + get("/v1/b"_ba) + get("/slow"_ba) + get("/v1/d"_ba));
        for (const QString &path : {u"/slow"_s, u"/v1/b"_s, u"/slow"_s, u"/v1/d"_s}) {
            const auto response = client->response();
            QVERIFY(response);
            QCOMPARE(response->status, 200);
            QCOMPARE(response->json().value("path"_L1).toString(), path);
        }
        QCOMPARE(m_calls, 4);
    }

    void aRefusalWaitsForALateAnswerBeforeIt()
    {
        makeAsyncServer();
        QVERIFY(listen());
        auto client = Client::plain(m_port);
        QVERIFY(client);
        client->send(get("/slow"_ba) + post("/v1/enroll"_ba, 30 * 1024 * 1024, "{"_ba));
        auto response = client->response();
        QVERIFY(response);
        QCOMPARE(response->status, 200);
        QCOMPARE(response->json().value("path"_L1).toString(), u"/slow"_s);
        response = client->response();
        QVERIFY(response);
        QCOMPARE(response->status, 413);
        QCOMPARE(response->header("connection"), "close"_ba);
        QVERIFY(client->waitClosed());
        QCOMPARE(m_calls, 1);
    }

    void aLateAnswerToAClosedConnectionIsDropped()
    {
        makeAsyncServer();
        QVERIFY(listen());
        {
            auto client = Client::plain(m_port);
            QVERIFY(client);
            client->send(get("/slow"_ba));
            QTRY_COMPARE_WITH_TIMEOUT(m_calls, 1, kWaitMs);
        } // the client is gone before the answer
        QTRY_COMPARE_WITH_TIMEOUT(m_server->openConnections(), 0, kWaitMs);
        QTest::qWait(200); // the late answer fires into a deleted connection
        auto next = Client::plain(m_port);
        QVERIFY(next);
        next->send(get("/v1/after"_ba));
        const auto response = next->response();
        QVERIFY(response);
        QCOMPARE(response->status, 200);
    }

    void noContentHasNoBody()
    {
        QVERIFY(start());
        auto client = Client::plain(m_port);
        QVERIFY(client);
        client->send(get("/nocontent"_ba));
        auto response = client->response();
        QVERIFY(response);
        QCOMPARE(response->status, 204);
        QVERIFY(!response->has("content-length"));
        QVERIFY(!response->has("content-type"));
        QVERIFY(response->body.isEmpty());

        // Nothing followed the blank line: the next response parses cleanly.
        client->send(get("/v1/health"_ba));
        response = client->response();
        QVERIFY(response);
        QCOMPARE(response->status, 200);
        QCOMPARE(response->json().value("path"_L1).toString(), u"/v1/health"_s);
    }

    void expectContinueGetsAnInterimAnswer()
    {
        QVERIFY(start());
        auto client = Client::plain(m_port);
        QVERIFY(client);
        client->send("POST /v1/enroll HTTP/1.1\r\nHost: localhost\r\nExpect: 100-continue\r\n"
                     "Content-Length: 10\r\n\r\n"_ba);
        auto response = client->response();
        QVERIFY(response);
        QCOMPARE(response->status, 100);
        client->send("0123456789"_ba);
        response = client->response();
        QVERIFY(response);
        QCOMPARE(response->status, 200);
        QCOMPARE(response->json().value("bodyBytes"_L1).toInt(), 10);
    }

    void connectionCloseIsHonoured()
    {
        QVERIFY(start());
        auto client = Client::plain(m_port);
        QVERIFY(client);
        client->send(get("/v1/health"_ba, "Connection: close\r\n"_ba));
        const auto response = client->response();
        QVERIFY(response);
        QCOMPARE(response->status, 200);
        QCOMPARE(response->header("connection"), "close"_ba);
        QVERIFY(client->waitClosed());
    }

    void idleAndSlowConnectionsAreClosed()
    {
        HttpServerOptions options;
        options.idleTimeoutMs = 200;
        options.headTimeoutMs = 200;
        QVERIFY(start(options));

        auto idle = Client::plain(m_port);
        QVERIFY(idle);
        idle->send(get("/v1/health"_ba));
        QVERIFY(idle->response());
        QVERIFY(idle->waitClosed());

        auto slow = Client::plain(m_port);
        QVERIFY(slow);
        slow->send("GET /v1/health HTTP/1.1\r\nHost: loc"_ba);
        QVERIFY(slow->waitClosed());
        QCOMPARE(m_calls, 1);
    }

    void connectionsBeyondTheCapAreClosed()
    {
        HttpServerOptions options;
        options.maxConnections = 2;
        QVERIFY(start(options));

        auto first = Client::plain(m_port);
        auto second = Client::plain(m_port);
        QVERIFY(first && second);
        // Both were accepted: they are answered.
        for (Client *client : {first.get(), second.get()}) {
            client->send(get("/v1/health"_ba));
            QVERIFY(client->response());
        }
        QCOMPARE(m_server->openConnections(), 2);

        auto third = Client::plain(m_port);
        QVERIFY(third);
        QVERIFY(third->waitClosed());

        first->send(get("/v1/health"_ba));
        QVERIFY(first->response());
        first.reset();
        QTRY_COMPARE_WITH_TIMEOUT(m_server->openConnections(), 1, kWaitMs);
        auto fourth = Client::plain(m_port);
        QVERIFY(fourth);
        fourth->send(get("/v1/health"_ba));
        const auto response = fourth->response();
        QVERIFY(response);
        QCOMPARE(response->status, 200);
    }

    void tlsRequests()
    {
        QString why;
        if (!makeCertificate(&why))
            QSKIP(qPrintable(why));
        HttpServerOptions options;
        options.lingerTimeoutMs = 300; // over TLS a refused connection ends when the linger ends
        makeServer(options);
        const Status tls =
            m_server->useTls(m_tlsDir.filePath(u"cert.pem"_s), m_tlsDir.filePath(u"key.pem"_s));
        QVERIFY2(tls.ok(), tls.ok() ? "" : qPrintable(tls.error().message()));
        QVERIFY(m_server->isTls());
        QVERIFY(listen());

        auto client = Client::tls(m_port);
        QVERIFY(client);
        client->send(get("/v1/health"_ba));
        auto response = client->response();
        QVERIFY(response);
        QCOMPARE(response->status, 200);
        QCOMPARE(response->json().value("path"_L1).toString(), u"/v1/health"_s);

        client->send(post("/v1/enroll"_ba, 30 * 1024 * 1024, QByteArray(4096, 'x')));
        response = client->response();
        QVERIFY2(response, client->unparsed().constData());
        QCOMPARE(response->status, 413);
        QVERIFY(client->waitClosed());
        QCOMPARE(m_calls, 1);

        // A plain-text client on the TLS port gets nothing and is let go.
        auto plain = Client::plain(m_port);
        QVERIFY(plain);
        plain->send(get("/v1/health"_ba));
        QVERIFY(plain->waitClosed());
        QCOMPARE(m_calls, 1);
    }

    void tlsFileErrorsNameTheFile()
    {
        QString why;
        if (!makeCertificate(&why))
            QSKIP(qPrintable(why));
        const QString cert = m_tlsDir.filePath(u"cert.pem"_s);
        const QString key = m_tlsDir.filePath(u"key.pem"_s);
        const QString missing = m_tlsDir.filePath(u"missing.pem"_s);
        const QString garbage = m_tlsDir.filePath(u"garbage.pem"_s);
        {
            QFile file(garbage);
            QVERIFY(file.open(QIODevice::WriteOnly));
            file.write("not a pem file\n");
        }
        makeServer();

        Status status = m_server->useTls(missing, key);
        QVERIFY(!status.ok());
        QVERIFY2(status.error().message().contains(missing), qPrintable(status.error().message()));
        QVERIFY(status.error().message().contains(u"certificate"_s));

        status = m_server->useTls(garbage, key);
        QVERIFY(!status.ok());
        QVERIFY(status.error().message().contains(garbage));
        QVERIFY(status.error().message().contains(u"no PEM certificate"_s));

        status = m_server->useTls(cert, missing);
        QVERIFY(!status.ok());
        QVERIFY(status.error().message().contains(missing));
        QVERIFY(status.error().message().contains(u"key"_s));

        status = m_server->useTls(cert, garbage);
        QVERIFY(!status.ok());
        QVERIFY(status.error().message().contains(garbage));
        QVERIFY(status.error().message().contains(u"private key"_s));

        // The certificate passed as its own key.
        status = m_server->useTls(cert, cert);
        QVERIFY(!status.ok());
        QVERIFY(!m_server->isTls());
    }

    void listenErrorsSayWhatFailed()
    {
        QVERIFY(start());
        HttpServerAdapter second([](const HttpRequest &) { return HttpResponse{}; }, protocolLimit);
        const Result<quint16> taken = second.listen(QHostAddress::LocalHost, m_port);
        QVERIFY(!taken.ok());
        QVERIFY2(taken.error().message().contains(QString::number(m_port)),
                 qPrintable(taken.error().message()));

        const Result<quint16> again = m_server->listen(QHostAddress::LocalHost, 0);
        QVERIFY(!again.ok());
    }
};

QTEST_GUILESS_MAIN(TestHttpServerAdapter)
#include "tst_httpserveradapter.moc"
