// NewGoalDialog: a person fills the form with keyboard and mouse and submits; the goal reaches the
// orchestrator with every field. Empty or contradictory forms name the problem and spawn nothing.
#include "dialogs/IsolationSection.h"
#include "dialogs/NewGoalDialog.h"
#include "model/InputLimits.h"
#include "orchestration/Orchestrator.h"
#include "support/GitRepository.h"
#include "support/ProfileBuilder.h"
#include "support/TestSupport.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDateTimeEdit>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QToolButton>

using namespace switchboard;
using namespace Qt::StringLiterals;

namespace {
using test::child;

// Checks a checkable list row the way a keyboard user does: make it current, press Space.
void checkRow(QListWidget *list, int row)
{
    list->setCurrentRow(row);
    QTest::keyClick(list, Qt::Key_Space);
}
} // namespace

class TestNewGoalDialog : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void init()
    {
        m_orchestrator = std::make_unique<Orchestrator>();
        m_orchestrator->setProfiles({test::ProfileBuilder::demo(u"coder"_s, 200).capabilities({u"code"_s, u"test"_s}),
                                     test::ProfileBuilder::demo(u"writer"_s, 200).capabilities({u"docs"_s})});
        m_orchestrator->pauseDispatch(); // the form is under test, not the agents
    }

    void cleanup()
    {
        m_orchestrator->cancelAll();
        m_orchestrator.reset();
    }

    void fillsEveryFieldAndSpawns()
    {
        Goal earlier;
        earlier.id = u"schema"_s;
        earlier.title = u"Design the schema"_s;
        QVERIFY(!m_orchestrator->spawn(earlier).isEmpty());

        NewGoalDialog dialog(m_orchestrator.get());
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));

        QTest::keyClicks(child<QLineEdit>(&dialog, u"titleEdit"_s), u"Write the API docs"_s);
        QTest::keyClicks(child<QPlainTextEdit>(&dialog, u"descriptionEdit"_s), u"Cover every endpoint."_s);
        auto *priority = child<QComboBox>(&dialog, u"priorityCombo"_s);
        QTest::keyClick(priority, Qt::Key_Down); // Medium -> High
        QCOMPARE(priority->currentData().toInt(), static_cast<int>(Priority::High));

        auto *deadlineCheck = child<QCheckBox>(&dialog, u"deadlineCheck"_s);
        auto *deadline = child<QDateTimeEdit>(&dialog, u"deadlineEdit"_s);
        QVERIFY(!deadline->isEnabled());
        QTest::mouseClick(deadlineCheck, Qt::LeftButton, {}, QPoint(6, deadlineCheck->height() / 2));
        QVERIFY(deadlineCheck->isChecked());
        QVERIFY(deadline->isEnabled());

        // Two success criteria through the Add button and the in-place editor.
        auto *criteria = child<QListWidget>(&dialog, u"criteriaList"_s);
        for (const QString &text : {u"every endpoint documented"_s, u"examples run"_s}) {
            QTest::mouseClick(child<QToolButton>(&dialog, u"criteriaAddButton"_s), Qt::LeftButton);
            QLineEdit *editor = nullptr; // the open editor; closed ones may linger until deleted
            for (QLineEdit *candidate : criteria->viewport()->findChildren<QLineEdit *>()) {
                if (candidate->isVisible())
                    editor = candidate;
            }
            QVERIFY(editor);
            QTest::keyClicks(editor, text);
            QTest::keyClick(editor, Qt::Key_Return);
            QTRY_COMPARE(criteria->currentItem()->text(), text); // Return commits on the next event loop pass
        }
        QCOMPARE(criteria->count(), 2);

        auto *profile = child<QComboBox>(&dialog, u"profileCombo"_s);
        QTest::keyClick(profile, Qt::Key_Down);
        QTest::keyClick(profile, Qt::Key_Down); // Any -> coder -> writer
        QCOMPARE(profile->currentText(), u"writer"_s);
        QVERIFY(!child<QListWidget>(&dialog, u"capabilitiesList"_s)->isEnabled());

        auto *dependsOn = child<QListWidget>(&dialog, u"dependsOnList"_s);
        QCOMPARE(dependsOn->count(), 1);
        checkRow(dependsOn, 0);
        QCOMPARE(dependsOn->item(0)->checkState(), Qt::Checked);

        auto *resources = child<QPlainTextEdit>(&dialog, u"resourcesEdit"_s);
        QTest::keyClicks(resources, u"docs/api.md"_s);
        QTest::keyClick(resources, Qt::Key_Return);
        QTest::keyClicks(resources, u"openapi.yaml"_s);

        QTest::mouseClick(child<QPushButton>(&dialog, u"submitButton"_s), Qt::LeftButton);
        QCOMPARE(dialog.result(), int(QDialog::Accepted));
        QVERIFY(!dialog.isVisible());

        const QString agentId = dialog.spawnedAgentId();
        QVERIFY(!agentId.isEmpty());
        const std::optional<AgentStatus> status = m_orchestrator->status(agentId);
        QVERIFY(status);
        const std::optional<Goal> goal = m_orchestrator->goal(status->goalId);
        QVERIFY(goal);
        QCOMPARE(goal->title, u"Write the API docs"_s);
        QCOMPARE(goal->description, u"Cover every endpoint."_s);
        QCOMPARE(goal->priority, Priority::High);
        QVERIFY(goal->deadline.isValid());
        QVERIFY(goal->deadline > QDateTime::currentDateTimeUtc());
        QCOMPARE(goal->successCriteria, (QStringList{u"every endpoint documented"_s, u"examples run"_s}));
        QCOMPARE(goal->profile, u"writer"_s);
        QCOMPARE(goal->dependsOn, QStringList{u"schema"_s});
        QCOMPARE(goal->resources, (QStringList{u"docs/api.md"_s, u"openapi.yaml"_s}));
    }

    // The rule: a title or a description. Neither is refused, naming the fields; a description alone is a goal
    // whose title is the description's first line.
    void titleOrDescriptionIsRequired()
    {
        NewGoalDialog dialog(m_orchestrator.get());
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        auto *error = child<QLabel>(&dialog, u"titleError"_s);
        QVERIFY(error->isHidden());

        QTest::mouseClick(child<QPushButton>(&dialog, u"submitButton"_s), Qt::LeftButton);
        QVERIFY(dialog.isVisible());
        QVERIFY(error->isVisible());
        QCOMPARE(error->text(), u"Enter a title or a description"_s);
        QVERIFY(m_orchestrator->agentIds().isEmpty());

        // Typing a description clears the message once the form re-checks, and the goal can go.
        auto *description = child<QPlainTextEdit>(&dialog, u"descriptionEdit"_s);
        QTest::keyClicks(description, u"Profile the start-up"_s);
        QTest::keyClick(description, Qt::Key_Return);
        QTest::keyClicks(description, u"and make it faster"_s);
        QTRY_VERIFY(error->isHidden());
        QTest::mouseClick(child<QPushButton>(&dialog, u"submitButton"_s), Qt::LeftButton);
        QCOMPARE(dialog.result(), int(QDialog::Accepted));
        const std::optional<AgentStatus> status = m_orchestrator->status(dialog.spawnedAgentId());
        QVERIFY(status);
        const std::optional<Goal> goal = m_orchestrator->goal(status->goalId);
        QVERIFY(goal);
        QCOMPARE(goal->title, u"Profile the start-up"_s);
        QCOMPARE(goal->description, u"Profile the start-up\nand make it faster"_s);
    }

    void whitespaceTitleIsEmpty()
    {
        NewGoalDialog dialog(m_orchestrator.get());
        dialog.show();
        QTest::keyClicks(child<QLineEdit>(&dialog, u"titleEdit"_s), u"   "_s);
        QTest::keyClicks(child<QPlainTextEdit>(&dialog, u"descriptionEdit"_s), u"  "_s);
        QTest::mouseClick(child<QPushButton>(&dialog, u"submitButton"_s), Qt::LeftButton);
        QVERIFY(child<QLabel>(&dialog, u"titleError"_s)->isVisible());
        QVERIFY(m_orchestrator->agentIds().isEmpty());
    }

    void pastDeadlineIsNamed()
    {
        NewGoalDialog dialog(m_orchestrator.get());
        dialog.show();
        QTest::keyClicks(child<QLineEdit>(&dialog, u"titleEdit"_s), u"Late"_s);
        auto *deadlineCheck = child<QCheckBox>(&dialog, u"deadlineCheck"_s);
        QTest::mouseClick(deadlineCheck, Qt::LeftButton, {}, QPoint(6, deadlineCheck->height() / 2));
        child<QDateTimeEdit>(&dialog, u"deadlineEdit"_s)->setDateTime(QDateTime::currentDateTime().addDays(-1));
        QTest::mouseClick(child<QPushButton>(&dialog, u"submitButton"_s), Qt::LeftButton);
        auto *error = child<QLabel>(&dialog, u"deadlineError"_s);
        QVERIFY(error->isVisible());
        QVERIFY(error->text().contains(u"past"_s));
        QVERIFY(m_orchestrator->agentIds().isEmpty());
    }

    void orchestratorProblemsShowBeforeSubmit()
    {
        Goal existing;
        existing.id = u"taken"_s;
        existing.title = u"Already here"_s;
        QVERIFY(!m_orchestrator->spawn(existing).isEmpty());

        NewGoalDialog dialog(m_orchestrator.get());
        dialog.show();
        auto *problems = child<QLabel>(&dialog, u"validationErrors"_s);
        QTest::keyClicks(child<QLineEdit>(&dialog, u"titleEdit"_s), u"Clash"_s);
        QTest::keyClicks(child<QLineEdit>(&dialog, u"goalIdEdit"_s), u"taken"_s);
        // Shown while the person is still filling the form, without pressing submit.
        QTRY_VERIFY(problems->isVisible());
        QVERIFY2(problems->text().contains(u"taken"_s), qPrintable(problems->text()));

        QTest::mouseClick(child<QPushButton>(&dialog, u"submitButton"_s), Qt::LeftButton);
        QVERIFY(dialog.isVisible());
        QCOMPARE(m_orchestrator->agentIds().size(), 1);

        // Capabilities that no single profile has together: "code" (coder) and "docs" (writer).
        child<QLineEdit>(&dialog, u"goalIdEdit"_s)->clear();
        auto *capabilities = child<QListWidget>(&dialog, u"capabilitiesList"_s);
        QVERIFY(capabilities->isEnabled());
        for (int row = 0; row < capabilities->count(); ++row) {
            const QString name = capabilities->item(row)->text();
            if (name == u"code" || name == u"docs")
                checkRow(capabilities, row);
        }
        QTRY_VERIFY(problems->isVisible() && !problems->text().contains(u"taken"_s));
        QTest::mouseClick(child<QPushButton>(&dialog, u"submitButton"_s), Qt::LeftButton);
        QVERIFY(dialog.isVisible());
        QCOMPARE(m_orchestrator->agentIds().size(), 1);

        // Dropping "docs" leaves a goal the coder profile can take.
        for (int row = 0; row < capabilities->count(); ++row) {
            if (capabilities->item(row)->text() == u"docs")
                checkRow(capabilities, row);
        }
        QTRY_VERIFY(problems->isHidden());
        QTest::mouseClick(child<QPushButton>(&dialog, u"submitButton"_s), Qt::LeftButton);
        QCOMPARE(dialog.result(), int(QDialog::Accepted));
        const std::optional<Goal> goal = m_orchestrator->goal(m_orchestrator->status(dialog.spawnedAgentId())->goalId);
        QCOMPARE(goal->capabilities, QStringList{u"code"_s});
        QVERIFY(goal->profile.isEmpty());
    }

    void overLongTitleAndBadIdAreRefused()
    {
        NewGoalDialog dialog(m_orchestrator.get());
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        auto *title = child<QLineEdit>(&dialog, u"titleEdit"_s);
        title->setText(QString(InputLimits::kMaxTitleLength + 1, u'x')); // as a paste does
        QTest::mouseClick(child<QPushButton>(&dialog, u"submitButton"_s), Qt::LeftButton);
        QVERIFY(dialog.isVisible());
        auto *titleError = child<QLabel>(&dialog, u"titleError"_s);
        QVERIFY(titleError->isVisible());
        QCOMPARE(titleError->text(),
                 u"The title is too long: %1 characters, at most %2"_s.arg(InputLimits::kMaxTitleLength + 1)
                     .arg(InputLimits::kMaxTitleLength));
        QVERIFY(m_orchestrator->agentIds().isEmpty());

        // A quote in the id: the problem names the id and the character's position.
        title->setText(u"Fix the login"_s);
        QTest::keyClicks(child<QLineEdit>(&dialog, u"goalIdEdit"_s), u"login\"fix"_s);
        QTest::mouseClick(child<QPushButton>(&dialog, u"submitButton"_s), Qt::LeftButton);
        QVERIFY(dialog.isVisible());
        QVERIFY(titleError->isHidden());
        auto *problems = child<QLabel>(&dialog, u"validationErrors"_s);
        QVERIFY(problems->isVisible());
        QVERIFY2(problems->text().contains(u"character 6 ('\"') is not allowed in an id"_s),
                 qPrintable(problems->text()));
        QVERIFY(m_orchestrator->agentIds().isEmpty());

        // Without the quote it goes.
        auto *id = child<QLineEdit>(&dialog, u"goalIdEdit"_s);
        id->clear();
        QTest::keyClicks(id, u"login-fix"_s);
        QTest::mouseClick(child<QPushButton>(&dialog, u"submitButton"_s), Qt::LeftButton);
        QCOMPARE(dialog.result(), int(QDialog::Accepted));
        QCOMPARE(m_orchestrator->status(dialog.spawnedAgentId())->goalId, u"login-fix"_s);
    }

    // The Isolation section: a coding agent's profile turns to its own worktree once a repository is named, the
    // repository is checked by git and its branches offered, and the goal carries what the form says.
    void isolationGoesIntoTheGoal()
    {
        test::GitRepository repo;
        QVERIFY(repo.isValid());
        repo.git({u"branch"_s, u"feature/login"_s});
        QVERIFY(repo.branches().contains(u"feature/login"_s));
        AgentProfile claude = test::ProfileBuilder(u"claude"_s, u"claude-code"_s);
        m_orchestrator->setProfiles({test::ProfileBuilder::demo(u"coder"_s, 200), claude});

        NewGoalDialog dialog(m_orchestrator.get());
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        IsolationSection *isolation = dialog.isolationSection();
        auto *header = child<QToolButton>(&dialog, u"isolationHeader"_s);
        auto *mode = child<QComboBox>(&dialog, u"isolationModeCombo"_s);
        auto *repoEdit = child<QLineEdit>(&dialog, u"repositoryEdit"_s);
        auto *base = child<QComboBox>(&dialog, u"baseBranchCombo"_s);
        auto *setup = child<QLineEdit>(&dialog, u"setupEdit"_s);
        QVERIFY(!repoEdit->isVisible()); // folded away until opened
        QTest::mouseClick(header, Qt::LeftButton);
        QVERIFY(repoEdit->isVisible());

        auto *profile = child<QComboBox>(&dialog, u"profileCombo"_s);
        profile->setCurrentIndex(profile->findData(u"claude"_s));
        QCOMPARE(mode->currentIndex(), 0);
        QVERIFY(mode->currentText().contains(u"shared"_s)); // what the profile itself would do
        QTest::keyClicks(child<QLineEdit>(&dialog, u"titleEdit"_s), u"Add a login page"_s);

        QSignalSpy checked(isolation, &IsolationSection::repositoryChecked);
        QTest::keyClicks(repoEdit, repo.path());
        QCOMPARE(mode->currentData().toInt(), static_cast<int>(IsolationMode::Worktree));
        QVERIFY(checked.wait(20000));
        QTRY_COMPARE(isolation->repositoryState(), IsolationSection::RepositoryState::Valid);
        QVERIFY(child<QLabel>(&dialog, u"repositoryError"_s)->isHidden());
        QStringList branches;
        for (int i = 0; i < base->count(); ++i)
            branches << base->itemText(i);
        QCOMPARE(branches, (QStringList{u"feature/login"_s, u"main"_s}));
        QVERIFY(base->lineEdit()->placeholderText().contains(u"main"_s));
        base->setCurrentIndex(base->findText(u"feature/login"_s));
        QTest::keyClicks(setup, u"cp \"../my env/.env\" ."_s);

        QTest::mouseClick(child<QPushButton>(&dialog, u"submitButton"_s), Qt::LeftButton);
        QTRY_VERIFY(!dialog.spawnedAgentId().isEmpty());
        const std::optional<Goal> goal = m_orchestrator->goal(m_orchestrator->goalIds().last());
        QVERIFY(goal);
        QCOMPARE(goal->profile, u"claude"_s);
        QCOMPARE(goal->isolation.mode, std::optional<IsolationMode>(IsolationMode::Worktree));
        QCOMPARE(goal->isolation.repo, QDir::cleanPath(repo.path()));
        QCOMPARE(goal->isolation.baseBranch, u"feature/login"_s);
        QCOMPARE(goal->isolation.setup, (QStringList{u"cp"_s, u"../my env/.env"_s, u"."_s}));
    }

    // A folder that is not a repository is named under the field and nothing is spawned; the person's own choice
    // of mode stands whatever the profile.
    void repositoryMustBeAGitRepository()
    {
        QTemporaryDir plain;
        QVERIFY(plain.isValid());
        NewGoalDialog dialog(m_orchestrator.get());
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        IsolationSection *isolation = dialog.isolationSection();
        isolation->setExpanded(true);
        auto *mode = child<QComboBox>(&dialog, u"isolationModeCombo"_s);
        QCOMPARE(mode->currentIndex(), 0); // a demo profile keeps the profile's default even with a repository
        QTest::keyClicks(child<QLineEdit>(&dialog, u"titleEdit"_s), u"Tidy up"_s);
        QTest::keyClicks(child<QLineEdit>(&dialog, u"repositoryEdit"_s), plain.path());
        QCOMPARE(mode->currentIndex(), 0);
        mode->setFocus();
        QTest::keyClick(mode, Qt::Key_Down); // the person picks "own worktree"
        QCOMPARE(mode->currentData().toInt(), static_cast<int>(IsolationMode::Worktree));

        const int goalsBefore = m_orchestrator->goalIds().size();
        QSignalSpy checked(isolation, &IsolationSection::repositoryChecked);
        QTest::mouseClick(child<QPushButton>(&dialog, u"submitButton"_s), Qt::LeftButton);
        QVERIFY(checked.wait(20000));
        auto *error = child<QLabel>(&dialog, u"repositoryError"_s);
        QTRY_VERIFY(error->isVisible());
        QVERIFY(error->text().contains(u"repository"_s, Qt::CaseInsensitive));
        QVERIFY(error->text().contains(u"not a git repository"_s));
        QCOMPARE(isolation->repositoryState(), IsolationSection::RepositoryState::Invalid);
        QVERIFY(dialog.isVisible());
        QCOMPARE(m_orchestrator->goalIds().size(), goalsBefore);

        // Emptying the field clears the message: the run's workspace is used.
        child<QLineEdit>(&dialog, u"repositoryEdit"_s)->clear();
        QVERIFY(error->isHidden());
        QTest::mouseClick(child<QPushButton>(&dialog, u"submitButton"_s), Qt::LeftButton);
        QTRY_VERIFY(!dialog.spawnedAgentId().isEmpty());
        const std::optional<Goal> goal = m_orchestrator->goal(m_orchestrator->goalIds().last());
        QVERIFY(goal);
        QCOMPARE(goal->isolation.mode, std::optional<IsolationMode>(IsolationMode::Worktree));
        QVERIFY(goal->isolation.repo.isEmpty());
    }

    void cancelSpawnsNothing()
    {
        NewGoalDialog dialog(m_orchestrator.get());
        dialog.show();
        QTest::keyClicks(child<QLineEdit>(&dialog, u"titleEdit"_s), u"Never mind"_s);
        QTest::mouseClick(child<QPushButton>(&dialog, u"cancelButton"_s), Qt::LeftButton);
        QCOMPARE(dialog.result(), int(QDialog::Rejected));
        QVERIFY(m_orchestrator->agentIds().isEmpty());
    }

private:
    std::unique_ptr<Orchestrator> m_orchestrator;
};

QTEST_MAIN(TestNewGoalDialog)
#include "tst_newgoaldialog.moc"
