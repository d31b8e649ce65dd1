#include "AttemptLifecycle.h"

#include "AgentLog.h"
#include "AgentRecord.h"
#include "AgentTable.h"
#include "AgentTranscript.h"
#include "AttemptContext.h"
#include "RunHooks.h"
#include "RunRecorder.h"
#include "TeamFlow.h"
#include "Watchdog.h"
#include "WorktreeAttempt.h"
#include "coordination/EscalationInbox.h"
#include "coordination/LockManager.h"
#include "llm/Secrets.h"
#include "model/ErrorKind.h"

#include <algorithm>

namespace switchboard {

AttemptLifecycle::AttemptLifecycle(QObject *context, RunHooks &hooks, AgentTable &table, Scheduler &scheduler,
                                   LockManager &locks, EscalationInbox &inbox, RunRecorder &recorder,
                                   Watchdog &watchdog)
    : m_context(context)
    , m_hooks(hooks)
    , m_table(table)
    , m_scheduler(scheduler)
    , m_locks(locks)
    , m_inbox(inbox)
    , m_recorder(recorder)
    , m_watchdog(watchdog)
{}

Scheduler::GoalState AttemptLifecycle::goalStateFor(AgentState state)
{
    switch (state) {
    case AgentState::Completed:
        return Scheduler::GoalState::Succeeded;
    case AgentState::Failed:
        return Scheduler::GoalState::Failed;
    case AgentState::Cancelled:
        return Scheduler::GoalState::Cancelled;
    case AgentState::Blocked:
        return Scheduler::GoalState::Blocked;
    case AgentState::Skipped:
        return Scheduler::GoalState::Skipped;
    default:
        return Scheduler::GoalState::Pending;
    }
}

void AttemptLifecycle::beginAttempt(AgentRecord &record, qint64 nowMs, const QDateTime &nowUtc)
{
    AgentStatus &s = record.status;
    ++s.attempt;
    record.attemptStartMs = nowMs;
    record.lastActivityMs = record.attemptStartMs;
    record.lastActivity = 0;
    record.retryAtMs = -1;
    s.nextAttemptAt = QDateTime();
    s.startedAt = nowUtc;
    s.completedAt = QDateTime();
    s.error.clear();
    s.progress = 0;
    s.currentStep.clear();
    s.queuedMs = 0;
    s.queuedSince = QDateTime();
    if (m_firstStartMs < 0)
        m_firstStartMs = record.attemptStartMs;
    m_hooks.setState(record, AgentState::Running);
    m_watchdog.watch(record);
    m_hooks.notifyStarted(s.agentId);
}

void AttemptLifecycle::applyLiveState(AgentRecord &record)
{
    AgentRecord *r = &record;
    if (!r->context)
        return;
    const QString &agentId = r->status.agentId;
    const AgentLiveState live = r->context->takeLiveState();
    collectTranscript(*r);
    collectSessionAndWorktree(*r, live);
    AgentStatus &s = r->status;
    const bool progressChanged = live.progress != s.progress || live.step != s.currentStep;
    if (m_recorder.store()) {
        if (progressChanged)
            m_recorder.recordProgress(agentId, live.progress, live.step);
        if (s.inputTokens != r->baseInputTokens + live.inputTokens ||
            s.outputTokens != r->baseOutputTokens + live.outputTokens || s.costUsd != r->baseCostUsd + live.costUsd ||
            s.turns != r->baseTurns + live.turns)
            m_recorder.recordUsage(agentId, s.attempt, live.inputTokens, live.outputTokens, live.costUsd, live.turns);
    }
    s.progress = live.progress;
    s.currentStep = live.step;
    s.queuedMs = live.queuedMs;
    s.queuedSince = live.queuedSinceMs >= 0 ? QDateTime::fromMSecsSinceEpoch(live.queuedSinceMs, Qt::UTC) : QDateTime();
    s.inputTokens = r->baseInputTokens + live.inputTokens;
    s.outputTokens = r->baseOutputTokens + live.outputTokens;
    s.costUsd = r->baseCostUsd + live.costUsd;
    s.turns = r->baseTurns + live.turns;
    if (live.activity != r->lastActivity) {
        r->lastActivity = live.activity;
        r->lastActivityMs = m_hooks.nowMs();
        m_locks.renew(agentId); // a live holder keeps its leases
    }
    if (live.rateLimitedForS > 0)
        m_watchdog.rateLimit(*r, live.rateLimitedForS);
    if (live.handedOff && !r->handedOff) {
        r->handedOff = true;
        r->output = live.handoffData;
        m_scheduler.handoff(s.goalId);
        m_hooks.dispatch();
    }
    m_hooks.markDirty(*r);
    if (progressChanged)
        m_hooks.notifyProgress(agentId, s.progress, s.currentStep);
    m_watchdog.checkBudgets(*r);
}

void AttemptLifecycle::collectTranscript(AgentRecord &record)
{
    QList<TranscriptEntry> entries = record.context->takeTranscript();
    if (entries.isEmpty())
        return;
    if (!record.transcript)
        record.transcript = std::make_shared<AgentTranscript>();
    record.transcript->append(entries);
    m_recorder.recordTranscript(std::move(entries));
}

void AttemptLifecycle::collectSessionAndWorktree(AgentRecord &record, const AgentLiveState &live)
{
    AgentStatus &s = record.status;
    if (!live.agentSession.isEmpty() && live.agentSession != s.agentSession) {
        s.agentSession = live.agentSession;
        m_recorder.recordAgentSession(s.agentId, s.attempt, s.agentSession);
        m_hooks.markDirty(record);
    }
    // The attempt recorded them itself (AttemptContext::recordExecutor): only the status follows.
    if (live.executor != s.executor || live.externalId != s.externalId) {
        s.executor = live.executor;
        s.externalId = live.externalId;
        m_hooks.markDirty(record);
    }
    const std::shared_ptr<WorktreeAttempt> &worktree = record.context->worktreeAttempt();
    if (!worktree)
        return;
    if (std::optional<WorktreeRecord> made = worktree->takeCreated()) {
        // Recorded as soon as it exists: after a crash the store still knows where the work is.
        record.worktree = made;
        s.repository = made->repoName();
        m_recorder.recordWorktree(*made);
        m_hooks.markDirty(record);
    }
}

void AttemptLifecycle::handleWaitChanged(AgentRecord &r, AgentState state)
{
    if (!r.context || !isActiveState(r.status.state))
        return;
    if (state == AgentState::Running) {
        m_scheduler.unsuspend(r.status.goalId);
        r.status.waitingFor.clear();
    } else {
        m_scheduler.suspend(r.status.goalId); // waiting for a human or a lock holds no run slot
    }
    m_hooks.setState(r, state);
    m_watchdog.watch(r); // its leases are renewed while it waits
    m_hooks.dispatch();
}

void AttemptLifecycle::handleLockLost(const QString &agentId, const QString &resource, const QString &how)
{
    AgentRecord *r = m_table.record(agentId);
    if (!r)
        return;
    r->log->append(
        QStringLiteral("lock lost: %1 (%2); the attempt fails unless the agent re-acquires it").arg(resource, how));
    m_hooks.markDirty(*r);
}

const RetryPolicy &AttemptLifecycle::retryPolicy(const AgentRecord &r) const
{
    static const RetryPolicy none = [] {
        RetryPolicy p;
        p.maxRetries = 0;
        return p;
    }();
    if (r.goal.retry)
        return *r.goal.retry;
    const AgentProfile *profile = m_scheduler.profile(r.status.profile);
    return profile ? profile->retry : none;
}

void AttemptLifecycle::handleFinished(AgentRecord &record, const AgentResult &result, qint64 nowMs,
                                      const QDateTime &nowUtc)
{
    AgentRecord *r = &record;
    const QString agentId = r->status.agentId;
    AgentStatus &s = r->status;
    AgentResult outcome = result;
    // What an attempt says goes to the board, the signals and the store: never with an API key in it.
    outcome.summary = Secrets::redact(outcome.summary);
    outcome.error = Secrets::redact(outcome.error);
    if (outcome.outcome == AgentResult::Outcome::Completed && m_locks.hasLostLock(agentId)) {
        // Work done without the lock it relied on cannot be trusted, unless it took the lock back.
        QStringList lost = m_locks.lostLocks(agentId);
        const QStringList held = m_locks.heldBy(agentId);
        lost.erase(std::remove_if(lost.begin(), lost.end(), [&held](const QString &res) { return held.contains(res); }),
                   lost.end());
        if (!lost.isEmpty())
            outcome = AgentResult::failed(QStringLiteral("lock lost: %1").arg(lost.join(QStringLiteral(", "))), -1,
                                          errorKindName(ErrorKind::LockLost));
    }
    r->log->flush();
    if (r->context)
        collectTranscript(*r); // the last steps, recorded before the final state that follows them
    if (r->transcript && m_recorder.store()) {
        // The attempt's steps are in the store once committed: the live copy lets them go (only running
        // agents keep theirs in memory; views read the rest from the store).
        const qint64 upTo = r->transcript->total();
        m_recorder.whenStored([transcript = std::weak_ptr<AgentTranscript>(r->transcript), upTo] {
            if (const std::shared_ptr<AgentTranscript> live = transcript.lock())
                live->forgetBefore(upTo);
        });
    }
    if (m_recorder.store() && r->context) {
        // The attempt's final usage, unless applyLiveState() has recorded exactly this already (agents that
        // report no usage at all then cost one write less per goal).
        const AgentLiveState usage = r->context->liveState();
        if (usage.inputTokens != s.inputTokens - r->baseInputTokens ||
            usage.outputTokens != s.outputTokens - r->baseOutputTokens || usage.costUsd != s.costUsd - r->baseCostUsd ||
            usage.turns != s.turns - r->baseTurns)
            m_recorder.recordUsage(agentId, s.attempt, usage.inputTokens, usage.outputTokens, usage.costUsd,
                                   usage.turns);
    }
    m_locks.releaseAll(agentId);
    m_locks.clearLostLocks(agentId);
    m_inbox.cancelAgent(agentId);
    s.waitingFor.clear();
    std::shared_ptr<WorktreeAttempt> worktree;
    if (r->context) {
        worktree = r->context->worktreeAttempt();
        if (const QList<std::pair<QString, QString>> steps = r->context->delegations();
            !steps.isEmpty() && outcome.outcome == AgentResult::Outcome::Completed)
            outcome.output = TeamFlow::plannerOutput(steps, outcome.output); // what its team's next decision reads
        const AgentLiveState live = r->context->takeLiveState();
        collectSessionAndWorktree(*r, live);
        s.progress = live.progress;
        s.currentStep = live.step;
        s.queuedMs = live.queuedMs;
        s.queuedSince =
            live.queuedSinceMs >= 0 ? QDateTime::fromMSecsSinceEpoch(live.queuedSinceMs, Qt::UTC) : QDateTime();
        s.inputTokens = r->baseInputTokens + live.inputTokens;
        s.outputTokens = r->baseOutputTokens + live.outputTokens;
        s.costUsd = r->baseCostUsd + live.costUsd;
        s.turns = r->baseTurns + live.turns;
        if (!r->handedOff && live.handedOff)
            r->output = live.handoffData;
        r->context.reset();
    }
    if (worktree) {
        // inspect() removed a worktree the agent left unchanged.
        if (const std::optional<WorktreeRecord> wt = worktree->worktree();
            wt && r->worktree && wt->state != r->worktree->state) {
            r->worktree->state = wt->state;
            m_recorder.recordWorktree(*r->worktree);
        }
    }
    r->baseInputTokens = s.inputTokens;
    r->baseOutputTokens = s.outputTokens;
    r->baseCostUsd = s.costUsd;
    r->baseTurns = s.turns;
    s.completedAt = nowUtc;
    const qint64 attemptMs = s.startedAt.msecsTo(s.completedAt);
    r->runMs += attemptMs;
    if (!r->goal.team) // its members' time is counted already
        m_agentTimeMs += attemptMs;
    m_lastFinishMs = nowMs;

    // A team is never retried as a whole: its members retry on their own.
    if (outcome.outcome == AgentResult::Outcome::Failed && !r->cancelRequested && !m_watchdog.isRunBudgetHit() &&
        !r->goal.team) {
        const RetryPolicy &policy = retryPolicy(*r);
        // Attempts that Switchboard's stopping cut short spend no retry.
        const int retriesUsed = s.attempt - 1 - r->retryOffset - s.interruptedAttempts;
        const bool pastDeadline = r->goal.deadline.isValid() && r->goal.deadline <= s.completedAt;
        if (retriesUsed < policy.maxRetries && policy.retries(outcome.errorKind) && !pastDeadline) {
            const double delayS = policy.backoffFor(s.attempt, m_random.generateDouble());
            const qint64 delayMs = qMax<qint64>(0, qint64(delayS * 1000.0));
            m_scheduler.deferRetry(s.goalId);
            r->retryAtMs = nowMs + delayMs;
            m_watchdog.watch(*r);
            s.nextAttemptAt = s.completedAt.addMSecs(delayMs);
            s.resumedAfterInterruption = false; // the next attempt is a retry
            s.error = outcome.error;
            s.errorKind = outcome.errorKind;
            s.completedAt = QDateTime();
            r->log->append(QStringLiteral("attempt %1/%2 failed: %3; next try in %4 s")
                               .arg(s.attempt)
                               .arg(s.maxAttempts)
                               .arg(outcome.error)
                               .arg(delayS, 0, 'f', 1));
            m_hooks.setState(*r, AgentState::Queued);
            m_hooks.notifyRetryScheduled(agentId, s.attempt + 1, delayMs, outcome.error);
            m_watchdog.ensureRunning();
            m_hooks.dispatch();
            m_hooks.checkIdle();
            return;
        }
        if (m_escalateExhausted && policy.maxRetries > 0 && policy.retries(outcome.errorKind) && !pastDeadline) {
            // Out of retries: the human decides (the seed's "move to human queue").
            s.error = outcome.error;
            s.errorKind = outcome.errorKind;
            m_scheduler.deferRetry(s.goalId);
            escalateFailure(*r, outcome.error);
            m_hooks.dispatch();
            m_hooks.checkIdle();
            return;
        }
    }

    if (outcome.outcome == AgentResult::Outcome::Completed && worktree && worktree->hasChanges().value_or(false)) {
        // Its changes wait for a human: no slot, not final; dependents start once it is merged (endReview()).
        s.progress = 100;
        s.summary = outcome.summary;
        s.error.clear();
        if (!r->handedOff && !outcome.output.isEmpty())
            r->output = outcome.output;
        m_scheduler.park(s.goalId);
        r->log->append(QStringLiteral("waiting for review: merge or discard the changes in %1")
                           .arg(r->worktree ? r->worktree->path : QString()));
        m_hooks.setState(*r, AgentState::Review);
        m_recorder.recordLog(*r);
        m_hooks.notifyReview(agentId);
        m_hooks.dispatch();
        m_hooks.checkIdle();
        return;
    }

    switch (outcome.outcome) {
    case AgentResult::Outcome::Completed:
        s.progress = 100;
        s.summary = outcome.summary;
        s.error.clear();
        if (!r->handedOff && !outcome.output.isEmpty())
            r->output = outcome.output;
        m_hooks.setState(*r, AgentState::Completed);
        break;
    case AgentResult::Outcome::Failed:
        s.error = outcome.error;
        s.errorKind = outcome.errorKind;
        m_hooks.setState(*r, AgentState::Failed);
        break;
    case AgentResult::Outcome::Cancelled:
        s.error.clear();
        m_hooks.setState(*r, AgentState::Cancelled);
        break;
    }
    m_recorder.recordLog(*r);
    // Its dependents wait until its final state is durable and reported. Its slot does not: the agent has
    // stopped, so the next goal may start while the store commits (holding the slot made every goal wait for
    // a commit round trip: with the store, w1 took 100 instead of ~15 us per goal). Sequential runs keep it,
    // so that one goal is over, on disk, before the next starts.
    const bool freeSlotNow = m_recorder.store() && m_scheduler.mode() != Scheduler::Mode::Sequential;
    if (freeSlotNow)
        m_scheduler.suspend(s.goalId);
    const Scheduler::GoalState ended = goalStateFor(s.state);
    // The signal's text: the summary of a completed attempt, the error of a failed one.
    const QString &text = outcome.outcome == AgentResult::Outcome::Completed ? outcome.summary : outcome.error;
    if (m_recorder.store()) {
        m_recorder.reportFinal(*r, outcome, [this, agentId, goalId = s.goalId, ended, how = outcome.outcome, text] {
            reportEnded(agentId, goalId, ended, how, text);
        });
    } else {
        // Without a store reportFinal() would only run the report at once: no closure built (and freed) per goal.
        reportEnded(agentId, s.goalId, ended, outcome.outcome, text);
    }
    if (freeSlotNow)
        m_hooks.dispatch();
    m_hooks.checkIdle();
}

void AttemptLifecycle::reportEnded(const QString &agentId, const QString &goalId, Scheduler::GoalState ended,
                                   AgentResult::Outcome how, const QString &text)
{
    const QList<Scheduler::BlockedGoal> blocked = m_scheduler.finish(goalId, ended);
    switch (how) {
    case AgentResult::Outcome::Completed:
        m_hooks.notifyCompleted(agentId, text);
        break;
    case AgentResult::Outcome::Failed:
        m_hooks.notifyFailed(agentId, text);
        break;
    case AgentResult::Outcome::Cancelled:
        m_hooks.notifyCancelled(agentId);
        break;
    }
    applyBlocked(blocked);
    m_hooks.dispatch();
}

void AttemptLifecycle::escalateFailure(AgentRecord &r, const QString &error)
{
    AgentStatus &s = r.status;
    r.failureEscalated = true;
    s.completedAt = QDateTime();
    m_hooks.setState(r, AgentState::Escalated);
    EscalationInbox::Request request;
    request.agentId = s.agentId;
    request.goalId = s.goalId;
    request.trigger = Escalation::Trigger::Failure;
    request.priority = r.goal.priority;
    // The attempt number keeps each such question distinct: an earlier "Retry" must not answer it.
    request.question = QStringLiteral("'%1' failed %2 times in a row (attempt %3). Retry, skip it, or cancel "
                                      "what depends on it?")
                           .arg(r.goal.title)
                           .arg(s.attempt - r.retryOffset - s.interruptedAttempts)
                           .arg(s.attempt);
    request.context = QStringLiteral("Last error: %1").arg(error);
    request.options = {{QStringLiteral("retry"), QStringLiteral("Retry")},
                       {QStringLiteral("skip"), QStringLiteral("Skip (mark failed, block dependents)")},
                       {QStringLiteral("cancel_dependents"), QStringLiteral("Cancel dependents")}};
    const QString agentId = s.agentId;
    QString why;
    const QString id = m_inbox.raise(
        request, m_context, [this, agentId](const Escalation &e) { handleFailureAnswer(agentId, e); }, &why);
    if (id.isEmpty()) {
        r.failureEscalated = false;
        finishAsFailed(r, error, s.errorKind);
        return;
    }
    s.openEscalation = id;
    r.log->append(QStringLiteral("retries exhausted: asked the human (%1)").arg(id));
}

void AttemptLifecycle::handleFailureAnswer(const QString &agentId, const Escalation &e)
{
    AgentRecord *r = m_table.record(agentId);
    if (!r || !r->failureEscalated)
        return;
    r->failureEscalated = false;
    AgentStatus &s = r->status;
    s.openEscalation.clear();
    if (e.state == Escalation::State::Answered && e.answerOption == u"retry") {
        r->retryOffset = s.attempt - s.interruptedAttempts; // a fresh round of retries
        s.resumedAfterInterruption = false;
        r->log->append(QStringLiteral("the human chose Retry"));
        m_hooks.setState(*r, AgentState::Queued);
        m_scheduler.requeue(s.goalId);
        m_hooks.dispatch();
        return;
    }
    if (e.state == Escalation::State::Answered && e.answerOption == u"cancel_dependents") {
        const QList<Scheduler::BlockedGoal> blocked = m_scheduler.endPending(s.goalId, Scheduler::GoalState::Failed);
        s.completedAt = QDateTime::currentDateTimeUtc();
        m_hooks.setState(*r, AgentState::Failed);
        m_recorder.reportFinal(*r, std::nullopt,
                               [this, agentId, error = s.error] { m_hooks.notifyFailed(agentId, error); });
        for (const Scheduler::BlockedGoal &b : blocked) {
            if (AgentRecord *dependent = m_table.recordForGoal(b.goalId)) {
                dependent->status.error = QStringLiteral("cancelled by a human: dependency '%1' failed").arg(s.goalId);
                dependent->status.completedAt = QDateTime::currentDateTimeUtc();
                m_hooks.setState(*dependent, AgentState::Cancelled);
                m_recorder.reportFinal(*dependent, std::nullopt,
                                       [this, id = dependent->status.agentId] { m_hooks.notifyCancelled(id); });
            }
        }
        m_hooks.checkIdle();
        return;
    }
    // Skip, a timeout or a withdrawn question: the goal fails and its dependents are blocked.
    finishAsFailed(*r, s.error, s.errorKind);
}

void AttemptLifecycle::failPending(AgentRecord &r, const QString &error, const QString &kind)
{
    // The goal is pending in the scheduler (queued, backing off or deferred); end it there and here.
    const QList<Scheduler::BlockedGoal> blocked = m_scheduler.endPending(r.status.goalId, Scheduler::GoalState::Failed);
    r.retryAtMs = -1;
    r.status.nextAttemptAt = QDateTime();
    r.status.error = error;
    r.status.errorKind = kind;
    r.status.completedAt = QDateTime::currentDateTimeUtc();
    m_hooks.setState(r, AgentState::Failed);
    m_recorder.reportFinal(r, std::nullopt, [this, id = r.status.agentId, error, blocked] {
        m_hooks.notifyFailed(id, error);
        applyBlocked(blocked);
    });
}

void AttemptLifecycle::finishAsFailed(AgentRecord &r, const QString &error, const QString &kind)
{
    failPending(r, error, kind);
    m_hooks.dispatch();
    m_hooks.checkIdle();
}

void AttemptLifecycle::applyBlocked(const QList<Scheduler::BlockedGoal> &blocked)
{
    const QDateTime now = QDateTime::currentDateTimeUtc();
    for (const Scheduler::BlockedGoal &b : blocked) {
        AgentRecord *r = m_table.recordForGoal(b.goalId);
        if (!r)
            continue;
        if (b.skipped) {
            // Final without running: written like a cancelled queued goal, reported once durable.
            r->status.error.clear();
            r->status.summary = b.reason;
            r->status.completedAt = now;
            r->log->append(b.reason);
            m_hooks.setState(*r, AgentState::Skipped);
            m_recorder.reportFinal(*r, std::nullopt, [this, id = r->status.agentId, reason = b.reason] {
                m_hooks.notifySkipped(id, reason);
            });
            continue;
        }
        r->status.error = b.reason;
        r->status.completedAt = now;
        m_hooks.setState(*r, AgentState::Blocked);
        m_hooks.notifyBlocked(r->status.agentId, b.reason);
    }
}

void AttemptLifecycle::endReview(AgentRecord &r, bool merged, const QString &note)
{
    AgentStatus &s = r.status;
    if (s.state != AgentState::Review)
        return;
    s.completedAt = QDateTime::currentDateTimeUtc();
    r.log->append(note);
    AgentResult result = merged ? AgentResult::completed(s.summary) : AgentResult::cancelled();
    if (merged) {
        result.output = r.output;
    } else {
        s.error = note;
        result.error = note;
    }
    m_hooks.setState(r, merged ? AgentState::Completed : AgentState::Cancelled);
    m_recorder.recordLog(r);
    const QString agentId = s.agentId;
    m_recorder.reportFinal(r, result, [this, agentId, merged, goalId = s.goalId, summary = s.summary] {
        const QList<Scheduler::BlockedGoal> blocked =
            m_scheduler.finish(goalId, merged ? Scheduler::GoalState::Succeeded : Scheduler::GoalState::Cancelled);
        if (merged)
            m_hooks.notifyCompleted(agentId, summary);
        else
            m_hooks.notifyCancelled(agentId);
        applyBlocked(blocked);
        m_hooks.dispatch();
    });
    m_hooks.checkIdle();
}

bool AttemptLifecycle::cancel(const QString &agentId)
{
    AgentRecord *r = m_table.record(agentId);
    if (!r)
        return false;
    m_hooks.settlePooled(*r);
    const AgentState state = r->status.state;
    if (isFinalState(state) || state == AgentState::Review) // a goal in review is discarded, not cancelled
        return false;
    if (r->failureEscalated) {
        // Waiting on a human about its failure: withdraw the question, then cancel like a queued goal.
        r->failureEscalated = false;
        m_inbox.cancelAgent(agentId);
        r->status.openEscalation.clear();
    }
    if (state == AgentState::Queued || state == AgentState::Blocked || state == AgentState::Interrupted ||
        (state == AgentState::Escalated && !r->context)) {
        const QList<Scheduler::BlockedGoal> blocked = m_scheduler.cancelPending(r->status.goalId);
        r->retryAtMs = -1;
        r->status.nextAttemptAt = QDateTime();
        r->status.completedAt = QDateTime::currentDateTimeUtc();
        r->held = false;
        m_hooks.setState(*r, AgentState::Cancelled);
        m_recorder.reportFinal(*r, std::nullopt, [this, agentId, blocked] {
            m_hooks.notifyCancelled(agentId);
            applyBlocked(blocked);
        });
        m_hooks.checkIdle();
        return true;
    }
    if (r->goal.team) {
        r->cancelRequested = true;
        m_hooks.endTeam(*r, QString(), QString()); // its members first; the team ends after them
        return true;
    }
    if (r->cancelRequested)
        return true;
    r->cancelRequested = true;
    if (r->context)
        r->context->requestCancel(); // the runner returns promptly and reports Cancelled
    m_locks.cancelWaits(agentId);
    m_inbox.cancelAgent(agentId);
    return true;
}

bool AttemptLifecycle::stopAgent(const QString &agentId, const QString &reason, const QString &errorKind)
{
    AgentRecord *r = m_table.record(agentId);
    if (!r || isFinalState(r->status.state) || r->status.state == AgentState::Review)
        return false;
    m_hooks.settlePooled(*r);
    if (r->goal.team && r->status.state == AgentState::Running) {
        m_hooks.endTeam(*r, reason, errorKind);
        return true;
    }
    if (r->context) {
        r->context->stop(reason, errorKind);
        m_locks.cancelWaits(agentId);
        m_inbox.cancelAgent(agentId);
        return true;
    }
    if (r->failureEscalated) {
        r->failureEscalated = false;
        m_inbox.cancelAgent(agentId);
        finishAsFailed(*r, reason, errorKind);
        return true;
    }
    if (r->status.state == AgentState::Queued) {
        failPending(*r, reason, errorKind);
        m_hooks.checkIdle();
        return true;
    }
    return false;
}

} // namespace switchboard
