#pragma once

#include "model/Goal.h"
#include "model/GoalProblem.h"

#include <QList>

namespace switchboard {

// Goals proposed for a plan (by a model, or as a person edits them) and what is wrong with them. Runnable
// when there are goals and no problems.
struct PlanDraft
{
    QList<Goal> goals;
    QList<GoalProblem> problems;

    bool isRunnable() const { return !goals.isEmpty() && problems.isEmpty(); }
};

} // namespace switchboard
