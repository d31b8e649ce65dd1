#include "Dispatcher.h"

#include "persistence/Store.h"

#include "AgentEventQueue.h"
#include "AgentRecord.h"
#include "AgentRunner.h"
#include "AgentTable.h"
#include "AttemptContext.h"
#include "RunHooks.h"
#include "RunRecorder.h"
#include "Scheduler.h"
#include "Watchdog.h"
#include "WorktreeAttempt.h"
#include "coordination/EscalationInbox.h"
#include "coordination/LockManager.h"
#include "coordination/Scratchpad.h"
#include "model/ErrorKind.h"
#include "persistence/Store.h"
#include "review/Worktrees.h"
#include "workspace/SharedWorkspace.h"

#include <QDir>
#include <QFileInfo>
#include <QStandardPaths>
#include <QThread>

#include <algorithm>
#include <utility>

namespace switchboard {

Dispatcher::Dispatcher(QObject *context, RunHooks &hooks, AgentTable &table, Scheduler &scheduler, LockManager &locks,
                       EscalationInbox &inbox, Scratchpad &scratchpad, RunRecorder &recorder, AgentEventQueue &events,
                       Watchdog &watchdog)
    : m_context(context)
    , m_hooks(hooks)
    , m_table(table)
    , m_scheduler(scheduler)
    , m_locks(locks)
    , m_inbox(inbox)
    , m_scratchpad(scratchpad)
    , m_recorder(recorder)
    , m_events(events)
    , m_watchdog(watchdog)
    , m_workers(QStringLiteral("switchboard-agents"))
    , m_backends(BackendRegistry::withBuiltins())
    , m_workspace(QDir::currentPath())
    , m_workspaceProvider(std::make_unique<SharedWorkspace>(m_workspace))
{
    m_workers.setCap(m_scheduler.maxParallel());
}

void Dispatcher::shutdown()
{
    m_paused = true;
    for (AgentRecord *r : m_pooled) {
        if (!r->pooled->withdrawLaunch())
            r->pooled->requestCancel(); // a thread took it just now
    }
    m_pooled.clear();
    m_table.forEach([this](AgentRecord &r) {
        if (r.context) {
            r.context->requestCancel();
            m_locks.cancelWaits(r.status.agentId);
            m_inbox.cancelAgent(r.status.agentId);
        }
    });
    m_workers.clear();
    m_workers.waitForDone();
}

void Dispatcher::setWorkspace(const QString &path)
{
    m_workspace = path;
    m_workspaceProvider = std::make_unique<SharedWorkspace>(m_workspace);
}

void Dispatcher::setWorkspaceProvider(std::unique_ptr<WorkspaceProvider> provider)
{
    m_workspaceProvider = provider ? std::move(provider) : std::make_unique<SharedWorkspace>(m_workspace);
}

void Dispatcher::hold()
{
    if (m_held++ == 0)
        m_heldLoopLevel = QThread::currentThread()->loopLevel();
}

void Dispatcher::release()
{
    if (--m_held == 0 && m_dispatchWanted) {
        m_dispatchWanted = false;
        dispatch();
    }
}

void Dispatcher::dispatch()
{
    if (m_held > 0 && QThread::currentThread()->loopLevel() == m_heldLoopLevel) {
        if (!m_dispatchWanted) {
            m_dispatchWanted = true;
            // Normally release() dispatches at the end of the batch and this finds nothing to do. But a handler
            // may run an event loop of its own (a modal dialog, waitAll()) before the batch ends: then this
            // dispatches from inside it, so nothing waits for that loop to end.
            QMetaObject::invokeMethod(
                m_context,
                [this] {
                    if (!m_dispatchWanted)
                        return;
                    m_dispatchWanted = false;
                    const int held = std::exchange(m_held, 0);
                    dispatch();
                    m_held = held;
                },
                Qt::QueuedConnection);
        }
        return;
    }
    // A storage failure pauses dispatch when its signal arrives; until then nothing may start either (a commit
    // callback or a freed slot can get here first), since nothing more it does could be recorded.
    if (m_paused || m_recorder.isStoreFailed())
        return;
    // Goals whose `when` is false end Skipped (with their dependents) before anything is taken.
    if (const QList<Scheduler::BlockedGoal> skipped = m_scheduler.checkConditions(); !skipped.isEmpty()) {
        m_hooks.applyBlocked(skipped);
        m_hooks.checkIdle();
    }
    const QList<Scheduler::Dispatch> ready =
        m_scheduler.takeReady([this](const Goal &goal) { return canDispatch(goal); }, lookahead());
    // Handed over in one batch: one lock of the workers' queue and at most one wake-up for all of them.
    std::vector<QRunnable *> runners;
    runners.reserve(static_cast<size_t>(ready.size()));
    // The clock is read once for the batch (twice per started goal before).
    const qint64 nowMs = ready.isEmpty() ? 0 : m_hooks.nowMs();
    const QDateTime nowUtc = ready.isEmpty() ? QDateTime() : QDateTime::currentDateTimeUtc();
    for (const Scheduler::Dispatch &d : ready) {
        AgentRecord *r = m_table.recordForGoal(d.goalId);
        if (!r)
            continue;
        if (QRunnable *runner = startAgent(*r, d.profile, d.ahead, nowMs, nowUtc))
            runners.push_back(runner);
    }
    m_workers.submit(runners);
}

void Dispatcher::setMaxParallel(int maxParallel)
{
    withdrawPooled();
    m_scheduler.setMaxParallel(maxParallel);
    m_workers.setCap(maxParallel);
}

bool Dispatcher::pause()
{
    if (m_paused)
        return false;
    m_paused = true;
    withdrawPooled(); // nothing new starts, not even what was queued ahead in the pool
    return true;
}

bool Dispatcher::resume()
{
    if (!m_paused)
        return false;
    m_paused = false;
    return true;
}

int Dispatcher::lookahead() const
{
    // Goals that take a millisecond or two: more are handed to the workers than may run, so a worker that finishes
    // one takes the next at once instead of sleeping until this thread has handled the completion (a wake-up per
    // goal). The workers' cap (= max_parallel) keeps what really runs at once exact. Longer goals would gain
    // nothing and only take their place early.
    // How far ahead: four times max_parallel up to 64 (at least max_parallel). With max_parallel more only, this
    // thread took ~5 completions per wake-up (w1: ~1,900 wake-ups and context switches per 10,000 goals); with
    // 4x, the workers still have work while it handles a batch (~800, and ~3 % less CPU). The bound keeps the
    // queued-ahead attempts (walked when one starts or is withdrawn) few when max_parallel is large.
    constexpr qint64 kWarmUp = 16;
    constexpr double kShortAttemptMs = 2.0;
    constexpr int kDepth = 4;
    constexpr int kDepthBound = 64;
    if (m_attemptsEnded < kWarmUp || m_attemptMsAverage > kShortAttemptMs)
        return 0;
    const int cap = m_scheduler.maxParallel();
    return qMax(cap, qMin(kDepth * cap, kDepthBound));
}

void Dispatcher::settlePooled(AgentRecord &r)
{
    // Its Started event then finds nothing left to do.
    if (!r.pooled)
        return;
    std::shared_ptr<AttemptContext> attempt = std::move(r.pooled);
    m_pooled.erase(std::find(m_pooled.begin(), m_pooled.end(), &r));
    if (attempt->withdrawLaunch()) {
        m_scheduler.undispatch(r.status.goalId);
        return;
    }
    r.context = std::move(attempt);
    m_hooks.beginAttempt(r, m_hooks.nowMs(), QDateTime::currentDateTimeUtc());
}

void Dispatcher::withdrawPooled()
{
    while (!m_pooled.empty())
        settlePooled(*m_pooled.back());
}

bool Dispatcher::canDispatch(const Goal &goal)
{
    AgentRecord *r = m_table.recordForGoal(goal.id);
    if ((r && r->held) || (m_recorder.store() && (!r || !r->durable)))
        return false;
    if (r && !m_watchdog.mayStart(*r))
        return false;
    if (goal.team)
        return true; // its members lock the resources, each while it runs
    return tryStartWithResources(goal);
}

bool Dispatcher::tryStartWithResources(const Goal &goal)
{
    if (goal.resources.isEmpty())
        return true;
    AgentRecord *r = m_table.recordForGoal(goal.id);
    if (!r)
        return false;
    // The goal's declared resources are locked for the whole attempt (released when it ends).
    if (!m_locks.anyHeld(goal.resources)) {
        const LockManager::Result granted = m_locks.tryAcquire(r->status.agentId, goal.resources, goal.id);
        if (granted.ok()) {
            m_conflictCounted.remove(goal.id);
            r->status.waitingFor.clear();
            return true;
        }
        if (granted.status == LockManager::Status::Invalid) {
            // A resource that can never be locked (e.g. a path outside the workspace) is a bad goal.
            r->status.waitingFor.clear();
            QMetaObject::invokeMethod(
                m_context,
                [this, id = r->status.agentId, why = granted.error] {
                    if (AgentRecord *bad = m_table.record(id); bad && bad->status.state == AgentState::Queued)
                        m_hooks.failPending(*bad, QStringLiteral("invalid resources: %1").arg(why),
                                            errorKindName(ErrorKind::Invalid));
                },
                Qt::QueuedConnection);
            return false;
        }
    }
    if (!m_conflictCounted.contains(goal.id)) {
        m_conflictCounted.insert(goal.id);
        ++m_lockConflicts; // a lock conflict for the metrics: the scheduler picks another goal
        QStringList held;
        for (const QString &resource : goal.resources) {
            if (m_locks.isHeld(resource))
                held << resource;
        }
        r->status.waitingFor = held.isEmpty() ? goal.resources : held;
        m_hooks.markDirty(*r);
    }
    return false;
}

QRunnable *Dispatcher::startAgent(AgentRecord &record, const QString &profileName, bool ahead, qint64 nowMs,
                                  const QDateTime &nowUtc)
{
    if (record.goal.team) {
        m_hooks.startTeam(record); // no agent, no slot: its members run
        return nullptr;
    }
    AgentStatus &s = record.status;
    std::shared_ptr<const AgentProfile> shared = m_scheduler.sharedProfile(profileName);
    const AgentProfile *profile = shared.get();
    s.profile = profileName;
    if (!record.goal.retry && profile)
        s.maxAttempts = 1 + qMax(0, profile->retry.maxRetries) + s.interruptedAttempts;
    if (record.goal.profile.isEmpty())
        s.name = profileName + u'-' + QStringView(s.agentId).mid(2);

    std::unique_ptr<AgentBackend> backend = profile ? m_backends.create(*profile) : nullptr;
    if (!backend) {
        m_hooks.beginAttempt(record, nowMs, nowUtc);
        const QString why = profile ? QStringLiteral("no backend named '%1'").arg(profile->backend)
                                    : QStringLiteral("no profile named '%1'").arg(profileName);
        m_events.post({AgentEvent::Kind::Finished, s.agentId, nullptr, AgentResult::failed(why)});
        return nullptr;
    }
    // isolation: worktree: the worktree is made (or found again) on the attempt's pool thread, before the backend
    // runs (AttemptContext::prepareWorkspace()), so no git command blocks this thread. The provider is not asked.
    const IsolationSettings isolation = record.goal.isolation.over(profile->isolation);
    const AgentRecord *original =
        record.goal.followUpOf.isEmpty() ? nullptr : m_table.recordForGoal(record.goal.followUpOf);
    if (!record.goal.followUpOf.isEmpty() &&
        (!original || !original->worktree || original->status.state != AgentState::Review)) {
        // Nothing to continue yet (or the original still works in it): running on a fresh worktree and session, or
        // beside the original, would silently drop what the follow-up is for. The scheduler does not order a follow-up
        // after its original (depends_on waits for the merge).
        m_hooks.beginAttempt(record, nowMs, nowUtc);
        m_events.post({AgentEvent::Kind::Finished, s.agentId, nullptr,
                       AgentResult::failed(QStringLiteral("follow-up of '%1': that goal has no worktree to continue "
                                                          "yet; a follow-up starts once its original waits in review")
                                               .arg(record.goal.followUpOf),
                                           -1, errorKindName(ErrorKind::Invalid))});
        return nullptr;
    }
    std::shared_ptr<WorktreeAttempt> worktree;
    QString workspaceError;
    QString workspace;
    if (isolation.effectiveMode() == IsolationMode::Worktree || (original && original->worktree)) {
        WorktreeAttempt::Plan plan;
        // A follow-up works in its original's worktree; a retry or a restored goal in the one it had.
        plan.existing = record.worktree ? record.worktree : original ? original->worktree : std::nullopt;
        // Never a relative "worktrees/" in whatever directory Switchboard was started in.
        plan.dataDir = m_dataDirectory.isEmpty() ? QStandardPaths::writableLocation(QStandardPaths::AppDataLocation)
                                                 : m_dataDirectory;
        plan.repo = isolation.repo.isEmpty() ? m_workspace : isolation.repo;
        plan.baseBranch = isolation.baseBranch;
        plan.setup = isolation.setup;
        plan.goalId = record.goal.id;
        plan.runId = m_recorder.runId();
        if (plan.existing)
            record.worktree = plan.existing;
        s.repository = QFileInfo(plan.existing ? plan.existing->repo : plan.repo).fileName();
        workspace = plan.existing ? plan.existing->path
                                  : Worktrees::directoryFor(plan.dataDir, plan.repo, plan.goalId); // until prepared
        worktree = std::make_shared<WorktreeAttempt>(std::move(plan));
    } else if (!isolation.repo.isEmpty()) {
        workspace = isolation.repo; // shared: the repository itself; the goal's resources are locked as usual
        s.repository = QFileInfo(workspace).fileName();
    } else {
        workspace = m_workspaceProvider->workspaceFor(record.goal, s.agentId, s.attempt + 1, &workspaceError);
    }
    if (workspace.isEmpty()) {
        m_hooks.beginAttempt(record, nowMs, nowUtc);
        m_events.post({AgentEvent::Kind::Finished, s.agentId, nullptr,
                       AgentResult::failed(QStringLiteral("no workspace: %1").arg(workspaceError), -1,
                                           errorKindName(ErrorKind::Workspace))});
        return nullptr;
    }
    if (record.goal.executor) {
        AgentProfile effective = *profile;
        effective.executor = *record.goal.executor; // the goal's own executor wins (issue 19)
        shared = std::make_shared<const AgentProfile>(std::move(effective));
    }
    auto context = std::make_shared<AttemptContext>(s.agentId, record.goal, std::move(shared), s.attempt + 1, workspace,
                                                    record.log, &m_events);
    context->setInputs(inputsFor(record.goal));
    context->setWorktreeAttempt(std::move(worktree));
    // A retry resumes the session its goal's last attempt recorded; a follow-up its original's.
    context->setResumeSession(!s.agentSession.isEmpty() ? s.agentSession
                              : original                ? original->status.agentSession
                                                        : QString());
    context->setAnswers(m_recorder.answersFor(record.goal.id));
    context->setCoordination(&m_locks, &m_inbox, &m_workers);
    context->setScratchpad(&m_scratchpad);
    if (Store *store = m_recorder.store()) {
        context->setProcessGroupRecorder(
            [store](const ProcessGroupRecord &group) { return store->recordProcessGroup(group); });
        context->setExecutorRecorder(
            [store](const ExecutorRecord &job, bool wait) { return store->recordExecutor(job, wait); });
    }
    context->setRunId(m_recorder.runId());
    context->setJobScope(m_recorder.jobScope());
    auto *runner = new AgentRunner(std::move(backend), context, m_events);
    if (ahead) {
        // Queued behind the running ones: it stays Queued until a worker takes it.
        context->setLaunchPending();
        record.pooled = std::move(context);
        m_pooled.push_back(&record);
    } else {
        record.context = std::move(context);
        m_hooks.beginAttempt(record, nowMs, nowUtc);
    }
    return runner;
}

QJsonObject Dispatcher::inputsFor(const Goal &goal) const
{
    QJsonObject inputs;
    for (const QString &dep : goal.dependsOn) {
        const AgentRecord *r = m_table.recordForGoal(dep);
        if (!r || (r->output.isEmpty() && r->status.summary.isEmpty()))
            continue;
        QJsonObject entry;
        entry.insert(u"summary", r->status.summary);
        entry.insert(u"output", r->output);
        entry.insert(u"state", agentStateToString(r->status.state));
        inputs.insert(dep, entry);
    }
    return inputs;
}

void Dispatcher::handleStarted(AgentRecord *r, const AttemptContext *attempt, qint64 nowMs, const QDateTime &nowUtc)
{
    // In report order a runner starts only after the one whose thread it took has finished or begun to wait,
    // so this count never exceeds the threads that really run agents.
    m_maxRunningSeen = qMax(m_maxRunningSeen, ++m_runnersActive);
    if (r && r->pooled && r->pooled.get() == attempt) {
        m_pooled.erase(std::find(m_pooled.begin(), m_pooled.end(), r));
        r->context = std::move(r->pooled);
        m_hooks.beginAttempt(*r, nowMs, nowUtc);
    }
}

void Dispatcher::handleWaitChanged(AgentRecord &r, bool waiting)
{
    if (waiting == r.runnerWaiting)
        return;
    r.runnerWaiting = waiting;
    m_runnersActive += waiting ? -1 : 1;
    m_maxRunningSeen = qMax(m_maxRunningSeen, m_runnersActive);
}

void Dispatcher::handleFinished(AgentRecord *r, const AttemptContext *attempt, qint64 nowMs)
{
    if (!attempt)
        return; // no runner ran
    if (r && r->runnerWaiting)
        r->runnerWaiting = false;
    else
        --m_runnersActive;
    if (r && r->attemptStartMs >= 0) {
        // How long attempts take decides the look-ahead (short ones only).
        const double ms = static_cast<double>(nowMs - r->attemptStartMs);
        m_attemptMsAverage = m_attemptsEnded++ == 0 ? ms : m_attemptMsAverage + (ms - m_attemptMsAverage) / 8.0;
    }
}

} // namespace switchboard
