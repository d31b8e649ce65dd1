#include "ChatServer.h"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/epoll.h>
#include <sys/eventfd.h>
#include <sys/prctl.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cctype>
#include <cerrno>
#include <charconv>
#include <cstring>
#include <ctime>
#include <deque>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace switchboard::bench {

namespace {
constexpr std::size_t kMaxRequestBytes = 16 * 1024 * 1024;
constexpr std::size_t kMaxHeaderBytes = 64 * 1024;
constexpr int kMaxJsonDepth = 64;

qint64 monotonicNs()
{
    timespec ts{};
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return static_cast<qint64>(ts.tv_sec) * 1'000'000'000 + ts.tv_nsec;
}

double cpuMsOf(clockid_t clock)
{
    timespec ts{};
    if (clock_gettime(clock, &ts) != 0)
        return 0.0;
    return static_cast<double>(ts.tv_sec) * 1000.0 + static_cast<double>(ts.tv_nsec) / 1e6;
}

QString systemError(const char *what)
{
    return QString::fromLatin1(what) + QStringLiteral(": ") + QString::fromLocal8Bit(std::strerror(errno));
}

bool equalsIgnoringCase(std::string_view a, std::string_view b)
{
    if (a.size() != b.size())
        return false;
    for (std::size_t i = 0; i < a.size(); ++i) {
        const char x = (a[i] >= 'A' && a[i] <= 'Z') ? static_cast<char>(a[i] + ('a' - 'A')) : a[i];
        if (x != b[i]) // b is lower case
            return false;
    }
    return true;
}

std::string_view trimmed(std::string_view s)
{
    while (!s.empty() && (s.front() == ' ' || s.front() == '\t'))
        s.remove_prefix(1);
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r'))
        s.remove_suffix(1);
    return s;
}

void appendNumber(std::string &out, qint64 value)
{
    char digits[24];
    const auto end = std::to_chars(digits, digits + sizeof digits, value).ptr;
    out.append(digits, end);
}

// A strict JSON reader (RFC 8259 grammar; UTF-8 is passed through unchecked) for one chat
// request: it checks the whole body is one valid JSON value and finds what the reply needs.
class ChatRequestReader
{
public:
    explicit ChatRequestReader(std::string_view text)
        : m_p(text.data())
        , m_end(text.data() + text.size())
    {}

    // {"model": string, "messages": [{"role": string, "content": string, ...}, ...], ...}
    bool read()
    {
        skipSpace();
        const bool ok = object([this](std::string_view key) {
            if (key == "model") {
                const char *start = m_p;
                if (!string(nullptr))
                    return false;
                m_modelToken = std::string_view(start, static_cast<std::size_t>(m_p - start));
                return true;
            }
            return key == "messages" ? messages() : value(1);
        });
        skipSpace();
        return ok && m_p == m_end && !m_modelToken.empty() && m_messages > 0;
    }

    std::string_view modelToken() const { return m_modelToken; } // with its quotes, still escaped
    int messageCount() const { return m_messages; }
    int toolResultCount() const { return m_toolResults; } // messages of role "tool"

private:
    bool messages()
    {
        if (!take('['))
            return false;
        skipSpace();
        if (take(']'))
            return true;
        do {
            skipSpace();
            if (!message())
                return false;
            ++m_messages;
            skipSpace();
        } while (take(','));
        return take(']');
    }

    // {"role": string, "content": string | null, ...}: an assistant turn with tool_calls has null content.
    bool message()
    {
        std::string_view role;
        bool hasRole = false;
        bool content = false;
        const bool ok = object([this, &role, &hasRole, &content](std::string_view key) {
            if (key == "role") {
                hasRole = true;
                return string(&role);
            }
            if (key != "content")
                return value(2);
            content = true;
            return literal("null") || string(nullptr);
        });
        if (role == "tool")
            ++m_toolResults;
        return ok && hasRole && content;
    }

    // '{' members '}' at the current position; member(key) is called with the position at the member's value
    // and must consume it.
    template<typename Member> bool object(Member member)
    {
        if (!take('{'))
            return false;
        skipSpace();
        if (take('}'))
            return true;
        do {
            skipSpace();
            std::string_view key;
            if (!string(&key))
                return false;
            skipSpace();
            if (!take(':'))
                return false;
            skipSpace();
            if (!member(key))
                return false;
            skipSpace();
        } while (take(','));
        return take('}');
    }

    bool value(int depth)
    {
        if (m_p == m_end || depth > kMaxJsonDepth)
            return false;
        switch (*m_p) {
        case '"':
            return string(nullptr);
        case '{':
            return object([this, depth](std::string_view) { return value(depth + 1); });
        case '[':
            ++m_p;
            skipSpace();
            if (take(']'))
                return true;
            do {
                skipSpace();
                if (!value(depth + 1))
                    return false;
                skipSpace();
            } while (take(','));
            return take(']');
        case 't':
            return literal("true");
        case 'f':
            return literal("false");
        case 'n':
            return literal("null");
        default:
            return number();
        }
    }

    // A string token; *raw gets its content between the quotes, escapes left as they are.
    bool string(std::string_view *raw)
    {
        if (!take('"'))
            return false;
        const char *start = m_p;
        while (m_p != m_end) {
            const auto c = static_cast<unsigned char>(*m_p);
            if (c == '"') {
                if (raw)
                    *raw = std::string_view(start, static_cast<std::size_t>(m_p - start));
                ++m_p;
                return true;
            }
            if (c < 0x20)
                return false;
            ++m_p;
            if (c != '\\')
                continue;
            if (m_p == m_end)
                return false;
            const char e = *m_p++;
            if (e == 'u') {
                for (int i = 0; i < 4; ++i, ++m_p) {
                    if (m_p == m_end || !std::isxdigit(static_cast<unsigned char>(*m_p)))
                        return false;
                }
            } else if (std::strchr("\"\\/bfnrt", e) == nullptr || e == '\0') {
                return false;
            }
        }
        return false;
    }

    bool number()
    {
        take('-');
        if (take('0')) {
        } else if (!digits()) {
            return false;
        }
        if (take('.') && !digits())
            return false;
        if (m_p != m_end && (*m_p == 'e' || *m_p == 'E')) {
            ++m_p;
            if (!take('+'))
                take('-');
            if (!digits())
                return false;
        }
        return true;
    }

    bool digits()
    {
        const char *start = m_p;
        while (m_p != m_end && *m_p >= '0' && *m_p <= '9')
            ++m_p;
        return m_p != start;
    }

    bool literal(std::string_view word)
    {
        if (static_cast<std::size_t>(m_end - m_p) < word.size() || std::string_view(m_p, word.size()) != word)
            return false;
        m_p += word.size();
        return true;
    }

    bool take(char c)
    {
        if (m_p == m_end || *m_p != c)
            return false;
        ++m_p;
        return true;
    }

    void skipSpace()
    {
        while (m_p != m_end && (*m_p == ' ' || *m_p == '\n' || *m_p == '\r' || *m_p == '\t'))
            ++m_p;
    }

    const char *m_p;
    const char *const m_end;
    std::string_view m_modelToken;
    int m_messages = 0;
    int m_toolResults = 0;
};

struct Request
{
    std::string_view method;
    std::string_view path;
    std::string_view body;
    bool http11 = true;
    bool keepAlive = true;
};

enum class Parse
{
    NeedMore,
    Done,
    Malformed
};

// Reads one complete request at the front of `buffer` (views into it); *length is its size.
Parse parseRequest(std::string_view buffer, Request *request, std::size_t *length)
{
    const std::size_t headerEnd = buffer.find("\r\n\r\n");
    if (headerEnd == std::string_view::npos)
        return buffer.size() > kMaxHeaderBytes ? Parse::Malformed : Parse::NeedMore;
    std::string_view head = buffer.substr(0, headerEnd + 2); // every line ends with \r\n
    const std::size_t lineEnd = head.find("\r\n");
    const std::string_view requestLine = head.substr(0, lineEnd);
    head.remove_prefix(lineEnd + 2);
    const std::size_t space1 = requestLine.find(' ');
    const std::size_t space2 = space1 == std::string_view::npos ? space1 : requestLine.find(' ', space1 + 1);
    if (space2 == std::string_view::npos || requestLine.find(' ', space2 + 1) != std::string_view::npos)
        return Parse::Malformed;
    const std::string_view version = requestLine.substr(space2 + 1);
    if (version != "HTTP/1.1" && version != "HTTP/1.0")
        return Parse::Malformed;
    request->method = requestLine.substr(0, space1);
    request->path = requestLine.substr(space1 + 1, space2 - space1 - 1);
    request->http11 = version == "HTTP/1.1";
    request->keepAlive = request->http11;
    std::size_t contentLength = 0;
    while (!head.empty()) {
        const std::size_t end = head.find("\r\n");
        const std::string_view line = head.substr(0, end);
        head.remove_prefix(end + 2);
        const std::size_t colon = line.find(':');
        if (colon == 0 || colon == std::string_view::npos)
            return Parse::Malformed;
        const std::string_view name = line.substr(0, colon);
        const std::string_view value = trimmed(line.substr(colon + 1));
        if (equalsIgnoringCase(name, "content-length")) {
            const auto [ptr, ec] = std::from_chars(value.data(), value.data() + value.size(), contentLength);
            if (ec != std::errc() || ptr != value.data() + value.size() || value.empty() ||
                contentLength > kMaxRequestBytes)
                return Parse::Malformed;
        } else if (equalsIgnoringCase(name, "connection")) {
            if (equalsIgnoringCase(value, "close"))
                request->keepAlive = false;
            else if (equalsIgnoringCase(value, "keep-alive"))
                request->keepAlive = true;
        } else if (equalsIgnoringCase(name, "transfer-encoding")) {
            return Parse::Malformed; // chat clients send a Content-Length; chunked bodies are not served here
        }
    }
    const std::size_t total = headerEnd + 4 + contentLength;
    if (buffer.size() < total)
        return Parse::NeedMore;
    request->body = buffer.substr(headerEnd + 4, contentLength);
    *length = total;
    return Parse::Done;
}

void appendErrorBody(std::string &out, std::string_view message)
{
    out += R"({"error":{"message":")";
    out += message;
    out += R"(","type":"invalid_request_error"}})";
}
} // namespace

// The server thread's state: everything here is touched by that thread only.
class ChatServer::Loop
{
public:
    Loop(ChatServer *owner, int listenFd, int epollFd)
        : m_owner(owner)
        , m_listen(listenFd)
        , m_epoll(epollFd)
        , m_latencyNs(static_cast<qint64>(owner->m_latencyMs) * 1'000'000)
    {}

    ~Loop()
    {
        for (const auto &[id, connection] : m_connections)
            ::close(connection.fd);
    }

    void run()
    {
        constexpr quint64 kListenTag = 0;
        constexpr quint64 kWakeTag = 1;
        epoll_event events[128];
        for (;;) {
            timespec timeout{};
            timespec *wait = nullptr;
            if (!m_due.empty()) {
                const qint64 left = qMax<qint64>(0, m_due.front().dueNs - monotonicNs());
                timeout.tv_sec = static_cast<time_t>(left / 1'000'000'000);
                timeout.tv_nsec = static_cast<long>(left % 1'000'000'000);
                wait = &timeout;
            }
            const int n = waitForEvents(events, static_cast<int>(std::size(events)), wait);
            if (n < 0 && errno != EINTR)
                return;
            for (int i = 0; i < n; ++i) {
                const quint64 tag = events[i].data.u64;
                if (tag == kWakeTag)
                    return;
                if (tag == kListenTag)
                    accept();
                else
                    handleEvent(tag, events[i].events);
            }
            sendDueReplies();
        }
    }

private:
    // epoll_pwait2 (Linux 5.11) waits to the nanosecond: the replies go out at their due time, not
    // up to a millisecond later as a millisecond timeout rounded up would make them.
    int waitForEvents(epoll_event *events, int size, const timespec *timeout)
    {
        if (!m_noPwait2) {
            const int n = ::epoll_pwait2(m_epoll, events, size, timeout, nullptr);
            if (n >= 0 || errno != ENOSYS)
                return n;
            m_noPwait2 = true;
        }
        const int ms =
            timeout ? static_cast<int>((timeout->tv_sec * 1'000'000'000 + timeout->tv_nsec + 999'999) / 1'000'000) : -1;
        return ::epoll_wait(m_epoll, events, size, ms);
    }

    struct Connection
    {
        quint64 id = 0;
        int fd = -1;
        std::string in;            // bytes received and not yet answered
        std::string out;           // reply bytes the socket did not take yet
        bool replyPending = false; // HTTP/1.1 answers in order: parse the next request after this reply
        bool closeAfterReply = false;
        bool outBlocked = false; // EPOLLOUT asked for
    };

    struct Due
    {
        qint64 dueNs;
        quint64 connection;
        std::string reply;
        bool keepAlive;
    };

    void accept()
    {
        for (;;) {
            const int fd = ::accept4(m_listen, nullptr, nullptr, SOCK_NONBLOCK | SOCK_CLOEXEC);
            if (fd < 0)
                return;
            const int one = 1;
            ::setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
            const quint64 id = m_nextId++;
            epoll_event event{};
            event.events = EPOLLIN | EPOLLRDHUP;
            event.data.u64 = id;
            if (::epoll_ctl(m_epoll, EPOLL_CTL_ADD, fd, &event) != 0) {
                ::close(fd);
                continue;
            }
            ++m_owner->m_connections;
            Connection &connection = m_connections[id];
            connection.id = id;
            connection.fd = fd;
        }
    }

    void handleEvent(quint64 id, quint32 events)
    {
        const auto it = m_connections.find(id);
        if (it == m_connections.end())
            return;
        Connection &connection = it->second;
        if (events & EPOLLOUT) {
            if (!flush(connection)) {
                close(it);
                return;
            }
            if (connection.out.empty() && connection.closeAfterReply && !connection.replyPending) {
                close(it);
                return;
            }
        }
        if (events & (EPOLLIN | EPOLLRDHUP | EPOLLHUP | EPOLLERR)) {
            char chunk[16 * 1024];
            for (;;) {
                const ssize_t got = ::read(connection.fd, chunk, sizeof chunk);
                if (got > 0) {
                    connection.in.append(chunk, static_cast<std::size_t>(got));
                    if (static_cast<std::size_t>(got) < sizeof chunk)
                        break;
                    continue;
                }
                if (got < 0 && (errno == EAGAIN || errno == EINTR))
                    break;
                close(it); // the peer closed (or reset): a reply still due for it is dropped
                return;
            }
            if (!connection.replyPending)
                takeRequest(id, connection);
        }
    }

    void takeRequest(quint64 id, Connection &connection)
    {
        Request request;
        std::size_t length = 0;
        const Parse parse = parseRequest(connection.in, &request, &length);
        if (parse == Parse::NeedMore)
            return;
        std::string reply;
        reply.reserve(512);
        if (parse == Parse::Malformed) {
            ++m_owner->m_badRequests;
            std::string body;
            appendErrorBody(body, "malformed HTTP request");
            appendHead(reply, 400, body.size(), false, true);
            reply += body;
            connection.in.clear();
            connection.closeAfterReply = true;
            connection.out += reply;
            if (!flush(connection) || connection.out.empty())
                close(m_connections.find(id));
            return;
        }
        answer(request, &reply);
        connection.in.erase(0, length);
        connection.replyPending = true;
        connection.closeAfterReply = !request.keepAlive;
        // The latency is the model "thinking": the reply waits in the queue, the thread goes on.
        m_due.push_back(Due{monotonicNs() + m_latencyNs, id, std::move(reply), request.keepAlive});
    }

    void answer(const Request &request, std::string *reply)
    {
        std::string body;
        body.reserve(384);
        int status = 200;
        ChatRequestReader reader(request.body);
        if (request.method != "POST" || !request.path.ends_with("/chat/completions")) {
            status = 404;
            appendErrorBody(body, "only POST .../chat/completions is served here");
        } else if (!reader.read()) {
            status = 400;
            appendErrorBody(body, R"(expected {\"model\": string, \"messages\": [{role, content}...]})");
        }
        if (status != 200) {
            ++m_owner->m_badRequests;
        } else {
            const int number = ++m_owner->m_calls;
            const auto promptTokens = static_cast<qint64>(request.body.size() / 4);
            constexpr qint64 completionTokens = 2;
            body += R"({"id":"chatcmpl-bench-)";
            appendNumber(body, number);
            body += R"(","object":"chat.completion","created":)";
            appendNumber(body, static_cast<qint64>(std::time(nullptr)));
            body += R"(,"model":)";
            body += reader.modelToken();
            if (reader.toolResultCount() < m_owner->m_toolRounds) {
                // An agent loop's round: one update_progress call, answered by a tool message next time.
                const int round = reader.toolResultCount() + 1;
                body += R"(,"choices":[{"index":0,"message":{"role":"assistant","content":null,"tool_calls":[)";
                body += R"({"id":"call_)";
                appendNumber(body, number);
                body += R"(","type":"function","function":{"name":"update_progress","arguments":")";
                body += R"({\"percent\":)";
                appendNumber(body, round * 100 / (m_owner->m_toolRounds + 1));
                body += R"(,\"step\":\"round )";
                appendNumber(body, round);
                body += R"(\"}"}}]},"finish_reason":"tool_calls"}],"usage":{"prompt_tokens":)";
            } else {
                body += R"(,"choices":[{"index":0,"message":{"role":"assistant","content":"ack )";
                appendNumber(body, reader.messageCount());
                body += R"("},"finish_reason":"stop"}],"usage":{"prompt_tokens":)";
            }
            appendNumber(body, promptTokens);
            body += R"(,"completion_tokens":)";
            appendNumber(body, completionTokens);
            body += R"(,"total_tokens":)";
            appendNumber(body, promptTokens + completionTokens);
            body += "}}";
        }
        appendHead(*reply, status, body.size(), request.keepAlive, request.http11);
        *reply += body;
    }

    // Only the headers a client needs. Keep-alive is HTTP/1.1's default, so it is said only to an
    // HTTP/1.0 client; this matters more than it looks: QtNetwork reads a plain-HTTP reply's headers
    // one byte per read() system call.
    static void appendHead(std::string &out, int status, std::size_t length, bool keepAlive, bool http11)
    {
        out += status == 200 ? "HTTP/1.1 200 OK\r\n"
                             : (status == 404 ? "HTTP/1.1 404 Not Found\r\n" : "HTTP/1.1 400 Bad Request\r\n");
        out += "Content-Type: application/json\r\nContent-Length: ";
        appendNumber(out, static_cast<qint64>(length));
        if (!keepAlive)
            out += "\r\nConnection: close";
        else if (!http11)
            out += "\r\nConnection: keep-alive";
        out += "\r\n\r\n";
    }

    void sendDueReplies()
    {
        const qint64 now = monotonicNs();
        while (!m_due.empty() && m_due.front().dueNs <= now) {
            Due due = std::move(m_due.front());
            m_due.pop_front();
            const auto it = m_connections.find(due.connection);
            if (it == m_connections.end())
                continue; // the client went away while it waited
            m_owner->m_lateness.append(static_cast<double>(now - due.dueNs) / 1e6);
            Connection &connection = it->second;
            connection.replyPending = false;
            connection.out += due.reply;
            if (!flush(connection)) {
                close(it);
                continue;
            }
            if (!due.keepAlive) {
                if (connection.out.empty())
                    close(it);
                continue;
            }
            if (!connection.in.empty())
                takeRequest(due.connection, connection); // a request that arrived while this one was pending
        }
    }

    // Writes what the socket takes; asks for EPOLLOUT while some is left. False on a dead socket.
    bool flush(Connection &connection)
    {
        const bool wasBlocked = connection.outBlocked;
        while (!connection.out.empty()) {
            const ssize_t sent = ::send(connection.fd, connection.out.data(), connection.out.size(), MSG_NOSIGNAL);
            if (sent < 0) {
                if (errno == EINTR)
                    continue;
                if (errno != EAGAIN)
                    return false;
                break;
            }
            connection.out.erase(0, static_cast<std::size_t>(sent));
        }
        connection.outBlocked = !connection.out.empty();
        if (connection.outBlocked != wasBlocked) {
            epoll_event event{};
            event.events = EPOLLIN | EPOLLRDHUP | (connection.outBlocked ? EPOLLOUT : 0u);
            event.data.u64 = connection.id;
            ::epoll_ctl(m_epoll, EPOLL_CTL_MOD, connection.fd, &event);
        }
        return true;
    }

    void close(std::unordered_map<quint64, Connection>::iterator it)
    {
        if (it == m_connections.end())
            return;
        ::close(it->second.fd); // also takes it out of the epoll set
        m_connections.erase(it);
    }

    ChatServer *const m_owner;
    const int m_listen;
    const int m_epoll;
    const qint64 m_latencyNs;
    quint64 m_nextId = 2; // 0 and 1 tag the listening socket and the wake-up eventfd
    std::unordered_map<quint64, Connection> m_connections;
    std::deque<Due> m_due; // in due order: every reply waits the same latency
    bool m_noPwait2 = false;
};

ChatServer::ChatServer(int latencyMs, int toolRounds)
    : m_latencyMs(qMax(0, latencyMs))
    , m_toolRounds(qMax(0, toolRounds))
{}

ChatServer::~ChatServer()
{
    stop();
}

bool ChatServer::start(QString *error)
{
    if (m_running)
        return true;
    const int listenFd = ::socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
    const int epollFd = ::epoll_create1(EPOLL_CLOEXEC);
    m_wakeFd = ::eventfd(0, EFD_NONBLOCK | EFD_CLOEXEC);
    const auto fail = [&](const char *what) {
        *error = systemError(what);
        for (const int fd : {listenFd, epollFd, m_wakeFd}) {
            if (fd >= 0)
                ::close(fd);
        }
        m_wakeFd = -1;
        return false;
    };
    if (listenFd < 0 || epollFd < 0 || m_wakeFd < 0)
        return fail("socket/epoll/eventfd");
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    address.sin_port = 0;
    socklen_t size = sizeof address;
    // 64 agents connect at once; a short backlog would drop SYNs and cost a 1 s retry.
    if (::bind(listenFd, reinterpret_cast<sockaddr *>(&address), sizeof address) != 0 ||
        ::listen(listenFd, 1024) != 0 || ::getsockname(listenFd, reinterpret_cast<sockaddr *>(&address), &size) != 0)
        return fail("listen on 127.0.0.1");
    epoll_event event{};
    event.events = EPOLLIN;
    event.data.u64 = 0;
    if (::epoll_ctl(epollFd, EPOLL_CTL_ADD, listenFd, &event) != 0)
        return fail("epoll_ctl");
    event.data.u64 = 1;
    if (::epoll_ctl(epollFd, EPOLL_CTL_ADD, m_wakeFd, &event) != 0)
        return fail("epoll_ctl");

    m_lateness.clear();
    m_lateness.reserve(4096);
    m_running = true;
    m_thread = std::thread([this, listenFd, epollFd] {
        pthread_setname_np(pthread_self(), "bench-chat-serv");
        // The default 50 us timer slack would let every reply leave up to 50 us after its due time.
        prctl(PR_SET_TIMERSLACK, 1UL, 0UL, 0UL, 0UL);
        {
            Loop loop(this, listenFd, epollFd);
            loop.run();
        }
        ::close(listenFd);
        ::close(epollFd);
        m_finalCpuMs = cpuMsOf(CLOCK_THREAD_CPUTIME_ID);
    });
    pthread_getcpuclockid(m_thread.native_handle(), &m_cpuClock);
    m_baseUrl = QUrl(QStringLiteral("http://127.0.0.1:%1/v1").arg(ntohs(address.sin_port)));
    return true;
}

void ChatServer::stop()
{
    if (!m_running)
        return;
    const quint64 one = 1;
    [[maybe_unused]] const ssize_t written = ::write(m_wakeFd, &one, sizeof one);
    m_thread.join();
    ::close(m_wakeFd);
    m_wakeFd = -1;
    m_running = false;
}

double ChatServer::threadCpuMs() const
{
    return m_running ? cpuMsOf(m_cpuClock) : m_finalCpuMs.load();
}

} // namespace switchboard::bench
