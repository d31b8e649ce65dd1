#pragma once

#include <QPalette>
#include <QSyntaxHighlighter>
#include <QTextCharFormat>

namespace switchboard {

// Colours a unified diff (git diff) line by line: file headers bold on a tinted band, hunk headers blue,
// added lines green, removed lines red, "\ No newline" notes dimmed. Colours follow the palette (dark or light).
class DiffHighlighter final : public QSyntaxHighlighter
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(DiffHighlighter)

public:
    enum class LineKind
    {
        Context,
        FileHeader, // diff --git, index, ---/+++, new/deleted file mode, rename, Binary files
        HunkHeader, // @@ -1,3 +1,4 @@
        Added,
        Removed,
        Note, // \ No newline at end of file
    };

    explicit DiffHighlighter(QTextDocument *document);

    void setPalette(const QPalette &palette);
    QTextCharFormat format(LineKind kind) const;
    // The band behind a whole line (DiffView paints it across the full width); invalid for none.
    QColor lineBackground(LineKind kind) const;
    // The block state highlightBlock() leaves on a line of a file's header.
    static constexpr int kInHeaderState = 1;
    // What the line is, given whether it is inside a file's header (before its first hunk).
    static LineKind classify(const QString &line, bool inFileHeader);

protected:
    void highlightBlock(const QString &text) override;

private:
    QTextCharFormat m_fileHeader;
    QTextCharFormat m_hunkHeader;
    QTextCharFormat m_added;
    QTextCharFormat m_removed;
    QTextCharFormat m_note;
    QColor m_fileHeaderBackground;
    QColor m_hunkHeaderBackground;
    QColor m_addedBackground;
    QColor m_removedBackground;
};

} // namespace switchboard
