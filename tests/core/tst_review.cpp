// The durable side of worktree review: a goal in Review survives a crash (reopened store) and can be merged after
// the restore, the schema 5 -> 6 migration, the plan keys (isolation, repo, base_branch, setup, follow_up_of), and
// the CLI: run a plan into Review, then review, diff, merge and discard through the built binary.

#include "config/Config.h"
#include "config/PlanLoader.h"
#include "config/PlanWriter.h"
#include "orchestration/Orchestrator.h"
#include "persistence/Store.h"
#include "persistence/StoreSchema.h"
#include "review/GitCommand.h"
#include "review/ReviewController.h"
#include "support/GitRepository.h"
#include "support/GoalBuilder.h"
#include "support/ProfileBuilder.h"
#include "support/TemporaryStore.h"
#include "support/TestSupport.h"
#include "support/WorkspaceBackend.h"

#include <QDir>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace switchboard;
using namespace switchboard::test;

namespace {
constexpr int kWaitMs = 20000;

struct CliRun
{
    int exitCode = -1;
    QString out;
    QString err;
};

void setUp(Orchestrator &o, const GitRepository &repo, const QString &dataDir)
{
    o.setBackends(WorkspaceBackend::registry());
    AgentProfile worktree = WorkspaceBackend::profile(u"w"_s);
    worktree.isolation.mode = IsolationMode::Worktree;
    worktree.isolation.repo = repo.path();
    o.setProfiles({worktree});
    o.setDataDirectory(dataDir);
    o.setWorkspace(repo.path());
    o.setEscalateExhaustedRetries(false);
}

AgentState stateOf(const Orchestrator &o, const QString &goalId)
{
    return o.status(o.agentForGoal(goalId))->state;
}

const AgentStatus *storedAgent(const StoreSnapshot &snapshot, const QString &goalId)
{
    for (const AgentStatus &a : snapshot.agents) {
        if (a.goalId == goalId)
            return &a;
    }
    return nullptr;
}
} // namespace

class TestReview final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void reviewSurvivesACrash();
    void interruptedAttemptGoesOnInItsWorktree();
    void migratesAVersion5Database();
    void planKeys();
    void planKeyErrors_data();
    void planKeyErrors();
    void cliReviewDiffMergeDiscard();

private:
    CliRun cli(const QStringList &args);
    QTemporaryDir m_home;
    int m_processes = 0;
};

void TestReview::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QVERIFY(m_home.isValid());
}

void TestReview::reviewSurvivesACrash()
{
    GitRepository repo;
    QVERIFY(repo.isValid());
    QTemporaryDir data;
    TemporaryStore db;
    QVERIFY2(db.isOpen(), qPrintable(db.error()));
    WorktreeRecord before;
    {
        Orchestrator o;
        setUp(o, repo, data.path());
        o.setStore(&db.store());
        o.spawnParallel({GoalBuilder(u"api"_s).profile(u"w"_s).description(u"session S-9\nwrite api.txt v1"_s),
                         GoalBuilder(u"client"_s)
                             .profile(u"w"_s)
                             .dependsOn({u"api"_s})
                             .description(u"read api.txt\nwrite client.txt c"_s)});
        QTRY_COMPARE_WITH_TIMEOUT(stateOf(o, u"api"_s), AgentState::Review, kWaitMs);
        QVERIFY(o.waitAll(kWaitMs));
        QVERIFY(db.store().flush());
        before = *o.worktree(u"api"_s);
        // The run waits for a human: it is not recorded as finished.
        QVERIFY(!db.store().runs().constLast().finishedAt.isValid());
        // What a crash leaves on disk: the database as it is now (the orchestrator never shuts down cleanly).
        QVERIFY(copyDatabaseImage(db.path(), db.filePath(u"crashed.db"_s)));
    }

    Store reopened;
    QString error;
    QVERIFY2(reopened.open(db.filePath(u"crashed.db"_s), &error), qPrintable(error));
    const StoreSnapshot snapshot = reopened.load({}, &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QCOMPARE(snapshot.worktrees.size(), 1);
    QCOMPARE(snapshot.worktrees.first().path, before.path);
    QCOMPARE(snapshot.worktrees.first().branch, u"switchboard/api"_s);
    QCOMPARE(snapshot.worktrees.first().baseCommit, before.baseCommit);
    QCOMPARE(storedAgent(snapshot, u"api"_s)->state, AgentState::Review);
    QCOMPARE(storedAgent(snapshot, u"api"_s)->agentSession, u"S-9"_s);
    QCOMPARE(snapshot.goals.first().goal.isolation, IsolationSettings{});
    QVERIFY(snapshot.activeAgents.isEmpty()); // Review is not an interrupted attempt

    Orchestrator o;
    setUp(o, repo, data.path());
    o.setStore(&reopened);
    QVERIFY2(o.restore(snapshot, true, &error), qPrintable(error));
    QCOMPARE(stateOf(o, u"api"_s), AgentState::Review);
    QCOMPARE(o.status(o.agentForGoal(u"api"_s))->repository, QFileInfo(repo.path()).fileName());
    QCOMPARE(o.status(o.agentForGoal(u"api"_s))->agentSession, u"S-9"_s);
    QCOMPARE(stateOf(o, u"client"_s), AgentState::Queued);
    QVERIFY(o.isIdle()); // the client waits for the merge, nothing runs
    QCOMPARE(o.progress().inProgress, 0);
    QCOMPARE(o.review()->goalsInReview(), QList<QString>{u"api"_s});
    QVERIFY(QFileInfo::exists(QDir(before.path).filePath(u"api.txt"_s)));

    const ReviewOutcome merged = o.review()->merge(u"api"_s);
    QVERIFY2(merged.ok, qPrintable(merged.message));
    QTRY_COMPARE_WITH_TIMEOUT(stateOf(o, u"client"_s), AgentState::Review, kWaitMs);
    QVERIFY2(o.status(o.agentForGoal(u"client"_s))->summary.contains(u"api.txt=v1"_s),
             qPrintable(o.status(o.agentForGoal(u"client"_s))->summary));
    QVERIFY(reopened.flush());
    const QList<WorktreeRecord> stored = reopened.worktrees();
    QCOMPARE(stored.size(), 2);
    QCOMPARE(stored.at(0).state, WorktreeRecord::State::Merged);
    QCOMPARE(stored.at(1).goalId, u"client"_s);
    QCOMPARE(storedAgent(reopened.load(), u"api"_s)->state, AgentState::Completed);
}

void TestReview::interruptedAttemptGoesOnInItsWorktree()
{
    GitRepository repo;
    QVERIFY(repo.isValid());
    QTemporaryDir data;
    QTemporaryDir signals_;
    const QString started = signals_.filePath(u"started"_s);
    const QString go = signals_.filePath(u"go"_s);
    TemporaryStore db;
    QVERIFY2(db.isOpen(), qPrintable(db.error()));
    const QString script = u"read partial.txt\nwrite partial.txt x\ntouch "_s + started + u"\nwait-file "_s + go;
    WorktreeRecord made;
    {
        Orchestrator o;
        setUp(o, repo, data.path());
        o.setStore(&db.store());
        o.spawn(GoalBuilder(u"g"_s).profile(u"w"_s).description(script));
        QTRY_VERIFY_WITH_TIMEOUT(QFileInfo::exists(started), kWaitMs);
        // The worktree is in the store while the attempt still runs: a crash now does not lose it.
        QTRY_VERIFY_WITH_TIMEOUT(db.store().flush() && db.store().worktrees().size() == 1, kWaitMs);
        made = db.store().worktrees().first();
        QVERIFY(copyDatabaseImage(db.path(), db.filePath(u"crashed.db"_s)));
    }
    QVERIFY(writeFile(signals_.path(), u"go"_s, "").size() > 0);

    Store reopened;
    QString error;
    QVERIFY2(reopened.open(db.filePath(u"crashed.db"_s), &error), qPrintable(error));
    Orchestrator o;
    setUp(o, repo, data.path());
    o.setStore(&reopened);
    QVERIFY2(o.restore(reopened.load(), true, &error), qPrintable(error));
    QTRY_COMPARE_WITH_TIMEOUT(stateOf(o, u"g"_s), AgentState::Review, kWaitMs);
    const AgentStatus s = *o.status(o.agentForGoal(u"g"_s));
    QCOMPARE(s.attempt, 2);
    // Attempt 2 found what attempt 1 wrote: the same worktree, not a new one.
    QVERIFY2(s.summary.contains(u"partial.txt=x"_s), qPrintable(s.summary));
    QCOMPARE(o.worktree(u"g"_s)->path, made.path);
}

void TestReview::migratesAVersion5Database()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(u"v5.db"_s);
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, u"v5"_s);
        db.setDatabaseName(path);
        QVERIFY(db.open());
        QString error;
        QVERIFY2(StoreSchema::migrate(db, 5, &error), qPrintable(error));
        QCOMPARE(StoreSchema::version(db), 5);
        QSqlQuery q(db);
        QVERIFY(q.exec(u"INSERT INTO runs (id, name, started_at) VALUES ('r-1', 'old', 1000)"_s));
        QVERIFY(q.exec(u"INSERT INTO goals (run_id, id, title, created_at) VALUES ('r-1', 'g', 'Old goal', 1000)"_s));
        QVERIFY(q.exec(u"INSERT INTO agents (id, run_id, goal_id, state, attempt, created_at, summary) "
                       "VALUES ('a-1', 'r-1', 'g', 'Completed', 1, 1000, 'did it')"_s));
        QVERIFY(q.exec(u"INSERT INTO attempts (agent_id, attempt, outcome) VALUES ('a-1', 1, 'Completed')"_s));
        q.finish();
        db.close();
    }
    QSqlDatabase::removeDatabase(u"v5"_s);

    Store store;
    QString error;
    QVERIFY2(store.open(path, &error), qPrintable(error));
    QCOMPARE(StoreSchema::version(store.readConnection()), StoreSchema::kLatestVersion); // migrated all the way
    const StoreSnapshot snapshot = store.load({}, &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QCOMPARE(snapshot.goals.size(), 1);
    QCOMPARE(snapshot.goals.first().goal.title, u"Old goal"_s);
    QVERIFY(snapshot.goals.first().goal.isolation.isEmpty());
    QVERIFY(snapshot.goals.first().goal.followUpOf.isEmpty());
    QCOMPARE(snapshot.agents.first().summary, u"did it"_s);
    QVERIFY(snapshot.agents.first().agentSession.isEmpty());
    QVERIFY(snapshot.worktrees.isEmpty());

    // The new tables and columns take writes.
    WorktreeRecord wt;
    wt.runId = u"r-1"_s;
    wt.goalId = u"g"_s;
    wt.repo = u"/src/app"_s;
    wt.path = u"/data/worktrees/app-1/g"_s;
    wt.branch = u"switchboard/g"_s;
    wt.baseBranch = u"main"_s;
    wt.state = WorktreeRecord::State::Merged;
    QVERIFY(submitAndFlush(store, {StoreWrite::worktree(wt), StoreWrite::agentSession(u"a-1"_s, 1, u"sess"_s)}));
    QCOMPARE(store.worktrees(u"r-1"_s).size(), 1);
    QCOMPARE(store.worktrees(u"r-1"_s).first().state, WorktreeRecord::State::Merged);
    QCOMPARE(store.load().agents.first().agentSession, u"sess"_s);
}

void TestReview::planKeys()
{
    GitRepository repo;
    QVERIFY(repo.isValid());
    Config base;
    base.profiles << ProfileBuilder::demo(u"coder"_s, 10).profile();
    const QString planFile = QDir(repo.path()).filePath(u"plans/p.yaml"_s);
    const QByteArray yaml = "name: keys\n"
                            "goals:\n"
                            "  - id: a\n"
                            "    isolation: worktree\n"
                            "    repo: ..\n"
                            "    base_branch: main\n"
                            "    setup: [cp, ../.env, .env]\n"
                            "  - id: b\n"
                            "    follow_up_of: a\n";
    ConfigError error;
    const std::optional<Plan> plan = PlanLoader::loadString(yaml, planFile, base, &error);
    QVERIFY2(plan, qPrintable(error.toString()));
    const Goal &a = plan->goals.at(0);
    QCOMPARE(a.isolation.mode, std::optional(IsolationMode::Worktree));
    QCOMPARE(a.isolation.repo, QDir::cleanPath(repo.path())); // relative to the plan file's directory
    QCOMPARE(a.isolation.baseBranch, u"main"_s);
    QCOMPARE(a.isolation.setup, (QStringList{u"cp"_s, u"../.env"_s, u".env"_s}));
    QCOMPARE(plan->goals.at(1).followUpOf, u"a"_s);

    // What the plan writer writes loads back the same.
    const QByteArray written = PlanWriter::toYaml(plan->name, QString(), plan->goals);
    const std::optional<Plan> again = PlanLoader::loadString(written, planFile, base, &error);
    QVERIFY2(again, qPrintable(error.toString() + u"\n"_s + QString::fromUtf8(written)));
    QCOMPARE(again->goals.at(0).isolation, a.isolation);
    QCOMPARE(again->goals.at(1).followUpOf, u"a"_s);
}

void TestReview::planKeyErrors_data()
{
    QTest::addColumn<QByteArray>("goal");
    QTest::addColumn<int>("line");
    QTest::addColumn<QString>("message");
    QTest::newRow("not a repository") << QByteArray("    repo: /nonexistent/repo\n") << 4 << u"is not a"_s;
    QTest::newRow("empty setup") << QByteArray("    setup: []\n") << 4 << u"empty command"_s;
    QTest::newRow("bad mode") << QByteArray("    isolation: sandbox\n") << 4 << u"'shared' or 'worktree'"_s;
    QTest::newRow("unknown original") << QByteArray("    follow_up_of: ghost\n") << 4 << u"unknown goal"_s;
}

void TestReview::planKeyErrors()
{
    QFETCH(QByteArray, goal);
    QFETCH(int, line);
    QFETCH(QString, message);
    Config base;
    base.profiles << ProfileBuilder::demo(u"coder"_s, 10).profile();
    ConfigError error;
    const QByteArray yaml = "name: bad\ngoals:\n  - id: a\n" + goal;
    QVERIFY(!PlanLoader::loadString(yaml, u"/tmp/bad.yaml"_s, base, &error));
    QVERIFY2(error.toString().contains(message), qPrintable(error.toString()));
    QCOMPARE(error.line, line);
    QVERIFY(error.column > 0);
}

CliRun TestReview::cli(const QStringList &args)
{
    QProcess process;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(u"XDG_CONFIG_HOME"_s, m_home.filePath(u"config"_s));
    env.insert(u"XDG_DATA_HOME"_s, m_home.filePath(u"data-%1"_s.arg(++m_processes)));
    process.setProcessEnvironment(env);
    process.start(switchboardBinary(), args);
    CliRun result;
    if (!process.waitForFinished(60000)) {
        process.kill();
        process.waitForFinished();
        return result;
    }
    result.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    result.out = QString::fromUtf8(process.readAllStandardOutput());
    result.err = QString::fromUtf8(process.readAllStandardError());
    return result;
}

void TestReview::cliReviewDiffMergeDiscard()
{
    QVERIFY2(QFile::exists(switchboardBinary()), qPrintable(switchboardBinary()));
    GitRepository repo;
    QVERIFY(repo.isValid());
    QTemporaryDir dir;
    const QString db = dir.filePath(u"runs.db"_s);
    // Process agents that write a file named after their goal in their worktree.
    const QString plan = writeFile(
        dir.path(), u"plan.yaml"_s,
        "name: review-cli\n"
        "agents:\n"
        "  definitions:\n"
        "    - name: coder\n"
        "      backend: process\n"
        "      isolation: worktree\n"
        "      repo: " +
            repo.path().toUtf8() +
            "\n"
            "      retry: {max_retries: 0}\n"
            "      command: [sh, -c, 'read -r goal; echo \"by $SWITCHBOARD_GOAL_ID\" > \"$SWITCHBOARD_GOAL_ID.txt\"; "
            "echo {\\\"type\\\":\\\"result\\\",\\\"summary\\\":\\\"wrote\\\"}']\n"
            "goals:\n"
            "  - {id: g, profile: coder}\n"
            "  - {id: h, profile: coder}\n"
            "  - {id: d, profile: coder, depends_on: [g]}\n");

    CliRun r = cli({u"run"_s, plan, u"--db"_s, db});
    QCOMPARE(r.exitCode, 1); // not all completed: two wait in review, one waits for them
    QVERIFY2(r.out.contains(u"In review:            2"_s), qPrintable(r.out + r.err));
    QVERIFY2(r.out.contains(u"Waiting for review: "_s) && r.out.contains(u"switchboard review --db"_s),
             qPrintable(r.out));

    r = cli({u"review"_s, u"--db"_s, db, u"--json"_s});
    QCOMPARE(r.exitCode, 0);
    const QJsonObject listed = QJsonDocument::fromJson(r.out.toUtf8()).object();
    const QJsonArray goals = listed.value(u"goals").toArray();
    QCOMPARE(goals.size(), 2);
    QCOMPARE(goals.at(0).toObject().value(u"id").toString(), u"g"_s);
    const QJsonArray files = goals.at(0).toObject().value(u"files").toArray();
    QCOMPARE(files.size(), 1);
    QCOMPARE(files.at(0).toObject().value(u"path").toString(), u"g.txt"_s);
    QCOMPARE(files.at(0).toObject().value(u"status").toString(), u"?"_s);
    QCOMPARE(goals.at(0).toObject().value(u"branch").toString(), u"switchboard/g"_s);

    QCOMPARE(goals.at(0).toObject().value(u"overlaps").toArray().size(), 0); // g and h touch different files

    r = cli({u"review"_s, u"--db"_s, db});
    QCOMPARE(r.exitCode, 0);
    QVERIFY2(r.out.contains(u"? g.txt (+1 -0)"_s) && r.out.contains(u"? h.txt"_s), qPrintable(r.out));

    r = cli({u"diff"_s, u"g"_s, u"--db"_s, db});
    QCOMPARE(r.exitCode, 0);
    QVERIFY2(r.out.contains(u"+by g"_s) && r.out.contains(u"g.txt"_s), qPrintable(r.out + r.err));
    r = cli({u"diff"_s, u"nope"_s, u"--db"_s, db});
    QCOMPARE(r.exitCode, 2);
    QVERIFY2(r.err.contains(u"no goal 'nope'"_s), qPrintable(r.err));

    r = cli({u"discard"_s, u"h"_s, u"--db"_s, db});
    QCOMPARE(r.exitCode, 1);
    QVERIFY2(r.err.contains(u"goal 'h'"_s) && r.err.contains(u"h.txt"_s) && r.err.contains(u"--force"_s),
             qPrintable(r.err));
    r = cli({u"discard"_s, u"h"_s, u"--force"_s, u"--db"_s, db});
    QVERIFY2(r.exitCode == 0, qPrintable(r.out + r.err));
    QVERIFY(!repo.branches().contains(u"switchboard/h"_s));

    r = cli({u"merge"_s, u"d"_s, u"--db"_s, db});
    QCOMPARE(r.exitCode, 1);
    QVERIFY2(r.err.contains(u"goal 'd'"_s) && r.err.contains(u"no worktree"_s), qPrintable(r.err));
    // --rebase says the rebase first, then the merge.
    r = cli({u"merge"_s, u"g"_s, u"--rebase"_s, u"--db"_s, db});
    QVERIFY2(r.exitCode == 0, qPrintable(r.out + r.err));
    const qsizetype rebasedAt = r.out.indexOf(u"goal 'g': rebased switchboard/g onto "_s);
    QVERIFY2(rebasedAt >= 0, qPrintable(r.out));
    QVERIFY2(r.out.indexOf(u"goal 'g': "_s, rebasedAt + 1) > rebasedAt, qPrintable(r.out));
    QCOMPARE(repo.readFile(u"g.txt"_s), u"by g\n"_s);

    {
        Store store;
        QString error;
        QVERIFY2(store.openReadOnly(db, &error), qPrintable(error));
        const StoreSnapshot snapshot = store.load();
        QCOMPARE(storedAgent(snapshot, u"g"_s)->state, AgentState::Completed);
        QCOMPARE(storedAgent(snapshot, u"h"_s)->state, AgentState::Cancelled);
        QCOMPARE(storedAgent(snapshot, u"d"_s)->state, AgentState::Queued); // nothing ran in the CLI
        QCOMPARE(snapshot.worktrees.size(), 2);
    }

    // The dependent runs on the next resume, in a worktree made from the merged base.
    r = cli({u"resume"_s, u"--db"_s, db});
    QVERIFY2(r.out.contains(u"In review:            1"_s), qPrintable(r.out + r.err));
    r = cli({u"diff"_s, u"d"_s, u"--db"_s, db});
    QVERIFY2(r.out.contains(u"+by d"_s) && !r.out.contains(u"g.txt"_s), qPrintable(r.out + r.err));
}

QTEST_GUILESS_MAIN(TestReview)
#include "tst_review.moc"
