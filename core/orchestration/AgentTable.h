#pragma once

#include "AgentRecord.h"

#include <QHash>
#include <QSet>
#include <QStringList>

#include <array>
#include <memory>
#include <unordered_map>
#include <vector>

namespace switchboard {

// The orchestrator's agents: every AgentRecord by agent id and by goal id, the spawn order and how many agents
// are in each state. The one place agent state lives; the other rooms get references to records from here.
class AgentTable final
{
    Q_DISABLE_COPY_MOVE(AgentTable)

public:
    AgentTable() = default;

    AgentRecord *record(const QString &agentId);
    const AgentRecord *record(const QString &agentId) const;
    // One lookup, not two (goal -> agent id -> record).
    AgentRecord *recordForGoal(const QString &goalId) { return m_byGoal.value(goalId); }
    const AgentRecord *recordForGoal(const QString &goalId) const { return m_byGoal.value(goalId); }
    bool containsGoal(const QString &goalId) const { return m_byGoal.contains(goalId); }

    // Takes a new record (its status filled in: agent id, goal id, state) at the end of the spawn order. Refuses
    // (returns null, deletes the record, changes nothing) one whose agent id or goal id the table has already:
    // replacing would leave the old record's holders (publisher, watchdog, dispatcher) with a dangling pointer.
    AgentRecord *add(std::unique_ptr<AgentRecord> record);
    void reserve(qsizetype count);
    // Removes these agents; returns how many were removed.
    int remove(const QSet<QString> &agentIds);

    // Moves the record to `state` and keeps the counts; false when it was in that state already.
    bool setState(AgentRecord &record, AgentState state);
    int count(AgentState state) const { return m_stateCounts[static_cast<size_t>(state)]; }
    // Queued, running, waiting, paused or interrupted agents: the run is not over while there are any.
    int unfinishedCount() const;

    // Agent ids in spawn order.
    const QStringList &order() const { return m_order; }
    bool isEmpty() const { return m_orderRecords.empty(); }
    qsizetype size() const { return m_order.size(); }

    // Calls f(AgentRecord &) for every agent in spawn order (f must not add or remove agents).
    // Walks the records in order without a lookup per agent: a hash lookup each (and its cache misses) was the
    // biggest part of a walk over a restored run of 1,000,000 agents.
    template<typename F> void forEach(F &&f)
    {
        for (AgentRecord *r : m_orderRecords)
            f(*r);
    }
    template<typename F> void forEach(F &&f) const
    {
        for (const AgentRecord *r : m_orderRecords)
            f(*r);
    }

    // Calls f(const AgentRecord &) for every agent in no particular order, without looking each one up.
    template<typename F> void forEachUnordered(F &&f) const
    {
        for (const AgentRecord *r : m_orderRecords)
            f(*r);
    }

private:
    // N of an id "a-N" (GoalIntake's and the store's ids), or -1.
    static qint64 agentNumber(QStringView agentId);
    AgentRecord *find(const QString &agentId) const;
    // The slot for number n (growing the vector for a number just past its end), or null when n is not indexed.
    std::unique_ptr<AgentRecord> *slotFor(qint64 n);

    // Records with an id "a-N" are found by N - m_numberBase, without hashing the id (looked up two or three times
    // per goal: every event from its attempt names it); other ids, or numbers far from the rest, by hash.
    std::vector<std::unique_ptr<AgentRecord>> m_byNumber;
    qint64 m_numberBase = -1;
    std::unordered_map<QString, std::unique_ptr<AgentRecord>> m_others;
    QStringList m_order;
    std::vector<AgentRecord *> m_orderRecords; // the records of m_order, in the same order
    QHash<QString, AgentRecord *> m_byGoal;
    // Agents per AgentState, indexed by the enum: read on every finish (the idle check) and by progress().
    std::array<int, static_cast<size_t>(kAgentStateCount)> m_stateCounts{};
};

} // namespace switchboard
