#include "core/store/database.h"
#include "core/store/recordstore.h"
#include "core/store/schema.h"
#include "tests/support/profilefixture.h"
#include "tests/support/testsupport.h"

#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace outward;
using namespace outward::test;
using namespace Qt::StringLiterals;

namespace {

constexpr qint64 kDay = 24 * 3600 * 1000;
constexpr qint64 kT0 = 1763800000000;

QUuid uuid(const char *text)
{
    const QUuid id = QUuid::fromString(QLatin1StringView(text));
    if (id.isNull())
        qFatal("bad test uuid %s", text);
    return id;
}

QList<QUuid> idsOf(const QList<StoredRecord> &records)
{
    QList<QUuid> ids;
    for (const StoredRecord &record : records)
        ids << record.id;
    return ids;
}

} // namespace

class TestRecordStore : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir dir;
    int fileCounter = 0;
    std::unique_ptr<Database> db;
    std::unique_ptr<RecordStore> store;

    int rowCount(const QString &table)
    {
        QSqlQuery query(db->connection());
        if (!query.exec(u"SELECT COUNT(*) FROM "_s + table) || !query.next())
            return -1;
        return query.value(0).toInt();
    }

    StoredRecord insertOrFail(const QUuid &id, RecordKind kind, qint64 atMs,
                              OutboxState state = OutboxState::Local)
    {
        StoredRecord record =
            storedRecord(id, kind, atMs, hlcAt(atMs), "envelope of " + id.toByteArray());
        record.outboxState = state;
        if (auto inserted = store->insert(record); !inserted)
            qFatal("insert failed: %s", qPrintable(inserted.error().toString()));
        return record;
    }

    static void verifySame(const StoredRecord &actual, const StoredRecord &expected)
    {
        QCOMPARE(actual.id, expected.id);
        QCOMPARE(actual.kind, expected.kind);
        QCOMPARE(actual.author, expected.author);
        QCOMPARE(actual.team, expected.team);
        QCOMPARE(actual.atMs, expected.atMs);
        QVERIFY(actual.clock == expected.clock);
        QCOMPARE(actual.deleted, expected.deleted);
        QCOMPARE(actual.envelope, expected.envelope);
        QCOMPARE(actual.outboxState, expected.outboxState);
        QCOMPARE(actual.outboxError, expected.outboxError);
        QCOMPARE(actual.serverSeq, expected.serverSeq);
    }

    // Four records over three days: two interactions, a reflection, a commitment.
    void insertSample()
    {
        insertOrFail(uuid("10000000-0000-4000-8000-000000000001"), RecordKind::Interaction, kT0);
        insertOrFail(uuid("20000000-0000-4000-8000-000000000002"), RecordKind::Reflection,
                     kT0 + kDay);
        insertOrFail(uuid("30000000-0000-4000-8000-000000000003"), RecordKind::Interaction,
                     kT0 + 2 * kDay);
        insertOrFail(uuid("40000000-0000-4000-8000-000000000004"), RecordKind::Commitment,
                     kT0 + kDay + 5);
    }

private slots:
    void initTestCase() { QVERIFY(dir.isValid()); }

    void init()
    {
        auto opened =
            Database::open(dir.filePath(u"db-%1.sqlite"_s.arg(++fileCounter)), profileSchema());
        OUTWARD_VERIFY_OK(opened);
        db = std::move(opened).value();
        store = std::make_unique<RecordStore>(*db);
    }

    void cleanup()
    {
        store.reset();
        db.reset();
    }

    void insertAndGetRoundTripEveryColumn()
    {
        StoredRecord full = storedRecord(QUuid::createUuid(), RecordKind::ClientBrief, kT0 + 17,
                                         HlcTimestamp{kT0 + 20, 3, u"0123456789abcdef"_s},
                                         QByteArray("\x00\x01\xff binary \x00", 13));
        full.team = u"team-7"_s;
        full.outboxState = OutboxState::Error;
        full.outboxError = u"the server refused: too large"_s;
        full.serverSeq = 4242;
        OUTWARD_VERIFY_OK(store->insert(full));
        const auto read = store->get(full.id);
        OUTWARD_VERIFY_OK(read);
        verifySame(*read, full);

        // Not yet enrolled: no team (a null QString) and no server sequence.
        StoredRecord bare =
            storedRecord(QUuid::createUuid(), RecordKind::Reflection, kT0, hlcAt(kT0), "e");
        QVERIFY(bare.team.isNull());
        OUTWARD_VERIFY_OK(store->insert(bare));
        const auto readBare = store->get(bare.id);
        OUTWARD_VERIFY_OK(readBare);
        QVERIFY(readBare->team.isEmpty());
        QVERIFY(!readBare->serverSeq);
        QVERIFY(readBare->outboxError.isEmpty());
        QCOMPARE(readBare->outboxState, OutboxState::Local);
    }

    void getOfAnUnknownIdIsNotFound()
    {
        const QUuid id = QUuid::createUuid();
        const auto read = store->get(id);
        QVERIFY(!read.ok());
        QCOMPARE(read.error().code(), ErrorCode::NotFound);
        QVERIFY(read.error().message().contains(id.toString(QUuid::WithoutBraces)));
    }

    void duplicateIdIsRefusedAndTheFirstKept()
    {
        const StoredRecord first = insertOrFail(QUuid::createUuid(), RecordKind::Interaction, kT0);
        StoredRecord second =
            storedRecord(first.id, RecordKind::Reflection, kT0 + 1, hlcAt(kT0 + 1), "other");
        const Status inserted = store->insert(second);
        QVERIFY(!inserted.ok());
        QCOMPARE(inserted.error().code(), ErrorCode::InvalidInput);
        QVERIFY2(inserted.error().message().contains(u"exists already"_s),
                 qPrintable(inserted.error().message()));
        const auto read = store->get(first.id);
        OUTWARD_VERIFY_OK(read);
        verifySame(*read, first);
        QCOMPARE(rowCount(u"records"_s), 1);
    }

    void insertManyIsAllOrNothing()
    {
        const StoredRecord existing =
            insertOrFail(QUuid::createUuid(), RecordKind::Interaction, kT0);
        const QList<StoredRecord> batch{
            storedRecord(QUuid::createUuid(), RecordKind::Reflection, kT0 + 1, hlcAt(kT0 + 1), "a"),
            storedRecord(QUuid::createUuid(), RecordKind::Reflection, kT0 + 2, hlcAt(kT0 + 2), "b"),
            storedRecord(existing.id, RecordKind::Reflection, kT0 + 3, hlcAt(kT0 + 3), "c"),
        };
        const Status failed = store->insertMany(batch);
        QVERIFY(!failed.ok());
        QCOMPARE(failed.error().code(), ErrorCode::InvalidInput);
        QCOMPARE(rowCount(u"records"_s), 1);

        OUTWARD_VERIFY_OK(store->insertMany(batch.mid(0, 2)));
        QCOMPARE(rowCount(u"records"_s), 3);
    }

    void listIsNewestFirst()
    {
        insertSample();
        const auto all = store->list({});
        OUTWARD_VERIFY_OK(all);
        QCOMPARE(idsOf(*all), (QList<QUuid>{uuid("30000000-0000-4000-8000-000000000003"),
                                            uuid("40000000-0000-4000-8000-000000000004"),
                                            uuid("20000000-0000-4000-8000-000000000002"),
                                            uuid("10000000-0000-4000-8000-000000000001")}));
        QCOMPARE(*store->count({}), 4);
    }

    void listFiltersByKind()
    {
        insertSample();
        RecordQuery query;
        query.kind = RecordKind::Interaction;
        const auto interactions = store->list(query);
        OUTWARD_VERIFY_OK(interactions);
        QCOMPARE(idsOf(*interactions),
                 (QList<QUuid>{uuid("30000000-0000-4000-8000-000000000003"),
                               uuid("10000000-0000-4000-8000-000000000001")}));
        QCOMPARE(*store->count(query), 2);

        query.kind = RecordKind::PulseResponse;
        QCOMPARE(store->list(query)->size(), 0);
        QCOMPARE(*store->count(query), 0);
    }

    void listFiltersByDateRangeFromInclusiveToExclusive()
    {
        insertSample();
        RecordQuery query;
        query.fromMs = kT0 + kDay;   // the reflection is exactly here: included
        query.toMs = kT0 + 2 * kDay; // the later interaction is exactly here: excluded
        const auto inRange = store->list(query);
        OUTWARD_VERIFY_OK(inRange);
        QCOMPARE(idsOf(*inRange), (QList<QUuid>{uuid("40000000-0000-4000-8000-000000000004"),
                                                uuid("20000000-0000-4000-8000-000000000002")}));
        QCOMPARE(*store->count(query), 2);

        RecordQuery onlyFrom;
        onlyFrom.fromMs = kT0 + kDay + 1;
        QCOMPARE(idsOf(*store->list(onlyFrom)),
                 (QList<QUuid>{uuid("30000000-0000-4000-8000-000000000003"),
                               uuid("40000000-0000-4000-8000-000000000004")}));

        RecordQuery withKind = query;
        withKind.kind = RecordKind::Reflection;
        QCOMPARE(idsOf(*store->list(withKind)),
                 QList<QUuid>{uuid("20000000-0000-4000-8000-000000000002")});
    }

    void listPagesWithLimitAndOffset()
    {
        insertSample();
        const QList<QUuid> all = idsOf(*store->list({}));
        QCOMPARE(all.size(), 4);
        RecordQuery page;
        page.limit = 2;
        QCOMPARE(idsOf(*store->list(page)), all.mid(0, 2));
        page.offset = 2;
        QCOMPARE(idsOf(*store->list(page)), all.mid(2, 2));
        page.offset = 3;
        QCOMPARE(idsOf(*store->list(page)), all.mid(3, 1));
        page.offset = 4;
        QVERIFY(store->list(page)->isEmpty());

        // An offset without a limit skips and returns the rest.
        RecordQuery skipOnly;
        skipOnly.offset = 1;
        QCOMPARE(idsOf(*store->list(skipOnly)), all.mid(1));
        // count() ignores paging.
        QCOMPARE(*store->count(page), 4);
    }

    void recordsAtTheSameTimeHaveAStableOrder()
    {
        const QUuid b = uuid("bbbbbbbb-0000-4000-8000-000000000000");
        const QUuid a = uuid("aaaaaaaa-0000-4000-8000-000000000000");
        insertOrFail(b, RecordKind::Interaction, kT0);
        insertOrFail(a, RecordKind::Interaction, kT0);
        RecordQuery first;
        first.limit = 1;
        RecordQuery second = first;
        second.offset = 1;
        // Paging must neither repeat nor skip a record that shares its time with another.
        QCOMPARE(idsOf(*store->list(first)) + idsOf(*store->list(second)), (QList<QUuid>{a, b}));
    }

    void keysetPagingVisitsEveryRecordOnceInOrder()
    {
        // Three share a time, so the cursor must break ties by id, and one is of another kind.
        const QList<QUuid> ids{uuid("10000000-0000-4000-8000-000000000003"),
                               uuid("20000000-0000-4000-8000-000000000001"),
                               uuid("20000000-0000-4000-8000-000000000002"),
                               uuid("20000000-0000-4000-8000-000000000003"),
                               uuid("30000000-0000-4000-8000-000000000001")};
        insertOrFail(ids[0], RecordKind::Interaction, kT0 + kDay);
        insertOrFail(ids[1], RecordKind::Interaction, kT0);
        insertOrFail(ids[2], RecordKind::Reflection, kT0);
        insertOrFail(ids[3], RecordKind::Interaction, kT0);
        insertOrFail(ids[4], RecordKind::Interaction, kT0 - kDay);

        for (const std::optional<RecordKind> kind :
             {std::optional<RecordKind>(), std::optional<RecordKind>(RecordKind::Interaction)}) {
            const QList<QUuid> expected = [&] {
                RecordQuery all;
                all.kind = kind;
                return idsOf(*store->list(all));
            }();
            QCOMPARE(expected.size(), kind ? 4 : 5);
            QList<QUuid> paged;
            RecordQuery page;
            page.kind = kind;
            page.limit = 2;
            for (int guard = 0; guard < 10; ++guard) {
                const QList<StoredRecord> rows = *store->list(page);
                if (rows.isEmpty())
                    break;
                paged += idsOf(rows);
                page.startAfter = RecordCursor{rows.last().atMs, rows.last().id};
            }
            QCOMPARE(paged, expected);
        }
    }

    void keysetPagingSeeksWithTheIndex()
    {
        // The cursor must be an index range, or a page deep in 100,000 records would scan them.
        QSqlQuery plan(db->connection());
        QVERIFY(plan.exec(u"EXPLAIN QUERY PLAN SELECT id FROM records WHERE kind = 'interaction' "
                          u"AND at <= 5 AND (at < 5 OR id > 'x') AND deleted = 0 "
                          u"ORDER BY at DESC, id LIMIT 50"_s));
        QString detail;
        while (plan.next())
            detail += plan.value(3).toString() + u'\n';
        QVERIFY2(detail.contains(u"USING INDEX records_by_kind_time (kind=? AND at<?)"_s),
                 qPrintable(detail));
        QVERIFY2(!detail.contains(u"TEMP B-TREE"_s), qPrintable(detail));
    }

    void forEachStopsWhenAsked()
    {
        insertSample();
        int visited = 0;
        OUTWARD_VERIFY_OK(store->forEach({}, [&](const StoredRecord &) { return ++visited < 2; }));
        QCOMPARE(visited, 2);
    }

    void replaceKeepsThePreviousVersionAsARevision()
    {
        const StoredRecord original =
            insertOrFail(QUuid::createUuid(), RecordKind::Interaction, kT0);
        StoredRecord edited = original;
        edited.clock = hlcAt(kT0 + 100);
        edited.atMs = kT0 + 50;
        edited.envelope = "second version";
        OUTWARD_VERIFY_OK(store->replace(edited, kT0 + 101));

        const auto read = store->get(original.id);
        OUTWARD_VERIFY_OK(read);
        verifySame(*read, edited);
        auto revisions = store->revisions(original.id);
        OUTWARD_VERIFY_OK(revisions);
        QCOMPARE(revisions->size(), 1);
        QCOMPARE(revisions->at(0).recordId, original.id);
        QVERIFY(revisions->at(0).clock == original.clock);
        QCOMPARE(revisions->at(0).envelope, original.envelope);
        QCOMPARE(revisions->at(0).supersededAtMs, kT0 + 101);

        StoredRecord third = edited;
        third.clock = hlcAt(kT0 + 200);
        third.envelope = "third version";
        OUTWARD_VERIFY_OK(store->replace(third, kT0 + 201));
        revisions = store->revisions(original.id);
        OUTWARD_VERIFY_OK(revisions);
        QCOMPARE(revisions->size(), 2);
        QCOMPARE(revisions->at(0).envelope, original.envelope);
        QCOMPARE(revisions->at(1).envelope, edited.envelope);
        QCOMPARE(rowCount(u"records"_s), 1);
    }

    void replaceThatFailsKeepsNoRevision()
    {
        const StoredRecord original =
            insertOrFail(QUuid::createUuid(), RecordKind::Interaction, kT0);
        StoredRecord broken = original;
        broken.clock = hlcAt(kT0 + 100);
        broken.envelope = "never stored";
        // The schema's CHECK refuses this, after the revision row was already written.
        broken.outboxState = static_cast<OutboxState>(9);
        const Status replaced = store->replace(broken, kT0 + 101);
        QVERIFY(!replaced.ok());
        QVERIFY(store->revisions(original.id)->isEmpty());
        QCOMPARE(rowCount(u"revisions"_s), 0);
        const auto read = store->get(original.id);
        OUTWARD_VERIFY_OK(read);
        verifySame(*read, original);
    }

    void replaceOfAnUnknownRecordIsNotFound()
    {
        const StoredRecord ghost =
            storedRecord(QUuid::createUuid(), RecordKind::Interaction, kT0, hlcAt(kT0), "e");
        const Status replaced = store->replace(ghost, kT0);
        QVERIFY(!replaced.ok());
        QCOMPARE(replaced.error().code(), ErrorCode::NotFound);
        QCOMPARE(rowCount(u"records"_s), 0);
        QCOMPARE(rowCount(u"revisions"_s), 0);
    }

    void deleteIsATombstoneWithItsContentAsRevision()
    {
        insertSample();
        const QUuid id = uuid("20000000-0000-4000-8000-000000000002");
        const StoredRecord before = *store->get(id);
        StoredRecord tombstone = before;
        tombstone.deleted = true;
        tombstone.clock = hlcAt(kT0 + 3 * kDay);
        tombstone.envelope = "sealed tombstone";
        OUTWARD_VERIFY_OK(store->replace(tombstone, kT0 + 3 * kDay));

        QVERIFY(!idsOf(*store->list({})).contains(id));
        QCOMPARE(*store->count({}), 3);
        RecordQuery withDeleted;
        withDeleted.includeDeleted = true;
        const auto listed = store->list(withDeleted);
        OUTWARD_VERIFY_OK(listed);
        QCOMPARE(listed->size(), 4);
        QVERIFY(idsOf(*listed).contains(id));
        QCOMPARE(*store->count(withDeleted), 4);
        RecordQuery reflections;
        reflections.kind = RecordKind::Reflection;
        QVERIFY(store->list(reflections)->isEmpty());

        const auto read = store->get(id);
        OUTWARD_VERIFY_OK(read);
        QVERIFY(read->deleted);
        const auto revisions = store->revisions(id);
        OUTWARD_VERIFY_OK(revisions);
        QCOMPARE(revisions->size(), 1);
        QCOMPARE(revisions->at(0).envelope, before.envelope);
    }

    void outboxStateIsWrittenWithTheRecord()
    {
        insertOrFail(QUuid::createUuid(), RecordKind::Interaction, kT0, OutboxState::Local);
        insertOrFail(QUuid::createUuid(), RecordKind::Interaction, kT0 + 1, OutboxState::Local);
        insertOrFail(QUuid::createUuid(), RecordKind::Interaction, kT0 + 2, OutboxState::Queued);
        insertOrFail(QUuid::createUuid(), RecordKind::Interaction, kT0 + 3, OutboxState::Synced);
        StoredRecord failed =
            storedRecord(QUuid::createUuid(), RecordKind::Reflection, kT0 + 4, hlcAt(kT0 + 4), "e");
        failed.outboxState = OutboxState::Error;
        failed.outboxError = u"rejected: payload too large"_s;
        OUTWARD_VERIFY_OK(store->insert(failed));

        const auto counts = store->outboxCounts();
        OUTWARD_VERIFY_OK(counts);
        QCOMPARE(counts->value(OutboxState::Local, -1), 2);
        QCOMPARE(counts->value(OutboxState::Queued, -1), 1);
        QCOMPARE(counts->value(OutboxState::Synced, -1), 1);
        QCOMPARE(counts->value(OutboxState::Error, -1), 1);
        const auto read = store->get(failed.id);
        OUTWARD_VERIFY_OK(read);
        QCOMPARE(read->outboxState, OutboxState::Error);
        QCOMPARE(read->outboxError, u"rejected: payload too large"_s);
    }

    void outboxCountsAreZeroWhenEmpty()
    {
        const auto counts = store->outboxCounts();
        OUTWARD_VERIFY_OK(counts);
        QCOMPARE(counts->size(), 4);
        for (OutboxState state : allEnumValues<OutboxState>())
            QCOMPARE(counts->value(state, -1), 0);
    }

    void setOutboxStateAppliesOnlyAtTheSameClock()
    {
        const StoredRecord record =
            insertOrFail(QUuid::createUuid(), RecordKind::Interaction, kT0, OutboxState::Queued);

        OUTWARD_VERIFY_OK(
            store->setOutboxState(record.id, record.clock, OutboxState::Error, u"server busy"_s));
        QCOMPARE(store->get(record.id)->outboxState, OutboxState::Error);
        QCOMPARE(store->get(record.id)->outboxError, u"server busy"_s);

        // Edited locally while the push was in flight: the answer for the old clock is stale.
        StoredRecord edited = record;
        edited.clock = hlcAt(kT0 + 10);
        edited.envelope = "newer";
        edited.outboxState = OutboxState::Queued;
        OUTWARD_VERIFY_OK(store->replace(edited, kT0 + 10));
        OUTWARD_VERIFY_OK(store->setOutboxState(record.id, record.clock, OutboxState::Synced));
        QCOMPARE(store->get(record.id)->outboxState, OutboxState::Queued);

        OUTWARD_VERIFY_OK(store->setOutboxState(record.id, edited.clock, OutboxState::Synced));
        const auto read = store->get(record.id);
        QCOMPARE(read->outboxState, OutboxState::Synced);
        QVERIFY(read->outboxError.isEmpty());
        QCOMPARE(store->outboxCounts()->value(OutboxState::Synced), 1);
    }

    void queueLocalRecordsQueuesOnlyLocalOnes()
    {
        const StoredRecord a =
            insertOrFail(QUuid::createUuid(), RecordKind::Interaction, kT0, OutboxState::Local);
        const StoredRecord b =
            insertOrFail(QUuid::createUuid(), RecordKind::Reflection, kT0 + 1, OutboxState::Local);
        const StoredRecord synced =
            insertOrFail(QUuid::createUuid(), RecordKind::Reflection, kT0 + 2, OutboxState::Synced);
        StoredRecord failed =
            storedRecord(QUuid::createUuid(), RecordKind::Reflection, kT0 + 3, hlcAt(kT0 + 3), "e");
        failed.outboxState = OutboxState::Error;
        failed.outboxError = u"reason"_s;
        OUTWARD_VERIFY_OK(store->insert(failed));

        const auto queued = store->queueLocalRecords();
        OUTWARD_VERIFY_OK(queued);
        QCOMPARE(*queued, 2);
        QCOMPARE(store->get(a.id)->outboxState, OutboxState::Queued);
        QCOMPARE(store->get(b.id)->outboxState, OutboxState::Queued);
        QCOMPARE(store->get(synced.id)->outboxState, OutboxState::Synced);
        QCOMPARE(store->get(failed.id)->outboxState, OutboxState::Error);
        QCOMPARE(store->get(failed.id)->outboxError, u"reason"_s);

        QCOMPARE(*store->queueLocalRecords(), 0);
    }

    void idsStartingWithMatchesAPrefixOnly()
    {
        const QUuid a1 = uuid("abc10000-0000-4000-8000-000000000001");
        const QUuid a2 = uuid("abc20000-0000-4000-8000-000000000002");
        const QUuid b = uuid("abd00000-0000-4000-8000-000000000003");
        const QUuid c = uuid("0bc00000-0000-4000-8000-000000000004");
        for (const QUuid &id : {a1, a2, b, c})
            insertOrFail(id, RecordKind::Interaction, kT0);

        QCOMPARE(*store->idsStartingWith(u"abc"_s, 10), (QList<QUuid>{a1, a2}));
        QCOMPARE(*store->idsStartingWith(u"ABC2"_s, 10), QList<QUuid>{a2});
        QCOMPARE(*store->idsStartingWith(u"ab"_s, 10), (QList<QUuid>{a1, a2, b}));
        QCOMPARE(*store->idsStartingWith(u"ab"_s, 2), (QList<QUuid>{a1, a2}));
        QCOMPARE(*store->idsStartingWith(u"abc10000-0000-4000-8000-000000000001"_s, 10),
                 QList<QUuid>{a1});
        QCOMPARE(*store->idsStartingWith(u"ffff"_s, 10), QList<QUuid>());
        QCOMPARE(store->idsStartingWith(u""_s, 10)->size(), 4);
    }

    void idsStartingWithTreatsWildcardsAsText_data()
    {
        QTest::addColumn<QString>("prefix");
        QTest::newRow("percent") << u"%"_s;
        QTest::newRow("underscore") << u"_"_s;
        QTest::newRow("percent after a match") << u"ab%"_s;
        QTest::newRow("underscore for a character") << u"a_c"_s;
        QTest::newRow("underscores") << u"________"_s;
        QTest::newRow("quote") << u"ab'"_s;
        QTest::newRow("backslash") << u"ab\\"_s;
    }

    void idsStartingWithTreatsWildcardsAsText()
    {
        QFETCH(QString, prefix);
        for (const char *text :
             {"abc10000-0000-4000-8000-000000000001", "abd00000-0000-4000-8000-000000000003"})
            insertOrFail(uuid(text), RecordKind::Interaction, kT0);
        const auto ids = store->idsStartingWith(prefix, 10);
        OUTWARD_VERIFY_OK(ids);
        QCOMPARE(*ids, QList<QUuid>());
    }

    void latestClockIsTheNewest()
    {
        QVERIFY(!store->latestClock()->has_value());
        insertOrFail(QUuid::createUuid(), RecordKind::Interaction, kT0 + 5);
        insertOrFail(QUuid::createUuid(), RecordKind::Interaction, kT0 + 900);
        insertOrFail(QUuid::createUuid(), RecordKind::Interaction, kT0 + 80);
        const auto latest = store->latestClock();
        OUTWARD_VERIFY_OK(latest);
        QVERIFY(latest->has_value());
        QVERIFY(**latest == hlcAt(kT0 + 900));
    }
};

QTEST_GUILESS_MAIN(TestRecordStore)
#include "tst_recordstore.moc"
