#pragma once

#include "config/Config.h"
#include "history/HistorySnapshot.h"
#include "persistence/ReportWriter.h"

#include <QMainWindow>
#include <QPointer>

#include <memory>

class QLabel;
class QLineEdit;
class QSplitter;
class QStackedWidget;
class QTimer;
class QTreeView;

namespace switchboard {

class HistoryActions;
class HistoryExport;
class HistoryFetcher;
class HistoryFilterProxyModel;
class HistoryGoalList;
class HistoryGoalModel;
class HistoryGoalPane;
class HistoryRerun;
class HistoryRunModel;
class Orchestrator;
class Store;
struct HistoryRunEntry;

// Past runs and their goals, from the store: the runs newest first, the goals of the selected run (or of
// every run) with a search over titles, ids, descriptions, errors and states, and for one goal its attempts,
// log, questions with their answers and result. A goal or a whole run can be queued again on the board and a
// run exported as a report, activity log or project state. Everything is read on a worker thread, so a run
// of a hundred thousand goals never blocks the window.
//
// Without an orchestrator, or on a store opened read-only (the database belongs to another Switchboard), it
// only reads: re-running is off, a banner says why, and it re-reads every few seconds to follow the other
// instance's progress.
class HistoryWindow final : public QMainWindow
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(HistoryWindow)

public:
    using ExportKind = ReportWriter::Format;

    HistoryWindow(Store *store, Orchestrator *orchestrator, Config config, QWidget *parent = nullptr);
    ~HistoryWindow() override;

    bool isReadOnly() const { return m_readOnly; }
    // The run list or the selected run is still being read.
    bool isLoading() const { return m_runsLoading || m_runLoading; }
    // Selects a run by id (empty: all runs) and loads its goals; false when it is not in the list.
    bool selectRun(const QString &runId);
    QString currentRunId() const;
    // Selects the goal worked on by this agent; false when the table (as filtered) does not show it.
    bool selectGoal(const QString &agentId);
    QString currentAgentId() const;
    // Filters at once (typing in the search field waits for a pause first).
    void setSearchText(const QString &text);
    std::shared_ptr<const HistorySnapshot> snapshot() const;
    // The last error shown (a failed read, re-run or export), for tests and diagnostics.
    QString lastError() const { return m_lastError; }
    // Re-reads the run list (and the shown run when it changed) this often while visible; 0 = never.
    void setAutoRefreshInterval(int ms);
    int autoRefreshInterval() const { return m_autoRefreshMs; }

    // "report-r-3.md", "activity_tracker-r-3.md", ... for the selected run.
    QString defaultExportFileName(ExportKind kind) const;
    // Writes the selected run's export to path on a worker thread; exportFinished() tells how it went.
    bool exportRun(ExportKind kind, const QString &path);

    HistoryRunModel *runModel() const { return m_runModel; }
    HistoryGoalModel *goalModel() const { return m_goalModel; }
    HistoryFilterProxyModel *runProxy() const { return m_runProxy; }
    HistoryFilterProxyModel *goalProxy() const { return m_goalProxy; }
    QTreeView *runsView() const { return m_runsView; }
    QTreeView *goalsView() const { return m_goalsView; }
    HistoryGoalPane *goalPane() const { return m_goalPane; }

public Q_SLOTS:
    void refresh();
    // Queues a copy of the selected goal (no dependencies) into the current session.
    void rerunGoal();
    // Runs the selected run again: its plan file through the Run plan dialog, or its stored goals.
    void rerunPlan();
    void showExportDialog(ExportKind kind);

Q_SIGNALS:
    // Goals re-run from here are on the board under these agent ids.
    void agentsSpawned(const QStringList &agentIds);
    // A plan was started through the Run plan dialog from here.
    void planStarted(const QString &name);
    void exportFinished(const QString &path, const QString &error);
    // A load finished (runs or a run); for tests and the status bar.
    void loaded();

protected:
    void showEvent(QShowEvent *event) override;
    void hideEvent(QHideEvent *event) override;
    void closeEvent(QCloseEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    QWidget *createRunsArea();
    void loadRuns(bool manual);
    void handleRunsLoaded(const QList<HistoryRunEntry> &runs, const QString &error);
    void loadRun(const QString &runId, bool quiet);
    void handleRunLoaded(std::shared_ptr<const HistorySnapshot> snapshot);
    void handleExportFinished(const QString &path, const QString &error);
    void handleRunSelectionChanged();
    void handleGoalSelectionChanged();
    void applySearch();
    void showGoalsMessage(const QString &text, bool offerClearSearch = false);
    void updateGoalsPage();
    void updateRunSummary();
    void updateActions();
    void scheduleAutoRefresh();
    void showError(const QString &title, const QString &text, const QString &details = {});
    void openLogFile(const QString &path);
    void showGoalContextMenu(const QPoint &position);
    void retranslate();
    void updateIcons();
    void updateBannerPalette();
    void restoreSettings();
    void saveSettings() const;
    const HistoryRunEntry *currentRunEntry() const;
    int currentGoalRow() const; // source row, -1 when none

    QPointer<Store> m_store;
    QPointer<Orchestrator> m_orchestrator;
    bool m_readOnly;
    HistoryFetcher *m_fetcher; // the reads; waited for before the window (and the store) go
    HistoryExport *m_export;
    HistoryRerun *m_rerun = nullptr;

    HistoryRunModel *m_runModel;
    HistoryFilterProxyModel *m_runProxy;
    HistoryGoalModel *m_goalModel;
    HistoryFilterProxyModel *m_goalProxy;

    QLabel *m_banner = nullptr;
    QStackedWidget *m_mainStack = nullptr;
    std::unique_ptr<HistoryActions> m_actions;
    QLineEdit *m_search = nullptr; // in the toolbar
    QTreeView *m_runsView = nullptr;
    QLabel *m_runsHeading = nullptr;
    HistoryGoalList *m_goalList = nullptr;
    QTreeView *m_goalsView = nullptr; // in m_goalList
    HistoryGoalPane *m_goalPane = nullptr;
    QSplitter *m_vertical = nullptr;
    QSplitter *m_horizontal = nullptr;
    QLabel *m_databaseLabel = nullptr;
    QTimer *m_searchDelay;
    QTimer *m_autoRefresh;

    QString m_selectedRunId; // the run whose goals are shown (or loading); empty = all runs
    bool m_haveRuns = false; // the run list was read at least once
    bool m_runsLoading = false;
    bool m_runsManual = false; // the run list being read was asked for (refresh()): re-read the run shown
    bool m_runLoading = false;
    bool m_refreshQueued = false;
    bool m_restoringSelection = false;
    qint64 m_lastLoadMs = 0;
    int m_autoRefreshMs;
    QString m_pendingGoal; // agent to select once the run is loaded
    QString m_lastError;
};

} // namespace switchboard
