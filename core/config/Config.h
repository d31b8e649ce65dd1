#pragma once

#include "ConfigError.h"
#include "model/AgentProfile.h"
#include "model/DeadlinePolicy.h"
#include "model/RetryPolicy.h"
#include "persistence/MetricThresholds.h"

#include <QList>
#include <QString>

namespace switchboard {

// The workflow section: how the orchestrator runs goals.
struct WorkflowSettings
{
    int maxParallel = 3;
    int maxIterations = 10;
    QString workspace;                                // empty = the current directory
    QString mode = QStringLiteral("dependency");      // dependency | phased | sequential | parallel | pipeline
    DeadlinePolicy onDeadline = DeadlinePolicy::Fail; // on_deadline: fail | escalate
    Budget budget;                                    // for the whole run
    QualityPolicy quality;                            // default for profiles without their own 'quality'
    int lockTtlS = 1800;                              // lock lease; renewed while the holder is active
    bool autoResume = true; // at start, retry agents a crash interrupted (false: they wait for a click)
};

// Everything switchboard.yaml configures; plans may carry the same sections and are merged over it.
struct Config
{
    QString file;          // where it came from (empty for built-in defaults)
    QByteArray sourceText; // the YAML it was read from (stored with each run: RunSettings)
    WorkflowSettings workflow;
    MetricThresholds metrics; // the "metrics:" section: targets and alert thresholds of the dashboard
    QList<AgentProfile> profiles;
    QList<ConfigError> warnings; // unknown keys and other things worth telling, with locations

    const AgentProfile *profile(const QString &name) const;
};

} // namespace switchboard
