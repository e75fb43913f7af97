#include "core/profile/profile.h"
#include "core/profile/recordservice.h"
#include "core/store/keyringstore.h"
#include "core/store/schema.h"
#include "tests/support/manualclock.h"
#include "tests/support/profilefixture.h"
#include "tests/support/testsupport.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace outward;
using namespace outward::test;
using namespace Qt::StringLiterals;

namespace {

constexpr const char *kPassphrase = "correct horse battery";
constexpr const char *kNewPassphrase = "a brand new passphrase";

// Replaces one character of a formatted recovery code with another valid character.
QString withTypo(const QString &code, int at)
{
    QString typo = code;
    typo[at] = code.at(at) == u'7' ? u'8' : u'7';
    return typo;
}

QJsonObject note(const QString &text)
{
    return {{u"channel"_s, u"phone"_s}, {u"endEmotion"_s, u"appreciation"_s}, {u"note"_s, text}};
}

} // namespace

class TestProfile : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir dir;
    int folderCounter = 0;
    ManualClock clock;

    QString newFolder() { return dir.filePath(u"profile-%1"_s.arg(++folderCounter)); }

    std::unique_ptr<Profile> openOrFail(const QString &folder)
    {
        auto opened = Profile::open(folder, clock);
        if (!opened.ok())
            qFatal("opening the test profile failed: %s", qPrintable(opened.error().toString()));
        return std::move(opened).value();
    }

    // What the profile keeps on disk about its passphrase, to prove a refused change left it.
    static WrappedKeyring storedKeyring(Profile &profile)
    {
        auto loaded = KeyringStore(profile.database()).load();
        if (!loaded.ok() || !loaded->has_value())
            qFatal("the test profile has no keyring");
        return **loaded;
    }

    static void verifyOpensWith(const QString &folder, const Clock &clock, const char *text,
                                bool expected)
    {
        auto profile = Profile::open(folder, clock);
        OUTWARD_VERIFY_OK(profile);
        const Status unlocked = (*profile)->unlock(passphrase(text));
        QCOMPARE(unlocked.ok(), expected);
        if (!expected)
            QCOMPARE(unlocked.error().code(), ErrorCode::WrongSecret);
        QCOMPARE((*profile)->isUnlocked(), expected);
    }

private slots:
    void initTestCase() { QVERIFY(dir.isValid()); }

    void createGivesAnUnlockedProfileAndARecoveryCode()
    {
        const QString folder = newFolder();
        auto created = Profile::create(folder, passphrase(kPassphrase), fastKdf(), clock);
        OUTWARD_VERIFY_OK(created);
        Profile &profile = *created->profile;
        QVERIFY(profile.isUnlocked());
        QVERIFY(profile.keys() != nullptr);
        QVERIFY(profile.crypto() != nullptr);
        QCOMPARE(created->recoveryCode.size(), 36 + 8);
        QVERIFY(!QUuid::fromString(profile.userId()).isNull());

        const ProfileInfo info = profile.info();
        QCOMPARE(info.folder, folder);
        QCOMPARE(info.userId, profile.userId());
        QVERIFY(HybridLogicalClock::isValidNodeId(info.node));
        QVERIFY(info.kdf == fastKdf());
        QCOMPARE(info.createdAt.toMSecsSinceEpoch(), clock.nowMs());
        QVERIFY(info.unlocked);
        QVERIFY(profile.team().isEmpty());
        QCOMPARE(profile.stateForNewRecords(), OutboxState::Local);

        QVERIFY(QFileInfo(Profile::databasePath(folder)).isFile());
        // Only the owner may list or enter the folder that holds the database and its WAL.
        const QFileDevice::Permissions permissions = QFileInfo(folder).permissions();
        QVERIFY(permissions.testFlags(QFileDevice::ReadOwner | QFileDevice::WriteOwner |
                                      QFileDevice::ExeOwner));
        QVERIFY2(!(permissions &
                   (QFileDevice::ReadGroup | QFileDevice::WriteGroup | QFileDevice::ExeGroup |
                    QFileDevice::ReadOther | QFileDevice::WriteOther | QFileDevice::ExeOther)),
                 qPrintable(QString::number(permissions.toInt(), 16)));
    }

    void databaseFilesAreOwnerOnly()
    {
        const QString folder = newFolder();
        auto created = createProfileOrDie(folder, kPassphrase, clock);
        OUTWARD_VERIFY_OK(
            RecordService(*created.profile).add(RecordKind::Interaction, note(u"x"_s)));
        const QFileDevice::Permissions others = QFileDevice::ReadGroup | QFileDevice::WriteGroup |
                                                QFileDevice::ReadOther | QFileDevice::WriteOther;
        const auto verifyOwnerOnly = [&](const char *when) {
            const QStringList names = QDir(folder).entryList(QDir::Files | QDir::Hidden);
            QVERIFY2(names.contains(u"outward.db"_s), when);
            for (const QString &name : names) {
                const QFileDevice::Permissions permissions =
                    QFileInfo(QDir(folder).filePath(name)).permissions();
                QVERIFY2(!(permissions & others),
                         qPrintable(u"%1 %2: %3"_s.arg(QString::fromLatin1(when), name)
                                        .arg(permissions.toInt(), 0, 16)));
            }
        };
        verifyOwnerOnly("while open");
        QVERIFY(QFileInfo::exists(Profile::databasePath(folder) + u"-wal"_s));
        created.profile.reset();
        verifyOwnerOnly("after closing");
        const auto reopened = openOrFail(folder);
        OUTWARD_VERIFY_OK(reopened->unlock(passphrase(kPassphrase)));
        OUTWARD_VERIFY_OK(RecordService(*reopened).add(RecordKind::Interaction, note(u"y"_s)));
        verifyOwnerOnly("reopened");
    }

    void aDamagedDatabaseIsCorruptAndNeverReplaced()
    {
        const QString folder = newFolder();
        QVERIFY(QDir().mkpath(folder));
        const QByteArray garbage = QByteArray("this is not a database ").repeated(200);
        {
            QFile file(Profile::databasePath(folder));
            QVERIFY(file.open(QIODevice::WriteOnly));
            QCOMPARE(file.write(garbage), garbage.size());
        }
        const auto opened = Profile::open(folder, clock);
        QVERIFY(!opened.ok());
        QCOMPARE(opened.error().code(), ErrorCode::Corrupt);
        const auto created = Profile::create(folder, passphrase(kPassphrase), fastKdf(), clock);
        QVERIFY(!created.ok());
        QCOMPARE(created.error().code(), ErrorCode::ProfileExists);
        QFile file(Profile::databasePath(folder));
        QVERIFY(file.open(QIODevice::ReadOnly));
        QCOMPARE(file.readAll(), garbage);
    }

    void createRefusesAnExistingProfile()
    {
        const QString folder = newFolder();
        const QString userId = createProfileOrDie(folder, kPassphrase, clock).profile->userId();
        const auto again = Profile::create(folder, passphrase(kNewPassphrase), fastKdf(), clock);
        QVERIFY(!again.ok());
        QCOMPARE(again.error().code(), ErrorCode::ProfileExists);
        // The first profile is intact and still opens with its passphrase.
        QCOMPARE(openOrFail(folder)->userId(), userId);
        verifyOpensWith(folder, clock, kPassphrase, true);
    }

    void createRefusesAWeakPassphraseAndWritesNothing()
    {
        const QString folder = newFolder();
        const auto created = Profile::create(folder, passphrase("short"), fastKdf(), clock);
        QVERIFY(!created.ok());
        QCOMPARE(created.error().code(), ErrorCode::InvalidInput);
        QVERIFY(!QFileInfo::exists(Profile::databasePath(folder)));
    }

    void openNeedsNoSecretAndStaysLocked()
    {
        const QString folder = newFolder();
        const QString userId = createProfileOrDie(folder, kPassphrase, clock).profile->userId();
        const auto profile = openOrFail(folder);
        QVERIFY(!profile->isUnlocked());
        QVERIFY(profile->keys() == nullptr);
        QVERIFY(profile->crypto() == nullptr);
        QCOMPARE(profile->userId(), userId);
        QVERIFY(!profile->info().unlocked);
    }

    void unlockWithThePassphrase()
    {
        const QString folder = newFolder();
        auto created = createProfileOrDie(folder, kPassphrase, clock);
        const QByteArray boxKey = created.profile->keys()->boxPublicKey;
        created.profile.reset();

        const auto profile = openOrFail(folder);
        OUTWARD_VERIFY_OK(profile->unlock(passphrase(kPassphrase)));
        QVERIFY(profile->isUnlocked());
        QCOMPARE(profile->keys()->userId, profile->userId());
        QCOMPARE(profile->keys()->boxPublicKey, boxKey);
        QVERIFY(profile->info().unlocked);
    }

    void wrongPassphraseIsWrongSecretAndStaysLocked()
    {
        const QString folder = newFolder();
        createProfileOrDie(folder, kPassphrase, clock);
        const auto profile = openOrFail(folder);
        for (const char *wrong : {"correct horse batterY", "", "a brand new passphrase"}) {
            const Status unlocked = profile->unlock(passphrase(wrong));
            QVERIFY(!unlocked.ok());
            QCOMPARE(unlocked.error().code(), ErrorCode::WrongSecret);
            QVERIFY(!profile->isUnlocked());
            QVERIFY(profile->keys() == nullptr);
        }
        RecordService service(*profile);
        QCOMPARE(service.list({}).error().code(), ErrorCode::Locked);
    }

    void lockWipesTheKeys()
    {
        const QString folder = newFolder();
        auto created = createProfileOrDie(folder, kPassphrase, clock);
        Profile &profile = *created.profile;
        RecordService service(profile);
        const auto added = service.add(RecordKind::Interaction, note(u"before locking"_s));
        OUTWARD_VERIFY_OK(added);

        profile.lock();
        QVERIFY(!profile.isUnlocked());
        QVERIFY(profile.keys() == nullptr);
        QVERIFY(profile.crypto() == nullptr);
        QVERIFY(!profile.info().unlocked);
        const auto read = service.get(added->header.id);
        QVERIFY(!read.ok());
        QCOMPARE(read.error().code(), ErrorCode::Locked);

        // Locking twice is harmless, and the same passphrase opens it again.
        profile.lock();
        OUTWARD_VERIFY_OK(profile.unlock(passphrase(kPassphrase)));
        const auto again = service.get(added->header.id);
        OUTWARD_VERIFY_OK(again);
        QCOMPARE(again->json.value(u"note"_s).toString(), u"before locking"_s);
    }

    void unlockWithTheRememberedMasterKey()
    {
        const QString folder = newFolder();
        auto created = createProfileOrDie(folder, kPassphrase, clock);
        const SecureBytes masterKey = created.profile->keys()->masterKey.clone();
        created.profile.reset();

        const auto profile = openOrFail(folder);
        const Status wrong = profile->unlockWithMasterKey(SecureBytes::random(32));
        QVERIFY(!wrong.ok());
        QCOMPARE(wrong.error().code(), ErrorCode::WrongSecret);
        QVERIFY(!profile->isUnlocked());
        OUTWARD_VERIFY_OK(profile->unlockWithMasterKey(masterKey));
        QVERIFY(profile->isUnlocked());
    }

    void changePassphraseRewrapsWithoutReencryptingRecords()
    {
        const QString folder = newFolder();
        QUuid id;
        QByteArray envelopeBefore;
        {
            auto created = createProfileOrDie(folder, kPassphrase, clock);
            RecordService service(*created.profile);
            const auto added =
                service.add(RecordKind::Interaction, note(u"written before the change"_s));
            OUTWARD_VERIFY_OK(added);
            id = added->header.id;
            OUTWARD_VERIFY_OK(service.edit(id, {{u"note"_s, u"edited before the change"_s}}));
            envelopeBefore = created.profile->store().get(id)->envelope;

            const KdfParams stronger{2, 8 * 1024 * 1024};
            OUTWARD_VERIFY_OK(created.profile->changePassphrase(
                passphrase(kPassphrase), passphrase(kNewPassphrase), stronger));
            QVERIFY(created.profile->isUnlocked());
            QVERIFY(created.profile->info().kdf == stronger);
            // Still readable in the same session.
            OUTWARD_VERIFY_OK(service.get(id));
        }
        verifyOpensWith(folder, clock, kPassphrase, false);
        verifyOpensWith(folder, clock, kNewPassphrase, true);

        const auto profile = openOrFail(folder);
        OUTWARD_VERIFY_OK(profile->unlock(passphrase(kNewPassphrase)));
        QCOMPARE(profile->store().get(id)->envelope, envelopeBefore);
        RecordService service(*profile);
        const auto read = service.get(id);
        OUTWARD_VERIFY_OK(read);
        QCOMPARE(read->json.value(u"note"_s).toString(), u"edited before the change"_s);
        const auto history = service.history(id);
        OUTWARD_VERIFY_OK(history);
        QCOMPARE(history->size(), 1);
        QCOMPARE(history->at(0).json.value(u"note"_s).toString(), u"written before the change"_s);
    }

    void changePassphraseRefusesAWrongCurrentOne()
    {
        const QString folder = newFolder();
        auto created = createProfileOrDie(folder, kPassphrase, clock);
        const WrappedKeyring before = storedKeyring(*created.profile);
        const Status changed = created.profile->changePassphrase(
            passphrase("not the passphrase"), passphrase(kNewPassphrase), fastKdf());
        QVERIFY(!changed.ok());
        QCOMPARE(changed.error().code(), ErrorCode::WrongSecret);
        QCOMPARE(storedKeyring(*created.profile).passphraseWrappedMasterKey,
                 before.passphraseWrappedMasterKey);
        QCOMPARE(storedKeyring(*created.profile).salt, before.salt);

        const Status weak = created.profile->changePassphrase(passphrase(kPassphrase),
                                                              passphrase("short"), fastKdf());
        QVERIFY(!weak.ok());
        QCOMPARE(weak.error().code(), ErrorCode::InvalidInput);
        QCOMPARE(storedKeyring(*created.profile).passphraseWrappedMasterKey,
                 before.passphraseWrappedMasterKey);
        created.profile.reset();
        verifyOpensWith(folder, clock, kPassphrase, true);
        verifyOpensWith(folder, clock, kNewPassphrase, false);
    }

    void recoverSetsANewPassphrase()
    {
        const QString folder = newFolder();
        auto created = createProfileOrDie(folder, kPassphrase, clock);
        const QString code = created.recoveryCode;
        QUuid id;
        {
            RecordService service(*created.profile);
            const auto added =
                service.add(RecordKind::Interaction, note(u"written before recovery"_s));
            OUTWARD_VERIFY_OK(added);
            id = added->header.id;
        }
        created.profile.reset();

        {
            // The passphrase is forgotten: a locked profile and the code written down.
            const auto profile = openOrFail(folder);
            OUTWARD_VERIFY_OK(profile->recover(code, passphrase(kNewPassphrase), fastKdf()));
            QVERIFY(profile->isUnlocked());
            RecordService service(*profile);
            const auto read = service.get(id);
            OUTWARD_VERIFY_OK(read);
            QCOMPARE(read->json.value(u"note"_s).toString(), u"written before recovery"_s);
        }
        verifyOpensWith(folder, clock, kPassphrase, false);
        verifyOpensWith(folder, clock, kNewPassphrase, true);

        // The code is not used up: it still works after a recovery.
        const auto profile = openOrFail(folder);
        OUTWARD_VERIFY_OK(profile->recover(code, passphrase("third passphrase"), fastKdf()));
    }

    void recoverRefusesAWrongOrMistypedCode()
    {
        const QString folder = newFolder();
        const QString code = createProfileOrDie(folder, kPassphrase, clock).recoveryCode;
        const QString otherCode = createProfileOrDie(newFolder(), kPassphrase, clock).recoveryCode;

        const auto profile = openOrFail(folder);
        const WrappedKeyring before = storedKeyring(*profile);
        for (const QString &wrong :
             {withTypo(code, 0), withTypo(code, 20), otherCode, u"not a code"_s}) {
            const Status recovered = profile->recover(wrong, passphrase(kNewPassphrase), fastKdf());
            QVERIFY2(!recovered.ok(), qPrintable(wrong));
            QVERIFY2(recovered.error().code() == ErrorCode::WrongSecret ||
                         recovered.error().code() == ErrorCode::InvalidInput,
                     qPrintable(recovered.error().toString()));
            QVERIFY(!profile->isUnlocked());
            QCOMPARE(storedKeyring(*profile).passphraseWrappedMasterKey,
                     before.passphraseWrappedMasterKey);
        }
        const Status typo =
            profile->recover(withTypo(code, 5), passphrase(kNewPassphrase), fastKdf());
        QVERIFY(!typo.ok());
        QCOMPARE(typo.error().code(), ErrorCode::WrongSecret);
        QVERIFY2(typo.error().message().contains(u"typo"_s), qPrintable(typo.error().message()));

        // A good code with a weak new passphrase changes nothing either.
        const Status weak = profile->recover(code, passphrase("short"), fastKdf());
        QVERIFY(!weak.ok());
        QCOMPARE(weak.error().code(), ErrorCode::InvalidInput);
        QVERIFY(!profile->isUnlocked());
        QCOMPARE(storedKeyring(*profile).passphraseWrappedMasterKey,
                 before.passphraseWrappedMasterKey);
        verifyOpensWith(folder, clock, kPassphrase, true);
    }

    void openingAFolderWithoutAProfileIsNoProfile()
    {
        const QString empty = newFolder();
        QVERIFY(QDir().mkpath(empty));
        for (const QString &folder : {empty, dir.filePath(u"never-created"_s)}) {
            const auto opened = Profile::open(folder, clock);
            QVERIFY(!opened.ok());
            QCOMPARE(opened.error().code(), ErrorCode::NoProfile);
            QVERIFY2(opened.error().message().contains(folder),
                     qPrintable(opened.error().message()));
        }
        // Opening must not leave a database behind in a folder that had none.
        QVERIFY(!QFileInfo::exists(Profile::databasePath(empty)));
    }

    void anInterruptedCreateIsNoProfileAndCanBeRedone()
    {
        const QString folder = newFolder();
        QVERIFY(QDir().mkpath(folder));
        {
            // The database exists but the keyring never made it in.
            auto database = Database::open(Profile::databasePath(folder), profileSchema());
            OUTWARD_VERIFY_OK(database);
        }
        const auto opened = Profile::open(folder, clock);
        QVERIFY(!opened.ok());
        QCOMPARE(opened.error().code(), ErrorCode::NoProfile);

        OUTWARD_VERIFY_OK(Profile::create(folder, passphrase(kPassphrase), fastKdf(), clock));
        verifyOpensWith(folder, clock, kPassphrase, true);
    }

    void aNewerSchemaIsNewerVersion()
    {
        const QString folder = newFolder();
        createProfileOrDie(folder, kPassphrase, clock);
        {
            QSqlDatabase raw = QSqlDatabase::addDatabase(u"QSQLITE"_s, u"raw"_s);
            raw.setDatabaseName(Profile::databasePath(folder));
            QVERIFY(raw.open());
            QSqlQuery query(raw);
            QVERIFY(
                query.exec(u"PRAGMA user_version = %1"_s.arg(profileSchema().last().version + 1)));
            query.finish();
            raw.close();
        }
        QSqlDatabase::removeDatabase(u"raw"_s);
        const auto opened = Profile::open(folder, clock);
        QVERIFY(!opened.ok());
        QCOMPARE(opened.error().code(), ErrorCode::NewerVersion);
        QVERIFY2(opened.error().message().contains(u"Update Outward"_s),
                 qPrintable(opened.error().message()));
    }

    void clockNeverGoesBehindAStoredRecord()
    {
        const QString folder = newFolder();
        HlcTimestamp first;
        {
            auto created = createProfileOrDie(folder, kPassphrase, clock);
            const auto added =
                RecordService(*created.profile).add(RecordKind::Interaction, note(u"x"_s));
            OUTWARD_VERIFY_OK(added);
            first = added->header.clock;
        }
        // The device clock was set back an hour before the app started again.
        ManualClock earlier(clock.nowMs() - 3600 * 1000);
        auto profile = Profile::open(folder, earlier);
        OUTWARD_VERIFY_OK(profile);
        OUTWARD_VERIFY_OK((*profile)->unlock(passphrase(kPassphrase)));
        const auto added = RecordService(**profile).add(RecordKind::Interaction, note(u"y"_s));
        OUTWARD_VERIFY_OK(added);
        QVERIFY2(added->header.clock > first,
                 qPrintable(added->header.clock.toString() + u" <= "_s + first.toString()));
    }

    void enrolmentSettingsAreReadOnOpen()
    {
        const QString folder = newFolder();
        {
            auto created = createProfileOrDie(folder, kPassphrase, clock);
            OUTWARD_VERIFY_OK(created.profile->database().setMeta(u"team"_s, u"team-42"_s));
            OUTWARD_VERIFY_OK(
                created.profile->database().setMeta(u"server"_s, u"https://outward.example"_s));
        }
        const auto profile = openOrFail(folder);
        QCOMPARE(profile->team(), u"team-42"_s);
        QCOMPARE(profile->stateForNewRecords(), OutboxState::Queued);
        QCOMPARE(profile->info().createdAt.toMSecsSinceEpoch(), clock.nowMs());
    }

    void createFromKeysMakesAnotherDeviceOfTheSameAccount()
    {
        const QString first = newFolder();
        auto created = createProfileOrDie(first, kPassphrase, clock);
        Profile &original = *created.profile;
        const auto added = RecordService(original).add(RecordKind::Interaction,
                                                       note(u"sealed on the first device"_s));
        OUTWARD_VERIFY_OK(added);
        auto stored = original.store().get(added->header.id);
        OUTWARD_VERIFY_OK(stored);

        // What a link hands over: the public part of the keyring and the master key.
        const WrappedKeyring &w = original.keyring();
        auto adopted =
            keyring::adopt({w.userId, w.boxPublicKey, w.signPublicKey, w.wrappedSecretKeys,
                            w.recoveryWrappedMasterKey},
                           original.keys()->masterKey, passphrase(kNewPassphrase), fastKdf());
        OUTWARD_VERIFY_OK(adopted);
        const QString second = newFolder();
        auto profile = Profile::createFromKeys(second, std::move(adopted).value(), clock);
        OUTWARD_VERIFY_OK(profile);
        Profile &device = **profile;
        QVERIFY(device.isUnlocked());
        QCOMPARE(device.userId(), original.userId());
        QVERIFY(device.info().node != original.info().node); // its own clock node
        QVERIFY(!device.recoveryCodePending());              // the person holds the code
        QCOMPARE(device.stateForNewRecords(), OutboxState::Local);

        // It reads what the first device sealed, as a pull delivers it.
        RecordService records(device);
        auto accepted =
            records.acceptRemote(stored->envelope, stored->signature, stored->keyCommit, 1);
        OUTWARD_VERIFY_OK(accepted);
        const auto read = records.get(added->header.id);
        OUTWARD_VERIFY_OK(read);
        QCOMPARE(read->json.value(u"note"_s).toString(), u"sealed on the first device"_s);
        profile->reset();

        // On disk: its own passphrase and the account's recovery code open it, the first
        // device's passphrase does not.
        verifyOpensWith(second, clock, kNewPassphrase, true);
        verifyOpensWith(second, clock, kPassphrase, false);
        const auto reopened = openOrFail(second);
        OUTWARD_VERIFY_OK(
            reopened->recover(created.recoveryCode, passphrase("third passphrase"), fastKdf()));
        QCOMPARE(reopened->userId(), original.userId());
    }

    void createFromKeysRefusesAnExistingProfile()
    {
        const QString folder = newFolder();
        auto created = createProfileOrDie(folder, kPassphrase, clock);
        const WrappedKeyring &w = created.profile->keyring();
        auto adopted = keyring::adopt({w.userId, w.boxPublicKey, w.signPublicKey,
                                       w.wrappedSecretKeys, w.recoveryWrappedMasterKey},
                                      created.profile->keys()->masterKey,
                                      passphrase(kNewPassphrase), fastKdf());
        OUTWARD_VERIFY_OK(adopted);
        OUTWARD_VERIFY_OK(Profile::checkFolderIsFree(newFolder(), clock));
        const Status busy = Profile::checkFolderIsFree(folder, clock);
        QVERIFY(!busy.ok());
        QCOMPARE(busy.error().code(), ErrorCode::ProfileExists);
        const auto refused = Profile::createFromKeys(folder, std::move(adopted).value(), clock);
        QVERIFY(!refused.ok());
        QCOMPARE(refused.error().code(), ErrorCode::ProfileExists);
        created.profile.reset();
        verifyOpensWith(folder, clock, kPassphrase, true);
    }
};

QTEST_GUILESS_MAIN(TestProfile)
#include "tst_profile.moc"
