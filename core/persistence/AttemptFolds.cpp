#include "AttemptFolds.h"

#include <QString>

namespace switchboard {

void AttemptFolds::plan(const std::vector<StoreWriteJob> &batch)
{
    m_starts.clear();
    m_ends.clear();
    // agent -> its Running write, while nothing else has touched the agent's row or attempts since.
    std::unordered_map<QString, const StoreWrite::Transition *> started;
    for (const StoreWriteJob &job : batch) {
        for (const StoreWrite &write : job.writes) {
            const StoreWrite::Payload &payload = write.payload();
            if (const auto *t = std::get_if<StoreWrite::Transition>(&payload)) {
                const auto it = started.find(t->agentId);
                if (it != started.end() && isFinalOrInterrupted(t->state) && t->attempt == it->second->attempt) {
                    m_starts.insert(it->second);
                    m_ends.emplace(t, it->second);
                }
                if (t->state == AgentState::Running && t->attempt >= 1)
                    started.insert_or_assign(t->agentId, t);
                else if (it != started.end())
                    started.erase(it);
            } else if (const auto *p = std::get_if<StoreWrite::Progress>(&payload)) {
                started.erase(p->agentId);
            } else if (const auto *u = std::get_if<StoreWrite::Usage>(&payload)) {
                started.erase(u->agentId);
            } else if (const auto *g = std::get_if<StoreWrite::GoalAdded>(&payload)) {
                started.erase(g->agentId);
            } else if (const auto *a = std::get_if<StoreWrite::AgentSessionRecorded>(&payload)) {
                started.erase(a->agentId); // it updates the attempt row: the start must be written first
            } else if (const auto *e = std::get_if<StoreWrite::ExecutorRecorded>(&payload)) {
                started.erase(e->record.agentId); // the same
            }
            // Logs, lock events, escalations and notes do not touch the agent's row or its attempts.
        }
    }
}

void AttemptFolds::clear()
{
    m_starts.clear();
    m_ends.clear();
}

} // namespace switchboard
