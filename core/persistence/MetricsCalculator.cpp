#include "MetricsCalculator.h"

#include <QCoreApplication>
#include <QHash>
#include <QJsonArray>
#include <QSet>

#include <algorithm>
#include <map>

namespace switchboard {

namespace {
QString translate(const char *text)
{
    return QCoreApplication::translate("MetricsCalculator", text);
}

ProfileMetrics computeGroup(const QString &profile, const QList<AgentStatus> &agents, const RunHistory &history)
{
    ProfileMetrics m;
    m.profile = profile;
    QList<qint64> durations;
    qint64 completionSumMs = 0;
    int escalatedAgents = 0;
    for (const AgentStatus &agent : agents) {
        const QList<AttemptRecord> attempts = history.attemptsOf(agent.agentId);
        if (attempts.isEmpty())
            continue;
        ++m.assignments;
        m.iterations += int(attempts.size());
        for (const AttemptRecord &attempt : attempts) {
            m.inputTokens += attempt.inputTokens;
            m.outputTokens += attempt.outputTokens;
            m.costUsd += attempt.costUsd;
            if (attempt.outcome == AgentState::Completed && attempt.durationMs() >= 0)
                durations.append(attempt.durationMs());
        }
        if (agent.state == AgentState::Completed) {
            ++m.completions;
            if (agent.createdAt.isValid() && agent.completedAt.isValid())
                completionSumMs += agent.createdAt.msecsTo(agent.completedAt);
        } else if (agent.state == AgentState::Failed) {
            ++m.failures;
        }
        const int escalations = int(history.escalationsOf(agent.agentId).size());
        m.escalations += escalations;
        if (escalations > 0)
            ++escalatedAgents;
    }
    const int finished = m.completions + m.failures;
    m.successRate = finished > 0 ? double(m.completions) / double(finished) : 0.0;
    if (m.assignments > 0) {
        m.iterationsPerGoal = double(m.iterations) / double(m.assignments);
        m.costPerGoalUsd = m.costUsd / double(m.assignments);
        m.escalationRate = double(escalatedAgents) / double(m.assignments);
    }
    if (!durations.isEmpty()) {
        qint64 sum = 0;
        for (const qint64 d : std::as_const(durations))
            sum += d;
        m.averageDurationMs = double(sum) / double(durations.size());
        m.p95DurationMs = MetricsCalculator::percentile(durations, 95);
    }
    if (m.completions > 0)
        m.averageCompletionMs = double(completionSumMs) / double(m.completions);
    return m;
}

QString profileOf(const AgentStatus &agent, const RunHistory &history)
{
    if (!agent.profile.isEmpty())
        return agent.profile;
    const QList<AttemptRecord> attempts = history.attemptsOf(agent.agentId);
    return attempts.isEmpty() ? QString() : attempts.constLast().profile;
}

qint64 overlapMs(const QDateTime &from, const QDateTime &to, const QDateTime &windowStart, const QDateTime &windowEnd)
{
    const QDateTime start = qMax(from, windowStart);
    const QDateTime end = qMin(to, windowEnd);
    return start < end ? start.msecsTo(end) : 0;
}

QString percent(double fraction)
{
    return QStringLiteral("%1 %").arg(fraction * 100.0, 0, 'f', 1);
}

MetricAlert::Level levelAbove(double value, double target, double alertAt)
{
    // Good when below the target.
    if (value > alertAt)
        return MetricAlert::Level::Alert;
    if (value >= target)
        return MetricAlert::Level::Warning;
    return MetricAlert::Level::Ok;
}
} // namespace

qint64 MetricsCalculator::percentile(QList<qint64> values, int percent)
{
    if (values.isEmpty() || percent <= 0)
        return 0;
    std::sort(values.begin(), values.end());
    const qsizetype n = values.size();
    const qsizetype rank = qBound<qsizetype>(1, (qsizetype(qMin(percent, 100)) * n + 99) / 100, n);
    return values.at(rank - 1);
}

Metrics MetricsCalculator::compute(const RunHistory &history)
{
    return compute(history, Options());
}

Metrics MetricsCalculator::compute(const RunHistory &unindexed, const Options &options)
{
    // Per-agent lookups below: an index makes them O(1) (the copy shares the lists, it does not copy them).
    RunHistory history = unindexed;
    if (!history.isIndexed())
        history.index();
    Metrics metrics;
    metrics.goals = int(history.agents.size());

    std::map<QString, QList<AgentStatus>> byProfile;
    for (const AgentStatus &agent : history.agents) {
        byProfile[profileOf(agent, history)].append(agent);
        if (isActiveState(agent.state))
            ++metrics.goalsInProgress;
    }
    for (const auto &[profile, agents] : byProfile) {
        ProfileMetrics m = computeGroup(profile, agents, history);
        if (m.assignments > 0)
            metrics.profiles.append(m);
    }
    metrics.overall = computeGroup(QString(), history.agents, history);

    // Locks.
    for (const LockEventRecord &record : history.lockEvents) {
        if (record.event.action == LockEvent::Action::Acquired) {
            ++metrics.lockRequests;
        } else if (record.event.action == LockEvent::Action::Denied) {
            ++metrics.lockRequests;
            ++metrics.lockConflicts;
        }
    }
    for (const TransitionRecord &transition : history.transitions) {
        if (transition.state == AgentState::WaitingForLock)
            ++metrics.lockConflicts;
    }
    if (metrics.lockRequests > 0)
        metrics.lockConflictRate = qMin(1.0, double(metrics.lockConflicts) / double(metrics.lockRequests));

    // The window and utilisation.
    const QDateTime now = options.now.isValid() ? options.now.toUTC() : QDateTime::currentDateTimeUtc();
    QDateTime start = options.windowStart;
    QDateTime end = options.windowEnd;
    if (!start.isValid()) {
        for (const RunRecord &run : history.runs) {
            if (run.startedAt.isValid() && (!start.isValid() || run.startedAt < start))
                start = run.startedAt;
        }
        for (const TransitionRecord &transition : history.transitions) {
            if (transition.at.isValid() && (!start.isValid() || transition.at < start))
                start = transition.at;
        }
    }
    if (!end.isValid()) {
        bool allFinished = !history.runs.isEmpty();
        for (const RunRecord &run : history.runs) {
            if (!run.isFinished())
                allFinished = false;
            else if (!end.isValid() || run.finishedAt > end)
                end = run.finishedAt;
        }
        if (!allFinished)
            end = now;
    }
    metrics.windowStart = start;
    metrics.windowEnd = end;
    metrics.runSlots = options.runSlots;
    if (metrics.runSlots <= 0) {
        for (const RunRecord &run : history.runs)
            metrics.runSlots = qMax(metrics.runSlots, run.maxParallel);
    }
    if (start.isValid() && end.isValid() && start < end) {
        metrics.wallMs = start.msecsTo(end);
        QHash<QString, QDateTime> runningSince;
        for (const TransitionRecord &transition : history.transitions) {
            const auto it = runningSince.constFind(transition.agentId);
            if (it != runningSince.cend()) {
                metrics.busyMs += overlapMs(*it, transition.at, start, end);
                runningSince.remove(transition.agentId);
            }
            if (transition.state == AgentState::Running)
                runningSince.insert(transition.agentId, transition.at);
        }
        for (auto it = runningSince.cbegin(); it != runningSince.cend(); ++it)
            metrics.busyMs += overlapMs(it.value(), end, start, end);
    }
    if (metrics.runSlots > 0 && metrics.wallMs > 0)
        metrics.utilisation = double(metrics.busyMs) / (double(metrics.runSlots) * double(metrics.wallMs));
    return metrics;
}

QList<MetricAlert> MetricsCalculator::evaluate(const Metrics &metrics, const MetricThresholds &t)
{
    QList<MetricAlert> alerts;

    MetricAlert inProgress;
    inProgress.metric = MetricAlert::Metric::GoalsInProgress;
    inProgress.value = metrics.goalsInProgress;
    inProgress.target = t.inProgressTargetPerSlot * metrics.runSlots;
    inProgress.alertAt = t.inProgressAlertPerSlot * metrics.runSlots;
    inProgress.hasData = metrics.runSlots > 0;
    inProgress.message = translate("Goals in progress: %1 (target < %2, alert > %3)")
                             .arg(metrics.goalsInProgress)
                             .arg(inProgress.target)
                             .arg(inProgress.alertAt);
    alerts.append(inProgress);

    MetricAlert completion;
    completion.metric = MetricAlert::Metric::AverageCompletion;
    completion.value = metrics.overall.averageCompletionMs / 60000.0;
    completion.target = t.averageCompletionTargetMinutes;
    completion.alertAt = t.averageCompletionAlertMinutes;
    completion.hasData = metrics.overall.completions > 0;
    completion.message = translate("Average completion: %1 min (target < %2 min, alert > %3 min)")
                             .arg(completion.value, 0, 'f', 1)
                             .arg(completion.target)
                             .arg(completion.alertAt);
    alerts.append(completion);

    MetricAlert escalation;
    escalation.metric = MetricAlert::Metric::EscalationRate;
    escalation.value = metrics.overall.escalationRate;
    escalation.target = t.escalationRateTarget;
    escalation.alertAt = t.escalationRateAlert;
    escalation.hasData = metrics.overall.assignments > 0;
    escalation.message = translate("Escalation rate: %1 (target < %2, alert > %3)")
                             .arg(percent(escalation.value), percent(escalation.target), percent(escalation.alertAt));
    alerts.append(escalation);

    MetricAlert conflict;
    conflict.metric = MetricAlert::Metric::LockConflictRate;
    conflict.value = metrics.lockConflictRate;
    conflict.target = t.lockConflictRateTarget;
    conflict.alertAt = t.lockConflictRateAlert;
    conflict.hasData = metrics.lockRequests > 0;
    conflict.message = translate("Lock conflict rate: %1 (target < %2, alert > %3)")
                           .arg(percent(conflict.value), percent(conflict.target), percent(conflict.alertAt));
    alerts.append(conflict);

    MetricAlert utilisation;
    utilisation.metric = MetricAlert::Metric::Utilisation;
    utilisation.value = metrics.utilisation;
    utilisation.target = t.utilisationTarget;
    utilisation.alertAt = t.utilisationAlert;
    utilisation.hasData = metrics.runSlots > 0 && metrics.wallMs > 0;
    utilisation.message =
        translate("Agent utilisation: %1 (target > %2, alert < %3)")
            .arg(percent(utilisation.value), percent(utilisation.target), percent(utilisation.alertAt));
    alerts.append(utilisation);

    for (MetricAlert &alert : alerts) {
        if (!alert.hasData) {
            alert.level = MetricAlert::Level::Ok;
        } else if (alert.metric == MetricAlert::Metric::Utilisation) {
            // Good when above the target.
            alert.level = alert.value < alert.alertAt   ? MetricAlert::Level::Alert
                          : alert.value <= alert.target ? MetricAlert::Level::Warning
                                                        : MetricAlert::Level::Ok;
        } else {
            alert.level = levelAbove(alert.value, alert.target, alert.alertAt);
        }
    }
    return alerts;
}

QList<MetricAlert> MetricsCalculator::crossed(const Metrics &metrics, const MetricThresholds &thresholds)
{
    QList<MetricAlert> result;
    for (const MetricAlert &alert : evaluate(metrics, thresholds)) {
        if (alert.level != MetricAlert::Level::Ok)
            result.append(alert);
    }
    return result;
}

QJsonObject MetricsCalculator::toJson(const ProfileMetrics &m)
{
    QJsonObject o;
    o.insert(u"profile", m.profile);
    o.insert(u"assignments", m.assignments);
    o.insert(u"completions", m.completions);
    o.insert(u"failures", m.failures);
    o.insert(u"success_rate", m.successRate);
    o.insert(u"iterations", m.iterations);
    o.insert(u"iterations_per_goal", m.iterationsPerGoal);
    o.insert(u"average_duration_ms", m.averageDurationMs);
    o.insert(u"p95_duration_ms", m.p95DurationMs);
    o.insert(u"input_tokens", m.inputTokens);
    o.insert(u"output_tokens", m.outputTokens);
    o.insert(u"tokens", m.tokens());
    o.insert(u"cost_usd", m.costUsd);
    o.insert(u"cost_per_goal_usd", m.costPerGoalUsd);
    o.insert(u"escalations", m.escalations);
    o.insert(u"escalation_rate", m.escalationRate);
    o.insert(u"average_completion_ms", m.averageCompletionMs);
    return o;
}

QJsonObject MetricsCalculator::toJson(const MetricAlert &alert)
{
    QJsonObject o;
    o.insert(u"metric", MetricAlert::metricName(alert.metric));
    o.insert(u"level", MetricAlert::levelName(alert.level));
    o.insert(u"has_data", alert.hasData);
    o.insert(u"value", alert.value);
    o.insert(u"target", alert.target);
    o.insert(u"alert_at", alert.alertAt);
    o.insert(u"message", alert.message);
    return o;
}

QJsonObject MetricsCalculator::toJson(const Metrics &metrics)
{
    QJsonObject o;
    o.insert(u"overall", toJson(metrics.overall));
    QJsonArray profiles;
    for (const ProfileMetrics &m : metrics.profiles)
        profiles.append(toJson(m));
    o.insert(u"profiles", profiles);
    o.insert(u"goals", metrics.goals);
    o.insert(u"goals_in_progress", metrics.goalsInProgress);
    o.insert(u"lock_requests", metrics.lockRequests);
    o.insert(u"lock_conflicts", metrics.lockConflicts);
    o.insert(u"lock_conflict_rate", metrics.lockConflictRate);
    o.insert(u"busy_ms", metrics.busyMs);
    o.insert(u"wall_ms", metrics.wallMs);
    o.insert(u"runSlots", metrics.runSlots);
    o.insert(u"utilisation", metrics.utilisation);
    o.insert(u"window_start", metrics.windowStart.isValid()
                                  ? QJsonValue(metrics.windowStart.toUTC().toString(Qt::ISODate))
                                  : QJsonValue());
    o.insert(u"window_end",
             metrics.windowEnd.isValid() ? QJsonValue(metrics.windowEnd.toUTC().toString(Qt::ISODate)) : QJsonValue());
    return o;
}

} // namespace switchboard
