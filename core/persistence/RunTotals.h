#pragma once

#include "model/AgentState.h"

#include <QMap>
#include <QString>

namespace switchboard {

// One run's totals over its goals, read with grouped queries instead of its rows (Store::runTotals): what a
// list of runs shows. Each goal counts once, in the state of its latest agent; a goal with no agent in none.
struct RunTotals
{
    QString runId;
    int goals = 0;
    QMap<AgentState, int> goalsByState{};
    int attempts = 0;
    qint64 tokens = 0; // input and output
    double costUsd = 0.0;

    friend bool operator==(const RunTotals &, const RunTotals &) = default;
};

} // namespace switchboard
