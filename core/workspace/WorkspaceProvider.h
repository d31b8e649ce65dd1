#pragma once

#include "model/Goal.h"

#include <QString>

namespace switchboard {

// Gives each attempt the directory it works in: one shared directory by default, or a directory on a cluster
// node. The orchestrator asks on its own thread as an attempt starts. Goals with isolation: worktree do not ask
// it: their git worktree is made on the attempt's pool thread (WorktreeAttempt), since git may take long.
class WorkspaceProvider
{
    Q_DISABLE_COPY_MOVE(WorkspaceProvider)

public:
    virtual ~WorkspaceProvider() = default;

    // The directory attempt `attempt` (1 for the first) of agentId works in for goal. Must return promptly.
    // An empty string, with *error saying why, fails the attempt (error kind "workspace").
    virtual QString workspaceFor(const Goal &goal, const QString &agentId, int attempt, QString *error) = 0;

protected:
    WorkspaceProvider() = default;
};

} // namespace switchboard
