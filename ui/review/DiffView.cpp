#include "review/DiffView.h"

#include "review/DiffHighlighter.h"

#include <QEvent>
#include <QFontDatabase>
#include <QMouseEvent>
#include <QPainter>
#include <QScrollBar>
#include <QTextBlock>

namespace switchboard {

namespace {
// "diff --git a/old b/new": the new path. Quoted paths (unusual characters) are kept as git wrote them.
QString pathFromDiffLine(const QString &line)
{
    const qsizetype b = line.lastIndexOf(u" b/");
    if (b >= 0)
        return line.mid(b + 3);
    return line.section(QLatin1Char(' '), -1);
}
} // namespace

DiffView::DiffView(QWidget *parent)
    : QPlainTextEdit(parent)
    , m_highlighter(new DiffHighlighter(document()))
{
    setReadOnly(true);
    setLineWrapMode(QPlainTextEdit::NoWrap);
    setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    m_highlighter->setPalette(palette());
}

void DiffView::setDiff(const QString &diff)
{
    m_sections.clear();
    // Sections are found on the text before it goes into the document: one pass, no per-block lookups.
    const QStringList lines = diff.split(QLatin1Char('\n'));
    int block = 0;
    bool inHeader = false;
    for (const QString &line : lines) {
        if (line.startsWith(u"diff ")) {
            if (!m_sections.isEmpty())
                m_sections.last().lastBlock = block - 1;
            m_sections.append(FileSection{pathFromDiffLine(line), block, block, false});
            inHeader = true;
        } else if (inHeader && !m_sections.isEmpty()) {
            if (line.startsWith(u"+++ b/"))
                m_sections.last().path = line.mid(6);
            else if (line.startsWith(u"rename to "))
                m_sections.last().path = line.mid(10);
            else if (line.startsWith(u"@@"))
                inHeader = false;
        }
        ++block;
    }
    if (!m_sections.isEmpty())
        m_sections.last().lastBlock = qMax(m_sections.last().firstBlock, block - 1);
    setPlainText(diff);
}

QStringList DiffView::files() const
{
    QStringList paths;
    paths.reserve(m_sections.size());
    for (const FileSection &section : m_sections)
        paths << section.path;
    return paths;
}

int DiffView::sectionIndex(const QString &path) const
{
    for (qsizetype i = 0; i < m_sections.size(); ++i) {
        if (m_sections.at(i).path == path)
            return static_cast<int>(i);
    }
    return -1;
}

int DiffView::sectionAtBlock(int blockNumber) const
{
    for (qsizetype i = 0; i < m_sections.size(); ++i) {
        if (blockNumber >= m_sections.at(i).firstBlock && blockNumber <= m_sections.at(i).lastBlock)
            return static_cast<int>(i);
    }
    return -1;
}

int DiffView::fileHeaderBlock(const QString &path) const
{
    const int index = sectionIndex(path);
    return index < 0 ? -1 : m_sections.at(index).firstBlock;
}

void DiffView::scrollToFile(const QString &path)
{
    const int index = sectionIndex(path);
    if (index < 0)
        return;
    const QTextBlock header = document()->findBlockByNumber(m_sections.at(index).firstBlock);
    QTextCursor cursor(header);
    setTextCursor(cursor);
    // The first visible line of a QPlainTextEdit is its scroll bar's value, counted in visible lines.
    int visibleBefore = 0;
    for (QTextBlock b = document()->firstBlock(); b.isValid() && b != header; b = b.next()) {
        if (b.isVisible())
            visibleBefore += qMax(1, b.lineCount());
    }
    verticalScrollBar()->setValue(visibleBefore);
}

void DiffView::applyCollapsed(FileSection &section, bool collapsed)
{
    section.collapsed = collapsed;
    QTextDocument *doc = document();
    const QTextBlock first = doc->findBlockByNumber(section.firstBlock + 1);
    const QTextBlock last = doc->findBlockByNumber(section.lastBlock);
    if (!first.isValid() || section.lastBlock <= section.firstBlock)
        return;
    for (QTextBlock b = first; b.isValid() && b.blockNumber() <= section.lastBlock; b = b.next())
        b.setVisible(!collapsed);
    // The layout keeps the old line positions until told the range changed.
    doc->markContentsDirty(first.position(), last.position() + last.length() - first.position());
}

void DiffView::setFileCollapsed(const QString &path, bool collapsed)
{
    const int index = sectionIndex(path);
    if (index < 0 || m_sections.at(index).collapsed == collapsed)
        return;
    applyCollapsed(m_sections[index], collapsed);
    viewport()->update();
    Q_EMIT fileCollapsedChanged(path, collapsed);
}

bool DiffView::isFileCollapsed(const QString &path) const
{
    const int index = sectionIndex(path);
    return index >= 0 && m_sections.at(index).collapsed;
}

void DiffView::setAllCollapsed(bool collapsed)
{
    for (const FileSection &section : std::as_const(m_sections))
        setFileCollapsed(section.path, collapsed);
}

void DiffView::mouseDoubleClickEvent(QMouseEvent *event)
{
    const QTextBlock block = cursorForPosition(event->position().toPoint()).block();
    const int index = sectionAtBlock(block.blockNumber());
    if (index >= 0 && block.blockNumber() == m_sections.at(index).firstBlock) {
        setFileCollapsed(m_sections.at(index).path, !m_sections.at(index).collapsed);
        event->accept();
        return;
    }
    QPlainTextEdit::mouseDoubleClickEvent(event);
}

void DiffView::paintEvent(QPaintEvent *event)
{
    // Whole-line bands under the text (the highlighter can only colour the characters), then the text, then
    // a note after each folded file's header.
    const QRect area = event->rect();
    const QPointF offset = contentOffset();
    const qreal width = viewport()->width();
    QList<std::pair<QTextBlock, QRectF>> folded;
    {
        QPainter painter(viewport());
        for (QTextBlock block = firstVisibleBlock(); block.isValid(); block = block.next()) {
            if (!block.isVisible())
                continue;
            const QRectF r = blockBoundingGeometry(block).translated(offset);
            if (r.top() > area.bottom())
                break;
            const QTextBlock previous = block.previous();
            const bool inHeader = previous.isValid() && previous.userState() == DiffHighlighter::kInHeaderState;
            const QColor band = m_highlighter->lineBackground(DiffHighlighter::classify(block.text(), inHeader));
            if (band.isValid())
                painter.fillRect(QRectF(0, r.top(), width, r.height()), band);
            const int section = sectionAtBlock(block.blockNumber());
            if (section >= 0 && m_sections.at(section).collapsed &&
                m_sections.at(section).firstBlock == block.blockNumber())
                folded.append({block, r});
        }
    }
    QPlainTextEdit::paintEvent(event);
    if (folded.isEmpty())
        return;
    QPainter painter(viewport());
    painter.setPen(palette().color(QPalette::PlaceholderText));
    const QFontMetricsF metrics(font());
    for (const auto &[block, r] : std::as_const(folded)) {
        const qreal x = offset.x() + document()->documentMargin() + metrics.horizontalAdvance(block.text()) + 16;
        //: After a folded file's header line in the diff
        painter.drawText(QRectF(x, r.top(), width, r.height()), Qt::AlignLeft | Qt::AlignVCenter,
                         tr("… folded, double-click to show"));
    }
}

void DiffView::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::PaletteChange)
        m_highlighter->setPalette(palette());
    QPlainTextEdit::changeEvent(event);
}

} // namespace switchboard
