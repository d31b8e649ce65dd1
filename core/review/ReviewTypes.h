#pragma once

#include <QDateTime>
#include <QList>
#include <QMetaType>
#include <QString>
#include <QStringList>

#include <optional>

namespace switchboard {

// A goal's git worktree (isolation: worktree), as stored with the goal: where it is, which branch, made from what.
struct WorktreeRecord
{
    enum class State
    {
        Active,    // the agent works there, or its changes wait for review
        Merged,    // merged into the base branch; the directory and branch may be cleaned up
        Discarded, // the human threw the changes away
        Removed,   // directory and branch are gone
    };

    QString goalId;
    QString runId;
    QString repo;       // the repository's top-level directory
    QString path;       // the worktree's directory (under the app's data folder)
    QString branch;     // switchboard/<goal-id>
    QString baseBranch; // what it was made from and merges into
    QString baseCommit; // the base branch's commit when the worktree was made
    State state = State::Active;
    QDateTime createdAt; // UTC

    // The repository's directory name, shown on the card ("switchboard" for /home/me/src/switchboard).
    QString repoName() const;
};

QString worktreeStateToString(WorktreeRecord::State state);
std::optional<WorktreeRecord::State> worktreeStateFromString(const QString &text);

// One file a worktree changed against its base (committed or not).
struct ChangedFile
{
    QString path;    // relative to the repository root (the new path of a rename)
    QString oldPath; // renames: the path before; else empty
    QChar status;    // git's letter: A added, M modified, D deleted, R renamed, ? untracked
    int additions = 0;
    int deletions = 0;
    bool binary = false;

    friend bool operator==(const ChangedFile &, const ChangedFile &) = default;
};

// Another goal of the run that changed some of the same files (warned about before a merge).
struct ReviewOverlap
{
    QString goalId;
    QString goalTitle;
    QString state; // its agent state, as agentStateToString() spells it
    QStringList files;
};

// What the review pane and `switchboard review` show for one goal in Review.
struct ReviewInfo
{
    WorktreeRecord worktree;
    QString goalTitle;
    QString agentId;
    QString summary; // the agent's own summary of what it did
    int turns = 0;   // the agent's turns (Claude Code num_turns, ...); 0 when unknown
    qint64 inputTokens = 0;
    qint64 outputTokens = 0;
    double costUsd = 0.0;
    QList<ChangedFile> files;
    QString diff;             // unified diff of everything against the base (git diff base...worktree + untracked)
    qint64 diskBytes = 0;     // the worktree directory's size on disk
    int commitsAhead = 0;     // commits on the branch the base does not have
    bool uncommitted = false; // changes not committed in the worktree
    QList<ReviewOverlap> overlaps;
};

// The answer to merge, rebase or discard.
struct ReviewOutcome
{
    bool ok = false;
    QString message;           // what happened, or why it was refused ("would conflict in src/a.cpp")
    QStringList conflicts;     // merge/rebase: the conflicting files
    bool needsConfirm = false; // discard: refused because work would be lost; `message` names it
};

} // namespace switchboard

Q_DECLARE_METATYPE(switchboard::ReviewInfo)
