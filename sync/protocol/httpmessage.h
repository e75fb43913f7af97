#pragma once

#include <QByteArray>
#include <QList>
#include <QPair>
#include <QString>
#include <QUrlQuery>

namespace outward {

// One HTTP request as the API sees it, without a socket: the server's HTTP adapter builds it
// from the wire, the client's transport sends it, and unit tests pass it straight to the API.
struct HttpRequest
{
    QByteArray method; // "GET", "POST", "DELETE", upper case
    QString path;      // decoded path without the query, e.g. "/v1/records"
    QUrlQuery query;
    QList<QPair<QByteArray, QByteArray>> headers; // names in lower case
    QByteArray body;
    QString peer; // the TCP peer's address (server side); empty on the client

    // The first header with this lower-case name, or an empty array.
    QByteArray header(const QByteArray &lowerCaseName) const
    {
        for (const auto &entry : headers) {
            if (entry.first == lowerCaseName)
                return entry.second;
        }
        return {};
    }
};

struct HttpResponse
{
    int status = 200;
    QList<QPair<QByteArray, QByteArray>> headers; // besides Content-Type and Content-Length
    QByteArray body;                              // JSON, or empty (204)

    QByteArray header(const QByteArray &lowerCaseName) const
    {
        for (const auto &entry : headers) {
            if (entry.first.toLower() == lowerCaseName)
                return entry.second;
        }
        return {};
    }
};

} // namespace outward
