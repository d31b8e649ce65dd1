#include "RunHistory.h"

namespace switchboard {

std::optional<AgentStatus> RunHistory::agent(const QString &agentId) const
{
    for (const AgentStatus &status : agents) {
        if (status.agentId == agentId)
            return status;
    }
    return std::nullopt;
}

std::optional<GoalRecord> RunHistory::goalOfAgent(const QString &agentId) const
{
    for (const GoalRecord &goal : goals) {
        if (goal.agentId == agentId)
            return goal;
    }
    return std::nullopt;
}

QList<AttemptRecord> RunHistory::attemptsOf(const QString &agentId) const
{
    QList<AttemptRecord> result;
    for (const AttemptRecord &attempt : attempts) {
        if (attempt.agentId == agentId)
            result.append(attempt);
    }
    return result;
}

QList<Escalation> RunHistory::escalationsOf(const QString &agentId) const
{
    QList<Escalation> result;
    for (const Escalation &escalation : escalations) {
        if (escalation.agentId == agentId)
            result.append(escalation);
    }
    return result;
}

} // namespace switchboard
