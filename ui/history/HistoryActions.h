#pragma once

#include <QCoreApplication>

class QAction;
class QLineEdit;
class QMenu;
class QPalette;
class QStyle;
class QToolBar;
class QToolButton;

namespace switchboard {

class HistoryWindow;

// The History window's commands: its actions with their shortcuts, the menu bar, and the toolbar with the
// search field and the Export button. Their texts stay in the window's translation context.
class HistoryActions final
{
    Q_DECLARE_TR_FUNCTIONS(switchboard::HistoryWindow)
    Q_DISABLE_COPY_MOVE(HistoryActions)

public:
    // Adds the menus and the toolbar to window (which owns them); the actions trigger its slots.
    explicit HistoryActions(HistoryWindow *window);

    QLineEdit *search() const { return m_search; }
    QAction *rerunGoal() const { return m_rerunGoal; }
    QAction *rerunPlan() const { return m_rerunPlan; }
    QAction *copyGoalId() const { return m_copyGoalId; }
    // The four exports and the Export button.
    void setExportEnabled(bool enabled);

    // readOnly: re-running is off; storeReadOnly: because another Switchboard owns the database.
    void retranslate(bool readOnly, bool storeReadOnly);
    void updateIcons(const QPalette &palette, const QStyle *style);

private:
    QMenu *m_fileMenu;
    QMenu *m_exportMenu;
    QMenu *m_viewMenu;
    QMenu *m_runMenu;
    QToolBar *m_toolBar;
    QLineEdit *m_search;
    QAction *m_searchIcon;
    QToolButton *m_exportButton;
    QAction *m_refresh;
    QAction *m_find;
    QAction *m_rerunGoal;
    QAction *m_rerunPlan;
    QAction *m_exportMarkdown;
    QAction *m_exportJson;
    QAction *m_exportActivity;
    QAction *m_exportState;
    QAction *m_close;
    QAction *m_copyGoalId;
};

} // namespace switchboard
