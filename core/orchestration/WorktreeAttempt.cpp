#include "WorktreeAttempt.h"

#include "review/GitCommand.h"
#include "review/Worktrees.h"

#include <QFileInfo>

namespace switchboard {

WorktreeAttempt::WorktreeAttempt(Plan plan)
    : m_plan(std::move(plan))
    , m_worktree(m_plan.existing)
{}

QString WorktreeAttempt::prepare(const std::function<void(QString)> &log, QString *error)
{
    std::optional<WorktreeRecord> existing = worktree();
    if (existing && existing->state == WorktreeRecord::State::Active && QFileInfo(existing->path).isDir())
        return existing->path; // retries and follow-ups never recreate a worktree that may hold work
    if (existing && existing->state != WorktreeRecord::State::Active) {
        if (error)
            *error = QStringLiteral("the worktree of goal '%1' was %2")
                         .arg(existing->goalId, worktreeStateToString(existing->state));
        return {};
    }
    if (existing) {
        if (error)
            *error = QStringLiteral("the worktree %1 of goal '%2' is gone").arg(existing->path, existing->goalId);
        return {};
    }
    QString why;
    std::optional<WorktreeRecord> made =
        Worktrees::create(m_plan.dataDir, m_plan.repo, m_plan.baseBranch, m_plan.goalId, m_plan.runId, &why);
    if (!made) {
        if (error)
            *error = why;
        return {};
    }
    {
        const QMutexLocker locker(&m_mutex);
        m_worktree = made;
        m_createdPending = true;
    }
    if (log)
        log(QStringLiteral("worktree %1 on branch %2 from %3").arg(made->path, made->branch, made->baseBranch));
    if (!Worktrees::runSetup(made->path, m_plan.setup, log, &why)) {
        if (error)
            *error = why;
        return {};
    }
    return made->path;
}

void WorktreeAttempt::inspect(bool removeIfUnchanged)
{
    std::optional<WorktreeRecord> wt = worktree();
    if (!wt || wt->state != WorktreeRecord::State::Active)
        return;
    QString why;
    const std::optional<Worktrees::Changes> changes = Worktrees::changes(*wt, &why);
    // Unreadable counts as changed: a human looks rather than lose work.
    const bool changed = !changes || changes->commitsAhead > 0 || changes->uncommitted || !changes->files.isEmpty();
    bool removed = false;
    if (!changed && removeIfUnchanged)
        removed = Worktrees::remove(*wt, false, &why);
    const QMutexLocker locker(&m_mutex);
    m_hasChanges = changed;
    if (removed && m_worktree)
        m_worktree->state = WorktreeRecord::State::Removed;
}

std::optional<WorktreeRecord> WorktreeAttempt::takeCreated()
{
    const QMutexLocker locker(&m_mutex);
    if (!m_createdPending)
        return std::nullopt;
    m_createdPending = false;
    return m_worktree;
}

std::optional<WorktreeRecord> WorktreeAttempt::worktree() const
{
    const QMutexLocker locker(&m_mutex);
    return m_worktree;
}

std::optional<bool> WorktreeAttempt::hasChanges() const
{
    const QMutexLocker locker(&m_mutex);
    return m_hasChanges;
}

} // namespace switchboard
