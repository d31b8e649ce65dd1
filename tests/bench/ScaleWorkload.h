#pragma once

#include "RunResult.h"

#include <QString>

namespace switchboard::bench {

struct ScaleWorkloadConfig
{
    int goals = 100000;
    QString databasePath; // written once per process (populate), read by every repeat
    bool history = true;  // also time the History window's load and search
};

// scale: a store with `goals` finished goals in one run that was not closed (the app went away after
// the last one finished), then what a restart does with it, through the app's own StartupRestorer:
// Store::openInBackground (its integrity check on the writer thread, until checked_at_ms), the run read on a worker
// thread while the real MainWindow (offscreen) is built and shown with a board that says it is checking, then
// restoring, until the board's first paint is done (first_paint_ms, the line's wall_ms); then Orchestrator::restore on
// the GUI thread and the board's insert, until the board has been painted with every card (board_ready_ms), with the
// GUI thread's longest stall meanwhile (longest_stall_ms: how late a 5 ms timer fired). Then the board's filter over
// every card: a search text, a state filter and clearing both, each until the board has repainted (filter_ms,
// state_filter_ms, clear_filter_ms). Needs a QApplication.
RunResult runScaleWorkload(const ScaleWorkloadConfig &config);

// Writes the history runScaleWorkload reads (in StoreWrite batches, one transaction per batch) into a new
// database at `path`. Returns false with *error when the store refuses; *ms is the time it took.
bool populateScaleStore(const QString &path, int goals, double *ms, QString *error);

} // namespace switchboard::bench
