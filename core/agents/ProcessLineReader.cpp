#include "ProcessLineReader.h"

namespace switchboard {

ProcessLineReader::ProcessLineReader(qsizetype maxLineBytes)
    : m_maxLineBytes(qMax<qsizetype>(1, maxLineBytes))
{}

QList<ProcessLineReader::Line> ProcessLineReader::feed(QByteArrayView data)
{
    QList<Line> lines;
    qsizetype start = 0;
    while (start < data.size()) {
        const qsizetype newline = data.indexOf('\n', start);
        if (newline < 0) {
            append(data.sliced(start));
            break;
        }
        append(data.sliced(start, newline - start));
        lines.append(take());
        start = newline + 1;
    }
    return lines;
}

std::optional<ProcessLineReader::Line> ProcessLineReader::finish()
{
    if (m_buffer.isEmpty() && m_dropped == 0)
        return std::nullopt;
    return take();
}

void ProcessLineReader::append(QByteArrayView part)
{
    const qsizetype room = m_maxLineBytes - m_buffer.size();
    if (part.size() <= room) {
        m_buffer.append(part);
        return;
    }
    m_buffer.append(part.first(room));
    m_dropped += part.size() - room;
}

ProcessLineReader::Line ProcessLineReader::take()
{
    Line line{std::exchange(m_buffer, {}), std::exchange(m_dropped, 0)};
    if (!line.isTruncated() && line.bytes.endsWith('\r'))
        line.bytes.chop(1);
    return line;
}

} // namespace switchboard
