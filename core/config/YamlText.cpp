#include "YamlText.h"

#include <algorithm>

namespace switchboard::yaml {

namespace {

bool isSpace(char c)
{
    return c == ' ' || c == '\t';
}

// Where the line's comment starts ('#' at the start or after whitespace, outside a quoted scalar); -1 if none.
// A quote opens a scalar only where a scalar may start (a plain "it's" is not one).
qsizetype commentStart(const QByteArray &line)
{
    char quote = 0;
    char previous = ' '; // the last character that was not whitespace, before the current one
    for (qsizetype i = 0; i < line.size(); ++i) {
        const char c = line.at(i);
        if (quote) {
            if (quote == '"' && c == '\\') {
                ++i;
            } else if (c == quote) {
                if (quote == '\'' && i + 1 < line.size() && line.at(i + 1) == '\'')
                    ++i; // '' inside a single-quoted scalar
                else
                    quote = 0;
            }
            continue;
        }
        if (c == '#' && (i == 0 || isSpace(line.at(i - 1))))
            return i;
        if ((c == '"' || c == '\'') && (previous == ' ' || previous == ':' || previous == '-' || previous == '[' ||
                                        previous == '{' || previous == ',' || previous == '?'))
            quote = c;
        if (!isSpace(c))
            previous = c;
    }
    return -1;
}

} // namespace

YamlText::YamlText(const QByteArray &text)
{
    if (text.contains("\r\n"))
        m_eol = "\r\n";
    m_lines = text.split('\n');
    if (!m_lines.isEmpty() && m_lines.constLast().isEmpty()) {
        m_lines.removeLast();
    } else {
        m_finalNewline = text.isEmpty();
    }
    for (QByteArray &line : m_lines) {
        if (line.endsWith('\r'))
            line.chop(1);
    }
}

int YamlText::contentIndent(int index) const
{
    const QByteArray &text = m_lines.at(index);
    qsizetype i = 0;
    while (i < text.size() && isSpace(text.at(i)))
        ++i;
    if (i == text.size() || text.at(i) == '#')
        return -1;
    return static_cast<int>(i);
}

int YamlText::blockEnd(int start, int column, bool mapEntry, int limit) const
{
    limit = std::min(limit, lineCount());
    int last = start;
    for (int i = start + 1; i < limit; ++i) {
        const int indent = contentIndent(i);
        if (indent < 0)
            continue;
        const QByteArray &text = m_lines.at(i);
        const bool dash = text.at(indent) == '-' && (indent + 1 == text.size() || isSpace(text.at(indent + 1)));
        if (indent > column || (!mapEntry && indent == column) || (mapEntry && indent == column && dash)) {
            last = i;
            continue;
        }
        break;
    }
    return last + 1;
}

bool YamlText::hasComment(int from, int to, int skip) const
{
    for (int i = from; i < to && i < lineCount(); ++i) {
        if (i != skip && commentStart(m_lines.at(i)) >= 0)
            return true;
    }
    return false;
}

QByteArray YamlText::trailingComment(int index) const
{
    const QByteArray &text = m_lines.at(index);
    qsizetype at = commentStart(text);
    if (at <= 0)
        return {};
    while (at > 0 && isSpace(text.at(at - 1)))
        --at;
    return text.mid(at);
}

QByteArray YamlText::prefix(int index, int column) const
{
    return m_lines.at(index).left(column);
}

void YamlText::replace(int from, int to, QList<QByteArray> lines)
{
    m_edits.append(Edit{from, to, std::move(lines), static_cast<int>(m_edits.size())});
}

QByteArray YamlText::result() const
{
    QList<QByteArray> lines = m_lines;
    QList<Edit> edits = m_edits;
    // From the bottom up, so the line numbers of the edits still to come stay right; inserts at one place keep
    // the order they were made in.
    std::sort(edits.begin(), edits.end(), [](const Edit &a, const Edit &b) {
        if (a.from != b.from)
            return a.from > b.from;
        return a.order > b.order;
    });
    for (const Edit &edit : std::as_const(edits)) {
        lines.remove(edit.from, edit.to - edit.from);
        for (qsizetype i = 0; i < edit.lines.size(); ++i)
            lines.insert(edit.from + i, edit.lines.at(i));
    }
    QByteArray text = lines.join(m_eol);
    if (m_finalNewline || !m_edits.isEmpty())
        text += m_eol;
    return text;
}

QList<QByteArray> indentLines(const QByteArray &text, int indent, const QByteArray &firstPrefix)
{
    QList<QByteArray> lines = text.split('\n');
    while (!lines.isEmpty() && lines.constLast().trimmed().isEmpty())
        lines.removeLast();
    const QByteArray spaces(indent, ' ');
    for (qsizetype i = 0; i < lines.size(); ++i) {
        if (i == 0 && !firstPrefix.isNull())
            lines[i].prepend(firstPrefix);
        else if (!lines.at(i).isEmpty())
            lines[i].prepend(spaces);
    }
    return lines;
}

} // namespace switchboard::yaml
