#pragma once

#include "model/AgentStatus.h"
#include "model/Escalation.h"
#include "persistence/AttemptRecord.h"
#include "persistence/GoalRecord.h"
#include "persistence/LockEventRecord.h"
#include "persistence/NoteRecord.h"
#include "persistence/RunRecord.h"
#include "persistence/TransitionRecord.h"

#include <QList>

#include <optional>

namespace switchboard {

// Everything recorded about one run (or all runs): the rows the History view shows and the input of
// MetricsCalculator and ReportWriter, which are pure functions over it (so tests build one by hand).
struct RunHistory
{
    QList<RunRecord> runs;               // oldest first
    QList<GoalRecord> goals;             // spawn order
    QList<AgentStatus> agents;           // latest status per agent, spawn order
    QList<AttemptRecord> attempts;       // by agent (spawn order), then attempt
    QList<TransitionRecord> transitions; // in the order they happened
    QList<Escalation> escalations;       // oldest first
    QList<LockEventRecord> lockEvents;   // in the order they happened
    QList<NoteRecord> notes;             // by run, then key

    std::optional<AgentStatus> agent(const QString &agentId) const;
    std::optional<GoalRecord> goalOfAgent(const QString &agentId) const;
    QList<AttemptRecord> attemptsOf(const QString &agentId) const;
    QList<Escalation> escalationsOf(const QString &agentId) const;
};

} // namespace switchboard
