// The History window over a real store: runs newest first, a search that filters runs and goals, a goal's
// attempts, log and answered questions, re-running a goal or a whole run into the current session, exports
// that are exactly ReportWriter's output, and a read-only window on a database another Switchboard owns
// that never writes to it and follows its progress.
#include "MainWindow.h"
#include "agents/AgentContext.h"
#include "agents/BackendRegistry.h"
#include "board/AgentBoardView.h"
#include "config/ConfigLoader.h"
#include "dialogs/RunPlanDialog.h"
#include "history/HistoryFilterProxyModel.h"
#include "history/HistoryGoalModel.h"
#include "history/HistoryGoalPane.h"
#include "history/HistoryLoader.h"
#include "history/HistoryRunModel.h"
#include "history/HistoryWindow.h"
#include "orchestration/Orchestrator.h"
#include "persistence/ReportWriter.h"
#include "persistence/Store.h"
#include "support/GoalBuilder.h"
#include "support/ProfileBuilder.h"
#include "support/ScriptedBackend.h"
#include "support/TestSupport.h"

#include <QAbstractItemModelTester>
#include <QAction>
#include <QApplication>
#include <QCryptographicHash>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonDocument>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QTextBrowser>
#include <QTimer>
#include <QTreeView>
#include <QTreeWidget>

#include <atomic>
#include <memory>

using namespace switchboard;
using namespace Qt::StringLiterals;

namespace {

const auto at = &test::fixedTime;

// A profile of the ScriptedBackend that retries once at once.
AgentProfile scriptedProfile(const QString &name)
{
    return test::ProfileBuilder::scripted(name).capabilities({u"code"_s}).retries(1, {0.0});
}

void setUpOrchestrator(Orchestrator &o)
{
    o.setBackends(test::ScriptedBackend::registry());
    o.setProfiles({scriptedProfile(u"coder"_s), scriptedProfile(u"writer"_s)});
    o.setMaxParallel(4);
    o.setEscalateExhaustedRetries(false);
}

AgentStatus statusOf(const QString &agentId, const QString &goalId, AgentState state, int attempt)
{
    AgentStatus s;
    s.agentId = agentId;
    s.goalId = goalId;
    s.state = state;
    s.attempt = attempt;
    s.profile = u"coder"_s;
    return s;
}

// A finished run with goals in several states, written as the orchestrator would.
QList<StoreWrite> recordedRun(const QString &runId, const QString &name, int startSecond, const QString &agentPrefix,
                              const QString &planFile = {})
{
    QList<StoreWrite> w;
    w << StoreWrite::runStarted(runId, name, planFile, 4, at(startSecond));
    const struct
    {
        QString id;
        QString title;
        QString description;
        AgentState state;
        QString text; // summary or error
    } goals[] = {
        {u"schema"_s, u"Design the database schema"_s, u"Tables for the task boards"_s, AgentState::Completed,
         u"7 tables"_s},
        {u"billing"_s, u"Implement the billing API"_s, u"Stripe webhooks and invoices"_s, AgentState::Failed,
         u"3 tests failed in test_invoices.py"_s},
        {u"docs"_s, u"Write the user guide"_s, u"Getting started and FAQ"_s, AgentState::Completed, u"12 pages"_s},
    };
    int n = 0;
    for (const auto &g : goals) {
        ++n;
        const QString agent = u"%1%2"_s.arg(agentPrefix).arg(n);
        Goal goal = test::GoalBuilder(g.id).title(g.title).description(g.description).profile(u"coder"_s);
        w << StoreWrite::goalAdded(runId, goal, agent, u"coder-%1"_s.arg(n), u"coder"_s, at(startSecond + 1));
        w << StoreWrite::transition(statusOf(agent, g.id, AgentState::Running, 1), at(startSecond + 2));
        w << StoreWrite::usage(agent, 1, 1000 * n, 100 * n, 0.01 * n);
        const AgentResult result =
            g.state == AgentState::Completed ? AgentResult::completed(g.text) : AgentResult::failed(g.text, 1);
        w << StoreWrite::finished(statusOf(agent, g.id, g.state, 1), result, at(startSecond + 10 + n));
    }
    RunSummary summary;
    summary.total = 3;
    summary.completed = 2;
    summary.failed = 1;
    w << StoreWrite::runFinished(runId, summary, at(startSecond + 20));
    return w;
}

QByteArray fileHash(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return QByteArrayLiteral("<missing>");
    return QCryptographicHash::hash(file.readAll(), QCryptographicHash::Sha256);
}

int proxyRowOf(const QAbstractItemModel *proxy, int role, const QString &value)
{
    for (int row = 0; row < proxy->rowCount(); ++row) {
        if (proxy->index(row, 0).data(role).toString() == value)
            return row;
    }
    return -1;
}

QMessageBox *findBox(QWidget *parent, const QString &objectName)
{
    for (QWidget *widget : QApplication::topLevelWidgets()) {
        if (auto *box = qobject_cast<QMessageBox *>(widget); box && box->objectName() == objectName && box->isVisible())
            return box;
    }
    return parent->findChild<QMessageBox *>(objectName);
}

} // namespace

class TestHistoryWindow : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void init()
    {
        QFile::remove(QStandardPaths::writableLocation(QStandardPaths::AppConfigLocation) + u"/ui.ini"_s);
        QVERIFY(m_dir.isValid());
    }

    void emptyDatabaseSaysSo()
    {
        Store store;
        QVERIFY(store.open(m_dir.filePath(u"empty.db"_s)));
        HistoryWindow window(&store, nullptr, ConfigLoader::defaults());
        window.show();
        QTRY_VERIFY(!window.isLoading());
        QCOMPARE(window.runModel()->runCount(), 0);
        QCOMPARE(window.goalModel()->rowCount(), 0);
        // One message for the whole window, not empty tables.
        auto *title = window.findChild<QLabel *>(u"historyEmptyTitle"_s);
        QVERIFY(title->isVisible());
        QCOMPARE(title->text(), u"No runs recorded yet"_s);
        QVERIFY(!window.runsView()->isVisible());
        QVERIFY(!window.findChild<QAction *>(u"actionExportMarkdown"_s)->isEnabled());
        QVERIFY(!window.findChild<QLabel *>(u"readOnlyBanner"_s)->isVisible()); // a writable store

        // The first run shows up on the next refresh.
        QVERIFY(test::submitAndFlush(store, recordedRun(u"r-1"_s, u"First"_s, 0, u"a-1"_s)));
        window.refresh();
        QTRY_VERIFY(window.runsView()->isVisible());
        QTRY_VERIFY(!window.isLoading());
        QCOMPARE(window.currentRunId(), u"r-1"_s);
        QCOMPARE(window.goalModel()->rowCount(), 3);
    }

    void runsNewestFirst()
    {
        Store store;
        QVERIFY(store.open(m_dir.filePath(u"runs.db"_s)));
        QVERIFY(test::submitAndFlush(store, recordedRun(u"r-1"_s, u"Monday"_s, 0, u"a-1"_s)));
        QVERIFY(test::submitAndFlush(store, recordedRun(u"r-2"_s, u"Wednesday"_s, 7200, u"a-2"_s)));
        QVERIFY(test::submitAndFlush(store, recordedRun(u"r-3"_s, u"Tuesday"_s, 3600, u"a-3"_s)));
        // An unfinished run (the app died while it ran).
        QVERIFY(test::submitAndFlush(
            store,
            {StoreWrite::runStarted(u"r-4"_s, u"Thursday"_s, u"/plans/crash.yaml"_s, 2, at(9000)),
             StoreWrite::goalAdded(u"r-4"_s, test::GoalBuilder(u"x"_s).title(u"X"_s), u"a-41"_s, {}, {}, at(9001))}));

        HistoryWindow window(&store, nullptr, ConfigLoader::defaults());
        QAbstractItemModelTester runTester(window.runModel(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        QAbstractItemModelTester goalTester(window.goalModel(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        window.show();
        QTRY_VERIFY(!window.isLoading());

        HistoryRunModel *runs = window.runModel();
        QCOMPARE(runs->runCount(), 4);
        QVERIFY(runs->index(0, 0).data(HistoryRunModel::AllRunsRole).toBool());
        QStringList order;
        for (int row = 1; row < runs->rowCount(); ++row)
            order << runs->index(row, 0).data(HistoryRunModel::RunIdRole).toString();
        QCOMPARE(order, (QStringList{u"r-4"_s, u"r-2"_s, u"r-3"_s, u"r-1"_s}));
        QCOMPARE(runs->index(1, HistoryRunModel::FinishedColumn).data().toString(), u"Unfinished"_s);
        QCOMPARE(runs->index(1, HistoryRunModel::PlanColumn).data().toString(), u"crash.yaml"_s);
        QCOMPARE(runs->index(2, HistoryRunModel::NameColumn).data().toString(), u"Wednesday"_s);
        QCOMPARE(runs->index(2, HistoryRunModel::GoalsColumn).data().toString(), u"3"_s);
        QCOMPARE(runs->index(2, HistoryRunModel::OutcomeColumn).data().toString(), u"2 completed · 1 failed"_s);
        QCOMPARE(runs->index(2, HistoryRunModel::CostColumn).data().toString(), u"$0.06"_s);
        QCOMPARE(runs->index(0, HistoryRunModel::GoalsColumn).data().toString(), u"10"_s);

        // The newest run is shown first; another run's goals come when it is selected.
        QCOMPARE(window.currentRunId(), u"r-4"_s);
        QCOMPARE(window.goalModel()->rowCount(), 1);
        QTest::mouseClick(window.runsView()->viewport(), Qt::LeftButton, {},
                          window.runsView()->visualRect(window.runProxy()->index(2, 0)).center());
        QTRY_COMPARE(window.currentRunId(), u"r-2"_s);
        QTRY_VERIFY(!window.isLoading());
        QCOMPARE(window.goalModel()->rowCount(), 3);
        QCOMPARE(window.goalModel()->index(0, HistoryGoalModel::TitleColumn).data().toString(),
                 u"Design the database schema"_s);
        QCOMPARE(window.goalModel()->index(1, HistoryGoalModel::StateColumn).data().toString(), u"Failed"_s);
        QCOMPARE(window.goalModel()->index(1, HistoryGoalModel::ResultColumn).data().toString(),
                 u"3 tests failed in test_invoices.py"_s);
        QVERIFY(window.goalsView()->isColumnHidden(HistoryGoalModel::RunColumn));

        // All runs: every goal, with the run it belongs to.
        QVERIFY(window.selectRun(QString()));
        QTRY_VERIFY(!window.isLoading());
        QCOMPARE(window.goalModel()->rowCount(), 10);
        QVERIFY(!window.goalsView()->isColumnHidden(HistoryGoalModel::RunColumn));
    }

    void searchFiltersRunsAndGoals()
    {
        Store store;
        QVERIFY(store.open(m_dir.filePath(u"search.db"_s)));
        QVERIFY(test::submitAndFlush(store, recordedRun(u"r-1"_s, u"Nightly build"_s, 0, u"a-1"_s)));
        QVERIFY(test::submitAndFlush(store, recordedRun(u"r-2"_s, u"Release prep"_s, 3600, u"a-2"_s)));
        HistoryWindow window(&store, nullptr, ConfigLoader::defaults());
        window.show();
        QTRY_VERIFY(!window.isLoading());
        QCOMPARE(window.currentRunId(), u"r-2"_s);
        QAbstractItemModel *goals = window.goalProxy();
        QCOMPARE(goals->rowCount(), 3);

        const auto titles = [goals] {
            QStringList list;
            for (int row = 0; row < goals->rowCount(); ++row)
                list << goals->index(row, HistoryGoalModel::TitleColumn).data().toString();
            return list;
        };
        // Title, id, description, error and state, case-insensitively; every word must match.
        window.setSearchText(u"BILLING"_s);
        QCOMPARE(titles(), QStringList{u"Implement the billing API"_s});
        window.setSearchText(u"schema"_s);
        QCOMPARE(titles(), QStringList{u"Design the database schema"_s});
        window.setSearchText(u"faq"_s);
        QCOMPARE(titles(), QStringList{u"Write the user guide"_s});
        window.setSearchText(u"test_invoices"_s);
        QCOMPARE(titles(), QStringList{u"Implement the billing API"_s});
        window.setSearchText(u"completed"_s);
        QCOMPARE(titles(), (QStringList{u"Design the database schema"_s, u"Write the user guide"_s}));
        window.setSearchText(u"write completed"_s);
        QCOMPARE(titles(), QStringList{u"Write the user guide"_s});
        window.setSearchText(u"nothing like this"_s);
        QCOMPARE(goals->rowCount(), 0);
        auto *message = window.findChild<QLabel *>(u"historyGoalsMessage"_s);
        QVERIFY(message->isVisible());
        QVERIFY(message->text().contains(u"nothing like this"_s));
        QTest::mouseClick(window.findChild<QPushButton *>(u"historyClearSearchButton"_s), Qt::LeftButton);
        QCOMPARE(goals->rowCount(), 3);
        QVERIFY(window.goalsView()->isVisible());

        // The runs: by name; "All runs" and the shown run stay whatever is typed.
        QAbstractItemModel *runs = window.runProxy();
        QCOMPARE(runs->rowCount(), 3);
        window.setSearchText(u"nightly"_s);
        QCOMPARE(runs->rowCount(), 3); // r-1 matches; r-2 is the shown run
        window.setSearchText(u"release"_s);
        QCOMPARE(runs->rowCount(), 2);
        QCOMPARE(proxyRowOf(runs, HistoryRunModel::RunIdRole, u"r-1"_s), -1);
        QVERIFY(proxyRowOf(runs, HistoryRunModel::RunIdRole, QString()) >= 0);

        // Typing filters after a short pause, without a store read.
        window.setSearchText(QString());
        auto *field = window.findChild<QLineEdit *>(u"historySearch"_s);
        QTest::keyClicks(field, u"guide"_s);
        QTRY_COMPARE(titles(), QStringList{u"Write the user guide"_s});
    }

    void searchMatchesFoldedTextInAnyScript()
    {
        // The goals' search text is kept in UTF-8 and searched byte-wise: what is found is still what a
        // case-insensitive search of the text finds, in any script, and a word that is only part of a
        // character's bytes finds nothing.
        Store store;
        QVERIFY(store.open(m_dir.filePath(u"search-utf8.db"_s)));
        QList<StoreWrite> w;
        w << StoreWrite::runStarted(u"r-1"_s, u"Scripts"_s, {}, 4, at(0));
        const QStringList titles{u"Übersetzung der Oberfläche"_s, u"Σίσυφος rolls the stone"_s, u"Plain ASCII title"_s,
                                 u"Emoji 🚀 launch"_s};
        for (int i = 0; i < titles.size(); ++i) {
            const QString agent = u"a-%1"_s.arg(i + 1);
            const QString id = u"g%1"_s.arg(i + 1);
            Goal goal = test::GoalBuilder(id).title(titles.at(i)).profile(u"coder"_s);
            w << StoreWrite::goalAdded(u"r-1"_s, goal, agent, u"coder-%1"_s.arg(i + 1), u"coder"_s, at(1));
            w << StoreWrite::transition(statusOf(agent, id, AgentState::Running, 1), at(2));
            w << StoreWrite::finished(statusOf(agent, id, AgentState::Completed, 1), AgentResult::completed(u"ok"_s),
                                      at(3));
        }
        QVERIFY(test::submitAndFlush(store, w));
        HistoryWindow window(&store, nullptr, ConfigLoader::defaults());
        window.show();
        QTRY_VERIFY(!window.isLoading());
        QAbstractItemModel *goals = window.goalProxy();
        QTRY_COMPARE(goals->rowCount(), 4);
        const auto found = [goals] {
            QStringList list;
            for (int row = 0; row < goals->rowCount(); ++row)
                list << goals->index(row, HistoryGoalModel::TitleColumn).data().toString();
            list.sort();
            return list;
        };
        window.setSearchText(u"ÜBERSETZUNG"_s);
        QCOMPARE(found(), QStringList{titles.at(0)});
        window.setSearchText(u"fläche"_s);
        QCOMPARE(found(), QStringList{titles.at(0)});
        window.setSearchText(u"flache"_s);
        QCOMPARE(found(), QStringList());
        window.setSearchText(u"ΣΊΣΥΦΟΣ stone"_s); // final sigma folds like the other
        QCOMPARE(found(), QStringList{titles.at(1)});
        window.setSearchText(u"🚀"_s);
        QCOMPARE(found(), QStringList{titles.at(3)});
        window.setSearchText(u"ü"_s);
        QCOMPARE(found(), QStringList{titles.at(0)});
        window.setSearchText(u"title ascii"_s);
        QCOMPARE(found(), QStringList{titles.at(2)});
        // The role still gives the text for any other filter.
        QVERIFY(goals->index(0, 0).data(HistoryGoalModel::SearchTextRole).toString().contains(u"plain ascii"_s));
        window.setSearchText(QString());
        QCOMPARE(goals->rowCount(), 4);
    }

    void goalShowsAttemptsLogAndAnswers()
    {
        Store store;
        QVERIFY(store.open(m_dir.filePath(u"details.db"_s)));
        QString agentId;
        {
            Orchestrator o;
            setUpOrchestrator(o);
            o.setStore(&store);
            o.setRunName(u"Details run"_s);
            connect(&o.inbox(), &EscalationInbox::escalationRaised, this, [&o](const Escalation &e) {
                QTimer::singleShot(0, &o, [&o, id = e.id] {
                    QString error;
                    QVERIFY2(o.answer(id, u"pg"_s, u"use version 15"_s, &error), qPrintable(error));
                });
            });
            agentId =
                o.spawn(test::GoalBuilder(u"db"_s)
                            .title(u"Pick the database"_s)
                            .description(
                                u"log reading the brief\nfail-first flaky network on attempt 1\nlog comparing engines\n"
                                "ask architecture Which database should the boards use?\n"
                                "summary done: Pick the database\nusage 1200 300 0.05"_s)
                            .profile(u"coder"_s));
            QVERIFY(!agentId.isEmpty());
            QVERIFY(o.waitAll(15000));
            QCOMPARE(o.status(agentId)->state, AgentState::Completed);
            QVERIFY(store.flush());
        }

        HistoryWindow window(&store, nullptr, ConfigLoader::defaults());
        window.show();
        QTRY_VERIFY(!window.isLoading());
        QVERIFY(window.selectGoal(agentId));
        HistoryGoalPane *pane = window.goalPane();
        QCOMPARE(pane->agentId(), agentId);

        QTreeWidget *attempts = pane->attemptsView();
        QCOMPARE(attempts->topLevelItemCount(), 2);
        QCOMPARE(attempts->topLevelItem(0)->text(0), u"1"_s);
        QCOMPARE(attempts->topLevelItem(0)->text(1), u"Failed"_s);
        QCOMPARE(attempts->topLevelItem(0)->text(2), u"coder"_s);
        // The error on its own line under the attempt.
        QCOMPARE(attempts->topLevelItem(0)->childCount(), 1);
        QVERIFY(attempts->topLevelItem(0)->child(0)->text(0).contains(u"flaky network on attempt 1"_s));
        QCOMPARE(attempts->topLevelItem(1)->text(0), u"2"_s);
        QCOMPARE(attempts->topLevelItem(1)->text(1), u"Completed"_s);
        QCOMPARE(attempts->topLevelItem(1)->text(6), u"$0.05"_s);
        QCOMPARE(attempts->topLevelItem(1)->child(0)->text(0), u"done: Pick the database"_s);

        QTRY_VERIFY(pane->logView()->toPlainText().contains(u"comparing engines"_s));
        QVERIFY(pane->logView()->toPlainText().contains(u"reading the brief"_s));

        const QString questions = pane->questionsView()->toPlainText();
        QVERIFY2(questions.contains(u"Which database should the boards use?"_s), qPrintable(questions));
        QVERIFY2(questions.contains(u"PostgreSQL — use version 15"_s), qPrintable(questions));
        QVERIFY(pane->resultView()->toPlainText().contains(u"done: Pick the database"_s));
        QVERIFY(pane->timelineView()->topLevelItemCount() >= 5); // queued, running, failed/queued, running, ...

        // Searching keeps the selected goal when it still matches.
        window.setSearchText(u"database"_s);
        QCOMPARE(window.currentAgentId(), agentId);
    }

    void rerunGoalSpawnsAnEqualGoal()
    {
        Store store;
        QVERIFY(store.open(m_dir.filePath(u"rerun.db"_s)));
        Goal past = test::GoalBuilder(u"api"_s)
                        .title(u"Implement the REST endpoints"_s)
                        .description(u"log building\nusage 10 5 0.01"_s)
                        .profile(u"coder"_s);
        past.priority = Priority::High;
        past.successCriteria = {u"tests pass"_s, u"reviewed"_s};
        past.capabilities = {u"code"_s};
        past.resources = {u"src/api"_s};
        QString pastAgent;
        {
            Orchestrator first;
            setUpOrchestrator(first);
            first.setStore(&store);
            first.setRunName(u"Yesterday"_s);
            Goal base = test::GoalBuilder(u"base"_s).title(u"Lay the groundwork"_s).profile(u"coder"_s);
            Goal dependent = past;
            dependent.dependsOn = {u"base"_s};
            const QStringList ids = first.spawnParallel({base, dependent});
            QCOMPARE(ids.size(), 2);
            pastAgent = ids.at(1);
            QVERIFY(first.waitAll(15000));
            QVERIFY(store.flush());
        }

        Orchestrator o;
        setUpOrchestrator(o);
        o.setStore(&store);
        o.pauseDispatch(); // keep the copy on the board as queued
        HistoryWindow window(&store, &o, ConfigLoader::defaults());
        QSignalSpy spawned(&window, &HistoryWindow::agentsSpawned);
        window.show();
        QTRY_VERIFY(!window.isLoading());
        QVERIFY(!window.isReadOnly());
        QAction *rerun = window.findChild<QAction *>(u"actionRerunGoal"_s);
        QVERIFY(!rerun->isEnabled()); // nothing selected
        QVERIFY(window.selectGoal(pastAgent));
        QVERIFY(rerun->isEnabled());
        rerun->trigger();
        QCOMPARE(spawned.size(), 1);
        const QStringList ids = spawned.at(0).at(0).toStringList();
        QCOMPARE(ids.size(), 1);
        const std::optional<AgentStatus> status = o.status(ids.first());
        QVERIFY(status);
        const std::optional<Goal> copy = o.goal(status->goalId);
        QVERIFY(copy);
        QCOMPARE(copy->title, past.title);
        QCOMPARE(copy->description, past.description);
        QCOMPARE(copy->priority, past.priority);
        QCOMPARE(copy->successCriteria, past.successCriteria);
        QCOMPARE(copy->capabilities, past.capabilities);
        QCOMPARE(copy->resources, past.resources);
        QCOMPARE(copy->profile, past.profile);
        QVERIFY(copy->dependsOn.isEmpty());
        QVERIFY2(copy->id.startsWith(u"g-"_s), qPrintable(copy->id)); // a fresh id
        QVERIFY(!o.runId().isEmpty());
        QVERIFY(o.runId() != window.currentRunId());

        // A goal whose profile is gone says why it cannot run, in a message box.
        o.setProfiles({scriptedProfile(u"writer"_s)});
        rerun->trigger();
        QCOMPARE(spawned.size(), 1);
        QMessageBox *box = nullptr;
        QTRY_VERIFY((box = findBox(&window, u"historyErrorBox"_s)) != nullptr);
        QVERIFY2(box->informativeText().contains(u"unknown profile 'coder'"_s), qPrintable(box->informativeText()));
        box->close();
        o.cancelAll();
    }

    void rerunPlanWithoutFileKeepsDependencies()
    {
        Store store;
        QVERIFY(store.open(m_dir.filePath(u"rerunplan.db"_s)));
        {
            Orchestrator first;
            setUpOrchestrator(first);
            first.setStore(&store);
            first.setRunName(u"Three steps"_s);
            Goal a = test::GoalBuilder(u"a"_s).title(u"Step A"_s).profile(u"coder"_s);
            Goal b = test::GoalBuilder(u"b"_s).title(u"Step B"_s).profile(u"coder"_s);
            b.dependsOn = {u"a"_s};
            Goal c = test::GoalBuilder(u"c"_s).title(u"Step C"_s).profile(u"writer"_s);
            c.dependsOn = {u"a"_s, u"b"_s};
            QCOMPARE(first.spawnParallel({a, b, c}).size(), 3);
            QVERIFY(first.waitAll(15000));
            QVERIFY(store.flush());
        }
        Orchestrator o;
        setUpOrchestrator(o);
        o.setStore(&store);
        o.pauseDispatch();
        // The board already has a goal "a": the copies get fresh ids.
        QVERIFY(!o.spawn(test::GoalBuilder(u"a"_s).title(u"Another A"_s).profile(u"coder"_s)).isEmpty());

        HistoryWindow window(&store, &o, ConfigLoader::defaults());
        QSignalSpy spawned(&window, &HistoryWindow::agentsSpawned);
        window.show();
        QTRY_VERIFY(!window.isLoading());
        // The newest run is this session's (one goal): pick the recorded one.
        QVERIFY(window.selectRun(u"r-1"_s));
        QTRY_VERIFY(!window.isLoading());
        QCOMPARE(window.goalModel()->rowCount(), 3);
        QAction *rerunPlan = window.findChild<QAction *>(u"actionRerunPlan"_s);
        QVERIFY(rerunPlan->isEnabled());
        rerunPlan->trigger();
        QMessageBox *box = nullptr;
        QTRY_VERIFY((box = findBox(&window, u"rerunPlanConfirmation"_s)) != nullptr);
        QTest::mouseClick(box->findChild<QPushButton *>(u"confirmRerunPlanButton"_s), Qt::LeftButton);
        QTRY_COMPARE(spawned.size(), 1);
        const QStringList ids = spawned.at(0).at(0).toStringList();
        QCOMPARE(ids.size(), 3);
        const Goal a2 = *o.goal(o.status(ids.at(0))->goalId);
        const Goal b2 = *o.goal(o.status(ids.at(1))->goalId);
        const Goal c2 = *o.goal(o.status(ids.at(2))->goalId);
        QCOMPARE(a2.id, u"a-2"_s);
        QCOMPARE(a2.title, u"Step A"_s);
        QCOMPARE(b2.dependsOn, QStringList{u"a-2"_s});
        QCOMPARE(c2.dependsOn, (QStringList{u"a-2"_s, u"b-2"_s}));
        QCOMPARE(c2.profile, u"writer"_s);
        QCOMPARE(o.status(ids.at(1))->state, AgentState::Queued);
        o.cancelAll();
    }

    void rerunPlanWithFileOpensRunPlanDialog()
    {
        const QString planPath = m_dir.filePath(u"two_goals.yaml"_s);
        {
            QFile plan(planPath);
            QVERIFY(plan.open(QIODevice::WriteOnly));
            plan.write("name: Two goals\n"
                       "agents:\n"
                       "  definitions:\n"
                       "    - name: coder\n"
                       "      backend: demo\n"
                       "goals:\n"
                       "  - id: one\n"
                       "    title: First\n"
                       "  - id: two\n"
                       "    title: Second\n"
                       "    depends_on: [one]\n");
        }
        Store store;
        QVERIFY(store.open(m_dir.filePath(u"planfile.db"_s)));
        QVERIFY(test::submitAndFlush(store, recordedRun(u"r-1"_s, u"Two goals"_s, 0, u"a-1"_s, planPath)));
        Orchestrator o;
        setUpOrchestrator(o);
        o.setStore(&store);
        HistoryWindow window(&store, &o, ConfigLoader::defaults());
        window.show();
        QTRY_VERIFY(!window.isLoading());
        window.findChild<QAction *>(u"actionRerunPlan"_s)->trigger();
        RunPlanDialog *dialog = nullptr;
        QTRY_VERIFY((dialog = window.findChild<RunPlanDialog *>()) != nullptr);
        QVERIFY(dialog->isVisible());
        QVERIFY(dialog->plan().has_value());
        QCOMPARE(dialog->plan()->goals.size(), 2);
        QCOMPARE(dialog->planName(), u"Two goals"_s);
        dialog->reject();
    }

    void exportWritesReportWriterOutput_data()
    {
        QTest::addColumn<int>("kind");
        QTest::newRow("markdown") << int(HistoryWindow::ExportKind::Markdown);
        QTest::newRow("json") << int(HistoryWindow::ExportKind::Json);
        QTest::newRow("activity") << int(HistoryWindow::ExportKind::Activity);
        QTest::newRow("state") << int(HistoryWindow::ExportKind::State);
    }

    void exportWritesReportWriterOutput()
    {
        QFETCH(int, kind);
        const auto exportKind = static_cast<HistoryWindow::ExportKind>(kind);
        Store store;
        QVERIFY(store.open(m_dir.filePath(u"export.db"_s)));
        if (store.runs().isEmpty())
            QVERIFY(test::submitAndFlush(store, recordedRun(u"r-1"_s, u"Export me"_s, 0, u"a-1"_s)));
        HistoryWindow window(&store, nullptr, ConfigLoader::defaults());
        window.show();
        QTRY_VERIFY(!window.isLoading());
        QCOMPARE(window.currentRunId(), u"r-1"_s);

        const QString name = window.defaultExportFileName(exportKind);
        const QString expectedName = QStringList{u"report-r-1.md"_s, u"report-r-1.json"_s, u"activity_tracker-r-1.md"_s,
                                                 u"project_state-r-1.yaml"_s}
                                         .at(kind);
        QCOMPARE(name, expectedName);
        const QString path = m_dir.filePath(name);
        QSignalSpy finished(&window, &HistoryWindow::exportFinished);
        QVERIFY(window.exportRun(exportKind, path));
        QTRY_COMPARE(finished.size(), 1);
        QCOMPARE(finished.at(0).at(1).toString(), QString());

        const RunHistory history = store.history(u"r-1"_s);
        QByteArray expected;
        switch (exportKind) {
        case HistoryWindow::ExportKind::Markdown:
            expected = ReportWriter::runReportMarkdown(history).toUtf8();
            break;
        case HistoryWindow::ExportKind::Json:
            expected = QJsonDocument(ReportWriter::runReportJson(history)).toJson(QJsonDocument::Indented);
            break;
        case HistoryWindow::ExportKind::Activity:
            expected = ReportWriter::activityLog(history).toUtf8();
            break;
        case HistoryWindow::ExportKind::State:
            expected = ReportWriter::projectStateYaml(history).toUtf8();
            break;
        }
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray written = file.readAll();
        QVERIFY(!written.isEmpty());
        QCOMPARE(written, expected);
        QVERIFY(written.contains("Implement the billing API"));

        // A path that cannot be written: the error names the file.
        const QString bad = m_dir.filePath(u"no/such/dir/"_s + name);
        QVERIFY(window.exportRun(exportKind, bad));
        QTRY_COMPARE(finished.size(), 2);
        QVERIFY2(finished.at(1).at(1).toString().contains(QDir::toNativeSeparators(bad)),
                 qPrintable(finished.at(1).at(1).toString()));
        QMessageBox *box = nullptr;
        QTRY_VERIFY((box = findBox(&window, u"historyErrorBox"_s)) != nullptr);
        box->close();
    }

    void readOnlyStoreNeverWrites()
    {
        const QString path = m_dir.filePath(u"shared.db"_s);
        Store owner; // the other Switchboard
        QVERIFY(owner.open(path));
        QVERIFY(test::submitAndFlush(owner, recordedRun(u"r-1"_s, u"Owner's run"_s, 0, u"a-1"_s)));
        QVERIFY(test::submitAndFlush(owner, {StoreWrite::log(u"a-11"_s, {u"line one"_s, u"line two"_s}, at(5))}));

        Store second;
        QString error;
        QVERIFY(!second.open(path, &error));
        QVERIFY(second.openFailedInUse());
        QVERIFY2(second.openReadOnly(path, &error), qPrintable(error));
        const QByteArray dbBefore = fileHash(path);
        const QByteArray walBefore = fileHash(path + u"-wal"_s);

        Orchestrator o; // even with an orchestrator at hand, a read-only store means read-only
        setUpOrchestrator(o);
        {
            HistoryWindow window(&second, &o, ConfigLoader::defaults());
            window.setAutoRefreshInterval(0);
            window.show();
            QTRY_VERIFY(!window.isLoading());
            QVERIFY(window.isReadOnly());
            auto *banner = window.findChild<QLabel *>(u"readOnlyBanner"_s);
            QVERIFY(banner->isVisible());
            QVERIFY(banner->text().contains(u"Read-only: the database is in use by another Switchboard"_s));
            QVERIFY(window.windowTitle().contains(u"read-only"_s));

            QVERIFY(window.selectGoal(u"a-11"_s));
            QTRY_VERIFY(window.goalPane()->logView()->toPlainText().contains(u"line two"_s));
            auto *rerunGoal = window.findChild<QAction *>(u"actionRerunGoal"_s);
            auto *rerunPlan = window.findChild<QAction *>(u"actionRerunPlan"_s);
            QVERIFY(!rerunGoal->isEnabled());
            QVERIFY(!rerunPlan->isEnabled());
            rerunGoal->trigger(); // disabled actions do nothing, and the slot refuses too
            window.rerunGoal();
            window.rerunPlan();
            QVERIFY(o.agentIds().isEmpty());
            // Exporting writes a file, not the database.
            QSignalSpy finished(&window, &HistoryWindow::exportFinished);
            QVERIFY(window.exportRun(HistoryWindow::ExportKind::Json, m_dir.filePath(u"ro.json"_s)));
            QTRY_COMPARE(finished.size(), 1);
            window.findChild<QAction *>(u"actionHistoryRefresh"_s)->trigger();
            QTRY_VERIFY(!window.isLoading());
            QCOMPARE(fileHash(path), dbBefore);
            QCOMPARE(fileHash(path + u"-wal"_s), walBefore);

            // It follows the owner's progress on its own.
            window.setAutoRefreshInterval(50);
            QVERIFY(test::submitAndFlush(owner, recordedRun(u"r-2"_s, u"Owner's next run"_s, 3600, u"a-2"_s)));
            QTRY_COMPARE(window.runModel()->runCount(), 2);
            QCOMPARE(window.runModel()->index(1, 0).data(HistoryRunModel::RunIdRole).toString(), u"r-2"_s);
            // The owner's newest unfinished run is the one it is recording into.
            QVERIFY(test::submitAndFlush(owner, {StoreWrite::runStarted(u"r-3"_s, u"Live"_s, {}, 2, at(7200))}));
            QTRY_COMPARE(window.runModel()->runCount(), 3);
            QCOMPARE(window.runModel()->index(1, HistoryRunModel::FinishedColumn).data().toString(), u"In progress"_s);
            // ... and the shown run's goals when they change.
            QVERIFY(test::submitAndFlush(
                owner, {StoreWrite::goalAdded(u"r-1"_s, test::GoalBuilder(u"late"_s).title(u"Late goal"_s), u"a-19"_s,
                                              {}, {}, at(30))}));
            QTRY_COMPARE(window.goalModel()->rowCount(), 4);
            QCOMPARE(window.currentAgentId(), u"a-11"_s); // the selection survives the refreshes
        }
        QVERIFY(second.isReadOnly());
    }

    void mainWindowOpensHistoryAndShowsReruns()
    {
        Store store;
        QVERIFY(store.open(m_dir.filePath(u"main.db"_s)));
        QVERIFY(test::submitAndFlush(store, recordedRun(u"r-1"_s, u"Earlier"_s, 0, u"a-1"_s)));
        Orchestrator o;
        setUpOrchestrator(o);
        o.setStore(&store);
        o.pauseDispatch();
        MainWindow window(&o, ConfigLoader::defaults());
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QAction *action = window.findChild<QAction *>(u"actionShowHistory"_s);
        QVERIFY(action);
        QVERIFY(action->isEnabled());
        QCOMPARE(action->shortcut(), QKeySequence(Qt::CTRL | Qt::Key_H));
        action->trigger();
        HistoryWindow *history = window.findChild<HistoryWindow *>();
        QVERIFY(history);
        QVERIFY(history->isVisible());
        QTRY_VERIFY(!history->isLoading());
        QVERIFY(history->selectGoal(u"a-11"_s));
        history->findChild<QAction *>(u"actionRerunGoal"_s)->trigger();
        QTRY_COMPARE(o.agentIds().size(), 1);
        // Shown and selected on the board.
        QTRY_COMPARE(window.boardView()->currentAgentId(), o.agentIds().first());
        action->trigger(); // the same window again
        QCOMPARE(window.findChildren<HistoryWindow *>().size(), 1);
        o.cancelAll();
    }

    void manyGoalsSearchAndSelect()
    {
        Store store;
        QVERIFY(store.open(m_dir.filePath(u"many.db"_s)));
        constexpr int kGoals = 5000;
        QList<StoreWrite> writes;
        writes << StoreWrite::runStarted(u"r-1"_s, u"Big run"_s, {}, 64, at(0));
        for (int i = 0; i < kGoals; ++i) {
            const QString agent = u"a-%1"_s.arg(i + 1);
            const QString goal = u"g%1"_s.arg(i + 1);
            writes << StoreWrite::goalAdded(u"r-1"_s, test::GoalBuilder(goal).title(u"Task %1"_s.arg(i + 1)), agent, {},
                                            {}, at(1));
            if (i % 10 == 7) {
                writes << StoreWrite::transition(statusOf(agent, goal, AgentState::Running, 1), at(2));
                writes << StoreWrite::finished(statusOf(agent, goal, AgentState::Failed, 1),
                                               AgentResult::failed(u"timeout after 30 s"_s), at(3));
            }
        }
        QVERIFY(test::submitAndFlush(store, writes));
        HistoryWindow window(&store, nullptr, ConfigLoader::defaults());
        window.show();
        QTRY_VERIFY_WITH_TIMEOUT(!window.isLoading(), 30000);
        QCOMPARE(window.goalModel()->rowCount(), kGoals);
        window.setSearchText(u"timeout"_s);
        QCOMPARE(window.goalProxy()->rowCount(), kGoals / 10);
        window.setSearchText(u"task 4999"_s);
        QCOMPARE(window.goalProxy()->rowCount(), 1);
        QVERIFY(window.selectGoal(u"a-4999"_s));
        QCOMPARE(window.goalPane()->agentId(), u"a-4999"_s);
        // Sorting by state puts the failed ones together.
        window.setSearchText(QString());
        window.goalsView()->sortByColumn(HistoryGoalModel::StateColumn, Qt::DescendingOrder);
        QCOMPARE(window.goalProxy()->index(0, HistoryGoalModel::StateColumn).data().toString(), u"Failed"_s);
    }

    // A run of 3,000 goals (SWITCHBOARD_HISTORY_GOALS=100000 for a measurement run): checks the window shows
    // the right rows after the reads, the filter and the sort, and prints how long they took and the longest the
    // event loop went without running. No timing is asserted.
    void largeRunMeasurements()
    {
        const int requested = qEnvironmentVariableIntValue("SWITCHBOARD_HISTORY_GOALS");
        const int goals = requested > 0 ? requested : 3000;
        Store store;
        QVERIFY(store.open(m_dir.filePath(u"large.db"_s)));
        QElapsedTimer timer;
        timer.start();
        QList<StoreWrite> writes;
        writes << StoreWrite::runStarted(u"r-1"_s, u"Large run"_s, {}, 64, at(0));
        for (int i = 0; i < goals; ++i) {
            const QString agent = u"a-%1"_s.arg(i + 1);
            const QString goal = u"g%1"_s.arg(i + 1);
            Goal g = test::GoalBuilder(goal)
                         .title(u"Task %1 of the large run"_s.arg(i + 1))
                         .description(u"Part of the load test: step %1 of the pipeline"_s.arg(i % 17));
            writes << StoreWrite::goalAdded(u"r-1"_s, g, agent, {}, u"coder"_s, at(1));
            writes << StoreWrite::transition(statusOf(agent, goal, AgentState::Running, 1), at(2));
            writes << StoreWrite::usage(agent, 1, 1000, 200, 0.001);
            const bool failed = i % 10 == 7;
            writes << StoreWrite::finished(
                statusOf(agent, goal, failed ? AgentState::Failed : AgentState::Completed, 1),
                failed ? AgentResult::failed(u"timeout after 30 s"_s) : AgentResult::completed(u"ok"_s),
                at(3 + i % 100));
            if (writes.size() >= 20000) {
                QVERIFY(test::submitAndFlush(store, writes));
                writes.clear();
            }
        }
        QVERIFY(test::submitAndFlush(store, writes));
        qInfo("filled %d goals in %lld ms", goals, timer.elapsed());

        timer.restart();
        const QList<HistoryRunEntry> runs = HistoryLoader::runs(store);
        qInfo("run list with totals: %lld ms", timer.elapsed());
        QCOMPARE(runs.first().goals, goals);

        // The longest the GUI thread went without running its event loop.
        qint64 longestGap = 0;
        QElapsedTimer gap;
        gap.start();
        QTimer ticker;
        ticker.setInterval(5);
        connect(&ticker, &QTimer::timeout, this, [&] { longestGap = qMax(longestGap, gap.restart()); });
        const auto resetStall = [&] {
            longestGap = 0;
            gap.restart();
        };
        ticker.start();

        timer.restart();
        HistoryWindow window(&store, nullptr, ConfigLoader::defaults());
        window.setAutoRefreshInterval(0);
        window.resize(1280, 800);
        window.show();
        QTRY_VERIFY_WITH_TIMEOUT(!window.isLoading(), 300000);
        qInfo("window open to %d goals shown: %lld ms (read and build off the GUI thread: %lld ms); longest GUI "
              "stall %lld ms",
              window.goalModel()->rowCount(), timer.elapsed(), window.snapshot()->loadMs, longestGap);
        QCOMPARE(window.goalModel()->rowCount(), goals);

        for (const QString &text : {u"timeout"_s, u"task 9999"_s, u"step 3 failed"_s, QString()}) {
            resetStall();
            timer.restart();
            window.setSearchText(text);
            window.goalsView()->viewport()->repaint(); // the view lays its rows out again before it paints
            qInfo("search \"%s\": %d rows shown in %lld ms", qPrintable(text), window.goalProxy()->rowCount(),
                  timer.elapsed());
        }
        QCOMPARE(window.goalProxy()->rowCount(), goals);
        timer.restart();
        window.goalsView()->sortByColumn(HistoryGoalModel::CostColumn, Qt::DescendingOrder);
        qInfo("sort by cost: %lld ms", timer.elapsed());
        window.goalsView()->sortByColumn(-1, Qt::AscendingOrder);

        resetStall();
        timer.restart();
        window.refresh();
        QTRY_VERIFY_WITH_TIMEOUT(window.isLoading(), 5000);
        QTRY_VERIFY_WITH_TIMEOUT(!window.isLoading(), 300000);
        qInfo("refresh: %lld ms; longest GUI stall %lld ms", timer.elapsed(), longestGap);

        QVERIFY(window.selectGoal(u"a-%1"_s.arg(goals / 2)));
        QSignalSpy finished(&window, &HistoryWindow::exportFinished);
        for (const auto kind : {HistoryWindow::ExportKind::Json, HistoryWindow::ExportKind::State}) {
            resetStall();
            timer.restart();
            QVERIFY(window.exportRun(kind, m_dir.filePath(u"large-export"_s)));
            QTRY_VERIFY_WITH_TIMEOUT(!finished.isEmpty(), 600000);
            qInfo("export %d: %lld ms; longest GUI stall %lld ms", int(kind), timer.elapsed(), longestGap);
            QCOMPARE(finished.takeFirst().at(1).toString(), QString());
        }
    }

private:
    QTemporaryDir m_dir;
};

QTEST_MAIN(TestHistoryWindow)
#include "tst_historywindow.moc"
