#include "core/store/walcheckpointer.h"

#include <QAtomicInteger>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>

using namespace Qt::StringLiterals;

namespace outward {

WalCheckpointer::WalCheckpointer(QString databasePath, const QLoggingCategory &log,
                                 std::chrono::milliseconds minInterval)
    : m_path(std::move(databasePath))
    , m_log(log)
    , m_minInterval(minInterval)
    , m_thread([this] { run(); })
{}

WalCheckpointer::~WalCheckpointer()
{
    {
        std::lock_guard lock(m_mutex);
        m_stopping = true;
    }
    m_wake.notify_all();
    m_thread.join();
}

void WalCheckpointer::request()
{
    {
        std::lock_guard lock(m_mutex);
        m_requested = true;
    }
    m_wake.notify_all();
}

void WalCheckpointer::run()
{
    static QAtomicInteger<quint64> counter;
    const QString name = u"outward-checkpointer-%1"_s.arg(counter.fetchAndAddRelaxed(1));
    {
        // A connection is used only by the thread that made it (Qt Sql), so it lives here.
        QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, name);
        db.setDatabaseName(m_path);
        db.setConnectOptions(u"QSQLITE_BUSY_TIMEOUT=5000"_s);
        const bool open = db.open();
        if (!open)
            qCWarning(m_log).noquote()
                << "the background checkpoint cannot open the database:" << db.lastError().text();
        auto earliestNext = std::chrono::steady_clock::now();
        for (;;) {
            {
                std::unique_lock lock(m_mutex);
                m_wake.wait(lock, [this] { return m_requested || m_stopping; });
                // The interval only spaces checkpoints out; stopping ends the wait at once.
                m_wake.wait_until(lock, earliestNext, [this] { return m_stopping; });
                if (m_stopping)
                    break;
                m_requested = false;
            }
            earliestNext = std::chrono::steady_clock::now() + m_minInterval;
            if (!open)
                continue; // the committing connection's own checkpoints still keep the log short
            QSqlQuery checkpoint(db);
            if (!checkpoint.exec(u"PRAGMA wal_checkpoint(PASSIVE)"_s))
                qCWarning(m_log).noquote()
                    << "a background checkpoint failed:" << checkpoint.lastError().text();
        }
        db.close();
    }
    QSqlDatabase::removeDatabase(name);
}

} // namespace outward
