#include "AgentTranscript.h"

namespace switchboard {

qsizetype AgentTranscript::sizeOf(const TranscriptEntry &entry)
{
    // UTF-16 text plus a rough allowance for the fixed fields.
    return (entry.text.size() + entry.toolName.size() + entry.toolCallId.size()) * qsizetype(sizeof(QChar)) + 128;
}

void AgentTranscript::append(const QList<TranscriptEntry> &entries)
{
    for (const TranscriptEntry &entry : entries) {
        m_bytes += sizeOf(entry);
        m_entries.push_back(entry);
    }
    // The newest entry always stays, whatever its size.
    while (m_entries.size() > 1 && (m_entries.size() > size_t(kMaxEntries) || m_bytes > kMaxBytes)) {
        m_bytes -= sizeOf(m_entries.front());
        m_entries.pop_front();
        ++m_dropped;
    }
}

void AgentTranscript::forgetBefore(qint64 upTo)
{
    while (!m_entries.empty() && m_dropped < upTo) {
        m_bytes -= sizeOf(m_entries.front());
        m_entries.pop_front();
        ++m_dropped;
    }
}

QList<TranscriptEntry> AgentTranscript::since(qint64 from) const
{
    const qint64 first = qMax(from, m_dropped);
    QList<TranscriptEntry> out;
    if (first >= total())
        return out;
    out.reserve(total() - first);
    for (auto it = m_entries.cbegin() + (first - m_dropped); it != m_entries.cend(); ++it)
        out.append(*it);
    return out;
}

} // namespace switchboard
