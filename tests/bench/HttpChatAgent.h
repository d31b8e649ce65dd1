#pragma once

#include "agents/AgentBackend.h"

#include <QByteArray>
#include <QList>
#include <QMutex>
#include <QString>
#include <QUrl>

#include <atomic>

namespace switchboard::bench {

// What w3's agents observed, shared by all of them (thread-safe).
class HttpProbe final
{
    Q_DISABLE_COPY_MOVE(HttpProbe)

public:
    HttpProbe() = default;

    void agentStarted();
    void agentEnded();
    void callDone(double latencyMs);
    void setupDone(double setupMs);
    void unexpectedReply() { ++m_unexpectedReplies; }

    int maxConcurrent() const { return m_maxRunning.load(); }
    int calls() const { return m_calls.load(); }
    int unexpectedReplies() const { return m_unexpectedReplies.load(); }
    QList<double> callLatenciesMs() const;
    QList<double> setupTimesMs() const;

private:
    std::atomic<int> m_running{0};
    std::atomic<int> m_maxRunning{0};
    std::atomic<int> m_calls{0};
    std::atomic<int> m_unexpectedReplies{0};
    mutable QMutex m_mutex;
    QList<double> m_latencies;
    QList<double> m_setups;
};

// w3's agent: an I/O-bound conversation of `calls` sequential OpenAI-style chat completions, the
// messages list growing by the reply and a follow-up each time. Self-contained on purpose (the
// core has no LLM backend yet): one QNetworkAccessManager per pool thread (made on first use, kept
// with its keep-alive connection for the next agent on that thread), driven by a local QEventLoop
// in run(); cancel aborts the reply in flight.
class HttpChatAgent final : public AgentBackend
{
public:
    struct Config
    {
        QUrl endpoint; // .../chat/completions
        QString model;
        int calls = 4;
        QByteArray apiKey;             // sent as a Bearer token when set
        bool directConnection = false; // no proxy (the built-in server is on loopback)
        bool expectEcho = false;       // the built-in server answers "ack <message count>": check it
        // One QNetworkAccessManager per pool thread (QThreadStorage deletes it when the thread ends),
        // reused by every agent that thread runs. false (diagnostic): one made and deleted in each
        // run(), which costs a manager, its HTTP thread and a TCP connection per agent.
        bool managerPerThread = true;
        // Diagnostic: HTTP/1.1 over a plain QTcpSocket kept per pool thread instead of QtNetwork's
        // HTTP stack (http:// and Content-Length replies only), to measure what that stack costs.
        bool plainSocket = false;
        int timeoutMs = 120000;
    };

    HttpChatAgent(const Config &config, HttpProbe *probe)
        : m_config(config)
        , m_probe(probe)
    {}
    AgentResult run(AgentContext &context) override;

    static QString name() { return QStringLiteral("bench-http-agent"); }

private:
    AgentResult converse(AgentContext &context);

    const Config m_config;
    HttpProbe *const m_probe;
};

} // namespace switchboard::bench
