#pragma once

#include <QByteArray>
#include <QJsonObject>
#include <QList>
#include <QPair>
#include <QString>
#include <QUrl>

#include <optional>

namespace switchboard::llm {

// Which wire format a model server speaks.
enum class ApiKind
{
    // Chat Completions: POST {base_url}/chat/completions (OpenAI, OpenRouter, Ollama, llama.cpp, vLLM, LM Studio)
    OpenAi,
    Anthropic, // Messages: POST {base_url}/messages with x-api-key and anthropic-version
};

// A tool the model may call: its name, what it does and the JSON Schema of its arguments.
struct ToolSpec
{
    QString name;
    QString description;
    QJsonObject parameters; // {"type":"object","properties":{...},"required":[...]}
};

// One call the model asked for. The arguments are kept as the model sent them (accumulated across stream
// chunks); whether they are valid JSON is the agent loop's question.
struct ToolCall
{
    QString id; // OpenAI "call_...", Anthropic "toolu_..."
    QString name;
    QString arguments; // JSON text

    friend bool operator==(const ToolCall &, const ToolCall &) = default;
};

// One message of the conversation in a model-neutral form; each wire format maps it to its own.
struct ChatMessage
{
    enum class Role
    {
        User,
        Assistant,
        Tool, // the result of one tool call (toolCallId); consecutive Tool messages form one Anthropic user turn
    };

    Role role = Role::User;
    QString text;
    QList<ToolCall> toolCalls; // Assistant
    QString toolCallId;        // Tool
    bool isError = false;      // Tool: the call failed (Anthropic is_error)

    friend bool operator==(const ChatMessage &, const ChatMessage &) = default;
};

struct Usage
{
    qint64 inputTokens = 0;
    qint64 outputTokens = 0;

    Usage &operator+=(const Usage &other)
    {
        inputTokens += other.inputTokens;
        outputTokens += other.outputTokens;
        return *this;
    }
    friend bool operator==(const Usage &, const Usage &) = default;
};

// Where and how to reach a model. The key is the value itself, read from the environment by the caller; it
// goes into a header and nowhere else (never into an error text or a log line).
struct ModelEndpoint
{
    ApiKind api = ApiKind::OpenAi;
    QUrl baseUrl; // e.g. https://api.openai.com/v1, http://127.0.0.1:11434/v1, https://api.anthropic.com/v1
    QString model;
    QString apiKey;                               // empty: no auth header (local servers)
    QList<QPair<QByteArray, QByteArray>> headers; // extra headers (e.g. OpenRouter's HTTP-Referer)
    std::optional<double> temperature;
    int maxTokens = 0; // 0: the API's default (Anthropic requires one: 4096 is sent)
    bool stream = true;
    int connectTimeoutMs = 30'000; // until the response's first byte
    int idleTimeoutMs = 60'000;    // silence between two chunks of a response
    QByteArray anthropicVersion = "2023-06-01";
};

struct ChatRequest
{
    QString system;
    QList<ChatMessage> messages;
    QList<ToolSpec> tools;
};

// What one completed model call returned.
struct ModelReply
{
    enum class Stop
    {
        Done,      // the model finished its answer (stop / end_turn)
        ToolCalls, // it asked for tools (tool_calls / tool_use)
        Truncated, // cut off by the token limit (length / max_tokens): run none of its tool calls
        Other,     // anything else the server said (content_filter, ...): see stopReason
    };

    QString text;
    QList<ToolCall> toolCalls;
    Stop stop = Stop::Done;
    QString stopReason; // the server's own word
    Usage usage;
    QString model; // as the server named it
};

// Why a model call failed. The message names the server's own words where it gave some, and never the key.
struct ModelError
{
    enum class Kind
    {
        RateLimited, // 429: pause the profile for retryAfterS
        Overloaded,  // 529 / overloaded_error: pause the profile for retryAfterS
        Server,      // 5xx: retry with backoff
        Timeout,     // no first byte, or silence mid-stream, beyond the endpoint's timeouts: retry
        StreamCut,   // the stream ended without its terminal event: retry
        Network,     // connection refused, reset, DNS: retry
        Auth,        // 401 / 403: fail at once
        BadRequest,  // 400 / 404 / 413 / 422 and other 4xx: fail at once
        Protocol,    // a body that is not what the API promises: fail (the message says what was wrong)
        Cancelled,   // abort() was called
    };

    Kind kind = Kind::Protocol;
    int httpStatus = 0;
    int retryAfterS = -1; // from Retry-After (seconds or an HTTP date); -1 when absent
    QString message;

    bool isRetryable() const
    {
        return kind == Kind::RateLimited || kind == Kind::Overloaded || kind == Kind::Server || kind == Kind::Timeout ||
               kind == Kind::StreamCut || kind == Kind::Network;
    }
};

QString apiKindName(ApiKind kind); // "openai" | "anthropic"
std::optional<ApiKind> apiKindFromName(QStringView name);
QString modelErrorKindName(ModelError::Kind kind); // "rate_limited", "overloaded", "server", ...

} // namespace switchboard::llm
