#pragma once

#include "config/Config.h"

#include <QMainWindow>
#include <QPointer>

#include <memory>

class QDockWidget;
class QMenu;
class QSystemTrayIcon;
class QTimer;

namespace switchboard {

class AgentBoardModel;
class AgentBoardView;
class AgentCardDelegate;
class AgentCommands;
class AgentDetailPane;
class AgentFilterProxyModel;
class CodingAgentsOffer;
class BoardFilterBar;
class HistoryWindow;
class InboxDock;
class LocalModelsOffer;
class LocksDock;
class MainWindowActions;
class MainWindowDocks;
class MetricsDock;
class ScratchpadDock;
class ShutdownController;
class DesktopNotificationSink;
class DesktopNotifier;
class Orchestrator;
class ReviewController;
class ReviewHub;
class RunStatusWidget;
class ConfigBanner;
class StorageBanner;

// Switchboard's window: the agent board in the middle (filter bar above it), the selected agent's details
// in a dock, live counts in the status bar, and every control (new goal, spawn parallel, run plan, cancel,
// clean up, pause dispatch, max parallel) in the menus, the toolbar and on the cards themselves.
class MainWindow final : public QMainWindow
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MainWindow)

public:
    MainWindow(Orchestrator *orchestrator, const Config &config, QWidget *parent = nullptr);
    ~MainWindow() override;

    // Shown in the title after "Switchboard — "; empty for just "Switchboard".
    void setPlanName(const QString &name);
    QString planName() const { return m_planName; }

    // While the last run is read and restored at start-up (StartupRestorer): the board says so, with the
    // number of goals once known (goals < 0: not yet), and New goal, Spawn parallel, Run plan and History
    // (which re-runs goals) are disabled with a tooltip saying why: restore() needs an empty board.
    // setRestoring(false) brings the run's cards, questions and notes in.
    void setRestoring(bool restoring, const QString &runName = {}, int goals = -1);
    bool isRestoring() const { return m_restoring; }
    // While restoring: the leftover cluster jobs of the crashed run being ended first (0: none, or done).
    void setEndingLeftoverJobs(int jobs);
    // While the database's integrity check runs at start-up (StartupRestorer, Store::openInBackground): the board
    // says so, naming the file, and what setRestoring(true) disables is disabled, saying why: nothing may be
    // written to the file before it has passed.
    void setCheckingDatabase(bool checking, const QString &databasePath = {});
    bool isCheckingDatabase() const { return m_checkingDatabase; }

    AgentBoardModel *boardModel() const { return m_model; }
    AgentFilterProxyModel *proxyModel() const { return m_proxy; }
    AgentBoardView *boardView() const { return m_view; }
    AgentDetailPane *detailPane() const { return m_detailPane; }
    InboxDock *inboxDock() const { return m_inboxDock; }
    LocksDock *locksDock() const { return m_locksDock; }
    MetricsDock *metricsDock() const { return m_metricsDock; }
    // Hidden until the store fails.
    StorageBanner *storageBanner() const { return m_storageBanner; }
    // Hidden unless the config did not load at start-up (main shows it with ConfigRecovery's summary).
    ConfigBanner *configBanner() const { return m_configBanner; }
    ScratchpadDock *scratchpadDock() const { return m_scratchpadDock; }
    // Review of goals that worked in git worktrees (issue 15): the Review window, the "Review (n)" action, the
    // leftover-worktree clean-up. The lead's wiring is this one call; until then the review actions are disabled.
    void setReviewController(ReviewController *controller);
    ReviewHub *reviewHub() const { return m_review; }
    // Agents ▸ Local models…: model servers found on this machine at start-up.
    LocalModelsOffer *localModels() const { return m_localModels; }
    // Agents ▸ Coding agents…: coding-agent CLIs found on PATH at start-up.
    CodingAgentsOffer *codingAgents() const { return m_codingAgents; }
    // Null when the desktop has no system tray.
    QSystemTrayIcon *trayIcon() const { return m_tray; }
    // The last "needs your input" notice (tray message or status bar), for tests.
    QString lastNotification() const { return m_lastNotification; }
    // Closing while agents work: keep running in the tray, cancel all and quit, or wait.
    ShutdownController *shutdownController() const { return m_shutdown; }
    // Desktop notifications (needs input, failed, review ready, run finished) and their switches (View menu).
    DesktopNotifier *notifier() const { return m_notifier; }

public Q_SLOTS:
    void showNewGoalDialog();
    void showSpawnParallelDialog();
    void showRunPlanDialog();
    // The Run plan dialog showing this plan file (its errors with file:line:column), for `switchboard FILE`;
    // nothing is started until the person presses Start. Waits for a restore in progress to end.
    void openPlanFile(const QString &path);
    // "Plan with AI": an LLM profile turns an objective into goals to check, edit, save or run.
    void showAiPlanDialog();
    // A plan dialog started its goals: the window names the plan and selects its first agent.
    void handlePlanStarted(const QString &name, const QStringList &agentIds);
    void cancelSelected();
    void confirmCancelAll();
    // Interrupted agents held after a restart (automatic resume off) start a new attempt.
    void resumeSelected();
    void resumeAllInterrupted();
    // "Resume now" on a card whose profile a rate limit pauses.
    void resumeRateLimited();
    void cleanupFinished();
    void showDetails();
    void copyAgentIds();
    void showAbout();
    // Past runs and their goals from the database (one window, raised when open).
    void showHistory();
    // Shows the inbox with this question selected.
    void showEscalation(const QString &escalationId);
    // Ctrl+Return: the selected agent's open question, its answer focused (else the inbox, its first question).
    void answerSelectedQuestion();
    // F1: the shortcut overview, built from the menus' actions.
    void showShortcutOverview();
    // Tools ▸ Settings… (Ctrl+,): a saved config's profiles and limits go into the running session.
    void showSettingsDialog();

protected:
    void closeEvent(QCloseEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    void createTrayIcon();
    void handleEscalationRaised(const QString &agentId);
    void handleCardClicked(const QModelIndex &index);
    void handleCardActivated(const QModelIndex &index);
    void showAgentOnBoard(const QString &agentId);
    void showContextMenu(const QPoint &position);
    void handleCurrentChanged();
    void updateActions();
    void updateSpawnActions();
    // The database is being checked or the run restored: nothing that spawns goals is offered.
    bool isStartingUp() const { return m_restoring || m_checkingDatabase; }
    void scheduleActionUpdate();
    void updateTitle();
    void updateIcons();
    void retranslate();
    void restoreSettings();
    void saveSettings() const;
    void createShutdownController();
    void createNotifier();
    void updateTrayToolTip();
    // Selects the agent's card now, or as soon as it reaches the board (with a store: once committed).
    void selectWhenShown(const QString &agentId);
    void handleStorageFailed(const QString &message);

    QPointer<Orchestrator> m_orchestrator;
    Config m_config;
    LocalModelsOffer *m_localModels = nullptr;
    CodingAgentsOffer *m_codingAgents = nullptr;
    ReviewHub *m_review = nullptr;
    QString m_planName;
    bool m_restoring = false;
    QString m_restoringRun;
    int m_restoringGoals = -1;
    int m_endingLeftoverJobs = 0;
    bool m_checkingDatabase = false;
    bool m_fillingBoard = false; // the restored run's cards go in (AgentBoardModel::isFilling())
    QString m_checkingPath;
    QString m_pendingPlanFile; // openPlanFile() during a restore

    AgentBoardModel *m_model;
    AgentFilterProxyModel *m_proxy;
    AgentCardDelegate *m_delegate;
    AgentBoardView *m_view;
    BoardFilterBar *m_filterBar;
    AgentCommands *m_commands;
    std::unique_ptr<MainWindowActions> m_actions;
    std::unique_ptr<MainWindowDocks> m_docks;
    // The docks, from m_docks.
    AgentDetailPane *m_detailPane = nullptr;
    QDockWidget *m_detailDock = nullptr;
    InboxDock *m_inboxDock = nullptr;
    LocksDock *m_locksDock = nullptr;
    MetricsDock *m_metricsDock = nullptr;
    ScratchpadDock *m_scratchpadDock = nullptr;
    StorageBanner *m_storageBanner = nullptr;
    ConfigBanner *m_configBanner = nullptr;
    QPointer<HistoryWindow> m_historyWindow;
    QSystemTrayIcon *m_tray = nullptr;
    QAction *m_trayShow = nullptr;
    QAction *m_trayQuit = nullptr;
    ShutdownController *m_shutdown = nullptr;
    DesktopNotificationSink *m_notificationSink = nullptr;
    DesktopNotifier *m_notifier = nullptr;
    QMenu *m_notificationsMenu = nullptr;
    QString m_lastNotification;
    RunStatusWidget *m_runStatus;
    QTimer *m_actionUpdate;
};

} // namespace switchboard
