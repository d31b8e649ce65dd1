#pragma once

#include "coordination/EscalationInbox.h"
#include "coordination/LockManager.h"
#include "model/AgentProfile.h"
#include "model/AgentState.h"
#include "model/Escalation.h"
#include "model/Goal.h"
#include "model/NoteRecord.h"
#include "model/ProcessGroupRecord.h"
#include "model/TranscriptEntry.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QList>
#include <QObject>
#include <QString>
#include <QStringList>

#include <chrono>
#include <functional>

namespace switchboard {

// What a backend sees of one attempt: its goal, the reports it makes, the human, locks, notes and
// cancellation. The orchestrator implements it (AttemptContext); every method is safe from any thread.
class AgentContext
{
    Q_DISABLE_COPY_MOVE(AgentContext)

public:
    using LockCallback = std::function<void(const LockManager::Result &result)>;
    using EscalationCallback = std::function<void(const Escalation &escalation)>;

    virtual ~AgentContext() = default;

    // --- the attempt ---
    virtual const QString &agentId() const = 0;
    virtual const Goal &goal() const = 0;
    virtual const AgentProfile &profile() const = 0;
    virtual int attempt() const = 0; // 1 for the first
    virtual const QString &workspace() const = 0;
    // Outputs of the goals this one depends on (result summaries, handoff data), by goal id.
    virtual const QJsonObject &inputs() const = 0;
    // The first line a process agent reads: {"type":"goal", ...goal fields, agent, attempt, workspace, inputs}.
    virtual QJsonObject goalMessage() const = 0;
    // The answers the human gave in earlier attempts: goalMessage()'s `answers`, without building the message.
    virtual QJsonArray answers() const { return goalMessage().value(QLatin1StringView("answers")).toArray(); }

    // --- reports (coalesced: the orchestrator reads the latest) ---
    virtual void setProgress(int percent) = 0;
    virtual void setProgress(int percent, const QString &step) = 0;
    virtual void setStep(const QString &step) = 0;
    virtual void log(const QString &line) = 0;
    // Proof of life without output: resets the idle timeout.
    virtual void heartbeat() = 0;
    // The program waits in its executor's queue (a Slurm job PENDING) or no longer does: that time is the
    // attempt's queue time, not its run time (the card's clock, timeout_s).
    virtual void setExternallyQueued(bool queued) { Q_UNUSED(queued) }
    // The backend was told to slow down: dispatch for its profile pauses for this long, at most
    // RateLimitPause::MaxS; a negative or non-finite hint is refused with a line in the agent's log.
    virtual void reportRateLimit(double retryAfterS) = 0;
    // Quality monitor: one iteration's output (loops) and an improvement score (stalls). Either may
    // stop the attempt, which then fails with the reason.
    virtual void recordIteration(const QString &output) = 0;
    virtual void recordScore(double value) = 0;
    // Pipeline mode: the output dependents may start with before this agent finishes.
    virtual void handoff(const QString &data) = 0;
    virtual void addUsage(qint64 inputTokens, qint64 outputTokens, double costUsd) = 0;
    // A model backend's conversation, one step at a time (agent id, attempt and time are filled in): stored
    // with the attempt and shown in the detail pane.
    virtual void recordTranscript(TranscriptEntry entry) = 0;

    // --- the agent program's own session (coding CLIs: claude-code, codex, gemini, acp) ---
    // The session id the program reported (Claude Code's session_id, Codex's thread_id, ACP's sessionId): stored
    // with the attempt and the goal, shown on the card, and handed to the next attempt through resumeSessionId().
    virtual void recordAgentSession(const QString &sessionId) { Q_UNUSED(sessionId) }
    // The session this attempt should resume: the one an earlier attempt of this goal recorded, or for a
    // follow-up goal (Goal::followUpOf) the one its original goal recorded. Empty: start a new session.
    virtual QString resumeSessionId() const { return {}; }
    // How many turns the agent program says this attempt has taken so far (Claude Code's num_turns, Codex's
    // completed turns); the latest report wins. Shown in the review with tokens and cost.
    virtual void recordTurns(int turns) { Q_UNUSED(turns) }

    // --- teams (issue 16) ---
    // A supervisor's planner hands one step to one of its workers (Goal::member->workers); the steps run once the
    // planner's attempt has completed, and the planner's next iteration sees their results. False with *error when
    // this agent is no planner that may delegate, the worker is not one of its workers, or the task is empty.
    virtual bool delegate(const QString &worker, const QString &task, QString *error)
    {
        Q_UNUSED(worker)
        Q_UNUSED(task)
        if (error)
            *error = QStringLiteral("this agent is not a team's planner: it has no workers to delegate to");
        return false;
    }

    // --- processes on this machine ---
    // The backend started a process group (ExecutionChannel::processGroupRecord(); agent and attempt are filled
    // in): it is recorded with the attempt, so that a Switchboard that starts after a crash ends what this
    // attempt left running. False when it could not be recorded. Without a store there is nothing to record:
    // true. Call it right after the start, before the program gets its goal.
    virtual bool recordProcessGroup(ProcessGroupRecord record)
    {
        Q_UNUSED(record)
        return true;
    }

    // --- where the program runs (issue 19) ---
    // The run this attempt belongs to: part of its job name on a cluster. Empty outside a recorded run.
    virtual QString runId() const { return {}; }
    // The scope of its job names (Executors::jobScope): which database the run is recorded in.
    virtual QString jobScope() const { return {}; }
    // The backend is about to submit its program to a non-local executor under jobName: recorded with the attempt
    // and committed before it is submitted, so a Switchboard that starts after a crash ends the job before the goal
    // runs again. False when it could not be recorded: the program must not be submitted then.
    virtual bool recordExecutor(const ExecutorSpec &spec, const QString &jobName)
    {
        Q_UNUSED(spec)
        Q_UNUSED(jobName)
        return true;
    }
    // The executor's id for the job (a Slurm job id, ExecutionChannel::externalIdKnown): with the attempt and on
    // the card.
    virtual void recordExternalId(const QString &id) { Q_UNUSED(id) }

    // --- the human ---
    // Asks and blocks this agent only (state Escalated, no run slot) until answered, cancelled or timed
    // out. Agent, goal and priority are filled in from the context. For in-process backends.
    virtual EscalationInbox::Outcome escalate(EscalationInbox::Request request) = 0;
    // Asks without blocking, for backends that run their own event loop: `answered` is called once on
    // receiver's thread when the question closes (dropped if receiver is gone); the agent holds no run slot
    // meanwhile. Returns the escalation id, or an empty string with *error when the question was refused.
    virtual QString raiseEscalation(EscalationInbox::Request request, QObject *receiver, EscalationCallback answered,
                                    QString *error) = 0;
    // The backend is finishing: withdraws the questions raiseEscalation() still waits on (the human sees them
    // cancelled). Their callbacks are not called any more and the agent stops waiting for them.
    virtual void cancelEscalations() = 0;

    // --- locks on shared resources ---
    // Blocks until all are granted (all or nothing), refused, timed out or cancelled; while it waits the agent
    // is WaitingForLock and holds no run slot. timeout < 0 waits until granted or cancelled.
    virtual LockManager::Result acquireLocks(const QStringList &resources, std::chrono::milliseconds timeout) = 0;
    // The asynchronous form: `done` runs at once when the answer is known now (granted, refused, or busy with
    // timeout 0), else later on receiver's thread (dropped if receiver is gone) while the agent waits without a
    // run slot. Call on receiver's thread.
    virtual void requestLocks(const QStringList &resources, std::chrono::milliseconds timeout, QObject *receiver,
                              LockCallback done) = 0;
    // The backend is finishing: ends the lock requests still waiting and returns once none of them runs. Their
    // callbacks are not called any more and the agent stops waiting for them.
    virtual void cancelLockRequests() = 0;
    // Releases these resources; an empty list releases every lock this agent holds. Returns how many.
    virtual int releaseLocks(const QStringList &resources) = 0;
    // A lock of this agent expired or was taken away by a human.
    virtual bool hasLostLock() const = 0;
    // Fencing: whether this agent still holds `resource` (or a lock covering it) under the grant `token`. A
    // backend checks it right before it writes what the lock protects.
    virtual bool holdsLock(const QString &resource, quint64 token) const = 0;

    // --- the run's shared scratchpad ---
    // False with *error when there is no scratchpad or the note is refused (key, size, full).
    virtual bool writeNote(const QString &key, const QString &text, QString *error) = 0;
    // Every note, oldest write first; with keys, only those. Empty without a scratchpad.
    virtual QList<NoteRecord> readNotes(const QStringList &keys) const = 0;

    // --- cancellation ---
    virtual bool isCancelled() const noexcept = 0;
    // Sleeps unless cancelled first; returns false when the agent was cancelled.
    virtual bool sleepFor(std::chrono::milliseconds duration) = 0;
    // Called once, on the cancelling thread, when cancel is requested (at once if it already was).
    // Backends use it to abort in-flight I/O; clearing it waits for a running call to return, so the
    // handler never outlives what it captured.
    virtual void setCancelHandler(std::function<void()> handler) = 0;
    // Ends the attempt as Failed with this reason and error kind (timeouts, budgets, loops): the backend
    // sees isCancelled() and returns; the first reason wins.
    virtual void stop(const QString &reason, const QString &errorKind) = 0;

    // --- waits a backend manages itself ---
    // Marks a wait (state Escalated or WaitingForLock) that should not hold a run slot. Nests; call on the
    // agent's (pool) thread.
    virtual void beginWait(AgentState state) = 0;
    virtual void endWait() = 0;

protected:
    AgentContext() = default;
};

} // namespace switchboard
