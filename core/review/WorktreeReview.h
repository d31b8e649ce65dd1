#pragma once

#include "ReviewController.h"

#include <QMutex>

#include <functional>

namespace switchboard {

class Orchestrator;

// The ReviewController of a live (or restored) run: git work runs on the caller's thread (Worktrees), the goals'
// states change on the orchestrator's thread, recorded through its store. One review operation at a time.
class WorktreeReview final : public ReviewController
{
    Q_DISABLE_COPY_MOVE(WorktreeReview)

public:
    explicit WorktreeReview(Orchestrator *orchestrator);

    QList<QString> goalsInReview() const override;
    std::optional<ReviewInfo> review(const QString &goalId, QString *error) const override;
    ReviewOutcome merge(const QString &goalId) override;
    ReviewOutcome rebase(const QString &goalId) override;
    ReviewOutcome discard(const QString &goalId, bool force) override;
    QString followUp(const QString &goalId, const QString &instructions, QString *error) override;
    QList<WorktreeRecord> leftovers() const override;
    QList<WorktreeRecord> cleanUp(const QList<WorktreeRecord> &leftovers, bool force, QStringList *refused) override;

private:
    struct GoalView; // what the orchestrator knows of a goal, copied on its thread
    GoalView view(const QString &goalId) const;
    // Runs f on the orchestrator's thread (directly when this is it) and waits for it.
    void onOwner(const std::function<void()> &f) const;
    // Why there is nothing to review: the goal is unknown or has no worktree; nullopt when it has one.
    static std::optional<QString> missing(const QString &goalId, const GoalView &v);
    // Refuses merge/rebase/discard of a goal that is not in Review or shares its worktree with a running follow-up.
    std::optional<ReviewOutcome> refusal(const QString &goalId, const GoalView &v) const;

    Orchestrator *const m_orchestrator;
    mutable QMutex m_mutex;
};

} // namespace switchboard
