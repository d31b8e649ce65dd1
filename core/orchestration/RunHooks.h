#pragma once

#include "Scheduler.h"
#include "model/AgentState.h"

#include <QDateTime>
#include <QString>

namespace switchboard {

struct AgentRecord;

// What the orchestrator's rooms (Dispatcher, AttemptLifecycle, Watchdog, RunRestorer, RunRecorder) ask of
// each other and of the facade, so that none of them holds another: the steps that tie a run together, and
// the news the facade turns into its signals. The Orchestrator implements it; tests may fake it.
class RunHooks
{
public:
    virtual ~RunHooks() = default;

    // --- steps that tie the rooms together (orchestrator thread) ---
    virtual qint64 nowMs() const = 0; // the run clock
    virtual void dispatch() = 0;
    virtual void checkIdle() = 0;
    // Moves the record to `state`: counts, the next agentsUpdated() and, unless final, the store.
    virtual void setState(AgentRecord &record, AgentState state) = 0;
    virtual void markDirty(AgentRecord &record) = 0;
    virtual void watch(AgentRecord &record) = 0;
    virtual void ensureWatchdog() = 0;
    virtual void settlePooled(AgentRecord &record) = 0;
    virtual void withdrawPooled() = 0;
    virtual void beginAttempt(AgentRecord &record, qint64 nowMs, const QDateTime &nowUtc) = 0;
    // Ends a goal that is not running (queued, backing off, or waiting on a human about its failure) as Failed.
    virtual void failPending(AgentRecord &record, const QString &error, const QString &kind) = 0;
    virtual void applyBlocked(const QList<Scheduler::BlockedGoal> &blocked) = 0;
    virtual bool isRunBudgetHit() const = 0;
    // A team goal (Goal::team) was dispatched: its members are spawned instead of an agent (TeamCoordinator).
    virtual void startTeam(AgentRecord &record) { Q_UNUSED(record) }
    // Cancel (empty reason) or stop a running team goal: its members first, then the team.
    virtual void endTeam(AgentRecord &record, const QString &reason, const QString &errorKind)
    {
        Q_UNUSED(record)
        Q_UNUSED(reason)
        Q_UNUSED(errorKind)
    }

    // --- news for the front ends ---
    virtual void notifySpawned(const QString &agentId) = 0;
    virtual void notifyStarted(const QString &agentId) = 0;
    virtual void notifyProgress(const QString &agentId, int progress, const QString &step) = 0;
    virtual void notifyCompleted(const QString &agentId, const QString &summary) = 0;
    virtual void notifyFailed(const QString &agentId, const QString &error) = 0;
    virtual void notifyCancelled(const QString &agentId) = 0;
    virtual void notifyBlocked(const QString &agentId, const QString &reason) = 0;
    // The goal's `when` condition was false, or a dependency was skipped: it ended Skipped without running.
    virtual void notifySkipped(const QString &agentId, const QString &reason)
    {
        Q_UNUSED(agentId)
        Q_UNUSED(reason)
    }
    // The agent finished in its worktree with changes: it waits in Review for a human's merge or discard.
    virtual void notifyReview(const QString &agentId) { Q_UNUSED(agentId) }
    virtual void notifyRetryScheduled(const QString &agentId, int nextAttempt, qint64 delayMs,
                                      const QString &error) = 0;
    virtual void notifyProfileRateLimited(const QString &profile, const QDateTime &until) = 0;
    virtual void notifyRunBudgetExceeded(const QString &reason) = 0;
};

} // namespace switchboard
