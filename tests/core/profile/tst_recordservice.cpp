#include "core/profile/recordservice.h"
#include "tests/support/manualclock.h"
#include "tests/support/profilefixture.h"
#include "tests/support/testsupport.h"

#include <QSet>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace outward;
using namespace outward::test;
using namespace Qt::StringLiterals;

namespace {

constexpr const char *kPassphrase = "record service passphrase";

QList<QUuid> idsOf(const QList<RecordView> &views)
{
    QList<QUuid> ids;
    for (const RecordView &view : views)
        ids << view.header.id;
    return ids;
}

} // namespace

class TestRecordService : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir dir;
    int folderCounter = 0;
    ManualClock clock;
    std::unique_ptr<Profile> profile;
    std::unique_ptr<RecordService> service;

    // Rows as stored, tombstones and revisions included: "nothing written" means these stay.
    int storedRows(const QString &table)
    {
        QSqlQuery query(profile->database().connection());
        if (!query.exec(u"SELECT COUNT(*) FROM "_s + table) || !query.next())
            return -1;
        return query.value(0).toInt();
    }

    RecordView addOrFail(const char *json, RecordKind kind = RecordKind::Interaction)
    {
        auto added = service->add(kind, jsonObject(json));
        if (!added.ok())
            qFatal("adding a test record failed: %s", qPrintable(added.error().toString()));
        return std::move(added).value();
    }

private slots:
    void initTestCase() { QVERIFY(dir.isValid()); }

    void init()
    {
        auto created = createProfileOrDie(dir.filePath(u"profile-%1"_s.arg(++folderCounter)),
                                          kPassphrase, clock);
        profile = std::move(created.profile);
        service = std::make_unique<RecordService>(*profile);
    }

    void cleanup()
    {
        service.reset();
        profile.reset();
    }

    void addSealsAndReadsBack()
    {
        const QJsonObject json = jsonObject(R"({"channel":"phone","endEmotion":"appreciation",
            "occurredAt":"2025-11-21T14:30:00+01:00","note":"Helped with the invoice","handleTimeSeconds":300})");
        const auto added = service->add(RecordKind::Interaction, json);
        OUTWARD_VERIFY_OK(added);
        QCOMPARE(added->header.kind, RecordKind::Interaction);
        QCOMPARE(added->header.author, profile->userId());
        QVERIFY(!added->header.deleted);
        QCOMPARE(added->outboxState, OutboxState::Local);

        const auto read = service->get(added->header.id);
        OUTWARD_VERIFY_OK(read);
        // Stored as the service normalised it, with every member the caller sent.
        QCOMPARE(read->json, added->json);
        for (auto it = json.constBegin(); it != json.constEnd(); ++it)
            QCOMPARE(read->json.value(it.key()), it.value());
        QVERIFY(read->payload.has_value());
        QCOMPARE(
            read->header.atMs,
            QDateTime::fromString(u"2025-11-21T14:30:00+01:00"_s, Qt::ISODate).toMSecsSinceEpoch());
        QVERIFY(read->header.clock == added->header.clock);
        QCOMPARE(read->header.metrics.value(u"handleTimeSeconds"_s).toInt(), 300);

        // The row holds an envelope, not the JSON.
        const auto stored = profile->store().get(added->header.id);
        OUTWARD_VERIFY_OK(stored);
        QVERIFY(!stored->envelope.contains("Helped with the invoice"));
        QCOMPARE(stored->atMs, read->header.atMs);
    }

    void invalidRecordNamesTheFieldAndWritesNothing()
    {
        const auto added =
            service->add(RecordKind::Interaction,
                         jsonObject(R"({"endEmotion":"anger","customerReported":{"nps":11}})"));
        QVERIFY(!added.ok());
        QCOMPARE(added.error().code(), ErrorCode::InvalidInput);
        QCOMPARE(errorFields(added.error()),
                 (QStringList{u"channel"_s, u"customerReported.nps"_s}));
        QCOMPARE(storedRows(u"records"_s), 0);

        // A typed payload is validated too: it may come from code, not JSON.
        Interaction typed;
        typed.occurredAt = clock.now();
        typed.endEmotion = Emotion::Anger;
        const auto addedTyped = service->add(RecordPayload(typed));
        QVERIFY(!addedTyped.ok());
        QCOMPARE(addedTyped.error().code(), ErrorCode::InvalidInput);
        QCOMPARE(errorFields(addedTyped.error()), QStringList{u"channel"_s});
        QCOMPARE(storedRows(u"records"_s), 0);
    }

    void addManyIsAllOrNothing()
    {
        Interaction good;
        good.occurredAt = clock.now();
        good.channel = Channel::Chat;
        good.endEmotion = Emotion::Appreciation;
        Interaction bad = good;
        bad.channel.reset();
        const auto failed = service->addMany({good, good, bad});
        QVERIFY(!failed.ok());
        QCOMPARE(failed.error().code(), ErrorCode::InvalidInput);
        QVERIFY2(failed.error().message().contains(u"record 3 of 3"_s),
                 qPrintable(failed.error().message()));
        QCOMPARE(storedRows(u"records"_s), 0);

        const auto added = service->addMany({good, good});
        OUTWARD_VERIFY_OK(added);
        QCOMPARE(*added, 2);
        QCOMPARE(service->list({})->size(), 2);
    }

    // A large batch is sealed by worker threads and inserted in order: every record must come
    // out whole, once, with clocks that follow the order of the batch.
    void largeBatchSealsInParallelAndKeepsOrder()
    {
        constexpr int kCount = 1000; // above the threshold for sealing on worker threads
        QList<RecordPayload> payloads;
        for (int i = 0; i < kCount; ++i) {
            Interaction one;
            one.occurredAt = clock.now().addSecs(-kCount + i); // record i is the i-th oldest
            one.channel = Channel::Email;
            one.endEmotion = Emotion::Ambivalence;
            one.handleTimeSeconds = i;
            one.note = u"batch note %1"_s.arg(i);
            payloads << one;
        }
        const auto added = service->addMany(payloads);
        OUTWARD_VERIFY_OK(added);
        QCOMPARE(*added, kCount);

        const auto all = service->list({}); // newest first
        OUTWARD_VERIFY_OK(all);
        QCOMPARE(all->size(), kCount);
        QSet<QUuid> ids;
        for (int k = 0; k < kCount; ++k) {
            const RecordView &view = all->at(k);
            const int i = kCount - 1 - k;
            QCOMPARE(view.json.value(u"handleTimeSeconds"_s).toInt(), i);
            QCOMPARE(view.json.value(u"note"_s).toString(), u"batch note %1"_s.arg(i));
            ids.insert(view.header.id);
            if (k > 0)
                QVERIFY2(view.header.clock < all->at(k - 1).header.clock,
                         "clocks do not follow the order of the batch");
        }
        QCOMPARE(ids.size(), kCount);
        // The clock goes on after the batch.
        QVERIFY(all->first().header.clock <
                addOrFail(R"({"channel":"phone","endEmotion":"anger"})").header.clock);
    }

    void editAppliesAMergePatchAndKeepsARevision()
    {
        const RecordView original =
            addOrFail(R"({"channel":"phone","endEmotion":"anger","note":"first"})");
        clock.advanceMs(1000);
        const auto edited = service->edit(
            original.header.id, jsonObject(R"({"note":"second","handleTimeSeconds":120})"));
        OUTWARD_VERIFY_OK(edited);
        QVERIFY(edited->header.clock > original.header.clock);
        QCOMPARE(edited->header.id, original.header.id);

        const auto read = service->get(original.header.id);
        OUTWARD_VERIFY_OK(read);
        QCOMPARE(read->json.value(u"note"_s).toString(), u"second"_s);
        QCOMPARE(read->json.value(u"handleTimeSeconds"_s).toInt(), 120);
        QCOMPARE(read->json.value(u"channel"_s).toString(), u"phone"_s); // untouched members stay

        const auto history = service->history(original.header.id);
        OUTWARD_VERIFY_OK(history);
        QCOMPARE(history->size(), 1);
        QCOMPARE(history->at(0).json, original.json);
        QVERIFY(history->at(0).header.clock == original.header.clock);

        // null removes a member (RFC 7386).
        OUTWARD_VERIFY_OK(service->edit(original.header.id, jsonObject(R"({"note":null})")));
        QVERIFY(!service->get(original.header.id)->json.contains(u"note"_s));
        QCOMPARE(storedRows(u"records"_s), 1);
    }

    void historyIsOldestFirst()
    {
        const RecordView original = addOrFail(R"({"body":"v0"})", RecordKind::Reflection);
        for (const char *patch : {R"({"body":"v1"})", R"({"body":"v2"})", R"({"body":"v3"})"}) {
            clock.advanceMs(10);
            OUTWARD_VERIFY_OK(service->edit(original.header.id, jsonObject(patch)));
        }
        const auto history = service->history(original.header.id);
        OUTWARD_VERIFY_OK(history);
        QStringList bodies;
        for (const RecordView &view : *history)
            bodies << view.json.value(u"body"_s).toString();
        QCOMPARE(bodies, (QStringList{u"v0"_s, u"v1"_s, u"v2"_s}));
        QCOMPARE(service->get(original.header.id)->json.value(u"body"_s).toString(), u"v3"_s);
    }

    void invalidEditNamesTheFieldAndWritesNothing()
    {
        const RecordView original =
            addOrFail(R"({"channel":"phone","endEmotion":"anger","note":"first"})");
        const QByteArray envelopeBefore = profile->store().get(original.header.id)->envelope;
        const auto edited =
            service->edit(original.header.id, jsonObject(R"({"channel":"fax","note":"second"})"));
        QVERIFY(!edited.ok());
        QCOMPARE(edited.error().code(), ErrorCode::InvalidInput);
        QCOMPARE(errorFields(edited.error()), QStringList{u"channel"_s});
        QCOMPARE(profile->store().get(original.header.id)->envelope, envelopeBefore);
        QCOMPARE(storedRows(u"revisions"_s), 0);
        QCOMPARE(service->get(original.header.id)->json.value(u"note"_s).toString(), u"first"_s);
    }

    void replaceCannotChangeTheKind()
    {
        const RecordView original = addOrFail(R"({"channel":"phone","endEmotion":"anger"})");
        Reflection reflection;
        reflection.writtenAt = clock.now();
        reflection.body = u"not an interaction"_s;
        const auto replaced = service->replace(original.header.id, reflection);
        QVERIFY(!replaced.ok());
        QCOMPARE(replaced.error().code(), ErrorCode::InvalidInput);
        QCOMPARE(service->get(original.header.id)->header.kind, RecordKind::Interaction);
        QCOMPARE(storedRows(u"revisions"_s), 0);
    }

    void removeLeavesATombstone()
    {
        const RecordView kept = addOrFail(R"({"channel":"chat","endEmotion":"adoration"})");
        const RecordView removed =
            addOrFail(R"({"channel":"phone","endEmotion":"anger","note":"last words"})");
        clock.advanceMs(5);
        const auto tombstone = service->remove(removed.header.id);
        OUTWARD_VERIFY_OK(tombstone);
        QVERIFY(tombstone->header.deleted);
        QVERIFY(tombstone->header.clock > removed.header.clock);

        const auto read = service->get(removed.header.id);
        OUTWARD_VERIFY_OK(read);
        QVERIFY(read->header.deleted);
        QVERIFY(read->json.isEmpty());
        QVERIFY(!read->payload.has_value());
        QVERIFY(read->header.metrics.isEmpty());

        QCOMPARE(idsOf(*service->list({})), QList<QUuid>{kept.header.id});
        RecordQuery withDeleted;
        withDeleted.includeDeleted = true;
        QCOMPARE(service->list(withDeleted)->size(), 2);
        QCOMPARE(storedRows(u"records"_s), 2);

        // The last content stays on this device as a revision.
        const auto history = service->history(removed.header.id);
        OUTWARD_VERIFY_OK(history);
        QCOMPARE(history->size(), 1);
        QCOMPARE(history->at(0).json.value(u"note"_s).toString(), u"last words"_s);

        // A tombstone is final.
        const auto edited = service->edit(removed.header.id, jsonObject(R"({"note":"back"})"));
        QVERIFY(!edited.ok());
        QCOMPARE(edited.error().code(), ErrorCode::NotFound);
        const auto again = service->remove(removed.header.id);
        QVERIFY(!again.ok());
        QCOMPARE(again.error().code(), ErrorCode::NotFound);
        QCOMPARE(service->history(removed.header.id)->size(), 1);
    }

    void restoreUndoesARemove()
    {
        const RecordView original =
            addOrFail(R"({"channel":"phone","endEmotion":"anger","note":"keep me"})");
        const auto notDeleted = service->restore(original.header.id);
        QVERIFY(!notDeleted.ok());
        QCOMPARE(notDeleted.error().code(), ErrorCode::InvalidInput);

        clock.advanceMs(5);
        OUTWARD_VERIFY_OK(service->remove(original.header.id));
        clock.advanceMs(5);
        const auto restored = service->restore(original.header.id);
        OUTWARD_VERIFY_OK(restored);
        QVERIFY(!restored->header.deleted);
        QCOMPARE(restored->header.atMs, original.header.atMs);
        QCOMPARE(restored->json, original.json);

        const auto read = service->get(original.header.id);
        OUTWARD_VERIFY_OK(read);
        QVERIFY(!read->header.deleted);
        QCOMPARE(read->json.value(u"note"_s).toString(), u"keep me"_s);
        QCOMPARE(read->header.metrics, original.header.metrics);
        // The content and the tombstone both stay in the history.
        QCOMPARE(service->history(original.header.id)->size(), 2);
        QCOMPARE(idsOf(*service->list({})), QList<QUuid>{original.header.id});
    }

    void unknownIdIsNotFound()
    {
        const QUuid id = QUuid::createUuid();
        QCOMPARE(service->get(id).error().code(), ErrorCode::NotFound);
        QCOMPARE(service->edit(id, jsonObject(R"({"note":"x"})")).error().code(),
                 ErrorCode::NotFound);
        QCOMPARE(service->remove(id).error().code(), ErrorCode::NotFound);
        QVERIFY(service->history(id)->isEmpty());
    }

    void everyCallNeedsTheProfileUnlocked()
    {
        const RecordView record = addOrFail(R"({"channel":"phone","endEmotion":"anger"})");
        const QUuid id = record.header.id;
        profile->lock();

        QCOMPARE(service->get(id).error().code(), ErrorCode::Locked);
        QCOMPARE(service->list({}).error().code(), ErrorCode::Locked);
        QCOMPARE(service->history(id).error().code(), ErrorCode::Locked);
        QCOMPARE(service->forEach({}, [](const RecordView &) { return true; }).error().code(),
                 ErrorCode::Locked);
        QCOMPARE(service
                     ->add(RecordKind::Interaction,
                           jsonObject(R"({"channel":"phone","endEmotion":"anger"})"))
                     .error()
                     .code(),
                 ErrorCode::Locked);
        QCOMPARE(service->addMany({*record.payload}).error().code(), ErrorCode::Locked);
        QCOMPARE(service->edit(id, jsonObject(R"({"note":"x"})")).error().code(),
                 ErrorCode::Locked);
        QCOMPARE(service->replace(id, *record.payload).error().code(), ErrorCode::Locked);
        QCOMPARE(service->remove(id).error().code(), ErrorCode::Locked);
        QCOMPARE(service->get(id).error().message(),
                 u"the profile is locked; unlock it with your passphrase first"_s);

        QCOMPARE(storedRows(u"records"_s), 1);
        QCOMPARE(storedRows(u"revisions"_s), 0);

        OUTWARD_VERIFY_OK(profile->unlock(passphrase(kPassphrase)));
        OUTWARD_VERIFY_OK(service->get(id));
    }

    void listIsNewestFirstAndFiltersByKind()
    {
        const RecordView older = addOrFail(
            R"({"channel":"phone","endEmotion":"anger","occurredAt":"2025-11-20T10:00:00Z"})");
        const RecordView newer = addOrFail(
            R"({"channel":"phone","endEmotion":"anger","occurredAt":"2025-11-21T10:00:00Z"})");
        const RecordView reflection =
            addOrFail(R"({"body":"b","writtenAt":"2025-11-20T12:00:00Z"})", RecordKind::Reflection);
        QCOMPARE(idsOf(*service->list({})),
                 (QList<QUuid>{newer.header.id, reflection.header.id, older.header.id}));
        RecordQuery interactions;
        interactions.kind = RecordKind::Interaction;
        QCOMPARE(idsOf(*service->list(interactions)),
                 (QList<QUuid>{newer.header.id, older.header.id}));
    }

    void rowsSwappedOutsideOutwardAreCorrupt()
    {
        const RecordView a = addOrFail(R"({"channel":"phone","endEmotion":"anger","note":"a"})");
        const RecordView b = addOrFail(R"({"channel":"phone","endEmotion":"anger","note":"b"})");
        QSqlQuery swap(profile->database().connection());
        QVERIFY(swap.prepare(
            u"UPDATE records SET envelope = (SELECT envelope FROM records WHERE id = ?) WHERE id = ?"_s));
        swap.addBindValue(b.header.idText());
        swap.addBindValue(a.header.idText());
        QVERIFY(swap.exec());

        const auto read = service->get(a.header.id);
        QVERIFY(!read.ok());
        QCOMPARE(read.error().code(), ErrorCode::Corrupt);
        QCOMPARE(service->list({}).error().code(), ErrorCode::Corrupt);
    }
};

QTEST_GUILESS_MAIN(TestRecordService)
#include "tst_recordservice.moc"
