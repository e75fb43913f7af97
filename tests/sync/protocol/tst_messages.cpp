#include "sync/protocol/base64url.h"
#include "sync/protocol/messages.h"
#include "sync/protocol/signedmessages.h"
#include "sync/protocol/timetext.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

using namespace outward;
using namespace outward::protocol;
using namespace Qt::StringLiterals;

namespace {

const QString kServerId = u"9b2e4c1a-7d3f-4e8b-a1c2-3d4e5f607182"_s;
const QString kUserId = u"5d1c2b7a-8e4f-4a3b-9c6d-0e1f2a3b4c5d"_s;
const QString kDeviceId = u"0b6f9a3e-3c1d-4f7e-9a53-2d8c4f1e7a10"_s;
const QString kTeamId = u"3f2b1a09-8c7d-4e6f-b5a4-9382716f5e4d"_s;
const QString kClock = u"0001763800000000-002a-6f1c9e0b7d2a4c35"_s;

QDateTime at(qint64 ms)
{
    return *parseTime(formatTimeMs(ms));
}

QByteArray bytesOf(int size, char fill)
{
    return QByteArray(size, fill);
}

Team team()
{
    return Team{kTeamId, u"Pension desk"_s};
}

Directory directory()
{
    Directory result;
    result.team = team();
    result.directoryVersion = 12;
    DirectoryMember member;
    member.userId = kUserId;
    member.displayName = u"Ann Lee"_s;
    member.role = Role::Lead;
    member.status = MemberStatus::Revoked;
    member.boxPublicKey = bytesOf(32, 'b');
    member.signPublicKey = bytesOf(32, 's');
    member.enrolledAt = at(1763800000123);
    result.members = {member, member};
    result.members[1].userId = kDeviceId;
    result.members[1].role = Role::Staff;
    result.members[1].status = MemberStatus::Active;
    return result;
}

KeyringBlobs keyringBlobs()
{
    return KeyringBlobs{bytesOf(32, 'b'), bytesOf(32, 's'), bytesOf(136, 'w'), bytesOf(72, 'r')};
}

// toJson -> fromJson -> toJson gives the same JSON, through the bytes that travel.
template<typename T>
T roundTrip(const T &value)
{
    const QByteArray wire = QJsonDocument(value.toJson()).toJson(QJsonDocument::Compact);
    auto parsed = T::fromJson(QJsonDocument::fromJson(wire).object());
    if (!parsed)
        qFatal("round trip failed: %s", qPrintable(parsed.error().message));
    if (parsed->toJson() != value.toJson())
        qFatal("round trip changed the JSON: %s", wire.constData());
    return std::move(parsed).value();
}

template<typename T>
ApiError failure(const QJsonObject &json)
{
    auto parsed = T::fromJson(json);
    if (parsed)
        qFatal("expected a failure for %s",
               QJsonDocument(json).toJson(QJsonDocument::Compact).constData());
    return parsed.error();
}

// A request refuses an unknown member; a response ignores it.
template<typename T>
void checkUnknownMembers(const T &value, bool isRequest)
{
    QJsonObject json = value.toJson();
    json.insert("zz_new"_L1, 1);
    const auto parsed = T::fromJson(json);
    QCOMPARE(parsed.ok(), !isRequest);
    if (isRequest) {
        QCOMPARE(parsed.error().code, u"unknown_field"_s);
        QCOMPARE(parsed.error().field, u"zz_new"_s);
    }
}

EnrollRequest enrollRequest()
{
    EnrollRequest request;
    request.inviteCode = u"7KQ2MX9D4TR0WPZ3HB8N"_s;
    request.userId = kUserId;
    request.displayName = u"Ann Lee"_s;
    request.boxPublicKey = bytesOf(32, 'b');
    request.signPublicKey = bytesOf(32, 's');
    request.wrappedSecretKeys = bytesOf(136, 'w');
    request.recoveryWrappedMasterKey = bytesOf(72, 'r');
    request.device = NewDevice{bytesOf(32, 'd'), u"Ann's phone"_s};
    request.signature = bytesOf(64, 'g');
    return request;
}

PushRequest pushRequest()
{
    PushRequest request;
    request.items = {PushItem{"OWE\x01 env"_ba, bytesOf(64, 'g'), bytesOf(32, 'k')},
                     PushItem{bytesOf(1000, 'e'), bytesOf(64, 'h'), bytesOf(32, 'l')}};
    return request;
}

} // namespace

class TestMessages : public QObject
{
    Q_OBJECT

private slots:
    void health()
    {
        HealthResponse health;
        health.serverId = kServerId;
        health.serverVersion = u"0.1.0"_s;
        health.api = {1};
        health.apiRevision = 1;
        health.envelopeFormats = {1};
        health.headerVersions = {1};
        health.time = at(1763800000000);
        health.limits = HealthLimits::current();
        const QJsonObject limits = health.toJson().value("limits"_L1).toObject();
        QCOMPARE(
            QJsonDocument(limits).toJson(QJsonDocument::Compact),
            R"({"body_bytes":65536,"envelope_bytes":4194304,"max_clock_ahead_ms":3600000,"page_default":200,"page_max":1000,"push_body_bytes":16777216,"push_items":500})"_ba);
        const HealthResponse back = roundTrip(health);
        QCOMPARE(back.serverId, kServerId);
        QCOMPARE(back.api, QList<qint64>{1});
        QCOMPARE(back.limits.pushItems, 500);
        QCOMPARE(back.time, health.time);
        checkUnknownMembers(health, false);
        QJsonObject bad = health.toJson();
        bad.insert("server_id"_L1, u"not-a-uuid"_s);
        QCOMPARE(failure<HealthResponse>(bad).field, u"server_id"_s);
    }

    void enrollRequestRoundTripAndRules()
    {
        const EnrollRequest request = enrollRequest();
        const EnrollRequest back = roundTrip(request);
        QCOMPARE(back.device, request.device);
        QCOMPARE(back.recoveryWrappedMasterKey, request.recoveryWrappedMasterKey);
        QCOMPARE(request.toJson().keys(),
                 (QStringList{u"box_public_key"_s, u"device"_s, u"display_name"_s, u"invite_code"_s,
                              u"recovery_wrapped_master_key"_s, u"sign_public_key"_s,
                              u"signature"_s, u"user_id"_s, u"wrapped_secret_keys"_s}));
        checkUnknownMembers(request, true);

        // Typed forms of the code are accepted and made canonical.
        QJsonObject typed = request.toJson();
        typed.insert("invite_code"_L1, u"7kq2m-x9d4t-rowpz-3hb8n"_s);
        QCOMPARE(EnrollRequest::fromJson(typed)->inviteCode, u"7KQ2MX9D4TR0WPZ3HB8N"_s);

        QJsonObject badCode = request.toJson();
        badCode.insert("invite_code"_L1, u"7KQ2M-X9D4T-R0WPZ-3HB8U"_s);
        const ApiError codeError = failure<EnrollRequest>(badCode);
        QCOMPARE(codeError.code, u"invalid_field"_s);
        QCOMPARE(codeError.field, u"invite_code"_s);
        QVERIFY(codeError.message.contains(u"\"U\""_s));

        QJsonObject shortKey = request.toJson();
        shortKey.insert("wrapped_secret_keys"_L1, base64url::encode(bytesOf(135, 'w')));
        QCOMPARE(failure<EnrollRequest>(shortKey).field, u"wrapped_secret_keys"_s);

        QJsonObject deviceExtra = request.toJson();
        QJsonObject device = deviceExtra.value("device"_L1).toObject();
        device.insert("os"_L1, u"linux"_s);
        deviceExtra.insert("device"_L1, device);
        const ApiError extra = failure<EnrollRequest>(deviceExtra);
        QCOMPARE(extra.code, u"unknown_field"_s);
        QCOMPARE(extra.field, u"device.os"_s);

        QJsonObject badName = request.toJson();
        device = badName.value("device"_L1).toObject();
        device.insert("name"_L1, u"tab\there"_s);
        badName.insert("device"_L1, device);
        QCOMPARE(failure<EnrollRequest>(badName).field, u"device.name"_s);

        QJsonObject missing = request.toJson();
        missing.remove("signature"_L1);
        const ApiError missingError = failure<EnrollRequest>(missing);
        QCOMPARE(missingError.code, u"missing_field"_s);
        QCOMPARE(missingError.field, u"signature"_s);

        QJsonObject nullName = request.toJson();
        nullName.insert("display_name"_L1, QJsonValue::Null);
        QCOMPARE(failure<EnrollRequest>(nullName).code, u"missing_field"_s);
    }

    void enrollResponse()
    {
        EnrollResponse response;
        response.userId = kUserId;
        response.deviceId = kDeviceId;
        response.team = team();
        response.role = Role::Admin;
        response.serverId = kServerId;
        response.directory = directory();
        const EnrollResponse back = roundTrip(response);
        QCOMPARE(back.team, team());
        QCOMPARE(back.role, Role::Admin);
        QCOMPARE(back.directory.members.size(), 2);
        QCOMPARE(back.directory.members[0].status, MemberStatus::Revoked);
        QCOMPARE(back.directory.members[0].enrolledAt, at(1763800000123));
        checkUnknownMembers(response, false);

        QJsonObject badRole = response.toJson();
        badRole.insert("role"_L1, u"boss"_s);
        QCOMPARE(failure<EnrollResponse>(badRole).field, u"role"_s);
        QJsonObject badMember = response.toJson();
        QJsonObject dir = badMember.value("directory"_L1).toObject();
        QJsonArray members = dir.value("members"_L1).toArray();
        QJsonObject first = members.at(1).toObject();
        first.insert("box_public_key"_L1, u"AAAA"_s);
        members.replace(1, first);
        dir.insert("members"_L1, members);
        badMember.insert("directory"_L1, dir);
        QCOMPARE(failure<EnrollResponse>(badMember).field,
                 u"directory.members[1].box_public_key"_s);
    }

    void directory_()
    {
        const Directory value = directory();
        const Directory back = roundTrip(value);
        QCOMPARE(back.directoryVersion, 12);
        QCOMPARE(back.members[1].userId, kDeviceId);
        checkUnknownMembers(value, false);
        QJsonObject badVersion = value.toJson();
        badVersion.insert("directory_version"_L1, -1);
        QCOMPARE(failure<Directory>(badVersion).field, u"directory_version"_s);
    }

    void authentication()
    {
        const ChallengeRequest challengeRequest{kDeviceId};
        QCOMPARE(roundTrip(challengeRequest).deviceId, kDeviceId);
        checkUnknownMembers(challengeRequest, true);
        QCOMPARE(
            failure<ChallengeRequest>(QJsonObject{{"device_id"_L1, kDeviceId.toUpper()}}).field,
            u"device_id"_s);

        const ChallengeResponse challenge{bytesOf(32, 'c'), at(1763800060000)};
        QCOMPARE(roundTrip(challenge).challenge, bytesOf(32, 'c'));
        checkUnknownMembers(challenge, false);
        QJsonObject badChallenge = challenge.toJson();
        badChallenge.insert("challenge"_L1, base64url::encode(bytesOf(16, 'c')));
        QCOMPARE(failure<ChallengeResponse>(badChallenge).field, u"challenge"_s);

        const TokenRequest tokenRequest{kDeviceId, bytesOf(32, 'c'), bytesOf(64, 's')};
        QCOMPARE(roundTrip(tokenRequest).signature, bytesOf(64, 's'));
        checkUnknownMembers(tokenRequest, true);
        QJsonObject badSignature = tokenRequest.toJson();
        badSignature.insert("signature"_L1, base64url::encode(bytesOf(64, 's')) + u"="_s);
        QCOMPARE(failure<TokenRequest>(badSignature).field, u"signature"_s);

        TokenResponse token;
        token.token = signing::newToken();
        token.expiresAt = at(1763803600000);
        token.userId = kUserId;
        token.deviceId = kDeviceId;
        token.team = team();
        token.role = Role::Staff;
        token.directoryVersion = 3;
        QCOMPARE(roundTrip(token).token, token.token);
        checkUnknownMembers(token, false);
        QJsonObject noTeam = token.toJson();
        noTeam.remove("team"_L1);
        QCOMPARE(failure<TokenResponse>(noTeam).code, u"missing_field"_s);

        MeResponse me;
        me.userId = kUserId;
        me.deviceId = kDeviceId;
        me.team = team();
        me.role = Role::Lead;
        me.tokenExpiresAt = at(1763803600000);
        me.directoryVersion = 4;
        QCOMPARE(roundTrip(me).tokenExpiresAt, me.tokenExpiresAt);
        checkUnknownMembers(me, false);
        QJsonObject badTime = me.toJson();
        badTime.insert("token_expires_at"_L1, u"yesterday"_s);
        QCOMPARE(failure<MeResponse>(badTime).field, u"token_expires_at"_s);
    }

    void pushRequest_()
    {
        const PushRequest request = pushRequest();
        const PushRequest back = roundTrip(request);
        QCOMPARE(back.items.size(), 2);
        QCOMPARE(back.items[0].envelope, "OWE\x01 env"_ba);
        checkUnknownMembers(request, true);

        QCOMPARE(failure<PushRequest>(QJsonObject{{"items"_L1, QJsonArray()}}).field, u"items"_s);
        QJsonArray many;
        for (int i = 0; i < 501; ++i)
            many.append(request.items[0].toJson());
        const ApiError tooMany = failure<PushRequest>(QJsonObject{{"items"_L1, many}});
        QCOMPARE(tooMany.code, u"invalid_field"_s);
        QCOMPARE(tooMany.field, u"items"_s);
        many.removeLast();
        QVERIFY(PushRequest::fromJson(QJsonObject{{"items"_L1, many}}).ok());

        QJsonObject badItem = request.toJson();
        QJsonArray items = badItem.value("items"_L1).toArray();
        QJsonObject second = items.at(1).toObject();
        second.insert("key_commit"_L1, u"!!"_s);
        items.replace(1, second);
        badItem.insert("items"_L1, items);
        QCOMPARE(failure<PushRequest>(badItem).field, u"items[1].key_commit"_s);

        second.insert("key_commit"_L1, base64url::encode(bytesOf(32, 'k')));
        second.insert("extra"_L1, 1);
        items.replace(1, second);
        badItem.insert("items"_L1, items);
        QCOMPARE(failure<PushRequest>(badItem).field, u"items[1].extra"_s);

        // An empty envelope fails the request; a large one is left to the per-item check.
        QJsonObject empty = request.toJson();
        items = empty.value("items"_L1).toArray();
        QJsonObject first = items.at(0).toObject();
        first.insert("envelope"_L1, u""_s);
        items.replace(0, first);
        empty.insert("items"_L1, items);
        QCOMPARE(failure<PushRequest>(empty).field, u"items[0].envelope"_s);
        PushRequest large;
        large.items = {
            PushItem{bytesOf(4 * 1024 * 1024 + 1, 'e'), bytesOf(64, 'g'), bytesOf(32, 'k')}};
        QVERIFY(PushRequest::fromJson(large.toJson()).ok());
    }

    void pushResponse()
    {
        PushResponse response;
        response.directoryVersion = 12;
        response.results = {
            PushResult::accepted(kUserId, kClock, 1041),
            PushResult::conflict(kUserId, kClock, kClock, 977, false),
            PushResult::deferred(
                kUserId, kClock, 5400,
                ItemError{u"clock_in_future"_s, u"ahead"_s, u"items[2].header.clock"_s}),
            PushResult::rejected(
                QString(), QString(),
                ItemError{u"malformed_envelope"_s, u"bad"_s, u"items[3].envelope"_s}),
        };
        const PushResponse back = roundTrip(response);
        QCOMPARE(back.results.size(), 4);
        QCOMPARE(back.results[0].seq, std::optional<qint64>(1041));
        QCOMPARE(back.results[1].currentSeq, std::optional<qint64>(977));
        QCOMPARE(back.results[1].currentDeleted, std::optional<bool>(false));
        QCOMPARE(back.results[2].retryAfterSeconds, std::optional<qint64>(5400));
        QCOMPARE(back.results[2].error->field, u"items[2].header.clock"_s);
        QVERIFY(back.results[3].id.isEmpty());
        QCOMPARE(back.results[3].status, PushStatus::Rejected);
        checkUnknownMembers(response, false);

        // The documented shape of a result.
        QCOMPARE(response.results[0].toJson(), (QJsonObject{{"status"_L1, u"accepted"_s},
                                                            {"id"_L1, kUserId},
                                                            {"clock"_L1, kClock},
                                                            {"seq"_L1, 1041}}));
        QCOMPARE(response.results[1].toJson().keys(),
                 (QStringList{u"clock"_s, u"current_clock"_s, u"current_deleted"_s,
                              u"current_seq"_s, u"id"_s, u"status"_s}));

        // Each status needs its members.
        QJsonObject acceptedWithoutSeq = response.results[0].toJson();
        acceptedWithoutSeq.remove("seq"_L1);
        const auto missingSeq = PushResult::fromJson(acceptedWithoutSeq, u"results[0]"_s);
        QCOMPARE(missingSeq.error().field, u"results[0].seq"_s);
        QJsonObject rejectedWithoutError = response.results[3].toJson();
        rejectedWithoutError.remove("error"_L1);
        QCOMPARE(PushResult::fromJson(rejectedWithoutError, u"results[3]"_s).error().code,
                 u"missing_field"_s);
        QJsonObject unknownStatus = response.results[0].toJson();
        unknownStatus.insert("status"_L1, u"maybe"_s);
        QCOMPARE(PushResult::fromJson(unknownStatus, u"r"_s).error().field, u"r.status"_s);
    }

    void pullQuery()
    {
        QUrlQuery query;
        query.addQueryItem(u"after"_s, u"1040"_s);
        query.addQueryItem(u"limit"_s, u"1000"_s);
        const auto parsed = PullQuery::fromQuery(query);
        QVERIFY(parsed.ok());
        QCOMPARE(parsed->after, 1040);
        QCOMPARE(parsed->limit, 1000);
        QCOMPARE(PullQuery::fromQuery(parsed->toQuery())->after, 1040);

        const auto defaults = PullQuery::fromQuery(QUrlQuery(u"after=0"_s));
        QCOMPARE(defaults->limit, 200);

        const auto check = [](const QString &text, const QString &field) {
            const auto result = PullQuery::fromQuery(QUrlQuery(text));
            QVERIFY2(!result.ok(), qPrintable(text));
            QCOMPARE(result.error().code, u"invalid_query"_s);
            QCOMPARE(result.error().httpStatus, 400);
            QCOMPARE(result.error().field, field);
        };
        check(u"after=0&limit=0"_s, u"limit"_s);
        check(u"after=0&limit=1001"_s, u"limit"_s);
        check(u"after=0&limit=ten"_s, u"limit"_s);
        check(u"after=-1"_s, u"after"_s);
        check(u"after=+1"_s, u"after"_s);
        check(u"after=1.5"_s, u"after"_s);
        check(u"after=99999999999999999999"_s, u"after"_s);
        check(u"limit=5"_s, u"after"_s);
        check(u"after=1&after=2"_s, u"after"_s);
        check(u"after=1&since=2"_s, u"since"_s);
    }

    void pullPage()
    {
        PullPage page;
        page.items = {PullItem::record(1040, "OWE\x01 env"_ba, bytesOf(64, 'g'), bytesOf(32, 'k')),
                      PullItem::removed(1041, kUserId)};
        page.cursor = 1041;
        page.hasMore = true;
        page.highWater = 1187;
        page.directoryVersion = 12;
        page.serverTime = at(1763805731120);
        const PullPage back = roundTrip(page);
        QCOMPARE(back.items[0].type, PullItemType::Record);
        QCOMPARE(back.items[0].keyCommit, bytesOf(32, 'k'));
        QCOMPARE(back.items[1].type, PullItemType::Removed);
        QCOMPARE(back.items[1].id, kUserId);
        QCOMPARE(back.highWater, 1187);
        QCOMPARE(formatTime(back.serverTime), u"2025-11-22T10:02:11.120Z"_s);
        checkUnknownMembers(page, false);
        QCOMPARE(page.items[1].toJson(),
                 (QJsonObject{{"type"_L1, u"removed"_s}, {"seq"_L1, 1041}, {"id"_L1, kUserId}}));

        QJsonObject badItem = page.toJson();
        QJsonArray items = badItem.value("items"_L1).toArray();
        QJsonObject record = items.at(0).toObject();
        record.remove("signature"_L1);
        items.replace(0, record);
        badItem.insert("items"_L1, items);
        QCOMPARE(failure<PullPage>(badItem).field, u"items[0].signature"_s);
    }

    void devices()
    {
        DeviceList list;
        DeviceEntry phone;
        phone.deviceId = kDeviceId;
        phone.name = u"Phone"_s;
        phone.createdAt = at(1763800000000);
        phone.lastSeenAt = at(1763800001000);
        phone.current = true;
        DeviceEntry tablet = phone;
        tablet.deviceId = kUserId;
        tablet.lastSeenAt.reset();
        tablet.status = DeviceStatus::Revoked;
        tablet.current = false;
        list.devices = {phone, tablet};
        const DeviceList back = roundTrip(list);
        QCOMPARE(back.devices[0].lastSeenAt, phone.lastSeenAt);
        QVERIFY(!back.devices[1].lastSeenAt.has_value());
        QCOMPARE(back.devices[1].status, DeviceStatus::Revoked);
        QVERIFY(back.devices[0].current);
        checkUnknownMembers(list, false);
        QJsonObject bad = list.toJson();
        QJsonArray devices = bad.value("devices"_L1).toArray();
        QJsonObject entry = devices.at(0).toObject();
        entry.insert("current"_L1, u"yes"_s);
        devices.replace(0, entry);
        bad.insert("devices"_L1, devices);
        QCOMPARE(failure<DeviceList>(bad).field, u"devices[0].current"_s);
    }

    void linkOffers()
    {
        const LinkOfferRequest request{bytesOf(16, 'm'), bytesOf(72, 'b')};
        QCOMPARE(roundTrip(request).blob, bytesOf(72, 'b'));
        checkUnknownMembers(request, true);
        QJsonObject shortBlob = request.toJson();
        shortBlob.insert("blob"_L1, base64url::encode(bytesOf(71, 'b')));
        QCOMPARE(failure<LinkOfferRequest>(shortBlob).field, u"blob"_s);

        const LinkOfferResponse response{at(1763800600000)};
        QCOMPARE(roundTrip(response).expiresAt, response.expiresAt);
        checkUnknownMembers(response, false);

        const LinkOfferStatus waiting{LinkState::Waiting, QString()};
        QCOMPARE(waiting.toJson(), (QJsonObject{{"status"_L1, u"waiting"_s}}));
        QCOMPARE(roundTrip(waiting).status, LinkState::Waiting);
        const LinkOfferStatus registered{LinkState::Registered, kDeviceId};
        QCOMPARE(roundTrip(registered).deviceId, kDeviceId);
        checkUnknownMembers(registered, false);
        QCOMPARE(failure<LinkOfferStatus>(QJsonObject{{"status"_L1, u"gone"_s}}).field,
                 u"status"_s);
    }

    void claims()
    {
        const LinkClaimRequest claim{bytesOf(16, 'm')};
        QCOMPARE(roundTrip(claim).mailboxId, bytesOf(16, 'm'));
        checkUnknownMembers(claim, true);
        QCOMPARE(failure<LinkClaimRequest>(QJsonObject{{"mailbox_id"_L1, 16}}).field,
                 u"mailbox_id"_s);

        LinkClaimResponse linked;
        linked.userId = kUserId;
        linked.team = team();
        linked.role = Role::Staff;
        linked.serverId = kServerId;
        linked.blob = bytesOf(72, 'b');
        linked.keyring = keyringBlobs();
        linked.claimToken = signing::newClaimToken();
        const LinkClaimResponse linkedBack = roundTrip(linked);
        QCOMPARE(linkedBack.keyring, keyringBlobs());
        QCOMPARE(linkedBack.claimToken, linked.claimToken);
        checkUnknownMembers(linked, false);
        QJsonObject badKeyring = linked.toJson();
        QJsonObject keyring = badKeyring.value("keyring"_L1).toObject();
        keyring.remove("recovery_wrapped_master_key"_L1);
        badKeyring.insert("keyring"_L1, keyring);
        QCOMPARE(failure<LinkClaimResponse>(badKeyring).field,
                 u"keyring.recovery_wrapped_master_key"_s);
        QJsonObject badToken = linked.toJson();
        badToken.insert("claim_token"_L1, signing::newToken());
        QCOMPARE(failure<LinkClaimResponse>(badToken).field, u"claim_token"_s);

        RecoveryClaimResponse recovered;
        recovered.userId = kUserId;
        recovered.team = team();
        recovered.role = Role::Lead;
        recovered.serverId = kServerId;
        recovered.keyring = keyringBlobs();
        recovered.claimToken = signing::newClaimToken();
        QCOMPARE(roundTrip(recovered).role, Role::Lead);
        QVERIFY(!recovered.toJson().contains("blob"_L1));
        checkUnknownMembers(recovered, false);

        const RecoveryClaimRequest ticket{u"7KQ2MX9D4TR0WPZ3HB8N"_s};
        QCOMPARE(roundTrip(ticket).ticket, ticket.ticket);
        checkUnknownMembers(ticket, true);
        QCOMPARE(
            RecoveryClaimRequest::fromJson(QJsonObject{{"ticket"_L1, u"7KQ2M x9d4t ROWPZ 3hb8n"_s}})
                ->ticket,
            ticket.ticket);
        const ApiError shortTicket =
            failure<RecoveryClaimRequest>(QJsonObject{{"ticket"_L1, u"7KQ2M"_s}});
        QCOMPARE(shortTicket.field, u"ticket"_s);
        QCOMPARE(shortTicket.code, u"invalid_field"_s);
    }

    void deviceRegistration()
    {
        DeviceRegistrationRequest request;
        request.claimToken = signing::newClaimToken();
        request.device = NewDevice{bytesOf(32, 'd'), u"Tablet"_s};
        request.signature = bytesOf(64, 'g');
        const DeviceRegistrationRequest back = roundTrip(request);
        QCOMPARE(back.claimToken, request.claimToken);
        QCOMPARE(back.device, request.device);
        checkUnknownMembers(request, true);
        QJsonObject badKey = request.toJson();
        badKey.insert("device"_L1, QJsonObject{{"public_key"_L1, u"AAAA"_s}, {"name"_L1, u"x"_s}});
        QCOMPARE(failure<DeviceRegistrationRequest>(badKey).field, u"device.public_key"_s);
        QJsonObject noName = request.toJson();
        noName.insert("device"_L1,
                      QJsonObject{{"public_key"_L1, base64url::encode(bytesOf(32, 'd'))}});
        const ApiError missingName = failure<DeviceRegistrationRequest>(noName);
        QCOMPARE(missingName.code, u"missing_field"_s);
        QCOMPARE(missingName.field, u"device.name"_s);
    }
};

QTEST_GUILESS_MAIN(TestMessages)
#include "tst_messages.moc"
