// New goal › "Runs on" (issue 19): by default a goal runs where its profile says ("As its profile": no override);
// choosing an SSH host or a Slurm cluster spawns the goal with that executor, which wins over the profile's. A value
// the config reader would refuse is named under its field and the goal is not spawned; a profile that runs inside
// Switchboard (LLM, demo) takes no override.
#include "dialogs/NewGoalDialog.h"
#include "execution/ExecutorRules.h"
#include "orchestration/Orchestrator.h"
#include "settings/ExecutorFields.h"
#include "support/ProfileBuilder.h"
#include "support/TestSupport.h"

#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QStandardPaths>
#include <QTest>

using namespace switchboard;
using namespace Qt::StringLiterals;
using test::child;

namespace {

AgentProfile builderProfile()
{
    AgentProfile profile;
    profile.name = u"builder"_s;
    profile.backend = u"process"_s;
    profile.command = {u"true"_s};
    profile.capabilities = {u"code"_s};
    // The profile's own place: a goal "as its profile" keeps it, an override replaces it.
    profile.executor.kind = ExecutorSpec::Kind::Slurm;
    profile.executor.slurm.partition = u"batch"_s;
    return profile;
}

void chooseProfile(NewGoalDialog &dialog, const QString &name)
{
    auto *profile = child<QComboBox>(&dialog, u"profileCombo"_s);
    const int index = profile->findData(name);
    QVERIFY(index > 0);
    profile->setCurrentIndex(index);
}

void chooseKind(NewGoalDialog &dialog, const QString &kind)
{
    auto *combo = child<QComboBox>(&dialog, u"executorKind"_s);
    QVERIFY(combo->isEnabled());
    const int index = combo->findData(kind);
    QVERIFY(index >= 0);
    combo->setCurrentIndex(index);
}

void type(NewGoalDialog &dialog, const QString &field, const QString &text)
{
    auto *edit = child<QLineEdit>(&dialog, field);
    QVERIFY(edit);
    QVERIFY2(edit->isVisible(), qPrintable(field));
    edit->selectAll();
    QTest::keyClicks(edit, text);
}

} // namespace

class TestNewGoalExecutor final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void init()
    {
        m_orchestrator = std::make_unique<Orchestrator>();
        m_orchestrator->setProfiles(
            {builderProfile(), test::ProfileBuilder::demo(u"writer"_s, 200).capabilities({u"docs"_s})});
        m_orchestrator->pauseDispatch(); // the form is under test, not the agents
    }

    void cleanup()
    {
        m_orchestrator->cancelAll();
        m_orchestrator.reset();
    }

    void asItsProfileIsTheDefault();
    void sshOverrideGoesWithTheGoal();
    void invalidValueIsNamedAndBlocksSpawning_data();
    void invalidValueIsNamedAndBlocksSpawning();
    void profileInsideSwitchboardTakesNoOverride();

private:
    std::optional<Goal> spawnedGoal(const NewGoalDialog &dialog) const
    {
        const std::optional<AgentStatus> status = m_orchestrator->status(dialog.spawnedAgentId());
        return status ? m_orchestrator->goal(status->goalId) : std::nullopt;
    }

    std::unique_ptr<Orchestrator> m_orchestrator;
};

void TestNewGoalExecutor::asItsProfileIsTheDefault()
{
    NewGoalDialog dialog(m_orchestrator.get());
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    auto *kind = child<QComboBox>(&dialog, u"executorKind"_s);
    QCOMPARE(kind->currentIndex(), 0);
    QCOMPARE(kind->currentData().toString(), u"profile"_s);
    QVERIFY(!child<QLineEdit>(&dialog, u"executorHost"_s)->isVisible());

    QTest::keyClicks(child<QLineEdit>(&dialog, u"titleEdit"_s), u"Build the release"_s);
    chooseProfile(dialog, u"builder"_s);
    QTest::mouseClick(child<QPushButton>(&dialog, u"submitButton"_s), Qt::LeftButton);
    QCOMPARE(dialog.result(), int(QDialog::Accepted));
    const std::optional<Goal> goal = spawnedGoal(dialog);
    QVERIFY(goal);
    QCOMPARE(goal->profile, u"builder"_s);
    QVERIFY(!goal->executor); // the profile's Slurm partition decides
}

void TestNewGoalExecutor::sshOverrideGoesWithTheGoal()
{
    NewGoalDialog dialog(m_orchestrator.get());
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    QTest::keyClicks(child<QLineEdit>(&dialog, u"titleEdit"_s), u"Build on the build host"_s);
    chooseProfile(dialog, u"builder"_s);
    chooseKind(dialog, u"ssh"_s);
    QVERIFY(!child<QLineEdit>(&dialog, u"executorPartition"_s)->isVisible());
    type(dialog, u"executorHost"_s, u"build-7"_s);
    type(dialog, u"executorUser"_s, u"ci"_s);
    type(dialog, u"executorPort"_s, u"2222"_s);
    type(dialog, u"executorWorkdir"_s, u"/srv/agents"_s);
    QTest::mouseClick(child<QPushButton>(&dialog, u"submitButton"_s), Qt::LeftButton);
    QCOMPARE(dialog.result(), int(QDialog::Accepted));

    const std::optional<Goal> goal = spawnedGoal(dialog);
    QVERIFY(goal);
    QVERIFY(goal->executor);
    ExecutorSpec expected;
    expected.kind = ExecutorSpec::Kind::Ssh;
    expected.ssh.host = u"build-7"_s;
    expected.ssh.user = u"ci"_s;
    expected.ssh.port = 2222;
    expected.ssh.workdir = u"/srv/agents"_s;
    QCOMPARE(*goal->executor, expected);
}

void TestNewGoalExecutor::invalidValueIsNamedAndBlocksSpawning_data()
{
    QTest::addColumn<QString>("kind");
    QTest::addColumn<QString>("field"); // the input's object name
    QTest::addColumn<QString>("value"); // what is typed into it
    QTest::addColumn<QString>("key");   // the config key the message starts with
    QTest::addColumn<QString>("fixed"); // a value that is right
    QTest::newRow("port out of range") << u"ssh"_s << u"executorPort"_s << u"70000"_s << u"port"_s << u"22"_s;
    QTest::newRow("port not a number") << u"ssh"_s << u"executorPort"_s << u"ssh"_s << u"port"_s << u"2222"_s;
    QTest::newRow("no host") << u"ssh"_s << u"executorHost"_s << QString() << u"host"_s << u"build-7"_s;
    QTest::newRow("host as option") << u"ssh"_s << u"executorHost"_s << u"-oProxyCommand=x"_s << u"host"_s
                                    << u"build-7"_s;
    QTest::newRow("time_limit") << u"slurm"_s << u"executorTimeLimit"_s << u"2 hours"_s << u"time_limit"_s
                                << u"2:00:00"_s;
}

void TestNewGoalExecutor::invalidValueIsNamedAndBlocksSpawning()
{
    QFETCH(QString, kind);
    QFETCH(QString, field);
    QFETCH(QString, value);
    QFETCH(QString, key);
    QFETCH(QString, fixed);

    NewGoalDialog dialog(m_orchestrator.get());
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    QTest::keyClicks(child<QLineEdit>(&dialog, u"titleEdit"_s), u"Build it"_s);
    chooseProfile(dialog, u"builder"_s);
    chooseKind(dialog, kind);
    if (kind == u"ssh" && field != u"executorHost")
        type(dialog, u"executorHost"_s, u"build-7"_s);
    type(dialog, field, value);

    QTest::mouseClick(child<QPushButton>(&dialog, u"submitButton"_s), Qt::LeftButton);
    QVERIFY(dialog.isVisible());
    QVERIFY(dialog.spawnedAgentId().isEmpty());
    QVERIFY(m_orchestrator->goalIds().isEmpty());
    auto *error = child<QLabel>(&dialog, key + u"Error"_s);
    QVERIFY(error->isVisible());
    QVERIFY2(error->text().startsWith(key + u':'), qPrintable(error->text()));
    auto *input = child<QLineEdit>(&dialog, field);
    QTRY_VERIFY(input->hasFocus());

    // Right, the message goes, and the goal is spawned with the corrected value.
    type(dialog, field, fixed);
    QTRY_VERIFY(!error->isVisible());
    QTest::mouseClick(child<QPushButton>(&dialog, u"submitButton"_s), Qt::LeftButton);
    QCOMPARE(dialog.result(), int(QDialog::Accepted));
    const std::optional<Goal> goal = spawnedGoal(dialog);
    QVERIFY(goal && goal->executor);
    QCOMPARE(ExecutorSpec::kindName(goal->executor->kind), kind);
    QVERIFY(ExecutorRules::problems(*goal->executor).isEmpty());
}

void TestNewGoalExecutor::profileInsideSwitchboardTakesNoOverride()
{
    NewGoalDialog dialog(m_orchestrator.get());
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    QTest::keyClicks(child<QLineEdit>(&dialog, u"titleEdit"_s), u"Write the notes"_s);
    chooseProfile(dialog, u"builder"_s);
    chooseKind(dialog, u"ssh"_s);
    type(dialog, u"executorPort"_s, u"70000"_s); // not even a host: it does not matter once the group is off
    auto *group = child<ExecutorFields>(&dialog, u"executorFields"_s);
    chooseProfile(dialog, u"writer"_s); // demo: runs inside Switchboard
    QVERIFY(!group->isEnabled());
    QVERIFY(!child<QLabel>(&dialog, u"portError"_s)->isVisible());
    QTest::mouseClick(child<QPushButton>(&dialog, u"submitButton"_s), Qt::LeftButton);
    QCOMPARE(dialog.result(), int(QDialog::Accepted));
    const std::optional<Goal> goal = spawnedGoal(dialog);
    QVERIFY(goal);
    QCOMPARE(goal->profile, u"writer"_s);
    QVERIFY(!goal->executor);
}

QTEST_MAIN(TestNewGoalExecutor)
#include "tst_newgoalexecutor.moc"
