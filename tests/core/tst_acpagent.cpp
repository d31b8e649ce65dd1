// The acp backend end to end: a scripted ACP agent (python3, written by each test) speaks the Agent Client
// Protocol with Switchboard as its client, run through the real Orchestrator: initialize, session/new, the prompt
// and its updates, a permission request answered through the inbox, stop reasons, fs/* inside and outside the
// workspace, cancel, malformed lines and an agent that dies mid-prompt.
#include "agents/BackendRegistry.h"
#include "agents/acp/AcpAgent.h"
#include "agents/acp/AcpFileAccess.h"
#include "orchestration/AgentLog.h"
#include "orchestration/AttemptContext.h"
#include "orchestration/Orchestrator.h"
#include "support/GoalBuilder.h"
#include "support/ProfileBuilder.h"
#include "support/TestSupport.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QtConcurrent>

#include <memory>

using namespace switchboard;
using namespace Qt::StringLiterals;

namespace {

// The agent side of the protocol, as a real agent would speak it. Every line it receives goes to
// <out>/<goal>.jsonl, and what it was answered to <out>/<goal>-<name>.json, for the test to read.
const QString kAgentScript =
    uR"PY(# A scripted ACP agent for tst_acpagent: speaks JSON-RPC 2.0 on stdio as the Agent Client Protocol's agent side.
# argv: scenario, output folder. Every line it receives goes to <out>/<goal>.jsonl; what it learns to <out>/<goal>-<name>.json.
import json
import os
import subprocess
import sys

scenario = sys.argv[1]
out = sys.argv[2]
goal = os.environ.get("SWITCHBOARD_GOAL_ID", "goal")
received = open(os.path.join(out, goal + ".jsonl"), "a")
held = []


def record(name, value):
    with open(os.path.join(out, goal + "-" + name + ".json"), "w") as f:
        json.dump(value, f)


def send(message):
    message["jsonrpc"] = "2.0"
    sys.stdout.write(json.dumps(message) + "\n")
    sys.stdout.flush()


def raw(text):
    sys.stdout.write(text + "\n")
    sys.stdout.flush()


def read():
    line = sys.stdin.readline()
    if not line:
        sys.exit(0)
    received.write(line)
    received.flush()
    return json.loads(line)


next_id = [100]


def call(method, params):
    request_id = next_id[0]
    next_id[0] += 1
    send({"id": request_id, "method": method, "params": params})
    while True:
        message = read()
        if message.get("id") == request_id and "method" not in message:
            return message
        held.append(message)


def update(session, body):
    send({"method": "session/update", "params": {"sessionId": session, "update": body}})


def chunk(session, text, kind="agent_message_chunk"):
    update(session, {"sessionUpdate": kind, "content": {"type": "text", "text": text}})


initialize = read()
send({"id": initialize["id"], "result": {"protocolVersion": 2 if scenario == "version" else 1,
                                          "agentCapabilities": {"loadSession": scenario == "resume"},
                                          "authMethods": []}})
opened = read()
if scenario == "auth":
    send({"id": opened["id"], "error": {"code": -32000, "message": "Authentication required"}})
    while True:
        read()
if opened["method"] == "session/load":
    session = opened["params"]["sessionId"]
    chunk(session, "an answer from the earlier turn")
    send({"id": opened["id"], "result": {}})
else:
    session = "sess-" + goal
    send({"id": opened["id"], "result": {"sessionId": session}})
prompt = read()


def end(reason, **extra):
    result = {"stopReason": reason}
    result.update(extra)
    send({"id": prompt["id"], "result": result})


if scenario in ("simple", "resume"):
    chunk(session, "simple done")
    end("end_turn")
elif scenario == "full":
    chunk(session, "Let me look around.\n", "agent_thought_chunk")
    update(session, {"sessionUpdate": "tool_call", "toolCallId": "t1", "title": "Read README.md", "kind": "read",
                     "status": "pending", "rawInput": {"path": "README.md"}})
    update(session, {"sessionUpdate": "tool_call_update", "toolCallId": "t1", "status": "in_progress"})
    update(session, {"sessionUpdate": "tool_call_update", "toolCallId": "t1", "status": "completed",
                     "content": [{"type": "content", "content": {"type": "text", "text": "# Readme"}}]})
    update(session, {"sessionUpdate": "tool_call", "toolCallId": "t2", "title": "Run make test", "kind": "execute",
                     "status": "pending", "rawInput": {"command": "make test"}})
    update(session, {"sessionUpdate": "plan", "entries": [
        {"content": "Read the code", "priority": "high", "status": "completed"},
        {"content": "Write the parser", "priority": "high", "status": "in_progress"},
        {"content": "Run the tests", "priority": "medium", "status": "pending"}]})
    answer = call("session/request_permission", {
        "sessionId": session,
        "toolCall": {"toolCallId": "t2", "title": "Run make test", "kind": "execute",
                     "rawInput": {"command": "make test"}},
        "options": [{"optionId": "allow-once", "name": "Allow", "kind": "allow_once"},
                    {"optionId": "allow-always", "name": "Always allow", "kind": "allow_always"},
                    {"optionId": "reject", "name": "Reject", "kind": "reject_once"}]})
    record("permission", answer)
    update(session, {"sessionUpdate": "tool_call_update", "toolCallId": "t2", "status": "completed"})
    update(session, {"sessionUpdate": "usage_update", "used": 1000, "size": 200000,
                     "cost": {"amount": 0.25, "currency": "USD"}})
    chunk(session, "All done:")
    chunk(session, " parser written\nand tested")
    end("end_turn", usage={"inputTokens": 1200, "outputTokens": 300, "totalTokens": 1500})
elif scenario in ("refusal", "max_tokens", "max_turn_requests"):
    chunk(session, "I will not do that.")
    end(scenario)
elif scenario == "fs":
    workspace = os.getcwd()
    results = {}
    results["write"] = call("fs/write_text_file", {"sessionId": session, "path": os.path.join(workspace, "notes/out.txt"),
                                                   "content": "hello\nworld\nagain\n"})
    results["read"] = call("fs/read_text_file", {"sessionId": session, "path": os.path.join(workspace, "notes/out.txt"),
                                                 "line": 2, "limit": 1})
    results["readOutside"] = call("fs/read_text_file", {"sessionId": session,
                                                        "path": os.path.join(os.path.dirname(workspace), "secret.txt")})
    results["writeOutside"] = call("fs/write_text_file", {"sessionId": session,
                                                          "path": os.path.join(workspace, "../escape.txt"),
                                                          "content": "escaped"})
    results["terminal"] = call("terminal/create", {"sessionId": session, "command": "ls"})
    record("fs", results)
    chunk(session, "files done")
    end("end_turn")
elif scenario in ("cancel", "stubborn"):
    child = subprocess.Popen(["sleep", "60"])
    record("pids", {"leader": os.getpid(), "child": child.pid})
    update(session, {"sessionUpdate": "tool_call", "toolCallId": "w", "title": "Waiting for the build",
                     "kind": "execute", "status": "in_progress"})
    while True:
        message = read()
        if message.get("method") == "session/cancel":
            record("cancel", message)
            if scenario == "cancel":
                end("cancelled")
elif scenario == "malformed":
    raw("this is not json")
    raw("{broken")
    raw("[1, 2]")
    raw('{"jsonrpc": "2.0", "id": "bad-1", "method": 7}')
    record("malformed-answer", read())
    send({"id": 99, "result": {}})
    update(session, {"sessionUpdate": "mystery"})
    send({"method": "custom/notice", "params": {}})
    chunk(session, "still fine")
    end("end_turn")
elif scenario == "die":
    chunk(session, "working on it")
    sys.stderr.write("boom: out of memory\n")
    sys.stderr.flush()
    sys.exit(7)

# Like a real agent: wait for more requests until stdin ends.
while True:
    read()
)PY"_s;

QJsonObject readJson(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return QJsonDocument::fromJson(file.readAll()).object();
}

class NullSink final : public AgentEventSink
{
public:
    void agentLiveStateChanged(const QString &) override {}
};

// An attempt whose context remembers the sessions it was told and offers one to resume: the orchestrator's
// side of recordAgentSession/resumeSessionId, the rest handed to a real AttemptContext.
class SessionContext final : public AgentContext
{
public:
    SessionContext(AttemptContext &inner, QString resume)
        : m_inner(inner)
        , m_resume(std::move(resume))
    {}

    QStringList sessions() const
    {
        const QMutexLocker locker(&m_mutex);
        return m_sessions;
    }

    void recordAgentSession(const QString &sessionId) override
    {
        const QMutexLocker locker(&m_mutex);
        m_sessions << sessionId;
    }
    QString resumeSessionId() const override { return m_resume; }

    const QString &agentId() const override { return m_inner.agentId(); }
    const Goal &goal() const override { return m_inner.goal(); }
    const AgentProfile &profile() const override { return m_inner.profile(); }
    int attempt() const override { return m_inner.attempt(); }
    const QString &workspace() const override { return m_inner.workspace(); }
    const QJsonObject &inputs() const override { return m_inner.inputs(); }
    QJsonObject goalMessage() const override { return m_inner.goalMessage(); }
    void setProgress(int percent) override { m_inner.setProgress(percent); }
    void setProgress(int percent, const QString &step) override { m_inner.setProgress(percent, step); }
    void setStep(const QString &step) override { m_inner.setStep(step); }
    void log(const QString &line) override { m_inner.log(line); }
    void heartbeat() override { m_inner.heartbeat(); }
    void reportRateLimit(double retryAfterS) override { m_inner.reportRateLimit(retryAfterS); }
    void recordIteration(const QString &output) override { m_inner.recordIteration(output); }
    void recordScore(double value) override { m_inner.recordScore(value); }
    void handoff(const QString &data) override { m_inner.handoff(data); }
    void addUsage(qint64 in, qint64 out, double cost) override { m_inner.addUsage(in, out, cost); }
    void recordTranscript(TranscriptEntry entry) override { m_inner.recordTranscript(std::move(entry)); }
    bool recordProcessGroup(ProcessGroupRecord record) override { return m_inner.recordProcessGroup(record); }
    EscalationInbox::Outcome escalate(EscalationInbox::Request request) override { return m_inner.escalate(request); }
    QString raiseEscalation(EscalationInbox::Request request, QObject *receiver, EscalationCallback answered,
                            QString *error) override
    {
        return m_inner.raiseEscalation(std::move(request), receiver, std::move(answered), error);
    }
    void cancelEscalations() override { m_inner.cancelEscalations(); }
    LockManager::Result acquireLocks(const QStringList &resources, std::chrono::milliseconds timeout) override
    {
        return m_inner.acquireLocks(resources, timeout);
    }
    void requestLocks(const QStringList &resources, std::chrono::milliseconds timeout, QObject *receiver,
                      LockCallback done) override
    {
        m_inner.requestLocks(resources, timeout, receiver, std::move(done));
    }
    void cancelLockRequests() override { m_inner.cancelLockRequests(); }
    int releaseLocks(const QStringList &resources) override { return m_inner.releaseLocks(resources); }
    bool hasLostLock() const override { return m_inner.hasLostLock(); }
    bool holdsLock(const QString &resource, quint64 token) const override { return m_inner.holdsLock(resource, token); }
    bool writeNote(const QString &key, const QString &text, QString *error) override
    {
        return m_inner.writeNote(key, text, error);
    }
    QList<NoteRecord> readNotes(const QStringList &keys) const override { return m_inner.readNotes(keys); }
    bool isCancelled() const noexcept override { return m_inner.isCancelled(); }
    bool sleepFor(std::chrono::milliseconds duration) override { return m_inner.sleepFor(duration); }
    void setCancelHandler(std::function<void()> handler) override { m_inner.setCancelHandler(std::move(handler)); }
    void stop(const QString &reason, const QString &errorKind) override { m_inner.stop(reason, errorKind); }
    void beginWait(AgentState state) override { m_inner.beginWait(state); }
    void endWait() override { m_inner.endWait(); }

private:
    AttemptContext &m_inner;
    const QString m_resume;
    mutable QMutex m_mutex;
    QStringList m_sessions;
};

} // namespace

class TestAcpAgent final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();

    void registryKnowsAcp();
    void promptUpdatesAndPermissionEndToEnd();
    void permissionCancelledAnswersCancelled_data();
    void permissionCancelledAnswersCancelled();
    void timeoutCancelsTheTurn();
    void stopReasonFails_data();
    void stopReasonFails();
    void fileSystemStaysInWorkspace();
    void mappedWorkspacePathsAreReadHere();
    void cancelSendsSessionCancelThenEndsGroup_data();
    void cancelSendsSessionCancelThenEndsGroup();
    void malformedLinesAreLoggedNotFatal();
    void agentDyingMidPromptFails();
    void setupRefusedFails_data();
    void setupRefusedFails();
    void recordsAndResumesSession_data();
    void recordsAndResumesSession();

private:
    AgentProfile profile(const QString &scenario) const;
    // Every message the agent of this goal received, in order.
    QList<QJsonObject> received(const QString &goalId) const;
    QJsonObject received(const QString &goalId, const QString &method) const;
    QJsonObject recorded(const QString &goalId, const QString &name) const
    {
        return readJson(QDir(m_out).filePath(goalId + u'-' + name + u".json"_s));
    }
    static bool logContains(const Orchestrator &o, const QString &agentId, const QString &text);

    std::unique_ptr<QTemporaryDir> m_dir;
    QString m_workspace;
    QString m_out;
    QString m_script;
};

void TestAcpAgent::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QVERIFY2(!QStandardPaths::findExecutable(u"python3"_s).isEmpty(), "python3 is needed (scripts/setup installs it)");
}

void TestAcpAgent::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_workspace = m_dir->filePath(u"ws"_s);
    m_out = m_dir->filePath(u"out"_s);
    QVERIFY(QDir().mkpath(m_workspace));
    QVERIFY(QDir().mkpath(m_out));
    m_script = test::writeFile(m_dir->path(), u"agent.py"_s, kAgentScript.toUtf8());
}

void TestAcpAgent::cleanup()
{
    m_dir.reset();
}

AgentProfile TestAcpAgent::profile(const QString &scenario) const
{
    AgentProfile p = test::ProfileBuilder(u"acp-"_s + scenario, u"acp"_s)
                         .command({u"python3"_s, m_script})
                         .setting(u"kill_grace_ms"_s, 300)
                         .setting(u"cancel_grace_ms"_s, 500)
                         .setting(u"exit_grace_ms"_s, 300);
    p.args = {scenario, m_out};
    return p;
}

QList<QJsonObject> TestAcpAgent::received(const QString &goalId) const
{
    QList<QJsonObject> messages;
    QFile file(QDir(m_out).filePath(goalId + u".jsonl"_s));
    if (!file.open(QIODevice::ReadOnly))
        return messages;
    for (const QByteArray &line : file.readAll().split('\n')) {
        if (!line.trimmed().isEmpty())
            messages << QJsonDocument::fromJson(line).object();
    }
    return messages;
}

QJsonObject TestAcpAgent::received(const QString &goalId, const QString &method) const
{
    for (const QJsonObject &message : received(goalId)) {
        if (message.value(u"method").toString() == method)
            return message;
    }
    return {};
}

bool TestAcpAgent::logContains(const Orchestrator &o, const QString &agentId, const QString &text)
{
    const QStringList lines = o.agentLog(agentId);
    return std::any_of(lines.cbegin(), lines.cend(), [&](const QString &line) { return line.contains(text); });
}

void TestAcpAgent::registryKnowsAcp()
{
    const BackendRegistry registry = BackendRegistry::withBuiltins();
    QVERIFY(registry.contains(u"acp"_s));

    AgentProfile p = test::ProfileBuilder(u"acp"_s, u"acp"_s);
    const QList<BackendRegistry::ProfileError> missing = registry.validate(p);
    QCOMPARE(missing.size(), 1);
    QCOMPARE(missing.first().field, u"command"_s);
    QVERIFY(missing.first().message.contains(u"--experimental-acp"_s));

    p.command = {u"gemini"_s, u"--experimental-acp"_s};
    QVERIFY(registry.validate(p).isEmpty());
    p.settings.insert(u"cancel_grace_ms"_s, u"soon"_s);
    p.settings.insert(u"kill_grace_ms"_s, -5);
    QStringList fields;
    for (const BackendRegistry::ProfileError &error : registry.validate(p))
        fields << error.field;
    fields.sort();
    QCOMPARE(fields, (QStringList{u"settings.cancel_grace_ms"_s, u"settings.kill_grace_ms"_s}));

    const QJsonObject properties = registry.find(u"acp"_s)->schema.value(u"properties"_s).toObject();
    QCOMPARE(properties.value(u"cancel_grace_ms"_s).toObject().value(u"type"_s).toString(), u"integer"_s);
    QVERIFY(properties.contains(u"kill_grace_ms"_s));
}

void TestAcpAgent::promptUpdatesAndPermissionEndToEnd()
{
    Orchestrator o;
    o.setWorkspace(m_workspace);
    o.setProfiles({profile(u"full"_s), profile(u"simple"_s)});
    QSignalSpy raised(&o.inbox(), &EscalationInbox::escalationRaised);
    const QStringList ids = o.spawnParallel({test::GoalBuilder(u"parser"_s)
                                                 .title(u"Write the parser"_s)
                                                 .description(u"Parse the config format described in docs/FORMAT.md"_s)
                                                 .successCriteria({u"make test passes"_s})
                                                 .profile(u"acp-full"_s),
                                             test::GoalBuilder(u"docs"_s)
                                                 .title(u"Document the parser"_s)
                                                 .dependsOn({u"parser"_s})
                                                 .profile(u"acp-simple"_s)});
    QCOMPARE(ids.size(), 2);
    const QString id = ids.first();

    // The permission request reaches the inbox with the agent's own options, and the card says it waits.
    QVERIFY(raised.wait(20000));
    const Escalation e = raised.first().first().value<Escalation>();
    QCOMPARE(e.trigger, Escalation::Trigger::Permission);
    QCOMPARE(e.agentId, id);
    QVERIFY2(e.question.contains(u"Run make test"_s), qPrintable(e.question));
    QVERIFY2(e.context.contains(u"make test"_s), qPrintable(e.context));
    QVERIFY2(e.context.contains(u"always allow"_s), qPrintable(e.context));
    QStringList keys;
    QStringList labels;
    for (const Escalation::Option &option : e.options) {
        keys << option.key;
        labels << option.label;
    }
    QCOMPARE(keys, (QStringList{u"allow-once"_s, u"allow-always"_s, u"reject"_s}));
    QCOMPARE(labels,
             (QStringList{u"Allow (allow once)"_s, u"Always allow (always allow)"_s, u"Reject (reject once)"_s}));
    QTRY_COMPARE(o.status(id)->state, AgentState::Escalated);
    QCOMPARE(o.status(id)->openEscalation, e.id);
    // The plan drives the card: 1 of 3 entries done, the one in progress is the step.
    QTRY_COMPARE(o.status(id)->progress, 33);
    QCOMPARE(o.status(id)->currentStep, u"Write the parser"_s);
    QVERIFY(o.agentLog(id).contains(u"plan: 1/3 done \u2014 now: Write the parser"_s));

    // The human's choice goes back to the agent as the JSON-RPC result.
    QVERIFY(o.answer(e.id, u"allow-always"_s, {}));
    QVERIFY(o.waitAll(20000));
    const QJsonObject permission = recorded(u"parser"_s, u"permission"_s);
    QCOMPARE(permission.value(u"result"_s).toObject().value(u"outcome"_s).toObject(),
             (QJsonObject{{u"outcome"_s, u"selected"_s}, {u"optionId"_s, u"allow-always"_s}}));

    const AgentStatus status = *o.status(id);
    QCOMPARE(status.state, AgentState::Completed);
    QCOMPARE(status.summary, u"All done: parser written\nand tested"_s);
    QCOMPARE(status.inputTokens, 1200);
    QCOMPARE(status.outputTokens, 300);
    QCOMPARE(status.costUsd, 0.25);

    // Chunks, thoughts and tool calls became log lines.
    QVERIFY(o.agentLog(id).contains(u"thinking: Let me look around."_s));
    QVERIFY(o.agentLog(id).contains(u"tool: Read README.md [read]"_s));
    QVERIFY(o.agentLog(id).contains(u"tool done: Read README.md"_s));
    QVERIFY(o.agentLog(id).contains(u"tool done: Run make test"_s));
    QVERIFY(o.agentLog(id).contains(u"All done: parser written"_s));
    QVERIFY(o.agentLog(id).contains(u"and tested"_s));
    QVERIFY(logContains(o, id, u"permission for Run make test: Always allow"_s));

    // A readable transcript: the prompt, the calls and their results, the answer.
    const QList<TranscriptEntry> transcript = o.agentTranscript(id);
    QList<TranscriptEntry::Kind> kinds;
    for (const TranscriptEntry &entry : transcript)
        kinds << entry.kind;
    using K = TranscriptEntry::Kind;
    QCOMPARE(kinds, (QList<K>{K::User, K::ToolCall, K::ToolResult, K::ToolCall, K::ToolResult, K::Assistant}));
    QVERIFY(transcript.at(0).text.contains(u"Write the parser"_s));
    QCOMPARE(transcript.at(1).toolCallId, u"t1"_s);
    QVERIFY(transcript.at(1).text.contains(u"README.md"_s));
    QCOMPARE(transcript.at(2).text, u"# Readme"_s);
    QCOMPARE(transcript.at(5).text, u"All done: parser written\nand tested"_s);

    // What the client asked: protocol version 1 with the fs capabilities it implements and no terminal ...
    const QJsonObject initialize = received(u"parser"_s, u"initialize"_s).value(u"params"_s).toObject();
    QCOMPARE(initialize.value(u"protocolVersion"_s).toInt(), 1);
    const QJsonObject capabilities = initialize.value(u"clientCapabilities"_s).toObject();
    QCOMPARE(capabilities.value(u"fs"_s).toObject(),
             (QJsonObject{{u"readTextFile"_s, true}, {u"writeTextFile"_s, true}}));
    QCOMPARE(capabilities.value(u"terminal"_s).toBool(true), false);
    // ... a session in the workspace without MCP servers ...
    const QJsonObject session = received(u"parser"_s, u"session/new"_s).value(u"params"_s).toObject();
    QCOMPARE(session.value(u"cwd"_s).toString(), m_workspace);
    QCOMPARE(session.value(u"mcpServers"_s).toArray(), QJsonArray());
    // ... and the goal as text blocks of that session.
    const QJsonObject prompt = received(u"parser"_s, u"session/prompt"_s).value(u"params"_s).toObject();
    QCOMPARE(prompt.value(u"sessionId"_s).toString(), u"sess-parser"_s);
    QString text;
    for (const QJsonValue &block : prompt.value(u"prompt"_s).toArray()) {
        QCOMPARE(block.toObject().value(u"type"_s).toString(), u"text"_s);
        text += block.toObject().value(u"text"_s).toString() + u'\n';
    }
    QVERIFY2(text.contains(u"Write the parser"_s), qPrintable(text));
    QVERIFY(text.contains(u"Parse the config format described in docs/FORMAT.md"_s));
    QVERIFY(text.contains(u"make test passes"_s));
    // The answer went back as the result of the agent's own request id.
    QCOMPARE(permission.value(u"id"_s).toInt(), 100);

    // The dependent goal gets the first goal's result in its prompt.
    QCOMPARE(o.status(ids.at(1))->state, AgentState::Completed);
    QCOMPARE(o.status(ids.at(1))->summary, u"simple done"_s);
    QString dependentText;
    for (const QJsonValue &block :
         received(u"docs"_s, u"session/prompt"_s).value(u"params"_s).toObject().value(u"prompt"_s).toArray())
        dependentText += block.toObject().value(u"text"_s).toString();
    QVERIFY2(dependentText.contains(u"from goal parser:\nAll done: parser written\nand tested"_s),
             qPrintable(dependentText));
}

void TestAcpAgent::permissionCancelledAnswersCancelled_data()
{
    QTest::addColumn<bool>("cancelAttempt"); // else the human withdraws the question in the inbox
    QTest::newRow("question cancelled in the inbox") << false;
    QTest::newRow("attempt cancelled while it waits") << true;
}

void TestAcpAgent::permissionCancelledAnswersCancelled()
{
    QFETCH(bool, cancelAttempt);
    Orchestrator o;
    o.setWorkspace(m_workspace);
    o.setProfiles({profile(u"full"_s)});
    QSignalSpy raised(&o.inbox(), &EscalationInbox::escalationRaised);
    const QString id = o.spawn(test::GoalBuilder(u"g"_s).profile(u"acp-full"_s));
    QVERIFY(raised.wait(20000));
    const Escalation e = raised.first().first().value<Escalation>();
    QTRY_COMPARE(o.status(id)->state, AgentState::Escalated);
    if (cancelAttempt)
        QVERIFY(o.cancel(id));
    else
        QVERIFY(o.inbox().cancel(e.id, u"not now"_s));
    QVERIFY(o.waitAll(20000));
    QTRY_VERIFY(!recorded(u"g"_s, u"permission"_s).isEmpty());
    QCOMPARE(recorded(u"g"_s, u"permission"_s).value(u"result"_s).toObject().value(u"outcome"_s).toObject(),
             (QJsonObject{{u"outcome"_s, u"cancelled"_s}}));
    QCOMPARE(o.inbox().find(e.id)->state, Escalation::State::Cancelled);
    // Without the permission the agent still ends its turn; a cancelled attempt stays cancelled.
    QCOMPARE(o.status(id)->state, cancelAttempt ? AgentState::Cancelled : AgentState::Completed);
    if (cancelAttempt)
        QVERIFY(logContains(o, id, u"sent session/cancel"_s));
}

void TestAcpAgent::timeoutCancelsTheTurn()
{
    Orchestrator o;
    o.setWorkspace(m_workspace);
    AgentProfile p = profile(u"stubborn"_s);
    // The clock runs from the program's start; the turn must have begun when it runs out, or there is no turn to
    // cancel (the program is ended instead). 1 s was too short for python's start at load 7 on two cores.
    p.timeoutS = 5;
    o.setProfiles({p});
    const QString id = o.spawn(test::GoalBuilder(u"g"_s).profile(p.name));
    QVERIFY(o.waitAll(30000));
    const AgentStatus status = *o.status(id);
    QCOMPARE(status.state, AgentState::Failed);
    QCOMPARE(status.errorKind, u"timeout"_s);
    QVERIFY2(status.error.startsWith(u"timed out after 5 s"_s), qPrintable(status.error));
    QVERIFY(logContains(o, id, u"sent session/cancel"_s));
    // The stub writes down what it received from its own process: under load that can land after waitAll().
    QTRY_COMPARE_WITH_TIMEOUT(recorded(u"g"_s, u"cancel"_s).value(u"method"_s).toString(), u"session/cancel"_s, 10000);
    QTRY_VERIFY(!test::processAlive(recorded(u"g"_s, u"pids"_s).value(u"child"_s).toInteger()));
}

void TestAcpAgent::stopReasonFails_data()
{
    QTest::addColumn<QString>("reason");
    QTest::addColumn<QString>("error");
    QTest::newRow("refusal") << u"refusal"_s << u"the agent refused to continue (stop reason refusal)"_s;
    QTest::newRow("max_tokens") << u"max_tokens"_s
                                << u"the agent reached its maximum number of tokens (stop reason max_tokens)"_s;
    QTest::newRow("max_turn_requests") << u"max_turn_requests"_s << u"(stop reason max_turn_requests)"_s;
}

void TestAcpAgent::stopReasonFails()
{
    QFETCH(QString, reason);
    QFETCH(QString, error);
    Orchestrator o;
    o.setWorkspace(m_workspace);
    o.setProfiles({profile(reason)});
    const QString id = o.spawn(test::GoalBuilder(u"g"_s).profile(u"acp-"_s + reason));
    QVERIFY(o.waitAll(20000));
    const AgentStatus status = *o.status(id);
    QCOMPARE(status.state, AgentState::Failed);
    QVERIFY2(status.error.contains(error), qPrintable(status.error));
    QVERIFY2(status.error.contains(u"the agent said: I will not do that."_s), qPrintable(status.error));
    QCOMPARE(status.errorKind, reason);
}

void TestAcpAgent::fileSystemStaysInWorkspace()
{
    QVERIFY(QFile(m_dir->filePath(u"secret.txt"_s)).open(QIODevice::WriteOnly));
    Orchestrator o;
    o.setWorkspace(m_workspace);
    o.setProfiles({profile(u"fs"_s)});
    const QString id = o.spawn(test::GoalBuilder(u"g"_s).profile(u"acp-fs"_s));
    QVERIFY(o.waitAll(20000));
    QCOMPARE(o.status(id)->state, AgentState::Completed);
    const QJsonObject fs = recorded(u"g"_s, u"fs"_s);

    // Inside: written (through the file's lock) and read back from line 2, one line.
    QVERIFY2(fs.value(u"write"_s).toObject().contains(u"result"_s), QJsonDocument(fs).toJson().constData());
    QFile written(QDir(m_workspace).filePath(u"notes/out.txt"_s));
    QVERIFY(written.open(QIODevice::ReadOnly));
    QCOMPARE(written.readAll(), "hello\nworld\nagain\n");
    QCOMPARE(fs.value(u"read"_s).toObject().value(u"result"_s).toObject().value(u"content"_s).toString(), u"world\n"_s);
    QVERIFY(o.agentLog(id).contains(u"wrote "_s + QDir(m_workspace).filePath(u"notes/out.txt"_s)));

    // Outside: refused with an error the agent can read; nothing escaped.
    const QJsonObject readOutside = fs.value(u"readOutside"_s).toObject().value(u"error"_s).toObject();
    QCOMPARE(readOutside.value(u"code"_s).toInt(), -32602);
    QVERIFY2(readOutside.value(u"message"_s).toString().contains(u"secret.txt"_s),
             qPrintable(readOutside.value(u"message"_s).toString()));
    const QJsonObject writeOutside = fs.value(u"writeOutside"_s).toObject().value(u"error"_s).toObject();
    QCOMPARE(writeOutside.value(u"code"_s).toInt(), -32602);
    QVERIFY(!QFile::exists(m_dir->filePath(u"escape.txt"_s)));
    QVERIFY(logContains(o, id, u"fs/write_text_file"_s));

    // A method the client does not offer (it said terminal: false) is answered "method not found".
    QCOMPARE(fs.value(u"terminal"_s).toObject().value(u"error"_s).toObject().value(u"code"_s).toInt(), -32601);
    QVERIFY(logContains(o, id, u"terminal/create"_s));
}

void TestAcpAgent::mappedWorkspacePathsAreReadHere()
{
    const auto pathParams = [](const QString &path) { return QJsonObject{{u"path"_s, QJsonValue(path)}}; };
    // An agent on an SSH host with a workdir works in workdir/<name> and names its files there: those paths are
    // the workspace's files here; anything else is judged as given (and refused outside the workspace).
    QVERIFY(QDir(m_workspace).mkpath(u"notes"_s));
    QFile in(QDir(m_workspace).filePath(u"notes/in.txt"_s));
    QVERIFY(in.open(QIODevice::WriteOnly));
    in.write("one\ntwo\n");
    in.close();
    QVERIFY(QFile(m_dir->filePath(u"secret.txt"_s)).open(QIODevice::WriteOnly));
    AttemptContext context(u"a-1"_s, test::GoalBuilder(u"g"_s), test::ProfileBuilder(u"acp"_s, u"acp"_s), 1,
                           m_workspace, nullptr, nullptr);
    QObject receiver;
    const QString remote = u"/srv/agents/ws"_s;
    const AcpFileAccess files(context, m_workspace, &receiver, AcpFileAccess::DefaultLockTimeout, remote);

    AcpFileAccess::Answer answer = files.read(pathParams(remote + u"/notes/in.txt"_s));
    QVERIFY2(!answer.isError(), qPrintable(answer.error));
    QCOMPARE(answer.result.toObject().value(u"content"_s).toString(), u"one\ntwo\n"_s);
    answer = files.read(pathParams(remote + u"/../secret.txt"_s));
    QVERIFY(answer.isError());
    answer = files.read(pathParams(m_dir->filePath(u"secret.txt"_s)));
    QVERIFY(answer.isError());
    // The desktop's own path still works (a shared filesystem mounted at the same place).
    answer = files.read(pathParams(QDir(m_workspace).filePath(u"notes/in.txt"_s)));
    QVERIFY2(!answer.isError(), qPrintable(answer.error));
}

void TestAcpAgent::cancelSendsSessionCancelThenEndsGroup_data()
{
    QTest::addColumn<QString>("scenario");
    QTest::newRow("ends its turn as cancelled") << u"cancel"_s;
    QTest::newRow("ignores session/cancel") << u"stubborn"_s;
}

void TestAcpAgent::cancelSendsSessionCancelThenEndsGroup()
{
    QFETCH(QString, scenario);
    Orchestrator o;
    o.setWorkspace(m_workspace);
    o.setProfiles({profile(scenario)});
    const QString id = o.spawn(test::GoalBuilder(u"g"_s).profile(u"acp-"_s + scenario));
    QTRY_COMPARE_WITH_TIMEOUT(o.status(id)->currentStep, u"Waiting for the build"_s, 20000);
    const QJsonObject pids = recorded(u"g"_s, u"pids"_s);
    const qint64 leader = pids.value(u"leader"_s).toInteger();
    const qint64 child = pids.value(u"child"_s).toInteger();
    QVERIFY(leader > 0 && child > 0);
    QVERIFY(test::processAlive(child));

    QVERIFY(o.cancel(id));
    QVERIFY(o.waitAll(20000));
    QCOMPARE(o.status(id)->state, AgentState::Cancelled);
    // The agent was told first, in the protocol's words ...
    QCOMPARE(recorded(u"g"_s, u"cancel"_s).value(u"params"_s).toObject().value(u"sessionId"_s).toString(), u"sess-g"_s);
    QVERIFY(logContains(o, id, u"sent session/cancel"_s));
    // ... and then its whole process group ended, the child it started included.
    QTRY_VERIFY(!test::processAlive(leader));
    QTRY_VERIFY(!test::processAlive(child));
    if (scenario == u"stubborn")
        QVERIFY(logContains(o, id, u"the turn did not end within 500 ms of session/cancel"_s));
    else
        QVERIFY(logContains(o, id, u"the turn ended (stop reason cancelled) after session/cancel"_s));
}

void TestAcpAgent::malformedLinesAreLoggedNotFatal()
{
    Orchestrator o;
    o.setWorkspace(m_workspace);
    o.setProfiles({profile(u"malformed"_s)});
    const QString id = o.spawn(test::GoalBuilder(u"g"_s).profile(u"acp-malformed"_s));
    QVERIFY(o.waitAll(20000));
    QCOMPARE(o.status(id)->state, AgentState::Completed);
    QCOMPARE(o.status(id)->summary, u"still fine"_s);
    const QString prefix = u'[' + id + u"] malformed ACP message on line "_s;
    QVERIFY(logContains(o, id, prefix));
    QVERIFY(logContains(o, id, u"this is not json"_s));
    QVERIFY(logContains(o, id, u"{broken"_s));
    QVERIFY(logContains(o, id, u"not a JSON object \u2014 [1, 2]"_s));
    QVERIFY(logContains(o, id, u"response to unknown request id 99 ignored"_s));
    QVERIFY(logContains(o, id, u"unknown session update \"mystery\""_s));
    QVERIFY(logContains(o, id, u"notification custom/notice ignored"_s));
    // A request it could not read still got an answer, so the agent was not left waiting.
    const QJsonObject answer = recorded(u"g"_s, u"malformed-answer"_s);
    QCOMPARE(answer.value(u"id"_s).toString(), u"bad-1"_s);
    QCOMPARE(answer.value(u"error"_s).toObject().value(u"code"_s).toInt(), -32600);
}

void TestAcpAgent::agentDyingMidPromptFails()
{
    Orchestrator o;
    o.setWorkspace(m_workspace);
    o.setProfiles({profile(u"die"_s)});
    const QString id = o.spawn(test::GoalBuilder(u"g"_s).profile(u"acp-die"_s));
    QVERIFY(o.waitAll(20000));
    const AgentStatus status = *o.status(id);
    QCOMPARE(status.state, AgentState::Failed);
    QVERIFY2(status.error.startsWith(u"the agent exited with code 7 before its turn ended"_s),
             qPrintable(status.error));
    QVERIFY(status.error.contains(u"boom: out of memory"_s));
    QCOMPARE(status.errorKind, u"exit"_s);
    QVERIFY(o.agentLog(id).contains(u"working on it"_s));
}

void TestAcpAgent::setupRefusedFails_data()
{
    QTest::addColumn<QString>("scenario");
    QTest::addColumn<QString>("error");
    QTest::newRow("another protocol version")
        << u"version"_s << u"the agent speaks ACP protocol version 2; Switchboard speaks version 1"_s;
    QTest::newRow("authentication required")
        << u"auth"_s << u"session/new failed: Authentication required (code -32000): the agent needs you to sign in"_s;
}

void TestAcpAgent::setupRefusedFails()
{
    QFETCH(QString, scenario);
    QFETCH(QString, error);
    Orchestrator o;
    o.setWorkspace(m_workspace);
    o.setProfiles({profile(scenario)});
    const QString id = o.spawn(test::GoalBuilder(u"g"_s).profile(u"acp-"_s + scenario));
    QVERIFY(o.waitAll(20000));
    const AgentStatus status = *o.status(id);
    QCOMPARE(status.state, AgentState::Failed);
    QVERIFY2(status.error.startsWith(error), qPrintable(status.error));
    QCOMPARE(status.errorKind, u"invalid"_s);
    // Nothing was prompted.
    QVERIFY(received(u"g"_s, u"session/prompt"_s).isEmpty());
}

void TestAcpAgent::recordsAndResumesSession_data()
{
    QTest::addColumn<QString>("scenario"); // "resume": the agent advertises loadSession
    QTest::addColumn<QString>("resume");
    QTest::addColumn<QString>("method");
    QTest::addColumn<QString>("session");
    QTest::newRow("new session") << u"simple"_s << QString() << u"session/new"_s << u"sess-g"_s;
    QTest::newRow("resumed with session/load") << u"resume"_s << u"sess-old"_s << u"session/load"_s << u"sess-old"_s;
    QTest::newRow("agent cannot load: new session") << u"simple"_s << u"sess-old"_s << u"session/new"_s << u"sess-g"_s;
}

void TestAcpAgent::recordsAndResumesSession()
{
    QFETCH(QString, scenario);
    QFETCH(QString, resume);
    QFETCH(QString, method);
    QFETCH(QString, session);
    const AgentProfile p = profile(scenario);
    Goal goal = test::GoalBuilder(u"g"_s).profile(p.name);
    NullSink sink;
    AttemptContext inner(u"a-1"_s, goal, p, 1, m_workspace, std::make_shared<AgentLog>(), &sink);
    SessionContext context(inner, resume);
    AcpAgent agent(p);
    QFuture<AgentResult> future = QtConcurrent::run([&] { return agent.run(context); });
    QVERIFY(QTest::qWaitFor([&] { return future.isFinished(); }, 20000));
    const AgentResult result = future.result();
    QCOMPARE(result.outcome, AgentResult::Outcome::Completed);
    // What session/load replays is the earlier turn's, not this one's summary.
    QCOMPARE(result.summary, u"simple done"_s);
    QCOMPARE(context.sessions(), QStringList{session});

    const QJsonObject opened = received(u"g"_s, method).value(u"params"_s).toObject();
    QCOMPARE(opened.value(u"cwd"_s).toString(), m_workspace);
    QCOMPARE(opened.value(u"mcpServers"_s).toArray(), QJsonArray());
    if (method == u"session/load")
        QCOMPARE(opened.value(u"sessionId"_s).toString(), u"sess-old"_s);
    QCOMPARE(received(u"g"_s, u"session/prompt"_s).value(u"params"_s).toObject().value(u"sessionId"_s).toString(),
             session);
    if (!resume.isEmpty() && method == u"session/new")
        QVERIFY(inner.agentLog().lines().join(u'\n').contains(u"cannot resume session sess-old"_s));
}

QTEST_GUILESS_MAIN(TestAcpAgent)
#include "tst_acpagent.moc"
