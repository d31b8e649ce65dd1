#include "AgentLog.h"

#include "agents/AgentActions.h"
#include "llm/Secrets.h"

#include <QDateTime>
#include <QDir>
#include <QFileInfo>

namespace switchboard {

namespace {
qsizetype textBytes(const QString &line)
{
    return line.size() * qsizetype(sizeof(QChar));
}

// Cut to AgentLog::kMaxLineBytes of UTF-8, whichever part of the line made it long.
QString capped(const QString &line)
{
    // A QChar is at most 3 bytes of UTF-8: most lines need no conversion to know they fit.
    if (line.size() * 3 <= AgentLog::kMaxLineBytes)
        return line;
    const QByteArray utf8 = line.toUtf8();
    if (utf8.size() <= AgentLog::kMaxLineBytes)
        return line;
    return AgentActions::logText(utf8);
}
} // namespace

AgentLog::AgentLog(int capacity)
    : m_capacity(qMax(1, capacity))
{}

void AgentLog::append(const QString &text)
{
    // Redacted before it is kept: the ring feeds the UI and the store, the spill file is the full log.
    const QString line = capped(Secrets::redact(text));
    const QMutexLocker locker(&m_mutex);
    keep(line);
    writeToFile(line);
    if (!m_spillError.isEmpty()) {
        // The in-memory tail still works; say once why the full log is missing.
        keep(m_spillError);
        m_spillError.clear();
    }
}

void AgentLog::keep(const QString &line)
{
    if (m_count < m_lines.size()) {
        m_lines[(m_head + m_count) % m_lines.size()] = line;
        ++m_count;
    } else if (m_lines.size() < m_capacity) {
        // Full but allowed to grow: the new line goes after the newest, which is just before the oldest.
        if (m_head == 0) {
            m_lines.append(line);
        } else {
            m_lines.insert(m_head, line);
            ++m_head;
        }
        ++m_count;
    } else {
        m_textBytes -= textBytes(m_lines.at(m_head));
        m_lines[m_head] = line;
        m_head = (m_head + 1) % m_lines.size();
    }
    m_textBytes += textBytes(line);
    while (m_textBytes > kMaxTextBytes && m_count > 1)
        dropOldest();
    ++m_total;
}

void AgentLog::dropOldest()
{
    m_textBytes -= textBytes(m_lines.at(m_head));
    m_lines[m_head] = QString();
    m_head = (m_head + 1) % m_lines.size();
    --m_count;
}

void AgentLog::writeToFile(const QString &line)
{
    if (m_spillPath.isEmpty() || m_spillFailed)
        return;
    if (!m_spill && !openFile(false))
        return;
    const QByteArray bytes = line.toUtf8() + '\n';
    if (m_spillBytes > 0 && m_spillBytes + bytes.size() > kMaxFileBytes / 2)
        rotateFile();
    if (!m_spill)
        return;
    // QFile buffers; a flush per line would make a chatty agent cost a syscall per line.
    m_spill->write(bytes);
    m_spillBytes += bytes.size();
}

bool AgentLog::openFile(bool truncate)
{
    QDir().mkpath(QFileInfo(m_spillPath).absolutePath());
    m_spill = std::make_unique<QFile>(m_spillPath);
    if (!m_spill->open(QIODevice::WriteOnly | (truncate ? QIODevice::Truncate : QIODevice::Append))) {
        m_spillFailed = true;
        m_spillError = QStringLiteral("[switchboard] cannot write the full log to %1: %2")
                           .arg(m_spillPath, m_spill->errorString());
        m_spill.reset();
        return false;
    }
    m_spillBytes = m_spill->size();
    return true;
}

void AgentLog::rotateFile()
{
    m_spill->close();
    m_spill.reset();
    const QString older = rotatedFile(m_spillPath);
    QFile::remove(older);
    const bool rotated = QFile::rename(m_spillPath, older);
    if (!openFile(true))
        return;
    const QString marker =
        rotated ? QStringLiteral("[switchboard] log rotated at %1: the output before this line is in %2; older "
                                 "output was dropped (at most %3 MiB are kept per agent)")
                      .arg(QDateTime::currentDateTime().toString(Qt::ISODate), QFileInfo(older).fileName())
                      .arg(kMaxFileBytes / (1024 * 1024))
                : QStringLiteral("[switchboard] log cut at %1: the output before this line was dropped (at most %2 "
                                 "MiB are kept per agent)")
                      .arg(QDateTime::currentDateTime().toString(Qt::ISODate))
                      .arg(kMaxFileBytes / (1024 * 1024));
    const QByteArray bytes = marker.toUtf8() + '\n';
    m_spill->write(bytes);
    m_spillBytes = bytes.size();
}

void AgentLog::setSpillFile(const QString &path)
{
    const QMutexLocker locker(&m_mutex);
    if (m_spill)
        m_spill->flush();
    m_spill.reset();
    m_spillFailed = false;
    m_spillBytes = 0;
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
    if (m_head == 0 && m_count == m_lines.size())
        return m_lines; // implicitly shared: no copy until someone appends
    QStringList out;
    out.reserve(m_count);
    for (qsizetype i = 0; i < m_count; ++i)
        out << at(i);
    return out;
}

QStringList AgentLog::takeNew()
{
    const QMutexLocker locker(&m_mutex);
    const qsizetype fresh = qMin<qint64>(m_total - m_taken, m_count);
    QStringList out;
    out.reserve(fresh);
    for (qsizetype i = m_count - fresh; i < m_count; ++i)
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
    return m_total - m_count;
}

} // namespace switchboard
