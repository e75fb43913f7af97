#include "sync/server/http/httpwire.h"

#include "sync/server/http/logging.h"

#include <QJsonDocument>
#include <QJsonObject>

using namespace Qt::StringLiterals;

namespace outward::server {

namespace {

bool bodyForbidden(int status)
{
    return (status >= 100 && status < 200) || status == 204 || status == 304;
}

bool safeHeaderName(const QByteArray &name)
{
    if (name.isEmpty())
        return false;
    for (char c : name) {
        const auto u = static_cast<unsigned char>(c);
        if (u <= 0x20 || u >= 0x7f || c == ':')
            return false;
    }
    return true;
}

bool safeHeaderValue(const QByteArray &value)
{
    for (char c : value) {
        if (c == '\r' || c == '\n' || c == '\0')
            return false;
    }
    return true;
}

} // namespace

QByteArray errorBody(const QByteArray &code, const QString &message, const QString &field)
{
    QJsonObject error;
    error.insert("code"_L1, QString::fromLatin1(code));
    error.insert("message"_L1, message);
    error.insert("field"_L1, field);
    QJsonObject root;
    root.insert("error"_L1, error);
    return QJsonDocument(root).toJson(QJsonDocument::Compact);
}

HttpResponse errorResponse(int status, const QByteArray &code, const QString &message)
{
    HttpResponse response;
    response.status = status;
    response.body = errorBody(code, message);
    return response;
}

QByteArray reasonPhrase(int status)
{
    switch (status) {
    case 100:
        return "Continue"_ba;
    case 200:
        return "OK"_ba;
    case 201:
        return "Created"_ba;
    case 202:
        return "Accepted"_ba;
    case 204:
        return "No Content"_ba;
    case 304:
        return "Not Modified"_ba;
    case 400:
        return "Bad Request"_ba;
    case 401:
        return "Unauthorized"_ba;
    case 403:
        return "Forbidden"_ba;
    case 404:
        return "Not Found"_ba;
    case 405:
        return "Method Not Allowed"_ba;
    case 408:
        return "Request Timeout"_ba;
    case 409:
        return "Conflict"_ba;
    case 410:
        return "Gone"_ba;
    case 411:
        return "Length Required"_ba;
    case 413:
        return "Content Too Large"_ba;
    case 415:
        return "Unsupported Media Type"_ba;
    case 422:
        return "Unprocessable Content"_ba;
    case 429:
        return "Too Many Requests"_ba;
    case 431:
        return "Request Header Fields Too Large"_ba;
    case 500:
        return "Internal Server Error"_ba;
    case 503:
        return "Service Unavailable"_ba;
    default:
        return "Status"_ba;
    }
}

QByteArray encodeResponse(const HttpResponse &response, const ResponseFraming &framing)
{
    const bool noBody = bodyForbidden(response.status);
    QByteArray out;
    out.reserve(256 + (noBody || framing.headRequest ? 0 : response.body.size()));
    out += "HTTP/1.1 "_ba + QByteArray::number(response.status) + ' ' +
           reasonPhrase(response.status) + "\r\n"_ba;

    bool haveContentType = false;
    bool haveCacheControl = false;
    for (const auto &[name, value] : response.headers) {
        const QByteArray lower = name.toLower();
        if (lower == "content-length" || lower == "connection" || lower == "transfer-encoding")
            continue;
        if (!safeHeaderName(name) || !safeHeaderValue(value)) {
            qCWarning(lcServerHttp)
                << "dropped a response header that would break the framing:" << name.left(64);
            continue;
        }
        if (lower == "content-type") {
            if (noBody || response.body.isEmpty())
                continue;
            haveContentType = true;
        }
        if (lower == "cache-control")
            haveCacheControl = true;
        out += name + ": "_ba + value + "\r\n"_ba;
    }
    if (!noBody && !response.body.isEmpty() && !haveContentType)
        out += "Content-Type: application/json\r\n"_ba;
    if (!haveCacheControl)
        out += "Cache-Control: no-store\r\n"_ba;
    if (!noBody)
        out += "Content-Length: "_ba + QByteArray::number(response.body.size()) + "\r\n"_ba;
    if (framing.close)
        out += "Connection: close\r\n"_ba;
    else if (framing.http10KeepAlive)
        out += "Connection: keep-alive\r\n"_ba;
    out += "\r\n"_ba;
    if (!noBody && !framing.headRequest)
        out += response.body;
    return out;
}

} // namespace outward::server
