#pragma once

#include "Command.h"

namespace switchboard {

// `switchboard agents --detect [--json]`: the coding-agent CLIs on PATH (claude, codex, gemini, aider, goose,
// opencode) with their versions and a ready profile for each.
class AgentsCommand final : public Command
{
public:
    AgentsCommand();

protected:
    int executeParsed(const QCommandLineParser &parser) override;
};

} // namespace switchboard
