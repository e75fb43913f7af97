#pragma once

#include "core/model/interaction.h"

#include <QDateTime>
#include <QObject>
#include <QTimer>
#include <QtQml/qqmlregistration.h>
#include <QUuid>
#include <QVariantMap>

namespace outward {

// The quick log (and the edit of an interaction). QML binds controls to these properties; the
// rules live in core/model and their errors come back per field in fieldErrors, keyed by the
// JSON field name ("endEmotion", "customerReported.nps"). Enumerations travel as their JSON
// names ("phone", "appreciation"); an empty string or -1 means "not given".
class InteractionForm : public QObject
{
    Q_OBJECT
    QML_ELEMENT

    Q_PROPERTY(QString recordId READ recordId NOTIFY loaded) // empty: a new record
    // Where the loaded record stands with the server: "local" / "queued" / "synced" / "error"
    // (with the server's reason); empty for a new record.
    Q_PROPERTY(QString outboxState READ outboxState NOTIFY loaded)
    Q_PROPERTY(QString outboxError READ outboxError NOTIFY loaded)
    Q_PROPERTY(QString channel MEMBER m_channel NOTIFY changed)
    Q_PROPERTY(QString startEmotion MEMBER m_startEmotion NOTIFY changed)
    Q_PROPERTY(QString endEmotion MEMBER m_endEmotion NOTIFY changed)
    Q_PROPERTY(int handleTimeSeconds MEMBER m_handleTimeSeconds NOTIFY changed)
    Q_PROPERTY(QString firstContactResolution MEMBER m_fcr NOTIFY changed)  // "unknown" by default
    Q_PROPERTY(int perceivedEffort MEMBER m_perceivedEffort NOTIFY changed) // CES 1-7, staff's view
    Q_PROPERTY(QString advocacy MEMBER m_advocacy NOTIFY changed)
    Q_PROPERTY(int nps MEMBER m_nps NOTIFY changed)   // customer-reported, 0-10
    Q_PROPERTY(int csat MEMBER m_csat NOTIFY changed) // customer-reported, 1-5
    Q_PROPERTY(int ces MEMBER m_ces NOTIFY changed)   // customer-reported, 1-7
    Q_PROPERTY(QString note MEMBER m_note NOTIFY changed)
    Q_PROPERTY(bool shareWithLead MEMBER m_shareWithLead NOTIFY changed)
    Q_PROPERTY(QDateTime occurredAt MEMBER m_occurredAt NOTIFY changed) // invalid: now
    // The handle-time timer: started when the contact starts, stopped fills handleTimeSeconds.
    Q_PROPERTY(bool timerRunning READ timerRunning NOTIFY timerChanged)
    Q_PROPERTY(int timerSeconds READ timerSeconds NOTIFY timerChanged) // ticks once a second
    Q_PROPERTY(bool canSave READ canSave NOTIFY changed) // the two required fields are given
    Q_PROPERTY(QVariantMap fieldErrors READ fieldErrors NOTIFY fieldErrorsChanged)
    Q_PROPERTY(QString error READ error NOTIFY fieldErrorsChanged) // a failure that is no field's
    Q_PROPERTY(bool canUndo READ canUndo NOTIFY undoChanged)

public:
    explicit InteractionForm(QObject *parent = nullptr);

    // Validates and saves (add, or edit when recordId is set). On success: emits saved(id),
    // remembers it for undo and resets the form; on failure fills fieldErrors and keeps every
    // value the person entered.
    Q_INVOKABLE bool save();
    // Undoes the last save: a new record becomes a tombstone, an edit is reverted.
    Q_INVOKABLE bool undo();
    Q_INVOKABLE bool load(const QString &recordId);
    Q_INVOKABLE void reset();
    Q_INVOKABLE void startTimer();
    Q_INVOKABLE void stopTimer();

    // ... getters and private members are the implementer's (see interactionform.cpp)
    QString recordId() const;
    QString outboxState() const { return m_outboxState; }
    QString outboxError() const { return m_outboxError; }
    bool timerRunning() const;
    int timerSeconds() const;
    bool canSave() const;
    QVariantMap fieldErrors() const;
    QString error() const;
    bool canUndo() const;

signals:
    void changed();
    void loaded();
    void timerChanged();
    void fieldErrorsChanged();
    void undoChanged();
    void saved(const QString &recordId);

private:
    QJsonObject toJson(std::optional<int> handleTimeSeconds) const;
    void fill(const Interaction &interaction);
    void setErrors(const QVariantMap &fieldErrors, const QString &error);
    void clearUndo();
    std::optional<int> runningSeconds() const;

    QString m_channel;
    QString m_startEmotion;
    QString m_endEmotion;
    int m_handleTimeSeconds = -1;
    QString m_fcr = QStringLiteral("unknown");
    int m_perceivedEffort = -1;
    QString m_advocacy;
    int m_nps = -1;
    int m_csat = -1;
    int m_ces = -1;
    QString m_note;
    bool m_shareWithLead = false;
    QDateTime m_occurredAt;

    QString m_recordId;
    QString m_outboxState;
    QString m_outboxError;
    QVariantMap m_fieldErrors;
    QString m_error;
    // The handle-time timer counts by the session's clock, not by ticks, so a phone that slept
    // during a call still gets the right time; the ticker only refreshes the display.
    std::optional<qint64> m_timerStartMs;
    int m_timerSeconds = 0;
    QTimer m_ticker;
    // Undo of the last save: the record, and its content before an edit (none for an add).
    QUuid m_undoId;
    std::optional<Interaction> m_undoPrevious;
};

} // namespace outward
