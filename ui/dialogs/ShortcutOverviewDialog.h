#pragma once

#include <QDialog>
#include <QPointer>

class QLineEdit;
class QMenuBar;
class QTreeWidget;

namespace switchboard {

// F1: every action of the main window that has a shortcut, grouped by its menu, with a filter. Read from the
// menu bar's actions each time it opens, so it lists exactly what the keys do (never a hand-kept copy).
class ShortcutOverviewDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ShortcutOverviewDialog)

public:
    explicit ShortcutOverviewDialog(QMenuBar *menus, QWidget *parent = nullptr);

    // "Menu ▸ Action\tShortcut" lines of what is shown (filter applied), for tests and copying.
    QStringList visibleEntries() const;
    QLineEdit *filterField() const { return m_filter; }

protected:
    void showEvent(QShowEvent *event) override;

private:
    void populate();
    void applyFilter(const QString &text);

    QPointer<QMenuBar> m_menus;
    QLineEdit *m_filter;
    QTreeWidget *m_tree;
};

} // namespace switchboard
