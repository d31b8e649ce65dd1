#include "MergeCommand.h"

#include "review/ReviewController.h"

#include <QCommandLineParser>

namespace switchboard {

MergeCommand::MergeCommand()
    : StoredReviewCommand(QStringLiteral("merge"), QStringLiteral("merge a goal waiting in review"),
                          Positional::OneFile, QStringLiteral("merge takes exactly one GOAL"),
                          commonOptions() << QCommandLineOption(QStringLiteral("rebase")))
{}

int MergeCommand::executeParsed(const QCommandLineParser &parser)
{
    const bool rebase = parser.isSet(QStringLiteral("rebase"));
    return decide(parser, [rebase](ReviewController &review, const QString &goalId) {
        if (rebase) {
            // A failed rebase is the outcome (nothing is merged); a good one is said before the merge's.
            const ReviewOutcome rebased = review.rebase(goalId);
            if (!rebased.ok)
                return rebased;
            report(rebased);
        }
        return review.merge(goalId);
    });
}

} // namespace switchboard
