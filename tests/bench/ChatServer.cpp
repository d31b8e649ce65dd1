#include "ChatServer.h"

#include <QDateTime>
#include <QHash>
#include <QHostAddress>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTimer>

namespace switchboard::bench {

namespace {
constexpr qsizetype kMaxRequestBytes = 16 * 1024 * 1024;

struct Request
{
    QByteArray method;
    QByteArray path;
    QByteArray body;
    bool keepAlive = true;
};

struct Response
{
    int status = 200;
    QByteArray body;
};

// Takes one complete request off the front of `buffer`. Returns false while more bytes are needed;
// sets *malformed when the bytes can never form a request.
bool takeRequest(QByteArray &buffer, Request *request, bool *malformed)
{
    const qsizetype headerEnd = buffer.indexOf("\r\n\r\n");
    if (headerEnd < 0) {
        *malformed = buffer.size() > 64 * 1024;
        return false;
    }
    const QList<QByteArray> lines = buffer.left(headerEnd).split('\n');
    const QList<QByteArray> requestLine = lines.value(0).trimmed().split(' ');
    if (requestLine.size() != 3 || !requestLine.at(2).startsWith("HTTP/1.")) {
        *malformed = true;
        return false;
    }
    qsizetype contentLength = 0;
    bool keepAlive = requestLine.at(2) == "HTTP/1.1";
    for (qsizetype i = 1; i < lines.size(); ++i) {
        const QByteArray &line = lines.at(i);
        const qsizetype colon = line.indexOf(':');
        if (colon <= 0)
            continue;
        const QByteArray name = line.left(colon).trimmed().toLower();
        const QByteArray value = line.mid(colon + 1).trimmed();
        if (name == "content-length") {
            bool ok = false;
            contentLength = value.toLongLong(&ok);
            if (!ok || contentLength < 0 || contentLength > kMaxRequestBytes) {
                *malformed = true;
                return false;
            }
        } else if (name == "connection") {
            const QByteArray v = value.toLower();
            keepAlive = v == "close" ? false : (v == "keep-alive" ? true : keepAlive);
        } else if (name == "transfer-encoding") {
            *malformed = true; // chat clients send a Content-Length; chunked bodies are not supported here
            return false;
        }
    }
    const qsizetype total = headerEnd + 4 + contentLength;
    if (buffer.size() < total)
        return false;
    request->method = requestLine.at(0);
    request->path = requestLine.at(1);
    request->body = buffer.mid(headerEnd + 4, contentLength);
    request->keepAlive = keepAlive;
    buffer.remove(0, total);
    return true;
}

QByteArray errorBody(const QString &message)
{
    const QJsonObject error{{QStringLiteral("message"), message},
                            {QStringLiteral("type"), QStringLiteral("invalid_request_error")}};
    return QJsonDocument(QJsonObject{{QStringLiteral("error"), error}}).toJson(QJsonDocument::Compact);
}

QByteArray statusText(int status)
{
    switch (status) {
    case 200:
        return QByteArrayLiteral("OK");
    case 400:
        return QByteArrayLiteral("Bad Request");
    case 404:
        return QByteArrayLiteral("Not Found");
    default:
        return QByteArrayLiteral("Error");
    }
}
} // namespace

// Lives on the server thread; every socket and timer it owns does too.
class ChatServerWorker final : public QObject
{
public:
    explicit ChatServerWorker(ChatServer *owner)
        : m_owner(owner)
    {}

    bool listen(QString *error)
    {
        m_server = new QTcpServer(this);
        // 64 agents connect at once; the default backlog (50) would drop SYNs and cost a 1 s retry.
        m_server->setListenBacklogSize(1024);
        QObject::connect(m_server, &QTcpServer::newConnection, this, [this] { handleNewConnections(); });
        if (!m_server->listen(QHostAddress::LocalHost, 0)) {
            *error = m_server->errorString();
            return false;
        }
        return true;
    }

    quint16 port() const { return m_server ? m_server->serverPort() : 0; }

private:
    struct Connection
    {
        QByteArray buffer;
        bool replyPending = false; // HTTP/1.1 answers in order: parse the next request after this reply
        bool closeAfterReply = false;
    };

    void handleNewConnections()
    {
        while (QTcpSocket *socket = m_server->nextPendingConnection()) {
            ++m_owner->m_connections;
            m_connections.insert(socket, Connection());
            QObject::connect(socket, &QTcpSocket::readyRead, this, [this, socket] { handleReadable(socket); });
            QObject::connect(socket, &QTcpSocket::disconnected, this, [this, socket] {
                m_connections.remove(socket);
                socket->deleteLater();
            });
        }
    }

    void handleReadable(QTcpSocket *socket)
    {
        const auto it = m_connections.find(socket);
        if (it == m_connections.end())
            return;
        Connection &connection = it.value();
        connection.buffer += socket->readAll();
        if (connection.replyPending)
            return;
        Request request;
        bool malformed = false;
        if (!takeRequest(connection.buffer, &request, &malformed)) {
            if (malformed) {
                ++m_owner->m_badRequests;
                write(socket, Response{400, errorBody(QStringLiteral("malformed HTTP request"))}, false);
            }
            return;
        }
        const Response response = answer(request);
        connection.replyPending = true;
        connection.closeAfterReply = !request.keepAlive;
        // The latency is the model "thinking": a timer, so this thread keeps serving the others.
        QTimer::singleShot(m_owner->m_latencyMs, Qt::PreciseTimer, socket, [this, socket, response] {
            const auto found = m_connections.find(socket);
            if (found == m_connections.end())
                return;
            found->replyPending = false;
            const bool keepAlive = !found->closeAfterReply;
            write(socket, response, keepAlive);
            if (keepAlive && !found->buffer.isEmpty())
                handleReadable(socket); // a request that arrived while this one was pending
        });
    }

    Response answer(const Request &request)
    {
        if (request.method != "POST" || !request.path.endsWith("/chat/completions")) {
            ++m_owner->m_badRequests;
            return {404, errorBody(QStringLiteral("only POST .../chat/completions is served here"))};
        }
        QJsonParseError parseError;
        const QJsonDocument document = QJsonDocument::fromJson(request.body, &parseError);
        const QJsonObject body = document.object();
        const QJsonArray messages = body.value(u"messages").toArray();
        bool messagesOk = !messages.isEmpty();
        for (const QJsonValue &message : messages) {
            const QJsonObject m = message.toObject();
            messagesOk = messagesOk && m.value(u"role").isString() && m.value(u"content").isString();
        }
        if (parseError.error != QJsonParseError::NoError || !body.value(u"model").isString() || !messagesOk) {
            ++m_owner->m_badRequests;
            return {400, errorBody(QStringLiteral("expected {\"model\": string, \"messages\": [{role, content}...]}"))};
        }
        const int number = ++m_owner->m_calls;
        const QString content = QStringLiteral("ack %1").arg(messages.size());
        const qint64 promptTokens = request.body.size() / 4;
        const qint64 completionTokens = 2;
        const QJsonObject reply{
            {QStringLiteral("id"), QStringLiteral("chatcmpl-bench-%1").arg(number)},
            {QStringLiteral("object"), QStringLiteral("chat.completion")},
            {QStringLiteral("created"), QDateTime::currentSecsSinceEpoch()},
            {QStringLiteral("model"), body.value(u"model").toString()},
            {QStringLiteral("choices"),
             QJsonArray{QJsonObject{
                 {QStringLiteral("index"), 0},
                 {QStringLiteral("message"), QJsonObject{{QStringLiteral("role"), QStringLiteral("assistant")},
                                                         {QStringLiteral("content"), content}}},
                 {QStringLiteral("finish_reason"), QStringLiteral("stop")}}}},
            {QStringLiteral("usage"), QJsonObject{{QStringLiteral("prompt_tokens"), promptTokens},
                                                  {QStringLiteral("completion_tokens"), completionTokens},
                                                  {QStringLiteral("total_tokens"), promptTokens + completionTokens}}},
        };
        return {200, QJsonDocument(reply).toJson(QJsonDocument::Compact)};
    }

    void write(QTcpSocket *socket, const Response &response, bool keepAlive)
    {
        QByteArray out =
            "HTTP/1.1 " + QByteArray::number(response.status) + ' ' + statusText(response.status) +
            "\r\nContent-Type: application/json\r\nContent-Length: " + QByteArray::number(response.body.size()) +
            (keepAlive ? "\r\nConnection: keep-alive\r\n\r\n" : "\r\nConnection: close\r\n\r\n");
        out += response.body;
        socket->write(out);
        if (!keepAlive)
            socket->disconnectFromHost();
    }

    ChatServer *const m_owner;
    QTcpServer *m_server = nullptr;
    QHash<QTcpSocket *, Connection> m_connections;
};

ChatServer::ChatServer(int latencyMs)
    : m_latencyMs(qMax(0, latencyMs))
{
    m_thread.setObjectName(QStringLiteral("bench-chat-server"));
}

ChatServer::~ChatServer()
{
    stop();
}

bool ChatServer::start(QString *error)
{
    if (m_worker)
        return true;
    m_worker = new ChatServerWorker(this);
    m_worker->moveToThread(&m_thread);
    QObject::connect(&m_thread, &QThread::finished, m_worker, &QObject::deleteLater);
    m_thread.start();
    bool ok = false;
    quint16 port = 0;
    QMetaObject::invokeMethod(
        m_worker,
        [this, &ok, &port, error] {
            ok = m_worker->listen(error);
            port = m_worker->port();
        },
        Qt::BlockingQueuedConnection);
    if (!ok) {
        stop();
        return false;
    }
    m_baseUrl = QUrl(QStringLiteral("http://127.0.0.1:%1/v1").arg(port));
    return true;
}

void ChatServer::stop()
{
    if (!m_worker)
        return;
    m_thread.quit();
    m_thread.wait(); // the worker, its server and sockets are deleted on their thread as it finishes
    m_worker = nullptr;
}

} // namespace switchboard::bench
