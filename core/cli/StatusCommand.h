#pragma once

#include "Command.h"

namespace switchboard {

// `switchboard status [--json]`: the goals and agents of a recorded run (--run, else the latest). Opens the
// database read-only, so it can follow a run another Switchboard is recording.
class StatusCommand final : public Command
{
public:
    StatusCommand();

protected:
    int executeParsed(const QCommandLineParser &parser) override;
};

} // namespace switchboard
