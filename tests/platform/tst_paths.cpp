// App-data paths come from QStandardPaths, so each OS puts the profile where it belongs.
#include "platform/paths.h"

#include <QCoreApplication>
#include <QDir>
#include <QStandardPaths>
#include <QTest>

using namespace Qt::StringLiterals;

class TestPaths : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        outward::paths::setApplicationIdentity();
    }

    void profileLivesInTheAppDataFolder()
    {
        const QString data = outward::paths::appDataFolder();
        QVERIFY(!data.isEmpty());
        QCOMPARE(data, QStandardPaths::writableLocation(QStandardPaths::AppDataLocation));
        QVERIFY2(data.endsWith(u"/Outward"_s), qPrintable(data));
        QCOMPARE(outward::paths::defaultProfileFolder(), QDir(data).filePath(u"profile"_s));
    }
};

QTEST_GUILESS_MAIN(TestPaths)
#include "tst_paths.moc"
