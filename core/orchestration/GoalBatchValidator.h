#pragma once

#include "model/AgentProfile.h"
#include "model/Goal.h"

#include <QHash>
#include <QList>
#include <QString>
#include <QStringList>

namespace switchboard {

// Checks a batch of goals before the Scheduler takes it: ids, dependencies, cycles, profiles and
// capabilities, against the goals already known and the batch itself. Pure functions, no state.
class GoalBatchValidator final
{
public:
    GoalBatchValidator() = delete;

    // One message per problem: missing or duplicate ids, unknown dependencies, cycles ("cycle: a -> b -> a"),
    // unknown profiles, and capabilities no profile has. Empty when the batch may be added. knownIds: the
    // goals added before (their ids; the values are not read).
    static QStringList validate(const QList<Goal> &goals, const QHash<QString, int> &knownIds,
                                const QList<AgentProfile> &profiles);
};

} // namespace switchboard
