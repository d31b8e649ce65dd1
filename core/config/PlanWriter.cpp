#include "PlanWriter.h"

#include "YamlExecutor.h"

#include <QRegularExpression>

#include <yaml-cpp/yaml.h>

namespace switchboard {

namespace {

std::string str(const QString &text)
{
    return text.toStdString();
}

// Text over one line is written as a literal block, so a description reads in the file as it was typed.
void writeText(YAML::Emitter &out, const char *key, const QString &text)
{
    out << YAML::Key << key << YAML::Value;
    if (text.contains(u'\n') && !text.contains(u'\r') && text == text.trimmed())
        out << YAML::Literal;
    out << str(text);
}

void writeList(YAML::Emitter &out, const char *key, const QStringList &items, bool flow)
{
    if (items.isEmpty())
        return;
    out << YAML::Key << key << YAML::Value;
    if (flow)
        out << YAML::Flow;
    out << YAML::BeginSeq;
    for (const QString &item : items)
        out << str(item);
    out << YAML::EndSeq;
}

void writeRetry(YAML::Emitter &out, const RetryPolicy &retry)
{
    out << YAML::Key << "retry" << YAML::Value << YAML::BeginMap;
    out << YAML::Key << "max_retries" << YAML::Value << retry.maxRetries;
    out << YAML::Key << "backoff_s" << YAML::Value << YAML::Flow << YAML::BeginSeq;
    for (const double seconds : retry.backoffS)
        out << seconds;
    out << YAML::EndSeq;
    out << YAML::Key << "jitter" << YAML::Value << retry.jitter;
    out << YAML::Key << "non_retryable" << YAML::Value << YAML::Flow << YAML::BeginSeq;
    for (const QString &kind : retry.nonRetryable)
        out << str(kind);
    out << YAML::EndSeq;
    out << YAML::EndMap;
}

// The keys of the pattern's kind in the order plans write them, leaving out the defaults a reader would not miss;
// keys of other kinds are not written (PlanLoader refuses them).
void writePattern(YAML::Emitter &out, const TeamPattern &team)
{
    const TeamPattern defaults;
    out << YAML::Key << "pattern" << YAML::Value << YAML::BeginMap;
    out << YAML::Key << "kind" << YAML::Value << str(teamKindToString(team.kind));
    switch (team.kind) {
    case TeamKind::Parallel:
        writeList(out, "profiles", team.profiles, true);
        break;
    case TeamKind::Supervisor:
        out << YAML::Key << "planner" << YAML::Value << str(team.planner);
        writeList(out, "workers", team.workers, true);
        if (team.mode != defaults.mode)
            out << YAML::Key << "mode" << YAML::Value << str(supervisorModeToString(team.mode));
        if (team.maxWorkersPerStep != defaults.maxWorkersPerStep)
            out << YAML::Key << "max_workers_per_step" << YAML::Value << team.maxWorkersPerStep;
        if (team.maxIterations != defaults.maxIterations)
            out << YAML::Key << "max_iterations" << YAML::Value << team.maxIterations;
        break;
    case TeamKind::Debate:
        writeList(out, "profiles", team.profiles, true);
        // Written even at the default: how long a debate goes on is what a reader of the plan wants to see.
        out << YAML::Key << "rounds" << YAML::Value << team.rounds;
        out << YAML::Key << "judge" << YAML::Value << str(team.judge);
        break;
    }
    if (team.minSuccessful)
        out << YAML::Key << "min_successful" << YAML::Value << *team.minSuccessful;
    if (team.format != defaults.format)
        out << YAML::Key << "format" << YAML::Value << str(teamFormatToString(team.format));
    out << YAML::EndMap;
}

void writeGoal(YAML::Emitter &out, const Goal &goal)
{
    out << YAML::BeginMap;
    out << YAML::Key << "id" << YAML::Value << str(goal.id);
    writeText(out, "title", goal.title);
    if (!goal.description.isEmpty())
        writeText(out, "description", goal.description);
    if (goal.priority != Priority::Medium)
        out << YAML::Key << "priority" << YAML::Value << str(priorityToString(goal.priority));
    writeList(out, "depends_on", goal.dependsOn, true);
    writeList(out, "capabilities", goal.capabilities, true);
    writeList(out, "resources", goal.resources, true);
    writeList(out, "success_criteria", goal.successCriteria, false);
    if (goal.deadline.isValid())
        out << YAML::Key << "deadline" << YAML::Value << str(goal.deadline.toUTC().toString(Qt::ISODate));
    if (!goal.profile.isEmpty())
        out << YAML::Key << "profile" << YAML::Value << str(goal.profile);
    if (goal.retry)
        writeRetry(out, *goal.retry);
    if (goal.isolation.mode)
        out << YAML::Key << "isolation" << YAML::Value << str(isolationModeToString(*goal.isolation.mode));
    if (!goal.isolation.repo.isEmpty())
        out << YAML::Key << "repo" << YAML::Value << str(goal.isolation.repo);
    if (!goal.isolation.baseBranch.isEmpty())
        out << YAML::Key << "base_branch" << YAML::Value << str(goal.isolation.baseBranch);
    if (!goal.isolation.setup.isEmpty()) {
        out << YAML::Key << "setup" << YAML::Value << YAML::Flow << YAML::BeginSeq;
        for (const QString &arg : goal.isolation.setup)
            out << str(arg);
        out << YAML::EndSeq;
    }
    if (!goal.followUpOf.isEmpty())
        out << YAML::Key << "follow_up_of" << YAML::Value << str(goal.followUpOf);
    if (goal.when) {
        out << YAML::Key << "when" << YAML::Value << YAML::Flow << YAML::BeginMap;
        out << YAML::Key << "goal" << YAML::Value << str(goal.when->goal);
        if (goal.when->test == GoalCondition::Test::ResultContains)
            out << YAML::Key << "result_contains" << YAML::Value << YAML::DoubleQuoted << str(goal.when->text);
        else
            out << YAML::Key << "succeeded" << YAML::Value << goal.when->succeeded;
        out << YAML::EndMap;
    }
    if (goal.team)
        writePattern(out, *goal.team);
    if (goal.executor)
        yaml::writeExecutor(out, *goal.executor);
    if (goal.budget.isSet()) {
        out << YAML::Key << "budget" << YAML::Value << YAML::BeginMap;
        if (goal.budget.maxTokens > 0)
            out << YAML::Key << "max_tokens" << YAML::Value << goal.budget.maxTokens;
        if (goal.budget.maxCostUsd > 0.0)
            out << YAML::Key << "max_cost_usd" << YAML::Value << goal.budget.maxCostUsd;
        out << YAML::EndMap;
    }
    out << YAML::EndMap;
}

} // namespace

QByteArray PlanWriter::toYaml(const QString &name, const QString &description, const QList<Goal> &goals,
                              const QString &comment)
{
    YAML::Emitter out;
    out.SetIndent(2);
    out.SetSeqFormat(YAML::Block);
    out << YAML::BeginMap;
    if (!name.isEmpty())
        out << YAML::Key << "name" << YAML::Value << str(name);
    if (!description.isEmpty())
        writeText(out, "description", description);
    out << YAML::Key << "goals" << YAML::Value << YAML::BeginSeq;
    for (const Goal &goal : goals)
        writeGoal(out, goal);
    out << YAML::EndSeq;
    out << YAML::EndMap;

    QByteArray yaml;
    for (const QString &line : comment.split(u'\n', Qt::SkipEmptyParts))
        yaml += "# " + line.trimmed().toUtf8() + '\n';
    // yaml-cpp writes a literal block as "|", which keeps a final newline the text never had; "|-" strips it.
    // A plain "|" value is always quoted by the emitter, so a line ending in ": |" is one of these blocks.
    static const QRegularExpression literal(QStringLiteral("^(\\s*(?:- )?(?:title|description)): \\|$"),
                                            QRegularExpression::MultilineOption);
    QString text = QString::fromUtf8(out.c_str(), static_cast<qsizetype>(out.size()));
    text.replace(literal, QStringLiteral("\\1: |-"));
    yaml += text.toUtf8();
    yaml += '\n';
    return yaml;
}

} // namespace switchboard
