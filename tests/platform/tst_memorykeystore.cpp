// The key-store contract, on the in-memory store tests and store-less platforms use.
#include "platform/memorykeystore.h"
#include "tests/support/testsupport.h"

#include <QSignalSpy>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace outward;

class TestMemoryKeyStore : public QObject
{
    Q_OBJECT

private slots:
    void writeReadRemove()
    {
        MemoryKeyStore store;
        const QString key = KeyStore::masterKeyEntry(u"user-1"_s);
        const SecureBytes secret = SecureBytes::random(32);
        OUTWARD_VERIFY_OK(writeBlocking(store, key, secret));
        QVERIFY(store.contains(key));

        auto read = readBlocking(store, key);
        OUTWARD_VERIFY_OK(read);
        QVERIFY(read->equals(secret));

        OUTWARD_VERIFY_OK(removeBlocking(store, key));
        auto gone = readBlocking(store, key);
        QVERIFY(!gone.ok());
        QCOMPARE(gone.error().code(), ErrorCode::NotFound);
        // Removing what is not there is not an error: "forget this device" is idempotent.
        OUTWARD_VERIFY_OK(removeBlocking(store, key));
    }

    void entriesAreSeparatePerUser()
    {
        MemoryKeyStore store;
        QVERIFY(KeyStore::masterKeyEntry(u"a"_s) != KeyStore::masterKeyEntry(u"b"_s));
        OUTWARD_VERIFY_OK(
            writeBlocking(store, KeyStore::masterKeyEntry(u"a"_s), SecureBytes::random(32)));
        QCOMPARE(readBlocking(store, KeyStore::masterKeyEntry(u"b"_s)).error().code(),
                 ErrorCode::NotFound);
    }

    void answersAsynchronously()
    {
        // Like a real OS store, the answer comes on a later event-loop turn, never inside the call.
        MemoryKeyStore store;
        bool answered = false;
        store.read(u"missing"_s, [&](Result<SecureBytes>) { answered = true; });
        QVERIFY(!answered);
        QTRY_VERIFY(answered);
    }

    void storedCopyIsIndependent()
    {
        MemoryKeyStore store;
        SecureBytes secret = SecureBytes::random(32);
        const SecureBytes original = secret.clone();
        OUTWARD_VERIFY_OK(writeBlocking(store, u"k"_s, secret));
        secret.data()[0] ^= 0xff; // the caller wipes or reuses its buffer
        auto read = readBlocking(store, u"k"_s);
        OUTWARD_VERIFY_OK(read);
        QVERIFY(read->equals(original));
    }

    void unavailableStoreSaysSo()
    {
        MemoryKeyStore store;
        store.setUnavailable(true);
        const Status written = writeBlocking(store, u"k"_s, SecureBytes::random(32));
        QVERIFY(!written.ok());
        QCOMPARE(written.error().code(), ErrorCode::Storage);
        QVERIFY(!store.contains(u"k"_s));
        auto read = readBlocking(store, u"k"_s);
        QCOMPARE(read.error().code(), ErrorCode::Storage);
        QVERIFY(read.error().message().contains(u"key store"_s));
    }
};

QTEST_GUILESS_MAIN(TestMemoryKeyStore)
#include "tst_memorykeystore.moc"
