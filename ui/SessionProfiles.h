#pragma once

#include "model/AgentProfile.h"

#include <QString>

namespace switchboard {

class Orchestrator;

// What the offers of found coding agents and local models do to the session's profiles: they change the running
// orchestrator's list only, never switchboard.yaml (`switchboard agents --detect` and `switchboard models` print
// the YAML to keep).
class SessionProfiles final
{
public:
    SessionProfiles() = delete;

    // A profile of this name is in the session (false without an orchestrator).
    static bool has(const Orchestrator *orchestrator, const QString &name);
    // Adds the profile unless one of that name is there. False when not added (or there is no orchestrator).
    static bool add(Orchestrator *orchestrator, const AgentProfile &profile);
};

} // namespace switchboard
