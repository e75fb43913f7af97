#include "core/store/directorystore.h"

#include "core/store/sqlerror.h"

#include <QSqlQuery>

using namespace Qt::StringLiterals;

namespace outward {

namespace {

constexpr int kKeyBytes = 32;

const QString kColumns = u"user_id, display_name, role, status, box_public_key, sign_public_key, "
                         u"first_seen, keys_refused"_s;

Result<DirectoryMember> readRow(const QSqlQuery &query)
{
    DirectoryMember member;
    member.userId = query.value(0).toString();
    member.displayName = query.value(1).toString();
    const auto role = enumFromName<MemberRole>(query.value(2).toString());
    const auto status = enumFromName<MemberStatus>(query.value(3).toString());
    if (!role || !status)
        return Error(ErrorCode::Corrupt,
                     u"the key directory stored on this device is damaged; it is fetched again "
                     u"at the next sync once the damaged entry is removed"_s);
    member.role = *role;
    member.status = *status;
    member.boxPublicKey = query.value(4).toByteArray();
    member.signPublicKey = query.value(5).toByteArray();
    member.firstSeenMs = query.value(6).toLongLong();
    member.keysRefused = query.value(7).toInt() != 0;
    return member;
}

} // namespace

DirectoryStore::DirectoryStore(Database &db)
    : m_db(db)
{}

Result<std::optional<DirectoryMember>> DirectoryStore::member(const QString &userId)
{
    QSqlQuery query(m_db.connection());
    query.setForwardOnly(true);
    query.prepare(u"SELECT %1 FROM directory WHERE user_id = ?"_s.arg(kColumns));
    query.addBindValue(userId);
    if (!query.exec())
        return sqlError(query.lastError(), u"reading the key directory"_s);
    if (!query.next())
        return std::optional<DirectoryMember>();
    auto member = readRow(query);
    if (!member)
        return member.error();
    return std::optional<DirectoryMember>(std::move(member).value());
}

Result<QList<DirectoryMember>> DirectoryStore::members()
{
    QSqlQuery query(m_db.connection());
    query.setForwardOnly(true);
    if (!query.exec(u"SELECT %1 FROM directory ORDER BY user_id"_s.arg(kColumns)))
        return sqlError(query.lastError(), u"reading the key directory"_s);
    QList<DirectoryMember> members;
    while (query.next()) {
        auto member = readRow(query);
        if (!member)
            return member.error();
        members.append(std::move(member).value());
    }
    return members;
}

Result<DirectoryUpdate> DirectoryStore::apply(const QList<DirectoryMember> &members, qint64 nowMs)
{
    for (const DirectoryMember &member : members)
        if (member.userId.isEmpty() || member.boxPublicKey.size() != kKeyBytes ||
            member.signPublicKey.size() != kKeyBytes)
            return Error(ErrorCode::InvalidInput,
                         u"the key directory from the server has a member without a user id or "
                         u"with a key that is not 32 bytes; nothing was changed"_s);

    const QString doing = u"saving the key directory"_s;
    DirectoryUpdate update;
    auto saved = m_db.write(doing, [&]() -> Status {
        for (const DirectoryMember &incoming : members) {
            auto pinned = member(incoming.userId);
            if (!pinned)
                return pinned.error();
            QSqlQuery query(m_db.connection());
            if (!pinned->has_value()) {
                query.prepare(
                    u"INSERT INTO directory (%1) VALUES (?, ?, ?, ?, ?, ?, ?, 0)"_s.arg(kColumns));
                query.addBindValue(incoming.userId);
                query.addBindValue(incoming.displayName);
                query.addBindValue(enumName(incoming.role));
                query.addBindValue(enumName(incoming.status));
                query.addBindValue(incoming.boxPublicKey);
                query.addBindValue(incoming.signPublicKey);
                query.addBindValue(nowMs);
                ++update.added;
            } else if ((*pinned)->boxPublicKey != incoming.boxPublicKey ||
                       (*pinned)->signPublicKey != incoming.signPublicKey) {
                // Keys never change in version 1: other keys mean a lying or broken server.
                query.prepare(u"UPDATE directory SET keys_refused = 1 WHERE user_id = ?"_s);
                query.addBindValue(incoming.userId);
                update.refusedUserIds << incoming.userId;
            } else {
                query.prepare(u"UPDATE directory SET display_name = ?, role = ?, status = ?, "
                              u"keys_refused = 0 WHERE user_id = ?"_s);
                query.addBindValue(incoming.displayName);
                query.addBindValue(enumName(incoming.role));
                query.addBindValue(enumName(incoming.status));
                query.addBindValue(incoming.userId);
                ++update.updated;
            }
            if (!query.exec())
                return sqlError(query.lastError(), doing);
        }
        return {};
    });
    if (!saved)
        return saved.error();
    return update;
}

} // namespace outward
