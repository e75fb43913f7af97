#include "bench/sync/benchuser.h"

#include "bench/store/payloads.h"
#include "core/crypto/kdfparams.h"
#include "core/model/clock.h"
#include "core/profile/recordservice.h"
#include "sync/protocol/messages_devices.h"
#include "sync/protocol/signedmessages.h"

#include <QJsonDocument>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace outward::bench {

namespace {

constexpr const char *kPassphrase = "outward sync bench passphrase";
const KdfParams kCheapest{1, 8192}; // Argon2id's minimum (ops 1, 8 KiB): unlocking is not measured

SecureBytes passphrase()
{
    return SecureBytes::fromPassphrase(QString::fromLatin1(kPassphrase));
}

QByteArray compact(const QJsonObject &json)
{
    return QJsonDocument(json).toJson(QJsonDocument::Compact);
}

Error httpError(const QString &what, const HttpResult &result)
{
    return Error(ErrorCode::Internal, what + u": "_s + result.describe());
}

Result<QJsonObject> jsonOf(const QString &what, const HttpResult &result)
{
    if (!result.ok())
        return httpError(what, result);
    QJsonParseError parseError{};
    const QJsonDocument document = QJsonDocument::fromJson(result.body, &parseError);
    if (!document.isObject())
        return Error(ErrorCode::Internal, what + u": the answer is not a JSON object"_s);
    return document.object();
}

template<typename T>
Result<T> fromApi(const QString &what, protocol::ApiResult<T> parsed)
{
    if (!parsed)
        return Error(ErrorCode::Internal,
                     u"%1: unexpected answer (%2)"_s.arg(what, parsed.error().message));
    return std::move(parsed).value();
}

MemberRole memberRole(protocol::Role role)
{
    switch (role) {
    case protocol::Role::Lead:
        return MemberRole::Lead;
    case protocol::Role::Admin:
        return MemberRole::Admin;
    case protocol::Role::Staff:
        break;
    }
    return MemberRole::Staff;
}

QList<DirectoryMember> pinnedMembers(const protocol::Directory &directory)
{
    QList<DirectoryMember> members;
    for (const protocol::DirectoryMember &member : directory.members) {
        DirectoryMember pinned;
        pinned.userId = member.userId;
        pinned.displayName = member.displayName;
        pinned.role = memberRole(member.role);
        pinned.status = member.status == protocol::MemberStatus::Active ? MemberStatus::Active
                                                                        : MemberStatus::Revoked;
        pinned.boxPublicKey = member.boxPublicKey;
        pinned.signPublicKey = member.signPublicKey;
        members.append(pinned);
    }
    return members;
}

// What Enrollment saves in one transaction (sync/client/enrollment.cpp): the pinned directory,
// its version and the sync settings.
Status saveEnrolment(Profile &profile, const SyncSettings &settings,
                     const QList<DirectoryMember> &members, qint64 directoryVersion)
{
    return profile.database().write(u"saving the enrolment"_s, [&]() -> Status {
        if (auto pinned = profile.applyDirectory(members); !pinned)
            return pinned.error();
        if (auto version = profile.syncState().setDirectoryVersion(directoryVersion); !version)
            return version;
        if (auto queued = profile.enrol(settings); !queued)
            return queued.error();
        return {};
    });
}

} // namespace

BenchUser::BenchUser(std::unique_ptr<Profile> profile, QString displayName)
    : m_profile(std::move(profile))
    , m_displayName(std::move(displayName))
{}

Result<std::unique_ptr<BenchUser>> BenchUser::create(const QString &folder,
                                                     const QString &displayName)
{
    auto created = Profile::create(folder, passphrase(), kCheapest, SystemClock::instance());
    if (!created)
        return created.error();
    return std::unique_ptr<BenchUser>(new BenchUser(std::move(created->profile), displayName));
}

Result<QString> BenchUser::authenticate(HttpClient &http, const QString &serverId,
                                        const QString &deviceId, const SecureBytes &deviceSecretKey)
{
    protocol::ChallengeRequest asked;
    asked.deviceId = deviceId;
    auto challengeJson = jsonOf(u"POST /v1/auth/challenge"_s,
                                http.post(u"/v1/auth/challenge"_s, compact(asked.toJson())));
    if (!challengeJson)
        return challengeJson.error();
    auto challenge =
        fromApi(u"the challenge"_s, protocol::ChallengeResponse::fromJson(*challengeJson));
    if (!challenge)
        return challenge.error();
    auto message = protocol::signing::authMessage(serverId, deviceId, challenge->challenge);
    if (!message)
        return message.error();
    auto signature = protocol::signing::sign(*message, deviceSecretKey);
    if (!signature)
        return signature.error();
    protocol::TokenRequest tokenRequest;
    tokenRequest.deviceId = deviceId;
    tokenRequest.challenge = challenge->challenge;
    tokenRequest.signature = *signature;
    auto tokenJson = jsonOf(u"POST /v1/auth/token"_s,
                            http.post(u"/v1/auth/token"_s, compact(tokenRequest.toJson())));
    if (!tokenJson)
        return tokenJson.error();
    auto token = fromApi(u"the token"_s, protocol::TokenResponse::fromJson(*tokenJson));
    if (!token)
        return token.error();
    return token->token;
}

Status BenchUser::enrol(HttpClient &http, const QString &serverId, const QString &inviteCode,
                        const QByteArray &address)
{
    auto key = devicekey::generate();
    if (!key)
        return key.error();
    const WrappedKeyring &keyring = m_profile->keyring();
    protocol::EnrollRequest request;
    request.inviteCode = inviteCode;
    request.userId = m_profile->userId();
    request.displayName = m_displayName;
    request.boxPublicKey = keyring.boxPublicKey;
    request.signPublicKey = keyring.signPublicKey;
    request.wrappedSecretKeys = keyring.wrappedSecretKeys;
    request.recoveryWrappedMasterKey = keyring.recoveryWrappedMasterKey;
    request.device.publicKey = key->publicKey;
    request.device.name = m_displayName + u"'s bench device"_s;
    auto message = protocol::signing::enrolmentMessage(
        serverId, request.userId, request.boxPublicKey, request.signPublicKey,
        request.device.publicKey, request.wrappedSecretKeys, request.recoveryWrappedMasterKey);
    if (!message)
        return message.error();
    auto signature = protocol::signing::sign(*message, m_profile->keys()->signSecretKey);
    if (!signature)
        return signature.error();
    request.signature = *signature;

    http.setForwardedFor(address);
    auto json = jsonOf(u"POST /v1/enroll"_s, http.post(u"/v1/enroll"_s, compact(request.toJson())));
    if (!json)
        return json.error();
    auto enrolled = fromApi(u"the enrolment"_s, protocol::EnrollResponse::fromJson(*json));
    if (!enrolled)
        return enrolled.error();
    auto token = authenticate(http, serverId, enrolled->deviceId, key->secretKey);
    if (!token)
        return token.error();
    m_device.deviceId = enrolled->deviceId;
    m_device.key = std::move(key).value();
    m_device.token = *token;
    return {};
}

Result<BenchDevice> BenchUser::linkNewDevice(HttpClient &http, const QString &serverId,
                                             const QString &deviceName, const QByteArray &address)
{
    namespace signing = protocol::signing;
    // 14.2, on the enrolled device.
    const SecureBytes secret = signing::newLinkSecret();
    if (secret.isNull())
        return Error(ErrorCode::Internal, u"no link secret"_s);
    auto mailbox = signing::linkMailboxId(secret);
    auto linkKey = signing::linkKey(secret);
    if (!mailbox || !linkKey)
        return Error(ErrorCode::Internal, u"cannot derive the link mailbox or key"_s);
    auto blob = signing::sealLinkBlob(*linkKey, m_profile->keys()->masterKey, userId());
    if (!blob)
        return blob.error();
    protocol::LinkOfferRequest offer;
    offer.mailboxId = *mailbox;
    offer.blob = *blob;
    http.setForwardedFor(address);
    http.setToken(m_device.token);
    const HttpResult offered = http.post(u"/v1/link/offers"_s, compact(offer.toJson()));
    if (!offered.ok())
        return httpError(u"POST /v1/link/offers"_s, offered);

    // 14.3 and 14.4, on the new device: no token yet.
    HttpClient fresh(http.url(QString()));
    fresh.setForwardedFor(address);
    protocol::LinkClaimRequest claim;
    claim.mailboxId = *mailbox;
    auto claimJson =
        jsonOf(u"POST /v1/link/claim"_s, fresh.post(u"/v1/link/claim"_s, compact(claim.toJson())));
    if (!claimJson)
        return claimJson.error();
    auto claimed = fromApi(u"the link claim"_s, protocol::LinkClaimResponse::fromJson(*claimJson));
    if (!claimed)
        return claimed.error();
    auto key = devicekey::generate();
    if (!key)
        return key.error();
    auto message =
        signing::deviceRegistrationMessage(serverId, userId(), key->publicKey, claimed->claimToken);
    if (!message)
        return message.error();
    auto signature = signing::sign(*message, m_profile->keys()->signSecretKey);
    if (!signature)
        return signature.error();
    protocol::DeviceRegistrationRequest registration;
    registration.claimToken = claimed->claimToken;
    registration.device.publicKey = key->publicKey;
    registration.device.name = deviceName;
    registration.signature = *signature;
    auto registeredJson =
        jsonOf(u"POST /v1/devices"_s, fresh.post(u"/v1/devices"_s, compact(registration.toJson())));
    if (!registeredJson)
        return registeredJson.error();
    auto registered = fromApi(u"the device registration"_s,
                              protocol::DeviceRegistrationResponse::fromJson(*registeredJson));
    if (!registered)
        return registered.error();
    auto token = authenticate(fresh, serverId, registered->deviceId, key->secretKey);
    if (!token)
        return token.error();
    BenchDevice device;
    device.deviceId = registered->deviceId;
    device.key = std::move(key).value();
    device.token = *token;
    return device;
}

Status BenchUser::join(const QString &serverUrl, const QString &serverId,
                       const protocol::Directory &directory, const QString &role)
{
    const QList<DirectoryMember> members = pinnedMembers(directory);
    auto wrapped = devicekey::wrap(*m_profile->keys(), m_device.deviceId, m_device.key.secretKey);
    if (!wrapped)
        return wrapped.error();
    SyncSettings settings;
    settings.serverUrl = serverUrl;
    settings.serverId = serverId;
    settings.teamId = directory.team.id;
    settings.teamName = directory.team.name;
    settings.role = role;
    settings.deviceId = m_device.deviceId;
    settings.wrappedDeviceKey = *wrapped;
    m_settings = settings;
    return saveEnrolment(*m_profile, settings, members, directory.directoryVersion);
}

Result<std::unique_ptr<Profile>> BenchUser::freshDevice(const QString &folder,
                                                        const BenchDevice &device,
                                                        const protocol::Directory &directory)
{
    if (m_settings.deviceId.isEmpty())
        return Error(ErrorCode::InvalidInput, u"freshDevice() needs join() first"_s);
    // What the new device received over the link (protocol.md 14.3): the account's keyring as
    // the server keeps it, and the master key from the link blob.
    const WrappedKeyring &mine = m_profile->keyring();
    keyring::ReceivedKeyring received;
    received.userId = mine.userId;
    received.boxPublicKey = mine.boxPublicKey;
    received.signPublicKey = mine.signPublicKey;
    received.wrappedSecretKeys = mine.wrappedSecretKeys;
    received.recoveryWrappedMasterKey = mine.recoveryWrappedMasterKey;
    auto adopted = keyring::adopt(received, m_profile->keys()->masterKey, passphrase(), kCheapest);
    if (!adopted)
        return adopted.error();
    auto profile =
        Profile::createFromKeys(folder, std::move(adopted).value(), SystemClock::instance());
    if (!profile)
        return profile.error();
    auto wrapped = devicekey::wrap(*(*profile)->keys(), device.deviceId, device.key.secretKey);
    if (!wrapped)
        return wrapped.error();
    SyncSettings settings = m_settings;
    settings.deviceId = device.deviceId;
    settings.wrappedDeviceKey = *wrapped;
    if (auto saved = saveEnrolment(**profile, settings, pinnedMembers(directory),
                                   directory.directoryVersion);
        !saved)
        return saved.error();
    return profile;
}

Result<QList<protocol::PushItem>> BenchUser::sealInteractions(int count, quint64 seed)
{
    RecordService records(*m_profile);
    const ValidationContext context = records.validationContext();
    const std::vector<GeneratedInteraction> rows = generateInteractions(count, seed);
    QList<RecordPayload> payloads;
    payloads.reserve(count);
    for (const GeneratedInteraction &row : rows) {
        auto payload = parsePayload(
            RecordKind::Interaction,
            QJsonDocument::fromJson(QByteArray::fromStdString(row.json)).object(), context);
        if (!payload)
            return payload.error();
        payloads.append(std::move(payload).value());
    }
    if (auto added = records.addMany(payloads); !added)
        return added.error();

    RecordQuery all;
    auto stored = m_profile->store().list(all);
    if (!stored)
        return stored.error();
    std::sort(stored->begin(), stored->end(),
              [](const StoredRecord &a, const StoredRecord &b) { return a.clock < b.clock; });
    QList<protocol::PushItem> items;
    items.reserve(stored->size());
    for (const StoredRecord &record : std::as_const(*stored)) {
        if (record.signature.isEmpty() || record.keyCommit.isEmpty())
            return Error(ErrorCode::Internal,
                         u"core stored a record without its signature or key commitment"_s);
        items.append({record.envelope, record.signature, record.keyCommit});
    }
    return items;
}

} // namespace outward::bench
