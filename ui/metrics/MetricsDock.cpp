#include "metrics/MetricsDock.h"

#include "metrics/MetricTile.h"
#include "metrics/MetricTileGrid.h"
#include "metrics/ProfileMetricsModel.h"
#include "orchestration/Orchestrator.h"
#include "persistence/MetricsCalculator.h"
#include "persistence/Store.h"
#include "style/AgentStateStyle.h"
#include "style/DisplayFormat.h"
#include "style/ThemedIcons.h"
#include "widgets/Sparkline.h"

#include <QEvent>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QScrollArea>
#include <QScrollBar>
#include <QStackedWidget>
#include <QTimer>
#include <QTreeView>
#include <QVBoxLayout>
#include <QtConcurrent>

namespace switchboard {

namespace {
constexpr int kMaxRefreshMs = 10 * 60 * 1000;
constexpr int kSummaryIconSize = 16;

using Series = MetricsTimeline::Series;

QString percent(double fraction)
{
    const double value = fraction * 100.0;
    return MetricsDock::tr("%1 %").arg(QLocale().toString(value, 'f', value > 0.0 && value < 10.0 ? 1 : 0));
}

QString noValue()
{
    return QStringLiteral("\u2014");
}

QString levelWord(MetricAlert::Level level)
{
    switch (level) {
    case MetricAlert::Level::Ok:
        return MetricsDock::tr("On target");
    case MetricAlert::Level::Warning:
        return MetricsDock::tr("Missed target");
    case MetricAlert::Level::Alert:
        return MetricsDock::tr("Alert");
    }
    return {};
}

// The tile that shows each thresholded metric.
std::optional<Series> seriesOf(MetricAlert::Metric metric)
{
    switch (metric) {
    case MetricAlert::Metric::GoalsInProgress:
        return Series::InProgress;
    case MetricAlert::Metric::AverageCompletion:
        return Series::AverageCompletionMinutes;
    case MetricAlert::Metric::EscalationRate:
        return Series::EscalationRate;
    case MetricAlert::Metric::LockConflictRate:
        return Series::LockConflictRate;
    case MetricAlert::Metric::Utilisation:
        return Series::Utilisation;
    }
    return std::nullopt;
}

// "target < 20 %, alert above 40 %", in the metric's unit, for a metric with nothing measured yet.
QString thresholdText(const MetricAlert &alert)
{
    const QLocale locale;
    switch (alert.metric) {
    case MetricAlert::Metric::GoalsInProgress:
        return MetricsDock::tr("target below %1, alert above %2")
            .arg(locale.toString(alert.target), locale.toString(alert.alertAt));
    case MetricAlert::Metric::AverageCompletion:
        return MetricsDock::tr("target below %1 min, alert above %2 min")
            .arg(locale.toString(alert.target), locale.toString(alert.alertAt));
    case MetricAlert::Metric::EscalationRate:
    case MetricAlert::Metric::LockConflictRate:
        return MetricsDock::tr("target below %1, alert above %2").arg(percent(alert.target), percent(alert.alertAt));
    case MetricAlert::Metric::Utilisation:
        return MetricsDock::tr("target above %1, alert below %2").arg(percent(alert.target), percent(alert.alertAt));
    }
    return {};
}
} // namespace

MetricsDock::MetricsDock(Orchestrator *orchestrator, const MetricThresholds &thresholds, QWidget *parent)
    : QDockWidget(parent)
    , m_orchestrator(orchestrator)
    , m_thresholds(thresholds)
    , m_stack(new QStackedWidget(this))
    , m_emptyPage(new QWidget(m_stack))
    , m_emptyIcon(new QLabel(m_emptyPage))
    , m_emptyTitle(new QLabel(m_emptyPage))
    , m_emptyHint(new QLabel(m_emptyPage))
    , m_body(new QWidget)
    , m_summaryIcon(new QLabel(m_body))
    , m_summary(new QLabel(m_body))
    , m_updated(new QLabel(m_body))
    , m_tileGrid(new MetricTileGrid(m_body))
    , m_tableTitle(new QLabel(m_body))
    , m_profileModel(new ProfileMetricsModel(this))
    , m_profileView(new QTreeView(m_body))
    , m_timer(new QTimer(this))
{
    setObjectName(QStringLiteral("metricsDock"));
    setAllowedAreas(Qt::AllDockWidgetAreas);
    m_pool.setMaxThreadCount(1);

    // The empty state: what is missing and what to do about it.
    m_emptyPage->setObjectName(QStringLiteral("metricsEmptyState"));
    m_emptyTitle->setObjectName(QStringLiteral("metricsEmptyTitle"));
    m_emptyHint->setObjectName(QStringLiteral("metricsEmptyHint"));
    m_emptyIcon->setAlignment(Qt::AlignCenter);
    QFont titleFont = font();
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.2);
    titleFont.setWeight(QFont::DemiBold);
    m_emptyTitle->setFont(titleFont);
    m_emptyTitle->setAlignment(Qt::AlignCenter);
    m_emptyTitle->setWordWrap(true);
    m_emptyHint->setAlignment(Qt::AlignCenter);
    m_emptyHint->setWordWrap(true);
    m_emptyHint->setMaximumWidth(560); // a readable line length in a wide bottom dock
    m_emptyHint->setForegroundRole(QPalette::PlaceholderText);
    m_emptyHint->setTextInteractionFlags(Qt::TextSelectableByMouse);
    auto *emptyColumn = new QVBoxLayout(m_emptyPage);
    emptyColumn->setContentsMargins(24, 12, 24, 12);
    emptyColumn->setSpacing(6);
    emptyColumn->addStretch(2);
    emptyColumn->addWidget(m_emptyIcon);
    emptyColumn->addWidget(m_emptyTitle);
    emptyColumn->addWidget(m_emptyHint, 0, Qt::AlignHCenter);
    emptyColumn->addStretch(3);

    // The numbers: a summary line, the tiles, the per-profile table; scrolled as one when the dock is small.
    m_body->setObjectName(QStringLiteral("metricsBody"));
    m_summary->setObjectName(QStringLiteral("metricsSummary"));
    m_updated->setObjectName(QStringLiteral("metricsUpdated"));
    m_updated->setForegroundRole(QPalette::PlaceholderText);
    m_updated->setAlignment(Qt::AlignRight | Qt::AlignVCenter);
    m_summaryIcon->setFixedSize(kSummaryIconSize, kSummaryIconSize);
    m_summary->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);
    auto *summaryLine = new QHBoxLayout;
    summaryLine->setSpacing(6);
    summaryLine->addWidget(m_summaryIcon);
    summaryLine->addWidget(m_summary, 1);
    // Side by side when wide, one above the other when narrow (updateLayoutForWidth()).
    m_summaryRow = new QBoxLayout(QBoxLayout::LeftToRight);
    m_summaryRow->setSpacing(4);
    m_summaryRow->addLayout(summaryLine, 1);
    m_summaryRow->addWidget(m_updated);

    QFont tableTitleFont = font();
    tableTitleFont.setWeight(QFont::DemiBold);
    m_tableTitle->setFont(tableTitleFont);
    m_profileView->setObjectName(QStringLiteral("profileMetricsTable"));
    m_profileView->setModel(m_profileModel);
    m_profileView->setRootIsDecorated(false);
    m_profileView->setUniformRowHeights(true);
    m_profileView->setAlternatingRowColors(true);
    m_profileView->setSelectionMode(QAbstractItemView::SingleSelection);
    m_profileView->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_profileView->setAllColumnsShowFocus(true);
    m_profileView->setVerticalScrollBarPolicy(Qt::ScrollBarAlwaysOff); // sized to its rows; the dock scrolls
    m_profileView->setSortingEnabled(true);
    m_profileView->sortByColumn(ProfileMetricsModel::ProfileColumn, Qt::AscendingOrder);
    QHeaderView *header = m_profileView->header();
    header->setStretchLastSection(false);
    header->setSectionResizeMode(QHeaderView::ResizeToContents);
    header->setMinimumSectionSize(48);
    m_profileView->setHorizontalScrollBarPolicy(Qt::ScrollBarAsNeeded);

    auto *bodyColumn = new QVBoxLayout(m_body);
    bodyColumn->setContentsMargins(8, 6, 8, 8);
    bodyColumn->setSpacing(8);
    bodyColumn->addLayout(m_summaryRow);
    bodyColumn->addLayout(m_tileGrid);
    bodyColumn->addSpacing(2);
    bodyColumn->addWidget(m_tableTitle);
    bodyColumn->addWidget(m_profileView);
    bodyColumn->addStretch(1);
    m_body->installEventFilter(this); // tiles and table follow the width

    auto *scroll = new QScrollArea(m_stack);
    scroll->setObjectName(QStringLiteral("metricsScroll"));
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    scroll->setWidget(m_body);
    m_stack->addWidget(m_emptyPage);
    m_stack->addWidget(scroll);
    setWidget(m_stack);

    m_timer->setInterval(kRefreshMs);
    connect(m_timer, &QTimer::timeout, this, &MetricsDock::handleTick);
    m_timer->start();
    connect(this, &QDockWidget::visibilityChanged, this, &MetricsDock::handleVisibilityChanged);
    connect(&m_watcher, &QFutureWatcherBase::finished, this, &MetricsDock::handleFinished);
    connect(m_profileModel, &QAbstractItemModel::modelReset, this, &MetricsDock::updateTableHeight);
    connect(m_profileModel, &QAbstractItemModel::rowsInserted, this, &MetricsDock::updateTableHeight);
    if (m_orchestrator) {
        // The first spawn starts a run: show it without waiting for the next tick.
        connect(m_orchestrator, &Orchestrator::agentSpawned, this, [this] {
            if (m_view == View::NoRun && isVisible())
                refresh();
        });
    }

    updateLayoutForWidth();
    updateIcons();
    retranslate();
    const Store *store = m_orchestrator ? m_orchestrator->store() : nullptr;
    showView(!store || !store->isOpen()          ? View::NoDatabase
             : m_orchestrator->runId().isEmpty() ? View::NoRun
                                                 : View::Loading);
}

MetricsDock::~MetricsDock()
{
    // The computation reads the store through a raw pointer: it must be over before anything goes away.
    // Told to stop, it skips what is left after the read it is in.
    m_abort->store(true);
    m_watcher.waitForFinished();
    m_pool.waitForDone();
}

void MetricsDock::setThresholds(const MetricThresholds &thresholds)
{
    m_thresholds = thresholds;
    if (m_view == View::Metrics) {
        m_alerts = MetricsCalculator::evaluate(m_metrics, m_thresholds);
        m_profileModel->setMetrics(m_metrics, m_thresholds);
        updateTiles();
        updateSummary();
    }
}

int MetricsDock::refreshInterval() const
{
    // A run so big that computing takes a while is refreshed less often, so the pool never runs flat out.
    return int(qBound(qint64(kRefreshMs), m_lastComputeMs * 4, qint64(kMaxRefreshMs)));
}

void MetricsDock::handleVisibilityChanged(bool visible)
{
    if (visible)
        refresh();
}

void MetricsDock::handleTick()
{
    // The tick itself costs nothing; the work happens only while the dock can be seen (not closed, not a
    // background tab). Checked here rather than by starting and stopping the timer on visibilityChanged,
    // which a tab group emits in bursts and in no guaranteed order.
    if (isVisible())
        refresh();
}

void MetricsDock::refresh()
{
    if (m_inFlight) {
        m_refreshAgain = m_orchestrator && m_orchestrator->runId() != m_runId;
        return;
    }
    Store *store = m_orchestrator ? m_orchestrator->store() : nullptr;
    if (!store || !store->isOpen()) {
        showView(View::NoDatabase);
        return;
    }
    const QString runId = m_orchestrator->runId();
    if (runId.isEmpty()) {
        showView(View::NoRun);
        return;
    }
    if (runId != m_runId && m_view != View::Loading) {
        m_timeline.clear();
        showView(View::Loading);
    }
    const QDateTime now = QDateTime::currentDateTimeUtc();
    // Sparklines need a past: rebuild it from the records when there is none for this run, or when the
    // dock was closed long enough to leave a gap.
    const bool seed = runId != m_runId || m_timeline.isEmpty() ||
                      m_timeline.lastSampleAt().msecsTo(now) > 3 * qint64(refreshInterval()) + 10000;
    ++m_started;
    m_inFlight = true;
    m_watcher.setFuture(QtConcurrent::run(&m_pool, &MetricsComputation::run, store, runId,
                                          m_orchestrator->maxParallel(), m_thresholds, now, seed, m_abort));
}

void MetricsDock::handleFinished()
{
    m_inFlight = false;
    const MetricsComputation result = m_watcher.result();
    m_lastComputeMs = result.elapsedMs;
    m_timer->setInterval(refreshInterval());
    const bool again = m_refreshAgain;
    m_refreshAgain = false;
    if (!m_orchestrator || result.runId != m_orchestrator->runId()) {
        // A new run started meanwhile: these numbers are of the old one.
        refresh();
        return;
    }
    showResult(result);
    Q_EMIT metricsUpdated();
    if (again)
        refresh();
}

void MetricsDock::showResult(const MetricsComputation &result)
{
    if (!result.error.isEmpty()) {
        m_error = result.error;
        showView(View::Error);
        return;
    }
    if (result.runId != m_runId) {
        m_timeline.clear();
        m_runId = result.runId;
    }
    m_runName = result.runName;
    m_metrics = result.metrics;
    m_alerts = result.alerts;
    m_computedAt = result.at;
    if (!result.seed.isEmpty())
        m_timeline.setSamples(result.seed);
    m_timeline.append(MetricsTimeline::fromMetrics(result.metrics, result.at));
    m_profileModel->setMetrics(result.metrics, m_thresholds);
    updateTiles();
    updateSummary();
    updateTableHeight();
    showView(View::Metrics);
}

void MetricsDock::showView(View view)
{
    m_view = view;
    m_stack->setCurrentIndex(view == View::Metrics ? 1 : 0);
    updateEmptyState();
}

QString MetricsDock::emptyStateText() const
{
    if (m_view == View::Metrics)
        return {};
    return m_emptyTitle->text() + QLatin1Char('\n') + m_emptyHint->text();
}

QString MetricsDock::summaryText() const
{
    return m_summary->text();
}

const MetricAlert *MetricsDock::alertFor(MetricAlert::Metric metric) const
{
    for (const MetricAlert &alert : m_alerts) {
        if (alert.metric == metric)
            return &alert;
    }
    return nullptr;
}

void MetricsDock::updateTiles()
{
    const QLocale locale;
    const Metrics &m = m_metrics;
    const ProfileMetrics &all = m.overall;
    const int finished = all.completions + all.failures;

    // Values and context.
    MetricTile *inProgress = tile(Series::InProgress);
    inProgress->setValue(locale.toString(m.goalsInProgress));
    inProgress->setDetail(tr("of %n goal(s)", nullptr, m.goals) + QStringLiteral(" · ") +
                          tr("%n slot(s)", nullptr, m.runSlots));

    MetricTile *completions = tile(Series::Completions);
    completions->setValue(locale.toString(all.completions));
    completions->setDetail(tr("%n failed", nullptr, all.failures) + QStringLiteral(" · ") +
                           tr("%n attempt(s)", nullptr, all.iterations));

    MetricTile *success = tile(Series::SuccessRate);
    success->setValue(finished > 0 ? percent(all.successRate) : noValue());
    success->setDetail(finished > 0 ? tr("%1 of %n finished", nullptr, finished).arg(all.completions)
                                    : tr("Nothing finished yet"));

    MetricTile *utilisation = tile(Series::Utilisation);
    const bool hasUtilisation = m.runSlots > 0 && m.wallMs > 0;
    utilisation->setValue(hasUtilisation ? percent(m.utilisation) : noValue());
    //: Context of the utilisation tile: total time agents were busy
    utilisation->setDetail(tr("busy %1").arg(DisplayFormat::duration(m.busyMs)) + QStringLiteral(" · ") +
                           tr("%n slot(s)", nullptr, m.runSlots));

    MetricTile *completion = tile(Series::AverageCompletionMinutes);
    completion->setValue(all.completions > 0 ? DisplayFormat::duration(qint64(all.averageCompletionMs)) : noValue());
    completion->setDetail(all.averageDurationMs > 0.0
                              //: Context of the average completion tile: run time of attempts, average and p95
                              ? tr("runs %1 · p95 %2")
                                    .arg(DisplayFormat::duration(qint64(all.averageDurationMs)),
                                         DisplayFormat::duration(all.p95DurationMs))
                              : tr("Nothing completed yet"));

    MetricTile *escalation = tile(Series::EscalationRate);
    escalation->setValue(all.assignments > 0 ? percent(all.escalationRate) : noValue());
    escalation->setDetail(tr("%n question(s)", nullptr, all.escalations));

    MetricTile *conflicts = tile(Series::LockConflictRate);
    conflicts->setValue(m.lockRequests > 0 ? percent(m.lockConflictRate) : noValue());
    conflicts->setDetail(m.lockRequests > 0 ? tr("%1 in %n request(s)", nullptr, m.lockRequests).arg(m.lockConflicts)
                                            : tr("No lock requested yet"));

    MetricTile *cost = tile(Series::CostUsd);
    cost->setValue(DisplayFormat::cost(all.costUsd));
    cost->setDetail(all.assignments > 0 ? tr("%1 per goal").arg(DisplayFormat::cost(all.costPerGoalUsd)) +
                                              QStringLiteral(" · ") + DisplayFormat::tokens(all.tokens())
                                        : DisplayFormat::tokens(all.tokens()));

    // Levels, thresholds and tooltips.
    for (const Series series : MetricTileGrid::kOrder)
        tile(series)->setLevel(MetricAlert::Level::Ok);
    for (const MetricAlert &alert : std::as_const(m_alerts)) {
        const std::optional<Series> series = seriesOf(alert.metric);
        if (!series)
            continue;
        MetricTile *t = tile(*series);
        t->setLevel(alert.hasData ? alert.level : MetricAlert::Level::Ok);
        t->sparkline()->setTarget(alert.target > 0.0 ? std::optional<double>(alert.target) : std::nullopt);
    }

    // Sparklines over the last hour, or the run when it is younger.
    const double to = double(m_computedAt.toMSecsSinceEpoch());
    double from = to - double(MetricsTimeline::kSpanMs);
    if (m.windowStart.isValid())
        from = qMax(from, double(m.windowStart.toMSecsSinceEpoch()));
    if (!m_timeline.isEmpty())
        from = qMin(from, double(m_timeline.samples().constFirst().at.toMSecsSinceEpoch()));
    if (from >= to)
        from = to - 1.0;
    for (const Series series : MetricTileGrid::kOrder) {
        MetricTile *t = tile(series);
        t->sparkline()->setPoints(m_timeline.points(series), from, to);
        t->sparkline()->setColor(
            t->level() == MetricAlert::Level::Ok
                ? QColor()
                : AgentStateStyle::accent(
                      t->level() == MetricAlert::Level::Alert ? AgentState::Failed : AgentState::Escalated, palette()));
    }
    retranslate(); // tooltips carry the current thresholds
}

void MetricsDock::updateSummary()
{
    int alerts = 0;
    int warnings = 0;
    int measured = 0;
    QStringList crossed;
    for (const MetricAlert &alert : std::as_const(m_alerts)) {
        if (!alert.hasData)
            continue;
        ++measured;
        if (alert.level == MetricAlert::Level::Alert)
            ++alerts;
        else if (alert.level == MetricAlert::Level::Warning)
            ++warnings;
        if (alert.level != MetricAlert::Level::Ok)
            crossed << levelWord(alert.level) + QStringLiteral(": ") + alert.message;
    }
    QString text;
    QString icon;
    AgentState colour = AgentState::Completed;
    if (alerts > 0 || warnings > 0) {
        QStringList parts;
        if (alerts > 0)
            parts << tr("%n alert(s)", nullptr, alerts);
        if (warnings > 0)
            parts << tr("%n missed target(s)", nullptr, warnings);
        text = parts.join(QStringLiteral(" · "));
        icon = alerts > 0 ? QStringLiteral("metric-alert") : QStringLiteral("metric-warning");
        colour = alerts > 0 ? AgentState::Failed : AgentState::Escalated;
    } else if (measured > 0) {
        text = tr("All measured metrics on target");
        icon = QStringLiteral("metric-ok");
    } else {
        text = tr("Not enough data for the targets yet");
        icon = QStringLiteral("metric-ok");
        colour = AgentState::Queued;
    }
    m_summary->setText(text);
    m_summary->setToolTip(crossed.join(QLatin1Char('\n')));
    m_summaryIcon->setPixmap(ThemedIcons::pixmap(icon, AgentStateStyle::foreground(colour, palette()), kSummaryIconSize,
                                                 devicePixelRatioF()));
    const QString run = m_runName.isEmpty() || m_runName == m_runId ? m_runId
                                                                    //: The run in the metrics dock: name (id)
                                                                    : tr("%1 (%2)").arg(m_runName, m_runId);
    // The locale's long time format has seconds (it refreshes every few seconds) but also a time zone: drop it.
    const QLocale locale;
    const QString timeFormat = locale.timeFormat(QLocale::LongFormat).remove(QLatin1Char('t')).trimmed();
    //: The metrics dock's source and time: "Run session (r-3) · updated 14:02:11"
    m_updated->setText(
        tr("Run %1 · updated %2").arg(run, locale.toString(m_computedAt.toLocalTime().time(), timeFormat)));
}

void MetricsDock::updateEmptyState()
{
    switch (m_view) {
    case View::NoDatabase:
        m_emptyTitle->setText(tr("Metrics need the database"));
        m_emptyHint->setText(tr("Switchboard is running without its database, so nothing is recorded to measure. "
                                "Start it with a database it can write to (--db PATH) to see how the agents are "
                                "doing."));
        break;
    case View::NoRun:
        m_emptyTitle->setText(tr("No run yet"));
        m_emptyHint->setText(tr("Start a goal or a plan: how its agents are doing — progress, success rate, "
                                "utilisation, cost — shows here while they work."));
        break;
    case View::Loading:
        m_emptyTitle->setText(tr("Loading metrics…"));
        m_emptyHint->setText(tr("Reading the run from the database."));
        break;
    case View::Error:
        m_emptyTitle->setText(tr("The metrics cannot be read"));
        m_emptyHint->setText(m_error);
        break;
    case View::Metrics:
        break;
    }
    updateIcons();
}

void MetricsDock::updateLayoutForWidth()
{
    const int width = m_body->contentsRect().width() - 16;
    m_summaryRow->setDirection(width < 2 * MetricTileGrid::kTileMinimumWidth + 200 ? QBoxLayout::TopToBottom
                                                                                   : QBoxLayout::LeftToRight);
    m_updated->setAlignment(m_summaryRow->direction() == QBoxLayout::TopToBottom ? Qt::AlignLeft | Qt::AlignVCenter
                                                                                 : Qt::AlignRight | Qt::AlignVCenter);
    m_tileGrid->setWidth(width);
    updateTableHeight();
}

void MetricsDock::updateTableHeight()
{
    // The profile column takes the room the numbers leave; when they do not fit, every column keeps its
    // natural width and the table scrolls sideways.
    QHeaderView *header = m_profileView->header();
    const QAbstractItemView *view = m_profileView; // sizeHintForColumn() is public there, protected in QTreeView
    int needed = 0;
    for (int column = 0; column < ProfileMetricsModel::ColumnCount; ++column)
        needed += qMax(view->sizeHintForColumn(column), header->sectionSizeHint(column));
    const int available = m_body->contentsRect().width() - 16 - 2 * m_profileView->frameWidth();
    const bool fits = needed <= available;
    header->setSectionResizeMode(ProfileMetricsModel::ProfileColumn,
                                 fits ? QHeaderView::Stretch : QHeaderView::ResizeToContents);

    // The table shows every profile; the dock's scroll area scrolls the whole page.
    const int rows = m_profileModel->rowCount();
    const int rowHeight = rows > 0 ? m_profileView->sizeHintForRow(0) : m_profileView->fontMetrics().height() + 6;
    int height = header->sizeHint().height() + qMax(1, rows) * qMax(rowHeight, 1) + 2 * m_profileView->frameWidth() + 2;
    if (!fits)
        height += m_profileView->horizontalScrollBar()->sizeHint().height();
    m_profileView->setFixedHeight(height);
}

void MetricsDock::updateIcons()
{
    const QColor muted = palette().color(QPalette::PlaceholderText);
    const QString name = m_view == View::NoDatabase || m_view == View::Error ? QStringLiteral("storage-failed")
                                                                             : QStringLiteral("metrics");
    m_emptyIcon->setPixmap(ThemedIcons::pixmap(name, muted, 40, devicePixelRatioF()));
}

bool MetricsDock::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_body && event->type() == QEvent::Resize)
        updateLayoutForWidth();
    return QDockWidget::eventFilter(watched, event);
}

void MetricsDock::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange) {
        retranslate();
        updateEmptyState();
        if (m_view == View::Metrics) {
            updateTiles();
            updateSummary();
        }
    } else if (event->type() == QEvent::PaletteChange) {
        updateIcons();
        if (m_view == View::Metrics) {
            updateTiles();
            updateSummary();
        }
    }
    QDockWidget::changeEvent(event);
}

void MetricsDock::retranslate()
{
    setWindowTitle(tr("Metrics"));
    m_tableTitle->setText(tr("Per profile"));
    struct Text
    {
        Series series;
        QString title;
        QString help;
    };
    const std::array<Text, MetricsTimeline::kSeriesCount> texts{{
        {Series::InProgress, tr("Goals in progress"),
         tr("Agents running, waiting for a lock or for an answer, or paused")},
        {Series::Completions, tr("Completed"), tr("Goals completed in this run")},
        {Series::SuccessRate, tr("Success rate"), tr("Completed goals out of completed and failed ones")},
        {Series::Utilisation, tr("Agent utilisation"),
         tr("Time agents spent running, out of the run slots (max parallel) times the run's wall time")},
        {Series::AverageCompletionMinutes, tr("Average completion"),
         tr("From queued to completed, waiting and retries included; below it the average and p95 run time of "
            "a successful attempt")},
        {Series::EscalationRate, tr("Escalation rate"), tr("Goals whose agent asked a human at least once")},
        {Series::LockConflictRate, tr("Lock conflicts"),
         tr("Lock requests that were refused or had to wait, out of all lock requests")},
        {Series::CostUsd, tr("Cost"), tr("What every attempt cost, in total and per goal assigned")},
    }};
    for (const Text &text : texts) {
        MetricTile *t = tile(text.series);
        t->setTitle(text.title);
        QString tip = text.help;
        for (const MetricAlert &alert : std::as_const(m_alerts)) {
            if (seriesOf(alert.metric) != text.series)
                continue;
            tip += QStringLiteral("\n\n") +
                   (alert.hasData ? levelWord(alert.level) + QStringLiteral(": ") + alert.message
                                  //: Tooltip of a metric with a threshold but no data yet: "(target below 20 %, ...)"
                                  : tr("Nothing to measure yet (%1).").arg(thresholdText(alert)));
        }
        t->setToolTip(tip);
        t->setAccessibleName(text.title);
    }
}

} // namespace switchboard
