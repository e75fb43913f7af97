#pragma once

namespace outward::server {

// Lowers the calling thread's scheduling priority (Linux: its nice value, +10, which is a
// per-thread attribute there), once per thread; elsewhere it does nothing.
//
// The push checks run on worker threads, one per core, and hand their results to the event-loop
// thread, which reads every request, stores the checked pushes and writes every answer: the one
// stage that cannot run in parallel. With workers and event loop on the same cores, the event
// loop waited for a CPU behind checks whose results only it can use, and throughput fell by a
// fifth (bench/sync, 20 clients). A worker at a lower priority still gets every idle cycle.
void lowerThisWorkersPriority();

} // namespace outward::server
