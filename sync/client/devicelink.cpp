#include "sync/client/devicelink.h"

#include "sync/client/logging.h"
#include "sync/client/profilesyncstore.h"
#include "sync/protocol/crockford.h"
#include "sync/protocol/signedmessages.h"

using namespace Qt::StringLiterals;

namespace outward::sync {

DeviceLink::DeviceLink(Profile &profile, Transport &transport, Scheduler &scheduler,
                       const Clock &clock, QObject *parent)
    : QObject(parent)
    , m_profile(profile)
    , m_scheduler(scheduler)
    , m_clock(clock)
    , m_api(transport, clock, this)
{}

DeviceLink::~DeviceLink()
{
    if (m_pollTimer)
        m_scheduler.cancel(*m_pollTimer);
    forgetCode();
}

bool DeviceLink::isFinished() const
{
    return m_state == State::Registered || m_state == State::Expired ||
           m_state == State::Cancelled || m_state == State::Failed;
}

QString DeviceLink::linkCode() const
{
    if (m_state != State::Waiting)
        return {};
    return protocol::crockford::formatLinkCode(m_codeDigits);
}

QString DeviceLink::qrText() const
{
    if (m_state != State::Waiting)
        return {};
    return u"outward-link:v1:"_s + m_codeDigits + u':' + m_serverUrl.toString();
}

QString DeviceLink::explain(const CallError &error, const QString &serverUrl)
{
    if (auto general = error.explainWithoutApiCode(serverUrl, false))
        return *general;
    const QString &code = error.api.code;
    if (code == protocol::code::kRateLimited)
        return u"this account already has three link codes waiting, or asked too often; use "
               "one of them, or try again in %1 seconds"_s.arg(
                   error.api.retryAfterSeconds.value_or(60));
    if (code == protocol::code::kDeviceRevoked)
        return u"this device was removed from the account on the server, so it cannot add "
               "devices; add the new device from another one"_s;
    if (code == protocol::code::kUserRevoked)
        return u"this account was revoked on the server; ask your administrator"_s;
    if (code == protocol::code::kAuthenticationFailed)
        return u"the server did not accept this device's key (%1); check that this profile is "
               "still enrolled with %2"_s.arg(error.api.message, serverUrl);
    if (error.api.httpStatus >= 500)
        return u"the server had a problem (%1); try again later"_s.arg(error.api.message);
    return u"the server refused: %1"_s.arg(error.api.message);
}

void DeviceLink::setState(State state)
{
    if (m_state == state)
        return;
    m_state = state;
    Q_EMIT stateChanged(state);
}

void DeviceLink::forgetCode()
{
    m_codeDigits.fill(u'0');
    m_codeDigits.clear();
}

void DeviceLink::finish(State state, const QString &message)
{
    if (isFinished())
        return;
    if (m_pollTimer) {
        m_scheduler.cancel(*m_pollTimer);
        m_pollTimer.reset();
    }
    forgetCode();
    m_message = message;
    qCInfo(lcSyncClient) << "device link ended:" << state;
    setState(state);
    Q_EMIT finished(state);
}

void DeviceLink::fail(const CallError &error)
{
    m_error = error;
    m_error->message = explain(error, m_serverUrl.toDisplayString());
    finish(State::Failed, m_error->message);
}

void DeviceLink::failLocal(ErrorCode code, const QString &message)
{
    fail(CallError::local(Error(code, message)));
}

void DeviceLink::start()
{
    if (m_state != State::Idle)
        return;
    setState(State::Offering);
    if (!m_profile.isUnlocked())
        return failLocal(ErrorCode::Locked, u"unlock the profile to add a device"_s);
    m_store = std::make_unique<ProfileSyncStore>(m_profile);
    Result<SyncIdentity> identity = m_store->identity();
    if (!identity)
        return identity.error().code() == ErrorCode::NotFound
                   ? failLocal(ErrorCode::NoProfile,
                               u"this profile is not enrolled with a sync server; enrol it with "
                               "an invite code before adding another device"_s)
                   : fail(CallError::local(identity.error()));
    m_serverUrl = identity->serverUrl;
    m_api.setBaseUrl(identity->serverUrl);
    m_api.setCredentials(identity->deviceId,
                         [this, who = identity.value()](const QByteArray &challenge) {
                             return m_store->signChallenge(who, challenge);
                         });

    const SecureBytes secret = protocol::signing::newLinkSecret();
    if (secret.isNull())
        return failLocal(ErrorCode::Internal,
                         u"could not make a random link code (libsodium failed)"_s);
    Result<QByteArray> mailboxId = protocol::signing::linkMailboxId(secret);
    Result<SecureBytes> key = protocol::signing::linkKey(secret);
    if (!mailboxId || !key)
        return fail(CallError::local(!mailboxId ? mailboxId.error() : key.error()));
    Result<QByteArray> blob = protocol::signing::sealLinkBlob(
        key.value(), m_profile.keys()->masterKey, m_profile.userId());
    if (!blob)
        return fail(CallError::local(blob.error()));
    m_codeDigits = protocol::crockford::linkCodeFromSecret(secret);
    m_mailboxId = mailboxId.value();

    protocol::LinkOfferRequest offer;
    offer.mailboxId = m_mailboxId;
    offer.blob = blob.value();
    m_api.createLinkOffer(offer, [this](CallResult<protocol::LinkOfferResponse> response) {
        offerCreated(std::move(response));
    });
}

void DeviceLink::offerCreated(CallResult<protocol::LinkOfferResponse> response)
{
    if (!response) {
        if (m_cancelAfterOffer)
            return finish(State::Cancelled, u"cancelled; no code was made"_s);
        return fail(response.error());
    }
    m_offerLive = true;
    m_expiresAt = response->expiresAt;
    if (m_cancelAfterOffer)
        return sendCancel();
    qCInfo(lcSyncClient) << "link offer left with the server until" << m_expiresAt;
    setState(State::Waiting);
    schedulePoll();
}

void DeviceLink::schedulePoll()
{
    m_pollTimer = m_scheduler.callAfter(kPollIntervalMs, [this] {
        m_pollTimer.reset();
        poll();
    });
}

void DeviceLink::poll()
{
    if (m_state != State::Waiting && m_state != State::Claimed)
        return;
    m_api.linkOfferStatus(m_mailboxId, [this](CallResult<protocol::LinkOfferStatus> status) {
        polled(std::move(status));
    });
}

void DeviceLink::polled(CallResult<protocol::LinkOfferStatus> status)
{
    if (m_state != State::Waiting && m_state != State::Claimed)
        return; // cancelled meanwhile
    const qint64 now = m_clock.nowMs();
    const bool claimOverdue = m_claimedAtMs && now - *m_claimedAtMs > kClaimWaitMs;
    const bool codeOverdue =
        m_state == State::Waiting && m_expiresAt.isValid() && now > m_expiresAt.toMSecsSinceEpoch();
    const QString unfinished =
        u"a device used the code but did not finish joining within 10 minutes; make a new code "
        "and try again (if that device was not yours, check the device list)"_s;
    const QString expired = u"the code expired after 10 minutes without being used; make a new "
                            "one when the other device is ready"_s;
    if (!status) {
        const CallError &error = status.error();
        if (error.hasCode(protocol::code::kLinkNotFound)) {
            // Purged after its expiry, or dropped by another of this user's devices.
            m_offerLive = false;
            return finish(State::Expired, m_state == State::Claimed ? unfinished : expired);
        }
        if (error.isRetryable() && !claimOverdue && !codeOverdue) {
            qCInfo(lcSyncClient) << "polling the link offer failed; trying again:" << error.message;
            return schedulePoll();
        }
        return fail(error);
    }
    switch (status->status) {
    case protocol::LinkState::Waiting:
        if (codeOverdue)
            return finish(State::Expired, expired);
        return schedulePoll();
    case protocol::LinkState::Claimed:
        if (!m_claimedAtMs) {
            m_claimedAtMs = now;
            forgetCode(); // used: never show it again
            setState(State::Claimed);
        }
        if (claimOverdue)
            return finish(State::Expired, unfinished);
        return schedulePoll();
    case protocol::LinkState::Registered:
        m_offerLive = false;
        return registered(status->deviceId);
    case protocol::LinkState::Expired:
        m_offerLive = false;
        return finish(State::Expired, expired);
    }
}

void DeviceLink::registered(const QString &deviceId)
{
    m_newDeviceId = deviceId;
    // The status names the device by id; people know it by the name it chose.
    m_api.devices([this](CallResult<protocol::DeviceList> list) {
        if (list) {
            for (const protocol::DeviceEntry &device : list->devices) {
                if (device.deviceId == m_newDeviceId)
                    m_newDeviceName = device.name;
            }
        }
        finish(State::Registered,
               m_newDeviceName.isEmpty()
                   ? u"a new device was added to your account"_s
                   : u"\u201c%1\u201d was added to your account"_s.arg(m_newDeviceName));
    });
}

void DeviceLink::cancel()
{
    switch (m_state) {
    case State::Idle:
        return finish(State::Cancelled, u"cancelled; no code was made"_s);
    case State::Offering:
        // The offer is on its way: drop it as soon as the server has it.
        m_cancelAfterOffer = true;
        setState(State::Cancelling);
        return;
    case State::Waiting:
    case State::Claimed:
        if (m_pollTimer) {
            m_scheduler.cancel(*m_pollTimer);
            m_pollTimer.reset();
        }
        setState(State::Cancelling);
        return sendCancel();
    case State::Cancelling:
    case State::Registered:
    case State::Expired:
    case State::Cancelled:
    case State::Failed:
        return;
    }
}

void DeviceLink::sendCancel()
{
    const bool wasClaimed = m_claimedAtMs.has_value();
    forgetCode();
    if (!m_offerLive)
        return finish(State::Cancelled, u"cancelled"_s);
    m_api.cancelLinkOffer(m_mailboxId, [this, wasClaimed](CallStatus done) {
        m_offerLive = !done.ok() && !done.error().hasCode(protocol::code::kLinkNotFound);
        if (m_offerLive)
            return finish(State::Cancelled,
                          u"cancelled here, but the server could not be told (%1); the code "
                          "stops working by itself at %2"_s.arg(
                              explain(done.error(), m_serverUrl.toDisplayString()),
                              m_expiresAt.toLocalTime().toString(u"HH:mm"_s)));
        finish(State::Cancelled,
               wasClaimed ? u"cancelled; the device that had used the code cannot join now. If "
                            "it was not yours, it has seen your keys: tell your administrator"_s
                          : u"cancelled; the code no longer works"_s);
    });
}

} // namespace outward::sync
