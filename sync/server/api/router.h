#pragma once

#include "sync/protocol/httpmessage.h"

#include <QByteArrayList>
#include <QList>
#include <QString>
#include <QStringList>

#include <functional>

namespace outward::server {

// Maps method and path to a handler. Patterns are literal segments and `{name}` placeholders
// ("/v1/devices/{id}"). Knowing every method a path answers lets the API say 405 with an Allow
// header instead of Qt HTTP Server 6.4's 404 for a wrong method.
class Router
{
public:
    using Handler = std::function<HttpResponse(const HttpRequest &, const QStringList &params)>;

    void add(const QByteArray &method, const QString &pattern, Handler handler);

    struct Match
    {
        const Handler *handler = nullptr; // null: no route for this method
        QStringList params;               // the placeholders' values, in pattern order
        bool pathKnown = false;           // some method answers this path
        QByteArrayList allowed;           // the methods that do, for a 405's Allow header
        // The pattern the path matched ("/v1/link/offers/{mailbox_id}"), also for a 405: what
        // a log line names, since a path parameter can be a capability.
        QString pattern;
    };
    Match match(const QByteArray &method, const QString &path) const;

private:
    struct Route
    {
        QByteArray method;
        QString pattern;
        QStringList segments;
        Handler handler;
    };
    static bool segmentsMatch(const QStringList &pattern, const QStringList &path,
                              QStringList *params);

    QList<Route> m_routes;
};

} // namespace outward::server
