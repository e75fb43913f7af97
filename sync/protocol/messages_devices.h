#pragma once

#include "sync/protocol/messages_common.h"

#include <QList>

#include <optional>

// Bodies of protocol.md sections 14 (devices, linking a second device) and 15 (recovery).
// Conventions: see messages_common.h. POST /v1/devices answers with DeviceRegistrationResponse
// (= EnrollResponse, messages_auth.h).
namespace outward::protocol {

enum class DeviceStatus
{
    Active,
    Revoked,
};

enum class LinkState
{
    Waiting,
    Claimed,
    Registered,
    Expired,
};

} // namespace outward::protocol

namespace outward {
template<>
struct EnumNames<protocol::DeviceStatus>
{
    static constexpr std::array<EnumEntry<protocol::DeviceStatus>, 2> entries{{
        {protocol::DeviceStatus::Active, QLatin1StringView("active")},
        {protocol::DeviceStatus::Revoked, QLatin1StringView("revoked")},
    }};
};

template<>
struct EnumNames<protocol::LinkState>
{
    static constexpr std::array<EnumEntry<protocol::LinkState>, 4> entries{{
        {protocol::LinkState::Waiting, QLatin1StringView("waiting")},
        {protocol::LinkState::Claimed, QLatin1StringView("claimed")},
        {protocol::LinkState::Registered, QLatin1StringView("registered")},
        {protocol::LinkState::Expired, QLatin1StringView("expired")},
    }};
};
} // namespace outward

namespace outward::protocol {

// devices[i] of GET /v1/devices.
struct DeviceEntry
{
    QString deviceId;
    QString name;
    QDateTime createdAt;
    std::optional<QDateTime> lastSeenAt; // null until the device first authenticates
    DeviceStatus status = DeviceStatus::Active;
    bool current = false; // the device making the request

    QJsonObject toJson() const;
    static ApiResult<DeviceEntry> fromJson(const QJsonObject &json, const QString &path);
};

// GET /v1/devices, 200 (response).
struct DeviceList
{
    QList<DeviceEntry> devices;

    QJsonObject toJson() const;
    static ApiResult<DeviceList> fromJson(const QJsonObject &json);
};

// POST /v1/link/offers (request).
struct LinkOfferRequest
{
    QByteArray mailboxId; // 16
    QByteArray blob;      // 72: the link blob (signedmessages.h)

    QJsonObject toJson() const;
    static ApiResult<LinkOfferRequest> fromJson(const QJsonObject &json);
};

// POST /v1/link/offers, 201 (response).
struct LinkOfferResponse
{
    QDateTime expiresAt;

    QJsonObject toJson() const;
    static ApiResult<LinkOfferResponse> fromJson(const QJsonObject &json);
};

// GET /v1/link/offers/{mailbox_id}, 200 (response).
struct LinkOfferStatus
{
    LinkState status = LinkState::Waiting;
    QString deviceId; // set once registered; "" otherwise (the member is then left out)

    QJsonObject toJson() const;
    static ApiResult<LinkOfferStatus> fromJson(const QJsonObject &json);
};

// POST /v1/link/claim (request).
struct LinkClaimRequest
{
    QByteArray mailboxId; // 16

    QJsonObject toJson() const;
    static ApiResult<LinkClaimRequest> fromJson(const QJsonObject &json);
};

// POST /v1/recovery/claim, 200 (response); LinkClaimResponse is the same plus the blob.
struct RecoveryClaimResponse
{
    QString userId;
    Team team;
    Role role = Role::Staff;
    QString serverId;
    KeyringBlobs keyring;
    QString claimToken; // "owc1_" + base64url(32 bytes); never logged

    QJsonObject toJson() const;
    static ApiResult<RecoveryClaimResponse> fromJson(const QJsonObject &json);
};

// POST /v1/link/claim, 200 (response).
struct LinkClaimResponse
{
    QString userId;
    Team team;
    Role role = Role::Staff;
    QString serverId;
    QByteArray blob; // 72
    KeyringBlobs keyring;
    QString claimToken;

    QJsonObject toJson() const;
    static ApiResult<LinkClaimResponse> fromJson(const QJsonObject &json);
};

// POST /v1/recovery/claim (request).
struct RecoveryClaimRequest
{
    QString ticket; // canonical: 20 Crockford digits; fromJson accepts typed forms

    QJsonObject toJson() const;
    static ApiResult<RecoveryClaimRequest> fromJson(const QJsonObject &json);
};

// POST /v1/devices (request).
struct DeviceRegistrationRequest
{
    QString claimToken; // "owc1_" + base64url(32 bytes)
    NewDevice device;
    QByteArray signature; // 64: the device registration signature with the user's sign key

    QJsonObject toJson() const;
    static ApiResult<DeviceRegistrationRequest> fromJson(const QJsonObject &json);
};

} // namespace outward::protocol
