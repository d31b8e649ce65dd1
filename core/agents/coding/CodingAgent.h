#pragma once

#include "CodingDialect.h"
#include "agents/AgentBackend.h"
#include "agents/BackendRegistry.h"
#include "model/AgentProfile.h"

#include <QJsonObject>
#include <QList>
#include <QString>

#include <memory>

namespace switchboard {

class CodingMemory;

// A command-line coding agent as a profile backend: `claude-code`, `codex`, `gemini` or `aider`. Each attempt runs
// the CLI in the goal's workspace (its git worktree when the goal is isolated), in its own process group, and its
// dialect turns the CLI's output into steps, log lines, usage, the agent session and the result (see
// docs/CODING_AGENTS.md). The profile's `command` replaces the binary, its `args` are added to the adapter's own.
class CodingAgent final : public AgentBackend
{
    Q_DISABLE_COPY_MOVE(CodingAgent)

public:
    enum class Kind
    {
        ClaudeCode,
        Codex,
        Gemini,
        Aider,
    };

    static constexpr int DefaultKillGraceMs = 3000;

    // memory: shared by the coding backends of one registry, so "Always allow" and the session to resume outlive
    // the attempt (one backend object runs one attempt).
    CodingAgent(Kind kind, AgentProfile profile, std::shared_ptr<CodingMemory> memory);
    ~CodingAgent() override;

    AgentResult run(AgentContext &context) override;

    // The backend name a profile gives ("claude-code", ...).
    static QString backendName(Kind kind);
    static QList<Kind> kinds();
    static std::unique_ptr<CodingDialect> makeDialect(Kind kind);

    // The registry's check of a profile for these backends: a command, when given, names a program.
    static QList<BackendRegistry::ProfileError> validate(const AgentProfile &profile);
    // JSON Schema of the profile settings they read.
    static QJsonObject settingsSchema();
    // The entries for BackendRegistry::withBuiltins(), sharing one memory.
    static QList<BackendRegistry::Backend> registryEntries();

private:
    const Kind m_kind;
    const AgentProfile m_profile;
    const std::shared_ptr<CodingMemory> m_memory;
};

} // namespace switchboard
