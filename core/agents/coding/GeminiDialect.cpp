#include "GeminiDialect.h"

#include "ClaudeCodeDialect.h"
#include "CodingPrompt.h"
#include "CodingSession.h"
#include "agents/AgentLaunch.h"
#include "model/ErrorKind.h"
#include "model/InputLimits.h"

#include <QJsonDocument>

namespace switchboard {

using namespace Qt::StringLiterals;

QString GeminiDialect::displayName() const
{
    return u"Gemini CLI"_s;
}

QString GeminiDialect::defaultProgram() const
{
    return u"gemini"_s;
}

QStringList GeminiDialect::arguments(const Request &request) const
{
    QStringList args{u"-p"_s, InputLimits::cutToBytes(request.prompt, CodingPrompt::MaxArgumentBytes),
                     u"--output-format"_s, u"stream-json"_s};
    if (!request.model.isEmpty())
        args << u"--model"_s << request.model;
    if (!request.resumeSessionId.isEmpty())
        args << u"--resume"_s << request.resumeSessionId;
    return args + request.extraArgs;
}

void GeminiDialect::flushText(CodingSession &session)
{
    const QString text = m_text.trimmed();
    m_text.clear();
    if (text.isEmpty())
        return;
    m_lastText = text;
    session.context().log(text);
    session.recordTranscript(TranscriptEntry::Kind::Assistant, text);
}

void GeminiDialect::handleLine(const QByteArray &line, CodingSession &session)
{
    const std::optional<QJsonObject> read = session.readEvent(line);
    if (!read)
        return;
    const QJsonObject &event = *read;
    const QString type = event.value(u"type").toString();
    AgentContext &context = session.context();
    if (type == u"init") {
        QString id = event.value(u"session_id").toString();
        if (id.isEmpty())
            id = event.value(u"sessionId").toString();
        session.recordAgentSession(id);
        session.note(u"Gemini CLI session %1 (model %2)"_s.arg(id, event.value(u"model").toString()));
        context.setStep(u"Gemini CLI started"_s);
    } else if (type == u"message") {
        if (event.value(u"role").toString() != u"assistant")
            return;
        m_text += event.value(u"content").toString();
        if (!event.value(u"delta").toBool())
            flushText(session);
    } else if (type == u"tool_use") {
        flushText(session);
        const QString step =
            ClaudeCodeDialect::describeTool(event.value(u"tool_name").toString(), event.value(u"parameters").toObject(),
                                            AgentLaunch::programWorkspace(context));
        context.setStep(step);
        context.log(u"→ "_s + step);
        session.recordTranscript(
            TranscriptEntry::Kind::ToolCall,
            QString::fromUtf8(QJsonDocument(event.value(u"parameters").toObject()).toJson(QJsonDocument::Compact)),
            event.value(u"tool_name").toString(), event.value(u"tool_id").toString());
    } else if (type == u"tool_result") {
        const bool failed = event.value(u"status").toString() == u"error";
        session.recordTranscript(TranscriptEntry::Kind::ToolResult,
                                 failed ? event.value(u"error").toObject().value(u"message").toString()
                                        : event.value(u"output").toString(),
                                 {}, event.value(u"tool_id").toString(), failed);
        if (failed)
            context.log(u"✗ tool error: "_s + event.value(u"error").toObject().value(u"message").toString());
    } else if (type == u"error") {
        const QString message = event.value(u"message").toString();
        const QString severity = event.value(u"severity").toString();
        if (severity != u"warning")
            m_lastError = message;
        session.note(u"Gemini CLI %1: %2"_s.arg(severity.isEmpty() ? u"error"_s : severity, message));
    } else if (type == u"result") {
        flushText(session);
        m_hasResult = true;
        m_resultOk = event.value(u"status").toString() == u"success";
        if (!m_resultOk) {
            const QString message = event.value(u"error").toObject().value(u"message").toString();
            if (!message.isEmpty())
                m_lastError = message;
        }
        const QJsonObject stats = event.value(u"stats").toObject();
        const qint64 input = stats.value(u"input_tokens").toInteger();
        const qint64 output = stats.value(u"output_tokens").toInteger();
        context.addUsage(input, output, context.profile().llm.costUsd(input, output));
    } else {
        session.logUnrecognised(line, type.isEmpty() ? u"no type"_s : u"unknown type \"%1\""_s.arg(type));
    }
}

AgentResult GeminiDialect::finish(int exitCode, CodingSession &session)
{
    flushText(session);
    const QString detail = m_lastError.isEmpty() ? QString() : QString(u": "_s + m_lastError);
    if (exitCode == ExitBadInput)
        return AgentResult::failed(u"Gemini CLI: bad input (exit code 42)"_s + detail + session.stderrTail(), exitCode,
                                   errorKindName(ErrorKind::Invalid));
    if (exitCode == ExitTurnLimit)
        return AgentResult::failed(u"Gemini CLI: turn limit exceeded (exit code 53)"_s + detail + session.stderrTail(),
                                   exitCode, u"max_turns"_s);
    if (exitCode != 0)
        return AgentResult::failed(u"Gemini CLI exited with code %1"_s.arg(exitCode) + detail + session.stderrTail(),
                                   exitCode, errorKindName(ErrorKind::Exit));
    if (!m_hasResult)
        return AgentResult::failed(u"Gemini CLI ended without a result"_s + detail + session.stderrTail(), -1,
                                   errorKindName(ErrorKind::Exit));
    if (!m_resultOk)
        return AgentResult::failed(u"Gemini CLI reported an error"_s + detail + session.stderrTail(), -1,
                                   errorKindName(ErrorKind::Exit));
    return AgentResult::completed(m_lastText.isEmpty() ? u"done"_s : m_lastText);
}

} // namespace switchboard
