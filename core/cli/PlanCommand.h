#pragma once

#include "Command.h"

namespace switchboard {

// `switchboard plan FILE [--json]`: a plan's phases and goals, as text or JSON, without running anything.
// Reads the config and the plan only; it opens no database.
class PlanCommand final : public Command
{
public:
    PlanCommand();

protected:
    int executeParsed(const QCommandLineParser &parser) override;
};

} // namespace switchboard
