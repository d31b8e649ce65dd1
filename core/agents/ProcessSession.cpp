#include "ProcessSession.h"

#include "AgentContext.h"
#include "ProcessMessage.h"

#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QStandardPaths>

#include <cerrno>
#include <climits>
#include <csignal>
#include <cstring>

#include <sys/types.h>
#include <unistd.h>
#ifdef Q_OS_LINUX
#include <sys/prctl.h>
#endif

namespace switchboard {

namespace {

// Runs in the child between fork and exec, so only async-signal-safe calls are allowed here.
void prepareChild(pid_t parentPid)
{
    // Its own session and process group (pgid = pid), so one kill(-pgid) reaches every descendant
    // that does not leave the group on purpose, and the terminal's signals do not.
    ::setsid();
#ifdef Q_OS_LINUX
    // If Switchboard itself dies (crash, kill -9), the agent's leader must not run on unsupervised.
    ::prctl(PR_SET_PDEATHSIG, SIGKILL);
    if (::getppid() != parentPid)
        ::_exit(127);
#else
    Q_UNUSED(parentPid);
#endif
    // Qt ignores SIGPIPE in our process and worker threads may block signals; the agent gets defaults.
    struct sigaction action;
    std::memset(&action, 0, sizeof action);
    action.sa_handler = SIG_DFL;
    ::sigemptyset(&action.sa_mask);
    ::sigaction(SIGPIPE, &action, nullptr);
    sigset_t none;
    ::sigemptyset(&none);
    ::sigprocmask(SIG_SETMASK, &none, nullptr);
}

} // namespace

ProcessSession::ProcessSession(AgentContext &context, Options options)
    : m_context(context)
    , m_options(std::move(options))
    , m_call{context, [this](const QJsonObject &message) { sendJson(message); }, this, {}, {}}
{
    m_timeoutTimer.setSingleShot(true);
    m_graceTimer.setSingleShot(true);
    m_killTimer.setSingleShot(true);
    m_pollTimer.setInterval(PollIntervalMs);

    connect(&m_process, &QProcess::readyReadStandardOutput, this, &ProcessSession::handleStdout);
    connect(&m_process, &QProcess::readyReadStandardError, this, &ProcessSession::handleStderr);
    connect(&m_process, &QProcess::finished, this, &ProcessSession::handleFinished);
    connect(&m_process, &QProcess::errorOccurred, this, &ProcessSession::handleErrorOccurred);
    connect(&m_timeoutTimer, &QTimer::timeout, this, &ProcessSession::handleTimeout);
    connect(&m_graceTimer, &QTimer::timeout, this, &ProcessSession::handleGraceExpired);
    connect(&m_killTimer, &QTimer::timeout, this, &ProcessSession::handleKillDeadline);
    connect(&m_pollTimer, &QTimer::timeout, this, &ProcessSession::handlePoll);
}

ProcessSession::~ProcessSession()
{
    // Only reached with a live leader when it survived SIGKILL (e.g. stuck in the kernel); do not let
    // ~QProcess block for its default 30 s or warn.
    if (m_process.state() != QProcess::NotRunning) {
        signalGroup(SIGKILL);
        m_process.kill();
        m_process.waitForFinished(1000);
    }
    m_process.disconnect(this);
}

AgentResult ProcessSession::run()
{
    if (m_context.isCancelled())
        return AgentResult::cancelled();

    m_process.setProgram(m_options.program);
    m_process.setArguments(m_options.arguments);
    if (!m_options.workingDirectory.isEmpty())
        m_process.setWorkingDirectory(m_options.workingDirectory);
    m_process.setProcessEnvironment(m_options.environment);
    m_process.setProcessChannelMode(QProcess::SeparateChannels);
    const pid_t parentPid = ::getpid();
    m_process.setChildProcessModifier([parentPid] { prepareChild(parentPid); });

    m_process.start(QIODevice::ReadWrite);
    // On Unix this returns as soon as exec() succeeded or failed; it does not spin an event loop.
    if (!m_process.waitForStarted(-1)) {
        QString error = QStringLiteral("cannot start \"%1\": %2").arg(m_options.program, m_process.errorString());
        if (!m_options.program.contains(u'/') && QStandardPaths::findExecutable(m_options.program).isEmpty())
            error += QStringLiteral(" (not found in PATH)");
        note(error);
        return AgentResult::failed(error, -1, QStringLiteral("spawn"));
    }
    m_started = true;
    // The child made itself a group leader before exec, so its pid is the group id from here on.
    m_pgid = m_process.processId();
    note(QStringLiteral("started %1 (pid %2)").arg(m_options.program).arg(m_pgid));

    m_process.write(QJsonDocument(m_context.goalMessage()).toJson(QJsonDocument::Compact) + '\n');
    if (m_options.closeStdin)
        m_process.closeWriteChannel();
    if (m_options.timeoutS > 0)
        m_timeoutTimer.start(static_cast<int>(qMin<qint64>(qint64(m_options.timeoutS) * 1000, INT_MAX)));

    if (!m_done)
        m_loop.exec();
    m_context.cancelLockRequests();
    return makeResult();
}

void ProcessSession::requestCancel()
{
    QMetaObject::invokeMethod(this, &ProcessSession::handleCancel, Qt::QueuedConnection);
}

void ProcessSession::postMessage(const QJsonObject &message)
{
    const QByteArray line = QJsonDocument(message).toJson(QJsonDocument::Compact) + '\n';
    QMetaObject::invokeMethod(
        this, [this, line] { writeLine(line); }, Qt::QueuedConnection);
}

QString ProcessSession::signalName(int signal)
{
    switch (signal) {
    case SIGHUP:
        return QStringLiteral("SIGHUP");
    case SIGINT:
        return QStringLiteral("SIGINT");
    case SIGQUIT:
        return QStringLiteral("SIGQUIT");
    case SIGILL:
        return QStringLiteral("SIGILL");
    case SIGTRAP:
        return QStringLiteral("SIGTRAP");
    case SIGABRT:
        return QStringLiteral("SIGABRT");
    case SIGBUS:
        return QStringLiteral("SIGBUS");
    case SIGFPE:
        return QStringLiteral("SIGFPE");
    case SIGKILL:
        return QStringLiteral("SIGKILL");
    case SIGUSR1:
        return QStringLiteral("SIGUSR1");
    case SIGSEGV:
        return QStringLiteral("SIGSEGV");
    case SIGUSR2:
        return QStringLiteral("SIGUSR2");
    case SIGPIPE:
        return QStringLiteral("SIGPIPE");
    case SIGALRM:
        return QStringLiteral("SIGALRM");
    case SIGTERM:
        return QStringLiteral("SIGTERM");
    case SIGXCPU:
        return QStringLiteral("SIGXCPU");
    case SIGXFSZ:
        return QStringLiteral("SIGXFSZ");
    case SIGSYS:
        return QStringLiteral("SIGSYS");
    default:
        return {};
    }
}

void ProcessSession::handleStdout()
{
    const QByteArray data = m_process.readAllStandardOutput();
    for (const ProcessLineReader::Line &line : m_stdout.feed(data))
        handleStdoutLine(line);
}

void ProcessSession::handleStderr()
{
    const QByteArray data = m_process.readAllStandardError();
    for (const ProcessLineReader::Line &line : m_stderr.feed(data))
        handleStderrLine(line);
}

void ProcessSession::handleFinished(int exitCode, QProcess::ExitStatus status)
{
    if (m_leaderExited)
        return;
    m_leaderExited = true;
    m_exitCode = exitCode;
    m_exitStatus = status;
    m_timeoutTimer.stop();

    // What the program wrote just before exiting, and a last line without its newline.
    handleStdout();
    handleStderr();
    if (const auto line = m_stdout.finish())
        handleStdoutLine(*line);
    if (const auto line = m_stderr.finish())
        handleStderrLine(*line);

    if (status == QProcess::CrashExit) {
        const QString name = signalName(exitCode);
        note(name.isEmpty() ? QStringLiteral("killed by signal %1").arg(exitCode)
                            : QStringLiteral("killed by signal %1 (%2)").arg(exitCode).arg(name));
    } else {
        note(QStringLiteral("exited with code %1").arg(exitCode));
    }

    const int remaining = liveGroupMembers();
    if (remaining == 0) {
        finish();
        return;
    }
    if (!m_terminating) {
        // Background children of a finished agent would otherwise run on with nobody watching them.
        note(QStringLiteral("%1 other process(es) of %2 still running after the program exited: sending SIGTERM")
                 .arg(remaining)
                 .arg(groupText()));
        beginTermination();
    }
}

void ProcessSession::handleErrorOccurred(QProcess::ProcessError error)
{
    switch (error) {
    case QProcess::FailedToStart: // reported by run()
    case QProcess::Crashed:       // reported by handleFinished()
        return;
    case QProcess::WriteError:
        if (!std::exchange(m_writeErrorNoted, true))
            note(QStringLiteral("could not write to the program's stdin: %1").arg(m_process.errorString()));
        return;
    default:
        note(QStringLiteral("process error: %1").arg(m_process.errorString()));
        return;
    }
}

void ProcessSession::handleCancel()
{
    if (!m_started || m_leaderExited || m_stop != Stop::None)
        return;
    m_stop = Stop::Cancelled;
    note(QStringLiteral("cancelled: sending SIGTERM to %1").arg(groupText()));
    beginTermination();
}

void ProcessSession::handleTimeout()
{
    if (m_leaderExited || m_stop != Stop::None)
        return;
    m_stop = Stop::TimedOut;
    note(QStringLiteral("timed out after %1 s: sending SIGTERM to %2").arg(m_options.timeoutS).arg(groupText()));
    beginTermination();
}

void ProcessSession::handleGraceExpired()
{
    if (m_done)
        return;
    note(QStringLiteral("%1 still running %2 ms after SIGTERM: sending SIGKILL")
             .arg(groupText())
             .arg(m_options.killGraceMs));
    m_killSent = true;
    signalGroup(SIGKILL);
    m_killTimer.start(AfterKillWaitMs);
}

void ProcessSession::handleKillDeadline()
{
    if (m_done)
        return;
    note(QStringLiteral("%1 still has %2 process(es) %3 ms after SIGKILL; no longer waiting for them")
             .arg(groupText())
             .arg(liveGroupMembers())
             .arg(AfterKillWaitMs));
    finish();
}

void ProcessSession::handlePoll()
{
    // While the leader runs, its exit arrives as finished(); after that, wait for the rest of the group.
    if (m_leaderExited && liveGroupMembers() == 0)
        finish();
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
                                                           .arg(m_stdout.maxLineBytes())
                                                           .arg(line.droppedBytes))
                           : ProcessMessage::parse(line.bytes);
    switch (message.kind) {
    case ProcessMessage::Kind::Text:
        m_call.outcome.lastOutput = logText(line);
        m_context.log(m_call.outcome.lastOutput);
        break;
    case ProcessMessage::Kind::Malformed: {
        ProcessLineReader::Line excerpt{line.bytes.left(200), 0};
        QString text = QString::fromUtf8(excerpt.bytes);
        if (line.bytes.size() > excerpt.bytes.size() || line.isTruncated())
            text += QStringLiteral(" …");
        m_context.log(QStringLiteral("[%1] malformed message on line %2: %3 \u2014 %4")
                          .arg(m_context.agentId())
                          .arg(m_stdoutLines)
                          .arg(message.text, text));
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
    if (!m_started || m_leaderExited) {
        note(QStringLiteral("message not delivered: the program is not running"));
        return;
    }
    if (m_options.closeStdin) {
        note(QStringLiteral("message not delivered: stdin was closed after the goal (close_stdin)"));
        return;
    }
    m_process.write(line);
}

void ProcessSession::sendJson(const QJsonObject &message)
{
    writeLine(QJsonDocument(message).toJson(QJsonDocument::Compact) + '\n');
}

void ProcessSession::beginTermination()
{
    if (m_terminating)
        return;
    m_terminating = true;
    m_timeoutTimer.stop();
    signalGroup(SIGTERM);
    m_graceTimer.start(qMax(0, m_options.killGraceMs));
    m_pollTimer.start();
}

void ProcessSession::signalGroup(int signal) const
{
    // Never signal pid 0 or -1 (our own group or every process we may signal).
    if (m_pgid > 1)
        ::kill(-static_cast<pid_t>(m_pgid), signal);
}

int ProcessSession::liveGroupMembers() const
{
    if (m_pgid <= 1)
        return 0;
    if (::kill(-static_cast<pid_t>(m_pgid), 0) != 0 && errno == ESRCH)
        return 0;
#ifdef Q_OS_LINUX
    // kill() also counts zombies, which only their parent (or init) can remove: look at each state.
    int live = 0;
    const QStringList entries = QDir(QStringLiteral("/proc")).entryList(QDir::Dirs | QDir::NoDotAndDotDot);
    for (const QString &entry : entries) {
        bool numeric = false;
        entry.toLongLong(&numeric);
        if (!numeric)
            continue;
        QFile stat(QStringLiteral("/proc/") + entry + QStringLiteral("/stat"));
        if (!stat.open(QIODevice::ReadOnly))
            continue;
        // "pid (comm) state ppid pgrp ..."; comm may contain spaces and parentheses.
        const QByteArray text = stat.read(1024);
        const qsizetype close = text.lastIndexOf(')');
        if (close < 0)
            continue;
        const QList<QByteArray> fields = text.mid(close + 2).split(' ');
        if (fields.size() < 3 || fields.at(0) == "Z" || fields.at(0) == "X")
            continue;
        if (fields.at(2).toLongLong() == m_pgid)
            ++live;
    }
    return live;
#else
    return 1;
#endif
}

void ProcessSession::finish()
{
    m_done = true;
    m_timeoutTimer.stop();
    m_graceTimer.stop();
    m_killTimer.stop();
    m_pollTimer.stop();
    m_loop.quit();
}

void ProcessSession::note(const QString &text)
{
    m_context.log(u'[' + m_context.agentId() + QStringLiteral("] ") + text);
}

QString ProcessSession::groupText() const
{
    return QStringLiteral("process group %1").arg(m_pgid);
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
                                   QStringLiteral("timeout"));
    case Stop::None:
        break;
    }
    if (m_exitStatus == QProcess::CrashExit) {
        const QString name = signalName(m_exitCode);
        const QString what = name.isEmpty() ? QStringLiteral("killed by signal %1").arg(m_exitCode)
                                            : QStringLiteral("killed by signal %1 (%2)").arg(m_exitCode).arg(name);
        // The shell's convention, so a signal never reads as a successful exit code.
        return AgentResult::failed(what + stderrTail(), 128 + m_exitCode, QStringLiteral("crash"));
    }
    const AgentActions::Outcome &declared = m_call.outcome;
    if (m_exitCode != 0) {
        // An {"type":"error"} message before the exit says what went wrong and of which kind.
        const QString what = declared.errorMessage.isEmpty()
                                 ? QStringLiteral("exit code %1").arg(m_exitCode)
                                 : QStringLiteral("%1 (exit code %2)").arg(declared.errorMessage).arg(m_exitCode);
        return AgentResult::failed(what + stderrTail(), m_exitCode,
                                   declared.errorKind.isEmpty() ? QStringLiteral("exit") : declared.errorKind);
    }
    if (declared.hasResult)
        return AgentResult::completed(declared.summary);
    if (!declared.lastOutput.isEmpty())
        return AgentResult::completed(declared.lastOutput);
    return AgentResult::completed(QStringLiteral("exited with code 0"));
}

} // namespace switchboard
