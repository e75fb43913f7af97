#pragma once

// Small helpers shared by the SQLite store's source files (not part of the public API).

#include "core/common/result.h"
#include "sync/server/storage/serverstore.h"

#include <QSqlDatabase>
#include <QSqlQuery>
#include <QVariant>

#include <optional>
#include <utility>

namespace outward::server::sqlite {

// Prepares sql on query, binds args by position and executes it.
Status run(QSqlQuery &query, const QString &sql, const QVariantList &args, const QString &doing);

// A cached prepared statement, executed, while its caller reads the rows: finishes it when it
// goes out of scope. An unfinished SELECT would keep the connection's read snapshot open, and
// every later statement would see the database as it was then.
class PreparedUse
{
public:
    explicit PreparedUse(QSqlQuery *query)
        : m_query(query)
    {}
    PreparedUse(PreparedUse &&other) noexcept
        : m_query(std::exchange(other.m_query, nullptr))
    {}
    PreparedUse &operator=(PreparedUse &&) = delete;
    PreparedUse(const PreparedUse &) = delete;
    PreparedUse &operator=(const PreparedUse &) = delete;
    ~PreparedUse()
    {
        if (m_query)
            m_query->finish();
    }

    QSqlQuery &query() const { return *m_query; }

private:
    QSqlQuery *m_query;
};

QVariant nullableInt(const std::optional<qint64> &value);
QVariant nullableText(const QString &value); // NULL for an empty string
std::optional<qint64> optionalInt(const QVariant &value);
// Qt binds a null QString or QByteArray as SQL NULL; these bind an empty one as '' and X''.
QVariant text(const QString &value);
QVariant blob(const QByteArray &value);

// Column lists and row readers; each reader takes the columns in its list's order.
extern const QString kUserColumns;
extern const QString kDeviceColumns;
extern const QString kTeamColumns;
extern const QString kInviteColumns;
extern const QString kLinkOfferColumns;
User userFromRow(const QSqlQuery &query);
Device deviceFromRow(const QSqlQuery &query);
Team teamFromRow(const QSqlQuery &query);
Invite inviteFromRow(const QSqlQuery &query);
// A waiting offer at or past its expiry reads Expired.
LinkOffer linkOfferFromRow(const QSqlQuery &query, qint64 now);

// A new lower-case UUID without braces.
QString newUuid();

} // namespace outward::server::sqlite
