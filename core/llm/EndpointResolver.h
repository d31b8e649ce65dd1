#pragma once

#include "ModelTypes.h"
#include "model/AgentProfile.h"

#include <QProcessEnvironment>

#include <optional>

namespace switchboard::llm {

// The endpoint an LLM profile (backend "openai" or "anthropic") reaches: base URL (profile, else
// OPENAI_BASE_URL for openai, else the vendor's), model, headers, timeouts and the key: from the variable
// api_key_env names when it holds one, else from the profile's keychain entry (Keychain; blocks up to a minute
// the first time, so call it off the GUI thread), else from OPENAI_API_KEY / ANTHROPIC_API_KEY (not for a server
// on this machine, which needs no key). The key is remembered by Secrets so every text Switchboard writes
// redacts it. Without a key where one is needed: nullopt and *error says which variable to set ("profile
// 'coder' needs an API key: set the environment variable OPENAI_API_KEY ...") and why the keychain had none.
std::optional<ModelEndpoint> resolveEndpoint(const AgentProfile &profile, const QProcessEnvironment &environment,
                                             QString *error);

// The variables resolveEndpoint reads for this profile (OPENAI_BASE_URL and the key's), from this process's
// environment: an agent's start no longer copies the whole environment (~260 k instructions each in w3).
QProcessEnvironment endpointEnvironment(const AgentProfile &profile);

} // namespace switchboard::llm
