#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QList>

#include <optional>

namespace switchboard {

// Splits a child's stdout or stderr byte stream into lines, however the bytes arrive in chunks.
// A line longer than the cap keeps its first maxLineBytes and only counts the rest, so memory stays bounded.
class ProcessLineReader final
{
public:
    struct Line
    {
        QByteArray bytes;        // without the newline (and without a trailing '\r')
        qint64 droppedBytes = 0; // bytes cut off because the line was longer than the cap

        bool isTruncated() const { return droppedBytes > 0; }
    };

    static constexpr qsizetype DefaultMaxLineBytes = 1024 * 1024;

    explicit ProcessLineReader(qsizetype maxLineBytes = DefaultMaxLineBytes);

    // Consumes data and returns the lines it completed, in order.
    QList<Line> feed(QByteArrayView data);
    // At end of stream: the last line if it had no newline.
    std::optional<Line> finish();

    qsizetype maxLineBytes() const { return m_maxLineBytes; }
    qsizetype bufferedBytes() const { return m_buffer.size(); }

private:
    void append(QByteArrayView part);
    Line take();

    const qsizetype m_maxLineBytes;
    QByteArray m_buffer;
    qint64 m_dropped = 0;
};

} // namespace switchboard
