#include "OpenAiWire.h"

#include "JsonReader.h"
#include "JsonText.h"
#include "WireErrors.h"

#include <QJsonArray>
#include <QJsonDocument>

#include <limits>

using namespace Qt::StringLiterals;

namespace switchboard::llm {

static ModelError protocol(const QString &message)
{
    return ModelError{ModelError::Kind::Protocol, 0, -1, message};
}

// "stop" may come with tool calls from some servers (Ollama): the calls decide. Calls without an id (some local
// servers) get one, since the tool results sent back must name the call they answer.
static void setStop(ModelReply &reply, const QString &finishReason)
{
    for (qsizetype i = 0; i < reply.toolCalls.size(); ++i)
        if (reply.toolCalls[i].id.isEmpty())
            reply.toolCalls[i].id = u"call_%1"_s.arg(i);
    reply.stopReason = finishReason;
    if (finishReason == u"length")
        reply.stop = ModelReply::Stop::Truncated;
    else if (!reply.toolCalls.isEmpty() || finishReason == u"tool_calls" || finishReason == u"function_call")
        reply.stop = ModelReply::Stop::ToolCalls;
    else if (finishReason == u"stop" || finishReason.isEmpty())
        reply.stop = ModelReply::Stop::Done;
    else
        reply.stop = ModelReply::Stop::Other;
}

static Usage usageOf(const QJsonObject &usage)
{
    return Usage{usage.value(u"prompt_tokens"_s).toInteger(), usage.value(u"completion_tokens"_s).toInteger()};
}

// Arguments arrive as a JSON string; a few servers send the object itself.
static QString argumentsText(const QJsonValue &arguments)
{
    if (arguments.isObject())
        return QString::fromUtf8(QJsonDocument(arguments.toObject()).toJson(QJsonDocument::Compact));
    return arguments.toString();
}

QString OpenAiWire::completionPath() const
{
    return u"chat/completions"_s;
}

QJsonObject OpenAiWire::buildRequest(const ChatRequest &request, const ModelEndpoint &endpoint) const
{
    QJsonArray messages;
    if (!request.system.isEmpty())
        messages.append(QJsonObject{{u"role"_s, u"system"_s}, {u"content"_s, request.system}});
    for (const ChatMessage &message : request.messages) {
        switch (message.role) {
        case ChatMessage::Role::User:
            messages.append(QJsonObject{{u"role"_s, u"user"_s}, {u"content"_s, message.text}});
            break;
        case ChatMessage::Role::Assistant: {
            QJsonObject object{{u"role"_s, u"assistant"_s}};
            if (message.toolCalls.isEmpty()) {
                object.insert(u"content"_s, message.text);
            } else {
                // content null with tool calls and no text: an empty string is refused by some servers.
                object.insert(u"content"_s, message.text.isEmpty() ? QJsonValue(QJsonValue::Null) : message.text);
                QJsonArray calls;
                for (const ToolCall &call : message.toolCalls)
                    calls.append(QJsonObject{
                        {u"id"_s, call.id},
                        {u"type"_s, u"function"_s},
                        {u"function"_s, QJsonObject{{u"name"_s, call.name}, {u"arguments"_s, call.arguments}}}});
                object.insert(u"tool_calls"_s, calls);
            }
            messages.append(object);
            break;
        }
        case ChatMessage::Role::Tool:
            messages.append(QJsonObject{
                {u"role"_s, u"tool"_s}, {u"tool_call_id"_s, message.toolCallId}, {u"content"_s, message.text}});
            break;
        }
    }
    QJsonObject body{{u"model"_s, endpoint.model}, {u"messages"_s, messages}};
    if (!request.tools.isEmpty()) {
        QJsonArray tools;
        for (const ToolSpec &tool : request.tools)
            tools.append(QJsonObject{{u"type"_s, u"function"_s},
                                     {u"function"_s, QJsonObject{{u"name"_s, tool.name},
                                                                 {u"description"_s, tool.description},
                                                                 {u"parameters"_s, tool.parameters}}}});
        body.insert(u"tools"_s, tools);
    }
    if (endpoint.temperature)
        body.insert(u"temperature"_s, *endpoint.temperature);
    if (endpoint.maxTokens > 0)
        body.insert(u"max_tokens"_s, endpoint.maxTokens);
    body.insert(u"stream"_s, endpoint.stream);
    if (endpoint.stream)
        body.insert(u"stream_options"_s, QJsonObject{{u"include_usage"_s, true}});
    return body;
}

// {"role":"ROLE","content": — the opening every message shares.
static void openMessage(QByteArray &out, const char *role)
{
    out += "{\"role\":\"";
    out += role;
    out += "\",\"content\":";
}

QByteArray OpenAiWire::requestBody(const ChatRequest &request, const ModelEndpoint &endpoint,
                                   const QByteArray &toolsJson) const
{
    QByteArray out = openBody(request, endpoint, toolsJson, 64);
    out += ",\"messages\":[";
    bool first = true;
    const auto separate = [&] {
        if (!first)
            out += ',';
        first = false;
    };
    if (!request.system.isEmpty()) {
        separate();
        openMessage(out, "system");
        json::appendString(out, request.system);
        out += '}';
    }
    for (const ChatMessage &message : request.messages) {
        separate();
        switch (message.role) {
        case ChatMessage::Role::User:
            openMessage(out, "user");
            json::appendString(out, message.text);
            break;
        case ChatMessage::Role::Assistant:
            openMessage(out, "assistant");
            if (!message.toolCalls.isEmpty() && message.text.isEmpty())
                out += "null"; // with tool calls and no text: an empty string is refused by some servers
            else
                json::appendString(out, message.text);
            if (!message.toolCalls.isEmpty()) {
                out += ",\"tool_calls\":[";
                for (qsizetype i = 0; i < message.toolCalls.size(); ++i) {
                    const ToolCall &call = message.toolCalls[i];
                    if (i > 0)
                        out += ',';
                    out += "{\"id\":";
                    json::appendString(out, call.id);
                    out += ",\"type\":\"function\",\"function\":{\"name\":";
                    json::appendString(out, call.name);
                    out += ",\"arguments\":";
                    json::appendString(out, call.arguments);
                    out += "}}";
                }
                out += ']';
            }
            break;
        case ChatMessage::Role::Tool:
            openMessage(out, "tool");
            json::appendString(out, message.text);
            out += ",\"tool_call_id\":";
            json::appendString(out, message.toolCallId);
            break;
        }
        out += '}';
    }
    out += ']';
    appendToolsAndTemperature(out, request, endpoint, toolsJson);
    if (endpoint.maxTokens > 0) {
        out += ",\"max_tokens\":";
        out += QByteArray::number(endpoint.maxTokens);
    }
    out += endpoint.stream ? ",\"stream\":true,\"stream_options\":{\"include_usage\":true}}" : ",\"stream\":false}";
    return out;
}

namespace {

using json::Reader;

// Each read*: the value at the reader into the reply; false for anything the usual shape does not have.
bool readFinish(Reader &in, QString *finish)
{
    if (in.peek() == 'n')
        return in.readNull(); // "finish_reason": null reads as "", as QJsonValue::toString() gives
    return in.peek() == '"' && in.readString(finish);
}

// A tool call of a reply's message or a chunk's delta: id, index (chunks) and the function's name and arguments.
bool readCall(Reader &in, OpenAiChunk::Call *call)
{
    if (in.peek() != '{' || !in.enterObject())
        return false;
    bool first = true;
    QByteArrayView key;
    bool haveId = false;
    bool haveFunction = false;
    while (in.nextMember(first, &key)) {
        if (key == "id") {
            if (haveId || in.peek() != '"' || !in.readString(&call->id))
                return false;
            haveId = true;
        } else if (key == "index") {
            qint64 index = 0;
            if (call->hasIndex || !in.readInteger(&index) || index < 0 || index > 1 << 20)
                return false;
            call->hasIndex = true;
            call->index = int(index);
        } else if (key == "function") {
            if (haveFunction || in.peek() != '{' || !in.enterObject())
                return false;
            haveFunction = true;
            bool firstOfFunction = true;
            bool haveName = false;
            bool haveArguments = false;
            while (in.nextMember(firstOfFunction, &key)) {
                if (key == "name") {
                    if (haveName || in.peek() != '"' || !in.readString(&call->name))
                        return false;
                    haveName = true;
                } else if (key == "arguments") { // a few servers send an object: QJsonDocument writes it out
                    if (haveArguments || in.peek() != '"' || !in.readString(&call->arguments))
                        return false;
                    haveArguments = true;
                } else if (!in.skipValue()) {
                    return false;
                }
            }
        } else if (!in.skipValue()) {
            return false;
        }
    }
    return in.ok();
}

// A reply's message or a chunk's delta: its content (string or null) and tool calls (array or null).
bool readMessage(Reader &in, QString *text, QList<OpenAiChunk::Call> *calls)
{
    if (in.peek() != '{' || !in.enterObject())
        return false;
    bool first = true;
    QByteArrayView key;
    bool haveContent = false;
    bool haveCalls = false;
    while (in.nextMember(first, &key)) {
        if (key == "content") {
            if (haveContent || (in.peek() == 'n' ? !in.readNull() : in.peek() != '"' || !in.readString(text)))
                return false;
            haveContent = true;
        } else if (key == "tool_calls") {
            if (haveCalls)
                return false;
            haveCalls = true;
            if (in.peek() == 'n') {
                if (!in.readNull())
                    return false;
                continue;
            }
            if (in.peek() != '[' || !in.enterArray())
                return false;
            bool firstCall = true;
            while (in.nextElement(firstCall)) {
                OpenAiChunk::Call call;
                if (!readCall(in, &call))
                    return false;
                calls->append(call);
            }
        } else if (!in.skipValue()) {
            return false;
        }
    }
    return in.ok();
}

bool readChoices(Reader &in, ModelReply *reply, QString *finish)
{
    if (in.peek() != '[' || !in.enterArray())
        return false;
    bool first = true;
    if (!in.nextElement(first) || in.peek() != '{' || !in.enterObject())
        return false; // empty, or choices[0] is not an object: QJsonDocument's path names the problem
    bool firstMember = true;
    QByteArrayView key;
    bool haveMessage = false;
    bool haveFinish = false;
    while (in.nextMember(firstMember, &key)) {
        if (key == "message") {
            QList<OpenAiChunk::Call> calls;
            if (haveMessage || !readMessage(in, &reply->text, &calls))
                return false;
            haveMessage = true;
            for (const OpenAiChunk::Call &call : std::as_const(calls)) {
                if (call.name.isEmpty())
                    return false; // QJsonDocument's path names the call without a name
                reply->toolCalls.append(ToolCall{call.id, call.name, call.arguments});
            }
        } else if (key == "finish_reason") {
            if (haveFinish || !readFinish(in, finish))
                return false;
            haveFinish = true;
        } else if (!in.skipValue()) {
            return false;
        }
    }
    if (!in.ok() || !haveMessage)
        return false;
    while (in.nextElement(first)) // n > 1 is never asked for; the other choices are checked, not read
        if (!in.skipValue())
            return false;
    return in.ok();
}

bool readUsage(Reader &in, Usage *usage)
{
    if (in.peek() == 'n')
        return in.readNull();
    if (in.peek() != '{' || !in.enterObject())
        return false;
    bool first = true;
    QByteArrayView key;
    bool haveInput = false;
    bool haveOutput = false;
    while (in.nextMember(first, &key)) {
        if (key == "prompt_tokens") {
            if (haveInput || !in.readInteger(&usage->inputTokens))
                return false;
            haveInput = true;
        } else if (key == "completion_tokens") {
            if (haveOutput || !in.readInteger(&usage->outputTokens))
                return false;
            haveOutput = true;
        } else if (!in.skipValue()) {
            return false;
        }
    }
    return in.ok();
}

} // namespace

std::optional<ModelReply> OpenAiWire::readUsualReply(const QByteArray &body)
{
    Reader in(body);
    if (in.peek() != '{' || !in.enterObject())
        return std::nullopt;
    ModelReply reply;
    QString finish;
    bool first = true;
    QByteArrayView key;
    bool haveModel = false;
    bool haveChoices = false;
    bool haveUsage = false;
    while (in.nextMember(first, &key)) {
        bool read = true;
        if (key == "model") {
            read = !haveModel && in.peek() == '"' && in.readString(&reply.model);
            haveModel = true;
        } else if (key == "choices") {
            read = !haveChoices && readChoices(in, &reply, &finish);
            haveChoices = true;
        } else if (key == "usage") {
            read = !haveUsage && readUsage(in, &reply.usage);
            haveUsage = true;
        } else if (key == "error") {
            read = in.peek() != '{' && in.skipValue(); // an error object: QJsonDocument's path reports it
        } else {
            read = in.skipValue();
        }
        if (!read)
            return std::nullopt;
    }
    if (!in.ok() || !in.atEnd() || !haveChoices)
        return std::nullopt;
    setStop(reply, finish);
    return reply;
}

std::variant<ModelReply, ModelError> OpenAiWire::parseReply(const QByteArray &body) const
{
    if (std::optional<ModelReply> reply = readUsualReply(body))
        return *reply;
    return parseReplyDocument(body);
}

std::variant<ModelReply, ModelError> OpenAiWire::parseReplyDocument(const QByteArray &body)
{
    auto parsed = wire::parseObject(body, u"reply"_s);
    if (auto *error = std::get_if<ModelError>(&parsed))
        return *error;
    const QJsonObject object = std::get<QJsonObject>(parsed);
    if (object.value(u"error"_s).isObject())
        return wire::errorObject(object.value(u"error"_s).toObject(), u"server error in a 2xx reply"_s);
    const QJsonValue choices = object.value(u"choices"_s);
    if (!choices.isArray())
        return protocol(u"reply has no 'choices' array"_s);
    if (choices.toArray().isEmpty())
        return protocol(u"reply has an empty 'choices' array"_s);
    const QJsonObject choice = choices.toArray().first().toObject();
    const QJsonValue messageValue = choice.value(u"message"_s);
    if (!messageValue.isObject())
        return protocol(u"reply's choices[0] has no 'message' object"_s);
    const QJsonObject message = messageValue.toObject();

    ModelReply reply;
    reply.model = object.value(u"model"_s).toString();
    const QJsonValue content = message.value(u"content"_s);
    if (!content.isString() && !content.isNull() && !content.isUndefined())
        return protocol(u"reply's choices[0].message.content is neither a string nor null"_s);
    reply.text = content.toString();
    const QJsonValue toolCalls = message.value(u"tool_calls"_s);
    if (!toolCalls.isNull() && !toolCalls.isUndefined() && !toolCalls.isArray())
        return protocol(u"reply's choices[0].message.tool_calls is not an array"_s);
    const QJsonArray calls = toolCalls.toArray();
    for (qsizetype i = 0; i < calls.size(); ++i) {
        const QJsonObject call = calls.at(i).toObject();
        const QJsonObject function = call.value(u"function"_s).toObject();
        if (function.value(u"name"_s).toString().isEmpty())
            return protocol(u"reply's tool call %1 has no function name"_s.arg(i));
        reply.toolCalls.append(ToolCall{call.value(u"id"_s).toString(), function.value(u"name"_s).toString(),
                                        argumentsText(function.value(u"arguments"_s))});
    }
    reply.usage = usageOf(object.value(u"usage"_s).toObject());
    setStop(reply, choice.value(u"finish_reason"_s).toString());
    return reply;
}

namespace {

// The usual stream chunk read in place; false for anything else (QJsonDocument's reading then decides).
bool readChunkChoice(Reader &in, OpenAiChunk::Choice *choice, bool *indexZero)
{
    if (in.peek() != '{' || !in.enterObject())
        return false;
    bool first = true;
    QByteArrayView key;
    bool haveIndex = false;
    bool haveDelta = false;
    qint64 index = 0;
    while (in.nextMember(first, &key)) {
        if (key == "index") {
            if (haveIndex || !in.readInteger(&index) || index < std::numeric_limits<int>::min() ||
                index > std::numeric_limits<int>::max())
                return false; // QJsonValue::toInt() reads an index out of int's range as 0
            haveIndex = true;
        } else if (key == "delta") {
            if (haveDelta || !readMessage(in, &choice->content, &choice->calls))
                return false;
            haveDelta = true;
        } else if (key == "finish_reason") {
            if (choice->hasFinish)
                return false;
            if (in.peek() == 'n') {
                if (!in.readNull())
                    return false;
            } else if (in.peek() != '"' || !in.readString(&choice->finish)) {
                return false;
            } else {
                choice->hasFinish = true;
            }
        } else if (!in.skipValue()) {
            return false;
        }
    }
    *indexZero = index == 0;
    return in.ok();
}

std::optional<OpenAiChunk> readUsualChunk(const QByteArray &data)
{
    Reader in(data);
    if (in.peek() != '{' || !in.enterObject())
        return std::nullopt;
    OpenAiChunk chunk;
    bool first = true;
    QByteArrayView key;
    bool haveModel = false;
    bool haveUsage = false;
    while (in.nextMember(first, &key)) {
        bool read = true;
        if (key == "model") {
            read = !haveModel && in.peek() == '"' && in.readString(&chunk.model);
            haveModel = true;
        } else if (key == "usage") {
            chunk.hasUsage = in.peek() == '{'; // null: no usage in this chunk
            read = !haveUsage && readUsage(in, &chunk.usage);
            haveUsage = true;
        } else if (key == "choices") {
            read = !chunk.hasChoices && in.peek() == '[' && in.enterArray();
            chunk.hasChoices = true;
            bool firstChoice = true;
            while (read && in.nextElement(firstChoice)) {
                OpenAiChunk::Choice choice;
                bool indexZero = false;
                read = readChunkChoice(in, &choice, &indexZero);
                if (read && indexZero)
                    chunk.choices.append(choice);
            }
            read = read && in.ok();
        } else if (key == "error") {
            read = in.peek() != '{' && in.skipValue();
        } else {
            read = in.skipValue();
        }
        if (!read)
            return std::nullopt;
    }
    if (!in.ok() || !in.atEnd())
        return std::nullopt;
    return chunk;
}

} // namespace

void OpenAiWire::readChunksThroughDocument()
{
    m_readInPlace = false;
}

std::optional<ModelError> OpenAiWire::handleEvent(const SseEvent &event, QString *textDelta)
{
    if (m_done)
        return std::nullopt; // nothing follows [DONE]; ignore what a server may add
    if (event.data.trimmed() == u"[DONE]") {
        m_done = true;
        return std::nullopt;
    }
    const QByteArray data = event.data.toUtf8();
    std::optional<OpenAiChunk> chunk;
    if (m_readInPlace)
        chunk = readUsualChunk(data);
    if (!chunk) {
        auto parsed = wire::parseObject(data, u"stream chunk %1"_s.arg(m_chunks + 1));
        if (auto *error = std::get_if<ModelError>(&parsed))
            return *error;
        const QJsonObject object = std::get<QJsonObject>(parsed);
        // OpenRouter, vLLM and others report a failure mid-stream as a chunk with an error object.
        if (object.value(u"error"_s).isObject()) {
            ++m_chunks;
            return wire::errorObject(object.value(u"error"_s).toObject(), u"error in the stream"_s);
        }
        chunk = chunkOf(object);
    }
    return apply(*chunk, textDelta);
}

OpenAiChunk OpenAiWire::chunkOf(const QJsonObject &object)
{
    OpenAiChunk chunk;
    chunk.model = object.value(u"model"_s).toString();
    chunk.hasUsage = object.value(u"usage"_s).isObject();
    if (chunk.hasUsage)
        chunk.usage = usageOf(object.value(u"usage"_s).toObject());
    const QJsonValue choices = object.value(u"choices"_s);
    chunk.hasChoices = choices.isArray();
    for (const QJsonValue &choiceValue : choices.toArray()) {
        const QJsonObject choice = choiceValue.toObject();
        if (choice.value(u"index"_s).toInt() != 0)
            continue; // n > 1 is never asked for
        OpenAiChunk::Choice read;
        const QJsonObject delta = choice.value(u"delta"_s).toObject();
        read.content = delta.value(u"content"_s).toString();
        for (const QJsonValue &callValue : delta.value(u"tool_calls"_s).toArray()) {
            const QJsonObject call = callValue.toObject();
            const QJsonObject function = call.value(u"function"_s).toObject();
            read.calls.append(OpenAiChunk::Call{call.contains(u"index"_s), call.value(u"index"_s).toInt(),
                                                call.value(u"id"_s).toString(), function.value(u"name"_s).toString(),
                                                argumentsText(function.value(u"arguments"_s))});
        }
        const QJsonValue finish = choice.value(u"finish_reason"_s);
        read.hasFinish = finish.isString();
        read.finish = finish.toString();
        chunk.choices.append(read);
    }
    return chunk;
}

std::optional<ModelError> OpenAiWire::apply(const OpenAiChunk &chunk, QString *textDelta)
{
    ++m_chunks;
    if (m_reply.model.isEmpty())
        m_reply.model = chunk.model;
    if (chunk.hasUsage)
        m_reply.usage = chunk.usage;
    if (!chunk.hasChoices) {
        if (chunk.hasUsage)
            return std::nullopt; // a usage-only chunk some servers send without "choices": []
        return protocol(u"stream chunk %1 has no 'choices' array"_s.arg(m_chunks));
    }
    for (const OpenAiChunk::Choice &choice : chunk.choices) {
        if (!choice.content.isEmpty()) {
            m_reply.text += choice.content;
            if (textDelta)
                *textDelta += choice.content;
        }
        for (const OpenAiChunk::Call &call : choice.calls) {
            int index = 0;
            if (call.hasIndex) {
                index = call.index;
            } else {
                // A few servers omit the index: a new id starts a new call, else it continues the last.
                index = m_lastIndex < 0 ? 0 : m_lastIndex;
                if (!call.id.isEmpty() && m_calls.contains(index) && !m_calls[index].id.isEmpty() &&
                    m_calls[index].id != call.id)
                    index = m_calls.lastKey() + 1;
            }
            ToolCall &accumulated = m_calls[index];
            m_lastIndex = index;
            if (!call.id.isEmpty())
                accumulated.id = call.id;
            if (!call.name.isEmpty())
                accumulated.name = call.name;
            accumulated.arguments += call.arguments;
        }
        if (choice.hasFinish)
            m_reply.stopReason = choice.finish;
    }
    return std::nullopt;
}

ModelReply OpenAiWire::streamReply() const
{
    ModelReply reply = m_reply;
    reply.toolCalls = m_calls.values();
    setStop(reply, m_reply.stopReason);
    return reply;
}

} // namespace switchboard::llm
