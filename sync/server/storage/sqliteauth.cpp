// Challenges and tokens (protocol.md 9) and purging what expired.

#include "sync/server/storage/sqliteserverstore.h"
#include "sync/server/storage/sqlitesupport.h"
#include "sync/server/storage/storageerror.h"

#include <QSqlQuery>

using namespace Qt::StringLiterals;

namespace outward::server {

using sqlite::newUuid;
using sqlite::run;

// ---- challenges and tokens ------------------------------------------------------------------

Status SqliteServerStore::storeChallenge(const Challenge &challenge)
{
    const QString doing = u"storing the challenge"_s;
    return write(doing, Durability::Normal, [&]() -> Status {
        QSqlQuery insert(m_db);
        return run(insert,
                   u"INSERT INTO challenges (challenge, device_id, expires_at) VALUES (?, ?, ?)"_s,
                   {challenge.challenge, challenge.deviceId, challenge.expiresAt}, doing);
    });
}

Result<std::optional<Challenge>> SqliteServerStore::takeChallenge(const QByteArray &challenge)
{
    // FULL: a challenge that came back after a power loss could be answered a second time.
    const QString doing = u"using the challenge"_s;
    std::optional<Challenge> taken;
    auto done = write(doing, Durability::Full, [&]() -> Status {
        QSqlQuery query(m_db);
        if (auto ran = run(query,
                           u"SELECT challenge, device_id, expires_at FROM challenges "
                           u"WHERE challenge = ?"_s,
                           {challenge}, doing);
            !ran)
            return ran;
        if (!query.next())
            return {};
        Challenge row;
        row.challenge = query.value(0).toByteArray();
        row.deviceId = query.value(1).toString();
        row.expiresAt = query.value(2).toLongLong();
        query.finish();
        QSqlQuery remove(m_db);
        if (auto ran =
                run(remove, u"DELETE FROM challenges WHERE challenge = ?"_s, {challenge}, doing);
            !ran)
            return ran;
        taken = row;
        return {};
    });
    if (!done)
        return done.error();
    return taken;
}

Status SqliteServerStore::storeToken(const Token &token)
{
    const QString doing = u"storing the token"_s;
    return write(doing, Durability::Normal, [&]() -> Status {
        QSqlQuery insert(m_db);
        return run(insert,
                   u"INSERT INTO tokens (token_hash, device_id, user_id, expires_at) "
                   u"VALUES (?, ?, ?, ?)"_s,
                   {token.tokenHash, token.deviceId, token.userId, token.expiresAt}, doing);
    });
}

Result<std::optional<Token>> SqliteServerStore::findToken(const QByteArray &tokenHash)
{
    auto use = runPrepared(u"SELECT token_hash, device_id, user_id, expires_at FROM tokens "
                           u"WHERE token_hash = ?"_s,
                           {tokenHash}, u"looking up a token"_s);
    if (!use)
        return use.error();
    QSqlQuery &query = use->query();
    if (!query.next())
        return std::optional<Token>();
    Token token;
    token.tokenHash = query.value(0).toByteArray();
    token.deviceId = query.value(1).toString();
    token.userId = query.value(2).toString();
    token.expiresAt = query.value(3).toLongLong();
    return std::optional<Token>(token);
}

Result<int> SqliteServerStore::deleteTokensOfDevice(const QString &deviceId)
{
    const QString doing = u"deleting the device's tokens"_s;
    int deleted = 0;
    auto done = write(doing, Durability::Full, [&]() -> Status {
        QSqlQuery remove(m_db);
        if (auto ran = run(remove, u"DELETE FROM tokens WHERE device_id = ?"_s, {deviceId}, doing);
            !ran)
            return ran;
        deleted = remove.numRowsAffected();
        return {};
    });
    if (!done)
        return done.error();
    return deleted;
}

Result<int> SqliteServerStore::deleteTokensOfUser(const QString &userId)
{
    const QString doing = u"deleting the user's tokens"_s;
    int deleted = 0;
    auto done = write(doing, Durability::Full, [&]() -> Status {
        QSqlQuery remove(m_db);
        if (auto ran = run(remove, u"DELETE FROM tokens WHERE user_id = ?"_s, {userId}, doing);
            !ran)
            return ran;
        deleted = remove.numRowsAffected();
        return {};
    });
    if (!done)
        return done.error();
    return deleted;
}

Result<int> SqliteServerStore::purgeExpired(qint64 now, qint64 linkOfferGraceMs)
{
    const QString doing = u"purging expired challenges, tokens and link offers"_s;
    int deleted = 0;
    auto done = write(doing, Durability::Normal, [&]() -> Status {
        // Claim tokens before offers: nothing references an offer, but a claim token of a purged
        // offer would only mark nothing registered.
        const QList<std::pair<QString, qint64>> statements = {
            {u"DELETE FROM challenges WHERE expires_at <= ?"_s, now},
            {u"DELETE FROM tokens WHERE expires_at <= ?"_s, now},
            {u"DELETE FROM claim_tokens WHERE expires_at <= ?"_s, now},
            {u"DELETE FROM link_offers WHERE expires_at <= ?"_s, now - linkOfferGraceMs},
        };
        for (const auto &[sql, cutoff] : statements) {
            QSqlQuery remove(m_db);
            if (auto ran = run(remove, sql, {cutoff}, doing); !ran)
                return ran;
            deleted += remove.numRowsAffected();
        }
        return {};
    });
    if (!done)
        return done.error();
    return deleted;
}

} // namespace outward::server
