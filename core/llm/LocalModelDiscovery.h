#pragma once

#include "model/AgentProfile.h"

#include <QFuture>
#include <QList>
#include <QProcessEnvironment>
#include <QString>
#include <QStringList>
#include <QUrl>

namespace switchboard::llm {

// A model server found on this machine and the models it lists.
struct LocalModelServer
{
    QString kind; // "ollama" | "llama.cpp" | "lmstudio" | "vllm"
    QUrl baseUrl; // its OpenAI-compatible API, e.g. http://127.0.0.1:11434/v1
    QStringList models;

    friend bool operator==(const LocalModelServer &, const LocalModelServer &) = default;
};

// Looks for Ollama, llama.cpp's llama-server, LM Studio and vLLM on 127.0.0.1 (never another host), all at
// once with a short timeout, and turns each model they list into a ready profile (backend openai, no key).
class LocalModelDiscovery final
{
public:
    // Where to look: the kind decides the probe (Ollama: GET /api/tags; the others: GET /v1/models).
    struct Candidate
    {
        QString kind;
        quint16 port = 0;
    };

    // ollama 11434, llama.cpp 8080, lmstudio 1234, vllm 8000.
    static QList<Candidate> defaultCandidates();
    // SWITCHBOARD_DISCOVERY_PORTS="ollama=11434,llama.cpp=8080" when set (tests, unusual ports), else the
    // defaults. A malformed value gives the defaults and *error says what was wrong.
    static QList<Candidate> candidatesFromEnvironment(const QProcessEnvironment &environment, QString *error = nullptr);
    static QStringList kinds();

    explicit LocalModelDiscovery(QList<Candidate> candidates = defaultCandidates(), int timeoutMs = 1500);

    const QList<Candidate> &candidates() const { return m_candidates; }
    // Probes every candidate concurrently and returns the servers that answered as their kind does, in the
    // order of the candidates. Blocks up to about the timeout with its own event loop: call it from a worker
    // thread (discoverAsync()) or a command-line tool, never from the GUI thread.
    QList<LocalModelServer> discover() const;
    // discover() on a thread of the global pool.
    QFuture<QList<LocalModelServer>> discoverAsync() const;

    // "ollama-llama3.2" for llama3.2:latest on Ollama.
    static QString profileName(const LocalModelServer &server, const QString &model);
    // backend openai, base_url of the server, the model as the server names it, no key (loopback needs none).
    static AgentProfile profileFor(const LocalModelServer &server, const QString &model);
    static QList<AgentProfile> profilesFor(const QList<LocalModelServer> &servers);
    // "11434, 8080, 1234, 8000"
    static QString portList(const QList<Candidate> &candidates);

private:
    QList<Candidate> m_candidates;
    int m_timeoutMs;
};

} // namespace switchboard::llm
