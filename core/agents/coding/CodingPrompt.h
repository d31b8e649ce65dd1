#pragma once

#include <QString>

namespace switchboard {

class AgentContext;

// The goal as the text a coding CLI gets as its task: title, description, success criteria and what the goals it
// depends on produced.
class CodingPrompt final
{
public:
    // Prompts that travel as one argument stay below Linux's 128 KiB limit for a single argv string.
    static constexpr qsizetype MaxArgumentBytes = 100 * 1024;

    static QString build(const AgentContext &context);
};

} // namespace switchboard
