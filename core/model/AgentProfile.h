#pragma once

#include "ModelSettings.h"
#include "RetryPolicy.h"

#include <QString>
#include <QStringList>
#include <QVariantMap>

namespace switchboard {

// A kind of agent the orchestrator can start: which backend, which model, what it can do, how many at once.
struct AgentProfile
{
    QString name;
    QString backend = QStringLiteral("demo"); // "demo" | "process" | "openai" | "anthropic"
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
    ModelSettings llm;        // backends "openai" and "anthropic"

    // The demo backend is for trying the app offline: it runs only goals that name it, or goals no other
    // profile could ever take (see Scheduler::chooseProfile).
    bool isDemo() const { return backend == QLatin1String("demo"); }
    bool hasCapabilities(const QStringList &required) const;
    QStringList missingCapabilities(const QStringList &required) const;
};

} // namespace switchboard
