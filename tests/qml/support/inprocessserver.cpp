#include "tests/qml/support/inprocessserver.h"

#include "core/crypto/kdfparams.h"
#include "core/profile/recordservice.h"
#include "sync/client/devicejoin.h"
#include "sync/client/devicelink.h"
#include "sync/client/enrollment.h"
#include "sync/client/profilesyncstore.h"
#include "sync/client/scheduler.h"
#include "sync/client/syncengine.h"
#include "sync/protocol/crockford.h"
#include "sync/protocol/signedmessages.h"

#include <QElapsedTimer>
#include <QEventLoop>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMetaEnum>
#include <QTimer>
#include <QUuid>

#include <functional>
#include <optional>

using namespace Qt::StringLiterals;

namespace outward::test {

namespace {

// Runs the event loop until `done` or the timeout; the lead's device works through it.
bool waitUntil(const std::function<bool()> &done, int timeoutMs = 10000)
{
    QElapsedTimer timer;
    timer.start();
    while (!done()) {
        if (timer.elapsed() > timeoutMs)
            return false;
        QEventLoop loop;
        QTimer::singleShot(5, &loop, &QEventLoop::quit);
        loop.exec();
    }
    return true;
}

} // namespace

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

bool InProcessServer::enrolLead()
{
    if (m_lead)
        return true;
    auto created =
        Profile::create(m_dir.filePath(u"lead"_s), SecureBytes::fromPassphrase(u"the lead"_s),
                        KdfParams{1, 8 * 1024 * 1024}, m_clock);
    if (!created) {
        qWarning("InProcessServer: %s", qPrintable(created.error().toString()));
        return false;
    }
    sync::Enrollment enrollment(*created->profile, m_transport, m_clock);
    std::optional<QString> error;
    enrollment.enroll({url(), newInvite(u"lead"_s), u"Lea"_s, u"Lea's tablet"_s},
                      [&error](sync::CallResult<sync::EnrollmentResult> result) {
                          error = result ? QString() : result.error().message;
                      });
    if (!waitUntil([&error] { return error.has_value(); }) || !error->isEmpty()) {
        qWarning("InProcessServer: the lead could not enrol: %s",
                 qPrintable(error.value_or(u"no answer"_s)));
        return false;
    }
    m_lead = std::move(created->profile);
    return true;
}

QString InProcessServer::leadReads(const QString &recordId)
{
    if (!m_lead) {
        qWarning("InProcessServer: leadReads() before enrolLead()");
        return {};
    }
    sync::ProfileSyncStore store(*m_lead);
    sync::QtScheduler scheduler;
    sync::SyncEngine engine(store, m_transport, scheduler, m_clock);
    std::optional<sync::SyncReport> report;
    connect(&engine, &sync::SyncEngine::finished, this,
            [&report](const sync::SyncReport &finished) { report = finished; });
    engine.start();
    const bool finished = waitUntil([&report] { return report.has_value(); });
    engine.stop();
    if (!finished || !report->ok) {
        qWarning("InProcessServer: the lead's sync failed: %s",
                 qPrintable(report ? report->error : u"no answer"_s));
        return {};
    }
    RecordService records(*m_lead);
    auto view = records.get(QUuid::fromString(recordId));
    if (!view)
        return {};
    return QString::fromUtf8(QJsonDocument(view->json).toJson(QJsonDocument::Compact));
}

bool InProcessServer::leadWrites(const QString &note)
{
    if (!m_lead) {
        qWarning("InProcessServer: leadWrites() before enrolLead()");
        return false;
    }
    auto added = RecordService(*m_lead).add(RecordKind::Interaction,
                                            QJsonObject{{u"channel"_s, u"phone"_s},
                                                        {u"endEmotion"_s, u"appreciation"_s},
                                                        {u"note"_s, note}});
    if (!added) {
        qWarning("InProcessServer: %s", qPrintable(added.error().toString()));
        return false;
    }
    sync::ProfileSyncStore store(*m_lead);
    sync::QtScheduler scheduler;
    sync::SyncEngine engine(store, m_transport, scheduler, m_clock);
    std::optional<sync::SyncReport> report;
    connect(&engine, &sync::SyncEngine::finished, this,
            [&report](const sync::SyncReport &finished) { report = finished; });
    engine.start();
    const bool finished = waitUntil([&report] { return report.has_value(); });
    engine.stop();
    return finished && report->ok;
}

QString InProcessServer::leadLinkCode()
{
    if (!m_lead) {
        qWarning("InProcessServer: leadLinkCode() before enrolLead()");
        return {};
    }
    auto link = std::make_unique<sync::DeviceLink>(*m_lead, m_transport, m_scheduler, m_clock);
    sync::DeviceLink *offer = link.get();
    m_leadLink = std::move(link);
    offer->start();
    if (!waitUntil([offer] { return offer->state() != sync::DeviceLink::State::Offering; }) ||
        offer->state() != sync::DeviceLink::State::Waiting) {
        qWarning("InProcessServer: the lead's link code failed: %s", qPrintable(offer->message()));
        return {};
    }
    return offer->linkCode();
}

QString InProcessServer::leadLinkState() const
{
    const auto *link = qobject_cast<const sync::DeviceLink *>(m_leadLink.get());
    if (!link)
        return {};
    return QString::fromLatin1(
        QMetaEnum::fromType<sync::DeviceLink::State>().valueToKey(int(link->state())));
}

bool InProcessServer::joinWithCode(const QString &code, const QString &deviceName)
{
    sync::DeviceJoin join(m_transport, m_clock);
    sync::JoinRequest request;
    request.serverUrl = url();
    request.code = code;
    request.profileFolder = m_dir.filePath(u"joined-%1"_s.arg(++m_joined));
    request.deviceName = deviceName;
    request.kdf = KdfParams{1, 8 * 1024 * 1024};
    std::optional<QString> error;
    join.joinWithLinkCode(request, SecureBytes::fromPassphrase(u"the joined device"_s),
                          [&error](sync::CallResult<sync::JoinResult> result) {
                              error = result ? QString() : result.error().message;
                          });
    if (!waitUntil([&error] { return error.has_value(); }) || !error->isEmpty()) {
        qWarning("InProcessServer: joining with the code failed: %s",
                 qPrintable(error.value_or(u"no answer"_s)));
        return false;
    }
    return true;
}

} // namespace outward::test
