#pragma once

#include "Command.h"

namespace switchboard {

// `switchboard report --format md|json|activity|state`: a recorded run (--run, else the latest) rendered by
// ReportWriter. Opens the database read-only, so it works while another Switchboard records into it.
class ReportCommand final : public Command
{
public:
    ReportCommand();

protected:
    int executeParsed(const QCommandLineParser &parser) override;
};

} // namespace switchboard
