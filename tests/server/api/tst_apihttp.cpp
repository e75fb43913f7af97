// ServerApi: routing, media types, JSON rules, error bodies and rate limits (protocol.md 1-3).
#include "tests/server/api/apitestsupport.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace outward;
using namespace outward::server;
using namespace outward::server::test;
using namespace Qt::StringLiterals;

namespace {

HttpResponse request(ApiFixture &f, const QByteArray &method, const QString &path,
                     const QByteArray &body = {},
                     const QList<QPair<QByteArray, QByteArray>> &headers = {},
                     const QString &peer = {})
{
    HttpRequest r;
    r.method = method;
    r.path = path;
    r.body = body;
    r.headers = headers;
    r.peer = peer;
    return f.send(r);
}

const QString kDeviceId = u"5d1c2b7a-8e4f-4a3b-9c6d-0e1f2a3b4c5d"_s;

QByteArray challengeBody()
{
    return QJsonDocument(QJsonObject{{u"device_id"_s, kDeviceId}}).toJson(QJsonDocument::Compact);
}

// The error body has exactly {"error": {"code", "message", "field"}}, all strings.
bool isErrorBody(const HttpResponse &response)
{
    const QJsonObject json = jsonOf(response);
    if (json.keys() != QStringList{u"error"_s})
        return false;
    const QJsonObject error = json.value(u"error"_s).toObject();
    return error.keys() == QStringList({u"code"_s, u"field"_s, u"message"_s}) &&
           error.value(u"code"_s).isString() && error.value(u"field"_s).isString() &&
           !error.value(u"message"_s).toString().isEmpty();
}

} // namespace

class TestApiHttp : public QObject
{
    Q_OBJECT

private slots:
    void unknownPathIs404()
    {
        ApiFixture f;
        QVERIFY(f.isReady());
        for (const QString &path : {u"/"_s, u"/v1"_s, u"/v2/health"_s, u"/v1/health/"_s,
                                    u"/v1/devices/a/b"_s, u"/v1/link/offers/"_s}) {
            const HttpResponse response = request(f, "GET"_ba, path);
            QVERIFY2(response.status == 404, qPrintable(path));
            QCOMPARE(errorCode(response), u"unknown_endpoint"_s);
            QVERIFY(isErrorBody(response));
            QCOMPARE(response.header("cache-control"_ba), "no-store"_ba);
        }
    }

    void wrongMethodIs405WithAllow_data()
    {
        QTest::addColumn<QByteArray>("method");
        QTest::addColumn<QString>("path");
        QTest::addColumn<QByteArray>("allow");
        QTest::newRow("health") << "POST"_ba << u"/v1/health"_s << "GET"_ba;
        QTest::newRow("records") << "PUT"_ba << u"/v1/records"_s << "POST, GET"_ba;
        QTest::newRow("devices") << "DELETE"_ba << u"/v1/devices"_s << "GET, POST"_ba;
        QTest::newRow("device") << "GET"_ba << u"/v1/devices/abc"_s << "DELETE"_ba;
        QTest::newRow("offer") << "POST"_ba << u"/v1/link/offers/abc"_s << "GET, DELETE"_ba;
        QTest::newRow("claim") << "GET"_ba << u"/v1/link/claim"_s << "POST"_ba;
        QTest::newRow("head") << "HEAD"_ba << u"/v1/me"_s << "GET"_ba;
    }

    void wrongMethodIs405WithAllow()
    {
        QFETCH(QByteArray, method);
        QFETCH(QString, path);
        QFETCH(QByteArray, allow);
        ApiFixture f;
        QVERIFY(f.isReady());
        const HttpResponse response = request(f, method, path);
        API_COMPARE_STATUS(response, 405);
        QCOMPARE(errorCode(response), u"method_not_allowed"_s);
        QCOMPARE(response.header("allow"_ba), allow);
        QVERIFY(isErrorBody(response));
    }

    void bodyMustBeJson_data()
    {
        QTest::addColumn<QByteArray>("contentType");
        QTest::addColumn<int>("status");
        QTest::newRow("json") << "application/json"_ba << 200;
        QTest::newRow("charset") << "application/json; charset=utf-8"_ba << 200;
        QTest::newRow("upper case") << "Application/JSON"_ba << 200;
        QTest::newRow("text") << "text/plain"_ba << 415;
        QTest::newRow("form") << "application/x-www-form-urlencoded"_ba << 415;
        QTest::newRow("json suffix") << "application/jsonx"_ba << 415;
        QTest::newRow("none") << QByteArray() << 415;
    }

    void bodyMustBeJson()
    {
        QFETCH(QByteArray, contentType);
        QFETCH(int, status);
        ApiFixture f;
        QVERIFY(f.isReady());
        const HttpResponse response =
            f.postRaw(u"/v1/auth/challenge"_s, challengeBody(), contentType);
        API_COMPARE_STATUS(response, status);
        if (status == 415) {
            QCOMPARE(errorCode(response), u"unsupported_media_type"_s);
            QVERIFY(isErrorBody(response));
        }
    }

    void badJsonIsInvalidJson_data()
    {
        QTest::addColumn<QByteArray>("body");
        QTest::newRow("empty") << QByteArray();
        QTest::newRow("not json") << "device_id=1"_ba;
        QTest::newRow("array") << "[]"_ba;
        QTest::newRow("string") << "\"x\""_ba;
        QTest::newRow("truncated") << "{\"device_id\":"_ba;
        QTest::newRow("duplicate") << ("{\"device_id\":\"" + kDeviceId.toLatin1() +
                                       "\",\"device_id\":\"" + kDeviceId.toLatin1() + "\"}");
        QTest::newRow("not utf-8") << "{\"device_id\":\"\xff\xfe\"}"_ba;
        QTest::newRow("too deep") << ("{\"a\":" + QByteArray(16, '[') + QByteArray(16, ']') + "}");
    }

    void badJsonIsInvalidJson()
    {
        QFETCH(QByteArray, body);
        ApiFixture f;
        QVERIFY(f.isReady());
        const HttpResponse response =
            f.postRaw(u"/v1/auth/challenge"_s, body, "application/json"_ba);
        API_COMPARE_STATUS(response, 400);
        QCOMPARE(errorCode(response), u"invalid_json"_s);
        QVERIFY(isErrorBody(response));
    }

    void membersAreChecked()
    {
        ApiFixture f;
        QVERIFY(f.isReady());
        const HttpResponse unknown = f.post(
            u"/v1/auth/challenge"_s, QJsonObject{{u"device_id"_s, kDeviceId}, {u"extra"_s, 1}});
        API_COMPARE_STATUS(unknown, 400);
        QCOMPARE(errorCode(unknown), u"unknown_field"_s);
        QCOMPARE(errorField(unknown), u"extra"_s);

        const HttpResponse missing = f.post(u"/v1/auth/challenge"_s, QJsonObject{});
        API_COMPARE_STATUS(missing, 400);
        QCOMPARE(errorCode(missing), u"missing_field"_s);
        QCOMPARE(errorField(missing), u"device_id"_s);

        const HttpResponse upper =
            f.post(u"/v1/auth/challenge"_s, QJsonObject{{u"device_id"_s, kDeviceId.toUpper()}});
        API_COMPARE_STATUS(upper, 400);
        QCOMPARE(errorCode(upper), u"invalid_field"_s);
        QCOMPARE(errorField(upper), u"device_id"_s);

        Client &client = f.newClient();
        QJsonObject enrolment = f.enrolmentRequest(client, f.createInvite(Role::Staff)).toJson();
        QJsonObject device = enrolment.value(u"device"_s).toObject();
        device.insert(u"colour"_s, u"red"_s);
        enrolment.insert(u"device"_s, device);
        const HttpResponse nested = f.post(u"/v1/enroll"_s, enrolment);
        API_COMPARE_STATUS(nested, 400);
        QCOMPARE(errorCode(nested), u"unknown_field"_s);
        QCOMPARE(errorField(nested), u"device.colour"_s);
    }

    void everyResponseIsNoStore()
    {
        ApiFixture f;
        QVERIFY(f.isReady());
        Client *alice = f.enrolled();
        QVERIFY(alice);
        for (const QString &path : {u"/v1/me"_s, u"/v1/directory"_s, u"/v1/devices"_s}) {
            const HttpResponse response = f.get(path, alice->token);
            API_COMPARE_STATUS(response, 200);
            QCOMPARE(response.header("cache-control"_ba), "no-store"_ba);
        }
        for (const QByteArray &body : f.bodies()) {
            if (!body.isEmpty())
                QVERIFY(QJsonDocument::fromJson(body).isObject());
        }
    }

    void enrolmentIsRateLimitedPerAddress()
    {
        ApiFixture f;
        QVERIFY(f.isReady());
        const QString peer = u"203.0.113.7"_s;
        for (int i = 0; i < 10; ++i) {
            const HttpResponse response = f.post(u"/v1/enroll"_s, QJsonObject{}, {}, peer);
            API_COMPARE_STATUS(response, 400); // each attempt counts, whatever its outcome
        }
        const HttpResponse limited = f.post(u"/v1/enroll"_s, QJsonObject{}, {}, peer);
        API_COMPARE_STATUS(limited, 429);
        QCOMPARE(errorCode(limited), u"rate_limited"_s);
        QVERIFY(isErrorBody(limited));
        const int retryAfter = limited.header("retry-after"_ba).toInt();
        QVERIFY2(retryAfter > 0 && retryAfter <= 90, limited.header("retry-after"_ba).constData());

        // Another address is not affected; this one may try again after Retry-After.
        API_COMPARE_STATUS(f.post(u"/v1/enroll"_s, QJsonObject{}, {}, u"203.0.113.8"_s), 400);
        f.clock.advanceMs(retryAfter * kSecond);
        API_COMPARE_STATUS(f.post(u"/v1/enroll"_s, QJsonObject{}, {}, peer), 400);
        API_COMPARE_STATUS(f.post(u"/v1/enroll"_s, QJsonObject{}, {}, peer), 429);
    }

    void challengeIsRateLimitedPerDevice()
    {
        ApiFixture f;
        QVERIFY(f.isReady());
        for (int i = 0; i < 10; ++i) {
            API_COMPARE_STATUS(f.post(u"/v1/auth/challenge"_s,
                                      QJsonObject{{u"device_id"_s, kDeviceId}}, {},
                                      u"203.0.113.%1"_s.arg(i)),
                               200);
        }
        const HttpResponse limited =
            f.post(u"/v1/auth/challenge"_s, QJsonObject{{u"device_id"_s, kDeviceId}}, {},
                   u"203.0.113.99"_s);
        API_COMPARE_STATUS(limited, 429);
        QVERIFY(limited.header("retry-after"_ba).toInt() > 0);
    }

    void failedTokensAreRateLimitedPerDevice()
    {
        ApiFixture f;
        QVERIFY(f.isReady());
        Client *alice = f.enrolled();
        QVERIFY(alice);
        const QJsonObject wrong{{u"device_id"_s, alice->deviceId},
                                {u"challenge"_s, u"AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"_s},
                                {u"signature"_s, QString(86, u'A')}};
        for (int i = 0; i < 10; ++i) {
            const HttpResponse response =
                f.post(u"/v1/auth/token"_s, wrong, {}, u"203.0.113.%1"_s.arg(i));
            API_COMPARE_STATUS(response, 401);
        }
        const HttpResponse limited = f.post(u"/v1/auth/token"_s, wrong, {}, u"203.0.113.50"_s);
        API_COMPARE_STATUS(limited, 429);
        // The right signature is refused too until the bucket refills: it is the device's
        // attempts that are limited, wherever they come from.
        alice->peer = u"203.0.113.51"_s;
        API_COMPARE_STATUS(f.authenticate(*alice), 429);
        f.clock.advanceMs(limited.header("retry-after"_ba).toInt() * kSecond);
        API_COMPARE_STATUS(f.authenticate(*alice), 200);
    }

    void healthIsRateLimited()
    {
        ApiFixture f;
        QVERIFY(f.isReady());
        for (int i = 0; i < 120; ++i)
            API_COMPARE_STATUS(f.get(u"/v1/health"_s), 200);
        const HttpResponse limited = f.get(u"/v1/health"_s);
        API_COMPARE_STATUS(limited, 429);
        QCOMPARE(limited.header("retry-after"_ba), "1"_ba);
    }

    void claimsAreRateLimitedPerAddress()
    {
        ApiFixture f;
        QVERIFY(f.isReady());
        const QJsonObject body{{u"mailbox_id"_s, u"AAAAAAAAAAAAAAAAAAAAAA"_s}};
        for (int i = 0; i < 5; ++i) {
            API_COMPARE_STATUS(f.post(u"/v1/link/claim"_s, body), 404);
            API_COMPARE_STATUS(f.post(u"/v1/recovery/claim"_s,
                                      QJsonObject{{u"ticket"_s, u"00000-00000-00000-00000"_s}}),
                               404);
        }
        API_COMPARE_STATUS(f.post(u"/v1/link/claim"_s, body), 429);
    }

    void forwardedForCountsOnlyBehindATrustedProxy()
    {
        ApiFixture f;
        QVERIFY(f.isReady());
        ServerApiOptions options;
        options.trustedProxies = {u"10.0.0.1"_s};
        f.restartApi(options);
        auto enrolFrom = [&](const QString &peer, const QByteArray &forwardedFor) {
            return request(
                f, "POST"_ba, u"/v1/enroll"_s, "{}"_ba,
                {{"content-type"_ba, "application/json"_ba}, {"x-forwarded-for"_ba, forwardedFor}},
                peer);
        };
        // Through the proxy, clients are told apart by the last untrusted hop.
        for (int i = 0; i < 10; ++i)
            API_COMPARE_STATUS(enrolFrom(u"10.0.0.1"_s, "1.2.3.4, 198.51.100.1"_ba), 400);
        API_COMPARE_STATUS(enrolFrom(u"10.0.0.1"_s, "198.51.100.1"_ba), 429);
        API_COMPARE_STATUS(enrolFrom(u"10.0.0.1"_s, "198.51.100.2, 10.0.0.1"_ba), 400);
        // A peer that is no trusted proxy cannot pick its address.
        for (int i = 0; i < 10; ++i)
            API_COMPARE_STATUS(enrolFrom(u"192.0.2.9"_s, QByteArray::number(i) + ".0.0.1"), 400);
        API_COMPARE_STATUS(enrolFrom(u"192.0.2.9"_s, "7.7.7.7"_ba), 429);
    }

    void busyDatabaseIs503AndStoresNothing()
    {
        SqliteServerStore::Options quick;
        quick.busyTimeoutMs = 50;
        ApiFixture f(quick);
        QVERIFY(f.isReady());
        Client *alice = f.enrolled();
        QVERIFY(alice);
        const SealedRecord record =
            f.seal(*alice, f.header(*alice, RecordKind::Interaction), "{\"n\":1}"_ba);
        {
            // Another process holds the write lock beyond the store's busy timeout.
            QSqlDatabase other = QSqlDatabase::addDatabase(u"QSQLITE"_s, u"other-writer"_s);
            other.setDatabaseName(f.databasePath());
            QVERIFY(other.open());
            QSqlQuery lock(other);
            QVERIFY2(lock.exec(u"BEGIN IMMEDIATE"_s), qPrintable(lock.lastError().text()));

            const HttpResponse response = f.push(*alice, {record});
            API_COMPARE_STATUS(response, 503);
            QCOMPARE(errorCode(response), u"unavailable"_s);
            QVERIFY(response.header("retry-after"_ba).toInt() > 0);
            QVERIFY(isErrorBody(response));

            QVERIFY(lock.exec(u"ROLLBACK"_s));
            lock = QSqlQuery();
            other.close();
        }
        QSqlDatabase::removeDatabase(u"other-writer"_s);
        QCOMPARE(jsonOf(f.pull(*alice, 0)).value(u"items"_s).toArray().size(), 0);
        // The client retries the same batch, which is safe.
        const HttpResponse retry = f.push(*alice, {record});
        API_COMPARE_STATUS(retry, 200);
        QCOMPARE(pushResult(retry, 0).value(u"status"_s).toString(), u"accepted"_s);
    }

    void uninitialisedServerIs503()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        auto store = SqliteServerStore::open(dir.filePath(u"server.db"_s));
        QVERIFY(store.ok());
        outward::test::ManualClock clock;
        ServerApi api(*store.value(), clock);
        HttpRequest health;
        health.method = "GET"_ba;
        health.path = u"/v1/health"_s;
        health.peer = u"192.0.2.1"_s;
        const HttpResponse response = api.handle(health);
        API_COMPARE_STATUS(response, 503);
        QCOMPARE(errorCode(response), u"unavailable"_s);
        QVERIFY(response.header("retry-after"_ba).toInt() > 0);
    }

    void tokenEndpointsAreRateLimitedPerDevice()
    {
        ApiFixture f;
        QVERIFY(f.isReady());
        Client *alice = f.enrolled();
        QVERIFY(alice);
        int allowed = 0;
        HttpResponse last;
        for (int i = 0; i < 700; ++i) {
            last = f.get(u"/v1/me"_s, alice->token);
            if (last.status != 200)
                break;
            ++allowed;
        }
        QCOMPARE(allowed, 600);
        API_COMPARE_STATUS(last, 429);
        QVERIFY(last.header("retry-after"_ba).toInt() > 0);
    }
};

QTEST_GUILESS_MAIN(TestApiHttp)
#include "tst_apihttp.moc"
