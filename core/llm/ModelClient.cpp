#include "ModelClient.h"

#include "LeanHttpPool.h"
#include "LeanHttpTransfer.h"
#include "QtHttpTransfer.h"
#include "SseParser.h"
#include "WireErrors.h"
#include "WireFormat.h"

#include <QDateTime>
#include <QEventLoop>
#include <QHostAddress>
#include <QJsonArray>
#include <QMutex>
#include <QNetworkAccessManager>
#include <QNetworkProxy>
#include <QNetworkProxyFactory>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QScopeGuard>
#include <QThread>
#include <QThreadStorage>
#include <QTimer>

using namespace Qt::StringLiterals;

namespace switchboard::llm {

namespace {

constexpr qsizetype maxWholeBody = 16 * 1024 * 1024;   // a whole JSON reply
constexpr qsizetype maxErrorBody = 1024 * 1024;        // an error body: only its message is wanted
constexpr qsizetype maxStreamBytes = 64 * 1024 * 1024; // everything one stream may send
constexpr qsizetype maxEventBytes = 8 * 1024 * 1024;   // one SSE event
constexpr int streamEndGraceMs = 2000;                 // after the terminal event, for the HTTP response to end

ModelError makeError(ModelError::Kind kind, const QString &message, int status = 0)
{
    return ModelError{kind, status, -1, message};
}

bool isLoopback(const QUrl &url)
{
    const QString host = url.host();
    if (host.compare(u"localhost"_s, Qt::CaseInsensitive) == 0)
        return true;
    const QHostAddress address(host);
    return !address.isNull() && address.isLoopback();
}

} // namespace

// One request in flight: its event loop (abort() posts to it from other threads), the timer that is first the
// connect timeout and then the idle timeout, and what was received.
struct ModelClient::Call
{
    enum class Mode
    {
        Undecided, // no headers yet
        Stream,    // a 2xx text/event-stream
        Whole,     // a 2xx JSON body
        ErrorBody, // a non-2xx body: kept for its message
    };

    QEventLoop loop;
    QTimer timer;
    HttpTransfer *transfer = nullptr;
    std::optional<ModelError> failure; // set by abort, a timeout, a bad stream or an over-long body
    Mode mode = Mode::Undecided;
    bool streamRequested = false;
    bool gotHeaders = false;
    bool streamComplete = false; // the terminal event came: only the end of the HTTP response is awaited
    QByteArray body;
    qsizetype received = 0;

    void fail(ModelError error)
    {
        if (failure)
            return;
        failure = std::move(error);
        loop.quit();
    }
};

ModelClient::ModelClient(ModelEndpoint endpoint)
    : m_endpoint(std::move(endpoint))
{}

ModelClient::ModelClient(ModelEndpoint endpoint, QNetworkAccessManager *network)
    : m_endpoint(std::move(endpoint))
    , m_network(network)
{}

ModelClient::~ModelClient() = default;

QNetworkAccessManager *ModelClient::threadNetwork(const ModelEndpoint &endpoint)
{
    // QThreadStorage deletes the managers when their thread ends (pool threads expire when idle).
    static QThreadStorage<QNetworkAccessManager *> direct;
    static QThreadStorage<QNetworkAccessManager *> proxied;
    const bool loopback = isLoopback(endpoint.baseUrl);
    QThreadStorage<QNetworkAccessManager *> &storage = loopback ? direct : proxied;
    if (!storage.hasLocalData()) {
        auto *network = new QNetworkAccessManager;
        if (loopback)
            network->setProxy(QNetworkProxy::NoProxy);
        storage.setLocalData(network);
    }
    return storage.localData();
}

void ModelClient::abort()
{
    QMutexLocker lock(&m_callMutex);
    m_aborted = true;
    if (m_call) {
        // Queued onto the client's thread, where the call's loop runs; if the call ends first, destroying the
        // loop drops this event with it.
        Call *call = m_call;
        QMetaObject::invokeMethod(
            &call->loop, [call] { call->fail(makeError(ModelError::Kind::Cancelled, u"cancelled"_s)); },
            Qt::QueuedConnection);
    }
}

static QUrl endpointUrl(const QUrl &baseUrl, const QString &relative)
{
    QUrl url = baseUrl;
    QString path = url.path();
    if (!path.endsWith(u'/'))
        path += u'/';
    url.setPath(path + relative);
    return url;
}

// The request's headers, the same on either transport.
static LeanHttpTransfer::Headers requestHeaders(const ModelEndpoint &endpoint, bool json, bool stream)
{
    LeanHttpTransfer::Headers headers;
    if (json)
        headers.append({QByteArrayLiteral("Content-Type"), QByteArrayLiteral("application/json")});
    headers.append({QByteArrayLiteral("Accept"),
                    stream ? QByteArrayLiteral("text/event-stream") : QByteArrayLiteral("application/json")});
    if (endpoint.api == ApiKind::OpenAi) {
        if (!endpoint.apiKey.isEmpty())
            headers.append({QByteArrayLiteral("Authorization"), "Bearer " + endpoint.apiKey.toUtf8()});
    } else {
        if (!endpoint.apiKey.isEmpty())
            headers.append({QByteArrayLiteral("x-api-key"), endpoint.apiKey.toUtf8()});
        headers.append({QByteArrayLiteral("anthropic-version"), endpoint.anthropicVersion});
    }
    for (const auto &[name, value] : endpoint.headers) {
        // An extra header replaces a standard one of the same name, as QNetworkRequest::setRawHeader does.
        headers.removeIf([&name](const auto &header) { return header.first.compare(name, Qt::CaseInsensitive) == 0; });
        headers.append({name, value});
    }
    return headers;
}

static QNetworkRequest makeRequest(const QUrl &url, const LeanHttpTransfer::Headers &headers)
{
    QNetworkRequest request(url);
    for (const auto &[name, value] : headers)
        request.setRawHeader(name, value);
    // A redirect is a wrong base_url, said so, rather than a POST silently replayed elsewhere.
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::ManualRedirectPolicy);
    // Plain http is HTTP/1.1 everywhere these servers run; skip the upgrade dance.
    if (url.scheme() == u"http")
        request.setAttribute(QNetworkRequest::Http2AllowedAttribute, false);
    return request;
}

std::optional<ModelError> ModelClient::beginCall(Call &call)
{
    {
        QMutexLocker lock(&m_callMutex);
        if (m_aborted)
            return makeError(ModelError::Kind::Cancelled, u"cancelled"_s);
        m_call = &call; // from now on abort() reaches this call
    }
    return prepare();
}

void ModelClient::endCall()
{
    QMutexLocker lock(&m_callMutex);
    m_call = nullptr;
}

std::optional<ModelError> ModelClient::prepare()
{
    if (!m_transport)
        m_transport = transportFor(m_endpoint);
    if (*m_transport == Transport::Lean)
        return std::nullopt; // the thread's pool of connections, whichever thread this is
    if (!m_network) {
        m_ownNetwork = std::make_unique<QNetworkAccessManager>();
        m_network = m_ownNetwork.get();
        // A local server is never behind a proxy, and the proxy lookup costs every call.
        if (isLoopback(m_endpoint.baseUrl))
            m_network->setProxy(QNetworkProxy::NoProxy);
    } else if (m_network->thread() != QThread::currentThread()) {
        return makeError(ModelError::Kind::Network, u"a ModelClient was used from a thread other than its own"_s);
    }
    if (!m_endpoint.baseUrl.isValid() || m_endpoint.baseUrl.scheme().isEmpty())
        return makeError(ModelError::Kind::BadRequest, u"invalid base URL '%1'"_s.arg(m_endpoint.baseUrl.toString()));
    return std::nullopt;
}

ModelClient::Transport ModelClient::transportFor(const ModelEndpoint &endpoint)
{
    static const bool qtOnly = qgetenv("SWITCHBOARD_HTTP_CLIENT").trimmed().toLower() == "qt";
    const QUrl &url = endpoint.baseUrl;
    if (qtOnly || !url.isValid() || url.scheme() != u"http" || url.host().isEmpty() || !url.userInfo().isEmpty())
        return Transport::QtNetwork;
    if (isLoopback(url))
        return Transport::Lean; // never proxied (threadNetwork and prepare() set no proxy for these either)
    // A proxy in the environment, even one no_proxy may exempt this host from: QtNetwork decides.
    for (const char *name : {"http_proxy", "HTTP_PROXY", "all_proxy", "ALL_PROXY"})
        if (!qEnvironmentVariableIsEmpty(name))
            return Transport::QtNetwork;
    // The application's proxy settings (QNetworkProxy::setApplicationProxy, a proxy factory), as QtNetwork
    // would apply them to this URL.
    const QList<QNetworkProxy> proxies = QNetworkProxyFactory::proxyForQuery(QNetworkProxyQuery(url));
    if (!proxies.isEmpty() && proxies.first().type() != QNetworkProxy::NoProxy)
        return Transport::QtNetwork;
    return Transport::Lean;
}

std::unique_ptr<HttpTransfer> ModelClient::send(const QByteArray &method, const QUrl &url, bool json,
                                                const QByteArray &body)
{
    const bool stream = json && m_endpoint.stream;
    const LeanHttpTransfer::Headers headers = requestHeaders(m_endpoint, json, stream);
    if (*m_transport == Transport::Lean)
        return std::make_unique<LeanHttpTransfer>(LeanHttpPool::forThisThread(), method, url, headers, body);
    const QNetworkRequest request = makeRequest(url, headers);
    return std::make_unique<QtHttpTransfer>(method == "POST" ? m_network->post(request, body)
                                                             : m_network->get(request));
}

// Runs the request to its end: the loop returns on finished(), a timeout, abort() or a failure while reading.
// onBytes sees every chunk once the mode is known.
void ModelClient::run(Call &call, const std::function<void(Call &, const QByteArray &)> &onBytes,
                      const StreamSink &sink)
{
    HttpTransfer *transfer = call.transfer;
    const auto decideMode = [&call, transfer] {
        if (call.mode != Call::Mode::Undecided)
            return;
        const int status = transfer->status();
        if (status == 0)
            return;
        if (status < 200 || status >= 300) {
            call.mode = Call::Mode::ErrorBody;
            return;
        }
        const QString type = QString::fromLatin1(transfer->header("Content-Type")).toLower();
        if (type.contains(u"text/event-stream"))
            call.mode = call.streamRequested ? Call::Mode::Stream : Call::Mode::Whole;
        else if (type.contains(u"json") || (type.isEmpty() && !call.streamRequested))
            call.mode = Call::Mode::Whole; // also a server that ignored "stream": true
        else if (type.isEmpty())
            call.mode = Call::Mode::Stream;
        else
            call.fail(makeError(ModelError::Kind::Protocol,
                                u"HTTP %1 reply has content type '%2', not JSON or an event stream"_s.arg(status).arg(
                                    wire::cut(type, 80)),
                                status));
    };
    const auto firstByte = [this, &call] {
        if (call.gotHeaders)
            return;
        call.gotHeaders = true;
        call.timer.start(std::max(1, m_endpoint.idleTimeoutMs));
    };

    transfer->headersArrived = [firstByte, decideMode] {
        firstByte();
        decideMode();
    };
    transfer->bytesArrived = [&, firstByte, decideMode] {
        firstByte();
        decideMode();
        const QByteArray bytes = transfer->readAll();
        if (bytes.isEmpty() || call.failure)
            return;
        call.timer.start(std::max(1, m_endpoint.idleTimeoutMs));
        call.received += bytes.size();
        if (sink.activity)
            sink.activity();
        onBytes(call, bytes);
    };
    transfer->finished = [&call] { call.loop.quit(); };
    QObject::connect(&call.timer, &QTimer::timeout, &call.loop, [this, &call] {
        if (call.streamComplete) {
            call.loop.quit(); // the reply is whole; a server slow to end the response costs nothing
            return;
        }
        call.fail(call.gotHeaders ? makeError(ModelError::Kind::Timeout,
                                              u"the server went silent for %1 ms in the middle of its reply"_s.arg(
                                                  m_endpoint.idleTimeoutMs))
                                  : makeError(ModelError::Kind::Timeout,
                                              u"no response from %1 within %2 ms"_s.arg(
                                                  m_endpoint.baseUrl.toDisplayString(QUrl::RemoveUserInfo),
                                                  QString::number(m_endpoint.connectTimeoutMs))));
    });
    call.timer.setSingleShot(true);
    call.timer.start(std::max(1, m_endpoint.connectTimeoutMs));
    if (!transfer->isFinished() && !call.failure)
        call.loop.exec(QEventLoop::ExcludeUserInputEvents);
    call.timer.stop();
    transfer->headersArrived = {};
    transfer->bytesArrived = {};
    transfer->finished = {};
    if (!call.failure) {
        // Bytes that came with finished() but whose readyRead was not delivered yet.
        decideMode();
        const QByteArray rest = transfer->readAll();
        if (!rest.isEmpty() && !call.failure) {
            call.received += rest.size();
            onBytes(call, rest);
        }
    }
}

static void collect(ModelClient::Call &call, const QByteArray &bytes, qsizetype limit, bool failWhenOver);

static bool sameTools(const QList<ToolSpec> &a, const QList<ToolSpec> &b)
{
    if (a.size() != b.size())
        return false;
    if (a.constData() == b.constData())
        return true; // one shared list: unchanged, since a change would have detached it from the cache's copy
    for (qsizetype i = 0; i < a.size(); ++i)
        if (a[i].name != b[i].name || a[i].description != b[i].description || a[i].parameters != b[i].parameters)
            return false;
    return true;
}

// The request's JSON. Its tools (an agent sends the same ten schemas with every call) are serialised once and
// spliced in: building and serialising them was most of a call's CPU (callgrind, w3: ~860 k of the ~990 k
// instructions of ModelClient::complete), and at ~660 k instructions a set, once per process rather than once
// per thread. The rest is written by the wire format (OpenAI: straight as text, see JsonText).
static QByteArray requestBody(const WireFormat &wire, const ChatRequest &request, const ModelEndpoint &endpoint)
{
    if (request.tools.isEmpty())
        return wire.requestBody(request, endpoint);
    struct SerialisedTools
    {
        ApiKind api;
        QList<ToolSpec> tools;
        QByteArray json;
    };
    static QMutex mutex;
    static QList<SerialisedTools> cache; // the most recently used first; a few profiles' sets
    QByteArray json;
    {
        const QMutexLocker locker(&mutex);
        for (qsizetype i = 0; i < cache.size(); ++i) {
            if (cache[i].api == endpoint.api && sameTools(cache[i].tools, request.tools)) {
                json = cache[i].json;
                if (i > 0)
                    cache.move(i, 0);
                break;
            }
        }
    }
    if (json.isEmpty()) {
        json = wire.toolsJson(request.tools, endpoint); // outside the lock: another thread may do the same once
        const QMutexLocker locker(&mutex);
        cache.prepend(SerialisedTools{endpoint.api, request.tools, json});
        if (cache.size() > 8)
            cache.removeLast();
    }
    return wire.requestBody(request, endpoint, json);
}

ModelResult ModelClient::complete(const ChatRequest &request, const StreamSink &sink)
{
    Call call;
    const auto end = qScopeGuard([this] { endCall(); });
    if (auto error = beginCall(call))
        return *error;

    std::unique_ptr<WireFormat> wire = WireFormat::create(m_endpoint.api);
    const QByteArray body = requestBody(*wire, request, m_endpoint);
    call.streamRequested = m_endpoint.stream;
    const QUrl url = endpointUrl(m_endpoint.baseUrl, wire->completionPath());
    const std::unique_ptr<HttpTransfer> transfer = send("POST", url, true, body);
    call.transfer = transfer.get();

    SseParser parser(maxEventBytes);
    const auto handleEvents = [&](const QList<SseEvent> &events) {
        for (const SseEvent &event : events) {
            QString delta;
            if (auto error = wire->handleEvent(event, &delta)) {
                call.fail(*error);
                return;
            }
            if (!delta.isEmpty() && sink.text)
                sink.text(delta);
        }
    };
    run(
        call,
        [&](Call &current, const QByteArray &bytes) {
            switch (current.mode) {
            case Call::Mode::Stream:
                if (current.received > maxStreamBytes) {
                    current.fail(makeError(ModelError::Kind::Protocol,
                                           u"the stream exceeded %1 MiB"_s.arg(maxStreamBytes / (1024 * 1024))));
                    return;
                }
                handleEvents(parser.feed(bytes));
                if (wire->streamComplete() && !current.streamComplete) {
                    current.streamComplete = true;
                    current.timer.start(streamEndGraceMs);
                }
                if (parser.overflowed())
                    current.fail(makeError(ModelError::Kind::Protocol,
                                           u"a stream event exceeded %1 MiB"_s.arg(maxEventBytes / (1024 * 1024))));
                break;
            case Call::Mode::Whole:
                collect(current, bytes, maxWholeBody, true);
                break;
            case Call::Mode::ErrorBody:
            case Call::Mode::Undecided:
                collect(current, bytes, maxErrorBody, false);
                break;
            }
        },
        sink);
    ModelResult result = finishCall(call, [&]() -> ModelResult {
        if (call.mode == Call::Mode::Stream) {
            if (!call.failure && !wire->streamComplete())
                handleEvents(parser.finish());
            if (call.failure)
                return *call.failure;
            if (!wire->streamComplete()) {
                const QString terminal = m_endpoint.api == ApiKind::OpenAi ? u"data: [DONE]"_s : u"message_stop"_s;
                const QString why = transfer->failure() == HttpTransfer::Failure::None
                                        ? u"the stream ended"_s
                                        : u"the stream was cut (%1)"_s.arg(transfer->errorString());
                return makeError(
                    ModelError::Kind::StreamCut,
                    u"%1 after %2 bytes without its terminal event (%3)"_s.arg(why).arg(call.received).arg(terminal));
            }
            return wire->streamReply();
        }
        auto parsed = wire->parseReply(call.body);
        if (auto *reply = std::get_if<ModelReply>(&parsed)) {
            if (sink.text && !reply->text.isEmpty())
                sink.text(reply->text);
            return *reply;
        }
        return std::get<ModelError>(parsed);
    });
    transfer->abort();
    return result;
}

std::variant<QStringList, ModelError> ModelClient::listModels()
{
    Call call;
    const auto end = qScopeGuard([this] { endCall(); });
    if (auto error = beginCall(call))
        return *error;
    const std::unique_ptr<HttpTransfer> transfer = send("GET", endpointUrl(m_endpoint.baseUrl, u"models"_s), false, {});
    call.transfer = transfer.get();
    run(call,
        [](Call &current, const QByteArray &bytes) {
            collect(current, bytes, current.mode == Call::Mode::Whole ? maxWholeBody : maxErrorBody,
                    current.mode == Call::Mode::Whole);
        },
        {});
    std::variant<QStringList, ModelError> result;
    const ModelResult outcome = finishCall(call, [&]() -> ModelResult {
        auto parsed = wire::parseObject(call.body, u"model list"_s);
        if (auto *error = std::get_if<ModelError>(&parsed))
            return *error;
        const QJsonObject object = std::get<QJsonObject>(parsed);
        QStringList ids;
        if (object.value(u"data"_s).isArray()) {
            for (const QJsonValue &model : object.value(u"data"_s).toArray())
                if (const QString id = model.toObject().value(u"id"_s).toString(); !id.isEmpty())
                    ids.append(id);
        } else if (object.value(u"models"_s).isArray()) { // Ollama's own /api/tags shape
            for (const QJsonValue &model : object.value(u"models"_s).toArray())
                if (const QString name = model.toObject().value(u"name"_s).toString(); !name.isEmpty())
                    ids.append(name);
        } else {
            return makeError(ModelError::Kind::Protocol, u"model list has no 'data' array"_s);
        }
        result = ids;
        return ModelReply();
    });
    transfer->abort();
    if (const auto *error = std::get_if<ModelError>(&outcome))
        return *error;
    return result;
}

static void collect(ModelClient::Call &call, const QByteArray &bytes, qsizetype limit, bool failWhenOver)
{
    if (call.body.size() + bytes.size() <= limit) {
        call.body.append(bytes);
        return;
    }
    if (failWhenOver)
        call.fail(
            makeError(ModelError::Kind::Protocol, u"the reply body exceeded %1 MiB"_s.arg(limit / (1024 * 1024))));
    else
        call.body.append(bytes.first(std::max<qsizetype>(0, limit - call.body.size())));
}

// The outcome of a call that ran: its failure, a network error, an HTTP error, or what success() makes of the
// body; every message with the key redacted.
ModelResult ModelClient::finishCall(Call &call, const std::function<ModelResult()> &success)
{
    HttpTransfer *transfer = call.transfer;
    const int status = transfer->status();
    ModelResult result = [&]() -> ModelResult {
        if (call.failure)
            return *call.failure;
        // A reply that broke HTTP's own rules (a bad chunk, say) is a protocol error even after its status came.
        if (status == 0 || transfer->failure() == HttpTransfer::Failure::Protocol) {
            const bool protocol = transfer->failure() == HttpTransfer::Failure::Protocol;
            return makeError(
                protocol ? ModelError::Kind::Protocol : ModelError::Kind::Network,
                u"%1 from %2"_s.arg(transfer->errorString(), m_endpoint.baseUrl.toDisplayString(QUrl::RemoveUserInfo)));
        }
        if (status >= 300 && status < 400)
            return makeError(ModelError::Kind::BadRequest,
                             u"HTTP %1: redirected to '%2'; check the base URL"_s.arg(status).arg(
                                 QString::fromUtf8(transfer->header("Location"))),
                             status);
        if (status < 200 || status >= 300) {
            const int retryAfter = wire::parseRetryAfter(
                transfer->header("Retry-After"), transfer->header("retry-after-ms"), QDateTime::currentDateTimeUtc());
            return wire::httpError(status, call.body, retryAfter);
        }
        if (call.mode == Call::Mode::Whole && transfer->failure() != HttpTransfer::Failure::None)
            return makeError(ModelError::Kind::StreamCut,
                             u"the reply was cut after %1 bytes (%2)"_s.arg(call.received).arg(transfer->errorString()),
                             status);
        if (call.mode == Call::Mode::Undecided)
            return makeError(ModelError::Kind::Protocol, u"HTTP %1 reply with no body"_s.arg(status), status);
        return success();
    }();
    if (auto *error = std::get_if<ModelError>(&result)) {
        if (error->httpStatus == 0)
            error->httpStatus = status;
        error->message = wire::redact(error->message, m_endpoint.apiKey);
    }
    return result;
}

} // namespace switchboard::llm
