#pragma once

#include "StoredReviewCommand.h"

namespace switchboard {

// `switchboard merge GOAL`: merges a goal waiting in Review into its base branch (no fast-forward) and records it
// Completed, so its dependents run on the next `resume`. A merge that would conflict is refused, naming the files.
class MergeCommand final : public StoredReviewCommand
{
public:
    MergeCommand();

protected:
    int executeParsed(const QCommandLineParser &parser) override;
};

} // namespace switchboard
