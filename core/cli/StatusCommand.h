#pragma once

#include "Command.h"

namespace switchboard {

// `switchboard status`: the goals and agents of a recorded run (the latest by default), read-only.
class StatusCommand final : public Command
{
public:
    StatusCommand();

protected:
    int executeParsed(const QCommandLineParser &parser) override;
};

} // namespace switchboard
