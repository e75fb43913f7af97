#pragma once

#include "core/model/clock.h"
#include "sync/client/transport.h"
#include "sync/server/api/serverapi.h"
#include "sync/server/storage/sqliteserverstore.h"

#include <QObject>
#include <QTemporaryDir>

#include <functional>
#include <memory>

namespace outward::demo {

// outward-server's API inside the screenshot tool, so the screens show a profile really
// connected to a team (enrolled, synced, the lead's purpose received) without a network. The
// store lives in a temporary folder; the transport hands each request to ServerApi::handle and
// answers from the event loop, as a network would. Only this tool links the server; the app
// never does.
class DemoServer final : public QObject, public sync::Transport
{
    Q_OBJECT

public:
    explicit DemoServer(const Clock &clock, QObject *parent = nullptr);
    ~DemoServer() override;

    // Empty when it works; otherwise what failed.
    QString error() const { return m_error; }
    QString url() const { return QStringLiteral("https://outward.harbourstreet.example"); }
    // A one-time invite code for the team, as an administrator hands it out; empty on failure.
    QString invite(server::Role role);

    // Every request fails as an unreachable server would, until set back.
    void setOffline(bool offline) { m_offline = offline; }
    // Answers this many more pushes, then keeps the answers of later requests until release(),
    // so a screen can be caught in the middle of a large sync.
    void holdAfterPushes(int pushes);
    void release();
    // Requests waiting for release().
    int heldCount() const { return int(m_held.size()); }

    void send(const QUrl &baseUrl, const HttpRequest &request, QObject *context,
              Callback callback) override;

private:
    const Clock &m_clock;
    QTemporaryDir m_dir;
    std::unique_ptr<server::SqliteServerStore> m_store;
    std::unique_ptr<server::ServerApi> m_api;
    server::Team m_team;
    QString m_error;
    bool m_offline = false;
    int m_pushesBeforeHold = -1; // -1: never hold
    QList<std::function<void()>> m_held;
};

} // namespace outward::demo
