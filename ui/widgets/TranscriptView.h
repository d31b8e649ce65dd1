#pragma once

#include "model/TranscriptEntry.h"

#include <QHash>
#include <QList>
#include <QString>
#include <QWidget>

#include <vector>

class QTextBrowser;
class QTextCursor;
class QTimer;
class QUrl;

namespace switchboard {

// A model agent's conversation, readable: one block per step with its role, text and the usage of the call
// that produced it; each tool call collapsed to one line ("▸ read_file {"path":"src/a.py"}", elided) that a
// click expands to the full arguments and the tool's result. Attempts are headed. Built on a QTextBrowser
// whose blocks are the items, so thousands of steps stay cheap, text can be selected and copied, new steps
// are appended without touching the rest (the scroll position is kept unless the view is at the bottom),
// and expanding re-renders one block.
class TranscriptView final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TranscriptView)

public:
    explicit TranscriptView(QWidget *parent = nullptr);

    // Replaces what is shown; at the top (atEnd = false) or following the newest step.
    void setEntries(const QList<TranscriptEntry> &entries, bool atEnd);
    // Adds the entries that come after the last one shown (by attempt, then seq); older or repeated ones are
    // skipped, so a live source and a stored copy may overlap.
    void appendEntries(const QList<TranscriptEntry> &entries);
    void clear();
    // Shown instead of the transcript while there is none.
    void setEmptyText(const QString &text);
    QString emptyText() const;

    // --- what is shown (tests, copy) ---
    int entryCount() const { return int(m_entries.size()); }
    int itemCount() const { return int(m_items.size()); }
    // The item's text as displayed (lines separated by '\n').
    QString itemText(int item) const;
    // The item that shows this tool call (with its result folded in), or -1.
    int itemForToolCall(const QString &toolCallId) const;
    bool isExpandable(int item) const;
    bool isExpanded(int item) const;
    void setExpanded(int item, bool expanded);
    QTextBrowser *browser() const { return m_browser; }

protected:
    void changeEvent(QEvent *event) override;
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    struct Item
    {
        enum class Type
        {
            Attempt, // "Attempt N" heading
            Entry,
        };
        Type type = Type::Entry;
        int attempt = 0;
        int entry = -1;  // index into m_entries
        int result = -1; // ToolCall: the index of its ToolResult, once it came
        bool expanded = false;
    };

    void append(const TranscriptEntry &entry);
    void addItem(Item item);
    // Writes item `index` into the (empty) block at cursor.
    void render(QTextCursor &cursor, int index) const;
    void renderEntry(QTextCursor &cursor, int index, const TranscriptEntry &e) const;
    void renderToolCall(QTextCursor &cursor, int index, const TranscriptEntry &call) const;
    void rerender(int item);
    void rerenderCollapsedCalls();
    void handleAnchorClicked(const QUrl &url);
    bool isAtBottom() const;
    QString roleLabel(const TranscriptEntry &e) const;
    QString usageText(const TranscriptEntry &e) const;
    int lineWidth() const;

    QTextBrowser *m_browser;
    QTimer *m_relayout; // the collapsed tool calls are elided to the width: redone once a resize settles
    QString m_emptyText;
    QList<TranscriptEntry> m_entries;
    std::vector<Item> m_items;       // item i is block i of the document
    QHash<QString, int> m_callItems; // "<attempt>/<tool call id>" -> item
    bool m_followTail = true;
    int m_lastWidth = -1;
};

} // namespace switchboard
