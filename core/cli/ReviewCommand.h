#pragma once

#include "StoredReviewCommand.h"

namespace switchboard {

// `switchboard review [--json]`: the goals of the run waiting in Review, each with its worktree and changed files.
// Reads only: works while a dashboard owns the database.
class ReviewCommand final : public StoredReviewCommand
{
public:
    ReviewCommand();

protected:
    int executeParsed(const QCommandLineParser &parser) override;
};

} // namespace switchboard
