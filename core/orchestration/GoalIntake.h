#pragma once

#include "model/Goal.h"

#include <QList>
#include <QString>
#include <QStringList>

namespace switchboard {

class AgentTable;
class RunHooks;
class RunRecorder;
class Scheduler;
class Watchdog;
struct StoreSnapshot;

// Where goals enter: ids for goals without one, validation, the agent records (numbered a-1, a-2, ...) and,
// with a store, the all-or-nothing commit before the goals are reported or dispatched. Owns the goal and
// agent numbering, which continues above what the database holds.
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

private:
    // The goals with an id generated where none was given, and the default title where none was given.
    QList<Goal> withGeneratedIds(const QList<Goal> &goals) const;

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
