#include "qml/overview.h"

#include "core/model/fieldreader.h"
#include "qml/session.h"

#include <QFile>
#include <QJsonDocument>
#include <QSaveFile>

using namespace Qt::StringLiterals;

namespace outward {

namespace {} // namespace

Overview::Overview(QObject *parent)
    : QObject(parent)
{
    m_midnight.setSingleShot(true);
    connect(&m_midnight, &QTimer::timeout, this, &Overview::refresh);
    connectToSession();
    refresh();
}

void Overview::connectToSession()
{
    if (Session *session = Session::instance()) {
        connect(session, &Session::recordsChanged, this, &Overview::refresh);
        connect(session, &Session::stateChanged, this, &Overview::refresh);
    }
}

Result<std::optional<RecordView>> Overview::latestPurpose(RecordService &records)
{
    RecordQuery query;
    query.kind = RecordKind::TeamPurpose;
    std::optional<RecordView> latest;
    auto listed = records.forEach(query, [&latest](const RecordView &view) {
        if (!view.payload)
            return true; // written by a newer Outward: show the newest one this one can read
        latest = view;
        return false;
    });
    if (!listed)
        return listed.error();
    return latest;
}

void Overview::scheduleMidnightRefresh()
{
    Session *session = Session::instance();
    const qint64 nowMs = session ? session->clock().nowMs() : QDateTime::currentMSecsSinceEpoch();
    const QDate today = QDateTime::fromMSecsSinceEpoch(nowMs).date();
    const qint64 untilMidnight = today.addDays(1).startOfDay().toMSecsSinceEpoch() - nowMs;
    m_midnight.start(int(std::clamp<qint64>(untilMidnight + 1000, 1000, 24 * 3600 * 1000)));
}

void Overview::refresh()
{
    QString purposeId, why, how, what, wouldMiss;
    int today = 0, unsent = 0, errors = 0;
    Session *session = Session::instance();
    RecordService *records = session ? session->records() : nullptr;
    if (records) {
        if (auto purpose = latestPurpose(*records); purpose && *purpose) {
            const RecordView &view = **purpose;
            const TeamPurpose &team = std::get<TeamPurpose>(*view.payload);
            purposeId = view.header.idText();
            why = team.why;
            how = team.how.value_or(QString());
            what = team.what.value_or(QString());
            wouldMiss = team.wouldMiss.value_or(QString());
        }
        // Counted from the plaintext columns: no record needs decrypting for these.
        RecordStore &store = session->profile()->store();
        const QDate day = session->clock().now().date();
        RecordQuery todays;
        todays.kind = RecordKind::Interaction;
        todays.fromMs = day.startOfDay().toMSecsSinceEpoch();
        todays.toMs = day.addDays(1).startOfDay().toMSecsSinceEpoch();
        if (auto counted = store.count(todays))
            today = *counted;
        if (auto counts = store.outboxCounts()) {
            errors = counts->value(OutboxState::Error);
            unsent =
                counts->value(OutboxState::Local) + counts->value(OutboxState::Queued) + errors;
        }
        scheduleMidnightRefresh();
    } else {
        m_midnight.stop();
    }
    const bool same = purposeId == m_purposeId && why == m_purposeWhy && how == m_purposeHow &&
                      what == m_purposeWhat && wouldMiss == m_purposeWouldMiss &&
                      today == m_todayCount && unsent == m_unsentCount && errors == m_errorCount;
    if (same)
        return;
    m_purposeId = purposeId;
    m_purposeWhy = why;
    m_purposeHow = how;
    m_purposeWhat = what;
    m_purposeWouldMiss = wouldMiss;
    m_todayCount = today;
    m_unsentCount = unsent;
    m_errorCount = errors;
    emit changed();
}

bool Overview::hasPurpose() const
{
    return !m_purposeId.isEmpty();
}

QString Overview::purposeId() const
{
    return m_purposeId;
}

QString Overview::purposeWhy() const
{
    return m_purposeWhy;
}

QString Overview::purposeHow() const
{
    return m_purposeHow;
}

QString Overview::purposeWhat() const
{
    return m_purposeWhat;
}

QString Overview::purposeWouldMiss() const
{
    return m_purposeWouldMiss;
}

int Overview::todayCount() const
{
    return m_todayCount;
}

int Overview::unsentCount() const
{
    return m_unsentCount;
}

int Overview::errorCount() const
{
    return m_errorCount;
}

QString Overview::exportError() const
{
    return m_exportError;
}

int Overview::exportRecords(const QUrl &file)
{
    m_exportError.clear();
    Session *session = Session::instance();
    RecordService *records = session ? session->records() : nullptr;
    if (!records) {
        m_exportError = tr("The profile is locked; unlock it to export your records.");
        return -1;
    }
    const QString path = file.isLocalFile()        ? file.toLocalFile()
                         : file.scheme().isEmpty() ? file.path()
                                                   : QString();
    if (path.isEmpty()) {
        m_exportError = tr("Choose a file on this device to export to.");
        return -1;
    }
    // All or nothing: a failed export must not leave half a file that looks complete.
    QSaveFile out(path);
    if (!out.open(QIODevice::WriteOnly)) {
        m_exportError = tr("Cannot write %1: %2").arg(path, out.errorString());
        return -1;
    }
    const QString me = session->profile()->userId();
    int exported = 0;
    bool writeFailed = false;
    auto listed = records->forEach(RecordQuery{}, [&](const RecordView &view) {
        if (view.header.author != me)
            return true; // the user's own records only
        QByteArray line = QJsonDocument(view.toJson()).toJson(QJsonDocument::Compact);
        line.append('\n');
        if (out.write(line) != line.size()) {
            writeFailed = true;
            return false;
        }
        ++exported;
        return true;
    });
    if (!listed || writeFailed) {
        out.cancelWriting();
        m_exportError = !listed ? tr("The export stopped: %1").arg(listed.error().message())
                                : tr("Writing %1 failed: %2").arg(path, out.errorString());
        return -1;
    }
    if (!out.commit()) {
        m_exportError = tr("Writing %1 failed: %2").arg(path, out.errorString());
        return -1;
    }
    // The lines are not encrypted: only the owner may read them.
    QFile::setPermissions(path, QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    return exported;
}

} // namespace outward
