#pragma once

#include "AgentEventSink.h"
#include "AgentLiveState.h"
#include "QualityMonitor.h"
#include "agents/AgentContext.h"
#include "model/ExecutorRecord.h"

#include <QFuture>
#include <QJsonArray>
#include <QJsonObject>
#include <QList>
#include <QMutex>
#include <QSemaphore>
#include <QString>

#include <atomic>
#include <functional>
#include <memory>

namespace switchboard {

class AgentLog;
class AgentWorkers;
class Scratchpad;
class WorktreeAttempt;

// One attempt of one agent as the orchestrator sees it: the AgentContext its backend gets, wired to the
// run's locks, inbox and scratchpad, plus the orchestrator's controls (launch, cancel, live state).
class AttemptContext final : public AgentContext
{
    Q_DISABLE_COPY_MOVE(AttemptContext)

public:
    AttemptContext(QString agentId, Goal goal, AgentProfile profile, int attempt, QString workspace,
                   std::shared_ptr<AgentLog> log, AgentEventSink *sink);
    // With a profile snapshot shared by every attempt of it (the orchestrator's: not copied per attempt).
    AttemptContext(QString agentId, Goal goal, std::shared_ptr<const AgentProfile> profile, int attempt,
                   QString workspace, std::shared_ptr<AgentLog> log, AgentEventSink *sink);
    ~AttemptContext() override;

    // --- set by the orchestrator before the attempt starts ---
    // Outputs of the goals this one depends on; they go into the goal message as "inputs".
    void setInputs(const QJsonObject &inputs) { m_inputs = inputs; }
    // Answers the human gave this goal's questions before (e.g. before a crash): [{question, option, text}],
    // sent in the goal message's `answers` field when not empty.
    void setAnswers(const QJsonArray &answers) { m_answers = answers; }
    QJsonArray answers() const override { return m_answers; }
    // Coordination (null in bare backend tests): the workers are the ones whose thread runs the attempt.
    void setCoordination(LockManager *locks, EscalationInbox *inbox, AgentWorkers *workers);
    // The run's shared scratchpad (null in bare backend tests): notes this agent writes carry its id.
    void setScratchpad(Scratchpad *scratchpad) { m_scratchpad = scratchpad; }
    // Where recordProcessGroup() goes (the run's store; unset in bare backend tests). Called on agent threads.
    using ProcessGroupRecorder = std::function<bool(const ProcessGroupRecord &record)>;
    void setProcessGroupRecorder(ProcessGroupRecorder recorder) { m_processGroupRecorder = std::move(recorder); }
    // Where recordExecutor()/recordExternalId() go (the run's store; unset in bare backend tests), with whether
    // to wait for the commit. Called on agent threads.
    using ExecutorRecorder = std::function<bool(const ExecutorRecord &record, bool waitForCommit)>;
    void setExecutorRecorder(ExecutorRecorder recorder) { m_executorRecorder = std::move(recorder); }
    // The run the attempt belongs to (its jobs' names).
    void setRunId(const QString &runId) { m_runId = runId; }
    void setJobScope(const QString &scope) { m_jobScope = scope; }
    AgentLog &agentLog() const { return *m_log; }
    // isolation: worktree: the worktree this attempt works in, prepared on the pool thread (prepareWorkspace()).
    void setWorktreeAttempt(std::shared_ptr<WorktreeAttempt> worktree) { m_worktree = std::move(worktree); }
    const std::shared_ptr<WorktreeAttempt> &worktreeAttempt() const { return m_worktree; }
    // The agent session an earlier attempt (or the original of a follow-up) recorded: resumeSessionId().
    void setResumeSession(const QString &sessionId) { m_resumeSession = sessionId; }

    // Pool thread, before the backend runs: makes the worktree (when there is one to make) and takes its directory
    // as the workspace. False with *error: the attempt fails with error kind "workspace".
    bool prepareWorkspace(QString *error);

    // --- AgentContext ---
    const QString &agentId() const override { return m_agentId; }
    const Goal &goal() const override { return m_goal; }
    const AgentProfile &profile() const override { return *m_profile; }
    int attempt() const override { return m_attempt; }
    const QString &workspace() const override { return m_workspace; }
    const QJsonObject &inputs() const override { return m_inputs; }
    QJsonObject goalMessage() const override;

    void setProgress(int percent) override;
    void setProgress(int percent, const QString &step) override;
    void setStep(const QString &step) override;
    void log(const QString &line) override;
    void heartbeat() override;
    void setExternallyQueued(bool queued) override;
    void reportRateLimit(double retryAfterS) override;
    void recordIteration(const QString &output) override;
    void recordScore(double value) override;
    void handoff(const QString &data) override;
    void addUsage(qint64 inputTokens, qint64 outputTokens, double costUsd) override;
    void recordTranscript(TranscriptEntry entry) override;
    bool recordProcessGroup(ProcessGroupRecord record) override;
    QString runId() const override { return m_runId; }
    QString jobScope() const override { return m_jobScope; }
    bool recordExecutor(const ExecutorSpec &spec, const QString &jobName) override;
    void recordExternalId(const QString &id) override;
    void recordAgentSession(const QString &sessionId) override;
    void recordTurns(int turns) override;
    bool delegate(const QString &worker, const QString &task, QString *error) override;
    // The steps a planner delegated, in call order: {worker, task}.
    QList<std::pair<QString, QString>> delegations() const;
    QString resumeSessionId() const override { return m_resumeSession; }

    EscalationInbox::Outcome escalate(EscalationInbox::Request request) override;
    QString raiseEscalation(EscalationInbox::Request request, QObject *receiver, EscalationCallback answered,
                            QString *error) override;
    void cancelEscalations() override;

    LockManager::Result acquireLocks(const QStringList &resources, std::chrono::milliseconds timeout) override;
    void requestLocks(const QStringList &resources, std::chrono::milliseconds timeout, QObject *receiver,
                      LockCallback done) override;
    void cancelLockRequests() override;
    int releaseLocks(const QStringList &resources) override;
    bool hasLostLock() const override;
    bool holdsLock(const QString &resource, quint64 token) const override;

    bool writeNote(const QString &key, const QString &text, QString *error) override;
    QList<NoteRecord> readNotes(const QStringList &keys) const override;

    bool isCancelled() const noexcept override { return m_cancelled.load(std::memory_order_acquire); }
    bool sleepFor(std::chrono::milliseconds duration) override;
    void setCancelHandler(std::function<void()> handler) override;
    void stop(const QString &reason, const QString &errorKind) override;

    void beginWait(AgentState state) override;
    void endWait() override;

    // --- the orchestrator's side ---
    // Look-ahead dispatch: an attempt handed to the pool before a thread is free is pending until a pool
    // thread claims it (claimLaunch(), the runner's first step); until then the orchestrator may withdraw it
    // (withdrawLaunch()), and the runner then does nothing. Attempts start as claimed.
    void setLaunchPending() { m_launch.store(Launch::Pending, std::memory_order_release); }
    bool claimLaunch(bool *wasPending = nullptr); // false: withdrawn, do not run; *wasPending: it was queued ahead
    bool withdrawLaunch();                        // true: it had not started and never will

    void requestCancel();
    // Why stop() ended the attempt (empty: a plain cancel) and the error kind it gave.
    QString stopReason() const;
    QString stopKind() const;
    AgentLiveState takeLiveState();
    AgentLiveState liveState() const;
    // The transcript entries recorded since the last call, in seq order. Nothing is coalesced: every entry
    // recordTranscript() took is handed out exactly once.
    QList<TranscriptEntry> takeTranscript();

private:
    struct LockWait
    {
        QFuture<void> future;
        std::shared_ptr<std::atomic<bool>> settled; // answered or given up
    };
    struct EscalationWait
    {
        QString id;
        std::shared_ptr<std::atomic<bool>> settled; // answered or withdrawn
    };

    void notifyChanged();
    void endLockRequests(bool endWaits);
    void endEscalations(bool endWaits);

    const QString m_agentId;
    const Goal m_goal;
    const std::shared_ptr<const AgentProfile> m_profile; // never null
    const int m_attempt;
    QString m_workspace; // set before the backend runs (prepareWorkspace()), constant after
    const std::shared_ptr<AgentLog> m_log;
    AgentEventSink *const m_sink;

    enum class Launch
    {
        Started,
        Pending,
        Withdrawn,
    };
    std::atomic<Launch> m_launch{Launch::Started};
    std::atomic<bool> m_cancelled{false};
    std::atomic<bool> m_notifyPending{false};

    mutable QMutex m_stateMutex;
    QList<std::pair<QString, QString>> m_delegations; // guarded by m_stateMutex
    AgentLiveState m_state;
    // Released by requestCancel() to wake sleepFor(). A futex on Linux: a sleep that times out costs no wake-up
    // call from anyone (QWaitCondition's pthread mutex made every timed-out wait end in a FUTEX_WAKE, which with
    // thousands of sleeping agents was the agents' threads' main cost).
    QSemaphore m_cancelSignal;

    QJsonObject m_inputs;
    QJsonArray m_answers;
    std::shared_ptr<WorktreeAttempt> m_worktree;
    QString m_resumeSession;
    LockManager *m_locks = nullptr;
    EscalationInbox *m_inbox = nullptr;
    Scratchpad *m_scratchpad = nullptr;
    ProcessGroupRecorder m_processGroupRecorder;
    AgentWorkers *m_workers = nullptr;
    ExecutorRecorder m_executorRecorder;
    QString m_runId;
    QString m_jobScope;
    ExecutorRecord m_executorRecord; // guarded by m_stateMutex
    int m_waits = 0;                 // guarded by m_stateMutex
    AgentState m_waitState = AgentState::Running;
    QString m_stopReason; // guarded by m_stateMutex
    QString m_stopKind;
    QualityMonitor m_quality; // guarded by m_stateMutex

    QMutex m_handlerMutex; // held while the cancel handler runs
    std::function<void()> m_cancelHandler;

    QMutex m_lockWaitsMutex;
    QList<LockWait> m_lockWaits; // requestLocks() that waited on the lock-wait pool

    QMutex m_transcriptMutex;            // guards the two below: seq and queue order are the same order
    QList<TranscriptEntry> m_transcript; // recorded, not yet taken by the orchestrator
    int m_nextTranscriptSeq = 0;

    QMutex m_escalationWaitsMutex;
    QList<EscalationWait> m_escalationWaits; // raiseEscalation() questions not known to be answered
};

} // namespace switchboard
