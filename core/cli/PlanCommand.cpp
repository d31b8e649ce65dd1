#include "PlanCommand.h"

#include "Cli.h"
#include "Console.h"
#include "config/PlanLoader.h"
#include "config/PlanWriter.h"
#include "orchestration/Scheduler.h"
#include "planning/AiPlanner.h"
#include "session/RunSession.h"

#include <QCommandLineParser>
#include <QFileInfo>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSaveFile>
#include <QTextStream>

#include <cstdio>

namespace switchboard {

namespace {

QString profileNames(const QList<AgentProfile> &profiles)
{
    QStringList names;
    for (const AgentProfile &profile : profiles)
        names << profile.name;
    return names.join(QStringLiteral(", "));
}

// The plan's name: the objective's first line, short enough to read in a title bar.
QString nameFor(const QString &objective)
{
    return Goal::defaultTitle(objective, QStringLiteral("AI plan"));
}

// The members a team goal will have, as far as the plan says: parallel, one per profile; debate, every participant
// in every round, then the judge; supervisor, the planner and its workers (which steps they get is decided while the
// team runs, so no steps are listed).
QList<TeamMember> plannedMembers(const Goal &goal)
{
    QList<TeamMember> members;
    const TeamPattern &team = *goal.team;
    const auto add = [&members, &goal](TeamMember::Role role, const QString &profile, int round = 0) {
        TeamMember member;
        member.team = goal.id;
        member.role = role;
        member.profile = profile;
        member.round = round;
        members << member;
    };
    switch (team.kind) {
    case TeamKind::Parallel:
        for (const QString &profile : team.profiles)
            add(TeamMember::Role::Member, profile);
        break;
    case TeamKind::Debate:
        for (int round = 1; round <= team.rounds; ++round) {
            for (const QString &profile : team.profiles)
                add(TeamMember::Role::Participant, profile, round);
        }
        add(TeamMember::Role::Judge, team.judge);
        break;
    case TeamKind::Supervisor:
        add(TeamMember::Role::Planner, team.planner);
        for (const QString &worker : team.workers)
            add(TeamMember::Role::Worker, worker);
        break;
    }
    return members;
}

QJsonArray membersJson(const Goal &goal)
{
    QJsonArray out;
    for (const TeamMember &member : plannedMembers(goal)) {
        QJsonObject o{{QStringLiteral("role"), TeamMember::roleToString(member.role)},
                      {QStringLiteral("profile"), member.profile}};
        if (member.round > 0)
            o.insert(u"round", member.round);
        out.append(o);
    }
    return out;
}

// The lines under a team goal in the plain output, one per planned member (a supervisor: its planner and workers).
QStringList memberLines(const Goal &goal)
{
    const TeamPattern &team = *goal.team;
    if (team.kind != TeamKind::Supervisor) {
        QStringList lines;
        for (const TeamMember &member : plannedMembers(goal))
            lines << member.label();
        return lines;
    }
    return {QStringLiteral("planner \u00b7 %1 (up to %2, then the synthesis)")
                .arg(team.planner, team.maxIterations == 1 ? QStringLiteral("1 iteration")
                                                           : QStringLiteral("%1 iterations").arg(team.maxIterations)),
            QStringLiteral("workers \u00b7 %1 (steps decided at run time, up to %2 at once)")
                .arg(team.workers.join(QStringLiteral(", ")))
                .arg(team.maxWorkersPerStep)};
}

} // namespace

PlanCommand::PlanCommand()
    : Command(QStringLiteral("plan"), QStringLiteral("show a plan's phases and goals, or make one with AI"),
              Positional::AnyFiles, QStringLiteral("plan takes exactly one FILE (or --objective TEXT)"),
              {{QStringLiteral("json"), QString()},
               {QStringLiteral("config"), QString(), QStringLiteral("file")},
               {QStringLiteral("objective"), QString(), QStringLiteral("text")},
               {QStringLiteral("profile"), QString(), QStringLiteral("name")},
               {QStringLiteral("out"), QString(), QStringLiteral("file")}})
{}

int PlanCommand::executeParsed(const QCommandLineParser &parser)
{
    if (parser.isSet(QStringLiteral("objective")))
        return planObjective(parser);
    if (parser.positionalArguments().size() != 2)
        return printUsageError(usageErrorText());
    for (const char *option : {"profile", "out"}) {
        if (parser.isSet(QString::fromLatin1(option)))
            return printUsageError(QStringLiteral("plan: --%1 goes with --objective").arg(QLatin1String(option)));
    }
    return showPlan(parser);
}

int PlanCommand::planObjective(const QCommandLineParser &parser)
{
    if (parser.positionalArguments().size() != 1)
        return printUsageError(QStringLiteral("plan --objective takes no FILE (--out FILE writes the plan)"));
    if (parser.isSet(QStringLiteral("json")))
        return printUsageError(QStringLiteral("plan --objective prints a plan file; --json goes with plan FILE"));
    const QString objective = parser.value(QStringLiteral("objective")).trimmed();
    if (objective.isEmpty())
        return printUsageError(QStringLiteral("plan --objective: the objective is empty"));

    RunSession session;
    if (!loadConfig(session, parser.value(QStringLiteral("config"))))
        return Cli::InvalidInput;
    const Config &config = session.config();
    Console::printWarnings(config.warnings);

    const QList<AgentProfile> planners = AiPlanner::plannerProfiles(config.profiles);
    const QString wanted = parser.value(QStringLiteral("profile")).trimmed();
    const AgentProfile *planner = nullptr;
    if (!wanted.isEmpty()) {
        planner = config.profile(wanted);
        if (!planner) {
            Console::printError(
                QStringLiteral("error: no profile '%1' (known: %2)").arg(wanted, profileNames(config.profiles)));
            return Cli::InvalidInput;
        }
        if (!AiPlanner::canPlan(*planner)) {
            Console::printError(
                QStringLiteral("error: profile '%1' cannot plan: its backend is '%2'; a planner "
                               "needs an LLM profile (backend openai or anthropic)%3")
                    .arg(wanted, planner->backend,
                         planners.isEmpty() ? QString() : QStringLiteral(" such as: %1").arg(profileNames(planners))));
            return Cli::InvalidInput;
        }
    } else if (planners.size() == 1) {
        planner = &planners.first();
    } else {
        Console::printError(
            planners.isEmpty()
                ? QStringLiteral("error: no LLM profile to plan with: add a profile with a model (e.g. `model: "
                                 "gpt-4o` or `backend: anthropic`) to %1")
                      .arg(config.file.isEmpty() ? QStringLiteral("the config") : config.file)
                : QStringLiteral("error: choose the profile that plans with --profile NAME: %1")
                      .arg(profileNames(planners)));
        return Cli::InvalidInput;
    }

    Console::printError(
        QStringLiteral("Planning with profile '%1'%2…")
            .arg(planner->name, planner->model.isEmpty() ? QString() : QStringLiteral(" (%1)").arg(planner->model)));
    AiPlanner ai(*planner, config.profiles);
    const AiPlanResult result = ai.plan(objective);
    const auto usage = [&result] {
        if (result.usage.inputTokens == 0 && result.usage.outputTokens == 0)
            return;
        QString line = QStringLiteral("usage: %1 input + %2 output tokens")
                           .arg(result.usage.inputTokens)
                           .arg(result.usage.outputTokens);
        if (result.costUsd > 0) // a profile without pricing costs nothing it knows of
            line += QStringLiteral(", $%1").arg(result.costUsd, 0, 'f', 4);
        Console::printError(line);
    };
    if (result.status == AiPlanResult::Status::Failed || result.status == AiPlanResult::Status::Cancelled) {
        Console::printError(QStringLiteral("error: %1").arg(result.error));
        return Cli::PlanNotMade;
    }
    usage();

    QList<GoalProblem> problems = result.draft.problems;
    QByteArray yaml;
    if (problems.isEmpty()) {
        yaml = PlanWriter::toYaml(nameFor(objective), objective, result.draft.goals,
                                  QStringLiteral("Planned by Switchboard with profile '%1'%2.")
                                      .arg(planner->name, result.model.isEmpty()
                                                              ? QString()
                                                              : QStringLiteral(" (model %1)").arg(result.model)));
        // The file must load as any plan does; anything the loader refuses is one more reason to refuse it.
        ConfigError loadError;
        if (!PlanLoader::loadString(yaml, QStringLiteral("<planned>"), config, &loadError)) {
            GoalProblem unloadable;
            unloadable.reason = QStringLiteral("the plan does not load: %1").arg(loadError.message);
            problems << unloadable;
        }
    }
    if (!problems.isEmpty()) {
        Console::printError(QStringLiteral("error: the model's plan cannot be used (%1):")
                                .arg(problems.size() == 1 ? QStringLiteral("1 problem")
                                                          : QStringLiteral("%1 problems").arg(problems.size())));
        for (const GoalProblem &problem : problems)
            Console::printError(QStringLiteral("  %1").arg(problem.detail()));
        Console::printError(QStringLiteral("hint: run the command again to ask for a new plan"));
        return Cli::PlanNotMade;
    }

    const QString out = parser.value(QStringLiteral("out"));
    if (out.isEmpty()) {
        QTextStream(stdout) << QString::fromUtf8(yaml);
        return Cli::Success;
    }
    QSaveFile file(out);
    if (!file.open(QIODevice::WriteOnly) || file.write(yaml) != yaml.size() || !file.commit()) {
        Console::printError(QStringLiteral("error: %1: cannot write the plan: %2").arg(out, file.errorString()));
        return Cli::InvalidInput;
    }
    Console::printError(QStringLiteral("Wrote %1: %2 goals in %3 phases")
                            .arg(out)
                            .arg(result.draft.goals.size())
                            .arg(Scheduler::phases(result.draft.goals).size()));
    return Cli::Success;
}

int PlanCommand::showPlan(const QCommandLineParser &parser)
{
    RunSession session;
    const std::optional<Plan> plan =
        loadPlan(session, parser.positionalArguments().at(1), parser.value(QStringLiteral("config")));
    if (!plan)
        return Cli::InvalidInput;

    QHash<QString, const Goal *> byId;
    for (const Goal &g : plan->goals)
        byId.insert(g.id, &g);
    const QList<QStringList> phases = Scheduler::phases(plan->goals);

    QTextStream out(stdout);
    if (parser.isSet(QStringLiteral("json"))) {
        QJsonArray jsonPhases;
        for (int i = 0; i < phases.size(); ++i) {
            QJsonArray goals;
            for (const QString &id : phases.at(i)) {
                const Goal *g = byId.value(id);
                QJsonObject o;
                o.insert(u"id", g->id);
                o.insert(u"title", g->title);
                o.insert(u"priority", priorityToString(g->priority));
                o.insert(u"profile", g->profile);
                o.insert(u"depends_on", QJsonArray::fromStringList(g->dependsOn));
                if (g->when)
                    o.insert(u"when", g->when->toJson());
                if (g->team) {
                    o.insert(u"pattern", g->team->toJson());
                    o.insert(u"members", membersJson(*g));
                }
                goals.append(o);
            }
            jsonPhases.append(QJsonObject{{QStringLiteral("phase"), i + 1}, {QStringLiteral("goals"), goals}});
        }
        const QJsonObject root{{QStringLiteral("name"), plan->name},
                               {QStringLiteral("file"), QFileInfo(plan->file).absoluteFilePath()},
                               {QStringLiteral("goals"), static_cast<int>(plan->goals.size())},
                               {QStringLiteral("phases"), jsonPhases}};
        out << QString::fromUtf8(QJsonDocument(root).toJson(QJsonDocument::Compact)) << '\n';
        return Cli::Success;
    }
    out << QStringLiteral("Plan: %1 (%2 goals in %3 phases)\n")
               .arg(plan->name)
               .arg(plan->goals.size())
               .arg(phases.size());
    for (int i = 0; i < phases.size(); ++i) {
        out << QStringLiteral("\nPhase %1\n").arg(i + 1);
        for (const QString &id : phases.at(i)) {
            const Goal *g = byId.value(id);
            QString line =
                QStringLiteral("  %1  %2  [%3]").arg(g->id, -20).arg(g->title).arg(priorityToString(g->priority));
            if (!g->profile.isEmpty())
                line += QStringLiteral("  profile: %1").arg(g->profile);
            if (!g->dependsOn.isEmpty())
                line += QStringLiteral("  after: %1").arg(g->dependsOn.join(QStringLiteral(", ")));
            if (g->when)
                line += QStringLiteral("  when: %1").arg(g->when->describe());
            if (g->team)
                line += QStringLiteral("  team: %1").arg(g->team->describe());
            out << line << '\n';
            if (g->team) {
                for (const QString &member : memberLines(*g))
                    out << QStringLiteral("      %1\n").arg(member);
            }
        }
    }
    return Cli::Success;
}

} // namespace switchboard
