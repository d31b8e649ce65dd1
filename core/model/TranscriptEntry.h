#pragma once

#include <QDateTime>
#include <QMetaType>
#include <QString>

namespace switchboard {

// One step of a model agent's conversation, stored with its attempt and shown in the agent's detail pane.
struct TranscriptEntry
{
    enum class Kind
    {
        System,     // the system prompt
        User,       // a user turn (the goal, a correction the loop sends)
        Assistant,  // the model's text
        ToolCall,   // the model asked for a tool: toolName, toolCallId, text = the arguments (JSON text)
        ToolResult, // what the tool returned: toolCallId, text, isError
        Error,      // a failed call (HTTP error, cut stream): text
    };

    QString agentId;
    int attempt = 0;
    int seq = 0; // 0, 1, 2 ... within the attempt
    Kind kind = Kind::User;
    QString text;
    QString toolName;
    QString toolCallId;
    bool isError = false;
    qint64 inputTokens = 0; // Assistant: usage of the call that produced it
    qint64 outputTokens = 0;
    double costUsd = 0;
    QDateTime at; // UTC

    friend bool operator==(const TranscriptEntry &, const TranscriptEntry &) = default;
};

QString transcriptKindName(TranscriptEntry::Kind kind); // "system", "user", "assistant", "tool_call", ...
TranscriptEntry::Kind transcriptKindFromName(QStringView name, bool *ok = nullptr);

} // namespace switchboard

Q_DECLARE_METATYPE(switchboard::TranscriptEntry)
