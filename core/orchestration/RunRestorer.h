#pragma once

#include <QString>
#include <QStringList>

namespace switchboard {

class AgentTable;
class EscalationInbox;
class RunHooks;
class RunRecorder;
class Scheduler;
class Scratchpad;
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

    // See Orchestrator::restore(); logDirectory: where each agent's full output goes ("" = memory only).
    bool restore(const StoreSnapshot &snapshot, bool autoResume, const QString &logDirectory, QString *error);
    // Queues Interrupted agents for a new attempt, all before one dispatch; returns how many.
    int resumeInterrupted(const QStringList &agentIds);

private:
    RunHooks &m_hooks;
    AgentTable &m_table;
    Scheduler &m_scheduler;
    EscalationInbox &m_inbox;
    Scratchpad &m_scratchpad;
    RunRecorder &m_recorder;
};

} // namespace switchboard
