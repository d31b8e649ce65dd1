#pragma once

#include <QList>
#include <QString>
#include <QUrl>

#include <pthread.h>

#include <atomic>
#include <thread>

namespace switchboard::bench {

// A minimal OpenAI-compatible chat-completions server for w3: HTTP/1.1 with keep-alive on
// 127.0.0.1, answering every POST .../chat/completions after a fixed latency. It is a test
// fixture sharing the machine with the client it measures, so it is kept lean: one thread, plain
// sockets and epoll (no Qt event loop), a hand-written JSON check of the request, the reply
// written from a template in one write(); replies are due in arrival order (the latency is fixed),
// so the timers are one FIFO queue. The reply's content is "ack <number of messages received>", so
// agents can check the conversation grew as it should. With toolRounds > 0 it plays an agent loop's model:
// while a conversation holds fewer than toolRounds tool results, the reply is an update_progress tool call.
// Linux only (epoll), like the bench.
class ChatServer final
{
    Q_DISABLE_COPY_MOVE(ChatServer)

public:
    explicit ChatServer(int latencyMs, int toolRounds = 0);
    ~ChatServer();

    bool start(QString *error);
    void stop();
    // http://127.0.0.1:<port>/v1
    QUrl baseUrl() const { return m_baseUrl; }
    int latencyMs() const { return m_latencyMs; }

    int calls() const { return m_calls.load(); }             // well-formed chat completions answered
    int badRequests() const { return m_badRequests.load(); } // answered 400/404
    int connections() const { return m_connections.load(); } // TCP connections accepted
    // CPU time the server's thread has used (CLOCK_THREAD_CPUTIME_ID), in ms: live while it runs,
    // its final value after stop().
    double threadCpuMs() const;
    // How late each reply went out past its due time (arrival + latency), in ms: the server's
    // thread waiting for a core. Complete after stop().
    QList<double> replyLatenessMs() const { return m_lateness; }

private:
    class Loop;

    const int m_latencyMs;
    const int m_toolRounds;
    std::thread m_thread;
    clockid_t m_cpuClock{};
    int m_wakeFd = -1; // eventfd: stop()
    QUrl m_baseUrl;
    std::atomic<bool> m_running{false};
    std::atomic<double> m_finalCpuMs{0.0};
    std::atomic<int> m_calls{0};
    std::atomic<int> m_badRequests{0};
    std::atomic<int> m_connections{0};
    QList<double> m_lateness; // written by the server thread, read after stop()
};

} // namespace switchboard::bench
