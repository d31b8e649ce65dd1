#pragma once

#include "RetryPolicy.h"

#include <QString>
#include <QStringList>
#include <QVariantMap>

namespace switchboard {

// A kind of agent the orchestrator can start: which backend, which model, what it can do, how many at once.
struct AgentProfile
{
    QString name;
    QString backend = QStringLiteral("demo"); // "demo" | "process" (more later)
    QString model;
    QStringList capabilities;
    int maxConcurrent = 0; // 0 = limited only by max_parallel
    int timeoutS = 0;      // 0 = no per-attempt limit
    int idleTimeoutS = 0;  // no output or heartbeat for this long means hung; 0 = off
    RetryPolicy retry;
    QualityPolicy quality;
    QStringList command;      // argv for the process backend; {goal.id} etc. substituted
    QString workingDirectory; // process backend; empty = the workspace
    QVariantMap settings;     // backend-specific extras (e.g. demo duration_ms, steps)

    bool hasCapabilities(const QStringList &required) const;
    QStringList missingCapabilities(const QStringList &required) const;
};

} // namespace switchboard
