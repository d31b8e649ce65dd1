#pragma once

#include "AgentActions.h"
#include "ExecutionChannel.h"
#include "ProcessLineReader.h"
#include "model/AgentResult.h"

#include <QEventLoop>
#include <QJsonObject>
#include <QObject>
#include <QProcessEnvironment>
#include <QStringList>
#include <QTimer>

#include <deque>
#include <memory>

namespace switchboard {

class AgentContext;

// One attempt of a process agent, living on the thread that runs it: starts the program through its
// execution channel, feeds it the goal, turns its JSON-lines output into agent actions and says how the
// attempt ended (exit, crash, cancel, timeout). Only requestCancel() and postMessage() may be called from
// other threads.
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
    // Replies (lock grants, answers, notes, ...) the program has not read from its stdin, on top of its goal
    // line. Beyond this the program is taken as not reading its input: it is stopped and the attempt fails
    // ("not reading its input", error kind invalid) instead of the replies piling up in memory.
    static constexpr qint64 MaxUnreadInputBytes = 1024 * 1024;
    // How much of a malformed message's line its log entry shows.
    static constexpr qsizetype MalformedExcerptBytes = 200;

    // The channel runs the program (a local ProcessGroup, or a remote one) and belongs to this thread.
    ProcessSession(AgentContext &context, Options options, std::unique_ptr<ExecutionChannel> channel);
    ~ProcessSession() override;

    // Owner thread: starts the program, runs a local event loop until the program and everything it
    // started are gone, and says how the attempt ended.
    AgentResult run();
    // Any thread: posts the cancel to the owner thread (SIGTERM to the group, SIGKILL after the grace).
    void requestCancel();
    // Any thread: posts one compact JSON line for the program's stdin to the owner thread.
    void postMessage(const QJsonObject &message);

private:
    enum class Stop
    {
        None,
        Cancelled,
        TimedOut,
        NotReadingInput,
    };

    void handleCancel();
    void handleTimeout();
    void handleExited();
    void handleFinished();
    void handleStdoutLine(const ProcessLineReader::Line &line);
    void handleStderrLine(const ProcessLineReader::Line &line);

    void sendJson(const QJsonObject &message);
    void writeLine(const QByteArray &line);
    void stopNotReading(qint64 unread);
    void note(const QString &text);
    static QString logText(const ProcessLineReader::Line &line);
    QString stderrTail() const;
    AgentResult makeResult() const;

    AgentContext &m_context;
    const Options m_options;
    const std::unique_ptr<ExecutionChannel> m_channel;

    QEventLoop m_loop;
    QTimer m_timeoutTimer;

    qint64 m_stdoutLines = 0;
    qint64 m_goalBytes = 0; // the goal line, which the program may still be reading when replies come
    std::deque<QString> m_stderrTail;
    AgentActions::Call m_call; // the protocol's verbs and what the agent declared (result, error, output)

    Stop m_stop = Stop::None;
    bool m_done = false;
};

} // namespace switchboard
