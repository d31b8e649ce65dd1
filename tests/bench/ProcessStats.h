#pragma once

#include <QList>
#include <QtGlobal>

namespace switchboard::bench {

// What the kernel says this process used: peak resident memory and CPU time (getrusage).
struct ProcessStats
{
    static double peakRssMb();
    // Resident memory now (VmRSS of /proc/self/status); NaN where there is none.
    static double currentRssMb();
    // User and system CPU time of the whole process so far, in milliseconds.
    static double cpuMs();
    // CPU time of the calling thread so far, in milliseconds (the orchestrator's thread, for the
    // workloads: how much of the wall time its own bookkeeping took).
    static double threadCpuMs();
};

// Order statistics of a small sample (nearest-rank percentiles).
struct Sample
{
    static double percentile(QList<double> values, double p);
    static double median(const QList<double> &values) { return percentile(values, 50.0); }
    static double minimum(const QList<double> &values);
};

} // namespace switchboard::bench
