#pragma once

#include "AgentLiveState.h"

#include "Scheduler.h"
#include "model/AgentResult.h"
#include "model/AgentState.h"

#include <QDateTime>
#include <QRandomGenerator>
#include <QString>

namespace switchboard {

class AgentTable;
class EscalationInbox;
class LockManager;
class RunHooks;
class RunRecorder;
class Watchdog;
struct AgentRecord;
struct Escalation;
struct RetryPolicy;

// One attempt from start to end and what follows it: begin, live reports, waits, finish, retry with
// backoff, exhausted retries -> a `failure` question (Retry / Skip / Cancel dependents), blocked dependents,
// cancel and stop. Owns the retry jitter and the run's timing totals (first start, last finish, agent time).
class AttemptLifecycle final
{
    Q_DISABLE_COPY_MOVE(AttemptLifecycle)

public:
    // context: owner of the questions it raises (their answers come back on its thread).
    AttemptLifecycle(QObject *context, RunHooks &hooks, AgentTable &table, Scheduler &scheduler, LockManager &locks,
                     EscalationInbox &inbox, RunRecorder &recorder, Watchdog &watchdog);

    // The scheduler's state for an agent state (a final state ends the goal there; anything else is pending).
    static Scheduler::GoalState goalStateFor(AgentState state);

    void setEscalateExhaustedRetries(bool enabled) { m_escalateExhausted = enabled; }

    void beginAttempt(AgentRecord &record, qint64 nowMs, const QDateTime &nowUtc);
    // Takes what the running attempt reported since the last look (progress, usage, activity, rate limit,
    // handoff, transcript steps) into the status, the store and the budgets.
    void applyLiveState(AgentRecord &record);
    // The runner began (state Escalated/WaitingForLock) or ended (Running) a wait for a human or a lock.
    void handleWaitChanged(AgentRecord &record, AgentState state);
    // now: the clock as read for the batch of events this finish came in.
    void handleFinished(AgentRecord &record, const AgentResult &result, qint64 nowMs, const QDateTime &nowUtc);
    void handleLockLost(const QString &agentId, const QString &resource, const QString &how);

    // Ends a goal that is not running as Failed (its dependents are blocked once that is reported).
    void failPending(AgentRecord &record, const QString &error, const QString &kind);
    void applyBlocked(const QList<Scheduler::BlockedGoal> &blocked);
    // A goal in Review is over: merged -> Completed (its dependents start), discarded -> Cancelled (they are
    // blocked). `note` goes to its log. The worktree's new state is recorded by the caller.
    void endReview(AgentRecord &record, bool merged, const QString &note);
    bool cancel(const QString &agentId);
    bool stopAgent(const QString &agentId, const QString &reason, const QString &errorKind);

    qint64 firstStartMs() const { return m_firstStartMs; }
    qint64 lastFinishMs() const { return m_lastFinishMs; }
    qint64 agentTimeMs() const { return m_agentTimeMs; }

private:
    const RetryPolicy &retryPolicy(const AgentRecord &record) const;
    // The transcript steps the running attempt recorded since the last look: into the agent's live copy and
    // the store, in their order.
    void collectTranscript(AgentRecord &record);
    // The agent session and the new worktree the running attempt reported, into the record and the store.
    void collectSessionAndWorktree(AgentRecord &record, const AgentLiveState &live);
    void escalateFailure(AgentRecord &record, const QString &error);
    void handleFailureAnswer(const QString &agentId, const Escalation &escalation);
    // A final state is durable (or there is no store): the scheduler ends the goal, the signal goes out, its
    // dependents are blocked or may start.
    void reportEnded(const QString &agentId, const QString &goalId, Scheduler::GoalState ended,
                     AgentResult::Outcome how, const QString &text);
    // failPending, then the next dispatch and the idle check.
    void finishAsFailed(AgentRecord &record, const QString &error, const QString &kind);

    QObject *const m_context;
    RunHooks &m_hooks;
    AgentTable &m_table;
    Scheduler &m_scheduler;
    LockManager &m_locks;
    EscalationInbox &m_inbox;
    RunRecorder &m_recorder;
    Watchdog &m_watchdog;
    // Seeded per process: with a fixed seed every process drew the same jitter (55,933 ms in three separate
    // runs), so restarted or parallel runs retried in lockstep against the same server.
    QRandomGenerator m_random{QRandomGenerator::securelySeeded()};
    bool m_escalateExhausted = true;
    qint64 m_firstStartMs = -1;
    qint64 m_lastFinishMs = -1;
    qint64 m_agentTimeMs = 0;
};

} // namespace switchboard
