#include "qml/syncstatus.h"

#include "core/profile/profile.h"
#include "qml/formsupport.h"
#include "qml/session.h"
#include "sync/client/enrollment.h"
#include "sync/client/profilesyncstore.h"

#include <QCoreApplication>
#include <QEvent>
#include <QGuiApplication>
#include <QLocale>
#include <QLoggingCategory>
#include <QQmlEngine>
#include <QRegularExpression>
#include <QSettings>
#include <QSysInfo>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace outward {

Q_LOGGING_CATEGORY(lcSyncStatus, "outward.qml.sync")

namespace {

SyncStatus *s_instance = nullptr;

// Pulled records the sync refused are shown at most this many at a time (the newest); records
// in the error state here are looked for until this many are found.
constexpr int kMostProblems = 20;

QString dateTimeText(const QDateTime &at)
{
    return QLocale().toString(at.toLocalTime(), QLocale::ShortFormat);
}

} // namespace

SyncStatus::SyncStatus(Session &session, sync::Transport &transport, sync::Scheduler &scheduler,
                       const Clock &clock, SyncStatusOptions options, QObject *parent)
    : QObject(parent)
    , m_session(session)
    , m_transport(transport)
    , m_scheduler(scheduler)
    , m_clock(clock)
    , m_options(options)
{
    connect(&session, &Session::stateChanged, this, &SyncStatus::reconcile);
    connect(&session, &Session::busyChanged, this, &SyncStatus::reconcile);
    connect(&session, &Session::recordsChanged, this, &SyncStatus::onRecordsChanged);
    m_minuteTicker.setInterval(30 * 1000);
    connect(&m_minuteTicker, &QTimer::timeout, this, [this] {
        if (m_enrolled)
            emit textsChanged();
    });
    m_minuteTicker.start();
    if (auto *app = qobject_cast<QGuiApplication *>(QCoreApplication::instance()))
        connect(app, &QGuiApplication::applicationStateChanged, this,
                &SyncStatus::onApplicationStateChanged);
    // Texts made here (tr) follow a language change the way QML's qsTr bindings do.
    if (QCoreApplication *app = QCoreApplication::instance())
        app->installEventFilter(this);
    reconcile();
}

SyncStatus::SyncStatus(Session &session, sync::Transport &transport, sync::Scheduler &scheduler,
                       const Clock &clock, QObject *parent)
    : SyncStatus(session, transport, scheduler, clock, SyncStatusOptions(), parent)
{}

SyncStatus::~SyncStatus()
{
    if (s_instance == this)
        s_instance = nullptr;
    delete m_enrollment.data();
    if (m_engine) {
        // Its last state change must not reach a SyncStatus half destroyed (nor its listeners).
        disconnect(m_engine.get(), nullptr, this, nullptr);
        m_engine->stop();
        m_engine.reset();
    }
    m_store.reset();
}

void SyncStatus::provide(SyncStatus *status)
{
    s_instance = status;
}

SyncStatus *SyncStatus::instance()
{
    return s_instance;
}

SyncStatus *SyncStatus::create(QQmlEngine *, QJSEngine *)
{
    if (!s_instance) {
        qCCritical(lcSyncStatus) << "SyncStatus::provide() must be called before QML uses it";
        return nullptr;
    }
    QQmlEngine::setObjectOwnership(s_instance, QQmlEngine::CppOwnership);
    return s_instance;
}

bool SyncStatus::eventFilter(QObject *watched, QEvent *event)
{
    if (event->type() == QEvent::LanguageChange && watched == QCoreApplication::instance()) {
        emit textsChanged();
        emit problemsChanged();
    }
    return QObject::eventFilter(watched, event);
}

// ---- lifecycle --------------------------------------------------------------------------------

void SyncStatus::reconcile()
{
    const bool usable = m_session.state() == Session::Unlocked && !m_session.busy();
    Profile *profile = usable ? m_session.profile() : nullptr;
    if (!profile) {
        // A worker may be replacing the Profile object (passphrase change, recovery) or touching
        // its keys (unlock): nothing of sync may hold on to it meanwhile.
        if (m_enrollment)
            abortEnrollment();
        stopEngine();
        if (m_session.state() != Session::Unlocked &&
            !(m_pulledProblems.isEmpty() && m_storedProblems.isEmpty())) {
            m_pulledProblems.clear();
            m_storedProblems.clear();
            emit problemsChanged();
        }
        if (m_session.state() == Session::NoProfile)
            clearSettings();
        return;
    }
    readSettings(*profile);
    refreshCounts();
    refreshStoredProblems();
    if (m_enrolled && !m_engine)
        startEngine(*profile);
}

void SyncStatus::startEngine(Profile &profile)
{
    m_store = std::make_unique<sync::ProfileSyncStore>(profile);
    m_engine = std::make_unique<sync::SyncEngine>(*m_store, m_transport, m_scheduler, m_clock,
                                                  sync::BackoffPolicy(), m_options.engine);
    connect(m_engine.get(), &sync::SyncEngine::stateChanged, this, &SyncStatus::onEngineState);
    connect(m_engine.get(), &sync::SyncEngine::progress, this, &SyncStatus::onProgress);
    connect(m_engine.get(), &sync::SyncEngine::finished, this, &SyncStatus::onFinished);
    connect(m_engine.get(), &sync::SyncEngine::recordProblem, this, &SyncStatus::onRecordProblem);
    connect(m_engine.get(), &sync::SyncEngine::lastSyncAtChanged, this, &SyncStatus::setLastSyncAt);
    if (m_options.followReachability)
        m_engine->followSystemReachability();
    qCInfo(lcSyncStatus) << "starting sync";
    m_engine->start();
}

void SyncStatus::stopEngine()
{
    if (!m_engine)
        return;
    qCInfo(lcSyncStatus) << "stopping sync";
    // stop() cancels the timers, drops the token and makes answers still in flight ignored, so
    // the engine never touches the store again; it is deleted from the event loop because this
    // may run inside one of its own signals.
    m_engine->stop();
    disconnect(m_engine.get(), nullptr, this, nullptr);
    m_engine.release()->deleteLater();
    m_store.reset();
    setProgress(false, 0, {});
    setState(Stopped, {}, {});
}

void SyncStatus::abortEnrollment()
{
    qCInfo(lcSyncStatus) << "enrolment interrupted: the profile was locked";
    delete m_enrollment.data(); // drops its callbacks
    m_enrollment = nullptr;
    emit busyChanged();
    setEnrollError(tr("Connecting stopped because the profile was locked. Unlock it and try "
                      "again; if the server then says the profile is already enrolled, ask your "
                      "administrator."));
    emit enrollFinished(false, m_enrollError);
}

void SyncStatus::readSettings(Profile &profile)
{
    auto settings = profile.syncState().settings();
    if (!settings) {
        qCWarning(lcSyncStatus) << "cannot read the sync settings:"
                                << errorCodeName(settings.error().code());
        return;
    }
    const bool enrolled = settings->has_value();
    const QString url = enrolled ? (*settings)->serverUrl : QString();
    const QString team = enrolled ? (*settings)->teamName : QString();
    const QString role = enrolled ? (*settings)->role : QString();
    const bool userChanged = m_userId != profile.userId();
    m_userId = profile.userId();
    if (enrolled != m_enrolled || url != m_serverUrl || team != m_teamName || role != m_role) {
        m_enrolled = enrolled;
        m_serverUrl = url;
        m_teamName = team;
        m_role = role;
        emit settingsChanged();
        emit textsChanged();
    }
    if (userChanged || !m_lastSyncAt.isValid()) {
        const QDateTime stored = QSettings().value(lastSyncSettingsKey()).toDateTime();
        if (stored != m_lastSyncAt) {
            m_lastSyncAt = stored;
            emit lastSyncAtChanged();
            emit textsChanged();
        }
    }
}

void SyncStatus::clearSettings()
{
    m_userId.clear();
    if (m_enrolled || !m_serverUrl.isEmpty()) {
        m_enrolled = false;
        m_serverUrl.clear();
        m_teamName.clear();
        m_role.clear();
        emit settingsChanged();
    }
    if (m_lastSyncAt.isValid()) {
        m_lastSyncAt = {};
        emit lastSyncAtChanged();
    }
    emit textsChanged();
}

QString SyncStatus::lastSyncSettingsKey() const
{
    return u"sync/lastSyncAt/"_s + m_userId;
}

// ---- counts and problems ----------------------------------------------------------------------

void SyncStatus::refreshCounts()
{
    Profile *profile = m_session.profile();
    if (!profile)
        return;
    auto counts = profile->store().outboxCounts();
    if (!counts)
        return;
    const int errors = counts->value(OutboxState::Error);
    const int unsent =
        counts->value(OutboxState::Local) + counts->value(OutboxState::Queued) + errors;
    if (unsent == m_unsentCount && errors == m_errorCount)
        return;
    m_unsentCount = unsent;
    m_errorCount = errors;
    emit countsChanged();
    emit textsChanged();
}

void SyncStatus::refreshStoredProblems()
{
    QList<Problem> found;
    Profile *profile = m_session.profile();
    if (profile && m_errorCount > 0) {
        // Refused versions are usually recent, and the scan is newest first; it stops as soon as
        // it has them all, so a long history is not read for a handful of errors.
        const int wanted = std::min(m_errorCount, kMostProblems);
        RecordQuery query;
        query.includeDeleted = true;
        auto scanned = profile->store().forEach(query, [&](const StoredRecord &record) {
            if (record.outboxState == OutboxState::Error)
                found.append({record.id, describeRecord(record.id), record.outboxError});
            return found.size() < wanted;
        });
        if (!scanned)
            qCWarning(lcSyncStatus)
                << "cannot list the records in error:" << errorCodeName(scanned.error().code());
    }
    const auto same = [](const QList<Problem> &a, const QList<Problem> &b) {
        if (a.size() != b.size())
            return false;
        for (qsizetype i = 0; i < a.size(); ++i)
            if (a.at(i).id != b.at(i).id || a.at(i).reason != b.at(i).reason)
                return false;
        return true;
    };
    // The engine reports a refused push before it stores the refusal: once stored, it is listed
    // from the store only.
    const qsizetype pulledBefore = m_pulledProblems.size();
    m_pulledProblems.removeIf([&found](const Problem &pulled) {
        return std::any_of(found.cbegin(), found.cend(),
                           [&pulled](const Problem &stored) { return stored.id == pulled.id; });
    });
    if (same(found, m_storedProblems) && pulledBefore == m_pulledProblems.size())
        return;
    m_storedProblems = found;
    emit problemsChanged();
    emit textsChanged();
}

QString SyncStatus::describeRecord(const QUuid &id) const
{
    Profile *profile = m_session.profile();
    if (profile) {
        auto stored = profile->store().get(id);
        if (stored) {
            const QString when = dateTimeText(QDateTime::fromMSecsSinceEpoch(stored->atMs));
            switch (stored->kind) {
            case RecordKind::Interaction:
                return tr("Interaction, %1").arg(when);
            case RecordKind::Reflection:
                return tr("Reflection, %1").arg(when);
            case RecordKind::TeamPurpose:
                return tr("Team purpose, %1").arg(when);
            default:
                return tr("Record of %1").arg(when);
            }
        }
    }
    return tr("Record %1").arg(id.toString(QUuid::WithoutBraces).left(8));
}

QStringList SyncStatus::problems() const
{
    QStringList lines;
    for (const Problem &problem : m_storedProblems)
        lines.append(tr("%1: %2").arg(problem.record, readableReason(problem.reason)));
    for (const Problem &problem : m_pulledProblems)
        lines.append(tr("%1: %2").arg(problem.record, readableReason(problem.reason)));
    return lines;
}

// ---- the engine's signals ---------------------------------------------------------------------

void SyncStatus::onEngineState(sync::SyncEngine::State state, const QString &reason,
                               const QDateTime &nextAttemptAt)
{
    State mapped = Stopped;
    switch (state) {
    case sync::SyncEngine::State::Stopped:
        mapped = Stopped;
        break;
    case sync::SyncEngine::State::Idle:
        mapped = Idle;
        break;
    case sync::SyncEngine::State::Syncing:
        mapped = Syncing;
        break;
    case sync::SyncEngine::State::WaitingToRetry:
        mapped = WaitingToRetry;
        break;
    case sync::SyncEngine::State::Offline:
        mapped = Offline;
        break;
    case sync::SyncEngine::State::Error:
        mapped = Error;
        break;
    }
    if (mapped != Syncing)
        setProgress(false, 0, {});
    setState(mapped, reason, nextAttemptAt);
}

void SyncStatus::onProgress(sync::SyncEngine::Phase phase, qint64 done, qint64 total)
{
    // Once a run is large it keeps its bar until it ends, so a big push followed by a short pull
    // does not make the bar blink away and back.
    if (!m_showProgress && total < m_options.largeSyncItems)
        return;
    const double fraction = total > 0 ? std::clamp(double(done) / double(total), 0.0, 1.0) : 0.0;
    const QLocale locale;
    const QString text =
        phase == sync::SyncEngine::Phase::Pushing
            ? tr("Sending %1 of %2 records").arg(locale.toString(done), locale.toString(total))
            : tr("Receiving updates: %1%").arg(int(fraction * 100));
    setProgress(true, fraction, text);
    // Each pushed batch is committed before this signal: "not yet sent" counts down with it.
    if (phase == sync::SyncEngine::Phase::Pushing && done > 0)
        refreshCounts();
}

void SyncStatus::onFinished(const sync::SyncReport &report)
{
    setProgress(false, 0, {});
    if (report.pushed + report.pulled + report.errors + report.conflicts > 0) {
        // Lists, counts and open records show the new outbox states and what was pulled. Not a
        // local write, so it must not ask for another sync.
        m_notifying = true;
        m_session.notifyRecordsChanged();
        m_notifying = false;
    }
    refreshCounts();
    refreshStoredProblems();
    emit textsChanged();
}

void SyncStatus::onRecordProblem(const QUuid &id, const QString &reason)
{
    // Pulled versions refused here are never stored, so only this list knows them. A rejected
    // push lands here too, for the moment before the engine stores it in the error state; the
    // next refreshStoredProblems() moves it to the stored list.
    m_pulledProblems.removeIf([&id](const Problem &problem) { return problem.id == id; });
    m_pulledProblems.prepend({id, describeRecord(id), reason});
    while (m_pulledProblems.size() > kMostProblems)
        m_pulledProblems.removeLast();
    emit problemsChanged();
    emit textsChanged();
}

void SyncStatus::onRecordsChanged()
{
    if (!m_notifying && m_engine)
        m_engine->notifyLocalWrite();
    refreshCounts();
    refreshStoredProblems();
}

void SyncStatus::setState(State state, const QString &reason, const QDateTime &nextAttemptAt)
{
    if (state == m_state && reason == m_reason && nextAttemptAt == m_nextAttemptAt)
        return;
    m_state = state;
    m_reason = reason;
    m_nextAttemptAt = nextAttemptAt;
    emit stateChanged();
    emit textsChanged();
}

void SyncStatus::setProgress(bool show, double progress, const QString &text)
{
    if (show == m_showProgress && qFuzzyCompare(1.0 + progress, 1.0 + m_progress) &&
        text == m_progressText)
        return;
    const bool textChanged = show != m_showProgress || text != m_progressText;
    m_showProgress = show;
    m_progress = progress;
    m_progressText = text;
    emit progressChanged();
    if (textChanged)
        emit textsChanged(); // the summary says how far a large sync is
}

void SyncStatus::setLastSyncAt(const QDateTime &at)
{
    if (!at.isValid() || at == m_lastSyncAt)
        return;
    m_lastSyncAt = at;
    if (!m_userId.isEmpty())
        QSettings().setValue(lastSyncSettingsKey(), at);
    emit lastSyncAtChanged();
    emit textsChanged();
}

// ---- what QML calls ---------------------------------------------------------------------------

void SyncStatus::enroll(const QString &serverUrl, const QString &inviteCode,
                        const QString &displayName, const QString &deviceName)
{
    if (m_enrollment)
        return;
    Profile *profile =
        m_session.state() == Session::Unlocked && !m_session.busy() ? m_session.profile() : nullptr;
    if (!profile) {
        setEnrollError(tr("Unlock the profile, then connect it to your team."));
        emit enrollFinished(false, m_enrollError);
        return;
    }
    setEnrollError({});
    // The enrolment takes seconds at most; it must not meet an auto-lock halfway.
    m_session.noteActivity();
    auto *enrollment = new sync::Enrollment(*profile, m_transport, m_clock, this);
    m_enrollment = enrollment;
    emit busyChanged();
    const sync::EnrollmentRequest request{serverUrl, inviteCode, displayName, deviceName};
    enrollment->enroll(request, [this,
                                 enrollment](sync::CallResult<sync::EnrollmentResult> result) {
        enrollment->deleteLater();
        if (m_enrollment != enrollment)
            return;
        m_enrollment = nullptr;
        emit busyChanged();
        if (!result) {
            // Enrollment::explain has put what to do into the message already.
            setEnrollError(forms::asSentence(result.error().message));
            emit enrollFinished(false, m_enrollError);
            return;
        }
        const int queued = result->queuedRecords;
        if (!result->refusedUserIds.isEmpty())
            qCWarning(lcSyncStatus) << "the directory gave other keys for"
                                    << result->refusedUserIds.size() << "members; kept none";
        m_notifying = true;
        m_session.notifyRecordsChanged(); // every record is queued now
        m_notifying = false;
        reconcile(); // reads the settings and starts the engine, which syncs at once
        emit enrollFinished(
            true,
            queued > 0
                ? tr("Connected to %1. Sending your %n record(s).", nullptr, queued).arg(m_teamName)
                : tr("Connected to %1.").arg(m_teamName));
    });
}

void SyncStatus::clearEnrollError()
{
    setEnrollError({});
}

void SyncStatus::setEnrollError(const QString &message)
{
    if (message == m_enrollError)
        return;
    m_enrollError = message;
    emit enrollErrorChanged();
}

void SyncStatus::syncNow()
{
    if (m_engine)
        m_engine->syncNow();
}

void SyncStatus::onApplicationStateChanged(Qt::ApplicationState state)
{
    // Waiting to retry and offline have their own triggers (the backoff, a reconnect).
    if (state != Qt::ApplicationActive || !m_engine || (m_state != Idle && m_state != Error))
        return;
    if (m_lastSyncAt.isValid() && m_lastSyncAt.msecsTo(m_clock.now()) < m_options.resumeSyncAfterMs)
        return;
    qCInfo(lcSyncStatus) << "back in the foreground: syncing";
    m_engine->syncNow();
}

QString SyncStatus::formatInviteCode(const QString &typed) const
{
    QString out;
    int digits = 0;
    for (const QChar c : typed) {
        if (c == u'-' || c.isSpace())
            continue;
        if (digits > 0 && digits % 5 == 0)
            out.append(u'-');
        out.append(c.toUpper());
        ++digits;
    }
    return out;
}

QString SyncStatus::deviceNameSuggestion()
{
    const QString host = QSysInfo::machineHostName().trimmed();
    if (!host.isEmpty() && host.compare(u"localhost"_s, Qt::CaseInsensitive) != 0)
        return host.left(100);
    return QSysInfo::prettyProductName().left(100);
}

// ---- texts ------------------------------------------------------------------------------------

QString SyncStatus::relativeTime(const QDateTime &at, const QDateTime &now)
{
    if (!at.isValid())
        return tr("never");
    const qint64 seconds = std::max<qint64>(0, at.secsTo(now));
    if (seconds < 60)
        return tr("just now");
    if (seconds < 3600)
        return tr("%n minute(s) ago", nullptr, int(seconds / 60));
    if (seconds < 24 * 3600)
        return tr("%n hour(s) ago", nullptr, int(seconds / 3600));
    return dateTimeText(at);
}

QString SyncStatus::readableReason(const QString &reason)
{
    // CallError::http's "the server answered <status> <code>: <message>" and the engine's
    // "<code>: <message>" for a refused record: the message already says what to do.
    static const QRegularExpression machinePrefix(
        u"^(?:the server answered \\d{3} [a-z][a-z0-9_]*: |[a-z][a-z0-9]*(?:_[a-z0-9]+)+: )"_s);
    QString text = reason.trimmed();
    text.remove(machinePrefix);
    return forms::asSentence(text);
}

QString SyncStatus::lastSyncText() const
{
    return relativeTime(m_lastSyncAt, m_clock.now());
}

QString SyncStatus::stateText() const
{
    const QString at =
        m_nextAttemptAt.isValid()
            ? QLocale().toString(m_nextAttemptAt.toLocalTime().time(), QLocale::ShortFormat)
            : QString();
    switch (m_state) {
    case Stopped:
        return m_enrolled ? tr("Paused while the profile is locked.")
                          : tr("Not connected to a team. Your records stay on this device.");
    case Idle:
        return m_unsentCount - m_errorCount > 0 ? tr("%n record(s) will be sent in a moment.",
                                                     nullptr, m_unsentCount - m_errorCount)
                                                : tr("Up to date.");
    case Syncing:
        return tr("Syncing\u2026");
    case WaitingToRetry:
        return at.isEmpty()
                   ? tr("Could not sync. %1 Trying again soon.").arg(readableReason(m_reason))
                   : tr("Could not sync. %1 Trying again at %2.").arg(readableReason(m_reason), at);
    case Offline:
        return tr("Offline. Your records wait on this device and are sent when the network is "
                  "back.");
    case Error:
        return tr("Sync stopped. %1 It tries again after your next change, or when you tap "
                  "\u201cSync now\u201d.")
            .arg(readableReason(m_reason));
    }
    return {};
}

QString SyncStatus::summary() const
{
    if (!m_enrolled)
        return {};
    const QString unsent =
        m_unsentCount > 0 ? tr("%n unsent", nullptr, m_unsentCount) : tr("All sent");
    switch (m_state) {
    case Syncing:
        return m_showProgress ? m_progressText : tr("Syncing\u2026");
    case Error:
        return tr("Sync stopped. %1").arg(readableReason(m_reason));
    case WaitingToRetry:
        return tr("%1 \u00b7 could not sync, trying again soon").arg(unsent);
    case Offline:
        return tr("%1 \u00b7 offline").arg(unsent);
    case Stopped:
    case Idle:
        break;
    }
    if (!m_lastSyncAt.isValid())
        return tr("%1 \u00b7 not synced yet").arg(unsent);
    return tr("%1 \u00b7 synced %2").arg(unsent, lastSyncText());
}

bool SyncStatus::attention() const
{
    return m_enrolled && (m_state == Error || m_state == WaitingToRetry || m_errorCount > 0 ||
                          !m_pulledProblems.isEmpty());
}

} // namespace outward
