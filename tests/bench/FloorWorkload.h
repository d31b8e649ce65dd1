#pragma once

#include "RunResult.h"

namespace switchboard::bench {

// The floor under w1: the same shape (N trivial tasks, at most C at once, the main thread deciding
// what starts) with no orchestrator bookkeeping, to tell the cost of the threading design from the
// cost of the orchestrator's own work.
enum class FloorMode
{
    // One QRunnable per task and one queued call back per completion: what the orchestrator does today.
    QueuedPerTask,
    // The same, but workers count completions into a shared tally and only the first of a burst posts.
    Batched,
    // C long-lived workers pull tasks from a queue the main thread keeps topped up (2C ahead) and
    // report completions in bursts: no thread wake-up per task while work is queued.
    Pull,
    // QueuedPerTask's QThreadPool (at most C threads) with 2C runnables submitted ahead and batched
    // completions: the pool's own queue is the pull queue.
    Lookahead,
};

RunResult runFloorWorkload(int tasks, int parallel, FloorMode mode);

} // namespace switchboard::bench
