#pragma once

#include "RunResult.h"

namespace switchboard::bench {

struct UiWorkloadConfig
{
    int agents = 2000;
    int parallel = 2000;
    int seconds = 10;          // how long each agent runs
    int tickMs = 100;          // each agent's progress changes this often
    int probeIntervalMs = 5;   // the GUI-thread timer whose lateness is the event-loop latency
    int scrollIntervalMs = 50; // the board scrolls by a third of a page this often while the agents run
};

// ui: the real MainWindow (offscreen) following `agents` live agents whose progress changes every
// tickMs for `seconds`. Measures the GUI thread's event-loop latency (how late a 5 ms timer fires),
// the time per frame (window update requests) and per board paint, how long a scroll of the board takes
// until it is painted, then how long cleaning up every
// finished card takes until the board is empty, and peak RSS. Needs a QApplication.
RunResult runUiWorkload(const UiWorkloadConfig &config);

} // namespace switchboard::bench
