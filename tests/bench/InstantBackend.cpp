#include "InstantBackend.h"

#include "RunProbe.h"
#include "agents/AgentContext.h"
#include "agents/BackendRegistry.h"
#include "orchestration/Orchestrator.h"

namespace switchboard::bench {

AgentResult InstantBackend::run(AgentContext &context)
{
    const int index = m_probe->begin(context.goal().id);
    m_probe->end(index);
    return AgentResult::completed(QString());
}

void InstantBackend::install(Orchestrator &orchestrator, RunProbe *probe, int maxParallel)
{
    BackendRegistry registry = BackendRegistry::withBuiltins();
    registry.add(name(), [probe](const AgentProfile &) { return std::make_unique<InstantBackend>(probe); });
    orchestrator.setBackends(std::move(registry));
    AgentProfile profile;
    profile.name = name();
    profile.backend = name();
    orchestrator.setProfiles({profile});
    orchestrator.setMaxParallel(maxParallel);
}

} // namespace switchboard::bench
