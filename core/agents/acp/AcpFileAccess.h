#pragma once

#include <QJsonObject>
#include <QJsonValue>
#include <QString>

#include <chrono>
#include <functional>

class QObject;

namespace switchboard {

class AgentContext;

// The client file system an ACP agent may use (fs/read_text_file, fs/write_text_file), confined to the attempt's
// workspace by WorkspacePath. A write takes the file's lock through the context (the agent waits without a run
// slot while another agent holds it), checks the fencing token right before the write and replaces the file
// atomically. Runs on the attempt's thread.
class AcpFileAccess final
{
    Q_DISABLE_COPY_MOVE(AcpFileAccess)

public:
    // A file larger than this is not read (the agent is told so).
    static constexpr qint64 MaxReadBytes = 16 * 1024 * 1024;
    static constexpr std::chrono::milliseconds DefaultLockTimeout{30'000};

    // The JSON-RPC answer: a result, or an error code and message.
    struct Answer
    {
        QJsonValue result;
        int errorCode = 0;
        QString error;

        bool isError() const { return errorCode != 0; }
    };
    using Reply = std::function<void(const Answer &answer)>;

    // receiver: the object on the attempt's thread that lock grants come back to. programWorkspace: the
    // workspace as the agent sees it (an SSH host's workdir/<name>; empty: the same path), whose absolute
    // paths in its requests are read as the same files under workspace.
    AcpFileAccess(AgentContext &context, QString workspace, QObject *receiver,
                  std::chrono::milliseconds lockTimeout = DefaultLockTimeout, QString programWorkspace = {});

    // {path, line?, limit?} -> {content}; answers at once.
    Answer read(const QJsonObject &params) const;
    // {path, content} -> {}; answers once the file's lock was granted (or refused).
    void write(const QJsonObject &params, Reply reply);

private:
    // The agent's path as a path on this machine: its workspace's prefix swapped for ours.
    QString localPath(const QString &path) const;
    Answer writeLocked(const QString &absolute, const QString &relative, const QByteArray &content, quint64 token);

    AgentContext &m_context;
    const QString m_workspace;
    const QString m_programWorkspace;
    QObject *const m_receiver;
    const std::chrono::milliseconds m_lockTimeout;
};

} // namespace switchboard
