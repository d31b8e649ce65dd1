// Scheduler: pure logic, so every rule is checked by driving it step by step.
#include "orchestration/Scheduler.h"
#include "support/GoalBuilder.h"
#include "support/ProfileBuilder.h"

#include <QRandomGenerator>
#include <QTest>

using namespace switchboard;
using namespace Qt::StringLiterals;

namespace {
// Runs everything to the end, finishing goals in dispatch order; returns the start order.
QStringList runToEnd(Scheduler &s)
{
    QStringList started;
    QStringList running;
    for (int guard = 0; guard < 10000; ++guard) {
        for (const Scheduler::Dispatch &d : s.takeReady()) {
            started << d.goalId;
            running << d.goalId;
        }
        if (running.isEmpty())
            break;
        s.finish(running.takeFirst(), Scheduler::GoalState::Succeeded);
    }
    return started;
}
} // namespace

class TestScheduler final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void startOrder_data();
    void startOrder();
    void dependenciesFinishFirst();
    void validationMessages_data();
    void validationMessages();
    void capabilityMatching_data();
    void capabilityMatching();
    void leastLoadedProfile();
    void demoOnlyWhereNamed_data();
    void demoOnlyWhereNamed();
    void demoTakesWhatOnlyItCanWhileRealProfileIsFull();
    void concurrencyCaps_data();
    void concurrencyCaps();
    void failureBlocksDependentsTransitively();
    void cancelPendingBlocksDependents();
    void dependencyAlreadyFailedBlocksOnAdd();
    void suspendFreesSlot();
    void lookAheadTakesBeyondTheCap();
    void lookAheadStopsAtResourcesAndSequential();
    void liveMaxParallel();
    void phases_data();
    void phases();
    void addRestoredMatchesAddThenRestoreFinal_data();
    void addRestoredMatchesAddThenRestoreFinal();
};

void TestScheduler::startOrder_data()
{
    QTest::addColumn<QList<Goal>>("goals");
    QTest::addColumn<QStringList>("expected");

    QTest::newRow("submission order") << QList<Goal>{test::GoalBuilder(u"a"_s), test::GoalBuilder(u"b"_s),
                                                     test::GoalBuilder(u"c"_s)}
                                      << QStringList{u"a"_s, u"b"_s, u"c"_s};
    QTest::newRow("priority first") << QList<Goal>{test::GoalBuilder(u"low"_s).priority(Priority::Low),
                                                   test::GoalBuilder(u"med"_s).priority(Priority::Medium),
                                                   test::GoalBuilder(u"crit"_s).priority(Priority::Critical),
                                                   test::GoalBuilder(u"high"_s).priority(Priority::High)}
                                    << QStringList{u"crit"_s, u"high"_s, u"med"_s, u"low"_s};

    Goal late = test::GoalBuilder(u"late"_s).priority(Priority::High);
    late.deadline = QDateTime(QDate(2030, 1, 2), QTime(0, 0), Qt::UTC);
    Goal soon = test::GoalBuilder(u"soon"_s).priority(Priority::High);
    soon.deadline = QDateTime(QDate(2030, 1, 1), QTime(0, 0), Qt::UTC);
    Goal none = test::GoalBuilder(u"none"_s).priority(Priority::High);
    QTest::newRow("deadline within priority, none last")
        << QList<Goal>{none, late, soon, test::GoalBuilder(u"crit"_s).priority(Priority::Critical)}
        << QStringList{u"crit"_s, u"soon"_s, u"late"_s, u"none"_s};

    QTest::newRow("dependency beats priority")
        << QList<Goal>{test::GoalBuilder(u"child"_s).dependsOn({u"parent"_s}).priority(Priority::Critical),
                       test::GoalBuilder(u"parent"_s).priority(Priority::Low),
                       test::GoalBuilder(u"other"_s).priority(Priority::Medium)}
        << QStringList{u"other"_s, u"parent"_s, u"child"_s};
}

void TestScheduler::startOrder()
{
    QFETCH(QList<Goal>, goals);
    QFETCH(QStringList, expected);
    Scheduler s;
    s.setProfiles({test::ProfileBuilder(u"p"_s)});
    s.setMaxParallel(1);
    QCOMPARE(s.validate(goals), QStringList());
    s.add(goals);
    QCOMPARE(runToEnd(s), expected);
}

void TestScheduler::dependenciesFinishFirst()
{
    // A random DAG run with random finishing order: no goal starts before all its deps succeeded.
    QRandomGenerator rng(7);
    QList<Goal> goals;
    for (int i = 0; i < 300; ++i) {
        QStringList deps;
        for (int k = 0; k < 3 && i > 0; ++k)
            deps << QStringLiteral("g%1").arg(rng.bounded(i));
        deps.removeDuplicates();
        goals << test::GoalBuilder(QStringLiteral("g%1").arg(i)).dependsOn(deps).priority(Priority(rng.bounded(4)));
    }
    Scheduler s;
    s.setProfiles({test::ProfileBuilder(u"p"_s)});
    s.setMaxParallel(5);
    QCOMPARE(s.validate(goals), QStringList());
    s.add(goals);
    QSet<QString> done;
    QStringList running;
    int started = 0;
    while (true) {
        for (const Scheduler::Dispatch &d : s.takeReady()) {
            for (const QString &dep : goals.at(d.goalId.mid(1).toInt()).dependsOn)
                QVERIFY2(done.contains(dep), qPrintable(d.goalId + u" started before "_s + dep));
            running << d.goalId;
            ++started;
        }
        QVERIFY(running.size() <= 5);
        if (running.isEmpty())
            break;
        const QString finished = running.takeAt(rng.bounded(int(running.size())));
        s.finish(finished, Scheduler::GoalState::Succeeded);
        done.insert(finished);
    }
    QCOMPARE(started, 300);
    QCOMPARE(s.pendingCount(), 0);
}

void TestScheduler::validationMessages_data()
{
    QTest::addColumn<QList<Goal>>("goals");
    QTest::addColumn<QStringList>("expected");

    QTest::newRow("cycle of three") << QList<Goal>{test::GoalBuilder(u"a"_s).dependsOn({u"b"_s}),
                                                   test::GoalBuilder(u"b"_s).dependsOn({u"c"_s}),
                                                   test::GoalBuilder(u"c"_s).dependsOn({u"a"_s})}
                                    << QStringList{u"cycle: a -> b -> c -> a"_s};
    QTest::newRow("cycle off a chain") << QList<Goal>{test::GoalBuilder(u"root"_s),
                                                      test::GoalBuilder(u"x"_s).dependsOn({u"root"_s, u"y"_s}),
                                                      test::GoalBuilder(u"y"_s).dependsOn({u"x"_s})}
                                       << QStringList{u"cycle: x -> y -> x"_s};
    QTest::newRow("self dependency") << QList<Goal>{test::GoalBuilder(u"a"_s).dependsOn({u"a"_s})}
                                     << QStringList{u"goal 'a': depends on itself"_s};
    QTest::newRow("unknown dependency") << QList<Goal>{test::GoalBuilder(u"a"_s).dependsOn({u"ghost"_s})}
                                        << QStringList{u"goal 'a': unknown dependency 'ghost'"_s};
    QTest::newRow("duplicate id") << QList<Goal>{test::GoalBuilder(u"a"_s), test::GoalBuilder(u"a"_s)}
                                  << QStringList{u"goal 'a': duplicate id"_s};
    QTest::newRow("missing id") << QList<Goal>{test::GoalBuilder(QString())}
                                << QStringList{u"goal #1 (''): missing id"_s};
    QTest::newRow("unknown profile") << QList<Goal>{test::GoalBuilder(u"a"_s).profile(u"nope"_s)}
                                     << QStringList{u"goal 'a': unknown profile 'nope' (known: coder, writer)"_s};
    QTest::newRow("missing capability") << QList<Goal>{test::GoalBuilder(u"a"_s).capabilities(
                                               {u"code"_s, u"rust"_s, u"gpu"_s})}
                                        << QStringList{u"goal 'a': no profile has the capabilities: gpu, rust"_s};
    QTest::newRow("no single profile") << QList<Goal>{test::GoalBuilder(u"a"_s).capabilities({u"code"_s, u"docs"_s})}
                                       << QStringList{u"goal 'a': no single profile has all of: code, docs"_s};
    QTest::newRow("profile lacks capability")
        << QList<Goal>{test::GoalBuilder(u"a"_s).capabilities({u"docs"_s}).profile(u"coder"_s)}
        << QStringList{u"goal 'a': profile 'coder' lacks capabilities: docs"_s};
}

void TestScheduler::validationMessages()
{
    QFETCH(QList<Goal>, goals);
    QFETCH(QStringList, expected);
    Scheduler s;
    s.setProfiles({test::ProfileBuilder(u"coder"_s).capabilities({u"code"_s}),
                   test::ProfileBuilder(u"writer"_s).capabilities({u"docs"_s})});
    QCOMPARE(s.validate(goals), expected);
}

void TestScheduler::capabilityMatching_data()
{
    QTest::addColumn<QStringList>("caps");
    QTest::addColumn<QString>("profile");
    QTest::addColumn<QString>("expected");
    QTest::newRow("only coder can") << QStringList{u"code"_s} << QString() << u"coder"_s;
    QTest::newRow("only writer can") << QStringList{u"docs"_s} << QString() << u"writer"_s;
    QTest::newRow("both need full") << QStringList{u"code"_s, u"test"_s} << QString() << u"fullstack"_s;
    QTest::newRow("case-insensitive") << QStringList{u"DOCS"_s} << QString() << u"writer"_s;
    QTest::newRow("explicit profile wins") << QStringList{} << u"fullstack"_s << u"fullstack"_s;
}

void TestScheduler::capabilityMatching()
{
    QFETCH(QStringList, caps);
    QFETCH(QString, profile);
    QFETCH(QString, expected);
    Scheduler s;
    s.setProfiles({test::ProfileBuilder(u"coder"_s).capabilities({u"code"_s}),
                   test::ProfileBuilder(u"writer"_s).capabilities({u"docs"_s}),
                   test::ProfileBuilder(u"fullstack"_s).capabilities({u"code"_s, u"test"_s})});
    const QList<Goal> goals{test::GoalBuilder(u"g"_s).capabilities(caps).profile(profile)};
    QCOMPARE(s.validate(goals), QStringList());
    s.add(goals);
    const QList<Scheduler::Dispatch> d = s.takeReady();
    QCOMPARE(d.size(), 1);
    QCOMPARE(d.first().profile, expected);
    QCOMPARE(s.assignedProfile(u"g"_s), expected);
}

void TestScheduler::leastLoadedProfile()
{
    Scheduler s;
    s.setProfiles(
        {test::ProfileBuilder(u"a"_s).capabilities({u"x"_s}), test::ProfileBuilder(u"b"_s).capabilities({u"x"_s})});
    s.setMaxParallel(10);
    QList<Goal> goals;
    for (int i = 0; i < 6; ++i)
        goals << test::GoalBuilder(QStringLiteral("g%1").arg(i)).capabilities({u"x"_s});
    s.add(goals);
    const QList<Scheduler::Dispatch> d = s.takeReady();
    QCOMPARE(d.size(), 6);
    QCOMPARE(s.runningCount(u"a"_s), 3);
    QCOMPARE(s.runningCount(u"b"_s), 3);
}

void TestScheduler::demoOnlyWhereNamed_data()
{
    QTest::addColumn<bool>("withProcess");
    QTest::addColumn<int>("processCap");
    QTest::addColumn<bool>("processPaused");
    QTest::addColumn<QStringList>("caps");
    QTest::addColumn<QString>("profile");
    QTest::addColumn<QString>("expected");
    QTest::addColumn<int>("startedAtOnce");
    const QStringList none;
    const QStringList code{u"code"_s};
    const QStringList docs{u"docs"_s};
    QTest::newRow("profile-less goals go to process") << true << 0 << false << none << QString() << u"proc"_s << 4;
    QTest::newRow("process full: they wait for it") << true << 1 << false << none << QString() << u"proc"_s << 1;
    QTest::newRow("process paused: they wait for it") << true << 0 << true << none << QString() << u"proc"_s << 0;
    QTest::newRow("only demo profiles: they run on demo") << false << 0 << false << none << QString() << u"demo"_s << 4;
    QTest::newRow("goal names demo") << true << 0 << false << none << u"demo"_s << u"demo"_s << 4;
    QTest::newRow("capability only process has") << true << 1 << false << code << QString() << u"proc"_s << 1;
    QTest::newRow("capability only demo has") << true << 1 << false << docs << QString() << u"demo"_s << 4;
}

// The demo backend is for trying the app offline: a goal that names no profile must never quietly run on
// it while a real profile could take the goal, not even when that profile is busy.
void TestScheduler::demoOnlyWhereNamed()
{
    QFETCH(bool, withProcess);
    QFETCH(int, processCap);
    QFETCH(bool, processPaused);
    QFETCH(QStringList, caps);
    QFETCH(QString, profile);
    QFETCH(QString, expected);
    QFETCH(int, startedAtOnce);
    // The demo profile comes first and ties on load: a scheduler that ignored the backend would pick it.
    QList<AgentProfile> profiles{test::ProfileBuilder(u"demo"_s).capabilities({u"code"_s, u"docs"_s})};
    if (withProcess)
        profiles << test::ProfileBuilder(u"proc"_s, u"process"_s).capabilities({u"code"_s}).maxConcurrent(processCap);
    Scheduler s;
    s.setProfiles(profiles);
    s.setMaxParallel(10);
    if (processPaused)
        s.setProfilePaused(u"proc"_s, true);
    QList<Goal> goals;
    for (int i = 0; i < 4; ++i)
        goals << test::GoalBuilder(QStringLiteral("g%1").arg(i)).capabilities(caps).profile(profile);
    QCOMPARE(s.validate(goals), QStringList());
    s.add(goals);

    QStringList running;
    for (const Scheduler::Dispatch &d : s.takeReady()) {
        QCOMPARE(d.profile, expected);
        running << d.goalId;
    }
    QCOMPARE(running.size(), startedAtOnce);
    QVERIFY(s.takeReady().isEmpty()); // the rest wait rather than take the idle demo profile
    if (processPaused)
        s.setProfilePaused(u"proc"_s, false);

    int started = int(running.size());
    for (int guard = 0; guard < 100; ++guard) {
        for (const Scheduler::Dispatch &d : s.takeReady()) {
            QCOMPARE(d.profile, expected);
            running << d.goalId;
            ++started;
        }
        if (running.isEmpty())
            break;
        s.finish(running.takeFirst(), Scheduler::GoalState::Succeeded);
    }
    QCOMPARE(started, 4);
}

void TestScheduler::demoTakesWhatOnlyItCanWhileRealProfileIsFull()
{
    Scheduler s;
    s.setProfiles({test::ProfileBuilder(u"demo"_s).capabilities({u"docs"_s}),
                   test::ProfileBuilder(u"proc"_s, u"process"_s).maxConcurrent(1)});
    s.setMaxParallel(10);
    // Ahead in the ready order: profile-less goals that must wait for "proc", then goals the demo may take.
    s.add({test::GoalBuilder(u"a"_s).priority(Priority::Critical), test::GoalBuilder(u"b"_s).priority(Priority::High),
           test::GoalBuilder(u"named"_s).profile(u"demo"_s), test::GoalBuilder(u"docs"_s).capabilities({u"docs"_s})});
    QHash<QString, QString> dispatched;
    for (const Scheduler::Dispatch &d : s.takeReady())
        dispatched.insert(d.goalId, d.profile);
    const QHash<QString, QString> expected{{u"a"_s, u"proc"_s}, {u"named"_s, u"demo"_s}, {u"docs"_s, u"demo"_s}};
    QCOMPARE(dispatched, expected);
    s.finish(u"a"_s, Scheduler::GoalState::Succeeded);
    const QList<Scheduler::Dispatch> next = s.takeReady();
    QCOMPARE(next.size(), 1);
    QCOMPARE(next.first().goalId, u"b"_s);
    QCOMPARE(next.first().profile, u"proc"_s);
}

void TestScheduler::concurrencyCaps_data()
{
    QTest::addColumn<int>("maxParallel");
    QTest::addColumn<int>("capA");
    QTest::addColumn<int>("capB");
    QTest::newRow("global binds") << 3 << 0 << 0;
    QTest::newRow("profile binds") << 10 << 2 << 1;
    QTest::newRow("mixed") << 4 << 3 << 0;
    QTest::newRow("one at a time") << 1 << 0 << 0;
}

void TestScheduler::concurrencyCaps()
{
    QFETCH(int, maxParallel);
    QFETCH(int, capA);
    QFETCH(int, capB);
    Scheduler s;
    s.setProfiles({test::ProfileBuilder(u"a"_s).maxConcurrent(capA), test::ProfileBuilder(u"b"_s).maxConcurrent(capB)});
    s.setMaxParallel(maxParallel);
    QList<Goal> goals;
    for (int i = 0; i < 200; ++i)
        goals << test::GoalBuilder(QStringLiteral("g%1").arg(i))
                     .priority(Priority(i % 4))
                     .profile(i % 3 == 0 ? u"b"_s : u"a"_s);
    s.add(goals);
    QRandomGenerator rng(11);
    QHash<QString, QString> running; // goal -> profile
    int maxSeen = 0;
    int maxA = 0;
    int maxB = 0;
    int completed = 0;
    while (true) {
        for (const Scheduler::Dispatch &d : s.takeReady())
            running.insert(d.goalId, d.profile);
        const int a = int(std::count(running.cbegin(), running.cend(), u"a"_s));
        const int b = int(running.size()) - a;
        maxSeen = qMax(maxSeen, int(running.size()));
        maxA = qMax(maxA, a);
        maxB = qMax(maxB, b);
        if (running.isEmpty())
            break;
        const QStringList keys = running.keys();
        const QString done = keys.at(rng.bounded(int(keys.size())));
        running.remove(done);
        s.finish(done, Scheduler::GoalState::Succeeded);
        ++completed;
    }
    QCOMPARE(completed, 200);
    QVERIFY(maxSeen <= maxParallel);
    if (capA > 0)
        QVERIFY(maxA <= capA);
    if (capB > 0)
        QVERIFY(maxB <= capB);
    // The caps are reached, not just respected.
    const int expectedMax = qMin(maxParallel, (capA > 0 ? capA : 1000) + (capB > 0 ? capB : 1000));
    QCOMPARE(maxSeen, expectedMax);
}

void TestScheduler::failureBlocksDependentsTransitively()
{
    Scheduler s;
    s.setProfiles({test::ProfileBuilder(u"p"_s)});
    s.setMaxParallel(4);
    s.add({test::GoalBuilder(u"a"_s), test::GoalBuilder(u"b"_s).dependsOn({u"a"_s}),
           test::GoalBuilder(u"c"_s).dependsOn({u"b"_s}), test::GoalBuilder(u"d"_s),
           test::GoalBuilder(u"e"_s).dependsOn({u"d"_s, u"a"_s})});
    QCOMPARE(s.takeReady().size(), 2); // a and d
    const QList<Scheduler::BlockedGoal> blocked = s.finish(u"a"_s, Scheduler::GoalState::Failed);
    QHash<QString, QString> reasons;
    for (const auto &b : blocked)
        reasons.insert(b.goalId, b.reason);
    QCOMPARE(reasons.size(), 3);
    QCOMPARE(reasons.value(u"b"_s), u"dependency 'a' failed"_s);
    QCOMPARE(reasons.value(u"c"_s), u"dependency 'b' is blocked"_s);
    QCOMPARE(reasons.value(u"e"_s), u"dependency 'a' failed"_s);
    QCOMPARE(s.state(u"c"_s), Scheduler::GoalState::Blocked);
    // d finishing must not revive e.
    s.finish(u"d"_s, Scheduler::GoalState::Succeeded);
    QVERIFY(s.takeReady().isEmpty());
    QCOMPARE(s.pendingCount(), 0);
}

void TestScheduler::cancelPendingBlocksDependents()
{
    Scheduler s;
    s.setProfiles({test::ProfileBuilder(u"p"_s)});
    s.setMaxParallel(1);
    s.add({test::GoalBuilder(u"a"_s), test::GoalBuilder(u"b"_s), test::GoalBuilder(u"c"_s).dependsOn({u"b"_s})});
    QCOMPARE(s.takeReady().size(), 1);
    const auto blocked = s.cancelPending(u"b"_s);
    QCOMPARE(blocked.size(), 1);
    QCOMPARE(blocked.first().reason, u"dependency 'b' was cancelled"_s);
    QCOMPARE(s.state(u"b"_s), Scheduler::GoalState::Cancelled);
    s.finish(u"a"_s, Scheduler::GoalState::Succeeded);
    QVERIFY(s.takeReady().isEmpty());
    // Cancelling a running goal through cancelPending does nothing.
    QVERIFY(s.cancelPending(u"a"_s).isEmpty());
}

void TestScheduler::dependencyAlreadyFailedBlocksOnAdd()
{
    Scheduler s;
    s.setProfiles({test::ProfileBuilder(u"p"_s)});
    s.add({test::GoalBuilder(u"a"_s)});
    s.takeReady();
    s.finish(u"a"_s, Scheduler::GoalState::Failed);
    const QList<Goal> later{test::GoalBuilder(u"b"_s).dependsOn({u"a"_s}),
                            test::GoalBuilder(u"c"_s).dependsOn({u"b"_s})};
    QCOMPARE(s.validate(later), QStringList());
    const auto blocked = s.add(later);
    QCOMPARE(blocked.size(), 2);
    QCOMPARE(s.state(u"b"_s), Scheduler::GoalState::Blocked);
    QCOMPARE(s.state(u"c"_s), Scheduler::GoalState::Blocked);
    QVERIFY(s.takeReady().isEmpty());
}

void TestScheduler::suspendFreesSlot()
{
    Scheduler s;
    s.setProfiles({test::ProfileBuilder(u"p"_s)});
    s.setMaxParallel(1);
    s.add({test::GoalBuilder(u"a"_s), test::GoalBuilder(u"b"_s)});
    QCOMPARE(s.takeReady().size(), 1);
    QVERIFY(s.takeReady().isEmpty());
    s.suspend(u"a"_s); // a waits for a human: b may run
    QCOMPARE(s.runningCount(), 0);
    QCOMPARE(s.takeReady().size(), 1);
    s.unsuspend(u"a"_s);
    QCOMPARE(s.runningCount(), 2); // over the cap until one finishes; nothing new starts
    s.finish(u"a"_s, Scheduler::GoalState::Succeeded);
    QCOMPARE(s.runningCount(), 1);
}

void TestScheduler::lookAheadTakesBeyondTheCap()
{
    Scheduler s;
    s.setProfiles({test::ProfileBuilder(u"p"_s).maxConcurrent(3)}); // the profile's own cap counts look-ahead goals too
    s.setMaxParallel(2);
    s.add({test::GoalBuilder(u"a"_s), test::GoalBuilder(u"b"_s), test::GoalBuilder(u"c"_s), test::GoalBuilder(u"d"_s),
           test::GoalBuilder(u"e"_s).priority(Priority::High)});
    const QList<Scheduler::Dispatch> first = s.takeReady({}, 2);
    QCOMPARE(first.size(), 3);
    QCOMPARE(first.at(0).goalId, u"e"_s);
    QVERIFY(!first.at(0).ahead && !first.at(1).ahead);
    QVERIFY(first.at(2).ahead); // beyond max_parallel
    QCOMPARE(first.at(2).goalId, u"b"_s);
    QVERIFY(s.takeReady({}, 2).isEmpty()); // the profile is full

    // Taken back before it started: it goes first again, ahead of what was added later.
    s.undispatch(u"b"_s);
    QCOMPARE(s.runningCount(), 2);
    QCOMPARE(s.state(u"b"_s), Scheduler::GoalState::Pending);
    const QList<Scheduler::Dispatch> again = s.takeReady();
    QVERIFY(again.isEmpty()); // no look-ahead asked for, and the cap is reached
    s.finish(u"e"_s, Scheduler::GoalState::Succeeded);
    const QList<Scheduler::Dispatch> next = s.takeReady();
    QCOMPARE(next.size(), 1);
    QCOMPARE(next.first().goalId, u"b"_s);
    QVERIFY(!next.first().ahead);
}

void TestScheduler::lookAheadStopsAtResourcesAndSequential()
{
    Scheduler s;
    s.setProfiles({test::ProfileBuilder(u"p"_s)});
    s.setMaxParallel(1);
    Goal locked = test::GoalBuilder(u"b"_s);
    locked.resources = {u"db"_s};
    s.add({test::GoalBuilder(u"a"_s), locked, test::GoalBuilder(u"c"_s)});
    // b would hold its lock while it waits for a thread: the look-ahead stops there rather than skip it.
    const QList<Scheduler::Dispatch> taken = s.takeReady({}, 4);
    QCOMPARE(taken.size(), 1);
    QCOMPARE(taken.first().goalId, u"a"_s);

    Scheduler sequential;
    sequential.setProfiles({test::ProfileBuilder(u"p"_s)});
    sequential.setMaxParallel(4);
    sequential.setMode(Scheduler::Mode::Sequential);
    sequential.add({test::GoalBuilder(u"x"_s), test::GoalBuilder(u"y"_s)});
    QCOMPARE(sequential.takeReady({}, 4).size(), 1); // one at a time means one, look-ahead or not
}

void TestScheduler::liveMaxParallel()
{
    Scheduler s;
    s.setProfiles({test::ProfileBuilder(u"p"_s)});
    s.setMaxParallel(2);
    QList<Goal> goals;
    for (int i = 0; i < 10; ++i)
        goals << test::GoalBuilder(QStringLiteral("g%1").arg(i));
    s.add(goals);
    QCOMPARE(s.takeReady().size(), 2);
    s.setMaxParallel(5);
    QCOMPARE(s.takeReady().size(), 3);
    s.setMaxParallel(1);
    s.finish(u"g0"_s, Scheduler::GoalState::Succeeded);
    QVERIFY(s.takeReady().isEmpty()); // still 4 running > 1
}

void TestScheduler::phases_data()
{
    QTest::addColumn<QList<Goal>>("goals");
    QTest::addColumn<QList<QStringList>>("expected");
    QTest::newRow("flat") << QList<Goal>{test::GoalBuilder(u"a"_s), test::GoalBuilder(u"b"_s)}
                          << QList<QStringList>{{u"a"_s, u"b"_s}};
    QTest::newRow("diamond") << QList<Goal>{test::GoalBuilder(u"d"_s).dependsOn({u"b"_s, u"c"_s}),
                                            test::GoalBuilder(u"b"_s).dependsOn({u"a"_s}),
                                            test::GoalBuilder(u"c"_s).dependsOn({u"a"_s}), test::GoalBuilder(u"a"_s)}
                             << QList<QStringList>{{u"a"_s}, {u"b"_s, u"c"_s}, {u"d"_s}};
    QTest::newRow("longest path decides")
        << QList<Goal>{test::GoalBuilder(u"a"_s), test::GoalBuilder(u"b"_s).dependsOn({u"a"_s}),
                       test::GoalBuilder(u"c"_s).dependsOn({u"a"_s, u"b"_s})}
        << QList<QStringList>{{u"a"_s}, {u"b"_s}, {u"c"_s}};
    QTest::newRow("empty") << QList<Goal>{} << QList<QStringList>{};
}

void TestScheduler::phases()
{
    QFETCH(QList<Goal>, goals);
    QFETCH(QList<QStringList>, expected);
    QCOMPARE(Scheduler::phases(goals), expected);
}

namespace {
QStringList describe(const QList<Scheduler::BlockedGoal> &blocked)
{
    QStringList out;
    for (const Scheduler::BlockedGoal &b : blocked)
        out << b.goalId + u" | "_s + b.reason;
    return out;
}

QStringList describe(const QList<Scheduler::Dispatch> &dispatched)
{
    QStringList out;
    for (const Scheduler::Dispatch &d : dispatched)
        out << d.goalId + u" @ "_s + d.profile + (d.ahead ? u" ahead"_s : QString());
    return out;
}

// Every goal's state and phase, and the counters: what two schedulers must agree on.
QStringList snapshotOf(const Scheduler &s, const QStringList &ids)
{
    QStringList out;
    for (const QString &id : ids)
        out << u"%1 %2 %3 %4"_s.arg(id)
                   .arg(static_cast<int>(s.state(id)))
                   .arg(s.phaseOf(id))
                   .arg(s.assignedProfile(id));
    out << u"ready %1 pending %2 running %3"_s.arg(s.readyCount()).arg(s.pendingCount()).arg(s.runningCount());
    return out;
}

// A random batch: a random DAG (dependencies only on goals earlier in a hidden topological order, listed in
// an order that is mostly, not always, that one), optionally on top of `existing` ids.
QList<Goal> randomBatch(QRandomGenerator &rng, const QString &prefix, int count, const QStringList &existing)
{
    QList<Goal> goals;
    QStringList topo;
    for (int i = 0; i < count; ++i) {
        const QString id = prefix + QString::number(i);
        QStringList deps;
        const int depCount = static_cast<int>(rng.bounded(4u));
        for (int k = 0; k < depCount; ++k) {
            const bool old = !existing.isEmpty() && rng.bounded(4u) == 0;
            if (old) {
                deps << existing.at(static_cast<qsizetype>(rng.bounded(static_cast<quint32>(existing.size()))));
            } else if (!topo.isEmpty()) {
                // Mostly near the goal: deep chains as well as wide levels.
                const auto span = static_cast<quint32>(qMin<qsizetype>(topo.size(), rng.bounded(2u) ? 5 : 1000));
                deps << topo.at(topo.size() - 1 - static_cast<qsizetype>(rng.bounded(span)));
            }
        }
        deps.removeDuplicates();
        Goal g = test::GoalBuilder(id)
                     .dependsOn(deps)
                     .priority(static_cast<Priority>(rng.bounded(4u)))
                     .profile(rng.bounded(3u) == 0 ? u"small"_s : QString());
        if (rng.bounded(4u) == 0)
            g.deadline = QDateTime::fromMSecsSinceEpoch(1'700'000'000'000 + qint64{rng.bounded(5u)} * 60'000, Qt::UTC);
        topo << id;
        goals << g;
    }
    // Swap a few neighbours: the batch need not be in dependency order.
    for (int k = 0; k < count / 5; ++k) {
        const auto at = static_cast<qsizetype>(rng.bounded(static_cast<quint32>(qMax(1, count - 1))));
        if (at + 1 < goals.size())
            goals.swapItemsAt(at, at + 1);
    }
    return goals;
}
} // namespace

void TestScheduler::addRestoredMatchesAddThenRestoreFinal_data()
{
    QTest::addColumn<int>("modeValue");
    QTest::addColumn<bool>("withExisting");
    for (Scheduler::Mode mode : {Scheduler::Mode::Dependency, Scheduler::Mode::Phased, Scheduler::Mode::Sequential,
                                 Scheduler::Mode::Parallel, Scheduler::Mode::Pipeline}) {
        const QByteArray name = Scheduler::modeToString(mode).toUtf8();
        QTest::newRow(name.constData()) << static_cast<int>(mode) << false;
        QTest::newRow(QByteArray(name + " after goals").constData()) << static_cast<int>(mode) << true;
    }
}

// addRestored(goals, finals) must leave the scheduler exactly as add(goals) followed by restoreFinal() for each
// ended goal in order: same blocked lists, states, phases and counters, and the same run from there on.
void TestScheduler::addRestoredMatchesAddThenRestoreFinal()
{
    QFETCH(int, modeValue);
    QFETCH(bool, withExisting);
    const auto mode = static_cast<Scheduler::Mode>(modeValue);
    using State = Scheduler::GoalState;
    for (quint32 seed = 1; seed <= 60; ++seed) {
        QRandomGenerator rng(seed * 7919u + static_cast<quint32>(mode) * 31u + (withExisting ? 1u : 0u));
        Scheduler a;
        Scheduler b;
        for (Scheduler *s : {&a, &b}) {
            s->setProfiles({test::ProfileBuilder(u"big"_s), test::ProfileBuilder(u"small"_s).maxConcurrent(2)});
            s->setMaxParallel(3);
            s->setMode(mode);
        }
        QStringList ids;
        QStringList running;
        if (withExisting) {
            // Earlier goals, some ended, some running, some waiting, before the restored batch.
            const QList<Goal> before = randomBatch(rng, u"e"_s, 12, {});
            QCOMPARE(a.validate(before), QStringList());
            QCOMPARE(describe(a.add(before)), describe(b.add(before)));
            for (const Goal &g : before)
                ids << g.id;
            for (int step = 0; step < 4; ++step) {
                const QStringList taken = describe(a.takeReady());
                QCOMPARE(describe(b.takeReady()), taken);
                for (const QString &t : taken)
                    running << t.section(u" @ "_s, 0, 0);
                if (!running.isEmpty()) {
                    const QString done = running.takeFirst();
                    const State outcome = rng.bounded(3u) == 0 ? State::Failed : State::Succeeded;
                    QCOMPARE(describe(a.finish(done, outcome)), describe(b.finish(done, outcome)));
                }
            }
        }
        const int count = 10 + static_cast<int>(rng.bounded(80u));
        const QList<Goal> goals = randomBatch(rng, u"g"_s, count, ids);
        QCOMPARE(a.validate(goals), QStringList());
        std::vector<State> finals;
        for (int i = 0; i < count; ++i) {
            const quint32 roll = rng.bounded(100u);
            finals.push_back(roll < 45   ? State::Succeeded
                             : roll < 55 ? State::Failed
                             : roll < 60 ? State::Cancelled
                             : roll < 65 ? State::Blocked
                             : roll < 67 ? State::Running
                                         : State::Pending);
        }
        if (rng.bounded(5u) == 0)
            finals.resize(static_cast<size_t>(count / 2)); // a short list: the rest are pending

        QList<Scheduler::BlockedGoal> blockedA = a.add(goals);
        for (size_t i = 0; i < finals.size(); ++i) {
            if (finals[i] != State::Pending)
                blockedA << a.restoreFinal(goals.at(static_cast<qsizetype>(i)).id, finals[i]);
        }
        const QList<Scheduler::BlockedGoal> blockedB = b.addRestored(goals, finals);
        QCOMPARE(describe(blockedB), describe(blockedA));
        for (const Goal &g : goals)
            ids << g.id;
        QCOMPARE(snapshotOf(b, ids), snapshotOf(a, ids));

        // Run both to the end the same way: same dispatches (order, profile, look-ahead, phase gating), same
        // blocked goals, same states after every step.
        const int lookahead = static_cast<int>(rng.bounded(3u));
        for (int guard = 0; guard < 2000; ++guard) {
            const QStringList taken = describe(a.takeReady({}, lookahead));
            QCOMPARE(describe(b.takeReady({}, lookahead)), taken);
            for (const QString &t : taken)
                running << t.section(u" @ "_s, 0, 0);
            if (running.isEmpty()) {
                QCOMPARE(b.readyCount(), a.readyCount());
                break;
            }
            const QString id =
                running.takeAt(static_cast<qsizetype>(rng.bounded(static_cast<quint32>(running.size()))));
            const quint32 roll = rng.bounded(100u);
            if (mode == Scheduler::Mode::Pipeline && roll < 20) {
                a.handoff(id);
                b.handoff(id);
            }
            if (roll >= 90 && !ids.isEmpty()) {
                // Cancel a goal that has not started (a no-op unless it is pending or blocked).
                const QString other = ids.at(static_cast<qsizetype>(rng.bounded(static_cast<quint32>(ids.size()))));
                QCOMPARE(describe(b.cancelPending(other)), describe(a.cancelPending(other)));
            }
            const State outcome = roll % 10 == 0 ? State::Failed : roll % 10 == 1 ? State::Cancelled : State::Succeeded;
            QCOMPARE(describe(b.finish(id, outcome)), describe(a.finish(id, outcome)));
            QCOMPARE(snapshotOf(b, ids), snapshotOf(a, ids));
        }
        QCOMPARE(snapshotOf(b, ids), snapshotOf(a, ids));
        QCOMPARE(a.runningCount(), 0);
    }
}

QTEST_GUILESS_MAIN(TestScheduler)
#include "tst_scheduler.moc"
