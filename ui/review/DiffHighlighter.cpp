#include "review/DiffHighlighter.h"

#include "style/AgentStateStyle.h"

namespace switchboard {

namespace {
// Block states: whether the next line is still in a file's header (the lines before its first @@).
constexpr int kInHunks = 0;
constexpr int kInHeader = DiffHighlighter::kInHeaderState;
} // namespace

DiffHighlighter::DiffHighlighter(QTextDocument *document)
    : QSyntaxHighlighter(document)
{
    setPalette(QPalette());
}

void DiffHighlighter::setPalette(const QPalette &palette)
{
    const bool dark = AgentStateStyle::isDarkPalette(palette);
    m_fileHeader = QTextCharFormat();
    m_fileHeader.setFontWeight(QFont::Bold);
    m_fileHeader.setForeground(palette.color(QPalette::Text));
    m_fileHeaderBackground = dark ? QColor(0x33, 0x41, 0x55) : QColor(0xe2, 0xe8, 0xf0);
    m_hunkHeader = QTextCharFormat();
    m_hunkHeader.setForeground(dark ? QColor(0x93, 0xc5, 0xfd) : QColor(0x1d, 0x4e, 0xd8));
    m_hunkHeaderBackground = dark ? QColor(0x1e, 0x29, 0x3b) : QColor(0xef, 0xf6, 0xff);
    m_added = QTextCharFormat();
    m_added.setForeground(dark ? QColor(0x86, 0xef, 0xac) : QColor(0x16, 0x65, 0x34));
    m_addedBackground = dark ? QColor(0x14, 0x3d, 0x26) : QColor(0xdc, 0xfc, 0xe7);
    m_removed = QTextCharFormat();
    m_removed.setForeground(dark ? QColor(0xfc, 0xa5, 0xa5) : QColor(0x99, 0x1b, 0x1b));
    m_removedBackground = dark ? QColor(0x45, 0x1a, 0x1a) : QColor(0xfe, 0xe2, 0xe2);
    m_note = QTextCharFormat();
    m_note.setForeground(palette.color(QPalette::PlaceholderText));
    m_note.setFontItalic(true);
    rehighlight();
}

QTextCharFormat DiffHighlighter::format(LineKind kind) const
{
    switch (kind) {
    case LineKind::FileHeader:
        return m_fileHeader;
    case LineKind::HunkHeader:
        return m_hunkHeader;
    case LineKind::Added:
        return m_added;
    case LineKind::Removed:
        return m_removed;
    case LineKind::Note:
        return m_note;
    case LineKind::Context:
        break;
    }
    return {};
}

QColor DiffHighlighter::lineBackground(LineKind kind) const
{
    switch (kind) {
    case LineKind::FileHeader:
        return m_fileHeaderBackground;
    case LineKind::HunkHeader:
        return m_hunkHeaderBackground;
    case LineKind::Added:
        return m_addedBackground;
    case LineKind::Removed:
        return m_removedBackground;
    case LineKind::Context:
    case LineKind::Note:
        break;
    }
    return {};
}

DiffHighlighter::LineKind DiffHighlighter::classify(const QString &line, bool inFileHeader)
{
    if (line.startsWith(u"diff "))
        return LineKind::FileHeader;
    if (line.startsWith(u"@@"))
        return LineKind::HunkHeader;
    // "--- a/x" in a header names the file; inside a hunk it is a removed line that starts with "--".
    if (inFileHeader)
        return LineKind::FileHeader;
    if (line.startsWith(QLatin1Char('+')))
        return LineKind::Added;
    if (line.startsWith(QLatin1Char('-')))
        return LineKind::Removed;
    if (line.startsWith(QLatin1Char('\\')))
        return LineKind::Note;
    return LineKind::Context;
}

void DiffHighlighter::highlightBlock(const QString &text)
{
    const bool inHeader = previousBlockState() == kInHeader;
    const LineKind kind = classify(text, inHeader);
    if (kind == LineKind::FileHeader)
        setCurrentBlockState(kInHeader);
    else if (kind == LineKind::HunkHeader)
        setCurrentBlockState(kInHunks);
    else
        setCurrentBlockState(inHeader ? kInHeader : kInHunks);
    if (kind != LineKind::Context)
        setFormat(0, text.size(), format(kind));
}

} // namespace switchboard
