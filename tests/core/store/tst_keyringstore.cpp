#include "core/crypto/keyring.h"
#include "core/store/database.h"
#include "core/store/keyringstore.h"
#include "core/store/schema.h"
#include "tests/support/testsupport.h"

#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace outward;
using namespace outward::test;
using namespace Qt::StringLiterals;

namespace {

const KdfParams kFast{1, 8 * 1024 * 1024};

CreatedKeyring createOrDie(const char *userId, const char *text)
{
    auto created = keyring::create(QString::fromUtf8(userId),
                                   SecureBytes::fromPassphrase(QString::fromUtf8(text)), kFast);
    if (!created.ok())
        qFatal("creating a test keyring failed: %s", qPrintable(created.error().toString()));
    return std::move(created).value();
}

void verifySame(const WrappedKeyring &actual, const WrappedKeyring &expected)
{
    QCOMPARE(actual.userId, expected.userId);
    QVERIFY(actual.kdf == expected.kdf);
    QCOMPARE(actual.salt, expected.salt);
    QCOMPARE(actual.passphraseWrappedMasterKey, expected.passphraseWrappedMasterKey);
    QCOMPARE(actual.recoveryWrappedMasterKey, expected.recoveryWrappedMasterKey);
    QCOMPARE(actual.boxPublicKey, expected.boxPublicKey);
    QCOMPARE(actual.signPublicKey, expected.signPublicKey);
    QCOMPARE(actual.wrappedSecretKeys, expected.wrappedSecretKeys);
}

} // namespace

class TestKeyringStore : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir dir;
    int fileCounter = 0;
    std::unique_ptr<Database> db;

    int keyringRows()
    {
        QSqlQuery query(db->connection());
        if (!query.exec(u"SELECT COUNT(*) FROM keyring"_s) || !query.next())
            return -1;
        return query.value(0).toInt();
    }

private slots:
    void initTestCase() { QVERIFY(dir.isValid()); }

    void init()
    {
        auto opened =
            Database::open(dir.filePath(u"db-%1.sqlite"_s.arg(++fileCounter)), profileSchema());
        OUTWARD_VERIFY_OK(opened);
        db = std::move(opened).value();
    }

    void cleanup() { db.reset(); }

    void emptyProfileHasNoKeyring()
    {
        const auto loaded = KeyringStore(*db).load();
        OUTWARD_VERIFY_OK(loaded);
        QVERIFY(!loaded->has_value());
    }

    void saveAndLoadRoundTrip()
    {
        const CreatedKeyring created = createOrDie("alice", "alice passphrase");
        OUTWARD_VERIFY_OK(KeyringStore(*db).save(created.wrapped));
        const auto loaded = KeyringStore(*db).load();
        OUTWARD_VERIFY_OK(loaded);
        QVERIFY(loaded->has_value());
        verifySame(**loaded, created.wrapped);

        // What was loaded still opens with the passphrase: nothing was truncated or re-encoded.
        const auto unlocked = keyring::unlockWithPassphrase(
            **loaded, SecureBytes::fromPassphrase(u"alice passphrase"_s));
        OUTWARD_VERIFY_OK(unlocked);
        QVERIFY(unlocked->masterKey.equals(created.keys.masterKey));
    }

    void roundTripSurvivesReopening()
    {
        const CreatedKeyring created = createOrDie("bob", "bob passphrase");
        OUTWARD_VERIFY_OK(KeyringStore(*db).save(created.wrapped));
        const QString path = db->path();
        db.reset();
        auto reopened = Database::open(path, profileSchema());
        OUTWARD_VERIFY_OK(reopened);
        db = std::move(reopened).value();
        const auto loaded = KeyringStore(*db).load();
        OUTWARD_VERIFY_OK(loaded);
        QVERIFY(loaded->has_value());
        verifySame(**loaded, created.wrapped);
    }

    void bytesWithZerosAndLargeCostsRoundTrip()
    {
        WrappedKeyring crafted;
        crafted.userId = u"6f1c9e0b-7d2a-4c35-9a3e-0016d3cca427"_s;
        crafted.kdf = {4, quint64(3) * 1024 * 1024 * 1024}; // above 2^31: no 32-bit truncation
        crafted.salt = QByteArray(16, '\0');
        crafted.passphraseWrappedMasterKey = QByteArray("\x00\xff\x00", 3);
        crafted.recoveryWrappedMasterKey = QByteArray(72, '\x80');
        crafted.boxPublicKey = QByteArray(32, '\x01');
        crafted.signPublicKey = QByteArray(32, '\x02');
        crafted.wrappedSecretKeys = QByteArray(136, '\0');
        OUTWARD_VERIFY_OK(KeyringStore(*db).save(crafted));
        const auto loaded = KeyringStore(*db).load();
        OUTWARD_VERIFY_OK(loaded);
        verifySame(**loaded, crafted);
    }

    void saveReplacesTheOneKeyring()
    {
        const CreatedKeyring first = createOrDie("carol", "first passphrase");
        OUTWARD_VERIFY_OK(KeyringStore(*db).save(first.wrapped));
        const auto rewrapped = keyring::withNewPassphrase(
            first.wrapped, first.keys, SecureBytes::fromPassphrase(u"second passphrase"_s), kFast);
        OUTWARD_VERIFY_OK(rewrapped);
        QVERIFY(rewrapped->passphraseWrappedMasterKey != first.wrapped.passphraseWrappedMasterKey);
        OUTWARD_VERIFY_OK(KeyringStore(*db).save(*rewrapped));

        QCOMPARE(keyringRows(), 1);
        const auto loaded = KeyringStore(*db).load();
        OUTWARD_VERIFY_OK(loaded);
        verifySame(**loaded, *rewrapped);
        QVERIFY(!keyring::unlockWithPassphrase(**loaded,
                                               SecureBytes::fromPassphrase(u"first passphrase"_s))
                     .ok());
        OUTWARD_VERIFY_OK(keyring::unlockWithPassphrase(
            **loaded, SecureBytes::fromPassphrase(u"second passphrase"_s)));
    }

    void saveInsideAFailedWriteLeavesTheOldKeyring()
    {
        const CreatedKeyring first = createOrDie("dave", "first passphrase");
        const CreatedKeyring other = createOrDie("dave", "other passphrase");
        OUTWARD_VERIFY_OK(KeyringStore(*db).save(first.wrapped));
        const Status written = db->write(u"test"_s, [&]() -> Status {
            if (auto saved = KeyringStore(*db).save(other.wrapped); !saved)
                return saved;
            return Error(ErrorCode::Internal, u"injected failure"_s);
        });
        QVERIFY(!written.ok());
        verifySame(**KeyringStore(*db).load(), first.wrapped);
    }

    void unknownFormatIsNewerVersion()
    {
        const CreatedKeyring created = createOrDie("erin", "erin passphrase");
        OUTWARD_VERIFY_OK(KeyringStore(*db).save(created.wrapped));
        QSqlQuery query(db->connection());
        QVERIFY(query.exec(
            u"UPDATE keyring SET format = %1"_s.arg(WrappedKeyring::kFormatVersion + 1)));
        const auto loaded = KeyringStore(*db).load();
        QVERIFY(!loaded.ok());
        QCOMPARE(loaded.error().code(), ErrorCode::NewerVersion);
    }

    void impossibleFormatIsCorrupt()
    {
        const CreatedKeyring created = createOrDie("frank", "frank passphrase");
        OUTWARD_VERIFY_OK(KeyringStore(*db).save(created.wrapped));
        QSqlQuery query(db->connection());
        QVERIFY(query.exec(u"UPDATE keyring SET format = 0"_s));
        const auto loaded = KeyringStore(*db).load();
        QVERIFY(!loaded.ok());
        QCOMPARE(loaded.error().code(), ErrorCode::Corrupt);
    }
};

QTEST_GUILESS_MAIN(TestKeyringStore)
#include "tst_keyringstore.moc"
