#pragma once

#include "model/DeadlinePolicy.h"
#include "model/RetryPolicy.h"

#include <QDateTime>
#include <QHash>
#include <QSet>
#include <QStringList>
#include <QTimer>

#include <vector>

namespace switchboard {

class AgentTable;
class EscalationInbox;
class LockManager;
class RunHooks;
class Scheduler;
struct AgentRecord;

// The run's clockwork: attempt timeouts, idle timeouts, deadlines (fail or ask the human), retry backoffs
// coming due, per-profile rate-limit pauses and their resets, and goal and run budgets. Owns its timer, the
// agents it watches (only those with a timer of some kind), the rate limits and the budget state.
class Watchdog final
{
    Q_DISABLE_COPY_MOVE(Watchdog)

public:
    static constexpr int TickMs = 200;

    // context: owner of the questions it raises (their answers come back on its thread).
    Watchdog(QObject *context, RunHooks &hooks, AgentTable &table, Scheduler &scheduler, LockManager &locks,
             EscalationInbox &inbox);

    void setDeadlinePolicy(DeadlinePolicy policy) { m_deadlinePolicy = policy; }
    // Across all agents; crossing it stops running agents and fails the rest.
    void setRunBudget(const Budget &budget) { m_runBudget = budget; }
    bool isRunBudgetHit() const { return m_runBudgetHit; }
    // Crossing a goal's or the run's budget asks the human first (Raise by 50 % / Raise to ... / Stop) instead of
    // stopping at once. While the question is open the agent goes on up to twice its budget (then it stops), and
    // when it is the run's budget nothing new starts. Off (the default, and unattended runs): budgets stop at once.
    void setAskBeforeBudgetStop(bool ask) { m_askBudget = ask; }
    const Budget &runBudget() const { return m_runBudget; }

    // Starts watching the record if it has a deadline, a timeout or idle timeout of its profile, a wait (leases
    // to renew) or a retry backoff.
    void watch(AgentRecord &record);
    void ensureRunning();
    // The run went idle: the timer stops unless a rate limit still has to run out.
    void handleIdle();
    // Whether a queued goal may start now. A goal whose deadline has passed never starts: it is failed (soon
    // after, not from inside the scheduler's pick), or with on_deadline: escalate held until a human says keep
    // going (the question is raised by the next tick).
    bool mayStart(AgentRecord &record);
    // These agents are about to be removed.
    void forget(const QSet<QString> &agentIds);

    // The record's backend hit a rate limit: dispatch for its profile pauses for this long (at most
    // RateLimitPause::MaxS).
    void rateLimit(AgentRecord &record, int retryAfterS);
    // A human says "resume now": the profile's pause ends at once (false when it is not paused).
    bool endRateLimit(const QString &profile);
    // Until when (run clock) the profile is paused; -1 when it is not.
    qint64 rateLimitedUntilMs(const QString &profile) const { return m_rateLimitedUntilMs.value(profile, -1); }
    QStringList rateLimitedProfiles() const;
    // Stops the record's attempt when its goal is over budget, and everything when the run is.
    void checkBudgets(AgentRecord &record);
    // A running team's budget against its members' summed usage: asked about or stopped like a goal's budget,
    // the stop ending its members (RunHooks::endTeam).
    void checkTeamBudget(AgentRecord &team);

private:
    void tick();
    // Dispatch for the profile goes on; its agents' cards stop showing the pause. Returns the next iterator.
    QHash<QString, qint64>::iterator liftRateLimit(QHash<QString, qint64>::iterator it);
    bool needsWatching(const AgentRecord &record) const;
    void escalateDeadline(AgentRecord &record);
    // True when the goal is over its budget (asked about or stopped): the run's budget waits for the next check.
    bool checkGoalBudget(AgentRecord &record);
    void checkRunBudget();
    static bool mayStopForBudget(const AgentRecord &record);
    void stopForBudget(AgentRecord &record, const QString &reason);
    void askGoalBudget(AgentRecord &record);
    void askRunBudget(qint64 tokens, double cost);
    void stopForRunBudget(const QString &reason);

    QObject *const m_context;
    RunHooks &m_hooks;
    AgentTable &m_table;
    Scheduler &m_scheduler;
    LockManager &m_locks;
    EscalationInbox &m_inbox;
    QTimer m_timer;
    std::vector<AgentRecord *> m_watched;        // what the watchdog looks at (not every agent)
    QHash<QString, qint64> m_rateLimitedUntilMs; // profile -> run clock time
    DeadlinePolicy m_deadlinePolicy = DeadlinePolicy::Fail;
    Budget m_runBudget;
    bool m_runBudgetHit = false;
    bool m_askBudget = false;
    QString m_runBudgetQuestion; // the open question about the run's budget
};

} // namespace switchboard
