#pragma once

#include "core/common/result.h"
#include "core/store/migration.h"
#include "core/store/walcheckpointer.h"

#include <QSqlDatabase>
#include <QString>

#include <functional>
#include <memory>
#include <optional>

namespace outward {

// One SQLite connection through Qt Sql, set up the way Outward needs it: WAL, full durability
// (a committed record survives a crash or power loss), foreign keys, migrations applied.
class Database
{
public:
    // Creates the file when it does not exist; callers that must not create check first.
    static Result<std::unique_ptr<Database>> open(const QString &path,
                                                  const QList<Migration> &migrations);
    ~Database();

    Database(const Database &) = delete;
    Database &operator=(const Database &) = delete;

    QSqlDatabase &connection() { return m_db; }
    const QString &path() const { return m_path; }

    // Runs body in BEGIN IMMEDIATE .. COMMIT, rolling back when body or the commit fails.
    // A write() inside another joins the outer transaction: the outer body decides, so an inner
    // failure that the outer body ignores does not undo what the inner one wrote. This is the
    // transaction a sync engine wraps around a pulled page and its cursor.
    Status write(const QString &doing, const std::function<Status()> &body);
    bool inTransaction() const { return m_transactionDepth > 0; }
    // write() for a transaction that changes thousands of rows that could be written again from
    // elsewhere (a pulled batch, which the server still has). For its duration the page cache
    // grows to kBulkCacheKiB, so its dirty pages stay in memory until the commit instead of
    // spilling to the WAL and being read back (bench/sync); its commit does not wait for
    // fsync (synchronous = NORMAL: after a power cut the batch may be missing, never half
    // there, and is pulled again); and the WAL is copied into the database afterwards by a
    // WalCheckpointer thread instead of at the end of the commit. Inside another write() it is
    // that write.
    Status bulkWrite(const QString &doing, const std::function<Status()> &body);
    static constexpr int kBulkCacheKiB = 32 * 1024;

    Result<std::optional<QString>> meta(const QString &key);
    Status setMeta(const QString &key, const QString &value);

    // PRAGMA integrity_check: "ok", or the problems SQLite found.
    Result<QString> integrityCheck();

private:
    Database(QString path, QString connectionName);
    Status exec(const QString &sql, const QString &doing);

    QString m_path;
    QString m_connectionName;
    QSqlDatabase m_db;
    int m_transactionDepth = 0;
    std::unique_ptr<WalCheckpointer> m_checkpointer; // made by the first bulkWrite
};

} // namespace outward
