#include "sync/client/apiclient.h"
#include "tests/support/manualclock.h"
#include "tests/sync/client/support/fakelocalstore.h"
#include "tests/sync/client/support/fakeserver.h"
#include "tests/sync/client/support/faketransport.h"

#include <QTest>

using namespace outward;
using namespace outward::sync;
using namespace outward::sync::test;
using namespace Qt::StringLiterals;

namespace {

const QString kUser = u"0b6f3c2a-1d4e-4f5a-8b6c-7d8e9f0a1b2c"_s;

// Runs an asynchronous call to completion.
template<typename T, typename Call>
CallResult<T> await(Call call)
{
    std::optional<CallResult<T>> result;
    call([&result](CallResult<T> r) { result.emplace(std::move(r)); });
    if (!QTest::qWaitFor([&result] { return result.has_value(); }))
        qFatal("the call did not complete");
    return std::move(*result);
}

} // namespace

class TestApiClient : public QObject
{
    Q_OBJECT

    outward::test::ManualClock clock;
    std::unique_ptr<FakeServer> server;
    std::unique_ptr<FakeTransport> transport;
    std::unique_ptr<FakeLocalStore> store;
    std::unique_ptr<ApiClient> api;

private Q_SLOTS:
    void init()
    {
        server = std::make_unique<FakeServer>(clock);
        transport = std::make_unique<FakeTransport>(server->handler());
        store = std::make_unique<FakeLocalStore>(clock, kUser, server->serverId);
        server->addUser({kUser, u"Ada"_s, protocol::Role::Staff, QByteArray(32, 'b'),
                         QByteArray(32, 's'), false});
        store->identityValue.deviceId = server->addDevice(kUser, store->devicePublicKey());
        api = std::make_unique<ApiClient>(*transport, clock);
        api->setBaseUrl(QUrl(u"https://sync.test"_s));
        const SyncIdentity identity = store->identityValue;
        api->setCredentials(identity.deviceId, [this, identity](const QByteArray &challenge) {
            return store->signChallenge(identity, challenge);
        });
    }

    void healthIsTyped()
    {
        auto health =
            await<protocol::HealthResponse>([this](auto done) { api->health(std::move(done)); });
        QVERIFY(health.ok());
        QCOMPARE(health->serverId, server->serverId);
        QCOMPARE(transport->requests().constFirst().path, u"/v1/health"_s);
    }

    void tokenCallsSignInFirstWithTheDeviceKey()
    {
        QVERIFY(!api->hasUsableToken());
        auto me = await<protocol::MeResponse>([this](auto done) { api->me(std::move(done)); });
        QVERIFY2(me.ok(), qPrintable(me.ok() ? QString() : me.error().message));
        QCOMPARE(me->userId, kUser);
        QVERIFY(api->hasUsableToken());
        QCOMPARE(server->tokensIssued(), 1);
        QCOMPARE(transport->count("POST"_ba, u"/v1/auth/challenge"_s), 1);
        QCOMPARE(transport->count("POST"_ba, u"/v1/auth/token"_s), 1);
        const HttpRequest &last = transport->requests().constLast();
        QVERIFY(last.header("authorization"_ba).startsWith("Bearer owt1_"_ba));
        // A second call reuses the token.
        auto again = await<protocol::MeResponse>([this](auto done) { api->me(std::move(done)); });
        QVERIFY(again.ok());
        QCOMPARE(server->tokensIssued(), 1);
    }

    void aWrongDeviceKeyFailsAuthentication()
    {
        api->setCredentials(store->identityValue.deviceId, [](const QByteArray &) {
            return Result<QByteArray>(QByteArray(64, 'x'));
        });
        auto me = await<protocol::MeResponse>([this](auto done) { api->me(std::move(done)); });
        QVERIFY(!me.ok());
        QCOMPARE(me.error().kind, CallError::Kind::Http);
        QCOMPARE(me.error().api.code, QString(protocol::code::kAuthenticationFailed));
        QVERIFY(!me.error().isRetryable());
    }

    void tokenExpiredSignsInAgainOnce()
    {
        auto first = await<protocol::MeResponse>([this](auto done) { api->me(std::move(done)); });
        QVERIFY(first.ok());
        server->expireTokens();
        auto second = await<protocol::MeResponse>([this](auto done) { api->me(std::move(done)); });
        QVERIFY(second.ok());
        QCOMPARE(server->tokensIssued(), 2);
        QCOMPARE(transport->count("GET"_ba, u"/v1/me"_s), 3);
    }

    void aSecondRefusalIsNotRetried()
    {
        auto first = await<protocol::MeResponse>([this](auto done) { api->me(std::move(done)); });
        QVERIFY(first.ok());
        server->failNext("GET"_ba, u"/v1/me"_s, protocol::ApiError::tokenExpired(), 5);
        auto refused = await<protocol::MeResponse>([this](auto done) { api->me(std::move(done)); });
        QVERIFY(!refused.ok());
        QCOMPARE(refused.error().httpStatus(), 401);
        QCOMPARE(server->tokensIssued(), 2); // exactly one new sign-in
        QCOMPARE(transport->count("GET"_ba, u"/v1/me"_s), 3);
    }

    void unauthenticatedAlsoSignsInAgain()
    {
        auto first = await<protocol::MeResponse>([this](auto done) { api->me(std::move(done)); });
        QVERIFY(first.ok());
        server->forgetTokens();
        auto second = await<protocol::MeResponse>([this](auto done) { api->me(std::move(done)); });
        QVERIFY(second.ok());
        QCOMPARE(server->tokensIssued(), 2);
    }

    void errorsAreClassified_data()
    {
        QTest::addColumn<int>("status");
        QTest::addColumn<QString>("code");
        QTest::addColumn<bool>("retryable");
        QTest::newRow("400") << 400 << u"invalid_field"_s << false;
        QTest::newRow("403 revoked") << 403 << u"device_revoked"_s << false;
        QTest::newRow("404") << 404 << u"not_found"_s << false;
        QTest::newRow("413") << 413 << u"body_too_large"_s << false;
        QTest::newRow("429") << 429 << u"rate_limited"_s << true;
        QTest::newRow("500") << 500 << u"internal"_s << true;
        QTest::newRow("503") << 503 << u"unavailable"_s << true;
    }
    void errorsAreClassified()
    {
        QFETCH(int, status);
        QFETCH(QString, code);
        QFETCH(bool, retryable);
        protocol::ApiError error;
        error.httpStatus = status;
        error.code = code;
        error.message = u"test"_s;
        if (status == 429 || status == 503)
            error.retryAfterSeconds = 7;
        server->failNext("GET"_ba, u"/v1/health"_s, error);
        auto health =
            await<protocol::HealthResponse>([this](auto done) { api->health(std::move(done)); });
        QVERIFY(!health.ok());
        QCOMPARE(health.error().kind, CallError::Kind::Http);
        QCOMPARE(health.error().api.httpStatus, status);
        QCOMPARE(health.error().api.code, code);
        QCOMPARE(health.error().isRetryable(), retryable);
        if (status == 429 || status == 503)
            QCOMPARE(health.error().retryAfterMs(), std::optional<qint64>(7'000));
    }

    void networkErrorsAreRetryable()
    {
        transport->failWhen({}, {}, FakeTransport::Failure::NetworkError);
        auto health =
            await<protocol::HealthResponse>([this](auto done) { api->health(std::move(done)); });
        QVERIFY(!health.ok());
        QCOMPARE(health.error().kind, CallError::Kind::Network);
        QVERIFY(health.error().isRetryable());
        QCOMPARE(transport->handled(), 0);
    }

    void aBodyThatIsNotTheProtocolIsABadResponse()
    {
        transport->setHandler([](const QUrl &, const HttpRequest &) {
            HttpResponse response;
            response.status = 200;
            response.body = "<html>captive portal</html>"_ba;
            return response;
        });
        auto health =
            await<protocol::HealthResponse>([this](auto done) { api->health(std::move(done)); });
        QVERIFY(!health.ok());
        QCOMPARE(health.error().kind, CallError::Kind::BadResponse);

        transport->setHandler([](const QUrl &, const HttpRequest &) {
            HttpResponse response;
            response.status = 200;
            response.body = R"({"status":"ok"})"_ba; // missing members
            return response;
        });
        auto partial =
            await<protocol::HealthResponse>([this](auto done) { api->health(std::move(done)); });
        QVERIFY(!partial.ok());
        QCOMPARE(partial.error().kind, CallError::Kind::BadResponse);
    }

    void dropTokenForgetsIt()
    {
        auto me = await<protocol::MeResponse>([this](auto done) { api->me(std::move(done)); });
        QVERIFY(me.ok());
        QVERIFY(api->hasUsableToken());
        api->dropToken();
        QVERIFY(!api->hasUsableToken());
        QVERIFY(!api->session());
    }

    void aTokenAboutToExpireIsRenewedBeforeUse()
    {
        auto me = await<protocol::MeResponse>([this](auto done) { api->me(std::move(done)); });
        QVERIFY(me.ok());
        clock.advanceMs(server->tokenLifetimeMs - 30'000); // within the renewal margin
        QVERIFY(!api->hasUsableToken());
        auto again = await<protocol::MeResponse>([this](auto done) { api->me(std::move(done)); });
        QVERIFY(again.ok());
        QCOMPARE(server->tokensIssued(), 2);
        QCOMPARE(transport->count("GET"_ba, u"/v1/me"_s), 2); // no 401 round trip
    }
};

QTEST_GUILESS_MAIN(TestApiClient)
#include "tst_apiclient.moc"
