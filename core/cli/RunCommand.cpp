#include "RunCommand.h"

#include "Cli.h"
#include "Console.h"
#include "HeadlessRun.h"
#include "RunOptions.h"
#include "orchestration/Orchestrator.h"
#include "session/RunSession.h"

#include <QCommandLineParser>

namespace switchboard {

RunCommand::RunCommand()
    : Command(QStringLiteral("run"), QStringLiteral("run a plan headless"), Positional::OneFile,
              QStringLiteral("run takes exactly one FILE"), RunOptions::options())
{}

int RunCommand::executeParsed(const QCommandLineParser &parser)
{
    const std::optional<RunOptions> options = RunOptions::fromParser(parser);
    if (!options)
        return Cli::InvalidInput;
    RunSession session; // its store outlives the orchestrator
    const std::optional<Plan> plan =
        loadPlan(session, parser.positionalArguments().at(1), parser.value(QStringLiteral("config")));
    if (!plan)
        return Cli::InvalidInput;
    if (!openStore(session, parser))
        return Cli::InvalidInput;
    Orchestrator orchestrator;
    session.setUpPlanRun(orchestrator, *plan, options->overrides());

    const QString note = QStringLiteral("Running plan '%1': %2 goals, max %3 in parallel")
                             .arg(plan->name)
                             .arg(plan->goals.size())
                             .arg(orchestrator.maxParallel());
    return HeadlessRun::exec(orchestrator, session.store(), *options, note, [&orchestrator, &plan] {
        QString error;
        if (orchestrator.spawnParallel(plan->goals, &error).isEmpty() && !plan->goals.isEmpty()) {
            Console::printError(QStringLiteral("error: %1: %2").arg(plan->file, error));
            return false;
        }
        return true;
    });
}

} // namespace switchboard
