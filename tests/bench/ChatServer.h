#pragma once

#include <QObject>
#include <QString>
#include <QThread>
#include <QUrl>

#include <atomic>

namespace switchboard::bench {

class ChatServerWorker;

// A minimal OpenAI-compatible chat-completions server for w3: HTTP/1.1 with keep-alive on
// 127.0.0.1, on its own thread, answering every POST .../chat/completions after a fixed latency
// (a precise QTimer per request, never a sleep, so one thread serves every connection at once).
// The reply's content is "ack <number of messages received>", so agents can check the
// conversation grew as it should.
class ChatServer final
{
    Q_DISABLE_COPY_MOVE(ChatServer)

public:
    explicit ChatServer(int latencyMs);
    ~ChatServer();

    bool start(QString *error);
    void stop();
    // http://127.0.0.1:<port>/v1
    QUrl baseUrl() const { return m_baseUrl; }
    int latencyMs() const { return m_latencyMs; }

    int calls() const { return m_calls.load(); }             // well-formed chat completions answered
    int badRequests() const { return m_badRequests.load(); } // answered 400/404
    int connections() const { return m_connections.load(); } // TCP connections accepted

private:
    friend class ChatServerWorker;

    const int m_latencyMs;
    QThread m_thread;
    ChatServerWorker *m_worker = nullptr;
    QUrl m_baseUrl;
    std::atomic<int> m_calls{0};
    std::atomic<int> m_badRequests{0};
    std::atomic<int> m_connections{0};
};

} // namespace switchboard::bench
