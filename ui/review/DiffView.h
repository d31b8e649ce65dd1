#pragma once

#include <QList>
#include <QPlainTextEdit>
#include <QString>

namespace switchboard {

class DiffHighlighter;

// A read-only, monospace view of a unified diff, coloured by DiffHighlighter, that knows where each file's
// section starts: a file can be jumped to and folded to its header line (double-click a header to toggle).
// Plain text with hidden blocks, so a 20,000-line diff loads and scrolls without a widget per line.
class DiffView final : public QPlainTextEdit
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(DiffView)

public:
    explicit DiffView(QWidget *parent = nullptr);

    void setDiff(const QString &diff);
    // The files in the order the diff shows them (the new path of a rename).
    QStringList files() const;
    // Scrolls so the file's header is the top line (expanding it when folded).
    void scrollToFile(const QString &path);
    void setFileCollapsed(const QString &path, bool collapsed);
    bool isFileCollapsed(const QString &path) const;
    void setAllCollapsed(bool collapsed);
    // The block number of the file's "diff --git" line, -1 when the diff has no such file.
    int fileHeaderBlock(const QString &path) const;
    DiffHighlighter *highlighter() const { return m_highlighter; }

Q_SIGNALS:
    void fileCollapsedChanged(const QString &path, bool collapsed);

protected:
    void changeEvent(QEvent *event) override;
    void mouseDoubleClickEvent(QMouseEvent *event) override;
    void paintEvent(QPaintEvent *event) override;

private:
    struct FileSection
    {
        QString path;
        int firstBlock = 0; // the "diff --git" line
        int lastBlock = 0;
        bool collapsed = false;
    };

    int sectionIndex(const QString &path) const;
    int sectionAtBlock(int blockNumber) const;
    void applyCollapsed(FileSection &section, bool collapsed);

    DiffHighlighter *m_highlighter;
    QList<FileSection> m_sections;
};

} // namespace switchboard
