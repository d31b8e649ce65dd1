#include "AgentState.h"

#include <array>

namespace switchboard {

namespace {
struct StateName
{
    AgentState state;
    const char16_t *name;
};

constexpr std::array<StateName, 12> kStateNames{{
    {AgentState::Queued, u"Queued"},
    {AgentState::Blocked, u"Blocked"},
    {AgentState::Running, u"Running"},
    {AgentState::WaitingForLock, u"WaitingForLock"},
    {AgentState::Escalated, u"Escalated"},
    {AgentState::Paused, u"Paused"},
    {AgentState::Interrupted, u"Interrupted"},
    {AgentState::Review, u"Review"},
    {AgentState::Completed, u"Completed"},
    {AgentState::Failed, u"Failed"},
    {AgentState::Cancelled, u"Cancelled"},
    {AgentState::Skipped, u"Skipped"},
}};
} // namespace

QString agentStateToString(AgentState state)
{
    for (const StateName &entry : kStateNames) {
        if (entry.state == state)
            return QString::fromUtf16(entry.name);
    }
    return QStringLiteral("Queued");
}

std::optional<AgentState> agentStateFromString(const QString &text)
{
    for (const StateName &entry : kStateNames) {
        if (text.compare(QString::fromUtf16(entry.name), Qt::CaseInsensitive) == 0)
            return entry.state;
    }
    return std::nullopt;
}

bool isFinalState(AgentState state)
{
    return state == AgentState::Completed || state == AgentState::Failed || state == AgentState::Cancelled ||
           state == AgentState::Skipped;
}

bool isActiveState(AgentState state)
{
    return state == AgentState::Running || state == AgentState::WaitingForLock || state == AgentState::Escalated ||
           state == AgentState::Paused;
}

} // namespace switchboard
