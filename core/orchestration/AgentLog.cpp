#include "AgentLog.h"

#include "llm/Secrets.h"

#include <QDir>
#include <QFileInfo>

namespace switchboard {

AgentLog::AgentLog(int capacity)
    : m_capacity(qMax(1, capacity))
{}

void AgentLog::append(const QString &text)
{
    // Redacted before it is kept: the ring feeds the UI and the store, the spill file is the full log.
    const QString line = Secrets::redact(text);
    const QMutexLocker locker(&m_mutex);
    if (m_lines.size() < m_capacity) {
        m_lines.append(line);
    } else {
        m_lines[m_head] = line;
        m_head = (m_head + 1) % m_lines.size();
    }
    ++m_total;
    if (!m_spillPath.isEmpty() && !m_spillFailed) {
        if (!m_spill) {
            QDir().mkpath(QFileInfo(m_spillPath).absolutePath());
            m_spill = std::make_unique<QFile>(m_spillPath);
            if (!m_spill->open(QIODevice::WriteOnly | QIODevice::Append)) {
                // The in-memory tail still works; say once why the full log is missing.
                m_spillFailed = true;
                m_lines.append(QStringLiteral("[switchboard] cannot write the full log to %1: %2")
                                   .arg(m_spillPath, m_spill->errorString()));
                m_spill.reset();
                return;
            }
        }
        // QFile buffers; a flush per line would make a chatty agent cost a syscall per line.
        m_spill->write(line.toUtf8());
        m_spill->write("\n", 1);
    }
}

void AgentLog::setSpillFile(const QString &path)
{
    const QMutexLocker locker(&m_mutex);
    if (m_spill)
        m_spill->flush();
    m_spill.reset();
    m_spillFailed = false;
    m_spillPath = path;
}

QString AgentLog::spillFile() const
{
    const QMutexLocker locker(&m_mutex);
    return m_spillPath;
}

void AgentLog::flush()
{
    const QMutexLocker locker(&m_mutex);
    if (m_spill)
        m_spill->flush();
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
