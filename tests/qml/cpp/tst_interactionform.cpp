#include "qml/interactionform.h"
#include "sessionfixture.h"

#include <QSignalSpy>

using namespace outward;
using namespace outward::test;
using namespace Qt::StringLiterals;

class TestInteractionForm : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<SessionFixture> f;

    static void quickLog(InteractionForm &form)
    {
        form.setProperty("channel", u"phone"_s);
        form.setProperty("endEmotion", u"appreciation"_s);
    }

    RecordView read(const QString &id) { return f->records().get(QUuid::fromString(id)).value(); }

private slots:
    void initTestCase() { isolateSettings(); }

    void init()
    {
        f = std::make_unique<SessionFixture>();
        QVERIFY(f->startUnlocked());
    }

    void cleanup() { f.reset(); }

    void canSaveNeedsChannelAndEndEmotion()
    {
        InteractionForm form;
        QVERIFY(!form.canSave());
        form.setProperty("channel", u"phone"_s);
        QVERIFY(!form.canSave());
        form.setProperty("endEmotion", u"anger"_s);
        QVERIFY(form.canSave());
        QCOMPARE(form.property("firstContactResolution").toString(), u"unknown"_s);
    }

    void quickLogSavesOnlyWhatWasGiven()
    {
        InteractionForm form;
        QSignalSpy saved(&form, &InteractionForm::saved);
        QSignalSpy records(f->session.get(), &Session::recordsChanged);
        quickLog(form);
        QVERIFY(form.save());
        QCOMPARE(saved.count(), 1);
        QCOMPARE(records.count(), 1);
        const RecordView view = read(saved.at(0).at(0).toString());
        QCOMPARE(view.json.value(u"channel"_s).toString(), u"phone"_s);
        QCOMPARE(view.json.value(u"endEmotion"_s).toString(), u"appreciation"_s);
        for (const auto &absent : {u"startEmotion"_s, u"handleTimeSeconds"_s, u"perceivedEffort"_s,
                                   u"advocacy"_s, u"customerReported"_s, u"note"_s})
            QVERIFY2(!view.json.contains(absent), qPrintable(absent));
        // Reset for the next customer, with undo at hand.
        QVERIFY(form.property("channel").toString().isEmpty());
        QVERIFY(form.recordId().isEmpty());
        QVERIFY(!form.canSave());
        QVERIFY(form.canUndo());
    }

    void everyFieldIsSaved()
    {
        InteractionForm form;
        QSignalSpy saved(&form, &InteractionForm::saved);
        quickLog(form);
        const QDateTime when = QDateTime::currentDateTime().addSecs(-3600);
        form.setProperty("occurredAt", when);
        form.setProperty("startEmotion", u"agitation"_s);
        form.setProperty("handleTimeSeconds", 420);
        form.setProperty("firstContactResolution", u"yes"_s);
        form.setProperty("perceivedEffort", 6);
        form.setProperty("advocacy", u"thanked"_s);
        form.setProperty("nps", 9);
        form.setProperty("csat", 5);
        form.setProperty("ces", 0 + 6);
        form.setProperty("note", u"Credited the invoice"_s);
        form.setProperty("shareWithLead", true);
        QVERIFY2(form.save(), qPrintable(form.error()));
        const RecordView view = read(saved.at(0).at(0).toString());
        QCOMPARE(view.header.atMs / 1000, when.toMSecsSinceEpoch() / 1000);
        const Interaction &i = std::get<Interaction>(*view.payload);
        QCOMPARE(i.handleTimeSeconds, 420);
        QCOMPARE(i.firstContactResolution, FirstContactResolution::Yes);
        QCOMPARE(i.perceivedEffort, 6);
        QCOMPARE(i.customerReported.nps, 9);
        QCOMPARE(i.customerReported.csat, 5);
        QCOMPARE(i.customerReported.ces, 6);
        QCOMPARE(*i.note, u"Credited the invoice"_s);
        QVERIFY(i.shareWithLead);
    }

    void brokenRulesComeBackPerFieldAndKeepTheValues()
    {
        InteractionForm form;
        QSignalSpy errors(&form, &InteractionForm::fieldErrorsChanged);
        form.setProperty("channel", u"phone"_s);
        form.setProperty("nps", 11);
        form.setProperty("note", u"typed between two customers"_s);
        QVERIFY(!form.save());
        QVERIFY(errors.count() >= 1);
        const QVariantMap fieldErrors = form.fieldErrors();
        QVERIFY(fieldErrors.contains(u"endEmotion"_s));
        QVERIFY2(fieldErrors.value(u"customerReported.nps"_s).toString().contains(u"0 to 10"_s),
                 qPrintable(fieldErrors.value(u"customerReported.nps"_s).toString()));
        QVERIFY(form.error().isEmpty());
        QCOMPARE(form.property("note").toString(), u"typed between two customers"_s);
        QCOMPARE(form.property("nps").toInt(), 11);
        QCOMPARE(f->records().list({})->size(), 0);

        form.setProperty("nps", 10);
        form.setProperty("endEmotion", u"adoration"_s);
        QVERIFY(form.save());
        QVERIFY(form.fieldErrors().isEmpty());
    }

    void lockedSaveLosesNothing()
    {
        InteractionForm form;
        quickLog(form);
        form.setProperty("note", u"do not lose me"_s);
        f->session->lock();
        QVERIFY(!form.save());
        QVERIFY(!form.error().isEmpty());
        QCOMPARE(form.property("note").toString(), u"do not lose me"_s);
        f->session->unlock(kTestPassphrase, false);
        QTRY_COMPARE_WITH_TIMEOUT(f->session->state(), Session::Unlocked, 10000);
        QVERIFY(form.save());
        QVERIFY(form.error().isEmpty());
    }

    void undoOfANewRecordDeletesIt()
    {
        InteractionForm form;
        QSignalSpy saved(&form, &InteractionForm::saved);
        quickLog(form);
        QVERIFY(form.save());
        QVERIFY(form.undo());
        QVERIFY(!form.canUndo());
        QVERIFY(read(saved.at(0).at(0).toString()).header.deleted);
        QVERIFY(!form.undo());
    }

    void loadThenEditAndUndoTheEdit()
    {
        InteractionForm form;
        QSignalSpy saved(&form, &InteractionForm::saved);
        quickLog(form);
        form.setProperty("note", u"first"_s);
        form.setProperty("handleTimeSeconds", 60);
        QVERIFY(form.save());
        const QString id = saved.at(0).at(0).toString();
        const QDateTime at = QDateTime::fromMSecsSinceEpoch(read(id).header.atMs);

        QSignalSpy loaded(&form, &InteractionForm::loaded);
        QVERIFY(form.load(id));
        QVERIFY(loaded.count() >= 1);
        QCOMPARE(form.recordId(), id);
        QCOMPARE(form.property("note").toString(), u"first"_s);
        QCOMPARE(form.property("handleTimeSeconds").toInt(), 60);
        QCOMPARE(form.property("nps").toInt(), -1);
        QCOMPARE(form.property("occurredAt").toDateTime(), at);

        form.setProperty("note", u"second"_s);
        QVERIFY(form.save());
        QCOMPARE(saved.at(1).at(0).toString(), id);
        QCOMPARE(*std::get<Interaction>(*read(id).payload).note, u"second"_s);
        QCOMPARE(read(id).header.atMs, at.toMSecsSinceEpoch()); // the time stays
        QCOMPARE(f->records().list({})->size(), 1);

        QVERIFY(form.undo());
        QCOMPARE(*std::get<Interaction>(*read(id).payload).note, u"first"_s);
        QVERIFY(!read(id).header.deleted);

        QVERIFY(!form.load(u"not an id"_s));
        QVERIFY(!form.error().isEmpty());
    }

    void handleTimeTimerCountsByTheClock()
    {
        InteractionForm form;
        QSignalSpy ticks(&form, &InteractionForm::timerChanged);
        form.startTimer();
        QVERIFY(form.timerRunning());
        f->clock.advanceMs(42'500);
        QTRY_COMPARE_WITH_TIMEOUT(form.timerSeconds(), 42, 3000); // the next tick shows it
        f->clock.advanceMs(1000);
        form.stopTimer();
        QVERIFY(!form.timerRunning());
        QCOMPARE(form.property("handleTimeSeconds").toInt(), 43);
        QVERIFY(ticks.count() >= 2);
    }

    void savingWithTheTimerRunningUsesItsTime()
    {
        InteractionForm form;
        QSignalSpy saved(&form, &InteractionForm::saved);
        quickLog(form);
        form.startTimer();
        f->clock.advanceMs(90'000);
        QVERIFY(form.save());
        QVERIFY(!form.timerRunning());
        QCOMPARE(
            std::get<Interaction>(*read(saved.at(0).at(0).toString()).payload).handleTimeSeconds,
            90);
    }

    void resetClearsTheForm()
    {
        InteractionForm form;
        quickLog(form);
        form.setProperty("note", u"x"_s);
        form.startTimer();
        form.reset();
        QVERIFY(!form.canSave());
        QVERIFY(form.property("note").toString().isEmpty());
        QVERIFY(!form.timerRunning());
        QCOMPARE(form.property("handleTimeSeconds").toInt(), -1);
    }
};

QTEST_GUILESS_MAIN(TestInteractionForm)
#include "tst_interactionform.moc"
