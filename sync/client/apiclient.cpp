#include "sync/client/apiclient.h"

#include "sync/client/logging.h"
#include "sync/protocol/base64url.h"
#include "sync/protocol/pullpagepeek.h"

#include <QFutureWatcher>
#include <QJsonDocument>
#include <QtConcurrent/QtConcurrentRun>

using namespace Qt::StringLiterals;

namespace outward::sync {

namespace {

HttpRequest jsonRequest(const QByteArray &method, const QString &path, const QJsonObject &body)
{
    HttpRequest request;
    request.method = method;
    request.path = path;
    request.headers.append({"content-type"_ba, "application/json"_ba});
    request.body = QJsonDocument(body).toJson(QJsonDocument::Compact);
    return request;
}

HttpRequest getRequest(const QString &path, const QUrlQuery &query = {})
{
    HttpRequest request;
    request.method = "GET"_ba;
    request.path = path;
    request.query = query;
    return request;
}

} // namespace

namespace {

// A 2xx body as the JSON object every answer of the protocol is.
CallResult<QJsonObject> jsonObjectOf(const HttpResponse &response)
{
    if (response.body.isEmpty())
        return QJsonObject{};
    QJsonParseError parseError{};
    const QJsonDocument document = QJsonDocument::fromJson(response.body, &parseError);
    if (parseError.error != QJsonParseError::NoError || !document.isObject()) {
        return CallError::badResponse(
            u"the server answered %1 with a body that is not a JSON object; is the address "
            "that of an Outward server?"_s.arg(response.status));
    }
    return document.object();
}

// The JSON object as the protocol struct T, or why it is not one.
template<typename T>
CallResult<T> typedAnswer(const char *what, CallResult<QJsonObject> result)
{
    if (!result)
        return result.error();
    protocol::ApiResult<T> parsed = T::fromJson(result.value());
    if (!parsed) {
        return CallError::badResponse(u"the server's answer to %1 does not follow the protocol "
                                      "(%2: %3); is this an Outward server of a compatible "
                                      "version?"_s.arg(QLatin1StringView(what),
                                                       parsed.error().field,
                                                       parsed.error().message));
    }
    return std::move(parsed).value();
}

} // namespace

template<typename T>
std::function<void(CallResult<QJsonObject>)> ApiClient::parseInto(const char *what,
                                                                  CallCallback<T> done)
{
    return [what, done = std::move(done)](CallResult<QJsonObject> result) {
        done(typedAnswer<T>(what, std::move(result)));
    };
}

ApiClient::ApiClient(Transport &transport, const Clock &clock, QObject *parent)
    : QObject(parent)
    , m_transport(transport)
    , m_clock(clock)
{}

void ApiClient::setCredentials(const QString &deviceId, ChallengeSigner signer)
{
    if (deviceId != m_deviceId)
        dropToken();
    m_deviceId = deviceId;
    m_signer = std::move(signer);
}

void ApiClient::dropToken()
{
    m_token.fill('\0');
    m_token.clear();
    m_session.reset();
    ++m_tokenGeneration;
}

bool ApiClient::hasUsableToken() const
{
    return !m_token.isEmpty() && m_session &&
           m_session->expiresAt.toMSecsSinceEpoch() - kTokenRenewMarginMs > m_clock.nowMs();
}

void ApiClient::sendRaw(HttpRequest request, ResponseCallback done)
{
    m_transport.send(m_baseUrl, request, this, [done = std::move(done)](TransportReply reply) {
        if (!reply.response) {
            done(CallError::network(reply.networkError));
            return;
        }
        HttpResponse &response = *reply.response;
        if (response.status < 200 || response.status > 299) {
            done(CallError::http(protocol::ApiError::fromResponse(response)));
            return;
        }
        done(std::move(response));
    });
}

ApiClient::ResponseCallback ApiClient::asJson(JsonCallback done)
{
    return [done = std::move(done)](CallResult<HttpResponse> response) {
        if (!response)
            return done(response.error());
        done(jsonObjectOf(response.value()));
    };
}

void ApiClient::send(HttpRequest request, JsonCallback done)
{
    sendRaw(std::move(request), asJson(std::move(done)));
}

void ApiClient::health(CallCallback<protocol::HealthResponse> done)
{
    send(getRequest(u"/v1/health"_s),
         parseInto<protocol::HealthResponse>("health", std::move(done)));
}

void ApiClient::enroll(const protocol::EnrollRequest &request,
                       CallCallback<protocol::EnrollResponse> done)
{
    send(jsonRequest("POST"_ba, u"/v1/enroll"_s, request.toJson()),
         parseInto<protocol::EnrollResponse>("enrolment", std::move(done)));
}

void ApiClient::authenticate(CallCallback<SessionInfo> done)
{
    m_authWaiters.append(std::move(done));
    if (m_authWaiters.size() > 1)
        return; // joins the authentication in flight
    dropToken();
    if (m_deviceId.isEmpty() || !m_signer) {
        finishAuthentication(CallError::local(
            Error(ErrorCode::Internal, u"this device has no device id or key to sign in with; "
                                       "enrol it first"_s)));
        return;
    }
    const quint64 generation = m_tokenGeneration;
    protocol::ChallengeRequest challengeRequest;
    challengeRequest.deviceId = m_deviceId;
    send(
        jsonRequest("POST"_ba, u"/v1/auth/challenge"_s, challengeRequest.toJson()),
        parseInto<protocol::ChallengeResponse>(
            "the challenge", [this, generation](CallResult<protocol::ChallengeResponse> challenge) {
                if (generation != m_tokenGeneration)
                    return finishAuthentication(
                        CallError::local(Error(ErrorCode::Locked, u"signing in was cancelled"_s)));
                if (!challenge)
                    return finishAuthentication(challenge.error());
                Result<QByteArray> signature = m_signer(challenge->challenge);
                if (!signature)
                    return finishAuthentication(CallError::local(
                        signature.error().withContext(u"signing the server's challenge"_s)));
                protocol::TokenRequest tokenRequest;
                tokenRequest.deviceId = m_deviceId;
                tokenRequest.challenge = challenge->challenge;
                tokenRequest.signature = signature.value();
                send(jsonRequest("POST"_ba, u"/v1/auth/token"_s, tokenRequest.toJson()),
                     parseInto<protocol::TokenResponse>(
                         "the token request",
                         [this, generation](CallResult<protocol::TokenResponse> token) {
                             if (generation != m_tokenGeneration)
                                 return finishAuthentication(CallError::local(
                                     Error(ErrorCode::Locked, u"signing in was cancelled"_s)));
                             if (!token)
                                 return finishAuthentication(token.error());
                             if (token->deviceId != m_deviceId)
                                 return finishAuthentication(CallError::badResponse(
                                     u"the server issued a token for another device"_s));
                             m_token = token->token.toLatin1();
                             SessionInfo session;
                             session.expiresAt = token->expiresAt;
                             session.userId = token->userId;
                             session.deviceId = token->deviceId;
                             session.team = token->team;
                             session.role = token->role;
                             session.directoryVersion = token->directoryVersion;
                             m_session = session;
                             qCInfo(lcSyncClient)
                                 << "signed in; token valid until" << session.expiresAt;
                             finishAuthentication(session);
                         }));
            }));
}

void ApiClient::finishAuthentication(CallResult<SessionInfo> result)
{
    if (!result)
        qCInfo(lcSyncClient) << "signing in failed:" << result.error().message;
    const QList<CallCallback<SessionInfo>> waiters = std::exchange(m_authWaiters, {});
    for (const CallCallback<SessionInfo> &waiter : waiters)
        waiter(result);
}

void ApiClient::withToken(std::function<void(CallStatus)> done)
{
    if (hasUsableToken()) {
        done({});
        return;
    }
    authenticate([done = std::move(done)](CallResult<SessionInfo> session) {
        if (!session)
            done(session.error());
        else
            done({});
    });
}

void ApiClient::sendWithToken(HttpRequest request, JsonCallback done, bool renewedOnce)
{
    sendWithTokenRaw(std::move(request), asJson(std::move(done)), renewedOnce);
}

void ApiClient::sendWithTokenRaw(HttpRequest request, ResponseCallback done, bool renewedOnce)
{
    withToken([this, request = std::move(request), done = std::move(done),
               renewedOnce](CallStatus ready) mutable {
        if (!ready) {
            done(ready.error());
            return;
        }
        HttpRequest authorized = request;
        authorized.headers.append({"authorization"_ba, "Bearer "_ba + m_token});
        const quint64 generation = m_tokenGeneration;
        sendRaw(std::move(authorized), [this, request = std::move(request), done = std::move(done),
                                        renewedOnce, generation](CallResult<HttpResponse> result) {
            const bool tokenRefused = !result && result.error().httpStatus() == 401 &&
                                      (result.error().hasCode(protocol::code::kTokenExpired) ||
                                       result.error().hasCode(protocol::code::kUnauthenticated));
            if (tokenRefused && !renewedOnce) {
                qCInfo(lcSyncClient) << "the server refused the token" << result.error().api.code
                                     << "; signing in again";
                if (generation == m_tokenGeneration)
                    dropToken();
                sendWithTokenRaw(request, done, true);
                return;
            }
            done(std::move(result));
        });
    });
}

void ApiClient::me(CallCallback<protocol::MeResponse> done)
{
    sendWithToken(getRequest(u"/v1/me"_s),
                  parseInto<protocol::MeResponse>("/v1/me", std::move(done)), false);
}

void ApiClient::directory(CallCallback<protocol::Directory> done)
{
    sendWithToken(getRequest(u"/v1/directory"_s),
                  parseInto<protocol::Directory>("/v1/directory", std::move(done)), false);
}

void ApiClient::push(const protocol::PushRequest &request,
                     CallCallback<protocol::PushResponse> done)
{
    sendWithToken(jsonRequest("POST"_ba, u"/v1/records"_s, request.toJson()),
                  parseInto<protocol::PushResponse>("the push", std::move(done)), false);
}

void ApiClient::pull(const protocol::PullQuery &query, CallCallback<protocol::PullPage> done,
                     std::function<void(qint64 nextAfter)> ahead)
{
    // A page is up to a few MiB of JSON with a base64 envelope per record: it is parsed on a
    // worker, so the thread that stores the previous page need not do it too.
    sendWithTokenRaw(
        getRequest(u"/v1/records"_s, query.toQuery()),
        [this, done = std::move(done),
         ahead = std::move(ahead)](CallResult<HttpResponse> response) {
            if (!response)
                return done(response.error());
            if (ahead) {
                if (const auto peeked = protocol::peekPullPage(response->body);
                    peeked && peeked->hasMore)
                    ahead(peeked->cursor);
            }
            auto *watcher = new QFutureWatcher<CallResult<protocol::PullPage>>(this);
            connect(watcher, &QFutureWatcherBase::finished, this, [watcher, done] {
                watcher->deleteLater();
                done(watcher->future().takeResult());
            });
            watcher->setFuture(QtConcurrent::run([body = std::move(response).value()] {
                return typedAnswer<protocol::PullPage>("the pull", jsonObjectOf(body));
            }));
        },
        false);
}

void ApiClient::devices(CallCallback<protocol::DeviceList> done)
{
    sendWithToken(getRequest(u"/v1/devices"_s),
                  parseInto<protocol::DeviceList>("/v1/devices", std::move(done)), false);
}

namespace {

QString linkOfferPath(const QByteArray &mailboxId)
{
    return u"/v1/link/offers/"_s + protocol::base64url::encode(mailboxId);
}

} // namespace

void ApiClient::createLinkOffer(const protocol::LinkOfferRequest &request,
                                CallCallback<protocol::LinkOfferResponse> done)
{
    sendWithToken(jsonRequest("POST"_ba, u"/v1/link/offers"_s, request.toJson()),
                  parseInto<protocol::LinkOfferResponse>("the link offer", std::move(done)), false);
}

void ApiClient::linkOfferStatus(const QByteArray &mailboxId,
                                CallCallback<protocol::LinkOfferStatus> done)
{
    sendWithToken(getRequest(linkOfferPath(mailboxId)),
                  parseInto<protocol::LinkOfferStatus>("the link offer's status", std::move(done)),
                  false);
}

void ApiClient::cancelLinkOffer(const QByteArray &mailboxId, std::function<void(CallStatus)> done)
{
    HttpRequest request;
    request.method = "DELETE"_ba;
    request.path = linkOfferPath(mailboxId);
    sendWithToken(
        std::move(request),
        [done = std::move(done)](CallResult<QJsonObject> result) {
            if (!result)
                done(result.error());
            else
                done({});
        },
        false);
}

void ApiClient::claimLink(const protocol::LinkClaimRequest &request,
                          CallCallback<protocol::LinkClaimResponse> done)
{
    send(jsonRequest("POST"_ba, u"/v1/link/claim"_s, request.toJson()),
         parseInto<protocol::LinkClaimResponse>("the link claim", std::move(done)));
}

void ApiClient::claimRecovery(const protocol::RecoveryClaimRequest &request,
                              CallCallback<protocol::RecoveryClaimResponse> done)
{
    send(jsonRequest("POST"_ba, u"/v1/recovery/claim"_s, request.toJson()),
         parseInto<protocol::RecoveryClaimResponse>("the recovery claim", std::move(done)));
}

void ApiClient::registerDevice(const protocol::DeviceRegistrationRequest &request,
                               CallCallback<protocol::DeviceRegistrationResponse> done)
{
    send(jsonRequest("POST"_ba, u"/v1/devices"_s, request.toJson()),
         parseInto<protocol::DeviceRegistrationResponse>("the device registration",
                                                         std::move(done)));
}

} // namespace outward::sync
