#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QList>
#include <QString>

namespace switchboard::llm {

// One server-sent event: its name ("message" when the stream names none) and its data lines joined by \n.
struct SseEvent
{
    QString name;
    QString data;

    friend bool operator==(const SseEvent &, const SseEvent &) = default;
};

// Incremental text/event-stream parser (the WHATWG rules): bytes go in as they arrive, in chunks cut anywhere
// (inside a line, a CRLF pair or a multi-byte UTF-8 sequence), and only complete lines are decoded. An event
// or line larger than the bound is an error rather than unbounded buffering.
class SseParser final
{
public:
    explicit SseParser(qsizetype maxEventBytes = 8 * 1024 * 1024);

    // Parses what is complete in buffered + bytes; the rest waits for the next chunk.
    QList<SseEvent> feed(QByteArrayView bytes);
    // The stream ended. The standard drops a last event whose blank line never came; its data lines were
    // complete, though, and some servers end "data: [DONE]\n" without the blank line, so it is returned. An
    // unfinished line is dropped.
    QList<SseEvent> finish();

    // Set once an event or a line exceeded the bound; nothing more is parsed after that.
    bool overflowed() const { return m_overflowed; }
    qsizetype bufferedBytes() const { return m_buffer.size() + m_eventBytes; }

private:
    void handleLine(QByteArrayView line, QList<SseEvent> &events);

    qsizetype m_maxEventBytes;
    QByteArray m_buffer;          // an incomplete line
    bool m_skipLeadingLf = false; // the last chunk ended in CR: a LF at the start of the next one ends no line
    bool m_sawBom = false;
    QString m_eventName;
    QString m_data;
    bool m_hasData = false;
    qsizetype m_eventBytes = 0;
    bool m_overflowed = false;
};

} // namespace switchboard::llm
