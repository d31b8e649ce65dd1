#pragma once

#include <QString>

namespace switchboard {

// One metric held against its target and alert threshold (MetricsCalculator::evaluate).
struct MetricAlert
{
    enum class Metric
    {
        GoalsInProgress,
        AverageCompletion, // minutes
        EscalationRate,
        LockConflictRate,
        Utilisation,
    };
    enum class Level
    {
        Ok,
        Warning, // missed the target
        Alert,   // crossed the alert threshold
    };

    Metric metric = Metric::GoalsInProgress;
    Level level = Level::Ok;
    bool hasData = false; // false: nothing to measure yet (level is Ok)
    double value = 0.0;   // in the unit the thresholds use (count, minutes, fraction)
    double target = 0.0;
    double alertAt = 0.0;
    QString message; // e.g. "Escalation rate 45.0 % (target < 20.0 %, alert > 40.0 %)"

    static QString metricName(Metric metric); // "goals_in_progress", "average_completion", ...
    static QString levelName(Level level);    // "ok", "warning", "alert"
};

} // namespace switchboard
