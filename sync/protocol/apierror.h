#pragma once

#include "core/common/result.h"
#include "sync/protocol/httpmessage.h"

#include <QByteArrayList>
#include <QJsonObject>
#include <QLatin1StringView>
#include <QString>

#include <optional>

namespace outward::protocol {

// The stable error codes of protocol.md section 2, as they appear in "code".
namespace code {
// 2.1 request level
inline constexpr QLatin1StringView kInvalidJson("invalid_json");
inline constexpr QLatin1StringView kUnknownField("unknown_field");
inline constexpr QLatin1StringView kMissingField("missing_field");
inline constexpr QLatin1StringView kInvalidField("invalid_field");
inline constexpr QLatin1StringView kInvalidQuery("invalid_query");
inline constexpr QLatin1StringView kUnauthenticated("unauthenticated");
inline constexpr QLatin1StringView kTokenExpired("token_expired");
inline constexpr QLatin1StringView kAuthenticationFailed("authentication_failed");
inline constexpr QLatin1StringView kDeviceRevoked("device_revoked");
inline constexpr QLatin1StringView kUserRevoked("user_revoked");
inline constexpr QLatin1StringView kForbidden("forbidden");
inline constexpr QLatin1StringView kNotYourDevice("not_your_device");
inline constexpr QLatin1StringView kUnknownEndpoint("unknown_endpoint");
inline constexpr QLatin1StringView kNotFound("not_found");
inline constexpr QLatin1StringView kInviteInvalid("invite_invalid");
inline constexpr QLatin1StringView kLinkNotFound("link_not_found");
inline constexpr QLatin1StringView kMethodNotAllowed("method_not_allowed");
inline constexpr QLatin1StringView kUserExists("user_exists");
inline constexpr QLatin1StringView kKeyInUse("key_in_use");
inline constexpr QLatin1StringView kLinkExists("link_exists");
inline constexpr QLatin1StringView kInviteExpired("invite_expired");
inline constexpr QLatin1StringView kInviteUsed("invite_used");
inline constexpr QLatin1StringView kLinkExpired("link_expired");
inline constexpr QLatin1StringView kLinkUsed("link_used");
inline constexpr QLatin1StringView kClaimExpired("claim_expired");
inline constexpr QLatin1StringView kLengthRequired("length_required");
inline constexpr QLatin1StringView kBodyTooLarge("body_too_large");
inline constexpr QLatin1StringView kUnsupportedMediaType("unsupported_media_type");
inline constexpr QLatin1StringView kInvalidSignature("invalid_signature");
inline constexpr QLatin1StringView kInvalidKey("invalid_key");
inline constexpr QLatin1StringView kRateLimited("rate_limited");
inline constexpr QLatin1StringView kHeadersTooLarge("headers_too_large");
inline constexpr QLatin1StringView kInternal("internal");
inline constexpr QLatin1StringView kUnavailable("unavailable");
// 2.2 per push item
inline constexpr QLatin1StringView kMalformedEnvelope("malformed_envelope");
inline constexpr QLatin1StringView kEnvelopeTooLarge("envelope_too_large");
inline constexpr QLatin1StringView kNewerFormat("newer_format");
inline constexpr QLatin1StringView kInvalidHeader("invalid_header");
inline constexpr QLatin1StringView kInvalidMetrics("invalid_metrics");
inline constexpr QLatin1StringView kInvalidClock("invalid_clock");
inline constexpr QLatin1StringView kClockInFuture("clock_in_future");
inline constexpr QLatin1StringView kAuthorMismatch("author_mismatch");
inline constexpr QLatin1StringView kTeamMismatch("team_mismatch");
inline constexpr QLatin1StringView kKindNotAllowed("kind_not_allowed");
inline constexpr QLatin1StringView kBadAuthorWrap("bad_author_wrap");
inline constexpr QLatin1StringView kRecipientNotAllowed("recipient_not_allowed");
inline constexpr QLatin1StringView kBadSignature("bad_signature");
inline constexpr QLatin1StringView kClockReused("clock_reused");
inline constexpr QLatin1StringView kIdTaken("id_taken");
inline constexpr QLatin1StringView kKindChanged("kind_changed");
inline constexpr QLatin1StringView kRecordDeleted("record_deleted");
} // namespace code

// A request-level error as it travels (protocol.md section 2): the HTTP status plus
// {"error": {"code", "message", "field"}}. `message` never holds a key, token, typed code or
// payload bytes; `field` is the member path at fault ("items[3].envelope") or "".
struct ApiError
{
    int httpStatus = 500;
    QString code;
    QString message;
    QString field;
    std::optional<int> retryAfterSeconds; // 429 and 503: becomes Retry-After
    QByteArrayList allowedMethods;        // 405: becomes Allow

    // Exactly {"error": {"code", "message", "field"}}.
    QJsonObject toJson() const;
    // Reads {"error": {...}} leniently (unknown members ignored); nullopt when the shape is wrong.
    static std::optional<ApiError> fromJson(int httpStatus, const QJsonObject &json);
    // For the client: any non-2xx response becomes an ApiError. A body that is not the documented
    // shape (a proxy's HTML page) gives a code from the status class ("unavailable" for 5xx,
    // "internal" otherwise) and a message that says so. Retry-After is read when present.
    static ApiError fromResponse(const HttpResponse &response);

    bool isClientError() const { return httpStatus >= 400 && httpStatus < 500; }
    bool isServerError() const { return httpStatus >= 500; }

    // One factory per code of section 2.1; the messages say what happened and what to do.
    // `field` names a duplicate member's path; "" for every other rule.
    static ApiError invalidJson(const QString &why, const QString &field = {});
    static ApiError unknownField(const QString &field);
    static ApiError missingField(const QString &field);
    static ApiError invalidField(const QString &field, const QString &rule);
    static ApiError invalidQuery(const QString &parameter, const QString &rule);
    static ApiError unauthenticated(const QString &why);
    static ApiError tokenExpired();
    static ApiError authenticationFailed();
    static ApiError deviceRevoked();
    static ApiError userRevoked();
    static ApiError forbidden(const QString &why);
    static ApiError notYourDevice(const QString &field = {});
    static ApiError unknownEndpoint(const QString &path);
    static ApiError notFound(const QString &what, const QString &field = {});
    static ApiError inviteInvalid(const QString &field);
    static ApiError linkNotFound(const QString &field = QStringLiteral("mailbox_id"));
    static ApiError methodNotAllowed(const QByteArray &method, const QByteArrayList &allowed);
    static ApiError userExists();
    static ApiError keyInUse(const QString &field);
    static ApiError linkExists();
    static ApiError inviteExpired(const QString &field);
    static ApiError inviteUsed(const QString &field);
    static ApiError linkExpired();
    static ApiError linkUsed();
    static ApiError claimExpired();
    static ApiError lengthRequired();
    static ApiError bodyTooLarge(qint64 actualBytes, qint64 limitBytes);
    static ApiError unsupportedMediaType(const QByteArray &contentType);
    static ApiError invalidSignature(const QString &field = QStringLiteral("signature"));
    static ApiError invalidKey(const QString &field, const QString &why);
    static ApiError rateLimited(int retryAfterSeconds);
    static ApiError headersTooLarge();
    static ApiError internal(const QString &requestId);
    static ApiError unavailable(const QString &why, std::optional<int> retryAfterSeconds = {});

    friend bool operator==(const ApiError &a, const ApiError &b);
    friend bool operator!=(const ApiError &a, const ApiError &b) { return !(a == b); }
};

// A per-item push error (protocol.md 2.2, section 11.5): the same {code, message, field} object,
// inside results[i].error, never an HTTP status.
struct ItemError
{
    QString code;
    QString message;
    QString field;

    QJsonObject toJson() const;
    static std::optional<ItemError> fromJson(const QJsonObject &json);

    friend bool operator==(const ItemError &a, const ItemError &b)
    {
        return a.code == b.code && a.message == b.message && a.field == b.field;
    }
    friend bool operator!=(const ItemError &a, const ItemError &b) { return !(a == b); }
};

template<typename T>
using ApiResult = Result<T, ApiError>;
using ApiStatus = Result<void, ApiError>;

// The response for an error: its JSON body, Cache-Control: no-store, Retry-After when set, Allow
// for a 405. Content-Type and Content-Length are the HTTP adapter's job (httpmessage.h).
HttpResponse toHttpResponse(const ApiError &error);
// A JSON success response with Cache-Control: no-store (every response carries it, section 1).
HttpResponse jsonResponse(int status, const QJsonObject &body);

} // namespace outward::protocol
