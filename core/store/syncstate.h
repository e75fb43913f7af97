#pragma once

#include "core/common/result.h"
#include "core/store/database.h"

#include <QByteArray>
#include <QString>

#include <optional>

namespace outward {

// What a device keeps about the server it is enrolled with (docs/storage.md section 4.1). Kept in
// `meta`: `server` and `team` as before (Profile reads them), the rest under sync* keys.
struct SyncSettings
{
    QString serverUrl; // meta.server: the base URL the user entered
    QString serverId;  // the server's UUID from /v1/health; a changed id is refused
    QString teamId;    // meta.team: every new record's header carries it
    QString teamName;
    QString role;                // "staff", "lead" or "admin", as the server said
    QString deviceId;            // assigned by the server at enrolment or device registration
    QByteArray wrappedDeviceKey; // devicekey::wrap, 104 bytes

    bool operator==(const SyncSettings &other) const;
};

// Typed access to the sync settings and the two counters a sync moves forward. Every setter joins
// a transaction the caller has open (Database::write), so a pulled page and its cursor commit
// together.
class SyncStateStore
{
public:
    explicit SyncStateStore(Database &db);

    // nullopt while the profile is not enrolled (no meta.server).
    Result<std::optional<SyncSettings>> settings();
    // Writes every field; InvalidInput when a required one is empty.
    Status saveSettings(const SyncSettings &settings);
    Status setRole(const QString &role);
    Status setTeamName(const QString &name);

    // The pull cursor (docs/protocol.md section 12); 0 before the first pull.
    Result<qint64> pullCursor();
    Status setPullCursor(qint64 cursor);

    // The directory_version of the directory last applied; nullopt before the first.
    Result<std::optional<qint64>> directoryVersion();
    Status setDirectoryVersion(qint64 version);

    // When the last sync finished without error, in ms since the epoch; nullopt before the
    // first. Kept so "last sync" survives a restart of the app.
    Result<std::optional<qint64>> lastSyncAtMs();
    Status setLastSyncAtMs(qint64 ms);

private:
    Database &m_db;
};

} // namespace outward
