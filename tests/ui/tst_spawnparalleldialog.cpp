// SpawnParallelDialog: several goals typed or pasted into the table, or one goal sent to N agents or
// to several profiles side by side; all are queued together, and empty input is refused by name.
#include "dialogs/IsolationSection.h"
#include "dialogs/SpawnParallelDialog.h"
#include "model/InputLimits.h"
#include "orchestration/Orchestrator.h"
#include "support/GitRepository.h"
#include "support/ProfileBuilder.h"
#include "support/TestSupport.h"

#include <QApplication>
#include <QClipboard>
#include <QComboBox>
#include <QDir>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QSignalSpy>
#include <QSpinBox>
#include <QStandardPaths>
#include <QTabBar>
#include <QTabWidget>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>

using namespace switchboard;
using namespace Qt::StringLiterals;

namespace {
using test::child;

void typeIntoCell(QTableWidget *table, int row, int column, const QString &text)
{
    table->setCurrentCell(row, column);
    table->editItem(table->item(row, column));
    QLineEdit *editor = nullptr; // the open editor; closed ones may linger until deleted
    for (QLineEdit *candidate : table->viewport()->findChildren<QLineEdit *>()) {
        if (candidate->isVisible())
            editor = candidate;
    }
    QVERIFY(editor);
    QTest::keyClicks(editor, text);
    QTest::keyClick(editor, Qt::Key_Return);
    QTRY_COMPARE(table->item(row, column)->text(), text); // Return commits on the next event loop pass
}

void clickTab(QTabWidget *tabs, int index)
{
    QTabBar *bar = tabs->tabBar();
    QTest::mouseClick(bar, Qt::LeftButton, {}, bar->tabRect(index).center());
    QCOMPARE(tabs->currentIndex(), index);
}

QStringList titlesOf(const Orchestrator &orchestrator)
{
    QStringList titles;
    for (const AgentStatus &status : orchestrator.agents())
        titles << status.goalTitle;
    return titles;
}
} // namespace

class TestSpawnParallelDialog : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void init()
    {
        m_orchestrator = std::make_unique<Orchestrator>();
        m_orchestrator->setProfiles({test::ProfileBuilder::demo(u"coder"_s, 200),
                                     test::ProfileBuilder::demo(u"reviewer"_s, 200),
                                     test::ProfileBuilder::demo(u"writer"_s, 200)});
        m_orchestrator->pauseDispatch();
    }

    void cleanup()
    {
        m_orchestrator->cancelAll();
        m_orchestrator.reset();
    }

    void threeTypedRowsBecomeThreeAgents()
    {
        SpawnParallelDialog dialog(m_orchestrator.get());
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        auto *table = child<QTableWidget>(&dialog, u"goalTable"_s);
        QCOMPARE(table->rowCount(), 3);
        typeIntoCell(table, 0, 0, u"Parse the config"_s);
        typeIntoCell(table, 1, 0, u"Write the tests"_s);
        typeIntoCell(table, 2, 0, u"Update the docs"_s);
        typeIntoCell(table, 2, 3, u"README and man page"_s);
        auto *submit = child<QPushButton>(&dialog, u"submitButton"_s);
        QVERIFY(submit->text().contains(u'3'));

        QTest::mouseClick(submit, Qt::LeftButton);
        QCOMPARE(dialog.result(), int(QDialog::Accepted));
        QCOMPARE(dialog.spawnedAgentIds().size(), 3);
        QCOMPARE(titlesOf(*m_orchestrator),
                 (QStringList{u"Parse the config"_s, u"Write the tests"_s, u"Update the docs"_s}));
        const AgentStatus third = *m_orchestrator->status(dialog.spawnedAgentIds().at(2));
        QCOMPARE(m_orchestrator->goal(third.goalId)->description, u"README and man page"_s);
    }

    void addAndRemoveRows()
    {
        SpawnParallelDialog dialog(m_orchestrator.get());
        dialog.show();
        auto *table = child<QTableWidget>(&dialog, u"goalTable"_s);
        QTest::mouseClick(child<QPushButton>(&dialog, u"addRowButton"_s), Qt::LeftButton);
        QCOMPARE(table->rowCount(), 4);
        table->selectRow(1);
        QTest::mouseClick(child<QPushButton>(&dialog, u"removeRowsButton"_s), Qt::LeftButton);
        QCOMPARE(table->rowCount(), 3);
    }

    void pasteLinesFillsTheTable()
    {
        SpawnParallelDialog dialog(m_orchestrator.get());
        dialog.show();
        auto *table = child<QTableWidget>(&dialog, u"goalTable"_s);
        QApplication::clipboard()->setText(u"First goal\nSecond goal\thigh\treviewer\tlook closely\n\nThird goal\n"_s);
        QTest::mouseClick(child<QPushButton>(&dialog, u"pasteLinesButton"_s), Qt::LeftButton);
        QCOMPARE(table->rowCount(), 3); // the three empty rows were reused
        QCOMPARE(table->item(1, 0)->text(), u"Second goal"_s);
        QCOMPARE(table->item(1, 1)->data(Qt::UserRole).toInt(), static_cast<int>(Priority::High));
        QCOMPARE(table->item(1, 2)->data(Qt::UserRole).toString(), u"reviewer"_s);
        QCOMPARE(table->item(1, 3)->text(), u"look closely"_s);

        // Ctrl+V on the table appends more goals, one per line.
        QApplication::clipboard()->setText(u"Fourth goal\nFifth goal"_s);
        table->setFocus();
        QTest::keySequence(table, QKeySequence::Paste);
        QCOMPARE(table->rowCount(), 5);
        QCOMPARE(table->item(4, 0)->text(), u"Fifth goal"_s);

        QTest::mouseClick(child<QPushButton>(&dialog, u"submitButton"_s), Qt::LeftButton);
        QCOMPARE(dialog.result(), int(QDialog::Accepted));
        QCOMPARE(titlesOf(*m_orchestrator),
                 (QStringList{u"First goal"_s, u"Second goal"_s, u"Third goal"_s, u"Fourth goal"_s, u"Fifth goal"_s}));
        QCOMPARE(m_orchestrator->status(dialog.spawnedAgentIds().at(1))->profile, u"reviewer"_s);
    }

    void emptyTableIsRefused()
    {
        SpawnParallelDialog dialog(m_orchestrator.get());
        dialog.show();
        QTest::mouseClick(child<QPushButton>(&dialog, u"submitButton"_s), Qt::LeftButton);
        QVERIFY(dialog.isVisible());
        auto *error = child<QLabel>(&dialog, u"errorLabel"_s);
        QVERIFY(error->isVisible());
        QVERIFY(!error->text().isEmpty());
        QVERIFY(m_orchestrator->agentIds().isEmpty());

        QVERIFY2(error->text().contains(u"title or a description"_s), qPrintable(error->text()));

        // A description without a title is a goal: its first line becomes the title.
        typeIntoCell(child<QTableWidget>(&dialog, u"goalTable"_s), 1, 3, u"orphan description"_s);
        QTest::mouseClick(child<QPushButton>(&dialog, u"submitButton"_s), Qt::LeftButton);
        QCOMPARE(dialog.result(), int(QDialog::Accepted));
        QCOMPARE(titlesOf(*m_orchestrator), QStringList{u"orphan description"_s});
    }

    // One Isolation section for the batch: every goal gets its own worktree of the repository; a folder that is
    // not a repository is named and nothing is queued.
    void isolationAppliesToEveryGoal()
    {
        test::GitRepository repo;
        QVERIFY(repo.isValid());
        QTemporaryDir plain;
        SpawnParallelDialog dialog(m_orchestrator.get());
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        auto *table = child<QTableWidget>(&dialog, u"goalTable"_s);
        typeIntoCell(table, 0, 0, u"Fix the parser"_s);
        typeIntoCell(table, 1, 0, u"Speed up the lexer"_s);
        IsolationSection *isolation = dialog.isolationSection();
        isolation->setExpanded(true);
        auto *mode = child<QComboBox>(&dialog, u"isolationModeCombo"_s);
        mode->setFocus();
        QTest::keyClick(mode, Qt::Key_Down); // its own git worktree
        QCOMPARE(mode->currentData().toInt(), static_cast<int>(IsolationMode::Worktree));

        auto *repoEdit = child<QLineEdit>(&dialog, u"repositoryEdit"_s);
        QTest::keyClicks(repoEdit, plain.path());
        QSignalSpy checked(isolation, &IsolationSection::repositoryChecked);
        QTest::mouseClick(child<QPushButton>(&dialog, u"submitButton"_s), Qt::LeftButton);
        QVERIFY(checked.wait(20000));
        QTRY_VERIFY(child<QLabel>(&dialog, u"repositoryError"_s)->isVisible());
        QVERIFY(m_orchestrator->agents().isEmpty());
        QCOMPARE(dialog.result(), int(QDialog::Rejected));

        repoEdit->clear();
        QTest::keyClicks(repoEdit, repo.path());
        QTest::mouseClick(child<QPushButton>(&dialog, u"submitButton"_s), Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(dialog.result(), int(QDialog::Accepted), 20000);
        QCOMPARE(m_orchestrator->goalIds().size(), 2);
        for (const QString &goalId : m_orchestrator->goalIds()) {
            const std::optional<Goal> goal = m_orchestrator->goal(goalId);
            QVERIFY(goal);
            QCOMPARE(goal->isolation.mode, std::optional<IsolationMode>(IsolationMode::Worktree));
            QCOMPARE(goal->isolation.repo, QDir::cleanPath(repo.path()));
        }
    }

    void sameGoalToNAgents()
    {
        SpawnParallelDialog dialog(m_orchestrator.get());
        dialog.show();
        clickTab(child<QTabWidget>(&dialog, u"modeTabs"_s), 1);
        QTest::keyClicks(child<QLineEdit>(&dialog, u"sameTitleEdit"_s), u"Find the flaky test"_s);
        auto *count = child<QSpinBox>(&dialog, u"agentCountSpin"_s);
        count->selectAll();
        QTest::keyClicks(count, u"4"_s);
        QCOMPARE(count->value(), 4);
        auto *profile = child<QComboBox>(&dialog, u"countProfileCombo"_s);
        QTest::keyClick(profile, Qt::Key_Down); // coder
        QTest::mouseClick(child<QPushButton>(&dialog, u"submitButton"_s), Qt::LeftButton);
        QCOMPARE(dialog.result(), int(QDialog::Accepted));
        QCOMPARE(titlesOf(*m_orchestrator), QStringList(4, u"Find the flaky test"_s));
        for (const AgentStatus &status : m_orchestrator->agents())
            QCOMPARE(status.profile, u"coder"_s);
    }

    void sameGoalOnChosenProfiles()
    {
        SpawnParallelDialog dialog(m_orchestrator.get());
        dialog.show();
        clickTab(child<QTabWidget>(&dialog, u"modeTabs"_s), 1);
        QTest::keyClicks(child<QLineEdit>(&dialog, u"sameTitleEdit"_s), u"Summarise the incident"_s);
        auto *perProfile = child<QRadioButton>(&dialog, u"perProfileRadio"_s);
        QTest::mouseClick(perProfile, Qt::LeftButton, {}, QPoint(6, perProfile->height() / 2));
        QVERIFY(perProfile->isChecked());

        // Nothing checked yet: the list says so.
        QTest::mouseClick(child<QPushButton>(&dialog, u"submitButton"_s), Qt::LeftButton);
        QVERIFY(child<QLabel>(&dialog, u"profilesError"_s)->isVisible());
        QVERIFY(m_orchestrator->agentIds().isEmpty());

        auto *profiles = child<QListWidget>(&dialog, u"profileList"_s);
        for (const int row : {0, 2}) {
            profiles->setCurrentRow(row);
            QTest::keyClick(profiles, Qt::Key_Space);
        }
        QTest::mouseClick(child<QPushButton>(&dialog, u"submitButton"_s), Qt::LeftButton);
        QCOMPARE(dialog.result(), int(QDialog::Accepted));
        QStringList used;
        for (const AgentStatus &status : m_orchestrator->agents())
            used << status.profile;
        QCOMPARE(used, (QStringList{u"coder"_s, u"writer"_s}));
    }

    void sameGoalNeedsATitleOrDescription()
    {
        SpawnParallelDialog dialog(m_orchestrator.get());
        dialog.show();
        clickTab(child<QTabWidget>(&dialog, u"modeTabs"_s), 1);
        QTest::mouseClick(child<QPushButton>(&dialog, u"submitButton"_s), Qt::LeftButton);
        auto *error = child<QLabel>(&dialog, u"sameTitleError"_s);
        QVERIFY(error->isVisible());
        QCOMPARE(error->text(), u"Enter a title or a description"_s);
        QVERIFY(m_orchestrator->agentIds().isEmpty());

        // The description alone will do: every agent gets its first line as the title.
        QTest::keyClicks(child<QPlainTextEdit>(&dialog, u"sameDescriptionEdit"_s), u"Bisect the regression"_s);
        auto *count = child<QSpinBox>(&dialog, u"agentCountSpin"_s);
        count->selectAll();
        QTest::keyClicks(count, u"2"_s);
        QTest::mouseClick(child<QPushButton>(&dialog, u"submitButton"_s), Qt::LeftButton);
        QCOMPARE(dialog.result(), int(QDialog::Accepted));
        QCOMPARE(titlesOf(*m_orchestrator), QStringList(2, u"Bisect the regression"_s));
    }

    void overLongTitleIsRefused()
    {
        // The same goal: the title field says what is wrong.
        SpawnParallelDialog dialog(m_orchestrator.get());
        dialog.show();
        clickTab(child<QTabWidget>(&dialog, u"modeTabs"_s), 1);
        auto *title = child<QLineEdit>(&dialog, u"sameTitleEdit"_s);
        title->setText(QString(InputLimits::kMaxTitleLength + 1, u'x')); // as a paste does
        QTest::mouseClick(child<QPushButton>(&dialog, u"submitButton"_s), Qt::LeftButton);
        QVERIFY(dialog.isVisible());
        auto *error = child<QLabel>(&dialog, u"sameTitleError"_s);
        QVERIFY(error->isVisible());
        QCOMPARE(error->text(),
                 u"The title is too long: %1 characters, at most %2"_s.arg(InputLimits::kMaxTitleLength + 1)
                     .arg(InputLimits::kMaxTitleLength));
        QVERIFY(m_orchestrator->agentIds().isEmpty());

        // Different goals: a row's title over the limit is named in the problem list.
        clickTab(child<QTabWidget>(&dialog, u"modeTabs"_s), 0);
        auto *table = child<QTableWidget>(&dialog, u"goalTable"_s);
        table->item(0, 0)->setText(QString(InputLimits::kMaxTitleLength + 7, u'y'));
        QTest::mouseClick(child<QPushButton>(&dialog, u"submitButton"_s), Qt::LeftButton);
        QVERIFY(dialog.isVisible());
        auto *problems = child<QLabel>(&dialog, u"errorLabel"_s);
        QVERIFY(problems->isVisible());
        QVERIFY2(problems->text().contains(u"the title is %1 characters long"_s.arg(InputLimits::kMaxTitleLength + 7)),
                 qPrintable(problems->text()));
        QVERIFY(m_orchestrator->agentIds().isEmpty());
    }

private:
    std::unique_ptr<Orchestrator> m_orchestrator;
};

QTEST_MAIN(TestSpawnParallelDialog)
#include "tst_spawnparalleldialog.moc"
