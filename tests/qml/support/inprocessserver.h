#pragma once

#include "core/model/clock.h"
#include "core/profile/profile.h"
#include "sync/client/scheduler.h"
#include "sync/server/api/serverapi.h"
#include "sync/server/storage/sqliteserverstore.h"
#include "tests/sync/client/support/faketransport.h"

#include <QObject>
#include <QTemporaryDir>

#include <memory>

namespace outward::test {

// outward-server's real API in this process, for the app's tests: a SqliteServerStore in a
// temporary folder, initialised with one team, and a FakeTransport that routes every request
// into ServerApi::handle. Test-only: the app never links the server.
class InProcessServer : public QObject
{
    Q_OBJECT
    Q_PROPERTY(QString url READ url CONSTANT)
    Q_PROPERTY(QString teamName READ teamName CONSTANT)

public:
    explicit InProcessServer(const Clock &clock, QObject *parent = nullptr);
    ~InProcessServer() override;

    // False (with a warning) when the store could not be made.
    bool isValid() const { return m_api != nullptr; }
    QString url() const { return QStringLiteral("https://sync.test"); }
    QString teamName() const { return m_team.name; }
    const server::Team &team() const { return m_team; }
    server::ServerStore &store() { return *m_store; }
    sync::test::FakeTransport &transport() { return m_transport; }

    // A new one-time invite code for the team ("staff", "lead" or "admin"), in groups of five as
    // an administrator hands it out; empty on failure.
    Q_INVOKABLE QString newInvite(const QString &role = QStringLiteral("staff"));
    // How many requests reached (or were refused on the way to) the server.
    Q_INVOKABLE int requestCount(const QString &method, const QString &path) const;
    // Every request fails with a network error while offline.
    Q_INVOKABLE void setOffline(bool offline) { m_transport.setOffline(offline); }
    // A real delay before each answer, so a screen's busy state can be seen.
    Q_INVOKABLE void setDelayMs(int ms) { m_transport.setDelayMs(ms); }

    // The team's lead on a device of their own (a profile in this server's folder), enrolled
    // now: devices that enrol afterwards pin the lead's keys and share with them. Blocks in an
    // event loop until done; false (with a warning) on failure.
    Q_INVOKABLE bool enrolLead();
    // Syncs the lead's device and opens the record there: its content as compact JSON, or empty
    // when the lead cannot read it (not shared, or not there).
    Q_INVOKABLE QString leadReads(const QString &recordId);
    // The lead's device writes an interaction with this note and syncs it; false on failure.
    Q_INVOKABLE bool leadWrites(const QString &note);
    // The lead's device offers a link code (protocol.md 14.2) and keeps polling it every 3
    // seconds, as the app's "Add a device" page does: the code, or empty on failure.
    Q_INVOKABLE QString leadLinkCode();
    // Where that offer stands: "Waiting", "Claimed", "Registered", "Expired", ... (DeviceLink).
    Q_INVOKABLE QString leadLinkState() const;

    // A new device joins whoever made `code` (the link code shown by an "Add a device" page), in
    // a folder of this server's, as `deviceName`: true when the server added it. Blocks in an
    // event loop until done.
    Q_INVOKABLE bool joinWithCode(const QString &code, const QString &deviceName);

private:
    const Clock &m_clock;
    QTemporaryDir m_dir;
    std::unique_ptr<server::SqliteServerStore> m_store;
    std::unique_ptr<server::ServerApi> m_api;
    server::Team m_team;
    sync::test::FakeTransport m_transport;
    std::unique_ptr<Profile> m_lead;
    sync::QtScheduler m_scheduler;
    std::unique_ptr<QObject> m_leadLink; // a sync::DeviceLink
    int m_joined = 0;
};

} // namespace outward::test
