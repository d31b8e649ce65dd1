#pragma once

#include "persistence/StoreWrite.h"
#include "persistence/StoreWriteJob.h"

#include <unordered_map>
#include <unordered_set>
#include <vector>

namespace switchboard {

// The attempts of a batch that can be written as one: an agent's start (Running) and end (a final state or
// Interrupted) of the same attempt, both in the batch, with nothing else about the agent's row or attempt in
// between. StoreBatchApplier then writes the agent row and the attempt once, with both, instead of twice (four
// statements less per such goal). Keeps pointers into the batch it planned: valid while that batch lives.
class AttemptFolds final
{
public:
    void plan(const std::vector<StoreWriteJob> &batch);
    void clear();

    bool isEmpty() const { return m_starts.empty(); }
    // How many attempts were folded (their ends).
    size_t size() const { return m_ends.size(); }
    // A start whose row and attempt are written with its end instead.
    bool isFoldedStart(const StoreWrite::Transition *start) const { return m_starts.count(start) != 0; }
    // The start folded into this end, or nullptr.
    const StoreWrite::Transition *startFoldedInto(const StoreWrite::Transition *end) const
    {
        const auto it = m_ends.find(end);
        return it == m_ends.end() ? nullptr : it->second;
    }

private:
    std::unordered_set<const StoreWrite::Transition *> m_starts;
    std::unordered_map<const StoreWrite::Transition *, const StoreWrite::Transition *> m_ends; // end -> start
};

} // namespace switchboard
