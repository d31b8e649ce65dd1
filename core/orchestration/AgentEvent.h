#pragma once

#include "model/AgentResult.h"
#include "model/AgentState.h"

#include <QString>

namespace switchboard {

class AttemptContext;

// What agent threads report to the orchestrator's thread, in the order they happened.
struct AgentEvent
{
    enum class Kind
    {
        Started,     // a pool thread took the attempt `context`
        LiveState,   // progress, log, usage... (coalesced in the context)
        WaitChanged, // began or ended waiting for a human or a lock
        Finished,    // the attempt returned `result`
    };
    AgentEvent() = default;
    AgentEvent(Kind kind, QString agentId, const AttemptContext *context = nullptr, AgentResult result = {},
               AgentState waitState = AgentState::Running)
        : kind(kind)
        , agentId(std::move(agentId))
        , context(context)
        , waitState(waitState)
        , result(std::move(result))
    {}

    Kind kind = Kind::LiveState;
    QString agentId;
    const AttemptContext *context = nullptr; // Started, Finished: the attempt (null: no runner ran)
    AgentState waitState = AgentState::Running;
    AgentResult result;
};

} // namespace switchboard
