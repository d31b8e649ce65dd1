// The Metrics dock: the sparkline history rebuilt from recorded rows agrees with MetricsCalculator, the
// per-profile table sorts with its "All profiles" row pinned and flags thresholds, and the dock itself —
// on a real store with demo agents — says why it is empty, shows the run's numbers with alert markers
// from the thresholds, refreshes only while visible and never runs two computations at once.
#include "MainWindow.h"
#include "config/ConfigLoader.h"
#include "metrics/MetricTile.h"
#include "metrics/MetricsDock.h"
#include "metrics/MetricsTimeline.h"
#include "metrics/ProfileMetricsModel.h"
#include "orchestration/Orchestrator.h"
#include "persistence/MetricsCalculator.h"
#include "persistence/Store.h"
#include "support/GoalBuilder.h"
#include "support/ProfileBuilder.h"
#include "support/TemporaryStore.h"
#include "widgets/Sparkline.h"

#include <QAbstractItemModelTester>
#include <QAction>
#include <QApplication>
#include <QMenu>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeView>

using namespace switchboard;
using namespace Qt::StringLiterals;

namespace {
const QDateTime kT0 = QDateTime(QDate(2024, 5, 1), QTime(10, 0, 0), Qt::UTC);

QDateTime minute(double minutes)
{
    return kT0.addMSecs(qint64(minutes * 60000.0));
}

// Run r-1 with 2 slots, from 10:00 (minutes after it):
//  a-1: running 1..11, Completed (cost 0.5); lock acquired at 1.5
//  a-2: running 2..3, waits for a lock 3..4 (a denied request at 3), running 4..6, Failed (cost 0.25);
//       asks a question at 3.5
//  a-3: running since 5, unfinished (cost 0.1 so far)
RunHistory fixture()
{
    RunHistory h;
    RunRecord run;
    run.id = u"r-1"_s;
    run.name = u"fixture"_s;
    run.maxParallel = 2;
    run.startedAt = minute(0);
    h.runs << run;
    const auto agent = [&h](const QString &id, const QString &profile, AgentState state, double completed) {
        AgentStatus s;
        s.agentId = id;
        s.goalId = u"g-"_s + id;
        s.profile = profile;
        s.state = state;
        s.createdAt = minute(0);
        if (completed >= 0)
            s.completedAt = minute(completed);
        h.agents << s;
        h.transitions << TransitionRecord{id, s.goalId, 0, AgentState::Queued, minute(0), {}};
    };
    const auto transition = [&h](const QString &id, AgentState state, double at) {
        h.transitions << TransitionRecord{id, u"g-"_s + id, 1, state, minute(at), {}};
    };
    const auto attempt = [&h](const QString &id, double started, double finished, std::optional<AgentState> outcome,
                              double cost) {
        AttemptRecord a;
        a.agentId = id;
        a.runId = u"r-1"_s;
        a.attempt = 1;
        a.startedAt = minute(started);
        if (finished >= 0)
            a.finishedAt = minute(finished);
        a.outcome = outcome;
        a.costUsd = cost;
        h.attempts << a;
    };
    agent(u"a-1"_s, u"coder"_s, AgentState::Completed, 11);
    agent(u"a-2"_s, u"coder"_s, AgentState::Failed, 6);
    agent(u"a-3"_s, u"reviewer"_s, AgentState::Running, -1);
    transition(u"a-1"_s, AgentState::Running, 1);
    transition(u"a-2"_s, AgentState::Running, 2);
    transition(u"a-2"_s, AgentState::WaitingForLock, 3);
    transition(u"a-2"_s, AgentState::Running, 4);
    transition(u"a-3"_s, AgentState::Running, 5);
    transition(u"a-2"_s, AgentState::Failed, 6);
    transition(u"a-1"_s, AgentState::Completed, 11);
    attempt(u"a-1"_s, 1, 11, AgentState::Completed, 0.5);
    attempt(u"a-2"_s, 2, 6, AgentState::Failed, 0.25);
    attempt(u"a-3"_s, 5, -1, std::nullopt, 0.1);
    Escalation e;
    e.id = u"e-1"_s;
    e.agentId = u"a-2"_s;
    e.createdAt = minute(3.5);
    h.escalations << e;
    h.lockEvents << LockEventRecord{LockEvent{u"src"_s, u"a-1"_s, LockEvent::Action::Acquired, 1, {}}, minute(1.5)};
    h.lockEvents << LockEventRecord{LockEvent{u"src"_s, u"a-2"_s, LockEvent::Action::Denied, 0, u"busy"_s}, minute(3)};
    return h;
}

const MetricsTimeline::Sample &sampleAt(const QList<MetricsTimeline::Sample> &samples, double minutes)
{
    for (const MetricsTimeline::Sample &s : samples) {
        if (s.at == minute(minutes))
            return s;
    }
    qFatal("no sample at minute %f", minutes);
}

} // namespace

class TestMetricsDock : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }
    void init() { QFile::remove(QStandardPaths::writableLocation(QStandardPaths::AppConfigLocation) + u"/ui.ini"_s); }

    void seedRebuildsThePastByHand()
    {
        using S = MetricsTimeline::Series;
        const RunHistory h = fixture();
        // One sample a minute from 10:00 to 10:19.
        const QList<MetricsTimeline::Sample> seed = MetricsTimeline::seed(h, 0, minute(0), minute(20), 20);
        QCOMPARE(seed.size(), 20);
        QCOMPARE(seed.first().at, minute(0));
        QCOMPARE(seed.last().at, minute(19));

        const MetricsTimeline::Sample &start = sampleAt(seed, 0);
        QCOMPARE(start.value(S::InProgress), 0.0);
        QCOMPARE(start.value(S::Completions), 0.0);
        QVERIFY(!start.hasValue(S::SuccessRate));
        QVERIFY(!start.hasValue(S::EscalationRate));
        QVERIFY(!start.hasValue(S::LockConflictRate));
        QVERIFY(!start.hasValue(S::Utilisation)); // no wall time yet

        const MetricsTimeline::Sample &five = sampleAt(seed, 5);
        QCOMPARE(five.value(S::InProgress), 3.0); // a-1, a-2 and a-3 (started at 5) running
        QCOMPARE(five.value(S::EscalationRate), 1.0 / 3.0);
        QCOMPARE(five.value(S::LockConflictRate), 1.0); // 2 conflicts (denied + wait) in 2 requests
        QCOMPARE(five.value(S::CostUsd), 0.0);

        const MetricsTimeline::Sample &ten = sampleAt(seed, 10);
        QCOMPARE(ten.value(S::InProgress), 2.0);
        QVERIFY(ten.hasValue(S::SuccessRate));
        QCOMPARE(ten.value(S::SuccessRate), 0.0); // one failure, nothing completed
        QCOMPARE(ten.value(S::CostUsd), 0.25);
        // Busy 9 (a-1) + 1 + 2 (a-2) + 5 (a-3) = 17 min in 2 slots x 10 min.
        QCOMPARE(ten.value(S::Utilisation), 17.0 / 20.0);
        QVERIFY(!ten.hasValue(S::AverageCompletionMinutes));

        const MetricsTimeline::Sample &twelve = sampleAt(seed, 12);
        QCOMPARE(twelve.value(S::Completions), 1.0);
        QCOMPARE(twelve.value(S::SuccessRate), 0.5);
        QCOMPARE(twelve.value(S::AverageCompletionMinutes), 11.0);
        QCOMPARE(twelve.value(S::CostUsd), 0.75); // a-3's unfinished attempt counts only at the end

        // Where every recorded row has happened, the seed says what MetricsCalculator says at that time.
        MetricsCalculator::Options options;
        options.now = minute(12);
        const MetricsTimeline::Sample live =
            MetricsTimeline::fromMetrics(MetricsCalculator::compute(h, options), minute(12));
        for (const S series : {S::InProgress, S::Completions, S::SuccessRate, S::Utilisation, S::EscalationRate,
                               S::LockConflictRate, S::AverageCompletionMinutes}) {
            QCOMPARE(twelve.hasValue(series), live.hasValue(series));
            QCOMPARE(twelve.value(series), live.value(series));
        }
        QCOMPARE(live.value(S::CostUsd), 0.85);
    }

    void timelineKeepsTheLastHour()
    {
        using S = MetricsTimeline::Series;
        MetricsTimeline timeline;
        MetricsTimeline::Sample sample;
        for (int m = 0; m <= 90; m += 10) {
            sample.at = minute(m);
            sample.set(S::Completions, m);
            sample.set(S::SuccessRate, 0.0, false);
            timeline.append(sample);
        }
        // 30..90: the last hour.
        QCOMPARE(timeline.samples().size(), 7);
        QCOMPARE(timeline.samples().first().at, minute(30));
        const QList<QPointF> points = timeline.points(S::Completions);
        QCOMPARE(points.size(), 7);
        QCOMPARE(points.last(), QPointF(double(minute(90).toMSecsSinceEpoch()), 90.0));
        QVERIFY(timeline.points(S::SuccessRate).isEmpty()); // no value, no point
        // A sample at or before the newest replaces what follows it (a clock step back, a re-seed).
        sample.at = minute(80);
        timeline.append(sample);
        QCOMPARE(timeline.samples().size(), 6);
        QCOMPARE(timeline.lastSampleAt(), minute(80));
    }

    void profileTableSortsWithOverallPinned()
    {
        ProfileMetricsModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        Metrics m;
        ProfileMetrics coder;
        coder.profile = u"coder"_s;
        coder.assignments = 4;
        coder.completions = 3;
        coder.failures = 1;
        coder.successRate = 0.75;
        coder.costUsd = 2.0;
        coder.escalationRate = 0.5; // alert above 40 %
        coder.escalations = 2;
        ProfileMetrics reviewer;
        reviewer.profile = u"reviewer"_s;
        reviewer.assignments = 2;
        reviewer.completions = 2;
        reviewer.successRate = 1.0;
        reviewer.costUsd = 5.0;
        reviewer.escalationRate = 0.0;
        m.profiles = {coder, reviewer};
        m.overall.assignments = 6;
        m.overall.completions = 5;
        m.overall.failures = 1;
        m.overall.costUsd = 7.0;
        m.overall.successRate = 5.0 / 6.0;
        m.overall.escalationRate = 2.0 / 6.0; // missed the 20 % target
        model.setMetrics(m);
        QCOMPARE(model.rowCount(), 3);
        QCOMPARE(model.index(2, ProfileMetricsModel::ProfileColumn).data().toString(), u"All profiles"_s);
        QVERIFY(model.index(2, 0).data(ProfileMetricsModel::IsOverallRole).toBool());

        model.sort(ProfileMetricsModel::CostColumn, Qt::DescendingOrder);
        QCOMPARE(model.index(0, 0).data(ProfileMetricsModel::ProfileRole).toString(), u"reviewer"_s);
        QCOMPARE(model.index(1, 0).data(ProfileMetricsModel::ProfileRole).toString(), u"coder"_s);
        QVERIFY(model.isOverallRow(2)); // the largest cost, still last
        model.sort(ProfileMetricsModel::CostColumn, Qt::AscendingOrder);
        QCOMPARE(model.index(0, 0).data(ProfileMetricsModel::ProfileRole).toString(), u"coder"_s);
        QVERIFY(model.isOverallRow(2));

        // An update that changes the order moves rows; a selected row follows its profile.
        QPersistentModelIndex coderRow = model.index(0, 0);
        m.profiles[0].costUsd = 9.0;
        model.setMetrics(m);
        QCOMPARE(model.index(1, 0).data(ProfileMetricsModel::ProfileRole).toString(), u"coder"_s);
        QCOMPARE(coderRow.row(), 1);
        QCOMPARE(model.index(1, ProfileMetricsModel::CostColumn).data().toString(), u"$9.00"_s);

        // Thresholds per row, in words (tooltip) and with a level, not colour alone.
        const QModelIndex coderEscalation = model.index(1, ProfileMetricsModel::EscalationRateColumn);
        QCOMPARE(coderEscalation.data().toString(), u"50 %"_s);
        QCOMPARE(coderEscalation.data(ProfileMetricsModel::LevelRole).toInt(), int(MetricAlert::Level::Alert));
        QVERIFY(!coderEscalation.data(Qt::DecorationRole).isNull());
        QVERIFY2(coderEscalation.data(Qt::ToolTipRole).toString().startsWith(u"Alert: "_s),
                 qPrintable(coderEscalation.data(Qt::ToolTipRole).toString()));
        QVERIFY(coderEscalation.data(Qt::ToolTipRole).toString().contains(u"40.0 %"_s));
        const QModelIndex overallEscalation = model.index(2, ProfileMetricsModel::EscalationRateColumn);
        QCOMPARE(overallEscalation.data(ProfileMetricsModel::LevelRole).toInt(), int(MetricAlert::Level::Warning));
        QCOMPARE(model.index(0, ProfileMetricsModel::EscalationRateColumn).data(ProfileMetricsModel::LevelRole).toInt(),
                 int(MetricAlert::Level::Ok));
        // Nothing finished: no success rate rather than 0 %.
        QCOMPARE(model.index(2, ProfileMetricsModel::SuccessRateColumn).data().toString(), u"83 %"_s);
        m.profiles[1].completions = 0;
        m.profiles[1].successRate = 0.0;
        model.setMetrics(m);
        QCOMPARE(model.index(model.rowForProfile(u"reviewer"_s), ProfileMetricsModel::SuccessRateColumn).data(),
                 QVariant(u"\u2014"_s));

        // A new profile resets the rows.
        m.profiles << ProfileMetrics{};
        m.profiles.last().profile = u"writer"_s;
        model.setMetrics(m);
        QCOMPARE(model.rowCount(), 4);
        QVERIFY(model.isOverallRow(3));
    }

    void emptyStates()
    {
        {
            Orchestrator o; // no store
            MetricsDock dock(&o);
            dock.show();
            QVERIFY(QTest::qWaitForWindowExposed(&dock));
            QCOMPARE(dock.view(), MetricsDock::View::NoDatabase);
            QVERIFY2(dock.emptyStateText().startsWith(u"Metrics need the database"_s),
                     qPrintable(dock.emptyStateText()));
            QCOMPARE(dock.computationsStarted(), 0);
        }
        test::TemporaryStore temp(u"sb.db"_s);
        QVERIFY(temp.isOpen());
        Store &store = temp.store();
        Orchestrator o;
        o.setStore(&store);
        MetricsDock dock(&o);
        dock.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dock));
        QCOMPARE(dock.view(), MetricsDock::View::NoRun);
        QVERIFY2(dock.emptyStateText().startsWith(u"No run yet"_s), qPrintable(dock.emptyStateText()));
        QCOMPARE(dock.computationsStarted(), 0); // nothing to read
    }

    void showsTheRunFromTheStore()
    {
        test::TemporaryStore temp(u"sb.db"_s);
        QVERIFY(temp.isOpen());
        Store &store = temp.store();
        Orchestrator o;
        o.setStore(&store);
        Config config = ConfigLoader::defaults();
        config.profiles = {test::ProfileBuilder::demo(u"coder"_s, 60).steps({u"Reading"_s, u"Working"_s}),
                           test::ProfileBuilder::demo(u"broken"_s, 30).steps({u"Reading"_s, u"Working"_s}).failing()};
        // Thresholds come from the config: utilisation alerts below 98 %, which agents that leave slots idle
        // between short demo runs never reach.
        config.metrics.utilisationTarget = 0.99;
        config.metrics.utilisationAlert = 0.98;
        o.setProfiles(config.profiles);
        o.setMaxParallel(4);
        MainWindow window(&o, config);
        window.resize(1280, 800);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        MetricsDock *dock = window.metricsDock();
        QVERIFY(dock);
        QVERIFY(dock->isHidden()); // until the person opens it
        QCOMPARE(dock->thresholds().utilisationAlert, 0.98);
        QAction *toggle = dock->toggleViewAction();
        QVERIFY(window.findChild<QMenu *>(u"viewMenu"_s)->actions().contains(toggle));
        toggle->trigger();
        QTRY_VERIFY(dock->isVisible());
        QCOMPARE(dock->view(), MetricsDock::View::NoRun);

        QList<Goal> goals;
        for (int i = 0; i < 4; ++i)
            goals << test::GoalBuilder::titled(u"Write module %1"_s.arg(i)).profile(u"coder"_s);
        goals << test::GoalBuilder::titled(u"Deploy"_s).profile(u"broken"_s)
              << test::GoalBuilder::titled(u"Deploy again"_s).profile(u"broken"_s);
        QCOMPARE(o.spawnParallel(goals).size(), 6);
        QVERIFY(o.waitAll(20000));
        QVERIFY(store.flush());

        // The next refresh shows the finished run.
        // (refresh() asks now rather than at the next tick; it does nothing while a computation is in flight.)
        QTRY_VERIFY_WITH_TIMEOUT(
            (dock->refresh(), dock->view() == MetricsDock::View::Metrics &&
                                  dock->metrics().overall.completions + dock->metrics().overall.failures == 6),
            20000);
        qInfo("computations so far %d, the last took %lld ms", dock->computationsStarted(), dock->lastComputeMs());
        using S = MetricsTimeline::Series;
        QCOMPARE(dock->tile(S::Completions)->value(), u"4"_s);
        QCOMPARE(dock->tile(S::SuccessRate)->value(), u"67 %"_s);
        QCOMPARE(dock->tile(S::InProgress)->value(), u"0"_s);
        QVERIFY2(dock->tile(S::Completions)->detail().contains(u"2 failed"_s),
                 qPrintable(dock->tile(S::Completions)->detail()));
        QVERIFY(dock->emptyStateText().isEmpty());
        QVERIFY2(dock->summaryText().size() > 0, "a summary line");

        // Per profile, with the overall row last.
        ProfileMetricsModel *model = dock->profileModel();
        QCOMPARE(model->rowCount(), 3);
        const int coder = model->rowForProfile(u"coder"_s);
        const int broken = model->rowForProfile(u"broken"_s);
        QVERIFY(coder >= 0 && broken >= 0);
        QCOMPARE(model->metricsAt(coder).completions, 4);
        QCOMPARE(model->metricsAt(broken).failures, 2);
        QVERIFY(model->isOverallRow(2));
        // Sortable by clicking the header.
        QTreeView *view = dock->profileView();
        QVERIFY(view->isSortingEnabled());
        view->sortByColumn(ProfileMetricsModel::CompletionsColumn, Qt::DescendingOrder);
        QCOMPARE(model->index(0, 0).data(ProfileMetricsModel::ProfileRole).toString(), u"coder"_s);

        // The alert: marked in words, with an icon, and the tooltip names the thresholds.
        MetricTile *utilisation = dock->tile(S::Utilisation);
        QCOMPARE(utilisation->level(), MetricAlert::Level::Alert);
        QCOMPARE(utilisation->levelText(), u"Alert"_s);
        QVERIFY2(utilisation->toolTip().contains(u"target > 99.0 %, alert < 98.0 %"_s),
                 qPrintable(utilisation->toolTip()));
        QVERIFY2(dock->summaryText().contains(u"1 alert"_s), qPrintable(dock->summaryText()));
        QCOMPARE(dock->tile(S::EscalationRate)->level(), MetricAlert::Level::Ok);
        // Thresholds changed: the same numbers re-evaluated at once.
        MetricThresholds relaxed = dock->thresholds();
        relaxed.utilisationTarget = 0.0;
        relaxed.utilisationAlert = 0.0;
        dock->setThresholds(relaxed);
        QCOMPARE(utilisation->level(), MetricAlert::Level::Ok);
        QVERIFY(utilisation->levelText().isEmpty());

        // Sparklines have a past (seeded from the records) and a present.
        QVERIFY(dock->timeline().samples().size() >= 2);
        QVERIFY(!dock->tile(S::Completions)->sparkline()->points().isEmpty());
        QCOMPARE(dock->tile(S::Completions)->sparkline()->points().last().y(), 4.0);

        // Never two computations at once: a second refresh while one is in flight starts nothing.
        QTRY_VERIFY(!dock->isComputing());
        const int before = dock->computationsStarted();
        dock->refresh();
        QVERIFY(dock->isComputing());
        dock->refresh();
        dock->refresh();
        QCOMPARE(dock->computationsStarted(), before + 1);
        QSignalSpy updated(dock, &MetricsDock::metricsUpdated);
        QVERIFY(updated.wait(10000));
        QTRY_VERIFY(!dock->isComputing());

        // Hidden: no more refreshes.
        toggle->trigger();
        QTRY_VERIFY(!dock->isVisible());
        const int hiddenAt = dock->computationsStarted();
        QTest::qWait(MetricsDock::kRefreshMs + 600); // a span in which nothing may happen: no tick refreshes
        QCOMPARE(dock->computationsStarted(), hiddenAt);
        // Shown again: refreshed at once.
        toggle->trigger();
        QTRY_VERIFY(dock->computationsStarted() > hiddenAt);
    }

    void newRunStartsAfresh()
    {
        test::TemporaryStore temp(u"sb.db"_s);
        QVERIFY(temp.isOpen());
        Store &store = temp.store();
        Orchestrator o;
        o.setStore(&store);
        o.setProfiles({test::ProfileBuilder::demo(u"coder"_s, 30).steps({u"Reading"_s, u"Working"_s})});
        MetricsDock dock(&o);
        dock.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dock));
        QCOMPARE(dock.view(), MetricsDock::View::NoRun);
        // The first spawn starts a run; the dock follows without waiting for its timer.
        QVERIFY(!o.spawn(test::GoalBuilder::titled(u"One"_s).profile(u"coder"_s)).isEmpty());
        QTRY_COMPARE_WITH_TIMEOUT(dock.view(), MetricsDock::View::Metrics, 10000);
        QVERIFY(o.waitAll(10000));
        QVERIFY(store.flush());
        QTRY_VERIFY_WITH_TIMEOUT((dock.refresh(), dock.metrics().overall.completions == 1), 20000);
        QCOMPARE(dock.metrics().goals, 1);
    }
};

QTEST_MAIN(TestMetricsDock)
#include "tst_metricsdock.moc"
