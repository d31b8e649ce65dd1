#pragma once

#include <QJsonObject>
#include <QString>

namespace switchboard {

// How a run went: the numbers the CLI prints at the end and the store keeps.
struct RunSummary
{
    qint64 wallMs = 0;      // first start to last finish
    qint64 agentTimeMs = 0; // sum of agent run times: the sequential estimate
    int phases = 0;
    int maxParallelReached = 0;
    int total = 0;
    int completed = 0;
    int failed = 0;
    int cancelled = 0;
    int blocked = 0;
    int skipped = 0;  // `when` condition false (issue 16): done without running, not a failure
    int inReview = 0; // finished in their worktrees, waiting for a human's merge or discard (issue 15)
    // Team members that failed or were cancelled while their team still completed (min_successful, issue 16): part
    // of failed/cancelled, but the run is not worse for them.
    int tolerated = 0;
    qint64 inputTokens = 0; // every attempt of every agent
    qint64 outputTokens = 0;
    double costUsd = 0.0;

    qint64 timeSavedMs() const { return qMax<qint64>(0, agentTimeMs - wallMs); }
    // Sequential estimate over wall time: 3.0 means three times faster than one after another.
    double speedup() const { return wallMs > 0 ? double(agentTimeMs) / double(wallMs) : 0.0; }
    // Skipped goals count as done: a condition that did not hold is not a failure; nor is a team member its
    // completed team could do without.
    bool allCompleted() const { return completed + skipped + tolerated == total; }
    QJsonObject toJson() const;
    QString toText() const;
};

} // namespace switchboard
