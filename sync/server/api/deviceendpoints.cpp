// Devices, linking a second device, and recovery (protocol.md sections 14 and 15).
#include "sync/protocol/base64url.h"
#include "sync/protocol/messages_devices.h"
#include "sync/protocol/signedmessages.h"
#include "sync/server/api/apisupport.h"
#include "sync/server/api/serverapi.h"

#include <QTimeZone>

using namespace Qt::StringLiterals;

namespace outward::server {

using protocol::ApiError;

namespace {

constexpr RateLimit kClaimPerIp{10, 15 * 60 * 1000};
constexpr RateLimit kRegisterPerIp{10, 15 * 60 * 1000};
constexpr int kMaxLiveLinkOffers = 3;

QDateTime timeOf(qint64 ms)
{
    return QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC);
}

protocol::LinkState toWire(LinkStatus status)
{
    switch (status) {
    case LinkStatus::Waiting:
        return protocol::LinkState::Waiting;
    case LinkStatus::Claimed:
        return protocol::LinkState::Claimed;
    case LinkStatus::Registered:
        return protocol::LinkState::Registered;
    case LinkStatus::Expired:
        return protocol::LinkState::Expired;
    }
    return protocol::LinkState::Expired;
}

protocol::Role roleToWire(Role role)
{
    return role == Role::Lead
               ? protocol::Role::Lead
               : (role == Role::Admin ? protocol::Role::Admin : protocol::Role::Staff);
}

protocol::KeyringBlobs keyringOf(const User &user)
{
    return {user.boxPublicKey, user.signPublicKey, user.wrappedSecretKeys,
            user.recoveryWrappedMasterKey};
}

} // namespace

protocol::ApiResult<QByteArray> ServerApi::mailboxIdFromPath(const QString &text) const
{
    auto decoded = protocol::base64url::decodeExact(text, protocol::kMailboxIdBytes);
    if (!decoded.ok())
        return ApiError::linkNotFound(u"mailbox_id"_s);
    return decoded.value();
}

ServerApi::Reply ServerApi::listDevices(const HttpRequest &request, const Params &)
{
    OW_TRY(caller, authenticate(request));
    OW_TRY(devices, fromStore(m_store.listDevices(caller.user.id)));
    protocol::DeviceList list;
    for (const Device &device : devices) {
        protocol::DeviceEntry entry;
        entry.deviceId = device.id;
        entry.name = device.name;
        entry.createdAt = timeOf(device.createdAt);
        if (device.lastSeenAt > 0)
            entry.lastSeenAt = timeOf(device.lastSeenAt);
        entry.status =
            device.isRevoked() ? protocol::DeviceStatus::Revoked : protocol::DeviceStatus::Active;
        entry.current = device.id == caller.device.id;
        list.devices.append(entry);
    }
    return protocol::jsonResponse(200, list.toJson());
}

ServerApi::Reply ServerApi::revokeDevice(const HttpRequest &request, const Params &params)
{
    OW_TRY(caller, authenticate(request));
    OW_TRY(device, fromStore(m_store.findDevice(params.value(0))));
    if (!device.has_value())
        return ApiError::notFound(u"device"_s, u"device_id"_s);
    if (device->userId != caller.user.id)
        return ApiError::notYourDevice(u"device_id"_s);
    OW_CHECK(fromStore(m_store.revokeDevice(device->id, m_clock.nowMs())));
    qCInfo(lcApi).noquote() << "device" << device->id << "revoked by its user";
    HttpResponse response;
    response.status = 204;
    return response;
}

ServerApi::Reply ServerApi::createLinkOffer(const HttpRequest &request, const Params &)
{
    OW_TRY(caller, authenticate(request));
    OW_TRY(body, jsonBody(request));
    OW_TRY(asked, protocol::LinkOfferRequest::fromJson(body));
    const qint64 now = m_clock.nowMs();
    LinkOffer offer;
    offer.mailboxId = asked.mailboxId;
    offer.userId = caller.user.id;
    offer.blob = asked.blob;
    offer.createdAt = now;
    offer.expiresAt = now + m_options.linkOfferLifetimeMs;
    OW_TRY(outcome, fromStore(m_store.createLinkOffer(offer, kMaxLiveLinkOffers, now)));
    switch (outcome) {
    case CreateLinkOfferOutcome::Ok:
        break;
    case CreateLinkOfferOutcome::Exists:
        return ApiError::linkExists();
    case CreateLinkOfferOutcome::TooMany:
        return ApiError::rateLimited(int(m_options.linkOfferLifetimeMs / 1000));
    }
    protocol::LinkOfferResponse response;
    response.expiresAt = timeOf(offer.expiresAt);
    return protocol::jsonResponse(201, response.toJson());
}

ServerApi::Reply ServerApi::linkOfferStatus(const HttpRequest &request, const Params &params)
{
    OW_TRY(caller, authenticate(request));
    OW_TRY(mailboxId, mailboxIdFromPath(params.value(0)));
    OW_TRY(offer, fromStore(m_store.findLinkOffer(mailboxId, m_clock.nowMs())));
    if (!offer.has_value())
        return ApiError::linkNotFound();
    if (offer->userId != caller.user.id)
        return ApiError::notYourDevice(u"mailbox_id"_s);
    protocol::LinkOfferStatus status;
    status.status = toWire(offer->status);
    status.deviceId = offer->deviceId;
    return protocol::jsonResponse(200, status.toJson());
}

ServerApi::Reply ServerApi::cancelLinkOffer(const HttpRequest &request, const Params &params)
{
    OW_TRY(caller, authenticate(request));
    OW_TRY(mailboxId, mailboxIdFromPath(params.value(0)));
    OW_TRY(offer, fromStore(m_store.findLinkOffer(mailboxId, m_clock.nowMs())));
    if (!offer.has_value())
        return ApiError::linkNotFound();
    if (offer->userId != caller.user.id)
        return ApiError::notYourDevice(u"mailbox_id"_s);
    OW_TRY(deleted, fromStore(m_store.deleteLinkOffer(mailboxId)));
    Q_UNUSED(deleted);
    HttpResponse response;
    response.status = 204;
    return response;
}

ServerApi::Reply ServerApi::claimLink(const HttpRequest &request, const Params &)
{
    OW_CHECK(limit(u"claim:"_s + clientAddress(request), kClaimPerIp));
    OW_TRY(body, jsonBody(request));
    OW_TRY(asked, protocol::LinkClaimRequest::fromJson(body));
    OW_TRY(settings, settings());
    const qint64 now = m_clock.nowMs();
    const QString claimToken = protocol::signing::newClaimToken();
    if (claimToken.isEmpty())
        return ApiError::internal(u"claim token"_s);
    OW_TRY(claimHash, fromStore(protocol::signing::tokenHash(claimToken)));
    OW_TRY(result, fromStore(m_store.claimLinkOffer(asked.mailboxId, claimHash,
                                                    now + m_options.claimLifetimeMs, now)));
    switch (result.outcome) {
    case ClaimOutcome::Ok:
        break;
    case ClaimOutcome::NotFound:
        return ApiError::linkNotFound();
    case ClaimOutcome::Expired:
        return ApiError::linkExpired();
    case ClaimOutcome::Used:
        return ApiError::linkUsed();
    }
    OW_TRY(team, fromStore(m_store.findTeam(result.user.teamId)));
    if (!team.has_value())
        return ApiError::internal(u"team"_s);
    protocol::LinkClaimResponse response;
    response.userId = result.user.id;
    response.team = {team->id, team->name};
    response.role = roleToWire(result.user.role);
    response.serverId = settings.serverId;
    response.blob = result.offer.blob;
    response.keyring = keyringOf(result.user);
    response.claimToken = claimToken;
    return protocol::jsonResponse(200, response.toJson());
}

ServerApi::Reply ServerApi::claimRecovery(const HttpRequest &request, const Params &)
{
    OW_CHECK(limit(u"claim:"_s + clientAddress(request), kClaimPerIp));
    OW_TRY(body, jsonBody(request));
    OW_TRY(asked, protocol::RecoveryClaimRequest::fromJson(body));
    OW_TRY(settings, settings());
    const qint64 now = m_clock.nowMs();
    const QString claimToken = protocol::signing::newClaimToken();
    if (claimToken.isEmpty())
        return ApiError::internal(u"claim token"_s);
    OW_TRY(claimHash, fromStore(protocol::signing::tokenHash(claimToken)));
    OW_TRY(ticketHash, fromStore(protocol::signing::hashText(asked.ticket)));
    OW_TRY(result, fromStore(m_store.claimRecovery(ticketHash, claimHash,
                                                   now + m_options.claimLifetimeMs, now)));
    switch (result.outcome) {
    case ClaimOutcome::Ok:
        break;
    case ClaimOutcome::NotFound:
        return ApiError::inviteInvalid(u"ticket"_s);
    case ClaimOutcome::Expired:
        return ApiError::inviteExpired(u"ticket"_s);
    case ClaimOutcome::Used:
        return ApiError::inviteUsed(u"ticket"_s);
    }
    OW_TRY(team, fromStore(m_store.findTeam(result.user.teamId)));
    if (!team.has_value())
        return ApiError::internal(u"team"_s);
    protocol::RecoveryClaimResponse response;
    response.userId = result.user.id;
    response.team = {team->id, team->name};
    response.role = roleToWire(result.user.role);
    response.serverId = settings.serverId;
    response.keyring = keyringOf(result.user);
    response.claimToken = claimToken;
    return protocol::jsonResponse(200, response.toJson());
}

ServerApi::Reply ServerApi::registerDevice(const HttpRequest &request, const Params &)
{
    OW_CHECK(limit(u"register:"_s + clientAddress(request), kRegisterPerIp));
    OW_TRY(body, jsonBody(request));
    OW_TRY(asked, protocol::DeviceRegistrationRequest::fromJson(body));
    OW_TRY(settings, settings());
    const qint64 now = m_clock.nowMs();
    // Anything that is not shaped like a claim token was never issued; hashing it could even
    // fail (not ASCII), which must not become a 500.
    if (!protocol::signing::isWellFormedToken(asked.claimToken,
                                              protocol::signing::kClaimTokenPrefix))
        return ApiError::claimExpired();
    OW_TRY(claimHash, fromStore(protocol::signing::tokenHash(asked.claimToken)));
    OW_TRY(claim, fromStore(m_store.findClaimToken(claimHash)));
    if (!claim.has_value() || now >= claim->expiresAt)
        return ApiError::claimExpired();
    OW_TRY(user, fromStore(m_store.findUser(claim->userId)));
    if (!user.has_value())
        return ApiError::claimExpired();
    if (!protocol::signing::isValidSignPublicKey(asked.device.publicKey))
        return ApiError::invalidKey(u"device.public_key"_s, u"not a valid Ed25519 public key"_s);
    OW_TRY(message, fromStore(protocol::signing::deviceRegistrationMessage(
                        settings.serverId, user->id, asked.device.publicKey, asked.claimToken)));
    if (!protocol::signing::verify(asked.signature, message, user->signPublicKey))
        return ApiError::invalidSignature();
    Device device;
    device.publicKey = asked.device.publicKey;
    device.name = asked.device.name;
    OW_TRY(result, fromStore(m_store.registerDevice(claimHash, device, now)));
    switch (result.outcome) {
    case RegisterDeviceOutcome::Ok:
        break;
    case RegisterDeviceOutcome::ClaimExpired:
        return ApiError::claimExpired();
    case RegisterDeviceOutcome::KeyInUse:
        return ApiError::keyInUse(u"device.public_key"_s);
    case RegisterDeviceOutcome::UserRevoked:
        return ApiError::userRevoked();
    }
    // A repeat (the first answer was lost) gets the first answer again, with today's directory.
    if (result.repeated)
        qCInfo(lcApi).noquote() << "device" << result.device.id << "registration repeated for user"
                                << result.user.id;
    else
        qCInfo(lcApi).noquote() << "device" << result.device.id << "registered for user"
                                << result.user.id;
    return enrolmentResponse(result.user, result.device, result.team, 201);
}

} // namespace outward::server
