#pragma once

#include "AcpFileAccess.h"
#include "AcpMessage.h"
#include "AcpTurn.h"
#include "agents/ExecutionChannel.h"
#include "agents/ProcessLineReader.h"
#include "model/AgentResult.h"

#include <QEventLoop>
#include <QHash>
#include <QJsonArray>
#include <QJsonObject>
#include <QObject>
#include <QProcessEnvironment>
#include <QSet>
#include <QStringList>
#include <QTimer>

#include <deque>
#include <memory>
#include <optional>

namespace switchboard {

class AgentContext;

// One attempt of an ACP agent, living on the thread that runs it: starts the agent through its execution channel
// and speaks the Agent Client Protocol with it as the client (JSON-RPC 2.0, one message a line): initialize,
// session/new (or session/load to resume), one session/prompt with the goal; it answers the agent's
// session/request_permission through the inbox and its fs/* requests inside the workspace, turns session/update
// into the card, and ends the program when the turn is over. Only requestCancel() may be called from other
// threads.
class AcpSession final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(AcpSession)

public:
    static constexpr int ProtocolVersion = 1;
    // ACP lines carry whole files (fs/write_text_file, diffs): longer than a process agent's.
    static constexpr qsizetype MaxLineBytes = 64 * 1024 * 1024;
    static constexpr int DefaultCancelGraceMs = 2000;
    static constexpr int DefaultExitGraceMs = 1000;
    static constexpr int StderrTailLines = 20;
    static constexpr qsizetype MalformedExcerptBytes = 200;
    // Answers the agent has not read from its stdin: beyond this it is taken as not reading its input.
    static constexpr qint64 MaxUnreadInputBytes = 64 * 1024 * 1024;

    struct Options
    {
        QString program;
        QStringList arguments;
        QString workspace; // absolute; the session's cwd and the confinement of fs/*
        // The workspace as the program sees it where its executor runs it (an SSH host's workdir/<name>): the cwd
        // the session is told and the prompt names. Empty: the same as workspace.
        QString programWorkspace;
        QProcessEnvironment environment;
        int timeoutS = 0; // 0 = no limit
        int killGraceMs = 3000;
        int cancelGraceMs = DefaultCancelGraceMs; // after session/cancel, for the prompt to end as cancelled
        int exitGraceMs = DefaultExitGraceMs;     // after the turn, for the agent to exit on closed stdin
        std::chrono::milliseconds lockTimeout = AcpFileAccess::DefaultLockTimeout;
    };

    AcpSession(AgentContext &context, Options options, std::unique_ptr<ExecutionChannel> channel);
    ~AcpSession() override;

    // Owner thread: runs the whole attempt in a local event loop and says how it ended.
    AgentResult run();
    // Any thread: posts the cancel to the owner thread (session/cancel, then the process group ends).
    void requestCancel();

private:
    // Where the program works, as it names it: the cwd it is told (the workspace unless its executor maps it).
    QString programWorkspace() const
    {
        return m_options.programWorkspace.isEmpty() ? m_options.workspace : m_options.programWorkspace;
    }

    enum class Phase
    {
        Initializing,
        OpeningSession,
        Prompting,
        Ending, // the outcome is known: waiting for the program to go
    };
    enum class Stop
    {
        None,
        Cancelled,
        TimedOut,
        NotReadingInput,
    };
    struct PendingPermission
    {
        QJsonValue rpcId;
        QString escalationId;
    };

    void handleStdoutLine(const ProcessLineReader::Line &line);
    void handleStderrLine(const ProcessLineReader::Line &line);
    void handleExited();
    void handleFinished();
    void handleCancel();
    void handleTimeout();
    void handleCancelGraceExpired();
    void handleExitGraceExpired();

    void handleResponse(const AcpMessage &message);
    void handleRequest(const AcpMessage &message);
    void handleNotification(const AcpMessage &message);
    void handleMalformed(const AcpMessage &message, const ProcessLineReader::Line &line);

    void handleInitialized(const QJsonObject &result);
    void openSession(bool load);
    void handleSessionOpened(const QJsonObject &result, bool loaded);
    void sendPrompt();
    void handlePromptEnded(const QJsonObject &result);
    void requestPermission(const AcpMessage &message);
    void answerPermissionsCancelled();

    qint64 sendRequest(const QString &method, const QJsonObject &params);
    void sendResponse(const QJsonValue &id, const QJsonValue &result);
    void sendError(const QJsonValue &id, int code, const QString &message);
    void writeLine(const QByteArray &line);

    // The outcome is known: end the program (politely first: stdin closed, then the process group).
    void finishWith(AgentResult result);
    void fail(const QString &error, const QString &kind);
    void stopTurn(Stop stop, const QString &why);
    void note(const QString &text);
    QString stderrTail() const;
    AgentResult makeResult() const;

    AgentContext &m_context;
    const Options m_options;
    const std::unique_ptr<ExecutionChannel> m_channel;
    AcpTurn m_turn;
    AcpFileAccess m_files;

    QEventLoop m_loop;
    QTimer m_timeoutTimer;
    QTimer m_cancelGraceTimer;
    QTimer m_exitGraceTimer;

    Phase m_phase = Phase::Initializing;
    Stop m_stop = Stop::None;
    QString m_stopWhy;
    std::optional<AgentResult> m_result;
    bool m_done = false;
    bool m_inputClosed = false;

    qint64 m_nextId = 0;
    QHash<qint64, QString> m_pending; // our requests the agent has not answered: id -> method
    QList<PendingPermission> m_permissions;
    QString m_sessionId;
    bool m_canLoadSession = false;
    QSet<QString> m_ignoredNotifications; // said once each
    qint64 m_stdoutLines = 0;
    std::deque<QString> m_stderrTail;
};

} // namespace switchboard
