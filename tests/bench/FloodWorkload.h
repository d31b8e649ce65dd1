#pragma once

#include "RunResult.h"

namespace switchboard::bench {

// Chatty agents: `agents` process agents each print 300-character lines as fast as they can for `seconds`,
// through the real orchestrator and a SQLite store. Reports what that costs: resident memory (peak, sampled,
// and at the end), the database's size, the log table's rows per agent, the log files' size, and how long the
// run took to end after the agents stopped printing.
RunResult runFloodWorkload(int agents, int seconds);

} // namespace switchboard::bench
