// The app's language: the translations compiled into the module really load, switching
// retranslates, the choice is kept, and the system's language is the default.
#include "qml/language.h"

#include <QCoreApplication>
#include <QQmlEngine>
#include <QSettings>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace outward;

namespace {
// A label from the History screen's date filter, translated in every language file.
QString today()
{
    return QCoreApplication::translate("HistoryPage", "Today");
}
} // namespace

class TestLanguage : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_settings;

private slots:
    void initTestCase()
    {
        QVERIFY(m_settings.isValid());
        QSettings::setDefaultFormat(QSettings::IniFormat);
        QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, m_settings.path());
    }

    void offersTheThreeLanguagesInTheirOwnNames()
    {
        QQmlEngine engine;
        Language language(&engine);
        QCOMPARE(language.available(), (QStringList{u"en"_s, u"fr"_s, u"nl"_s}));
        QCOMPARE(language.nativeName(u"fr"_s), u"Français"_s);
        QCOMPARE(language.nativeName(u"nl"_s), u"Nederlands"_s);
        QCOMPARE(language.nativeName(u"en"_s), u"English"_s);
    }

    void switchingTranslatesAndIsKept()
    {
        QQmlEngine engine;
        Language language(&engine);
        QSignalSpy changed(&language, &Language::currentChanged);

        language.setCurrent(u"fr"_s);
        QCOMPARE(language.effective(), u"fr"_s);
        QCOMPARE(today(), u"Aujourd’hui"_s);
        QCOMPARE(QSettings().value(u"language"_s).toString(), u"fr"_s);

        language.setCurrent(u"nl"_s);
        QCOMPARE(today(), u"Vandaag"_s);

        language.setCurrent(u"en"_s);
        QCOMPARE(today(), u"Today"_s);
        QCOMPARE(changed.count(), 3);
        // English carries its plural forms.
        QCOMPARE(QCoreApplication::translate("outward::SyncStatus", "%n minute(s) ago", nullptr, 1),
                 u"1 minute ago"_s);
        QCOMPARE(QCoreApplication::translate("outward::SyncStatus", "%n minute(s) ago", nullptr, 2),
                 u"2 minutes ago"_s);

        // A later start picks the saved choice up before any screen loads.
        language.setCurrent(u"nl"_s);
        Language::installInitial();
        QCOMPARE(today(), u"Vandaag"_s);
    }

    void emptyMeansTheSystemLanguage()
    {
        QQmlEngine engine;
        Language language(&engine);
        language.setCurrent(QString());
        const QString system = QLocale::system().name().left(2);
        const QString expected = language.available().contains(system) ? system : u"en"_s;
        QCOMPARE(language.effective(), expected);
    }
};

QTEST_GUILESS_MAIN(TestLanguage)
#include "tst_language.moc"
