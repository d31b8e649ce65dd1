#include "TeamCoordinator.h"

#include "AgentEventQueue.h"
#include "AgentLog.h"
#include "AgentRecord.h"
#include "AgentTable.h"
#include "GoalIntake.h"
#include "RunHooks.h"
#include "Scheduler.h"
#include "TeamFlow.h"
#include "model/AgentResult.h"
#include "model/ErrorKind.h"

#include <QObject>

namespace switchboard {

TeamCoordinator::TeamCoordinator(QObject *context, RunHooks &hooks, AgentTable &table, Scheduler &scheduler,
                                 GoalIntake &intake, AgentEventQueue &events, Cancel cancel, Stop stop)
    : m_context(context)
    , m_hooks(hooks)
    , m_table(table)
    , m_scheduler(scheduler)
    , m_intake(intake)
    , m_events(events)
    , m_cancel(std::move(cancel))
    , m_stop(std::move(stop))
{}

void TeamCoordinator::describe(AgentStatus &status, const Goal &goal)
{
    if (goal.team) {
        status.teamKind = teamKindToString(goal.team->kind);
        status.memberStates.clear();
    }
    if (goal.member) {
        status.memberOf = goal.member->team;
        status.memberLabel = goal.member->label();
    }
}

void TeamCoordinator::start(AgentRecord &team)
{
    AgentStatus &s = team.status;
    m_teams.insert(s.goalId);
    m_hooks.beginAttempt(team, m_hooks.nowMs(), QDateTime::currentDateTimeUtc());
    // A team is never retried as a whole (its members retry on their own): only its interruptions add attempts.
    s.maxAttempts = qMax(s.maxAttempts, s.attempt);
    team.log->append(QStringLiteral("team started: %1").arg(team.goal.team->describe()));
    refresh(team);
    schedule(s.goalId);
}

void TeamCoordinator::memberChanged(const AgentRecord &member)
{
    AgentRecord *team = m_table.recordForGoal(member.goal.member->team);
    if (!team || !team->goal.team)
        return;
    refresh(*team);
    // Its budget against the summed usage: the watchdog asks or stops, as for a goal (once, not while ending).
    if (team->goal.budget.isSet() && !m_ending.contains(team->status.goalId) && m_checkBudget)
        m_checkBudget(*team);
}

void TeamCoordinator::memberEnded(const QString &agentId)
{
    const AgentRecord *r = m_table.record(agentId);
    if (r && r->goal.member)
        schedule(r->goal.member->team);
}

void TeamCoordinator::end(AgentRecord &team, const QString &reason, const QString &errorKind)
{
    const QString teamId = team.status.goalId;
    if (!m_ending.contains(teamId)) {
        m_ending.insert(teamId, Ending{reason, errorKind});
        team.log->append(reason.isEmpty() ? QStringLiteral("team cancelled: cancelling its members")
                                          : QStringLiteral("%1: stopping its members").arg(reason));
    }
    for (const QString &memberId : m_members.value(teamId)) {
        const AgentRecord *m = m_table.recordForGoal(memberId);
        if (!m || isFinalState(m->status.state))
            continue;
        const QString agentId = m->status.agentId;
        if (reason.isEmpty() || m->status.state == AgentState::Review)
            m_cancel(agentId);
        else if (!m_stop(agentId, reason, errorKind))
            m_cancel(agentId); // not running: nothing to stop, it must not start either
    }
    schedule(teamId);
}

void TeamCoordinator::rebuild()
{
    m_members.clear();
    QList<AgentRecord *> teams;
    m_table.forEach([this, &teams](AgentRecord &r) {
        if (r.goal.member)
            m_members[r.goal.member->team] << r.goal.id;
        if (r.goal.team)
            teams << &r;
    });
    for (AgentRecord *team : std::as_const(teams))
        refresh(*team);
}

void TeamCoordinator::forget(const QSet<QString> &agentIds)
{
    if (m_members.isEmpty())
        return;
    for (const QString &agentId : agentIds) {
        const AgentRecord *r = m_table.record(agentId);
        if (!r)
            continue;
        if (r->goal.team)
            m_members.remove(r->goal.id);
        else if (r->goal.member)
            m_members[r->goal.member->team].removeAll(r->goal.id);
    }
}

void TeamCoordinator::schedule(const QString &teamGoalId)
{
    if (m_scheduled.contains(teamGoalId))
        return;
    m_scheduled.insert(teamGoalId);
    // Decided on a later turn: never inside the dispatch or the report that got here (spawning goes back into both).
    QMetaObject::invokeMethod(
        m_context,
        [this, teamGoalId] {
            m_scheduled.remove(teamGoalId);
            decide(teamGoalId);
        },
        Qt::QueuedConnection);
}

void TeamCoordinator::refresh(AgentRecord &team)
{
    AgentStatus &s = team.status;
    const QStringList ids = m_members.value(s.goalId);
    s.memberStates.clear();
    s.memberStates.reserve(ids.size());
    qint64 in = 0;
    qint64 out = 0;
    double cost = 0.0;
    int turns = 0;
    for (const QString &id : ids) {
        const AgentRecord *m = m_table.recordForGoal(id);
        if (!m)
            continue;
        s.memberStates << m->status.state;
        in += m->status.inputTokens;
        out += m->status.outputTokens;
        cost += m->status.costUsd;
        turns += m->status.turns;
    }
    s.inputTokens = in;
    s.outputTokens = out;
    s.costUsd = cost;
    s.turns = turns;
    m_hooks.markDirty(team);
}

void TeamCoordinator::decide(const QString &teamGoalId)
{
    AgentRecord *team = m_table.recordForGoal(teamGoalId);
    if (!team || !team->goal.team || team->status.state != AgentState::Running || !m_teams.contains(teamGoalId))
        return;
    QList<TeamFlow::Member> members;
    bool allEnded = true;
    for (const QString &id : m_members.value(teamGoalId)) {
        const AgentRecord *m = m_table.recordForGoal(id);
        if (!m)
            continue;
        members.append({m->goal, m->status.state, m->status.summary, m->output, m->status.error});
        allEnded = allEnded && isFinalState(m->status.state);
    }
    if (const auto ending = m_ending.constFind(teamGoalId); ending != m_ending.cend()) {
        if (!allEnded)
            return; // the last member to end brings the team back here
        const AgentResult result = ending->reason.isEmpty()
                                       ? AgentResult::cancelled()
                                       : AgentResult::failed(ending->reason, -1, ending->errorKind);
        finish(*team, result);
        return;
    }
    // The team's inputs, for its members: the dependencies that succeeded (a `when: {succeeded: false}` one did not).
    QStringList inputs;
    for (const QString &dep : team->goal.dependsOn) {
        const AgentRecord *d = m_table.recordForGoal(dep);
        if (d && d->status.state == AgentState::Completed)
            inputs << dep;
    }
    const TeamFlow::Step step = TeamFlow::next(team->goal, members, inputs, m_scheduler.profiles());
    AgentStatus &s = team->status;
    if (s.currentStep != step.stage || s.progress != step.progress) {
        s.currentStep = step.stage;
        s.progress = step.progress;
        m_hooks.notifyProgress(s.agentId, s.progress, s.currentStep);
    }
    switch (step.action) {
    case TeamFlow::Step::Action::Wait:
        refresh(*team);
        return;
    case TeamFlow::Step::Action::Spawn: {
        QString error;
        const QStringList agents = m_intake.spawn(step.spawn, &error);
        if (agents.isEmpty()) {
            finish(*team, AgentResult::failed(QStringLiteral("could not start its members: %1").arg(error), -1,
                                              errorKindName(ErrorKind::Invalid)));
            return;
        }
        QStringList &ids = m_members[teamGoalId];
        QStringList names;
        for (const Goal &g : step.spawn) {
            ids << g.id;
            names << g.member->label();
        }
        team->log->append(QStringLiteral("%1: started %2").arg(step.stage, names.join(QStringLiteral(", "))));
        refresh(*team);
        return;
    }
    case TeamFlow::Step::Action::Complete: {
        AgentResult result = AgentResult::completed(step.summary);
        result.output = step.output;
        team->log->append(QStringLiteral("team done (%1)").arg(step.stage));
        finish(*team, result);
        return;
    }
    case TeamFlow::Step::Action::Fail:
        finish(*team, AgentResult::failed(step.error, -1, errorKindName(ErrorKind::Exit)));
        return;
    }
}

void TeamCoordinator::finish(AgentRecord &team, const AgentResult &result)
{
    const QString teamId = team.status.goalId;
    m_teams.remove(teamId);
    m_ending.remove(teamId);
    refresh(team);
    // Through the event queue like any attempt's end, so the lifecycle records and reports it in order.
    m_events.post({AgentEvent::Kind::Finished, team.status.agentId, nullptr, result});
}

} // namespace switchboard
