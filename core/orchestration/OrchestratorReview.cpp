// The Orchestrator's part in worktree review (issue 15): where worktrees live, the review controller, which goals
// wait for a human, and applying a merge or discard to every goal that shares the worktree. Kept apart from
// Orchestrator.cpp, which runs the goals.
#include "Orchestrator.h"

#include "AgentRecord.h"
#include "AgentTable.h"
#include "AttemptLifecycle.h"
#include "Dispatcher.h"
#include "RunRecorder.h"
#include "review/WorktreeReview.h"

#include <QStandardPaths>

#include <algorithm>

namespace switchboard {

void Orchestrator::setDataDirectory(const QString &dir)
{
    m_dataDirectory = dir;
    m_dispatcher->setDataDirectory(dir);
}

QString Orchestrator::dataDirectory() const
{
    if (!m_dispatcher->dataDirectory().isEmpty())
        return m_dispatcher->dataDirectory();
    return QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
}

ReviewController *Orchestrator::review()
{
    if (!m_review)
        m_review = std::make_unique<WorktreeReview>(this);
    return m_review.get();
}

std::optional<WorktreeRecord> Orchestrator::worktree(const QString &goalId) const
{
    const AgentRecord *r = m_table->recordForGoal(goalId);
    return r ? r->worktree : std::nullopt;
}

QStringList Orchestrator::goalsInReview() const
{
    QList<const AgentRecord *> inReview;
    m_table->forEach([&inReview](const AgentRecord &r) {
        if (r.status.state == AgentState::Review)
            inReview << &r;
    });
    // Oldest first: the one that has waited longest for a human.
    std::stable_sort(inReview.begin(), inReview.end(), [](const AgentRecord *a, const AgentRecord *b) {
        return a->status.completedAt < b->status.completedAt;
    });
    QStringList ids;
    for (const AgentRecord *r : std::as_const(inReview))
        ids << r->status.goalId;
    return ids;
}

void Orchestrator::applyReviewDecision(const WorktreeRecord &worktree, bool endGoals, bool merged, const QString &note)
{
    QList<AgentRecord *> sharing;
    m_table->forEach([&sharing, &worktree](AgentRecord &r) {
        if (r.worktree && r.worktree->goalId == worktree.goalId && r.worktree->runId == worktree.runId)
            sharing << &r;
    });
    if (sharing.isEmpty())
        return;
    for (AgentRecord *r : std::as_const(sharing)) {
        r->worktree = worktree;
        markDirty(*r);
    }
    m_recorder->recordWorktree(worktree);
    if (!endGoals)
        return;
    m_wasBusy = true; // the run may be over once these are: checkIdle() then records it
    for (AgentRecord *r : std::as_const(sharing))
        m_lifecycle->endReview(*r, merged, note);
    checkIdle();
}

} // namespace switchboard
