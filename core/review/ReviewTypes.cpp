#include "ReviewTypes.h"

#include <QFileInfo>

namespace switchboard {

QString WorktreeRecord::repoName() const
{
    return QFileInfo(repo).fileName();
}

QString worktreeStateToString(WorktreeRecord::State state)
{
    switch (state) {
    case WorktreeRecord::State::Active:
        return QStringLiteral("active");
    case WorktreeRecord::State::Merged:
        return QStringLiteral("merged");
    case WorktreeRecord::State::Discarded:
        return QStringLiteral("discarded");
    case WorktreeRecord::State::Removed:
        return QStringLiteral("removed");
    }
    return QStringLiteral("active");
}

std::optional<WorktreeRecord::State> worktreeStateFromString(const QString &text)
{
    for (const auto state : {WorktreeRecord::State::Active, WorktreeRecord::State::Merged,
                             WorktreeRecord::State::Discarded, WorktreeRecord::State::Removed}) {
        if (worktreeStateToString(state) == text)
            return state;
    }
    return std::nullopt;
}

} // namespace switchboard
