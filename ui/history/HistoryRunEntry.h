#pragma once

#include "persistence/RunRecord.h"

namespace switchboard {

// One row of the History window's run list: the stored run and totals over its goals (each goal counted by
// the state of its latest agent), read in one pass so the list needs no per-run history load.
struct HistoryRunEntry
{
    RunRecord run;
    int goals = 0;
    int completed = 0;
    int failed = 0;
    int cancelled = 0;
    int blocked = 0;
    int skipped = 0;
    int interrupted = 0;
    int inProgress = 0; // running, waiting for a lock or an answer, paused
    int queued = 0;
    int attempts = 0;
    qint64 tokens = 0;
    double costUsd = 0.0;
    int runs = 0; // the "All runs" row only: how many runs it sums

    friend bool operator==(const HistoryRunEntry &, const HistoryRunEntry &) = default;
};

} // namespace switchboard
