#pragma once

#include "ToolResult.h"
#include "llm/ModelTypes.h"
#include "model/ModelSettings.h"

#include <QJsonObject>
#include <QStringList>

namespace switchboard {

class AgentContext;

// The run_command tool: starts one program the profile allows (run_command.allow) in the workspace, in its
// own process group, without a shell, stdin closed and the API key variables removed from its environment;
// kills the whole group after run_command.timeout_s or when the attempt is cancelled; returns the exit code
// and the output, bounded (the head and the tail of it, with a note of what was left out). Blocks the
// calling (pool) thread in a local event loop.
class CommandTool final
{
    Q_DISABLE_COPY_MOVE(CommandTool)

public:
    static constexpr qsizetype MaxHeadBytes = 12 * 1024;
    static constexpr qsizetype MaxTailBytes = 4 * 1024;
    static constexpr qsizetype MaxLineChars = 2000;
    static constexpr int KillGraceMs = 1000;
    static constexpr int CancelPollMs = 50;
    static constexpr int HeartbeatMs = 2000;

    CommandTool(AgentContext &context, const ModelSettings &settings);

    // Off unless the profile allows at least one program.
    bool isEnabled() const { return !m_allow.isEmpty(); }
    llm::ToolSpec spec() const;
    ToolResult run(const QJsonObject &arguments);

    // The program to start for argv0, or empty with *error: a bare name must be allowed by name and is looked
    // up in PATH (never in the workspace); a path must be allowed as written.
    QString allowedProgram(const QString &argv0, QString *error) const;

private:
    AgentContext &m_context;
    QStringList m_allow;
    int m_timeoutS;
    QStringList m_hiddenVariables; // never passed to the program: the key must not reach the model
};

} // namespace switchboard
