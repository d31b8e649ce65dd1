#include "Scheduler.h"

#include "orchestration/GoalBatchValidator.h"

#include <QSet>

#include <algorithm>
#include <limits>
#include <utility>

namespace switchboard {

bool Scheduler::ReadyKey::operator<(const ReadyKey &other) const
{
    if (priority != other.priority)
        return priority < other.priority;
    if (deadline != other.deadline)
        return deadline < other.deadline;
    return seq < other.seq;
}

namespace {
QString skippedReason(const QString &dependency)
{
    return QStringLiteral("skipped: dependency '%1' was skipped").arg(dependency);
}
} // namespace

Scheduler::Scheduler() = default;

QString Scheduler::modeToString(Mode mode)
{
    return workflowModeName(mode);
}

std::optional<Scheduler::Mode> Scheduler::modeFromString(const QString &text)
{
    return workflowModeFromName(text);
}

void Scheduler::setMode(Mode mode)
{
    if (m_mode == mode)
        return;
    m_mode = mode;
    // Ready keys depend on the mode (sequential ignores priority): rebuild the ready set.
    std::vector<int> ready;
    for (const ReadyKey &key : m_ready)
        ready.push_back(key.node);
    m_ready.clear();
    for (int node : ready)
        makeReady(node);
    // Parallel ignores dependencies: whatever waits only for them becomes ready.
    if (m_mode == Mode::Parallel) {
        for (int i = 0; i < static_cast<int>(m_nodes.size()); ++i) {
            Node &n = m_nodes[static_cast<size_t>(i)];
            if (n.state == GoalState::Pending && !n.waitingRetry && n.unmetDependencies > 0)
                makeReady(i);
        }
    }
}

void Scheduler::setProfilePaused(const QString &profile, bool paused)
{
    if (paused)
        m_pausedProfiles.insert(profile);
    else
        m_pausedProfiles.remove(profile);
}

int Scheduler::phaseOf(const QString &goalId) const
{
    const int i = m_index.value(goalId, -1);
    return i < 0 ? 0 : m_nodes[static_cast<size_t>(i)].phase;
}

int Scheduler::currentPhase() const
{
    for (size_t phase = 1; phase < m_phaseUnfinished.size(); ++phase) {
        if (m_phaseUnfinished[phase] > 0)
            return static_cast<int>(phase);
    }
    return static_cast<int>(m_phaseUnfinished.size());
}

void Scheduler::markFinal(int node)
{
    const int phase = m_nodes[static_cast<size_t>(node)].phase;
    if (phase > 0 && static_cast<size_t>(phase) < m_phaseUnfinished.size())
        --m_phaseUnfinished[static_cast<size_t>(phase)];
}

void Scheduler::satisfyDependents(int node)
{
    Node &n = m_nodes[static_cast<size_t>(node)];
    if (n.handedOff)
        return; // pipeline: its dependents were released at the handoff already
    n.handedOff = true;
    for (int d : n.dependents) {
        Node &dependent = m_nodes[static_cast<size_t>(d)];
        if (dependent.state == GoalState::Pending && --dependent.unmetDependencies == 0 && !dependent.waitingRetry &&
            m_mode != Mode::Parallel)
            makeReady(d);
    }
}

void Scheduler::handoff(const QString &goalId)
{
    const int i = m_index.value(goalId, -1);
    if (i < 0 || m_mode != Mode::Pipeline || m_nodes[static_cast<size_t>(i)].state != GoalState::Running)
        return;
    satisfyDependents(i);
}

void Scheduler::deferRetry(const QString &goalId)
{
    const int i = m_index.value(goalId, -1);
    if (i < 0)
        return;
    Node &node = m_nodes[static_cast<size_t>(i)];
    if (node.state != GoalState::Running)
        return;
    if (!node.suspended)
        --m_running;
    node.suspended = false;
    --m_profileRunning[node.assignedProfile];
    node.state = GoalState::Pending;
    node.waitingRetry = true;
    ++m_pending;
}

void Scheduler::undispatch(const QString &goalId)
{
    const int i = m_index.value(goalId, -1);
    if (i < 0)
        return;
    Node &node = m_nodes[static_cast<size_t>(i)];
    if (node.state != GoalState::Running || node.suspended)
        return;
    --m_running;
    --m_profileRunning[node.assignedProfile];
    node.assignedProfile.clear();
    node.state = GoalState::Pending;
    ++m_pending;
    makeReady(i); // same key as before: same priority, deadline and submission order
}

void Scheduler::requeue(const QString &goalId)
{
    const int i = m_index.value(goalId, -1);
    if (i < 0)
        return;
    Node &node = m_nodes[static_cast<size_t>(i)];
    if (node.state != GoalState::Pending || !node.waitingRetry)
        return;
    node.waitingRetry = false;
    makeReady(i);
}

void Scheduler::setProfiles(const QList<AgentProfile> &profiles)
{
    m_profiles = profiles;
    m_sharedProfiles.clear();
    m_sharedProfiles.reserve(static_cast<size_t>(m_profiles.size()));
    for (const AgentProfile &p : std::as_const(m_profiles))
        m_sharedProfiles.push_back(std::make_shared<const AgentProfile>(p));
    m_demoReachable = false;
    for (const Node &node : m_nodes)
        updateDemoReachable(node.goal);
}

const AgentProfile *Scheduler::profile(const QString &name) const
{
    for (const AgentProfile &p : m_profiles) {
        if (p.name == name)
            return &p;
    }
    return nullptr;
}

std::shared_ptr<const AgentProfile> Scheduler::sharedProfile(const QString &name) const
{
    for (const std::shared_ptr<const AgentProfile> &p : m_sharedProfiles) {
        if (p->name == name)
            return p;
    }
    return nullptr;
}

void Scheduler::setMaxParallel(int maxParallel)
{
    m_maxParallel = qMax(1, maxParallel);
}

QStringList Scheduler::validate(const QList<Goal> &goals) const
{
    return GoalBatchValidator::validate(goals, m_index, m_profiles);
}

QList<Scheduler::BlockedGoal> Scheduler::add(const QList<Goal> &goals)
{
    return addBatch(goals, nullptr);
}

void Scheduler::reserve(qsizetype goals)
{
    m_nodes.reserve(m_nodes.size() + static_cast<size_t>(qMax<qsizetype>(0, goals)));
    m_index.reserve(m_index.size() + goals);
}

QList<Scheduler::BlockedGoal> Scheduler::addRestored(const QList<Goal> &goals, const std::vector<GoalState> &finals)
{
    return addBatch(goals, &finals);
}

QList<Scheduler::BlockedGoal> Scheduler::addBatch(const QList<Goal> &goals, const std::vector<GoalState> *finals)
{
    QList<BlockedGoal> blocked;
    const int first = static_cast<int>(m_nodes.size());
    const auto batchSize = static_cast<size_t>(goals.size());
    // New goals that become ready are only marked during the batch and enter m_ready together at the end:
    // those that end again within it (restored final goals, blocked ones) never touch the set. Nothing reads
    // the set in between, and existing goals never depend on new ones, so the result is the same.
    m_deferFrom = first;
    m_deferredReady.assign(batchSize, 0);
    // Grown geometrically: a restore in slices adds a batch per slice, and an exact reserve per batch moved every
    // node (and rehashed the index) each time.
    if (m_nodes.capacity() < m_nodes.size() + batchSize)
        m_nodes.reserve(qMax(m_nodes.size() + batchSize, 2 * m_nodes.capacity()));
    if (m_index.capacity() < m_index.size() + goals.size())
        m_index.reserve(qMax(m_index.size() + goals.size(), 2 * m_index.capacity()));
    for (const Goal &goal : goals) {
        Node &node = m_nodes.emplace_back(); // built in place: no Node to move in
        node.goal = goal;
        node.seq = m_nextSeq++;
        // Computed once: keyFor() runs on every insert into and erase from the ready set.
        node.deadlineKey =
            goal.deadline.isValid() ? goal.deadline.toMSecsSinceEpoch() : std::numeric_limits<qint64>::max();
        m_index.insert(goal.id, static_cast<int>(m_nodes.size()) - 1);
        ++m_pending;
        updateDemoReachable(goal);
    }
    // Each dependency resolved to its node once (-1 = unknown); the passes below walk these.
    // depsOf(b) is new goal b's slice of `deps` (b = node - first).
    std::vector<int> deps;
    std::vector<size_t> depsStart(batchSize + 1, 0);
    for (size_t b = 0; b < batchSize; ++b) {
        depsStart[b] = deps.size();
        for (const QString &dep : goals.at(static_cast<qsizetype>(b)).dependsOn)
            deps.push_back(m_index.value(dep, -1));
    }
    depsStart[batchSize] = deps.size();
    const auto depsOf = [&deps, &depsStart](size_t b) {
        return std::pair(deps.begin() + static_cast<std::ptrdiff_t>(depsStart[b]),
                         deps.begin() + static_cast<std::ptrdiff_t>(depsStart[b + 1]));
    };
    // Phases (topological levels) of the new goals, in dependency order (Kahn over the batch).
    {
        std::vector<int> inBatchDeps(batchSize, 0);
        std::vector<std::vector<int>> batchDependents(batchSize);
        for (size_t b = 0; b < batchSize; ++b) {
            for (auto [it, end] = depsOf(b); it != end; ++it) {
                if (*it >= first) {
                    ++inBatchDeps[b];
                    batchDependents[static_cast<size_t>(*it - first)].push_back(first + static_cast<int>(b));
                }
            }
        }
        std::vector<int> queue;
        queue.reserve(batchSize);
        for (size_t b = 0; b < batchSize; ++b) {
            if (inBatchDeps[b] == 0)
                queue.push_back(first + static_cast<int>(b));
        }
        for (size_t q = 0; q < queue.size(); ++q) {
            const int i = queue[q];
            Node &node = m_nodes[static_cast<size_t>(i)];
            int phase = 1;
            for (auto [it, end] = depsOf(static_cast<size_t>(i - first)); it != end; ++it) {
                if (*it >= 0)
                    phase = qMax(phase, m_nodes[static_cast<size_t>(*it)].phase + 1);
            }
            node.phase = phase;
            if (m_phaseUnfinished.size() <= static_cast<size_t>(phase))
                m_phaseUnfinished.resize(static_cast<size_t>(phase) + 1, 0);
            ++m_phaseUnfinished[static_cast<size_t>(phase)];
            for (int dependent : batchDependents[static_cast<size_t>(i - first)]) {
                if (--inBatchDeps[static_cast<size_t>(dependent - first)] == 0)
                    queue.push_back(dependent);
            }
        }
    }
    for (int i = first; i < static_cast<int>(m_nodes.size()); ++i) {
        Node &node = m_nodes[static_cast<size_t>(i)];
        QString failedDependency;
        QString skippedDependency;
        for (auto [it, end] = depsOf(static_cast<size_t>(i - first)); it != end; ++it) {
            const int d = *it;
            if (d < 0)
                continue;
            Node &depNode = m_nodes[static_cast<size_t>(d)];
            const QString &dep = depNode.goal.id;
            depNode.dependents.push_back(i);
            if (depNode.handedOff)
                continue;
            switch (depNode.state) {
            case GoalState::Succeeded:
                break;
            case GoalState::Failed:
            case GoalState::Cancelled:
            case GoalState::Blocked:
                if (node.goal.when && node.goal.when->acceptsFailureOf(dep))
                    break; // `succeeded: false`: its end is what the goal waited for
                failedDependency = dep;
                ++node.unmetDependencies;
                break;
            case GoalState::Skipped:
                skippedDependency = dep;
                ++node.unmetDependencies;
                break;
            default:
                ++node.unmetDependencies;
                break;
            }
        }
        if (!skippedDependency.isEmpty() && m_mode != Mode::Parallel) {
            node.state = GoalState::Skipped;
            markFinal(i);
            --m_pending;
            blocked << BlockedGoal{node.goal.id, skippedReason(skippedDependency), true};
        } else if (!failedDependency.isEmpty() && m_mode != Mode::Parallel) {
            // Its dependency already ended badly: block now; the loop below handles its dependents.
            node.state = GoalState::Blocked;
            markFinal(i);
            --m_pending;
            const QString reason = QStringLiteral("dependency '%1' did not complete").arg(failedDependency);
            blocked << BlockedGoal{node.goal.id, reason};
        }
    }
    for (int i = first; i < static_cast<int>(m_nodes.size()); ++i) {
        Node &node = m_nodes[static_cast<size_t>(i)];
        if (node.state == GoalState::Blocked) {
            blocked << blockDependents(i, QStringLiteral("dependency '%1' is blocked").arg(node.goal.id));
        } else if (node.state == GoalState::Skipped) {
            blocked << blockDependents(i, skippedReason(node.goal.id), true);
        } else if (node.state == GoalState::Pending && (node.unmetDependencies == 0 || m_mode == Mode::Parallel)) {
            makeReady(i);
        }
    }
    if (finals) {
        // As restoreFinal() for each ended goal, in batch order.
        const size_t known = qMin(batchSize, finals->size());
        for (size_t b = 0; b < known; ++b) {
            const GoalState outcome = (*finals)[b];
            if (outcome != GoalState::Pending && outcome != GoalState::Running)
                blocked << restoreFinalAt(first + static_cast<int>(b), outcome);
        }
    }
    m_deferFrom = -1;
    std::vector<ReadyKey> ready;
    for (size_t b = 0; b < batchSize; ++b) {
        if (m_deferredReady[b])
            ready.push_back(keyFor(first + static_cast<int>(b)));
    }
    m_deferredReady.clear();
    m_deferredReady.shrink_to_fit();
    // In key order, so each insert lands at the end hint.
    std::sort(ready.begin(), ready.end());
    for (const ReadyKey &key : ready)
        m_ready.insert(m_ready.end(), key);
    return blocked;
}

Scheduler::ReadyKey Scheduler::keyFor(int node) const
{
    const Node &n = m_nodes[static_cast<size_t>(node)];
    const qint64 deadline = n.deadlineKey;
    if (m_mode == Mode::Sequential)
        return ReadyKey{0, 0, n.seq, node};
    return ReadyKey{-static_cast<int>(n.goal.priority), deadline, n.seq, node};
}

void Scheduler::unready(int node)
{
    if (m_deferFrom >= 0 && node >= m_deferFrom)
        m_deferredReady[static_cast<size_t>(node - m_deferFrom)] = 0;
    else
        m_ready.erase(keyFor(node));
}

void Scheduler::makeReady(int node)
{
    const Node &n = m_nodes[static_cast<size_t>(node)];
    if (n.goal.when && !n.conditionChecked)
        m_conditionsDue.push_back(node);
    if (m_deferFrom >= 0 && node >= m_deferFrom) {
        m_deferredReady[static_cast<size_t>(node - m_deferFrom)] = 1;
        return;
    }
    // Goals mostly become ready in submission order with equal priority, so the new key is usually
    // the largest: the end() hint makes those inserts amortised O(1); a wrong hint costs a normal insert.
    m_ready.insert(m_ready.end(), keyFor(node));
}

int Scheduler::profileLoad(const QString &name) const
{
    return m_profileRunning.value(name, 0);
}

int Scheduler::runningCount(const QString &profile) const
{
    return profileLoad(profile);
}

bool Scheduler::anyProfileHasRoom() const
{
    // A demo profile with room counts only when some goal may run on it: otherwise a mixed config whose
    // real profiles are full would walk the whole ready set on every call for goals that must wait.
    return std::any_of(m_profiles.cbegin(), m_profiles.cend(), [this](const AgentProfile &p) {
        return (m_demoReachable || !p.isDemo()) && !m_pausedProfiles.contains(p.name) &&
               (p.maxConcurrent <= 0 || profileLoad(p.name) < p.maxConcurrent);
    });
}

bool Scheduler::demoReachableBy(const Goal &goal) const
{
    if (!goal.profile.isEmpty()) {
        const AgentProfile *p = profile(goal.profile);
        return p && p->isDemo();
    }
    return std::none_of(m_profiles.cbegin(), m_profiles.cend(),
                        [&goal](const AgentProfile &p) { return !p.isDemo() && p.hasCapabilities(goal.capabilities); });
}

void Scheduler::updateDemoReachable(const Goal &goal)
{
    if (!m_demoReachable)
        m_demoReachable = demoReachableBy(goal);
}

const AgentProfile *Scheduler::chooseProfile(const Goal &goal) const
{
    auto hasRoom = [this](const AgentProfile &p) {
        return !m_pausedProfiles.contains(p.name) && (p.maxConcurrent <= 0 || profileLoad(p.name) < p.maxConcurrent);
    };
    if (!goal.profile.isEmpty()) {
        const AgentProfile *p = profile(goal.profile);
        return p && hasRoom(*p) ? p : nullptr;
    }
    // A goal that names no profile runs on a real backend whenever one has its capabilities; the demo
    // backend takes it only when no other profile ever could (e.g. the default config, demo profiles only).
    // When the matching real profiles are full or paused the goal waits for them rather than fall back to
    // the demo: a run must not quietly produce demo output in place of real work.
    const AgentProfile *bestReal = nullptr;
    const AgentProfile *bestDemo = nullptr;
    bool realMatches = false;
    for (const AgentProfile &p : m_profiles) {
        if (!p.hasCapabilities(goal.capabilities))
            continue;
        realMatches = realMatches || !p.isDemo();
        if (!hasRoom(p))
            continue;
        const AgentProfile *&best = p.isDemo() ? bestDemo : bestReal;
        if (!best || profileLoad(p.name) < profileLoad(best->name))
            best = &p;
    }
    return realMatches ? bestReal : bestDemo;
}

QList<Scheduler::Dispatch> Scheduler::takeReady(const std::function<bool(const Goal &)> &canStart, int lookahead)
{
    QList<Dispatch> out;
    const int cap = m_mode == Mode::Sequential ? 1 : m_maxParallel;
    const int limit = m_mode == Mode::Sequential ? cap : cap + qMax(0, lookahead);
    out.reserve(qMin<qsizetype>(static_cast<qsizetype>(m_ready.size()), qMax(0, limit - m_running)));
    const int phaseLimit = m_mode == Mode::Phased ? currentPhase() : std::numeric_limits<int>::max();
    auto it = m_ready.begin();
    while (it != m_ready.end() && m_running < limit) {
        const bool ahead = m_running >= cap;
        Node &node = m_nodes[static_cast<size_t>(it->node)];
        if (node.goal.when && !node.conditionChecked) {
            ++it; // checkConditions() decides first whether it runs at all
            continue;
        }
        if (node.goal.team) {
            // A team runs no agent: it takes no slot and no profile (parked at once), its members do.
            if (node.phase > phaseLimit || (canStart && !canStart(node.goal))) {
                ++it;
                continue;
            }
            node.state = GoalState::Running;
            node.suspended = true;
            node.parked = true;
            node.assignedProfile.clear();
            --m_pending;
            out << Dispatch{node.goal.id, QString(), false};
            it = m_ready.erase(it);
            continue;
        }
        if (ahead && !node.goal.resources.isEmpty())
            break; // it would hold its locks while it waits for a thread
        const AgentProfile *chosen = node.phase <= phaseLimit ? chooseProfile(node.goal) : nullptr;
        if (!chosen) {
            // When every profile is full or paused nothing further can start either: stop here
            // rather than walk the whole ready set (O(ready) per call, O(n^2) over a big run).
            if (ahead || !anyProfileHasRoom())
                break;
            ++it; // its profile is full: let the next ready goal go first
            continue;
        }
        if (canStart && !canStart(node.goal)) {
            if (ahead)
                break;
            ++it; // its resources are held: the next ready goal goes instead
            continue;
        }
        node.state = GoalState::Running;
        node.assignedProfile = chosen->name;
        ++m_profileRunning[chosen->name];
        ++m_running;
        --m_pending;
        out << Dispatch{node.goal.id, chosen->name, ahead};
        it = m_ready.erase(it);
    }
    return out;
}

QList<Scheduler::BlockedGoal> Scheduler::finish(const QString &goalId, GoalState outcome)
{
    const int i = m_index.value(goalId, -1);
    if (i < 0)
        return {};
    Node &node = m_nodes[static_cast<size_t>(i)];
    if (node.state != GoalState::Running)
        return {};
    if (!node.suspended)
        --m_running;
    node.suspended = false;
    if (!node.parked)
        --m_profileRunning[node.assignedProfile];
    node.parked = false;
    node.state = outcome;
    markFinal(i);

    if (outcome == GoalState::Succeeded) {
        satisfyDependents(i);
        return {};
    }
    if (m_mode == Mode::Parallel || node.handedOff)
        return {}; // nobody waits for it
    const QString reason = outcome == GoalState::Cancelled ? QStringLiteral("dependency '%1' was cancelled").arg(goalId)
                                                           : QStringLiteral("dependency '%1' failed").arg(goalId);
    return blockDependents(i, reason);
}

QList<Scheduler::BlockedGoal> Scheduler::cancelPending(const QString &goalId)
{
    return endPending(goalId, GoalState::Cancelled);
}

QList<Scheduler::BlockedGoal> Scheduler::endPending(const QString &goalId, GoalState outcome)
{
    const int i = m_index.value(goalId, -1);
    if (i < 0)
        return {};
    Node &node = m_nodes[static_cast<size_t>(i)];
    if (node.state != GoalState::Pending && node.state != GoalState::Blocked)
        return {};
    if (node.state == GoalState::Pending) {
        m_ready.erase(keyFor(i));
        --m_pending;
        markFinal(i);
    }
    node.state = outcome;
    node.waitingRetry = false;
    if (m_mode == Mode::Parallel)
        return {};
    const QString reason = outcome == GoalState::Cancelled ? QStringLiteral("dependency '%1' was cancelled").arg(goalId)
                                                           : QStringLiteral("dependency '%1' failed").arg(goalId);
    return blockDependents(i, reason);
}

QList<Scheduler::BlockedGoal> Scheduler::restoreFinal(const QString &goalId, GoalState outcome)
{
    const int i = m_index.value(goalId, -1);
    if (i < 0 || outcome == GoalState::Pending || outcome == GoalState::Running)
        return {};
    return restoreFinalAt(i, outcome);
}

QList<Scheduler::BlockedGoal> Scheduler::restoreFinalAt(int i, GoalState outcome)
{
    Node &node = m_nodes[static_cast<size_t>(i)];
    const QString &goalId = node.goal.id;
    if (node.state != GoalState::Pending)
        return {};
    unready(i);
    --m_pending;
    markFinal(i);
    node.state = outcome;
    node.waitingRetry = false;
    if (outcome == GoalState::Succeeded) {
        satisfyDependents(i);
        return {};
    }
    if (m_mode == Mode::Parallel)
        return {};
    if (outcome == GoalState::Skipped)
        return blockDependents(i, skippedReason(goalId), true);
    const QString reason = outcome == GoalState::Cancelled ? QStringLiteral("dependency '%1' was cancelled").arg(goalId)
                           : outcome == GoalState::Blocked ? QStringLiteral("dependency '%1' is blocked").arg(goalId)
                                                           : QStringLiteral("dependency '%1' failed").arg(goalId);
    return blockDependents(i, reason);
}

QList<Scheduler::BlockedGoal> Scheduler::blockDependents(int root, const QString &reason, bool skip)
{
    QList<BlockedGoal> blocked;
    // Iterative walk: direct dependents get the given reason, deeper ones name their blocked (skipped) parent.
    struct Step
    {
        int node;
        QString why;
        int parent;
    };
    std::vector<Step> stack;
    for (int d : m_nodes[static_cast<size_t>(root)].dependents)
        stack.push_back({d, reason, root});
    while (!stack.empty()) {
        Step step = std::move(stack.back());
        stack.pop_back();
        const int d = step.node;
        Node &node = m_nodes[static_cast<size_t>(d)];
        if (node.state != GoalState::Pending)
            continue;
        if (!skip && node.goal.when &&
            node.goal.when->acceptsFailureOf(m_nodes[static_cast<size_t>(step.parent)].goal.id)) {
            // `succeeded: false` on the goal that did not complete: that dependency is met.
            if (--node.unmetDependencies == 0 && !node.waitingRetry)
                makeReady(d);
            continue;
        }
        unready(d);
        node.state = skip ? GoalState::Skipped : GoalState::Blocked;
        node.waitingRetry = false;
        markFinal(d);
        --m_pending;
        blocked << BlockedGoal{node.goal.id, step.why, skip};
        const QString next =
            skip ? skippedReason(node.goal.id) : QStringLiteral("dependency '%1' is blocked").arg(node.goal.id);
        for (int dd : node.dependents)
            stack.push_back({dd, next, d});
    }
    return blocked;
}

QList<Scheduler::BlockedGoal> Scheduler::checkConditions()
{
    QList<BlockedGoal> skipped;
    while (!m_conditionsDue.empty()) {
        const std::vector<int> due = std::exchange(m_conditionsDue, {});
        for (int i : due) {
            Node &node = m_nodes[static_cast<size_t>(i)];
            if (node.state != GoalState::Pending || node.conditionChecked || !node.goal.when)
                continue;
            node.conditionChecked = true;
            const GoalCondition &condition = *node.goal.when;
            const int dep = m_index.value(condition.goal, -1);
            // Pipeline mode releases dependents at the handoff: the output handed on is the result.
            const bool succeeded = dep >= 0 && (m_nodes[static_cast<size_t>(dep)].state == GoalState::Succeeded ||
                                                (m_nodes[static_cast<size_t>(dep)].handedOff &&
                                                 m_nodes[static_cast<size_t>(dep)].state == GoalState::Running));
            const QString text = succeeded && m_resultText ? m_resultText(condition.goal) : QString();
            const std::optional<QString> why = condition.falseReason(succeeded, text);
            if (!why)
                continue;
            unready(i);
            node.state = GoalState::Skipped;
            markFinal(i);
            --m_pending;
            skipped << BlockedGoal{
                node.goal.id, QStringLiteral("skipped: condition on '%1' was false (%2)").arg(condition.goal, *why),
                true};
            skipped << blockDependents(i, skippedReason(node.goal.id), true);
        }
    }
    return skipped;
}

void Scheduler::suspend(const QString &goalId)
{
    const int i = m_index.value(goalId, -1);
    if (i < 0)
        return;
    Node &node = m_nodes[static_cast<size_t>(i)];
    if (node.state == GoalState::Running && !node.suspended) {
        node.suspended = true;
        --m_running;
    }
}

void Scheduler::park(const QString &goalId)
{
    const int i = m_index.value(goalId, -1);
    if (i < 0)
        return;
    Node &node = m_nodes[static_cast<size_t>(i)];
    if (node.state != GoalState::Running || node.parked)
        return;
    if (!node.suspended)
        --m_running;
    node.suspended = true;
    node.parked = true;
    --m_profileRunning[node.assignedProfile];
}

void Scheduler::restoreParked(const QString &goalId)
{
    const int i = m_index.value(goalId, -1);
    if (i < 0)
        return;
    Node &node = m_nodes[static_cast<size_t>(i)];
    if (node.state != GoalState::Pending)
        return;
    unready(i);
    --m_pending;
    node.state = GoalState::Running;
    node.suspended = true;
    node.parked = true;
    node.waitingRetry = false;
}

void Scheduler::unsuspend(const QString &goalId)
{
    const int i = m_index.value(goalId, -1);
    if (i < 0)
        return;
    Node &node = m_nodes[static_cast<size_t>(i)];
    if (node.state == GoalState::Running && node.suspended) {
        node.suspended = false;
        ++m_running;
    }
}

Scheduler::GoalState Scheduler::state(const QString &goalId) const
{
    const int i = m_index.value(goalId, -1);
    return i < 0 ? GoalState::Pending : m_nodes[static_cast<size_t>(i)].state;
}

QString Scheduler::assignedProfile(const QString &goalId) const
{
    const int i = m_index.value(goalId, -1);
    return i < 0 ? QString() : m_nodes[static_cast<size_t>(i)].assignedProfile;
}

} // namespace switchboard
