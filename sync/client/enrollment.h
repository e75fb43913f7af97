#pragma once

#include "core/model/clock.h"
#include "core/profile/profile.h"
#include "sync/client/apiclient.h"
#include "sync/client/callerror.h"
#include "sync/client/transport.h"

#include <QObject>
#include <QString>

#include <functional>

namespace outward::sync {

// What a person types to join a team's server.
struct EnrollmentRequest
{
    QString serverUrl;   // https://..., or http:// only for this machine
    QString inviteCode;  // as typed: dashes, spaces, lower case and O/I/L aliases are fine
    QString displayName; // shown to the team, 1 .. 100 characters
    QString deviceName;  // shown in the device list, 1 .. 100 characters
};

struct EnrollmentResult
{
    SyncSettings settings;
    int queuedRecords = 0;      // local records now waiting in the outbox
    QStringList refusedUserIds; // directory members whose keys could not be pinned
};

// The device side of protocol.md section 8: checks what was typed, asks /v1/health for the
// server id, makes this device's key, signs the enrolment message with the user's sign key,
// POST /v1/enroll, and on 201 saves the sync settings, the wrapped device key and the pinned
// directory and queues the local records, all in one transaction. Every failure has a message
// that says what to do. Needs the profile unlocked and not yet enrolled.
class Enrollment : public QObject
{
    Q_OBJECT

public:
    using Callback = std::function<void(CallResult<EnrollmentResult>)>;

    Enrollment(Profile &profile, Transport &transport, const Clock &clock,
               QObject *parent = nullptr);

    // Calls `done` once, from the event loop.
    void enroll(const EnrollmentRequest &request, Callback done);

    // The user-facing message for a refused enrolment (invite codes, keys, rate limits).
    static QString explain(const CallError &error, const QString &serverUrl);

private:
    void finish(Callback done, CallResult<EnrollmentResult> result);

    Profile &m_profile;
    ApiClient m_api;
    bool m_busy = false;
};

} // namespace outward::sync
