#pragma once

#include "review/ReviewTypes.h"

#include <QMutex>
#include <QString>
#include <QStringList>

#include <functional>
#include <optional>

namespace switchboard {

// The git worktree side of one attempt of an isolation: worktree goal. The orchestrator makes it with what it knows
// (the goal's worktree from an earlier attempt or its original goal, else where to make one); the attempt's pool
// thread prepares the worktree before the backend runs and looks at its changes after, so no git command blocks
// the orchestrator's thread. The orchestrator reads the results once the attempt has reported (Finished), and the
// new worktree as soon as it exists (takeCreated(), so a crash right after still finds it in the store).
class WorktreeAttempt final
{
    Q_DISABLE_COPY_MOVE(WorktreeAttempt)

public:
    struct Plan
    {
        std::optional<WorktreeRecord> existing; // reuse it (a retry, a restored goal, a follow-up)
        QString dataDir;
        QString repo;
        QString baseBranch;
        QStringList setup;
        QString goalId;
        QString runId;
    };

    explicit WorktreeAttempt(Plan plan);

    // Pool thread, before the backend: the worktree's directory (made, and its setup run, if new); empty with
    // *error when it cannot be had. log gets the setup's output.
    QString prepare(const std::function<void(QString)> &log, QString *error);
    // Pool thread, after a completed attempt: whether the worktree changed anything against its base; without
    // changes (and when removeIfUnchanged) it is removed with its branch.
    void inspect(bool removeIfUnchanged);

    // The worktree made by prepare() and not yet taken.
    std::optional<WorktreeRecord> takeCreated();
    // After the attempt: the worktree (state Removed when inspect() removed it), and whether it has changes (nullopt:
    // not inspected, e.g. the attempt failed).
    std::optional<WorktreeRecord> worktree() const;
    std::optional<bool> hasChanges() const;

private:
    const Plan m_plan;
    mutable QMutex m_mutex;
    std::optional<WorktreeRecord> m_worktree;
    bool m_createdPending = false;
    std::optional<bool> m_hasChanges;
};

} // namespace switchboard
