// Enrolment, devices, link offers, recovery and claim tokens (protocol.md 8, 14, 15).

#include "sync/server/storage/sqliteserverstore.h"
#include "sync/server/storage/sqlitesupport.h"
#include "sync/server/storage/storageerror.h"

#include <QSqlQuery>

using namespace Qt::StringLiterals;

namespace outward::server {

using sqlite::newUuid;
using sqlite::run;

namespace {
// touchDevice writes lastSeenAt at most this often per device.
constexpr qint64 kTouchIntervalMs = 60 * 1000;
} // namespace

// ---- enrolment ------------------------------------------------------------------------------

Status SqliteServerStore::insertDevice(const Device &device, const QString &doing)
{
    QSqlQuery insert(m_db);
    return run(
        insert,
        u"INSERT INTO devices (%1) VALUES (?, ?, ?, ?, ?, ?, ?)"_s.arg(sqlite::kDeviceColumns),
        {device.id, device.userId, device.publicKey, device.name, device.createdAt,
         device.lastSeenAt, sqlite::nullableInt(device.revokedAt)},
        doing);
}

Result<EnrollResult> SqliteServerStore::enroll(const QByteArray &inviteHash, const User &newUser,
                                               const Device &newDevice, qint64 now)
{
    const QString doing = u"enrolling the user"_s;
    EnrollResult result;
    auto enrolled = write(doing, Durability::Full, [&]() -> Status {
        auto invite = findInvite(inviteHash);
        if (!invite)
            return invite.error();
        if (!*invite || (*invite)->isRecoveryTicket()) {
            result.outcome = EnrollOutcome::InviteInvalid;
            return {};
        }
        if (now >= (*invite)->expiresAt) {
            result.outcome = EnrollOutcome::InviteExpired;
            return {};
        }
        if ((*invite)->usedAt) {
            result.outcome = EnrollOutcome::InviteUsed;
            return {};
        }
        auto sameId = findUser(newUser.id);
        if (!sameId)
            return sameId.error();
        if (*sameId) {
            result.outcome = EnrollOutcome::UserExists;
            return {};
        }
        auto sameBox = findUserByBoxKey(newUser.boxPublicKey);
        if (!sameBox)
            return sameBox.error();
        auto sameSign = findUserBySignKey(newUser.signPublicKey);
        if (!sameSign)
            return sameSign.error();
        auto sameDevice = findDeviceByPublicKey(newDevice.publicKey);
        if (!sameDevice)
            return sameDevice.error();
        if (*sameBox || *sameSign || *sameDevice) {
            result.outcome = EnrollOutcome::KeyInUse;
            return {};
        }

        QSqlQuery markUsed(m_db);
        if (auto ran = run(markUsed, u"UPDATE invites SET used_at = ? WHERE code_hash = ?"_s,
                           {now, inviteHash}, doing);
            !ran)
            return ran;

        User user = newUser;
        user.teamId = (*invite)->teamId;
        user.role = (*invite)->role;
        user.enrolledAt = now;
        user.revokedAt.reset();
        QSqlQuery insertUser(m_db);
        if (auto ran =
                run(insertUser,
                    u"INSERT INTO users (%1) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"_s.arg(
                        sqlite::kUserColumns),
                    {user.id, user.teamId, roleName(user.role), user.displayName, user.boxPublicKey,
                     user.signPublicKey, user.wrappedSecretKeys, user.recoveryWrappedMasterKey,
                     user.enrolledAt, sqlite::nullableInt(user.revokedAt)},
                    doing);
            !ran)
            return ran;

        Device device = newDevice;
        if (device.id.isEmpty())
            device.id = newUuid();
        device.userId = user.id;
        device.createdAt = now;
        device.lastSeenAt = now;
        device.revokedAt.reset();
        if (auto inserted = insertDevice(device, doing); !inserted)
            return inserted;

        if (auto bumped = bumpDirectory(user.teamId, doing); !bumped)
            return bumped;
        auto team = findTeam(user.teamId);
        if (!team)
            return team.error();
        result.outcome = EnrollOutcome::Ok;
        result.user = user;
        result.device = device;
        result.team = team->value_or(Team());
        return {};
    });
    if (!enrolled)
        return enrolled.error();
    return result;
}

// ---- devices --------------------------------------------------------------------------------

Result<Device> SqliteServerStore::addDevice(const Device &device)
{
    const QString doing = u"adding the device"_s;
    Device row = device;
    if (row.id.isEmpty())
        row.id = newUuid();
    auto added = write(doing, Durability::Full, [&]() -> Status {
        auto user = findUser(row.userId);
        if (!user)
            return user.error();
        if (!*user)
            return Error(ErrorCode::InvalidInput, u"no user with id %1"_s.arg(row.userId));
        auto sameId = findDevice(row.id);
        if (!sameId)
            return sameId.error();
        auto sameKey = findDeviceByPublicKey(row.publicKey);
        if (!sameKey)
            return sameKey.error();
        if (*sameId || *sameKey)
            return Error(ErrorCode::InvalidInput,
                         u"a device with this id or public key exists already"_s);
        return insertDevice(row, doing);
    });
    if (!added)
        return added.error();
    return row;
}

Result<std::optional<Device>> SqliteServerStore::findDevice(const QString &deviceId)
{
    auto use = runPrepared(u"SELECT %1 FROM devices WHERE id = ?"_s.arg(sqlite::kDeviceColumns),
                           {deviceId}, u"reading a device"_s);
    if (!use)
        return use.error();
    QSqlQuery &query = use->query();
    if (!query.next())
        return std::optional<Device>();
    return std::optional<Device>(sqlite::deviceFromRow(query));
}

Result<std::optional<Device>> SqliteServerStore::findDeviceByPublicKey(const QByteArray &publicKey)
{
    QSqlQuery query(m_db);
    if (auto ran =
            run(query, u"SELECT %1 FROM devices WHERE public_key = ?"_s.arg(sqlite::kDeviceColumns),
                {publicKey}, u"reading a device"_s);
        !ran)
        return ran.error();
    if (!query.next())
        return std::optional<Device>();
    return std::optional<Device>(sqlite::deviceFromRow(query));
}

Result<QList<Device>> SqliteServerStore::listDevices(const QString &userId)
{
    QSqlQuery query(m_db);
    if (auto ran = run(query,
                       u"SELECT %1 FROM devices WHERE user_id = ? ORDER BY created_at, id"_s.arg(
                           sqlite::kDeviceColumns),
                       {userId}, u"listing the devices"_s);
        !ran)
        return ran.error();
    QList<Device> devices;
    while (query.next())
        devices.append(sqlite::deviceFromRow(query));
    return devices;
}

Status SqliteServerStore::revokeDevice(const QString &deviceId, qint64 now)
{
    const QString doing = u"revoking the device"_s;
    return write(doing, Durability::Full, [&]() -> Status {
        auto device = findDevice(deviceId);
        if (!device)
            return device.error();
        if (!*device)
            return Error(ErrorCode::NotFound, u"no device with id %1"_s.arg(deviceId));
        QSqlQuery revoke(m_db);
        if (auto ran = run(
                revoke, u"UPDATE devices SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL"_s,
                {now, deviceId}, doing);
            !ran)
            return ran;
        QSqlQuery tokens(m_db);
        if (auto ran = run(tokens, u"DELETE FROM tokens WHERE device_id = ?"_s, {deviceId}, doing);
            !ran)
            return ran;
        // A registration repeated with its claim token must not bring the device back.
        QSqlQuery claims(m_db);
        return run(claims, u"DELETE FROM claim_tokens WHERE device_id = ?"_s, {deviceId}, doing);
    });
}

Status SqliteServerStore::touchDevice(const QString &deviceId, qint64 now)
{
    // Every authenticated request touches its device: skip the write (and the write lock) while
    // the stored value, as this object last saw it, is recent; the WHERE clause coalesces
    // across processes too.
    const auto known = m_lastTouched.constFind(deviceId);
    if (known != m_lastTouched.constEnd() && now - *known < kTouchIntervalMs)
        return {};
    const QString doing = u"recording when the device was seen"_s;
    qint64 stored = now;
    auto touched = write(doing, Durability::Normal, [&]() -> Status {
        QSqlQuery update(m_db);
        if (auto ran = run(update,
                           u"UPDATE devices SET last_seen_at = ? "
                           u"WHERE id = ? AND last_seen_at <= ?"_s,
                           {now, deviceId, now - kTouchIntervalMs}, doing);
            !ran)
            return ran;
        if (update.numRowsAffected() > 0)
            return {};
        QSqlQuery current(m_db);
        if (auto ran =
                run(current, u"SELECT last_seen_at FROM devices WHERE id = ?"_s, {deviceId}, doing);
            !ran)
            return ran;
        if (!current.next())
            return Error(ErrorCode::NotFound, u"no device with id %1"_s.arg(deviceId));
        stored = current.value(0).toLongLong();
        return {};
    });
    if (touched)
        m_lastTouched.insert(deviceId, stored);
    return touched;
}

Result<RegisterDeviceResult> SqliteServerStore::registerDevice(const QByteArray &claimTokenHash,
                                                               const Device &newDevice, qint64 now)
{
    const QString doing = u"registering the device"_s;
    RegisterDeviceResult result;
    auto registered = write(doing, Durability::Full, [&]() -> Status {
        auto claim = findClaimToken(claimTokenHash);
        if (!claim)
            return claim.error();
        if (!*claim || now >= (*claim)->expiresAt) {
            result.outcome = RegisterDeviceOutcome::ClaimExpired;
            return {};
        }
        auto user = findUser((*claim)->userId);
        if (!user)
            return user.error();
        if (!*user) {
            result.outcome = RegisterDeviceOutcome::ClaimExpired;
            return {};
        }
        if ((*user)->isRevoked()) {
            result.outcome = RegisterDeviceOutcome::UserRevoked;
            return {};
        }
        auto team = findTeam((*user)->teamId);
        if (!team)
            return team.error();

        if (!(*claim)->deviceId.isEmpty()) {
            // Used already: only the device that used it may hear its answer again.
            auto earlier = findDevice((*claim)->deviceId);
            if (!earlier)
                return earlier.error();
            if (!*earlier || (*earlier)->isRevoked() || (*earlier)->userId != (*user)->id ||
                (*earlier)->publicKey != newDevice.publicKey) {
                result.outcome = RegisterDeviceOutcome::ClaimExpired;
                return {};
            }
            result.outcome = RegisterDeviceOutcome::Ok;
            result.repeated = true;
            result.user = **user;
            result.device = **earlier;
            result.team = team->value_or(Team());
            return {};
        }

        auto sameKey = findDeviceByPublicKey(newDevice.publicKey);
        if (!sameKey)
            return sameKey.error();
        if (*sameKey) {
            result.outcome = RegisterDeviceOutcome::KeyInUse;
            return {};
        }
        Device device = newDevice;
        if (device.id.isEmpty())
            device.id = newUuid();
        device.userId = (*user)->id;
        device.createdAt = now;
        device.lastSeenAt = now;
        device.revokedAt.reset();
        if (auto inserted = insertDevice(device, doing); !inserted)
            return inserted;
        QSqlQuery consume(m_db);
        if (auto ran = run(consume, u"UPDATE claim_tokens SET device_id = ? WHERE token_hash = ?"_s,
                           {device.id, claimTokenHash}, doing);
            !ran)
            return ran;
        if (!(*claim)->mailboxId.isEmpty()) {
            QSqlQuery offer(m_db);
            if (auto ran = run(offer,
                               u"UPDATE link_offers SET status = 'registered', device_id = ? "
                               u"WHERE mailbox_id = ?"_s,
                               {device.id, (*claim)->mailboxId}, doing);
                !ran)
                return ran;
        }
        result.outcome = RegisterDeviceOutcome::Ok;
        result.user = **user;
        result.device = device;
        result.team = team->value_or(Team());
        return {};
    });
    if (!registered)
        return registered.error();
    return result;
}

// ---- link offers ------------------------------------------------------------------------------

Result<CreateLinkOfferOutcome> SqliteServerStore::createLinkOffer(const LinkOffer &offer,
                                                                  int maxLive, qint64 now)
{
    const QString doing = u"storing the link offer"_s;
    CreateLinkOfferOutcome outcome = CreateLinkOfferOutcome::Ok;
    auto created = write(doing, Durability::Full, [&]() -> Status {
        QSqlQuery existing(m_db);
        if (auto ran = run(existing, u"SELECT 1 FROM link_offers WHERE mailbox_id = ?"_s,
                           {offer.mailboxId}, doing);
            !ran)
            return ran;
        if (existing.next()) {
            outcome = CreateLinkOfferOutcome::Exists;
            return {};
        }
        auto live = countLiveLinkOffers(offer.userId, now);
        if (!live)
            return live.error();
        if (*live >= maxLive) {
            outcome = CreateLinkOfferOutcome::TooMany;
            return {};
        }
        QSqlQuery insert(m_db);
        return run(insert,
                   u"INSERT INTO link_offers (%1) VALUES (?, ?, ?, ?, ?, 'waiting', NULL)"_s.arg(
                       sqlite::kLinkOfferColumns),
                   {offer.mailboxId, offer.userId, offer.blob, offer.createdAt, offer.expiresAt},
                   doing);
    });
    if (!created)
        return created.error();
    return outcome;
}

Result<int> SqliteServerStore::countLiveLinkOffers(const QString &userId, qint64 now)
{
    QSqlQuery query(m_db);
    if (auto ran = run(query,
                       u"SELECT count(*) FROM link_offers "
                       u"WHERE user_id = ? AND status = 'waiting' AND expires_at > ?"_s,
                       {userId, now}, u"counting link offers"_s);
        !ran)
        return ran.error();
    return query.next() ? query.value(0).toInt() : 0;
}

Result<std::optional<LinkOffer>> SqliteServerStore::findLinkOffer(const QByteArray &mailboxId,
                                                                  qint64 now)
{
    QSqlQuery query(m_db);
    if (auto ran =
            run(query,
                u"SELECT %1 FROM link_offers WHERE mailbox_id = ?"_s.arg(sqlite::kLinkOfferColumns),
                {mailboxId}, u"reading a link offer"_s);
        !ran)
        return ran.error();
    if (!query.next())
        return std::optional<LinkOffer>();
    return std::optional<LinkOffer>(sqlite::linkOfferFromRow(query, now));
}

Result<LinkClaimResult> SqliteServerStore::claimLinkOffer(const QByteArray &mailboxId,
                                                          const QByteArray &claimTokenHash,
                                                          qint64 claimExpiresAt, qint64 now)
{
    const QString doing = u"claiming the link offer"_s;
    LinkClaimResult result;
    auto claimed = write(doing, Durability::Full, [&]() -> Status {
        auto offer = findLinkOffer(mailboxId, now);
        if (!offer)
            return offer.error();
        if (!*offer) {
            result.outcome = ClaimOutcome::NotFound;
            return {};
        }
        switch ((*offer)->status) {
        case LinkStatus::Expired:
            result.outcome = ClaimOutcome::Expired;
            return {};
        case LinkStatus::Claimed:
        case LinkStatus::Registered:
            result.outcome = ClaimOutcome::Used;
            return {};
        case LinkStatus::Waiting:
            break;
        }
        auto user = findUser((*offer)->userId);
        if (!user)
            return user.error();
        if (!*user) {
            result.outcome = ClaimOutcome::NotFound;
            return {};
        }
        QSqlQuery update(m_db);
        if (auto ran =
                run(update, u"UPDATE link_offers SET status = 'claimed' WHERE mailbox_id = ?"_s,
                    {mailboxId}, doing);
            !ran)
            return ran;
        QSqlQuery insert(m_db);
        if (auto ran =
                run(insert,
                    u"INSERT INTO claim_tokens (token_hash, user_id, mailbox_id, expires_at) "
                    u"VALUES (?, ?, ?, ?)"_s,
                    {claimTokenHash, (*offer)->userId, mailboxId, claimExpiresAt}, doing);
            !ran)
            return ran;
        result.outcome = ClaimOutcome::Ok;
        result.offer = **offer;
        result.offer.status = LinkStatus::Claimed;
        result.user = **user;
        return {};
    });
    if (!claimed)
        return claimed.error();
    return result;
}

Status SqliteServerStore::markLinkOfferRegistered(const QByteArray &mailboxId,
                                                  const QString &deviceId)
{
    const QString doing = u"marking the link offer registered"_s;
    return write(doing, Durability::Full, [&]() -> Status {
        QSqlQuery update(m_db);
        if (auto ran = run(update,
                           u"UPDATE link_offers SET status = 'registered', device_id = ? "
                           u"WHERE mailbox_id = ?"_s,
                           {deviceId, mailboxId}, doing);
            !ran)
            return ran;
        if (update.numRowsAffected() != 1)
            return Error(ErrorCode::NotFound, u"no link offer with this mailbox id"_s);
        return {};
    });
}

Result<bool> SqliteServerStore::deleteLinkOffer(const QByteArray &mailboxId)
{
    const QString doing = u"cancelling the link offer"_s;
    bool deleted = false;
    auto done = write(doing, Durability::Full, [&]() -> Status {
        QSqlQuery remove(m_db);
        if (auto ran =
                run(remove, u"DELETE FROM link_offers WHERE mailbox_id = ?"_s, {mailboxId}, doing);
            !ran)
            return ran;
        deleted = remove.numRowsAffected() > 0;
        // A person who cancels after the code was claimed (not by them, perhaps) must stop that
        // device from registering: its claim goes with the offer.
        QSqlQuery claims(m_db);
        return run(claims, u"DELETE FROM claim_tokens WHERE mailbox_id = ?"_s, {mailboxId}, doing);
    });
    if (!done)
        return done.error();
    return deleted;
}

// ---- recovery and claim tokens ----------------------------------------------------------------

Result<RecoveryClaimResult> SqliteServerStore::claimRecovery(const QByteArray &ticketHash,
                                                             const QByteArray &claimTokenHash,
                                                             qint64 claimExpiresAt, qint64 now)
{
    const QString doing = u"claiming the recovery ticket"_s;
    RecoveryClaimResult result;
    auto claimed = write(doing, Durability::Full, [&]() -> Status {
        auto ticket = findInvite(ticketHash);
        if (!ticket)
            return ticket.error();
        if (!*ticket || !(*ticket)->isRecoveryTicket()) {
            result.outcome = ClaimOutcome::NotFound;
            return {};
        }
        if (now >= (*ticket)->expiresAt) {
            result.outcome = ClaimOutcome::Expired;
            return {};
        }
        if ((*ticket)->usedAt) {
            result.outcome = ClaimOutcome::Used;
            return {};
        }
        auto user = findUser((*ticket)->recoverUserId);
        if (!user)
            return user.error();
        if (!*user) {
            result.outcome = ClaimOutcome::NotFound;
            return {};
        }
        QSqlQuery markUsed(m_db);
        if (auto ran = run(markUsed, u"UPDATE invites SET used_at = ? WHERE code_hash = ?"_s,
                           {now, ticketHash}, doing);
            !ran)
            return ran;
        QSqlQuery insert(m_db);
        if (auto ran =
                run(insert,
                    u"INSERT INTO claim_tokens (token_hash, user_id, mailbox_id, expires_at) "
                    u"VALUES (?, ?, NULL, ?)"_s,
                    {claimTokenHash, (*user)->id, claimExpiresAt}, doing);
            !ran)
            return ran;
        result.outcome = ClaimOutcome::Ok;
        result.user = **user;
        return {};
    });
    if (!claimed)
        return claimed.error();
    return result;
}

Result<std::optional<ClaimToken>> SqliteServerStore::findClaimToken(const QByteArray &tokenHash)
{
    QSqlQuery query(m_db);
    if (auto ran = run(query,
                       u"SELECT token_hash, user_id, mailbox_id, expires_at, device_id "
                       u"FROM claim_tokens WHERE token_hash = ?"_s,
                       {tokenHash}, u"looking up a claim token"_s);
        !ran)
        return ran.error();
    if (!query.next())
        return std::optional<ClaimToken>();
    ClaimToken token;
    token.tokenHash = query.value(0).toByteArray();
    token.userId = query.value(1).toString();
    token.mailboxId = query.value(2).toByteArray();
    token.expiresAt = query.value(3).toLongLong();
    token.deviceId = query.value(4).toString();
    return std::optional<ClaimToken>(token);
}

} // namespace outward::server
