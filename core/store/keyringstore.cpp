#include "core/store/keyringstore.h"

#include "core/store/sqlerror.h"

#include <QSqlQuery>

using namespace Qt::StringLiterals;

namespace outward {

KeyringStore::KeyringStore(Database &db)
    : m_db(db)
{}

Result<std::optional<WrappedKeyring>> KeyringStore::load()
{
    QSqlQuery query(m_db.connection());
    if (!query.exec(
            u"SELECT format, user_id, kdf_ops, kdf_mem, salt, passphrase_wrapped_master_key, "
            u"recovery_wrapped_master_key, box_public_key, sign_public_key, wrapped_secret_keys "
            u"FROM keyring WHERE id = 1"_s))
        return sqlError(query.lastError(), u"reading the profile's keys"_s);
    if (!query.next())
        return std::optional<WrappedKeyring>();
    if (query.value(0).toInt() < 1)
        return Error(ErrorCode::Corrupt,
                     u"the profile's keys are damaged (format %1); restore the "
                     u"profile folder from a backup"_s.arg(query.value(0).toInt()));
    if (query.value(0).toInt() > WrappedKeyring::kFormatVersion)
        return Error(ErrorCode::NewerVersion,
                     u"the profile's keys use format %1, which this version of Outward does not "
                     u"know; update Outward"_s.arg(query.value(0).toInt()));
    WrappedKeyring keyring;
    keyring.userId = query.value(1).toString();
    keyring.kdf = {query.value(2).toULongLong(), query.value(3).toULongLong()};
    keyring.salt = query.value(4).toByteArray();
    keyring.passphraseWrappedMasterKey = query.value(5).toByteArray();
    keyring.recoveryWrappedMasterKey = query.value(6).toByteArray();
    keyring.boxPublicKey = query.value(7).toByteArray();
    keyring.signPublicKey = query.value(8).toByteArray();
    keyring.wrappedSecretKeys = query.value(9).toByteArray();
    return std::optional<WrappedKeyring>(std::move(keyring));
}

Status KeyringStore::save(const WrappedKeyring &keyring)
{
    const QString doing = u"saving the profile's keys"_s;
    return m_db.write(doing, [&]() -> Status {
        QSqlQuery query(m_db.connection());
        query.prepare(
            u"INSERT OR REPLACE INTO keyring (id, format, user_id, kdf_ops, kdf_mem, salt, "
            u"passphrase_wrapped_master_key, recovery_wrapped_master_key, box_public_key, "
            u"sign_public_key, wrapped_secret_keys) VALUES (1, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"_s);
        query.addBindValue(WrappedKeyring::kFormatVersion);
        query.addBindValue(keyring.userId);
        query.addBindValue(static_cast<qulonglong>(keyring.kdf.opsLimit));
        query.addBindValue(static_cast<qulonglong>(keyring.kdf.memLimitBytes));
        query.addBindValue(keyring.salt);
        query.addBindValue(keyring.passphraseWrappedMasterKey);
        query.addBindValue(keyring.recoveryWrappedMasterKey);
        query.addBindValue(keyring.boxPublicKey);
        query.addBindValue(keyring.signPublicKey);
        query.addBindValue(keyring.wrappedSecretKeys);
        if (!query.exec())
            return sqlError(query.lastError(), doing);
        return {};
    });
}

} // namespace outward
