// The OS key store through qtkeychain. A test machine may or may not run a Secret Service, so
// this checks the contract that holds either way: every call answers (no hang), and when the
// store cannot be used the error says so and tells the user to use the passphrase instead.
#include "platform/qtkeychainstore.h"
#include "tests/support/testsupport.h"

#include <QTest>
#include <QUuid>

using namespace Qt::StringLiterals;
using namespace outward;

class TestQtKeychainStore : public QObject
{
    Q_OBJECT

private slots:
    void readOfAMissingEntryAnswers()
    {
        QtKeychainStore store(u"Outward-test"_s);
        const QString key = u"test/%1"_s.arg(QUuid::createUuid().toString(QUuid::WithoutBraces));
        auto read = readBlocking(store, key, 20000);
        QVERIFY(!read.ok());
        if (read.error().code() == ErrorCode::NotFound)
            return; // a real key store answered: nothing is stored under a fresh key
        QCOMPARE(read.error().code(), ErrorCode::Storage);
        QVERIFY2(read.error().message().contains(u"passphrase"_s),
                 qPrintable(read.error().message()));
        QVERIFY2(!read.error().message().contains(u"did not answer"_s),
                 "the key store hung instead of reporting that it is unavailable");
    }

    void writeThenReadWhenAvailable()
    {
        QtKeychainStore store(u"Outward-test"_s);
        const QString key = u"test/%1"_s.arg(QUuid::createUuid().toString(QUuid::WithoutBraces));
        const SecureBytes secret = SecureBytes::random(32);
        const Status written = writeBlocking(store, key, secret, 20000);
        if (!written.ok()) {
            QCOMPARE(written.error().code(), ErrorCode::Storage);
            QVERIFY(!written.error().message().contains(u"did not answer"_s));
            QSKIP("no OS key store on this machine; the unavailable path was checked instead");
        }
        auto read = readBlocking(store, key, 20000);
        OUTWARD_VERIFY_OK(read);
        QVERIFY(read->equals(secret));
        OUTWARD_VERIFY_OK(removeBlocking(store, key, 20000));
    }
};

QTEST_GUILESS_MAIN(TestQtKeychainStore)
#include "tst_qtkeychainstore.moc"
