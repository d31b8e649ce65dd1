#include "ScaleWorkload.h"

#include "MainWindow.h"
#include "ProcessStats.h"
#include "StartupRestorer.h"
#include "board/AgentBoardModel.h"
#include "board/AgentBoardView.h"
#include "board/AgentFilterProxyModel.h"
#include "config/ConfigLoader.h"
#include "history/HistoryFilterProxyModel.h"
#include "history/HistoryGoalModel.h"
#include "history/HistorySnapshot.h"
#include "history/HistoryWindow.h"
#include "metrics/MetricsDock.h"
#include "orchestration/Orchestrator.h"
#include "persistence/Store.h"

#include <QApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFileInfo>
#include <QTimer>
#include <QTreeView>

#include <cstdio>
#include <functional>

namespace switchboard::bench {

namespace {
constexpr int kGoalsPerTransaction = 2000;
constexpr int kPaintTimeoutMs = 60000;
// The board's fill and History's read of 1,000,000 goals take minutes on a loaded machine: waited for, not failed.
constexpr int kLoadTimeoutMs = 600000;
constexpr int kSettleMs = 500;
constexpr int kProbeIntervalMs = 5;
const QStringList kProfiles{QStringLiteral("coder"), QStringLiteral("reviewer"), QStringLiteral("writer")};

double msSince(const QElapsedTimer &timer)
{
    return static_cast<double>(timer.nsecsElapsed()) / 1e6;
}

// The history: goal i is titled "Refactor ..." when i % 10 == 3 (what the search finds) and failed when
// i % 20 == 7 (what the Failed state filter finds); the others completed.
bool isRefactor(int i)
{
    return i % 10 == 3;
}

bool isFailed(int i)
{
    return i % 20 == 7;
}

// Waits until the widget has been painted once more (the paint handled, not just begun) and says when.
class PaintWaiter final : public QObject
{
public:
    explicit PaintWaiter(QWidget *widget)
        : m_widget(widget)
    {
        widget->installEventFilter(this);
    }

    // Runs the event loop until the next paint of the widget is done (one done while `until` holds, when
    // given); false on timeout.
    bool wait(int timeoutMs, std::function<bool()> until = {})
    {
        m_painted = false;
        m_until = std::move(until);
        QEventLoop loop;
        m_loop = &loop;
        QTimer::singleShot(timeoutMs, &loop, &QEventLoop::quit);
        loop.exec();
        m_loop = nullptr;
        m_until = {};
        return m_painted;
    }

protected:
    bool eventFilter(QObject *watched, QEvent *event) override
    {
        if (watched != m_widget || event->type() != QEvent::Paint || m_inPaint)
            return false;
        m_inPaint = true;
        QCoreApplication::sendEvent(watched, event); // paint now, so "done" means painted
        m_inPaint = false;
        if (m_until && !m_until())
            return true;
        m_painted = true;
        if (m_loop)
            m_loop->quit();
        return true;
    }

private:
    QWidget *const m_widget;
    QEventLoop *m_loop = nullptr;
    std::function<bool()> m_until;
    bool m_inPaint = false;
    bool m_painted = false;
};
} // namespace

bool populateScaleStore(const QString &path, int goals, double *ms, QString *error)
{
    QElapsedTimer clock;
    clock.start();
    Store store;
    if (!store.open(path, error))
        return false;
    const QString runId = store.nextRunId();
    const QDateTime start = QDateTime::currentDateTimeUtc().addDays(-1);
    store.submit(StoreWrite::runStarted(runId, QStringLiteral("scale"), {}, 8, start));
    QList<StoreWrite> writes;
    writes.reserve(kGoalsPerTransaction * 3);
    for (int i = 0; i < goals; ++i) {
        const QString profile = kProfiles.at(i % kProfiles.size());
        Goal goal;
        goal.id = QStringLiteral("g-") + QString::number(i + 1);
        goal.title = (isRefactor(i) ? QStringLiteral("Refactor the parser of module ")
                                    : QStringLiteral("Update the documentation of module ")) +
                     QString::number(i);
        goal.profile = profile;
        AgentStatus status;
        status.agentId = QStringLiteral("a-") + QString::number(i + 1);
        status.goalId = goal.id;
        status.name = profile + u'-' + QString::number(i + 1);
        status.profile = profile;
        status.attempt = 1;
        status.state = AgentState::Running;
        const QDateTime created = start.addMSecs(i);
        writes << StoreWrite::goalAdded(runId, goal, status.agentId, status.name, profile, created);
        writes << StoreWrite::transition(status, created.addMSecs(1));
        const AgentResult result = isFailed(i) ? AgentResult::failed(QStringLiteral("tests failed"), 1)
                                               : AgentResult::completed(QStringLiteral("done"));
        writes << StoreWrite::finished(status, result, created.addMSecs(40));
        if (writes.size() >= kGoalsPerTransaction * 3 || i == goals - 1) {
            bool committed = false;
            store.submitAll(std::move(writes), nullptr, [&committed](bool ok) { committed = ok; });
            writes = {};
            writes.reserve(kGoalsPerTransaction * 3);
            if (!store.flush() || !committed) {
                *error = QStringLiteral("the store did not take goal %1: %2").arg(i).arg(store.lastError());
                return false;
            }
        }
    }
    // No runFinished: the app went away with the run open, so a restart puts it back on the board.
    store.close();
    *ms = msSince(clock);
    return true;
}

RunResult runScaleWorkload(const ScaleWorkloadConfig &config)
{
    RunResult result;
    result.tasks = config.goals;
    result.storeUsed = true;
    int refactors = 0;
    int failed = 0;
    for (int i = 0; i < config.goals; ++i) {
        refactors += isRefactor(i) ? 1 : 0;
        failed += isFailed(i) ? 1 : 0;
    }
    QList<AgentProfile> profiles;
    for (const QString &name : kProfiles) {
        AgentProfile profile;
        profile.name = name;
        profile.backend = QStringLiteral("demo");
        profiles << profile;
    }
    Config appConfig = ConfigLoader::defaults();
    appConfig.profiles = profiles;

    // Start-up, as app/main.cpp does it (StartupRestorer): open the store in the background (its check on the
    // writer thread), build and show the window with a board that says it checks; once checked, read the
    // unfinished run on a worker thread while the board says it is restoring; the run is restored on the GUI
    // thread when the read is done and the board fills in.
    const double rssBeforeMb = ProcessStats::currentRssMb();
    const double cpuBefore = ProcessStats::cpuMs();
    const double threadCpuBefore = ProcessStats::threadCpuMs();
    QElapsedTimer clock;
    clock.start();
    Store store; // outlives the orchestrator and the restorer
    QString error;
    if (!store.openInBackground(config.databasePath, &error)) {
        result.check(false, QStringLiteral("the store did not open: %1").arg(error));
        return result;
    }
    const double openMs = msSince(clock);
    double checkedAtMs = -1.0;
    QObject::connect(&store, &Store::openFinished, &store, [&](bool opened) {
        checkedAtMs = msSince(clock);
        if (!opened)
            result.check(false, QStringLiteral("the store did not open: %1").arg(store.lastError()));
    });
    Orchestrator orchestrator;
    orchestrator.setProfiles(profiles);
    orchestrator.setLogDirectory(QFileInfo(config.databasePath).dir().filePath(QStringLiteral("session-logs")));
    StartupRestorer restorer(&orchestrator, &store);
    result.check(restorer.start(0, false), QStringLiteral("the store is not opening"));
    if (!result.ok())
        return result;
    const double startMs = msSince(clock);

    MainWindow window(&orchestrator, appConfig);
    if (qEnvironmentVariableIntValue("SWITCHBOARD_BENCH_NO_METRICS") == 1)
        window.metricsDock()->close();
    restorer.attach(&window);
    window.resize(1600, 1000);
    AgentBoardView *view = window.boardView();
    AgentBoardModel *model = window.boardModel();
    double restoredAtMs = -1.0;
    QObject::connect(&restorer, &StartupRestorer::finished, &restorer, [&] { restoredAtMs = msSince(clock); });
    double readAtMs = -1.0; // the worker's read is done: restore() starts
    QObject::connect(&orchestrator, &Orchestrator::agentSpawned, &orchestrator, [&] {
        if (readAtMs < 0.0)
            readAtMs = msSince(clock);
    });
    double filledAtMs = -1.0;
    QObject::connect(model, &AgentBoardModel::filled, model, [&] { filledAtMs = msSince(clock); });
    double insertStartMs = -1.0;
    double insertMs = -1.0;
    QObject::connect(model, &QAbstractItemModel::rowsAboutToBeInserted, model, [&] { insertStartMs = msSince(clock); });
    QObject::connect(model, &QAbstractItemModel::rowsInserted, model, [&] {
        if (insertMs < 0.0)
            insertMs = msSince(clock) - insertStartMs;
    });
    PaintWaiter painted(view->viewport());
    window.show();
    const double windowMs = msSince(clock);
    const bool firstPaint = painted.wait(kPaintTimeoutMs);
    const double firstPaintMs = msSince(clock);
    const bool restoringAtFirstPaint = view->isShowingRestoring();
    result.wallMs = firstPaintMs;
    result.cpuMs = ProcessStats::cpuMs() - cpuBefore;
    result.mainThreadCpuMs = ProcessStats::threadCpuMs() - threadCpuBefore;
    result.check(firstPaint, QStringLiteral("the board was not painted"));

    // Until the board is ready, a 5 ms precise timer on the GUI thread: how late it fires is how long the
    // window could not react (the restore, the board's insert, layout, paint).
    double longestStallMs = 0.0;
    double longestStallAtMs = -1.0; // when it ended
    int stallsOver50Ms = 0;
    // SWITCHBOARD_BENCH_STALLS=1: each stall over 50 ms on stderr, with when it ended (to find what caused it).
    const bool listStalls = qEnvironmentVariableIntValue("SWITCHBOARD_BENCH_STALLS") == 1;
    QElapsedTimer probeClock;
    QTimer probe;
    probe.setTimerType(Qt::PreciseTimer);
    probe.setInterval(kProbeIntervalMs);
    // What the GUI thread itself ran during each gap (its CPU time): on a loaded machine a gap can also be the
    // thread waiting for a core, which no change of ours shortens.
    double probeCpuMs = ProcessStats::threadCpuMs();
    double longestStallCpuMs = 0.0;
    double longestCpuStallMs = 0.0;
    QObject::connect(&probe, &QTimer::timeout, &probe, [&] {
        const double late = qMax(0.0, msSince(probeClock) - kProbeIntervalMs);
        const double cpuNow = ProcessStats::threadCpuMs();
        const double ran = cpuNow - probeCpuMs;
        if (late > longestStallMs) {
            longestStallAtMs = msSince(clock);
            longestStallCpuMs = ran;
        }
        longestStallMs = qMax(longestStallMs, late);
        longestCpuStallMs = qMax(longestCpuStallMs, ran);
        stallsOver50Ms += late > 50.0 ? 1 : 0;
        if (late > 50.0 && listStalls)
            std::fprintf(stderr, "scale: stall of %.0f ms (%.0f ms of it on the GUI thread's CPU) ending at %.0f ms\n",
                         late, ran, msSince(clock));
        probeClock.restart();
        probeCpuMs = cpuNow;
    });
    probeClock.start();
    probe.start();
    // Board ready: a paint of the board done with every card on it and the restoring notice gone (the first
    // paint already, when the read was quicker than the window).
    const auto boardFull = [&] { return model->rowCount() == config.goals && !view->isShowingRestoring(); };
    const bool fullAtFirstPaint = !restoringAtFirstPaint && boardFull();
    const bool ready = fullAtFirstPaint || painted.wait(kLoadTimeoutMs, boardFull);
    const double boardReadyMs = fullAtFirstPaint ? firstPaintMs : msSince(clock);
    probe.stop();
    result.check(ready, QStringLiteral("the board was not painted with every card"));
    result.check(restorer.state() == StartupRestorer::State::Restored,
                 QStringLiteral("the run was not restored: %1").arg(restorer.error()));
    result.check(orchestrator.agentIds().size() == config.goals,
                 QStringLiteral("restore() put %1 goals back, expected %2")
                     .arg(orchestrator.agentIds().size())
                     .arg(config.goals));
    result.check(model->rowCount() == config.goals,
                 QStringLiteral("the board has %1 cards, expected %2").arg(model->rowCount()).arg(config.goals));

    // Let what the start-up left queued (the board's batched layout) run before filtering: it is not part of
    // the filter's time.
    QElapsedTimer settle;
    settle.start();
    while (settle.elapsed() < kSettleMs)
        QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents, 20);

    // Filtering: each change until the board has repainted with the result.
    AgentFilterProxyModel *proxy = window.proxyModel();
    const auto timed = [&](const std::function<void()> &change, int expected, const QString &what) {
        QElapsedTimer filterClock;
        filterClock.start();
        change();
        const bool repainted = painted.wait(kPaintTimeoutMs);
        const double ms = msSince(filterClock);
        result.check(repainted, QStringLiteral("the board did not repaint after %1").arg(what));
        result.check(proxy->rowCount() == expected,
                     QStringLiteral("%1 shows %2 cards, expected %3").arg(what).arg(proxy->rowCount()).arg(expected));
        return ms;
    };
    const double filterMs =
        timed([proxy] { proxy->setSearchText(QStringLiteral("refactor")); }, refactors, QStringLiteral("the search"));
    const double stateFilterMs = timed(
        [proxy] {
            proxy->setSearchText({});
            proxy->setStateFilter(AgentFilterProxyModel::StateFilter::Failed);
        },
        failed, QStringLiteral("the Failed filter"));
    const double clearMs = timed([proxy] { proxy->setStateFilter(AgentFilterProxyModel::StateFilter::All); },
                                 config.goals, QStringLiteral("clearing the filter"));

    // Resident memory per finished goal on the board (the orchestrator's record and the card), then what
    // History's copy of the run adds.
    const double rssBoardMb = ProcessStats::currentRssMb();
    const auto addStartUp = [&] {
        // Both start-up numbers, readable, on stderr (stdout is the JSON line).
        std::fprintf(stderr,
                     "scale: first paint %.0f ms (board %s), checked at %.0f ms, board ready %.0f ms (%d cards "
                     "painted), longest GUI stall in between %.0f ms (%d over 50 ms)\n",
                     firstPaintMs, restoringAtFirstPaint ? "says checking or restoring" : "already full", checkedAtMs,
                     boardReadyMs, static_cast<int>(model->rowCount()), longestStallMs, stallsOver50Ms);
        result.extras.add(QStringLiteral("first_paint_ms"), firstPaintMs);
        result.extras.add(QStringLiteral("board_ready_ms"), boardReadyMs);
        result.extras.add(QStringLiteral("longest_stall_ms"), longestStallMs);
        result.extras.add(QStringLiteral("stalls_over_50ms"), stallsOver50Ms);
        result.extras.add(QStringLiteral("longest_stall_at_ms"), longestStallAtMs);
        result.extras.add(QStringLiteral("longest_stall_cpu_ms"), longestStallCpuMs);
        result.extras.add(QStringLiteral("longest_gui_cpu_between_probes_ms"), longestCpuStallMs);
        result.extras.add(QStringLiteral("checked_at_ms"), checkedAtMs);
        result.extras.add(QStringLiteral("filled_at_ms"), filledAtMs);
        result.extras.add(QStringLiteral("restoring_at_first_paint"), restoringAtFirstPaint);
        result.extras.add(QStringLiteral("open_ms"), openMs);
        result.extras.add(QStringLiteral("start_ms"), startMs - openMs);
        result.extras.add(QStringLiteral("window_ms"), windowMs - startMs);
        result.extras.add(QStringLiteral("paint_ms"), firstPaintMs - windowMs);
        result.extras.add(QStringLiteral("read_ms"), restorer.readMs());
        result.extras.add(QStringLiteral("restore_ms"), restorer.restoreMs());
        result.extras.add(QStringLiteral("restored_at_ms"), restoredAtMs);
        result.extras.add(QStringLiteral("first_restored_goal_at_ms"), readAtMs);
        result.extras.add(QStringLiteral("insert_ms"), insertMs);
        result.extras.add(QStringLiteral("filter_ms"), filterMs);
        result.extras.add(QStringLiteral("filter_matches"), refactors);
        result.extras.add(QStringLiteral("state_filter_ms"), stateFilterMs);
        result.extras.add(QStringLiteral("state_filter_matches"), failed);
        result.extras.add(QStringLiteral("clear_filter_ms"), clearMs);
        result.extras.add(QStringLiteral("rss_per_finished_goal_kb"),
                          (rssBoardMb - rssBeforeMb) * 1024.0 / config.goals);
        result.extras.add(QStringLiteral("platform"), QGuiApplication::platformName());
    };
    if (!config.history) {
        addStartUp();
        return result;
    }

    // History: the window opened on the same store, the run's goals read (on its worker) and shown, then a
    // search typed into it (applied at once, as after the typing pause) until its goal table has repainted.
    HistoryWindow history(&store, &orchestrator, appConfig);
    history.resize(1400, 900);
    QElapsedTimer historyClock;
    historyClock.start();
    history.show();
    const auto waitLoaded = [&](const std::function<bool()> &done) {
        QElapsedTimer waited;
        waited.start();
        while (!done() && waited.elapsed() < kLoadTimeoutMs)
            QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents, 20);
        return done();
    };
    const QString runId = store.runs().value(0).id;
    result.check(waitLoaded([&] { return !history.isLoading(); }), QStringLiteral("History did not read its runs"));
    result.check(history.selectRun(runId), QStringLiteral("History does not list run %1").arg(runId));
    const bool historyLoaded =
        waitLoaded([&] { return !history.isLoading() && history.goalModel()->rowCount() == config.goals; });
    const double historyLoadMs = msSince(historyClock);
    const double rssHistoryMb = ProcessStats::currentRssMb();
    const auto historySnapshot = history.snapshot();
    const double historyReadMs = historySnapshot ? static_cast<double>(historySnapshot->loadMs) : -1.0;
    result.check(historyLoaded, QStringLiteral("History shows %1 goals of run %2, expected %3")
                                    .arg(history.goalModel()->rowCount())
                                    .arg(runId)
                                    .arg(config.goals));
    PaintWaiter historyPainted(history.goalsView()->viewport());
    settle.restart(); // the table's first paint and what the load queued are not part of the search's time
    while (settle.elapsed() < kSettleMs)
        QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents, 20);
    QElapsedTimer searchClock;
    searchClock.start();
    history.setSearchText(QStringLiteral("refactor"));
    const bool searchPainted = historyPainted.wait(kPaintTimeoutMs);
    const double historySearchMs = msSince(searchClock);
    result.check(searchPainted, QStringLiteral("History did not repaint after the search"));
    result.check(history.goalProxy()->rowCount() == refactors, QStringLiteral("History's search shows %1 goals, "
                                                                              "expected %2")
                                                                   .arg(history.goalProxy()->rowCount())
                                                                   .arg(refactors));
    searchClock.restart();
    history.setSearchText({});
    result.check(historyPainted.wait(kPaintTimeoutMs), QStringLiteral("History did not repaint after clearing"));
    const double historyClearMs = msSince(searchClock);
    history.close();

    addStartUp();
    result.extras.add(QStringLiteral("history_rss_per_goal_kb"), (rssHistoryMb - rssBoardMb) * 1024.0 / config.goals);
    result.extras.add(QStringLiteral("history_load_ms"), historyLoadMs);
    result.extras.add(QStringLiteral("history_read_ms"), historyReadMs);
    result.extras.add(QStringLiteral("history_search_ms"), historySearchMs);
    result.extras.add(QStringLiteral("history_clear_search_ms"), historyClearMs);
    return result;
}

} // namespace switchboard::bench
