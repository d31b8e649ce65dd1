#include "CodexDialect.h"

#include "CodingPrompt.h"
#include "CodingSession.h"
#include "model/ErrorKind.h"
#include "model/InputLimits.h"

#include <QJsonArray>

namespace switchboard {

using namespace Qt::StringLiterals;

namespace {

QString firstLine(const QString &text, qsizetype maxChars = 120)
{
    QString line = text.section(u'\n', 0, 0).trimmed();
    return line.size() > maxChars ? QString(line.left(maxChars) + u'…') : line;
}

} // namespace

QString CodexDialect::displayName() const
{
    return u"Codex"_s;
}

QString CodexDialect::defaultProgram() const
{
    return u"codex"_s;
}

QStringList CodexDialect::arguments(const Request &request) const
{
    QStringList args{u"exec"_s, u"--json"_s};
    if (!request.model.isEmpty())
        args << u"--model"_s << request.model;
    args += request.extraArgs;
    if (!request.resumeSessionId.isEmpty())
        args << u"resume"_s << request.resumeSessionId;
    // The prompt is one argument: kept below the kernel's limit for one, or the start fails with E2BIG.
    args << InputLimits::cutToBytes(request.prompt, CodingPrompt::MaxArgumentBytes);
    return args;
}

void CodexDialect::handleLine(const QByteArray &line, CodingSession &session)
{
    const std::optional<QJsonObject> read = session.readEvent(line);
    if (!read)
        return;
    const QJsonObject &event = *read;
    const QString type = event.value(u"type").toString();
    AgentContext &context = session.context();
    if (type == u"thread.started") {
        const QString thread = event.value(u"thread_id").toString();
        session.recordAgentSession(thread);
        session.note(u"Codex thread "_s + thread);
        context.setStep(u"Codex started"_s);
    } else if (type == u"turn.started") {
        ++m_turns;
        context.setStep(u"turn %1"_s.arg(m_turns));
        context.recordTurns(m_turns);
    } else if (type == u"turn.completed") {
        const QJsonObject usage = event.value(u"usage").toObject();
        // input_tokens counts the cached ones too (cached_input_tokens is a part of it).
        const qint64 input = usage.value(u"input_tokens").toInteger();
        const qint64 output = usage.value(u"output_tokens").toInteger();
        context.addUsage(input, output, context.profile().llm.costUsd(input, output));
        m_errorPending = false;
    } else if (type == u"turn.failed") {
        m_turnFailed = true;
        m_failure = event.value(u"error").toObject().value(u"message").toString();
        session.note(u"Codex turn failed: "_s + m_failure);
    } else if (type == u"error") {
        m_errorPending = true;
        m_failure = event.value(u"message").toString();
        session.note(u"Codex error: "_s + m_failure);
    } else if (type.startsWith(u"item.")) {
        handleItem(type.mid(5), event.value(u"item").toObject(), session);
    } else {
        session.logUnrecognised(line, type.isEmpty() ? u"no type"_s : u"unknown type \"%1\""_s.arg(type));
    }
}

void CodexDialect::handleItem(const QString &event, const QJsonObject &item, CodingSession &session)
{
    AgentContext &context = session.context();
    const QString kind = item.value(u"type").toString();
    const bool completed = event == u"completed";
    if (kind == u"agent_message") {
        if (completed) {
            m_lastMessage = item.value(u"text").toString().trimmed();
            context.log(m_lastMessage);
            session.recordTranscript(TranscriptEntry::Kind::Assistant, m_lastMessage);
        }
    } else if (kind == u"reasoning") {
        if (completed)
            context.log(u"thinking: "_s + firstLine(item.value(u"text").toString(), 300));
        context.setStep(u"Thinking"_s);
    } else if (kind == u"command_execution") {
        const QString command = item.value(u"command").toString();
        if (!completed) {
            context.setStep(u"Run: "_s + firstLine(command));
            return;
        }
        const QJsonValue exit = item.value(u"exit_code");
        const QString id = item.value(u"id").toString();
        session.recordTranscript(TranscriptEntry::Kind::ToolCall, command, u"command_execution"_s, id);
        session.recordTranscript(TranscriptEntry::Kind::ToolResult, item.value(u"aggregated_output").toString(), {}, id,
                                 exit.isDouble() && exit.toInt() != 0);
        context.log(
            u"$ %1 (exit %2)"_s.arg(firstLine(command, 300), exit.isDouble() ? QString::number(exit.toInt()) : u"?"_s));
        if (exit.isDouble() && exit.toInt() != 0) {
            const QString output = item.value(u"aggregated_output").toString().trimmed();
            if (!output.isEmpty())
                context.log(output.right(2000));
        }
    } else if (kind == u"file_change") {
        QStringList files;
        for (const QJsonValue &change : item.value(u"changes").toArray()) {
            const QJsonObject object = change.toObject();
            files << object.value(u"path").toString();
            if (completed)
                context.log(u"%1 %2"_s.arg(object.value(u"kind").toString(), object.value(u"path").toString()));
        }
        if (!files.isEmpty())
            context.setStep(u"Edit: "_s + files.join(u", "_s));
    } else if (kind == u"mcp_tool_call") {
        const QString tool = item.value(u"server").toString() + u'/' + item.value(u"tool").toString();
        if (!completed)
            context.setStep(u"MCP: "_s + tool);
        else
            context.log(u"MCP %1: %2"_s.arg(tool, item.value(u"status").toString()));
    } else if (kind == u"web_search") {
        context.setStep(u"Search: "_s + firstLine(item.value(u"query").toString()));
    } else if (kind == u"todo_list") {
        const QJsonArray items = item.value(u"items").toArray();
        int done = 0;
        for (const QJsonValue &todo : items)
            done += todo.toObject().value(u"completed").toBool() ? 1 : 0;
        if (!items.isEmpty())
            context.setProgress(static_cast<int>(done * 100 / items.size()));
    } else if (kind == u"error") {
        context.log(u"Codex: "_s + item.value(u"message").toString());
    } else {
        session.note(u"Codex item of unknown type \"%1\" (%2)"_s.arg(kind, event));
    }
}

AgentResult CodexDialect::finish(int exitCode, CodingSession &session)
{
    if (m_turnFailed)
        return AgentResult::failed(u"Codex turn failed: "_s + m_failure + session.stderrTail(),
                                   exitCode == 0 ? -1 : exitCode, errorKindName(ErrorKind::Exit));
    if (exitCode != 0) {
        const QString why = m_failure.isEmpty() ? u"Codex exited with code %1"_s.arg(exitCode)
                                                : u"Codex: %1 (exit code %2)"_s.arg(m_failure).arg(exitCode);
        return AgentResult::failed(why + session.stderrTail(), exitCode, errorKindName(ErrorKind::Exit));
    }
    if (m_errorPending)
        return AgentResult::failed(u"Codex: "_s + m_failure + session.stderrTail(), -1, errorKindName(ErrorKind::Exit));
    if (m_turns == 0 && m_lastMessage.isEmpty())
        return AgentResult::failed(u"Codex ended without doing a turn"_s + session.stderrTail(), -1,
                                   errorKindName(ErrorKind::Exit));
    return AgentResult::completed(m_lastMessage.isEmpty() ? u"done in %1 turn(s)"_s.arg(m_turns) : m_lastMessage);
}

} // namespace switchboard
