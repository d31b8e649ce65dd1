// The "openai" and "anthropic" backends end to end: goals run through the Orchestrator on a model served by
// a ScriptedModelServer speaking the real wire format (which checks every request the agent sends), in a real
// workspace with the run's locks, inbox and store. For both APIs: the tool loop reads, asks the human,
// writes under a lock and finishes; escapes are refused; usage and cost add up; replies that cannot be used
// run no tool; model errors feed the retry machinery; cancel aborts the request in flight; and the API key
// never reaches the database, the logs or the output.
#include "agents/BackendRegistry.h"
#include "agents/llm/AgentPrompt.h"
#include "agents/llm/LlmAgent.h"
#include "agents/llm/ProtocolTools.h"
#include "agents/llm/WorkspaceTools.h"
#include "config/LlmProfileRules.h"
#include "coordination/Scratchpad.h"
#include "model/RunSummary.h"
#include "orchestration/AgentLog.h"
#include "orchestration/AttemptContext.h"
#include "orchestration/Orchestrator.h"
#include "persistence/Store.h"
#include "persistence/StoreSnapshot.h"
#include "support/GoalBuilder.h"
#include "support/ScriptedModelServer.h"
#include "support/TemporaryStore.h"

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

Q_DECLARE_METATYPE(switchboard::llm::ApiKind)

using namespace switchboard;
using namespace Qt::StringLiterals;
using test::GoalBuilder;
using test::ScriptedModelServer;
using test::ScriptedReply;

namespace {

const QString keyVariable = u"SWITCHBOARD_TST_LLM_KEY"_s;
// Distinctive, so finding it anywhere on disk means it leaked.
const QString apiKey = u"sk-tst-7c3f9a1e5b2d4c68-secret"_s;

QByteArray readAll(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

llm::ToolCall toolCall(const QString &id, const QString &name, const QJsonObject &arguments)
{
    return {id, name, QString::fromUtf8(QJsonDocument(arguments).toJson(QJsonDocument::Compact))};
}

// The text of every message the agent sent in this request (tool results included), as JSON text.
QString bodyOf(const test::RecordedRequest &request)
{
    return QString::fromUtf8(request.body);
}

// One run: an orchestrator on a workspace with a store and a log directory, a model server, and a profile
// of the API under test pointed at it.
struct Run
{
    Q_DISABLE_COPY_MOVE(Run)

    explicit Run(llm::ApiKind api)
        : server(api, apiKey)
    {
        profile.name = u"coder"_s;
        profile.backend = llm::apiKindName(api);
        profile.model = u"test-model"_s;
        profile.retry.maxRetries = 0;
        profile.llm.baseUrl = server.baseUrl().toString();
        profile.llm.apiKeyEnv = keyVariable;
        profile.llm.inputPerMTok = 1000.0;  // $ per million: 10 in-tokens cost 0.01
        profile.llm.outputPerMTok = 2000.0; // 5 out-tokens cost 0.01
        profile.llm.maxTokens = 1024;
        o.setWorkspace(workspace.path());
        o.setLogDirectory(logs.path());
        o.setEscalateExhaustedRetries(false);
    }

    ~Run()
    {
        o.cancelAll();
        o.waitAll(10000);
    }

    QString spawn(const QString &title = u"Uppercase the input"_s)
    {
        o.setProfiles({profile});
        QString error;
        const QString id =
            o.spawn(GoalBuilder(u"g1"_s).title(title).description(u"Read input.txt."_s).profile(u"coder"_s), &error);
        if (id.isEmpty())
            qWarning("spawn failed: %s", qPrintable(error));
        return id;
    }

    AgentStatus finished(const QString &id, int timeoutMs = 30000)
    {
        if (!o.waitAll(timeoutMs))
            qWarning("the run did not finish");
        return o.status(id).value_or(AgentStatus());
    }

    QString ws(const QString &relative) const { return QDir(workspace.path()).filePath(relative); }
    QString logText(const QString &id) const { return o.agentLog(id).join(u'\n'); }

    QTemporaryDir workspace;
    QTemporaryDir logs;
    ScriptedModelServer server;
    AgentProfile profile;
    Orchestrator o;
};

} // namespace

class TestLlmAgent final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void registered();
    void promptCarriesTheGoal();

    void readsAsksWritesAndFinishes_data() { apis(); }
    void readsAsksWritesAndFinishes();
    void escapeIsRefusedAndAnswerIsTheResult_data() { apis(); }
    void escapeIsRefusedAndAnswerIsTheResult();
    void maxIterationsFails_data() { apis(); }
    void maxIterationsFails();
    void unusableRepliesRunNoTool_data() { apis(); }
    void unusableRepliesRunNoTool();
    void unusableRepliesAreBounded_data() { apis(); }
    void unusableRepliesAreBounded();
    void rateLimitPausesAndRetries_data();
    void rateLimitPausesAndRetries();
    void serverErrorRetries_data() { apis(); }
    void serverErrorRetries();
    void unauthorizedFailsAtOnce_data() { apis(); }
    void unauthorizedFailsAtOnce();
    void cancelAbortsTheRequest_data() { apis(); }
    void cancelAbortsTheRequest();
    void missingKeyFailsAtOnce_data() { apis(); }
    void missingKeyFailsAtOnce();
    void keyIsNeverWritten_data() { apis(); }
    void keyIsNeverWritten();

private:
    static void apis()
    {
        QTest::addColumn<llm::ApiKind>("api");
        QTest::newRow("openai") << llm::ApiKind::OpenAi;
        QTest::newRow("anthropic") << llm::ApiKind::Anthropic;
    }
};

void TestLlmAgent::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    qputenv(keyVariable.toUtf8().constData(), apiKey.toUtf8());
    qunsetenv("SWITCHBOARD_TST_UNSET_KEY");
}

void TestLlmAgent::registered()
{
    const BackendRegistry registry = BackendRegistry::withBuiltins();
    for (const QString &name : {u"openai"_s, u"anthropic"_s}) {
        const BackendRegistry::Backend *backend = registry.find(name);
        QVERIFY2(backend, qPrintable(name));
        QVERIFY(backend->factory);
        QVERIFY(backend->validate);
        AgentProfile profile;
        profile.backend = name;
        profile.model = u"m"_s;
        QVERIFY(registry.create(profile) != nullptr);
    }
}

void TestLlmAgent::promptCarriesTheGoal()
{
    Goal goal;
    goal.id = u"api"_s;
    goal.title = u"Build the REST API"_s;
    goal.description = u"Endpoints for users and orders."_s;
    goal.successCriteria = {u"tests pass"_s, u"documented"_s};
    AgentProfile profile;
    profile.backend = u"openai"_s;
    profile.llm.runCommandAllow = {u"make"_s};
    Scratchpad scratchpad;
    QVERIFY(scratchpad.write(u"db"_s, u"use postgres"_s, u"a-7"_s));
    AttemptContext context(u"a-1"_s, goal, profile, 1, u"/work/space"_s, std::make_shared<AgentLog>(), nullptr);
    context.setScratchpad(&scratchpad);
    context.setInputs({{u"schema"_s, u"users(id, name)"_s}, {u"auth"_s, QJsonObject{{u"token"_s, u"jwt"_s}}}});
    context.setAnswers({QJsonObject{{u"question"_s, u"Which framework?"_s}, {u"option"_s, u"fastapi"_s}}});
    WorkspaceTools tools(context, profile.llm);
    const QString system = AgentPrompt::system(context, tools.specs() + ProtocolTools::specs());
    for (const QString &part : {u"Build the REST API"_s, u"Endpoints for users and orders."_s, u"- tests pass"_s,
                                u"- documented"_s, u"from goal schema:\nusers(id, name)"_s,
                                u"from goal auth:\n{\"token\":\"jwt\"}"_s, u"Q: Which framework?\nA: fastapi"_s,
                                u"[db] by a-7: use postgres"_s, u"/work/space"_s, u"run_command"_s, u"finish"_s})
        QVERIFY2(system.contains(part), qPrintable(part + u" not in:\n"_s + system));
    const QString first = AgentPrompt::goal(context);
    QVERIFY(first.startsWith(u"Your goal: Build the REST API"_s));
    QVERIFY(first.contains(u"Endpoints for users and orders."_s));
}

void TestLlmAgent::readsAsksWritesAndFinishes()
{
    QFETCH(llm::ApiKind, api);
    Run run(api);
    QFile input(run.ws(u"input.txt"_s));
    QVERIFY(input.open(QIODevice::WriteOnly));
    input.write("hello from the workspace\n");
    input.close();

    run.server.enqueue(
        ScriptedReply::toolCalls({toolCall(u"c1"_s, u"read_file"_s, {{u"path"_s, u"input.txt"_s}})}, u"Reading.\n"_s)
            .usage(100, 10));
    run.server.enqueue(ScriptedReply::toolCalls({toolCall(u"c2"_s, u"ask_human"_s,
                                                          {{u"question"_s, u"Uppercase all of it?"_s},
                                                           {u"options"_s, QJsonArray{u"yes"_s, u"no"_s}}})})
                           .usage(200, 20));
    run.server.enqueue(
        ScriptedReply::toolCalls(
            {toolCall(u"c3"_s, u"update_progress"_s, {{u"percent"_s, 80}, {u"step"_s, u"writing"_s}}),
             toolCall(u"c4"_s, u"write_file"_s,
                      {{u"path"_s, u"out/result.txt"_s}, {u"content"_s, u"HELLO FROM THE WORKSPACE\n"_s}})})
            .usage(300, 30)
            .argumentPieces(3));
    run.server.enqueue(
        ScriptedReply::toolCalls({toolCall(u"c5"_s, u"finish"_s, {{u"summary"_s, u"wrote out/result.txt"_s}})})
            .usage(400, 40));
    QSignalSpy acquired(&run.o.locks(), &LockManager::lockAcquired);

    const QString id = run.spawn();
    QVERIFY(!id.isEmpty());
    QTRY_COMPARE_WITH_TIMEOUT(run.o.inbox().open().size(), 1, 30000);
    const Escalation question = run.o.inbox().open().first();
    QCOMPARE(question.question, u"Uppercase all of it?"_s);
    QCOMPARE(question.agentId, id);
    // The agent's thread puts the question in the inbox; its card turns Escalated when the orchestrator has
    // handled the wait it reported, a moment later.
    QTRY_COMPARE(run.o.status(id)->state, AgentState::Escalated);
    QVERIFY(run.o.answer(question.id, u"yes"_s, QString()));

    const AgentStatus status = run.finished(id);
    QCOMPARE(status.state, AgentState::Completed);
    QCOMPARE(status.summary, u"wrote out/result.txt"_s);
    QCOMPARE(readAll(run.ws(u"out/result.txt"_s)), QByteArray("HELLO FROM THE WORKSPACE\n"));
    QVERIFY2(run.server.ok(), qPrintable(run.server.report()));
    QCOMPARE(run.server.requestCount(), 4);

    // What the model got back: the file, the human's answer, the write's result.
    QVERIFY(bodyOf(run.server.request(1)).contains(u"hello from the workspace"_s));
    QVERIFY(bodyOf(run.server.request(1)).contains(u"Uppercase the input"_s)); // the goal, in the first turn
    QVERIFY(bodyOf(run.server.request(2)).contains(u"The human chose"_s));
    QVERIFY(bodyOf(run.server.request(2)).contains(u"yes"_s));
    QVERIFY(bodyOf(run.server.request(3)).contains(u"created"_s));
    // Every tool was offered, each with its schema.
    const QString tools = bodyOf(run.server.request(0));
    for (const QString &name : {u"list_files"_s, u"read_file"_s, u"search_files"_s, u"write_file"_s, u"edit_file"_s,
                                u"ask_human"_s, u"update_progress"_s, u"add_note"_s, u"read_notes"_s, u"finish"_s})
        QVERIFY2(tools.contains(name), qPrintable(name));
    QVERIFY(!tools.contains(u"run_command"_s));

    // The write took the file's lock (and gave it back).
    QTRY_VERIFY(!acquired.isEmpty());
    bool lockedTheFile = false;
    for (const QList<QVariant> &signal : std::as_const(acquired)) {
        const LockInfo info = signal.at(0).value<LockInfo>();
        lockedTheFile = lockedTheFile || (info.resource == u"out/result.txt"_s && info.agentId == id);
    }
    QVERIFY(lockedTheFile);
    QVERIFY(run.o.locks().heldBy(id).isEmpty());

    // Usage and cost of the four calls.
    QCOMPARE(status.inputTokens, 1000);
    QCOMPARE(status.outputTokens, 100);
    QVERIFY(qFuzzyCompare(status.costUsd, (1000 * 1000.0 + 100 * 2000.0) / 1e6));
    // ... and for the run, as the headless summary prints them.
    const RunSummary summary = run.o.summary();
    QCOMPARE(summary.inputTokens, 1000);
    QCOMPARE(summary.outputTokens, 100);
    QVERIFY(qFuzzyCompare(summary.costUsd, status.costUsd));
    QVERIFY(summary.toText().contains(u"Tokens:               1000 in, 100 out"_s));
    QCOMPARE(summary.toJson().value(u"output_tokens").toInteger(), 100);
    // The streamed text went to the log a line at a time, and each tool call left a line.
    const QStringList log = run.o.agentLog(id);
    QVERIFY2(log.contains(u"Reading."_s), qPrintable(log.join(u'\n')));
    QVERIFY(log.contains(u"[tool] read_file input.txt: ok"_s));
    QVERIFY(log.contains(u"[tool] write_file out/result.txt: ok"_s));

    // The whole conversation is in the transcript, in order, with the usage of each call.
    using Kind = TranscriptEntry::Kind;
    const QList<TranscriptEntry> transcript = run.o.agentTranscript(id);
    QList<Kind> kinds;
    QStringList called;
    for (const TranscriptEntry &step : transcript) {
        kinds << step.kind;
        if (step.kind == Kind::ToolCall)
            called << step.toolName;
    }
    QCOMPARE(kinds,
             (QList<Kind>{Kind::System, Kind::User, Kind::Assistant, Kind::ToolCall, Kind::ToolResult, Kind::Assistant,
                          Kind::ToolCall, Kind::ToolResult, Kind::Assistant, Kind::ToolCall, Kind::ToolCall,
                          Kind::ToolResult, Kind::ToolResult, Kind::Assistant, Kind::ToolCall, Kind::ToolResult}));
    QCOMPARE(called, (QStringList{u"read_file"_s, u"ask_human"_s, u"update_progress"_s, u"write_file"_s, u"finish"_s}));
    QVERIFY(transcript.at(0).text.contains(u"Uppercase the input"_s));
    QCOMPARE(transcript.at(2).text, u"Reading.\n"_s);
    QCOMPARE(transcript.at(2).inputTokens, 100);
    QCOMPARE(transcript.at(2).outputTokens, 10);
    QVERIFY(qFuzzyCompare(transcript.at(2).costUsd, 0.12));
    QCOMPARE(transcript.at(3).toolCallId, u"c1"_s);
    QCOMPARE(QJsonDocument::fromJson(transcript.at(3).text.toUtf8()).object().value(u"path"_s).toString(),
             u"input.txt"_s);
    QCOMPARE(transcript.at(4).toolCallId, u"c1"_s);
    QVERIFY(transcript.at(4).text.contains(u"hello from the workspace"_s));
    QVERIFY(!transcript.at(4).isError);
    QVERIFY(transcript.at(7).text.contains(u"yes"_s));
    for (const TranscriptEntry &step : transcript) {
        QCOMPARE(step.agentId, id);
        QCOMPARE(step.attempt, 1);
    }
}

void TestLlmAgent::escapeIsRefusedAndAnswerIsTheResult()
{
    QFETCH(llm::ApiKind, api);
    Run run(api);
    const QString escaped = QDir(run.workspace.path()).filePath(u"../escaped-by-llm.txt"_s);
    QFile::remove(escaped);
    run.server.enqueue(ScriptedReply::toolCalls(
        {toolCall(u"c1"_s, u"write_file"_s, {{u"path"_s, u"../escaped-by-llm.txt"_s}, {u"content"_s, u"x"_s}})}));
    run.server.enqueue(ScriptedReply::text(u"I could not write outside the workspace.\nNothing was done."_s));

    const QString id = run.spawn();
    const AgentStatus status = run.finished(id);
    QCOMPARE(status.state, AgentState::Completed);
    QCOMPARE(status.summary, u"I could not write outside the workspace.\nNothing was done."_s);
    QVERIFY(!QFile::exists(escaped));
    QVERIFY2(run.server.ok(), qPrintable(run.server.report()));
    QCOMPARE(run.server.requestCount(), 2);
    QVERIFY(bodyOf(run.server.request(1)).contains(u"outside the workspace"_s));
    QVERIFY(run.o.agentLog(id).contains(u"Nothing was done."_s));
    bool refused = false;
    for (const TranscriptEntry &step : run.o.agentTranscript(id))
        refused = refused || (step.kind == TranscriptEntry::Kind::ToolResult && step.isError &&
                              step.toolName == u"write_file"_s && step.text.contains(u"outside the workspace"_s));
    QVERIFY(refused);
}

void TestLlmAgent::maxIterationsFails()
{
    QFETCH(llm::ApiKind, api);
    Run run(api);
    run.profile.llm.maxIterations = 2;
    run.profile.retry.maxRetries = 2; // not retried: another attempt would end the same way
    run.server.enqueue(ScriptedReply::toolCalls({toolCall(u"c1"_s, u"list_files"_s, {{u"path"_s, u"."_s}})}));
    run.server.enqueue(ScriptedReply::toolCalls({toolCall(u"c2"_s, u"read_notes"_s, {})}));
    run.server.enqueue(ScriptedReply::text(u"never asked for"_s));

    const QString id = run.spawn();
    const AgentStatus status = run.finished(id);
    QCOMPARE(status.state, AgentState::Failed);
    QVERIFY2(status.error.contains(u"max_iterations (2)"_s), qPrintable(status.error));
    QCOMPARE(status.errorKind, u"no_improvement"_s);
    QCOMPARE(status.attempt, 1);
    QCOMPARE(run.server.requestCount(), 2);
    QVERIFY2(run.server.ok(), qPrintable(run.server.report()));
}

void TestLlmAgent::unusableRepliesRunNoTool()
{
    QFETCH(llm::ApiKind, api);
    Run run(api);
    // Cut off at the token limit: its (complete-looking) call is not run.
    run.server.enqueue(ScriptedReply::toolCalls(
                           {toolCall(u"c1"_s, u"write_file"_s, {{u"path"_s, u"cut.txt"_s}, {u"content"_s, u"x"_s}})})
                           .truncated());
    // Arguments that are not JSON: none of the reply's calls run, the valid one neither.
    run.server.enqueue(ScriptedReply::toolCalls(
        {toolCall(u"c2"_s, u"write_file"_s, {{u"path"_s, u"first.txt"_s}, {u"content"_s, u"y"_s}}),
         {u"c3"_s, u"write_file"_s, u"{\"path\": \"broken.txt\", \"content\": \"unterminated"_s}}));
    run.server.enqueue(ScriptedReply::toolCalls(
        {toolCall(u"c4"_s, u"write_file"_s, {{u"path"_s, u"good.txt"_s}, {u"content"_s, u"z"_s}})}));
    // A plain answer cut off: the model is asked to go on (not taken as the result).
    run.server.enqueue(ScriptedReply::text(u"The answer is lon"_s).truncated());
    run.server.enqueue(ScriptedReply::toolCalls({toolCall(u"c5"_s, u"finish"_s, {{u"summary"_s, u"done"_s}})}));

    const QString id = run.spawn();
    const AgentStatus status = run.finished(id);
    QVERIFY2(status.state == AgentState::Completed, qPrintable(status.error + u'\n' + run.logText(id)));
    QCOMPARE(status.summary, u"done"_s);
    QVERIFY(!QFile::exists(run.ws(u"cut.txt"_s)));
    QVERIFY(!QFile::exists(run.ws(u"first.txt"_s)));
    QVERIFY(!QFile::exists(run.ws(u"broken.txt"_s)));
    QCOMPARE(readAll(run.ws(u"good.txt"_s)), QByteArray("z"));
    QVERIFY2(run.server.ok(), qPrintable(run.server.report()));
    QCOMPARE(run.server.requestCount(), 5);
    QVERIFY(bodyOf(run.server.request(1)).contains(u"cut off at the token limit"_s));
    QVERIFY(bodyOf(run.server.request(2)).contains(u"not valid JSON"_s));
    QVERIFY(bodyOf(run.server.request(2)).contains(u"another call in the same reply"_s));
    QVERIFY(bodyOf(run.server.request(3)).contains(u"created"_s));
    QVERIFY(bodyOf(run.server.request(4)).contains(u"Your reply was cut off"_s));
}

void TestLlmAgent::unusableRepliesAreBounded()
{
    QFETCH(llm::ApiKind, api);
    Run run(api);
    run.profile.retry.maxRetries = 2;
    for (int i = 0; i < LlmAgent::MaxMalformedReplies; ++i)
        run.server.enqueue(ScriptedReply::text(u"part %1 of a very long answ"_s.arg(i)).truncated());
    run.server.enqueue(ScriptedReply::text(u"never asked for"_s));

    const QString id = run.spawn();
    const AgentStatus status = run.finished(id);
    QCOMPARE(status.state, AgentState::Failed);
    QVERIFY2(status.error.contains(u"unusable replies in a row"_s), qPrintable(status.error));
    QCOMPARE(status.errorKind, u"invalid"_s);
    QCOMPARE(status.attempt, 1);
    QCOMPARE(run.server.requestCount(), LlmAgent::MaxMalformedReplies);
    QVERIFY2(run.server.ok(), qPrintable(run.server.report()));
}

void TestLlmAgent::rateLimitPausesAndRetries_data()
{
    QTest::addColumn<llm::ApiKind>("api");
    QTest::addColumn<int>("status");
    QTest::newRow("openai 429") << llm::ApiKind::OpenAi << 429;
    QTest::newRow("anthropic 429") << llm::ApiKind::Anthropic << 429;
    QTest::newRow("anthropic 529 overloaded") << llm::ApiKind::Anthropic << 529;
}

void TestLlmAgent::rateLimitPausesAndRetries()
{
    QFETCH(llm::ApiKind, api);
    QFETCH(int, status);
    Run run(api);
    run.profile.retry.maxRetries = 1;
    run.profile.retry.backoffS = {0.1};
    run.profile.retry.jitter = 0;
    run.server.enqueue(
        ScriptedReply::httpError(status, u"Rate limit reached for requests"_s).header("retry-after", "2"));
    run.server.enqueue(ScriptedReply::text(u"done after the pause"_s));
    QSignalSpy limited(&run.o, &Orchestrator::profileRateLimited);
    QSignalSpy retried(&run.o, &Orchestrator::agentRetryScheduled);

    const QString id = run.spawn();
    QTRY_COMPARE_WITH_TIMEOUT(limited.size(), 1, 30000);
    QCOMPARE(limited.first().at(0).toString(), u"coder"_s);
    const QDateTime until = limited.first().at(1).toDateTime();
    QVERIFY(until > QDateTime::currentDateTimeUtc().addSecs(-1));
    const AgentStatus final = run.finished(id);
    QCOMPARE(final.state, AgentState::Completed);
    QCOMPARE(final.summary, u"done after the pause"_s);
    QCOMPARE(final.attempt, 2);
    QCOMPARE(retried.size(), 1);
    QVERIFY2(retried.first().at(3).toString().contains(u"Rate limit reached"_s),
             qPrintable(retried.first().at(3).toString()));
    // The second attempt was not sent before the pause ended.
    QVERIFY(QDateTime::currentDateTimeUtc() >= until.addMSecs(-100));
    QCOMPARE(run.server.requestCount(), 2);
    QVERIFY2(run.server.ok(), qPrintable(run.server.report()));
}

void TestLlmAgent::serverErrorRetries()
{
    QFETCH(llm::ApiKind, api);
    Run run(api);
    run.profile.retry.maxRetries = 1;
    run.profile.retry.backoffS = {0.1};
    run.profile.retry.jitter = 0;
    run.server.enqueue(ScriptedReply::httpError(500, u"internal trouble"_s));
    run.server.enqueue(ScriptedReply::text(u"second time lucky"_s));
    QSignalSpy retried(&run.o, &Orchestrator::agentRetryScheduled);

    const QString id = run.spawn();
    const AgentStatus status = run.finished(id);
    QCOMPARE(status.state, AgentState::Completed);
    QCOMPARE(status.attempt, 2);
    QCOMPARE(retried.size(), 1);
    QVERIFY(retried.first().at(3).toString().contains(u"internal trouble"_s));
    QVERIFY2(run.server.ok(), qPrintable(run.server.report()));
}

void TestLlmAgent::unauthorizedFailsAtOnce()
{
    QFETCH(llm::ApiKind, api);
    Run run(api);
    run.profile.retry.maxRetries = 3;
    run.profile.retry.backoffS = {0.1};
    run.server.enqueue(ScriptedReply::httpError(401, u"Incorrect API key provided"_s));

    const QString id = run.spawn();
    const AgentStatus status = run.finished(id);
    QCOMPARE(status.state, AgentState::Failed);
    QVERIFY2(status.error.contains(u"Incorrect API key provided"_s), qPrintable(status.error));
    QVERIFY(status.error.contains(u"401"_s));
    QCOMPARE(status.errorKind, u"invalid"_s);
    QCOMPARE(status.attempt, 1);
    QCOMPARE(run.server.requestCount(), 1);
}

void TestLlmAgent::cancelAbortsTheRequest()
{
    QFETCH(llm::ApiKind, api);
    Run run(api);
    // Far longer than the test waits: only an abort ends this call.
    run.server.enqueue(ScriptedReply::text(u"too late"_s).firstByteDelay(120'000));
    run.profile.llm.connectTimeoutS = 300;

    const QString id = run.spawn();
    QTRY_COMPARE_WITH_TIMEOUT(run.server.requestCount(), 1, 30000);
    QTRY_COMPARE(run.o.status(id)->currentStep, u"calling model (iteration 1)"_s);
    QVERIFY(run.o.cancel(id));
    QTRY_COMPARE_WITH_TIMEOUT(run.o.status(id)->state, AgentState::Cancelled, 20000);
    QVERIFY(run.o.isIdle());
}

void TestLlmAgent::missingKeyFailsAtOnce()
{
    QFETCH(llm::ApiKind, api);
    Run run(api);
    run.profile.llm.apiKeyEnv = u"SWITCHBOARD_TST_UNSET_KEY"_s;
    run.profile.retry.maxRetries = 3;

    const QString id = run.spawn();
    const AgentStatus status = run.finished(id);
    QCOMPARE(status.state, AgentState::Failed);
    QVERIFY2(status.error.contains(u"SWITCHBOARD_TST_UNSET_KEY"_s), qPrintable(status.error));
    QCOMPARE(status.errorKind, u"invalid"_s);
    QCOMPARE(status.attempt, 1);
    QCOMPARE(run.server.requestCount(), 0);
}

void TestLlmAgent::keyIsNeverWritten()
{
    QFETCH(llm::ApiKind, api);
    Run run(api);
    test::TemporaryStore db;
    QVERIFY2(db.isOpen(), qPrintable(db.error()));
    run.o.setStore(&db.store());
    run.server.enqueue(ScriptedReply::toolCalls(
        {toolCall(u"c1"_s, u"add_note"_s, {{u"key"_s, u"setup"_s}, {u"text"_s, u"wrote config"_s}})}));
    run.server.enqueue(ScriptedReply::toolCalls(
        {toolCall(u"c2"_s, u"write_file"_s, {{u"path"_s, u"config.txt"_s}, {u"content"_s, u"model=test\n"_s}})}));
    run.server.enqueue(ScriptedReply::httpError(401, u"Incorrect API key provided"_s));

    const QString id = run.spawn();
    const AgentStatus status = run.finished(id);
    QCOMPARE(status.state, AgentState::Failed);
    QVERIFY2(run.server.ok(), qPrintable(run.server.report()));
    // The key went to the server (the server checked its header) ...
    QCOMPARE(run.server.requestCount(), 3);
    // ... and nowhere else: not the status, the log, the store's files, the log files or the workspace.
    const QByteArray key = apiKey.toUtf8();
    QVERIFY(!status.error.contains(apiKey));
    QVERIFY(!run.logText(id).contains(apiKey));
    QVERIFY(run.o.agentLog(id).size() > 2);
    QVERIFY(db.store().flush());
    // The store has the usage of the two calls that succeeded, priced.
    const StoreSnapshot stored = db.store().load();
    QCOMPARE(stored.agents.size(), 1);
    QCOMPARE(stored.agents.first().inputTokens, 20);
    QCOMPARE(stored.agents.first().outputTokens, 10);
    QVERIFY(qFuzzyCompare(stored.agents.first().costUsd, (20 * 1000.0 + 10 * 2000.0) / 1e6));
    QCOMPARE(status.inputTokens, 20);
    // The transcript is stored, the failed call included, and holds no key either.
    const QList<TranscriptEntry> transcript = db.store().transcript(id);
    QVERIFY(transcript.size() > 6);
    QCOMPARE(transcript.last().kind, TranscriptEntry::Kind::Error);
    QVERIFY2(transcript.last().text.contains(u"Incorrect API key provided"_s), qPrintable(transcript.last().text));
    for (const TranscriptEntry &step : transcript)
        QVERIFY(!step.text.contains(apiKey));
    int files = 0;
    for (const QString &dir : {db.directory(), run.logs.path(), run.workspace.path()}) {
        QDirIterator it(dir, QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
        while (it.hasNext()) {
            const QString path = it.next();
            ++files;
            QVERIFY2(!readAll(path).contains(key), qPrintable(path));
        }
    }
    QVERIFY(files >= 3);
}

QTEST_GUILESS_MAIN(TestLlmAgent)
#include "tst_llmagent.moc"
