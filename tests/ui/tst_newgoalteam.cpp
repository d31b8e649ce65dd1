// The New goal form's Team section and "Runs when" field (issue 16): a person picks a pattern and its profiles
// with keyboard and mouse, only the chosen pattern's fields show, the goal that reaches the orchestrator carries
// the team and the condition, and bad input is refused with the field named.
#include "dialogs/ConditionField.h"
#include "dialogs/NewGoalDialog.h"
#include "dialogs/TeamSection.h"
#include "orchestration/Orchestrator.h"
#include "support/ProfileBuilder.h"
#include "support/TestSupport.h"

#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QSpinBox>
#include <QStandardPaths>
#include <QTest>
#include <QToolButton>

using namespace switchboard;
using namespace Qt::StringLiterals;

namespace {
using test::child;

void checkRow(QListWidget *list, int row)
{
    list->setCurrentRow(row);
    QTest::keyClick(list, Qt::Key_Space);
}

void chooseKind(TeamSection *section, TeamKind kind)
{
    QComboBox *combo = section->kindCombo();
    combo->setCurrentIndex(combo->findData(static_cast<int>(kind)));
    QCOMPARE(combo->currentData().toInt(), static_cast<int>(kind));
}

void chooseProfile(QComboBox *combo, const QString &name)
{
    const int index = combo->findData(name);
    QVERIFY(index > 0);
    combo->setCurrentIndex(index);
}
} // namespace

class TestNewGoalTeam : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void init()
    {
        m_orchestrator = std::make_unique<Orchestrator>();
        m_orchestrator->setProfiles({test::ProfileBuilder::demo(u"researcher"_s, 200),
                                     test::ProfileBuilder::demo(u"writer"_s, 200),
                                     test::ProfileBuilder::demo(u"lead"_s, 200)});
        m_orchestrator->pauseDispatch(); // the form is under test, not the agents
    }

    void cleanup()
    {
        m_orchestrator->cancelAll();
        m_orchestrator.reset();
    }

    void onlyTheChosenPatternsFieldsShow()
    {
        NewGoalDialog dialog(m_orchestrator.get());
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        TeamSection *team = dialog.teamSection();
        QVERIFY(!team->isExpanded()); // folded away: most goals are one agent
        QTest::mouseClick(child<QToolButton>(&dialog, u"teamHeader"_s), Qt::LeftButton);
        QVERIFY(team->isExpanded());
        QVERIFY(!team->profilesList()->isVisible());
        QVERIFY(!team->roundsSpin()->isVisible());

        chooseKind(team, TeamKind::Parallel);
        QVERIFY(team->profilesList()->isVisible());
        QVERIFY(team->formatCombo()->isVisible());
        QVERIFY(team->minSuccessfulSpin()->isVisible());
        QVERIFY(!team->plannerCombo()->isVisible());
        QVERIFY(!team->roundsSpin()->isVisible());
        QVERIFY(!team->judgeCombo()->isVisible());
        QCOMPARE(team->profilesList()->count(), 3); // the known profiles
        // A team runs no agent of its own: the goal's own profile does not apply.
        QVERIFY(!child<QComboBox>(&dialog, u"profileCombo"_s)->isEnabled());

        chooseKind(team, TeamKind::Supervisor);
        for (QWidget *shown :
             std::initializer_list<QWidget *>{team->plannerCombo(), team->workersList(), team->modeCombo(),
                                              team->maxIterationsSpin(), team->maxWorkersPerStepSpin()})
            QVERIFY(shown->isVisible());
        QVERIFY(!team->profilesList()->isVisible());
        QVERIFY(!team->roundsSpin()->isVisible());
        QVERIFY(!team->formatCombo()->isVisible());

        chooseKind(team, TeamKind::Debate);
        QVERIFY(team->profilesList()->isVisible());
        QVERIFY(team->roundsSpin()->isVisible());
        QVERIFY(team->judgeCombo()->isVisible());
        QVERIFY(!team->plannerCombo()->isVisible());
        QVERIFY(!team->minSuccessfulSpin()->isVisible());

        team->kindCombo()->setCurrentIndex(0); // None
        QVERIFY(!team->profilesList()->isVisible());
        QVERIFY(child<QComboBox>(&dialog, u"profileCombo"_s)->isEnabled());
        QVERIFY(!dialog.goal().team);
    }

    void spawnsAParallelTeam()
    {
        NewGoalDialog dialog(m_orchestrator.get());
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        QTest::keyClicks(child<QLineEdit>(&dialog, u"titleEdit"_s), u"Analyse AI trends"_s);
        QTest::keyClicks(child<QLineEdit>(&dialog, u"goalIdEdit"_s), u"views"_s);
        TeamSection *team = dialog.teamSection();
        team->setExpanded(true);
        chooseKind(team, TeamKind::Parallel);
        checkRow(team->profilesList(), 0);
        checkRow(team->profilesList(), 1);
        QTest::mouseClick(team->minSuccessfulCheck(), Qt::LeftButton, {},
                          QPoint(6, team->minSuccessfulCheck()->height() / 2));
        QVERIFY(team->minSuccessfulSpin()->isEnabled());
        team->minSuccessfulSpin()->setValue(1);
        team->formatCombo()->setCurrentIndex(team->formatCombo()->findData(static_cast<int>(TeamFormat::Xml)));

        TeamPattern expected;
        expected.kind = TeamKind::Parallel;
        expected.profiles = {u"researcher"_s, u"writer"_s};
        expected.minSuccessful = 1;
        expected.format = TeamFormat::Xml;
        QCOMPARE(dialog.goal().team, std::optional<TeamPattern>(expected));

        QTest::mouseClick(child<QPushButton>(&dialog, u"submitButton"_s), Qt::LeftButton);
        QCOMPARE(dialog.result(), int(QDialog::Accepted));
        const std::optional<Goal> spawned = m_orchestrator->goal(u"views"_s);
        QVERIFY(spawned);
        QCOMPARE(spawned->team, std::optional<TeamPattern>(expected));
        QVERIFY(!spawned->when);
    }

    void buildsSupervisorAndDebatePatterns()
    {
        NewGoalDialog dialog(m_orchestrator.get());
        TeamSection *team = dialog.teamSection();
        chooseKind(team, TeamKind::Supervisor);
        chooseProfile(team->plannerCombo(), u"lead"_s);
        checkRow(team->workersList(), 0);
        checkRow(team->workersList(), 1);
        team->modeCombo()->setCurrentIndex(team->modeCombo()->findData(static_cast<int>(SupervisorMode::Sequential)));
        team->maxIterationsSpin()->setValue(3);
        team->maxWorkersPerStepSpin()->setValue(2);
        TeamPattern supervisor;
        supervisor.kind = TeamKind::Supervisor;
        supervisor.planner = u"lead"_s;
        supervisor.workers = {u"researcher"_s, u"writer"_s};
        supervisor.mode = SupervisorMode::Sequential;
        supervisor.maxIterations = 3;
        supervisor.maxWorkersPerStep = 2;
        QCOMPARE(team->pattern(), std::optional<TeamPattern>(supervisor));
        QVERIFY(team->validate());

        chooseKind(team, TeamKind::Debate);
        checkRow(team->profilesList(), 0);
        checkRow(team->profilesList(), 1);
        team->roundsSpin()->setValue(2);
        chooseProfile(team->judgeCombo(), u"lead"_s);
        TeamPattern debate;
        debate.kind = TeamKind::Debate;
        debate.profiles = {u"researcher"_s, u"writer"_s};
        debate.rounds = 2;
        debate.judge = u"lead"_s;
        QCOMPARE(team->pattern(), std::optional<TeamPattern>(debate));
        QVERIFY(team->validate());
        QVERIFY(team->pattern()->problems().isEmpty());
    }

    void refusesBadTeamsNamingTheField()
    {
        NewGoalDialog dialog(m_orchestrator.get());
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        QTest::keyClicks(child<QLineEdit>(&dialog, u"titleEdit"_s), u"Should we adopt AI in hiring?"_s);
        TeamSection *team = dialog.teamSection();
        chooseKind(team, TeamKind::Debate);
        checkRow(team->profilesList(), 0); // one participant, no judge
        const int goalsBefore = static_cast<int>(m_orchestrator->goalIds().size());

        QTest::mouseClick(child<QPushButton>(&dialog, u"submitButton"_s), Qt::LeftButton);
        QVERIFY(dialog.isVisible());
        QCOMPARE(m_orchestrator->goalIds().size(), goalsBefore);
        QVERIFY(team->isExpanded()); // opened to show what is wrong
        QVERIFY(team->profilesError()->isVisible());
        QVERIFY2(team->profilesError()->text().startsWith(u"Participants"_s),
                 qPrintable(team->profilesError()->text()));
        QVERIFY(team->judgeError()->isVisible());
        QVERIFY2(team->judgeError()->text().startsWith(u"Judge"_s), qPrintable(team->judgeError()->text()));
        QCOMPARE(dialog.focusWidget(), team->profilesList());

        // Fixed, the messages go and the goal is spawned.
        checkRow(team->profilesList(), 1);
        chooseProfile(team->judgeCombo(), u"lead"_s);
        QVERIFY(!team->profilesError()->isVisible());
        QTest::mouseClick(child<QPushButton>(&dialog, u"submitButton"_s), Qt::LeftButton);
        QCOMPARE(dialog.result(), int(QDialog::Accepted));
        QCOMPARE(m_orchestrator->goalIds().size(), goalsBefore + 1);

        // A supervisor without workers, a parallel team asking more successes than members.
        NewGoalDialog second(m_orchestrator.get());
        TeamSection *other = second.teamSection();
        chooseKind(other, TeamKind::Supervisor);
        chooseProfile(other->plannerCombo(), u"lead"_s);
        QVERIFY(!other->validate());
        QVERIFY2(other->workersError()->text().startsWith(u"Workers"_s), qPrintable(other->workersError()->text()));
        QVERIFY(other->plannerError()->isHidden());
        chooseKind(other, TeamKind::Parallel);
        checkRow(other->profilesList(), 0);
        other->minSuccessfulCheck()->setChecked(true);
        other->minSuccessfulSpin()->setValue(2);
        QVERIFY(!other->validate());
        QVERIFY2(other->minSuccessfulError()->text().startsWith(u"Min successful"_s),
                 qPrintable(other->minSuccessfulError()->text()));
    }

    void conditionOnADependency()
    {
        Goal post;
        post.id = u"post"_s;
        post.title = u"Write the post"_s;
        QVERIFY(!m_orchestrator->spawn(post).isEmpty());

        NewGoalDialog dialog(m_orchestrator.get());
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        QTest::keyClicks(child<QLineEdit>(&dialog, u"titleEdit"_s), u"Deploy"_s);
        QTest::keyClicks(child<QLineEdit>(&dialog, u"goalIdEdit"_s), u"deploy"_s);
        ConditionField *when = dialog.conditionField();
        QVERIFY(!when->goalCombo()->isVisible()); // "Always"
        when->testCombo()->setCurrentIndex(3);    // result contains
        QVERIFY(when->textEdit()->isVisible());
        QVERIFY(!when->goalCombo()->isEnabled()); // no dependency checked yet

        // Submitting now names the field: the goal to test must be a dependency.
        QTest::mouseClick(child<QPushButton>(&dialog, u"submitButton"_s), Qt::LeftButton);
        QVERIFY(dialog.isVisible());
        QVERIFY(when->errorLabel()->isVisible());
        QVERIFY2(when->errorLabel()->text().startsWith(u"Runs when"_s), qPrintable(when->errorLabel()->text()));

        checkRow(child<QListWidget>(&dialog, u"dependsOnList"_s), 0);
        QVERIFY(when->goalCombo()->isEnabled());
        QCOMPARE(when->goalCombo()->currentData().toString(), u"post"_s);
        QTest::mouseClick(child<QPushButton>(&dialog, u"submitButton"_s), Qt::LeftButton);
        QVERIFY(dialog.isVisible()); // the text is still missing
        QVERIFY2(when->errorLabel()->text().contains(u"text"_s), qPrintable(when->errorLabel()->text()));

        QTest::keyClicks(when->textEdit(), u"APPROVED"_s);
        GoalCondition expected;
        expected.goal = u"post"_s;
        expected.test = GoalCondition::Test::ResultContains;
        expected.text = u"APPROVED"_s;
        QCOMPARE(dialog.goal().when, std::optional<GoalCondition>(expected));
        QTest::mouseClick(child<QPushButton>(&dialog, u"submitButton"_s), Qt::LeftButton);
        QCOMPARE(dialog.result(), int(QDialog::Accepted));
        const std::optional<Goal> deploy = m_orchestrator->goal(u"deploy"_s);
        QVERIFY(deploy);
        QCOMPARE(deploy->when, std::optional<GoalCondition>(expected));
        QCOMPARE(deploy->dependsOn, QStringList{u"post"_s});

        // "did not succeed"
        NewGoalDialog other(m_orchestrator.get());
        checkRow(child<QListWidget>(&other, u"dependsOnList"_s), 0);
        other.conditionField()->testCombo()->setCurrentIndex(2);
        QVERIFY(other.goal().when);
        QCOMPARE(other.goal().when->test, GoalCondition::Test::Succeeded);
        QCOMPARE(other.goal().when->succeeded, false);
        QCOMPARE(other.goal().when->goal, u"post"_s);
    }

private:
    std::unique_ptr<Orchestrator> m_orchestrator;
};

QTEST_MAIN(TestNewGoalTeam)
#include "tst_newgoalteam.moc"
