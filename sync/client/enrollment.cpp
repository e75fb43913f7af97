#include "sync/client/enrollment.h"

#include "core/crypto/devicekey.h"
#include "core/profile/recordservice.h"
#include "sync/client/logging.h"
#include "sync/client/profilesyncstore.h"
#include "sync/client/serverurl.h"
#include "sync/protocol/crockford.h"
#include "sync/protocol/signedmessages.h"

#include <QMetaObject>

#include <memory>

using namespace Qt::StringLiterals;

namespace outward::sync {

namespace {

CallError localError(ErrorCode code, const QString &message)
{
    return CallError::local(Error(code, message));
}

// protocol.md 3.1: 1 .. 100 code points, no control characters.
std::optional<QString> nameProblem(const QString &name, const QString &what)
{
    const QList<uint> codePoints = name.toUcs4();
    if (name.trimmed().isEmpty())
        return u"enter a %1"_s.arg(what);
    if (codePoints.size() > 100)
        return u"the %1 has %2 characters; at most 100 are allowed"_s.arg(what).arg(
            codePoints.size());
    for (uint c : codePoints) {
        if (QChar::category(char32_t(c)) == QChar::Other_Control)
            return u"the %1 contains a control character; remove it"_s.arg(what);
    }
    return std::nullopt;
}

QString roleName(protocol::Role role)
{
    return enumName(role);
}

} // namespace

Enrollment::Enrollment(Profile &profile, Transport &transport, const Clock &clock, QObject *parent)
    : QObject(parent)
    , m_profile(profile)
    , m_api(transport, clock, this)
{}

void Enrollment::finish(Callback done, CallResult<EnrollmentResult> result)
{
    m_busy = false;
    if (!result)
        qCInfo(lcSyncClient) << "enrolment failed:" << result.error().message;
    QMetaObject::invokeMethod(
        this, [done = std::move(done), result = std::move(result)]() mutable { done(result); },
        Qt::QueuedConnection);
}

QString Enrollment::explain(const CallError &error, const QString &serverUrl)
{
    if (auto general = error.explainWithoutApiCode(serverUrl, true))
        return *general;
    const QString &code = error.api.code;
    if (code == protocol::code::kInviteInvalid)
        return u"this server does not know the invite code; check it for typos, or ask your "
               "administrator for a new one"_s;
    if (code == protocol::code::kInviteExpired)
        return u"the invite code has expired; ask your administrator for a new one"_s;
    if (code == protocol::code::kInviteUsed)
        return u"the invite code was already used; each code works once, so ask your "
               "administrator for a new one"_s;
    if (code == protocol::code::kUserExists)
        return u"this profile is already enrolled on this server; to use it on this device, "
               "add the device from one where you are signed in"_s;
    if (code == protocol::code::kKeyInUse)
        return u"the server already has these keys for another user or device; this profile "
               "cannot enrol there again"_s;
    if (code == protocol::code::kRateLimited)
        return u"too many enrolment attempts from this network; try again in %1 seconds"_s.arg(
            error.api.retryAfterSeconds.value_or(60));
    if (code == protocol::code::kInvalidSignature || code == protocol::code::kInvalidKey)
        return u"the server refused this profile's keys (%1); the profile may be damaged"_s.arg(
            error.api.message);
    if (error.api.httpStatus >= 500)
        return u"the server had a problem (%1); try again later"_s.arg(error.api.message);
    return u"the server refused the enrolment: %1"_s.arg(error.api.message);
}

void Enrollment::enroll(const EnrollmentRequest &request, Callback done)
{
    if (m_busy)
        return finish(std::move(done),
                      localError(ErrorCode::InvalidInput, u"an enrolment is already running"_s));
    m_busy = true;

    if (!m_profile.isUnlocked())
        return finish(std::move(done),
                      localError(ErrorCode::Locked, u"unlock the profile to enrol it"_s));
    Result<std::optional<SyncSettings>> existing = m_profile.syncState().settings();
    if (!existing)
        return finish(std::move(done), CallError::local(existing.error()));
    if (existing.value())
        return finish(std::move(done), localError(ErrorCode::ProfileExists,
                                                  u"this profile is already enrolled with %1"_s.arg(
                                                      existing.value()->serverUrl)));
    Result<QUrl> url = parseServerUrl(request.serverUrl);
    if (!url)
        return finish(std::move(done), CallError::local(url.error()));
    Result<QString> code =
        protocol::crockford::parse(request.inviteCode, protocol::crockford::kInviteCodeDigits);
    if (!code)
        return finish(std::move(done),
                      CallError::local(code.error().withContext(u"the invite code"_s)));
    if (auto problem = nameProblem(request.displayName, u"display name"_s))
        return finish(std::move(done), localError(ErrorCode::InvalidInput, *problem));
    if (auto problem = nameProblem(request.deviceName, u"device name"_s))
        return finish(std::move(done), localError(ErrorCode::InvalidInput, *problem));

    const QString serverText = url->toDisplayString();
    m_api.setBaseUrl(url.value());
    m_api.health([this, done, request, url = url.value(), inviteCode = code.value(),
                  serverText](CallResult<protocol::HealthResponse> health) mutable {
        if (!health) {
            CallError error = health.error();
            error.message = explain(error, serverText);
            return finish(std::move(done), error);
        }
        if (!m_profile.isUnlocked())
            return finish(std::move(done),
                          localError(ErrorCode::Locked, u"the profile was locked; unlock it and "
                                                        "enrol again"_s));
        const QString serverId = health->serverId;
        Result<DeviceKeyPair> generated = devicekey::generate();
        if (!generated)
            return finish(std::move(done), CallError::local(generated.error()));
        auto deviceKey = std::make_shared<DeviceKeyPair>(std::move(generated).value());

        const WrappedKeyring &keyring = m_profile.keyring();
        protocol::EnrollRequest enrol;
        enrol.inviteCode = inviteCode;
        enrol.userId = m_profile.userId();
        enrol.displayName = request.displayName.trimmed();
        enrol.boxPublicKey = keyring.boxPublicKey;
        enrol.signPublicKey = keyring.signPublicKey;
        enrol.wrappedSecretKeys = keyring.wrappedSecretKeys;
        enrol.recoveryWrappedMasterKey = keyring.recoveryWrappedMasterKey;
        enrol.device.publicKey = deviceKey->publicKey;
        enrol.device.name = request.deviceName.trimmed();
        Result<QByteArray> message = protocol::signing::enrolmentMessage(
            serverId, enrol.userId, enrol.boxPublicKey, enrol.signPublicKey, enrol.device.publicKey,
            enrol.wrappedSecretKeys, enrol.recoveryWrappedMasterKey);
        if (!message)
            return finish(std::move(done), CallError::local(message.error()));
        Result<QByteArray> signature =
            protocol::signing::sign(message.value(), m_profile.keys()->signSecretKey);
        if (!signature)
            return finish(std::move(done), CallError::local(signature.error()));
        enrol.signature = signature.value();

        m_api.enroll(enrol, [this, done, url, serverId, serverText,
                             deviceKey](CallResult<protocol::EnrollResponse> response) mutable {
            if (!response) {
                CallError error = response.error();
                error.message = explain(error, serverText);
                return finish(std::move(done), error);
            }
            if (response->serverId != serverId || response->userId != m_profile.userId())
                return finish(
                    std::move(done),
                    CallError::badResponse(u"the server's enrolment answer names another server or "
                                           "user; nothing was saved"_s));
            if (!m_profile.isUnlocked())
                return finish(std::move(done),
                              localError(ErrorCode::Locked,
                                         u"the profile was locked before the enrolment could be "
                                         "saved; the invite is now used, so ask for a new one"_s));
            Result<QByteArray> wrapped =
                devicekey::wrap(*m_profile.keys(), response->deviceId, deviceKey->secretKey);
            if (!wrapped)
                return finish(std::move(done), CallError::local(wrapped.error()));

            EnrollmentResult result;
            result.settings.serverUrl = url.toString();
            result.settings.serverId = serverId;
            result.settings.teamId = response->team.id;
            result.settings.teamName = response->team.name;
            result.settings.role = roleName(response->role);
            result.settings.deviceId = response->deviceId;
            result.settings.wrappedDeviceKey = wrapped.value();

            QList<DirectoryMember> members;
            for (const protocol::DirectoryMember &member : response->directory.members)
                members.append(ProfileSyncStore::toPinned(member));
            const Status saved =
                m_profile.database().write(u"saving the enrolment"_s, [&]() -> Status {
                    Result<DirectoryUpdate> pinned = m_profile.applyDirectory(members);
                    if (!pinned)
                        return pinned.error();
                    result.refusedUserIds = pinned->refusedUserIds;
                    if (Status version = m_profile.syncState().setDirectoryVersion(
                            response->directory.directoryVersion);
                        !version)
                        return version;
                    Result<int> queued = m_profile.enrol(result.settings);
                    if (!queued)
                        return queued.error();
                    result.queuedRecords = queued.value();
                    // Records shared with "my lead" while offline had no lead to wrap for;
                    // the directory just pinned names them.
                    Result<int> resealed = RecordService(m_profile).resealForDirectory();
                    if (!resealed)
                        return resealed.error();
                    return {};
                });
            if (!saved)
                return finish(std::move(done),
                              CallError::local(saved.error().withContext(
                                  u"the server enrolled this device, but saving it here "
                                  "failed; ask your administrator for a new invite"_s)));
            qCInfo(lcSyncClient) << "enrolled as" << result.settings.role << "in team"
                                 << result.settings.teamId << ";" << result.queuedRecords
                                 << "records queued";
            finish(std::move(done), std::move(result));
        });
    });
}

} // namespace outward::sync
