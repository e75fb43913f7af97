#pragma once

#include "core/model/clock.h"
#include "sync/protocol/apierror.h"
#include "sync/protocol/httpmessage.h"
#include "sync/server/api/pushchecks.h"
#include "sync/server/api/router.h"
#include "sync/server/http/ratelimiter.h"
#include "sync/server/storage/serverstore.h"

#include <QHash>
#include <QJsonObject>
#include <QLoggingCategory>
#include <QSet>
#include <QThreadPool>

#include <functional>
#include <memory>

namespace outward::server {

Q_DECLARE_LOGGING_CATEGORY(lcApi)

struct ServerApiOptions
{
    QString serverVersion = QStringLiteral("0.1.0");
    // Peers whose X-Forwarded-For is believed (`serve --trusted-proxy`), for per-IP limits.
    QSet<QString> trustedProxies;
    qint64 tokenLifetimeMs = 60 * 60 * 1000;     // protocol.md 9.2
    qint64 challengeLifetimeMs = 60 * 1000;      // protocol.md 9.1
    qint64 claimLifetimeMs = 10 * 60 * 1000;     // protocol.md 14.3
    qint64 linkOfferLifetimeMs = 10 * 60 * 1000; // protocol.md 14.2
};

// The /v1 API of docs/protocol.md without sockets: one HttpRequest in, one HttpResponse out.
// The HTTP adapter feeds it from the network and unit tests call it directly. It validates
// every body, authenticates, authorises, rate-limits and talks to the store; it never sees a
// plaintext payload and never logs a body, a token, a code or a key.
class ServerApi
{
public:
    ServerApi(ServerStore &store, const Clock &clock, ServerApiOptions options = {});
    ~ServerApi();
    ServerApi(const ServerApi &) = delete;
    ServerApi &operator=(const ServerApi &) = delete;

    HttpResponse handle(const HttpRequest &request);

    using Respond = std::function<void(HttpResponse)>;
    // The same answers as handle(), but a push's database-free checks (JSON, envelopes,
    // signatures) run on worker threads, so the thread that owns the api (and the store) serves
    // other requests meanwhile. Call on that thread; `respond` is called there, at once or from
    // its event loop, exactly once unless the api is destroyed first.
    void handleAsync(const HttpRequest &request, Respond respond);

private:
    struct Caller
    {
        User user;
        Device device;
        Team team;
        qint64 tokenExpiresAt = 0;
    };
    using Reply = protocol::ApiResult<HttpResponse>;
    using Params = QStringList;

    void addRoute(const QByteArray &method, const QString &pattern,
                  Reply (ServerApi::*handler)(const HttpRequest &, const Params &));
    // handle() once the route is matched (handleAsync matches it first, to pick pushes out).
    HttpResponse handleMatched(const HttpRequest &request, const Router::Match &match);
    HttpResponse toResponse(Reply reply, const QString &pattern, quint64 requestId) const;
    void logAnswer(quint64 requestId, const QByteArray &method, const QString &route, int status,
                   qint64 elapsedMs) const;

    // A push in three steps: the caller and their team (this thread), checkPush (any thread),
    // the store (this thread).
    struct PushStart
    {
        Caller caller;
        QList<User> members;
        qint64 now = 0;
    };
    protocol::ApiResult<PushStart> beginPush(const HttpRequest &request);
    // The team's users (revoked ones included), read again only when its directory version moved
    // (Team::directoryVersion): every push needs them, and reading 20 users with their keys was a
    // fifteenth of a small push's time on the event loop.
    protocol::ApiResult<QList<User>> teamMembers(const Team &team);
    Reply finishPush(const PushStart &start, CheckedPush checked);
    // Pushes whose checks are done wait here until the event loop gets to them; those that
    // arrived meanwhile go to the store together (ServerStore::writeTogether: one commit and
    // one sync for all), and are answered after that commit.
    struct ReadyPush
    {
        PushStart start;
        protocol::ApiResult<CheckedPush> checked;
        std::function<void(Reply)> answer;
    };
    void pushChecked(ReadyPush ready);
    void storeReadyPushes();

    // Shared steps of the endpoints.
    protocol::ApiResult<QJsonObject> jsonBody(const HttpRequest &request) const;
    protocol::ApiResult<Caller> authenticate(const HttpRequest &request);
    protocol::ApiStatus limit(const QString &key, const RateLimit &rate);
    QString clientAddress(const HttpRequest &request) const;
    protocol::ApiResult<ServerSettings> settings();
    protocol::ApiResult<QJsonObject> directoryJson(const Team &team);
    protocol::ApiResult<QString> keyInUseField(const User &user, const Device &device);
    protocol::ApiResult<HttpResponse> enrolmentResponse(const User &user, const Device &device,
                                                        const Team &team, int status);

    Reply health(const HttpRequest &, const Params &);
    Reply enroll(const HttpRequest &, const Params &);
    Reply challenge(const HttpRequest &, const Params &);
    Reply token(const HttpRequest &, const Params &);
    Reply me(const HttpRequest &, const Params &);
    Reply directory(const HttpRequest &, const Params &);
    Reply push(const HttpRequest &, const Params &);
    Reply pull(const HttpRequest &, const Params &);
    Reply listDevices(const HttpRequest &, const Params &);
    Reply revokeDevice(const HttpRequest &, const Params &);
    Reply registerDevice(const HttpRequest &, const Params &);
    Reply createLinkOffer(const HttpRequest &, const Params &);
    Reply linkOfferStatus(const HttpRequest &, const Params &);
    Reply cancelLinkOffer(const HttpRequest &, const Params &);
    Reply claimLink(const HttpRequest &, const Params &);
    Reply claimRecovery(const HttpRequest &, const Params &);

    protocol::ApiResult<QByteArray> mailboxIdFromPath(const QString &text) const;

    ServerStore &m_store;
    const Clock &m_clock;
    ServerApiOptions m_options;
    Router m_router;
    RateLimiter m_limiter;
    quint64 m_requestCounter = 0;
    struct TeamMembers
    {
        qint64 directoryVersion = 0;
        QList<User> users;
    };
    QHash<QString, TeamMembers> m_teamMembers; // by team id
    // Pushes checked on m_workers continue on this object's thread. m_workers is declared last so
    // it is destroyed first: it waits for running checks, whose continuations then die with
    // m_home unrun.
    QList<ReadyPush> m_readyPushes;
    bool m_storeQueued = false;
    std::unique_ptr<QObject> m_home;
    std::unique_ptr<QThreadPool> m_workers;
};

} // namespace outward::server
