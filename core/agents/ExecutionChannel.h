#pragma once

#include "ProcessLineReader.h"
#include "model/ProcessGroupRecord.h"

#include <QByteArray>
#include <QObject>
#include <QProcessEnvironment>
#include <QString>
#include <QStringList>

namespace switchboard {

// Where an agent's program runs and how its lines travel: a local process group now, a cluster job or a
// remote session later. Lives on the thread that supervises the attempt and emits on it.
class ExecutionChannel : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ExecutionChannel)

public:
    struct Launch
    {
        QString program;
        QStringList arguments;
        QString workingDirectory; // empty = inherit ours
        QProcessEnvironment environment;
        int killGraceMs = 3000; // between asking everything to stop (SIGTERM) and killing it (SIGKILL)
        // stdin is /dev/null instead of a pipe: for programs that wait for stdin to end before they work (codex
        // exec, gemini -p); writeLine() then delivers nothing.
        bool stdinFromNull = false;
        // A name unique to the attempt ("sb-<scope>-<run>-<goal>-<attempt>", issue 19): what a cluster job is named and
        // what a later Switchboard looks for to end leftovers (Executors::cancelLeftovers). Empty = none needed.
        QString jobName;
    };

    ~ExecutionChannel() override = default;

    // Starts the program; false with *error (what could not be started and why) when it did not start.
    virtual bool start(const Launch &launch, QString *error) = 0;
    // Started and not exited yet. Processes the program left behind may still run after it exited.
    virtual bool isRunning() const = 0;
    // One line to the program's stdin (the newline is added).
    virtual void writeLine(const QByteArray &line) = 0;
    // Bytes written with writeLine() that the program has not taken yet (beyond what the pipe holds).
    virtual qint64 pendingInputBytes() const = 0;
    // Ends the program's stdin (for programs that read to EOF).
    virtual void closeInput() = 0;
    // Stops everything the program started: asks politely, kills after the grace, then finished().
    // `why` starts the log note ("cancelled: sending SIGTERM to process group 42").
    virtual void terminate(const QString &why) = 0;
    // How the program ended, once exited() was emitted: its exit code, or the signal that killed it.
    virtual int exitCode() const = 0;
    virtual bool crashed() const = 0;
    // How the log names what runs the program ("process group 42").
    virtual QString description() const = 0;
    // Longer output lines arrive cut to this many bytes (Line::droppedBytes says how many were dropped).
    virtual qsizetype maxLineBytes() const = 0;
    // After start(): what a later Switchboard needs to end what the program left running if this one crashes
    // (agent and attempt left for the caller); invalid when the channel runs nothing on this machine.
    virtual ProcessGroupRecord processGroupRecord() const { return {}; }
    // The executor's own id for what runs the program (a Slurm job id, "host:pgid"); empty for local groups or
    // before it is known. externalIdKnown() is emitted when it becomes known.
    virtual QString externalId() const { return {}; }
    // A local directory as the program sees it: the same path here; where the channel maps it to on a host of
    // its own (an SSH target's workdir, SshRemote::remoteDirectory()). What the goal line's "workspace" says.
    virtual QString programDirectory(const QString &localDirectory) const { return localDirectory; }
    // Non-empty once exited() when the way to where the program runs broke before it was known how the program
    // ended (an SSH connection lost): what the attempt's error says. The backends then fail the attempt with a
    // retryable kind whatever exitCode() says (AgentLaunch::connectionLostResult()).
    virtual QString connectionLost() const { return {}; }

Q_SIGNALS:
    void stdoutLineReceived(const switchboard::ProcessLineReader::Line &line);
    void stderrLineReceived(const switchboard::ProcessLineReader::Line &line);
    // Supervision news for the agent's log: "started ...", "exited with code 1", "... sending SIGKILL".
    void noted(const QString &text);
    // The executor's id for this run became known (externalId()); for recording with the attempt.
    void externalIdKnown(const QString &id);
    // Where the program is on its executor before and while it runs, for the card: "pending in Slurm: Resources",
    // then "running on node1"; empty = nothing to say. May be said again unchanged while it waits (proof of life).
    void externalStateChanged(const QString &state);
    // The program waits in the executor's queue (a Slurm job PENDING) or has left it (running, or gone).
    void queueChanged(bool waiting);
    // The program exited; every line it wrote was emitted before.
    void exited();
    // Nothing the program started runs any more (or the channel gave up waiting after the kill).
    void finished();

protected:
    explicit ExecutionChannel(QObject *parent = nullptr)
        : QObject(parent)
    {}
};

} // namespace switchboard
