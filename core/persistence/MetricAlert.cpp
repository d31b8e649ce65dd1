#include "MetricAlert.h"

namespace switchboard {

QString MetricAlert::metricName(Metric metric)
{
    switch (metric) {
    case Metric::GoalsInProgress:
        return QStringLiteral("goals_in_progress");
    case Metric::AverageCompletion:
        return QStringLiteral("average_completion");
    case Metric::EscalationRate:
        return QStringLiteral("escalation_rate");
    case Metric::LockConflictRate:
        return QStringLiteral("lock_conflict_rate");
    case Metric::Utilisation:
        return QStringLiteral("utilisation");
    }
    return {};
}

QString MetricAlert::levelName(Level level)
{
    switch (level) {
    case Level::Ok:
        return QStringLiteral("ok");
    case Level::Warning:
        return QStringLiteral("warning");
    case Level::Alert:
        return QStringLiteral("alert");
    }
    return {};
}

} // namespace switchboard
