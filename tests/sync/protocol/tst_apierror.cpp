#include "sync/protocol/apierror.h"

#include <QJsonDocument>
#include <QTest>

using namespace outward;
using namespace outward::protocol;
using namespace Qt::StringLiterals;

namespace {
QJsonObject bodyOf(const HttpResponse &response)
{
    return QJsonDocument::fromJson(response.body).object();
}
} // namespace

class TestApiError : public QObject
{
    Q_OBJECT

private slots:
    void jsonHasExactlyTheDocumentedShape()
    {
        const ApiError error = ApiError::invalidField(u"items[3].envelope"_s, u"is wrong"_s);
        const QJsonObject json = error.toJson();
        QCOMPARE(json.keys(), QStringList{u"error"_s});
        const QJsonObject inner = json.value("error"_L1).toObject();
        QCOMPARE(inner.keys(), (QStringList{u"code"_s, u"field"_s, u"message"_s}));
        QCOMPARE(inner.value("code"_L1).toString(), u"invalid_field"_s);
        QCOMPARE(inner.value("field"_L1).toString(), u"items[3].envelope"_s);
        QCOMPARE(inner.value("message"_L1).toString(), u"\"items[3].envelope\" is wrong"_s);
        // field is always present, "" when nobody is at fault.
        const QJsonObject tooLarge = ApiError::bodyTooLarge(9437184, 65536).toJson();
        QCOMPARE(tooLarge.value("error"_L1).toObject().value("field"_L1), QJsonValue(u""_s));
    }

    void factoriesUseTheTableStatusAndCode_data()
    {
        QTest::addColumn<int>("status");
        QTest::addColumn<QString>("code");
        QTest::addColumn<ApiError>("error");
        const QByteArrayList allowed{"GET"_ba};
        QTest::newRow("invalid_json") << 400 << u"invalid_json"_s << ApiError::invalidJson(u"x"_s);
        QTest::newRow("unknown_field")
            << 400 << u"unknown_field"_s << ApiError::unknownField(u"a"_s);
        QTest::newRow("missing_field")
            << 400 << u"missing_field"_s << ApiError::missingField(u"a"_s);
        QTest::newRow("invalid_field")
            << 400 << u"invalid_field"_s << ApiError::invalidField(u"a"_s, u"x"_s);
        QTest::newRow("invalid_query")
            << 400 << u"invalid_query"_s << ApiError::invalidQuery(u"limit"_s, u"x"_s);
        QTest::newRow("unauthenticated")
            << 401 << u"unauthenticated"_s << ApiError::unauthenticated(u"no token"_s);
        QTest::newRow("token_expired") << 401 << u"token_expired"_s << ApiError::tokenExpired();
        QTest::newRow("authentication_failed")
            << 401 << u"authentication_failed"_s << ApiError::authenticationFailed();
        QTest::newRow("device_revoked") << 403 << u"device_revoked"_s << ApiError::deviceRevoked();
        QTest::newRow("user_revoked") << 403 << u"user_revoked"_s << ApiError::userRevoked();
        QTest::newRow("forbidden") << 403 << u"forbidden"_s << ApiError::forbidden(u"leads only"_s);
        QTest::newRow("not_your_device")
            << 403 << u"not_your_device"_s << ApiError::notYourDevice();
        QTest::newRow("unknown_endpoint")
            << 404 << u"unknown_endpoint"_s << ApiError::unknownEndpoint(u"/v1/x"_s);
        QTest::newRow("not_found") << 404 << u"not_found"_s << ApiError::notFound(u"device"_s);
        QTest::newRow("invite_invalid")
            << 404 << u"invite_invalid"_s << ApiError::inviteInvalid(u"invite_code"_s);
        QTest::newRow("link_not_found") << 404 << u"link_not_found"_s << ApiError::linkNotFound();
        QTest::newRow("method_not_allowed")
            << 405 << u"method_not_allowed"_s << ApiError::methodNotAllowed("PUT"_ba, allowed);
        QTest::newRow("user_exists") << 409 << u"user_exists"_s << ApiError::userExists();
        QTest::newRow("key_in_use")
            << 409 << u"key_in_use"_s << ApiError::keyInUse(u"box_public_key"_s);
        QTest::newRow("link_exists") << 409 << u"link_exists"_s << ApiError::linkExists();
        QTest::newRow("invite_expired")
            << 410 << u"invite_expired"_s << ApiError::inviteExpired(u"ticket"_s);
        QTest::newRow("invite_used")
            << 410 << u"invite_used"_s << ApiError::inviteUsed(u"ticket"_s);
        QTest::newRow("link_expired") << 410 << u"link_expired"_s << ApiError::linkExpired();
        QTest::newRow("link_used") << 410 << u"link_used"_s << ApiError::linkUsed();
        QTest::newRow("claim_expired") << 410 << u"claim_expired"_s << ApiError::claimExpired();
        QTest::newRow("length_required")
            << 411 << u"length_required"_s << ApiError::lengthRequired();
        QTest::newRow("body_too_large")
            << 413 << u"body_too_large"_s << ApiError::bodyTooLarge(10, 5);
        QTest::newRow("unsupported_media_type") << 415 << u"unsupported_media_type"_s
                                                << ApiError::unsupportedMediaType("text/plain"_ba);
        QTest::newRow("invalid_signature")
            << 422 << u"invalid_signature"_s << ApiError::invalidSignature();
        QTest::newRow("invalid_key")
            << 422 << u"invalid_key"_s << ApiError::invalidKey(u"box_public_key"_s, u"low order"_s);
        QTest::newRow("rate_limited") << 429 << u"rate_limited"_s << ApiError::rateLimited(30);
        QTest::newRow("headers_too_large")
            << 431 << u"headers_too_large"_s << ApiError::headersTooLarge();
        QTest::newRow("internal") << 500 << u"internal"_s << ApiError::internal(u"r-1"_s);
        QTest::newRow("unavailable")
            << 503 << u"unavailable"_s << ApiError::unavailable(u"database busy"_s, 5);
    }
    void factoriesUseTheTableStatusAndCode()
    {
        QFETCH(int, status);
        QFETCH(QString, code);
        QFETCH(ApiError, error);
        QCOMPARE(error.httpStatus, status);
        QCOMPARE(error.code, code);
        QVERIFY(!error.message.isEmpty());
        // The client reads back what the server wrote.
        const HttpResponse response = toHttpResponse(error);
        QCOMPARE(response.status, status);
        const ApiError back = ApiError::fromResponse(response);
        QCOMPARE(back.code, error.code);
        QCOMPARE(back.message, error.message);
        QCOMPARE(back.field, error.field);
        QCOMPARE(back.retryAfterSeconds, error.retryAfterSeconds);
    }

    void bodyTooLargeSaysBothSizes()
    {
        const ApiError error = ApiError::bodyTooLarge(9437184, 65536);
        QCOMPARE(error.message,
                 u"the request body is 9437184 bytes; this endpoint accepts at most 65536"_s);
    }

    void responseHeaders()
    {
        const HttpResponse limited = toHttpResponse(ApiError::rateLimited(42));
        QCOMPARE(limited.header("retry-after"_ba), "42"_ba);
        QCOMPARE(limited.header("cache-control"_ba), "no-store"_ba);
        QCOMPARE(bodyOf(limited), ApiError::rateLimited(42).toJson());

        const HttpResponse notAllowed =
            toHttpResponse(ApiError::methodNotAllowed("PUT"_ba, {"GET"_ba, "DELETE"_ba}));
        QCOMPARE(notAllowed.status, 405);
        QCOMPARE(notAllowed.header("allow"_ba), "GET, DELETE"_ba);
        QVERIFY(notAllowed.header("retry-after"_ba).isEmpty());

        const HttpResponse ok = jsonResponse(201, QJsonObject{{"a"_L1, 1}});
        QCOMPARE(ok.status, 201);
        QCOMPARE(ok.body, "{\"a\":1}"_ba);
        QCOMPARE(ok.header("cache-control"_ba), "no-store"_ba);
    }

    void clientToleratesForeignBodies()
    {
        HttpResponse proxy;
        proxy.status = 502;
        proxy.body = "<html>Bad gateway</html>"_ba;
        proxy.headers.append({"Retry-After"_ba, "7"_ba});
        const ApiError fromProxy = ApiError::fromResponse(proxy);
        QCOMPARE(fromProxy.httpStatus, 502);
        QCOMPARE(fromProxy.code, u"unavailable"_s);
        QCOMPARE(fromProxy.retryAfterSeconds, std::optional<int>(7));

        HttpResponse odd;
        odd.status = 400;
        odd.body = R"({"error":"nope"})"_ba;
        QCOMPARE(ApiError::fromResponse(odd).code, u"internal"_s);

        // Unknown members are ignored; an unknown code is kept for the status class to decide.
        HttpResponse newer;
        newer.status = 409;
        newer.body = R"({"error":{"code":"brand_new","message":"m","field":"","hint":1},"x":2})"_ba;
        const ApiError fromNewer = ApiError::fromResponse(newer);
        QCOMPARE(fromNewer.code, u"brand_new"_s);
        QVERIFY(fromNewer.isClientError());
    }

    void itemErrorRoundTrips()
    {
        const ItemError error{u"bad_signature"_s, u"the signature does not verify"_s,
                              u"items[0].signature"_s};
        const QJsonObject json = error.toJson();
        QCOMPARE(json.keys(), (QStringList{u"code"_s, u"field"_s, u"message"_s}));
        QCOMPARE(ItemError::fromJson(json), std::optional<ItemError>(error));
        QVERIFY(!ItemError::fromJson(QJsonObject{{"message"_L1, u"m"_s}}).has_value());
    }

    void resultCarriesApiErrors()
    {
        const ApiResult<int> value(5);
        QVERIFY(value.ok());
        QCOMPARE(*value, 5);
        const ApiResult<int> failed(ApiError::tokenExpired());
        QVERIFY(!failed.ok());
        QCOMPARE(failed.error().code, u"token_expired"_s);
        const ApiStatus status;
        QVERIFY(status.ok());
        const ApiStatus failedStatus(ApiError::linkUsed());
        QCOMPARE(failedStatus.error().httpStatus, 410);
    }
};

Q_DECLARE_METATYPE(outward::protocol::ApiError)

QTEST_GUILESS_MAIN(TestApiError)
#include "tst_apierror.moc"
