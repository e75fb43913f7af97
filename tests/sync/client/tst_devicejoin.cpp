#include "core/crypto/devicekey.h"
#include "core/crypto/recoverycode.h"
#include "sync/client/devicejoin.h"
#include "sync/client/devicelink.h"
#include "sync/protocol/base64url.h"
#include "sync/protocol/crockford.h"
#include "tests/support/testsupport.h"
#include "tests/sync/client/support/linkfixture.h"
#include "tests/sync/client/support/manualscheduler.h"

#include <QFileInfo>
#include <QJsonDocument>
#include <QSignalSpy>
#include <QTest>
#include <QTimer>

#include <algorithm>

using namespace outward;
using namespace outward::sync;
using namespace outward::sync::test;
using namespace outward::server::test;
using namespace Qt::StringLiterals;

namespace {

constexpr const char *kNewPassphrase = "second device passphrase";

// Replaces one character of a formatted code with another valid character.
QString withTypo(const QString &code, int at)
{
    QString typo = code;
    typo[at] = code.at(at) == u'7' ? u'8' : u'7';
    return typo;
}

} // namespace

class TestDeviceJoin : public QObject
{
    Q_OBJECT

    std::unique_ptr<LinkFixture> f;
    std::unique_ptr<Profile> first;
    std::unique_ptr<DeviceLink> link;
    std::unique_ptr<DeviceJoin> join;
    // The join's own timers (retries), apart from the offering device's polls on f->scheduler.
    std::unique_ptr<ManualScheduler> joinTimers;

    // A join whose retries wait on joinTimers.
    void useJoinTimers()
    {
        joinTimers = std::make_unique<ManualScheduler>(f->api.clock);
        join = std::make_unique<DeviceJoin>(f->transport, *joinTimers, f->api.clock);
    }

    // Starts joining with the link code; runs the join's retry timers as they come, recording
    // their delays, until the join answers.
    CallResult<JoinResult> joinRunningTimers(const JoinRequest &r, QList<qint64> &delays)
    {
        std::optional<CallResult<JoinResult>> result;
        join->joinWithLinkCode(r, outward::test::passphrase(kNewPassphrase),
                               [&result](CallResult<JoinResult> got) { result.emplace(got); });
        while (!result) {
            if (!QTest::qWaitFor([&] { return result || joinTimers->pendingCount() > 0; }, 10000))
                qFatal("joining neither finished nor waited to retry");
            if (!result && joinTimers->pendingCount() > 0)
                delays << joinTimers->runNext().value_or(-1);
        }
        return std::move(*result);
    }

    QString newCode()
    {
        link = std::make_unique<DeviceLink>(*first, f->transport, f->scheduler, f->api.clock);
        link->start();
        if (!QTest::qWaitFor([this] { return link->state() != DeviceLink::State::Offering; }))
            qFatal("the offer did not complete");
        return link->linkCode();
    }

    JoinRequest request(const QString &code, const QString &recoveryCode = {})
    {
        JoinRequest r;
        r.serverUrl = kServerUrl;
        r.code = code;
        r.recoveryCode = recoveryCode;
        r.profileFolder = f->newFolder();
        r.deviceName = u"Ada's phone"_s;
        r.kdf = outward::test::fastKdf();
        return r;
    }

    CallResult<JoinResult> wait(const std::function<void(DeviceJoin::Callback)> &call)
    {
        std::optional<CallResult<JoinResult>> result;
        call([&result](CallResult<JoinResult> r) { result.emplace(std::move(r)); });
        if (!QTest::qWaitFor([&result] { return result.has_value(); }, 10000))
            qFatal("joining did not complete");
        return std::move(*result);
    }

    CallResult<JoinResult> joinWithLink(const JoinRequest &r, const char *pass = kNewPassphrase)
    {
        return wait([&](DeviceJoin::Callback done) {
            join->joinWithLinkCode(r, outward::test::passphrase(pass), std::move(done));
        });
    }

    CallResult<JoinResult> recover(const JoinRequest &r)
    {
        return wait([&](DeviceJoin::Callback done) {
            join->recover(r, outward::test::passphrase(kNewPassphrase), std::move(done));
        });
    }

    static QString messageOf(const CallResult<JoinResult> &result)
    {
        return result.ok() ? QString() : result.error().message;
    }

    int devicesOnServer()
    {
        auto devices = f->api.store().listDevices(first->userId());
        return devices.ok() ? int(devices->size()) : -1;
    }

    // Routes claims through `edit` before the device sees the answer: a lying server.
    void editClaimAnswers(const std::function<void(QJsonObject &)> &edit)
    {
        f->transport.setHandler([this, edit](const QUrl &, const HttpRequest &r) {
            HttpResponse response = f->api.send(r);
            if (r.path.endsWith(u"/claim"_s) && response.status == 200) {
                QJsonObject body = QJsonDocument::fromJson(response.body).object();
                edit(body);
                response.body = QJsonDocument(body).toJson(QJsonDocument::Compact);
            }
            return response;
        });
    }

private Q_SLOTS:
    void init()
    {
        f = std::make_unique<LinkFixture>();
        first = f->enrolledProfile();
        join = std::make_unique<DeviceJoin>(f->transport, f->api.clock);
    }

    void cleanup()
    {
        join.reset();
        joinTimers.reset();
        link.reset();
        first.reset();
        f.reset();
    }

    void aLinkedDeviceReadsAndWritesTheAccountsRecords()
    {
        LinkFixture::addNote(*first, u"written on the first device"_s);
        LinkFixture::addNote(*first, u"also on the first device"_s);
        QVERIFY(f->sync(*first).ok);

        QSignalSpy steps(join.get(), &DeviceJoin::stepChanged);
        // Typed the way people type: lower case, spaces instead of dashes.
        const JoinRequest r = request(newCode().toLower().replace(u'-', u' '));
        const auto result = joinWithLink(r);
        QVERIFY2(result.ok(), qPrintable(messageOf(result)));
        QCOMPARE(join->step(), DeviceJoin::Step::Done);
        QCOMPARE(steps.size(), 5); // claiming, opening, registering, saving, done
        QCOMPARE(result->userId, first->userId());
        QCOMPARE(result->settings.serverUrl, kServerUrl);
        QCOMPARE(result->settings.serverId, f->api.serverId());
        QCOMPARE(result->settings.teamId, f->api.team().id);
        QCOMPARE(result->settings.role, u"staff"_s);
        QVERIFY(result->refusedUserIds.isEmpty());
        QCOMPARE(devicesOnServer(), 2);

        std::unique_ptr<Profile> second = join->takeProfile();
        QVERIFY(second);
        QVERIFY(!join->takeProfile());
        QVERIFY(second->isUnlocked());
        QCOMPARE(second->userId(), first->userId());
        QCOMPARE(second->folder(), r.profileFolder);
        QCOMPARE(second->team(), f->api.team().id);
        QCOMPARE(second->stateForNewRecords(), OutboxState::Queued);
        auto settings = second->syncState().settings();
        OUTWARD_VERIFY_OK(settings);
        QVERIFY(settings->has_value());
        QCOMPARE(**settings, result->settings);
        QVERIFY((*settings)->deviceId != first->syncState().settings().value()->deviceId);
        OUTWARD_VERIFY_OK(devicekey::unwrap(*second->keys(), (*settings)->deviceId,
                                            (*settings)->wrappedDeviceKey));
        auto pinned = second->directory().member(first->userId());
        OUTWARD_VERIFY_OK(pinned);
        QVERIFY(pinned->has_value());

        // The first device hears the news at its next poll.
        QVERIFY(f->scheduler.runNext().has_value());
        QTRY_COMPARE(link->state(), DeviceLink::State::Registered);
        QCOMPARE(link->newDeviceName(), u"Ada's phone"_s);
        QCOMPARE(link->newDeviceId(), result->settings.deviceId);

        // The normal engine signs in with the new device key and pulls from the start.
        const SyncReport pulled = f->sync(*second);
        QVERIFY2(pulled.ok, qPrintable(pulled.error));
        QCOMPARE(pulled.pulled, 2);
        QCOMPARE(LinkFixture::notes(*second),
                 (QStringList{u"also on the first device"_s, u"written on the first device"_s}));

        // Both write, both sync: they converge.
        LinkFixture::addNote(*second, u"written on the second device"_s);
        LinkFixture::addNote(*first, u"written later on the first device"_s);
        QVERIFY(f->sync(*second).ok);
        QVERIFY(f->sync(*first).ok);
        QVERIFY(f->sync(*second).ok);
        QCOMPARE(LinkFixture::notes(*first).size(), 4);
        QCOMPARE(LinkFixture::notes(*second), LinkFixture::notes(*first));

        // The new profile opens with its own passphrase and the account's recovery code.
        second.reset();
        auto reopened = Profile::open(r.profileFolder, f->api.clock);
        OUTWARD_VERIFY_OK(reopened);
        OUTWARD_VERIFY_OK((*reopened)->unlock(outward::test::passphrase(kNewPassphrase)));
        (*reopened)->lock();
        OUTWARD_VERIFY_OK((*reopened)->recover(f->recoveryCode,
                                               outward::test::passphrase("third passphrase"),
                                               outward::test::fastKdf()));
    }

    // Deriving the new passphrase's key takes long enough to freeze a screen, so it runs on a
    // worker: the event loop keeps turning between "opening" and "registering".
    void theKeysAreAdoptedOffTheCallersThread()
    {
        const QString code = newCode();
        QStringList events;
        connect(join.get(), &DeviceJoin::stepChanged, this, [&events](DeviceJoin::Step step) {
            if (step == DeviceJoin::Step::Opening) {
                events << u"opening"_s;
                QTimer::singleShot(0, [&events] { events << u"event loop"_s; });
            } else if (step == DeviceJoin::Step::Registering) {
                events << u"registering"_s;
            }
        });
        const auto result = joinWithLink(request(code));
        QVERIFY2(result.ok(), qPrintable(messageOf(result)));
        QCOMPARE(events, (QStringList{u"opening"_s, u"event loop"_s, u"registering"_s}));
    }

    void whatIsTypedIsCheckedBeforeTheCodeIsUsed_data()
    {
        QTest::addColumn<QString>("url");
        QTest::addColumn<QString>("device");
        QTest::addColumn<QByteArray>("pass");
        QTest::addColumn<bool>("takenFolder");
        QTest::addColumn<bool>("breakCode");
        QTest::addColumn<QString>("says");
        QTest::newRow("http") << u"http://sync.example.org"_s << u"phone"_s
                              << QByteArray(kNewPassphrase) << false << false << u"http://"_s;
        QTest::newRow("no device name") << kServerUrl << u"  "_s << QByteArray(kNewPassphrase)
                                        << false << false << u"name for this device"_s;
        QTest::newRow("weak passphrase")
            << kServerUrl << u"phone"_s << QByteArray("short") << false << false << u"at least 8"_s;
        QTest::newRow("folder holds a profile")
            << kServerUrl << u"phone"_s << QByteArray(kNewPassphrase) << true << false
            << u"already holds"_s;
        QTest::newRow("code too short") << kServerUrl << u"phone"_s << QByteArray(kNewPassphrase)
                                        << false << true << u"the link code"_s;
    }

    void whatIsTypedIsCheckedBeforeTheCodeIsUsed()
    {
        QFETCH(QString, url);
        QFETCH(QString, device);
        QFETCH(QByteArray, pass);
        QFETCH(bool, takenFolder);
        QFETCH(bool, breakCode);
        QFETCH(QString, says);
        const QString code = newCode();
        JoinRequest r = request(breakCode ? code.left(20) : code);
        r.serverUrl = url;
        r.deviceName = device;
        if (takenFolder)
            r.profileFolder = first->folder();
        f->transport.clearLog();
        const auto result = joinWithLink(r, pass.constData());
        QVERIFY(!result.ok());
        QCOMPARE(result.error().kind, CallError::Kind::Local);
        QVERIFY2(result.error().message.contains(says), qPrintable(result.error().message));
        QCOMPARE(join->step(), DeviceJoin::Step::Failed);
        QVERIFY(f->transport.requests().isEmpty());
        // The code still works.
        const auto again = joinWithLink(request(code));
        QVERIFY2(again.ok(), qPrintable(messageOf(again)));
    }

    void refusedCodesSayWhatToDo()
    {
        // Never offered.
        const QString unknown = protocol::crockford::formatLinkCode(
            protocol::crockford::randomCode(protocol::crockford::kLinkCodeDigits));
        auto result = joinWithLink(request(unknown));
        QVERIFY(!result.ok());
        QVERIFY2(result.error().hasCode(protocol::code::kLinkNotFound),
                 qPrintable(messageOf(result)));
        QVERIFY2(messageOf(result).contains(u"check the code for typos"_s),
                 qPrintable(messageOf(result)));

        // Used once already.
        const QString code = newCode();
        QVERIFY(joinWithLink(request(code)).ok());
        result = joinWithLink(request(code));
        QVERIFY(!result.ok());
        QVERIFY(result.error().hasCode(protocol::code::kLinkUsed));
        QVERIFY2(messageOf(result).contains(u"already used"_s), qPrintable(messageOf(result)));
        QCOMPARE(devicesOnServer(), 2);

        // Too late.
        const QString late = newCode();
        f->api.clock.setNowMs(f->api.clock.nowMs() + 10 * 60'000 + 1);
        result = joinWithLink(request(late));
        QVERIFY(!result.ok());
        QVERIFY(result.error().hasCode(protocol::code::kLinkExpired));
        QVERIFY2(messageOf(result).contains(u"expired"_s), qPrintable(messageOf(result)));
        QVERIFY(!join->takeProfile());
    }

    void aServerThatSubstitutesKeysIsCaught_data()
    {
        QTest::addColumn<QString>("member");
        QTest::addColumn<QString>("says");
        QTest::newRow("sign public key") << u"sign_public_key"_s << u"do not open"_s;
        QTest::newRow("box public key") << u"box_public_key"_s << u"do not open"_s;
        QTest::newRow("user id") << u"user_id"_s << u"does not match"_s;
        QTest::newRow("blob") << u"blob"_s << u"does not match"_s;
    }

    void aServerThatSubstitutesKeysIsCaught()
    {
        QFETCH(QString, member);
        QFETCH(QString, says);
        // Another account on the same server supplies the substitutes.
        auto other = f->enrolledProfile("other account passphrase");
        const WrappedKeyring &theirs = other->keyring();
        editClaimAnswers([&](QJsonObject &body) {
            QJsonObject keys = body.value(u"keyring"_s).toObject();
            if (member == u"sign_public_key"_s)
                keys.insert(member, protocol::base64url::encode(theirs.signPublicKey));
            else if (member == u"box_public_key"_s)
                keys.insert(member, protocol::base64url::encode(theirs.boxPublicKey));
            else if (member == u"user_id"_s)
                body.insert(member, theirs.userId);
            else
                body.insert(member, protocol::base64url::encode(QByteArray(72, 'x')));
            body.insert(u"keyring"_s, keys);
        });
        const JoinRequest r = request(newCode());
        const auto result = joinWithLink(r);
        QVERIFY(!result.ok());
        QVERIFY2(messageOf(result).contains(says), qPrintable(messageOf(result)));
        QCOMPARE(f->transport.count("POST"_ba, u"/v1/devices"_s), 0);
        QVERIFY(!QFileInfo::exists(Profile::databasePath(r.profileFolder)));
        QCOMPARE(devicesOnServer(), 1);
    }

    void aSlowRegistrationIsToldToStartAgain()
    {
        // The claim token lapses between the claim and the registration.
        f->transport.setHandler([this](const QUrl &, const HttpRequest &r) {
            if (r.path == u"/v1/devices"_s && r.method == "POST"_ba)
                f->api.clock.setNowMs(f->api.clock.nowMs() + 11 * 60'000);
            return f->api.send(r);
        });
        const JoinRequest r = request(newCode());
        const auto result = joinWithLink(r);
        QVERIFY(!result.ok());
        QVERIFY(result.error().hasCode(protocol::code::kClaimExpired));
        QVERIFY2(messageOf(result).contains(u"make a new link code"_s),
                 qPrintable(messageOf(result)));
        QVERIFY(!QFileInfo::exists(Profile::databasePath(r.profileFolder)));
        // A refusal is final: not sent again.
        QCOMPARE(f->transport.count("POST"_ba, u"/v1/devices"_s), 1);
    }

    void aLostRegistrationAnswerIsAskedForAgain()
    {
        useJoinTimers();
        const QString code = newCode();
        // The server registers the device, then the answer is lost on the way.
        f->transport.failWhen("POST"_ba, u"/v1/devices"_s, FakeTransport::Failure::LostResponse);
        f->transport.clearLog();
        QList<qint64> delays;
        const JoinRequest r = request(code);
        const auto result = joinRunningTimers(r, delays);
        QVERIFY2(result.ok(), qPrintable(messageOf(result)));
        QCOMPARE(delays, QList<qint64>{DeviceJoin::kRegisterRetryDelaysMs[0]});
        QCOMPARE(f->transport.count("POST"_ba, u"/v1/devices"_s), 2);
        // Both attempts sent the same registration: the same key, token and signature.
        QList<QByteArray> bodies;
        for (const HttpRequest &sent : f->transport.requests()) {
            if (sent.path == u"/v1/devices"_s)
                bodies << sent.body;
        }
        QCOMPARE(bodies.size(), 2);
        QCOMPARE(bodies.at(1), bodies.at(0));

        // Exactly one device was added, and it is the one this profile holds the key of.
        QCOMPARE(devicesOnServer(), 2);
        auto devices = f->api.store().listDevices(first->userId());
        OUTWARD_VERIFY_OK(devices);
        // Both devices were made at the same fake instant, so the list's order says nothing.
        const auto added = std::find_if(devices->cbegin(), devices->cend(), [&](const auto &d) {
            return d.id == result->settings.deviceId;
        });
        QVERIFY(added != devices->cend());
        QVERIFY(!added->isRevoked());
        std::unique_ptr<Profile> second = join->takeProfile();
        QVERIFY(second);
        const SyncReport pulled = f->sync(*second);
        QVERIFY2(pulled.ok, qPrintable(pulled.error));

        // The first device hears of one new device.
        QVERIFY(f->scheduler.runNext().has_value());
        QTRY_COMPARE(link->state(), DeviceLink::State::Registered);
        QCOMPARE(link->newDeviceId(), result->settings.deviceId);
    }

    void aServerThatStaysBusyGetsThreeAttemptsThenAClearMessage()
    {
        useJoinTimers();
        const QString code = newCode();
        f->transport.setHandler([this](const QUrl &, const HttpRequest &r) {
            if (r.path == u"/v1/devices"_s)
                return protocol::toHttpResponse(
                    protocol::ApiError::unavailable(u"the database is busy"_s, 3));
            return f->api.send(r);
        });
        QList<qint64> delays;
        const JoinRequest r = request(code);
        const auto result = joinRunningTimers(r, delays);
        QVERIFY(!result.ok());
        QCOMPARE(result.error().httpStatus(), 503);
        // 2 s, then 4 s: the server's Retry-After (3 s) only where it is longer.
        QCOMPARE(delays, (QList<qint64>{3'000, 4'000}));
        QCOMPARE(f->transport.count("POST"_ba, u"/v1/devices"_s), DeviceJoin::kRegisterAttempts);
        const QString message = messageOf(result);
        QVERIFY2(message.contains(u"3 attempts"_s), qPrintable(message));
        QVERIFY2(message.contains(u"make a new link code"_s), qPrintable(message));
        QVERIFY2(message.contains(u"Ada's phone"_s), qPrintable(message));
        QCOMPARE(join->step(), DeviceJoin::Step::Failed);
        QCOMPARE(joinTimers->pendingCount(), 0);
        QVERIFY(!QFileInfo::exists(Profile::databasePath(r.profileFolder)));
        QCOMPARE(devicesOnServer(), 1);
    }

    void aRetryAfterBeyondTheWaitIsNotWaitedFor()
    {
        useJoinTimers();
        const QString code = newCode();
        f->transport.setHandler([this](const QUrl &, const HttpRequest &r) {
            if (r.path == u"/v1/devices"_s)
                return protocol::toHttpResponse(protocol::ApiError::rateLimited(600));
            return f->api.send(r);
        });
        QList<qint64> delays;
        const auto result = joinRunningTimers(request(code), delays);
        QVERIFY(!result.ok());
        QVERIFY(delays.isEmpty());
        QCOMPARE(f->transport.count("POST"_ba, u"/v1/devices"_s), 1);
        QVERIFY2(messageOf(result).contains(u"one attempt"_s), qPrintable(messageOf(result)));
    }

    void destroyingAJoinThatWaitsToRetryCancelsTheRetry()
    {
        useJoinTimers();
        const QString code = newCode();
        f->transport.failWhen("POST"_ba, u"/v1/devices"_s, FakeTransport::Failure::NetworkError);
        bool answered = false;
        join->joinWithLinkCode(request(code), outward::test::passphrase(kNewPassphrase),
                               [&answered](CallResult<JoinResult>) { answered = true; });
        QTRY_COMPARE(joinTimers->pendingCount(), 1);
        join.reset();
        QCOMPARE(joinTimers->pendingCount(), 0);
        QVERIFY(!answered);
    }

    void recoveryGivesTheAccountBack()
    {
        LinkFixture::addNote(*first, u"before the laptop was lost"_s);
        QVERIFY(f->sync(*first).ok);
        const QString ticket = f->api.createRecoveryTicket(first->userId());
        const JoinRequest r = request(ticket.toLower(), f->recoveryCode);
        const auto result = recover(r);
        QVERIFY2(result.ok(), qPrintable(messageOf(result)));
        QCOMPARE(result->userId, first->userId());
        std::unique_ptr<Profile> restored = join->takeProfile();
        QVERIFY(restored);
        const SyncReport pulled = f->sync(*restored);
        QVERIFY2(pulled.ok, qPrintable(pulled.error));
        QCOMPARE(LinkFixture::notes(*restored), QStringList{u"before the laptop was lost"_s});
        // The passphrase is new; the recovery code stays the same.
        restored.reset();
        auto reopened = Profile::open(r.profileFolder, f->api.clock);
        OUTWARD_VERIFY_OK(reopened);
        OUTWARD_VERIFY_OK((*reopened)->unlock(outward::test::passphrase(kNewPassphrase)));

        // A ticket works once.
        const auto again = recover(request(ticket, f->recoveryCode));
        QVERIFY(!again.ok());
        QVERIFY(again.error().hasCode(protocol::code::kInviteUsed));
        QVERIFY2(messageOf(again).contains(u"already used"_s), qPrintable(messageOf(again)));
    }

    void aMistypedRecoveryCodeDoesNotSpendTheTicket()
    {
        const QString ticket = f->api.createRecoveryTicket(first->userId());
        const auto typo = recover(request(ticket, withTypo(f->recoveryCode, 6)));
        QVERIFY(!typo.ok());
        QCOMPARE(typo.error().toError().code(), ErrorCode::WrongSecret);
        QVERIFY2(messageOf(typo).contains(u"typo"_s), qPrintable(messageOf(typo)));
        QVERIFY2(messageOf(typo).contains(u"ticket was not used"_s), qPrintable(messageOf(typo)));
        QCOMPARE(f->transport.count("POST"_ba, u"/v1/recovery/claim"_s), 0);
        QVERIFY(!join->canRetryRecoveryCode());
        QVERIFY(recover(request(ticket, f->recoveryCode)).ok());
    }

    void anotherAccountsRecoveryCodeSpendsTheTicketButMayBeRetried()
    {
        auto other = f->enrolledProfile("other account passphrase");
        const QString othersCode = f->recoveryCode;
        const QString ticket = f->api.createRecoveryTicket(first->userId());
        const auto wrong = recover(request(ticket, othersCode));
        QVERIFY(!wrong.ok());
        QCOMPARE(wrong.error().toError().code(), ErrorCode::WrongSecret);
        QVERIFY2(messageOf(wrong).contains(u"does not open this account"_s),
                 qPrintable(messageOf(wrong)));
        QVERIFY2(messageOf(wrong).contains(u"ticket is now used"_s), qPrintable(messageOf(wrong)));
        QCOMPARE(devicesOnServer(), 1);
        QVERIFY(join->canRetryRecoveryCode());

        // A retry after the claim lapsed is refused.
        f->api.clock.setNowMs(f->api.clock.nowMs() + 10 * 60'000);
        QVERIFY(!join->canRetryRecoveryCode());
        const auto late = wait([&](DeviceJoin::Callback done) {
            join->retryRecoveryCode(othersCode, std::move(done));
        });
        QVERIFY(!late.ok());
        QVERIFY2(messageOf(late).contains(u"no longer valid"_s), qPrintable(messageOf(late)));
    }

    void aRetriedRecoveryCodeUsesTheSameClaim()
    {
        const QString mine = f->recoveryCode;
        auto other = f->enrolledProfile("other account passphrase");
        const QString ticket = f->api.createRecoveryTicket(first->userId());
        QVERIFY(!recover(request(ticket, f->recoveryCode)).ok());
        QVERIFY(join->canRetryRecoveryCode());
        f->transport.clearLog();
        const auto retried = wait(
            [&](DeviceJoin::Callback done) { join->retryRecoveryCode(mine, std::move(done)); });
        QVERIFY2(retried.ok(), qPrintable(messageOf(retried)));
        QCOMPARE(f->transport.count("POST"_ba, u"/v1/recovery/claim"_s), 0);
        QCOMPARE(devicesOnServer(), 2);
        QVERIFY(join->takeProfile());
        QVERIFY(!join->canRetryRecoveryCode());
    }

    void unknownTicketsSayWhatToDo()
    {
        const auto result =
            recover(request(protocol::crockford::formatInviteCode(protocol::crockford::randomCode(
                                protocol::crockford::kInviteCodeDigits)),
                            f->recoveryCode));
        QVERIFY(!result.ok());
        QVERIFY(result.error().hasCode(protocol::code::kInviteInvalid));
        QVERIFY2(messageOf(result).contains(u"recovery ticket"_s), qPrintable(messageOf(result)));
        // An invite code is not a recovery ticket.
        const auto invite =
            recover(request(f->api.createInvite(server::Role::Staff), f->recoveryCode));
        QVERIFY(!invite.ok());
        QVERIFY(invite.error().hasCode(protocol::code::kInviteInvalid));
    }

    void codesAreToldApart()
    {
        QCOMPARE(DeviceJoin::kindOfCode(u"4K7Q-M2XD-9TRB-0WPZ-3HN8-C6VJ"_s),
                 DeviceJoin::CodeKind::Link);
        QCOMPARE(DeviceJoin::kindOfCode(u"4k7q m2xd 9trb owpz 3hn8 c6vj"_s),
                 DeviceJoin::CodeKind::Link);
        QCOMPARE(DeviceJoin::kindOfCode(u"7KQ2M-X9D4T-R0WPZ-3HB8N"_s),
                 DeviceJoin::CodeKind::Invite);
        QCOMPARE(DeviceJoin::kindOfCode(u"7KQ2M-X9D4T"_s), DeviceJoin::CodeKind::Unknown);
        QCOMPARE(DeviceJoin::kindOfCode(u"7KQ2M-X9D4T-R0WPZ-3HB8U"_s),
                 DeviceJoin::CodeKind::Unknown);

        const auto parsed = DeviceJoin::parseLinkQrText(
            u"outward-link:v1:4K7QM2XD9TRB0WPZ3HN8C6VJ:https://o.example/x"_s);
        QVERIFY(parsed.has_value());
        QCOMPARE(parsed->first, u"https://o.example/x"_s);
        QCOMPARE(parsed->second, u"4K7QM2XD9TRB0WPZ3HN8C6VJ"_s);
        QVERIFY(
            !DeviceJoin::parseLinkQrText(u"outward-link:v2:4K7QM2XD9TRB0WPZ3HN8C6VJ:https://o"_s));
        QVERIFY(!DeviceJoin::parseLinkQrText(u"outward-link:v1:4K7Q:https://o"_s));
        QVERIFY(!DeviceJoin::parseLinkQrText(u"https://o.example"_s));
    }
};

QTEST_GUILESS_MAIN(TestDeviceJoin)
#include "tst_devicejoin.moc"
