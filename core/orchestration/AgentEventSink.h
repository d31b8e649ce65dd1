#pragma once

#include "model/AgentState.h"

#include <QString>
#include <QtGlobal>

namespace switchboard {

// Receives notice that an agent's live state changed. Called on the agent's thread: it must be
// thread-safe and return at once (the orchestrator posts a queued call and reads the state later).
class AgentEventSink
{
public:
    virtual ~AgentEventSink() = default;
    virtual void agentLiveStateChanged(const QString &agentId) = 0;
    // The agent started waiting for a human or a lock (state Escalated/WaitingForLock) or resumed
    // (state Running). Called on the agent's thread; the run slot was given back / taken again.
    virtual void agentWaitChanged(const QString &agentId, AgentState state)
    {
        Q_UNUSED(agentId)
        Q_UNUSED(state)
    }
};

} // namespace switchboard
