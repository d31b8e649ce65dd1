#include "GoalIntake.h"

#include "AgentLog.h"
#include "AgentRecord.h"
#include "AgentTable.h"
#include "RunHooks.h"
#include "RunRecorder.h"
#include "Scheduler.h"
#include "TeamCoordinator.h"
#include "Watchdog.h"
#include "persistence/Store.h"
#include "persistence/StoreSnapshot.h"
#include "persistence/StoreWrite.h"

#include <QDir>
#include <QHash>

#include <algorithm>

namespace switchboard {

GoalIntake::GoalIntake(RunHooks &hooks, AgentTable &table, Scheduler &scheduler, RunRecorder &recorder,
                       Watchdog &watchdog)
    : m_hooks(hooks)
    , m_table(table)
    , m_scheduler(scheduler)
    , m_recorder(recorder)
    , m_watchdog(watchdog)
{}

namespace {
// "<prefix>-<number>" in one allocation: QString::number and a concatenation were three per id (not arg(): it is
// locale-aware and ~6x the cost), twice per goal.
QString numbered(QStringView prefix, quint64 number)
{
    char16_t digits[20];
    qsizetype count = 0;
    do {
        digits[count++] = static_cast<char16_t>(u'0' + number % 10);
        number /= 10;
    } while (number != 0);
    QString out(prefix.size() + 1 + count, Qt::Uninitialized);
    QChar *at = std::copy(prefix.begin(), prefix.end(), out.data());
    *at++ = u'-';
    while (count > 0)
        *at++ = digits[--count];
    return out;
}
} // namespace

void GoalIntake::applyFloors(const StoreSnapshot &snapshot)
{
    m_nextAgentNumber = qMax(m_nextAgentNumber, snapshot.lastAgentNumber + 1);
    m_nextGoalNumber = qMax(m_nextGoalNumber, snapshot.lastGoalNumber + 1);
}

QList<Goal> GoalIntake::withGeneratedIds(const QList<Goal> &goals) const
{
    // Shared, not copied, when every goal has its id and title (a plan's, the bench's): a detached copy of a
    // 10,000-goal batch was one Goal copy (and one free) per goal for nothing.
    const auto complete = [](const Goal &g) { return !g.id.trimmed().isEmpty() && !g.title.trimmed().isEmpty(); };
    if (std::all_of(goals.cbegin(), goals.cend(), complete))
        return goals;
    QList<Goal> out = goals;
    for (Goal &goal : out) {
        if (goal.id.trimmed().isEmpty()) {
            QString id;
            do {
                id = QStringLiteral("g-") + QString::number(m_nextGoalNumber++);
            } while (m_scheduler.contains(id) ||
                     std::any_of(out.cbegin(), out.cend(), [&id](const Goal &g) { return g.id == id; }));
            goal.id = id;
        }
        // Goals from the CLI, a script or a form may come without a title: the same default as in plans.
        if (goal.title.trimmed().isEmpty())
            goal.title = Goal::defaultTitle(goal.description, goal.id);
    }
    return out;
}

QStringList GoalIntake::validate(const QList<Goal> &goals) const
{
    const quint64 saved = m_nextGoalNumber;
    const QStringList errors = m_scheduler.validate(withGeneratedIds(goals));
    m_nextGoalNumber = saved; // validation must not use up ids
    return errors;
}

std::vector<qsizetype> GoalIntake::commitChunks(const QList<Goal> &batch)
{
    // Cut only where no goal before the cut depends on one after it: whatever a crash leaves committed is then a
    // set whose every dependency is committed too. Teams and follow-ups stay in one transaction.
    constexpr qsizetype kChunk = 256;
    const qsizetype n = batch.size();
    if (n <= kChunk || std::any_of(batch.cbegin(), batch.cend(),
                                   [](const Goal &g) { return g.team || g.member || !g.followUpOf.isEmpty(); }))
        return {n};
    QHash<QString, qsizetype> position;
    position.reserve(n);
    for (qsizetype i = 0; i < n; ++i)
        position.insert(batch.at(i).id, i);
    std::vector<qsizetype> ends;
    qsizetype start = 0;
    qsizetype reach = -1; // the furthest goal that one since `start` depends on
    for (qsizetype i = 0; i < n; ++i) {
        for (const QString &dep : batch.at(i).dependsOn)
            reach = std::max(reach, position.value(dep, -1));
        if (i + 1 - start >= kChunk && reach <= i && i + 1 < n) {
            ends.push_back(i + 1);
            start = i + 1;
        }
    }
    ends.push_back(n);
    return ends;
}

void GoalIntake::committedSpawn(const QStringList &agentIds, const QList<Scheduler::BlockedGoal> &blocked,
                                bool committed)
{
    for (const QString &id : agentIds) {
        AgentRecord *r = m_table.record(id);
        if (!r)
            continue;
        r->durable = committed; // not committed: shown, but never dispatched (storage failed)
        m_hooks.markDirty(*r);
        m_hooks.notifySpawned(id);
    }
    QList<Scheduler::BlockedGoal> stillQueued;
    for (const Scheduler::BlockedGoal &b : blocked) {
        const AgentRecord *r = m_table.recordForGoal(b.goalId);
        if (r && r->status.state == AgentState::Queued)
            stillQueued << b;
    }
    m_hooks.applyBlocked(stillQueued);
    m_hooks.dispatch();
    m_hooks.ensureWatchdog();
    m_hooks.checkIdle();
}

QStringList GoalIntake::spawn(const QList<Goal> &goals, QString *error)
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
    m_hooks.withdrawPooled(); // the new goals may come before what was queued ahead

    const bool durable = m_recorder.store() != nullptr;
    const QDateTime now = QDateTime::currentDateTimeUtc();
    QStringList agentIds;
    agentIds.reserve(batch.size());
    QList<StoreWrite> writes;
    if (durable) {
        m_recorder.ensureRunRecorded();
        writes.reserve(batch.size());
    }
    for (const Goal &goal : batch) {
        auto record = std::make_unique<AgentRecord>();
        const quint64 number = m_nextAgentNumber++;
        record->goal = goal;
        record->log = std::make_shared<AgentLog>();
        AgentStatus &s = record->status;
        s.agentId = numbered(u"a", number);
        if (!m_logDirectory.isEmpty())
            record->log->setSpillFile(QDir(m_logDirectory).filePath(Store::logFileName(s.agentId)));
        s.name = numbered(goal.team                ? QStringView(u"team")
                          : goal.profile.isEmpty() ? QStringView(u"agent")
                                                   : QStringView(goal.profile),
                          number);
        if (goal.team || goal.member)
            TeamCoordinator::describe(s, goal);
        s.goalId = goal.id;
        s.goalTitle = goal.title;
        s.profile = goal.profile;
        s.priority = goal.priority;
        s.state = AgentState::Queued;
        s.createdAt = now;
        s.maxAttempts = 1 + qMax(0, goal.retry ? goal.retry->maxRetries : 0);
        if (const qint64 until = m_watchdog.rateLimitedUntilMs(goal.profile); until >= 0)
            s.rateLimitedUntil = QDateTime::currentDateTimeUtc().addMSecs(until - m_hooks.nowMs());
        if (durable) {
            record->durable = false; // until its goal is committed
            writes << StoreWrite::goalAdded(m_recorder.runId(), goal, s.agentId, s.name, goal.profile, now);
        }
        agentIds << s.agentId;
        // validate() refused goal ids the run has and agent numbers never repeat: the table takes every one.
        AgentRecord *added = m_table.add(std::move(record));
        Q_ASSERT(added);
        if (!added)
            continue;
        if (!durable)
            m_hooks.markDirty(*added); // with a store: once committed
        if (goal.deadline.isValid())
            m_hooks.watch(*added);
    }
    const QList<Scheduler::BlockedGoal> blocked = m_scheduler.add(batch);
    if (durable) {
        // Durable before reported: agentSpawned and dispatch wait for the commit. A large spawn is committed in
        // chunks, each a transaction of its own, so the first goals start while the writer commits the rest
        // (w1's 10,000 goals waited a third of their run for one commit of all of them).
        const std::vector<qsizetype> ends = commitChunks(batch);
        qsizetype begin = 0;
        for (const qsizetype end : ends) {
            QList<StoreWrite> chunkWrites;
            QStringList chunkIds;
            if (begin == 0 && end == batch.size()) {
                chunkWrites = std::move(writes);
                chunkIds = agentIds;
            } else {
                chunkWrites = writes.mid(begin, end - begin);
                chunkIds = agentIds.mid(begin, end - begin);
            }
            QList<Scheduler::BlockedGoal> chunkBlocked;
            for (const Scheduler::BlockedGoal &b : blocked) {
                const auto at = std::find_if(batch.cbegin() + begin, batch.cbegin() + end,
                                             [&b](const Goal &g) { return g.id == b.goalId; });
                if (at != batch.cbegin() + end)
                    chunkBlocked << b;
            }
            m_recorder.recordGoals(std::move(chunkWrites),
                                   [this, ids = std::move(chunkIds), chunkBlocked](bool committed) {
                                       committedSpawn(ids, chunkBlocked, committed);
                                   });
            begin = end;
        }
        m_hooks.checkIdle();
        return agentIds;
    }
    for (const QString &id : std::as_const(agentIds))
        m_hooks.notifySpawned(id);
    m_hooks.applyBlocked(blocked);
    m_hooks.dispatch();
    m_hooks.ensureWatchdog();
    m_hooks.checkIdle();
    return agentIds;
}

} // namespace switchboard
