#include "SharedWorkspace.h"

namespace switchboard {

SharedWorkspace::SharedWorkspace(QString directory)
    : m_directory(std::move(directory))
{}

QString SharedWorkspace::workspaceFor(const Goal &goal, const QString &agentId, int attempt, QString *error)
{
    Q_UNUSED(goal)
    Q_UNUSED(agentId)
    Q_UNUSED(attempt)
    Q_UNUSED(error)
    return m_directory;
}

} // namespace switchboard
