#pragma once

#include "Command.h"

namespace switchboard {

// `switchboard models [--json]`: the model servers running on this machine (Ollama, llama.cpp, LM Studio,
// vLLM on 127.0.0.1) and a ready profile for each model they list.
class ModelsCommand final : public Command
{
public:
    ModelsCommand();

protected:
    int executeParsed(const QCommandLineParser &parser) override;
};

} // namespace switchboard
