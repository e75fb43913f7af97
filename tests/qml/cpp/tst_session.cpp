#include "core/crypto/keyring.h"
#include "sessionfixture.h"

#include <QQmlEngine>
#include <QSignalSpy>

using namespace outward;
using namespace outward::test;
using namespace Qt::StringLiterals;

class TestSession : public QObject
{
    Q_OBJECT

private:
    static std::unique_ptr<Session> sessionIn(SessionFixture &f)
    {
        return std::make_unique<Session>(f.dir.path(), &f.keyStore, f.clock, fastKdf());
    }

    static QString entryFor(Session &session)
    {
        return KeyStore::masterKeyEntry(
            Profile::open(session.profileFolder(), SystemClock::instance()).value()->userId());
    }

private slots:
    void initTestCase() { isolateSettings(); }
    void init() { QSettings().clear(); }

    void anEmptyFolderHasNoProfile()
    {
        SessionFixture f;
        auto session = sessionIn(f);
        QCOMPARE(session->state(), Session::NoProfile);
        QVERIFY(!session->busy());
        QVERIFY(session->error().isEmpty());
        QCOMPARE(session->records(), nullptr);
        QCOMPARE(session->autoLockMinutes(), 5);
    }

    // A link code's profile (DeviceJoinForm) opens as it is, only where the session expects it.
    void aJoinedProfileOpensOnlyInTheSessionsEmptyFolder()
    {
        SessionFixture f;
        auto session = sessionIn(f);
        QSignalSpy joined(session.get(), &Session::profileJoined);
        QVERIFY(!session->openJoinedProfile(nullptr).ok());

        QTemporaryDir elsewhere;
        auto other = createProfileOrDie(elsewhere.filePath(u"p"_s), "another passphrase", f.clock);
        const Status misplaced = session->openJoinedProfile(std::move(other.profile));
        QVERIFY(!misplaced.ok());
        QVERIFY(misplaced.error().message().contains(u"another folder"_s));
        QCOMPARE(session->state(), Session::NoProfile);

        auto here = createProfileOrDie(f.dir.path(), "the new device's passphrase", f.clock);
        const QString userId = here.profile->userId();
        OUTWARD_VERIFY_OK(session->openJoinedProfile(std::move(here.profile)));
        QCOMPARE(session->state(), Session::Unlocked); // no recovery code to show: the account's
        QCOMPARE(joined.count(), 1);
        QVERIFY(session->profile() != nullptr);
        QCOMPARE(session->profile()->userId(), userId);
        QVERIFY(session->records() != nullptr);
        QVERIFY(session->autoLockActive());

        auto second = createProfileOrDie(elsewhere.filePath(u"q"_s), "another passphrase", f.clock);
        const Status again = session->openJoinedProfile(std::move(second.profile));
        QCOMPARE(again.error().code(), ErrorCode::ProfileExists);
        QCOMPARE(session->profile()->userId(), userId);
        QCOMPARE(joined.count(), 1);
    }

    void createRefusesDifferentOrWeakPassphrases()
    {
        SessionFixture f;
        auto session = sessionIn(f);
        session->createProfile(kTestPassphrase, kTestPassphrase + u"x"_s);
        QVERIFY(session->error().contains(u"differ"_s));
        QVERIFY(!session->busy());
        session->createProfile(u"short"_s, u"short"_s);
        QVERIFY2(session->error().contains(u"at least 8 characters"_s),
                 qPrintable(session->error()));
        QVERIFY(!session->busy());
        QCOMPARE(session->state(), Session::NoProfile);
        QVERIFY(!QFile::exists(Profile::databasePath(f.dir.path())));
    }

    void createShowsTheRecoveryCodeOnceThenOpens()
    {
        SessionFixture f;
        auto session = sessionIn(f);
        QSignalSpy busy(session.get(), &Session::busyChanged);
        session->createProfile(kTestPassphrase, kTestPassphrase);
        QVERIFY(session->busy()); // the key derivation runs on a worker
        QTRY_COMPARE_WITH_TIMEOUT(session->state(), Session::ShowingRecoveryCode, 10000);
        QVERIFY(!session->busy());
        QCOMPARE(busy.count(), 2);
        const QString code = session->pendingRecoveryCode();
        QCOMPARE(code.split(u'-').size(), 9);
        QCOMPARE(session->records(), nullptr); // not before the code is confirmed

        QVERIFY(!session->confirmRecoveryCodeSaved(u"ZZZZ"_s));
        QVERIFY(!session->error().isEmpty());
        QCOMPARE(session->state(), Session::ShowingRecoveryCode);
        QVERIFY(session->confirmRecoveryCodeSaved(u" "_s + code.split(u'-').last().toLower()));
        QCOMPARE(session->state(), Session::Unlocked);
        QVERIFY(session->error().isEmpty());
        QVERIFY(session->pendingRecoveryCode().isEmpty());
        QVERIFY(session->records() != nullptr);
        OUTWARD_VERIFY_OK(session->records()->add(
            RecordKind::Interaction, jsonObject(R"({"channel":"phone","endEmotion":"anger"})")));

        // The next start finds the profile and asks for the passphrase.
        session.reset();
        auto again = sessionIn(f);
        QCOMPARE(again->state(), Session::Locked);
    }

    // The app closed while the recovery code was on screen: nobody saw it, so the next unlock
    // makes a new one, shows it, and the old one no longer opens the profile.
    void aRecoveryCodeNeverConfirmedIsRenewedAtTheNextUnlock()
    {
        SessionFixture f;
        QString unseen;
        {
            auto session = sessionIn(f);
            session->createProfile(kTestPassphrase, kTestPassphrase);
            QTRY_COMPARE_WITH_TIMEOUT(session->state(), Session::ShowingRecoveryCode, 10000);
            unseen = session->pendingRecoveryCode();
        } // closed before the code was confirmed

        auto again = sessionIn(f);
        QCOMPARE(again->state(), Session::Locked);
        again->unlock(kTestPassphrase, false);
        QTRY_COMPARE_WITH_TIMEOUT(again->state(), Session::ShowingRecoveryCode, 10000);
        const QString shown = again->pendingRecoveryCode();
        QCOMPARE(shown.split(u'-').size(), 9);
        QVERIFY(shown != unseen);
        QVERIFY(again->confirmRecoveryCodeSaved(shown.split(u'-').last()));
        QCOMPARE(again->state(), Session::Unlocked);

        // Confirmed now: the next unlock opens the app directly, and only the new code works.
        again->lock();
        again->unlock(kTestPassphrase, false);
        QTRY_COMPARE_WITH_TIMEOUT(again->state(), Session::Unlocked, 10000);
        auto profile = Profile::open(f.dir.path(), SystemClock::instance());
        OUTWARD_VERIFY_OK(profile);
        QVERIFY(!keyring::unlockWithRecoveryCode((*profile)->keyring(), unseen).ok());
        OUTWARD_VERIFY_OK(keyring::unlockWithRecoveryCode((*profile)->keyring(), shown));
    }

    void wrongPassphraseStaysLockedAndSaysSo()
    {
        SessionFixture f;
        QVERIFY(f.startUnlocked());
        f.session->lock();
        QCOMPARE(f.session->state(), Session::Locked);
        QCOMPARE(f.session->records(), nullptr);
        QVERIFY(!f.session->profile() && !f.session->records());

        f.session->unlock(u"not the passphrase at all"_s, false);
        QVERIFY(f.session->busy());
        QTRY_VERIFY_WITH_TIMEOUT(!f.session->busy(), 10000);
        QCOMPARE(f.session->state(), Session::Locked);
        QVERIFY2(f.session->error().contains(u"passphrase is wrong"_s),
                 qPrintable(f.session->error()));

        f.session->unlock(kTestPassphrase, false);
        QTRY_COMPARE_WITH_TIMEOUT(f.session->state(), Session::Unlocked, 10000);
        QVERIFY(f.session->error().isEmpty());
        QVERIFY(!f.session->remembered());
    }

    void rememberedKeyUnlocksWithoutThePassphrase()
    {
        SessionFixture f;
        QVERIFY(f.startUnlocked());
        f.session->lock();
        f.session->unlock(kTestPassphrase, true);
        QTRY_VERIFY_WITH_TIMEOUT(f.session->remembered(), 10000);
        const QString entry = entryFor(*f.session);
        QVERIFY(f.keyStore.contains(entry));

        // A restart knows from its settings, without asking the key store.
        Session::provide(nullptr);
        f.session = sessionIn(f);
        Session::provide(f.session.get());
        QCOMPARE(f.session->state(), Session::Locked);
        QVERIFY(f.session->remembered());
        f.session->unlockWithDevice();
        QTRY_COMPARE(f.session->state(), Session::Unlocked);
        QVERIFY(f.session->error().isEmpty());

        f.session->forgetDevice();
        QVERIFY(!f.session->remembered());
        QTRY_VERIFY(!f.keyStore.contains(entry));
        f.session->lock();
        f.session->unlockWithDevice();
        QCOMPARE(f.session->state(), Session::Locked);
        QVERIFY(!f.session->error().isEmpty());
    }

    void aKeyGoneFromTheStoreIsForgotten()
    {
        SessionFixture f;
        QVERIFY(f.startUnlocked());
        f.session->lock();
        f.session->unlock(kTestPassphrase, true);
        QTRY_VERIFY_WITH_TIMEOUT(f.session->remembered(), 10000);
        f.session->lock();
        bool removed = false;
        f.keyStore.remove(entryFor(*f.session), [&removed](Status) { removed = true; });
        QTRY_VERIFY(removed);

        f.session->unlockWithDevice();
        QTRY_VERIFY(!f.session->busy());
        QCOMPARE(f.session->state(), Session::Locked);
        QVERIFY(!f.session->remembered());
        QVERIFY(f.session->error().contains(u"passphrase"_s));
    }

    void autoLockAfterInactivity()
    {
        SessionFixture f;
        QVERIFY(f.startUnlocked());
        QVERIFY(f.session->autoLockActive());
        f.session->setAutoLockMinuteMs(200);
        f.session->setAutoLockMinutes(1);
        // Activity keeps it open past its limit.
        for (int i = 0; i < 4; ++i) {
            QTest::qWait(100);
            f.session->noteActivity();
        }
        QCOMPARE(f.session->state(), Session::Unlocked);
        QTRY_COMPARE_WITH_TIMEOUT(f.session->state(), Session::Locked, 3000);
        QVERIFY(!f.session->autoLockActive());

        f.session->unlock(kTestPassphrase, false);
        QTRY_COMPARE_WITH_TIMEOUT(f.session->state(), Session::Unlocked, 10000);
        f.session->setAutoLockMinutes(0);
        QVERIFY(!f.session->autoLockActive());
        QTest::qWait(400);
        QCOMPARE(f.session->state(), Session::Unlocked);
    }

    void autoLockMinutesAreKept()
    {
        SessionFixture f;
        auto session = sessionIn(f);
        QSignalSpy changed(session.get(), &Session::autoLockMinutesChanged);
        session->setAutoLockMinutes(7);
        QCOMPARE(changed.count(), 1);
        session->setAutoLockMinutes(-3);
        QCOMPARE(session->autoLockMinutes(), 0);
        session->setAutoLockMinutes(7);
        session.reset();
        QCOMPARE(sessionIn(f)->autoLockMinutes(), 7);
    }

    void changePassphrase()
    {
        SessionFixture f;
        QVERIFY(f.startUnlocked());
        QSignalSpy changed(f.session.get(), &Session::passphraseChanged);
        const QString next = u"another long passphrase"_s;

        f.session->changePassphrase(kTestPassphrase, next, next + u"!"_s);
        QVERIFY(f.session->error().contains(u"differ"_s));
        f.session->changePassphrase(u"wrong current passphrase"_s, next, next);
        QTRY_VERIFY_WITH_TIMEOUT(!f.session->busy(), 10000);
        QVERIFY(f.session->error().contains(u"passphrase is wrong"_s));
        QCOMPARE(changed.count(), 0);

        f.session->changePassphrase(kTestPassphrase, next, next);
        QTRY_COMPARE_WITH_TIMEOUT(changed.count(), 1, 10000);
        QVERIFY(!f.session->busy());
        QVERIFY(f.session->error().isEmpty());
        QCOMPARE(f.session->state(), Session::Unlocked);
        OUTWARD_VERIFY_OK(f.records().add(
            RecordKind::Interaction, jsonObject(R"({"channel":"chat","endEmotion":"adoration"})")));

        f.session->lock();
        f.session->unlock(kTestPassphrase, false);
        QTRY_VERIFY_WITH_TIMEOUT(!f.session->busy(), 10000);
        QCOMPARE(f.session->state(), Session::Locked);
        f.session->unlock(next, false);
        QTRY_COMPARE_WITH_TIMEOUT(f.session->state(), Session::Unlocked, 10000);
        QCOMPARE(f.records().list({})->size(), 1);
    }

    void recoverSetsANewPassphrase()
    {
        SessionFixture f;
        auto session = sessionIn(f);
        Session::provide(session.get());
        session->createProfile(kTestPassphrase, kTestPassphrase);
        QTRY_COMPARE_WITH_TIMEOUT(session->state(), Session::ShowingRecoveryCode, 10000);
        const QString code = session->pendingRecoveryCode();
        QVERIFY(session->confirmRecoveryCodeSaved(code.right(4)));
        session->lock();

        QSignalSpy changed(session.get(), &Session::passphraseChanged);
        const QString next = u"the recovered passphrase"_s;
        session->recover(u"0000-0000-0000-0000-0000-0000-0000-0000-0000"_s, next, next);
        QTRY_VERIFY_WITH_TIMEOUT(!session->busy(), 10000);
        QCOMPARE(session->state(), Session::Locked);
        QVERIFY(!session->error().isEmpty());

        session->recover(code, next, next);
        QTRY_COMPARE_WITH_TIMEOUT(session->state(), Session::Unlocked, 10000);
        QCOMPARE(changed.count(), 1);
        session->lock();
        session->unlock(next, false);
        QTRY_COMPARE_WITH_TIMEOUT(session->state(), Session::Unlocked, 10000);
        Session::provide(nullptr);
    }

    void passphraseStrength()
    {
        SessionFixture f;
        auto session = sessionIn(f);
        QCOMPARE(session->passphraseStrength(QString()), 0);
        QCOMPARE(session->passphraseStrength(u"short"_s), 0);
        QVERIFY(session->passphraseStrength(u"aaaaaaaaaaaa"_s) <= 1);
        QVERIFY(session->passphraseStrength(u"abcdefgh"_s) >= 1);
        QCOMPARE(session->passphraseStrength(u"correct horse battery staple"_s), 4);
        QVERIFY(session->passphraseStrength(u"abcdefgh"_s) <
                session->passphraseStrength(u"correct horse battery staple"_s));
        QVERIFY(!session->passphraseHint(u"short"_s).isEmpty());
        QVERIFY(session->passphraseHint(u"short"_s) !=
                session->passphraseHint(u"correct horse battery staple"_s));
    }

    void recordsChangedBumpsTheRevision()
    {
        SessionFixture f;
        auto session = sessionIn(f);
        QSignalSpy spy(session.get(), &Session::recordsChanged);
        session->notifyRecordsChanged();
        QCOMPARE(session->revision(), 1);
        QCOMPARE(spy.count(), 1);
    }

    void qmlGetsTheProvidedInstanceAndNeverOwnsIt()
    {
        SessionFixture f;
        auto session = sessionIn(f);
        Session::provide(session.get());
        QCOMPARE(Session::instance(), session.get());
        QQmlEngine engine;
        QCOMPARE(Session::create(&engine, &engine), session.get());
        QCOMPARE(QQmlEngine::objectOwnership(session.get()), QQmlEngine::CppOwnership);
        session.reset();
        QCOMPARE(Session::instance(), nullptr); // a destroyed session is not handed out
    }

    void destroyedWhileBusyWaitsForItsWorker()
    {
        SessionFixture f;
        auto session = sessionIn(f);
        session->createProfile(kTestPassphrase, kTestPassphrase);
        QVERIFY(session->busy());
        session.reset(); // must neither crash nor leave the worker posting to a dead object
        QTest::qWait(50);
    }
};

QTEST_GUILESS_MAIN(TestSession)
#include "tst_session.moc"
