#pragma once

#include <QCoreApplication>

class QAction;
class QLabel;
class QMenu;
class QPalette;
class QSpinBox;
class QToolBar;
class QWidget;

namespace switchboard {

class MainWindow;

// The main window's commands: every action with its shortcut, the File, Agents, View and Help menus, and the
// toolbar with the max-parallel spin box. Their texts stay in the window's translation context.
class MainWindowActions final
{
    Q_DECLARE_TR_FUNCTIONS(switchboard::MainWindow)
    Q_DISABLE_COPY_MOVE(MainWindowActions)

public:
    static constexpr int kMaxParallelLimit = 1024;

    // Adds the menus and the toolbar to window (which owns them); the actions trigger its slots. Delete and
    // Copy act on board (the card view) while it has the focus.
    MainWindowActions(MainWindow *window, QWidget *board);

    QAction *newGoal() const { return m_newGoal; }
    QAction *spawnParallel() const { return m_spawnParallel; }
    QAction *runPlan() const { return m_runPlan; }
    QAction *planWithAi() const { return m_planWithAi; }
    QAction *showHistory() const { return m_showHistory; }
    QAction *cancelSelected() const { return m_cancelSelected; }
    QAction *cancelAll() const { return m_cancelAll; }
    QAction *resumeSelected() const { return m_resumeSelected; }
    QAction *resumeAll() const { return m_resumeAll; }
    QAction *resumeRateLimited() const { return m_resumeRateLimited; }
    QAction *cleanup() const { return m_cleanup; }
    QAction *pauseDispatch() const { return m_pauseDispatch; }
    QAction *copyId() const { return m_copyId; }
    QAction *showDetails() const { return m_showDetails; }
    QAction *find() const { return m_find; }
    QAction *compactCards() const { return m_compactCards; }
    // Ctrl+Return: the selected agent's open question in the inbox, its answer field focused.
    QAction *answerQuestion() const { return m_answerQuestion; }
    // F1: every action with a shortcut, read from the menus (ShortcutOverviewDialog).
    QAction *shortcutOverview() const { return m_shortcutOverview; }
    // Tools ▸ Settings… (Ctrl+, and the platform's Preferences key).
    QAction *settings() const { return m_settings; }
    QMenu *agentsMenu() const { return m_agentsMenu; }
    QMenu *viewMenu() const { return m_viewMenu; }
    QSpinBox *maxParallel() const { return m_maxParallel; }

    // Puts the review actions (issue 15) in the Agents menu and on the toolbar after Clean up.
    void addReviewActions(QAction *showReview, QAction *cleanUpWorktrees);

    // What holds the actions that spawn goals back at start-up (their tooltips say so).
    enum class Startup
    {
        Done,
        CheckingDatabase, // the database's integrity check runs: nothing may be written yet
        Restoring,        // the unfinished run is being read back: restore() needs an empty board
    };
    // haveStore: the orchestrator records into a database (History has something to show).
    void retranslate(bool haveStore, Startup startup);
    void updateIcons(const QPalette &palette);

private:
    void createActions(MainWindow *window, QWidget *board);
    void createMenus(MainWindow *window);
    void createToolBar(MainWindow *window);
    void createKeyboardActions(MainWindow *window);

    QMenu *m_fileMenu = nullptr;
    QMenu *m_agentsMenu = nullptr;
    QMenu *m_viewMenu = nullptr;
    QMenu *m_toolsMenu = nullptr;
    QMenu *m_helpMenu = nullptr;
    QToolBar *m_toolBar = nullptr;
    QLabel *m_maxParallelLabel = nullptr;
    QSpinBox *m_maxParallel = nullptr;
    QAction *m_toolBarSpacer = nullptr;
    QAction *m_showReview = nullptr;

    QAction *m_newGoal = nullptr;
    QAction *m_spawnParallel = nullptr;
    QAction *m_runPlan = nullptr;
    QAction *m_planWithAi = nullptr;
    QAction *m_showHistory = nullptr;
    QAction *m_quit = nullptr;
    QAction *m_cancelSelected = nullptr;
    QAction *m_cancelAll = nullptr;
    QAction *m_resumeSelected = nullptr;
    QAction *m_resumeAll = nullptr;
    QAction *m_resumeRateLimited = nullptr;
    QAction *m_cleanup = nullptr;
    QAction *m_pauseDispatch = nullptr;
    QAction *m_copyId = nullptr;
    QAction *m_showDetails = nullptr;
    QAction *m_find = nullptr;
    QAction *m_compactCards = nullptr;
    QAction *m_about = nullptr;
    QAction *m_aboutQt = nullptr;
    QAction *m_answerQuestion = nullptr;
    QAction *m_shortcutOverview = nullptr;
    QAction *m_settings = nullptr;
};

} // namespace switchboard
