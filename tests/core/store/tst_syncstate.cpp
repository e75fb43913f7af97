#include "core/store/schema.h"
#include "core/store/syncstate.h"
#include "tests/support/testsupport.h"

#include <QTemporaryDir>
#include <QTest>

using namespace outward;
using namespace outward::test;
using namespace Qt::StringLiterals;

namespace {

SyncSettings sampleSettings()
{
    SyncSettings settings;
    settings.serverUrl = u"https://outward.example.org"_s;
    settings.serverId = u"9b2e0c4a-1d2f-4e3a-8b5c-6d7e8f9a0b1c"_s;
    settings.teamId = u"3f2b0c4a-1d2f-4e3a-8b5c-6d7e8f9a0b1c"_s;
    settings.teamName = u"Pension desk"_s;
    settings.role = u"staff"_s;
    settings.deviceId = u"7f3c2a10-5b6d-4e8f-9a0b-1c2d3e4f5a6b"_s;
    settings.wrappedDeviceKey = QByteArray(104, '\x7f');
    return settings;
}

} // namespace

class TestSyncState : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir dir;
    int counter = 0;
    std::unique_ptr<Database> db;
    std::unique_ptr<SyncStateStore> state;

private slots:
    void initTestCase() { QVERIFY(dir.isValid()); }

    void init()
    {
        auto opened = Database::open(dir.filePath(u"db-%1"_s.arg(++counter)), profileSchema());
        OUTWARD_VERIFY_OK(opened);
        db = std::move(opened).value();
        state = std::make_unique<SyncStateStore>(*db);
    }

    void cleanup()
    {
        state.reset();
        db.reset();
    }

    void notEnrolledHasNoSettings()
    {
        const auto settings = state->settings();
        OUTWARD_VERIFY_OK(settings);
        QVERIFY(!settings->has_value());
        QCOMPARE(*state->pullCursor(), 0);
        QVERIFY(!state->directoryVersion()->has_value());
    }

    void settingsRoundTrip()
    {
        OUTWARD_VERIFY_OK(state->saveSettings(sampleSettings()));
        const auto settings = state->settings();
        OUTWARD_VERIFY_OK(settings);
        QVERIFY(settings->has_value());
        QVERIFY(**settings == sampleSettings());
        // meta.server and meta.team are where Profile has always looked.
        QCOMPARE(*db->meta(u"server"_s), std::optional<QString>(sampleSettings().serverUrl));
        QCOMPARE(*db->meta(u"team"_s), std::optional<QString>(sampleSettings().teamId));

        OUTWARD_VERIFY_OK(state->setRole(u"lead"_s));
        OUTWARD_VERIFY_OK(state->setTeamName(u"Pensions"_s));
        QCOMPARE((*state->settings())->role, u"lead"_s);
        QCOMPARE((*state->settings())->teamName, u"Pensions"_s);
    }

    void incompleteSettingsAreRefused()
    {
        SyncSettings settings = sampleSettings();
        settings.deviceId.clear();
        const Status saved = state->saveSettings(settings);
        QVERIFY(!saved.ok());
        QCOMPARE(saved.error().code(), ErrorCode::InvalidInput);
        QVERIFY(!state->settings()->has_value());
    }

    void damagedSettingsAreCorrupt()
    {
        OUTWARD_VERIFY_OK(state->saveSettings(sampleSettings()));
        OUTWARD_VERIFY_OK(db->setMeta(u"syncWrappedDeviceKey"_s, u"not base64!"_s));
        QCOMPARE(state->settings().error().code(), ErrorCode::Corrupt);
        OUTWARD_VERIFY_OK(db->setMeta(u"syncPullCursor"_s, u"twelve"_s));
        QCOMPARE(state->pullCursor().error().code(), ErrorCode::Corrupt);
    }

    void countersRoundTrip()
    {
        OUTWARD_VERIFY_OK(state->setPullCursor(1041));
        QCOMPARE(*state->pullCursor(), 1041);
        OUTWARD_VERIFY_OK(state->setDirectoryVersion(12));
        QCOMPARE(*state->directoryVersion(), std::optional<qint64>(12));
        QCOMPARE(state->setPullCursor(-1).error().code(), ErrorCode::InvalidInput);
        QCOMPARE(*state->pullCursor(), 1041);
    }

    void lastSyncTimeRoundTrips()
    {
        QCOMPARE(*state->lastSyncAtMs(), std::optional<qint64>());
        OUTWARD_VERIFY_OK(state->setLastSyncAtMs(1763800000123));
        QCOMPARE(*state->lastSyncAtMs(), std::optional<qint64>(1763800000123));
        QCOMPARE(state->setLastSyncAtMs(-5).error().code(), ErrorCode::InvalidInput);
    }

    // A page of pulled records and its cursor commit together or not at all.
    void cursorJoinsTheCallersTransaction()
    {
        OUTWARD_VERIFY_OK(state->setPullCursor(5));
        const Status page = db->write(u"storing a page"_s, [&]() -> Status {
            if (auto moved = state->setPullCursor(9); !moved)
                return moved;
            return Error(ErrorCode::Storage, u"the disk is full"_s);
        });
        QVERIFY(!page.ok());
        QCOMPARE(*state->pullCursor(), 5);
    }
};

QTEST_GUILESS_MAIN(TestSyncState)
#include "tst_syncstate.moc"
