#include "MainWindowActions.h"

#include "MainWindow.h"
#include "style/ThemedIcons.h"

#include <QAction>
#include <QApplication>
#include <QLabel>
#include <QMenu>
#include <QMenuBar>
#include <QSpinBox>
#include <QToolBar>

namespace switchboard {

MainWindowActions::MainWindowActions(MainWindow *window, QWidget *board)
{
    createActions(window, board);
    createMenus(window);
    createKeyboardActions(window);
    createToolBar(window);
}

void MainWindowActions::createActions(MainWindow *window, QWidget *board)
{
    const auto make = [window](const QString &objectName) {
        auto *action = new QAction(window);
        action->setObjectName(objectName);
        return action;
    };
    m_newGoal = make(QStringLiteral("actionNewGoal"));
    m_newGoal->setShortcut(QKeySequence::New);
    QObject::connect(m_newGoal, &QAction::triggered, window, &MainWindow::showNewGoalDialog);

    m_spawnParallel = make(QStringLiteral("actionSpawnParallel"));
    m_spawnParallel->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_N));
    QObject::connect(m_spawnParallel, &QAction::triggered, window, &MainWindow::showSpawnParallelDialog);

    m_runPlan = make(QStringLiteral("actionRunPlan"));
    m_runPlan->setShortcut(QKeySequence::Open);
    QObject::connect(m_runPlan, &QAction::triggered, window, &MainWindow::showRunPlanDialog);

    m_planWithAi = make(QStringLiteral("actionPlanWithAi"));
    m_planWithAi->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_O));
    QObject::connect(m_planWithAi, &QAction::triggered, window, &MainWindow::showAiPlanDialog);

    m_showHistory = make(QStringLiteral("actionShowHistory"));
    m_showHistory->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_H));
    QObject::connect(m_showHistory, &QAction::triggered, window, &MainWindow::showHistory);

    m_quit = make(QStringLiteral("actionQuit"));
    m_quit->setShortcut(QKeySequence::Quit);
    m_quit->setMenuRole(QAction::QuitRole);
    QObject::connect(m_quit, &QAction::triggered, window, &QWidget::close);

    // Delete cancels the selected cards while the board has focus (not while typing in a field).
    m_cancelSelected = make(QStringLiteral("actionCancelSelected"));
    m_cancelSelected->setShortcut(QKeySequence::Delete);
    m_cancelSelected->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    board->addAction(m_cancelSelected);
    QObject::connect(m_cancelSelected, &QAction::triggered, window, &MainWindow::cancelSelected);

    m_cancelAll = make(QStringLiteral("actionCancelAll"));
    m_cancelAll->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Delete));
    QObject::connect(m_cancelAll, &QAction::triggered, window, &MainWindow::confirmCancelAll);

    m_resumeSelected = make(QStringLiteral("actionResumeSelected"));
    m_resumeSelected->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_R));
    QObject::connect(m_resumeSelected, &QAction::triggered, window, &MainWindow::resumeSelected);
    m_resumeAll = make(QStringLiteral("actionResumeAll"));
    QObject::connect(m_resumeAll, &QAction::triggered, window, &MainWindow::resumeAllInterrupted);
    m_resumeRateLimited = make(QStringLiteral("actionResumeRateLimited"));
    QObject::connect(m_resumeRateLimited, &QAction::triggered, window, &MainWindow::resumeRateLimited);

    m_cleanup = make(QStringLiteral("actionCleanup"));
    m_cleanup->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_K));
    QObject::connect(m_cleanup, &QAction::triggered, window, &MainWindow::cleanupFinished);

    m_pauseDispatch = make(QStringLiteral("actionPauseDispatch"));
    m_pauseDispatch->setCheckable(true);
    m_pauseDispatch->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_P));

    m_copyId = make(QStringLiteral("actionCopyId"));
    m_copyId->setShortcut(QKeySequence::Copy);
    m_copyId->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    board->addAction(m_copyId);
    QObject::connect(m_copyId, &QAction::triggered, window, &MainWindow::copyAgentIds);

    m_showDetails = make(QStringLiteral("actionShowDetails"));
    m_showDetails->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_I));
    QObject::connect(m_showDetails, &QAction::triggered, window, &MainWindow::showDetails);

    m_find = make(QStringLiteral("actionFind"));
    m_find->setShortcut(QKeySequence::Find);

    m_compactCards = make(QStringLiteral("actionCompactCards"));
    m_compactCards->setCheckable(true);
    m_compactCards->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_M));

    m_about = make(QStringLiteral("actionAbout"));
    m_about->setMenuRole(QAction::AboutRole);
    QObject::connect(m_about, &QAction::triggered, window, &MainWindow::showAbout);
    m_settings = make(QStringLiteral("actionSettings"));
    m_settings->setMenuRole(QAction::PreferencesRole);
    QList<QKeySequence> settingsKeys = QKeySequence::keyBindings(QKeySequence::Preferences);
    const QKeySequence ctrlComma(Qt::CTRL | Qt::Key_Comma);
    settingsKeys.removeAll(ctrlComma);
    settingsKeys.prepend(ctrlComma); // the one the menu shows
    m_settings->setShortcuts(settingsKeys);
    QObject::connect(m_settings, &QAction::triggered, window, &MainWindow::showSettingsDialog);

    m_aboutQt = make(QStringLiteral("actionAboutQt"));
    m_aboutQt->setMenuRole(QAction::AboutQtRole);
    QObject::connect(m_aboutQt, &QAction::triggered, qApp, &QApplication::aboutQt);
}

void MainWindowActions::createMenus(MainWindow *window)
{
    m_fileMenu = window->menuBar()->addMenu(QString());
    m_fileMenu->setObjectName(QStringLiteral("fileMenu"));
    m_fileMenu->addAction(m_newGoal);
    m_fileMenu->addAction(m_spawnParallel);
    m_fileMenu->addAction(m_runPlan);
    m_fileMenu->addAction(m_planWithAi);
    m_fileMenu->addSeparator();
    m_fileMenu->addAction(m_showHistory);
    m_fileMenu->addSeparator();
    m_fileMenu->addAction(m_quit);

    m_agentsMenu = window->menuBar()->addMenu(QString());
    m_agentsMenu->setObjectName(QStringLiteral("agentsMenu"));
    m_agentsMenu->addAction(m_cancelSelected);
    m_agentsMenu->addAction(m_cancelAll);
    m_agentsMenu->addAction(m_cleanup);
    m_agentsMenu->addSeparator();
    m_agentsMenu->addAction(m_resumeSelected);
    m_agentsMenu->addAction(m_resumeAll);
    m_agentsMenu->addAction(m_resumeRateLimited);
    m_agentsMenu->addSeparator();
    m_agentsMenu->addAction(m_pauseDispatch);
    m_agentsMenu->addSeparator();
    m_agentsMenu->addAction(m_copyId);
    m_agentsMenu->addAction(m_showDetails);

    m_viewMenu = window->menuBar()->addMenu(QString());
    m_viewMenu->setObjectName(QStringLiteral("viewMenu"));
    m_viewMenu->addAction(m_find);
    m_viewMenu->addAction(m_compactCards);
    m_viewMenu->addSeparator();

    m_toolsMenu = window->menuBar()->addMenu(QString());
    m_toolsMenu->setObjectName(QStringLiteral("toolsMenu"));
    m_toolsMenu->addAction(m_settings);

    m_helpMenu = window->menuBar()->addMenu(QString());
    m_helpMenu->setObjectName(QStringLiteral("helpMenu"));
    m_helpMenu->addAction(m_about);
    m_helpMenu->addAction(m_aboutQt);
}

void MainWindowActions::createKeyboardActions(MainWindow *window)
{
    m_answerQuestion = new QAction(window);
    m_answerQuestion->setObjectName(QStringLiteral("actionAnswerQuestion"));
    m_answerQuestion->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Return));
    QObject::connect(m_answerQuestion, &QAction::triggered, window, &MainWindow::answerSelectedQuestion);
    m_agentsMenu->insertAction(m_copyId, m_answerQuestion);

    m_shortcutOverview = new QAction(window);
    m_shortcutOverview->setObjectName(QStringLiteral("actionShortcutOverview"));
    m_shortcutOverview->setShortcut(QKeySequence(Qt::Key_F1));
    QObject::connect(m_shortcutOverview, &QAction::triggered, window, &MainWindow::showShortcutOverview);
    m_helpMenu->insertAction(m_about, m_shortcutOverview);
    m_helpMenu->insertSeparator(m_about);
}

void MainWindowActions::createToolBar(MainWindow *window)
{
    m_toolBar = window->addToolBar(QString());
    m_toolBar->setObjectName(QStringLiteral("mainToolBar"));
    m_toolBar->setMovable(false);
    m_toolBar->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    m_toolBar->setIconSize(QSize(18, 18));
    m_toolBar->addAction(m_newGoal);
    m_toolBar->addAction(m_spawnParallel);
    m_toolBar->addAction(m_runPlan);
    m_toolBar->addAction(m_planWithAi);
    m_toolBar->addSeparator();
    m_toolBar->addAction(m_pauseDispatch);
    m_toolBar->addAction(m_cancelSelected);
    m_toolBar->addAction(m_cancelAll);
    m_toolBar->addAction(m_cleanup);

    auto *spacer = new QWidget(m_toolBar);
    spacer->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Preferred);
    m_toolBarSpacer = m_toolBar->addWidget(spacer);

    m_maxParallelLabel = new QLabel;
    m_maxParallel = new QSpinBox;
    m_maxParallelLabel->setObjectName(QStringLiteral("maxParallelLabel"));
    m_maxParallelLabel->setBuddy(m_maxParallel);
    m_maxParallel->setObjectName(QStringLiteral("maxParallelSpin"));
    m_maxParallel->setRange(1, kMaxParallelLimit);
    m_maxParallel->setAccelerated(true);
    m_maxParallel->setMinimumWidth(70);
    m_toolBar->addWidget(m_maxParallelLabel);
    m_toolBar->addWidget(m_maxParallel);
    auto *margin = new QWidget(m_toolBar);
    margin->setFixedWidth(8);
    m_toolBar->addWidget(margin);
    m_viewMenu->addAction(m_toolBar->toggleViewAction());
}

void MainWindowActions::retranslate(bool haveStore, Startup startup)
{
    m_fileMenu->setTitle(tr("&File"));
    m_agentsMenu->setTitle(tr("&Agents"));
    m_viewMenu->setTitle(tr("&View"));
    m_toolsMenu->setTitle(tr("&Tools"));
    m_helpMenu->setTitle(tr("&Help"));

    m_newGoal->setText(tr("&New goal…"));
    m_newGoal->setIconText(tr("New goal"));
    m_newGoal->setToolTip(tr("Give one agent a goal (Ctrl+N)"));
    m_spawnParallel->setText(tr("&Spawn parallel…"));
    m_spawnParallel->setIconText(tr("Spawn parallel"));
    m_spawnParallel->setToolTip(tr("Start several agents at once (Ctrl+Shift+N)"));
    m_runPlan->setText(tr("&Run plan…"));
    m_runPlan->setIconText(tr("Run plan"));
    m_runPlan->setToolTip(tr("Run a plan file or a template (Ctrl+O)"));
    m_planWithAi->setText(tr("Plan with &AI…"));
    m_planWithAi->setIconText(tr("Plan with AI"));
    m_planWithAi->setToolTip(tr("Let an LLM profile break an objective into goals to check and run (Ctrl+Shift+O)"));
    m_showHistory->setText(tr("&History…"));
    m_showHistory->setToolTip(haveStore ? tr("Past runs and their goals: search, re-run, export (Ctrl+H)")
                                        : tr("No database is open, so nothing is recorded"));
    if (startup != Startup::Done) {
        const QString wait = startup == Startup::Restoring
                                 ? tr("Available once the unfinished run is back on the board")
                                 : tr("Available once the database has been checked");
        for (QAction *spawning : {m_newGoal, m_spawnParallel, m_runPlan, m_planWithAi, m_showHistory})
            spawning->setToolTip(wait);
    }
    m_quit->setText(tr("&Quit"));
    m_cancelSelected->setText(tr("&Cancel selected…"));
    m_cancelSelected->setIconText(tr("Cancel"));
    m_cancelSelected->setToolTip(tr("Cancel the selected agents (Del)"));
    m_cancelAll->setText(tr("Cancel &all…"));
    m_cancelAll->setIconText(tr("Cancel all"));
    m_cancelAll->setToolTip(tr("Cancel every queued and running agent"));
    m_resumeSelected->setText(tr("&Resume interrupted"));
    m_resumeSelected->setIconText(tr("Resume"));
    m_resumeSelected->setToolTip(
        tr("Start the selected interrupted agents again: a new attempt from the beginning (Ctrl+R)"));
    m_resumeAll->setText(tr("Resume &all interrupted"));
    m_resumeAll->setToolTip(tr("Start every interrupted agent again, each with a new attempt"));
    m_resumeRateLimited->setText(tr("Resume &now (rate limit)"));
    m_resumeRateLimited->setToolTip(
        tr("End the rate-limit pause of the selected agents' profiles now: their agents may start again"));
    m_cleanup->setText(tr("C&lean up finished"));
    m_cleanup->setIconText(tr("Clean up"));
    m_cleanup->setToolTip(tr("Remove completed, failed, cancelled and blocked agents from the board"));
    const bool paused = m_pauseDispatch->isChecked();
    m_pauseDispatch->setText(paused ? tr("&Resume dispatch") : tr("&Pause dispatch"));
    m_pauseDispatch->setIconText(paused ? tr("Resume") : tr("Pause"));
    m_pauseDispatch->setToolTip(paused ? tr("Let queued agents start again")
                                       : tr("Start no new agents; running agents go on"));
    m_copyId->setText(tr("Cop&y agent id"));
    m_showDetails->setText(tr("Show &details"));
    m_find->setText(tr("&Find agents"));
    m_compactCards->setText(tr("&Compact cards"));
    m_compactCards->setToolTip(tr("Smaller cards showing state, goal and progress, so more agents fit (Ctrl+Shift+M)"));
    m_answerQuestion->setText(tr("A&nswer question"));
    m_answerQuestion->setToolTip(tr("Open the selected agent's question in the inbox, ready to answer (Ctrl+Return)"));
    m_shortcutOverview->setText(tr("&Keyboard shortcuts"));
    m_shortcutOverview->setToolTip(tr("Every action that has a shortcut (F1)"));
    m_settings->setText(tr("&Settings…"));
    m_settings->setToolTip(tr("Agent profiles, workflow defaults, notifications, language and theme (Ctrl+,)"));
    m_about->setText(tr("&About Switchboard"));
    m_aboutQt->setText(tr("About &Qt"));
    m_toolBar->setWindowTitle(tr("Toolbar"));
    m_toolBar->toggleViewAction()->setText(tr("&Toolbar"));
    m_maxParallelLabel->setText(tr("&Max parallel:"));
    m_maxParallel->setToolTip(tr("How many agents may run at the same time; takes effect at once"));
}

void MainWindowActions::addReviewActions(QAction *showReview, QAction *cleanUpWorktrees)
{
    m_showReview = showReview;
    m_toolBar->insertAction(m_toolBarSpacer, showReview);
    QAction *afterCleanup = nullptr;
    const QList<QAction *> agentActions = m_agentsMenu->actions();
    const qsizetype cleanupAt = agentActions.indexOf(m_cleanup);
    if (cleanupAt >= 0 && cleanupAt + 1 < agentActions.size())
        afterCleanup = agentActions.at(cleanupAt + 1);
    m_agentsMenu->insertAction(afterCleanup, cleanUpWorktrees);
    m_agentsMenu->insertAction(afterCleanup, showReview);
}

void MainWindowActions::updateIcons(const QPalette &palette)
{
    const QPalette &p = palette;
    if (m_showReview)
        m_showReview->setIcon(ThemedIcons::icon(QStringLiteral("state-review"), p));
    m_newGoal->setIcon(ThemedIcons::icon(QStringLiteral("new-goal"), p));
    m_spawnParallel->setIcon(ThemedIcons::icon(QStringLiteral("spawn-parallel"), p));
    m_runPlan->setIcon(ThemedIcons::icon(QStringLiteral("run-plan"), p));
    m_planWithAi->setIcon(ThemedIcons::icon(QStringLiteral("plan-ai"), p));
    m_showHistory->setIcon(ThemedIcons::icon(QStringLiteral("clock"), p));
    m_quit->setIcon(ThemedIcons::icon(QStringLiteral("quit"), p));
    m_cancelSelected->setIcon(ThemedIcons::icon(QStringLiteral("cancel"), p));
    m_cancelAll->setIcon(ThemedIcons::icon(QStringLiteral("cancel-all"), p));
    m_resumeSelected->setIcon(ThemedIcons::icon(QStringLiteral("resume"), p));
    m_resumeAll->setIcon(ThemedIcons::icon(QStringLiteral("resume"), p));
    m_resumeRateLimited->setIcon(ThemedIcons::icon(QStringLiteral("resume"), p));
    m_cleanup->setIcon(ThemedIcons::icon(QStringLiteral("cleanup"), p));
    m_pauseDispatch->setIcon(
        ThemedIcons::icon(m_pauseDispatch->isChecked() ? QStringLiteral("resume") : QStringLiteral("pause"), p));
    m_copyId->setIcon(ThemedIcons::icon(QStringLiteral("copy"), p));
    m_showDetails->setIcon(ThemedIcons::icon(QStringLiteral("details"), p));
    m_find->setIcon(ThemedIcons::icon(QStringLiteral("search"), p));
    m_compactCards->setIcon(ThemedIcons::icon(QStringLiteral("compact"), p));
    m_about->setIcon(ThemedIcons::icon(QStringLiteral("about"), p));
    m_settings->setIcon(ThemedIcons::icon(QStringLiteral("settings"), p));
}

} // namespace switchboard
