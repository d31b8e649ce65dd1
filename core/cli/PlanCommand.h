#pragma once

#include "Command.h"

namespace switchboard {

// `switchboard plan FILE`: shows a plan's phases and goals (text or JSON) without running it.
class PlanCommand final : public Command
{
public:
    PlanCommand();

protected:
    int executeParsed(const QCommandLineParser &parser) override;
};

} // namespace switchboard
