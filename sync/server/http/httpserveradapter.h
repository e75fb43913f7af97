#pragma once

#include "core/common/result.h"
#include "sync/protocol/httpmessage.h"
#include "sync/server/http/requestgate.h"

#include <QHostAddress>

#include <functional>
#include <memory>

namespace outward::server {

struct HttpServerOptions
{
    qint64 maxHeaderBytes = 16 * 1024; // request line + headers (protocol.md 3.1): else 431
    int maxConnections = 1024;         // beyond it new connections are closed at once
    int idleTimeoutMs = 60'000;        // a connection with no byte in either direction closes
    int headTimeoutMs = 30'000;        // TLS handshake, then each request head, must take less
    int lingerTimeoutMs = 5'000;       // after a refusal, the unwanted body is read for this long
};

// The server's HTTP front: Qt HTTP Server (behind this class only, since its API changed across
// 6.4-6.8) with a request gate in front of its parser. Each request is converted into an
// HttpRequest and given to ONE handler, whose HttpResponse is written back with Content-Type:
// application/json (unless the body is empty), Cache-Control: no-store and Content-Length.
// Routing, 404 and 405 are the handler's job.
//
// Answered here without calling the handler (JSON error body, Connection: close, the body is
// never buffered): 431 headers_too_large, 411 length_required (no Content-Length on POST, PUT,
// PATCH, or any Transfer-Encoding), 413 body_too_large (Content-Length above
// bodyLimit(method, path)), 400 bad_request (a head this server cannot frame safely).
//
// The handler runs on the thread that owns the adapter. An AsyncHandler may answer later (work
// on other threads, then `respond` back on the adapter's thread), so several requests can be in
// the works at once; each connection's answers are still written in the order of its requests
// (AnswerQueue), a gate refusal after them.
class HttpServerAdapter
{
public:
    using Handler = std::function<HttpResponse(const HttpRequest &)>;
    // Call exactly once, on the adapter's thread; after the connection closed it does nothing.
    using Responder = std::function<void(HttpResponse)>;
    using AsyncHandler = std::function<void(const HttpRequest &, Responder)>;

    HttpServerAdapter(Handler handler, BodyLimit bodyLimit, HttpServerOptions options = {});
    HttpServerAdapter(AsyncHandler handler, BodyLimit bodyLimit, HttpServerOptions options = {});
    ~HttpServerAdapter();
    HttpServerAdapter(const HttpServerAdapter &) = delete;
    HttpServerAdapter &operator=(const HttpServerAdapter &) = delete;

    // Serve HTTPS from PEM files (see tlsfiles.h); call before listen().
    [[nodiscard]] Status useTls(const QString &certificateFile, const QString &keyFile);

    // Starts listening; port 0 picks a free port. Returns the port it listens on.
    [[nodiscard]] Result<quint16> listen(const QHostAddress &address, quint16 port);

    bool isListening() const;
    bool isTls() const;
    int openConnections() const;

private:
    class Server;
    std::unique_ptr<Server> m_server;
};

} // namespace outward::server
