#include "AgentRunner.h"

#include "AgentContext.h"

#include <exception>

namespace switchboard {

AgentRunner::AgentRunner(std::unique_ptr<AgentBackend> backend, std::shared_ptr<AgentContext> context,
                         FinishedCallback finished)
    : m_backend(std::move(backend))
    , m_context(std::move(context))
    , m_finished(std::move(finished))
{
    setAutoDelete(true);
}

void AgentRunner::run()
{
    AgentResult result;
    if (m_context->isCancelled()) {
        result = AgentResult::cancelled();
    } else {
        // A backend bug must fail this agent, never take the whole app down.
        try {
            result = m_backend->run(*m_context);
        } catch (const std::exception &e) {
            result =
                AgentResult::failed(QStringLiteral("internal error in backend: %1").arg(QString::fromUtf8(e.what())));
        } catch (...) {
            result = AgentResult::failed(QStringLiteral("internal error in backend"));
        }
        if (m_context->isCancelled() && result.outcome != AgentResult::Outcome::Completed)
            result = AgentResult::cancelled();
    }
    m_backend.reset();
    m_finished(result);
}

} // namespace switchboard
