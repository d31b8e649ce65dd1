// The Orchestrator's part in team goals (issue 16): the hooks through which dispatch, cancel and the end of a member
// reach the TeamCoordinator, and what front ends read of teams. Kept apart from Orchestrator.cpp, which runs the
// goals.
#include "Orchestrator.h"

#include "AgentRecord.h"
#include "AgentTable.h"
#include "TeamCoordinator.h"

namespace switchboard {

void Orchestrator::memberEnded(const QString &agentId)
{
    if (!m_teams->isEmpty())
        m_teams->memberEnded(agentId);
}

void Orchestrator::startTeam(AgentRecord &record)
{
    m_teams->start(record);
}

void Orchestrator::endTeam(AgentRecord &record, const QString &reason, const QString &errorKind)
{
    m_teams->end(record, reason, errorKind);
}

QString Orchestrator::goalOutput(const QString &goalId) const
{
    const AgentRecord *r = m_table->recordForGoal(goalId);
    return r ? r->output : QString();
}

QStringList Orchestrator::teamMembers(const QString &teamGoalId) const
{
    return m_teams->members(teamGoalId);
}

} // namespace switchboard
