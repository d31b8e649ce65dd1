#pragma once

#include "WorkspaceProvider.h"

namespace switchboard {

// The default workspace provider: every attempt of every goal works in the same directory (the run's
// workspace, Orchestrator::setWorkspace()).
class SharedWorkspace final : public WorkspaceProvider
{
    Q_DISABLE_COPY_MOVE(SharedWorkspace)

public:
    explicit SharedWorkspace(QString directory);

    const QString &directory() const { return m_directory; }
    QString workspaceFor(const Goal &goal, const QString &agentId, int attempt, QString *error) override;

private:
    const QString m_directory;
};

} // namespace switchboard
