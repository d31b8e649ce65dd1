#include "MainWindow.h"

#include "UiSettings.h"
#include "board/AgentBoardModel.h"
#include "board/AgentBoardView.h"
#include "board/AgentCardDelegate.h"
#include "board/AgentDetailPane.h"
#include "board/AgentFilterProxyModel.h"
#include "board/BoardFilterBar.h"
#include "board/EmptyBoardOverlay.h"
#include "dialogs/NewGoalDialog.h"
#include "dialogs/RunPlanDialog.h"
#include "dialogs/SpawnParallelDialog.h"
#include "history/HistoryWindow.h"
#include "inbox/EscalationListModel.h"
#include "inbox/InboxDock.h"
#include "locks/LocksDock.h"
#include "metrics/MetricsDock.h"
#include "orchestration/Orchestrator.h"
#include "persistence/Store.h"
#include "scratchpad/ScratchpadDock.h"
#include "scratchpad/ScratchpadModel.h"
#include "style/AgentStateStyle.h"
#include "style/ThemedIcons.h"
#include "widgets/RunStatusWidget.h"
#include "widgets/StorageBanner.h"

#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QCloseEvent>
#include <QDockWidget>
#include <QLabel>
#include <QMenu>
#include <QMenuBar>
#include <QMessageBox>
#include <QPushButton>
#include <QScreen>
#include <QSettings>
#include <QSpinBox>
#include <QStatusBar>
#include <QSystemTrayIcon>
#include <QTimer>
#include <QToolBar>
#include <QVBoxLayout>

#include <memory>

namespace switchboard {

namespace {
constexpr int kMaxParallelLimit = 1024;
constexpr int kStatusMessageMs = 4000;
const QString kSettingsVersion = QStringLiteral("1");
} // namespace

MainWindow::MainWindow(Orchestrator *orchestrator, const Config &config, QWidget *parent)
    : QMainWindow(parent)
    , m_orchestrator(orchestrator)
    , m_config(config)
    , m_model(new AgentBoardModel(orchestrator, this))
    , m_proxy(new AgentFilterProxyModel(this))
    , m_delegate(new AgentCardDelegate(this))
    , m_view(new AgentBoardView)
    , m_filterBar(nullptr)
    , m_detailPane(nullptr)
    , m_detailDock(nullptr)
    , m_runStatus(new RunStatusWidget(orchestrator))
    , m_toolBar(nullptr)
    , m_maxParallelLabel(new QLabel)
    , m_maxParallel(new QSpinBox)
    , m_actionUpdate(new QTimer(this))
{
    setObjectName(QStringLiteral("mainWindow"));
    setWindowIcon(ThemedIcons::appIcon());

    m_proxy->setBoardModel(m_model);
    m_delegate->setBoardModel(m_model);
    m_view->setCardDelegate(m_delegate);
    m_view->setModel(m_proxy);
    m_filterBar = new BoardFilterBar(m_proxy);

    auto *central = new QWidget(this);
    central->setObjectName(QStringLiteral("boardArea"));
    auto *column = new QVBoxLayout(central);
    column->setContentsMargins(0, 0, 0, 0);
    column->setSpacing(0);
    // Above everything on the board, so a storage failure cannot be missed.
    m_storageBanner = new StorageBanner(central);
    column->addWidget(m_storageBanner);
    column->addWidget(m_filterBar);
    column->addWidget(m_view, 1);
    setCentralWidget(central);

    createActions();
    m_filterBar->addViewAction(m_compactCards);
    createMenus();
    createToolBar();
    createDock();
    createCoordinationDocks();
    createMetricsDock();
    createTrayIcon();
    statusBar()->addPermanentWidget(m_runStatus);
    statusBar()->setSizeGripEnabled(true);

    connect(m_delegate, &AgentCardDelegate::cancelRequested, this,
            [this](const QString &agentId) { cancelAgents({agentId}); });
    connect(m_delegate, &AgentCardDelegate::resumeRequested, this,
            [this](const QString &agentId) { resumeAgents({agentId}); });
    if (m_orchestrator) {
        connect(m_orchestrator, &Orchestrator::storageFailed, this, &MainWindow::handleStorageFailed);
        if (m_orchestrator->isStorageFailed())
            handleStorageFailed(m_orchestrator->store() ? m_orchestrator->store()->lastError() : QString());
    }
    connect(m_view, &QWidget::customContextMenuRequested, this, &MainWindow::showContextMenu);
    connect(m_view, &QAbstractItemView::activated, this, &MainWindow::handleCardActivated);
    connect(m_view, &QAbstractItemView::clicked, this, &MainWindow::handleCardClicked);
    connect(m_runStatus, &RunStatusWidget::inboxRequested, this, [this] {
        m_inboxDock->show();
        m_inboxDock->raise();
    });
    connect(m_detailPane, &AgentDetailPane::escalationRequested, this, &MainWindow::showEscalation);
    connect(m_view->selectionModel(), &QItemSelectionModel::currentChanged, this, &MainWindow::handleCurrentChanged);
    // Selection is the person's doing: actions follow at once (Del right after a click must work).
    connect(m_view->selectionModel(), &QItemSelectionModel::selectionChanged, this, &MainWindow::updateActions);
    connect(m_view->emptyOverlay(), &EmptyBoardOverlay::newGoalRequested, this, &MainWindow::showNewGoalDialog);
    connect(m_view->emptyOverlay(), &EmptyBoardOverlay::runPlanRequested, this, &MainWindow::showRunPlanDialog);
    connect(m_view->emptyOverlay(), &EmptyBoardOverlay::clearFilterRequested, m_filterBar,
            &BoardFilterBar::clearFilters);
    connect(m_model, &AgentBoardModel::batchApplied, this, &MainWindow::scheduleActionUpdate);

    m_actionUpdate->setSingleShot(true);
    m_actionUpdate->setInterval(100);
    connect(m_actionUpdate, &QTimer::timeout, this, &MainWindow::updateActions);

    if (m_orchestrator) {
        connect(m_orchestrator, &Orchestrator::dispatchPausedChanged, this, [this](bool paused) {
            const QSignalBlocker blocker(m_pauseDispatch);
            m_pauseDispatch->setChecked(paused);
            retranslate();
            updateIcons();
        });
        connect(m_orchestrator, &Orchestrator::maxParallelChanged, this, [this](int value) {
            const QSignalBlocker blocker(m_maxParallel);
            m_maxParallel->setValue(value);
        });
        connect(&m_orchestrator->inbox(), &EscalationInbox::escalationRaised, this,
                [this](const Escalation &e) { handleEscalationRaised(e.id, e.agentId); });
        connect(m_orchestrator, &Orchestrator::allFinished, this, [this] {
            statusBar()->showMessage(tr("All agents have finished."), kStatusMessageMs);
            // Told apart from the "needs your input" notices: nothing waits on the person here.
            if (m_tray && !isActiveWindow())
                m_tray->showMessage(tr("Run finished"), tr("All agents have finished."), QSystemTrayIcon::Information,
                                    5000);
            scheduleActionUpdate();
        });
    }

    retranslate();
    updateIcons();
    restoreSettings();
    updateActions();
    updateTitle();
}

MainWindow::~MainWindow() = default;

void MainWindow::createActions()
{
    const auto make = [this](const QString &objectName) {
        auto *action = new QAction(this);
        action->setObjectName(objectName);
        return action;
    };
    m_newGoal = make(QStringLiteral("actionNewGoal"));
    m_newGoal->setShortcut(QKeySequence::New);
    connect(m_newGoal, &QAction::triggered, this, &MainWindow::showNewGoalDialog);

    m_spawnParallel = make(QStringLiteral("actionSpawnParallel"));
    m_spawnParallel->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_N));
    connect(m_spawnParallel, &QAction::triggered, this, &MainWindow::showSpawnParallelDialog);

    m_runPlan = make(QStringLiteral("actionRunPlan"));
    m_runPlan->setShortcut(QKeySequence::Open);
    connect(m_runPlan, &QAction::triggered, this, &MainWindow::showRunPlanDialog);

    m_showHistory = make(QStringLiteral("actionShowHistory"));
    m_showHistory->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_H));
    m_showHistory->setEnabled(m_orchestrator && m_orchestrator->store());
    connect(m_showHistory, &QAction::triggered, this, &MainWindow::showHistory);

    m_quit = make(QStringLiteral("actionQuit"));
    m_quit->setShortcut(QKeySequence::Quit);
    m_quit->setMenuRole(QAction::QuitRole);
    connect(m_quit, &QAction::triggered, this, &QWidget::close);

    // Delete cancels the selected cards while the board has focus (not while typing in a field).
    m_cancelSelected = make(QStringLiteral("actionCancelSelected"));
    m_cancelSelected->setShortcut(QKeySequence::Delete);
    m_cancelSelected->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    m_view->addAction(m_cancelSelected);
    connect(m_cancelSelected, &QAction::triggered, this, &MainWindow::cancelSelected);

    m_cancelAll = make(QStringLiteral("actionCancelAll"));
    m_cancelAll->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Delete));
    connect(m_cancelAll, &QAction::triggered, this, &MainWindow::confirmCancelAll);

    m_resumeSelected = make(QStringLiteral("actionResumeSelected"));
    m_resumeSelected->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_R));
    connect(m_resumeSelected, &QAction::triggered, this, &MainWindow::resumeSelected);
    m_resumeAll = make(QStringLiteral("actionResumeAll"));
    connect(m_resumeAll, &QAction::triggered, this, &MainWindow::resumeAllInterrupted);

    m_cleanup = make(QStringLiteral("actionCleanup"));
    m_cleanup->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_K));
    connect(m_cleanup, &QAction::triggered, this, &MainWindow::cleanupFinished);

    m_pauseDispatch = make(QStringLiteral("actionPauseDispatch"));
    m_pauseDispatch->setCheckable(true);
    m_pauseDispatch->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_P));
    m_pauseDispatch->setChecked(m_orchestrator && m_orchestrator->isDispatchPaused());
    connect(m_pauseDispatch, &QAction::toggled, this, [this](bool pause) {
        if (!m_orchestrator)
            return;
        if (pause)
            m_orchestrator->pauseDispatch();
        else
            m_orchestrator->resumeDispatch();
        retranslate();
        updateIcons();
    });

    m_copyId = make(QStringLiteral("actionCopyId"));
    m_copyId->setShortcut(QKeySequence::Copy);
    m_copyId->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    m_view->addAction(m_copyId);
    connect(m_copyId, &QAction::triggered, this, &MainWindow::copyAgentIds);

    m_showDetails = make(QStringLiteral("actionShowDetails"));
    m_showDetails->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_I));
    connect(m_showDetails, &QAction::triggered, this, &MainWindow::showDetails);

    m_find = make(QStringLiteral("actionFind"));
    m_find->setShortcut(QKeySequence::Find);
    connect(m_find, &QAction::triggered, m_filterBar, &BoardFilterBar::focusSearch);

    m_compactCards = make(QStringLiteral("actionCompactCards"));
    m_compactCards->setCheckable(true);
    m_compactCards->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_M));
    connect(m_compactCards, &QAction::toggled, m_view, &AgentBoardView::setCompactCards);

    m_about = make(QStringLiteral("actionAbout"));
    m_about->setMenuRole(QAction::AboutRole);
    connect(m_about, &QAction::triggered, this, &MainWindow::showAbout);
    m_aboutQt = make(QStringLiteral("actionAboutQt"));
    m_aboutQt->setMenuRole(QAction::AboutQtRole);
    connect(m_aboutQt, &QAction::triggered, qApp, &QApplication::aboutQt);
}

void MainWindow::createMenus()
{
    m_fileMenu = menuBar()->addMenu(QString());
    m_fileMenu->setObjectName(QStringLiteral("fileMenu"));
    m_fileMenu->addAction(m_newGoal);
    m_fileMenu->addAction(m_spawnParallel);
    m_fileMenu->addAction(m_runPlan);
    m_fileMenu->addSeparator();
    m_fileMenu->addAction(m_showHistory);
    m_fileMenu->addSeparator();
    m_fileMenu->addAction(m_quit);

    m_agentsMenu = menuBar()->addMenu(QString());
    m_agentsMenu->setObjectName(QStringLiteral("agentsMenu"));
    m_agentsMenu->addAction(m_cancelSelected);
    m_agentsMenu->addAction(m_cancelAll);
    m_agentsMenu->addAction(m_cleanup);
    m_agentsMenu->addSeparator();
    m_agentsMenu->addAction(m_resumeSelected);
    m_agentsMenu->addAction(m_resumeAll);
    m_agentsMenu->addSeparator();
    m_agentsMenu->addAction(m_pauseDispatch);
    m_agentsMenu->addSeparator();
    m_agentsMenu->addAction(m_copyId);
    m_agentsMenu->addAction(m_showDetails);

    m_viewMenu = menuBar()->addMenu(QString());
    m_viewMenu->setObjectName(QStringLiteral("viewMenu"));
    m_viewMenu->addAction(m_find);
    m_viewMenu->addAction(m_compactCards);
    m_viewMenu->addSeparator();

    m_helpMenu = menuBar()->addMenu(QString());
    m_helpMenu->setObjectName(QStringLiteral("helpMenu"));
    m_helpMenu->addAction(m_about);
    m_helpMenu->addAction(m_aboutQt);
}

void MainWindow::createToolBar()
{
    m_toolBar = addToolBar(QString());
    m_toolBar->setObjectName(QStringLiteral("mainToolBar"));
    m_toolBar->setMovable(false);
    m_toolBar->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    m_toolBar->setIconSize(QSize(18, 18));
    m_toolBar->addAction(m_newGoal);
    m_toolBar->addAction(m_spawnParallel);
    m_toolBar->addAction(m_runPlan);
    m_toolBar->addSeparator();
    m_toolBar->addAction(m_pauseDispatch);
    m_toolBar->addAction(m_cancelSelected);
    m_toolBar->addAction(m_cancelAll);
    m_toolBar->addAction(m_cleanup);

    auto *spacer = new QWidget(m_toolBar);
    spacer->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Preferred);
    m_toolBar->addWidget(spacer);

    m_maxParallelLabel->setObjectName(QStringLiteral("maxParallelLabel"));
    m_maxParallelLabel->setBuddy(m_maxParallel);
    m_maxParallel->setObjectName(QStringLiteral("maxParallelSpin"));
    m_maxParallel->setRange(1, kMaxParallelLimit);
    m_maxParallel->setValue(m_orchestrator ? qBound(1, m_orchestrator->maxParallel(), kMaxParallelLimit) : 3);
    m_maxParallel->setAccelerated(true);
    m_maxParallel->setMinimumWidth(70);
    connect(m_maxParallel, &QSpinBox::valueChanged, this, [this](int value) {
        if (m_orchestrator && m_orchestrator->maxParallel() != value)
            m_orchestrator->setMaxParallel(value);
    });
    m_toolBar->addWidget(m_maxParallelLabel);
    m_toolBar->addWidget(m_maxParallel);
    auto *margin = new QWidget(m_toolBar);
    margin->setFixedWidth(8);
    m_toolBar->addWidget(margin);
    m_viewMenu->addAction(m_toolBar->toggleViewAction());
}

void MainWindow::createDock()
{
    m_detailDock = new QDockWidget(this);
    m_detailDock->setObjectName(QStringLiteral("detailDock"));
    m_detailDock->setAllowedAreas(Qt::LeftDockWidgetArea | Qt::RightDockWidgetArea | Qt::BottomDockWidgetArea);
    m_detailPane = new AgentDetailPane(m_orchestrator, m_model, m_detailDock);
    m_detailPane->setMinimumWidth(320);
    m_detailDock->setWidget(m_detailPane);
    addDockWidget(Qt::RightDockWidgetArea, m_detailDock);
    m_viewMenu->addAction(m_detailDock->toggleViewAction());
    m_detailDock->toggleViewAction()->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_D));
}

void MainWindow::createCoordinationDocks()
{
    // Both below the board, tabbed: the inbox in front, since a question blocks an agent and a lock does not.
    m_inboxDock = new InboxDock(m_orchestrator, this);
    m_locksDock = new LocksDock(m_orchestrator, this);
    addDockWidget(Qt::BottomDockWidgetArea, m_inboxDock);
    addDockWidget(Qt::BottomDockWidgetArea, m_locksDock);
    tabifyDockWidget(m_inboxDock, m_locksDock);
    // The run's shared notes: a third tab, since agents write there while they work.
    m_scratchpadDock = new ScratchpadDock(m_orchestrator, this);
    addDockWidget(Qt::BottomDockWidgetArea, m_scratchpadDock);
    tabifyDockWidget(m_locksDock, m_scratchpadDock);
    m_inboxDock->raise();
    m_viewMenu->addAction(m_inboxDock->toggleViewAction());
    m_inboxDock->toggleViewAction()->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_E));
    m_viewMenu->addAction(m_locksDock->toggleViewAction());
    m_locksDock->toggleViewAction()->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_L));
    m_viewMenu->addAction(m_scratchpadDock->toggleViewAction());
    m_scratchpadDock->toggleViewAction()->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_K));
    connect(m_inboxDock, &InboxDock::openCountChanged, this, [this](int count) {
        updateTitle();
        m_inboxDock->toggleViewAction()->setText(tr("&Inbox")); // the dock's title (with its count) replaced it
        if (m_tray)
            m_tray->setToolTip(count > 0 ? tr("Switchboard: %n question(s) waiting for you", nullptr, count)
                                         : tr("Switchboard"));
    });
    connect(m_inboxDock, &InboxDock::agentRequested, this, &MainWindow::showAgentOnBoard);
}

void MainWindow::createTrayIcon()
{
    if (!QSystemTrayIcon::isSystemTrayAvailable())
        return;
    m_tray = new QSystemTrayIcon(ThemedIcons::appIcon(), this);
    m_tray->setObjectName(QStringLiteral("trayIcon"));
    m_tray->setToolTip(tr("Switchboard"));
    connect(m_tray, &QSystemTrayIcon::activated, this, [this] {
        showNormal();
        raise();
        activateWindow();
    });
    connect(m_tray, &QSystemTrayIcon::messageClicked, this, [this] {
        showNormal();
        raise();
        activateWindow();
        showEscalation(m_inboxDock->currentEscalationId());
    });
    m_tray->show();
}

void MainWindow::handleEscalationRaised(const QString &escalationId, const QString &agentId)
{
    QString agent = agentId;
    if (m_orchestrator) {
        if (const std::optional<AgentStatus> status = m_orchestrator->status(agentId);
            status && !status->name.isEmpty())
            agent = status->name;
    }
    // A question blocks its agent until someone answers: say so even when the window is in the background.
    m_lastNotification = tr("%1 needs your input").arg(agent);
    if (m_inboxDock->isHidden()) {
        m_inboxDock->show();
        m_inboxDock->raise();
    }
    statusBar()->showMessage(m_lastNotification, kStatusMessageMs);
    if (isActiveWindow())
        return;
    if (m_orchestrator) {
        if (const std::optional<Escalation> e = m_orchestrator->inbox().find(escalationId)) {
            if (m_tray)
                m_tray->showMessage(m_lastNotification, e->question, QSystemTrayIcon::Information, 10000);
        }
    }
    QApplication::alert(this);
}

void MainWindow::showEscalation(const QString &escalationId)
{
    if (escalationId.isEmpty()) {
        m_inboxDock->show();
        m_inboxDock->raise();
        return;
    }
    m_inboxDock->showEscalation(escalationId);
}

void MainWindow::showAgentOnBoard(const QString &agentId)
{
    m_model->flushPendingInserts();
    if (m_view->selectAgent(agentId))
        m_view->setFocus(Qt::OtherFocusReason);
}

void MainWindow::handleCardClicked(const QModelIndex &index)
{
    // A card that waits for an answer opens its question: that is what the person has to do next.
    const QString escalationId = index.data(AgentBoardModel::OpenEscalationRole).toString();
    if (!escalationId.isEmpty())
        m_inboxDock->showEscalation(escalationId);
}

void MainWindow::handleCardActivated(const QModelIndex &index)
{
    const QString escalationId = index.data(AgentBoardModel::OpenEscalationRole).toString();
    if (escalationId.isEmpty())
        showDetails();
    else
        m_inboxDock->showEscalation(escalationId);
}

void MainWindow::setPlanName(const QString &name)
{
    m_planName = name.trimmed();
    updateTitle();
}

void MainWindow::updateTitle()
{
    const int waiting = m_inboxDock ? m_inboxDock->openCount() : 0;
    if (waiting > 0) {
        //: Window title while agents wait for answers; %1 is the plan
        setWindowTitle(m_planName.isEmpty() ? tr("Switchboard (%n waiting)", nullptr, waiting)
                                            : tr("Switchboard — %1 (%n waiting)", nullptr, waiting).arg(m_planName));
    } else {
        setWindowTitle(m_planName.isEmpty() ? tr("Switchboard") : tr("Switchboard — %1").arg(m_planName));
    }
}

void MainWindow::setRestoring(bool restoring, const QString &runName, int goals)
{
    const bool ended = m_restoring && !restoring;
    m_restoring = restoring;
    m_restoringRun = runName;
    m_restoringGoals = goals;
    if (restoring) {
        // The restore announces every agent on its own: the board takes them in one batch after it.
        m_model->setHeld(true);
        updateSpawnActions();
        return;
    }
    if (!ended)
        return;
    // The cards go in on a later turn of the event loop than restore(), so the window gets to react in
    // between (a real timer: Qt turns a 0 ms one into a queued call, run in the same turn). Until they are
    // there the window still looks as it did while restoring.
    QTimer::singleShot(1, this, [this] {
        if (m_restoring)
            return;
        m_model->setHeld(false);
        m_view->setRestoringText({}, {});
        updateSpawnActions();
        // What came back with the run besides its cards: answered questions and the shared notes.
        m_inboxDock->openModel()->refresh();
        m_inboxDock->historyModel()->refresh();
        m_scratchpadDock->model()->refresh();
        if (m_metricsDock->isVisible())
            m_metricsDock->refresh();
        if (const int restored = m_model->rowCount(); restored > 0)
            statusBar()->showMessage(tr("Restored %Ln goal(s) of the unfinished run", nullptr, restored),
                                     kStatusMessageMs);
        updateActions();
    });
}

void MainWindow::updateSpawnActions()
{
    for (QAction *spawning : {m_newGoal, m_spawnParallel, m_runPlan})
        spawning->setEnabled(!m_restoring);
    m_showHistory->setEnabled(!m_restoring && m_orchestrator && m_orchestrator->store());
    retranslate(); // the tooltips say why, the board what it is doing
}

void MainWindow::showNewGoalDialog()
{
    if (m_restoring)
        return;
    auto *dialog = new NewGoalDialog(m_orchestrator, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this, [this, dialog] {
        selectWhenShown(dialog->spawnedAgentId());
        statusBar()->showMessage(tr("Queued “%1”").arg(dialog->goal().title), kStatusMessageMs);
    });
    dialog->open();
}

void MainWindow::showSpawnParallelDialog()
{
    if (m_restoring)
        return;
    auto *dialog = new SpawnParallelDialog(m_orchestrator, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this, [this, dialog] {
        const QStringList ids = dialog->spawnedAgentIds();
        selectWhenShown(ids.value(0));
        statusBar()->showMessage(tr("Queued %n agent(s)", nullptr, static_cast<int>(ids.size())), kStatusMessageMs);
    });
    dialog->open();
}

void MainWindow::showRunPlanDialog()
{
    if (m_restoring)
        return;
    auto *dialog = new RunPlanDialog(m_orchestrator, m_config, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &RunPlanDialog::planStarted, this, [this, dialog](const QString &name) {
        setPlanName(name);
        selectWhenShown(dialog->startedAgentIds().value(0));
        statusBar()->showMessage(
            tr("Started plan “%1”: %n agent(s) queued", nullptr, static_cast<int>(dialog->startedAgentIds().size()))
                .arg(name),
            kStatusMessageMs);
    });
    dialog->open();
}

void MainWindow::showHistory()
{
    if (!m_orchestrator || !m_orchestrator->store() || m_restoring)
        return;
    if (!m_historyWindow) {
        m_historyWindow = new HistoryWindow(m_orchestrator->store(), m_orchestrator, m_config, this);
        connect(m_historyWindow, &HistoryWindow::agentsSpawned, this, [this](const QStringList &agentIds) {
            statusBar()->showMessage(
                tr("Queued %n agent(s) from the history", nullptr, static_cast<int>(agentIds.size())),
                kStatusMessageMs);
            selectWhenShown(agentIds.value(0));
        });
        connect(m_historyWindow, &HistoryWindow::planStarted, this, &MainWindow::setPlanName);
    }
    m_historyWindow->show();
    m_historyWindow->raise();
    m_historyWindow->activateWindow();
}

void MainWindow::selectWhenShown(const QString &agentId)
{
    m_model->flushPendingInserts();
    if (agentId.isEmpty() || m_view->selectAgent(agentId))
        return;
    // With a database an agent reaches the board once its goal is committed: select it then (unless the
    // person has picked something else meanwhile, or it never comes).
    auto connection = std::make_shared<QMetaObject::Connection>();
    *connection = connect(m_model, &AgentBoardModel::batchApplied, this, [this, agentId, connection] {
        if (m_view->selectAgent(agentId))
            disconnect(*connection);
    });
    QTimer::singleShot(10000, this, [connection] { disconnect(*connection); });
}

void MainWindow::cancelAgents(const QStringList &agentIds)
{
    if (!m_orchestrator)
        return;
    int cancelled = 0;
    for (const QString &agentId : agentIds) {
        if (m_orchestrator->cancel(agentId))
            ++cancelled;
    }
    if (cancelled > 0)
        statusBar()->showMessage(tr("Cancelling %n agent(s)", nullptr, cancelled), kStatusMessageMs);
    scheduleActionUpdate();
}

QStringList MainWindow::interruptedAgents(const QStringList &agentIds) const
{
    QStringList interrupted;
    for (const QString &agentId : agentIds) {
        const int row = m_model->rowForAgent(agentId);
        if (row >= 0 && m_model->statusAt(row).state == AgentState::Interrupted)
            interrupted << agentId;
    }
    return interrupted;
}

void MainWindow::resumeAgents(const QStringList &agentIds)
{
    if (!m_orchestrator)
        return;
    const int resumed = m_orchestrator->resumeInterrupted(agentIds);
    if (resumed > 0)
        statusBar()->showMessage(tr("Resuming %n agent(s), each with a new attempt", nullptr, resumed),
                                 kStatusMessageMs);
    scheduleActionUpdate();
}

void MainWindow::resumeSelected()
{
    const QStringList interrupted = interruptedAgents(m_view->selectedAgentIds());
    if (interrupted.isEmpty()) {
        statusBar()->showMessage(tr("Select the interrupted agents to resume on the board first."), kStatusMessageMs);
        return;
    }
    resumeAgents(interrupted);
}

void MainWindow::resumeAllInterrupted()
{
    QStringList interrupted;
    for (int row = 0; row < m_model->rowCount(); ++row) {
        const AgentStatus &status = m_model->statusAt(row);
        if (status.state == AgentState::Interrupted)
            interrupted << status.agentId;
    }
    if (interrupted.isEmpty()) {
        statusBar()->showMessage(tr("No agent is waiting to be resumed."), kStatusMessageMs);
        return;
    }
    resumeAgents(interrupted);
}

void MainWindow::handleStorageFailed(const QString &message)
{
    m_storageBanner->showFailure(message);
    statusBar()->showMessage(tr("Storage failed: dispatch is paused"), kStatusMessageMs);
    scheduleActionUpdate();
}

void MainWindow::createMetricsDock()
{
    // With the other docks below the board; hidden until the person opens it (View > Metrics).
    m_metricsDock = new MetricsDock(m_orchestrator, m_config.metrics, this);
    addDockWidget(Qt::BottomDockWidgetArea, m_metricsDock);
    tabifyDockWidget(m_locksDock, m_metricsDock);
    m_viewMenu->addAction(m_metricsDock->toggleViewAction());
    m_metricsDock->toggleViewAction()->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_I));
}

void MainWindow::cancelSelected()
{
    QStringList cancellable;
    for (const QString &agentId : m_view->selectedAgentIds()) {
        const int row = m_model->rowForAgent(agentId);
        if (row >= 0 && AgentStateStyle::isCancellable(m_model->statusAt(row).state))
            cancellable << agentId;
    }
    if (cancellable.isEmpty()) {
        statusBar()->showMessage(tr("Select the agents to cancel on the board first."), kStatusMessageMs);
        return;
    }
    cancelAgents(cancellable);
}

void MainWindow::confirmCancelAll()
{
    if (!m_orchestrator)
        return;
    const Orchestrator::Progress progress = m_orchestrator->progress();
    const int unfinished = progress.pending + progress.inProgress;
    if (unfinished <= 0) {
        statusBar()->showMessage(tr("No agent is queued or running."), kStatusMessageMs);
        return;
    }
    auto *box =
        new QMessageBox(QMessageBox::Warning, tr("Cancel all agents"),
                        tr("Cancel all %n unfinished agent(s)?", nullptr, unfinished), QMessageBox::NoButton, this);
    box->setObjectName(QStringLiteral("cancelAllConfirmation"));
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->setInformativeText(tr("Running agents are told to stop at once; queued agents will not start. "
                               "Finished agents stay on the board."));
    QPushButton *confirm = box->addButton(tr("Cancel all agents"), QMessageBox::DestructiveRole);
    confirm->setObjectName(QStringLiteral("confirmCancelAllButton"));
    QPushButton *keep = box->addButton(tr("Keep running"), QMessageBox::RejectRole);
    keep->setObjectName(QStringLiteral("keepRunningButton"));
    box->setDefaultButton(keep);
    box->setEscapeButton(keep);
    connect(box, &QMessageBox::buttonClicked, this, [this, confirm](QAbstractButton *button) {
        if (button != confirm || !m_orchestrator)
            return;
        const int cancelled = m_orchestrator->cancelAll();
        statusBar()->showMessage(tr("Cancelling %n agent(s)", nullptr, cancelled), kStatusMessageMs);
        scheduleActionUpdate();
    });
    box->open();
}

void MainWindow::cleanupFinished()
{
    if (!m_orchestrator)
        return;
    const int removed = m_orchestrator->cleanup();
    statusBar()->showMessage(removed > 0 ? tr("Removed %n finished agent(s) from the board", nullptr, removed)
                                         : tr("No finished agents to remove."),
                             kStatusMessageMs);
    scheduleActionUpdate();
}

void MainWindow::showDetails()
{
    m_detailDock->show();
    m_detailDock->raise();
    const QString agentId = m_view->currentAgentId();
    if (!agentId.isEmpty())
        m_detailPane->setAgent(agentId);
}

void MainWindow::copyAgentIds()
{
    const QStringList ids = m_view->selectedAgentIds();
    if (ids.isEmpty())
        return;
    QApplication::clipboard()->setText(ids.join(QLatin1Char('\n')));
    statusBar()->showMessage(tr("Copied %n agent id(s)", nullptr, static_cast<int>(ids.size())), kStatusMessageMs);
}

void MainWindow::showAbout()
{
    auto *box = new QMessageBox(this);
    box->setObjectName(QStringLiteral("aboutBox"));
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->setWindowTitle(tr("About Switchboard"));
    box->setIconPixmap(ThemedIcons::pixmap(QStringLiteral("switchboard"), QColor(), 64, devicePixelRatioF()));
    box->setTextFormat(Qt::RichText);
    box->setText(QStringLiteral("<h3>Switchboard %1</h3>").arg(QStringLiteral(SWITCHBOARD_VERSION)));
    box->setInformativeText(tr("A control panel for running many AI agents in parallel: hand them goals, "
                               "watch them work, step in when they need you.") +
                            QStringLiteral("<br><br>") + tr("Built with Qt %1.").arg(QString::fromLatin1(qVersion())));
    box->setStandardButtons(QMessageBox::Close);
    box->open();
}

void MainWindow::showContextMenu(const QPoint &position)
{
    const QModelIndex index = m_view->indexAt(position);
    if (!index.isValid())
        return;
    if (!m_view->selectionModel()->isSelected(index))
        m_view->selectionModel()->setCurrentIndex(index, QItemSelectionModel::ClearAndSelect);
    updateActions();
    auto *menu = new QMenu(this);
    menu->setObjectName(QStringLiteral("cardContextMenu"));
    menu->setAttribute(Qt::WA_DeleteOnClose);
    if (m_resumeSelected->isEnabled())
        menu->addAction(m_resumeSelected);
    menu->addAction(m_cancelSelected);
    menu->addSeparator();
    menu->addAction(m_copyId);
    menu->addAction(m_showDetails);
    menu->popup(m_view->viewport()->mapToGlobal(position));
}

void MainWindow::handleCurrentChanged()
{
    m_detailPane->setAgent(m_view->currentAgentId());
    updateActions();
}

void MainWindow::scheduleActionUpdate()
{
    if (!m_actionUpdate->isActive())
        m_actionUpdate->start();
}

void MainWindow::updateActions()
{
    const QStringList selected = m_view->selectedAgentIds();
    bool anyCancellable = false;
    for (const QString &agentId : selected) {
        const int row = m_model->rowForAgent(agentId);
        if (row >= 0 && AgentStateStyle::isCancellable(m_model->statusAt(row).state)) {
            anyCancellable = true;
            break;
        }
    }
    m_cancelSelected->setEnabled(anyCancellable);
    m_resumeSelected->setEnabled(!interruptedAgents(selected).isEmpty());
    bool anyInterrupted = false;
    for (int row = 0; row < m_model->rowCount() && !anyInterrupted; ++row)
        anyInterrupted = m_model->statusAt(row).state == AgentState::Interrupted;
    m_resumeAll->setEnabled(anyInterrupted);
    // Nothing may start while nothing can be recorded: the banner says why.
    m_pauseDispatch->setEnabled(!m_orchestrator || !m_orchestrator->isStorageFailed());
    m_copyId->setEnabled(!selected.isEmpty());
    m_showDetails->setEnabled(!selected.isEmpty());
    if (m_orchestrator) {
        const Orchestrator::Progress p = m_orchestrator->progress();
        m_cancelAll->setEnabled(p.pending + p.inProgress > 0);
        m_cleanup->setEnabled(p.completed + p.failed + p.cancelled + p.blocked > 0);
    }
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    saveSettings();
    if (m_orchestrator && !m_orchestrator->isIdle() && !m_quitConfirmed) {
        // Agents are at work: quitting stops them. Ask (without blocking: the answer closes the window again).
        event->ignore();
        confirmQuit();
        return;
    }
    QMainWindow::closeEvent(event);
}

void MainWindow::confirmQuit()
{
    if (findChild<QMessageBox *>(QStringLiteral("quitConfirmation")))
        return;
    const Orchestrator::Progress p = m_orchestrator->progress();
    const bool recorded = m_orchestrator->store() && !m_orchestrator->isStorageFailed();
    auto *box = new QMessageBox(QMessageBox::Warning, tr("Quit Switchboard"),
                                tr("%n agent(s) still at work.", nullptr, p.inProgress + p.pending),
                                QMessageBox::NoButton, this);
    box->setObjectName(QStringLiteral("quitConfirmation"));
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->setInformativeText(
        recorded ? tr("Running agents are stopped now. Everything is recorded: the next time Switchboard starts, "
                      "they start again as a new attempt and queued goals go on.")
                 : tr("Running agents are stopped and queued goals are dropped: without a database nothing of this "
                      "session is kept."));
    QPushButton *quit = box->addButton(tr("Stop agents and quit"), QMessageBox::DestructiveRole);
    quit->setObjectName(QStringLiteral("confirmQuitButton"));
    QPushButton *stay = box->addButton(tr("Keep running"), QMessageBox::RejectRole);
    stay->setObjectName(QStringLiteral("keepRunningButton"));
    box->setDefaultButton(stay);
    box->setEscapeButton(stay);
    connect(box, &QMessageBox::buttonClicked, this, [this, quit](QAbstractButton *button) {
        if (button != quit)
            return;
        m_quitConfirmed = true;
        QMetaObject::invokeMethod(this, &QWidget::close, Qt::QueuedConnection);
    });
    box->open();
}

void MainWindow::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange) {
        retranslate();
        updateTitle();
    } else if (event->type() == QEvent::PaletteChange) {
        updateIcons();
    }
    QMainWindow::changeEvent(event);
}

void MainWindow::updateIcons()
{
    const QPalette &p = palette();
    m_newGoal->setIcon(ThemedIcons::icon(QStringLiteral("new-goal"), p));
    m_spawnParallel->setIcon(ThemedIcons::icon(QStringLiteral("spawn-parallel"), p));
    m_runPlan->setIcon(ThemedIcons::icon(QStringLiteral("run-plan"), p));
    m_showHistory->setIcon(ThemedIcons::icon(QStringLiteral("clock"), p));
    m_quit->setIcon(ThemedIcons::icon(QStringLiteral("quit"), p));
    m_cancelSelected->setIcon(ThemedIcons::icon(QStringLiteral("cancel"), p));
    m_cancelAll->setIcon(ThemedIcons::icon(QStringLiteral("cancel-all"), p));
    m_resumeSelected->setIcon(ThemedIcons::icon(QStringLiteral("resume"), p));
    m_resumeAll->setIcon(ThemedIcons::icon(QStringLiteral("resume"), p));
    m_metricsDock->toggleViewAction()->setIcon(ThemedIcons::icon(QStringLiteral("metrics"), p));
    m_cleanup->setIcon(ThemedIcons::icon(QStringLiteral("cleanup"), p));
    m_pauseDispatch->setIcon(
        ThemedIcons::icon(m_pauseDispatch->isChecked() ? QStringLiteral("resume") : QStringLiteral("pause"), p));
    m_copyId->setIcon(ThemedIcons::icon(QStringLiteral("copy"), p));
    m_showDetails->setIcon(ThemedIcons::icon(QStringLiteral("details"), p));
    m_find->setIcon(ThemedIcons::icon(QStringLiteral("search"), p));
    m_compactCards->setIcon(ThemedIcons::icon(QStringLiteral("compact"), p));
    m_about->setIcon(ThemedIcons::icon(QStringLiteral("about"), p));
    m_detailDock->toggleViewAction()->setIcon(ThemedIcons::icon(QStringLiteral("details"), p));
    m_inboxDock->toggleViewAction()->setIcon(ThemedIcons::icon(QStringLiteral("state-escalated"), p));
    m_locksDock->toggleViewAction()->setIcon(ThemedIcons::icon(QStringLiteral("state-waiting-lock"), p));
    m_scratchpadDock->toggleViewAction()->setIcon(ThemedIcons::icon(QStringLiteral("details"), p));
}

void MainWindow::retranslate()
{
    m_fileMenu->setTitle(tr("&File"));
    m_agentsMenu->setTitle(tr("&Agents"));
    m_viewMenu->setTitle(tr("&View"));
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
    m_showHistory->setText(tr("&History…"));
    m_showHistory->setToolTip(m_orchestrator && m_orchestrator->store()
                                  ? tr("Past runs and their goals: search, re-run, export (Ctrl+H)")
                                  : tr("No database is open, so nothing is recorded"));
    if (m_restoring) {
        const QString wait = tr("Available once the unfinished run is back on the board");
        for (QAction *spawning : {m_newGoal, m_spawnParallel, m_runPlan, m_showHistory})
            spawning->setToolTip(wait);
        m_view->setRestoringText(
            tr("Restoring the unfinished run…"),
            m_restoringGoals < 0
                ? tr("Reading “%1” from the database. New goals can be added once it is on the board.")
                      .arg(m_restoringRun)
                : tr("Reading %Ln goal(s) of “%1” from the database. New goals can be added once they are on "
                     "the board.",
                     nullptr, m_restoringGoals)
                      .arg(m_restoringRun));
    }
    m_quit->setText(tr("&Quit"));
    m_cancelSelected->setText(tr("&Cancel selected"));
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
    m_metricsDock->toggleViewAction()->setText(tr("&Metrics"));
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
    m_about->setText(tr("&About Switchboard"));
    m_aboutQt->setText(tr("About &Qt"));
    m_toolBar->setWindowTitle(tr("Toolbar"));
    m_toolBar->toggleViewAction()->setText(tr("&Toolbar"));
    m_maxParallelLabel->setText(tr("&Max parallel:"));
    m_maxParallel->setToolTip(tr("How many agents may run at the same time; takes effect at once"));
    m_detailDock->setWindowTitle(tr("Agent details"));
    m_detailDock->toggleViewAction()->setText(tr("Agent &details"));
    m_inboxDock->toggleViewAction()->setText(tr("&Inbox"));
    m_locksDock->toggleViewAction()->setText(tr("&Locks"));
    m_scratchpadDock->toggleViewAction()->setText(tr("&Scratchpad"));
}

void MainWindow::restoreSettings()
{
    QSettings settings(UiSettings::filePath(), QSettings::IniFormat);
    settings.beginGroup(QStringLiteral("MainWindow"));
    const QByteArray geometry = settings.value(QStringLiteral("geometry")).toByteArray();
    if (geometry.isEmpty() || !restoreGeometry(geometry)) {
        const QRect available = screen() ? screen()->availableGeometry() : QRect(0, 0, 1280, 800);
        resize(qMin(1400, available.width() * 9 / 10), qMin(900, available.height() * 9 / 10));
        resizeDocks({m_detailDock}, {380}, Qt::Horizontal);
        resizeDocks({m_inboxDock}, {230}, Qt::Vertical);
    }
    // The inbox and locks docks stay out of the way until they have something to show (a question opens
    // the inbox) or the person opens them; a saved layout that has them brings them back as they were.
    m_inboxDock->hide();
    m_locksDock->hide();
    m_metricsDock->hide();
    m_scratchpadDock->hide();
    if (settings.value(QStringLiteral("version")).toString() == kSettingsVersion)
        restoreState(settings.value(QStringLiteral("state")).toByteArray());
    m_filterBar->restoreState(settings.value(QStringLiteral("filter")).toMap());
    m_compactCards->setChecked(settings.value(QStringLiteral("compactCards"), false).toBool());
    settings.endGroup();
}

void MainWindow::saveSettings() const
{
    QSettings settings(UiSettings::writableFilePath(), QSettings::IniFormat);
    settings.beginGroup(QStringLiteral("MainWindow"));
    settings.setValue(QStringLiteral("version"), kSettingsVersion);
    settings.setValue(QStringLiteral("geometry"), saveGeometry());
    settings.setValue(QStringLiteral("state"), saveState());
    QVariantMap filter;
    m_filterBar->saveState(filter);
    settings.setValue(QStringLiteral("filter"), filter);
    settings.setValue(QStringLiteral("compactCards"), m_compactCards->isChecked());
    settings.endGroup();
}

} // namespace switchboard
