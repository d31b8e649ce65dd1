// The orchestrator's rooms that hold logic of their own, tested without the facade: the agent table's
// indexes and state counts, the event queue's order and wake-ups under many posting threads, and the update
// publisher's batching.
#include "orchestration/AgentEventQueue.h"
#include "orchestration/AgentRecord.h"
#include "orchestration/AgentTable.h"
#include "orchestration/UpdatePublisher.h"

#include <QAtomicInt>
#include <QSignalSpy>
#include <QTest>
#include <QThread>

#include <memory>
#include <vector>

using namespace switchboard;

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

} // namespace

class TestOrchestrationRooms : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void tableIndexesByAgentAndGoal();
    void tableCountsStates();
    void tableRemoveKeepsOrderAndCounts();
    void eventQueueKeepsOrderAndWakesOncePerBurst();
    void eventQueueFromManyThreads();
    void publisherBatchesAndForgets();
};

void TestOrchestrationRooms::tableIndexesByAgentAndGoal()
{
    AgentTable table;
    QVERIFY(table.isEmpty());
    AgentRecord &a = table.add(makeRecord(QStringLiteral("a-1"), QStringLiteral("g1")));
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
    AgentRecord &a = table.add(makeRecord(QStringLiteral("a-1"), QStringLiteral("g1")));
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
    QCOMPARE(table.count(AgentState::Completed), 1);
    QCOMPARE(table.count(AgentState::Queued), 2);
    QVERIFY(!table.recordForGoal(QStringLiteral("g1")));
    QVERIFY(!table.record(QStringLiteral("a-3")));
    QVERIFY(table.recordForGoal(QStringLiteral("g5")));
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

void TestOrchestrationRooms::publisherBatchesAndForgets()
{
    QList<QStringList> batches;
    QStringList flushed;
    UpdatePublisher publisher([&flushed](AgentRecord &r) { flushed << r.status.agentId; },
                              [&batches](const QStringList &ids) { batches << ids; });
    publisher.setInterval(20);
    AgentTable table;
    AgentRecord &a = table.add(makeRecord(QStringLiteral("a-1"), QStringLiteral("g1")));
    AgentRecord &b = table.add(makeRecord(QStringLiteral("a-2"), QStringLiteral("g2")));
    AgentRecord &c = table.add(makeRecord(QStringLiteral("a-3"), QStringLiteral("g3")));
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

QTEST_GUILESS_MAIN(TestOrchestrationRooms)
#include "tst_orchestrationrooms.moc"
