#include "DiscardCommand.h"

#include "review/ReviewController.h"

#include <QCommandLineParser>

namespace switchboard {

DiscardCommand::DiscardCommand()
    : StoredReviewCommand(QStringLiteral("discard"), QStringLiteral("throw away a goal's changes waiting in review"),
                          Positional::OneFile, QStringLiteral("discard takes exactly one GOAL"),
                          commonOptions() << QCommandLineOption(QStringLiteral("force")))
{}

int DiscardCommand::executeParsed(const QCommandLineParser &parser)
{
    const bool force = parser.isSet(QStringLiteral("force"));
    return decide(parser,
                  [force](ReviewController &review, const QString &goalId) { return review.discard(goalId, force); });
}

} // namespace switchboard
