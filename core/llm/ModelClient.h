#pragma once

#include "ModelTypes.h"

#include <QMutex>
#include <QObject>

#include <functional>
#include <memory>
#include <variant>

class QNetworkAccessManager;
class QUrl;

namespace switchboard::llm {

class HttpTransfer;

// Live output of one call while it streams. Both run on the calling thread.
struct StreamSink
{
    std::function<void(const QString &textDelta)> text; // text as it arrives (not tool-call arguments)
    std::function<void()> activity;                     // any bytes arrived (a heartbeat)
};

using ModelResult = std::variant<ModelReply, ModelError>;

// Talks to one model endpoint over HTTP, in its wire format, streaming (SSE) or not. Plain http:// without a
// proxy goes over this thread's pool of keep-alive connections (LeanHttpTransfer); https, proxies, and
// everything when SWITCHBOARD_HTTP_CLIENT=qt, over QNetworkAccessManager. complete() blocks its calling thread in a
// local event loop, so it is meant for a backend's pool thread or a worker thread; it must be called on the thread that
// created the client. abort() may be called from any thread and makes the call in flight return ModelError::Cancelled
// at once; the client stays aborted, so a call that starts after abort() (the race a cancel loses otherwise) returns
// Cancelled too.
class ModelClient final
{
    Q_DISABLE_COPY_MOVE(ModelClient)

public:
    explicit ModelClient(ModelEndpoint endpoint);
    // Uses `network` (not owned, living on the calling thread) instead of a manager of its own, so calls of
    // successive clients on one thread share its connections. Loopback endpoints set no proxy on it.
    ModelClient(ModelEndpoint endpoint, QNetworkAccessManager *network);
    ~ModelClient();

    // The manager the clients of this thread share, one for loopback endpoints (no proxy) and one for the
    // others; made on first use, deleted when the thread ends.
    static QNetworkAccessManager *threadNetwork(const ModelEndpoint &endpoint);

    enum class Transport
    {
        Lean,      // LeanHttpTransfer: plain http, no proxy
        QtNetwork, // QNetworkAccessManager
    };
    // Which transport calls to this endpoint take now (the environment and QtNetwork's proxy settings).
    static Transport transportFor(const ModelEndpoint &endpoint);

    const ModelEndpoint &endpoint() const { return m_endpoint; }
    ModelResult complete(const ChatRequest &request, const StreamSink &sink = {});
    void abort();

    // GET {base_url}/models (OpenAI and Anthropic shapes): the model ids the server offers.
    std::variant<QStringList, ModelError> listModels();

    struct Call; // public only so the implementation's helpers can name it

private:
    // Makes `call` the one abort() reaches (refused once aborted) and readies the manager; endCall() undoes it.
    std::optional<ModelError> beginCall(Call &call);
    void endCall();
    std::optional<ModelError> prepare();
    std::unique_ptr<HttpTransfer> send(const QByteArray &method, const QUrl &url, bool json, const QByteArray &body);
    void run(Call &call, const std::function<void(Call &, const QByteArray &)> &onBytes, const StreamSink &sink);
    ModelResult finishCall(Call &call, const std::function<ModelResult()> &success);

    ModelEndpoint m_endpoint;
    std::unique_ptr<QNetworkAccessManager> m_ownNetwork;
    QNetworkAccessManager *m_network = nullptr; // m_ownNetwork, or one shared by this thread's clients
    std::optional<Transport> m_transport;       // decided at the first call
    QMutex m_callMutex;                         // guards m_call for abort() from other threads
    Call *m_call = nullptr;
    bool m_aborted = false;
};

} // namespace switchboard::llm
