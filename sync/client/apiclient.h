#pragma once

#include "core/model/clock.h"
#include "sync/client/callerror.h"
#include "sync/client/transport.h"
#include "sync/protocol/messages.h"

#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QObject>
#include <QUrl>

#include <functional>
#include <optional>

namespace outward::sync {

// What the last token response said, without the token itself.
struct SessionInfo
{
    QDateTime expiresAt;
    QString userId;
    QString deviceId;
    protocol::Team team;
    protocol::Role role = protocol::Role::Staff;
    qint64 directoryVersion = 0;
};

// Typed calls of protocol.md sections 7-14 over an injected Transport. Non-2xx answers become
// CallError::Kind::Http with the server's ApiError; 2xx bodies are checked by the protocol
// structs. Token calls authenticate first when there is no token (or it expires within a
// minute), and on 401 token_expired / unauthenticated get a new token and repeat the call once.
// The token lives in this object's memory only.
class ApiClient : public QObject
{
    Q_OBJECT

public:
    // Signs the 32-byte challenge with the device key: the auth signature of protocol.md 5.1
    // (the caller knows the server id and device id that go into the signed message).
    using ChallengeSigner = std::function<Result<QByteArray>(const QByteArray &challenge)>;

    ApiClient(Transport &transport, const Clock &clock, QObject *parent = nullptr);

    void setBaseUrl(const QUrl &baseUrl) { m_baseUrl = baseUrl; }
    const QUrl &baseUrl() const { return m_baseUrl; }
    void setCredentials(const QString &deviceId, ChallengeSigner signer);

    // Forgets the token (lock, stop, a revoked device); the next token call authenticates.
    void dropToken();
    // A token that is not about to expire.
    bool hasUsableToken() const;
    const std::optional<SessionInfo> &session() const { return m_session; }

    void health(CallCallback<protocol::HealthResponse> done);
    void enroll(const protocol::EnrollRequest &request,
                CallCallback<protocol::EnrollResponse> done);
    // Challenge, then token. Replaces any token held.
    void authenticate(CallCallback<SessionInfo> done);
    void me(CallCallback<protocol::MeResponse> done);
    void directory(CallCallback<protocol::Directory> done);
    void push(const protocol::PushRequest &request, CallCallback<protocol::PushResponse> done);
    // ahead, when given, gets the page's cursor as soon as its answer arrives, if the page says
    // there is more (a hint read before the page is parsed: protocol::peekPullPage).
    void pull(const protocol::PullQuery &query, CallCallback<protocol::PullPage> done,
              std::function<void(qint64 nextAfter)> ahead = {});
    void devices(CallCallback<protocol::DeviceList> done);

    // Linking a second device and recovery (protocol.md 14, 15). The offer calls need a token;
    // claims and registration carry their own proof (mailbox id, ticket, claim token and user
    // signature) and never send one. Mailbox ids travel in the path, which is never logged.
    void createLinkOffer(const protocol::LinkOfferRequest &request,
                         CallCallback<protocol::LinkOfferResponse> done);
    void linkOfferStatus(const QByteArray &mailboxId, CallCallback<protocol::LinkOfferStatus> done);
    void cancelLinkOffer(const QByteArray &mailboxId, std::function<void(CallStatus)> done);
    void claimLink(const protocol::LinkClaimRequest &request,
                   CallCallback<protocol::LinkClaimResponse> done);
    void claimRecovery(const protocol::RecoveryClaimRequest &request,
                       CallCallback<protocol::RecoveryClaimResponse> done);
    void registerDevice(const protocol::DeviceRegistrationRequest &request,
                        CallCallback<protocol::DeviceRegistrationResponse> done);

    // How long before expiry a token is renewed instead of used.
    static constexpr qint64 kTokenRenewMarginMs = 60'000;

private:
    using JsonCallback = std::function<void(CallResult<QJsonObject>)>;
    // A 2xx response as it came; any other status or no response is the error.
    using ResponseCallback = std::function<void(CallResult<HttpResponse>)>;

    // The body of a successful answer as a JSON object, for done.
    static ResponseCallback asJson(JsonCallback done);
    void sendRaw(HttpRequest request, ResponseCallback done);
    void send(HttpRequest request, JsonCallback done);
    void sendWithToken(HttpRequest request, JsonCallback done, bool renewedOnce);
    void sendWithTokenRaw(HttpRequest request, ResponseCallback done, bool renewedOnce);
    void withToken(std::function<void(CallStatus)> done);
    void finishAuthentication(CallResult<SessionInfo> result);

    template<typename T>
    static std::function<void(CallResult<QJsonObject>)> parseInto(const char *what,
                                                                  CallCallback<T> done);

    Transport &m_transport;
    const Clock &m_clock;
    QUrl m_baseUrl;
    QString m_deviceId;
    ChallengeSigner m_signer;
    QByteArray m_token; // "owt1_..." as ASCII; never logged
    std::optional<SessionInfo> m_session;
    // Callers waiting for the authentication in flight (one at a time).
    QList<CallCallback<SessionInfo>> m_authWaiters;
    quint64 m_tokenGeneration = 0;
};

} // namespace outward::sync
