// "Resume now" on the board: a model server's "retry after 3000 s" pauses a profile for the documented maximum;
// the waiting card says so with a countdown, its context menu offers Resume now, and choosing it ends the pause
// so the waiting goal runs.
#include "MainWindow.h"
#include "board/AgentBoardModel.h"
#include "board/AgentBoardView.h"
#include "board/AgentCardDelegate.h"
#include "board/AgentFilterProxyModel.h"
#include "config/ConfigLoader.h"
#include "model/RateLimitPause.h"
#include "orchestration/Orchestrator.h"
#include "support/GoalBuilder.h"
#include "support/ProfileBuilder.h"
#include "support/ScriptedBackend.h"

#include <QAction>
#include <QApplication>
#include <QContextMenuEvent>
#include <QFile>
#include <QMenu>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTest>

using namespace switchboard;
using namespace Qt::StringLiterals;

class TestRateLimitResume final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void resumeNowFromTheCardMenu()
    {
        QFile::remove(QStandardPaths::writableLocation(QStandardPaths::AppConfigLocation) + u"/ui.ini"_s);
        Orchestrator o;
        o.setBackends(test::ScriptedBackend::registry());
        Config config = ConfigLoader::defaults();
        config.profiles = {test::ProfileBuilder::scripted(u"api"_s), test::ProfileBuilder::scripted(u"other"_s)};
        o.setProfiles(config.profiles);
        MainWindow window(&o, config);
        window.resize(1280, 800);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QApplication::setActiveWindow(&window);

        QSignalSpy limited(&o, &Orchestrator::profileRateLimited);
        const QString first = o.spawn(test::GoalBuilder(u"first"_s).description(u"ratelimit 3000"_s).profile(u"api"_s));
        QVERIFY(limited.wait(5000));
        QTRY_COMPARE(o.status(first)->state, AgentState::Completed);
        const QString waiting =
            o.spawn(test::GoalBuilder(u"waiting"_s).title(u"Waits out the limit"_s).profile(u"api"_s));
        const QString free = o.spawn(test::GoalBuilder(u"free"_s).description(u"hang"_s).profile(u"other"_s));
        QTRY_COMPARE(o.status(free)->state, AgentState::Running);
        QCOMPARE(o.status(waiting)->state, AgentState::Queued);

        // The card shows the pause, at most the documented maximum.
        AgentBoardView *view = window.boardView();
        AgentCardDelegate *delegate = view->cardDelegate();
        QModelIndex card;
        QTRY_VERIFY((card = cardFor(window, waiting)).isValid());
        QTRY_VERIFY2(delegate->cardText(card).contains(u"rate limited · resumes in 9:5"_s) ||
                         delegate->cardText(card).contains(u"rate limited · resumes in 10:00"_s),
                     qPrintable(delegate->cardText(card)));
        QCOMPARE(RateLimitPause::MaxS, 600);

        // A card of another profile offers no Resume now.
        QAction *resumeNow = window.findChild<QAction *>(u"actionResumeRateLimited"_s);
        QVERIFY(resumeNow);
        QMenu *menu = openContextMenu(window, free);
        QVERIFY(menu);
        QVERIFY(!menu->actions().contains(resumeNow));
        menu->close();
        QTRY_VERIFY(!window.findChild<QMenu *>(u"cardContextMenu"_s));

        // The waiting card's menu does; choosing it ends the pause and the goal runs.
        menu = openContextMenu(window, waiting);
        QVERIFY(menu);
        QVERIFY(menu->actions().contains(resumeNow));
        QVERIFY(resumeNow->isEnabled());
        menu->setActiveAction(resumeNow);
        QTest::keyClick(menu, Qt::Key_Return);
        QTRY_COMPARE_WITH_TIMEOUT(o.status(waiting)->state, AgentState::Completed, 10000);
        QVERIFY(o.progress().rateLimitedProfiles.isEmpty());
        QTRY_VERIFY(!delegate->cardText(cardFor(window, waiting)).contains(u"rate limited"_s));
        o.cancelAll();
        QVERIFY(o.waitAll(10000));
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

    static QMenu *openContextMenu(MainWindow &window, const QString &agentId)
    {
        AgentBoardView *view = window.boardView();
        const QModelIndex card = cardFor(window, agentId);
        if (!card.isValid())
            return nullptr;
        const QPoint where = view->visualRect(card).center();
        QContextMenuEvent event(QContextMenuEvent::Mouse, where, view->viewport()->mapToGlobal(where));
        QApplication::sendEvent(view->viewport(), &event);
        QMenu *menu = nullptr;
        if (!QTest::qWaitFor(
                [&] { return (menu = window.findChild<QMenu *>(u"cardContextMenu"_s)) && menu->isVisible(); }))
            return nullptr;
        return menu;
    }
};

QTEST_MAIN(TestRateLimitResume)
#include "tst_ratelimitresume.moc"
