#pragma once

#include "agents/AgentBackend.h"
#include "model/AgentResult.h"

#include <QRunnable>

#include <functional>
#include <memory>

namespace switchboard {

class AttemptContext;

// One attempt of one agent on a pool thread: claims the attempt (a withdrawn look-ahead attempt does
// nothing), reports that it started, runs the backend and hands the result to `finished`. Both callbacks
// must only queue the news for the orchestrator's thread.
class AgentRunner final : public QRunnable
{
public:
    using StartedCallback = std::function<void()>;
    using FinishedCallback = std::function<void(AgentResult)>;

    AgentRunner(std::unique_ptr<AgentBackend> backend, std::shared_ptr<AttemptContext> context, StartedCallback started,
                FinishedCallback finished);
    void run() override;

private:
    std::unique_ptr<AgentBackend> m_backend;
    std::shared_ptr<AttemptContext> m_context;
    StartedCallback m_started;
    FinishedCallback m_finished;
};

} // namespace switchboard
