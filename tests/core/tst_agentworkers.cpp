// The agents' workers on their own: at most `cap` tasks at once, a task that gives its slot back lets another
// run, clear() drops what is queued, a raised cap starts more at once, and idle workers end with their owner.
#include "orchestration/AgentWorkers.h"

#include <QAtomicInt>
#include <QRunnable>
#include <QSemaphore>
#include <QTest>

#include <functional>
#include <memory>

using namespace switchboard;

namespace {

constexpr int kGateMs = 10000;

// Counts what runs at once; each task may block on a gate until the test opens it.
struct Probe
{
    QAtomicInt running;
    QAtomicInt maxRunning;
    QAtomicInt runs;
    QAtomicInt deleted;
    QAtomicInt gateTimeouts; // a gate the test never opened (QVERIFY is for the test's thread only)
    QSemaphore gate;
    QSemaphore started;

    void enter()
    {
        const int now = running.fetchAndAddOrdered(1) + 1;
        int seen = maxRunning.loadAcquire();
        while (now > seen && !maxRunning.testAndSetOrdered(seen, now))
            seen = maxRunning.loadAcquire();
        runs.fetchAndAddOrdered(1);
        started.release();
    }
    void leave() { running.fetchAndAddOrdered(-1); }
};

class Task final : public QRunnable
{
public:
    Task(Probe &probe, bool gated, std::function<void()> body = {})
        : m_probe(probe)
        , m_gated(gated)
        , m_body(std::move(body))
    {
        setAutoDelete(true);
    }
    ~Task() override { m_probe.deleted.fetchAndAddOrdered(1); }
    void run() override
    {
        m_probe.enter();
        if (m_body)
            m_body();
        if (m_gated && !m_probe.gate.tryAcquire(1, kGateMs))
            m_probe.gateTimeouts.fetchAndAddOrdered(1);
        m_probe.leave();
    }

private:
    Probe &m_probe;
    const bool m_gated;
    const std::function<void()> m_body;
};

} // namespace

class TestAgentWorkers final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void runsEveryTaskOnceWithinTheCap()
    {
        Probe probe;
        AgentWorkers workers(QStringLiteral("test-workers"));
        workers.setCap(3);
        std::vector<QRunnable *> tasks;
        for (int i = 0; i < 10; ++i)
            tasks.push_back(new Task(probe, true));
        workers.submit(tasks);
        QVERIFY(probe.started.tryAcquire(3, kGateMs));
        // Three hold their slots: the other seven stay queued however long the gate stays shut.
        QCOMPARE(probe.runs.loadAcquire(), 3);
        probe.gate.release(10);
        workers.waitForDone();
        QCOMPARE(probe.runs.loadAcquire(), 10);
        QCOMPARE(probe.maxRunning.loadAcquire(), 3);
        QCOMPARE(probe.deleted.loadAcquire(), 10);
        QCOMPARE(probe.gateTimeouts.loadAcquire(), 0);
        QVERIFY(workers.threadCount() <= 3);
    }

    void manySmallTasksNeverExceedTheCap()
    {
        Probe probe;
        AgentWorkers workers(QStringLiteral("test-workers"));
        workers.setCap(4);
        for (int round = 0; round < 50; ++round) {
            std::vector<QRunnable *> tasks;
            for (int i = 0; i < 40; ++i)
                tasks.push_back(new Task(probe, false));
            workers.submit(tasks);
            workers.submit(new Task(probe, false));
        }
        workers.waitForDone();
        QCOMPARE(probe.runs.loadAcquire(), 50 * 41);
        QVERIFY(probe.maxRunning.loadAcquire() <= 4);
        QCOMPARE(probe.deleted.loadAcquire(), 50 * 41);
    }

    void aReleasedSlotLetsAnotherRun()
    {
        // Cap 1: the first task waits for the second one, which can only run on the slot the first gave back.
        Probe probe;
        AgentWorkers workers(QStringLiteral("test-workers"));
        workers.setCap(1);
        QSemaphore secondRan;
        bool firstSawSecond = false;
        workers.submit(new Task(probe, false, [&] {
            workers.releaseSlot();
            firstSawSecond = secondRan.tryAcquire(1, kGateMs);
            workers.reserveSlot();
        }));
        workers.submit(new Task(probe, false, [&] { secondRan.release(); }));
        workers.waitForDone();
        QVERIFY(firstSawSecond);
        QCOMPARE(probe.runs.loadAcquire(), 2);
    }

    void clearDropsQueuedTasks()
    {
        Probe probe;
        AgentWorkers workers(QStringLiteral("test-workers"));
        workers.setCap(1);
        workers.submit({new Task(probe, true), new Task(probe, true), new Task(probe, true)});
        QVERIFY(probe.started.tryAcquire(1, kGateMs));
        workers.clear();
        QCOMPARE(probe.deleted.loadAcquire(), 2); // the two that never got a slot
        probe.gate.release(3);
        workers.waitForDone();
        QCOMPARE(probe.runs.loadAcquire(), 1);
        QCOMPARE(probe.deleted.loadAcquire(), 3);
    }

    void aRaisedCapStartsTheQueued()
    {
        Probe probe;
        AgentWorkers workers(QStringLiteral("test-workers"));
        workers.setCap(1);
        workers.submit({new Task(probe, true), new Task(probe, true), new Task(probe, true)});
        QVERIFY(probe.started.tryAcquire(1, kGateMs));
        QCOMPARE(workers.cap(), 1);
        workers.setCap(3);
        QVERIFY(probe.started.tryAcquire(2, kGateMs)); // the other two run beside the first
        QCOMPARE(probe.running.loadAcquire(), 3);
        probe.gate.release(3);
        workers.waitForDone();
        QCOMPARE(probe.maxRunning.loadAcquire(), 3);
    }

    void idleWorkersEndWithTheirOwner()
    {
        Probe probe;
        auto workers = std::make_unique<AgentWorkers>(QStringLiteral("test-workers"));
        workers->setCap(8);
        std::vector<QRunnable *> tasks;
        for (int i = 0; i < 8; ++i)
            tasks.push_back(new Task(probe, true));
        workers->submit(tasks);
        QVERIFY(probe.started.tryAcquire(8, kGateMs));
        QCOMPARE(workers->threadCount(), 8);
        probe.gate.release(8);
        workers->waitForDone();
        workers.reset(); // joins the eight sleeping workers; a thread left behind would crash the process at exit
        QCOMPARE(probe.runs.loadAcquire(), 8);
    }
};

QTEST_GUILESS_MAIN(TestAgentWorkers)
#include "tst_agentworkers.moc"
