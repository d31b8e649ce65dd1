#pragma once

#include "JsonLine.h"
#include "RunResult.h"

#include <QString>

#include <functional>

namespace switchboard::bench {

struct BenchOptions;

// Turns runs into the one JSON line per workload that peers compare.
class BenchReport final
{
public:
    // {"peer":"switchboard","workload":...}: the start of every line.
    static JsonLine header(const QString &workload);
    // Runs a workload `options.repeat` times and prints its line: wall_ms and per_task_us are the
    // median run's, with the best and the median as extra fields; the other extras are the median
    // run's. Returns whether every run passed its checks.
    static bool runRepeated(const QString &workload, const BenchOptions &options,
                            const std::function<RunResult()> &once);
};

} // namespace switchboard::bench
