#pragma once

#include "AgentBackend.h"
#include "model/AgentProfile.h"

#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

#include <functional>
#include <memory>

namespace switchboard {

// The backends a run can use, by the name a profile gives: each entry makes the backend, checks a profile
// for it and describes its settings, so a new backend touches neither the orchestrator nor the config.
class BackendRegistry final
{
public:
    using Factory = std::function<std::unique_ptr<AgentBackend>(const AgentProfile &)>;

    // What is wrong with a profile for its backend: the profile field it is about ("command",
    // "settings.kill_grace_ms"; empty: the profile as a whole) and the message ("backend 'process' needs ...").
    struct ProfileError
    {
        QString field;
        QString message;

        friend bool operator==(const ProfileError &, const ProfileError &) = default;
    };
    using Validator = std::function<QList<ProfileError>(const AgentProfile &)>;

    struct Backend
    {
        QString name;
        Factory factory;    // null: known by name only (a config check), nothing can be made
        Validator validate; // null: every profile will do
        QJsonObject schema; // JSON Schema of the profile's `settings` (an object)
    };

    // The backends that ship with Switchboard: "demo", "process", "openai" and "anthropic" (LlmAgent, with the
    // profile rules of LlmProfileRules), the coding CLIs "claude-code", "codex", "gemini", "aider" (CodingAgent),
    // and "acp" (AcpAgent: any Agent Client Protocol agent).
    static BackendRegistry withBuiltins();
    // Checking a config against names only: the built-in entries of these names, and bare ones (no factory,
    // no checks) for the others; every built-in when names is empty.
    static BackendRegistry forNames(const QStringList &names);

    // Adds or replaces the entry of backend.name.
    void add(Backend backend);
    void add(const QString &name, Factory factory);
    bool contains(const QString &name) const;
    const Backend *find(const QString &name) const;
    QStringList names() const; // sorted
    // What is wrong with the profile for its backend; empty for an unknown backend (the caller says so).
    QList<ProfileError> validate(const AgentProfile &profile) const;
    std::unique_ptr<AgentBackend> create(const AgentProfile &profile) const;

private:
    QList<Backend> m_backends;
};

} // namespace switchboard
