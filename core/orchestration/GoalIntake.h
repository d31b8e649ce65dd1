#pragma once

#include "Scheduler.h"
#include "model/Goal.h"

#include <QList>
#include <QString>
#include <QStringList>

#include <vector>

namespace switchboard {

class AgentTable;
class RunHooks;
class RunRecorder;
class Watchdog;
struct StoreSnapshot;

// Where goals enter: ids for goals without one, validation, the agent records (numbered a-1, a-2, ...) and,
// with a store, the commit before the goals are reported or dispatched (a large spawn in dependency-closed chunks).
// Owns the goal and agent numbering, which continues above what the database holds.
class GoalIntake final
{
    Q_DISABLE_COPY_MOVE(GoalIntake)

public:
    GoalIntake(RunHooks &hooks, AgentTable &table, Scheduler &scheduler, RunRecorder &recorder, Watchdog &watchdog);

    // Where each agent's full output is written (<dir>/<agent>.log); empty = memory only.
    void setLogDirectory(const QString &dir) { m_logDirectory = dir; }
    const QString &logDirectory() const { return m_logDirectory; }
    // Numbering continues above the stored run's.
    void applyFloors(const StoreSnapshot &snapshot);

    QStringList validate(const QList<Goal> &goals) const;
    // All or nothing: either every goal is queued (agent ids returned in order) or none is.
    QStringList spawn(const QList<Goal> &goals, QString *error);
    // Where a spawn's commit is cut into transactions (the end index of each chunk): chunks of at least 256 goals,
    // cut only where no goal before the cut depends on one after it; teams and follow-ups are never cut.
    static std::vector<qsizetype> commitChunks(const QList<Goal> &batch);

private:
    // The goals with an id generated where none was given, and the default title where none was given.
    QList<Goal> withGeneratedIds(const QList<Goal> &goals) const;
    // A chunk's commit came back: its goals are reported and may start (or, not committed, never do).
    void committedSpawn(const QStringList &agentIds, const QList<Scheduler::BlockedGoal> &blocked, bool committed);

    RunHooks &m_hooks;
    AgentTable &m_table;
    Scheduler &m_scheduler;
    RunRecorder &m_recorder;
    Watchdog &m_watchdog;
    QString m_logDirectory;
    mutable quint64 m_nextGoalNumber = 1;
    quint64 m_nextAgentNumber = 1;
};

} // namespace switchboard
