#pragma once

#include "WireFormat.h"

#include <QMap>

namespace switchboard::llm {

// Anthropic Messages: the request body (system apart, content blocks, tool results grouped into one user turn,
// max_tokens always present), a whole reply, and the events of a streamed one: message_start (input tokens),
// content blocks with text and tool_use input accumulated from input_json_delta, message_delta (stop reason,
// output tokens), error events, up to the terminal message_stop.
class AnthropicWire final : public WireFormat
{
public:
    static constexpr int defaultMaxTokens = 4096;

    AnthropicWire() = default;

    QString completionPath() const override;
    QJsonObject buildRequest(const ChatRequest &request, const ModelEndpoint &endpoint) const override;
    // Written straight as JSON text (JsonText); the same object as buildRequest's once parsed.
    QByteArray requestBody(const ChatRequest &request, const ModelEndpoint &endpoint,
                           const QByteArray &toolsJson = {}) const override;
    std::variant<ModelReply, ModelError> parseReply(const QByteArray &body) const override;

    std::optional<ModelError> handleEvent(const SseEvent &event, QString *textDelta) override;
    bool streamComplete() const override { return m_stopped; }
    ModelReply streamReply() const override;

private:
    struct Block
    {
        QString type; // "text", "tool_use", or one this client does not use ("thinking", ...)
        QString text;
        ToolCall call;
        QString initialInput; // tool_use: the input in content_block_start, used when no delta follows
        bool open = true;
    };

    ModelReply m_reply;
    QMap<int, Block> m_blocks;
    bool m_started = false;
    bool m_stopped = false;
};

} // namespace switchboard::llm
