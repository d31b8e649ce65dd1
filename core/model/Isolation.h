#pragma once

#include <QJsonObject>
#include <QString>
#include <QStringList>

#include <optional>

namespace switchboard {

// Where a goal's agent changes files: in the repository itself, or in a git worktree of its own that a human
// reviews and merges (issue 15). Profiles give defaults (keys isolation, repo, base_branch, setup); a goal's own
// keys override them field by field.
enum class IsolationMode
{
    Shared,   // the repository (or the run's workspace) itself; the goal's resources are locked as usual
    Worktree, // `git worktree add -b switchboard/<goal-id> <dir> <base>` under the app's data folder
};

QString isolationModeToString(IsolationMode mode);
std::optional<IsolationMode> isolationModeFromString(const QString &text);

struct IsolationSettings
{
    std::optional<IsolationMode> mode; // unset: inherit (a goal from its profile; a profile: shared)
    QString repo;                      // repository path; empty: inherit, else the run's workspace
    QString baseBranch;                // empty: inherit, else the repository's current branch
    QStringList setup;                 // argv run inside a fresh worktree before the agent; empty: inherit / none

    bool isEmpty() const { return !mode && repo.isEmpty() && baseBranch.isEmpty() && setup.isEmpty(); }
    // These settings with every unset field taken from `fallback` (a goal's over its profile's).
    IsolationSettings over(const IsolationSettings &fallback) const
    {
        IsolationSettings merged = *this;
        if (!merged.mode)
            merged.mode = fallback.mode;
        if (merged.repo.isEmpty())
            merged.repo = fallback.repo;
        if (merged.baseBranch.isEmpty())
            merged.baseBranch = fallback.baseBranch;
        if (merged.setup.isEmpty())
            merged.setup = fallback.setup;
        return merged;
    }
    IsolationMode effectiveMode() const { return mode.value_or(IsolationMode::Shared); }

    friend bool operator==(const IsolationSettings &, const IsolationSettings &) = default;
};

// {"isolation", "repo", "base_branch", "setup"} with only the fields that are set (as stored with a goal).
QJsonObject isolationToJson(const IsolationSettings &settings);
IsolationSettings isolationFromJson(const QJsonObject &json);

} // namespace switchboard
