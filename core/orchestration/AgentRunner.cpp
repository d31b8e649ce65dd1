#include "AgentRunner.h"

#include "AgentEventQueue.h"
#include "AttemptContext.h"
#include "WorktreeAttempt.h"
#include "model/ErrorKind.h"

#include <exception>

namespace switchboard {

AgentRunner::AgentRunner(std::unique_ptr<AgentBackend> backend, std::shared_ptr<AttemptContext> context,
                         AgentEventQueue &events)
    : m_backend(std::move(backend))
    , m_context(std::move(context))
    , m_events(events)
{
    setAutoDelete(true);
}

void AgentRunner::run()
{
    bool wasPending = false;
    if (!m_context->claimLaunch(&wasPending)) {
        m_backend.reset(); // withdrawn while it waited for a thread: it never ran, nobody waits for it
        return;
    }
    // An attempt queued ahead is Queued until the orchestrator hears it started: that news wakes it. Any other
    // began (Running, agentStarted) when it was handed over, and its start only counts the runners: it goes with
    // the next batch (its own Finished at the latest), one wake-up of the orchestrator's thread fewer per goal.
    AgentEvent started{AgentEvent::Kind::Started, m_context->agentId(), m_context.get()};
    if (wasPending)
        m_events.post(std::move(started));
    else
        m_events.postQuietly(std::move(started));
    AgentResult result = AgentResult::cancelled();
    QString workspaceError;
    if (!m_context->isCancelled() && !m_context->prepareWorkspace(&workspaceError)) {
        result = AgentResult::failed(QStringLiteral("no workspace: %1").arg(workspaceError), -1,
                                     errorKindName(ErrorKind::Workspace));
    } else if (!m_context->isCancelled()) {
        // A backend bug must fail this agent, never take the whole app down.
        try {
            result = m_backend->run(*m_context);
        } catch (const std::exception &e) {
            result =
                AgentResult::failed(QStringLiteral("internal error in backend: %1").arg(QString::fromUtf8(e.what())),
                                    -1, errorKindName(ErrorKind::Internal));
        } catch (...) {
            result = AgentResult::failed(QStringLiteral("internal error in backend"), -1,
                                         errorKindName(ErrorKind::Internal));
        }
    }
    if (m_context->isCancelled() && result.outcome != AgentResult::Outcome::Completed) {
        // A stop (timeout, budget, loop) is a failure with its reason, not a user's cancel.
        const QString reason = m_context->stopReason();
        result = reason.isEmpty() ? AgentResult::cancelled() : AgentResult::failed(reason, -1, m_context->stopKind());
    }
    m_backend.reset();
    if (const std::shared_ptr<WorktreeAttempt> &worktree = m_context->worktreeAttempt();
        worktree && result.outcome == AgentResult::Outcome::Completed) {
        // Here, on the pool thread: git must not block the orchestrator. A worktree with nothing in it goes.
        worktree->inspect(true);
    }
    m_events.post({AgentEvent::Kind::Finished, m_context->agentId(), m_context.get(), std::move(result)});
}

} // namespace switchboard
