#include "history/HistoryWindow.h"

#include "UiSettings.h"
#include "dialogs/RunPlanDialog.h"
#include "history/HistoryFilterProxyModel.h"
#include "history/HistoryGoalModel.h"
#include "history/HistoryGoalPane.h"
#include "history/HistoryLoader.h"
#include "history/HistoryRunModel.h"
#include "orchestration/GoalRerun.h"
#include "orchestration/Orchestrator.h"
#include "persistence/ReportWriter.h"
#include "persistence/Store.h"
#include "style/AgentStateStyle.h"
#include "style/DisplayFormat.h"
#include "style/ThemedIcons.h"

#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QCloseEvent>
#include <QDesktopServices>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QFutureWatcher>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QMenu>
#include <QMenuBar>
#include <QMessageBox>
#include <QPushButton>
#include <QSaveFile>
#include <QScreen>
#include <QScrollBar>
#include <QSettings>
#include <QSplitter>
#include <QStackedWidget>
#include <QStandardPaths>
#include <QStatusBar>
#include <QStyle>
#include <QTimer>
#include <QToolBar>
#include <QToolButton>
#include <QTreeView>
#include <QUrl>
#include <QVBoxLayout>
#include <QtConcurrent>

namespace switchboard {

namespace {
constexpr int kSearchDelayMs = 180;
constexpr int kStatusMessageMs = 5000;
constexpr int kReadOnlyRefreshMs = 3000;
constexpr int kRefreshMs = 5000;

using RunsResult = std::pair<QList<HistoryRunEntry>, QString>;

QTreeView *makeTable(const QString &objectName)
{
    auto *view = new QTreeView;
    view->setObjectName(objectName);
    view->setRootIsDecorated(false);
    view->setUniformRowHeights(true); // required to stay fast with 100,000 rows
    view->setItemsExpandable(false);
    view->setSelectionMode(QAbstractItemView::SingleSelection);
    view->setSelectionBehavior(QAbstractItemView::SelectRows);
    view->setAllColumnsShowFocus(true);
    view->setAlternatingRowColors(true);
    view->setTextElideMode(Qt::ElideRight);
    return view;
}

// Writes the whole file or nothing; the error names the file.
QString writeFile(const QString &path, const QByteArray &content)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return HistoryWindow::tr("Cannot write “%1”: %2").arg(QDir::toNativeSeparators(path), file.errorString());
    if (file.write(content) != content.size() || !file.commit())
        return HistoryWindow::tr("Cannot write “%1”: %2").arg(QDir::toNativeSeparators(path), file.errorString());
    return {};
}
} // namespace

HistoryWindow::HistoryWindow(Store *store, Orchestrator *orchestrator, Config config, QWidget *parent)
    : QMainWindow(parent, Qt::Window)
    , m_store(store)
    , m_orchestrator(orchestrator)
    , m_config(std::move(config))
    , m_readOnly(!orchestrator || !store || store->isReadOnly())
    , m_runModel(new HistoryRunModel(this))
    , m_runProxy(new HistoryFilterProxyModel(HistoryRunModel::SearchTextRole, this))
    , m_goalModel(new HistoryGoalModel(this))
    , m_goalProxy(new HistoryFilterProxyModel(HistoryGoalModel::SearchTextRole, this))
    , m_searchDelay(new QTimer(this))
    , m_autoRefresh(new QTimer(this))
    , m_autoRefreshMs(!store || store->isReadOnly() ? kReadOnlyRefreshMs : kRefreshMs)
{
    setObjectName(QStringLiteral("historyWindow"));
    setWindowIcon(ThemedIcons::appIcon());
    m_pool.setMaxThreadCount(2);
    m_runProxy->setSourceModel(m_runModel);
    m_goalProxy->setSourceModel(m_goalModel);
    m_goalProxy->setSortRole(HistoryGoalModel::SortRole);

    createActions();
    createMenusAndToolBar();

    auto *central = new QWidget(this);
    auto *column = new QVBoxLayout(central);
    column->setContentsMargins(0, 0, 0, 0);
    column->setSpacing(0);
    m_banner = new QLabel(central);
    m_banner->setObjectName(QStringLiteral("readOnlyBanner"));
    m_banner->setWordWrap(true);
    m_banner->setMargin(8);
    m_banner->setAutoFillBackground(true);
    m_banner->setVisible(store && store->isReadOnly());
    column->addWidget(m_banner);

    m_vertical = new QSplitter(Qt::Vertical);
    m_vertical->setObjectName(QStringLiteral("historyVerticalSplitter"));
    m_vertical->setChildrenCollapsible(false);
    m_vertical->addWidget(createRunsArea());
    m_horizontal = new QSplitter(Qt::Horizontal, m_vertical);
    m_horizontal->setObjectName(QStringLiteral("historyHorizontalSplitter"));
    m_horizontal->setChildrenCollapsible(false);
    m_horizontal->addWidget(createGoalsArea());
    m_goalPane = new HistoryGoalPane(m_horizontal);
    m_goalPane->setMinimumWidth(300);
    m_horizontal->addWidget(m_goalPane);
    m_horizontal->setStretchFactor(0, 3);
    m_horizontal->setStretchFactor(1, 2);
    m_vertical->addWidget(m_horizontal);
    m_vertical->setStretchFactor(0, 1);
    m_vertical->setStretchFactor(1, 3);
    m_mainStack = new QStackedWidget(central);
    m_mainStack->addWidget(m_vertical);
    m_mainStack->addWidget(createEmptyPage());
    column->addWidget(m_mainStack, 1);
    setCentralWidget(central);

    m_databaseLabel = new QLabel(this);
    m_databaseLabel->setObjectName(QStringLiteral("historyDatabaseLabel"));
    m_databaseLabel->setForegroundRole(QPalette::PlaceholderText);
    statusBar()->addPermanentWidget(m_databaseLabel);
    statusBar()->setSizeGripEnabled(true);

    m_searchDelay->setSingleShot(true);
    m_searchDelay->setInterval(kSearchDelayMs);
    connect(m_searchDelay, &QTimer::timeout, this, &HistoryWindow::applySearch);
    connect(m_search, &QLineEdit::textChanged, m_searchDelay, qOverload<>(&QTimer::start));
    connect(m_search, &QLineEdit::returnPressed, this, &HistoryWindow::applySearch);
    m_autoRefresh->setSingleShot(true);
    connect(m_autoRefresh, &QTimer::timeout, this, [this] { loadRuns(false); });

    connect(m_runsView->selectionModel(), &QItemSelectionModel::currentChanged, this,
            &HistoryWindow::handleRunSelectionChanged);
    connect(m_goalsView->selectionModel(), &QItemSelectionModel::currentChanged, this,
            &HistoryWindow::handleGoalSelectionChanged);
    connect(m_goalsView, &QWidget::customContextMenuRequested, this, &HistoryWindow::showGoalContextMenu);
    connect(m_goalsView, &QAbstractItemView::activated, this,
            [this] { m_goalPane->showTab(HistoryGoalPane::AttemptsTab); });
    connect(m_goalPane, &HistoryGoalPane::openLogFileRequested, this, &HistoryWindow::openLogFile);
    connect(m_clearSearch, &QPushButton::clicked, this, [this] {
        m_search->clear();
        applySearch();
    });

    retranslate();
    updateIcons();
    updateBannerPalette();
    restoreSettings();
    if (m_store)
        m_databaseLabel->setText(QDir::toNativeSeparators(m_store->path()));
    showGoalsMessage(tr("Loading…"));
    updateActions();
    loadRuns(false);
}

HistoryWindow::~HistoryWindow()
{
    // Reads use the store's per-thread connections: they must be over before the store may close.
    m_pool.clear();
    m_pool.waitForDone();
}

void HistoryWindow::createActions()
{
    const auto make = [this](const QString &objectName) {
        auto *action = new QAction(this);
        action->setObjectName(objectName);
        return action;
    };
    m_refresh = make(QStringLiteral("actionHistoryRefresh"));
    m_refresh->setShortcut(QKeySequence::Refresh);
    connect(m_refresh, &QAction::triggered, this, &HistoryWindow::refresh);
    m_find = make(QStringLiteral("actionHistoryFind"));
    m_find->setShortcut(QKeySequence::Find);
    connect(m_find, &QAction::triggered, this, [this] {
        m_search->setFocus(Qt::ShortcutFocusReason);
        m_search->selectAll();
    });
    m_rerunGoal = make(QStringLiteral("actionRerunGoal"));
    m_rerunGoal->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_R));
    connect(m_rerunGoal, &QAction::triggered, this, &HistoryWindow::rerunGoal);
    m_rerunPlan = make(QStringLiteral("actionRerunPlan"));
    m_rerunPlan->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_R));
    connect(m_rerunPlan, &QAction::triggered, this, &HistoryWindow::rerunPlan);
    m_exportMarkdown = make(QStringLiteral("actionExportMarkdown"));
    connect(m_exportMarkdown, &QAction::triggered, this, [this] { showExportDialog(ExportKind::Markdown); });
    m_exportJson = make(QStringLiteral("actionExportJson"));
    connect(m_exportJson, &QAction::triggered, this, [this] { showExportDialog(ExportKind::Json); });
    m_exportActivity = make(QStringLiteral("actionExportActivity"));
    connect(m_exportActivity, &QAction::triggered, this, [this] { showExportDialog(ExportKind::Activity); });
    m_exportState = make(QStringLiteral("actionExportState"));
    connect(m_exportState, &QAction::triggered, this, [this] { showExportDialog(ExportKind::State); });
    m_close = make(QStringLiteral("actionHistoryClose"));
    m_close->setShortcut(QKeySequence::Close);
    connect(m_close, &QAction::triggered, this, &QWidget::close);
    m_copyGoalId = make(QStringLiteral("actionCopyGoalId"));
    m_copyGoalId->setShortcut(QKeySequence::Copy);
    m_copyGoalId->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    connect(m_copyGoalId, &QAction::triggered, this, [this] {
        const int row = currentGoalRow();
        if (row >= 0)
            QApplication::clipboard()->setText(m_goalModel->snapshot()->goalAt(row).goal.id);
    });
}

void HistoryWindow::createMenusAndToolBar()
{
    m_fileMenu = menuBar()->addMenu(QString());
    m_exportMenu = m_fileMenu->addMenu(QString());
    m_exportMenu->setObjectName(QStringLiteral("historyExportMenu"));
    m_exportMenu->addAction(m_exportMarkdown);
    m_exportMenu->addAction(m_exportJson);
    m_exportMenu->addSeparator();
    m_exportMenu->addAction(m_exportActivity);
    m_exportMenu->addAction(m_exportState);
    m_fileMenu->addSeparator();
    m_fileMenu->addAction(m_close);
    m_viewMenu = menuBar()->addMenu(QString());
    m_viewMenu->addAction(m_find);
    m_viewMenu->addAction(m_refresh);
    m_runMenu = menuBar()->addMenu(QString());
    m_runMenu->addAction(m_rerunGoal);
    m_runMenu->addAction(m_rerunPlan);

    m_toolBar = addToolBar(QString());
    m_toolBar->setObjectName(QStringLiteral("historyToolBar"));
    m_toolBar->setMovable(false);
    m_toolBar->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    m_toolBar->setIconSize(QSize(18, 18));
    m_search = new QLineEdit(m_toolBar);
    m_search->setObjectName(QStringLiteral("historySearch"));
    m_search->setClearButtonEnabled(true);
    m_search->setMinimumWidth(320);
    m_search->setMaximumWidth(520);
    m_searchIcon = m_search->addAction(QIcon(), QLineEdit::LeadingPosition);
    m_toolBar->addWidget(m_search);
    m_toolBar->addSeparator();
    m_toolBar->addAction(m_refresh);
    m_toolBar->addAction(m_rerunGoal);
    m_toolBar->addAction(m_rerunPlan);
    m_exportButton = new QToolButton(m_toolBar);
    m_exportButton->setObjectName(QStringLiteral("historyExportButton"));
    m_exportButton->setPopupMode(QToolButton::InstantPopup);
    m_exportButton->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    m_exportButton->setMenu(m_exportMenu);
    m_toolBar->addWidget(m_exportButton);
}

QWidget *HistoryWindow::createRunsArea()
{
    auto *area = new QWidget;
    auto *column = new QVBoxLayout(area);
    column->setContentsMargins(6, 6, 6, 0);
    column->setSpacing(4);
    m_runsHeading = new QLabel(area);
    m_runsHeading->setObjectName(QStringLiteral("historyRunsHeading"));
    QFont headingFont = m_runsHeading->font();
    headingFont.setWeight(QFont::DemiBold);
    m_runsHeading->setFont(headingFont);
    column->addWidget(m_runsHeading);

    m_runsView = makeTable(QStringLiteral("historyRuns"));
    m_runsView->setModel(m_runProxy);
    QHeaderView *header = m_runsView->header();
    header->setStretchLastSection(true);
    header->setSectionResizeMode(QHeaderView::Interactive);
    header->resizeSection(HistoryRunModel::NameColumn, 230);
    header->resizeSection(HistoryRunModel::StartedColumn, 150);
    header->resizeSection(HistoryRunModel::FinishedColumn, 150);
    header->resizeSection(HistoryRunModel::GoalsColumn, 60);
    header->resizeSection(HistoryRunModel::OutcomeColumn, 340);
    header->resizeSection(HistoryRunModel::CostColumn, 70);
    m_runsView->setMinimumHeight(110);
    column->addWidget(m_runsView, 1);
    return area;
}

QWidget *HistoryWindow::createGoalsArea()
{
    auto *area = new QWidget;
    auto *column = new QVBoxLayout(area);
    column->setContentsMargins(6, 6, 0, 0);
    column->setSpacing(4);
    m_runSummary = new QLabel(area);
    m_runSummary->setObjectName(QStringLiteral("historyRunSummary"));
    m_runSummary->setWordWrap(true);
    m_runSummary->setTextInteractionFlags(Qt::TextSelectableByMouse);
    column->addWidget(m_runSummary);

    m_goalsStack = new QStackedWidget(area);
    m_goalsView = makeTable(QStringLiteral("historyGoals"));
    m_goalsView->setModel(m_goalProxy);
    m_goalsView->setContextMenuPolicy(Qt::CustomContextMenu);
    m_goalsView->addAction(m_copyGoalId);
    QHeaderView *header = m_goalsView->header();
    header->setStretchLastSection(false);
    header->setSectionResizeMode(QHeaderView::Interactive);
    // Fixed widths: sizing to contents would measure every one of a hundred thousand rows.
    header->resizeSection(HistoryGoalModel::TitleColumn, 250);
    header->resizeSection(HistoryGoalModel::RunColumn, 150);
    header->resizeSection(HistoryGoalModel::StateColumn, 110);
    header->resizeSection(HistoryGoalModel::AttemptsColumn, 44);
    header->resizeSection(HistoryGoalModel::DurationColumn, 80);
    header->resizeSection(HistoryGoalModel::CostColumn, 64);
    header->resizeSection(HistoryGoalModel::ResultColumn, 260);
    header->resizeSection(HistoryGoalModel::ProfileColumn, 90);
    header->resizeSection(HistoryGoalModel::IdColumn, 80);
    header->resizeSection(HistoryGoalModel::StartedColumn, 130);
    header->resizeSection(HistoryGoalModel::TokensColumn, 80);
    header->setSortIndicator(-1, Qt::AscendingOrder); // spawn order until a header is clicked
    m_goalsView->setSortingEnabled(true);
    m_goalsStack->addWidget(m_goalsView);

    auto *messagePage = new QWidget;
    auto *messageColumn = new QVBoxLayout(messagePage);
    messageColumn->addStretch(1);
    m_goalsMessage = new QLabel(messagePage);
    m_goalsMessage->setObjectName(QStringLiteral("historyGoalsMessage"));
    m_goalsMessage->setAlignment(Qt::AlignCenter);
    m_goalsMessage->setWordWrap(true);
    m_goalsMessage->setForegroundRole(QPalette::PlaceholderText);
    messageColumn->addWidget(m_goalsMessage);
    m_clearSearch = new QPushButton(messagePage);
    m_clearSearch->setObjectName(QStringLiteral("historyClearSearchButton"));
    auto *buttonRow = new QHBoxLayout;
    buttonRow->addStretch(1);
    buttonRow->addWidget(m_clearSearch);
    buttonRow->addStretch(1);
    messageColumn->addLayout(buttonRow);
    messageColumn->addStretch(2);
    m_goalsStack->addWidget(messagePage);
    column->addWidget(m_goalsStack, 1);
    return area;
}

QWidget *HistoryWindow::createEmptyPage()
{
    auto *page = new QWidget;
    page->setObjectName(QStringLiteral("historyEmptyPage"));
    auto *column = new QVBoxLayout(page);
    column->addStretch(2);
    m_emptyIcon = new QLabel(page);
    m_emptyIcon->setAlignment(Qt::AlignCenter);
    column->addWidget(m_emptyIcon);
    m_emptyTitle = new QLabel(page);
    m_emptyTitle->setObjectName(QStringLiteral("historyEmptyTitle"));
    m_emptyTitle->setAlignment(Qt::AlignCenter);
    QFont titleFont = m_emptyTitle->font();
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.3);
    titleFont.setWeight(QFont::DemiBold);
    m_emptyTitle->setFont(titleFont);
    column->addWidget(m_emptyTitle);
    m_emptyHint = new QLabel(page);
    m_emptyHint->setObjectName(QStringLiteral("historyEmptyHint"));
    m_emptyHint->setAlignment(Qt::AlignCenter);
    m_emptyHint->setWordWrap(true);
    m_emptyHint->setForegroundRole(QPalette::PlaceholderText);
    m_emptyHint->setMinimumWidth(440);
    m_emptyHint->setMaximumWidth(560);
    auto *hintRow = new QHBoxLayout;
    hintRow->addStretch(1);
    hintRow->addWidget(m_emptyHint);
    hintRow->addStretch(1);
    column->addLayout(hintRow);
    column->addStretch(3);
    return page;
}

// --- loading ---

void HistoryWindow::loadRuns(bool manual)
{
    if (!m_store || !m_store->isOpen()) {
        showGoalsMessage(tr("No database is open, so there is no history to show."));
        return;
    }
    if (m_runsLoading) {
        m_refreshQueued = m_refreshQueued || manual;
        return;
    }
    m_runsLoading = true;
    m_autoRefresh->stop();
    const Store *store = m_store.data();
    auto *watcher = new QFutureWatcher<RunsResult>(this);
    connect(watcher, &QFutureWatcherBase::finished, this, [this, watcher, manual] {
        const RunsResult result = watcher->result();
        watcher->deleteLater();
        handleRunsLoaded(result.first, result.second, manual);
    });
    watcher->setFuture(QtConcurrent::run(&m_pool, [store] {
        QString error;
        QList<HistoryRunEntry> runs = HistoryLoader::runs(*store, &error);
        return RunsResult(std::move(runs), error);
    }));
}

void HistoryWindow::handleRunsLoaded(const QList<HistoryRunEntry> &runs, const QString &error, bool manual)
{
    m_runsLoading = false;
    if (!error.isEmpty())
        statusBar()->showMessage(tr("Could not read the run list: %1").arg(error), kStatusMessageMs);
    const int oldRow = m_runModel->rowForRun(m_selectedRunId);
    const HistoryRunEntry before = oldRow >= 0 ? m_runModel->entryAt(oldRow) : HistoryRunEntry{};
    // The first runs to show (at start, or the first ever recorded): open the newest.
    const bool first = !m_haveRuns || m_runModel->runCount() == 0;
    const bool readOnlyStore = m_store && m_store->isReadOnly();
    if (m_orchestrator && !readOnlyStore) {
        m_runModel->setLiveRunId(m_orchestrator->runId());
    } else if (readOnlyStore && !runs.isEmpty() && !runs.constFirst().run.isFinished()) {
        // The database belongs to another Switchboard that is running: its newest unfinished run is the one
        // it is recording into, not one that was cut short.
        m_runModel->setLiveRunId(runs.constFirst().run.id);
    }
    m_runModel->setRuns(runs);
    // Nothing recorded yet: one message for the whole window rather than empty tables.
    m_mainStack->setCurrentIndex(runs.isEmpty() ? 1 : 0);

    if (first) {
        m_haveRuns = true;
        // The newest run, which is what a person opening the history most likely wants to look at.
        if (!selectRun(runs.isEmpty() ? QString() : runs.constFirst().run.id))
            selectRun(QString());
    } else {
        const int row = m_runModel->rowForRun(m_selectedRunId);
        if (row < 0) {
            selectRun(QString());
        } else if (!m_runLoading && (manual || !(m_runModel->entryAt(row) == before))) {
            loadRun(m_selectedRunId, true);
        }
    }
    if (m_refreshQueued) {
        m_refreshQueued = false;
        loadRuns(true);
        return;
    }
    updateRunSummary();
    updateActions();
    scheduleAutoRefresh();
    Q_EMIT loaded();
}

void HistoryWindow::loadRun(const QString &runId, bool quiet)
{
    if (!m_store || !m_store->isOpen())
        return;
    m_selectedRunId = runId;
    m_runLoading = true;
    const quint64 generation = ++m_runGeneration;
    if (!quiet) {
        std::shared_ptr<const HistorySnapshot> old = m_goalModel->snapshot();
        m_goalModel->setSnapshot(nullptr);
        m_goalPane->setGoal(nullptr, -1);
        releaseLater(std::move(old));
        const int row = m_runModel->rowForRun(runId);
        const int goals = row >= 0 ? m_runModel->entryAt(row).goals : 0;
        showGoalsMessage(goals > 1000 ? tr("Loading %1 goals…").arg(QLocale().toString(goals)) : tr("Loading…"));
    } else {
        statusBar()->showMessage(tr("Refreshing…"));
    }
    updateRunSummary();
    updateActions();
    const Store *store = m_store.data();
    auto *watcher = new QFutureWatcher<std::shared_ptr<const HistorySnapshot>>(this);
    connect(watcher, &QFutureWatcherBase::finished, this, [this, watcher, generation] {
        std::shared_ptr<const HistorySnapshot> snapshot = watcher->result();
        watcher->deleteLater();
        if (generation == m_runGeneration)
            handleRunLoaded(std::move(snapshot));
    });
    watcher->setFuture(QtConcurrent::run(&m_pool, [store, runId] { return HistoryLoader::run(*store, runId); }));
}

void HistoryWindow::handleRunLoaded(std::shared_ptr<const HistorySnapshot> snapshot)
{
    m_runLoading = false;
    m_lastLoadMs = snapshot->loadMs;
    statusBar()->clearMessage();
    const QString keepAgent = m_pendingGoal.isEmpty() ? currentAgentId() : m_pendingGoal;
    m_pendingGoal.clear();
    const int scroll = m_goalsView->verticalScrollBar()->value();
    const bool sameRun = m_goalModel->snapshot()->runId == snapshot->runId && !m_goalModel->snapshot()->rows.isEmpty();

    // The reset clears the selection: put it back without the pane blinking through "nothing selected".
    m_restoringSelection = true;
    std::shared_ptr<const HistorySnapshot> old = m_goalModel->snapshot();
    m_goalModel->setSnapshot(snapshot);
    m_goalsView->setColumnHidden(HistoryGoalModel::RunColumn, !snapshot->runId.isEmpty());
    if (!snapshot->error.isEmpty())
        m_lastError = snapshot->error;
    const bool kept = !keepAgent.isEmpty() && selectGoal(keepAgent);
    m_restoringSelection = false;
    if (!kept && sameRun)
        m_goalsView->verticalScrollBar()->setValue(scroll);
    handleGoalSelectionChanged();
    releaseLater(std::move(old));
    updateGoalsPage();
    updateRunSummary();
    updateActions();
    m_goalsView->doItemsLayout();
    m_runsView->doItemsLayout();
    scheduleAutoRefresh();
    Q_EMIT loaded();
}

void HistoryWindow::releaseLater(std::shared_ptr<const HistorySnapshot> snapshot)
{
    // Freeing a run of a hundred thousand goals takes a noticeable moment: not on the GUI thread.
    if (snapshot && snapshot.use_count() == 1 && !snapshot->rows.isEmpty())
        m_pool.start([snapshot = std::move(snapshot)]() mutable { snapshot.reset(); });
}

void HistoryWindow::loadLog(const QString &agentId)
{
    if (!m_store || agentId.isEmpty())
        return;
    const quint64 generation = ++m_logGeneration;
    m_goalPane->setLogLoading();
    // The orchestrator's own log file for agents of this session (GUI thread only), the store's otherwise.
    const QString sessionFile = m_orchestrator ? m_orchestrator->agentLogFile(agentId) : QString();
    const Store *store = m_store.data();
    using LogResult = std::pair<QStringList, QString>;
    auto *watcher = new QFutureWatcher<LogResult>(this);
    connect(watcher, &QFutureWatcherBase::finished, this, [this, watcher, generation, agentId] {
        const LogResult result = watcher->result();
        watcher->deleteLater();
        if (generation == m_logGeneration && m_goalPane->agentId() == agentId)
            m_goalPane->setLog(result.first, result.second);
    });
    watcher->setFuture(QtConcurrent::run(&m_pool, [store, agentId, sessionFile] {
        QString file = store->logFilePath(agentId);
        if (!QFileInfo::exists(file))
            file = !sessionFile.isEmpty() && QFileInfo::exists(sessionFile) ? sessionFile : QString();
        return LogResult(store->agentLog(agentId), file);
    }));
}

void HistoryWindow::refresh()
{
    loadRuns(true);
}

void HistoryWindow::scheduleAutoRefresh()
{
    if (m_autoRefreshMs <= 0 || !isVisible() || isLoading())
        return;
    // A big run takes a while to read: never spend more than a third of the time reading.
    m_autoRefresh->start(static_cast<int>(qMax<qint64>(m_autoRefreshMs, 2 * m_lastLoadMs)));
}

void HistoryWindow::setAutoRefreshInterval(int ms)
{
    m_autoRefreshMs = qMax(0, ms);
    m_autoRefresh->stop();
    scheduleAutoRefresh();
}

// --- selection ---

bool HistoryWindow::selectRun(const QString &runId)
{
    const int row = m_runModel->rowForRun(runId);
    if (row < 0)
        return false;
    // Pinned first, so a search that hides it does not take it away.
    m_runProxy->setPinned(HistoryRunModel::RunIdRole, {QString(), runId});
    const QModelIndex index = m_runProxy->mapFromSource(m_runModel->index(row, 0));
    if (!index.isValid())
        return false;
    m_runsView->setCurrentIndex(index);
    m_runsView->scrollTo(index);
    handleRunSelectionChanged(); // when it was current already, no signal came
    return true;
}

QString HistoryWindow::currentRunId() const
{
    return m_selectedRunId;
}

void HistoryWindow::handleRunSelectionChanged()
{
    const QModelIndex current = m_runsView->currentIndex();
    if (!current.isValid())
        return;
    const QString runId = current.data(HistoryRunModel::RunIdRole).toString();
    m_runProxy->setPinned(HistoryRunModel::RunIdRole, {QString(), runId});
    const bool shown = m_goalModel->snapshot()->runId == runId && !m_goalModel->snapshot()->history.runs.isEmpty();
    if (runId == m_selectedRunId && (m_runLoading || shown))
        return;
    loadRun(runId, false);
}

bool HistoryWindow::selectGoal(const QString &agentId)
{
    const int row = m_goalModel->rowForAgent(agentId);
    if (row < 0)
        return false;
    const QModelIndex index = m_goalProxy->mapFromSource(m_goalModel->index(row, 0));
    if (!index.isValid())
        return false;
    m_goalsView->setCurrentIndex(index);
    m_goalsView->scrollTo(index, QAbstractItemView::PositionAtCenter);
    if (m_goalPane->agentId() != agentId)
        handleGoalSelectionChanged(); // when it was current already, no signal came
    return true;
}

QString HistoryWindow::currentAgentId() const
{
    const int row = currentGoalRow();
    return row >= 0 ? m_goalModel->snapshot()->goalAt(row).agentId : QString();
}

int HistoryWindow::currentGoalRow() const
{
    const QModelIndex current = m_goalsView->currentIndex();
    if (!current.isValid())
        return -1;
    return m_goalProxy->mapToSource(current).row();
}

void HistoryWindow::handleGoalSelectionChanged()
{
    if (m_restoringSelection)
        return;
    const int row = currentGoalRow();
    m_goalPane->setGoal(m_goalModel->snapshot(), row);
    // The log is re-read for a new goal and on every refresh of the one shown (it may have grown).
    if (row >= 0)
        loadLog(m_goalPane->agentId());
    updateActions();
}

std::shared_ptr<const HistorySnapshot> HistoryWindow::snapshot() const
{
    return m_goalModel->snapshot();
}

const HistoryRunEntry *HistoryWindow::currentRunEntry() const
{
    const int row = m_runModel->rowForRun(m_selectedRunId);
    return row > 0 ? &m_runModel->entryAt(row) : nullptr;
}

// --- search ---

void HistoryWindow::setSearchText(const QString &text)
{
    const QSignalBlocker blocker(m_search);
    m_search->setText(text);
    applySearch();
}

void HistoryWindow::applySearch()
{
    m_searchDelay->stop();
    const QString text = m_search->text();
    const QString agent = currentAgentId();
    m_runProxy->setSearchText(text);
    m_goalProxy->setSearchText(text);
    if (!agent.isEmpty()) {
        const QModelIndex index = m_goalProxy->mapFromSource(m_goalModel->index(m_goalModel->rowForAgent(agent), 0));
        if (index.isValid())
            m_goalsView->scrollTo(index);
    }
    updateGoalsPage();
    updateRunSummary();
}

void HistoryWindow::showGoalsMessage(const QString &text, bool offerClearSearch)
{
    m_goalsMessage->setText(text);
    m_clearSearch->setVisible(offerClearSearch);
    m_goalsStack->setCurrentIndex(1);
}

void HistoryWindow::updateGoalsPage()
{
    if (m_runLoading && m_goalModel->rowCount() == 0)
        return; // "Loading…" stays
    const std::shared_ptr<const HistorySnapshot> &snapshot = m_goalModel->snapshot();
    if (!snapshot->error.isEmpty() && snapshot->rows.isEmpty()) {
        showGoalsMessage(tr("The history could not be read:\n%1").arg(snapshot->error));
    } else if (m_runModel->runCount() == 0) {
        showGoalsMessage(tr("No runs recorded yet.\n\nEvery goal you start, every plan you run, is kept here "
                            "with its attempts, log, answers and result."));
    } else if (snapshot->rows.isEmpty()) {
        showGoalsMessage(tr("This run has no goals."));
    } else if (m_goalProxy->rowCount() == 0) {
        showGoalsMessage(tr("No goal matches “%1”.").arg(m_search->text().trimmed()), true);
    } else {
        m_goalsStack->setCurrentIndex(0);
    }
}

void HistoryWindow::updateRunSummary()
{
    const std::shared_ptr<const HistorySnapshot> &snapshot = m_goalModel->snapshot();
    const int row = m_runModel->rowForRun(m_selectedRunId);
    if (row < 0 || (!m_haveRuns)) {
        m_runSummary->clear();
        return;
    }
    const HistoryRunEntry &entry = m_runModel->entryAt(row);
    QStringList parts;
    if (row == 0) {
        parts << tr("<b>All runs</b>");
    } else {
        const QString name = entry.run.name.isEmpty() ? entry.run.id : entry.run.name;
        parts << QStringLiteral("<b>%1</b> (%2)").arg(name.toHtmlEscaped(), entry.run.id.toHtmlEscaped());
        if (!entry.run.planFile.isEmpty())
            parts << tr("plan %1").arg(QFileInfo(entry.run.planFile).fileName().toHtmlEscaped());
        if (entry.run.isFinished()) {
            parts << tr("took %1").arg(DisplayFormat::duration(entry.run.startedAt.msecsTo(entry.run.finishedAt)));
        }
    }
    const int total = snapshot->runId == m_selectedRunId ? static_cast<int>(snapshot->rows.size()) : entry.goals;
    const int shown = m_goalProxy->rowCount();
    if (m_goalProxy->isFiltering() && snapshot->runId == m_selectedRunId && !m_runLoading)
        parts << tr("%1 of %n goal(s) match", nullptr, total).arg(QLocale().toString(shown));
    else
        parts << tr("%n goal(s)", nullptr, total);
    if (row > 0)
        parts << HistoryRunModel::outcomeText(entry).toHtmlEscaped();
    parts << DisplayFormat::cost(entry.costUsd).toHtmlEscaped();
    m_runSummary->setText(parts.join(QStringLiteral(" · ")));
}

// --- actions ---

void HistoryWindow::updateActions()
{
    const bool haveGoal = currentGoalRow() >= 0;
    const HistoryRunEntry *run = currentRunEntry();
    const std::shared_ptr<const HistorySnapshot> &snapshot = m_goalModel->snapshot();
    const bool runShown = run && snapshot->runId == run->run.id && snapshot->run();
    const bool planFileThere = run && !run->run.planFile.isEmpty() && QFileInfo::exists(run->run.planFile);

    m_rerunGoal->setEnabled(!m_readOnly && haveGoal);
    m_rerunPlan->setEnabled(!m_readOnly && run && (planFileThere || (runShown && !snapshot->rows.isEmpty())));
    m_copyGoalId->setEnabled(haveGoal);
    for (QAction *action : {m_exportMarkdown, m_exportJson, m_exportActivity, m_exportState})
        action->setEnabled(runShown);
    m_exportButton->setEnabled(runShown);
}

void HistoryWindow::rerunGoal()
{
    const int row = currentGoalRow();
    if (m_readOnly || !m_orchestrator || row < 0)
        return;
    const Goal &past = m_goalModel->snapshot()->goalAt(row).goal;
    QString error;
    const QString agentId = m_orchestrator->spawn(GoalRerun::alone(past), &error);
    if (agentId.isEmpty()) {
        showError(tr("Re-run goal"), tr("“%1” could not be queued again.").arg(past.title), error);
        return;
    }
    statusBar()->showMessage(tr("Queued “%1” on the board as %2").arg(past.title, agentId), kStatusMessageMs);
    Q_EMIT agentsSpawned({agentId});
}

void HistoryWindow::rerunPlan()
{
    const HistoryRunEntry *entry = currentRunEntry();
    if (m_readOnly || !m_orchestrator || !entry)
        return;
    const RunRecord run = entry->run;
    if (!run.planFile.isEmpty() && QFileInfo::exists(run.planFile)) {
        auto *dialog = new RunPlanDialog(m_orchestrator, m_config, this);
        dialog->setAttribute(Qt::WA_DeleteOnClose);
        dialog->loadPlan(run.planFile); // shows what is wrong with the file if it no longer loads
        connect(dialog, &RunPlanDialog::planStarted, this, [this, dialog](const QString &name) {
            statusBar()->showMessage(tr("Started plan “%1” again: %n goal(s) queued", nullptr,
                                        static_cast<int>(dialog->startedAgentIds().size()))
                                         .arg(name),
                                     kStatusMessageMs);
            Q_EMIT planStarted(name);
            Q_EMIT agentsSpawned(dialog->startedAgentIds());
        });
        dialog->open();
        return;
    }
    const std::shared_ptr<const HistorySnapshot> snapshot = m_goalModel->snapshot();
    if (snapshot->runId != run.id || snapshot->rows.isEmpty())
        return;
    const int count = static_cast<int>(snapshot->rows.size());
    auto *box = new QMessageBox(
        QMessageBox::Question, tr("Re-run plan"),
        tr("Queue the %n goal(s) of “%1” again?", nullptr, count).arg(run.name.isEmpty() ? run.id : run.name),
        QMessageBox::NoButton, this);
    box->setObjectName(QStringLiteral("rerunPlanConfirmation"));
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->setInformativeText(run.planFile.isEmpty()
                                ? tr("The run had no plan file: its goals are queued as they were recorded, with "
                                     "the dependencies between them.")
                                : tr("Its plan file “%1” is gone: the goals are queued as they were recorded, with "
                                     "the dependencies between them.")
                                      .arg(QDir::toNativeSeparators(run.planFile)));
    QPushButton *confirm = box->addButton(tr("Queue %n goal(s)", nullptr, count), QMessageBox::AcceptRole);
    confirm->setObjectName(QStringLiteral("confirmRerunPlanButton"));
    QPushButton *cancel = box->addButton(QMessageBox::Cancel);
    box->setDefaultButton(confirm);
    box->setEscapeButton(cancel);
    const QString runId = run.id;
    connect(box, &QMessageBox::buttonClicked, this, [this, confirm, runId](QAbstractButton *button) {
        if (button == confirm && m_goalModel->snapshot()->runId == runId)
            spawnRunGoals();
    });
    box->open();
}

void HistoryWindow::spawnRunGoals()
{
    if (!m_orchestrator)
        return;
    const std::shared_ptr<const HistorySnapshot> snapshot = m_goalModel->snapshot();
    QList<Goal> goals;
    goals.reserve(snapshot->rows.size());
    for (int row = 0; row < snapshot->rows.size(); ++row)
        goals << snapshot->goalAt(row).goal;
    // Ids the board already uses get a fresh suffix ("schema-2"), the same for every goal of the run.
    const Orchestrator *orchestrator = m_orchestrator.data();
    goals = GoalRerun::run(std::move(goals),
                           [orchestrator](const QString &id) { return orchestrator->goal(id).has_value(); });
    QString error;
    const QStringList agentIds = m_orchestrator->spawnParallel(goals, &error);
    if (agentIds.isEmpty()) {
        showError(tr("Re-run plan"), tr("The goals of this run could not be queued again."), error);
        return;
    }
    statusBar()->showMessage(tr("Queued %n goal(s) on the board", nullptr, static_cast<int>(agentIds.size())),
                             kStatusMessageMs);
    Q_EMIT agentsSpawned(agentIds);
}

void HistoryWindow::showError(const QString &title, const QString &text, const QString &details)
{
    auto *box = new QMessageBox(QMessageBox::Warning, title, text, QMessageBox::Ok, this);
    box->setObjectName(QStringLiteral("historyErrorBox"));
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->setInformativeText(details);
    box->open();
    m_lastError = details.isEmpty() ? text : details;
}

void HistoryWindow::openLogFile(const QString &path)
{
    if (!QDesktopServices::openUrl(QUrl::fromLocalFile(path)))
        showError(tr("Open log"), tr("The log file could not be opened."), QDir::toNativeSeparators(path));
}

void HistoryWindow::showGoalContextMenu(const QPoint &position)
{
    const QModelIndex index = m_goalsView->indexAt(position);
    if (!index.isValid())
        return;
    m_goalsView->setCurrentIndex(index);
    auto *menu = new QMenu(this);
    menu->setObjectName(QStringLiteral("historyGoalMenu"));
    menu->setAttribute(Qt::WA_DeleteOnClose);
    menu->addAction(m_rerunGoal);
    menu->addAction(m_copyGoalId);
    menu->popup(m_goalsView->viewport()->mapToGlobal(position));
}

// --- export ---

QString HistoryWindow::defaultExportFileName(ExportKind kind) const
{
    const QString run = m_selectedRunId.isEmpty() ? QStringLiteral("runs") : m_selectedRunId;
    switch (kind) {
    case ExportKind::Markdown:
        return QStringLiteral("report-%1.md").arg(run);
    case ExportKind::Json:
        return QStringLiteral("report-%1.json").arg(run);
    case ExportKind::Activity:
        return QStringLiteral("activity_tracker-%1.md").arg(run);
    case ExportKind::State:
        return QStringLiteral("project_state-%1.yaml").arg(run);
    }
    return {};
}

void HistoryWindow::showExportDialog(ExportKind kind)
{
    const std::shared_ptr<const HistorySnapshot> snapshot = m_goalModel->snapshot();
    if (!snapshot->run())
        return;
    QString filter;
    QString title;
    switch (kind) {
    case ExportKind::Markdown:
        title = tr("Export run report");
        filter = tr("Markdown (*.md)");
        break;
    case ExportKind::Json:
        title = tr("Export run report");
        filter = tr("JSON (*.json)");
        break;
    case ExportKind::Activity:
        title = tr("Export activity log");
        filter = tr("Markdown (*.md)");
        break;
    case ExportKind::State:
        title = tr("Export project state");
        filter = tr("YAML (*.yaml *.yml)");
        break;
    }
    QSettings settings(UiSettings::filePath(), QSettings::IniFormat);
    QString directory = settings.value(QStringLiteral("HistoryWindow/exportDirectory")).toString();
    if (directory.isEmpty() || !QFileInfo(directory).isDir())
        directory = QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation);
    const QString path =
        QFileDialog::getSaveFileName(this, title, QDir(directory).filePath(defaultExportFileName(kind)), filter);
    if (path.isEmpty())
        return;
    settings.setValue(QStringLiteral("HistoryWindow/exportDirectory"), QFileInfo(path).absolutePath());
    exportRun(kind, path);
}

bool HistoryWindow::exportRun(ExportKind kind, const QString &path)
{
    const std::shared_ptr<const HistorySnapshot> snapshot = m_goalModel->snapshot();
    if (!snapshot->run())
        return false;
    statusBar()->showMessage(tr("Exporting to %1…").arg(QDir::toNativeSeparators(path)));
    auto *watcher = new QFutureWatcher<QString>(this);
    connect(watcher, &QFutureWatcherBase::finished, this, [this, watcher, path] {
        const QString error = watcher->result();
        watcher->deleteLater();
        if (error.isEmpty()) {
            statusBar()->showMessage(tr("Exported to %1").arg(QDir::toNativeSeparators(path)), kStatusMessageMs);
        } else {
            statusBar()->clearMessage();
            showError(tr("Export"), tr("The export could not be written."), error);
        }
        Q_EMIT exportFinished(path, error);
    });
    // The writers walk every goal: off the GUI thread for big runs. The snapshot is immutable and shared.
    watcher->setFuture(QtConcurrent::run(
        &m_pool, [snapshot, kind, path] { return writeFile(path, ReportWriter::render(snapshot->history, kind)); }));
    return true;
}

// --- window ---

void HistoryWindow::showEvent(QShowEvent *event)
{
    QMainWindow::showEvent(event);
    // Shown again after a while: catch up now (the run itself is re-read only when its totals moved).
    if (m_haveRuns && !isLoading())
        loadRuns(false);
    else
        scheduleAutoRefresh();
}

void HistoryWindow::hideEvent(QHideEvent *event)
{
    m_autoRefresh->stop();
    QMainWindow::hideEvent(event);
}

void HistoryWindow::closeEvent(QCloseEvent *event)
{
    saveSettings();
    QMainWindow::closeEvent(event);
}

void HistoryWindow::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange) {
        retranslate();
        m_runModel->retranslate();
        m_goalModel->retranslate();
        updateRunSummary();
        updateGoalsPage();
    } else if (event->type() == QEvent::PaletteChange) {
        updateBannerPalette();
        m_runModel->setPalette(palette());
        m_goalModel->setPalette(palette());
        updateIcons();
    }
    QMainWindow::changeEvent(event);
}

void HistoryWindow::updateBannerPalette()
{
    QPalette p = m_banner->palette();
    p.setColor(QPalette::Window, AgentStateStyle::badgeBackground(AgentState::Escalated, palette()));
    p.setColor(QPalette::WindowText, AgentStateStyle::foreground(AgentState::Escalated, palette()));
    m_banner->setPalette(p);
}

void HistoryWindow::retranslate()
{
    setWindowTitle(m_readOnly && m_store && m_store->isReadOnly() ? tr("History (read-only) — Switchboard")
                                                                  : tr("History — Switchboard"));
    m_fileMenu->setTitle(tr("&File"));
    m_exportMenu->setTitle(tr("&Export"));
    m_viewMenu->setTitle(tr("&View"));
    m_runMenu->setTitle(tr("&Run"));
    m_toolBar->setWindowTitle(tr("History toolbar"));
    m_search->setPlaceholderText(tr("Search runs and goals: title, id, description, error, state…"));
    m_search->setToolTip(tr("Every word must match. Searches the runs' names and the shown goals (Ctrl+F)"));
    m_runsHeading->setText(tr("Runs"));
    m_refresh->setText(tr("&Refresh"));
    m_refresh->setToolTip(tr("Read the history again (F5)"));
    m_find->setText(tr("&Find"));
    m_rerunGoal->setText(tr("Re-run &goal"));
    m_rerunPlan->setText(tr("Re-run &plan…"));
    if (m_readOnly) {
        const QString why = m_store && m_store->isReadOnly()
                                ? tr("Read-only: the database is in use by another Switchboard")
                                : tr("Re-running needs the dashboard");
        m_rerunGoal->setToolTip(why);
        m_rerunPlan->setToolTip(why);
    } else {
        m_rerunGoal->setToolTip(
            tr("Queue a copy of the selected goal on the board, without its dependencies (Ctrl+R)"));
        m_rerunPlan->setToolTip(tr("Run the selected run's plan again: its plan file, or the goals as recorded "
                                   "(Ctrl+Shift+R)"));
    }
    m_exportMarkdown->setText(tr("Run report (&Markdown)…"));
    m_exportJson->setText(tr("Run report (&JSON)…"));
    m_exportActivity->setText(tr("&Activity log…"));
    m_exportState->setText(tr("Project &state (YAML)…"));
    m_exportButton->setText(tr("Export"));
    m_exportButton->setToolTip(tr("Save the selected run's report, activity log or state to a file"));
    m_close->setText(tr("&Close"));
    m_copyGoalId->setText(tr("&Copy goal id"));
    m_clearSearch->setText(tr("Clear search"));
    m_emptyTitle->setText(tr("No runs recorded yet"));
    m_emptyHint->setText(m_store && m_store->isReadOnly()
                             ? tr("The other Switchboard has not started a goal or a plan yet. This window looks "
                                  "again every few seconds.")
                             : tr("Every goal you start and every plan you run is kept here, with its attempts, "
                                  "log, answers and result, so you can search it, run it again or export a "
                                  "report."));
    m_banner->setText(tr("<b>Read-only: the database is in use by another Switchboard.</b> This window follows "
                         "its progress and refreshes every few seconds; re-running goals is turned off."));
}

void HistoryWindow::updateIcons()
{
    const QPalette &p = palette();
    m_refresh->setIcon(style()->standardIcon(QStyle::SP_BrowserReload));
    m_rerunGoal->setIcon(ThemedIcons::icon(QStringLiteral("new-goal"), p));
    m_rerunPlan->setIcon(ThemedIcons::icon(QStringLiteral("run-plan"), p));
    m_exportButton->setIcon(style()->standardIcon(QStyle::SP_DialogSaveButton));
    m_find->setIcon(ThemedIcons::icon(QStringLiteral("search"), p));
    m_close->setIcon(ThemedIcons::icon(QStringLiteral("quit"), p));
    m_searchIcon->setIcon(ThemedIcons::icon(QStringLiteral("search"), p));
    m_emptyIcon->setPixmap(
        ThemedIcons::pixmap(QStringLiteral("clock"), p.color(QPalette::PlaceholderText), 48, devicePixelRatioF()));
}

void HistoryWindow::restoreSettings()
{
    QSettings settings(UiSettings::filePath(), QSettings::IniFormat);
    settings.beginGroup(QStringLiteral("HistoryWindow"));
    if (!restoreGeometry(settings.value(QStringLiteral("geometry")).toByteArray())) {
        const QRect available = screen() ? screen()->availableGeometry() : QRect(0, 0, 1280, 800);
        resize(qMin(1280, available.width() * 9 / 10), qMin(820, available.height() * 9 / 10));
        m_vertical->setSizes({170, 550});
        m_horizontal->setSizes({720, 480});
    } else {
        m_vertical->restoreState(settings.value(QStringLiteral("verticalSplitter")).toByteArray());
        m_horizontal->restoreState(settings.value(QStringLiteral("horizontalSplitter")).toByteArray());
    }
    settings.endGroup();
}

void HistoryWindow::saveSettings() const
{
    QSettings settings(UiSettings::writableFilePath(), QSettings::IniFormat);
    settings.beginGroup(QStringLiteral("HistoryWindow"));
    settings.setValue(QStringLiteral("geometry"), saveGeometry());
    settings.setValue(QStringLiteral("verticalSplitter"), m_vertical->saveState());
    settings.setValue(QStringLiteral("horizontalSplitter"), m_horizontal->saveState());
    settings.endGroup();
}

} // namespace switchboard
