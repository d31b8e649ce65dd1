#pragma once

#include "llm/ModelTypes.h"

#include <QList>
#include <QString>

namespace switchboard {

class AgentContext;

// What a model agent is told: the system prompt (the goal, its success criteria, the inputs of the goals
// before it, the human's earlier answers, the scratchpad's notes, the workspace and the rules of its tools)
// and the first user message (the goal itself).
class AgentPrompt final
{
public:
    // Longer inputs and notes are cut, with a note, so the prompt stays within reason.
    static constexpr qsizetype MaxItemChars = 4000;
    static constexpr qsizetype MaxSectionChars = 20000;

    static QString system(const AgentContext &context, const QList<llm::ToolSpec> &tools);
    static QString goal(const AgentContext &context);
};

} // namespace switchboard
