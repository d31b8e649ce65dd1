#include "StoreSnapshot.h"

namespace switchboard {

QString StoreSnapshot::runOfAgent(const QString &agentId) const
{
    for (const GoalRecord &goal : goals) {
        if (goal.agentId == agentId)
            return goal.runId;
    }
    return {};
}

} // namespace switchboard
