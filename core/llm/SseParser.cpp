#include "SseParser.h"

using namespace Qt::StringLiterals;

namespace switchboard::llm {

SseParser::SseParser(qsizetype maxEventBytes)
    : m_maxEventBytes(maxEventBytes)
{}

QList<SseEvent> SseParser::feed(QByteArrayView bytes)
{
    QList<SseEvent> events;
    if (m_overflowed)
        return events;
    qsizetype start = 0;
    if (m_skipLeadingLf && !bytes.isEmpty()) {
        if (bytes.front() == '\n')
            start = 1;
        m_skipLeadingLf = false;
    }
    // Lines end at CR, LF or CRLF. Scan only the new bytes: the buffer holds no line end.
    for (qsizetype i = start; i < bytes.size(); ++i) {
        const char c = bytes[i];
        if (c != '\r' && c != '\n')
            continue;
        m_buffer.append(bytes.sliced(start, i - start));
        handleLine(m_buffer, events);
        m_buffer.clear();
        if (m_overflowed)
            return events;
        if (c == '\r') {
            if (i + 1 < bytes.size()) {
                if (bytes[i + 1] == '\n')
                    ++i;
            } else {
                m_skipLeadingLf = true;
            }
        }
        start = i + 1;
    }
    m_buffer.append(bytes.sliced(start));
    if (m_buffer.size() + m_eventBytes > m_maxEventBytes) {
        m_overflowed = true;
        m_buffer.clear();
    }
    return events;
}

QList<SseEvent> SseParser::finish()
{
    QList<SseEvent> events;
    m_buffer.clear();
    if (!m_overflowed)
        handleLine(QByteArrayView(), events);
    return events;
}

void SseParser::handleLine(QByteArrayView line, QList<SseEvent> &events)
{
    if (!m_sawBom) {
        m_sawBom = true; // only the stream's very first line may start with a byte order mark
        if (line.startsWith("\xEF\xBB\xBF"))
            line = line.sliced(3);
    }
    if (line.isEmpty()) { // a blank line dispatches the event
        if (m_hasData && !m_data.isEmpty())
            events.append(SseEvent{m_eventName.isEmpty() ? u"message"_s : m_eventName, m_data});
        m_eventName.clear();
        m_data.clear();
        m_hasData = false;
        m_eventBytes = 0;
        return;
    }
    if (line.front() == ':')
        return; // a comment (servers send them as keep-alives)
    m_eventBytes += line.size();
    if (m_eventBytes > m_maxEventBytes) {
        m_overflowed = true;
        return;
    }
    const qsizetype colon = line.indexOf(':');
    QByteArrayView field = colon < 0 ? line : line.first(colon);
    QByteArrayView value = colon < 0 ? QByteArrayView() : line.sliced(colon + 1);
    if (value.startsWith(' '))
        value = value.sliced(1);
    // Decoded per complete line, so a UTF-8 sequence split across chunks is whole by now.
    if (field == "data") {
        if (m_hasData)
            m_data.append(u'\n');
        m_data.append(QString::fromUtf8(value));
        m_hasData = true;
    } else if (field == "event") {
        m_eventName = QString::fromUtf8(value);
    }
    // "id" and "retry" matter only to browsers reconnecting; unknown fields are ignored by the standard.
}

} // namespace switchboard::llm
