// Planning with AI: reading a model's plan (JSON found in fences or prose, converted to goals), checking it by
// the plan rules, the prompt it is asked with, and writing the goals as a plan file PlanLoader reads back.
#include "config/PlanLoader.h"
#include "config/PlanWriter.h"
#include "planning/AiPlanner.h"
#include "planning/PlanPrompt.h"
#include "planning/PlanReply.h"
#include "support/ProfileBuilder.h"
#include "support/ScriptedModelServer.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>
#include <QtConcurrent/QtConcurrentRun>

using namespace Qt::StringLiterals;
using namespace switchboard;

namespace {

QList<AgentProfile> runProfiles()
{
    return {test::ProfileBuilder(u"coder"_s, u"openai"_s).capabilities({u"code"_s, u"test"_s}),
            test::ProfileBuilder(u"writer"_s, u"anthropic"_s).capabilities({u"docs"_s})};
}

// A plan as a model would return it: {"goals":[...]} with the fields of the prompt.
QByteArray restApiPlan()
{
    return R"({"goals": [
  {"id": "design", "title": "Design the API", "description": "Write the OpenAPI spec.\nCover every resource.",
   "depends_on": [], "capabilities": ["docs"], "success_criteria": ["openapi.yaml validates"]},
  {"id": "server", "title": "Implement the server", "description": "Implement the endpoints of the spec.",
   "depends_on": ["design"], "capabilities": ["code"], "success_criteria": ["all endpoints answer", "tests pass"]},
  {"id": "tests", "title": "Write tests", "description": "Integration tests for every endpoint.",
   "depends_on": ["server"], "capabilities": ["code", "test"], "success_criteria": ["coverage over 80%"]}
]})";
}

QStringList ids(const QList<Goal> &goals)
{
    QStringList out;
    for (const Goal &goal : goals)
        out << goal.id;
    return out;
}

constexpr auto KeyVariable = "SWITCHBOARD_TEST_PLANNER_KEY";

// An LLM profile that plans against a scripted server, its key in an environment of its own.
AgentProfile plannerFor(const test::ScriptedModelServer &server)
{
    AgentProfile planner = test::ProfileBuilder(u"planner"_s, llm::apiKindName(server.api()));
    planner.model = u"plan-model"_s;
    planner.llm.baseUrl = server.baseUrl().toString();
    planner.llm.apiKeyEnv = QString::fromLatin1(KeyVariable);
    planner.llm.inputPerMTok = 2.0;
    planner.llm.outputPerMTok = 10.0;
    return planner;
}

QProcessEnvironment keyEnvironment()
{
    QProcessEnvironment environment;
    environment.insert(QString::fromLatin1(KeyVariable), u"sk-plan-test"_s);
    return environment;
}

// The system prompt as the wire format carries it: OpenAI's first message, Anthropic's "system".
QString systemPromptOf(const test::RecordedRequest &request)
{
    const QJsonValue system = request.json.value(u"system"_s);
    if (system.isString())
        return system.toString();
    if (system.isArray()) {
        QString text;
        for (const QJsonValue &block : system.toArray())
            text += block.toObject().value(u"text"_s).toString();
        return text;
    }
    const QJsonObject first = request.json.value(u"messages"_s).toArray().first().toObject();
    return first.value(u"role"_s).toString() == u"system"_s ? first.value(u"content"_s).toString() : QString();
}

QStringList details(const QList<GoalProblem> &problems)
{
    QStringList out;
    for (const GoalProblem &problem : problems)
        out << problem.detail();
    return out;
}

} // namespace

class TestAiPlanner final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void validReplyGivesTheModelsGoals();
    void jsonIsFoundAroundProse_data();
    void jsonIsFoundAroundProse();
    void notJsonIsRefusedWithItsPlace_data();
    void notJsonIsRefusedWithItsPlace();
    void planRulesApply_data();
    void planRulesApply();
    void cycleNamesEveryGoalOnIt();
    void wrongFieldTypesNameGoalAndField();
    void promptListsProfilesAndAsksForJsonOnly();
    void retryPromptCarriesTheProblems();
    void writtenPlanLoadsBackToTheSameGoals();

    // Against a server speaking each API.
    void modelPlanAcceptedOrRejected_data();
    void modelPlanAcceptedOrRejected();
    void requestCarriesTheRulesAndProfiles_data();
    void requestCarriesTheRulesAndProfiles();
    void retryTellsTheModelWhatWasWrong();
    void truncatedReplySaysSo();
    void failedCallIsNotAPlan();
    void abortEndsTheCallAtOnce();
};

void TestAiPlanner::validReplyGivesTheModelsGoals()
{
    const PlanDraft draft = PlanReply::interpret(QString::fromUtf8(restApiPlan()), runProfiles());
    QVERIFY2(draft.problems.isEmpty(), qPrintable(details(draft.problems).join(u'\n')));
    QVERIFY(draft.isRunnable());
    QCOMPARE(ids(draft.goals), (QStringList{u"design"_s, u"server"_s, u"tests"_s}));
    const Goal &server = draft.goals.at(1);
    QCOMPARE(server.title, u"Implement the server"_s);
    QCOMPARE(server.description, u"Implement the endpoints of the spec."_s);
    QCOMPARE(server.dependsOn, QStringList{u"design"_s});
    QCOMPARE(server.capabilities, QStringList{u"code"_s});
    QCOMPARE(server.successCriteria, (QStringList{u"all endpoints answer"_s, u"tests pass"_s}));
    QCOMPARE(draft.goals.at(0).description, u"Write the OpenAPI spec.\nCover every resource."_s);
}

void TestAiPlanner::jsonIsFoundAroundProse_data()
{
    QTest::addColumn<QString>("reply");
    const QString plan = QString::fromUtf8(restApiPlan());
    QTest::newRow("bare") << plan;
    QTest::newRow("json fence") << u"Here is the plan:\n\n```json\n"_s + plan + u"\n```\nGood luck!"_s;
    QTest::newRow("plain fence") << u"```\n"_s + plan + u"\n```"_s;
    QTest::newRow("prose around") << u"Sure! The plan {as you asked} follows.\n"_s + plan + u"\nLet me know."_s;
    QTest::newRow("fence after a snippet")
        << u"First an example: ```python\nprint({1: 2})\n```\nand the plan:\n```json\n"_s + plan + u"\n```"_s;
    const QJsonArray goals = QJsonDocument::fromJson(restApiPlan()).object().value(u"goals"_s).toArray();
    QTest::newRow("bare array") << QString::fromUtf8(QJsonDocument(goals).toJson());
}

void TestAiPlanner::jsonIsFoundAroundProse()
{
    QFETCH(QString, reply);
    const PlanDraft draft = PlanReply::interpret(reply, runProfiles());
    QVERIFY2(draft.problems.isEmpty(), qPrintable(details(draft.problems).join(u'\n')));
    QCOMPARE(ids(draft.goals), (QStringList{u"design"_s, u"server"_s, u"tests"_s}));
}

void TestAiPlanner::notJsonIsRefusedWithItsPlace_data()
{
    QTest::addColumn<QString>("reply");
    QTest::addColumn<QString>("reason");
    QTest::newRow("prose only") << u"I would start by designing the API, then build it."_s
                                << u"reply is not JSON: it holds no JSON object (it reads “I would start by"_s;
    QTest::newRow("empty") << QString() << u"reply is not JSON: the reply is empty"_s;
    // Cut off by the token limit: the object never closes; the place is where the reply ends.
    QTest::newRow("cut off") << u"{\"goals\": [\n  {\"id\": \"a\",\n   \"title\": \"A"_s << u"reply is not JSON: "_s;
    QTest::newRow("trailing comma") << u"Plan:\n```json\n{\"goals\": [\n  {\"id\": \"a\"},\n]}\n```"_s
                                    << u"reply is not JSON: object is missing after a comma at line 5 column 2"_s;
}

void TestAiPlanner::notJsonIsRefusedWithItsPlace()
{
    QFETCH(QString, reply);
    QFETCH(QString, reason);
    const PlanDraft draft = PlanReply::interpret(reply, runProfiles());
    QVERIFY(!draft.isRunnable());
    QVERIFY(draft.goals.isEmpty());
    QCOMPARE(draft.problems.size(), 1);
    const GoalProblem &problem = draft.problems.first();
    QCOMPARE(problem.goalIndex, -1);
    QVERIFY2(problem.message().contains(reason), qPrintable(problem.message()));
    if (!reply.isEmpty() && reply.contains(u'{'))
        QVERIFY2(problem.message().contains(u" at line "_s), qPrintable(problem.message()));
}

void TestAiPlanner::planRulesApply_data()
{
    QTest::addColumn<QString>("goals");
    QTest::addColumn<QStringList>("expected");
    QTest::newRow("unknown dependency") << uR"([{"id":"a"},{"id":"b","depends_on":["x"]}])"_s
                                        << QStringList{u"goal 'b': depends_on: unknown dependency 'x'"_s};
    QTest::newRow("duplicate id") << uR"([{"id":"a"},{"id":"a"}])"_s << QStringList{u"goal 'a': id: duplicate id"_s};
    QTest::newRow("missing id") << uR"([{"title":"Nameless"}])"_s
                                << QStringList{u"goal #1 ('Nameless'): id: missing id"_s};
    QTest::newRow("id with spaces")
        << uR"([{"id":"set up db"}])"_s
        << QStringList{
               u"goal 'set up db': id: not a simple name: use letters, digits, '-', '_' or '.', without spaces"_s};
    QTest::newRow("unknown capability") << uR"([{"id":"a","capabilities":["gpu"]}])"_s
                                        << QStringList{
                                               u"goal 'a': capabilities: no profile has the capabilities: gpu"_s};
    QTest::newRow("no single profile") << uR"([{"id":"a","capabilities":["code","docs"]}])"_s
                                       << QStringList{
                                              u"goal 'a': capabilities: no single profile has all of: code, docs"_s};
    QTest::newRow("unknown profile") << uR"([{"id":"a","profile":"ghost"}])"_s
                                     << QStringList{
                                            u"goal 'a': profile: unknown profile 'ghost' (known: coder, writer)"_s};
    QTest::newRow("self dependency") << uR"([{"id":"a","depends_on":["a"]}])"_s
                                     << QStringList{u"goal 'a': depends_on: depends on itself"_s};
    QTest::newRow("no goals") << uR"({"goals": []})"_s << QStringList{u"the plan has no goals"_s};
    QTest::newRow("numbered ids") << uR"([{"id":1},{"id":2,"depends_on":[1]}])"_s << QStringList{};
    // Every problem at once, a cycle too: the person fixes them in one go.
    QTest::newRow("cycle and capability")
        << uR"([{"id":"a","depends_on":["b"],"capabilities":["gpu"]},{"id":"b","depends_on":["a"]}])"_s
        << QStringList{u"goal 'a': capabilities: no profile has the capabilities: gpu"_s, u"cycle: a -> b -> a"_s};
}

void TestAiPlanner::planRulesApply()
{
    QFETCH(QString, goals);
    QFETCH(QStringList, expected);
    const PlanDraft draft = PlanReply::interpret(goals, runProfiles());
    QCOMPARE(details(draft.problems), expected);
    QCOMPARE(draft.isRunnable(), expected.isEmpty());
}

void TestAiPlanner::cycleNamesEveryGoalOnIt()
{
    const QString reply = uR"({"goals":[{"id":"root"},{"id":"a","depends_on":["root","c"]},
        {"id":"b","depends_on":["a"]},{"id":"c","depends_on":["b"]}]})"_s;
    const PlanDraft draft = PlanReply::interpret(reply, runProfiles());
    QCOMPARE(draft.problems.size(), 1);
    const GoalProblem &cycle = draft.problems.first();
    QCOMPARE(cycle.message(), u"cycle: a -> c -> b -> a"_s);
    QCOMPARE(cycle.field, u"depends_on"_s);
    QCOMPARE(cycle.goalIndex, 1);
    QCOMPARE(cycle.goalIds, (QStringList{u"a"_s, u"c"_s, u"b"_s}));
    QVERIFY(!cycle.concerns(u"root"_s));
}

void TestAiPlanner::wrongFieldTypesNameGoalAndField()
{
    const QString reply =
        uR"({"goals":[{"id":"a","depends_on":"b","capabilities":[3],"success_criteria":"it works"},{"id":"b"},
        "c", {"id":"d","title":["x"],"priority":"urgent"}]})"_s;
    const PlanDraft draft = PlanReply::interpret(reply, runProfiles());
    QCOMPARE(ids(draft.goals), (QStringList{u"a"_s, u"b"_s, u"d"_s}));
    // One string stands for a list of one, as in plan files.
    QCOMPARE(draft.goals.at(0).dependsOn, QStringList{u"b"_s});
    QCOMPARE(draft.goals.at(0).successCriteria, QStringList{u"it works"_s});
    QCOMPARE(details(draft.problems),
             (QStringList{
                 u"goal 'a': capabilities: expected a list of strings, got a number"_s,
                 u"goals[2]: expected an object, got a string"_s, u"goal 'd': title: expected a string, got a list"_s,
                 u"goal 'd': priority: unknown priority 'urgent' (expected low, medium, high or critical)"_s}));
    QCOMPARE(draft.problems.at(0).goalIndex, 0);
    QCOMPARE(draft.problems.at(2).goalIndex, 2);
    // A title left out (or unreadable) defaults as in plan files.
    QCOMPARE(draft.goals.at(2).title, u"d"_s);

    const PlanDraft noGoals = PlanReply::interpret(uR"({"tasks": [{"id": "a"}]})"_s, runProfiles());
    QCOMPARE(details(noGoals.problems), QStringList{u"the reply's JSON has no \"goals\" list (it has: tasks)"_s});
}

void TestAiPlanner::promptListsProfilesAndAsksForJsonOnly()
{
    const llm::ChatRequest request = PlanPrompt::request(u"Build a REST API"_s, runProfiles());
    QVERIFY(request.system.contains(u"JSON only"_s));
    QVERIFY(request.system.contains(u"\"depends_on\""_s));
    QVERIFY(request.system.contains(u"\"success_criteria\""_s));
    QVERIFY(request.system.contains(u"- coder: code, test"_s));
    QVERIFY(request.system.contains(u"- writer: docs"_s));
    QVERIFY(request.system.contains(u"Known capabilities: code, docs, test"_s));
    QVERIFY(request.tools.isEmpty());
    QCOMPARE(request.messages.size(), 1);
    QCOMPARE(request.messages.first().role, llm::ChatMessage::Role::User);
    QVERIFY(request.messages.first().text.contains(u"Build a REST API"_s));

    const QString none = PlanPrompt::system({test::ProfileBuilder(u"any"_s, u"openai"_s)});
    QVERIFY(none.contains(u"leave every \"capabilities\" list empty"_s));
}

void TestAiPlanner::retryPromptCarriesTheProblems()
{
    const QString reply = uR"({"goals":[{"id":"a","depends_on":["b"]},{"id":"b","depends_on":["a"]}]})"_s;
    const PlanDraft draft = PlanReply::interpret(reply, runProfiles());
    const llm::ChatRequest request = PlanPrompt::retry(u"Objective"_s, runProfiles(), reply, draft.problems);
    QCOMPARE(request.messages.size(), 3);
    QCOMPARE(request.messages.at(1).role, llm::ChatMessage::Role::Assistant);
    QCOMPARE(request.messages.at(1).text, reply);
    QCOMPARE(request.messages.at(2).role, llm::ChatMessage::Role::User);
    QVERIFY(request.messages.at(2).text.contains(u"cycle: a -> b -> a"_s));
    QVERIFY(request.messages.at(2).text.contains(u"JSON only"_s));
}

void TestAiPlanner::writtenPlanLoadsBackToTheSameGoals()
{
    Goal full;
    full.id = u"api"_s;
    full.title = u"Build: the \"API\""_s;
    full.description = u"First line.\n  indented second line\n\n# not a comment"_s;
    full.priority = Priority::High;
    full.deadline = QDateTime(QDate(2030, 1, 2), QTime(3, 4, 5), Qt::UTC);
    full.successCriteria = {u"yes"_s, u"tests: pass"_s, u"- a dash"_s};
    full.capabilities = {u"code"_s};
    full.resources = {u"src/api"_s};
    full.profile = u"coder"_s;
    full.retry = RetryPolicy{};
    full.retry->maxRetries = 1;
    full.retry->backoffS = {2.5};
    full.budget.maxTokens = 5000;
    full.budget.maxCostUsd = 0.5;
    Goal plain;
    plain.id = u"docs"_s;
    plain.title = u"null"_s;
    plain.dependsOn = {u"api"_s};
    plain.capabilities = {u"docs"_s};

    const QList<Goal> goals{full, plain};
    const QByteArray yaml =
        PlanWriter::toYaml(u"REST API"_s, u"Build a REST API\nwith docs"_s, goals, u"Planned by a model"_s);
    QVERIFY2(yaml.startsWith("# Planned by a model\n"), yaml.constData());

    Config base;
    base.profiles = runProfiles();
    ConfigError error;
    const std::optional<Plan> plan = PlanLoader::loadString(yaml, u"ai.yaml"_s, base, &error);
    QVERIFY2(plan, qPrintable(error.toString() + u'\n' + QString::fromUtf8(yaml)));
    QVERIFY2(plan->warnings.isEmpty(), qPrintable(plan->warnings.value(0).toString()));
    QCOMPARE(plan->name, u"REST API"_s);
    QCOMPARE(plan->description, u"Build a REST API\nwith docs"_s);
    QCOMPARE(plan->goals.size(), goals.size());
    for (int i = 0; i < goals.size(); ++i) {
        const Goal &want = goals.at(i);
        const Goal &got = plan->goals.at(i);
        QCOMPARE(got.id, want.id);
        QCOMPARE(got.title, want.title);
        QCOMPARE(got.description, want.description);
        QCOMPARE(got.priority, want.priority);
        QCOMPARE(got.deadline, want.deadline);
        QCOMPARE(got.successCriteria, want.successCriteria);
        QCOMPARE(got.dependsOn, want.dependsOn);
        QCOMPARE(got.capabilities, want.capabilities);
        QCOMPARE(got.resources, want.resources);
        QCOMPARE(got.profile, want.profile);
        QCOMPARE(got.retry.has_value(), want.retry.has_value());
        if (want.retry) {
            QCOMPARE(got.retry->maxRetries, want.retry->maxRetries);
            QCOMPARE(got.retry->backoffS, want.retry->backoffS);
            QCOMPARE(got.retry->jitter, want.retry->jitter);
            QCOMPARE(got.retry->nonRetryable, want.retry->nonRetryable);
        }
        QCOMPARE(got.budget.maxTokens, want.budget.maxTokens);
        QCOMPARE(got.budget.maxCostUsd, want.budget.maxCostUsd);
    }

    // And a model's plan, written and read back, is the plan the model gave.
    const PlanDraft draft = PlanReply::interpret(QString::fromUtf8(restApiPlan()), runProfiles());
    const std::optional<Plan> again =
        PlanLoader::loadString(PlanWriter::toYaml(u"x"_s, QString(), draft.goals), u"x.yaml"_s, base, &error);
    QVERIFY2(again, qPrintable(error.toString()));
    QCOMPARE(ids(again->goals), ids(draft.goals));
    for (int i = 0; i < draft.goals.size(); ++i) {
        QCOMPARE(again->goals.at(i).description, draft.goals.at(i).description);
        QCOMPARE(again->goals.at(i).successCriteria, draft.goals.at(i).successCriteria);
        QCOMPARE(again->goals.at(i).dependsOn, draft.goals.at(i).dependsOn);
    }
}

void TestAiPlanner::modelPlanAcceptedOrRejected_data()
{
    QTest::addColumn<QString>("api");
    QTest::addColumn<QString>("reply");
    QTest::addColumn<QStringList>("problems");
    const QString plan = QString::fromUtf8(restApiPlan());
    for (const QString &api : {u"openai"_s, u"anthropic"_s}) {
        const QByteArray a = api.toLatin1();
        QTest::addRow("%s valid", a.constData()) << api << plan << QStringList{};
        QTest::addRow("%s fenced", a.constData())
            << api << u"Here you go:\n```json\n"_s + plan + u"\n```\n"_s << QStringList{};
        QTest::addRow("%s cycle", a.constData())
            << api << uR"({"goals":[{"id":"a","depends_on":["c"]},{"id":"b","depends_on":["a"]},
                {"id":"c","depends_on":["b"]}]})"_s
            << QStringList{u"cycle: a -> c -> b -> a"_s};
        QTest::addRow("%s unknown dependency", a.constData())
            << api << uR"({"goals":[{"id":"a"},{"id":"b","depends_on":["x"]}]})"_s
            << QStringList{u"goal 'b': depends_on: unknown dependency 'x'"_s};
        QTest::addRow("%s prose", a.constData())
            << api << u"First design the API, then implement it, then test it."_s
            << QStringList{u"reply is not JSON: it holds no JSON object (it reads “First design the API, then "
                           "implement it, then test it.”)"_s};
    }
}

void TestAiPlanner::modelPlanAcceptedOrRejected()
{
    QFETCH(QString, api);
    QFETCH(QString, reply);
    QFETCH(QStringList, problems);
    test::ScriptedModelServer server(*llm::apiKindFromName(api), u"sk-plan-test"_s);
    server.enqueue(test::ScriptedReply::text(reply).usage(1500, 400).model(u"plan-model-2025"_s).textPieces(7));
    AiPlanner planner(plannerFor(server), runProfiles(), keyEnvironment());
    const AiPlanResult result = planner.plan(u"Build a REST API"_s);
    QVERIFY2(server.ok(), qPrintable(server.report()));
    QCOMPARE(server.requestCount(), 1);
    QVERIFY2(result.status != AiPlanResult::Status::Failed, qPrintable(result.error));
    QCOMPARE(details(result.draft.problems), problems);
    QCOMPARE(result.status, problems.isEmpty() ? AiPlanResult::Status::Planned : AiPlanResult::Status::Invalid);
    QCOMPARE(result.reply, reply);
    QCOMPARE(result.model, u"plan-model-2025"_s);
    QCOMPARE(result.usage, (llm::Usage{1500, 400}));
    QCOMPARE(result.costUsd, (1500 * 2.0 + 400 * 10.0) / 1e6);
    if (problems.isEmpty()) {
        // The goals are the model's, as it wrote them.
        const PlanDraft expected = PlanReply::interpret(QString::fromUtf8(restApiPlan()), runProfiles());
        QCOMPARE(ids(result.draft.goals), ids(expected.goals));
        for (int i = 0; i < expected.goals.size(); ++i) {
            QCOMPARE(result.draft.goals.at(i).title, expected.goals.at(i).title);
            QCOMPARE(result.draft.goals.at(i).description, expected.goals.at(i).description);
            QCOMPARE(result.draft.goals.at(i).dependsOn, expected.goals.at(i).dependsOn);
            QCOMPARE(result.draft.goals.at(i).capabilities, expected.goals.at(i).capabilities);
            QCOMPARE(result.draft.goals.at(i).successCriteria, expected.goals.at(i).successCriteria);
        }
    }
}

void TestAiPlanner::requestCarriesTheRulesAndProfiles_data()
{
    QTest::addColumn<QString>("api");
    QTest::newRow("openai") << u"openai"_s;
    QTest::newRow("anthropic") << u"anthropic"_s;
}

void TestAiPlanner::requestCarriesTheRulesAndProfiles()
{
    QFETCH(QString, api);
    test::ScriptedModelServer server(*llm::apiKindFromName(api), u"sk-plan-test"_s);
    server.enqueue(test::ScriptedReply::text(QString::fromUtf8(restApiPlan())));
    AiPlanner planner(plannerFor(server), runProfiles(), keyEnvironment());
    QVERIFY(planner.plan(u"Build a REST API with docs"_s).isPlanned());
    QVERIFY2(server.ok(), qPrintable(server.report()));
    const test::RecordedRequest request = server.lastRequest();
    QCOMPARE(request.json.value(u"model"_s).toString(), u"plan-model"_s);
    const QString system = systemPromptOf(request);
    QVERIFY2(system.contains(u"Answer with JSON only"_s), qPrintable(system));
    QVERIFY(system.contains(u"Known capabilities: code, docs, test"_s));
    QVERIFY(system.contains(u"- coder: code, test"_s));
    QVERIFY(system.contains(u"- writer: docs"_s));
    QVERIFY(!request.json.contains(u"tools"_s));
    const QJsonArray messages = request.json.value(u"messages"_s).toArray();
    const QJsonObject user = messages.last().toObject();
    QCOMPARE(user.value(u"role"_s).toString(), u"user"_s);
    QVERIFY(QJsonDocument(user).toJson().contains("Build a REST API with docs"));
}

void TestAiPlanner::retryTellsTheModelWhatWasWrong()
{
    test::ScriptedModelServer server(llm::ApiKind::Anthropic, u"sk-plan-test"_s);
    const QString cyclic = uR"({"goals":[{"id":"a","depends_on":["b"]},{"id":"b","depends_on":["a"]}]})"_s;
    server.enqueue(test::ScriptedReply::text(cyclic));
    server.enqueue(test::ScriptedReply::text(QString::fromUtf8(restApiPlan())));
    AiPlanner planner(plannerFor(server), runProfiles(), keyEnvironment());
    const AiPlanResult first = planner.plan(u"Build a REST API"_s);
    QCOMPARE(first.status, AiPlanResult::Status::Invalid);
    const AiPlanResult second = planner.retry(u"Build a REST API"_s, first);
    QVERIFY2(server.ok(), qPrintable(server.report()));
    QCOMPARE(second.status, AiPlanResult::Status::Planned);
    const QJsonArray messages = server.lastRequest().json.value(u"messages"_s).toArray();
    QCOMPARE(messages.size(), 3);
    QCOMPARE(messages.at(1).toObject().value(u"role"_s).toString(), u"assistant"_s);
    const QByteArray feedback = QJsonDocument(messages.at(2).toObject()).toJson();
    QVERIFY2(feedback.contains("cycle: a -> b -> a"), feedback.constData());
}

void TestAiPlanner::truncatedReplySaysSo()
{
    test::ScriptedModelServer server(llm::ApiKind::OpenAi, u"sk-plan-test"_s);
    server.enqueue(test::ScriptedReply::text(u"{\"goals\": [{\"id\": \"design\", \"title\": \"Des"_s).truncated());
    AiPlanner planner(plannerFor(server), runProfiles(), keyEnvironment());
    const AiPlanResult result = planner.plan(u"Build a REST API"_s);
    QVERIFY2(server.ok(), qPrintable(server.report()));
    QCOMPARE(result.status, AiPlanResult::Status::Invalid);
    QCOMPARE(result.draft.problems.size(), 2);
    QVERIFY2(result.draft.problems.at(0).message().startsWith(u"the reply was cut off at the token limit (length)"_s),
             qPrintable(result.draft.problems.at(0).message()));
    QVERIFY(result.draft.problems.at(0).message().contains(u"max_tokens of profile 'planner'"_s));
    QVERIFY(result.draft.problems.at(1).message().startsWith(u"reply is not JSON: "_s));
}

void TestAiPlanner::failedCallIsNotAPlan()
{
    test::ScriptedModelServer server(llm::ApiKind::OpenAi, u"sk-plan-test"_s);
    server.enqueue(test::ScriptedReply::httpError(401, u"Incorrect API key provided"_s));
    AiPlanner planner(plannerFor(server), runProfiles(), keyEnvironment());
    const AiPlanResult result = planner.plan(u"Build a REST API"_s);
    QCOMPARE(result.status, AiPlanResult::Status::Failed);
    QVERIFY2(result.error.contains(u"Incorrect API key provided"_s), qPrintable(result.error));
    QVERIFY(!result.error.contains(u"sk-plan-test"_s));
    QVERIFY(result.draft.goals.isEmpty());

    // Without the key the planner says which variable to set, and asks nothing.
    AiPlanner keyless(plannerFor(server), runProfiles(), QProcessEnvironment());
    const AiPlanResult noKey = keyless.plan(u"Build a REST API"_s);
    QCOMPARE(noKey.status, AiPlanResult::Status::Failed);
    QVERIFY2(noKey.error.contains(QString::fromLatin1(KeyVariable)), qPrintable(noKey.error));
    QCOMPARE(server.requestCount(), 1);

    // A profile that is no model cannot plan.
    AiPlanner demo(test::ProfileBuilder(u"demo"_s), runProfiles(), keyEnvironment());
    QCOMPARE(demo.plan(u"x"_s).status, AiPlanResult::Status::Failed);
}

void TestAiPlanner::abortEndsTheCallAtOnce()
{
    test::ScriptedModelServer server(llm::ApiKind::OpenAi, u"sk-plan-test"_s);
    server.enqueue(test::ScriptedReply::text(QString::fromUtf8(restApiPlan())).firstByteDelay(60'000));
    AiPlanner planner(plannerFor(server), runProfiles(), keyEnvironment());
    QFuture<AiPlanResult> future = QtConcurrent::run([&planner] { return planner.plan(u"Build a REST API"_s); });
    QTRY_COMPARE(server.requestCount(), 1); // the call is in flight
    planner.abort();
    future.waitForFinished(); // at once: the reply would take a minute
    QCOMPARE(future.result().status, AiPlanResult::Status::Cancelled);
    // An aborted planner stays done.
    QCOMPARE(planner.plan(u"again"_s).status, AiPlanResult::Status::Cancelled);
    QCOMPARE(server.requestCount(), 1);
}

QTEST_GUILESS_MAIN(TestAiPlanner)
#include "tst_aiplanner.moc"
