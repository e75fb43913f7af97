// ServerApi: what never leaves the server in a response body or a log line (protocol.md 2, 18;
// DESIGN.md 8): payload plaintext, metrics, tokens, codes, keys and link mailbox ids.
#include "sync/protocol/base64url.h"
#include "sync/protocol/crockford.h"
#include "sync/protocol/signedmessages.h"
#include "tests/server/api/apitestsupport.h"

#include <QJsonArray>
#include <QTest>

using namespace outward;
using namespace outward::server;
using namespace outward::server::test;
using namespace Qt::StringLiterals;

namespace {

const QByteArray kCanary = "CANARY-7f3e9d2a-the-customer-said-her-husband-died"_ba;
const QString kMetricCanary = u"metric-canary-5c1b"_s;

// The places a secret may hide in a text: as is, base64url, hex, and the first 16 characters
// (a logger could cut it).
QStringList formsOf(const QByteArray &secret)
{
    return {QString::fromLatin1(secret), protocol::base64url::encode(secret),
            QString::fromLatin1(secret.toHex()), QString::fromLatin1(secret.toBase64())};
}

QStringList formsOfText(const QString &secret)
{
    QStringList forms{secret, secret.left(16)};
    auto digits = protocol::crockford::parse(secret);
    if (digits.ok())
        forms << digits.value() << digits.value().left(10);
    return forms;
}

} // namespace

class TestApiPrivacy : public QObject
{
    Q_OBJECT

private slots:
    void nothingSecretInBodiesOrLogs()
    {
        ApiFixture f;
        QVERIFY(f.isReady());
        QStringList neverInLogs;
        QStringList neverInBodies;

        // Enrolment, with the invite codes.
        Client &lead = f.newClient(Role::Lead, u"Lee"_s);
        Client &sam = f.newClient(Role::Staff, u"Sam"_s);
        Client &sue = f.newClient(Role::Staff, u"Sue"_s);
        for (Client *client : {&lead, &sam, &sue}) {
            const QString code = f.createInvite(client->role);
            neverInLogs += formsOfText(code);
            neverInBodies += formsOfText(code);
            API_COMPARE_STATUS(f.enroll(*client, code), 201);
            API_COMPARE_STATUS(f.authenticate(*client), 200);
            neverInLogs += formsOfText(client->token);
            neverInLogs += formsOf(client->keys.signSecretKey.toByteArray());
            neverInBodies += formsOf(client->keys.signSecretKey.toByteArray());
            neverInLogs += formsOf(client->device.secretKey.toByteArray());
            neverInBodies += formsOf(client->device.secretKey.toByteArray());
            neverInLogs += formsOf(client->keys.masterKey.toByteArray());
            neverInBodies += formsOf(client->keys.masterKey.toByteArray());
        }

        // Records with the canary in their payload, and one in their metrics.
        RecordHeader header = f.header(sam, RecordKind::Interaction);
        header.metrics.insert(u"futureMember"_s, kMetricCanary);
        const SealedRecord shared = f.seal(sam, header, kCanary, {lead.keys.boxPublicKey});
        const SealedRecord unshared = f.seal(sam, f.header(sam, RecordKind::Reflection), kCanary);
        RecordHeader ahead = f.header(sam, RecordKind::Reflection, f.clock.nowMs() + 3 * kHour);
        const SealedRecord deferred = f.seal(sam, ahead, kCanary);
        SealedRecord tampered = f.seal(sam, f.header(sam, RecordKind::Reflection), kCanary);
        tampered.envelope[tampered.envelope.size() - 1] ^= 0x01;
        const SealedRecord forSue =
            f.seal(sam, f.header(sam, RecordKind::Reflection), kCanary, {sue.keys.boxPublicKey});
        const HttpResponse pushed = f.push(sam, {shared, unshared, deferred, tampered, forSue});
        API_COMPARE_STATUS(pushed, 200);
        QCOMPARE(pushResult(pushed, 0).value(u"status"_s).toString(), u"accepted"_s);
        API_COMPARE_STATUS(f.push(sam, {shared}), 200); // a retry
        RecordHeader conflicting = header;
        conflicting.clock.wallMs -= kSecond;
        API_COMPARE_STATUS(f.push(sam, {f.seal(sam, conflicting, kCanary)}), 200);
        API_COMPARE_STATUS(f.pull(sam, 0), 200);
        API_COMPARE_STATUS(f.pull(lead, 0), 200);
        API_COMPARE_STATUS(f.pull(sue, 0), 200);
        header.clock.wallMs += kSecond;
        API_COMPARE_STATUS(f.push(sam, {f.seal(sam, header, kCanary)}), 200); // un-shared
        API_COMPARE_STATUS(f.pull(lead, 0), 200);

        // Linking, with the mailbox id in paths, the claim token and a bad registration.
        const SecureBytes secret = protocol::signing::newLinkSecret();
        const QByteArray mailboxId = protocol::signing::linkMailboxId(secret).value();
        const QByteArray blob =
            protocol::signing::sealLinkBlob(protocol::signing::linkKey(secret).value(),
                                            lead.keys.masterKey, lead.userId)
                .value();
        neverInLogs += formsOf(mailboxId);
        neverInLogs += formsOf(secret.toByteArray());
        neverInBodies += formsOf(secret.toByteArray());
        neverInLogs += protocol::crockford::linkCodeFromSecret(secret);
        const QString offerPath = u"/v1/link/offers/"_s + protocol::base64url::encode(mailboxId);
        API_COMPARE_STATUS(f.post(u"/v1/link/offers"_s,
                                  protocol::LinkOfferRequest{mailboxId, blob}.toJson(), lead.token),
                           201);
        API_COMPARE_STATUS(f.get(offerPath, lead.token), 200);
        API_COMPARE_STATUS(f.get(offerPath, sam.token), 403);
        HttpRequest wrongMethod;
        wrongMethod.method = "PUT"_ba;
        wrongMethod.path = offerPath;
        API_COMPARE_STATUS(f.send(wrongMethod), 405);
        const HttpResponse claimed =
            f.post(u"/v1/link/claim"_s, protocol::LinkClaimRequest{mailboxId}.toJson());
        API_COMPARE_STATUS(claimed, 200);
        const QString claimToken = jsonOf(claimed).value(u"claim_token"_s).toString();
        neverInLogs += formsOfText(claimToken);
        Client &tablet = f.secondDevice(lead);
        protocol::DeviceRegistrationRequest registration;
        registration.claimToken = claimToken;
        registration.device = {tablet.device.publicKey, u"tablet"_s};
        registration.signature = QByteArray(64, '\x01');
        API_COMPARE_STATUS(f.post(u"/v1/devices"_s, registration.toJson()), 422);
        API_COMPARE_STATUS(f.del(offerPath, lead.token), 204);

        // Recovery, and a few failures that carry codes and tokens.
        const QString ticket = f.createRecoveryTicket(sue.userId);
        neverInLogs += formsOfText(ticket);
        neverInBodies += formsOfText(ticket);
        API_COMPARE_STATUS(f.post(u"/v1/recovery/claim"_s, QJsonObject{{u"ticket"_s, ticket}}),
                           200);
        API_COMPARE_STATUS(f.post(u"/v1/recovery/claim"_s, QJsonObject{{u"ticket"_s, ticket}}),
                           410);
        const QString unknownCode = u"7KQ2M-X9D4T-R0WPZ-3HB8N"_s;
        neverInLogs += formsOfText(unknownCode);
        neverInBodies += formsOfText(unknownCode);
        Client &late = f.newClient();
        API_COMPARE_STATUS(f.enroll(late, unknownCode), 404);
        const QString madeUpToken = u"owt1_ZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZ"_s;
        neverInLogs += formsOfText(madeUpToken);
        neverInBodies += formsOfText(madeUpToken);
        API_COMPARE_STATUS(f.get(u"/v1/me"_s, madeUpToken), 401);
        f.clock.advanceMs(2 * kHour);
        API_COMPARE_STATUS(f.get(u"/v1/me"_s, sam.token), 401);

        // Tokens appear in exactly one place: the body of the response that issued them.
        const QList<QByteArray> bodies = f.bodies();
        const QStringList logs = f.logs().lines();
        QVERIFY2(!logs.isEmpty(), "nothing was logged: is the log capture working?");
        bool offerLineSeen = false;
        for (const QString &line : logs) {
            QVERIFY2(!line.contains(QString::fromLatin1(kCanary)), qPrintable(line));
            QVERIFY2(!line.contains(kMetricCanary), qPrintable(line));
            for (const QString &secretForm : neverInLogs)
                QVERIFY2(!line.contains(secretForm), qPrintable(u"leaked into "_s + line));
            if (line.contains(u"/v1/link/offers/"_s))
                offerLineSeen = true;
        }
        QVERIFY2(offerLineSeen, "the request log names the offer route (without its id)");
        for (const QByteArray &body : bodies) {
            QVERIFY2(!body.contains(kCanary), body.left(300).constData());
            QVERIFY2(!body.contains(kMetricCanary.toUtf8()), body.left(300).constData());
            for (const QString &secretForm : neverInBodies)
                QVERIFY2(!body.contains(secretForm.toUtf8()), body.left(300).constData());
        }
    }

    void everyRequestIsLoggedOnce()
    {
        ApiFixture f;
        QVERIFY(f.isReady());
        f.logs().clear();
        API_COMPARE_STATUS(f.get(u"/v1/health"_s), 200);
        API_COMPARE_STATUS(f.get(u"/nowhere/secret-looking-path"_s), 404);
        int requestLines = 0;
        for (const QString &line : f.logs().lines()) {
            if (line.startsWith(u"outward.server.api: #"_s))
                ++requestLines;
            QVERIFY2(!line.contains(u"secret-looking-path"_s), qPrintable(line));
        }
        QCOMPARE(requestLines, 2);
    }
};

QTEST_GUILESS_MAIN(TestApiPrivacy)
#include "tst_apiprivacy.moc"
