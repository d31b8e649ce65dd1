#pragma once

#include <QString>

#include <optional>

namespace switchboard {

// Lifecycle of one agent (one goal's worker). Final states never change again.
enum class AgentState
{
    Queued,  // waiting for its dependencies or a free slot
    Blocked, // a dependency failed or was cancelled; never runs on its own
    Running,
    WaitingForLock, // waiting for a resource held by another agent; holds no run slot
    Escalated,      // waiting for a human answer; holds no run slot
    Paused,
    Interrupted, // was running when the app died; will be retried
    // Finished in its own git worktree with changes a human must merge or discard (issue 15). Holds no run slot
    // and is not final: merging completes the goal (dependents start then), discarding cancels it.
    Review,
    Completed,
    Failed,
    Cancelled,
    // Its `when` condition was false, or a dependency was skipped (issue 16): final, never ran, not a failure.
    Skipped,
};

// How many states there are (for arrays and loops indexed by state): the last one plus one.
inline constexpr int kAgentStateCount = static_cast<int>(AgentState::Skipped) + 1;

QString agentStateToString(AgentState state);
std::optional<AgentState> agentStateFromString(const QString &text);
bool isFinalState(AgentState state);
// A final state or Interrupted: either ends the current attempt.
inline bool isFinalOrInterrupted(AgentState state)
{
    return isFinalState(state) || state == AgentState::Interrupted;
}
// Running, waiting for a lock or for a human: the agent has started and not finished.
bool isActiveState(AgentState state);

} // namespace switchboard
