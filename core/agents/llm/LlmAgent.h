#pragma once

#include "agents/AgentBackend.h"
#include "llm/ModelTypes.h"
#include "model/AgentProfile.h"

namespace switchboard {

// The backends "openai" and "anthropic": a model reached over HTTP (llm::ModelClient) works on the goal in
// a loop of tool calls inside the workspace (WorkspaceTools, ProtocolTools) until it calls finish or answers
// without a tool call. Text streams into the agent's log, usage and cost add up per call, every step goes to
// the transcript, and model errors map onto the retry machinery: rate limits pause the profile and retry,
// transient failures retry, refusals (auth, bad request, malformed replies) fail at once. One instance per
// attempt; run() blocks a pool thread and returns promptly on cancel (the request in flight is aborted).
// Profiles are checked by LlmProfileRules (the registry's validator for both backend names).
class LlmAgent final : public AgentBackend
{
public:
    // Consecutive replies that could not be used (cut off, tool arguments not a JSON object, empty) before
    // the attempt fails.
    static constexpr int MaxMalformedReplies = 3;
    // The pause a rate limit without a Retry-After gets.
    static constexpr int DefaultRateLimitPauseS = 30;

    explicit LlmAgent(AgentProfile profile);

    AgentResult run(AgentContext &context) override;

    // The attempt's error kind for a failed model call: "rate_limited" (the profile pauses), retryable
    // "server", "timeout", "stream_cut", "network", and "invalid" for what a retry cannot fix.
    static QString errorKindFor(const llm::ModelError &error);

private:
    AgentProfile m_profile;
};

} // namespace switchboard
