#include "Cli.h"

#include "RunReporter.h"
#include "SignalWatcher.h"
#include "StdinAnswerReader.h"
#include "config/ConfigApplier.h"
#include "config/ConfigLoader.h"
#include "config/PlanLoader.h"
#include "orchestration/Orchestrator.h"
#include "orchestration/Scheduler.h"

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
    static const QStringList names{QStringLiteral("plan"), QStringLiteral("run")};
    return names;
}

QString helpText()
{
    return QCoreApplication::translate(
               "Cli",
               "Usage: switchboard [options]                 open the dashboard\n"
               "       switchboard plan FILE [--json]         show a plan's phases and goals\n"
               "       switchboard run FILE [options]         run a plan headless\n"
               "\n"
               "Switchboard runs many AI agents in parallel: goals from forms or plan files are scheduled\n"
               "onto agents (LLM APIs, coding CLIs or any program) with dependencies, a concurrency cap and\n"
               "one place to watch them.\n"
               "\n"
               "Options (all commands):\n"
               "  --config FILE        config file (default: %1)\n"
               "  -h, --help           show this help\n"
               "  -v, --version        show the version\n"
               "\n"
               "Dashboard options:\n"
               "  --lang CODE          user interface language (e.g. de, fr, en)\n"
               "  --max-parallel N     override workflow.max_parallel\n"
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
               "Exit codes of run: 0 all goals completed; 1 some failed, were cancelled or blocked;\n"
               "2 invalid input (message on stderr); 130 interrupted by SIGINT/SIGTERM (agents cancelled first).\n")
        .arg(ConfigLoader::defaultConfigPath());
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

int runCommand(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.addPositionalArgument(QStringLiteral("run"), QString());
    parser.addPositionalArgument(QStringLiteral("file"), QString());
    parser.addOption({QStringLiteral("json"), QString()});
    parser.addOption({QStringLiteral("config"), QString(), QStringLiteral("file")});
    parser.addOption({QStringLiteral("max-parallel"), QString(), QStringLiteral("n")});
    parser.addOption({QStringLiteral("workspace"), QString(), QStringLiteral("dir")});
    parser.addOption({QStringLiteral("mode"), QString(), QStringLiteral("mode")});
    parser.addOption({QStringLiteral("auto-answer"), QString(), QStringLiteral("first|fail")});
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
    if (parser.isSet(QStringLiteral("max-parallel"))) {
        bool ok = false;
        maxParallel = parser.value(QStringLiteral("max-parallel")).toInt(&ok);
        if (!ok || maxParallel < 1) {
            printErr(QStringLiteral("error: --max-parallel: expected a whole number of at least 1, got '%1'")
                         .arg(parser.value(QStringLiteral("max-parallel"))));
            return Cli::InvalidInput;
        }
    }
    const std::optional<Plan> plan = loadPlan(positional.at(1), parser.value(QStringLiteral("config")));
    if (!plan)
        return Cli::InvalidInput;

    const QString mode = parser.value(QStringLiteral("mode"));
    if (!mode.isEmpty() && !Scheduler::modeFromString(mode)) {
        printErr(QStringLiteral("error: --mode: unknown mode '%1' (expected dependency, phased, sequential, parallel "
                                "or pipeline)")
                     .arg(mode));
        return Cli::InvalidInput;
    }
    const QString autoAnswer = parser.value(QStringLiteral("auto-answer"));
    if (!autoAnswer.isEmpty() && autoAnswer != u"first" && autoAnswer != u"fail") {
        printErr(QStringLiteral("error: --auto-answer: expected first or fail, got '%1'").arg(autoAnswer));
        return Cli::InvalidInput;
    }
    Orchestrator orchestrator;
    applyConfig(orchestrator, plan->config, maxParallel, mode);
    orchestrator.setLogDirectory(sessionLogDirectory());
    // Unattended: a goal out of retries fails instead of waiting for a human who is not there.
    orchestrator.setEscalateExhaustedRetries(autoAnswer.isEmpty());
    if (parser.isSet(QStringLiteral("workspace")))
        orchestrator.setWorkspace(parser.value(QStringLiteral("workspace")));

    const bool json = parser.isSet(QStringLiteral("json"));
    RunReporter reporter(&orchestrator, json ? RunReporter::Format::Json : RunReporter::Format::Text, stdout,
                         ::isatty(STDOUT_FILENO) == 1);
    if (!json)
        reporter.printNote(QStringLiteral("Running plan '%1': %2 goals, max %3 in parallel")
                               .arg(plan->name)
                               .arg(plan->goals.size())
                               .arg(orchestrator.maxParallel()));

    // Questions: answered automatically, from stdin, or (stdin closed) impossible to answer.
    StdinAnswerReader answers(&orchestrator.inbox(), STDIN_FILENO);
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
    QObject::connect(
        &orchestrator.inbox(), &EscalationInbox::escalationRaised, &orchestrator,
        [&orchestrator, &answers, autoAnswer, unanswerable](const Escalation &e) {
            if (!e.isOpen())
                return;
            if (autoAnswer == u"first") {
                orchestrator.inbox().answer(e.id, e.options.isEmpty() ? QString() : e.options.first().key,
                                            e.options.isEmpty() ? QStringLiteral("(auto-answered)") : QString(),
                                            nullptr, QStringLiteral("auto-answer"));
            } else if (autoAnswer == u"fail") {
                orchestrator.stopAgent(e.agentId,
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

    QString error;
    if (orchestrator.spawnParallel(plan->goals, &error).isEmpty() && !plan->goals.isEmpty()) {
        printErr(QStringLiteral("error: %1: %2").arg(plan->file, error));
        return Cli::InvalidInput;
    }
    orchestrator.waitAll();
    // Deliver what is still queued (the last lock releases, answers) before the summary.
    QCoreApplication::processEvents();
    const RunSummary summary = orchestrator.summary();
    reporter.printSummary(summary);
    if (interruptedBy != 0)
        return Cli::Interrupted;
    return summary.allCompleted() ? Cli::Success : Cli::SomeGoalsDidNotComplete;
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
    printErr(QStringLiteral("error: unknown command '%1'\n\n%2").arg(command, helpText()));
    return InvalidInput;
}

Cli::GuiOptions Cli::parseGuiOptions(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.addOption({QStringLiteral("config"), QString(), QStringLiteral("file")});
    parser.addOption({QStringLiteral("lang"), QString(), QStringLiteral("code")});
    parser.addOption({QStringLiteral("plan"), QString(), QStringLiteral("file")});
    parser.addOption({QStringLiteral("max-parallel"), QString(), QStringLiteral("n")});
    parser.parse(arguments); // unknown options (Qt's own -style etc.) are left to QApplication
    GuiOptions options;
    options.configPath = parser.value(QStringLiteral("config"));
    options.language = parser.value(QStringLiteral("lang"));
    options.planPath = parser.value(QStringLiteral("plan"));
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
