#pragma once

#include <QLoggingCategory>
#include <QString>

#include <chrono>
#include <condition_variable>
#include <mutex>
#include <thread>

namespace outward {

// Copies a database's write-ahead log into the database file on a thread of its own, with a
// connection of its own, when asked. SQLite does that copy (a checkpoint) at the end of the
// commit that fills the log past 1,000 pages, on the committing thread; after a bulk write of
// tens of megabytes that is a seventh of the writer's time (bench/sync), and on outward-server,
// whose random-keyed indexes make every commit write a page per index per record, it was a tenth
// of the thread that answers every request. A PASSIVE checkpoint waits for no reader or writer,
// so the writer carries on meanwhile.
//
// Shared by the device's profile and outward-server: Qt Sql and Qt Core only.
class WalCheckpointer
{
public:
    // minInterval: the least time between the starts of two checkpoints. A page written by
    // several commits within it is copied once, so a busy writer's log is copied in bulk instead
    // of commit by commit.
    WalCheckpointer(QString databasePath, const QLoggingCategory &log,
                    std::chrono::milliseconds minInterval = std::chrono::milliseconds(0));
    ~WalCheckpointer(); // waits for a checkpoint in progress, then closes its connection

    WalCheckpointer(const WalCheckpointer &) = delete;
    WalCheckpointer &operator=(const WalCheckpointer &) = delete;

    // Runs one checkpoint soon; requests made while one runs or waits fold into the next.
    void request();

private:
    void run();

    const QString m_path;
    const QLoggingCategory &m_log;
    const std::chrono::milliseconds m_minInterval;
    std::mutex m_mutex;
    std::condition_variable m_wake;
    bool m_requested = false; // guarded by m_mutex
    bool m_stopping = false;  // guarded by m_mutex
    std::thread m_thread;
};

} // namespace outward
