// The escalation inbox as a person uses it: a question an agent asks shows up (with the count in the dock,
// the window title and the status bar), clicking an option or typing an answer and pressing Enter resumes
// the agent, which completes with that answer, and the question moves to the history. Escalated cards open
// their question; retrying cards say which attempt comes next.
#include "MainWindow.h"
#include "agents/AgentContext.h"
#include "agents/BackendRegistry.h"
#include "board/AgentBoardModel.h"
#include "board/AgentBoardView.h"
#include "board/AgentCardDelegate.h"
#include "board/AgentDetailPane.h"
#include "config/ConfigLoader.h"
#include "inbox/EscalationListModel.h"
#include "inbox/InboxDock.h"
#include "orchestration/Orchestrator.h"
#include "support/GoalBuilder.h"
#include "support/ProfileBuilder.h"
#include "support/ScriptedBackend.h"
#include "support/TestSupport.h"
#include "widgets/RunStatusWidget.h"

#include <QAbstractItemModelTester>
#include <QApplication>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QToolButton>
#include <QTreeView>

using namespace switchboard;
using namespace Qt::StringLiterals;

namespace {

// What the agents do (ScriptedBackend scripts): ask a question with options, or one answered in free text.
const QString kAskOptions = u"ask architecture Which database?"_s;
const QString kAskFree = u"ask-free clarification What should the table be called?"_s;

// Goals run on the one profile, "asker".
void setUp(Orchestrator &o, int maxRetries = 0)
{
    o.setBackends(test::ScriptedBackend::registry());
    o.setProfiles({test::ProfileBuilder::scripted(u"asker"_s).retries(maxRetries, {60.0})});
    o.setMaxParallel(4);
}

using test::child;
} // namespace

class TestInboxDock : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void modelsUnderTester()
    {
        Orchestrator o;
        setUp(o);
        EscalationListModel open(&o, EscalationListModel::Kind::Open);
        EscalationListModel history(&o, EscalationListModel::Kind::History);
        QAbstractItemModelTester openTester(&open, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QAbstractItemModelTester historyTester(&history, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QCOMPARE(open.rowCount(), 0);
        const QStringList ids = o.spawnParallel(
            {test::GoalBuilder(u"a"_s).description(kAskOptions), test::GoalBuilder(u"b"_s).description(kAskFree)});
        QTRY_COMPARE(open.rowCount(), 2);
        const QString first = open.index(0, 0).data(EscalationListModel::IdRole).toString();
        QVERIFY(o.inbox().answer(first, open.escalationAt(0).options.isEmpty() ? QString() : u"pg"_s,
                                 open.escalationAt(0).options.isEmpty() ? u"x"_s : QString()));
        QTRY_COMPARE(open.rowCount(), 1);
        QTRY_COMPARE(history.rowCount(), 1);
        QVERIFY(history.index(0, EscalationListModel::WaitedColumn).data().toString().startsWith(u"Answered"_s));
        o.cancelAll();
        QTRY_COMPARE(open.rowCount(), 0);
        QCOMPARE(history.rowCount(), 2);
        QVERIFY(o.waitAll(5000));
    }

    void optionButtonResumesTheAgent()
    {
        Orchestrator o;
        setUp(o);
        MainWindow window(&o, ConfigLoader::defaults());
        window.setPlanName(u"plan"_s);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        InboxDock *dock = window.inboxDock();
        QVERIFY(dock);

        const QString agent = o.spawn(test::GoalBuilder(u"db"_s).description(kAskOptions));
        QTRY_COMPARE(dock->openCount(), 1);
        QTRY_COMPARE(o.status(agent)->state, AgentState::Escalated);
        // The count is everywhere a person might look.
        QCOMPARE(window.windowTitle(), u"Switchboard — plan (1 waiting)"_s);
        QVERIFY(dock->windowTitle().contains(u"1"_s));
        auto *questions = child<QToolButton>(&window, u"questionsButton"_s);
        QTRY_VERIFY(questions->isVisible());
        QVERIFY(questions->text().contains(u"1 waiting for you"_s));
        QVERIFY(!window.lastNotification().isEmpty());

        // The most urgent question is picked: its text and a button per option.
        QTRY_COMPARE(child<QLabel>(dock, u"questionText"_s)->text(), u"Which database?"_s);
        auto *pg = child<QPushButton>(dock, u"option_pg"_s);
        QVERIFY(pg);
        QCOMPARE(pg->text(), u"PostgreSQL"_s);
        QTRY_VERIFY(pg->isVisible());
        QTest::keyClicks(child<QLineEdit>(dock, u"answerEdit"_s), u"keep it simple"_s);
        QTest::mouseClick(pg, Qt::LeftButton);

        QTRY_COMPARE(o.status(agent)->state, AgentState::Completed);
        QCOMPARE(o.status(agent)->summary, u"chose pg keep it simple"_s);
        QTRY_COMPARE(dock->openCount(), 0);
        QTRY_COMPARE(window.windowTitle(), u"Switchboard — plan"_s);
        QTRY_COMPARE(dock->historyModel()->rowCount(), 1);
        QCOMPARE(dock->historyModel()->escalationAt(0).answerOption, u"pg"_s);
        QTRY_VERIFY(!questions->isVisible());
    }

    void freeTextAndEnter()
    {
        Orchestrator o;
        setUp(o);
        MainWindow window(&o, ConfigLoader::defaults());
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        InboxDock *dock = window.inboxDock();
        const QString agent = o.spawn(test::GoalBuilder(u"name"_s).description(kAskFree));
        QTRY_COMPARE(dock->openCount(), 1);
        QTRY_COMPARE(child<QLabel>(dock, u"questionText"_s)->text(), u"What should the table be called?"_s);
        auto *edit = child<QLineEdit>(dock, u"answerEdit"_s);
        QTRY_VERIFY(edit->isVisible());
        QVERIFY(!child<QWidget>(dock, u"optionButtons"_s)->isVisible());

        // Enter with nothing typed: an inline error, nothing sent.
        edit->setFocus();
        QTest::keyClick(edit, Qt::Key_Return);
        auto *error = child<QLabel>(dock, u"answerError"_s);
        QVERIFY(error->isVisible());
        QCOMPARE(o.status(agent)->state, AgentState::Escalated);

        QTest::keyClicks(edit, u"task_boards"_s);
        QTest::keyClick(edit, Qt::Key_Return);
        QTRY_COMPARE(o.status(agent)->state, AgentState::Completed);
        QCOMPARE(o.status(agent)->summary, u"chose  task_boards"_s);
        QVERIFY(!error->isVisible());
    }

    void escalatedCardOpensItsQuestion()
    {
        Orchestrator o;
        setUp(o);
        MainWindow window(&o, ConfigLoader::defaults());
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        InboxDock *dock = window.inboxDock();
        const QStringList agents = o.spawnParallel(
            {test::GoalBuilder(u"a"_s).description(kAskOptions), test::GoalBuilder(u"b"_s).description(kAskFree)});
        QTRY_COMPARE(dock->openCount(), 2);
        QTRY_VERIFY(!o.status(agents[1])->openEscalation.isEmpty());
        window.boardModel()->flushPendingInserts();
        QTRY_COMPARE(window.boardModel()
                         ->index(window.boardModel()->rowForAgent(agents[1]))
                         .data(AgentBoardModel::OpenEscalationRole)
                         .toString(),
                     o.status(agents[1])->openEscalation);

        // The card says what it waits for, and a click on it picks its question in the inbox.
        AgentBoardView *view = window.boardView();
        const QModelIndex card = view->model()->index(1, 0);
        QCOMPARE(card.data(AgentBoardModel::AgentIdRole).toString(), agents[1]);
        QVERIFY(view->cardDelegate()->cardText(card).contains(u"Asks: What should the table be called?"_s));
        QTest::mouseClick(view->viewport(), Qt::LeftButton, {}, view->visualRect(card).center() + QPoint(-40, 20));
        QTRY_COMPARE(dock->currentEscalationId(), o.status(agents[1])->openEscalation);
        QCOMPARE(child<QLabel>(dock, u"questionText"_s)->text(), u"What should the table be called?"_s);

        // Cancel agent ends the wait at once.
        QTest::mouseClick(child<QPushButton>(dock, u"cancelAgentButton"_s), Qt::LeftButton);
        QTRY_COMPARE(o.status(agents[1])->state, AgentState::Cancelled);
        QTRY_COMPARE(dock->openCount(), 1);
        o.cancelAll();
        QVERIFY(o.waitAll(5000));
    }

    void retryingCardShowsTheNextAttempt()
    {
        Orchestrator o;
        setUp(o, 3);
        MainWindow window(&o, ConfigLoader::defaults());
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        const QString agent = o.spawn(test::GoalBuilder(u"flaky"_s).description(u"fail connection reset"_s));
        QTRY_VERIFY(o.status(agent)->nextAttemptAt.isValid());
        window.boardModel()->flushPendingInserts();
        AgentBoardView *view = window.boardView();
        QTRY_VERIFY(view->model()->index(0, 0).data(AgentBoardModel::NextAttemptRole).toDateTime().isValid());
        const QString text = view->cardDelegate()->cardText(view->model()->index(0, 0));
        QVERIFY2(text.contains(u"attempt 2/4 · next try in "_s), qPrintable(text));
        QVERIFY(text.contains(u"connection reset"_s));
        QVERIFY(view->model()->index(0, 0).data(Qt::ToolTipRole).toString().contains(u"attempt 2/4"_s));
        // The status bar counts it as retrying.
        auto *retrying = child<QLabel>(&window, u"retryingCount"_s);
        QTRY_COMPARE(retrying->text(), u"1 retrying"_s);
        // The detail pane shows the attempt and when the next one starts.
        window.boardView()->selectAgent(agent);
        QTRY_COMPARE(child<QLabel>(window.detailPane(), u"detailAttempt"_s)->text(), u"2 of 4"_s);
        QVERIFY(child<QLabel>(window.detailPane(), u"detailNextTry"_s)->text().startsWith(u"next try in"_s));
        o.cancelAll();
        QVERIFY(o.waitAll(5000));
    }

    void detailPaneMarksATruncatedLog()
    {
        QTemporaryDir logs;
        Orchestrator o;
        setUp(o);
        o.setLogDirectory(logs.path());
        MainWindow window(&o, ConfigLoader::defaults());
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        const QString agent = o.spawn(test::GoalBuilder(u"loud"_s).description(u"spam 2500\nsummary loud"_s));
        QVERIFY(o.waitAll(10000));
        QTRY_VERIFY(o.agentLogDropped(agent) > 0);
        window.boardModel()->flushPendingInserts();
        QVERIFY(window.boardView()->selectAgent(agent));
        window.detailPane()->setAgent(agent);
        auto *dropped = child<QLabel>(window.detailPane(), u"detailLogDropped"_s);
        QTRY_VERIFY(dropped->isVisible());
        const QString expected =
            u"%1 older line(s) not shown — full log: %2"_s.arg(o.agentLogDropped(agent)).arg(o.agentLogFile(agent));
        QCOMPARE(dropped->text(), expected);
        QVERIFY(o.agentLogFile(agent).startsWith(logs.path()));
    }
};

QTEST_MAIN(TestInboxDock)
#include "tst_inboxdock.moc"
