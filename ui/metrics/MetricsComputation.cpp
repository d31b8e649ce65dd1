#include "metrics/MetricsComputation.h"

#include "persistence/MetricsCalculator.h"
#include "persistence/Store.h"

#include <QElapsedTimer>

namespace switchboard {

MetricsComputation MetricsComputation::run(Store *store, const QString &runId, int runSlots,
                                           const MetricThresholds &thresholds, const QDateTime &now, bool seed,
                                           const std::shared_ptr<std::atomic<bool>> &abort)
{
    QElapsedTimer clock;
    clock.start();
    MetricsComputation result;
    result.runId = runId;
    result.at = now;
    QString error;
    const RunHistory history = store->history(runId, &error);
    if (!error.isEmpty()) {
        result.error = error;
        result.elapsedMs = clock.elapsed();
        return result;
    }
    if (abort->load()) {
        result.error = QStringLiteral("aborted");
        return result;
    }
    for (const RunRecord &run : history.runs) {
        if (run.id == runId)
            result.runName = run.name;
    }
    MetricsCalculator::Options options;
    options.runSlots = runSlots;
    options.now = now;
    result.metrics = MetricsCalculator::compute(history, options);
    result.alerts = MetricsCalculator::evaluate(result.metrics, thresholds);
    if (seed && result.metrics.windowStart.isValid() && !abort->load()) {
        // The last hour, or the whole run when it is younger; a finished run's line ends where it did.
        const QDateTime end = result.metrics.windowEnd.isValid() ? qMin(now, result.metrics.windowEnd) : now;
        const QDateTime from = qMax(result.metrics.windowStart, end.addMSecs(-MetricsTimeline::kSpanMs));
        result.seed = MetricsTimeline::seed(history, result.metrics.runSlots, from, end, kSeedPoints);
    }
    result.elapsedMs = clock.elapsed();
    return result;
}

} // namespace switchboard
