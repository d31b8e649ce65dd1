#pragma once

#include "agents/BackendRegistry.h"
#include "model/AgentProfile.h"

#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

namespace switchboard {

// What makes a profile of backend "openai" or "anthropic" good (the BackendRegistry validator of both) and how
// the seed format's "model and no backend" becomes one. Lives with the config so the config check knows these
// backends before any factory for them is registered.
class LlmProfileRules final
{
public:
    static const QString &openAi();    // "openai"
    static const QString &anthropic(); // "anthropic"
    static bool isLlmBackend(const QString &backend);

    // The backend a seed-style profile (a model, no backend) runs on: claude-* models on "anthropic", any
    // other model on "openai".
    static QString backendForModel(const QString &model);
    // The environment variable that holds the key: api_key_env, else OPENAI_API_KEY / ANTHROPIC_API_KEY.
    static QString keyVariable(const AgentProfile &profile);
    static QString defaultKeyVariable(const QString &backend);

    // The problems of an LLM profile, each naming its field ("model", "base_url", "pricing.input_per_mtok",
    // "headers.Authorization", "run_command.timeout_s"). Profiles built in code (the GUI, local model discovery)
    // pass through the same rules as those read from a file.
    static QList<BackendRegistry::ProfileError> validate(const AgentProfile &profile);
    // JSON Schema of `settings` for these backends (the registry's schema): no keys, as everything an LLM
    // profile says sits in the profile itself.
    static QJsonObject settingsSchema();
    // JSON Schema of those profile keys (base_url, api_key_env, temperature, ..., run_command).
    static QJsonObject profileKeysSchema();

    // Header names that carry credentials: a config may not set them (the key comes from api_key_env).
    static bool isCredentialHeader(const QString &name);
    // A valid environment variable name: [A-Za-z_][A-Za-z0-9_]*.
    static bool isVariableName(const QString &name);
};

} // namespace switchboard
