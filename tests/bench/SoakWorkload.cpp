#include "SoakWorkload.h"

#include "BenchReport.h"
#include "ProcessStats.h"
#include "RunResult.h"

#include <QElapsedTimer>

#include <algorithm>
#include <cstdio>

namespace switchboard::bench {

JsonLine runSoak(int seconds, bool store, const std::function<RunResult()> &once, bool *allOk)
{
    QElapsedTimer clock;
    clock.start();
    const double rssBefore = ProcessStats::currentRssMb();
    QList<double> rss;         // after each run
    QList<double> rssAtSecond; // the first sample of each second, for the line
    QByteArray samples;
    int runs = 0;
    int failedRuns = 0;
    QString firstFailure;
    double wallMs = 0.0;
    qint64 nextReportMs = 0;
    while (clock.elapsed() < qint64(seconds) * 1000 || runs == 0) {
        const RunResult result = once();
        ++runs;
        wallMs += result.wallMs;
        if (!result.ok()) {
            if (failedRuns++ == 0)
                firstFailure = result.failures.join(QStringLiteral("; "));
        }
        const double now = ProcessStats::currentRssMb();
        rss << now;
        if (clock.elapsed() >= nextReportMs) {
            nextReportMs += 1000;
            std::fprintf(stderr, "soak: %6.1f s  run %5d  rss %7.1f MB\n", double(clock.elapsed()) / 1000.0, runs, now);
            std::fflush(stderr);
            samples += (samples.isEmpty() ? "[[" : ",[") +
                       QByteArray::number(double(clock.elapsed()) / 1000.0, 'f', 1) + ',' +
                       QByteArray::number(now, 'f', 1) + ']';
        }
    }
    samples += ']';
    *allOk = failedRuns == 0;
    JsonLine line = BenchReport::header(QStringLiteral("w1-soak"));
    line.add(QStringLiteral("store"), store ? QStringLiteral("on") : QStringLiteral("off"));
    line.add(QStringLiteral("seconds"), double(clock.elapsed()) / 1000.0, 1);
    line.add(QStringLiteral("runs"), runs);
    line.add(QStringLiteral("ok"), failedRuns == 0);
    if (failedRuns > 0)
        line.add(QStringLiteral("failed"),
                 QStringLiteral("%1 runs failed; first: %2").arg(failedRuns).arg(firstFailure));
    line.add(QStringLiteral("run_wall_ms_mean"), wallMs / runs);
    line.add(QStringLiteral("rss_before_mb"), rssBefore, 1);
    line.add(QStringLiteral("rss_first_run_mb"), rss.constFirst(), 1);
    line.add(QStringLiteral("rss_last_run_mb"), rss.constLast(), 1);
    line.add(QStringLiteral("rss_max_mb"), *std::max_element(rss.cbegin(), rss.cend()), 1);
    // From the end of the first run (caches, threads and the allocator's arenas are warm) to the end of the last.
    line.add(QStringLiteral("rss_growth_mb"), rss.constLast() - rss.constFirst(), 1);
    // The second half against the first: a leak grows both; warm-up only the first.
    const qsizetype half = rss.size() / 2;
    if (half > 0) {
        const double firstHalf = *std::max_element(rss.cbegin(), rss.cbegin() + half);
        const double secondHalf = *std::max_element(rss.cbegin() + half, rss.cend());
        line.add(QStringLiteral("rss_max_growth_second_half_mb"), secondHalf - firstHalf, 1);
    }
    line.addRaw(QStringLiteral("rss_samples"), samples); // [seconds, MB] once a second
    line.add(QStringLiteral("peak_rss_mb"), ProcessStats::peakRssMb(), 1);
    return line;
}

} // namespace switchboard::bench
