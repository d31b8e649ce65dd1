#pragma once

#include "AgentBackend.h"
#include "model/AgentProfile.h"

#include <QJsonObject>

namespace switchboard {

// The built-in offline agent for trying Switchboard without a model: it walks through a few named
// steps with progress over a configurable duration (settings: duration_ms, steps, fail) and says it is a demo.
class DemoAgent final : public AgentBackend
{
public:
    explicit DemoAgent(AgentProfile profile);
    AgentResult run(AgentContext &context) override;

    // JSON Schema of the profile settings it reads.
    static QJsonObject settingsSchema();

private:
    AgentProfile m_profile;
};

} // namespace switchboard
