// ServerApi: POST /v1/records, per-item checks, versions and the clock bound (protocol.md
// 11, 13.1).
#include "core/crypto/envelope.h"
#include "core/model/hlc.h"
#include "sync/protocol/base64url.h"
#include "sync/protocol/signedmessages.h"
#include "tests/server/api/apitestsupport.h"

#include <QJsonArray>
#include <QtEndian>
#include <QTest>

using namespace outward;
using namespace outward::server;
using namespace outward::server::test;
using namespace Qt::StringLiterals;

namespace {

const QByteArray kPlaintext = R"({"channel":"phone","note":"asked about the pension top-up"})"_ba;

QString status(const HttpResponse &response, int i)
{
    return pushResult(response, i).value(u"status"_s).toString();
}

QString itemCode(const HttpResponse &response, int i)
{
    return pushResult(response, i).value(u"error"_s).toObject().value(u"code"_s).toString();
}

QString itemField(const HttpResponse &response, int i)
{
    return pushResult(response, i).value(u"error"_s).toObject().value(u"field"_s).toString();
}

qint64 seqOf(const HttpResponse &response, int i)
{
    return pushResult(response, i).value(u"seq"_s).toInteger(-1);
}

// "rejected bad_signature (items[0].signature)", for failure messages.
QByteArray resultText(const HttpResponse &response, int i)
{
    if (response.status != 200)
        return describe(response);
    return (status(response, i) + u' ' + itemCode(response, i) + u" ("_s + itemField(response, i) +
            u')')
        .toUtf8();
}

// One push result's status and error code; `response` is evaluated once.
#define COMPARE_ITEM(response, i, expectedStatus, expectedCode)                                    \
    do {                                                                                           \
        const HttpResponse &itemResponse_ = (response);                                            \
        QVERIFY2(itemResponse_.status == 200 && status(itemResponse_, i) == (expectedStatus) &&    \
                     itemCode(itemResponse_, i) == (expectedCode),                                 \
                 resultText(itemResponse_, i).constData());                                        \
    } while (false)

HlcTimestamp later(const HlcTimestamp &clock, qint64 ms)
{
    HlcTimestamp next = clock;
    next.wallMs += ms;
    return next;
}

qint64 highWater(ApiFixture &f, const Client &client)
{
    return jsonOf(f.pull(client, 0)).value(u"high_water"_s).toInteger(-1);
}

} // namespace

class TestApiPush : public QObject
{
    Q_OBJECT

private slots:
    void acceptedItemsGetIncreasingSeqs()
    {
        ApiFixture f;
        QVERIFY(f.isReady());
        Client *alice = f.enrolled();
        QVERIFY(alice);
        QList<SealedRecord> records;
        for (int i = 0; i < 3; ++i)
            records.append(f.seal(*alice, f.header(*alice, RecordKind::Interaction), kPlaintext));
        const HttpResponse response = f.push(*alice, records);
        API_COMPARE_STATUS(response, 200);
        auto parsed = protocol::PushResponse::fromJson(jsonOf(response));
        QVERIFY2(parsed.ok(), qPrintable(parsed.ok() ? QString() : parsed.error().message));
        QCOMPARE(parsed->results.size(), 3);
        QCOMPARE(parsed->directoryVersion, 2);
        qint64 previous = 0;
        for (int i = 0; i < 3; ++i) {
            const protocol::PushResult &result = parsed->results.at(i);
            QCOMPARE(result.status, protocol::PushStatus::Accepted);
            QCOMPARE(result.id, records.at(i).header.idText());
            QCOMPARE(result.clock, records.at(i).header.clock.toString());
            QVERIFY(result.seq.has_value());
            QVERIFY(*result.seq > previous);
            previous = *result.seq;
        }
        const HttpResponse next =
            f.push(*alice, {f.seal(*alice, f.header(*alice, RecordKind::Reflection), kPlaintext)});
        COMPARE_ITEM(next, 0, u"accepted"_s, QString());
        QVERIFY(seqOf(next, 0) > previous);
    }

    void exactRetryGetsTheSameSeq()
    {
        ApiFixture f;
        QVERIFY(f.isReady());
        Client *alice = f.enrolled();
        QVERIFY(alice);
        const SealedRecord record =
            f.seal(*alice, f.header(*alice, RecordKind::Interaction), kPlaintext);
        const HttpResponse first = f.push(*alice, {record});
        COMPARE_ITEM(first, 0, u"accepted"_s, QString());
        const qint64 mark = highWater(f, *alice);

        const HttpResponse retry = f.push(*alice, {record});
        COMPARE_ITEM(retry, 0, u"accepted"_s, QString());
        QCOMPARE(seqOf(retry, 0), seqOf(first, 0));
        QCOMPARE(highWater(f, *alice), mark);
        QCOMPARE(jsonOf(f.pull(*alice, 0)).value(u"items"_s).toArray().size(), 1);

        // Still the same answer when the server's clock is now two hours behind the record's
        // (the retry is answered before the clock bound), after a restart of the server.
        f.clock.advanceMs(-2 * kHour);
        f.restartApi();
        const HttpResponse late = f.push(*alice, {record});
        COMPARE_ITEM(late, 0, u"accepted"_s, QString());
        QCOMPARE(seqOf(late, 0), seqOf(first, 0));
    }

    // The retry is looked up against what was stored before the push, even when an earlier item
    // of the same push replaces that version: the answer a lost response would have had.
    void exactRetryAfterANewerItemOfTheSamePush()
    {
        ApiFixture f;
        QVERIFY(f.isReady());
        Client *alice = f.enrolled();
        QVERIFY(alice);
        RecordHeader header = f.header(*alice, RecordKind::Interaction);
        const SealedRecord first = f.seal(*alice, header, kPlaintext);
        const HttpResponse stored = f.push(*alice, {first});
        COMPARE_ITEM(stored, 0, u"accepted"_s, QString());
        header.clock = later(header.clock, kSecond);
        const SealedRecord second = f.seal(*alice, header, "{\"note\":\"edited\"}"_ba);

        const HttpResponse both = f.push(*alice, {second, first});
        COMPARE_ITEM(both, 0, u"accepted"_s, QString());
        COMPARE_ITEM(both, 1, u"accepted"_s, QString());
        QVERIFY(seqOf(both, 0) > seqOf(stored, 0));
        QCOMPARE(seqOf(both, 1), seqOf(stored, 0));
        // The newer version stays the stored one.
        const QJsonArray items = jsonOf(f.pull(*alice, 0)).value(u"items"_s).toArray();
        QCOMPARE(items.size(), 1);
        QCOMPARE(items.at(0).toObject().value(u"envelope"_s).toString(),
                 protocol::base64url::encode(second.envelope));
    }

    void olderClockIsAConflict()
    {
        ApiFixture f;
        QVERIFY(f.isReady());
        Client *alice = f.enrolled();
        QVERIFY(alice);
        RecordHeader older = f.header(*alice, RecordKind::Interaction);
        RecordHeader newer = older;
        newer.clock = later(older.clock, 10 * kSecond);
        const HttpResponse stored = f.push(*alice, {f.seal(*alice, newer, kPlaintext)});
        COMPARE_ITEM(stored, 0, u"accepted"_s, QString());

        const HttpResponse response = f.push(*alice, {f.seal(*alice, older, kPlaintext)});
        COMPARE_ITEM(response, 0, u"conflict"_s, QString());
        const QJsonObject result = pushResult(response, 0);
        QCOMPARE(result.value(u"id"_s).toString(), older.idText());
        QCOMPARE(result.value(u"clock"_s).toString(), older.clock.toString());
        QCOMPARE(result.value(u"current_clock"_s).toString(), newer.clock.toString());
        QCOMPARE(result.value(u"current_seq"_s).toInteger(), seqOf(stored, 0));
        QCOMPARE(result.value(u"current_deleted"_s).toBool(true), false);
        QVERIFY(!result.contains(u"seq"_s));
    }

    void newerClockReplaces()
    {
        ApiFixture f;
        QVERIFY(f.isReady());
        Client *alice = f.enrolled();
        QVERIFY(alice);
        RecordHeader header = f.header(*alice, RecordKind::Interaction);
        const HttpResponse first = f.push(*alice, {f.seal(*alice, header, kPlaintext)});
        COMPARE_ITEM(first, 0, u"accepted"_s, QString());
        header.clock = later(header.clock, kSecond);
        const SealedRecord second = f.seal(*alice, header, "{\"note\":\"edited\"}"_ba);
        const HttpResponse replaced = f.push(*alice, {second});
        COMPARE_ITEM(replaced, 0, u"accepted"_s, QString());
        QVERIFY(seqOf(replaced, 0) > seqOf(first, 0));

        const QJsonArray items = jsonOf(f.pull(*alice, 0)).value(u"items"_s).toArray();
        QCOMPARE(items.size(), 1);
        QCOMPARE(items.at(0).toObject().value(u"seq"_s).toInteger(), seqOf(replaced, 0));
        QCOMPARE(items.at(0).toObject().value(u"envelope"_s).toString(),
                 protocol::base64url::encode(second.envelope));
    }

    void sameClockOtherBytesIsClockReused()
    {
        ApiFixture f;
        QVERIFY(f.isReady());
        Client *alice = f.enrolled();
        QVERIFY(alice);
        const RecordHeader header = f.header(*alice, RecordKind::Interaction);
        COMPARE_ITEM(f.push(*alice, {f.seal(*alice, header, kPlaintext)}), 0, u"accepted"_s,
                     QString());
        // Sealing again draws a new record key and nonce: other bytes, same clock.
        const HttpResponse response = f.push(*alice, {f.seal(*alice, header, kPlaintext)});
        COMPARE_ITEM(response, 0, u"rejected"_s, u"clock_reused"_s);
        QCOMPARE(itemField(response, 0), u"items[0].header.clock"_s);
    }

    void tamperedEnvelopeIsRejected_data()
    {
        QTest::addColumn<int>("offsetFromEnd"); // which byte to flip, counted from the end
        QTest::addColumn<QString>("expected");
        QTest::newRow("payload tag") << 1 << u"bad_signature"_s;
        QTest::newRow("ciphertext") << 40 << u"bad_signature"_s;
    }

    void tamperedEnvelopeIsRejected()
    {
        QFETCH(int, offsetFromEnd);
        QFETCH(QString, expected);
        ApiFixture f;
        QVERIFY(f.isReady());
        Client *alice = f.enrolled();
        QVERIFY(alice);
        SealedRecord record = f.seal(*alice, f.header(*alice, RecordKind::Interaction), kPlaintext);
        const qsizetype at = record.envelope.size() - offsetFromEnd;
        record.envelope[at] = char(record.envelope.at(at) ^ 0x01);
        const HttpResponse response = f.push(*alice, {record});
        COMPARE_ITEM(response, 0, u"rejected"_s, expected);
        QCOMPARE(jsonOf(f.pull(*alice, 0)).value(u"items"_s).toArray().size(), 0);
    }

    void brokenStructureIsMalformed()
    {
        ApiFixture f;
        QVERIFY(f.isReady());
        Client *alice = f.enrolled();
        QVERIFY(alice);
        SealedRecord record = f.seal(*alice, f.header(*alice, RecordKind::Interaction), kPlaintext);
        record.envelope[0] = 'X'; // the magic
        COMPARE_ITEM(f.push(*alice, {record}), 0, u"rejected"_s, u"malformed_envelope"_s);
        record.envelope = record.envelope.left(20);
        COMPARE_ITEM(f.push(*alice, {record}), 0, u"rejected"_s, u"malformed_envelope"_s);
    }

    void newerEnvelopeFormatIsNewerFormat()
    {
        ApiFixture f;
        QVERIFY(f.isReady());
        Client *alice = f.enrolled();
        QVERIFY(alice);
        SealedRecord record = f.seal(*alice, f.header(*alice, RecordKind::Interaction), kPlaintext);
        record.envelope[3] = '\x02';
        COMPARE_ITEM(f.push(*alice, {record}), 0, u"rejected"_s, u"newer_format"_s);
    }

    void signatureMustBeTheAuthors()
    {
        ApiFixture f;
        QVERIFY(f.isReady());
        Client *alice = f.enrolled();
        Client *bob = f.enrolled();
        QVERIFY(alice && bob);
        const SealedRecord signedByBob =
            f.seal(*alice, f.header(*alice, RecordKind::Interaction), kPlaintext, {}, bob);
        const HttpResponse response = f.push(*alice, {signedByBob});
        COMPARE_ITEM(response, 0, u"rejected"_s, u"bad_signature"_s);
        QCOMPARE(itemField(response, 0), u"items[0].signature"_s);

        // The key commitment is signed too.
        SealedRecord record = f.seal(*alice, f.header(*alice, RecordKind::Interaction), kPlaintext);
        record.keyCommit[0] = char(record.keyCommit.at(0) ^ 0x01);
        COMPARE_ITEM(f.push(*alice, {record}), 0, u"rejected"_s, u"bad_signature"_s);
    }

    void authorMustBeTheCaller()
    {
        ApiFixture f;
        QVERIFY(f.isReady());
        Client *alice = f.enrolled();
        Client *bob = f.enrolled();
        QVERIFY(alice && bob);
        // Bob's header, sealed and signed by Alice, pushed by Alice.
        RecordHeader header = f.header(*bob, RecordKind::Interaction);
        const HttpResponse response = f.push(*alice, {f.seal(*alice, header, kPlaintext)});
        COMPARE_ITEM(response, 0, u"rejected"_s, u"author_mismatch"_s);
        QCOMPARE(itemField(response, 0), u"items[0].header.author"_s);
        QCOMPARE(pushResult(response, 0).value(u"id"_s).toString(), header.idText());
    }

    void teamMustBeTheAuthorsOrEmpty()
    {
        ApiFixture f;
        QVERIFY(f.isReady());
        Client *alice = f.enrolled();
        QVERIFY(alice);
        const Team other = f.addTeam(u"Field sales"_s);
        RecordHeader header = f.header(*alice, RecordKind::Interaction);
        header.team = other.id;
        COMPARE_ITEM(f.push(*alice, {f.seal(*alice, header, kPlaintext)}), 0, u"rejected"_s,
                     u"team_mismatch"_s);
        // Written before enrolment: no team yet; the server files it under Alice's team.
        header.team.clear();
        COMPARE_ITEM(f.push(*alice, {f.seal(*alice, header, kPlaintext)}), 0, u"accepted"_s,
                     QString());
    }

    void onlyLeadsWriteTeamKinds()
    {
        ApiFixture f;
        QVERIFY(f.isReady());
        Client *lead = f.enrolled(Role::Lead);
        Client *staff = f.enrolled(Role::Staff);
        Client *admin = f.enrolled(Role::Admin);
        QVERIFY(lead && staff && admin);
        for (Client *writer : {staff, admin}) {
            const HttpResponse response = f.push(
                *writer, {f.seal(*writer, f.header(*writer, RecordKind::TeamPurpose), kPlaintext)});
            COMPARE_ITEM(response, 0, u"rejected"_s, u"kind_not_allowed"_s);
            QCOMPARE(itemField(response, 0), u"items[0].header.kind"_s);
            COMPARE_ITEM(
                f.push(*writer,
                       {f.seal(*writer, f.header(*writer, RecordKind::QuestionnaireTemplate),
                               kPlaintext)}),
                0, u"rejected"_s, u"kind_not_allowed"_s);
        }
        // The lead writes the purpose for every member.
        const HttpResponse purpose =
            f.push(*lead, {f.seal(*lead, f.header(*lead, RecordKind::TeamPurpose), kPlaintext,
                                  {staff->keys.boxPublicKey, admin->keys.boxPublicKey})});
        COMPARE_ITEM(purpose, 0, u"accepted"_s, QString());
    }

    void readersMustBeAllowedForTheKind()
    {
        ApiFixture f;
        QVERIFY(f.isReady());
        Client *lead = f.enrolled(Role::Lead);
        Client *sam = f.enrolled(Role::Staff);
        Client *sue = f.enrolled(Role::Staff);
        QVERIFY(lead && sam && sue);
        const QByteArray stranger = f.newClient().keys.boxPublicKey;
        Client *revokedLead = f.enrolled(Role::Lead);
        QVERIFY(revokedLead);
        QVERIFY(f.store().revokeUser(revokedLead->userId, f.clock.nowMs()).ok());

        struct Case
        {
            RecordKind kind;
            QList<QByteArray> readers;
            QString expected;
        };
        const QList<Case> cases = {
            {RecordKind::Reflection, {lead->keys.boxPublicKey}, QString()},
            {RecordKind::Reflection, {sue->keys.boxPublicKey}, u"recipient_not_allowed"_s},
            {RecordKind::Interaction, {stranger}, u"recipient_not_allowed"_s},
            {RecordKind::Interaction, {revokedLead->keys.boxPublicKey}, u"recipient_not_allowed"_s},
            {RecordKind::Commitment, {lead->keys.boxPublicKey}, QString()},
            {RecordKind::ClientBrief, {lead->keys.boxPublicKey, sue->keys.boxPublicKey}, QString()},
            {RecordKind::PulseResponse, {lead->keys.boxPublicKey}, u"recipient_not_allowed"_s},
            {RecordKind::PulseResponse, {}, QString()},
        };
        for (const Case &c : cases) {
            const HttpResponse response =
                f.push(*sam, {f.seal(*sam, f.header(*sam, c.kind), kPlaintext, c.readers)});
            const QString context = enumName(c.kind) + u" with %1 readers"_s.arg(c.readers.size());
            QVERIFY2(response.status == 200, qPrintable(context));
            QVERIFY2(status(response, 0) ==
                             (c.expected.isEmpty() ? u"accepted"_s : u"rejected"_s) &&
                         itemCode(response, 0) == c.expected,
                     qPrintable(context + u": "_s + QString::fromUtf8(resultText(response, 0))));
        }
    }

    // The server keeps the team's members between pushes; a revoked reader and a member who
    // joined since must count at the very next push.
    void readersFollowTheDirectoryBetweenPushes()
    {
        ApiFixture f;
        QVERIFY(f.isReady());
        Client *lead = f.enrolled(Role::Lead);
        Client *sam = f.enrolled(Role::Staff);
        QVERIFY(lead && sam);
        auto pushFor = [&](const Client &reader) {
            return f.push(*sam, {f.seal(*sam, f.header(*sam, RecordKind::Interaction), kPlaintext,
                                        {reader.keys.boxPublicKey})});
        };
        COMPARE_ITEM(pushFor(*lead), 0, u"accepted"_s, QString());

        QVERIFY(f.store().revokeUser(lead->userId, f.clock.nowMs()).ok());
        COMPARE_ITEM(pushFor(*lead), 0, u"rejected"_s, u"recipient_not_allowed"_s);

        Client *newLead = f.enrolled(Role::Lead);
        QVERIFY(newLead);
        COMPARE_ITEM(pushFor(*newLead), 0, u"accepted"_s, QString());
    }

    void readerWrapsAreTypeTwoAndDistinct_data()
    {
        QTest::addColumn<QString>("change");
        QTest::newRow("same reader twice") << u"duplicate"_s;
        QTest::newRow("second author wrap") << u"type 1"_s;
        QTest::newRow("unknown wrap type") << u"type 3"_s;
    }

    void readerWrapsAreTypeTwoAndDistinct()
    {
        // EnvelopeCrypto never writes such wraps, so they are made by hand and signed: what a
        // modified client could push.
        QFETCH(QString, change);
        ApiFixture f;
        QVERIFY(f.isReady());
        Client *lead = f.enrolled(Role::Lead);
        Client *sam = f.enrolled(Role::Staff);
        QVERIFY(lead && sam);
        SealedRecord record = f.seal(*sam, f.header(*sam, RecordKind::Interaction), kPlaintext,
                                     {lead->keys.boxPublicKey});
        QByteArray &envelope = record.envelope;
        const qsizetype headerBytes = qFromLittleEndian<quint32>(envelope.constData() + 4);
        const qsizetype countAt = 8 + headerBytes;
        QCOMPARE(int(quint8(envelope.at(countAt))), 2);
        const qsizetype readerWrapAt = countAt + 1 + envelope::kWrapBytes;
        if (change == u"duplicate"_s) {
            envelope.insert(readerWrapAt, envelope.mid(readerWrapAt, envelope::kWrapBytes));
            envelope[countAt] = char(3);
        } else {
            envelope[readerWrapAt] = change == u"type 1"_s ? char(1) : char(3);
        }
        record.signature =
            protocol::signing::signRecord(envelope, record.keyCommit, sam->keys.signSecretKey)
                .value();
        const HttpResponse response = f.push(*sam, {record});
        COMPARE_ITEM(response, 0, u"rejected"_s, u"recipient_not_allowed"_s);
        QCOMPARE(itemField(response, 0), u"items[0].envelope"_s);
    }

    void authorWrapMustBeTheAuthorsKey()
    {
        ApiFixture f;
        QVERIFY(f.isReady());
        Client *alice = f.enrolled();
        QVERIFY(alice);
        // Sealed with other keys (wrap 0 for another box key) but Alice's header and signature.
        Client &other = f.newClient();
        const SealedRecord record =
            f.seal(other, f.header(*alice, RecordKind::Interaction), kPlaintext, {}, alice);
        const HttpResponse response = f.push(*alice, {record});
        COMPARE_ITEM(response, 0, u"rejected"_s, u"bad_author_wrap"_s);
        QCOMPARE(itemField(response, 0), u"items[0].envelope"_s);
    }

    void clockFarAheadIsDeferred()
    {
        ApiFixture f;
        QVERIFY(f.isReady());
        Client *alice = f.enrolled();
        QVERIFY(alice);
        const RecordHeader ahead =
            f.header(*alice, RecordKind::Interaction, f.clock.nowMs() + 2 * kHour);
        const HttpResponse response = f.push(*alice, {f.seal(*alice, ahead, kPlaintext)});
        COMPARE_ITEM(response, 0, u"deferred"_s, u"clock_in_future"_s);
        QCOMPARE(pushResult(response, 0).value(u"retry_after_seconds"_s).toInteger(), 3600);
        QCOMPARE(itemField(response, 0), u"items[0].header.clock"_s);
        QCOMPARE(pushResult(response, 0).value(u"id"_s).toString(), ahead.idText());
        QCOMPARE(jsonOf(f.pull(*alice, 0)).value(u"items"_s).toArray().size(), 0);

        // Within the hour it is accepted.
        const RecordHeader near =
            f.header(*alice, RecordKind::Interaction, f.clock.nowMs() + kHour);
        COMPARE_ITEM(f.push(*alice, {f.seal(*alice, near, kPlaintext)}), 0, u"accepted"_s,
                     QString());
    }

    void clockBefore2020IsInvalid()
    {
        ApiFixture f;
        QVERIFY(f.isReady());
        Client *alice = f.enrolled();
        QVERIFY(alice);
        const RecordHeader old =
            f.header(*alice, RecordKind::Interaction, Q_INT64_C(1577836800000) - 1);
        const HttpResponse response = f.push(*alice, {f.seal(*alice, old, kPlaintext)});
        COMPARE_ITEM(response, 0, u"rejected"_s, u"invalid_clock"_s);
    }

    void metricsAreChecked()
    {
        ApiFixture f;
        QVERIFY(f.isReady());
        Client *alice = f.enrolled();
        QVERIFY(alice);
        RecordHeader header = f.header(*alice, RecordKind::Interaction);
        header.metrics.remove(u"day"_s);
        const HttpResponse missing = f.push(*alice, {f.seal(*alice, header, kPlaintext)});
        COMPARE_ITEM(missing, 0, u"rejected"_s, u"invalid_metrics"_s);
        QCOMPARE(itemField(missing, 0), u"items[0].header.metrics.day"_s);

        header = f.header(*alice, RecordKind::Interaction);
        header.deleted = true; // a tombstone keeps no metrics
        COMPARE_ITEM(f.push(*alice, {f.seal(*alice, header, kPlaintext)}), 0, u"rejected"_s,
                     u"invalid_metrics"_s);
    }

    void idOfAnotherAuthorIsTaken()
    {
        ApiFixture f;
        QVERIFY(f.isReady());
        Client *alice = f.enrolled();
        Client *bob = f.enrolled();
        QVERIFY(alice && bob);
        const RecordHeader hers = f.header(*alice, RecordKind::Interaction);
        COMPARE_ITEM(f.push(*alice, {f.seal(*alice, hers, kPlaintext)}), 0, u"accepted"_s,
                     QString());
        RecordHeader his = f.header(*bob, RecordKind::Interaction);
        his.id = hers.id;
        his.clock = later(hers.clock, kSecond);
        const HttpResponse response = f.push(*bob, {f.seal(*bob, his, kPlaintext)});
        COMPARE_ITEM(response, 0, u"rejected"_s, u"id_taken"_s);
        QCOMPARE(itemField(response, 0), u"items[0].header.id"_s);
    }

    void kindCannotChangeAndTombstonesStay()
    {
        ApiFixture f;
        QVERIFY(f.isReady());
        Client *alice = f.enrolled();
        QVERIFY(alice);
        RecordHeader header = f.header(*alice, RecordKind::Interaction);
        COMPARE_ITEM(f.push(*alice, {f.seal(*alice, header, kPlaintext)}), 0, u"accepted"_s,
                     QString());
        RecordHeader otherKind = f.header(*alice, RecordKind::Reflection);
        otherKind.id = header.id;
        otherKind.clock = later(header.clock, kSecond);
        COMPARE_ITEM(f.push(*alice, {f.seal(*alice, otherKind, kPlaintext)}), 0, u"rejected"_s,
                     u"kind_changed"_s);

        RecordHeader tombstone = header;
        tombstone.clock = later(header.clock, 2 * kSecond);
        tombstone.deleted = true;
        tombstone.metrics = {};
        COMPARE_ITEM(f.push(*alice, {f.seal(*alice, tombstone, {})}), 0, u"accepted"_s, QString());
        RecordHeader revived = header;
        revived.clock = later(header.clock, 3 * kSecond);
        COMPARE_ITEM(f.push(*alice, {f.seal(*alice, revived, kPlaintext)}), 0, u"rejected"_s,
                     u"record_deleted"_s);
        // An older version now meets the tombstone and is a conflict that says so.
        RecordHeader older = header;
        older.clock = later(header.clock, kSecond);
        const HttpResponse conflict = f.push(*alice, {f.seal(*alice, older, kPlaintext)});
        COMPARE_ITEM(conflict, 0, u"conflict"_s, QString());
        QCOMPARE(pushResult(conflict, 0).value(u"current_deleted"_s).toBool(), true);
    }

    void itemsInOneBatchStandAlone()
    {
        ApiFixture f;
        QVERIFY(f.isReady());
        Client *alice = f.enrolled();
        Client *bob = f.enrolled();
        QVERIFY(alice && bob);
        const SealedRecord good =
            f.seal(*alice, f.header(*alice, RecordKind::Interaction), kPlaintext);
        const SealedRecord foreign =
            f.seal(*alice, f.header(*bob, RecordKind::Interaction), kPlaintext);
        const SealedRecord alsoGood =
            f.seal(*alice, f.header(*alice, RecordKind::Reflection), kPlaintext);
        const HttpResponse response = f.push(*alice, {good, foreign, alsoGood});
        COMPARE_ITEM(response, 0, u"accepted"_s, QString());
        COMPARE_ITEM(response, 1, u"rejected"_s, u"author_mismatch"_s);
        QCOMPARE(itemField(response, 1), u"items[1].header.author"_s);
        COMPARE_ITEM(response, 2, u"accepted"_s, QString());
        QVERIFY(seqOf(response, 2) > seqOf(response, 0));
    }

    void envelopeAbove4MiBIsTooLarge()
    {
        ApiFixture f;
        QVERIFY(f.isReady());
        Client *alice = f.enrolled();
        QVERIFY(alice);
        protocol::PushItem item;
        item.envelope = QByteArray(4 * 1024 * 1024 + 1, 'e');
        item.signature = QByteArray(64, 's');
        item.keyCommit = QByteArray(32, 'k');
        const HttpResponse response = f.pushItems(*alice, {item});
        COMPARE_ITEM(response, 0, u"rejected"_s, u"envelope_too_large"_s);
        QCOMPARE(itemField(response, 0), u"items[0].envelope"_s);
    }

    void batchAbove500ItemsFailsWhole()
    {
        ApiFixture f;
        QVERIFY(f.isReady());
        Client *alice = f.enrolled();
        QVERIFY(alice);
        const protocol::PushItem item =
            f.seal(*alice, f.header(*alice, RecordKind::Interaction), kPlaintext).item();
        const HttpResponse response = f.pushItems(*alice, QList<protocol::PushItem>(501, item));
        API_COMPARE_STATUS(response, 400);
        QCOMPARE(errorCode(response), u"invalid_field"_s);
        QCOMPARE(errorField(response), u"items"_s);
        QCOMPARE(jsonOf(f.pull(*alice, 0)).value(u"items"_s).toArray().size(), 0);

        const HttpResponse empty = f.pushItems(*alice, {});
        API_COMPARE_STATUS(empty, 400);
        QCOMPARE(errorField(empty), u"items"_s);
    }

    void badItemMemberFailsWhole()
    {
        ApiFixture f;
        QVERIFY(f.isReady());
        Client *alice = f.enrolled();
        QVERIFY(alice);
        const SealedRecord good =
            f.seal(*alice, f.header(*alice, RecordKind::Interaction), kPlaintext);
        QJsonObject body = protocol::PushRequest{{good.item(), good.item()}}.toJson();
        QJsonArray items = body.value(u"items"_s).toArray();
        QJsonObject second = items.at(1).toObject();
        second.insert(u"signature"_s, u"not base64url!"_s);
        items[1] = second;
        body.insert(u"items"_s, items);
        const HttpResponse response = f.post(u"/v1/records"_s, body, alice->token);
        API_COMPARE_STATUS(response, 400);
        QCOMPARE(errorCode(response), u"invalid_field"_s);
        QCOMPARE(errorField(response), u"items[1].signature"_s);
        QCOMPARE(jsonOf(f.pull(*alice, 0)).value(u"items"_s).toArray().size(), 0);
    }

    void pushNeedsAToken()
    {
        ApiFixture f;
        QVERIFY(f.isReady());
        Client *alice = f.enrolled();
        QVERIFY(alice);
        const SealedRecord record =
            f.seal(*alice, f.header(*alice, RecordKind::Interaction), kPlaintext);
        Client anonymous;
        const HttpResponse response = f.push(anonymous, {record});
        API_COMPARE_STATUS(response, 401);
        QCOMPARE(errorCode(response), u"unauthenticated"_s);
    }
};

QTEST_GUILESS_MAIN(TestApiPush)
#include "tst_apipush.moc"
