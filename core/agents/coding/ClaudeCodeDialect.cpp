#include "ClaudeCodeDialect.h"

#include "CodingMemory.h"
#include "CodingSession.h"
#include "agents/AgentLaunch.h"
#include "model/ErrorKind.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace switchboard {

using namespace Qt::StringLiterals;

namespace {

const QString kAllow = u"allow"_s;
const QString kDeny = u"deny"_s;
const QString kAlways = u"always"_s;

QString firstLine(const QString &text, qsizetype maxChars = 120)
{
    QString line = text.section(u'\n', 0, 0).trimmed();
    if (line.size() > maxChars)
        line = line.left(maxChars) + u'…';
    else if (text.trimmed().contains(u'\n'))
        line += u" …"_s;
    return line;
}

QString prefixed(const QString &text, QChar mark)
{
    QString out;
    const QStringList lines = text.split(u'\n');
    for (const QString &line : lines)
        out += mark + line + u'\n';
    return out;
}

QString editDiff(const QString &path, const QJsonObject &edit)
{
    QString diff = u"--- "_s + path + u"\n+++ "_s + path + u'\n';
    if (edit.value(u"replace_all").toBool())
        diff += u"@@ every occurrence @@\n"_s;
    diff += prefixed(edit.value(u"old_string").toString(), u'-');
    diff += prefixed(edit.value(u"new_string").toString(), u'+');
    return diff;
}

// The text of a tool_result's content: a string, or a list of {type: text, text} blocks.
QString resultText(const QJsonValue &content)
{
    if (content.isString())
        return content.toString();
    QStringList parts;
    for (const QJsonValue &block : content.toArray()) {
        if (block.toObject().value(u"type").toString() == u"text")
            parts << block.toObject().value(u"text").toString();
    }
    return parts.join(u'\n');
}

} // namespace

QString ClaudeCodeDialect::displayName() const
{
    return u"Claude Code"_s;
}

QString ClaudeCodeDialect::defaultProgram() const
{
    return u"claude"_s;
}

QStringList ClaudeCodeDialect::arguments(const Request &request) const
{
    QStringList args{
        u"-p"_s,          u"--output-format"_s,          u"stream-json"_s, u"--verbose"_s, u"--input-format"_s,
        u"stream-json"_s, u"--permission-prompt-tool"_s, u"stdio"_s};
    if (!request.model.isEmpty())
        args << u"--model"_s << request.model;
    if (!request.resumeSessionId.isEmpty())
        args << u"--resume"_s << request.resumeSessionId;
    return args + request.extraArgs;
}

void ClaudeCodeDialect::started(CodingSession &session, const Request &request)
{
    session.recordTranscript(TranscriptEntry::Kind::User, request.prompt);
    session.writeJson(
        {{u"type"_s, u"user"_s}, {u"message"_s, QJsonObject{{u"role"_s, u"user"_s}, {u"content"_s, request.prompt}}}});
}

void ClaudeCodeDialect::handleLine(const QByteArray &line, CodingSession &session)
{
    const std::optional<QJsonObject> read = session.readEvent(line);
    if (!read)
        return;
    const QJsonObject &event = *read;
    const QString type = event.value(u"type").toString();
    if (type == u"system")
        handleSystem(event, session);
    else if (type == u"assistant")
        handleAssistant(event, session);
    else if (type == u"user")
        handleUser(event, session);
    else if (type == u"result")
        handleResult(event, session);
    else if (type == u"control_request")
        handleControlRequest(event, session);
    else if (type == u"control_response" || type == u"stream_event" || type == u"control_cancel_request")
        return; // answers to requests we never send; partial messages we did not ask for
    else
        session.logUnrecognised(line, type.isEmpty() ? u"no type"_s : u"unknown type \"%1\""_s.arg(type));
}

void ClaudeCodeDialect::handleSystem(const QJsonObject &event, CodingSession &session)
{
    const QString subtype = event.value(u"subtype").toString();
    if (subtype != u"init") {
        session.note(u"Claude Code: %1"_s.arg(subtype.isEmpty() ? u"system event"_s : subtype));
        return;
    }
    const QString sessionId = event.value(u"session_id").toString();
    session.recordAgentSession(sessionId);
    session.note(u"Claude Code session %1 (model %2, %3 tools) in %4"_s.arg(sessionId, event.value(u"model").toString())
                     .arg(event.value(u"tools").toArray().size())
                     .arg(event.value(u"cwd").toString()));
    session.context().setStep(u"Claude Code started"_s);
}

void ClaudeCodeDialect::handleAssistant(const QJsonObject &event, CodingSession &session)
{
    AgentContext &context = session.context();
    const QJsonArray content = event.value(u"message").toObject().value(u"content").toArray();
    for (const QJsonValue &value : content) {
        const QJsonObject block = value.toObject();
        const QString kind = block.value(u"type").toString();
        if (kind == u"text") {
            const QString text = block.value(u"text").toString().trimmed();
            if (!text.isEmpty()) {
                m_lastText = text;
                context.log(text);
                session.recordTranscript(TranscriptEntry::Kind::Assistant, text);
            }
        } else if (kind == u"tool_use") {
            const QString tool = block.value(u"name").toString();
            const QJsonObject input = block.value(u"input").toObject();
            const QString step = describeTool(tool, input, AgentLaunch::programWorkspace(context));
            context.setStep(step);
            context.log(u"→ "_s + step);
            session.recordTranscript(TranscriptEntry::Kind::ToolCall,
                                     QString::fromUtf8(QJsonDocument(input).toJson(QJsonDocument::Compact)), tool,
                                     block.value(u"id").toString());
            if (tool == u"TodoWrite") {
                // Its plan is the closest thing to progress Claude Code reports.
                const QJsonArray todos = input.value(u"todos").toArray();
                int done = 0;
                for (const QJsonValue &todo : todos)
                    done += todo.toObject().value(u"status").toString() == u"completed" ? 1 : 0;
                if (!todos.isEmpty())
                    context.setProgress(static_cast<int>(done * 100 / todos.size()));
            }
        }
        // thinking blocks stay out of the log: they are long and not meant for the reader.
    }
}

void ClaudeCodeDialect::handleUser(const QJsonObject &event, CodingSession &session)
{
    const QJsonArray content = event.value(u"message").toObject().value(u"content").toArray();
    for (const QJsonValue &value : content) {
        const QJsonObject block = value.toObject();
        if (block.value(u"type").toString() != u"tool_result")
            continue;
        const QString text = resultText(block.value(u"content"));
        session.recordTranscript(TranscriptEntry::Kind::ToolResult, text, {}, block.value(u"tool_use_id").toString(),
                                 block.value(u"is_error").toBool());
        if (block.value(u"is_error").toBool())
            session.context().log(u"✗ tool error: "_s + firstLine(text, 300));
        else if (!text.trimmed().isEmpty())
            session.context().log(u"← "_s + firstLine(text, 200));
    }
}

void ClaudeCodeDialect::handleResult(const QJsonObject &event, CodingSession &session)
{
    m_hasResult = true;
    m_subtype = event.value(u"subtype").toString();
    m_isError = event.value(u"is_error").toBool();
    m_numTurns = event.value(u"num_turns").toInt();
    session.context().recordTurns(m_numTurns);
    m_resultText = event.value(u"result").toString();
    session.recordAgentSession(event.value(u"session_id").toString());
    const QJsonObject usage = event.value(u"usage").toObject();
    // Cached input is input too: it is what the model read, and Anthropic bills it.
    const qint64 input = usage.value(u"input_tokens").toInteger() +
                         usage.value(u"cache_creation_input_tokens").toInteger() +
                         usage.value(u"cache_read_input_tokens").toInteger();
    const qint64 output = usage.value(u"output_tokens").toInteger();
    const double cost = event.value(u"total_cost_usd").toDouble();
    session.context().addUsage(input, output, cost);
    session.note(u"Claude Code result: %1 after %2 turns, $%3"_s.arg(m_subtype).arg(m_numTurns).arg(cost, 0, 'f', 4));
    // In stream-json input mode it waits for the next user message: the end of stdin tells it we are done.
    session.closeInput();
}

void ClaudeCodeDialect::handleControlRequest(const QJsonObject &event, CodingSession &session)
{
    const QString requestId = event.value(u"request_id").toString();
    const QJsonObject request = event.value(u"request").toObject();
    const QString subtype = request.value(u"subtype").toString();
    if (subtype == u"can_use_tool") {
        askPermission(requestId, request.value(u"tool_name").toString(), request.value(u"input").toObject(), session);
        return;
    }
    session.note(u"Claude Code control request \"%1\" is not supported; answered with an error"_s.arg(subtype));
    session.writeJson(
        {{u"type"_s, u"control_response"_s},
         {u"response"_s, QJsonObject{{u"subtype"_s, u"error"_s},
                                     {u"request_id"_s, requestId},
                                     {u"error"_s, QString(u"unsupported control request: "_s + subtype)}}}});
}

void ClaudeCodeDialect::askPermission(const QString &requestId, const QString &tool, const QJsonObject &input,
                                      CodingSession &session)
{
    AgentContext &context = session.context();
    const QString goalId = context.goal().id;
    const QString what = describeTool(tool, input, AgentLaunch::programWorkspace(context));
    if (session.memory().isToolAllowed(goalId, tool)) {
        session.note(u"allowed %1 (%2 is always allowed for this goal)"_s.arg(what, tool));
        replyPermission(session, requestId, true, input, {});
        return;
    }
    context.setStep(u"needs permission: "_s + what);
    EscalationInbox::Request question;
    question.trigger = Escalation::Trigger::Permission;
    question.question = u"Claude Code asks to use %1"_s.arg(what);
    question.context = permissionContext(tool, input);
    question.options = {
        {kAllow, u"Allow"_s}, {kDeny, u"Deny"_s}, {kAlways, u"Always allow %1 for this goal"_s.arg(tool)}};
    CodingMemory *memory = &session.memory();
    CodingSession *target = &session;
    QString error;
    const bool asked = session.ask(
        question,
        [target, memory, goalId, requestId, tool, input, what](const Escalation &answer) {
            if (answer.state != Escalation::State::Answered) {
                replyPermission(
                    *target, requestId, false, input,
                    u"The permission request was not answered (%1)."_s.arg(escalationStateToString(answer.state)));
                return;
            }
            if (answer.answerOption == kAlways)
                memory->allowTool(goalId, tool);
            const bool allow = answer.answerOption == kAllow || answer.answerOption == kAlways;
            target->note(u"%1 %2 (%3)"_s.arg(allow ? u"allowed"_s : u"denied"_s, what, answer.answeredBy));
            QString message = u"The user denied this tool use."_s;
            if (!answer.answerText.trimmed().isEmpty())
                message += u" Their note: "_s + answer.answerText.trimmed();
            replyPermission(*target, requestId, allow, input, allow ? QString() : message);
        },
        &error);
    if (!asked)
        replyPermission(session, requestId, false, input, u"Switchboard could not ask the user: "_s + error);
}

void ClaudeCodeDialect::replyPermission(CodingSession &session, const QString &requestId, bool allow,
                                        const QJsonObject &input, const QString &message)
{
    const QJsonObject decision = allow ? QJsonObject{{u"behavior"_s, u"allow"_s}, {u"updatedInput"_s, input}}
                                       : QJsonObject{{u"behavior"_s, u"deny"_s}, {u"message"_s, message}};
    session.writeJson(
        {{u"type"_s, u"control_response"_s},
         {u"response"_s,
          QJsonObject{{u"subtype"_s, u"success"_s}, {u"request_id"_s, requestId}, {u"response"_s, decision}}}});
}

AgentResult ClaudeCodeDialect::finish(int exitCode, CodingSession &session)
{
    const QString turns = m_numTurns == 1 ? u"1 turn"_s : u"%1 turns"_s.arg(m_numTurns);
    if (!m_hasResult) {
        const QString why = exitCode == 0 ? u"Claude Code ended without a result"_s
                                          : u"Claude Code exited with code %1 before its result"_s.arg(exitCode);
        return AgentResult::failed(why + session.stderrTail(), exitCode == 0 ? -1 : exitCode,
                                   errorKindName(ErrorKind::Exit));
    }
    if (m_subtype == u"success" && !m_isError) {
        const QString summary = !m_resultText.trimmed().isEmpty() ? m_resultText.trimmed()
                                : !m_lastText.isEmpty()           ? m_lastText
                                                                  : u"done in %1"_s.arg(turns);
        return AgentResult::completed(summary);
    }
    const int code = exitCode == 0 ? -1 : exitCode;
    if (m_subtype == u"error_max_turns")
        return AgentResult::failed(u"Claude Code reached its turn limit (error_max_turns) after %1"_s.arg(turns), code,
                                   u"max_turns"_s);
    QString why = m_subtype == u"error_during_execution"
                      ? u"Claude Code failed during execution (error_during_execution) after %1"_s.arg(turns)
                      : u"Claude Code reported an error (%1) after %2"_s.arg(m_subtype, turns);
    if (!m_resultText.trimmed().isEmpty())
        why += u": "_s + m_resultText.trimmed();
    return AgentResult::failed(why + session.stderrTail(), code, errorKindName(ErrorKind::Exit));
}

QString ClaudeCodeDialect::describeTool(const QString &tool, const QJsonObject &input, const QString &workspace)
{
    const auto path = [&](const QString &key) {
        QString file = input.value(key).toString();
        if (!workspace.isEmpty() && file.startsWith(workspace + u'/'))
            file = file.mid(workspace.size() + 1);
        return file;
    };
    QString detail;
    if (tool == u"Bash")
        detail = firstLine(input.value(u"command").toString());
    else if (input.contains(u"file_path"))
        detail = path(u"file_path"_s);
    else if (input.contains(u"notebook_path"))
        detail = path(u"notebook_path"_s);
    else if (input.contains(u"absolute_path")) // Gemini CLI's read_file
        detail = path(u"absolute_path"_s);
    else if (input.contains(u"command")) // Gemini CLI's run_shell_command
        detail = firstLine(input.value(u"command").toString());
    else if (input.contains(u"pattern"))
        detail = input.value(u"pattern").toString();
    else if (input.contains(u"url"))
        detail = input.value(u"url").toString();
    else if (input.contains(u"query"))
        detail = input.value(u"query").toString();
    else if (input.contains(u"description"))
        detail = firstLine(input.value(u"description").toString());
    detail = firstLine(detail);
    return detail.isEmpty() ? tool : QString(tool + u": "_s + detail);
}

QString ClaudeCodeDialect::permissionContext(const QString &tool, const QJsonObject &input)
{
    QString text;
    const QString file = input.value(u"file_path").toString();
    if (tool == u"Bash") {
        text = u"$ "_s + input.value(u"command").toString();
        if (const QString description = input.value(u"description").toString(); !description.isEmpty())
            text += u"\n\n"_s + description;
    } else if (tool == u"Edit") {
        text = u"File: "_s + file + u"\n\n"_s + editDiff(file, input);
    } else if (tool == u"MultiEdit") {
        text = u"File: "_s + file + u'\n';
        for (const QJsonValue &edit : input.value(u"edits").toArray())
            text += u'\n' + editDiff(file, edit.toObject());
    } else if (tool == u"Write") {
        text = u"File: "_s + file + u" (whole content)\n\n--- "_s + file + u"\n+++ "_s + file + u'\n' +
               prefixed(input.value(u"content").toString(), u'+');
    } else {
        text = QString::fromUtf8(QJsonDocument(input).toJson(QJsonDocument::Indented));
    }
    if (text.size() > MaxPermissionContextChars)
        text = text.left(MaxPermissionContextChars) +
               u"\n… [%1 more characters not shown]"_s.arg(text.size() - MaxPermissionContextChars);
    return text;
}

} // namespace switchboard
