#pragma once

#include "agents/AgentBackend.h"
#include "model/AgentResult.h"

#include <QRunnable>

#include <functional>
#include <memory>

namespace switchboard {

class AgentContext;

// One attempt of one agent on a pool thread: runs the backend and hands the result to `finished`
// (which must only post a queued call back to the orchestrator's thread).
class AgentRunner final : public QRunnable
{
public:
    using FinishedCallback = std::function<void(AgentResult)>;

    AgentRunner(std::unique_ptr<AgentBackend> backend, std::shared_ptr<AgentContext> context,
                FinishedCallback finished);
    void run() override;

private:
    std::unique_ptr<AgentBackend> m_backend;
    std::shared_ptr<AgentContext> m_context;
    FinishedCallback m_finished;
};

} // namespace switchboard
