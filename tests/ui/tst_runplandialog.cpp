// RunPlanDialog: the embedded templates are offered, a plan is previewed as phases of goals, errors
// name file, line and column, warnings are listed, and Start hands the plan's profiles, max_parallel
// and goals (in phase order) to the orchestrator.
#include "config/ConfigLoader.h"
#include "config/PlanLoader.h"
#include "dialogs/RunPlanDialog.h"
#include "orchestration/Orchestrator.h"
#include "orchestration/Scheduler.h"
#include "support/TestSupport.h"

#include <QLabel>
#include <QListWidget>
#include <QPushButton>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeWidget>

using namespace switchboard;
using namespace Qt::StringLiterals;

namespace {
using test::child;

void clickItem(QListWidget *list, int row)
{
    const QRect rect = list->visualItemRect(list->item(row));
    QTest::mouseClick(list->viewport(), Qt::LeftButton, {}, rect.center());
}

const QByteArray kPlan = R"(name: Tiny plan
workflow:
  max_parallel: 2
agents:
  definitions:
    - name: tiny
      backend: demo
      settings:
        duration_ms: 100
goals:
  - id: last
    title: Ship it
    profile: tiny
    depends_on: [middle]
  - id: first
    title: Plan it
    profile: tiny
    priority: high
  - id: middle
    title: Build it
    profile: tiny
    depends_on: [first]
  - id: side
    title: Write notes
    profile: tiny
)";
} // namespace

class TestRunPlanDialog : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QVERIFY(m_dir.isValid());
    }

    void init()
    {
        m_orchestrator = std::make_unique<Orchestrator>();
        m_orchestrator->pauseDispatch();
    }

    void cleanup()
    {
        m_orchestrator->cancelAll();
        m_orchestrator.reset();
    }

    void offersTheEmbeddedTemplates()
    {
        RunPlanDialog dialog(m_orchestrator.get(), ConfigLoader::defaults());
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        auto *templates = child<QListWidget>(&dialog, u"templateList"_s);
        QCOMPARE(templates->count(), PlanLoader::templates().size());
        QVERIFY(templates->count() > 0);
        auto *start = child<QPushButton>(&dialog, u"startButton"_s);
        // It opens on the first template's preview.
        QCOMPARE(templates->currentRow(), 0);
        QVERIFY(dialog.plan().has_value());
        QVERIFY(start->isEnabled());

        clickItem(templates, templates->count() - 1);
        QCOMPARE(templates->currentRow(), templates->count() - 1);
        QVERIFY(dialog.plan().has_value());
        QVERIFY(start->isEnabled());
        const QList<QStringList> phases = Scheduler::phases(dialog.plan()->goals);
        auto *tree = child<QTreeWidget>(&dialog, u"previewTree"_s);
        QCOMPARE(tree->topLevelItemCount(), phases.size());
        for (int p = 0; p < phases.size(); ++p) {
            QTreeWidgetItem *phase = tree->topLevelItem(p);
            QCOMPARE(phase->childCount(), phases.at(p).size());
            QVERIFY(phase->text(0).contains(QString::number(p + 1)));
            for (int g = 0; g < phase->childCount(); ++g)
                QCOMPARE(phase->child(g)->data(0, Qt::UserRole).toString(), phases.at(p).at(g));
        }
        QCOMPARE(child<QLabel>(&dialog, u"planName"_s)->text(), dialog.planName());
    }

    void previewsAFileInPhases()
    {
        const QString path = test::writeFile(m_dir.path(), u"tiny.yaml"_s, kPlan);
        RunPlanDialog dialog(m_orchestrator.get(), ConfigLoader::defaults());
        dialog.show();
        QVERIFY(dialog.loadPlan(path));
        QCOMPARE(dialog.planName(), u"Tiny plan"_s);
        auto *tree = child<QTreeWidget>(&dialog, u"previewTree"_s);
        QCOMPARE(tree->topLevelItemCount(), 3);
        const auto idsOf = [](QTreeWidgetItem *phase) {
            QStringList ids;
            for (int i = 0; i < phase->childCount(); ++i)
                ids << phase->child(i)->data(0, Qt::UserRole).toString();
            return ids;
        };
        QCOMPARE(idsOf(tree->topLevelItem(0)), (QStringList{u"first"_s, u"side"_s}));
        QCOMPARE(idsOf(tree->topLevelItem(1)), QStringList{u"middle"_s});
        QCOMPARE(idsOf(tree->topLevelItem(2)), QStringList{u"last"_s});
        QCOMPARE(tree->topLevelItem(0)->child(0)->text(1), u"High"_s);
        QCOMPARE(tree->topLevelItem(0)->child(0)->text(2), u"tiny"_s);
        QVERIFY(child<QLabel>(&dialog, u"planError"_s)->isHidden());
    }

    void errorsNameFileLineAndColumn()
    {
        QByteArray broken = kPlan;
        broken.replace("depends_on: [first]", "depends_on: [frist]");
        const QString path = test::writeFile(m_dir.path(), u"broken.yaml"_s, broken);
        RunPlanDialog dialog(m_orchestrator.get(), ConfigLoader::defaults());
        dialog.show();
        QVERIFY(!dialog.loadPlan(path));
        auto *error = child<QLabel>(&dialog, u"planError"_s);
        QVERIFY(error->isVisible());
        QVERIFY2(error->text().contains(QRegularExpression(u"broken\\.yaml:\\d+:\\d+: "_s)), qPrintable(error->text()));
        QVERIFY(error->text().contains(u"frist"_s));
        QVERIFY(!child<QPushButton>(&dialog, u"startButton"_s)->isEnabled());
        QCOMPARE(child<QTreeWidget>(&dialog, u"previewTree"_s)->topLevelItemCount(), 0);
    }

    void warningsAreListed()
    {
        QByteArray noisy = kPlan;
        noisy.replace("name: Tiny plan", "name: Tiny plan\ncolour: blue");
        const QString path = test::writeFile(m_dir.path(), u"noisy.yaml"_s, noisy);
        RunPlanDialog dialog(m_orchestrator.get(), ConfigLoader::defaults());
        dialog.show();
        QVERIFY(dialog.loadPlan(path));
        auto *warnings = child<QListWidget>(&dialog, u"warningList"_s);
        QVERIFY(warnings->isVisible());
        QVERIFY(warnings->count() >= 1);
        QVERIFY2(warnings->item(0)->text().contains(u"noisy.yaml:2:"_s), qPrintable(warnings->item(0)->text()));
        QVERIFY(warnings->item(0)->text().contains(u"colour"_s));
        QVERIFY(child<QPushButton>(&dialog, u"startButton"_s)->isEnabled()); // warnings do not stop a plan
    }

    void startHandsThePlanToTheOrchestrator()
    {
        const QString path = test::writeFile(m_dir.path(), u"start.yaml"_s, kPlan);
        RunPlanDialog dialog(m_orchestrator.get(), ConfigLoader::defaults());
        QSignalSpy started(&dialog, &RunPlanDialog::planStarted);
        dialog.show();
        QVERIFY(dialog.loadPlan(path));
        QTest::mouseClick(child<QPushButton>(&dialog, u"startButton"_s), Qt::LeftButton);
        QCOMPARE(dialog.result(), int(QDialog::Accepted));
        QCOMPARE(started.count(), 1);
        QCOMPARE(started.first().at(0).toString(), u"Tiny plan"_s);
        QCOMPARE(m_orchestrator->maxParallel(), 2);
        QStringList profiles;
        for (const AgentProfile &profile : m_orchestrator->profiles())
            profiles << profile.name;
        QVERIFY(profiles.contains(u"tiny"_s));
        QStringList goals;
        for (const AgentStatus &status : m_orchestrator->agents())
            goals << status.goalId;
        QCOMPARE(goals, (QStringList{u"first"_s, u"side"_s, u"middle"_s, u"last"_s}));
        QCOMPARE(dialog.startedAgentIds().size(), 4);
    }

    void aRefusedPlanLeavesTheOrchestratorAsItWas()
    {
        // The same goal ids twice: the second start is refused, and the profiles stay as they were.
        AgentProfile before;
        before.name = u"before"_s;
        m_orchestrator->setProfiles({before});
        m_orchestrator->setMaxParallel(7);
        Goal clash;
        clash.id = u"first"_s;
        clash.title = u"Already queued"_s;
        clash.profile = u"before"_s;
        QVERIFY(!m_orchestrator->spawn(clash).isEmpty());

        const QString path = test::writeFile(m_dir.path(), u"clash.yaml"_s, kPlan);
        RunPlanDialog dialog(m_orchestrator.get(), ConfigLoader::defaults());
        dialog.show();
        QVERIFY(dialog.loadPlan(path));
        QTest::mouseClick(child<QPushButton>(&dialog, u"startButton"_s), Qt::LeftButton);
        QVERIFY(dialog.isVisible());
        QVERIFY(child<QLabel>(&dialog, u"planError"_s)->isVisible());
        QCOMPARE(m_orchestrator->agentIds().size(), 1);
        QCOMPARE(m_orchestrator->maxParallel(), 7);
        QCOMPARE(m_orchestrator->profiles().size(), 1);
        QCOMPARE(m_orchestrator->profiles().first().name, u"before"_s);
    }

    void goalsInPhaseOrder()
    {
        ConfigError error;
        const std::optional<Plan> plan = PlanLoader::loadString(kPlan, u"x.yaml"_s, ConfigLoader::defaults(), &error);
        QVERIFY2(plan, qPrintable(error.toString()));
        QStringList ids;
        for (const Goal &goal : RunPlanDialog::goalsInPhaseOrder(plan->goals))
            ids << goal.id;
        QCOMPARE(ids, (QStringList{u"first"_s, u"side"_s, u"middle"_s, u"last"_s}));
    }

private:
    QTemporaryDir m_dir;
    std::unique_ptr<Orchestrator> m_orchestrator;
};

QTEST_MAIN(TestRunPlanDialog)
#include "tst_runplandialog.moc"
