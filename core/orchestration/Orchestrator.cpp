#include "Orchestrator.h"

#include "AgentLog.h"
#include "AgentRunner.h"
#include "persistence/Store.h"

#include <QDir>
#include <QEventLoop>
#include <QSet>

#include <algorithm>

namespace switchboard {

namespace {
constexpr int kDefaultUpdateIntervalMs = 75;

Scheduler::GoalState schedulerOutcome(AgentResult::Outcome outcome)
{
    switch (outcome) {
    case AgentResult::Outcome::Completed:
        return Scheduler::GoalState::Succeeded;
    case AgentResult::Outcome::Failed:
        return Scheduler::GoalState::Failed;
    case AgentResult::Outcome::Cancelled:
        return Scheduler::GoalState::Cancelled;
    }
    return Scheduler::GoalState::Failed;
}
} // namespace

Orchestrator::Orchestrator(QObject *parent)
    : QObject(parent)
    , m_backends(BackendRegistry::withBuiltins())
    , m_workspace(QDir::currentPath())
{
    m_pool.setObjectName(QStringLiteral("switchboard-agents"));
    m_pool.setMaxThreadCount(m_scheduler.maxParallel());
    m_updateTimer.setSingleShot(true);
    m_updateTimer.setInterval(kDefaultUpdateIntervalMs);
    connect(&m_updateTimer, &QTimer::timeout, this, &Orchestrator::publishUpdates);
    m_watchdog.setInterval(200);
    connect(&m_watchdog, &QTimer::timeout, this, &Orchestrator::handleWatchdog);
    m_clock.start();

    // Notes are recorded with the run (queued: agents write them on their own threads).
    connect(
        &m_scratchpad, &Scratchpad::noteWritten, this,
        [this](const NoteRecord &note) {
            if (!m_store)
                return;
            ensureRunRecorded(); // a human may write the first note before anything is spawned
            m_store->submit(StoreWrite::note(m_runId, note.key, note.text, note.authorAgentId, note.at));
        },
        Qt::QueuedConnection);

    // A released lock may let a queued goal with resources start.
    const auto retryDispatch = [this] { dispatch(); };
    connect(&m_locks, &LockManager::lockReleased, this, retryDispatch);
    connect(&m_locks, &LockManager::lockExpired, this, [this](const QString &agent, const QString &resource, quint64) {
        handleLockLost(agent, resource, QStringLiteral("expired"));
        dispatch();
    });
    connect(&m_locks, &LockManager::lockForced, this, [this](const QString &agent, const QString &resource, quint64) {
        handleLockLost(agent, resource, QStringLiteral("force-released by a human"));
        dispatch();
    });
    connect(&m_inbox, &EscalationInbox::escalationRaised, this, [this](const Escalation &e) {
        if (AgentRecord *r = record(e.agentId)) {
            r->status.openEscalation = e.id;
            markDirty(*r);
        }
    });
    const auto closed = [this](const Escalation &e) {
        if (AgentRecord *r = record(e.agentId); r && r->status.openEscalation == e.id) {
            r->status.openEscalation.clear();
            markDirty(*r);
        }
    };
    connect(&m_inbox, &EscalationInbox::escalationAnswered, this, closed);
    connect(&m_inbox, &EscalationInbox::escalationCancelled, this, closed);
    connect(&m_inbox, &EscalationInbox::escalationTimedOut, this, closed);
    // Durable record of every question, answer and lock event (with a store).
    const auto recordEscalation = [this](const Escalation &e) {
        if (m_store)
            m_store->submit(StoreWrite::escalation(e));
    };
    connect(&m_inbox, &EscalationInbox::escalationRaised, this, recordEscalation);
    connect(&m_inbox, &EscalationInbox::escalationAnswered, this, recordEscalation);
    connect(&m_inbox, &EscalationInbox::escalationCancelled, this, recordEscalation);
    connect(&m_inbox, &EscalationInbox::escalationTimedOut, this, recordEscalation);
    connect(&m_locks, &LockManager::lockEvent, this, [this](const LockEvent &event) {
        if (m_store)
            m_store->submit(StoreWrite::lockEvent(event));
    });
    connect(&m_inbox, &EscalationInbox::goalNeedsHuman, this, [this](const QString &goalId) {
        if (AgentRecord *r = recordForGoal(goalId)) {
            r->status.needsHuman = true;
            markDirty(*r);
        }
    });
}

Orchestrator::~Orchestrator()
{
    // Stop everything and wait: no runner may post to a dead orchestrator.
    m_paused = true;
    for (AgentRecord *r : m_pooled) {
        if (!r->pooled->withdrawLaunch())
            r->pooled->requestCancel(); // a thread took it just now
    }
    for (auto &[id, record] : m_records) {
        if (record->context) {
            record->context->requestCancel();
            m_locks.cancelWaits(id);
            m_inbox.cancelAgent(id);
        }
    }
    m_pool.clear();
    m_pool.waitForDone();
}

void Orchestrator::setProfiles(const QList<AgentProfile> &profiles)
{
    withdrawPooled();
    m_scheduler.setProfiles(profiles);
    for (auto &[id, r] : m_records)
        watch(*r); // a profile may have got a timeout
    dispatch();
}

QList<AgentProfile> Orchestrator::profiles() const
{
    return m_scheduler.profiles();
}

void Orchestrator::setBackends(BackendRegistry registry)
{
    m_backends = std::move(registry);
}

void Orchestrator::setWorkspace(const QString &path)
{
    m_workspace = path.isEmpty() ? QDir::currentPath() : QDir(path).absolutePath();
    m_workspaceProvider = std::make_unique<SharedWorkspace>(m_workspace);
}

void Orchestrator::setWorkspaceProvider(std::unique_ptr<WorkspaceProvider> provider)
{
    m_workspaceProvider = provider ? std::move(provider) : std::make_unique<SharedWorkspace>(m_workspace);
}

void Orchestrator::setUpdateInterval(int ms)
{
    m_updateTimer.setInterval(qMax(0, ms));
}

void Orchestrator::setStore(Store *store)
{
    if (m_store)
        disconnect(m_store, nullptr, this, nullptr);
    m_store = store;
    if (!store)
        return;
    connect(store, &QObject::destroyed, this, [this] { m_store = nullptr; });
    connect(store, &Store::storageFailed, this, [this](const QString &message) {
        m_storageFailed = true;
        pauseDispatch(); // nothing new starts while nothing can be recorded
        Q_EMIT storageFailed(message);
    });
    if (store->isOpen()) {
        // Counters only: ids and fencing tokens must never repeat one in the database.
        const StoreSnapshot counters = store->load(QStringLiteral("\x01no-run"));
        applyStoreFloors(counters);
    }
}

void Orchestrator::setRunName(const QString &name, const QString &planFile)
{
    m_runName = name;
    m_planFile = planFile;
}

void Orchestrator::applyStoreFloors(const StoreSnapshot &snapshot)
{
    m_nextAgentNumber = qMax(m_nextAgentNumber, snapshot.lastAgentNumber + 1);
    m_nextGoalNumber = qMax(m_nextGoalNumber, snapshot.lastGoalNumber + 1);
    m_locks.setTokenFloor(snapshot.maxFencingToken);
    m_inbox.setIdFloor(snapshot.lastEscalationNumber);
}

void Orchestrator::setRunSettings(const QJsonObject &settings)
{
    m_runSettings = settings;
    if (m_store && !m_runId.isEmpty())
        recordRunStarted(); // an upsert: the run keeps its id and start time
}

void Orchestrator::ensureRunRecorded()
{
    if (!m_store)
        return;
    if (!m_runId.isEmpty()) {
        // More work for a run that had finished (a GUI session goes idle and the human spawns again): open it
        // again first, so a crash from here on brings these goals back like any unfinished run's.
        if (m_runFinishedRecorded) {
            m_runFinishedRecorded = false;
            recordRunStarted();
        }
        return;
    }
    m_runId = m_store->nextRunId();
    m_scratchpad.setRunId(m_runId);
    recordRunStarted();
}

void Orchestrator::recordRunStarted()
{
    QJsonObject settings = m_runSettings;
    settings.insert(QStringLiteral("max_parallel"), maxParallel());
    settings.insert(QStringLiteral("mode"), Scheduler::modeToString(mode()));
    settings.insert(QStringLiteral("workspace"), m_workspace);
    m_store->submit(StoreWrite::runStarted(m_runId, m_runName.isEmpty() ? QStringLiteral("session") : m_runName,
                                           m_planFile, maxParallel(), {}, settings));
}

void Orchestrator::reportFinal(AgentRecord &r, const std::optional<AgentResult> &result, std::function<void()> report)
{
    if (!m_store) {
        report();
        return;
    }
    recordLog(r);
    ++m_pendingFinal;
    StoreWrite write = result ? StoreWrite::finished(r.status, *result) : StoreWrite::transition(r.status);
    // Reported even when the write failed: storageFailed() has said so, and the board must not hang.
    m_store->submit(std::move(write), this, [this, report = std::move(report)](bool) {
        --m_pendingFinal;
        report();
        checkIdle();
    });
}

void Orchestrator::recordLog(AgentRecord &r)
{
    if (!m_store)
        return;
    const QStringList lines = r.log->takeNew();
    if (!lines.isEmpty())
        m_store->submit(StoreWrite::log(r.status.agentId, lines));
}

QJsonArray Orchestrator::answersFor(const QString &goalId) const
{
    QJsonArray answers;
    for (const Escalation &e : m_inbox.forGoal(goalId)) {
        if (e.state != Escalation::State::Answered || e.trigger == Escalation::Trigger::Failure)
            continue;
        answers.append(QJsonObject{{QStringLiteral("question"), e.question},
                                   {QStringLiteral("option"), e.answerOption},
                                   {QStringLiteral("text"), e.answerText}});
    }
    return answers;
}

bool Orchestrator::answer(const QString &escalationId, const QString &option, const QString &text, QString *error,
                          const QString &answeredBy)
{
    const auto fail = [error](const QString &why) {
        if (error)
            *error = why;
        return false;
    };
    const std::optional<Escalation> found = m_inbox.find(escalationId);
    if (!found)
        return fail(QStringLiteral("unknown escalation '%1'").arg(escalationId));
    if (!found->isOpen())
        return fail(QStringLiteral("escalation %1 is already %2")
                        .arg(escalationId, escalationStateToString(found->state).toLower()));
    if (!found->options.isEmpty() && !found->hasOption(option)) {
        QStringList keys;
        for (const Escalation::Option &o : found->options)
            keys << o.key;
        return fail(QStringLiteral("'%1' is not an option of %2 (expected one of: %3)")
                        .arg(option, escalationId, keys.join(QStringLiteral(", "))));
    }
    if (found->options.isEmpty() && text.trimmed().isEmpty())
        return fail(QStringLiteral("escalation %1 needs a free-text answer").arg(escalationId));
    if (!m_store)
        return m_inbox.answer(escalationId, option, text, error, answeredBy);

    // Durable before the agent gets it: record the answered escalation, hand the answer over once committed.
    Escalation answered = *found;
    answered.state = Escalation::State::Answered;
    answered.answerOption = found->options.isEmpty() ? QString() : option;
    answered.answerText = text;
    answered.answeredAt = QDateTime::currentDateTimeUtc();
    answered.answeredBy = answeredBy;
    const bool accepted = m_store->submit(
        StoreWrite::escalation(answered), this, [this, escalationId, answered, answeredBy](bool committed) {
            if (!committed)
                return; // storageFailed() says why; the question stays open
            QString why;
            if (!m_inbox.answer(escalationId, answered.answerOption, answered.answerText, &why, answeredBy)) {
                // Closed meanwhile (agent cancelled, timed out): the store must say how it really ended.
                if (const std::optional<Escalation> now = m_inbox.find(escalationId); now && m_store)
                    m_store->submit(StoreWrite::escalation(*now));
            }
        });
    if (!accepted)
        return fail(QStringLiteral("the answer cannot be recorded: %1").arg(m_store->lastError()));
    return true;
}

bool Orchestrator::restore(const StoreSnapshot &snapshot, bool autoResume, QString *error)
{
    if (!m_records.empty()) {
        if (error)
            *error = QStringLiteral("restore() needs an empty board");
        return false;
    }
    applyStoreFloors(snapshot);
    if (!snapshot.runs.isEmpty()) {
        const RunRecord &run = snapshot.runs.constLast();
        m_runId = m_store ? run.id : QString();
        m_runName = run.name;
        m_planFile = run.planFile;
        m_scratchpad.setRunId(run.id);
        QList<NoteRecord> notes;
        for (const NoteRecord &note : snapshot.notes) {
            if (note.runId == run.id)
                notes.append(note);
        }
        m_scratchpad.preload(notes);
    }
    const QSet<QString> active(snapshot.activeAgents.cbegin(), snapshot.activeAgents.cend());
    if (m_store && !active.isEmpty() && !m_store->isReadOnly()) {
        QString why;
        if (m_store->markInterrupted(&why).isEmpty() && !why.isEmpty()) {
            if (error)
                *error = why;
            return false;
        }
    }

    // Questions: answered ones are never asked again; open ones died with their agents (asked again).
    m_inbox.preload(snapshot.escalations);
    const QDateTime now = QDateTime::currentDateTimeUtc();
    for (Escalation e : snapshot.escalations) {
        if (!e.isOpen() || !m_store)
            continue;
        e.state = Escalation::State::Cancelled;
        e.answeredAt = now;
        e.answeredBy = QStringLiteral("interrupted");
        m_store->submit(StoreWrite::escalation(e));
    }

    // Sized for a big history (100,000 goals): no status copies in the index, no rehashing, no QDir per agent.
    // The store lists goals and their agents in the same (spawn) order: the index by id is built only for a
    // snapshot where they are not.
    QHash<QString, qsizetype> statusById;
    const auto statusRowOf = [&snapshot, &statusById](qsizetype goalRow, const QString &agentId) {
        if (goalRow < snapshot.agents.size() && snapshot.agents.at(goalRow).agentId == agentId)
            return goalRow;
        if (statusById.isEmpty()) {
            statusById.reserve(snapshot.agents.size());
            for (qsizetype i = 0; i < snapshot.agents.size(); ++i)
                statusById.insert(snapshot.agents.at(i).agentId, i);
        }
        return statusById.value(agentId, -1);
    };
    const qsizetype expected = static_cast<qsizetype>(m_records.size()) + snapshot.goals.size();
    m_records.reserve(static_cast<size_t>(expected));
    m_recordByGoal.reserve(expected);
    m_order.reserve(expected);
    QString logPrefix = m_logDirectory.isEmpty() ? QString() : QDir(m_logDirectory).path();
    if (!logPrefix.isEmpty() && !logPrefix.endsWith(u'/'))
        logPrefix += u'/';
    QList<Goal> goals;
    goals.reserve(snapshot.goals.size());
    QStringList restored;
    restored.reserve(snapshot.goals.size());
    std::vector<AgentRecord *> restoredRecords;
    restoredRecords.reserve(static_cast<size_t>(snapshot.goals.size()));
    for (qsizetype goalRow = 0; goalRow < snapshot.goals.size(); ++goalRow) {
        const GoalRecord &g = snapshot.goals.at(goalRow);
        if (m_recordByGoal.contains(g.goal.id) || g.agentId.isEmpty())
            continue;
        auto r = std::make_unique<AgentRecord>();
        r->goal = g.goal;
        r->log = std::make_shared<AgentLog>();
        if (!logPrefix.isEmpty())
            r->log->setSpillFile(logPrefix + g.agentId + QStringLiteral(".log"));
        const qsizetype statusRow = statusRowOf(goalRow, g.agentId);
        AgentStatus &s = r->status; // filled in place: no copy to move in and destroy
        if (statusRow >= 0)
            s = snapshot.agents.at(statusRow);
        if (s.agentId.isEmpty()) {
            s.agentId = g.agentId;
            s.goalId = g.goal.id;
            s.goalTitle = g.goal.title;
            s.profile = g.goal.profile;
            s.priority = g.goal.priority;
            s.state = AgentState::Queued;
            s.createdAt = g.createdAt;
        }
        if (s.name.isEmpty())
            s.name = g.agentId;
        if (s.maxAttempts < 1)
            s.maxAttempts = 1 + qMax(0, g.goal.retry ? g.goal.retry->maxRetries : 0);
        if (active.contains(s.agentId) || isActiveState(s.state)) {
            s.state = AgentState::Interrupted;
            if (s.error.isEmpty())
                s.error = QStringLiteral("interrupted: Switchboard stopped while the agent was running");
        }
        s.openEscalation.clear();
        s.waitingFor.clear();
        s.progress = s.state == AgentState::Completed ? 100 : s.progress;
        const AgentStatus &rs = r->status;
        r->baseInputTokens = rs.inputTokens;
        r->baseOutputTokens = rs.outputTokens;
        r->baseCostUsd = rs.costUsd;
        r->held = rs.state == AgentState::Interrupted;
        if (rs.state == AgentState::Completed)
            r->output = rs.summary;
        if (rs.startedAt.isValid() && rs.completedAt.isValid())
            r->runMs = rs.startedAt.msecsTo(rs.completedAt);
        ++m_stateCounts[static_cast<size_t>(rs.state)];
        m_order << rs.agentId;
        m_recordByGoal.insert(g.goal.id, r.get());
        goals << g.goal;
        restored << rs.agentId;
        restoredRecords.push_back(r.get());
        m_records.emplace(rs.agentId, std::move(r));
    }

    // The scheduler learns the goals with their ended states in one pass (ended goals never enter its ready
    // set), so dependents resolve.
    std::vector<Scheduler::GoalState> ended;
    ended.reserve(restoredRecords.size());
    for (const AgentRecord *r : restoredRecords) {
        switch (r->status.state) {
        case AgentState::Completed:
            ended.push_back(Scheduler::GoalState::Succeeded);
            break;
        case AgentState::Failed:
            ended.push_back(Scheduler::GoalState::Failed);
            break;
        case AgentState::Cancelled:
            ended.push_back(Scheduler::GoalState::Cancelled);
            break;
        case AgentState::Blocked:
            ended.push_back(Scheduler::GoalState::Blocked);
            break;
        default:
            ended.push_back(Scheduler::GoalState::Pending);
            break;
        }
    }
    QList<Scheduler::BlockedGoal> blocked = m_scheduler.addRestored(goals, ended);
    QList<Scheduler::BlockedGoal> newlyBlocked;
    for (const Scheduler::BlockedGoal &b : std::as_const(blocked)) {
        const AgentRecord *r = recordForGoal(b.goalId);
        if (r && !isFinalState(r->status.state) && r->status.state != AgentState::Blocked)
            newlyBlocked << b;
    }
    // No agentsUpdated() batch for them: a view made later reads agents(), one made before inserts the rows
    // from agentSpawned with the status as it is (at 100,000 agents that batch cost the board ~0.1 s).
    for (AgentRecord *r : restoredRecords) {
        watch(*r);
        Q_EMIT agentSpawned(r->status.agentId);
    }
    applyBlocked(newlyBlocked);
    if (autoResume)
        resumeInterrupted(restored); // dispatches
    else
        dispatch();
    ensureWatchdog();
    checkIdle();
    return true;
}

bool Orchestrator::resumeInterrupted(const QString &agentId)
{
    return resumeInterrupted(QStringList{agentId}) == 1;
}

int Orchestrator::resumeInterrupted(const QStringList &agentIds)
{
    // All of them back in the queue before the one dispatch: resumed one by one, the first one's dispatch gave
    // every other free slot to goals that had never run while the rest of the interrupted ones were still held
    // (seen with 200 interrupted of 600 goals: goal 0 ran, goals 1-199 waited behind goals 200-398).
    int resumed = 0;
    for (const QString &agentId : agentIds) {
        AgentRecord *r = record(agentId);
        if (!r || r->status.state != AgentState::Interrupted)
            continue;
        r->held = false;
        r->log->append(QStringLiteral("resumed after an interruption at %1 %: attempt %2 starts from the beginning")
                           .arg(r->status.progress)
                           .arg(r->status.attempt + 1));
        // Queued for an attempt that starts from nothing: the card must not show the old one's progress.
        r->status.progress = 0;
        r->status.currentStep.clear();
        setState(*r, AgentState::Queued);
        ++resumed;
    }
    dispatch();
    checkIdle();
    return resumed;
}

QList<Goal> Orchestrator::withGeneratedIds(const QList<Goal> &goals) const
{
    QList<Goal> out = goals;
    for (Goal &goal : out) {
        if (!goal.id.trimmed().isEmpty())
            continue;
        QString id;
        do {
            id = QStringLiteral("g-") + QString::number(m_nextGoalNumber++);
        } while (m_scheduler.contains(id) ||
                 std::any_of(out.cbegin(), out.cend(), [&id](const Goal &g) { return g.id == id; }));
        goal.id = id;
    }
    return out;
}

QStringList Orchestrator::validate(const QList<Goal> &goals) const
{
    const quint64 saved = m_nextGoalNumber;
    const QStringList errors = m_scheduler.validate(withGeneratedIds(goals));
    m_nextGoalNumber = saved; // validation must not use up ids
    return errors;
}

QString Orchestrator::spawn(const Goal &goal, QString *error)
{
    const QStringList ids = spawnParallel({goal}, error);
    return ids.isEmpty() ? QString() : ids.first();
}

QStringList Orchestrator::spawnParallel(const QList<Goal> &goals, QString *error)
{
    if (goals.isEmpty())
        return {};
    const QList<Goal> batch = withGeneratedIds(goals);
    const QStringList errors = m_scheduler.validate(batch);
    if (!errors.isEmpty()) {
        if (error)
            *error = errors.join(QLatin1Char('\n'));
        return {};
    }
    withdrawPooled(); // the new goals may come before what was queued ahead

    const QDateTime now = QDateTime::currentDateTimeUtc();
    QStringList agentIds;
    agentIds.reserve(batch.size());
    QList<StoreWrite> writes;
    if (m_store) {
        ensureRunRecorded();
        writes.reserve(batch.size());
    }
    for (const Goal &goal : batch) {
        auto record = std::make_unique<AgentRecord>();
        const quint64 number = m_nextAgentNumber++;
        record->goal = goal;
        record->log = std::make_shared<AgentLog>();
        // QString::number, not QString::arg: arg() is locale-aware and ~6x the cost, twice per goal.
        const QString digits = QString::number(number);
        AgentStatus &s = record->status;
        s.agentId = QStringLiteral("a-") + digits;
        if (!m_logDirectory.isEmpty())
            record->log->setSpillFile(QDir(m_logDirectory).filePath(s.agentId + QStringLiteral(".log")));
        s.name = (goal.profile.isEmpty() ? QStringLiteral("agent") : goal.profile) + u'-' + digits;
        s.goalId = goal.id;
        s.goalTitle = goal.title;
        s.profile = goal.profile;
        s.priority = goal.priority;
        s.state = AgentState::Queued;
        s.createdAt = now;
        s.maxAttempts = 1 + qMax(0, goal.retry ? goal.retry->maxRetries : 0);
        if (m_rateLimitedUntilMs.contains(goal.profile))
            s.rateLimitedUntil =
                QDateTime::currentDateTimeUtc().addMSecs(m_rateLimitedUntilMs.value(goal.profile) - m_clock.elapsed());
        ++m_stateCounts[static_cast<size_t>(AgentState::Queued)];
        if (m_store) {
            record->durable = false; // until its goal is committed
            writes << StoreWrite::goalAdded(m_runId, goal, s.agentId, s.name, goal.profile, now);
        }
        if (!m_store)
            markDirty(*record); // with a store: once committed
        if (goal.deadline.isValid())
            watch(*record);
        agentIds << s.agentId;
        m_order << s.agentId;
        m_recordByGoal.insert(goal.id, record.get());
        m_records.emplace(s.agentId, std::move(record));
    }
    const QList<Scheduler::BlockedGoal> blocked = m_scheduler.add(batch);
    if (m_store) {
        // Durable before reported: agentSpawned and dispatch wait for the commit (all or nothing).
        m_store->submitAll(std::move(writes), this, [this, agentIds, blocked](bool committed) {
            for (const QString &id : agentIds) {
                AgentRecord *r = record(id);
                if (!r)
                    continue;
                r->durable = committed; // not committed: shown, but never dispatched (storage failed)
                markDirty(*r);
                Q_EMIT agentSpawned(id);
            }
            QList<Scheduler::BlockedGoal> stillQueued;
            for (const Scheduler::BlockedGoal &b : blocked) {
                const AgentRecord *r = recordForGoal(b.goalId);
                if (r && r->status.state == AgentState::Queued)
                    stillQueued << b;
            }
            applyBlocked(stillQueued);
            dispatch();
            ensureWatchdog();
            checkIdle();
        });
        checkIdle();
        return agentIds;
    }
    for (const QString &id : std::as_const(agentIds))
        Q_EMIT agentSpawned(id);
    applyBlocked(blocked);
    dispatch();
    ensureWatchdog();
    checkIdle();
    return agentIds;
}

Orchestrator::AgentRecord *Orchestrator::record(const QString &agentId)
{
    const auto it = m_records.find(agentId);
    return it == m_records.end() ? nullptr : it->second.get();
}

const Orchestrator::AgentRecord *Orchestrator::record(const QString &agentId) const
{
    const auto it = m_records.find(agentId);
    return it == m_records.end() ? nullptr : it->second.get();
}

Orchestrator::AgentRecord *Orchestrator::recordForGoal(const QString &goalId)
{
    return m_recordByGoal.value(goalId);
}

const Orchestrator::AgentRecord *Orchestrator::recordForGoal(const QString &goalId) const
{
    return m_recordByGoal.value(goalId);
}

std::optional<AgentStatus> Orchestrator::status(const QString &agentId) const
{
    const AgentRecord *r = record(agentId);
    if (!r)
        return std::nullopt;
    return r->status;
}

QList<AgentStatus> Orchestrator::agents() const
{
    QList<AgentStatus> out;
    out.reserve(m_order.size());
    for (const QString &id : m_order)
        out << record(id)->status;
    return out;
}

QStringList Orchestrator::agentIds() const
{
    return m_order;
}

std::optional<Goal> Orchestrator::goal(const QString &goalId) const
{
    const AgentRecord *r = recordForGoal(goalId);
    if (!r)
        return std::nullopt;
    return r->goal;
}

QStringList Orchestrator::goalDependencies(const QString &goalId) const
{
    const AgentRecord *r = recordForGoal(goalId);
    return r ? r->goal.dependsOn : QStringList();
}

QStringList Orchestrator::goalIds() const
{
    QStringList out;
    out.reserve(m_order.size());
    for (const QString &id : m_order)
        out << record(id)->goal.id;
    return out;
}

QString Orchestrator::agentForGoal(const QString &goalId) const
{
    const AgentRecord *r = recordForGoal(goalId);
    return r ? r->status.agentId : QString();
}

QStringList Orchestrator::agentLog(const QString &agentId) const
{
    const AgentRecord *r = record(agentId);
    return r ? r->log->lines() : QStringList();
}

QString Orchestrator::agentLogFile(const QString &agentId) const
{
    const AgentRecord *r = record(agentId);
    return r ? r->log->spillFile() : QString();
}

qint64 Orchestrator::agentLogDropped(const QString &agentId) const
{
    const AgentRecord *r = record(agentId);
    return r ? r->log->droppedLines() : 0;
}

void Orchestrator::setState(AgentRecord &record, AgentState state)
{
    if (record.status.state == state)
        return;
    --m_stateCounts[static_cast<size_t>(record.status.state)];
    ++m_stateCounts[static_cast<size_t>(state)];
    record.status.state = state;
    markDirty(record);
    // Final states are written by reportFinal(), with the result, before they are reported.
    if (m_store && !isFinalState(state))
        m_store->submit(StoreWrite::transition(record.status));
}

void Orchestrator::applyBlocked(const QList<Scheduler::BlockedGoal> &blocked)
{
    const QDateTime now = QDateTime::currentDateTimeUtc();
    for (const Scheduler::BlockedGoal &b : blocked) {
        AgentRecord *r = recordForGoal(b.goalId);
        if (!r)
            continue;
        r->status.error = b.reason;
        r->status.completedAt = now;
        setState(*r, AgentState::Blocked);
        Q_EMIT agentBlocked(r->status.agentId, b.reason);
    }
}

void Orchestrator::dispatch()
{
    // A storage failure pauses dispatch when its signal arrives; until then nothing may start either (a commit
    // callback or a freed slot can get here first), since nothing more it does could be recorded.
    if (m_paused || (m_store && m_store->isFailed()))
        return;
    const QList<Scheduler::Dispatch> ready =
        m_scheduler.takeReady([this](const Goal &goal) { return canDispatch(goal); }, lookahead());
    for (const Scheduler::Dispatch &d : ready) {
        AgentRecord *r = recordForGoal(d.goalId);
        if (r)
            startAgent(*r, d.profile, d.ahead);
    }
}

int Orchestrator::lookahead() const
{
    // Goals that take a millisecond or two: up to max_parallel more are handed to the pool than it has
    // threads, so a thread that finishes one takes the next at once instead of sleeping until this thread
    // has handled the completion (a wake-up per goal). The pool's thread cap (= max_parallel) keeps what
    // really runs at once exact. Longer goals would gain nothing and only take their place early.
    constexpr qint64 kWarmUp = 16;
    constexpr double kShortAttemptMs = 2.0;
    if (m_attemptsEnded < kWarmUp || m_attemptMsAverage > kShortAttemptMs)
        return 0;
    return m_scheduler.maxParallel();
}

void Orchestrator::settlePooled(AgentRecord &r)
{
    // Before treating a queued record as not dispatched (cancel, deadline, pause...): its look-ahead attempt
    // goes back to the ready set, or, if a thread took it meanwhile, becomes the running attempt now (its
    // Started event then finds nothing left to do).
    if (!r.pooled)
        return;
    std::shared_ptr<AttemptContext> attempt = std::move(r.pooled);
    m_pooled.erase(std::find(m_pooled.begin(), m_pooled.end(), &r));
    if (attempt->withdrawLaunch()) {
        m_scheduler.undispatch(r.status.goalId);
        return;
    }
    r.context = std::move(attempt);
    beginAttempt(r);
}

void Orchestrator::withdrawPooled()
{
    while (!m_pooled.empty())
        settlePooled(*m_pooled.back());
}

bool Orchestrator::canDispatch(const Goal &goal)
{
    const AgentRecord *r = recordForGoal(goal.id);
    if ((r && r->held) || (m_store && (!r || !r->durable)))
        return false;
    return tryStartWithResources(goal);
}

bool Orchestrator::tryStartWithResources(const Goal &goal)
{
    if (goal.resources.isEmpty())
        return true;
    AgentRecord *r = recordForGoal(goal.id);
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
                this,
                [this, id = r->status.agentId, why = granted.error] {
                    if (AgentRecord *bad = record(id); bad && bad->status.state == AgentState::Queued)
                        failPending(*bad, QStringLiteral("invalid resources: %1").arg(why), QStringLiteral("invalid"));
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
        markDirty(*r);
    }
    return false;
}

void Orchestrator::startAgent(AgentRecord &record, const QString &profileName, bool ahead)
{
    AgentStatus &s = record.status;
    const AgentProfile *profile = m_scheduler.profile(profileName);
    s.profile = profileName;
    if (!record.goal.retry && profile)
        s.maxAttempts = 1 + qMax(0, profile->retry.maxRetries);
    if (record.goal.profile.isEmpty())
        s.name = profileName + u'-' + QStringView(s.agentId).mid(2);

    std::unique_ptr<AgentBackend> backend = profile ? m_backends.create(*profile) : nullptr;
    if (!backend) {
        beginAttempt(record);
        const QString why = profile ? QStringLiteral("no backend named '%1'").arg(profile->backend)
                                    : QStringLiteral("no profile named '%1'").arg(profileName);
        postAgentEvent({AgentEvent::Kind::Finished, s.agentId, nullptr, AgentResult::failed(why)});
        return;
    }
    QString workspaceError;
    const QString workspace = m_workspaceProvider->workspaceFor(record.goal, s.agentId, s.attempt + 1, &workspaceError);
    if (workspace.isEmpty()) {
        beginAttempt(record);
        postAgentEvent({AgentEvent::Kind::Finished, s.agentId, nullptr,
                        AgentResult::failed(QStringLiteral("no workspace: %1").arg(workspaceError), -1,
                                            QStringLiteral("workspace"))});
        return;
    }
    AgentEventSink *sink = this;
    auto context =
        std::make_shared<AttemptContext>(s.agentId, record.goal, *profile, s.attempt + 1, workspace, record.log, sink);
    context->setInputs(inputsFor(record.goal));
    context->setAnswers(answersFor(record.goal.id));
    context->setCoordination(&m_locks, &m_inbox, &m_pool);
    context->setScratchpad(&m_scratchpad);
    const QString agentId = s.agentId;
    const AttemptContext *attempt = context.get();
    auto *runner = new AgentRunner(
        std::move(backend), context,
        [this, agentId, attempt] {
            postAgentEvent({AgentEvent::Kind::Started, agentId, attempt});
        },
        [this, agentId, attempt](AgentResult result) {
            postAgentEvent({AgentEvent::Kind::Finished, agentId, attempt, std::move(result)});
        });
    if (ahead) {
        // Queued in the pool behind the running ones: it stays Queued until a thread takes it.
        context->setLaunchPending();
        record.pooled = std::move(context);
        m_pooled.push_back(&record);
    } else {
        record.context = std::move(context);
        beginAttempt(record);
    }
    m_pool.start(runner);
}

void Orchestrator::beginAttempt(AgentRecord &record)
{
    beginAttempt(record, m_clock.elapsed(), QDateTime::currentDateTimeUtc());
}

void Orchestrator::beginAttempt(AgentRecord &record, qint64 nowMs, const QDateTime &nowUtc)
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
    if (m_firstStartMs < 0)
        m_firstStartMs = record.attemptStartMs;
    setState(record, AgentState::Running);
    watch(record);
    Q_EMIT agentStarted(s.agentId);
}

QJsonObject Orchestrator::inputsFor(const Goal &goal) const
{
    QJsonObject inputs;
    for (const QString &dep : goal.dependsOn) {
        const AgentRecord *r = recordForGoal(dep);
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

void Orchestrator::postAgentEvent(AgentEvent event)
{
    // Any thread. Only the event that finds the queue empty posts a call: a burst of completions from the
    // pool costs one QMetaCallEvent and one wake-up of this thread, not one per agent.
    bool first = false;
    {
        const QMutexLocker locker(&m_eventMutex);
        first = m_events.empty();
        m_events.push_back(std::move(event));
    }
    if (first)
        QMetaObject::invokeMethod(this, &Orchestrator::handleAgentEvents, Qt::QueuedConnection);
}

void Orchestrator::handleAgentEvents()
{
    // Strictly in the order they were reported, also when a slot runs a nested event loop: a nested call
    // carries on with the batch being handled before it takes the next one. The clock is read once per
    // batch (it was read two or three times per goal).
    qint64 nowMs = 0;
    QDateTime nowUtc;
    for (;;) {
        if (m_eventPos >= m_eventBatch.size()) {
            m_eventBatch.clear();
            m_eventPos = 0;
            {
                const QMutexLocker locker(&m_eventMutex);
                if (m_events.empty())
                    return;
                m_eventBatch.swap(m_events);
            }
            nowMs = m_clock.elapsed();
            nowUtc = QDateTime::currentDateTimeUtc();
        }
        const AgentEvent event = std::move(m_eventBatch[m_eventPos++]);
        // One lookup per event (progress notices look their agent up themselves).
        AgentRecord *r = event.kind == AgentEvent::Kind::LiveState ? nullptr : record(event.agentId);
        switch (event.kind) {
        case AgentEvent::Kind::Started:
            // In report order a runner starts only after the one whose thread it took has finished or begun
            // to wait, so this count never exceeds the threads that really run agents.
            m_maxRunningSeen = qMax(m_maxRunningSeen, ++m_runnersActive);
            if (r && r->pooled && r->pooled.get() == event.context) {
                m_pooled.erase(std::find(m_pooled.begin(), m_pooled.end(), r));
                r->context = std::move(r->pooled);
                beginAttempt(*r, nowMs, nowUtc);
            }
            break;
        case AgentEvent::Kind::LiveState:
            handleLiveStateChanged(event.agentId);
            break;
        case AgentEvent::Kind::WaitChanged:
            if (r && (event.waitState != AgentState::Running) != r->runnerWaiting) {
                r->runnerWaiting = !r->runnerWaiting;
                m_runnersActive += r->runnerWaiting ? -1 : 1;
                m_maxRunningSeen = qMax(m_maxRunningSeen, m_runnersActive);
            }
            handleWaitChanged(event.agentId, event.waitState);
            break;
        case AgentEvent::Kind::Finished:
            if (event.context) {
                if (r && r->runnerWaiting)
                    r->runnerWaiting = false;
                else
                    --m_runnersActive;
                if (r && r->attemptStartMs >= 0) {
                    // How long attempts take decides the look-ahead (short ones only).
                    const double ms = static_cast<double>(nowMs - r->attemptStartMs);
                    m_attemptMsAverage =
                        m_attemptsEnded++ == 0 ? ms : m_attemptMsAverage + (ms - m_attemptMsAverage) / 8.0;
                }
            }
            if (r)
                handleAgentFinished(*r, event.result, nowMs, nowUtc);
            break;
        }
    }
}

void Orchestrator::agentLiveStateChanged(const QString &agentId)
{
    // Agent thread; the context coalesces, so at most one of these is queued per agent.
    postAgentEvent({AgentEvent::Kind::LiveState, agentId});
}

void Orchestrator::agentWaitChanged(const QString &agentId, AgentState state)
{
    postAgentEvent({AgentEvent::Kind::WaitChanged, agentId, nullptr, {}, state});
}

void Orchestrator::handleWaitChanged(const QString &agentId, AgentState state)
{
    AgentRecord *r = record(agentId);
    if (!r || !r->context || !isActiveState(r->status.state))
        return;
    if (state == AgentState::Running) {
        m_scheduler.unsuspend(r->status.goalId);
        r->status.waitingFor.clear();
    } else {
        m_scheduler.suspend(r->status.goalId); // waiting for a human or a lock holds no run slot
    }
    setState(*r, state);
    watch(*r); // its leases are renewed while it waits
    dispatch();
}

void Orchestrator::handleLockLost(const QString &agentId, const QString &resource, const QString &how)
{
    AgentRecord *r = record(agentId);
    if (!r)
        return;
    r->log->append(
        QStringLiteral("lock lost: %1 (%2); the attempt fails unless the agent re-acquires it").arg(resource, how));
    markDirty(*r);
}

void Orchestrator::handleLiveStateChanged(const QString &agentId)
{
    AgentRecord *r = record(agentId);
    if (!r || !r->context)
        return;
    const AgentLiveState live = r->context->takeLiveState();
    AgentStatus &s = r->status;
    const bool progressChanged = live.progress != s.progress || live.step != s.currentStep;
    if (m_store) {
        if (progressChanged)
            m_store->submit(StoreWrite::progress(agentId, live.progress, live.step));
        if (s.inputTokens != r->baseInputTokens + live.inputTokens ||
            s.outputTokens != r->baseOutputTokens + live.outputTokens || s.costUsd != r->baseCostUsd + live.costUsd)
            m_store->submit(StoreWrite::usage(agentId, s.attempt, live.inputTokens, live.outputTokens, live.costUsd));
    }
    s.progress = live.progress;
    s.currentStep = live.step;
    s.inputTokens = r->baseInputTokens + live.inputTokens;
    s.outputTokens = r->baseOutputTokens + live.outputTokens;
    s.costUsd = r->baseCostUsd + live.costUsd;
    if (live.activity != r->lastActivity) {
        r->lastActivity = live.activity;
        r->lastActivityMs = m_clock.elapsed();
        m_locks.renew(agentId); // a live holder keeps its leases
    }
    if (live.rateLimitedForS > 0) {
        const qint64 until = m_clock.elapsed() + qint64(live.rateLimitedForS) * 1000;
        if (until > m_rateLimitedUntilMs.value(s.profile, -1)) {
            m_rateLimitedUntilMs.insert(s.profile, until);
            withdrawPooled();
            m_scheduler.setProfilePaused(s.profile, true);
            const QDateTime untilTime = QDateTime::currentDateTimeUtc().addSecs(live.rateLimitedForS);
            for (const QString &id : std::as_const(m_order)) {
                AgentRecord *other = record(id);
                if (other->status.profile == s.profile && !isFinalState(other->status.state)) {
                    other->status.rateLimitedUntil = untilTime;
                    markDirty(*other);
                }
            }
            r->log->append(QStringLiteral("rate limited: dispatch for profile '%1' paused for %2 s")
                               .arg(s.profile)
                               .arg(live.rateLimitedForS));
            Q_EMIT profileRateLimited(s.profile, untilTime);
            ensureWatchdog();
        }
    }
    if (live.handedOff && !r->handedOff) {
        r->handedOff = true;
        r->output = live.handoffData;
        m_scheduler.handoff(s.goalId);
        dispatch();
    }
    markDirty(*r);
    if (progressChanged)
        Q_EMIT agentProgress(agentId, s.progress, s.currentStep);
    checkBudgets(*r);
}

void Orchestrator::checkBudgets(AgentRecord &r)
{
    if (!r.context)
        return;
    const QString goalOver = r.goal.budget.exceededBy(r.status.tokens(), r.status.costUsd);
    if (!goalOver.isEmpty()) {
        r.context->stop(QStringLiteral("budget exceeded: %1").arg(goalOver), QStringLiteral("budget"));
        return;
    }
    if (!m_runBudget.isSet() || m_runBudgetHit)
        return;
    qint64 tokens = 0;
    double cost = 0.0;
    for (const auto &[id, each] : m_records) {
        tokens += each->status.tokens();
        cost += each->status.costUsd;
    }
    const QString runOver = m_runBudget.exceededBy(tokens, cost);
    if (runOver.isEmpty())
        return;
    // The whole run is over budget: stop what runs and end what waits, with the reason.
    m_runBudgetHit = true;
    const QString reason = QStringLiteral("run budget exceeded: %1").arg(runOver);
    Q_EMIT runBudgetExceeded(reason);
    const QStringList ids = m_order;
    withdrawPooled();
    for (const QString &id : ids) {
        AgentRecord *each = record(id);
        if (each->context)
            each->context->stop(reason, QStringLiteral("budget"));
        else if (each->status.state == AgentState::Queued)
            failPending(*each, reason, QStringLiteral("budget"));
    }
}

void Orchestrator::failPending(AgentRecord &r, const QString &error, const QString &kind)
{
    const QList<Scheduler::BlockedGoal> blocked = m_scheduler.endPending(r.status.goalId, Scheduler::GoalState::Failed);
    r.retryAtMs = -1;
    r.status.nextAttemptAt = QDateTime();
    r.status.error = error;
    r.status.errorKind = kind;
    r.status.completedAt = QDateTime::currentDateTimeUtc();
    setState(r, AgentState::Failed);
    reportFinal(r, std::nullopt, [this, id = r.status.agentId, error, blocked] {
        Q_EMIT agentFailed(id, error);
        applyBlocked(blocked);
    });
}

const RetryPolicy &Orchestrator::retryPolicy(const AgentRecord &r) const
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

void Orchestrator::ensureWatchdog()
{
    if (!m_watchdog.isActive())
        m_watchdog.start();
}

bool Orchestrator::needsWatching(const AgentRecord &r) const
{
    const AgentState state = r.status.state;
    if (isFinalState(state) || state == AgentState::Blocked)
        return false;
    if (r.goal.deadline.isValid() || r.retryAtMs >= 0)
        return true;
    if (!r.context)
        return false;
    if (state == AgentState::Escalated || state == AgentState::WaitingForLock)
        return true;
    const AgentProfile *profile = m_scheduler.profile(r.status.profile);
    return profile && (profile->timeoutS > 0 || profile->idleTimeoutS > 0);
}

void Orchestrator::watch(AgentRecord &r)
{
    if (r.watched || !needsWatching(r))
        return;
    r.watched = true;
    m_watched.push_back(&r);
    ensureWatchdog();
}

void Orchestrator::handleWatchdog()
{
    const qint64 nowMs = m_clock.elapsed();
    const QDateTime now = QDateTime::currentDateTimeUtc();
    bool needed = false;

    // Rate limits that have run out.
    for (auto it = m_rateLimitedUntilMs.begin(); it != m_rateLimitedUntilMs.end();) {
        if (it.value() <= nowMs) {
            m_scheduler.setProfilePaused(it.key(), false);
            for (const QString &id : std::as_const(m_order)) {
                AgentRecord *r = record(id);
                if (r->status.profile == it.key() && r->status.rateLimitedUntil.isValid()) {
                    r->status.rateLimitedUntil = QDateTime();
                    markDirty(*r);
                }
            }
            it = m_rateLimitedUntilMs.erase(it);
        } else {
            needed = true;
            ++it;
        }
    }

    // Only the agents with something to watch: walking every agent cost ~1.5 ms per tick at 10,000 agents
    // (a stutter at 100,000). By id, since what runs below may remove agents.
    QStringList ids;
    ids.reserve(static_cast<qsizetype>(m_watched.size()));
    for (const AgentRecord *watched : std::as_const(m_watched))
        ids << watched->status.agentId;
    for (const QString &id : std::as_const(ids)) {
        AgentRecord *r = record(id);
        if (!r)
            continue;
        AgentStatus &s = r->status;
        const bool deadlinePassed = r->goal.deadline.isValid() && r->goal.deadline <= now;
        if (deadlinePassed)
            settlePooled(*r); // it is either queued or running from here on
        if (r->context) {
            needed = true;
            // Quiet because it waits on a human or a lock, not because it hung: keep its leases.
            if (s.state == AgentState::Escalated || s.state == AgentState::WaitingForLock)
                m_locks.renew(id);
            const AgentProfile *profile = m_scheduler.profile(s.profile);
            if (deadlinePassed && m_deadlinePolicy == DeadlinePolicy::Escalate) {
                if (!r->deadlineAsked)
                    escalateDeadline(*r);
            } else if (deadlinePassed) {
                r->context->stop(QStringLiteral("deadline passed (%1)").arg(r->goal.deadline.toString(Qt::ISODate)),
                                 QStringLiteral("deadline"));
            } else if (profile && profile->timeoutS > 0 &&
                       nowMs - r->attemptStartMs > qint64(profile->timeoutS) * 1000) {
                r->context->stop(QStringLiteral("timed out after %1 s").arg(profile->timeoutS),
                                 QStringLiteral("timeout"));
            } else if (profile && profile->idleTimeoutS > 0 &&
                       nowMs - r->lastActivityMs > qint64(profile->idleTimeoutS) * 1000) {
                r->context->stop(QStringLiteral("no output or heartbeat for %1 s (idle timeout): the agent seems hung")
                                     .arg(profile->idleTimeoutS),
                                 QStringLiteral("idle_timeout"));
            }
        } else if (s.state == AgentState::Queued) {
            if (deadlinePassed && m_deadlinePolicy == DeadlinePolicy::Escalate) {
                if (!r->deadlineAsked)
                    escalateDeadline(*r);
            } else if (deadlinePassed) {
                failPending(*r,
                            QStringLiteral("deadline passed (%1) before it could finish")
                                .arg(r->goal.deadline.toString(Qt::ISODate)),
                            QStringLiteral("deadline"));
                continue;
            }
            if (r->retryAtMs >= 0 && r->retryAtMs <= nowMs) {
                r->retryAtMs = -1;
                s.nextAttemptAt = QDateTime();
                markDirty(*r);
                m_scheduler.requeue(s.goalId);
            }
            needed = needed || r->retryAtMs >= 0 || r->goal.deadline.isValid();
        }
    }
    m_watched.erase(std::remove_if(m_watched.begin(), m_watched.end(),
                                   [this](AgentRecord *r) {
                                       r->watched = needsWatching(*r);
                                       return !r->watched;
                                   }),
                    m_watched.end());
    needed = needed || !m_watched.empty();
    dispatch();
    checkIdle();
    if (!needed)
        m_watchdog.stop();
}

void Orchestrator::handleAgentFinished(AgentRecord &record, const AgentResult &result, qint64 nowMs,
                                       const QDateTime &nowUtc)
{
    AgentRecord *r = &record;
    const QString agentId = r->status.agentId;
    AgentStatus &s = r->status;
    AgentResult outcome = result;
    if (outcome.outcome == AgentResult::Outcome::Completed && m_locks.hasLostLock(agentId)) {
        // Work done without the lock it relied on cannot be trusted, unless it took the lock back.
        QStringList lost = m_locks.lostLocks(agentId);
        const QStringList held = m_locks.heldBy(agentId);
        lost.erase(std::remove_if(lost.begin(), lost.end(), [&held](const QString &res) { return held.contains(res); }),
                   lost.end());
        if (!lost.isEmpty())
            outcome = AgentResult::failed(QStringLiteral("lock lost: %1").arg(lost.join(QStringLiteral(", "))), -1,
                                          QStringLiteral("lock_lost"));
    }
    r->log->flush();
    if (m_store && r->context) {
        // The attempt's final usage, unless handleLiveStateChanged() has submitted exactly this already (agents
        // that report no usage at all then cost one write less per goal).
        const AgentLiveState usage = r->context->liveState();
        if (usage.inputTokens != s.inputTokens - r->baseInputTokens ||
            usage.outputTokens != s.outputTokens - r->baseOutputTokens || usage.costUsd != s.costUsd - r->baseCostUsd)
            m_store->submit(
                StoreWrite::usage(agentId, s.attempt, usage.inputTokens, usage.outputTokens, usage.costUsd));
    }
    m_locks.releaseAll(agentId);
    m_locks.clearLostLocks(agentId);
    m_inbox.cancelAgent(agentId);
    s.waitingFor.clear();
    if (r->context) {
        const AgentLiveState live = r->context->takeLiveState();
        s.progress = live.progress;
        s.currentStep = live.step;
        s.inputTokens = r->baseInputTokens + live.inputTokens;
        s.outputTokens = r->baseOutputTokens + live.outputTokens;
        s.costUsd = r->baseCostUsd + live.costUsd;
        if (!r->handedOff && live.handedOff)
            r->output = live.handoffData;
        r->context.reset();
    }
    r->baseInputTokens = s.inputTokens;
    r->baseOutputTokens = s.outputTokens;
    r->baseCostUsd = s.costUsd;
    s.completedAt = nowUtc;
    const qint64 attemptMs = s.startedAt.msecsTo(s.completedAt);
    r->runMs += attemptMs;
    m_agentTimeMs += attemptMs;
    m_lastFinishMs = nowMs;

    if (outcome.outcome == AgentResult::Outcome::Failed && !r->cancelRequested && !m_runBudgetHit) {
        const RetryPolicy &policy = retryPolicy(*r);
        const int retriesUsed = s.attempt - 1 - r->retryOffset;
        const bool pastDeadline = r->goal.deadline.isValid() && r->goal.deadline <= s.completedAt;
        if (retriesUsed < policy.maxRetries && policy.retries(outcome.errorKind) && !pastDeadline) {
            const double delayS = policy.backoffFor(s.attempt, m_random.generateDouble());
            const qint64 delayMs = qMax<qint64>(0, qint64(delayS * 1000.0));
            m_scheduler.deferRetry(s.goalId);
            r->retryAtMs = nowMs + delayMs;
            watch(*r);
            s.nextAttemptAt = s.completedAt.addMSecs(delayMs);
            s.error = outcome.error;
            s.errorKind = outcome.errorKind;
            s.completedAt = QDateTime();
            r->log->append(QStringLiteral("attempt %1/%2 failed: %3; next try in %4 s")
                               .arg(s.attempt)
                               .arg(s.maxAttempts)
                               .arg(outcome.error)
                               .arg(delayS, 0, 'f', 1));
            setState(*r, AgentState::Queued);
            Q_EMIT agentRetryScheduled(agentId, s.attempt + 1, delayMs, outcome.error);
            ensureWatchdog();
            dispatch();
            checkIdle();
            return;
        }
        if (m_escalateExhausted && policy.maxRetries > 0 && policy.retries(outcome.errorKind) && !pastDeadline) {
            // Out of retries: the human decides (the seed's "move to human queue").
            s.error = outcome.error;
            s.errorKind = outcome.errorKind;
            m_scheduler.deferRetry(s.goalId);
            escalateFailure(*r, outcome.error);
            dispatch();
            checkIdle();
            return;
        }
    }

    std::function<void()> report;
    switch (outcome.outcome) {
    case AgentResult::Outcome::Completed:
        s.progress = 100;
        s.summary = outcome.summary;
        s.error.clear();
        if (!r->handedOff && !outcome.output.isEmpty())
            r->output = outcome.output;
        setState(*r, AgentState::Completed);
        report = [this, agentId, summary = outcome.summary] { Q_EMIT agentCompleted(agentId, summary); };
        break;
    case AgentResult::Outcome::Failed:
        s.error = outcome.error;
        s.errorKind = outcome.errorKind;
        setState(*r, AgentState::Failed);
        report = [this, agentId, error = outcome.error] { Q_EMIT agentFailed(agentId, error); };
        break;
    case AgentResult::Outcome::Cancelled:
        s.error.clear();
        setState(*r, AgentState::Cancelled);
        report = [this, agentId] { Q_EMIT agentCancelled(agentId); };
        break;
    }
    recordLog(*r);
    // Its dependents wait until its final state is durable and reported. Its slot does not: the agent has
    // stopped, so the next goal may start while the store commits (holding the slot made every goal wait for
    // a commit round trip: with the store, w1 took 100 instead of ~15 us per goal). Sequential runs keep it,
    // so that one goal is over, on disk, before the next starts.
    const bool freeSlotNow = m_store && m_scheduler.mode() != Scheduler::Mode::Sequential;
    if (freeSlotNow)
        m_scheduler.suspend(s.goalId);
    reportFinal(*r, outcome, [this, report, goalId = s.goalId, ended = schedulerOutcome(outcome.outcome)] {
        const QList<Scheduler::BlockedGoal> blocked = m_scheduler.finish(goalId, ended);
        report();
        applyBlocked(blocked);
        dispatch();
    });
    if (freeSlotNow)
        dispatch();
    checkIdle();
}

void Orchestrator::escalateFailure(AgentRecord &r, const QString &error)
{
    AgentStatus &s = r.status;
    r.failureEscalated = true;
    s.completedAt = QDateTime();
    setState(r, AgentState::Escalated);
    EscalationInbox::Request request;
    request.agentId = s.agentId;
    request.goalId = s.goalId;
    request.trigger = Escalation::Trigger::Failure;
    request.priority = r.goal.priority;
    // The attempt number keeps each such question distinct: an earlier "Retry" must not answer it.
    request.question = QStringLiteral("'%1' failed %2 times in a row (attempt %3). Retry, skip it, or cancel "
                                      "what depends on it?")
                           .arg(r.goal.title)
                           .arg(s.attempt - r.retryOffset)
                           .arg(s.attempt);
    request.context = QStringLiteral("Last error: %1").arg(error);
    request.options = {{QStringLiteral("retry"), QStringLiteral("Retry")},
                       {QStringLiteral("skip"), QStringLiteral("Skip (mark failed, block dependents)")},
                       {QStringLiteral("cancel_dependents"), QStringLiteral("Cancel dependents")}};
    const QString agentId = s.agentId;
    QString why;
    const QString id = m_inbox.raise(
        request, this, [this, agentId](const Escalation &e) { handleFailureAnswer(agentId, e); }, &why);
    if (id.isEmpty()) {
        r.failureEscalated = false;
        finishAsFailed(r, error, s.errorKind);
        return;
    }
    s.openEscalation = id;
    r.log->append(QStringLiteral("retries exhausted: asked the human (%1)").arg(id));
}

void Orchestrator::handleFailureAnswer(const QString &agentId, const Escalation &e)
{
    AgentRecord *r = record(agentId);
    if (!r || !r->failureEscalated)
        return;
    r->failureEscalated = false;
    AgentStatus &s = r->status;
    s.openEscalation.clear();
    if (e.state == Escalation::State::Answered && e.answerOption == u"retry") {
        r->retryOffset = s.attempt; // a fresh round of retries
        r->log->append(QStringLiteral("the human chose Retry"));
        setState(*r, AgentState::Queued);
        m_scheduler.requeue(s.goalId);
        dispatch();
        return;
    }
    if (e.state == Escalation::State::Answered && e.answerOption == u"cancel_dependents") {
        const QList<Scheduler::BlockedGoal> blocked = m_scheduler.endPending(s.goalId, Scheduler::GoalState::Failed);
        s.completedAt = QDateTime::currentDateTimeUtc();
        setState(*r, AgentState::Failed);
        reportFinal(*r, std::nullopt, [this, agentId, error = s.error] { Q_EMIT agentFailed(agentId, error); });
        for (const Scheduler::BlockedGoal &b : blocked) {
            if (AgentRecord *dependent = recordForGoal(b.goalId)) {
                dependent->status.error = QStringLiteral("cancelled by a human: dependency '%1' failed").arg(s.goalId);
                dependent->status.completedAt = QDateTime::currentDateTimeUtc();
                setState(*dependent, AgentState::Cancelled);
                reportFinal(*dependent, std::nullopt,
                            [this, id = dependent->status.agentId] { Q_EMIT agentCancelled(id); });
            }
        }
        checkIdle();
        return;
    }
    // Skip, a timeout or a withdrawn question: the goal fails and its dependents are blocked.
    finishAsFailed(*r, s.error, s.errorKind);
}

void Orchestrator::finishAsFailed(AgentRecord &r, const QString &error, const QString &kind)
{
    // The goal is pending in the scheduler (deferred); end it there and here.
    const QList<Scheduler::BlockedGoal> blocked = m_scheduler.endPending(r.status.goalId, Scheduler::GoalState::Failed);
    r.status.error = error;
    r.status.errorKind = kind;
    r.status.completedAt = QDateTime::currentDateTimeUtc();
    setState(r, AgentState::Failed);
    reportFinal(r, std::nullopt, [this, id = r.status.agentId, error, blocked] {
        Q_EMIT agentFailed(id, error);
        applyBlocked(blocked);
    });
    dispatch();
    checkIdle();
}

void Orchestrator::escalateDeadline(AgentRecord &r)
{
    r.deadlineAsked = true;
    EscalationInbox::Request request;
    request.agentId = r.status.agentId;
    request.goalId = r.status.goalId;
    request.trigger = Escalation::Trigger::Other;
    request.priority = Priority::Critical;
    request.question = QStringLiteral("The deadline of '%1' (%2) has passed. Keep going or stop it?")
                           .arg(r.goal.title, r.goal.deadline.toString(Qt::ISODate));
    request.options = {{QStringLiteral("continue"), QStringLiteral("Keep going")},
                       {QStringLiteral("stop"), QStringLiteral("Stop (fail the goal)")}};
    const QString agentId = r.status.agentId;
    m_inbox.raise(request, this, [this, agentId](const Escalation &e) {
        AgentRecord *rec = record(agentId);
        if (!rec || e.state != Escalation::State::Answered || e.answerOption != u"stop")
            return;
        const QString why =
            QStringLiteral("deadline passed (%1); stopped by a human").arg(rec->goal.deadline.toString(Qt::ISODate));
        settlePooled(*rec);
        if (rec->context)
            rec->context->stop(why, QStringLiteral("deadline"));
        else if (rec->status.state == AgentState::Queued)
            failPending(*rec, why, QStringLiteral("deadline"));
    });
}

bool Orchestrator::cancel(const QString &agentId)
{
    AgentRecord *r = record(agentId);
    if (!r)
        return false;
    settlePooled(*r);
    const AgentState state = r->status.state;
    if (isFinalState(state))
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
        setState(*r, AgentState::Cancelled);
        reportFinal(*r, std::nullopt, [this, agentId, blocked] {
            Q_EMIT agentCancelled(agentId);
            applyBlocked(blocked);
        });
        checkIdle();
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

bool Orchestrator::stopAgent(const QString &agentId, const QString &reason, const QString &errorKind)
{
    AgentRecord *r = record(agentId);
    if (!r || isFinalState(r->status.state))
        return false;
    settlePooled(*r);
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
        checkIdle();
        return true;
    }
    return false;
}

int Orchestrator::cancelAll()
{
    int count = 0;
    withdrawPooled();
    // Queued first, so nothing new starts while the running ones wind down.
    const QStringList ids = m_order;
    for (const QString &id : ids) {
        const AgentRecord *r = record(id);
        if (r && (r->status.state == AgentState::Queued || r->status.state == AgentState::Interrupted))
            count += cancel(id) ? 1 : 0;
    }
    for (const QString &id : ids) {
        const AgentRecord *r = record(id);
        if (r && isActiveState(r->status.state) && !r->cancelRequested)
            count += cancel(id) ? 1 : 0;
    }
    return count;
}

bool Orchestrator::isIdle() const
{
    const auto count = [this](AgentState s) { return m_stateCounts[static_cast<size_t>(s)]; };
    return count(AgentState::Queued) + count(AgentState::Running) + count(AgentState::WaitingForLock) +
                   count(AgentState::Escalated) + count(AgentState::Paused) + count(AgentState::Interrupted) ==
               0 &&
           m_pendingFinal == 0;
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

void Orchestrator::checkIdle()
{
    const bool idle = isIdle();
    if (!idle) {
        m_wasBusy = true;
        return;
    }
    if (m_wasBusy) {
        m_wasBusy = false;
        if (m_rateLimitedUntilMs.isEmpty())
            m_watchdog.stop();
        publishUpdates(); // views see the final states before anyone reacts to allFinished
        if (m_store && !m_runId.isEmpty()) {
            m_store->submit(StoreWrite::runFinished(m_runId, summary()));
            m_runFinishedRecorded = true;
        }
        Q_EMIT allFinished();
    }
}

int Orchestrator::cleanup()
{
    QStringList removed;
    for (const QString &id : std::as_const(m_order)) {
        const AgentState state = record(id)->status.state;
        if (isFinalState(state) || state == AgentState::Blocked)
            removed << id;
    }
    if (removed.isEmpty())
        return 0;
    Q_EMIT agentsAboutToBeRemoved(removed);
    const QSet<QString> gone(removed.cbegin(), removed.cend());
    // Removed agents are not published or watched any more (and their records are about to go).
    const auto removedRecord = [&gone](const AgentRecord *r) { return gone.contains(r->status.agentId); };
    m_dirty.erase(std::remove_if(m_dirty.begin(), m_dirty.end(), removedRecord), m_dirty.end());
    m_watched.erase(std::remove_if(m_watched.begin(), m_watched.end(), removedRecord), m_watched.end());
    for (const QString &id : std::as_const(removed)) {
        const AgentRecord *r = record(id);
        --m_stateCounts[static_cast<size_t>(r->status.state)];
        m_recordByGoal.remove(r->status.goalId);
        m_records.erase(id);
    }
    m_order.erase(
        std::remove_if(m_order.begin(), m_order.end(), [&gone](const QString &id) { return gone.contains(id); }),
        m_order.end());
    Q_EMIT agentsRemoved(removed);
    return static_cast<int>(removed.size());
}

void Orchestrator::setMaxParallel(int maxParallel)
{
    maxParallel = qMax(1, maxParallel);
    if (maxParallel == m_scheduler.maxParallel())
        return;
    withdrawPooled();
    m_scheduler.setMaxParallel(maxParallel);
    // Exactly the cap: with look-ahead the pool's queue holds more than it may run at once.
    m_pool.setMaxThreadCount(maxParallel);
    Q_EMIT maxParallelChanged(maxParallel);
    dispatch();
}

void Orchestrator::setMode(Scheduler::Mode mode)
{
    withdrawPooled();
    m_scheduler.setMode(mode);
    dispatch();
}

int Orchestrator::maxParallel() const
{
    return m_scheduler.maxParallel();
}

void Orchestrator::pauseDispatch()
{
    if (m_paused)
        return;
    m_paused = true;
    withdrawPooled(); // nothing new starts, not even what was queued ahead in the pool
    Q_EMIT dispatchPausedChanged(true);
}

void Orchestrator::resumeDispatch()
{
    if (!m_paused)
        return;
    m_paused = false;
    Q_EMIT dispatchPausedChanged(false);
    dispatch();
}

Orchestrator::Progress Orchestrator::progress() const
{
    const auto count = [this](AgentState s) { return m_stateCounts[static_cast<size_t>(s)]; };
    Progress p;
    p.pending = count(AgentState::Queued) + count(AgentState::Interrupted);
    p.waiting = count(AgentState::Escalated) + count(AgentState::WaitingForLock);
    p.inProgress = count(AgentState::Running) + count(AgentState::Paused) + p.waiting;
    p.completed = count(AgentState::Completed);
    p.failed = count(AgentState::Failed);
    p.cancelled = count(AgentState::Cancelled);
    p.blocked = count(AgentState::Blocked);
    p.poolBusy = m_scheduler.runningCount() - static_cast<int>(m_pooled.size()); // not the look-ahead
    p.poolAvailable = qMax(0, m_scheduler.maxParallel() - p.poolBusy);
    for (const auto &[id, r] : m_records)
        p.retrying += r->retryAtMs >= 0 ? 1 : 0;
    p.rateLimitedProfiles = m_rateLimitedUntilMs.keys();
    p.rateLimitedProfiles.sort();
    return p;
}

RunSummary Orchestrator::summary() const
{
    RunSummary summary;
    summary.wallMs = m_firstStartMs >= 0 && m_lastFinishMs >= m_firstStartMs ? m_lastFinishMs - m_firstStartMs : 0;
    summary.agentTimeMs = m_agentTimeMs;
    summary.maxParallelReached = m_maxRunningSeen;
    QList<Goal> goals;
    goals.reserve(m_order.size());
    for (const QString &id : m_order)
        goals << record(id)->goal;
    summary.phases = static_cast<int>(Scheduler::phases(goals).size());
    const Progress p = progress();
    summary.total = static_cast<int>(m_order.size());
    summary.completed = p.completed;
    summary.failed = p.failed;
    summary.cancelled = p.cancelled;
    summary.blocked = p.blocked;
    return summary;
}

void Orchestrator::markDirty(const QString &agentId)
{
    if (AgentRecord *r = record(agentId))
        markDirty(*r);
}

void Orchestrator::markDirty(AgentRecord &record)
{
    // A flag in the record instead of a QSet<QString>: no hashing of the id, up to three times per goal.
    if (record.dirty)
        return;
    record.dirty = true;
    m_dirty.push_back(&record);
    if (!m_updateTimer.isActive())
        m_updateTimer.start();
}

void Orchestrator::publishUpdates()
{
    m_updateTimer.stop();
    if (m_dirty.empty())
        return;
    QStringList ids;
    ids.reserve(static_cast<qsizetype>(m_dirty.size()));
    for (AgentRecord *r : std::as_const(m_dirty)) {
        r->dirty = false;
        ids << r->status.agentId;
        recordLog(*r);
    }
    m_dirty.clear();
    Q_EMIT agentsUpdated(ids);
}

} // namespace switchboard
