// The board shows where an agent runs when it runs on Slurm (issue 19): the card's subtitle and tooltip name the
// executor and the job id, the card's step says it waits in Slurm's queue, and the detail pane has a "Runs on" row;
// cancelling the card's agent cancels the job. Against a private cluster (tests/support/SlurmCluster).
#include "MainWindow.h"
#include "board/AgentBoardModel.h"
#include "board/AgentBoardView.h"
#include "board/AgentCardDelegate.h"
#include "board/AgentDetailPane.h"
#include "board/AgentFilterProxyModel.h"
#include "config/ConfigLoader.h"
#include "execution/Executors.h"
#include "orchestration/Orchestrator.h"
#include "support/GoalBuilder.h"
#include "support/SlurmCluster.h"
#include "support/TemporaryStore.h"
#include "support/TestSupport.h"

#include <QFile>
#include <QLabel>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace switchboard;
using namespace Qt::StringLiterals;

namespace {

QModelIndex cardFor(MainWindow &window, const QString &agentId)
{
    window.boardModel()->flushPendingInserts();
    AgentFilterProxyModel *proxy = window.proxyModel();
    for (int row = 0; row < proxy->rowCount(); ++row) {
        const QModelIndex index = proxy->index(row, 0);
        if (index.data(AgentBoardModel::AgentIdRole).toString() == agentId)
            return index;
    }
    return {};
}

} // namespace

class TestSlurmBoard final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void pendingJobOnCardAndDetailPane();

private:
    test::SlurmCluster m_cluster;
};

void TestSlurmBoard::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    SWITCHBOARD_START_SLURM_CLUSTER(m_cluster);
}

void TestSlurmBoard::pendingJobOnCardAndDetailPane()
{
    QFile::remove(QStandardPaths::writableLocation(QStandardPaths::AppConfigLocation) + u"/ui.ini"_s);
    QTemporaryDir work;
    QVERIFY(work.isValid());
    test::TemporaryStore db;
    QVERIFY2(db.isOpen(), qPrintable(db.error()));
    const QString script = test::writeScript(work.path(), u"agent.sh"_s, u"read -r goal\ntouch ran\n"_s);
    AgentProfile worker = test::processProfile(u"worker"_s, script);
    worker.executor.kind = ExecutorSpec::Kind::Slurm;
    worker.executor.slurm.partition = u"debug"_s;
    worker.executor.slurm.extraArgs = {u"--begin=now+3600"_s}; // it waits in the queue until cancelled

    Orchestrator o;
    o.setStore(&db.store());
    o.setWorkspace(work.path());
    Config config = ConfigLoader::defaults();
    config.profiles = {worker};
    o.setProfiles(config.profiles);
    MainWindow window(&o, config);
    window.resize(1280, 800);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));

    const QString agent = o.spawn(test::GoalBuilder(u"train"_s).title(u"Train the model"_s).profile(u"worker"_s));
    QVERIFY(!agent.isEmpty());
    QTRY_VERIFY_WITH_TIMEOUT(!o.status(agent)->externalId.isEmpty(), 30000);
    const QString job = o.status(agent)->externalId;
    const QString scope = Executors::jobScope(db.store().path());
    QCOMPARE(m_cluster.jobs(), QStringList{u"%1 sb-%2-%3-train-1 PENDING"_s.arg(job, scope, o.runId())});

    AgentCardDelegate *delegate = window.boardView()->cardDelegate();
    QTRY_VERIFY2_WITH_TIMEOUT(delegate->cardText(cardFor(window, agent)).contains(u"slurm (debug) · job "_s + job),
                              qPrintable(delegate->cardText(cardFor(window, agent))), 10000);
    QTRY_VERIFY_WITH_TIMEOUT(
        cardFor(window, agent).data(AgentBoardModel::StepRole).toString() == u"pending in Slurm: BeginTime"_s, 10000);
    QVERIFY2(cardFor(window, agent).data(Qt::ToolTipRole).toString().contains(u"Runs on: slurm (debug), job "_s + job),
             qPrintable(cardFor(window, agent).data(Qt::ToolTipRole).toString()));

    QVERIFY(window.boardView()->selectAgent(agent));
    auto *runsOn = window.detailPane()->findChild<QLabel *>(u"detailExecutor"_s);
    QVERIFY(runsOn);
    QTRY_COMPARE(runsOn->text(), u"slurm (debug), job "_s + job);
    QVERIFY(runsOn->isVisibleTo(window.detailPane()));

    // Cancelling the agent cancels its job: nothing is left in Slurm and the program never ran.
    o.cancelAll();
    QVERIFY(o.waitAll(30000));
    QCOMPARE(o.status(agent)->state, AgentState::Cancelled);
    QTRY_VERIFY_WITH_TIMEOUT(m_cluster.jobs().isEmpty(), 15000);
    QVERIFY(!QFile::exists(work.filePath(u"ran"_s)));
}

QTEST_MAIN(TestSlurmBoard)
#include "tst_slurmboard.moc"
