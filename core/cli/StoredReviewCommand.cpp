#include "StoredReviewCommand.h"

#include "Cli.h"
#include "Console.h"
#include "ResumeCommand.h"
#include "config/RunSettings.h"
#include "orchestration/Orchestrator.h"
#include "persistence/Store.h"
#include "review/ReviewController.h"
#include "session/RunSession.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QTextStream>

#include <cstdio>

namespace switchboard {

StoredReviewCommand::StoredReviewCommand(QString name, QString description, Positional positional, QString usageError,
                                         QList<QCommandLineOption> options)
    : Command(std::move(name), std::move(description), positional, std::move(usageError), std::move(options))
{}

StoredReviewCommand::~StoredReviewCommand() = default;

QList<QCommandLineOption> StoredReviewCommand::commonOptions()
{
    return {{QStringLiteral("config"), QString(), QStringLiteral("file")},
            {QStringLiteral("db"), QString(), QStringLiteral("path")},
            {QStringLiteral("run"), QString(), QStringLiteral("id")}};
}

std::optional<StoredReviewCommand::StoredRun> StoredReviewCommand::openRun(const QCommandLineParser &parser,
                                                                           bool forChange)
{
    StoredRun stored;
    stored.session = std::make_unique<RunSession>();
    if (!(forChange ? openStore(*stored.session, parser) : openStoreReadOnly(*stored.session, parser)))
        return std::nullopt;
    if (!pickRun(stored.session->store(), parser, QStringLiteral("no run recorded"), &stored.run))
        return std::nullopt;
    QString error;
    stored.snapshot = stored.session->store().load(stored.run->id, &error);
    if (!error.isEmpty()) {
        Console::printError(QStringLiteral("error: %1: %2").arg(stored.session->store().path(), error));
        return std::nullopt;
    }
    return stored;
}

std::optional<WorktreeRecord> StoredReviewCommand::worktreeOf(const StoredRun &stored, const QString &goalId)
{
    const GoalRecord *goal = nullptr;
    for (const GoalRecord &g : stored.snapshot.goals) {
        if (g.goal.id == goalId)
            goal = &g;
    }
    if (!goal) {
        Console::printError(QStringLiteral("error: no goal '%1' in run %2").arg(goalId, stored.run->id));
        return std::nullopt;
    }
    const QString owner = goal->goal.followUpOf.isEmpty() ? goalId : goal->goal.followUpOf;
    for (const WorktreeRecord &w : stored.snapshot.worktrees) {
        if (w.goalId == goalId || w.goalId == owner)
            return w;
    }
    Console::printError(QStringLiteral("error: goal '%1' has no worktree (it does not use isolation: worktree, or "
                                       "it has not started)")
                            .arg(goalId));
    return std::nullopt;
}

QString StoredReviewCommand::goalTitle(const StoredRun &stored, const QString &goalId)
{
    for (const GoalRecord &g : stored.snapshot.goals) {
        if (g.goal.id == goalId)
            return g.goal.title;
    }
    return {};
}

std::unique_ptr<Orchestrator> StoredReviewCommand::restore(StoredRun &stored, const QCommandLineParser &parser)
{
    const RunSettings settings = RunSettings::fromJson(stored.run->settings);
    if (!ResumeCommand::loadRunConfig(*stored.session, *stored.run, settings, parser.value(QStringLiteral("config"))))
        return nullptr;
    auto orchestrator = std::make_unique<Orchestrator>();
    stored.session->setUpResume(*orchestrator, settings, {});
    orchestrator->pauseDispatch(); // only the review decision happens here: nothing may start
    QString error;
    if (!orchestrator->restore(stored.snapshot, false, &error)) {
        Console::printError(QStringLiteral("error: %1").arg(error));
        return nullptr;
    }
    return orchestrator;
}

void StoredReviewCommand::settle(StoredRun &stored)
{
    // A final state is reported from its commit callback, which may record more (the run's end): twice is enough.
    for (int round = 0; round < 3; ++round) {
        stored.session->store().flush();
        QCoreApplication::sendPostedEvents();
        QCoreApplication::processEvents();
    }
}

int StoredReviewCommand::decide(const QCommandLineParser &parser,
                                const std::function<ReviewOutcome(ReviewController &, const QString &)> &act)
{
    const QString goalId = parser.positionalArguments().at(1);
    std::optional<StoredRun> stored = openRun(parser, true);
    if (!stored)
        return Cli::InvalidInput;
    std::unique_ptr<Orchestrator> orchestrator = restore(*stored, parser);
    if (!orchestrator)
        return Cli::InvalidInput;
    const ReviewOutcome outcome = act(*orchestrator->review(), goalId);
    settle(*stored);
    return report(outcome) ? Cli::Success : Cli::SomeGoalsDidNotComplete;
}

bool StoredReviewCommand::report(const ReviewOutcome &outcome)
{
    if (!outcome.ok) {
        Console::printError(QStringLiteral("error: %1").arg(outcome.message));
        return false;
    }
    QTextStream(stdout) << outcome.message << '\n';
    return true;
}

} // namespace switchboard
