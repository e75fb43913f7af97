#include "sync/server/api/serverapi.h"

#include "sync/protocol/signedmessages.h"
#include "sync/protocol/strictjson.h"
#include "sync/protocol/timetext.h"
#include "sync/server/api/apisupport.h"

#include <QElapsedTimer>
#include <QJsonDocument>

using namespace Qt::StringLiterals;

namespace outward::server {

Q_LOGGING_CATEGORY(lcApi, "outward.server.api")

using protocol::ApiError;

ApiError storeFailure(const Error &error)
{
    qCWarning(lcApi).noquote() << "store failure:" << errorCodeName(error.code())
                               << error.message();
    if (error.code() == ErrorCode::Storage)
        return ApiError::unavailable(u"the database is busy or unavailable"_s, 5);
    return ApiError::internal(u"store"_s);
}

ServerApi::ServerApi(ServerStore &store, const Clock &clock, ServerApiOptions options)
    : m_store(store)
    , m_clock(clock)
    , m_options(std::move(options))
    , m_limiter([&clock] { return clock.nowMs(); })
{
    addRoute("GET"_ba, u"/v1/health"_s, &ServerApi::health);
    addRoute("POST"_ba, u"/v1/enroll"_s, &ServerApi::enroll);
    addRoute("POST"_ba, u"/v1/auth/challenge"_s, &ServerApi::challenge);
    addRoute("POST"_ba, u"/v1/auth/token"_s, &ServerApi::token);
    addRoute("GET"_ba, u"/v1/me"_s, &ServerApi::me);
    addRoute("GET"_ba, u"/v1/directory"_s, &ServerApi::directory);
    addRoute("POST"_ba, u"/v1/records"_s, &ServerApi::push);
    addRoute("GET"_ba, u"/v1/records"_s, &ServerApi::pull);
    addRoute("GET"_ba, u"/v1/devices"_s, &ServerApi::listDevices);
    addRoute("POST"_ba, u"/v1/devices"_s, &ServerApi::registerDevice);
    addRoute("DELETE"_ba, u"/v1/devices/{device_id}"_s, &ServerApi::revokeDevice);
    addRoute("POST"_ba, u"/v1/link/offers"_s, &ServerApi::createLinkOffer);
    addRoute("GET"_ba, u"/v1/link/offers/{mailbox_id}"_s, &ServerApi::linkOfferStatus);
    addRoute("DELETE"_ba, u"/v1/link/offers/{mailbox_id}"_s, &ServerApi::cancelLinkOffer);
    addRoute("POST"_ba, u"/v1/link/claim"_s, &ServerApi::claimLink);
    addRoute("POST"_ba, u"/v1/recovery/claim"_s, &ServerApi::claimRecovery);
}

void ServerApi::addRoute(const QByteArray &method, const QString &pattern,
                         Reply (ServerApi::*handler)(const HttpRequest &, const Params &))
{
    m_router.add(method, pattern,
                 [this, handler, pattern](const HttpRequest &request, const Params &params) {
                     Reply reply = (this->*handler)(request, params);
                     if (reply.ok())
                         return std::move(reply).value();
                     if (reply.error().httpStatus != 500)
                         return protocol::toHttpResponse(reply.error());
                     // The client gets the request id to quote; the log line with the same id
                     // says which step failed (protocol.md 2.1, `internal`).
                     const QString requestId = u"#%1"_s.arg(m_requestCounter);
                     qCWarning(lcApi).noquote() << requestId << "internal error in" << pattern
                                                << "-" << reply.error().message;
                     return protocol::toHttpResponse(ApiError::internal(requestId));
                 });
}

HttpResponse ServerApi::handle(const HttpRequest &request)
{
    QElapsedTimer timer;
    timer.start();
    const quint64 requestId = ++m_requestCounter;
    const Router::Match match = m_router.match(request.method, request.path);
    HttpResponse response;
    if (match.handler != nullptr) {
        response = (*match.handler)(request, match.params);
    } else if (match.pathKnown) {
        response =
            protocol::toHttpResponse(ApiError::methodNotAllowed(request.method, match.allowed));
    } else {
        response = protocol::toHttpResponse(ApiError::unknownEndpoint(request.path));
    }
    // Paths can hold a link mailbox id, which is a capability: log the route's pattern, never
    // the path, also for a 405 on such a path.
    const QString route = match.pathKnown ? match.pattern : u"(unknown path)"_s;
    // One arg() call, so a '%' in the method cannot take another placeholder's value.
    qCInfo(lcApi).noquote() << u"#%1 %2 %3 -> %4 (%5 ms)"_s.arg(
        QString::number(requestId), QString::fromLatin1(request.method), route,
        QString::number(response.status), QString::number(timer.elapsed()));
    return response;
}

protocol::ApiResult<QJsonObject> ServerApi::jsonBody(const HttpRequest &request) const
{
    const QByteArray contentType = request.header("content-type"_ba);
    const QByteArray mediaType = contentType.split(';').first().trimmed().toLower();
    if (mediaType != "application/json"_ba)
        return ApiError::unsupportedMediaType(contentType);
    return protocol::parseStrictObject(request.body);
}

QString ServerApi::clientAddress(const HttpRequest &request) const
{
    if (!m_options.trustedProxies.contains(request.peer))
        return request.peer;
    // The last address that is not one of our proxies is the client as far as we can tell.
    const QList<QByteArray> hops = request.header("x-forwarded-for"_ba).split(',');
    for (qsizetype i = hops.size() - 1; i >= 0; --i) {
        const QString hop = QString::fromLatin1(hops.at(i).trimmed());
        if (!hop.isEmpty() && !m_options.trustedProxies.contains(hop))
            return hop;
    }
    return request.peer;
}

protocol::ApiStatus ServerApi::limit(const QString &key, const RateLimit &rate)
{
    const RateLimiter::Decision decision = m_limiter.take(key, rate);
    if (!decision.allowed)
        return ApiError::rateLimited(decision.retryAfterSeconds);
    return {};
}

protocol::ApiResult<ServerSettings> ServerApi::settings()
{
    OW_TRY(settings, fromStore(m_store.settings()));
    // 503 carries Retry-After like every 503 (protocol.md 2); an admin has to act first.
    if (!settings.has_value())
        return ApiError::unavailable(
            u"the server has not been initialised: run outward-server init"_s, 60);
    return *settings;
}

protocol::ApiResult<ServerApi::Caller> ServerApi::authenticate(const HttpRequest &request)
{
    const QByteArray authorization = request.header("authorization"_ba);
    if (authorization.isEmpty())
        return ApiError::unauthenticated(u"no Authorization header: send \"Bearer <token>\""_s);
    // RFC 9110 11.1: the scheme name is case-insensitive.
    if (authorization.size() < 7 || authorization.left(7).toLower() != "bearer "_ba)
        return ApiError::unauthenticated(u"the Authorization header is not \"Bearer <token>\""_s);
    const QString token = QString::fromLatin1(authorization.mid(7).trimmed());
    if (!protocol::signing::isWellFormedToken(token, protocol::signing::kTokenPrefix))
        return ApiError::unauthenticated(u"this is not a token this server issued"_s);
    OW_TRY(hash, fromStore(protocol::signing::tokenHash(token)));
    OW_TRY(stored, fromStore(m_store.findToken(hash)));
    if (!stored.has_value())
        return ApiError::unauthenticated(u"unknown token: authenticate again"_s);
    const qint64 now = m_clock.nowMs();
    if (now >= stored->expiresAt)
        return ApiError::tokenExpired();
    OW_TRY(device, fromStore(m_store.findDevice(stored->deviceId)));
    if (!device.has_value())
        return ApiError::unauthenticated(u"unknown token: authenticate again"_s);
    if (device->isRevoked())
        return ApiError::deviceRevoked();
    OW_TRY(user, fromStore(m_store.findUser(stored->userId)));
    if (!user.has_value())
        return ApiError::unauthenticated(u"unknown token: authenticate again"_s);
    if (user->isRevoked())
        return ApiError::userRevoked();
    OW_CHECK(limit(u"device:"_s + device->id, {600, 60 * 1000}));
    OW_TRY(team, fromStore(m_store.findTeam(user->teamId)));
    if (!team.has_value())
        return ApiError::internal(u"team"_s);
    OW_CHECK(fromStore(m_store.touchDevice(device->id, now)));
    return Caller{*user, *device, *team, stored->expiresAt};
}

} // namespace outward::server
