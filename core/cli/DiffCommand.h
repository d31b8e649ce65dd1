#pragma once

#include "StoredReviewCommand.h"

namespace switchboard {

// `switchboard diff GOAL`: the unified diff of a goal's worktree against its base (untracked files included).
class DiffCommand final : public StoredReviewCommand
{
public:
    DiffCommand();

protected:
    int executeParsed(const QCommandLineParser &parser) override;
};

} // namespace switchboard
