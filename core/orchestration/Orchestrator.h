#pragma once

#include "agents/BackendRegistry.h"
#include "coordination/EscalationInbox.h"
#include "coordination/LockManager.h"
#include "coordination/Scratchpad.h"
#include "model/AgentProfile.h"
#include "model/AgentResult.h"
#include "model/AgentStatus.h"
#include "model/DeadlinePolicy.h"
#include "model/Goal.h"
#include "model/RunSummary.h"
#include "model/TranscriptEntry.h"
#include "orchestration/RunHooks.h"
#include "orchestration/Scheduler.h"
#include "review/ReviewTypes.h"

#include <QDeadlineTimer>
#include <QElapsedTimer>
#include <QJsonObject>
#include <QObject>
#include <QStringList>

#include <memory>
#include <optional>

namespace switchboard {

class AgentEventQueue;
class AgentTable;
class AttemptLifecycle;
class Dispatcher;
class GoalIntake;
class ReviewController;
class RunRecorder;
class RunRestorer;
class TeamCoordinator;
class Store;
class UpdatePublisher;
class Watchdog;
class WorkspaceProvider;
struct AgentRecord;
struct StoreSnapshot;

// The facade every front end talks to (GUI, CLI, tests). Lives on the main thread, owns the agents' workers
// (through its Dispatcher), schedules goals onto agents and publishes their state. Agent threads report back
// only through queued calls; views get batched agentsUpdated() instead of a signal per tick. The work is
// done by its rooms (AgentTable, Dispatcher, AttemptLifecycle, Watchdog, RunRecorder, RunRestorer,
// UpdatePublisher); this class wires them and is what front ends see.
class Orchestrator final : public QObject, private RunHooks
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
        int skipped = 0;
        int inReview = 0; // finished in a worktree, waiting for a human to merge or discard
        int waiting = 0;  // escalated or waiting for a lock (part of inProgress)
        int poolAvailable = 0;
        int poolBusy = 0;
        int retrying = 0;                // queued, waiting out a retry backoff (part of pending)
        QStringList rateLimitedProfiles; // dispatch paused for these until their reset
    };

    // What happens when a goal's deadline passes.
    using DeadlinePolicy = switchboard::DeadlinePolicy;

    explicit Orchestrator(QObject *parent = nullptr);
    ~Orchestrator() override;

    void setProfiles(const QList<AgentProfile> &profiles);
    QList<AgentProfile> profiles() const;
    void setBackends(BackendRegistry registry);
    const BackendRegistry &backends() const;
    void setWorkspace(const QString &path);
    // Where each agent's full output is written (<dir>/<agent>.log, see AgentLog for its cap); empty = memory
    // only. setStore() sets it to the store's logs/ folder beside the database.
    void setLogDirectory(const QString &dir);
    QString logDirectory() const;
    QString agentLogFile(const QString &agentId) const;
    // Another way of giving attempts their directories, asked per attempt (not for goals with isolation: worktree
    // or a repo of their own); null goes back to the run's workspace for every attempt.
    void setWorkspaceProvider(std::unique_ptr<WorkspaceProvider> provider);
    QString workspace() const;
    // Where isolation: worktree goals get their git worktrees (<dir>/worktrees/<repo>-<hash>/<goal-id>). setStore()
    // sets it to the store's directory (beside logs/); default: QStandardPaths::AppDataLocation.
    void setDataDirectory(const QString &dir);
    QString dataDirectory() const;
    // How often agentsUpdated() is published (ms). Default 75.
    void setUpdateInterval(int ms);

    // --- durability (optional: without a store nothing is recorded) ---
    // Records everything into the store (it must stay alive while set): a run row on the first spawn, goals
    // before agentSpawned and before they can be dispatched, every state change, final states before
    // agentCompleted/agentFailed/agentCancelled, escalations and answers, lock events, usage, progress and the
    // log. Goal/agent/escalation numbering and fencing tokens continue above what the database holds.
    // On Store::storageFailed dispatch pauses and storageFailed() is emitted. Set it before spawning. The agents'
    // full output then goes to Store::logDirectory().
    void setStore(Store *store);
    // setStore() with the counters read already (Store::load() of no run, on a worker thread as the dashboard's
    // start-up does): nothing is read from the store on this thread (at 1,000,000 goals their scans take ~0.5 s).
    void setStore(Store *store, const StoreSnapshot &counters);
    Store *store() const;
    // The run the next spawns belong to (recorded on the first spawn). Default: "session".
    void setRunName(const QString &name, const QString &planFile = {});
    // What the run is started with (RunSettings::toJson(): config and plan text), stored with the run together
    // with the max_parallel, mode and workspace in effect, so a restart or `resume` continues on the same
    // profiles. Set before the first spawn; set later (a plan run from the GUI), it updates the stored run.
    void setRunSettings(const QJsonObject &settings);
    // The store's id of the current run; empty before the first spawn (or without a store).
    QString runId() const;
    bool isStorageFailed() const;
    // Puts a stored run back on the board (before anything is spawned): statuses, attempts, usage, results and
    // timestamps as recorded. Completed/failed/cancelled/blocked goals stay final; agents that were active
    // become Interrupted (recorded in the store) and are retried from the start as a new attempt when
    // autoResume, else they wait for resumeInterrupted(). Answered questions are remembered (never asked
    // again); open ones are closed as cancelled (the retried agent asks again). Locks of the dead process are
    // void. False with *error when something was spawned already.
    bool restore(const StoreSnapshot &snapshot, bool autoResume, QString *error = nullptr);
    // The same in slices, so a window stays responsive while a big run (1,000,000 goals) comes back: beginRestore()
    // checks and takes the run, its notes and questions; each continueRestore() puts goals back (announced with
    // agentSpawned) until the deadline and returns true once the run is back, resumed as restore() does. The
    // snapshot must outlive the slices; nothing may be spawned in between (isRestoring()).
    bool beginRestore(const StoreSnapshot &snapshot, bool autoResume, QString *error = nullptr);
    bool continueRestore(const QDeadlineTimer &deadline);
    bool isRestoring() const;
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
    // The same without a copy, or null: for a view following an agentsUpdated() batch (valid until the orchestrator
    // next runs; a board of 10,000 live cards reads 100,000 statuses a second).
    const AgentStatus *findStatus(const QString &agentId) const;
    QList<AgentStatus> agents() const; // in spawn order
    QStringList agentIds() const;
    std::optional<Goal> goal(const QString &goalId) const;
    // What dependents of this goal receive besides its summary: its handoff data or result output (JSON text; a
    // team's collected answers, transcript or plan). Empty while it has none.
    QString goalOutput(const QString &goalId) const;
    // A team goal's members' goal ids, in spawn order (issue 16); empty for a goal that is no team.
    QStringList teamMembers(const QString &teamGoalId) const;
    // The goal ids this goal depends on (cheaper than goal() when that is all a view needs).
    QStringList goalDependencies(const QString &goalId) const;
    QStringList goalIds() const;
    QString agentForGoal(const QString &goalId) const;
    QStringList agentLog(const QString &agentId) const;
    qint64 agentLogDropped(const QString &agentId) const;
    // A model agent's recent transcript (all its attempts, oldest step first), as recorded so far: the steps
    // numbered `from` and later (0 = the first ever recorded; pass the last *total to get only what is new).
    // *total: steps ever recorded; *dropped: how many of those the bounded live copy (AgentTranscript) no
    // longer holds: the oldest past its bound, and, with a store, every ended attempt's once committed (the
    // store keeps them all: Store::transcript()). Empty for agents that record none.
    QList<TranscriptEntry> agentTranscript(const QString &agentId, qint64 from = 0, qint64 *total = nullptr,
                                           qint64 *dropped = nullptr) const;

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
    void setDeadlinePolicy(DeadlinePolicy policy);
    // Across all agents of this orchestrator; crossing it stops running agents and fails the rest.
    void setRunBudget(const Budget &budget);
    // Crossing a goal's or the run's budget asks the human first (Raise by 50 % / Raise to ... / Stop); off (the
    // default, and for unattended runs) it stops at once. See Watchdog::setAskBeforeBudgetStop().
    void setAskBeforeBudgetStop(bool ask);
    void pauseDispatch();
    void resumeDispatch();
    // "Resume now": ends the rate-limit pause of this profile at once (false when it is not paused).
    bool resumeRateLimited(const QString &profile);
    bool isDispatchPaused() const;

    // The locks agents hold and the questions they ask; views and the CLI read and answer through these.
    LockManager &locks() { return m_locks; }
    EscalationInbox &inbox() { return m_inbox; }
    // The run's shared notes (process protocol note/read_notes); the human writes with an empty author.
    Scratchpad &scratchpad() { return m_scratchpad; }
    // Raise a `failure` escalation (Retry / Skip / Cancel dependents) when a goal's retries run out,
    // instead of failing it at once. On by default; unattended runs turn it off.
    void setEscalateExhaustedRetries(bool enabled);
    int lockConflicts() const;

    // --- review (isolation: worktree, issue 15) ---
    // Merge, rebase, discard and follow up goals waiting in Review; safe from any thread (git runs on the caller's),
    // but never wait on it from this object's thread while another thread uses it (it calls back here).
    ReviewController *review();
    // The goal's worktree (a follow-up's is its original's); nullopt when it has none.
    std::optional<WorktreeRecord> worktree(const QString &goalId) const;
    // Used by the review controller on this object's thread: records a worktree's new state for every goal that
    // works in it, and ends those in Review (merged -> Completed, else Cancelled) with `note` in their logs.
    void applyReviewDecision(const WorktreeRecord &worktree, bool endGoals, bool merged, const QString &note);
    // Goals whose agents are in Review, oldest first.
    QStringList goalsInReview() const;

    Progress progress() const;
    RunSummary summary() const;
    int maxParallelReached() const;

Q_SIGNALS:
    void agentSpawned(const QString &agentId);
    void agentStarted(const QString &agentId);
    void agentProgress(const QString &agentId, int progress, const QString &step);
    void agentCompleted(const QString &agentId, const QString &summary);
    void agentFailed(const QString &agentId, const QString &error);
    void agentCancelled(const QString &agentId);
    void agentBlocked(const QString &agentId, const QString &reason);
    // Its `when` condition was false (or a dependency was skipped): final, never ran, not a failure.
    void agentSkipped(const QString &agentId, const QString &reason);
    // The agent finished in its worktree with changes: it waits in Review for a merge or discard.
    void agentInReview(const QString &agentId);
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
    void handleAgentEvents();
    RunHooks &hooks() { return *this; }
    void applyStoreFloors(const StoreSnapshot &snapshot);
    QJsonObject effectiveRunSettings() const;

    // RunHooks: what the rooms ask of each other and of this facade.
    qint64 nowMs() const override;
    void dispatch() override;
    void checkIdle() override;
    void setState(AgentRecord &record, AgentState state) override;
    void markDirty(AgentRecord &record) override;
    void watch(AgentRecord &record) override;
    void ensureWatchdog() override;
    void settlePooled(AgentRecord &record) override;
    void withdrawPooled() override;
    void beginAttempt(AgentRecord &record, qint64 nowMs, const QDateTime &nowUtc) override;
    void failPending(AgentRecord &record, const QString &error, const QString &kind) override;
    void applyBlocked(const QList<Scheduler::BlockedGoal> &blocked) override;
    bool isRunBudgetHit() const override;
    void notifySpawned(const QString &agentId) override;
    void notifyStarted(const QString &agentId) override;
    void notifyProgress(const QString &agentId, int progress, const QString &step) override;
    void notifyCompleted(const QString &agentId, const QString &summary) override;
    void notifyFailed(const QString &agentId, const QString &error) override;
    void notifyCancelled(const QString &agentId) override;
    void notifyBlocked(const QString &agentId, const QString &reason) override;
    void notifySkipped(const QString &agentId, const QString &reason) override;
    void notifyReview(const QString &agentId) override;
    // Queued goals that can only start after a goal in Review is merged (the run has nothing else to do).
    int waitingOnReview() const;
    void notifyRetryScheduled(const QString &agentId, int nextAttempt, qint64 delayMs, const QString &error) override;
    void notifyProfileRateLimited(const QString &profile, const QDateTime &until) override;
    void notifyRunBudgetExceeded(const QString &reason) override;
    void startTeam(AgentRecord &record) override;
    void endTeam(AgentRecord &record, const QString &reason, const QString &errorKind) override;
    // A member of a team ended: its team decides what comes next.
    void memberEnded(const QString &agentId);

    // Shared by the rooms (references); declared first so they outlive them.
    LockManager m_locks;
    EscalationInbox m_inbox;
    Scratchpad m_scratchpad;
    Scheduler m_scheduler;
    QElapsedTimer m_clock;
    bool m_wasBusy = false;
    // The rooms: each owns one job (see docs/ARCHITECTURE.md); the table holds the state they share.
    std::unique_ptr<AgentTable> m_table;
    std::unique_ptr<AgentEventQueue> m_events;
    std::unique_ptr<UpdatePublisher> m_publisher;
    std::unique_ptr<RunRecorder> m_recorder;
    std::unique_ptr<Watchdog> m_watchdog;
    std::unique_ptr<AttemptLifecycle> m_lifecycle;
    std::unique_ptr<Dispatcher> m_dispatcher;
    std::unique_ptr<GoalIntake> m_intake;
    std::unique_ptr<RunRestorer> m_restorer;
    std::unique_ptr<TeamCoordinator> m_teams;
    QString m_dataDirectory;
    std::unique_ptr<ReviewController> m_review;
};

} // namespace switchboard
