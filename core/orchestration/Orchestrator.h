#pragma once

#include "agents/BackendRegistry.h"
#include "coordination/EscalationInbox.h"
#include "coordination/LockManager.h"
#include "coordination/Scratchpad.h"
#include "model/AgentProfile.h"
#include "model/AgentResult.h"
#include "model/AgentStatus.h"
#include "model/Goal.h"
#include "orchestration/AttemptContext.h"
#include "orchestration/RunSummary.h"
#include "orchestration/Scheduler.h"
#include "workspace/SharedWorkspace.h"
#include "workspace/WorkspaceProvider.h"

#include <QElapsedTimer>
#include <QHash>
#include <QJsonArray>
#include <QMutex>
#include <QObject>
#include <QRandomGenerator>
#include <QSet>
#include <QStringList>
#include <QThreadPool>
#include <QTimer>

#include <array>
#include <functional>
#include <memory>
#include <optional>
#include <unordered_map>
#include <vector>

namespace switchboard {

class AgentLog;
class Store;
struct StoreSnapshot;

// The facade every front end talks to (GUI, CLI, tests). Lives on the main thread, owns a private
// QThreadPool, schedules goals onto agents and publishes their state. Agent threads report back
// only through queued calls; views get batched agentsUpdated() instead of a signal per tick.
class Orchestrator final : public QObject, private AgentEventSink
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(Orchestrator)

public:
    struct Progress
    {
        int pending = 0; // queued (incl. interrupted)
        int inProgress = 0;
        int completed = 0;
        int failed = 0;
        int cancelled = 0;
        int blocked = 0;
        int waiting = 0; // escalated or waiting for a lock (part of inProgress)
        int poolAvailable = 0;
        int poolBusy = 0;
        int retrying = 0;                // queued, waiting out a retry backoff (part of pending)
        QStringList rateLimitedProfiles; // dispatch paused for these until their reset
    };

    // What happens when a goal's deadline passes.
    enum class DeadlinePolicy
    {
        Fail,
        Escalate, // ask the human (needs the escalation inbox; falls back to Fail without one)
    };

    explicit Orchestrator(QObject *parent = nullptr);
    ~Orchestrator() override;

    void setProfiles(const QList<AgentProfile> &profiles);
    QList<AgentProfile> profiles() const;
    void setBackends(BackendRegistry registry);
    const BackendRegistry &backends() const { return m_backends; }
    // The run's workspace: every attempt works in this directory (installs a SharedWorkspace provider).
    void setWorkspace(const QString &path);
    // Another way of giving attempts their directories (e.g. a git worktree per attempt), asked per attempt;
    // null goes back to the run's workspace for every attempt.
    void setWorkspaceProvider(std::unique_ptr<WorkspaceProvider> provider);
    // Where each agent's full output is written (<dir>/<agent>.log); empty = memory only.
    void setLogDirectory(const QString &dir) { m_logDirectory = dir; }
    QString logDirectory() const { return m_logDirectory; }
    QString agentLogFile(const QString &agentId) const;
    QString workspace() const { return m_workspace; }
    // How often agentsUpdated() is published (ms). Default 75.
    void setUpdateInterval(int ms);

    // --- durability (optional: without a store nothing is recorded) ---
    // Records everything into the store (it must stay alive while set): a run row on the first spawn, goals
    // before agentSpawned and before they can be dispatched, every state change, final states before
    // agentCompleted/agentFailed/agentCancelled, escalations and answers, lock events, usage, progress and the
    // log. Goal/agent/escalation numbering and fencing tokens continue above what the database holds.
    // On Store::storageFailed dispatch pauses and storageFailed() is emitted. Set it before spawning.
    void setStore(Store *store);
    Store *store() const { return m_store; }
    // The run the next spawns belong to (recorded on the first spawn). Default: "session".
    void setRunName(const QString &name, const QString &planFile = {});
    // What the run is started with (RunSettings::toJson(): config and plan text), stored with the run together
    // with the max_parallel, mode and workspace in effect, so a restart or `resume` continues on the same
    // profiles. Set before the first spawn; set later (a plan run from the GUI), it updates the stored run.
    void setRunSettings(const QJsonObject &settings);
    // The store's id of the current run; empty before the first spawn (or without a store).
    QString runId() const { return m_runId; }
    bool isStorageFailed() const { return m_storageFailed; }
    // Puts a stored run back on the board (before anything is spawned): statuses, attempts, usage, results and
    // timestamps as recorded. Completed/failed/cancelled/blocked goals stay final; agents that were active
    // become Interrupted (recorded in the store) and are retried from the start as a new attempt when
    // autoResume, else they wait for resumeInterrupted(). Answered questions are remembered (never asked
    // again); open ones are closed as cancelled (the retried agent asks again). Locks of the dead process are
    // void. False with *error when something was spawned already.
    bool restore(const StoreSnapshot &snapshot, bool autoResume, QString *error = nullptr);
    // Queues an Interrupted agent for a new attempt.
    bool resumeInterrupted(const QString &agentId);
    // Resumes several at once (one dispatch after all of them, so they start in their old order ahead of goals
    // that never ran). Returns how many were resumed.
    int resumeInterrupted(const QStringList &agentIds);

    // Answers an open escalation. With a store the answer is made durable first and handed to the agent once
    // committed. False with *error for an unknown or closed escalation or an invalid answer.
    bool answer(const QString &escalationId, const QString &option, const QString &text, QString *error = nullptr,
                const QString &answeredBy = QStringLiteral("human"));

    // Problems that would make spawn() refuse these goals (for forms: show before submit).
    QStringList validate(const QList<Goal> &goals) const;
    // Validates and queues one goal; returns its agent id, or an empty string and the reason.
    QString spawn(const Goal &goal, QString *error = nullptr);
    // All or nothing: either every goal is queued (ids returned in order) or none is.
    QStringList spawnParallel(const QList<Goal> &goals, QString *error = nullptr);

    std::optional<AgentStatus> status(const QString &agentId) const;
    QList<AgentStatus> agents() const; // in spawn order
    QStringList agentIds() const;
    std::optional<Goal> goal(const QString &goalId) const;
    // The goal ids this goal depends on (cheaper than goal() when that is all a view needs).
    QStringList goalDependencies(const QString &goalId) const;
    QStringList goalIds() const;
    QString agentForGoal(const QString &goalId) const;
    QStringList agentLog(const QString &agentId) const;
    qint64 agentLogDropped(const QString &agentId) const;

    // Cancels a queued agent at once; a running one is told to stop and reports Cancelled promptly.
    bool cancel(const QString &agentId);
    int cancelAll();
    // Ends an agent as Failed with this reason (e.g. an unattended run that cannot answer its question).
    bool stopAgent(const QString &agentId, const QString &reason, const QString &errorKind);
    // Runs the event loop until every agent is final or the timeout passes (headless/tests only).
    bool waitAll(int timeoutMs = -1);
    bool isIdle() const;
    // Removes finished agents (completed, failed, cancelled, blocked); returns how many.
    int cleanup();

    void setMaxParallel(int maxParallel);
    int maxParallel() const;
    void setMode(Scheduler::Mode mode);
    Scheduler::Mode mode() const { return m_scheduler.mode(); }
    void setDeadlinePolicy(DeadlinePolicy policy) { m_deadlinePolicy = policy; }
    // Across all agents of this orchestrator; crossing it stops running agents and fails the rest.
    void setRunBudget(const Budget &budget) { m_runBudget = budget; }
    // Seeds the retry jitter, so tests can predict backoffs.
    void setRandomSeed(quint32 seed) { m_random.seed(seed); }
    void pauseDispatch();
    void resumeDispatch();
    bool isDispatchPaused() const { return m_paused; }

    // The locks agents hold and the questions they ask; views and the CLI read and answer through these.
    LockManager &locks() { return m_locks; }
    EscalationInbox &inbox() { return m_inbox; }
    // The run's shared notes (process protocol note/read_notes); the human writes with an empty author.
    Scratchpad &scratchpad() { return m_scratchpad; }
    // Raise a `failure` escalation (Retry / Skip / Cancel dependents) when a goal's retries run out,
    // instead of failing it at once. On by default; unattended runs turn it off.
    void setEscalateExhaustedRetries(bool enabled) { m_escalateExhausted = enabled; }
    int lockConflicts() const { return m_lockConflicts; }

    Progress progress() const;
    RunSummary summary() const;
    int maxParallelReached() const { return m_maxRunningSeen; }

Q_SIGNALS:
    void agentSpawned(const QString &agentId);
    void agentStarted(const QString &agentId);
    void agentProgress(const QString &agentId, int progress, const QString &step);
    void agentCompleted(const QString &agentId, const QString &summary);
    void agentFailed(const QString &agentId, const QString &error);
    void agentCancelled(const QString &agentId);
    void agentBlocked(const QString &agentId, const QString &reason);
    // An attempt failed and the goal will be tried again after delayMs.
    void agentRetryScheduled(const QString &agentId, int nextAttempt, qint64 delayMs, const QString &error);
    void profileRateLimited(const QString &profile, const QDateTime &until);
    void runBudgetExceeded(const QString &reason);
    // Batched, about every updateInterval ms: the agents whose status changed since the last batch.
    void agentsUpdated(const QStringList &agentIds);
    void agentsAboutToBeRemoved(const QStringList &agentIds);
    void agentsRemoved(const QStringList &agentIds);
    void dispatchPausedChanged(bool paused);
    void maxParallelChanged(int maxParallel);
    // Nothing is queued or running any more.
    void allFinished();
    // The store could not write (disk full, I/O error): dispatch is paused; the message says why.
    void storageFailed(const QString &message);

private:
    struct AgentRecord
    {
        AgentStatus status;
        Goal goal;
        std::shared_ptr<AgentLog> log;
        std::shared_ptr<AttemptContext> context; // while an attempt runs
        std::shared_ptr<AttemptContext> pooled;  // dispatched ahead: in the pool's queue, not started (still Queued)
        bool runnerWaiting = false;              // its runner waits for a human or a lock (not counted as running)
        qint64 runMs = 0;
        bool cancelRequested = false;
        // Usage of earlier attempts: costs add up across retries.
        qint64 baseInputTokens = 0;
        qint64 baseOutputTokens = 0;
        double baseCostUsd = 0.0;
        qint64 attemptStartMs = -1; // m_clock time the running attempt started
        quint64 lastActivity = 0;
        qint64 lastActivityMs = -1;
        qint64 retryAtMs = -1; // m_clock time of the next attempt while backing off
        QString output;        // what dependents receive: result summary or handoff data
        bool handedOff = false;
        bool failureEscalated = false; // waiting on a human after its retries ran out
        int retryOffset = 0;           // attempts before the last "Retry" answer: retries count from here
        bool deadlineAsked = false;    // on_deadline: escalate asked once; "keep going" is remembered
        bool durable = true;           // with a store: its goal is committed (only then may it be dispatched)
        bool held = false;             // Interrupted after a restore, waiting for resumeInterrupted()
        bool dirty = false;            // in m_dirty: published with the next agentsUpdated()
        bool watched = false;          // in m_watched: the watchdog looks at it
    };

    // What agent threads report. They queue these in order and post one call per burst (not one per event):
    // handleAgentEvents() takes everything queued so far.
    struct AgentEvent
    {
        enum class Kind
        {
            Started,     // a pool thread took the attempt `context`
            LiveState,   // progress, log, usage... (coalesced in the context)
            WaitChanged, // began or ended waiting for a human or a lock
            Finished,    // the attempt returned `result`
        };
        AgentEvent() = default;
        AgentEvent(Kind kind, QString agentId, const AttemptContext *context = nullptr, AgentResult result = {},
                   AgentState waitState = AgentState::Running)
            : kind(kind)
            , agentId(std::move(agentId))
            , context(context)
            , waitState(waitState)
            , result(std::move(result))
        {}

        Kind kind = Kind::LiveState;
        QString agentId;
        const AttemptContext *context = nullptr; // Started, Finished: the attempt (null: no runner ran)
        AgentState waitState = AgentState::Running;
        AgentResult result;
    };

    void postAgentEvent(AgentEvent event);
    void handleAgentEvents();
    void agentLiveStateChanged(const QString &agentId) override;
    void agentWaitChanged(const QString &agentId, AgentState state) override;
    void handleWaitChanged(const QString &agentId, AgentState state);
    bool tryStartWithResources(const Goal &goal);
    void handleLockLost(const QString &agentId, const QString &resource, const QString &how);
    void escalateFailure(AgentRecord &record, const QString &error);
    void escalateDeadline(AgentRecord &record);
    void handleFailureAnswer(const QString &agentId, const Escalation &escalation);
    void finishAsFailed(AgentRecord &record, const QString &error, const QString &kind);
    void handleLiveStateChanged(const QString &agentId);
    // now: the clock as read for the batch of events this finish came in.
    void handleAgentFinished(AgentRecord &record, const AgentResult &result, qint64 nowMs, const QDateTime &nowUtc);
    void dispatch();
    void startAgent(AgentRecord &record, const QString &profileName, bool ahead);
    void beginAttempt(AgentRecord &record);
    void beginAttempt(AgentRecord &record, qint64 nowMs, const QDateTime &nowUtc);
    int lookahead() const;
    void settlePooled(AgentRecord &record);
    void withdrawPooled();
    void applyBlocked(const QList<Scheduler::BlockedGoal> &blocked);
    void setState(AgentRecord &record, AgentState state);
    void markDirty(const QString &agentId);
    void markDirty(AgentRecord &record);
    void publishUpdates();
    void checkIdle();
    void handleWatchdog();
    void ensureWatchdog();
    // A deadline, a timeout or idle timeout of its profile, a wait (leases to renew) or a retry backoff.
    bool needsWatching(const AgentRecord &record) const;
    void watch(AgentRecord &record);
    void failPending(AgentRecord &record, const QString &error, const QString &kind);
    const RetryPolicy &retryPolicy(const AgentRecord &record) const;
    void checkBudgets(AgentRecord &record);
    QJsonObject inputsFor(const Goal &goal) const;
    AgentRecord *record(const QString &agentId);
    const AgentRecord *record(const QString &agentId) const;
    AgentRecord *recordForGoal(const QString &goalId);
    const AgentRecord *recordForGoal(const QString &goalId) const;
    QList<Goal> withGeneratedIds(const QList<Goal> &goals) const;
    bool canDispatch(const Goal &goal);
    void ensureRunRecorded();
    void recordRunStarted();
    void applyStoreFloors(const StoreSnapshot &snapshot);
    // Records the record's final state (with the result when given) and runs `report` (the signals) once
    // it is committed; at once without a store.
    void reportFinal(AgentRecord &record, const std::optional<AgentResult> &result, std::function<void()> report);
    void recordLog(AgentRecord &record);
    QJsonArray answersFor(const QString &goalId) const;

    QThreadPool m_pool;
    LockManager m_locks;
    EscalationInbox m_inbox;
    Scratchpad m_scratchpad;
    bool m_escalateExhausted = true;
    int m_lockConflicts = 0;
    QSet<QString> m_conflictCounted; // goals already counted as waiting on a lock
    Scheduler m_scheduler;
    BackendRegistry m_backends;
    QString m_workspace;
    std::unique_ptr<WorkspaceProvider> m_workspaceProvider = std::make_unique<SharedWorkspace>(m_workspace);
    QString m_logDirectory;
    std::unordered_map<QString, std::unique_ptr<AgentRecord>> m_records;
    QStringList m_order;                          // agent ids in spawn order
    QHash<QString, AgentRecord *> m_recordByGoal; // goal id -> its agent's record (one lookup, not two)
    // Agents per AgentState, indexed by the enum: read on every finish (isIdle) and by progress().
    std::array<int, static_cast<size_t>(AgentState::Cancelled) + 1> m_stateCounts{};
    std::vector<AgentRecord *> m_dirty; // changed since the last agentsUpdated(); records are stable (unique_ptr)
    QMutex m_eventMutex;
    std::vector<AgentEvent> m_events;     // guarded by m_eventMutex: reported, not yet taken
    std::vector<AgentEvent> m_eventBatch; // taken, handled in order from m_eventPos
    size_t m_eventPos = 0;
    QTimer m_updateTimer;
    QTimer m_watchdog;                           // timeouts, deadlines, retry backoffs, rate-limit resets
    std::vector<AgentRecord *> m_watched;        // what the watchdog looks at (not every agent)
    QHash<QString, qint64> m_rateLimitedUntilMs; // profile -> m_clock time
    DeadlinePolicy m_deadlinePolicy = DeadlinePolicy::Fail;
    Budget m_runBudget;
    bool m_runBudgetHit = false;
    QRandomGenerator m_random{0x5b0a4d};
    bool m_paused = false;
    mutable quint64 m_nextGoalNumber = 1;
    quint64 m_nextAgentNumber = 1;
    int m_maxRunningSeen = 0;
    int m_runnersActive = 0;             // runners that started and have not finished or begun to wait
    std::vector<AgentRecord *> m_pooled; // records with a look-ahead attempt in the pool's queue
    qint64 m_attemptsEnded = 0;          // attempts that returned (for the look-ahead's warm-up)
    double m_attemptMsAverage = 0.0;     // moving average of how long attempts take
    QElapsedTimer m_clock;
    qint64 m_firstStartMs = -1;
    qint64 m_lastFinishMs = -1;
    qint64 m_agentTimeMs = 0;
    bool m_wasBusy = false;
    Store *m_store = nullptr; // not owned; cleared when it is destroyed
    QString m_runId;
    QString m_runName;
    QString m_planFile;
    QJsonObject m_runSettings;
    bool m_runFinishedRecorded = false; // the run is recorded as finished; new spawns open it again
    int m_pendingFinal = 0;             // final states submitted, not yet committed and reported
    bool m_storageFailed = false;
};

} // namespace switchboard
