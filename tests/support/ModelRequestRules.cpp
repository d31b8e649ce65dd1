#include "ModelRequestRules.h"

#include <QJsonArray>
#include <QRegularExpression>
#include <QSet>

using namespace Qt::StringLiterals;

namespace switchboard::test {

QByteArray RecordedRequest::header(const QByteArray &lowerCaseName) const
{
    for (const auto &[name, value] : headers)
        if (name == lowerCaseName)
            return value;
    return {};
}

bool RecordedRequest::hasHeader(const QByteArray &lowerCaseName) const
{
    for (const auto &[name, value] : headers)
        if (name == lowerCaseName)
            return true;
    return false;
}

namespace {

QString typeName(const QJsonValue &value)
{
    switch (value.type()) {
    case QJsonValue::Null:
        return u"null"_s;
    case QJsonValue::Bool:
        return u"a boolean"_s;
    case QJsonValue::Double:
        return u"a number"_s;
    case QJsonValue::String:
        return u"a string"_s;
    case QJsonValue::Array:
        return u"an array"_s;
    case QJsonValue::Object:
        return u"an object"_s;
    case QJsonValue::Undefined:
        return u"missing"_s;
    }
    return u"?"_s;
}

bool isInteger(const QJsonValue &value)
{
    return value.isDouble() && value.toDouble() == double(value.toInteger());
}

void checkAuth(llm::ApiKind api, const QString &expectedKey, const RecordedRequest &request, QStringList &out)
{
    if (api == llm::ApiKind::OpenAi) {
        const QByteArray authorization = request.header("authorization");
        if (expectedKey.isEmpty()) {
            if (request.hasHeader("authorization"))
                out << u"an Authorization header was sent to a server that takes no key"_s;
        } else if (authorization != "Bearer " + expectedKey.toUtf8()) {
            out << (authorization.isEmpty() ? u"no 'Authorization: Bearer <key>' header"_s
                                            : u"the Authorization header is not 'Bearer <the key>'"_s);
        }
        if (request.hasHeader("x-api-key"))
            out << u"an x-api-key header was sent to an OpenAI-compatible server"_s;
    } else {
        if (expectedKey.isEmpty()) {
            if (request.hasHeader("x-api-key"))
                out << u"an x-api-key header was sent to a server that takes no key"_s;
        } else if (request.header("x-api-key") != expectedKey.toUtf8()) {
            out << (request.hasHeader("x-api-key") ? u"the x-api-key header is not the key"_s
                                                   : u"no x-api-key header"_s);
        }
        if (request.header("anthropic-version").isEmpty())
            out << u"no anthropic-version header"_s;
        if (request.header("authorization").startsWith("Bearer "))
            out << u"a Bearer Authorization header was sent to the Anthropic API"_s;
    }
}

// Tool names both APIs accept.
const QRegularExpression toolNamePattern(u"^[a-zA-Z0-9_-]{1,64}$"_s);

void checkSchema(const QJsonValue &schema, const QString &where, QStringList &out)
{
    if (!schema.isObject())
        out << u"%1 is %2, not a JSON Schema object"_s.arg(where, typeName(schema));
    else if (schema.toObject().value(u"type"_s).toString() != u"object")
        out << u"%1 has type '%2', not 'object'"_s.arg(where, schema.toObject().value(u"type"_s).toString());
}

void checkOpenAiBody(const QJsonObject &body, QStringList &out)
{
    const QJsonArray messages = body.value(u"messages"_s).toArray();
    QSet<QString> unanswered; // tool calls of the latest assistant message still waiting for their result
    QSet<QString> madeCalls;  // every tool call id any assistant message made so far
    static const QSet<QString> roles{u"system"_s, u"developer"_s, u"user"_s, u"assistant"_s, u"tool"_s};
    for (qsizetype i = 0; i < messages.size(); ++i) {
        const QString at = u"messages[%1]"_s.arg(i);
        if (!messages.at(i).isObject()) {
            out << u"%1 is %2, not an object"_s.arg(at, typeName(messages.at(i)));
            continue;
        }
        const QJsonObject message = messages.at(i).toObject();
        const QString role = message.value(u"role"_s).toString();
        if (!roles.contains(role)) {
            out << u"%1 has role '%2'"_s.arg(at, role);
            continue;
        }
        if (role != u"tool" && !unanswered.isEmpty()) {
            out << u"%1 (%2) comes before the results of tool calls %3"_s.arg(
                at, role, QStringList(unanswered.begin(), unanswered.end()).join(u", "_s));
            unanswered.clear();
        }
        const QJsonValue content = message.value(u"content"_s);
        if (role == u"assistant") {
            const QJsonValue calls = message.value(u"tool_calls"_s);
            if (!calls.isUndefined() && (!calls.isArray() || calls.toArray().isEmpty()))
                out << u"%1.tool_calls is %2, not a non-empty array"_s.arg(at, typeName(calls));
            if (!content.isString() && !(content.isNull() && calls.isArray()) && !content.isArray())
                out << u"%1.content is %2 (a string, or null with tool_calls)"_s.arg(at, typeName(content));
            const QJsonArray callArray = calls.toArray();
            for (qsizetype c = 0; c < callArray.size(); ++c) {
                const QString cat = u"%1.tool_calls[%2]"_s.arg(at).arg(c);
                const QJsonObject call = callArray.at(c).toObject();
                const QString id = call.value(u"id"_s).toString();
                if (id.isEmpty())
                    out << u"%1 has no id"_s.arg(cat);
                if (call.value(u"type"_s).toString() != u"function")
                    out << u"%1.type is not 'function'"_s.arg(cat);
                const QJsonObject function = call.value(u"function"_s).toObject();
                if (function.value(u"name"_s).toString().isEmpty())
                    out << u"%1.function has no name"_s.arg(cat);
                if (!function.value(u"arguments"_s).isString())
                    out << u"%1.function.arguments is %2, not a string"_s.arg(cat,
                                                                              typeName(function.value(u"arguments"_s)));
                if (madeCalls.contains(id))
                    out << u"%1 repeats the id '%2'"_s.arg(cat, id);
                unanswered.insert(id);
                madeCalls.insert(id);
            }
        } else if (role == u"tool") {
            const QString id = message.value(u"tool_call_id"_s).toString();
            if (id.isEmpty())
                out << u"%1 (tool) has no tool_call_id"_s.arg(at);
            else if (!unanswered.remove(id))
                out << u"%1 answers tool call '%2', which the assistant message before it did not make (or which "
                       "was answered already)"_s.arg(at, id);
            if (!content.isString() && !content.isArray())
                out << u"%1.content is %2"_s.arg(at, typeName(content));
        } else if (!content.isString() && !content.isArray()) {
            out << u"%1.content is %2"_s.arg(at, typeName(content));
        }
    }
    if (!unanswered.isEmpty())
        out << u"the messages end before the results of tool calls %1"_s.arg(
            QStringList(unanswered.begin(), unanswered.end()).join(u", "_s));

    if (body.contains(u"tools"_s)) {
        const QJsonValue tools = body.value(u"tools"_s);
        if (!tools.isArray() || tools.toArray().isEmpty())
            out << u"tools is %1, not a non-empty array"_s.arg(typeName(tools));
        QSet<QString> names;
        const QJsonArray toolArray = tools.toArray();
        for (qsizetype t = 0; t < toolArray.size(); ++t) {
            const QString at = u"tools[%1]"_s.arg(t);
            const QJsonObject tool = toolArray.at(t).toObject();
            if (tool.value(u"type"_s).toString() != u"function")
                out << u"%1.type is not 'function'"_s.arg(at);
            const QJsonObject function = tool.value(u"function"_s).toObject();
            const QString name = function.value(u"name"_s).toString();
            if (!toolNamePattern.match(name).hasMatch())
                out << u"%1.function.name '%2' is not 1-64 letters, digits, _ or -"_s.arg(at, name);
            if (names.contains(name))
                out << u"%1 repeats the tool name '%2'"_s.arg(at, name);
            names.insert(name);
            if (function.value(u"description"_s).toString().isEmpty())
                out << u"%1.function has no description"_s.arg(at);
            checkSchema(function.value(u"parameters"_s), at + u".function.parameters"_s, out);
        }
    }
    if (body.contains(u"temperature"_s)) {
        const double t = body.value(u"temperature"_s).toDouble(-1);
        if (!body.value(u"temperature"_s).isDouble() || t < 0 || t > 2)
            out << u"temperature is not a number in [0, 2]"_s;
    }
    if (body.contains(u"max_tokens"_s) &&
        (!isInteger(body.value(u"max_tokens"_s)) || body.value(u"max_tokens"_s).toInteger() < 1))
        out << u"max_tokens is not a positive integer"_s;
    if (body.contains(u"stream"_s) && !body.value(u"stream"_s).isBool())
        out << u"stream is %1, not a boolean"_s.arg(typeName(body.value(u"stream"_s)));
    if (body.contains(u"stream_options"_s)) {
        if (!body.value(u"stream"_s).toBool())
            out << u"stream_options is only allowed when stream is true"_s;
        if (!body.value(u"stream_options"_s).isObject())
            out << u"stream_options is not an object"_s;
        else if (!body.value(u"stream_options"_s).toObject().value(u"include_usage"_s).isBool())
            out << u"stream_options.include_usage is not a boolean"_s;
    }
}

void checkAnthropicBody(const QJsonObject &body, QStringList &out)
{
    const QJsonValue maxTokens = body.value(u"max_tokens"_s);
    if (!isInteger(maxTokens) || maxTokens.toInteger() < 1)
        out << u"max_tokens is %1, and the Messages API requires a positive integer"_s.arg(
            maxTokens.isUndefined() ? u"missing"_s : typeName(maxTokens));
    if (body.contains(u"system"_s)) {
        const QJsonValue system = body.value(u"system"_s);
        if (!system.isString() && !system.isArray())
            out << u"system is %1, not a string or an array of text blocks"_s.arg(typeName(system));
    }
    const QJsonArray messages = body.value(u"messages"_s).toArray();
    QString previousRole;
    QSet<QString> pendingToolUses; // tool_use ids of the previous assistant turn
    QSet<QString> madeToolUses;
    for (qsizetype i = 0; i < messages.size(); ++i) {
        const QString at = u"messages[%1]"_s.arg(i);
        const QJsonObject message = messages.at(i).toObject();
        const QString role = message.value(u"role"_s).toString();
        if (role != u"user" && role != u"assistant") {
            out << u"%1 has role '%2' (only user and assistant; the system prompt is a top-level field)"_s.arg(at,
                                                                                                               role);
            continue;
        }
        if (i == 0 && role != u"user")
            out << u"the first message is from the %1, not the user"_s.arg(role);
        if (role == previousRole)
            out << u"%1 is a second %2 turn in a row (roles must alternate)"_s.arg(at, role);
        const QJsonValue contentValue = message.value(u"content"_s);
        QJsonArray blocks;
        if (contentValue.isString()) {
            if (contentValue.toString().isEmpty())
                out << u"%1.content is an empty string"_s.arg(at);
        } else if (contentValue.isArray()) {
            blocks = contentValue.toArray();
            if (blocks.isEmpty())
                out << u"%1.content is an empty array"_s.arg(at);
        } else {
            out << u"%1.content is %2"_s.arg(at, typeName(contentValue));
        }
        QSet<QString> answered;
        bool sawOtherBlock = false;
        QSet<QString> thisTurnUses;
        for (qsizetype b = 0; b < blocks.size(); ++b) {
            const QString bat = u"%1.content[%2]"_s.arg(at).arg(b);
            const QJsonObject block = blocks.at(b).toObject();
            const QString type = block.value(u"type"_s).toString();
            if (type == u"text") {
                if (!block.value(u"text"_s).isString() || block.value(u"text"_s).toString().isEmpty())
                    out << u"%1 is a text block without text (empty text blocks are refused)"_s.arg(bat);
                sawOtherBlock = true;
            } else if (type == u"tool_use") {
                if (role != u"assistant")
                    out << u"%1 is a tool_use block in a user turn"_s.arg(bat);
                const QString id = block.value(u"id"_s).toString();
                if (id.isEmpty())
                    out << u"%1 has no id"_s.arg(bat);
                if (madeToolUses.contains(id))
                    out << u"%1 repeats the tool_use id '%2'"_s.arg(bat, id);
                madeToolUses.insert(id);
                thisTurnUses.insert(id);
                if (!toolNamePattern.match(block.value(u"name"_s).toString()).hasMatch())
                    out << u"%1 has no valid name"_s.arg(bat);
                if (!block.value(u"input"_s).isObject())
                    out << u"%1.input is %2, not an object"_s.arg(bat, typeName(block.value(u"input"_s)));
            } else if (type == u"tool_result") {
                if (role != u"user")
                    out << u"%1 is a tool_result block in an assistant turn"_s.arg(bat);
                if (sawOtherBlock)
                    out << u"%1 is a tool_result after other content (tool results must come first)"_s.arg(bat);
                const QString id = block.value(u"tool_use_id"_s).toString();
                if (!pendingToolUses.contains(id))
                    out << u"%1 answers tool_use '%2', which the assistant turn before it did not make"_s.arg(bat, id);
                answered.insert(id);
                const QJsonValue content = block.value(u"content"_s);
                if (!content.isUndefined() && !content.isString() && !content.isArray())
                    out << u"%1.content is %2"_s.arg(bat, typeName(content));
                if (block.contains(u"is_error"_s) && !block.value(u"is_error"_s).isBool())
                    out << u"%1.is_error is not a boolean"_s.arg(bat);
            } else {
                out << u"%1 has unknown type '%2'"_s.arg(bat, type);
            }
        }
        if (role == u"user" && !pendingToolUses.isEmpty()) {
            const QSet<QString> missing = pendingToolUses - answered;
            if (!missing.isEmpty())
                out << u"%1 lacks tool_result blocks for %2"_s.arg(
                    at, QStringList(missing.begin(), missing.end()).join(u", "_s));
        }
        pendingToolUses = role == u"assistant" ? thisTurnUses : QSet<QString>();
        previousRole = role;
    }
    if (!pendingToolUses.isEmpty())
        out << u"the messages end with tool_use blocks that have no tool_result"_s;

    if (body.contains(u"tools"_s)) {
        const QJsonValue tools = body.value(u"tools"_s);
        if (!tools.isArray())
            out << u"tools is %1, not an array"_s.arg(typeName(tools));
        QSet<QString> names;
        const QJsonArray toolArray = tools.toArray();
        for (qsizetype t = 0; t < toolArray.size(); ++t) {
            const QString at = u"tools[%1]"_s.arg(t);
            const QJsonObject tool = toolArray.at(t).toObject();
            const QString name = tool.value(u"name"_s).toString();
            if (!toolNamePattern.match(name).hasMatch())
                out << u"%1.name '%2' is not 1-64 letters, digits, _ or -"_s.arg(at, name);
            if (names.contains(name))
                out << u"%1 repeats the tool name '%2'"_s.arg(at, name);
            names.insert(name);
            if (tool.value(u"description"_s).toString().isEmpty())
                out << u"%1 has no description"_s.arg(at);
            checkSchema(tool.value(u"input_schema"_s), at + u".input_schema"_s, out);
            if (tool.contains(u"parameters"_s) || tool.contains(u"function"_s))
                out << u"%1 is in the OpenAI shape (parameters/function), not {name, description, input_schema}"_s.arg(
                    at);
        }
    }
    if (body.contains(u"temperature"_s)) {
        const double t = body.value(u"temperature"_s).toDouble(-1);
        if (!body.value(u"temperature"_s).isDouble() || t < 0 || t > 1)
            out << u"temperature is not a number in [0, 1]"_s;
    }
    if (body.contains(u"stream"_s) && !body.value(u"stream"_s).isBool())
        out << u"stream is %1, not a boolean"_s.arg(typeName(body.value(u"stream"_s)));
    if (body.contains(u"stream_options"_s))
        out << u"stream_options is an OpenAI field the Messages API refuses"_s;
}

} // namespace

QStringList checkCompletionRequest(llm::ApiKind api, const QString &expectedKey, const RecordedRequest &request)
{
    QStringList out;
    const QByteArray expectedPath = api == llm::ApiKind::OpenAi ? "/v1/chat/completions" : "/v1/messages";
    if (request.method != "POST")
        out << u"method %1, not POST"_s.arg(QString::fromLatin1(request.method));
    if (request.path != expectedPath)
        out << u"path '%1', not '%2'"_s.arg(QString::fromLatin1(request.path), QString::fromLatin1(expectedPath));
    if (!request.header("content-type").startsWith("application/json"))
        out << u"content type '%1', not application/json"_s.arg(QString::fromLatin1(request.header("content-type")));
    checkAuth(api, expectedKey, request, out);
    if (request.json.isEmpty()) {
        out << u"the body is not a JSON object"_s;
        return out;
    }
    const QJsonObject &body = request.json;
    if (!body.value(u"model"_s).isString() || body.value(u"model"_s).toString().isEmpty())
        out << u"model is %1, not a non-empty string"_s.arg(typeName(body.value(u"model"_s)));
    if (!body.value(u"messages"_s).isArray() || body.value(u"messages"_s).toArray().isEmpty()) {
        out << u"messages is %1, not a non-empty array"_s.arg(typeName(body.value(u"messages"_s)));
        return out;
    }
    if (api == llm::ApiKind::OpenAi)
        checkOpenAiBody(body, out);
    else
        checkAnthropicBody(body, out);
    return out;
}

QStringList checkModelsRequest(llm::ApiKind api, const QString &expectedKey, const RecordedRequest &request)
{
    QStringList out;
    if (request.method != "GET")
        out << u"method %1, not GET"_s.arg(QString::fromLatin1(request.method));
    if (request.path != "/v1/models")
        out << u"path '%1', not '/v1/models'"_s.arg(QString::fromLatin1(request.path));
    checkAuth(api, expectedKey, request, out);
    return out;
}

} // namespace switchboard::test
