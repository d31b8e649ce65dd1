#include "MainWindow.h"

#include "CodingAgentsOffer.h"
#include "LocalModelsOffer.h"
#include "MainWindowActions.h"
#include "MainWindowDocks.h"
#include "UiSettings.h"
#include "board/AgentBoardModel.h"
#include "board/AgentBoardView.h"
#include "board/AgentCardDelegate.h"
#include "board/AgentCommands.h"
#include "board/AgentDetailPane.h"
#include "board/AgentFilterProxyModel.h"
#include "board/BoardFilterBar.h"
#include "board/EmptyBoardOverlay.h"
#include "dialogs/AiPlanDialog.h"
#include "dialogs/NewGoalDialog.h"
#include "dialogs/RunPlanDialog.h"
#include "dialogs/ShortcutOverviewDialog.h"
#include "dialogs/SpawnParallelDialog.h"
#include "history/HistoryWindow.h"
#include "inbox/EscalationListModel.h"
#include "inbox/InboxDock.h"
#include "metrics/MetricsDock.h"
#include "notify/DesktopNotificationSink.h"
#include "notify/DesktopNotifier.h"
#include "orchestration/Orchestrator.h"
#include "persistence/Store.h"
#include "review/ReviewHub.h"
#include "scratchpad/ScratchpadDock.h"
#include "scratchpad/ScratchpadModel.h"
#include "settings/SettingsApplier.h"
#include "settings/SettingsDialog.h"
#include "shell/ShutdownController.h"
#include "style/ThemedIcons.h"
#include "widgets/ConfigBanner.h"
#include "widgets/RunStatusWidget.h"
#include "widgets/StorageBanner.h"

#include <QAction>
#include <QApplication>
#include <QCloseEvent>
#include <QDockWidget>
#include <QFileInfo>
#include <QMenu>
#include <QMessageBox>
#include <QPushButton>
#include <QScreen>
#include <QSettings>
#include <QSpinBox>
#include <QStatusBar>
#include <QSystemTrayIcon>
#include <QTimer>

#include <QVBoxLayout>
#include <utility>

#include <memory>

namespace switchboard {

namespace {
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
    , m_commands(new AgentCommands(orchestrator, m_model, m_view, this))
    , m_runStatus(new RunStatusWidget(orchestrator))
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
    m_configBanner = new ConfigBanner(central);
    column->addWidget(m_configBanner);
    column->addWidget(m_filterBar);
    column->addWidget(m_view, 1);
    setCentralWidget(central);

    m_actions = std::make_unique<MainWindowActions>(this, m_view);
    m_filterBar->addViewAction(m_actions->compactCards());
    m_localModels = new LocalModelsOffer(orchestrator, m_actions->agentsMenu(), this);
    m_codingAgents = new CodingAgentsOffer(orchestrator, m_actions->agentsMenu(), this);
    m_actions->showHistory()->setEnabled(m_orchestrator && m_orchestrator->store());
    m_actions->pauseDispatch()->setChecked(m_orchestrator && m_orchestrator->isDispatchPaused());
    connect(m_actions->pauseDispatch(), &QAction::toggled, this, [this](bool pause) {
        if (!m_orchestrator)
            return;
        if (pause)
            m_orchestrator->pauseDispatch();
        else
            m_orchestrator->resumeDispatch();
        retranslate();
        updateIcons();
    });
    connect(m_actions->find(), &QAction::triggered, m_filterBar, &BoardFilterBar::focusSearch);
    connect(m_actions->compactCards(), &QAction::toggled, m_view, &AgentBoardView::setCompactCards);
    QSpinBox *maxParallel = m_actions->maxParallel();
    maxParallel->setValue(
        m_orchestrator ? qBound(1, m_orchestrator->maxParallel(), MainWindowActions::kMaxParallelLimit) : 3);
    connect(maxParallel, &QSpinBox::valueChanged, this, [this](int value) {
        if (m_orchestrator && m_orchestrator->maxParallel() != value)
            m_orchestrator->setMaxParallel(value);
    });

    m_docks = std::make_unique<MainWindowDocks>(this, orchestrator, m_model, m_config, m_actions->viewMenu());
    m_detailDock = m_docks->detailDock();
    m_detailPane = m_docks->detailPane();
    m_inboxDock = m_docks->inbox();
    m_locksDock = m_docks->locks();
    m_scratchpadDock = m_docks->scratchpad();
    m_metricsDock = m_docks->metrics();
    connect(m_inboxDock, &InboxDock::openCountChanged, this, [this] {
        updateTitle();
        m_inboxDock->toggleViewAction()->setText(tr("&Inbox")); // the dock's title (with its count) replaced it
        updateTrayToolTip();
    });
    connect(m_inboxDock, &InboxDock::agentRequested, this, &MainWindow::showAgentOnBoard);
    createTrayIcon();
    createShutdownController();
    createNotifier();
    statusBar()->addPermanentWidget(m_runStatus);
    statusBar()->setSizeGripEnabled(true);

    connect(m_delegate, &AgentCardDelegate::cancelRequested, m_commands,
            [this](const QString &agentId) { m_commands->cancel({agentId}); });
    connect(m_delegate, &AgentCardDelegate::resumeRequested, m_commands,
            [this](const QString &agentId) { m_commands->resume({agentId}); });
    connect(m_commands, &AgentCommands::commandIssued, this, &MainWindow::scheduleActionUpdate);
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
    connect(m_detailPane, &AgentDetailPane::agentRequested, this, &MainWindow::showAgentOnBoard);
    m_review = new ReviewHub(this, m_model);
    m_actions->addReviewActions(m_review->showReviewAction(), m_review->cleanUpWorktreesAction());
    connect(m_detailPane, &AgentDetailPane::reviewRequested, m_review, &ReviewHub::showReview);
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
            const QSignalBlocker blocker(m_actions->pauseDispatch());
            m_actions->pauseDispatch()->setChecked(paused);
            retranslate();
            updateIcons();
        });
        connect(m_orchestrator, &Orchestrator::maxParallelChanged, this, [this](int value) {
            const QSignalBlocker blocker(m_actions->maxParallel());
            m_actions->maxParallel()->setValue(value);
        });
        connect(&m_orchestrator->inbox(), &EscalationInbox::escalationRaised, this,
                [this](const Escalation &e) { handleEscalationRaised(e.agentId); });
        connect(m_orchestrator, &Orchestrator::allFinished, this, [this] {
            // Goals in Review are done for their agents but not for the person: say that their changes wait.
            const qsizetype inReview = m_orchestrator->goalsInReview().size();
            // Not a %n plural: the English plural forms come from translations/*.ts, which this change leaves alone.
            QString message = tr("All agents have finished.");
            if (inReview == 1)
                message = tr("All agents have finished; 1 goal waits for your review.");
            else if (inReview > 1)
                message = tr("All agents have finished; %1 goals wait for your review.").arg(inReview);
            statusBar()->showMessage(message, kStatusMessageMs); // the desktop notification is DesktopNotifier's
            scheduleActionUpdate();
        });
    }

    retranslate();
    updateIcons();
    restoreSettings();
    updateActions();
    updateTitle();
    // The board has the focus, not the first widget in the tab chain (the search field, where Ctrl+E would move the
    // cursor instead of opening the inbox): the arrows pick a card from the first key press on.
    m_view->setFocus(Qt::OtherFocusReason);
}

MainWindow::~MainWindow() = default;

void MainWindow::handleEscalationRaised(const QString &agentId)
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
    // The desktop notification is DesktopNotifier's; the taskbar entry asks for attention too.
    if (!isActiveWindow())
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

void MainWindow::setReviewController(ReviewController *controller)
{
    m_review->setController(controller);
    m_detailPane->setReviewAvailable(controller != nullptr);
}

void MainWindow::handleCardActivated(const QModelIndex &index)
{
    const QString escalationId = index.data(AgentBoardModel::OpenEscalationRole).toString();
    // A goal ready for review opens its changes: merging or discarding them is what comes next.
    if (escalationId.isEmpty() && m_review->controller() &&
        index.data(AgentBoardModel::StateRole).toInt() == static_cast<int>(AgentState::Review))
        m_review->showReview(index.data(AgentBoardModel::GoalIdRole).toString());
    else if (escalationId.isEmpty())
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
    if (restoring) // the name stays for the notice while the cards go in
        m_restoringRun = runName;
    m_restoringGoals = goals;
    if (!restoring)
        m_endingLeftoverJobs = 0;
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
        if (m_model->isFilling()) {
            // Many cards go in slices, out of the view's sight (AgentFilterProxyModel): the notice stays until
            // they are all there and then goes with one relayout.
            m_fillingBoard = true;
            connect(
                m_model, &AgentBoardModel::filled, this,
                [this] {
                    m_fillingBoard = false;
                    m_view->setRestoringText({}, {});
                },
                Qt::SingleShotConnection);
        } else {
            m_view->setRestoringText({}, {});
        }
        updateSpawnActions();
        // What came back with the run besides its cards: answered questions and the shared notes.
        m_inboxDock->openModel()->refresh();
        m_inboxDock->historyModel()->refresh();
        m_scratchpadDock->model()->refresh();
        if (m_metricsDock->isVisible())
            m_metricsDock->refresh();
        // The cards may still be going in (in slices): the count is the orchestrator's.
        if (const auto restored = static_cast<int>(m_orchestrator->agentIds().size()); restored > 0)
            statusBar()->showMessage(tr("Restored %Ln goal(s) of the unfinished run", nullptr, restored),
                                     kStatusMessageMs);
        updateActions();
        if (!m_pendingPlanFile.isEmpty())
            openPlanFile(std::exchange(m_pendingPlanFile, QString()));
    });
}

void MainWindow::setEndingLeftoverJobs(int jobs)
{
    m_endingLeftoverJobs = jobs;
    if (m_restoring)
        retranslate();
}

void MainWindow::setCheckingDatabase(bool checking, const QString &databasePath)
{
    if (checking == m_checkingDatabase)
        return;
    m_checkingDatabase = checking;
    m_checkingPath = databasePath;
    if (!checking && !m_restoring) {
        // No run follows (a restore says so before the check's notice goes): the board is ready as it is.
        m_view->setRestoringText({}, {});
        if (!m_pendingPlanFile.isEmpty())
            QTimer::singleShot(0, this, [this] {
                if (!isStartingUp() && !m_pendingPlanFile.isEmpty())
                    openPlanFile(std::exchange(m_pendingPlanFile, QString()));
            });
    }
    updateSpawnActions();
}

void MainWindow::updateSpawnActions()
{
    for (QAction *spawning :
         {m_actions->newGoal(), m_actions->spawnParallel(), m_actions->runPlan(), m_actions->planWithAi()})
        spawning->setEnabled(!isStartingUp());
    m_actions->showHistory()->setEnabled(!isStartingUp() && m_orchestrator && m_orchestrator->store());
    retranslate(); // the tooltips say why, the board what it is doing
}

void MainWindow::showNewGoalDialog()
{
    if (isStartingUp())
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
    if (isStartingUp())
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
    if (isStartingUp())
        return;
    auto *dialog = new RunPlanDialog(m_orchestrator, m_config, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &RunPlanDialog::planStarted, this,
            [this, dialog](const QString &name) { handlePlanStarted(name, dialog->startedAgentIds()); });
    dialog->open();
}

void MainWindow::openPlanFile(const QString &path)
{
    if (isStartingUp()) {
        m_pendingPlanFile = path;
        return;
    }
    auto *dialog = new RunPlanDialog(m_orchestrator, m_config, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &RunPlanDialog::planStarted, this,
            [this, dialog](const QString &name) { handlePlanStarted(name, dialog->startedAgentIds()); });
    dialog->loadPlan(path); // an invalid file stays in the dialog with its error
    dialog->open();
}

void MainWindow::handlePlanStarted(const QString &name, const QStringList &agentIds)
{
    setPlanName(name);
    selectWhenShown(agentIds.value(0));
    statusBar()->showMessage(
        tr("Started plan “%1”: %n agent(s) queued", nullptr, static_cast<int>(agentIds.size())).arg(name),
        kStatusMessageMs);
}

void MainWindow::showAiPlanDialog()
{
    if (isStartingUp())
        return;
    auto *dialog = new AiPlanDialog(m_orchestrator, m_config, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &AiPlanDialog::planStarted, this,
            [this, dialog](const QString &name) { handlePlanStarted(name, dialog->startedAgentIds()); });
    dialog->open();
}

void MainWindow::showHistory()
{
    if (!m_orchestrator || !m_orchestrator->store() || isStartingUp())
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

void MainWindow::handleStorageFailed(const QString &message)
{
    m_storageBanner->showFailure(message);
    statusBar()->showMessage(tr("Storage failed: dispatch is paused"), kStatusMessageMs);
    scheduleActionUpdate();
}

void MainWindow::cancelSelected()
{
    m_commands->confirmCancelSelected();
}

void MainWindow::answerSelectedQuestion()
{
    const QModelIndex current = m_view->currentIndex();
    const QString escalationId =
        current.isValid() ? current.data(AgentBoardModel::OpenEscalationRole).toString() : QString();
    if (escalationId.isEmpty() || !m_inboxDock->showEscalation(escalationId)) {
        // No card with a question selected: the inbox, on its most urgent question.
        m_inboxDock->show();
        m_inboxDock->raise();
    }
    m_inboxDock->focusAnswer();
}

void MainWindow::showShortcutOverview()
{
    auto *dialog = findChild<ShortcutOverviewDialog *>();
    // Kept once made (not deleted on close): pressing F1 again right after closing must not find a dying one.
    if (!dialog)
        dialog = new ShortcutOverviewDialog(menuBar(), this);
    dialog->show();
    dialog->raise();
    dialog->activateWindow();
}

void MainWindow::showSettingsDialog()
{
    for (SettingsDialog *open : findChildren<SettingsDialog *>()) {
        if (open->isVisible()) {
            open->raise();
            open->activateWindow();
            return;
        }
    }
    SettingsDialog::Services services;
    services.localModels = m_localModels;
    services.codingAgents = m_codingAgents;
    services.notifier = m_notifier;
    auto *dialog = new SettingsDialog(m_config, services, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &SettingsDialog::configSaved, this, [this](const Config &before, const Config &after) {
        SettingsApplier::apply(m_orchestrator, before, after);
        m_config = after;
        statusBar()->showMessage(tr("Settings saved"), kStatusMessageMs);
    });
    dialog->open();
}

void MainWindow::confirmCancelAll()
{
    m_commands->confirmCancelAll();
}

void MainWindow::resumeSelected()
{
    m_commands->resumeSelected();
}

void MainWindow::resumeAllInterrupted()
{
    m_commands->resumeAllInterrupted();
}

void MainWindow::resumeRateLimited()
{
    m_commands->resumeRateLimitedSelected();
}

void MainWindow::cleanupFinished()
{
    m_commands->cleanupFinished();
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
    m_commands->copySelectedIds();
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
    if (m_actions->resumeSelected()->isEnabled())
        menu->addAction(m_actions->resumeSelected());
    if (m_actions->resumeRateLimited()->isEnabled())
        menu->addAction(m_actions->resumeRateLimited());
    menu->addAction(m_actions->cancelSelected());
    // A team (or one of its members): fold or unfold its members, as + and − do.
    const int row = m_model->rowForAgent(index.data(AgentBoardModel::AgentIdRole).toString());
    const int team = row < 0 ? -1 : (m_model->teamRowAt(row) >= 0 ? m_model->teamRowAt(row) : row);
    if (team >= 0 && m_model->memberCount(m_model->statusAt(team).goalId) > 0) {
        const QString teamGoal = m_model->statusAt(team).goalId;
        const QString teamAgent = m_model->statusAt(team).agentId;
        const bool expanded = m_model->isTeamExpanded(teamGoal);
        QAction *fold = menu->addAction(expanded ? tr("Hide the team's members\t−") : tr("Show the team's members\t+"));
        fold->setObjectName(QStringLiteral("foldTeamAction"));
        connect(fold, &QAction::triggered, this, [this, teamGoal, teamAgent, expanded, member = team != row] {
            m_model->setTeamExpanded(teamGoal, !expanded);
            if (member && expanded)
                m_view->selectAgent(teamAgent); // the member's card went with the others
        });
    }
    menu->addSeparator();
    menu->addAction(m_actions->copyId());
    menu->addAction(m_actions->showDetails());
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
    m_actions->cancelSelected()->setEnabled(!m_commands->cancellable(selected).isEmpty());
    m_actions->resumeSelected()->setEnabled(!m_commands->interrupted(selected).isEmpty());
    m_actions->resumeAll()->setEnabled(m_commands->anyInterrupted());
    m_actions->resumeRateLimited()->setEnabled(!m_commands->rateLimitedProfiles(selected).isEmpty());
    // Nothing may start while nothing can be recorded: the banner says why.
    m_actions->pauseDispatch()->setEnabled(!m_orchestrator || !m_orchestrator->isStorageFailed());
    m_actions->copyId()->setEnabled(!selected.isEmpty());
    m_actions->showDetails()->setEnabled(!selected.isEmpty());
    if (m_orchestrator) {
        const Orchestrator::Progress p = m_orchestrator->progress();
        m_actions->cancelAll()->setEnabled(p.pending + p.inProgress > 0);
        m_actions->cleanup()->setEnabled(p.completed + p.failed + p.cancelled + p.blocked + p.skipped > 0);
    }
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
    m_actions->updateIcons(palette());
    m_docks->updateIcons(palette());
}

void MainWindow::retranslate()
{
    m_actions->retranslate(m_orchestrator && m_orchestrator->store(),
                           m_checkingDatabase ? MainWindowActions::Startup::CheckingDatabase
                           : m_restoring      ? MainWindowActions::Startup::Restoring
                                              : MainWindowActions::Startup::Done);
    m_docks->retranslate();
    if (m_tray) { // the texts retranslate() sets, so a language switch reaches the tray's menu too
        m_trayShow->setText(tr("Show window"));
        m_trayQuit->setText(tr("Quit"));
        updateTrayToolTip();
    }
    if (m_notifier) {
        m_notificationsMenu->setTitle(tr("&Notifications"));
        m_notifier->retranslate();
    }
    if (m_review)
        m_review->retranslate();
    if (m_checkingDatabase) {
        const QFileInfo file(m_checkingPath);
        m_view->setRestoringText(
            tr("Checking the database…"),
            //: %1 is the database file's name, %2 its size ("570 MB")
            tr("Switchboard makes sure %1 (%2) is intact before using it. New goals can be added once the check "
               "has passed.")
                .arg(file.fileName(), locale().formattedDataSize(file.size(), 0)));
    } else if (m_fillingBoard) {
        const auto goals = static_cast<int>(m_orchestrator ? m_orchestrator->agentIds().size() : 0);
        m_view->setRestoringText(tr("Restoring the unfinished run…"),
                                 tr("Putting %Ln goal(s) of “%1” on the board.", nullptr, goals).arg(m_restoringRun));
    } else if (m_restoring && m_endingLeftoverJobs > 0) {
        m_view->setRestoringText(
            tr("Ending leftover jobs…"),
            tr("%Ln job(s) of the last session may still run on a cluster or an SSH host. “%1” comes back once "
               "they are ended, so none of its goals runs twice.",
               nullptr, m_endingLeftoverJobs)
                .arg(m_restoringRun));
    } else if (m_restoring) {
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
}

void MainWindow::restoreSettings()
{
    QSettings settings(UiSettings::filePath(), QSettings::IniFormat);
    settings.beginGroup(QStringLiteral("MainWindow"));
    const QByteArray geometry = settings.value(QStringLiteral("geometry")).toByteArray();
    if (geometry.isEmpty() || !restoreGeometry(geometry)) {
        const QRect available = screen() ? screen()->availableGeometry() : QRect(0, 0, 1280, 800);
        resize(qMin(1400, available.width() * 9 / 10), qMin(900, available.height() * 9 / 10));
        m_docks->resizeToDefaults(this);
    }
    m_docks->hideUntilNeeded();
    if (settings.value(QStringLiteral("version")).toString() == kSettingsVersion)
        restoreState(settings.value(QStringLiteral("state")).toByteArray());
    m_filterBar->restoreState(settings.value(QStringLiteral("filter")).toMap());
    m_actions->compactCards()->setChecked(settings.value(QStringLiteral("compactCards"), false).toBool());
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
    settings.setValue(QStringLiteral("compactCards"), m_actions->compactCards()->isChecked());
    settings.endGroup();
}

} // namespace switchboard
