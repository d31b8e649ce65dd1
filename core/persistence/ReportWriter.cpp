#include "ReportWriter.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>

#include <yaml-cpp/yaml.h>

#include <algorithm>

namespace switchboard {

namespace {
QString tr(const char *text)
{
    return QCoreApplication::translate("ReportWriter", text);
}

QJsonValue isoTime(const QDateTime &at)
{
    return at.isValid() ? QJsonValue(at.toUTC().toString(Qt::ISODate)) : QJsonValue();
}

QString shortTime(const QDateTime &at)
{
    if (!at.isValid())
        return tr("-");
    return at.toUTC().toString(QStringLiteral("yyyy-MM-dd HH:mm:ss")) + QStringLiteral(" UTC");
}

QString money(double usd)
{
    return QStringLiteral("$%1").arg(usd, 0, 'f', 4);
}

// A table cell or a list item on one line, with nothing that breaks Markdown tables.
QString cell(const QString &text)
{
    QString result = text.simplified();
    result.replace(u'|', QStringLiteral("\\|"));
    return result;
}

QString stateKey(AgentState state)
{
    switch (state) {
    case AgentState::Completed:
        return QStringLiteral("completed");
    case AgentState::Failed:
        return QStringLiteral("failed");
    case AgentState::Cancelled:
        return QStringLiteral("cancelled");
    case AgentState::Blocked:
        return QStringLiteral("blocked");
    case AgentState::Interrupted:
        return QStringLiteral("interrupted");
    case AgentState::Review:
        return QStringLiteral("review");
    case AgentState::Skipped:
        return QStringLiteral("skipped");
    case AgentState::Queued:
        return QStringLiteral("queued");
    case AgentState::Running:
    case AgentState::WaitingForLock:
    case AgentState::Escalated:
    case AgentState::Paused:
        return QStringLiteral("in_progress");
    }
    return QStringLiteral("queued");
}

struct GoalRow
{
    GoalRecord goal;
    AgentStatus agent; // empty agentId when the goal has none
    int attempts = 0;
    std::optional<int> exitCode;
    qint64 durationMs = -1;
};

// Per-agent lookups are O(1) on an indexed history; the copy shares the lists (no deep copy).
RunHistory indexed(const RunHistory &history)
{
    RunHistory copy = history;
    if (!copy.isIndexed())
        copy.index();
    return copy;
}

QList<GoalRow> goalRows(const RunHistory &history)
{
    QList<GoalRow> rows;
    for (const GoalRecord &goal : history.goals) {
        GoalRow row;
        row.goal = goal;
        if (const std::optional<AgentStatus> agent = history.agent(goal.agentId))
            row.agent = *agent;
        else
            row.agent.goalId = goal.goal.id;
        const QList<AttemptRecord> attempts = history.attemptsOf(goal.agentId);
        row.attempts = qMax(int(attempts.size()), row.agent.attempt);
        if (!attempts.isEmpty())
            row.exitCode = attempts.constLast().exitCode;
        if (row.agent.startedAt.isValid() && row.agent.completedAt.isValid())
            row.durationMs = row.agent.startedAt.msecsTo(row.agent.completedAt);
        rows.append(row);
    }
    return rows;
}

struct Totals
{
    QHash<QString, int> byState;
    int goals = 0;
    int attempts = 0;
    qint64 inputTokens = 0;
    qint64 outputTokens = 0;
    double costUsd = 0.0;
};

Totals totals(const QList<GoalRow> &rows)
{
    Totals t;
    for (const GoalRow &row : rows) {
        ++t.goals;
        ++t.byState[stateKey(row.agent.state)];
        t.attempts += row.attempts;
        t.inputTokens += row.agent.inputTokens;
        t.outputTokens += row.agent.outputTokens;
        t.costUsd += row.agent.costUsd;
    }
    return t;
}

QString answerLabel(const Escalation &e)
{
    return e.answerOption.isEmpty() ? QString() : e.optionLabel(e.answerOption);
}

// "yes (Yes, go ahead) - keep the old API", or the free text alone.
QString answerText(const Escalation &e)
{
    QString text;
    if (!e.answerOption.isEmpty()) {
        text = e.answerOption;
        const QString label = answerLabel(e);
        if (!label.isEmpty() && label != e.answerOption)
            text += QStringLiteral(" (%1)").arg(label);
    }
    if (!e.answerText.isEmpty())
        text += text.isEmpty() ? e.answerText : QString(QStringLiteral(" - ") + e.answerText);
    return text;
}

QString goalLabel(const RunHistory &history, const QString &goalId, const QString &agentId)
{
    if (const std::optional<GoalRecord> goal = history.goalOfAgent(agentId))
        return QStringLiteral("%1 \"%2\"").arg(goal->goal.id, cell(goal->goal.title));
    return goalId;
}

std::string str(const QString &text)
{
    return text.toStdString();
}
} // namespace

QJsonObject ReportWriter::runReportJson(const RunHistory &unindexed)
{
    const RunHistory history = indexed(unindexed);
    QJsonObject report;
    if (history.runs.isEmpty()) {
        report.insert(u"run", QJsonValue());
    } else {
        const RunRecord &run = history.runs.constFirst();
        QJsonObject o;
        o.insert(u"id", run.id);
        o.insert(u"name", run.name);
        o.insert(u"plan_file", run.planFile);
        o.insert(u"started_at", isoTime(run.startedAt));
        o.insert(u"finished_at", isoTime(run.finishedAt));
        o.insert(u"summary", run.summary.isEmpty() ? QJsonValue() : QJsonValue(run.summary));
        report.insert(u"run", o);
    }

    const QList<GoalRow> rows = goalRows(history);
    const Totals t = totals(rows);
    QJsonObject totalsObject;
    totalsObject.insert(u"goals", t.goals);
    for (const QString &key : {QStringLiteral("completed"), QStringLiteral("failed"), QStringLiteral("cancelled"),
                               QStringLiteral("blocked"), QStringLiteral("skipped"), QStringLiteral("interrupted"),
                               QStringLiteral("in_progress"), QStringLiteral("queued")})
        totalsObject.insert(key, t.byState.value(key));
    totalsObject.insert(u"attempts", t.attempts);
    totalsObject.insert(u"input_tokens", t.inputTokens);
    totalsObject.insert(u"output_tokens", t.outputTokens);
    totalsObject.insert(u"tokens", t.inputTokens + t.outputTokens);
    totalsObject.insert(u"cost_usd", t.costUsd);
    report.insert(u"totals", totalsObject);

    QJsonArray goals;
    for (const GoalRow &row : rows) {
        QJsonObject o;
        o.insert(u"id", row.goal.goal.id);
        o.insert(u"title", row.goal.goal.title);
        o.insert(u"agent", row.goal.agentId);
        o.insert(u"profile", row.agent.profile.isEmpty() ? row.goal.goal.profile : row.agent.profile);
        o.insert(u"priority", priorityToString(row.goal.goal.priority));
        o.insert(u"state", agentStateToString(row.agent.state));
        o.insert(u"attempts", row.attempts);
        o.insert(u"input_tokens", row.agent.inputTokens);
        o.insert(u"output_tokens", row.agent.outputTokens);
        o.insert(u"tokens", row.agent.tokens());
        o.insert(u"cost_usd", row.agent.costUsd);
        o.insert(u"duration_ms", row.durationMs >= 0 ? QJsonValue(row.durationMs) : QJsonValue());
        o.insert(u"summary", row.agent.summary);
        o.insert(u"error", row.agent.error);
        o.insert(u"exit_code", row.exitCode ? QJsonValue(*row.exitCode) : QJsonValue());
        goals.append(o);
    }
    report.insert(u"goals", goals);

    QJsonArray escalations;
    for (const Escalation &e : history.escalations) {
        QJsonObject o;
        o.insert(u"id", e.id);
        o.insert(u"goal", e.goalId);
        o.insert(u"agent", e.agentId);
        o.insert(u"trigger", escalationTriggerToString(e.trigger));
        o.insert(u"question", e.question);
        QJsonArray options;
        for (const Escalation::Option &option : e.options)
            options.append(QJsonObject{{QStringLiteral("key"), option.key}, {QStringLiteral("label"), option.label}});
        o.insert(u"options", options);
        o.insert(u"state", escalationStateToString(e.state));
        o.insert(u"answer_option", e.answerOption);
        o.insert(u"answer_label", answerLabel(e));
        o.insert(u"answer_text", e.answerText);
        o.insert(u"answered_by", e.answeredBy);
        o.insert(u"created_at", isoTime(e.createdAt));
        o.insert(u"answered_at", isoTime(e.answeredAt));
        escalations.append(o);
    }
    report.insert(u"escalations", escalations);
    return report;
}

QString ReportWriter::runReportMarkdown(const RunHistory &unindexed)
{
    const RunHistory history = indexed(unindexed);
    QString md;
    const QList<GoalRow> rows = goalRows(history);
    const Totals t = totals(rows);
    if (history.runs.isEmpty()) {
        md += tr("# Run report\n\n");
    } else {
        const RunRecord &run = history.runs.constFirst();
        md += tr("# Run report: %1 (%2)\n\n").arg(cell(run.name.isEmpty() ? run.id : run.name), run.id);
        if (!run.planFile.isEmpty())
            md += tr("- Plan: %1\n").arg(cell(run.planFile));
        md += tr("- Started: %1\n").arg(shortTime(run.startedAt));
        md += run.isFinished() ? tr("- Finished: %1\n").arg(shortTime(run.finishedAt)) : tr("- Finished: not yet\n");
        if (!run.summary.isEmpty()) {
            md += tr("- Wall time: %1 ms; agent time: %2 ms; speed-up: %3x; max parallel: %4\n")
                      .arg(run.summary.value(u"wall_ms").toInteger())
                      .arg(run.summary.value(u"agent_time_ms").toInteger())
                      .arg(run.summary.value(u"efficiency").toDouble(), 0, 'f', 2)
                      .arg(run.summary.value(u"max_parallel_reached").toInt());
        }
    }
    md += tr("- Goals: %1 total, %2 completed, %3 failed, %4 cancelled, %5 blocked, %6 interrupted, "
             "%7 in progress, %8 queued\n")
              .arg(t.goals)
              .arg(t.byState.value(QStringLiteral("completed")))
              .arg(t.byState.value(QStringLiteral("failed")))
              .arg(t.byState.value(QStringLiteral("cancelled")))
              .arg(t.byState.value(QStringLiteral("blocked")))
              .arg(t.byState.value(QStringLiteral("interrupted")))
              .arg(t.byState.value(QStringLiteral("in_progress")))
              .arg(t.byState.value(QStringLiteral("queued")));
    if (const int skipped = t.byState.value(QStringLiteral("skipped")); skipped > 0)
        md += tr("- Skipped (condition false): %1\n").arg(skipped);
    md += tr("- Attempts: %1\n").arg(t.attempts);
    md += tr("- Tokens: %1 in, %2 out\n").arg(t.inputTokens).arg(t.outputTokens);
    md += tr("- Cost: %1\n").arg(money(t.costUsd));

    md += tr("\n## Goals\n\n");
    md += tr("| Goal | Title | Profile | State | Attempts | Tokens | Cost | Result |\n");
    md += QStringLiteral("|---|---|---|---|---|---|---|---|\n");
    for (const GoalRow &row : rows) {
        const QString result = row.agent.state == AgentState::Completed || row.agent.error.isEmpty()
                                   ? row.agent.summary
                                   : tr("error: %1").arg(row.agent.error);
        md += QStringLiteral("| %1 | %2 | %3 | %4 | %5 | %6 | %7 | %8 |\n")
                  .arg(cell(row.goal.goal.id), cell(row.goal.goal.title),
                       cell(row.agent.profile.isEmpty() ? row.goal.goal.profile : row.agent.profile),
                       agentStateToString(row.agent.state))
                  .arg(row.attempts)
                  .arg(row.agent.tokens())
                  .arg(money(row.agent.costUsd), cell(result));
    }

    md += tr("\n## Escalations\n\n");
    if (history.escalations.isEmpty())
        md += tr("None.\n");
    for (const Escalation &e : history.escalations) {
        md += tr("- **%1** (goal %2, agent %3, %4, %5): %6\n")
                  .arg(e.id, cell(e.goalId), cell(e.agentId), escalationTriggerToString(e.trigger),
                       escalationStateToString(e.state), cell(e.question));
        if (e.state == Escalation::State::Answered)
            md += tr("  - Answer: %1 (by %2 at %3)\n")
                      .arg(cell(answerText(e)), cell(e.answeredBy), shortTime(e.answeredAt));
        else if (e.state == Escalation::State::Open)
            md += tr("  - Not answered yet\n");
        else
            md += tr("  - Closed without an answer (%1 at %2)\n")
                      .arg(cell(e.answeredBy.isEmpty() ? escalationStateToString(e.state) : e.answeredBy),
                           shortTime(e.answeredAt));
    }
    return md;
}

QString ReportWriter::activityLog(const RunHistory &unindexed)
{
    const RunHistory history = indexed(unindexed);
    struct Entry
    {
        QDateTime at;
        QString text;
        int rank = 1; // at the same time, an answer comes before what it caused (the agent resuming)
    };
    QList<Entry> entries;
    QHash<QString, int> lastAttempt;
    for (const TransitionRecord &t : history.transitions) {
        const QString goal = goalLabel(history, t.goalId, t.agentId);
        QString text;
        switch (t.state) {
        case AgentState::Queued:
            text = tr("%1 queued (agent %2)").arg(goal, t.agentId);
            break;
        case AgentState::Running: {
            const int previous = lastAttempt.value(t.agentId, 0);
            text = previous == t.attempt
                       ? tr("%1 resumed").arg(goal)
                       : tr("%1 started, attempt %2 (agent %3)").arg(goal).arg(t.attempt).arg(t.agentId);
            lastAttempt.insert(t.agentId, t.attempt);
            break;
        }
        case AgentState::WaitingForLock:
            text = tr("%1 waiting for a lock").arg(goal);
            break;
        case AgentState::Escalated:
            continue; // the escalation's own entry says more
        case AgentState::Paused:
            text = tr("%1 paused").arg(goal);
            break;
        case AgentState::Blocked:
            text = tr("%1 blocked: %2").arg(goal, cell(t.error));
            break;
        case AgentState::Interrupted:
            text = tr("%1 interrupted: %2").arg(goal, cell(t.error));
            break;
        case AgentState::Review:
            text = tr("%1 ready for review").arg(goal);
            break;
        case AgentState::Completed: {
            const std::optional<AgentStatus> agent = history.agent(t.agentId);
            const QString summary = agent && agent->state == AgentState::Completed ? agent->summary : QString();
            text = summary.isEmpty() ? tr("%1 completed").arg(goal) : tr("%1 completed: %2").arg(goal, cell(summary));
            break;
        }
        case AgentState::Failed:
            text = tr("%1 failed: %2").arg(goal, cell(t.error));
            break;
        case AgentState::Cancelled:
            text = tr("%1 cancelled").arg(goal);
            break;
        case AgentState::Skipped: {
            const std::optional<AgentStatus> agent = history.agent(t.agentId);
            const QString reason = agent && agent->state == AgentState::Skipped ? agent->summary : QString();
            text = reason.isEmpty() ? tr("%1 skipped").arg(goal) : tr("%1 %2").arg(goal, cell(reason));
            break;
        }
        }
        entries.append({t.at, text});
    }
    for (const Escalation &e : history.escalations) {
        const QString goal = goalLabel(history, e.goalId, e.agentId);
        entries.append(
            {e.createdAt,
             tr("%1 escalated %2 (%3): %4").arg(goal, e.id, escalationTriggerToString(e.trigger), cell(e.question))});
        if (e.state == Escalation::State::Answered)
            entries.append(
                {e.answeredAt, tr("%1 answered by %2: %3").arg(e.id, cell(e.answeredBy), cell(answerText(e))), 0});
        else if (e.state != Escalation::State::Open)
            entries.append({e.answeredAt, tr("%1 %2").arg(e.id, escalationStateToString(e.state)), 0});
    }
    std::stable_sort(entries.begin(), entries.end(),
                     [](const Entry &a, const Entry &b) { return a.at != b.at ? a.at < b.at : a.rank < b.rank; });

    QString md;
    if (history.runs.isEmpty()) {
        md += tr("# Activity\n");
    } else {
        const RunRecord &run = history.runs.constFirst();
        md += tr("# Activity: %1 (%2)\n").arg(cell(run.name.isEmpty() ? run.id : run.name), run.id);
    }
    QString day;
    for (const Entry &entry : std::as_const(entries)) {
        const QDateTime at = entry.at.toUTC();
        const QString entryDay = at.isValid() ? at.toString(QStringLiteral("yyyy-MM-dd")) : tr("undated");
        if (entryDay != day) {
            md += QStringLiteral("\n## %1\n\n").arg(entryDay);
            day = entryDay;
        }
        md += QStringLiteral("- %1 %2\n")
                  .arg(at.isValid() ? at.toString(QStringLiteral("HH:mm:ss")) : QString(), entry.text);
    }
    return md;
}

QString ReportWriter::projectStateYaml(const RunHistory &unindexed)
{
    const RunHistory history = indexed(unindexed);
    const QList<GoalRow> rows = goalRows(history);
    const Totals t = totals(rows);
    const auto time = [](const QDateTime &at) { return at.isValid() ? str(at.toUTC().toString(Qt::ISODate)) : ""; };

    YAML::Emitter out;
    out << YAML::BeginMap;
    if (!history.runs.isEmpty()) {
        const RunRecord &run = history.runs.constFirst();
        out << YAML::Key << "run" << YAML::Value << YAML::BeginMap;
        out << YAML::Key << "id" << YAML::Value << str(run.id);
        out << YAML::Key << "name" << YAML::Value << str(run.name);
        out << YAML::Key << "plan_file" << YAML::Value << str(run.planFile);
        out << YAML::Key << "state" << YAML::Value << (run.isFinished() ? "finished" : "unfinished");
        out << YAML::Key << "started_at" << YAML::Value << time(run.startedAt);
        out << YAML::Key << "finished_at" << YAML::Value;
        if (run.isFinished())
            out << time(run.finishedAt);
        else
            out << YAML::Null;
        out << YAML::EndMap;
    }
    out << YAML::Key << "totals" << YAML::Value << YAML::BeginMap;
    out << YAML::Key << "goals" << YAML::Value << t.goals;
    for (const QString &key : {QStringLiteral("completed"), QStringLiteral("failed"), QStringLiteral("cancelled"),
                               QStringLiteral("blocked"), QStringLiteral("skipped"), QStringLiteral("interrupted"),
                               QStringLiteral("in_progress"), QStringLiteral("queued")})
        out << YAML::Key << str(key) << YAML::Value << t.byState.value(key);
    out << YAML::Key << "attempts" << YAML::Value << t.attempts;
    out << YAML::Key << "tokens" << YAML::Value << (t.inputTokens + t.outputTokens);
    out << YAML::Key << "cost_usd" << YAML::Value << t.costUsd;
    out << YAML::EndMap;

    out << YAML::Key << "goals" << YAML::Value << YAML::BeginSeq;
    for (const GoalRow &row : rows) {
        const Goal &goal = row.goal.goal;
        out << YAML::BeginMap;
        out << YAML::Key << "id" << YAML::Value << str(goal.id);
        out << YAML::Key << "title" << YAML::Value << str(goal.title);
        out << YAML::Key << "state" << YAML::Value << str(agentStateToString(row.agent.state));
        out << YAML::Key << "priority" << YAML::Value << str(priorityToString(goal.priority));
        out << YAML::Key << "profile" << YAML::Value
            << str(row.agent.profile.isEmpty() ? goal.profile : row.agent.profile);
        out << YAML::Key << "agent" << YAML::Value << str(row.goal.agentId);
        out << YAML::Key << "attempts" << YAML::Value << row.attempts;
        out << YAML::Key << "depends_on" << YAML::Value << YAML::Flow << YAML::BeginSeq;
        for (const QString &dependency : goal.dependsOn)
            out << str(dependency);
        out << YAML::EndSeq;
        out << YAML::Key << "tokens" << YAML::Value << row.agent.tokens();
        out << YAML::Key << "cost_usd" << YAML::Value << row.agent.costUsd;
        out << YAML::Key << "summary" << YAML::Value << str(row.agent.summary);
        out << YAML::Key << "error" << YAML::Value << str(row.agent.error);
        out << YAML::EndMap;
    }
    out << YAML::EndSeq;

    out << YAML::Key << "escalations" << YAML::Value << YAML::BeginSeq;
    for (const Escalation &e : history.escalations) {
        out << YAML::BeginMap;
        out << YAML::Key << "id" << YAML::Value << str(e.id);
        out << YAML::Key << "goal" << YAML::Value << str(e.goalId);
        out << YAML::Key << "agent" << YAML::Value << str(e.agentId);
        out << YAML::Key << "state" << YAML::Value << str(escalationStateToString(e.state));
        out << YAML::Key << "question" << YAML::Value << str(e.question);
        out << YAML::Key << "answer" << YAML::Value << str(answerText(e));
        out << YAML::EndMap;
    }
    out << YAML::EndSeq;
    out << YAML::EndMap;
    return QString::fromUtf8(out.c_str()) + QLatin1Char('\n');
}

std::optional<ReportWriter::Format> ReportWriter::formatFromName(QStringView name)
{
    if (name == u"md")
        return Format::Markdown;
    if (name == u"json")
        return Format::Json;
    if (name == u"activity")
        return Format::Activity;
    if (name == u"state")
        return Format::State;
    return std::nullopt;
}

QByteArray ReportWriter::render(const RunHistory &history, Format format)
{
    switch (format) {
    case Format::Markdown:
        return runReportMarkdown(history).toUtf8();
    case Format::Json:
        return QJsonDocument(runReportJson(history)).toJson(QJsonDocument::Indented);
    case Format::Activity:
        return activityLog(history).toUtf8();
    case Format::State:
        return projectStateYaml(history).toUtf8();
    }
    return {};
}

} // namespace switchboard
