#pragma once

#include <QString>

namespace switchboard {

// One desktop notification: what happened (for the per-kind switches), its text, and the agent a click on it
// shows (empty for the run as a whole).
struct Notification
{
    enum class Kind
    {
        NeedsInput,
        Failed,
        ReviewReady,
        RunFinished
    };

    Kind kind = Kind::NeedsInput;
    QString title;
    QString body;
    QString agentId;
};

} // namespace switchboard
