#include "sync/client/syncengine.h"

#include "sync/client/logging.h"
#include "sync/protocol/base64url.h"

#include <QMetaObject>
#include <QNetworkInformation>

#include <algorithm>
#include <cstdlib>
#include <utility>

using namespace Qt::StringLiterals;

namespace outward::sync {

namespace {

// Per pushed item besides its envelope's base64: {"envelope":"","signature":"<86>",
// "key_commit":"<43>"}, and one byte for base64 rounding. Rounded up.
constexpr qint64 kPushItemOverheadBytes = 200;
constexpr qint64 kPushBodyOverheadBytes = 64;

PushOutcome outcomeFor(const OutboxItem &item, PushOutcome::Status status)
{
    PushOutcome outcome;
    outcome.id = item.id;
    outcome.clock = item.clock;
    outcome.status = status;
    return outcome;
}

QString reasonOf(const std::optional<protocol::ItemError> &error)
{
    if (!error)
        return u"the server gave no reason"_s;
    return error->code + u": "_s + error->message;
}

} // namespace

SyncEngine::SyncEngine(SyncLocalStore &store, Transport &transport, Scheduler &scheduler,
                       const Clock &clock, BackoffPolicy backoff, Options options, QObject *parent)
    : QObject(parent)
    , m_store(store)
    , m_scheduler(scheduler)
    , m_clock(clock)
    , m_backoff(std::move(backoff))
    , m_options(options)
    , m_api(transport, clock)
{
    qRegisterMetaType<SyncReport>();
    m_options.pushMaxItems = std::clamp(m_options.pushMaxItems, 1, 500);
    m_options.pullPageLimit = std::clamp(m_options.pullPageLimit, 1, 1000);
}

SyncEngine::SyncEngine(SyncLocalStore &store, Transport &transport, Scheduler &scheduler,
                       const Clock &clock, QObject *parent)
    : SyncEngine(store, transport, scheduler, clock, BackoffPolicy(), Options(), parent)
{}

SyncEngine::~SyncEngine()
{
    cancelTimer(m_debounceTimer);
    cancelTimer(m_retryTimer);
    cancelTimer(m_deferredTimer);
}

qint64 SyncEngine::pushEnvelopeBudget() const
{
    const qint64 encoded = m_options.pushMaxBodyBytes - kPushBodyOverheadBytes -
                           qint64(m_options.pushMaxItems) * kPushItemOverheadBytes;
    return std::max<qint64>(1, encoded / 4 * 3);
}

bool SyncEngine::followSystemReachability()
{
    if (!QNetworkInformation::instance() && !QNetworkInformation::loadDefaultBackend()) {
        qCInfo(lcSyncClient) << "no network information backend on this machine; syncing on "
                                "start, after writes, on demand and by retry only";
        return false;
    }
    QNetworkInformation *info = QNetworkInformation::instance();
    if (!info || !info->supports(QNetworkInformation::Feature::Reachability)) {
        qCInfo(lcSyncClient) << "the network information backend does not report reachability;"
                                " syncing on start, after writes, on demand and by retry only";
        return false;
    }
    const auto apply = [this](QNetworkInformation::Reachability reachability) {
        // Unknown, Local and Site may still reach the server (on a LAN); only a known
        // disconnection parks the engine.
        setOnline(reachability != QNetworkInformation::Reachability::Disconnected);
    };
    connect(info, &QNetworkInformation::reachabilityChanged, this, apply);
    qCInfo(lcSyncClient) << "following network reachability via" << info->backendName();
    apply(info->reachability());
    return true;
}

void SyncEngine::start()
{
    if (m_started)
        return;
    m_started = true;
    // The last sync of an earlier session, so "last sync" is known before this one ends.
    if (Result<QDateTime> last = m_store.lastSyncAt();
        last && last->isValid() && last.value() != m_lastSyncAt) {
        m_lastSyncAt = last.value();
        Q_EMIT lastSyncAtChanged(m_lastSyncAt);
    }
    setState(m_online ? State::Idle : State::Offline);
    trigger();
}

void SyncEngine::stop()
{
    m_started = false;
    m_rerunRequested = false;
    cancelTimer(m_debounceTimer);
    cancelTimer(m_retryTimer);
    cancelTimer(m_deferredTimer);
    m_run.reset();
    m_api.dropToken();
    m_nextAttemptAt = {};
    setState(State::Stopped);
}

void SyncEngine::syncNow()
{
    if (!m_started) {
        qCInfo(lcSyncClient) << "sync requested while stopped; ignored";
        return;
    }
    cancelTimer(m_retryTimer);
    cancelTimer(m_debounceTimer);
    if (m_run) {
        m_rerunRequested = true;
        return;
    }
    beginRun();
}

void SyncEngine::notifyLocalWrite()
{
    if (!m_started)
        return;
    // While waiting to retry or offline, the pending retry or the reconnect carries the write;
    // writes must not shorten a backoff.
    if (m_state == State::WaitingToRetry || m_state == State::Offline)
        return;
    cancelTimer(m_debounceTimer);
    m_debounceTimer = m_scheduler.callAfter(m_options.debounceMs, [this] {
        m_debounceTimer = 0;
        trigger();
    });
}

void SyncEngine::setOnline(bool online)
{
    const bool wasOnline = m_online;
    m_online = online;
    if (!m_started || wasOnline == online)
        return;
    if (!online) {
        qCInfo(lcSyncClient) << "network lost";
        if (!m_run) {
            cancelTimer(m_retryTimer);
            m_nextAttemptAt = {};
            setState(State::Offline);
        }
        return;
    }
    qCInfo(lcSyncClient) << "network back; syncing";
    cancelTimer(m_retryTimer);
    trigger();
}

void SyncEngine::trigger()
{
    if (!m_started)
        return;
    if (m_run) {
        m_rerunRequested = true;
        return;
    }
    if (!m_online) {
        setState(State::Offline);
        return;
    }
    beginRun();
}

bool SyncEngine::isCurrent(quint64 runId) const
{
    return m_run && m_run->id == runId;
}

void SyncEngine::cancelTimer(Scheduler::TimerId &id)
{
    if (id != 0) {
        m_scheduler.cancel(id);
        id = 0;
    }
}

void SyncEngine::setState(State state, const QString &reason)
{
    if (state != State::WaitingToRetry)
        m_nextAttemptAt = {};
    const bool changed =
        state != m_state || reason != m_stateReason || state == State::WaitingToRetry;
    m_state = state;
    m_stateReason = reason;
    if (changed)
        Q_EMIT stateChanged(state, reason, m_nextAttemptAt);
}

void SyncEngine::beginRun()
{
    cancelTimer(m_retryTimer);
    cancelTimer(m_debounceTimer);
    m_rerunRequested = false;
    m_run.emplace();
    m_run->id = ++m_runCounter;
    m_run->report.startedAt = m_clock.now();
    setState(State::Syncing);
    // The work starts from the event loop, so a caller of start() or syncNow() sees every
    // signal of the run, even one that fails at once, after its call returns.
    const quint64 runId = m_run->id;
    QMetaObject::invokeMethod(
        this,
        [this, runId] {
            if (isCurrent(runId))
                prepareRun();
        },
        Qt::QueuedConnection);
}

void SyncEngine::prepareRun()
{
    Result<SyncIdentity> identity = m_store.identity();
    if (!identity)
        return failLocal(identity.error(), u"reading this device's sync settings"_s);
    m_run->identity = identity.value();
    m_api.setBaseUrl(m_run->identity.serverUrl);
    m_api.setCredentials(m_run->identity.deviceId, [this](const QByteArray &challenge) {
        if (!m_run)
            return Result<QByteArray>(Error(ErrorCode::Locked, u"the sync was stopped"_s));
        return m_store.signChallenge(m_run->identity, challenge);
    });
    qCInfo(lcSyncClient) << "sync" << m_run->id << "started";
    if (m_api.hasUsableToken())
        pushPhase();
    else
        signIn();
}

void SyncEngine::signIn()
{
    const quint64 runId = m_run->id;
    // Health first: a server whose id changed is another server (or a reinstalled one) and must
    // not receive this device's records, and its time tells the device's clock skew.
    m_api.health([this, runId](CallResult<protocol::HealthResponse> health) {
        if (!isCurrent(runId))
            return;
        if (!health)
            return failRun(health.error());
        if (health->serverId != m_run->identity.serverId) {
            return failRun(CallError::local(
                Error(ErrorCode::InvalidInput,
                      u"the server at %1 is not the one this device enrolled with (its id changed "
                      "from %2 to %3); ask your administrator, and enrol again if the server was "
                      "replaced"_s.arg(m_run->identity.serverUrl.toDisplayString(),
                                       m_run->identity.serverId, health->serverId))));
        }
        noteServerTime(health->time);
        m_api.authenticate([this, runId](CallResult<SessionInfo> session) {
            if (!isCurrent(runId))
                return;
            if (!session)
                return failRun(session.error());
            noteDirectoryVersion(session->directoryVersion);
            pushPhase();
        });
    });
}

void SyncEngine::pushPhase()
{
    Result<int> signedCount = m_store.signMissing();
    if (!signedCount)
        return failLocal(signedCount.error(), u"signing records for the server"_s);
    if (signedCount.value() > 0)
        qCInfo(lcSyncClient) << "signed" << signedCount.value() << "older versions";
    Result<UnsentCounts> unsent = m_store.unsentCounts();
    if (!unsent)
        return failLocal(unsent.error(), u"counting unsent records"_s);
    m_run->pushTotal = unsent->queued;
    m_run->pushDone = 0;
    Q_EMIT progress(Phase::Pushing, 0, m_run->pushTotal);
    pushNextBatch();
}

void SyncEngine::pushNextBatch()
{
    Result<QList<OutboxItem>> batch =
        m_store.outboxBatch(m_options.pushMaxItems, pushEnvelopeBudget(), m_run->attempted);
    if (!batch)
        return failLocal(batch.error(), u"reading the outbox"_s);
    if (batch->isEmpty()) {
        if (m_run->pushRound == 0)
            pullPhase();
        else
            finishRun();
        return;
    }

    const QList<OutboxItem> items = std::move(batch).value();
    protocol::PushRequest request;
    request.items.reserve(items.size());
    for (const OutboxItem &item : items)
        request.items.append({item.envelope, item.signature, item.keyCommit});

    const quint64 runId = m_run->id;
    m_api.push(request, [this, runId, items](CallResult<protocol::PushResponse> response) {
        if (!isCurrent(runId))
            return;
        if (!response)
            return failRun(response.error());
        if (response->results.size() != items.size()) {
            return failRun(CallError::badResponse(
                u"the server answered a push of %1 records with %2 results"_s.arg(items.size())
                    .arg(response->results.size())));
        }
        QList<PushOutcome> outcomes;
        for (qsizetype i = 0; i < items.size(); ++i) {
            const OutboxItem &item = items.at(i);
            const protocol::PushResult &result = response->results.at(i);
            m_run->attempted.add(item);
            switch (result.status) {
            case protocol::PushStatus::Accepted: {
                PushOutcome outcome = outcomeFor(item, PushOutcome::Status::Accepted);
                outcome.seq = result.seq.value_or(0);
                outcomes.append(outcome);
                ++m_run->report.pushed;
                break;
            }
            case protocol::PushStatus::Conflict:
                // The server holds a newer version: the pull brings it and the local store keeps
                // both (protocol.md 11.3).
                m_run->conflicts.append({item.id, result.currentSeq.value_or(0)});
                m_run->conflictIds.insert(item.id);
                break;
            case protocol::PushStatus::Deferred: {
                PushOutcome outcome = outcomeFor(item, PushOutcome::Status::Deferred);
                outcome.reason = reasonOf(result.error);
                outcomes.append(outcome);
                const qint64 at = m_clock.nowMs() +
                                  std::max<qint64>(1, result.retryAfterSeconds.value_or(60)) * 1000;
                m_run->deferUntilMs = std::min(m_run->deferUntilMs.value_or(at), at);
                break;
            }
            case protocol::PushStatus::Rejected: {
                PushOutcome outcome = outcomeFor(item, PushOutcome::Status::Rejected);
                outcome.reason = reasonOf(result.error);
                outcomes.append(outcome);
                ++m_run->report.errors;
                qCWarning(lcSyncClient)
                    << "the server rejected record" << item.id.toString(QUuid::WithoutBraces) << ":"
                    << outcome.reason;
                Q_EMIT recordProblem(item.id, outcome.reason);
                break;
            }
            }
        }
        if (Status applied = m_store.applyPushOutcomes(outcomes); !applied)
            return failLocal(applied.error(), u"recording what the server accepted"_s);
        noteDirectoryVersion(response->directoryVersion);
        m_run->pushDone += items.size();
        Q_EMIT progress(Phase::Pushing, m_run->pushDone,
                        std::max(m_run->pushTotal, m_run->pushDone));
        pushNextBatch();
    });
}

void SyncEngine::pullPhase()
{
    Result<qint64> cursor = m_store.cursor();
    if (!cursor)
        return failLocal(cursor.error(), u"reading the pull cursor"_s);
    m_run->pullStart = cursor.value();
    m_run->after = cursor.value();
    m_run->heldCursor.reset();
    pullNextPage();
}

void SyncEngine::pullNextPage()
{
    requestPage(m_run->after);
}

void SyncEngine::requestPage(qint64 after)
{
    const quint64 runId = m_run->id;
    const quint64 request = ++m_run->lastPageRequest;
    m_run->pageRequests.append({request, after, std::nullopt});
    protocol::PullQuery query;
    query.after = after;
    query.limit = m_options.pullPageLimit;
    m_api.pull(
        query,
        [this, runId, request](CallResult<protocol::PullPage> page) {
            if (isCurrent(runId))
                pageAnswered(request, std::move(page));
        },
        [this, runId, request](qint64 nextAfter) {
            // The answer's cursor, read before the page is parsed: the next page is asked for
            // now, so the server prepares it while this one is parsed and stored. A wrong guess
            // is dropped unread by handlePage.
            // One page ahead at most: pages parsed slower than they arrive do not pile up.
            if (isCurrent(runId) && m_run->pageRequests.size() == 1 &&
                m_run->pageRequests.constFirst().id == request)
                requestPage(nextAfter);
        });
}

void SyncEngine::pageAnswered(quint64 request, CallResult<protocol::PullPage> page)
{
    auto asked = std::find_if(m_run->pageRequests.begin(), m_run->pageRequests.end(),
                              [request](const PageRequest &r) { return r.id == request; });
    if (asked == m_run->pageRequests.end())
        return; // dropped: asked for on a wrong guess, or before the pull started again
    asked->answer = std::move(page);
    // Pages are handled in the order they were asked for, whatever order they arrive in.
    while (m_run && !m_run->pageRequests.isEmpty() && m_run->pageRequests.constFirst().answer) {
        CallResult<protocol::PullPage> next = *m_run->pageRequests.takeFirst().answer;
        handlePage(std::move(next));
    }
}

void SyncEngine::handlePage(CallResult<protocol::PullPage> page)
{
    if (!page) {
        // Pages that arrived before the failure are kept, not pulled again.
        if (!m_run->held.isEmpty() && !storeHeldPages())
            return;
        return failRun(page.error());
    }
    const qint64 after = m_run->after;
    bool ordered = page->cursor >= after && page->highWater >= page->cursor;
    qint64 previous = after;
    for (const protocol::PullItem &item : page->items) {
        ordered = ordered && item.seq > previous && item.seq <= page->highWater;
        previous = item.seq;
    }
    if (!ordered || (page->hasMore && page->items.isEmpty())) {
        const CallError error = CallError::badResponse(
            u"the server's pull page after %1 is out of order (cursor %2, high water %3)"_s
                .arg(after)
                .arg(page->cursor)
                .arg(page->highWater));
        if (!m_run->held.isEmpty() && !storeHeldPages())
            return;
        return failRun(error);
    }
    // The next page, unless it was asked for already on the right guess (requestPage), is asked
    // for now, so the server prepares it while this one is stored. Should this page end the
    // pull early (an error, an unknown author), its answer is dropped unread.
    const bool askedAlready =
        !m_run->pageRequests.isEmpty() && m_run->pageRequests.constFirst().after == page->cursor;
    if (!page->hasMore || !askedAlready)
        m_run->pageRequests.clear();
    if (page->hasMore && !askedAlready)
        requestPage(page->cursor);
    noteServerTime(page->serverTime);
    noteDirectoryVersion(page->directoryVersion);

    m_run->held.append(std::move(page->items));
    m_run->heldUpTo = page->cursor;
    m_run->after = page->cursor;
    Q_EMIT progress(Phase::Pulling, page->cursor - m_run->pullStart,
                    page->highWater - m_run->pullStart);
    // A large pull stores several pages per transaction: each commit writes every index page
    // it touched, and random ids touch most of them, so fewer commits write far less.
    if (page->hasMore && m_run->held.size() < m_options.pullStoreBatch)
        return; // stored with the pages that follow

    std::optional<PageResult> applied = storeHeldPages();
    if (!applied)
        return;
    if (applied->firstUnknownSeq && !m_run->directoryRefetched) {
        // A member the pinned directory does not have yet (a new colleague): fetch the
        // directory once and pull again from the held cursor.
        m_run->directoryRefetched = true;
        m_run->pageRequests.clear(); // drops the page asked for ahead
        refreshDirectory([this] {
            Result<qint64> cursor = m_store.cursor();
            if (!cursor)
                return failLocal(cursor.error(), u"reading the pull cursor"_s);
            m_run->after = cursor.value();
            m_run->heldCursor.reset();
            pullNextPage();
        });
        return;
    }
    if (!page->hasMore)
        fetchConflicts();
    // else the next page, asked for above, arrives through requestPage's callback.
}

std::optional<SyncEngine::PageResult> SyncEngine::storeHeldPages()
{
    const QList<protocol::PullItem> items = std::exchange(m_run->held, {});
    Result<PageResult> applied = applyPage(items, m_run->heldUpTo);
    if (!applied) {
        failLocal(applied.error(), u"storing pulled records"_s);
        return std::nullopt;
    }
    return applied.value();
}

Result<SyncEngine::PageResult> SyncEngine::applyPage(const QList<protocol::PullItem> &items,
                                                     std::optional<qint64> newCursor)
{
    PageResult pageResult;
    int pulled = 0;
    int errors = 0;
    QSet<QUuid> conflicts;
    QList<PulledResult> problems;
    const Status written = m_store.transaction(u"storing pulled records"_s, [&]() -> Status {
        Result<QList<PulledResult>> accepted = m_store.acceptItems(items);
        if (!accepted)
            return accepted.error();
        if (accepted->size() != items.size())
            return Error(ErrorCode::Internal,
                         u"the store answered for %1 of %2 pulled items"_s.arg(accepted->size())
                             .arg(items.size()));
        for (qsizetype i = 0; i < items.size(); ++i) {
            const protocol::PullItem &item = items.at(i);
            const PulledResult *result = &accepted->at(i);
            switch (result->outcome) {
            case PulledOutcome::Stored:
            case PulledOutcome::Removed:
                ++pulled;
                break;
            case PulledOutcome::ReplacedUnsent:
            case PulledOutcome::KeptLocal:
                ++pulled;
                conflicts.insert(result->id);
                break;
            case PulledOutcome::Unchanged:
                break;
            case PulledOutcome::UnknownAuthor:
                if (!pageResult.firstUnknownSeq)
                    pageResult.firstUnknownSeq = item.seq;
                if (m_run->directoryRefetched) {
                    ++errors;
                    problems.append(*result);
                }
                break;
            case PulledOutcome::Refused:
                ++errors;
                problems.append(*result);
                break;
            }
        }
        if (!newCursor)
            return {};
        if (pageResult.firstUnknownSeq) {
            const qint64 hold = *pageResult.firstUnknownSeq - 1;
            m_run->heldCursor = std::min(m_run->heldCursor.value_or(hold), hold);
        }
        qint64 cursor = *newCursor;
        if (m_run->heldCursor)
            cursor = std::min(cursor, *m_run->heldCursor);
        return m_store.setCursor(cursor);
    });
    if (!written)
        return written.error();

    m_run->report.pulled += pulled;
    m_run->report.errors += errors;
    m_run->conflictIds.unite(conflicts);
    for (const PulledResult &problem : problems) {
        const QString reason = problem.outcome == PulledOutcome::UnknownAuthor
                                   ? u"from an author this device does not know (%1); it will be "
                                     "tried again at the next sync"_s.arg(problem.author)
                                   : u"failed its integrity check: %1"_s.arg(problem.reason);
        qCWarning(lcSyncClient) << "pulled record" << problem.id.toString(QUuid::WithoutBraces)
                                << reason;
        Q_EMIT recordProblem(problem.id, reason);
    }
    return pageResult;
}

void SyncEngine::fetchConflicts()
{
    // A conflict whose newer version has a seq at or below the cursor the pull started from was
    // not in this pull (this device skipped it, e.g. it was not yet current then): fetch exactly
    // that seq. Other conflicts were resolved by the pages just stored.
    while (!m_run->conflicts.isEmpty()) {
        const Conflict conflict = m_run->conflicts.takeFirst();
        if (conflict.currentSeq <= 0 || conflict.currentSeq > m_run->pullStart)
            continue;
        const quint64 runId = m_run->id;
        protocol::PullQuery query;
        query.after = conflict.currentSeq - 1;
        query.limit = 1;
        m_api.pull(query, [this, runId](CallResult<protocol::PullPage> page) {
            if (!isCurrent(runId))
                return;
            if (!page)
                return failRun(page.error());
            Result<PageResult> applied = applyPage(page->items, std::nullopt);
            if (!applied)
                return failLocal(applied.error(), u"storing a record in conflict"_s);
            fetchConflicts();
        });
        return;
    }
    checkDirectory();
}

void SyncEngine::checkDirectory()
{
    Result<std::optional<qint64>> stored = m_store.directoryVersion();
    if (!stored)
        return failLocal(stored.error(), u"reading the directory version"_s);
    const std::optional<qint64> server = m_run->serverDirectoryVersion;
    if (server && stored.value() != server) {
        refreshDirectory([this] { resealAndPushAgain(); });
        return;
    }
    resealAndPushAgain();
}

void SyncEngine::resealAndPushAgain()
{
    if (!m_run->directoryChanged) {
        finishRun();
        return;
    }
    Result<int> resealed = m_store.resealForDirectory();
    if (!resealed)
        return failLocal(resealed.error(), u"re-sealing records for the new directory"_s);
    qCInfo(lcSyncClient) << "directory changed; re-sealed" << resealed.value() << "records";
    m_run->pushRound = 1;
    pushPhase();
}

void SyncEngine::refreshDirectory(std::function<void()> next)
{
    const quint64 runId = m_run->id;
    m_api.directory([this, runId, next = std::move(next)](CallResult<protocol::Directory> dir) {
        if (!isCurrent(runId))
            return;
        if (!dir)
            return failRun(dir.error());
        Result<std::optional<qint64>> before = m_store.directoryVersion();
        if (!before)
            return failLocal(before.error(), u"reading the directory version"_s);
        Result<DirectoryUpdate> update = m_store.applyDirectory(dir.value());
        if (!update)
            return failLocal(update.error(), u"storing the team's key directory"_s);
        if (before.value() != dir->directoryVersion)
            m_run->directoryChanged = true;
        if (!update->refusedUserIds.isEmpty()) {
            qCWarning(lcSyncClient) << "the server sent other keys for" << update->refusedUserIds
                                    << "; keeping the pinned keys";
            Q_EMIT directoryKeysRefused(update->refusedUserIds);
        }
        next();
    });
}

void SyncEngine::noteServerTime(const QDateTime &serverTime)
{
    if (m_run->skewChecked || !serverTime.isValid())
        return;
    m_run->skewChecked = true;
    const qint64 skew = m_clock.nowMs() - serverTime.toMSecsSinceEpoch();
    if (std::llabs(skew) > m_options.clockSkewWarningMs) {
        qCWarning(lcSyncClient) << "this device's clock differs from the server's by" << skew
                                << "ms";
        Q_EMIT clockSkewDetected(skew);
    }
}

void SyncEngine::noteDirectoryVersion(qint64 version)
{
    m_run->serverDirectoryVersion = version;
}

void SyncEngine::finishRun()
{
    SyncReport report = m_run->report;
    report.ok = true;
    report.conflicts = int(m_run->conflictIds.size());
    report.finishedAt = m_clock.now();
    const std::optional<qint64> deferUntil = m_run->deferUntilMs;
    m_run.reset();
    m_backoff.reset();
    m_lastSyncAt = report.finishedAt;
    if (Status saved = m_store.setLastSyncAt(m_lastSyncAt); !saved)
        qCWarning(lcSyncClient).noquote()
            << "could not save the time of the last sync:" << saved.error().message();
    qCInfo(lcSyncClient) << "sync done: pushed" << report.pushed << "pulled" << report.pulled
                         << "conflicts" << report.conflicts << "errors" << report.errors;

    cancelTimer(m_deferredTimer);
    if (deferUntil) {
        m_deferredTimer =
            m_scheduler.callAfter(std::max<qint64>(1, *deferUntil - m_clock.nowMs()), [this] {
                m_deferredTimer = 0;
                trigger();
            });
    }
    setState(m_online ? State::Idle : State::Offline);
    Q_EMIT lastSyncAtChanged(m_lastSyncAt);
    Q_EMIT finished(report);
    if (m_rerunRequested && m_started) {
        m_rerunRequested = false;
        // From the event loop, so a long series of triggers cannot nest runs on the stack.
        QMetaObject::invokeMethod(this, &SyncEngine::trigger, Qt::QueuedConnection);
    }
}

void SyncEngine::failRun(const CallError &error)
{
    SyncReport report = m_run->report;
    report.ok = false;
    report.error = error.message;
    report.conflicts = int(m_run->conflictIds.size());
    report.finishedAt = m_clock.now();
    m_run.reset();
    m_rerunRequested = false;

    if (error.hasCode(protocol::code::kDeviceRevoked) ||
        error.hasCode(protocol::code::kUserRevoked) || error.httpStatus() == 401)
        m_api.dropToken();

    if (error.isRetryable()) {
        report.willRetry = true;
        if (!m_online) {
            qCInfo(lcSyncClient) << "sync stopped, offline:" << error.message;
            setState(State::Offline, error.message);
        } else {
            const qint64 delay = m_backoff.nextDelayMs(error.retryAfterMs());
            m_nextAttemptAt = QDateTime::fromMSecsSinceEpoch(m_clock.nowMs() + delay);
            qCInfo(lcSyncClient) << "sync failed, retrying in" << delay << "ms:" << error.message;
            cancelTimer(m_retryTimer);
            m_retryTimer = m_scheduler.callAfter(delay, [this] {
                m_retryTimer = 0;
                trigger();
            });
            setState(State::WaitingToRetry, error.message);
        }
    } else {
        qCWarning(lcSyncClient) << "sync failed:" << error.message;
        setState(State::Error, error.message);
    }
    Q_EMIT finished(report);
}

void SyncEngine::failLocal(const Error &error, const QString &doing)
{
    failRun(CallError::local(error.withContext(doing)));
}

} // namespace outward::sync
