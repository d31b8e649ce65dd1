#include "Orchestrator.h"

#include "AgentEventQueue.h"
#include "AgentLog.h"
#include "AgentRecord.h"
#include "AgentTable.h"
#include "AgentTranscript.h"
#include "AttemptContext.h"
#include "AttemptLifecycle.h"
#include "Dispatcher.h"
#include "GoalIntake.h"
#include "RunRecorder.h"
#include "RunRestorer.h"
#include "TeamCoordinator.h"
#include "UpdatePublisher.h"
#include "Watchdog.h"
#include "persistence/Store.h"
#include "review/WorktreeReview.h"

#include <QDir>
#include <QEventLoop>
#include <QFileInfo>
#include <QMetaMethod>
#include <QSet>
#include <QTimer>

#include <algorithm>
#include <functional>

namespace switchboard {

Orchestrator::Orchestrator(QObject *parent)
    : QObject(parent)
    , m_table(std::make_unique<AgentTable>())
    , m_events(std::make_unique<AgentEventQueue>(
          [this] { QMetaObject::invokeMethod(this, &Orchestrator::handleAgentEvents, Qt::QueuedConnection); }))
    , m_publisher(std::make_unique<UpdatePublisher>([this](AgentRecord &r) { m_recorder->recordLog(r); },
                                                    [this](const QStringList &ids) { Q_EMIT agentsUpdated(ids); },
                                                    [this] {
                                                        return m_recorder->store() != nullptr ||
                                                               isSignalConnected(QMetaMethod::fromSignal(
                                                                   &Orchestrator::agentsUpdated));
                                                    }))
    , m_recorder(std::make_unique<RunRecorder>(this, hooks(), m_scratchpad, m_inbox,
                                               [this] { return effectiveRunSettings(); }))
    , m_watchdog(std::make_unique<Watchdog>(this, hooks(), *m_table, m_scheduler, m_locks, m_inbox))
    , m_lifecycle(std::make_unique<AttemptLifecycle>(this, hooks(), *m_table, m_scheduler, m_locks, m_inbox,
                                                     *m_recorder, *m_watchdog))
    , m_dispatcher(std::make_unique<Dispatcher>(this, hooks(), *m_table, m_scheduler, m_locks, m_inbox, m_scratchpad,
                                                *m_recorder, *m_events, *m_watchdog))
    , m_intake(std::make_unique<GoalIntake>(hooks(), *m_table, m_scheduler, *m_recorder, *m_watchdog))
    , m_restorer(std::make_unique<RunRestorer>(hooks(), *m_table, m_scheduler, m_inbox, m_scratchpad, *m_recorder))
    , m_teams(std::make_unique<TeamCoordinator>(
          this, hooks(), *m_table, m_scheduler, *m_intake, *m_events,
          [this](const QString &agentId) { return m_lifecycle->cancel(agentId); },
          [this](const QString &agentId, const QString &reason, const QString &kind) {
              return m_lifecycle->stopAgent(agentId, reason, kind);
          }))
{
    m_clock.start();
    m_teams->setBudgetCheck([this](AgentRecord &team) { m_watchdog->checkTeamBudget(team); });
    // `when: {result_contains}` reads what the dependency produced: its result summary and output.
    m_scheduler.setResultText([this](const QString &goalId) {
        const AgentRecord *r = m_table->recordForGoal(goalId);
        return r ? r->status.summary + QLatin1Char('\n') + r->output : QString();
    });

    // Notes are recorded with the run (queued: agents write them on their own threads).
    connect(
        &m_scratchpad, &Scratchpad::noteWritten, this,
        [this](const NoteRecord &note) { m_recorder->recordNote(note.key, note.text, note.authorAgentId, note.at); },
        Qt::QueuedConnection);

    // A released lock may let a queued goal with resources start.
    const auto retryDispatch = [this] { dispatch(); };
    connect(&m_locks, &LockManager::lockReleased, this, retryDispatch);
    connect(&m_locks, &LockManager::lockExpired, this, [this](const QString &agent, const QString &resource, quint64) {
        m_lifecycle->handleLockLost(agent, resource, QStringLiteral("expired"));
        dispatch();
    });
    connect(&m_locks, &LockManager::lockForced, this, [this](const QString &agent, const QString &resource, quint64) {
        m_lifecycle->handleLockLost(agent, resource, QStringLiteral("force-released by a human"));
        dispatch();
    });
    connect(&m_inbox, &EscalationInbox::escalationRaised, this, [this](const Escalation &e) {
        if (AgentRecord *r = m_table->record(e.agentId)) {
            r->status.openEscalation = e.id;
            markDirty(*r);
        }
    });
    const auto closed = [this](const Escalation &e) {
        if (AgentRecord *r = m_table->record(e.agentId); r && r->status.openEscalation == e.id) {
            r->status.openEscalation.clear();
            markDirty(*r);
        }
    };
    connect(&m_inbox, &EscalationInbox::escalationAnswered, this, closed);
    connect(&m_inbox, &EscalationInbox::escalationCancelled, this, closed);
    connect(&m_inbox, &EscalationInbox::escalationTimedOut, this, closed);
    // Durable record of every question, answer and lock event (with a store).
    const auto recordEscalation = [this](const Escalation &e) { m_recorder->recordEscalation(e); };
    connect(&m_inbox, &EscalationInbox::escalationRaised, this, recordEscalation);
    connect(&m_inbox, &EscalationInbox::escalationAnswered, this, recordEscalation);
    connect(&m_inbox, &EscalationInbox::escalationCancelled, this, recordEscalation);
    connect(&m_inbox, &EscalationInbox::escalationTimedOut, this, recordEscalation);
    connect(&m_locks, &LockManager::lockEvent, this,
            [this](const LockEvent &event) { m_recorder->recordLockEvent(event); });
    connect(&m_inbox, &EscalationInbox::goalNeedsHuman, this, [this](const QString &goalId) {
        if (AgentRecord *r = m_table->recordForGoal(goalId)) {
            r->status.needsHuman = true;
            markDirty(*r);
        }
    });
}

Orchestrator::~Orchestrator()
{
    // Stop everything and wait: no runner may post to a dead orchestrator.
    m_dispatcher->shutdown();
}

// --- settings ---

void Orchestrator::setProfiles(const QList<AgentProfile> &profiles)
{
    withdrawPooled();
    m_scheduler.setProfiles(profiles);
    m_table->forEach([this](AgentRecord &r) { m_watchdog->watch(r); }); // a profile may have got a timeout
    dispatch();
}

QList<AgentProfile> Orchestrator::profiles() const
{
    return m_scheduler.profiles();
}

void Orchestrator::setBackends(BackendRegistry registry)
{
    m_dispatcher->setBackends(std::move(registry));
}

const BackendRegistry &Orchestrator::backends() const
{
    return m_dispatcher->backends();
}

void Orchestrator::setLogDirectory(const QString &dir)
{
    m_intake->setLogDirectory(dir);
}

QString Orchestrator::logDirectory() const
{
    return m_intake->logDirectory();
}

void Orchestrator::setWorkspace(const QString &path)
{
    m_dispatcher->setWorkspace(path.isEmpty() ? QDir::currentPath() : QDir(path).absolutePath());
}

void Orchestrator::setWorkspaceProvider(std::unique_ptr<WorkspaceProvider> provider)
{
    m_dispatcher->setWorkspaceProvider(std::move(provider));
}

QString Orchestrator::workspace() const
{
    return m_dispatcher->workspace();
}

void Orchestrator::setUpdateInterval(int ms)
{
    m_publisher->setInterval(ms);
}

void Orchestrator::setDeadlinePolicy(DeadlinePolicy policy)
{
    m_watchdog->setDeadlinePolicy(policy);
}

void Orchestrator::setRunBudget(const Budget &budget)
{
    m_watchdog->setRunBudget(budget);
}

void Orchestrator::setAskBeforeBudgetStop(bool ask)
{
    m_watchdog->setAskBeforeBudgetStop(ask);
}

void Orchestrator::setEscalateExhaustedRetries(bool enabled)
{
    m_lifecycle->setEscalateExhaustedRetries(enabled);
}

void Orchestrator::setMaxParallel(int maxParallel)
{
    maxParallel = qMax(1, maxParallel);
    if (maxParallel == m_scheduler.maxParallel())
        return;
    m_dispatcher->setMaxParallel(maxParallel);
    Q_EMIT maxParallelChanged(maxParallel);
    dispatch();
}

int Orchestrator::maxParallel() const
{
    return m_scheduler.maxParallel();
}

void Orchestrator::setMode(Scheduler::Mode mode)
{
    withdrawPooled();
    m_scheduler.setMode(mode);
    dispatch();
}

void Orchestrator::pauseDispatch()
{
    if (m_dispatcher->pause())
        Q_EMIT dispatchPausedChanged(true);
}

void Orchestrator::resumeDispatch()
{
    if (!m_dispatcher->resume())
        return;
    Q_EMIT dispatchPausedChanged(false);
    dispatch();
}

bool Orchestrator::isDispatchPaused() const
{
    return m_dispatcher->isPaused();
}

// --- durability ---

void Orchestrator::setStore(Store *store)
{
    // Counters only: ids and fencing tokens must never repeat one in the database.
    setStore(store, store && store->isOpen() ? store->load(QStringLiteral("\x01no-run")) : StoreSnapshot());
}

void Orchestrator::setStore(Store *store, const StoreSnapshot &counters)
{
    m_recorder->setStore(store, [this](const QString &message) {
        pauseDispatch(); // nothing new starts while nothing can be recorded
        Q_EMIT storageFailed(message);
    });
    // The full output goes beside the database the run is recorded in, where History and a later resume find it
    // (Store::logFilePath); written once, by each agent's AgentLog.
    if (store && store->isOpen() && !store->isReadOnly())
        m_intake->setLogDirectory(store->logDirectory());
    if (store && store->isOpen() && m_dataDirectory.isEmpty())
        m_dispatcher->setDataDirectory(QFileInfo(store->path()).absolutePath()); // worktrees/ beside logs/
    if (store && store->isOpen())
        applyStoreFloors(counters);
}

Store *Orchestrator::store() const
{
    return m_recorder->store();
}

void Orchestrator::setRunName(const QString &name, const QString &planFile)
{
    m_recorder->setRunName(name, planFile);
}

void Orchestrator::setRunSettings(const QJsonObject &settings)
{
    m_recorder->setRunSettings(settings);
}

QString Orchestrator::runId() const
{
    return m_recorder->runId();
}

bool Orchestrator::isStorageFailed() const
{
    return m_recorder->isStorageFailed();
}

QJsonObject Orchestrator::effectiveRunSettings() const
{
    return {{QStringLiteral("max_parallel"), maxParallel()},
            {QStringLiteral("mode"), Scheduler::modeToString(mode())},
            {QStringLiteral("workspace"), workspace()}};
}

void Orchestrator::applyStoreFloors(const StoreSnapshot &snapshot)
{
    m_intake->applyFloors(snapshot);
    m_locks.setTokenFloor(snapshot.maxFencingToken);
    m_inbox.setIdFloor(snapshot.lastEscalationNumber);
}

bool Orchestrator::restore(const StoreSnapshot &snapshot, bool autoResume, QString *error)
{
    if (!beginRestore(snapshot, autoResume, error))
        return false;
    while (!continueRestore(QDeadlineTimer(QDeadlineTimer::Forever))) {
    }
    return true;
}

bool Orchestrator::beginRestore(const StoreSnapshot &snapshot, bool autoResume, QString *error)
{
    if (!m_table->isEmpty() || m_restorer->isBusy()) {
        if (error)
            *error = QStringLiteral("restore() needs an empty board");
        return false;
    }
    applyStoreFloors(snapshot);
    return m_restorer->begin(snapshot, autoResume, m_intake->logDirectory(), error);
}

bool Orchestrator::continueRestore(const QDeadlineTimer &deadline)
{
    if (!m_restorer->isBusy())
        return true;
    if (!m_restorer->step(deadline))
        return false;
    if (m_restorer->restoredTeams())
        m_teams->rebuild(); // teams go on with the members the store kept (a walk over every agent: only for teams)
    return true;
}

bool Orchestrator::isRestoring() const
{
    return m_restorer->isBusy();
}

bool Orchestrator::resumeInterrupted(const QString &agentId)
{
    return resumeInterrupted(QStringList{agentId}) == 1;
}

int Orchestrator::resumeInterrupted(const QStringList &agentIds)
{
    return m_restorer->resumeInterrupted(agentIds);
}

bool Orchestrator::answer(const QString &escalationId, const QString &option, const QString &text, QString *error,
                          const QString &answeredBy)
{
    return m_recorder->answer(escalationId, option, text, error, answeredBy);
}

// --- spawn ---

QStringList Orchestrator::validate(const QList<Goal> &goals) const
{
    return m_intake->validate(goals);
}

QString Orchestrator::spawn(const Goal &goal, QString *error)
{
    const QStringList ids = spawnParallel({goal}, error);
    return ids.isEmpty() ? QString() : ids.first();
}

QStringList Orchestrator::spawnParallel(const QList<Goal> &goals, QString *error)
{
    return m_intake->spawn(goals, error);
}

// --- queries ---

std::optional<AgentStatus> Orchestrator::status(const QString &agentId) const
{
    const AgentStatus *s = findStatus(agentId);
    return s ? std::optional<AgentStatus>(*s) : std::nullopt;
}

const AgentStatus *Orchestrator::findStatus(const QString &agentId) const
{
    const AgentRecord *r = m_table->record(agentId);
    return r ? &r->status : nullptr;
}

QList<AgentStatus> Orchestrator::agents() const
{
    QList<AgentStatus> out;
    out.reserve(m_table->size());
    m_table->forEach([&out](const AgentRecord &r) { out << r.status; });
    return out;
}

QStringList Orchestrator::agentIds() const
{
    return m_table->order();
}

std::optional<Goal> Orchestrator::goal(const QString &goalId) const
{
    const AgentRecord *r = m_table->recordForGoal(goalId);
    if (!r)
        return std::nullopt;
    return r->goal;
}

QStringList Orchestrator::goalDependencies(const QString &goalId) const
{
    const AgentRecord *r = m_table->recordForGoal(goalId);
    return r ? r->goal.dependsOn : QStringList();
}

QStringList Orchestrator::goalIds() const
{
    QStringList out;
    out.reserve(m_table->size());
    m_table->forEach([&out](const AgentRecord &r) { out << r.goal.id; });
    return out;
}

QString Orchestrator::agentForGoal(const QString &goalId) const
{
    const AgentRecord *r = m_table->recordForGoal(goalId);
    return r ? r->status.agentId : QString();
}

QStringList Orchestrator::agentLog(const QString &agentId) const
{
    const AgentRecord *r = m_table->record(agentId);
    return r ? r->log->lines() : QStringList();
}

QString Orchestrator::agentLogFile(const QString &agentId) const
{
    const AgentRecord *r = m_table->record(agentId);
    return r ? r->log->spillFile() : QString();
}

qint64 Orchestrator::agentLogDropped(const QString &agentId) const
{
    const AgentRecord *r = m_table->record(agentId);
    return r ? r->log->droppedLines() : 0;
}

QList<TranscriptEntry> Orchestrator::agentTranscript(const QString &agentId, qint64 from, qint64 *total,
                                                     qint64 *dropped) const
{
    const AgentRecord *r = m_table->record(agentId);
    const AgentTranscript *transcript = r ? r->transcript.get() : nullptr;
    if (total)
        *total = transcript ? transcript->total() : 0;
    if (dropped)
        *dropped = transcript ? transcript->dropped() : 0;
    return transcript ? transcript->since(from) : QList<TranscriptEntry>();
}

int Orchestrator::lockConflicts() const
{
    return m_dispatcher->lockConflicts();
}

int Orchestrator::maxParallelReached() const
{
    return m_dispatcher->maxRunningSeen();
}

Orchestrator::Progress Orchestrator::progress() const
{
    const auto count = [this](AgentState s) { return m_table->count(s); };
    Progress p;
    p.pending = count(AgentState::Queued) + count(AgentState::Interrupted);
    p.waiting = count(AgentState::Escalated) + count(AgentState::WaitingForLock);
    p.inProgress = count(AgentState::Running) + count(AgentState::Paused) + p.waiting;
    p.completed = count(AgentState::Completed);
    p.failed = count(AgentState::Failed);
    p.cancelled = count(AgentState::Cancelled);
    p.blocked = count(AgentState::Blocked);
    p.skipped = count(AgentState::Skipped);
    p.inReview = count(AgentState::Review);
    p.poolBusy = m_scheduler.runningCount() - m_dispatcher->pooledCount(); // not the look-ahead
    p.poolAvailable = qMax(0, m_scheduler.maxParallel() - p.poolBusy);
    // Only queued agents wait out a backoff: none queued (10,000 live cards), none to count; else no look-ups.
    if (p.pending > 0)
        m_table->forEachUnordered([&p](const AgentRecord &r) { p.retrying += r.retryAtMs >= 0 ? 1 : 0; });
    p.rateLimitedProfiles = m_watchdog->rateLimitedProfiles();
    return p;
}

RunSummary Orchestrator::summary() const
{
    RunSummary summary;
    const qint64 firstStart = m_lifecycle->firstStartMs();
    const qint64 lastFinish = m_lifecycle->lastFinishMs();
    summary.wallMs = firstStart >= 0 && lastFinish >= firstStart ? lastFinish - firstStart : 0;
    summary.agentTimeMs = m_lifecycle->agentTimeMs();
    summary.maxParallelReached = maxParallelReached();
    QList<Goal> goals;
    goals.reserve(m_table->size());
    m_table->forEach([this, &goals, &summary](const AgentRecord &r) {
        goals << r.goal;
        if (r.goal.member && (r.status.state == AgentState::Failed || r.status.state == AgentState::Cancelled)) {
            const AgentRecord *team = m_table->recordForGoal(r.goal.member->team);
            summary.tolerated += team && team->status.state == AgentState::Completed ? 1 : 0;
        }
        if (r.goal.team)
            return; // a team's usage is its members', counted with them
        summary.inputTokens += r.status.inputTokens;
        summary.outputTokens += r.status.outputTokens;
        summary.costUsd += r.status.costUsd;
    });
    summary.phases = static_cast<int>(Scheduler::phases(goals).size());
    const Progress p = progress();
    summary.total = static_cast<int>(m_table->size());
    summary.completed = p.completed;
    summary.failed = p.failed;
    summary.cancelled = p.cancelled;
    summary.blocked = p.blocked;
    summary.skipped = p.skipped;
    summary.inReview = m_table->count(AgentState::Review);
    return summary;
}

// --- cancel, wait, clean up ---

bool Orchestrator::cancel(const QString &agentId)
{
    return m_lifecycle->cancel(agentId);
}

bool Orchestrator::stopAgent(const QString &agentId, const QString &reason, const QString &errorKind)
{
    return m_lifecycle->stopAgent(agentId, reason, errorKind);
}

int Orchestrator::cancelAll()
{
    int count = 0;
    withdrawPooled();
    // Queued first, so nothing new starts while the running ones wind down.
    const QStringList ids = m_table->order();
    for (const QString &id : ids) {
        const AgentRecord *r = m_table->record(id);
        if (r && (r->status.state == AgentState::Queued || r->status.state == AgentState::Interrupted))
            count += cancel(id) ? 1 : 0;
    }
    for (const QString &id : ids) {
        const AgentRecord *r = m_table->record(id);
        if (r && isActiveState(r->status.state) && !r->cancelRequested)
            count += cancel(id) ? 1 : 0;
    }
    return count;
}

bool Orchestrator::isIdle() const
{
    // Goals in Review and what waits for them need a human, not this run: a headless run with nothing else to do
    // ends (its summary lists them), but the run is recorded as finished only once they are merged or discarded.
    const int unfinished = m_table->unfinishedCount();
    if (m_recorder->pendingFinal() != 0)
        return false;
    if (unfinished == 0)
        return true;
    // unfinishedCount() leaves Review out: what remains idles only when every one of them waits for a review.
    if (m_table->count(AgentState::Review) == 0 || unfinished > m_table->count(AgentState::Queued))
        return false;
    return unfinished == waitingOnReview();
}

int Orchestrator::waitingOnReview() const
{
    // Queued goals (not backing off, not held) with a dependency in Review, or on one that waits so, transitively.
    QHash<QString, bool> waits;
    std::function<bool(const AgentRecord &)> waitsOn = [&](const AgentRecord &r) -> bool {
        if (r.status.state == AgentState::Review)
            return true;
        if (r.status.state != AgentState::Queued || r.retryAtMs >= 0 || r.held)
            return false;
        if (const auto it = waits.constFind(r.status.goalId); it != waits.cend())
            return *it;
        waits.insert(r.status.goalId, false); // a cycle cannot happen; this only guards the walk
        bool result = false;
        for (const QString &dep : r.goal.dependsOn) {
            const AgentRecord *d = m_table->recordForGoal(dep);
            if (d && waitsOn(*d)) {
                result = true;
                break;
            }
        }
        waits.insert(r.status.goalId, result);
        return result;
    };
    int count = 0;
    m_table->forEach([&](const AgentRecord &r) {
        if (r.status.state == AgentState::Queued && waitsOn(r))
            ++count;
    });
    return count;
}

bool Orchestrator::waitAll(int timeoutMs)
{
    if (isIdle())
        return true;
    QEventLoop loop;
    connect(this, &Orchestrator::allFinished, &loop, &QEventLoop::quit);
    QTimer timeout;
    if (timeoutMs >= 0) {
        timeout.setSingleShot(true);
        connect(&timeout, &QTimer::timeout, &loop, &QEventLoop::quit);
        timeout.start(timeoutMs);
    }
    loop.exec();
    return isIdle();
}

int Orchestrator::cleanup()
{
    QStringList removed;
    m_table->forEach([&removed](const AgentRecord &r) {
        if (isFinalState(r.status.state) || r.status.state == AgentState::Blocked)
            removed << r.status.agentId;
    });
    if (removed.isEmpty())
        return 0;
    Q_EMIT agentsAboutToBeRemoved(removed);
    const QSet<QString> gone(removed.cbegin(), removed.cend());
    // Removed agents are not published or watched any more (and their records are about to go).
    m_publisher->forget(gone);
    m_watchdog->forget(gone);
    m_teams->forget(gone);
    m_table->remove(gone);
    Q_EMIT agentsRemoved(removed);
    return static_cast<int>(removed.size());
}

// --- event intake from the agent threads ---

void Orchestrator::handleAgentEvents()
{
    // The clock is read once per batch (it was read two or three times per goal).
    qint64 nowMs = -1;
    QDateTime nowUtc;
    AgentEvent event;
    bool batchStarted = false;
    m_dispatcher->hold(); // one dispatch for the batch, after it
    while (m_events->next(&event, &batchStarted)) {
        if (batchStarted || nowMs < 0) {
            nowMs = m_clock.elapsed();
            nowUtc = QDateTime::currentDateTimeUtc();
        }
        AgentRecord *r = m_table->record(event.agentId);
        switch (event.kind) {
        case AgentEvent::Kind::Started:
            m_dispatcher->handleStarted(r, event.context, nowMs, nowUtc);
            break;
        case AgentEvent::Kind::LiveState:
            if (r)
                m_lifecycle->applyLiveState(*r);
            break;
        case AgentEvent::Kind::WaitChanged:
            if (r) {
                m_dispatcher->handleWaitChanged(*r, event.waitState != AgentState::Running);
                m_lifecycle->handleWaitChanged(*r, event.waitState);
            }
            break;
        case AgentEvent::Kind::Finished:
            m_dispatcher->handleFinished(r, event.context, nowMs);
            if (r)
                m_lifecycle->handleFinished(*r, event.result, nowMs, nowUtc);
            break;
        }
    }
    m_dispatcher->release();
}

// --- RunHooks ---

qint64 Orchestrator::nowMs() const
{
    return m_clock.elapsed();
}

void Orchestrator::dispatch()
{
    m_dispatcher->dispatch();
}

void Orchestrator::checkIdle()
{
    if (!isIdle()) {
        m_wasBusy = true;
        return;
    }
    if (!m_wasBusy)
        return;
    m_wasBusy = false;
    m_watchdog->handleIdle();
    m_publisher->publish(); // views see the final states before anyone reacts to allFinished
    if (m_recorder->store() && !m_recorder->runId().isEmpty() && m_table->count(AgentState::Review) == 0)
        m_recorder->recordRunFinished(summary()); // summary() walks every goal: only when it is recorded
    Q_EMIT allFinished();
}

void Orchestrator::setState(AgentRecord &record, AgentState state)
{
    if (!m_table->setState(record, state))
        return;
    markDirty(record);
    // Final states are written by RunRecorder::reportFinal(), with the result, before they are reported.
    if (!isFinalState(state))
        m_recorder->recordTransition(record.status);
}

void Orchestrator::markDirty(AgentRecord &record)
{
    m_publisher->markDirty(record);
    if (record.goal.member)
        m_teams->memberChanged(record); // the team's strip and summed usage follow
}

void Orchestrator::watch(AgentRecord &record)
{
    m_watchdog->watch(record);
}

void Orchestrator::ensureWatchdog()
{
    m_watchdog->ensureRunning();
}

void Orchestrator::settlePooled(AgentRecord &record)
{
    m_dispatcher->settlePooled(record);
}

void Orchestrator::withdrawPooled()
{
    m_dispatcher->withdrawPooled();
}

void Orchestrator::beginAttempt(AgentRecord &record, qint64 nowMs, const QDateTime &nowUtc)
{
    m_lifecycle->beginAttempt(record, nowMs, nowUtc);
}

void Orchestrator::failPending(AgentRecord &record, const QString &error, const QString &kind)
{
    m_lifecycle->failPending(record, error, kind);
}

void Orchestrator::applyBlocked(const QList<Scheduler::BlockedGoal> &blocked)
{
    m_lifecycle->applyBlocked(blocked);
}

bool Orchestrator::isRunBudgetHit() const
{
    return m_watchdog->isRunBudgetHit();
}

bool Orchestrator::resumeRateLimited(const QString &profile)
{
    return m_watchdog->endRateLimit(profile);
}

} // namespace switchboard
