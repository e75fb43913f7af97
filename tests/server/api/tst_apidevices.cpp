// ServerApi: devices, linking a second device and recovery (protocol.md 14, 15).
#include "sync/protocol/base64url.h"
#include "sync/protocol/signedmessages.h"
#include "tests/server/api/apitestsupport.h"

#include <QJsonArray>
#include <QTest>

using namespace outward;
using namespace outward::server;
using namespace outward::server::test;
using namespace Qt::StringLiterals;

namespace {

struct Offer
{
    SecureBytes secret;
    QByteArray mailboxId;
    QByteArray blob;
    HttpResponse response;

    QString path() const { return u"/v1/link/offers/"_s + protocol::base64url::encode(mailboxId); }
};

Offer makeOffer(ApiFixture &f, const Client &client)
{
    Offer offer;
    offer.secret = protocol::signing::newLinkSecret();
    offer.mailboxId = protocol::signing::linkMailboxId(offer.secret).value();
    auto key = protocol::signing::linkKey(offer.secret);
    offer.blob =
        protocol::signing::sealLinkBlob(key.value(), client.keys.masterKey, client.userId).value();
    offer.response = f.post(u"/v1/link/offers"_s,
                            protocol::LinkOfferRequest{offer.mailboxId, offer.blob}.toJson(),
                            client.token, client.peer);
    return offer;
}

HttpResponse claim(ApiFixture &f, const QByteArray &mailboxId, const QString &peer = {})
{
    return f.post(u"/v1/link/claim"_s, protocol::LinkClaimRequest{mailboxId}.toJson(), {}, peer);
}

QString offerStatus(ApiFixture &f, const Offer &offer, const Client &owner)
{
    const HttpResponse response = f.get(offer.path(), owner.token);
    if (response.status != 200)
        return QString::fromUtf8(describe(response));
    return jsonOf(response).value(u"status"_s).toString();
}

protocol::DeviceRegistrationRequest registration(const ApiFixture &f, const Client &device,
                                                 const QString &claimToken,
                                                 const SecureBytes &signingKey)
{
    protocol::DeviceRegistrationRequest request;
    request.claimToken = claimToken;
    request.device = {device.device.publicKey, u"tablet"_s};
    auto message = protocol::signing::deviceRegistrationMessage(
        f.serverId(), device.userId, device.device.publicKey, claimToken);
    request.signature = protocol::signing::sign(message.value(), signingKey).value();
    return request;
}

HttpResponse registerDevice(ApiFixture &f, Client &device, const QString &claimToken)
{
    const HttpResponse response = f.post(
        u"/v1/devices"_s, registration(f, device, claimToken, device.keys.signSecretKey).toJson(),
        {}, device.peer);
    if (response.status == 201)
        device.deviceId = jsonOf(response).value(u"device_id"_s).toString();
    return response;
}

QString claimTokenOf(const HttpResponse &response)
{
    return jsonOf(response).value(u"claim_token"_s).toString();
}

} // namespace

class TestApiDevices : public QObject
{
    Q_OBJECT

private slots:
    void listShowsOwnDevices()
    {
        ApiFixture f;
        QVERIFY(f.isReady());
        Client *alice = f.enrolled();
        Client *bob = f.enrolled();
        QVERIFY(alice && bob);
        const HttpResponse response = f.get(u"/v1/devices"_s, alice->token);
        API_COMPARE_STATUS(response, 200);
        auto list = protocol::DeviceList::fromJson(jsonOf(response));
        QVERIFY2(list.ok(), qPrintable(list.ok() ? QString() : list.error().message));
        QCOMPARE(list->devices.size(), 1);
        QCOMPARE(list->devices.at(0).deviceId, alice->deviceId);
        QVERIFY(list->devices.at(0).current);
        QCOMPARE(list->devices.at(0).status, protocol::DeviceStatus::Active);
        QCOMPARE(list->devices.at(0).createdAt.toMSecsSinceEpoch(), f.clock.nowMs());
    }

    void linkingASecondDevice()
    {
        ApiFixture f;
        QVERIFY(f.isReady());
        Client *alice = f.enrolled(Role::Lead, u"Alice"_s);
        QVERIFY(alice);
        const SealedRecord record =
            f.seal(*alice, f.header(*alice, RecordKind::Reflection), "{\"mine\":1}"_ba);
        API_COMPARE_STATUS(f.push(*alice, {record}), 200);

        const Offer offer = makeOffer(f, *alice);
        API_COMPARE_STATUS(offer.response, 201);
        QCOMPARE(jsonOf(offer.response).value(u"expires_at"_s).toString(),
                 QDateTime::fromMSecsSinceEpoch(f.clock.nowMs() + 10 * kMinute, Qt::UTC)
                     .toString(Qt::ISODateWithMs));
        QCOMPARE(offerStatus(f, offer, *alice), u"waiting"_s);

        // The new device: it knows only the link code (so the secret) and the server.
        Client &tablet = f.secondDevice(*alice);
        const HttpResponse claimed = claim(f, offer.mailboxId, tablet.peer);
        API_COMPARE_STATUS(claimed, 200);
        auto parsed = protocol::LinkClaimResponse::fromJson(jsonOf(claimed));
        QVERIFY2(parsed.ok(), qPrintable(parsed.ok() ? QString() : parsed.error().message));
        QCOMPARE(parsed->userId, alice->userId);
        QCOMPARE(parsed->team.id, f.team().id);
        QCOMPARE(parsed->role, protocol::Role::Lead);
        QCOMPARE(parsed->serverId, f.serverId());
        QCOMPARE(parsed->blob, offer.blob);
        QCOMPARE(parsed->keyring.boxPublicKey, alice->keys.boxPublicKey);
        QCOMPARE(parsed->keyring.signPublicKey, alice->keys.signPublicKey);
        QCOMPARE(parsed->keyring.wrappedSecretKeys, alice->wrapped.wrappedSecretKeys);
        QCOMPARE(parsed->keyring.recoveryWrappedMasterKey, alice->wrapped.recoveryWrappedMasterKey);
        QVERIFY(parsed->claimToken.startsWith(u"owc1_"_s));
        auto master = protocol::signing::openLinkBlob(
            protocol::signing::linkKey(offer.secret).value(), parsed->blob, parsed->userId);
        QVERIFY(master.ok());
        QVERIFY(master->equals(alice->keys.masterKey));

        QCOMPARE(offerStatus(f, offer, *alice), u"claimed"_s);
        const HttpResponse second = claim(f, offer.mailboxId);
        API_COMPARE_STATUS(second, 410);
        QCOMPARE(errorCode(second), u"link_used"_s);

        const HttpResponse registered = registerDevice(f, tablet, parsed->claimToken);
        API_COMPARE_STATUS(registered, 201);
        auto enrolment = protocol::DeviceRegistrationResponse::fromJson(jsonOf(registered));
        QVERIFY2(enrolment.ok(),
                 qPrintable(enrolment.ok() ? QString() : enrolment.error().message));
        QCOMPARE(enrolment->userId, alice->userId);
        QVERIFY(enrolment->deviceId != alice->deviceId);
        QCOMPARE(enrolment->serverId, f.serverId());
        QCOMPARE(enrolment->directory.members.size(), 1);
        // A device is no membership change.
        QCOMPARE(enrolment->directory.directoryVersion, 2);

        const HttpResponse status = f.get(offer.path(), alice->token);
        API_COMPARE_STATUS(status, 200);
        QCOMPARE(jsonOf(status).value(u"status"_s).toString(), u"registered"_s);
        QCOMPARE(jsonOf(status).value(u"device_id"_s).toString(), tablet.deviceId);

        // The claim token was single use.
        Client &another = f.secondDevice(*alice);
        const HttpResponse reused = registerDevice(f, another, parsed->claimToken);
        API_COMPARE_STATUS(reused, 410);
        QCOMPARE(errorCode(reused), u"claim_expired"_s);

        // The tablet signs in with its own key and gets Alice's records.
        API_COMPARE_STATUS(f.authenticate(tablet), 200);
        const QJsonArray items = jsonOf(f.pull(tablet, 0)).value(u"items"_s).toArray();
        QCOMPARE(items.size(), 1);
        QCOMPARE(items.at(0).toObject().value(u"envelope"_s).toString(),
                 protocol::base64url::encode(record.envelope));

        auto list = protocol::DeviceList::fromJson(jsonOf(f.get(u"/v1/devices"_s, tablet.token)));
        QVERIFY(list.ok());
        QCOMPARE(list->devices.size(), 2);
        for (const auto &device : list->devices)
            QCOMPARE(device.current, device.deviceId == tablet.deviceId);
    }

    void aRepeatedRegistrationAnswersTheSameDevice()
    {
        ApiFixture f;
        QVERIFY(f.isReady());
        Client *alice = f.enrolled(Role::Lead);
        QVERIFY(alice);
        const Offer offer = makeOffer(f, *alice);
        const HttpResponse claimed = claim(f, offer.mailboxId);
        API_COMPARE_STATUS(claimed, 200);
        const QString claimToken = claimTokenOf(claimed);
        Client &tablet = f.secondDevice(*alice);
        const HttpResponse first = registerDevice(f, tablet, claimToken);
        API_COMPARE_STATUS(first, 201);
        const QString deviceId = tablet.deviceId;
        QVERIFY(!deviceId.isEmpty());

        // The answer was lost; meanwhile the team changed. The repeat gets the same device and
        // today's directory.
        Client *bob = f.enrolled();
        QVERIFY(bob);
        f.clock.advanceMs(9 * kMinute);
        f.logs().clear();
        const HttpResponse repeat = registerDevice(f, tablet, claimToken);
        API_COMPARE_STATUS(repeat, 201);
        auto before = protocol::DeviceRegistrationResponse::fromJson(jsonOf(first));
        auto after = protocol::DeviceRegistrationResponse::fromJson(jsonOf(repeat));
        QVERIFY(before.ok() && after.ok());
        QCOMPARE(after->deviceId, deviceId);
        QCOMPARE(before->directory.members.size(), 1);
        QCOMPARE(after->directory.members.size(), 2);
        QVERIFY(after->directory.directoryVersion > before->directory.directoryVersion);
        QJsonObject firstBody = jsonOf(first);
        QJsonObject repeatBody = jsonOf(repeat);
        firstBody.remove(u"directory"_s);
        repeatBody.remove(u"directory"_s);
        QCOMPARE(repeatBody, firstBody);
        QVERIFY2(f.logs().lines().join(u'\n').contains(u"registration repeated"_s),
                 qPrintable(f.logs().lines().join(u'\n')));

        // One device was added, and the offer says so once.
        auto list = protocol::DeviceList::fromJson(jsonOf(f.get(u"/v1/devices"_s, alice->token)));
        QVERIFY(list.ok());
        QCOMPARE(list->devices.size(), 2);
        const HttpResponse status = f.get(offer.path(), alice->token);
        API_COMPARE_STATUS(status, 200);
        QCOMPARE(jsonOf(status).value(u"status"_s).toString(), u"registered"_s);
        QCOMPARE(jsonOf(status).value(u"device_id"_s).toString(), deviceId);

        // Another key with the same claim token: used, however well signed.
        Client &another = f.secondDevice(*alice);
        const HttpResponse reused = registerDevice(f, another, claimToken);
        API_COMPARE_STATUS(reused, 410);
        QCOMPARE(errorCode(reused), u"claim_expired"_s);
        // A repeat needs the user's signature like the first time.
        const HttpResponse unsigned_ = f.post(
            u"/v1/devices"_s, registration(f, tablet, claimToken, tablet.device.secretKey).toJson(),
            {}, tablet.peer);
        API_COMPARE_STATUS(unsigned_, 422);
        QCOMPARE(errorCode(unsigned_), u"invalid_signature"_s);

        // After the claim token's 10 minutes even the same key is refused.
        f.clock.advanceMs(1 * kMinute);
        const HttpResponse late = registerDevice(f, tablet, claimToken);
        API_COMPARE_STATUS(late, 410);
        QCOMPARE(errorCode(late), u"claim_expired"_s);
        QCOMPARE(tablet.deviceId, deviceId);
        API_COMPARE_STATUS(f.authenticate(tablet), 200);
    }

    void revocationsStopARepeatedRegistration()
    {
        ApiFixture f;
        QVERIFY(f.isReady());
        Client *alice = f.enrolled();
        QVERIFY(alice);
        const auto registered = [&](Client &device) {
            Offer offer = makeOffer(f, *alice);
            const QString claimToken = claimTokenOf(claim(f, offer.mailboxId, device.peer));
            const HttpResponse response = registerDevice(f, device, claimToken);
            return std::make_tuple(std::move(offer), claimToken, response.status);
        };

        // Alice revokes the tablet: its repeat must not bring it back.
        Client &tablet = f.secondDevice(*alice);
        const auto [tabletOffer, tabletClaim, tabletStatus] = registered(tablet);
        QCOMPARE(tabletStatus, 201);
        API_COMPARE_STATUS(f.del(u"/v1/devices/"_s + tablet.deviceId, alice->token), 204);
        const HttpResponse revoked = registerDevice(f, tablet, tabletClaim);
        API_COMPARE_STATUS(revoked, 410);
        QCOMPARE(errorCode(revoked), u"claim_expired"_s);
        const HttpResponse signIn = f.authenticate(tablet);
        API_COMPARE_STATUS(signIn, 403);
        QCOMPARE(errorCode(signIn), u"device_revoked"_s);

        // Alice cancels the offer after the phone registered.
        Client &phone = f.secondDevice(*alice);
        const auto [phoneOffer, phoneClaim, phoneStatus] = registered(phone);
        QCOMPARE(phoneStatus, 201);
        API_COMPARE_STATUS(f.del(phoneOffer.path(), alice->token), 204);
        const HttpResponse cancelled = registerDevice(f, phone, phoneClaim);
        API_COMPARE_STATUS(cancelled, 410);
        QCOMPARE(errorCode(cancelled), u"claim_expired"_s);

        // The admin revokes Alice.
        Client &laptop = f.secondDevice(*alice);
        const auto [laptopOffer, laptopClaim, laptopStatus] = registered(laptop);
        QCOMPARE(laptopStatus, 201);
        QVERIFY(f.store().revokeUser(alice->userId, f.clock.nowMs()).ok());
        const HttpResponse userRevoked = registerDevice(f, laptop, laptopClaim);
        API_COMPARE_STATUS(userRevoked, 410);
        QCOMPARE(errorCode(userRevoked), u"claim_expired"_s);

        auto devices = f.store().listDevices(alice->userId);
        QVERIFY(devices.ok());
        QCOMPARE(devices->size(), 4);
        for (const Device &device : *devices)
            QVERIFY(device.isRevoked());
    }

    void registrationNeedsTheUsersSignature()
    {
        ApiFixture f;
        QVERIFY(f.isReady());
        Client *alice = f.enrolled();
        QVERIFY(alice);
        const Offer offer = makeOffer(f, *alice);
        API_COMPARE_STATUS(offer.response, 201);
        const HttpResponse claimed = claim(f, offer.mailboxId);
        API_COMPARE_STATUS(claimed, 200);
        Client &tablet = f.secondDevice(*alice);

        // Signed with the new device's own key: not the user's.
        const HttpResponse wrong = f.post(
            u"/v1/devices"_s,
            registration(f, tablet, claimTokenOf(claimed), tablet.device.secretKey).toJson());
        API_COMPARE_STATUS(wrong, 422);
        QCOMPARE(errorCode(wrong), u"invalid_signature"_s);
        QCOMPARE(offerStatus(f, offer, *alice), u"claimed"_s);

        // The claim token survives a refused signature.
        API_COMPARE_STATUS(registerDevice(f, tablet, claimTokenOf(claimed)), 201);
    }

    void registrationRefusesAKnownDeviceKey()
    {
        ApiFixture f;
        QVERIFY(f.isReady());
        Client *alice = f.enrolled();
        QVERIFY(alice);
        const Offer offer = makeOffer(f, *alice);
        const HttpResponse claimed = claim(f, offer.mailboxId);
        API_COMPARE_STATUS(claimed, 200);
        Client &tablet = f.secondDevice(*alice);
        tablet.device.publicKey = alice->device.publicKey;
        const HttpResponse response = registerDevice(f, tablet, claimTokenOf(claimed));
        API_COMPARE_STATUS(response, 409);
        QCOMPARE(errorCode(response), u"key_in_use"_s);
        QCOMPARE(errorField(response), u"device.public_key"_s);
    }

    void claimTokenExpires()
    {
        ApiFixture f;
        QVERIFY(f.isReady());
        Client *alice = f.enrolled();
        QVERIFY(alice);
        const Offer offer = makeOffer(f, *alice);
        const HttpResponse claimed = claim(f, offer.mailboxId);
        API_COMPARE_STATUS(claimed, 200);
        f.clock.advanceMs(10 * kMinute);
        Client &tablet = f.secondDevice(*alice);
        const HttpResponse response = registerDevice(f, tablet, claimTokenOf(claimed));
        API_COMPARE_STATUS(response, 410);
        QCOMPARE(errorCode(response), u"claim_expired"_s);
    }

    void strangeClaimTokensAreExpired_data()
    {
        QTest::addColumn<QString>("claimToken");
        QTest::newRow("made up") << u"owc1_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"_s;
        QTest::newRow("a token") << u"owt1_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"_s;
        QTest::newRow("garbage") << u"hello"_s;
        QTest::newRow("not ASCII") << u"owc1_\u00e9t\u00e9"_s;
    }

    void strangeClaimTokensAreExpired()
    {
        QFETCH(QString, claimToken);
        ApiFixture f;
        QVERIFY(f.isReady());
        Client *alice = f.enrolled();
        QVERIFY(alice);
        Client &tablet = f.secondDevice(*alice);
        protocol::DeviceRegistrationRequest request;
        request.claimToken = claimToken;
        request.device = {tablet.device.publicKey, u"tablet"_s};
        request.signature = QByteArray(64, 'x');
        const HttpResponse response = f.post(u"/v1/devices"_s, request.toJson());
        API_COMPARE_STATUS(response, 410);
        QCOMPARE(errorCode(response), u"claim_expired"_s);
    }

    void offerExpiresAfterTenMinutes()
    {
        ApiFixture f;
        QVERIFY(f.isReady());
        Client *alice = f.enrolled();
        QVERIFY(alice);
        const Offer offer = makeOffer(f, *alice);
        API_COMPARE_STATUS(offer.response, 201);
        f.clock.advanceMs(10 * kMinute);
        QCOMPARE(offerStatus(f, offer, *alice), u"expired"_s);
        const HttpResponse response = claim(f, offer.mailboxId);
        API_COMPARE_STATUS(response, 410);
        QCOMPARE(errorCode(response), u"link_expired"_s);
    }

    void offersAreTheirOwnersOnly()
    {
        ApiFixture f;
        QVERIFY(f.isReady());
        Client *alice = f.enrolled();
        Client *bob = f.enrolled();
        QVERIFY(alice && bob);
        const Offer offer = makeOffer(f, *alice);
        API_COMPARE_STATUS(offer.response, 201);
        const HttpResponse status = f.get(offer.path(), bob->token);
        API_COMPARE_STATUS(status, 403);
        QCOMPARE(errorCode(status), u"not_your_device"_s);
        const HttpResponse cancel = f.del(offer.path(), bob->token);
        API_COMPARE_STATUS(cancel, 403);
        QCOMPARE(offerStatus(f, offer, *alice), u"waiting"_s);

        // The same mailbox id again is link_exists, for anybody.
        const HttpResponse again =
            f.post(u"/v1/link/offers"_s,
                   protocol::LinkOfferRequest{offer.mailboxId, offer.blob}.toJson(), bob->token);
        API_COMPARE_STATUS(again, 409);
        QCOMPARE(errorCode(again), u"link_exists"_s);
    }

    void cancelledOfferIsGone()
    {
        ApiFixture f;
        QVERIFY(f.isReady());
        Client *alice = f.enrolled();
        QVERIFY(alice);
        const Offer offer = makeOffer(f, *alice);
        API_COMPARE_STATUS(offer.response, 201);
        const HttpResponse cancelled = f.del(offer.path(), alice->token);
        API_COMPARE_STATUS(cancelled, 204);
        QVERIFY(cancelled.body.isEmpty());
        const HttpResponse status = f.get(offer.path(), alice->token);
        API_COMPARE_STATUS(status, 404);
        QCOMPARE(errorCode(status), u"link_not_found"_s);
        const HttpResponse claimed = claim(f, offer.mailboxId);
        API_COMPARE_STATUS(claimed, 404);
        QCOMPARE(errorCode(claimed), u"link_not_found"_s);
        // Not even a well-formed mailbox id.
        const HttpResponse garbage = f.get(u"/v1/link/offers/not-a-mailbox"_s, alice->token);
        API_COMPARE_STATUS(garbage, 404);
        QCOMPARE(errorCode(garbage), u"link_not_found"_s);
    }

    void cancellingAClaimedOfferStopsTheRegistration()
    {
        ApiFixture f;
        QVERIFY(f.isReady());
        Client *alice = f.enrolled();
        QVERIFY(alice);
        const Offer offer = makeOffer(f, *alice);
        const HttpResponse claimed = claim(f, offer.mailboxId);
        API_COMPARE_STATUS(claimed, 200);
        QCOMPARE(offerStatus(f, offer, *alice), u"claimed"_s);
        API_COMPARE_STATUS(f.del(offer.path(), alice->token), 204);

        Client &tablet = f.secondDevice(*alice);
        const HttpResponse refused = registerDevice(f, tablet, claimTokenOf(claimed));
        API_COMPARE_STATUS(refused, 410);
        QCOMPARE(errorCode(refused), u"claim_expired"_s);
        auto list = protocol::DeviceList::fromJson(jsonOf(f.get(u"/v1/devices"_s, alice->token)));
        QVERIFY(list.ok());
        QCOMPARE(list->devices.size(), 1);
    }

    void atMostThreeLiveOffers()
    {
        ApiFixture f;
        QVERIFY(f.isReady());
        Client *alice = f.enrolled();
        QVERIFY(alice);
        for (int i = 0; i < 3; ++i)
            API_COMPARE_STATUS(makeOffer(f, *alice).response, 201);
        const HttpResponse fourth = makeOffer(f, *alice).response;
        API_COMPARE_STATUS(fourth, 429);
        QCOMPARE(errorCode(fourth), u"rate_limited"_s);
        QVERIFY(fourth.header("retry-after"_ba).toInt() > 0);
        f.clock.advanceMs(10 * kMinute);
        API_COMPARE_STATUS(makeOffer(f, *alice).response, 201);
    }

    void recoveryTicketGivesAClaim()
    {
        ApiFixture f;
        QVERIFY(f.isReady());
        Client *alice = f.enrolled(Role::Lead);
        QVERIFY(alice);
        const QString ticket = f.createRecoveryTicket(alice->userId);
        Client &phone = f.secondDevice(*alice);
        const HttpResponse claimed = f.post(
            u"/v1/recovery/claim"_s, QJsonObject{{u"ticket"_s, ticket.toLower()}}, {}, phone.peer);
        API_COMPARE_STATUS(claimed, 200);
        auto parsed = protocol::RecoveryClaimResponse::fromJson(jsonOf(claimed));
        QVERIFY2(parsed.ok(), qPrintable(parsed.ok() ? QString() : parsed.error().message));
        QVERIFY(!jsonOf(claimed).contains(u"blob"_s));
        QCOMPARE(parsed->userId, alice->userId);
        QCOMPARE(parsed->role, protocol::Role::Lead);
        QCOMPARE(parsed->serverId, f.serverId());
        QCOMPARE(parsed->keyring.recoveryWrappedMasterKey, alice->wrapped.recoveryWrappedMasterKey);
        QCOMPARE(parsed->keyring.wrappedSecretKeys, alice->wrapped.wrappedSecretKeys);

        const HttpResponse reused =
            f.post(u"/v1/recovery/claim"_s, QJsonObject{{u"ticket"_s, ticket}});
        API_COMPARE_STATUS(reused, 410);
        QCOMPARE(errorCode(reused), u"invite_used"_s);
        QCOMPARE(errorField(reused), u"ticket"_s);

        API_COMPARE_STATUS(registerDevice(f, phone, parsed->claimToken), 201);
        const QString deviceId = phone.deviceId;
        // A repeat (a lost answer) works for recovery claims too.
        API_COMPARE_STATUS(registerDevice(f, phone, parsed->claimToken), 201);
        QCOMPARE(phone.deviceId, deviceId);
        API_COMPARE_STATUS(f.authenticate(phone), 200);
    }

    void recoveryTicketErrors()
    {
        ApiFixture f;
        QVERIFY(f.isReady());
        Client *alice = f.enrolled();
        QVERIFY(alice);
        const QString expired = f.createRecoveryTicket(alice->userId, kHour);
        f.clock.advanceMs(kHour);
        const HttpResponse late =
            f.post(u"/v1/recovery/claim"_s, QJsonObject{{u"ticket"_s, expired}});
        API_COMPARE_STATUS(late, 410);
        QCOMPARE(errorCode(late), u"invite_expired"_s);

        const HttpResponse unknown = f.post(
            u"/v1/recovery/claim"_s, QJsonObject{{u"ticket"_s, u"00000-00000-00000-00000"_s}});
        API_COMPARE_STATUS(unknown, 404);
        QCOMPARE(errorCode(unknown), u"invite_invalid"_s);

        // An enrolment invite is no recovery ticket, and stays usable.
        const QString invite = f.createInvite(Role::Staff);
        const HttpResponse wrongKind =
            f.post(u"/v1/recovery/claim"_s, QJsonObject{{u"ticket"_s, invite}});
        API_COMPARE_STATUS(wrongKind, 404);
        QCOMPARE(errorCode(wrongKind), u"invite_invalid"_s);
        Client &bob = f.newClient();
        API_COMPARE_STATUS(f.enroll(bob, invite), 201);
    }

    void revokingOwnDevice()
    {
        ApiFixture f;
        QVERIFY(f.isReady());
        Client *alice = f.enrolled();
        QVERIFY(alice);
        const Offer offer = makeOffer(f, *alice);
        Client &tablet = f.secondDevice(*alice);
        API_COMPARE_STATUS(registerDevice(f, tablet, claimTokenOf(claim(f, offer.mailboxId))), 201);
        API_COMPARE_STATUS(f.authenticate(tablet), 200);

        const HttpResponse revoked = f.del(u"/v1/devices/"_s + tablet.deviceId, alice->token);
        API_COMPARE_STATUS(revoked, 204);
        QVERIFY(revoked.body.isEmpty());
        // Its token went with it; its next sign-in is refused as revoked.
        const HttpResponse me = f.get(u"/v1/me"_s, tablet.token);
        API_COMPARE_STATUS(me, 401);
        QCOMPARE(errorCode(me), u"unauthenticated"_s);
        const HttpResponse signIn = f.authenticate(tablet);
        API_COMPARE_STATUS(signIn, 403);
        QCOMPARE(errorCode(signIn), u"device_revoked"_s);

        auto list = protocol::DeviceList::fromJson(jsonOf(f.get(u"/v1/devices"_s, alice->token)));
        QVERIFY(list.ok());
        QCOMPARE(list->devices.size(), 2);
        for (const auto &device : list->devices) {
            QCOMPARE(device.status, device.deviceId == tablet.deviceId
                                        ? protocol::DeviceStatus::Revoked
                                        : protocol::DeviceStatus::Active);
        }
        // Alice's own device still works.
        API_COMPARE_STATUS(f.get(u"/v1/me"_s, alice->token), 200);
    }

    void revokingAnotherUsersDeviceIsForbidden()
    {
        ApiFixture f;
        QVERIFY(f.isReady());
        Client *alice = f.enrolled();
        Client *bob = f.enrolled();
        QVERIFY(alice && bob);
        const HttpResponse response = f.del(u"/v1/devices/"_s + bob->deviceId, alice->token);
        API_COMPARE_STATUS(response, 403);
        QCOMPARE(errorCode(response), u"not_your_device"_s);
        API_COMPARE_STATUS(f.get(u"/v1/me"_s, bob->token), 200);

        const HttpResponse unknown =
            f.del(u"/v1/devices/5d1c2b7a-8e4f-4a3b-9c6d-0e1f2a3b4c5d"_s, alice->token);
        API_COMPARE_STATUS(unknown, 404);
        QCOMPARE(errorCode(unknown), u"not_found"_s);
        API_COMPARE_STATUS(f.del(u"/v1/devices/whatever"_s, alice->token), 404);
    }
};

QTEST_GUILESS_MAIN(TestApiDevices)
#include "tst_apidevices.moc"
