#pragma once

#include <QDateTime>
#include <QObject>
#include <QPointer>
#include <QStringList>
#include <QTimer>
#include <QtQml/qqmlregistration.h>

namespace outward {

namespace sync {
class DeviceLink;
} // namespace sync

// The "Add a device" page of an enrolled, unlocked profile, thin over sync::DeviceLink
// (protocol.md 14.2): makes a link code, shows it with the server address and a countdown while
// it can be used, and says when the new device was added, or why not and what to do. One code at
// a time; start() after an end makes a new one.
//
// The code is a secret for its 10 minutes: it is never logged, and it disappears from `code` once
// used, cancelled or expired. Leaving the page (destroying this object) cancels a live code; so
// does locking the profile. While the code is shown the session does not lock itself, so the
// person can type it on the other device without this one locking halfway.
class DeviceLinkOffer : public QObject
{
    Q_OBJECT
    QML_ELEMENT

    Q_PROPERTY(State state READ state NOTIFY stateChanged)
    // Something is under way with the server (a code is being made, shown, used or cancelled).
    Q_PROPERTY(bool live READ live NOTIFY stateChanged)
    // "4K7Q-M2XD-9TRB-0WPZ-3HN8-C6VJ" while Waiting, and its six groups; empty otherwise.
    Q_PROPERTY(QString code READ code NOTIFY stateChanged)
    Q_PROPERTY(QStringList codeGroups READ codeGroups NOTIFY stateChanged)
    // The server the new device must use, as enrolled here.
    Q_PROPERTY(QString serverUrl READ serverUrl NOTIFY stateChanged)
    Q_PROPERTY(QDateTime expiresAt READ expiresAt NOTIFY stateChanged)
    // Whole seconds until the code stops working (rounded up), and the same as "9:05".
    Q_PROPERTY(int secondsLeft READ secondsLeft NOTIFY countdownChanged)
    Q_PROPERTY(QString countdownText READ countdownText NOTIFY countdownChanged)
    // After Added: the name the new device chose (empty if the server's list could not be read).
    Q_PROPERTY(QString newDeviceName READ newDeviceName NOTIFY stateChanged)
    // For people: what happened (Added, Expired, Cancelled) or why it failed and what to do.
    Q_PROPERTY(QString message READ message NOTIFY stateChanged)

public:
    enum State
    {
        Idle,       // start() not called yet
        Preparing,  // making the code and leaving it with the server
        Waiting,    // the code is shown; nobody has used it yet
        Claimed,    // a device used the code and is finishing; the code is hidden
        Cancelling, // cancel() asked the server to drop the code
        // Final states; start() makes a new code from any of them.
        Added,
        Expired,
        Cancelled,
        Failed,
    };
    Q_ENUM(State)

    explicit DeviceLinkOffer(QObject *parent = nullptr);
    ~DeviceLinkOffer() override;

    State state() const { return m_state; }
    bool live() const;
    QString code() const;
    QStringList codeGroups() const;
    QString serverUrl() const { return m_serverUrl; }
    QDateTime expiresAt() const { return m_expiresAt; }
    int secondsLeft() const;
    QString countdownText() const;
    QString newDeviceName() const { return m_newDeviceName; }
    QString message() const { return m_message; }

    // Makes a new code. Needs the profile unlocked and connected to a team; otherwise Failed with
    // a message saying so. Does nothing while a code is live.
    Q_INVOKABLE void start();
    // Drops the code on the server; Cancelled once it answered.
    Q_INVOKABLE void cancel();

signals:
    void stateChanged();
    void countdownChanged(); // once a second while the code is shown

private:
    void onLinkState();
    void onSessionChanged();
    void setState(State state, const QString &message = {});
    void fail(const QString &message);
    void dropLink();

    QPointer<sync::DeviceLink> m_link;
    State m_state = Idle;
    QString m_code; // cleared as soon as the link stops showing it
    QString m_serverUrl;
    QDateTime m_expiresAt;
    QString m_newDeviceName;
    QString m_message;
    bool m_sawClaim = false;
    bool m_lockedWhileLive = false;
    QTimer m_ticker;
};

} // namespace outward
