#pragma once

#include "model/Goal.h"

#include <QList>
#include <QSet>
#include <QString>

#include <functional>

namespace switchboard {

// How recorded goals are queued again (the History window's re-run): a goal alone, or a whole run's goals
// under ids the session does not use yet, with the dependencies between them kept.
class GoalRerun final
{
public:
    // Whether a goal id is in use already (Orchestrator::goal(id) has a value).
    using IdTaken = std::function<bool(const QString &goalId)>;

    GoalRerun() = delete;

    // A copy to run on its own: a new id (empty: the orchestrator assigns one), no dependencies, no
    // deadline that has long passed; what it is and what it needs stay.
    static Goal alone(const Goal &past);
    // The run's goals ready for Orchestrator::spawnParallel(): ids with idSuffix() appended, dependencies on
    // goals of the same run renamed alike (others dropped: they are not queued), no deadline.
    static QList<Goal> run(QList<Goal> goals, const IdTaken &taken);
    // "" when no id of the run is taken; else the first "-N" (N = 2, 3, ...) that makes every id free: not
    // taken, and not another id of the run (re-running "schema" and "schema-2" when both are taken gives
    // "-3"). One suffix for the whole run, so a person sees which copies belong together.
    static QString idSuffix(const QSet<QString> &ids, const IdTaken &taken);
};

} // namespace switchboard
