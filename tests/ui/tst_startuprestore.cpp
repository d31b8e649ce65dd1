// Start-up with a big unfinished run (StartupRestorer, as app/main.cpp uses it): the window is up and usable
// before the run is read, its board says it is restoring and nothing that spawns goals can run until the run
// is back; then every goal is on the board, with its held interrupted agents, notes and questions. A run
// that cannot be read gives a clear message and an empty board that works. The jobs a crashed run left on other
// executors are ended on the worker thread first, while the window says so; nothing of the run starts before.
// The database's integrity check runs while the window is up (RunSession::openStoreInBackground, as app/main.cpp
// opens it): the board says so, nothing that writes is offered and the store takes no write until it has passed; a
// file that fails it is named in the damaged-database banner and the session goes on without recording.
#include "MainWindow.h"
#include "StartupRestorer.h"
#include "board/AgentBoardModel.h"
#include "board/AgentBoardView.h"
#include "board/AgentFilterProxyModel.h"
#include "board/EmptyBoardOverlay.h"
#include "config/ConfigLoader.h"
#include "inbox/EscalationListModel.h"
#include "inbox/InboxDock.h"
#include "model/ExecutorRecord.h"
#include "orchestration/Orchestrator.h"
#include "persistence/Store.h"
#include "scratchpad/ScratchpadDock.h"
#include "scratchpad/ScratchpadModel.h"
#include "session/RunSession.h"
#include "support/GoalBuilder.h"
#include "support/ProfileBuilder.h"
#include "support/TemporaryStore.h"
#include "support/TestSupport.h"
#include "widgets/StorageBanner.h"

#include <QAbstractItemModelTester>
#include <QAction>
#include <QApplication>
#include <QDialog>
#include <QFile>
#include <QHostAddress>
#include <QLabel>
#include <QLocale>
#include <QMessageBox>
#include <QScopeGuard>
#include <QSemaphore>
#include <QSignalSpy>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QTcpServer>
#include <QTcpSocket>
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

// The config the restored goals' profile comes from: "worker", a demo agent.
Config workerConfig(Orchestrator &o)
{
    Config config = ConfigLoader::defaults();
    config.profiles = {test::ProfileBuilder::demo(u"worker"_s, 50)};
    o.setProfiles(config.profiles);
    return config;
}

// A goal spawned now joins the restored run and completes.
void spawnJoinsTheRestoredRun(Orchestrator &o, const QString &runId)
{
    QString error;
    Goal next;
    next.title = u"One more review"_s;
    next.profile = u"worker"_s;
    const QString added = o.spawn(next, &error);
    QVERIFY2(!added.isEmpty(), qPrintable(error));
    QCOMPARE(o.runId(), runId);
    QTRY_COMPARE_WITH_TIMEOUT(o.status(added)->state, AgentState::Completed, 10000);
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
        const Config config = workerConfig(o);
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
        spawnJoinsTheRestoredRun(o, restorer.run().id);
        QTRY_COMPARE(window.boardModel()->rowCount(), kFinishedGoals + 3);
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
        const Config config = workerConfig(o);
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

    void leftoverJobsEndBeforeTheRunComesBack()
    {
        // An "SSH host" that accepts the connection and then says nothing: the leftover check hangs on it for as
        // long as the test keeps the connection open (ConnectTimeout from the profile's options wins over ours).
        QTcpServer host;
        QVERIFY(host.listen(QHostAddress::LocalHost));
        QList<QTcpSocket *> connections;
        connect(&host, &QTcpServer::newConnection, &host, [&host, &connections] {
            while (QTcpSocket *socket = host.nextPendingConnection())
                connections.append(socket);
        });
        ExecutorSpec ssh;
        ssh.kind = ExecutorSpec::Kind::Ssh;
        ssh.ssh.host = u"127.0.0.1"_s;
        ssh.ssh.port = host.serverPort();
        ssh.ssh.extraOptions = {u"ConnectTimeout=600"_s, u"StrictHostKeyChecking=no"_s,
                                u"UserKnownHostsFile=/dev/null"_s, u"LogLevel=ERROR"_s};

        // The crashed run: "remote" ran on that host (its job recorded, never closed), "local" here.
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString db = dir.filePath(u"switchboard.db"_s);
        const QString started = dir.filePath(u"local-started"_s);
        const QString script = test::writeScript(
            dir.path(), u"local.sh"_s,
            u"#!/bin/sh\nread -r goal\necho \"$SWITCHBOARD_ATTEMPT\" >> '%1'\necho '{\"type\":\"result\",\"summary\":\"done\"}'\n"_s
                .arg(started));
        AgentProfile remoteProfile = test::processProfile(u"remote"_s, script);
        remoteProfile.executor = ssh;
        const QList<AgentProfile> profiles{remoteProfile, test::processProfile(u"local"_s, script)};
        {
            Store store;
            QString error;
            QVERIFY2(store.open(db, &error), qPrintable(error));
            QList<StoreWrite> writes{StoreWrite::runStarted(u"r-1"_s, u"crashed"_s, {}, 2, test::fixedTime(0))};
            for (const QString &goal : {u"remote"_s, u"local"_s}) {
                const QString agent = u"a-"_s + goal;
                Goal g = test::GoalBuilder(goal);
                g.profile = goal;
                writes << StoreWrite::goalAdded(u"r-1"_s, g, agent, goal, goal, test::fixedTime(1));
                AgentStatus running;
                running.agentId = agent;
                running.goalId = goal;
                running.name = goal;
                running.profile = goal;
                running.attempt = 1;
                running.state = AgentState::Running;
                writes << StoreWrite::transition(running, test::fixedTime(2));
            }
            QVERIFY(test::submitAndFlush(store, std::move(writes)));
            ExecutorRecord job;
            job.agentId = u"a-remote"_s;
            job.attempt = 1;
            job.spec = ssh;
            job.jobName = u"sb-r-1-remote-1"_s;
            QVERIFY(store.recordExecutor(job, true));
        }

        Store store;
        QString error;
        QVERIFY2(store.open(db, &error), qPrintable(error));
        Orchestrator o;
        Config config = ConfigLoader::defaults();
        config.profiles = profiles;
        o.setProfiles(config.profiles);
        StartupRestorer restorer(&o, &store);
        restorer.setEndLeftoverJobs(true);
        QSignalSpy leftovers(&restorer, &StartupRestorer::leftoverJobsChanged);
        // Whatever fails below, the check must end before the restorer waits for it in its destructor.
        const auto hangUp = qScopeGuard([&host, &connections] {
            host.close();
            qDeleteAll(connections);
        });
        QVERIFY(restorer.start(0, true));
        MainWindow window(&o, config);
        restorer.attach(&window);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));

        // The check runs on the worker: the ssh reaches the host while this thread goes on handling events, and the
        // board says what it waits for.
        QTRY_VERIFY_WITH_TIMEOUT(!connections.isEmpty(), 60000);
        // Nothing of the run is back, let alone started, while its leftovers may still run.
        QVERIFY(restorer.isRestoring());
        QVERIFY(o.agentIds().isEmpty());
        QVERIFY(!QFile::exists(started));
        QTRY_COMPARE(leftovers.count(), 1);
        QCOMPARE(leftovers.first().first().toInt(), 1);
        auto *title = window.boardView()->findChild<QLabel *>(u"restoringTitle"_s);
        QVERIFY(title);
        QTRY_VERIFY2(title->text().contains(u"Ending leftover jobs"_s), qPrintable(title->text()));
        QVERIFY2(restoringHint(window)->text().contains(u"crashed"_s), qPrintable(restoringHint(window)->text()));
        QVERIFY(window.isRestoring());
        QVERIFY(!window.findChild<QAction *>(u"actionNewGoal"_s)->isEnabled());
        window.proxyModel()->setSearchText(u"remote"_s); // the window works meanwhile
        QVERIFY(restorer.isRestoring());
        QVERIFY(o.agentIds().isEmpty());

        // The host hangs up: nobody can say whether the remote job still runs, so its goal is failed instead of
        // started again; the local one comes back and runs.
        qDeleteAll(std::exchange(connections, {}));
        QTRY_COMPARE_WITH_TIMEOUT(restorer.state(), StartupRestorer::State::Restored, 60000);
        QCOMPARE(leftovers.count(), 2);
        QCOMPARE(leftovers.last().first().toInt(), 0);
        const QString notes = restorer.leftoverNotes().join(u'\n');
        QVERIFY2(notes.contains(
                     u"a-remote: not started again: the ssh 127.0.0.1:%1 job sb-r-1-remote-1"_s.arg(host.serverPort())),
                 qPrintable(notes));
        const std::optional<AgentStatus> remote = o.status(o.agentForGoal(u"remote"_s));
        QVERIFY(remote);
        QCOMPARE(remote->state, AgentState::Failed);
        QVERIFY2(remote->error.contains(u"end it by hand (the processes on 127.0.0.1 whose environment has "
                                        u"SWITCHBOARD_SSH_JOB=sb-r-1-remote-1)"_s),
                 qPrintable(remote->error));
        QVERIFY2(remote->error.startsWith(u"not started again"_s), qPrintable(remote->error));
        const QString local = o.agentForGoal(u"local"_s);
        QTRY_COMPARE_WITH_TIMEOUT(o.status(local)->state, AgentState::Completed, 30000);
        QFile ran(started);
        QVERIFY(ran.open(QIODevice::ReadOnly));
        QCOMPARE(ran.readAll(), QByteArray("2\n")); // once, as the second attempt
        QTRY_VERIFY(!window.boardView()->isShowingRestoring());
    }

    void windowComesUpWhileTheDatabaseIsChecked()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString db = dir.filePath(u"switchboard.db"_s);
        writeUnfinishedRun(db);
        if (QTest::currentTestFailed())
            return;

        RunSession session;
        // The check is over on the writer thread whenever it likes; the store takes it up only when the test says.
        session.store().setOpenHeldForTesting(true);
        QCOMPARE(session.openStoreInBackground(db), RunSession::StoreOutcome::Opening);
        QCOMPARE(session.recordingStore(), &session.store());
        Orchestrator o;
        const Config config = workerConfig(o);
        StartupRestorer restorer(&o, session.recordingStore());
        QSignalSpy finished(&restorer, &StartupRestorer::finished);
        QVERIFY(restorer.start(0, false));
        QVERIFY(restorer.isChecking());
        MainWindow window(&o, config);
        restorer.attach(&window);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QApplication::setActiveWindow(&window);

        // Up before the check has passed: the board says what it waits for, naming the file.
        QVERIFY(window.isCheckingDatabase());
        QVERIFY(!window.isRestoring());
        AgentBoardView *view = window.boardView();
        QVERIFY(view->isShowingRestoring());
        QVERIFY(view->restoringPlaceholder()->isVisible());
        QVERIFY(!view->emptyOverlay()->isVisible());
        auto *title = view->findChild<QLabel *>(u"restoringTitle"_s);
        QVERIFY2(title->text().contains(u"Checking the database"_s), qPrintable(title->text()));
        QVERIFY2(restoringHint(window)->text().contains(u"switchboard.db"_s),
                 qPrintable(restoringHint(window)->text()));
        // Nothing that writes is offered, and the slots and shortcuts do nothing.
        for (const QString &name : kSpawningActions) {
            auto *action = window.findChild<QAction *>(name);
            QVERIFY2(!action->isEnabled(), qPrintable(name));
            QVERIFY2(action->toolTip().contains(u"database has been checked"_s), qPrintable(action->toolTip()));
        }
        QTest::keyClick(&window, Qt::Key_N, Qt::ControlModifier);
        window.showNewGoalDialog();
        window.showSpawnParallelDialog();
        window.showRunPlanDialog();
        window.showAiPlanDialog();
        window.showHistory();
        QApplication::processEvents();
        QVERIFY(window.findChildren<QDialog *>().isEmpty());
        // The store takes no write and the orchestrator records into nothing yet; the run is not read.
        QVERIFY(session.store().isOpening());
        QVERIFY(!session.store().submit(StoreWrite::note(u"r-1"_s, u"early"_s, u"too early"_s, {})));
        QCOMPARE(o.store(), nullptr);
        QVERIFY(o.agentIds().isEmpty());
        QCOMPARE(restorer.goalCount(), -1);
        QCOMPARE(finished.size(), 0);
        // The window works meanwhile.
        window.proxyModel()->setSearchText(u"refactor"_s);

        session.store().setOpenHeldForTesting(false);
        QTRY_VERIFY(!window.isCheckingDatabase());
        QCOMPARE(session.storeOutcome(), RunSession::StoreOutcome::ReadWrite);
        QTRY_COMPARE(o.store(), &session.store()); // with its counters, read on the worker
        // Then the run comes back as without a check, and the filter typed meanwhile applies to it.
        QTRY_COMPARE_WITH_TIMEOUT(restorer.state(), StartupRestorer::State::Restored, 30000);
        QCOMPARE(finished.size(), 1);
        QCOMPARE(finished.constFirst().constFirst().toBool(), true);
        QTRY_COMPARE(window.boardModel()->rowCount(), kFinishedGoals + 2);
        QTRY_VERIFY(!view->isShowingRestoring());
        QTRY_COMPARE(window.proxyModel()->rowCount(), kFinishedGoals / 10);
        for (const QString &name : kSpawningActions)
            QVERIFY2(window.findChild<QAction *>(name)->isEnabled(), qPrintable(name));
        spawnJoinsTheRestoredRun(o, restorer.run().id);
    }

    void databaseThatFailsItsCheckIsNotUsed()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString db = dir.filePath(u"switchboard.db"_s);
        writeUnfinishedRun(db);
        if (QTest::currentTestFailed())
            return;
        QFile file(db);
        QVERIFY(file.open(QIODevice::ReadWrite));
        QVERIFY(file.seek(4096)); // pages 2 to 5: the pointer map and pages of the tables
        QCOMPARE(file.write(QByteArray(4 * 4096, 'Z')), qint64(4 * 4096));
        file.close();
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray damaged = file.readAll();
        file.close();

        RunSession session;
        session.store().setOpenHeldForTesting(true);
        QCOMPARE(session.openStoreInBackground(db), RunSession::StoreOutcome::Opening);
        Orchestrator o;
        const Config config = workerConfig(o);
        StartupRestorer restorer(&o, session.recordingStore());
        QSignalSpy finished(&restorer, &StartupRestorer::finished);
        QVERIFY(restorer.start(0, true));
        MainWindow window(&o, config);
        restorer.attach(&window);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QVERIFY(window.isCheckingDatabase());
        QVERIFY(!window.storageBanner()->isVisible());
        QVERIFY(!window.findChild<QAction *>(u"actionNewGoal"_s)->isEnabled());

        session.store().setOpenHeldForTesting(false);
        QTRY_COMPARE_WITH_TIMEOUT(restorer.state(), StartupRestorer::State::DatabaseFailed, 30000);
        QCOMPARE(finished.size(), 1);
        QCOMPARE(finished.constFirst().constFirst().toBool(), false);
        // Said as when the check fails before the window: the banner names the file and the way to recover it.
        QVERIFY(window.storageBanner()->isVisible());
        QVERIFY(window.storageBanner()->isDamaged());
        const QString text = window.storageBanner()->text();
        QVERIFY2(text.contains(u"damaged"_s) && text.contains(u"switchboard recover"_s) && text.contains(db),
                 qPrintable(text));
        QCOMPARE(session.storeOutcome(), RunSession::StoreOutcome::Damaged);
        QCOMPARE(session.recordingStore(), nullptr);
        QVERIFY(!session.store().isOpen());
        // The session goes on without recording: an empty board that works, nothing of the run on it.
        QVERIFY(!window.isCheckingDatabase());
        QTRY_VERIFY(!window.boardView()->isShowingRestoring());
        QTRY_VERIFY(window.boardView()->emptyOverlay()->isVisible());
        QCOMPARE(o.store(), nullptr);
        QVERIFY(window.findChild<QAction *>(u"actionNewGoal"_s)->isEnabled());
        QVERIFY(!window.findChild<QAction *>(u"actionShowHistory"_s)->isEnabled());
        QString error;
        Goal next;
        next.title = u"Unrecorded"_s;
        next.profile = u"worker"_s;
        const QString added = o.spawn(next, &error);
        QVERIFY2(!added.isEmpty(), qPrintable(error));
        QTRY_COMPARE_WITH_TIMEOUT(o.status(added)->state, AgentState::Completed, 10000);
        // Nothing was written into the file.
        QVERIFY(file.open(QIODevice::ReadOnly));
        QCOMPARE(file.readAll(), damaged);
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
