#pragma once

#include "core/model/enumnames.h"
#include "sync/protocol/apierror.h"

#include <QByteArray>
#include <QDateTime>
#include <QJsonObject>
#include <QString>

// Building blocks shared by several bodies of protocol.md sections 7-15. Conventions for every
// message struct (here and in messages_*.h):
// - ids are QString holding the canonical lower-case UUID; binary members are decoded
//   QByteArray; times are QDateTime in UTC (timetext.h).
// - toJson() writes exactly the documented members.
// - fromJson() validates per the protocol tables and reports ApiErrors with member paths.
//   Request bodies refuse unknown members (unknown_field); response bodies ignore them, since
//   clients must accept members added by a newer server (section 17).
namespace outward::protocol {

enum class Role
{
    Staff,
    Lead,
    Admin,
};

enum class MemberStatus
{
    Active,
    Revoked,
};

} // namespace outward::protocol

namespace outward {
template<>
struct EnumNames<protocol::Role>
{
    static constexpr std::array<EnumEntry<protocol::Role>, 3> entries{{
        {protocol::Role::Staff, QLatin1StringView("staff")},
        {protocol::Role::Lead, QLatin1StringView("lead")},
        {protocol::Role::Admin, QLatin1StringView("admin")},
    }};
};

template<>
struct EnumNames<protocol::MemberStatus>
{
    static constexpr std::array<EnumEntry<protocol::MemberStatus>, 2> entries{{
        {protocol::MemberStatus::Active, QLatin1StringView("active")},
        {protocol::MemberStatus::Revoked, QLatin1StringView("revoked")},
    }};
};
} // namespace outward

namespace outward::protocol {

inline constexpr int kPublicKeyBytes = 32;          // X25519 and Ed25519 public keys
inline constexpr int kSignatureBytes = 64;          // Ed25519 detached
inline constexpr int kWrappedSecretKeysBytes = 136; // crypto.md 3.1
inline constexpr int kRecoveryWrappedMasterKeyBytes = 72;
inline constexpr int kChallengeBytes = 32;
inline constexpr int kKeyCommitBytes = 32;
inline constexpr int kMailboxIdBytes = 16;
inline constexpr int kLinkBlobBytes = 72;

// {"id", "name"}
struct Team
{
    QString id;
    QString name;

    QJsonObject toJson() const;
    static ApiResult<Team> fromJson(const QJsonObject &json, const QString &path = {});
    friend bool operator==(const Team &a, const Team &b)
    {
        return a.id == b.id && a.name == b.name;
    }
};

// The "device" member of enrolment and device registration: {"public_key", "name"}.
struct NewDevice
{
    QByteArray publicKey; // Ed25519, 32 bytes: the device key (section 4)
    QString name;         // 1 .. 100 code points, no control characters

    QJsonObject toJson() const;
    // A request member: unknown members are refused; paths are "<path>.public_key".
    static ApiResult<NewDevice> fromJson(const QJsonObject &json,
                                         const QString &path = QStringLiteral("device"));
    friend bool operator==(const NewDevice &a, const NewDevice &b)
    {
        return a.publicKey == b.publicKey && a.name == b.name;
    }
};

// The "keyring" member of link and recovery claims: the columns stored at enrolment.
struct KeyringBlobs
{
    QByteArray boxPublicKey;             // 32
    QByteArray signPublicKey;            // 32
    QByteArray wrappedSecretKeys;        // 136
    QByteArray recoveryWrappedMasterKey; // 72

    QJsonObject toJson() const;
    static ApiResult<KeyringBlobs> fromJson(const QJsonObject &json,
                                            const QString &path = QStringLiteral("keyring"));
    friend bool operator==(const KeyringBlobs &a, const KeyringBlobs &b)
    {
        return a.boxPublicKey == b.boxPublicKey && a.signPublicKey == b.signPublicKey &&
               a.wrappedSecretKeys == b.wrappedSecretKeys &&
               a.recoveryWrappedMasterKey == b.recoveryWrappedMasterKey;
    }
};

} // namespace outward::protocol
