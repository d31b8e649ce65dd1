#pragma once

#include "agents/AgentBackend.h"
#include "agents/BackendRegistry.h"
#include "model/AgentProfile.h"

#include <QJsonObject>
#include <QList>

namespace switchboard {

// Backend "acp": any agent that speaks the Agent Client Protocol over stdio (Gemini CLI with --experimental-acp,
// Goose, OpenCode, Qwen Code, Claude Code and Codex through their ACP adapters). The profile's `command` (+ `args`)
// starts it in the attempt's workspace, in its own process group; AcpSession speaks the protocol.
class AcpAgent final : public AgentBackend
{
    Q_DISABLE_COPY_MOVE(AcpAgent)

public:
    explicit AcpAgent(AgentProfile profile);
    AgentResult run(AgentContext &context) override;

    // The registry's check of a profile for this backend: a command, and settings of the right types.
    static QList<BackendRegistry::ProfileError> validate(const AgentProfile &profile);
    // JSON Schema of the profile settings it reads.
    static QJsonObject settingsSchema();

private:
    AgentProfile m_profile;
};

} // namespace switchboard
