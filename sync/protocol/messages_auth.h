#pragma once

#include "sync/protocol/messages_common.h"

#include <QList>

// Bodies of protocol.md sections 7 (health), 8 (enrolment), 9 (authentication) and 10 (key
// directory). Conventions: see messages_common.h.
namespace outward::protocol {

// GET /v1/health, 200 (response).
struct HealthLimits
{
    qint64 pushBodyBytes = 0;
    qint64 bodyBytes = 0;
    qint64 envelopeBytes = 0;
    qint64 pushItems = 0;
    qint64 pageMax = 0;
    qint64 pageDefault = 0;
    qint64 maxClockAheadMs = 0;

    // The values of limits.h.
    static HealthLimits current();
    QJsonObject toJson() const;
    static ApiResult<HealthLimits> fromJson(const QJsonObject &json,
                                            const QString &path = QStringLiteral("limits"));
};

struct HealthResponse
{
    QString status = QStringLiteral("ok");
    QString serverId;
    QString serverVersion;
    QList<qint64> api;             // major versions served, [1]
    qint64 apiRevision = 1;        // additive revisions of /v1
    QList<qint64> envelopeFormats; // envelope magic versions accepted, [1]
    QList<qint64> headerVersions;  // header "v" values accepted, [1]
    QDateTime time;
    HealthLimits limits;

    QJsonObject toJson() const;
    static ApiResult<HealthResponse> fromJson(const QJsonObject &json);
};

// POST /v1/enroll (request).
struct EnrollRequest
{
    QString inviteCode; // canonical: 20 upper-case Crockford digits, no dashes
    QString userId;
    QString displayName;
    QByteArray boxPublicKey;             // 32
    QByteArray signPublicKey;            // 32
    QByteArray wrappedSecretKeys;        // 136
    QByteArray recoveryWrappedMasterKey; // 72
    NewDevice device;
    QByteArray signature; // 64: the enrolment signature (signedmessages.h)

    // invite_code is written in canonical form; fromJson accepts typed forms (dashes, lower
    // case, aliases) and stores the canonical digits.
    QJsonObject toJson() const;
    static ApiResult<EnrollRequest> fromJson(const QJsonObject &json);
};

// One member of the key directory (section 10).
struct DirectoryMember
{
    QString userId;
    QString displayName;
    Role role = Role::Staff;
    MemberStatus status = MemberStatus::Active;
    QByteArray boxPublicKey;  // 32
    QByteArray signPublicKey; // 32
    QDateTime enrolledAt;

    QJsonObject toJson() const;
    static ApiResult<DirectoryMember> fromJson(const QJsonObject &json, const QString &path);
};

// GET /v1/directory, 200 (response); also the "directory" member of the enrolment response.
struct Directory
{
    Team team;
    qint64 directoryVersion = 0;
    QList<DirectoryMember> members; // ordered by user_id

    QJsonObject toJson() const;
    static ApiResult<Directory> fromJson(const QJsonObject &json, const QString &path = {});
};

// POST /v1/enroll 201, and POST /v1/devices 201 (same members, section 14.4) (response).
struct EnrollResponse
{
    QString userId;
    QString deviceId;
    Team team;
    Role role = Role::Staff;
    QString serverId;
    Directory directory;

    QJsonObject toJson() const;
    static ApiResult<EnrollResponse> fromJson(const QJsonObject &json);
};
using DeviceRegistrationResponse = EnrollResponse;

// POST /v1/auth/challenge (request).
struct ChallengeRequest
{
    QString deviceId;

    QJsonObject toJson() const;
    static ApiResult<ChallengeRequest> fromJson(const QJsonObject &json);
};

// POST /v1/auth/challenge, 200 (response).
struct ChallengeResponse
{
    QByteArray challenge; // 32
    QDateTime expiresAt;

    QJsonObject toJson() const;
    static ApiResult<ChallengeResponse> fromJson(const QJsonObject &json);
};

// POST /v1/auth/token (request).
struct TokenRequest
{
    QString deviceId;
    QByteArray challenge; // 32, as received
    QByteArray signature; // 64: the auth signature with the device key

    QJsonObject toJson() const;
    static ApiResult<TokenRequest> fromJson(const QJsonObject &json);
};

// POST /v1/auth/token, 200 (response).
struct TokenResponse
{
    QString token; // "owt1_" + base64url(32 bytes); never logged
    QDateTime expiresAt;
    QString userId;
    QString deviceId;
    Team team;
    Role role = Role::Staff;
    qint64 directoryVersion = 0;

    QJsonObject toJson() const;
    static ApiResult<TokenResponse> fromJson(const QJsonObject &json);
};

// GET /v1/me, 200 (response).
struct MeResponse
{
    QString userId;
    QString deviceId;
    Team team;
    Role role = Role::Staff;
    QDateTime tokenExpiresAt;
    qint64 directoryVersion = 0;

    QJsonObject toJson() const;
    static ApiResult<MeResponse> fromJson(const QJsonObject &json);
};

} // namespace outward::protocol
