#pragma once

#include "ExecutorSpec.h"
#include "agents/ExecutionChannel.h"
#include "agents/ProcessGroup.h"

#include <QProcess>
#include <QTimer>

#include <optional>

namespace switchboard {

// Runs an agent's program on an SSH host (issue 19): a local `ssh -T -o BatchMode=yes ... host -- sh -c BOOTSTRAP`
// (a ProcessGroup here) carries stdin, stdout and stderr lines; the bootstrap (SshRemote) reads the environment
// from stdin, so API keys appear on no command line on either side, and starts the program in a process group of
// its own, marked with the job name in its environment.
// - Environment: SshRemote::forwardedEnvironment() (SWITCHBOARD_* and what the launch adds to or changes in our
//   own environment); the remote PATH and login environment stay as they are.
// - Directory: with the target's `workdir`, the program runs in `workdir/<name of the local workspace directory>`
//   (made with mkdir -p; SWITCHBOARD_WORKSPACE and the goal line's "workspace" name it, programDirectory());
//   without, in the same path as here (a shared filesystem mounted at the same place; it must exist there), or
//   the login directory when the launch has no directory. Files are not copied: a workdir is meant to be a shared
//   filesystem (or a checkout the user keeps in step).
// - externalId() is "host:pgid" once the bootstrap reported the remote group.
// - terminate(): a second ssh sends SIGTERM to the remote group (and to every group carrying the job mark), waits
//   up to the grace, sends SIGKILL; finished() once that ssh reported the groups gone (or gave up) and the local
//   client ended.
// - A lost connection (ssh exits 255 without the bootstrap's exit line, or the client is killed): connectionLost()
//   says so, and a second ssh ends what may still run remotely before finished(). A remote program's own exit
//   status 129..192 reads as the signal (status - 128) that killed it, as a shell reports it.
// - Destroying the channel while it runs leaves the remote group running (as a crash would); cancelLeftovers()
//   ends it by job name.
class SshChannel final : public ExecutionChannel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SshChannel)

public:
    // How long the second ssh (stop, clean-up, leftovers) may take to connect.
    static constexpr int HelperConnectTimeoutS = 10;
    // How long the main ssh may take to connect, and its keep-alive: a silent network drop is noticed after
    // ServerAliveIntervalS * ServerAliveCountMax seconds.
    static constexpr int ConnectTimeoutS = 30;
    static constexpr int ServerAliveIntervalS = 15;
    static constexpr int ServerAliveCountMax = 4;
    // After the remote group is gone, how long the local client gets to deliver the last lines and exit.
    static constexpr int ClientExitWaitMs = 3000;

    SshChannel(SshTarget target, qsizetype maxLineBytes, QObject *parent = nullptr);
    ~SshChannel() override;

    bool start(const Launch &launch, QString *error) override;
    bool isRunning() const override { return m_client.isRunning(); }
    void writeLine(const QByteArray &line) override;
    qint64 pendingInputBytes() const override { return m_client.pendingInputBytes(); }
    void closeInput() override;
    void terminate(const QString &why) override;
    int exitCode() const override { return m_exitCode; }
    bool crashed() const override { return m_crashed; }
    QString description() const override;
    qsizetype maxLineBytes() const override { return m_client.maxLineBytes(); }
    // The local ssh client's group: what a later Switchboard ends on this machine after a crash.
    ProcessGroupRecord processGroupRecord() const override { return m_client.processGroupRecord(); }
    QString externalId() const override;
    QString connectionLost() const override { return m_connectionLost; }
    // With a workdir, the directory the program runs in there; without, the local path as it is.
    QString programDirectory(const QString &localDirectory) const override;

    // The remote process group; 0 until the bootstrap reported it.
    qint64 remoteGroupId() const { return m_remotePgid; }
    // The job name the remote processes are marked with (Launch::jobName, or a generated one).
    const QString &jobName() const { return m_jobName; }

    // Blocking: ends every remote process group started under jobName on the target (a crashed Switchboard's
    // leftovers). The number of groups ended, or -1 with *error when the host could not be asked or something
    // survived SIGKILL.
    static int cancelLeftovers(const SshTarget &target, const QString &jobName, QString *error);
    // The ssh argv (without the program "ssh") for a remote command (its words are quoted for the remote shell).
    static QStringList sshArguments(const SshTarget &target, const QStringList &remoteCommand);

private:
    static QStringList sshArguments(const SshTarget &target, const QStringList &remoteCommand, int connectTimeoutS);
    static QStringList stopCommand(const QString &jobName, qint64 pgid, int graceMs);

    void handleStdoutLine(const ProcessLineReader::Line &line);
    void handleClientNoted(const QString &text);
    void handleClientExited();
    void handleClientFinished();
    void handleStopperFinished(int exitCode, QProcess::ExitStatus status);
    void handleStopperDeadline();

    void emitOutput(const ProcessLineReader::Line &line);
    void releaseHeldLine();
    void takeStatus(int status);
    void startStopper(const QString &why);
    void endClient(const QString &why);
    void maybeFinish();

    const SshTarget m_target;
    ProcessGroup m_client;
    QProcess m_stopper;
    QTimer m_stopperDeadline;
    QTimer m_clientDeadline;

    QString m_jobName;
    int m_killGraceMs = 3000;
    bool m_stdinFromNull = false;
    bool m_started = false;
    qint64 m_remotePgid = 0;
    // A line with the exit marker is held back until nothing follows it: only the last one is the bootstrap's.
    std::optional<ProcessLineReader::Line> m_heldLine;
    std::optional<int> m_remoteStatus;

    bool m_terminating = false;
    bool m_stopperRunning = false;
    bool m_stopperGaveUp = false; // the deadline killed it
    bool m_clientExited = false;
    bool m_clientFinished = false;
    bool m_finished = false;
    int m_exitCode = 0;
    bool m_crashed = false;
    QString m_connectionLost;
};

} // namespace switchboard
