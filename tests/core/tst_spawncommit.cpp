// A spawn's way into the store: goals written in multi-row statements leave the same rows as one write per
// goal, the writer commits a large backlog in slices (callbacks in order, each after its own commit), a large
// spawn is cut only where no goal depends on a later one, and no goal starts before its spawn is committed.
#include "agents/AgentContext.h"
#include "agents/BackendRegistry.h"
#include "orchestration/GoalIntake.h"
#include "orchestration/Orchestrator.h"
#include "persistence/Store.h"
#include "persistence/StoreWrite.h"
#include "support/GoalBuilder.h"
#include "support/ProfileBuilder.h"
#include "support/TemporaryStore.h"
#include "support/TestSupport.h"

#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QSqlRecord>
#include <QTest>

#include <atomic>

using namespace switchboard;
using namespace Qt::StringLiterals;

namespace {

// Every row of the tables a spawn writes, in a stable order (transitions, real and implied, by their sequence: the
// order they were written).
QStringList dumpSpawnTables(const QString &path)
{
    return test::dumpRows(path,
                          {u"SELECT * FROM goals ORDER BY run_id, id"_s, u"SELECT * FROM agents ORDER BY id"_s,
                           u"SELECT agent_id, goal_id, attempt, state, at, error FROM transition_log ORDER BY seq"_s});
}

Goal goalNumber(int i)
{
    test::GoalBuilder goal(u"g"_s + QString::number(i));
    goal.title(u"Goal \"%1\"\n"_s.arg(i)); // text that must be bound, not pasted
    if (i % 3 == 0)
        goal.dependsOn({u"g"_s + QString::number(i / 2)});
    if (i % 5 == 0)
        goal.resources({u"src/file%1.cpp"_s.arg(i)});
    return Goal(goal);
}

// Finishes at once; the test reads what the orchestrator reported around it.
class InstantBackend final : public AgentBackend
{
public:
    AgentResult run(AgentContext &) override { return AgentResult::completed(u"ok"_s); }
};

} // namespace

class TestSpawnCommit final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void multiRowGoalsMatchOneWriteEach();
    void writerCommitsABacklogInSlices();
    void spawnIsCutOnlyWhereNothingDependsOnLaterGoals();
    void largeSpawnStartsOnlyCommittedGoals();
};

void TestSpawnCommit::multiRowGoalsMatchOneWriteEach()
{
    // 75 goals: two statements of 32 rows and one of 11, against 75 separate commits.
    QStringList results;
    for (const bool together : {true, false}) {
        test::TemporaryStore db;
        QVERIFY2(db.isOpen(), qPrintable(db.error()));
        QVERIFY(
            test::submitAndFlush(db.store(), {StoreWrite::runStarted(u"r-1"_s, u"Run"_s, {}, 4, test::fixedTime(0))}));
        QList<StoreWrite> writes;
        for (int i = 1; i <= 75; ++i)
            writes << StoreWrite::goalAdded(u"r-1"_s, goalNumber(i), u"a-"_s + QString::number(i),
                                            u"agent-"_s + QString::number(i), u"quick"_s, test::fixedTime(i));
        if (together) {
            QVERIFY(test::submitAndFlush(db.store(), writes));
        } else {
            for (const StoreWrite &write : std::as_const(writes))
                QVERIFY(test::submitAndFlush(db.store(), {write}));
        }
        db.store().close();
        const QStringList rows = dumpSpawnTables(db.path());
        QCOMPARE(rows.size(), 75 * 3);
        results << rows.join(u'\n');
    }
    QCOMPARE(results.at(0), results.at(1));
}

void TestSpawnCommit::writerCommitsABacklogInSlices()
{
    test::TemporaryStore db;
    QVERIFY2(db.isOpen(), qPrintable(db.error()));
    Store &store = db.store();
    QVERIFY(test::submitAndFlush(store, {StoreWrite::runStarted(u"r-1"_s, u"Run"_s, {}, 4, test::fixedTime(0))}));
    const quint64 before = store.stats().transactions;
    // Three jobs of 600 goals queued while the writer is held: one transaction each (1,200 writes would be
    // more than a slice), committed and reported in the order they were submitted.
    QList<int> reported;
    int refused = 0;
    store.setWritesHeldForTesting(true);
    for (int job = 0; job < 3; ++job) {
        QList<StoreWrite> writes;
        for (int i = 0; i < 600; ++i) {
            const int n = job * 600 + i + 1;
            writes << StoreWrite::goalAdded(u"r-1"_s, test::GoalBuilder(u"g"_s + QString::number(n)),
                                            u"a-"_s + QString::number(n), {}, {}, test::fixedTime(n));
        }
        store.submitAll(std::move(writes), this, [&reported, &refused, job](bool committed) {
            reported << job;
            refused += committed ? 0 : 1;
        });
    }
    store.setWritesHeldForTesting(false);
    QVERIFY(store.flush());
    QTRY_COMPARE(reported, (QList<int>{0, 1, 2}));
    QCOMPARE(refused, 0);
    QCOMPARE(store.stats().transactions - before, 3u);
    QCOMPARE(store.load(u"r-1"_s).goals.size(), 1800);
}

void TestSpawnCommit::spawnIsCutOnlyWhereNothingDependsOnLaterGoals()
{
    QList<Goal> independent;
    for (int i = 0; i < 600; ++i)
        independent << Goal(test::GoalBuilder(u"g"_s + QString::number(i)));
    QCOMPARE(GoalIntake::commitChunks(independent), (std::vector<qsizetype>{256, 512, 600}));
    QCOMPARE(GoalIntake::commitChunks(independent.mid(0, 256)), (std::vector<qsizetype>{256}));

    // Goal 3 depends on goal 590: nothing before 590 may be committed without it.
    QList<Goal> forward = independent;
    forward[3].dependsOn = {u"g590"_s};
    QCOMPARE(GoalIntake::commitChunks(forward), (std::vector<qsizetype>{591, 600}));
    // Goal 300 depends on goal 520: the first cut stays, the second moves just past 520.
    QList<Goal> middle = independent;
    middle[300].dependsOn = {u"g520"_s};
    QCOMPARE(GoalIntake::commitChunks(middle), (std::vector<qsizetype>{256, 521, 600}));
    // Backward dependencies never hold a cut back.
    QList<Goal> backward = independent;
    for (int i = 1; i < 600; ++i)
        backward[i].dependsOn = {u"g"_s + QString::number(i - 1)};
    QCOMPARE(GoalIntake::commitChunks(backward), (std::vector<qsizetype>{256, 512, 600}));
    // A team and its members are one unit.
    QList<Goal> team = independent;
    team[10].member = TeamMember{};
    QCOMPARE(GoalIntake::commitChunks(team), (std::vector<qsizetype>{600}));
}

void TestSpawnCommit::largeSpawnStartsOnlyCommittedGoals()
{
    test::TemporaryStore db;
    QVERIFY2(db.isOpen(), qPrintable(db.error()));
    Orchestrator o;
    BackendRegistry registry = BackendRegistry::withBuiltins();
    registry.add(u"instant"_s, [](const AgentProfile &) { return std::make_unique<InstantBackend>(); });
    o.setBackends(std::move(registry));
    AgentProfile profile;
    profile.name = u"instant"_s;
    profile.backend = u"instant"_s;
    o.setProfiles({profile});
    o.setMaxParallel(4);
    o.setWorkspace(db.directory());
    o.setStore(&db.store());

    QSet<QString> spawned;
    int startedBeforeSpawned = 0;
    int spawnedWhenFirstStarted = -1;
    connect(&o, &Orchestrator::agentSpawned, this, [&](const QString &id) { spawned.insert(id); });
    connect(&o, &Orchestrator::agentStarted, this, [&](const QString &id) {
        if (!spawned.contains(id))
            ++startedBeforeSpawned; // agentSpawned is emitted once its goal is committed
        if (spawnedWhenFirstStarted < 0)
            spawnedWhenFirstStarted = static_cast<int>(spawned.size());
    });
    QList<Goal> goals;
    for (int i = 0; i < 700; ++i) {
        Goal goal = test::GoalBuilder(u"g"_s + QString::number(i)).profile(u"instant"_s);
        if (i >= 300)
            goal.dependsOn = {u"g"_s + QString::number(i - 300)}; // across the cuts, always backwards
        goals << goal;
    }
    QString error;
    const QStringList ids = o.spawnParallel(goals, &error);
    QCOMPARE(ids.size(), 700);
    QVERIFY(spawned.isEmpty()); // reported only once committed
    QVERIFY(o.waitAll(60000));
    QCOMPARE(startedBeforeSpawned, 0);
    QCOMPARE(o.progress().completed, 700);
    // The first goals started once their chunk was committed, before the rest of the spawn was reported.
    QVERIFY2(spawnedWhenFirstStarted > 0 && spawnedWhenFirstStarted < 700,
             qPrintable(QString::number(spawnedWhenFirstStarted)));
    QVERIFY(db.store().flush());
    QCOMPARE(db.store().load(o.runId()).goals.size(), 700);
}

QTEST_GUILESS_MAIN(TestSpawnCommit)
#include "tst_spawncommit.moc"
