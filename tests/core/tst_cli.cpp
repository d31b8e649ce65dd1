// The headless CLI end to end: the built binary on plans in tests/data/cli, checking the JSON
// events, their order, the summary and the exit codes.
#include "config/PlanLoader.h"
#include "support/ModelListServer.h"
#include "support/ProfileBuilder.h"
#include "support/ScriptedModelServer.h"
#include "support/TestSupport.h"

#include <QFile>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>

using namespace Qt::StringLiterals;
using namespace switchboard;

namespace {
struct CliRun
{
    int exitCode = -1;
    QByteArray out;
    QByteArray err;
    QList<QJsonObject> events;
};
} // namespace

class TestCli final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void versionAndHelp();
    void runJsonEventsInDependencyOrder();
    void runTextShowsSummary();
    void failureExitsOneAndBlocksDependents();
    void invalidPlanExitsTwoWithLocation();
    void invalidArguments_data();
    void invalidArguments();
    void planPrintsPhases();
    void planShowsTeams();
    void planObjectiveWritesAPlan();
    void planObjectiveRefusesAnInvalidPlan_data();
    void planObjectiveRefusesAnInvalidPlan();
    void planObjectiveArguments_data();
    void planObjectiveArguments();
    void sigtermCancelsCleanly();
    void firstRunWritesDefaultConfig();
    void escalationAnsweredFromStdin();
    void autoAnswer_data();
    void autoAnswer();
    void executionModes_data();
    void executionModes();
    void modelsListsLocalServers();

private:
    CliRun run(const QStringList &args, int timeoutMs = 30000);
    QProcessEnvironment environment() const;
    // A config with an LLM profile "planner" on the server (its key in SWITCHBOARD_TEST_PLANNER_KEY) and
    // demo profiles "coder" (code, test) and "writer" (docs); its path.
    QString plannerConfig(const test::ScriptedModelServer &server);

    QTemporaryDir m_home;
    mutable int m_processes = 0;
};

void TestCli::initTestCase()
{
    QVERIFY(m_home.isValid());
    QVERIFY2(QFile::exists(test::switchboardBinary()), qPrintable(test::switchboardBinary()));
}

QProcessEnvironment TestCli::environment() const
{
    // A private config location: the CLI writes its default config on first run.
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(u"XDG_CONFIG_HOME"_s, m_home.filePath(u"config"_s));
    // A fresh data location per process: each run records into its own default database, so agent and
    // escalation ids start at 1 in every test.
    env.insert(u"XDG_DATA_HOME"_s, m_home.filePath(u"data-%1"_s.arg(++m_processes)));
    env.insert(u"SWITCHBOARD_TEST_PLANNER_KEY"_s, u"sk-cli-test"_s);
    return env;
}

CliRun TestCli::run(const QStringList &args, int timeoutMs)
{
    QProcess process;
    process.setProcessEnvironment(environment());
    process.start(test::switchboardBinary(), args);
    CliRun result;
    if (!process.waitForFinished(timeoutMs)) {
        process.kill();
        process.waitForFinished();
        return result;
    }
    result.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    result.out = process.readAllStandardOutput();
    result.err = process.readAllStandardError();
    for (const QByteArray &line : result.out.split('\n')) {
        if (line.trimmed().isEmpty())
            continue;
        const QJsonDocument doc = QJsonDocument::fromJson(line);
        if (doc.isObject())
            result.events << doc.object();
    }
    return result;
}

void TestCli::versionAndHelp()
{
    const CliRun version = run({u"--version"_s});
    QCOMPARE(version.exitCode, 0);
    QCOMPARE(version.out.trimmed(), QByteArray("switchboard " SWITCHBOARD_VERSION));
    const CliRun help = run({u"--help"_s});
    QCOMPARE(help.exitCode, 0);
    QVERIFY(help.out.contains("switchboard run FILE"));
    QVERIFY(help.out.contains("--max-parallel"));
    QVERIFY(help.out.contains("switchboard models"));
}

void TestCli::runJsonEventsInDependencyOrder()
{
    const CliRun r = run({u"run"_s, test::dataPath(u"cli/ok.yaml"_s), u"--json"_s});
    QVERIFY2(r.exitCode == 0, r.err.constData());
    QVERIFY(!r.events.isEmpty());

    // Every line is an event with an ISO-8601 UTC time.
    for (const QJsonObject &e : r.events) {
        QVERIFY(e.contains(u"event"_s));
        const QDateTime t = QDateTime::fromString(e.value(u"t"_s).toString(), Qt::ISODateWithMs);
        QVERIFY2(t.isValid() && t.timeSpec() == Qt::UTC, qPrintable(e.value(u"t"_s).toString()));
    }
    QHash<QString, int> startedAt;
    QHash<QString, int> completedAt;
    QHash<QString, QString> summaries;
    int spawned = 0;
    bool sawProcessProgress = false;
    for (int i = 0; i < r.events.size(); ++i) {
        const QJsonObject &e = r.events.at(i);
        const QString event = e.value(u"event"_s).toString();
        const QString goal = e.value(u"goal"_s).toString();
        if (event == u"spawned") {
            ++spawned;
            QVERIFY(e.value(u"agent"_s).toString().startsWith(u"a-"_s));
            QVERIFY(e.contains(u"profile"_s));
        } else if (event == u"started") {
            startedAt.insert(goal, i);
        } else if (event == u"completed") {
            completedAt.insert(goal, i);
            summaries.insert(goal, e.value(u"summary"_s).toString());
        } else if (event == u"progress" && goal == u"c") {
            sawProcessProgress = sawProcessProgress ||
                                 (e.value(u"progress"_s).toInt() == 50 && e.value(u"step"_s).toString() == u"half way");
        }
    }
    QCOMPARE(spawned, 4);
    QCOMPARE(completedAt.size(), 4);
    // Dependencies completed before their dependents started.
    QVERIFY(completedAt[u"a"_s] < startedAt[u"b"_s]);
    QVERIFY(completedAt[u"a"_s] < startedAt[u"c"_s]);
    QVERIFY(completedAt[u"b"_s] < startedAt[u"d"_s]);
    QVERIFY(completedAt[u"c"_s] < startedAt[u"d"_s]);
    QCOMPARE(summaries[u"c"_s], u"done by c"_s);
    QVERIFY(sawProcessProgress);

    const QJsonObject summary = r.events.last();
    QCOMPARE(summary.value(u"event"_s).toString(), u"summary"_s);
    QCOMPARE(summary.value(u"total"_s).toInt(), 4);
    QCOMPARE(summary.value(u"completed"_s).toInt(), 4);
    QCOMPARE(summary.value(u"phases"_s).toInt(), 3);
    QCOMPARE(summary.value(u"max_parallel_reached"_s).toInt(), 2); // b and c side by side, cap 2
    QVERIFY(summary.value(u"wall_ms"_s).toInteger() > 0);
    QVERIFY(summary.value(u"agent_time_ms"_s).toInteger() > 0);
    QVERIFY(summary.contains(u"efficiency"_s));
    QVERIFY(summary.contains(u"time_saved_ms"_s));
}

void TestCli::runTextShowsSummary()
{
    const CliRun r = run({u"run"_s, test::dataPath(u"cli/ok.yaml"_s), u"--max-parallel"_s, u"1"_s});
    QVERIFY2(r.exitCode == 0, r.err.constData());
    QVERIFY(r.out.contains("completed  a-1  a"));
    QVERIFY(r.out.contains("Summary"));
    QVERIFY(r.out.contains("Max parallel reached: 1"));
    QVERIFY(r.out.contains("4 total, 4 completed, 0 failed"));
    QVERIFY(!r.out.contains("\x1b[")); // not a terminal: no live status line escapes
}

void TestCli::failureExitsOneAndBlocksDependents()
{
    const CliRun r = run({u"run"_s, test::dataPath(u"cli/fail.yaml"_s), u"--json"_s});
    QCOMPARE(r.exitCode, 1);
    QStringList seen;
    for (const QJsonObject &e : r.events) {
        const QString event = e.value(u"event"_s).toString();
        if (event == u"failed" || event == u"blocked" || event == u"completed")
            seen << event + u':' + e.value(u"goal"_s).toString();
        if (event == u"failed")
            QVERIFY(e.value(u"error"_s).toString().contains(u"fail"_s));
        if (event == u"blocked")
            QCOMPARE(e.value(u"reason"_s).toString(), u"dependency 'x' failed"_s);
    }
    seen.sort();
    QCOMPARE(seen, (QStringList{u"blocked:y"_s, u"completed:z"_s, u"failed:x"_s}));
    QCOMPARE(r.events.last().value(u"blocked"_s).toInt(), 1);
    QCOMPARE(r.events.last().value(u"failed"_s).toInt(), 1);
}

void TestCli::invalidPlanExitsTwoWithLocation()
{
    const QString path = test::dataPath(u"cli/bad.yaml"_s);
    const CliRun r = run({u"run"_s, path, u"--json"_s});
    QCOMPARE(r.exitCode, 2);
    QVERIFY(r.out.isEmpty());
    QVERIFY2(r.err.contains(QByteArray(path.toUtf8() + ":7:")), r.err.constData());
    QVERIFY2(r.err.contains("ghost"), r.err.constData());

    const CliRun missing = run({u"run"_s, m_home.filePath(u"nope.yaml"_s)});
    QCOMPARE(missing.exitCode, 2);
    QVERIFY2(missing.err.contains("nope.yaml"), missing.err.constData());
}

void TestCli::invalidArguments_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<QByteArray>("message");
    QTest::newRow("no file") << QStringList{u"run"_s} << QByteArray("exactly one FILE");
    QTest::newRow("bad max-parallel") << QStringList{u"run"_s, test::dataPath(u"cli/ok.yaml"_s), u"--max-parallel"_s,
                                                     u"0"_s}
                                      << QByteArray("--max-parallel");
    QTest::newRow("unknown option") << QStringList{u"plan"_s, test::dataPath(u"cli/ok.yaml"_s), u"--frobnicate"_s}
                                    << QByteArray("frobnicate");
    QTest::newRow("missing config") << QStringList{u"plan"_s, test::dataPath(u"cli/ok.yaml"_s), u"--config"_s,
                                                   u"/nonexistent/x.yaml"_s}
                                    << QByteArray("/nonexistent/x.yaml");
}

void TestCli::invalidArguments()
{
    QFETCH(QStringList, args);
    QFETCH(QByteArray, message);
    const CliRun r = run(args);
    QCOMPARE(r.exitCode, 2);
    QVERIFY2(r.err.contains(message), r.err.constData());
}

void TestCli::planPrintsPhases()
{
    const CliRun json = run({u"plan"_s, test::dataPath(u"cli/ok.yaml"_s), u"--json"_s});
    QVERIFY2(json.exitCode == 0, json.err.constData());
    QCOMPARE(json.events.size(), 1);
    const QJsonObject plan = json.events.first();
    QCOMPARE(plan.value(u"name"_s).toString(), u"diamond"_s);
    QStringList phases;
    for (const QJsonValue &phase : plan.value(u"phases"_s).toArray()) {
        QStringList ids;
        for (const QJsonValue &g : phase.toObject().value(u"goals"_s).toArray())
            ids << g.toObject().value(u"id"_s).toString();
        phases << ids.join(u',');
    }
    QCOMPARE(phases, (QStringList{u"a"_s, u"b,c"_s, u"d"_s}));

    const CliRun text = run({u"plan"_s, test::dataPath(u"cli/ok.yaml"_s)});
    QCOMPARE(text.exitCode, 0);
    QVERIFY(text.out.contains("Plan: diamond (4 goals in 3 phases)"));
    QVERIFY(text.out.indexOf("Phase 1") < text.out.indexOf("Phase 2"));
    QVERIFY(text.out.contains("after: b, c"));
}

void TestCli::planShowsTeams()
{
    const QString file = test::dataPath(u"cli/teams.yaml"_s);
    const CliRun text = run({u"plan"_s, file});
    QVERIFY2(text.exitCode == 0, text.err.constData());
    // Each team with its pattern and the members it will have; the plain goal as before.
    QCOMPARE(QString::fromUtf8(text.out),
             u"Plan: teams (4 goals in 3 phases)\n"
             "\n"
             "Phase 1\n"
             "  views                 Gather views  [medium]  team: parallel · optimist, pessimist · 1 of 2 must "
             "succeed\n"
             "      member · optimist\n"
             "      member · pessimist\n"
             "  hiring                Debate hiring  [medium]  team: debate · optimist, pessimist · 2 rounds · judge "
             "lead\n"
             "      round 1 · optimist\n"
             "      round 1 · pessimist\n"
             "      round 2 · optimist\n"
             "      round 2 · pessimist\n"
             "      judge · lead\n"
             "\n"
             "Phase 2\n"
             "  post                  Write the post  [medium]  after: views  team: supervisor · planner lead · "
             "workers optimist, pessimist · selective · up to 2 iterations\n"
             "      planner · lead (up to 2 iterations, then the synthesis)\n"
             "      workers · optimist, pessimist (steps decided at run time, up to 3 at once)\n"
             "\n"
             "Phase 3\n"
             "  publish               Publish  [medium]  profile: lead  after: post\n"_s);

    const CliRun json = run({u"plan"_s, file, u"--json"_s});
    QVERIFY2(json.exitCode == 0, json.err.constData());
    QCOMPARE(json.events.size(), 1);
    QHash<QString, QJsonObject> goals;
    for (const QJsonValue &phase : json.events.first().value(u"phases"_s).toArray()) {
        for (const QJsonValue &g : phase.toObject().value(u"goals"_s).toArray())
            goals.insert(g.toObject().value(u"id"_s).toString(), g.toObject());
    }
    QCOMPARE(goals.size(), 4);
    const auto members = [](const QJsonObject &goal) {
        QStringList out;
        for (const QJsonValue &m : goal.value(u"members"_s).toArray()) {
            const QJsonObject o = m.toObject();
            out << u"%1 %2%3"_s.arg(o.value(u"role"_s).toString(), o.value(u"profile"_s).toString(),
                                    o.contains(u"round"_s) ? u" %1"_s.arg(o.value(u"round"_s).toInt()) : QString());
        }
        return out;
    };
    QCOMPARE(goals.value(u"views"_s).value(u"pattern"_s).toObject(),
             QJsonObject({{u"kind"_s, u"parallel"_s},
                          {u"profiles"_s, QJsonArray{u"optimist"_s, u"pessimist"_s}},
                          {u"min_successful"_s, 1},
                          {u"format"_s, u"markdown"_s}}));
    QCOMPARE(members(goals.value(u"views"_s)), (QStringList{u"member optimist"_s, u"member pessimist"_s}));
    QCOMPARE(goals.value(u"post"_s).value(u"pattern"_s).toObject(),
             QJsonObject({{u"kind"_s, u"supervisor"_s},
                          {u"planner"_s, u"lead"_s},
                          {u"workers"_s, QJsonArray{u"optimist"_s, u"pessimist"_s}},
                          {u"mode"_s, u"selective"_s},
                          {u"max_workers_per_step"_s, 3},
                          {u"max_iterations"_s, 2},
                          {u"format"_s, u"xml"_s}}));
    QCOMPARE(members(goals.value(u"post"_s)),
             (QStringList{u"planner lead"_s, u"worker optimist"_s, u"worker pessimist"_s}));
    QCOMPARE(goals.value(u"hiring"_s).value(u"pattern"_s).toObject(),
             QJsonObject({{u"kind"_s, u"debate"_s},
                          {u"profiles"_s, QJsonArray{u"optimist"_s, u"pessimist"_s}},
                          {u"rounds"_s, 2},
                          {u"judge"_s, u"lead"_s},
                          {u"format"_s, u"markdown"_s}}));
    QCOMPARE(members(goals.value(u"hiring"_s)),
             (QStringList{u"participant optimist 1"_s, u"participant pessimist 1"_s, u"participant optimist 2"_s,
                          u"participant pessimist 2"_s, u"judge lead"_s}));
    // A plain goal keeps its old shape.
    const QJsonObject publish = goals.value(u"publish"_s);
    QVERIFY(!publish.contains(u"pattern"_s));
    QVERIFY(!publish.contains(u"members"_s));
    QCOMPARE(publish.value(u"profile"_s).toString(), u"lead"_s);
}

QString TestCli::plannerConfig(const test::ScriptedModelServer &server)
{
    const QByteArray yaml = "agents:\n"
                            "  definitions:\n"
                            "    - name: planner\n"
                            "      backend: " +
                            llm::apiKindName(server.api()).toUtf8() +
                            "\n"
                            "      model: plan-model\n"
                            "      base_url: " +
                            server.baseUrl().toString().toUtf8() +
                            "\n"
                            "      api_key_env: SWITCHBOARD_TEST_PLANNER_KEY\n"
                            "    - name: coder\n"
                            "      backend: demo\n"
                            "      capabilities: [code, test]\n"
                            "    - name: writer\n"
                            "      backend: demo\n"
                            "      capabilities: [docs]\n";
    return test::writeFile(m_home.path(), u"planner-%1.yaml"_s.arg(server.port()), yaml);
}

void TestCli::planObjectiveWritesAPlan()
{
    test::ScriptedModelServer server(llm::ApiKind::OpenAi, u"sk-cli-test"_s);
    const QString reply = uR"(```json
{"goals": [
  {"id": "design", "title": "Design the API", "description": "Write the OpenAPI spec.", "depends_on": [],
   "capabilities": ["docs"], "success_criteria": ["the spec validates"]},
  {"id": "server", "title": "Implement the server", "description": "Every endpoint of the spec.",
   "depends_on": ["design"], "capabilities": ["code"], "success_criteria": ["all endpoints answer"]}
]}
```)"_s;
    server.enqueue(test::ScriptedReply::text(reply).usage(900, 300));
    server.enqueue(test::ScriptedReply::text(reply));
    const QString config = plannerConfig(server);
    const QString out = m_home.filePath(u"planned.yaml"_s);

    const CliRun written = run({u"plan"_s, u"--objective"_s, u"Build a REST API"_s, u"--profile"_s, u"planner"_s,
                                u"--config"_s, config, u"--out"_s, out});
    QVERIFY2(written.exitCode == 0, written.err.constData());
    QVERIFY2(server.ok(), qPrintable(server.report()));
    QVERIFY(written.out.isEmpty());
    QVERIFY2(written.err.contains(QByteArray("Wrote " + out.toUtf8() + ": 2 goals in 2 phases")),
             written.err.constData());
    QVERIFY2(written.err.contains("900 input + 300 output tokens"), written.err.constData());
    QVERIFY(!written.err.contains("sk-cli-test"));
    // The system prompt told the model the capabilities it may use.
    QVERIFY(QJsonDocument(server.request(0).json).toJson().contains("Known capabilities: code, docs, test"));

    Config base;
    base.profiles = {test::ProfileBuilder(u"coder"_s).capabilities({u"code"_s, u"test"_s}),
                     test::ProfileBuilder(u"writer"_s).capabilities({u"docs"_s})};
    ConfigError error;
    const std::optional<Plan> plan = PlanLoader::loadFile(out, base, &error);
    QVERIFY2(plan, qPrintable(error.toString()));
    QCOMPARE(plan->name, u"Build a REST API"_s);
    QCOMPARE(plan->goals.size(), 2);
    QCOMPARE(plan->goals.at(1).id, u"server"_s);
    QCOMPARE(plan->goals.at(1).dependsOn, QStringList{u"design"_s});
    QCOMPARE(plan->goals.at(1).successCriteria, QStringList{u"all endpoints answer"_s});

    // Without --out (and --profile: the config's only LLM profile plans) the plan file goes to stdout.
    const CliRun printed = run({u"plan"_s, u"--objective"_s, u"Build a REST API"_s, u"--config"_s, config});
    QVERIFY2(printed.exitCode == 0, printed.err.constData());
    const std::optional<Plan> again = PlanLoader::loadString(printed.out, u"stdout"_s, base, &error);
    QVERIFY2(again, qPrintable(error.toString() + u'\n' + QString::fromUtf8(printed.out)));
    QCOMPARE(again->goals.size(), 2);
}

void TestCli::planObjectiveRefusesAnInvalidPlan_data()
{
    QTest::addColumn<QString>("api");
    QTest::addColumn<QString>("reply");
    QTest::addColumn<QByteArray>("reason");
    QTest::newRow("cycle openai") << u"openai"_s
                                  << uR"({"goals":[{"id":"a","depends_on":["b"]},{"id":"b","depends_on":["a"]}]})"_s
                                  << QByteArray("  cycle: a -> b -> a\n");
    QTest::newRow("cycle anthropic") << u"anthropic"_s
                                     << uR"({"goals":[{"id":"a","depends_on":["b"]},{"id":"b","depends_on":["a"]}]})"_s
                                     << QByteArray("  cycle: a -> b -> a\n");
    QTest::newRow("unknown dependency") << u"anthropic"_s
                                        << uR"({"goals":[{"id":"a"},{"id":"b","depends_on":["x"]}]})"_s
                                        << QByteArray("  goal 'b': depends_on: unknown dependency 'x'\n");
    QTest::newRow("unknown capability") << u"openai"_s << uR"({"goals":[{"id":"a","capabilities":["gpu"]}]})"_s
                                        << QByteArray("  goal 'a': capabilities: no profile has the capabilities: gpu");
    QTest::newRow("not json") << u"openai"_s << u"Sure, I will plan that for you."_s
                              << QByteArray("  reply is not JSON: it holds no JSON object");
}

void TestCli::planObjectiveRefusesAnInvalidPlan()
{
    QFETCH(QString, api);
    QFETCH(QString, reply);
    QFETCH(QByteArray, reason);
    test::ScriptedModelServer server(*llm::apiKindFromName(api), u"sk-cli-test"_s);
    server.enqueue(test::ScriptedReply::text(reply));
    const QString out = m_home.filePath(u"refused.yaml"_s);
    const CliRun r = run({u"plan"_s, u"--objective"_s, u"Build a REST API"_s, u"--profile"_s, u"planner"_s,
                          u"--config"_s, plannerConfig(server), u"--out"_s, out});
    QVERIFY2(server.ok(), qPrintable(server.report()));
    QCOMPARE(r.exitCode, 3);
    QVERIFY(r.out.isEmpty());
    QVERIFY2(r.err.contains("error: the model's plan cannot be used (1 problem):\n"), r.err.constData());
    QVERIFY2(r.err.contains(reason), r.err.constData());
    QVERIFY(!QFile::exists(out));
}

void TestCli::planObjectiveArguments_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<int>("exitCode");
    QTest::addColumn<QByteArray>("message");
    QTest::newRow("no file, no objective")
        << QStringList{u"plan"_s} << 2 << QByteArray("exactly one FILE (or --objective");
    QTest::newRow("file and objective") << QStringList{u"plan"_s, test::dataPath(u"cli/ok.yaml"_s), u"--objective"_s,
                                                       u"x"_s}
                                        << 2 << QByteArray("plan --objective takes no FILE");
    QTest::newRow("out without objective")
        << QStringList{u"plan"_s, test::dataPath(u"cli/ok.yaml"_s), u"--out"_s, u"x.yaml"_s} << 2
        << QByteArray("--out goes with --objective");
    QTest::newRow("empty objective") << QStringList{u"plan"_s, u"--objective"_s, u"  "_s} << 2
                                     << QByteArray("the objective is empty");
    QTest::newRow("unknown profile") << QStringList{u"plan"_s, u"--objective"_s, u"x"_s, u"--profile"_s, u"ghost"_s}
                                     << 2 << QByteArray("no profile 'ghost'");
    // The default config has only the demo profile: nothing can plan, and the message says what to add.
    QTest::newRow("no llm profile") << QStringList{u"plan"_s, u"--objective"_s, u"x"_s} << 2
                                    << QByteArray("no LLM profile to plan with");
    QTest::newRow("demo cannot plan") << QStringList{u"plan"_s, u"--objective"_s, u"x"_s, u"--profile"_s, u"demo"_s}
                                      << 2 << QByteArray("profile 'demo' cannot plan");
}

void TestCli::planObjectiveArguments()
{
    QFETCH(QStringList, args);
    QFETCH(int, exitCode);
    QFETCH(QByteArray, message);
    const CliRun r = run(args);
    QCOMPARE(r.exitCode, exitCode);
    QVERIFY2(r.err.contains(message), r.err.constData());
}

void TestCli::sigtermCancelsCleanly()
{
    QProcess process;
    process.setProcessEnvironment(environment());
    process.start(test::switchboardBinary(), {u"run"_s, test::dataPath(u"cli/long.yaml"_s), u"--json"_s});
    QVERIFY(process.waitForStarted());
    QByteArray out;
    // Wait until both slots are busy.
    QTRY_VERIFY_WITH_TIMEOUT((out += process.readAllStandardOutput()).count("\"event\":\"started\"") == 2, 10000);
    QElapsedTimer timer;
    timer.start();
    ::kill(static_cast<pid_t>(process.processId()), SIGTERM);
    QVERIFY(process.waitForFinished(10000));
    QVERIFY2(timer.elapsed() < 5000, qPrintable(QString::number(timer.elapsed())));
    QCOMPARE(process.exitStatus(), QProcess::NormalExit);
    QCOMPARE(process.exitCode(), 130);
    out += process.readAllStandardOutput();
    QCOMPARE(out.count("\"event\":\"cancelled\""), 3);
    QVERIFY(out.contains("\"event\":\"summary\""));
    QVERIFY(!out.contains("\"event\":\"completed\""));
}

void TestCli::firstRunWritesDefaultConfig()
{
    QTemporaryDir home;
    QProcess process;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(u"XDG_CONFIG_HOME"_s, home.path());
    process.setProcessEnvironment(env);
    process.start(test::switchboardBinary(), {u"plan"_s, test::dataPath(u"cli/ok.yaml"_s)});
    QVERIFY(process.waitForFinished(30000));
    QCOMPARE(process.exitCode(), 0);
    QFile written(home.filePath(u"switchboard/switchboard.yaml"_s));
    QVERIFY2(written.exists(), qPrintable(written.fileName()));
    QVERIFY(written.open(QIODevice::ReadOnly));
    QVERIFY(written.readAll().contains("backend: demo"));
}

void TestCli::escalationAnsweredFromStdin()
{
    QProcess process;
    process.setProcessEnvironment(environment());
    process.start(test::switchboardBinary(), {u"run"_s, test::dataPath(u"cli/escalate.yaml"_s), u"--json"_s});
    QVERIFY(process.waitForStarted());
    QByteArray out;
    QTRY_VERIFY_WITH_TIMEOUT((out += process.readAllStandardOutput()).contains("\"event\":\"escalation\""), 15000);
    // A bad line is reported and skipped; the good one answers.
    process.write("e-99 A\n");
    process.write("{\"type\":\"answer\",\"id\":\"e-1\",\"option\":\"B\",\"text\":\"because\"}\n");
    QVERIFY(process.waitForFinished(15000));
    out += process.readAllStandardOutput();
    const QByteArray err = process.readAllStandardError();
    QCOMPARE(process.exitCode(), 0);
    QVERIFY2(err.contains("error: stdin line 1:"), err.constData());
    QList<QJsonObject> events;
    for (const QByteArray &line : out.split('\n')) {
        if (!line.trimmed().isEmpty())
            events << QJsonDocument::fromJson(line).object();
    }
    auto find = [&events](const QString &name) {
        for (const QJsonObject &e : events) {
            if (e.value(u"event"_s).toString() == name)
                return e;
        }
        return QJsonObject();
    };
    const QJsonObject escalation = find(u"escalation"_s);
    QCOMPARE(escalation.value(u"id"_s).toString(), u"e-1"_s);
    QCOMPARE(escalation.value(u"goal"_s).toString(), u"ask"_s);
    QCOMPARE(escalation.value(u"trigger"_s).toString(), u"clarification"_s);
    QCOMPARE(escalation.value(u"question"_s).toString(), u"Which one?"_s);
    QCOMPARE(escalation.value(u"context"_s).toString(), u"Pick a store."_s);
    QCOMPARE(escalation.value(u"options"_s).toArray(), (QJsonArray{u"A"_s, u"B"_s}));
    const QJsonObject answered = find(u"answered"_s);
    QCOMPARE(answered.value(u"option"_s).toString(), u"B"_s);
    QCOMPARE(answered.value(u"text"_s).toString(), u"because"_s);
    QCOMPARE(find(u"completed"_s).value(u"summary"_s).toString(), u"got B"_s);
    // The goal's declared resource was locked for the attempt and released after it.
    QStringList lockActions;
    for (const QJsonObject &e : std::as_const(events)) {
        if (e.value(u"event"_s).toString() == u"lock") {
            QCOMPARE(e.value(u"resource"_s).toString(), u"src/store.py"_s);
            QVERIFY(e.value(u"token"_s).toInteger() > 0);
            lockActions << e.value(u"action"_s).toString();
        }
    }
    QCOMPARE(lockActions, (QStringList{u"acquired"_s, u"released"_s}));
}

void TestCli::autoAnswer_data()
{
    QTest::addColumn<QStringList>("extra");
    QTest::addColumn<int>("exitCode");
    QTest::addColumn<QString>("outcome");
    QTest::newRow("first") << QStringList{u"--auto-answer"_s, u"first"_s} << 0 << u"completed:got A"_s;
    QTest::newRow("fail") << QStringList{u"--auto-answer"_s, u"fail"_s} << 1
                          << u"failed:question e-1 failed the agent (--auto-answer fail)"_s;
    QTest::newRow("stdin closed")
        << QStringList{} << 1
        << u"failed:question e-1 cannot be answered: stdin is closed and --auto-answer is not set"_s;
}

void TestCli::autoAnswer()
{
    QFETCH(QStringList, extra);
    QFETCH(int, exitCode);
    QFETCH(QString, outcome);
    QProcess process;
    process.setProcessEnvironment(environment());
    process.setStandardInputFile(QProcess::nullDevice());
    process.start(test::switchboardBinary(),
                  QStringList{u"run"_s, test::dataPath(u"cli/escalate.yaml"_s), u"--json"_s} + extra);
    QVERIFY(process.waitForFinished(20000));
    QCOMPARE(process.exitCode(), exitCode);
    QString seen;
    for (const QByteArray &line : process.readAllStandardOutput().split('\n')) {
        const QJsonObject e = QJsonDocument::fromJson(line).object();
        const QString event = e.value(u"event"_s).toString();
        if (event == u"completed")
            seen = event + u':' + e.value(u"summary"_s).toString();
        else if (event == u"failed")
            seen = event + u':' + e.value(u"error"_s).toString();
    }
    QCOMPARE(seen, outcome);
}

void TestCli::executionModes_data()
{
    QTest::addColumn<QString>("mode");
    QTest::newRow("dependency") << u"dependency"_s;
    QTest::newRow("phased") << u"phased"_s;
    QTest::newRow("sequential") << u"sequential"_s;
    QTest::newRow("parallel") << u"parallel"_s;
    QTest::newRow("pipeline") << u"pipeline"_s;
}

void TestCli::executionModes()
{
    QFETCH(QString, mode);
    QTemporaryDir workspace;
    const CliRun r = run({u"run"_s, test::dataPath(u"cli/modes.yaml"_s), u"--json"_s, u"--mode"_s, mode,
                          u"--workspace"_s, workspace.path()});
    QVERIFY2(r.exitCode == 0, r.err.constData());
    QFile log(workspace.filePath(u"order.log"_s));
    QVERIFY(log.open(QIODevice::ReadOnly));
    const QStringList order = QString::fromUtf8(log.readAll()).split(u'\n', Qt::SkipEmptyParts);
    QCOMPARE(order.size(), 8);
    const auto at = [&order](const QString &line) { return order.indexOf(line); };
    if (mode == u"sequential") {
        // One at a time, in plan order, whatever the priorities.
        QCOMPARE(order, (QStringList{u"start a"_s, u"end a"_s, u"start b"_s, u"end b"_s, u"start c"_s, u"end c"_s,
                                     u"start d"_s, u"end d"_s}));
    } else if (mode == u"phased") {
        QVERIFY(at(u"end a"_s) < at(u"start c"_s)); // phase 2 waits for all of phase 1
    } else if (mode == u"parallel") {
        QVERIFY(at(u"start c"_s) < at(u"end b"_s)); // dependencies ignored
    } else {
        // dependency (and pipeline without handoffs): c needs only b, not the slow a.
        QVERIFY(at(u"end b"_s) < at(u"start c"_s));
        QVERIFY(at(u"start c"_s) < at(u"end a"_s));
    }
}

// `switchboard models` against fake servers in this process: the binary must be waited for without blocking
// this thread, which serves them.
void TestCli::modelsListsLocalServers()
{
    test::ModelListServer ollama("/api/tags", test::ModelListServer::ollamaTags({u"llama3.2:latest"_s}));
    test::ModelListServer llamaCpp("/v1/models", test::ModelListServer::openAiModels({u"phi-3-mini"_s}));
    quint16 dead = 0;
    {
        QTcpServer closed;
        QVERIFY(closed.listen(QHostAddress::LocalHost, 0));
        dead = closed.serverPort();
    }
    const auto runModels = [this](const QString &ports, const QStringList &extra) {
        QProcess process;
        QProcessEnvironment env = environment();
        env.insert(u"SWITCHBOARD_DISCOVERY_PORTS"_s, ports);
        process.setProcessEnvironment(env);
        QSignalSpy finished(&process, &QProcess::finished);
        process.start(test::switchboardBinary(), QStringList{u"models"_s} + extra);
        CliRun result;
        if (!finished.wait(30000)) {
            process.kill();
            process.waitForFinished();
            return result;
        }
        result.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
        result.out = process.readAllStandardOutput();
        result.err = process.readAllStandardError();
        return result;
    };
    const QString ports = u"ollama=%1,vllm=%2,llama.cpp=%3"_s.arg(ollama.port()).arg(dead).arg(llamaCpp.port());

    const CliRun text = runModels(ports, {});
    QVERIFY2(text.exitCode == 0, text.err.constData());
    const QString out = QString::fromUtf8(text.out);
    QVERIFY2(out.contains(u"ollama at http://127.0.0.1:%1/v1: 1 model"_s.arg(ollama.port())), qPrintable(out));
    QVERIFY2(out.contains(u"llama.cpp at http://127.0.0.1:%1/v1: 1 model"_s.arg(llamaCpp.port())), qPrintable(out));
    QVERIFY2(out.contains(u"profile: ollama-llama3.2"_s), qPrintable(out));
    QVERIFY2(out.contains(u"profile: llamacpp-phi-3-mini"_s), qPrintable(out));
    QVERIFY2(!out.contains(u"vllm"_s), qPrintable(out));

    const CliRun json = runModels(ports, {u"--json"_s});
    QVERIFY2(json.exitCode == 0, json.err.constData());
    const QJsonArray servers = QJsonDocument::fromJson(json.out).object().value(u"servers"_s).toArray();
    QCOMPARE(servers.size(), 2);
    const QJsonObject first = servers.at(0).toObject();
    QCOMPARE(first.value(u"kind"_s).toString(), u"ollama"_s);
    QCOMPARE(first.value(u"models"_s).toArray(), QJsonArray{u"llama3.2:latest"_s});
    const QJsonObject profile = first.value(u"profiles"_s).toArray().at(0).toObject();
    QCOMPARE(profile.value(u"name"_s).toString(), u"ollama-llama3.2"_s);
    QCOMPARE(profile.value(u"backend"_s).toString(), u"openai"_s);
    QCOMPARE(profile.value(u"base_url"_s).toString(), u"http://127.0.0.1:%1/v1"_s.arg(ollama.port()));

    const CliRun none = runModels(u"ollama=%1"_s.arg(dead), {});
    QVERIFY2(none.exitCode == 0, none.err.constData());
    QCOMPARE(none.out, u"no local model server found on 127.0.0.1 ports %1\n"_s.arg(dead).toUtf8());
}

QTEST_GUILESS_MAIN(TestCli)
#include "tst_cli.moc"
