// Click to resume: a run recorded in a real store "crashes" while its agents run (the database files are
// copied as they are on disk), comes back with automatic resume off, and the person resumes the held agents
// one by one — with the card's ▶ button, with Resume in the card's context menu, and with Agents > Resume all
// interrupted — each starting a new attempt that is recorded.
#include "MainWindow.h"
#include "board/AgentBoardModel.h"
#include "board/AgentBoardView.h"
#include "board/AgentCardDelegate.h"
#include "board/AgentFilterProxyModel.h"
#include "config/ConfigLoader.h"
#include "orchestration/Orchestrator.h"
#include "persistence/Store.h"
#include "support/GoalBuilder.h"
#include "support/ProfileBuilder.h"
#include "support/TestSupport.h"

#include <QAction>
#include <QApplication>
#include <QContextMenuEvent>
#include <QFile>
#include <QMenu>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace switchboard;
using namespace Qt::StringLiterals;

class TestResumeInterrupted : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void resumeByClick()
    {
        QFile::remove(QStandardPaths::writableLocation(QStandardPaths::AppConfigLocation) + u"/ui.ini"_s);
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString db = dir.filePath(u"switchboard.db"_s);
        const QString crashed = dir.filePath(u"crashed.db"_s);

        // The run before the crash: three agents that would run for a minute, and one that finished.
        {
            Store store;
            QString error;
            QVERIFY2(store.open(db, &error), qPrintable(error));
            Orchestrator o;
            o.setStore(&store);
            o.setProfiles({test::ProfileBuilder::demo(u"worker"_s, 60000)});
            o.setMaxParallel(4);
            QCOMPARE(o.spawnParallel({test::GoalBuilder(u"a"_s).title(u"Index the repository"_s).profile(u"worker"_s),
                                      test::GoalBuilder(u"b"_s).title(u"Draft the RFC"_s).profile(u"worker"_s),
                                      test::GoalBuilder(u"c"_s).title(u"Triage the issues"_s).profile(u"worker"_s)})
                         .size(),
                     3);
            QTRY_COMPARE_WITH_TIMEOUT(o.progress().inProgress, 3, 10000);
            QVERIFY(store.flush());
            // The crash image: the database files as they are on disk while the agents run.
            QVERIFY(test::copyDatabaseImage(db, crashed));
            o.cancelAll();
            QVERIFY(o.waitAll(10000));
        }

        // Restart on the crash image with automatic resume off.
        Store store;
        QString error;
        QVERIFY2(store.open(crashed, &error), qPrintable(error));
        const QString runId = store.runs().constLast().id;
        const StoreSnapshot snapshot = store.load(runId);
        QCOMPARE(snapshot.goals.size(), 3);
        Orchestrator o;
        o.setStore(&store);
        Config config = ConfigLoader::defaults();
        config.profiles = {test::ProfileBuilder::demo(u"worker"_s, 100)};
        o.setProfiles(config.profiles);
        o.setMaxParallel(4);
        MainWindow window(&o, config);
        window.resize(1280, 800);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QApplication::setActiveWindow(&window);
        QVERIFY2(o.restore(snapshot, false, &error), qPrintable(error));
        const QString a = o.agentForGoal(u"a"_s);
        const QString b = o.agentForGoal(u"b"_s);
        const QString c = o.agentForGoal(u"c"_s);
        for (const QString &id : {a, b, c}) {
            QCOMPARE(o.status(id)->state, AgentState::Interrupted);
            QCOMPARE(o.status(id)->attempt, 1);
        }
        QTest::qWait(200); // a span in which nothing may start: held agents wait for the person
        QCOMPARE(o.status(a)->state, AgentState::Interrupted);

        AgentBoardView *view = window.boardView();
        AgentCardDelegate *delegate = view->cardDelegate();
        QAction *resumeSelected = window.findChild<QAction *>(u"actionResumeSelected"_s);
        QAction *resumeAll = window.findChild<QAction *>(u"actionResumeAll"_s);
        QVERIFY(resumeSelected && resumeAll);
        QMenu *agentsMenu = window.findChild<QMenu *>(u"agentsMenu"_s);
        QVERIFY(agentsMenu->actions().contains(resumeSelected));
        QVERIFY(agentsMenu->actions().contains(resumeAll));
        QTRY_COMPARE(window.proxyModel()->rowCount(), 3);
        QTRY_VERIFY(resumeAll->isEnabled());

        // 1. The card's ▶ button.
        QModelIndex card = cardFor(window, a);
        QVERIFY(delegate->hasResumeButton(card));
        QVERIFY2(delegate->cardText(card).contains(u"resume"_s), qPrintable(delegate->cardText(card)));
        const QPoint button = delegate->resumeButtonRect(view->visualRect(card)).center();
        QTest::mouseMove(view->viewport(), button);
        QTest::mouseClick(view->viewport(), Qt::LeftButton, {}, button);
        QTRY_COMPARE_WITH_TIMEOUT(o.status(a)->state, AgentState::Completed, 10000);
        QCOMPARE(o.status(a)->attempt, 2);
        // The interrupted attempt spent no retry, and the card says why this is attempt 2.
        const int maxAttempts = 1 + config.profiles.constFirst().retry.maxRetries + 1;
        QCOMPARE(o.status(a)->interruptedAttempts, 1);
        QCOMPARE(o.status(a)->maxAttempts, maxAttempts);
        QTRY_VERIFY2(delegate->cardText(cardFor(window, a))
                         .contains(u"attempt 2/%1 · resumed after an interruption"_s.arg(maxAttempts)),
                     qPrintable(delegate->cardText(cardFor(window, a))));
        QCOMPARE(o.status(b)->state, AgentState::Interrupted);
        QCOMPARE(o.status(c)->state, AgentState::Interrupted);
        QTRY_VERIFY(!delegate->hasResumeButton(cardFor(window, a)));

        // 2. Resume from the card's context menu.
        card = cardFor(window, b);
        const QPoint where = view->visualRect(card).center();
        QContextMenuEvent event(QContextMenuEvent::Mouse, where, view->viewport()->mapToGlobal(where));
        QApplication::sendEvent(view->viewport(), &event);
        QMenu *menu = nullptr;
        QTRY_VERIFY((menu = window.findChild<QMenu *>(u"cardContextMenu"_s)) && menu->isVisible());
        QVERIFY(menu->actions().contains(resumeSelected));
        QVERIFY(resumeSelected->isEnabled());
        QCOMPARE(view->selectedAgentIds(), QStringList{b});
        menu->setActiveAction(resumeSelected);
        QTest::keyClick(menu, Qt::Key_Return);
        QTRY_COMPARE_WITH_TIMEOUT(o.status(b)->state, AgentState::Completed, 10000);
        QCOMPARE(o.status(b)->attempt, 2);
        QCOMPARE(o.status(c)->state, AgentState::Interrupted);
        // A card that is not interrupted gets no Resume in its menu.
        QTRY_VERIFY(!resumeSelected->isEnabled());

        // 3. Agents > Resume all interrupted.
        QVERIFY(resumeAll->isEnabled());
        resumeAll->trigger();
        QTRY_COMPARE_WITH_TIMEOUT(o.status(c)->state, AgentState::Completed, 10000);
        QCOMPARE(o.status(c)->attempt, 2);
        QTRY_VERIFY(!resumeAll->isEnabled());

        // Recorded: every goal completed on its second attempt.
        QVERIFY(store.flush());
        const StoreSnapshot after = store.load(runId);
        QCOMPARE(after.agents.size(), 3);
        for (const AgentStatus &agent : after.agents) {
            QCOMPARE(agent.state, AgentState::Completed);
            QCOMPARE(agent.attempt, 2);
            // Read back the same way: the first attempt was interrupted, the second resumed after it.
            QCOMPARE(agent.interruptedAttempts, 1);
            QVERIFY(agent.resumedAfterInterruption);
        }
    }

private:
    static QModelIndex cardFor(MainWindow &window, const QString &agentId)
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
};

QTEST_MAIN(TestResumeInterrupted)
#include "tst_resumeinterrupted.moc"
