#include "DiscardCommand.h"

#include "Cli.h"
#include "Console.h"
#include "orchestration/Orchestrator.h"
#include "review/ReviewController.h"

#include <QCommandLineParser>
#include <QTextStream>

#include <cstdio>

namespace switchboard {

DiscardCommand::DiscardCommand()
    : StoredReviewCommand(QStringLiteral("discard"), QStringLiteral("throw away a goal's changes waiting in review"),
                          Positional::OneFile, QStringLiteral("discard takes exactly one GOAL"),
                          commonOptions() << QCommandLineOption(QStringLiteral("force")))
{}

int DiscardCommand::executeParsed(const QCommandLineParser &parser)
{
    const QString goalId = parser.positionalArguments().at(1);
    std::optional<StoredRun> stored = openRun(parser, true);
    if (!stored)
        return Cli::InvalidInput;
    std::unique_ptr<Orchestrator> orchestrator = restore(*stored, parser);
    if (!orchestrator)
        return Cli::InvalidInput;
    const ReviewOutcome outcome = orchestrator->review()->discard(goalId, parser.isSet(QStringLiteral("force")));
    settle(*stored);
    if (!outcome.ok) {
        Console::printError(QStringLiteral("error: %1").arg(outcome.message));
        return Cli::SomeGoalsDidNotComplete;
    }
    QTextStream(stdout) << outcome.message << '\n';
    return Cli::Success;
}

} // namespace switchboard
