#pragma once

#include "model/AgentState.h"

#include <QDateTime>
#include <QString>

namespace switchboard {

// One state change of one agent, as recorded: the audit trail behind the board, the activity log and
// the time-based metrics (busy time is the time spent in Running).
struct TransitionRecord
{
    QString agentId;
    QString goalId;
    int attempt = 0; // 0 before the first start (Queued, Blocked, cancelled while queued)
    AgentState state = AgentState::Queued;
    QDateTime at; // UTC
    QString error;
};

} // namespace switchboard
