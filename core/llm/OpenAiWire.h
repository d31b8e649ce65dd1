#pragma once

#include "WireFormat.h"

#include <QMap>

namespace switchboard::llm {

// What one stream chunk says, as OpenAiWire::handleEvent applies it (either reader fills it).
struct OpenAiChunk
{
    struct Call
    {
        bool hasIndex = false;
        int index = 0;
        QString id;
        QString name;
        QString arguments;
    };
    struct Choice // choices[] with index 0 only
    {
        QString content;
        QList<Call> calls;
        bool hasFinish = false; // finish_reason is a string
        QString finish;
    };
    QString model;
    bool hasUsage = false;
    Usage usage;
    bool hasChoices = false;
    QList<Choice> choices;
};

// OpenAI Chat Completions (also OpenRouter, Ollama, llama.cpp, vLLM, LM Studio): the request body, a whole
// reply, and the chunks of a streamed one with tool calls accumulated by their index and usage from the final
// chunk (stream_options.include_usage), up to the terminal "data: [DONE]".
class OpenAiWire final : public WireFormat
{
public:
    OpenAiWire() = default;

    QString completionPath() const override;
    QJsonObject buildRequest(const ChatRequest &request, const ModelEndpoint &endpoint) const override;
    // Written straight as JSON text (JsonText), with no QJsonObject in between; the same object as
    // buildRequest's once parsed.
    QByteArray requestBody(const ChatRequest &request, const ModelEndpoint &endpoint,
                           const QByteArray &toolsJson = {}) const override;
    // readUsualReply's reply when it has one, else parseReplyDocument's reply or error.
    std::variant<ModelReply, ModelError> parseReply(const QByteArray &body) const override;
    // The usual reply (an object with choices[0].message, string or null content, tool calls with string
    // arguments, integer usage, valid JSON throughout) read straight from the text, without QJsonDocument;
    // nullopt for anything else. Where it gives a reply, parseReplyDocument gives the same one.
    static std::optional<ModelReply> readUsualReply(const QByteArray &body);
    // Any reply or its error, through QJsonDocument.
    static std::variant<ModelReply, ModelError> parseReplyDocument(const QByteArray &body);

    // The usual chunk is read in place (json::Reader), anything else through QJsonDocument, as whole replies are.
    std::optional<ModelError> handleEvent(const SseEvent &event, QString *textDelta) override;
    // Every chunk through QJsonDocument: the reference the tests hold the in-place reading to.
    void readChunksThroughDocument();
    bool streamComplete() const override { return m_done; }
    ModelReply streamReply() const override;

private:
    static OpenAiChunk chunkOf(const QJsonObject &object);
    std::optional<ModelError> apply(const OpenAiChunk &chunk, QString *textDelta);

    ModelReply m_reply;
    QMap<int, ToolCall> m_calls; // by the chunks' "index", in the order the model made them
    int m_lastIndex = -1;
    int m_chunks = 0;
    bool m_done = false;
    bool m_readInPlace = true;
};

} // namespace switchboard::llm
