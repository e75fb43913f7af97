#include "sync/client/devicejoin.h"

#include "core/crypto/devicekey.h"
#include "core/crypto/recoverycode.h"
#include "sync/client/logging.h"
#include "sync/client/profilesyncstore.h"
#include "sync/client/serverurl.h"
#include "sync/protocol/crockford.h"
#include "sync/protocol/signedmessages.h"

#include <QFutureWatcher>
#include <QMetaObject>
#include <QtConcurrent/QtConcurrentRun>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace outward::sync {

namespace {

// The claim token's lifetime (protocol.md 14.3): after it, a claimed ticket is spent.
constexpr qint64 kClaimLifetimeMs = 10 * 60'000;

CallError localError(ErrorCode code, const QString &message)
{
    return CallError::local(Error(code, message));
}

// protocol.md 3.1: 1 .. 100 code points, no control characters.
std::optional<QString> deviceNameProblem(const QString &name)
{
    const QList<uint> codePoints = name.trimmed().toUcs4();
    if (codePoints.isEmpty())
        return u"enter a name for this device"_s;
    if (codePoints.size() > 100)
        return u"the device name has %1 characters; at most 100 are allowed"_s.arg(
            codePoints.size());
    for (uint c : codePoints) {
        if (QChar::category(char32_t(c)) == QChar::Other_Control)
            return u"the device name contains a control character; remove it"_s;
    }
    return std::nullopt;
}

} // namespace

// One claimed link offer or recovery ticket: what the server handed over, and what this device
// made of it so far.
struct DeviceJoin::Claim
{
    bool recovery = false;
    QString userId;
    protocol::Team team;
    protocol::Role role = protocol::Role::Staff;
    QString serverId;
    keyring::ReceivedKeyring keyring;
    QString claimToken; // never logged
    qint64 claimedAtMs = 0;
    std::optional<keyring::AdoptedKeyring> adopted;
    std::optional<DeviceKeyPair> deviceKey;
    // Signed once and sent as is by every attempt, so a repeat names the same device key.
    protocol::DeviceRegistrationRequest registration;

    ~Claim()
    {
        wipe(claimToken);
        wipe(registration.claimToken);
    }
};

DeviceJoin::DeviceJoin(Transport &transport, Scheduler &scheduler, const Clock &clock,
                       QObject *parent)
    : QObject(parent)
    , m_api(transport, clock, this)
    , m_scheduler(scheduler)
    , m_clock(clock)
{}

DeviceJoin::DeviceJoin(Transport &transport, const Clock &clock, QObject *parent)
    : QObject(parent)
    , m_api(transport, clock, this)
    , m_ownScheduler(std::make_unique<QtScheduler>())
    , m_scheduler(*m_ownScheduler)
    , m_clock(clock)
{}

DeviceJoin::~DeviceJoin()
{
    // An injected scheduler outlives this object; its timer must not call back into it.
    if (m_retryTimer)
        m_scheduler.cancel(*m_retryTimer);
    wipe(m_request.recoveryCode);
}

std::unique_ptr<Profile> DeviceJoin::takeProfile()
{
    return std::move(m_profile);
}

DeviceJoin::CodeKind DeviceJoin::kindOfCode(const QString &typed)
{
    const Result<QString> digits = protocol::crockford::parse(typed);
    if (!digits)
        return CodeKind::Unknown;
    if (digits->size() == protocol::crockford::kLinkCodeDigits)
        return CodeKind::Link;
    if (digits->size() == protocol::crockford::kInviteCodeDigits)
        return CodeKind::Invite;
    return CodeKind::Unknown;
}

std::optional<std::pair<QString, QString>> DeviceJoin::parseLinkQrText(const QString &text)
{
    const QString prefix = u"outward-link:v1:"_s;
    const QString trimmed = text.trimmed();
    if (!trimmed.startsWith(prefix))
        return std::nullopt;
    const qsizetype colon = trimmed.indexOf(u':', prefix.size());
    if (colon < 0)
        return std::nullopt;
    const QString code = trimmed.mid(prefix.size(), colon - prefix.size());
    const QString url = trimmed.mid(colon + 1);
    if (kindOfCode(code) != CodeKind::Link || url.isEmpty())
        return std::nullopt;
    return std::make_pair(url, code);
}

QString DeviceJoin::explain(const CallError &error, const QString &serverUrl, bool recovery)
{
    if (auto general = error.explainWithoutApiCode(serverUrl, true))
        return *general;
    const QString &code = error.api.code;
    const QString again = recovery ? u"ask your administrator for a new recovery ticket"_s
                                   : u"make a new link code on your other device"_s;
    if (code == protocol::code::kLinkNotFound)
        return u"this server has no device waiting with this link code; check the code for "
               "typos and that the server address is the one shown with it, or make a new code "
               "on your other device"_s;
    if (code == protocol::code::kLinkExpired)
        return u"the link code has expired (a code works for 10 minutes); make a new one on "
               "your other device"_s;
    if (code == protocol::code::kLinkUsed)
        return u"this link code was already used; each code works once, so make a new one on "
               "your other device"_s;
    if (code == protocol::code::kInviteInvalid)
        return u"this server does not know the recovery ticket; check it for typos and that "
               "the server address is right, or ask your administrator for a new one"_s;
    if (code == protocol::code::kInviteExpired)
        return u"the recovery ticket has expired; ask your administrator for a new one"_s;
    if (code == protocol::code::kInviteUsed)
        return u"the recovery ticket was already used; each ticket works once, so ask your "
               "administrator for a new one"_s;
    if (code == protocol::code::kClaimExpired)
        return recovery
                   ? u"the server no longer accepts this recovery (it took longer than 10 "
                     "minutes after the ticket was used, or the account was revoked); %1"_s.arg(
                         again)
                   : u"the server no longer accepts this link (it took longer than 10 "
                     "minutes after the code was used, or the code was cancelled on the "
                     "other device); %1"_s.arg(again);
    if (code == protocol::code::kInvalidSignature || code == protocol::code::kInvalidKey)
        return u"the server refused this device's signature (%1); %2"_s.arg(error.api.message,
                                                                            again);
    if (code == protocol::code::kKeyInUse)
        return u"the server already knows this device's key; %1"_s.arg(again);
    if (code == protocol::code::kUserRevoked)
        return u"this account was revoked on the server; ask your administrator"_s;
    if (code == protocol::code::kRateLimited)
        return u"too many attempts from this network; try again in %1 seconds"_s.arg(
            error.api.retryAfterSeconds.value_or(60));
    if (error.api.httpStatus >= 500)
        return u"the server had a problem (%1); try again later"_s.arg(error.api.message);
    return u"the server refused: %1"_s.arg(error.api.message);
}

void DeviceJoin::setStep(Step step)
{
    if (m_step == step)
        return;
    m_step = step;
    Q_EMIT stepChanged(step);
}

void DeviceJoin::finish(CallResult<JoinResult> result)
{
    const bool keepForRetry = !result && m_pendingRecovery;
    if (!keepForRetry) {
        m_passphrase = SecureBytes();
        m_pendingRecovery.reset();
    }
    wipe(m_request.recoveryCode);
    if (!result)
        qCInfo(lcSyncClient) << "joining an account failed:" << result.error().message;
    setStep(result ? Step::Done : Step::Failed);
    Callback done = std::exchange(m_done, {});
    if (!done)
        return;
    QMetaObject::invokeMethod(
        this, [done = std::move(done), result = std::move(result)]() { done(result); },
        Qt::QueuedConnection);
}

Status DeviceJoin::checkCommon(const JoinRequest &request)
{
    Result<QUrl> url = parseServerUrl(request.serverUrl);
    if (!url)
        return url.error();
    m_url = url.value();
    if (auto problem = deviceNameProblem(request.deviceName))
        return Error(ErrorCode::InvalidInput, *problem);
    if (Status strong = keyring::checkPassphraseStrength(m_passphrase); !strong)
        return strong;
    return Profile::checkFolderIsFree(request.profileFolder, m_clock);
}

void DeviceJoin::joinWithLinkCode(const JoinRequest &request, SecureBytes passphrase, Callback done)
{
    if (m_done || m_step == Step::Claiming || m_step == Step::Opening ||
        m_step == Step::Registering || m_step == Step::Saving) {
        done(localError(ErrorCode::InvalidInput, u"this device is already joining"_s));
        return;
    }
    m_done = std::move(done);
    m_request = request;
    m_passphrase = std::move(passphrase);
    m_pendingRecovery.reset();
    m_profile.reset();
    if (Status checked = checkCommon(request); !checked)
        return finish(CallError::local(checked.error()));
    // Checked before the claim, which uses the offer up whatever follows.
    Result<SecureBytes> secret = protocol::crockford::linkSecretFromCode(request.code);
    if (!secret)
        return finish(CallError::local(secret.error().withContext(u"the link code"_s)));
    Result<QByteArray> mailboxId = protocol::signing::linkMailboxId(secret.value());
    Result<SecureBytes> key = protocol::signing::linkKey(secret.value());
    if (!mailboxId || !key)
        return finish(CallError::local(!mailboxId ? mailboxId.error() : key.error()));
    auto linkKey = std::make_shared<SecureBytes>(std::move(key).value());

    setStep(Step::Claiming);
    m_api.setBaseUrl(m_url);
    protocol::LinkClaimRequest claimRequest;
    claimRequest.mailboxId = mailboxId.value();
    m_api.claimLink(
        claimRequest, [this, linkKey](CallResult<protocol::LinkClaimResponse> response) {
            if (!response) {
                CallError error = response.error();
                error.message = explain(error, m_url.toDisplayString(), false);
                return finish(error);
            }
            auto claim = std::make_shared<Claim>();
            claim->userId = response->userId;
            claim->team = response->team;
            claim->role = response->role;
            claim->serverId = response->serverId;
            claim->keyring = {response->userId, response->keyring.boxPublicKey,
                              response->keyring.signPublicKey, response->keyring.wrappedSecretKeys,
                              response->keyring.recoveryWrappedMasterKey};
            claim->claimToken = response->claimToken;
            claim->claimedAtMs = m_clock.nowMs();
            Result<SecureBytes> masterKey =
                protocol::signing::openLinkBlob(*linkKey, response->blob, response->userId);
            if (!masterKey)
                return finish(localError(
                    ErrorCode::WrongSecret,
                    u"the link code does not match what the server holds for it; the code is used "
                    "now, so make a new one on your other device and type it carefully (if it "
                    "happens again, the server may not be the one your other device uses)"_s));
            claimed(claim, std::move(masterKey).value());
        });
}

void DeviceJoin::recover(const JoinRequest &request, SecureBytes passphrase, Callback done)
{
    if (m_done || m_step == Step::Claiming || m_step == Step::Opening ||
        m_step == Step::Registering || m_step == Step::Saving) {
        done(localError(ErrorCode::InvalidInput, u"this device is already joining"_s));
        return;
    }
    m_done = std::move(done);
    m_request = request;
    m_passphrase = std::move(passphrase);
    m_pendingRecovery.reset();
    m_profile.reset();
    if (Status checked = checkCommon(request); !checked)
        return finish(CallError::local(checked.error()));
    Result<QString> ticket =
        protocol::crockford::parse(request.code, protocol::crockford::kInviteCodeDigits);
    if (!ticket)
        return finish(CallError::local(ticket.error().withContext(u"the recovery ticket"_s)));
    // A mistyped recovery code is caught by its checksum here, before the ticket is spent.
    if (Result<SecureBytes> parsed = recovery::parse(request.recoveryCode); !parsed)
        return finish(localError(parsed.error().code(),
                                 parsed.error().message() +
                                     u"; the recovery ticket was not used, so try again with "
                                     "the same ticket"_s));

    setStep(Step::Claiming);
    m_api.setBaseUrl(m_url);
    protocol::RecoveryClaimRequest claimRequest;
    claimRequest.ticket = ticket.value();
    m_api.claimRecovery(claimRequest, [this](CallResult<protocol::RecoveryClaimResponse> response) {
        if (!response) {
            CallError error = response.error();
            error.message = explain(error, m_url.toDisplayString(), true);
            return finish(error);
        }
        auto claim = std::make_shared<Claim>();
        claim->recovery = true;
        claim->userId = response->userId;
        claim->team = response->team;
        claim->role = response->role;
        claim->serverId = response->serverId;
        claim->keyring = {response->userId, response->keyring.boxPublicKey,
                          response->keyring.signPublicKey, response->keyring.wrappedSecretKeys,
                          response->keyring.recoveryWrappedMasterKey};
        claim->claimToken = response->claimToken;
        claim->claimedAtMs = m_clock.nowMs();
        claimed(claim, std::nullopt);
    });
}

bool DeviceJoin::canRetryRecoveryCode() const
{
    return m_pendingRecovery && !m_done &&
           m_clock.nowMs() - m_pendingRecovery->claimedAtMs < kClaimLifetimeMs;
}

void DeviceJoin::retryRecoveryCode(const QString &recoveryCode, Callback done)
{
    if (m_done) {
        done(localError(ErrorCode::InvalidInput, u"this device is already joining"_s));
        return;
    }
    const bool usable = canRetryRecoveryCode();
    m_done = std::move(done);
    if (!usable) {
        m_pendingRecovery.reset();
        return finish(localError(ErrorCode::InvalidInput,
                                 u"the claimed recovery ticket is no longer valid (10 minutes "
                                 "passed); ask your administrator for a new one"_s));
    }
    m_request.recoveryCode = recoveryCode;
    if (Result<SecureBytes> parsed = recovery::parse(recoveryCode); !parsed)
        return finish(CallError::local(parsed.error().withContext(u"the recovery code"_s)));
    claimed(m_pendingRecovery, std::nullopt);
}

void DeviceJoin::claimed(std::shared_ptr<Claim> claim, std::optional<SecureBytes> masterKey)
{
    setStep(Step::Opening);
    // The worker owns copies of its inputs: this object may be destroyed while it runs, and
    // then its answer is dropped with the watcher.
    struct Job
    {
        keyring::ReceivedKeyring keyring;
        std::optional<SecureBytes> masterKey;
        QString recoveryCode;
        SecureBytes passphrase;
        KdfParams kdf;
        std::optional<Result<keyring::AdoptedKeyring>> result;
        ~Job() { wipe(recoveryCode); }
    };
    auto job = std::make_shared<Job>();
    job->keyring = claim->keyring;
    job->masterKey = std::move(masterKey);
    job->recoveryCode = m_request.recoveryCode;
    job->passphrase = m_passphrase.clone();
    job->kdf = m_request.kdf;
    wipe(m_request.recoveryCode);
    auto *watcher = new QFutureWatcher<void>(this);
    connect(watcher, &QFutureWatcherBase::finished, this, [this, watcher, job, claim] {
        watcher->deleteLater();
        adopted(claim, std::move(*job->result));
    });
    watcher->setFuture(QtConcurrent::run([job] {
        job->result = job->masterKey
                          ? keyring::adopt(job->keyring, *job->masterKey, job->passphrase, job->kdf)
                          : keyring::adoptWithRecoveryCode(job->keyring, job->recoveryCode,
                                                           job->passphrase, job->kdf);
    }));
}

void DeviceJoin::adopted(std::shared_ptr<Claim> claim, Result<keyring::AdoptedKeyring> adopted)
{
    if (!adopted) {
        if (claim->recovery && adopted.error().code() == ErrorCode::WrongSecret) {
            m_pendingRecovery = claim; // the claim stays good for another code
            return finish(localError(
                ErrorCode::WrongSecret,
                adopted.error().message() +
                    u"; the recovery ticket is now used, so ask your administrator for a new one "
                    "(for the next 10 minutes another code can still be tried with it)"_s));
        }
        return finish(CallError::local(adopted.error()));
    }
    m_pendingRecovery.reset();
    claim->adopted = std::move(adopted).value();

    Result<DeviceKeyPair> deviceKey = devicekey::generate();
    if (!deviceKey)
        return finish(CallError::local(deviceKey.error()));
    claim->deviceKey = std::move(deviceKey).value();
    protocol::DeviceRegistrationRequest &registration = claim->registration;
    registration.claimToken = claim->claimToken;
    registration.device.publicKey = claim->deviceKey->publicKey;
    registration.device.name = m_request.deviceName.trimmed();
    Result<QByteArray> message = protocol::signing::deviceRegistrationMessage(
        claim->serverId, claim->userId, registration.device.publicKey, claim->claimToken);
    if (!message)
        return finish(CallError::badResponse(
            u"the server's claim answer is not usable (%1)"_s.arg(message.error().message())));
    Result<QByteArray> signature =
        protocol::signing::sign(message.value(), claim->adopted->keys.signSecretKey);
    if (!signature)
        return finish(CallError::local(signature.error()));
    registration.signature = signature.value();

    setStep(Step::Registering);
    sendRegistration(claim, 1);
}

void DeviceJoin::sendRegistration(std::shared_ptr<Claim> claim, int attempt)
{
    m_api.registerDevice(
        claim->registration,
        [this, claim, attempt](CallResult<protocol::DeviceRegistrationResponse> response) {
            if (response || !response.error().isRetryable() || attempt >= kRegisterAttempts)
                return registered(claim, attempt, std::move(response));
            // The server may have registered the device and the answer got lost: the same
            // request again gets the same device (protocol.md 14.4), never a second one.
            const qint64 delayMs = std::max(kRegisterRetryDelaysMs[attempt - 1],
                                            response.error().retryAfterMs().value_or(0));
            const bool claimOutlivesWait =
                m_clock.nowMs() + delayMs < claim->claimedAtMs + kClaimLifetimeMs;
            if (delayMs > kMaxRetryWaitMs || !claimOutlivesWait)
                return registered(claim, attempt, std::move(response));
            qCInfo(lcSyncClient).noquote()
                << "registering this device failed (" << response.error().message << "); attempt"
                << attempt + 1 << "in" << delayMs << "ms";
            m_retryTimer = m_scheduler.callAfter(delayMs, [this, claim, attempt]() {
                m_retryTimer.reset();
                sendRegistration(claim, attempt + 1);
            });
        });
}

void DeviceJoin::registered(std::shared_ptr<Claim> claim, int attempts,
                            CallResult<protocol::DeviceRegistrationResponse> response)
{
    if (!response) {
        CallError error = response.error();
        if (error.isRetryable()) {
            // Given up: the device may exist on the server all the same.
            const QString again = claim->recovery
                                      ? u"ask your administrator for a new recovery ticket"_s
                                      : u"make a new link code on your other device"_s;
            const QString tries = attempts == 1 ? u"one attempt"_s : u"%1 attempts"_s.arg(attempts);
            error.message =
                u"this device could not be registered with %1 (%2; the last said: %3). Nothing "
                "was saved on this device: %4 and try again, and if \"%5\" appears in your "
                "device list, remove it there"_s.arg(m_url.toDisplayString(), tries, error.message,
                                                     again, claim->registration.device.name);
        } else {
            error.message = explain(error, m_url.toDisplayString(), claim->recovery);
        }
        return finish(error);
    }
    if (response->userId != claim->userId || response->serverId != claim->serverId)
        return finish(CallError::badResponse(
            u"the server's registration answer names another account or server; nothing was "
            "saved"_s));

    setStep(Step::Saving);
    const QString folder = m_request.profileFolder;
    const QString again = claim->recovery ? u"ask your administrator for a new recovery ticket"_s
                                          : u"make a new link code"_s;
    const auto savingFailed = [&](const Error &error) {
        return CallError::local(error.withContext(
            u"the server added this device, but saving the profile in %1 failed; %2, try again "
            "in an empty folder, and remove the extra device from your device list"_s.arg(folder,
                                                                                          again)));
    };
    Result<std::unique_ptr<Profile>> created =
        Profile::createFromKeys(folder, std::move(*claim->adopted), m_clock);
    claim->adopted.reset();
    if (!created)
        return finish(savingFailed(created.error()));
    std::unique_ptr<Profile> profile = std::move(created).value();
    Result<QByteArray> wrapped =
        devicekey::wrap(*profile->keys(), response->deviceId, claim->deviceKey->secretKey);
    if (!wrapped)
        return finish(savingFailed(wrapped.error()));

    JoinResult result;
    result.userId = claim->userId;
    result.settings.serverUrl = m_url.toString();
    result.settings.serverId = claim->serverId;
    result.settings.teamId = response->team.id;
    result.settings.teamName = response->team.name;
    result.settings.role = enumName(response->role);
    result.settings.deviceId = response->deviceId;
    result.settings.wrappedDeviceKey = wrapped.value();

    QList<DirectoryMember> members;
    for (const protocol::DirectoryMember &member : response->directory.members)
        members.append(ProfileSyncStore::toPinned(member));
    const Status saved = profile->database().write(u"saving the new device"_s, [&]() -> Status {
        Result<DirectoryUpdate> pinned = profile->applyDirectory(members);
        if (!pinned)
            return pinned.error();
        result.refusedUserIds = pinned->refusedUserIds;
        if (Status version =
                profile->syncState().setDirectoryVersion(response->directory.directoryVersion);
            !version)
            return version;
        Result<int> queued = profile->enrol(result.settings);
        if (!queued)
            return queued.error();
        return {};
    });
    if (!saved)
        return finish(savingFailed(saved.error()));
    qCInfo(lcSyncClient) << (claim->recovery ? "recovered" : "linked") << "as device"
                         << result.settings.deviceId << "in team" << result.settings.teamId;
    m_profile = std::move(profile);
    finish(std::move(result));
}

} // namespace outward::sync
