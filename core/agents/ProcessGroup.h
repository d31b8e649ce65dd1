#pragma once

#include "ExecutionChannel.h"
#include "ProcessLineReader.h"

#include <QProcess>
#include <QTimer>

namespace switchboard {

// Runs a program locally in its own process group: stdin lines in, stdout/stderr lines out, SIGTERM to the
// whole group then SIGKILL after the grace, and finished() only once every member of the group is gone.
class ProcessGroup final : public ExecutionChannel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ProcessGroup)

public:
    static constexpr int PollIntervalMs = 20;
    static constexpr int AfterKillWaitMs = 2000;

    explicit ProcessGroup(QObject *parent = nullptr);
    // Longer stdout lines arrive cut to maxLineBytes (protocols whose lines carry whole files want more).
    explicit ProcessGroup(qsizetype maxLineBytes, QObject *parent = nullptr);
    // Kills what still runs of the group (only a leader stuck past SIGKILL gets here alive).
    ~ProcessGroup() override;

    bool start(const Launch &launch, QString *error) override;
    bool isRunning() const override { return m_started && !m_leaderExited; }
    void writeLine(const QByteArray &line) override;
    qint64 pendingInputBytes() const override { return m_process.bytesToWrite(); }
    void closeInput() override;
    void terminate(const QString &why) override;
    int exitCode() const override { return m_exitCode; }
    bool crashed() const override { return m_exitStatus == QProcess::CrashExit; }
    QString description() const override;
    qsizetype maxLineBytes() const override { return m_stdout.maxLineBytes(); }
    // The group's id, its leader's start time and boot, and the mark its processes inherit in their environment
    // (OrphanReaper::kMarkVariable).
    ProcessGroupRecord processGroupRecord() const override { return m_record; }

    // The group's id (the leader's pid); 0 before start.
    qint64 groupId() const { return m_pgid; }
    // Processes of the group that still run (zombies excluded where the OS tells us).
    int liveMembers() const;

    // "SIGSEGV" for 11; empty when unknown.
    static QString signalName(int signal);
    // "killed by signal 11 (SIGSEGV)"
    static QString signalText(int signal);

private:
    void handleStdout();
    void handleStderr();
    void handleFinished(int exitCode, QProcess::ExitStatus status);
    void handleErrorOccurred(QProcess::ProcessError error);
    void handleGraceExpired();
    void handleKillDeadline();
    void handlePoll();

    void beginTermination();
    void signalGroup(int signal) const;
    void finish();

    QProcess m_process;
    QTimer m_graceTimer;
    QTimer m_killTimer;
    QTimer m_pollTimer;
    ProcessLineReader m_stdout;
    ProcessLineReader m_stderr;
    QString m_program;
    int m_killGraceMs = 3000;

    qint64 m_pgid = 0;
    ProcessGroupRecord m_record;
    bool m_started = false;
    bool m_leaderExited = false;
    bool m_terminating = false;
    bool m_done = false;
    bool m_writeErrorNoted = false;
    bool m_stdinFromNull = false;
    int m_exitCode = 0;
    QProcess::ExitStatus m_exitStatus = QProcess::NormalExit;
};

} // namespace switchboard
