#include "coordination/LockGuard.h"
#include "coordination/LockManager.h"
#include "coordination/LockResource.h"

#include <QElapsedTimer>
#include <QJsonDocument>
#include <QMutex>
#include <QRandomGenerator>
#include <QSignalSpy>
#include <QTest>
#include <QThread>

#include <array>
#include <atomic>
#include <future>
#include <memory>
#include <vector>

using namespace switchboard;
using namespace std::chrono_literals;
using namespace Qt::StringLiterals;

namespace {

using Status = LockManager::Status;

// Runs an acquire() on its own thread so the test thread can watch it wait.
std::future<LockManager::Result> acquireAsync(LockManager &locks, const QString &agentId, const QStringList &resources,
                                              LockManager::WaitOptions options = {})
{
    return std::async(std::launch::async,
                      [&locks, agentId, resources, options] { return locks.acquire(agentId, resources, options); });
}

bool isReady(const std::future<LockManager::Result> &future, std::chrono::milliseconds wait = 0ms)
{
    return future.wait_for(wait) == std::future_status::ready;
}

LockManager::WaitOptions waitFor(std::chrono::milliseconds timeout, const QString &goalId = {})
{
    LockManager::WaitOptions options;
    options.timeout = timeout;
    options.goalId = goalId;
    return options;
}

// A hand-moved monotonic clock.
struct ManualClock
{
    std::shared_ptr<std::atomic<qint64>> now = std::make_shared<std::atomic<qint64>>(1'000'000);
    LockManager::Clock function() const
    {
        return [now = now] { return now->load(); };
    }
    void advance(qint64 ms) const { now->fetch_add(ms); }
};

} // namespace

class TestLockManager : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void normalization_data();
    void normalization();
    void overlaps_data();
    void overlaps();
    void spellingsOfOnePathConflict();
    void invalidResourceIsDenied();
    void tryAcquireNeverWaits();
    void allOrNothing();
    void acquireTimesOut();
    void hierarchicalAndReentrant();
    void reentrantLockCarriesTheHoldersToken();
    void deniedEventsGiveEachResourceItsOwnReason();
    void fifoOrder();
    void largeRequestIsNotStarved();
    void cancelWaitsReturnsPromptly();
    void cancelPredicateReturnsPromptly();
    void deadlockIsRefused();
    void fencingTokensStrictlyIncrease();
    void leaseExpiresUnlessRenewed();
    void leaseExpiresInRealTime();
    void waiterGetsLockWhenLeaseRunsOut();
    void waitingHolderKeepsItsLocks();
    void releaseAllOnAgentEnd();
    void forceRelease();
    void staleReleaseDoesNotFreeNewHolder();
    void guardReleasesOnScopeExit();
    void snapshotShowsHoldersAndWaiters();
    void signalsAndEvents();
    void mutualExclusionUnderContention();
    void holdsChecksHolderAndToken();
    void holdsEndsWithExpiryBeforeTheSweep();
    void holdsEndsWithForceReleaseAndRegrant();
    void holdsUnderContention();
};

void TestLockManager::normalization_data()
{
    QTest::addColumn<QString>("input");
    QTest::addColumn<QString>("workspace");
    QTest::addColumn<QString>("expected"); // empty: rejected
    QTest::addColumn<QString>("errorPart");

    const QString none;
    QTest::newRow("plain") << u"src/a.py"_s << none << u"src/a.py"_s << none;
    QTest::newRow("dot-dot inside") << u"./src/../src/a.py"_s << none << u"src/a.py"_s << none;
    QTest::newRow("leading dot slash") << u"./a.py"_s << none << u"a.py"_s << none;
    QTest::newRow("double slashes and dots") << u"src//b/./c.py"_s << none << u"src/b/c.py"_s << none;
    QTest::newRow("trailing slash") << u"src/"_s << none << u"src"_s << none;
    QTest::newRow("surrounding spaces") << u"  src/a.py \t"_s << none << u"src/a.py"_s << none;
    QTest::newRow("workspace root") << u"./"_s << none << u"."_s << none;
    QTest::newRow("back to root") << u"src/.."_s << none << u"."_s << none;
    QTest::newRow("escapes") << u"../x"_s << none << none << u"escapes the workspace"_s;
    QTest::newRow("escapes later") << u"src/../../x"_s << none << none << u"escapes the workspace"_s;
    QTest::newRow("parent") << u".."_s << none << none << u"escapes the workspace"_s;
    QTest::newRow("absolute") << u"/etc/passwd"_s << none << none << u"absolute path"_s;
    QTest::newRow("absolute in workspace") << u"/work/ws/src/../src/a.py"_s << u"/work/ws"_s << u"src/a.py"_s << none;
    QTest::newRow("absolute workspace itself") << u"/work/ws/"_s << u"/work/ws"_s << u"."_s << none;
    QTest::newRow("absolute sibling") << u"/work/wsx/a"_s << u"/work/ws"_s << none << u"outside the workspace"_s;
    QTest::newRow("named") << u"ui:#submit"_s << none << u"ui:#submit"_s << none;
    QTest::newRow("named verbatim") << u"db:../Schema//x"_s << none << u"db:../Schema//x"_s << none;
    QTest::newRow("named without name") << u"db:"_s << none << none << u"names no resource"_s;
    QTest::newRow("colon inside a path") << u"src/a:b"_s << none << u"src/a:b"_s << none;
    QTest::newRow("empty") << u"   "_s << none << none << u"empty"_s;
}

void TestLockManager::normalization()
{
    QFETCH(QString, input);
    QFETCH(QString, workspace);
    QFETCH(QString, expected);
    QFETCH(QString, errorPart);

    QString error;
    const QString normalized = LockResource::normalize(input, workspace, &error);
    QCOMPARE(normalized, expected);
    if (expected.isEmpty())
        QVERIFY2(error.contains(errorPart), qPrintable(error));
}

void TestLockManager::overlaps_data()
{
    QTest::addColumn<QString>("a");
    QTest::addColumn<QString>("b");
    QTest::addColumn<bool>("overlap");

    QTest::newRow("same") << u"src/a.py"_s << u"src/a.py"_s << true;
    QTest::newRow("directory and file") << u"src"_s << u"src/a.py"_s << true;
    QTest::newRow("file and directory") << u"src/a/b.py"_s << u"src/a"_s << true;
    QTest::newRow("prefix is not a parent") << u"src"_s << u"srcx/a.py"_s << false;
    QTest::newRow("siblings") << u"src/a.py"_s << u"src/b.py"_s << false;
    QTest::newRow("root and path") << u"."_s << u"a/b"_s << true;
    QTest::newRow("root and named") << u"."_s << u"db:schema"_s << false;
    QTest::newRow("named same") << u"db:schema"_s << u"db:schema"_s << true;
    QTest::newRow("named is flat") << u"db:schema"_s << u"db:schema/x"_s << false;
}

void TestLockManager::overlaps()
{
    QFETCH(QString, a);
    QFETCH(QString, b);
    QFETCH(bool, overlap);
    QCOMPARE(LockResource::overlaps(a, b), overlap);
    QCOMPARE(LockResource::overlaps(b, a), overlap);
}

void TestLockManager::spellingsOfOnePathConflict()
{
    LockManager locks;
    const auto first = locks.tryAcquire(u"a1"_s, {u"./src/../src/a.py"_s});
    QVERIFY(first.ok());
    QCOMPARE(first.resources, QStringList{u"src/a.py"_s});
    const auto second = locks.tryAcquire(u"a2"_s, {u"src//a.py"_s});
    QCOMPARE(second.status, Status::Busy);
    QVERIFY2(second.error.contains(u"src/a.py by a1"), qPrintable(second.error));
    QCOMPARE(locks.holder(u"src/./a.py"_s), u"a1"_s);
}

void TestLockManager::invalidResourceIsDenied()
{
    LockManager locks;
    QSignalSpy denied(&locks, &LockManager::lockDenied);
    const auto result = locks.acquire(u"a1"_s, {u"ok.txt"_s, u"../secret"_s}, waitFor(1s));
    QCOMPARE(result.status, Status::Invalid);
    QVERIFY2(result.error.contains(u"escapes the workspace"), qPrintable(result.error));
    QVERIFY(!locks.isHeld(u"ok.txt"_s)); // all or nothing, even for bad names
    QVERIFY(denied.wait(2000));
    QCOMPARE(denied.at(0).at(0).toString(), u"a1"_s);

    QCOMPARE(locks.tryAcquire({}, {u"x"_s}).status, Status::Invalid);
    QCOMPARE(locks.tryAcquire(u"a1"_s, {}).status, Status::Invalid);
}

void TestLockManager::tryAcquireNeverWaits()
{
    LockManager locks;
    QVERIFY(locks.tryAcquire(u"a1"_s, {u"a"_s, u"b"_s}).ok());

    QElapsedTimer timer;
    timer.start();
    const auto busy = locks.tryAcquire(u"a2"_s, {u"b"_s, u"c"_s});
    QVERIFY(timer.elapsed() < 100);
    QCOMPARE(busy.status, Status::Busy);
    QVERIFY(busy.resources.isEmpty());
    QVERIFY(!locks.isHeld(u"c"_s));
    QVERIFY(locks.heldBy(u"a2"_s).isEmpty());

    QVERIFY(locks.tryAcquire(u"a2"_s, {u"c"_s}).ok());
    QCOMPARE(locks.release(u"a1"_s, {u"a"_s, u"b"_s}), 2);
    QVERIFY(locks.tryAcquire(u"a2"_s, {u"b"_s}).ok());
    QCOMPARE(locks.heldBy(u"a2"_s), (QStringList{u"b"_s, u"c"_s}));
}

void TestLockManager::allOrNothing()
{
    LockManager locks;
    QVERIFY(locks.tryAcquire(u"a1"_s, {u"b"_s}).ok());

    auto waiting = acquireAsync(locks, u"a2"_s, {u"c"_s, u"a"_s, u"b"_s}, waitFor(10s));
    QTRY_COMPARE(locks.waitingCount(), 1);
    // While it waits it holds nothing, not even the free resources of its request.
    QVERIFY(!locks.isHeld(u"a"_s));
    QVERIFY(!locks.isHeld(u"c"_s));
    QVERIFY(locks.heldBy(u"a2"_s).isEmpty());
    QVERIFY(!isReady(waiting, 50ms));

    QCOMPARE(locks.release(u"a1"_s, {u"b"_s}), 1);
    QVERIFY(isReady(waiting, 5s));
    const auto result = waiting.get();
    QVERIFY2(result.ok(), qPrintable(result.error));
    QCOMPARE(result.resources, (QStringList{u"a"_s, u"b"_s, u"c"_s}));
    QCOMPARE(locks.heldBy(u"a2"_s), (QStringList{u"a"_s, u"b"_s, u"c"_s}));
}

void TestLockManager::acquireTimesOut()
{
    LockManager locks;
    QVERIFY(locks.tryAcquire(u"a1"_s, {u"x"_s}).ok());

    int begins = 0;
    int ends = 0;
    LockManager::WaitOptions options = waitFor(200ms);
    options.onWaitBegin = [&begins] { ++begins; };
    options.onWaitEnd = [&ends] { ++ends; };

    QElapsedTimer timer;
    timer.start();
    const auto result = locks.acquire(u"a2"_s, {u"y"_s, u"x"_s}, options);
    const qint64 elapsed = timer.elapsed();
    QCOMPARE(result.status, Status::TimedOut);
    QVERIFY2(elapsed >= 190 && elapsed < 3000, qPrintable(QString::number(elapsed)));
    QVERIFY(result.error.contains(u"timed out"));
    QVERIFY(locks.heldBy(u"a2"_s).isEmpty());
    QVERIFY(!locks.isHeld(u"y"_s));
    QCOMPARE(locks.waitingCount(), 0);
    QCOMPARE(begins, 1);
    QCOMPARE(ends, 1);

    // A request granted at once never reports a wait.
    QVERIFY(locks.acquire(u"a2"_s, {u"y"_s}, options).ok());
    QCOMPARE(begins, 1);
    QCOMPARE(ends, 1);
}

void TestLockManager::hierarchicalAndReentrant()
{
    LockManager locks;
    const auto outer = locks.tryAcquire(u"a1"_s, {u"src"_s});
    QVERIFY(outer.ok());

    QCOMPARE(locks.tryAcquire(u"a2"_s, {u"src/b.py"_s}).status, Status::Busy);
    QCOMPARE(locks.tryAcquire(u"a2"_s, {u"."_s}).status, Status::Busy);
    QVERIFY(locks.tryAcquire(u"a2"_s, {u"srcx/b.py"_s}).ok());
    QVERIFY(locks.isHeld(u"src/deep/file.py"_s));
    QCOMPARE(locks.holder(u"src/deep/file.py"_s), u"a1"_s);

    {
        // Asking again for something a held lock covers is granted at once and adds nothing to release.
        const LockGuard inner(locks, u"a1"_s, {u"src/a.py"_s, u"docs/a.md"_s});
        QVERIFY(inner.isLocked());
        QCOMPARE(inner.resources(), QStringList{u"docs/a.md"_s});
        QCOMPARE(inner.result().alreadyHeld, QStringList{u"src/a.py"_s});
        const auto again = locks.tryAcquire(u"a1"_s, {u"src"_s});
        QVERIFY(again.ok());
        QVERIFY(again.resources.isEmpty());
        QCOMPARE(again.token, outer.token); // the held lock's token, never 0
    }
    QVERIFY(!locks.isHeld(u"docs/a.md"_s));
    QCOMPARE(locks.holder(u"src"_s), u"a1"_s); // the inner guard did not free the outer lock
}

void TestLockManager::reentrantLockCarriesTheHoldersToken()
{
    LockManager locks;
    QSignalSpy events(&locks, &LockManager::lockEvent);
    const auto file = locks.tryAcquire(u"a1"_s, {u"notes.txt"_s});
    const auto dir = locks.tryAcquire(u"a1"_s, {u"src"_s});
    QVERIFY(file.ok() && dir.ok());
    QVERIFY(file.token > 0 && dir.token > file.token);

    // The same file again, and a file under the held directory: granted with the holder's current token.
    const auto sameFile = locks.tryAcquire(u"a1"_s, {u"./notes.txt"_s});
    QVERIFY(sameFile.ok());
    QCOMPARE(sameFile.token, file.token);
    QCOMPARE(sameFile.alreadyHeld, QStringList{u"notes.txt"_s});
    QCOMPARE(sameFile.tokens.value(u"notes.txt"_s), file.token);
    const auto covered = locks.acquire(u"a1"_s, {u"src/deep/a.py"_s}, waitFor(1s));
    QVERIFY(covered.ok());
    QCOMPARE(covered.token, dir.token);
    QCOMPARE(covered.tokens.value(u"src/deep/a.py"_s), dir.token);
    // The token fences the write like the holder's own.
    QVERIFY(locks.holds(u"a1"_s, u"src/deep/a.py"_s, covered.token));

    // Both held before: the highest of their tokens; each resource keeps its own.
    const auto both = locks.tryAcquire(u"a1"_s, {u"notes.txt"_s, u"src/b.py"_s});
    QCOMPARE(both.token, dir.token);
    QCOMPARE(both.tokens.value(u"notes.txt"_s), file.token);
    QCOMPARE(both.tokens.value(u"src/b.py"_s), dir.token);

    // Part new, part held: the new grant's token (above every earlier one) for the request, the old for the rest.
    const auto mixed = locks.tryAcquire(u"a1"_s, {u"src/c.py"_s, u"db:schema"_s});
    QVERIFY(mixed.ok());
    QVERIFY(mixed.token > dir.token);
    QCOMPARE(mixed.resources, QStringList{u"db:schema"_s});
    QCOMPARE(mixed.tokens.value(u"db:schema"_s), mixed.token);
    QCOMPARE(mixed.tokens.value(u"src/c.py"_s), dir.token);

    // A lock lost and granted again under a newer token: re-entry reports the newer one.
    QVERIFY(locks.forceRelease(u"src"_s));
    const auto regranted = locks.tryAcquire(u"a1"_s, {u"src"_s});
    QVERIFY(regranted.token > mixed.token);
    QCOMPARE(locks.tryAcquire(u"a1"_s, {u"src/a.py"_s}).token, regranted.token);

    // No grant event for what was held already: the audit trail lists real grants only.
    // notes.txt, src, db:schema, the forced src, src again.
    QTRY_COMPARE(events.count(), 5);
    int grants = 0;
    for (const QList<QVariant> &args : std::as_const(events)) {
        const auto event = args.at(0).value<LockEvent>();
        if (event.action == LockEvent::Action::Acquired) {
            ++grants;
            QVERIFY2(event.token != 0, qPrintable(event.resource));
        }
    }
    QCOMPARE(grants, 4);
}

void TestLockManager::deniedEventsGiveEachResourceItsOwnReason()
{
    LockManager locks;
    QVERIFY(locks.tryAcquire(u"a1"_s, {u"src"_s}).ok());
    QVERIFY(locks.tryAcquire(u"a2"_s, {u"db:schema"_s}).ok());
    // The grants' own events arrive queued: let them pass before listening.
    QSignalSpy grants(&locks, &LockManager::lockAcquired);
    QTRY_COMPARE(grants.count(), 2);
    QSignalSpy events(&locks, &LockManager::lockEvent);
    QSignalSpy denied(&locks, &LockManager::lockDenied);

    const auto busy = locks.tryAcquire(u"a3"_s, {u"src/a.py"_s, u"db:schema"_s, u"free.txt"_s});
    QCOMPARE(busy.status, Status::Busy);
    QTRY_COMPARE(events.count(), 3);
    QHash<QString, QString> reasons;
    for (const QList<QVariant> &args : std::as_const(events)) {
        const auto event = args.at(0).value<LockEvent>();
        QCOMPARE(event.action, LockEvent::Action::Denied);
        QCOMPARE(event.token, quint64(0));
        reasons.insert(event.resource, event.reason);
    }
    QCOMPARE(reasons.value(u"src/a.py"_s), u"held by a1 (through src)"_s);
    QCOMPARE(reasons.value(u"db:schema"_s), u"held by a2"_s);
    QCOMPARE(reasons.value(u"free.txt"_s), u"free, but the request is all or nothing"_s);
    QCOMPARE(denied.count(), 1); // one signal for the request, with its overall reason
    QVERIFY(denied.at(0).at(2).toString().contains(u"a1"));
    QVERIFY(denied.at(0).at(2).toString().contains(u"a2"));

    // Timed out: the reason of the request, then each resource's own blocker.
    events.clear();
    const auto late = locks.acquire(u"a3"_s, {u"db:schema"_s, u"other.txt"_s}, waitFor(50ms));
    QCOMPARE(late.status, Status::TimedOut);
    QTRY_COMPARE(events.count(), 2);
    reasons.clear();
    for (const QList<QVariant> &args : std::as_const(events)) {
        const auto event = args.at(0).value<LockEvent>();
        reasons.insert(event.resource, event.reason);
    }
    QVERIFY2(reasons.value(u"db:schema"_s).startsWith(u"timed out"), qPrintable(reasons.value(u"db:schema"_s)));
    QVERIFY2(reasons.value(u"db:schema"_s).endsWith(u"held by a2"), qPrintable(reasons.value(u"db:schema"_s)));
    QVERIFY2(reasons.value(u"other.txt"_s).endsWith(u"free, but the request is all or nothing"),
             qPrintable(reasons.value(u"other.txt"_s)));

    // Invalid: the bad name has its own error, the good one says it was not locked because of it.
    events.clear();
    QCOMPARE(locks.tryAcquire(u"a3"_s, {u"ok.txt"_s, u"../secret"_s}).status, Status::Invalid);
    QTRY_COMPARE(events.count(), 2);
    reasons.clear();
    for (const QList<QVariant> &args : std::as_const(events)) {
        const auto event = args.at(0).value<LockEvent>();
        reasons.insert(event.resource, event.reason);
    }
    QVERIFY2(reasons.value(u"../secret"_s).contains(u"escapes the workspace"),
             qPrintable(reasons.value(u"../secret"_s)));
    QVERIFY2(reasons.value(u"ok.txt"_s).startsWith(u"not locked: "), qPrintable(reasons.value(u"ok.txt"_s)));
}

void TestLockManager::fifoOrder()
{
    LockManager locks;
    QVERIFY(locks.tryAcquire(u"a0"_s, {u"x"_s}).ok());

    QMutex orderMutex;
    QStringList order;
    std::vector<std::future<void>> waiters;
    for (int i = 1; i <= 6; ++i) {
        const QString agent = u"a%1"_s.arg(i);
        // Alternate request shapes: all overlap on x.
        const QStringList wants = i % 2 ? QStringList{u"x"_s} : QStringList{u"x"_s, u"y%1"_s.arg(i)};
        waiters.push_back(std::async(std::launch::async, [&locks, &orderMutex, &order, agent, wants] {
            const LockGuard guard(locks, agent, wants, waitFor(20s));
            if (!guard)
                return;
            {
                const QMutexLocker locker(&orderMutex);
                order.append(agent);
            }
            QThread::msleep(5);
        }));
        // Next one only after this one is queued, so arrival order is known.
        QTRY_COMPARE(locks.waitingCount(), i);
    }
    QCOMPARE(locks.release(u"a0"_s, {u"x"_s}), 1);
    for (auto &waiter : waiters)
        QVERIFY(waiter.wait_for(20s) == std::future_status::ready);
    QCOMPARE(order, (QStringList{u"a1"_s, u"a2"_s, u"a3"_s, u"a4"_s, u"a5"_s, u"a6"_s}));
}

void TestLockManager::largeRequestIsNotStarved()
{
    LockManager locks;
    QVERIFY(locks.tryAcquire(u"a0"_s, {u"x"_s}).ok());
    auto big = acquireAsync(locks, u"big"_s, {u"x"_s, u"y"_s}, waitFor(20s));
    QTRY_COMPARE(locks.waitingCount(), 1);

    // y is free, but an earlier request wants it: later requests queue behind instead of overtaking.
    const auto overtaking = locks.tryAcquire(u"small"_s, {u"y"_s});
    QCOMPARE(overtaking.status, Status::Busy);
    QVERIFY2(overtaking.error.contains(u"earlier request"), qPrintable(overtaking.error));
    auto small = acquireAsync(locks, u"small"_s, {u"y"_s}, waitFor(20s));
    QTRY_COMPARE(locks.waitingCount(), 2);
    QVERIFY(!isReady(small, 50ms));
    // Unrelated resources are not held up by the queue.
    QVERIFY(locks.tryAcquire(u"other"_s, {u"z"_s}).ok());

    QCOMPARE(locks.release(u"a0"_s, {u"x"_s}), 1);
    QVERIFY(isReady(big, 5s));
    const auto bigResult = big.get();
    QVERIFY(bigResult.ok());
    QVERIFY(!isReady(small, 50ms));
    QCOMPARE(locks.holder(u"y"_s), u"big"_s);

    QCOMPARE(locks.release(u"big"_s, bigResult.resources, bigResult.token), 2);
    QVERIFY(isReady(small, 5s));
    QVERIFY(small.get().ok());
    QCOMPARE(locks.holder(u"y"_s), u"small"_s);
}

void TestLockManager::cancelWaitsReturnsPromptly()
{
    LockManager locks;
    QVERIFY(locks.tryAcquire(u"a1"_s, {u"x"_s}).ok());
    std::atomic<int> ends{0};
    LockManager::WaitOptions options = waitFor(30s); // long enough to tell a cancel from a timeout
    options.onWaitEnd = [&ends] { ++ends; };
    auto waiting = acquireAsync(locks, u"a2"_s, {u"x"_s}, options);
    QTRY_COMPARE(locks.waitingCount(), 1);

    QElapsedTimer timer;
    timer.start();
    QCOMPARE(locks.cancelWaits(u"a2"_s), 1);
    QVERIFY(isReady(waiting, 2s));
    QVERIFY(timer.elapsed() < 500);
    const auto result = waiting.get();
    QCOMPARE(result.status, Status::Cancelled);
    QCOMPARE(ends.load(), 1);
    QCOMPARE(locks.waitingCount(), 0);
    QCOMPARE(locks.holder(u"x"_s), u"a1"_s);
    QCOMPARE(locks.cancelWaits(u"a2"_s), 0);
}

void TestLockManager::cancelPredicateReturnsPromptly()
{
    LockManager locks;
    QVERIFY(locks.tryAcquire(u"a1"_s, {u"x"_s}).ok());
    auto cancelled = std::make_shared<std::atomic<bool>>(false);
    LockManager::WaitOptions options = waitFor(30s);
    options.isCancelled = [cancelled] { return cancelled->load(); };
    auto waiting = acquireAsync(locks, u"a2"_s, {u"x"_s}, options);
    QTRY_COMPARE(locks.waitingCount(), 1);
    QVERIFY(!isReady(waiting, 100ms));

    QElapsedTimer timer;
    timer.start();
    cancelled->store(true);
    QVERIFY(isReady(waiting, 2s));
    QVERIFY(timer.elapsed() < 500);
    QCOMPARE(waiting.get().status, Status::Cancelled);
    QCOMPARE(locks.waitingCount(), 0);

    // Already cancelled: refused without waiting.
    QCOMPARE(locks.acquire(u"a2"_s, {u"x"_s}, options).status, Status::Cancelled);
}

void TestLockManager::deadlockIsRefused()
{
    LockManager locks;
    QVERIFY(locks.tryAcquire(u"a1"_s, {u"x"_s}).ok());
    QVERIFY(locks.tryAcquire(u"a2"_s, {u"y"_s}).ok());
    auto first = acquireAsync(locks, u"a1"_s, {u"y"_s}, waitFor(20s));
    QTRY_COMPARE(locks.waitingCount(), 1);

    QElapsedTimer timer;
    timer.start();
    const auto second = locks.acquire(u"a2"_s, {u"x"_s}, waitFor(20s));
    QVERIFY(timer.elapsed() < 1000);
    QCOMPARE(second.status, Status::Deadlock);
    QVERIFY2(second.error.contains(u"deadlock"), qPrintable(second.error));

    // The refused agent gives up its locks; the other proceeds.
    locks.releaseAll(u"a2"_s);
    QVERIFY(isReady(first, 5s));
    QVERIFY(first.get().ok());

    // A cycle through the FIFO queue counts too: a3 holds p; a4 queues for {p, q}; a3 then wants q, which is
    // free but promised to a4 first, which waits for a3.
    QVERIFY(locks.tryAcquire(u"a3"_s, {u"p"_s}).ok());
    auto queued = acquireAsync(locks, u"a4"_s, {u"p"_s, u"q"_s}, waitFor(20s));
    QTRY_COMPARE(locks.waitingCount(), 1);
    QCOMPARE(locks.acquire(u"a3"_s, {u"q"_s}, waitFor(20s)).status, Status::Deadlock);
    locks.releaseAll(u"a3"_s);
    QVERIFY(isReady(queued, 5s));
    QVERIFY(queued.get().ok());
}

void TestLockManager::fencingTokensStrictlyIncrease()
{
    LockManager locks;
    const auto t1 = locks.tryAcquire(u"a1"_s, {u"x"_s});
    const auto t2 = locks.tryAcquire(u"a2"_s, {u"y"_s, u"z"_s});
    locks.release(u"a1"_s, {u"x"_s});
    const auto t3 = locks.tryAcquire(u"a3"_s, {u"x"_s});
    QVERIFY(t1.token > 0);
    QVERIFY(t2.token > t1.token);
    QVERIFY(t3.token > t2.token);
    QCOMPARE(locks.lastToken(), t3.token);

    // After a restart the counter continues from the stored maximum and never goes back.
    locks.setTokenFloor(1000);
    const auto t4 = locks.tryAcquire(u"a4"_s, {u"w"_s});
    QCOMPARE(t4.token, quint64(1001));
    locks.setTokenFloor(5);
    const auto t5 = locks.tryAcquire(u"a5"_s, {u"v"_s});
    QCOMPARE(t5.token, quint64(1002));

    LockManager restarted;
    restarted.setTokenFloor(t5.token);
    QVERIFY(restarted.tryAcquire(u"a1"_s, {u"x"_s}).token > t5.token);
}

void TestLockManager::leaseExpiresUnlessRenewed()
{
    LockManager locks;
    ManualClock clock;
    locks.setClock(clock.function());
    locks.setSweepInterval(0ms);
    locks.setLeaseTtl(200ms);
    QSignalSpy expired(&locks, &LockManager::lockExpired);
    QSignalSpy events(&locks, &LockManager::lockEvent);

    const auto grant = locks.tryAcquire(u"a1"_s, {u"x"_s, u"y"_s});
    QVERIFY(grant.ok());
    clock.advance(150);
    QCOMPARE(locks.sweepExpired(), 0);
    QCOMPARE(locks.renew(u"a1"_s), 2);
    clock.advance(150); // 300: expired without the renewal at 150
    QCOMPARE(locks.sweepExpired(), 0);
    QVERIFY(!locks.hasLostLock(u"a1"_s));
    clock.advance(51); // 351: renewal ran out
    QCOMPARE(locks.sweepExpired(), 2);

    QVERIFY(!locks.isHeld(u"x"_s));
    QVERIFY(locks.hasLostLock(u"a1"_s));
    QCOMPARE(locks.lostLocks(u"a1"_s), (QStringList{u"x"_s, u"y"_s}));
    QTRY_COMPARE(expired.count(), 2);
    QCOMPARE(expired.at(0).at(0).toString(), u"a1"_s);
    QCOMPARE(expired.at(0).at(1).toString(), u"x"_s);
    QCOMPARE(expired.at(0).at(2).value<quint64>(), grant.token);
    QTRY_COMPARE(events.count(), 4); // acquired x, y; expired x, y
    QCOMPARE(events.at(2).at(0).value<LockEvent>().action, LockEvent::Action::Expired);

    const auto next = locks.tryAcquire(u"a2"_s, {u"x"_s});
    QVERIFY(next.ok());
    QVERIFY(next.token > grant.token);
    locks.clearLostLocks(u"a1"_s);
    QVERIFY(!locks.hasLostLock(u"a1"_s));

    // ttl 0: never expires.
    locks.setLeaseTtl(0ms);
    QVERIFY(locks.tryAcquire(u"a3"_s, {u"z"_s}).ok());
    clock.advance(10'000'000);
    locks.sweepExpired();
    QVERIFY(locks.isHeld(u"z"_s));
}

void TestLockManager::leaseExpiresInRealTime()
{
    LockManager locks;
    locks.setLeaseTtl(500ms); // the internal sweep runs every 50 ms
    QSignalSpy expired(&locks, &LockManager::lockExpired);
    QVERIFY(locks.tryAcquire(u"a1"_s, {u"x"_s}).ok());
    QVERIFY(locks.tryAcquire(u"a2"_s, {u"y"_s}).ok());
    const auto snapshot = locks.snapshot();
    QCOMPARE(snapshot.size(), 2);
    const qint64 leaseMs = snapshot.at(0).acquiredAt.msecsTo(snapshot.at(0).expiresAt);
    QVERIFY2(leaseMs > 400 && leaseMs <= 510, qPrintable(QString::number(leaseMs)));

    // a1 keeps renewing; a2 does not. A span of real time, longer than the lease, by design.
    QElapsedTimer timer;
    timer.start();
    while (timer.elapsed() < 1200) {
        locks.renew(u"a1"_s);
        QTest::qWait(25);
    }
    QVERIFY(locks.isHeld(u"x"_s));
    QVERIFY(!locks.isHeld(u"y"_s));
    QVERIFY(locks.hasLostLock(u"a2"_s));
    QVERIFY(!locks.hasLostLock(u"a1"_s));
    QCOMPARE(expired.count(), 1);
    QTRY_VERIFY_WITH_TIMEOUT(!locks.isHeld(u"x"_s), 3000); // once it stops renewing
}

void TestLockManager::waiterGetsLockWhenLeaseRunsOut()
{
    LockManager locks;
    locks.setSweepInterval(0ms); // no event loop needed: the waiter itself wakes at the expiry
    locks.setLeaseTtl(200ms);
    QVERIFY(locks.tryAcquire(u"a1"_s, {u"x"_s}).ok());
    QElapsedTimer timer;
    timer.start();
    auto waiting = acquireAsync(locks, u"a2"_s, {u"x"_s}, waitFor(5s));
    QVERIFY(waiting.wait_for(5s) == std::future_status::ready);
    QVERIFY(waiting.get().ok());
    QVERIFY2(timer.elapsed() >= 150, qPrintable(QString::number(timer.elapsed())));
    QVERIFY(locks.hasLostLock(u"a1"_s));
    QCOMPARE(locks.holder(u"x"_s), u"a2"_s);
}

void TestLockManager::waitingHolderKeepsItsLocks()
{
    LockManager locks;
    ManualClock clock;
    locks.setClock(clock.function());
    locks.setSweepInterval(0ms);
    locks.setLeaseTtl(200ms);
    QVERIFY(locks.tryAcquire(u"a1"_s, {u"y"_s}).ok());
    QVERIFY(locks.tryAcquire(u"a2"_s, {u"x"_s}).ok());
    auto waiting = acquireAsync(locks, u"a1"_s, {u"x"_s}, waitFor(10s));
    QTRY_COMPARE(locks.waitingCount(), 1);

    clock.advance(500);
    // a2 is idle and loses x; a1 is blocked in acquire (alive), so y is renewed, and it gets x. (The waiter
    // may run the sweep itself first.)
    locks.sweepExpired();
    QVERIFY(isReady(waiting, 5s));
    QVERIFY(waiting.get().ok());
    QCOMPARE(locks.heldBy(u"a1"_s), (QStringList{u"x"_s, u"y"_s}));
    QVERIFY(!locks.hasLostLock(u"a1"_s));
    QVERIFY(locks.hasLostLock(u"a2"_s));
}

void TestLockManager::releaseAllOnAgentEnd()
{
    LockManager locks;
    locks.setSweepInterval(0ms);
    QVERIFY(locks.tryAcquire(u"a1"_s, {u"a"_s, u"b"_s}).ok());
    QVERIFY(locks.tryAcquire(u"a1"_s, {u"db:schema"_s}).ok());
    QVERIFY(locks.tryAcquire(u"a2"_s, {u"c"_s}).ok());
    auto blockedA1 = acquireAsync(locks, u"a1"_s, {u"c"_s}, waitFor(20s));
    auto blockedA3 = acquireAsync(locks, u"a3"_s, {u"a"_s}, waitFor(20s));
    QTRY_COMPARE(locks.waitingCount(), 2);
    QVERIFY(locks.forceRelease(u"b"_s));
    QVERIFY(locks.hasLostLock(u"a1"_s));

    QCOMPARE(locks.releaseAll(u"a1"_s), 2); // a and db:schema (b was already taken away)
    QVERIFY(isReady(blockedA1, 2s));
    QCOMPARE(blockedA1.get().status, Status::Cancelled);
    QVERIFY(isReady(blockedA3, 2s));
    QVERIFY(blockedA3.get().ok());
    QVERIFY(locks.heldBy(u"a1"_s).isEmpty());
    QVERIFY(!locks.hasLostLock(u"a1"_s));
    QCOMPARE(locks.heldBy(u"a2"_s), QStringList{u"c"_s});
    QCOMPARE(locks.releaseAll(u"a1"_s), 0);
}

void TestLockManager::forceRelease()
{
    LockManager locks;
    QSignalSpy forced(&locks, &LockManager::lockForced);
    const auto grant = locks.tryAcquire(u"a1"_s, {u"src/a.py"_s}, u"g1"_s);
    QVERIFY(grant.ok());
    auto waiting = acquireAsync(locks, u"a2"_s, {u"src/a.py"_s}, waitFor(20s));
    QTRY_COMPARE(locks.waitingCount(), 1);

    QString error;
    QVERIFY2(locks.forceRelease(u"./src/a.py"_s, &error), qPrintable(error));
    QVERIFY(locks.hasLostLock(u"a1"_s));
    QCOMPARE(locks.lostLocks(u"a1"_s), QStringList{u"src/a.py"_s});
    QVERIFY(forced.wait(2000));
    QCOMPARE(forced.at(0).at(0).toString(), u"a1"_s);
    QCOMPARE(forced.at(0).at(1).toString(), u"src/a.py"_s);
    QCOMPARE(forced.at(0).at(2).value<quint64>(), grant.token);

    QVERIFY(isReady(waiting, 5s));
    QVERIFY(waiting.get().ok());
    QVERIFY(locks.forceRelease(u"src/a.py"_s)); // now a2's
    QVERIFY(!locks.forceRelease(u"src/a.py"_s, &error));
    QVERIFY2(error.contains(u"not locked"), qPrintable(error));
    QVERIFY(!locks.forceRelease(u"../x"_s, &error));
    QVERIFY2(error.contains(u"escapes"), qPrintable(error));
}

void TestLockManager::staleReleaseDoesNotFreeNewHolder()
{
    LockManager locks;
    auto guard = std::make_unique<LockGuard>(LockGuard::tryLock(locks, u"a1"_s, {u"x"_s}));
    QVERIFY(guard->isLocked());
    QVERIFY(locks.forceRelease(u"x"_s));
    // a1 gets x again under a new token; the old guard must not free it.
    const auto again = locks.tryAcquire(u"a1"_s, {u"x"_s});
    QVERIFY(again.ok());
    QVERIFY(again.token > guard->token());
    guard.reset();
    QCOMPARE(locks.holder(u"x"_s), u"a1"_s);
    QCOMPARE(locks.release(u"a2"_s, {u"x"_s}), 0); // not the holder
    QCOMPARE(locks.release(u"a1"_s, {u"x"_s}, again.token), 1);
}

void TestLockManager::guardReleasesOnScopeExit()
{
    LockManager locks;
    {
        LockGuard guard(locks, u"a1"_s, {u"x"_s, u"y"_s});
        QVERIFY(guard);
        QVERIFY(locks.isHeld(u"x"_s));
        LockGuard moved = std::move(guard);
        QVERIFY(!guard.isLocked());
        QVERIFY(moved.isLocked());
        QVERIFY(locks.isHeld(u"y"_s));
    }
    QCOMPARE(locks.heldCount(), 0);

    QVERIFY(locks.tryAcquire(u"a2"_s, {u"x"_s}).ok());
    LockGuard busy = LockGuard::tryLock(locks, u"a1"_s, {u"x"_s});
    QVERIFY(!busy);
    QCOMPARE(busy.status(), Status::Busy);
    busy.release(); // nothing to give back, and the other agent's lock stays
    QCOMPARE(locks.holder(u"x"_s), u"a2"_s);

    LockGuard adopted = LockGuard::adopt(locks, u"a1"_s, locks.tryAcquire(u"a1"_s, {u"z"_s}));
    QVERIFY(adopted);
    adopted.release();
    QVERIFY(!adopted.isLocked());
    QVERIFY(!locks.isHeld(u"z"_s));
}

void TestLockManager::snapshotShowsHoldersAndWaiters()
{
    LockManager locks;
    locks.setLeaseTtl(10min);
    QVERIFY(locks.tryAcquire(u"a1"_s, {u"x"_s}, u"g1"_s).ok());
    auto w2 = acquireAsync(locks, u"a2"_s, {u"x"_s}, waitFor(20s));
    QTRY_COMPARE(locks.waitingCount(), 1);
    auto w3 = acquireAsync(locks, u"a3"_s, {u"x"_s, u"y"_s}, waitFor(20s));
    QTRY_COMPARE(locks.waitingCount(), 2);
    auto w4 = acquireAsync(locks, u"a4"_s, {u"y"_s}, waitFor(20s)); // y is free, but a3 is ahead
    QTRY_COMPARE(locks.waitingCount(), 3);

    const QList<LockInfo> rows = locks.snapshot();
    QCOMPARE(rows.size(), 2);
    const LockInfo &x = rows.at(0);
    QCOMPARE(x.resource, u"x"_s);
    QCOMPARE(x.agentId, u"a1"_s);
    QCOMPARE(x.goalId, u"g1"_s);
    QVERIFY(x.isHeld());
    QVERIFY(x.token > 0);
    QVERIFY(x.acquiredAt.isValid());
    const qint64 leaseMs = x.acquiredAt.msecsTo(x.expiresAt);
    QVERIFY2(leaseMs > 9 * 60 * 1000 && leaseMs <= 10 * 60 * 1000 + 50, qPrintable(QString::number(leaseMs)));
    QCOMPARE(x.waiters, (QStringList{u"a2"_s, u"a3"_s}));
    const LockInfo &y = rows.at(1);
    QCOMPARE(y.resource, u"y"_s);
    QVERIFY(!y.isHeld());
    QCOMPARE(y.waiters, (QStringList{u"a3"_s, u"a4"_s}));
    const QJsonObject json = x.toJson();
    QCOMPARE(json.value(u"agent").toString(), u"a1"_s);
    QCOMPARE(json.value(u"token").toInteger(), qint64(x.token));

    // Hand-off in queue order: a2 gets x, then a3 gets x and y, then a4 gets y.
    locks.releaseAll(u"a1"_s);
    QVERIFY(isReady(w2, 10s));
    QVERIFY(w2.get().ok());
    QVERIFY(!isReady(w4, 20ms));
    locks.releaseAll(u"a2"_s);
    QVERIFY(isReady(w3, 10s));
    QCOMPARE(w3.get().resources, (QStringList{u"x"_s, u"y"_s}));
    QVERIFY(!isReady(w4, 20ms));
    locks.releaseAll(u"a3"_s);
    QVERIFY(isReady(w4, 10s));
    QVERIFY(w4.get().ok());
    QCOMPARE(locks.heldBy(u"a4"_s), QStringList{u"y"_s});
    QCOMPARE(locks.snapshot().size(), 1);
}

void TestLockManager::signalsAndEvents()
{
    LockManager locks;
    QSignalSpy acquired(&locks, &LockManager::lockAcquired);
    QSignalSpy released(&locks, &LockManager::lockReleased);
    QSignalSpy denied(&locks, &LockManager::lockDenied);
    QSignalSpy events(&locks, &LockManager::lockEvent);
    QSignalSpy changed(&locks, &LockManager::locksChanged);

    const auto grant = locks.tryAcquire(u"a1"_s, {u"x"_s}, u"g1"_s);
    QCOMPARE(locks.tryAcquire(u"a2"_s, {u"x"_s}).status, Status::Busy);
    locks.release(u"a1"_s, {u"x"_s});

    // Signals arrive on the manager's thread, after the calls, in order.
    QCOMPARE(events.count(), 0);
    QTRY_COMPARE(events.count(), 3);
    QCOMPARE(acquired.count(), 1);
    const auto info = acquired.at(0).at(0).value<LockInfo>();
    QCOMPARE(info.resource, u"x"_s);
    QCOMPARE(info.agentId, u"a1"_s);
    QCOMPARE(info.goalId, u"g1"_s);
    QCOMPARE(info.token, grant.token);
    QCOMPARE(denied.count(), 1);
    QCOMPARE(denied.at(0).at(1).toStringList(), QStringList{u"x"_s});
    QVERIFY(denied.at(0).at(2).toString().contains(u"a1"));
    QCOMPARE(released.count(), 1);
    QVERIFY(changed.count() >= 1);

    const QList<LockEvent::Action> expected{LockEvent::Action::Acquired, LockEvent::Action::Denied,
                                            LockEvent::Action::Released};
    for (int i = 0; i < 3; ++i)
        QCOMPARE(events.at(i).at(0).value<LockEvent>().action, expected.at(i));
    const auto first = events.at(0).at(0).value<LockEvent>();
    QCOMPARE(QJsonDocument(first.toJson()).toJson(QJsonDocument::Compact),
             QByteArray(R"({"action":"acquired","agent":"a1","resource":"x","token":)") +
                 QByteArray::number(grant.token) + QByteArray("}"));
    QCOMPARE(lockActionFromString(u"Forced"_s), LockEvent::Action::Forced);
    QCOMPARE(lockActionToString(LockEvent::Action::Expired), u"expired"_s);
    QVERIFY(!lockActionFromString(u"stolen"_s));
}

void TestLockManager::holdsChecksHolderAndToken()
{
    LockManager locks;
    const auto dir = locks.tryAcquire(u"a1"_s, {u"src"_s});
    const auto named = locks.tryAcquire(u"a1"_s, {u"db:schema"_s});
    QVERIFY(dir.ok() && named.ok());
    QVERIFY(dir.token != named.token);

    // Normalised like acquire(), and covered by the directory lock.
    QVERIFY(locks.holds(u"a1"_s, u"src"_s, dir.token));
    QVERIFY(locks.holds(u"a1"_s, u"./src/x/../a.py"_s, dir.token));
    QVERIFY(locks.holds(u"a1"_s, u"src/deep/b.py"_s, 0));
    QVERIFY(locks.holds(u"a1"_s, u"db:schema"_s, named.token));
    // Not under another grant of the same agent, not for another agent, not outside what is held.
    QVERIFY(!locks.holds(u"a1"_s, u"src/a.py"_s, named.token));
    QVERIFY(!locks.holds(u"a1"_s, u"db:schema"_s, dir.token));
    QVERIFY(!locks.holds(u"a2"_s, u"src/a.py"_s, 0));
    QVERIFY(!locks.holds(u"a2"_s, u"src/a.py"_s, dir.token));
    QVERIFY(!locks.holds(u"a1"_s, u"srcs/a.py"_s, 0));
    QVERIFY(!locks.holds(u"a1"_s, u"."_s, 0));           // the directory does not cover the whole workspace
    QVERIFY(!locks.holds(u"a1"_s, u"../src/a.py"_s, 0)); // invalid: never held
    QVERIFY(!locks.holds(u"a1"_s, u"db:other"_s, 0));

    // A file lock taken before the directory lock holds under either grant.
    const auto file = locks.tryAcquire(u"a3"_s, {u"lib/a.py"_s});
    const auto lib = locks.tryAcquire(u"a3"_s, {u"lib"_s});
    QVERIFY(file.ok() && lib.ok());
    QVERIFY(locks.holds(u"a3"_s, u"lib/a.py"_s, file.token));
    QVERIFY(locks.holds(u"a3"_s, u"lib/a.py"_s, lib.token));
    QVERIFY(!locks.holds(u"a3"_s, u"lib/b.py"_s, file.token));

    // Released: no longer held under any token.
    QCOMPARE(locks.release(u"a1"_s, {u"src"_s}), 1);
    QVERIFY(!locks.holds(u"a1"_s, u"src/a.py"_s, dir.token));
    QVERIFY(!locks.holds(u"a1"_s, u"src/a.py"_s, 0));
    QVERIFY(locks.holds(u"a1"_s, u"db:schema"_s, 0));
}

void TestLockManager::holdsEndsWithExpiryBeforeTheSweep()
{
    LockManager locks;
    ManualClock clock;
    locks.setClock(clock.function());
    locks.setSweepInterval(0ms);
    locks.setLeaseTtl(200ms);
    const auto grant = locks.tryAcquire(u"a1"_s, {u"x"_s});
    QVERIFY(grant.ok());
    clock.advance(150);
    QVERIFY(locks.holds(u"a1"_s, u"x"_s, grant.token));
    QCOMPARE(locks.renew(u"a1"_s), 1);
    clock.advance(150); // 300: alive thanks to the renewal
    QVERIFY(locks.holds(u"a1"_s, u"x"_s, grant.token));
    clock.advance(51); // ran out; not swept yet, so the queries still list it
    QVERIFY(locks.isHeld(u"x"_s));
    QVERIFY(!locks.holds(u"a1"_s, u"x"_s, grant.token));
    QVERIFY(!locks.holds(u"a1"_s, u"x"_s, 0));
    QCOMPARE(locks.sweepExpired(), 1);
    QVERIFY(!locks.holds(u"a1"_s, u"x"_s, 0));

    // Another agent takes it: the old holder's token stays dead, the new one holds.
    const auto next = locks.tryAcquire(u"a2"_s, {u"x"_s});
    QVERIFY(next.ok());
    QVERIFY(locks.holds(u"a2"_s, u"x"_s, next.token));
    QVERIFY(!locks.holds(u"a1"_s, u"x"_s, grant.token));
    QVERIFY(!locks.holds(u"a2"_s, u"x"_s, grant.token));
}

void TestLockManager::holdsEndsWithForceReleaseAndRegrant()
{
    LockManager locks;
    const auto first = locks.tryAcquire(u"a1"_s, {u"src/a.py"_s});
    QVERIFY(first.ok());
    QVERIFY(locks.holds(u"a1"_s, u"src/a.py"_s, first.token));
    QVERIFY(locks.forceRelease(u"src/a.py"_s));
    QVERIFY(!locks.holds(u"a1"_s, u"src/a.py"_s, first.token));
    QVERIFY(!locks.holds(u"a1"_s, u"src/a.py"_s, 0));

    // The same agent gets it back under a newer token: a write fenced by the old grant must be refused.
    const auto again = locks.tryAcquire(u"a1"_s, {u"src/a.py"_s});
    QVERIFY(again.ok());
    QVERIFY(again.token > first.token);
    QVERIFY(locks.holds(u"a1"_s, u"src/a.py"_s, again.token));
    QVERIFY(!locks.holds(u"a1"_s, u"src/a.py"_s, first.token));
    QVERIFY(locks.holds(u"a1"_s, u"src/a.py"_s, 0));
    QCOMPARE(locks.releaseAll(u"a1"_s), 1);
    QVERIFY(!locks.holds(u"a1"_s, u"src/a.py"_s, again.token));
}

void TestLockManager::holdsUnderContention()
{
    // Many agents take turns on one file and check the fence while they hold it, while others ask about it:
    // exactly the current holder under its current token holds, at every moment.
    constexpr int kThreads = 16;
    constexpr int kIterations = 60;
    LockManager locks;
    locks.setLeaseTtl(0ms);
    std::atomic<int> wrongWhileHeld{0};
    std::atomic<int> staleHeld{0};
    std::atomic<int> grants{0};
    std::vector<std::unique_ptr<QThread>> threads;
    for (int t = 0; t < kThreads; ++t) {
        threads.emplace_back(QThread::create([&, t] {
            const QString agent = u"a%1"_s.arg(t);
            quint64 previous = 0;
            for (int i = 0; i < kIterations; ++i) {
                LockGuard guard(locks, agent, {u"src/shared.txt"_s}, waitFor(60s));
                if (!guard)
                    continue;
                ++grants;
                if (!locks.holds(agent, u"./src/shared.txt"_s, guard.token()))
                    ++wrongWhileHeld;
                if (previous != 0 && locks.holds(agent, u"src/shared.txt"_s, previous))
                    ++staleHeld;
                for (int other = 0; other < kThreads; ++other) {
                    if (other != t && locks.holds(u"a%1"_s.arg(other), u"src/shared.txt"_s, 0))
                        ++wrongWhileHeld;
                }
                previous = guard.token();
            }
        }));
        threads.back()->start();
    }
    for (auto &thread : threads)
        QVERIFY(thread->wait(QDeadlineTimer(120s)));
    QCOMPARE(grants.load(), kThreads * kIterations);
    QCOMPARE(wrongWhileHeld.load(), 0);
    QCOMPARE(staleHeld.load(), 0);
    QVERIFY(!locks.holds(u"a0"_s, u"src/shared.txt"_s, 0));
}

void TestLockManager::mutualExclusionUnderContention()
{
    constexpr int kThreads = 64;
    constexpr int kIterations = 100;
    const QStringList names{u"r0"_s, u"r1"_s, u"r2"_s, u"r3"_s,        u"r4"_s,
                            u"r5"_s, u"r6"_s, u"r7"_s, u"db:schema"_s, u"ui:#submit"_s};

    LockManager locks;
    locks.setLeaseTtl(0ms); // contention, not leases, is under test
    std::array<std::atomic<int>, 10> holders{};
    std::array<std::atomic<quint64>, 10> lastToken{};
    std::atomic<int> violations{0};
    std::atomic<int> tokenRegressions{0};
    std::atomic<int> grants{0};
    std::atomic<int> failures{0};
    std::atomic<int> finished{0};

    std::vector<std::unique_ptr<QThread>> threads;
    for (int t = 0; t < kThreads; ++t) {
        threads.emplace_back(QThread::create([&, t] {
            QRandomGenerator random(quint32(1234 + t));
            const QString agent = u"a%1"_s.arg(t);
            for (int i = 0; i < kIterations; ++i) {
                QList<int> picked;
                const int count = 1 + int(random.bounded(4));
                while (picked.size() < count) {
                    const int index = int(random.bounded(int(names.size())));
                    if (!picked.contains(index))
                        picked.append(index);
                }
                QStringList wanted;
                for (int index : std::as_const(picked)) {
                    // Different spellings of one path must still exclude each other.
                    const QString &name = names.at(index);
                    wanted.append(random.bounded(2) && !name.contains(u':') ? u"./x/../"_s + name : name);
                }
                const bool tryOnly = random.bounded(5) == 0;
                LockGuard guard =
                    tryOnly ? LockGuard::tryLock(locks, agent, wanted) : LockGuard(locks, agent, wanted, waitFor(30s));
                if (!guard) {
                    if (!tryOnly || guard.status() != Status::Busy)
                        ++failures;
                    continue;
                }
                ++grants;
                for (int index : std::as_const(picked)) {
                    if (holders[index].fetch_add(1) != 0)
                        ++violations;
                    if (lastToken[index].exchange(guard.token()) >= guard.token())
                        ++tokenRegressions;
                }
                if (random.bounded(3) == 0)
                    QThread::yieldCurrentThread();
                else
                    QThread::usleep(random.bounded(200));
                for (int index : std::as_const(picked))
                    holders[index].fetch_sub(1);
            }
            ++finished;
        }));
        threads.back()->start();
    }

    QDeadlineTimer deadline(120s);
    bool allFinished = true;
    for (auto &thread : threads)
        allFinished = thread->wait(deadline) && allFinished;
    if (!allFinished) {
        // Unblock whatever is stuck so the threads can be destroyed, then report.
        for (int t = 0; t < kThreads; ++t)
            locks.cancelWaits(u"a%1"_s.arg(t));
        for (auto &thread : threads)
            thread->wait();
    }
    QVERIFY2(allFinished, "lock hammer did not finish within 120 s: deadlock or lost wake-up");
    QCOMPARE(finished.load(), kThreads);
    QCOMPARE(violations.load(), 0);
    QCOMPARE(tokenRegressions.load(), 0);
    QCOMPARE(failures.load(), 0);
    QVERIFY(grants.load() > kThreads * kIterations / 2);
    QCOMPARE(locks.heldCount(), 0);
    QCOMPARE(locks.waitingCount(), 0);
}

QTEST_GUILESS_MAIN(TestLockManager)
#include "tst_lockmanager.moc"
