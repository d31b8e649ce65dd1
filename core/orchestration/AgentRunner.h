#pragma once

#include "agents/AgentBackend.h"
#include "model/AgentResult.h"

#include <QRunnable>

#include <memory>

namespace switchboard {

class AgentEventQueue;
class AttemptContext;

// One attempt of one agent on an agent worker: claims the attempt (a withdrawn look-ahead attempt does nothing),
// posts that it started, runs the backend and posts the result, both to the orchestrator's event queue.
class AgentRunner final : public QRunnable
{
public:
    AgentRunner(std::unique_ptr<AgentBackend> backend, std::shared_ptr<AttemptContext> context,
                AgentEventQueue &events);
    void run() override;

private:
    std::unique_ptr<AgentBackend> m_backend;
    std::shared_ptr<AttemptContext> m_context;
    AgentEventQueue &m_events;
};

} // namespace switchboard
