#include "model/RunSummary.h"
#include "persistence/MetricsCalculator.h"
#include "persistence/ReportWriter.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

#include <yaml-cpp/yaml.h>

using namespace switchboard;
using namespace Qt::StringLiterals;

namespace {

const QDateTime kT0 = QDateTime(QDate(2024, 5, 1), QTime(10, 0, 0), Qt::UTC);

QDateTime minute(int minutes)
{
    return kT0.addSecs(qint64(minutes) * 60);
}

constexpr qint64 kMinute = 60 * 1000;

// A hand-made history with known answers (minutes after 10:00 UTC, run r-1 with 2 slots, "now" = 60):
//  a-1 coder     attempt 1 running 0..10, Interrupted; attempt 2 running 12..30, Completed.  in 100+200, out 50+100
//  a-2 coder     attempt 1 running 0..5, escalated e-1 5..8 (answered), running 8..20, Completed. in 300 out 100
//  a-3 coder     created 5; attempt 1 running 20..22, waits for a lock 22..23, running 23..25, Failed. in 50 out 50
//  a-4 reviewer  created 30; attempt 1 running 32..42, Completed; escalations e-2 (open) and e-3 (timed out)
//  a-5 reviewer  created 40; attempt 1 running since 45 (still running at 60)
//  a-6 (none)    created 50; queued, never started
// Lock events: 6 acquired, 1 denied.
struct Fixture
{
    RunHistory history;

    void agent(const QString &id, const QString &goalId, const QString &title, const QString &profile, AgentState state,
               int attempt, int created, int started, int completed, const QString &summary = {},
               const QString &error = {})
    {
        GoalRecord goal;
        goal.runId = u"r-1"_s;
        goal.goal.id = goalId;
        goal.goal.title = title;
        goal.goal.priority = Priority::High;
        goal.agentId = id;
        goal.createdAt = minute(created);
        if (goalId == u"g2"_s)
            goal.goal.dependsOn = {u"g1"_s};
        history.goals.append(goal);

        AgentStatus s;
        s.agentId = id;
        s.goalId = goalId;
        s.goalTitle = title;
        s.profile = profile;
        s.state = state;
        s.attempt = attempt;
        s.createdAt = minute(created);
        s.startedAt = started >= 0 ? minute(started) : QDateTime();
        s.completedAt = completed >= 0 ? minute(completed) : QDateTime();
        s.summary = summary;
        s.error = error;
        history.agents.append(s);
        transition(id, goalId, AgentState::Queued, 0, created);
    }

    void attempt(const QString &agentId, int number, int started, int finished, std::optional<AgentState> outcome,
                 qint64 in, qint64 out, double cost, const QString &profile)
    {
        AttemptRecord a;
        a.agentId = agentId;
        a.runId = u"r-1"_s;
        a.profile = profile;
        a.attempt = number;
        a.startedAt = minute(started);
        a.finishedAt = finished >= 0 ? minute(finished) : QDateTime();
        a.outcome = outcome;
        a.inputTokens = in;
        a.outputTokens = out;
        a.costUsd = cost;
        history.attempts.append(a);
        // Keep totals on the status like the store does.
        for (AgentStatus &s : history.agents) {
            if (s.agentId == agentId) {
                s.inputTokens += in;
                s.outputTokens += out;
                s.costUsd += cost;
            }
        }
    }

    void transition(const QString &agentId, const QString &goalId, AgentState state, int attempt, int at,
                    const QString &error = {})
    {
        history.transitions.append({agentId, goalId, attempt, state, minute(at), error});
    }

    Escalation escalation(const QString &id, const QString &agentId, const QString &goalId, int created,
                          Escalation::State state)
    {
        Escalation e;
        e.id = id;
        e.agentId = agentId;
        e.goalId = goalId;
        e.trigger = Escalation::Trigger::Clarification;
        e.question = u"Question %1?"_s.arg(id);
        e.createdAt = minute(created);
        e.state = state;
        return e;
    }

    Fixture()
    {
        RunRecord run;
        run.id = u"r-1"_s;
        run.name = u"nightly"_s;
        run.planFile = u"plans/nightly.yaml"_s;
        run.maxParallel = 2;
        run.startedAt = kT0;
        history.runs.append(run);

        agent(u"a-1"_s, u"g1"_s, u"Build"_s, u"coder"_s, AgentState::Completed, 2, 0, 12, 30, u"built it"_s);
        agent(u"a-2"_s, u"g2"_s, u"Test | all"_s, u"coder"_s, AgentState::Completed, 1, 0, 0, 20, u"green"_s);
        agent(u"a-3"_s, u"g3"_s, u"Port"_s, u"coder"_s, AgentState::Failed, 1, 5, 20, 25, {}, u"segfault"_s);
        agent(u"a-4"_s, u"g4"_s, u"Review"_s, u"reviewer"_s, AgentState::Completed, 1, 30, 32, 42, u"lgtm"_s);
        agent(u"a-5"_s, u"g5"_s, u"Review 2"_s, u"reviewer"_s, AgentState::Running, 1, 40, 45, -1);
        agent(u"a-6"_s, u"g6"_s, u"Later"_s, QString(), AgentState::Queued, 0, 50, -1, -1);

        attempt(u"a-1"_s, 1, 0, 10, AgentState::Interrupted, 100, 50, 0.10, u"coder"_s);
        attempt(u"a-1"_s, 2, 12, 30, AgentState::Completed, 200, 100, 0.20, u"coder"_s);
        attempt(u"a-2"_s, 1, 0, 20, AgentState::Completed, 300, 100, 0.30, u"coder"_s);
        attempt(u"a-3"_s, 1, 20, 25, AgentState::Failed, 50, 50, 0.05, u"coder"_s);
        attempt(u"a-4"_s, 1, 32, 42, AgentState::Completed, 10, 10, 0.01, u"reviewer"_s);
        attempt(u"a-5"_s, 1, 45, -1, std::nullopt, 5, 5, 0.005, u"reviewer"_s);

        // Transitions, in the order they happened (the Queued ones were added above).
        transition(u"a-1"_s, u"g1"_s, AgentState::Running, 1, 0);
        transition(u"a-2"_s, u"g2"_s, AgentState::Running, 1, 0);
        transition(u"a-2"_s, u"g2"_s, AgentState::Escalated, 1, 5);
        transition(u"a-2"_s, u"g2"_s, AgentState::Running, 1, 8);
        transition(u"a-1"_s, u"g1"_s, AgentState::Interrupted, 1, 10, u"interrupted: app stopped"_s);
        transition(u"a-1"_s, u"g1"_s, AgentState::Running, 2, 12);
        transition(u"a-2"_s, u"g2"_s, AgentState::Completed, 1, 20);
        transition(u"a-3"_s, u"g3"_s, AgentState::Running, 1, 20);
        transition(u"a-3"_s, u"g3"_s, AgentState::WaitingForLock, 1, 22);
        transition(u"a-3"_s, u"g3"_s, AgentState::Running, 1, 23);
        transition(u"a-3"_s, u"g3"_s, AgentState::Failed, 1, 25, u"segfault"_s);
        transition(u"a-1"_s, u"g1"_s, AgentState::Completed, 2, 30);
        transition(u"a-4"_s, u"g4"_s, AgentState::Running, 1, 32);
        transition(u"a-4"_s, u"g4"_s, AgentState::Completed, 1, 42);
        transition(u"a-5"_s, u"g5"_s, AgentState::Running, 1, 45);
        std::stable_sort(history.transitions.begin(), history.transitions.end(),
                         [](const TransitionRecord &a, const TransitionRecord &b) { return a.at < b.at; });

        Escalation e1 = escalation(u"e-1"_s, u"a-2"_s, u"g2"_s, 5, Escalation::State::Answered);
        e1.options = {{u"unit"_s, u"Unit tests only"_s}, {u"all"_s, u"Everything"_s}};
        e1.answerOption = u"all"_s;
        e1.answerText = u"and be quick"_s;
        e1.answeredBy = u"human"_s;
        e1.answeredAt = minute(8);
        Escalation e2 = escalation(u"e-2"_s, u"a-4"_s, u"g4"_s, 33, Escalation::State::Open);
        Escalation e3 = escalation(u"e-3"_s, u"a-4"_s, u"g4"_s, 34, Escalation::State::TimedOut);
        e3.answeredBy = u"timeout"_s;
        e3.answeredAt = minute(36);
        history.escalations = {e1, e2, e3};

        for (int i = 0; i < 6; ++i)
            history.lockEvents.append(
                {{u"res"_s, u"a-1"_s, LockEvent::Action::Acquired, quint64(i + 1), {}}, minute(i)});
        history.lockEvents.append({{u"res"_s, u"a-3"_s, LockEvent::Action::Denied, 0, u"busy"_s}, minute(22)});
        history.lockEvents.append({{u"res"_s, u"a-1"_s, LockEvent::Action::Released, 6, {}}, minute(23)});
    }
};

MetricsCalculator::Options atMinute60()
{
    MetricsCalculator::Options options;
    options.now = minute(60);
    return options;
}

Metrics metricsWith(int inProgress, double completionMinutes, double escalationRate, double conflictRate,
                    double utilisation, int runSlots = 2)
{
    Metrics m;
    m.runSlots = runSlots;
    m.goalsInProgress = inProgress;
    m.overall.completions = 1;
    m.overall.assignments = 1;
    m.overall.averageCompletionMs = completionMinutes * kMinute;
    m.overall.escalationRate = escalationRate;
    m.lockRequests = 1;
    m.lockConflictRate = conflictRate;
    m.wallMs = 1000;
    m.utilisation = utilisation;
    return m;
}

} // namespace

Q_DECLARE_METATYPE(MetricAlert::Metric)
Q_DECLARE_METATYPE(MetricAlert::Level)

class TestMetrics final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void percentile_data();
    void percentile();
    void perProfileMetrics();
    void overallMetrics();
    void lockAndUtilisationMetrics();
    void finishedRunEndsTheWindow();
    void emptyHistoryHasNoData();
    void thresholds_data();
    void thresholds();
    void fixtureAlerts();
    void customThresholds();
    void metricsJson();

    void reportJson();
    void reportMarkdown();
    void activityLog();
    void projectStateYaml();
};

void TestMetrics::percentile_data()
{
    QTest::addColumn<QList<qint64>>("values");
    QTest::addColumn<int>("percent");
    QTest::addColumn<qint64>("expected");

    QList<qint64> oneToTwenty;
    for (qint64 i = 20; i >= 1; --i)
        oneToTwenty.append(i); // unsorted on purpose
    QList<qint64> oneToHundred;
    for (qint64 i = 1; i <= 100; ++i)
        oneToHundred.append(i);

    QTest::newRow("empty") << QList<qint64>{} << 95 << qint64(0);
    QTest::newRow("one") << QList<qint64>{7} << 95 << qint64(7);
    QTest::newRow("two") << QList<qint64>{30, 10} << 95 << qint64(30);
    QTest::newRow("1..20 p95") << oneToTwenty << 95 << qint64(19);
    QTest::newRow("1..20 p50") << oneToTwenty << 50 << qint64(10);
    QTest::newRow("1..100 p95") << oneToHundred << 95 << qint64(95);
    QTest::newRow("1..100 p100") << oneToHundred << 100 << qint64(100);
    QTest::newRow("1..100 p1") << oneToHundred << 1 << qint64(1);
}

void TestMetrics::percentile()
{
    QFETCH(QList<qint64>, values);
    QFETCH(int, percent);
    QFETCH(qint64, expected);
    QCOMPARE(MetricsCalculator::percentile(values, percent), expected);
}

void TestMetrics::perProfileMetrics()
{
    const Metrics m = MetricsCalculator::compute(Fixture().history, atMinute60());
    QCOMPARE(m.profiles.size(), 2); // a-6 never started: no "" profile

    const ProfileMetrics *coder = m.profile(u"coder"_s);
    QVERIFY(coder);
    QCOMPARE(coder->assignments, 3);
    QCOMPARE(coder->iterations, 4);
    QCOMPARE(coder->iterationsPerGoal, 4.0 / 3.0);
    QCOMPARE(coder->completions, 2);
    QCOMPARE(coder->failures, 1);
    QCOMPARE(coder->successRate, 2.0 / 3.0);
    QCOMPARE(coder->averageDurationMs, 19.0 * kMinute); // (18 + 20) / 2
    QCOMPARE(coder->p95DurationMs, 20 * kMinute);
    QCOMPARE(coder->inputTokens, 650);
    QCOMPARE(coder->outputTokens, 300);
    QCOMPARE(coder->tokens(), 950);
    QCOMPARE(coder->costUsd, 0.65);
    QCOMPARE(coder->costPerGoalUsd, 0.65 / 3.0);
    QCOMPARE(coder->escalations, 1);
    QCOMPARE(coder->escalationRate, 1.0 / 3.0);
    QCOMPARE(coder->averageCompletionMs, 25.0 * kMinute); // (30 + 20) / 2

    const ProfileMetrics *reviewer = m.profile(u"reviewer"_s);
    QVERIFY(reviewer);
    QCOMPARE(reviewer->assignments, 2);
    QCOMPARE(reviewer->iterations, 2);
    QCOMPARE(reviewer->completions, 1);
    QCOMPARE(reviewer->failures, 0);
    QCOMPARE(reviewer->successRate, 1.0);
    QCOMPARE(reviewer->averageDurationMs, 10.0 * kMinute);
    QCOMPARE(reviewer->p95DurationMs, 10 * kMinute);
    QCOMPARE(reviewer->inputTokens, 15);
    QCOMPARE(reviewer->costUsd, 0.015);
    QCOMPARE(reviewer->costPerGoalUsd, 0.0075);
    QCOMPARE(reviewer->escalations, 2);
    QCOMPARE(reviewer->escalationRate, 0.5); // one of two agents escalated (twice)
    QCOMPARE(reviewer->averageCompletionMs, 12.0 * kMinute);
}

void TestMetrics::overallMetrics()
{
    const Metrics m = MetricsCalculator::compute(Fixture().history, atMinute60());
    const ProfileMetrics &o = m.overall;
    QCOMPARE(o.profile, QString());
    QCOMPARE(m.goals, 6);
    QCOMPARE(m.goalsInProgress, 1);
    QCOMPARE(o.assignments, 5);
    QCOMPARE(o.iterations, 6);
    QCOMPARE(o.completions, 3);
    QCOMPARE(o.failures, 1);
    QCOMPARE(o.successRate, 0.75);
    QCOMPARE(o.averageDurationMs, 16.0 * kMinute); // (18 + 20 + 10) / 3
    QCOMPARE(o.p95DurationMs, 20 * kMinute);       // rank ceil(0.95 * 3) = 3
    QCOMPARE(o.inputTokens, 665);
    QCOMPARE(o.outputTokens, 315);
    QCOMPARE(o.costUsd, 0.665);
    QCOMPARE(o.costPerGoalUsd, 0.133);
    QCOMPARE(o.escalations, 3);
    QCOMPARE(o.escalationRate, 0.4);
    QCOMPARE(o.averageCompletionMs, 62.0 / 3.0 * kMinute); // (30 + 20 + 12) / 3
}

void TestMetrics::lockAndUtilisationMetrics()
{
    const Metrics m = MetricsCalculator::compute(Fixture().history, atMinute60());
    QCOMPARE(m.lockRequests, 7);
    QCOMPARE(m.lockConflicts, 2); // one denial, one wait
    QCOMPARE(m.lockConflictRate, 2.0 / 7.0);
    QCOMPARE(m.windowStart, kT0);
    QCOMPARE(m.windowEnd, minute(60)); // the run is unfinished: up to now
    QCOMPARE(m.wallMs, 60 * kMinute);
    QCOMPARE(m.runSlots, 2);
    // Running: a-1 10 + 18, a-2 5 + 12, a-3 2 + 2, a-4 10, a-5 15 (still running) = 74 minutes.
    QCOMPARE(m.busyMs, 74 * kMinute);
    QCOMPARE(m.utilisation, 74.0 / 120.0);

    MetricsCalculator::Options options = atMinute60();
    options.runSlots = 4;
    options.windowStart = minute(30);
    const Metrics narrow = MetricsCalculator::compute(Fixture().history, options);
    // From 30: a-4 10, a-5 15 = 25 minutes of 4 x 30.
    QCOMPARE(narrow.busyMs, 25 * kMinute);
    QCOMPARE(narrow.utilisation, 25.0 / 120.0);
}

void TestMetrics::finishedRunEndsTheWindow()
{
    Fixture f;
    f.history.runs.first().finishedAt = minute(50);
    const Metrics m = MetricsCalculator::compute(f.history, atMinute60());
    QCOMPARE(m.windowEnd, minute(50));
    QCOMPARE(m.wallMs, 50 * kMinute);
    QCOMPARE(m.busyMs, 64 * kMinute); // a-5 counts 45..50 only: 74 - 15 + 5
}

void TestMetrics::emptyHistoryHasNoData()
{
    const Metrics m = MetricsCalculator::compute(RunHistory(), atMinute60());
    QCOMPARE(m.overall.assignments, 0);
    QCOMPARE(m.overall.successRate, 0.0);
    QCOMPARE(m.utilisation, 0.0);
    QCOMPARE(m.wallMs, 0);
    const QList<MetricAlert> alerts = MetricsCalculator::evaluate(m);
    QCOMPARE(alerts.size(), 5);
    for (const MetricAlert &alert : alerts) {
        QVERIFY(!alert.hasData);
        QCOMPARE(alert.level, MetricAlert::Level::Ok);
    }
    QVERIFY(MetricsCalculator::crossed(m).isEmpty());
}

void TestMetrics::thresholds_data()
{
    QTest::addColumn<int>("inProgress");
    QTest::addColumn<double>("completionMinutes");
    QTest::addColumn<double>("escalationRate");
    QTest::addColumn<double>("conflictRate");
    QTest::addColumn<double>("utilisation");
    QTest::addColumn<MetricAlert::Metric>("metric");
    QTest::addColumn<MetricAlert::Level>("level");

    using M = MetricAlert::Metric;
    using L = MetricAlert::Level;
    // Baseline is all-ok; each row moves one metric (2 slots: in progress target 4, alert above 6).
    QTest::newRow("in progress ok") << 3 << 10.0 << 0.0 << 0.0 << 0.9 << M::GoalsInProgress << L::Ok;
    QTest::newRow("in progress at target") << 4 << 10.0 << 0.0 << 0.0 << 0.9 << M::GoalsInProgress << L::Warning;
    QTest::newRow("in progress at alert") << 6 << 10.0 << 0.0 << 0.0 << 0.9 << M::GoalsInProgress << L::Warning;
    QTest::newRow("in progress over alert") << 7 << 10.0 << 0.0 << 0.0 << 0.9 << M::GoalsInProgress << L::Alert;
    QTest::newRow("completion ok") << 0 << 29.9 << 0.0 << 0.0 << 0.9 << M::AverageCompletion << L::Ok;
    QTest::newRow("completion at target") << 0 << 30.0 << 0.0 << 0.0 << 0.9 << M::AverageCompletion << L::Warning;
    QTest::newRow("completion 60") << 0 << 60.0 << 0.0 << 0.0 << 0.9 << M::AverageCompletion << L::Warning;
    QTest::newRow("completion 61") << 0 << 61.0 << 0.0 << 0.0 << 0.9 << M::AverageCompletion << L::Alert;
    QTest::newRow("escalation ok") << 0 << 10.0 << 0.19 << 0.0 << 0.9 << M::EscalationRate << L::Ok;
    QTest::newRow("escalation 20%") << 0 << 10.0 << 0.20 << 0.0 << 0.9 << M::EscalationRate << L::Warning;
    QTest::newRow("escalation 40%") << 0 << 10.0 << 0.40 << 0.0 << 0.9 << M::EscalationRate << L::Warning;
    QTest::newRow("escalation 41%") << 0 << 10.0 << 0.41 << 0.0 << 0.9 << M::EscalationRate << L::Alert;
    QTest::newRow("conflict ok") << 0 << 10.0 << 0.0 << 0.04 << 0.9 << M::LockConflictRate << L::Ok;
    QTest::newRow("conflict 10%") << 0 << 10.0 << 0.0 << 0.10 << 0.9 << M::LockConflictRate << L::Warning;
    QTest::newRow("conflict 16%") << 0 << 10.0 << 0.0 << 0.16 << 0.9 << M::LockConflictRate << L::Alert;
    QTest::newRow("utilisation ok") << 0 << 10.0 << 0.0 << 0.0 << 0.71 << M::Utilisation << L::Ok;
    QTest::newRow("utilisation 70%") << 0 << 10.0 << 0.0 << 0.0 << 0.70 << M::Utilisation << L::Warning;
    QTest::newRow("utilisation 40%") << 0 << 10.0 << 0.0 << 0.0 << 0.40 << M::Utilisation << L::Warning;
    QTest::newRow("utilisation 39%") << 0 << 10.0 << 0.0 << 0.0 << 0.39 << M::Utilisation << L::Alert;
}

void TestMetrics::thresholds()
{
    QFETCH(int, inProgress);
    QFETCH(double, completionMinutes);
    QFETCH(double, escalationRate);
    QFETCH(double, conflictRate);
    QFETCH(double, utilisation);
    QFETCH(MetricAlert::Metric, metric);
    QFETCH(MetricAlert::Level, level);

    const Metrics m = metricsWith(inProgress, completionMinutes, escalationRate, conflictRate, utilisation);
    const QList<MetricAlert> alerts = MetricsCalculator::evaluate(m);
    QCOMPARE(alerts.size(), 5);
    for (const MetricAlert &alert : alerts) {
        QVERIFY(alert.hasData);
        QCOMPARE(alert.level, alert.metric == metric ? level : MetricAlert::Level::Ok);
    }
    const QList<MetricAlert> crossed = MetricsCalculator::crossed(m);
    QCOMPARE(crossed.size(), level == MetricAlert::Level::Ok ? 0 : 1);
    if (!crossed.isEmpty())
        QCOMPARE(crossed.first().metric, metric);
}

void TestMetrics::fixtureAlerts()
{
    const Metrics m = MetricsCalculator::compute(Fixture().history, atMinute60());
    const QList<MetricAlert> alerts = MetricsCalculator::evaluate(m);
    QCOMPARE(alerts.size(), 5);

    QCOMPARE(alerts.at(0).metric, MetricAlert::Metric::GoalsInProgress);
    QCOMPARE(alerts.at(0).value, 1.0);
    QCOMPARE(alerts.at(0).target, 4.0);
    QCOMPARE(alerts.at(0).alertAt, 6.0);
    QCOMPARE(alerts.at(0).level, MetricAlert::Level::Ok);
    QCOMPARE(alerts.at(0).message, u"Goals in progress: 1 (target < 4, alert > 6)"_s);

    QCOMPARE(alerts.at(1).metric, MetricAlert::Metric::AverageCompletion);
    QCOMPARE(alerts.at(1).value, 62.0 / 3.0);
    QCOMPARE(alerts.at(1).level, MetricAlert::Level::Ok);

    QCOMPARE(alerts.at(2).metric, MetricAlert::Metric::EscalationRate);
    QCOMPARE(alerts.at(2).value, 0.4);
    QCOMPARE(alerts.at(2).level, MetricAlert::Level::Warning); // at the alert line, not past it
    QCOMPARE(alerts.at(2).message, u"Escalation rate: 40.0 % (target < 20.0 %, alert > 40.0 %)"_s);

    QCOMPARE(alerts.at(3).metric, MetricAlert::Metric::LockConflictRate);
    QCOMPARE(alerts.at(3).level, MetricAlert::Level::Alert); // 28.6 %

    QCOMPARE(alerts.at(4).metric, MetricAlert::Metric::Utilisation);
    QCOMPARE(alerts.at(4).level, MetricAlert::Level::Warning); // 61.7 %
    QCOMPARE(alerts.at(4).message, u"Agent utilisation: 61.7 % (target > 70.0 %, alert < 40.0 %)"_s);

    const QList<MetricAlert> crossed = MetricsCalculator::crossed(m);
    QCOMPARE(crossed.size(), 3);
    QCOMPARE(crossed.at(0).metric, MetricAlert::Metric::EscalationRate);
    QCOMPARE(crossed.at(1).metric, MetricAlert::Metric::LockConflictRate);
    QCOMPARE(crossed.at(2).metric, MetricAlert::Metric::Utilisation);
}

void TestMetrics::customThresholds()
{
    MetricThresholds t;
    t.escalationRateTarget = 0.5;
    t.escalationRateAlert = 0.6;
    t.lockConflictRateTarget = 0.3;
    t.lockConflictRateAlert = 0.5;
    t.utilisationTarget = 0.6;
    t.utilisationAlert = 0.2;
    const Metrics m = MetricsCalculator::compute(Fixture().history, atMinute60());
    QVERIFY(MetricsCalculator::crossed(m, t).isEmpty());
    t.averageCompletionTargetMinutes = 10;
    t.averageCompletionAlertMinutes = 20;
    const QList<MetricAlert> crossed = MetricsCalculator::crossed(m, t);
    QCOMPARE(crossed.size(), 1);
    QCOMPARE(crossed.first().metric, MetricAlert::Metric::AverageCompletion);
    QCOMPARE(crossed.first().level, MetricAlert::Level::Alert);
}

void TestMetrics::metricsJson()
{
    const Metrics m = MetricsCalculator::compute(Fixture().history, atMinute60());
    const QJsonObject json = MetricsCalculator::toJson(m);
    QCOMPARE(json.value(u"goals").toInt(), 6);
    QCOMPARE(json.value(u"goals_in_progress").toInt(), 1);
    QCOMPARE(json.value(u"busy_ms").toInteger(), 74 * kMinute);
    QCOMPARE(json.value(u"window_start").toString(), u"2024-05-01T10:00:00Z"_s);
    QCOMPARE(json.value(u"overall").toObject().value(u"assignments").toInt(), 5);
    const QJsonArray profiles = json.value(u"profiles").toArray();
    QCOMPARE(profiles.size(), 2);
    QCOMPARE(profiles.at(0).toObject().value(u"profile").toString(), u"coder"_s);
    QCOMPARE(profiles.at(0).toObject().value(u"p95_duration_ms").toInteger(), 20 * kMinute);
    const QJsonObject alert = MetricsCalculator::toJson(MetricsCalculator::evaluate(m).at(3));
    QCOMPARE(alert.value(u"metric").toString(), u"lock_conflict_rate"_s);
    QCOMPARE(alert.value(u"level").toString(), u"alert"_s);
}

void TestMetrics::reportJson()
{
    Fixture f;
    RunSummary summary;
    summary.wallMs = 3000;
    summary.agentTimeMs = 6000;
    summary.total = 6;
    f.history.runs.first().summary = summary.toJson();
    const QJsonObject report = ReportWriter::runReportJson(f.history);

    const QJsonObject run = report.value(u"run").toObject();
    QCOMPARE(run.value(u"id").toString(), u"r-1"_s);
    QCOMPARE(run.value(u"name").toString(), u"nightly"_s);
    QCOMPARE(run.value(u"plan_file").toString(), u"plans/nightly.yaml"_s);
    QCOMPARE(run.value(u"started_at").toString(), u"2024-05-01T10:00:00Z"_s);
    QVERIFY(run.value(u"finished_at").isNull());
    QCOMPARE(run.value(u"summary").toObject(), summary.toJson());

    const QJsonObject totals = report.value(u"totals").toObject();
    QCOMPARE(totals.value(u"goals").toInt(), 6);
    QCOMPARE(totals.value(u"completed").toInt(), 3);
    QCOMPARE(totals.value(u"failed").toInt(), 1);
    QCOMPARE(totals.value(u"in_progress").toInt(), 1);
    QCOMPARE(totals.value(u"queued").toInt(), 1);
    QCOMPARE(totals.value(u"cancelled").toInt(), 0);
    QCOMPARE(totals.value(u"attempts").toInt(), 6);
    QCOMPARE(totals.value(u"input_tokens").toInteger(), 665);
    QCOMPARE(totals.value(u"output_tokens").toInteger(), 315);
    QCOMPARE(totals.value(u"tokens").toInteger(), 980);
    QCOMPARE(totals.value(u"cost_usd").toDouble(), 0.665);

    const QJsonArray goals = report.value(u"goals").toArray();
    QCOMPARE(goals.size(), 6);
    const QJsonObject g1 = goals.at(0).toObject();
    QCOMPARE(g1.value(u"id").toString(), u"g1"_s);
    QCOMPARE(g1.value(u"title").toString(), u"Build"_s);
    QCOMPARE(g1.value(u"agent").toString(), u"a-1"_s);
    QCOMPARE(g1.value(u"profile").toString(), u"coder"_s);
    QCOMPARE(g1.value(u"priority").toString(), u"high"_s);
    QCOMPARE(g1.value(u"state").toString(), u"Completed"_s);
    QCOMPARE(g1.value(u"attempts").toInt(), 2);
    QCOMPARE(g1.value(u"input_tokens").toInteger(), 300);
    QCOMPARE(g1.value(u"output_tokens").toInteger(), 150);
    QCOMPARE(g1.value(u"tokens").toInteger(), 450);
    QCOMPARE(g1.value(u"cost_usd").toDouble(), 0.3);
    QCOMPARE(g1.value(u"duration_ms").toInteger(), 18 * kMinute);
    QCOMPARE(g1.value(u"summary").toString(), u"built it"_s);
    QCOMPARE(g1.value(u"error").toString(), QString());
    const QJsonObject g3 = goals.at(2).toObject();
    QCOMPARE(g3.value(u"state").toString(), u"Failed"_s);
    QCOMPARE(g3.value(u"error").toString(), u"segfault"_s);
    const QJsonObject g6 = goals.at(5).toObject();
    QCOMPARE(g6.value(u"state").toString(), u"Queued"_s);
    QCOMPARE(g6.value(u"attempts").toInt(), 0);
    QVERIFY(g6.value(u"duration_ms").isNull());

    const QJsonArray escalations = report.value(u"escalations").toArray();
    QCOMPARE(escalations.size(), 3);
    const QJsonObject e1 = escalations.at(0).toObject();
    QCOMPARE(e1.value(u"id").toString(), u"e-1"_s);
    QCOMPARE(e1.value(u"goal").toString(), u"g2"_s);
    QCOMPARE(e1.value(u"agent").toString(), u"a-2"_s);
    QCOMPARE(e1.value(u"trigger").toString(), u"clarification"_s);
    QCOMPARE(e1.value(u"question").toString(), u"Question e-1?"_s);
    QCOMPARE(e1.value(u"state").toString(), u"answered"_s);
    QCOMPARE(e1.value(u"answer_option").toString(), u"all"_s);
    QCOMPARE(e1.value(u"answer_label").toString(), u"Everything"_s);
    QCOMPARE(e1.value(u"answer_text").toString(), u"and be quick"_s);
    QCOMPARE(e1.value(u"answered_by").toString(), u"human"_s);
    QCOMPARE(e1.value(u"created_at").toString(), u"2024-05-01T10:05:00Z"_s);
    QCOMPARE(e1.value(u"answered_at").toString(), u"2024-05-01T10:08:00Z"_s);
    QCOMPARE(e1.value(u"options").toArray().size(), 2);
    QCOMPARE(escalations.at(1).toObject().value(u"state").toString(), u"open"_s);
    QVERIFY(escalations.at(1).toObject().value(u"answered_at").isNull());

    // Valid JSON text round trip.
    QCOMPARE(QJsonDocument::fromJson(QJsonDocument(report).toJson()).object(), report);
}

void TestMetrics::reportMarkdown()
{
    const QString md = ReportWriter::runReportMarkdown(Fixture().history);
    const QStringList lines = md.split(u'\n');
    QCOMPARE(lines.first(), u"# Run report: nightly (r-1)"_s);
    for (const QString &expected : {
             u"- Plan: plans/nightly.yaml"_s,
             u"- Started: 2024-05-01 10:00:00 UTC"_s,
             u"- Finished: not yet"_s,
             u"- Goals: 6 total, 3 completed, 1 failed, 0 cancelled, 0 blocked, 0 interrupted, 1 in progress, "
             "1 queued"_s,
             u"- Attempts: 6"_s,
             u"- Tokens: 665 in, 315 out"_s,
             u"- Cost: $0.6650"_s,
             u"## Goals"_s,
             u"| Goal | Title | Profile | State | Attempts | Tokens | Cost | Result |"_s,
             u"| g1 | Build | coder | Completed | 2 | 450 | $0.3000 | built it |"_s,
             u"| g2 | Test \\| all | coder | Completed | 1 | 400 | $0.3000 | green |"_s,
             u"| g3 | Port | coder | Failed | 1 | 100 | $0.0500 | error: segfault |"_s,
             u"| g6 | Later |  | Queued | 0 | 0 | $0.0000 |  |"_s,
             u"## Escalations"_s,
             u"- **e-1** (goal g2, agent a-2, clarification, answered): Question e-1?"_s,
             u"  - Answer: all (Everything) - and be quick (by human at 2024-05-01 10:08:00 UTC)"_s,
             u"- **e-2** (goal g4, agent a-4, clarification, open): Question e-2?"_s,
             u"  - Not answered yet"_s,
             u"  - Closed without an answer (timeout at 2024-05-01 10:36:00 UTC)"_s,
         })
        QVERIFY2(lines.contains(expected), qPrintable(u"missing line: "_s + expected + u"\n\n"_s + md));
}

void TestMetrics::activityLog()
{
    const QString log = ReportWriter::activityLog(Fixture().history);
    const QStringList lines = log.split(u'\n');
    QCOMPARE(lines.first(), u"# Activity: nightly (r-1)"_s);
    QVERIFY(lines.contains(u"## 2024-05-01"_s));
    // In time order, one line each.
    const QStringList expected{
        u"- 10:00:00 g1 \"Build\" queued (agent a-1)"_s,
        u"- 10:00:00 g1 \"Build\" started, attempt 1 (agent a-1)"_s,
        u"- 10:05:00 g2 \"Test \\| all\" escalated e-1 (clarification): Question e-1?"_s,
        u"- 10:08:00 e-1 answered by human: all (Everything) - and be quick"_s,
        u"- 10:08:00 g2 \"Test \\| all\" resumed"_s,
        u"- 10:10:00 g1 \"Build\" interrupted: interrupted: app stopped"_s,
        u"- 10:12:00 g1 \"Build\" started, attempt 2 (agent a-1)"_s,
        u"- 10:20:00 g2 \"Test \\| all\" completed: green"_s,
        u"- 10:22:00 g3 \"Port\" waiting for a lock"_s,
        u"- 10:25:00 g3 \"Port\" failed: segfault"_s,
        u"- 10:36:00 e-3 timed_out"_s,
        u"- 10:50:00 g6 \"Later\" queued (agent a-6)"_s,
    };
    qsizetype last = -1;
    for (const QString &line : expected) {
        const qsizetype index = lines.indexOf(line);
        QVERIFY2(index >= 0, qPrintable(u"missing: "_s + line + u"\n\n"_s + log));
        QVERIFY2(index > last, qPrintable(u"out of order: "_s + line + u"\n\n"_s + log));
        last = index;
    }
    // The escalated transition is not listed twice.
    QCOMPARE(log.count(u"escalated"_s), 3);
}

void TestMetrics::projectStateYaml()
{
    const QString text = ReportWriter::projectStateYaml(Fixture().history);
    const YAML::Node root = YAML::Load(text.toStdString());
    QVERIFY(root.IsMap());
    QCOMPARE(QString::fromStdString(root["run"]["id"].as<std::string>()), u"r-1"_s);
    QCOMPARE(QString::fromStdString(root["run"]["state"].as<std::string>()), u"unfinished"_s);
    QVERIFY(root["run"]["finished_at"].IsNull());
    QCOMPARE(QString::fromStdString(root["run"]["started_at"].as<std::string>()), u"2024-05-01T10:00:00Z"_s);
    QCOMPARE(root["totals"]["goals"].as<int>(), 6);
    QCOMPARE(root["totals"]["completed"].as<int>(), 3);
    QCOMPARE(root["totals"]["in_progress"].as<int>(), 1);

    const YAML::Node goals = root["goals"];
    QVERIFY(goals.IsSequence());
    QCOMPARE(int(goals.size()), 6);
    QCOMPARE(QString::fromStdString(goals[0]["id"].as<std::string>()), u"g1"_s);
    QCOMPARE(QString::fromStdString(goals[0]["state"].as<std::string>()), u"Completed"_s);
    QCOMPARE(goals[0]["attempts"].as<int>(), 2);
    QCOMPARE(goals[0]["tokens"].as<qint64>(), 450);
    QCOMPARE(QString::fromStdString(goals[1]["title"].as<std::string>()), u"Test | all"_s);
    QCOMPARE(QString::fromStdString(goals[1]["depends_on"][0].as<std::string>()), u"g1"_s);
    QCOMPARE(QString::fromStdString(goals[2]["error"].as<std::string>()), u"segfault"_s);
    QCOMPARE(QString::fromStdString(goals[4]["state"].as<std::string>()), u"Running"_s);
    QCOMPARE(QString::fromStdString(goals[5]["profile"].as<std::string>()), QString());

    const YAML::Node escalations = root["escalations"];
    QCOMPARE(int(escalations.size()), 3);
    QCOMPARE(QString::fromStdString(escalations[0]["answer"].as<std::string>()), u"all (Everything) - and be quick"_s);
    QCOMPARE(QString::fromStdString(escalations[1]["state"].as<std::string>()), u"open"_s);
}

QTEST_GUILESS_MAIN(TestMetrics)
#include "tst_metrics.moc"
