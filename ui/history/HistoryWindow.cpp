#include "history/HistoryWindow.h"

#include "UiSettings.h"
#include "history/HistoryActions.h"
#include "history/HistoryEmptyPage.h"
#include "history/HistoryExport.h"
#include "history/HistoryFetcher.h"
#include "history/HistoryFilterProxyModel.h"
#include "history/HistoryGoalList.h"
#include "history/HistoryGoalModel.h"
#include "history/HistoryGoalPane.h"
#include "history/HistoryRerun.h"
#include "history/HistoryRunModel.h"
#include "history/HistoryTable.h"
#include "orchestration/Orchestrator.h"
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
#include <QFileInfo>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QMenu>
#include <QMessageBox>
#include <QScreen>
#include <QScrollBar>
#include <QSettings>
#include <QSplitter>
#include <QStackedWidget>
#include <QStatusBar>
#include <QTimer>
#include <QTreeView>
#include <QUrl>
#include <QVBoxLayout>

namespace switchboard {

namespace {
constexpr int kSearchDelayMs = 180;
constexpr int kStatusMessageMs = 5000;
constexpr int kReadOnlyRefreshMs = 3000;
constexpr int kRefreshMs = 5000;

} // namespace

HistoryWindow::HistoryWindow(Store *store, Orchestrator *orchestrator, Config config, QWidget *parent)
    : QMainWindow(parent, Qt::Window)
    , m_store(store)
    , m_orchestrator(orchestrator)
    , m_readOnly(!orchestrator || !store || store->isReadOnly())
    , m_fetcher(new HistoryFetcher(store, this))
    , m_export(new HistoryExport(this))
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
    m_runProxy->setSourceModel(m_runModel);
    m_goalProxy->setSourceModel(m_goalModel);
    m_goalProxy->setSortRole(HistoryGoalModel::SortRole);
    m_rerun = new HistoryRerun(orchestrator, std::move(config), m_goalModel, this);

    m_actions = std::make_unique<HistoryActions>(this);
    m_search = m_actions->search();
    connect(m_actions->copyGoalId(), &QAction::triggered, this, [this] {
        const int row = currentGoalRow();
        if (row >= 0)
            QApplication::clipboard()->setText(m_goalModel->snapshot()->goalAt(row).goal.id);
    });

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
    m_goalList = new HistoryGoalList(m_goalProxy, m_horizontal);
    m_goalsView = m_goalList->view();
    m_goalsView->addAction(m_actions->copyGoalId());
    m_horizontal->addWidget(m_goalList);
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
    m_mainStack->addWidget(new HistoryEmptyPage(store && store->isReadOnly()));
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
    connect(m_fetcher, &HistoryFetcher::runsFetched, this, &HistoryWindow::handleRunsLoaded);
    connect(m_fetcher, &HistoryFetcher::runFetched, this, &HistoryWindow::handleRunLoaded);
    connect(m_fetcher, &HistoryFetcher::logFetched, this,
            [this](const QString &agentId, const QStringList &lines, const QString &file) {
                if (m_goalPane->agentId() == agentId)
                    m_goalPane->setLog(lines, file);
            });
    connect(m_fetcher, &HistoryFetcher::transcriptFetched, this,
            [this](const QString &agentId, const QList<TranscriptEntry> &entries) {
                if (m_goalPane->agentId() == agentId)
                    m_goalPane->setTranscript(entries);
            });
    connect(m_export, &HistoryExport::started, this, [this](const QString &path) {
        statusBar()->showMessage(tr("Exporting to %1…").arg(QDir::toNativeSeparators(path)));
    });
    connect(m_export, &HistoryExport::finished, this, &HistoryWindow::handleExportFinished);
    connect(m_rerun, &HistoryRerun::agentsSpawned, this, &HistoryWindow::agentsSpawned);
    connect(m_rerun, &HistoryRerun::planStarted, this, &HistoryWindow::planStarted);
    connect(m_rerun, &HistoryRerun::failed, this, &HistoryWindow::showError);
    connect(m_goalList, &HistoryGoalList::clearSearchRequested, this, [this] {
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

HistoryWindow::~HistoryWindow() = default; // m_fetcher, a child, waits for the reads in flight

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

    m_runsView = new HistoryTable(QStringLiteral("historyRuns"));
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
    m_runsManual = manual;
    m_autoRefresh->stop();
    m_fetcher->fetchRuns();
}

void HistoryWindow::handleRunsLoaded(const QList<HistoryRunEntry> &runs, const QString &error)
{
    m_runsLoading = false;
    const bool manual = m_runsManual;
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
    if (!quiet) {
        std::shared_ptr<const HistorySnapshot> old = m_goalModel->snapshot();
        m_goalModel->setSnapshot(nullptr);
        m_goalPane->setGoal(nullptr, -1);
        m_fetcher->release(std::move(old));
        const int row = m_runModel->rowForRun(runId);
        const int goals = row >= 0 ? m_runModel->entryAt(row).goals : 0;
        showGoalsMessage(goals > 1000 ? tr("Loading %1 goals…").arg(QLocale().toString(goals)) : tr("Loading…"));
    } else {
        statusBar()->showMessage(tr("Refreshing…"));
    }
    updateRunSummary();
    updateActions();
    m_fetcher->fetchRun(runId);
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
    m_fetcher->release(std::move(old));
    updateGoalsPage();
    updateRunSummary();
    updateActions();
    m_goalsView->doItemsLayout();
    m_runsView->doItemsLayout();
    scheduleAutoRefresh();
    Q_EMIT loaded();
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
    if (const QString agentId = m_goalPane->agentId(); row >= 0 && m_store && !agentId.isEmpty()) {
        m_goalPane->setLogLoading();
        // The orchestrator's own log file for agents of this session (GUI thread only), the store's otherwise.
        m_fetcher->fetchLog(agentId, m_orchestrator ? m_orchestrator->agentLogFile(agentId) : QString());
    }
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
    m_goalList->showMessage(text, offerClearSearch);
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
        m_goalList->showTable();
    }
}

void HistoryWindow::updateRunSummary()
{
    const std::shared_ptr<const HistorySnapshot> &snapshot = m_goalModel->snapshot();
    const int row = m_runModel->rowForRun(m_selectedRunId);
    if (row < 0 || (!m_haveRuns)) {
        m_goalList->setSummary({});
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
    m_goalList->setSummary(parts.join(QStringLiteral(" · ")));
}

// --- actions ---

void HistoryWindow::updateActions()
{
    const bool haveGoal = currentGoalRow() >= 0;
    const HistoryRunEntry *run = currentRunEntry();
    const std::shared_ptr<const HistorySnapshot> &snapshot = m_goalModel->snapshot();
    const bool runShown = run && snapshot->runId == run->run.id && snapshot->run();
    const bool planFileThere = run && !run->run.planFile.isEmpty() && QFileInfo::exists(run->run.planFile);

    m_actions->rerunGoal()->setEnabled(!m_readOnly && haveGoal);
    m_actions->rerunPlan()->setEnabled(!m_readOnly && run &&
                                       (planFileThere || (runShown && !snapshot->rows.isEmpty())));
    m_actions->copyGoalId()->setEnabled(haveGoal);
    m_actions->setExportEnabled(runShown);
}

void HistoryWindow::rerunGoal()
{
    const int row = currentGoalRow();
    if (m_readOnly || !m_orchestrator || row < 0)
        return;
    m_rerun->rerunGoal(m_goalModel->snapshot()->goalAt(row).goal);
}

void HistoryWindow::rerunPlan()
{
    const HistoryRunEntry *entry = currentRunEntry();
    if (m_readOnly || !m_orchestrator || !entry)
        return;
    m_rerun->rerunRun(entry->run);
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
    menu->addAction(m_actions->rerunGoal());
    menu->addAction(m_actions->copyGoalId());
    menu->popup(m_goalsView->viewport()->mapToGlobal(position));
}

// --- export ---

QString HistoryWindow::defaultExportFileName(ExportKind kind) const
{
    return HistoryExport::defaultFileName(m_selectedRunId, kind);
}

void HistoryWindow::showExportDialog(ExportKind kind)
{
    m_export->showDialog(m_goalModel->snapshot(), kind, defaultExportFileName(kind));
}

bool HistoryWindow::exportRun(ExportKind kind, const QString &path)
{
    return m_export->start(m_goalModel->snapshot(), kind, path);
}

void HistoryWindow::handleExportFinished(const QString &path, const QString &error)
{
    if (error.isEmpty()) {
        statusBar()->showMessage(tr("Exported to %1").arg(QDir::toNativeSeparators(path)), kStatusMessageMs);
    } else {
        statusBar()->clearMessage();
        showError(tr("Export"), tr("The export could not be written."), error);
    }
    Q_EMIT exportFinished(path, error);
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
    m_actions->retranslate(m_readOnly, m_store && m_store->isReadOnly());
    m_runsHeading->setText(tr("Runs"));
    m_banner->setText(tr("<b>Read-only: the database is in use by another Switchboard.</b> This window follows "
                         "its progress and refreshes every few seconds; re-running goals is turned off."));
}

void HistoryWindow::updateIcons()
{
    m_actions->updateIcons(palette(), style());
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
