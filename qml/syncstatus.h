#pragma once

#include "core/model/clock.h"
#include "sync/client/enrollment.h"
#include "sync/client/syncengine.h"

#include <QDateTime>
#include <QObject>
#include <QPointer>
#include <QStringList>
#include <QTimer>
#include <QtQml/qqmlregistration.h>
#include <QUuid>

#include <memory>

class QQmlEngine;
class QJSEngine;

namespace outward {

class Session;
class Profile;

namespace sync {
class ProfileSyncStore;
} // namespace sync

struct SyncStatusOptions
{
    sync::SyncEngine::Options engine;
    // Follow QNetworkInformation for reconnects (the app); tests decide online/offline by hand.
    bool followReachability = true;
    // A sync moving at least this many items shows a progress bar; smaller ones just say
    // "Syncing", because a bar that flashes for a moment tells nothing.
    qint64 largeSyncItems = 50;
    // Coming back to the app (a phone unlocked, the window raised) syncs when the last sync is
    // older than this: a phone app is rarely started, mostly resumed.
    qint64 resumeSyncAfterMs = 60'000;
};

// The app's view of sync, thin over SyncEngine and Enrollment (QML holds presentation only).
// The engine runs while the session is unlocked and enrolled: it is made and started on unlock
// and stopped (dropping its token) and destroyed on lock, and while the session is busy, because
// a passphrase change or a recovery replaces the Profile object the engine's store points at.
// The engine syncs on start, on reconnect, after writes (Session::recordsChanged, debounced) and on
// demand; SyncStatus adds a sync when the app comes back to the foreground. A sync that changed
// records tells the session, so lists and counts refresh.
//
// One per app, like Session: main() (or a test, with a transport routed to an in-process
// server) creates it and calls SyncStatus::provide() before loading QML.
class SyncStatus : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    QML_SINGLETON

    Q_PROPERTY(bool enrolled READ enrolled NOTIFY settingsChanged)
    Q_PROPERTY(QString serverUrl READ serverUrl NOTIFY settingsChanged)
    Q_PROPERTY(QString teamName READ teamName NOTIFY settingsChanged)
    Q_PROPERTY(QString role READ role NOTIFY settingsChanged) // "staff", "lead", "admin"
    Q_PROPERTY(State state READ state NOTIFY stateChanged)
    // The engine's reason for Error, WaitingToRetry or Offline, as it says it; else empty.
    Q_PROPERTY(QString reason READ reason NOTIFY stateChanged)
    // One sentence a person reads: what sync is doing and, on trouble, why and what happens next.
    Q_PROPERTY(QString stateText READ stateText NOTIFY textsChanged)
    // For the home screen: "3 unsent · synced 2 minutes ago", or the trouble.
    Q_PROPERTY(QString summary READ summary NOTIFY textsChanged)
    // Something needs the person's eyes: the sync stopped or retries, or records were refused.
    Q_PROPERTY(bool attention READ attention NOTIFY textsChanged)
    Q_PROPERTY(QDateTime lastSyncAt READ lastSyncAt NOTIFY lastSyncAtChanged) // invalid: never
    Q_PROPERTY(QString lastSyncText READ lastSyncText NOTIFY textsChanged)    // "2 minutes ago"
    Q_PROPERTY(QDateTime nextAttemptAt READ nextAttemptAt NOTIFY stateChanged)
    Q_PROPERTY(int unsentCount READ unsentCount NOTIFY countsChanged) // local + queued + error
    Q_PROPERTY(int errorCount READ errorCount NOTIFY countsChanged)
    Q_PROPERTY(bool showProgress READ showProgress NOTIFY progressChanged) // a large sync runs
    Q_PROPERTY(double progress READ progress NOTIFY progressChanged)       // 0..1
    Q_PROPERTY(QString progressText READ progressText NOTIFY progressChanged)
    // "Interaction, 12 May 14:02: reason", one per record the sync could not handle.
    Q_PROPERTY(QStringList problems READ problems NOTIFY problemsChanged)
    Q_PROPERTY(bool busy READ busy NOTIFY busyChanged) // an enrolment is running
    Q_PROPERTY(QString enrollError READ enrollError NOTIFY enrollErrorChanged)
    Q_PROPERTY(QString suggestedDeviceName READ suggestedDeviceName CONSTANT)

public:
    enum State
    {
        Stopped, // not enrolled, or locked
        Idle,
        Syncing,
        WaitingToRetry,
        Offline,
        Error,
    };
    Q_ENUM(State)

    SyncStatus(Session &session, sync::Transport &transport, sync::Scheduler &scheduler,
               const Clock &clock, SyncStatusOptions options, QObject *parent = nullptr);
    SyncStatus(Session &session, sync::Transport &transport, sync::Scheduler &scheduler,
               const Clock &clock, QObject *parent = nullptr);
    ~SyncStatus() override;

    static void provide(SyncStatus *status);
    static SyncStatus *instance();
    static SyncStatus *create(QQmlEngine *, QJSEngine *); // for the QML engine

    bool enrolled() const { return m_enrolled; }
    QString serverUrl() const { return m_serverUrl; }
    QString teamName() const { return m_teamName; }
    QString role() const { return m_role; }
    State state() const { return m_state; }
    QString reason() const { return m_reason; }
    QString stateText() const;
    QString summary() const;
    bool attention() const;
    QDateTime lastSyncAt() const { return m_lastSyncAt; }
    QString lastSyncText() const;
    QDateTime nextAttemptAt() const { return m_nextAttemptAt; }
    int unsentCount() const { return m_unsentCount; }
    int errorCount() const { return m_errorCount; }
    bool showProgress() const { return m_showProgress; }
    double progress() const { return m_progress; }
    QString progressText() const { return m_progressText; }
    QStringList problems() const;
    bool busy() const { return m_enrollment != nullptr; }
    QString enrollError() const { return m_enrollError; }
    QString suggestedDeviceName() const { return deviceNameSuggestion(); }
    // This machine's or phone's name, for the device list ("Sam's iPhone", a host name).
    static QString deviceNameSuggestion();
    // For the other types of this module that talk to the server (adding a device, joining):
    // the same transport and timers as the sync.
    sync::Transport &transport() const { return m_transport; }
    sync::Scheduler &scheduler() const { return m_scheduler; }

    // Joins the team's server (protocol.md 8). Ends with enrollFinished; on failure enrollError
    // says what to do (Enrollment::explain) and nothing the person typed is touched.
    Q_INVOKABLE void enroll(const QString &serverUrl, const QString &inviteCode,
                            const QString &displayName, const QString &deviceName);
    Q_INVOKABLE void clearEnrollError();
    // On demand: now, even while waiting to retry or offline.
    Q_INVOKABLE void syncNow();
    // Typed invite code text in groups of five as the person types ("7kq2m x9" -> "7KQ2M-X9"):
    // separators and spaces dropped, letters upper-cased, every other character kept so the
    // check can name it.
    Q_INVOKABLE QString formatInviteCode(const QString &typed) const;

    // "just now", "5 minutes ago", "3 hours ago", else the date and time.
    static QString relativeTime(const QDateTime &at, const QDateTime &now);
    // A reason from the sync layer as a person reads it: the machine parts a server answer starts
    // with ("the server answered 403 device_revoked: ", "kind_not_allowed: ") left out, and as a
    // sentence. Logs and the `reason` property keep the whole text.
    Q_INVOKABLE static QString readableReason(const QString &reason);

    // For tests: the running engine, or null while stopped.
    sync::SyncEngine *engine() const { return m_engine.get(); }

public slots:
    // QGuiApplication::applicationStateChanged; public so tests can resume the app by hand.
    void onApplicationStateChanged(Qt::ApplicationState state);

signals:
    void settingsChanged();
    void stateChanged();
    void textsChanged();
    void lastSyncAtChanged();
    void countsChanged();
    void progressChanged();
    void problemsChanged();
    void busyChanged();
    void enrollErrorChanged();
    void enrollFinished(bool ok, const QString &message);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    struct Problem
    {
        QUuid id;
        QString record; // the record as a person knows it: "Interaction, 12 May 14:02"
        QString reason;
    };

    // Starts or stops the engine to match the session (unlocked, not busy, enrolled).
    void reconcile();
    void startEngine(Profile &profile);
    void stopEngine();
    void abortEnrollment();
    void readSettings(Profile &profile);
    void clearSettings();
    void refreshCounts();
    void refreshStoredProblems();
    QString describeRecord(const QUuid &id) const;

    void onEngineState(sync::SyncEngine::State state, const QString &reason,
                       const QDateTime &nextAttemptAt);
    void onProgress(sync::SyncEngine::Phase phase, qint64 done, qint64 total);
    void onFinished(const sync::SyncReport &report);
    void onRecordProblem(const QUuid &id, const QString &reason);
    void onRecordsChanged();
    void setState(State state, const QString &reason, const QDateTime &nextAttemptAt);
    void setProgress(bool show, double progress, const QString &text);
    void setLastSyncAt(const QDateTime &at);
    void setEnrollError(const QString &message);
    QString lastSyncSettingsKey() const;

    Session &m_session;
    sync::Transport &m_transport;
    sync::Scheduler &m_scheduler;
    const Clock &m_clock;
    SyncStatusOptions m_options;

    std::unique_ptr<sync::ProfileSyncStore> m_store;
    std::unique_ptr<sync::SyncEngine> m_engine;
    QPointer<sync::Enrollment> m_enrollment;
    QString m_enrollServerText;
    QString m_userId;

    bool m_enrolled = false;
    QString m_serverUrl;
    QString m_teamName;
    QString m_role;
    State m_state = Stopped;
    QString m_reason;
    QDateTime m_nextAttemptAt;
    QDateTime m_lastSyncAt;
    int m_unsentCount = 0;
    int m_errorCount = 0;
    bool m_showProgress = false;
    double m_progress = 0;
    QString m_progressText;
    QString m_enrollError;
    // Records in the error state here (rejected pushes), re-read from the store, and pulled ones
    // the sync refused (never stored, so only the engine's report knows them), kept until lock.
    QList<Problem> m_storedProblems;
    QList<Problem> m_pulledProblems;
    bool m_notifying = false; // our own Session::notifyRecordsChanged: not a local write
    QTimer m_minuteTicker;    // "2 minutes ago" moves on
};

} // namespace outward
