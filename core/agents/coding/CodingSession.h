#pragma once

#include "CodingDialect.h"
#include "agents/AgentContext.h"
#include "agents/ExecutionChannel.h"
#include "agents/ProcessLineReader.h"
#include "model/AgentResult.h"

#include <QEventLoop>
#include <QJsonObject>
#include <QObject>
#include <QProcessEnvironment>
#include <QStringList>
#include <QTimer>

#include <deque>
#include <functional>
#include <memory>
#include <optional>

namespace switchboard {

class CodingMemory;

// One attempt of a coding CLI, on the thread that runs it: starts the program in its own process group through the
// execution channel, hands each stdout line to the dialect, and ends the attempt on exit, cancel (SIGTERM to the
// group, then SIGKILL) or the profile's timeout. What the dialect may do while it parses (write to stdin, ask the
// human, log) goes through the public functions below; only requestCancel() may be called from other threads.
class CodingSession final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(CodingSession)

public:
    struct Options
    {
        QString program;
        QStringList arguments;
        QString workingDirectory;
        QProcessEnvironment environment;
        int timeoutS = 0;     // 0 = no limit
        int idleTimeoutS = 0; // the profile's (the orchestrator enforces it): how often to prove life while waiting
        int killGraceMs = 3000;
        bool stdinFromNull = false;
        CodingDialect::Request request; // what the arguments were built from, for the dialect's first stdin lines
    };

    static constexpr int StderrTailLines = 20;
    static constexpr qsizetype StderrTailLineChars = 500;
    // How much of an unrecognised line its log entry quotes.
    static constexpr qsizetype ExcerptBytes = 200;
    // While a question waits on the human the program is silent on purpose: proof of life a few times per idle
    // timeout keeps the watchdog from taking the wait for a hang.
    static int waitHeartbeatMs(int idleTimeoutS);

    CodingSession(AgentContext &context, CodingDialect &dialect, CodingMemory &memory, Options options,
                  std::unique_ptr<ExecutionChannel> channel);
    ~CodingSession() override;

    // Owner thread: runs the program to its end (and everything it started) and says how the attempt ended.
    AgentResult run();
    // Any thread.
    void requestCancel();

    // --- for the dialect (owner thread) ---
    AgentContext &context() const { return m_context; }
    CodingMemory &memory() const { return m_memory; }
    // The program's own session id (once known): stored with the attempt, and kept for a retry to resume.
    void recordAgentSession(const QString &sessionId);
    // One compact JSON line to the program's stdin; dropped (with a note) once stdin is closed or the program ended.
    void writeJson(const QJsonObject &message);
    void closeInput();
    // "[agent-id] text" in the agent's log.
    void note(const QString &text);
    // A line the dialect could not use: logged with the agent id, the line number and an excerpt; never fatal.
    void logUnrecognised(const QByteArray &line, const QString &why);
    // A JSON-lines CLI's stdout line as its event object; nullopt when it is none (then logged as unrecognised).
    std::optional<QJsonObject> readEvent(const QByteArray &line);
    // One step of the CLI's conversation for the detail pane's Transcript tab.
    void recordTranscript(TranscriptEntry::Kind kind, const QString &text, const QString &toolName = {},
                          const QString &toolCallId = {}, bool isError = false);
    // Asks the human without blocking (the agent shows Escalated meanwhile); `answered` runs on this thread.
    // Returns false with *error when the question was refused.
    bool ask(EscalationInbox::Request request, std::function<void(const Escalation &)> answered, QString *error);
    qint64 lineNumber() const { return m_stdoutLines; }
    // "\nlast stderr lines:\n..." or empty: for failure messages.
    QString stderrTail() const;

private:
    enum class Stop
    {
        None,
        Cancelled,
        TimedOut,
    };

    void handleCancel();
    void handleTimeout();
    void handleFinished();
    void handleStdoutLine(const ProcessLineReader::Line &line);
    void handleStderrLine(const ProcessLineReader::Line &line);
    void handleWaitHeartbeat();

    AgentContext &m_context;
    CodingDialect &m_dialect;
    CodingMemory &m_memory;
    const Options m_options;
    const std::unique_ptr<ExecutionChannel> m_channel;

    QEventLoop m_loop;
    QTimer m_timeoutTimer;
    QTimer m_waitHeartbeat;
    int m_openQuestions = 0;

    qint64 m_stdoutLines = 0;
    std::deque<QString> m_stderrTail;
    Stop m_stop = Stop::None;
    bool m_inputClosed = false;
    bool m_done = false;
};

} // namespace switchboard
