#pragma once

#include "persistence/ProfileMetrics.h"

#include <QDateTime>
#include <QList>

namespace switchboard {

// How the agents are doing: per profile and overall, plus the run-wide rates. Computed by MetricsCalculator.
struct Metrics
{
    ProfileMetrics overall;
    QList<ProfileMetrics> profiles; // by profile name
    int goals = 0;                  // every agent recorded, started or not
    int goalsInProgress = 0;
    int lockRequests = 0;
    int lockConflicts = 0;
    double lockConflictRate = 0.0;
    qint64 busyMs = 0;
    qint64 wallMs = 0;
    int runSlots = 0;
    double utilisation = 0.0;
    QDateTime windowStart; // UTC
    QDateTime windowEnd;   // UTC

    const ProfileMetrics *profile(const QString &name) const;
};

} // namespace switchboard
