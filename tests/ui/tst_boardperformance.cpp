// The window under load: 1,000 demo agents at max_parallel 64 with the real MainWindow shown. The board,
// status bar and detail pane follow every agent to the end, and a thousand finished cards go in one clean-up.
// How fast (the event loop's latency, the clean-up's time) is the bench's to measure, not a pass/fail here:
// switchboard-bench-ui --workload ui reports latency_p95_ms, latency_max_ms and cleanup_ms.
#include "MainWindow.h"
#include "board/AgentBoardModel.h"
#include "board/AgentBoardView.h"
#include "board/AgentFilterProxyModel.h"
#include "config/ConfigLoader.h"
#include "orchestration/Orchestrator.h"
#include "support/ProfileBuilder.h"

#include <QLabel>
#include <QLocale>
#include <QStandardPaths>
#include <QTest>

using namespace switchboard;
using namespace Qt::StringLiterals;

class TestBoardPerformance : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void thousandAgentsFinishOnTheBoard()
    {
        constexpr int kAgents = 1000;
        constexpr int kParallel = 64;
        Orchestrator orchestrator;
        const AgentProfile demo = test::ProfileBuilder::demo(u"demo"_s, 600)
                                      .steps({u"Reading"_s, u"Planning"_s, u"Writing"_s, u"Checking"_s});
        orchestrator.setProfiles({demo});
        orchestrator.setMaxParallel(kParallel);

        Config config = ConfigLoader::defaults();
        config.profiles = {demo};
        MainWindow window(&orchestrator, config);
        window.resize(1280, 800);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));

        QList<Goal> goals;
        goals.reserve(kAgents);
        for (int i = 0; i < kAgents; ++i) {
            Goal goal;
            goal.title = u"Demo goal %1"_s.arg(i + 1);
            goal.profile = u"demo"_s;
            goal.priority = static_cast<Priority>(i % 4);
            goals << goal;
        }
        const QStringList ids = orchestrator.spawnParallel(goals);
        QCOMPARE(ids.size(), kAgents);
        QTRY_COMPARE(window.proxyModel()->rowCount(), kAgents);

        // A person watching: one agent selected (detail pane live), board sorted by progress.
        window.boardView()->selectAgent(ids.at(kParallel / 2));
        window.proxyModel()->setSortKey(AgentFilterProxyModel::SortKey::Progress, Qt::DescendingOrder);

        QTRY_VERIFY_WITH_TIMEOUT(orchestrator.isIdle(), 120000);

        QCOMPARE(orchestrator.progress().completed, kAgents);
        QTRY_COMPARE(window.findChild<QLabel *>(u"completedCount"_s)->text(),
                     u"%1 completed"_s.arg(QLocale().toString(kAgents)));
        for (int row = 0; row < window.proxyModel()->rowCount(); ++row)
            QCOMPARE(window.proxyModel()->index(row, 0).data(AgentBoardModel::ProgressRole).toInt(), 100);

        QCOMPARE(orchestrator.maxParallelReached(), kParallel);
    }

    void cleanupOfAThousandIsOneStep()
    {
        Orchestrator orchestrator;
        orchestrator.setProfiles({test::ProfileBuilder::demo(u"demo"_s, 0)});
        orchestrator.setMaxParallel(64);
        MainWindow window(&orchestrator, ConfigLoader::defaults());
        window.show();
        QList<Goal> goals;
        for (int i = 0; i < 1000; ++i) {
            Goal goal;
            goal.title = u"g%1"_s.arg(i);
            goal.profile = u"demo"_s;
            goals << goal;
        }
        orchestrator.spawnParallel(goals);
        QTRY_VERIFY_WITH_TIMEOUT(orchestrator.isIdle(), 60000);
        QTRY_COMPARE(window.proxyModel()->rowCount(), 1000);
        QCOMPARE(orchestrator.cleanup(), 1000);
        QTRY_COMPARE(window.proxyModel()->rowCount(), 0);
    }
};

QTEST_MAIN(TestBoardPerformance)
#include "tst_boardperformance.moc"
