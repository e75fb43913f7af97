#include "core/store/directorystore.h"
#include "core/store/schema.h"
#include "tests/support/testsupport.h"

#include <QTemporaryDir>
#include <QTest>

using namespace outward;
using namespace outward::test;
using namespace Qt::StringLiterals;

namespace {

DirectoryMember member(const QString &userId, MemberRole role, char keySeed,
                       MemberStatus status = MemberStatus::Active)
{
    DirectoryMember m;
    m.userId = userId;
    m.displayName = u"Name of "_s + userId;
    m.role = role;
    m.status = status;
    m.boxPublicKey = QByteArray(32, keySeed);
    m.signPublicKey = QByteArray(32, char(keySeed + 1));
    return m;
}

} // namespace

class TestDirectoryStore : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir dir;
    int counter = 0;
    std::unique_ptr<Database> db;
    std::unique_ptr<DirectoryStore> store;

private slots:
    void initTestCase() { QVERIFY(dir.isValid()); }

    void init()
    {
        auto opened = Database::open(dir.filePath(u"db-%1"_s.arg(++counter)), profileSchema());
        OUTWARD_VERIFY_OK(opened);
        db = std::move(opened).value();
        store = std::make_unique<DirectoryStore>(*db);
    }

    void cleanup()
    {
        store.reset();
        db.reset();
    }

    void firstKeysArePinned()
    {
        const auto update = store->apply(
            {member(u"u2"_s, MemberRole::Lead, 'b'), member(u"u1"_s, MemberRole::Staff, 'a')},
            1000);
        OUTWARD_VERIFY_OK(update);
        QCOMPARE(update->added, 2);
        QCOMPARE(update->updated, 0);
        QVERIFY(update->refusedUserIds.isEmpty());

        const auto members = store->members();
        OUTWARD_VERIFY_OK(members);
        QCOMPARE(members->size(), 2);
        QCOMPARE(members->at(0).userId, u"u1"_s); // ordered by user id
        QCOMPARE(members->at(1).userId, u"u2"_s);
        QCOMPARE(members->at(1).role, MemberRole::Lead);
        QCOMPARE(members->at(1).boxPublicKey, QByteArray(32, 'b'));
        QCOMPARE(members->at(1).signPublicKey, QByteArray(32, 'c'));
        QCOMPARE(members->at(1).firstSeenMs, 1000);
        QVERIFY(members->at(1).isActive());

        const auto one = store->member(u"u1"_s);
        OUTWARD_VERIFY_OK(one);
        QVERIFY(one->has_value());
        QCOMPARE((*one)->displayName, u"Name of u1"_s);
        const auto none = store->member(u"nobody"_s);
        OUTWARD_VERIFY_OK(none);
        QVERIFY(!none->has_value());
    }

    void sameKeysTakeNewNameRoleAndStatus()
    {
        OUTWARD_VERIFY_OK(store->apply({member(u"u1"_s, MemberRole::Staff, 'a')}, 1000));
        DirectoryMember later = member(u"u1"_s, MemberRole::Lead, 'a', MemberStatus::Revoked);
        later.displayName = u"Renamed"_s;
        const auto update = store->apply({later}, 2000);
        OUTWARD_VERIFY_OK(update);
        QCOMPARE(update->updated, 1);
        const auto stored = store->member(u"u1"_s);
        OUTWARD_VERIFY_OK(stored);
        QCOMPARE((*stored)->displayName, u"Renamed"_s);
        QCOMPARE((*stored)->role, MemberRole::Lead);
        QCOMPARE((*stored)->status, MemberStatus::Revoked);
        QCOMPARE((*stored)->firstSeenMs, 1000); // pinned when first seen
        QVERIFY(!(*stored)->isActive());
    }

    void changedKeysAreRefusedForThatUserOnly()
    {
        OUTWARD_VERIFY_OK(store->apply(
            {member(u"lead"_s, MemberRole::Lead, 'a'), member(u"staff"_s, MemberRole::Staff, 'x')},
            1000));
        DirectoryMember staffRenamed = member(u"staff"_s, MemberRole::Staff, 'x');
        staffRenamed.displayName = u"Staff, renamed"_s;
        DirectoryMember swapped = member(u"lead"_s, MemberRole::Lead, 'z'); // other keys
        swapped.displayName = u"Impostor"_s;
        const auto update =
            store->apply({swapped, staffRenamed, member(u"new"_s, MemberRole::Staff, 'n')}, 2000);
        OUTWARD_VERIFY_OK(update);
        QCOMPARE(update->refusedUserIds, QStringList{u"lead"_s});
        QCOMPARE(update->added, 1);
        QCOMPARE(update->updated, 1);

        const auto lead = store->member(u"lead"_s);
        OUTWARD_VERIFY_OK(lead);
        QCOMPARE((*lead)->boxPublicKey, QByteArray(32, 'a')); // still the pinned keys
        QCOMPARE((*lead)->signPublicKey, QByteArray(32, 'b'));
        QCOMPARE((*lead)->displayName, u"Name of lead"_s); // nothing of the refused entry
        QVERIFY((*lead)->keysRefused);
        QVERIFY(!(*lead)->isActive());
        const auto staff = store->member(u"staff"_s);
        OUTWARD_VERIFY_OK(staff);
        QCOMPARE((*staff)->displayName, u"Staff, renamed"_s);
        QVERIFY(!(*staff)->keysRefused);

        // Only the sign key changing is refused just the same.
        DirectoryMember signOnly = member(u"staff"_s, MemberRole::Staff, 'x');
        signOnly.signPublicKey = QByteArray(32, 'q');
        const auto second = store->apply({signOnly}, 3000);
        OUTWARD_VERIFY_OK(second);
        QCOMPARE(second->refusedUserIds, QStringList{u"staff"_s});

        // The server sending the pinned keys again clears the refusal.
        const auto repaired = store->apply({member(u"lead"_s, MemberRole::Lead, 'a')}, 4000);
        OUTWARD_VERIFY_OK(repaired);
        QVERIFY(repaired->refusedUserIds.isEmpty());
        QVERIFY(!(*store->member(u"lead"_s))->keysRefused);
    }

    void membersMissingFromALaterDirectoryAreKept()
    {
        OUTWARD_VERIFY_OK(store->apply(
            {member(u"u1"_s, MemberRole::Staff, 'a'), member(u"u2"_s, MemberRole::Staff, 'b')},
            1000));
        OUTWARD_VERIFY_OK(store->apply({member(u"u2"_s, MemberRole::Staff, 'b')}, 2000));
        QCOMPARE(store->members()->size(), 2);
    }

    void badKeysChangeNothing()
    {
        DirectoryMember shortKey = member(u"u2"_s, MemberRole::Staff, 'b');
        shortKey.boxPublicKey.chop(1);
        const auto update = store->apply({member(u"u1"_s, MemberRole::Staff, 'a'), shortKey}, 1);
        QVERIFY(!update.ok());
        QCOMPARE(update.error().code(), ErrorCode::InvalidInput);
        QVERIFY(store->members()->isEmpty());
        DirectoryMember noId = member(QString(), MemberRole::Staff, 'a');
        QCOMPARE(store->apply({noId}, 1).error().code(), ErrorCode::InvalidInput);
    }

    void applyJoinsTheCallersTransaction()
    {
        const Status outer = db->write(u"test"_s, [&]() -> Status {
            if (auto applied = store->apply({member(u"u1"_s, MemberRole::Staff, 'a')}, 1); !applied)
                return applied.error();
            return Error(ErrorCode::Internal, u"the caller fails afterwards"_s);
        });
        QVERIFY(!outer.ok());
        QVERIFY(store->members()->isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestDirectoryStore)
#include "tst_directorystore.moc"
