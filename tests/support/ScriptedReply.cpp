#include "ScriptedReply.h"

#include <QJsonDocument>

using namespace Qt::StringLiterals;

namespace switchboard::test {

ScriptedReply ScriptedReply::text(const QString &text)
{
    ScriptedReply reply(Kind::Answer);
    reply.m_text = text;
    return reply;
}

ScriptedReply ScriptedReply::toolCalls(const QList<llm::ToolCall> &calls, const QString &text)
{
    ScriptedReply reply(Kind::Answer);
    reply.m_text = text;
    reply.m_toolCalls = calls;
    return reply;
}

ScriptedReply ScriptedReply::events(const QList<llm::SseEvent> &events)
{
    ScriptedReply reply(Kind::Events);
    reply.m_events = events;
    return reply;
}

ScriptedReply ScriptedReply::json(const QJsonObject &body, int status)
{
    ScriptedReply reply(Kind::Body);
    reply.m_status = status;
    reply.m_contentType = "application/json";
    reply.m_body = QJsonDocument(body).toJson(QJsonDocument::Compact);
    return reply;
}

ScriptedReply ScriptedReply::body(int status, const QByteArray &contentType, const QByteArray &body)
{
    ScriptedReply reply(Kind::Body);
    reply.m_status = status;
    reply.m_contentType = contentType;
    reply.m_body = body;
    return reply;
}

ScriptedReply ScriptedReply::httpError(int status, const QString &message, const QString &type)
{
    ScriptedReply reply(Kind::HttpError);
    reply.m_status = status;
    reply.m_text = message;
    reply.m_errorType = type;
    return reply;
}

ScriptedReply ScriptedReply::garbage()
{
    return body(200, "application/json", "{\"id\": \"chatcmpl-1\", \"choices\": [ this is not JSON");
}

ScriptedReply ScriptedReply::huge(qsizetype bytes, bool stream)
{
    ScriptedReply reply(stream ? Kind::Events : Kind::Body);
    reply.m_status = 200;
    reply.m_contentType = stream ? "text/event-stream" : "application/json";
    reply.m_hugeBytes = bytes;
    return reply;
}

ScriptedReply ScriptedReply::raw(const QByteArray &bytes)
{
    ScriptedReply reply(Kind::Raw);
    reply.m_body = bytes;
    return reply;
}

ScriptedReply ScriptedReply::closeConnection()
{
    return ScriptedReply(Kind::Close);
}

ScriptedReply &ScriptedReply::usage(qint64 inputTokens, qint64 outputTokens)
{
    m_usage = llm::Usage{inputTokens, outputTokens};
    return *this;
}

ScriptedReply &ScriptedReply::truncated()
{
    m_truncated = true;
    return *this;
}

ScriptedReply &ScriptedReply::stopReason(const QString &reason)
{
    m_stopReason = reason;
    return *this;
}

ScriptedReply &ScriptedReply::model(const QString &model)
{
    m_model = model;
    return *this;
}

ScriptedReply &ScriptedReply::textPieces(int characters)
{
    m_textPieces = std::max(1, characters);
    return *this;
}

ScriptedReply &ScriptedReply::argumentPieces(int characters)
{
    m_argumentPieces = std::max(1, characters);
    return *this;
}

ScriptedReply &ScriptedReply::withoutTerminal()
{
    m_withoutTerminal = true;
    return *this;
}

ScriptedReply &ScriptedReply::cutAfterEvents(int events)
{
    m_cutAfterEvents = events;
    return *this;
}

ScriptedReply &ScriptedReply::header(const QByteArray &name, const QByteArray &value)
{
    m_headers.append({name, value});
    return *this;
}

ScriptedReply &ScriptedReply::contentType(const QByteArray &contentType)
{
    m_contentType = contentType;
    return *this;
}

ScriptedReply &ScriptedReply::firstByteDelay(int ms)
{
    m_firstByteDelayMs = ms;
    return *this;
}

ScriptedReply &ScriptedReply::chunkBytes(int bytes)
{
    m_chunkBytes = bytes;
    return *this;
}

ScriptedReply &ScriptedReply::chunkInterval(int ms)
{
    m_chunkIntervalMs = ms;
    return *this;
}

ScriptedReply &ScriptedReply::pauseAfterEvents(int events, int ms)
{
    m_pauseAfterEvents = events;
    m_pauseMs = ms;
    return *this;
}

} // namespace switchboard::test
