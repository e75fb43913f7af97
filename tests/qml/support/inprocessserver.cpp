#include "tests/qml/support/inprocessserver.h"

#include "sync/protocol/crockford.h"
#include "sync/protocol/signedmessages.h"

#include <QUuid>

using namespace Qt::StringLiterals;

namespace outward::test {

InProcessServer::InProcessServer(const Clock &clock, QObject *parent)
    : QObject(parent)
    , m_clock(clock)
{
    if (!m_dir.isValid()) {
        qWarning("InProcessServer: no temporary folder");
        return;
    }
    auto opened = server::SqliteServerStore::open(m_dir.filePath(u"server.db"_s));
    if (!opened) {
        qWarning("InProcessServer: %s", qPrintable(opened.error().message()));
        return;
    }
    m_store = std::move(opened).value();
    const QString serverId = QUuid::createUuid().toString(QUuid::WithoutBraces);
    if (auto initialized = m_store->initialize(serverId, 5); !initialized) {
        qWarning("InProcessServer: %s", qPrintable(initialized.error().message()));
        return;
    }
    auto team = m_store->addTeam(u"Front desk"_s, m_clock.nowMs());
    if (!team) {
        qWarning("InProcessServer: %s", qPrintable(team.error().message()));
        return;
    }
    m_team = team.value();
    m_api = std::make_unique<server::ServerApi>(*m_store, m_clock);
    m_transport.setHandler([this](const QUrl &, const HttpRequest &request) {
        HttpRequest routed = request;
        routed.peer = u"127.0.0.1"_s;
        return m_api->handle(routed);
    });
}

InProcessServer::~InProcessServer() = default;

QString InProcessServer::newInvite(const QString &role)
{
    if (!m_store)
        return {};
    const QString code = protocol::crockford::randomCode(protocol::crockford::kInviteCodeDigits);
    auto hash = protocol::signing::hashText(code);
    const std::optional<server::Role> parsed = server::roleFromName(role);
    if (code.isEmpty() || !hash || !parsed)
        return {};
    server::Invite invite;
    invite.codeHash = hash.value();
    invite.teamId = m_team.id;
    invite.role = *parsed;
    invite.createdAt = m_clock.nowMs();
    invite.expiresAt = invite.createdAt + 7 * 24 * 3600 * 1000LL;
    if (auto created = m_store->createInvite(invite); !created) {
        qWarning("InProcessServer: %s", qPrintable(created.error().message()));
        return {};
    }
    return protocol::crockford::formatInviteCode(code);
}

int InProcessServer::requestCount(const QString &method, const QString &path) const
{
    return m_transport.count(method.toLatin1(), path);
}

} // namespace outward::test
