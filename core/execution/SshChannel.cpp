#include "SshChannel.h"

#include "SshRemote.h"

#include <QRegularExpression>
#include <QUuid>

#include <utility>

namespace switchboard {

using namespace Qt::StringLiterals;

namespace {

// The local client gets SIGTERM and this long before SIGKILL; ssh ends at once on SIGTERM.
constexpr int kClientKillGraceMs = 2000;
// What the stop script may take beyond the grace: up to 2 s after SIGKILL, and slack for a slow host.
constexpr int kStopSlackMs = 2000 + 5000;
// The grace cancelLeftovers gives leftovers between SIGTERM and SIGKILL (as OrphanReaper does locally).
constexpr int kLeftoverGraceMs = 3000;

// A remote status as a shell reports it: 128 + N when signal N killed the program.
bool isSignalStatus(int status)
{
    return status > 128 && status <= 128 + 64;
}

QString lastLines(const QByteArray &text)
{
    const QStringList lines = QString::fromUtf8(text).trimmed().split(u'\n', Qt::SkipEmptyParts);
    return lines.mid(qMax(0, lines.size() - 3)).join(u"; "_s);
}

struct StopReport
{
    bool ok = false;
    qint64 found = 0; // groups alive when the script looked
    qint64 left = 0;  // processes still alive after SIGKILL
};

StopReport readStopReport(const QByteArray &output)
{
    for (const QByteArray &line : output.split('\n')) {
        const QList<qint64> numbers = SshRemote::markerNumbers(line, SshRemote::kStopMarker, 2);
        if (numbers.size() == 2)
            return {true, numbers.at(0), numbers.at(1)};
    }
    return {};
}

} // namespace

SshChannel::SshChannel(SshTarget target, qsizetype maxLineBytes, QObject *parent)
    : ExecutionChannel(parent)
    , m_target(std::move(target))
    , m_client(maxLineBytes, this)
    , m_stopper(this)
    , m_stopperDeadline(this)
    , m_clientDeadline(this)
{
    m_stopperDeadline.setSingleShot(true);
    m_clientDeadline.setSingleShot(true);
    connect(&m_client, &ExecutionChannel::stdoutLineReceived, this, &SshChannel::handleStdoutLine);
    connect(&m_client, &ExecutionChannel::stderrLineReceived, this, &ExecutionChannel::stderrLineReceived);
    connect(&m_client, &ExecutionChannel::noted, this, &SshChannel::handleClientNoted);
    connect(&m_client, &ExecutionChannel::exited, this, &SshChannel::handleClientExited);
    connect(&m_client, &ExecutionChannel::finished, this, &SshChannel::handleClientFinished);
    connect(&m_stopper, &QProcess::finished, this, &SshChannel::handleStopperFinished);
    connect(&m_stopper, &QProcess::errorOccurred, this, [this](QProcess::ProcessError error) {
        if (error == QProcess::FailedToStart)
            handleStopperFinished(-1, QProcess::CrashExit);
    });
    connect(&m_stopperDeadline, &QTimer::timeout, this, &SshChannel::handleStopperDeadline);
    connect(&m_clientDeadline, &QTimer::timeout, this,
            [this] { endClient(u"the remote program is gone but the ssh client did not exit"_s); });
}

SshChannel::~SshChannel()
{
    // Nothing said while the members are torn down may reach a half-destroyed channel.
    m_client.disconnect(this);
    m_stopper.disconnect(this);
    if (m_stopper.state() != QProcess::NotRunning) {
        m_stopper.kill();
        m_stopper.waitForFinished(1000);
    }
}

bool SshChannel::start(const Launch &launch, QString *error)
{
    const auto fail = [error](const QString &why) {
        if (error)
            *error = why;
        return false;
    };
    if (m_started)
        return fail(u"the ssh channel was started before"_s);
    // A host that starts with '-' would be read by ssh as an option.
    if (m_target.host.isEmpty() || m_target.host.startsWith(u'-') ||
        m_target.host.contains(QRegularExpression(u"\\s"_s)))
        return fail(u"ssh executor: \"%1\" is no host name"_s.arg(m_target.host));
    if (launch.jobName.contains(u'\n') || launch.jobName.contains(QChar(0)))
        return fail(u"ssh executor: the job name must be one line"_s);

    m_jobName =
        launch.jobName.isEmpty() ? u"sb-ssh-"_s + QUuid::createUuid().toString(QUuid::WithoutBraces) : launch.jobName;
    m_killGraceMs = qMax(0, launch.killGraceMs);
    m_stdinFromNull = launch.stdinFromNull;
    // With a workdir, the workspace's place there (made if missing); without, the same path as here (a shared
    // filesystem mounted at the same place), which must exist.
    const bool mapped = !m_target.workdir.isEmpty();
    const QString directory = programDirectory(launch.workingDirectory);

    QStringList remote{u"sh"_s,       u"-c"_s,   SshRemote::bootstrapScript(), u"switchboard-ssh"_s,
                       m_jobName,     directory, mapped ? u"1"_s : u"0"_s,     QString::number(m_killGraceMs),
                       launch.program};
    remote += launch.arguments;

    Launch client;
    client.program = u"ssh"_s;
    client.arguments = sshArguments(m_target, remote);
    // Our own environment: the launch's (with its API keys) goes over stdin only.
    client.environment = QProcessEnvironment::systemEnvironment();
    client.killGraceMs = kClientKillGraceMs;
    if (!m_client.start(client, error))
        return false;
    m_started = true;

    const QProcessEnvironment forwarded =
        SshRemote::forwardedEnvironment(launch.environment, QProcessEnvironment::systemEnvironment());
    QList<QByteArray> block = SshRemote::environmentBlock(forwarded).split('\n');
    block.removeLast(); // writeLine() adds each newline, the empty line's too
    for (const QByteArray &line : std::as_const(block))
        m_client.writeLine(line);
    if (m_stdinFromNull)
        m_client.closeInput();

    Q_EMIT noted(u"starting %1 on %2 as job %3 (%4 variable(s) sent over stdin, directory %5)"_s.arg(launch.program)
                     .arg(m_target.host, m_jobName)
                     .arg(forwarded.keys().size())
                     .arg(directory.isEmpty() ? u"the login directory"_s : directory));
    Q_EMIT externalStateChanged(u"connecting to %1"_s.arg(m_target.host));
    return true;
}

void SshChannel::writeLine(const QByteArray &line)
{
    if (!m_stdinFromNull)
        m_client.writeLine(line);
}

void SshChannel::closeInput()
{
    m_client.closeInput();
}

void SshChannel::terminate(const QString &why)
{
    if (!m_started || m_finished || m_terminating)
        return;
    m_terminating = true;
    if (m_clientExited)
        return; // the program is over; a clean-up of what it left is already under way or was not needed
    if (m_remotePgid > 0) {
        Q_EMIT noted(u"%1: sending SIGTERM to %2"_s.arg(why, description()));
        startStopper(u"stopping"_s);
        return;
    }
    // Whatever the bootstrap starts from here on is found by its job mark once the client is gone.
    Q_EMIT noted(u"%1: %2 has not reported its process group yet: ending the ssh client, then what runs as job %3 "
                 u"there"_s.arg(why, m_target.host, m_jobName));
    endClient(why);
}

QString SshChannel::description() const
{
    return m_remotePgid > 0 ? u"process group %1 on %2"_s.arg(m_remotePgid).arg(m_target.host)
                            : u"ssh session to %1"_s.arg(m_target.host);
}

QString SshChannel::externalId() const
{
    return m_remotePgid > 0 ? m_target.host + u':' + QString::number(m_remotePgid) : QString();
}

QString SshChannel::programDirectory(const QString &localDirectory) const
{
    return m_target.workdir.isEmpty() ? localDirectory : SshRemote::remoteDirectory(m_target.workdir, localDirectory);
}

int SshChannel::cancelLeftovers(const SshTarget &target, const QString &jobName, QString *error)
{
    const auto fail = [error](const QString &why) {
        if (error)
            *error = why;
        return -1;
    };
    if (jobName.isEmpty() || jobName.contains(u'\n'))
        return fail(u"no job name to look for on %1"_s.arg(target.host));
    if (target.host.isEmpty() || target.host.startsWith(u'-'))
        return fail(u"ssh executor: \"%1\" is no host name"_s.arg(target.host));

    QProcess ssh;
    ssh.setProgram(u"ssh"_s);
    ssh.setArguments(sshArguments(target, stopCommand(jobName, 0, kLeftoverGraceMs), HelperConnectTimeoutS));
    ssh.setStandardInputFile(QProcess::nullDevice());
    ssh.start();
    if (!ssh.waitForStarted(-1))
        return fail(
            u"cannot start \"ssh\" to look for job %1 on %2: %3"_s.arg(jobName, target.host, ssh.errorString()));
    const int deadlineMs = HelperConnectTimeoutS * 1000 + kLeftoverGraceMs + kStopSlackMs;
    if (!ssh.waitForFinished(deadlineMs)) {
        ssh.kill();
        ssh.waitForFinished(1000);
        return fail(u"%1 did not answer within %2 s when asked for job %3"_s.arg(target.host)
                        .arg(deadlineMs / 1000)
                        .arg(jobName));
    }
    const StopReport report = readStopReport(ssh.readAllStandardOutput());
    if (!report.ok) {
        return fail(u"could not ask %1 for job %2 (ssh exited with code %3): %4"_s.arg(target.host, jobName)
                        .arg(ssh.exitCode())
                        .arg(lastLines(ssh.readAllStandardError())));
    }
    if (report.left > 0)
        return fail(
            u"%1 process(es) of job %2 on %3 still run after SIGKILL"_s.arg(report.left).arg(jobName, target.host));
    return static_cast<int>(report.found);
}

QStringList SshChannel::sshArguments(const SshTarget &target, const QStringList &remoteCommand)
{
    return sshArguments(target, remoteCommand, ConnectTimeoutS);
}

QStringList SshChannel::sshArguments(const SshTarget &target, const QStringList &remoteCommand, int connectTimeoutS)
{
    QStringList arguments{u"-T"_s, u"-o"_s, u"BatchMode=yes"_s};
    if (target.port > 0)
        arguments << u"-p"_s << QString::number(target.port);
    if (!target.identityFile.isEmpty())
        arguments << u"-i"_s << target.identityFile;
    if (!target.user.isEmpty())
        arguments << u"-l"_s << target.user;
    for (const QString &option : target.extraOptions)
        arguments << u"-o"_s << option;
    // ssh takes the first value it gets for an option: the profile's extra options above win over these.
    arguments << u"-o"_s << u"ConnectTimeout=%1"_s.arg(connectTimeoutS) << u"-o"_s
              << u"ServerAliveInterval=%1"_s.arg(ServerAliveIntervalS) << u"-o"_s
              << u"ServerAliveCountMax=%1"_s.arg(ServerAliveCountMax);
    arguments << target.host << u"--"_s << SshRemote::command(remoteCommand);
    return arguments;
}

QStringList SshChannel::stopCommand(const QString &jobName, qint64 pgid, int graceMs)
{
    return {u"sh"_s,
            u"-c"_s,
            SshRemote::stopScript(),
            u"switchboard-ssh-stop"_s,
            jobName,
            pgid > 0 ? QString::number(pgid) : QString(),
            QString::number(graceMs)};
}

void SshChannel::handleStdoutLine(const ProcessLineReader::Line &line)
{
    if (line.bytes.contains(SshRemote::kExitMarker)) {
        releaseHeldLine();
        m_heldLine = line;
        return;
    }
    releaseHeldLine();
    if (m_remotePgid == 0) {
        const QList<qint64> pgid = SshRemote::markerNumbers(line.bytes, SshRemote::kPgidMarker);
        if (!pgid.isEmpty() && pgid.constFirst() > 1) {
            m_remotePgid = pgid.constFirst();
            Q_EMIT noted(u"started as %1"_s.arg(description()));
            Q_EMIT externalIdKnown(externalId());
            Q_EMIT externalStateChanged(u"running on %1"_s.arg(m_target.host));
            return;
        }
        // Before the program starts, only the remote login (a chatty shell profile) can print.
        Q_EMIT noted(u"remote login on %1 printed: %2"_s.arg(m_target.host, QString::fromUtf8(line.bytes)));
        return;
    }
    emitOutput(line);
}

void SshChannel::handleClientNoted(const QString &text)
{
    Q_EMIT noted(u"ssh client: "_s + text);
}

void SshChannel::handleClientExited()
{
    m_clientExited = true;
    m_clientDeadline.stop();
    if (m_heldLine) {
        // Nothing came after it: the bootstrap's last line, maybe behind the program's last unfinished line.
        const qsizetype at = m_heldLine->bytes.indexOf(SshRemote::kExitMarker);
        if (at > 0)
            emitOutput({m_heldLine->bytes.left(at), 0});
        const QList<qint64> status = SshRemote::markerNumbers(m_heldLine->bytes.mid(at), SshRemote::kExitMarker);
        if (!status.isEmpty())
            m_remoteStatus = static_cast<int>(status.constFirst());
        m_heldLine.reset();
    }

    if (m_remoteStatus) {
        takeStatus(*m_remoteStatus);
        Q_EMIT noted(m_crashed ? u"%1 on %2"_s.arg(ProcessGroup::signalText(m_exitCode), m_target.host)
                               : u"exited with code %1 on %2"_s.arg(m_exitCode).arg(m_target.host));
    } else if (m_client.crashed()) {
        m_exitCode = m_client.exitCode();
        m_crashed = true;
        if (!m_terminating)
            m_connectionLost = u"connection to %1 lost: the ssh client was %2"_s.arg(
                m_target.host, ProcessGroup::signalText(m_client.exitCode()));
    } else if (m_client.exitCode() == 255) {
        m_exitCode = 255;
        m_crashed = false;
        if (!m_terminating)
            m_connectionLost = m_remotePgid > 0
                                   ? u"connection to %1 lost (ssh exited with code 255)"_s.arg(m_target.host)
                                   : u"connection to %1 failed or was lost before the program "
                                     u"started (ssh exited with code 255)"_s.arg(m_target.host);
    } else {
        // The bootstrap ended before it started the program (no environment, no directory, no setsid).
        takeStatus(m_client.exitCode());
        Q_EMIT noted(u"the remote start on %1 failed with code %2"_s.arg(m_target.host).arg(m_exitCode));
    }
    if (!m_connectionLost.isEmpty())
        Q_EMIT noted(m_connectionLost);

    // Without the bootstrap's last line nobody knows whether the program still runs there.
    const bool unknownEnd = !m_remoteStatus && (m_client.crashed() || m_client.exitCode() == 255);
    if (unknownEnd && !m_stopperRunning)
        startStopper(u"ending what may still run of it"_s);
    Q_EMIT externalStateChanged(QString());
    Q_EMIT exited();
    maybeFinish();
}

void SshChannel::handleClientFinished()
{
    m_clientFinished = true;
    maybeFinish();
}

void SshChannel::handleStopperFinished(int exitCode, QProcess::ExitStatus status)
{
    if (!m_stopperRunning)
        return;
    m_stopperRunning = false;
    Q_UNUSED(status)
    const bool timedOut = std::exchange(m_stopperGaveUp, false);
    m_stopperDeadline.stop();
    const StopReport report = readStopReport(m_stopper.readAllStandardOutput());
    const QByteArray errors = m_stopper.readAllStandardError();
    if (report.ok) {
        if (report.left > 0)
            Q_EMIT noted(u"%1 process(es) of job %2 on %3 still run after SIGKILL"_s.arg(report.left)
                             .arg(m_jobName, m_target.host));
        else
            Q_EMIT noted(
                report.found > 0
                    ? u"ended %1 process group(s) of job %2 on %3"_s.arg(report.found).arg(m_jobName, m_target.host)
                    : u"nothing of job %1 runs on %2 any more"_s.arg(m_jobName, m_target.host));
    } else {
        const QString why = timedOut       ? u"no answer within %1 ms"_s.arg(m_stopperDeadline.interval())
                            : exitCode < 0 ? m_stopper.errorString()
                                           : u"ssh exited with code %1: %2"_s.arg(exitCode).arg(lastLines(errors));
        Q_EMIT noted(u"could not end job %1 on %2 (%3); it may still run there until a later Switchboard ends it"_s.arg(
            m_jobName, m_target.host, why));
    }
    if (!m_clientExited) {
        if (report.ok)
            m_clientDeadline.start(ClientExitWaitMs); // it delivers the last lines and the exit status itself
        else
            endClient(u"the remote group could not be stopped"_s);
    }
    maybeFinish();
}

void SshChannel::handleStopperDeadline()
{
    if (!m_stopperRunning)
        return;
    m_stopperGaveUp = true;
    m_stopper.kill(); // finished() follows and ends the stop
}

void SshChannel::emitOutput(const ProcessLineReader::Line &line)
{
    Q_EMIT stdoutLineReceived(line);
}

void SshChannel::releaseHeldLine()
{
    // A marker with more output after it was the program's own text.
    if (m_heldLine) {
        emitOutput(*m_heldLine);
        m_heldLine.reset();
    }
}

void SshChannel::takeStatus(int status)
{
    m_crashed = isSignalStatus(status);
    m_exitCode = m_crashed ? status - 128 : status;
}

void SshChannel::startStopper(const QString &why)
{
    Q_EMIT noted(u"%1: asking %2 over a second ssh to end job %3"_s.arg(why, m_target.host, m_jobName));
    m_stopperRunning = true;
    m_stopper.setProgram(u"ssh"_s);
    m_stopper.setArguments(
        sshArguments(m_target, stopCommand(m_jobName, m_remotePgid, m_killGraceMs), HelperConnectTimeoutS));
    m_stopper.setStandardInputFile(QProcess::nullDevice());
    m_stopper.start();
    m_stopperDeadline.start(HelperConnectTimeoutS * 1000 + m_killGraceMs + kStopSlackMs);
}

void SshChannel::endClient(const QString &why)
{
    if (m_client.isRunning())
        m_client.terminate(why);
}

void SshChannel::maybeFinish()
{
    if (m_finished || !m_clientFinished || m_stopperRunning)
        return;
    m_finished = true;
    m_stopperDeadline.stop();
    m_clientDeadline.stop();
    Q_EMIT finished();
}

} // namespace switchboard
