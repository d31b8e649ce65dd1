#include "Isolation.h"

namespace switchboard {

QString isolationModeToString(IsolationMode mode)
{
    return mode == IsolationMode::Worktree ? QStringLiteral("worktree") : QStringLiteral("shared");
}

std::optional<IsolationMode> isolationModeFromString(const QString &text)
{
    const QString name = text.trimmed().toLower();
    if (name == u"worktree")
        return IsolationMode::Worktree;
    if (name == u"shared")
        return IsolationMode::Shared;
    return std::nullopt;
}

} // namespace switchboard
