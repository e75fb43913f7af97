#include "sync/protocol/messages_devices.h"

#include "sync/protocol/crockford.h"
#include "sync/protocol/messagereading.h"
#include "sync/protocol/signedmessages.h"

using namespace Qt::StringLiterals;

namespace outward::protocol {

using detail::requireEnum;
using detail::requireNested;

namespace {
// A claim token as the client received it: "owc1_" + base64url of 32 bytes. The message never
// repeats the token.
ApiResult<QString> requireClaimToken(JsonObjectReader &reader, const QString &name)
{
    auto text = reader.requireString(name, 1, 1024);
    if (!text)
        return text;
    if (!signing::isWellFormedToken(*text, signing::kClaimTokenPrefix))
        return ApiError::invalidField(reader.memberPath(name),
                                      u"must be the claim token the claim answered, starting "
                                      u"owc1_"_s);
    return text;
}
} // namespace

// ---- device list

QJsonObject DeviceEntry::toJson() const
{
    return QJsonObject{
        {"device_id"_L1, deviceId},
        {"name"_L1, name},
        {"created_at"_L1, formatTime(createdAt)},
        {"last_seen_at"_L1, lastSeenAt ? QJsonValue(formatTime(*lastSeenAt)) : QJsonValue()},
        {"status"_L1, enumName(status)},
        {"current"_L1, current},
    };
}

ApiResult<DeviceEntry> DeviceEntry::fromJson(const QJsonObject &json, const QString &path)
{
    JsonObjectReader reader(json, path);
    DeviceEntry entry;
    OW_READ(entry.deviceId, reader.requireUuid(u"device_id"_s));
    OW_READ(entry.name, reader.requireString(u"name"_s));
    OW_READ(entry.createdAt, reader.requireTime(u"created_at"_s));
    OW_READ(entry.lastSeenAt, reader.optionalTime(u"last_seen_at"_s));
    OW_READ(entry.status, requireEnum<DeviceStatus>(reader, u"status"_s));
    OW_READ(entry.current, reader.requireBool(u"current"_s));
    return entry;
}

QJsonObject DeviceList::toJson() const
{
    QJsonArray array;
    for (const DeviceEntry &entry : devices)
        array.append(entry.toJson());
    return QJsonObject{{"devices"_L1, array}};
}

ApiResult<DeviceList> DeviceList::fromJson(const QJsonObject &json)
{
    JsonObjectReader reader(json);
    DeviceList list;
    QList<JsonObjectReader> entryReaders;
    OW_READ(entryReaders, reader.requireObjectArray(u"devices"_s));
    for (const JsonObjectReader &entryReader : entryReaders) {
        DeviceEntry entry;
        OW_READ(entry, DeviceEntry::fromJson(entryReader.object(), entryReader.path()));
        list.devices.append(std::move(entry));
    }
    return list;
}

// ---- link offers

QJsonObject LinkOfferRequest::toJson() const
{
    return QJsonObject{{"mailbox_id"_L1, base64url::encode(mailboxId)},
                       {"blob"_L1, base64url::encode(blob)}};
}

ApiResult<LinkOfferRequest> LinkOfferRequest::fromJson(const QJsonObject &json)
{
    JsonObjectReader reader(json);
    LinkOfferRequest request;
    OW_READ(request.mailboxId, reader.requireBase64(u"mailbox_id"_s, kMailboxIdBytes));
    OW_READ(request.blob, reader.requireBase64(u"blob"_s, kLinkBlobBytes));
    OW_CHECK(reader.finish());
    return request;
}

QJsonObject LinkOfferResponse::toJson() const
{
    return QJsonObject{{"expires_at"_L1, formatTime(expiresAt)}};
}

ApiResult<LinkOfferResponse> LinkOfferResponse::fromJson(const QJsonObject &json)
{
    JsonObjectReader reader(json);
    LinkOfferResponse response;
    OW_READ(response.expiresAt, reader.requireTime(u"expires_at"_s));
    return response;
}

QJsonObject LinkOfferStatus::toJson() const
{
    QJsonObject json{{"status"_L1, enumName(status)}};
    if (!deviceId.isEmpty())
        json.insert("device_id"_L1, deviceId);
    return json;
}

ApiResult<LinkOfferStatus> LinkOfferStatus::fromJson(const QJsonObject &json)
{
    JsonObjectReader reader(json);
    LinkOfferStatus status;
    OW_READ(status.status, requireEnum<LinkState>(reader, u"status"_s));
    std::optional<QString> deviceId;
    OW_READ(deviceId, reader.optionalUuid(u"device_id"_s));
    status.deviceId = deviceId.value_or(QString());
    return status;
}

// ---- claims

QJsonObject LinkClaimRequest::toJson() const
{
    return QJsonObject{{"mailbox_id"_L1, base64url::encode(mailboxId)}};
}

ApiResult<LinkClaimRequest> LinkClaimRequest::fromJson(const QJsonObject &json)
{
    JsonObjectReader reader(json);
    LinkClaimRequest request;
    OW_READ(request.mailboxId, reader.requireBase64(u"mailbox_id"_s, kMailboxIdBytes));
    OW_CHECK(reader.finish());
    return request;
}

QJsonObject RecoveryClaimResponse::toJson() const
{
    return QJsonObject{
        {"user_id"_L1, userId},           {"team"_L1, team.toJson()},
        {"role"_L1, enumName(role)},      {"server_id"_L1, serverId},
        {"keyring"_L1, keyring.toJson()}, {"claim_token"_L1, claimToken},
    };
}

ApiResult<RecoveryClaimResponse> RecoveryClaimResponse::fromJson(const QJsonObject &json)
{
    JsonObjectReader reader(json);
    RecoveryClaimResponse response;
    OW_READ(response.userId, reader.requireUuid(u"user_id"_s));
    OW_READ(response.team, requireNested<Team>(reader, u"team"_s));
    OW_READ(response.role, requireEnum<Role>(reader, u"role"_s));
    OW_READ(response.serverId, reader.requireUuid(u"server_id"_s));
    OW_READ(response.keyring, requireNested<KeyringBlobs>(reader, u"keyring"_s));
    OW_READ(response.claimToken, requireClaimToken(reader, u"claim_token"_s));
    return response;
}

QJsonObject LinkClaimResponse::toJson() const
{
    return QJsonObject{
        {"user_id"_L1, userId},
        {"team"_L1, team.toJson()},
        {"role"_L1, enumName(role)},
        {"server_id"_L1, serverId},
        {"blob"_L1, base64url::encode(blob)},
        {"keyring"_L1, keyring.toJson()},
        {"claim_token"_L1, claimToken},
    };
}

ApiResult<LinkClaimResponse> LinkClaimResponse::fromJson(const QJsonObject &json)
{
    JsonObjectReader reader(json);
    LinkClaimResponse response;
    OW_READ(response.userId, reader.requireUuid(u"user_id"_s));
    OW_READ(response.team, requireNested<Team>(reader, u"team"_s));
    OW_READ(response.role, requireEnum<Role>(reader, u"role"_s));
    OW_READ(response.serverId, reader.requireUuid(u"server_id"_s));
    OW_READ(response.blob, reader.requireBase64(u"blob"_s, kLinkBlobBytes));
    OW_READ(response.keyring, requireNested<KeyringBlobs>(reader, u"keyring"_s));
    OW_READ(response.claimToken, requireClaimToken(reader, u"claim_token"_s));
    return response;
}

QJsonObject RecoveryClaimRequest::toJson() const
{
    return QJsonObject{{"ticket"_L1, ticket}};
}

ApiResult<RecoveryClaimRequest> RecoveryClaimRequest::fromJson(const QJsonObject &json)
{
    JsonObjectReader reader(json);
    RecoveryClaimRequest request;
    QString text;
    OW_READ(text, reader.requireString(u"ticket"_s, 1, 200));
    auto digits = crockford::parse(text, crockford::kInviteCodeDigits);
    if (!digits)
        return ApiError::invalidField(u"ticket"_s, digits.error().message());
    request.ticket = *digits;
    OW_CHECK(reader.finish());
    return request;
}

// ---- device registration

QJsonObject DeviceRegistrationRequest::toJson() const
{
    return QJsonObject{
        {"claim_token"_L1, claimToken},
        {"device"_L1, device.toJson()},
        {"signature"_L1, base64url::encode(signature)},
    };
}

ApiResult<DeviceRegistrationRequest> DeviceRegistrationRequest::fromJson(const QJsonObject &json)
{
    JsonObjectReader reader(json);
    DeviceRegistrationRequest request;
    // Any string: a token that is not one the server issued is unknown, which is 410
    // claim_expired (section 2.1), not a format error.
    OW_READ(request.claimToken, reader.requireString(u"claim_token"_s, 1, 200));
    OW_READ(request.device, requireNested<NewDevice>(reader, u"device"_s));
    OW_READ(request.signature, reader.requireBase64(u"signature"_s, kSignatureBytes));
    OW_CHECK(reader.finish());
    return request;
}

} // namespace outward::protocol
