// ServerApi: GET /v1/records, visibility, paging and access removals (protocol.md 12, 13.2).
#include "core/crypto/envelope.h"
#include "sync/protocol/base64url.h"
#include "tests/server/api/apitestsupport.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

using namespace outward;
using namespace outward::server;
using namespace outward::server::test;
using namespace Qt::StringLiterals;

namespace {

protocol::PullPage page(const HttpResponse &response)
{
    auto parsed = protocol::PullPage::fromJson(jsonOf(response));
    if (!parsed.ok()) {
        qWarning("not a pull page: %s", describe(response).constData());
        return {};
    }
    return parsed.value();
}

QStringList recordIds(const protocol::PullPage &page)
{
    QStringList ids;
    for (const protocol::PullItem &item : page.items) {
        if (item.type != protocol::PullItemType::Record)
            continue;
        auto header = envelope::headerOf(item.envelope);
        auto parsed = header.ok() ? RecordHeader::fromBytes(header.value())
                                  : Result<RecordHeader>(header.error());
        ids.append(parsed.ok() ? parsed->idText() : u"(unreadable)"_s);
    }
    return ids;
}

qint64 acceptedSeq(const HttpResponse &response, int i = 0)
{
    const QJsonObject result = pushResult(response, i);
    if (result.value(u"status"_s).toString() != u"accepted"_s)
        qWarning("not accepted: %s", QJsonDocument(result).toJson().constData());
    return result.value(u"seq"_s).toInteger(-1);
}

} // namespace

class TestApiPull : public QObject
{
    Q_OBJECT

private slots:
    void ownRecordsComeBackAsPushed()
    {
        ApiFixture f;
        QVERIFY(f.isReady());
        Client *alice = f.enrolled();
        QVERIFY(alice);
        const SealedRecord first =
            f.seal(*alice, f.header(*alice, RecordKind::Interaction), "{\"n\":1}"_ba);
        const SealedRecord second =
            f.seal(*alice, f.header(*alice, RecordKind::Reflection), "{\"n\":2}"_ba);
        const HttpResponse pushed = f.push(*alice, {first, second});
        API_COMPARE_STATUS(pushed, 200);

        const HttpResponse response = f.pull(*alice, 0);
        API_COMPARE_STATUS(response, 200);
        QCOMPARE(response.header("cache-control"_ba), "no-store"_ba);
        const protocol::PullPage p = page(response);
        QCOMPARE(p.items.size(), 2);
        QCOMPARE(p.items.at(0).type, protocol::PullItemType::Record);
        QCOMPARE(p.items.at(0).seq, acceptedSeq(pushed, 0));
        QCOMPARE(p.items.at(0).envelope, first.envelope);
        QCOMPARE(p.items.at(0).signature, first.signature);
        QCOMPARE(p.items.at(0).keyCommit, first.keyCommit);
        QCOMPARE(p.items.at(1).seq, acceptedSeq(pushed, 1));
        QCOMPARE(p.items.at(1).envelope, second.envelope);
        QVERIFY(!p.hasMore);
        QCOMPARE(p.highWater, acceptedSeq(pushed, 1));
        QCOMPARE(p.cursor, p.highWater);
        QCOMPARE(p.directoryVersion, 2);
        QCOMPARE(p.serverTime.toMSecsSinceEpoch(), f.clock.nowMs());

        // Nothing new after the cursor.
        const protocol::PullPage next = page(f.pull(*alice, p.cursor));
        QCOMPARE(next.items.size(), 0);
        QCOMPARE(next.cursor, p.cursor);
        QVERIFY(!next.hasMore);
    }

    void sharedRecordsReachTheLeadOnly()
    {
        ApiFixture f;
        QVERIFY(f.isReady());
        Client *lead = f.enrolled(Role::Lead, u"Lee"_s);
        Client *sam = f.enrolled(Role::Staff, u"Sam"_s);
        Client *sue = f.enrolled(Role::Staff, u"Sue"_s);
        QVERIFY(lead && sam && sue);
        const QByteArray sharedText =
            R"({"prompt":"why","answer":"to help people retire well"})"_ba;
        const SealedRecord shared = f.seal(*sam, f.header(*sam, RecordKind::Reflection), sharedText,
                                           {lead->keys.boxPublicKey});
        const SealedRecord privateOne =
            f.seal(*sam, f.header(*sam, RecordKind::Reflection), "{\"private\":true}"_ba);
        API_COMPARE_STATUS(f.push(*sam, {shared, privateOne}), 200);

        const protocol::PullPage forLead = page(f.pull(*lead, 0));
        QCOMPARE(recordIds(forLead), QStringList{shared.header.idText()});
        // The lead can open it, as a real reader would: the author's box key from the
        // directory, and the key commitment that travelled beside the envelope.
        EnvelopeCrypto leadCrypto(lead->keys);
        auto opened = leadCrypto.open(forLead.items.at(0).envelope, sam->keys.boxPublicKey,
                                      forLead.items.at(0).keyCommit);
        QVERIFY2(opened.ok(), qPrintable(opened.ok() ? QString() : opened.error().toString()));
        QCOMPARE(opened->plaintext, sharedText);

        QCOMPARE(page(f.pull(*sue, 0)).items.size(), 0);
        QCOMPARE(page(f.pull(*sam, 0)).items.size(), 2);

        // The cursor moves past what Sue cannot see, so she does not ask for it again.
        const protocol::PullPage forSue = page(f.pull(*sue, 0));
        QCOMPARE(forSue.cursor, forSue.highWater);
        QVERIFY(forSue.highWater >= 2);
    }

    void revokedReaderSeesNothing()
    {
        ApiFixture f;
        QVERIFY(f.isReady());
        Client *lead = f.enrolled(Role::Lead);
        Client *sam = f.enrolled(Role::Staff);
        QVERIFY(lead && sam);
        API_COMPARE_STATUS(f.push(*sam, {f.seal(*sam, f.header(*sam, RecordKind::Reflection),
                                                "{}"_ba, {lead->keys.boxPublicKey})}),
                           200);
        QVERIFY(f.store().revokeUser(lead->userId, f.clock.nowMs()).ok());
        API_COMPARE_STATUS(f.pull(*lead, 0), 401);
    }

    void pagesFollowTheCursor()
    {
        ApiFixture f;
        QVERIFY(f.isReady());
        Client *alice = f.enrolled();
        Client *bob = f.enrolled();
        QVERIFY(alice && bob);
        QList<SealedRecord> records;
        for (int i = 0; i < 5; ++i) {
            records.append(
                f.seal(*alice, f.header(*alice, RecordKind::Interaction), QByteArray::number(i)));
        }
        const HttpResponse pushed = f.push(*alice, records);
        API_COMPARE_STATUS(pushed, 200);
        // Bob's record comes last and is invisible to Alice.
        API_COMPARE_STATUS(
            f.push(*bob, {f.seal(*bob, f.header(*bob, RecordKind::Interaction), "{}"_ba)}), 200);

        QStringList seen;
        qint64 after = 0;
        QList<int> pageSizes;
        for (int round = 0; round < 10; ++round) {
            const protocol::PullPage p = page(f.pull(*alice, after, 2));
            pageSizes.append(int(p.items.size()));
            seen += recordIds(p);
            if (p.hasMore) {
                QCOMPARE(p.cursor, p.items.last().seq);
            } else {
                QCOMPARE(p.cursor, p.highWater);
            }
            after = p.cursor;
            if (!p.hasMore)
                break;
        }
        QCOMPARE(pageSizes, QList<int>({2, 2, 1}));
        QStringList expected;
        for (const SealedRecord &record : records)
            expected.append(record.header.idText());
        QCOMPARE(seen, expected);
        QCOMPARE(after, acceptedSeq(pushed, 4) + 1); // past Bob's record too
    }

    void limitDefaultsTo200()
    {
        ApiFixture f;
        QVERIFY(f.isReady());
        Client *alice = f.enrolled();
        QVERIFY(alice);
        for (int batch = 0; batch < 2; ++batch) {
            QList<SealedRecord> records;
            for (int i = 0; i < 150; ++i)
                records.append(f.seal(*alice, f.header(*alice, RecordKind::Interaction), "{}"_ba));
            API_COMPARE_STATUS(f.push(*alice, records), 200);
        }
        const protocol::PullPage p = page(f.pull(*alice, 0));
        QCOMPARE(p.items.size(), 200);
        QVERIFY(p.hasMore);
        const protocol::PullPage rest = page(f.pull(*alice, p.cursor, 1000));
        QCOMPARE(rest.items.size(), 100);
        QVERIFY(!rest.hasMore);
    }

    void pageStopsBefore16MiBOfEnvelopes()
    {
        ApiFixture f;
        QVERIFY(f.isReady());
        Client *alice = f.enrolled();
        QVERIFY(alice);
        // Four records of 3.5 MiB: three fit in a page (14 MiB once encoded), four would not.
        const QByteArray big(3 * 1024 * 1024 + 512 * 1024, 'p');
        for (int i = 0; i < 4; ++i) {
            const HttpResponse pushed =
                f.push(*alice, {f.seal(*alice, f.header(*alice, RecordKind::Reflection), big)});
            QCOMPARE(pushResult(pushed, 0).value(u"status"_s).toString(), u"accepted"_s);
        }
        const protocol::PullPage first = page(f.pull(*alice, 0, 1000));
        QCOMPARE(first.items.size(), 3);
        QVERIFY(first.hasMore);
        qint64 encoded = 0;
        for (const protocol::PullItem &item : first.items)
            encoded += protocol::base64url::encode(item.envelope).size();
        QVERIFY(encoded <= 16 * 1024 * 1024);
        const protocol::PullPage second = page(f.pull(*alice, first.cursor, 1000));
        QCOMPARE(second.items.size(), 1);
        QVERIFY(!second.hasMore);
    }

    void unsharingGivesTheLeadARemoval()
    {
        ApiFixture f;
        QVERIFY(f.isReady());
        Client *lead = f.enrolled(Role::Lead);
        Client *sam = f.enrolled(Role::Staff);
        QVERIFY(lead && sam);
        RecordHeader header = f.header(*sam, RecordKind::Interaction);
        const HttpResponse shared =
            f.push(*sam, {f.seal(*sam, header, "{\"v\":1}"_ba, {lead->keys.boxPublicKey})});
        const qint64 sharedSeq = acceptedSeq(shared);
        QCOMPARE(recordIds(page(f.pull(*lead, 0))), QStringList{header.idText()});

        // Re-sealed without the lead: a new version the lead may no longer read.
        header.clock.wallMs += kSecond;
        const SealedRecord unshared = f.seal(*sam, header, "{\"v\":2}"_ba);
        const qint64 unsharedSeq = acceptedSeq(f.push(*sam, {unshared}));
        QVERIFY(unsharedSeq > sharedSeq);

        for (qint64 after : {qint64(0), sharedSeq}) {
            const protocol::PullPage p = page(f.pull(*lead, after));
            QCOMPARE(p.items.size(), 1);
            QCOMPARE(p.items.at(0).type, protocol::PullItemType::Removed);
            QCOMPARE(p.items.at(0).id, header.idText());
            QCOMPARE(p.items.at(0).seq, unsharedSeq);
            QVERIFY(p.items.at(0).envelope.isEmpty());
        }
        const QJsonObject removed =
            jsonOf(f.pull(*lead, 0)).value(u"items"_s).toArray().at(0).toObject();
        QCOMPARE(removed.value(u"type"_s).toString(), u"removed"_s);
        QVERIFY(!removed.contains(u"envelope"_s));

        // The author gets the new version itself.
        const protocol::PullPage own = page(f.pull(*sam, 0));
        QCOMPARE(own.items.size(), 1);
        QCOMPARE(own.items.at(0).envelope, unshared.envelope);

        // Shared again: the lead reads it again and the removal is gone.
        header.clock.wallMs += kSecond;
        const qint64 againSeq = acceptedSeq(
            f.push(*sam, {f.seal(*sam, header, "{\"v\":3}"_ba, {lead->keys.boxPublicKey})}));
        const protocol::PullPage again = page(f.pull(*lead, 0));
        QCOMPARE(again.items.size(), 1);
        QCOMPARE(again.items.at(0).type, protocol::PullItemType::Record);
        QCOMPARE(again.items.at(0).seq, againSeq);
    }

    void badQueriesAreInvalidQuery_data()
    {
        QTest::addColumn<QString>("query");
        QTest::addColumn<QString>("field");
        QTest::newRow("no after") << u"limit=10"_s << u"after"_s;
        QTest::newRow("negative after") << u"after=-1"_s << u"after"_s;
        QTest::newRow("text after") << u"after=abc"_s << u"after"_s;
        QTest::newRow("limit 0") << u"after=0&limit=0"_s << u"limit"_s;
        QTest::newRow("limit 1001") << u"after=0&limit=1001"_s << u"limit"_s;
        QTest::newRow("unknown") << u"after=0&since=4"_s << u"since"_s;
    }

    void badQueriesAreInvalidQuery()
    {
        QFETCH(QString, query);
        QFETCH(QString, field);
        ApiFixture f;
        QVERIFY(f.isReady());
        Client *alice = f.enrolled();
        QVERIFY(alice);
        const HttpResponse response = f.get(u"/v1/records"_s, alice->token, QUrlQuery(query));
        API_COMPARE_STATUS(response, 400);
        QCOMPARE(errorCode(response), u"invalid_query"_s);
        QCOMPARE(errorField(response), field);
    }

    void pullNeedsAToken()
    {
        ApiFixture f;
        QVERIFY(f.isReady());
        const HttpResponse response = f.get(u"/v1/records"_s, {}, QUrlQuery(u"after=0"_s));
        API_COMPARE_STATUS(response, 401);
        QCOMPARE(errorCode(response), u"unauthenticated"_s);
    }
};

QTEST_GUILESS_MAIN(TestApiPull)
#include "tst_apipull.moc"
