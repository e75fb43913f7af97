#pragma once

#include "core/crypto/kdfparams.h"
#include "core/model/clock.h"
#include "core/profile/profile.h"
#include "core/profile/recordservice.h"

#include <QObject>
#include <QTimer>
#include <QtQml/qqmlregistration.h>

#include <functional>
#include <memory>
#include <thread>

class QQmlEngine;
class QJSEngine;

namespace outward {

class KeyStore;

// The profile's lifecycle as the app sees it: create (with the recovery code shown once),
// unlock (passphrase or the OS key store), auto-lock after inactivity, lock, change passphrase,
// recover. Key derivation runs on a worker thread so the UI never freezes; `busy` is true
// meanwhile and the profile must not be touched. Every failure sets `error` to a message a
// person can act on and loses nothing.
//
// One Session per app; QML reaches it as the singleton `Session`. main() (or a test) creates it
// and calls Session::provide() before loading QML.
class Session : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    QML_SINGLETON

    Q_PROPERTY(State state READ state NOTIFY stateChanged)
    Q_PROPERTY(bool busy READ busy NOTIFY busyChanged)
    Q_PROPERTY(QString error READ error NOTIFY errorChanged)
    Q_PROPERTY(QString profileFolder READ profileFolder CONSTANT)
    // The recovery code between createProfile() and confirmRecoveryCodeSaved(); empty otherwise.
    Q_PROPERTY(
        QString pendingRecoveryCode READ pendingRecoveryCode NOTIFY pendingRecoveryCodeChanged)
    // "Remember on this device": the master key is in the OS key store.
    Q_PROPERTY(bool remembered READ remembered NOTIFY rememberedChanged)
    // Minutes without activity before the profile locks itself; 0 = never. Default 5.
    Q_PROPERTY(int autoLockMinutes READ autoLockMinutes WRITE setAutoLockMinutes NOTIFY
                   autoLockMinutesChanged)
    // Bumped whenever records change (add, edit, delete, undo): models and counts refresh on it.
    Q_PROPERTY(int revision READ revision NOTIFY recordsChanged)

public:
    enum State
    {
        NoProfile,           // first run: create a profile or recover one
        ShowingRecoveryCode, // created; the code must be confirmed before the app opens
        Locked,
        Unlocked,
    };
    Q_ENUM(State)

    // folder: the profile folder; keyStore may be null (no "remember"); params: Argon2id cost
    // for new passphrases (KdfParams::forThisDevice() in the app, interactive() in tests).
    Session(QString folder, KeyStore *keyStore, const Clock &clock, KdfParams params,
            QObject *parent = nullptr);
    ~Session() override;

    static void provide(Session *session);
    static Session *instance();
    static Session *create(QQmlEngine *, QJSEngine *); // for the QML engine

    State state() const { return m_state; }
    bool busy() const { return m_busy; }
    QString error() const { return m_error; }
    QString profileFolder() const { return m_folder; }
    QString pendingRecoveryCode() const { return m_pendingRecoveryCode; }
    bool remembered() const { return m_remembered; }
    int autoLockMinutes() const { return m_autoLockMinutes; }
    void setAutoLockMinutes(int minutes);
    int revision() const { return m_revision; }

    // 0 (unusable) .. 4 (strong), and a short hint saying why ("Add a few more words").
    Q_INVOKABLE int passphraseStrength(const QString &passphrase) const;
    Q_INVOKABLE QString passphraseHint(const QString &passphrase) const;

    Q_INVOKABLE void createProfile(const QString &passphrase, const QString &repeated);
    // The person re-types the last group of the code to show it was written down.
    Q_INVOKABLE bool confirmRecoveryCodeSaved(const QString &lastGroup);
    Q_INVOKABLE void unlock(const QString &passphrase, bool remember);
    Q_INVOKABLE void unlockWithDevice(); // from the OS key store, when remembered
    Q_INVOKABLE void forgetDevice();
    Q_INVOKABLE void lock();
    Q_INVOKABLE void changePassphrase(const QString &current, const QString &next,
                                      const QString &repeated);
    Q_INVOKABLE void recover(const QString &recoveryCode, const QString &next,
                             const QString &repeated);
    // Any touch or key press: restarts the auto-lock countdown.
    Q_INVOKABLE void noteActivity();
    Q_INVOKABLE void clearError();

    // A profile another device's link code made in profileFolder() (DeviceJoinForm): unlocked
    // and enrolled already, so it opens as it is, with no recovery code to show (the account's
    // code stays the same). Only while NoProfile and not busy; emits profileJoined() after the
    // state became Unlocked.
    [[nodiscard]] Status openJoinedProfile(std::unique_ptr<Profile> profile);
    // The Argon2id cost for new passphrases on this device.
    KdfParams kdfParams() const { return m_params; }

    // For C++ types in this module; null unless Unlocked.
    Profile *profile() const;
    RecordService *records() const;
    // Called by forms and models after they changed records.
    void notifyRecordsChanged();
    // The injected clock, so forms time handle time and stamp records by the same clock.
    const Clock &clock() const { return m_clock; }
    // How long one auto-lock "minute" lasts; tests shorten it instead of waiting minutes.
    void setAutoLockMinuteMs(int ms);
    bool autoLockActive() const { return m_autoLock.isActive(); }

signals:
    void stateChanged();
    void busyChanged();
    void errorChanged();
    void pendingRecoveryCodeChanged();
    void rememberedChanged();
    void autoLockMinutesChanged();
    void recordsChanged();
    void passphraseChanged(); // after changePassphrase() or recover() succeeded
    void profileJoined();     // after openJoinedProfile(): the app may greet the new device

private:
    void setState(State state);
    void setBusy(bool busy);
    void setError(const QString &message);
    void adoptUnlocked();
    void restartAutoLock();
    // Runs work on a worker thread with busy set; work returns what to do back on this thread.
    void runInBackground(std::function<std::function<void()>()> work);
    // Replaces the open profile by a fresh one unlocked with masterKey: after another
    // connection (a worker's) changed the keyring, the open one holds a stale copy.
    Status reopenUnlocked(const SecureBytes &masterKey);
    QString rememberedSettingsKey() const;
    void setRemembered(bool remembered);

    QString m_folder;
    KeyStore *m_keyStore;
    const Clock &m_clock;
    KdfParams m_params;
    std::unique_ptr<Profile> m_profile;
    std::unique_ptr<RecordService> m_records;
    State m_state = NoProfile;
    bool m_busy = false;
    QString m_error;
    QString m_pendingRecoveryCode;
    bool m_remembered = false;
    int m_autoLockMinutes = 5;
    int m_revision = 0;
    QTimer m_autoLock;
    int m_autoLockMinuteMs = 60 * 1000;
    std::thread m_worker;
};

} // namespace outward
