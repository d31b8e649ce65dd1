#pragma once

#include "model/AgentProfile.h"
#include "model/Goal.h"

#include <QHash>
#include <QList>
#include <QString>
#include <QStringList>

#include <set>
#include <vector>

namespace switchboard {

// Pure scheduling logic, no threads and no clock: which goals may run now. It keeps the dependency
// graph, the ready set ordered by priority, deadline and submission order, and the global and
// per-profile concurrency caps. Deterministic, so it can be tested exhaustively.
class Scheduler final
{
public:
    enum class GoalState
    {
        Pending, // dependencies not yet met, or waiting for a slot
        Running, // dispatched (holds a slot unless suspended)
        Succeeded,
        Failed,
        Cancelled,
        Blocked, // a dependency failed or was cancelled
    };

    struct Dispatch
    {
        QString goalId;
        QString profile;
    };

    struct BlockedGoal
    {
        QString goalId;
        QString reason;
    };

    Scheduler();

    void setProfiles(const QList<AgentProfile> &profiles);
    const QList<AgentProfile> &profiles() const { return m_profiles; }
    const AgentProfile *profile(const QString &name) const;
    void setMaxParallel(int maxParallel);
    int maxParallel() const { return m_maxParallel; }

    // Checks a batch against the known goals and itself. Returns one message per problem:
    // missing or duplicate ids, unknown dependencies, cycles ("cycle: a -> b -> a"), unknown
    // profiles, and capabilities no profile has. Empty when the batch may be added.
    QStringList validate(const QList<Goal> &goals) const;
    // Adds a validated batch; goals whose dependency already failed are returned as blocked.
    QList<BlockedGoal> add(const QList<Goal> &goals);

    // Marks the goals that may start now as Running and returns them with their chosen profile.
    QList<Dispatch> takeReady();
    // A running goal ended. Returns the dependents that became Blocked (transitively).
    QList<BlockedGoal> finish(const QString &goalId, GoalState outcome);
    // Cancels a goal that has not started. Returns the dependents that became Blocked.
    QList<BlockedGoal> cancelPending(const QString &goalId);
    // A running goal waits (for a human or a lock) and gives its slot back, or takes it again.
    void suspend(const QString &goalId);
    void unsuspend(const QString &goalId);

    bool contains(const QString &goalId) const { return m_index.contains(goalId); }
    GoalState state(const QString &goalId) const;
    QString assignedProfile(const QString &goalId) const;
    int runningCount() const { return m_running; }
    int runningCount(const QString &profile) const;
    int readyCount() const { return static_cast<int>(m_ready.size()); }
    int pendingCount() const { return m_pending; }

    // Topological levels of a set of goals: phase 1 holds goals with no dependencies inside the set,
    // phase N+1 those whose dependencies are all in phases 1..N. Order inside a phase: input order.
    static QList<QStringList> phases(const QList<Goal> &goals);
    // The first cycle found, as goal ids with the first repeated at the end; empty when acyclic.
    static QStringList findCycle(const QList<Goal> &goals);

private:
    struct Node
    {
        Goal goal;
        quint64 seq = 0;
        GoalState state = GoalState::Pending;
        int unmetDependencies = 0;
        bool suspended = false;
        QString assignedProfile;
        std::vector<int> dependents;
    };

    struct ReadyKey
    {
        int priority; // negated: critical first
        qint64 deadline;
        quint64 seq;
        int node;
        bool operator<(const ReadyKey &other) const;
    };

    ReadyKey keyFor(int node) const;
    void makeReady(int node);
    QList<BlockedGoal> blockDependents(int node, const QString &reason);
    int profileLoad(const QString &name) const;
    const AgentProfile *chooseProfile(const Goal &goal) const;

    QList<AgentProfile> m_profiles;
    QHash<QString, int> m_profileRunning;
    int m_maxParallel = 3;
    std::vector<Node> m_nodes;
    QHash<QString, int> m_index;
    std::set<ReadyKey> m_ready;
    quint64 m_nextSeq = 0;
    int m_running = 0; // running and not suspended
    int m_pending = 0;
};

} // namespace switchboard
