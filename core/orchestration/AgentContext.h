#pragma once

#include "QualityMonitor.h"
#include "coordination/EscalationInbox.h"
#include "coordination/LockManager.h"
#include "model/AgentProfile.h"
#include "model/AgentState.h"
#include "model/Goal.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QMutex>
#include <QString>
#include <QThreadPool>
#include <QWaitCondition>

#include <atomic>
#include <chrono>
#include <functional>
#include <memory>

namespace switchboard {

class AgentLog;
class Scratchpad;

// Receives notice that an agent's live state changed. Called on the agent's thread: it must be
// thread-safe and return at once (the orchestrator posts a queued call and reads the state later).
class AgentEventSink
{
public:
    virtual ~AgentEventSink() = default;
    virtual void agentLiveStateChanged(const QString &agentId) = 0;
    // The agent started waiting for a human or a lock (state Escalated/WaitingForLock) or resumed
    // (state Running). Called on the agent's thread; the run slot was given back / taken again.
    virtual void agentWaitChanged(const QString &agentId, AgentState state)
    {
        Q_UNUSED(agentId)
        Q_UNUSED(state)
    }
};

// What an agent reported since the orchestrator last looked; progress is coalesced (latest wins).
struct AgentLiveState
{
    int progress = 0;
    QString step;
    qint64 inputTokens = 0;
    qint64 outputTokens = 0;
    double costUsd = 0.0;
    quint64 activity = 0;    // grows with every report: output, progress, heartbeat (idle timeout)
    int rateLimitedForS = 0; // > 0: the backend hit a rate limit; reset by takeLiveState()
    bool handedOff = false;  // pipeline: the agent sent its handoff
    QString handoffData;
};

// The agent's only door to the world during one attempt: its goal and profile, progress and log
// reporting, usage accounting and cancellation. Every method is safe to call from any thread.
class AgentContext final
{
    Q_DISABLE_COPY_MOVE(AgentContext)

public:
    AgentContext(QString agentId, Goal goal, AgentProfile profile, int attempt, QString workspace,
                 std::shared_ptr<AgentLog> log, AgentEventSink *sink);

    // Outputs of the goals this one depends on (result summaries, handoff data), by goal id;
    // they go into the goal message as "inputs". Set before the attempt starts.
    void setInputs(const QJsonObject &inputs) { m_inputs = inputs; }
    const QJsonObject &inputs() const { return m_inputs; }
    // Answers the human gave this goal's questions before (e.g. before a crash): [{question, option, text}],
    // sent in the goal message's `answers` field when not empty.
    void setAnswers(const QJsonArray &answers) { m_answers = answers; }
    const QJsonArray &answers() const { return m_answers; }
    ~AgentContext();

    const QString &agentId() const { return m_agentId; }
    const Goal &goal() const { return m_goal; }
    const AgentProfile &profile() const { return m_profile; }
    int attempt() const { return m_attempt; }
    const QString &workspace() const { return m_workspace; }
    // The first line a process agent reads: {"type":"goal", ...goal fields, agent, attempt, workspace}.
    QJsonObject goalMessage() const;

    void setProgress(int percent);
    void setProgress(int percent, const QString &step);
    void setStep(const QString &step);
    void log(const QString &line);
    void addUsage(qint64 inputTokens, qint64 outputTokens, double costUsd);
    AgentLog &agentLog() const { return *m_log; }
    // Proof of life without output: resets the idle timeout.
    void heartbeat();
    // The backend was told to slow down: dispatch for its profile pauses for this long.
    void reportRateLimit(int retryAfterS);
    // Quality monitor: one iteration's output (loops) and an improvement score (stalls). Either may
    // stop the attempt, which then fails with the reason.
    void recordIteration(const QString &output);
    void recordScore(double value);
    // Pipeline mode: the output dependents may start with before this agent finishes.
    void handoff(const QString &data);

    // Coordination: set by the orchestrator before the attempt starts (null in bare backend tests).
    void setCoordination(LockManager *locks, EscalationInbox *inbox, QThreadPool *pool);
    LockManager *locks() const { return m_locks; }
    // The run's shared scratchpad (null in bare backend tests): notes this agent writes carry its id.
    void setScratchpad(Scratchpad *scratchpad) { m_scratchpad = scratchpad; }
    Scratchpad *scratchpad() const { return m_scratchpad; }
    // False with *error when there is no scratchpad or the note is refused (key, size, full).
    bool writeNote(const QString &key, const QString &text, QString *error = nullptr);
    EscalationInbox *inbox() const { return m_inbox; }
    // Blocking lock acquisition for in-process backends: all or nothing; while it waits the agent is
    // WaitingForLock and holds no run slot. timeout < 0 waits until granted or cancelled.
    LockManager::Result acquireLocks(const QStringList &resources,
                                     std::chrono::milliseconds timeout = std::chrono::milliseconds(-1));
    int releaseLocks(const QStringList &resources);
    bool hasLostLock() const;
    // Asks the human and blocks this agent only (state Escalated, no run slot) until answered,
    // cancelled or timed out. Agent, goal and priority are filled in from this context.
    EscalationInbox::Outcome escalate(EscalationInbox::Request request);
    // For backends that wait asynchronously (process agents): marks a wait that should not hold a
    // run slot. Nests; call on the agent's (pool) thread.
    void beginWait(AgentState state);
    void endWait();

    // Ends the attempt as Failed with this reason and error kind (timeouts, budgets, loops): the
    // backend sees isCancelled() and returns; the first reason wins.
    void stop(const QString &reason, const QString &errorKind);
    QString stopReason() const;
    QString stopKind() const;
    bool isCancelled() const noexcept { return m_cancelled.load(std::memory_order_acquire); }
    // Sleeps unless cancelled first; returns false when the agent was cancelled.
    bool sleepFor(std::chrono::milliseconds duration);
    // Called once, on the cancelling thread, when cancel is requested (at once if it already was).
    // Backends use it to abort in-flight I/O; clearing it waits for a running call to return, so the
    // handler never outlives what it captured.
    void setCancelHandler(std::function<void()> handler);

    // Look-ahead dispatch: an attempt handed to the pool before a thread is free is pending until a pool
    // thread claims it (claimLaunch(), the runner's first step); until then the orchestrator may withdraw it
    // (withdrawLaunch()), and the runner then does nothing. Attempts start as claimed.
    void setLaunchPending() { m_launch.store(Launch::Pending, std::memory_order_release); }
    bool claimLaunch();    // false: withdrawn, do not run
    bool withdrawLaunch(); // true: it had not started and never will

    // Orchestrator side.
    void requestCancel();
    AgentLiveState takeLiveState();
    AgentLiveState liveState() const;

private:
    void notifyChanged();

    const QString m_agentId;
    const Goal m_goal;
    const AgentProfile m_profile;
    const int m_attempt;
    const QString m_workspace;
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
    AgentLiveState m_state;
    QWaitCondition m_cancelCondition;

    QJsonObject m_inputs;
    QJsonArray m_answers;
    LockManager *m_locks = nullptr;
    EscalationInbox *m_inbox = nullptr;
    Scratchpad *m_scratchpad = nullptr;
    QThreadPool *m_pool = nullptr;
    int m_waits = 0; // guarded by m_stateMutex
    AgentState m_waitState = AgentState::Running;
    QString m_stopReason; // guarded by m_stateMutex
    QString m_stopKind;
    QualityMonitor m_quality; // guarded by m_stateMutex

    QMutex m_handlerMutex; // held while the cancel handler runs
    std::function<void()> m_cancelHandler;
};

} // namespace switchboard
