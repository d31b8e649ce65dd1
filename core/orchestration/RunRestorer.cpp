#include "RunRestorer.h"

#include "AgentLog.h"
#include "AgentRecord.h"
#include "AgentTable.h"
#include "AttemptLifecycle.h"
#include "RunHooks.h"
#include "RunRecorder.h"
#include "Scheduler.h"
#include "TeamCoordinator.h"
#include "coordination/EscalationInbox.h"
#include "coordination/Scratchpad.h"
#include "persistence/Store.h"
#include "persistence/StoreSnapshot.h"

#include <QDir>

namespace switchboard {

RunRestorer::RunRestorer(RunHooks &hooks, AgentTable &table, Scheduler &scheduler, EscalationInbox &inbox,
                         Scratchpad &scratchpad, RunRecorder &recorder)
    : m_hooks(hooks)
    , m_table(table)
    , m_scheduler(scheduler)
    , m_inbox(inbox)
    , m_scratchpad(scratchpad)
    , m_recorder(recorder)
{}

namespace {
// Goals put back between two looks at the clock.
constexpr qsizetype kGoalsPerClockCheck = 256;
} // namespace

// What a restore in slices carries from one step to the next.
struct RunRestorer::Job
{
    const StoreSnapshot *snapshot = nullptr;
    bool autoResume = true;
    QString logPrefix;
    QSet<QString> active;
    // The store lists goals and their agents in the same (spawn) order: the index by id is built only for a
    // snapshot where they are not.
    QHash<QString, qsizetype> statusById;
    // Worktrees by run and goal: a goal in Review comes back with its worktree, an interrupted one works on in it.
    QHash<std::pair<QString, QString>, WorktreeRecord> worktrees;
    qsizetype nextGoal = 0;
    // Goals put back whose scheduler batch is not given yet: it is given once none of its goals depends on a goal
    // not put back yet (dependencies listed after their dependents wait for them), so every batch is whole.
    QList<Goal> pendingGoals;
    std::vector<Scheduler::GoalState> pendingStates;
    std::vector<AgentRecord *> pendingRecords;
    QSet<QString> unresolved; // dependencies named by pending goals and not put back yet
    QList<Scheduler::BlockedGoal> blocked;
    QStringList interrupted;
    std::vector<AgentRecord *> review;
};

RunRestorer::~RunRestorer() = default;

bool RunRestorer::restore(const StoreSnapshot &snapshot, bool autoResume, const QString &logDirectory, QString *error)
{
    if (!begin(snapshot, autoResume, logDirectory, error))
        return false;
    while (!step(QDeadlineTimer(QDeadlineTimer::Forever))) {
    }
    return true;
}

bool RunRestorer::begin(const StoreSnapshot &snapshot, bool autoResume, const QString &logDirectory, QString *error)
{
    if (m_job) {
        if (error)
            *error = QStringLiteral("a restore is under way");
        return false;
    }
    m_restoredTeams = false;
    Store *store = m_recorder.store();
    if (!snapshot.runs.isEmpty()) {
        const RunRecord &run = snapshot.runs.constLast();
        m_recorder.adoptRun(run);
        m_scratchpad.setRunId(run.id);
        QList<NoteRecord> notes;
        for (const NoteRecord &note : snapshot.notes) {
            if (note.runId == run.id)
                notes.append(note);
        }
        m_scratchpad.preload(notes);
    }
    auto job = std::make_unique<Job>();
    job->snapshot = &snapshot;
    job->autoResume = autoResume;
    job->active = QSet<QString>(snapshot.activeAgents.cbegin(), snapshot.activeAgents.cend());
    if (store && !job->active.isEmpty() && !store->isReadOnly()) {
        QString why;
        if (store->markInterrupted(&why).isEmpty() && !why.isEmpty()) {
            if (error)
                *error = why;
            return false;
        }
    }

    // Questions: answered ones are never asked again; open ones died with their agents (asked again).
    m_inbox.preload(snapshot.escalations);
    const QDateTime now = QDateTime::currentDateTimeUtc();
    for (Escalation e : snapshot.escalations) {
        if (!e.isOpen() || !store)
            continue;
        e.state = Escalation::State::Cancelled;
        e.answeredAt = now;
        e.answeredBy = QStringLiteral("interrupted");
        m_recorder.recordEscalation(e);
    }

    // Sized for a big history (1,000,000 goals): no status copies in the index, no rehashing, no QDir per agent.
    m_table.reserve(snapshot.goals.size());
    m_scheduler.reserve(snapshot.goals.size());
    job->logPrefix = logDirectory.isEmpty() ? QString() : QDir(logDirectory).path();
    if (!job->logPrefix.isEmpty() && !job->logPrefix.endsWith(u'/'))
        job->logPrefix += u'/';
    for (const WorktreeRecord &w : snapshot.worktrees)
        job->worktrees.insert({w.runId, w.goalId}, w);
    m_job = std::move(job);
    return true;
}

bool RunRestorer::step(const QDeadlineTimer &deadline)
{
    if (!m_job)
        return true;
    Job &job = *m_job;
    const qsizetype goals = job.snapshot->goals.size();
    while (job.nextGoal < goals) {
        const qsizetype until = qMin(goals, job.nextGoal + kGoalsPerClockCheck);
        for (; job.nextGoal < until; ++job.nextGoal)
            restoreGoal(job.nextGoal);
        if (deadline.hasExpired())
            break;
    }
    if (job.nextGoal < goals) {
        flushScheduler(false);
        return false;
    }
    flushScheduler(true);
    finish();
    return true;
}

void RunRestorer::restoreGoal(qsizetype goalRow)
{
    Job &job = *m_job;
    const StoreSnapshot &snapshot = *job.snapshot;
    const GoalRecord &g = snapshot.goals.at(goalRow);
    if (m_table.containsGoal(g.goal.id) || g.agentId.isEmpty())
        return;
    auto r = std::make_unique<AgentRecord>();
    r->goal = g.goal;
    r->log = std::make_shared<AgentLog>();
    if (!job.logPrefix.isEmpty())
        r->log->setSpillFile(job.logPrefix + Store::logFileName(g.agentId));
    qsizetype statusRow = -1;
    if (goalRow < snapshot.agents.size() && snapshot.agents.at(goalRow).agentId == g.agentId) {
        statusRow = goalRow;
    } else {
        if (job.statusById.isEmpty()) {
            job.statusById.reserve(snapshot.agents.size());
            for (qsizetype i = 0; i < snapshot.agents.size(); ++i)
                job.statusById.insert(snapshot.agents.at(i).agentId, i);
        }
        statusRow = job.statusById.value(g.agentId, -1);
    }
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
    if (g.goal.team || g.goal.member) {
        TeamCoordinator::describe(s, g.goal);
        m_restoredTeams = true;
    }
    if (!job.worktrees.isEmpty()) {
        auto it = job.worktrees.constFind({g.runId, g.goal.id});
        if (it == job.worktrees.cend() && !g.goal.followUpOf.isEmpty())
            it = job.worktrees.constFind({g.runId, g.goal.followUpOf}); // a follow-up works in its original's
        if (it != job.worktrees.cend()) {
            r->worktree = *it;
            s.repository = it->repoName();
        }
    }
    if (job.active.contains(s.agentId) || isActiveState(s.state)) {
        s.state = AgentState::Interrupted;
        if (s.error.isEmpty())
            s.error = QStringLiteral("interrupted: Switchboard stopped while the agent was running");
        // The store records this attempt as interrupted just now (markInterrupted), after the snapshot.
        if (s.attempt > 0)
            ++s.interruptedAttempts;
    }
    // An interruption is not the agent's failure: each one adds an attempt, so no retry is spent on it.
    const AgentProfile *profile = m_scheduler.profile(s.profile);
    const int retries = g.goal.retry ? g.goal.retry->maxRetries : profile ? profile->retry.maxRetries : 0;
    s.maxAttempts = 1 + qMax(0, retries) + s.interruptedAttempts;
    s.openEscalation.clear();
    s.waitingFor.clear();
    s.progress = s.state == AgentState::Completed || s.state == AgentState::Review ? 100 : s.progress;
    const AgentStatus &rs = r->status;
    r->baseInputTokens = rs.inputTokens;
    r->baseOutputTokens = rs.outputTokens;
    r->baseCostUsd = rs.costUsd;
    r->baseTurns = rs.turns;
    r->held = rs.state == AgentState::Interrupted;
    if (rs.state == AgentState::Completed)
        r->output = rs.summary;
    if (rs.startedAt.isValid() && rs.completedAt.isValid())
        r->runMs = rs.startedAt.msecsTo(rs.completedAt);
    // An agent id the board has already (a damaged history gave two goals the same agent) is not taken: the goal
    // stays off the board rather than replace another's record.
    AgentRecord *addedRecord = m_table.add(std::move(r));
    if (!addedRecord)
        return;
    AgentRecord &added = *addedRecord;
    if (added.status.state == AgentState::Interrupted)
        job.interrupted << added.status.agentId;
    if (added.status.state == AgentState::Review)
        job.review.push_back(&added);
    job.unresolved.remove(g.goal.id);
    for (const QString &dependency : g.goal.dependsOn) {
        if (!m_table.containsGoal(dependency))
            job.unresolved.insert(dependency);
    }
    job.pendingGoals << g.goal;
    job.pendingStates.push_back(AttemptLifecycle::goalStateFor(added.status.state));
    job.pendingRecords.push_back(&added);
}

void RunRestorer::flushScheduler(bool force)
{
    Job &job = *m_job;
    if (job.pendingRecords.empty() || (!force && !job.unresolved.isEmpty()))
        return;
    // The scheduler learns the goals with their ended states in one pass per batch (ended goals never enter its
    // ready set), so dependents resolve.
    job.blocked << m_scheduler.addRestored(job.pendingGoals, job.pendingStates);
    // No agentsUpdated() batch for them: a view made later reads agents(), one made before inserts the rows
    // from agentSpawned with the status as it is (at 100,000 agents that batch cost the board ~0.1 s).
    for (AgentRecord *r : job.pendingRecords) {
        m_hooks.watch(*r);
        m_hooks.notifySpawned(r->status.agentId);
    }
    job.pendingGoals.clear();
    job.pendingStates.clear();
    job.pendingRecords.clear();
}

void RunRestorer::finish()
{
    const std::unique_ptr<Job> job = std::move(m_job);
    for (const AgentRecord *r : job->review)
        m_scheduler.restoreParked(r->status.goalId); // still waiting for its merge; its dependents too
    QList<Scheduler::BlockedGoal> newlyBlocked;
    for (const Scheduler::BlockedGoal &b : std::as_const(job->blocked)) {
        const AgentRecord *r = m_table.recordForGoal(b.goalId);
        if (r && !isFinalState(r->status.state) && r->status.state != AgentState::Blocked)
            newlyBlocked << b;
    }
    m_hooks.applyBlocked(newlyBlocked);
    if (job->autoResume)
        resumeInterrupted(job->interrupted); // dispatches
    else
        m_hooks.dispatch();
    m_hooks.ensureWatchdog();
    m_hooks.checkIdle();
}

int RunRestorer::resumeInterrupted(const QStringList &agentIds)
{
    // All of them back in the queue before the one dispatch: resumed one by one, the first one's dispatch gave
    // every other free slot to goals that had never run while the rest of the interrupted ones were still held
    // (seen with 200 interrupted of 600 goals: goal 0 ran, goals 1-199 waited behind goals 200-398).
    int resumed = 0;
    for (const QString &agentId : agentIds) {
        AgentRecord *r = m_table.record(agentId);
        if (!r || r->status.state != AgentState::Interrupted)
            continue;
        r->held = false;
        r->status.resumedAfterInterruption = true;
        r->log->append(QStringLiteral("resumed after an interruption at %1 %: attempt %2 starts from the beginning "
                                      "(the interrupted one spends no retry)")
                           .arg(r->status.progress)
                           .arg(r->status.attempt + 1));
        // Queued for an attempt that starts from nothing: the card must not show the old one's progress.
        r->status.progress = 0;
        r->status.currentStep.clear();
        m_hooks.setState(*r, AgentState::Queued);
        ++resumed;
    }
    m_hooks.dispatch();
    m_hooks.checkIdle();
    return resumed;
}

} // namespace switchboard
