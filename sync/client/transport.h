#pragma once

#include "sync/protocol/httpmessage.h"

#include <QObject>
#include <QPointer>
#include <QString>
#include <QUrl>

#include <functional>
#include <optional>

namespace outward::sync {

// What came back for one request: an HTTP response of any status, or no response at all.
struct TransportReply
{
    std::optional<HttpResponse> response;
    QString networkError; // set when there is no response: DNS, TLS, timeout, reset, ...

    static TransportReply fromResponse(HttpResponse response) { return {std::move(response), {}}; }
    static TransportReply failure(QString error) { return {std::nullopt, std::move(error)}; }
};

// How the engine talks to a server. Injected, so unit tests run on a fake without sockets and
// the lead's tests can route requests into the server's API in the same process.
class Transport
{
public:
    using Callback = std::function<void(TransportReply)>;

    virtual ~Transport() = default;

    // Sends `request` to baseUrl + request.path (+ request.query). Calls `callback` exactly once
    // and always later, from the event loop, never from inside send(). The callback is dropped
    // if `context` is destroyed first.
    virtual void send(const QUrl &baseUrl, const HttpRequest &request, QObject *context,
                      Callback callback) = 0;
};

} // namespace outward::sync
