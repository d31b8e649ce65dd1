#pragma once

#include "Command.h"

namespace switchboard {

// `switchboard report`: a recorded run's report, activity log or state, read-only.
class ReportCommand final : public Command
{
public:
    ReportCommand();

protected:
    int executeParsed(const QCommandLineParser &parser) override;
};

} // namespace switchboard
