#pragma once

#include "StoredReviewCommand.h"

namespace switchboard {

// `switchboard discard GOAL [--force]`: throws a goal's changes away (worktree and branch removed) and records it
// Cancelled; its dependents are blocked. Without --force, refused when commits or changes would be lost.
class DiscardCommand final : public StoredReviewCommand
{
public:
    DiscardCommand();

protected:
    int executeParsed(const QCommandLineParser &parser) override;
};

} // namespace switchboard
