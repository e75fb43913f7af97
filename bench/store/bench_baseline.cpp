// The baselines for the Outward store: the same 100,000 interaction rows inserted through the
// SQLite C API, with the profile's own schema (core/store/schema.cpp), the same settings as
// core/store/database.cpp (WAL, synchronous = FULL, foreign keys, secure_delete, busy timeout;
// run.sh compares the PRAGMA values both report, so a drift is noticed) and
// the same batching as RecordService::addMany (one prepared INSERT, one BEGIN IMMEDIATE
// transaction). The payload JSON goes unencrypted into the envelope column.
//
// Built twice: bench_sqlite_plain links the system libsqlite3; bench_sqlcipher (BENCH_SQLCIPHER)
// links libsqlcipher and keys the database, so every page is encrypted and authenticated.
// The two libraries export the same symbols and cannot share an executable.
//
// Usage: bench_sqlite_plain|bench_sqlcipher --db FILE [--count N] [--pad BYTES]
// Prints one machine-readable line: "BENCH engine=... key=value ...".

#include "bench/store/payloads.h"
#include "core/store/schema.h"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <sqlite3.h>
#include <string>
#include <sys/resource.h>
#include <sys/stat.h>

namespace {

using Clock = std::chrono::steady_clock;

[[noreturn]] void die(sqlite3 *db, const char *what)
{
    std::fprintf(stderr, "bench: %s: %s\n", what, db ? sqlite3_errmsg(db) : "no database");
    std::exit(1);
}

void exec(sqlite3 *db, const std::string &sql)
{
    char *message = nullptr;
    if (sqlite3_exec(db, sql.c_str(), nullptr, nullptr, &message) != SQLITE_OK) {
        std::fprintf(stderr, "bench: %s: %s\n", sql.c_str(), message ? message : "?");
        std::exit(1);
    }
}

std::string textOf(sqlite3 *db, const char *sql)
{
    sqlite3_stmt *statement = nullptr;
    if (sqlite3_prepare_v2(db, sql, -1, &statement, nullptr) != SQLITE_OK)
        die(db, sql);
    std::string value;
    if (sqlite3_step(statement) == SQLITE_ROW && sqlite3_column_text(statement, 0))
        value = reinterpret_cast<const char *>(sqlite3_column_text(statement, 0));
    sqlite3_finalize(statement);
    return value;
}

double cpuMs()
{
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    return (usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) * 1e3 +
           (usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e3;
}

// The settings that shape write speed, as "name:value,..."; run.sh checks them against the store's.
std::string settings(sqlite3 *db)
{
    std::string out;
    for (const char *name :
         {"journal_mode", "synchronous", "foreign_keys", "secure_delete", "cache_size", "page_size",
          "auto_vacuum", "temp_store", "mmap_size", "wal_autocheckpoint", "locking_mode"}) {
        out += out.empty() ? "" : ",";
        out += std::string(name) + ":" + textOf(db, (std::string("PRAGMA ") + name).c_str());
    }
    return out;
}

long long fileSize(const std::string &path)
{
    struct stat info
    {};
    return stat(path.c_str(), &info) == 0 ? static_cast<long long>(info.st_size) : 0;
}

} // namespace

int main(int argc, char *argv[])
{
    std::string path;
    int count = 100000;
    int pad = 0; // extra bytes per row: shows what a larger row alone costs
    for (int i = 1; i + 1 < argc; i += 2) {
        if (std::strcmp(argv[i], "--db") == 0)
            path = argv[i + 1];
        else if (std::strcmp(argv[i], "--count") == 0)
            count = std::atoi(argv[i + 1]);
        else if (std::strcmp(argv[i], "--pad") == 0)
            pad = std::max(0, std::atoi(argv[i + 1]));
    }
    if (path.empty() || count <= 0) {
        std::fprintf(stderr, "usage: %s --db FILE [--count N]\n", argv[0]);
        return 2;
    }

    // Not timed: the rows every engine gets.
    std::vector<outward::bench::GeneratedInteraction> rows =
        outward::bench::generateInteractions(count);
    for (auto &row : rows)
        row.json.append(static_cast<std::size_t>(pad), ' ');
    outward::bench::Random ids(7);
    const std::string author = outward::bench::uuidText(ids);
    const std::string node = "6f1c9e0b7d2a4c35";
    long long payloadBytes = 0;
    for (const auto &row : rows)
        payloadBytes += static_cast<long long>(row.json.size()) - pad;

    sqlite3 *db = nullptr;
    if (sqlite3_open_v2(path.c_str(), &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, nullptr) !=
        SQLITE_OK)
        die(db, "open");
    sqlite3_busy_timeout(db, 5000); // QSQLITE_BUSY_TIMEOUT=5000
#ifdef BENCH_SQLCIPHER
    const char *engine = "sqlcipher";
    // A raw 256-bit key, so SQLCipher's own PBKDF2 is not part of the insert time (Outward's
    // Argon2id is not either). Pages of 8 KiB like the store's (core/store/database.cpp).
    exec(db,
         "PRAGMA key = \"x'2DD29CA851E7B56E4697B0E1F08507293D761A05CE4D1B628663F411A8086D99'\"");
    exec(db, "PRAGMA cipher_page_size = 8192");
    const std::string cipherVersion = textOf(db, "PRAGMA cipher_version");
#else
    const char *engine = "sqlite";
    const std::string cipherVersion;
    exec(db, "PRAGMA page_size = 8192"); // the store's, set before WAL fixes it
#endif
    if (textOf(db, "PRAGMA journal_mode = WAL") != "wal")
        die(db, "journal_mode = WAL");
    exec(db, "PRAGMA synchronous = FULL");
    exec(db, "PRAGMA foreign_keys = ON");
    exec(db, "PRAGMA secure_delete = ON");
    for (const outward::Migration &step : outward::profileSchema()) {
        exec(db, "BEGIN IMMEDIATE");
        for (const QString &statement : step.statements)
            exec(db, statement.toStdString());
        exec(db, "PRAGMA user_version = " + std::to_string(step.version));
        exec(db, "COMMIT");
    }

    const std::string usedSettings = settings(db);
    const double cpuStarted = cpuMs();
    const auto started = Clock::now();
    exec(db, "BEGIN IMMEDIATE");
    sqlite3_stmt *insert = nullptr;
    if (sqlite3_prepare_v2(
            db,
            "INSERT INTO records (id, kind, author, team, at, clock, deleted, envelope, "
            "outbox_state, outbox_error, server_seq) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            -1, &insert, nullptr) != SQLITE_OK)
        die(db, "prepare insert");
    const long long wallMs = std::chrono::duration_cast<std::chrono::milliseconds>(
                                 std::chrono::system_clock::now().time_since_epoch())
                                 .count();
    char clock[64];
    for (int i = 0; i < count; ++i) {
        const auto &row = rows[static_cast<std::size_t>(i)];
        // What any app does per row too: a random id and a hybrid-logical-clock text.
        const std::string id = outward::bench::uuidText(ids);
        std::snprintf(clock, sizeof clock, "%016lld-%04x-%s", wallMs, i & 0xffff, node.c_str());
        sqlite3_bind_text(insert, 1, id.c_str(), static_cast<int>(id.size()), SQLITE_TRANSIENT);
        sqlite3_bind_text(insert, 2, "interaction", -1, SQLITE_STATIC);
        sqlite3_bind_text(insert, 3, author.c_str(), static_cast<int>(author.size()),
                          SQLITE_STATIC);
        sqlite3_bind_text(insert, 4, "", 0, SQLITE_STATIC);
        sqlite3_bind_int64(insert, 5, row.atMs);
        sqlite3_bind_text(insert, 6, clock, -1, SQLITE_TRANSIENT);
        sqlite3_bind_int(insert, 7, 0);
        sqlite3_bind_blob(insert, 8, row.json.data(), static_cast<int>(row.json.size()),
                          SQLITE_STATIC);
        sqlite3_bind_int(insert, 9, 0);
        sqlite3_bind_null(insert, 10);
        sqlite3_bind_null(insert, 11);
        if (sqlite3_step(insert) != SQLITE_DONE)
            die(db, "insert");
        sqlite3_reset(insert);
    }
    sqlite3_finalize(insert);
    exec(db, "COMMIT");
    const double insertMs =
        std::chrono::duration<double, std::milli>(Clock::now() - started).count();
    const double insertCpuMs = cpuMs() - cpuStarted;

    const std::string stored = textOf(db, "SELECT COUNT(*) FROM records");
    if (stored != std::to_string(count)) {
        std::fprintf(stderr, "bench: expected %d rows, found %s\n", count, stored.c_str());
        return 1;
    }
    sqlite3_close(db);

    std::printf(
        "BENCH engine=%s sqlite_version=%s cipher_version=%s rows=%d payload_avg_bytes=%lld "
        "row_pad_bytes=%d insert_ms=%.1f insert_cpu_ms=%.1f db_bytes=%lld settings=%s\n",
        engine, sqlite3_libversion(), cipherVersion.empty() ? "-" : cipherVersion.c_str(), count,
        payloadBytes / count, pad, insertMs, insertCpuMs, fileSize(path), usedSettings.c_str());
    return 0;
}
