#pragma once

#include "core/model/clock.h"
#include "core/profile/profile.h"
#include "sync/client/apiclient.h"
#include "sync/client/callerror.h"
#include "sync/client/scheduler.h"
#include "sync/client/transport.h"

#include <QDateTime>
#include <QObject>
#include <QString>
#include <QUrl>

#include <memory>
#include <optional>

namespace outward::sync {

class ProfileSyncStore;

// The existing device's side of adding a device (protocol.md 14.2): makes a 120-bit link secret,
// shows it as a 24-digit link code, leaves the account's master key sealed under a key derived
// from the secret in a mailbox on the server, and polls the mailbox every 3 seconds until the new
// device registers, the code expires (10 minutes) or the person cancels. Needs an enrolled,
// unlocked profile; signs in with this device's key like the sync engine does.
//
// The secret lives only in this object (as the code text) and on the person's screen; the
// server sees the mailbox id and the sealed blob, both functions of the secret, so it cannot
// open the blob (crypto.md 3.8).
class DeviceLink : public QObject
{
    Q_OBJECT

public:
    enum class State
    {
        Idle,       // start() not called yet
        Offering,   // making the code and leaving the offer with the server
        Waiting,    // the code is shown; nobody has used it yet
        Claimed,    // a device used the code and is finishing; stop showing the code
        Cancelling, // cancel() asked the server to drop the offer
        // Final states; finished() is emitted once on entering one of them.
        Registered, // the new device was added: newDeviceId(), newDeviceName()
        Expired,    // the code was not used in time, or the device that used it did not finish
        Cancelled,  // the person cancelled; the server dropped the offer
        Failed,     // message() says why and what to do
    };
    Q_ENUM(State)

    static constexpr qint64 kPollIntervalMs = 3'000;
    // How long a claimed offer may wait for the new device to register: the claim token's
    // lifetime (protocol.md 14.3) plus a margin for clocks and the last poll.
    static constexpr qint64 kClaimWaitMs = 10 * 60'000 + 30'000;

    DeviceLink(Profile &profile, Transport &transport, Scheduler &scheduler, const Clock &clock,
               QObject *parent = nullptr);
    // Stops polling and forgets the code, but cannot wait for the server: an offer still live is
    // left to expire (10 minutes). Call cancel() and wait for finished() to drop it at once.
    ~DeviceLink() override;

    // Makes a code and leaves the offer; stateChanged(Waiting) when the code can be shown. Does
    // nothing unless Idle: one DeviceLink makes one code.
    void start();
    // Drops the offer on the server (DELETE), then Cancelled. After Claimed the device that used
    // the code may still finish joining (its claim stays valid): message() says so.
    void cancel();

    State state() const { return m_state; }
    bool isFinished() const;
    // "4K7Q-M2XD-9TRB-0WPZ-3HN8-C6VJ" while Waiting; empty otherwise (the code is secret and
    // single-use, so it is dropped once used or dead).
    QString linkCode() const;
    // "outward-link:v1:<24 digits>:<base URL>" for a QR code, while Waiting.
    QString qrText() const;
    // The server the new device must use: the base URL this device is enrolled with.
    QUrl serverUrl() const { return m_serverUrl; }
    // When the code stops working (the server's expires_at).
    QDateTime expiresAt() const { return m_expiresAt; }
    QString newDeviceId() const { return m_newDeviceId; }
    // The name the new device registered with; empty if the device list could not be read.
    QString newDeviceName() const { return m_newDeviceName; }
    // For people: what happened (Registered, Expired, Cancelled) or why it failed and what to do.
    QString message() const { return m_message; }
    // After Cancelled: the server could not be told, so the code works until expiresAt().
    bool offerMayStillBeLive() const { return m_offerLive; }
    // In Failed: the call or local step that failed (kind, HTTP code, whether a retry may help).
    const std::optional<CallError> &error() const { return m_error; }

    // The user-facing message for a refused or failed call while linking.
    static QString explain(const CallError &error, const QString &serverUrl);

Q_SIGNALS:
    void stateChanged(outward::sync::DeviceLink::State state);
    // Once, on entering Registered, Expired, Cancelled or Failed.
    void finished(outward::sync::DeviceLink::State state);

private:
    void setState(State state);
    void finish(State state, const QString &message);
    void fail(const CallError &error);
    void failLocal(ErrorCode code, const QString &message);
    void offerCreated(CallResult<protocol::LinkOfferResponse> response);
    void schedulePoll();
    void poll();
    void polled(CallResult<protocol::LinkOfferStatus> status);
    void registered(const QString &deviceId);
    void sendCancel();
    void forgetCode();

    Profile &m_profile;
    Scheduler &m_scheduler;
    const Clock &m_clock;
    ApiClient m_api;
    std::unique_ptr<ProfileSyncStore> m_store;
    State m_state = State::Idle;
    QUrl m_serverUrl;
    QString m_codeDigits; // the secret as 24 digits; cleared when no longer needed
    QByteArray m_mailboxId;
    bool m_offerLive = false; // the server accepted the offer and it was not cancelled
    bool m_cancelAfterOffer = false;
    std::optional<Scheduler::TimerId> m_pollTimer;
    QDateTime m_expiresAt;
    std::optional<qint64> m_claimedAtMs;
    QString m_newDeviceId;
    QString m_newDeviceName;
    QString m_message;
    std::optional<CallError> m_error;
};

} // namespace outward::sync
