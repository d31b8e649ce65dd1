#pragma once

#include "RunResult.h"

namespace switchboard::bench {

// The floor under w1: the same shape (N trivial tasks, at most C at once, the main thread starting
// the next task when one finishes) with no orchestrator, only QThreadPool and queued calls.
// `batched` = false posts one queued call per completion, as the orchestrator does today;
// true posts one call per burst of completions (the workers count into a shared tally and only
// the first of a burst posts), the change suggested for AgentRunner/Orchestrator.
RunResult runFloorWorkload(int tasks, int parallel, bool batched);

} // namespace switchboard::bench
