#pragma once

#include "metrics/MetricTileGrid.h"
#include "metrics/MetricsComputation.h"
#include "persistence/MetricAlert.h"
#include "persistence/MetricThresholds.h"
#include "persistence/Metrics.h"

#include <QDateTime>
#include <QDockWidget>
#include <QFutureWatcher>
#include <QList>
#include <QPointer>
#include <QThreadPool>

#include <atomic>
#include <memory>

class QBoxLayout;
class QLabel;
class QStackedWidget;
class QTimer;
class QTreeView;

namespace switchboard {

class MetricTile;
class Orchestrator;
class ProfileMetricsModel;

// The Metrics dock: how the current run is doing, from what the store recorded (MetricsCalculator over
// Store::history). Tiles for the key numbers with a sparkline of the last hour and a warning/alert marker
// from the config's thresholds, a summary of what crossed, and a sortable per-profile table.
//
// While visible it refreshes every couple of seconds (slower when a computation takes long). The store is
// read and the numbers computed on a private one-thread pool, never on the GUI thread, and never twice at
// once. Without a store, or before the first run, it says so instead of showing zeros.
class MetricsDock final : public QDockWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MetricsDock)

public:
    enum class View
    {
        NoDatabase, // the orchestrator records nothing
        NoRun,      // nothing spawned yet
        Loading,    // the first computation for this run is under way
        Error,      // the store could not be read
        Metrics,
    };

    static constexpr int kRefreshMs = 2000;

    explicit MetricsDock(Orchestrator *orchestrator, const MetricThresholds &thresholds = {},
                         QWidget *parent = nullptr);
    ~MetricsDock() override; // waits for a computation in flight: it reads the store

    void setThresholds(const MetricThresholds &thresholds);
    MetricThresholds thresholds() const { return m_thresholds; }

    View view() const { return m_view; }
    // The title and hint of the empty state (also the error), for tests and accessibility.
    QString emptyStateText() const;
    // The line above the tiles: what crossed, which run, when it was computed.
    QString summaryText() const;
    MetricTile *tile(MetricsTimeline::Series series) const { return m_tileGrid->tile(series); }
    ProfileMetricsModel *profileModel() const { return m_profileModel; }
    QTreeView *profileView() const { return m_profileView; }
    const MetricsTimeline &timeline() const { return m_timeline; }
    // What the tiles show; default-constructed before the first result.
    const Metrics &metrics() const { return m_metrics; }
    const QList<MetricAlert> &alerts() const { return m_alerts; }
    // From the start of a computation until its result is handled.
    bool isComputing() const { return m_inFlight; }
    int computationsStarted() const { return m_started; }
    // How long the last computation took (ms), and the refresh interval that follows from it.
    qint64 lastComputeMs() const { return m_lastComputeMs; }
    int refreshInterval() const;

public Q_SLOTS:
    // Reads and computes again now, unless a computation is already in flight (its result comes anyway).
    void refresh();

Q_SIGNALS:
    // A computation's result (numbers, or an error) is on screen.
    void metricsUpdated();

protected:
    void changeEvent(QEvent *event) override;
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void handleVisibilityChanged(bool visible);
    void handleTick();
    void handleFinished();
    void showView(View view);
    void showResult(const MetricsComputation &result);
    void updateTiles();
    void updateSummary();
    void updateEmptyState();
    void updateLayoutForWidth();
    void updateTableHeight();
    void updateIcons();
    void retranslate();
    const MetricAlert *alertFor(MetricAlert::Metric metric) const;

    QPointer<Orchestrator> m_orchestrator;
    MetricThresholds m_thresholds;
    View m_view = View::NoRun;
    QString m_error;

    QStackedWidget *m_stack;
    QWidget *m_emptyPage;
    QLabel *m_emptyIcon;
    QLabel *m_emptyTitle;
    QLabel *m_emptyHint;
    QWidget *m_body;
    QLabel *m_summaryIcon;
    QLabel *m_summary;
    QLabel *m_updated;
    QBoxLayout *m_summaryRow = nullptr;
    MetricTileGrid *m_tileGrid;
    QLabel *m_tableTitle;
    ProfileMetricsModel *m_profileModel;
    QTreeView *m_profileView;
    QTimer *m_timer;

    QThreadPool m_pool; // one thread: one computation at a time, with its own read connection
    QFutureWatcher<MetricsComputation> m_watcher;
    std::shared_ptr<std::atomic<bool>> m_abort = std::make_shared<std::atomic<bool>>(false);
    int m_started = 0;
    bool m_inFlight = false;     // until handleFinished(): a finished but unhandled result still counts
    bool m_refreshAgain = false; // asked for while one was in flight (the run changed)
    qint64 m_lastComputeMs = 0;

    QString m_runId; // of what is shown
    QString m_runName;
    Metrics m_metrics;
    QList<MetricAlert> m_alerts;
    QDateTime m_computedAt;
    MetricsTimeline m_timeline;
};

} // namespace switchboard
