#include "sync/protocol/messages_auth.h"

#include "sync/protocol/crockford.h"
#include "sync/protocol/limits.h"
#include "sync/protocol/messagereading.h"

using namespace Qt::StringLiterals;

namespace outward::protocol {

using detail::intArray;
using detail::number;
using detail::requireEnum;
using detail::requireNested;

namespace {
constexpr qint64 kMaxSafe = Q_INT64_C(9007199254740992); // 2^53: exact in a JSON number
} // namespace

// ---- health

HealthLimits HealthLimits::current()
{
    HealthLimits current;
    current.pushBodyBytes = limits::kPushBodyBytes;
    current.bodyBytes = limits::kBodyBytes;
    current.envelopeBytes = limits::kEnvelopeBytes;
    current.pushItems = limits::kPushItems;
    current.pageMax = limits::kPageMax;
    current.pageDefault = limits::kPageDefault;
    current.maxClockAheadMs = limits::kMaxClockAheadMs;
    return current;
}

QJsonObject HealthLimits::toJson() const
{
    return QJsonObject{
        {"push_body_bytes"_L1, number(pushBodyBytes)},
        {"body_bytes"_L1, number(bodyBytes)},
        {"envelope_bytes"_L1, number(envelopeBytes)},
        {"push_items"_L1, number(pushItems)},
        {"page_max"_L1, number(pageMax)},
        {"page_default"_L1, number(pageDefault)},
        {"max_clock_ahead_ms"_L1, number(maxClockAheadMs)},
    };
}

ApiResult<HealthLimits> HealthLimits::fromJson(const QJsonObject &json, const QString &path)
{
    JsonObjectReader reader(json, path);
    HealthLimits result;
    OW_READ(result.pushBodyBytes, reader.requireInt(u"push_body_bytes"_s, 0, kMaxSafe));
    OW_READ(result.bodyBytes, reader.requireInt(u"body_bytes"_s, 0, kMaxSafe));
    OW_READ(result.envelopeBytes, reader.requireInt(u"envelope_bytes"_s, 0, kMaxSafe));
    OW_READ(result.pushItems, reader.requireInt(u"push_items"_s, 0, kMaxSafe));
    OW_READ(result.pageMax, reader.requireInt(u"page_max"_s, 0, kMaxSafe));
    OW_READ(result.pageDefault, reader.requireInt(u"page_default"_s, 0, kMaxSafe));
    OW_READ(result.maxClockAheadMs, reader.requireInt(u"max_clock_ahead_ms"_s, 0, kMaxSafe));
    return result;
}

QJsonObject HealthResponse::toJson() const
{
    return QJsonObject{
        {"status"_L1, status},
        {"server_id"_L1, serverId},
        {"server_version"_L1, serverVersion},
        {"api"_L1, intArray(api)},
        {"api_revision"_L1, number(apiRevision)},
        {"envelope_formats"_L1, intArray(envelopeFormats)},
        {"header_versions"_L1, intArray(headerVersions)},
        {"time"_L1, formatTime(time)},
        {"limits"_L1, limits.toJson()},
    };
}

ApiResult<HealthResponse> HealthResponse::fromJson(const QJsonObject &json)
{
    JsonObjectReader reader(json);
    HealthResponse health;
    OW_READ(health.status, reader.requireString(u"status"_s));
    OW_READ(health.serverId, reader.requireUuid(u"server_id"_s));
    OW_READ(health.serverVersion, reader.requireString(u"server_version"_s));
    OW_READ(health.api, reader.requireIntArray(u"api"_s, 0, kMaxSafe));
    OW_READ(health.apiRevision, reader.requireInt(u"api_revision"_s, 0, kMaxSafe));
    OW_READ(health.envelopeFormats, reader.requireIntArray(u"envelope_formats"_s, 0, 255));
    OW_READ(health.headerVersions, reader.requireIntArray(u"header_versions"_s, 0, kMaxSafe));
    OW_READ(health.time, reader.requireTime(u"time"_s));
    OW_READ(health.limits, requireNested<HealthLimits>(reader, u"limits"_s));
    return health;
}

// ---- enrolment

QJsonObject EnrollRequest::toJson() const
{
    return QJsonObject{
        {"invite_code"_L1, inviteCode},
        {"user_id"_L1, userId},
        {"display_name"_L1, displayName},
        {"box_public_key"_L1, base64url::encode(boxPublicKey)},
        {"sign_public_key"_L1, base64url::encode(signPublicKey)},
        {"wrapped_secret_keys"_L1, base64url::encode(wrappedSecretKeys)},
        {"recovery_wrapped_master_key"_L1, base64url::encode(recoveryWrappedMasterKey)},
        {"device"_L1, device.toJson()},
        {"signature"_L1, base64url::encode(signature)},
    };
}

namespace {
// A typed invite code or recovery ticket, as canonical digits; the message never repeats it.
ApiResult<QString> requireInviteCode(JsonObjectReader &reader, const QString &name)
{
    auto text = reader.requireString(name, 1, 200);
    if (!text)
        return text;
    auto digits = crockford::parse(*text, crockford::kInviteCodeDigits);
    if (!digits)
        return ApiError::invalidField(reader.memberPath(name), digits.error().message());
    return std::move(digits).value();
}
} // namespace

ApiResult<EnrollRequest> EnrollRequest::fromJson(const QJsonObject &json)
{
    JsonObjectReader reader(json);
    EnrollRequest request;
    OW_READ(request.inviteCode, requireInviteCode(reader, u"invite_code"_s));
    OW_READ(request.userId, reader.requireUuid(u"user_id"_s));
    OW_READ(request.displayName, reader.requireName(u"display_name"_s));
    OW_READ(request.boxPublicKey, reader.requireBase64(u"box_public_key"_s, kPublicKeyBytes));
    OW_READ(request.signPublicKey, reader.requireBase64(u"sign_public_key"_s, kPublicKeyBytes));
    OW_READ(request.wrappedSecretKeys,
            reader.requireBase64(u"wrapped_secret_keys"_s, kWrappedSecretKeysBytes));
    OW_READ(request.recoveryWrappedMasterKey,
            reader.requireBase64(u"recovery_wrapped_master_key"_s, kRecoveryWrappedMasterKeyBytes));
    OW_READ(request.device, requireNested<NewDevice>(reader, u"device"_s));
    OW_READ(request.signature, reader.requireBase64(u"signature"_s, kSignatureBytes));
    OW_CHECK(reader.finish());
    return request;
}

// ---- directory

QJsonObject DirectoryMember::toJson() const
{
    return QJsonObject{
        {"user_id"_L1, userId},
        {"display_name"_L1, displayName},
        {"role"_L1, enumName(role)},
        {"status"_L1, enumName(status)},
        {"box_public_key"_L1, base64url::encode(boxPublicKey)},
        {"sign_public_key"_L1, base64url::encode(signPublicKey)},
        {"enrolled_at"_L1, formatTime(enrolledAt)},
    };
}

ApiResult<DirectoryMember> DirectoryMember::fromJson(const QJsonObject &json, const QString &path)
{
    JsonObjectReader reader(json, path);
    DirectoryMember member;
    OW_READ(member.userId, reader.requireUuid(u"user_id"_s));
    OW_READ(member.displayName, reader.requireString(u"display_name"_s));
    OW_READ(member.role, requireEnum<Role>(reader, u"role"_s));
    OW_READ(member.status, requireEnum<MemberStatus>(reader, u"status"_s));
    OW_READ(member.boxPublicKey, reader.requireBase64(u"box_public_key"_s, kPublicKeyBytes));
    OW_READ(member.signPublicKey, reader.requireBase64(u"sign_public_key"_s, kPublicKeyBytes));
    OW_READ(member.enrolledAt, reader.requireTime(u"enrolled_at"_s));
    return member;
}

QJsonObject Directory::toJson() const
{
    QJsonArray array;
    for (const DirectoryMember &member : members)
        array.append(member.toJson());
    return QJsonObject{
        {"team"_L1, team.toJson()},
        {"directory_version"_L1, number(directoryVersion)},
        {"members"_L1, array},
    };
}

ApiResult<Directory> Directory::fromJson(const QJsonObject &json, const QString &path)
{
    JsonObjectReader reader(json, path);
    Directory directory;
    OW_READ(directory.team, requireNested<Team>(reader, u"team"_s));
    OW_READ(directory.directoryVersion, reader.requireInt(u"directory_version"_s, 0, kMaxSafe));
    QList<JsonObjectReader> memberReaders;
    OW_READ(memberReaders, reader.requireObjectArray(u"members"_s));
    for (const JsonObjectReader &memberReader : memberReaders) {
        DirectoryMember member;
        OW_READ(member, DirectoryMember::fromJson(memberReader.object(), memberReader.path()));
        directory.members.append(std::move(member));
    }
    return directory;
}

QJsonObject EnrollResponse::toJson() const
{
    return QJsonObject{
        {"user_id"_L1, userId},     {"device_id"_L1, deviceId},
        {"team"_L1, team.toJson()}, {"role"_L1, enumName(role)},
        {"server_id"_L1, serverId}, {"directory"_L1, directory.toJson()},
    };
}

ApiResult<EnrollResponse> EnrollResponse::fromJson(const QJsonObject &json)
{
    JsonObjectReader reader(json);
    EnrollResponse response;
    OW_READ(response.userId, reader.requireUuid(u"user_id"_s));
    OW_READ(response.deviceId, reader.requireUuid(u"device_id"_s));
    OW_READ(response.team, requireNested<Team>(reader, u"team"_s));
    OW_READ(response.role, requireEnum<Role>(reader, u"role"_s));
    OW_READ(response.serverId, reader.requireUuid(u"server_id"_s));
    OW_READ(response.directory, requireNested<Directory>(reader, u"directory"_s));
    return response;
}

// ---- authentication

QJsonObject ChallengeRequest::toJson() const
{
    return QJsonObject{{"device_id"_L1, deviceId}};
}

ApiResult<ChallengeRequest> ChallengeRequest::fromJson(const QJsonObject &json)
{
    JsonObjectReader reader(json);
    ChallengeRequest request;
    OW_READ(request.deviceId, reader.requireUuid(u"device_id"_s));
    OW_CHECK(reader.finish());
    return request;
}

QJsonObject ChallengeResponse::toJson() const
{
    return QJsonObject{{"challenge"_L1, base64url::encode(challenge)},
                       {"expires_at"_L1, formatTime(expiresAt)}};
}

ApiResult<ChallengeResponse> ChallengeResponse::fromJson(const QJsonObject &json)
{
    JsonObjectReader reader(json);
    ChallengeResponse response;
    OW_READ(response.challenge, reader.requireBase64(u"challenge"_s, kChallengeBytes));
    OW_READ(response.expiresAt, reader.requireTime(u"expires_at"_s));
    return response;
}

QJsonObject TokenRequest::toJson() const
{
    return QJsonObject{
        {"device_id"_L1, deviceId},
        {"challenge"_L1, base64url::encode(challenge)},
        {"signature"_L1, base64url::encode(signature)},
    };
}

ApiResult<TokenRequest> TokenRequest::fromJson(const QJsonObject &json)
{
    JsonObjectReader reader(json);
    TokenRequest request;
    OW_READ(request.deviceId, reader.requireUuid(u"device_id"_s));
    OW_READ(request.challenge, reader.requireBase64(u"challenge"_s, kChallengeBytes));
    OW_READ(request.signature, reader.requireBase64(u"signature"_s, kSignatureBytes));
    OW_CHECK(reader.finish());
    return request;
}

QJsonObject TokenResponse::toJson() const
{
    return QJsonObject{
        {"token"_L1, token},
        {"expires_at"_L1, formatTime(expiresAt)},
        {"user_id"_L1, userId},
        {"device_id"_L1, deviceId},
        {"team"_L1, team.toJson()},
        {"role"_L1, enumName(role)},
        {"directory_version"_L1, number(directoryVersion)},
    };
}

ApiResult<TokenResponse> TokenResponse::fromJson(const QJsonObject &json)
{
    JsonObjectReader reader(json);
    TokenResponse response;
    OW_READ(response.token, reader.requireString(u"token"_s, 1, 1024));
    OW_READ(response.expiresAt, reader.requireTime(u"expires_at"_s));
    OW_READ(response.userId, reader.requireUuid(u"user_id"_s));
    OW_READ(response.deviceId, reader.requireUuid(u"device_id"_s));
    OW_READ(response.team, requireNested<Team>(reader, u"team"_s));
    OW_READ(response.role, requireEnum<Role>(reader, u"role"_s));
    OW_READ(response.directoryVersion, reader.requireInt(u"directory_version"_s, 0, kMaxSafe));
    return response;
}

QJsonObject MeResponse::toJson() const
{
    return QJsonObject{
        {"user_id"_L1, userId},
        {"device_id"_L1, deviceId},
        {"team"_L1, team.toJson()},
        {"role"_L1, enumName(role)},
        {"token_expires_at"_L1, formatTime(tokenExpiresAt)},
        {"directory_version"_L1, number(directoryVersion)},
    };
}

ApiResult<MeResponse> MeResponse::fromJson(const QJsonObject &json)
{
    JsonObjectReader reader(json);
    MeResponse response;
    OW_READ(response.userId, reader.requireUuid(u"user_id"_s));
    OW_READ(response.deviceId, reader.requireUuid(u"device_id"_s));
    OW_READ(response.team, requireNested<Team>(reader, u"team"_s));
    OW_READ(response.role, requireEnum<Role>(reader, u"role"_s));
    OW_READ(response.tokenExpiresAt, reader.requireTime(u"token_expires_at"_s));
    OW_READ(response.directoryVersion, reader.requireInt(u"directory_version"_s, 0, kMaxSafe));
    return response;
}

} // namespace outward::protocol
