#pragma once

#include "model/Goal.h"

#include <QDateTime>
#include <QString>

namespace switchboard {

// A goal as recorded at spawn time, with the run it belongs to and the agent that works on it. Goal ids
// are unique within a run only (two runs of one plan reuse them); agent ids are unique in the database.
struct GoalRecord
{
    QString runId;
    Goal goal;
    QString agentId;
    QDateTime createdAt; // UTC
};

} // namespace switchboard
