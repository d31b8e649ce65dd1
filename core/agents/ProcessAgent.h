#pragma once

#include "AgentBackend.h"
#include "model/AgentProfile.h"

namespace switchboard {

// Runs an external program as the agent and speaks the JSON-lines protocol with it over stdio
// (see README "Agent protocol"). The program runs in its own process group; cancel sends SIGTERM
// to the group, then SIGKILL after a grace period, so no process of the group outlives the agent.
class ProcessAgent final : public AgentBackend
{
public:
    explicit ProcessAgent(AgentProfile profile);
    AgentResult run(AgentContext &context) override;

    // The profile's argv with {goal.id}, {goal.title}, {agent.id}, {workspace}, ... substituted per
    // argument (never through a shell).
    static QStringList expandCommand(const QStringList &command, const AgentContext &context);

private:
    AgentProfile m_profile;
};

} // namespace switchboard
