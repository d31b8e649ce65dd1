#pragma once

#include "Scheduler.h"

#include <QDeadlineTimer>
#include <QHash>
#include <QSet>
#include <QString>
#include <QStringList>

#include <memory>
#include <vector>

namespace switchboard {

class AgentTable;
class EscalationInbox;
class RunHooks;
class RunRecorder;
class Scratchpad;
struct AgentRecord;
struct StoreSnapshot;

// Puts a stored run back on the board after a restart or crash (statuses, attempts, usage, results, notes and
// answered questions as recorded; active agents become Interrupted) and resumes interrupted agents as new
// attempts. Owns nothing: it fills the table, the scheduler, the inbox and the scratchpad.
class RunRestorer final
{
    Q_DISABLE_COPY_MOVE(RunRestorer)

public:
    RunRestorer(RunHooks &hooks, AgentTable &table, Scheduler &scheduler, EscalationInbox &inbox,
                Scratchpad &scratchpad, RunRecorder &recorder);
    ~RunRestorer();

    // See Orchestrator::restore(); logDirectory: where each agent's full output goes ("" = memory only).
    bool restore(const StoreSnapshot &snapshot, bool autoResume, const QString &logDirectory, QString *error);
    // The same in slices (Orchestrator::beginRestore()): begin() takes the run, its notes and questions; each
    // step() puts goals back until the deadline and returns true once the run is back and resumed. The snapshot
    // must outlive the steps.
    bool begin(const StoreSnapshot &snapshot, bool autoResume, const QString &logDirectory, QString *error);
    bool step(const QDeadlineTimer &deadline);
    bool isBusy() const { return m_job != nullptr; }
    // Whether the last restore brought back a team or a member (the team coordinator then rebuilds).
    bool restoredTeams() const { return m_restoredTeams; }
    // Queues Interrupted agents for a new attempt, all before one dispatch; returns how many.
    int resumeInterrupted(const QStringList &agentIds);

private:
    struct Job;
    void restoreGoal(qsizetype goalRow);
    void flushScheduler(bool force);
    void finish();

    RunHooks &m_hooks;
    AgentTable &m_table;
    Scheduler &m_scheduler;
    EscalationInbox &m_inbox;
    Scratchpad &m_scratchpad;
    RunRecorder &m_recorder;
    std::unique_ptr<Job> m_job;
    bool m_restoredTeams = false;
};

} // namespace switchboard
