#include "sync/server/api/router.h"

namespace outward::server {

void Router::add(const QByteArray &method, const QString &pattern, Handler handler)
{
    m_routes.append({method, pattern, pattern.split(u'/'), std::move(handler)});
}

bool Router::segmentsMatch(const QStringList &pattern, const QStringList &path, QStringList *params)
{
    if (pattern.size() != path.size())
        return false;
    QStringList values;
    for (qsizetype i = 0; i < pattern.size(); ++i) {
        const QString &expected = pattern.at(i);
        if (expected.startsWith(u'{') && expected.endsWith(u'}')) {
            if (path.at(i).isEmpty())
                return false;
            values.append(path.at(i));
        } else if (expected != path.at(i)) {
            return false;
        }
    }
    *params = values;
    return true;
}

Router::Match Router::match(const QByteArray &method, const QString &path) const
{
    Match result;
    const QStringList segments = path.split(u'/');
    for (const Route &route : m_routes) {
        QStringList params;
        if (!segmentsMatch(route.segments, segments, &params))
            continue;
        if (!result.pathKnown)
            result.pattern = route.pattern;
        result.pathKnown = true;
        if (!result.allowed.contains(route.method))
            result.allowed.append(route.method);
        if (route.method == method && result.handler == nullptr) {
            result.handler = &route.handler;
            result.params = params;
        }
    }
    return result;
}

} // namespace outward::server
