#include "sync/server/storage/sqlitesupport.h"

#include "sync/server/storage/storageerror.h"

#include <QSqlError>
#include <QUuid>

using namespace Qt::StringLiterals;

namespace outward::server::sqlite {

Status run(QSqlQuery &query, const QString &sql, const QVariantList &args, const QString &doing)
{
    query.setForwardOnly(true);
    if (!query.prepare(sql))
        return storageError(query.lastError(), doing);
    for (qsizetype i = 0; i < args.size(); ++i)
        query.bindValue(int(i), args.at(i));
    if (!query.exec())
        return storageError(query.lastError(), doing);
    return {};
}

QVariant nullableInt(const std::optional<qint64> &value)
{
    return value ? QVariant(*value) : QVariant(QMetaType::fromType<qint64>());
}

QVariant nullableText(const QString &value)
{
    return value.isEmpty() ? QVariant(QMetaType::fromType<QString>()) : QVariant(value);
}

QVariant text(const QString &value)
{
    return value.isNull() ? QVariant(u""_s) : QVariant(value);
}

QVariant blob(const QByteArray &value)
{
    return value.isNull() ? QVariant(""_ba) : QVariant(value);
}

std::optional<qint64> optionalInt(const QVariant &value)
{
    if (value.isNull())
        return std::nullopt;
    return value.toLongLong();
}

const QString kUserColumns =
    u"id, team_id, role, display_name, box_public_key, sign_public_key, wrapped_secret_keys, "
    u"recovery_wrapped_master_key, enrolled_at, revoked_at"_s;
const QString kDeviceColumns =
    u"id, user_id, public_key, name, created_at, last_seen_at, revoked_at"_s;
const QString kTeamColumns = u"id, name, directory_version, created_at"_s;

User userFromRow(const QSqlQuery &query)
{
    User user;
    user.id = query.value(0).toString();
    user.teamId = query.value(1).toString();
    user.role = roleFromName(query.value(2).toString()).value_or(Role::Staff);
    user.displayName = query.value(3).toString();
    user.boxPublicKey = query.value(4).toByteArray();
    user.signPublicKey = query.value(5).toByteArray();
    user.wrappedSecretKeys = query.value(6).toByteArray();
    user.recoveryWrappedMasterKey = query.value(7).toByteArray();
    user.enrolledAt = query.value(8).toLongLong();
    user.revokedAt = optionalInt(query.value(9));
    return user;
}

Device deviceFromRow(const QSqlQuery &query)
{
    Device device;
    device.id = query.value(0).toString();
    device.userId = query.value(1).toString();
    device.publicKey = query.value(2).toByteArray();
    device.name = query.value(3).toString();
    device.createdAt = query.value(4).toLongLong();
    device.lastSeenAt = query.value(5).toLongLong();
    device.revokedAt = optionalInt(query.value(6));
    return device;
}

Team teamFromRow(const QSqlQuery &query)
{
    Team team;
    team.id = query.value(0).toString();
    team.name = query.value(1).toString();
    team.directoryVersion = query.value(2).toLongLong();
    team.createdAt = query.value(3).toLongLong();
    return team;
}

QString newUuid()
{
    return QUuid::createUuid().toString(QUuid::WithoutBraces);
}

namespace {
LinkStatus linkStatusFromName(const QString &name)
{
    if (name == u"claimed"_s)
        return LinkStatus::Claimed;
    if (name == u"registered"_s)
        return LinkStatus::Registered;
    return LinkStatus::Waiting;
}
} // namespace

const QString kLinkOfferColumns =
    u"mailbox_id, user_id, blob, created_at, expires_at, status, device_id"_s;

LinkOffer linkOfferFromRow(const QSqlQuery &query, qint64 now)
{
    LinkOffer offer;
    offer.mailboxId = query.value(0).toByteArray();
    offer.userId = query.value(1).toString();
    offer.blob = query.value(2).toByteArray();
    offer.createdAt = query.value(3).toLongLong();
    offer.expiresAt = query.value(4).toLongLong();
    offer.status = linkStatusFromName(query.value(5).toString());
    offer.deviceId = query.value(6).toString();
    if (offer.status == LinkStatus::Waiting && now >= offer.expiresAt)
        offer.status = LinkStatus::Expired;
    return offer;
}

const QString kInviteColumns =
    u"code_hash, team_id, role, created_at, expires_at, recover_user_id, used_at"_s;

Invite inviteFromRow(const QSqlQuery &query)
{
    Invite invite;
    invite.codeHash = query.value(0).toByteArray();
    invite.teamId = query.value(1).toString();
    invite.role = roleFromName(query.value(2).toString()).value_or(Role::Staff);
    invite.createdAt = query.value(3).toLongLong();
    invite.expiresAt = query.value(4).toLongLong();
    invite.recoverUserId = query.value(5).toString();
    invite.usedAt = optionalInt(query.value(6));
    return invite;
}

} // namespace outward::server::sqlite
