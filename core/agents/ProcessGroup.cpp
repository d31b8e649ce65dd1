#include "ProcessGroup.h"

#include "OrphanReaper.h"

#include <QDir>
#include <QFile>
#include <QStandardPaths>

#include <cerrno>
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

ProcessGroup::ProcessGroup(QObject *parent)
    : ProcessGroup(ProcessLineReader::DefaultMaxLineBytes, parent)
{}

ProcessGroup::ProcessGroup(qsizetype maxLineBytes, QObject *parent)
    : ExecutionChannel(parent)
    , m_stdout(maxLineBytes)
{
    m_graceTimer.setSingleShot(true);
    m_killTimer.setSingleShot(true);
    m_pollTimer.setInterval(PollIntervalMs);

    connect(&m_process, &QProcess::readyReadStandardOutput, this, &ProcessGroup::handleStdout);
    connect(&m_process, &QProcess::readyReadStandardError, this, &ProcessGroup::handleStderr);
    connect(&m_process, &QProcess::finished, this, &ProcessGroup::handleFinished);
    connect(&m_process, &QProcess::errorOccurred, this, &ProcessGroup::handleErrorOccurred);
    connect(&m_graceTimer, &QTimer::timeout, this, &ProcessGroup::handleGraceExpired);
    connect(&m_killTimer, &QTimer::timeout, this, &ProcessGroup::handleKillDeadline);
    connect(&m_pollTimer, &QTimer::timeout, this, &ProcessGroup::handlePoll);
}

ProcessGroup::~ProcessGroup()
{
    m_process.disconnect(this);
    // Only reached with a live leader when it survived SIGKILL (e.g. stuck in the kernel); do not let
    // ~QProcess block for its default 30 s or warn.
    if (m_process.state() != QProcess::NotRunning) {
        signalGroup(SIGKILL);
        m_process.kill();
        m_process.waitForFinished(1000);
    }
}

bool ProcessGroup::start(const Launch &launch, QString *error)
{
    m_program = launch.program;
    m_killGraceMs = qMax(0, launch.killGraceMs);
    m_process.setProgram(launch.program);
    m_process.setArguments(launch.arguments);
    if (!launch.workingDirectory.isEmpty())
        m_process.setWorkingDirectory(launch.workingDirectory);
    // Inherited by whatever the program starts, so a Switchboard after a crash can tell this group's processes
    // from a stranger's that got a reused pid (OrphanReaper).
    const QString mark = OrphanReaper::newMark();
    QProcessEnvironment environment = launch.environment;
    environment.insert(QString::fromLatin1(OrphanReaper::kMarkVariable), mark);
    m_process.setProcessEnvironment(environment);
    m_process.setProcessChannelMode(QProcess::SeparateChannels);
    m_stdinFromNull = launch.stdinFromNull;
    if (m_stdinFromNull)
        m_process.setStandardInputFile(QProcess::nullDevice());
    const pid_t parentPid = ::getpid();
    m_process.setChildProcessModifier([parentPid] { prepareChild(parentPid); });

    m_process.start(QIODevice::ReadWrite);
    // On Unix this returns as soon as exec() succeeded or failed; it does not spin an event loop.
    if (!m_process.waitForStarted(-1)) {
        QString why = QStringLiteral("cannot start \"%1\": %2").arg(launch.program, m_process.errorString());
        if (!launch.program.contains(u'/') && QStandardPaths::findExecutable(launch.program).isEmpty())
            why += QStringLiteral(" (not found in PATH)");
        if (error)
            *error = why;
        return false;
    }
    m_started = true;
    // The child made itself a group leader before exec, so its pid is the group id from here on.
    m_pgid = m_process.processId();
    m_record = OrphanReaper::describe(m_pgid, mark);
    Q_EMIT noted(QStringLiteral("started %1 (pid %2)").arg(m_program).arg(m_pgid));
    return true;
}

void ProcessGroup::writeLine(const QByteArray &line)
{
    if (isRunning() && !m_stdinFromNull)
        m_process.write(line + '\n');
}

void ProcessGroup::closeInput()
{
    m_process.closeWriteChannel();
}

void ProcessGroup::terminate(const QString &why)
{
    if (!m_started || m_done)
        return;
    Q_EMIT noted(QStringLiteral("%1: sending SIGTERM to %2").arg(why, description()));
    beginTermination();
}

QString ProcessGroup::description() const
{
    return QStringLiteral("process group %1").arg(m_pgid);
}

QString ProcessGroup::signalName(int signal)
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

QString ProcessGroup::signalText(int signal)
{
    const QString name = signalName(signal);
    return name.isEmpty() ? QStringLiteral("killed by signal %1").arg(signal)
                          : QStringLiteral("killed by signal %1 (%2)").arg(signal).arg(name);
}

void ProcessGroup::handleStdout()
{
    const QByteArray data = m_process.readAllStandardOutput();
    for (const ProcessLineReader::Line &line : m_stdout.feed(data))
        Q_EMIT stdoutLineReceived(line);
}

void ProcessGroup::handleStderr()
{
    const QByteArray data = m_process.readAllStandardError();
    for (const ProcessLineReader::Line &line : m_stderr.feed(data))
        Q_EMIT stderrLineReceived(line);
}

void ProcessGroup::handleFinished(int exitCode, QProcess::ExitStatus status)
{
    if (m_leaderExited)
        return;
    m_leaderExited = true;
    m_exitCode = exitCode;
    m_exitStatus = status;

    // What the program wrote just before exiting, and a last line without its newline.
    handleStdout();
    handleStderr();
    if (const auto line = m_stdout.finish())
        Q_EMIT stdoutLineReceived(*line);
    if (const auto line = m_stderr.finish())
        Q_EMIT stderrLineReceived(*line);

    Q_EMIT noted(status == QProcess::CrashExit ? signalText(exitCode)
                                               : QStringLiteral("exited with code %1").arg(exitCode));
    Q_EMIT exited();

    const int remaining = liveMembers();
    if (remaining == 0) {
        finish();
        return;
    }
    if (!m_terminating) {
        // Background children of a finished agent would otherwise run on with nobody watching them.
        Q_EMIT noted(
            QStringLiteral("%1 other process(es) of %2 still running after the program exited: sending SIGTERM")
                .arg(remaining)
                .arg(description()));
        beginTermination();
    }
}

void ProcessGroup::handleErrorOccurred(QProcess::ProcessError error)
{
    switch (error) {
    case QProcess::FailedToStart: // reported by start()
    case QProcess::Crashed:       // reported by handleFinished()
        return;
    case QProcess::WriteError:
        if (!std::exchange(m_writeErrorNoted, true))
            Q_EMIT noted(QStringLiteral("could not write to the program's stdin: %1").arg(m_process.errorString()));
        return;
    default:
        Q_EMIT noted(QStringLiteral("process error: %1").arg(m_process.errorString()));
        return;
    }
}

void ProcessGroup::handleGraceExpired()
{
    if (m_done)
        return;
    Q_EMIT noted(
        QStringLiteral("%1 still running %2 ms after SIGTERM: sending SIGKILL").arg(description()).arg(m_killGraceMs));
    signalGroup(SIGKILL);
    m_killTimer.start(AfterKillWaitMs);
}

void ProcessGroup::handleKillDeadline()
{
    if (m_done)
        return;
    Q_EMIT noted(QStringLiteral("%1 still has %2 process(es) %3 ms after SIGKILL; no longer waiting for them")
                     .arg(description())
                     .arg(liveMembers())
                     .arg(AfterKillWaitMs));
    finish();
}

void ProcessGroup::handlePoll()
{
    // While the leader runs, its exit arrives as finished(); after that, wait for the rest of the group.
    if (m_leaderExited && liveMembers() == 0)
        finish();
}

void ProcessGroup::beginTermination()
{
    if (m_terminating)
        return;
    m_terminating = true;
    signalGroup(SIGTERM);
    m_graceTimer.start(m_killGraceMs);
    m_pollTimer.start();
}

void ProcessGroup::signalGroup(int signal) const
{
    // Never signal pid 0 or -1 (our own group or every process we may signal).
    if (m_pgid > 1)
        ::kill(-static_cast<pid_t>(m_pgid), signal);
}

int ProcessGroup::liveMembers() const
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

void ProcessGroup::finish()
{
    m_done = true;
    m_graceTimer.stop();
    m_killTimer.stop();
    m_pollTimer.stop();
    Q_EMIT finished();
}

} // namespace switchboard
