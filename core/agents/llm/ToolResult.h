#pragma once

#include <QString>

namespace switchboard {

// What one tool call of a model agent returns to the model: the text it reads, and whether the call failed
// (a refusal, bad arguments, a command that failed), which the wire formats mark (Anthropic is_error).
struct ToolResult
{
    QString text;
    bool isError = false;

    static ToolResult ok(const QString &text) { return {text, false}; }
    static ToolResult error(const QString &text) { return {text, true}; }
};

} // namespace switchboard
