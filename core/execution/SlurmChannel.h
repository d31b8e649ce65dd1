#pragma once

#include "ExecutorSpec.h"
#include "SlurmQueue.h"
#include "agents/ExecutionChannel.h"
#include "agents/ProcessGroup.h"

#include <QList>
#include <QProcess>
#include <QTimer>

namespace switchboard {

// Runs an agent's program as a Slurm job (issue 19): `srun --job-name=NAME --unbuffered -n1 ... -- program args`
// in a local ProcessGroup, so stdio travels both ways through srun and the backends see a program like any other.
// The environment reaches the job through srun's propagation (--export=ALL), never on its command line (API keys
// are in it); the job works in the same directory as locally (the workspace must be on a shared filesystem).
// The job id is looked up (srun's own messages, squeue --name) and announced with externalIdKnown() before any
// stdin line is delivered; queue state goes out as externalStateChanged(); terminate() is scancel, with the local
// group's SIGTERM/SIGKILL as the fallback when srun does not end.
class SlurmChannel final : public ExecutionChannel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SlurmChannel)

public:
    // How often squeue is asked (SlurmQueue, one squeue for all jobs) while the job id or its queue state is not
    // known yet.
    static constexpr int PollIntervalMs = 250;
    // While it waits in the queue (the state is said again each time, as proof of life).
    static constexpr int PendingPollIntervalMs = 2000;
    // Once the job runs, its state is asked for this rarely (a large cluster should not be polled hard).
    static constexpr int RunningPollIntervalMs = 15000;
    // How long srun gets to end after scancel before the local group is signalled.
    static constexpr int ScancelGraceMs = 15000;
    // squeue/scancel that do not answer within this are treated as failed.
    static constexpr int CommandTimeoutMs = 30000;

    SlurmChannel(SlurmTarget target, qsizetype maxLineBytes, QObject *parent = nullptr);
    ~SlurmChannel() override;

    bool start(const Launch &launch, QString *error) override;
    bool isRunning() const override { return m_group.isRunning(); }
    void writeLine(const QByteArray &line) override;
    qint64 pendingInputBytes() const override;
    void closeInput() override;
    void terminate(const QString &why) override;
    int exitCode() const override { return m_group.exitCode(); }
    bool crashed() const override { return m_group.crashed(); }
    QString description() const override;
    qsizetype maxLineBytes() const override { return m_group.maxLineBytes(); }
    // The local srun's group: a Switchboard that restarts after a crash ends it, and with it the job step.
    ProcessGroupRecord processGroupRecord() const override { return m_group.processGroupRecord(); }
    QString externalId() const override { return m_jobId; }

    // srun's options for a target and job name (without the program).
    static QStringList srunArguments(const SlurmTarget &target, const QString &jobName, const QString &directory);
    // The environment srun runs with: ours minus the SLURM_* variables of an allocation Switchboard itself may run
    // in (srun would add a step to that job instead of submitting its own), SLURM_CONF kept.
    static QProcessEnvironment srunEnvironment(const QProcessEnvironment &environment);
    // Blocking: cancels this user's jobs named jobName and waits (up to waitMs) until Slurm lists none of them.
    // The number cancelled, or -1 with *error when squeue or scancel could not be asked or the jobs stay.
    static int cancelLeftovers(const QString &jobName, QString *error, int waitMs = 60000);

private:
    void handleStderrLine(const ProcessLineReader::Line &line);
    void handleExited();
    void handleFinished();
    void handleQueueAnswer(const SlurmQueue::Answer &answer);
    void stopWatching();
    void handleScancelDeadline();

    // Srun's and slurmstepd's own lines: true when the line was Slurm's (turned into state, a note, or a clearer
    // stderr line), false for the program's own stderr.
    bool interpretSlurmLine(const QString &text);
    void learnJobId(const QString &id);
    void setExternalState(const QString &state);
    // Says queueChanged() when the job enters or leaves Slurm's queue (PENDING).
    void setQueued(bool queued);
    void releaseHeldInput();
    void runScancel();

    const SlurmTarget m_target;
    ProcessGroup m_group;
    QProcess m_scancel;
    QTimer m_scancelDeadline;
    QString m_jobName;
    QString m_jobId;
    QString m_state;
    QString m_why;
    QList<QByteArray> m_heldInput; // stdin lines written before the job id was known
    qint64 m_heldBytes = 0;
    int m_squeueFailures = 0;
    int m_killGraceMs = 3000;
    bool m_closeInputHeld = false;
    bool m_terminating = false;
    bool m_running = false;
    bool m_queued = false;
    bool m_watching = false; // asked about in SlurmQueue's cycles
};

} // namespace switchboard
