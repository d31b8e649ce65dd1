// Orchestrator: the facade's signals, cancellation, cleanup, live caps and pause, driven through
// the real pool with the demo backend and with a controllable in-test backend.
#include "agents/AgentContext.h"
#include "agents/BackendRegistry.h"
#include "orchestration/Orchestrator.h"
#include "support/GoalBuilder.h"
#include "support/ProfileBuilder.h"

#include <QEventLoop>
#include <QSignalSpy>
#include <QTest>
#include <QTimer>

#include <atomic>
#include <mutex>

using namespace switchboard;
using namespace Qt::StringLiterals;

namespace {

// Counts how many run at once and lets the test decide when they finish.
struct Probe
{
    std::atomic<int> running{0};
    std::atomic<int> maxRunning{0};
    std::atomic<int> runs{0};
    std::atomic<bool> release{false};
    std::mutex mutex;
    QHash<QString, int> runsPerGoal;
};

class ProbeBackend final : public AgentBackend
{
public:
    explicit ProbeBackend(Probe *probe, const AgentProfile &profile)
        : m_probe(probe)
        , m_profile(profile)
    {}

    AgentResult run(AgentContext &context) override
    {
        const int now = ++m_probe->running;
        int seen = m_probe->maxRunning.load();
        while (now > seen && !m_probe->maxRunning.compare_exchange_weak(seen, now)) {
        }
        ++m_probe->runs;
        {
            const std::lock_guard lock(m_probe->mutex);
            ++m_probe->runsPerGoal[context.goal().id];
        }
        const bool hold = m_profile.settings.value(u"hold"_s).toBool();
        while (hold && !m_probe->release.load() && !context.isCancelled())
            context.sleepFor(std::chrono::milliseconds(2));
        for (int p = 10; p <= 90; p += 40)
            context.setProgress(p, QStringLiteral("step %1").arg(p));
        --m_probe->running;
        if (context.isCancelled())
            return AgentResult::cancelled();
        if (context.goal().title.startsWith(u"fail"_s))
            return AgentResult::failed(u"asked to fail"_s);
        return AgentResult::completed(u"done "_s + context.goal().id);
    }

private:
    Probe *m_probe;
    AgentProfile m_profile;
};

// Waits in its executor's queue as a pending Slurm job would (the channel's queueChanged), then runs briefly.
class QueuedBackend final : public AgentBackend
{
public:
    AgentResult run(AgentContext &context) override
    {
        context.setExternallyQueued(true);
        context.setStep(u"pending in Slurm: Resources"_s);
        if (!context.sleepFor(std::chrono::milliseconds(2500)))
            return AgentResult::cancelled();
        context.setExternallyQueued(false);
        context.setStep(u"running on node1"_s);
        if (!context.sleepFor(std::chrono::milliseconds(300)))
            return AgentResult::cancelled();
        return AgentResult::completed(u"ran"_s);
    }
};

void useProbe(Orchestrator &o, Probe *probe)
{
    BackendRegistry registry = BackendRegistry::withBuiltins();
    registry.add(u"probe"_s, [probe](const AgentProfile &p) { return std::make_unique<ProbeBackend>(probe, p); });
    o.setBackends(std::move(registry));
}

} // namespace

class TestOrchestrator final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void lifecycleSignals();
    void failureBlocksDependents();
    void spawnRejectsInvalidBatchWhole();
    void spawnWithoutTitleGetsDefault();
    void cancelQueuedIsImmediate();
    void cancelRunningDemoIsPrompt();
    void cancelAll();
    void cleanupRemovesFinishedOnly();
    void liveMaxParallel();
    void pauseAndResume();
    void perProfileCap();
    void thousandGoalsThroughThePool();
    void handlerWithItsOwnEventLoopStillDispatches();
    void queueTimeIsNotRunTime();
    void lookAheadNeverExceedsTheCap();
    void lookAheadGoalCancelledBeforeItRuns();
    void lookAheadGoalsQueuedDeepAreCancelledOrRunInOrder();
    void lookAheadGoalWithdrawnOnPause();
    void updatesAreBatched();
    void summaryCounts();
};

void TestOrchestrator::lifecycleSignals()
{
    Orchestrator o;
    o.setProfiles({test::ProfileBuilder::demo(u"demo"_s, 150)});
    o.setMaxParallel(2);
    QSignalSpy spawned(&o, &Orchestrator::agentSpawned);
    QSignalSpy started(&o, &Orchestrator::agentStarted);
    QSignalSpy progress(&o, &Orchestrator::agentProgress);
    QSignalSpy completed(&o, &Orchestrator::agentCompleted);
    QSignalSpy failed(&o, &Orchestrator::agentFailed);

    QString error;
    const QString id = o.spawn(test::GoalBuilder::titled(u"write docs"_s), &error);
    QVERIFY2(!id.isEmpty(), qPrintable(error));
    QCOMPARE(id, u"a-1"_s);
    QCOMPARE(spawned.size(), 1);
    QCOMPARE(spawned.first().first().toString(), id);
    QCOMPARE(o.status(id)->goalId, u"g-1"_s); // generated goal id
    QVERIFY(completed.wait(5000));
    QCOMPARE(started.size(), 1);
    QVERIFY(progress.size() >= 1);
    QCOMPARE(completed.first().first().toString(), id);
    QVERIFY(completed.first().at(1).toString().contains(u"demo"_s));
    QCOMPARE(failed.size(), 0);
    const AgentStatus s = *o.status(id);
    QCOMPARE(s.state, AgentState::Completed);
    QCOMPARE(s.progress, 100);
    QCOMPARE(s.attempt, 1);
    QCOMPARE(s.profile, u"demo"_s);
    QVERIFY(s.startedAt.isValid() && s.completedAt.isValid());
    QVERIFY(s.tokens() > 0);
    QVERIFY(!o.agentLog(id).isEmpty());
    QVERIFY(o.agentLog(id).first().contains(u"demo agent"_s));
}

void TestOrchestrator::failureBlocksDependents()
{
    Probe probe;
    Orchestrator o;
    useProbe(o, &probe);
    o.setProfiles({test::ProfileBuilder(u"p"_s, u"probe"_s).setting(u"hold"_s, false)});
    QSignalSpy failed(&o, &Orchestrator::agentFailed);
    QSignalSpy blocked(&o, &Orchestrator::agentBlocked);
    const QStringList ids = o.spawnParallel({test::GoalBuilder(u"a"_s).title(u"fail please"_s),
                                             test::GoalBuilder(u"b"_s).dependsOn({u"a"_s}),
                                             test::GoalBuilder(u"c"_s).dependsOn({u"b"_s}), test::GoalBuilder(u"d"_s)});
    QCOMPARE(ids.size(), 4);
    QVERIFY(o.waitAll(5000));
    QCOMPARE(failed.size(), 1);
    QCOMPARE(failed.first().at(1).toString(), u"asked to fail"_s);
    QCOMPARE(blocked.size(), 2);
    QCOMPARE(o.status(ids[1])->state, AgentState::Blocked);
    QCOMPARE(o.status(ids[1])->error, u"dependency 'a' failed"_s);
    QCOMPARE(o.status(ids[2])->error, u"dependency 'b' is blocked"_s);
    QCOMPARE(o.status(ids[3])->state, AgentState::Completed);
    QCOMPARE(probe.runs.load(), 2); // blocked goals never ran
}

void TestOrchestrator::spawnRejectsInvalidBatchWhole()
{
    Orchestrator o;
    o.setProfiles({test::ProfileBuilder::demo(u"demo"_s, 10)});
    QSignalSpy spawned(&o, &Orchestrator::agentSpawned);
    QString error;
    const QStringList ids = o.spawnParallel({test::GoalBuilder(u"x"_s), test::GoalBuilder(u"y"_s).dependsOn({u"z"_s}),
                                             test::GoalBuilder(u"z"_s).dependsOn({u"y"_s})},
                                            &error);
    QVERIFY(ids.isEmpty());
    QCOMPARE(error, u"cycle: y -> z -> y"_s);
    QCOMPARE(spawned.size(), 0);
    QVERIFY(o.agents().isEmpty());
    QCOMPARE(o.validate({test::GoalBuilder(u"q"_s).dependsOn({u"nope"_s})}),
             QStringList{u"goal 'q': unknown dependency 'nope'"_s});
}

// Goals from the CLI or a script may come without a title: the board still has something to show.
void TestOrchestrator::spawnWithoutTitleGetsDefault()
{
    Orchestrator o;
    o.setProfiles({test::ProfileBuilder::demo(u"demo"_s, 60000)});
    Goal described;
    described.description = u"\nFix the build\nIt fails on arm64."_s;
    Goal bare;
    bare.id = u"bare"_s;
    const QStringList ids = o.spawnParallel({described, bare});
    QCOMPARE(ids.size(), 2);
    QCOMPARE(o.status(ids.at(0))->goalTitle, u"Fix the build"_s);
    QCOMPARE(o.status(ids.at(1))->goalTitle, u"bare"_s);
    o.cancelAll();
}

void TestOrchestrator::cancelQueuedIsImmediate()
{
    Probe probe;
    Orchestrator o;
    useProbe(o, &probe);
    o.setProfiles({test::ProfileBuilder(u"p"_s, u"probe"_s).setting(u"hold"_s, true)});
    o.setMaxParallel(1);
    const QStringList ids = o.spawnParallel(
        {test::GoalBuilder(u"a"_s), test::GoalBuilder(u"b"_s), test::GoalBuilder(u"c"_s).dependsOn({u"b"_s})});
    QCOMPARE(o.status(ids[1])->state, AgentState::Queued);
    QSignalSpy cancelled(&o, &Orchestrator::agentCancelled);
    QVERIFY(o.cancel(ids[1]));
    QCOMPARE(cancelled.size(), 1); // synchronously: it never ran
    QCOMPARE(o.status(ids[1])->state, AgentState::Cancelled);
    QCOMPARE(o.status(ids[2])->state, AgentState::Blocked);
    QCOMPARE(o.status(ids[2])->error, u"dependency 'b' was cancelled"_s);
    QVERIFY(!o.cancel(ids[1])); // already final
    probe.release = true;
    QVERIFY(o.waitAll(5000));
    QCOMPARE(probe.runs.load(), 1);
}

void TestOrchestrator::cancelRunningDemoIsPrompt()
{
    Orchestrator o;
    o.setProfiles({test::ProfileBuilder::demo(u"demo"_s, 60000)});
    QSignalSpy started(&o, &Orchestrator::agentStarted);
    QSignalSpy cancelled(&o, &Orchestrator::agentCancelled);
    const QString id = o.spawn(test::GoalBuilder(u"long"_s));
    QVERIFY(started.size() == 1 || started.wait(2000));
    QTRY_VERIFY(o.status(id)->progress >= 0);
    QElapsedTimer timer;
    timer.start();
    QVERIFY(o.cancel(id));
    QVERIFY(cancelled.wait(2000));
    const qint64 took = timer.elapsed();
    QVERIFY2(took < 1000, qPrintable(QStringLiteral("cancel took %1 ms").arg(took)));
    QCOMPARE(o.status(id)->state, AgentState::Cancelled);
    QVERIFY(o.isIdle());
}

void TestOrchestrator::cancelAll()
{
    Probe probe;
    Orchestrator o;
    useProbe(o, &probe);
    o.setProfiles({test::ProfileBuilder(u"p"_s, u"probe"_s).setting(u"hold"_s, true)});
    o.setMaxParallel(3);
    QList<Goal> goals;
    for (int i = 0; i < 10; ++i)
        goals << test::GoalBuilder(QStringLiteral("g%1").arg(i));
    o.spawnParallel(goals);
    QTRY_COMPARE(probe.running.load(), 3);
    QSignalSpy cancelled(&o, &Orchestrator::agentCancelled);
    QCOMPARE(o.cancelAll(), 10);
    QVERIFY(o.waitAll(5000));
    QCOMPARE(cancelled.size(), 10);
    QCOMPARE(o.progress().cancelled, 10);
    QCOMPARE(probe.runs.load(), 3); // the queued ones never started
}

void TestOrchestrator::cleanupRemovesFinishedOnly()
{
    Probe probe;
    Orchestrator o;
    useProbe(o, &probe);
    o.setProfiles({test::ProfileBuilder(u"fast"_s, u"probe"_s).setting(u"hold"_s, false),
                   test::ProfileBuilder(u"held"_s, u"probe"_s).setting(u"hold"_s, true)});
    o.setMaxParallel(4);
    Goal slow = test::GoalBuilder(u"slow"_s);
    slow.profile = u"held"_s;
    Goal f1 = test::GoalBuilder(u"f1"_s);
    f1.profile = u"fast"_s;
    Goal f2 = test::GoalBuilder(u"f2"_s).title(u"fail this"_s);
    f2.profile = u"fast"_s;
    const QStringList ids = o.spawnParallel({slow, f1, f2});
    QTRY_COMPARE(o.progress().completed + o.progress().failed, 2);
    QSignalSpy aboutToRemove(&o, &Orchestrator::agentsAboutToBeRemoved);
    QSignalSpy removed(&o, &Orchestrator::agentsRemoved);
    QCOMPARE(o.cleanup(), 2);
    QCOMPARE(aboutToRemove.size(), 1);
    QCOMPARE(removed.size(), 1);
    QCOMPARE(o.agentIds(), QStringList{ids[0]});
    QVERIFY(!o.status(ids[1]));
    QCOMPARE(o.cleanup(), 0);
    probe.release = true;
    QVERIFY(o.waitAll(5000));
    QCOMPARE(o.cleanup(), 1);
    QVERIFY(o.agents().isEmpty());
}

void TestOrchestrator::liveMaxParallel()
{
    Probe probe;
    Orchestrator o;
    useProbe(o, &probe);
    o.setProfiles({test::ProfileBuilder(u"p"_s, u"probe"_s).setting(u"hold"_s, true)});
    o.setMaxParallel(2);
    QList<Goal> goals;
    for (int i = 0; i < 12; ++i)
        goals << test::GoalBuilder(QStringLiteral("g%1").arg(i));
    o.spawnParallel(goals);
    QTRY_COMPARE(probe.running.load(), 2);
    QCOMPARE(o.progress().poolBusy, 2);
    QCOMPARE(o.progress().poolAvailable, 0);
    QSignalSpy changed(&o, &Orchestrator::maxParallelChanged);
    o.setMaxParallel(6);
    QCOMPARE(changed.size(), 1);
    QTRY_COMPARE(probe.running.load(), 6);
    QTest::qWait(50); // a span in which no seventh may start
    QCOMPARE(probe.running.load(), 6);
    probe.release = true;
    QVERIFY(o.waitAll(5000));
    QCOMPARE(probe.maxRunning.load(), 6);
    QCOMPARE(o.maxParallelReached(), 6);
}

void TestOrchestrator::pauseAndResume()
{
    Probe probe;
    Orchestrator o;
    useProbe(o, &probe);
    o.setProfiles({test::ProfileBuilder(u"p"_s, u"probe"_s).setting(u"hold"_s, false)});
    QSignalSpy paused(&o, &Orchestrator::dispatchPausedChanged);
    o.pauseDispatch();
    QVERIFY(o.isDispatchPaused());
    const QStringList ids = o.spawnParallel({test::GoalBuilder(u"a"_s), test::GoalBuilder(u"b"_s)});
    QVERIFY(!o.waitAll(150)); // nothing runs while paused
    QCOMPARE(probe.runs.load(), 0);
    QCOMPARE(o.progress().pending, 2);
    o.resumeDispatch();
    QVERIFY(o.waitAll(5000));
    QCOMPARE(probe.runs.load(), 2);
    QCOMPARE(paused.size(), 2);
    QCOMPARE(paused.at(0).first().toBool(), true);
    QCOMPARE(paused.at(1).first().toBool(), false);
}

void TestOrchestrator::perProfileCap()
{
    Probe probe;
    Orchestrator o;
    useProbe(o, &probe);
    o.setProfiles({test::ProfileBuilder(u"p"_s, u"probe"_s).setting(u"hold"_s, true).maxConcurrent(2)});
    o.setMaxParallel(8);
    QList<Goal> goals;
    for (int i = 0; i < 6; ++i)
        goals << test::GoalBuilder(QStringLiteral("g%1").arg(i));
    o.spawnParallel(goals);
    QTRY_COMPARE(probe.running.load(), 2);
    QTest::qWait(50); // a span in which no third may start
    QCOMPARE(probe.running.load(), 2);
    probe.release = true;
    QVERIFY(o.waitAll(5000));
    QCOMPARE(probe.maxRunning.load(), 2);
}

void TestOrchestrator::thousandGoalsThroughThePool()
{
    Probe probe;
    Orchestrator o;
    useProbe(o, &probe);
    o.setProfiles({test::ProfileBuilder(u"p"_s, u"probe"_s).setting(u"hold"_s, false)});
    o.setMaxParallel(8);
    QSignalSpy completed(&o, &Orchestrator::agentCompleted);
    QList<Goal> goals;
    for (int i = 0; i < 1000; ++i)
        goals << test::GoalBuilder(QStringLiteral("g%1").arg(i))
                     .dependsOn(i >= 10 ? QStringList{QStringLiteral("g%1").arg(i % 10)} : QStringList{});
    QCOMPARE(o.spawnParallel(goals).size(), 1000);
    QVERIFY(o.waitAll(60000));
    QCOMPARE(completed.size(), 1000);
    QCOMPARE(probe.runs.load(), 1000);
    for (auto it = probe.runsPerGoal.cbegin(); it != probe.runsPerGoal.cend(); ++it)
        QCOMPARE(it.value(), 1);
    QVERIFY(probe.maxRunning.load() <= 8);
    QVERIFY(o.maxParallelReached() <= 8);
    QCOMPARE(o.progress().completed, 1000);
    QCOMPARE(o.progress().poolBusy, 0);
}

void TestOrchestrator::handlerWithItsOwnEventLoopStillDispatches()
{
    // A slot on agentCompleted that spawns and then waits in an event loop of its own (as a modal dialog would)
    // runs while the orchestrator handles a batch of agent news, whose dispatch waits for the batch's end: the
    // new goal must still start and finish inside that loop.
    Probe probe;
    Orchestrator o;
    useProbe(o, &probe);
    o.setProfiles({test::ProfileBuilder(u"p"_s, u"probe"_s).setting(u"hold"_s, false)});
    o.setMaxParallel(2);
    QString second;
    bool secondDoneInsideLoop = false;
    connect(&o, &Orchestrator::agentCompleted, this, [&](const QString &) {
        if (!second.isEmpty())
            return;
        QString error;
        second = o.spawn(test::GoalBuilder(u"second"_s), &error);
        QVERIFY2(!second.isEmpty(), qPrintable(error));
        QEventLoop loop;
        connect(&o, &Orchestrator::agentCompleted, &loop, [&](const QString &id) {
            if (id == second)
                loop.quit();
        });
        QTimer::singleShot(20000, &loop, &QEventLoop::quit);
        loop.exec();
        secondDoneInsideLoop = o.status(second) && o.status(second)->state == AgentState::Completed;
    });
    QVERIFY(!o.spawn(test::GoalBuilder(u"first"_s)).isEmpty());
    QTRY_VERIFY_WITH_TIMEOUT(!second.isEmpty(), 10000);
    QTRY_VERIFY_WITH_TIMEOUT(secondDoneInsideLoop, 30000);
    QVERIFY(o.waitAll(10000));
    QCOMPARE(probe.runs.load(), 2);
}

void TestOrchestrator::updatesAreBatched()
{
    Orchestrator o;
    o.setUpdateInterval(100);
    o.setProfiles({test::ProfileBuilder::demo(u"demo"_s, 600)});
    o.setMaxParallel(20);
    QSignalSpy updates(&o, &Orchestrator::agentsUpdated);
    QSignalSpy progress(&o, &Orchestrator::agentProgress);
    QList<Goal> goals;
    for (int i = 0; i < 20; ++i)
        goals << test::GoalBuilder(QStringLiteral("g%1").arg(i));
    o.spawnParallel(goals);
    QVERIFY(o.waitAll(10000));
    QSet<QString> seen;
    for (const QList<QVariant> &args : std::as_const(updates)) {
        for (const QString &id : args.first().toStringList())
            seen.insert(id);
    }
    QCOMPARE(seen.size(), 20);
    // ~20 agents x 7 progress reports would be 100+ signals unbatched; at 100 ms ticks over ~0.6 s far fewer.
    QVERIFY2(updates.size() < progress.size(),
             qPrintable(QStringLiteral("%1 batches for %2 progress signals").arg(updates.size()).arg(progress.size())));
    QVERIFY(updates.size() <= 20);
}

void TestOrchestrator::summaryCounts()
{
    Probe probe;
    Orchestrator o;
    useProbe(o, &probe);
    o.setProfiles({test::ProfileBuilder(u"p"_s, u"probe"_s).setting(u"hold"_s, false)});
    o.setMaxParallel(2);
    o.spawnParallel({test::GoalBuilder(u"a"_s), test::GoalBuilder(u"b"_s).title(u"fail"_s),
                     test::GoalBuilder(u"c"_s).dependsOn({u"b"_s}), test::GoalBuilder(u"d"_s).dependsOn({u"a"_s})});
    QVERIFY(o.waitAll(5000));
    const RunSummary s = o.summary();
    QCOMPARE(s.total, 4);
    QCOMPARE(s.completed, 2);
    QCOMPARE(s.failed, 1);
    QCOMPARE(s.blocked, 1);
    QCOMPARE(s.phases, 2);
    QVERIFY(!s.allCompleted());
    QVERIFY(s.maxParallelReached >= 1 && s.maxParallelReached <= 2);
}

namespace {
// Runs enough instant goals that the orchestrator sees its goals are short and starts handing the pool
// more than max_parallel (look-ahead), then holds the single slot with a goal of the "slow" profile.
// Returns the held agent; the quick goal spawned after it waits in the pool's queue behind it.
QString holdTheSlotAfterShortGoals(Orchestrator &o, Probe &probe)
{
    useProbe(o, &probe);
    o.setProfiles({test::ProfileBuilder(u"quick"_s, u"probe"_s).setting(u"hold"_s, false),
                   test::ProfileBuilder(u"slow"_s, u"probe"_s).setting(u"hold"_s, true)});
    o.setMaxParallel(1);
    QList<Goal> warmUp;
    for (int i = 0; i < 40; ++i) {
        Goal g = test::GoalBuilder(QStringLiteral("w%1").arg(i));
        g.profile = u"quick"_s;
        warmUp << g;
    }
    o.spawnParallel(warmUp);
    if (!o.waitAll(10000))
        return {};
    Goal held = test::GoalBuilder(u"held"_s);
    held.profile = u"slow"_s;
    const QString id = o.spawn(held);
    if (!QTest::qWaitFor([&probe] { return probe.running.load() == 1; }, 5000))
        return {};
    return id;
}
} // namespace

void TestOrchestrator::lookAheadNeverExceedsTheCap()
{
    // Short goals are handed to the pool ahead of free slots; what really runs at once stays at the cap.
    Probe probe;
    Orchestrator o;
    useProbe(o, &probe);
    o.setProfiles({test::ProfileBuilder(u"p"_s, u"probe"_s).setting(u"hold"_s, false)});
    o.setMaxParallel(2);
    int busiest = 0;
    connect(&o, &Orchestrator::agentCompleted, this, [&] { busiest = qMax(busiest, o.progress().poolBusy); });
    QList<Goal> goals;
    for (int i = 0; i < 2000; ++i)
        goals << test::GoalBuilder(QStringLiteral("g%1").arg(i));
    QCOMPARE(o.spawnParallel(goals).size(), 2000);
    QVERIFY(o.waitAll(60000));
    QCOMPARE(probe.runs.load(), 2000);
    for (auto it = probe.runsPerGoal.cbegin(); it != probe.runsPerGoal.cend(); ++it)
        QCOMPARE(it.value(), 1);
    QVERIFY(probe.maxRunning.load() <= 2);
    QVERIFY(o.maxParallelReached() >= 1 && o.maxParallelReached() <= 2);
    QVERIFY(busiest <= 2);
    QCOMPARE(o.progress().completed, 2000);
}

void TestOrchestrator::lookAheadGoalCancelledBeforeItRuns()
{
    Probe probe;
    Orchestrator o;
    const QString held = holdTheSlotAfterShortGoals(o, probe);
    QVERIFY(!held.isEmpty());
    Goal next = test::GoalBuilder(u"next"_s);
    next.profile = u"quick"_s;
    const QString waiting = o.spawn(next);
    // A span: dispatch hands "next" to the pool ahead of a free slot (nothing shows that), and it must not start.
    QTest::qWait(50);
    QCOMPARE(o.status(waiting)->state, AgentState::Queued); // the slot is taken
    QCOMPARE(o.progress().poolBusy, 1);
    QVERIFY(o.cancel(waiting));
    QCOMPARE(o.status(waiting)->state, AgentState::Cancelled); // at once, like any queued agent
    probe.release = true;
    QVERIFY(o.waitAll(5000));
    QCOMPARE(o.status(held)->state, AgentState::Completed);
    QCOMPARE(o.status(waiting)->state, AgentState::Cancelled);
    QCOMPARE(o.status(waiting)->attempt, 0);
    QCOMPARE(probe.runsPerGoal.value(u"next"_s), 0); // it never reached the backend
}

void TestOrchestrator::lookAheadGoalsQueuedDeepAreCancelledOrRunInOrder()
{
    // The look-ahead queues several goals behind a held slot (up to 4 x max_parallel): every one of them can still
    // be cancelled before it runs, and the others run once each, one at a time, in their order.
    Probe probe;
    Orchestrator o;
    const QString held = holdTheSlotAfterShortGoals(o, probe);
    QVERIFY(!held.isEmpty());
    QList<Goal> next;
    for (int i = 0; i < 8; ++i) {
        Goal g = test::GoalBuilder(QStringLiteral("n%1").arg(i));
        g.profile = u"quick"_s;
        next << g;
    }
    QStringList order;
    connect(&o, &Orchestrator::agentStarted, this, [&](const QString &id) { order << id; });
    const QStringList ids = o.spawnParallel(next);
    QCOMPARE(ids.size(), 8);
    QTest::qWait(50); // dispatch hands some of them to the workers ahead of a free slot
    for (const QString &id : ids)
        QCOMPARE(o.status(id)->state, AgentState::Queued);
    QCOMPARE(o.progress().poolBusy, 1);
    for (int i = 0; i < 8; i += 2)
        QVERIFY(o.cancel(ids[i]));
    probe.release = true;
    QVERIFY(o.waitAll(10000));
    QCOMPARE(o.status(held)->state, AgentState::Completed);
    QStringList ran;
    for (int i = 0; i < 8; ++i) {
        const QString goalId = QStringLiteral("n%1").arg(i);
        if (i % 2 == 0) {
            QCOMPARE(o.status(ids[i])->state, AgentState::Cancelled);
            QCOMPARE(probe.runsPerGoal.value(goalId), 0);
        } else {
            QCOMPARE(o.status(ids[i])->state, AgentState::Completed);
            QCOMPARE(probe.runsPerGoal.value(goalId), 1);
            ran << ids[i];
        }
    }
    QCOMPARE(order, ran);
    QVERIFY(probe.maxRunning.load() <= 1);
    QVERIFY(o.maxParallelReached() <= 1);
}

void TestOrchestrator::lookAheadGoalWithdrawnOnPause()
{
    Probe probe;
    Orchestrator o;
    const QString held = holdTheSlotAfterShortGoals(o, probe);
    QVERIFY(!held.isEmpty());
    Goal next = test::GoalBuilder(u"next"_s);
    next.profile = u"quick"_s;
    const QString waiting = o.spawn(next);
    QTest::qWait(50); // dispatch hands "next" to the pool ahead of a free slot; nothing shows when it has
    o.pauseDispatch();
    probe.release = true; // the slot frees up while dispatch is paused
    QTRY_COMPARE(o.status(held)->state, AgentState::Completed);
    QTest::qWait(100);                                      // a span in which nothing may start
    QCOMPARE(o.status(waiting)->state, AgentState::Queued); // nothing new starts while paused
    QCOMPARE(probe.runsPerGoal.value(u"next"_s), 0);
    o.resumeDispatch();
    QVERIFY(o.waitAll(5000));
    QCOMPARE(o.status(waiting)->state, AgentState::Completed);
    QCOMPARE(probe.runsPerGoal.value(u"next"_s), 1);
}

QTEST_GUILESS_MAIN(TestOrchestrator)
void TestOrchestrator::queueTimeIsNotRunTime()
{
    // 2.5 s in the executor's queue and a 1 s timeout_s: the timeout counts the run only, so the attempt completes;
    // the status tells the queue time apart from the run time (the card's clock).
    Orchestrator o;
    BackendRegistry registry = BackendRegistry::withBuiltins();
    registry.add(u"queued"_s, [](const AgentProfile &) { return std::make_unique<QueuedBackend>(); });
    o.setBackends(std::move(registry));
    AgentProfile profile = test::ProfileBuilder(u"q"_s, u"queued"_s);
    profile.timeoutS = 1;
    o.setProfiles({profile});
    const QString id = o.spawn(test::GoalBuilder(u"g"_s).profile(u"q"_s));
    QTRY_VERIFY_WITH_TIMEOUT(o.status(id)->queuedSince.isValid(), 10000);
    QVERIFY(o.status(id)->runMs() < 500); // only the moment before it entered the queue
    QVERIFY(o.waitAll(20000));
    const AgentStatus s = *o.status(id);
    QVERIFY2(s.state == AgentState::Completed, qPrintable(s.error));
    QVERIFY(!s.queuedSince.isValid());
    QVERIFY2(s.queueMs() >= 2400, qPrintable(QString::number(s.queueMs())));
    QCOMPARE(s.runMs(), s.elapsedMs() - s.queueMs());
    QVERIFY2(s.runMs() < s.elapsedMs(), qPrintable(u"%1 of %2"_s.arg(s.runMs()).arg(s.elapsedMs())));
}

#include "tst_orchestrator.moc"
