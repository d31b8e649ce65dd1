#include "CodingSession.h"

#include "CodingMemory.h"
#include "agents/AgentActions.h"
#include "agents/AgentLaunch.h"
#include "agents/ProcessGroup.h"
#include "model/ErrorKind.h"

#include <QJsonDocument>

namespace switchboard {

using namespace Qt::StringLiterals;

CodingSession::CodingSession(AgentContext &context, CodingDialect &dialect, CodingMemory &memory, Options options,
                             std::unique_ptr<ExecutionChannel> channel)
    : m_context(context)
    , m_dialect(dialect)
    , m_memory(memory)
    , m_options(std::move(options))
    , m_channel(std::move(channel))
{
    m_timeoutTimer.setSingleShot(true);
    m_waitHeartbeat.setInterval(waitHeartbeatMs(m_options.idleTimeoutS));
    connect(&m_timeoutTimer, &QTimer::timeout, this, &CodingSession::handleTimeout);
    AgentLaunch::holdWhileQueued(*m_channel, m_timeoutTimer);
    connect(&m_waitHeartbeat, &QTimer::timeout, this, &CodingSession::handleWaitHeartbeat);
    connect(m_channel.get(), &ExecutionChannel::stdoutLineReceived, this, &CodingSession::handleStdoutLine);
    connect(m_channel.get(), &ExecutionChannel::stderrLineReceived, this, &CodingSession::handleStderrLine);
    connect(m_channel.get(), &ExecutionChannel::noted, this, &CodingSession::note);
    connect(m_channel.get(), &ExecutionChannel::exited, &m_timeoutTimer, &QTimer::stop);
    connect(m_channel.get(), &ExecutionChannel::finished, this, &CodingSession::handleFinished);
}

CodingSession::~CodingSession()
{
    // What the channel says while it is torn down has nobody left to tell.
    m_channel->disconnect(this);
}

int CodingSession::waitHeartbeatMs(int idleTimeoutS)
{
    return idleTimeoutS > 0 ? static_cast<int>(qBound(qint64(100), qint64(idleTimeoutS) * 1000 / 4, qint64(5000)))
                            : 5000;
}

AgentResult CodingSession::run()
{
    if (m_context.isCancelled())
        return AgentResult::cancelled();

    ExecutionChannel::Launch launch;
    launch.program = m_options.program;
    launch.arguments = m_options.arguments;
    launch.workingDirectory = m_options.workingDirectory;
    launch.environment = m_options.environment;
    launch.killGraceMs = m_options.killGraceMs;
    launch.stdinFromNull = m_options.stdinFromNull;
    if (std::optional<AgentResult> failed =
            AgentLaunch::start(*m_channel, launch, m_context, [this](const QString &text) { note(text); }))
        return *std::move(failed);
    m_inputClosed = m_options.stdinFromNull;
    m_dialect.started(*this, m_options.request);
    if (m_options.timeoutS > 0)
        m_timeoutTimer.start(AgentLaunch::timeoutMs(m_options.timeoutS));

    if (!m_done)
        m_loop.exec();
    m_waitHeartbeat.stop();
    m_context.cancelEscalations();

    switch (m_stop) {
    case Stop::Cancelled:
        return AgentResult::cancelled();
    case Stop::TimedOut:
        return AgentResult::failed(u"timed out after %1 s"_s.arg(m_options.timeoutS) + stderrTail(), -1,
                                   errorKindName(ErrorKind::Timeout));
    case Stop::None:
        break;
    }
    if (std::optional<AgentResult> lost = AgentLaunch::connectionLostResult(*m_channel, stderrTail()))
        return *std::move(lost);
    if (m_channel->crashed()) {
        const int signal = m_channel->exitCode();
        // The shell's convention, so a signal never reads as a successful exit code.
        return AgentResult::failed(m_dialect.displayName() + u": "_s + ProcessGroup::signalText(signal) + stderrTail(),
                                   128 + signal, errorKindName(ErrorKind::Crash));
    }
    return m_dialect.finish(m_channel->exitCode(), *this);
}

void CodingSession::requestCancel()
{
    QMetaObject::invokeMethod(this, &CodingSession::handleCancel, Qt::QueuedConnection);
}

void CodingSession::writeJson(const QJsonObject &message)
{
    if (m_inputClosed || !m_channel->isRunning()) {
        note(u"message not delivered: %1"_s.arg(m_inputClosed ? u"stdin is closed"_s : u"the program ended"_s));
        return;
    }
    m_channel->writeLine(QJsonDocument(message).toJson(QJsonDocument::Compact));
}

void CodingSession::recordAgentSession(const QString &sessionId)
{
    if (sessionId.isEmpty())
        return;
    m_context.recordAgentSession(sessionId);
    m_memory.setSession(m_context.goal().id, sessionId);
}

void CodingSession::closeInput()
{
    if (m_inputClosed)
        return;
    m_inputClosed = true;
    m_channel->closeInput();
}

void CodingSession::note(const QString &text)
{
    m_context.log(u'[' + m_context.agentId() + u"] "_s + text);
}

void CodingSession::logUnrecognised(const QByteArray &line, const QString &why)
{
    QString excerpt = QString::fromUtf8(line.left(ExcerptBytes));
    if (line.size() > ExcerptBytes)
        excerpt += u" …"_s;
    const QString entry = u"[%1] %2 line %3 not understood (%4): %5"_s.arg(m_context.agentId(), m_dialect.displayName())
                              .arg(m_stdoutLines)
                              .arg(why, excerpt);
    m_context.log(AgentActions::logText(entry.toUtf8()));
}

std::optional<QJsonObject> CodingSession::readEvent(const QByteArray &line)
{
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(line, &error);
    if (error.error != QJsonParseError::NoError || !document.isObject()) {
        logUnrecognised(line, error.error != QJsonParseError::NoError ? error.errorString() : u"not a JSON object"_s);
        return std::nullopt;
    }
    return document.object();
}

void CodingSession::recordTranscript(TranscriptEntry::Kind kind, const QString &text, const QString &toolName,
                                     const QString &toolCallId, bool isError)
{
    TranscriptEntry entry;
    entry.kind = kind;
    entry.text = text;
    entry.toolName = toolName;
    entry.toolCallId = toolCallId;
    entry.isError = isError;
    m_context.recordTranscript(std::move(entry));
}

bool CodingSession::ask(EscalationInbox::Request request, std::function<void(const Escalation &)> answered,
                        QString *error)
{
    ++m_openQuestions;
    m_waitHeartbeat.start();
    const QString id = m_context.raiseEscalation(
        std::move(request), this,
        [this, answered = std::move(answered)](const Escalation &escalation) {
            if (--m_openQuestions == 0)
                m_waitHeartbeat.stop();
            answered(escalation);
        },
        error);
    if (id.isEmpty()) {
        if (--m_openQuestions == 0)
            m_waitHeartbeat.stop();
        return false;
    }
    return true;
}

QString CodingSession::stderrTail() const
{
    if (m_stderrTail.empty())
        return {};
    QString text = u"\nlast stderr lines:"_s;
    for (const QString &line : m_stderrTail)
        text += u'\n' + line;
    return text;
}

void CodingSession::handleCancel()
{
    if (!m_channel->isRunning() || m_stop != Stop::None)
        return;
    m_stop = Stop::Cancelled;
    m_timeoutTimer.stop();
    m_channel->terminate(u"cancelled"_s);
}

void CodingSession::handleTimeout()
{
    if (!m_channel->isRunning() || m_stop != Stop::None)
        return;
    m_stop = Stop::TimedOut;
    m_channel->terminate(u"timed out after %1 s"_s.arg(m_options.timeoutS));
}

void CodingSession::handleFinished()
{
    m_done = true;
    m_timeoutTimer.stop();
    m_loop.quit();
}

void CodingSession::handleStdoutLine(const ProcessLineReader::Line &line)
{
    ++m_stdoutLines;
    if (line.isTruncated()) {
        // Parsing the kept part would misread it: an event cut in the middle is no event.
        logUnrecognised(
            line.bytes,
            u"longer than %1 bytes, %2 bytes dropped"_s.arg(m_channel->maxLineBytes()).arg(line.droppedBytes));
        return;
    }
    if (line.bytes.trimmed().isEmpty())
        return;
    m_dialect.handleLine(line.bytes, *this);
}

void CodingSession::handleStderrLine(const ProcessLineReader::Line &line)
{
    const QString text = AgentActions::logText(line.bytes, line.droppedBytes);
    m_context.log(u"stderr: "_s + text);
    m_stderrTail.push_back(text.size() > StderrTailLineChars ? QString(text.left(StderrTailLineChars) + u" …"_s)
                                                             : text);
    if (static_cast<int>(m_stderrTail.size()) > StderrTailLines)
        m_stderrTail.pop_front();
}

void CodingSession::handleWaitHeartbeat()
{
    m_context.heartbeat();
}

} // namespace switchboard
