#pragma once

#include "core/profile/recordservice.h"

#include <QObject>
#include <QTimer>
#include <QtQml/qqmlregistration.h>
#include <QUrl>

#include <optional>

namespace outward {

// What the home screen shows besides today's list: the team purpose (once sync brings one; a
// friendly empty state until then), today's count, and how many records are not yet sent.
// Refreshes on Session::recordsChanged and stateChanged.
class Overview : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    QML_SINGLETON

    Q_PROPERTY(bool hasPurpose READ hasPurpose NOTIFY changed)
    Q_PROPERTY(QString purposeId READ purposeId NOTIFY changed)
    Q_PROPERTY(QString purposeWhy READ purposeWhy NOTIFY changed)
    Q_PROPERTY(QString purposeHow READ purposeHow NOTIFY changed)
    Q_PROPERTY(QString purposeWhat READ purposeWhat NOTIFY changed)
    Q_PROPERTY(QString purposeWouldMiss READ purposeWouldMiss NOTIFY changed)
    Q_PROPERTY(int todayCount READ todayCount NOTIFY changed)
    Q_PROPERTY(int unsentCount READ unsentCount NOTIFY changed) // local + queued + error
    Q_PROPERTY(int errorCount READ errorCount NOTIFY changed)

public:
    explicit Overview(QObject *parent = nullptr);

    bool hasPurpose() const;
    QString purposeId() const;
    QString purposeWhy() const;
    QString purposeHow() const;
    QString purposeWhat() const;
    QString purposeWouldMiss() const;
    int todayCount() const;
    int unsentCount() const;
    int errorCount() const;

    Q_INVOKABLE void refresh();
    // Writes the user's own records, decrypted, as JSON lines (like `outward-cli export`).
    // Returns the number written, or -1 with the reason in exportError.
    Q_INVOKABLE int exportRecords(const QUrl &file);
    Q_INVOKABLE QString exportError() const;

    // The purpose the home screen shows: the newest team purpose that is not deleted. Shared with
    // ReflectionForm so a reflection links to exactly the purpose the person sees.
    static Result<std::optional<RecordView>> latestPurpose(RecordService &records);

signals:
    void changed();

private:
    void connectToSession();
    void scheduleMidnightRefresh();

    QString m_purposeId;
    QString m_purposeWhy;
    QString m_purposeHow;
    QString m_purposeWhat;
    QString m_purposeWouldMiss;
    int m_todayCount = 0;
    int m_unsentCount = 0;
    int m_errorCount = 0;
    QString m_exportError;
    // Today's count must roll over at midnight even when nothing else changes.
    QTimer m_midnight;
};

} // namespace outward
