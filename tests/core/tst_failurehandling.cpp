// Failure handling: retries with backoff, timeouts, deadlines, rate limits, quality monitor,
// budgets and execution modes, driven through the real orchestrator and pool with a scripted backend.
#include "agents/AgentContext.h"
#include "agents/BackendRegistry.h"
#include "cli/StdinAnswerReader.h"
#include "model/RateLimitPause.h"
#include "orchestration/Orchestrator.h"
#include "orchestration/QualityMonitor.h"
#include "support/AgentJournal.h"
#include "support/GoalBuilder.h"
#include "support/ProfileBuilder.h"
#include "support/ScriptedBackend.h"

#include <QJsonArray>
#include <QSignalSpy>
#include <QTest>

using namespace switchboard;
using namespace Qt::StringLiterals;

class TestFailureHandling final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void failTwiceThenSucceed();
    void backoffFreesTheSlot();
    void retryPolicyMath();
    void nonRetryableErrorIsFinal();
    void exhaustedRetriesFail();
    void cancelDuringBackoff();
    void attemptTimeout();
    void idleTimeout();
    void heartbeatsKeepAnAgentAlive();
    void deadlineOfRunningGoal();
    void deadlineOfQueuedGoal();
    void expiredDeadlineNeverStarts_data();
    void expiredDeadlineNeverStarts();
    void rateLimitPausesOneProfile();
    void rateLimitResumeNowFromStdin();
    void loopDetection();
    void qualityMonitorRules();
    void noImprovementStops();
    void budgetAddsUpAcrossRetries();
    void runBudget();
    void modeOrder_data();
    void modeOrder();
    void pipelineHandoff();
    void dependencyOutputsArePassedOn();
};

void TestFailureHandling::failTwiceThenSucceed()
{
    test::AgentJournal journal;
    Orchestrator o;
    o.setBackends(test::ScriptedBackend::registry(&journal));
    o.setProfiles({test::ProfileBuilder::scripted(u"p"_s).retries(3, {0.2, 0.4})});
    QSignalSpy retries(&o, &Orchestrator::agentRetryScheduled);
    QSignalSpy failed(&o, &Orchestrator::agentFailed);
    const QString id = o.spawn(test::GoalBuilder(u"flaky"_s).description(u"fail-until 3"_s));
    QTRY_COMPARE(retries.size(), 1);
    // Between attempts: queued, with the next try announced, attempt 1 of 4.
    AgentStatus s = *o.status(id);
    QCOMPARE(s.state, AgentState::Queued);
    QCOMPARE(s.attempt, 1);
    QCOMPARE(s.maxAttempts, 4);
    QVERIFY(s.nextAttemptAt.isValid());
    QCOMPARE(s.error, u"attempt 1 failed"_s);
    QCOMPARE(o.progress().retrying, 1);
    QVERIFY(o.waitAll(10000));
    QCOMPARE(retries.size(), 2);
    QCOMPARE(retries.at(0).at(1).toInt(), 2);
    QCOMPARE(retries.at(0).at(2).toLongLong(), 200);
    QCOMPARE(retries.at(1).at(1).toInt(), 3);
    QCOMPARE(retries.at(1).at(2).toLongLong(), 400);
    QCOMPARE(failed.size(), 0);
    s = *o.status(id);
    QCOMPARE(s.state, AgentState::Completed);
    QCOMPARE(s.attempt, 3);
    QVERIFY(!s.nextAttemptAt.isValid());
    QCOMPARE(journal.starts(), (QStringList{u"flaky"_s, u"flaky"_s, u"flaky"_s}));
}

void TestFailureHandling::backoffFreesTheSlot()
{
    test::AgentJournal journal;
    Orchestrator o;
    o.setBackends(test::ScriptedBackend::registry(&journal));
    o.setProfiles({test::ProfileBuilder::scripted(u"p"_s).retries(1, {1.0})});
    o.setMaxParallel(1);
    const QStringList ids = o.spawnParallel({test::GoalBuilder(u"flaky"_s).description(u"fail-until 2"_s),
                                             test::GoalBuilder(u"other"_s).description(u"sleep 100"_s)});
    QVERIFY(o.waitAll(10000));
    // "other" ran while "flaky" waited out its 1 s backoff.
    QCOMPARE(journal.starts(), (QStringList{u"flaky"_s, u"other"_s, u"flaky"_s}));
    QCOMPARE(o.status(ids[0])->state, AgentState::Completed);
}

void TestFailureHandling::retryPolicyMath()
{
    RetryPolicy p; // the seed defaults
    QCOMPARE(p.maxRetries, 3);
    QCOMPARE(p.backoffFor(1), 60.0);
    QCOMPARE(p.backoffFor(2), 300.0);
    QCOMPARE(p.backoffFor(3), 900.0);
    QCOMPARE(p.backoffFor(7), 900.0); // the last step repeats
    QCOMPARE(p.backoffFor(1, 0.0), 54.0);
    QCOMPARE(p.backoffFor(1, 0.5), 60.0);
    QVERIFY(qAbs(p.backoffFor(1, 0.999999) - 66.0) < 0.001);
    QVERIFY(!p.retries(u"budget"_s));
    QVERIFY(p.retries(u"exit"_s));
}

void TestFailureHandling::nonRetryableErrorIsFinal()
{
    test::AgentJournal journal;
    Orchestrator o;
    AgentProfile p = test::ProfileBuilder::scripted(u"p"_s).retries(3, {0.2});
    p.retry.nonRetryable << u"auth"_s;
    o.setBackends(test::ScriptedBackend::registry(&journal));
    o.setProfiles({p});
    QSignalSpy retries(&o, &Orchestrator::agentRetryScheduled);
    const QString id = o.spawn(test::GoalBuilder(u"g"_s).description(u"fail-until 9 auth"_s));
    QVERIFY(o.waitAll(5000));
    QCOMPARE(retries.size(), 0);
    QCOMPARE(o.status(id)->state, AgentState::Failed);
    QCOMPARE(o.status(id)->errorKind, u"auth"_s);
    QCOMPARE(o.status(id)->attempt, 1);
}

void TestFailureHandling::exhaustedRetriesFail()
{
    test::AgentJournal journal;
    Orchestrator o;
    o.setBackends(test::ScriptedBackend::registry(&journal));
    o.setProfiles({test::ProfileBuilder::scripted(u"p"_s).retries(2, {0.1})});
    o.setEscalateExhaustedRetries(false); // unattended: no human to ask
    QSignalSpy failed(&o, &Orchestrator::agentFailed);
    const QString id = o.spawn(test::GoalBuilder(u"g"_s).description(u"fail-until 99"_s));
    QVERIFY(o.waitAll(10000));
    QCOMPARE(failed.size(), 1);
    QCOMPARE(o.status(id)->attempt, 3);
    QCOMPARE(o.status(id)->error, u"attempt 3 failed"_s);
    QVERIFY(o.agentLog(id).join(u'\n').contains(u"attempt 1/3 failed"_s));
}

void TestFailureHandling::cancelDuringBackoff()
{
    test::AgentJournal journal;
    Orchestrator o;
    o.setBackends(test::ScriptedBackend::registry(&journal));
    o.setProfiles({test::ProfileBuilder::scripted(u"p"_s).retries(3, {30.0})});
    QSignalSpy retries(&o, &Orchestrator::agentRetryScheduled);
    const QString id = o.spawn(test::GoalBuilder(u"g"_s).description(u"fail-until 9"_s));
    QVERIFY(retries.wait(5000));
    QVERIFY(o.cancel(id));
    QCOMPARE(o.status(id)->state, AgentState::Cancelled);
    QVERIFY(o.isIdle());
}

void TestFailureHandling::attemptTimeout()
{
    test::AgentJournal journal;
    Orchestrator o;
    AgentProfile p = test::ProfileBuilder::scripted(u"p"_s);
    p.timeoutS = 1;
    o.setBackends(test::ScriptedBackend::registry(&journal));
    o.setProfiles({p});
    const QString id = o.spawn(test::GoalBuilder(u"g"_s).description(u"hang"_s));
    QVERIFY(o.waitAll(10000));
    QCOMPARE(o.status(id)->state, AgentState::Failed);
    QCOMPARE(o.status(id)->error, u"timed out after 1 s"_s);
    QCOMPARE(o.status(id)->errorKind, u"timeout"_s);
}

void TestFailureHandling::idleTimeout()
{
    test::AgentJournal journal;
    Orchestrator o;
    AgentProfile p = test::ProfileBuilder::scripted(u"p"_s);
    p.idleTimeoutS = 1;
    o.setBackends(test::ScriptedBackend::registry(&journal));
    o.setProfiles({p});
    const QString id = o.spawn(test::GoalBuilder(u"g"_s).description(u"heartbeat 500\nhang"_s));
    QElapsedTimer t;
    t.start();
    QVERIFY(o.waitAll(10000));
    QCOMPARE(o.status(id)->state, AgentState::Failed);
    QCOMPARE(o.status(id)->errorKind, u"idle_timeout"_s);
    QVERIFY(o.status(id)->error.contains(u"no output or heartbeat for 1 s"_s));
    QVERIFY(t.elapsed() >= 1400); // 0.5 s alive + 1 s silence
}

void TestFailureHandling::heartbeatsKeepAnAgentAlive()
{
    test::AgentJournal journal;
    Orchestrator o;
    AgentProfile p = test::ProfileBuilder::scripted(u"p"_s);
    p.idleTimeoutS = 1;
    o.setBackends(test::ScriptedBackend::registry(&journal));
    o.setProfiles({p});
    const QString id = o.spawn(test::GoalBuilder(u"g"_s).description(u"heartbeat 1800"_s));
    QVERIFY(o.waitAll(10000));
    QCOMPARE(o.status(id)->state, AgentState::Completed);
}

void TestFailureHandling::deadlineOfRunningGoal()
{
    test::AgentJournal journal;
    Orchestrator o;
    o.setBackends(test::ScriptedBackend::registry(&journal));
    o.setProfiles({test::ProfileBuilder::scripted(u"p"_s).retries(3, {0.2})});
    Goal g = test::GoalBuilder(u"g"_s).description(u"hang"_s);
    g.deadline = QDateTime::currentDateTimeUtc().addMSecs(500);
    QSignalSpy retries(&o, &Orchestrator::agentRetryScheduled);
    const QString id = o.spawn(g);
    QVERIFY(o.waitAll(10000));
    QCOMPARE(o.status(id)->state, AgentState::Failed);
    QCOMPARE(o.status(id)->errorKind, u"deadline"_s);
    QVERIFY(o.status(id)->error.startsWith(u"deadline passed"_s));
    QCOMPARE(retries.size(), 0); // a deadline is not retried
}

void TestFailureHandling::deadlineOfQueuedGoal()
{
    test::AgentJournal journal;
    Orchestrator o;
    o.setBackends(test::ScriptedBackend::registry(&journal));
    o.setProfiles({test::ProfileBuilder::scripted(u"p"_s)});
    o.setMaxParallel(1);
    Goal late = test::GoalBuilder(u"late"_s);
    late.deadline = QDateTime::currentDateTimeUtc().addMSecs(300);
    Goal busy = test::GoalBuilder(u"busy"_s).description(u"sleep 1000"_s);
    busy.priority = Priority::Critical; // runs first, so "late" waits in the queue past its deadline
    const QStringList ids = o.spawnParallel({busy, late, test::GoalBuilder(u"after"_s).dependsOn({u"late"_s})});
    QVERIFY(o.waitAll(10000));
    QCOMPARE(o.status(ids[1])->state, AgentState::Failed);
    QVERIFY(o.status(ids[1])->error.contains(u"before it could finish"_s));
    QCOMPARE(o.status(ids[2])->state, AgentState::Blocked);
    QCOMPARE(journal.starts(), QStringList{u"busy"_s});
}

void TestFailureHandling::expiredDeadlineNeverStarts_data()
{
    QTest::addColumn<bool>("escalate");  // on_deadline: escalate (else fail)
    QTest::addColumn<QString>("answer"); // to the deadline question (escalate)
    QTest::addColumn<bool>("runs");
    QTest::addColumn<QString>("error");
    QTest::newRow("fail") << false << QString() << false << u"before it started"_s;
    QTest::newRow("escalate, stop") << true << u"stop"_s << false << u"stopped by a human"_s;
    QTest::newRow("escalate, keep going") << true << u"continue"_s << true << QString();
}

// A goal whose deadline passed before it could start is failed (or the human is asked first) without ever
// starting: the backend is never called, no attempt is counted, and its dependents are blocked.
void TestFailureHandling::expiredDeadlineNeverStarts()
{
    QFETCH(bool, escalate);
    const DeadlinePolicy policy = escalate ? DeadlinePolicy::Escalate : DeadlinePolicy::Fail;
    QFETCH(QString, answer);
    QFETCH(bool, runs);
    QFETCH(QString, error);
    test::AgentJournal journal;
    Orchestrator o;
    o.setBackends(test::ScriptedBackend::registry(&journal));
    o.setProfiles({test::ProfileBuilder::scripted(u"p"_s).retries(3, {0.1})});
    o.setDeadlinePolicy(policy);
    QList<Escalation> asked;
    connect(&o.inbox(), &EscalationInbox::escalationRaised, this, [&](const Escalation &e) {
        asked << e;
        QCOMPARE(journal.starts(), QStringList()); // held while the human decides
        QVERIFY(o.answer(e.id, answer, QString()));
    });
    const QStringList ids =
        o.spawnParallel({test::GoalBuilder(u"late"_s).deadline(QDateTime::currentDateTimeUtc().addSecs(-60)),
                         test::GoalBuilder(u"after"_s).dependsOn({u"late"_s})});
    QCOMPARE(ids.size(), 2);
    QVERIFY(o.waitAll(10000));
    QCOMPARE(asked.size(), policy == DeadlinePolicy::Escalate ? 1 : 0);
    const AgentStatus late = *o.status(ids[0]);
    if (runs) {
        QCOMPARE(late.state, AgentState::Completed);
        QCOMPARE(journal.starts(), (QStringList{u"late"_s, u"after"_s}));
        return;
    }
    QCOMPARE(journal.starts(), QStringList());
    QCOMPARE(late.state, AgentState::Failed);
    QCOMPARE(late.errorKind, u"deadline"_s);
    QVERIFY2(late.error.contains(error), qPrintable(late.error));
    QCOMPARE(late.attempt, 0);
    QCOMPARE(o.status(ids[1])->state, AgentState::Blocked);
}

void TestFailureHandling::rateLimitPausesOneProfile()
{
    test::AgentJournal journal;
    Orchestrator o;
    o.setBackends(test::ScriptedBackend::registry(&journal));
    o.setProfiles({test::ProfileBuilder::scripted(u"limited"_s), test::ProfileBuilder::scripted(u"free"_s)});
    o.setMaxParallel(4);
    QSignalSpy limited(&o, &Orchestrator::profileRateLimited);
    const QStringList ids =
        o.spawnParallel({test::GoalBuilder(u"l1"_s).description(u"ratelimit 1\nsleep 100"_s).profile(u"limited"_s),
                         test::GoalBuilder(u"f1"_s).description(u"sleep 300"_s).profile(u"free"_s)});
    QVERIFY(limited.wait(5000));
    QCOMPARE(limited.first().first().toString(), u"limited"_s);
    QCOMPARE(o.progress().rateLimitedProfiles, QStringList{u"limited"_s});
    // While paused, new goals of that profile wait; the other profile keeps running.
    QElapsedTimer t;
    t.start();
    const QStringList more = o.spawnParallel(
        {test::GoalBuilder(u"l2"_s).profile(u"limited"_s), test::GoalBuilder(u"f2"_s).profile(u"free"_s)});
    QTRY_COMPARE(o.status(more[1])->state, AgentState::Completed);
    QCOMPARE(o.status(more[0])->state, AgentState::Queued);
    QVERIFY(o.status(more[0])->rateLimitedUntil.isValid());
    QVERIFY(o.waitAll(10000));
    QCOMPARE(o.status(more[0])->state, AgentState::Completed);
    QVERIFY(t.elapsed() >= 600); // l2 waited for the reset
    QVERIFY(o.progress().rateLimitedProfiles.isEmpty());
}

// A server's "retry after 3000 s" pauses the profile for the documented maximum, and a human ends the pause
// at once from the CLI's stdin ("resume-profile NAME"), after which the waiting goal runs.
void TestFailureHandling::rateLimitResumeNowFromStdin()
{
    test::AgentJournal journal;
    Orchestrator o;
    o.setBackends(test::ScriptedBackend::registry(&journal));
    o.setProfiles({test::ProfileBuilder::scripted(u"api"_s)});
    QSignalSpy limited(&o, &Orchestrator::profileRateLimited);
    const QString first = o.spawn(test::GoalBuilder(u"first"_s).description(u"ratelimit 3000"_s).profile(u"api"_s));
    QVERIFY(limited.wait(5000));
    const QDateTime until = limited.first().at(1).toDateTime();
    const qint64 pauseS = QDateTime::currentDateTimeUtc().secsTo(until);
    QVERIFY2(pauseS > RateLimitPause::MaxS - 60 && pauseS <= RateLimitPause::MaxS, qPrintable(QString::number(pauseS)));
    QVERIFY(o.agentLog(first).join(u'\n').contains(u"longer than the maximum of 600 s"_s));
    QTRY_COMPARE(o.status(first)->state, AgentState::Completed);
    const QString second = o.spawn(test::GoalBuilder(u"second"_s).profile(u"api"_s));
    QTest::qWait(300); // a span in which the paused profile must not start it
    QCOMPARE(o.status(second)->state, AgentState::Queued);
    QVERIFY(o.status(second)->rateLimitedUntil.isValid());

    QCOMPARE(StdinAnswerReader::applyLine(o, u"resume-profile nope"_s),
             u"profile 'nope' is not rate limited (these are: api)"_s);
    QCOMPARE(StdinAnswerReader::applyLine(o, u"resume-profile api"_s), QString());
    QVERIFY(o.progress().rateLimitedProfiles.isEmpty());
    QVERIFY(o.waitAll(10000));
    QCOMPARE(o.status(second)->state, AgentState::Completed);
    QVERIFY(!o.status(second)->rateLimitedUntil.isValid());
    QVERIFY(o.agentLog(second).join(u'\n').contains(u"ended early: resumed by a human"_s));
    QCOMPARE(journal.starts(), (QStringList{u"first"_s, u"second"_s}));
    // Nothing is paused any more: the command says so (JSON form too).
    QCOMPARE(StdinAnswerReader::applyLine(o, uR"({"type":"resume_profile","profile":"api"})"_s),
             u"profile 'api' is not rate limited (none is)"_s);
    QCOMPARE(StdinAnswerReader::applyLine(o, u"resume-profile"_s), u"no profile is rate limited"_s);
}

void TestFailureHandling::loopDetection()
{
    test::AgentJournal journal;
    Orchestrator o;
    o.setBackends(test::ScriptedBackend::registry(&journal));
    o.setProfiles({test::ProfileBuilder::scripted(u"p"_s).retries(3, {0.2})});
    const QString id = o.spawn(test::GoalBuilder(u"g"_s).description(u"iterate A\niterate B\niterate B\nsleep 2000"_s));
    QVERIFY(o.waitAll(5000));
    QCOMPARE(o.status(id)->state, AgentState::Failed);
    QCOMPARE(o.status(id)->errorKind, u"loop"_s);
    QCOMPARE(o.status(id)->error, u"loop detected: iteration 3 repeated the previous output"_s);
    QCOMPARE(o.status(id)->attempt, 1);
}

void TestFailureHandling::qualityMonitorRules()
{
    QualityMonitor cycle;
    QVERIFY(!cycle.addIteration(u"a"_s));
    QVERIFY(!cycle.addIteration(u"b"_s));
    QVERIFY(!cycle.addIteration(u"c"_s));
    QVERIFY(!cycle.addIteration(u"a"_s));
    QVERIFY(!cycle.addIteration(u"b"_s));
    const auto why = cycle.addIteration(u"c"_s);
    QVERIFY(why);
    QCOMPARE(*why, u"loop detected: the last 3 iterations repeat the 3 before them"_s);

    QualityPolicy policy;
    policy.maxIterations = 3;
    QualityMonitor capped(policy);
    QVERIFY(!capped.addIteration(u"1"_s));
    QVERIFY(!capped.addIteration(u"2"_s));
    QCOMPARE(capped.addIteration(u"3"_s).value_or(QString()), u"reached max_iterations (3)"_s);

    policy = {};
    policy.minImprovement = 0.05;
    policy.maxIterationsWithoutImprovement = 2;
    QualityMonitor scores(policy);
    QVERIFY(!scores.addScore(0.5));
    QVERIFY(!scores.addScore(0.6));  // improved by 0.1
    QVERIFY(!scores.addScore(0.62)); // +0.02 does not count
    QVERIFY(scores.addScore(0.64));  // second iteration without improvement
    QCOMPARE(*scores.bestScore(), 0.6);
}

void TestFailureHandling::noImprovementStops()
{
    test::AgentJournal journal;
    Orchestrator o;
    AgentProfile p = test::ProfileBuilder::scripted(u"p"_s);
    p.quality.maxIterationsWithoutImprovement = 2;
    o.setBackends(test::ScriptedBackend::registry(&journal));
    o.setProfiles({p});
    const QString id = o.spawn(test::GoalBuilder(u"g"_s).description(u"score 0.5\nscore 0.5\nscore 0.5\nsleep 2000"_s));
    QVERIFY(o.waitAll(5000));
    QCOMPARE(o.status(id)->state, AgentState::Failed);
    QCOMPARE(o.status(id)->errorKind, u"no_improvement"_s);
    QVERIFY(o.status(id)->error.startsWith(u"no improvement for 2 iterations"_s));
}

void TestFailureHandling::budgetAddsUpAcrossRetries()
{
    test::AgentJournal journal;
    Orchestrator o;
    o.setBackends(test::ScriptedBackend::registry(&journal));
    o.setProfiles({test::ProfileBuilder::scripted(u"p"_s).retries(5, {0.1})});
    Goal g = test::GoalBuilder(u"g"_s).description(u"usage 1000 0 0.001\nsleep 200\nfail-until 9"_s);
    g.budget.maxTokens = 1500;
    const QString id = o.spawn(g);
    QVERIFY(o.waitAll(10000));
    const AgentStatus s = *o.status(id);
    QCOMPARE(s.state, AgentState::Failed);
    QCOMPARE(s.errorKind, u"budget"_s);
    QCOMPARE(s.error, u"budget exceeded: 2000 tokens > budget 1500"_s);
    QCOMPARE(s.attempt, 2);
    QCOMPARE(s.inputTokens, 2000);
    QVERIFY(qAbs(s.costUsd - 0.002) < 1e-9);
}

void TestFailureHandling::runBudget()
{
    test::AgentJournal journal;
    Orchestrator o;
    o.setBackends(test::ScriptedBackend::registry(&journal));
    o.setProfiles({test::ProfileBuilder::scripted(u"p"_s)});
    o.setMaxParallel(2);
    Budget budget;
    budget.maxCostUsd = 0.0015;
    o.setRunBudget(budget);
    QSignalSpy exceeded(&o, &Orchestrator::runBudgetExceeded);
    const QStringList ids =
        o.spawnParallel({test::GoalBuilder(u"a"_s).description(u"usage 10 0 0.001\nsleep 300"_s),
                         test::GoalBuilder(u"b"_s).description(u"sleep 50\nusage 10 0 0.001\nsleep 300"_s),
                         test::GoalBuilder(u"c"_s).description(u"usage 10 0 0.001"_s)});
    QVERIFY(o.waitAll(10000));
    QCOMPARE(exceeded.size(), 1);
    QVERIFY(exceeded.first().first().toString().startsWith(u"run budget exceeded: $0.0020 > budget $0.0015"_s));
    for (const QString &id : ids)
        QCOMPARE(o.status(id)->state, AgentState::Failed);
    QCOMPARE(journal.starts().size(), 2); // c never started
}

void TestFailureHandling::modeOrder_data()
{
    QTest::addColumn<int>("mode");
    QTest::addColumn<int>("maxParallel");
    QTest::addColumn<QStringList>("expected");
    // Goals: a (slow, phase 1), b (fast, phase 1), c depends on b (phase 2), d (critical, phase 1).
    QTest::newRow("dependency") << int(Scheduler::Mode::Dependency) << 4 << QStringList{u"d"_s, u"a"_s, u"b"_s, u"c"_s};
    QTest::newRow("phased") << int(Scheduler::Mode::Phased) << 4 << QStringList{u"d"_s, u"a"_s, u"b"_s, u"c"_s};
    QTest::newRow("sequential") << int(Scheduler::Mode::Sequential) << 4 << QStringList{u"a"_s, u"b"_s, u"c"_s, u"d"_s};
    QTest::newRow("parallel") << int(Scheduler::Mode::Parallel) << 4 << QStringList{u"d"_s, u"a"_s, u"b"_s, u"c"_s};
}

void TestFailureHandling::modeOrder()
{
    QFETCH(int, mode);
    QFETCH(int, maxParallel);
    QFETCH(QStringList, expected);
    test::AgentJournal journal;
    Orchestrator o;
    o.setBackends(test::ScriptedBackend::registry(&journal));
    o.setProfiles({test::ProfileBuilder::scripted(u"p"_s)});
    o.setMaxParallel(maxParallel);
    o.setMode(Scheduler::Mode(mode));
    QSignalSpy started(&o, &Orchestrator::agentStarted);
    Goal d = test::GoalBuilder(u"d"_s).description(u"sleep 50"_s);
    d.priority = Priority::Critical;
    o.spawnParallel({test::GoalBuilder(u"a"_s).description(u"sleep 600"_s),
                     test::GoalBuilder(u"b"_s).description(u"sleep 50"_s),
                     test::GoalBuilder(u"c"_s).description(u"sleep 50"_s).dependsOn({u"b"_s}), d});
    QVERIFY(o.waitAll(10000));
    const QStringList events = journal.events();
    QStringList dispatched; // in dispatch order (the journal sees simultaneous starts in any order)
    for (const QList<QVariant> &args : std::as_const(started))
        dispatched << o.status(args.first().toString())->goalId;
    QCOMPARE(dispatched, expected);
    const qsizetype cStart = events.indexOf(u"start:c:1"_s);
    const qsizetype aEnd = events.indexOf(u"end:a"_s);
    const qsizetype bEnd = events.indexOf(u"end:b"_s);
    switch (Scheduler::Mode(mode)) {
    case Scheduler::Mode::Dependency:
        QVERIFY(bEnd < cStart && cStart < aEnd); // c needs only b
        break;
    case Scheduler::Mode::Phased:
        QVERIFY(aEnd < cStart); // phase 2 waits for all of phase 1
        break;
    case Scheduler::Mode::Sequential:
        for (int i = 0; i + 1 < events.size(); i += 2) // strictly one at a time
            QCOMPARE(events.at(i).section(u':', 1, 1), events.at(i + 1).section(u':', 1, 1));
        break;
    case Scheduler::Mode::Parallel:
        QVERIFY(cStart < bEnd); // dependencies ignored
        break;
    case Scheduler::Mode::Pipeline:
        break;
    }
}

void TestFailureHandling::pipelineHandoff()
{
    test::AgentJournal journal;
    Orchestrator o;
    o.setBackends(test::ScriptedBackend::registry(&journal));
    o.setProfiles({test::ProfileBuilder::scripted(u"p"_s)});
    o.setMode(Scheduler::Mode::Pipeline);
    o.spawnParallel({test::GoalBuilder(u"producer"_s).description(u"sleep 100\nhandoff first-batch\nsleep 800"_s),
                     test::GoalBuilder(u"consumer"_s).description(u"sleep 50"_s).dependsOn({u"producer"_s})});
    QVERIFY(o.waitAll(10000));
    const QStringList events = journal.events();
    QVERIFY2(events.indexOf(u"start:consumer:1"_s) < events.indexOf(u"end:producer"_s), qPrintable(events.join(u' ')));
    const QJsonObject inputs = journal.inputsOf(u"consumer"_s);
    QCOMPARE(inputs.value(u"producer"_s).toObject().value(u"output"_s).toString(), u"first-batch"_s);
}

void TestFailureHandling::dependencyOutputsArePassedOn()
{
    test::AgentJournal journal;
    Orchestrator o;
    o.setBackends(test::ScriptedBackend::registry(&journal));
    o.setProfiles({test::ProfileBuilder::scripted(u"p"_s)});
    o.spawnParallel({test::GoalBuilder(u"a"_s).description(u"summary summary of a"_s), test::GoalBuilder(u"b"_s),
                     test::GoalBuilder(u"c"_s).dependsOn({u"a"_s, u"b"_s})});
    QVERIFY(o.waitAll(10000));
    const QJsonObject inputs = journal.inputsOf(u"c"_s);
    QCOMPARE(inputs.keys(), (QStringList{u"a"_s, u"b"_s}));
    QCOMPARE(inputs.value(u"a"_s).toObject().value(u"summary"_s).toString(), u"summary of a"_s);
    QCOMPARE(inputs.value(u"b"_s).toObject().value(u"state"_s).toString(), u"Completed"_s);
    QVERIFY(journal.inputsOf(u"a"_s).isEmpty());
}

QTEST_GUILESS_MAIN(TestFailureHandling)
#include "tst_failurehandling.moc"
