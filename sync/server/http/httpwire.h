#pragma once

#include "sync/protocol/httpmessage.h"

#include <QByteArray>
#include <QString>

namespace outward::server {

// The JSON error body of docs/protocol.md section 2:
// {"error":{"code":...,"message":...,"field":...}}. The HTTP layer answers a few errors itself
// (411, 413, 431, 400 for broken framing) before the API sees a request.
QByteArray errorBody(const QByteArray &code, const QString &message, const QString &field = {});
HttpResponse errorResponse(int status, const QByteArray &code, const QString &message);

// "Not Found" for 404; "Status" for codes this server never sends.
QByteArray reasonPhrase(int status);

struct ResponseFraming
{
    bool headRequest = false;     // HEAD: the headers of the response, never its body
    bool close = false;           // the connection ends after this response
    bool http10KeepAlive = false; // an HTTP/1.0 client asked to keep the connection
};

// The response as bytes on the wire. The adapter owns framing: Content-Length (absent for 1xx,
// 204 and 304, which have no body), Connection and Transfer-Encoding from the handler are
// ignored; Content-Type is application/json unless the handler set one or the body is empty;
// Cache-Control: no-store unless the handler set it (protocol.md section 1). A header whose name
// or value could split the response (CR, LF, NUL, or a name with a space or colon) is dropped.
QByteArray encodeResponse(const HttpResponse &response, const ResponseFraming &framing);

} // namespace outward::server
