#include "AnthropicWire.h"

#include "JsonText.h"
#include "WireErrors.h"

#include <QJsonArray>
#include <QJsonDocument>

using namespace Qt::StringLiterals;

namespace switchboard::llm {

static ModelError protocol(const QString &message)
{
    return ModelError{ModelError::Kind::Protocol, 0, -1, message};
}

static void setStop(ModelReply &reply, const QString &stopReason)
{
    reply.stopReason = stopReason;
    if (stopReason == u"max_tokens")
        reply.stop = ModelReply::Stop::Truncated;
    else if (stopReason == u"tool_use" || (!reply.toolCalls.isEmpty() && stopReason.isEmpty()))
        reply.stop = ModelReply::Stop::ToolCalls;
    else if (stopReason == u"end_turn" || stopReason == u"stop_sequence" || stopReason.isEmpty())
        reply.stop = ModelReply::Stop::Done;
    else
        reply.stop = ModelReply::Stop::Other; // refusal, pause_turn, ...
}

static QString compact(const QJsonObject &object)
{
    return QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Compact));
}

// The API wants input as an object; arguments the model botched (the agent loop answered them with an error)
// go back as an empty object so the conversation stays valid.
static QJsonObject inputObject(const QString &arguments)
{
    const QJsonDocument document = QJsonDocument::fromJson(arguments.toUtf8());
    return document.isObject() ? document.object() : QJsonObject();
}

QString AnthropicWire::completionPath() const
{
    return u"messages"_s;
}

QJsonObject AnthropicWire::buildRequest(const ChatRequest &request, const ModelEndpoint &endpoint) const
{
    // The API wants user and assistant turns alternating: consecutive messages of one side (tool results and a
    // user note after them, say) share one turn.
    QJsonArray messages;
    QString turnRole;
    QJsonArray turnBlocks;
    const auto flush = [&] {
        if (!turnBlocks.isEmpty())
            messages.append(QJsonObject{{u"role"_s, turnRole}, {u"content"_s, turnBlocks}});
        turnBlocks = QJsonArray();
    };
    const auto append = [&](const QString &role, const QJsonObject &block) {
        if (role != turnRole)
            flush();
        turnRole = role;
        turnBlocks.append(block);
    };
    for (const ChatMessage &message : request.messages) {
        switch (message.role) {
        case ChatMessage::Role::User:
            // Empty text blocks are refused by the API.
            if (!message.text.isEmpty())
                append(u"user"_s, QJsonObject{{u"type"_s, u"text"_s}, {u"text"_s, message.text}});
            break;
        case ChatMessage::Role::Assistant:
            if (!message.text.isEmpty())
                append(u"assistant"_s, QJsonObject{{u"type"_s, u"text"_s}, {u"text"_s, message.text}});
            for (const ToolCall &call : message.toolCalls)
                append(u"assistant"_s, QJsonObject{{u"type"_s, u"tool_use"_s},
                                                   {u"id"_s, call.id},
                                                   {u"name"_s, call.name},
                                                   {u"input"_s, inputObject(call.arguments)}});
            break;
        case ChatMessage::Role::Tool: {
            QJsonObject block{
                {u"type"_s, u"tool_result"_s}, {u"tool_use_id"_s, message.toolCallId}, {u"content"_s, message.text}};
            if (message.isError)
                block.insert(u"is_error"_s, true);
            append(u"user"_s, block);
            break;
        }
        }
    }
    flush();

    QJsonObject body{{u"model"_s, endpoint.model},
                     {u"max_tokens"_s, endpoint.maxTokens > 0 ? endpoint.maxTokens : defaultMaxTokens},
                     {u"messages"_s, messages}};
    if (!request.system.isEmpty())
        body.insert(u"system"_s, request.system);
    if (!request.tools.isEmpty()) {
        QJsonArray tools;
        for (const ToolSpec &tool : request.tools)
            tools.append(QJsonObject{
                {u"name"_s, tool.name}, {u"description"_s, tool.description}, {u"input_schema"_s, tool.parameters}});
        body.insert(u"tools"_s, tools);
    }
    if (endpoint.temperature)
        body.insert(u"temperature"_s, *endpoint.temperature);
    if (endpoint.stream)
        body.insert(u"stream"_s, true);
    return body;
}

QByteArray AnthropicWire::requestBody(const ChatRequest &request, const ModelEndpoint &endpoint,
                                      const QByteArray &toolsJson) const
{
    QByteArray out = openBody(request, endpoint, toolsJson, 96);
    out += ",\"max_tokens\":";
    out += QByteArray::number(endpoint.maxTokens > 0 ? endpoint.maxTokens : defaultMaxTokens);
    out += ",\"messages\":[";
    // The turns as buildRequest makes them: consecutive blocks of one side share one turn.
    const char *turnRole = nullptr;
    bool firstTurn = true;
    const auto block = [&](const char *role) {
        if (turnRole != role) {
            if (turnRole)
                out += "]}";
            if (!firstTurn)
                out += ',';
            firstTurn = false;
            turnRole = role;
            out += "{\"role\":\"";
            out += role;
            out += "\",\"content\":[";
        } else {
            out += ',';
        }
    };
    static const char user[] = "user";
    static const char assistant[] = "assistant";
    const auto textBlock = [&](const char *role, const QString &text) {
        block(role);
        out += "{\"type\":\"text\",\"text\":";
        json::appendString(out, text);
        out += '}';
    };
    for (const ChatMessage &message : request.messages) {
        switch (message.role) {
        case ChatMessage::Role::User:
            if (!message.text.isEmpty()) // empty text blocks are refused by the API
                textBlock(user, message.text);
            break;
        case ChatMessage::Role::Assistant:
            if (!message.text.isEmpty())
                textBlock(assistant, message.text);
            for (const ToolCall &call : message.toolCalls) {
                block(assistant);
                out += "{\"type\":\"tool_use\",\"id\":";
                json::appendString(out, call.id);
                out += ",\"name\":";
                json::appendString(out, call.name);
                out += ",\"input\":";
                json::appendValue(out, inputObject(call.arguments));
                out += '}';
            }
            break;
        case ChatMessage::Role::Tool:
            block(user);
            out += "{\"type\":\"tool_result\",\"tool_use_id\":";
            json::appendString(out, message.toolCallId);
            out += ",\"content\":";
            json::appendString(out, message.text);
            out += message.isError ? ",\"is_error\":true}" : "}";
            break;
        }
    }
    if (turnRole)
        out += "]}";
    out += ']';
    if (!request.system.isEmpty()) {
        out += ",\"system\":";
        json::appendString(out, request.system);
    }
    appendToolsAndTemperature(out, request, endpoint, toolsJson);
    out += endpoint.stream ? ",\"stream\":true}" : "}";
    return out;
}

std::variant<ModelReply, ModelError> AnthropicWire::parseReply(const QByteArray &body) const
{
    auto parsed = wire::parseObject(body, u"reply"_s);
    if (auto *error = std::get_if<ModelError>(&parsed))
        return *error;
    const QJsonObject object = std::get<QJsonObject>(parsed);
    if (object.value(u"type"_s).toString() == u"error")
        return wire::errorObject(object.value(u"error"_s).toObject(), u"server error in a 2xx reply"_s);
    const QJsonValue contentValue = object.value(u"content"_s);
    if (!contentValue.isArray())
        return protocol(u"reply has no 'content' array"_s);
    ModelReply reply;
    reply.model = object.value(u"model"_s).toString();
    const QJsonArray content = contentValue.toArray();
    for (qsizetype i = 0; i < content.size(); ++i) {
        const QJsonObject block = content.at(i).toObject();
        const QString type = block.value(u"type"_s).toString();
        if (type == u"text") {
            reply.text += block.value(u"text"_s).toString();
        } else if (type == u"tool_use") {
            if (block.value(u"name"_s).toString().isEmpty())
                return protocol(u"reply's content[%1] is a tool_use without a name"_s.arg(i));
            reply.toolCalls.append(ToolCall{block.value(u"id"_s).toString(), block.value(u"name"_s).toString(),
                                            compact(block.value(u"input"_s).toObject())});
        } else if (type.isEmpty()) {
            return protocol(u"reply's content[%1] has no 'type'"_s.arg(i));
        }
    }
    const QJsonObject usage = object.value(u"usage"_s).toObject();
    reply.usage = Usage{usage.value(u"input_tokens"_s).toInteger(), usage.value(u"output_tokens"_s).toInteger()};
    setStop(reply, object.value(u"stop_reason"_s).toString());
    return reply;
}

std::optional<ModelError> AnthropicWire::handleEvent(const SseEvent &event, QString *textDelta)
{
    if (m_stopped)
        return std::nullopt;
    const QByteArray bytes = event.data.toUtf8();
    auto parsed = wire::parseObject(bytes, u"event '%1'"_s.arg(event.name));
    if (auto *error = std::get_if<ModelError>(&parsed))
        return *error;
    const QJsonObject data = std::get<QJsonObject>(parsed);
    // The event line names the event; the data's "type" says the same (and is all a server without event
    // lines gives).
    const QString type =
        event.name.isEmpty() || event.name == u"message" ? data.value(u"type"_s).toString() : event.name;
    if (type == u"ping")
        return std::nullopt;
    if (type == u"error")
        return wire::errorObject(data.value(u"error"_s).toObject(), u"error in the stream"_s);
    if (type == u"message_start") {
        if (m_started)
            return protocol(u"a second 'message_start' in one stream"_s);
        m_started = true;
        const QJsonObject message = data.value(u"message"_s).toObject();
        if (message.isEmpty())
            return protocol(u"event 'message_start' has no 'message' object"_s);
        m_reply.model = message.value(u"model"_s).toString();
        const QJsonObject usage = message.value(u"usage"_s).toObject();
        m_reply.usage.inputTokens = usage.value(u"input_tokens"_s).toInteger();
        m_reply.usage.outputTokens = usage.value(u"output_tokens"_s).toInteger();
        return std::nullopt;
    }
    if (!m_started)
        return protocol(u"event '%1' before 'message_start'"_s.arg(type));
    const int index = data.value(u"index"_s).toInt(-1);
    if (type == u"content_block_start") {
        if (index < 0)
            return protocol(u"event 'content_block_start' has no 'index'"_s);
        if (m_blocks.contains(index))
            return protocol(u"content block %1 started twice"_s.arg(index));
        const QJsonObject start = data.value(u"content_block"_s).toObject();
        Block block;
        block.type = start.value(u"type"_s).toString();
        if (block.type == u"text") {
            block.text = start.value(u"text"_s).toString();
        } else if (block.type == u"tool_use") {
            block.call.id = start.value(u"id"_s).toString();
            block.call.name = start.value(u"name"_s).toString();
            if (block.call.name.isEmpty())
                return protocol(u"tool_use block %1 has no name"_s.arg(index));
            const QJsonObject input = start.value(u"input"_s).toObject();
            if (!input.isEmpty())
                block.initialInput = compact(input);
        }
        if (!block.text.isEmpty()) {
            m_reply.text += block.text;
            if (textDelta)
                *textDelta += block.text;
        }
        m_blocks.insert(index, block);
        return std::nullopt;
    }
    if (type == u"content_block_delta") {
        auto it = m_blocks.find(index);
        if (it == m_blocks.end())
            return protocol(u"event 'content_block_delta' for block %1, which was never started"_s.arg(index));
        if (!it->open)
            return protocol(u"event 'content_block_delta' for block %1 after its 'content_block_stop'"_s.arg(index));
        const QJsonObject delta = data.value(u"delta"_s).toObject();
        const QString deltaType = delta.value(u"type"_s).toString();
        if (deltaType == u"text_delta") {
            const QString text = delta.value(u"text"_s).toString();
            it->text += text;
            m_reply.text += text;
            if (textDelta)
                *textDelta += text;
        } else if (deltaType == u"input_json_delta") {
            it->call.arguments += delta.value(u"partial_json"_s).toString();
        }
        // thinking_delta, signature_delta, citations_delta: not part of the answer.
        return std::nullopt;
    }
    if (type == u"content_block_stop") {
        auto it = m_blocks.find(index);
        if (it == m_blocks.end())
            return protocol(u"event 'content_block_stop' for block %1, which was never started"_s.arg(index));
        it->open = false;
        return std::nullopt;
    }
    if (type == u"message_delta") {
        const QJsonObject delta = data.value(u"delta"_s).toObject();
        if (delta.contains(u"stop_reason"_s))
            m_reply.stopReason = delta.value(u"stop_reason"_s).toString();
        const QJsonObject usage = data.value(u"usage"_s).toObject();
        // output_tokens here is the total so far, not an increment.
        if (usage.contains(u"output_tokens"_s))
            m_reply.usage.outputTokens = usage.value(u"output_tokens"_s).toInteger();
        if (usage.value(u"input_tokens"_s).toInteger() > m_reply.usage.inputTokens)
            m_reply.usage.inputTokens = usage.value(u"input_tokens"_s).toInteger();
        return std::nullopt;
    }
    if (type == u"message_stop") {
        m_stopped = true;
        return std::nullopt;
    }
    return std::nullopt; // new event types are to be ignored, the API's versioning policy says
}

ModelReply AnthropicWire::streamReply() const
{
    ModelReply reply = m_reply;
    for (const Block &block : m_blocks) {
        if (block.type != u"tool_use")
            continue;
        ToolCall call = block.call;
        if (call.arguments.isEmpty())
            call.arguments = block.initialInput.isEmpty() ? u"{}"_s : block.initialInput;
        reply.toolCalls.append(call);
    }
    setStop(reply, m_reply.stopReason);
    return reply;
}

} // namespace switchboard::llm
