#include "Cli.h"

#include "RunReporter.h"
#include "SignalWatcher.h"
#include "StdinAnswerReader.h"
#include "config/ConfigApplier.h"
#include "config/ConfigLoader.h"
#include "config/PlanLoader.h"
#include "config/RunSettings.h"
#include "orchestration/Orchestrator.h"
#include "orchestration/Scheduler.h"
#include "persistence/ReportWriter.h"
#include "persistence/Store.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTextStream>

#include <cstdio>
#include <unistd.h>

namespace switchboard {

namespace {

const QStringList &subcommands()
{
    static const QStringList names{QStringLiteral("plan"), QStringLiteral("run"), QStringLiteral("status"),
                                   QStringLiteral("resume"), QStringLiteral("report")};
    return names;
}

QString helpText()
{
    return QCoreApplication::translate(
               "Cli",
               "Usage: switchboard [options]                 open the dashboard\n"
               "       switchboard plan FILE [--json]         show a plan's phases and goals\n"
               "       switchboard run FILE [options]         run a plan headless\n"
               "       switchboard status [--db PATH] [--json]  the goals and agents of the latest run\n"
               "       switchboard resume [--db PATH] [options] continue an interrupted run headless until done\n"
               "       switchboard report [--db PATH] [--run ID] --format md|json|activity|state\n"
               "                                              a run's report, activity log or state\n"
               "\n"
               "Switchboard runs many AI agents in parallel: goals from forms or plan files are scheduled\n"
               "onto agents (LLM APIs, coding CLIs or any program) with dependencies, a concurrency cap and\n"
               "one place to watch them.\n"
               "\n"
               "Options (all commands):\n"
               "  --config FILE        config file (default: %1)\n"
               "  --db PATH            the database runs are recorded in (default: %2)\n"
               "  -h, --help           show this help\n"
               "  -v, --version        show the version\n"
               "\n"
               "Dashboard options:\n"
               "  --lang CODE          user interface language (e.g. de, fr, en)\n"
               "  --max-parallel N     override workflow.max_parallel\n"
               "  --db PATH            the database (the board of an unfinished run comes back; default as above)\n"
               "\n"
               "plan options:\n"
               "  --json               print the phases as JSON\n"
               "\n"
               "run options:\n"
               "  --max-parallel N     override workflow.max_parallel\n"
               "  --workspace DIR      directory agents work in (default: workflow.workspace or the current "
               "directory)\n"
               "  --mode MODE          dependency (default), phased, sequential, parallel or pipeline\n"
               "  --auto-answer first|fail  answer agents' questions unattended: the first option, or fail the agent\n"
               "                       (otherwise answers are read from stdin: 'e-1 OPTION [note]' or\n"
               "                       {\"type\":\"answer\",\"id\":\"e-1\",\"option\":\"...\",\"text\":\"...\"} per "
               "line)\n"
               "  --json               one JSON event per line on stdout\n"
               "\n"
               "resume options: --json, --auto-answer, --max-parallel, --workspace and --mode as for run;\n"
               "  --run ID             the run to continue (default: the latest). Agents that were running when\n"
               "                       Switchboard stopped start again as a new attempt; completed goals do not\n"
               "                       run again and answered questions are not asked again.\n"
               "\n"
               "status options:\n"
               "  --run ID             the run to show (default: the latest)\n"
               "  --json               {\"run\": {...}, \"goals\": "
               "[{\"id\",\"title\",\"state\",\"attempts\",\"tokens\",\n"
               "                       \"cost_usd\",\"error\"}], \"agents\": [...]}\n"
               "\n"
               "report options:\n"
               "  --run ID             the run to report (default: the latest)\n"
               "  --format md|json     Markdown or JSON: summary, per-goal outcome, cost, escalations and answers\n"
               "  --format activity    the activity log (activity_tracker.md style): every change, oldest first\n"
               "  --format state       the machine-readable state (project_state.yaml)\n"
               "\n"
               "Exit codes of run and resume: 0 all goals completed; 1 some failed, were cancelled or blocked;\n"
               "2 invalid input or the database is in use by another Switchboard (message on stderr);\n"
               "130 interrupted by SIGINT/SIGTERM (agents cancelled first).\n")
        .arg(ConfigLoader::defaultConfigPath(), Store::defaultPath());
}

void printErr(const QString &text)
{
    QTextStream err(stderr);
    err << text << '\n';
}

void printWarnings(const QList<ConfigError> &warnings)
{
    for (const ConfigError &w : warnings)
        printErr(QStringLiteral("warning: %1").arg(w.toString()));
}

std::optional<Plan> loadPlan(const QString &planPath, const QString &configPath)
{
    ConfigError error;
    const std::optional<Config> config = Cli::loadConfig(configPath, &error);
    if (!config) {
        printErr(QStringLiteral("error: %1").arg(error.toString()));
        return std::nullopt;
    }
    printWarnings(config->warnings);
    std::optional<Plan> plan = PlanLoader::loadFile(planPath, *config, &error);
    if (!plan) {
        printErr(QStringLiteral("error: %1").arg(error.toString()));
        return std::nullopt;
    }
    printWarnings(plan->warnings);
    return plan;
}

int planCommand(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.addPositionalArgument(QStringLiteral("plan"), QString());
    parser.addPositionalArgument(QStringLiteral("file"), QString());
    parser.addOption({QStringLiteral("json"), QString()});
    parser.addOption({QStringLiteral("config"), QString(), QStringLiteral("file")});
    if (!parser.parse(arguments)) {
        printErr(QStringLiteral("error: %1\n\n%2").arg(parser.errorText(), helpText()));
        return Cli::InvalidInput;
    }
    const QStringList positional = parser.positionalArguments();
    if (positional.size() != 2) {
        printErr(QStringLiteral("error: plan takes exactly one FILE\n\n%1").arg(helpText()));
        return Cli::InvalidInput;
    }
    const std::optional<Plan> plan = loadPlan(positional.at(1), parser.value(QStringLiteral("config")));
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
            out << line << '\n';
        }
    }
    return Cli::Success;
}

bool parseRunOptions(const QCommandLineParser &parser, int *maxParallel, QString *mode, QString *autoAnswer);

void addRunOptions(QCommandLineParser &parser)
{
    parser.addOption({QStringLiteral("json"), QString()});
    parser.addOption({QStringLiteral("config"), QString(), QStringLiteral("file")});
    parser.addOption({QStringLiteral("db"), QString(), QStringLiteral("path")});
    parser.addOption({QStringLiteral("max-parallel"), QString(), QStringLiteral("n")});
    parser.addOption({QStringLiteral("workspace"), QString(), QStringLiteral("dir")});
    parser.addOption({QStringLiteral("mode"), QString(), QStringLiteral("mode")});
    parser.addOption({QStringLiteral("auto-answer"), QString(), QStringLiteral("first|fail")});
}

QString databasePath(const QCommandLineParser &parser)
{
    const QString path = parser.value(QStringLiteral("db"));
    return path.isEmpty() ? Store::defaultPath() : path;
}

// One owner per database: a second writer is refused with the store's message (who holds it).
bool openStore(Store &store, const QCommandLineParser &parser)
{
    QString error;
    if (store.open(databasePath(parser), &error))
        return true;
    printErr(QStringLiteral("error: %1").arg(error));
    if (store.openFailedInUse())
        printErr(QStringLiteral("hint: `switchboard status --db %1` shows its progress read-only")
                     .arg(databasePath(parser)));
    return false;
}

bool openStoreReadOnly(Store &store, const QCommandLineParser &parser)
{
    QString error;
    if (store.openReadOnly(databasePath(parser), &error))
        return true;
    printErr(QStringLiteral("error: %1").arg(error));
    return false;
}

// The run with this id, or the latest one when id is empty.
std::optional<RunRecord> pickRun(const Store &store, const QString &id)
{
    const QList<RunRecord> runs = store.runs();
    if (runs.isEmpty())
        return std::nullopt;
    if (id.isEmpty())
        return runs.constLast();
    for (const RunRecord &run : runs) {
        if (run.id == id)
            return run;
    }
    return std::nullopt;
}

// The headless part of run and resume: events on stdout, answers from stdin (or --auto-answer), SIGINT/SIGTERM,
// then the summary and the exit code once every goal is final.
int runHeadless(Orchestrator &orchestrator, Store &store, bool json, const QString &autoAnswer, const QString &note,
                const std::function<bool()> &start)
{
    // Unattended: a goal out of retries fails instead of waiting for a human who is not there.
    orchestrator.setEscalateExhaustedRetries(autoAnswer.isEmpty());
    RunReporter reporter(&orchestrator, json ? RunReporter::Format::Json : RunReporter::Format::Text, stdout,
                         ::isatty(STDOUT_FILENO) == 1);
    if (!json)
        reporter.printNote(note);

    // Questions: answered automatically, from stdin, or (stdin closed) impossible to answer. Every answer goes
    // through the orchestrator, which records it before the agent gets it.
    StdinAnswerReader answers(&orchestrator, STDIN_FILENO);
    QObject::connect(&answers, &StdinAnswerReader::lineRejected, &orchestrator, [](int line, const QString &message) {
        printErr(QStringLiteral("error: stdin line %1: %2").arg(line).arg(message));
    });
    const auto unanswerable = [&orchestrator](const Escalation &e) {
        orchestrator.stopAgent(e.agentId,
                               QStringLiteral("question %1 cannot be answered: stdin is closed and --auto-answer "
                                              "is not set")
                                   .arg(e.id),
                               QStringLiteral("unanswered"));
    };
    QObject::connect(&orchestrator.inbox(), &EscalationInbox::escalationRaised, &orchestrator,
                     [&orchestrator, &answers, autoAnswer, unanswerable](const Escalation &e) {
                         if (!e.isOpen())
                             return;
                         if (autoAnswer == u"first") {
                             orchestrator.answer(e.id, e.options.isEmpty() ? QString() : e.options.first().key,
                                                 e.options.isEmpty() ? QStringLiteral("(auto-answered)") : QString(),
                                                 nullptr, QStringLiteral("auto-answer"));
                         } else if (autoAnswer == u"fail") {
                             orchestrator.stopAgent(
                                 e.agentId,
                                 QStringLiteral("question %1 failed the agent (--auto-answer fail)").arg(e.id),
                                 QStringLiteral("unanswered"));
                         } else if (answers.atEnd()) {
                             unanswerable(e);
                         }
                     });
    QObject::connect(&answers, &StdinAnswerReader::endOfInput, &orchestrator, [&orchestrator, unanswerable]() {
        for (const Escalation &e : orchestrator.inbox().open())
            unanswerable(e);
    });

    int interruptedBy = 0;
    SignalWatcher watcher;
    QObject::connect(&watcher, &SignalWatcher::terminationRequested, &orchestrator,
                     [&orchestrator, &interruptedBy](int signalNumber) {
                         if (interruptedBy != 0)
                             return;
                         interruptedBy = signalNumber;
                         orchestrator.pauseDispatch();
                         orchestrator.cancelAll();
                     });
    // Nothing can be recorded any more: stop instead of running unrecorded work.
    QObject::connect(&orchestrator, &Orchestrator::storageFailed, &orchestrator,
                     [&orchestrator](const QString &message) {
                         printErr(QStringLiteral("error: the database cannot be written: %1; stopping").arg(message));
                         orchestrator.cancelAll();
                     });

    if (!start())
        return Cli::InvalidInput;
    orchestrator.waitAll();
    // Deliver what is still queued (the last lock releases, answers) before the summary.
    QCoreApplication::processEvents();
    store.flush();
    QCoreApplication::processEvents();
    const RunSummary summary = orchestrator.summary();
    reporter.printSummary(summary);
    if (interruptedBy != 0)
        return Cli::Interrupted;
    return summary.allCompleted() ? Cli::Success : Cli::SomeGoalsDidNotComplete;
}

int runCommand(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.addPositionalArgument(QStringLiteral("run"), QString());
    parser.addPositionalArgument(QStringLiteral("file"), QString());
    addRunOptions(parser);
    if (!parser.parse(arguments)) {
        printErr(QStringLiteral("error: %1\n\n%2").arg(parser.errorText(), helpText()));
        return Cli::InvalidInput;
    }
    const QStringList positional = parser.positionalArguments();
    if (positional.size() != 2) {
        printErr(QStringLiteral("error: run takes exactly one FILE\n\n%1").arg(helpText()));
        return Cli::InvalidInput;
    }
    int maxParallel = 0;
    QString mode;
    QString autoAnswer;
    if (!parseRunOptions(parser, &maxParallel, &mode, &autoAnswer))
        return Cli::InvalidInput;
    const std::optional<Plan> plan = loadPlan(positional.at(1), parser.value(QStringLiteral("config")));
    if (!plan)
        return Cli::InvalidInput;
    Store store;
    if (!openStore(store, parser))
        return Cli::InvalidInput;
    Orchestrator orchestrator;
    applyConfig(orchestrator, plan->config, maxParallel, mode);
    orchestrator.setLogDirectory(sessionLogDirectory());
    if (parser.isSet(QStringLiteral("workspace")))
        orchestrator.setWorkspace(parser.value(QStringLiteral("workspace")));
    orchestrator.setStore(&store);
    orchestrator.setRunName(plan->name, QFileInfo(plan->file).absoluteFilePath());
    orchestrator.setRunSettings(RunSettings::fromPlan(*plan).toJson());

    const QString note = QStringLiteral("Running plan '%1': %2 goals, max %3 in parallel")
                             .arg(plan->name)
                             .arg(plan->goals.size())
                             .arg(orchestrator.maxParallel());
    const QList<Goal> goals = plan->goals;
    const QString planFile = plan->file;
    return runHeadless(orchestrator, store, parser.isSet(QStringLiteral("json")), autoAnswer, note,
                       [&orchestrator, goals, planFile] {
                           QString error;
                           if (orchestrator.spawnParallel(goals, &error).isEmpty() && !goals.isEmpty()) {
                               printErr(QStringLiteral("error: %1: %2").arg(planFile, error));
                               return false;
                           }
                           return true;
                       });
}

// Options run and resume share; false (message printed) when one is invalid.
bool parseRunOptions(const QCommandLineParser &parser, int *maxParallel, QString *mode, QString *autoAnswer)
{
    *maxParallel = 0;
    if (parser.isSet(QStringLiteral("max-parallel"))) {
        bool ok = false;
        *maxParallel = parser.value(QStringLiteral("max-parallel")).toInt(&ok);
        if (!ok || *maxParallel < 1) {
            printErr(QStringLiteral("error: --max-parallel: expected a whole number of at least 1, got '%1'")
                         .arg(parser.value(QStringLiteral("max-parallel"))));
            return false;
        }
    }
    *mode = parser.value(QStringLiteral("mode"));
    if (!mode->isEmpty() && !Scheduler::modeFromString(*mode)) {
        printErr(QStringLiteral("error: --mode: unknown mode '%1' (expected dependency, phased, sequential, parallel "
                                "or pipeline)")
                     .arg(*mode));
        return false;
    }
    *autoAnswer = parser.value(QStringLiteral("auto-answer"));
    if (!autoAnswer->isEmpty() && *autoAnswer != u"first" && *autoAnswer != u"fail") {
        printErr(QStringLiteral("error: --auto-answer: expected first or fail, got '%1'").arg(*autoAnswer));
        return false;
    }
    return true;
}

int resumeCommand(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.addPositionalArgument(QStringLiteral("resume"), QString());
    addRunOptions(parser);
    parser.addOption({QStringLiteral("run"), QString(), QStringLiteral("id")});
    if (!parser.parse(arguments)) {
        printErr(QStringLiteral("error: %1\n\n%2").arg(parser.errorText(), helpText()));
        return Cli::InvalidInput;
    }
    if (parser.positionalArguments().size() != 1) {
        printErr(QStringLiteral("error: resume takes no FILE (the run's plan is recorded)\n\n%1").arg(helpText()));
        return Cli::InvalidInput;
    }
    int maxParallel = 0;
    QString mode;
    QString autoAnswer;
    if (!parseRunOptions(parser, &maxParallel, &mode, &autoAnswer))
        return Cli::InvalidInput;
    Store store;
    if (!openStore(store, parser))
        return Cli::InvalidInput;
    const std::optional<RunRecord> run = pickRun(store, parser.value(QStringLiteral("run")));
    if (!run) {
        printErr(parser.isSet(QStringLiteral("run"))
                     ? QStringLiteral("error: %1: no run '%2'").arg(store.path(), parser.value(QStringLiteral("run")))
                     : QStringLiteral("error: %1: no run to resume").arg(store.path()));
        return Cli::InvalidInput;
    }
    // The run's own profiles: the config and plan text stored with it; for runs recorded before settings were
    // stored, its plan's config when the plan is still there, else the config file.
    const RunSettings settings = RunSettings::fromJson(run->settings);
    std::optional<Config> config;
    if (!settings.isEmpty()) {
        ConfigError error;
        config = settings.effectiveConfig(&error);
        if (!config) {
            printErr(
                QStringLiteral("error: run %1's stored settings no longer load: %2").arg(run->id, error.toString()));
            return Cli::InvalidInput;
        }
    } else if (!run->planFile.isEmpty() && QFileInfo::exists(run->planFile)) {
        const std::optional<Plan> plan = loadPlan(run->planFile, parser.value(QStringLiteral("config")));
        if (!plan)
            return Cli::InvalidInput;
        config = plan->config;
    } else {
        ConfigError error;
        config = Cli::loadConfig(parser.value(QStringLiteral("config")), &error);
        if (!config) {
            printErr(QStringLiteral("error: %1").arg(error.toString()));
            return Cli::InvalidInput;
        }
    }
    QString loadError;
    const StoreSnapshot snapshot = store.load(run->id, &loadError);
    if (!loadError.isEmpty()) {
        printErr(QStringLiteral("error: %1: %2").arg(store.path(), loadError));
        return Cli::InvalidInput;
    }
    Orchestrator orchestrator;
    if (!settings.isEmpty()) {
        ConfigError error;
        applyRunSettings(orchestrator, settings, maxParallel, mode, &error); // loaded above: cannot fail here
    } else {
        applyConfig(orchestrator, *config, maxParallel, mode);
    }
    orchestrator.setLogDirectory(sessionLogDirectory());
    if (parser.isSet(QStringLiteral("workspace")))
        orchestrator.setWorkspace(parser.value(QStringLiteral("workspace")));
    orchestrator.setStore(&store);
    const QString note = QStringLiteral("Resuming run %1 '%2': %3 goals, max %4 in parallel")
                             .arg(run->id, run->name)
                             .arg(snapshot.goals.size())
                             .arg(orchestrator.maxParallel());
    return runHeadless(orchestrator, store, parser.isSet(QStringLiteral("json")), autoAnswer, note,
                       [&orchestrator, &snapshot] {
                           QString error;
                           if (!orchestrator.restore(snapshot, true, &error)) {
                               printErr(QStringLiteral("error: %1").arg(error));
                               return false;
                           }
                           return true;
                       });
}

int statusCommand(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.addPositionalArgument(QStringLiteral("status"), QString());
    parser.addOption({QStringLiteral("json"), QString()});
    parser.addOption({QStringLiteral("config"), QString(), QStringLiteral("file")});
    parser.addOption({QStringLiteral("db"), QString(), QStringLiteral("path")});
    parser.addOption({QStringLiteral("run"), QString(), QStringLiteral("id")});
    if (!parser.parse(arguments) || parser.positionalArguments().size() != 1) {
        printErr(QStringLiteral("error: %1\n\n%2")
                     .arg(parser.errorText().isEmpty() ? QStringLiteral("status takes no FILE") : parser.errorText(),
                          helpText()));
        return Cli::InvalidInput;
    }
    Store store;
    if (!openStoreReadOnly(store, parser))
        return Cli::InvalidInput;
    const std::optional<RunRecord> run = pickRun(store, parser.value(QStringLiteral("run")));
    if (!run && parser.isSet(QStringLiteral("run"))) {
        printErr(QStringLiteral("error: %1: no run '%2'").arg(store.path(), parser.value(QStringLiteral("run"))));
        return Cli::InvalidInput;
    }
    StoreSnapshot snapshot;
    if (run) {
        QString error;
        snapshot = store.load(run->id, &error);
        if (!error.isEmpty()) {
            printErr(QStringLiteral("error: %1: %2").arg(store.path(), error));
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
            agentArray.append(QJsonObject{{QStringLiteral("id"), a.agentId},
                                          {QStringLiteral("name"), a.name},
                                          {QStringLiteral("goal"), a.goalId},
                                          {QStringLiteral("profile"), a.profile},
                                          {QStringLiteral("state"), agentStateToString(a.state)},
                                          {QStringLiteral("attempt"), a.attempt},
                                          {QStringLiteral("tokens"), a.tokens()},
                                          {QStringLiteral("cost_usd"), a.costUsd},
                                          {QStringLiteral("error"), a.error}});
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
        out << QStringLiteral("No runs recorded in %1\n").arg(store.path());
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

int reportCommand(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.addPositionalArgument(QStringLiteral("report"), QString());
    parser.addOption({QStringLiteral("config"), QString(), QStringLiteral("file")});
    parser.addOption({QStringLiteral("db"), QString(), QStringLiteral("path")});
    parser.addOption({QStringLiteral("run"), QString(), QStringLiteral("id")});
    parser.addOption({QStringLiteral("format"), QString(), QStringLiteral("md|json|activity|state")});
    if (!parser.parse(arguments) || parser.positionalArguments().size() != 1) {
        printErr(QStringLiteral("error: %1\n\n%2")
                     .arg(parser.errorText().isEmpty() ? QStringLiteral("report takes no FILE") : parser.errorText(),
                          helpText()));
        return Cli::InvalidInput;
    }
    const QString formatName = parser.value(QStringLiteral("format"));
    const std::optional<ReportWriter::Format> format = ReportWriter::formatFromName(formatName);
    if (!format) {
        printErr(QStringLiteral("error: --format: expected md, json, activity or state, got '%1'").arg(formatName));
        return Cli::InvalidInput;
    }
    Store store;
    if (!openStoreReadOnly(store, parser))
        return Cli::InvalidInput;
    const std::optional<RunRecord> run = pickRun(store, parser.value(QStringLiteral("run")));
    if (!run) {
        printErr(parser.isSet(QStringLiteral("run"))
                     ? QStringLiteral("error: %1: no run '%2'").arg(store.path(), parser.value(QStringLiteral("run")))
                     : QStringLiteral("error: %1: no runs recorded").arg(store.path()));
        return Cli::InvalidInput;
    }
    QString error;
    const RunHistory history = store.history(run->id, &error);
    if (!error.isEmpty()) {
        printErr(QStringLiteral("error: %1: %2").arg(store.path(), error));
        return Cli::InvalidInput;
    }
    QTextStream out(stdout);
    out << QString::fromUtf8(ReportWriter::render(history, *format));
    return Cli::Success;
}

} // namespace

bool Cli::isHeadless(const QStringList &arguments)
{
    for (int i = 1; i < arguments.size(); ++i) {
        const QString &arg = arguments.at(i);
        if (arg == u"-h" || arg == u"--help" || arg == u"--help-all" || arg == u"-v" || arg == u"--version")
            return true;
    }
    return arguments.size() > 1 && subcommands().contains(arguments.at(1));
}

int Cli::exec(const QStringList &arguments)
{
    for (int i = 1; i < arguments.size(); ++i) {
        const QString &arg = arguments.at(i);
        if (arg == u"-v" || arg == u"--version") {
            QTextStream(stdout) << QStringLiteral("switchboard %1\n").arg(QStringLiteral(SWITCHBOARD_VERSION));
            return Success;
        }
        if (arg == u"-h" || arg == u"--help" || arg == u"--help-all") {
            QTextStream(stdout) << helpText();
            return Success;
        }
    }
    const QString command = arguments.value(1);
    if (command == u"plan")
        return planCommand(arguments);
    if (command == u"run")
        return runCommand(arguments);
    if (command == u"resume")
        return resumeCommand(arguments);
    if (command == u"status")
        return statusCommand(arguments);
    if (command == u"report")
        return reportCommand(arguments);
    printErr(QStringLiteral("error: unknown command '%1'\n\n%2").arg(command, helpText()));
    return InvalidInput;
}

Cli::GuiOptions Cli::parseGuiOptions(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.addOption({QStringLiteral("config"), QString(), QStringLiteral("file")});
    parser.addOption({QStringLiteral("lang"), QString(), QStringLiteral("code")});
    parser.addOption({QStringLiteral("max-parallel"), QString(), QStringLiteral("n")});
    parser.addOption({QStringLiteral("db"), QString(), QStringLiteral("path")});
    parser.parse(arguments); // unknown options (Qt's own -style etc.) are left to QApplication
    GuiOptions options;
    options.configPath = parser.value(QStringLiteral("config"));
    options.language = parser.value(QStringLiteral("lang"));
    options.databasePath = parser.value(QStringLiteral("db"));
    options.maxParallel = parser.value(QStringLiteral("max-parallel")).toInt();
    return options;
}

std::optional<Config> Cli::loadConfig(const QString &overridePath, ConfigError *error)
{
    if (!overridePath.isEmpty())
        return ConfigLoader::loadFile(overridePath, error);
    const QString path = ConfigLoader::defaultConfigPath();
    QString writeError;
    if (!ConfigLoader::writeDefaultIfMissing(path, &writeError)) {
        // A read-only home must not stop the app: run on the embedded defaults and say so.
        printErr(QStringLiteral("warning: %1: %2; using the built-in defaults").arg(path, writeError));
        return ConfigLoader::defaults();
    }
    return ConfigLoader::loadFile(path, error);
}

} // namespace switchboard
