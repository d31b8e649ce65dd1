#pragma once

#include "ModelTypes.h"
#include "model/AgentProfile.h"

#include <QProcessEnvironment>

#include <optional>

namespace switchboard::llm {

// The endpoint an LLM profile (backend "openai" or "anthropic") reaches: base URL (profile, else
// OPENAI_BASE_URL for openai, else the vendor's), model, headers, timeouts and the key read from the
// environment variable the profile names (default OPENAI_API_KEY / ANTHROPIC_API_KEY). The key is remembered
// by Secrets so every text Switchboard writes redacts it. Without a key where one is needed: nullopt and
// *error says which variable to set ("profile 'coder' needs an API key: set OPENAI_API_KEY ...").
std::optional<ModelEndpoint> resolveEndpoint(const AgentProfile &profile, const QProcessEnvironment &environment,
                                             QString *error);

} // namespace switchboard::llm
