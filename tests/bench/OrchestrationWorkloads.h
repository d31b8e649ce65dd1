#pragma once

#include "RunResult.h"

namespace switchboard::bench {

// w1: `tasks` independent goals on the instant backend, max_parallel `parallel`, through
// Orchestrator::spawnParallel and waitAll. Checks every goal ran exactly once and the cap held.
// withStore: a fresh SQLite store attached to the orchestrator (--store on).
RunResult runInstantWorkload(int tasks, int parallel, bool withStore);

// w2: a DAG of `layers` x `width` goals, each depending on 3 distinct goals of the previous layer
// picked by mulberry32(42). Checks every dependency finished before its dependent started.
RunResult runDagWorkload(int layers, int width, int parallel, bool withStore);

// The checksum of the default DAG (50 x 100), shared with the other peers' benches.
inline constexpr quint32 kDefaultDagChecksum = 468777550u;

} // namespace switchboard::bench
