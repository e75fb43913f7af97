#pragma once

#include "core/model/clock.h"
#include "sync/client/apiclient.h"
#include "sync/client/backoffpolicy.h"
#include "sync/client/scheduler.h"
#include "sync/client/synclocalstore.h"
#include "sync/client/syncreport.h"
#include "sync/client/transport.h"
#include "sync/protocol/limits.h"

#include <QDateTime>
#include <QObject>
#include <QSet>

#include <optional>

namespace outward::sync {

// The device's sync (protocol.md section 18, DESIGN.md section 5): sign in if needed, push the
// outbox in batches, pull by cursor until has_more is false (each page and its cursor in one
// transaction), and after a directory change fetch it, re-seal and push again. One sync at a
// time; a trigger during a sync runs one more afterwards. Retryable failures (network, 429, 5xx)
// wait with exponential backoff and jitter; other failures stop in State::Error until the next
// trigger. A sync stopped at any point resumes from what was committed: pushing again is
// idempotent and the cursor only moves with the records it covers.
class SyncEngine : public QObject
{
    Q_OBJECT

public:
    enum class State
    {
        Stopped, // not started, or stopped / locked: no token, no timers
        Idle,    // waiting for a trigger
        Syncing,
        WaitingToRetry, // nextAttemptAt() says when
        Offline,        // the system reports no network; a reconnect triggers a sync
        Error,          // stateReason() says why; the next trigger tries again
    };
    Q_ENUM(State)

    enum class Phase
    {
        Pushing, // done/total: outbox versions
        Pulling, // done/total: sequence numbers toward the server's high-water mark
    };
    Q_ENUM(Phase)

    struct Options
    {
        // The protocol's page_max: fewer, larger answers (protocol.md 12).
        int pullPageLimit = protocol::limits::kPageMax;
        // Pulled pages are stored together, in one transaction, until they hold this many
        // items (or the pull ends or fails). Each commit writes every index page it touched,
        // and records with random ids touch most of them, so a first sync of 100,000 records
        // commits ten times instead of a hundred (bench/sync). A killed app pulls at most this
        // many again.
        int pullStoreBatch = 10'000;
        int pushMaxItems = 500;
        qint64 pushMaxBodyBytes = 16 * 1024 * 1024;
        qint64 debounceMs = 2'000;
        qint64 clockSkewWarningMs = 5 * 60'000;
    };

    SyncEngine(SyncLocalStore &store, Transport &transport, Scheduler &scheduler,
               const Clock &clock, BackoffPolicy backoff, Options options,
               QObject *parent = nullptr);
    SyncEngine(SyncLocalStore &store, Transport &transport, Scheduler &scheduler,
               const Clock &clock, QObject *parent = nullptr);
    ~SyncEngine() override;

    State state() const { return m_state; }
    QString stateReason() const { return m_stateReason; }
    QDateTime nextAttemptAt() const { return m_nextAttemptAt; }
    QDateTime lastSyncAt() const { return m_lastSyncAt; }
    bool isSyncing() const { return m_run.has_value(); }
    const BackoffPolicy &backoff() const { return m_backoff; }
    ApiClient &api() { return m_api; }

    // Follows QNetworkInformation (its default backend) for reconnects. Without a backend on
    // this machine it logs so and relies on the other triggers. Returns whether one was loaded.
    bool followSystemReachability();

    // The envelope bytes one push may carry so its body stays within pushMaxBodyBytes.
    qint64 pushEnvelopeBudget() const;

public Q_SLOTS:
    // Enables the triggers and syncs now.
    void start();
    // Cancels timers, forgets the token and ignores answers still in flight (profile locked).
    void stop();
    void lock() { stop(); }
    // On demand: now, even while waiting to retry or offline.
    void syncNow();
    // A local write: syncs once writes have paused for debounceMs.
    void notifyLocalWrite();
    // Reachability: going online syncs at once; going offline parks the engine.
    void setOnline(bool online);

Q_SIGNALS:
    // reason: why it stopped (Error, or the failure behind WaitingToRetry / Offline);
    // nextAttemptAt: when WaitingToRetry tries again (invalid otherwise).
    void stateChanged(outward::sync::SyncEngine::State state, const QString &reason,
                      const QDateTime &nextAttemptAt);
    void progress(outward::sync::SyncEngine::Phase phase, qint64 done, qint64 total);
    void finished(const outward::sync::SyncReport &report);
    void lastSyncAtChanged(const QDateTime &at);
    // A record the sync could not handle: rejected by the server, refused here (failed its
    // integrity check) or from an author this device does not know.
    void recordProblem(const QUuid &id, const QString &reason);
    // The server sent other keys for users whose keys are pinned; nothing is shared with them.
    void directoryKeysRefused(const QStringList &userIds);
    // The device's clock differs from the server's by more than clockSkewWarningMs.
    void clockSkewDetected(qint64 skewMs);

private:
    struct Conflict
    {
        QUuid id;
        qint64 currentSeq = 0;
    };
    // A pull asked for, and its answer once it came.
    struct PageRequest
    {
        quint64 id = 0;
        qint64 after = 0;
        std::optional<CallResult<protocol::PullPage>> answer;
    };
    // One sync in progress. Callbacks carry its id and are ignored once it is no longer current
    // (stop(), or a newer run).
    struct Run
    {
        quint64 id = 0;
        SyncReport report;
        SyncIdentity identity;
        OutboxExclusions attempted;
        QList<Conflict> conflicts;
        QSet<QUuid> conflictIds;
        int pushRound = 0; // 1 after a directory change: the push that carries re-sealed versions
        qint64 pushTotal = 0;
        qint64 pushDone = 0;
        qint64 pullStart = 0;            // the stored cursor when the pull began
        qint64 after = 0;                // the next page's "after"
        QList<PageRequest> pageRequests; // pulls asked for and not yet handled, in order
        quint64 lastPageRequest = 0;
        QList<protocol::PullItem> held;   // pulled, not yet stored (Options::pullStoreBatch)
        qint64 heldUpTo = 0;              // the cursor after the held pages
        std::optional<qint64> heldCursor; // the stored cursor may not pass an unknown author
        bool directoryRefetched = false;  // once per sync, for unknown authors
        bool directoryChanged = false;    // a newer directory was applied: re-seal, push again
        std::optional<qint64> serverDirectoryVersion;
        std::optional<qint64> deferUntilMs;
        bool skewChecked = false;
    };
    struct PageResult
    {
        std::optional<qint64> firstUnknownSeq;
    };

    void trigger();
    void beginRun();
    void prepareRun();
    bool isCurrent(quint64 runId) const;
    void signIn();
    void pushPhase();
    void pushNextBatch();
    void pullPhase();
    void pullNextPage();
    void requestPage(qint64 after);
    void pageAnswered(quint64 request, CallResult<protocol::PullPage> page);
    void handlePage(CallResult<protocol::PullPage> page);
    // Stores the held pages and their cursor in one transaction; nullopt once the run failed.
    std::optional<PageResult> storeHeldPages();
    void fetchConflicts();
    void checkDirectory();
    void resealAndPushAgain();
    void refreshDirectory(std::function<void()> next);
    void finishRun();
    void failRun(const CallError &error);
    void failLocal(const Error &error, const QString &doing);

    Result<PageResult> applyPage(const QList<protocol::PullItem> &items,
                                 std::optional<qint64> newCursor);
    void noteServerTime(const QDateTime &serverTime);
    void noteDirectoryVersion(qint64 version);
    void setState(State state, const QString &reason = {});
    void cancelTimer(Scheduler::TimerId &id);

    SyncLocalStore &m_store;
    Scheduler &m_scheduler;
    const Clock &m_clock;
    BackoffPolicy m_backoff;
    Options m_options;
    ApiClient m_api;

    State m_state = State::Stopped;
    QString m_stateReason;
    QDateTime m_nextAttemptAt;
    QDateTime m_lastSyncAt;
    bool m_started = false;
    bool m_online = true;
    bool m_rerunRequested = false;
    Scheduler::TimerId m_debounceTimer = 0;
    Scheduler::TimerId m_retryTimer = 0;
    Scheduler::TimerId m_deferredTimer = 0;
    quint64 m_runCounter = 0;
    std::optional<Run> m_run;
};

} // namespace outward::sync
