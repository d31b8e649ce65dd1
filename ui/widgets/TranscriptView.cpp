#include "widgets/TranscriptView.h"

#include "style/AgentStateStyle.h"

#include <QEvent>
#include <QFontDatabase>
#include <QFontMetrics>
#include <QJsonDocument>
#include <QLocale>
#include <QScrollBar>
#include <QTextBlock>
#include <QTextBrowser>
#include <QTextCursor>
#include <QTextDocument>
#include <QTimer>
#include <QUrl>
#include <QVBoxLayout>

namespace switchboard {

namespace {
constexpr int kSystemPreviewLines = 3;
constexpr int kToolIndent = 14;       // tool steps sit under the model's turn
constexpr int kRelayoutDelayMs = 120; // after the last resize
constexpr QStringView kItemScheme = u"sb-item";

// A step is one block of the document: its line breaks become line separators (U+2028), which lay out as
// new lines inside the block.
QString inBlock(QString text)
{
    text.remove(u'\r');
    text.replace(u'\n', QChar::LineSeparator);
    text.replace(QChar::ParagraphSeparator, QChar::LineSeparator);
    return text;
}

// Arguments as the model wrote them, re-spaced: the key order is the model's (QJsonDocument would sort the
// keys, and "path" would no longer come first). Text that is not JSON is shown as it is.
QString reformatJson(const QString &text, bool indented)
{
    if (QJsonDocument::fromJson(text.toUtf8()).isNull())
        return indented ? text : text.simplified();
    QString out;
    out.reserve(text.size() + text.size() / 4);
    int depth = 0;
    bool inString = false;
    bool escaped = false;
    const auto newline = [&out, &depth] {
        out += u'\n';
        out += QString(depth * 4, u' ');
    };
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text.at(i);
        if (inString) {
            out += c;
            if (escaped)
                escaped = false;
            else if (c == u'\\')
                escaped = true;
            else if (c == u'"')
                inString = false;
            continue;
        }
        if (c.isSpace())
            continue;
        if (c == u'"') {
            inString = true;
            out += c;
        } else if (c == u'{' || c == u'[') {
            out += c;
            // An empty object or array stays on its line.
            qsizetype next = i + 1;
            while (next < text.size() && text.at(next).isSpace())
                ++next;
            if (next < text.size() && (text.at(next) == u'}' || text.at(next) == u']')) {
                out += text.at(next);
                i = next;
                continue;
            }
            ++depth;
            if (indented)
                newline();
        } else if (c == u'}' || c == u']') {
            --depth;
            if (indented)
                newline();
            out += c;
        } else if (c == u',') {
            out += c;
            if (indented)
                newline();
        } else if (c == u':') {
            out += indented ? QStringLiteral(": ") : QStringLiteral(":");
        } else {
            out += c;
        }
    }
    return out;
}

// Steps come seconds apart: the local time to the second, without the zone the long format adds.
QString clockTime(const QDateTime &at)
{
    return QLocale().toString(at.toLocalTime().time(), QStringLiteral("HH:mm:ss"));
}

bool comesAfter(const TranscriptEntry &e, const TranscriptEntry &last)
{
    return e.attempt > last.attempt || (e.attempt == last.attempt && e.seq > last.seq);
}

QString callKey(int attempt, const QString &toolCallId)
{
    return QString::number(attempt) + u'/' + toolCallId;
}
} // namespace

TranscriptView::TranscriptView(QWidget *parent)
    : QWidget(parent)
    , m_browser(new QTextBrowser(this))
    , m_relayout(new QTimer(this))
{
    setObjectName(QStringLiteral("transcriptView"));
    m_browser->setObjectName(QStringLiteral("transcriptBrowser"));
    m_browser->setOpenLinks(false);
    m_browser->setOpenExternalLinks(false);
    m_browser->setUndoRedoEnabled(false);
    // Long lines wrap; the one-line tool calls are elided to the width instead of scrolling sideways.
    m_browser->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_browser->document()->setDocumentMargin(10);
    m_browser->viewport()->installEventFilter(this);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_browser);

    m_relayout->setSingleShot(true);
    m_relayout->setInterval(kRelayoutDelayMs);
    connect(m_relayout, &QTimer::timeout, this, &TranscriptView::rerenderCollapsedCalls);
    connect(m_browser, &QTextBrowser::anchorClicked, this, &TranscriptView::handleAnchorClicked);
    QScrollBar *bar = m_browser->verticalScrollBar();
    // Following the newest step: the range grows after the (possibly deferred) layout of what was appended.
    connect(bar, &QScrollBar::valueChanged, this, [this] { m_followTail = isAtBottom(); });
    connect(bar, &QScrollBar::rangeChanged, this, [this, bar] {
        if (m_followTail)
            bar->setValue(bar->maximum());
    });
}

void TranscriptView::setEmptyText(const QString &text)
{
    m_emptyText = text;
    m_browser->setPlaceholderText(text);
}

QString TranscriptView::emptyText() const
{
    return m_emptyText;
}

void TranscriptView::clear()
{
    m_entries.clear();
    m_items.clear();
    m_callItems.clear();
    m_browser->clear();
    m_followTail = true;
}

void TranscriptView::setEntries(const QList<TranscriptEntry> &entries, bool atEnd)
{
    clear();
    m_followTail = atEnd;
    appendEntries(entries);
    if (!atEnd)
        m_browser->verticalScrollBar()->setValue(0);
}

void TranscriptView::appendEntries(const QList<TranscriptEntry> &entries)
{
    if (entries.isEmpty())
        return;
    const bool follow = m_followTail;
    QTextCursor cursor(m_browser->document());
    cursor.beginEditBlock(); // one layout for the whole batch
    for (const TranscriptEntry &entry : entries) {
        if (!m_entries.isEmpty() && !comesAfter(entry, m_entries.constLast()))
            continue;
        append(entry);
    }
    cursor.endEditBlock();
    m_followTail = follow;
    if (follow)
        m_browser->verticalScrollBar()->setValue(m_browser->verticalScrollBar()->maximum());
}

void TranscriptView::append(const TranscriptEntry &entry)
{
    const int index = int(m_entries.size());
    m_entries.append(entry);
    if (index == 0 || m_entries.at(index - 1).attempt != entry.attempt) {
        Item heading;
        heading.type = Item::Type::Attempt;
        heading.attempt = entry.attempt;
        heading.entry = index;
        addItem(heading);
    }
    // A result folds into its call's line when the call is shown; a result without one stands alone.
    if (entry.kind == TranscriptEntry::Kind::ToolResult) {
        const int call = m_callItems.value(callKey(entry.attempt, entry.toolCallId), -1);
        if (call >= 0 && m_items[size_t(call)].result < 0) {
            m_items[size_t(call)].result = index;
            rerender(call);
            return;
        }
    }
    Item item;
    item.attempt = entry.attempt;
    item.entry = index;
    if (entry.kind == TranscriptEntry::Kind::ToolCall && !entry.toolCallId.isEmpty())
        m_callItems.insert(callKey(entry.attempt, entry.toolCallId), int(m_items.size()));
    addItem(item);
}

void TranscriptView::addItem(Item item)
{
    QTextCursor cursor(m_browser->document());
    cursor.movePosition(QTextCursor::End);
    if (!m_items.empty())
        cursor.insertBlock();
    m_items.push_back(item);
    render(cursor, int(m_items.size()) - 1);
}

void TranscriptView::rerender(int item)
{
    const QTextBlock block = m_browser->document()->findBlockByNumber(item);
    if (!block.isValid())
        return;
    QTextCursor cursor(block);
    cursor.beginEditBlock();
    cursor.movePosition(QTextCursor::EndOfBlock, QTextCursor::KeepAnchor);
    cursor.removeSelectedText();
    render(cursor, item);
    cursor.endEditBlock();
}

void TranscriptView::rerenderCollapsedCalls()
{
    const int width = lineWidth();
    if (width == m_lastWidth)
        return;
    m_lastWidth = width;
    QTextCursor batch(m_browser->document());
    batch.beginEditBlock();
    for (size_t i = 0; i < m_items.size(); ++i) {
        const Item &item = m_items[i];
        if (item.type == Item::Type::Entry && !item.expanded &&
            m_entries.at(item.entry).kind == TranscriptEntry::Kind::ToolCall)
            rerender(int(i));
    }
    batch.endEditBlock();
}

void TranscriptView::render(QTextCursor &cursor, int index) const
{
    const Item &item = m_items[size_t(index)];
    const QPalette &pal = palette();
    QTextBlockFormat block;
    QTextCharFormat plain;
    plain.setForeground(pal.color(QPalette::Text));
    if (item.type == Item::Type::Attempt) {
        block.setTopMargin(item.entry == 0 ? 0 : 16);
        block.setBottomMargin(2);
        cursor.setBlockFormat(block);
        QTextCharFormat heading = plain;
        heading.setFontWeight(QFont::DemiBold);
        heading.setForeground(pal.color(QPalette::PlaceholderText));
        const TranscriptEntry &first = m_entries.at(item.entry);
        QString text = tr("Attempt %1").arg(item.attempt);
        if (first.at.isValid())
            text = tr("%1 · started %2").arg(text, clockTime(first.at));
        cursor.insertText(text, heading);
        return;
    }
    const TranscriptEntry &e = m_entries.at(item.entry);
    if (e.kind == TranscriptEntry::Kind::ToolCall) {
        renderToolCall(cursor, index, e);
        return;
    }
    renderEntry(cursor, index, e);
}

void TranscriptView::renderEntry(QTextCursor &cursor, int index, const TranscriptEntry &e) const
{
    const Item &item = m_items[size_t(index)];
    const QPalette &pal = palette();
    const bool tool = e.kind == TranscriptEntry::Kind::ToolResult;
    QTextBlockFormat block;
    block.setTopMargin(8);
    block.setLeftMargin(tool ? kToolIndent : 0);
    cursor.setBlockFormat(block);

    QTextCharFormat plain;
    plain.setForeground(pal.color(QPalette::Text));
    QTextCharFormat label = plain;
    label.setFontWeight(QFont::DemiBold);
    const AgentState tone = e.kind == TranscriptEntry::Kind::Assistant            ? AgentState::Running
                            : e.kind == TranscriptEntry::Kind::User               ? AgentState::Escalated
                            : e.kind == TranscriptEntry::Kind::Error || e.isError ? AgentState::Failed
                            : tool                                                ? AgentState::WaitingForLock
                                                                                  : AgentState::Queued;
    label.setForeground(AgentStateStyle::foreground(tone, pal));
    QTextCharFormat meta = plain;
    meta.setForeground(pal.color(QPalette::PlaceholderText));
    QTextCharFormat body = plain;
    if (tool)
        body.setFontFamilies(QFontDatabase::systemFont(QFontDatabase::FixedFont).families());

    cursor.insertText(roleLabel(e), label);
    QStringList details;
    if (e.at.isValid())
        details << clockTime(e.at);
    const QString usage = usageText(e);
    if (!usage.isEmpty())
        details << usage;
    if (!details.isEmpty())
        cursor.insertText(QStringLiteral("   ") + details.join(QStringLiteral(" · ")), meta);

    if (e.text.isEmpty())
        return;
    const QString separator(QChar::LineSeparator);
    if (e.kind == TranscriptEntry::Kind::System) {
        const QStringList lines = e.text.split(u'\n');
        const bool longText = lines.size() > kSystemPreviewLines;
        const QString shown =
            item.expanded || !longText ? e.text : lines.mid(0, kSystemPreviewLines).join(u'\n') + QStringLiteral(" …");
        cursor.insertText(separator + inBlock(shown), body);
        if (longText) {
            QTextCharFormat link = meta;
            link.setAnchor(true);
            link.setAnchorHref(kItemScheme + u':' + QString::number(index));
            link.setForeground(pal.color(QPalette::Link));
            cursor.insertText(separator, body);
            cursor.insertText(
                item.expanded ? tr("▴ Show less") : tr("▸ Show all %n line(s)", nullptr, int(lines.size())), link);
        }
        return;
    }
    cursor.insertText(separator + inBlock(e.text), body);
}

void TranscriptView::renderToolCall(QTextCursor &cursor, int index, const TranscriptEntry &call) const
{
    const Item &item = m_items[size_t(index)];
    const QPalette &pal = palette();
    const TranscriptEntry *result = item.result >= 0 ? &m_entries.at(item.result) : nullptr;
    const QFont mono = QFontDatabase::systemFont(QFontDatabase::FixedFont);
    const QString href = kItemScheme + u':' + QString::number(index);
    const QString separator(QChar::LineSeparator);

    QTextBlockFormat block;
    block.setTopMargin(6);
    block.setLeftMargin(kToolIndent);
    // Collapsed, a call is exactly one line: elided to the width, never wrapped.
    block.setNonBreakableLines(!item.expanded);
    cursor.setBlockFormat(block);

    QTextCharFormat plain;
    plain.setForeground(pal.color(QPalette::Text));
    QTextCharFormat meta = plain;
    meta.setForeground(pal.color(QPalette::PlaceholderText));
    QTextCharFormat name = plain;
    name.setFontFamilies(mono.families());
    name.setFontWeight(QFont::DemiBold);
    name.setForeground(AgentStateStyle::foreground(AgentState::WaitingForLock, pal));
    QTextCharFormat args = plain;
    args.setFontFamilies(mono.families());
    QTextCharFormat failed = plain;
    failed.setForeground(AgentStateStyle::foreground(AgentState::Failed, pal));
    failed.setFontWeight(QFont::DemiBold);
    // The whole summary line is the toggle.
    const auto linked = [&href](QTextCharFormat format) {
        format.setAnchor(true);
        format.setAnchorHref(href);
        return format;
    };

    const QString toolName = call.toolName.isEmpty() ? tr("(unnamed tool)") : call.toolName;
    QString status;
    if (!result)
        status = tr("running…");
    else if (result->isError)
        status = tr("failed");
    if (!item.expanded) {
        const QString lead = QStringLiteral("▸ ");
        cursor.insertText(lead, linked(meta));
        cursor.insertText(toolName, linked(name));
        QFont nameFont(mono);
        nameFont.setWeight(QFont::DemiBold);
        const int used = QFontMetrics(font()).horizontalAdvance(lead) +
                         QFontMetrics(nameFont).horizontalAdvance(toolName) +
                         (status.isEmpty() ? 0 : QFontMetrics(font()).horizontalAdvance(status) + 24);
        const QString shownArgs = QFontMetrics(mono).elidedText(QStringLiteral("  ") + reformatJson(call.text, false),
                                                                Qt::ElideRight, qMax(40, lineWidth() - used));
        cursor.insertText(shownArgs, linked(args));
        if (!status.isEmpty())
            cursor.insertText(QStringLiteral("  ") + status, linked(result ? failed : meta));
        return;
    }

    cursor.insertText(QStringLiteral("▾ "), linked(meta));
    cursor.insertText(toolName, linked(name));
    if (call.at.isValid())
        cursor.insertText(QStringLiteral("   ") + clockTime(call.at), meta);
    QTextCharFormat heading = meta;
    heading.setFontWeight(QFont::DemiBold);
    cursor.insertText(separator + tr("Arguments"), heading);
    cursor.insertText(separator + inBlock(call.text.isEmpty() ? QStringLiteral("{}") : reformatJson(call.text, true)),
                      args);
    if (!result) {
        QTextCharFormat waiting = meta;
        waiting.setFontItalic(true);
        cursor.insertText(separator + tr("No result yet"), waiting);
        return;
    }
    cursor.insertText(separator + (result->isError ? tr("Error") : tr("Result")), result->isError ? failed : heading);
    if (result->at.isValid())
        cursor.insertText(QStringLiteral("   ") + clockTime(result->at), meta);
    QTextCharFormat output = args;
    if (result->isError)
        output.setForeground(failed.foreground());
    cursor.insertText(separator + inBlock(result->text.isEmpty() ? tr("(empty)") : result->text), output);
}

QString TranscriptView::roleLabel(const TranscriptEntry &e) const
{
    switch (e.kind) {
    case TranscriptEntry::Kind::System:
        return tr("System prompt");
    case TranscriptEntry::Kind::User:
        return tr("User");
    case TranscriptEntry::Kind::Assistant:
        return tr("Assistant");
    case TranscriptEntry::Kind::ToolCall:
        return tr("Tool call");
    case TranscriptEntry::Kind::ToolResult:
        return e.isError ? tr("Tool error") : tr("Tool result");
    case TranscriptEntry::Kind::Error:
        return tr("Error");
    }
    return {};
}

QString TranscriptView::usageText(const TranscriptEntry &e) const
{
    if (e.inputTokens <= 0 && e.outputTokens <= 0 && e.costUsd <= 0)
        return {};
    const QLocale locale;
    QString text = tr("%1 in · %2 out").arg(locale.toString(e.inputTokens), locale.toString(e.outputTokens));
    if (e.costUsd > 0)
        text += QStringLiteral(" · $") + locale.toString(e.costUsd, 'f', e.costUsd < 0.01 ? 4 : 2);
    return text;
}

int TranscriptView::lineWidth() const
{
    const qreal margins = 2 * m_browser->document()->documentMargin() + kToolIndent + 8;
    return qMax(80, m_browser->viewport()->width() - int(margins));
}

QString TranscriptView::itemText(int item) const
{
    const QTextBlock block = m_browser->document()->findBlockByNumber(item);
    if (!block.isValid() || item < 0 || size_t(item) >= m_items.size())
        return {};
    QString text = block.text();
    text.replace(QChar::LineSeparator, u'\n');
    return text;
}

int TranscriptView::itemForToolCall(const QString &toolCallId) const
{
    for (size_t i = 0; i < m_items.size(); ++i) {
        const Item &item = m_items[i];
        if (item.type == Item::Type::Entry && m_entries.at(item.entry).kind == TranscriptEntry::Kind::ToolCall &&
            m_entries.at(item.entry).toolCallId == toolCallId)
            return int(i);
    }
    return -1;
}

bool TranscriptView::isExpandable(int item) const
{
    if (item < 0 || size_t(item) >= m_items.size() || m_items[size_t(item)].type != Item::Type::Entry)
        return false;
    const TranscriptEntry &e = m_entries.at(m_items[size_t(item)].entry);
    return e.kind == TranscriptEntry::Kind::ToolCall ||
           (e.kind == TranscriptEntry::Kind::System && e.text.count(u'\n') >= kSystemPreviewLines);
}

bool TranscriptView::isExpanded(int item) const
{
    return isExpandable(item) && m_items[size_t(item)].expanded;
}

void TranscriptView::setExpanded(int item, bool expanded)
{
    if (!isExpandable(item) || m_items[size_t(item)].expanded == expanded)
        return;
    m_items[size_t(item)].expanded = expanded;
    // The reader is looking at this step: opening it must not jump to the newest one.
    m_followTail = false;
    rerender(item);
}

void TranscriptView::handleAnchorClicked(const QUrl &url)
{
    if (url.scheme() != kItemScheme)
        return;
    bool ok = false;
    const int item = url.path().toInt(&ok);
    if (ok)
        setExpanded(item, !isExpanded(item));
}

bool TranscriptView::isAtBottom() const
{
    const QScrollBar *bar = m_browser->verticalScrollBar();
    return bar->value() >= bar->maximum() - 4;
}

bool TranscriptView::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_browser->viewport() && event->type() == QEvent::Resize && !m_items.empty())
        m_relayout->start();
    return QWidget::eventFilter(watched, event);
}

void TranscriptView::changeEvent(QEvent *event)
{
    // Colours and labels are baked into the blocks: render them again.
    if (event->type() == QEvent::PaletteChange || event->type() == QEvent::LanguageChange ||
        event->type() == QEvent::FontChange) {
        const QList<TranscriptEntry> entries = m_entries;
        std::vector<bool> expanded;
        for (const Item &item : m_items)
            expanded.push_back(item.expanded);
        const int value = m_browser->verticalScrollBar()->value();
        const bool follow = m_followTail;
        clear();
        m_followTail = follow;
        appendEntries(entries);
        for (size_t i = 0; i < expanded.size() && i < m_items.size(); ++i) {
            if (expanded[i]) {
                m_items[i].expanded = true;
                rerender(int(i));
            }
        }
        m_followTail = follow;
        if (!follow)
            m_browser->verticalScrollBar()->setValue(value);
    }
    QWidget::changeEvent(event);
}

} // namespace switchboard
