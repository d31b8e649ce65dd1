#include "style/TeamStyle.h"

namespace switchboard {

QString TeamStyle::kindLabel(const QString &kind)
{
    if (kind == QLatin1String("parallel"))
        //: A team pattern: several agents answer the same goal
        return tr("Parallel");
    if (kind == QLatin1String("supervisor"))
        //: A team pattern: a planner hands steps to workers
        return tr("Supervisor");
    if (kind == QLatin1String("debate"))
        //: A team pattern: agents debate in rounds, a judge concludes
        return tr("Debate");
    return kind;
}

QString TeamStyle::kindIconName(const QString &kind)
{
    if (kind == QLatin1String("supervisor"))
        return QStringLiteral("team-supervisor");
    if (kind == QLatin1String("debate"))
        return QStringLiteral("team-debate");
    return QStringLiteral("team-parallel");
}

bool TeamStyle::isUnsuccessful(AgentState state)
{
    return state == AgentState::Failed || state == AgentState::Cancelled || state == AgentState::Blocked ||
           state == AgentState::Skipped;
}

QString TeamStyle::memberSummary(const QList<AgentState> &states)
{
    if (states.isEmpty())
        return tr("no members yet");
    int done = 0;
    int unsuccessful = 0;
    for (const AgentState state : states) {
        if (isFinalState(state))
            ++done;
        if (isUnsuccessful(state))
            ++unsuccessful;
    }
    //: A team's members: how many of them finished, e.g. "3/4 done"
    const QString summary = tr("%1/%2 done").arg(done).arg(states.size());
    //: After "3/4 done": how many members did not succeed
    return unsuccessful == 0 ? summary : tr("%1 · %2 failed").arg(summary).arg(unsuccessful);
}

} // namespace switchboard
