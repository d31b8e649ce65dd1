#include "LlmAgent.h"

#include "AgentPrompt.h"
#include "ProtocolTools.h"
#include "WorkspaceTools.h"
#include "agents/AgentActions.h"
#include "agents/AgentContext.h"
#include "llm/EndpointResolver.h"
#include "llm/ModelClient.h"
#include "model/ErrorKind.h"

#include <QElapsedTimer>
#include <QJsonDocument>
#include <QJsonParseError>

#include <optional>

namespace switchboard {

namespace {

using llm::ChatMessage;
using llm::ModelError;
using llm::ModelReply;

constexpr int HeartbeatIntervalMs = 250;
constexpr qsizetype MaxLoggedResultChars = 200;

// Streamed text goes to the log a whole line at a time, the rest when the call ends.
class LineLog final
{
public:
    explicit LineLog(AgentContext &context)
        : m_context(context)
    {}

    void add(const QString &delta)
    {
        m_pending += delta;
        qsizetype newline = m_pending.indexOf(u'\n');
        while (newline >= 0) {
            m_context.log(AgentActions::logText(QStringView(m_pending).first(newline).toUtf8()));
            m_pending.remove(0, newline + 1);
            newline = m_pending.indexOf(u'\n');
        }
    }

    void flush()
    {
        if (!m_pending.isEmpty())
            m_context.log(AgentActions::logText(m_pending.toUtf8()));
        m_pending.clear();
    }

private:
    AgentContext &m_context;
    QString m_pending;
};

TranscriptEntry entry(TranscriptEntry::Kind kind, const QString &text)
{
    TranscriptEntry e;
    e.kind = kind;
    e.text = text;
    return e;
}

// The tool call's arguments as an object; empty text counts as no arguments (some servers send "" for a
// tool without parameters).
std::optional<QJsonObject> parseArguments(const QString &text, QString *error)
{
    if (text.trimmed().isEmpty())
        return QJsonObject();
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(text.toUtf8(), &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        *error = QStringLiteral("%1 at offset %2").arg(parseError.errorString()).arg(parseError.offset);
        return std::nullopt;
    }
    if (!document.isObject()) {
        *error = QStringLiteral("a JSON object is expected, not %1")
                     .arg(document.isArray() ? QStringLiteral("an array") : QStringLiteral("a scalar"));
        return std::nullopt;
    }
    return document.object();
}

// What the quality monitor compares between iterations: the text and the calls, arguments included.
QString iterationOutput(const ModelReply &reply)
{
    QString output = reply.text;
    for (const llm::ToolCall &call : reply.toolCalls)
        output += u'\n' + call.name + u'(' + call.arguments + u')';
    return output;
}

QString firstLine(const QString &text)
{
    const QString line = text.section(u'\n', 0, 0);
    return line.size() > MaxLoggedResultChars ? line.left(MaxLoggedResultChars) + QStringLiteral(" …") : line;
}

QString describeError(const ModelError &error)
{
    QString what;
    switch (error.kind) {
    case ModelError::Kind::RateLimited:
        what = QStringLiteral("rate limited by the model server");
        break;
    case ModelError::Kind::Overloaded:
        what = QStringLiteral("the model server is overloaded");
        break;
    case ModelError::Kind::Server:
        what = QStringLiteral("the model server failed");
        break;
    case ModelError::Kind::Timeout:
        what = QStringLiteral("the model call timed out");
        break;
    case ModelError::Kind::StreamCut:
        what = QStringLiteral("the model's reply was cut off");
        break;
    case ModelError::Kind::Network:
        what = QStringLiteral("cannot reach the model server");
        break;
    case ModelError::Kind::Auth:
        what = QStringLiteral("the model server refused the credentials");
        break;
    case ModelError::Kind::BadRequest:
        what = QStringLiteral("the model server refused the request");
        break;
    case ModelError::Kind::Protocol:
        what = QStringLiteral("the model server's reply is not what its API promises");
        break;
    case ModelError::Kind::Cancelled:
        what = QStringLiteral("cancelled");
        break;
    }
    if (error.httpStatus > 0)
        what += QStringLiteral(" (HTTP %1)").arg(error.httpStatus);
    if (!error.message.isEmpty())
        what += QStringLiteral(": ") + error.message;
    return what;
}

// One attempt's conversation: the loop of model calls and tool calls.
class Conversation final
{
public:
    Conversation(AgentContext &context, llm::ModelClient &client, const AgentProfile &profile)
        : m_context(context)
        , m_client(client)
        , m_profile(profile)
        , m_workspace(context, profile.llm)
        , m_protocol(context)
    {
        m_request.tools = m_workspace.specs() + ProtocolTools::specs(context.goal());
        m_request.system = AgentPrompt::system(context, m_request.tools);
    }

    AgentResult run()
    {
        m_context.recordTranscript(entry(TranscriptEntry::Kind::System, m_request.system));
        addUser(AgentPrompt::goal(m_context));

        const int maxIterations = qMax(1, m_profile.llm.maxIterations);
        int malformed = 0;
        for (int iteration = 1; iteration <= maxIterations; ++iteration) {
            if (m_context.isCancelled())
                return AgentResult::cancelled();
            m_context.setStep(QStringLiteral("calling model (iteration %1)").arg(iteration));
            const llm::ModelResult result = call();
            if (const auto *error = std::get_if<ModelError>(&result))
                return fail(*error);
            const ModelReply &reply = std::get<ModelReply>(result);
            account(reply);
            m_context.recordIteration(iterationOutput(reply));
            if (m_context.isCancelled()) // stopped by the quality monitor, a budget or the human
                return AgentResult::cancelled();

            const QString problem = unusable(reply);
            if (!problem.isEmpty()) {
                m_context.log(QStringLiteral("[model] reply not used: ") + problem);
                if (++malformed >= LlmAgent::MaxMalformedReplies) {
                    return AgentResult::failed(QStringLiteral("the model sent %1 unusable replies in a row (last: %2)")
                                                   .arg(LlmAgent::MaxMalformedReplies)
                                                   .arg(problem),
                                               -1, errorKindName(ErrorKind::Invalid));
                }
                continue;
            }
            malformed = 0;

            if (reply.toolCalls.isEmpty())
                return AgentResult::completed(reply.text.trimmed());
            if (const std::optional<AgentResult> done = runTools(reply))
                return *done;
        }
        const QString why = QStringLiteral("reached max_iterations (%1) without finishing the goal").arg(maxIterations);
        m_context.log(QStringLiteral("[model] ") + why);
        return AgentResult::failed(why, -1, errorKindName(ErrorKind::NoImprovement));
    }

private:
    llm::ModelResult call()
    {
        LineLog lines(m_context);
        bool streamed = false;
        QElapsedTimer sinceHeartbeat;
        llm::StreamSink sink;
        sink.text = [&](const QString &delta) {
            streamed = true;
            lines.add(delta);
        };
        sink.activity = [&] {
            if (!sinceHeartbeat.isValid() || sinceHeartbeat.elapsed() >= HeartbeatIntervalMs) {
                m_context.heartbeat();
                sinceHeartbeat.restart();
            }
        };
        llm::ModelResult result = m_client.complete(m_request, sink);
        if (const auto *reply = std::get_if<ModelReply>(&result); reply && !streamed)
            lines.add(reply->text); // not streamed: the whole text at once
        lines.flush();
        return result;
    }

    void account(const ModelReply &reply)
    {
        const qint64 in = reply.usage.inputTokens;
        const qint64 out = reply.usage.outputTokens;
        const double cost = m_profile.llm.costUsd(in, out);
        m_context.addUsage(in, out, cost);
        TranscriptEntry assistant = entry(TranscriptEntry::Kind::Assistant, reply.text);
        assistant.inputTokens = in;
        assistant.outputTokens = out;
        assistant.costUsd = cost;
        m_context.recordTranscript(std::move(assistant));
        for (const llm::ToolCall &toolCall : reply.toolCalls) {
            TranscriptEntry e = entry(TranscriptEntry::Kind::ToolCall, toolCall.arguments);
            e.toolName = toolCall.name;
            e.toolCallId = toolCall.id;
            m_context.recordTranscript(std::move(e));
        }
    }

    // Why none of the reply's tool calls may run (empty: it can be used). The model is told so: its calls
    // get error results, or a user turn says what was wrong, and it tries again.
    QString unusable(const ModelReply &reply)
    {
        QString problem;
        QString badCallId;
        QString badReason;
        if (reply.stop == ModelReply::Stop::Truncated) {
            problem = QStringLiteral("the reply was cut off at the token limit (%1)").arg(reply.stopReason);
        } else {
            for (const llm::ToolCall &toolCall : reply.toolCalls) {
                QString why;
                if (!parseArguments(toolCall.arguments, &why)) {
                    problem = QStringLiteral("the arguments of the call to %1 are not valid JSON (%2)")
                                  .arg(toolCall.name, why);
                    badCallId = toolCall.id;
                    badReason = why;
                    break;
                }
            }
        }
        if (problem.isEmpty() && reply.toolCalls.isEmpty() && reply.text.trimmed().isEmpty())
            problem = reply.stop == ModelReply::Stop::Other
                          ? QStringLiteral("the reply was empty (the server stopped it: %1)").arg(reply.stopReason)
                          : QStringLiteral("the reply was empty");
        if (problem.isEmpty())
            return {};

        // The reply goes into the history as sent, except arguments that are not JSON: every API wants an
        // object there, so the broken call is shown with none and its error result says why.
        ChatMessage assistant{ChatMessage::Role::Assistant, reply.text, reply.toolCalls, {}, false};
        for (llm::ToolCall &toolCall : assistant.toolCalls) {
            QString ignored;
            if (!parseArguments(toolCall.arguments, &ignored))
                toolCall.arguments = QStringLiteral("{}");
        }
        if (!assistant.text.isEmpty() || !assistant.toolCalls.isEmpty())
            m_request.messages.append(assistant);
        if (reply.toolCalls.isEmpty()) {
            addUser(reply.stop == ModelReply::Stop::Truncated
                        ? QStringLiteral("Your reply was cut off at the token limit. Continue with a shorter reply: "
                                         "do one step at a time, and write large files in parts with edit_file.")
                        : QStringLiteral("Your reply was empty. Continue with the goal: call a tool, or call finish "
                                         "with a summary when it is done."));
            return problem;
        }
        for (const llm::ToolCall &toolCall : reply.toolCalls) {
            QString text;
            if (reply.stop == ModelReply::Stop::Truncated)
                text = QStringLiteral("Not run: your reply was cut off at the token limit, so its tool calls may be "
                                      "incomplete. Send the call again, shorter (write large files in parts).");
            else if (toolCall.id == badCallId)
                text = QStringLiteral("Not run: the arguments are not valid JSON (%1). Send the call again with a "
                                      "JSON object of arguments.")
                           .arg(badReason);
            else
                text = QStringLiteral("Not run: another call in the same reply had invalid arguments. Send your "
                                      "calls again.");
            addToolResult(toolCall, ToolResult::error(text));
        }
        return problem;
    }

    // Runs the reply's calls in order; the attempt's result once one of them ends it.
    std::optional<AgentResult> runTools(const ModelReply &reply)
    {
        m_request.messages.append({ChatMessage::Role::Assistant, reply.text, reply.toolCalls, {}, false});
        for (const llm::ToolCall &toolCall : reply.toolCalls) {
            if (m_context.isCancelled())
                return AgentResult::cancelled();
            QString ignored;
            const QJsonObject arguments = parseArguments(toolCall.arguments, &ignored).value_or(QJsonObject());
            ToolResult result;
            const QString described = WorkspaceTools::describeCall(toolCall.name, arguments);
            if (ProtocolTools::handles(toolCall.name)) {
                if (toolCall.name == u"ask_human")
                    m_context.setStep(QStringLiteral("asking the human"));
                result = m_protocol.call(toolCall.name, arguments);
            } else if (m_workspace.handles(toolCall.name)) {
                m_context.setStep(described);
                result = m_workspace.call(toolCall.name, arguments);
            } else {
                QStringList names;
                for (const llm::ToolSpec &spec : std::as_const(m_request.tools))
                    names << spec.name;
                result = ToolResult::error(QStringLiteral("there is no tool \"%1\"; the tools are: %2")
                                               .arg(toolCall.name, names.join(QStringLiteral(", "))));
            }
            m_context.log(QStringLiteral("[tool] %1: %2")
                              .arg(described, result.isError ? QStringLiteral("error: ") + firstLine(result.text)
                                                             : QStringLiteral("ok")));
            addToolResult(toolCall, result);
            if (m_protocol.isFinished())
                return AgentResult::completed(m_protocol.summary());
        }
        if (m_context.isCancelled())
            return AgentResult::cancelled();
        return std::nullopt;
    }

    AgentResult fail(const ModelError &error)
    {
        if (error.kind == ModelError::Kind::Cancelled || m_context.isCancelled())
            return AgentResult::cancelled();
        const QString message = describeError(error);
        m_context.recordTranscript(entry(TranscriptEntry::Kind::Error, message));
        m_context.log(QStringLiteral("[model] ") + message);
        if (error.kind == ModelError::Kind::RateLimited || error.kind == ModelError::Kind::Overloaded)
            m_context.reportRateLimit(error.retryAfterS > 0 ? error.retryAfterS : LlmAgent::DefaultRateLimitPauseS);
        return AgentResult::failed(message, -1, LlmAgent::errorKindFor(error));
    }

    void addUser(const QString &text)
    {
        m_request.messages.append({ChatMessage::Role::User, text, {}, {}, false});
        m_context.recordTranscript(entry(TranscriptEntry::Kind::User, text));
    }

    void addToolResult(const llm::ToolCall &toolCall, const ToolResult &result)
    {
        m_request.messages.append({ChatMessage::Role::Tool, result.text, {}, toolCall.id, result.isError});
        TranscriptEntry e = entry(TranscriptEntry::Kind::ToolResult, result.text);
        e.toolName = toolCall.name;
        e.toolCallId = toolCall.id;
        e.isError = result.isError;
        m_context.recordTranscript(std::move(e));
    }

    AgentContext &m_context;
    llm::ModelClient &m_client;
    const AgentProfile &m_profile;
    WorkspaceTools m_workspace;
    ProtocolTools m_protocol;
    llm::ChatRequest m_request;
};

} // namespace

LlmAgent::LlmAgent(AgentProfile profile)
    : m_profile(std::move(profile))
{}

AgentResult LlmAgent::run(AgentContext &context)
{
    if (context.isCancelled())
        return AgentResult::cancelled();
    QString error;
    const std::optional<llm::ModelEndpoint> endpoint =
        llm::resolveEndpoint(m_profile, llm::endpointEnvironment(m_profile), &error);
    if (!endpoint) {
        context.log(QStringLiteral("[model] ") + error);
        return AgentResult::failed(error, -1, errorKindName(ErrorKind::Invalid));
    }

    // The pool thread's manager, shared with the attempts it ran before: its connections stay open between
    // them, which halves the client's CPU per call to a local server (bench w3).
    llm::ModelClient client(*endpoint, llm::ModelClient::threadNetwork(*endpoint));
    // Runs on the cancelling thread: abort() is made for that and ends the request in flight at once.
    context.setCancelHandler([&client] { client.abort(); });
    AgentResult result;
    {
        Conversation conversation(context, client, m_profile);
        result = conversation.run();
    }
    // Waits for a handler still running, so it never touches the client after this frame is gone.
    context.setCancelHandler({});
    return result;
}

QString LlmAgent::errorKindFor(const ModelError &error)
{
    // Both ways a server says "slow down" pause the profile; the other retryable failures keep the wire
    // layer's name ("server", "timeout", "stream_cut", "network"); anything else cannot succeed by retrying.
    if (error.kind == ModelError::Kind::RateLimited || error.kind == ModelError::Kind::Overloaded)
        return errorKindName(ErrorKind::RateLimited);
    if (error.isRetryable())
        return llm::modelErrorKindName(error.kind);
    return errorKindName(ErrorKind::Invalid);
}

} // namespace switchboard
