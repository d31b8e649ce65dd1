// `when` conditions and the Skipped state (issue 16), through the real Orchestrator with process agents written
// by the test: which goals ran (a journal the script appends to), their final states and reasons, the store, a
// restore, the migration from schema version 6, plan validation and `switchboard run --json`.
#include "config/PlanLoader.h"
#include "config/PlanWriter.h"
#include "model/GoalCondition.h"
#include "orchestration/Orchestrator.h"
#include "persistence/ReportWriter.h"
#include "persistence/Store.h"
#include "persistence/StoreSchema.h"
#include "support/GoalBuilder.h"
#include "support/TemporaryStore.h"
#include "support/TestSupport.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QSignalSpy>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace switchboard;

namespace {
// The agent every goal runs on: it appends its goal id to the journal, then acts on the id's first word.
// (Ordinary literals: moc does not read raw string literals.)
constexpr auto kScript =
    "#!/bin/sh\n"
    "read -r goal\n"
    "echo \"$SWITCHBOARD_GOAL_ID\" >> \"%1\"\n"
    "case \"$SWITCHBOARD_GOAL_ID\" in\n"
    "  approve*) echo '{\"type\":\"result\",\"summary\":\"review: APPROVED\"}' ;;\n"
    "  lower*) echo '{\"type\":\"result\",\"summary\":\"review: approved\"}' ;;\n"
    "  reject*) echo '{\"type\":\"result\",\"summary\":\"review: REJECTED\"}' ;;\n"
    "  fail*) echo 'it broke' >&2; exit 3 ;;\n"
    "  *) echo \"{\\\"type\\\":\\\"result\\\",\\\"summary\\\":\\\"done $SWITCHBOARD_GOAL_ID\\\"}\" ;;\n"
    "esac\n";

GoalCondition contains(const QString &goal, const QString &text)
{
    GoalCondition c;
    c.goal = goal;
    c.test = GoalCondition::Test::ResultContains;
    c.text = text;
    return c;
}

GoalCondition succeeded(const QString &goal, bool value)
{
    GoalCondition c;
    c.goal = goal;
    c.test = GoalCondition::Test::Succeeded;
    c.succeeded = value;
    return c;
}

Goal goal(const QString &id, const QStringList &dependsOn = {}, std::optional<GoalCondition> when = std::nullopt)
{
    Goal g = test::GoalBuilder(id).dependsOn(dependsOn).profile(u"proc"_s);
    g.when = std::move(when);
    return g;
}

struct CliRun
{
    int exitCode = -1;
    QByteArray out;
    QByteArray err;
    QList<QJsonObject> events;
};
} // namespace

class TestConditions final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void resultContains_data();
    void resultContains();
    void succeededTrue();
    void succeededFalseRunsAfterAFailure();
    void succeededFalseSkipsAfterASuccess();
    void otherDependenciesKeepTheirRules();
    void skippedDependentsAddedLater();
    void storedAndRestored();
    void migratesVersion6Database();
    void planValidation_data();
    void planValidation();
    void planWriterRoundTrip();
    void runJsonReportsSkipped();

private:
    AgentProfile profile() const { return test::processProfile(u"proc"_s, m_script); }
    QStringList journal() const;
    // Runs the goals on a fresh orchestrator (recording into store when given) until all are final.
    void runGoals(Orchestrator &o, const QList<Goal> &goals);
    AgentState stateOf(const Orchestrator &o, const QString &goalId) const;
    QString summaryOf(const Orchestrator &o, const QString &goalId) const;
    CliRun runCli(const QStringList &args);

    QTemporaryDir m_dir;
    QString m_script;
    QString m_journal;
    int m_processes = 0;
    int m_runs = 0;
};

void TestConditions::init()
{
    QVERIFY(m_dir.isValid());
    // A journal and script per test function and data row.
    const int n = ++m_runs;
    m_journal = m_dir.filePath(u"journal-%1.txt"_s.arg(n));
    m_script = test::writeScript(m_dir.path(), u"agent-%1.sh"_s.arg(n), QString::fromUtf8(kScript).arg(m_journal));
    QVERIFY(!m_script.isEmpty());
}

QStringList TestConditions::journal() const
{
    QFile file(m_journal);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    QStringList ids = QString::fromUtf8(file.readAll()).split(u'\n', Qt::SkipEmptyParts);
    ids.sort();
    return ids;
}

void TestConditions::runGoals(Orchestrator &o, const QList<Goal> &goals)
{
    o.setProfiles({profile()});
    o.setMaxParallel(2);
    QString error;
    QCOMPARE(o.spawnParallel(goals, &error).size(), goals.size());
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QVERIFY(o.waitAll(30000));
}

AgentState TestConditions::stateOf(const Orchestrator &o, const QString &goalId) const
{
    const std::optional<AgentStatus> s = o.status(o.agentForGoal(goalId));
    return s ? s->state : AgentState::Queued;
}

QString TestConditions::summaryOf(const Orchestrator &o, const QString &goalId) const
{
    const std::optional<AgentStatus> s = o.status(o.agentForGoal(goalId));
    return s ? s->summary : QString();
}

void TestConditions::resultContains_data()
{
    QTest::addColumn<QString>("post");
    QTest::addColumn<bool>("runs");
    QTest::newRow("contains") << u"approve-post"_s << true;
    QTest::newRow("does not contain") << u"reject-post"_s << false;
    QTest::newRow("case-sensitive") << u"lower-post"_s << false;
}

void TestConditions::resultContains()
{
    QFETCH(QString, post);
    QFETCH(bool, runs);
    Orchestrator o;
    QSignalSpy skipped(&o, &Orchestrator::agentSkipped);
    QSignalSpy blocked(&o, &Orchestrator::agentBlocked);
    runGoals(o, {goal(post), goal(u"deploy"_s, {post}, contains(post, u"APPROVED"_s)), goal(u"notify"_s, {u"deploy"_s}),
                 goal(u"announce"_s, {u"notify"_s})});
    QCOMPARE(stateOf(o, post), AgentState::Completed);
    QCOMPARE(blocked.size(), 0);
    const RunSummary summary = o.summary();
    QVERIFY(summary.allCompleted()); // a skipped goal is no failure
    QCOMPARE(summary.failed, 0);
    if (runs) {
        QCOMPARE(journal(), (QStringList{u"announce"_s, post, u"deploy"_s, u"notify"_s}));
        QCOMPARE(stateOf(o, u"deploy"_s), AgentState::Completed);
        QCOMPARE(skipped.size(), 0);
        QCOMPARE(summary.skipped, 0);
        return;
    }
    // Never ran, and neither did what depends on it: skipped (final), not blocked.
    QCOMPARE(journal(), QStringList{post});
    for (const QString &id : {u"deploy"_s, u"notify"_s, u"announce"_s}) {
        QCOMPARE(stateOf(o, id), AgentState::Skipped);
        QVERIFY(isFinalState(stateOf(o, id)));
    }
    QCOMPARE(summaryOf(o, u"deploy"_s),
             u"skipped: condition on '%1' was false (result does not contain 'APPROVED')"_s.arg(post));
    QCOMPARE(summaryOf(o, u"notify"_s), u"skipped: dependency 'deploy' was skipped"_s);
    QCOMPARE(summaryOf(o, u"announce"_s), u"skipped: dependency 'notify' was skipped"_s);
    QCOMPARE(skipped.size(), 3);
    QCOMPARE(skipped.first().at(0).toString(), o.agentForGoal(u"deploy"_s));
    QCOMPARE(skipped.first().at(1).toString(), summaryOf(o, u"deploy"_s));
    QCOMPARE(summary.skipped, 3);
    QCOMPARE(summary.completed, 1);
    QCOMPARE(summary.toJson().value(u"skipped"_s).toInt(), 3);
}

void TestConditions::succeededTrue()
{
    Orchestrator o;
    runGoals(o, {goal(u"build"_s), goal(u"ship"_s, {u"build"_s}, succeeded(u"build"_s, true)), goal(u"fail-build"_s),
                 goal(u"ship2"_s, {u"fail-build"_s}, succeeded(u"fail-build"_s, true))});
    QCOMPARE(stateOf(o, u"ship"_s), AgentState::Completed);
    // succeeded: true on a failed goal: the failure blocks it, as any failed dependency does.
    QCOMPARE(stateOf(o, u"fail-build"_s), AgentState::Failed);
    QCOMPARE(stateOf(o, u"ship2"_s), AgentState::Blocked);
    QCOMPARE(journal(), (QStringList{u"build"_s, u"fail-build"_s, u"ship"_s}));
}

void TestConditions::succeededFalseRunsAfterAFailure()
{
    Orchestrator o;
    QSignalSpy blocked(&o, &Orchestrator::agentBlocked);
    runGoals(o, {goal(u"fail-build"_s), goal(u"rollback"_s, {u"fail-build"_s}, succeeded(u"fail-build"_s, false)),
                 goal(u"report"_s, {u"rollback"_s})});
    QCOMPARE(stateOf(o, u"fail-build"_s), AgentState::Failed);
    QCOMPARE(stateOf(o, u"rollback"_s), AgentState::Completed);
    QCOMPARE(stateOf(o, u"report"_s), AgentState::Completed);
    QCOMPARE(blocked.size(), 0);
    QCOMPARE(journal(), (QStringList{u"fail-build"_s, u"report"_s, u"rollback"_s}));
}

void TestConditions::succeededFalseSkipsAfterASuccess()
{
    Orchestrator o;
    runGoals(o, {goal(u"build"_s), goal(u"rollback"_s, {u"build"_s}, succeeded(u"build"_s, false))});
    QCOMPARE(stateOf(o, u"rollback"_s), AgentState::Skipped);
    QCOMPARE(summaryOf(o, u"rollback"_s), u"skipped: condition on 'build' was false (it succeeded)"_s);
    QCOMPARE(journal(), QStringList{u"build"_s});
}

void TestConditions::otherDependenciesKeepTheirRules()
{
    // Only the dependency the condition names may fail: another failed dependency still blocks the goal.
    Orchestrator o;
    runGoals(o, {goal(u"fail-a"_s), goal(u"fail-b"_s),
                 goal(u"cleanup"_s, {u"fail-a"_s, u"fail-b"_s}, succeeded(u"fail-a"_s, false))});
    QCOMPARE(stateOf(o, u"cleanup"_s), AgentState::Blocked);
    QCOMPARE(journal(), (QStringList{u"fail-a"_s, u"fail-b"_s}));
}

void TestConditions::skippedDependentsAddedLater()
{
    // A goal added after its dependency was skipped is skipped at once.
    Orchestrator o;
    runGoals(o, {goal(u"reject-post"_s), goal(u"deploy"_s, {u"reject-post"_s}, contains(u"reject-post"_s, u"OK"_s))});
    QCOMPARE(stateOf(o, u"deploy"_s), AgentState::Skipped);
    QString error;
    QCOMPARE(o.spawnParallel({goal(u"later"_s, {u"deploy"_s})}, &error).size(), 1);
    QTRY_COMPARE(stateOf(o, u"later"_s), AgentState::Skipped);
    QCOMPARE(summaryOf(o, u"later"_s), u"skipped: dependency 'deploy' was skipped"_s);
    QVERIFY(!journal().contains(u"later"_s));
}

void TestConditions::storedAndRestored()
{
    test::TemporaryStore db;
    QVERIFY2(db.isOpen(), qPrintable(db.error()));
    {
        Orchestrator o;
        o.setStore(&db.store());
        runGoals(o, {goal(u"reject-post"_s), goal(u"deploy"_s, {u"reject-post"_s}, contains(u"reject-post"_s, u"OK"_s)),
                     goal(u"notify"_s, {u"deploy"_s})});
        QVERIFY(db.store().flush());
    }
    const QString runId = db.store().runs().constLast().id;
    const StoreSnapshot snapshot = db.store().load(runId);
    const GoalRecord *deploy = nullptr;
    for (const GoalRecord &g : snapshot.goals) {
        if (g.goal.id == u"deploy")
            deploy = &g;
    }
    QVERIFY(deploy);
    QVERIFY(deploy->goal.when);
    QCOMPARE(*deploy->goal.when, contains(u"reject-post"_s, u"OK"_s));
    int skippedAgents = 0;
    for (const AgentStatus &s : snapshot.agents) {
        if (s.state == AgentState::Skipped) {
            ++skippedAgents;
            QVERIFY2(s.summary.startsWith(u"skipped: "_s), qPrintable(s.summary));
        }
    }
    QCOMPARE(skippedAgents, 2);

    // Reports show them as skipped, with the reason.
    const RunHistory history = db.store().history(runId);
    const QJsonObject report = ReportWriter::runReportJson(history);
    QCOMPARE(report.value(u"totals"_s).toObject().value(u"skipped"_s).toInt(), 2);
    QCOMPARE(report.value(u"totals"_s).toObject().value(u"blocked"_s).toInt(), 0);
    const QString markdown = ReportWriter::runReportMarkdown(history);
    QVERIFY2(markdown.contains(u"| Skipped |"_s), qPrintable(markdown));
    QVERIFY2(markdown.contains(u"- Skipped (condition false): 2"_s), qPrintable(markdown));
    const QString activity = ReportWriter::activityLog(history);
    QVERIFY2(activity.contains(u"skipped: condition on 'reject-post' was false (result does not contain 'OK')"_s),
             qPrintable(activity));

    // A restarted Switchboard gets the run back with Skipped kept: nothing runs again.
    QFile::remove(m_journal);
    Orchestrator restored;
    restored.setStore(&db.store());
    restored.setProfiles({profile()});
    QString error;
    QVERIFY2(restored.restore(snapshot, true, &error), qPrintable(error));
    QVERIFY(restored.waitAll(10000));
    QCOMPARE(stateOf(restored, u"deploy"_s), AgentState::Skipped);
    QCOMPARE(stateOf(restored, u"notify"_s), AgentState::Skipped);
    QCOMPARE(stateOf(restored, u"reject-post"_s), AgentState::Completed);
    QCOMPARE(summaryOf(restored, u"notify"_s), u"skipped: dependency 'deploy' was skipped"_s);
    QCOMPARE(restored.summary().skipped, 2);
    QVERIFY(journal().isEmpty());
}

void TestConditions::migratesVersion6Database()
{
    const QString path = m_dir.filePath(u"v6.db"_s);
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, u"v6"_s);
        db.setDatabaseName(path);
        QVERIFY(db.open());
        QString error;
        QVERIFY2(StoreSchema::migrate(db, 6, &error), qPrintable(error));
        QSqlQuery q(db);
        QVERIFY(q.exec(u"INSERT INTO runs (id, name, started_at) VALUES ('r-1', 'old run', 1000)"_s));
        QVERIFY(q.exec(u"INSERT INTO goals (run_id, id, title, created_at, depends_on) "
                       "VALUES ('r-1', 'g1', 'Old goal', 1000, '[]')"_s));
        QVERIFY(q.exec(u"INSERT INTO agents (id, run_id, goal_id, state, attempt, created_at) "
                       "VALUES ('a-1', 'r-1', 'g1', 'Completed', 1, 1000)"_s));
        QVERIFY(!q.exec(u"SELECT when_json FROM goals"_s));
        q.finish();
        db.close();
    }
    QSqlDatabase::removeDatabase(u"v6"_s);

    Store store;
    QString error;
    QVERIFY2(store.open(path, &error), qPrintable(error));
    StoreSnapshot snapshot = store.load(u"r-1"_s);
    QCOMPARE(snapshot.goals.size(), 1);
    QCOMPARE(snapshot.goals.first().goal.title, u"Old goal"_s);
    QVERIFY(!snapshot.goals.first().goal.when); // an old goal has no condition

    // The new column works: a goal with a condition recorded into the migrated database reads back.
    Orchestrator o;
    o.setStore(&store);
    runGoals(o, {goal(u"approve-post"_s),
                 goal(u"deploy"_s, {u"approve-post"_s}, contains(u"approve-post"_s, u"APPROVED"_s))});
    QVERIFY(store.flush());
    snapshot = store.load(store.runs().constLast().id);
    bool found = false;
    for (const GoalRecord &g : snapshot.goals) {
        if (g.goal.id == u"deploy") {
            found = true;
            QCOMPARE(g.goal.when, std::optional(contains(u"approve-post"_s, u"APPROVED"_s)));
        }
    }
    QVERIFY(found);
    QSqlDatabase check = QSqlDatabase::addDatabase(u"QSQLITE"_s, u"v7"_s);
    check.setDatabaseName(path);
    QVERIFY(check.open());
    QCOMPARE(StoreSchema::version(check), StoreSchema::kLatestVersion);
    check.close();
    check = QSqlDatabase();
    QSqlDatabase::removeDatabase(u"v7"_s);
}

void TestConditions::planValidation_data()
{
    QTest::addColumn<QString>("when");
    QTest::addColumn<int>("line");
    QTest::addColumn<int>("column");
    QTest::addColumn<QString>("message");
    // The `when` line is line 11 of the plan; its value starts at column 11. Each error points at what is wrong.
    QTest::newRow("not a dependency") << u"{goal: other, succeeded: true}"_s << 11 << 18
                                      << u"when names goal 'other', which is not a dependency of 'deploy'"_s;
    QTest::newRow("unknown goal") << u"{goal: ghost, succeeded: true}"_s << 11 << 18
                                  << u"when names goal 'ghost', which is not a dependency of 'deploy'"_s;
    QTest::newRow("both tests") << u"{goal: post, succeeded: true, result_contains: OK}"_s << 11 << 24
                                << u"give exactly one test, result_contains or succeeded (both are given)"_s;
    QTest::newRow("no test") << u"{goal: post}"_s << 11 << 11 << u"give exactly one test"_s;
    QTest::newRow("unknown key") << u"{goal: post, result_contain: OK}"_s << 11 << 24
                                 << u"unknown key 'result_contain' (did you mean 'result_contains'?)"_s;
    QTest::newRow("succeeded not a bool") << u"{goal: post, succeeded: maybe}"_s << 11 << 35 << u"true or false"_s;
    QTest::newRow("text not a string") << u"{goal: post, result_contains: [a, b]}"_s << 11 << 41 << u"a string"_s;
    QTest::newRow("empty text") << u"{goal: post, result_contains: \"\"}"_s << 11 << 41 << u"empty"_s;
    QTest::newRow("not a mapping") << u"post"_s << 11 << 11 << u"a mapping"_s;
    QTest::newRow("no goal") << u"{succeeded: false}"_s << 11 << 11 << u"goal"_s;
}

void TestConditions::planValidation()
{
    QFETCH(QString, when);
    QFETCH(int, line);
    QFETCH(int, column);
    QFETCH(QString, message);
    const QString plan = u"name: p\n"
                         "agents:\n"
                         "  definitions:\n"
                         "    - {name: proc, backend: process, command: [sh, x.sh]}\n"
                         "goals:\n"
                         "  - id: other\n"
                         "  - id: post\n"
                         "  - id: deploy\n"
                         "    depends_on: [post]\n"
                         "    title: Deploy\n"
                         "    when: %1\n"_s.arg(when);
    ConfigError error;
    const std::optional<Plan> loaded =
        PlanLoader::loadString(plan.toUtf8(), u"plan.yaml"_s, Config{}, &error, QStringList{u"process"_s});
    QVERIFY(!loaded);
    QVERIFY2(error.message.contains(message), qPrintable(error.toString()));
    QCOMPARE(error.line, line);
    QCOMPARE(error.column, column);
    QVERIFY2(error.toString().startsWith(u"plan.yaml:%1:%2: "_s.arg(line).arg(column)), qPrintable(error.toString()));
}

void TestConditions::planWriterRoundTrip()
{
    const QByteArray yaml = "name: p\n"
                            "agents:\n"
                            "  definitions:\n"
                            "    - {name: proc, backend: process, command: [sh, x.sh]}\n"
                            "goals:\n"
                            "  - id: post\n"
                            "  - id: deploy\n"
                            "    depends_on: [post]\n"
                            "    when: {goal: post, result_contains: \"APPROVED: yes\"}\n"
                            "  - id: rollback\n"
                            "    depends_on: [post]\n"
                            "    when: {goal: post, succeeded: false}\n";
    ConfigError error;
    const std::optional<Plan> plan =
        PlanLoader::loadString(yaml, u"plan.yaml"_s, Config{}, &error, QStringList{u"process"_s});
    QVERIFY2(plan, qPrintable(error.toString()));
    QCOMPARE(plan->goals.at(1).when, std::optional(contains(u"post"_s, u"APPROVED: yes"_s)));
    QCOMPARE(plan->goals.at(2).when, std::optional(succeeded(u"post"_s, false)));
    QVERIFY(!plan->goals.at(0).when);

    const QByteArray written = PlanWriter::toYaml(plan->name, plan->description, plan->goals);
    const std::optional<Plan> again =
        PlanLoader::loadString(written, u"again.yaml"_s, plan->config, &error, QStringList{u"process"_s});
    QVERIFY2(again, qPrintable(error.toString() + u"\n"_s + QString::fromUtf8(written)));
    for (int i = 0; i < 3; ++i)
        QCOMPARE(again->goals.at(i).when, plan->goals.at(i).when);
    QCOMPARE(again->goals.at(1).toJson().value(u"when"_s).toObject(),
             (QJsonObject{{u"goal"_s, u"post"_s}, {u"result_contains"_s, u"APPROVED: yes"_s}}));
}

CliRun TestConditions::runCli(const QStringList &args)
{
    QProcess process;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(u"XDG_CONFIG_HOME"_s, m_dir.filePath(u"config"_s));
    env.insert(u"XDG_DATA_HOME"_s, m_dir.filePath(u"data-%1"_s.arg(++m_processes)));
    process.setProcessEnvironment(env);
    process.start(test::switchboardBinary(), args);
    CliRun result;
    if (!process.waitForFinished(60000)) {
        process.kill();
        process.waitForFinished();
        return result;
    }
    result.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    result.out = process.readAllStandardOutput();
    result.err = process.readAllStandardError();
    for (const QByteArray &line : result.out.split('\n')) {
        const QJsonDocument doc = QJsonDocument::fromJson(line);
        if (doc.isObject())
            result.events << doc.object();
    }
    return result;
}

void TestConditions::runJsonReportsSkipped()
{
    const QString plan = test::writeFile(m_dir.path(), u"skip.yaml"_s,
                                         u"name: skip\n"
                                         "agents:\n"
                                         "  definitions:\n"
                                         "    - {name: proc, backend: process, command: [sh, \"%1\"]}\n"
                                         "goals:\n"
                                         "  - id: reject-post\n"
                                         "    profile: proc\n"
                                         "  - id: deploy\n"
                                         "    profile: proc\n"
                                         "    depends_on: [reject-post]\n"
                                         "    when: {goal: reject-post, result_contains: \"APPROVED\"}\n"
                                         "  - id: notify\n"
                                         "    profile: proc\n"
                                         "    depends_on: [deploy]\n"_s.arg(m_script)
                                             .toUtf8());
    const CliRun r = runCli({u"run"_s, plan, u"--json"_s});
    QVERIFY2(r.exitCode == 0, r.err.constData()); // skipped goals are no failure
    QStringList skipped;
    for (const QJsonObject &e : r.events) {
        if (e.value(u"event"_s).toString() != u"skipped")
            continue;
        const QString goalId = e.value(u"goal"_s).toString();
        skipped << goalId;
        QVERIFY(e.value(u"agent"_s).toString().startsWith(u"a-"_s));
        if (goalId == u"deploy")
            QCOMPARE(e.value(u"reason"_s).toString(),
                     u"skipped: condition on 'reject-post' was false (result does not contain 'APPROVED')"_s);
        else
            QCOMPARE(e.value(u"reason"_s).toString(), u"skipped: dependency 'deploy' was skipped"_s);
    }
    QCOMPARE(skipped, (QStringList{u"deploy"_s, u"notify"_s}));
    const QJsonObject summary = r.events.last();
    QCOMPARE(summary.value(u"event"_s).toString(), u"summary"_s);
    QCOMPARE(summary.value(u"skipped"_s).toInt(), 2);
    QCOMPARE(summary.value(u"completed"_s).toInt(), 1);
    QCOMPARE(summary.value(u"blocked"_s).toInt(), 0);
    QCOMPARE(journal(), QStringList{u"reject-post"_s});

    const CliRun shown = runCli({u"plan"_s, plan});
    QCOMPARE(shown.exitCode, 0);
    QVERIFY2(shown.out.contains("when: result of 'reject-post' contains \"APPROVED\""), shown.out.constData());
}

QTEST_GUILESS_MAIN(TestConditions)
#include "tst_conditions.moc"
