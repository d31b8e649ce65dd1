// Start-up with a big unfinished run (StartupRestorer, as app/main.cpp uses it): the window is up and usable
// before the run is read, its board says it is restoring and nothing that spawns goals can run until the run
// is back; then every goal is on the board, with its held interrupted agents, notes and questions. A run
// that cannot be read gives a clear message and an empty board that works.
#include "MainWindow.h"
#include "StartupRestorer.h"
#include "board/AgentBoardModel.h"
#include "board/AgentBoardView.h"
#include "board/AgentFilterProxyModel.h"
#include "board/EmptyBoardOverlay.h"
#include "config/ConfigLoader.h"
#include "inbox/EscalationListModel.h"
#include "inbox/InboxDock.h"
#include "orchestration/Orchestrator.h"
#include "persistence/Store.h"
#include "scratchpad/ScratchpadDock.h"
#include "scratchpad/ScratchpadModel.h"
#include "support/ProfileBuilder.h"
#include "support/TemporaryStore.h"

#include <QAbstractItemModelTester>
#include <QAction>
#include <QApplication>
#include <QDialog>
#include <QLabel>
#include <QLocale>
#include <QMessageBox>
#include <QScopeGuard>
#include <QSemaphore>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace switchboard;
using namespace Qt::StringLiterals;

namespace {
constexpr int kFinishedGoals = 3000;
const QStringList kSpawningActions{u"actionNewGoal"_s, u"actionSpawnParallel"_s, u"actionRunPlan"_s,
                                   u"actionShowHistory"_s};

// A run the app left open: kFinishedGoals finished goals (every tenth a refactoring, and failed), two agents
// that were running when it went away, a note on the scratchpad and an answered question.
void writeUnfinishedRun(const QString &path)
{
    Store store;
    QString error;
    QVERIFY2(store.open(path, &error), qPrintable(error));
    const QString runId = store.nextRunId();
    const QDateTime start = QDateTime::currentDateTimeUtc().addSecs(-3600);
    QList<StoreWrite> writes;
    writes << StoreWrite::runStarted(runId, u"nightly"_s, {}, 4, start);
    for (int i = 0; i < kFinishedGoals + 2; ++i) {
        Goal goal;
        goal.id = u"g-"_s + QString::number(i + 1);
        goal.title = (i % 10 == 3 ? u"Refactor the parser of module "_s : u"Review module "_s) + QString::number(i);
        goal.profile = u"worker"_s;
        AgentStatus status;
        status.agentId = u"a-"_s + QString::number(i + 1);
        status.goalId = goal.id;
        status.name = u"worker-"_s + QString::number(i + 1);
        status.profile = goal.profile;
        status.attempt = 1;
        status.state = AgentState::Running;
        const QDateTime created = start.addMSecs(i);
        writes << StoreWrite::goalAdded(runId, goal, status.agentId, status.name, goal.profile, created);
        writes << StoreWrite::transition(status, created.addMSecs(1));
        if (i < kFinishedGoals) {
            const AgentResult result =
                i % 10 == 3 ? AgentResult::failed(u"tests failed"_s, 1) : AgentResult::completed(u"done"_s);
            writes << StoreWrite::finished(status, result, created.addMSecs(40));
        }
    }
    writes << StoreWrite::note(runId, u"plan"_s, u"Review every module before Friday"_s, u"a-1"_s);
    Escalation question;
    question.id = u"e-1"_s;
    question.agentId = u"a-1"_s;
    question.goalId = u"g-1"_s;
    question.question = u"Which branch?"_s;
    question.state = Escalation::State::Answered;
    question.answerText = u"main"_s;
    question.createdAt = start;
    question.answeredAt = start.addSecs(5);
    question.answeredBy = u"human"_s;
    writes << StoreWrite::escalation(question);
    bool committed = false;
    store.submitAll(std::move(writes), nullptr, [&committed](bool ok) { committed = ok; });
    QVERIFY(store.flush());
    QVERIFY(committed);
}

QLabel *restoringHint(MainWindow &window)
{
    return window.boardView()->findChild<QLabel *>(u"restoringHint"_s);
}
} // namespace

class TestStartupRestore : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void windowComesFirstThenTheRun()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString db = dir.filePath(u"switchboard.db"_s);
        writeUnfinishedRun(db);
        if (QTest::currentTestFailed())
            return;

        Store store;
        QString error;
        QVERIFY2(store.open(db, &error), qPrintable(error));
        Orchestrator o;
        Config config = ConfigLoader::defaults();
        config.profiles = {test::ProfileBuilder::demo(u"worker"_s, 50)};
        o.setProfiles(config.profiles);
        // The read waits until the test lets it go: everything below happens "while the disk is slow".
        QSemaphore readMayGo; // outlives the restorer, which waits for the read
        StartupRestorer restorer(&o, &store);
        restorer.setBeforeReadForTesting([&readMayGo] {
            readMayGo.acquire();
            return QString();
        });
        // A failed check must not leave the read waiting forever (the restorer waits for it when destroyed).
        const auto letTheReadGo = qScopeGuard([&readMayGo] { readMayGo.release(); });
        QVERIFY(restorer.start(0, false));
        QCOMPARE(restorer.run().name, u"nightly"_s);

        MainWindow window(&o, config);
        restorer.attach(&window);
        QAbstractItemModelTester tester(window.boardModel());
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QApplication::setActiveWindow(&window);

        // Up before the run: an empty board that says what it is doing, and how much is coming.
        QVERIFY(restorer.isRestoring());
        QVERIFY(window.isRestoring());
        QVERIFY(o.agentIds().isEmpty());
        QCOMPARE(window.boardModel()->rowCount(), 0);
        AgentBoardView *view = window.boardView();
        QVERIFY(view->isShowingRestoring());
        QVERIFY(view->restoringPlaceholder()->isVisible());
        QVERIFY(!view->emptyOverlay()->isVisible()); // not "No agents yet"
        auto *title = view->findChild<QLabel *>(u"restoringTitle"_s);
        QVERIFY(title);
        QVERIFY2(title->text().contains(u"Restoring the unfinished run"_s), qPrintable(title->text()));
        QTRY_COMPARE(restorer.goalCount(), kFinishedGoals + 2);
        QTRY_VERIFY2(restoringHint(window)->text().contains(QLocale().toString(kFinishedGoals + 2)),
                     qPrintable(restoringHint(window)->text()));
        QVERIFY(restoringHint(window)->text().contains(u"nightly"_s));

        // Nothing that spawns can run: the actions say why, their shortcuts and slots do nothing.
        for (const QString &name : kSpawningActions) {
            auto *action = window.findChild<QAction *>(name);
            QVERIFY2(action, qPrintable(name));
            QVERIFY2(!action->isEnabled(), qPrintable(name));
            QVERIFY2(action->toolTip().contains(u"unfinished run"_s), qPrintable(action->toolTip()));
        }
        QTest::keyClick(&window, Qt::Key_N, Qt::ControlModifier);
        QTest::keyClick(&window, Qt::Key_O, Qt::ControlModifier);
        window.showNewGoalDialog();
        window.showSpawnParallelDialog();
        window.showRunPlanDialog();
        window.showHistory();
        QApplication::processEvents();
        QVERIFY(window.findChildren<QDialog *>().isEmpty());
        QVERIFY(o.agentIds().isEmpty());
        // The window itself works meanwhile: a filter can be typed, the docks open.
        window.proxyModel()->setSearchText(u"refactor"_s);
        window.inboxDock()->show();

        readMayGo.release();
        QTRY_COMPARE_WITH_TIMEOUT(restorer.state(), StartupRestorer::State::Restored, 30000);
        QVERIFY(!window.isRestoring());
        // Every goal is on the board, in spawn order, and the notice is gone.
        QTRY_COMPARE(window.boardModel()->rowCount(), kFinishedGoals + 2);
        QTRY_VERIFY(!view->isShowingRestoring());
        QVERIFY(!view->restoringPlaceholder()->isVisible());
        QCOMPARE(o.agentIds().size(), kFinishedGoals + 2);
        for (int row = 0; row < window.boardModel()->rowCount(); ++row)
            QCOMPARE(window.boardModel()->statusAt(row).goalId, u"g-"_s + QString::number(row + 1));
        QCOMPARE(window.boardModel()->statusAt(7).state, AgentState::Completed);
        QCOMPARE(window.boardModel()->statusAt(3).state, AgentState::Failed);
        // The two that were running are held for a click (auto resume off).
        const QString held = o.agentForGoal(u"g-"_s + QString::number(kFinishedGoals + 1));
        QCOMPARE(o.status(held)->state, AgentState::Interrupted);
        QCOMPARE(window.boardModel()->statusAt(window.boardModel()->rowForAgent(held)).state, AgentState::Interrupted);
        // The filter typed while restoring applies to the restored cards.
        QTRY_COMPARE(window.proxyModel()->rowCount(), kFinishedGoals / 10);
        window.proxyModel()->setSearchText({});
        QTRY_COMPARE(window.proxyModel()->rowCount(), kFinishedGoals + 2);
        // The run's note and its answered question came back with it.
        QTRY_COMPARE(window.scratchpadDock()->model()->rowCount(), 1);
        QTRY_COMPARE(window.inboxDock()->historyModel()->rowCount(), 1);

        // Now goals can be added again: the actions are back, and a spawn continues the run.
        for (const QString &name : kSpawningActions) {
            auto *action = window.findChild<QAction *>(name);
            QVERIFY2(action->isEnabled(), qPrintable(name));
            QVERIFY2(!action->toolTip().contains(u"unfinished run"_s), qPrintable(action->toolTip()));
        }
        window.showNewGoalDialog();
        QTRY_VERIFY(!window.findChildren<QDialog *>().isEmpty());
        for (QDialog *open : window.findChildren<QDialog *>())
            open->reject();
        Goal next;
        next.title = u"One more review"_s;
        next.profile = u"worker"_s;
        const QString added = o.spawn(next, &error);
        QVERIFY2(!added.isEmpty(), qPrintable(error));
        QCOMPARE(o.runId(), restorer.run().id);
        QTRY_COMPARE(window.boardModel()->rowCount(), kFinishedGoals + 3);
        QTRY_COMPARE_WITH_TIMEOUT(o.status(added)->state, AgentState::Completed, 10000);
    }

    void unreadableRunGivesAClearErrorAndAnEmptyBoard()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString db = dir.filePath(u"switchboard.db"_s);
        writeUnfinishedRun(db);
        if (QTest::currentTestFailed())
            return;
        // Damage: the table of notes is gone, so the run can no longer be read as a whole.
        {
            QSqlDatabase raw = QSqlDatabase::addDatabase(u"QSQLITE"_s, u"damage"_s);
            raw.setDatabaseName(db);
            QVERIFY(raw.open());
            QSqlQuery query(raw);
            QVERIFY2(query.exec(u"ALTER TABLE notes RENAME TO notes_lost"_s), qPrintable(query.lastError().text()));
            raw.close();
        }
        QSqlDatabase::removeDatabase(u"damage"_s);

        Store store;
        QString error;
        QVERIFY2(store.open(db, &error), qPrintable(error));
        Orchestrator o;
        Config config = ConfigLoader::defaults();
        config.profiles = {test::ProfileBuilder::demo(u"worker"_s, 50)};
        o.setProfiles(config.profiles);
        StartupRestorer restorer(&o, &store);
        QVERIFY(restorer.start(0, true));
        MainWindow window(&o, config);
        restorer.attach(&window);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));

        QTRY_COMPARE_WITH_TIMEOUT(restorer.state(), StartupRestorer::State::Failed, 30000);
        // Said clearly, on the window, with what went wrong.
        QMessageBox *box = nullptr;
        QTRY_VERIFY((box = window.findChild<QMessageBox *>(u"restoreFailedBox"_s)) && box->isVisible());
        QVERIFY2(box->text().contains(u"could not be restored"_s), qPrintable(box->text()));
        QVERIFY2(box->informativeText().contains(u"nightly"_s), qPrintable(box->informativeText()));
        QVERIFY2(box->informativeText().contains(u"notes"_s), qPrintable(box->informativeText()));
        QVERIFY(!restorer.error().isEmpty());
        box->accept();

        // An empty board that works: the first-run notice, the actions back, a new goal runs.
        QVERIFY(!window.isRestoring());
        QTRY_VERIFY(!window.boardView()->isShowingRestoring());
        QTRY_VERIFY(window.boardView()->emptyOverlay()->isVisible());
        QCOMPARE(window.boardModel()->rowCount(), 0);
        QVERIFY(o.agentIds().isEmpty());
        for (const QString &name : kSpawningActions)
            QVERIFY2(window.findChild<QAction *>(name)->isEnabled(), qPrintable(name));
        Goal next;
        next.title = u"Start over"_s;
        next.profile = u"worker"_s;
        const QString added = o.spawn(next, &error);
        QVERIFY2(!added.isEmpty(), qPrintable(error));
        QVERIFY(o.runId() != restorer.run().id); // a run of its own; the damaged one stays as it was
        QTRY_COMPARE(window.boardModel()->rowCount(), 1);
        QTRY_COMPARE_WITH_TIMEOUT(o.status(added)->state, AgentState::Completed, 10000);
    }

    void noUnfinishedRunNoRestore()
    {
        test::TemporaryStore temp;
        QVERIFY2(temp.isOpen(), qPrintable(temp.error()));
        Store &store = temp.store();
        Orchestrator o;
        StartupRestorer restorer(&o, &store);
        QVERIFY(!restorer.start(0, true));
        QCOMPARE(restorer.state(), StartupRestorer::State::Idle);
        QCOMPARE(o.store(), &store); // recording all the same
        MainWindow window(&o, ConfigLoader::defaults());
        restorer.attach(&window);
        QVERIFY(!window.isRestoring());
        QVERIFY(window.findChild<QAction *>(u"actionNewGoal"_s)->isEnabled());
    }
};

QTEST_MAIN(TestStartupRestore)
#include "tst_startuprestore.moc"
