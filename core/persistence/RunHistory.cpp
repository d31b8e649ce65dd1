#include "RunHistory.h"

namespace switchboard {

void RunHistory::index()
{
    auto built = std::make_shared<Index>();
    built->agentCount = agents.size();
    built->goalCount = goals.size();
    built->attemptCount = attempts.size();
    built->escalationCount = escalations.size();
    built->agent.reserve(agents.size());
    for (qsizetype i = agents.size() - 1; i >= 0; --i)
        built->agent.insert(agents.at(i).agentId, i);
    built->goal.reserve(goals.size());
    // Backwards, so the first match wins, as with a scan.
    for (qsizetype i = goals.size() - 1; i >= 0; --i)
        built->goal.insert(goals.at(i).agentId, i);
    for (qsizetype i = 0; i < attempts.size(); ++i)
        built->attempts[attempts.at(i).agentId].append(i);
    for (qsizetype i = 0; i < escalations.size(); ++i)
        built->escalations[escalations.at(i).agentId].append(i);
    m_index = std::move(built);
}

bool RunHistory::isIndexed() const
{
    return m_index && m_index->agentCount == agents.size() && m_index->goalCount == goals.size() &&
           m_index->attemptCount == attempts.size() && m_index->escalationCount == escalations.size();
}

std::optional<AgentStatus> RunHistory::agent(const QString &agentId) const
{
    if (isIndexed()) {
        const auto it = m_index->agent.constFind(agentId);
        return it == m_index->agent.cend() ? std::nullopt : std::optional<AgentStatus>(agents.at(it.value()));
    }
    for (const AgentStatus &status : agents) {
        if (status.agentId == agentId)
            return status;
    }
    return std::nullopt;
}

std::optional<GoalRecord> RunHistory::goalOfAgent(const QString &agentId) const
{
    if (isIndexed()) {
        const auto it = m_index->goal.constFind(agentId);
        return it == m_index->goal.cend() ? std::nullopt : std::optional<GoalRecord>(goals.at(it.value()));
    }
    for (const GoalRecord &goal : goals) {
        if (goal.agentId == agentId)
            return goal;
    }
    return std::nullopt;
}

QList<AttemptRecord> RunHistory::attemptsOf(const QString &agentId) const
{
    QList<AttemptRecord> result;
    if (isIndexed()) {
        for (const qsizetype i : m_index->attempts.value(agentId))
            result.append(attempts.at(i));
        return result;
    }
    for (const AttemptRecord &attempt : attempts) {
        if (attempt.agentId == agentId)
            result.append(attempt);
    }
    return result;
}

QList<Escalation> RunHistory::escalationsOf(const QString &agentId) const
{
    QList<Escalation> result;
    if (isIndexed()) {
        for (const qsizetype i : m_index->escalations.value(agentId))
            result.append(escalations.at(i));
        return result;
    }
    for (const Escalation &escalation : escalations) {
        if (escalation.agentId == agentId)
            result.append(escalation);
    }
    return result;
}

} // namespace switchboard
