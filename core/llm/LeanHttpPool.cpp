#include "LeanHttpPool.h"

#include <QDeadlineTimer>
#include <QTcpSocket>
#include <QThreadStorage>

#include <cerrno>
#include <sys/socket.h>

namespace switchboard::llm {

namespace {

constexpr qsizetype maxParked = 64;     // per thread; the pool thread of one agent needs one
constexpr qint64 maxIdleMs = 50 * 1000; // longer than most servers keep an idle connection anyway

qint64 now()
{
    return QDeadlineTimer::current().deadline();
}

// True when the connection is open, nothing is waiting to be read on it and the peer has not closed it: a
// peek that would block. A closed connection reads end-of-file (0), a reset one an error.
bool stillOpen(QTcpSocket *socket)
{
    if (socket->state() != QAbstractSocket::ConnectedState || socket->bytesAvailable() > 0)
        return false;
    char byte = 0;
    const auto peeked = ::recv(int(socket->socketDescriptor()), &byte, 1, MSG_PEEK | MSG_DONTWAIT);
    return peeked < 0 && (errno == EAGAIN || errno == EWOULDBLOCK);
}

} // namespace

LeanHttpPool::~LeanHttpPool()
{
    closeAll();
}

LeanHttpPool &LeanHttpPool::forThisThread()
{
    static QThreadStorage<LeanHttpPool *> pools;
    if (!pools.hasLocalData())
        pools.setLocalData(new LeanHttpPool);
    return *pools.localData();
}

QTcpSocket *LeanHttpPool::take(const QString &host, quint16 port)
{
    const qint64 at = now();
    for (qsizetype i = m_parked.size() - 1; i >= 0; --i) {
        if (m_parked[i].port != port || m_parked[i].host != host)
            continue;
        const Parked parked = m_parked.takeAt(i);
        if (at - parked.since <= maxIdleMs && stillOpen(parked.socket)) {
            ++m_counters.reused;
            return parked.socket;
        }
        ++m_counters.stale;
        parked.socket->abort();
        delete parked.socket;
    }
    return nullptr;
}

void LeanHttpPool::park(const QString &host, quint16 port, QTcpSocket *socket)
{
    if (m_parked.size() >= maxParked) {
        m_parked.first().socket->abort();
        delete m_parked.first().socket;
        m_parked.removeFirst();
    }
    m_parked.append(Parked{host, port, socket, now()});
}

void LeanHttpPool::closeAll()
{
    for (const Parked &parked : std::as_const(m_parked)) {
        parked.socket->abort();
        delete parked.socket;
    }
    m_parked.clear();
}

} // namespace switchboard::llm
