#include "AgentEventQueue.h"

namespace switchboard {

AgentEventQueue::AgentEventQueue(std::function<void()> wake)
    : m_wake(std::move(wake))
{}

void AgentEventQueue::post(AgentEvent event)
{
    append(std::move(event), true);
}

void AgentEventQueue::postQuietly(AgentEvent event)
{
    append(std::move(event), false);
}

void AgentEventQueue::append(AgentEvent event, bool wake)
{
    // Any thread. Only the first event after the owner took its batch wakes it: a burst of completions from the
    // workers costs one QMetaCallEvent and one wake-up of the owner thread, not one per agent.
    bool first = false;
    {
        const QMutexLocker locker(&m_mutex);
        m_posted.push_back(std::move(event));
        first = wake && !m_wakePending;
        m_wakePending = m_wakePending || wake;
    }
    if (first)
        m_wake();
}

void AgentEventQueue::agentLiveStateChanged(const QString &agentId)
{
    // Agent thread; the context coalesces, so at most one of these is queued per agent.
    post({AgentEvent::Kind::LiveState, agentId});
}

void AgentEventQueue::agentWaitChanged(const QString &agentId, AgentState state)
{
    post({AgentEvent::Kind::WaitChanged, agentId, nullptr, {}, state});
}

bool AgentEventQueue::next(AgentEvent *event, bool *batchStarted)
{
    // Strictly in the order they were reported, also when the handler runs a nested event loop: a nested call
    // carries on with the batch being handled before it takes the next one.
    *batchStarted = false;
    if (m_position >= m_batch.size()) {
        m_batch.clear();
        m_position = 0;
        {
            const QMutexLocker locker(&m_mutex);
            if (m_posted.empty())
                return false;
            m_batch.swap(m_posted);
            m_wakePending = false; // what comes now needs a wake-up of its own
        }
        *batchStarted = true;
    }
    *event = std::move(m_batch[m_position++]);
    return true;
}

} // namespace switchboard
