#include "BenchReport.h"

#include "BenchOptions.h"
#include "ProcessStats.h"

#include <algorithm>
#include <numeric>

namespace switchboard::bench {

JsonLine BenchReport::header(const QString &workload)
{
    JsonLine line;
    line.add(QStringLiteral("peer"), QStringLiteral("switchboard"));
    line.add(QStringLiteral("workload"), workload);
    return line;
}

namespace {
void addStore(JsonLine &line, const BenchOptions &options, bool used)
{
    if (used) { // asked for, or the workload is about the store (scale)
        line.add(QStringLiteral("store"), QStringLiteral("on"));
    } else if (!options.storeRequested) {
        line.add(QStringLiteral("store"), QStringLiteral("off"));
    } else {
        line.add(QStringLiteral("store"), QStringLiteral("unavailable"));
        line.add(QStringLiteral("store_note"),
                 QStringLiteral("--store on asked for, but this workload does not attach the store: ran with it off"));
    }
}

} // namespace

bool BenchReport::runRepeated(const QString &workload, const BenchOptions &options,
                              const std::function<RunResult()> &once)
{
    QList<RunResult> runs;
    for (int r = 0; r < options.repeat; ++r)
        runs << once();
    QList<qsizetype> order(runs.size());
    std::iota(order.begin(), order.end(), 0);
    std::sort(order.begin(), order.end(),
              [&runs](qsizetype a, qsizetype b) { return runs.at(a).wallMs < runs.at(b).wallMs; });
    const RunResult &best = runs.at(order.constFirst());
    const RunResult &median = runs.at(order.at((order.size() - 1) / 2));
    const auto perTaskUs = [](const RunResult &run) { return run.tasks > 0 ? run.wallMs * 1000.0 / run.tasks : 0.0; };
    QStringList failures;
    for (const RunResult &run : std::as_const(runs)) {
        for (const QString &failure : run.failures) {
            if (!failures.contains(failure))
                failures << failure;
        }
    }
    QList<double> walls;
    for (const RunResult &run : std::as_const(runs))
        walls << run.wallMs;

    JsonLine line = header(workload);
    line.add(QStringLiteral("tasks"), median.tasks);
    line.add(QStringLiteral("wall_ms"), median.wallMs);
    line.add(QStringLiteral("per_task_us"), perTaskUs(median));
    line.add(QStringLiteral("peak_rss_mb"), ProcessStats::peakRssMb(), 1);
    line.add(QStringLiteral("ok"), failures.isEmpty());
    if (!failures.isEmpty())
        line.add(QStringLiteral("failed"), failures.join(QStringLiteral("; ")));
    line.add(QStringLiteral("parallel"), median.parallel);
    addStore(line, options, median.storeUsed);
    line.add(QStringLiteral("repeat"), static_cast<int>(runs.size()));
    line.add(QStringLiteral("wall_ms_best"), best.wallMs);
    line.add(QStringLiteral("wall_ms_median"), median.wallMs);
    line.add(QStringLiteral("per_task_us_best"), perTaskUs(best));
    line.add(QStringLiteral("per_task_us_median"), perTaskUs(median));
    QByteArray all = "[";
    for (qsizetype i = 0; i < walls.size(); ++i)
        all += (i ? "," : "") + QByteArray::number(walls.at(i), 'f', 3);
    line.addRaw(QStringLiteral("wall_ms_runs"), all + ']');
    line.add(QStringLiteral("cpu_ms"), median.cpuMs);
    line.add(QStringLiteral("cpu_per_task_us"), median.tasks > 0 ? median.cpuMs * 1000.0 / median.tasks : 0.0);
    line.add(QStringLiteral("main_thread_cpu_ms"), median.mainThreadCpuMs);
    line.add(QStringLiteral("main_thread_cpu_per_task_us"),
             median.tasks > 0 ? median.mainThreadCpuMs * 1000.0 / median.tasks : 0.0);
    line.append(median.extras);
    line.print();
    return failures.isEmpty();
}

} // namespace switchboard::bench
