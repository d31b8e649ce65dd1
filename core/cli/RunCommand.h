#pragma once

#include "Command.h"

namespace switchboard {

// `switchboard run FILE`: runs a plan headless until every goal is final, recording it in the database it owns
// for the run; the exit code says whether every goal completed.
class RunCommand final : public Command
{
public:
    RunCommand();

protected:
    int executeParsed(const QCommandLineParser &parser) override;
};

} // namespace switchboard
