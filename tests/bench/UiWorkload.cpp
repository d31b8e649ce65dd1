#include "UiWorkload.h"

#include "MainWindow.h"
#include "ProcessStats.h"
#include "agents/AgentContext.h"
#include "agents/BackendRegistry.h"
#include "board/AgentBoardModel.h"
#include "board/AgentBoardView.h"
#include "board/AgentFilterProxyModel.h"
#include "config/ConfigLoader.h"
#include "orchestration/Orchestrator.h"

#include <QApplication>
#include <QDeadlineTimer>
#include <QElapsedTimer>
#include <QScrollBar>
#include <QTimer>

#include <atomic>
#include <cmath>

namespace switchboard::bench {

namespace {
constexpr int kWaitMarginMs = 120000;

double msSince(const QElapsedTimer &timer)
{
    return static_cast<double>(timer.nsecsElapsed()) / 1e6;
}

// Runs for the configured time, reporting progress every tick on a fixed schedule (no drift).
class TickerBackend final : public AgentBackend
{
public:
    TickerBackend(int seconds, int tickMs, std::atomic<int> *ticks)
        : m_seconds(seconds)
        , m_tickMs(tickMs)
        , m_ticks(ticks)
    {}

    AgentResult run(AgentContext &context) override
    {
        const int total = qMax(1, m_seconds * 1000 / m_tickMs);
        QElapsedTimer clock;
        clock.start();
        for (int tick = 1; tick <= total; ++tick) {
            const qint64 wait = qint64(tick) * m_tickMs - clock.elapsed();
            if (wait > 0 && !context.sleepFor(std::chrono::milliseconds(wait)))
                return AgentResult::cancelled();
            context.setProgress(tick * 100 / total);
            m_ticks->fetch_add(1, std::memory_order_relaxed);
        }
        return AgentResult::completed(QStringLiteral("ticked %1 times").arg(total));
    }

private:
    const int m_seconds;
    const int m_tickMs;
    std::atomic<int> *const m_ticks;
};

// Times how long the GUI thread spends on each window update (the whole frame: every dirty widget
// painted into the backing store) and on each paint of the board, by handing the event on itself.
class FrameTimer final : public QObject
{
public:
    FrameTimer(QWidget *window, QWidget *board)
        : m_window(window)
        , m_board(board)
    {
        window->installEventFilter(this);
        board->installEventFilter(this);
    }

    QList<double> frameMs;
    QList<double> boardPaintMs;
    // Scrolling: from moving the board's scroll bar to the end of the board's next paint (what the person waits
    // for: the event loop's delay before the repaint and the repaint itself).
    QList<double> scrollMs;
    void scrolled() { m_scrollClock.start(); }

protected:
    bool eventFilter(QObject *watched, QEvent *event) override
    {
        const bool frame = watched == m_window && event->type() == QEvent::UpdateRequest && !m_inFrame;
        const bool paint = watched == m_board && event->type() == QEvent::Paint && !m_inPaint;
        if (!frame && !paint)
            return false;
        bool &inside = frame ? m_inFrame : m_inPaint;
        inside = true;
        QElapsedTimer clock;
        clock.start();
        QCoreApplication::sendEvent(watched, event);
        (frame ? frameMs : boardPaintMs) << msSince(clock);
        if (paint && m_scrollClock.isValid()) {
            scrollMs << msSince(m_scrollClock);
            m_scrollClock.invalidate();
        }
        inside = false;
        return true;
    }

private:
    QObject *const m_window;
    QObject *const m_board;
    bool m_inFrame = false;
    bool m_inPaint = false;
    QElapsedTimer m_scrollClock;
};
} // namespace

RunResult runUiWorkload(const UiWorkloadConfig &config)
{
    RunResult result;
    result.tasks = config.agents;
    result.parallel = config.parallel;

    std::atomic<int> ticks{0};
    Orchestrator orchestrator;
    BackendRegistry registry = BackendRegistry::withBuiltins();
    registry.add(QStringLiteral("ticker"), [&config, &ticks](const AgentProfile &) {
        return std::make_unique<TickerBackend>(config.seconds, config.tickMs, &ticks);
    });
    orchestrator.setBackends(std::move(registry));
    AgentProfile profile;
    profile.name = QStringLiteral("ticker");
    profile.backend = QStringLiteral("ticker");
    orchestrator.setProfiles({profile});
    orchestrator.setMaxParallel(config.parallel);

    Config appConfig = ConfigLoader::defaults();
    appConfig.profiles = {profile};
    appConfig.workflow.maxParallel = config.parallel;
    MainWindow window(&orchestrator, appConfig);
    window.resize(1600, 1000);
    window.show();
    QWidget *board = window.boardView()->viewport();
    FrameTimer frames(&window, board);

    int completed = 0;
    int otherEndings = 0;
    qint64 updatedIds = 0;
    int batches = 0;
    QObject::connect(&orchestrator, &Orchestrator::agentCompleted, &orchestrator, [&completed] { ++completed; });
    const auto other = [&otherEndings] { ++otherEndings; };
    QObject::connect(&orchestrator, &Orchestrator::agentFailed, &orchestrator, other);
    QObject::connect(&orchestrator, &Orchestrator::agentCancelled, &orchestrator, other);
    QObject::connect(&orchestrator, &Orchestrator::agentsUpdated, &orchestrator,
                     [&updatedIds, &batches](const QStringList &ids) {
                         updatedIds += ids.size();
                         ++batches;
                     });

    // The event-loop probe: a precise timer on the GUI thread; how late each timeout comes is how long
    // the thread was busy with something else (model updates, layout, painting).
    QList<double> lateness;
    lateness.reserve(config.seconds * 1000 / qMax(1, config.probeIntervalMs) + 1000);
    QElapsedTimer probeClock;
    QTimer probe;
    probe.setTimerType(Qt::PreciseTimer);
    probe.setInterval(config.probeIntervalMs);
    QObject::connect(&probe, &QTimer::timeout, &probe, [&] {
        lateness << qMax(0.0, msSince(probeClock) - config.probeIntervalMs);
        probeClock.restart();
    });
    // Scrolling while the cards are live: a third of a page every 50 ms, down to the end and back up.
    QScrollBar *scrollBar = window.boardView()->verticalScrollBar();
    int scrollStep = 1;
    QTimer scroller;
    scroller.setInterval(config.scrollIntervalMs);
    QObject::connect(&scroller, &QTimer::timeout, &scroller, [&] {
        if (scrollBar->maximum() <= 0)
            return;
        const int page = qMax(1, scrollBar->pageStep() / 3);
        if (scrollBar->value() + scrollStep * page > scrollBar->maximum() ||
            scrollBar->value() + scrollStep * page < scrollBar->minimum())
            scrollStep = -scrollStep;
        frames.scrolled();
        scrollBar->setValue(scrollBar->value() + scrollStep * page);
    });
    QCoreApplication::processEvents(); // first show and layout happen before the clock starts

    QList<Goal> goals;
    goals.reserve(config.agents);
    for (int i = 0; i < config.agents; ++i) {
        Goal goal;
        goal.id = QString::number(i);
        goal.title = QStringLiteral("Live card %1").arg(i);
        goals << goal;
    }

    // Resident memory per live agent: before the spawn, and half-way through, when every agent runs (its
    // record, live state, worker thread and card).
    const double rssBeforeMb = ProcessStats::currentRssMb();
    double rssLiveMb = -1.0;
    QTimer::singleShot(config.seconds * 1000 / 2, &orchestrator,
                       [&rssLiveMb] { rssLiveMb = ProcessStats::currentRssMb(); });
    const double cpuBefore = ProcessStats::cpuMs();
    const double threadCpuBefore = ProcessStats::threadCpuMs();
    QElapsedTimer clock;
    clock.start();
    probeClock.start();
    probe.start();
    scroller.start();
    const QStringList ids = orchestrator.spawnParallel(goals);
    const double spawnMs = msSince(clock); // includes starting `parallel` pool threads on this thread
    const bool finished = orchestrator.waitAll(config.seconds * 1000 + kWaitMarginMs);
    QCoreApplication::processEvents(); // let the board take the final batch
    result.wallMs = msSince(clock);
    result.cpuMs = ProcessStats::cpuMs() - cpuBefore;
    result.mainThreadCpuMs = ProcessStats::threadCpuMs() - threadCpuBefore;
    probe.stop();
    scroller.stop();

    const int expectedTicks = config.agents * qMax(1, config.seconds * 1000 / config.tickMs);
    result.check(ids.size() == config.agents, QStringLiteral("spawnParallel refused the agents"));
    result.check(finished, QStringLiteral("waitAll timed out"));
    result.check(completed == config.agents,
                 QStringLiteral("%1 of %2 agents completed").arg(completed).arg(config.agents));
    result.check(otherEndings == 0, QStringLiteral("%1 agents failed or were cancelled").arg(otherEndings));
    result.check(ticks.load() == expectedTicks,
                 QStringLiteral("%1 progress ticks, expected %2").arg(ticks.load()).arg(expectedTicks));
    result.check(window.boardModel()->rowCount() == config.agents,
                 QStringLiteral("the board shows %1 cards, expected %2")
                     .arg(window.boardModel()->rowCount())
                     .arg(config.agents));
    int finalOk = 0;
    for (int row = 0; row < window.boardModel()->rowCount(); ++row) {
        const AgentStatus &status = window.boardModel()->statusAt(row);
        finalOk += status.state == AgentState::Completed && status.progress == 100 ? 1 : 0;
    }
    result.check(finalOk == config.agents,
                 QStringLiteral("%1 cards show completed at 100%, expected %2").arg(finalOk).arg(config.agents));
    result.check(!frames.frameMs.isEmpty(), QStringLiteral("no frame was painted"));
    result.check(config.agents < 100 || !frames.scrollMs.isEmpty(), QStringLiteral("the board never scrolled"));

    result.extras.add(QStringLiteral("spawn_ms"), spawnMs);
    result.extras.add(QStringLiteral("seconds"), config.seconds);
    result.extras.add(QStringLiteral("tick_ms"), config.tickMs);
    result.extras.add(QStringLiteral("progress_updates"), ticks.load());
    result.extras.add(QStringLiteral("latency_probe_ms"), config.probeIntervalMs);
    result.extras.add(QStringLiteral("latency_p50_ms"), Sample::median(lateness));
    result.extras.add(QStringLiteral("latency_p95_ms"), Sample::percentile(lateness, 95.0));
    result.extras.add(QStringLiteral("latency_p99_ms"), Sample::percentile(lateness, 99.0));
    result.extras.add(QStringLiteral("latency_max_ms"), Sample::percentile(lateness, 100.0));
    result.extras.add(QStringLiteral("latency_samples"), static_cast<int>(lateness.size()));
    result.extras.add(QStringLiteral("frames"), static_cast<int>(frames.frameMs.size()));
    result.extras.add(QStringLiteral("frame_p50_ms"), Sample::median(frames.frameMs));
    result.extras.add(QStringLiteral("frame_p99_ms"), Sample::percentile(frames.frameMs, 99.0));
    result.extras.add(QStringLiteral("frame_max_ms"), Sample::percentile(frames.frameMs, 100.0));
    result.extras.add(QStringLiteral("board_paints"), static_cast<int>(frames.boardPaintMs.size()));
    result.extras.add(QStringLiteral("board_paint_p50_ms"), Sample::median(frames.boardPaintMs));
    result.extras.add(QStringLiteral("board_paint_p99_ms"), Sample::percentile(frames.boardPaintMs, 99.0));
    result.extras.add(QStringLiteral("scrolls"), static_cast<int>(frames.scrollMs.size()));
    result.extras.add(QStringLiteral("scroll_p50_ms"), Sample::median(frames.scrollMs));
    result.extras.add(QStringLiteral("scroll_p99_ms"), Sample::percentile(frames.scrollMs, 99.0));
    result.extras.add(QStringLiteral("scroll_max_ms"), Sample::percentile(frames.scrollMs, 100.0));
    result.extras.add(QStringLiteral("rss_before_mb"), rssBeforeMb);
    result.extras.add(QStringLiteral("rss_live_mb"), rssLiveMb);
    result.extras.add(QStringLiteral("rss_per_live_agent_kb"),
                      rssLiveMb > 0.0 ? (rssLiveMb - rssBeforeMb) * 1024.0 / config.agents : -1.0);
    result.extras.add(QStringLiteral("update_batches"), batches);
    result.extras.add(QStringLiteral("updated_ids"), updatedIds);
    result.extras.add(QStringLiteral("platform"), QGuiApplication::platformName());

    // Then cleaning up every finished card (after the numbers above): one removal for the board, however
    // many cards there are.
    QElapsedTimer cleanupClock;
    cleanupClock.start();
    const int removed = orchestrator.cleanup();
    const QDeadlineTimer cleanupDeadline(kWaitMarginMs);
    while (window.proxyModel()->rowCount() > 0 && !cleanupDeadline.hasExpired())
        QCoreApplication::processEvents(QEventLoop::AllEvents, 5);
    const double cleanupMs = msSince(cleanupClock);
    result.check(removed == config.agents,
                 QStringLiteral("cleanup removed %1 agents, expected %2").arg(removed).arg(config.agents));
    result.check(window.proxyModel()->rowCount() == 0,
                 QStringLiteral("%1 cards left after the cleanup").arg(window.proxyModel()->rowCount()));
    result.extras.add(QStringLiteral("cleanup_ms"), cleanupMs);
    return result;
}

} // namespace switchboard::bench
