#pragma once

#include "metrics/MetricsTimeline.h"
#include "persistence/MetricAlert.h"
#include "persistence/MetricThresholds.h"
#include "persistence/Metrics.h"

#include <QDateTime>
#include <QList>
#include <QString>

#include <atomic>
#include <memory>

namespace switchboard {

class Store;

// One refresh of the Metrics dock, made on a worker thread: the run's history read from the store, its
// metrics and threshold alerts, and (when asked) the sparklines' past rebuilt from the records.
struct MetricsComputation
{
    static constexpr int kSeedPoints = 120;

    QString runId;
    QString runName;
    Metrics metrics;
    QList<MetricAlert> alerts;
    QList<MetricsTimeline::Sample> seed; // empty unless asked for
    QString error;
    QDateTime at; // UTC, the "now" of the computation
    qint64 elapsedMs = 0;

    // Reads through the calling thread's store connection. Once abort is set it skips what is left after
    // the read it is in (error "aborted").
    static MetricsComputation run(Store *store, const QString &runId, int runSlots, const MetricThresholds &thresholds,
                                  const QDateTime &now, bool seed, const std::shared_ptr<std::atomic<bool>> &abort);
};

} // namespace switchboard
