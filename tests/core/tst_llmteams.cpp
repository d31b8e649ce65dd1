// Team patterns (issue 16) with model agents: members on the "openai" and "anthropic" backends talk to a
// ScriptedModelServer that speaks the real wire format and checks every request. A supervisor whose planner calls
// the `delegate` tool (offered to planners only, with the workers as its only values), workers that see their task,
// a planner that re-plans after seeing the results and then answers itself, a parallel team where one member's
// server answer is a 401 (min_successful lets the team complete), and cost summed over the members.
#include "model/Team.h"
#include "orchestration/Orchestrator.h"
#include "support/GoalBuilder.h"
#include "support/ScriptedModelServer.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

Q_DECLARE_METATYPE(switchboard::llm::ApiKind)

using namespace switchboard;
using namespace Qt::StringLiterals;
using test::ScriptedModelServer;
using test::ScriptedReply;

namespace {

const QString keyVariable = u"SWITCHBOARD_TST_LLMTEAMS_KEY"_s;
const QString apiKey = u"sk-tst-teams-0123456789"_s;

llm::ToolCall delegateCall(const QString &id, const QString &worker, const QString &task)
{
    const QJsonObject arguments{{u"worker"_s, worker}, {u"task"_s, task}};
    return {id, u"delegate"_s, QString::fromUtf8(QJsonDocument(arguments).toJson(QJsonDocument::Compact))};
}

// The tool names a request offered, and the enum of delegate's `worker` when it is among them.
QStringList toolNames(const test::RecordedRequest &request, QStringList *workers = nullptr)
{
    QStringList names;
    for (const QJsonValue &v : request.json.value(u"tools"_s).toArray()) {
        const QJsonObject tool = v.toObject();
        const QJsonObject function = tool.value(u"function"_s).toObject();
        const QString name =
            function.isEmpty() ? tool.value(u"name"_s).toString() : function.value(u"name"_s).toString();
        names << name;
        if (name == u"delegate" && workers) {
            const QJsonObject schema = function.isEmpty() ? tool.value(u"input_schema"_s).toObject()
                                                          : function.value(u"parameters"_s).toObject();
            for (const QJsonValue &w :
                 schema.value(u"properties"_s).toObject().value(u"worker"_s).toObject().value(u"enum"_s).toArray())
                *workers << w.toString();
        }
    }
    return names;
}

QString bodyOf(const test::RecordedRequest &request)
{
    return QString::fromUtf8(request.body);
}

} // namespace

class TestLlmTeams final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void supervisorDelegatesThroughTheTool_data() { apis(); }
    void supervisorDelegatesThroughTheTool();
    void parallelToleratesAFailedMember_data() { apis(); }
    void parallelToleratesAFailedMember();

private:
    static void apis()
    {
        QTest::addColumn<llm::ApiKind>("api");
        QTest::newRow("openai") << llm::ApiKind::OpenAi;
        QTest::newRow("anthropic") << llm::ApiKind::Anthropic;
    }
    static AgentProfile profile(const QString &name, llm::ApiKind api, const ScriptedModelServer &server)
    {
        AgentProfile p;
        p.name = name;
        p.backend = llm::apiKindName(api);
        p.model = name + u"-model"_s; // the server tells the members apart by it
        p.retry.maxRetries = 0;
        p.llm.baseUrl = server.baseUrl().toString();
        p.llm.apiKeyEnv = keyVariable;
        p.llm.inputPerMTok = 1000.0;  // 10 in-tokens cost 0.01
        p.llm.outputPerMTok = 2000.0; // 5 out-tokens cost 0.01
        p.llm.maxTokens = 1024;
        return p;
    }
};

void TestLlmTeams::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    qputenv(keyVariable.toUtf8().constData(), apiKey.toUtf8());
}

void TestLlmTeams::supervisorDelegatesThroughTheTool()
{
    QFETCH(llm::ApiKind, api);
    ScriptedModelServer server(api, apiKey);
    server.setResponder([](const test::RecordedRequest &request) -> std::optional<ScriptedReply> {
        const QString body = bodyOf(request);
        const QString model = request.json.value(u"model"_s).toString();
        if (model == u"lead-model") {
            if (body.contains(u"planning iteration 1 of"_s)) {
                if (!body.contains(u"handed to"_s))
                    return ScriptedReply::toolCalls({delegateCall(u"call_1"_s, u"researcher"_s, u"collect facts"_s),
                                                     delegateCall(u"call_2"_s, u"writer"_s, u"write it up"_s)})
                        .usage(10, 5);
                return ScriptedReply::text(u"Plan 1: facts, then the write-up."_s).usage(10, 5);
            }
            if (body.contains(u"planning iteration 2 of"_s) && body.contains(u"Result: 12 facts collected"_s) &&
                body.contains(u"Result: draft written"_s))
                return ScriptedReply::text(u"FINAL ANSWER from both results"_s).usage(10, 5);
            return std::nullopt;
        }
        if (body.contains(u"Your step (iteration 1, step 1): collect facts"_s))
            return ScriptedReply::text(u"12 facts collected"_s).usage(10, 5);
        if (body.contains(u"Your step (iteration 1, step 2): write it up"_s))
            return ScriptedReply::text(u"draft written"_s).usage(10, 5);
        return std::nullopt;
    });
    QTemporaryDir workspace;
    Orchestrator o;
    o.setWorkspace(workspace.path());
    o.setEscalateExhaustedRetries(false);
    o.setProfiles(
        {profile(u"lead"_s, api, server), profile(u"researcher"_s, api, server), profile(u"writer"_s, api, server)});
    TeamPattern p;
    p.kind = TeamKind::Supervisor;
    p.planner = u"lead"_s;
    p.workers = {u"researcher"_s, u"writer"_s};
    p.maxIterations = 2;
    Goal team = test::GoalBuilder(u"post"_s).title(u"Write the blog post"_s);
    team.team = p;
    QString error;
    QVERIFY2(!o.spawn(team, &error).isEmpty(), qPrintable(error));
    QVERIFY(o.waitAll(30000));
    QVERIFY2(server.ok(), qPrintable(server.report()));

    const AgentStatus post = o.status(o.agentForGoal(u"post"_s)).value_or(AgentStatus{});
    QVERIFY2(post.state == AgentState::Completed, qPrintable(post.error));
    QCOMPARE(post.summary, u"FINAL ANSWER from both results"_s);
    // The second plan delegated nothing: its answer is the synthesis, and no synthesis call was needed.
    QCOMPARE(o.teamMembers(u"post"_s),
             (QStringList{u"post.plan1"_s, u"post.s1.1.researcher"_s, u"post.s1.2.writer"_s, u"post.plan2"_s}));
    QCOMPARE(o.status(o.agentForGoal(u"post.s1.1.researcher"_s))->summary, u"12 facts collected"_s);
    // Only the planner is offered delegate, and only with its workers.
    int plannerRequests = 0;
    for (const test::RecordedRequest &request : server.requests()) {
        QStringList workers;
        const QStringList tools = toolNames(request, &workers);
        const bool planner = request.json.value(u"model"_s).toString() == u"lead-model";
        const bool delegates = bodyOf(request).contains(u"planning iteration"_s);
        QCOMPARE(tools.contains(u"delegate"_s), planner && delegates);
        if (planner) {
            ++plannerRequests;
            QCOMPARE(workers, (QStringList{u"researcher"_s, u"writer"_s}));
        }
    }
    QCOMPARE(plannerRequests, 3);
    QCOMPARE(server.requestCount(), 5);
    QVERIFY(qFuzzyCompare(post.costUsd, 0.10)); // five replies at 0.02, summed over the members
}

void TestLlmTeams::parallelToleratesAFailedMember()
{
    QFETCH(llm::ApiKind, api);
    ScriptedModelServer server(api, apiKey);
    server.setResponder([](const test::RecordedRequest &request) -> std::optional<ScriptedReply> {
        if (request.json.value(u"model"_s).toString() == u"beta-model")
            return ScriptedReply::httpError(401, u"invalid api key"_s, u"authentication_error"_s);
        return ScriptedReply::text(u"alpha's view"_s).usage(10, 5);
    });
    QTemporaryDir workspace;
    Orchestrator o;
    o.setWorkspace(workspace.path());
    o.setEscalateExhaustedRetries(false);
    o.setProfiles({profile(u"alpha"_s, api, server), profile(u"beta"_s, api, server)});
    TeamPattern p;
    p.kind = TeamKind::Parallel;
    p.profiles = {u"alpha"_s, u"beta"_s};
    p.minSuccessful = 1;
    p.format = TeamFormat::Xml;
    Goal team = test::GoalBuilder(u"views"_s).title(u"Analyse AI trends"_s);
    team.team = p;
    QString error;
    QVERIFY2(!o.spawn(team, &error).isEmpty(), qPrintable(error));
    QVERIFY(o.waitAll(30000));
    QVERIFY2(server.ok() || server.report().contains(u"401"_s), qPrintable(server.report()));

    const AgentStatus views = o.status(o.agentForGoal(u"views"_s)).value_or(AgentStatus{});
    QVERIFY2(views.state == AgentState::Completed, qPrintable(views.error));
    QCOMPARE(o.status(o.agentForGoal(u"views.beta"_s))->state, AgentState::Failed);
    QVERIFY(o.status(o.agentForGoal(u"views.beta"_s))->error.contains(u"401"_s));
    QCOMPARE(views.summary, u"<answers>\n  <answer profile=\"alpha\" goal=\"views.alpha\">\nalpha's view\n  </answer>\n"
                            u"  <answer profile=\"beta\" goal=\"views.beta\" state=\"Failed\"/>\n</answers>"_s);
    const QJsonObject output = QJsonDocument::fromJson(o.goalOutput(u"views"_s).toUtf8()).object();
    QCOMPARE(output.value(u"failed"_s).toArray(), QJsonArray{u"views.beta"_s});
    QVERIFY(qFuzzyCompare(views.costUsd, 0.02));
}

QTEST_GUILESS_MAIN(TestLlmTeams)
#include "tst_llmteams.moc"
