// The only file that includes Qt HTTP Server. Written against its 6.4 API (Debian 12):
// handleRequest(request, QTcpSocket *), void bind(QTcpServer *). From 6.5 on, handleRequest
// and missingHandler take a QHttpServerResponder and bind() returns bool; porting means
// answering through the responder (or its socket) here, and nothing outside this file.
#include "sync/server/http/httpserveradapter.h"

#include "sync/server/http/answerqueue.h"
#include "sync/server/http/connectiongate.h"
#include "sync/server/http/gatedtcpserver.h"
#include "sync/server/http/httpwire.h"
#include "sync/server/http/logging.h"
#include "sync/server/http/tlsfiles.h"

#include <QAbstractHttpServer>
#include <QHttpServerRequest>
#include <QPointer>
#include <QTcpSocket>

#if QT_VERSION >= QT_VERSION_CHECK(6, 5, 0)
#error "httpserveradapter.cpp is written for Qt HTTP Server 6.4; see the comment at its top"
#endif

using namespace Qt::StringLiterals;

namespace outward::server {

namespace {

QByteArray methodName(QHttpServerRequest::Method method)
{
    using Method = QHttpServerRequest::Method;
    switch (method) {
    case Method::Get:
        return "GET"_ba;
    case Method::Put:
        return "PUT"_ba;
    case Method::Delete:
        return "DELETE"_ba;
    case Method::Post:
        return "POST"_ba;
    case Method::Head:
        return "HEAD"_ba;
    case Method::Options:
        return "OPTIONS"_ba;
    case Method::Patch:
        return "PATCH"_ba;
    case Method::Connect:
        return "CONNECT"_ba;
    case Method::Trace:
        return "TRACE"_ba;
    default:
        return {};
    }
}

// An IPv4 client on a dual-stack socket shows up as ::ffff:a.b.c.d; rate limits key on the
// plain form, so one client has one key however the server listens.
QString peerText(const QHostAddress &address)
{
    bool isV4 = false;
    const quint32 v4 = address.toIPv4Address(&isV4);
    return isV4 ? QHostAddress(v4).toString() : address.toString();
}

HttpRequest toHttpRequest(const QHttpServerRequest &request, const std::optional<RequestHead> &head)
{
    HttpRequest out;
    out.method = methodName(request.method());
    if (out.method.isEmpty() && head)
        out.method = head->method;
    out.path = request.url().path(QUrl::FullyDecoded);
    if (out.path.isEmpty())
        out.path = head ? head->path : u"/"_s;
    out.query = request.query();
    const auto headers = request.headers();
    out.headers.reserve(headers.size());
    for (const auto &[name, value] : headers)
        out.headers.append({name.toLower(), value});
    out.body = request.body();
    out.peer = peerText(request.remoteAddress());
    return out;
}

bool asksToClose(const HttpRequest &request)
{
    for (const QByteArray &token : request.header("connection"_ba).split(',')) {
        if (token.trimmed().toLower() == "close")
            return true;
    }
    return false;
}

} // namespace

class HttpServerAdapter::Server final : public QAbstractHttpServer
{
public:
    Server(AsyncHandler handler, BodyLimit bodyLimit, HttpServerOptions options)
        : m_handler(std::move(handler))
        , m_bodyLimit(std::move(bodyLimit))
        , m_options(options)
    {}

    AsyncHandler m_handler;
    BodyLimit m_bodyLimit;
    HttpServerOptions m_options;
    std::optional<QSslConfiguration> m_tls;
    GatedTcpServer *m_tcp = nullptr; // owned by QAbstractHttpServer after bind()

protected:
    bool handleRequest(const QHttpServerRequest &request, QTcpSocket *socket) override
    {
        std::optional<RequestHead> head;
        ConnectionGate *gate = ConnectionGate::of(socket);
        if (gate) {
            head = gate->takeHead();
            if (!head) {
                // The request the gate refused, parsed by Qt behind pipelined ones: the gate
                // answers it. Anything else means Qt and the gate framed the stream differently.
                if (gate->refusalPending())
                    return true;
                qCWarning(lcServerHttp) << "Qt HTTP Server read a request the gate did not; "
                                           "closing the connection";
                ResponseFraming framing;
                framing.close = true;
                gate->stopReading();
                // After the answers to earlier requests, which may still be in the works.
                AnswerQueue *queue = AnswerQueue::of(socket);
                queue->fill(queue->reserve(),
                            encodeResponse(errorResponse(400, "bad_request"_ba,
                                                         u"the request could not be framed; send "
                                                         u"one request with a Content-Length at "
                                                         u"a time"_s),
                                           framing),
                            true);
                return true;
            }
        }
        const HttpRequest httpRequest = toHttpRequest(request, head);

        ResponseFraming framing;
        framing.headRequest = httpRequest.method == "HEAD";
        framing.close = head ? !head->keepAlive : asksToClose(httpRequest);
        framing.http10KeepAlive = head && head->http10 && head->keepAlive;
        AnswerQueue *queue = AnswerQueue::of(socket);
        const quint64 ticket = queue->reserve();
        Responder respond = [queue = QPointer<AnswerQueue>(queue), ticket, framing,
                             method = httpRequest.method](const HttpResponse &response) {
            if (!queue)
                return; // the connection is gone
            ResponseFraming wire = framing;
            wire.close = wire.close || response.header("connection"_ba).toLower() == "close";
            // No path: /v1/link/offers/{mailbox_id} carries a capability. The API logs the
            // route.
            qCDebug(lcServerHttp).noquote() << method << "->" << response.status;
            queue->fill(ticket, encodeResponse(response, wire), wire.close);
        };

        const qint64 limit = m_bodyLimit ? m_bodyLimit(httpRequest.method, httpRequest.path) : 0;
        if (httpRequest.body.size() > limit) {
            // The gate judged the path as it read it; this catches a parser that read it
            // differently, so no endpoint ever sees a body above its own limit.
            respond(
                errorResponse(413, "body_too_large"_ba,
                              u"the request body is %1 bytes; this endpoint accepts at most %2"_s
                                  .arg(httpRequest.body.size())
                                  .arg(limit)));
        } else {
            m_handler(httpRequest, std::move(respond));
        }
        return true;
    }

    void missingHandler(const QHttpServerRequest &request, QTcpSocket *socket) override
    {
        // Not reached: handleRequest answers every request. Kept correct all the same.
        ResponseFraming framing;
        framing.close = true;
        socket->write(
            encodeResponse(errorResponse(404, "unknown_endpoint"_ba,
                                         u"there is no endpoint %1"_s.arg(request.url().path())),
                           framing));
        socket->disconnectFromHost();
    }
};

HttpServerAdapter::HttpServerAdapter(Handler handler, BodyLimit bodyLimit,
                                     HttpServerOptions options)
    : HttpServerAdapter(AsyncHandler([handler = std::move(handler)](const HttpRequest &request,
                                                                    const Responder &respond) {
                            respond(handler(request));
                        }),
                        std::move(bodyLimit), options)
{}

HttpServerAdapter::HttpServerAdapter(AsyncHandler handler, BodyLimit bodyLimit,
                                     HttpServerOptions options)
    : m_server(std::make_unique<Server>(std::move(handler), std::move(bodyLimit), options))
{}

HttpServerAdapter::~HttpServerAdapter() = default;

Status HttpServerAdapter::useTls(const QString &certificateFile, const QString &keyFile)
{
    if (m_server->m_tcp) {
        return Error(ErrorCode::Internal,
                     u"TLS must be set up before the server starts listening"_s);
    }
    Result<QSslConfiguration> configuration = loadTlsConfiguration(certificateFile, keyFile);
    if (!configuration)
        return configuration.error();
    m_server->m_tls = std::move(configuration).value();
    return {};
}

Result<quint16> HttpServerAdapter::listen(const QHostAddress &address, quint16 port)
{
    if (m_server->m_tcp) {
        return Error(ErrorCode::Internal,
                     u"the server already listens on port %1"_s.arg(m_server->m_tcp->serverPort()));
    }
    GatedServerConfig config;
    config.maxHeaderBytes = m_server->m_options.maxHeaderBytes;
    config.bodyLimit = m_server->m_bodyLimit;
    config.timeouts.idleMs = m_server->m_options.idleTimeoutMs;
    config.timeouts.headMs = m_server->m_options.headTimeoutMs;
    config.timeouts.lingerMs = m_server->m_options.lingerTimeoutMs;
    config.maxConnections = m_server->m_options.maxConnections;
    config.tls = m_server->m_tls;

    auto tcp = std::make_unique<GatedTcpServer>(std::move(config));
    if (!tcp->listen(address, port)) {
        return Error(ErrorCode::InvalidInput,
                     u"cannot listen on %1 port %2: %3"_s.arg(address.toString())
                         .arg(port)
                         .arg(tcp->errorString()));
    }
    const quint16 bound = tcp->serverPort();
    m_server->m_tcp = tcp.release();
    m_server->bind(m_server->m_tcp);
    qCInfo(lcServerHttp).noquote() << "listening on" << address.toString() << "port" << bound
                                   << (m_server->m_tls ? "(HTTPS)" : "(plain HTTP)");
    return bound;
}

bool HttpServerAdapter::isListening() const
{
    return m_server->m_tcp && m_server->m_tcp->isListening();
}

bool HttpServerAdapter::isTls() const
{
    return m_server->m_tls.has_value();
}

int HttpServerAdapter::openConnections() const
{
    return m_server->m_tcp ? m_server->m_tcp->openConnections() : 0;
}

} // namespace outward::server
