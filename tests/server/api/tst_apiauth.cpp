// ServerApi: challenge, token, GET /v1/me and what a token is worth (protocol.md 9).
#include "sync/protocol/signedmessages.h"
#include "tests/server/api/apitestsupport.h"

#include <QTest>

using namespace outward;
using namespace outward::server;
using namespace outward::server::test;
using namespace Qt::StringLiterals;

namespace {

QByteArray challengeFor(ApiFixture &f, const Client &client)
{
    const HttpResponse response =
        f.post(u"/v1/auth/challenge"_s, protocol::ChallengeRequest{client.deviceId}.toJson(), {},
               client.peer);
    if (response.status != 200)
        return {};
    auto parsed = protocol::ChallengeResponse::fromJson(jsonOf(response));
    return parsed.ok() ? parsed->challenge : QByteArray();
}

QByteArray authSignature(const ApiFixture &f, const QString &deviceId, const QByteArray &challenge,
                         const SecureBytes &key)
{
    auto message = protocol::signing::authMessage(f.serverId(), deviceId, challenge);
    if (!message.ok())
        return {};
    auto signature = protocol::signing::sign(message.value(), key);
    return signature.ok() ? signature.value() : QByteArray();
}

HttpResponse askToken(ApiFixture &f, const Client &client, const QByteArray &challenge,
                      const QByteArray &signature)
{
    return f.post(u"/v1/auth/token"_s,
                  protocol::TokenRequest{client.deviceId, challenge, signature}.toJson(), {},
                  client.peer);
}

HttpResponse withAuthorization(ApiFixture &f, const QByteArray &value)
{
    HttpRequest request;
    request.method = "GET"_ba;
    request.path = u"/v1/me"_s;
    request.headers.append({"authorization"_ba, value});
    return f.send(request);
}

} // namespace

class TestApiAuth : public QObject
{
    Q_OBJECT

private slots:
    void challengeAndTokenGiveAccess()
    {
        ApiFixture f;
        QVERIFY(f.isReady());
        Client &alice = f.newClient(Role::Lead);
        API_COMPARE_STATUS(f.enroll(alice, f.createInvite(Role::Lead)), 201);

        const HttpResponse challenged =
            f.post(u"/v1/auth/challenge"_s, protocol::ChallengeRequest{alice.deviceId}.toJson());
        API_COMPARE_STATUS(challenged, 200);
        auto challenge = protocol::ChallengeResponse::fromJson(jsonOf(challenged));
        QVERIFY(challenge.ok());
        QCOMPARE(challenge->challenge.size(), 32);
        QCOMPARE(challenge->expiresAt.toMSecsSinceEpoch(), f.clock.nowMs() + kMinute);

        const HttpResponse response = askToken(
            f, alice, challenge->challenge,
            authSignature(f, alice.deviceId, challenge->challenge, alice.device.secretKey));
        API_COMPARE_STATUS(response, 200);
        auto token = protocol::TokenResponse::fromJson(jsonOf(response));
        QVERIFY2(token.ok(), qPrintable(token.ok() ? QString() : token.error().message));
        QVERIFY(token->token.startsWith(u"owt1_"_s));
        QCOMPARE(token->token.size(), 48);
        QCOMPARE(token->expiresAt.toMSecsSinceEpoch(), f.clock.nowMs() + kHour);
        QCOMPARE(token->userId, alice.userId);
        QCOMPARE(token->deviceId, alice.deviceId);
        QCOMPARE(token->team.id, f.team().id);
        QCOMPARE(token->role, protocol::Role::Lead);
        QCOMPARE(token->directoryVersion, 2);

        // Only H(token) is stored.
        auto hash = protocol::signing::tokenHash(token->token);
        QVERIFY(hash.ok());
        auto stored = f.store().findToken(hash.value());
        QVERIFY(stored.ok() && stored->has_value());
        QCOMPARE(stored->value().deviceId, alice.deviceId);

        const HttpResponse me = f.get(u"/v1/me"_s, token->token);
        API_COMPARE_STATUS(me, 200);
        auto parsed = protocol::MeResponse::fromJson(jsonOf(me));
        QVERIFY2(parsed.ok(), qPrintable(parsed.ok() ? QString() : parsed.error().message));
        QCOMPARE(parsed->userId, alice.userId);
        QCOMPARE(parsed->deviceId, alice.deviceId);
        QCOMPARE(parsed->role, protocol::Role::Lead);
        QCOMPARE(parsed->team.name, u"Pension desk"_s);
        QCOMPARE(parsed->tokenExpiresAt.toMSecsSinceEpoch(), f.clock.nowMs() + kHour);
        QCOMPARE(parsed->directoryVersion, 2);
    }

    void unknownDeviceGetsAChallengeToo()
    {
        ApiFixture f;
        QVERIFY(f.isReady());
        const HttpResponse response =
            f.post(u"/v1/auth/challenge"_s,
                   QJsonObject{{u"device_id"_s, u"5d1c2b7a-8e4f-4a3b-9c6d-0e1f2a3b4c5d"_s}});
        API_COMPARE_STATUS(response, 200);
        QVERIFY(protocol::ChallengeResponse::fromJson(jsonOf(response)).ok());
    }

    void wrongSignatureFailsAndUsesTheChallenge()
    {
        ApiFixture f;
        QVERIFY(f.isReady());
        Client *alice = f.enrolled();
        QVERIFY(alice);
        const QByteArray challenge = challengeFor(f, *alice);
        QVERIFY(!challenge.isEmpty());
        // Signed with the user's key instead of the device key.
        const HttpResponse wrong =
            askToken(f, *alice, challenge,
                     authSignature(f, alice->deviceId, challenge, alice->keys.signSecretKey));
        API_COMPARE_STATUS(wrong, 401);
        QCOMPARE(errorCode(wrong), u"authentication_failed"_s);

        // The challenge is gone even though the attempt failed.
        const HttpResponse retry =
            askToken(f, *alice, challenge,
                     authSignature(f, alice->deviceId, challenge, alice->device.secretKey));
        API_COMPARE_STATUS(retry, 401);
        QCOMPARE(errorCode(retry), u"authentication_failed"_s);
    }

    void challengeIsSingleUse()
    {
        ApiFixture f;
        QVERIFY(f.isReady());
        Client *alice = f.enrolled();
        QVERIFY(alice);
        const QByteArray challenge = challengeFor(f, *alice);
        const QByteArray signature =
            authSignature(f, alice->deviceId, challenge, alice->device.secretKey);
        API_COMPARE_STATUS(askToken(f, *alice, challenge, signature), 200);
        const HttpResponse again = askToken(f, *alice, challenge, signature);
        API_COMPARE_STATUS(again, 401);
        QCOMPARE(errorCode(again), u"authentication_failed"_s);
    }

    void expiredChallengeFails()
    {
        ApiFixture f;
        QVERIFY(f.isReady());
        Client *alice = f.enrolled();
        QVERIFY(alice);
        const QByteArray challenge = challengeFor(f, *alice);
        f.clock.advanceMs(kMinute);
        const HttpResponse response =
            askToken(f, *alice, challenge,
                     authSignature(f, alice->deviceId, challenge, alice->device.secretKey));
        API_COMPARE_STATUS(response, 401);
        QCOMPARE(errorCode(response), u"authentication_failed"_s);
    }

    void challengeOfAnotherDeviceFails()
    {
        ApiFixture f;
        QVERIFY(f.isReady());
        Client *alice = f.enrolled();
        Client *bob = f.enrolled();
        QVERIFY(alice && bob);
        const QByteArray challenge = challengeFor(f, *alice);
        const HttpResponse response = askToken(
            f, *bob, challenge, authSignature(f, bob->deviceId, challenge, bob->device.secretKey));
        API_COMPARE_STATUS(response, 401);
        QCOMPARE(errorCode(response), u"authentication_failed"_s);
    }

    void unknownChallengeFails()
    {
        ApiFixture f;
        QVERIFY(f.isReady());
        Client *alice = f.enrolled();
        QVERIFY(alice);
        const QByteArray made(32, 'x');
        const HttpResponse response = askToken(
            f, *alice, made, authSignature(f, alice->deviceId, made, alice->device.secretKey));
        API_COMPARE_STATUS(response, 401);
        QCOMPARE(errorCode(response), u"authentication_failed"_s);
    }

    void tokenExpiresAfterAnHour()
    {
        ApiFixture f;
        QVERIFY(f.isReady());
        Client *alice = f.enrolled();
        QVERIFY(alice);
        f.clock.advanceMs(kHour - 1);
        API_COMPARE_STATUS(f.get(u"/v1/me"_s, alice->token), 200);
        f.clock.advanceMs(1);
        const HttpResponse expired = f.get(u"/v1/me"_s, alice->token);
        API_COMPARE_STATUS(expired, 401);
        QCOMPARE(errorCode(expired), u"token_expired"_s);

        // A new challenge gives a new token.
        API_COMPARE_STATUS(f.authenticate(*alice), 200);
        API_COMPARE_STATUS(f.get(u"/v1/me"_s, alice->token), 200);
    }

    void garbageAuthorizationIsUnauthenticated_data()
    {
        QTest::addColumn<QByteArray>("authorization");
        QTest::newRow("none") << QByteArray();
        QTest::newRow("basic") << "Basic YWxpY2U6c2VjcmV0"_ba;
        QTest::newRow("no token") << "Bearer "_ba;
        QTest::newRow("garbage") << "Bearer not-a-token"_ba;
        QTest::newRow("claim token")
            << "Bearer owc1_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"_ba;
        QTest::newRow("unknown") << "Bearer owt1_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"_ba;
        QTest::newRow("latin-1") << "Bearer owt1_\xe9\xe9\xe9"_ba;
    }

    void garbageAuthorizationIsUnauthenticated()
    {
        QFETCH(QByteArray, authorization);
        ApiFixture f;
        QVERIFY(f.isReady());
        Client *alice = f.enrolled();
        QVERIFY(alice);
        const HttpResponse response =
            authorization.isNull() ? f.get(u"/v1/me"_s) : withAuthorization(f, authorization);
        API_COMPARE_STATUS(response, 401);
        QCOMPARE(errorCode(response), u"unauthenticated"_s);
    }

    void bearerSchemeIsCaseInsensitive()
    {
        // RFC 9110 11.1: the scheme name is case-insensitive.
        ApiFixture f;
        QVERIFY(f.isReady());
        Client *alice = f.enrolled();
        QVERIFY(alice);
        API_COMPARE_STATUS(withAuthorization(f, "bearer "_ba + alice->token.toLatin1()), 200);
    }

    void revokedDeviceLosesItsTokens()
    {
        ApiFixture f;
        QVERIFY(f.isReady());
        Client *alice = f.enrolled();
        QVERIFY(alice);
        QVERIFY(f.store().revokeDevice(alice->deviceId, f.clock.nowMs()).ok());

        const HttpResponse old = f.get(u"/v1/me"_s, alice->token);
        API_COMPARE_STATUS(old, 401);
        QCOMPARE(errorCode(old), u"unauthenticated"_s);

        // A valid signature from the revoked device is told so.
        const QString oldToken = alice->token;
        const HttpResponse again = f.authenticate(*alice);
        API_COMPARE_STATUS(again, 403);
        QCOMPARE(errorCode(again), u"device_revoked"_s);
        QCOMPARE(alice->token, oldToken);
    }

    void revokedUserIsRefused()
    {
        ApiFixture f;
        QVERIFY(f.isReady());
        Client *alice = f.enrolled();
        QVERIFY(alice);
        QVERIFY(f.store().revokeUser(alice->userId, f.clock.nowMs()).ok());
        API_COMPARE_STATUS(f.get(u"/v1/me"_s, alice->token), 401);
        // revokeUser also revokes the devices, which is what the token endpoint sees first.
        const HttpResponse again = f.authenticate(*alice);
        API_COMPARE_STATUS(again, 403);
        QCOMPARE(errorCode(again), u"device_revoked"_s);
    }

    void tokenEndpointsSeeRevocationAtOnce()
    {
        // A token issued before a revocation the store did not clean up (another process, a
        // restored backup) still stops working: every request re-checks device and user.
        ApiFixture f;
        QVERIFY(f.isReady());
        Client *alice = f.enrolled();
        QVERIFY(alice);
        auto hash = protocol::signing::tokenHash(alice->token);
        QVERIFY(hash.ok());
        QVERIFY(f.store().revokeDevice(alice->deviceId, f.clock.nowMs()).ok());
        Token token;
        token.tokenHash = hash.value();
        token.deviceId = alice->deviceId;
        token.userId = alice->userId;
        token.expiresAt = f.clock.nowMs() + kHour;
        QVERIFY(f.store().storeToken(token).ok());
        const HttpResponse response = f.get(u"/v1/me"_s, alice->token);
        API_COMPARE_STATUS(response, 403);
        QCOMPARE(errorCode(response), u"device_revoked"_s);
    }
};

QTEST_GUILESS_MAIN(TestApiAuth)
#include "tst_apiauth.moc"
