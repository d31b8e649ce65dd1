#include "MergeCommand.h"

#include "Cli.h"
#include "Console.h"
#include "orchestration/Orchestrator.h"
#include "review/ReviewController.h"

#include <QCommandLineParser>
#include <QTextStream>

#include <cstdio>

namespace switchboard {

MergeCommand::MergeCommand()
    : StoredReviewCommand(QStringLiteral("merge"), QStringLiteral("merge a goal waiting in review"),
                          Positional::OneFile, QStringLiteral("merge takes exactly one GOAL"),
                          commonOptions() << QCommandLineOption(QStringLiteral("rebase")))
{}

int MergeCommand::executeParsed(const QCommandLineParser &parser)
{
    const QString goalId = parser.positionalArguments().at(1);
    std::optional<StoredRun> stored = openRun(parser, true);
    if (!stored)
        return Cli::InvalidInput;
    std::unique_ptr<Orchestrator> orchestrator = restore(*stored, parser);
    if (!orchestrator)
        return Cli::InvalidInput;
    if (parser.isSet(QStringLiteral("rebase"))) {
        const ReviewOutcome rebased = orchestrator->review()->rebase(goalId);
        if (!rebased.ok) {
            Console::printError(QStringLiteral("error: %1").arg(rebased.message));
            return Cli::SomeGoalsDidNotComplete;
        }
        QTextStream(stdout) << rebased.message << '\n';
    }
    const ReviewOutcome outcome = orchestrator->review()->merge(goalId);
    settle(*stored);
    if (!outcome.ok) {
        Console::printError(QStringLiteral("error: %1").arg(outcome.message));
        return Cli::SomeGoalsDidNotComplete;
    }
    QTextStream(stdout) << outcome.message << '\n';
    return Cli::Success;
}

} // namespace switchboard
