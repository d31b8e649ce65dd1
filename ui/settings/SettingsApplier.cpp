#include "SettingsApplier.h"

#include "orchestration/Orchestrator.h"
#include "orchestration/Scheduler.h"

#include <chrono>

namespace switchboard {

namespace {

const AgentProfile *named(const QList<AgentProfile> &profiles, const QString &name)
{
    for (const AgentProfile &profile : profiles) {
        if (profile.name == name)
            return &profile;
    }
    return nullptr;
}

} // namespace

QList<AgentProfile> SettingsApplier::mergeProfiles(const QList<AgentProfile> &session,
                                                   const QList<AgentProfile> &before, const QList<AgentProfile> &after)
{
    QList<AgentProfile> merged;
    // The session's own (not from the config) stay; the config's are replaced by the new config's.
    for (const AgentProfile &profile : session) {
        if (!named(before, profile.name) && !named(after, profile.name))
            merged.append(profile);
    }
    for (const AgentProfile &profile : after) {
        merged.append(profile);
    }
    return merged;
}

void SettingsApplier::apply(Orchestrator *orchestrator, const Config &before, const Config &after)
{
    if (!orchestrator)
        return;
    orchestrator->setProfiles(mergeProfiles(orchestrator->profiles(), before.profiles, after.profiles));
    const WorkflowSettings &was = before.workflow;
    const WorkflowSettings &now = after.workflow;
    if (now.maxParallel != was.maxParallel)
        orchestrator->setMaxParallel(now.maxParallel);
    if (now.mode != was.mode)
        orchestrator->setMode(Scheduler::modeFromString(now.mode).value_or(Scheduler::Mode::Dependency));
    if (now.onDeadline != was.onDeadline)
        orchestrator->setDeadlinePolicy(now.onDeadline);
    if (now.budget.maxTokens != was.budget.maxTokens || now.budget.maxCostUsd != was.budget.maxCostUsd)
        orchestrator->setRunBudget(now.budget);
    if (now.lockTtlS != was.lockTtlS)
        orchestrator->locks().setLeaseTtl(std::chrono::seconds(now.lockTtlS));
    if (now.workspace != was.workspace && !now.workspace.isEmpty())
        orchestrator->setWorkspace(now.workspace);
}

} // namespace switchboard
