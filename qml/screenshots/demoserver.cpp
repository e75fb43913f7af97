#include "qml/screenshots/demoserver.h"

#include "sync/protocol/crockford.h"
#include "sync/protocol/signedmessages.h"

#include <QPointer>
#include <QTimer>
#include <QUuid>

using namespace Qt::StringLiterals;

namespace outward::demo {

DemoServer::DemoServer(const Clock &clock, QObject *parent)
    : QObject(parent)
    , m_clock(clock)
{
    if (!m_dir.isValid()) {
        m_error = u"no temporary folder for the demo server"_s;
        return;
    }
    auto opened = server::SqliteServerStore::open(m_dir.filePath(u"server.db"_s));
    if (!opened) {
        m_error = opened.error().message();
        return;
    }
    m_store = std::move(opened).value();
    if (auto initialized =
            m_store->initialize(QUuid::createUuid().toString(QUuid::WithoutBraces), 5);
        !initialized) {
        m_error = initialized.error().message();
        return;
    }
    auto team = m_store->addTeam(u"Harbour Street support"_s, m_clock.nowMs());
    if (!team) {
        m_error = team.error().message();
        return;
    }
    m_team = team.value();
    m_api = std::make_unique<server::ServerApi>(*m_store, m_clock);
}

DemoServer::~DemoServer() = default;

QString DemoServer::invite(server::Role role)
{
    if (!m_store)
        return {};
    const QString code = protocol::crockford::randomCode(protocol::crockford::kInviteCodeDigits);
    auto hash = protocol::signing::hashText(code);
    if (code.isEmpty() || !hash)
        return {};
    server::Invite invite;
    invite.codeHash = hash.value();
    invite.teamId = m_team.id;
    invite.role = role;
    invite.createdAt = m_clock.nowMs();
    invite.expiresAt = invite.createdAt + 24 * 3600 * 1000LL;
    if (auto created = m_store->createInvite(invite); !created) {
        m_error = created.error().message();
        return {};
    }
    return protocol::crockford::formatInviteCode(code);
}

void DemoServer::holdAfterPushes(int pushes)
{
    m_pushesBeforeHold = pushes;
}

void DemoServer::release()
{
    m_pushesBeforeHold = -1;
    const QList<std::function<void()>> held = std::exchange(m_held, {});
    for (const auto &answer : held)
        QTimer::singleShot(0, this, answer);
}

void DemoServer::send(const QUrl &, const HttpRequest &request, QObject *context, Callback callback)
{
    sync::TransportReply reply;
    if (m_offline) {
        reply = sync::TransportReply::failure(u"Connection refused"_s);
    } else if (m_api) {
        HttpRequest routed = request;
        routed.peer = u"127.0.0.1"_s;
        reply = sync::TransportReply::fromResponse(m_api->handle(routed));
    } else {
        HttpResponse unavailable;
        unavailable.status = 503;
        reply = sync::TransportReply::fromResponse(unavailable);
    }
    QPointer<QObject> guard(context);
    auto answer = [guard, callback = std::move(callback), reply = std::move(reply)]() {
        if (guard)
            callback(reply);
    };
    const bool push = request.method == "POST"_ba && request.path == u"/v1/records"_s;
    if (m_pushesBeforeHold == 0) {
        m_held.append(std::move(answer));
        return;
    }
    if (push && m_pushesBeforeHold > 0)
        --m_pushesBeforeHold;
    QTimer::singleShot(0, this, std::move(answer));
}

} // namespace outward::demo
