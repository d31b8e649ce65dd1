#include "WorktreeReview.h"

#include "Worktrees.h"
#include "model/AgentState.h"
#include "orchestration/Orchestrator.h"

#include <QFileInfo>
#include <QMetaObject>
#include <QSet>
#include <QThread>

namespace switchboard {

struct WorktreeReview::GoalView
{
    bool found = false;
    QString goalId;
    QString title;
    QString agentId;
    QString summary;
    AgentState state = AgentState::Queued;
    Priority priority = Priority::Medium;
    QString profile;
    qint64 inputTokens = 0;
    qint64 outputTokens = 0;
    double costUsd = 0.0;
    int turns = 0;
    Goal goal;
    std::optional<WorktreeRecord> worktree;
    QStringList busySharing; // other goals in the same worktree that still run (a follow-up)
    // Other goals of the run with worktrees of their own: goal, title, state, worktree.
    QList<std::pair<AgentStatus, WorktreeRecord>> others;
};

WorktreeReview::WorktreeReview(Orchestrator *orchestrator)
    : m_orchestrator(orchestrator)
{}

void WorktreeReview::onOwner(const std::function<void()> &f) const
{
    if (QThread::currentThread() == m_orchestrator->thread())
        f();
    else
        QMetaObject::invokeMethod(m_orchestrator, f, Qt::BlockingQueuedConnection);
}

WorktreeReview::GoalView WorktreeReview::view(const QString &goalId) const
{
    GoalView v;
    onOwner([this, &v, &goalId] {
        const QString agentId = m_orchestrator->agentForGoal(goalId);
        const std::optional<AgentStatus> status = m_orchestrator->status(agentId);
        const std::optional<Goal> goal = m_orchestrator->goal(goalId);
        if (!status || !goal)
            return;
        v.found = true;
        v.goalId = goalId;
        v.title = status->goalTitle;
        v.agentId = agentId;
        v.summary = status->summary;
        v.state = status->state;
        v.priority = status->priority;
        v.profile = status->profile;
        v.inputTokens = status->inputTokens;
        v.outputTokens = status->outputTokens;
        v.costUsd = status->costUsd;
        v.turns = status->turns;
        v.goal = *goal;
        v.worktree = m_orchestrator->worktree(goalId);
        for (const AgentStatus &other : m_orchestrator->agents()) {
            if (other.goalId == goalId)
                continue;
            const std::optional<WorktreeRecord> wt = m_orchestrator->worktree(other.goalId);
            if (!wt)
                continue;
            if (v.worktree && wt->goalId == v.worktree->goalId) {
                if (!isFinalState(other.state) && other.state != AgentState::Review &&
                    other.state != AgentState::Blocked)
                    v.busySharing << other.goalId;
                continue;
            }
            v.others.append({other, *wt});
        }
    });
    return v;
}

QList<QString> WorktreeReview::goalsInReview() const
{
    QStringList ids;
    onOwner([this, &ids] { ids = m_orchestrator->goalsInReview(); });
    return ids;
}

std::optional<ReviewInfo> WorktreeReview::review(const QString &goalId, QString *error) const
{
    const GoalView v = view(goalId);
    if (std::optional<QString> why = missing(goalId, v)) {
        if (error)
            *error = *std::move(why);
        return std::nullopt;
    }
    ReviewInfo info;
    info.worktree = *v.worktree;
    info.goalTitle = v.title;
    info.agentId = v.agentId;
    info.summary = v.summary;
    info.inputTokens = v.inputTokens;
    info.outputTokens = v.outputTokens;
    info.costUsd = v.costUsd;
    info.turns = v.turns;
    if (QFileInfo(v.worktree->path).isDir()) {
        QString why;
        const std::optional<Worktrees::Changes> changes = Worktrees::changes(*v.worktree, &why);
        if (!changes) {
            if (error)
                *error = QStringLiteral("goal '%1': %2").arg(goalId, why);
            return std::nullopt;
        }
        info.files = changes->files;
        info.commitsAhead = changes->commitsAhead;
        info.uncommitted = changes->uncommitted;
        info.diff = Worktrees::diff(*v.worktree);
        info.diskBytes = Worktrees::diskBytes(v.worktree->path);
    }
    QSet<QString> mine;
    for (const ChangedFile &f : std::as_const(info.files)) {
        mine.insert(f.path);
        if (!f.oldPath.isEmpty())
            mine.insert(f.oldPath);
    }
    for (const auto &[status, wt] : v.others) {
        // Finished or running goals only: a queued one has changed nothing yet.
        if (status.state == AgentState::Queued || status.state == AgentState::Blocked ||
            wt.state == WorktreeRecord::State::Discarded)
            continue;
        QStringList shared;
        for (const QString &file : Worktrees::touchedFiles(wt)) {
            if (mine.contains(file))
                shared << file;
        }
        if (shared.isEmpty())
            continue;
        ReviewOverlap overlap;
        overlap.goalId = status.goalId;
        overlap.goalTitle = status.goalTitle;
        overlap.state = agentStateToString(status.state);
        overlap.files = shared;
        info.overlaps << overlap;
    }
    return info;
}

std::optional<QString> WorktreeReview::missing(const QString &goalId, const GoalView &v)
{
    if (!v.found)
        return QStringLiteral("no goal '%1' in this run").arg(goalId);
    if (!v.worktree)
        return QStringLiteral("goal '%1' has no worktree").arg(goalId);
    return std::nullopt;
}

std::optional<ReviewOutcome> WorktreeReview::refusal(const QString &goalId, const GoalView &v) const
{
    ReviewOutcome outcome;
    if (std::optional<QString> why = missing(goalId, v))
        outcome.message = *std::move(why);
    else if (v.state != AgentState::Review)
        outcome.message =
            QStringLiteral("goal '%1' is not in review (it is %2)").arg(goalId, agentStateToString(v.state));
    else if (!v.busySharing.isEmpty())
        outcome.message = QStringLiteral("goal '%1': its follow-up %2 still works in the worktree")
                              .arg(goalId, v.busySharing.join(QStringLiteral(", ")));
    else
        return std::nullopt;
    return outcome;
}

ReviewOutcome WorktreeReview::merge(const QString &goalId)
{
    const QMutexLocker locker(&m_mutex);
    const GoalView v = view(goalId);
    if (std::optional<ReviewOutcome> refused = refusal(goalId, v))
        return *refused;
    ReviewOutcome outcome = Worktrees::merge(*v.worktree, v.title);
    outcome.message = QStringLiteral("goal '%1': %2").arg(goalId, outcome.message);
    if (!outcome.ok)
        return outcome;
    WorktreeRecord merged = *v.worktree;
    merged.state = WorktreeRecord::State::Merged;
    const QString note = QStringLiteral("merged %1 into %2").arg(merged.branch, merged.baseBranch);
    onOwner([this, &merged, &note] { m_orchestrator->applyReviewDecision(merged, true, true, note); });
    return outcome;
}

ReviewOutcome WorktreeReview::rebase(const QString &goalId)
{
    const QMutexLocker locker(&m_mutex);
    const GoalView v = view(goalId);
    if (std::optional<ReviewOutcome> refused = refusal(goalId, v))
        return *refused;
    ReviewOutcome outcome = Worktrees::rebase(*v.worktree, v.title);
    outcome.message = QStringLiteral("goal '%1': %2").arg(goalId, outcome.message);
    return outcome;
}

ReviewOutcome WorktreeReview::discard(const QString &goalId, bool force)
{
    const QMutexLocker locker(&m_mutex);
    const GoalView v = view(goalId);
    if (std::optional<ReviewOutcome> refused = refusal(goalId, v))
        return *refused;
    ReviewOutcome outcome;
    const QString lost = Worktrees::unmergedWork(*v.worktree);
    if (!lost.isEmpty() && !force) {
        outcome.needsConfirm = true;
        outcome.message =
            QStringLiteral("goal '%1': discarding would lose %2 (use --force to discard anyway)").arg(goalId, lost);
        return outcome;
    }
    WorktreeRecord discarded = *v.worktree;
    QString why;
    discarded.state =
        Worktrees::remove(discarded, true, &why) ? WorktreeRecord::State::Removed : WorktreeRecord::State::Discarded;
    const QString note = lost.isEmpty() ? QStringLiteral("discarded by a human")
                                        : QStringLiteral("discarded by a human (thrown away: %1)").arg(lost);
    onOwner([this, &discarded, &note] { m_orchestrator->applyReviewDecision(discarded, true, false, note); });
    outcome.ok = true;
    outcome.message =
        why.isEmpty()
            ? QStringLiteral("goal '%1': discarded; %2 and its branch are removed").arg(goalId, discarded.path)
            : QStringLiteral("goal '%1': discarded; the worktree stays until clean-up: %2").arg(goalId, why);
    return outcome;
}

QString WorktreeReview::followUp(const QString &goalId, const QString &instructions, QString *error)
{
    const GoalView v = view(goalId);
    QString why;
    if (instructions.trimmed().isEmpty())
        why = QStringLiteral("goal '%1': a follow-up needs instructions").arg(goalId);
    else if (std::optional<ReviewOutcome> refused = refusal(goalId, v))
        why = refused->message;
    if (!why.isEmpty()) {
        if (error)
            *error = why;
        return {};
    }
    Goal goal;
    goal.title = Goal::defaultTitle(QStringLiteral("Follow-up: %1").arg(v.title), goalId);
    goal.description = instructions;
    goal.priority = v.priority;
    goal.profile = v.profile;
    goal.isolation = v.goal.isolation;
    goal.isolation.mode = IsolationMode::Worktree;
    goal.followUpOf = goalId;
    QString goalIdOut;
    onOwner([this, &goal, &goalIdOut, &why] {
        const QString agentId = m_orchestrator->spawn(goal, &why);
        if (const std::optional<AgentStatus> status = m_orchestrator->status(agentId))
            goalIdOut = status->goalId;
    });
    if (goalIdOut.isEmpty() && error)
        *error = QStringLiteral("goal '%1': the follow-up was refused: %2").arg(goalId, why);
    return goalIdOut;
}

QList<WorktreeRecord> WorktreeReview::leftovers() const
{
    QSet<QString> known;
    QString dataDir;
    onOwner([this, &known, &dataDir] {
        dataDir = m_orchestrator->dataDirectory();
        for (const QString &goalId : m_orchestrator->goalIds()) {
            if (const std::optional<WorktreeRecord> wt = m_orchestrator->worktree(goalId))
                known.insert(QFileInfo(wt->path).absoluteFilePath());
        }
    });
    QList<WorktreeRecord> found;
    for (const WorktreeRecord &wt : Worktrees::scan(dataDir)) {
        if (!known.contains(QFileInfo(wt.path).absoluteFilePath()))
            found << wt;
    }
    return found;
}

QList<WorktreeRecord> WorktreeReview::cleanUp(const QList<WorktreeRecord> &leftovers, bool force, QStringList *refused)
{
    const QMutexLocker locker(&m_mutex);
    QList<WorktreeRecord> done;
    QList<WorktreeRecord> ended;
    onOwner([this, &ended] {
        QSet<QString> seen;
        for (const QString &goalId : m_orchestrator->goalIds()) {
            const std::optional<WorktreeRecord> wt = m_orchestrator->worktree(goalId);
            if (wt && !seen.contains(wt->path) &&
                (wt->state == WorktreeRecord::State::Merged || wt->state == WorktreeRecord::State::Discarded)) {
                seen.insert(wt->path);
                ended << *wt;
            }
        }
    });
    for (WorktreeRecord wt : std::as_const(ended)) {
        QString why;
        if (!Worktrees::remove(wt, force, &why)) {
            if (refused)
                refused->append(QStringLiteral("goal '%1': %2").arg(wt.goalId, why));
            continue;
        }
        wt.state = WorktreeRecord::State::Removed;
        onOwner([this, &wt] { m_orchestrator->applyReviewDecision(wt, false, false, {}); });
        done << wt;
    }
    for (WorktreeRecord wt : leftovers) {
        QString why;
        if (!Worktrees::remove(wt, force, &why)) {
            if (refused)
                refused->append(why);
            continue;
        }
        wt.state = WorktreeRecord::State::Removed;
        done << wt;
    }
    return done;
}

} // namespace switchboard
