#include "tests/sync/client/support/fakeserver.h"

#include "core/crypto/envelope.h"
#include "core/crypto/recordsignature.h"
#include "core/model/hlc.h"
#include "core/model/recordheader.h"
#include "sync/protocol/base64url.h"
#include "sync/protocol/signedmessages.h"
#include "sync/protocol/strictjson.h"
#include "tests/sync/client/support/fakeenvelope.h"

#include <QRandomGenerator>
#include <QUuid>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace outward::sync::test {

namespace {

QByteArray randomBytes(int n)
{
    QByteArray bytes(n, '\0');
    for (char &byte : bytes)
        byte = char(QRandomGenerator::global()->bounded(256));
    return bytes;
}

QString newUuid()
{
    return QUuid::createUuid().toString(QUuid::WithoutBraces);
}

protocol::ItemError itemError(QLatin1StringView code, const QString &message)
{
    return {QString(code), message, QString()};
}

} // namespace

FakeServer::FakeServer(const Clock &clock)
    : m_clock(clock)
{}

void FakeServer::addUser(const User &user)
{
    m_users.insert(user.userId, user);
    ++directoryVersion;
}

QString FakeServer::addDevice(const QString &userId, const QByteArray &publicKey,
                              const QString &deviceId)
{
    Device device;
    device.deviceId = deviceId.isEmpty() ? newUuid() : deviceId;
    device.userId = userId;
    device.publicKey = publicKey;
    device.name = u"test device"_s;
    m_devices.insert(device.deviceId, device);
    return device.deviceId;
}

void FakeServer::failNext(const QByteArray &method, const QString &path,
                          const protocol::ApiError &error, int times)
{
    m_faults.append({method, path, error, times});
}

void FakeServer::expireTokens()
{
    for (Token &token : m_tokens)
        token.expired = true;
}

qint64 FakeServer::storeVersion(const QByteArray &envelope)
{
    const std::optional<FakeEnvelope> parsed = FakeEnvelope::fromBytes(envelope);
    Q_ASSERT(parsed);
    Version version;
    version.id = parsed->id.toString(QUuid::WithoutBraces);
    version.author = parsed->author;
    version.clock = parsed->clock;
    version.deleted = parsed->deleted;
    version.readers = parsed->readers;
    version.envelope = envelope;
    version.signature = fakeSignature(envelope);
    version.keyCommit = fakeKeyCommit(envelope);
    version.seq = ++m_seq;
    m_records.insert(version.id, version);
    return version.seq;
}

protocol::PushResult FakeServer::pushAs(const QString &userId, const QByteArray &envelope)
{
    const Token caller{QString(), userId, m_clock.nowMs() + tokenLifetimeMs, false};
    return pushOne(caller, {envelope, fakeSignature(envelope), fakeKeyCommit(envelope)});
}

HttpResponse FakeServer::handle(const HttpRequest &request)
{
    for (Fault &fault : m_faults) {
        if (fault.times > 0 && fault.method == request.method && fault.path == request.path) {
            --fault.times;
            return protocol::toHttpResponse(fault.error);
        }
    }
    const QString &path = request.path;
    if (path == u"/v1/health"_s && request.method == "GET"_ba)
        return health();
    if (path == u"/v1/enroll"_s && request.method == "POST"_ba)
        return enroll(request);
    if (path == u"/v1/auth/challenge"_s && request.method == "POST"_ba)
        return challenge(request);
    if (path == u"/v1/auth/token"_s && request.method == "POST"_ba)
        return token(request);

    const bool known =
        path == u"/v1/me"_s || path == u"/v1/directory"_s || path == u"/v1/records"_s;
    if (!known)
        return protocol::toHttpResponse(protocol::ApiError::unknownEndpoint(path));
    protocol::ApiResult<Token> caller = authorize(request);
    if (!caller)
        return protocol::toHttpResponse(caller.error());
    if (path == u"/v1/me"_s && request.method == "GET"_ba)
        return me(caller.value());
    if (path == u"/v1/directory"_s && request.method == "GET"_ba)
        return protocol::jsonResponse(200, directory().toJson());
    if (path == u"/v1/records"_s && request.method == "POST"_ba)
        return push(caller.value(), request);
    if (path == u"/v1/records"_s && request.method == "GET"_ba)
        return pull(caller.value(), request);
    return protocol::toHttpResponse(
        protocol::ApiError::methodNotAllowed(request.method, {"GET"_ba, "POST"_ba}));
}

protocol::ApiResult<FakeServer::Token> FakeServer::authorize(const HttpRequest &request)
{
    const QByteArray header = request.header("authorization"_ba);
    if (!header.startsWith("Bearer "_ba))
        return protocol::ApiError::unauthenticated(u"no bearer token"_s);
    const auto found = m_tokens.constFind(QString::fromLatin1(header.mid(7)));
    if (found == m_tokens.constEnd())
        return protocol::ApiError::unauthenticated(u"unknown token"_s);
    if (found->expired || found->expiresAtMs <= m_clock.nowMs())
        return protocol::ApiError::tokenExpired();
    return *found;
}

protocol::Directory FakeServer::directory() const
{
    protocol::Directory directory;
    directory.team = team;
    directory.directoryVersion = directoryVersion;
    QStringList ids = m_users.keys();
    std::sort(ids.begin(), ids.end());
    for (const QString &id : ids) {
        const User &user = m_users.value(id);
        protocol::DirectoryMember member;
        member.userId = user.userId;
        member.displayName = user.displayName;
        member.role = user.role;
        member.status =
            user.revoked ? protocol::MemberStatus::Revoked : protocol::MemberStatus::Active;
        member.boxPublicKey = user.boxPublicKey;
        member.signPublicKey = user.signPublicKey;
        member.enrolledAt = QDateTime::fromMSecsSinceEpoch(1763800000000, Qt::UTC);
        directory.members.append(member);
    }
    return directory;
}

HttpResponse FakeServer::health()
{
    protocol::HealthResponse health;
    health.serverId = serverId;
    health.serverVersion = u"0.1.0"_s;
    health.api = {1};
    health.apiRevision = 1;
    health.envelopeFormats = {1};
    health.headerVersions = {1};
    health.time = QDateTime::fromMSecsSinceEpoch(m_clock.nowMs(), Qt::UTC);
    health.limits = protocol::HealthLimits::current();
    return protocol::jsonResponse(200, health.toJson());
}

HttpResponse FakeServer::enroll(const HttpRequest &request)
{
    auto body = protocol::parseStrictObject(request.body);
    if (!body)
        return protocol::toHttpResponse(body.error());
    auto parsed = protocol::EnrollRequest::fromJson(body.value());
    if (!parsed)
        return protocol::toHttpResponse(parsed.error());
    const protocol::EnrollRequest &enrol = parsed.value();
    const auto invite = m_invites.find(enrol.inviteCode);
    if (invite == m_invites.end())
        return protocol::toHttpResponse(protocol::ApiError::inviteInvalid(u"invite_code"_s));
    if (invite->expired)
        return protocol::toHttpResponse(protocol::ApiError::inviteExpired(u"invite_code"_s));
    if (invite->used)
        return protocol::toHttpResponse(protocol::ApiError::inviteUsed(u"invite_code"_s));
    auto message = protocol::signing::enrolmentMessage(
        serverId, enrol.userId, enrol.boxPublicKey, enrol.signPublicKey, enrol.device.publicKey,
        enrol.wrappedSecretKeys, enrol.recoveryWrappedMasterKey);
    if (!message ||
        !protocol::signing::verify(enrol.signature, message.value(), enrol.signPublicKey))
        return protocol::toHttpResponse(protocol::ApiError::invalidSignature());
    if (m_users.contains(enrol.userId))
        return protocol::toHttpResponse(protocol::ApiError::userExists());

    invite->used = true;
    addUser({enrol.userId, enrol.displayName, invite->role, enrol.boxPublicKey, enrol.signPublicKey,
             false});
    const QString deviceId = addDevice(enrol.userId, enrol.device.publicKey);
    m_devices[deviceId].name = enrol.device.name;

    protocol::EnrollResponse response;
    response.userId = enrol.userId;
    response.deviceId = deviceId;
    response.team = team;
    response.role = invite->role;
    response.serverId = serverId;
    response.directory = directory();
    return protocol::jsonResponse(201, response.toJson());
}

HttpResponse FakeServer::challenge(const HttpRequest &request)
{
    auto body = protocol::parseStrictObject(request.body);
    if (!body)
        return protocol::toHttpResponse(body.error());
    auto parsed = protocol::ChallengeRequest::fromJson(body.value());
    if (!parsed)
        return protocol::toHttpResponse(parsed.error());
    protocol::ChallengeResponse response;
    response.challenge = randomBytes(32);
    response.expiresAt = QDateTime::fromMSecsSinceEpoch(m_clock.nowMs() + 60'000, Qt::UTC);
    m_challenges.insert(response.challenge, {parsed->deviceId, m_clock.nowMs() + 60'000});
    return protocol::jsonResponse(200, response.toJson());
}

HttpResponse FakeServer::token(const HttpRequest &request)
{
    auto body = protocol::parseStrictObject(request.body);
    if (!body)
        return protocol::toHttpResponse(body.error());
    auto parsed = protocol::TokenRequest::fromJson(body.value());
    if (!parsed)
        return protocol::toHttpResponse(parsed.error());
    const auto challenge = m_challenges.take(parsed->challenge); // consumed whatever the outcome
    const auto device = m_devices.constFind(parsed->deviceId);
    if (challenge.first != parsed->deviceId || challenge.second < m_clock.nowMs() ||
        device == m_devices.constEnd())
        return protocol::toHttpResponse(protocol::ApiError::authenticationFailed());
    auto message = protocol::signing::authMessage(serverId, parsed->deviceId, parsed->challenge);
    if (!message ||
        !protocol::signing::verify(parsed->signature, message.value(), device->publicKey))
        return protocol::toHttpResponse(protocol::ApiError::authenticationFailed());
    if (device->revoked)
        return protocol::toHttpResponse(protocol::ApiError::deviceRevoked());
    const User user = m_users.value(device->userId);

    const QString text = u"owt1_"_s + protocol::base64url::encode(randomBytes(32));
    Token token{device->deviceId, device->userId, m_clock.nowMs() + tokenLifetimeMs, false};
    m_tokens.insert(text, token);
    ++m_tokensIssued;

    protocol::TokenResponse response;
    response.token = text;
    response.expiresAt = QDateTime::fromMSecsSinceEpoch(token.expiresAtMs, Qt::UTC);
    response.userId = token.userId;
    response.deviceId = token.deviceId;
    response.team = team;
    response.role = user.role;
    response.directoryVersion = directoryVersion;
    return protocol::jsonResponse(200, response.toJson());
}

HttpResponse FakeServer::me(const Token &token)
{
    protocol::MeResponse response;
    response.userId = token.userId;
    response.deviceId = token.deviceId;
    response.team = team;
    response.role = m_users.value(token.userId).role;
    response.tokenExpiresAt = QDateTime::fromMSecsSinceEpoch(token.expiresAtMs, Qt::UTC);
    response.directoryVersion = directoryVersion;
    return protocol::jsonResponse(200, response.toJson());
}

HttpResponse FakeServer::push(const Token &token, const HttpRequest &request)
{
    ++m_pushRequests;
    auto body = protocol::parseStrictObject(request.body);
    if (!body)
        return protocol::toHttpResponse(body.error());
    auto parsed = protocol::PushRequest::fromJson(body.value());
    if (!parsed)
        return protocol::toHttpResponse(parsed.error());
    protocol::PushResponse response;
    for (const protocol::PushItem &item : parsed->items)
        response.results.append(pushOne(token, item));
    response.directoryVersion = directoryVersion;
    return protocol::jsonResponse(200, response.toJson());
}

std::optional<FakeServer::Parsed> FakeServer::parse(const QByteArray &bytes) const
{
    Parsed parsed;
    if (!realEnvelopes) {
        const std::optional<FakeEnvelope> envelope = FakeEnvelope::fromBytes(bytes);
        if (!envelope)
            return std::nullopt;
        parsed.id = envelope->id.toString(QUuid::WithoutBraces);
        parsed.clock = envelope->clock;
        parsed.author = envelope->author;
        parsed.deleted = envelope->deleted;
        parsed.readers = envelope->readers;
        return parsed;
    }
    Result<envelope::Structure> structure = envelope::structureOf(bytes);
    if (!structure)
        return std::nullopt;
    Result<RecordHeader> header = RecordHeader::fromBytes(structure->header);
    if (!header)
        return std::nullopt;
    parsed.id = header->idText();
    parsed.clock = header->clock.toString();
    parsed.author = header->author;
    parsed.deleted = header->deleted;
    for (qsizetype i = 1; i < structure->wraps.size(); ++i) {
        for (const User &user : m_users) {
            if (user.boxPublicKey == structure->wraps.at(i).recipient)
                parsed.readers << user.userId;
        }
    }
    return parsed;
}

bool FakeServer::signatureVerifies(const protocol::PushItem &item, const QString &author) const
{
    if (!realEnvelopes)
        return item.signature == fakeSignature(item.envelope) &&
               item.keyCommit == fakeKeyCommit(item.envelope);
    return recordsig::verify(item.envelope, item.keyCommit, item.signature,
                             m_users.value(author).signPublicKey)
        .ok();
}

protocol::PushResult FakeServer::pushOne(const Token &token, const protocol::PushItem &item)
{
    const std::optional<Parsed> envelope = parse(item.envelope);
    if (!envelope)
        return protocol::PushResult::rejected(
            {}, {}, itemError(protocol::code::kMalformedEnvelope, u"not an envelope"_s));
    const QString id = envelope->id;
    const QString &clock = envelope->clock;

    // 11.2 step 2: an exact retry of the current version gets the same answer.
    const auto stored = m_records.find(id);
    const bool sameBytes = stored != m_records.end() && stored->envelope == item.envelope &&
                           stored->signature == item.signature &&
                           stored->keyCommit == item.keyCommit;
    if (sameBytes && stored->author == token.userId)
        return protocol::PushResult::accepted(id, clock, stored->seq);

    if (!signatureVerifies(item, envelope->author))
        return protocol::PushResult::rejected(
            id, clock,
            itemError(protocol::code::kBadSignature, u"the signature does not verify"_s));
    if (envelope->author != token.userId)
        return protocol::PushResult::rejected(
            id, clock,
            itemError(protocol::code::kAuthorMismatch, u"the author is not the caller"_s));
    const std::optional<HlcTimestamp> timestamp = HlcTimestamp::fromString(clock);
    if (!timestamp)
        return protocol::PushResult::rejected(
            id, clock, itemError(protocol::code::kInvalidHeader, u"bad clock"_s));

    if (stored != m_records.end()) {
        if (stored->author != token.userId)
            return protocol::PushResult::rejected(
                id, clock, itemError(protocol::code::kIdTaken, u"another author's id"_s));
        if (stored->clock == clock)
            return protocol::PushResult::rejected(
                id, clock, itemError(protocol::code::kClockReused, u"same clock, other bytes"_s));
        if (clock < stored->clock)
            return protocol::PushResult::conflict(id, clock, stored->clock, stored->seq,
                                                  stored->deleted);
        if (stored->deleted && !envelope->deleted)
            return protocol::PushResult::rejected(
                id, clock, itemError(protocol::code::kRecordDeleted, u"deleted"_s));
    }
    const qint64 aheadMs = timestamp->wallMs - m_clock.nowMs();
    if (aheadMs > 3600 * 1000) {
        const qint64 retryAfter = (aheadMs - 3600 * 1000 + 999) / 1000;
        return protocol::PushResult::deferred(
            id, clock, retryAfter,
            itemError(protocol::code::kClockInFuture, u"the clock is ahead"_s));
    }

    Version version;
    version.id = id;
    version.author = envelope->author;
    version.clock = clock;
    version.deleted = envelope->deleted;
    version.readers = envelope->readers;
    version.envelope = item.envelope;
    version.signature = item.signature;
    version.keyCommit = item.keyCommit;
    version.seq = ++m_seq;
    if (stored != m_records.end()) {
        for (const QString &reader : std::as_const(stored->readers)) {
            if (!version.readers.contains(reader))
                m_removals.append({reader, id, version.seq});
        }
    }
    m_removals.removeIf([&](const Removal &removal) {
        return removal.id == id && version.readers.contains(removal.userId);
    });
    m_records.insert(id, version);
    return protocol::PushResult::accepted(id, clock, version.seq);
}

bool FakeServer::visible(const Version &version, const QString &userId) const
{
    return version.author == userId || version.readers.contains(userId);
}

HttpResponse FakeServer::pull(const Token &token, const HttpRequest &request)
{
    auto query = protocol::PullQuery::fromQuery(request.query);
    if (!query)
        return protocol::toHttpResponse(query.error());
    const qint64 highWater = m_seq;
    QList<protocol::PullItem> items;
    for (const Version &version : std::as_const(m_records)) {
        if (visible(version, token.userId) && version.seq > query->after &&
            version.seq <= highWater)
            items.append(protocol::PullItem::record(version.seq, version.envelope,
                                                    version.signature, version.keyCommit));
    }
    for (const Removal &removal : std::as_const(m_removals)) {
        if (removal.userId == token.userId && removal.seq > query->after &&
            removal.seq <= highWater)
            items.append(protocol::PullItem::removed(removal.seq, removal.id));
    }
    std::sort(
        items.begin(), items.end(),
        [](const protocol::PullItem &a, const protocol::PullItem &b) { return a.seq < b.seq; });

    protocol::PullPage page;
    page.hasMore = items.size() > query->limit;
    page.items = items.mid(0, query->limit);
    page.cursor = page.hasMore ? page.items.constLast().seq : highWater;
    page.highWater = highWater;
    page.directoryVersion = directoryVersion;
    page.serverTime = QDateTime::fromMSecsSinceEpoch(m_clock.nowMs(), Qt::UTC);
    return protocol::jsonResponse(200, page.toJson());
}

} // namespace outward::sync::test
