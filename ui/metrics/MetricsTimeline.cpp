#include "metrics/MetricsTimeline.h"

#include <QHash>
#include <QSet>

#include <algorithm>

namespace switchboard {

namespace {
enum class EventKind
{
    Transition,
    AttemptStarted,
    AttemptCost,
    Escalation,
    LockEvent,
};

struct Event
{
    qint64 at = 0; // msecs since the epoch
    EventKind kind = EventKind::Transition;
    qsizetype index = 0;
};
} // namespace

MetricsTimeline::Sample MetricsTimeline::fromMetrics(const Metrics &metrics, const QDateTime &at)
{
    Sample sample;
    sample.at = at.toUTC();
    const ProfileMetrics &all = metrics.overall;
    sample.set(Series::InProgress, metrics.goalsInProgress);
    sample.set(Series::Completions, all.completions);
    sample.set(Series::SuccessRate, all.successRate, all.completions + all.failures > 0);
    sample.set(Series::Utilisation, metrics.utilisation, metrics.runSlots > 0 && metrics.wallMs > 0);
    sample.set(Series::CostUsd, all.costUsd);
    sample.set(Series::EscalationRate, all.escalationRate, all.assignments > 0);
    sample.set(Series::LockConflictRate, metrics.lockConflictRate, metrics.lockRequests > 0);
    sample.set(Series::AverageCompletionMinutes, all.averageCompletionMs / 60000.0, all.completions > 0);
    return sample;
}

QList<MetricsTimeline::Sample> MetricsTimeline::seed(const RunHistory &history, int runSlots, const QDateTime &from,
                                                     const QDateTime &to, int points)
{
    QList<Sample> samples;
    if (points <= 0 || !from.isValid() || !to.isValid() || from >= to)
        return samples;

    if (runSlots <= 0) {
        for (const RunRecord &run : history.runs)
            runSlots = qMax(runSlots, run.maxParallel);
    }
    // The window starts where MetricsCalculator's does: the earliest run start or transition.
    qint64 windowStart = -1;
    const auto earliest = [&windowStart](const QDateTime &when) {
        if (when.isValid() && (windowStart < 0 || when.toMSecsSinceEpoch() < windowStart))
            windowStart = when.toMSecsSinceEpoch();
    };
    for (const RunRecord &run : history.runs)
        earliest(run.startedAt);
    for (const TransitionRecord &transition : history.transitions)
        earliest(transition.at);

    const qint64 end = to.toMSecsSinceEpoch();
    QList<Event> events;
    events.reserve(history.transitions.size() + 2 * history.attempts.size() + history.escalations.size() +
                   history.lockEvents.size());
    for (qsizetype i = 0; i < history.transitions.size(); ++i) {
        if (history.transitions.at(i).at.isValid())
            events.append({history.transitions.at(i).at.toMSecsSinceEpoch(), EventKind::Transition, i});
    }
    for (qsizetype i = 0; i < history.attempts.size(); ++i) {
        const AttemptRecord &attempt = history.attempts.at(i);
        if (attempt.startedAt.isValid())
            events.append({attempt.startedAt.toMSecsSinceEpoch(), EventKind::AttemptStarted, i});
        // Cost is known per attempt only: it counts from the attempt's end (an unfinished one's at `to`).
        events.append(
            {attempt.finishedAt.isValid() ? attempt.finishedAt.toMSecsSinceEpoch() : end, EventKind::AttemptCost, i});
    }
    for (qsizetype i = 0; i < history.escalations.size(); ++i) {
        if (history.escalations.at(i).createdAt.isValid())
            events.append({history.escalations.at(i).createdAt.toMSecsSinceEpoch(), EventKind::Escalation, i});
    }
    for (qsizetype i = 0; i < history.lockEvents.size(); ++i) {
        if (history.lockEvents.at(i).at.isValid())
            events.append({history.lockEvents.at(i).at.toMSecsSinceEpoch(), EventKind::LockEvent, i});
    }
    std::stable_sort(events.begin(), events.end(), [](const Event &a, const Event &b) { return a.at < b.at; });

    QHash<QString, qint64> createdAt;
    createdAt.reserve(history.agents.size());
    for (const AgentStatus &agent : history.agents) {
        if (agent.createdAt.isValid())
            createdAt.insert(agent.agentId, agent.createdAt.toMSecsSinceEpoch());
    }

    // Running totals, advanced event by event.
    QHash<QString, AgentState> stateOf;
    std::array<int, 16> stateCounts{};
    QHash<QString, qint64> runningSince;
    qint64 closedBusyMs = 0;
    qint64 sinceSum = 0; // of runningSince's values, so busy time at t is closed + running x t - sinceSum
    QSet<QString> assigned;
    QSet<QString> escalated;
    double costUsd = 0.0;
    int lockRequests = 0;
    int lockConflicts = 0;
    qint64 completionSumMs = 0;
    int completionCount = 0;

    const auto apply = [&](const Event &event) {
        switch (event.kind) {
        case EventKind::Transition: {
            const TransitionRecord &t = history.transitions.at(event.index);
            const auto previous = stateOf.constFind(t.agentId);
            if (previous != stateOf.cend())
                --stateCounts[std::size_t(*previous)];
            stateOf.insert(t.agentId, t.state);
            ++stateCounts[std::size_t(t.state)];
            if (const auto running = runningSince.constFind(t.agentId); running != runningSince.cend()) {
                closedBusyMs += event.at - *running;
                sinceSum -= *running;
                runningSince.erase(running);
            }
            if (t.state == AgentState::Running) {
                runningSince.insert(t.agentId, event.at);
                sinceSum += event.at;
            } else if (t.state == AgentState::WaitingForLock) {
                ++lockConflicts;
            } else if (t.state == AgentState::Completed) {
                if (const auto created = createdAt.constFind(t.agentId); created != createdAt.cend()) {
                    completionSumMs += event.at - *created;
                    ++completionCount;
                }
            }
            break;
        }
        case EventKind::AttemptStarted:
            assigned.insert(history.attempts.at(event.index).agentId);
            break;
        case EventKind::AttemptCost:
            costUsd += history.attempts.at(event.index).costUsd;
            break;
        case EventKind::Escalation:
            escalated.insert(history.escalations.at(event.index).agentId);
            break;
        case EventKind::LockEvent: {
            const LockEvent::Action action = history.lockEvents.at(event.index).event.action;
            if (action == LockEvent::Action::Acquired) {
                ++lockRequests;
            } else if (action == LockEvent::Action::Denied) {
                ++lockRequests;
                ++lockConflicts;
            }
            break;
        }
        }
    };

    const qint64 start = from.toMSecsSinceEpoch();
    const qint64 span = end - start;
    samples.reserve(points);
    qsizetype next = 0;
    for (int k = 0; k < points; ++k) {
        const qint64 at = start + span * k / points;
        while (next < events.size() && events.at(next).at <= at)
            apply(events.at(next++));

        Sample sample;
        sample.at = QDateTime::fromMSecsSinceEpoch(at, Qt::UTC);
        int inProgress = 0;
        for (int state = 0; state < kAgentStateCount; ++state) {
            if (isActiveState(AgentState(state)))
                inProgress += stateCounts[std::size_t(state)];
        }
        const int completions = stateCounts[std::size_t(AgentState::Completed)];
        const int failures = stateCounts[std::size_t(AgentState::Failed)];
        sample.set(Series::InProgress, inProgress);
        sample.set(Series::Completions, completions);
        sample.set(Series::SuccessRate,
                   completions + failures > 0 ? double(completions) / (completions + failures) : 0.0,
                   completions + failures > 0);
        const qint64 wallMs = windowStart >= 0 ? at - windowStart : 0;
        const qint64 busyMs = closedBusyMs + qint64(runningSince.size()) * at - sinceSum;
        const bool hasUtilisation = runSlots > 0 && wallMs > 0;
        sample.set(Series::Utilisation, hasUtilisation ? double(busyMs) / (double(runSlots) * double(wallMs)) : 0.0,
                   hasUtilisation);
        sample.set(Series::CostUsd, costUsd);
        int escalatedAssigned = 0;
        for (const QString &agent : std::as_const(escalated)) {
            if (assigned.contains(agent))
                ++escalatedAssigned;
        }
        sample.set(Series::EscalationRate, assigned.isEmpty() ? 0.0 : double(escalatedAssigned) / assigned.size(),
                   !assigned.isEmpty());
        sample.set(Series::LockConflictRate,
                   lockRequests > 0 ? qMin(1.0, double(lockConflicts) / double(lockRequests)) : 0.0, lockRequests > 0);
        sample.set(Series::AverageCompletionMinutes,
                   completionCount > 0 ? double(completionSumMs) / completionCount / 60000.0 : 0.0,
                   completionCount > 0);
        samples.append(sample);
    }
    return samples;
}

void MetricsTimeline::setSamples(QList<Sample> samples)
{
    m_samples = std::move(samples);
    prune();
}

void MetricsTimeline::append(const Sample &sample)
{
    while (!m_samples.isEmpty() && m_samples.constLast().at >= sample.at)
        m_samples.removeLast();
    m_samples.append(sample);
    prune();
}

void MetricsTimeline::prune()
{
    if (m_samples.isEmpty())
        return;
    const QDateTime oldest = m_samples.constLast().at.addMSecs(-kSpanMs);
    qsizetype drop = 0;
    while (drop < m_samples.size() && m_samples.at(drop).at < oldest)
        ++drop;
    if (drop > 0)
        m_samples.remove(0, drop);
}

QList<QPointF> MetricsTimeline::points(Series series) const
{
    QList<QPointF> result;
    result.reserve(m_samples.size());
    for (const Sample &sample : m_samples) {
        if (sample.hasValue(series))
            result.append(QPointF(double(sample.at.toMSecsSinceEpoch()), sample.value(series)));
    }
    return result;
}

} // namespace switchboard
