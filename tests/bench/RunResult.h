#pragma once

#include "JsonLine.h"

#include <QStringList>

namespace switchboard::bench {

// One run of one workload: its wall time, whether its correctness checks held, and the
// workload-specific fields to print.
struct RunResult
{
    double wallMs = 0.0;
    double cpuMs = 0.0;           // process CPU time (all threads) spent during the measured interval
    double mainThreadCpuMs = 0.0; // of which on the thread that submits and waits (the orchestrator's)
    int tasks = 0;
    int parallel = 0;
    bool storeUsed = false; // --store on and this workload ran with the SQLite store attached
    QStringList failures;   // the checks that did not hold, in the order they were made
    JsonLine extras;

    bool ok() const { return failures.isEmpty(); }
    // Records a correctness check; `what` names it for the "failed" field.
    void check(bool condition, const QString &what)
    {
        if (!condition)
            failures << what;
    }
};

} // namespace switchboard::bench
