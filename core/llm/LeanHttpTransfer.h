#pragma once

#include "HttpTransfer.h"

#include <QList>
#include <QObject>
#include <QPair>
#include <QUrl>

#include <memory>
#include <vector>

class QTcpSocket;

namespace switchboard::llm {

class LeanHttpPool;

// One HTTP/1.1 request over a plain TCP connection from this thread's LeanHttpPool: the request written in one
// send, the reply's status line and headers parsed from buffered reads, its body by Content-Length, chunked or
// up to the close, handed on as it arrives. For plain http:// without a proxy; QtNetwork does the rest.
// A request is sent again (once, on a new connection) only when a reused connection closed before a single byte
// of the reply came back; once any byte came, a failure is reported, never retried.
class LeanHttpTransfer final : public HttpTransfer
{
    Q_DISABLE_COPY_MOVE(LeanHttpTransfer)

public:
    using Headers = QList<QPair<QByteArray, QByteArray>>;

    // Starts at once (the request is written now on a parked connection, or once a new one connects).
    LeanHttpTransfer(LeanHttpPool &pool, const QByteArray &method, const QUrl &url, const Headers &headers,
                     const QByteArray &body);
    ~LeanHttpTransfer() override;

    int status() const override { return m_status; }
    QByteArray header(QByteArrayView name) const override;
    QByteArray readAll() override;
    bool isFinished() const override { return m_finished; }
    Failure failure() const override { return m_failure; }
    QString errorString() const override { return m_error; }
    void abort() override;

    bool reusedConnection() const { return m_reused; }

private:
    enum class Stage
    {
        Head,      // the status line and headers
        Body,      // by m_framing
        ChunkSize, // chunked: a size line
        ChunkData, // chunked: m_remaining bytes of data, then CRLF
        ChunkEnd,  // chunked: the CRLF after a chunk's data
        Trailer,   // chunked: trailer lines up to an empty one
        Done,
    };
    enum class Framing
    {
        Length,     // Content-Length
        UntilClose, // neither length nor chunked: the body ends when the server closes
    };

    void connectFresh();
    void attach();
    void detach();
    void send();
    void handleReadyRead();
    void handleSocketGone();
    // Consumes m_in as far as it goes; false once the transfer failed.
    bool parse();
    // The status line and headers at m_in[pos...]: false when incomplete (or failed), else pos moved past them.
    bool parseHead(qsizetype &pos);
    void finish();
    void fail(Failure failure, const QString &message);
    void dropSocket();
    void notify(bool headers, bool bytes);

    LeanHttpPool &m_pool;
    QString m_host;
    quint16 m_port = 80;
    QByteArray m_request; // the whole request as written
    QObject m_context;    // the receiver of the socket's signals, so detach() drops them all
    QTcpSocket *m_socket = nullptr;
    std::vector<std::unique_ptr<QTcpSocket>> m_dropped; // deleted with the transfer, never inside their signals
    bool m_reused = false;
    bool m_retried = false;
    bool m_sent = false;
    bool m_headRequest = false;
    qint64 m_replyBytes = 0; // bytes of the reply seen on the socket

    QByteArray m_in;   // received, not parsed yet
    QByteArray m_body; // parsed body bytes not read yet
    Stage m_stage = Stage::Head;
    Framing m_framing = Framing::Length;
    qint64 m_remaining = 0;
    qint64 m_bodyBytes = 0;
    int m_status = 0;
    Headers m_headers; // names lower-case
    bool m_keepAlive = true;
    bool m_finished = false;
    Failure m_failure = Failure::None;
    QString m_error;
};

} // namespace switchboard::llm
