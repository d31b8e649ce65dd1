// The lean HTTP/1.1 transport ModelClient uses for plain http:// without a proxy, against a server the test
// scripts byte by byte: bodies by Content-Length and chunked, keep-alive reuse, connections the server closed
// while parked, a close in the middle of a reply (an error, and the request never sent twice), Connection:
// close, timeouts, and that a proxy (or https) sends the call through QtNetwork instead.
#include "llm/LeanHttpPool.h"
#include "llm/ModelClient.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMutex>
#include <QNetworkProxy>
#include <QTest>
#include <QThread>

#include <atomic>
#include <cerrno>
#include <functional>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/socket.h>
#include <thread>
#include <unistd.h>

using namespace switchboard;
using namespace Qt::StringLiterals;

namespace {

// What the server does with one request.
struct Action
{
    QList<QByteArray> writes; // each its own send()
    bool close = false;       // then close the connection
    bool hold = false;        // write nothing more and wait for the client to close
};

struct Received
{
    int connection = 0; // 1-based, in accept order
    QByteArray head;    // request line and headers
    QByteArray body;
};

// A blocking HTTP/1.1 server on 127.0.0.1 serving one connection at a time on its own thread: it reads each
// request whole (Content-Length) and answers with what the script returns.
class RawServer final
{
public:
    using Script = std::function<Action(const Received &request, int index)>;

    explicit RawServer(Script script)
        : m_script(std::move(script))
    {
        m_listen = ::socket(AF_INET, SOCK_STREAM, 0);
        sockaddr_in address{};
        address.sin_family = AF_INET;
        address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        const int one = 1;
        ::setsockopt(m_listen, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
        if (::bind(m_listen, reinterpret_cast<sockaddr *>(&address), sizeof address) != 0 ||
            ::listen(m_listen, 16) != 0)
            qFatal("RawServer cannot listen");
        socklen_t length = sizeof address;
        ::getsockname(m_listen, reinterpret_cast<sockaddr *>(&address), &length);
        m_port = ntohs(address.sin_port);
        m_thread = std::thread([this] { serve(); });
    }

    ~RawServer()
    {
        m_stopping = true;
        ::shutdown(m_listen, SHUT_RDWR);
        if (const int current = m_current.load(); current >= 0)
            ::shutdown(current, SHUT_RDWR);
        m_thread.join();
        ::close(m_listen);
    }

    quint16 port() const { return m_port; }
    QUrl baseUrl() const { return QUrl(u"http://127.0.0.1:%1/v1"_s.arg(m_port)); }
    llm::ModelEndpoint endpoint(bool stream) const
    {
        llm::ModelEndpoint endpoint;
        endpoint.api = llm::ApiKind::OpenAi;
        endpoint.baseUrl = baseUrl();
        endpoint.model = u"m"_s;
        endpoint.apiKey = u"sk-lean-test"_s;
        endpoint.stream = stream;
        return endpoint;
    }
    QList<Received> received() const
    {
        QMutexLocker lock(&m_mutex);
        return m_received;
    }
    int connections() const { return m_connections; }
    int closedConnections() const { return m_closed; }

private:
    void serve()
    {
        while (!m_stopping) {
            const int fd = ::accept(m_listen, nullptr, nullptr);
            if (fd < 0) {
                if (errno == EINTR)
                    continue;
                return;
            }
            const int one = 1;
            ::setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
            m_current = fd;
            const int connection = ++m_connections;
            handle(fd, connection);
            m_current = -1;
            ::close(fd);
            ++m_closed;
        }
    }

    void handle(int fd, int connection)
    {
        QByteArray buffer;
        char chunk[4096];
        while (!m_stopping) {
            qsizetype headEnd = buffer.indexOf("\r\n\r\n");
            while (headEnd < 0) {
                const auto n = ::recv(fd, chunk, sizeof chunk, 0);
                if (n <= 0)
                    return; // the client closed (or the test ends)
                buffer.append(chunk, n);
                headEnd = buffer.indexOf("\r\n\r\n");
            }
            Received request{connection, buffer.first(headEnd), {}};
            qsizetype length = 0;
            for (const QByteArray &line : request.head.split('\n'))
                if (line.toLower().startsWith("content-length:"))
                    length = line.mid(15).trimmed().toLongLong();
            while (buffer.size() < headEnd + 4 + length) {
                const auto n = ::recv(fd, chunk, sizeof chunk, 0);
                if (n <= 0)
                    return;
                buffer.append(chunk, n);
            }
            request.body = buffer.sliced(headEnd + 4, length);
            buffer.remove(0, headEnd + 4 + length);
            int index = 0;
            {
                QMutexLocker lock(&m_mutex);
                m_received.append(request);
                index = int(m_received.size()) - 1;
            }
            const Action action = m_script(request, index);
            for (const QByteArray &bytes : action.writes) {
                if (::send(fd, bytes.constData(), size_t(bytes.size()), MSG_NOSIGNAL) < 0)
                    return;
                QThread::msleep(2); // each write its own segment
            }
            if (action.close)
                return;
            if (action.hold) {
                while (::recv(fd, chunk, sizeof chunk, 0) > 0) {
                }
                return;
            }
        }
    }

    Script m_script;
    int m_listen = -1;
    quint16 m_port = 0;
    std::thread m_thread;
    std::atomic<bool> m_stopping{false};
    std::atomic<int> m_current{-1};
    std::atomic<int> m_connections{0};
    std::atomic<int> m_closed{0};
    mutable QMutex m_mutex;
    QList<Received> m_received;
};

QByteArray completion(const QString &text)
{
    const QJsonObject message{{u"role"_s, u"assistant"_s}, {u"content"_s, text}};
    const QJsonObject choice{{u"index"_s, 0}, {u"message"_s, message}, {u"finish_reason"_s, u"stop"_s}};
    return QJsonDocument(QJsonObject{{u"id"_s, u"c1"_s},
                                     {u"object"_s, u"chat.completion"_s},
                                     {u"model"_s, u"m"_s},
                                     {u"choices"_s, QJsonArray{choice}},
                                     {u"usage"_s, QJsonObject{{u"prompt_tokens"_s, 3}, {u"completion_tokens"_s, 2}}}})
        .toJson(QJsonDocument::Compact);
}

QByteArray head(const QByteArray &extra, qsizetype length)
{
    return "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n" + extra +
           "Content-Length: " + QByteArray::number(length) + "\r\n\r\n";
}

// A whole JSON answer with Content-Length, headers and body in separate writes.
Action answer(const QString &text, const QByteArray &extraHeaders = {})
{
    const QByteArray body = completion(text);
    return Action{{head(extraHeaders, body.size()), body}};
}

QByteArray chunk(const QByteArray &data)
{
    return QByteArray::number(data.size(), 16) + "\r\n" + data + "\r\n";
}

QByteArray delta(const QString &text)
{
    const QJsonObject choice{
        {u"index"_s, 0}, {u"delta"_s, QJsonObject{{u"content"_s, text}}}, {u"finish_reason"_s, QJsonValue::Null}};
    return "data: " +
           QJsonDocument(QJsonObject{{u"id"_s, u"c1"_s}, {u"model"_s, u"m"_s}, {u"choices"_s, QJsonArray{choice}}})
               .toJson(QJsonDocument::Compact) +
           "\n\n";
}

QByteArray finishEvent()
{
    const QJsonObject choice{{u"index"_s, 0}, {u"delta"_s, QJsonObject()}, {u"finish_reason"_s, u"stop"_s}};
    return "data: " +
           QJsonDocument(QJsonObject{{u"id"_s, u"c1"_s}, {u"model"_s, u"m"_s}, {u"choices"_s, QJsonArray{choice}}})
               .toJson(QJsonDocument::Compact) +
           "\n\n";
}

const QByteArray streamHead =
    "HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\nTransfer-Encoding: chunked\r\n\r\n";

llm::ChatRequest hello()
{
    llm::ChatRequest request;
    request.messages.append(llm::ChatMessage{llm::ChatMessage::Role::User, u"Say hello."_s, {}, {}, false});
    return request;
}

QString describe(const llm::ModelResult &result)
{
    if (const auto *error = std::get_if<llm::ModelError>(&result))
        return u"error %1: %2"_s.arg(llm::modelErrorKindName(error->kind), error->message);
    return u"reply '%1'"_s.arg(std::get<llm::ModelReply>(result).text);
}

QString textOf(const llm::ModelResult &result)
{
    const auto *reply = std::get_if<llm::ModelReply>(&result);
    return reply ? reply->text : describe(result);
}

} // namespace

class TestLeanHttp : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void plainHttpTakesTheLeanTransport();
    void contentLengthOverOneKeptConnection();
    void chunkedStreamInAwkwardPieces();
    void interimReplyAndBareLineEnds();
    void closeInTheMiddleOfTheBody_data();
    void closeInTheMiddleOfTheBody();
    void parkedConnectionClosedByTheServer();
    void reusedConnectionClosedBeforeAnyReplyByte();
    void reusedConnectionClosedAfterPartOfTheReply();
    void connectionCloseIsHonoured();
    void timedOutConnectionIsNotReused();
    void abortClosesTheConnection();
    void malformedReplies_data();
    void malformedReplies();
    void proxySendsTheCallThroughQtNetwork();

private:
    llm::LeanHttpPool::Counters m_before;
};

void TestLeanHttp::init()
{
    llm::LeanHttpPool::forThisThread().closeAll(); // no connection of an earlier test's server is reused
    m_before = llm::LeanHttpPool::forThisThread().counters();
    if (qgetenv("SWITCHBOARD_HTTP_CLIENT") == "qt")
        QSKIP("SWITCHBOARD_HTTP_CLIENT=qt: the lean transport is switched off");
}

void TestLeanHttp::cleanup()
{
    QNetworkProxy::setApplicationProxy(QNetworkProxy(QNetworkProxy::DefaultProxy));
    qunsetenv("http_proxy");
}

void TestLeanHttp::plainHttpTakesTheLeanTransport()
{
    llm::ModelEndpoint endpoint;
    endpoint.baseUrl = QUrl(u"http://127.0.0.1:8000/v1"_s);
    QCOMPARE(llm::ModelClient::transportFor(endpoint), llm::ModelClient::Transport::Lean);
    endpoint.baseUrl = QUrl(u"http://localhost:8000/v1"_s);
    QCOMPARE(llm::ModelClient::transportFor(endpoint), llm::ModelClient::Transport::Lean);
    endpoint.baseUrl = QUrl(u"http://models.example.invalid:8000/v1"_s);
    QCOMPARE(llm::ModelClient::transportFor(endpoint), llm::ModelClient::Transport::Lean);
    endpoint.baseUrl = QUrl(u"https://api.openai.com/v1"_s);
    QCOMPARE(llm::ModelClient::transportFor(endpoint), llm::ModelClient::Transport::QtNetwork);
    // A proxy in the environment sends non-local hosts through QtNetwork; a loopback one is never proxied.
    qputenv("http_proxy", "http://proxy.example.invalid:3128");
    endpoint.baseUrl = QUrl(u"http://models.example.invalid:8000/v1"_s);
    QCOMPARE(llm::ModelClient::transportFor(endpoint), llm::ModelClient::Transport::QtNetwork);
    endpoint.baseUrl = QUrl(u"http://127.0.0.1:8000/v1"_s);
    QCOMPARE(llm::ModelClient::transportFor(endpoint), llm::ModelClient::Transport::Lean);
}

void TestLeanHttp::contentLengthOverOneKeptConnection()
{
    RawServer server([](const Received &, int index) { return answer(u"answer %1"_s.arg(index)); });
    llm::ModelClient client(server.endpoint(false));
    for (int i = 0; i < 3; ++i)
        QCOMPARE(textOf(client.complete(hello())), u"answer %1"_s.arg(i));
    QCOMPARE(server.connections(), 1);
    const auto &counters = llm::LeanHttpPool::forThisThread().counters();
    QCOMPARE(counters.opened - m_before.opened, 1);
    QCOMPARE(counters.reused - m_before.reused, 2);
    // The request as the API expects it: one POST each, the key and the JSON body.
    const QList<Received> received = server.received();
    QCOMPARE(received.size(), 3);
    QVERIFY2(received[0].head.startsWith("POST /v1/chat/completions HTTP/1.1\r\n"), received[0].head.constData());
    QVERIFY(received[0].head.contains("\r\nAuthorization: Bearer sk-lean-test"));
    QVERIFY(received[0].head.contains(QByteArray("\r\nHost: 127.0.0.1:" + QByteArray::number(server.port()))));
    QCOMPARE(QJsonDocument::fromJson(received[0].body).object().value(u"model"_s).toString(), u"m"_s);
}

void TestLeanHttp::chunkedStreamInAwkwardPieces()
{
    RawServer server([](const Received &, int) {
        // Chunk-size lines and events cut across writes, a chunk extension, and a trailer.
        const QByteArray events = delta(u"Hel"_s) + delta(u"lo, wörld"_s) + finishEvent() + "data: [DONE]\n\n";
        const QByteArray first = events.left(50);
        const QByteArray second = events.mid(50);
        const QByteArray body = chunk(first) + QByteArray::number(second.size(), 16) + ";ext=1\r\n" + second + "\r\n" +
                                "0\r\nX-Trailer: yes\r\n\r\n";
        Action action;
        action.writes.append(streamHead + body.left(3));
        for (qsizetype at = 3; at < body.size(); at += 7)
            action.writes.append(body.mid(at, 7));
        return action;
    });
    llm::ModelClient client(server.endpoint(true));
    QString live;
    int heartbeats = 0;
    const llm::ModelResult first =
        client.complete(hello(), llm::StreamSink{[&](const QString &text) { live += text; }, [&] { ++heartbeats; }});
    QCOMPARE(textOf(first), u"Hello, wörld"_s);
    QCOMPARE(live, u"Hello, wörld"_s);
    QVERIFY(heartbeats > 1); // the pieces arrived one by one, not at the end
    // The chunked reply was read to its end: the connection is reused.
    QCOMPARE(textOf(client.complete(hello())), u"Hello, wörld"_s);
    QCOMPARE(server.connections(), 1);
}

void TestLeanHttp::interimReplyAndBareLineEnds()
{
    RawServer server([](const Received &, int) {
        const QByteArray body = completion(u"after continue"_s);
        return Action{
            {"HTTP/1.1 100 Continue\r\n\r\n", "HTTP/1.1 200 OK\nContent-Type: application/json\nContent-Length: " +
                                                  QByteArray::number(body.size()) + "\n\n" + body}};
    });
    llm::ModelClient client(server.endpoint(false));
    QCOMPARE(textOf(client.complete(hello())), u"after continue"_s);
}

void TestLeanHttp::closeInTheMiddleOfTheBody_data()
{
    QTest::addColumn<bool>("stream");
    QTest::newRow("content-length") << false;
    QTest::newRow("chunked") << true;
}

void TestLeanHttp::closeInTheMiddleOfTheBody()
{
    QFETCH(bool, stream);
    RawServer server([stream](const Received &, int) {
        if (stream)
            return Action{{streamHead, chunk(delta(u"partial"_s)), "40\r\ndata: {\"cho"}, true};
        const QByteArray body = completion(u"never whole"_s);
        return Action{{head({}, body.size()), body.left(10)}, true};
    });
    llm::ModelClient client(server.endpoint(stream));
    const llm::ModelResult result = client.complete(hello());
    QVERIFY2(std::holds_alternative<llm::ModelError>(result), qPrintable(describe(result)));
    const auto &error = std::get<llm::ModelError>(result);
    QCOMPARE(error.kind, llm::ModelError::Kind::StreamCut);
    QVERIFY(error.isRetryable());
    QVERIFY2(error.message.contains(stream ? u"in the middle of a chunked body"_s : u"after 10 of "_s),
             qPrintable(error.message));
    QCOMPARE(server.received().size(), 1); // reported, never sent again
}

void TestLeanHttp::parkedConnectionClosedByTheServer()
{
    // The server closes every connection after its reply, without saying so (as servers with a short
    // keep-alive timeout do): the parked connection is found closed before the next request is written to it.
    RawServer server([](const Received &, int index) {
        Action action = answer(u"answer %1"_s.arg(index));
        action.close = true;
        return action;
    });
    llm::ModelClient client(server.endpoint(false));
    QCOMPARE(textOf(client.complete(hello())), u"answer 0"_s);
    QTRY_COMPARE(server.closedConnections(), 1);
    QCOMPARE(textOf(client.complete(hello())), u"answer 1"_s);
    const auto &counters = llm::LeanHttpPool::forThisThread().counters();
    QCOMPARE(counters.stale - m_before.stale, 1);
    QCOMPARE(counters.retried - m_before.retried, 0);
    const QList<Received> received = server.received();
    QCOMPARE(received.size(), 2);
    QCOMPARE(received[0].connection, 1);
    QCOMPARE(received[1].connection, 2);
}

void TestLeanHttp::reusedConnectionClosedBeforeAnyReplyByte()
{
    // The server takes the second request on the kept connection and closes it without a byte of reply (it
    // timed the connection out as the request came): sent once more, on a new connection.
    RawServer server([](const Received &request, int index) {
        if (index == 1 && request.connection == 1)
            return Action{{}, true};
        return answer(u"answer %1"_s.arg(index));
    });
    llm::ModelClient client(server.endpoint(false));
    QCOMPARE(textOf(client.complete(hello())), u"answer 0"_s);
    QCOMPARE(textOf(client.complete(hello())), u"answer 2"_s);
    QCOMPARE(llm::LeanHttpPool::forThisThread().counters().retried - m_before.retried, 1);
    const QList<Received> received = server.received();
    QCOMPARE(received.size(), 3);
    QCOMPARE(received[2].connection, 2);
}

void TestLeanHttp::reusedConnectionClosedAfterPartOfTheReply()
{
    // Once a byte of the reply came, a failure is the caller's to see: the POST is not sent a second time.
    RawServer server([](const Received &, int index) {
        if (index == 1)
            return Action{{"HTTP/1.1 200 OK\r\nContent-Type: appl"}, true};
        return answer(u"answer %1"_s.arg(index));
    });
    llm::ModelClient client(server.endpoint(false));
    QCOMPARE(textOf(client.complete(hello())), u"answer 0"_s);
    const llm::ModelResult result = client.complete(hello());
    QVERIFY2(std::holds_alternative<llm::ModelError>(result), qPrintable(describe(result)));
    QCOMPARE(std::get<llm::ModelError>(result).kind, llm::ModelError::Kind::Network);
    QVERIFY2(std::get<llm::ModelError>(result).message.contains(server.baseUrl().toString()),
             qPrintable(std::get<llm::ModelError>(result).message));
    QCOMPARE(server.received().size(), 2);
    QCOMPARE(llm::LeanHttpPool::forThisThread().counters().retried - m_before.retried, 0);
}

void TestLeanHttp::connectionCloseIsHonoured()
{
    // The server says "Connection: close" but leaves the socket open: the client must not send another
    // request on it.
    RawServer server([](const Received &, int index) {
        Action action = answer(u"answer %1"_s.arg(index), "Connection: close\r\n");
        action.hold = true;
        return action;
    });
    llm::ModelClient client(server.endpoint(false));
    QCOMPARE(textOf(client.complete(hello())), u"answer 0"_s);
    QCOMPARE(textOf(client.complete(hello())), u"answer 1"_s);
    const QList<Received> received = server.received();
    QCOMPARE(received.size(), 2);
    QCOMPARE(received[1].connection, 2);
    QCOMPARE(llm::LeanHttpPool::forThisThread().counters().reused - m_before.reused, 0);
}

void TestLeanHttp::timedOutConnectionIsNotReused()
{
    // The first request gets headers and part of the body, then silence: the idle timeout ends the call, and the
    // next call does not read the rest of that reply as its own.
    RawServer server([](const Received &, int index) {
        if (index == 0) {
            const QByteArray body = completion(u"slow"_s);
            Action action{{head({}, body.size()), body.left(5)}};
            action.hold = true;
            return action;
        }
        return answer(u"answer %1"_s.arg(index));
    });
    llm::ModelEndpoint endpoint = server.endpoint(false);
    endpoint.idleTimeoutMs = 300;
    llm::ModelClient client(endpoint);
    const llm::ModelResult result = client.complete(hello());
    QVERIFY2(std::holds_alternative<llm::ModelError>(result), qPrintable(describe(result)));
    QCOMPARE(std::get<llm::ModelError>(result).kind, llm::ModelError::Kind::Timeout);
    QVERIFY2(std::get<llm::ModelError>(result).message.contains(u"silent"_s),
             qPrintable(std::get<llm::ModelError>(result).message));
    llm::ModelClient next(endpoint);
    QCOMPARE(textOf(next.complete(hello())), u"answer 1"_s);
    QCOMPARE(server.received().value(1).connection, 2);
}

void TestLeanHttp::abortClosesTheConnection()
{
    RawServer server([](const Received &, int) { return Action{{}, false, true}; });
    llm::ModelClient client(server.endpoint(true));
    std::thread canceller([&] {
        while (server.received().isEmpty())
            QThread::msleep(5);
        client.abort();
    });
    const llm::ModelResult result = client.complete(hello());
    canceller.join();
    QVERIFY2(std::holds_alternative<llm::ModelError>(result), qPrintable(describe(result)));
    QCOMPARE(std::get<llm::ModelError>(result).kind, llm::ModelError::Kind::Cancelled);
    QTRY_COMPARE(server.closedConnections(), 1); // the server saw the connection go: nothing left half-read
    QCOMPARE(llm::LeanHttpPool::forThisThread().parked(), 0);
}

void TestLeanHttp::malformedReplies_data()
{
    QTest::addColumn<QByteArray>("reply");
    QTest::addColumn<QString>("messagePart");
    QTest::newRow("status-line") << QByteArray("HTTP/1.1 2xx OK\r\n\r\n") << u"status line"_s;
    QTest::newRow("header-line") << QByteArray("HTTP/1.1 200 OK\r\nno colon here\r\n\r\n") << u"header line"_s;
    QTest::newRow("content-length") << QByteArray("HTTP/1.1 200 OK\r\nContent-Length: ten\r\n\r\n")
                                    << u"Content-Length"_s;
    QTest::newRow("chunk-size") << QByteArray("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n"
                                              "Transfer-Encoding: chunked\r\n\r\nzz\r\n")
                                << u"chunk size"_s;
    QTest::newRow("not-http") << QByteArray("SSH-2.0-OpenSSH_9.2\r\n") << u"not HTTP"_s;
}

void TestLeanHttp::malformedReplies()
{
    QFETCH(QByteArray, reply);
    QFETCH(QString, messagePart);
    RawServer server([reply](const Received &, int) { return Action{{reply}, false, true}; });
    llm::ModelClient client(server.endpoint(false));
    const llm::ModelResult result = client.complete(hello());
    QVERIFY2(std::holds_alternative<llm::ModelError>(result), qPrintable(describe(result)));
    const auto &error = std::get<llm::ModelError>(result);
    QCOMPARE(error.kind, llm::ModelError::Kind::Protocol);
    QVERIFY2(error.message.contains(messagePart), qPrintable(error.message));
    QVERIFY2(error.message.contains(server.baseUrl().toString()), qPrintable(error.message));
    QCOMPARE(server.received().size(), 1);
}

void TestLeanHttp::proxySendsTheCallThroughQtNetwork()
{
    // The server plays an HTTP proxy: QtNetwork sends it the absolute URL of the model server.
    RawServer proxy([](const Received &, int) { return answer(u"via the proxy"_s); });
    QNetworkProxy::setApplicationProxy(QNetworkProxy(QNetworkProxy::HttpProxy, u"127.0.0.1"_s, proxy.port()));
    llm::ModelEndpoint endpoint = proxy.endpoint(false);
    endpoint.baseUrl = QUrl(u"http://models.example.invalid:8000/v1"_s);
    QCOMPARE(llm::ModelClient::transportFor(endpoint), llm::ModelClient::Transport::QtNetwork);
    llm::ModelClient client(endpoint);
    QCOMPARE(textOf(client.complete(hello())), u"via the proxy"_s);
    const QList<Received> received = proxy.received();
    QCOMPARE(received.size(), 1);
    QVERIFY2(received[0].head.startsWith("POST http://models.example.invalid:8000/v1/chat/completions HTTP/1.1"),
             received[0].head.constData());
    QCOMPARE(llm::LeanHttpPool::forThisThread().counters().opened, m_before.opened);
}

QTEST_GUILESS_MAIN(TestLeanHttp)
#include "tst_leanhttp.moc"
