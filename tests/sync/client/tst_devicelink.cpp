#include "core/crypto/devicekey.h"
#include "sync/client/devicelink.h"
#include "sync/protocol/base64url.h"
#include "sync/protocol/crockford.h"
#include "sync/protocol/signedmessages.h"
#include "tests/support/testsupport.h"
#include "tests/sync/client/support/linkfixture.h"

#include <QRegularExpression>
#include <QSignalSpy>
#include <QTest>

using namespace outward;
using namespace outward::sync;
using namespace outward::sync::test;
using namespace outward::server::test;
using namespace Qt::StringLiterals;

namespace {

QByteArray mailboxOf(const QString &code)
{
    auto secret = protocol::crockford::linkSecretFromCode(code);
    if (!secret.ok())
        qFatal("not a link code");
    auto mailbox = protocol::signing::linkMailboxId(secret.value());
    if (!mailbox.ok())
        qFatal("no mailbox id");
    return mailbox.value();
}

} // namespace

class TestDeviceLink : public QObject
{
    Q_OBJECT

    std::unique_ptr<LinkFixture> f;
    std::unique_ptr<Profile> first;
    std::unique_ptr<DeviceLink> link;

    // Starts a link and waits for the code.
    QString startAndWaitForCode()
    {
        QSignalSpy changed(link.get(), &DeviceLink::stateChanged);
        link->start();
        if (!QTest::qWaitFor([this] { return link->state() != DeviceLink::State::Offering; }))
            qFatal("the offer did not complete");
        return link->linkCode();
    }

    // What a new device's claim does, by hand.
    HttpResponse claim(const QString &code)
    {
        return f->api.post(u"/v1/link/claim"_s,
                           protocol::LinkClaimRequest{mailboxOf(code)}.toJson());
    }

    // What a new device's registration does, by hand, with the account's sign key.
    HttpResponse registerDevice(const QString &claimToken, const QString &name)
    {
        auto deviceKey = devicekey::generate();
        if (!deviceKey.ok())
            qFatal("no device key");
        protocol::DeviceRegistrationRequest request;
        request.claimToken = claimToken;
        request.device.publicKey = deviceKey->publicKey;
        request.device.name = name;
        auto message = protocol::signing::deviceRegistrationMessage(
            f->api.serverId(), first->userId(), deviceKey->publicKey, claimToken);
        auto signature = protocol::signing::sign(message.value(), first->keys()->signSecretKey);
        request.signature = signature.value();
        return f->api.post(u"/v1/devices"_s, request.toJson());
    }

    // Runs the poll timer and waits until its answer was handled: a new poll is scheduled, or
    // the link ended.
    void pollOnce()
    {
        QVERIFY(f->scheduler.runNext().has_value());
        QVERIFY(QTest::qWaitFor(
            [this] { return f->scheduler.pendingCount() > 0 || link->isFinished(); }, 5000));
    }

private Q_SLOTS:
    void init()
    {
        f = std::make_unique<LinkFixture>();
        first = f->enrolledProfile();
        link = std::make_unique<DeviceLink>(*first, f->transport, f->scheduler, f->api.clock);
    }

    void cleanup()
    {
        link.reset();
        first.reset();
        f.reset();
    }

    void offerShowsACodeUntilUsedAndEndsWhenTheDeviceRegisters()
    {
        QSignalSpy finished(link.get(), &DeviceLink::finished);
        const QString code = startAndWaitForCode();
        QCOMPARE(link->state(), DeviceLink::State::Waiting);
        QVERIFY2(QRegularExpression(u"^([0-9A-HJKMNP-TV-Z]{4}-){5}[0-9A-HJKMNP-TV-Z]{4}$"_s)
                     .match(code)
                     .hasMatch(),
                 qPrintable(code));
        QCOMPARE(link->serverUrl(), QUrl(kServerUrl));
        QCOMPARE(link->qrText(),
                 u"outward-link:v1:"_s + QString(code).remove(u'-') + u":"_s + kServerUrl);
        QCOMPARE(link->expiresAt().toMSecsSinceEpoch(), f->api.clock.nowMs() + 10 * 60'000);
        // It polls every 3 seconds while the code is shown.
        QCOMPARE(f->scheduler.pendingDelays(), QList<qint64>{DeviceLink::kPollIntervalMs});
        pollOnce();
        QCOMPARE(link->state(), DeviceLink::State::Waiting);
        QCOMPARE(f->scheduler.pendingCount(), 1);

        // The blob in the mailbox opens with the code to this account's master key.
        const HttpResponse claimed = claim(code);
        API_COMPARE_STATUS(claimed, 200);
        auto answer = protocol::LinkClaimResponse::fromJson(jsonOf(claimed));
        QVERIFY(answer.ok());
        QCOMPARE(answer->userId, first->userId());
        auto key = protocol::signing::linkKey(
            protocol::crockford::linkSecretFromCode(code.toLower()).value());
        auto master = protocol::signing::openLinkBlob(key.value(), answer->blob, first->userId());
        OUTWARD_VERIFY_OK(master);
        QVERIFY(master->equals(first->keys()->masterKey));

        pollOnce();
        QCOMPARE(link->state(), DeviceLink::State::Claimed);
        QVERIFY(link->linkCode().isEmpty()); // used: never shown again
        QVERIFY(link->qrText().isEmpty());
        QVERIFY(finished.isEmpty());

        API_COMPARE_STATUS(registerDevice(answer->claimToken, u"Ada's phone"_s), 201);
        pollOnce();
        QTRY_COMPARE(link->state(), DeviceLink::State::Registered);
        QCOMPARE(finished.size(), 1);
        QCOMPARE(link->newDeviceName(), u"Ada's phone"_s);
        QVERIFY(!link->newDeviceId().isEmpty());
        QVERIFY2(link->message().contains(u"Ada's phone"_s), qPrintable(link->message()));
        QCOMPARE(f->scheduler.pendingCount(), 0);

        // Neither the code nor the mailbox id reached any log line.
        const QString mailbox = protocol::base64url::encode(mailboxOf(code));
        for (const QString &line : f->api.logs().lines()) {
            QVERIFY2(!line.contains(QString(code).remove(u'-')), qPrintable(line));
            QVERIFY2(!line.contains(code), qPrintable(line));
            QVERIFY2(!line.contains(mailbox), qPrintable(line));
        }
    }

    void theCodeExpiresAfterTenMinutes()
    {
        QSignalSpy finished(link.get(), &DeviceLink::finished);
        const QString code = startAndWaitForCode();
        pollOnce();
        QCOMPARE(link->state(), DeviceLink::State::Waiting);
        // Ten minutes later the server calls the offer expired.
        f->api.clock.setNowMs(f->api.clock.nowMs() + 10 * 60'000);
        pollOnce();
        QTRY_COMPARE(link->state(), DeviceLink::State::Expired);
        QCOMPARE(finished.size(), 1);
        QVERIFY2(link->message().contains(u"expired"_s), qPrintable(link->message()));
        QVERIFY(link->linkCode().isEmpty());
        QCOMPARE(f->scheduler.pendingCount(), 0);
        QCOMPARE(errorCode(claim(code)), u"link_expired"_s);
    }

    void aClaimThatNeverRegistersEnds()
    {
        const QString code = startAndWaitForCode();
        API_COMPARE_STATUS(claim(code), 200);
        pollOnce();
        QCOMPARE(link->state(), DeviceLink::State::Claimed);
        // The server keeps calling it claimed; the device stops waiting once the claim token
        // must have lapsed.
        f->api.clock.setNowMs(f->api.clock.nowMs() + DeviceLink::kClaimWaitMs - 5'000);
        pollOnce();
        QCOMPARE(link->state(), DeviceLink::State::Claimed);
        f->api.clock.setNowMs(f->api.clock.nowMs() + 10'000);
        pollOnce();
        QTRY_COMPARE(link->state(), DeviceLink::State::Expired);
        QVERIFY2(link->message().contains(u"did not finish"_s), qPrintable(link->message()));
    }

    void cancelDropsTheOffer()
    {
        QSignalSpy finished(link.get(), &DeviceLink::finished);
        const QString code = startAndWaitForCode();
        link->cancel();
        QCOMPARE(link->state(), DeviceLink::State::Cancelling);
        QTRY_COMPARE(link->state(), DeviceLink::State::Cancelled);
        QCOMPARE(finished.size(), 1);
        QCOMPARE(f->transport.count("DELETE"_ba, {}), 1);
        QCOMPARE(f->scheduler.pendingCount(), 0);
        QVERIFY(link->linkCode().isEmpty());
        QCOMPARE(errorCode(claim(code)), u"link_not_found"_s);
        link->cancel(); // nothing more to do
        QCOMPARE(finished.size(), 1);
    }

    void cancelWhileTheOfferIsOnItsWay()
    {
        link->start();
        QCOMPARE(link->state(), DeviceLink::State::Offering);
        link->cancel();
        QTRY_COMPARE(link->state(), DeviceLink::State::Cancelled);
        // The offer reached the server and was dropped at once.
        QCOMPARE(f->transport.count("POST"_ba, u"/v1/link/offers"_s), 1);
        QCOMPARE(f->transport.count("DELETE"_ba, {}), 1);
        QCOMPARE(f->scheduler.pendingCount(), 0);
    }

    void cancelAfterTheClaimStopsTheDeviceAndWarns()
    {
        const QString code = startAndWaitForCode();
        const HttpResponse claimed = claim(code);
        API_COMPARE_STATUS(claimed, 200);
        auto answer = protocol::LinkClaimResponse::fromJson(jsonOf(claimed));
        QVERIFY(answer.ok());
        pollOnce();
        QCOMPARE(link->state(), DeviceLink::State::Claimed);
        link->cancel();
        QTRY_COMPARE(link->state(), DeviceLink::State::Cancelled);
        QVERIFY2(link->message().contains(u"cannot join"_s), qPrintable(link->message()));
        QVERIFY2(link->message().contains(u"administrator"_s), qPrintable(link->message()));
        // The device that claimed the code is refused when it tries to register.
        const HttpResponse refused = registerDevice(answer->claimToken, u"Not mine"_s);
        API_COMPARE_STATUS(refused, 410);
    }

    void pollingSurvivesNetworkErrors()
    {
        const QString code = startAndWaitForCode();
        f->transport.failWhen("GET"_ba, {}, FakeTransport::Failure::NetworkError, 2);
        pollOnce();
        pollOnce();
        QCOMPARE(link->state(), DeviceLink::State::Waiting);
        QCOMPARE(f->scheduler.pendingCount(), 1);
        API_COMPARE_STATUS(claim(code), 200);
        pollOnce();
        QCOMPARE(link->state(), DeviceLink::State::Claimed);
    }

    void atMostThreeCodesAtOnce()
    {
        std::vector<std::unique_ptr<DeviceLink>> others;
        for (int i = 0; i < 2; ++i) {
            others.push_back(
                std::make_unique<DeviceLink>(*first, f->transport, f->scheduler, f->api.clock));
            others.back()->start();
            QTRY_COMPARE(others.back()->state(), DeviceLink::State::Waiting);
        }
        startAndWaitForCode();
        QCOMPARE(link->state(), DeviceLink::State::Waiting);
        DeviceLink fourth(*first, f->transport, f->scheduler, f->api.clock);
        fourth.start();
        QTRY_COMPARE(fourth.state(), DeviceLink::State::Failed);
        QVERIFY2(fourth.message().contains(u"three link codes"_s), qPrintable(fourth.message()));
    }

    void needsAnEnrolledUnlockedProfile()
    {
        auto unenrolled =
            outward::test::createProfileOrDie(f->newFolder(), "a passphrase here", f->api.clock);
        DeviceLink notEnrolled(*unenrolled.profile, f->transport, f->scheduler, f->api.clock);
        QSignalSpy finished(&notEnrolled, &DeviceLink::finished);
        notEnrolled.start();
        QCOMPARE(notEnrolled.state(), DeviceLink::State::Failed);
        QCOMPARE(finished.size(), 1);
        QVERIFY2(notEnrolled.message().contains(u"enrol"_s), qPrintable(notEnrolled.message()));

        first->lock();
        link->start();
        QCOMPARE(link->state(), DeviceLink::State::Failed);
        QVERIFY2(link->message().contains(u"unlock"_s), qPrintable(link->message()));
        QVERIFY(f->transport.requests().isEmpty() ||
                f->transport.count("POST"_ba, u"/v1/link/offers"_s) == 0);
    }

    void anUnreachableServerFails()
    {
        f->transport.setOffline(true);
        link->start();
        QTRY_COMPARE(link->state(), DeviceLink::State::Failed);
        QVERIFY2(link->message().contains(u"could not be reached"_s), qPrintable(link->message()));
    }
};

QTEST_GUILESS_MAIN(TestDeviceLink)
#include "tst_devicelink.moc"
