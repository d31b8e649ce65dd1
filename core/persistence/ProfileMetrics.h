#pragma once

#include <QString>

namespace switchboard {

// The numbers of one agent profile (or of all of them: Metrics::overall). Definitions are in
// MetricsCalculator.h.
struct ProfileMetrics
{
    QString profile; // empty for overall, and for agents that never got a profile
    int assignments = 0;
    int completions = 0;
    int failures = 0;
    double successRate = 0.0;
    int iterations = 0;
    double iterationsPerGoal = 0.0;
    double averageDurationMs = 0.0;
    qint64 p95DurationMs = 0;
    qint64 inputTokens = 0;
    qint64 outputTokens = 0;
    double costUsd = 0.0;
    double costPerGoalUsd = 0.0;
    int escalations = 0;
    double escalationRate = 0.0;
    double averageCompletionMs = 0.0;

    qint64 tokens() const { return inputTokens + outputTokens; }
};

} // namespace switchboard
