#include "AgentLog.h"

namespace switchboard {

AgentLog::AgentLog(int capacity)
    : m_capacity(qMax(1, capacity))
{}

void AgentLog::append(const QString &line)
{
    const QMutexLocker locker(&m_mutex);
    m_lines.push_back(line);
    if (static_cast<int>(m_lines.size()) > m_capacity)
        m_lines.pop_front();
    ++m_total;
}

QStringList AgentLog::lines() const
{
    const QMutexLocker locker(&m_mutex);
    QStringList out;
    out.reserve(static_cast<qsizetype>(m_lines.size()));
    for (const QString &line : m_lines)
        out << line;
    return out;
}

QStringList AgentLog::takeNew()
{
    const QMutexLocker locker(&m_mutex);
    const qint64 fresh = qMin<qint64>(m_total - m_taken, static_cast<qint64>(m_lines.size()));
    QStringList out;
    out.reserve(fresh);
    for (auto it = m_lines.end() - fresh; it != m_lines.end(); ++it)
        out << *it;
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
    return m_total - static_cast<qint64>(m_lines.size());
}

} // namespace switchboard
