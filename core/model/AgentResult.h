#pragma once

#include "ErrorKind.h"

#include <QString>

namespace switchboard {

// What a backend's run() returns: how the attempt ended and what it produced.
struct AgentResult
{
    enum class Outcome
    {
        Completed,
        Failed,
        Cancelled,
    };

    Outcome outcome = Outcome::Completed;
    QString summary; // result summary (Completed)
    QString error;   // what went wrong (Failed)
    int exitCode = 0;
    // Why it failed, for retry decisions: exit, crash, spawn, timeout, idle_timeout, deadline,
    // rate_limited, budget, loop, no_improvement, lock_lost, invalid, internal.
    QString errorKind;
    // Pipeline/handoff data and other structured output a dependent receives (JSON text).
    QString output;

    static AgentResult completed(const QString &summary)
    {
        AgentResult r;
        r.summary = summary;
        return r;
    }
    static AgentResult failed(const QString &error, int exitCode = -1,
                              const QString &kind = errorKindName(ErrorKind::Exit))
    {
        AgentResult r;
        r.outcome = Outcome::Failed;
        r.error = error;
        r.exitCode = exitCode;
        r.errorKind = kind;
        return r;
    }
    static AgentResult cancelled()
    {
        AgentResult r;
        r.outcome = Outcome::Cancelled;
        r.error = QStringLiteral("cancelled");
        return r;
    }
};

} // namespace switchboard
