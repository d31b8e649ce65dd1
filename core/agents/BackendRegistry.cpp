#include "BackendRegistry.h"

#include "DemoAgent.h"
#include "ProcessAgent.h"
#include "agents/acp/AcpAgent.h"
#include "agents/coding/CodingAgent.h"
#include "agents/llm/LlmAgent.h"
#include "config/LlmProfileRules.h"

#include <algorithm>

namespace switchboard {

BackendRegistry BackendRegistry::withBuiltins()
{
    BackendRegistry registry;
    registry.add({QStringLiteral("demo"),
                  [](const AgentProfile &profile) { return std::make_unique<DemoAgent>(profile); }, nullptr,
                  DemoAgent::settingsSchema()});
    registry.add({QStringLiteral("process"),
                  [](const AgentProfile &profile) { return std::make_unique<ProcessAgent>(profile); },
                  &ProcessAgent::validate, ProcessAgent::settingsSchema()});
    // One agent for both wire formats: the profile's backend picks the API (resolveEndpoint).
    for (const QString &name : {LlmProfileRules::openAi(), LlmProfileRules::anthropic()})
        registry.add({name, [](const AgentProfile &profile) { return std::make_unique<LlmAgent>(profile); },
                      &LlmProfileRules::validate, LlmProfileRules::settingsSchema()});
    // Any agent speaking the Agent Client Protocol (JSON-RPC over stdio); its command is the profile's.
    registry.add({QStringLiteral("acp"),
                  [](const AgentProfile &profile) { return std::make_unique<AcpAgent>(profile); }, &AcpAgent::validate,
                  AcpAgent::settingsSchema()});
    // Coding CLIs (claude-code, codex, gemini, aider): one memory for all of them, so "Always allow" and the
    // session a retry resumes outlive the attempt's backend object.
    for (BackendRegistry::Backend &entry : CodingAgent::registryEntries())
        registry.add(std::move(entry));
    return registry;
}

BackendRegistry BackendRegistry::forNames(const QStringList &names)
{
    BackendRegistry builtins = withBuiltins();
    if (names.isEmpty())
        return builtins;
    BackendRegistry registry;
    for (const QString &name : names) {
        const Backend *builtin = builtins.find(name);
        registry.add(builtin ? *builtin : Backend{name, nullptr, nullptr, {}});
    }
    return registry;
}

void BackendRegistry::add(Backend backend)
{
    const auto it = std::find_if(m_backends.begin(), m_backends.end(),
                                 [&](const Backend &entry) { return entry.name == backend.name; });
    if (it != m_backends.end())
        *it = std::move(backend);
    else
        m_backends.append(std::move(backend));
}

void BackendRegistry::add(const QString &name, Factory factory)
{
    add({name, std::move(factory), nullptr, {}});
}

bool BackendRegistry::contains(const QString &name) const
{
    return find(name) != nullptr;
}

const BackendRegistry::Backend *BackendRegistry::find(const QString &name) const
{
    for (const Backend &entry : m_backends) {
        if (entry.name == name)
            return &entry;
    }
    return nullptr;
}

QStringList BackendRegistry::names() const
{
    QStringList names;
    names.reserve(m_backends.size());
    for (const Backend &entry : m_backends)
        names << entry.name;
    names.sort();
    return names;
}

QList<BackendRegistry::ProfileError> BackendRegistry::validate(const AgentProfile &profile) const
{
    const Backend *entry = find(profile.backend);
    return entry && entry->validate ? entry->validate(profile) : QList<ProfileError>();
}

std::unique_ptr<AgentBackend> BackendRegistry::create(const AgentProfile &profile) const
{
    const Backend *entry = find(profile.backend);
    return entry && entry->factory ? entry->factory(profile) : nullptr;
}

} // namespace switchboard
