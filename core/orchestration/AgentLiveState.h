#pragma once

#include <QString>
#include <QtGlobal>

namespace switchboard {

// What an agent reported since the orchestrator last looked; progress is coalesced (latest wins).
struct AgentLiveState
{
    int progress = 0;
    QString step;
    qint64 inputTokens = 0;
    qint64 outputTokens = 0;
    double costUsd = 0.0;
    int turns = 0;           // the agent program's turns in this attempt (recordTurns); latest wins
    quint64 activity = 0;    // grows with every report: output, progress, heartbeat (idle timeout)
    int rateLimitedForS = 0; // > 0: the backend hit a rate limit; reset by takeLiveState()
    bool handedOff = false;  // pipeline: the agent sent its handoff
    QString handoffData;
    QString agentSession;      // the agent program's session id (recordAgentSession); empty until reported
    QString executor;          // where the program runs when not here ("slurm (debug)"; recordExecutor); empty = local
    QString externalId;        // the executor's id for it (recordExternalId); empty until known
    qint64 queuedMs = 0;       // ended periods in the executor's queue (setExternallyQueued)
    qint64 queuedSinceMs = -1; // ms since the epoch (UTC) it waits in the queue since; -1 = not waiting
};

} // namespace switchboard
