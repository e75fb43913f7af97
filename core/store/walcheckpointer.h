#pragma once

#include <QString>

#include <condition_variable>
#include <mutex>
#include <thread>

namespace outward {

// Copies a database's write-ahead log into the database file on a thread of its own, with a
// connection of its own, when asked. SQLite does that copy (a checkpoint) at the end of the
// commit that fills the log past 1,000 pages, on the committing thread; after a bulk write of
// tens of megabytes that is a seventh of the writer's time (bench/sync). A PASSIVE checkpoint
// waits for no reader or writer, so the writer carries on meanwhile.
class WalCheckpointer
{
public:
    explicit WalCheckpointer(QString databasePath);
    ~WalCheckpointer(); // waits for a checkpoint in progress, then closes its connection

    WalCheckpointer(const WalCheckpointer &) = delete;
    WalCheckpointer &operator=(const WalCheckpointer &) = delete;

    // Runs one checkpoint soon; requests made while one runs fold into the next.
    void request();

private:
    void run();

    const QString m_path;
    std::mutex m_mutex;
    std::condition_variable m_wake;
    bool m_requested = false; // guarded by m_mutex
    bool m_stopping = false;  // guarded by m_mutex
    std::thread m_thread;
};

} // namespace outward
