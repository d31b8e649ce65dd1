#pragma once

#include <QJsonArray>
#include <QString>

namespace switchboard {

class AgentContext;

// What an ACP agent is asked in its session/prompt: the goal (title, description, success criteria), the outputs
// of the goals it depends on and the human's earlier answers, as text content blocks (every agent must take
// text), each cut to a reasonable size with a note.
class AcpPrompt final
{
public:
    static constexpr qsizetype MaxBlockChars = 20000;
    static constexpr qsizetype MaxInputChars = 4000;

    static QJsonArray blocks(const AgentContext &context, const QString &workspace);
    // The blocks' text joined, as the transcript shows the prompt.
    static QString text(const QJsonArray &blocks);
};

} // namespace switchboard
