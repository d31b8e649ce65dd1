#pragma once

#include <QString>
#include <QStringList>
#include <QStringView>

#include <optional>

namespace switchboard {

// How dependencies and phases gate the start of a goal (plans' and the config's workflow.mode, --mode).
enum class WorkflowMode
{
    Dependency, // a goal starts as soon as its own dependencies are done (default)
    Phased,     // phase N+1 starts only when every goal of phase N has finished
    Sequential, // one at a time, in submission order (dependencies still respected)
    Parallel,   // dependencies ignored: everything up to the cap
    Pipeline,   // a dependent may start once each dependency has handed off (or completed)
};

inline QString workflowModeName(WorkflowMode mode)
{
    switch (mode) {
    case WorkflowMode::Dependency:
        return QStringLiteral("dependency");
    case WorkflowMode::Phased:
        return QStringLiteral("phased");
    case WorkflowMode::Sequential:
        return QStringLiteral("sequential");
    case WorkflowMode::Parallel:
        return QStringLiteral("parallel");
    case WorkflowMode::Pipeline:
        return QStringLiteral("pipeline");
    }
    return QStringLiteral("dependency");
}

// Every mode's name, in the enum's order (for error messages and choosers).
inline QStringList workflowModeNames()
{
    QStringList names;
    for (WorkflowMode mode : {WorkflowMode::Dependency, WorkflowMode::Phased, WorkflowMode::Sequential,
                              WorkflowMode::Parallel, WorkflowMode::Pipeline})
        names << workflowModeName(mode);
    return names;
}

// The mode of this name (case-insensitive); nullopt for anything else.
inline std::optional<WorkflowMode> workflowModeFromName(QStringView name)
{
    for (WorkflowMode mode : {WorkflowMode::Dependency, WorkflowMode::Phased, WorkflowMode::Sequential,
                              WorkflowMode::Parallel, WorkflowMode::Pipeline}) {
        if (name.compare(workflowModeName(mode), Qt::CaseInsensitive) == 0)
            return mode;
    }
    return std::nullopt;
}

} // namespace switchboard
