#pragma once

#include <QObject>
#include <QString>
#include <QtQml/qqmlregistration.h>
#include <QVariantMap>

#include <memory>

namespace outward {

namespace sync {
class DeviceJoin;
} // namespace sync

// First run on a new device of someone who already uses Outward ("I already use Outward on
// another device"), thin over sync::DeviceJoin (protocol.md 14.3-14.4): the server address and
// the link code shown on the other device, this device's name and a passphrase for this device.
// Everything typed is checked here first, because the code works once; then DeviceJoin claims
// it, adopts the account's keys under the new passphrase, registers this device and saves the
// profile in the session's folder, and the session opens it unlocked and enrolled, so the sync
// starts pulling the person's records at once.
//
// A failure fills fieldErrors (keyed "serverUrl", "code", "deviceName", "passphrase") or error,
// and keeps every value typed.
class DeviceJoinForm : public QObject
{
    Q_OBJECT
    QML_ELEMENT

    Q_PROPERTY(QString serverUrl MEMBER m_serverUrl NOTIFY changed)
    Q_PROPERTY(QString code MEMBER m_code NOTIFY changed)
    // Suggested: this machine's or phone's name.
    Q_PROPERTY(QString deviceName MEMBER m_deviceName NOTIFY changed)
    Q_PROPERTY(bool busy READ busy NOTIFY stepChanged)
    Q_PROPERTY(Step step READ step NOTIFY stepChanged)
    // What is happening while busy ("Checking the link code…"); empty otherwise.
    Q_PROPERTY(QString stepText READ stepText NOTIFY stepChanged)
    Q_PROPERTY(QVariantMap fieldErrors READ fieldErrors NOTIFY errorsChanged)
    Q_PROPERTY(QString error READ error NOTIFY errorsChanged) // a failure that is no field's

public:
    enum Step
    {
        Idle,
        Checking,    // the server looks the code up (the claim: the code is used from here on)
        Opening,     // the account's keys, under this device's passphrase
        Registering, // the server adds this device to the account
        Saving,      // the new profile folder
        Opened,      // the session has the new profile
        Failed,
    };
    Q_ENUM(Step)

    explicit DeviceJoinForm(QObject *parent = nullptr);
    ~DeviceJoinForm() override;

    bool busy() const;
    Step step() const { return m_step; }
    QString stepText() const;
    QVariantMap fieldErrors() const { return m_fieldErrors; }
    QString error() const { return m_error; }

    // Checks what was typed and joins; ends in Opened (and joined()) or Failed.
    Q_INVOKABLE void join(const QString &passphrase, const QString &repeated);
    Q_INVOKABLE void clearErrors();
    // Typed link code text in groups of four as the person types ("4k7qm2" -> "4K7Q-M2"):
    // separators and spaces dropped, letters upper-cased, every other character kept so the
    // check can name it.
    Q_INVOKABLE static QString formatCode(const QString &typed);

signals:
    void changed();
    void stepChanged();
    void errorsChanged();
    void joined(); // the session opened the new profile

private:
    void setStep(Step step);
    void setErrors(const QVariantMap &fieldErrors, const QString &error);
    QVariantMap checkTyped() const;

    QString m_serverUrl;
    QString m_code;
    QString m_deviceName;
    Step m_step = Idle;
    QVariantMap m_fieldErrors;
    QString m_error;
    std::unique_ptr<sync::DeviceJoin> m_join;
};

} // namespace outward
