#pragma once

#include "model/AgentStatus.h"
#include "model/Escalation.h"
#include "model/NoteRecord.h"
#include "persistence/GoalRecord.h"
#include "persistence/RunRecord.h"
#include "review/ReviewTypes.h"

#include <QList>
#include <QStringList>

namespace switchboard {

// What Store::load() returns: everything needed to put the board back as it was after a crash.
struct StoreSnapshot
{
    QList<RunRecord> runs;           // oldest first
    QList<GoalRecord> goals;         // in spawn order; agentId is the goal's latest agent
    QList<AgentStatus> agents;       // the latest status of each agent, in spawn order; tokens and cost are summed
                                     // over all its attempts
    QList<Escalation> escalations;   // open and closed, oldest first
    QList<NoteRecord> notes;         // the shared scratchpad, by run, then key
    QList<WorktreeRecord> worktrees; // the goals' git worktrees (isolation: worktree), by run
    // Agents that were Running, WaitingForLock, Escalated or Paused when the app stopped: their attempt is
    // dead. Store::markInterrupted() moves them to Interrupted durably.
    QStringList activeAgents;
    quint64 maxFencingToken = 0; // LockManager::setTokenFloor
    // The highest N ever used in "a-N", "g-N", "e-N", "r-N": continue numbering above them.
    quint64 lastAgentNumber = 0;
    quint64 lastGoalNumber = 0;
    quint64 lastEscalationNumber = 0; // EscalationInbox::setIdFloor
    quint64 lastRunNumber = 0;

    // The run a goal or agent belongs to is in goals (GoalRecord::runId / agentId).
    QString runOfAgent(const QString &agentId) const;
};

} // namespace switchboard
