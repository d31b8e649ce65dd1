#pragma once

#include "model/AgentStatus.h"
#include "model/Escalation.h"
#include "model/NoteRecord.h"
#include "persistence/AttemptRecord.h"
#include "persistence/GoalRecord.h"
#include "persistence/LockEventRecord.h"
#include "persistence/RunRecord.h"
#include "persistence/TransitionRecord.h"

#include <QHash>
#include <QList>

#include <memory>

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

    // Lookups by agent. Linear scans until index() is called; after it, hash lookups (for as long as the lists
    // keep the sizes they had then: a list changed afterwards falls back to scanning, never a wrong answer).
    std::optional<AgentStatus> agent(const QString &agentId) const;
    std::optional<GoalRecord> goalOfAgent(const QString &agentId) const;
    QList<AttemptRecord> attemptsOf(const QString &agentId) const;
    QList<Escalation> escalationsOf(const QString &agentId) const;

    // Builds the per-agent index: O(n) once, so reports and metrics over 100,000 goals stay O(n), not O(n^2).
    void index();
    bool isIndexed() const;

private:
    struct Index
    {
        qsizetype agentCount = -1; // the list sizes when it was built
        qsizetype goalCount = -1;
        qsizetype attemptCount = -1;
        qsizetype escalationCount = -1;
        QHash<QString, qsizetype> agent;
        QHash<QString, qsizetype> goal;
        QHash<QString, QList<qsizetype>> attempts;
        QHash<QString, QList<qsizetype>> escalations;
    };
    std::shared_ptr<const Index> m_index; // shared by copies (the lists are implicitly shared too)
};

} // namespace switchboard
