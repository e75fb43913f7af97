// Health, enrolment, authentication, /me and the key directory (protocol.md sections 7-10).
#include "core/crypto/sodium.h"
#include "sync/protocol/crockford.h"
#include "sync/protocol/limits.h"
#include "sync/protocol/messages_auth.h"
#include "sync/protocol/signedmessages.h"
#include "sync/server/api/apisupport.h"
#include "sync/server/api/serverapi.h"

#include <QTimeZone>

#include <sodium.h>

using namespace Qt::StringLiterals;

namespace outward::server {

using protocol::ApiError;

namespace {

// 3.2: per IP and per device, in requests per period.
constexpr RateLimit kEnrollPerIp{10, 15 * 60 * 1000};
constexpr RateLimit kChallengePerIp{60, 60 * 1000};
constexpr RateLimit kChallengePerDevice{10, 60 * 1000};
constexpr RateLimit kTokenPerIp{60, 60 * 1000};
constexpr RateLimit kTokenFailuresPerDevice{10, 15 * 60 * 1000};
constexpr RateLimit kHealthPerIp{120, 60 * 1000};

protocol::Role toWire(Role role)
{
    switch (role) {
    case Role::Staff:
        return protocol::Role::Staff;
    case Role::Lead:
        return protocol::Role::Lead;
    case Role::Admin:
        return protocol::Role::Admin;
    }
    return protocol::Role::Staff;
}

protocol::Team teamToWire(const Team &team)
{
    return {team.id, team.name};
}

QDateTime timeOf(qint64 ms)
{
    return QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC);
}

} // namespace

// The store says only that some key is taken; `field` names the one the client must change.
protocol::ApiResult<QString> ServerApi::keyInUseField(const User &user, const Device &device)
{
    OW_TRY(byBox, fromStore(m_store.findUserByBoxKey(user.boxPublicKey)));
    if (byBox.has_value())
        return u"box_public_key"_s;
    OW_TRY(bySign, fromStore(m_store.findUserBySignKey(user.signPublicKey)));
    if (bySign.has_value())
        return u"sign_public_key"_s;
    OW_TRY(byDevice, fromStore(m_store.findDeviceByPublicKey(device.publicKey)));
    if (byDevice.has_value())
        return u"device.public_key"_s;
    return QString();
}

protocol::ApiResult<QJsonObject> ServerApi::directoryJson(const Team &team)
{
    OW_TRY(users, fromStore(m_store.listUsersOfTeam(team.id)));
    protocol::Directory directory;
    directory.team = teamToWire(team);
    directory.directoryVersion = team.directoryVersion;
    for (const User &user : users) {
        protocol::DirectoryMember member;
        member.userId = user.id;
        member.displayName = user.displayName;
        member.role = toWire(user.role);
        member.status =
            user.isRevoked() ? protocol::MemberStatus::Revoked : protocol::MemberStatus::Active;
        member.boxPublicKey = user.boxPublicKey;
        member.signPublicKey = user.signPublicKey;
        member.enrolledAt = timeOf(user.enrolledAt);
        directory.members.append(member);
    }
    return directory.toJson();
}

protocol::ApiResult<HttpResponse>
ServerApi::enrolmentResponse(const User &user, const Device &device, const Team &team, int status)
{
    OW_TRY(settings, settings());
    OW_TRY(directoryObject, directoryJson(team));
    OW_TRY(directory, protocol::Directory::fromJson(directoryObject));
    protocol::EnrollResponse response;
    response.userId = user.id;
    response.deviceId = device.id;
    response.team = teamToWire(team);
    response.role = toWire(user.role);
    response.serverId = settings.serverId;
    response.directory = directory;
    return protocol::jsonResponse(status, response.toJson());
}

ServerApi::Reply ServerApi::health(const HttpRequest &request, const Params &)
{
    OW_CHECK(limit(u"health:"_s + clientAddress(request), kHealthPerIp));
    if (!m_store.ping().ok())
        return ApiError::unavailable(u"the database does not answer"_s, 5);
    OW_TRY(settings, settings());
    protocol::HealthResponse response;
    response.serverId = settings.serverId;
    response.serverVersion = m_options.serverVersion;
    response.api = {1};
    response.apiRevision = 1;
    response.envelopeFormats = {1};
    response.headerVersions = {1};
    response.time = timeOf(m_clock.nowMs());
    response.limits = protocol::HealthLimits::current();
    return protocol::jsonResponse(200, response.toJson());
}

ServerApi::Reply ServerApi::enroll(const HttpRequest &request, const Params &)
{
    OW_CHECK(limit(u"enroll:"_s + clientAddress(request), kEnrollPerIp));
    OW_TRY(body, jsonBody(request));
    OW_TRY(enrolment, protocol::EnrollRequest::fromJson(body));
    OW_TRY(settings, settings());
    const qint64 now = m_clock.nowMs();

    // Invite first, so a typo in the code is reported as such (protocol.md 8). The store
    // checks it again inside its transaction; this read only picks the error to show.
    OW_TRY(inviteHash, fromStore(protocol::signing::hashText(enrolment.inviteCode)));
    OW_TRY(invite, fromStore(m_store.findInvite(inviteHash)));
    if (!invite.has_value() || invite->isRecoveryTicket())
        return ApiError::inviteInvalid(u"invite_code"_s);
    if (now >= invite->expiresAt)
        return ApiError::inviteExpired(u"invite_code"_s);
    if (invite->usedAt.has_value())
        return ApiError::inviteUsed(u"invite_code"_s);

    if (!protocol::signing::isUsableBoxPublicKey(enrolment.boxPublicKey))
        return ApiError::invalidKey(u"box_public_key"_s, u"not a usable X25519 public key"_s);
    if (!protocol::signing::isValidSignPublicKey(enrolment.signPublicKey))
        return ApiError::invalidKey(u"sign_public_key"_s, u"not a valid Ed25519 public key"_s);
    if (!protocol::signing::isValidSignPublicKey(enrolment.device.publicKey))
        return ApiError::invalidKey(u"device.public_key"_s, u"not a valid Ed25519 public key"_s);
    OW_TRY(message, fromStore(protocol::signing::enrolmentMessage(
                        settings.serverId, enrolment.userId, enrolment.boxPublicKey,
                        enrolment.signPublicKey, enrolment.device.publicKey,
                        enrolment.wrappedSecretKeys, enrolment.recoveryWrappedMasterKey)));
    if (!protocol::signing::verify(enrolment.signature, message, enrolment.signPublicKey))
        return ApiError::invalidSignature();

    User user;
    user.id = enrolment.userId;
    user.displayName = enrolment.displayName;
    user.boxPublicKey = enrolment.boxPublicKey;
    user.signPublicKey = enrolment.signPublicKey;
    user.wrappedSecretKeys = enrolment.wrappedSecretKeys;
    user.recoveryWrappedMasterKey = enrolment.recoveryWrappedMasterKey;
    Device device;
    device.publicKey = enrolment.device.publicKey;
    device.name = enrolment.device.name;
    OW_TRY(result, fromStore(m_store.enroll(inviteHash, user, device, now)));
    switch (result.outcome) {
    case EnrollOutcome::Ok:
        break;
    case EnrollOutcome::InviteInvalid:
        return ApiError::inviteInvalid(u"invite_code"_s);
    case EnrollOutcome::InviteExpired:
        return ApiError::inviteExpired(u"invite_code"_s);
    case EnrollOutcome::InviteUsed:
        return ApiError::inviteUsed(u"invite_code"_s);
    case EnrollOutcome::UserExists:
        return ApiError::userExists();
    case EnrollOutcome::KeyInUse: {
        OW_TRY(field, keyInUseField(user, device));
        return ApiError::keyInUse(field);
    }
    }
    qCInfo(lcApi).noquote() << "enrolled user" << result.user.id << "device" << result.device.id
                            << "team" << result.team.id;
    return enrolmentResponse(result.user, result.device, result.team, 201);
}

ServerApi::Reply ServerApi::challenge(const HttpRequest &request, const Params &)
{
    OW_CHECK(limit(u"challenge:"_s + clientAddress(request), kChallengePerIp));
    OW_TRY(body, jsonBody(request));
    OW_TRY(asked, protocol::ChallengeRequest::fromJson(body));
    OW_CHECK(limit(u"challenge-device:"_s + asked.deviceId, kChallengePerDevice));
    OW_CHECK(fromStore(ensureSodium()));
    // Answered alike for unknown devices, so this endpoint does not reveal which ids exist.
    Challenge challenge;
    challenge.challenge.resize(protocol::kChallengeBytes);
    randombytes_buf(challenge.challenge.data(), size_t(challenge.challenge.size()));
    challenge.deviceId = asked.deviceId;
    challenge.expiresAt = m_clock.nowMs() + m_options.challengeLifetimeMs;
    OW_CHECK(fromStore(m_store.storeChallenge(challenge)));
    protocol::ChallengeResponse response;
    response.challenge = challenge.challenge;
    response.expiresAt = timeOf(challenge.expiresAt);
    return protocol::jsonResponse(200, response.toJson());
}

ServerApi::Reply ServerApi::token(const HttpRequest &request, const Params &)
{
    OW_CHECK(limit(u"token:"_s + clientAddress(request), kTokenPerIp));
    OW_TRY(body, jsonBody(request));
    OW_TRY(asked, protocol::TokenRequest::fromJson(body));
    const QString failureKey = u"token-failures:"_s + asked.deviceId;
    const RateLimiter::Decision failures = m_limiter.check(failureKey, kTokenFailuresPerDevice);
    if (!failures.allowed)
        return ApiError::rateLimited(failures.retryAfterSeconds);
    OW_TRY(settings, settings());
    const qint64 now = m_clock.nowMs();

    // The challenge is consumed whatever happens next (single use), then every failure looks
    // the same to the caller.
    OW_TRY(stored, fromStore(m_store.takeChallenge(asked.challenge)));
    OW_TRY(device, fromStore(m_store.findDevice(asked.deviceId)));
    bool verified = stored.has_value() && stored->deviceId == asked.deviceId &&
                    now < stored->expiresAt && device.has_value();
    if (verified) {
        OW_TRY(message, fromStore(protocol::signing::authMessage(settings.serverId, asked.deviceId,
                                                                 asked.challenge)));
        verified = protocol::signing::verify(asked.signature, message, device->publicKey);
    }
    if (!verified) {
        m_limiter.take(failureKey, kTokenFailuresPerDevice);
        return ApiError::authenticationFailed();
    }
    if (device->isRevoked())
        return ApiError::deviceRevoked();
    OW_TRY(user, fromStore(m_store.findUser(device->userId)));
    if (!user.has_value())
        return ApiError::authenticationFailed();
    if (user->isRevoked())
        return ApiError::userRevoked();
    OW_TRY(team, fromStore(m_store.findTeam(user->teamId)));
    if (!team.has_value())
        return ApiError::internal(u"team"_s);

    const QString tokenText = protocol::signing::newToken();
    if (tokenText.isEmpty())
        return ApiError::internal(u"token"_s);
    Token token;
    OW_TRY(hash, fromStore(protocol::signing::tokenHash(tokenText)));
    token.tokenHash = hash;
    token.deviceId = device->id;
    token.userId = user->id;
    token.expiresAt = now + m_options.tokenLifetimeMs;
    OW_CHECK(fromStore(m_store.storeToken(token)));
    OW_CHECK(fromStore(m_store.touchDevice(device->id, now)));

    protocol::TokenResponse response;
    response.token = tokenText;
    response.expiresAt = timeOf(token.expiresAt);
    response.userId = user->id;
    response.deviceId = device->id;
    response.team = teamToWire(*team);
    response.role = toWire(user->role);
    response.directoryVersion = team->directoryVersion;
    return protocol::jsonResponse(200, response.toJson());
}

ServerApi::Reply ServerApi::me(const HttpRequest &request, const Params &)
{
    OW_TRY(caller, authenticate(request));
    protocol::MeResponse response;
    response.userId = caller.user.id;
    response.deviceId = caller.device.id;
    response.team = teamToWire(caller.team);
    response.role = toWire(caller.user.role);
    response.tokenExpiresAt = timeOf(caller.tokenExpiresAt);
    response.directoryVersion = caller.team.directoryVersion;
    return protocol::jsonResponse(200, response.toJson());
}

ServerApi::Reply ServerApi::directory(const HttpRequest &request, const Params &)
{
    OW_TRY(caller, authenticate(request));
    OW_TRY(json, directoryJson(caller.team));
    return protocol::jsonResponse(200, json);
}

} // namespace outward::server
