#include "qml/recordlistmodel.h"

#include "qml/formsupport.h"
#include "qml/session.h"

using namespace Qt::StringLiterals;

namespace outward {

namespace {

constexpr int kPageSize = 50;
// With a channel or search filter most rows may not match: each step decrypts at most this
// many, then yields to the event loop, so typing a search never freezes the screen.
constexpr int kScanBudget = 500;
// A row shows one line of the note (two for reflections); 120 characters fill that on a tablet
// and keep 100,000 rows well inside the memory target (bench/app). get() reads the full text.
constexpr qsizetype kNotePreviewChars = 120;
// A refresh after someone else's change reloads what was shown, up to this many rows.
constexpr int kMaxReloadRows = 500;

template<typename E>
qint8 indexOf(const std::optional<E> &value)
{
    if (!value)
        return -1;
    const auto &entries = EnumNames<E>::entries;
    for (std::size_t i = 0; i < entries.size(); ++i)
        if (entries[i].value == *value)
            return qint8(i);
    return -1;
}

template<typename E>
QString nameAt(qint8 index)
{
    const auto &entries = EnumNames<E>::entries;
    if (index < 0 || std::size_t(index) >= entries.size())
        return {};
    return QString(entries[std::size_t(index)].name);
}

QString idText(const QUuid &id)
{
    return id.toString(QUuid::WithoutBraces);
}

} // namespace

RecordListModel::RecordListModel(QObject *parent)
    : QAbstractListModel(parent)
{
    m_continue.setSingleShot(true);
    m_continue.setInterval(0);
    connect(&m_continue, &QTimer::timeout, this, &RecordListModel::loadMore);
    if (Session *session = Session::instance()) {
        connect(session, &Session::recordsChanged, this, &RecordListModel::onRecordsChanged);
        connect(session, &Session::stateChanged, this, &RecordListModel::onSessionStateChanged);
    }
    reload(kPageSize);
}

int RecordListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

QHash<int, QByteArray> RecordListModel::roleNames() const
{
    return {
        {IdRole, "id"},
        {KindRole, "kind"},
        {AtRole, "at"},
        {DayRole, "day"},
        {SummaryRole, "summary"},
        {NoteRole, "note"},
        {TitleRole, "title"},
        {ChannelRole, "channel"},
        {StartEmotionRole, "startEmotion"},
        {EndEmotionRole, "endEmotion"},
        {HandleTimeRole, "handleTime"},
        {ResolvedRole, "resolved"},
        {SharedRole, "shared"},
        {OutboxStateRole, "outboxState"},
        {OutboxErrorRole, "outboxError"},
        {PromptRole, "prompt"},
    };
}

QVariant RecordListModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Row &row = m_rows.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
    case SummaryRole:
        return row.summary;
    case IdRole:
        return idText(row.id);
    case KindRole:
        return enumName(row.kind);
    case AtRole:
        return QDateTime::fromMSecsSinceEpoch(row.atMs);
    case DayRole:
        return QDateTime::fromMSecsSinceEpoch(row.atMs).date();
    case NoteRole:
        return row.note;
    case TitleRole:
        return row.title;
    case ChannelRole:
        return nameAt<Channel>(row.channel);
    case StartEmotionRole:
        return nameAt<Emotion>(row.startEmotion);
    case EndEmotionRole:
        return nameAt<Emotion>(row.endEmotion);
    case HandleTimeRole:
        return row.handleTimeSeconds;
    case ResolvedRole:
        return nameAt<FirstContactResolution>(row.resolved);
    case SharedRole:
        return row.shared;
    case OutboxStateRole:
        return enumName(static_cast<OutboxState>(row.outboxState));
    case OutboxErrorRole:
        return row.outboxError;
    case PromptRole:
        return nameAt<ReflectionPrompt>(row.prompt);
    default:
        return {};
    }
}

bool RecordListModel::canFetchMore(const QModelIndex &parent) const
{
    return !parent.isValid() && !m_exhausted;
}

void RecordListModel::fetchMore(const QModelIndex &parent)
{
    if (parent.isValid() || m_exhausted)
        return;
    m_wanted = std::max(m_wanted, int(m_rows.size()) + kPageSize);
    if (m_notifying) {
        m_continue.start();
        return;
    }
    loadMore();
}

RecordListModel::Row RecordListModel::rowFrom(const RecordView &view, QString *fullNote)
{
    Row row;
    row.id = view.header.id;
    row.atMs = view.header.atMs;
    row.kind = view.header.kind;
    row.outboxState = quint8(view.outboxState);
    row.outboxError = view.outboxError;
    QString note;
    if (!view.payload) {
        row.summary = tr("(written by a newer Outward; update the app to read it)");
    } else {
        row.summary = payloadSummary(*view.payload);
        if (const auto *interaction = std::get_if<Interaction>(&*view.payload)) {
            row.channel = indexOf(interaction->channel);
            row.startEmotion = indexOf(interaction->startEmotion);
            row.endEmotion = indexOf(interaction->endEmotion);
            row.handleTimeSeconds = interaction->handleTimeSeconds.value_or(-1);
            row.resolved = indexOf(std::optional(interaction->firstContactResolution));
            row.shared = interaction->shareWithLead;
            note = interaction->note.value_or(QString());
        } else if (const auto *reflection = std::get_if<Reflection>(&*view.payload)) {
            row.prompt = indexOf(reflection->prompt);
            row.title = reflection->title    ? *reflection->title
                        : reflection->prompt ? reflectionPromptText(*reflection->prompt)
                                             : QString();
            row.shared = reflection->shareWithLead;
            note = reflection->body;
        }
    }
    if (note.size() > kNotePreviewChars) {
        qsizetype cut = kNotePreviewChars;
        if (note.at(cut - 1).isHighSurrogate())
            --cut; // never split a character in two
        row.note = note.left(cut);
        row.noteTruncated = true;
    } else {
        row.note = note;
    }
    if (fullNote)
        *fullNote = std::move(note);
    return row;
}

RecordQuery RecordListModel::baseQuery() const
{
    RecordQuery query;
    query.kind = m_kind;
    if (m_fromDay.isValid())
        query.fromMs = m_fromDay.startOfDay().toMSecsSinceEpoch();
    if (m_toDay.isValid())
        query.toMs = m_toDay.addDays(1).startOfDay().toMSecsSinceEpoch();
    return query;
}

bool RecordListModel::hasContentFilter() const
{
    return (m_kind == RecordKind::Interaction && !m_channel.isEmpty()) ||
           !m_search.trimmed().isEmpty();
}

bool RecordListModel::matches(const RecordView &, const Row &row, const QString &fullNote) const
{
    // Only interactions have a channel; on other kinds the filter means nothing.
    if (m_kind == RecordKind::Interaction && !m_channel.isEmpty() &&
        nameAt<Channel>(row.channel) != m_channel)
        return false;
    const QString needle = m_search.trimmed();
    if (needle.isEmpty())
        return true;
    return row.summary.contains(needle, Qt::CaseInsensitive) ||
           fullNote.contains(needle, Qt::CaseInsensitive) ||
           row.title.contains(needle, Qt::CaseInsensitive);
}

bool RecordListModel::loadStep(QList<Row> *into, int wanted)
{
    RecordService *records = forms::unlockedRecords(nullptr);
    if (!records) {
        m_exhausted = true; // locked: an empty list until the session unlocks
        return true;
    }
    wanted = std::max(wanted, 1);
    RecordQuery query = baseQuery();
    query.startAfter = m_cursor;
    query.limit = hasContentFilter() ? kScanBudget : wanted;
    const qsizetype wantedSize = into->size() + wanted;
    int scanned = 0;
    bool filled = false;
    auto listed = records->forEach(query, [&](const RecordView &view) {
        ++scanned;
        m_cursor = RecordCursor{view.header.atMs, view.header.id};
        QString fullNote;
        Row row = rowFrom(view, &fullNote);
        if (matches(view, row, fullNote))
            into->append(std::move(row));
        filled = into->size() >= wantedSize;
        return !filled;
    });
    if (!listed) {
        m_exhausted = true;
        emit error(listed.error().message());
        return false;
    }
    if (!filled && scanned < query.limit)
        m_exhausted = true;
    return true;
}

void RecordListModel::setLoading(bool loading)
{
    if (m_loading == loading)
        return;
    m_loading = loading;
    emit loadingChanged();
}

void RecordListModel::loadMore()
{
    if (m_exhausted || m_rows.size() >= m_wanted) {
        setLoading(false);
        return;
    }
    QList<Row> batch;
    loadStep(&batch, m_wanted - int(m_rows.size()));
    if (!batch.isEmpty()) {
        const int first = int(m_rows.size());
        m_notifying = true;
        beginInsertRows(QModelIndex(), first, first + int(batch.size()) - 1);
        m_rows.append(std::move(batch));
        endInsertRows();
        m_notifying = false;
        emit countChanged();
    }
    const bool more = !m_exhausted && m_rows.size() < m_wanted;
    setLoading(more);
    if (more)
        m_continue.start();
}

void RecordListModel::reload(int wantedRows)
{
    m_continue.stop();
    m_notifying = true;
    beginResetModel();
    m_rows.clear();
    m_cursor.reset();
    m_exhausted = false;
    m_wanted = wantedRows;
    loadStep(&m_rows, wantedRows);
    endResetModel();
    m_notifying = false;
    emit countChanged();
    const bool more = !m_exhausted && m_rows.size() < m_wanted;
    setLoading(more);
    if (more)
        m_continue.start();
}

void RecordListModel::refresh()
{
    reload(std::clamp(int(m_rows.size()), kPageSize, kMaxReloadRows));
}

void RecordListModel::onRecordsChanged()
{
    if (!m_changingRecords)
        refresh();
}

void RecordListModel::onSessionStateChanged()
{
    reload(kPageSize);
}

void RecordListModel::setFilterAndReload()
{
    emit filterChanged();
    reload(kPageSize);
}

QVariantMap RecordListModel::get(int row) const
{
    if (row < 0 || row >= m_rows.size())
        return {};
    QVariantMap map;
    const QModelIndex at = index(row);
    const QHash<int, QByteArray> names = roleNames();
    for (auto it = names.cbegin(); it != names.cend(); ++it)
        map.insert(QString::fromLatin1(it.value()), data(at, it.key()));
    if (m_rows.at(row).noteTruncated) {
        if (RecordService *records = forms::unlockedRecords(nullptr)) {
            if (auto view = records->get(m_rows.at(row).id); view && view->payload) {
                QString full;
                rowFrom(*view, &full);
                map.insert(u"note"_s, full);
            }
        }
    }
    return map;
}

int RecordListModel::rowOf(const QString &id) const
{
    const QUuid uuid = QUuid::fromString(id);
    if (uuid.isNull())
        return -1;
    for (qsizetype i = 0; i < m_rows.size(); ++i)
        if (m_rows.at(i).id == uuid)
            return int(i);
    return -1;
}

bool RecordListModel::sortsBefore(const Row &a, const Row &b) const
{
    // The store's order: newest first, then by id text.
    return a.atMs > b.atMs || (a.atMs == b.atMs && idText(a.id) < idText(b.id));
}

bool RecordListModel::remove(const QString &id)
{
    QString locked;
    RecordService *records = forms::unlockedRecords(&locked);
    if (!records) {
        emit error(locked);
        return false;
    }
    const QUuid uuid = QUuid::fromString(id);
    auto removed = uuid.isNull()
                       ? Result<RecordView>(Error(ErrorCode::InvalidInput,
                                                  tr("\"%1\" is not a record id.").arg(id)))
                       : records->remove(uuid);
    if (!removed) {
        emit error(removed.error().message());
        return false;
    }
    // In place rather than a reload, so the list keeps its scroll position.
    if (const int row = rowOf(id); row >= 0) {
        m_notifying = true;
        beginRemoveRows(QModelIndex(), row, row);
        m_rows.removeAt(row);
        endRemoveRows();
        m_notifying = false;
        emit countChanged();
    }
    m_lastRemoved = uuid;
    emit undoChanged();
    m_changingRecords = true;
    forms::notifyRecordsChanged();
    m_changingRecords = false;
    return true;
}

bool RecordListModel::undoRemove()
{
    if (m_lastRemoved.isNull())
        return false;
    QString locked;
    RecordService *records = forms::unlockedRecords(&locked);
    if (!records) {
        emit error(locked);
        return false;
    }
    auto restored = records->restore(m_lastRemoved);
    if (!restored) {
        emit error(tr("The record could not be brought back: %1").arg(restored.error().message()));
        return false;
    }
    m_lastRemoved = QUuid();
    emit undoChanged();

    QString fullNote;
    Row row = rowFrom(*restored, &fullNote);
    const RecordQuery query = baseQuery();
    const bool inRange = row.kind == m_kind && (!query.fromMs || row.atMs >= *query.fromMs) &&
                         (!query.toMs || row.atMs < *query.toMs);
    Row cursorRow;
    if (m_cursor) {
        cursorRow.atMs = m_cursor->atMs;
        cursorRow.id = m_cursor->id;
    }
    // A row past the cursor is not loaded yet; paging brings it when the list gets there.
    const bool loadedPart = m_exhausted || !m_cursor || sortsBefore(row, cursorRow);
    if (inRange && loadedPart && matches(*restored, row, fullNote)) {
        qsizetype at = 0;
        while (at < m_rows.size() && sortsBefore(m_rows.at(at), row))
            ++at;
        m_notifying = true;
        beginInsertRows(QModelIndex(), int(at), int(at));
        m_rows.insert(at, std::move(row));
        endInsertRows();
        m_notifying = false;
        emit countChanged();
    }
    m_changingRecords = true;
    forms::notifyRecordsChanged();
    m_changingRecords = false;
    return true;
}

bool RecordListModel::loading() const
{
    return m_loading;
}

bool RecordListModel::canUndoRemove() const
{
    return !m_lastRemoved.isNull();
}

QString RecordListModel::kind() const
{
    return enumName(m_kind);
}

void RecordListModel::setKind(const QString &kind)
{
    const auto parsed = enumFromName<RecordKind>(kind);
    if (!parsed) {
        emit error(tr("\"%1\" is not a kind of record.").arg(kind));
        return;
    }
    if (*parsed == m_kind)
        return;
    m_kind = *parsed;
    setFilterAndReload();
}

QString RecordListModel::channel() const
{
    return m_channel;
}

void RecordListModel::setChannel(const QString &channel)
{
    if (channel == m_channel)
        return;
    m_channel = channel;
    setFilterAndReload();
}

QDate RecordListModel::fromDay() const
{
    return m_fromDay;
}

void RecordListModel::setFromDay(const QDate &day)
{
    if (day == m_fromDay)
        return;
    m_fromDay = day;
    setFilterAndReload();
}

QDate RecordListModel::toDay() const
{
    return m_toDay;
}

void RecordListModel::setToDay(const QDate &day)
{
    if (day == m_toDay)
        return;
    m_toDay = day;
    setFilterAndReload();
}

QString RecordListModel::search() const
{
    return m_search;
}

void RecordListModel::setSearch(const QString &text)
{
    if (text == m_search)
        return;
    m_search = text;
    setFilterAndReload();
}

} // namespace outward
