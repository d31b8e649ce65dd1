#pragma once

#include "AgentActions.h"
#include "ProcessLineReader.h"
#include "model/AgentResult.h"

#include <QEventLoop>
#include <QJsonObject>
#include <QObject>
#include <QProcess>
#include <QProcessEnvironment>
#include <QStringList>
#include <QTimer>

#include <deque>

namespace switchboard {

class AgentContext;

// One attempt of a process agent, living on the thread that runs it: owns the QProcess and its process
// group, feeds it the goal, turns its output into context calls and ends the whole group on exit, cancel
// or timeout. Only requestCancel() and postMessage() may be called from other threads.
class ProcessSession final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ProcessSession)

public:
    struct Options
    {
        QString program;
        QStringList arguments;
        QString workingDirectory; // empty = inherit ours
        QProcessEnvironment environment;
        int timeoutS = 0;        // 0 = no limit
        int killGraceMs = 3000;  // between SIGTERM and SIGKILL to the group
        bool closeStdin = false; // close stdin after the goal line (for programs that read to EOF)
    };

    static constexpr int StderrTailLines = 20;
    static constexpr qsizetype StderrTailLineChars = 500;
    static constexpr qsizetype MaxLogLineBytes = AgentActions::MaxLogLineBytes;
    static constexpr int PollIntervalMs = 20;
    static constexpr int AfterKillWaitMs = 2000;

    ProcessSession(AgentContext &context, Options options);
    ~ProcessSession() override;

    // Owner thread: starts the program, runs a local event loop until the program and every other
    // process of its group are gone, and says how the attempt ended.
    AgentResult run();
    // Any thread: posts the cancel to the owner thread (SIGTERM to the group, SIGKILL after the grace).
    void requestCancel();
    // Any thread: posts one compact JSON line for the program's stdin to the owner thread.
    void postMessage(const QJsonObject &message);

    // "SIGSEGV" for 11; empty when unknown.
    static QString signalName(int signal);

private:
    enum class Stop
    {
        None,
        Cancelled,
        TimedOut,
    };

    void handleStdout();
    void handleStderr();
    void handleFinished(int exitCode, QProcess::ExitStatus status);
    void handleErrorOccurred(QProcess::ProcessError error);
    void handleCancel();
    void handleTimeout();
    void handleGraceExpired();
    void handleKillDeadline();
    void handlePoll();

    void handleStdoutLine(const ProcessLineReader::Line &line);
    void sendJson(const QJsonObject &message);
    void handleStderrLine(const ProcessLineReader::Line &line);
    void writeLine(const QByteArray &line);
    void beginTermination();
    void signalGroup(int signal) const;
    // Processes of the group that still run (zombies excluded where the OS tells us).
    int liveGroupMembers() const;
    void finish();
    void note(const QString &text);
    QString groupText() const;
    static QString logText(const ProcessLineReader::Line &line);
    QString stderrTail() const;
    AgentResult makeResult() const;

    AgentContext &m_context;
    const Options m_options;

    QEventLoop m_loop;
    QProcess m_process;
    QTimer m_timeoutTimer;
    QTimer m_graceTimer;
    QTimer m_killTimer;
    QTimer m_pollTimer;

    ProcessLineReader m_stdout;
    ProcessLineReader m_stderr;
    qint64 m_stdoutLines = 0;
    std::deque<QString> m_stderrTail;
    AgentActions::Call m_call; // the protocol's verbs and what the agent declared (result, error, output)

    qint64 m_pgid = 0;
    Stop m_stop = Stop::None;
    bool m_started = false;
    bool m_leaderExited = false;
    bool m_terminating = false;
    bool m_killSent = false;
    bool m_done = false;
    bool m_writeErrorNoted = false;
    int m_exitCode = 0;
    QProcess::ExitStatus m_exitStatus = QProcess::NormalExit;
};

} // namespace switchboard
