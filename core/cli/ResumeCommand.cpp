#include "ResumeCommand.h"

#include "Cli.h"
#include "Console.h"
#include "HeadlessRun.h"
#include "RunOptions.h"
#include "config/RunSettings.h"
#include "orchestration/Orchestrator.h"
#include "persistence/Store.h"
#include "session/RunSession.h"

#include <QCommandLineParser>
#include <QFileInfo>

namespace switchboard {

ResumeCommand::ResumeCommand()
    : Command(QStringLiteral("resume"), QStringLiteral("continue an interrupted run headless until done"),
              Positional::None, QStringLiteral("resume takes no FILE (the run's plan is recorded)"),
              RunOptions::options() << QCommandLineOption(QStringLiteral("run"), QString(), QStringLiteral("id"))
                                    << QCommandLineOption(QStringLiteral("check")))
{}

int ResumeCommand::executeParsed(const QCommandLineParser &parser)
{
    const std::optional<RunOptions> options = RunOptions::fromParser(parser);
    if (!options)
        return Cli::InvalidInput;
    RunSession session; // its store outlives the orchestrator
    if (!openStore(session, parser))
        return Cli::InvalidInput;
    std::optional<RunRecord> run;
    if (!pickRun(session.store(), parser, QStringLiteral("no run to resume"), &run))
        return Cli::InvalidInput;
    const RunSettings settings = RunSettings::fromJson(run->settings);
    if (!loadRunConfig(session, *run, settings, parser.value(QStringLiteral("config"))))
        return Cli::InvalidInput;
    QString loadError;
    const StoreSnapshot snapshot = session.store().load(run->id, &loadError);
    if (!loadError.isEmpty()) {
        Console::printError(QStringLiteral("error: %1: %2").arg(session.store().path(), loadError));
        return Cli::InvalidInput;
    }
    Orchestrator orchestrator;
    session.setUpResume(orchestrator, settings, options->overrides());
    const QString note = QStringLiteral("Resuming run %1 '%2': %3 goals, max %4 in parallel")
                             .arg(run->id, run->name)
                             .arg(snapshot.goals.size())
                             .arg(orchestrator.maxParallel());
    return HeadlessRun::exec(orchestrator, session.store(), *options, note, [&orchestrator, &snapshot] {
        QString error;
        if (!orchestrator.restore(snapshot, true, &error)) {
            Console::printError(QStringLiteral("error: %1").arg(error));
            return false;
        }
        return true;
    });
}

bool ResumeCommand::loadRunConfig(RunSession &session, const RunRecord &run, const RunSettings &settings,
                                  const QString &configPath)
{
    // The run's own profiles: the config and plan text stored with it; for runs recorded before settings were
    // stored, its plan's config when the plan is still there, else the config file.
    if (!settings.isEmpty()) {
        ConfigError error;
        std::optional<Config> config = settings.effectiveConfig(&error);
        if (!config) {
            Console::printError(
                QStringLiteral("error: run %1's stored settings no longer load: %2").arg(run.id, error.toString()));
            return false;
        }
        session.useConfig(std::move(*config));
        return true;
    }
    if (!run.planFile.isEmpty() && QFileInfo::exists(run.planFile)) {
        std::optional<Plan> plan = loadPlan(session, run.planFile, configPath);
        if (!plan)
            return false;
        session.useConfig(std::move(plan->config));
        return true;
    }
    return loadConfig(session, configPath);
}

} // namespace switchboard
