// The orchestrator's rooms that hold logic of their own, tested without the facade: the agent table's
// indexes and state counts, the event queue's order and wake-ups under many posting threads, the update
// publisher's batching, and the watchdog's rate limits and budgets against a fake RunHooks.
#include "coordination/EscalationInbox.h"
#include "coordination/LockManager.h"
#include "orchestration/AgentEventQueue.h"
#include "orchestration/AgentLog.h"
#include "orchestration/AgentRecord.h"
#include "orchestration/AgentTable.h"
#include "orchestration/AttemptContext.h"
#include "orchestration/AttemptLifecycle.h"
#include "orchestration/Orchestrator.h"
#include "orchestration/RunHooks.h"
#include "orchestration/Scheduler.h"
#include "orchestration/UpdatePublisher.h"
#include "orchestration/Watchdog.h"
#include "persistence/StoreSnapshot.h"
#include "support/GoalBuilder.h"
#include "support/ProfileBuilder.h"
#include "support/ScriptedBackend.h"

#include <QAtomicInt>
#include <QSemaphore>
#include <QSignalSpy>
#include <QTest>
#include <QThread>

#include <memory>
#include <vector>

using namespace switchboard;
using namespace Qt::StringLiterals;

namespace {

std::unique_ptr<AgentRecord> makeRecord(const QString &agentId, const QString &goalId,
                                        AgentState state = AgentState::Queued)
{
    auto record = std::make_unique<AgentRecord>();
    record->status.agentId = agentId;
    record->status.goalId = goalId;
    record->status.state = state;
    record->goal.id = goalId;
    return record;
}

// Records what the rooms ask of the facade; the clock is set by the test.
class FakeHooks final : public RunHooks
{
public:
    explicit FakeHooks(AgentTable &table)
        : m_table(table)
    {}

    qint64 now = 0;
    int dispatches = 0;
    QStringList dirty;
    QStringList failed; // "agent: error (kind)"
    QStringList rateLimited;
    QStringList budgetReasons;

    qint64 nowMs() const override { return now; }
    void dispatch() override { ++dispatches; }
    void checkIdle() override {}
    void setState(AgentRecord &record, AgentState state) override { m_table.setState(record, state); }
    void markDirty(AgentRecord &record) override { dirty << record.status.agentId; }
    void watch(AgentRecord &) override {}
    void ensureWatchdog() override {}
    void settlePooled(AgentRecord &) override {}
    void withdrawPooled() override {}
    void beginAttempt(AgentRecord &, qint64, const QDateTime &) override {}
    void failPending(AgentRecord &record, const QString &error, const QString &kind) override
    {
        failed << QStringLiteral("%1: %2 (%3)").arg(record.status.agentId, error, kind);
    }
    void applyBlocked(const QList<Scheduler::BlockedGoal> &) override {}
    bool isRunBudgetHit() const override { return false; }
    void notifySpawned(const QString &) override {}
    void notifyStarted(const QString &) override {}
    void notifyProgress(const QString &, int, const QString &) override {}
    void notifyCompleted(const QString &, const QString &) override {}
    void notifyFailed(const QString &, const QString &) override {}
    void notifyCancelled(const QString &) override {}
    void notifyBlocked(const QString &, const QString &) override {}
    void notifyRetryScheduled(const QString &, int, qint64, const QString &) override {}
    void notifyProfileRateLimited(const QString &profile, const QDateTime &) override { rateLimited << profile; }
    void notifyRunBudgetExceeded(const QString &reason) override { budgetReasons << reason; }

private:
    AgentTable &m_table;
};

// A record of `profile` with a log (the watchdog writes to it), optionally with a running attempt.
AgentRecord &addAgent(AgentTable &table, const QString &agentId, const QString &profile, AgentState state,
                      bool running = false)
{
    auto record = makeRecord(agentId, u"g-"_s + agentId, state);
    record->status.profile = profile;
    record->goal.profile = profile;
    record->log = std::make_shared<AgentLog>();
    if (running) {
        AgentProfile p;
        p.name = profile;
        record->context =
            std::make_shared<AttemptContext>(agentId, record->goal, p, 1, QStringLiteral("/tmp"), record->log, nullptr);
    }
    return *table.add(std::move(record));
}

} // namespace

class TestOrchestrationRooms : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void tableIndexesByAgentAndGoal();
    void tableCountsStates();
    void tableRemoveKeepsOrderAndCounts();
    void tableRefusesADuplicateId();
    void tableFindsEveryIdShape();
    void eventQueueKeepsOrderAndWakesOncePerBurst();
    void eventQueueFromManyThreads();
    void eventQueueQuietEventsRideWithTheNextWake();
    void publisherBatchesAndForgets();
    void publisherSkipsBatchesNobodyWants();
    void orchestratorPublishesOnlyToListeners();
    void watchdogRateLimitPausesTheProfileUntilItRunsOut();
    void watchdogRunBudgetStopsRunningAndFailsQueued();
    void lifecycleGoalStates();
    void slicedRestoreMatchesRestore();
};

void TestOrchestrationRooms::tableIndexesByAgentAndGoal()
{
    AgentTable table;
    QVERIFY(table.isEmpty());
    AgentRecord &a = *table.add(makeRecord(QStringLiteral("a-1"), QStringLiteral("g1")));
    table.add(makeRecord(QStringLiteral("a-2"), QStringLiteral("g2")));
    QCOMPARE(table.size(), 2);
    QCOMPARE(table.record(QStringLiteral("a-1")), &a);
    QCOMPARE(table.recordForGoal(QStringLiteral("g1")), &a);
    QVERIFY(table.containsGoal(QStringLiteral("g2")));
    QVERIFY(!table.record(QStringLiteral("a-3")));
    QVERIFY(!table.recordForGoal(QStringLiteral("g3")));
    QCOMPARE(table.order(), (QStringList{QStringLiteral("a-1"), QStringLiteral("a-2")}));
    QStringList visited;
    table.forEach([&visited](const AgentRecord &r) { visited << r.status.goalId; });
    QCOMPARE(visited, (QStringList{QStringLiteral("g1"), QStringLiteral("g2")}));
}

void TestOrchestrationRooms::tableCountsStates()
{
    AgentTable table;
    AgentRecord &a = *table.add(makeRecord(QStringLiteral("a-1"), QStringLiteral("g1")));
    table.add(makeRecord(QStringLiteral("a-2"), QStringLiteral("g2"), AgentState::Interrupted));
    table.add(makeRecord(QStringLiteral("a-3"), QStringLiteral("g3"), AgentState::Completed));
    QCOMPARE(table.count(AgentState::Queued), 1);
    QCOMPARE(table.unfinishedCount(), 2); // queued + interrupted; completed is over

    QVERIFY(table.setState(a, AgentState::Running));
    QVERIFY(!table.setState(a, AgentState::Running)); // no change, no count change
    QCOMPARE(table.count(AgentState::Queued), 0);
    QCOMPARE(table.count(AgentState::Running), 1);
    QCOMPARE(a.status.state, AgentState::Running);

    QVERIFY(table.setState(a, AgentState::Failed));
    QCOMPARE(table.count(AgentState::Running), 0);
    QCOMPARE(table.count(AgentState::Failed), 1);
    QCOMPARE(table.unfinishedCount(), 1);
}

void TestOrchestrationRooms::tableRemoveKeepsOrderAndCounts()
{
    AgentTable table;
    for (int i = 1; i <= 5; ++i)
        table.add(makeRecord(QStringLiteral("a-%1").arg(i), QStringLiteral("g%1").arg(i),
                             i % 2 ? AgentState::Completed : AgentState::Queued));
    QCOMPARE(table.count(AgentState::Completed), 3);
    QCOMPARE(table.remove({QStringLiteral("a-1"), QStringLiteral("a-3"), QStringLiteral("nope")}), 2);
    QCOMPARE(table.order(), (QStringList{QStringLiteral("a-2"), QStringLiteral("a-4"), QStringLiteral("a-5")}));
    QStringList visited; // the walk follows the order after a removal too
    table.forEach([&visited](const AgentRecord &r) { visited << r.status.agentId; });
    QCOMPARE(visited, table.order());
    QCOMPARE(table.count(AgentState::Completed), 1);
    QCOMPARE(table.count(AgentState::Queued), 2);
    QVERIFY(!table.recordForGoal(QStringLiteral("g1")));
    QVERIFY(!table.record(QStringLiteral("a-3")));
    QVERIFY(table.recordForGoal(QStringLiteral("g5")));
}

void TestOrchestrationRooms::tableRefusesADuplicateId()
{
    // A second record with an agent id or a goal id the table has must change nothing: it was once freed while
    // the order and the goal index still pointed to it (a use after free on the next walk, counts off by one).
    AgentTable table;
    table.add(makeRecord(QStringLiteral("a-1"), QStringLiteral("g1")));
    table.add(makeRecord(QStringLiteral("a-1"), QStringLiteral("g2"), AgentState::Running));   // same agent id
    table.add(makeRecord(QStringLiteral("a-2"), QStringLiteral("g1"), AgentState::Completed)); // same goal id
    QCOMPARE(table.size(), 1);
    QCOMPARE(table.order(), QStringList{QStringLiteral("a-1")});
    QCOMPARE(table.count(AgentState::Queued), 1);
    QCOMPARE(table.count(AgentState::Running), 0);
    QCOMPARE(table.count(AgentState::Completed), 0);
    QVERIFY(!table.containsGoal(QStringLiteral("g2")));
    QVERIFY(!table.record(QStringLiteral("a-2")));
    const AgentRecord *first = table.record(QStringLiteral("a-1"));
    QVERIFY(first);
    QCOMPARE(first->goal.id, QStringLiteral("g1"));
    QCOMPARE(table.recordForGoal(QStringLiteral("g1")), first);
    QStringList visited;
    table.forEach([&visited](const AgentRecord &r) { visited << r.status.agentId + u':' + r.goal.id; });
    QCOMPARE(visited, QStringList{QStringLiteral("a-1:g1")});

    // Refused, and said so; the table goes on working (remove, add again).
    QVERIFY(!table.add(makeRecord(QStringLiteral("a-1"), QStringLiteral("g3"))));
    QVERIFY(table.add(makeRecord(QStringLiteral("a-3"), QStringLiteral("g3"))));
    QCOMPARE(table.remove({QStringLiteral("a-1")}), 1);
    QCOMPARE(table.order(), QStringList{QStringLiteral("a-3")});
    QVERIFY(!table.recordForGoal(QStringLiteral("g1")));
    QVERIFY(table.add(makeRecord(QStringLiteral("a-1"), QStringLiteral("g1"))));
    QCOMPARE(table.size(), 2);
    QCOMPARE(table.count(AgentState::Queued), 2);
}

void TestOrchestrationRooms::tableFindsEveryIdShape()
{
    // "a-N" ids are found by number, anything else by hash: every shape is found, told apart, removed and added back.
    AgentTable table;
    const QStringList ids{u"a-7"_s, u"a-8"_s,         u"a-07"_s, u"agent"_s, u"a-"_s, u"a-x1"_s,
                          u"a-3"_s, u"a-900000000"_s, u"a-10"_s, u"b-11"_s,  u"a-9"_s};
    for (const QString &id : ids)
        QVERIFY2(table.add(makeRecord(id, u"g:"_s + id)), qPrintable(id));
    QCOMPARE(table.size(), ids.size());
    QCOMPARE(table.order(), ids);
    for (const QString &id : ids) {
        const AgentRecord *r = table.record(id);
        QVERIFY2(r, qPrintable(id));
        QCOMPARE(r->status.agentId, id);
        QCOMPARE(table.recordForGoal(u"g:"_s + id), r);
        QVERIFY2(!table.add(makeRecord(id, u"other:"_s + id)), qPrintable(id)); // each shape refused twice
    }
    for (const QString &missing : {u"a-1"_s, u"a-11"_s, u"a-007"_s, u"a-0"_s, u"b-7"_s, u""_s})
        QVERIFY2(!table.record(missing), qPrintable(missing));
    QCOMPARE(table.count(AgentState::Queued), static_cast<int>(ids.size()));

    QCOMPARE(table.remove({u"a-7"_s, u"a-07"_s, u"agent"_s, u"a-900000000"_s}), 4);
    QVERIFY(!table.record(u"a-7"_s));
    QVERIFY(!table.record(u"a-07"_s));
    QVERIFY(table.record(u"a-8"_s));
    QVERIFY(table.add(makeRecord(u"a-07"_s, u"g:again"_s))); // the slot of 7 is free now
    QCOMPARE(table.record(u"a-07"_s)->goal.id, u"g:again"_s);
    QVERIFY(!table.record(u"a-7"_s));
    QVERIFY(table.add(makeRecord(u"a-7"_s, u"g:seven"_s)));
    QCOMPARE(table.record(u"a-7"_s)->goal.id, u"g:seven"_s);
    QCOMPARE(table.record(u"a-07"_s)->goal.id, u"g:again"_s);
    QStringList unordered;
    table.forEachUnordered([&unordered](const AgentRecord &r) { unordered << r.status.agentId; });
    QCOMPARE(unordered.size(), table.size());

    // Emptied, the table starts over (a lower number than before is found by number again).
    const int left = static_cast<int>(table.size());
    QCOMPARE(table.remove(QSet<QString>(table.order().cbegin(), table.order().cend())), left);
    QVERIFY(table.isEmpty());
    QVERIFY(table.add(makeRecord(u"a-1"_s, u"g1"_s)));
    QVERIFY(table.add(makeRecord(u"a-2"_s, u"g2"_s)));
    QCOMPARE(table.record(u"a-2"_s)->goal.id, u"g2"_s);
    QCOMPARE(table.count(AgentState::Queued), 2);
}

void TestOrchestrationRooms::eventQueueKeepsOrderAndWakesOncePerBurst()
{
    int wakes = 0;
    AgentEventQueue queue([&wakes] { ++wakes; });
    queue.post({AgentEvent::Kind::Started, QStringLiteral("a-1")});
    queue.agentLiveStateChanged(QStringLiteral("a-1"));
    queue.agentWaitChanged(QStringLiteral("a-1"), AgentState::Escalated);
    QCOMPARE(wakes, 1); // one wake-up for the burst

    AgentEvent event;
    bool batchStarted = false;
    QVERIFY(queue.next(&event, &batchStarted));
    QVERIFY(batchStarted);
    QCOMPARE(event.kind, AgentEvent::Kind::Started);
    // Posted while the batch is being handled: after it, in a new batch.
    queue.post(
        {AgentEvent::Kind::Finished, QStringLiteral("a-1"), nullptr, AgentResult::completed(QStringLiteral("ok"))});
    QCOMPARE(wakes, 2);
    QVERIFY(queue.next(&event, &batchStarted));
    QVERIFY(!batchStarted);
    QCOMPARE(event.kind, AgentEvent::Kind::LiveState);
    QVERIFY(queue.next(&event, &batchStarted));
    QCOMPARE(event.kind, AgentEvent::Kind::WaitChanged);
    QCOMPARE(event.waitState, AgentState::Escalated);
    QVERIFY(queue.next(&event, &batchStarted));
    QVERIFY(batchStarted);
    QCOMPARE(event.kind, AgentEvent::Kind::Finished);
    QCOMPARE(event.result.summary, QStringLiteral("ok"));
    QVERIFY(!queue.next(&event, &batchStarted));
}

void TestOrchestrationRooms::eventQueueFromManyThreads()
{
    // 16 threads post 2,000 events each while this thread takes them: every event arrives once, each thread's
    // events in the order it posted them, and the owner is woken at most once per event.
    constexpr int kThreads = 16;
    constexpr int kPerThread = 2000;
    QAtomicInt wakes;
    AgentEventQueue queue([&wakes] { wakes.fetchAndAddRelaxed(1); });
    std::vector<std::unique_ptr<QThread>> threads;
    for (int t = 0; t < kThreads; ++t) {
        threads.emplace_back(QThread::create([&queue, t] {
            for (int i = 0; i < kPerThread; ++i)
                queue.post({AgentEvent::Kind::LiveState, QStringLiteral("a-%1").arg(t), nullptr,
                            AgentResult::completed(QString::number(i))});
        }));
        threads.back()->start();
    }
    std::vector<int> next(kThreads, 0);
    int received = 0;
    AgentEvent event;
    bool batchStarted = false;
    const auto drain = [&] {
        while (queue.next(&event, &batchStarted)) {
            const int t = QStringView(event.agentId).mid(2).toInt();
            QCOMPARE(event.result.summary.toInt(), next[static_cast<size_t>(t)]);
            ++next[static_cast<size_t>(t)];
            ++received;
        }
    };
    bool running = true;
    while (running) {
        drain();
        running = false;
        for (const auto &thread : threads)
            running = running || !thread->isFinished();
    }
    for (const auto &thread : threads)
        QVERIFY(thread->wait(10000));
    drain();
    QCOMPARE(received, kThreads * kPerThread);
    for (int n : next)
        QCOMPARE(n, kPerThread);
    QVERIFY(wakes.loadRelaxed() >= 1);
    QVERIFY(wakes.loadRelaxed() <= received);
}

void TestOrchestrationRooms::eventQueueQuietEventsRideWithTheNextWake()
{
    int wakes = 0;
    AgentEventQueue queue([&wakes] { ++wakes; });
    queue.postQuietly({AgentEvent::Kind::Started, u"a-1"_s});
    QCOMPARE(wakes, 0); // nobody waits for it
    queue.post({AgentEvent::Kind::Finished, u"a-1"_s});
    QCOMPARE(wakes, 1); // the queue was not empty, but nobody had been woken for it
    queue.post({AgentEvent::Kind::Finished, u"a-2"_s});
    QCOMPARE(wakes, 1);
    AgentEvent event;
    bool batchStarted = false;
    QStringList order;
    while (queue.next(&event, &batchStarted))
        order << event.agentId + u':' + QString::number(static_cast<int>(event.kind));
    QCOMPARE(order, (QStringList{u"a-1:0"_s, u"a-1:3"_s, u"a-2:3"_s}));
    queue.postQuietly({AgentEvent::Kind::Started, u"a-3"_s});
    QCOMPARE(wakes, 1);
    QVERIFY(queue.next(&event, &batchStarted)); // taken whenever the owner looks
    QCOMPARE(event.agentId, u"a-3"_s);
    queue.post({AgentEvent::Kind::Finished, u"a-3"_s});
    QCOMPARE(wakes, 2);

    // Many threads, each a quiet event then a loud one, and an owner that only looks when it is woken: every event
    // arrives (none waits for a wake that never comes), in each thread's order.
    constexpr int kThreads = 8;
    constexpr int kPerThread = 1000;
    QSemaphore woken;
    AgentEventQueue shared([&woken] { woken.release(); });
    std::vector<std::unique_ptr<QThread>> threads;
    for (int t = 0; t < kThreads; ++t) {
        threads.emplace_back(QThread::create([&shared, t] {
            for (int i = 0; i < kPerThread; ++i) {
                shared.postQuietly({AgentEvent::Kind::Started, u"a-"_s + QString::number(t), nullptr,
                                    AgentResult::completed(QString::number(2 * i))});
                shared.post({AgentEvent::Kind::Finished, u"a-"_s + QString::number(t), nullptr,
                             AgentResult::completed(QString::number(2 * i + 1))});
            }
        }));
        threads.back()->start();
    }
    std::vector<int> next(kThreads, 0);
    int received = 0;
    while (received < kThreads * kPerThread * 2) {
        QVERIFY2(woken.tryAcquire(1, 10000), "an event waited for a wake-up that never came");
        while (shared.next(&event, &batchStarted)) {
            const auto t = static_cast<size_t>(QStringView(event.agentId).mid(2).toInt());
            QCOMPARE(event.result.summary.toInt(), next[t]);
            QCOMPARE(event.kind, next[t] % 2 ? AgentEvent::Kind::Finished : AgentEvent::Kind::Started);
            ++next[t];
            ++received;
        }
    }
    for (const auto &thread : threads)
        QVERIFY(thread->wait(10000));
    QVERIFY(!shared.next(&event, &batchStarted));
    for (int n : next)
        QCOMPARE(n, 2 * kPerThread);
}

void TestOrchestrationRooms::publisherBatchesAndForgets()
{
    QList<QStringList> batches;
    QStringList flushed;
    UpdatePublisher publisher([&flushed](AgentRecord &r) { flushed << r.status.agentId; },
                              [&batches](const QStringList &ids) { batches << ids; });
    publisher.setInterval(20);
    AgentTable table;
    AgentRecord &a = *table.add(makeRecord(QStringLiteral("a-1"), QStringLiteral("g1")));
    AgentRecord &b = *table.add(makeRecord(QStringLiteral("a-2"), QStringLiteral("g2")));
    AgentRecord &c = *table.add(makeRecord(QStringLiteral("a-3"), QStringLiteral("g3")));
    publisher.markDirty(a);
    publisher.markDirty(b);
    publisher.markDirty(a); // once per batch
    publisher.markDirty(c);
    publisher.forget({QStringLiteral("a-3")}); // about to be removed: never published
    QVERIFY(batches.isEmpty());                // not per change: on the timer
    QTRY_COMPARE(batches.size(), 1);
    QCOMPARE(batches.first(), (QStringList{QStringLiteral("a-1"), QStringLiteral("a-2")}));
    QCOMPARE(flushed, (QStringList{QStringLiteral("a-1"), QStringLiteral("a-2")}));
    QVERIFY(!a.dirty);

    publisher.markDirty(b);
    publisher.publish(); // at once
    QCOMPARE(batches.size(), 2);
    QCOMPARE(batches.last(), QStringList{QStringLiteral("a-2")});
    publisher.publish(); // nothing dirty: no empty batch
    QCOMPARE(batches.size(), 2);
}

void TestOrchestrationRooms::publisherSkipsBatchesNobodyWants()
{
    QList<QStringList> batches;
    QStringList flushed;
    bool wanted = false;
    UpdatePublisher publisher([&flushed](AgentRecord &r) { flushed << r.status.agentId; },
                              [&batches](const QStringList &ids) { batches << ids; }, [&wanted] { return wanted; });
    AgentTable table;
    AgentRecord &a = *table.add(makeRecord(u"a-1"_s, u"g1"_s));
    AgentRecord &b = *table.add(makeRecord(u"a-2"_s, u"g2"_s));
    publisher.markDirty(a);
    publisher.publish();
    QVERIFY(batches.isEmpty()); // nobody to tell: no list built, nothing flushed
    QVERIFY(flushed.isEmpty());
    QVERIFY(!a.dirty); // and it is marked again by its next change
    wanted = true;
    publisher.markDirty(a);
    publisher.markDirty(b);
    publisher.publish();
    QCOMPARE(batches, QList<QStringList>{(QStringList{u"a-1"_s, u"a-2"_s})});
    QCOMPARE(flushed, (QStringList{u"a-1"_s, u"a-2"_s}));
}

void TestOrchestrationRooms::orchestratorPublishesOnlyToListeners()
{
    // Without a store, agentsUpdated() batches are built only while something is connected; a view that connects
    // later gets every change from then on.
    Orchestrator orchestrator;
    orchestrator.setBackends(test::ScriptedBackend::registry());
    orchestrator.setProfiles({test::ProfileBuilder::scripted(u"scripted"_s)});
    orchestrator.setUpdateInterval(0);
    const QString first = orchestrator.spawn(test::GoalBuilder(u"g1"_s).goal());
    QVERIFY(!first.isEmpty());
    QVERIFY(orchestrator.waitAll(30000));
    QSignalSpy updated(&orchestrator, &Orchestrator::agentsUpdated);
    const QString second = orchestrator.spawn(test::GoalBuilder(u"g2"_s).goal());
    QVERIFY(orchestrator.waitAll(30000));
    QStringList published;
    for (const QList<QVariant> &batch : std::as_const(updated))
        published << batch.at(0).toStringList();
    QVERIFY(published.contains(second));
    QVERIFY(!published.contains(first));
    QCOMPARE(orchestrator.status(second)->state, AgentState::Completed);
}

void TestOrchestrationRooms::watchdogRateLimitPausesTheProfileUntilItRunsOut()
{
    AgentTable table;
    FakeHooks hooks(table);
    Scheduler scheduler;
    LockManager locks;
    EscalationInbox inbox;
    QObject context;
    Watchdog watchdog(&context, hooks, table, scheduler, locks, inbox);
    AgentRecord &limited = addAgent(table, u"a-1"_s, u"p"_s, AgentState::Running);
    addAgent(table, u"a-2"_s, u"p"_s, AgentState::Queued);
    addAgent(table, u"a-3"_s, u"p"_s, AgentState::Completed);
    addAgent(table, u"a-4"_s, u"q"_s, AgentState::Queued);

    hooks.now = 1000;
    watchdog.rateLimit(limited, 5);
    QCOMPARE(watchdog.rateLimitedUntilMs(u"p"_s), 6000);
    QCOMPARE(watchdog.rateLimitedUntilMs(u"q"_s), -1);
    QCOMPARE(watchdog.rateLimitedProfiles(), QStringList{u"p"_s});
    QCOMPARE(hooks.rateLimited, QStringList{u"p"_s});
    // Every unfinished agent of the profile shows when it resumes; the finished one and the other profile not.
    QVERIFY(table.record(u"a-1"_s)->status.rateLimitedUntil.isValid());
    QVERIFY(table.record(u"a-2"_s)->status.rateLimitedUntil.isValid());
    QVERIFY(!table.record(u"a-3"_s)->status.rateLimitedUntil.isValid());
    QVERIFY(!table.record(u"a-4"_s)->status.rateLimitedUntil.isValid());
    QVERIFY(limited.log->lines().join(u'\n').contains(u"rate limited: dispatch for profile 'p' paused for 5 s"_s));

    watchdog.rateLimit(limited, 2); // ends sooner than the pause in force: ignored
    QCOMPARE(watchdog.rateLimitedUntilMs(u"p"_s), 6000);
    QCOMPARE(hooks.rateLimited.size(), 1);

    hooks.now = 6000; // run out: the next tick lifts it
    QTRY_COMPARE(watchdog.rateLimitedUntilMs(u"p"_s), -1);
    QVERIFY(watchdog.rateLimitedProfiles().isEmpty());
    QVERIFY(!table.record(u"a-1"_s)->status.rateLimitedUntil.isValid());
    QVERIFY(!table.record(u"a-2"_s)->status.rateLimitedUntil.isValid());
    QVERIFY(hooks.dispatches > 0);
}

void TestOrchestrationRooms::watchdogRunBudgetStopsRunningAndFailsQueued()
{
    AgentTable table;
    FakeHooks hooks(table);
    Scheduler scheduler;
    LockManager locks;
    EscalationInbox inbox;
    QObject context;
    Watchdog watchdog(&context, hooks, table, scheduler, locks, inbox);
    Budget budget;
    budget.maxTokens = 1000;
    watchdog.setRunBudget(budget);
    AgentRecord &first = addAgent(table, u"a-1"_s, u"p"_s, AgentState::Running, true);
    AgentRecord &second = addAgent(table, u"a-2"_s, u"p"_s, AgentState::Running, true);
    addAgent(table, u"a-3"_s, u"p"_s, AgentState::Queued);
    first.status.inputTokens = 400;
    second.status.inputTokens = 500;

    watchdog.checkBudgets(first); // 900 of 1000: nothing happens
    QVERIFY(!watchdog.isRunBudgetHit());
    QVERIFY(!first.context->isCancelled());

    second.status.outputTokens = 200; // 1,100 across the run
    watchdog.checkBudgets(second);
    QVERIFY(watchdog.isRunBudgetHit());
    QCOMPARE(hooks.budgetReasons.size(), 1);
    QVERIFY2(hooks.budgetReasons.first().startsWith(u"run budget exceeded: "_s),
             qPrintable(hooks.budgetReasons.first()));
    QVERIFY(first.context->isCancelled());
    QVERIFY(second.context->isCancelled());
    QCOMPARE(first.context->stopKind(), u"budget"_s);
    QCOMPARE(hooks.failed.size(), 1);
    QVERIFY2(hooks.failed.first().startsWith(u"a-3: run budget exceeded"_s), qPrintable(hooks.failed.first()));
    QVERIFY(hooks.failed.first().endsWith(u"(budget)"_s));

    watchdog.checkBudgets(first); // once hit, not again
    QCOMPARE(hooks.budgetReasons.size(), 1);
}

void TestOrchestrationRooms::lifecycleGoalStates()
{
    QCOMPARE(AttemptLifecycle::goalStateFor(AgentState::Completed), Scheduler::GoalState::Succeeded);
    QCOMPARE(AttemptLifecycle::goalStateFor(AgentState::Failed), Scheduler::GoalState::Failed);
    QCOMPARE(AttemptLifecycle::goalStateFor(AgentState::Cancelled), Scheduler::GoalState::Cancelled);
    QCOMPARE(AttemptLifecycle::goalStateFor(AgentState::Blocked), Scheduler::GoalState::Blocked);
    for (AgentState pending : {AgentState::Queued, AgentState::Running, AgentState::Escalated,
                               AgentState::WaitingForLock, AgentState::Interrupted, AgentState::Paused})
        QCOMPARE(AttemptLifecycle::goalStateFor(pending), Scheduler::GoalState::Pending);
}

namespace {
// A stored run of 1,000 goals: most completed, some failed; some depend on earlier goals and some on goals listed
// after them; the last ten are queued behind a failed goal (blocked once restored).
StoreSnapshot storedRun()
{
    StoreSnapshot snapshot;
    RunRecord run;
    run.id = QStringLiteral("r-1");
    run.name = QStringLiteral("big");
    run.startedAt = QDateTime::currentDateTimeUtc();
    snapshot.runs << run;
    constexpr int kGoals = 1000;
    for (int i = 0; i < kGoals; ++i) {
        GoalRecord g;
        g.runId = run.id;
        g.goal.id = QStringLiteral("g%1").arg(i);
        g.goal.title = QStringLiteral("Goal %1").arg(i);
        if (i % 10 == 5)
            g.goal.dependsOn << QStringLiteral("g%1").arg(i - 1);
        if (i % 50 == 7 && i + 300 < kGoals - 10)
            g.goal.dependsOn << QStringLiteral("g%1").arg(i + 300); // listed after its dependent
        if (i >= kGoals - 10)
            g.goal.dependsOn << QStringLiteral("g%1").arg(97 * 9);
        g.agentId = QStringLiteral("a-%1").arg(i + 1);
        g.createdAt = run.startedAt;
        AgentStatus s;
        s.agentId = g.agentId;
        s.goalId = g.goal.id;
        s.goalTitle = g.goal.title;
        s.name = QStringLiteral("agent-%1").arg(i + 1);
        s.attempt = i >= kGoals - 10 ? 0 : 1;
        s.state = i >= kGoals - 10 ? AgentState::Queued : i % 97 == 0 ? AgentState::Failed : AgentState::Completed;
        s.summary = QStringLiteral("done %1").arg(i);
        snapshot.goals << g;
        snapshot.agents << s;
    }
    return snapshot;
}
} // namespace

void TestOrchestrationRooms::slicedRestoreMatchesRestore()
{
    const StoreSnapshot snapshot = storedRun();
    Orchestrator whole;
    QSignalSpy wholeSpawned(&whole, &Orchestrator::agentSpawned);
    QString error;
    QVERIFY2(whole.restore(snapshot, false, &error), qPrintable(error));

    Orchestrator sliced;
    QSignalSpy slicedSpawned(&sliced, &Orchestrator::agentSpawned);
    QVERIFY2(sliced.beginRestore(snapshot, false, &error), qPrintable(error));
    QVERIFY(sliced.isRestoring());
    QVERIFY(!sliced.beginRestore(snapshot, false, &error)); // one at a time
    int slices = 1;
    while (!sliced.continueRestore(QDeadlineTimer(0))) // expired at once: the smallest slices
        ++slices;
    QVERIFY(!sliced.isRestoring());
    QVERIFY2(slices > 3, qPrintable(QString::number(slices)));

    QCOMPARE(sliced.agentIds(), whole.agentIds());
    QCOMPARE(slicedSpawned.size(), wholeSpawned.size());
    QCOMPARE(sliced.agentIds().size(), snapshot.goals.size());
    int blocked = 0;
    for (const QString &agentId : whole.agentIds()) {
        const AgentStatus a = *whole.status(agentId);
        const AgentStatus b = *sliced.status(agentId);
        QCOMPARE(b.state, a.state);
        QCOMPARE(b.summary, a.summary);
        QCOMPARE(b.maxAttempts, a.maxAttempts);
        blocked += b.state == AgentState::Blocked ? 1 : 0;
    }
    QCOMPARE(blocked, 10); // behind the failed goal, in both
    QCOMPARE(sliced.status(sliced.agentForGoal(QStringLiteral("g7")))->state, AgentState::Completed);
    QVERIFY(sliced.isIdle());
}

QTEST_GUILESS_MAIN(TestOrchestrationRooms)
#include "tst_orchestrationrooms.moc"
