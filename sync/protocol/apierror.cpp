#include "sync/protocol/apierror.h"

#include <QJsonDocument>

using namespace Qt::StringLiterals;

namespace outward::protocol {

namespace {
constexpr auto kErrorKey = "error"_L1;
constexpr auto kCodeKey = "code"_L1;
constexpr auto kMessageKey = "message"_L1;
constexpr auto kFieldKey = "field"_L1;

ApiError make(int status, QLatin1StringView code, const QString &message, const QString &field = {})
{
    ApiError error;
    error.httpStatus = status;
    error.code = QString(code);
    error.message = message;
    error.field = field;
    return error;
}

QJsonObject errorObject(const QString &code, const QString &message, const QString &field)
{
    return QJsonObject{{kCodeKey, code}, {kMessageKey, message}, {kFieldKey, field}};
}

std::optional<int> parseRetryAfter(const QByteArray &value)
{
    bool ok = false;
    const int seconds = value.trimmed().toInt(&ok);
    if (!ok || seconds < 0)
        return std::nullopt;
    return seconds;
}
} // namespace

QJsonObject ApiError::toJson() const
{
    return QJsonObject{{kErrorKey, errorObject(code, message, field)}};
}

std::optional<ApiError> ApiError::fromJson(int status, const QJsonObject &json)
{
    const QJsonValue inner = json.value(kErrorKey);
    if (!inner.isObject())
        return std::nullopt;
    const QJsonObject object = inner.toObject();
    if (!object.value(kCodeKey).isString() || object.value(kCodeKey).toString().isEmpty())
        return std::nullopt;
    ApiError error;
    error.httpStatus = status;
    error.code = object.value(kCodeKey).toString();
    error.message = object.value(kMessageKey).toString();
    error.field = object.value(kFieldKey).toString();
    return error;
}

ApiError ApiError::fromResponse(const HttpResponse &response)
{
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(response.body, &parseError);
    std::optional<ApiError> parsed;
    if (parseError.error == QJsonParseError::NoError && document.isObject())
        parsed = fromJson(response.status, document.object());
    ApiError error;
    if (parsed) {
        error = *parsed;
    } else {
        const bool server = response.status >= 500;
        error = make(response.status, server ? code::kUnavailable : code::kInternal,
                     u"the server answered HTTP %1 without an Outward error body; check the "
                     u"server address, or a proxy in front of it"_s.arg(response.status));
    }
    error.retryAfterSeconds = parseRetryAfter(response.header("retry-after"_ba));
    return error;
}

ApiError ApiError::invalidJson(const QString &why, const QString &field)
{
    return make(400, code::kInvalidJson, u"the body is not acceptable JSON: %1"_s.arg(why), field);
}

ApiError ApiError::unknownField(const QString &field)
{
    return make(400, code::kUnknownField,
                u"\"%1\" is not a member this endpoint accepts; remove it"_s.arg(field), field);
}

ApiError ApiError::missingField(const QString &field)
{
    return make(400, code::kMissingField, u"\"%1\" is required"_s.arg(field), field);
}

ApiError ApiError::invalidField(const QString &field, const QString &rule)
{
    const QString subject = field.isEmpty() ? u"the body"_s : u"\"%1\""_s.arg(field);
    return make(400, code::kInvalidField, subject + u' ' + rule, field);
}

ApiError ApiError::invalidQuery(const QString &parameter, const QString &rule)
{
    return make(400, code::kInvalidQuery, u"query parameter \"%1\" %2"_s.arg(parameter, rule),
                parameter);
}

ApiError ApiError::unauthenticated(const QString &why)
{
    return make(401, code::kUnauthenticated,
                u"%1; authenticate with a new token (POST /v1/auth/challenge, then "
                u"/v1/auth/token)"_s.arg(why));
}

ApiError ApiError::tokenExpired()
{
    return make(401, code::kTokenExpired,
                u"the token has expired; get a new one by signing a new challenge"_s);
}

ApiError ApiError::authenticationFailed()
{
    return make(401, code::kAuthenticationFailed,
                u"authentication failed: the challenge is unknown, expired or used, or the "
                u"device or signature does not match; request a new challenge"_s);
}

ApiError ApiError::deviceRevoked()
{
    return make(403, code::kDeviceRevoked,
                u"this device was revoked; link it again from another device or ask the "
                u"admin"_s);
}

ApiError ApiError::userRevoked()
{
    return make(403, code::kUserRevoked, u"this user was revoked; ask the admin"_s);
}

ApiError ApiError::forbidden(const QString &why)
{
    return make(403, code::kForbidden, why);
}

ApiError ApiError::notYourDevice(const QString &field)
{
    return make(403, code::kNotYourDevice, u"this device or link offer belongs to another user"_s,
                field);
}

ApiError ApiError::unknownEndpoint(const QString &path)
{
    return make(404, code::kUnknownEndpoint,
                u"there is no endpoint %1; check the server address and the client "
                u"version"_s.arg(path));
}

ApiError ApiError::notFound(const QString &what, const QString &field)
{
    return make(404, code::kNotFound, u"%1 was not found"_s.arg(what), field);
}

ApiError ApiError::inviteInvalid(const QString &field)
{
    return make(404, code::kInviteInvalid,
                u"no such code on this server: check it for typos, and that it was issued by "
                u"this server"_s,
                field);
}

ApiError ApiError::linkNotFound(const QString &field)
{
    return make(404, code::kLinkNotFound,
                u"no link offer matches this code: check it for typos, or make a new one on "
                u"the other device"_s,
                field);
}

ApiError ApiError::methodNotAllowed(const QByteArray &method, const QByteArrayList &allowed)
{
    ApiError error =
        make(405, code::kMethodNotAllowed,
             u"this path does not answer %1; it answers %2"_s.arg(
                 QString::fromLatin1(method), QString::fromLatin1(allowed.join(", "_ba))));
    error.allowedMethods = allowed;
    return error;
}

ApiError ApiError::userExists()
{
    return make(409, code::kUserExists,
                u"this user is already enrolled; link this device from an enrolled one "
                u"instead"_s,
                u"user_id"_s);
}

ApiError ApiError::keyInUse(const QString &field)
{
    return make(409, code::kKeyInUse, u"this public key is already registered"_s, field);
}

ApiError ApiError::linkExists()
{
    return make(409, code::kLinkExists,
                u"a link offer with this mailbox id exists; make a new link code"_s,
                u"mailbox_id"_s);
}

ApiError ApiError::inviteExpired(const QString &field)
{
    return make(410, code::kInviteExpired, u"this code has expired; ask the admin for a new one"_s,
                field);
}

ApiError ApiError::inviteUsed(const QString &field)
{
    return make(410, code::kInviteUsed,
                u"this code was already used; ask the admin for a new one"_s, field);
}

ApiError ApiError::linkExpired()
{
    return make(410, code::kLinkExpired,
                u"this link code has expired; make a new one on the other device"_s,
                u"mailbox_id"_s);
}

ApiError ApiError::linkUsed()
{
    return make(410, code::kLinkUsed,
                u"this link code was already used; make a new one on the other device"_s,
                u"mailbox_id"_s);
}

ApiError ApiError::claimExpired()
{
    return make(410, code::kClaimExpired,
                u"the claim token is unknown, used or older than 10 minutes; start linking or "
                u"recovery again"_s,
                u"claim_token"_s);
}

ApiError ApiError::lengthRequired()
{
    return make(411, code::kLengthRequired,
                u"the request has a body without Content-Length; send Content-Length (chunked "
                u"uploads are not accepted)"_s);
}

ApiError ApiError::bodyTooLarge(qint64 actualBytes, qint64 limitBytes)
{
    return make(413, code::kBodyTooLarge,
                u"the request body is %1 bytes; this endpoint accepts at most %2"_s.arg(actualBytes)
                    .arg(limitBytes));
}

ApiError ApiError::unsupportedMediaType(const QByteArray &contentType)
{
    const QString given = contentType.isEmpty() ? u"none"_s : QString::fromLatin1(contentType);
    return make(415, code::kUnsupportedMediaType,
                u"the body's Content-Type is %1; send application/json"_s.arg(given));
}

ApiError ApiError::invalidSignature(const QString &field)
{
    return make(422, code::kInvalidSignature,
                u"the signature does not verify with the user's sign key"_s, field);
}

ApiError ApiError::invalidKey(const QString &field, const QString &why)
{
    return make(422, code::kInvalidKey, u"\"%1\" is not a usable public key: %2"_s.arg(field, why),
                field);
}

ApiError ApiError::rateLimited(int retryAfterSeconds)
{
    ApiError error = make(429, code::kRateLimited,
                          u"too many requests; try again in %1 seconds"_s.arg(retryAfterSeconds));
    error.retryAfterSeconds = retryAfterSeconds;
    return error;
}

ApiError ApiError::headersTooLarge()
{
    return make(431, code::kHeadersTooLarge,
                u"the request line and headers are above 16384 bytes"_s);
}

ApiError ApiError::internal(const QString &requestId)
{
    return make(500, code::kInternal,
                u"the server failed to handle the request (a bug); its log has the details "
                u"under request %1"_s.arg(requestId));
}

ApiError ApiError::unavailable(const QString &why, std::optional<int> retryAfterSeconds)
{
    ApiError error = make(503, code::kUnavailable, u"%1; try again later"_s.arg(why));
    error.retryAfterSeconds = retryAfterSeconds;
    return error;
}

bool operator==(const ApiError &a, const ApiError &b)
{
    return a.httpStatus == b.httpStatus && a.code == b.code && a.message == b.message &&
           a.field == b.field && a.retryAfterSeconds == b.retryAfterSeconds &&
           a.allowedMethods == b.allowedMethods;
}

QJsonObject ItemError::toJson() const
{
    return errorObject(code, message, field);
}

std::optional<ItemError> ItemError::fromJson(const QJsonObject &json)
{
    if (!json.value(kCodeKey).isString() || json.value(kCodeKey).toString().isEmpty())
        return std::nullopt;
    return ItemError{json.value(kCodeKey).toString(), json.value(kMessageKey).toString(),
                     json.value(kFieldKey).toString()};
}

HttpResponse jsonResponse(int status, const QJsonObject &body)
{
    HttpResponse response;
    response.status = status;
    response.headers.append({"Cache-Control"_ba, "no-store"_ba});
    response.body = QJsonDocument(body).toJson(QJsonDocument::Compact);
    return response;
}

HttpResponse toHttpResponse(const ApiError &error)
{
    HttpResponse response = jsonResponse(error.httpStatus, error.toJson());
    if (error.retryAfterSeconds)
        response.headers.append({"Retry-After"_ba, QByteArray::number(*error.retryAfterSeconds)});
    if (!error.allowedMethods.isEmpty())
        response.headers.append({"Allow"_ba, error.allowedMethods.join(", "_ba)});
    return response;
}

} // namespace outward::protocol
