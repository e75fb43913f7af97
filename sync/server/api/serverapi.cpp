#include "sync/server/api/serverapi.h"

#include "sync/protocol/signedmessages.h"
#include "sync/protocol/strictjson.h"
#include "sync/protocol/timetext.h"
#include "sync/server/api/apisupport.h"
#include "sync/server/api/workerpriority.h"

#include <QElapsedTimer>
#include <QJsonDocument>
#include <QMetaObject>
#include <QThread>

#include <utility>

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
    , m_home(std::make_unique<QObject>())
    , m_workers(std::make_unique<QThreadPool>())
{
    // As many as there are cores: the checks are CPU work (mostly Ed25519 verification).
    m_workers->setMaxThreadCount(std::max(1, QThread::idealThreadCount()));
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
                     return toResponse((this->*handler)(request, params), pattern,
                                       m_requestCounter);
                 });
}

ServerApi::~ServerApi() = default;

HttpResponse ServerApi::toResponse(Reply reply, const QString &pattern, quint64 requestId) const
{
    if (reply.ok())
        return std::move(reply).value();
    if (reply.error().httpStatus != 500)
        return protocol::toHttpResponse(reply.error());
    // The client gets the request id to quote; the log line with the same id says which step
    // failed (protocol.md 2.1, `internal`).
    const QString id = u"#%1"_s.arg(requestId);
    qCWarning(lcApi).noquote() << id << "internal error in" << pattern << "-"
                               << reply.error().message;
    return protocol::toHttpResponse(ApiError::internal(id));
}

void ServerApi::logAnswer(quint64 requestId, const QByteArray &method, const QString &route,
                          int status, qint64 elapsedMs) const
{
    // One arg() call, so a '%' in the method cannot take another placeholder's value.
    qCInfo(lcApi).noquote() << u"#%1 %2 %3 -> %4 (%5 ms)"_s.arg(
        QString::number(requestId), QString::fromLatin1(method), route, QString::number(status),
        QString::number(elapsedMs));
}

HttpResponse ServerApi::handle(const HttpRequest &request)
{
    return handleMatched(request, m_router.match(request.method, request.path));
}

HttpResponse ServerApi::handleMatched(const HttpRequest &request, const Router::Match &match)
{
    QElapsedTimer timer;
    timer.start();
    const quint64 requestId = ++m_requestCounter;
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
    logAnswer(requestId, request.method, route, response.status, timer.elapsed());
    return response;
}

void ServerApi::handleAsync(const HttpRequest &request, Respond respond)
{
    const Router::Match match = m_router.match(request.method, request.path);
    const QString route = u"/v1/records"_s;
    if (match.handler == nullptr || match.pattern != route || request.method != "POST"_ba) {
        respond(handleMatched(request, match));
        return;
    }
    QElapsedTimer timer;
    timer.start();
    const quint64 requestId = ++m_requestCounter;
    auto answer = [this, timer, requestId, route, respond = std::move(respond)](Reply reply) {
        const HttpResponse response = toResponse(std::move(reply), route, requestId);
        logAnswer(requestId, "POST"_ba, route, response.status, timer.elapsed());
        respond(response);
    };
    auto started = beginPush(request);
    if (!started.ok()) {
        answer(started.error());
        return;
    }
    m_workers->start([this, body = request.body, start = std::move(started).value(),
                      answer = std::move(answer)]() mutable {
        lowerThisWorkersPriority();
        auto checked = checkPush(body, start.caller.user, start.members, start.now);
        QMetaObject::invokeMethod(
            m_home.get(),
            [this,
             ready = ReadyPush{std::move(start), std::move(checked), std::move(answer)}]() mutable {
                pushChecked(std::move(ready));
            },
            Qt::QueuedConnection);
    });
}

void ServerApi::pushChecked(ReadyPush ready)
{
    m_readyPushes.append(std::move(ready));
    if (m_storeQueued)
        return;
    // Behind the pushes already queued to this thread, so they join this group.
    m_storeQueued = true;
    QMetaObject::invokeMethod(
        m_home.get(), [this] { storeReadyPushes(); }, Qt::QueuedConnection);
}

void ServerApi::storeReadyPushes()
{
    m_storeQueued = false;
    QList<ReadyPush> ready = std::exchange(m_readyPushes, {});
    QList<Reply> replies;
    replies.reserve(ready.size());
    const Status together = m_store.writeTogether([&] {
        for (ReadyPush &push : ready) {
            if (push.checked.ok())
                replies.append(finishPush(push.start, std::move(push.checked).value()));
            else
                replies.append(push.checked.error());
        }
    });
    for (qsizetype i = 0; i < ready.size(); ++i) {
        // A failed commit kept none of the stored versions: no answer may say otherwise.
        if (!together.ok() && replies.at(i).ok())
            ready[i].answer(storeFailure(together.error()));
        else
            ready[i].answer(std::move(replies[i]));
    }
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
