#include "AgentTable.h"

#include <algorithm>

namespace switchboard {

qint64 AgentTable::agentNumber(QStringView agentId)
{
    constexpr qsizetype kMaxDigits = 15; // far below qint64's range
    const qsizetype digits = agentId.size() - 2;
    if (digits < 1 || digits > kMaxDigits || agentId[0] != u'a' || agentId[1] != u'-')
        return -1;
    qint64 n = 0;
    for (qsizetype i = 2; i < agentId.size(); ++i) {
        const char16_t c = agentId[i].unicode();
        if (c < u'0' || c > u'9')
            return -1;
        n = n * 10 + (c - u'0');
    }
    return n;
}

AgentRecord *AgentTable::find(const QString &agentId) const
{
    if (const qint64 n = agentNumber(agentId); n >= m_numberBase && m_numberBase >= 0) {
        const auto index = static_cast<size_t>(n - m_numberBase);
        if (index < m_byNumber.size()) {
            if (AgentRecord *r = m_byNumber[index].get(); r && r->status.agentId == agentId)
                return r;
        }
    }
    if (m_others.empty())
        return nullptr;
    const auto it = m_others.find(agentId);
    return it == m_others.end() ? nullptr : it->second.get();
}

AgentRecord *AgentTable::record(const QString &agentId)
{
    return find(agentId);
}

const AgentRecord *AgentTable::record(const QString &agentId) const
{
    return find(agentId);
}

std::unique_ptr<AgentRecord> *AgentTable::slotFor(qint64 n)
{
    if (n < 0)
        return nullptr;
    if (m_numberBase < 0)
        m_numberBase = n;
    if (n < m_numberBase)
        return nullptr;
    const auto index = static_cast<size_t>(n - m_numberBase);
    // Numbers come in rising order (spawns count up from the store's floor), so they land at the end; one far from
    // the rest would leave a long run of empty slots and goes to the hash instead.
    const size_t reach = std::max<size_t>(4096, 4 * m_orderRecords.size());
    if (index >= m_byNumber.size() + reach)
        return nullptr;
    if (index >= m_byNumber.size())
        m_byNumber.resize(index + 1);
    return &m_byNumber[index];
}

AgentRecord *AgentTable::add(std::unique_ptr<AgentRecord> record)
{
    AgentRecord &r = *record;
    const QString &agentId = r.status.agentId;
    // Checked before any index changes: a refused record must leave nothing behind that points to it.
    if (find(agentId))
        return nullptr;
    // One hash of the goal id for the check and the insert: a new key gets a null value here.
    const qsizetype goals = m_byGoal.size();
    AgentRecord *&byGoal = m_byGoal[r.goal.id];
    if (m_byGoal.size() == goals)
        return nullptr; // the goal is there already (left as it was)
    byGoal = &r;
    std::unique_ptr<AgentRecord> *slot = slotFor(agentNumber(agentId));
    if (slot && *slot)
        slot = nullptr; // "a-07" where "a-7" is: by hash
    if (slot)
        *slot = std::move(record);
    else
        m_others.emplace(agentId, std::move(record));
    ++m_stateCounts[static_cast<size_t>(r.status.state)];
    m_order << agentId;
    m_orderRecords.push_back(&r);
    return &r;
}

void AgentTable::reserve(qsizetype count)
{
    const qsizetype expected = static_cast<qsizetype>(m_orderRecords.size()) + count;
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
        AgentRecord *r = find(id);
        if (!r)
            continue;
        --m_stateCounts[static_cast<size_t>(r->status.state)];
        m_byGoal.remove(r->goal.id);
        if (const qint64 n = agentNumber(id); m_numberBase >= 0 && n >= m_numberBase &&
                                              static_cast<size_t>(n - m_numberBase) < m_byNumber.size() &&
                                              m_byNumber[static_cast<size_t>(n - m_numberBase)].get() == r)
            m_byNumber[static_cast<size_t>(n - m_numberBase)].reset();
        else
            m_others.erase(id);
        ++removed;
    }
    if (m_orderRecords.empty()) {
        // Nothing left: the next spawn's numbers start a fresh index (no slots kept for every agent ever removed).
        m_byNumber.clear();
        m_byNumber.shrink_to_fit();
        m_numberBase = -1;
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
