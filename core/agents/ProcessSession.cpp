#include "ProcessSession.h"

#include "AgentContext.h"
#include "AgentLaunch.h"
#include "ProcessGroup.h"
#include "ProcessMessage.h"
#include "model/ErrorKind.h"

#include <QJsonDocument>
#include <QJsonObject>

namespace switchboard {

ProcessSession::ProcessSession(AgentContext &context, Options options, std::unique_ptr<ExecutionChannel> channel)
    : m_context(context)
    , m_options(std::move(options))
    , m_channel(std::move(channel))
    , m_call{context, [this](const QJsonObject &message) { sendJson(message); }, this, {}, {}}
{
    m_timeoutTimer.setSingleShot(true);
    connect(&m_timeoutTimer, &QTimer::timeout, this, &ProcessSession::handleTimeout);
    AgentLaunch::holdWhileQueued(*m_channel, m_timeoutTimer);
    connect(m_channel.get(), &ExecutionChannel::stdoutLineReceived, this, &ProcessSession::handleStdoutLine);
    connect(m_channel.get(), &ExecutionChannel::stderrLineReceived, this, &ProcessSession::handleStderrLine);
    connect(m_channel.get(), &ExecutionChannel::noted, this, &ProcessSession::note);
    connect(m_channel.get(), &ExecutionChannel::exited, this, &ProcessSession::handleExited);
    connect(m_channel.get(), &ExecutionChannel::finished, this, &ProcessSession::handleFinished);
}

ProcessSession::~ProcessSession()
{
    // What the channel says while it is torn down has nobody left to tell.
    m_channel->disconnect(this);
}

AgentResult ProcessSession::run()
{
    if (m_context.isCancelled())
        return AgentResult::cancelled();

    ExecutionChannel::Launch launch;
    launch.program = m_options.program;
    launch.arguments = m_options.arguments;
    launch.workingDirectory = m_options.workingDirectory;
    launch.environment = m_options.environment;
    launch.killGraceMs = m_options.killGraceMs;
    if (std::optional<AgentResult> failed =
            AgentLaunch::start(*m_channel, launch, m_context, [this](const QString &text) { note(text); }))
        return *std::move(failed);

    QJsonObject goal = m_context.goalMessage();
    // The workspace where the program works: on an SSH host with a workdir, the directory there, not ours.
    goal.insert(u"workspace", m_channel->programDirectory(m_context.workspace()));
    const QByteArray goalLine = QJsonDocument(goal).toJson(QJsonDocument::Compact);
    m_goalBytes = goalLine.size() + 1;
    m_channel->writeLine(goalLine);
    if (m_options.closeStdin)
        m_channel->closeInput();
    if (m_options.timeoutS > 0)
        m_timeoutTimer.start(AgentLaunch::timeoutMs(m_options.timeoutS));

    if (!m_done)
        m_loop.exec();
    m_context.cancelLockRequests();
    m_context.cancelEscalations();
    return makeResult();
}

void ProcessSession::requestCancel()
{
    QMetaObject::invokeMethod(this, &ProcessSession::handleCancel, Qt::QueuedConnection);
}

void ProcessSession::postMessage(const QJsonObject &message)
{
    const QByteArray line = QJsonDocument(message).toJson(QJsonDocument::Compact);
    QMetaObject::invokeMethod(
        this, [this, line] { writeLine(line); }, Qt::QueuedConnection);
}

void ProcessSession::handleCancel()
{
    if (!m_channel->isRunning() || m_stop != Stop::None)
        return;
    m_stop = Stop::Cancelled;
    m_timeoutTimer.stop();
    m_channel->terminate(QStringLiteral("cancelled"));
}

void ProcessSession::handleTimeout()
{
    if (!m_channel->isRunning() || m_stop != Stop::None)
        return;
    m_stop = Stop::TimedOut;
    m_channel->terminate(QStringLiteral("timed out after %1 s").arg(m_options.timeoutS));
}

void ProcessSession::handleExited()
{
    m_timeoutTimer.stop();
}

void ProcessSession::handleFinished()
{
    m_done = true;
    m_timeoutTimer.stop();
    m_loop.quit();
}

void ProcessSession::handleStdoutLine(const ProcessLineReader::Line &line)
{
    ++m_stdoutLines;
    if (!ProcessMessage::looksLikeMessage(line.bytes)) {
        m_call.outcome.lastOutput = logText(line);
        m_context.log(m_call.outcome.lastOutput);
        return;
    }

    const ProcessMessage message =
        line.isTruncated() ? ProcessMessage::malformed(QStringLiteral("line longer than %1 bytes (%2 bytes dropped)")
                                                           .arg(m_channel->maxLineBytes())
                                                           .arg(line.droppedBytes))
                           : ProcessMessage::parse(line.bytes);
    switch (message.kind) {
    case ProcessMessage::Kind::Text:
        m_call.outcome.lastOutput = logText(line);
        m_context.log(m_call.outcome.lastOutput);
        break;
    case ProcessMessage::Kind::Malformed: {
        QString text = QString::fromUtf8(line.bytes.left(MalformedExcerptBytes));
        if (line.bytes.size() > MalformedExcerptBytes || line.isTruncated())
            text += QStringLiteral(" …");
        // The reason can quote the line (an unknown type of any length): the whole entry is cut to the log's
        // 8 KiB, whichever part of it is long.
        const QString entry = QStringLiteral("[%1] malformed message on line %2: %3 \u2014 %4")
                                  .arg(m_context.agentId())
                                  .arg(m_stdoutLines)
                                  .arg(message.text, text);
        m_context.log(AgentActions::logText(entry.toUtf8()));
        break;
    }
    default:
        m_call.origin = QStringLiteral("line %1").arg(m_stdoutLines);
        AgentActions::standard().apply(message, m_call);
        break;
    }
}

void ProcessSession::handleStderrLine(const ProcessLineReader::Line &line)
{
    const QString text = logText(line);
    m_context.log(QStringLiteral("stderr: ") + text);
    m_stderrTail.push_back(
        text.size() > StderrTailLineChars ? QString(text.left(StderrTailLineChars) + QStringLiteral(" …")) : text);
    if (static_cast<int>(m_stderrTail.size()) > StderrTailLines)
        m_stderrTail.pop_front();
}

void ProcessSession::writeLine(const QByteArray &line)
{
    if (!m_channel->isRunning()) {
        note(QStringLiteral("message not delivered: the program is not running"));
        return;
    }
    if (m_options.closeStdin) {
        note(QStringLiteral("message not delivered: stdin was closed after the goal (close_stdin)"));
        return;
    }
    if (m_stop != Stop::None)
        return; // it is being stopped: nothing more piles up for it
    const qint64 unread = m_channel->pendingInputBytes();
    if (unread + line.size() + 1 > m_goalBytes + MaxUnreadInputBytes) {
        stopNotReading(unread);
        return;
    }
    m_channel->writeLine(line);
}

void ProcessSession::stopNotReading(qint64 unread)
{
    m_stop = Stop::NotReadingInput;
    m_timeoutTimer.stop();
    note(QStringLiteral("not reading its input: %1 bytes of replies were not read from stdin (limit %2); stopping it")
             .arg(unread)
             .arg(MaxUnreadInputBytes));
    m_channel->terminate(QStringLiteral("not reading its input"));
}

void ProcessSession::sendJson(const QJsonObject &message)
{
    writeLine(QJsonDocument(message).toJson(QJsonDocument::Compact));
}

void ProcessSession::note(const QString &text)
{
    m_context.log(u'[' + m_context.agentId() + QStringLiteral("] ") + text);
}

QString ProcessSession::logText(const ProcessLineReader::Line &line)
{
    return AgentActions::logText(line.bytes, line.droppedBytes);
}

QString ProcessSession::stderrTail() const
{
    if (m_stderrTail.empty())
        return {};
    QString text = QStringLiteral("\nlast stderr lines:");
    for (const QString &line : m_stderrTail)
        text += u'\n' + line;
    return text;
}

AgentResult ProcessSession::makeResult() const
{
    switch (m_stop) {
    case Stop::Cancelled:
        return AgentResult::cancelled();
    case Stop::TimedOut:
        return AgentResult::failed(QStringLiteral("timed out after %1 s").arg(m_options.timeoutS) + stderrTail(), -1,
                                   errorKindName(ErrorKind::Timeout));
    case Stop::NotReadingInput:
        return AgentResult::failed(QStringLiteral("not reading its input: more than %1 bytes of replies were left "
                                                  "unread on its stdin")
                                           .arg(MaxUnreadInputBytes) +
                                       stderrTail(),
                                   -1, errorKindName(ErrorKind::Invalid));
    case Stop::None:
        break;
    }
    if (std::optional<AgentResult> lost = AgentLaunch::connectionLostResult(*m_channel, stderrTail()))
        return *std::move(lost);
    const int exitCode = m_channel->exitCode();
    if (m_channel->crashed()) {
        // The shell's convention, so a signal never reads as a successful exit code.
        return AgentResult::failed(ProcessGroup::signalText(exitCode) + stderrTail(), 128 + exitCode,
                                   errorKindName(ErrorKind::Crash));
    }
    const AgentActions::Outcome &declared = m_call.outcome;
    if (exitCode != 0) {
        // An {"type":"error"} message before the exit says what went wrong and of which kind.
        const QString what = declared.errorMessage.isEmpty()
                                 ? QStringLiteral("exit code %1").arg(exitCode)
                                 : QStringLiteral("%1 (exit code %2)").arg(declared.errorMessage).arg(exitCode);
        return AgentResult::failed(what + stderrTail(), exitCode,
                                   declared.errorKind.isEmpty() ? errorKindName(ErrorKind::Exit) : declared.errorKind);
    }
    if (declared.hasResult)
        return AgentResult::completed(declared.summary);
    if (!declared.lastOutput.isEmpty())
        return AgentResult::completed(declared.lastOutput);
    return AgentResult::completed(QStringLiteral("exited with code 0"));
}

} // namespace switchboard
