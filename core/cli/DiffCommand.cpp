#include "DiffCommand.h"

#include "Cli.h"
#include "Console.h"
#include "review/Worktrees.h"

#include <QCommandLineParser>
#include <QFileInfo>
#include <QTextStream>

#include <cstdio>

namespace switchboard {

DiffCommand::DiffCommand()
    : StoredReviewCommand(QStringLiteral("diff"), QStringLiteral("a goal's changes in its worktree"),
                          Positional::OneFile, QStringLiteral("diff takes exactly one GOAL"), commonOptions())
{}

int DiffCommand::executeParsed(const QCommandLineParser &parser)
{
    const QString goalId = parser.positionalArguments().at(1);
    std::optional<StoredRun> stored = openRun(parser, false);
    if (!stored)
        return Cli::InvalidInput;
    const std::optional<WorktreeRecord> wt = worktreeOf(*stored, goalId);
    if (!wt)
        return Cli::InvalidInput;
    if (!QFileInfo(wt->path).isDir()) {
        Console::printError(QStringLiteral("error: goal '%1': its worktree %2 is gone (%3)")
                                .arg(goalId, wt->path, worktreeStateToString(wt->state)));
        return Cli::InvalidInput;
    }
    QTextStream(stdout) << Worktrees::diff(*wt);
    return Cli::Success;
}

} // namespace switchboard
