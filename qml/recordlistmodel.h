#pragma once

#include "core/model/recordkind.h"
#include "core/profile/recordservice.h"

#include <QAbstractListModel>
#include <QDate>
#include <QTimer>
#include <QtQml/qqmlregistration.h>
#include <QUuid>

#include <optional>

namespace outward {

// Records of one kind, newest first, fetched lazily a page (50) at a time with keyset paging on
// (at, id), so scrolling through 100,000 stays smooth and memory stays small. Filters: channel,
// a range of local days, and a search text matched against the decrypted summary and note
// (case-insensitive). Refreshes itself when Session::recordsChanged fires.
class RecordListModel : public QAbstractListModel
{
    Q_OBJECT
    QML_ELEMENT

    Q_PROPERTY(QString kind READ kind WRITE setKind NOTIFY filterChanged) // default "interaction"
    Q_PROPERTY(QString channel READ channel WRITE setChannel NOTIFY filterChanged) // "" = all
    Q_PROPERTY(QDate fromDay READ fromDay WRITE setFromDay NOTIFY filterChanged)   // invalid = open
    Q_PROPERTY(QDate toDay READ toDay WRITE setToDay NOTIFY filterChanged)         // included
    Q_PROPERTY(QString search READ search WRITE setSearch NOTIFY filterChanged)
    Q_PROPERTY(int count READ rowCount NOTIFY countChanged)
    Q_PROPERTY(bool loading READ loading NOTIFY loadingChanged)
    Q_PROPERTY(bool canUndoRemove READ canUndoRemove NOTIFY undoChanged)

public:
    enum Roles
    {
        IdRole = Qt::UserRole + 1,
        KindRole,
        AtRole,      // QDateTime
        DayRole,     // QDate, for section headers
        SummaryRole, // one line: channel, emotion, note start
        NoteRole,    // interaction note or reflection body
        TitleRole,   // reflection title or prompt name
        ChannelRole,
        StartEmotionRole,
        EndEmotionRole,
        HandleTimeRole,  // seconds, -1 when not given
        ResolvedRole,    // "yes" / "no" / "unknown"
        SharedRole,      // shareWithLead
        OutboxStateRole, // "local" / "queued" / "synced" / "error"
        OutboxErrorRole,
        PromptRole, // added: the reflection prompt's name ("customerGain"), "" for free writing
    };
    Q_ENUM(Roles)

    explicit RecordListModel(QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QHash<int, QByteArray> roleNames() const override;
    bool canFetchMore(const QModelIndex &parent) const override;
    void fetchMore(const QModelIndex &parent) override;

    // All roles of one row by name, for a detail view; empty for a bad row.
    Q_INVOKABLE QVariantMap get(int row) const;
    Q_INVOKABLE int rowOf(const QString &id) const;
    // Deletes (a tombstone) and remembers it for undoRemove().
    Q_INVOKABLE bool remove(const QString &id);
    Q_INVOKABLE bool undoRemove();
    Q_INVOKABLE void refresh();

    QString kind() const;
    void setKind(const QString &kind);
    QString channel() const;
    void setChannel(const QString &channel);
    QDate fromDay() const;
    void setFromDay(const QDate &day);
    QDate toDay() const;
    void setToDay(const QDate &day);
    QString search() const;
    void setSearch(const QString &text);
    bool loading() const;
    bool canUndoRemove() const;

signals:
    void filterChanged();
    void countChanged();
    void loadingChanged();
    void undoChanged();
    void error(const QString &message);

private:
    // Only what the roles need, so 100,000 rows stay small: names as enum indexes, a note
    // preview rather than the whole text (get() reads the full one).
    struct Row
    {
        QUuid id;
        qint64 atMs = 0;
        QString summary;
        QString note;
        QString title;
        QString outboxError;
        qint32 handleTimeSeconds = -1;
        RecordKind kind = RecordKind::Interaction;
        qint8 channel = -1;
        qint8 startEmotion = -1;
        qint8 endEmotion = -1;
        qint8 resolved = -1;
        qint8 prompt = -1;
        quint8 outboxState = 0;
        bool shared = false;
        bool noteTruncated = false;
    };

    RecordQuery baseQuery() const;
    bool hasContentFilter() const;
    bool matches(const RecordView &view, const Row &row, const QString &fullNote) const;
    static Row rowFrom(const RecordView &view, QString *fullNote);
    // One bounded scan: appends the matching rows it finds; false when it failed.
    bool loadStep(QList<Row> *into, int wanted);
    void loadMore();
    void reload(int wantedRows);
    void setLoading(bool loading);
    void setFilterAndReload();
    void onSessionStateChanged();
    void onRecordsChanged();
    bool sortsBefore(const Row &a, const Row &b) const;

    QList<Row> m_rows;
    RecordKind m_kind = RecordKind::Interaction;
    QString m_channel;
    QDate m_fromDay;
    QDate m_toDay;
    QString m_search;
    std::optional<RecordCursor> m_cursor;
    bool m_exhausted = true;
    bool m_loading = false;
    int m_wanted = 0;               // rows the view asked for; a filtered scan continues until then
    bool m_changingRecords = false; // our own remove/undo: the rows are updated in place
    QTimer m_continue;
    // True while listeners handle a reset or an insert: a fetchMore() from one of them (a view,
    // QAbstractItemModelTester) is deferred so that no change starts inside another's signal.
    bool m_notifying = false;
    QUuid m_lastRemoved;
};

} // namespace outward
