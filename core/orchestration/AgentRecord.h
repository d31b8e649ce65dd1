#pragma once

#include "model/AgentStatus.h"
#include "model/Goal.h"
#include "review/ReviewTypes.h"

#include <QString>

#include <memory>
#include <optional>

namespace switchboard {

class AttemptContext;
class AgentLog;
class AgentTranscript;

// Everything the orchestrator keeps about one agent: its status as views see it, its goal, its log, the
// attempt in flight and the bookkeeping of retries, waits and timers. Owned by AgentTable; the other rooms
// of the orchestrator hold references (records never move while they exist).
struct AgentRecord
{
    AgentStatus status;
    Goal goal;
    std::shared_ptr<AgentLog> log;
    std::shared_ptr<AgentTranscript> transcript; // model agents: their recent transcript; null until the first step
    std::shared_ptr<AttemptContext> context;     // while an attempt runs
    std::shared_ptr<AttemptContext> pooled;      // dispatched ahead: in the pool's queue, not started (still Queued)
    bool runnerWaiting = false;                  // its runner waits for a human or a lock (not counted as running)
    qint64 runMs = 0;
    bool cancelRequested = false;
    // Usage of earlier attempts: costs add up across retries.
    qint64 baseInputTokens = 0;
    qint64 baseOutputTokens = 0;
    double baseCostUsd = 0.0;
    int baseTurns = 0;          // turns of the attempts before this one
    qint64 attemptStartMs = -1; // run clock time the running attempt started
    quint64 lastActivity = 0;
    qint64 lastActivityMs = -1;
    qint64 retryAtMs = -1; // run clock time of the next attempt while backing off
    QString output;        // what dependents receive: result summary or handoff data
    bool handedOff = false;
    bool failureEscalated = false; // waiting on a human after its retries ran out
    int retryOffset = 0;           // attempts before the last "Retry" answer: retries count from here
    bool deadlineAsked = false;    // on_deadline: escalate asked once; "keep going" is remembered
    bool deadlineGoAhead = false;  // a human said "keep going" after its deadline: it may still start
    QString budgetQuestion;        // the open question about its budget (asked before it is stopped)
    bool durable = true;           // with a store: its goal is committed (only then may it be dispatched)
    bool held = false;             // Interrupted after a restore, waiting for resumeInterrupted()
    bool dirty = false;            // in UpdatePublisher's list: published with the next agentsUpdated()
    bool watched = false;          // in Watchdog's list: the watchdog looks at it
    // isolation: worktree: the goal's worktree once made (a follow-up's is its original's: same goal id in it).
    std::optional<WorktreeRecord> worktree;
};

} // namespace switchboard
