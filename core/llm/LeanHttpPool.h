#pragma once

#include <QList>
#include <QString>

class QTcpSocket;

namespace switchboard::llm {

// The keep-alive connections LeanHttpTransfer reuses: one pool per thread, each connection used by one request at
// a time and parked here between requests. A parked connection the server has closed (or that sent bytes nobody
// asked for) is found out when it is taken, before a request is written to it.
class LeanHttpPool final
{
    Q_DISABLE_COPY_MOVE(LeanHttpPool)

public:
    struct Counters
    {
        int opened = 0;  // connections made
        int reused = 0;  // requests sent on a parked connection
        int stale = 0;   // parked connections found closed (or dirty) when taken, and dropped
        int retried = 0; // requests sent again on a new connection: a reused one closed before any reply byte
    };

    LeanHttpPool() = default;
    ~LeanHttpPool();

    // This thread's pool, made on first use and deleted (with its connections) when the thread ends.
    static LeanHttpPool &forThisThread();

    // A parked connection to host:port that is still open and clean, or nullptr. The caller owns it.
    QTcpSocket *take(const QString &host, quint16 port);
    // Parks a connection whose last reply was read whole, for the next request to host:port.
    void park(const QString &host, quint16 port, QTcpSocket *socket);
    void closeAll();

    Counters &counters() { return m_counters; }
    qsizetype parked() const { return m_parked.size(); }

private:
    struct Parked
    {
        QString host;
        quint16 port = 0;
        QTcpSocket *socket = nullptr;
        qint64 since = 0; // steady clock, ms
    };

    Counters m_counters;
    QList<Parked> m_parked; // the most recently parked last
};

} // namespace switchboard::llm
