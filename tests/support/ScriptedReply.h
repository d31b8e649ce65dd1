#pragma once

#include "llm/ModelTypes.h"
#include "llm/SseParser.h"

#include <QByteArray>
#include <QJsonObject>
#include <QList>
#include <QPair>
#include <QString>

namespace switchboard::test {

// One reply a ScriptedModelServer gives to one request, built fluently:
//     ScriptedReply::text(u"Hello"_s).usage(12, 3).chunkBytes(5)
// A model answer (text(), toolCalls()) is model-neutral: the server renders it in the wire format of the request
// (OpenAI or Anthropic) and streams it as SSE when the request asked for a stream, whole JSON otherwise. The
// other kinds are HTTP-level behaviour sent as they are.
class ScriptedReply final
{
public:
    enum class Kind
    {
        Answer,    // text and/or tool calls, rendered per API and stream mode
        Events,    // these SSE events as they are (a text/event-stream reply)
        Body,      // this status, content type and body
        HttpError, // this status with an error body in the API's own shape
        Raw,       // these bytes on the socket, then close (not HTTP at all)
        Close,     // close the connection without answering
    };

    // An answer with this text, stop reason end of turn.
    static ScriptedReply text(const QString &text);
    // An answer calling these tools (after some text, if given), stop reason tool use. Empty ids are filled in.
    static ScriptedReply toolCalls(const QList<llm::ToolCall> &calls, const QString &text = {});
    // Raw server-sent events (name may be empty: no "event:" line), streamed whatever the request asked.
    static ScriptedReply events(const QList<llm::SseEvent> &events);
    // A JSON body with this status (application/json).
    static ScriptedReply json(const QJsonObject &body, int status = 200);
    static ScriptedReply body(int status, const QByteArray &contentType, const QByteArray &body);
    // An error reply in the API's shape ({"error": {"type", "message"}}); type empty: the API's usual one for
    // the status (rate_limit_error, overloaded_error, authentication_error, api_error, ...).
    static ScriptedReply httpError(int status, const QString &message, const QString &type = {});
    // 200 application/json whose body is not JSON.
    static ScriptedReply garbage();
    // 200 application/json (or an event stream when stream is true: one endless event) of this many bytes.
    static ScriptedReply huge(qsizetype bytes, bool stream = false);
    static ScriptedReply raw(const QByteArray &bytes);
    static ScriptedReply closeConnection();

    // --- an answer ---
    ScriptedReply &usage(qint64 inputTokens, qint64 outputTokens);
    // Cut off by the token limit: finish_reason "length" / stop_reason "max_tokens".
    ScriptedReply &truncated();
    // The stop reason exactly as the server words it (overrides the default and truncated()).
    ScriptedReply &stopReason(const QString &reason);
    // The model name in the reply (default: the request's).
    ScriptedReply &model(const QString &model);
    // Streaming: text deltas of this many characters, tool-call arguments in pieces of this many (default 4).
    ScriptedReply &textPieces(int characters);
    ScriptedReply &argumentPieces(int characters);
    // Streaming: no terminal event ([DONE] / message_stop); the HTTP response still ends cleanly.
    ScriptedReply &withoutTerminal();
    // Streaming: close the connection after this many events (the terminal one never comes).
    ScriptedReply &cutAfterEvents(int events);

    // --- any reply ---
    ScriptedReply &header(const QByteArray &name, const QByteArray &value);
    ScriptedReply &contentType(const QByteArray &contentType);
    // Nothing at all (not even the status line) for this long.
    ScriptedReply &firstByteDelay(int ms);
    // The body is written in pieces of this many bytes, each its own write (cuts UTF-8 sequences and lines).
    ScriptedReply &chunkBytes(int bytes);
    // Between two pieces of the body.
    ScriptedReply &chunkInterval(int ms);
    // Streaming: silence this long after this many events were sent.
    ScriptedReply &pauseAfterEvents(int events, int ms);

    Kind kind() const { return m_kind; }

private:
    friend class ScriptedModelServer;

    explicit ScriptedReply(Kind kind)
        : m_kind(kind)
    {}

    Kind m_kind;
    QString m_text;
    QList<llm::ToolCall> m_toolCalls;
    llm::Usage m_usage{10, 5};
    bool m_truncated = false;
    QString m_stopReason;
    QString m_model;
    int m_textPieces = 4;
    int m_argumentPieces = 4;
    bool m_withoutTerminal = false;
    int m_cutAfterEvents = -1;
    QList<llm::SseEvent> m_events;
    int m_status = 200;
    QByteArray m_contentType;
    QByteArray m_body;
    QString m_errorType;
    QList<QPair<QByteArray, QByteArray>> m_headers;
    int m_firstByteDelayMs = 0;
    int m_chunkBytes = 0;
    int m_chunkIntervalMs = 0;
    int m_pauseAfterEvents = -1;
    int m_pauseMs = 0;
    qsizetype m_hugeBytes = 0;
};

} // namespace switchboard::test
