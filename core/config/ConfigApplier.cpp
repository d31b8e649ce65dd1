#include "ConfigApplier.h"

#include "orchestration/Orchestrator.h"
#include "orchestration/Scheduler.h"

#include <QDateTime>
#include <QStandardPaths>

namespace switchboard {

QString sessionLogDirectory()
{
    return QStandardPaths::writableLocation(QStandardPaths::GenericDataLocation) + u"/switchboard/logs/" +
           QDateTime::currentDateTime().toString(QStringLiteral("yyyyMMdd-HHmmss-zzz"));
}

void applyConfig(Orchestrator &orchestrator, const Config &config, int maxParallelOverride, const QString &modeOverride)
{
    orchestrator.setProfiles(config.profiles);
    orchestrator.setMaxParallel(maxParallelOverride > 0 ? maxParallelOverride : config.workflow.maxParallel);
    const QString mode = modeOverride.isEmpty() ? config.workflow.mode : modeOverride;
    orchestrator.setMode(Scheduler::modeFromString(mode).value_or(Scheduler::Mode::Dependency));
    orchestrator.setDeadlinePolicy(config.workflow.onDeadline == u"escalate" ? Orchestrator::DeadlinePolicy::Escalate
                                                                             : Orchestrator::DeadlinePolicy::Fail);
    orchestrator.setRunBudget(config.workflow.budget);
    orchestrator.locks().setLeaseTtl(std::chrono::seconds(config.workflow.lockTtlS));
    if (!config.workflow.workspace.isEmpty())
        orchestrator.setWorkspace(config.workflow.workspace);
}

} // namespace switchboard
