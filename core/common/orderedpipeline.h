#pragma once

#include "core/common/result.h"

#include <QtGlobal>

#include <functional>

namespace outward {

// Work on many items in two halves: `prepare` (CPU only, e.g. sealing or opening envelopes)
// runs on a worker thread chunk by chunk, ahead of `consume` (e.g. SQLite writes), which runs
// on the calling thread in item order. When the next chunk to consume is not prepared yet, the
// calling thread prepares the next unclaimed chunk itself instead of waiting, so neither half
// idles while the other has work.
//
// prepare(begin, end) may run on either thread, at the same time as another chunk's prepare or
// consume: it must only read shared state and write its own items' slots. consume(begin, end)
// gets the chunks in order, each after its prepare. The first failure of either stops the run
// and is returned; the worker is joined before this returns, whatever happened.
struct OrderedPipeline
{
    qsizetype count = 0;
    qsizetype chunkSize = 64;
    // Below this many items everything runs on the calling thread: a thread costs more.
    qsizetype threadedFrom = 256;
    std::function<Status(qsizetype begin, qsizetype end)> prepare;
    std::function<Status(qsizetype begin, qsizetype end)> consume;

    [[nodiscard]] Status run() const;
};

} // namespace outward
