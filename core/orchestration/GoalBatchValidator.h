#pragma once

#include "model/AgentProfile.h"
#include "model/Goal.h"
#include "model/GoalProblem.h"

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

    // One problem per finding: missing or duplicate ids, unknown dependencies, cycles ("cycle: a -> b -> a",
    // naming every goal on it), unknown profiles, and capabilities no profile has; for team goals (issue 16) the
    // pattern's problems and unknown profiles ("pattern.profiles: unknown profile 'x' (known: ...)"), a profile or
    // capabilities on a team, a goal that is both a team and a member, a member of a team that is not known. Each
    // names its goal and field. Empty when the batch may be added. knownIds: the goals added before (their ids; the
    // values are not read). A cycle is looked for once the ids are sound (unique, present, no goal depending on
    // itself).
    static QList<GoalProblem> problems(const QList<Goal> &goals, const QHash<QString, int> &knownIds,
                                       const QList<AgentProfile> &profiles);
    // The problems' messages ("goal 'a': unknown dependency 'ghost'").
    static QStringList validate(const QList<Goal> &goals, const QHash<QString, int> &knownIds,
                                const QList<AgentProfile> &profiles);
};

} // namespace switchboard
