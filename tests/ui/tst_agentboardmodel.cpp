// AgentBoardModel: the board's rows follow the orchestrator in batches — inserts grouped, updates as
// per-row dataChanged with the changed roles (or one full-range change), removals for cleanup only,
// and running rows ticking. QAbstractItemModelTester watches every test.
#include "agents/AgentBackend.h"
#include "agents/AgentContext.h"
#include "agents/BackendRegistry.h"
#include "board/AgentBoardModel.h"
#include "board/AgentFilterProxyModel.h"
#include "orchestration/Orchestrator.h"
#include "persistence/StoreSnapshot.h"
#include "support/GoalBuilder.h"
#include "support/ProfileBuilder.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTest>

#include <atomic>
#include <map>

using namespace switchboard;
using namespace Qt::StringLiterals;

namespace {
QList<Goal> makeGoals(int count, const QString &profile = u"quick"_s)
{
    QList<Goal> goals;
    for (int i = 0; i < count; ++i)
        goals << test::GoalBuilder::titled(u"goal %1"_s.arg(i)).profile(profile);
    return goals;
}

// Reports `ticks` progress steps as fast as it can from its own thread, then keeps running until released: what
// the board shows then can only have come from the live updates.
class BurstBackend final : public AgentBackend
{
public:
    BurstBackend(int ticks, const std::atomic<bool> *release)
        : m_ticks(ticks)
        , m_release(release)
    {}

    AgentResult run(AgentContext &context) override
    {
        for (int tick = 1; tick <= m_ticks; ++tick)
            context.setProgress(tick * 100 / m_ticks, u"step %1"_s.arg(tick));
        while (!m_release->load())
            if (!context.sleepFor(std::chrono::milliseconds(5)))
                return AgentResult::cancelled();
        return AgentResult::completed(u"burst done"_s);
    }

private:
    const int m_ticks;
    const std::atomic<bool> *const m_release;
};

int stepNumber(const QString &step)
{
    return step.mid(5).toInt(); // "step N"
}

bool allFinal(const AgentBoardModel &model)
{
    for (int row = 0; row < model.rowCount(); ++row) {
        if (!isFinalState(model.statusAt(row).state) && model.statusAt(row).state != AgentState::Blocked)
            return false;
    }
    return true;
}
} // namespace

class TestAgentBoardModel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void init()
    {
        m_orchestrator = std::make_unique<Orchestrator>();
        m_orchestrator->setProfiles(
            {test::ProfileBuilder::demo(u"quick"_s, 150).steps({u"Reading"_s, u"Writing"_s, u"Checking"_s}),
             test::ProfileBuilder::demo(u"slow"_s, 60000).steps({u"Reading"_s, u"Writing"_s, u"Checking"_s}),
             test::ProfileBuilder::demo(u"broken"_s, 50).steps({u"Reading"_s, u"Writing"_s, u"Checking"_s}).failing()});
        m_orchestrator->setMaxParallel(8);
    }

    void cleanup()
    {
        if (m_orchestrator) {
            m_orchestrator->cancelAll();
            m_orchestrator->waitAll(10000);
        }
        m_orchestrator.reset();
    }

    void followsAgentsToCompletion()
    {
        AgentBoardModel model(m_orchestrator.get());
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QCOMPARE(model.rowCount(), 0);

        const QStringList ids = m_orchestrator->spawnParallel(makeGoals(20));
        QCOMPARE(ids.size(), 20);
        QTRY_COMPARE(model.rowCount(), 20);
        for (int row = 0; row < 20; ++row)
            QCOMPARE(model.data(model.index(row), AgentBoardModel::AgentIdRole).toString(), ids.at(row));
        QTRY_VERIFY_WITH_TIMEOUT(allFinal(model), 20000);
        for (int row = 0; row < model.rowCount(); ++row) {
            const QModelIndex index = model.index(row);
            QCOMPARE(index.data(AgentBoardModel::StateRole).toInt(), static_cast<int>(AgentState::Completed));
            QCOMPARE(index.data(AgentBoardModel::ProgressRole).toInt(), 100);
            QVERIFY(index.data(AgentBoardModel::StartedRole).toDateTime().isValid());
            QVERIFY(index.data(AgentBoardModel::CompletedRole).toDateTime().isValid());
            QVERIFY(index.data(Qt::DisplayRole).toString().contains(u"goal %1"_s.arg(row)));
        }
    }

    void insertsSpawnedAgentsInOneBatch()
    {
        AgentBoardModel model(m_orchestrator.get());
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);

        m_orchestrator->pauseDispatch(); // nothing runs: only the inserts are under test
        for (int i = 0; i < 30; ++i)
            QVERIFY(!m_orchestrator->spawn(test::GoalBuilder::titled(u"one by one %1"_s.arg(i)).profile(u"quick"_s))
                         .isEmpty());
        QTRY_COMPARE(model.rowCount(), 30);
        QCOMPARE(inserted.count(), 1); // thirty spawns, one beginInsertRows
        QCOMPARE(inserted.first().at(1).toInt(), 0);
        QCOMPARE(inserted.first().at(2).toInt(), 29);

        inserted.clear();
        QCOMPARE(m_orchestrator->spawnParallel(makeGoals(100)).size(), 100);
        QTRY_COMPARE(model.rowCount(), 130);
        QCOMPARE(inserted.count(), 1);
    }

    void flushInsertsOnDemand()
    {
        AgentBoardModel model(m_orchestrator.get());
        model.setInsertDelay(60000);
        m_orchestrator->pauseDispatch();
        const QString id = m_orchestrator->spawn(test::GoalBuilder::titled(u"now"_s).profile(u"quick"_s));
        QCOMPARE(model.rowCount(), 0); // buffered
        model.flushPendingInserts();
        QCOMPARE(model.rowCount(), 1);
        QCOMPARE(model.rowForAgent(id), 0);
        QCOMPARE(model.indexForAgent(id).data(AgentBoardModel::GoalTitleRole).toString(), u"now"_s);
    }

    void showsAgentsThatExistedBefore()
    {
        m_orchestrator->pauseDispatch();
        m_orchestrator->spawnParallel(makeGoals(5));
        AgentBoardModel model(m_orchestrator.get());
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QCOMPARE(model.rowCount(), 5);
    }

    void perRowChangesNameTheirRoles()
    {
        AgentBoardModel model(m_orchestrator.get());
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        m_orchestrator->pauseDispatch();
        m_orchestrator->spawnParallel(makeGoals(10, u"slow"_s));
        model.flushPendingInserts();
        QCOMPARE(model.rowCount(), 10);

        // Start exactly one of ten: its row changes alone, with the roles that changed.
        m_orchestrator->setMaxParallel(1);
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        m_orchestrator->resumeDispatch();
        QTRY_COMPARE(model.statusAt(0).state, AgentState::Running);
        QTRY_VERIFY(!changed.isEmpty());
        bool sawStateRole = false;
        for (const QList<QVariant> &args : std::as_const(changed)) {
            const auto topLeft = args.at(0).value<QModelIndex>();
            const auto bottomRight = args.at(1).value<QModelIndex>();
            const auto roles = args.at(2).value<QList<int>>();
            if (roles == QList<int>{AgentBoardModel::ElapsedRole})
                continue; // the once-a-second tick
            QCOMPARE(topLeft.row(), 0);
            QCOMPARE(bottomRight.row(), 0);
            QVERIFY(!roles.isEmpty());
            sawStateRole = sawStateRole || roles.contains(AgentBoardModel::StateRole);
            QVERIFY(roles.contains(AgentBoardModel::SearchTextRole) || !roles.contains(AgentBoardModel::StateRole));
        }
        QVERIFY(sawStateRole);
        QCOMPARE(model.statusAt(1).state, AgentState::Queued);
    }

    void mostRowsChangingIsOneSignal()
    {
        AgentBoardModel model(m_orchestrator.get());
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        m_orchestrator->pauseDispatch();
        m_orchestrator->spawnParallel(makeGoals(8, u"slow"_s));
        model.flushPendingInserts();

        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        m_orchestrator->resumeDispatch(); // all eight start in the same batch
        QTRY_VERIFY(!changed.isEmpty());
        QTRY_VERIFY(std::any_of(changed.cbegin(), changed.cend(), [](const QList<QVariant> &args) {
            // Naming the roles that changed in any row: the proxy and the views still see that no name changed.
            const auto roles = args.at(2).value<QList<int>>();
            return args.at(0).value<QModelIndex>().row() == 0 && args.at(1).value<QModelIndex>().row() == 7 &&
                   roles.contains(AgentBoardModel::StateRole) && !roles.contains(AgentBoardModel::NameRole);
        }));
    }

    void runningRowsTick()
    {
        AgentBoardModel model(m_orchestrator.get());
        model.setTickInterval(50);
        const QString id = m_orchestrator->spawn(test::GoalBuilder::titled(u"long"_s).profile(u"slow"_s));
        QTRY_COMPARE(model.indexForAgent(id).data(AgentBoardModel::StateRole).toInt(),
                     static_cast<int>(AgentState::Running));
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        QTRY_VERIFY(std::any_of(changed.cbegin(), changed.cend(), [](const QList<QVariant> &args) {
            return args.at(2).value<QList<int>>() == QList<int>{AgentBoardModel::ElapsedRole};
        }));
        const qint64 first = model.indexForAgent(id).data(AgentBoardModel::ElapsedRole).toLongLong();
        QTRY_VERIFY(model.indexForAgent(id).data(AgentBoardModel::ElapsedRole).toLongLong() > first);
    }

    void recordsStepsAndReasons()
    {
        AgentBoardModel model(m_orchestrator.get());
        const QString ok = m_orchestrator->spawn(test::GoalBuilder::titled(u"fine"_s).profile(u"quick"_s));
        const QString bad = m_orchestrator->spawn(test::GoalBuilder::titled(u"doomed"_s).profile(u"broken"_s));
        QTRY_VERIFY_WITH_TIMEOUT(allFinal(model) && model.rowCount() == 2, 10000);
        const QModelIndex okIndex = model.indexForAgent(ok);
        QVERIFY(!okIndex.data(AgentBoardModel::StepHistoryRole).toStringList().isEmpty());
        const QModelIndex badIndex = model.indexForAgent(bad);
        QCOMPARE(badIndex.data(AgentBoardModel::StateRole).toInt(), static_cast<int>(AgentState::Failed));
        QVERIFY(!badIndex.data(AgentBoardModel::ErrorRole).toString().isEmpty());
        QVERIFY(
            badIndex.data(Qt::ToolTipRole).toString().contains(badIndex.data(AgentBoardModel::ErrorRole).toString()));
    }

    void queuedAgentsSayWhatTheyWaitFor()
    {
        AgentBoardModel model(m_orchestrator.get());
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        m_orchestrator->pauseDispatch();
        Goal first = test::GoalBuilder::titled(u"first"_s).profile(u"quick"_s);
        first.id = u"first"_s;
        Goal second = test::GoalBuilder::titled(u"second"_s).profile(u"quick"_s);
        second.id = u"second"_s;
        Goal last = test::GoalBuilder::titled(u"last"_s).profile(u"quick"_s);
        last.id = u"last"_s;
        last.dependsOn = {u"first"_s, u"second"_s};
        // Bystanders that stay queued keep the batches small, so changes arrive row by row.
        Goal blocker = test::GoalBuilder::titled(u"blocker"_s).profile(u"slow"_s);
        blocker.id = u"blocker"_s;
        QList<Goal> goals{first, second, last, blocker};
        for (int i = 0; i < 10; ++i) {
            Goal bystander = test::GoalBuilder::titled(u"bystander %1"_s.arg(i)).profile(u"quick"_s);
            bystander.dependsOn = {u"blocker"_s};
            goals << bystander;
        }
        const QStringList ids = m_orchestrator->spawnParallel(goals);
        model.flushPendingInserts();
        const int lastRow = model.rowForAgent(ids.at(2));
        QCOMPARE(model.waitingForAt(lastRow), (QStringList{u"first"_s, u"second"_s}));
        QCOMPARE(model.index(lastRow).data(AgentBoardModel::WaitingForRole).toStringList(),
                 (QStringList{u"first"_s, u"second"_s}));
        QVERIFY(model.waitingForAt(model.rowForAgent(ids.at(0))).isEmpty());

        // As the dependencies complete, the dependent's card is told, though its own status has not changed.
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        m_orchestrator->setMaxParallel(3);
        m_orchestrator->resumeDispatch();
        QTRY_VERIFY_WITH_TIMEOUT(std::any_of(changed.cbegin(), changed.cend(),
                                             [lastRow](const QList<QVariant> &args) {
                                                 return args.at(0).value<QModelIndex>().row() <= lastRow &&
                                                        args.at(1).value<QModelIndex>().row() >= lastRow &&
                                                        args.at(2).value<QList<int>>().contains(
                                                            AgentBoardModel::WaitingForRole);
                                             }),
                                 10000);
        QTRY_VERIFY_WITH_TIMEOUT(model.waitingForAt(lastRow).isEmpty(), 10000);
    }

    void cleanupRemovesFinishedRowsOnly()
    {
        AgentBoardModel model(m_orchestrator.get());
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        const QString running = m_orchestrator->spawn(test::GoalBuilder::titled(u"keeps going"_s).profile(u"slow"_s));
        const QStringList quick = m_orchestrator->spawnParallel(makeGoals(6));
        QTRY_VERIFY_WITH_TIMEOUT(std::all_of(quick.cbegin(), quick.cend(),
                                             [&](const QString &id) {
                                                 const int row = model.rowForAgent(id);
                                                 return row >= 0 && model.statusAt(row).state == AgentState::Completed;
                                             }),
                                 10000);
        QCOMPARE(model.rowCount(), 7);
        QCOMPARE(m_orchestrator->cleanup(), 6);
        QTRY_COMPARE(model.rowCount(), 1);
        QCOMPARE(model.rowForAgent(running), 0);
        for (const QString &id : quick)
            QCOMPARE(model.rowForAgent(id), -1);
    }

    void scatteredRemovalsKeepTheIndex()
    {
        // Every other agent finishes; removing them leaves gaps, and the id->row index must follow.
        AgentBoardModel model(m_orchestrator.get());
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QList<Goal> goals;
        for (int i = 0; i < 200; ++i)
            goals << test::GoalBuilder::titled(u"g%1"_s.arg(i)).profile(i % 2 ? u"slow"_s : u"quick"_s);
        m_orchestrator->setMaxParallel(200);
        const QStringList ids = m_orchestrator->spawnParallel(goals);
        QTRY_VERIFY_WITH_TIMEOUT(m_orchestrator->progress().completed == 100, 20000);
        QTRY_COMPARE(model.rowCount(), 200);
        QCOMPARE(m_orchestrator->cleanup(), 100);
        QTRY_COMPARE(model.rowCount(), 100);
        for (int i = 1; i < 200; i += 2) {
            const int row = model.rowForAgent(ids.at(i));
            QCOMPARE(row, i / 2);
            QCOMPARE(model.statusAt(row).agentId, ids.at(i));
        }
    }

    void manyThreadsUpdatesEndAtTheLatest()
    {
        // Sixteen agents on their own threads report 2,000 steps each as fast as they can. The orchestrator and the
        // board coalesce (latest wins), so the board sees only some of the steps: but every card must end at its
        // agent's last step, and no card may ever go back to an older one.
        static constexpr int kAgents = 16;
        static constexpr int kTicks = 2000;
        m_release = false; // a member: the agents may still read it in cleanup(), after a failed check
        BackendRegistry registry = BackendRegistry::withBuiltins();
        registry.add(u"burst"_s,
                     [this](const AgentProfile &) { return std::make_unique<BurstBackend>(kTicks, &m_release); });
        m_orchestrator->setBackends(std::move(registry));
        AgentProfile burst;
        burst.name = u"burst"_s;
        burst.backend = u"burst"_s;
        m_orchestrator->setProfiles({burst});
        m_orchestrator->setMaxParallel(kAgents);

        AgentBoardModel model(m_orchestrator.get());
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        std::map<QString, int> lastSeen; // agent id -> the newest step its card showed
        bool wentBack = false;
        // What a view sees: rows as they are inserted (an agent may be on its last step by then) and as they change.
        const auto look = [&](int first, int last) {
            for (int row = first; row <= last; ++row) {
                const AgentStatus &status = model.statusAt(row);
                if (!status.currentStep.startsWith(u"step "_s))
                    continue;
                int &seen = lastSeen[status.agentId];
                const int step = stepNumber(status.currentStep);
                wentBack = wentBack || step < seen || status.progress != step * 100 / kTicks;
                seen = qMax(seen, step);
            }
        };
        connect(&model, &QAbstractItemModel::rowsInserted, this,
                [&look](const QModelIndex &, int first, int last) { look(first, last); });
        connect(&model, &QAbstractItemModel::dataChanged, this,
                [&look](const QModelIndex &topLeft, const QModelIndex &bottomRight) {
                    look(topLeft.row(), bottomRight.row());
                });

        const QStringList ids = m_orchestrator->spawnParallel(makeGoals(kAgents, u"burst"_s));
        QCOMPARE(ids.size(), kAgents);
        const auto allAtLastStep = [&] {
            for (const QString &id : ids) {
                const int row = model.rowForAgent(id);
                if (row < 0 || model.statusAt(row).currentStep != u"step %1"_s.arg(kTicks))
                    return false;
            }
            return true;
        };
        QTRY_VERIFY_WITH_TIMEOUT(allAtLastStep(), 20000);
        QVERIFY(!wentBack);
        for (const QString &id : ids) {
            const int row = model.rowForAgent(id);
            QCOMPARE(model.statusAt(row).state, AgentState::Running);
            QCOMPARE(model.statusAt(row).progress, 100);
            QCOMPARE(lastSeen[id], kTicks);
            // The step history keeps the steps the card showed, oldest first.
            const QStringList history = model.index(row).data(AgentBoardModel::StepHistoryRole).toStringList();
            QVERIFY(!history.isEmpty());
            for (qsizetype i = 1; i < history.size(); ++i)
                QVERIFY2(stepNumber(history.at(i - 1)) < stepNumber(history.at(i)), qPrintable(history.join(u", ")));
        }

        m_release = true;
        QTRY_VERIFY_WITH_TIMEOUT(allFinal(model), 20000);
        for (int row = 0; row < model.rowCount(); ++row) {
            QCOMPARE(model.statusAt(row).state, AgentState::Completed);
            QCOMPARE(model.statusAt(row).progress, 100);
        }
        QVERIFY(!wentBack);
    }

    void releaseFillsInSlices()
    {
        // A restored run of 20,000 finished goals goes in across turns of the event loop; meanwhile a spawned agent
        // waits for its turn at the end, an update reaches the rows that are in, and once filled every card is there
        // in spawn order and the filters see them all.
        constexpr int kGoals = 20000;
        const StoreSnapshot snapshot = finishedRun(kGoals);
        AgentBoardModel model(m_orchestrator.get());
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        AgentFilterProxyModel proxy;
        proxy.setBoardModel(&model);
        model.setFillSlicing(0, 1);
        model.setHeld(true);
        QString error;
        QVERIFY2(m_orchestrator->restore(snapshot, false, &error), qPrintable(error));
        QCOMPARE(model.rowCount(), 0); // held
        QSignalSpy filled(&model, &AgentBoardModel::filled);
        model.setHeld(false);
        QVERIFY(model.isFilling());
        QVERIFY(model.rowCount() < kGoals);
        const QString extra =
            m_orchestrator->spawn(test::GoalBuilder::titled(u"after the restore"_s).profile(u"slow"_s), &error);
        QVERIFY2(!extra.isEmpty(), qPrintable(error));
        QVERIFY(filled.wait(20000));
        QVERIFY(!model.isFilling());
        QCOMPARE(model.rowCount(), kGoals + 1);
        const QStringList ids = m_orchestrator->agentIds();
        for (int row = 0; row < model.rowCount(); row += 997)
            QCOMPARE(model.statusAt(row).agentId, ids.at(row));
        QCOMPARE(model.rowForAgent(extra), kGoals); // last, as it was spawned last
        proxy.setSearchText(u"refactor"_s);
        QCOMPARE(proxy.rowCount(), kGoals / 10);
        proxy.setSearchText({});
        proxy.setStateFilter(AgentFilterProxyModel::StateFilter::Failed);
        QCOMPARE(proxy.rowCount(), kGoals / 20);
        proxy.setStateFilter(AgentFilterProxyModel::StateFilter::All);
        QCOMPARE(proxy.rowCount(), kGoals + 1);
        m_orchestrator->cancelAll();
    }

    void proxyTakesTheFilledBoardInOneReset()
    {
        // While the board fills in slices the proxy (and so the view) sees none of it: each slice's insert would
        // cost its mapping update and the view's relayout over every card already in. It takes the full board in
        // one reset, with the search, state filter and sort set meanwhile, and follows the board as before after.
        constexpr int kGoals = 12000;
        const StoreSnapshot snapshot = finishedRun(kGoals);
        AgentBoardModel model(m_orchestrator.get());
        AgentFilterProxyModel proxy;
        proxy.setBoardModel(&model);
        QAbstractItemModelTester tester(&proxy, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setFillSlicing(0, 1);
        model.setHeld(true);
        QString error;
        QVERIFY2(m_orchestrator->restore(snapshot, false, &error), qPrintable(error));
        QSignalSpy inserted(&proxy, &QAbstractItemModel::rowsInserted);
        QSignalSpy reset(&proxy, &QAbstractItemModel::modelReset);
        QSignalSpy filled(&model, &AgentBoardModel::filled);
        model.setHeld(false);
        QVERIFY(model.isFilling());
        QCOMPARE(proxy.sourceModel(), nullptr);
        QCOMPARE(proxy.boardModel(), &model);
        proxy.setSearchText(u"refactor"_s);
        proxy.setSortKey(AgentFilterProxyModel::SortKey::SpawnOrder, Qt::DescendingOrder);
        QTRY_VERIFY(model.rowCount() > 0 && model.isFilling()); // a slice is in: the proxy still shows nothing
        QCOMPARE(proxy.rowCount(), 0);
        QVERIFY(filled.wait(20000));
        QCOMPARE(model.rowCount(), kGoals);
        QCOMPARE(proxy.sourceModel(), &model);
        QCOMPARE(inserted.size(), 0);
        QCOMPARE(reset.size(), 2); // looked away, came back
        // Filtered and sorted as set while it filled: the refactorings, newest first.
        QCOMPARE(proxy.rowCount(), kGoals / 10);
        QCOMPARE(proxy.index(0, 0).data(AgentBoardModel::GoalIdRole).toString(), u"g%1"_s.arg(kGoals - 7));
        QCOMPARE(proxy.index(proxy.rowCount() - 1, 0).data(AgentBoardModel::GoalIdRole).toString(), u"g3"_s);
        proxy.setSearchText({});
        proxy.setSortKey(AgentFilterProxyModel::SortKey::SpawnOrder, Qt::AscendingOrder);
        QCOMPARE(proxy.rowCount(), kGoals);
        // After the fill the proxy follows inserts one by one again.
        inserted.clear();
        const QString extra =
            m_orchestrator->spawn(test::GoalBuilder::titled(u"after the fill"_s).profile(u"slow"_s), &error);
        QVERIFY2(!extra.isEmpty(), qPrintable(error));
        model.flushPendingInserts();
        QCOMPARE(inserted.size(), 1);
        QCOMPARE(proxy.rowCount(), kGoals + 1);
        QCOMPARE(proxy.index(kGoals, 0).data(AgentBoardModel::AgentIdRole).toString(), extra);
        // A small release is put in at once, in sight.
        model.setFillSlicing(2 * kGoals, 1);
        model.setHeld(true);
        reset.clear();
        model.setHeld(false);
        QVERIFY(!model.isFilling());
        QCOMPARE(reset.size(), 0);
        QCOMPARE(proxy.sourceModel(), &model);
        m_orchestrator->cancelAll();
    }

private:
    // A run of `goals` finished goals as the store gives it: every tenth a refactoring (goal g3, g13 ...), every
    // twentieth failed.
    static StoreSnapshot finishedRun(int goals)
    {
        StoreSnapshot snapshot;
        RunRecord run;
        run.id = u"r-1"_s;
        run.startedAt = QDateTime::currentDateTimeUtc();
        snapshot.runs << run;
        for (int i = 0; i < goals; ++i) {
            GoalRecord g;
            g.runId = run.id;
            g.goal.id = u"g%1"_s.arg(i);
            g.goal.title = (i % 10 == 3 ? u"Refactor module %1"_s : u"Document module %1"_s).arg(i);
            g.goal.profile = u"quick"_s;
            g.agentId = u"a-%1"_s.arg(i + 1);
            g.createdAt = run.startedAt;
            AgentStatus s;
            s.agentId = g.agentId;
            s.goalId = g.goal.id;
            s.goalTitle = g.goal.title;
            s.profile = g.goal.profile;
            s.attempt = 1;
            s.state = i % 20 == 7 ? AgentState::Failed : AgentState::Completed;
            snapshot.goals << g;
            snapshot.agents << s;
        }
        snapshot.lastAgentNumber = goals; // what the store says: new agents are numbered above
        snapshot.lastGoalNumber = goals;
        return snapshot;
    }

    std::unique_ptr<Orchestrator> m_orchestrator;
    std::atomic<bool> m_release{false};
};

QTEST_MAIN(TestAgentBoardModel)
#include "tst_agentboardmodel.moc"
