// SqliteServerStore: push (protocol.md 11.3), pull, the cursor and access removals (12).

#include "tests/server/storage/storetestdata.h"

#include <QElapsedTimer>
#include <QFileInfo>
#include <QSet>
#include <QSqlDatabase>
#include <QSqlQuery>

using namespace outward;
using namespace outward::server;
using namespace outward::server::test;

class TestSqliteRecords : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();

    void newRecordIsAcceptedWithNextSeq();
    void otherAuthorsIdIsTaken();
    void otherKindIsKindChanged();
    void exactRetryReturnsStoredSeq();
    void sameClockOtherBytesIsClockReused_data();
    void sameClockOtherBytesIsClockReused();
    void olderClockIsConflict();
    void conflictReportsStoredTombstone();
    void newerVersionOverTombstoneIsRecordDeleted();
    void newerTombstoneReplacesTombstone();
    void newerVersionReplacesStoredOne();
    void firstMatchingRowWins();
    void retryOfReplacedVersionIsConflict();
    void seqsIncreaseInItemOrderAndAcrossPushes();
    void sameIdTwiceInOneBatch();
    void failedBatchStoresNothing();
    void busyDatabaseStoresNothing();
    void pushesWrittenTogetherFailAlone();
    void writeTogetherDoesNotNest();
    void findExactRetry();

    void pullShowsAuthorAndReadersOnly();
    void pullPagesByLimitWithoutSkipping();
    void pullStopsAtByteBudget();
    void pullOfOversizedEnvelopeReturnsOne();
    void pullAfterHighWaterIsEmpty();
    void removalCreatedAndCleared();
    void removalOnlyForPreviousReaders();
    void authorIsNeverAReader();
    void pullPlanUsesIndexes();
    void manyRecordsPullCompletely();

    void recordCountsAndMetricsRows();
    void reopenKeepsRecords();
    void pushesAreCheckpointedInTheBackground();

private:
    QList<PushOutcome> push(const QString &author, const QList<PushVersion> &items);
    QList<PullItem> pullAll(const QString &user, int limit = 1000);

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<SqliteServerStore> m_store;
    QString m_team;
    QString m_alice; // staff
    QString m_bob;   // staff
    QString m_lead;
};

void TestSqliteRecords::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_store = openStore(m_dir->filePath(u"server.db"_s));
    QVERIFY(m_store);
    auto team = m_store->addTeam(u"Pension desk"_s, kNow);
    OUTWARD_VERIFY_OK(team);
    m_team = team->id;
    m_alice = uuid(1, 1);
    m_bob = uuid(1, 2);
    m_lead = uuid(1, 3);
    QCOMPARE(enrollUser(*m_store, m_team, m_alice, Role::Staff).outcome, EnrollOutcome::Ok);
    QCOMPARE(enrollUser(*m_store, m_team, m_bob, Role::Staff).outcome, EnrollOutcome::Ok);
    QCOMPARE(enrollUser(*m_store, m_team, m_lead, Role::Lead).outcome, EnrollOutcome::Ok);
}

void TestSqliteRecords::cleanup()
{
    m_store.reset();
    m_dir.reset();
}

QList<PushOutcome> TestSqliteRecords::push(const QString &author, const QList<PushVersion> &items)
{
    auto outcomes = m_store->applyPush(author, m_team, items, kNow);
    if (!outcomes) {
        qWarning().noquote() << outcomes.error().toString();
        return {};
    }
    return *outcomes;
}

QList<PullItem> TestSqliteRecords::pullAll(const QString &user, int limit)
{
    QList<PullItem> all;
    qint64 after = 0;
    for (int guard = 0; guard < 100000; ++guard) {
        auto page = m_store->pull(user, after, limit, 16 * 1024 * 1024);
        if (!page) {
            qWarning().noquote() << page.error().toString();
            return {};
        }
        all.append(page->items);
        after = page->cursor;
        if (!page->hasMore)
            break;
    }
    return all;
}

void TestSqliteRecords::newRecordIsAcceptedWithNextSeq()
{
    const auto outcomes = push(m_alice, {version(recordId(1), clockText(kNow))});
    QCOMPARE(outcomes.size(), 1);
    QCOMPARE(outcomes[0].status, PushStatus::Accepted);
    QCOMPARE(outcomes[0].code, PushCode::None);
    QCOMPARE(outcomes[0].seq, 1);

    auto stored = m_store->findCurrent(recordId(1));
    OUTWARD_VERIFY_OK(stored);
    QVERIFY(stored->has_value());
    QCOMPARE((*stored)->seq, 1);
    QCOMPARE((*stored)->clock, clockText(kNow));
    QCOMPARE((*stored)->kind, u"interaction"_s);
    QCOMPARE((*stored)->deleted, false);
}

void TestSqliteRecords::otherAuthorsIdIsTaken()
{
    push(m_alice, {version(recordId(1), clockText(kNow))});
    const auto outcomes = push(
        m_bob, {version(recordId(1), clockText(kNow + 1), {}, false, u"interaction"_s, u"bob"_s)});
    QCOMPARE(outcomes.size(), 1);
    QCOMPARE(outcomes[0].status, PushStatus::Rejected);
    QCOMPARE(outcomes[0].code, PushCode::IdTaken);
    QCOMPARE(pushCodeName(outcomes[0].code), u"id_taken"_s);
    auto stored = m_store->findCurrent(recordId(1));
    OUTWARD_VERIFY_OK(stored);
    QCOMPARE((*stored)->clock, clockText(kNow));
}

void TestSqliteRecords::otherKindIsKindChanged()
{
    push(m_alice, {version(recordId(1), clockText(kNow))});
    const auto outcomes =
        push(m_alice, {version(recordId(1), clockText(kNow + 1), {}, false, u"reflection"_s)});
    QCOMPARE(outcomes.size(), 1);
    QCOMPARE(outcomes[0].status, PushStatus::Rejected);
    QCOMPARE(outcomes[0].code, PushCode::KindChanged);
}

void TestSqliteRecords::exactRetryReturnsStoredSeq()
{
    const PushVersion v = version(recordId(1), clockText(kNow));
    QCOMPARE(push(m_alice, {v})[0].seq, 1);
    push(m_alice, {version(recordId(2), clockText(kNow))});

    const auto retry = push(m_alice, {v});
    QCOMPARE(retry.size(), 1);
    QCOMPARE(retry[0].status, PushStatus::Accepted);
    QCOMPARE(retry[0].seq, 1);
    // Nothing changed: the next new version gets seq 3, not 4.
    QCOMPARE(push(m_alice, {version(recordId(3), clockText(kNow))})[0].seq, 3);
    auto stored = m_store->findCurrent(recordId(1));
    OUTWARD_VERIFY_OK(stored);
    QCOMPARE((*stored)->seq, 1);
}

void TestSqliteRecords::sameClockOtherBytesIsClockReused_data()
{
    QTest::addColumn<int>("changed");
    QTest::newRow("envelope") << 0;
    QTest::newRow("signature") << 1;
    QTest::newRow("key commitment") << 2;
}

void TestSqliteRecords::sameClockOtherBytesIsClockReused()
{
    QFETCH(int, changed);
    const PushVersion v = version(recordId(1), clockText(kNow));
    push(m_alice, {v});
    PushVersion other = v;
    if (changed == 0) {
        other.envelope += "!"_ba;
        other.envelopeHash = bytes32(u"other envelope"_s);
    } else if (changed == 1) {
        other.signature = bytes64(u"other signature"_s);
    } else {
        other.keyCommit = bytes32(u"other commitment"_s);
    }
    const auto outcomes = push(m_alice, {other});
    QCOMPARE(outcomes.size(), 1);
    QCOMPARE(outcomes[0].status, PushStatus::Rejected);
    QCOMPARE(outcomes[0].code, PushCode::ClockReused);
    auto stored = m_store->findCurrent(recordId(1));
    OUTWARD_VERIFY_OK(stored);
    QCOMPARE((*stored)->signature, v.signature);
}

void TestSqliteRecords::olderClockIsConflict()
{
    push(m_alice, {version(recordId(1), clockText(kNow + 1000))});
    const auto outcomes = push(m_alice, {version(recordId(1), clockText(kNow))});
    QCOMPARE(outcomes.size(), 1);
    QCOMPARE(outcomes[0].status, PushStatus::Conflict);
    QCOMPARE(outcomes[0].code, PushCode::None);
    QCOMPARE(outcomes[0].currentClock, clockText(kNow + 1000));
    QCOMPARE(outcomes[0].currentSeq, 1);
    QCOMPARE(outcomes[0].currentDeleted, false);
    QCOMPARE(outcomes[0].seq, 0);
}

void TestSqliteRecords::conflictReportsStoredTombstone()
{
    push(m_alice, {version(recordId(1), clockText(kNow))});
    push(m_alice, {version(recordId(1), clockText(kNow + 1000), {}, true)});
    const auto outcomes = push(m_alice, {version(recordId(1), clockText(kNow + 500))});
    QCOMPARE(outcomes[0].status, PushStatus::Conflict);
    QCOMPARE(outcomes[0].currentSeq, 2);
    QCOMPARE(outcomes[0].currentDeleted, true);
}

void TestSqliteRecords::newerVersionOverTombstoneIsRecordDeleted()
{
    push(m_alice, {version(recordId(1), clockText(kNow), {}, true)});
    const auto outcomes = push(m_alice, {version(recordId(1), clockText(kNow + 1000))});
    QCOMPARE(outcomes[0].status, PushStatus::Rejected);
    QCOMPARE(outcomes[0].code, PushCode::RecordDeleted);
    auto stored = m_store->findCurrent(recordId(1));
    OUTWARD_VERIFY_OK(stored);
    QCOMPARE((*stored)->deleted, true);
    QCOMPARE((*stored)->seq, 1);
}

void TestSqliteRecords::newerTombstoneReplacesTombstone()
{
    push(m_alice, {version(recordId(1), clockText(kNow), {}, true)});
    const auto outcomes = push(m_alice, {version(recordId(1), clockText(kNow + 1000), {}, true)});
    QCOMPARE(outcomes[0].status, PushStatus::Accepted);
    QCOMPARE(outcomes[0].seq, 2);
}

void TestSqliteRecords::newerVersionReplacesStoredOne()
{
    const PushVersion first = version(recordId(1), clockText(kNow));
    const PushVersion second = version(recordId(1), clockText(kNow, 1));
    push(m_alice, {first});
    const auto outcomes = push(m_alice, {second});
    QCOMPARE(outcomes[0].status, PushStatus::Accepted);
    QCOMPARE(outcomes[0].seq, 2);

    const QList<PullItem> items = pullAll(m_alice);
    QCOMPARE(items.size(), 1);
    QCOMPARE(items[0].seq, 2);
    QCOMPARE(items[0].envelope, second.envelope);
    QCOMPARE(items[0].signature, second.signature);
    QCOMPARE(items[0].keyCommit, second.keyCommit);

    // The old bytes are gone from the database, not only from the answers.
    auto oldBytes = m_store->findExactRetry(m_alice, recordId(1), first.envelopeHash);
    OUTWARD_VERIFY_OK(oldBytes);
    QVERIFY(!oldBytes->has_value());
    m_store.reset();
    const QByteArray files = outward::test::readAllFilesBelow(m_dir->path());
    QVERIFY(files.contains(second.envelope));
    QVERIFY(!files.contains(first.envelope));
}

void TestSqliteRecords::firstMatchingRowWins()
{
    // Another author and another kind and an older clock: id_taken, the first row, wins.
    push(m_alice, {version(recordId(1), clockText(kNow + 1000))});
    auto outcomes =
        push(m_bob, {version(recordId(1), clockText(kNow), {}, false, u"reflection"_s)});
    QCOMPARE(outcomes[0].code, PushCode::IdTaken);
    // Another kind and an older clock: kind_changed before conflict.
    outcomes = push(m_alice, {version(recordId(1), clockText(kNow), {}, false, u"reflection"_s)});
    QCOMPARE(outcomes[0].code, PushCode::KindChanged);
}

void TestSqliteRecords::retryOfReplacedVersionIsConflict()
{
    const PushVersion first = version(recordId(1), clockText(kNow));
    push(m_alice, {first, version(recordId(1), clockText(kNow + 1))});
    const auto outcomes = push(m_alice, {first});
    QCOMPARE(outcomes[0].status, PushStatus::Conflict);
    QCOMPARE(outcomes[0].currentSeq, 2);
    QCOMPARE(outcomes[0].currentClock, clockText(kNow + 1));
}

void TestSqliteRecords::seqsIncreaseInItemOrderAndAcrossPushes()
{
    auto first =
        push(m_alice, {version(recordId(1), clockText(kNow)), version(recordId(2), clockText(kNow)),
                       version(recordId(3), clockText(kNow))});
    QCOMPARE(first.size(), 3);
    QCOMPARE(first[0].seq, 1);
    QCOMPARE(first[1].seq, 2);
    QCOMPARE(first[2].seq, 3);

    // A rejected item in the middle takes no seq.
    auto second = push(m_bob, {version(recordId(4), clockText(kNow)),
                               version(recordId(1), clockText(kNow + 5)),
                               version(recordId(5), clockText(kNow))});
    QCOMPARE(second[0].seq, 4);
    QCOMPARE(second[1].status, PushStatus::Rejected);
    QCOMPARE(second[2].seq, 5);

    auto third = push(m_alice, {version(recordId(2), clockText(kNow + 1))});
    QCOMPARE(third[0].seq, 6);

    // Every seq names one record and the pull lists them in order.
    const QList<PullItem> items = pullAll(m_alice);
    QCOMPARE(items.size(), 3);
    QCOMPARE(items[0].seq, 1);
    QCOMPARE(items[1].seq, 3);
    QCOMPARE(items[2].seq, 6);
    QCOMPARE(items[2].id, recordId(2));
}

void TestSqliteRecords::sameIdTwiceInOneBatch()
{
    const PushVersion older = version(recordId(1), clockText(kNow));
    const PushVersion newer = version(recordId(1), clockText(kNow + 1));
    auto outcomes = push(m_alice, {newer, older, newer});
    QCOMPARE(outcomes.size(), 3);
    QCOMPARE(outcomes[0].status, PushStatus::Accepted);
    QCOMPARE(outcomes[0].seq, 1);
    QCOMPARE(outcomes[1].status, PushStatus::Conflict);
    QCOMPARE(outcomes[1].currentSeq, 1);
    QCOMPARE(outcomes[2].status, PushStatus::Accepted);
    QCOMPARE(outcomes[2].seq, 1);
}

void TestSqliteRecords::failedBatchStoresNothing()
{
    // The second item names a reader who does not exist: the foreign key fails mid-batch.
    auto failed = m_store->applyPush(m_alice, m_team,
                                     {version(recordId(1), clockText(kNow), {m_lead}),
                                      version(recordId(2), clockText(kNow), {uuid(9, 9)}),
                                      version(recordId(3), clockText(kNow))},
                                     kNow);
    QVERIFY(!failed);
    QVERIFY(!failed.error().message().isEmpty());

    auto first = m_store->findCurrent(recordId(1));
    OUTWARD_VERIFY_OK(first);
    QVERIFY(!first->has_value());
    QVERIFY(pullAll(m_alice).isEmpty());
    QVERIFY(pullAll(m_lead).isEmpty());
    auto page = m_store->pull(m_alice, 0, 10, 1000);
    OUTWARD_VERIFY_OK(page);
    QCOMPARE(page->highWater, 0);

    // The store is usable afterwards and the seq was not consumed.
    QCOMPARE(push(m_alice, {version(recordId(1), clockText(kNow))})[0].seq, 1);
}

void TestSqliteRecords::pushesWrittenTogetherFailAlone()
{
    QList<Result<QList<PushOutcome>>> results;
    const Status together = m_store->writeTogether([&] {
        results.append(m_store->applyPush(m_alice, m_team,
                                          {version(recordId(1), clockText(kNow), {m_lead})}, kNow));
        // A reader who does not exist: this push fails, alone.
        results.append(m_store->applyPush(
            m_alice, m_team, {version(recordId(2), clockText(kNow), {uuid(9, 9)})}, kNow));
        // Sees the first push's version, as a push after it would.
        results.append(m_store->applyPush(
            m_alice, m_team,
            {version(recordId(1), clockText(kNow + 1)), version(recordId(3), clockText(kNow))},
            kNow));
    });
    OUTWARD_VERIFY_OK(together);
    QCOMPARE(results.size(), 3);
    OUTWARD_VERIFY_OK(results.at(0));
    QCOMPARE(results.at(0)->at(0).seq, 1);
    QVERIFY(!results.at(1));
    OUTWARD_VERIFY_OK(results.at(2));
    QCOMPARE(results.at(2)->at(0).status, PushStatus::Accepted);
    // The failed push consumed no seq.
    QCOMPARE(results.at(2)->at(0).seq, 2);
    QCOMPARE(results.at(2)->at(1).seq, 3);

    // Committed: another connection on the file sees them.
    auto other = openStore(m_dir->filePath(u"server.db"_s));
    QVERIFY(other);
    auto first = other->findCurrent(recordId(1));
    OUTWARD_VERIFY_OK(first);
    QVERIFY(first->has_value());
    QCOMPARE((*first)->seq, 2);
    auto second = other->findCurrent(recordId(2));
    OUTWARD_VERIFY_OK(second);
    QVERIFY(!second->has_value());
    // The lead was dropped as a reader when version 2 replaced version 1.
    QCOMPARE(pullAll(m_alice).size(), 2);
}

void TestSqliteRecords::writeTogetherDoesNotNest()
{
    Status inner;
    const Status outer = m_store->writeTogether([&] {
        inner = m_store->writeTogether([] {});
        QCOMPARE(push(m_alice, {version(recordId(1), clockText(kNow))}).size(), 1);
    });
    OUTWARD_VERIFY_OK(outer);
    QVERIFY(!inner);
    // The outer group still committed its write.
    auto stored = m_store->findCurrent(recordId(1));
    OUTWARD_VERIFY_OK(stored);
    QVERIFY(stored->has_value());
}

void TestSqliteRecords::busyDatabaseStoresNothing()
{
    SqliteServerStore::Options options;
    options.busyTimeoutMs = 50;
    auto impatient = openStore(m_dir->filePath(u"server.db"_s), options);
    QVERIFY(impatient);
    {
        auto blocker = QSqlDatabase::addDatabase(u"QSQLITE"_s, u"blocker"_s);
        blocker.setDatabaseName(m_dir->filePath(u"server.db"_s));
        QVERIFY(blocker.open());
        QSqlQuery lock(blocker);
        QVERIFY(lock.exec(u"BEGIN IMMEDIATE"_s));

        auto failed =
            impatient->applyPush(m_alice, m_team, {version(recordId(1), clockText(kNow))}, kNow);
        QVERIFY(!failed);
        QCOMPARE(failed.error().code(), ErrorCode::Storage);

        QVERIFY(lock.exec(u"ROLLBACK"_s));
        lock.finish();
        blocker.close();
    }
    QSqlDatabase::removeDatabase(u"blocker"_s);

    auto stored = m_store->findCurrent(recordId(1));
    OUTWARD_VERIFY_OK(stored);
    QVERIFY(!stored->has_value());
    // Once the lock is gone the same push succeeds.
    auto retried =
        impatient->applyPush(m_alice, m_team, {version(recordId(1), clockText(kNow))}, kNow);
    OUTWARD_VERIFY_OK(retried);
    QCOMPARE((*retried)[0].seq, 1);
}

void TestSqliteRecords::findExactRetry()
{
    const PushVersion v = version(recordId(1), clockText(kNow));
    push(m_alice, {v});
    auto found = m_store->findExactRetry(m_alice, recordId(1), v.envelopeHash);
    OUTWARD_VERIFY_OK(found);
    QVERIFY(found->has_value());
    QCOMPARE((*found)->id, recordId(1));
    QCOMPARE((*found)->seq, 1);
    QCOMPARE((*found)->signature, v.signature);
    QCOMPARE((*found)->keyCommit, v.keyCommit);

    // Each part must match: the author, the id and the hash.
    auto otherAuthor = m_store->findExactRetry(m_bob, recordId(1), v.envelopeHash);
    OUTWARD_VERIFY_OK(otherAuthor);
    QVERIFY(!otherAuthor->has_value());
    auto otherHash = m_store->findExactRetry(m_alice, recordId(1), bytes32(u"nothing"_s));
    OUTWARD_VERIFY_OK(otherHash);
    QVERIFY(!otherHash->has_value());
    auto unknownId = m_store->findExactRetry(m_alice, recordId(2), v.envelopeHash);
    OUTWARD_VERIFY_OK(unknownId);
    QVERIFY(!unknownId->has_value());
}

void TestSqliteRecords::pullShowsAuthorAndReadersOnly()
{
    push(m_alice, {version(recordId(1), clockText(kNow)),           // private
                   version(recordId(2), clockText(kNow), {m_lead}), // shared with the lead
                   version(recordId(3), clockText(kNow), {m_lead, m_bob})});
    push(m_bob, {version(recordId(4), clockText(kNow))});

    auto ids = [](const QList<PullItem> &items) {
        QStringList list;
        for (const PullItem &item : items) {
            if (item.type == PullItem::Type::Record)
                list << item.id;
        }
        return list;
    };
    QCOMPARE(ids(pullAll(m_alice)), QStringList({recordId(1), recordId(2), recordId(3)}));
    QCOMPARE(ids(pullAll(m_lead)), QStringList({recordId(2), recordId(3)}));
    QCOMPARE(ids(pullAll(m_bob)), QStringList({recordId(3), recordId(4)}));

    // Someone who reads nothing: an empty page whose cursor skips the invisible seqs for good.
    const QString carol = uuid(1, 4);
    QCOMPARE(enrollUser(*m_store, m_team, carol, Role::Staff).outcome, EnrollOutcome::Ok);
    auto page = m_store->pull(carol, 0, 100, 1 << 20);
    OUTWARD_VERIFY_OK(page);
    QVERIFY(page->items.isEmpty());
    QCOMPARE(page->highWater, 4);
    QCOMPARE(page->cursor, 4);
    QVERIFY(!page->hasMore);

    // A revoked user is still a row the API can see; hiding their pulls is the API's job.
    OUTWARD_VERIFY_OK(m_store->revokeUser(m_lead, kNow));
    auto lead = m_store->findUser(m_lead);
    OUTWARD_VERIFY_OK(lead);
    QVERIFY((*lead)->isRevoked());
}

void TestSqliteRecords::pullPagesByLimitWithoutSkipping()
{
    QList<PushVersion> batch;
    for (int i = 1; i <= 10; ++i)
        batch << version(recordId(i), clockText(kNow), i % 2 ? QStringList{m_lead} : QStringList{});
    push(m_alice, batch);
    push(m_bob, {version(recordId(11), clockText(kNow))}); // seq 11, invisible to Alice

    auto page = m_store->pull(m_alice, 0, 3, 1 << 20);
    OUTWARD_VERIFY_OK(page);
    QCOMPARE(page->items.size(), 3);
    QCOMPARE(page->items[0].seq, 1);
    QCOMPARE(page->items[2].seq, 3);
    QVERIFY(page->hasMore);
    QCOMPARE(page->cursor, 3);
    QCOMPARE(page->highWater, 11);

    QList<qint64> seqs;
    qint64 after = 0;
    int pages = 0;
    while (true) {
        auto next = m_store->pull(m_alice, after, 3, 1 << 20);
        OUTWARD_VERIFY_OK(next);
        ++pages;
        for (const PullItem &item : next->items)
            seqs << item.seq;
        after = next->cursor;
        if (!next->hasMore)
            break;
    }
    QCOMPARE(seqs, QList<qint64>({1, 2, 3, 4, 5, 6, 7, 8, 9, 10}));
    QCOMPARE(pages, 4);
    QCOMPARE(after, 11); // the last page's cursor is the high-water mark

    // Exactly `limit` items left: hasMore is false, not a needless empty page.
    auto last = m_store->pull(m_alice, 7, 3, 1 << 20);
    OUTWARD_VERIFY_OK(last);
    QCOMPARE(last->items.size(), 3);
    QVERIFY(!last->hasMore);
    QCOMPARE(last->cursor, 11);

    // The lead sees the odd ones.
    QList<qint64> leadSeqs;
    for (const PullItem &item : pullAll(m_lead, 2))
        leadSeqs << item.seq;
    QCOMPARE(leadSeqs, QList<qint64>({1, 3, 5, 7, 9}));
}

void TestSqliteRecords::pullStopsAtByteBudget()
{
    QList<PushVersion> batch;
    for (int i = 1; i <= 5; ++i)
        batch << version(recordId(i), clockText(kNow), {}, false, u"interaction"_s, {}, 100);
    push(m_alice, batch);

    // 250 bytes hold two envelopes of 100.
    auto page = m_store->pull(m_alice, 0, 1000, 250);
    OUTWARD_VERIFY_OK(page);
    QCOMPARE(page->items.size(), 2);
    QVERIFY(page->hasMore);
    QCOMPARE(page->cursor, 2);
    // Exactly 300 holds three.
    page = m_store->pull(m_alice, 0, 1000, 300);
    OUTWARD_VERIFY_OK(page);
    QCOMPARE(page->items.size(), 3);

    QList<qint64> seqs;
    qint64 after = 0;
    while (true) {
        auto next = m_store->pull(m_alice, after, 1000, 250);
        OUTWARD_VERIFY_OK(next);
        for (const PullItem &item : next->items) {
            seqs << item.seq;
            QCOMPARE(item.envelope.size(), 100);
        }
        after = next->cursor;
        if (!next->hasMore)
            break;
    }
    QCOMPARE(seqs, QList<qint64>({1, 2, 3, 4, 5}));
}

void TestSqliteRecords::pullOfOversizedEnvelopeReturnsOne()
{
    push(m_alice, {version(recordId(1), clockText(kNow), {}, false, u"interaction"_s, {}, 5000),
                   version(recordId(2), clockText(kNow), {}, false, u"interaction"_s, {}, 5000)});
    auto page = m_store->pull(m_alice, 0, 1000, 1000);
    OUTWARD_VERIFY_OK(page);
    QCOMPARE(page->items.size(), 1);
    QCOMPARE(page->items[0].envelope.size(), 5000);
    QVERIFY(page->hasMore);
    page = m_store->pull(m_alice, page->cursor, 1000, 1000);
    OUTWARD_VERIFY_OK(page);
    QCOMPARE(page->items.size(), 1);
    QCOMPARE(page->items[0].seq, 2);
    QVERIFY(!page->hasMore);
}

void TestSqliteRecords::pullAfterHighWaterIsEmpty()
{
    push(m_alice, {version(recordId(1), clockText(kNow))});
    auto page = m_store->pull(m_alice, 1, 10, 1000);
    OUTWARD_VERIFY_OK(page);
    QVERIFY(page->items.isEmpty());
    QVERIFY(!page->hasMore);
    QCOMPARE(page->highWater, 1);
    QCOMPARE(page->cursor, 1);

    auto empty = m_store->pull(m_alice, 0, 10, 1000);
    OUTWARD_VERIFY_OK(empty);
    QCOMPARE(empty->items.size(), 1);
}

void TestSqliteRecords::removalCreatedAndCleared()
{
    // v1 shared with the lead and Bob; v2 only with Bob: the lead gets a removal at seq 2.
    push(m_alice, {version(recordId(1), clockText(kNow), {m_lead, m_bob})});
    push(m_alice, {version(recordId(1), clockText(kNow + 1), {m_bob})});

    auto lead = pullAll(m_lead);
    QCOMPARE(lead.size(), 1);
    QCOMPARE(lead[0].type, PullItem::Type::Removed);
    QCOMPARE(lead[0].id, recordId(1));
    QCOMPARE(lead[0].seq, 2);
    QVERIFY(lead[0].envelope.isEmpty());

    // A lead who had pulled up to seq 1 gets the removal next.
    auto page = m_store->pull(m_lead, 1, 10, 1000);
    OUTWARD_VERIFY_OK(page);
    QCOMPARE(page->items.size(), 1);
    QCOMPARE(page->items[0].type, PullItem::Type::Removed);

    auto bob = pullAll(m_bob);
    QCOMPARE(bob.size(), 1);
    QCOMPARE(bob[0].type, PullItem::Type::Record);
    QCOMPARE(bob[0].seq, 2);

    // An unrelated version keeps the removal at its seq.
    push(m_alice, {version(recordId(1), clockText(kNow + 2), {m_bob})});
    lead = pullAll(m_lead);
    QCOMPARE(lead.size(), 1);
    QCOMPARE(lead[0].seq, 2);

    // Shared with the lead again: the removal is cleared and the record is back at seq 4.
    push(m_alice, {version(recordId(1), clockText(kNow + 3), {m_lead})});
    lead = pullAll(m_lead);
    QCOMPARE(lead.size(), 1);
    QCOMPARE(lead[0].type, PullItem::Type::Record);
    QCOMPARE(lead[0].seq, 4);
    // And Bob, dropped now, gets his removal at seq 4.
    bob = pullAll(m_bob);
    QCOMPARE(bob.size(), 1);
    QCOMPARE(bob[0].type, PullItem::Type::Removed);
    QCOMPARE(bob[0].seq, 4);

    // A tombstone for the same readers reaches them as a record, not a removal.
    push(m_alice, {version(recordId(1), clockText(kNow + 4), {m_lead}, true)});
    lead = pullAll(m_lead);
    QCOMPARE(lead.size(), 1);
    QCOMPARE(lead[0].type, PullItem::Type::Record);
    QCOMPARE(lead[0].seq, 5);

    // The author never gets a removal.
    const auto alice = pullAll(m_alice);
    QCOMPARE(alice.size(), 1);
    QCOMPARE(alice[0].type, PullItem::Type::Record);
}

void TestSqliteRecords::removalOnlyForPreviousReaders()
{
    push(m_alice, {version(recordId(1), clockText(kNow))});
    push(m_alice, {version(recordId(1), clockText(kNow + 1))});
    QVERIFY(pullAll(m_lead).isEmpty());
    QVERIFY(pullAll(m_bob).isEmpty());

    // A rejected or conflicting push changes no readers.
    push(m_alice, {version(recordId(2), clockText(kNow + 5), {m_lead})});
    push(m_alice, {version(recordId(2), clockText(kNow), {})}); // conflict
    const auto lead = pullAll(m_lead);
    QCOMPARE(lead.size(), 1);
    QCOMPARE(lead[0].type, PullItem::Type::Record);
}

void TestSqliteRecords::authorIsNeverAReader()
{
    // The author listed as a reader (and a reader twice) yields one item each, no removal later.
    push(m_alice, {version(recordId(1), clockText(kNow), {m_alice, m_lead, m_lead})});
    QCOMPARE(pullAll(m_alice).size(), 1);
    QCOMPARE(pullAll(m_lead).size(), 1);
    push(m_alice, {version(recordId(1), clockText(kNow + 1), {m_lead})});
    const auto alice = pullAll(m_alice);
    QCOMPARE(alice.size(), 1);
    QCOMPARE(alice[0].type, PullItem::Type::Record);
}

void TestSqliteRecords::pullPlanUsesIndexes()
{
    auto plan = m_store->explainPullPlan();
    OUTWARD_VERIFY_OK(plan);
    const QString text = plan->join(u'\n');
    qInfo().noquote() << "pull plan:\n" << text;
    QVERIFY2(!text.contains(u"TEMP B-TREE"_s), qPrintable(text));
    QVERIFY2(!text.contains(u"SCAN"_s), qPrintable(text));
    QVERIFY2(text.contains(u"records_author_seq"_s), qPrintable(text));
    QVERIFY2(text.contains(u"readers_user_seq"_s), qPrintable(text));
    QVERIFY2(text.contains(u"removals_user_seq"_s), qPrintable(text));
}

void TestSqliteRecords::manyRecordsPullCompletely()
{
    // Correctness at scale (no timing assertion; OUTWARD_STORAGE_SCALE=100000 for a big run).
    const int count = qEnvironmentVariableIsSet("OUTWARD_STORAGE_SCALE")
                          ? qEnvironmentVariableIntValue("OUTWARD_STORAGE_SCALE")
                          : 5000;
    QElapsedTimer timer;
    timer.start();
    for (int start = 0; start < count; start += 500) {
        QList<PushVersion> batch;
        for (int i = start; i < qMin(count, start + 500); ++i) {
            batch << version(recordId(i + 1), clockText(kNow + i),
                             i % 2 ? QStringList{m_lead} : QStringList{}, false, u"interaction"_s,
                             {}, 1024);
        }
        auto outcomes = m_store->applyPush(m_alice, m_team, batch, kNow);
        OUTWARD_VERIFY_OK(outcomes);
        QCOMPARE(outcomes->last().seq, qint64(start + batch.size()));
    }
    const qint64 pushMs = timer.restart();

    QSet<QString> seen;
    qint64 previous = 0;
    int pages = 0;
    qint64 after = 0;
    while (true) {
        auto page = m_store->pull(m_alice, after, 1000, 16 * 1024 * 1024);
        OUTWARD_VERIFY_OK(page);
        ++pages;
        for (const PullItem &item : page->items) {
            QVERIFY(item.seq > previous);
            previous = item.seq;
            seen.insert(item.id);
        }
        after = page->cursor;
        if (!page->hasMore)
            break;
    }
    const qint64 pullMs = timer.elapsed();
    QCOMPARE(seen.size(), count);
    QCOMPARE(pages, (count + 999) / 1000);
    QCOMPARE(pullAll(m_lead).size(), count / 2);
    qInfo() << count << "records: pushed in" << pushMs << "ms, pulled in" << pages << "pages in"
            << pullMs << "ms";
}

void TestSqliteRecords::recordCountsAndMetricsRows()
{
    PushVersion other = version(recordId(3), clockText(kNow));
    other.day = u"2025-12-01"_s;
    push(m_alice, {version(recordId(1), clockText(kNow)), version(recordId(2), clockText(kNow)),
                   other, version(recordId(4), clockText(kNow), {}, false, u"reflection"_s)});
    push(m_alice, {version(recordId(2), clockText(kNow + 1), {}, true)});
    push(m_bob, {version(recordId(5), clockText(kNow))});

    auto counts = m_store->recordCounts();
    OUTWARD_VERIFY_OK(counts);
    QCOMPARE(counts->size(), 2);
    QCOMPARE(counts->at(0).authorId, m_alice);
    QCOMPARE(counts->at(0).records, 3);
    QCOMPARE(counts->at(0).tombstones, 1);
    QCOMPARE(counts->at(1).authorId, m_bob);
    QCOMPARE(counts->at(1).records, 1);

    auto rows = m_store->metricsRows(m_team, u"interaction"_s, u"2025-11"_s);
    OUTWARD_VERIFY_OK(rows);
    QCOMPARE(rows->size(), 2); // Alice's record 1 and Bob's; not the tombstone, December or
                               // the reflection
    QCOMPARE(rows->at(0).authorId, m_alice);
    QCOMPARE(rows->at(0).day, u"2025-11-22"_s);
    QCOMPARE(rows->at(0).metrics, "{\"day\":\"2025-11-22\"}"_ba);
    QCOMPARE(rows->at(1).authorId, m_bob);

    auto otherTeam = m_store->metricsRows(uuid(7, 7), u"interaction"_s, u"2025-11"_s);
    OUTWARD_VERIFY_OK(otherTeam);
    QVERIFY(otherTeam->isEmpty());
}

void TestSqliteRecords::reopenKeepsRecords()
{
    push(m_alice, {version(recordId(1), clockText(kNow), {m_lead})});
    push(m_alice, {version(recordId(1), clockText(kNow + 1), {})});
    m_store.reset();
    m_store = openStore(m_dir->filePath(u"server.db"_s));
    QVERIFY(m_store);
    const auto lead = pullAll(m_lead);
    QCOMPARE(lead.size(), 1);
    QCOMPARE(lead[0].type, PullItem::Type::Removed);
    QCOMPARE(push(m_alice, {version(recordId(2), clockText(kNow))})[0].seq, 3);
}

// The store's own connection checkpoints only past 64 MiB of log; below that the background
// checkpointer copies the log into the database file, so the file grows after a few pushes.
void TestSqliteRecords::pushesAreCheckpointedInTheBackground()
{
    const QString path = m_store->path();
    const qint64 before = QFileInfo(path).size();
    for (int start = 0; start < 2000; start += 500) {
        QList<PushVersion> batch;
        for (int i = start; i < start + 500; ++i)
            batch << version(recordId(i + 1), clockText(kNow + i), {}, false, u"interaction"_s, {},
                             1024);
        OUTWARD_VERIFY_OK(m_store->applyPush(m_alice, m_team, batch, kNow));
    }
    QTRY_VERIFY_WITH_TIMEOUT(QFileInfo(path).size() > before + 2'000'000, 10000);
}

QTEST_GUILESS_MAIN(TestSqliteRecords)
#include "tst_sqliterecords.moc"
