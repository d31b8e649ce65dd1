#include "AgentTable.h"

#include <algorithm>

namespace switchboard {

AgentRecord *AgentTable::record(const QString &agentId)
{
    const auto it = m_records.find(agentId);
    return it == m_records.end() ? nullptr : it->second.get();
}

const AgentRecord *AgentTable::record(const QString &agentId) const
{
    const auto it = m_records.find(agentId);
    return it == m_records.end() ? nullptr : it->second.get();
}

AgentRecord *AgentTable::add(std::unique_ptr<AgentRecord> record)
{
    AgentRecord &r = *record;
    // Checked before any index changes: a refused record must leave nothing behind that points to it.
    if (m_byGoal.contains(r.goal.id))
        return nullptr;
    if (!m_records.try_emplace(r.status.agentId, std::move(record)).second)
        return nullptr;
    ++m_stateCounts[static_cast<size_t>(r.status.state)];
    m_order << r.status.agentId;
    m_orderRecords.push_back(&r);
    m_byGoal.insert(r.goal.id, &r);
    return &r;
}

void AgentTable::reserve(qsizetype count)
{
    const qsizetype expected = static_cast<qsizetype>(m_records.size()) + count;
    m_records.reserve(static_cast<size_t>(expected));
    m_byGoal.reserve(expected);
    m_order.reserve(expected);
    m_orderRecords.reserve(static_cast<size_t>(expected));
}

int AgentTable::remove(const QSet<QString> &agentIds)
{
    // The order first, while the records it points to are still there.
    m_orderRecords.erase(
        std::remove_if(m_orderRecords.begin(), m_orderRecords.end(),
                       [&agentIds](const AgentRecord *r) { return agentIds.contains(r->status.agentId); }),
        m_orderRecords.end());
    int removed = 0;
    for (const QString &id : agentIds) {
        const auto it = m_records.find(id);
        if (it == m_records.end())
            continue;
        --m_stateCounts[static_cast<size_t>(it->second->status.state)];
        m_byGoal.remove(it->second->goal.id);
        m_records.erase(it);
        ++removed;
    }
    m_order.erase(std::remove_if(m_order.begin(), m_order.end(),
                                 [&agentIds](const QString &id) { return agentIds.contains(id); }),
                  m_order.end());
    return removed;
}

bool AgentTable::setState(AgentRecord &record, AgentState state)
{
    if (record.status.state == state)
        return false;
    --m_stateCounts[static_cast<size_t>(record.status.state)];
    ++m_stateCounts[static_cast<size_t>(state)];
    record.status.state = state;
    return true;
}

int AgentTable::unfinishedCount() const
{
    return count(AgentState::Queued) + count(AgentState::Running) + count(AgentState::WaitingForLock) +
           count(AgentState::Escalated) + count(AgentState::Paused) + count(AgentState::Interrupted);
}

} // namespace switchboard
