// Plan with AI: without an LLM profile the dialog says how to add one; a model's plan is shown as an editable
// table checked by the plan rules as it is edited (a cycle named, its rows marked), saved as a plan file the
// loader reads back, and run on the orchestrator like any plan.
#include "config/PlanLoader.h"
#include "dialogs/AiPlanDialog.h"
#include "dialogs/PlanGoalsModel.h"
#include "orchestration/Orchestrator.h"
#include "planning/PlanReply.h"
#include "support/ProfileBuilder.h"
#include "support/ScriptedModelServer.h"
#include "support/TestSupport.h"

#include <QComboBox>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QSignalSpy>
#include <QStackedWidget>
#include <QStandardPaths>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

using namespace switchboard;
using namespace Qt::StringLiterals;

namespace {
using test::child;

const QString kReply = uR"(Here is the plan:
```json
{"goals": [
  {"id": "design", "title": "Design the API", "description": "Write the OpenAPI spec.", "depends_on": [],
   "capabilities": ["docs"], "success_criteria": ["the spec validates"]},
  {"id": "server", "title": "Implement the server", "description": "Implement every endpoint.",
   "depends_on": ["design"], "capabilities": ["code"], "success_criteria": ["all endpoints answer"]},
  {"id": "tests", "title": "Write tests", "description": "Integration tests.", "depends_on": ["server"],
   "capabilities": ["code"], "success_criteria": ["tests pass"]}
]}
```)"_s;

Config sessionConfig(bool withPlanner)
{
    Config config;
    if (withPlanner) {
        AgentProfile planner = test::ProfileBuilder(u"planner"_s, u"openai"_s);
        planner.model = u"plan-model"_s;
        config.profiles << planner;
    }
    config.profiles << test::ProfileBuilder::demo(u"coder"_s, 50).capabilities({u"code"_s, u"test"_s})
                    << test::ProfileBuilder::demo(u"writer"_s, 50).capabilities({u"docs"_s});
    return config;
}

// The session's config with its planner on a scripted server.
Config serverConfig(const test::ScriptedModelServer &server)
{
    Config config = sessionConfig(true);
    AgentProfile &planner = config.profiles.first();
    planner.backend = llm::apiKindName(server.api());
    planner.llm.baseUrl = server.baseUrl().toString();
    planner.llm.apiKeyEnv = u"SWITCHBOARD_TEST_PLANNER_KEY"_s;
    return config;
}

QProcessEnvironment keyEnvironment()
{
    QProcessEnvironment environment;
    environment.insert(u"SWITCHBOARD_TEST_PLANNER_KEY"_s, u"sk-ui-test"_s);
    return environment;
}

AiPlanResult resultOf(const QString &reply, const Config &config)
{
    AiPlanResult result;
    result.reply = reply;
    result.model = u"plan-model"_s;
    result.usage = {1200, 340};
    result.draft = PlanReply::interpret(reply, config.profiles);
    result.status = result.draft.isRunnable() ? AiPlanResult::Status::Planned : AiPlanResult::Status::Invalid;
    return result;
}

QStringList problemTexts(QListWidget *list)
{
    QStringList texts;
    for (int i = 0; i < list->count(); ++i)
        texts << list->item(i)->text();
    return texts;
}
} // namespace

class TestAiPlanDialog : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QVERIFY(m_dir.isValid());
    }

    void generateRetryAndCancelAgainstAServer()
    {
        test::ScriptedModelServer server(llm::ApiKind::OpenAi, u"sk-ui-test"_s);
        const Config config = serverConfig(server);
        AiPlanDialog dialog(nullptr, config, nullptr, keyEnvironment());
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        QSignalSpy shown(&dialog, &AiPlanDialog::resultShown);
        auto *generate = child<QPushButton>(&dialog, u"generateButton"_s);
        auto *retry = child<QPushButton>(&dialog, u"retryButton"_s);
        auto *busy = child<QProgressBar>(&dialog, u"busyIndicator"_s);
        auto *cancel = child<QPushButton>(&dialog, u"cancelGenerationButton"_s);
        auto *problems = child<QListWidget>(&dialog, u"problemList"_s);
        auto *table = child<QTableView>(&dialog, u"goalTable"_s);
        QTest::keyClicks(child<QPlainTextEdit>(&dialog, u"objectiveEdit"_s), u"Build a REST API"_s);

        // A plan with a cycle: the reason is shown, Retry offered.
        server.enqueue(test::ScriptedReply::text(
            uR"({"goals":[{"id":"a","title":"A","depends_on":["b"]},{"id":"b","title":"B","depends_on":["a"]}]})"_s));
        QTest::mouseClick(generate, Qt::LeftButton);
        QVERIFY(dialog.isGenerating());
        QVERIFY(busy->isVisible());
        QVERIFY(cancel->isVisible());
        QVERIFY(!generate->isEnabled());
        QVERIFY(shown.wait(20000));
        QVERIFY2(server.ok(), qPrintable(server.report()));
        QVERIFY(!busy->isVisible());
        QCOMPARE(dialog.lastResult().status, AiPlanResult::Status::Invalid);
        QCOMPARE(table->model()->rowCount(), 2);
        QCOMPARE(problemTexts(problems), QStringList{u"cycle: a -> b -> a"_s});
        QVERIFY(retry->isVisible());

        // Retry tells the model what was wrong; its corrected plan replaces the preview.
        server.enqueue(test::ScriptedReply::text(kReply).usage(2000, 500));
        QTest::mouseClick(retry, Qt::LeftButton);
        QVERIFY(shown.wait(20000));
        QVERIFY2(server.ok(), qPrintable(server.report()));
        QCOMPARE(server.requestCount(), 2);
        const QJsonArray messages = server.lastRequest().json.value(u"messages"_s).toArray();
        QVERIFY(QJsonDocument(messages.last().toObject()).toJson().contains("cycle: a -> b -> a"));
        QCOMPARE(dialog.lastResult().status, AiPlanResult::Status::Planned);
        QCOMPARE(table->model()->rowCount(), 3);
        QCOMPARE(table->model()->index(0, PlanGoalsModel::TitleColumn).data().toString(), u"Design the API"_s);
        QVERIFY(!problems->isVisible());
        QVERIFY(!retry->isVisible());
        QVERIFY(child<QPushButton>(&dialog, u"saveButton"_s)->isEnabled());
        QVERIFY(child<QLabel>(&dialog, u"planStatus"_s)->text().contains(u"2,000 input + 500 output tokens"_s));

        // Cancel ends a slow call at once and keeps the preview.
        server.enqueue(test::ScriptedReply::text(kReply).firstByteDelay(60'000));
        QTest::mouseClick(generate, Qt::LeftButton);
        QTRY_COMPARE(server.requestCount(), 3);
        QTest::mouseClick(cancel, Qt::LeftButton);
        QVERIFY(shown.wait(20000));
        QCOMPARE(dialog.lastResult().status, AiPlanResult::Status::Cancelled);
        QVERIFY(!dialog.isGenerating());
        QVERIFY(generate->isEnabled());
        QCOMPARE(table->model()->rowCount(), 3);
    }

    void emptyStateWithoutLlmProfiles()
    {
        AiPlanDialog dialog(nullptr, sessionConfig(false));
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        auto *empty = child<QLabel>(&dialog, u"emptyState"_s);
        QVERIFY(empty);
        QVERIFY(empty->isVisible());
        QVERIFY(!child<QPlainTextEdit>(&dialog, u"objectiveEdit"_s)->isVisible());
        QVERIFY(!child<QTableView>(&dialog, u"goalTable"_s)->isVisible());
        QVERIFY(empty->text().contains(u"model: gpt-4o"_s));
        QVERIFY(empty->text().contains(u"OPENAI_API_KEY"_s));
        dialog.setObjective(u"Build a REST API"_s);
        QVERIFY(!child<QPushButton>(&dialog, u"generateButton"_s)->isEnabled());
        QVERIFY(!child<QPushButton>(&dialog, u"saveButton"_s)->isEnabled());
        QCOMPARE(child<QComboBox>(&dialog, u"plannerCombo"_s)->count(), 0);
    }

    void plannersAreTheLlmProfiles()
    {
        AiPlanDialog dialog(nullptr, sessionConfig(true));
        auto *combo = child<QComboBox>(&dialog, u"plannerCombo"_s);
        QCOMPARE(combo->count(), 1);
        QCOMPARE(combo->itemData(0).toString(), u"planner"_s);
        QCOMPARE(combo->itemText(0), u"planner — plan-model"_s);
        auto *generate = child<QPushButton>(&dialog, u"generateButton"_s);
        QVERIFY(!generate->isEnabled()); // no objective yet
        QTest::keyClicks(child<QPlainTextEdit>(&dialog, u"objectiveEdit"_s), u"Build a REST API"_s);
        QVERIFY(generate->isEnabled());
    }

    void previewIsEditedAndChecked()
    {
        const Config config = sessionConfig(true);
        AiPlanDialog dialog(nullptr, config);
        dialog.setObjective(u"Build a REST API"_s);
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        dialog.showResult(resultOf(kReply, config));

        auto *table = child<QTableView>(&dialog, u"goalTable"_s);
        auto *problems = child<QListWidget>(&dialog, u"problemList"_s);
        auto *save = child<QPushButton>(&dialog, u"saveButton"_s);
        QAbstractItemModel *model = table->model();
        QVERIFY(table->isVisible());
        QCOMPARE(model->rowCount(), 3);
        QCOMPARE(model->index(1, PlanGoalsModel::IdColumn).data().toString(), u"server"_s);
        QCOMPARE(model->index(1, PlanGoalsModel::DependsColumn).data().toString(), u"design"_s);
        QVERIFY(!problems->isVisible());
        QVERIFY(save->isEnabled());
        QVERIFY(!child<QPushButton>(&dialog, u"retryButton"_s)->isVisible());

        // A person types a dependency that closes a cycle: the problem is named and its rows are marked.
        const QModelIndex designDeps = model->index(0, PlanGoalsModel::DependsColumn);
        table->setCurrentIndex(designDeps);
        table->edit(designDeps);
        auto *editor = table->viewport()->findChild<QLineEdit *>();
        QVERIFY(editor);
        QTest::keyClicks(editor, u"tests"_s);
        QTest::keyClick(editor, Qt::Key_Return);
        // The delegate commits on the next turn of the event loop.
        QTRY_COMPARE(dialog.goals().at(0).dependsOn, QStringList{u"tests"_s});
        QTRY_VERIFY(problems->isVisible());
        QCOMPARE(problemTexts(problems), QStringList{u"cycle: design -> tests -> server -> design"_s});
        for (int row = 0; row < 3; ++row) {
            QVERIFY(model->index(row, PlanGoalsModel::IdColumn).data(PlanGoalsModel::HasProblemRole).toBool());
            QVERIFY(model->index(row, PlanGoalsModel::DependsColumn).data(Qt::BackgroundRole).isValid());
        }
        QVERIFY(!save->isEnabled());
        QVERIFY(!dialog.saveTo(m_dir.filePath(u"refused.yaml"_s)));
        QVERIFY(!QFile::exists(m_dir.filePath(u"refused.yaml"_s)));

        // Renaming a goal renames it where others depend on it; clearing the cycle clears the problem.
        QVERIFY(model->setData(model->index(1, PlanGoalsModel::IdColumn), u"api"_s));
        QCOMPARE(dialog.goals().at(2).dependsOn, QStringList{u"api"_s});
        QVERIFY(model->setData(designDeps, QString()));
        QVERIFY(dialog.problems().isEmpty());
        QVERIFY(!problems->isVisible());
        QVERIFY(!model->index(0, PlanGoalsModel::IdColumn).data(PlanGoalsModel::HasProblemRole).toBool());
        QVERIFY(save->isEnabled());

        // An unknown capability typed in is named against its goal and field.
        QVERIFY(model->setData(model->index(2, PlanGoalsModel::CapabilitiesColumn), u"code, gpu"_s));
        QCOMPARE(problemTexts(problems),
                 QStringList{u"goal 'tests': capabilities: no profile has the capabilities: gpu"_s});
        QVERIFY(model->index(2, PlanGoalsModel::CapabilitiesColumn).data(PlanGoalsModel::HasProblemRole).toBool());
        QVERIFY(!model->index(2, PlanGoalsModel::TitleColumn).data(PlanGoalsModel::HasProblemRole).toBool());
        problems->setCurrentRow(0);
        QCOMPARE(table->currentIndex(), model->index(2, PlanGoalsModel::CapabilitiesColumn));
        QVERIFY(model->setData(model->index(2, PlanGoalsModel::CapabilitiesColumn), u"code"_s));

        // Rows are added and removed.
        child<QPushButton>(&dialog, u"addGoalButton"_s)->click();
        QCOMPARE(model->rowCount(), 4);
        QCOMPARE(dialog.goals().at(3).id, u"goal-4"_s);
        QVERIFY(table->viewport()->findChild<QLineEdit *>()); // the new goal's title, ready to type
        QTest::keyClick(table->viewport()->findChild<QLineEdit *>(), Qt::Key_Escape);
        table->selectRow(3);
        child<QPushButton>(&dialog, u"removeGoalButton"_s)->click();
        QCOMPARE(model->rowCount(), 3);

        // Saved, the file loads as a plan with the goals as edited.
        const QString path = m_dir.filePath(u"api.yaml"_s);
        QVERIFY(dialog.saveTo(path));
        ConfigError error;
        const std::optional<Plan> plan = PlanLoader::loadFile(path, config, &error);
        QVERIFY2(plan, qPrintable(error.toString()));
        QCOMPARE(plan->name, u"Build a REST API"_s);
        QCOMPARE(plan->goals.size(), 3);
        QCOMPARE(plan->goals.at(1).id, u"api"_s);
        QCOMPARE(plan->goals.at(1).description, u"Implement every endpoint."_s);
        QCOMPARE(plan->goals.at(2).dependsOn, QStringList{u"api"_s});
        QCOMPARE(plan->goals.at(0).successCriteria, QStringList{u"the spec validates"_s});
    }

    void invalidReplyOffersRetry()
    {
        const Config config = sessionConfig(true);
        AiPlanDialog dialog(nullptr, config);
        dialog.setObjective(u"Build a REST API"_s);
        dialog.show();
        dialog.showResult(resultOf(u"I would first design the API."_s, config));
        QCOMPARE(dialog.lastResult().status, AiPlanResult::Status::Invalid);
        auto *problems = child<QListWidget>(&dialog, u"problemList"_s);
        QCOMPARE(problems->count(), 1);
        QVERIFY2(problems->item(0)->text().startsWith(u"reply is not JSON"_s), qPrintable(problems->item(0)->text()));
        QVERIFY(child<QPushButton>(&dialog, u"retryButton"_s)->isVisible());
        QVERIFY(!child<QPushButton>(&dialog, u"saveButton"_s)->isEnabled());
        QVERIFY(!child<QPushButton>(&dialog, u"runButton"_s)->isEnabled());
    }

    void runStartsTheGoals()
    {
        const Config config = sessionConfig(true);
        Orchestrator orchestrator;
        orchestrator.pauseDispatch();
        AiPlanDialog dialog(&orchestrator, config);
        dialog.setObjective(u"Build a REST API"_s);
        dialog.showResult(resultOf(kReply, config));
        QSignalSpy started(&dialog, &AiPlanDialog::planStarted);
        auto *run = child<QPushButton>(&dialog, u"runButton"_s);
        QVERIFY(run->isEnabled());
        run->click();
        QCOMPARE(started.count(), 1);
        QCOMPARE(started.first().first().toString(), u"Build a REST API"_s);
        QCOMPARE(dialog.startedAgentIds().size(), 3);
        QCOMPARE(dialog.result(), int(QDialog::Accepted));
        QCOMPARE(orchestrator.profiles().size(), config.profiles.size());
        orchestrator.cancelAll();
    }

private:
    QTemporaryDir m_dir;
};

QTEST_MAIN(TestAiPlanDialog)
#include "tst_aiplandialog.moc"
