#include "core/common/orderedpipeline.h"

#include <QScopeGuard>

#include <atomic>
#include <condition_variable>
#include <mutex>
#include <optional>
#include <system_error>
#include <thread>
#include <vector>

using namespace Qt::StringLiterals;

namespace outward {

Status OrderedPipeline::run() const
{
    if (count <= 0)
        return {};
    const qsizetype chunk = std::max<qsizetype>(1, chunkSize);
    const qsizetype chunkCount = (count + chunk - 1) / chunk;

    std::mutex mutex;
    std::condition_variable progressed;
    std::vector<char> prepared(static_cast<size_t>(chunkCount), 0); // guarded by mutex
    std::optional<Error> failure;                                   // guarded by mutex
    bool workerRunning = false;                                     // guarded by mutex
    std::atomic<qsizetype> nextChunk{0};
    std::atomic<bool> stop{false};

    // Prepares one chunk; false (with failure set) when it could not.
    auto prepareChunk = [&](qsizetype index) {
        const qsizetype begin = index * chunk;
        const Status status = prepare(begin, std::min(count, begin + chunk));
        std::lock_guard lock(mutex);
        if (!status) {
            if (!failure)
                failure = status.error();
            stop = true;
        } else {
            prepared[static_cast<size_t>(index)] = 1;
        }
        progressed.notify_all();
        return bool(status);
    };
    auto prepareChunks = [&] {
        for (qsizetype index = nextChunk++; index < chunkCount && !stop; index = nextChunk++)
            if (!prepareChunk(index))
                return;
    };

    // One worker: the consuming half (SQLite) needs a core of its own; a second worker on a
    // 2-core device took CPU from it and made 100,000 inserts 10 % slower (bench/store).
    std::optional<std::thread> worker;
    if (count >= threadedFrom) {
        workerRunning = true;
        try {
            worker.emplace([&] {
                prepareChunks();
                std::lock_guard lock(mutex);
                workerRunning = false;
                progressed.notify_all();
            });
        } catch (const std::system_error &) {
            workerRunning = false; // no thread to be had: this thread does both halves
        }
    }
    auto joinWorker = qScopeGuard([&] {
        stop = true;
        if (worker)
            worker->join();
    });

    for (qsizetype index = 0; index < chunkCount; ++index) {
        for (;;) {
            {
                std::lock_guard lock(mutex);
                if (prepared[static_cast<size_t>(index)])
                    break;
                if (failure)
                    return *failure;
            }
            if (const qsizetype spare = nextChunk++; spare < chunkCount) {
                if (!prepareChunk(spare)) {
                    std::lock_guard lock(mutex);
                    return *failure;
                }
                continue;
            }
            // Every chunk is claimed and this one is still being prepared by the worker.
            std::unique_lock lock(mutex);
            progressed.wait(lock, [&] {
                return prepared[static_cast<size_t>(index)] || failure || !workerRunning;
            });
            if (!prepared[static_cast<size_t>(index)])
                return failure.value_or(
                    Error(ErrorCode::Internal, u"preparing stopped before the last item"_s));
            break;
        }
        const qsizetype begin = index * chunk;
        if (Status consumed = consume(begin, std::min(count, begin + chunk)); !consumed)
            return consumed;
    }
    return {};
}

} // namespace outward
