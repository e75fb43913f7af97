#pragma once

#include "core/common/result.h"
#include "core/profile/profile.h"
#include "sync/client/syncreport.h"

#include <QByteArray>
#include <QList>
#include <QString>

namespace outward::bench {

// One sync of an enrolled, unlocked profile by the app's own sync code: SyncEngine over
// ProfileSyncStore (each pulled record through RecordService::acceptRemote: signature checked
// with the pinned key, envelope opened and its key commitment checked, compared with the local
// version, stored; each page and its cursor in one transaction) and QtNetworkTransport.
struct EngineSyncRun
{
    qint64 wallNs = 0;    // SyncEngine::start() to its finished() signal
    qint64 signInNs = 0;  // of which before the first pull was sent: health, challenge, token,
                          // the (empty) outbox
    qint64 waitNs = 0;    // of which pulls in flight: request sent to answer received
    qint64 processNs = 0; // of which the engine handling pulled pages (parse, store, cursor)
    int pages = 0;
    QList<qint64> pageProcessNs; // processNs per page, in order
    qint64 bodyBytes = 0;        // pull answers' bodies
    QList<QString> pageUrls;     // every pull URL, in order (curl gets the same)
    QByteArray authorization;    // the Authorization header the engine sent with them
    sync::SyncReport report;     // what the engine reported
    int storedRecords = 0;       // records in the profile's store afterwards
    qint64 databaseBytes = 0;    // the profile's database file(s) afterwards
};

// Runs one sync to the end (success or failure) with pulls of at most pageLimit items.
Result<EngineSyncRun> syncWithEngine(Profile &profile, int pageLimit);

} // namespace outward::bench
