#pragma once

#include "ErrorKind.h"
#include <QList>
#include <QStringList>

#include <optional>

namespace switchboard {

// When a failed attempt is tried again and how long to wait first. The seed design's defaults:
// three retries after 1, 5 and 15 minutes, 10% jitter; the last backoff step repeats.
struct RetryPolicy
{
    // 60, 300 and 900 s; one shared list (building it from an initializer list in every constructor also made
    // GCC 12 -O3 warn a false -Wmaybe-uninitialized wherever a profile is built).
    static const QList<double> &defaultBackoffS();

    int maxRetries = 3;
    QList<double> backoffS = defaultBackoffS();
    double jitter = 0.1; // +- this fraction of the backoff, at random
    // Error kinds (AgentResult::errorKind) that are never retried.
    QStringList nonRetryable{errorKindName(ErrorKind::Budget), errorKindName(ErrorKind::Deadline),
                             errorKindName(ErrorKind::Loop), errorKindName(ErrorKind::NoImprovement),
                             errorKindName(ErrorKind::Invalid)};

    // A program that could not be started (not found, not executable, E2BIG) fails the same way next time,
    // so "spawn" is never retried, whatever non_retryable lists.
    bool retries(const QString &errorKind) const
    {
        return errorKind != errorKindName(ErrorKind::Spawn) && !nonRetryable.contains(errorKind);
    }
    // Seconds to wait before retry number `retry` (1-based), before jitter.
    double backoffFor(int retry) const;
    // With jitter applied; `unit` is a random number in [0, 1).
    double backoffFor(int retry, double unit) const;
};

// Limits on what a goal (or a whole run) may spend; 0 = no limit. Costs add up across retries.
struct Budget
{
    qint64 maxTokens = 0;
    double maxCostUsd = 0.0;

    bool isSet() const { return maxTokens > 0 || maxCostUsd > 0.0; }
    // Empty when within budget; otherwise what was exceeded, e.g. "12000 tokens > budget 10000".
    QString exceededBy(qint64 tokens, double costUsd) const;
};

// When to stop an agent that is busy but not getting anywhere (seed design "quality monitor").
struct QualityPolicy
{
    double minImprovement = 0.01;            // a score must rise at least this much to count
    int maxIterationsWithoutImprovement = 0; // 0 = off
    int maxIterations = 0;                   // 0 = off
    bool detectLoops = true;
};

} // namespace switchboard
