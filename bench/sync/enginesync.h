#pragma once

#include "core/common/result.h"
#include "core/profile/profile.h"
#include "sync/client/syncreport.h"

#include <QByteArray>
#include <QList>
#include <QString>

namespace outward::bench {

// One sync of an enrolled, unlocked profile by the app's own sync code, with its defaults:
// SyncEngine over ProfileSyncStore (pulled records through RecordService::acceptRemoteMany:
// signature checked with the pinned key, envelope opened and its key commitment checked on a
// worker, compared with the local version and stored on the engine's thread; batches of pages
// and their cursor in one transaction) and QtNetworkTransport.
struct EngineSyncRun
{
    qint64 wallNs = 0;   // SyncEngine::start() to its finished() signal
    qint64 signInNs = 0; // of which before the first pull was sent: health, challenge, token,
                         // the (empty) outbox
    qint64 waitNs = 0;   // pulls in flight, request sent to answer received; overlaps storing,
                         // since the engine asks for the next page before it stores one
    qint64 storeNs = 0;  // the engine's transactions: pulled batches checked, stored, cursor set
    QList<qint64> batchStoreNs; // storeNs per transaction, in order
    int pages = 0;
    qint64 bodyBytes = 0;     // pull answers' bodies
    QList<QString> pageUrls;  // every pull URL, in order (curl gets the same)
    QByteArray authorization; // the Authorization header the engine sent with them
    sync::SyncReport report;  // what the engine reported
    int storedRecords = 0;    // records in the profile's store afterwards
    qint64 databaseBytes = 0; // the profile's database file(s) afterwards
};

// Runs one sync to the end (success or failure) with pulls of at most pageLimit items.
Result<EngineSyncRun> syncWithEngine(Profile &profile, int pageLimit);

} // namespace outward::bench
