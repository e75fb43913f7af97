#pragma once

// Header-only helpers for the tests of DeviceLink and DeviceJoin: the real server API in the same
// process (ApiFixture: SQLite store, manual clock) behind a FakeTransport, and devices built the
// way the app builds them (a Profile, enrolled with Enrollment, synced with SyncEngine). Only
// tests that link outward_api_test_support and outward_profile include this.

#include "core/profile/recordservice.h"
#include "sync/client/enrollment.h"
#include "sync/client/profilesyncstore.h"
#include "sync/client/syncengine.h"
#include "tests/server/api/apitestsupport.h"
#include "tests/support/profilefixture.h"
#include "tests/sync/client/support/faketransport.h"
#include "tests/sync/client/support/manualscheduler.h"

#include <QJsonObject>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <memory>
#include <optional>

namespace outward::sync::test {

inline const QString kServerUrl = QStringLiteral("https://sync.test");

// Everything a test of adding devices needs: a server, a transport into it, timers moved by
// hand, and folders for profiles.
class LinkFixture
{
public:
    LinkFixture()
        : transport([this](const QUrl &, const HttpRequest &request) { return api.send(request); })
        , scheduler(api.clock)
    {
        if (!api.isReady() || !dir.isValid())
            qFatal("the in-process server could not be set up");
    }

    server::test::ApiFixture api;
    FakeTransport transport;
    ManualScheduler scheduler;
    QTemporaryDir dir;

    QString newFolder() { return dir.filePath(QStringLiteral("device-%1").arg(++m_folders)); }

    // A new profile, enrolled with a fresh invite through the real Enrollment.
    std::unique_ptr<Profile> enrolledProfile(const char *passphraseText = "first device passphrase",
                                             server::Role role = server::Role::Staff)
    {
        auto created = outward::test::createProfileOrDie(newFolder(), passphraseText, api.clock);
        recoveryCode = created.recoveryCode;
        Enrollment enrollment(*created.profile, transport, api.clock);
        std::optional<CallResult<EnrollmentResult>> result;
        enrollment.enroll({kServerUrl, api.createInvite(role), QStringLiteral("Ada"),
                           QStringLiteral("first device")},
                          [&result](CallResult<EnrollmentResult> r) { result.emplace(r); });
        if (!QTest::qWaitFor([&result] { return result.has_value(); }) || !result->ok())
            qFatal("enrolling the first device failed: %s",
                   result ? qPrintable(result->error().message) : "no answer");
        return std::move(created.profile);
    }

    // One full sync with the real engine; the report.
    SyncReport sync(Profile &profile)
    {
        ProfileSyncStore store(profile);
        SyncEngine engine(store, transport, scheduler, api.clock);
        QSignalSpy finished(&engine, &SyncEngine::finished);
        engine.start();
        if (!finished.wait(10000))
            qFatal("the sync did not finish");
        engine.stop();
        return finished.constFirst().constFirst().value<SyncReport>();
    }

    static QUuid addNote(Profile &profile, const QString &text)
    {
        auto added = RecordService(profile).add(
            RecordKind::Interaction,
            QJsonObject{{QStringLiteral("channel"), QStringLiteral("phone")},
                        {QStringLiteral("endEmotion"), QStringLiteral("appreciation")},
                        {QStringLiteral("note"), text}});
        if (!added.ok())
            qFatal("adding a record failed: %s", qPrintable(added.error().toString()));
        return added->header.id;
    }

    // The notes of every record the profile can read, sorted.
    static QStringList notes(Profile &profile)
    {
        QStringList all;
        auto listed = RecordService(profile).forEach(RecordQuery{}, [&all](const RecordView &view) {
            all << view.json.value(QStringLiteral("note")).toString();
            return true;
        });
        if (!listed.ok())
            qFatal("listing records failed: %s", qPrintable(listed.error().toString()));
        all.sort();
        return all;
    }

    QString recoveryCode; // of the last profile enrolledProfile() made

private:
    int m_folders = 0;
};

} // namespace outward::sync::test
