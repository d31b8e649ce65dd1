// The board from the keyboard alone: F1 lists the shortcuts the window really has, Enter opens a card's details,
// Del asks before it cancels, Ctrl+Return takes the selected agent's question to the inbox with the answer
// field focused; cards, toolbar buttons and inbox rows have names a screen reader can read; and the whole flow from
// the keyboard alone (create a goal, answer its question, cancel an agent).
#include "MainWindow.h"
#include "board/AgentBoardModel.h"
#include "board/AgentBoardView.h"
#include "board/AgentCommands.h"
#include "board/AgentDetailPane.h"
#include "board/AgentFilterProxyModel.h"
#include "config/ConfigLoader.h"
#include "dialogs/ShortcutOverviewDialog.h"
#include "inbox/EscalationListModel.h"
#include "inbox/InboxDock.h"
#include "notify/DesktopNotificationSink.h"
#include "orchestration/Orchestrator.h"
#include "settings/AppearancePage.h"
#include "support/GoalBuilder.h"
#include "support/ProfileBuilder.h"
#include "support/ScriptedBackend.h"
#include "support/TestSupport.h"

#include <QAccessible>
#include <QAction>
#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QDockWidget>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QStandardPaths>
#include <QTest>
#include <QToolBar>
#include <QToolButton>

using namespace switchboard;
using namespace Qt::StringLiterals;

namespace {
using test::child;

QMessageBox *waitForCancelQuestion()
{
    QMessageBox *box = nullptr;
    const bool shown = QTest::qWaitFor([&box] {
        box = qobject_cast<QMessageBox *>(QApplication::activeModalWidget());
        return box && box->objectName() == u"cancelSelectedConfirmation";
    });
    return shown ? box : nullptr;
}
} // namespace

class TestKeyboard final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void init()
    {
        QFile::remove(QStandardPaths::writableLocation(QStandardPaths::AppConfigLocation) + u"/ui.ini"_s);
        m_orchestrator = std::make_unique<Orchestrator>();
        m_orchestrator->setBackends(test::ScriptedBackend::registry());
        Config config = ConfigLoader::defaults();
        config.profiles = {test::ProfileBuilder::demo(u"slow"_s, 60000), test::ProfileBuilder::scripted(u"asker"_s)};
        m_orchestrator->setProfiles(config.profiles);
        m_orchestrator->setMaxParallel(4);
        m_window = std::make_unique<MainWindow>(m_orchestrator.get(), config);
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

    void f1ListsTheRealShortcuts()
    {
        QTest::keyClick(m_window.get(), Qt::Key_F1);
        ShortcutOverviewDialog *dialog = nullptr;
        QTRY_VERIFY((dialog = m_window->findChild<ShortcutOverviewDialog *>()) && dialog->isVisible());
        const QStringList entries = dialog->visibleEntries();
        QVERIFY2(entries.contains(u"File ▸ New goal…\tCtrl+N"_s), qPrintable(entries.join(u'\n')));
        QVERIFY2(entries.contains(u"Agents ▸ Cancel selected…\tDel"_s), qPrintable(entries.join(u'\n')));
        QVERIFY2(entries.contains(u"Agents ▸ Answer question\tCtrl+Return"_s), qPrintable(entries.join(u'\n')));
        QVERIFY2(entries.contains(u"Help ▸ Keyboard shortcuts\tF1"_s), qPrintable(entries.join(u'\n')));
        // Every action of the menus that has a shortcut is there, and nothing without one.
        for (const QString &entry : entries)
            QVERIFY2(!entry.endsWith(u'\t'), qPrintable(entry));
        QVERIFY(entries.size() >= 15);

        // The filter narrows by key or by name.
        QTest::keyClicks(dialog->filterField(), u"ctrl+n"_s);
        QCOMPARE(dialog->visibleEntries(), QStringList{u"File ▸ New goal…\tCtrl+N"_s});
        dialog->filterField()->clear();
        QTest::keyClicks(dialog->filterField(), u"history"_s);
        QCOMPARE(dialog->visibleEntries(), QStringList{u"File ▸ History…\tCtrl+H"_s});
        dialog->close();

        // Read from the actions each time: a changed shortcut shows at once.
        m_window->findChild<QAction *>(u"actionNewGoal"_s)->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_G));
        QTest::keyClick(m_window.get(), Qt::Key_F1);
        QTRY_VERIFY((dialog = m_window->findChild<ShortcutOverviewDialog *>()) && dialog->isVisible());
        QVERIFY2(dialog->visibleEntries().contains(u"File ▸ New goal…\tCtrl+G"_s),
                 qPrintable(dialog->visibleEntries().join(u'\n')));
    }

    void enterOpensTheDetails()
    {
        const QString id = m_orchestrator->spawn(test::GoalBuilder::titled(u"look at me"_s).profile(u"slow"_s));
        m_window->boardModel()->flushPendingInserts();
        QTRY_COMPARE(m_window->proxyModel()->rowCount(), 1);
        auto *dock = m_window->findChild<QDockWidget *>(u"detailDock"_s);
        dock->hide();
        AgentBoardView *view = m_window->boardView();
        view->setFocus();
        QTest::keyClick(view, Qt::Key_Right); // the arrows pick a card
        QTRY_COMPARE(view->currentAgentId(), id);
        QTest::keyClick(view, Qt::Key_Return);
        QTRY_VERIFY(dock->isVisible());
        QCOMPARE(m_window->detailPane()->agentId(), id);
    }

    void delAsksAndCancelsOnlyOnYes()
    {
        const QString id = m_orchestrator->spawn(test::GoalBuilder::titled(u"careful"_s).profile(u"slow"_s));
        m_window->boardModel()->flushPendingInserts();
        QTRY_COMPARE(m_orchestrator->status(id)->state, AgentState::Running);
        AgentBoardView *view = m_window->boardView();
        QTRY_VERIFY(view->selectAgent(id));
        view->setFocus();

        // No: the agent keeps running.
        QTest::keyClick(view, Qt::Key_Delete);
        QMessageBox *box = waitForCancelQuestion();
        QVERIFY(box);
        QVERIFY2(box->text().contains(id), qPrintable(box->text()));
        QCOMPARE(box->defaultButton()->objectName(), u"keepRunningButton"_s); // Enter does not cancel
        QTest::mouseClick(box->findChild<QPushButton *>(u"keepRunningButton"_s), Qt::LeftButton);
        QTRY_VERIFY(!QApplication::activeModalWidget());
        QCOMPARE(m_orchestrator->status(id)->state, AgentState::Running);

        // Yes: it is cancelled.
        view->setFocus();
        QTest::keyClick(view, Qt::Key_Delete);
        box = waitForCancelQuestion();
        QVERIFY(box);
        QTest::mouseClick(box->findChild<QPushButton *>(u"confirmCancelSelectedButton"_s), Qt::LeftButton);
        QTRY_COMPARE(m_orchestrator->status(id)->state, AgentState::Cancelled);
    }

    // "Do not ask again" with Cancel agents: the next Del cancels at once. Ticked with "Keep running" it changes
    // nothing.
    void delCanStopAsking()
    {
        const QString first = m_orchestrator->spawn(test::GoalBuilder::titled(u"first"_s).profile(u"slow"_s));
        const QString second = m_orchestrator->spawn(test::GoalBuilder::titled(u"second"_s).profile(u"slow"_s));
        m_window->boardModel()->flushPendingInserts();
        QTRY_COMPARE(m_orchestrator->status(second)->state, AgentState::Running);
        AgentBoardView *view = m_window->boardView();

        QTRY_VERIFY(view->selectAgent(first));
        view->setFocus();
        QTest::keyClick(view, Qt::Key_Delete);
        QMessageBox *box = waitForCancelQuestion();
        QVERIFY(box);
        box->findChild<QCheckBox *>(u"dontAskAgainCheck"_s)->setChecked(true);
        QTest::mouseClick(box->findChild<QPushButton *>(u"keepRunningButton"_s), Qt::LeftButton);
        QTRY_VERIFY(!QApplication::activeModalWidget());
        view->setFocus();
        QTest::keyClick(view, Qt::Key_Delete);
        box = waitForCancelQuestion(); // still asked
        QVERIFY(box);
        box->findChild<QCheckBox *>(u"dontAskAgainCheck"_s)->setChecked(true);
        QTest::mouseClick(box->findChild<QPushButton *>(u"confirmCancelSelectedButton"_s), Qt::LeftButton);
        QTRY_COMPARE(m_orchestrator->status(first)->state, AgentState::Cancelled);
        QTRY_VERIFY(!QApplication::activeModalWidget());
        QApplication::setActiveWindow(m_window.get()); // offscreen, nothing hands activation back after a dialog
        QTRY_VERIFY(m_window->isActiveWindow());

        QTRY_VERIFY(view->selectAgent(second));
        view->setFocus();
        // The actions follow the selection on a short timer: the cancelled first card had disabled Cancel.
        QTRY_VERIFY(m_window->findChild<QAction *>(u"actionCancelSelected"_s)->isEnabled());
        QTest::keyClick(view, Qt::Key_Delete);
        QTRY_COMPARE(m_orchestrator->status(second)->state, AgentState::Cancelled);
        QVERIFY(!QApplication::activeModalWidget());

        // Settings › Appearance shows the choice and turns the question back on.
        AppearancePage page;
        QVERIFY(!page.askBeforeCancelBox()->isChecked());
        page.askBeforeCancelBox()->setChecked(true);
        QVERIFY(page.isModified());
        page.apply();
        QVERIFY(AgentCommands::asksBeforeCancel());
        const QString third = m_orchestrator->spawn(test::GoalBuilder::titled(u"third"_s).profile(u"slow"_s));
        m_window->boardModel()->flushPendingInserts();
        QTRY_COMPARE(m_orchestrator->status(third)->state, AgentState::Running);
        QTRY_VERIFY(view->selectAgent(third));
        QTRY_VERIFY(m_window->findChild<QAction *>(u"actionCancelSelected"_s)->isEnabled());
        view->setFocus();
        QTest::keyClick(view, Qt::Key_Delete);
        QVERIFY(waitForCancelQuestion());
    }

    void answerKeyFocusesTheQuestion()
    {
        const QString quiet = m_orchestrator->spawn(test::GoalBuilder::titled(u"quiet"_s).profile(u"slow"_s));
        const QString asker = m_orchestrator->spawn(
            test::GoalBuilder(u"asks"_s).profile(u"asker"_s).description(u"ask-free clarification Which name?"_s));
        QTRY_VERIFY(!m_orchestrator->status(asker)->openEscalation.isEmpty());
        const QString question = m_orchestrator->status(asker)->openEscalation;
        m_window->boardModel()->flushPendingInserts();
        AgentBoardView *view = m_window->boardView();
        QTRY_VERIFY(view->selectAgent(asker));
        QTRY_COMPARE(view->currentIndex().data(AgentBoardModel::OpenEscalationRole).toString(), question);
        InboxDock *inbox = m_window->inboxDock();
        inbox->hide();
        view->setFocus();
        QTest::keyClick(view, Qt::Key_Return, Qt::ControlModifier);
        QTRY_VERIFY(inbox->isVisible());
        QCOMPARE(inbox->currentEscalationId(), question);
        auto *answer = child<QLineEdit>(inbox, u"answerEdit"_s);
        QTRY_COMPARE(QApplication::focusWidget(), answer);

        // Typing goes straight to the agent.
        QTest::keyClicks(answer, u"boards"_s);
        QTest::keyClick(answer, Qt::Key_Return);
        QTRY_COMPARE(m_orchestrator->status(asker)->state, AgentState::Completed);
        QCOMPARE(m_orchestrator->status(quiet)->state, AgentState::Running);
    }

    void accessibleNames()
    {
        const QString asker = m_orchestrator->spawn(
            test::GoalBuilder(u"asks"_s).profile(u"asker"_s).description(u"ask-free clarification Which name?"_s));
        QTRY_VERIFY(!m_orchestrator->status(asker)->openEscalation.isEmpty());
        m_window->boardModel()->flushPendingInserts();
        QTRY_COMPARE(m_window->proxyModel()->rowCount(), 1);
        const QString card = m_window->proxyModel()->index(0, 0).data(Qt::AccessibleTextRole).toString();
        QVERIFY2(card.contains(u"asks"_s), qPrintable(card));

        EscalationListModel *open = m_window->inboxDock()->openModel();
        QTRY_COMPARE(open->rowCount(), 1);
        const QString row = open->index(0, EscalationListModel::QuestionColumn).data(Qt::AccessibleTextRole).toString();
        QVERIFY2(row.contains(u"Which name?"_s), qPrintable(row));

        auto *toolBar = m_window->findChild<QToolBar *>(u"mainToolBar"_s);
        QVERIFY(toolBar);
        int buttons = 0;
        for (QToolButton *button : toolBar->findChildren<QToolButton *>()) {
            if (!button->defaultAction() || !button->isVisible())
                continue;
            QAccessibleInterface *iface = QAccessible::queryAccessibleInterface(button);
            QVERIFY(iface);
            QVERIFY2(!iface->text(QAccessible::Name).isEmpty(), qPrintable(button->objectName()));
            ++buttons;
        }
        QVERIFY(buttons >= 5);
    }

    // The keyboard-only flow: create a goal (Ctrl+N, typing, Tab, Enter), answer its question (Ctrl+Return,
    // typing, Enter), create another and cancel it (Del, Tab to "Cancel agents", Space). No mouse anywhere.
    void keyboardOnlyFlow()
    {
        const auto focused = [] { return QApplication::focusWidget(); };
        const auto tabTo = [&focused](const QString &name) {
            for (int i = 0; i < 40 && (!focused() || focused()->objectName() != name); ++i)
                QTest::keyClick(focused(), Qt::Key_Tab);
            return focused() && focused()->objectName() == name;
        };
        const auto agentTitled = [this](const QString &title) {
            for (const AgentStatus &a : m_orchestrator->agents())
                if (m_orchestrator->goal(a.goalId) && m_orchestrator->goal(a.goalId)->title == title)
                    return a.agentId;
            return QString();
        };
        const auto newGoal = [this, &focused, &tabTo](const QString &title, const QString &description,
                                                      const QString &profile) {
            QTest::keyClick(m_window.get(), Qt::Key_N, Qt::ControlModifier);
            QWidget *dialog = nullptr;
            QTRY_VERIFY((dialog = QApplication::activeModalWidget()) && dialog->objectName() == u"newGoalDialog"_s);
            QTRY_COMPARE(focused()->objectName(), u"titleEdit"_s);
            QTest::keyClicks(focused(), title);
            if (!description.isEmpty()) {
                QVERIFY(tabTo(u"descriptionEdit"_s));
                QTest::keyClicks(focused(), description);
            }
            QVERIFY(tabTo(u"profileCombo"_s));
            auto *combo = qobject_cast<QComboBox *>(focused());
            for (int i = 0; i < combo->count() && combo->currentText() != profile; ++i)
                QTest::keyClick(combo, Qt::Key_Down);
            QCOMPARE(combo->currentText(), profile);
            QTest::keyClick(combo, Qt::Key_Return); // the default button: Spawn agent
            QTRY_VERIFY(!QApplication::activeModalWidget());
            QApplication::setActiveWindow(m_window.get()); // offscreen, nothing hands activation back
        };

        newGoal(u"Name the release"_s, u"ask-free clarification Which name?"_s, u"asker"_s);
        QString asker;
        QTRY_VERIFY(!(asker = agentTitled(u"Name the release"_s)).isEmpty());
        QTRY_VERIFY(!m_orchestrator->status(asker)->openEscalation.isEmpty());
        AgentBoardView *view = m_window->boardView();
        QTRY_COMPARE(view->currentIndex().data(AgentBoardModel::AgentIdRole).toString(), asker); // the new card
        view->setFocus();
        QTest::keyClick(view, Qt::Key_Return, Qt::ControlModifier);
        QTRY_COMPARE(focused()->objectName(), u"answerEdit"_s);
        QTest::keyClicks(focused(), u"Aurora"_s);
        QTest::keyClick(focused(), Qt::Key_Return);
        QTRY_COMPARE(m_orchestrator->status(asker)->state, AgentState::Completed);

        newGoal(u"Index the archive"_s, {}, u"slow"_s);
        QString slow;
        QTRY_VERIFY(!(slow = agentTitled(u"Index the archive"_s)).isEmpty());
        QTRY_COMPARE(m_orchestrator->status(slow)->state, AgentState::Running);
        QTRY_COMPARE(view->currentIndex().data(AgentBoardModel::AgentIdRole).toString(), slow);
        QTRY_VERIFY(m_window->findChild<QAction *>(u"actionCancelSelected"_s)->isEnabled());
        view->setFocus();
        QTest::keyClick(view, Qt::Key_Delete);
        QMessageBox *box = waitForCancelQuestion();
        QVERIFY(box);
        QApplication::setActiveWindow(box);
        QTRY_VERIFY(focused() && focused()->window() == box);
        QVERIFY(tabTo(u"confirmCancelSelectedButton"_s));
        QTest::keyClick(focused(), Qt::Key_Space);
        QTRY_COMPARE(m_orchestrator->status(slow)->state, AgentState::Cancelled);
    }

    // A click on a "needs input" notification opens that agent's question, as a click on its card does.
    void notificationClickOpensTheQuestion()
    {
        const QString asker = m_orchestrator->spawn(
            test::GoalBuilder(u"asks"_s).profile(u"asker"_s).description(u"ask-free clarification Which name?"_s));
        QTRY_VERIFY(!m_orchestrator->status(asker)->openEscalation.isEmpty());
        const QString question = m_orchestrator->status(asker)->openEscalation;
        InboxDock *inbox = m_window->inboxDock();
        inbox->hide();
        auto *sink = m_window->findChild<DesktopNotificationSink *>();
        QVERIFY(sink);
        Q_EMIT sink->agentActivated(asker);
        QTRY_VERIFY(inbox->isVisible());
        QCOMPARE(inbox->currentEscalationId(), question);
        QTRY_COMPARE(m_window->boardView()->currentIndex().data(AgentBoardModel::AgentIdRole).toString(), asker);
    }

    // Ctrl+L with the Locks tab behind the inbox brings the locks to the front; pressed again it hides them.
    void dockShortcutBringsATabToTheFront()
    {
        QDockWidget *inbox = m_window->inboxDock();
        auto *locks = m_window->findChild<QDockWidget *>(u"locksDock"_s);
        QVERIFY(locks);
        inbox->show();
        locks->show();
        inbox->raise();
        QTRY_VERIFY(inbox->isVisible());
        // A dock behind another's tab is "visible" and not hidden as far as QWidget knows; nothing of it shows.
        const auto inFront = [](QWidget *dock) { return dock->isVisible() && !dock->visibleRegion().isEmpty(); };
        QTRY_VERIFY(!inFront(locks));

        QTest::keyClick(m_window.get(), Qt::Key_L, Qt::ControlModifier);
        QTRY_VERIFY(inFront(locks));
        QVERIFY(!inFront(inbox));
        QVERIFY(locks->toggleViewAction()->isChecked());

        QTest::keyClick(m_window.get(), Qt::Key_L, Qt::ControlModifier);
        QTRY_VERIFY(locks->isHidden());
        QVERIFY(!locks->toggleViewAction()->isChecked());

        inbox->raise();
        QTest::keyClick(m_window.get(), Qt::Key_L, Qt::ControlModifier); // hidden: shown again, in front
        QTRY_VERIFY(inFront(locks));
        QVERIFY(!inFront(inbox));
    }

private:
    std::unique_ptr<Orchestrator> m_orchestrator;
    std::unique_ptr<MainWindow> m_window;
};

QTEST_MAIN(TestKeyboard)

#include "tst_keyboard.moc"
