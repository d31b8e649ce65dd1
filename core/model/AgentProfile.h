#pragma once

#include "Isolation.h"
#include "ModelSettings.h"
#include "RetryPolicy.h"
#include "execution/ExecutorSpec.h"

#include <QString>
#include <QStringList>
#include <QVariantMap>

namespace switchboard {

// A kind of agent the orchestrator can start: which backend, which model, what it can do, how many at once.
struct AgentProfile
{
    QString name;
    // "demo" | "process" | "openai" | "anthropic" | "claude-code" | "codex" | "gemini" | "aider" | "acp"
    QString backend = QStringLiteral("demo");
    QString model;
    QStringList capabilities;
    int maxConcurrent = 0; // 0 = limited only by max_parallel
    int timeoutS = 0;      // 0 = no per-attempt limit
    int idleTimeoutS = 0;  // no output or heartbeat for this long means hung; 0 = off
    RetryPolicy retry;
    QualityPolicy quality;
    // argv for the process backend ({goal.id} etc. substituted); for the coding-agent backends it replaces the
    // binary (and any fixed arguments) of the adapter's default command line.
    QStringList command;
    QStringList args;            // coding-agent backends: extra flags appended to the adapter's own arguments
    QString workingDirectory;    // process backend; empty = the workspace
    QVariantMap settings;        // backend-specific extras (e.g. demo duration_ms, steps)
    ModelSettings llm;           // backends "openai" and "anthropic"; pricing also for "codex"
    IsolationSettings isolation; // default for its goals: shared or a git worktree per goal
    // Where its program runs (process-based backends only): here, as a Slurm job, or on an SSH host (issue 19).
    ExecutorSpec executor;

    // The demo backend is for trying the app offline: it runs only goals that name it, or goals no other
    // profile could ever take (see Scheduler::chooseProfile).
    bool isDemo() const { return backend == QLatin1String("demo"); }
    bool hasCapabilities(const QStringList &required) const;
    QStringList missingCapabilities(const QStringList &required) const;
};

} // namespace switchboard
