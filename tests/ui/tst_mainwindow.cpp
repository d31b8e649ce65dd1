// MainWindow end to end: a person drives the real window with mouse and keyboard — forms, the cards'
// cancel button, context menu and Del, cancel all with its confirmation, clean up, spawn parallel, plan
// templates, pause, max parallel — and the board, status bar and detail pane follow the agents live.
#include "MainWindow.h"
#include "board/AgentBoardModel.h"
#include "board/AgentBoardView.h"
#include "board/AgentCardDelegate.h"
#include "board/AgentDetailPane.h"
#include "board/AgentFilterProxyModel.h"
#include "board/EmptyBoardOverlay.h"
#include "config/ConfigLoader.h"
#include "config/PlanLoader.h"
#include "dialogs/NewGoalDialog.h"
#include "dialogs/RunPlanDialog.h"
#include "dialogs/SpawnParallelDialog.h"
#include "orchestration/Orchestrator.h"
#include "orchestration/Scheduler.h"
#include "support/GoalBuilder.h"
#include "support/ProfileBuilder.h"
#include "support/TestSupport.h"

#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QComboBox>
#include <QContextMenuEvent>
#include <QDockWidget>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMenu>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QStandardPaths>
#include <QTableWidget>
#include <QTest>
#include <QTimer>
#include <QToolButton>

using namespace switchboard;
using namespace Qt::StringLiterals;

namespace {
using test::child;

template<typename T> T *activeModal()
{
    return qobject_cast<T *>(QApplication::activeModalWidget());
}

// Del and Cancel selected ask first: the confirmation is answered with "Cancel agents".
bool confirmCancelSelected()
{
    QMessageBox *box = nullptr;
    if (!QTest::qWaitFor([&box] {
            box = activeModal<QMessageBox>();
            return box && box->objectName() == u"cancelSelectedConfirmation";
        }))
        return false;
    QTest::mouseClick(box->findChild<QPushButton *>(u"confirmCancelSelectedButton"_s), Qt::LeftButton);
    return true;
}
} // namespace

class TestMainWindow : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void init()
    {
        QFile::remove(QStandardPaths::writableLocation(QStandardPaths::AppConfigLocation) + u"/ui.ini"_s);
        m_orchestrator = std::make_unique<Orchestrator>();
        m_config = ConfigLoader::defaults();
        m_config.profiles = {
            test::ProfileBuilder::demo(u"quick"_s, 200).steps({u"Reading"_s, u"Working"_s, u"Checking"_s}),
            test::ProfileBuilder::demo(u"slow"_s, 60000).steps({u"Reading"_s, u"Working"_s, u"Checking"_s}),
            test::ProfileBuilder::demo(u"broken"_s, 50).steps({u"Reading"_s, u"Working"_s, u"Checking"_s}).failing()};
        m_config.workflow.maxParallel = 8;
        m_orchestrator->setProfiles(m_config.profiles);
        m_orchestrator->setMaxParallel(m_config.workflow.maxParallel);
        m_window = std::make_unique<MainWindow>(m_orchestrator.get(), m_config);
        m_window->resize(1200, 760);
        m_window->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
        QApplication::setActiveWindow(m_window.get());
        QVERIFY(QTest::qWaitForWindowActive(m_window.get()));
    }

    void cleanup()
    {
        while (QWidget *modal = QApplication::activeModalWidget())
            delete modal;
        m_orchestrator->cancelAll();
        m_orchestrator->waitAll(10000);
        m_window.reset();
        m_orchestrator.reset();
    }

    void titleFollowsThePlanName()
    {
        QCOMPARE(m_window->windowTitle(), u"Switchboard"_s);
        m_window->setPlanName(u"full_stack"_s);
        QCOMPARE(m_window->windowTitle(), u"Switchboard — full_stack"_s);
    }

    void emptyBoardSaysWhatToDo()
    {
        EmptyBoardOverlay *overlay = m_window->boardView()->emptyOverlay();
        QVERIFY(overlay->isVisible());
        QCOMPARE(overlay->mode(), EmptyBoardOverlay::Mode::FirstRun);
        QVERIFY(child<QLabel>(overlay, u"emptyTitle"_s)->text().contains(u"No agents yet"_s));
        QVERIFY(child<QLabel>(overlay, u"emptyHint"_s)->text().contains(u"Ctrl+N"_s));
        QVERIFY(child<QLabel>(overlay, u"emptyHint"_s)->text().contains(u"Ctrl+O"_s));

        QTest::mouseClick(child<QPushButton>(overlay, u"emptyNewGoalButton"_s), Qt::LeftButton);
        QTRY_VERIFY(activeModal<NewGoalDialog>());
        activeModal<NewGoalDialog>()->reject();
        QTest::mouseClick(child<QPushButton>(overlay, u"emptyRunPlanButton"_s), Qt::LeftButton);
        QTRY_VERIFY(activeModal<RunPlanDialog>());
        activeModal<RunPlanDialog>()->reject();

        m_orchestrator->spawn(test::GoalBuilder::titled(u"anything"_s).profile(u"quick"_s));
        QTRY_VERIFY(overlay->isHidden());
    }

    void newGoalFormSpawnsACardThatCompletes()
    {
        QTest::keySequence(m_window.get(), QKeySequence::New);
        QTRY_VERIFY(activeModal<NewGoalDialog>());
        auto *dialog = activeModal<NewGoalDialog>();
        QTest::keyClicks(child<QLineEdit>(dialog, u"titleEdit"_s), u"Summarise the changelog"_s);
        auto *profile = child<QComboBox>(dialog, u"profileCombo"_s);
        QTest::keyClick(profile, Qt::Key_Down); // quick
        QCOMPARE(profile->currentText(), u"quick"_s);
        QTest::mouseClick(child<QPushButton>(dialog, u"submitButton"_s), Qt::LeftButton);

        AgentFilterProxyModel *proxy = m_window->proxyModel();
        QTRY_COMPARE(proxy->rowCount(), 1);
        const QModelIndex card = proxy->index(0, 0);
        QCOMPARE(card.data(AgentBoardModel::GoalTitleRole).toString(), u"Summarise the changelog"_s);
        QCOMPARE(m_window->boardView()->currentAgentId(), card.data(AgentBoardModel::AgentIdRole).toString());
        QTRY_COMPARE_WITH_TIMEOUT(proxy->index(0, 0).data(AgentBoardModel::StateRole).toInt(),
                                  static_cast<int>(AgentState::Completed), 10000);
        QCOMPARE(proxy->index(0, 0).data(AgentBoardModel::ProgressRole).toInt(), 100);
    }

    void invalidFormNamesTheFieldAndSpawnsNothing()
    {
        m_window->findChild<QAction *>(u"actionNewGoal"_s)->trigger();
        QTRY_VERIFY(activeModal<NewGoalDialog>());
        auto *dialog = activeModal<NewGoalDialog>();
        QTest::mouseClick(child<QPushButton>(dialog, u"submitButton"_s), Qt::LeftButton);
        auto *error = child<QLabel>(dialog, u"titleError"_s);
        QVERIFY(error->isVisible());
        QCOMPARE(error->text(), u"Enter a title or a description"_s);
        QVERIFY(dialog->isVisible());
        QVERIFY(m_orchestrator->agentIds().isEmpty());
        QCOMPARE(m_window->proxyModel()->rowCount(), 0);
    }

    void cancelFromTheCardButton()
    {
        const QString id = m_orchestrator->spawn(test::GoalBuilder::titled(u"long job"_s).profile(u"slow"_s));
        const QModelIndex card = waitForCard(id, AgentState::Running);
        QVERIFY(card.isValid());
        AgentBoardView *view = m_window->boardView();
        const QRect cardRect = view->visualRect(card);
        const QPoint button = view->cardDelegate()->cancelButtonRect(cardRect).center();
        QTest::mouseMove(view->viewport(), button);
        QTest::mouseClick(view->viewport(), Qt::LeftButton, {}, button);
        QTRY_COMPARE(m_orchestrator->status(id)->state, AgentState::Cancelled);
        QTRY_COMPARE(stateOf(id), AgentState::Cancelled);
    }

    void cancelWithTheDeleteKey()
    {
        const QString keep = m_orchestrator->spawn(test::GoalBuilder::titled(u"keep running"_s).profile(u"slow"_s));
        const QString id = m_orchestrator->spawn(test::GoalBuilder::titled(u"stop me"_s).profile(u"slow"_s));
        const QModelIndex card = waitForCard(id, AgentState::Running);
        AgentBoardView *view = m_window->boardView();
        QTest::mouseClick(view->viewport(), Qt::LeftButton, {}, view->visualRect(card).center());
        QCOMPARE(view->selectedAgentIds(), QStringList{id});
        QTest::keyClick(view, Qt::Key_Delete);
        QVERIFY(confirmCancelSelected());
        QTRY_COMPARE(stateOf(id), AgentState::Cancelled);
        QCOMPARE(m_orchestrator->status(keep)->state, AgentState::Running);
    }

    void cancelFromTheContextMenu()
    {
        const QString id = m_orchestrator->spawn(test::GoalBuilder::titled(u"menu target"_s).profile(u"slow"_s));
        const QModelIndex card = waitForCard(id, AgentState::Running);
        AgentBoardView *view = m_window->boardView();
        const QPoint where = view->visualRect(card).center();
        QContextMenuEvent event(QContextMenuEvent::Mouse, where, view->viewport()->mapToGlobal(where));
        QApplication::sendEvent(view->viewport(), &event);
        QMenu *menu = nullptr;
        QTRY_VERIFY((menu = m_window->findChild<QMenu *>(u"cardContextMenu"_s)) && menu->isVisible());
        QStringList texts;
        for (QAction *action : menu->actions())
            texts << action->text();
        QVERIFY(texts.contains(u"&Cancel selected…"_s));
        QVERIFY(texts.contains(u"Cop&y agent id"_s));
        QVERIFY(texts.contains(u"Show &details"_s));

        // Copy agent id, then Cancel, as a person would pick them.
        QAction *copy = m_window->findChild<QAction *>(u"actionCopyId"_s);
        QAction *cancel = m_window->findChild<QAction *>(u"actionCancelSelected"_s);
        QVERIFY(cancel->isEnabled());
        menu->setActiveAction(copy);
        QTest::keyClick(menu, Qt::Key_Return);
        QCOMPARE(QApplication::clipboard()->text(), id);
        view->setFocus();
        cancel->trigger();
        QVERIFY(confirmCancelSelected());
        QTRY_COMPARE(stateOf(id), AgentState::Cancelled);
    }

    void cancelAllAsksFirst()
    {
        const QStringList ids = m_orchestrator->spawnParallel({test::GoalBuilder::titled(u"a"_s).profile(u"slow"_s),
                                                               test::GoalBuilder::titled(u"b"_s).profile(u"slow"_s),
                                                               test::GoalBuilder::titled(u"c"_s).profile(u"slow"_s)});
        waitForCard(ids.last(), AgentState::Running);
        QAction *cancelAll = m_window->findChild<QAction *>(u"actionCancelAll"_s);
        QTRY_VERIFY(cancelAll->isEnabled());

        // First the person changes their mind.
        QTimer::singleShot(0, this, [] {
            if (auto *box = activeModal<QMessageBox>())
                QTest::mouseClick(box->findChild<QPushButton *>(u"keepRunningButton"_s), Qt::LeftButton);
        });
        cancelAll->trigger();
        QTRY_VERIFY(!activeModal<QMessageBox>());
        QTest::qWait(100); // a span in which nothing may happen: the agents keep running
        for (const QString &id : ids)
            QCOMPARE(m_orchestrator->status(id)->state, AgentState::Running);

        // Then confirms: the box found as the active modal widget and accepted.
        bool sawQuestion = false;
        QTimer::singleShot(0, this, [&sawQuestion] {
            auto *box = activeModal<QMessageBox>();
            if (!box)
                return;
            sawQuestion = box->objectName() == u"cancelAllConfirmation" && box->text().contains(u'3');
            QTest::mouseClick(box->findChild<QPushButton *>(u"confirmCancelAllButton"_s), Qt::LeftButton);
        });
        cancelAll->trigger();
        QTRY_VERIFY(sawQuestion);
        for (const QString &id : ids)
            QTRY_COMPARE(stateOf(id), AgentState::Cancelled);
    }

    void cleanUpRemovesFinishedCardsOnly()
    {
        const QString running = m_orchestrator->spawn(test::GoalBuilder::titled(u"still going"_s).profile(u"slow"_s));
        const QStringList done =
            m_orchestrator->spawnParallel({test::GoalBuilder::titled(u"done 1"_s).profile(u"quick"_s),
                                           test::GoalBuilder::titled(u"done 2"_s).profile(u"quick"_s),
                                           test::GoalBuilder::titled(u"oops"_s).profile(u"broken"_s)});
        for (const QString &id : done)
            QTRY_VERIFY_WITH_TIMEOUT(isFinalState(stateOf(id)), 10000);
        QCOMPARE(m_window->proxyModel()->rowCount(), 4);
        QAction *cleanup = m_window->findChild<QAction *>(u"actionCleanup"_s);
        QTRY_VERIFY(cleanup->isEnabled());
        cleanup->trigger();
        QTRY_COMPARE(m_window->proxyModel()->rowCount(), 1);
        QCOMPARE(m_window->proxyModel()->index(0, 0).data(AgentBoardModel::AgentIdRole).toString(), running);
    }

    void spawnParallelWithThreeRows()
    {
        QTest::keySequence(m_window.get(), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_N));
        QTRY_VERIFY(activeModal<SpawnParallelDialog>());
        auto *dialog = activeModal<SpawnParallelDialog>();
        auto *table = child<QTableWidget>(dialog, u"goalTable"_s);
        const QStringList titles{u"Index the repo"_s, u"Draft the RFC"_s, u"Triage issues"_s};
        for (int row = 0; row < 3; ++row) {
            table->setCurrentCell(row, 0);
            table->editItem(table->item(row, 0));
            QLineEdit *editor = nullptr; // the open editor; closed ones may linger until deleted
            for (QLineEdit *candidate : table->viewport()->findChildren<QLineEdit *>()) {
                if (candidate->isVisible())
                    editor = candidate;
            }
            QVERIFY(editor);
            QTest::keyClicks(editor, titles.at(row));
            QTest::keyClick(editor, Qt::Key_Return);
            QTRY_COMPARE(table->item(row, 0)->text(), titles.at(row));
        }
        QTest::mouseClick(child<QPushButton>(dialog, u"submitButton"_s), Qt::LeftButton);
        QTRY_COMPARE(m_window->proxyModel()->rowCount(), 3);
        for (int row = 0; row < 3; ++row)
            QCOMPARE(m_window->proxyModel()->index(row, 0).data(AgentBoardModel::GoalTitleRole).toString(),
                     titles.at(row));
    }

    void runPlanTemplateShowsCardsInPhaseOrder()
    {
        QTest::keySequence(m_window.get(), QKeySequence::Open);
        QTRY_VERIFY(activeModal<RunPlanDialog>());
        auto *dialog = activeModal<RunPlanDialog>();
        auto *templates = child<QListWidget>(dialog, u"templateList"_s);
        QListWidgetItem *fullStack = nullptr;
        for (int row = 0; row < templates->count(); ++row) {
            if (templates->item(row)->data(Qt::UserRole).toString().endsWith(u"/full_stack.yaml"_s))
                fullStack = templates->item(row);
        }
        QVERIFY(fullStack);
        QTest::mouseClick(templates->viewport(), Qt::LeftButton, {}, templates->visualItemRect(fullStack).center());
        QVERIFY(dialog->plan().has_value());
        const Plan plan = *dialog->plan();
        QTest::mouseClick(child<QPushButton>(dialog, u"startButton"_s), Qt::LeftButton);

        QTRY_COMPARE(m_window->proxyModel()->rowCount(), plan.goals.size());
        QCOMPARE(m_window->windowTitle(), u"Switchboard — "_s + plan.name);
        QCOMPARE(m_orchestrator->maxParallel(), plan.config.workflow.maxParallel);
        QCOMPARE(child<QSpinBox>(m_window.get(), u"maxParallelSpin"_s)->value(), plan.config.workflow.maxParallel);
        QStringList expected;
        for (const QStringList &phase : Scheduler::phases(plan.goals))
            expected << phase;
        QStringList shown;
        for (int row = 0; row < m_window->proxyModel()->rowCount(); ++row)
            shown << m_window->proxyModel()->index(row, 0).data(AgentBoardModel::GoalIdRole).toString();
        QCOMPARE(shown, expected);
    }

    void maxParallelSpinIsLive()
    {
        auto *spin = child<QSpinBox>(m_window.get(), u"maxParallelSpin"_s);
        QCOMPARE(spin->value(), 8);
        spin->setFocus();
        spin->selectAll();
        QTest::keyClicks(spin, u"3"_s);
        QCOMPARE(m_orchestrator->maxParallel(), 3);
        QTest::keyClick(spin, Qt::Key_Up);
        QCOMPARE(m_orchestrator->maxParallel(), 4);
        m_orchestrator->setMaxParallel(12);
        QCOMPARE(spin->value(), 12);
    }

    void pauseDispatchHoldsNewAgents()
    {
        QAction *pause = m_window->findChild<QAction *>(u"actionPauseDispatch"_s);
        QVERIFY(pause->isCheckable());
        pause->trigger();
        QVERIFY(m_orchestrator->isDispatchPaused());
        QVERIFY(pause->text().contains(u"Resume"_s));
        QTRY_VERIFY(child<QLabel>(m_window.get(), u"pausedLabel"_s)->isVisible());
        const QString id = m_orchestrator->spawn(test::GoalBuilder::titled(u"waits"_s).profile(u"quick"_s));
        QTest::qWait(300); // a span in which nothing may start: dispatch is paused
        QCOMPARE(m_orchestrator->status(id)->state, AgentState::Queued);
        pause->trigger();
        QVERIFY(!m_orchestrator->isDispatchPaused());
        QTRY_VERIFY(child<QLabel>(m_window.get(), u"pausedLabel"_s)->isHidden());
        QTRY_COMPARE_WITH_TIMEOUT(stateOf(id), AgentState::Completed, 10000);

        // And the other way round: the orchestrator pauses, the action follows.
        m_orchestrator->pauseDispatch();
        QVERIFY(pause->isChecked());
    }

    void statusBarCountsFollowTheRun()
    {
        m_orchestrator->spawnParallel({test::GoalBuilder::titled(u"1"_s).profile(u"quick"_s),
                                       test::GoalBuilder::titled(u"2"_s).profile(u"quick"_s),
                                       test::GoalBuilder::titled(u"3"_s).profile(u"broken"_s),
                                       test::GoalBuilder::titled(u"4"_s).profile(u"slow"_s)});
        auto *completed = child<QLabel>(m_window.get(), u"completedCount"_s);
        auto *failed = child<QLabel>(m_window.get(), u"failedCount"_s);
        auto *running = child<QLabel>(m_window.get(), u"runningCount"_s);
        QTRY_COMPARE_WITH_TIMEOUT(completed->text(), u"2 completed"_s, 10000);
        QTRY_COMPARE(failed->text(), u"1 failed"_s);
        QTRY_COMPARE(running->text(), u"1 running"_s);
        QVERIFY(child<QLabel>(m_window.get(), u"poolStatus"_s)->text().contains(u"1 busy"_s));
    }

    void detailPaneFollowsTheSelection()
    {
        Goal goal = test::GoalBuilder::titled(u"Detailed goal"_s).profile(u"quick"_s);
        goal.description = u"All the details"_s;
        goal.successCriteria = {u"it is detailed"_s};
        goal.resources = {u"notes.md"_s};
        const QString id = m_orchestrator->spawn(goal);
        const QModelIndex card = waitForCard(id, AgentState::Completed);
        AgentBoardView *view = m_window->boardView();
        QTest::mouseClick(view->viewport(), Qt::LeftButton, {}, view->visualRect(card).center());
        AgentDetailPane *pane = m_window->detailPane();
        QCOMPARE(pane->agentId(), id);
        QCOMPARE(child<QLabel>(pane, u"detailGoalTitle"_s)->text(), u"Detailed goal"_s);
        QCOMPARE(child<QLabel>(pane, u"detailDescription"_s)->text(), u"All the details"_s);
        QVERIFY(child<QLabel>(pane, u"detailCriteria"_s)->text().contains(u"it is detailed"_s));
        QVERIFY(child<QLabel>(pane, u"detailResources"_s)->text().contains(u"notes.md"_s));
        QVERIFY(child<QLabel>(pane, u"detailState"_s)->text().contains(u"Completed"_s));
        QCOMPARE(pane->logText(), m_orchestrator->agentLog(id).join(u'\n'));
        QVERIFY(child<QLabel>(pane, u"detailSteps"_s)->text().contains(u"1. "_s));

        // Double-click (activate) shows the dock if it was closed.
        auto *dock = child<QDockWidget>(m_window.get(), u"detailDock"_s);
        dock->close();
        QTest::mouseDClick(view->viewport(), Qt::LeftButton, {}, view->visualRect(card).center());
        QTRY_VERIFY(dock->isVisible());
    }

    void liveLogTailsTheSelectedAgent()
    {
        const QString id = m_orchestrator->spawn(test::GoalBuilder::titled(u"chatty"_s).profile(u"slow"_s));
        const QModelIndex card = waitForCard(id, AgentState::Running);
        AgentBoardView *view = m_window->boardView();
        QTest::mouseClick(view->viewport(), Qt::LeftButton, {}, view->visualRect(card).center());
        QTRY_VERIFY(!m_orchestrator->agentLog(id).isEmpty());
        QTRY_COMPARE(m_window->detailPane()->logText(), m_orchestrator->agentLog(id).join(u'\n'));
    }

    void filterBarFiltersTheBoard()
    {
        m_orchestrator->spawnParallel({test::GoalBuilder::titled(u"Alpha task"_s).profile(u"quick"_s),
                                       test::GoalBuilder::titled(u"Beta task"_s).profile(u"quick"_s),
                                       test::GoalBuilder::titled(u"Gamma job"_s).profile(u"slow"_s)});
        QTRY_COMPARE(m_window->proxyModel()->rowCount(), 3);
        auto *search = child<QLineEdit>(m_window.get(), u"searchField"_s);
        QTest::keySequence(m_window.get(), QKeySequence::Find);
        QTRY_VERIFY(search->hasFocus());
        QTest::keyClicks(search, u"task"_s);
        QTRY_COMPARE(m_window->proxyModel()->rowCount(), 2);
        QTRY_VERIFY(child<QLabel>(m_window.get(), u"agentCount"_s)->text().contains(u"2 of 3"_s));

        search->clear();
        QTest::keyClicks(search, u"zzz"_s);
        EmptyBoardOverlay *overlay = m_window->boardView()->emptyOverlay();
        QTRY_VERIFY(overlay->isVisible());
        QCOMPARE(overlay->mode(), EmptyBoardOverlay::Mode::NoMatches);
        QTest::mouseClick(child<QPushButton>(overlay, u"emptyClearFilterButton"_s), Qt::LeftButton);
        QTRY_COMPARE(m_window->proxyModel()->rowCount(), 3);
        QVERIFY(search->text().isEmpty());

        auto *state = child<QComboBox>(m_window.get(), u"stateFilter"_s);
        state->setFocus();
        QTest::keyClick(state, Qt::Key_Down); // Active
        QTRY_COMPARE(m_window->proxyModel()->rowCount(), 1);
    }

    void keyboardSelectsAndExtends()
    {
        m_orchestrator->pauseDispatch();
        m_orchestrator->spawnParallel({test::GoalBuilder::titled(u"k1"_s).profile(u"quick"_s),
                                       test::GoalBuilder::titled(u"k2"_s).profile(u"quick"_s),
                                       test::GoalBuilder::titled(u"k3"_s).profile(u"quick"_s)});
        QTRY_COMPARE(m_window->proxyModel()->rowCount(), 3);
        AgentBoardView *view = m_window->boardView();
        view->setFocus();
        view->setCurrentIndex(m_window->proxyModel()->index(0, 0));
        QTest::keyClick(view, Qt::Key_Right);
        QCOMPARE(view->currentIndex().row(), 1);
        QTest::keyClick(view, Qt::Key_Left);
        QCOMPARE(view->currentIndex().row(), 0);
        QTest::keyClick(view, Qt::Key_Right, Qt::ShiftModifier);
        QCOMPARE(view->selectedAgentIds().size(), 2);
        QTest::keyClick(view, Qt::Key_A, Qt::ControlModifier);
        QCOMPARE(view->selectedAgentIds().size(), 3);
        QTest::keyClick(view, Qt::Key_Delete); // cancels all three selected, once confirmed
        QVERIFY(confirmCancelSelected());
        for (int row = 0; row < 3; ++row)
            QTRY_COMPARE(m_window->proxyModel()->index(row, 0).data(AgentBoardModel::StateRole).toInt(),
                         static_cast<int>(AgentState::Cancelled));
    }

    void compactCardsFitMore()
    {
        m_orchestrator->pauseDispatch();
        m_orchestrator->spawnParallel({test::GoalBuilder::titled(u"c1"_s).profile(u"quick"_s),
                                       test::GoalBuilder::titled(u"c2"_s).profile(u"quick"_s)});
        QTRY_COMPARE(m_window->proxyModel()->rowCount(), 2);
        AgentBoardView *view = m_window->boardView();
        const QRect full = view->visualRect(m_window->proxyModel()->index(0, 0));
        QAction *compact = m_window->findChild<QAction *>(u"actionCompactCards"_s);
        QTest::mouseClick(m_window->findChild<QToolButton *>(u"actionCompactCardsButton"_s), Qt::LeftButton);
        QVERIFY(compact->isChecked());
        QTRY_VERIFY(view->visualRect(m_window->proxyModel()->index(0, 0)).height() < full.height() * 2 / 3);
        // The choice is remembered.
        m_window->close();
        m_window = std::make_unique<MainWindow>(m_orchestrator.get(), m_config);
        QVERIFY(m_window->findChild<QAction *>(u"actionCompactCards"_s)->isChecked());
        QVERIFY(m_window->boardView()->compactCards());
    }

    void remembersLayout()
    {
        auto *dock = child<QDockWidget>(m_window.get(), u"detailDock"_s);
        QVERIFY(dock->isVisible());
        dock->close();
        m_window->resize(1100, 720);
        const QSize size = m_window->size();
        m_window->close();
        m_window = std::make_unique<MainWindow>(m_orchestrator.get(), m_config);
        m_window->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
        QVERIFY(!child<QDockWidget>(m_window.get(), u"detailDock"_s)->isVisible());
        QCOMPARE(m_window->size(), size);
    }

private:
    QModelIndex cardFor(const QString &agentId) const
    {
        AgentFilterProxyModel *proxy = m_window->proxyModel();
        for (int row = 0; row < proxy->rowCount(); ++row) {
            const QModelIndex index = proxy->index(row, 0);
            if (index.data(AgentBoardModel::AgentIdRole).toString() == agentId)
                return index;
        }
        return {};
    }

    AgentState stateOf(const QString &agentId) const
    {
        const QModelIndex card = cardFor(agentId);
        return card.isValid() ? static_cast<AgentState>(card.data(AgentBoardModel::StateRole).toInt())
                              : AgentState::Queued;
    }

    QModelIndex waitForCard(const QString &agentId, AgentState state)
    {
        // QTRY_* cannot return the card: the same wait, on the condition, without a fixed poll.
        if (QTest::qWaitFor([&] { return cardFor(agentId).isValid() && stateOf(agentId) == state; }, 10000))
            return cardFor(agentId);
        qWarning("card %s never reached %s", qPrintable(agentId), qPrintable(agentStateToString(state)));
        return {};
    }

    std::unique_ptr<Orchestrator> m_orchestrator;
    Config m_config;
    std::unique_ptr<MainWindow> m_window;
};

QTEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"
