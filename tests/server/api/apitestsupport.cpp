#include "tests/server/api/apitestsupport.h"

#include "core/crypto/envelope.h"
#include "core/model/hlc.h"
#include "sync/protocol/crockford.h"
#include "sync/protocol/signedmessages.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QLoggingCategory>
#include <QMutex>
#include <QMutexLocker>
#include <QUuid>

using namespace Qt::StringLiterals;

namespace outward::server::test {

namespace {

// The cheapest Argon2id libsodium accepts: the server never sees the passphrase anyway.
const KdfParams kFastKdf{1, 1024 * 1024};

UnlockedKeys cloneKeys(const UnlockedKeys &keys)
{
    UnlockedKeys copy;
    copy.userId = keys.userId;
    copy.masterKey = keys.masterKey.clone();
    copy.recordWrapKey = keys.recordWrapKey.clone();
    copy.boxSecretKey = keys.boxSecretKey.clone();
    copy.signSecretKey = keys.signSecretKey.clone();
    copy.boxPublicKey = keys.boxPublicKey;
    copy.signPublicKey = keys.signPublicKey;
    return copy;
}

QJsonObject metricsFor(RecordKind kind, qint64 clockMs)
{
    const QDate day = QDateTime::fromMSecsSinceEpoch(clockMs, Qt::UTC).date();
    switch (kind) {
    case RecordKind::Interaction:
        return {{u"day"_s, day.toString(Qt::ISODate)}, {u"firstContactResolution"_s, u"yes"_s}};
    case RecordKind::ClientBrief:
        return {{u"day"_s, day.toString(Qt::ISODate)},
                {u"sectionsAnswered"_s, 0},
                {u"certainty"_s,
                 QJsonObject{{u"assumed"_s, 0}, {u"heardFromClient"_s, 0}, {u"verified"_s, 0}}},
                {u"hasImpactHypothesis"_s, false}};
    case RecordKind::Commitment:
        return {{u"status"_s, u"active"_s}, {u"progress"_s, 0}};
    case RecordKind::QuarterlyReview:
        return {{u"quarter"_s, u"2025-Q4"_s}, {u"status"_s, u"draft"_s}, {u"commitments"_s, 0}};
    case RecordKind::PulseResponse:
        return {{u"period"_s, day.toString(u"yyyy-MM"_s)}, {u"ratings"_s, QJsonObject()}};
    case RecordKind::CheckIn:
    case RecordKind::Reflection:
    case RecordKind::TeamPurpose:
    case RecordKind::QuestionnaireTemplate:
        return {};
    }
    return {};
}

} // namespace

// ---- ApiFixture

ApiFixture::ApiFixture(const SqliteServerStore::Options &storeOptions)
{
    if (!m_dir.isValid()) {
        qWarning("cannot make a temporary folder");
        return;
    }
    auto opened = SqliteServerStore::open(databasePath(), storeOptions);
    if (!opened.ok()) {
        qWarning("cannot open the store: %s", qPrintable(opened.error().toString()));
        return;
    }
    m_store = std::move(opened).value();
    m_serverId = QUuid::createUuid().toString(QUuid::WithoutBraces);
    if (auto status = m_store->initialize(m_serverId, 5); !status.ok()) {
        qWarning("cannot initialise the store: %s", qPrintable(status.error().toString()));
        return;
    }
    auto team = m_store->addTeam(u"Pension desk"_s, clock.nowMs());
    if (!team.ok()) {
        qWarning("cannot add a team: %s", qPrintable(team.error().toString()));
        return;
    }
    m_team = team.value();
    restartApi();
    m_ready = true;
}

ApiFixture::~ApiFixture() = default;

void ApiFixture::restartApi(ServerApiOptions options)
{
    m_api = std::make_unique<ServerApi>(*m_store, clock, std::move(options));
}

HttpResponse ApiFixture::send(const HttpRequest &request)
{
    HttpRequest copy = request;
    if (copy.peer.isEmpty())
        copy.peer = defaultPeer();
    HttpResponse response = m_api->handle(copy);
    m_bodies.append(response.body);
    return response;
}

HttpResponse ApiFixture::get(const QString &path, const QString &token, const QUrlQuery &query)
{
    HttpRequest request;
    request.method = "GET"_ba;
    request.path = path;
    request.query = query;
    if (!token.isEmpty())
        request.headers.append({"authorization"_ba, "Bearer "_ba + token.toLatin1()});
    return send(request);
}

HttpResponse ApiFixture::post(const QString &path, const QJsonObject &body, const QString &token,
                              const QString &peer)
{
    return postRaw(path, QJsonDocument(body).toJson(QJsonDocument::Compact), "application/json"_ba,
                   token, peer);
}

HttpResponse ApiFixture::postRaw(const QString &path, const QByteArray &body,
                                 const QByteArray &contentType, const QString &token,
                                 const QString &peer)
{
    HttpRequest request;
    request.method = "POST"_ba;
    request.path = path;
    request.body = body;
    request.peer = peer;
    if (!contentType.isEmpty())
        request.headers.append({"content-type"_ba, contentType});
    if (!token.isEmpty())
        request.headers.append({"authorization"_ba, "Bearer "_ba + token.toLatin1()});
    return send(request);
}

HttpResponse ApiFixture::del(const QString &path, const QString &token)
{
    HttpRequest request;
    request.method = "DELETE"_ba;
    request.path = path;
    if (!token.isEmpty())
        request.headers.append({"authorization"_ba, "Bearer "_ba + token.toLatin1()});
    return send(request);
}

QString ApiFixture::createInvite(Role role, qint64 lifetimeMs, const QString &teamId)
{
    const QString code = protocol::crockford::randomCode(protocol::crockford::kInviteCodeDigits);
    auto hash = protocol::signing::hashText(code);
    if (code.isEmpty() || !hash.ok())
        return {};
    Invite invite;
    invite.codeHash = hash.value();
    invite.teamId = teamId.isEmpty() ? m_team.id : teamId;
    invite.role = role;
    invite.createdAt = clock.nowMs();
    invite.expiresAt = clock.nowMs() + lifetimeMs;
    if (auto status = m_store->createInvite(invite); !status.ok()) {
        qWarning("cannot create an invite: %s", qPrintable(status.error().toString()));
        return {};
    }
    return protocol::crockford::formatInviteCode(code);
}

QString ApiFixture::createRecoveryTicket(const QString &userId, qint64 lifetimeMs)
{
    const QString code = protocol::crockford::randomCode(protocol::crockford::kInviteCodeDigits);
    auto hash = protocol::signing::hashText(code);
    if (code.isEmpty() || !hash.ok())
        return {};
    Invite ticket;
    ticket.codeHash = hash.value();
    ticket.recoverUserId = userId;
    ticket.createdAt = clock.nowMs();
    ticket.expiresAt = clock.nowMs() + lifetimeMs;
    if (auto status = m_store->createInvite(ticket); !status.ok()) {
        qWarning("cannot create a recovery ticket: %s", qPrintable(status.error().toString()));
        return {};
    }
    return protocol::crockford::formatInviteCode(code);
}

Team ApiFixture::addTeam(const QString &name)
{
    auto team = m_store->addTeam(name, clock.nowMs());
    if (!team.ok())
        qFatal("cannot add a team: %s", qPrintable(team.error().toString()));
    return team.value();
}

Client &ApiFixture::newClient(Role role, const QString &displayName)
{
    auto client = std::make_unique<Client>();
    client->userId = QUuid::createUuid().toString(QUuid::WithoutBraces);
    client->displayName =
        displayName.isEmpty() ? u"Person %1"_s.arg(m_clients.size() + 1) : displayName;
    client->role = role;
    client->node = HybridLogicalClock::newNodeId();
    client->peer = u"198.51.100.%1"_s.arg(m_clients.size() + 1);
    auto created = keyring::create(
        client->userId, SecureBytes::fromPassphrase(u"correct horse battery staple"_s), kFastKdf);
    if (!created.ok())
        qFatal("cannot create a keyring: %s", qPrintable(created.error().toString()));
    client->wrapped = created.value().wrapped;
    client->keys = std::move(created.value().keys);
    auto device = devicekey::generate();
    if (!device.ok())
        qFatal("cannot make a device key: %s", qPrintable(device.error().toString()));
    client->device = std::move(device).value();
    m_clients.push_back(std::move(client));
    return *m_clients.back();
}

Client &ApiFixture::secondDevice(const Client &of)
{
    auto client = std::make_unique<Client>();
    client->userId = of.userId;
    client->displayName = of.displayName;
    client->role = of.role;
    client->node = HybridLogicalClock::newNodeId();
    client->peer = u"198.51.100.%1"_s.arg(m_clients.size() + 1);
    client->wrapped = of.wrapped;
    client->keys = cloneKeys(of.keys);
    auto device = devicekey::generate();
    if (!device.ok())
        qFatal("cannot make a device key: %s", qPrintable(device.error().toString()));
    client->device = std::move(device).value();
    m_clients.push_back(std::move(client));
    return *m_clients.back();
}

protocol::EnrollRequest ApiFixture::enrolmentRequest(const Client &client,
                                                     const QString &inviteCode) const
{
    protocol::EnrollRequest request;
    auto digits = protocol::crockford::parse(inviteCode);
    request.inviteCode = digits.ok() ? digits.value() : inviteCode;
    request.userId = client.userId;
    request.displayName = client.displayName;
    request.boxPublicKey = client.keys.boxPublicKey;
    request.signPublicKey = client.keys.signPublicKey;
    request.wrappedSecretKeys = client.wrapped.wrappedSecretKeys;
    request.recoveryWrappedMasterKey = client.wrapped.recoveryWrappedMasterKey;
    request.device = {client.device.publicKey, client.displayName + u"'s phone"_s};
    auto message = protocol::signing::enrolmentMessage(
        m_serverId, request.userId, request.boxPublicKey, request.signPublicKey,
        request.device.publicKey, request.wrappedSecretKeys, request.recoveryWrappedMasterKey);
    if (!message.ok())
        qFatal("enrolment message: %s", qPrintable(message.error().toString()));
    auto signature = protocol::signing::sign(message.value(), client.keys.signSecretKey);
    if (!signature.ok())
        qFatal("enrolment signature: %s", qPrintable(signature.error().toString()));
    request.signature = signature.value();
    return request;
}

HttpResponse ApiFixture::enroll(Client &client, const QString &inviteCode)
{
    return enroll(client, enrolmentRequest(client, inviteCode));
}

HttpResponse ApiFixture::enroll(Client &client, const protocol::EnrollRequest &request)
{
    HttpResponse response = post(u"/v1/enroll"_s, request.toJson(), {}, client.peer);
    if (response.status == 201)
        client.deviceId = jsonOf(response).value(u"device_id"_s).toString();
    return response;
}

HttpResponse ApiFixture::authenticate(Client &client)
{
    HttpResponse challenged =
        post(u"/v1/auth/challenge"_s, protocol::ChallengeRequest{client.deviceId}.toJson(), {},
             client.peer);
    if (challenged.status != 200)
        return challenged;
    auto challenge = protocol::ChallengeResponse::fromJson(jsonOf(challenged));
    if (!challenge.ok())
        qFatal("challenge response: %s", qPrintable(challenge.error().message));
    auto message =
        protocol::signing::authMessage(m_serverId, client.deviceId, challenge->challenge);
    if (!message.ok())
        qFatal("auth message: %s", qPrintable(message.error().toString()));
    auto signature = protocol::signing::sign(message.value(), client.device.secretKey);
    if (!signature.ok())
        qFatal("auth signature: %s", qPrintable(signature.error().toString()));
    protocol::TokenRequest request{client.deviceId, challenge->challenge, signature.value()};
    HttpResponse response = post(u"/v1/auth/token"_s, request.toJson(), {}, client.peer);
    if (response.status == 200)
        client.token = jsonOf(response).value(u"token"_s).toString();
    return response;
}

Client *ApiFixture::enrolled(Role role, const QString &displayName)
{
    Client &client = newClient(role, displayName);
    const QString code = createInvite(role);
    if (code.isEmpty())
        return nullptr;
    const HttpResponse enrolment = enroll(client, code);
    if (enrolment.status != 201) {
        qWarning("enrolment failed: %s", describe(enrolment).constData());
        return nullptr;
    }
    const HttpResponse token = authenticate(client);
    if (token.status != 200) {
        qWarning("authentication failed: %s", describe(token).constData());
        return nullptr;
    }
    return &client;
}

RecordHeader ApiFixture::header(const Client &author, RecordKind kind, qint64 clockMs) const
{
    const qint64 wallMs = clockMs == 0 ? clock.nowMs() : clockMs;
    RecordHeader header;
    header.id = QUuid::createUuid();
    header.kind = kind;
    header.author = author.userId;
    header.team = m_team.id;
    header.clock = HlcTimestamp{wallMs, 0, author.node};
    header.atMs = wallMs;
    header.metrics = metricsFor(kind, wallMs);
    return header;
}

SealedRecord ApiFixture::seal(const Client &author, const RecordHeader &header,
                              const QByteArray &plaintext, const QList<QByteArray> &readerBoxKeys,
                              const Client *signer) const
{
    EnvelopeCrypto crypto(author.keys);
    auto sealed = crypto.sealCommitted(header.toBytes(), plaintext, readerBoxKeys);
    if (!sealed.ok())
        qFatal("sealing failed: %s", qPrintable(sealed.error().toString()));
    SealedRecord record;
    record.header = header;
    record.envelope = sealed->envelope;
    record.keyCommit = sealed->keyCommit;
    const SecureBytes &signKey = (signer ? signer : &author)->keys.signSecretKey;
    auto signature = protocol::signing::signRecord(record.envelope, record.keyCommit, signKey);
    if (!signature.ok())
        qFatal("signing failed: %s", qPrintable(signature.error().toString()));
    record.signature = signature.value();
    return record;
}

HttpResponse ApiFixture::push(const Client &client, const QList<SealedRecord> &records)
{
    QList<protocol::PushItem> items;
    for (const SealedRecord &record : records)
        items.append(record.item());
    return pushItems(client, items);
}

HttpResponse ApiFixture::pushItems(const Client &client, const QList<protocol::PushItem> &items)
{
    protocol::PushRequest request;
    request.items = items;
    return post(u"/v1/records"_s, request.toJson(), client.token, client.peer);
}

HttpResponse ApiFixture::pull(const Client &client, qint64 after, int limit)
{
    QUrlQuery query;
    query.addQueryItem(u"after"_s, QString::number(after));
    if (limit > 0)
        query.addQueryItem(u"limit"_s, QString::number(limit));
    return get(u"/v1/records"_s, client.token, query);
}

// ---- reading responses

QJsonObject jsonOf(const HttpResponse &response)
{
    return QJsonDocument::fromJson(response.body).object();
}

QString errorCode(const HttpResponse &response)
{
    return jsonOf(response).value(u"error"_s).toObject().value(u"code"_s).toString();
}

QString errorField(const HttpResponse &response)
{
    return jsonOf(response).value(u"error"_s).toObject().value(u"field"_s).toString();
}

QByteArray describe(const HttpResponse &response)
{
    const QJsonObject error = jsonOf(response).value(u"error"_s).toObject();
    if (error.isEmpty())
        return QByteArray::number(response.status) + ' ' + response.body.left(400);
    return QByteArray::number(response.status) + ' ' + error.value(u"code"_s).toString().toUtf8() +
           " (field " + error.value(u"field"_s).toString().toUtf8() +
           "): " + error.value(u"message"_s).toString().toUtf8();
}

QJsonObject pushResult(const HttpResponse &response, int i)
{
    return jsonOf(response).value(u"results"_s).toArray().at(i).toObject();
}

} // namespace outward::server::test
