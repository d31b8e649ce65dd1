#pragma once

#include "JsonLine.h"

#include <functional>

namespace switchboard::bench {

struct RunResult;

// `--soak SECONDS`: one workload (w1) run again and again for that long in one process, its resident memory
// sampled after every run and printed over time (stderr, one line a second), then one JSON line with the
// samples, the growth from the first run to the last and whether every run passed its checks. What it is for:
// memory that stays with the process between runs (caches, threads, the allocator) shows as a slope.
JsonLine runSoak(int seconds, bool store, const std::function<RunResult()> &once, bool *allOk);

} // namespace switchboard::bench
