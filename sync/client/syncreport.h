#pragma once

#include <QDateTime>
#include <QMetaType>
#include <QString>

namespace outward::sync {

// What one sync did.
struct SyncReport
{
    bool ok = false;
    QString error;          // why it stopped, when !ok
    bool willRetry = false; // a retryable failure: the engine tries again after a backoff
    int pushed = 0;         // versions the server accepted
    int pulled = 0;         // versions stored or removed here
    int conflicts = 0;      // records where two versions met; the newer clock won
    int errors = 0;         // versions rejected by the server or refused here
    QDateTime startedAt;
    QDateTime finishedAt;
};

} // namespace outward::sync

Q_DECLARE_METATYPE(outward::sync::SyncReport)
