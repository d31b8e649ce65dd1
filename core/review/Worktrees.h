#pragma once

#include "ReviewTypes.h"

#include <QList>
#include <QString>
#include <QStringList>

#include <functional>
#include <optional>

namespace switchboard {

// The git side of isolation: worktree: making a goal's worktree, reading what it changed, merging, rebasing and
// removing it. Every call runs git (GitCommand) and blocks: call them from a pool thread, the CLI or a test.
// Nothing here deletes work unless told to (force), and a refused merge or rebase leaves everything as it was.
class Worktrees final
{
public:
    struct Changes
    {
        QList<ChangedFile> files; // against the merge base with the base branch, committed or not, and untracked
        int commitsAhead = 0;
        bool uncommitted = false;
    };

    // The top-level directory of the repository that holds path; empty with *error when it is none.
    static QString topLevel(const QString &path, QString *error);
    // The branch the repository's main checkout is on; empty with *error when detached or not a repository.
    static QString currentBranch(const QString &repo, QString *error);
    // <dataDir>/worktrees/<repo-name>-<hash of its path>/<goal-id>
    static QString directoryFor(const QString &dataDir, const QString &repo, const QString &goalId);
    // The folder every worktree of this data folder lives in.
    static QString rootFor(const QString &dataDir);

    // `git worktree add -b switchboard/<goal-id> <dir> <base>`; base empty: the repository's current branch.
    static std::optional<WorktreeRecord> create(const QString &dataDir, const QString &repo, const QString &baseBranch,
                                                const QString &goalId, const QString &runId, QString *error);
    // The setup argv inside the worktree; its output goes to log line by line. False with *error naming the command
    // and its exit code.
    static bool runSetup(const QString &worktree, const QStringList &argv, const std::function<void(QString)> &log,
                         QString *error);

    static std::optional<Changes> changes(const WorktreeRecord &worktree, QString *error);
    // A unified diff of everything against the merge base, untracked files included.
    static QString diff(const WorktreeRecord &worktree);
    static qint64 diskBytes(const QString &path);
    // Every file the worktree's goal changed since its base commit (the working tree, or the branch once the
    // directory is gone): what overlap warnings compare.
    static QStringList touchedFiles(const WorktreeRecord &worktree);
    // Commits uncommitted and untracked changes on the worktree's branch; true when there was nothing to commit.
    static bool commitAll(const WorktreeRecord &worktree, const QString &message, QString *error);

    // `git merge --no-ff` of the branch into the base branch in the repository (after commitAll()); refused when
    // the main checkout is on another branch, is dirty in the files the merge touches, or the merge would conflict.
    static ReviewOutcome merge(const WorktreeRecord &worktree, const QString &goalTitle);
    // `git rebase <base>` in the worktree (after commitAll()), aborted on conflict with the files named.
    static ReviewOutcome rebase(const WorktreeRecord &worktree, const QString &goalTitle);
    // What removing the worktree and its branch would lose ("2 commits not in main, uncommitted changes in a.txt");
    // empty when nothing.
    static QString unmergedWork(const WorktreeRecord &worktree);
    // Removes the worktree's directory and branch. Without force, refused (with *error naming what would be lost)
    // when it holds unmerged work.
    static bool remove(const WorktreeRecord &worktree, bool force, QString *error);
    // Every worktree directory under the data folder (state Active; goal id from the directory name).
    static QList<WorktreeRecord> scan(const QString &dataDir);
};

} // namespace switchboard
