#include "LeanHttpTransfer.h"

#include "LeanHttpPool.h"

#include <QTcpSocket>

#include <utility>

using namespace Qt::StringLiterals;

namespace switchboard::llm {

namespace {

constexpr qsizetype maxHeadBytes = 64 * 1024; // the status line and headers of one reply
constexpr qsizetype maxChunkLine = 1024;      // a chunk-size line or a trailer line

QByteArray firstLine(const QByteArray &bytes)
{
    QByteArray line = bytes.left(60);
    const qsizetype end = line.indexOf('\n');
    if (end >= 0)
        line.truncate(end);
    return line.trimmed();
}

bool hasToken(const QByteArray &list, QByteArrayView token)
{
    for (const QByteArray &item : list.split(','))
        if (item.trimmed().compare(token, Qt::CaseInsensitive) == 0)
            return true;
    return false;
}

} // namespace

LeanHttpTransfer::LeanHttpTransfer(LeanHttpPool &pool, const QByteArray &method, const QUrl &url,
                                   const Headers &headers, const QByteArray &body)
    : m_pool(pool)
    , m_host(url.host())
    , m_port(quint16(url.port(80)))
    , m_headRequest(method == "HEAD")
{
    QByteArray target = url.path(QUrl::FullyEncoded).toUtf8();
    if (target.isEmpty())
        target = "/";
    if (url.hasQuery())
        target += '?' + url.query(QUrl::FullyEncoded).toUtf8();
    QByteArray host = url.host(QUrl::FullyEncoded).toUtf8();
    if (host.contains(':'))
        host = '[' + host + ']';
    if (url.port() != -1 && url.port() != 80)
        host += ':' + QByteArray::number(url.port());

    m_request.reserve(body.size() + 256 + 64 * headers.size());
    m_request += method + ' ' + target + " HTTP/1.1\r\nHost: " + host + "\r\n";
    for (const auto &[name, value] : headers)
        m_request += name + ": " + value + "\r\n";
    if (!body.isEmpty() || method == "POST" || method == "PUT")
        m_request += "Content-Length: " + QByteArray::number(body.size()) + "\r\n";
    m_request += "\r\n";
    m_request += body;

    m_socket = m_pool.take(m_host, m_port);
    if (m_socket) {
        m_reused = true;
        attach();
        send();
    } else {
        connectFresh();
    }
}

LeanHttpTransfer::~LeanHttpTransfer()
{
    dropSocket(); // a reply not read to its end leaves the connection unusable
}

QByteArray LeanHttpTransfer::header(QByteArrayView name) const
{
    QByteArray value;
    for (const auto &[key, item] : m_headers) {
        if (key.compare(name, Qt::CaseInsensitive) != 0)
            continue;
        if (!value.isEmpty())
            value += ", ";
        value += item;
    }
    return value;
}

QByteArray LeanHttpTransfer::readAll()
{
    return std::exchange(m_body, {});
}

void LeanHttpTransfer::abort()
{
    if (m_finished)
        return;
    m_finished = true;
    dropSocket();
}

void LeanHttpTransfer::connectFresh()
{
    m_socket = new QTcpSocket;
    ++m_pool.counters().opened;
    attach();
    QObject::connect(m_socket, &QTcpSocket::connected, &m_context, [this] {
        m_socket->setSocketOption(QAbstractSocket::LowDelayOption, 1); // the request goes out in one segment
        send();
    });
    m_socket->connectToHost(m_host, m_port);
}

void LeanHttpTransfer::attach()
{
    QObject::connect(m_socket, &QTcpSocket::readyRead, &m_context, [this] { handleReadyRead(); });
    QObject::connect(m_socket, &QTcpSocket::errorOccurred, &m_context, [this] { handleSocketGone(); });
    QObject::connect(m_socket, &QTcpSocket::disconnected, &m_context, [this] { handleSocketGone(); });
}

void LeanHttpTransfer::detach()
{
    if (m_socket)
        QObject::disconnect(m_socket, nullptr, &m_context, nullptr);
}

void LeanHttpTransfer::send()
{
    m_sent = true;
    m_socket->write(m_request);
    m_socket->flush(); // now, not on the next turn of the event loop
}

void LeanHttpTransfer::handleReadyRead()
{
    if (m_finished || !m_socket)
        return;
    QByteArray bytes = m_socket->readAll();
    if (bytes.isEmpty())
        return;
    m_replyBytes += bytes.size();
    if (m_in.isEmpty())
        m_in = std::move(bytes);
    else
        m_in += bytes;
    const bool hadHead = m_status != 0;
    const qsizetype bodyBefore = m_body.size();
    if (!parse())
        return; // failed: fail() reported it
    notify(!hadHead && m_status != 0, m_body.size() > bodyBefore);
    if (m_stage == Stage::Done && !m_finished)
        finish();
}

void LeanHttpTransfer::notify(bool headers, bool bytes)
{
    if (headers && headersArrived)
        headersArrived();
    if (bytes && !m_finished && bytesArrived)
        bytesArrived();
}

bool LeanHttpTransfer::parse()
{
    qsizetype pos = 0;
    const auto take = [&](qint64 most) {
        const qsizetype n = qsizetype(std::min<qint64>(most, m_in.size() - pos));
        if (n > 0) {
            if (pos == 0 && n == m_in.size() && m_body.isEmpty())
                m_body = m_in; // the common case: the whole read is body, no copy
            else
                m_body.append(QByteArrayView(m_in).sliced(pos, n));
        }
        pos += n;
        m_bodyBytes += n;
        return n;
    };
    const auto line = [&](QByteArray *out) -> int { // 1: a line, 0: incomplete, -1: too long
        const qsizetype end = m_in.indexOf('\n', pos);
        if (end < 0)
            return m_in.size() - pos > maxChunkLine ? -1 : 0;
        qsizetype stop = end;
        if (stop > pos && m_in.at(stop - 1) == '\r')
            --stop;
        *out = m_in.sliced(pos, stop - pos);
        pos = end + 1;
        return 1;
    };

    bool ok = true;
    bool more = true;
    while (ok && more && m_stage != Stage::Done) {
        switch (m_stage) {
        case Stage::Head:
            more = parseHead(pos);
            ok = m_failure == Failure::None && !m_finished;
            break;
        case Stage::Body:
            if (m_framing == Framing::UntilClose) {
                take(m_in.size() - pos);
                more = false;
            } else {
                m_remaining -= take(m_remaining);
                if (m_remaining == 0)
                    m_stage = Stage::Done;
                else
                    more = false;
            }
            break;
        case Stage::ChunkSize: {
            QByteArray text;
            const int got = line(&text);
            if (got <= 0) {
                if (got < 0)
                    fail(Failure::Protocol, u"malformed HTTP reply: a chunk-size line is too long"_s);
                ok = got == 0;
                more = false;
                break;
            }
            const qsizetype extension = text.indexOf(';');
            if (extension >= 0)
                text.truncate(extension);
            bool valid = false;
            const qint64 size = text.trimmed().toLongLong(&valid, 16);
            if (!valid || size < 0) {
                fail(Failure::Protocol,
                     u"malformed HTTP reply: bad chunk size '%1'"_s.arg(QString::fromLatin1(text.left(20))));
                ok = false;
                break;
            }
            m_remaining = size;
            m_stage = size == 0 ? Stage::Trailer : Stage::ChunkData;
            break;
        }
        case Stage::ChunkData:
            m_remaining -= take(m_remaining);
            if (m_remaining == 0)
                m_stage = Stage::ChunkEnd;
            else
                more = false;
            break;
        case Stage::ChunkEnd:
        case Stage::Trailer: {
            QByteArray text;
            const int got = line(&text);
            if (got <= 0) {
                if (got < 0)
                    fail(Failure::Protocol, u"malformed HTTP reply: a chunk does not end in CRLF"_s);
                ok = got == 0;
                more = false;
                break;
            }
            if (m_stage == Stage::ChunkEnd) {
                if (!text.isEmpty()) {
                    fail(Failure::Protocol, u"malformed HTTP reply: a chunk is longer than its size"_s);
                    ok = false;
                    break;
                }
                m_stage = Stage::ChunkSize;
            } else if (text.isEmpty()) {
                m_stage = Stage::Done; // trailer fields are ignored
            }
            break;
        }
        case Stage::Done:
            break;
        }
    }
    if (!ok)
        return false;
    if (m_stage == Stage::Done && pos < m_in.size())
        m_keepAlive = false; // bytes beyond the reply: nothing asked for them, so the connection is not reused
    if (pos >= m_in.size())
        m_in.clear();
    else if (pos > 0)
        m_in.remove(0, pos);
    return true;
}

bool LeanHttpTransfer::parseHead(qsizetype &pos)
{
    const QByteArrayView rest = QByteArrayView(m_in).sliced(pos);
    const QByteArrayView prefix = QByteArrayView("HTTP/1.").first(std::min<qsizetype>(7, rest.size()));
    if (!rest.startsWith(prefix)) {
        fail(Failure::Protocol,
             u"the reply is not HTTP/1.x: '%1'"_s.arg(QString::fromUtf8(firstLine(rest.toByteArray()))));
        return false;
    }
    qsizetype end = m_in.indexOf("\r\n\r\n", pos);
    qsizetype headEnd = end + 4;
    if (end < 0) {
        end = m_in.indexOf("\n\n", pos); // bare LF line ends, which some small servers send
        headEnd = end + 2;
    }
    if (end < 0) {
        if (rest.size() > maxHeadBytes)
            fail(Failure::Protocol, u"malformed HTTP reply: its headers exceed %1 KiB"_s.arg(maxHeadBytes / 1024));
        return false;
    }
    // The head's lines as views into the buffer: only each header's name and value are copied (callgrind, w3:
    // splitting the head into a list of lines cost ~19 k instructions a reply).
    const QByteArrayView head = QByteArrayView(m_in).sliced(pos, end - pos);
    qsizetype lineStart = 0;
    const auto nextLine = [&]() -> QByteArrayView {
        qsizetype lineEnd = head.indexOf('\n', lineStart);
        if (lineEnd < 0)
            lineEnd = head.size();
        const QByteArrayView line = head.sliced(lineStart, lineEnd - lineStart);
        lineStart = lineEnd + 1;
        return line;
    };
    const QByteArrayView statusLine = nextLine().trimmed();
    // "HTTP/1.1 200 OK": the version, a space, three digits.
    bool valid = statusLine.size() >= 12 && statusLine.at(8) == ' ';
    const int status = valid ? statusLine.sliced(9, 3).toInt(&valid) : 0;
    if (!valid || status < 100 || status > 999 || (statusLine.size() > 12 && statusLine.at(12) != ' ')) {
        fail(Failure::Protocol, u"malformed HTTP reply: status line '%1'"_s.arg(
                                    QString::fromUtf8(statusLine.first(qMin<qsizetype>(60, statusLine.size())))));
        return false;
    }
    const bool http10 = statusLine.startsWith("HTTP/1.0");
    Headers headers;
    while (lineStart <= head.size()) {
        QByteArrayView headerLine = nextLine();
        if (headerLine.endsWith('\r'))
            headerLine.chop(1);
        if (headerLine.isEmpty())
            continue;
        if ((headerLine.at(0) == ' ' || headerLine.at(0) == '\t') && !headers.isEmpty()) {
            headers.last().second += ' ' + headerLine.trimmed().toByteArray(); // an obsolete folded line
            continue;
        }
        const qsizetype colon = headerLine.indexOf(':');
        if (colon <= 0) {
            fail(Failure::Protocol, u"malformed HTTP reply: header line '%1'"_s.arg(
                                        QString::fromUtf8(headerLine.first(qMin<qsizetype>(60, headerLine.size())))));
            return false;
        }
        headers.append({headerLine.first(colon).trimmed().toByteArray().toLower(),
                        headerLine.sliced(colon + 1).trimmed().toByteArray()});
    }
    pos = headEnd;
    if (status < 200) {
        if (status == 101) {
            fail(Failure::Protocol, u"the server switched protocols, which was not asked for"_s);
            return false;
        }
        return true; // 100 Continue and other interim replies: the real one follows
    }

    m_headers = std::move(headers);
    m_status = status;
    const QByteArray connection = header("connection");
    m_keepAlive = http10 ? hasToken(connection, "keep-alive") : !hasToken(connection, "close");
    const QByteArray transferEncoding = header("transfer-encoding");
    const QByteArray contentLength = header("content-length");
    if (m_headRequest || status == 204 || status == 304) {
        m_stage = Stage::Done;
    } else if (!transferEncoding.isEmpty()) {
        if (!transferEncoding.trimmed().toLower().endsWith("chunked")) {
            fail(Failure::Protocol, u"malformed HTTP reply: transfer coding '%1' is not chunked"_s.arg(
                                        QString::fromUtf8(transferEncoding.left(40))));
            return false;
        }
        m_stage = Stage::ChunkSize;
    } else if (!contentLength.isEmpty()) {
        bool ok = false;
        const qint64 length = contentLength.toLongLong(&ok);
        if (!ok || length < 0) {
            fail(Failure::Protocol,
                 u"malformed HTTP reply: Content-Length '%1'"_s.arg(QString::fromUtf8(contentLength.left(40))));
            return false;
        }
        m_framing = Framing::Length;
        m_remaining = length;
        m_stage = length == 0 ? Stage::Done : Stage::Body;
    } else {
        m_framing = Framing::UntilClose;
        m_keepAlive = false;
        m_stage = Stage::Body;
    }
    return true;
}

void LeanHttpTransfer::handleSocketGone()
{
    if (m_finished || !m_socket)
        return;
    if (m_socket->bytesAvailable() > 0) {
        handleReadyRead(); // what came with the close
        if (m_finished)
            return;
    }
    if (m_reused && m_replyBytes == 0 && !m_retried) {
        // The server closed the parked connection as the request went out (the check before reuse came too
        // early to see it). Not a byte of the reply came, so the request is sent once more, on a new connection.
        m_retried = true;
        ++m_pool.counters().retried;
        dropSocket();
        m_reused = false;
        connectFresh();
        return;
    }
    const QAbstractSocket::SocketError error = m_socket->error();
    if (m_stage == Stage::Body && m_framing == Framing::UntilClose) {
        m_stage = Stage::Done; // the close ends this body
        finish();
        return;
    }
    QString message;
    if (m_stage == Stage::Head && m_replyBytes == 0) {
        if (error == QAbstractSocket::RemoteHostClosedError)
            message = u"Connection closed"_s;
        else if (error == QAbstractSocket::HostNotFoundError)
            message = u"Host %1 not found"_s.arg(m_host);
        else
            message = m_socket->errorString();
    } else if (m_stage == Stage::Head) {
        message = u"the connection closed in the middle of the reply's headers"_s;
    } else if (m_stage == Stage::Body) {
        message = u"the connection closed after %1 of %2 body bytes"_s.arg(m_bodyBytes).arg(m_bodyBytes + m_remaining);
    } else {
        message = u"the connection closed in the middle of a chunked body, after %1 bytes"_s.arg(m_bodyBytes);
    }
    fail(Failure::Network, message);
}

void LeanHttpTransfer::finish()
{
    m_finished = true;
    detach();
    if (m_keepAlive && m_socket->state() == QAbstractSocket::ConnectedState && m_socket->bytesAvailable() == 0) {
        m_pool.park(m_host, m_port, std::exchange(m_socket, nullptr));
    } else {
        dropSocket();
    }
    if (finished)
        finished();
}

void LeanHttpTransfer::fail(Failure failure, const QString &message)
{
    if (m_finished)
        return;
    m_failure = failure;
    m_error = message;
    m_finished = true;
    dropSocket();
    if (finished)
        finished();
}

void LeanHttpTransfer::dropSocket()
{
    if (!m_socket)
        return;
    detach();
    m_socket->abort();
    m_dropped.emplace_back(std::exchange(m_socket, nullptr));
}

} // namespace switchboard::llm
