#pragma once

#include "core/crypto/kdfparams.h"
#include "core/crypto/keyring.h"
#include "core/model/clock.h"
#include "core/profile/profile.h"
#include "sync/client/apiclient.h"
#include "sync/client/callerror.h"
#include "sync/client/scheduler.h"
#include "sync/client/transport.h"

#include <QObject>
#include <QString>

#include <functional>
#include <memory>
#include <optional>

namespace outward::sync {

// What a person gives a new device to join an account that already exists.
struct JoinRequest
{
    QString serverUrl;     // as typed; https, or http only for this machine
    QString code;          // a link code (24 digits) or a recovery ticket (20), as typed
    QString recoveryCode;  // recovery only: the code printed when the account was created
    QString profileFolder; // where the new profile goes; must not hold one
    QString deviceName;    // shown in the device list, 1 .. 100 characters
    KdfParams kdf;         // for this device's passphrase wrap
};

struct JoinResult
{
    SyncSettings settings;
    QString userId;
    QStringList refusedUserIds; // directory members whose keys could not be pinned
};

// The new device's side of protocol.md 14.3-14.4 (a link code from another device) and 15 (a
// recovery ticket from the admin plus the recovery code). Everything typed is checked first,
// because the claim is single-use; then it claims, obtains the master key (the link blob opened
// with the code, or the recovery wrap opened with the recovery code), adopts the account's
// keyring with this device's own passphrase (keyring::adopt: the received keys must open and
// match), makes a device key, registers it signed with the user's key, and only then writes a
// new profile folder holding the keyring, the sync settings, the wrapped device key and the
// pinned directory, as enrolment does. The normal SyncEngine then signs in and pulls from 0.
//
// A recovery code that does not open the account after the ticket was claimed leaves the claim
// usable for its 10 minutes: retryRecoveryCode() tries another code without a new ticket.
//
// The registration is sent again, with the same device key and claim token, after a network
// failure, a 429 or a 5xx (kRegisterAttempts in all, kRegisterRetryDelaysMs apart, or later when
// the server says so): the server answers a repeat with the device it registered (protocol.md
// 14.4), so an answer lost after the server committed does not strand the new device.
class DeviceJoin : public QObject
{
    Q_OBJECT

public:
    enum class Step
    {
        Idle,
        Claiming,    // POST /v1/link/claim or /v1/recovery/claim
        Opening,     // the master key, the keyring and this device's passphrase (Argon2id)
        Registering, // POST /v1/devices
        Saving,      // the new profile folder
        Done,
        Failed,
    };
    Q_ENUM(Step)

    enum class CodeKind
    {
        Unknown,
        Invite, // 20 digits: an invite code or a recovery ticket
        Link,   // 24 digits
    };

    using Callback = std::function<void(CallResult<JoinResult>)>;

    static constexpr int kRegisterAttempts = 3;
    // The wait before attempt 2 and 3; a longer Retry-After wins, up to kMaxRetryWaitMs.
    static constexpr qint64 kRegisterRetryDelaysMs[kRegisterAttempts - 1] = {2'000, 4'000};
    // A server that asks for a longer wait is not waited for: the person gets an answer instead.
    static constexpr qint64 kMaxRetryWaitMs = 30'000;

    // Retries wait on `scheduler` (tests move time by hand).
    DeviceJoin(Transport &transport, Scheduler &scheduler, const Clock &clock,
               QObject *parent = nullptr);
    // Retries wait on a QtScheduler of its own.
    DeviceJoin(Transport &transport, const Clock &clock, QObject *parent = nullptr);
    ~DeviceJoin() override;

    // Calls `done` once, from the event loop. The passphrase is this device's new one.
    void joinWithLinkCode(const JoinRequest &request, SecureBytes passphrase, Callback done);
    void recover(const JoinRequest &request, SecureBytes passphrase, Callback done);
    // After recover() failed with ErrorCode::WrongSecret once the ticket was claimed: another
    // recovery code against the same claim, while it is valid (10 minutes).
    bool canRetryRecoveryCode() const;
    void retryRecoveryCode(const QString &recoveryCode, Callback done);

    Step step() const { return m_step; }
    // The new profile, unlocked and enrolled, after success; null before and after taking it.
    std::unique_ptr<Profile> takeProfile();

    // How many Crockford digits the typed code has: 24 is a link code, 20 an invite code or
    // recovery ticket. Unknown for anything else or characters outside the alphabet.
    static CodeKind kindOfCode(const QString &typed);
    // "outward-link:v1:<24 digits>:<base URL>" (DeviceLink::qrText) split into URL and code.
    static std::optional<std::pair<QString, QString>> parseLinkQrText(const QString &text);
    // The user-facing message for a refused claim or registration.
    static QString explain(const CallError &error, const QString &serverUrl, bool recovery);

Q_SIGNALS:
    void stepChanged(outward::sync::DeviceJoin::Step step);

private:
    struct Claim;

    Status checkCommon(const JoinRequest &request);
    // Adopts the keyring on a worker thread (Argon2id for the new passphrase would freeze the
    // screen), then continues in adopted() on this object's thread.
    void claimed(std::shared_ptr<Claim> claim, std::optional<SecureBytes> masterKey);
    void adopted(std::shared_ptr<Claim> claim, Result<keyring::AdoptedKeyring> adopted);
    void sendRegistration(std::shared_ptr<Claim> claim, int attempt);
    void registered(std::shared_ptr<Claim> claim, int attempts,
                    CallResult<protocol::DeviceRegistrationResponse> response);
    void openRecovery(const QString &recoveryCode);
    void setStep(Step step);
    void finish(CallResult<JoinResult> result);

    ApiClient m_api;
    std::unique_ptr<QtScheduler> m_ownScheduler; // only without an injected one
    Scheduler &m_scheduler;
    std::optional<Scheduler::TimerId> m_retryTimer;
    const Clock &m_clock;
    Step m_step = Step::Idle;
    Callback m_done;
    JoinRequest m_request;
    QUrl m_url;
    SecureBytes m_passphrase;
    std::shared_ptr<Claim> m_pendingRecovery; // a claimed ticket waiting for a right code
    std::unique_ptr<Profile> m_profile;
};

} // namespace outward::sync
