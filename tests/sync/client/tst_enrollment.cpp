#include "core/crypto/devicekey.h"
#include "core/profile/recordservice.h"
#include "sync/client/enrollment.h"
#include "sync/client/profilesyncstore.h"
#include "sync/client/syncengine.h"
#include "tests/support/manualclock.h"
#include "tests/support/profilefixture.h"
#include "tests/support/testsupport.h"
#include "tests/sync/client/support/fakeserver.h"
#include "tests/sync/client/support/faketransport.h"
#include "tests/sync/client/support/manualscheduler.h"

#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace outward;
using namespace outward::sync;
using namespace outward::sync::test;
using namespace outward::test;
using namespace Qt::StringLiterals;

namespace {

const QString kCode = u"7KQ2MX9D4TR0WPZ3HB8N"_s;
const QString kTyped = u"7kq2m-x9d4t-r0wpz-3hb8n"_s;

} // namespace

class TestEnrollment : public QObject
{
    Q_OBJECT

    QTemporaryDir dir;
    int folderCounter = 0;
    ManualClock clock;
    std::unique_ptr<FakeServer> server;
    std::unique_ptr<FakeTransport> transport;
    std::unique_ptr<Profile> profile;
    std::unique_ptr<Enrollment> enrollment;

    EnrollmentRequest request(const QString &code = kTyped)
    {
        return {u"https://sync.test"_s, code, u"Ada Lovelace"_s, u"Ada's laptop"_s};
    }

    CallResult<EnrollmentResult> enrol(const EnrollmentRequest &what)
    {
        std::optional<CallResult<EnrollmentResult>> result;
        enrollment->enroll(
            what, [&result](CallResult<EnrollmentResult> r) { result.emplace(std::move(r)); });
        if (!QTest::qWaitFor([&result] { return result.has_value(); }))
            qFatal("the enrolment did not complete");
        return std::move(*result);
    }

    bool enrolled()
    {
        auto settings = profile->syncState().settings();
        return settings.ok() && settings.value().has_value();
    }

private Q_SLOTS:
    void initTestCase() { QVERIFY(dir.isValid()); }

    void init()
    {
        server = std::make_unique<FakeServer>(clock);
        server->realEnvelopes = true;
        server->addInvite(kCode, {protocol::Role::Lead, false, false});
        transport = std::make_unique<FakeTransport>(server->handler());
        profile = createProfileOrDie(dir.filePath(u"p%1"_s.arg(++folderCounter)),
                                     "correct horse battery staple", clock)
                      .profile;
        enrollment = std::make_unique<Enrollment>(*profile, *transport, clock);
    }

    void cleanup()
    {
        enrollment.reset();
        profile.reset();
    }

    void enrolsAndSavesEverythingAtOnce()
    {
        RecordService records(*profile);
        auto before = records.add(RecordKind::Interaction,
                                  jsonObject(R"({"channel":"phone","endEmotion":"appreciation"})"));
        OUTWARD_VERIFY_OK(before);
        QCOMPARE(before->outboxState, OutboxState::Local);

        auto result = enrol(request());
        QVERIFY2(result.ok(), qPrintable(result.ok() ? QString() : result.error().message));
        QCOMPARE(result->queuedRecords, 1);
        QCOMPARE(result->settings.role, u"lead"_s);
        QCOMPARE(result->settings.serverId, server->serverId);
        QCOMPARE(result->settings.teamId, server->team.id);

        // The server knows the user, their keys and this device's key.
        QVERIFY(server->users().contains(profile->userId()));
        QCOMPARE(server->users().value(profile->userId()).signPublicKey,
                 profile->keyring().signPublicKey);
        QCOMPARE(server->devices().size(), 1);
        const FakeServer::Device device = server->devices().constBegin().value();
        QCOMPARE(device.name, u"Ada's laptop"_s);

        // The device stored the settings, its wrapped key (which opens to the registered key),
        // the pinned directory and its version; the local record is now queued.
        auto settings = profile->syncState().settings();
        OUTWARD_VERIFY_OK(settings);
        QVERIFY(settings->has_value());
        QCOMPARE((*settings)->deviceId, device.deviceId);
        QCOMPARE((*settings)->serverUrl, u"https://sync.test"_s);
        auto key =
            devicekey::unwrap(*profile->keys(), device.deviceId, (*settings)->wrappedDeviceKey);
        OUTWARD_VERIFY_OK(key);
        QCOMPARE(key->publicKey, device.publicKey);
        auto version = profile->syncState().directoryVersion();
        OUTWARD_VERIFY_OK(version);
        QCOMPARE(version.value(), std::optional<qint64>(server->directoryVersion));
        auto self = profile->directory().member(profile->userId());
        OUTWARD_VERIFY_OK(self);
        QVERIFY(self->has_value());
        auto queued = records.get(before->header.id);
        OUTWARD_VERIFY_OK(queued);
        QCOMPARE(queued->outboxState, OutboxState::Queued);
        QCOMPARE(profile->team(), server->team.id);
    }

    void thenTheEngineSignsInAndPushes()
    {
        RecordService records(*profile);
        auto added = records.add(RecordKind::Interaction,
                                 jsonObject(R"({"channel":"chat","endEmotion":"adoration"})"));
        OUTWARD_VERIFY_OK(added);
        QVERIFY(enrol(request()).ok());

        ManualScheduler scheduler(clock);
        ProfileSyncStore store(*profile);
        SyncEngine engine(store, *transport, scheduler, clock);
        QSignalSpy finished(&engine, &SyncEngine::finished);
        engine.start();
        QVERIFY(finished.wait(5000));
        const SyncReport report = finished.constFirst().constFirst().value<SyncReport>();
        QVERIFY2(report.ok, qPrintable(report.error));
        QCOMPARE(report.pushed, 1);
        QCOMPARE(server->records().size(), 1);
        auto synced = records.get(added->header.id);
        OUTWARD_VERIFY_OK(synced);
        QCOMPARE(synced->outboxState, OutboxState::Synced);
    }

    void refusesWhatTheServerRefuses_data()
    {
        QTest::addColumn<QString>("code");
        QTest::addColumn<bool>("used");
        QTest::addColumn<bool>("expired");
        QTest::addColumn<QString>("says");
        QTest::newRow("unknown") << u"00000000000000000000"_s << false << false
                                 << u"does not know the invite code"_s;
        QTest::newRow("expired") << kTyped << false << true << u"has expired"_s;
        QTest::newRow("used") << kTyped << true << false << u"already used"_s;
    }
    void refusesWhatTheServerRefuses()
    {
        QFETCH(QString, code);
        QFETCH(bool, used);
        QFETCH(bool, expired);
        QFETCH(QString, says);
        server->addInvite(kCode, {protocol::Role::Staff, used, expired});
        auto result = enrol(request(code));
        QVERIFY(!result.ok());
        QCOMPARE(result.error().kind, CallError::Kind::Http);
        QVERIFY2(result.error().message.contains(says), qPrintable(result.error().message));
        QVERIFY(!enrolled());
        QVERIFY(server->users().isEmpty());
    }

    void refusesBeforeSendingAnything_data()
    {
        QTest::addColumn<QString>("url");
        QTest::addColumn<QString>("code");
        QTest::addColumn<QString>("name");
        QTest::addColumn<QString>("says");
        QTest::newRow("http") << u"http://sync.example.org"_s << kTyped << u"Ada"_s << u"http://"_s;
        QTest::newRow("bad character") << u"https://sync.test"_s << u"7KQ2M-X9D4T-R0WPZ-3HB8U"_s
                                       << u"Ada"_s << u"invite code"_s;
        QTest::newRow("too short")
            << u"https://sync.test"_s << u"7KQ2M"_s << u"Ada"_s << u"invite code"_s;
        QTest::newRow("empty name")
            << u"https://sync.test"_s << kTyped << u"  "_s << u"display name"_s;
        QTest::newRow("long name")
            << u"https://sync.test"_s << kTyped << QString(101, u'a') << u"at most 100"_s;
    }
    void refusesBeforeSendingAnything()
    {
        QFETCH(QString, url);
        QFETCH(QString, code);
        QFETCH(QString, name);
        QFETCH(QString, says);
        auto result = enrol({url, code, name, u"laptop"_s});
        QVERIFY(!result.ok());
        QCOMPARE(result.error().kind, CallError::Kind::Local);
        QVERIFY2(result.error().message.contains(says), qPrintable(result.error().message));
        QVERIFY(transport->requests().isEmpty());
        QVERIFY(!enrolled());
    }

    void anUnreachableServerSaysSo()
    {
        transport->setOffline(true);
        auto result = enrol(request());
        QVERIFY(!result.ok());
        QCOMPARE(result.error().kind, CallError::Kind::Network);
        QVERIFY(result.error().message.contains(u"could not be reached"_s));
        QVERIFY(!enrolled());
    }

    void aLockedProfileCannotEnrol()
    {
        profile->lock();
        auto result = enrol(request());
        QVERIFY(!result.ok());
        QCOMPARE(result.error().toError().code(), ErrorCode::Locked);
        QVERIFY(transport->requests().isEmpty());
    }

    void anEnrolledProfileIsNotEnrolledTwice()
    {
        QVERIFY(enrol(request()).ok());
        server->addInvite(u"11111111111111111111"_s, {protocol::Role::Staff, false, false});
        auto again = enrol(request(u"11111-11111-11111-11111"_s));
        QVERIFY(!again.ok());
        QCOMPARE(again.error().toError().code(), ErrorCode::ProfileExists);
        QCOMPARE(server->devices().size(), 1);
    }

    void aFailedSaveAfterTheServerAnsweredSaysWhatToDo()
    {
        // The answer names another server: nothing may be saved.
        transport->setHandler([this](const QUrl &url, const HttpRequest &r) {
            HttpResponse response = server->handle(r);
            if (r.path == u"/v1/enroll"_s) {
                QByteArray body = response.body;
                body.replace(server->serverId.toUtf8(), "11111111-2222-4333-8444-555555555555"_ba);
                response.body = body;
            }
            Q_UNUSED(url);
            return response;
        });
        auto result = enrol(request());
        QVERIFY(!result.ok());
        QCOMPARE(result.error().kind, CallError::Kind::BadResponse);
        QVERIFY(!enrolled());
    }
};

QTEST_GUILESS_MAIN(TestEnrollment)
#include "tst_enrollment.moc"
