#pragma once

#include "model/AgentProfile.h"
#include "model/Goal.h"
#include "model/WorkflowMode.h"
#include "orchestration/GoalGraph.h"

#include <QHash>
#include <QList>
#include <QSet>
#include <QString>
#include <QStringList>

#include <functional>
#include <memory>
#include <optional>
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
        Skipped, // its `when` condition was false, or a dependency was skipped (issue 16)
    };

    // How dependencies and phases gate the start of a goal (see WorkflowMode).
    using Mode = WorkflowMode;
    static QString modeToString(Mode mode);
    static std::optional<Mode> modeFromString(const QString &text);

    struct Dispatch
    {
        QString goalId;
        QString profile;
        bool ahead = false; // beyond the cap (look-ahead): it waits for a free thread in the executor's queue
    };

    // A goal that ends without running: Blocked, or Skipped when `skipped` (its condition was false or a
    // dependency was skipped; final, not a failure).
    struct BlockedGoal
    {
        QString goalId;
        QString reason;
        bool skipped = false;
    };
    // The result summary and output of a goal that ended, for `when: {result_contains}`.
    using ResultText = std::function<QString(const QString &goalId)>;

    Scheduler();

    void setProfiles(const QList<AgentProfile> &profiles);
    const QList<AgentProfile> &profiles() const { return m_profiles; }
    const AgentProfile *profile(const QString &name) const;
    // The same profile as an immutable snapshot that attempts share (null when unknown): no copy per attempt.
    std::shared_ptr<const AgentProfile> sharedProfile(const QString &name) const;
    void setMaxParallel(int maxParallel);
    int maxParallel() const { return m_maxParallel; }
    void setMode(Mode mode);
    Mode mode() const { return m_mode; }
    // A paused profile gets no new goals (rate limited); goals that need it wait.
    void setProfilePaused(const QString &profile, bool paused);
    bool isProfilePaused(const QString &profile) const { return m_pausedProfiles.contains(profile); }

    void setResultText(ResultText resultText) { m_resultText = std::move(resultText); }

    // Checks a batch against the known goals and itself (see GoalBatchValidator). Returns one message per
    // problem; empty when the batch may be added.
    QStringList validate(const QList<Goal> &goals) const;
    // Adds a validated batch; goals whose dependency already failed are returned as blocked.
    QList<BlockedGoal> add(const QList<Goal> &goals);

    // Evaluates the `when` of goals that became ready since the last call: those whose condition is false are
    // Skipped, with their dependents (transitively). takeReady() takes a goal with a condition only once checked.
    // A dependency named by `succeeded: false` that fails, is cancelled or blocked lets the goal become ready.
    QList<BlockedGoal> checkConditions();
    // Marks the goals that may start now as Running and returns them with their chosen profile.
    // canStart, when given, may veto a ready goal (its resources are locked): the next one goes instead.
    // lookahead > 0 (not in Sequential mode) lets up to that many more than max_parallel be taken, marked
    // `ahead`: for an executor whose own thread cap is max_parallel, so they queue there and start the moment
    // a thread is free. Goals that lock resources are never taken ahead; the look-ahead stops at the first
    // goal it cannot take rather than scan the ready set.
    QList<Dispatch> takeReady(const std::function<bool(const Goal &)> &canStart = {}, int lookahead = 0);
    // A goal taken ahead that had not started goes back to the ready set, in its old place.
    void undispatch(const QString &goalId);
    // A running goal ended. Returns the dependents that became Blocked (transitively).
    QList<BlockedGoal> finish(const QString &goalId, GoalState outcome);
    // Cancels a goal that has not started. Returns the dependents that became Blocked.
    QList<BlockedGoal> cancelPending(const QString &goalId);
    // Ends a goal that has not started (e.g. its deadline passed) with the given final outcome.
    QList<BlockedGoal> endPending(const QString &goalId, GoalState outcome);
    // Recovery: a goal added again from the store that had already ended (Succeeded, Failed, Cancelled or
    // Blocked) takes that state without running; a Succeeded one satisfies its dependents. Returns the pending
    // dependents that become Blocked because of it (empty for Succeeded).
    QList<BlockedGoal> restoreFinal(const QString &goalId, GoalState outcome);
    // Recovery in one call: adds a validated batch where finals[i] is goal i's stored state (Succeeded, Failed,
    // Cancelled or Blocked for one that had ended, Pending for one still to run; a missing entry is Pending).
    // The same result as add(goals) followed by restoreFinal() for each ended goal in batch order (the blocked
    // lists concatenated), but the ready set is filled once at the end: ended goals never enter it.
    QList<BlockedGoal> addRestored(const QList<Goal> &goals, const std::vector<GoalState> &finals);
    // Room for this many more goals (a restore adds them in batches).
    void reserve(qsizetype goals);
    // A running goal failed and will be retried later: it gives its slot back and waits, not ready,
    // until requeue() (after the backoff) puts it back in the ready set.
    void deferRetry(const QString &goalId);
    void requeue(const QString &goalId);
    // Pipeline mode: a running goal handed its output on; its dependents may start.
    void handoff(const QString &goalId);
    // 1-based phase (topological level) of a known goal.
    int phaseOf(const QString &goalId) const;
    // A running goal waits for a human's review (isolation: worktree): it holds no run slot and no profile slot,
    // its dependents keep waiting, and finish() ends it (Succeeded when merged, Cancelled when discarded).
    void park(const QString &goalId);
    // Recovery: a goal added back (Pending) that was waiting in review takes that state without running.
    void restoreParked(const QString &goalId);
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

    // Topological levels and cycles of a set of goals (see GoalGraph).
    static QList<QStringList> phases(const QList<Goal> &goals) { return GoalGraph::phases(goals); }
    static QStringList findCycle(const QList<Goal> &goals) { return GoalGraph::findCycle(goals); }

private:
    struct Node
    {
        Goal goal;
        quint64 seq = 0;
        qint64 deadlineKey = 0; // the deadline as ms since the epoch (max when none), for ReadyKey
        GoalState state = GoalState::Pending;
        int unmetDependencies = 0;
        bool suspended = false;
        bool waitingRetry = false;
        bool handedOff = false;
        bool parked = false; // in review: suspended, and its profile slot given back too
        bool conditionChecked = false;
        int phase = 1;
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
    void unready(int node);
    QList<BlockedGoal> addBatch(const QList<Goal> &goals, const std::vector<GoalState> *finals);
    QList<BlockedGoal> restoreFinalAt(int node, GoalState outcome);
    // Blocks (or, with skip, skips) the pending dependents of node, transitively. A dependent whose `when` is
    // `succeeded: false` on the goal that did not complete is not blocked: that dependency counts as met.
    QList<BlockedGoal> blockDependents(int node, const QString &reason, bool skip = false);
    void markFinal(int node);
    void satisfyDependents(int node);
    int currentPhase() const;
    int profileLoad(const QString &name) const;
    const AgentProfile *chooseProfile(const Goal &goal) const;
    bool anyProfileHasRoom() const;
    bool demoReachableBy(const Goal &goal) const;
    void updateDemoReachable(const Goal &goal);

    QList<AgentProfile> m_profiles;
    std::vector<std::shared_ptr<const AgentProfile>> m_sharedProfiles; // m_profiles' snapshots, in the same order
    QHash<QString, int> m_profileRunning;
    int m_maxParallel = 3;
    Mode m_mode = Mode::Dependency;
    QSet<QString> m_pausedProfiles;
    // Whether any goal added so far may run on a demo profile (it names one, or no other profile has its
    // capabilities). Never cleared: it only lets takeReady() stop early when it is false.
    bool m_demoReachable = false;
    std::vector<int> m_phaseUnfinished; // index = phase; goals not yet final in it
    std::vector<Node> m_nodes;
    QHash<QString, int> m_index;
    std::set<ReadyKey> m_ready;
    // While addBatch() runs, nodes from m_deferFrom on are marked ready here instead of in m_ready
    // (index = node - m_deferFrom); -1 when not deferring.
    int m_deferFrom = -1;
    std::vector<char> m_deferredReady;
    quint64 m_nextSeq = 0;
    int m_running = 0; // running and not suspended
    int m_pending = 0;
    ResultText m_resultText;
    std::vector<int> m_conditionsDue; // nodes with a `when` made ready and not yet checked
};

} // namespace switchboard
