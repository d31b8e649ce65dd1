#pragma once

#include "model/Goal.h"

#include <QHash>
#include <QList>
#include <QString>
#include <QStringList>

namespace switchboard {

// The dependency graph of a set of goals, read from their dependsOn lists: topological levels (phases) and
// cycles. Pure functions over the goals given; dependencies outside the set are ignored.
class GoalGraph final
{
public:
    GoalGraph() = delete;

    // Topological levels: phase 1 holds goals with no dependencies inside the set, phase N+1 those whose
    // dependencies are all in phases 1..N. Order inside a phase: input order. Goals on or behind a cycle get
    // no phase.
    static QList<QStringList> phases(const QList<Goal> &goals);
    // The first cycle found, as goal ids with the first repeated at the end; empty when acyclic.
    static QStringList findCycle(const QList<Goal> &goals);
    // The same over an index of the goals by id (position in goals), for a caller that has one already.
    static QStringList findCycle(const QList<Goal> &goals, const QHash<QString, int> &index);
};

} // namespace switchboard
