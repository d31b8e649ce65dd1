#include "StatusCommand.h"

#include "Cli.h"
#include "Console.h"
#include "persistence/Store.h"
#include "session/RunSession.h"

#include <QCommandLineParser>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTextStream>

#include <cstdio>

namespace switchboard {

StatusCommand::StatusCommand()
    : Command(QStringLiteral("status"), QStringLiteral("the goals and agents of the latest run"), Positional::None,
              QStringLiteral("status takes no FILE"),
              {{QStringLiteral("json"), QString()},
               {QStringLiteral("check"), QString()},
               {QStringLiteral("config"), QString(), QStringLiteral("file")},
               {QStringLiteral("db"), QString(), QStringLiteral("path")},
               {QStringLiteral("run"), QString(), QStringLiteral("id")}})
{}

int StatusCommand::executeParsed(const QCommandLineParser &parser)
{
    RunSession session;
    if (!openStoreReadOnly(session, parser))
        return Cli::InvalidInput;
    std::optional<RunRecord> run;
    if (!pickRun(session.store(), parser, QString(), &run)) // no run at all is not an error here
        return Cli::InvalidInput;
    StoreSnapshot snapshot;
    if (run) {
        QString error;
        snapshot = session.store().load(run->id, &error);
        if (!error.isEmpty()) {
            Console::printError(QStringLiteral("error: %1: %2").arg(session.store().path(), error));
            return Cli::InvalidInput;
        }
    }
    QHash<QString, AgentStatus> agents;
    for (const AgentStatus &a : std::as_const(snapshot.agents))
        agents.insert(a.agentId, a);

    QTextStream out(stdout);
    if (parser.isSet(QStringLiteral("json"))) {
        QJsonArray goals;
        for (const GoalRecord &g : std::as_const(snapshot.goals)) {
            const AgentStatus a = agents.value(g.agentId);
            goals.append(QJsonObject{
                {QStringLiteral("id"), g.goal.id},
                {QStringLiteral("title"), g.goal.title},
                {QStringLiteral("state"), agentStateToString(a.agentId.isEmpty() ? AgentState::Queued : a.state)},
                {QStringLiteral("attempts"), a.attempt},
                {QStringLiteral("tokens"), a.tokens()},
                {QStringLiteral("cost_usd"), a.costUsd},
                {QStringLiteral("error"), a.error},
                {QStringLiteral("agent"), g.agentId}});
        }
        QJsonArray agentArray;
        for (const AgentStatus &a : std::as_const(snapshot.agents)) {
            agentArray.append(
                QJsonObject{{QStringLiteral("id"), a.agentId},
                            {QStringLiteral("name"), a.name},
                            {QStringLiteral("goal"), a.goalId},
                            {QStringLiteral("profile"), a.profile},
                            {QStringLiteral("state"), agentStateToString(a.state)},
                            {QStringLiteral("attempt"), a.attempt},
                            {QStringLiteral("tokens"), a.tokens()},
                            {QStringLiteral("cost_usd"), a.costUsd},
                            {QStringLiteral("error"), a.error},
                            // Where its latest attempt ran (issue 19) and the executor's id for it.
                            {QStringLiteral("executor"), a.executor.isEmpty() ? QStringLiteral("local") : a.executor},
                            {QStringLiteral("external_id"), a.externalId}});
        }
        QJsonValue runJson;
        if (run) {
            runJson = QJsonObject{{QStringLiteral("id"), run->id},
                                  {QStringLiteral("name"), run->name},
                                  {QStringLiteral("plan_file"), run->planFile},
                                  {QStringLiteral("started_at"), run->startedAt.toString(Qt::ISODateWithMs)},
                                  {QStringLiteral("finished"), run->isFinished()}};
        }
        const QJsonObject root{
            {QStringLiteral("run"), runJson}, {QStringLiteral("goals"), goals}, {QStringLiteral("agents"), agentArray}};
        out << QString::fromUtf8(QJsonDocument(root).toJson(QJsonDocument::Compact)) << '\n';
        return Cli::Success;
    }
    if (!run) {
        out << QStringLiteral("No runs recorded in %1\n").arg(session.store().path());
        return Cli::Success;
    }
    out << QStringLiteral("Run %1 '%2'%3, started %4, %5\n")
               .arg(run->id, run->name,
                    run->planFile.isEmpty() ? QString() : QStringLiteral(" (%1)").arg(run->planFile),
                    run->startedAt.toString(Qt::ISODate),
                    run->isFinished() ? QStringLiteral("finished %1").arg(run->finishedAt.toString(Qt::ISODate))
                                      : QStringLiteral("not finished"));
    out << QStringLiteral("\n  %1 %2 %3 %4 %5 %6\n")
               .arg(QStringLiteral("GOAL"), -20)
               .arg(QStringLiteral("AGENT"), -8)
               .arg(QStringLiteral("STATE"), -15)
               .arg(QStringLiteral("ATTEMPTS"), 8)
               .arg(QStringLiteral("TOKENS"), 9)
               .arg(QStringLiteral("COST"), 9);
    for (const GoalRecord &g : std::as_const(snapshot.goals)) {
        const AgentStatus a = agents.value(g.agentId);
        QString line = QStringLiteral("  %1 %2 %3 %4 %5 %6")
                           .arg(g.goal.id, -20)
                           .arg(g.agentId, -8)
                           .arg(agentStateToString(a.agentId.isEmpty() ? AgentState::Queued : a.state), -15)
                           .arg(a.attempt, 8)
                           .arg(a.tokens(), 9)
                           .arg(QStringLiteral("$%1").arg(a.costUsd, 0, 'f', 4), 9);
        line += QStringLiteral("  %1").arg(g.goal.title);
        if (!a.error.isEmpty())
            line += QStringLiteral("  (%1)").arg(a.error);
        out << line << '\n';
    }
    return Cli::Success;
}

} // namespace switchboard
