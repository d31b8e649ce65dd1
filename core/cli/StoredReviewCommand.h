#pragma once

#include "Command.h"
#include "persistence/StoreSnapshot.h"
#include "review/ReviewTypes.h"
#include "session/RunSession.h"

#include <functional>
#include <memory>
#include <optional>

namespace switchboard {

class Orchestrator;
class ReviewController;

// What `review`, `diff`, `merge` and `discard` share: the stored run (--db, --run) and its goals' worktrees.
// merge and discard put the run back in an Orchestrator with dispatch paused (nothing starts in the CLI), act
// through its ReviewController and wait until the goal's new state is in the store, where the GUI and `resume`
// find it.
class StoredReviewCommand : public Command
{
public:
    ~StoredReviewCommand() override;

protected:
    StoredReviewCommand(QString name, QString description, Positional positional, QString usageError,
                        QList<QCommandLineOption> options);

    struct StoredRun
    {
        std::unique_ptr<RunSession> session;
        std::optional<RunRecord> run;
        StoreSnapshot snapshot;
    };
    // The run, read-only (forChange false) or owned for recording; nullopt with the error printed.
    static std::optional<StoredRun> openRun(const QCommandLineParser &parser, bool forChange);
    // The goal's worktree in the snapshot (a follow-up's is its original's); nullopt with the error printed.
    static std::optional<WorktreeRecord> worktreeOf(const StoredRun &stored, const QString &goalId);
    static QString goalTitle(const StoredRun &stored, const QString &goalId);
    // The run put back in an Orchestrator that starts nothing; null with the error printed.
    static std::unique_ptr<Orchestrator> restore(StoredRun &stored, const QCommandLineParser &parser);
    // Waits until everything the orchestrator recorded is committed and reported.
    static void settle(StoredRun &stored);
    // What merge and discard do: the goal named on the command line, decided through the restored run's
    // ReviewController by act; once the store has the result, act's outcome is printed (report()). Exit code.
    static int decide(const QCommandLineParser &parser,
                      const std::function<ReviewOutcome(ReviewController &review, const QString &goalId)> &act);
    // The outcome's message on stdout, or as an error on stderr; outcome.ok.
    static bool report(const ReviewOutcome &outcome);
    // The options every one of them takes (--db, --run, --config).
    static QList<QCommandLineOption> commonOptions();
};

} // namespace switchboard
