// ServerApi::handleAsync: a push checked on worker threads and stored together with the pushes
// that finished meanwhile (ServerStore::writeTogether) answers exactly as handle() does.
#include "sync/protocol/messages_records.h"
#include "tests/server/api/apitestsupport.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

#include <optional>

using namespace outward;
using namespace outward::server;
using namespace outward::server::test;
using namespace Qt::StringLiterals;

namespace {

constexpr int kWaitMs = 10'000;

const QByteArray kPlaintext = R"({"channel":"email","note":"sent the brochure"})"_ba;

HttpRequest pushRequest(const Client &client, const QList<protocol::PushItem> &items)
{
    protocol::PushRequest push;
    push.items = items;
    HttpRequest request;
    request.method = "POST"_ba;
    request.path = u"/v1/records"_s;
    request.body = QJsonDocument(push.toJson()).toJson(QJsonDocument::Compact);
    request.peer = ApiFixture::defaultPeer();
    request.headers.append({"content-type"_ba, "application/json"_ba});
    request.headers.append({"authorization"_ba, "Bearer "_ba + client.token.toLatin1()});
    return request;
}

QList<protocol::PushItem> itemsOf(const QList<SealedRecord> &records)
{
    QList<protocol::PushItem> items;
    for (const SealedRecord &record : records)
        items.append(record.item());
    return items;
}

// Starts every request with handleAsync before any answer can arrive (answers come from the
// event loop), then waits for all of them.
QList<HttpResponse> sendTogether(ServerApi &api, const QList<HttpRequest> &requests)
{
    QList<std::optional<HttpResponse>> answers(requests.size());
    int calls = 0;
    for (qsizetype i = 0; i < requests.size(); ++i) {
        api.handleAsync(requests.at(i), [&answers, &calls, i](const HttpResponse &response) {
            ++calls;
            answers[i] = response;
        });
    }
    QList<HttpResponse> out;
    if (!QTest::qWaitFor([&] { return calls >= requests.size(); }, kWaitMs))
        return out;
    for (const auto &answer : answers)
        out.append(*answer);
    return out;
}

QJsonArray resultsOf(const HttpResponse &response)
{
    return jsonOf(response).value(u"results"_s).toArray();
}

} // namespace

class TestApiPushAsync : public QObject
{
    Q_OBJECT

private slots:
    void oneBadSignatureAmongManyIsRejectedAlone()
    {
        ApiFixture f;
        QVERIFY(f.isReady());
        Client *alice = f.enrolled();
        QVERIFY(alice);
        QList<SealedRecord> records;
        for (int i = 0; i < 120; ++i)
            records.append(f.seal(*alice, f.header(*alice, RecordKind::Interaction), kPlaintext));
        const int bad = 77;
        records[bad].signature[5] = char(records[bad].signature.at(5) ^ 0x01);

        const QList<HttpResponse> answers =
            sendTogether(f.api(), {pushRequest(*alice, itemsOf(records))});
        QCOMPARE(answers.size(), 1);
        API_COMPARE_STATUS(answers.at(0), 200);
        const QJsonArray results = resultsOf(answers.at(0));
        QCOMPARE(results.size(), records.size());
        qint64 previousSeq = 0;
        for (int i = 0; i < records.size(); ++i) {
            const QJsonObject result = results.at(i).toObject();
            // Results keep the order of the items.
            QCOMPARE(result.value(u"id"_s).toString(), records.at(i).header.idText());
            if (i == bad) {
                QCOMPARE(result.value(u"status"_s).toString(), u"rejected"_s);
                const QJsonObject error = result.value(u"error"_s).toObject();
                QCOMPARE(error.value(u"code"_s).toString(), u"bad_signature"_s);
                QCOMPARE(error.value(u"field"_s).toString(), u"items[77].signature"_s);
                continue;
            }
            QCOMPARE(result.value(u"status"_s).toString(), u"accepted"_s);
            const qint64 seq = result.value(u"seq"_s).toInteger();
            QVERIFY(seq > previousSeq);
            previousSeq = seq;
        }
        // The rejected version was not stored: a pull sees the 119 others only.
        const HttpResponse pulled = f.pull(*alice, 0);
        API_COMPARE_STATUS(pulled, 200);
        QCOMPARE(jsonOf(pulled).value(u"items"_s).toArray().size(), records.size() - 1);
    }

    void pushesStoredTogetherAnswerLikeOneAfterAnother()
    {
        ApiFixture f;
        QVERIFY(f.isReady());
        Client *alice = f.enrolled();
        Client *bob = f.enrolled();
        QVERIFY(alice && bob);
        const SealedRecord first =
            f.seal(*alice, f.header(*alice, RecordKind::Interaction), kPlaintext);
        const SealedRecord bobs = f.seal(*bob, f.header(*bob, RecordKind::Reflection), kPlaintext);
        SealedRecord malformed =
            f.seal(*alice, f.header(*alice, RecordKind::Interaction), kPlaintext);
        malformed.envelope.truncate(10);

        // In flight at once: a push, the same push again (an exact retry of a version stored
        // earlier in the same group), bob's push, a body that is not JSON, and alice's
        // malformed envelope.
        HttpRequest notJson = pushRequest(*alice, {first.item()});
        notJson.body = "{\"items\": ["_ba;
        const QList<HttpResponse> answers = sendTogether(
            f.api(),
            {pushRequest(*alice, {first.item()}), pushRequest(*alice, {first.item()}),
             pushRequest(*bob, {bobs.item()}), notJson, pushRequest(*alice, {malformed.item()})});
        QCOMPARE(answers.size(), 5);
        for (int i : {0, 1, 2, 4})
            API_COMPARE_STATUS(answers.at(i), 200);
        API_COMPARE_STATUS(answers.at(3), 400);

        const QJsonObject original = resultsOf(answers.at(0)).at(0).toObject();
        const QJsonObject retry = resultsOf(answers.at(1)).at(0).toObject();
        const QJsonObject other = resultsOf(answers.at(2)).at(0).toObject();
        QCOMPARE(original.value(u"status"_s).toString(), u"accepted"_s);
        QCOMPARE(retry.value(u"status"_s).toString(), u"accepted"_s);
        QCOMPARE(retry.value(u"seq"_s).toInteger(), original.value(u"seq"_s).toInteger());
        QCOMPARE(other.value(u"status"_s).toString(), u"accepted"_s);
        QVERIFY(other.value(u"seq"_s).toInteger() > original.value(u"seq"_s).toInteger());
        const QJsonObject broken = resultsOf(answers.at(4)).at(0).toObject();
        QCOMPARE(broken.value(u"status"_s).toString(), u"rejected"_s);

        // Stored: a new api on the same store serves both versions.
        f.restartApi();
        QCOMPARE(jsonOf(f.pull(*alice, 0)).value(u"items"_s).toArray().size(), 1);
        QCOMPARE(jsonOf(f.pull(*bob, 0)).value(u"items"_s).toArray().size(), 1);
    }

    void otherRequestsAreAnsweredAtOnce()
    {
        ApiFixture f;
        QVERIFY(f.isReady());
        Client *alice = f.enrolled();
        QVERIFY(alice);
        HttpRequest me;
        me.method = "GET"_ba;
        me.path = u"/v1/me"_s;
        me.peer = ApiFixture::defaultPeer();
        me.headers.append({"authorization"_ba, "Bearer "_ba + alice->token.toLatin1()});
        std::optional<HttpResponse> answer;
        f.api().handleAsync(me, [&answer](const HttpResponse &response) { answer = response; });
        QVERIFY(answer.has_value());
        API_COMPARE_STATUS(*answer, 200);

        // A push that fails before its checks (no token) is answered at once too.
        HttpRequest anonymous = pushRequest(*alice, {});
        anonymous.headers.removeLast();
        answer.reset();
        f.api().handleAsync(anonymous,
                            [&answer](const HttpResponse &response) { answer = response; });
        QVERIFY(answer.has_value());
        API_COMPARE_STATUS(*answer, 401);
    }
};

QTEST_GUILESS_MAIN(TestApiPushAsync)
#include "tst_apipushasync.moc"
