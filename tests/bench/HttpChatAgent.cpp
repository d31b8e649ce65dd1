#include "HttpChatAgent.h"

#include "agents/AgentContext.h"

#include <QElapsedTimer>
#include <QEventLoop>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkProxy>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QPointer>
#include <QScopeGuard>
#include <QTcpSocket>
#include <QThreadStorage>
#include <QTimer>

#include <memory>
#include <optional>

namespace switchboard::bench {

using namespace Qt::StringLiterals;

namespace {
double elapsedMs(const QElapsedTimer &timer)
{
    return static_cast<double>(timer.nsecsElapsed()) / 1e6;
}

// Appends `text` as a JSON string literal, UTF-8, escaped per RFC 8259.
void appendJsonString(QByteArray &out, QStringView text)
{
    static constexpr char kHex[] = "0123456789abcdef";
    const QByteArray utf8 = text.toUtf8();
    out += '"';
    for (const char c : utf8) {
        const auto byte = static_cast<unsigned char>(c);
        if (byte == '"' || byte == '\\') {
            out += '\\';
            out += c;
        } else if (byte < 0x20) {
            out += "\\u00";
            out += kHex[byte >> 4];
            out += kHex[byte & 0xf];
        } else {
            out += c;
        }
    }
    out += '"';
}

// Appends one {"role":...,"content":...} element to a serialised messages list.
void appendChatMessage(QByteArray &messages, QLatin1StringView role, QStringView content)
{
    if (!messages.endsWith('['))
        messages += ',';
    messages += "{\"role\":\"";
    messages += role;
    messages += "\",\"content\":";
    appendJsonString(messages, content);
    messages += '}';
}

// The w3 diagnostic's transport (SWITCHBOARD_BENCH_W3_TRANSPORT=socket): HTTP/1.1 with keep-alive
// over one buffered QTcpSocket on the agent's own thread, no QNetworkAccessManager and so no HTTP
// thread, no queued signals between threads and no header read one byte per system call. Plain
// http:// with a Content-Length reply only: it measures what QtNetwork's HTTP stack costs, it is
// not a client for real servers (no TLS, proxies, redirects, chunked replies).
class SocketClient final
{
    Q_DISABLE_COPY_MOVE(SocketClient)

public:
    SocketClient() = default;

    // Sends one POST and runs `loop` until the whole reply is in, the socket fails, the timeout
    // passes or abort() is called. On a transport failure *error says what.
    void post(const QUrl &url, const QByteArray &extraHeaders, const QByteArray &body, QEventLoop &loop, int timeoutMs,
              int *status, QByteArray *data, QString *error)
    {
        m_buffer.clear();
        m_done = false;
        if (m_socket.state() != QAbstractSocket::ConnectedState) {
            m_socket.abort();
            m_socket.setProxy(QNetworkProxy::NoProxy);
            m_socket.connectToHost(url.host(), static_cast<quint16>(url.port(80)));
            m_socket.setSocketOption(QAbstractSocket::LowDelayOption, 1);
        }
        const QByteArray hostPort = url.host().toLatin1() + ':' + QByteArray::number(url.port(80));
        m_socket.write("POST " + url.path(QUrl::FullyEncoded).toLatin1() + " HTTP/1.1\r\nHost: " + hostPort +
                       "\r\nContent-Type: application/json\r\nContent-Length: " + QByteArray::number(body.size()) +
                       "\r\n" + extraHeaders + "\r\n" + body);
        const auto finish = [this, &loop] {
            m_done = true;
            loop.quit();
        };
        QTimer timeout;
        timeout.setSingleShot(true);
        QObject::connect(&timeout, &QTimer::timeout, &loop, [this, error, finish] {
            *error = QStringLiteral("timed out");
            m_socket.abort();
            finish();
        });
        const QMetaObject::Connection readable = QObject::connect(&m_socket, &QIODevice::readyRead, &loop, [=, this] {
            m_buffer += m_socket.readAll();
            if (takeReply(status, data, error))
                finish();
        });
        const QMetaObject::Connection failed =
            QObject::connect(&m_socket, &QAbstractSocket::errorOccurred, &loop, [this, error, finish] {
                *error = m_socket.errorString();
                finish();
            });
        timeout.start(timeoutMs);
        if (m_socket.bytesAvailable() > 0) {
            m_buffer += m_socket.readAll();
            m_done = takeReply(status, data, error);
        }
        if (!m_done)
            loop.exec();
        QObject::disconnect(readable);
        QObject::disconnect(failed);
        if (!m_done && error->isEmpty())
            *error = QStringLiteral("aborted");
    }

    void abort() { m_socket.abort(); }

private:
    // True once m_buffer holds the whole reply (or can never become one: *error set).
    bool takeReply(int *status, QByteArray *data, QString *error)
    {
        const qsizetype headerEnd = m_buffer.indexOf("\r\n\r\n");
        if (headerEnd < 0)
            return false;
        const QByteArrayView head(m_buffer.constData(), headerEnd);
        if (!head.startsWith("HTTP/1.") || head.size() < 12) {
            *error = QStringLiteral("not an HTTP/1 reply");
            m_socket.abort();
            return true;
        }
        *status = head.sliced(9, 3).toInt();
        qsizetype contentLength = -1;
        bool close = head.startsWith("HTTP/1.0");
        for (qsizetype at = head.indexOf("\r\n"); at >= 0 && at < head.size();) {
            const qsizetype next = head.indexOf("\r\n", at + 2);
            const QByteArrayView line = head.sliced(at + 2, (next < 0 ? head.size() : next) - at - 2);
            at = next;
            const qsizetype colon = line.indexOf(':');
            if (colon <= 0)
                continue;
            const QByteArrayView name = line.first(colon).trimmed();
            const QByteArrayView value = line.sliced(colon + 1).trimmed();
            if (name.compare("content-length", Qt::CaseInsensitive) == 0)
                contentLength = value.toLongLong();
            else if (name.compare("connection", Qt::CaseInsensitive) == 0)
                close = value.compare("close", Qt::CaseInsensitive) == 0;
            else if (name.compare("transfer-encoding", Qt::CaseInsensitive) == 0)
                contentLength = -2;
        }
        if (contentLength < 0) {
            *error = QStringLiteral("the diagnostic socket client reads Content-Length replies only");
            m_socket.abort();
            return true;
        }
        if (m_buffer.size() < headerEnd + 4 + contentLength)
            return false;
        *data = m_buffer.mid(headerEnd + 4, contentLength);
        if (close)
            m_socket.disconnectFromHost();
        return true;
    }

    QTcpSocket m_socket;
    QByteArray m_buffer;
    bool m_done = false;
};
} // namespace

void HttpProbe::agentStarted()
{
    const int now = m_running.fetch_add(1) + 1;
    int seen = m_maxRunning.load();
    while (now > seen && !m_maxRunning.compare_exchange_weak(seen, now)) {
    }
}

void HttpProbe::agentEnded()
{
    m_running.fetch_sub(1);
}

void HttpProbe::callDone(double latencyMs)
{
    ++m_calls;
    const QMutexLocker locker(&m_mutex);
    m_latencies << latencyMs;
}

void HttpProbe::setupDone(double setupMs)
{
    const QMutexLocker locker(&m_mutex);
    m_setups << setupMs;
}

QList<double> HttpProbe::callLatenciesMs() const
{
    const QMutexLocker locker(&m_mutex);
    return m_latencies;
}

QList<double> HttpProbe::setupTimesMs() const
{
    const QMutexLocker locker(&m_mutex);
    return m_setups;
}

AgentResult HttpChatAgent::run(AgentContext &context)
{
    m_probe->agentStarted();
    const auto ended = qScopeGuard([this] { m_probe->agentEnded(); });
    return converse(context);
}

AgentResult HttpChatAgent::converse(AgentContext &context)
{
    QElapsedTimer setupClock;
    setupClock.start();
    // The manager (or the diagnostic socket client) lives on this pool thread: a per-agent one is
    // gone before run() returns, a per-thread one stays for the next agent this thread runs. Either
    // way it dies on the thread that made it, as QObjects must.
    std::optional<QNetworkAccessManager> ownManager;
    QNetworkAccessManager *manager = nullptr;
    SocketClient *socketClient = nullptr;
    if (m_config.plainSocket) {
        static QThreadStorage<SocketClient *> perThread;
        if (!perThread.hasLocalData())
            perThread.setLocalData(new SocketClient);
        socketClient = perThread.localData();
    } else if (m_config.managerPerThread) {
        static QThreadStorage<QNetworkAccessManager *> perThread;
        if (!perThread.hasLocalData())
            perThread.setLocalData(new QNetworkAccessManager);
        manager = perThread.localData();
    } else {
        manager = &ownManager.emplace();
    }
    if (manager && m_config.directConnection)
        manager->setProxy(QNetworkProxy::NoProxy);
    QPointer<QNetworkReply> inFlight;
    QEventLoop loop;
    context.setCancelHandler([&loop, &inFlight, socketClient] {
        // Called on the cancelling thread: hop to ours, where the reply lives. If the loop is gone
        // by then, Qt drops the call with it.
        QMetaObject::invokeMethod(
            &loop,
            [&loop, &inFlight, socketClient] {
                if (inFlight)
                    inFlight->abort(); // emits finished(), which ends loop.exec()
                if (socketClient) {
                    socketClient->abort();
                    loop.quit();
                }
            },
            Qt::QueuedConnection);
    });
    // Declared last, so it runs first: no cancel handler may touch the locals above once they go.
    const auto clearHandler = qScopeGuard([&context] { context.setCancelHandler({}); });

    // The request body is kept serialised and only grows: each call appends the reply and the
    // follow-up instead of building and serialising the whole conversation again.
    QByteArray conversation;
    conversation.reserve(1024);
    conversation += "{\"model\":";
    appendJsonString(conversation, m_config.model);
    conversation += ",\"messages\":[";
    appendChatMessage(conversation, "system"_L1, u"You are a Switchboard benchmark agent.");
    appendChatMessage(conversation, "user"_L1, QString(u"Goal " + context.goal().id + u": " + context.goal().title));
    int messageCount = 2;
    QNetworkRequest request(m_config.endpoint);
    request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
    request.setAttribute(QNetworkRequest::Http2AllowedAttribute, false);
    // An API client has no use for cookies: skip the jar on every request and reply.
    request.setAttribute(QNetworkRequest::CookieLoadControlAttribute, QNetworkRequest::Manual);
    request.setAttribute(QNetworkRequest::CookieSaveControlAttribute, QNetworkRequest::Manual);
    request.setTransferTimeout(m_config.timeoutMs);
    QByteArray extraHeaders; // the socket client's
    if (!m_config.apiKey.isEmpty()) {
        request.setRawHeader(QByteArrayLiteral("Authorization"), "Bearer " + m_config.apiKey);
        extraHeaders = "Authorization: Bearer " + m_config.apiKey + "\r\n";
    }
    m_probe->setupDone(elapsedMs(setupClock));

    for (int call = 0; call < m_config.calls; ++call) {
        if (context.isCancelled())
            return AgentResult::cancelled();
        QElapsedTimer callClock;
        callClock.start();
        int status = 0;
        QByteArray data;
        QString transportError;
        if (socketClient) {
            socketClient->post(m_config.endpoint, extraHeaders, QByteArray(conversation + "]}"), loop,
                               m_config.timeoutMs, &status, &data, &transportError);
        } else {
            const std::unique_ptr<QNetworkReply> reply(manager->post(request, QByteArray(conversation + "]}")));
            inFlight = reply.get();
            QObject::connect(reply.get(), &QNetworkReply::finished, &loop, &QEventLoop::quit);
            if (!reply->isFinished())
                loop.exec();
            inFlight = nullptr;
            if (context.isCancelled())
                return AgentResult::cancelled(); // aborted: nothing to read
            status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
            data = reply->readAll();
            if (reply->error() != QNetworkReply::NoError)
                transportError = reply->errorString();
        }
        const double latencyMs = elapsedMs(callClock);

        if (context.isCancelled())
            return AgentResult::cancelled();
        if (!transportError.isEmpty() || status != 200)
            return AgentResult::failed(QStringLiteral("call %1 of %2: HTTP %3: %4 %5")
                                           .arg(call + 1)
                                           .arg(m_config.calls)
                                           .arg(status)
                                           .arg(transportError, QString::fromUtf8(data.left(300))));
        QJsonParseError parseError;
        const QJsonObject answer = QJsonDocument::fromJson(data, &parseError).object();
        const QJsonValue content =
            answer.value(u"choices").toArray().at(0).toObject().value(u"message").toObject().value(u"content");
        if (parseError.error != QJsonParseError::NoError || !content.isString())
            return AgentResult::failed(QStringLiteral("call %1: no choices[0].message.content in the reply: %2")
                                           .arg(call + 1)
                                           .arg(QString::fromUtf8(data.left(300))));
        const QString text = content.toString();
        m_probe->callDone(latencyMs);
        if (m_config.expectEcho && text != QString(u"ack " + QString::number(messageCount)))
            m_probe->unexpectedReply();

        const QJsonObject usage = answer.value(u"usage").toObject();
        context.addUsage(usage.value(u"prompt_tokens").toInteger(), usage.value(u"completion_tokens").toInteger(), 0.0);
        appendChatMessage(conversation, "assistant"_L1, text);
        ++messageCount;
        if (call + 1 < m_config.calls) {
            appendChatMessage(conversation, "user"_L1,
                              QString(u"Continue with step " + QString::number(call + 2) + u'.'));
            ++messageCount;
        }
        context.setProgress((call + 1) * 100 / m_config.calls,
                            u"chat call " + QString::number(call + 1) + u'/' + QString::number(m_config.calls));
    }
    return AgentResult::completed(QStringLiteral("%1 chat calls").arg(m_config.calls));
}

} // namespace switchboard::bench
