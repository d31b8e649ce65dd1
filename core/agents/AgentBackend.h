#pragma once

#include "model/AgentResult.h"

namespace switchboard {

class AgentContext;

// One way of doing a goal's work (demo, external process, LLM API, coding CLI). run() is called on a
// pool thread, once per attempt, and must return promptly after the context is cancelled.
class AgentBackend
{
public:
    virtual ~AgentBackend() = default;
    virtual AgentResult run(AgentContext &context) = 0;
};

} // namespace switchboard
