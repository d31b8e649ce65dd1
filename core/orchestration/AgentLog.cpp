#include "AgentLog.h"

namespace switchboard {

AgentLog::AgentLog(int capacity)
    : m_capacity(qMax(1, capacity))
{}

void AgentLog::append(const QString &line)
{
    const QMutexLocker locker(&m_mutex);
    if (m_lines.size() < m_capacity) {
        m_lines.append(line);
    } else {
        m_lines[m_head] = line;
        m_head = (m_head + 1) % m_lines.size();
    }
    ++m_total;
}

QStringList AgentLog::lines() const
{
    const QMutexLocker locker(&m_mutex);
    if (m_head == 0)
        return m_lines; // implicitly shared: no copy until someone appends
    QStringList out;
    out.reserve(m_lines.size());
    for (qsizetype i = 0; i < m_lines.size(); ++i)
        out << at(i);
    return out;
}

QStringList AgentLog::takeNew()
{
    const QMutexLocker locker(&m_mutex);
    const qsizetype fresh = qMin<qint64>(m_total - m_taken, m_lines.size());
    QStringList out;
    out.reserve(fresh);
    for (qsizetype i = m_lines.size() - fresh; i < m_lines.size(); ++i)
        out << at(i);
    m_taken = m_total;
    return out;
}

qint64 AgentLog::totalLines() const
{
    const QMutexLocker locker(&m_mutex);
    return m_total;
}

qint64 AgentLog::droppedLines() const
{
    const QMutexLocker locker(&m_mutex);
    return m_total - m_lines.size();
}

} // namespace switchboard
