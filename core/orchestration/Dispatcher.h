#pragma once

#include "AgentWorkers.h"
#include "agents/BackendRegistry.h"
#include "workspace/WorkspaceProvider.h"

#include <QDateTime>
#include <QJsonObject>
#include <QSet>
#include <QString>

#include <memory>
#include <vector>

namespace switchboard {

class AttemptContext;
class AgentEventQueue;
class AgentTable;
class EscalationInbox;
class LockManager;
class RunHooks;
class RunRecorder;
class Scheduler;
class Scratchpad;
class Watchdog;
struct AgentRecord;
struct Goal;

// Turns the scheduler's ready set into attempts on the agents' workers: resources locked at dispatch, the
// look-ahead for short goals, pause/resume, max_parallel (the workers' cap), and which runners really
// run. Owns the workers, the backends, the workspace provider and the attempts queued ahead.
class Dispatcher final
{
    Q_DISABLE_COPY_MOVE(Dispatcher)

public:
    // context: the thread queued notices of invalid resources run on (the orchestrator's).
    // watchdog: says whether a goal past its deadline may start.
    Dispatcher(QObject *context, RunHooks &hooks, AgentTable &table, Scheduler &scheduler, LockManager &locks,
               EscalationInbox &inbox, Scratchpad &scratchpad, RunRecorder &recorder, AgentEventQueue &events,
               Watchdog &watchdog);

    void setBackends(BackendRegistry registry) { m_backends = std::move(registry); }
    const BackendRegistry &backends() const { return m_backends; }
    // The run's workspace: every attempt works in this directory (installs a SharedWorkspace provider).
    void setWorkspace(const QString &path);
    const QString &workspace() const { return m_workspace; }
    // Asked for each attempt's directory; null goes back to the run's workspace.
    void setWorkspaceProvider(std::unique_ptr<WorkspaceProvider> provider);
    // Where isolation: worktree goals get their worktrees (<dir>/worktrees/...).
    void setDataDirectory(const QString &dir) { m_dataDirectory = dir; }
    const QString &dataDirectory() const { return m_dataDirectory; }

    void dispatch();
    // While the agents' news is handled, dispatch() only notes that it was asked; release() dispatches once for the
    // whole batch, so its attempts go to the workers together (one wake-up, not one per finished goal). Inside an
    // event loop a handler runs (a dialog, waitAll()), dispatch() works at once, and what was noted is dispatched
    // from that loop.
    void hold();
    void release();
    // Exactly the cap: with look-ahead the workers' queue holds more than they may run at once.
    void setMaxParallel(int maxParallel);
    // False when it was paused (resumed) already.
    bool pause();
    bool resume();
    bool isPaused() const { return m_paused; }

    // Before treating a queued record as not dispatched (cancel, deadline, pause...): its look-ahead attempt
    // goes back to the ready set, or, if a thread took it meanwhile, becomes the running attempt now.
    void settlePooled(AgentRecord &record);
    void withdrawPooled();
    int pooledCount() const { return static_cast<int>(m_pooled.size()); }

    // News from the runners, in report order (orchestrator thread).
    void handleStarted(AgentRecord *record, const AttemptContext *attempt, qint64 nowMs, const QDateTime &nowUtc);
    void handleWaitChanged(AgentRecord &record, bool waiting);
    void handleFinished(AgentRecord *record, const AttemptContext *attempt, qint64 nowMs);

    // Stops everything and waits: no runner may outlive the orchestrator (call before the table goes).
    void shutdown();

    int lockConflicts() const { return m_lockConflicts; }
    int maxRunningSeen() const { return m_maxRunningSeen; }

private:
    // The runner to hand to the workers, or null when nothing is to run (a team, or a failure already posted).
    // now: the clock as read once for the dispatch it is part of.
    QRunnable *startAgent(AgentRecord &record, const QString &profileName, bool ahead, qint64 nowMs,
                          const QDateTime &nowUtc);
    int lookahead() const;
    bool canDispatch(const Goal &goal);
    bool tryStartWithResources(const Goal &goal);
    QJsonObject inputsFor(const Goal &goal) const;

    QObject *const m_context;
    RunHooks &m_hooks;
    AgentTable &m_table;
    Scheduler &m_scheduler;
    LockManager &m_locks;
    EscalationInbox &m_inbox;
    Scratchpad &m_scratchpad;
    RunRecorder &m_recorder;
    AgentEventQueue &m_events;
    Watchdog &m_watchdog;
    AgentWorkers m_workers;
    BackendRegistry m_backends;
    QString m_workspace;
    QString m_dataDirectory;
    std::unique_ptr<WorkspaceProvider> m_workspaceProvider;
    bool m_paused = false;
    int m_held = 0;                // hold() depth
    int m_heldLoopLevel = 0;       // the event loop level hold() was called at
    bool m_dispatchWanted = false; // dispatch() was asked while held
    int m_lockConflicts = 0;
    QSet<QString> m_conflictCounted;     // goals already counted as waiting on a lock
    std::vector<AgentRecord *> m_pooled; // records with a look-ahead attempt in the pool's queue
    qint64 m_attemptsEnded = 0;          // attempts that returned (for the look-ahead's warm-up)
    double m_attemptMsAverage = 0.0;     // moving average of how long attempts take
    int m_runnersActive = 0;             // runners that started and have not finished or begun to wait
    int m_maxRunningSeen = 0;
};

} // namespace switchboard
