#pragma once

#include <QHash>
#include <QList>
#include <QSet>
#include <QString>
#include <QStringList>

#include <functional>

class QObject;

namespace switchboard {

class AgentEventQueue;
class AgentTable;
class GoalIntake;
class RunHooks;
class Scheduler;
struct AgentRecord;
struct AgentStatus;
struct Goal;

// The orchestrator's room for team goals (issue 16). A team goal runs no agent: when it is dispatched it holds no
// slot and this room spawns its members as TeamFlow says, one decision after each member that ends; when the
// pattern is done it ends the team with the result made from its members'. It keeps each team's members in spawn
// order, the team card's strip, stage and summed usage, and stops every member when the team is cancelled or stopped
// (its budget). Orchestrator thread only.
class TeamCoordinator final
{
    Q_DISABLE_COPY_MOVE(TeamCoordinator)

public:
    using Cancel = std::function<bool(const QString &agentId)>;
    using Stop = std::function<bool(const QString &agentId, const QString &reason, const QString &errorKind)>;

    // context: where decisions are queued (the orchestrator). cancel/stop: the lifecycle's, for members.
    TeamCoordinator(QObject *context, RunHooks &hooks, AgentTable &table, Scheduler &scheduler, GoalIntake &intake,
                    AgentEventQueue &events, Cancel cancel, Stop stop);

    // What a status shows of its goal's team place: teamKind, memberOf, memberLabel (spawn and restore).
    static void describe(AgentStatus &status, const Goal &goal);

    // Checks a running team's budget against its members' summed usage (the watchdog: asks, or stops the team).
    void setBudgetCheck(std::function<void(AgentRecord &team)> check) { m_checkBudget = std::move(check); }

    bool isEmpty() const { return m_members.isEmpty() && m_teams.isEmpty(); }

    // The team goal was dispatched: it runs (without a slot) and its first members are spawned.
    void start(AgentRecord &team);
    // A member's status changed (progress, usage, state): the team's strip and usage follow; a team budget is checked.
    void memberChanged(const AgentRecord &member);
    // A member reached a final state (reported, durable): the team decides what comes next.
    void memberEnded(const QString &agentId);
    // Cancel (empty reason) or stop (a reason and error kind) a running team: every member that has not ended is
    // cancelled or stopped, and the team ends once they all have.
    void end(AgentRecord &team, const QString &reason, const QString &errorKind);
    // After a restore: which goals are whose members, from the goals themselves.
    void rebuild();
    void forget(const QSet<QString> &agentIds);

    // A team's members' goal ids in spawn order.
    QStringList members(const QString &teamGoalId) const { return m_members.value(teamGoalId); }

private:
    void schedule(const QString &teamGoalId);
    void decide(const QString &teamGoalId);
    void refresh(AgentRecord &team);
    void finish(AgentRecord &team, const struct AgentResult &result);

    std::function<void(AgentRecord &team)> m_checkBudget;
    QObject *const m_context;
    RunHooks &m_hooks;
    AgentTable &m_table;
    Scheduler &m_scheduler;
    GoalIntake &m_intake;
    AgentEventQueue &m_events;
    Cancel m_cancel;
    Stop m_stop;
    QHash<QString, QStringList> m_members; // team goal id -> member goal ids, in spawn order
    QSet<QString> m_teams;                 // team goal ids that run (started, not finished)
    QSet<QString> m_scheduled;             // team goal ids with a decision queued
    struct Ending
    {
        QString reason; // empty: cancelled
        QString errorKind;
    };
    QHash<QString, Ending> m_ending; // team goal id -> why it is being ended
};

} // namespace switchboard
