#pragma once

#include "CommandTool.h"
#include "ToolResult.h"
#include "WorkspacePath.h"
#include "llm/ModelTypes.h"

#include <QJsonObject>
#include <QList>
#include <QString>

#include <chrono>
#include <functional>
#include <optional>

namespace switchboard {

class AgentContext;

// The file tools a model agent works with inside its attempt's workspace: list_files, read_file,
// search_files, write_file, edit_file, and run_command when the profile allows programs. Every path is
// confined to the workspace (WorkspacePath); writes take the file's lock through the context, check the
// fencing token right before writing, and replace the file atomically. Outputs are bounded, with a note
// saying what was left out. Runs on the attempt's thread; a refusal is an error result, never an exception.
class WorkspaceTools final
{
    Q_DISABLE_COPY_MOVE(WorkspaceTools)

public:
    static constexpr int DefaultReadLines = 400;
    static constexpr int MaxReadLines = 2000;
    static constexpr qsizetype MaxReadBytes = 64 * 1024;
    static constexpr qsizetype MaxLineChars = 2000;
    static constexpr int MaxListEntries = 500;
    static constexpr int MaxSearchHits = 200;
    static constexpr int MaxSearchFiles = 20000;
    static constexpr qint64 MaxSearchFileBytes = 2 * 1024 * 1024;
    static constexpr qsizetype SearchLineChars = 300;
    static constexpr qsizetype BinaryProbeBytes = 8 * 1024;
    static constexpr std::chrono::milliseconds DefaultLockTimeout{30'000};

    WorkspaceTools(AgentContext &context, const ModelSettings &settings);

    // How long write_file/edit_file wait for a file another agent holds before giving up.
    void setLockTimeout(std::chrono::milliseconds timeout) { m_lockTimeout = timeout; }
    std::chrono::milliseconds lockTimeout() const { return m_lockTimeout; }

    // Called with the workspace-relative path once its lock is held and the new content is ready, right
    // before the fencing check: where a test makes the lock go away, as a human or an expiry would.
    void setBeforeWrite(std::function<void(const QString &relative)> hook) { m_beforeWrite = std::move(hook); }

    // The tools offered to the model (run_command only when enabled), in a stable order.
    QList<llm::ToolSpec> specs() const;
    bool handles(const QString &name) const;
    // Runs one tool; unknown names and bad arguments are error results.
    ToolResult call(const QString &name, const QJsonObject &arguments);
    // What the card shows while the tool runs: "read_file src/a.py".
    static QString describeCall(const QString &name, const QJsonObject &arguments);

    ToolResult listFiles(const QJsonObject &arguments);
    ToolResult readFile(const QJsonObject &arguments);
    ToolResult searchFiles(const QJsonObject &arguments);
    ToolResult writeFile(const QJsonObject &arguments);
    ToolResult editFile(const QJsonObject &arguments);

private:
    std::optional<WorkspacePath::Resolved> resolve(const QJsonValue &path, QString *error) const;
    // Under the file's lock: `change` computes the new content (reading the old one if it needs to) and
    // returns the success message, or an error result to write nothing; the content is then written
    // atomically if the lock is still this agent's right before the write. Releases what it newly locked.
    using Change = std::function<ToolResult(QByteArray *content)>;
    ToolResult writeLocked(const WorkspacePath::Resolved &file, const Change &change);

    AgentContext &m_context;
    CommandTool m_command;
    std::chrono::milliseconds m_lockTimeout = DefaultLockTimeout;
    std::function<void(const QString &relative)> m_beforeWrite;
};

} // namespace switchboard
