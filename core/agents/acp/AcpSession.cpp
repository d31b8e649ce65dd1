#include "AcpSession.h"

#include "AcpPrompt.h"
#include "agents/AgentActions.h"
#include "agents/AgentContext.h"
#include "agents/AgentLaunch.h"
#include "agents/ProcessGroup.h"
#include "model/ErrorKind.h"

#include <QJsonDocument>

namespace switchboard {

namespace {

const QString kInitialize = QStringLiteral("initialize");
const QString kSessionNew = QStringLiteral("session/new");
const QString kSessionLoad = QStringLiteral("session/load");
const QString kSessionPrompt = QStringLiteral("session/prompt");

constexpr qsizetype MaxContextChars = 4000;

QString cut(const QString &text, qsizetype max)
{
    return text.size() <= max ? text
                              : text.left(max) + QStringLiteral(" … [%1 more characters]").arg(text.size() - max);
}

QString prettyJson(const QJsonValue &value)
{
    if (value.isObject())
        return QString::fromUtf8(QJsonDocument(value.toObject()).toJson(QJsonDocument::Indented)).trimmed();
    if (value.isArray())
        return QString::fromUtf8(QJsonDocument(value.toArray()).toJson(QJsonDocument::Indented)).trimmed();
    return value.toVariant().toString();
}

QString idText(const QJsonValue &id)
{
    return id.isString() ? id.toString() : QString::number(id.toInteger());
}

// How the inbox names an option's kind next to the agent's own name for it.
QString optionKindText(const QString &kind)
{
    if (kind == u"allow_once")
        return QStringLiteral("allow once");
    if (kind == u"allow_always")
        return QStringLiteral("always allow");
    if (kind == u"reject_once")
        return QStringLiteral("reject once");
    if (kind == u"reject_always")
        return QStringLiteral("always reject");
    return kind;
}

QJsonObject permissionOutcome(const QString &optionId)
{
    QJsonObject outcome{
        {QStringLiteral("outcome"), optionId.isEmpty() ? QStringLiteral("cancelled") : QStringLiteral("selected")}};
    if (!optionId.isEmpty())
        outcome.insert(u"optionId", optionId);
    return {{QStringLiteral("outcome"), outcome}};
}

} // namespace

AcpSession::AcpSession(AgentContext &context, Options options, std::unique_ptr<ExecutionChannel> channel)
    : m_context(context)
    , m_options(std::move(options))
    , m_channel(std::move(channel))
    , m_turn(context)
    , m_files(context, m_options.workspace, this, m_options.lockTimeout, m_options.programWorkspace)
{
    m_timeoutTimer.setSingleShot(true);
    m_cancelGraceTimer.setSingleShot(true);
    m_exitGraceTimer.setSingleShot(true);
    connect(&m_timeoutTimer, &QTimer::timeout, this, &AcpSession::handleTimeout);
    AgentLaunch::holdWhileQueued(*m_channel, m_timeoutTimer);
    connect(&m_cancelGraceTimer, &QTimer::timeout, this, &AcpSession::handleCancelGraceExpired);
    connect(&m_exitGraceTimer, &QTimer::timeout, this, &AcpSession::handleExitGraceExpired);
    connect(m_channel.get(), &ExecutionChannel::stdoutLineReceived, this, &AcpSession::handleStdoutLine);
    connect(m_channel.get(), &ExecutionChannel::stderrLineReceived, this, &AcpSession::handleStderrLine);
    connect(m_channel.get(), &ExecutionChannel::noted, this, &AcpSession::note);
    connect(m_channel.get(), &ExecutionChannel::exited, this, &AcpSession::handleExited);
    connect(m_channel.get(), &ExecutionChannel::finished, this, &AcpSession::handleFinished);
}

AcpSession::~AcpSession()
{
    m_channel->disconnect(this);
}

AgentResult AcpSession::run()
{
    if (m_context.isCancelled())
        return AgentResult::cancelled();

    ExecutionChannel::Launch launch;
    launch.program = m_options.program;
    launch.arguments = m_options.arguments;
    launch.workingDirectory = m_options.workspace;
    launch.environment = m_options.environment;
    launch.killGraceMs = m_options.killGraceMs;
    if (std::optional<AgentResult> failed =
            AgentLaunch::start(*m_channel, launch, m_context, [this](const QString &text) { note(text); }))
        return *std::move(failed);
    if (m_options.timeoutS > 0)
        m_timeoutTimer.start(AgentLaunch::timeoutMs(m_options.timeoutS));

    sendRequest(kInitialize, {{QStringLiteral("protocolVersion"), ProtocolVersion},
                              {QStringLiteral("clientCapabilities"),
                               QJsonObject{{QStringLiteral("fs"), QJsonObject{{QStringLiteral("readTextFile"), true},
                                                                              {QStringLiteral("writeTextFile"), true}}},
                                           {QStringLiteral("terminal"), false}}}});

    if (!m_done)
        m_loop.exec();
    m_turn.finish();
    m_context.cancelLockRequests();
    m_context.cancelEscalations();
    return makeResult();
}

void AcpSession::requestCancel()
{
    QMetaObject::invokeMethod(this, &AcpSession::handleCancel, Qt::QueuedConnection);
}

// --- the program's output ---

void AcpSession::handleStdoutLine(const ProcessLineReader::Line &line)
{
    ++m_stdoutLines;
    if (line.bytes.trimmed().isEmpty() && !line.isTruncated())
        return;
    if (line.isTruncated()) {
        AcpMessage cutOff;
        cutOff.problem = QStringLiteral("line longer than %1 bytes (%2 bytes dropped)")
                             .arg(m_channel->maxLineBytes())
                             .arg(line.droppedBytes);
        handleMalformed(cutOff, line);
        return;
    }
    const AcpMessage message = AcpMessage::parse(line.bytes);
    switch (message.kind) {
    case AcpMessage::Kind::Request:
        handleRequest(message);
        break;
    case AcpMessage::Kind::Notification:
        handleNotification(message);
        break;
    case AcpMessage::Kind::Response:
    case AcpMessage::Kind::ErrorResponse:
        handleResponse(message);
        break;
    case AcpMessage::Kind::Malformed:
        handleMalformed(message, line);
        break;
    }
}

void AcpSession::handleStderrLine(const ProcessLineReader::Line &line)
{
    const QString text = AgentActions::logText(line.bytes, line.droppedBytes);
    m_context.log(QStringLiteral("stderr: ") + text);
    m_stderrTail.push_back(text.size() > 500 ? QString(text.left(500) + QStringLiteral(" …")) : text);
    if (static_cast<int>(m_stderrTail.size()) > StderrTailLines)
        m_stderrTail.pop_front();
}

void AcpSession::handleMalformed(const AcpMessage &message, const ProcessLineReader::Line &line)
{
    QString excerpt = QString::fromUtf8(line.bytes.left(MalformedExcerptBytes));
    if (line.bytes.size() > MalformedExcerptBytes || line.isTruncated())
        excerpt += QStringLiteral(" …");
    note(QStringLiteral("malformed ACP message on line %1: %2 \u2014 %3")
             .arg(m_stdoutLines)
             .arg(message.problem, excerpt));
    // A request we cannot read still gets its answer, so the agent does not wait for it forever; an id of ours
    // is a broken response, which nobody answers.
    if (message.hasId() && !(message.id.isDouble() && m_pending.contains(message.id.toInteger())))
        sendError(message.id, AcpMessage::InvalidRequest, message.problem);
}

void AcpSession::handleExited()
{
    m_timeoutTimer.stop();
    if (m_result || m_stop != Stop::None)
        return;
    // Died before its turn ended (a crash, an exit on a bad start): that is how the attempt ends.
    m_turn.finish();
    m_phase = Phase::Ending;
    const int code = m_channel->exitCode();
    if (std::optional<AgentResult> lost = AgentLaunch::connectionLostResult(*m_channel, stderrTail())) {
        m_result = *std::move(lost);
    } else if (m_channel->crashed()) {
        m_result = AgentResult::failed(
            QStringLiteral("the agent was %1 before its turn ended").arg(ProcessGroup::signalText(code)) + stderrTail(),
            128 + code, errorKindName(ErrorKind::Crash));
    } else {
        m_result = AgentResult::failed(QStringLiteral("the agent exited with code %1 before its turn ended").arg(code) +
                                           stderrTail(),
                                       code == 0 ? -1 : code, errorKindName(ErrorKind::Exit));
    }
}

void AcpSession::handleFinished()
{
    m_done = true;
    m_timeoutTimer.stop();
    m_cancelGraceTimer.stop();
    m_exitGraceTimer.stop();
    m_loop.quit();
}

// --- stopping ---

void AcpSession::handleCancel()
{
    stopTurn(Stop::Cancelled, QStringLiteral("cancelled"));
}

void AcpSession::handleTimeout()
{
    stopTurn(Stop::TimedOut, QStringLiteral("timed out after %1 s").arg(m_options.timeoutS));
}

void AcpSession::stopTurn(Stop stop, const QString &why)
{
    if (m_done || m_stop != Stop::None)
        return;
    if (m_result) {
        // The outcome is known already; only the program's exit is awaited: hurry it.
        if (m_channel->isRunning())
            m_channel->terminate(why);
        return;
    }
    m_stop = stop;
    m_stopWhy = why;
    m_timeoutTimer.stop();
    if (!m_channel->isRunning())
        return; // exited: finished() follows once its group is gone
    if (m_phase == Phase::Prompting && !m_sessionId.isEmpty()) {
        // The protocol's way: pending questions are answered "cancelled", then the agent ends its turn with
        // stopReason "cancelled" (handlePromptEnded) or the grace runs out.
        answerPermissionsCancelled();
        writeLine(
            AcpMessage::notification(QStringLiteral("session/cancel"), {{QStringLiteral("sessionId"), m_sessionId}}));
        note(QStringLiteral("%1: sent session/cancel, waiting up to %2 ms for the turn to end")
                 .arg(why)
                 .arg(m_options.cancelGraceMs));
        m_cancelGraceTimer.start(m_options.cancelGraceMs);
        return;
    }
    m_phase = Phase::Ending;
    m_channel->terminate(why);
}

void AcpSession::handleCancelGraceExpired()
{
    if (m_phase == Phase::Ending || !m_channel->isRunning())
        return;
    note(QStringLiteral("the turn did not end within %1 ms of session/cancel").arg(m_options.cancelGraceMs));
    m_phase = Phase::Ending;
    m_channel->terminate(m_stopWhy);
}

void AcpSession::handleExitGraceExpired()
{
    if (m_channel->isRunning())
        m_channel->terminate(QStringLiteral("the turn is over"));
}

void AcpSession::finishWith(AgentResult result)
{
    if (m_result)
        return;
    m_result = std::move(result);
    m_phase = Phase::Ending;
    m_timeoutTimer.stop();
    answerPermissionsCancelled();
    if (!m_channel->isRunning())
        return;
    // Most agents exit when their stdin ends; the process group goes after a short grace either way.
    m_channel->closeInput();
    m_inputClosed = true;
    m_exitGraceTimer.start(m_options.exitGraceMs);
}

void AcpSession::fail(const QString &error, const QString &kind)
{
    note(error);
    finishWith(AgentResult::failed(error, -1, kind));
}

// --- our requests and their answers ---

void AcpSession::handleResponse(const AcpMessage &message)
{
    const qint64 id = message.id.isDouble() ? message.id.toInteger(-1) : -1;
    const auto it = m_pending.find(id);
    if (it == m_pending.end()) {
        note(QStringLiteral("response to unknown request id %1 ignored").arg(idText(message.id)));
        return;
    }
    const QString method = it.value();
    m_pending.erase(it);
    if (m_phase == Phase::Ending)
        return;

    if (message.kind == AcpMessage::Kind::ErrorResponse) {
        const QString what =
            QStringLiteral("%1 failed: %2 (code %3)").arg(method, message.errorMessage).arg(message.errorCode);
        if (method == kSessionLoad) {
            m_turn.setReplaying(false);
            note(what + QStringLiteral("; starting a new session instead"));
            openSession(false);
        } else if (method == kSessionPrompt && m_stop != Stop::None) {
            m_phase = Phase::Ending;
            m_cancelGraceTimer.stop();
            m_channel->terminate(m_stopWhy);
        } else if (message.errorCode == AcpMessage::AuthRequired) {
            fail(what + QStringLiteral(": the agent needs you to sign in first (run it once on its own to log in)"),
                 errorKindName(ErrorKind::Invalid));
        } else {
            fail(what, errorKindName(method == kSessionPrompt ? ErrorKind::Exit : ErrorKind::Invalid));
        }
        return;
    }

    const QJsonObject result = message.result.toObject();
    if (method == kInitialize)
        handleInitialized(result);
    else if (method == kSessionNew)
        handleSessionOpened(result, false);
    else if (method == kSessionLoad)
        handleSessionOpened(result, true);
    else if (method == kSessionPrompt)
        handlePromptEnded(result);
}

void AcpSession::handleInitialized(const QJsonObject &result)
{
    const QJsonValue version = result.value(u"protocolVersion");
    if (version.toInteger(-1) != ProtocolVersion) {
        fail(QStringLiteral("the agent speaks ACP protocol version %1; Switchboard speaks version %2")
                 .arg(version.isUndefined() ? QStringLiteral("(none given)") : idText(version))
                 .arg(ProtocolVersion),
             errorKindName(ErrorKind::Invalid));
        return;
    }
    const QJsonObject capabilities = result.value(u"agentCapabilities").toObject();
    m_canLoadSession = capabilities.value(u"loadSession").toBool();
    const QJsonObject info = result.value(u"agentInfo").toObject();
    note(QStringLiteral("ACP agent %1 initialized (protocol version %2%3)")
             .arg(info.isEmpty()
                      ? m_options.program
                      : QString(info.value(u"name").toString() + u' ' + info.value(u"version").toString()).trimmed())
             .arg(ProtocolVersion)
             .arg(m_canLoadSession ? QStringLiteral(", can resume sessions") : QString()));

    const QString resume = m_context.resumeSessionId();
    if (!resume.isEmpty() && !m_canLoadSession)
        note(QStringLiteral("cannot resume session %1: the agent does not offer session/load; starting a new session")
                 .arg(resume));
    openSession(!resume.isEmpty() && m_canLoadSession);
}

void AcpSession::openSession(bool load)
{
    m_phase = Phase::OpeningSession;
    QJsonObject params{{QStringLiteral("cwd"), programWorkspace()}, {QStringLiteral("mcpServers"), QJsonArray()}};
    if (load) {
        params.insert(u"sessionId", m_context.resumeSessionId());
        // The agent replays the conversation so far: earlier turns, not this one's news.
        m_turn.setReplaying(true);
    }
    sendRequest(load ? kSessionLoad : kSessionNew, params);
}

void AcpSession::handleSessionOpened(const QJsonObject &result, bool loaded)
{
    if (loaded) {
        m_turn.setReplaying(false);
        m_sessionId = m_context.resumeSessionId();
        note(QStringLiteral("resumed session %1 (%2 updates replayed)").arg(m_sessionId).arg(m_turn.replayedUpdates()));
    } else {
        m_sessionId = result.value(u"sessionId").toString();
        if (m_sessionId.isEmpty()) {
            fail(QStringLiteral("session/new was answered without a sessionId"), errorKindName(ErrorKind::Invalid));
            return;
        }
        note(QStringLiteral("session %1 in %2").arg(m_sessionId, programWorkspace()));
    }
    m_context.recordAgentSession(m_sessionId);
    sendPrompt();
}

void AcpSession::sendPrompt()
{
    m_phase = Phase::Prompting;
    const QJsonArray blocks = AcpPrompt::blocks(m_context, programWorkspace());
    TranscriptEntry entry;
    entry.kind = TranscriptEntry::Kind::User;
    entry.text = AcpPrompt::text(blocks);
    m_context.recordTranscript(entry);
    sendRequest(kSessionPrompt, {{QStringLiteral("sessionId"), m_sessionId}, {QStringLiteral("prompt"), blocks}});
}

void AcpSession::handlePromptEnded(const QJsonObject &result)
{
    m_turn.finish();
    const QString stopReason = result.value(u"stopReason").toString();

    // Token usage of the turn (newer agents; optional): priced from the profile when the agent gave no cost.
    const QJsonObject usage = result.value(u"usage").toObject();
    const qint64 input = usage.value(u"inputTokens").toInteger();
    const qint64 output = usage.value(u"outputTokens").toInteger();
    if (input > 0 || output > 0) {
        const double cost = m_turn.reportedCostUsd() > 0 ? 0 : m_context.profile().llm.costUsd(input, output);
        m_context.addUsage(input, output, cost);
    }

    if (m_stop != Stop::None) {
        note(QStringLiteral("the turn ended (stop reason %1) after session/cancel").arg(stopReason));
        m_phase = Phase::Ending;
        m_cancelGraceTimer.stop();
        m_channel->terminate(m_stopWhy);
        return;
    }
    const QString said = m_turn.summary();
    if (stopReason == u"end_turn") {
        note(QStringLiteral("the turn ended (stop reason end_turn)"));
        finishWith(AgentResult::completed(said.isEmpty() ? QStringLiteral("the agent ended its turn without a message")
                                                         : said));
        return;
    }
    QString error;
    QString kind = stopReason;
    if (stopReason == u"max_tokens")
        error = QStringLiteral("the agent reached its maximum number of tokens (stop reason max_tokens)");
    else if (stopReason == u"max_turn_requests")
        error = QStringLiteral("the agent reached its maximum number of model requests in one turn (stop reason "
                               "max_turn_requests)");
    else if (stopReason == u"refusal")
        error = QStringLiteral("the agent refused to continue (stop reason refusal)");
    else if (stopReason == u"cancelled")
        error = QStringLiteral("the agent cancelled its turn without being asked to (stop reason cancelled)");
    if (error.isEmpty()) {
        error = stopReason.isEmpty()
                    ? QStringLiteral("the turn ended without a stop reason")
                    : QStringLiteral("the turn ended with an unknown stop reason \"%1\"").arg(stopReason);
        kind = errorKindName(ErrorKind::Invalid);
    } else if (stopReason == u"cancelled") {
        kind = errorKindName(ErrorKind::Exit);
    }
    if (!said.isEmpty())
        error += QStringLiteral("; the agent said: ") + cut(said.right(2000), 2000);
    fail(error, kind);
}

// --- the agent's requests ---

void AcpSession::handleRequest(const AcpMessage &message)
{
    const QString &method = message.method;
    if (method == u"session/request_permission") {
        requestPermission(message);
        return;
    }
    if (method == u"fs/read_text_file") {
        const AcpFileAccess::Answer answer = m_files.read(message.params);
        if (answer.isError()) {
            note(QStringLiteral("fs/read_text_file %1 refused: %2")
                     .arg(message.params.value(u"path").toString(), answer.error));
            sendError(message.id, answer.errorCode, answer.error);
        } else {
            sendResponse(message.id, answer.result);
        }
        return;
    }
    if (method == u"fs/write_text_file") {
        const QString path = message.params.value(u"path").toString();
        const QJsonValue id = message.id;
        m_files.write(message.params, [this, id, path](const AcpFileAccess::Answer &answer) {
            if (answer.isError()) {
                note(QStringLiteral("fs/write_text_file %1 refused: %2").arg(path, answer.error));
                sendError(id, answer.errorCode, answer.error);
            } else {
                m_context.log(QStringLiteral("wrote %1").arg(path));
                sendResponse(id, answer.result);
            }
        });
        return;
    }
    note(QStringLiteral("the agent asked for %1, which Switchboard does not offer: answered -32601").arg(method));
    sendError(message.id, AcpMessage::MethodNotFound, QStringLiteral("method not found: %1").arg(method));
}

void AcpSession::requestPermission(const AcpMessage &message)
{
    const QJsonObject toolCall = message.params.value(u"toolCall").toObject();
    const QJsonArray options = message.params.value(u"options").toArray();
    EscalationInbox::Request request;
    request.trigger = Escalation::Trigger::Permission;
    QStringList optionLines;
    for (const QJsonValue &value : options) {
        const QJsonObject option = value.toObject();
        const QString key = option.value(u"optionId").toString();
        const QString name = option.value(u"name").toString(key);
        const QString kind = optionKindText(option.value(u"kind").toString());
        if (key.isEmpty() || std::any_of(request.options.cbegin(), request.options.cend(),
                                         [&](const Escalation::Option &o) { return o.key == key; })) {
            sendError(message.id, AcpMessage::InvalidParams,
                      QStringLiteral("every permission option needs its own non-empty optionId"));
            return;
        }
        request.options.append(
            {key, kind.isEmpty() || kind == name ? name : QStringLiteral("%1 (%2)").arg(name, kind)});
        optionLines << QStringLiteral("- %1: %2").arg(name, kind.isEmpty() ? QStringLiteral("?") : kind);
    }
    if (request.options.isEmpty()) {
        sendError(message.id, AcpMessage::InvalidParams, QStringLiteral("session/request_permission needs options"));
        return;
    }
    if (m_phase == Phase::Ending || m_stop != Stop::None) {
        sendResponse(message.id, permissionOutcome({}));
        return;
    }

    const QString callId = toolCall.value(u"toolCallId").toString();
    QString title = toolCall.value(u"title").toString();
    if (title.isEmpty())
        title = m_turn.toolTitle(callId);
    if (title.isEmpty())
        title = QStringLiteral("a tool call");
    // The call id keeps each request its own question: an answer is never reused for another call.
    request.question = QStringLiteral("Allow the agent to: %1?").arg(title);
    if (!callId.isEmpty())
        request.question += QStringLiteral(" (tool call %1)").arg(callId);
    QStringList context;
    if (toolCall.value(u"kind").isString())
        context << QStringLiteral("Kind: %1").arg(toolCall.value(u"kind").toString());
    for (const QJsonValue &value : toolCall.value(u"locations").toArray()) {
        const QJsonObject location = value.toObject();
        context << QStringLiteral("File: %1%2")
                       .arg(location.value(u"path").toString(),
                            location.contains(u"line") ? u':' + QString::number(location.value(u"line").toInteger())
                                                       : QString());
    }
    if (toolCall.contains(u"rawInput"))
        context << QStringLiteral("Input:\n") + cut(prettyJson(toolCall.value(u"rawInput")), MaxContextChars);
    for (const QJsonValue &value : toolCall.value(u"content").toArray()) {
        const QJsonObject item = value.toObject();
        if (item.value(u"type").toString() == u"diff")
            context << QStringLiteral("Writes %1:\n%2")
                           .arg(item.value(u"path").toString(),
                                cut(item.value(u"newText").toString(), MaxContextChars));
        else if (item.value(u"type").toString() == u"content")
            context << cut(AcpTurn::contentText(item.value(u"content").toObject()), MaxContextChars);
    }
    context << QStringLiteral("Options:\n") + optionLines.join(u'\n');
    request.context = context.join(QStringLiteral("\n\n"));

    const QJsonValue rpcId = message.id;
    QString error;
    const QString escalationId = m_context.raiseEscalation(
        request, this,
        [this, rpcId, title](const Escalation &escalation) {
            m_permissions.removeIf([&](const PendingPermission &p) { return p.escalationId == escalation.id; });
            if (escalation.state == Escalation::State::Answered && !escalation.answerOption.isEmpty()) {
                m_context.log(QStringLiteral("permission for %1: %2")
                                  .arg(title, escalation.optionLabel(escalation.answerOption)));
                sendResponse(rpcId, permissionOutcome(escalation.answerOption));
            } else {
                m_context.log(QStringLiteral("permission for %1: not given (%2)")
                                  .arg(title, escalationStateToString(escalation.state)));
                sendResponse(rpcId, permissionOutcome({}));
            }
        },
        &error);
    if (escalationId.isEmpty()) {
        note(QStringLiteral("permission request for %1 could not be asked (%2): answered cancelled").arg(title, error));
        sendResponse(rpcId, permissionOutcome({}));
        return;
    }
    m_permissions.append({rpcId, escalationId});
}

void AcpSession::answerPermissionsCancelled()
{
    if (m_permissions.isEmpty())
        return;
    const QList<PendingPermission> pending = std::exchange(m_permissions, {});
    // Withdrawn from the inbox first, so no answer can come for them any more.
    m_context.cancelEscalations();
    for (const PendingPermission &permission : pending)
        sendResponse(permission.rpcId, permissionOutcome({}));
}

void AcpSession::handleNotification(const AcpMessage &message)
{
    if (message.method == u"session/update") {
        QString problem;
        if (!m_turn.apply(message.params.value(u"update").toObject(), &problem))
            note(problem);
        return;
    }
    if (!m_ignoredNotifications.contains(message.method)) {
        m_ignoredNotifications.insert(message.method);
        note(QStringLiteral("notification %1 ignored").arg(message.method));
    }
}

// --- writing ---

qint64 AcpSession::sendRequest(const QString &method, const QJsonObject &params)
{
    const qint64 id = m_nextId++;
    m_pending.insert(id, method);
    writeLine(AcpMessage::request(id, method, params));
    return id;
}

void AcpSession::sendResponse(const QJsonValue &id, const QJsonValue &result)
{
    writeLine(AcpMessage::response(id, result));
}

void AcpSession::sendError(const QJsonValue &id, int code, const QString &message)
{
    writeLine(AcpMessage::error(id, code, message));
}

void AcpSession::writeLine(const QByteArray &line)
{
    if (!m_channel->isRunning() || m_inputClosed)
        return;
    const qint64 unread = m_channel->pendingInputBytes();
    if (unread + line.size() + 1 > MaxUnreadInputBytes) {
        if (m_stop != Stop::None || m_result)
            return;
        m_stop = Stop::NotReadingInput;
        m_phase = Phase::Ending;
        note(QStringLiteral("not reading its input: %1 bytes were not read from stdin (limit %2); stopping it")
                 .arg(unread)
                 .arg(MaxUnreadInputBytes));
        m_channel->terminate(QStringLiteral("not reading its input"));
        return;
    }
    m_channel->writeLine(line);
}

void AcpSession::note(const QString &text)
{
    m_context.log(u'[' + m_context.agentId() + QStringLiteral("] ") + text);
}

QString AcpSession::stderrTail() const
{
    if (m_stderrTail.empty())
        return {};
    QString text = QStringLiteral("\nlast stderr lines:");
    for (const QString &line : m_stderrTail)
        text += u'\n' + line;
    return text;
}

AgentResult AcpSession::makeResult() const
{
    switch (m_stop) {
    case Stop::Cancelled:
        return AgentResult::cancelled();
    case Stop::TimedOut:
        return AgentResult::failed(QStringLiteral("timed out after %1 s").arg(m_options.timeoutS) + stderrTail(), -1,
                                   errorKindName(ErrorKind::Timeout));
    case Stop::NotReadingInput:
        return AgentResult::failed(
            QStringLiteral("not reading its input: more than %1 bytes were left unread on its stdin")
                .arg(MaxUnreadInputBytes),
            -1, errorKindName(ErrorKind::Invalid));
    case Stop::None:
        break;
    }
    if (m_result)
        return *m_result;
    return AgentResult::failed(QStringLiteral("the agent ended without finishing its turn") + stderrTail(), -1,
                               errorKindName(ErrorKind::Exit));
}

} // namespace switchboard
