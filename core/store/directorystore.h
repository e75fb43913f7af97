#pragma once

#include "core/common/result.h"
#include "core/model/enumnames.h"
#include "core/store/database.h"

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace outward {

enum class MemberRole
{
    Staff,
    Lead,
    Admin
};

template<>
struct EnumNames<MemberRole>
{
    static constexpr std::array<EnumEntry<MemberRole>, 3> entries{{
        {MemberRole::Staff, QLatin1StringView("staff")},
        {MemberRole::Lead, QLatin1StringView("lead")},
        {MemberRole::Admin, QLatin1StringView("admin")},
    }};
};

enum class MemberStatus
{
    Active,
    Revoked
};

template<>
struct EnumNames<MemberStatus>
{
    static constexpr std::array<EnumEntry<MemberStatus>, 2> entries{{
        {MemberStatus::Active, QLatin1StringView("active")},
        {MemberStatus::Revoked, QLatin1StringView("revoked")},
    }};
};

// One member of the team's key directory (docs/protocol.md section 10) as pinned on this device.
struct DirectoryMember
{
    QString userId;
    QString displayName;
    MemberRole role = MemberRole::Staff;
    MemberStatus status = MemberStatus::Active;
    QByteArray boxPublicKey;  // X25519, 32 bytes: records shared with them are wrapped for it
    QByteArray signPublicKey; // Ed25519, 32 bytes: verifies their record signatures
    qint64 firstSeenMs = 0;   // when this device pinned the keys (set by apply)
    // The server later sent other keys for this user; the pinned keys stay, and nothing is
    // shared with this member until an administrator sorts it out (set by apply).
    bool keysRefused = false;

    bool isActive() const { return status == MemberStatus::Active && !keysRefused; }
};

// What apply() did, so the app can say "the keys of NAME changed on the server".
struct DirectoryUpdate
{
    int added = 0;
    int updated = 0;
    QStringList refusedUserIds; // members whose keys differ from the pinned ones
};

// The pinned key directory (`directory` table). The first keys seen for a user id are pinned
// (trust on first use); a later directory that changes them is refused for that user only.
class DirectoryStore
{
public:
    explicit DirectoryStore(Database &db);

    // Merges a directory fetched from the server, in one transaction (joining the caller's):
    // new members are pinned; known members with the pinned keys take the new name, role and
    // status (and lose keysRefused); known members with other keys keep everything pinned and
    // are marked keysRefused. Members missing from `members` are kept as they are. InvalidInput,
    // writing nothing, for a key that is not 32 bytes or an empty user id.
    Result<DirectoryUpdate> apply(const QList<DirectoryMember> &members, qint64 nowMs);

    Result<std::optional<DirectoryMember>> member(const QString &userId);
    // Every pinned member, ordered by user id (the directory order of docs/protocol.md 13.1).
    Result<QList<DirectoryMember>> members();

private:
    Database &m_db;
};

} // namespace outward
