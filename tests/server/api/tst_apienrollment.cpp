// ServerApi: GET /v1/health, POST /v1/enroll and GET /v1/directory (protocol.md 7, 8, 10).
#include "sync/protocol/crockford.h"
#include "sync/protocol/limits.h"
#include "sync/protocol/signedmessages.h"
#include "tests/server/api/apitestsupport.h"

#include <QJsonArray>
#include <QTest>

using namespace outward;
using namespace outward::server;
using namespace outward::server::test;
using namespace Qt::StringLiterals;

namespace {

// The invite's canonical digits, as the store hashed them.
QByteArray inviteHash(const QString &shownCode)
{
    auto digits = protocol::crockford::parse(shownCode);
    auto hash = protocol::signing::hashText(digits.value());
    return hash.value();
}

} // namespace

class TestApiEnrollment : public QObject
{
    Q_OBJECT

private slots:
    void healthReportsServerAndLimits()
    {
        ApiFixture f;
        QVERIFY(f.isReady());
        const HttpResponse response = f.get(u"/v1/health"_s);
        API_COMPARE_STATUS(response, 200);
        QCOMPARE(response.header("cache-control"_ba), "no-store"_ba);
        const QJsonObject json = jsonOf(response);
        QCOMPARE(json.value(u"status"_s).toString(), u"ok"_s);
        QCOMPARE(json.value(u"server_id"_s).toString(), f.serverId());
        QCOMPARE(json.value(u"api"_s).toArray(), QJsonArray({1}));
        QCOMPARE(json.value(u"envelope_formats"_s).toArray(), QJsonArray({1}));
        QCOMPARE(json.value(u"header_versions"_s).toArray(), QJsonArray({1}));
        const QJsonObject limits = json.value(u"limits"_s).toObject();
        QCOMPARE(limits.value(u"push_body_bytes"_s).toInteger(), 16777216);
        QCOMPARE(limits.value(u"body_bytes"_s).toInteger(), 65536);
        QCOMPARE(limits.value(u"envelope_bytes"_s).toInteger(), 4194304);
        QCOMPARE(limits.value(u"push_items"_s).toInteger(), 500);
        QCOMPARE(limits.value(u"page_max"_s).toInteger(), 1000);
        QCOMPARE(limits.value(u"page_default"_s).toInteger(), 200);
        QCOMPARE(limits.value(u"max_clock_ahead_ms"_s).toInteger(), 3600000);
        auto parsed = protocol::HealthResponse::fromJson(json);
        QVERIFY2(parsed.ok(), qPrintable(parsed.ok() ? QString() : parsed.error().message));
        QCOMPARE(parsed->time.toMSecsSinceEpoch(), f.clock.nowMs());
    }

    void enrolmentCreatesUserDeviceAndDirectory()
    {
        ApiFixture f;
        QVERIFY(f.isReady());
        Client &alice = f.newClient(Role::Lead, u"Alice"_s);
        const QString code = f.createInvite(Role::Lead);
        const HttpResponse response = f.enroll(alice, code);
        API_COMPARE_STATUS(response, 201);

        auto parsed = protocol::EnrollResponse::fromJson(jsonOf(response));
        QVERIFY2(parsed.ok(), qPrintable(parsed.ok() ? QString() : parsed.error().message));
        QCOMPARE(parsed->userId, alice.userId);
        QVERIFY(protocol::signing::isCanonicalUuid(parsed->deviceId));
        QCOMPARE(parsed->team.id, f.team().id);
        QCOMPARE(parsed->team.name, u"Pension desk"_s);
        QCOMPARE(parsed->role, protocol::Role::Lead);
        QCOMPARE(parsed->serverId, f.serverId());
        QCOMPARE(parsed->directory.team.id, f.team().id);
        QCOMPARE(parsed->directory.directoryVersion, 2); // a new team is 1; enrolment bumps it
        QCOMPARE(parsed->directory.members.size(), 1);
        const protocol::DirectoryMember &member = parsed->directory.members.first();
        QCOMPARE(member.userId, alice.userId);
        QCOMPARE(member.displayName, u"Alice"_s);
        QCOMPARE(member.role, protocol::Role::Lead);
        QCOMPARE(member.status, protocol::MemberStatus::Active);
        QCOMPARE(member.boxPublicKey, alice.keys.boxPublicKey);
        QCOMPARE(member.signPublicKey, alice.keys.signPublicKey);
        QCOMPARE(member.enrolledAt.toMSecsSinceEpoch(), f.clock.nowMs());

        // The store holds what was sent, and the invite is spent.
        auto user = f.store().findUser(alice.userId);
        QVERIFY(user.ok() && user->has_value());
        QCOMPARE(user->value().wrappedSecretKeys, alice.wrapped.wrappedSecretKeys);
        QCOMPARE(user->value().recoveryWrappedMasterKey, alice.wrapped.recoveryWrappedMasterKey);
        auto device = f.store().findDevice(parsed->deviceId);
        QVERIFY(device.ok() && device->has_value());
        QCOMPARE(device->value().publicKey, alice.device.publicKey);
        QCOMPARE(device->value().userId, alice.userId);
        auto invite = f.store().findInvite(inviteHash(code));
        QVERIFY(invite.ok() && invite->has_value());
        QVERIFY(invite->value().usedAt.has_value());
    }

    void typedInviteCodeIsAccepted()
    {
        ApiFixture f;
        QVERIFY(f.isReady());
        Client &bob = f.newClient();
        const QString code = f.createInvite(Role::Staff);
        protocol::EnrollRequest request = f.enrolmentRequest(bob, code);
        QJsonObject body = request.toJson();
        // As a person types it: lower case, spaces instead of dashes. The signature does not
        // cover the code, so it stays valid.
        body.insert(u"invite_code"_s, code.toLower().replace(u'-', u' '));
        const HttpResponse response = f.post(u"/v1/enroll"_s, body, {}, bob.peer);
        API_COMPARE_STATUS(response, 201);
        QCOMPARE(jsonOf(response).value(u"role"_s).toString(), u"staff"_s);
    }

    void inviteCanBeUsedOnce()
    {
        ApiFixture f;
        QVERIFY(f.isReady());
        Client &first = f.newClient();
        Client &second = f.newClient();
        const QString code = f.createInvite(Role::Staff);
        API_COMPARE_STATUS(f.enroll(first, code), 201);
        const HttpResponse again = f.enroll(second, code);
        API_COMPARE_STATUS(again, 410);
        QCOMPARE(errorCode(again), u"invite_used"_s);
        QCOMPARE(errorField(again), u"invite_code"_s);
        auto user = f.store().findUser(second.userId);
        QVERIFY(user.ok() && !user->has_value());
    }

    void expiredInviteIsRefused()
    {
        ApiFixture f;
        QVERIFY(f.isReady());
        Client &client = f.newClient();
        const QString code = f.createInvite(Role::Staff, kHour);
        f.clock.advanceMs(kHour);
        const HttpResponse response = f.enroll(client, code);
        API_COMPARE_STATUS(response, 410);
        QCOMPARE(errorCode(response), u"invite_expired"_s);
        QCOMPARE(errorField(response), u"invite_code"_s);
    }

    void unknownInviteIsNotFound()
    {
        ApiFixture f;
        QVERIFY(f.isReady());
        Client &client = f.newClient();
        const QString code = protocol::crockford::formatInviteCode(
            protocol::crockford::randomCode(protocol::crockford::kInviteCodeDigits));
        const HttpResponse response = f.enroll(client, code);
        API_COMPARE_STATUS(response, 404);
        QCOMPARE(errorCode(response), u"invite_invalid"_s);
        QCOMPARE(errorField(response), u"invite_code"_s);
    }

    void recoveryTicketIsNoInvite()
    {
        ApiFixture f;
        QVERIFY(f.isReady());
        Client *alice = f.enrolled();
        QVERIFY(alice);
        const QString ticket = f.createRecoveryTicket(alice->userId);
        Client &other = f.newClient();
        const HttpResponse response = f.enroll(other, ticket);
        API_COMPARE_STATUS(response, 404);
        QCOMPARE(errorCode(response), u"invite_invalid"_s);
    }

    void malformedInviteCodeIsInvalidField()
    {
        ApiFixture f;
        QVERIFY(f.isReady());
        Client &client = f.newClient();
        QJsonObject body = f.enrolmentRequest(client, f.createInvite(Role::Staff)).toJson();
        body.insert(u"invite_code"_s, u"UUUUU-UUUUU-UUUUU-UUUUU"_s); // U is no Crockford digit
        const HttpResponse response = f.post(u"/v1/enroll"_s, body);
        API_COMPARE_STATUS(response, 400);
        QCOMPARE(errorCode(response), u"invalid_field"_s);
        QCOMPARE(errorField(response), u"invite_code"_s);
    }

    void badSignatureDoesNotBurnTheInvite()
    {
        ApiFixture f;
        QVERIFY(f.isReady());
        Client &client = f.newClient();
        const QString code = f.createInvite(Role::Staff);
        protocol::EnrollRequest request = f.enrolmentRequest(client, code);
        request.signature[5] = char(request.signature.at(5) ^ 0x01);
        const HttpResponse bad = f.enroll(client, request);
        API_COMPARE_STATUS(bad, 422);
        QCOMPARE(errorCode(bad), u"invalid_signature"_s);
        QCOMPARE(errorField(bad), u"signature"_s);
        auto invite = f.store().findInvite(inviteHash(code));
        QVERIFY(invite.ok() && invite->has_value());
        QVERIFY(!invite->value().usedAt.has_value());

        // The same code still works once the request is right.
        API_COMPARE_STATUS(f.enroll(client, code), 201);
    }

    void signatureForAnotherServerIsRefused()
    {
        ApiFixture f;
        QVERIFY(f.isReady());
        Client &client = f.newClient();
        protocol::EnrollRequest request = f.enrolmentRequest(client, f.createInvite(Role::Staff));
        auto message = protocol::signing::enrolmentMessage(
            u"9b2e0c1d-2f3a-4b5c-8d6e-7f8091a2b3c4"_s, request.userId, request.boxPublicKey,
            request.signPublicKey, request.device.publicKey, request.wrappedSecretKeys,
            request.recoveryWrappedMasterKey);
        QVERIFY(message.ok());
        request.signature =
            protocol::signing::sign(message.value(), client.keys.signSecretKey).value();
        const HttpResponse response = f.enroll(client, request);
        API_COMPARE_STATUS(response, 422);
        QCOMPARE(errorCode(response), u"invalid_signature"_s);
    }

    void signatureOverOtherBlobsIsRefused()
    {
        // The signature covers H(wrapped_secret_keys): a server or proxy cannot swap the blob.
        ApiFixture f;
        QVERIFY(f.isReady());
        Client &client = f.newClient();
        protocol::EnrollRequest request = f.enrolmentRequest(client, f.createInvite(Role::Staff));
        request.wrappedSecretKeys[0] = char(request.wrappedSecretKeys.at(0) ^ 0x40);
        const HttpResponse response = f.enroll(client, request);
        API_COMPARE_STATUS(response, 422);
        QCOMPARE(errorCode(response), u"invalid_signature"_s);
    }

    void lowOrderBoxKeyIsInvalidKey()
    {
        ApiFixture f;
        QVERIFY(f.isReady());
        Client &client = f.newClient();
        protocol::EnrollRequest request = f.enrolmentRequest(client, f.createInvite(Role::Staff));
        request.boxPublicKey = QByteArray(32, '\0');
        auto message = protocol::signing::enrolmentMessage(
            f.serverId(), request.userId, request.boxPublicKey, request.signPublicKey,
            request.device.publicKey, request.wrappedSecretKeys, request.recoveryWrappedMasterKey);
        QVERIFY(message.ok());
        request.signature =
            protocol::signing::sign(message.value(), client.keys.signSecretKey).value();
        const HttpResponse response = f.enroll(client, request);
        API_COMPARE_STATUS(response, 422);
        QCOMPARE(errorCode(response), u"invalid_key"_s);
        QCOMPARE(errorField(response), u"box_public_key"_s);
    }

    void knownUserIdIsUserExists()
    {
        ApiFixture f;
        QVERIFY(f.isReady());
        Client *alice = f.enrolled();
        QVERIFY(alice);
        // Another profile that happens to carry the same user id, with keys of its own.
        Client &copy = f.newClient();
        copy.userId = alice->userId;
        const HttpResponse response = f.enroll(copy, f.createInvite(Role::Staff));
        API_COMPARE_STATUS(response, 409);
        QCOMPARE(errorCode(response), u"user_exists"_s);
        QCOMPARE(errorField(response), u"user_id"_s);
    }

    void anotherUsersKeysAreKeyInUse()
    {
        ApiFixture f;
        QVERIFY(f.isReady());
        Client *alice = f.enrolled();
        QVERIFY(alice);
        const QString code = f.createInvite(Role::Staff);

        // Alice's key pairs under a new user id (she signs, so the signature verifies).
        Client &mallory = f.newClient();
        protocol::EnrollRequest request;
        request.inviteCode = protocol::crockford::parse(code).value();
        request.userId = mallory.userId;
        request.displayName = u"Mallory"_s;
        request.boxPublicKey = alice->keys.boxPublicKey;
        request.signPublicKey = alice->keys.signPublicKey;
        request.wrappedSecretKeys = alice->wrapped.wrappedSecretKeys;
        request.recoveryWrappedMasterKey = alice->wrapped.recoveryWrappedMasterKey;
        request.device = {mallory.device.publicKey, u"laptop"_s};
        auto message = protocol::signing::enrolmentMessage(
            f.serverId(), request.userId, request.boxPublicKey, request.signPublicKey,
            request.device.publicKey, request.wrappedSecretKeys, request.recoveryWrappedMasterKey);
        QVERIFY(message.ok());
        request.signature =
            protocol::signing::sign(message.value(), alice->keys.signSecretKey).value();
        const HttpResponse keys = f.enroll(mallory, request);
        API_COMPARE_STATUS(keys, 409);
        QCOMPARE(errorCode(keys), u"key_in_use"_s);
        QCOMPARE(errorField(keys), u"box_public_key"_s);

        // Fresh user keys, but Alice's device key.
        Client &carol = f.newClient();
        carol.device.publicKey = alice->device.publicKey;
        const HttpResponse device = f.enroll(carol, code);
        API_COMPARE_STATUS(device, 409);
        QCOMPARE(errorCode(device), u"key_in_use"_s);
        QCOMPARE(errorField(device), u"device.public_key"_s);

        // Neither attempt used the invite.
        Client &dave = f.newClient();
        API_COMPARE_STATUS(f.enroll(dave, code), 201);
    }

    void directoryListsTheTeam()
    {
        ApiFixture f;
        QVERIFY(f.isReady());
        Client *lead = f.enrolled(Role::Lead, u"Lee"_s);
        Client *staff = f.enrolled(Role::Staff, u"Sam"_s);
        QVERIFY(lead && staff);
        // Someone in another team is not listed.
        const Team other = f.addTeam(u"Field sales"_s);
        Client &outsider = f.newClient();
        API_COMPARE_STATUS(f.enroll(outsider, f.createInvite(Role::Staff, kHour, other.id)), 201);

        const HttpResponse response = f.get(u"/v1/directory"_s, staff->token);
        API_COMPARE_STATUS(response, 200);
        auto directory = protocol::Directory::fromJson(jsonOf(response));
        QVERIFY2(directory.ok(),
                 qPrintable(directory.ok() ? QString() : directory.error().message));
        QCOMPARE(directory->team.id, f.team().id);
        QCOMPARE(directory->directoryVersion, 3);
        QCOMPARE(directory->members.size(), 2);
        QVERIFY(directory->members.at(0).userId < directory->members.at(1).userId);
        QStringList names;
        for (const auto &member : directory->members)
            names.append(member.displayName);
        names.sort();
        QCOMPARE(names, QStringList({u"Lee"_s, u"Sam"_s}));

        // A revoked member stays listed, as revoked, and the version moves.
        QVERIFY(f.store().revokeUser(staff->userId, f.clock.nowMs()).ok());
        const HttpResponse after = f.get(u"/v1/directory"_s, lead->token);
        API_COMPARE_STATUS(after, 200);
        directory = protocol::Directory::fromJson(jsonOf(after));
        QVERIFY(directory.ok());
        QCOMPARE(directory->directoryVersion, 4);
        for (const auto &member : directory->members) {
            QCOMPARE(member.status, member.userId == staff->userId
                                        ? protocol::MemberStatus::Revoked
                                        : protocol::MemberStatus::Active);
        }
    }

    void directoryNeedsAToken()
    {
        ApiFixture f;
        QVERIFY(f.isReady());
        const HttpResponse response = f.get(u"/v1/directory"_s);
        API_COMPARE_STATUS(response, 401);
        QCOMPARE(errorCode(response), u"unauthenticated"_s);
    }
};

QTEST_GUILESS_MAIN(TestApiEnrollment)
#include "tst_apienrollment.moc"
