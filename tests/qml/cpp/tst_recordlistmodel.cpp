#include "qml/recordlistmodel.h"
#include "sessionfixture.h"

#include <QAbstractItemModelTester>
#include <QSet>
#include <QSignalSpy>

using namespace outward;
using namespace outward::test;
using namespace Qt::StringLiterals;

class TestRecordListModel : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<SessionFixture> f;

    // A model with the tester watching every change it makes.
    struct Tested
    {
        RecordListModel model;
        QAbstractItemModelTester tester{&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest};
    };

    Interaction interaction(qint64 atMs, Channel channel, const QString &note = {})
    {
        Interaction i;
        i.occurredAt = QDateTime::fromMSecsSinceEpoch(atMs);
        i.occurredAt = i.occurredAt.toOffsetFromUtc(i.occurredAt.offsetFromUtc());
        i.channel = channel;
        i.endEmotion = Emotion::Appreciation;
        if (!note.isEmpty())
            i.note = note;
        return i;
    }

    QString add(qint64 atMs, Channel channel, const QString &note = {})
    {
        return f->records().add(RecordPayload(interaction(atMs, channel, note)))->header.idText();
    }

    static void fetchAll(RecordListModel &model)
    {
        for (int guard = 0; model.canFetchMore({}) && guard < 10000; ++guard)
            model.fetchMore({});
    }

    static QStringList ids(const RecordListModel &model)
    {
        QStringList list;
        for (int row = 0; row < model.rowCount(); ++row)
            list << model.data(model.index(row), RecordListModel::IdRole).toString();
        return list;
    }

    qint64 now() const { return f->clock.nowMs(); }

private slots:
    void initTestCase() { isolateSettings(); }

    void init()
    {
        f = std::make_unique<SessionFixture>();
        QVERIFY(f->startUnlocked());
    }

    void cleanup() { f.reset(); }

    void rolesAndNames()
    {
        const QString id = add(now() - 1000, Channel::Chat, u"A billing question"_s);
        Tested t;
        QCOMPARE(t.model.rowCount(), 1);
        QCOMPARE(t.model.property("count").toInt(), 1);
        const QModelIndex first = t.model.index(0);
        QCOMPARE(t.model.data(first, RecordListModel::IdRole).toString(), id);
        QCOMPARE(t.model.data(first, RecordListModel::KindRole).toString(), u"interaction"_s);
        QCOMPARE(t.model.data(first, RecordListModel::ChannelRole).toString(), u"chat"_s);
        QCOMPARE(t.model.data(first, RecordListModel::EndEmotionRole).toString(),
                 u"appreciation"_s);
        QCOMPARE(t.model.data(first, RecordListModel::StartEmotionRole).toString(), QString());
        QCOMPARE(t.model.data(first, RecordListModel::HandleTimeRole).toInt(), -1);
        QCOMPARE(t.model.data(first, RecordListModel::ResolvedRole).toString(), u"unknown"_s);
        QCOMPARE(t.model.data(first, RecordListModel::NoteRole).toString(),
                 u"A billing question"_s);
        QCOMPARE(t.model.data(first, RecordListModel::OutboxStateRole).toString(), u"local"_s);
        QCOMPARE(t.model.data(first, RecordListModel::SharedRole).toBool(), false);
        QCOMPARE(t.model.data(first, RecordListModel::AtRole).toDateTime().toMSecsSinceEpoch(),
                 now() - 1000);
        QCOMPARE(t.model.data(first, RecordListModel::DayRole).toDate(),
                 QDateTime::fromMSecsSinceEpoch(now() - 1000).date());
        QVERIFY(t.model.data(first, RecordListModel::SummaryRole).toString().contains(u"chat"_s));

        const QHash<int, QByteArray> names = t.model.roleNames();
        QCOMPARE(names.value(RecordListModel::IdRole), "id");
        QCOMPARE(names.value(RecordListModel::OutboxStateRole), "outboxState");
        const QVariantMap row = t.model.get(0);
        QCOMPARE(row.value(u"id"_s).toString(), id);
        QCOMPARE(row.value(u"channel"_s).toString(), u"chat"_s);
        QVERIFY(t.model.get(1).isEmpty());
        QCOMPARE(t.model.rowOf(id), 0);
        QCOMPARE(t.model.rowOf(u"nope"_s), -1);
    }

    void longNotesArePreviewedAndGetGivesTheWholeText()
    {
        const QString note = QString(3000, u'n');
        add(now() - 1000, Channel::Phone, note);
        Tested t;
        QVERIFY(t.model.data(t.model.index(0), RecordListModel::NoteRole).toString().size() < 1000);
        QCOMPARE(t.model.get(0).value(u"note"_s).toString(), note);
    }

    void pagesThroughTwoThousandRecordsInOrderWithoutDuplicates()
    {
        QList<RecordPayload> payloads;
        const qint64 base = now() - 10LL * 24 * 3600 * 1000;
        for (int i = 0; i < 2000; ++i) // pairs share a time, so ties are broken by id
            payloads << interaction(base + (i / 2) * 1000, i % 3 ? Channel::Phone : Channel::Email);
        QCOMPARE(*f->records().addMany(payloads), 2000);

        Tested t;
        // Pages of 50 (the tester itself fetches a page when it checks the model).
        QVERIFY(t.model.rowCount() > 0 && t.model.rowCount() < 2000);
        QCOMPARE(t.model.rowCount() % 50, 0);
        QVERIFY(t.model.canFetchMore({}));
        const int before = t.model.rowCount();
        t.model.fetchMore({});
        QCOMPARE(t.model.rowCount(), before + 50);
        fetchAll(t.model);
        QCOMPARE(t.model.rowCount(), 2000);
        QVERIFY(!t.model.canFetchMore({}));

        const QStringList listed = ids(t.model);
        QCOMPARE(QSet<QString>(listed.cbegin(), listed.cend()).size(), 2000);
        QStringList expected;
        const auto all = f->records().list({});
        for (const RecordView &view : *all)
            expected << view.header.idText();
        QCOMPARE(listed, expected);
        for (int row = 1; row < t.model.rowCount(); ++row) {
            const auto at = [&](int r) {
                return t.model.data(t.model.index(r), RecordListModel::AtRole).toDateTime();
            };
            QVERIFY(at(row - 1) >= at(row));
        }
    }

    void channelFilter()
    {
        for (int i = 0; i < 120; ++i)
            add(now() - 1000 * (i + 1), i % 4 == 0 ? Channel::Email : Channel::Phone);
        Tested t;
        QSignalSpy filter(&t.model, &RecordListModel::filterChanged);
        t.model.setChannel(u"email"_s);
        QCOMPARE(filter.count(), 1);
        QTRY_VERIFY(!t.model.loading());
        fetchAll(t.model);
        QCOMPARE(t.model.rowCount(), 30);
        for (int row = 0; row < t.model.rowCount(); ++row)
            QCOMPARE(t.model.data(t.model.index(row), RecordListModel::ChannelRole).toString(),
                     u"email"_s);
        t.model.setChannel(QString());
        fetchAll(t.model);
        QCOMPARE(t.model.rowCount(), 120);
    }

    void dayRangeIncludesBothEnds()
    {
        const QDate today = QDateTime::fromMSecsSinceEpoch(now()).date();
        const auto noonOf = [](QDate day) {
            return QDateTime(day, QTime(12, 0)).toMSecsSinceEpoch();
        };
        add(noonOf(today.addDays(-5)), Channel::Phone);
        add(noonOf(today.addDays(-3)), Channel::Phone);
        add(noonOf(today.addDays(-2)), Channel::Phone);
        add(today.addDays(-1).startOfDay().toMSecsSinceEpoch(), Channel::Phone);
        Tested t;
        QCOMPARE(t.model.rowCount(), 4);
        t.model.setFromDay(today.addDays(-3));
        t.model.setToDay(today.addDays(-2));
        QCOMPARE(t.model.rowCount(), 2);
        t.model.setFromDay(QDate());
        QCOMPARE(t.model.rowCount(), 3);
        t.model.setToDay(QDate());
        QCOMPARE(t.model.rowCount(), 4);
    }

    void searchMatchesTheDecryptedNoteWithoutCase()
    {
        add(now() - 3000, Channel::Phone, u"Pension letter explained"_s);
        add(now() - 2000, Channel::Phone, u"Invoice credited"_s);
        add(now() - 1000, Channel::Chat);
        Tested t;
        t.model.setSearch(u"  PENSION "_s);
        QTRY_VERIFY(!t.model.loading());
        QCOMPARE(t.model.rowCount(), 1);
        QVERIFY(t.model.data(t.model.index(0), RecordListModel::NoteRole)
                    .toString()
                    .startsWith(u"Pension"_s));
        t.model.setSearch(u"chat"_s); // the summary names the channel
        QTRY_VERIFY(!t.model.loading());
        QCOMPARE(t.model.rowCount(), 1);
        t.model.setSearch(u"nothing like it"_s);
        QTRY_VERIFY(!t.model.loading());
        QCOMPARE(t.model.rowCount(), 0);
        QVERIFY(!t.model.canFetchMore({}));
    }

    void aRareMatchIsFoundIncrementally()
    {
        add(now() - 10'000'000, Channel::Phone, u"the needle"_s); // the oldest of all
        QList<RecordPayload> payloads;
        for (int i = 0; i < 1200; ++i)
            payloads << interaction(now() - 1000 * (i + 1), Channel::Phone, u"hay"_s);
        QCOMPARE(*f->records().addMany(payloads), 1200);
        Tested t;
        QSignalSpy loading(&t.model, &RecordListModel::loadingChanged);
        t.model.setSearch(u"needle"_s);
        // The first step scans a bounded part and yields; the rest comes on later turns.
        QCOMPARE(t.model.rowCount(), 0);
        QVERIFY(t.model.loading());
        QTRY_COMPARE(t.model.rowCount(), 1);
        QTRY_VERIFY(!t.model.loading());
        QVERIFY(loading.count() >= 2);
    }

    void kindsAreListedApart()
    {
        add(now() - 1000, Channel::Phone);
        OUTWARD_VERIFY_OK(f->records().add(
            RecordKind::Reflection,
            jsonObject(R"({"body":"Why I do this","prompt":"whyThisWork","shareWithLead":true})")));
        Tested t;
        QCOMPARE(t.model.kind(), u"interaction"_s);
        QCOMPARE(t.model.rowCount(), 1);
        t.model.setKind(u"reflection"_s);
        QCOMPARE(t.model.rowCount(), 1);
        const QModelIndex first = t.model.index(0);
        QCOMPARE(t.model.data(first, RecordListModel::NoteRole).toString(), u"Why I do this"_s);
        QCOMPARE(t.model.data(first, RecordListModel::PromptRole).toString(), u"whyThisWork"_s);
        QVERIFY(!t.model.data(first, RecordListModel::TitleRole).toString().isEmpty());
        QVERIFY(t.model.data(first, RecordListModel::SharedRole).toBool());
        QSignalSpy error(&t.model, &RecordListModel::error);
        t.model.setKind(u"nonsense"_s);
        QCOMPARE(error.count(), 1);
        QCOMPARE(t.model.kind(), u"reflection"_s);
    }

    void removeAndUndoInPlace()
    {
        QStringList added;
        for (int i = 0; i < 5; ++i)
            added << add(now() - 1000 * (i + 1), Channel::Phone);
        Tested t;
        QSignalSpy reset(&t.model, &QAbstractItemModel::modelReset);
        QSignalSpy removed(&t.model, &QAbstractItemModel::rowsRemoved);
        QSignalSpy inserted(&t.model, &QAbstractItemModel::rowsInserted);
        QVERIFY(!t.model.canUndoRemove());
        QVERIFY(t.model.remove(added[2]));
        QCOMPARE(t.model.rowCount(), 4);
        QCOMPARE(removed.count(), 1);
        QCOMPARE(reset.count(), 0); // the list keeps its place
        QVERIFY(t.model.canUndoRemove());
        QVERIFY(f->records().get(QUuid::fromString(added[2]))->header.deleted);

        QVERIFY(t.model.undoRemove());
        QCOMPARE(inserted.count(), 1);
        QCOMPARE(ids(t.model), added);
        QVERIFY(!f->records().get(QUuid::fromString(added[2]))->header.deleted);
        QVERIFY(!t.model.canUndoRemove());
        QVERIFY(!t.model.undoRemove());
        QCOMPARE(reset.count(), 0);
    }

    void refreshesWhenRecordsChangeElsewhere()
    {
        Tested t;
        QCOMPARE(t.model.rowCount(), 0);
        add(now() - 1000, Channel::Phone);
        f->session->notifyRecordsChanged();
        QCOMPARE(t.model.rowCount(), 1);
    }

    void emptyWhileLocked()
    {
        add(now() - 1000, Channel::Phone);
        Tested t;
        QCOMPARE(t.model.rowCount(), 1);
        f->session->lock();
        QCOMPARE(t.model.rowCount(), 0);
        QVERIFY(!t.model.canFetchMore({}));
        f->session->unlock(kTestPassphrase, false);
        QTRY_COMPARE_WITH_TIMEOUT(t.model.rowCount(), 1, 10000);
    }
};

QTEST_GUILESS_MAIN(TestRecordListModel)
#include "tst_recordlistmodel.moc"
