#pragma once

#include "ReviewTypes.h"

#include <QList>
#include <QString>

#include <optional>

namespace switchboard {

// What the review pane and the CLI do with a goal in Review: read its changes, merge, rebase, discard, follow up.
// Every method may run git and the file system: call them off the GUI thread. Safe from any thread.
class ReviewController
{
    Q_DISABLE_COPY_MOVE(ReviewController)

public:
    virtual ~ReviewController() = default;

    // Goals of the run waiting in Review, oldest first.
    virtual QList<QString> goalsInReview() const = 0;
    // The goal's worktree, changes, diff, disk use and overlaps; nullopt with *error when it has no worktree.
    virtual std::optional<ReviewInfo> review(const QString &goalId, QString *error) const = 0;
    // Merges the branch into the base branch (no fast-forward, the goal's title as the message) and completes
    // the goal; refused, listing the conflicting files, when it would conflict.
    virtual ReviewOutcome merge(const QString &goalId) = 0;
    // Rebases the branch onto the base branch's tip; refused (and aborted) listing the conflicts.
    virtual ReviewOutcome rebase(const QString &goalId) = 0;
    // Throws the changes away and cancels the goal. Without force, refused with needsConfirm when commits or
    // changes would be lost; the message names them.
    virtual ReviewOutcome discard(const QString &goalId, bool force) = 0;
    // Spawns a follow-up goal that resumes the same agent session in the same worktree; returns its goal id,
    // or empty with *error.
    virtual QString followUp(const QString &goalId, const QString &instructions, QString *error) = 0;
    // Worktrees under the data folder whose goals no longer exist (listed for clean-up, never deleted silently).
    virtual QList<WorktreeRecord> leftovers() const = 0;
    // Removes merged and discarded worktrees and their branches, and the leftovers given (each refused with a
    // reason when it holds unmerged work and force is false). Returns what was removed.
    virtual QList<WorktreeRecord> cleanUp(const QList<WorktreeRecord> &leftovers, bool force, QStringList *refused) = 0;

protected:
    ReviewController() = default;
};

} // namespace switchboard
