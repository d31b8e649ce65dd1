// AgentFilterProxyModel: search text, state groups and sort keys over a live board, with the proxy
// following agents as they change state (dynamic sort filter). QAbstractItemModelTester on both models.
#include "board/AgentBoardModel.h"
#include "board/AgentFilterProxyModel.h"
#include "orchestration/Orchestrator.h"
#include "support/GoalBuilder.h"
#include "support/ProfileBuilder.h"

#include <QAbstractItemModelTester>
#include <QStandardPaths>
#include <QTest>

using namespace switchboard;
using namespace Qt::StringLiterals;

namespace {
QStringList column(const QAbstractItemModel &model, int role)
{
    QStringList values;
    for (int row = 0; row < model.rowCount(); ++row)
        values << model.index(row, 0).data(role).toString();
    return values;
}
} // namespace

class TestAgentFilterProxyModel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void init()
    {
        m_orchestrator = std::make_unique<Orchestrator>();
        m_orchestrator->setProfiles({test::ProfileBuilder::demo(u"quick"_s, 100),
                                     test::ProfileBuilder::demo(u"slow"_s, 60000),
                                     test::ProfileBuilder::demo(u"broken"_s, 50).failing()});
        m_orchestrator->setMaxParallel(16);
        m_board = std::make_unique<AgentBoardModel>(m_orchestrator.get());
        m_proxy = std::make_unique<AgentFilterProxyModel>();
        m_proxy->setBoardModel(m_board.get());
        m_boardTester = std::make_unique<QAbstractItemModelTester>(
            m_board.get(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        m_proxyTester = std::make_unique<QAbstractItemModelTester>(
            m_proxy.get(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    }

    void cleanup()
    {
        m_orchestrator->cancelAll();
        m_orchestrator->waitAll(10000);
        m_proxyTester.reset();
        m_boardTester.reset();
        m_proxy.reset();
        m_board.reset();
        m_orchestrator.reset();
    }

    void searchMatchesNameGoalStepAndProfile()
    {
        m_orchestrator->pauseDispatch();
        m_orchestrator->spawnParallel({test::GoalBuilder::titled(u"Write the parser"_s).profile(u"quick"_s),
                                       test::GoalBuilder::titled(u"Review the parser"_s).profile(u"slow"_s),
                                       test::GoalBuilder::titled(u"Deploy staging"_s).profile(u"slow"_s)});
        m_board->flushPendingInserts();
        QCOMPARE(m_proxy->rowCount(), 3);

        m_proxy->setSearchText(u"PARSER"_s);
        QCOMPARE(column(*m_proxy, AgentBoardModel::GoalTitleRole),
                 (QStringList{u"Write the parser"_s, u"Review the parser"_s}));
        m_proxy->setSearchText(u"parser slow"_s); // every word must match somewhere
        QCOMPARE(column(*m_proxy, AgentBoardModel::GoalTitleRole), QStringList{u"Review the parser"_s});
        m_proxy->setSearchText(u"staging"_s);
        QCOMPARE(m_proxy->rowCount(), 1);
        const QString name = m_board->statusAt(2).name;
        m_proxy->setSearchText(name);
        QVERIFY(column(*m_proxy, AgentBoardModel::NameRole).contains(name));
        m_proxy->setSearchText(u"nothing like this"_s);
        QCOMPARE(m_proxy->rowCount(), 0);
        QVERIFY(m_proxy->isFiltering());
        m_proxy->setSearchText(QString());
        QCOMPARE(m_proxy->rowCount(), 3);
    }

    void stateGroupsFollowLiveChanges()
    {
        const QString quick = m_orchestrator->spawn(test::GoalBuilder::titled(u"quick one"_s).profile(u"quick"_s));
        const QString slow = m_orchestrator->spawn(test::GoalBuilder::titled(u"slow one"_s).profile(u"slow"_s));
        const QString broken = m_orchestrator->spawn(test::GoalBuilder::titled(u"broken one"_s).profile(u"broken"_s));

        m_proxy->setStateFilter(AgentFilterProxyModel::StateFilter::Finished);
        // As agents finish, the filter takes them in without being told (dynamic filter).
        QTRY_COMPARE_WITH_TIMEOUT(m_proxy->rowCount(), 2, 10000);
        const QStringList finished = column(*m_proxy, AgentBoardModel::AgentIdRole);
        QCOMPARE(QSet<QString>(finished.cbegin(), finished.cend()), (QSet<QString>{quick, broken}));

        m_proxy->setStateFilter(AgentFilterProxyModel::StateFilter::Active);
        QTRY_COMPARE(column(*m_proxy, AgentBoardModel::AgentIdRole), QStringList{slow});
        m_proxy->setStateFilter(AgentFilterProxyModel::StateFilter::Failed);
        QCOMPARE(column(*m_proxy, AgentBoardModel::AgentIdRole), QStringList{broken});
        m_proxy->setStateFilter(AgentFilterProxyModel::StateFilter::Waiting);
        QCOMPARE(m_proxy->rowCount(), 0);
        m_orchestrator->cancel(slow);
        m_proxy->setStateFilter(AgentFilterProxyModel::StateFilter::Finished);
        QTRY_COMPARE(m_proxy->rowCount(), 3);
    }

    void stateGroups_data()
    {
        QTest::addColumn<int>("state");
        QTest::addColumn<QList<int>>("groups"); // the filters that show it, besides All
        using F = AgentFilterProxyModel::StateFilter;
        const auto g = [](std::initializer_list<F> list) {
            QList<int> out;
            for (F f : list)
                out << static_cast<int>(f);
            return out;
        };
        QTest::newRow("queued") << int(AgentState::Queued) << g({F::Waiting});
        QTest::newRow("blocked") << int(AgentState::Blocked) << g({F::Waiting, F::Failed});
        QTest::newRow("running") << int(AgentState::Running) << g({F::Active});
        QTest::newRow("lock") << int(AgentState::WaitingForLock) << g({F::Active, F::Waiting});
        QTest::newRow("escalated") << int(AgentState::Escalated) << g({F::Active, F::Waiting});
        QTest::newRow("paused") << int(AgentState::Paused) << g({F::Active, F::Waiting});
        QTest::newRow("interrupted") << int(AgentState::Interrupted) << g({F::Waiting});
        QTest::newRow("completed") << int(AgentState::Completed) << g({F::Finished});
        QTest::newRow("failed") << int(AgentState::Failed) << g({F::Finished, F::Failed});
        QTest::newRow("cancelled") << int(AgentState::Cancelled) << g({F::Finished});
    }

    void stateGroups()
    {
        QFETCH(int, state);
        QFETCH(QList<int>, groups);
        using F = AgentFilterProxyModel::StateFilter;
        const auto s = static_cast<AgentState>(state);
        QVERIFY(AgentFilterProxyModel::stateMatches(s, F::All));
        for (const F filter : {F::Active, F::Waiting, F::Finished, F::Failed})
            QCOMPARE(AgentFilterProxyModel::stateMatches(s, filter), groups.contains(static_cast<int>(filter)));
    }

    void sortsByKeyWithSpawnOrderTies()
    {
        m_orchestrator->pauseDispatch();
        m_orchestrator->spawnParallel(
            {test::GoalBuilder::titled(u"b"_s).profile(u"slow"_s).priority(Priority::Low),
             test::GoalBuilder::titled(u"a"_s).profile(u"slow"_s).priority(Priority::Critical),
             test::GoalBuilder::titled(u"c"_s).profile(u"slow"_s).priority(Priority::High),
             test::GoalBuilder::titled(u"d"_s).profile(u"slow"_s).priority(Priority::High)});
        m_board->flushPendingInserts();

        m_proxy->setSortKey(AgentFilterProxyModel::SortKey::Priority, Qt::DescendingOrder);
        QCOMPARE(column(*m_proxy, AgentBoardModel::GoalTitleRole), (QStringList{u"a"_s, u"c"_s, u"d"_s, u"b"_s}));
        m_proxy->setSortKey(AgentFilterProxyModel::SortKey::Priority, Qt::AscendingOrder);
        QCOMPARE(column(*m_proxy, AgentBoardModel::GoalTitleRole), (QStringList{u"b"_s, u"c"_s, u"d"_s, u"a"_s}));
        m_proxy->setSortKey(AgentFilterProxyModel::SortKey::SpawnOrder, Qt::DescendingOrder);
        QCOMPARE(column(*m_proxy, AgentBoardModel::GoalTitleRole), (QStringList{u"d"_s, u"c"_s, u"a"_s, u"b"_s}));
        m_proxy->setSortKey(AgentFilterProxyModel::SortKey::SpawnOrder, Qt::AscendingOrder);
        QCOMPARE(column(*m_proxy, AgentBoardModel::GoalTitleRole), (QStringList{u"b"_s, u"a"_s, u"c"_s, u"d"_s}));
        m_proxy->setSortKey(AgentFilterProxyModel::SortKey::Name, Qt::AscendingOrder);
        QStringList names = column(*m_proxy, AgentBoardModel::NameRole);
        QStringList sorted = names;
        std::sort(sorted.begin(), sorted.end(),
                  [](const QString &x, const QString &y) { return QString::localeAwareCompare(x, y) < 0; });
        QCOMPARE(names, sorted);
    }

    void progressSortFollowsTheAgents()
    {
        m_proxy->setSortKey(AgentFilterProxyModel::SortKey::Progress, Qt::DescendingOrder);
        m_orchestrator->setMaxParallel(1);
        const QString first = m_orchestrator->spawn(test::GoalBuilder::titled(u"first"_s).profile(u"quick"_s));
        const QString second = m_orchestrator->spawn(test::GoalBuilder::titled(u"second"_s).profile(u"slow"_s));
        // The first finishes at 100 % and must come first; the second is running or queued below it.
        QTRY_COMPARE_WITH_TIMEOUT(m_proxy->index(0, 0).data(AgentBoardModel::AgentIdRole).toString(), first, 10000);
        QTRY_COMPARE(m_proxy->index(0, 0).data(AgentBoardModel::ProgressRole).toInt(), 100);
        QCOMPARE(m_proxy->index(1, 0).data(AgentBoardModel::AgentIdRole).toString(), second);
        m_proxy->setSortKey(AgentFilterProxyModel::SortKey::Progress, Qt::AscendingOrder);
        QCOMPARE(m_proxy->index(0, 0).data(AgentBoardModel::AgentIdRole).toString(), second);
    }

    void startedSortPutsUnstartedLast()
    {
        m_orchestrator->setMaxParallel(1);
        const QString running = m_orchestrator->spawn(test::GoalBuilder::titled(u"running"_s).profile(u"slow"_s));
        const QString waiting = m_orchestrator->spawn(test::GoalBuilder::titled(u"waiting"_s).profile(u"slow"_s));
        m_proxy->setSortKey(AgentFilterProxyModel::SortKey::Started, Qt::AscendingOrder);
        QTRY_COMPARE(m_proxy->rowCount(), 2);
        QTRY_COMPARE(m_proxy->index(0, 0).data(AgentBoardModel::StateRole).toInt(),
                     static_cast<int>(AgentState::Running));
        QCOMPARE(m_proxy->index(0, 0).data(AgentBoardModel::AgentIdRole).toString(), running);
        QCOMPARE(m_proxy->index(1, 0).data(AgentBoardModel::AgentIdRole).toString(), waiting);
    }

    void cleanupThroughTheProxy()
    {
        m_proxy->setSortKey(AgentFilterProxyModel::SortKey::Priority, Qt::DescendingOrder);
        m_proxy->setSearchText(u"keep"_s);
        QList<Goal> goals;
        for (int i = 0; i < 40; ++i)
            goals << test::GoalBuilder::titled(i % 3 ? u"keep %1"_s.arg(i) : u"drop %1"_s.arg(i))
                         .profile(i % 4 ? u"quick"_s : u"slow"_s)
                         .priority(static_cast<Priority>(i % 4));
        m_orchestrator->setMaxParallel(40);
        m_orchestrator->spawnParallel(goals);
        QTRY_COMPARE_WITH_TIMEOUT(m_orchestrator->progress().completed, 30, 10000);
        QTRY_COMPARE(m_board->rowCount(), 40);
        m_orchestrator->cleanup();
        QTRY_COMPARE(m_board->rowCount(), 10);
        for (int row = 0; row < m_proxy->rowCount(); ++row)
            QVERIFY(m_proxy->index(row, 0).data(AgentBoardModel::GoalTitleRole).toString().startsWith(u"keep"_s));
    }

private:
    std::unique_ptr<Orchestrator> m_orchestrator;
    std::unique_ptr<AgentBoardModel> m_board;
    std::unique_ptr<AgentFilterProxyModel> m_proxy;
    std::unique_ptr<QAbstractItemModelTester> m_boardTester;
    std::unique_ptr<QAbstractItemModelTester> m_proxyTester;
};

QTEST_MAIN(TestAgentFilterProxyModel)
#include "tst_agentfilterproxymodel.moc"
