#pragma once

// Private to core/config: a YAML file as lines, for edits that leave every line they do not touch byte-for-byte
// as it was (comments, blank lines, quoting, key order). yaml-cpp tells where a key starts (its Mark); this class
// finds where the key's block ends by indentation, and applies replacements from the bottom up.

#include <QByteArray>
#include <QList>

namespace switchboard::yaml {

class YamlText final
{
public:
    explicit YamlText(const QByteArray &text);

    int lineCount() const { return static_cast<int>(m_lines.size()); }
    const QByteArray &line(int index) const { return m_lines.at(index); }
    // The column of the line's first character; -1 for a blank line or one holding only a comment.
    int contentIndent(int index) const;
    // The end (exclusive) of the block whose first line is start and whose keys sit at column: the lines after
    // it that are indented deeper belong to it (for a mapping entry, also "- " items at the same column: an
    // indentless sequence), up to limit. Trailing blank and comment lines are left to what follows.
    int blockEnd(int start, int column, bool mapEntry, int limit) const;
    // A comment anywhere in [from, to) other than skip (a line whose trailing comment is kept).
    bool hasComment(int from, int to, int skip = -1) const;
    // The line's trailing comment with the whitespace before it ("   # why"); empty when it has none.
    QByteArray trailingComment(int index) const;
    // The text before column on that line ("    - " for the first key of a sequence item).
    QByteArray prefix(int index, int column) const;
    QByteArray eol() const { return m_eol; }

    // Replaces lines [from, to) (to == from: inserts before from). Edits must not overlap; they apply in result().
    void replace(int from, int to, QList<QByteArray> lines);
    QByteArray result() const;

private:
    struct Edit
    {
        int from;
        int to;
        QList<QByteArray> lines;
        int order;
    };

    QList<QByteArray> m_lines; // without their line ends
    QByteArray m_eol = "\n";
    bool m_finalNewline = true;
    QList<Edit> m_edits;
};

// text's lines, each indented by `indent` spaces; the first line instead gets firstPrefix when given.
QList<QByteArray> indentLines(const QByteArray &text, int indent, const QByteArray &firstPrefix = {});

} // namespace switchboard::yaml
