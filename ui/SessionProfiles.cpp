#include "SessionProfiles.h"

#include "orchestration/Orchestrator.h"

namespace switchboard {

bool SessionProfiles::has(const Orchestrator *orchestrator, const QString &name)
{
    if (!orchestrator)
        return false;
    for (const AgentProfile &profile : orchestrator->profiles()) {
        if (profile.name == name)
            return true;
    }
    return false;
}

bool SessionProfiles::add(Orchestrator *orchestrator, const AgentProfile &profile)
{
    if (!orchestrator || has(orchestrator, profile.name))
        return false;
    QList<AgentProfile> profiles = orchestrator->profiles();
    profiles.append(profile);
    orchestrator->setProfiles(profiles);
    return true;
}

} // namespace switchboard
