#pragma once

#include "Command.h"

namespace switchboard {

// `switchboard run FILE`: runs a plan headless, recording it in the database, until every goal is final.
class RunCommand final : public Command
{
public:
    RunCommand();

protected:
    int executeParsed(const QCommandLineParser &parser) override;
};

} // namespace switchboard
