// SqliteServerStore: opening and migrations, settings, teams, invites, enrolment, users,
// devices, authentication rows, link offers and recovery. Records are in tst_sqliterecords.

#include "tests/server/storage/storetestdata.h"

#include <QAtomicInteger>
#include <QFile>
#include <QSemaphore>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QThread>

using namespace outward;
using namespace outward::server;
using namespace outward::server::test;

class TestSqliteServerStore : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();

    void databaseFilesAreOwnerOnly();
    void reopenKeepsEverything();
    void lookupsSeeAnotherConnectionsWrites();
    void newerDatabaseIsRefusedAndLeftAlone();
    void firstSchemaIsMigrated();
    void pingAnswers();

    void initializeOnce();
    void teams();
    void invitesAndRecoveryTickets();

    void enrolCreatesUserDeviceAndBumpsDirectory();
    void enrolTwiceWithOneInviteIsInviteUsed();
    void enrolFailuresWriteNothing();
    void enrolKeyInUse_data();
    void enrolKeyInUse();
    void concurrentEnrolmentsHaveOneWinner();

    void findAndListUsers();
    void revokeUserRevokesDevicesAndTokens();
    void devicesListRevokeAndTouch();

    void takeChallengeIsSingleUse();
    void tokensFindDeleteAndPurge();

    void linkOfferLifecycle();
    void linkOfferLimits();
    void linkClaimExpiredAndUnknown();
    void registerDeviceChecks();
    void registerDeviceRepeatsForTheSameKey();
    void revocationsStopARepeatedRegistration();
    void recoveryClaim();

private:
    QString dbPath() const { return m_dir->filePath(u"server.db"_s); }
    QString addTeam(const QString &name);

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<SqliteServerStore> m_store;
};

void TestSqliteServerStore::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_store = openStore(dbPath());
    QVERIFY(m_store);
}

void TestSqliteServerStore::cleanup()
{
    m_store.reset();
    m_dir.reset();
}

QString TestSqliteServerStore::addTeam(const QString &name)
{
    auto team = m_store->addTeam(name, kNow);
    if (!team) {
        qWarning().noquote() << team.error().toString();
        return {};
    }
    return team->id;
}

void TestSqliteServerStore::databaseFilesAreOwnerOnly()
{
    const QString team = addTeam(u"Pension desk"_s); // something in the WAL
    QVERIFY(!team.isEmpty());
    const QFile::Permissions ownerOnly =
        QFile::ReadOwner | QFile::WriteOwner | QFile::ReadUser | QFile::WriteUser;
    QCOMPARE(QFile::permissions(dbPath()), ownerOnly);
    QVERIFY(QFile::exists(dbPath() + u"-wal"_s));
    QCOMPARE(QFile::permissions(dbPath() + u"-wal"_s), ownerOnly);

    // An existing file with a looser mode is tightened on open.
    m_store.reset();
    QVERIFY(QFile::setPermissions(dbPath(), ownerOnly | QFile::ReadGroup | QFile::ReadOther));
    m_store = openStore(dbPath());
    QVERIFY(m_store);
    QCOMPARE(QFile::permissions(dbPath()), ownerOnly);
}

void TestSqliteServerStore::reopenKeepsEverything()
{
    OUTWARD_VERIFY_OK(m_store->initialize(u"9b2e0c1d-1111-4222-8333-444455556666"_s, 7));
    const QString team = addTeam(u"Pension desk"_s);
    const EnrollResult alice = enrollUser(*m_store, team, uuid(1, 1), Role::Lead);
    QCOMPARE(alice.outcome, EnrollOutcome::Ok);
    Token token{bytes32(u"token"_s), alice.device.id, alice.user.id, kNow + kHour};
    OUTWARD_VERIFY_OK(m_store->storeToken(token));
    OUTWARD_VERIFY_OK(
        m_store->applyPush(alice.user.id, team, {version(recordId(1), clockText(kNow))}, kNow));

    m_store.reset();
    m_store = openStore(dbPath());
    QVERIFY(m_store);

    auto settings = m_store->settings();
    OUTWARD_VERIFY_OK(settings);
    QCOMPARE((*settings)->serverId, u"9b2e0c1d-1111-4222-8333-444455556666"_s);
    QCOMPARE((*settings)->k, 7);
    auto foundTeam = m_store->findTeam(team);
    OUTWARD_VERIFY_OK(foundTeam);
    QCOMPARE((*foundTeam)->directoryVersion, 2);
    auto user = m_store->findUser(alice.user.id);
    OUTWARD_VERIFY_OK(user);
    QCOMPARE((*user)->role, Role::Lead);
    QCOMPARE((*user)->boxPublicKey, alice.user.boxPublicKey);
    auto device = m_store->findDevice(alice.device.id);
    OUTWARD_VERIFY_OK(device);
    QCOMPARE((*device)->publicKey, alice.device.publicKey);
    auto foundToken = m_store->findToken(token.tokenHash);
    OUTWARD_VERIFY_OK(foundToken);
    QCOMPARE((*foundToken)->deviceId, alice.device.id);
    auto page = m_store->pull(alice.user.id, 0, 10, 1 << 20);
    OUTWARD_VERIFY_OK(page);
    QCOMPARE(page->items.size(), 1);
    QCOMPARE(page->highWater, 1);
}

// The lookups every request makes keep their prepared statements between calls; none may leave
// its read snapshot open, or a later lookup would miss what another connection (an admin
// command) wrote meanwhile.
void TestSqliteServerStore::lookupsSeeAnotherConnectionsWrites()
{
    const QString team = addTeam(u"Pension desk"_s);
    const EnrollResult alice = enrollUser(*m_store, team, uuid(1, 1), Role::Staff);
    QCOMPARE(alice.outcome, EnrollOutcome::Ok);
    auto admin = openStore(dbPath());
    QVERIFY(admin);

    for (int round = 0; round < 2; ++round) {
        auto user = m_store->findUser(alice.user.id);
        OUTWARD_VERIFY_OK(user);
        QVERIFY(user->has_value());
        auto members = m_store->listUsersOfTeam(team);
        OUTWARD_VERIFY_OK(members);
        auto before = m_store->findTeam(team);
        OUTWARD_VERIFY_OK(before);
        auto device = m_store->findDevice(alice.device.id);
        OUTWARD_VERIFY_OK(device);

        auto bumped = admin->bumpDirectoryVersion(team);
        OUTWARD_VERIFY_OK(bumped);
        auto after = m_store->findTeam(team);
        OUTWARD_VERIFY_OK(after);
        QCOMPARE((*after)->directoryVersion, *bumped);
        QVERIFY((*after)->directoryVersion > (*before)->directoryVersion);
    }

    OUTWARD_VERIFY_OK(admin->revokeUser(alice.user.id, kNow));
    auto revoked = m_store->findUser(alice.user.id);
    OUTWARD_VERIFY_OK(revoked);
    QVERIFY((*revoked)->isRevoked());
}

void TestSqliteServerStore::newerDatabaseIsRefusedAndLeftAlone()
{
    m_store.reset();
    const int newer = SqliteServerStore::schemaVersion() + 1;
    {
        auto db = QSqlDatabase::addDatabase(u"QSQLITE"_s, u"raw"_s);
        db.setDatabaseName(dbPath());
        QVERIFY(db.open());
        QSqlQuery query(db);
        QVERIFY(query.exec(u"PRAGMA user_version = %1"_s.arg(newer)));
        QVERIFY(query.exec(u"PRAGMA journal_mode = DELETE"_s));
        query.finish();
        db.close();
    }
    QSqlDatabase::removeDatabase(u"raw"_s);

    auto opened = SqliteServerStore::open(dbPath());
    QVERIFY(!opened);
    QCOMPARE(opened.error().code(), ErrorCode::NewerVersion);
    QVERIFY(opened.error().message().contains(u"newer"_s));

    {
        auto db = QSqlDatabase::addDatabase(u"QSQLITE"_s, u"raw"_s);
        db.setDatabaseName(dbPath());
        QVERIFY(db.open());
        QSqlQuery query(db);
        QVERIFY(query.exec(u"PRAGMA user_version"_s) && query.next());
        QCOMPARE(query.value(0).toInt(), newer);
        QVERIFY(query.exec(u"PRAGMA journal_mode"_s) && query.next());
        QCOMPARE(query.value(0).toString(), u"delete"_s); // not switched to WAL
        query.finish();
        db.close();
    }
    QSqlDatabase::removeDatabase(u"raw"_s);
}

// A database of the first schema (a server of an earlier release) is brought up to date when
// opened: the envelope-hash index goes, and the records stay.
void TestSqliteServerStore::firstSchemaIsMigrated()
{
    const QString team = addTeam(u"Pension desk"_s);
    const EnrollResult alice = enrollUser(*m_store, team, uuid(1, 1), Role::Staff);
    QCOMPARE(alice.outcome, EnrollOutcome::Ok);
    OUTWARD_VERIFY_OK(
        m_store->applyPush(alice.user.id, team, {version(recordId(1), clockText(kNow))}, kNow));
    m_store.reset();
    const auto indexes = [&]() {
        QStringList names;
        auto db = QSqlDatabase::addDatabase(u"QSQLITE"_s, u"raw"_s);
        db.setDatabaseName(dbPath());
        if (db.open()) {
            QSqlQuery query(db);
            query.exec(u"SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = "
                       u"'records' ORDER BY name"_s);
            while (query.next())
                names << query.value(0).toString();
            query.finish();
            db.close();
        }
        db = QSqlDatabase();
        QSqlDatabase::removeDatabase(u"raw"_s);
        return names;
    };
    {
        // Back to the first schema, as an earlier server left it.
        auto db = QSqlDatabase::addDatabase(u"QSQLITE"_s, u"raw"_s);
        db.setDatabaseName(dbPath());
        QVERIFY(db.open());
        QSqlQuery query(db);
        QVERIFY(
            query.exec(u"CREATE INDEX records_author_hash ON records (author, envelope_hash)"_s));
        QVERIFY(query.exec(u"PRAGMA user_version = 1"_s));
        query.finish();
        db.close();
    }
    QSqlDatabase::removeDatabase(u"raw"_s);
    QVERIFY(indexes().contains(u"records_author_hash"_s));

    m_store = openStore(dbPath());
    QVERIFY(m_store);
    QCOMPARE(SqliteServerStore::schemaVersion(), 2);
    QVERIFY(!indexes().contains(u"records_author_hash"_s));
    auto page = m_store->pull(alice.user.id, 0, 10, 1 << 20);
    OUTWARD_VERIFY_OK(page);
    QCOMPARE(page->items.size(), 1);
}

void TestSqliteServerStore::pingAnswers()
{
    OUTWARD_VERIFY_OK(m_store->ping());
}

void TestSqliteServerStore::initializeOnce()
{
    auto before = m_store->settings();
    OUTWARD_VERIFY_OK(before);
    QVERIFY(!before->has_value());

    auto tooSmall = m_store->initialize(u"9b2e0c1d-1111-4222-8333-444455556666"_s, 2);
    QVERIFY(!tooSmall);
    QCOMPARE(tooSmall.error().code(), ErrorCode::InvalidInput);

    OUTWARD_VERIFY_OK(m_store->initialize(u"9b2e0c1d-1111-4222-8333-444455556666"_s, 5));
    auto again = m_store->initialize(u"00000000-1111-4222-8333-444455556666"_s, 5);
    QVERIFY(!again);
    QCOMPARE(again.error().code(), ErrorCode::InvalidInput);

    auto after = m_store->settings();
    OUTWARD_VERIFY_OK(after);
    QCOMPARE((*after)->serverId, u"9b2e0c1d-1111-4222-8333-444455556666"_s);
    QCOMPARE((*after)->k, 5);
}

void TestSqliteServerStore::teams()
{
    auto pension = m_store->addTeam(u"Pension desk"_s, kNow);
    OUTWARD_VERIFY_OK(pension);
    QCOMPARE(pension->name, u"Pension desk"_s);
    QCOMPARE(pension->directoryVersion, 1);
    QCOMPARE(pension->createdAt, kNow);
    QCOMPARE(pension->id.size(), 36);
    QCOMPARE(pension->id, pension->id.toLower());

    auto duplicate = m_store->addTeam(u"PENSION DESK"_s, kNow);
    QVERIFY(!duplicate);
    QCOMPARE(duplicate.error().code(), ErrorCode::InvalidInput);
    auto empty = m_store->addTeam(u"  "_s, kNow);
    QVERIFY(!empty);

    auto field = m_store->addTeam(u"Field sales"_s, kNow + 1);
    OUTWARD_VERIFY_OK(field);

    auto byName = m_store->findTeamByName(u"pension DESK"_s);
    OUTWARD_VERIFY_OK(byName);
    QVERIFY(byName->has_value());
    QCOMPARE((*byName)->id, pension->id);
    auto byId = m_store->findTeam(field->id);
    OUTWARD_VERIFY_OK(byId);
    QCOMPARE((*byId)->name, u"Field sales"_s);
    auto unknown = m_store->findTeam(uuid(9, 9));
    OUTWARD_VERIFY_OK(unknown);
    QVERIFY(!unknown->has_value());

    auto list = m_store->listTeams();
    OUTWARD_VERIFY_OK(list);
    QCOMPARE(list->size(), 2);
    QCOMPARE(list->at(0).name, u"Field sales"_s);
    QCOMPARE(list->at(1).name, u"Pension desk"_s);

    auto bumped = m_store->bumpDirectoryVersion(pension->id);
    OUTWARD_VERIFY_OK(bumped);
    QCOMPARE(*bumped, 2);
    auto missing = m_store->bumpDirectoryVersion(uuid(9, 9));
    QVERIFY(!missing);
    QCOMPARE(missing.error().code(), ErrorCode::NotFound);
}

void TestSqliteServerStore::invitesAndRecoveryTickets()
{
    const QString team = addTeam(u"Pension desk"_s);
    const Invite code = invite(u"A"_s, team, Role::Lead);
    OUTWARD_VERIFY_OK(m_store->createInvite(code));
    auto duplicate = m_store->createInvite(code);
    QVERIFY(!duplicate);
    auto unknownTeam = m_store->createInvite(invite(u"B"_s, uuid(9, 9), Role::Staff));
    QVERIFY(!unknownTeam);

    auto found = m_store->findInvite(code.codeHash);
    OUTWARD_VERIFY_OK(found);
    QVERIFY(found->has_value());
    QCOMPARE((*found)->teamId, team);
    QCOMPARE((*found)->role, Role::Lead);
    QCOMPARE((*found)->expiresAt, code.expiresAt);
    QVERIFY(!(*found)->usedAt);
    QVERIFY(!(*found)->isRecoveryTicket());

    OUTWARD_VERIFY_OK(m_store->markInviteUsed(code.codeHash, kNow + 5));
    OUTWARD_VERIFY_OK(m_store->markInviteUsed(code.codeHash, kNow + 9)); // keeps the first time
    found = m_store->findInvite(code.codeHash);
    OUTWARD_VERIFY_OK(found);
    QCOMPARE((*found)->usedAt, std::optional<qint64>(kNow + 5));
    auto unknown = m_store->markInviteUsed(bytes32(u"nothing"_s), kNow);
    QVERIFY(!unknown);
    QCOMPARE(unknown.error().code(), ErrorCode::NotFound);

    // A recovery ticket takes its team and role from the user.
    const EnrollResult alice = enrollUser(*m_store, team, uuid(1, 1), Role::Lead);
    QCOMPARE(alice.outcome, EnrollOutcome::Ok);
    Invite ticket = invite(u"T"_s, QString(), Role::Staff, kNow + 24 * kHour);
    ticket.recoverUserId = alice.user.id;
    OUTWARD_VERIFY_OK(m_store->createInvite(ticket));
    auto storedTicket = m_store->findInvite(ticket.codeHash);
    OUTWARD_VERIFY_OK(storedTicket);
    QVERIFY((*storedTicket)->isRecoveryTicket());
    QCOMPARE((*storedTicket)->recoverUserId, alice.user.id);
    QCOMPARE((*storedTicket)->teamId, team);
    QCOMPARE((*storedTicket)->role, Role::Lead);

    Invite orphan = invite(u"O"_s, QString(), Role::Staff);
    orphan.recoverUserId = uuid(9, 9);
    auto noUser = m_store->createInvite(orphan);
    QVERIFY(!noUser);
    QCOMPARE(noUser.error().code(), ErrorCode::NotFound);
}

void TestSqliteServerStore::enrolCreatesUserDeviceAndBumpsDirectory()
{
    const QString team = addTeam(u"Pension desk"_s);
    const Invite code = invite(u"A"_s, team, Role::Lead);
    OUTWARD_VERIFY_OK(m_store->createInvite(code));

    User user = newUser(uuid(1, 1), u"Alice"_s);
    user.teamId = uuid(9, 9); // ignored: the invite decides
    user.role = Role::Admin;
    auto enrolled = m_store->enroll(code.codeHash, user, newDevice(u"Laptop"_s, u"a"_s), kNow);
    OUTWARD_VERIFY_OK(enrolled);
    QCOMPARE(enrolled->outcome, EnrollOutcome::Ok);
    QCOMPARE(enrolled->user.teamId, team);
    QCOMPARE(enrolled->user.role, Role::Lead);
    QCOMPARE(enrolled->user.enrolledAt, kNow);
    QCOMPARE(enrolled->team.id, team);
    QCOMPARE(enrolled->team.directoryVersion, 2);
    QCOMPARE(enrolled->device.userId, user.id);
    QCOMPARE(enrolled->device.id.size(), 36);
    QCOMPARE(enrolled->device.createdAt, kNow);
    QCOMPARE(enrolled->device.lastSeenAt, kNow);

    auto stored = m_store->findUser(user.id);
    OUTWARD_VERIFY_OK(stored);
    QCOMPARE((*stored)->displayName, u"Alice"_s);
    QCOMPARE((*stored)->teamId, team);
    QCOMPARE((*stored)->wrappedSecretKeys, user.wrappedSecretKeys);
    QCOMPARE((*stored)->recoveryWrappedMasterKey, user.recoveryWrappedMasterKey);
    QVERIFY(!(*stored)->isRevoked());
    auto device = m_store->findDevice(enrolled->device.id);
    OUTWARD_VERIFY_OK(device);
    QCOMPARE((*device)->name, u"Laptop"_s);
    auto usedInvite = m_store->findInvite(code.codeHash);
    OUTWARD_VERIFY_OK(usedInvite);
    QCOMPARE((*usedInvite)->usedAt, std::optional<qint64>(kNow));

    // A device id chosen by the caller is kept.
    const Invite second = invite(u"B"_s, team, Role::Staff);
    OUTWARD_VERIFY_OK(m_store->createInvite(second));
    Device chosen = newDevice(u"Phone"_s, u"b"_s);
    chosen.id = uuid(2, 2);
    auto bob = m_store->enroll(second.codeHash, newUser(uuid(1, 2), u"Bob"_s), chosen, kNow);
    OUTWARD_VERIFY_OK(bob);
    QCOMPARE(bob->device.id, uuid(2, 2));
    QCOMPARE(bob->team.directoryVersion, 3);
}

void TestSqliteServerStore::enrolTwiceWithOneInviteIsInviteUsed()
{
    const QString team = addTeam(u"Pension desk"_s);
    const Invite code = invite(u"A"_s, team, Role::Staff);
    OUTWARD_VERIFY_OK(m_store->createInvite(code));
    auto first = m_store->enroll(code.codeHash, newUser(uuid(1, 1), u"Alice"_s),
                                 newDevice(u"Laptop"_s, u"a"_s), kNow);
    OUTWARD_VERIFY_OK(first);
    QCOMPARE(first->outcome, EnrollOutcome::Ok);
    auto second = m_store->enroll(code.codeHash, newUser(uuid(1, 2), u"Mallory"_s),
                                  newDevice(u"Laptop"_s, u"m"_s), kNow + 1);
    OUTWARD_VERIFY_OK(second);
    QCOMPARE(second->outcome, EnrollOutcome::InviteUsed);
    auto mallory = m_store->findUser(uuid(1, 2));
    OUTWARD_VERIFY_OK(mallory);
    QVERIFY(!mallory->has_value());
}

void TestSqliteServerStore::enrolFailuresWriteNothing()
{
    const QString team = addTeam(u"Pension desk"_s);
    const Invite expiring = invite(u"E"_s, team, Role::Staff, kNow + 10);
    OUTWARD_VERIFY_OK(m_store->createInvite(expiring));
    const User alice = newUser(uuid(1, 1), u"Alice"_s);
    const Device laptop = newDevice(u"Laptop"_s, u"a"_s);

    auto unknown = m_store->enroll(bytes32(u"no such code"_s), alice, laptop, kNow);
    OUTWARD_VERIFY_OK(unknown);
    QCOMPARE(unknown->outcome, EnrollOutcome::InviteInvalid);

    auto expired = m_store->enroll(expiring.codeHash, alice, laptop, kNow + 10);
    OUTWARD_VERIFY_OK(expired);
    QCOMPARE(expired->outcome, EnrollOutcome::InviteExpired);
    auto stillUnused = m_store->findInvite(expiring.codeHash);
    OUTWARD_VERIFY_OK(stillUnused);
    QVERIFY(!(*stillUnused)->usedAt);

    // A recovery ticket is not an enrolment invite.
    const EnrollResult bob = enrollUser(*m_store, team, uuid(1, 2), Role::Staff);
    QCOMPARE(bob.outcome, EnrollOutcome::Ok);
    Invite ticket = invite(u"T"_s, team, Role::Staff);
    ticket.recoverUserId = bob.user.id;
    OUTWARD_VERIFY_OK(m_store->createInvite(ticket));
    auto withTicket = m_store->enroll(ticket.codeHash, alice, laptop, kNow);
    OUTWARD_VERIFY_OK(withTicket);
    QCOMPARE(withTicket->outcome, EnrollOutcome::InviteInvalid);

    // A known user id: user_exists, and the invite is not burnt.
    const Invite fresh = invite(u"F"_s, team, Role::Staff);
    OUTWARD_VERIFY_OK(m_store->createInvite(fresh));
    auto exists = m_store->enroll(fresh.codeHash, newUser(bob.user.id, u"Bob again"_s),
                                  newDevice(u"Other"_s, u"other"_s), kNow);
    OUTWARD_VERIFY_OK(exists);
    QCOMPARE(exists->outcome, EnrollOutcome::UserExists);
    auto freshAfter = m_store->findInvite(fresh.codeHash);
    OUTWARD_VERIFY_OK(freshAfter);
    QVERIFY(!(*freshAfter)->usedAt);
    auto teamAfter = m_store->findTeam(team);
    OUTWARD_VERIFY_OK(teamAfter);
    QCOMPARE((*teamAfter)->directoryVersion, 2); // only Bob's enrolment counted
    auto devices = m_store->findDeviceByPublicKey(newDevice(u"Other"_s, u"other"_s).publicKey);
    OUTWARD_VERIFY_OK(devices);
    QVERIFY(!devices->has_value());

    // The same invite then works for a new user.
    auto ok = m_store->enroll(fresh.codeHash, alice, laptop, kNow);
    OUTWARD_VERIFY_OK(ok);
    QCOMPARE(ok->outcome, EnrollOutcome::Ok);
}

void TestSqliteServerStore::enrolKeyInUse_data()
{
    QTest::addColumn<QString>("which");
    QTest::newRow("box key") << u"box"_s;
    QTest::newRow("sign key") << u"sign"_s;
    QTest::newRow("device key") << u"device"_s;
}

void TestSqliteServerStore::enrolKeyInUse()
{
    QFETCH(QString, which);
    const QString team = addTeam(u"Pension desk"_s);
    const EnrollResult bob = enrollUser(*m_store, team, uuid(1, 2), Role::Staff);
    QCOMPARE(bob.outcome, EnrollOutcome::Ok);

    User alice = newUser(uuid(1, 1), u"Alice"_s);
    Device laptop = newDevice(u"Laptop"_s, u"a"_s);
    if (which == u"box"_s)
        alice.boxPublicKey = bob.user.boxPublicKey;
    else if (which == u"sign"_s)
        alice.signPublicKey = bob.user.signPublicKey;
    else
        laptop.publicKey = bob.device.publicKey;
    const Invite code = invite(u"A"_s, team, Role::Staff);
    OUTWARD_VERIFY_OK(m_store->createInvite(code));
    auto result = m_store->enroll(code.codeHash, alice, laptop, kNow);
    OUTWARD_VERIFY_OK(result);
    QCOMPARE(result->outcome, EnrollOutcome::KeyInUse);
    auto stored = m_store->findUser(alice.id);
    OUTWARD_VERIFY_OK(stored);
    QVERIFY(!stored->has_value());
    auto unused = m_store->findInvite(code.codeHash);
    OUTWARD_VERIFY_OK(unused);
    QVERIFY(!(*unused)->usedAt);
}

void TestSqliteServerStore::concurrentEnrolmentsHaveOneWinner()
{
    const QString team = addTeam(u"Pension desk"_s);
    const Invite code = invite(u"A"_s, team, Role::Staff);
    OUTWARD_VERIFY_OK(m_store->createInvite(code));

    constexpr int kThreads = 4;
    QAtomicInteger<int> ok = 0;
    QAtomicInteger<int> used = 0;
    QAtomicInteger<int> other = 0;
    QSemaphore ready;
    QSemaphore go;
    QList<QThread *> threads;
    for (int i = 0; i < kThreads; ++i) {
        threads << QThread::create([&, i]() {
            // Each thread has its own store and connection, as the API's handlers would.
            auto store = openStore(dbPath());
            ready.release();
            go.acquire();
            if (!store) {
                other.fetchAndAddRelaxed(1);
                return;
            }
            auto result = store->enroll(code.codeHash, newUser(uuid(1, i), u"User"_s),
                                        newDevice(u"Laptop"_s, QString::number(i)), kNow);
            if (result && result->outcome == EnrollOutcome::Ok)
                ok.fetchAndAddRelaxed(1);
            else if (result && result->outcome == EnrollOutcome::InviteUsed)
                used.fetchAndAddRelaxed(1);
            else
                other.fetchAndAddRelaxed(1);
        });
        threads.last()->start();
    }
    ready.acquire(kThreads);
    go.release(kThreads);
    for (QThread *thread : std::as_const(threads)) {
        QVERIFY(thread->wait(30000));
        delete thread;
    }
    QCOMPARE(ok.loadRelaxed(), 1);
    QCOMPARE(used.loadRelaxed(), kThreads - 1);
    QCOMPARE(other.loadRelaxed(), 0);
    auto users = m_store->listUsers();
    OUTWARD_VERIFY_OK(users);
    QCOMPARE(users->size(), 1);
}

void TestSqliteServerStore::findAndListUsers()
{
    const QString pension = addTeam(u"Pension desk"_s);
    const QString field = addTeam(u"Field sales"_s);
    const EnrollResult c = enrollUser(*m_store, pension, uuid(1, 3), Role::Staff);
    const EnrollResult a = enrollUser(*m_store, pension, uuid(1, 1), Role::Lead);
    const EnrollResult b = enrollUser(*m_store, field, uuid(1, 2), Role::Admin);
    QCOMPARE(c.outcome, EnrollOutcome::Ok);
    QCOMPARE(a.outcome, EnrollOutcome::Ok);
    QCOMPARE(b.outcome, EnrollOutcome::Ok);

    auto byBox = m_store->findUserByBoxKey(a.user.boxPublicKey);
    OUTWARD_VERIFY_OK(byBox);
    QCOMPARE((*byBox)->id, a.user.id);
    auto bySign = m_store->findUserBySignKey(b.user.signPublicKey);
    OUTWARD_VERIFY_OK(bySign);
    QCOMPARE((*bySign)->id, b.user.id);
    QCOMPARE((*bySign)->role, Role::Admin);
    auto none = m_store->findUserBySignKey(a.user.boxPublicKey);
    OUTWARD_VERIFY_OK(none);
    QVERIFY(!none->has_value());

    auto all = m_store->listUsers();
    OUTWARD_VERIFY_OK(all);
    QCOMPARE(all->size(), 3);
    QCOMPARE(all->at(0).id, uuid(1, 1));
    QCOMPARE(all->at(1).id, uuid(1, 2));
    QCOMPARE(all->at(2).id, uuid(1, 3));
    auto members = m_store->listUsersOfTeam(pension);
    OUTWARD_VERIFY_OK(members);
    QCOMPARE(members->size(), 2);
    QCOMPARE(members->at(0).id, uuid(1, 1));
    QCOMPARE(members->at(1).id, uuid(1, 3));
}

void TestSqliteServerStore::revokeUserRevokesDevicesAndTokens()
{
    const QString team = addTeam(u"Pension desk"_s);
    const EnrollResult alice = enrollUser(*m_store, team, uuid(1, 1), Role::Staff);
    const EnrollResult bob = enrollUser(*m_store, team, uuid(1, 2), Role::Staff);
    Device phone = newDevice(u"Phone"_s, u"alice phone"_s);
    phone.userId = alice.user.id;
    phone.createdAt = kNow;
    phone.lastSeenAt = kNow;
    auto addedPhone = m_store->addDevice(phone);
    OUTWARD_VERIFY_OK(addedPhone);
    OUTWARD_VERIFY_OK(
        m_store->storeToken({bytes32(u"t1"_s), alice.device.id, alice.user.id, kNow + kHour}));
    OUTWARD_VERIFY_OK(
        m_store->storeToken({bytes32(u"t2"_s), addedPhone->id, alice.user.id, kNow + kHour}));
    OUTWARD_VERIFY_OK(
        m_store->storeToken({bytes32(u"t3"_s), bob.device.id, bob.user.id, kNow + kHour}));

    OUTWARD_VERIFY_OK(m_store->revokeUser(alice.user.id, kNow + 100));

    auto user = m_store->findUser(alice.user.id);
    OUTWARD_VERIFY_OK(user);
    QCOMPARE((*user)->revokedAt, std::optional<qint64>(kNow + 100));
    auto devices = m_store->listDevices(alice.user.id);
    OUTWARD_VERIFY_OK(devices);
    QCOMPARE(devices->size(), 2);
    for (const Device &device : *devices)
        QCOMPARE(device.revokedAt, std::optional<qint64>(kNow + 100));
    for (const QString &label : {u"t1"_s, u"t2"_s}) {
        auto token = m_store->findToken(bytes32(label));
        OUTWARD_VERIFY_OK(token);
        QVERIFY(!token->has_value());
    }
    auto bobToken = m_store->findToken(bytes32(u"t3"_s));
    OUTWARD_VERIFY_OK(bobToken);
    QVERIFY(bobToken->has_value());
    auto teamAfter = m_store->findTeam(team);
    OUTWARD_VERIFY_OK(teamAfter);
    QCOMPARE((*teamAfter)->directoryVersion, 4); // two enrolments and the revocation

    // Revoking again keeps the first time and does not bump the directory.
    OUTWARD_VERIFY_OK(m_store->revokeUser(alice.user.id, kNow + 200));
    user = m_store->findUser(alice.user.id);
    OUTWARD_VERIFY_OK(user);
    QCOMPARE((*user)->revokedAt, std::optional<qint64>(kNow + 100));
    teamAfter = m_store->findTeam(team);
    OUTWARD_VERIFY_OK(teamAfter);
    QCOMPARE((*teamAfter)->directoryVersion, 4);

    auto unknown = m_store->revokeUser(uuid(9, 9), kNow);
    QVERIFY(!unknown);
    QCOMPARE(unknown.error().code(), ErrorCode::NotFound);
}

void TestSqliteServerStore::devicesListRevokeAndTouch()
{
    const QString team = addTeam(u"Pension desk"_s);
    const EnrollResult alice = enrollUser(*m_store, team, uuid(1, 1), Role::Staff);
    Device phone = newDevice(u"Phone"_s, u"alice phone"_s);
    phone.userId = alice.user.id;
    phone.createdAt = kNow + 1;
    phone.lastSeenAt = kNow + 1;
    auto added = m_store->addDevice(phone);
    OUTWARD_VERIFY_OK(added);
    auto sameKey = m_store->addDevice(phone);
    QVERIFY(!sameKey);
    Device orphan = newDevice(u"Orphan"_s, u"orphan"_s);
    orphan.userId = uuid(9, 9);
    QVERIFY(!m_store->addDevice(orphan));

    auto devices = m_store->listDevices(alice.user.id);
    OUTWARD_VERIFY_OK(devices);
    QCOMPARE(devices->size(), 2);
    QCOMPARE(devices->at(0).id, alice.device.id);
    QCOMPARE(devices->at(1).id, added->id);
    auto byKey = m_store->findDeviceByPublicKey(phone.publicKey);
    OUTWARD_VERIFY_OK(byKey);
    QCOMPARE((*byKey)->id, added->id);

    OUTWARD_VERIFY_OK(
        m_store->storeToken({bytes32(u"laptop"_s), alice.device.id, alice.user.id, kNow + kHour}));
    OUTWARD_VERIFY_OK(
        m_store->storeToken({bytes32(u"phone"_s), added->id, alice.user.id, kNow + kHour}));
    OUTWARD_VERIFY_OK(m_store->revokeDevice(added->id, kNow + 50));
    auto revoked = m_store->findDevice(added->id);
    OUTWARD_VERIFY_OK(revoked);
    QCOMPARE((*revoked)->revokedAt, std::optional<qint64>(kNow + 50));
    auto phoneToken = m_store->findToken(bytes32(u"phone"_s));
    OUTWARD_VERIFY_OK(phoneToken);
    QVERIFY(!phoneToken->has_value());
    auto laptopToken = m_store->findToken(bytes32(u"laptop"_s));
    OUTWARD_VERIFY_OK(laptopToken);
    QVERIFY(laptopToken->has_value());
    auto laptop = m_store->findDevice(alice.device.id);
    OUTWARD_VERIFY_OK(laptop);
    QVERIFY(!(*laptop)->isRevoked());
    QVERIFY(!m_store->revokeDevice(uuid(9, 9), kNow));

    // lastSeenAt moves at most once a minute.
    OUTWARD_VERIFY_OK(m_store->touchDevice(alice.device.id, kNow + 30 * 1000));
    laptop = m_store->findDevice(alice.device.id);
    OUTWARD_VERIFY_OK(laptop);
    QCOMPARE((*laptop)->lastSeenAt, kNow);
    OUTWARD_VERIFY_OK(m_store->touchDevice(alice.device.id, kNow + 61 * 1000));
    laptop = m_store->findDevice(alice.device.id);
    OUTWARD_VERIFY_OK(laptop);
    QCOMPARE((*laptop)->lastSeenAt, kNow + 61 * 1000);
    OUTWARD_VERIFY_OK(m_store->touchDevice(alice.device.id, kNow + 62 * 1000));
    laptop = m_store->findDevice(alice.device.id);
    OUTWARD_VERIFY_OK(laptop);
    QCOMPARE((*laptop)->lastSeenAt, kNow + 61 * 1000);
}

void TestSqliteServerStore::takeChallengeIsSingleUse()
{
    const Challenge challenge{bytes32(u"challenge"_s), uuid(2, 1), kNow + 60 * 1000};
    OUTWARD_VERIFY_OK(m_store->storeChallenge(challenge));
    QVERIFY(!m_store->storeChallenge(challenge));

    auto taken = m_store->takeChallenge(challenge.challenge);
    OUTWARD_VERIFY_OK(taken);
    QVERIFY(taken->has_value());
    QCOMPARE((*taken)->deviceId, uuid(2, 1));
    QCOMPARE((*taken)->expiresAt, challenge.expiresAt);
    auto again = m_store->takeChallenge(challenge.challenge);
    OUTWARD_VERIFY_OK(again);
    QVERIFY(!again->has_value());

    // An expired one is still returned (and consumed): the caller decides.
    const Challenge old{bytes32(u"old"_s), uuid(2, 1), kNow - 1};
    OUTWARD_VERIFY_OK(m_store->storeChallenge(old));
    auto takenOld = m_store->takeChallenge(old.challenge);
    OUTWARD_VERIFY_OK(takenOld);
    QVERIFY(takenOld->has_value());

    // Purge removes expired challenges only.
    const Challenge live{bytes32(u"live"_s), uuid(2, 1), kNow + 60 * 1000};
    const Challenge stale{bytes32(u"stale"_s), uuid(2, 1), kNow};
    OUTWARD_VERIFY_OK(m_store->storeChallenge(live));
    OUTWARD_VERIFY_OK(m_store->storeChallenge(stale));
    auto purged = m_store->purgeExpired(kNow, 0);
    OUTWARD_VERIFY_OK(purged);
    QCOMPARE(*purged, 1);
    auto liveAfter = m_store->takeChallenge(live.challenge);
    OUTWARD_VERIFY_OK(liveAfter);
    QVERIFY(liveAfter->has_value());
}

void TestSqliteServerStore::tokensFindDeleteAndPurge()
{
    const QString team = addTeam(u"Pension desk"_s);
    const EnrollResult alice = enrollUser(*m_store, team, uuid(1, 1), Role::Staff);
    const Token token{bytes32(u"token"_s), alice.device.id, alice.user.id, kNow + kHour};
    OUTWARD_VERIFY_OK(m_store->storeToken(token));
    QVERIFY(!m_store->storeToken(token));
    QVERIFY(!m_store->storeToken({bytes32(u"x"_s), uuid(9, 9), alice.user.id, kNow}));

    auto found = m_store->findToken(token.tokenHash);
    OUTWARD_VERIFY_OK(found);
    QCOMPARE((*found)->userId, alice.user.id);
    QCOMPARE((*found)->deviceId, alice.device.id);
    QCOMPARE((*found)->expiresAt, kNow + kHour);

    auto byDevice = m_store->deleteTokensOfDevice(alice.device.id);
    OUTWARD_VERIFY_OK(byDevice);
    QCOMPARE(*byDevice, 1);
    OUTWARD_VERIFY_OK(m_store->storeToken(token));
    auto byUser = m_store->deleteTokensOfUser(alice.user.id);
    OUTWARD_VERIFY_OK(byUser);
    QCOMPARE(*byUser, 1);

    OUTWARD_VERIFY_OK(m_store->storeToken(token));
    auto notYet = m_store->purgeExpired(kNow + kHour - 1, 0);
    OUTWARD_VERIFY_OK(notYet);
    QCOMPARE(*notYet, 0);
    auto expired = m_store->findToken(token.tokenHash); // found even when expired
    OUTWARD_VERIFY_OK(expired);
    QVERIFY(expired->has_value());
    auto purged = m_store->purgeExpired(kNow + kHour, 0);
    OUTWARD_VERIFY_OK(purged);
    QCOMPARE(*purged, 1);
    auto gone = m_store->findToken(token.tokenHash);
    OUTWARD_VERIFY_OK(gone);
    QVERIFY(!gone->has_value());
}

void TestSqliteServerStore::linkOfferLifecycle()
{
    const QString team = addTeam(u"Pension desk"_s);
    const EnrollResult alice = enrollUser(*m_store, team, uuid(1, 1), Role::Staff);
    const qint64 tenMinutes = 10 * 60 * 1000;
    LinkOffer offer{
        QByteArray(16, 'm'), alice.user.id, QByteArray(72, 'b'), kNow, kNow + tenMinutes,
        LinkStatus::Waiting, QString()};

    auto created = m_store->createLinkOffer(offer, 3, kNow);
    OUTWARD_VERIFY_OK(created);
    QCOMPARE(*created, CreateLinkOfferOutcome::Ok);
    auto exists = m_store->createLinkOffer(offer, 3, kNow);
    OUTWARD_VERIFY_OK(exists);
    QCOMPARE(*exists, CreateLinkOfferOutcome::Exists);

    auto found = m_store->findLinkOffer(offer.mailboxId, kNow);
    OUTWARD_VERIFY_OK(found);
    QCOMPARE((*found)->status, LinkStatus::Waiting);
    QCOMPARE((*found)->blob, offer.blob);
    QCOMPARE((*found)->userId, alice.user.id);

    const QByteArray claimHash = bytes32(u"claim"_s);
    auto claimed = m_store->claimLinkOffer(offer.mailboxId, claimHash, kNow + tenMinutes, kNow);
    OUTWARD_VERIFY_OK(claimed);
    QCOMPARE(claimed->outcome, ClaimOutcome::Ok);
    QCOMPARE(claimed->offer.status, LinkStatus::Claimed);
    QCOMPARE(claimed->offer.blob, offer.blob);
    QCOMPARE(claimed->user.id, alice.user.id);
    QCOMPARE(claimed->user.wrappedSecretKeys, alice.user.wrappedSecretKeys);
    auto claimToken = m_store->findClaimToken(claimHash);
    OUTWARD_VERIFY_OK(claimToken);
    QCOMPARE((*claimToken)->userId, alice.user.id);
    QCOMPARE((*claimToken)->mailboxId, offer.mailboxId);
    QCOMPARE((*claimToken)->expiresAt, kNow + tenMinutes);

    // Single use: the second claim is link_used and makes no token.
    auto again = m_store->claimLinkOffer(offer.mailboxId, bytes32(u"claim 2"_s), kNow, kNow + 1);
    OUTWARD_VERIFY_OK(again);
    QCOMPARE(again->outcome, ClaimOutcome::Used);
    auto noToken = m_store->findClaimToken(bytes32(u"claim 2"_s));
    OUTWARD_VERIFY_OK(noToken);
    QVERIFY(!noToken->has_value());
    auto claimedStatus = m_store->findLinkOffer(offer.mailboxId, kNow + 2);
    OUTWARD_VERIFY_OK(claimedStatus);
    QCOMPARE((*claimedStatus)->status, LinkStatus::Claimed);

    // Registering with the claim token marks the offer registered.
    auto registered =
        m_store->registerDevice(claimHash, newDevice(u"Phone"_s, u"alice phone"_s), kNow + 3);
    OUTWARD_VERIFY_OK(registered);
    QCOMPARE(registered->outcome, RegisterDeviceOutcome::Ok);
    QCOMPARE(registered->device.userId, alice.user.id);
    QCOMPARE(registered->device.createdAt, kNow + 3);
    QCOMPARE(registered->user.id, alice.user.id);
    QCOMPARE(registered->team.id, team);
    auto done = m_store->findLinkOffer(offer.mailboxId, kNow + 4);
    OUTWARD_VERIFY_OK(done);
    QCOMPARE((*done)->status, LinkStatus::Registered);
    QCOMPARE((*done)->deviceId, registered->device.id);
    // Still Registered after its expiry, until purged.
    done = m_store->findLinkOffer(offer.mailboxId, kNow + tenMinutes + 1);
    OUTWARD_VERIFY_OK(done);
    QCOMPARE((*done)->status, LinkStatus::Registered);

    // The claim token was single use.
    auto second =
        m_store->registerDevice(claimHash, newDevice(u"Tablet"_s, u"alice tablet"_s), kNow + 5);
    OUTWARD_VERIFY_OK(second);
    QCOMPARE(second->outcome, RegisterDeviceOutcome::ClaimExpired);

    // Purge keeps it for the grace period, then removes it.
    auto kept = m_store->purgeExpired(kNow + tenMinutes + 1, 60 * 60 * 1000);
    OUTWARD_VERIFY_OK(kept);
    done = m_store->findLinkOffer(offer.mailboxId, kNow + tenMinutes + 1);
    OUTWARD_VERIFY_OK(done);
    QVERIFY(done->has_value());
    auto purged = m_store->purgeExpired(kNow + tenMinutes + 60 * 60 * 1000, 60 * 60 * 1000);
    OUTWARD_VERIFY_OK(purged);
    done = m_store->findLinkOffer(offer.mailboxId, kNow);
    OUTWARD_VERIFY_OK(done);
    QVERIFY(!done->has_value());

    // Cancel.
    LinkOffer other = offer;
    other.mailboxId = QByteArray(16, 'n');
    OUTWARD_VERIFY_OK(m_store->createLinkOffer(other, 3, kNow));
    auto deleted = m_store->deleteLinkOffer(other.mailboxId);
    OUTWARD_VERIFY_OK(deleted);
    QVERIFY(*deleted);
    deleted = m_store->deleteLinkOffer(other.mailboxId);
    OUTWARD_VERIFY_OK(deleted);
    QVERIFY(!*deleted);
    QVERIFY(!m_store->markLinkOfferRegistered(other.mailboxId, registered->device.id));
}

void TestSqliteServerStore::linkOfferLimits()
{
    const QString team = addTeam(u"Pension desk"_s);
    const EnrollResult alice = enrollUser(*m_store, team, uuid(1, 1), Role::Staff);
    const EnrollResult bob = enrollUser(*m_store, team, uuid(1, 2), Role::Staff);
    auto offer = [&](char c, const QString &user, qint64 expiresAt) {
        return LinkOffer{QByteArray(16, c),   user,     QByteArray(72, 'b'), kNow, expiresAt,
                         LinkStatus::Waiting, QString()};
    };
    const qint64 later = kNow + 600000;
    for (char c : {'a', 'b', 'c'}) {
        auto created = m_store->createLinkOffer(offer(c, alice.user.id, later), 3, kNow);
        OUTWARD_VERIFY_OK(created);
        QCOMPARE(*created, CreateLinkOfferOutcome::Ok);
    }
    auto live = m_store->countLiveLinkOffers(alice.user.id, kNow);
    OUTWARD_VERIFY_OK(live);
    QCOMPARE(*live, 3);
    auto fourth = m_store->createLinkOffer(offer('d', alice.user.id, later), 3, kNow);
    OUTWARD_VERIFY_OK(fourth);
    QCOMPARE(*fourth, CreateLinkOfferOutcome::TooMany);
    // Others are not affected.
    auto bobs = m_store->createLinkOffer(offer('e', bob.user.id, later), 3, kNow);
    OUTWARD_VERIFY_OK(bobs);
    QCOMPARE(*bobs, CreateLinkOfferOutcome::Ok);
    // A claimed offer is no longer live, nor an expired one.
    auto claimed = m_store->claimLinkOffer(QByteArray(16, 'a'), bytes32(u"c"_s), later, kNow);
    OUTWARD_VERIFY_OK(claimed);
    QCOMPARE(claimed->outcome, ClaimOutcome::Ok);
    live = m_store->countLiveLinkOffers(alice.user.id, kNow);
    OUTWARD_VERIFY_OK(live);
    QCOMPARE(*live, 2);
    live = m_store->countLiveLinkOffers(alice.user.id, later);
    OUTWARD_VERIFY_OK(live);
    QCOMPARE(*live, 0);
}

void TestSqliteServerStore::linkClaimExpiredAndUnknown()
{
    const QString team = addTeam(u"Pension desk"_s);
    const EnrollResult alice = enrollUser(*m_store, team, uuid(1, 1), Role::Staff);
    const LinkOffer offer{
        QByteArray(16, 'm'), alice.user.id, QByteArray(72, 'b'), kNow, kNow + 1000,
        LinkStatus::Waiting, QString()};
    OUTWARD_VERIFY_OK(m_store->createLinkOffer(offer, 3, kNow));

    auto unknown = m_store->claimLinkOffer(QByteArray(16, 'x'), bytes32(u"c"_s), kNow, kNow);
    OUTWARD_VERIFY_OK(unknown);
    QCOMPARE(unknown->outcome, ClaimOutcome::NotFound);

    auto expiredStatus = m_store->findLinkOffer(offer.mailboxId, kNow + 1000);
    OUTWARD_VERIFY_OK(expiredStatus);
    QCOMPARE((*expiredStatus)->status, LinkStatus::Expired);
    QCOMPARE(linkStatusName((*expiredStatus)->status), u"expired"_s);
    auto expired = m_store->claimLinkOffer(offer.mailboxId, bytes32(u"c"_s), kNow, kNow + 1000);
    OUTWARD_VERIFY_OK(expired);
    QCOMPARE(expired->outcome, ClaimOutcome::Expired);
    auto token = m_store->findClaimToken(bytes32(u"c"_s));
    OUTWARD_VERIFY_OK(token);
    QVERIFY(!token->has_value());
}

void TestSqliteServerStore::registerDeviceChecks()
{
    const QString team = addTeam(u"Pension desk"_s);
    const EnrollResult alice = enrollUser(*m_store, team, uuid(1, 1), Role::Staff);
    const LinkOffer offer{
        QByteArray(16, 'm'), alice.user.id, QByteArray(72, 'b'), kNow, kNow + 600000,
        LinkStatus::Waiting, QString()};
    OUTWARD_VERIFY_OK(m_store->createLinkOffer(offer, 3, kNow));
    const QByteArray claimHash = bytes32(u"claim"_s);
    auto claimed = m_store->claimLinkOffer(offer.mailboxId, claimHash, kNow + 600000, kNow);
    OUTWARD_VERIFY_OK(claimed);

    auto unknown = m_store->registerDevice(bytes32(u"other"_s), newDevice(u"P"_s, u"p"_s), kNow);
    OUTWARD_VERIFY_OK(unknown);
    QCOMPARE(unknown->outcome, RegisterDeviceOutcome::ClaimExpired);

    // A key in use does not consume the claim token.
    auto inUse = m_store->registerDevice(claimHash, newDevice(u"P"_s, alice.user.id), kNow);
    OUTWARD_VERIFY_OK(inUse);
    QCOMPARE(inUse->outcome, RegisterDeviceOutcome::KeyInUse);
    auto stillThere = m_store->findClaimToken(claimHash);
    OUTWARD_VERIFY_OK(stillThere);
    QVERIFY(stillThere->has_value());

    auto late = m_store->registerDevice(claimHash, newDevice(u"P"_s, u"p"_s), kNow + 600000);
    OUTWARD_VERIFY_OK(late);
    QCOMPARE(late->outcome, RegisterDeviceOutcome::ClaimExpired);

    OUTWARD_VERIFY_OK(m_store->revokeUser(alice.user.id, kNow));
    // revokeUser deleted the claim token too.
    auto afterRevoke = m_store->registerDevice(claimHash, newDevice(u"P"_s, u"p"_s), kNow + 1);
    OUTWARD_VERIFY_OK(afterRevoke);
    QCOMPARE(afterRevoke->outcome, RegisterDeviceOutcome::ClaimExpired);
    auto devices = m_store->listDevices(alice.user.id);
    OUTWARD_VERIFY_OK(devices);
    QCOMPARE(devices->size(), 1);
}

void TestSqliteServerStore::registerDeviceRepeatsForTheSameKey()
{
    const QString team = addTeam(u"Pension desk"_s);
    const EnrollResult alice = enrollUser(*m_store, team, uuid(1, 1), Role::Staff);
    const qint64 tenMinutes = 10 * 60 * 1000;
    const LinkOffer offer{
        QByteArray(16, 'm'), alice.user.id, QByteArray(72, 'b'), kNow, kNow + tenMinutes,
        LinkStatus::Waiting, QString()};
    OUTWARD_VERIFY_OK(m_store->createLinkOffer(offer, 3, kNow));
    const QByteArray claimHash = bytes32(u"claim"_s);
    auto claimed = m_store->claimLinkOffer(offer.mailboxId, claimHash, kNow + tenMinutes, kNow);
    OUTWARD_VERIFY_OK(claimed);
    QCOMPARE(claimed->outcome, ClaimOutcome::Ok);

    auto first = m_store->registerDevice(claimHash, newDevice(u"Phone"_s, u"phone"_s), kNow + 1);
    OUTWARD_VERIFY_OK(first);
    QCOMPARE(first->outcome, RegisterDeviceOutcome::Ok);
    QVERIFY(!first->repeated);
    auto used = m_store->findClaimToken(claimHash);
    OUTWARD_VERIFY_OK(used);
    QVERIFY(used->has_value());
    QCOMPARE((*used)->deviceId, first->device.id);

    // The answer was lost and the device asks again: the same device, nothing new written (the
    // name of the repeat is not taken).
    auto repeat = m_store->registerDevice(claimHash, newDevice(u"Renamed"_s, u"phone"_s), kNow + 2);
    OUTWARD_VERIFY_OK(repeat);
    QCOMPARE(repeat->outcome, RegisterDeviceOutcome::Ok);
    QVERIFY(repeat->repeated);
    QCOMPARE(repeat->device.id, first->device.id);
    QCOMPARE(repeat->device.name, u"Phone"_s);
    QCOMPARE(repeat->device.createdAt, kNow + 1);
    QCOMPARE(repeat->user.id, alice.user.id);
    QCOMPARE(repeat->team.id, team);
    auto devices = m_store->listDevices(alice.user.id);
    OUTWARD_VERIFY_OK(devices);
    QCOMPARE(devices->size(), 2);
    auto status = m_store->findLinkOffer(offer.mailboxId, kNow + 2);
    OUTWARD_VERIFY_OK(status);
    QCOMPARE((*status)->status, LinkStatus::Registered);
    QCOMPARE((*status)->deviceId, first->device.id);

    // Any other key finds the token used.
    auto other = m_store->registerDevice(claimHash, newDevice(u"Tablet"_s, u"tablet"_s), kNow + 3);
    OUTWARD_VERIFY_OK(other);
    QCOMPARE(other->outcome, RegisterDeviceOutcome::ClaimExpired);
    // So does alice's first device's key, which is in use but was never this token's.
    auto theirs = m_store->registerDevice(claimHash, newDevice(u"P"_s, alice.user.id), kNow + 3);
    OUTWARD_VERIFY_OK(theirs);
    QCOMPARE(theirs->outcome, RegisterDeviceOutcome::ClaimExpired);

    // Only for the claim token's lifetime; then it is purged like an unused one.
    auto late =
        m_store->registerDevice(claimHash, newDevice(u"Phone"_s, u"phone"_s), kNow + tenMinutes);
    OUTWARD_VERIFY_OK(late);
    QCOMPARE(late->outcome, RegisterDeviceOutcome::ClaimExpired);
    OUTWARD_VERIFY_OK(m_store->purgeExpired(kNow + tenMinutes, 60 * 60 * 1000));
    auto purged = m_store->findClaimToken(claimHash);
    OUTWARD_VERIFY_OK(purged);
    QVERIFY(!purged->has_value());
    devices = m_store->listDevices(alice.user.id);
    OUTWARD_VERIFY_OK(devices);
    QCOMPARE(devices->size(), 2);
}

void TestSqliteServerStore::revocationsStopARepeatedRegistration()
{
    const QString team = addTeam(u"Pension desk"_s);
    const EnrollResult alice = enrollUser(*m_store, team, uuid(1, 1), Role::Staff);
    const qint64 tenMinutes = 10 * 60 * 1000;
    // A registered device whose claim token is still live.
    const auto registeredWith = [&](char mailbox, const QString &keyLabel) {
        const LinkOffer offer{
            QByteArray(16, mailbox), alice.user.id, QByteArray(72, 'b'), kNow, kNow + tenMinutes,
            LinkStatus::Waiting,     QString()};
        const QByteArray claimHash = bytes32(u"claim "_s + QChar::fromLatin1(mailbox));
        if (!m_store->createLinkOffer(offer, 3, kNow).ok() ||
            !m_store->claimLinkOffer(offer.mailboxId, claimHash, kNow + tenMinutes, kNow).ok())
            return std::make_pair(claimHash, QString());
        auto registered = m_store->registerDevice(claimHash, newDevice(keyLabel, keyLabel), kNow);
        const bool ok = registered.ok() && registered->outcome == RegisterDeviceOutcome::Ok;
        return std::make_pair(claimHash, ok ? registered->device.id : QString());
    };
    const auto repeatIs = [&](const QByteArray &claimHash, const QString &keyLabel,
                              RegisterDeviceOutcome expected) {
        auto repeat = m_store->registerDevice(claimHash, newDevice(keyLabel, keyLabel), kNow + 1);
        return repeat.ok() && repeat->outcome == expected;
    };

    // The device is revoked: its claim token goes with its tokens.
    const auto [phoneClaim, phone] = registeredWith('a', u"phone"_s);
    QVERIFY(!phone.isEmpty());
    QVERIFY(repeatIs(phoneClaim, u"phone"_s, RegisterDeviceOutcome::Ok));
    OUTWARD_VERIFY_OK(m_store->revokeDevice(phone, kNow + 1));
    auto gone = m_store->findClaimToken(phoneClaim);
    OUTWARD_VERIFY_OK(gone);
    QVERIFY(!gone->has_value());
    QVERIFY(repeatIs(phoneClaim, u"phone"_s, RegisterDeviceOutcome::ClaimExpired));
    auto stillRevoked = m_store->findDevice(phone);
    OUTWARD_VERIFY_OK(stillRevoked);
    QVERIFY((*stillRevoked)->isRevoked());

    // The offer is cancelled after the registration.
    const auto [tabletClaim, tablet] = registeredWith('b', u"tablet"_s);
    QVERIFY(!tablet.isEmpty());
    OUTWARD_VERIFY_OK(m_store->deleteLinkOffer(QByteArray(16, 'b')));
    QVERIFY(repeatIs(tabletClaim, u"tablet"_s, RegisterDeviceOutcome::ClaimExpired));

    // The user is revoked.
    const auto [laptopClaim, laptop] = registeredWith('c', u"laptop"_s);
    QVERIFY(!laptop.isEmpty());
    OUTWARD_VERIFY_OK(m_store->revokeUser(alice.user.id, kNow + 1));
    QVERIFY(repeatIs(laptopClaim, u"laptop"_s, RegisterDeviceOutcome::ClaimExpired));
}

void TestSqliteServerStore::recoveryClaim()
{
    const QString team = addTeam(u"Pension desk"_s);
    const EnrollResult alice = enrollUser(*m_store, team, uuid(1, 1), Role::Lead);
    Invite ticket = invite(u"T"_s, QString(), Role::Staff, kNow + 24 * kHour);
    ticket.recoverUserId = alice.user.id;
    OUTWARD_VERIFY_OK(m_store->createInvite(ticket));
    Invite expiring = invite(u"E"_s, QString(), Role::Staff, kNow + 10);
    expiring.recoverUserId = alice.user.id;
    OUTWARD_VERIFY_OK(m_store->createInvite(expiring));
    const Invite enrolment = invite(u"I"_s, team, Role::Staff);
    OUTWARD_VERIFY_OK(m_store->createInvite(enrolment));

    auto wrongKind = m_store->claimRecovery(enrolment.codeHash, bytes32(u"c0"_s), kNow, kNow);
    OUTWARD_VERIFY_OK(wrongKind);
    QCOMPARE(wrongKind->outcome, ClaimOutcome::NotFound);
    auto unknown = m_store->claimRecovery(bytes32(u"none"_s), bytes32(u"c0"_s), kNow, kNow);
    OUTWARD_VERIFY_OK(unknown);
    QCOMPARE(unknown->outcome, ClaimOutcome::NotFound);
    auto expired = m_store->claimRecovery(expiring.codeHash, bytes32(u"c0"_s), kNow, kNow + 10);
    OUTWARD_VERIFY_OK(expired);
    QCOMPARE(expired->outcome, ClaimOutcome::Expired);

    const QByteArray claimHash = bytes32(u"c1"_s);
    auto ok = m_store->claimRecovery(ticket.codeHash, claimHash, kNow + 600000, kNow);
    OUTWARD_VERIFY_OK(ok);
    QCOMPARE(ok->outcome, ClaimOutcome::Ok);
    QCOMPARE(ok->user.id, alice.user.id);
    QCOMPARE(ok->user.recoveryWrappedMasterKey, alice.user.recoveryWrappedMasterKey);
    auto token = m_store->findClaimToken(claimHash);
    OUTWARD_VERIFY_OK(token);
    QCOMPARE((*token)->userId, alice.user.id);
    QVERIFY((*token)->mailboxId.isEmpty());

    auto used = m_store->claimRecovery(ticket.codeHash, bytes32(u"c2"_s), kNow + 600000, kNow);
    OUTWARD_VERIFY_OK(used);
    QCOMPARE(used->outcome, ClaimOutcome::Used);

    auto registered =
        m_store->registerDevice(claimHash, newDevice(u"New laptop"_s, u"new"_s), kNow + 1);
    OUTWARD_VERIFY_OK(registered);
    QCOMPARE(registered->outcome, RegisterDeviceOutcome::Ok);
    QCOMPARE(registered->user.role, Role::Lead);
    auto devices = m_store->listDevices(alice.user.id);
    OUTWARD_VERIFY_OK(devices);
    QCOMPARE(devices->size(), 2);
}

QTEST_GUILESS_MAIN(TestSqliteServerStore)
#include "tst_sqliteserverstore.moc"
