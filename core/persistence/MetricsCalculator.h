#pragma once

#include "persistence/MetricAlert.h"
#include "persistence/MetricThresholds.h"
#include "persistence/Metrics.h"
#include "persistence/RunHistory.h"

#include <QDateTime>
#include <QJsonObject>
#include <QList>

namespace switchboard {

// Pure functions from recorded rows (a RunHistory, from Store::history or built by hand) to the dashboard's
// numbers, and from those numbers to alerts. No clock is read unless Options::now is left invalid.
//
// Definitions (an "agent" is one goal's worker; its profile is AgentStatus::profile, else its last attempt's):
//  - assignments: agents with at least one attempt; iterations: attempts; iterationsPerGoal = it / assignments
//  - completions / failures: those agents whose state is now Completed / Failed;
//    successRate = completions / (completions + failures), 0 when neither
//  - averageDurationMs, p95DurationMs: over attempts that ended Completed, finishedAt - startedAt;
//    p95 is the nearest rank: the ceil(0.95 n)-th smallest
//  - tokens and cost: sums over attempts; costPerGoalUsd = cost / assignments
//  - escalations: escalations raised by those agents; escalationRate = agents that escalated at least once /
//    assignments
//  - averageCompletionMs: over agents now Completed, completedAt - createdAt (queueing and retries included)
//  - goalsInProgress: agents now Running, WaitingForLock, Escalated or Paused
//  - lockRequests = acquired + denied lock events; lockConflicts = denied events + transitions into
//    WaitingForLock; lockConflictRate = conflicts / requests (at most 1)
//  - utilisation = busyMs / (slots x wallMs); busyMs is the time agents spent Running (from transitions; a
//    Running agent counts until windowEnd), clipped to the window
//  - window: Options' start/end when valid; else from the earliest run start (or transition) to the latest run
//    finish when every run is finished, or to `now` while one is not
class MetricsCalculator final
{
public:
    struct Options
    {
        int runSlots = 0;      // run slots (max_parallel); 0 = the largest RunRecord::maxParallel
        QDateTime now;         // invalid = the current time
        QDateTime windowStart; // invalid = derived
        QDateTime windowEnd;   // invalid = derived
    };

    static Metrics compute(const RunHistory &history);
    static Metrics compute(const RunHistory &history, const Options &options);
    // One entry per metric, in MetricAlert::Metric order.
    static QList<MetricAlert> evaluate(const Metrics &metrics, const MetricThresholds &thresholds = {});
    // Only the warnings and alerts.
    static QList<MetricAlert> crossed(const Metrics &metrics, const MetricThresholds &thresholds = {});

    // The nearest-rank percentile (0 < percent <= 100) of values; 0 for none.
    static qint64 percentile(QList<qint64> values, int percent);

    static QJsonObject toJson(const Metrics &metrics);
    static QJsonObject toJson(const ProfileMetrics &metrics);
    static QJsonObject toJson(const MetricAlert &alert);
};

} // namespace switchboard
