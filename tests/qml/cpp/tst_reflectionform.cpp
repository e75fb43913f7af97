#include "qml/reflectionform.h"
#include "sessionfixture.h"

#include <QSignalSpy>

using namespace outward;
using namespace outward::test;
using namespace Qt::StringLiterals;

class TestReflectionForm : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<SessionFixture> f;

    Reflection read(const QString &id)
    {
        return std::get<Reflection>(*f->records().get(QUuid::fromString(id))->payload);
    }

    QString addPurpose(const char *why)
    {
        const QString json = u"{\"why\":\"%1\"}"_s.arg(QLatin1StringView(why));
        auto added =
            f->records().add(RecordKind::TeamPurpose, jsonObject(json.toUtf8().constData()));
        return added->header.idText();
    }

private slots:
    void initTestCase() { isolateSettings(); }

    void init()
    {
        f = std::make_unique<SessionFixture>();
        QVERIFY(f->startUnlocked());
    }

    void cleanup() { f.reset(); }

    void promptsInDisplayOrder()
    {
        ReflectionForm form;
        QCOMPARE(form.prompts(),
                 (QStringList{u"whyThisWork"_s, u"customerGain"_s, u"customersWouldMiss"_s,
                              u"betterOff"_s, u"proud"_s}));
    }

    void savesAPrivateReflectionAndResets()
    {
        ReflectionForm form;
        QSignalSpy saved(&form, &ReflectionForm::saved);
        QVERIFY(!form.canSave());
        form.setProperty("prompt", u"customerGain"_s);
        form.setProperty("title", u"The pension letter"_s);
        form.setProperty("body", u"She left knowing what to do."_s);
        QVERIFY(form.canSave());
        QVERIFY2(form.save(), qPrintable(form.error()));
        const Reflection r = read(saved.at(0).at(0).toString());
        QCOMPARE(r.prompt, ReflectionPrompt::CustomerGain);
        QCOMPARE(*r.title, u"The pension letter"_s);
        QCOMPARE(r.body, u"She left knowing what to do."_s);
        QVERIFY(!r.shareWithLead);
        QVERIFY(!r.linkedPurposeId);
        QVERIFY(form.property("body").toString().isEmpty());
        QVERIFY(form.recordId().isEmpty());
    }

    void blankBodyIsAFieldError()
    {
        ReflectionForm form;
        form.setProperty("title", u"kept"_s);
        form.setProperty("body", u"   "_s);
        QVERIFY(!form.save());
        QVERIFY(form.fieldErrors().contains(u"body"_s));
        QCOMPARE(form.property("title").toString(), u"kept"_s);
    }

    void linksToTheCurrentPurposeWhenAsked()
    {
        ReflectionForm form;
        QSignalSpy saved(&form, &ReflectionForm::saved);
        form.setProperty("body", u"No purpose yet"_s);
        form.setProperty("linkToPurpose", true);
        QVERIFY(form.save());
        QVERIFY(!read(saved.at(0).at(0).toString()).linkedPurposeId);

        addPurpose("an old purpose");
        f->clock.advanceMs(1000);
        const QString purpose = addPurpose("we keep people's lives simple");
        form.setProperty("body", u"Linked"_s);
        form.setProperty("linkToPurpose", true);
        form.setProperty("shareWithLead", true);
        QVERIFY(form.save());
        const Reflection linked = read(saved.at(1).at(0).toString());
        QCOMPARE(linked.linkedPurposeId->toString(QUuid::WithoutBraces), purpose);
        QVERIFY(linked.shareWithLead);
    }

    void loadAndEditKeepsTheTimeAndLink()
    {
        const QString purpose = addPurpose("first purpose");
        ReflectionForm form;
        QSignalSpy saved(&form, &ReflectionForm::saved);
        form.setProperty("body", u"Original"_s);
        form.setProperty("linkToPurpose", true);
        QVERIFY(form.save());
        const QString id = saved.at(0).at(0).toString();
        const QDateTime writtenAt = read(id).writtenAt;

        f->clock.advanceMs(60'000);
        addPurpose("a newer purpose");
        QVERIFY(form.load(id));
        QCOMPARE(form.recordId(), id);
        QCOMPARE(form.property("body").toString(), u"Original"_s);
        QVERIFY(form.property("linkToPurpose").toBool());
        form.setProperty("body", u"Edited"_s);
        QVERIFY(form.save());
        const Reflection edited = read(id);
        QCOMPARE(edited.body, u"Edited"_s);
        QCOMPARE(edited.writtenAt, writtenAt);
        QCOMPARE(edited.linkedPurposeId->toString(QUuid::WithoutBraces), purpose);
        QCOMPARE(f->records().list({})->size(), 4 - 1); // 2 purposes + 1 reflection
    }

    void lockedSaveKeepsTheText()
    {
        ReflectionForm form;
        form.setProperty("body", u"keep me"_s);
        f->session->lock();
        QVERIFY(!form.save());
        QVERIFY(!form.error().isEmpty());
        QCOMPARE(form.property("body").toString(), u"keep me"_s);
    }
};

QTEST_GUILESS_MAIN(TestReflectionForm)
#include "tst_reflectionform.moc"
